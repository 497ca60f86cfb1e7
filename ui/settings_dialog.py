"""Settings: relay connection, sending and notifications, language, data folder, backup and restore."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSystemTrayIcon,
    QVBoxLayout,
    QWidget,
)

from app.backup import (
    AUTOMATIC_BACKUPS_KEPT,
    KeptInboxes,
    folder_size,
    kept_inboxes,
    last_backup,
    remove_kept_inboxes,
)
from app.campaign_checks import Prices, read_prices, store_prices
from app.changes import Changes
from app.errors import RelayError, ShopInboxError
from app.relay_client import CheckOutcome, CheckResult, check_relay
from app.relay_token_text import foreign_letters
from app.relay_url import normalise_relay_url
from app.settings import Preferences, read_preferences, store_preferences
from app.share_link import remember_business_number
from app.shop_numbers import relay_is_another_shops
from app.sign_in import SignInStart
from app.wire import CheckReport
from ui import message_box
from ui.automation_editors import away_editor, business_hours_editor, greeting_editor, menu_bot_editor
from ui.backup_now import ask_backup_target, start_backup
from ui.busy_button import set_busy
from ui.campaign_prices_box import CampaignPricesBox
from ui.confirm import confirm
from ui.context import AppContext
from ui.error_sentences import error_sentence
from ui.formatting import command_kept_whole, full_datetime
from ui.language_box import LanguageBox
from ui.link_label import LinkLabel
from ui.ops import Op, delete_when_closed, failure_sentence, run_change, run_op
from ui.order_settings_dialog import OrderSettingsDialog
from ui.relay_check_view import RelayCheckPanel, checked_address
from ui.relay_help import RelayHelpDialog, relay_help_title
from ui.relay_token_field import RelayTokenField, foreign_letters_sentence
from ui.restore_choice import RestoreChoice, choose_restore
from ui.save_paths import Picked, folder_name
from ui.screen_fit import resize_within_screen
from ui.setup_wizard import explain
from ui.shop_place import ShopPlaceFields
from ui.sign_in_choice import set_open_at_sign_in, sign_in_is_on
from ui.size_text import human_size
from ui.token_store import TokenKeeper, TokenPlace
from ui.unsaved_edits import leave_edits

if TYPE_CHECKING:
    from ui.auto_backup import AutoBackup
    from ui.automation_dialog import AutomationDialog

log = logging.getLogger(__name__)


def _number_not_kept(exc: BaseException) -> None:
    log.warning("the shop's number from the relay's check was not kept: %s", type(exc).__name__)


# The dialog's first width, in line heights (about 560 pixels at the usual font): its notes read as
# lines of a sentence, not as narrow columns.
READABLE_WIDTH_IN_LINES = 40
# The fields the prices' read fills; every other field is filled by the preferences' read.
PRICE_FIELDS = ("marketing_price", "utility_price")


def restore_possible(ctx: AppContext) -> bool:
    """A backup can be restored into this inbox: not into the demo's temporary folder, which goes
    when it closes (and with it anything restored there), nor on a full disk, where the inbox was
    opened to read only (a restore unpacks beside the inbox first)."""
    return not ctx.read_only and not (ctx.demo and ctx.demo_kept_in is None)


class SettingsDialog(QDialog):
    """Edits Preferences; the token goes to the keyring through `store_token`.

    The keyring is never asked on the GUI thread (it can take seconds, or show the OS's unlock
    prompt): where the token is kept is read by `token_place` in the background, the token field
    saying so meanwhile, and `store_token` keeps a new one in the background with Save busy."""

    restore_requested = Signal(RestoreChoice)

    def __init__(
        self,
        ctx: AppContext,
        *,
        token_place: Callable[[], TokenPlace] | None = None,
        store_token: TokenKeeper | None = None,
        stored_token: Callable[[str], str] | None = None,
        auto_backup: AutoBackup | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.daily = auto_backup  # the window's daily backup: its last failure is said here
        self.store_token = store_token
        self._saving_token = False
        self._storing = False  # Save is storing the preferences (it closes the dialog once stored)
        self._held: list[QWidget] = []  # the fields greyed out while a save that took them runs
        self.stored_token = stored_token  # the kept token for a URL; called off the GUI thread
        # The address and new token the relay was asked about on Save (and the owner's answer when
        # it refused it): the next Save goes on without asking again.
        self._token_asked: tuple[str, str] | None = None
        # The token kept for the current address, tried at a new address typed with no token (the
        # same relay moved to another port or server): saved for the new address with it.
        self._carried_token: tuple[str, str] | None = None
        self.setWindowTitle(self.tr("Settings"))
        # What the window already knows, until the stored preferences arrive (a moment): the relay's
        # address shows at once, so its check can start; the rest is enabled when read.
        self.prefs = Preferences(
            relay_url=str(ctx.prefs.get("relay_url") or ""),
            enter_sends=bool(ctx.prefs.get("enter_sends", True)),
            notifications=bool(ctx.prefs.get("notifications", True)),
            notification_previews=bool(ctx.prefs.get("notification_previews", True)),
            close_to_tray=bool(ctx.prefs.get("close_to_tray", False)),
            read_receipts=bool(ctx.prefs.get("read_receipts", True)),
            keep_archived=bool(ctx.prefs.get("keep_archived", False)),
        )
        self.loaded = False
        self.prices_loaded = False
        # The fields as the dialog opened (from what the window knows), then each read's fields as
        # they stood when that read landed: what the owner changes after one read and before the
        # other (a folder picked as soon as the form fills) is an edit, not something read.
        self._opened: dict[str, object] = {}
        self._read: dict[str, object] = {}
        self._read_failed = False  # a read failed: nothing here can be saved (see _not_read)
        # "Save" answered to leaving before both reads were in: saved as soon as they are.
        self._save_once_read = False
        # What the owner set before the stored preferences arrived (the daily backup's folder, picked
        # at once from the notice after a restore): the late read never puts the stored value back
        # over it, and leaving without saving still asks. The stored value, as its field reads it.
        self._set_before_read: dict[str, object] = {}
        self._price_wanted = ""  # show_campaign_price asked before the prices were read

        # Connection
        self.relay_url = QLineEdit(self.prefs.relay_url)
        self.relay_url.setPlaceholderText("https://relay.myshop.com")
        # Where the token is kept is asked of the keyring in the background (ui/relay_token_field.py).
        self.token_field = RelayTokenField(ctx, self, token_place)
        self.token, self.token_where = self.token_field.edit, self.token_field.where
        self.connection = connection = QGroupBox(self.tr("Relay"))
        form = QFormLayout(connection)
        form.addRow(self.tr("Relay &address"), self.relay_url)
        form.addRow(self.tr("Relay &token"), self.token)
        form.addRow("", self.token_where)
        # The relay's check of WhatsApp's side, and the number's quality and messaging limit.
        self.relay_check = RelayCheckPanel(with_button=True)
        self.relay_check.view.shop_region = ctx.shop_region
        self.relay_check.credentials = self._relay_credentials
        self.relay_check.finished.connect(self._relay_checked)
        form.addRow(self.relay_check)
        # The page the first-run wizard links to: skipped with "Set up later", it is needed here.
        self.relay_help_link = LinkLabel(relay_help_title(), "#relay-help")
        self.relay_help_link.setObjectName("relayHelpLink")
        self.relay_help_link.reach_by_tab()  # an owner at the keyboard had no way to it
        self.relay_help_link.linkActivated.connect(lambda _link: self.show_relay_help())
        self._relay_help: RelayHelpDialog | None = None
        form.addRow(self.relay_help_link)

        # Behaviour
        self.enter_sends = QCheckBox(self.tr("&Enter sends the message (Shift+Enter for a new line)"))
        self.enter_sends.setChecked(self.prefs.enter_sends)
        self.notifications = QCheckBox(self.tr("Show a &notification for new messages"))
        self.notifications.setChecked(self.prefs.notifications)
        self.previews = QCheckBox(self.tr("Show the message te&xt in notifications"))
        self.previews.setChecked(self.prefs.notification_previews)
        # Where the desktop has no tray (GNOME) a hidden window could not be found again: off there.
        self.close_to_tray = QCheckBox(
            self.tr(
                "Keep notifying from the tray when the window is closed (&quit from the tray icon's menu)"
            )
        )
        self.close_to_tray.setChecked(self.prefs.close_to_tray)
        if not QSystemTrayIcon.isSystemTrayAvailable():
            self.close_to_tray.setChecked(False)
            self.close_to_tray.setEnabled(False)
            self.close_to_tray.setToolTip(self.tr("This desktop has no tray: closing the window quits."))
        self.receipts = QCheckBox(self.tr("Send read &receipts (blue ticks) to customers"))
        self.receipts.setChecked(self.prefs.read_receipts)
        # Off: an archived chat comes back to the inbox when its customer writes (WhatsApp Business).
        self.keep_archived = QCheckBox(self.tr("Keep chats archi&ved when a customer writes"))
        self.keep_archived.setToolTip(
            self.tr(
                "Otherwise a new message from the customer brings an archived chat back to the inbox. "
                "When kept archived, the Archived filter shows how many of them have unread messages."
            )
        )
        self.keep_archived.setChecked(self.prefs.keep_archived)
        # The computer's own start-up list, not a preference of the inbox (app/sign_in.py).
        self.sign_in = SignInStart.for_this_user()
        self.open_at_sign_in = QCheckBox(self.tr("Open Shop Inbox when I sign &in to this computer"))
        self.sign_in_was_on = sign_in_is_on(self.sign_in)
        self.open_at_sign_in.setChecked(self.sign_in_was_on)
        if ctx.demo:
            self.open_at_sign_in.setEnabled(False)
            self.open_at_sign_in.setToolTip(self.tr("The demo shop is never opened at sign-in."))
        self.language = LanguageBox()
        self.language.choose(self.prefs.language)
        self.language_note = self.language.note
        self.behaviour = behaviour = QGroupBox(self.tr("Messages"))
        box = QVBoxLayout(behaviour)
        for widget in (
            self.enter_sends,
            self.notifications,
            self.previews,
            self.close_to_tray,
            self.receipts,
            self.keep_archived,
            self.open_at_sign_in,
        ):
            box.addWidget(widget)
        lang_row = QHBoxLayout()
        language_label = QLabel(self.tr("&Language"))
        language_label.setBuddy(self.language)  # Alt+L
        lang_row.addWidget(language_label)
        lang_row.addWidget(self.language, 1)
        box.addLayout(lang_row)
        box.addWidget(self.language_note)
        self.notifications.toggled.connect(self.previews.setEnabled)
        self.previews.setEnabled(self.prefs.notifications)

        # The shop's country and currency (chosen in the first-run setup, or its defaults when skipped)
        self.shop = shop = QGroupBox(self.tr("Your shop"))
        self.place = ShopPlaceFields(shop)
        self.place.choose(ctx.shop_region, ctx.currency)
        # The form holds the two fields only; the notes are rows of a plain column: in a form's
        # spanning rows their wrapped lines lost their heights to each other when the dialog re-laid
        # out (the kept-inboxes note appearing), and the country note was cut to two lines of three.
        shop_form = QFormLayout()
        self.place.add_rows(shop_form)
        shop_column = QVBoxLayout(shop)
        shop_column.addLayout(shop_form)
        shop_note = QLabel(
            self.tr(
                "The country writes customers' phone numbers as they are dialled there; new catalogue "
                "items and orders are priced in the currency (prices already set keep theirs)."
            )
        )
        shop_note.setWordWrap(True)
        shop_column.addWidget(shop_note)
        # Owners look here first for the shop's account and fees: say where they live, and open them.
        orders_note = QLabel(
            self.tr(
                "Your bank account, shipping fee and payment deadline are in the order settings "
                "(Shop ▸ Order settings)."
            )
        )
        orders_note.setWordWrap(True)
        self.order_settings_button = QPushButton(self.tr("&Open order settings…"))
        self.order_settings_button.setObjectName("openOrderSettings")
        self.order_settings_button.clicked.connect(self.open_order_settings)
        shop_column.addWidget(orders_note)
        orders_row = QHBoxLayout()
        orders_row.addWidget(self.order_settings_button)
        orders_row.addStretch(1)
        shop_column.addLayout(orders_row)
        # The automations live in the Shop menu, but Settings is where an owner looks first.
        automations_note = QLabel(
            self.tr("Business hours and the automatic replies to customers (also in the Shop menu):")
        )
        automations_note.setWordWrap(True)
        shop_column.addWidget(automations_note)
        automations_row = QHBoxLayout()
        self.automation_buttons: dict[str, QPushButton] = {}
        for key, text, build in (
            ("businessHours", self.tr("Business &hours…"), business_hours_editor),
            ("greeting", self.tr("&Greeting message…"), greeting_editor),
            ("away", self.tr("A&way message…"), away_editor),
            ("menuBot", self.tr("&Menu bot…"), menu_bot_editor),
        ):
            button = QPushButton(text)
            button.setObjectName(f"open_{key}")
            button.clicked.connect(lambda _checked=False, build=build: self.open_automation_editor(build))
            automations_row.addWidget(button)
            self.automation_buttons[key] = button
        automations_row.addStretch(1)
        shop_column.addLayout(automations_row)
        shop.setEnabled(False)

        # Data
        data = QGroupBox(self.tr("Your data"))
        data_box = QVBoxLayout(data)
        self.data_folder = QLabel(str(ctx.paths.data_dir))
        self.data_folder.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.data_size = QLabel(self.tr("Measuring…"))
        # Each restore keeps the inbox it replaced: said here, with a way to let them go.
        self.kept_note = QLabel()
        self.kept_note.setWordWrap(True)
        self.kept_note.setTextFormat(Qt.TextFormat.PlainText)
        self.remove_kept = QPushButton(self.tr("&Delete them…"))
        self.remove_kept.clicked.connect(self.delete_kept_inboxes)
        self.kept_note.hide()
        self.remove_kept.hide()
        open_folder = QPushButton(self.tr("Open &folder"))
        open_folder.clicked.connect(
            lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(ctx.paths.data_dir)))
        )
        self.backup_button = QPushButton(self.tr("&Back up now…"))
        self.restore_button = QPushButton(self.tr("Re&store from backup…"))
        self.backup_button.clicked.connect(self.backup_now)
        self.restore_button.clicked.connect(self.choose_restore)
        self.restore_button.setEnabled(restore_possible(ctx))
        if ctx.demo and ctx.demo_kept_in is None:
            self.restore_button.setToolTip(
                self.tr("This demo is not kept once it closes, so a backup cannot be restored into it.")
            )
        self.backup_status = QLabel()
        self.backup_status.setWordWrap(True)
        self.backup_status.setTextFormat(Qt.TextFormat.PlainText)
        # The daily backup: a folder on another disk (a USB stick) or one a cloud drive keeps.
        self.backup_folder = str(ctx.prefs.get("backup_folder") or "")
        self.auto_backup = QCheckBox(self.tr("Back u&p every day to a folder"))
        self.auto_backup.setToolTip(
            self.tr(
                "Pick a USB stick, another disk, or a folder your cloud drive keeps (OneDrive, iCloud Drive)."
            )
        )
        self.auto_backup.setChecked(bool(self.backup_folder))
        self.auto_backup.toggled.connect(self._auto_backup_toggled)
        self.choose_backup_folder = QPushButton(self.tr("&Choose folder…"))
        self.choose_backup_folder.clicked.connect(self.pick_backup_folder)
        self.auto_folder = QLabel()
        self.auto_folder.setTextFormat(Qt.TextFormat.PlainText)
        self.auto_folder.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.auto_folder.setWordWrap(True)
        self.auto_status = QLabel()
        self.auto_status.setWordWrap(True)
        self.auto_status.setTextFormat(Qt.TextFormat.PlainText)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.data_folder, 1)
        folder_row.addWidget(open_folder)
        data_box.addLayout(folder_row)
        data_box.addWidget(self.data_size)
        kept_row = QHBoxLayout()
        kept_row.addWidget(self.kept_note, 1)
        kept_row.addWidget(self.remove_kept)
        data_box.addLayout(kept_row)
        buttons_row = QHBoxLayout()
        buttons_row.addWidget(self.backup_button)
        buttons_row.addWidget(self.restore_button)
        buttons_row.addStretch(1)
        data_box.addLayout(buttons_row)
        auto_row = QHBoxLayout()
        auto_row.addWidget(self.auto_backup, 1)
        auto_row.addWidget(self.choose_backup_folder)
        data_box.addLayout(auto_row)
        data_box.addWidget(self.auto_folder)
        data_box.addWidget(self.auto_status)
        data_box.addWidget(self.backup_status)  # Back up now's answer, below what is always there
        self._show_backup_folder()

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.cancel_button = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.save_button.setEnabled(False)
        behaviour.setEnabled(False)
        self.campaign_prices = CampaignPricesBox(ctx.currency)
        self.campaign_prices.setEnabled(False)
        # Named in the currency being chosen, not the one saved when the dialog opened.
        self.place.currency.currentIndexChanged.connect(
            lambda _i: self.campaign_prices.follow_shop_currency(self.place.currency_code)
        )
        # The sections scroll and Save stays in view: on a small laptop (1366×768) the dialog is
        # taller than the screen, and its buttons were below the screen's edge.
        content = QWidget()
        column = QVBoxLayout(content)
        column.setContentsMargins(0, 0, 0, 0)
        for section in (connection, behaviour, shop, data, self.campaign_prices):
            column.addWidget(section)
        self.sections = QScrollArea()
        self.sections.setWidgetResizable(True)
        self.sections.setFrameShape(QFrame.Shape.NoFrame)
        self.sections.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.sections.setWidget(content)
        # No Tab stop of its own: it took the focus when the dialog opened, and showed no mark of it.
        self.sections.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        layout = QVBoxLayout(self)
        self.read_only_note = QLabel(
            self.tr(
                "The disk is full, so nothing here can be changed until you free some space and start "
                "Shop Inbox again. You can still save a backup on another disk."
            )
        )
        self.read_only_note.setWordWrap(True)
        self.read_only_note.setVisible(ctx.read_only)
        layout.addWidget(self.read_only_note)
        layout.addWidget(self.sections, 1)
        # "Save" answered to leaving before the reads are in: the dialog stays open until they are,
        # and without this it looked as if the answer had been lost.
        self.waiting_note = QLabel(self.tr("Your changes will be saved as soon as the settings are read…"))
        self.waiting_note.setWordWrap(True)
        self.waiting_note.hide()
        layout.addWidget(self.waiting_note)
        layout.addWidget(buttons)
        if ctx.read_only:  # opened to read only on a full disk: every change would be refused
            connection.setEnabled(False)
            self.auto_backup.setEnabled(False)  # its folder is a preference: it cannot be saved
            self.choose_backup_folder.setEnabled(False)
        self.demo_check_note: QLabel | None = None
        if ctx.demo:
            connection.setEnabled(False)
            connection.setToolTip(self.tr("The demo is connected to its own simulated relay."))
            # Its address and token are the embedded relay's, not to be changed; its check still
            # reports the demo shop's numbers and their health, as a real relay's does: out of the
            # greyed-out group, right under it.
            form.takeRow(self.relay_check)
            column.insertWidget(column.indexOf(connection) + 1, self.relay_check)
            # A live button right under greyed-out fields read as an oversight: it says what it does.
            self.demo_check_note = QLabel(
                self.tr(
                    "The demo's relay cannot be changed, but you can check it: the check shows the demo "
                    "shop's numbers and their health."
                )
            )
            self.demo_check_note.setWordWrap(True)
            column.insertWidget(column.indexOf(self.relay_check), self.demo_check_note)
            assert self.relay_check.button is not None
            self.relay_check.button.setToolTip(
                self.tr("Ask the demo's simulated relay how the demo shop's numbers are doing")
            )
        self._fit_to_screen(content, layout)
        self._measure()
        self._opened = self._typed()
        db = ctx.db
        run_op(lambda: read_preferences(db), self._preferences_read, parent=self, on_failure=self._not_read)
        run_op(lambda: read_prices(db), self._prices_read, parent=self, on_failure=self._not_read)

    def _fit_to_screen(self, content: QWidget, layout: QVBoxLayout) -> None:
        """As tall as the sections need, but no taller than the screen the dialog opens on; wide enough
        that its notes read as lines, not as narrow columns of two-word rows."""
        bar = self.sections.verticalScrollBar().sizeHint().width()
        self.sections.setMinimumWidth(content.minimumSizeHint().width() + bar)
        margins = layout.contentsMargins()
        chrome = margins.top() + margins.bottom() + layout.spacing()
        wanted = content.sizeHint().height() + chrome + self.save_button.sizeHint().height()
        readable = self.fontMetrics().height() * READABLE_WIDTH_IN_LINES
        resize_within_screen(self, QSize(max(self.sizeHint().width(), readable), wanted))

    def _prices_read(self, prices: Prices) -> None:
        self.campaign_prices.show_prices(prices)
        self.campaign_prices.setEnabled(not self.ctx.read_only)
        self._read.update(self._typed(PRICE_FIELDS))
        self.prices_loaded = True
        self._enable_save()
        if self._price_wanted:
            self.show_campaign_price(self._price_wanted)

    def show_campaign_price(self, which: str) -> None:
        """Scroll to the campaign prices and put the cursor in one ("marketing" / "utility"): opened
        from a campaign's "enter your price" link, the box is at the bottom, below the screen's edge."""
        self._price_wanted = which
        if not self.prices_loaded:
            return  # once the stored prices are in the fields (they are disabled until then)
        self._price_wanted = ""
        field = self.campaign_prices.utility if which == "utility" else self.campaign_prices.marketing
        self.raise_()
        self.activateWindow()
        field.setFocus(Qt.FocusReason.OtherFocusReason)
        field.selectAll()
        # Once laid out (the dialog has just opened): the whole box in view, its field focused.
        QTimer.singleShot(0, self, lambda: self.sections.ensureWidgetVisible(self.campaign_prices))

    def _preferences_read(self, prefs: Preferences) -> None:
        """The stored preferences in the fields the owner has not set meanwhile: the fields open
        before they arrive (the relay's address and token, the daily backup) keep what she chose."""
        self.prefs = prefs
        self._set_before_read["token"] = ""  # never shown: anything in it was typed
        if self.relay_url.isModified():
            self._set_before_read["relay_url"] = prefs.relay_url.strip()
        else:
            self.relay_url.setText(prefs.relay_url)
        self.enter_sends.setChecked(prefs.enter_sends)
        self.notifications.setChecked(prefs.notifications)
        self.previews.setChecked(prefs.notification_previews)
        self.close_to_tray.setChecked(prefs.close_to_tray and self.close_to_tray.isEnabled())
        self.receipts.setChecked(prefs.read_receipts)
        self.keep_archived.setChecked(prefs.keep_archived)
        self.language.choose(prefs.language)
        self.place.choose(prefs.shop_region, prefs.currency)
        if "backup_folder" in self._set_before_read:
            self._set_before_read["backup_folder"] = prefs.backup_folder
        else:
            self.backup_folder = prefs.backup_folder
            self.auto_backup.blockSignals(True)
            self.auto_backup.setChecked(bool(prefs.backup_folder))
            self.auto_backup.blockSignals(False)
            self._show_backup_folder()
        # As read: what the owner set before the read differs from it, so leaving asks.
        preferences = {name: v for name, v in self._typed().items() if name not in PRICE_FIELDS}
        self._read.update(preferences | self._set_before_read)
        self.behaviour.setEnabled(not self.ctx.read_only)
        self.shop.setEnabled(not self.ctx.read_only)
        self.loaded = True
        self._enable_save()
        self._focus_first_field()

    def _focus_first_field(self) -> None:
        """The keyboard starts at the first field that takes typing now (the sections were disabled
        when the dialog opened, so Qt had put the focus on Cancel), unless it is in a field already."""
        focus = self.focusWidget()
        if self.token_field.waiting_for_keyboard() or (
            focus is not None and self.sections.isAncestorOf(focus)
        ):
            return
        first = next(
            (w for w in (self.relay_url, self.enter_sends) if w.isEnabled() and w.isVisibleTo(self)), None
        )
        if first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)

    def _enable_save(self) -> None:
        # Save writes preferences and prices together: both must be in, or Save would do nothing.
        self.save_button.setEnabled(self.loaded and self.prices_loaded and not self.ctx.read_only)
        if self._save_once_read and self.loaded and self.prices_loaded:
            self._wait_to_save(False)
            self.accept()

    def _wait_to_save(self, waiting: bool) -> None:
        """Save once both reads are in (`waiting`), and say so meanwhile."""
        self._save_once_read = waiting
        self.waiting_note.setVisible(waiting)

    def _typed(self, fields: Iterable[str] | None = None) -> dict[str, object]:
        """Everything the owner can change here (or those of `fields`), as it now reads."""
        typed: dict[str, object] = {
            "relay_url": self.relay_url.text().strip(),
            "token": self.token.text().strip(),
            "enter_sends": self.enter_sends.isChecked(),
            "notifications": self.notifications.isChecked(),
            "notification_previews": self.previews.isChecked(),
            "close_to_tray": self.close_to_tray.isChecked(),
            "read_receipts": self.receipts.isChecked(),
            "keep_archived": self.keep_archived.isChecked(),
            "open_at_sign_in": self.open_at_sign_in.isChecked(),
            "language": self.language.currentData(),
            "shop_region": self.place.region,
            "currency": self.place.currency_code,
            "backup_folder": self.backup_folder if self.auto_backup.isChecked() else "",
            "marketing_price": self.campaign_prices.marketing.text().strip(),
            "utility_price": self.campaign_prices.utility.text().strip(),
        }
        return typed if fields is None else {name: typed[name] for name in fields}

    def has_unsaved_edits(self) -> bool:
        """Changed from what was read; before a read is in, from what its fields opened with (a
        folder picked at once, the preferences slow to read: Esc then dropped it without a word)."""
        return not self._read_failed and self._typed() != self._opened | self._read

    def reject(self) -> None:
        """Cancel, Esc and the title bar's close: changes not saved are saved, dropped or kept as
        the owner says (a daily backup ticked, its folder picked, then Esc: gone without a word)."""

        if self._saving_token or self._storing:
            # Save is under way (the keyring may have the token in hand, its unlock prompt up): it
            # closes the dialog once stored, and a refusal keeps it open and says why.
            return

        def save_then(_then: object) -> bool:
            if not (self.loaded and self.prices_loaded):
                self._wait_to_save(True)  # Save works once both reads are in: saved then
                return True
            self.accept()  # closes the dialog once stored; a refusal says why and keeps it open
            return True

        leave_edits(
            self,
            self.tr("Save the changes to the settings?"),
            dirty=self.has_unsaved_edits(),
            save_then=save_then,
            then=super().reject,
        )

    def ask_for_token(self) -> None:
        """The keyboard in the token field (the relay refused the token, or none is kept here), at
        once or as soon as it is known where the token is kept."""
        self.token_field.take_keyboard()

    def _not_read(self, exc: BaseException) -> None:
        # Saving now would write defaults over what is stored: the dialog stays read-only.
        self._read_failed = True
        self._wait_to_save(False)  # nothing will be saved: the note would wait for ever
        self.say_backup(failure_sentence(exc))

    def _relay_checked(self, report: CheckReport | None) -> None:
        """WhatsApp's word for the shop's number, for the share link (unless the owner gave one)."""
        number = report.number.display_phone_number if report is not None and report.number else None
        if number and not self.ctx.read_only:
            db = self.ctx.db
            run_change(self.ctx, lambda: remember_business_number(db, number), on_failure=_number_not_kept)

    def show_relay_help(self) -> RelayHelpDialog:
        """What a relay is and where its address and token come from (not modal: the owner may copy
        from it into the fields)."""
        if self._relay_help is None:
            self._relay_help = RelayHelpDialog(self)
        self._relay_help.show()
        self._relay_help.raise_()
        self._relay_help.activateWindow()
        return self._relay_help

    def _relay_credentials(self) -> tuple[str, Callable[[], str]]:
        """The address and token in the fields (on the GUI thread); else the token kept for it. The
        demo's: its embedded relay's, which the fields do not show."""
        if self.ctx.demo:
            token = self.ctx.relay_token or ""
            return str(self.ctx.prefs.get("relay_url") or ""), lambda: token
        url = checked_address(self.relay_url)
        typed = self.token.text().strip()
        kept = self._kept_token(url)
        return url, lambda: typed or kept()[0]

    def _kept_token(self, url: str) -> Callable[[], tuple[str, bool]]:
        """(the token kept for `url`, else the one kept for the current address; whether it is that
        current one, carried over), to call off the GUI thread. "Leave empty to keep the current relay
        token" kept it: a relay moved to a new address was told no token at all."""
        stored = self.stored_token
        current = self.prefs.relay_url

        def read() -> tuple[str, bool]:
            if stored is None:
                return "", False
            own = stored(url)
            if own or not current or current == url:
                return own, False
            carried = stored(current)
            return carried, bool(carried)

        return read

    def _run(
        self, fn: Callable[[], object], then: Callable[[object, object], None], *, long: bool = False
    ) -> None:
        """Run fn off the GUI thread (`long`: on the thread for long jobs); then(result, error) back on it."""
        Op(fn, parent=self, long=long).success(lambda result: then(result, None)).failure(
            lambda exc: then(None, exc)
        ).run()

    def _measure(self) -> None:
        paths = self.ctx.paths
        self._run(lambda: (folder_size(paths.data_dir), kept_inboxes(paths)), self._size_measured)

    def _size_measured(self, measured: object, error: object) -> None:
        if not isinstance(measured, tuple):
            self.data_size.setText(self.tr("Size unknown"))
            return
        size, kept = measured
        assert isinstance(kept, KeptInboxes)
        self.data_size.setText(self.tr("Using {size} on this computer").format(size=human_size(size)))
        self.kept_note.setVisible(kept.count > 0)
        self.remove_kept.setVisible(kept.count > 0)
        self.remove_kept.setEnabled(True)
        if kept.count:
            self.kept_note.setText(
                self.tr(
                    "Of this, {size} is taken by %Ln earlier inboxes kept when backups were restored.",
                    "",
                    kept.count,
                ).format(size=human_size(kept.size))
            )

    def open_order_settings(self) -> OrderSettingsDialog:
        """The same order settings the Shop menu opens, over this dialog (Settings stays open)."""
        dialog = OrderSettingsDialog(self.ctx, self)
        # Gone when closed: each click opens a fresh one, read from what is stored now.
        delete_when_closed(dialog)
        dialog.open()
        return dialog

    def open_automation_editor(
        self, build: Callable[[AppContext, QWidget | None], AutomationDialog]
    ) -> AutomationDialog:
        """The same editor the Shop menu opens, over this dialog (Settings stays open)."""
        dialog = build(self.ctx, self)
        delete_when_closed(dialog)  # once its save and relay push have answered
        dialog.open()
        return dialog

    def delete_kept_inboxes(self) -> None:
        if not confirm(
            self,
            self.tr("Delete earlier inboxes"),
            self.tr(
                "Delete the inboxes kept when backups were restored? Your current chats are not touched."
            ),
            self.tr("&Delete"),
        ):
            return
        self.remove_kept.setEnabled(False)
        paths = self.ctx.paths
        self._run(lambda: remove_kept_inboxes(paths), lambda _freed, _error: self._measure())

    def edited_preferences(self) -> Preferences:
        return self.prefs.replace(
            relay_url=normalise_relay_url(self.relay_url.text()) if self.relay_url.text().strip() else "",
            enter_sends=self.enter_sends.isChecked(),
            notifications=self.notifications.isChecked(),
            notification_previews=self.previews.isChecked(),
            close_to_tray=self.close_to_tray.isChecked(),
            read_receipts=self.receipts.isChecked(),
            keep_archived=self.keep_archived.isChecked(),
            language=self.language.currentData(),
            shop_region=self.place.region,
            currency=self.place.currency_code,
            backup_folder=self.backup_folder if self.auto_backup.isChecked() else "",
        )

    def accept(self) -> None:
        if not self.loaded or not self.prices_loaded or not self.save_button.isEnabled():
            return  # Enter pressed before the stored preferences arrived, or while saving
        if self.relay_url.text().strip():
            # A bare host typed (relay.myshop.com) shows the address saved, and tried before it is
            # ("Relay not reached" names it), as Check connection shows it.
            checked_address(self.relay_url)
        prefs = self.edited_preferences()
        try:
            prices = self.campaign_prices.prices()
        except ShopInboxError as exc:
            message_box.warning(self, self.tr("Price not saved"), error_sentence(exc))
            return
        token = self.token.text().strip()
        if letters := foreign_letters(token):  # typed with the keyboard in Korean: "ㅅㄷㄴㅅ"
            message_box.warning(
                self, self.tr("Relay token not saved"), command_kept_whole(foreign_letters_sentence(letters))
            )
            self.token.setFocus(Qt.FocusReason.OtherFocusReason)
            self.token.selectAll()
            return
        asked = self._token_asked == (prefs.relay_url, token)
        if (
            not token
            and asked
            and self._carried_token is not None
            and self._carried_token[0] == prefs.relay_url
        ):
            token = self._carried_token[1]
        moved = prefs.relay_url != self.prefs.relay_url
        if (token or moved) and prefs.relay_url and self.store_token is not None and not asked:
            self._ask_relay_about(prefs.relay_url, token, moved=moved)
            return
        if not self._apply_sign_in():
            return
        if token and self.store_token is not None:
            self._keep_token(prefs, prices, token)
            return
        self._store_preferences(prefs, prices)

    def _hold_fields(self, held: bool) -> None:
        """The fields a save took greyed out until it ends: a change made meanwhile (the keyring's
        unlock prompt can be up for a minute) was not part of it, and was gone when Settings closed.
        Refused, they come back as the owner left them."""
        if held and not self._held:
            values = (
                self.connection,
                self.behaviour,
                self.shop,
                self.campaign_prices,
                self.auto_backup,
                self.choose_backup_folder,
            )
            self._held = [w for w in values if not w.testAttribute(Qt.WidgetAttribute.WA_Disabled)]
            for widget in self._held:
                widget.setEnabled(False)
        elif not held:
            for widget in self._held:
                widget.setEnabled(True)
            self._held = []

    def _keep_token(self, prefs: Preferences, prices: Prices, token: str) -> None:
        """The token kept off the GUI thread, Save busy and the fields held meanwhile; then the
        preferences. Refused, the dialog stays open with what was typed, and says why."""
        assert self.store_token is not None
        self.token_field.saving()
        self._saving_token = True
        set_busy(self.save_button, True)
        self.cancel_button.setEnabled(False)  # the keyring has the token in hand: it answers first
        self._hold_fields(True)

        def kept(where: str) -> None:
            self._saving_token = False
            self.cancel_button.setEnabled(True)
            self.token_field.kept_at(where)
            set_busy(self.save_button, False)  # taken again by the preferences' save
            self._store_preferences(prefs, prices)

        def not_kept(exc: BaseException) -> None:
            self._saving_token = False
            self.cancel_button.setEnabled(True)
            self._hold_fields(False)
            set_busy(self.save_button, False)
            message_box.warning(self, self.tr("Relay token not saved"), failure_sentence(exc))
            self.token.setFocus(Qt.FocusReason.OtherFocusReason)
            self.token.selectAll()

        self.store_token(self, prefs.relay_url, token, kept, not_kept)

    def _store_preferences(self, prefs: Preferences, prices: Prices) -> None:
        db = self.ctx.db

        def saved(_changes: Changes) -> None:
            self._storing = False
            self.ctx.prefs.update(
                relay_url=prefs.relay_url,
                enter_sends=prefs.enter_sends,
                notifications=prefs.notifications,
                notification_previews=prefs.notification_previews,
                close_to_tray=prefs.close_to_tray,
                read_receipts=prefs.read_receipts,
                keep_archived=prefs.keep_archived,
                shop_region=prefs.shop_region,
                currency=prefs.currency,
                backup_folder=prefs.backup_folder,
            )
            # Read where they are used: the next chat, panel, catalogue item or order follows them.
            moved_from = self.ctx.shop_region
            self.ctx.shop_region, self.ctx.currency = prefs.shop_region, prefs.currency
            self.prefs = prefs
            country_name = self.place.country.currentText()
            over = self.parentWidget()
            super(SettingsDialog, self).accept()
            if prefs.shop_region != moved_from:
                from ui.translations import follow_shop_region

                follow_shop_region(prefs.shop_region)  # a UK shop's English writes "Tue 8 Dec"
                tell_relay_the_country(self.ctx, prefs.shop_region)
                # Hours still on the old country's clock: offered the new one's, asked first.
                from ui.hours_zone_offer import offer_hours_zone

                offer_hours_zone(over, self.ctx, moved_from, prefs.shop_region, country_name)

        def refused(exc: BaseException) -> None:
            self._storing = False
            self._hold_fields(False)
            set_busy(self.save_button, False)
            message_box.warning(self, self.tr("Settings not saved"), failure_sentence(exc))

        relay_moved = prefs.relay_url != self.prefs.relay_url and bool(prefs.relay_url)

        def store() -> Changes:
            changes = store_preferences(db, prefs) | store_prices(db, prices)
            if relay_moved:  # another relay's events are counted from its own start
                from app.sync_apply import start_counting_on

                changes |= start_counting_on(db, prefs.relay_url)
            return changes

        set_busy(self.save_button, True)  # one save at a time; the fields keep what was typed
        self._hold_fields(True)
        self._storing = True  # Esc meanwhile waits for it: it asked to save what was being saved
        run_change(
            self.ctx,
            store,
            saved,
            parent=self,
            on_failure=refused,
        )

    def _ask_relay_about(self, url: str, token: str, *, moved: bool = False) -> None:
        """A new token, or a new address, is tried on the relay before it replaces the one kept (off
        the GUI thread): a typo saved over a working token cut the inbox off until the owner found the
        token again on the server, and a token pasted into the address field (or a mistyped address)
        was saved as the relay's address without a word. A relay that cannot be reached says nothing
        about a new token alone: that save goes on."""

        def answered(found: tuple[CheckResult, bool, str]) -> None:
            result, other_shop, carried = found
            set_busy(self.save_button, False)
            if result.outcome is CheckOutcome.WRONG_TOKEN and not confirm(
                self,
                self.tr("Relay token refused"),
                self.tr("The relay refused this relay token. Save it anyway, in place of the one kept now?")
                if token
                else command_kept_whole(
                    self.tr(
                        "The relay at {url} refused the relay token kept on this computer. Paste that "
                        "relay's own relay token (shop-inbox-relay token) in Relay token. Save the "
                        "address anyway?"
                    ).format(url=url)
                ),
                self.tr("&Save anyway"),
            ):
                self.token.setFocus()
                self.token.selectAll()
                return
            if moved and result.outcome is CheckOutcome.INVALID_URL:
                # A space or a comma in it: no relay could ever answer there, so no "Save anyway"
                # (saved, the inbox was cut off under a "Relay not reached" it could not explain).
                message_box.warning(self, self.tr("Relay address not saved"), explain(result, url))
                self.relay_url.setFocus()
                self.relay_url.selectAll()
                return
            insecure = result.outcome is CheckOutcome.INSECURE_REMOTE
            if (
                moved
                and result.outcome not in (CheckOutcome.OK, CheckOutcome.WRONG_TOKEN)
                and not confirm(
                    self,
                    self.tr("Unencrypted relay address") if insecure else self.tr("Relay not reached"),
                    explain(result, url) + "\n\n" + self.tr("Save this relay address anyway?"),
                    self.tr("&Save anyway"),
                )
            ):
                self.relay_url.setFocus()
                self.relay_url.selectAll()
                return
            if other_shop and not confirm(
                self,
                self.tr("Another shop's relay"),
                self.tr(
                    "This relay receives messages for a different WhatsApp number than the chats on "
                    "this computer. Connected, the two numbers' customers share one chat list, and a "
                    "customer who wrote to both gets one chat.\n\nIf it is another shop's relay, "
                    "cancel: the chats here stay as they are. Connect anyway?"
                ),
                self.tr("Co&nnect anyway"),
                warning=True,
            ):
                self.relay_url.setFocus()
                self.relay_url.selectAll()
                return
            self._token_asked = (url, token)
            self._carried_token = (url, carried) if carried else None
            self.accept()

        def unknown(exc: BaseException) -> None:
            log.info("new relay token or address not checked before saving: %s", type(exc).__name__)
            answered((CheckResult(CheckOutcome.UNREACHABLE), False, ""))

        kept = self._kept_token(url)
        db = self.ctx.db
        set_busy(self.save_button, True)

        def check() -> tuple[CheckResult, bool, str]:
            key, carried = (token, False) if token else kept()
            found = key if carried else ""
            # A new address in plain http:// to another computer is said, as the first-run wizard
            # says it (the token would cross the network unencrypted); one in use is not asked again.
            result = check_relay(url, key, allow_insecure=not moved)
            if not (moved and result.ok):
                return result, False, found
            # Another shop's relay is said before its customers mix into these chats.
            try:
                return result, relay_is_another_shops(db, url, key), found
            except RelayError as exc:  # answered the check, not this: nothing to say about it
                log.info("the new relay's numbers not read: %s", type(exc).__name__)
                return result, False, found

        Op(check, parent=self).success(answered).failure(unknown).run()

    def _apply_sign_in(self) -> bool:
        """Open at sign-in as ticked; False (and said) when the computer refused the change."""
        # Left as it showed: the entry stays as it is (another inbox's --data-dir one is not re-pointed).
        if not self.open_at_sign_in.isEnabled() or self.open_at_sign_in.isChecked() == self.sign_in_was_on:
            return True
        return set_open_at_sign_in(self, self.ctx, self.sign_in, self.open_at_sign_in.isChecked())

    def _auto_backup_toggled(self, on: bool) -> None:
        if on and not self.backup_folder:
            self.pick_backup_folder()
            if not self.backup_folder:  # the owner cancelled: nothing to back up to
                self.auto_backup.setChecked(False)
                return
        self._owner_set_backup()
        self._show_backup_folder()

    def _owner_set_backup(self) -> None:
        if not self.loaded:  # the read, when it comes, keeps her choice (its own value noted then)
            self._set_before_read.setdefault("backup_folder", "")

    def pick_backup_folder(self, *, start_in_current: bool = True) -> None:
        """`start_in_current` False: the current folder is known not to be here (an old computer's,
        after a restore), and the picker opened on it showed its path typed over the disk's root."""
        start = self.backup_folder if start_in_current else ""
        folder = folder_name(self, Picked.BACKUP, self.tr("Back up every day to"), start=start or None)
        if not folder:
            return
        self.backup_folder = str(Path(folder))
        self.auto_backup.blockSignals(True)
        self.auto_backup.setChecked(True)
        self.auto_backup.blockSignals(False)
        self._owner_set_backup()
        self._show_backup_folder()

    def _show_backup_folder(self) -> None:
        """The daily backup's folder, and when its last backup was made (looked up off the GUI
        thread: the folder may be on a slow USB stick) or why the last one failed."""
        on = self.auto_backup.isChecked() and bool(self.backup_folder)
        self.auto_folder.setVisible(on)
        self.auto_status.setVisible(on)
        if not on:
            return
        self.auto_folder.setText(self.backup_folder)
        failure = self.daily.failure if self.daily is not None else None
        if failure is not None and self.backup_folder == self.daily_folder():
            self.auto_status.setText(
                self.tr("The last daily backup failed: {reason}").format(reason=failure_sentence(failure))
            )
            return
        self.auto_status.setText(self.tr("Looking for the last backup…"))
        paths, folder = self.ctx.paths, Path(self.backup_folder)
        self._run(lambda: last_backup(paths, folder), lambda when, _e: self._last_backup_found(folder, when))

    def daily_folder(self) -> str:
        return self.daily.folder if self.daily is not None else ""

    def _last_backup_found(self, folder: Path, when: object) -> None:
        if not self.auto_backup.isChecked() or folder != Path(self.backup_folder):
            return  # another folder was picked meanwhile: its own look answers
        kept = self.tr(
            "The {count} newest are kept; older ones there are removed, "
            "sooner when the disk runs out of room."
        ).format(count=AUTOMATIC_BACKUPS_KEPT)
        if isinstance(when, datetime):
            said = self.tr("Last backup: {when}.").format(when=full_datetime(when))
        else:
            said = self.tr("No backup there yet: one is made once you save, then every day.")
        self.auto_status.setText(f"{said} {kept}")

    def backup_now(self) -> bool:
        """Ask where to save a backup and start it; False when the owner cancelled."""
        target = ask_backup_target(self, demo=self.ctx.demo)
        if target is None:
            return False
        self.start_backup(target)
        return True

    def start_backup(self, target: Path) -> None:
        """Write the backup off the GUI thread; the status line says when it is done."""
        set_busy(self.backup_button, True)
        self.say_backup(self.tr("Backing up…"))
        start_backup(self, self.ctx, target, self._backup_done)

    def _backup_done(self, _saved: bool, sentence: str) -> None:
        set_busy(self.backup_button, False)
        self.say_backup(sentence)

    def say_backup(self, text: str) -> None:
        """Back up now's answer, scrolled into view: it is the data section's last line, below the
        window's edge on a small screen, and the owner looks for it."""
        self.backup_status.setText(text)
        # Once the new text is laid out: a longer answer wraps onto more lines.
        QTimer.singleShot(0, self, lambda: self.sections.ensureWidgetVisible(self.backup_status))

    def choose_restore(self) -> bool:
        """Ask which backup to restore and check it; False when the owner cancelled."""
        daily = self.backup_folder if self.auto_backup.isChecked() else ""
        # Settings stays open after a refusal: the owner may pick another file.
        return choose_restore(
            self,
            daily,
            self._restore_confirmed,
            checking=lambda: set_busy(self.restore_button, True),
            answered=lambda: set_busy(self.restore_button, False),
            data_dir=self.ctx.paths.data_dir,
            ask_sign_in=not self.ctx.demo,  # the demo shop is never opened at sign-in
        )

    def _restore_confirmed(self, choice: RestoreChoice) -> None:
        self.restore_requested.emit(choice)
        super().reject()  # what is typed here goes with everything the backup replaces


def tell_relay_the_country(ctx: AppContext, country: str) -> None:
    """The shop moved country: the automations document names it, and the relay gets it, so its
    away messages and menu bot write dates to English-writing customers as the new country does."""
    from app.automations_store import move_shop_country
    from ui.automation_dialog import push_automations_now
    from ui.ops import run_write_returning

    run_write_returning(
        ctx,
        lambda session: move_shop_country(session, country),
        lambda _state: push_automations_now(ctx, "the shop's country"),
        parent=ctx.hub,
        on_failure=lambda exc: log.warning(
            "the shop's country not kept for the relay: %s", type(exc).__name__
        ),
    )
