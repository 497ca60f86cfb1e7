"""First-run setup: connect to the shop's relay (URL + token, checked), choose country and currency."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QSettings, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWizard,
    QWizardPage,
)

from app.relay_client import CheckOutcome, CheckResult, check_relay
from app.relay_token_text import foreign_letters
from app.relay_url import normalise_relay_url, plain_http_address
from app.wire import CheckReport
from ui import icons, message_box
from ui.busy_button import set_busy
from ui.confirm import confirm
from ui.connection_banner import unbroken
from ui.context import AppContext
from ui.error_sentences import UNREACHABLE_FOR_A_REASON, code_sentence, storage_sentence
from ui.formatting import command_kept_whole
from ui.link_label import LinkLabel
from ui.ops import Op, failure_sentence
from ui.relay_check_view import (
    RelayCheckPanel,
    checked_address,
    not_an_address_sentence,
    plain_http_sentence,
)
from ui.relay_help import RelayHelpDialog
from ui.relay_token_field import foreign_letters_sentence, keep_token_line
from ui.save_paths import remember_folders_in
from ui.screen_fit import resize_within_screen
from ui.shop_place import ShopPlaceFields, computer_place
from ui.theme import fine_colour, problem_colour

if TYPE_CHECKING:
    from pathlib import Path

    from app.chat_export.importer import ImportSummary
    from ui.import_dialog import ImportDialog
    from ui.restore_choice import RestoreChoice

log = logging.getLogger(__name__)

# window.ini's key for the relay address the wizard last checked, until the wizard ends.
TRIED_ADDRESS_KEY = "setup/tried_relay_address"


def explain(result: CheckResult, url: str = "") -> str:
    """A sentence a shop owner understands for each outcome (`url`: the address that was checked),
    the relay command it names kept on one line."""
    return command_kept_whole(_outcome_sentence(result, url))


def _outcome_sentence(result: CheckResult, url: str) -> str:
    translate = QCoreApplication.translate
    if result.outcome is CheckOutcome.UNREACHABLE and result.cause in UNREACHABLE_FOR_A_REASON:
        return code_sentence(result.cause, {})
    if result.outcome is CheckOutcome.SERVER_ERROR and (said := storage_sentence(result.storage_cause)):
        return said  # a read-only database or a refused login: not mended in a minute
    if result.outcome is CheckOutcome.NOT_A_RELAY and result.relay_at:
        return translate(
            "RelayCheck",
            "Something answered at this address, but it is not a Shop Inbox relay. Your relay answers "
            "at {relay_at}: use that address.",
        ).format(relay_at=unbroken(result.relay_at))  # "http://" not left at a line's end
    return {
        CheckOutcome.OK: translate(
            "RelayCheck", "Connected. Your relay answers and accepts the relay token."
        ),
        CheckOutcome.INVALID_URL: not_an_address_sentence(),
        CheckOutcome.INSECURE_REMOTE: translate(
            "RelayCheck",
            "This address starts with http://, so your relay token would travel unencrypted over the "
            "internet. Use the https:// address of your relay.",
        ),
        CheckOutcome.UNREACHABLE: translate(
            "RelayCheck",
            "The relay at {url} could not be reached. Check the address, your internet connection, and "
            "that the relay is running.",
        ).format(url=url),
        CheckOutcome.NOT_A_RELAY: translate(
            "RelayCheck",
            "Something answered at this address, but it is not a Shop Inbox relay. Check the address.",
        ),
        CheckOutcome.WRONG_TOKEN: translate(
            "RelayCheck",
            "The relay refused this relay token. Copy it again from the relay (shop-inbox-relay token) "
            "and paste it here.",
        ),
        CheckOutcome.SERVER_ERROR: translate(
            "RelayCheck", "The relay had a problem answering. Try again in a minute."
        ),
        CheckOutcome.HELD_OFF: translate(
            "RelayCheck",
            "Your relay is refusing this network for a few minutes because many wrong relay tokens "
            "came from it. Wait five minutes, then check again with the relay token that "
            "shop-inbox-relay token shows.",
        ),
        CheckOutcome.PLAIN_HTTP: plain_http_sentence(url, plain_http_address(url)),
    }[result.outcome]


class RelayPage(QWizardPage):
    """Relay address and token, with a check that explains any failure in plain words."""

    checking = Signal(str)  # the address a check starts on, as typed

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__()
        self.setTitle(self.tr("Connect to your relay"))
        self.setSubTitle(
            self.tr(
                "The relay is the small always-on server that receives your WhatsApp messages. "
                "Paste its address and the relay token it printed.",
            )
        )
        self.url = QLineEdit()
        self.url.setPlaceholderText("https://relay.myshop.com")
        self.token = QLineEdit()
        self.token.setEchoMode(QLineEdit.EchoMode.Password)
        keep_token_line(self.token)
        self.token.setPlaceholderText(self.tr("Paste the relay token"))
        self.check_button = QPushButton(self.tr("&Check connection"))
        self.result = QLabel()
        self.result.setWordWrap(True)
        self.result.setTextFormat(Qt.TextFormat.PlainText)
        # The command it may name is the owner's to copy into her server's terminal, as typed.
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        message_box.copied_without_joiners(self)
        # A page inside the app in the owner's language (a markdown file handed to the system opened
        # nothing on a computer without a viewer for it, and it is English for the server's admin).
        guide = LinkLabel(self.tr("How do I set up a relay?"), "#relay-help")
        guide.setObjectName("relayHelpLink")
        guide.reach_by_tab()  # an owner at the keyboard had no way to the guide
        self.guide = guide
        guide.linkActivated.connect(lambda _link: self.show_help())
        form = QFormLayout()
        form.addRow(self.tr("Relay &address"), self.url)
        form.addRow(self.tr("Relay &token"), self.token)
        row = QHBoxLayout()
        row.addWidget(self.check_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(row)
        layout.addWidget(self.result)
        # Once the relay answers, its own check of WhatsApp's side: a tick or a cross per step.
        self.report = RelayCheckPanel()
        # The shop's country is asked on a later page; its first guess, the computer's, writes the
        # number WhatsApp gives as the owner dials it ("02-555-0100", not Meta's "8225550100").
        self.report.view.shop_region = computer_place()[0]
        layout.addWidget(self.report, 1)
        layout.addWidget(guide)
        self.last_result: CheckResult | None = None
        self._checked_for: tuple[str, str] | None = None
        # The shop's number as WhatsApp gives it, from the relay's check: the share link's number.
        self.business_number = ""
        # The relay's own check as last shown: what it found open follows the owner into the inbox.
        self.check_report: CheckReport | None = None
        self.report.finished.connect(self._reported)
        self.check_button.clicked.connect(self.start_check)
        # Enter after pasting checks, as the button does; once the check passed it goes on (the
        # wizard's Next, its default button, gets the key).
        self.url.returnPressed.connect(lambda: self._entered(self.url))
        self.token.returnPressed.connect(lambda: self._entered(self.token))
        self.url.textChanged.connect(self._invalidate)
        self.token.textChanged.connect(self._invalidate)
        self._help: RelayHelpDialog | None = None
        self.registerField("relay_url*", self.url)
        self.registerField("relay_token*", self.token)

    def initializePage(self) -> None:
        # The address kept from a start cut short is there: the keyboard goes where the owner goes on.
        if self.url.text() and not self.token.text():
            QTimer.singleShot(0, self.token, lambda: self.token.setFocus(Qt.FocusReason.OtherFocusReason))

    def cleanupPage(self) -> None:
        # QWizard's Back empties a page's fields (here the pasted address and token, and so the check
        # that passed): an owner who went back to read the first page had to paste both again.
        pass

    def show_help(self) -> None:
        """What a relay is and where its address and token come from (not modal: the owner may
        copy from it into the fields)."""
        if self._help is None:
            self._help = RelayHelpDialog(self, in_wizard=True)
        self._help.show()
        self._help.raise_()
        self._help.activateWindow()

    def _invalidate(self) -> None:
        self.last_result = None
        self.business_number = ""
        self.check_report = None
        self.result.clear()
        self.report.reset()
        self.completeChanged.emit()

    def _entered(self, field: QLineEdit) -> None:
        if self.isComplete() or not self.check_button.isEnabled():
            return
        if not self.url.text().strip():
            if field is not self.url:  # Enter in the token field before any address: the address first
                self.url.setFocus()
            return
        if not self.token.text().strip() and field is not self.token:
            self.token.setFocus()  # the address typed: on to the token's field
            return
        # Enter in the token's field left empty says what goes there, as Check connection does:
        # putting the cursor where it already was did nothing a newcomer could see.
        self.start_check()

    def start_check(self) -> None:
        url, token = checked_address(self.url), self.token.text().strip()
        if not token:
            # Check connection with the token field empty: ask for it, rather than have the relay
            # "refuse this relay token" the owner has not given yet.
            self.result.setText(
                command_kept_whole(
                    self.tr("Paste the relay token too: the relay prints it (shop-inbox-relay token).")
                )
            )
            self.result.setStyleSheet("color: #b3261e;")
            self.token.setFocus()
            return
        if letters := foreign_letters(token):  # typed with the keyboard in Korean: "ㅅㄷㄴㅅ"
            self.result.setText(command_kept_whole(foreign_letters_sentence(letters)))
            self.result.setStyleSheet("color: #b3261e;")
            self.token.setFocus()
            return
        self.checking.emit(self.url.text().strip())
        set_busy(self.check_button, True)
        self.result.setText(self.tr("Checking…"))
        Op(lambda: check_relay(url, token), parent=self).success(
            lambda result: self._checked(result, (url, token))
        ).failure(
            lambda exc: self._checked(CheckResult(CheckOutcome.UNREACHABLE, str(exc)), (url, token))
        ).run()

    def _checked(self, result: CheckResult, checked_for: tuple[str, str]) -> None:
        set_busy(self.check_button, False)
        self.last_result = result
        self._checked_for = checked_for
        self.result.setText(explain(result, checked_for[0]))
        self.result.setStyleSheet(f"color: {fine_colour() if result.ok else problem_colour()};")
        if result.ok:
            url, token = checked_for
            self.report.start(lambda: (url, lambda: token))
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return bool(self.last_result and self.last_result.ok)

    def _reported(self, report: CheckReport | None) -> None:
        self.check_report = report
        number = report.number if report is not None else None
        self.business_number = (number.display_phone_number or "") if number is not None else ""


class ShopPage(QWizardPage):
    """Country (for phone number formatting) and the currency of prices."""

    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Your shop"))
        self.setSubTitle(self.tr("Used to show phone numbers and prices the way your customers write them."))
        self.place = ShopPlaceFields(self)
        self.country, self.currency = self.place.country, self.place.currency
        # The computer's own country and its money first (an English computer in the UK was offered
        # South Korea and won).
        self.place.choose(*computer_place())
        # A shop's inbox is there from the moment the laptop is: ticked, in plain sight, and in
        # Settings ▸ Messages afterwards.
        self.open_at_sign_in = QCheckBox(self.tr("Open Shop Inbox when I sign &in to this computer"))
        self.open_at_sign_in.setChecked(True)
        self._sign_in_chosen = False
        self.open_at_sign_in.clicked.connect(self._chose_sign_in)
        # Why Finish did not close the wizard: the relay token was not kept (said once it is known).
        self.not_kept = QLabel()
        self.not_kept.setObjectName("tokenNotKept")
        self.not_kept.setWordWrap(True)
        self.not_kept.setTextFormat(Qt.TextFormat.PlainText)
        self.not_kept.hide()
        form = QFormLayout(self)
        self.place.add_rows(form)
        form.addRow(self.open_at_sign_in)
        form.addRow(self.not_kept)

    def say_keeping(self) -> None:
        self.not_kept.setText(self.tr("Keeping the relay token in this computer's password store…"))
        self.not_kept.setStyleSheet("")
        self.not_kept.show()

    def say_not_kept(self, sentence: str) -> None:
        self.not_kept.setText(sentence)
        self.not_kept.setStyleSheet(f"color: {problem_colour()};")
        self.not_kept.setVisible(bool(sentence))

    def _chose_sign_in(self) -> None:
        self._sign_in_chosen = True

    def relay_reported(self, report: CheckReport | None) -> None:
        """A demo relay (its customers simulated: someone trying Shop Inbox, not a shop) leaves the
        computer's start-up list alone unless the owner ticks it; a real one ticks it again."""
        if not self._sign_in_chosen:
            self.open_at_sign_in.setChecked(not (report is not None and report.sandbox))

    @property
    def region(self) -> str:
        return self.place.region

    @property
    def currency_code(self) -> str:
        return self.place.currency_code


class SetupWizard(QWizard):
    """Shown when no relay is configured (and not in the demo)."""

    demo_requested = Signal()

    def __init__(self, parent: QObject | None = None, ctx: AppContext | None = None) -> None:
        super().__init__()
        self.ctx = ctx
        self.setWindowTitle(self.tr("Set up Shop Inbox"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        intro = QWizardPage()
        intro.setTitle(self.tr("Welcome to Shop Inbox"))
        intro.setSubTitle(self.tr("Answer your WhatsApp customers from this computer."))
        text = QLabel(
            self.tr(
                "To connect your shop's WhatsApp number you need its relay address and relay token. "
                "Not ready yet? Try the demo shop first: nothing you do there touches your own data.",
            )
        )
        text.setWordWrap(True)
        self.demo_button = QPushButton(self.tr("&Try the demo"))
        self.demo_button.clicked.connect(self._demo)
        # Enter is Next, whichever button has the focus: the demo is a choice made with a click.
        self.demo_button.setAutoDefault(False)
        # The demo opens in a window of its own: closed, the owner is back here, not out of the app.
        self.demo_note = QLabel(
            self.tr(
                "The demo shop opens in a window of its own. Close it when you have seen enough: "
                "this setup waits here for you."
            )
        )
        self.demo_note.setObjectName("demoNote")
        self.demo_note.setWordWrap(True)
        self.demo_note.hide()
        box = QVBoxLayout(intro)
        box.addWidget(text)
        box.addWidget(self.demo_button, alignment=Qt.AlignmentFlag.AlignLeft)
        box.addWidget(self.demo_note)
        self.import_button: QPushButton | None = None
        self.restore_button: QPushButton | None = None
        self.restored_from: Path | None = None  # the backup the inbox now holds
        # Open at sign-in, as the owner answered with the restore (the shop page it skips asks it).
        self.restored_sign_in: bool | None = None
        if ctx is not None:
            # The folder an export or a backup is picked from here is where File ▸ Import chat from
            # phone… and Restore start later, as the main window's own picks are (ui/save_paths.py).
            remember_folders_in(str(ctx.paths.config_dir / "window.ini"))
            # Years of chats from the phone app, browsable from day one (WhatsApp's "Export chat"),
            # with or without a relay: offered before the relay page, which needs one to go on.
            self.import_button = QPushButton(self.tr("&Import chats exported from your phone…"))
            self.import_button.clicked.connect(lambda: self.import_chats())
            self.import_button.setAutoDefault(False)
            box.addWidget(self.import_button, alignment=Qt.AlignmentFlag.AlignLeft)
            # A new computer: the chats, orders and settings of the old one come back from its
            # backup, and the inbox opens on them (the relay token is asked for there: a backup
            # never holds it).
            self.restore_button = QPushButton(self.tr("&Restore a backup from your old computer…"))
            self.restore_button.clicked.connect(self.choose_backup)
            self.restore_button.setAutoDefault(False)
            box.addWidget(self.restore_button, alignment=Qt.AlignmentFlag.AlignLeft)
        later = QLabel(
            self.tr(
                "No relay yet? Choose “Set up later” (or close this window): you can connect one any "
                "time with File ▸ Settings, and bring in past chats with File ▸ Import chat from phone."
            )
        )
        later.setWordWrap(True)
        self.later_note = later
        box.addSpacing(12)
        box.addWidget(later)
        # After an import: what came in, and where to go from here (the wizard's end, for an owner
        # with no relay yet, is this page and “Set up later”).
        self.imported_chats: set[int] = set()
        self.imported_messages = 0
        self.imported_note = QFrame()
        self.imported_note.setObjectName("importedNote")
        self.imported_note.setFrameShape(QFrame.Shape.StyledPanel)
        tick = QLabel()
        tick.setPixmap(icons.icon("tick").pixmap(20, 20))
        self.imported_text = QLabel()
        self.imported_text.setWordWrap(True)
        self.imported_text.setTextFormat(Qt.TextFormat.PlainText)
        row = QHBoxLayout(self.imported_note)
        row.addWidget(tick, alignment=Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.imported_text, 1)
        self.imported_note.hide()
        box.addWidget(self.imported_note)
        box.addStretch(1)
        # Leaving the wizard is a choice the owner may make on purpose; it is not asked again.
        # Every button in the app's own words, each with its Alt letter: Qt's Korean wrote
        # "다음 (N) >" and "‹ 뒤로(B)" in its own fashion, and "Set up later" had no letter at all.
        Wizard = QWizard.WizardButton
        for which, words in (
            (Wizard.BackButton, self.tr("< &Back")),
            (Wizard.NextButton, self.tr("&Next >")),
            (Wizard.FinishButton, self.tr("&Finish")),
            (Wizard.CancelButton, self.tr("Set up &later")),
        ):
            self.setButtonText(which, words)
        self.relay_page = RelayPage()
        self.shop_page = ShopPage()
        self.relay_page.report.finished.connect(self.shop_page.relay_reported)
        self.addPage(intro)
        self.addPage(self.relay_page)
        self.addPage(self.shop_page)
        self.currentIdChanged.connect(lambda _id: self._offer_later())
        # Finish keeps the relay token first (the keyring may show its unlock prompt, or take
        # seconds): the relay and token it holds, whether a keep is under way, whether one failed
        # and for which relay ("Set up later" empties the relay page's fields).
        self._kept_for: tuple[str, str] | None = None
        self.keeping_token = False
        self.token_not_kept = False
        self.tried_relay_url = ""
        # "Set up later" after the relay's check passed: the relay is kept as Finish keeps it, and
        # only the rest is skipped.
        self.later_keeps_relay = False
        # Ctrl+Q as in the app's every window (ui/menus.py's Quit): it did nothing here. The app
        # ends with nothing of the setup kept, and the setup opens again at the next start.
        self.quit_asked = False
        quit_keys = QShortcut(QKeySequence("Ctrl+Q"), self)
        quit_keys.activated.connect(self.quit_app)
        # The address of the last check, kept until the wizard ends: a first start cut short (a
        # crash, the computer switched off) opened on empty fields, the address to find again.
        self._memory: QSettings | None = None
        if ctx is not None:
            self._memory = QSettings(str(ctx.paths.config_dir / "window.ini"), QSettings.Format.IniFormat)
            typed = self._memory.value(TRIED_ADDRESS_KEY, "")
            if isinstance(typed, str) and typed:
                self.relay_page.url.setText(typed)
            self.relay_page.checking.connect(self._remember_address)
        resize_within_screen(self, QSize(680, 640))

    def _remember_address(self, address: str) -> None:
        assert self._memory is not None
        self._memory.setValue(TRIED_ADDRESS_KEY, address)
        self._memory.sync()  # now: a crash never lets Qt write it later

    def done(self, result: int) -> None:
        """The wizard's end, whichever: the address it kept for a start cut short goes (Finish has
        it in the preferences; leaving was said to keep none)."""
        if self._memory is not None:
            self._memory.remove(TRIED_ADDRESS_KEY)
            self._memory.sync()
        super().done(result)

    def _offer_later(self) -> None:
        """“Set up later” on the pages before the last: there Finish alone ends the setup (beside
        it, “later” ended it too and differed only in leaving the sign-in box unheeded: two ways out
        that read alike). It comes back when Finish could not keep the relay token, as the way on
        its sentence names. Esc and the title bar's close still leave, keeping a checked relay."""
        last = self.currentPage() is self.shop_page
        self.setOption(QWizard.WizardOption.NoCancelButton, last and not self.token_not_kept)

    def import_chats(self, path: Path | None = None) -> ImportDialog | None:
        """The import preview for an export (picked in a file dialog when no path is given)."""
        from ui.import_dialog import open_import

        if self.ctx is None:
            return None
        dialog = open_import(self, self.ctx, path)
        if dialog is not None:
            dialog.imported.connect(lambda _contact_id: self.count_import(dialog.summary))
        return dialog

    def count_import(self, summary: ImportSummary | None) -> None:
        """One export imported: add it to what the first page says came in."""
        if summary is None or summary.added == 0:
            return  # the same chat again: nothing new to tell
        self.imported_chats.add(summary.contact_id)
        self.imported_messages += summary.added
        chats = self.tr("%Ln chat(s)", "", len(self.imported_chats))
        messages = self.tr("%Ln message(s)", "", self.imported_messages)
        self.imported_text.setText(
            self.tr("Imported from your phone: {chats}, {messages}.").format(chats=chats, messages=messages)
            + "\n\n"
            + self.tr(
                "What next: press Next to connect your relay, so new messages arrive here too. No relay "
                "yet? Choose “Set up later” to look through these chats now. Help ▸ Try the demo shop "
                "shows a shop with live customers any time."
            )
        )
        self.imported_note.show()
        self.later_note.hide()  # the note says it, with what came in
        if self.import_button is not None:
            self.import_button.setText(self.tr("&Import another chat…"))

    def choose_backup(self) -> None:
        """The backup picked, checked and agreed to, then restored (`restore`): the same questions as
        File ▸ Restore, opening at sign-in among them (this wizard's last page, which asks it, is
        skipped by a restore)."""
        from ui.restore_choice import choose_restore

        data_dir = self.ctx.paths.data_dir if self.ctx is not None else None
        choose_restore(self, "", self.restore, starts_again=False, data_dir=data_dir)

    def restore(self, choice: RestoreChoice) -> None:
        """The backup replaces this new, empty inbox off the GUI thread; the wizard then closes and
        the inbox opens on the restored chats, in the backup's language (no start again: nothing
        else has it open yet)."""
        from app.backup import restore_backup
        from app.db import Database

        ctx = self.ctx
        if ctx is None:
            return
        source = choice.source
        self.setEnabled(False)  # nothing is typed into an inbox that is being replaced
        ctx.db.close()

        def restored(_aside: object) -> None:
            from ui.daily_folder_notice import remember_restore

            remember_restore(ctx.paths)
            self.restored_from = source
            self.restored_sign_in = choice.open_at_sign_in
            self.setEnabled(True)
            self.reject()

        def failed(exc: BaseException) -> None:

            from ui.ops import failure_sentence

            ctx.db = Database.open(ctx.paths.database)  # the new inbox, as it was
            self.setEnabled(True)
            message_box.warning(self, self.tr("Backup not restored"), failure_sentence(exc))

        Op(lambda: restore_backup(source, ctx.paths), parent=self, long=True).success(restored).failure(
            failed
        ).run()

    def validateCurrentPage(self) -> bool:
        """Finish closes the wizard once the relay token is kept; until then it is kept off the GUI
        thread, Finish busy meanwhile."""
        if self.currentPage() is not self.shop_page or self.ctx is None:
            return super().validateCurrentPage()
        if self.keeping_token:
            return False
        if self._kept_for != (self.relay_url, self.token):
            self.keep_token()
            return False
        return super().validateCurrentPage()

    def keep_token(self) -> None:
        """The token kept in the keyring (or the settings file, as the owner says) in the background,
        then the wizard finishes. Not kept, it stays open with the token as typed, and says why; on
        its way out ("Set up later"), it closes all the same and the relay's address is kept."""
        from ui.token_store import keep_token_in_background

        assert self.ctx is not None
        wanted = (self.relay_url, self.token)
        self.tried_relay_url = wanted[0]
        finish = self.button(QWizard.WizardButton.FinishButton)
        back = self.button(QWizard.WizardButton.BackButton)
        later = self.button(QWizard.WizardButton.CancelButton)
        self.keeping_token = True
        self.shop_page.say_keeping()
        set_busy(finish, True)
        back.setEnabled(False)  # the token being kept is the one on the relay page
        later.setEnabled(False)  # the keyring has it in hand (its unlock prompt may be up)

        def over() -> None:
            self.keeping_token = False
            set_busy(finish, False)
            back.setEnabled(True)
            later.setEnabled(True)

        def kept(_where: str) -> None:
            over()
            self.shop_page.say_not_kept("")
            self._kept_for = wanted
            self.token_not_kept = False
            if self.later_keeps_relay:
                QWizard.reject(self)
            else:
                self.accept()

        def not_kept(exc: BaseException) -> None:
            over()
            self.token_not_kept = True
            self._offer_later()
            if self.later_keeps_relay:
                log.warning("relay token not kept on Set up later: %s", type(exc).__name__)
                QWizard.reject(self)  # Settings takes the token; the banner says none is kept
                return
            self.shop_page.say_not_kept(
                failure_sentence(exc)
                + " "
                + self.tr(
                    "Press Finish to try again, or choose “Set up later”: File ▸ Settings takes the relay "
                    "token any time."
                )
            )

        keep_token_in_background(self, self.ctx, *wanted, kept, not_kept)

    def reject(self) -> None:
        """ "Set up later" (Esc, the title bar's close): a relay whose check passed is kept first, as
        Finish keeps it, so the owner need not type its address and token again in Settings."""
        if self.keeping_token:
            return  # Esc or the title bar's close: the keyring answers first, as "Set up later" waits
        # (After Finish could not keep the token, "later" is the way out it offered: not asked again.)
        checked = self.relay_page.isComplete() and not self.token_not_kept
        if self.ctx is not None and checked and self.restored_from is None:
            self.later_keeps_relay = True
            if self._kept_for != (self.relay_url, self.token):
                self.keep_token()
                return
        super().reject()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and not self._may_leave():
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        # The title bar's close (spontaneous); a close from code (a test's teardown) is not asked.
        if event.spontaneous() and not self._may_leave():
            event.ignore()
            return
        super().closeEvent(event)

    def _may_leave(self) -> bool:
        """Esc or the title bar's close with a relay typed whose check has not passed: it would be
        gone without a word (a relay is kept once its check passes), so the owner is asked first."""
        page = self.relay_page
        typed = page.url.text().strip() or page.token.text().strip()
        if not typed or page.isComplete() or self.keeping_token or not self.isEnabled():
            return True
        return confirm(
            self,
            self.tr("Leave the setup?"),
            self.tr(
                "The relay address you typed is not kept: a relay is kept once Check connection "
                "passes. Leave now and connect your relay later with File\u00a0▸\u00a0Settings?"
            ),
            self.tr("&Leave setup"),
            keep=self.tr("&Keep setting up"),
        )

    def quit_app(self) -> None:
        """Ctrl+Q: asked first only when a relay address or token typed would be lost with it."""
        if self.keeping_token or not self.isEnabled():
            return  # the keyring (or a restore) has the setup in hand: it answers first
        page = self.relay_page
        typed = page.url.text().strip() or page.token.text().strip()
        if typed and not confirm(
            self,
            self.tr("Quit Shop Inbox?"),
            self.tr(
                "The relay address and relay token you typed are not kept, and the setup opens again at "
                "the next start. Quit now?"
            ),
            self.tr("&Quit"),
            keep=self.tr("&Keep setting up"),
        ):
            return
        self.quit_asked = True
        QWizard.reject(self)

    def _demo(self) -> None:
        """The demo shop in a window (and process) of its own, as Help ▸ Try the demo shop opens it:
        quitting it brings the owner back to this setup, where she left it. Only when it cannot be
        started does the demo open in this run instead, in place of the wizard."""
        from ui.demo_launch import DEMO_STARTING_MS, start_demo_process
        from ui.translations import installed_language, ui_language

        app = QCoreApplication.instance()
        language = (installed_language(app) if isinstance(app, QApplication) else None) or ui_language()
        if start_demo_process(language) is not None:
            self.demo_note.show()
            # A second click while the first demo is still starting (it takes seconds) opens none.
            self.demo_button.setEnabled(False)
            button = self.demo_button  # (the timer goes with it, should the wizard close first)
            QTimer.singleShot(DEMO_STARTING_MS, button, lambda: button.setEnabled(True))
            return
        self.demo_requested.emit()
        QWizard.reject(self)  # the demo keeps nothing of this wizard

    @property
    def relay_url(self) -> str:
        return normalise_relay_url(self.relay_page.url.text())

    @property
    def token(self) -> str:
        return self.relay_page.token.text().strip()

    @property
    def business_number(self) -> str:
        return self.relay_page.business_number
