"""Import chat from phone: preview an export, pick the shop and the customer, import with progress."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from PySide6.QtCore import QCoreApplication, QEvent, QRect, QSize, Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.changes import Changes
from app.chat_export.contacts import ContactMatch
from app.chat_export.errors import AmbiguousContact, ImportCancelled
from app.chat_export.importer import (
    ImportRequest,
    ImportSummary,
    discard_unfinished_imports,
    import_chat,
    import_context,
    imported_changes,
)
from app.chat_export.parser import ChatPreview, DateOrder, ParsedMessage, scan_export
from app.country_zones import country_zones, main_zone
from app.db import Database, is_disk_full
from app.phones import display_phone, example_number
from app.text_direction import isolated
from ui.context import AppContext
from ui.formatting import count_text, kind_label, short_date, wall_datetime
from ui.gui_thread import GuiThreadSignals
from ui.ops import Op, delete_when_closed, failure_sentence
from ui.save_paths import Picked, open_file_name
from ui.screen_fit import frame_margins, resize_within_screen, screen_of, within_screen
from ui.theme import problem_colour
from ui.time_zones import TimeZoneBox, known_zones, system_timezone, zone_city

log = logging.getLogger(__name__)

FIRST_LINES = 6
LINE_CHARS = 120
NEW_CONTACT = -1
UNREADABLE_SHOWN = 20


@dataclass(frozen=True, slots=True)
class _Scan:
    """Everything the preview shows, read off the GUI thread."""

    preview: ChatPreview
    matches: dict[str, ContactMatch]
    shop_name: str  # the business profile's name, to preselect the shop participant
    time_zone: str | None
    holding: dict[str, int]  # a participant → the contact whose chat already has this export's start
    offsets: dict[str, int]  # … → minutes ahead of UTC its times are in that chat already
    zones_before: dict[str, str]  # … → a time zone so many minutes ahead (the shop's, if it is)


def _scan(db: Database, region: str, path: Path) -> _Scan:
    preview = scan_export(path)
    names = [name for name, _ in preview.participants[:2]]
    found = import_context(db, names, region, preview.first_messages)
    first = _first_time(preview)
    # Looked for here, off the GUI thread: each zone is read from disk the first time. The shop's
    # country's first ("Asia/Seoul", not "Asia/Chita", which is as far ahead of UTC).
    candidates = (
        found.time_zone,
        system_timezone(),
        main_zone(region),
        *country_zones(region),
        "Etc/UTC",  # a computer left on UTC before
        *sorted(known_zones()),
    )
    zones_before = {
        name: zone
        for name, ahead in found.offsets.items()
        if first is not None and (zone := next((z for z in candidates if _fits(z, first, ahead)), None))
    }
    return _Scan(
        preview, found.matches, found.shop_name, found.time_zone, found.holding, found.offsets, zones_before
    )


def _first_time(preview: ChatPreview) -> datetime | None:
    return next((m.local_time for m in preview.first_messages if m.sender), None)


def _fits(zone: str | None, local: datetime, ahead: int) -> bool:
    """True when `local` in `zone` is `ahead` minutes ahead of UTC."""
    try:
        return zone is not None and ZoneInfo(zone).utcoffset(local) == timedelta(minutes=ahead)
    except (ZoneInfoNotFoundError, ValueError):
        return False


class _ProgressRelay(GuiThreadSignals):
    """Lives on the GUI thread; the import worker posts its progress to it."""

    progressed = Signal(int, int)


def _one_line(message: ParsedMessage) -> str:
    who = message.sender or "•"
    text = " ".join(message.body.split())
    if message.attachment and not message.media_omitted:
        # What the file is, in the owner's words ("[사진] 이거요!"), not the phone's file name
        # ("PTT-20250304-WA0002.opus"); a document by its name.
        kind = kind_label(message.kind) or message.attachment
        shown = f"{kind}: {message.attachment}" if message.kind == "document" else kind
        text = f"[{shown}] {text}".rstrip()
    if len(text) > LINE_CHARS:
        text = text[: LINE_CHARS - 1] + "…"
    return f"{wall_datetime(message.local_time)}  {who}: {text}"


class ImportDialog(QDialog):
    """Preview → progress → summary. Nothing is written before the owner presses Import."""

    imported = Signal(int)  # the contact id whose chat received messages

    def __init__(self, ctx: AppContext, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.path = path
        self.scan: _Scan | None = None
        self.summary: ImportSummary | None = None
        self.cancel_event = threading.Event()
        self.running = False
        # The disk filled up mid-import: what it wrote could not be removed for want of room either.
        self.left_for_want_of_room = False
        self.setWindowTitle(self.tr("Import chat from phone"))
        self.setMinimumWidth(620)

        self.pages = QStackedWidget()
        self.pages.addWidget(self._preview_page())
        self.pages.addWidget(self._progress_page())
        self.pages.addWidget(self._summary_page())

        self.buttons = QDialogButtonBox()
        self.import_button = self.buttons.addButton(
            self.tr("&Import"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.open_chat_button = self.buttons.addButton(
            self.tr("&Open chat"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.show_chat: Callable[[int], None] | None = None
        self.help_button = QPushButton(self.tr("&How to export from the phone…"))
        self.buttons.addButton(self.help_button, QDialogButtonBox.ButtonRole.HelpRole)
        # Enter imports (keyPressEvent), Esc cancels: a focused auto-default button takes Enter.
        for button in self.buttons.buttons():
            if isinstance(button, QPushButton):
                button.setAutoDefault(button in (self.import_button, self.close_button))
        self.import_button.setDefault(True)
        self.import_button.clicked.connect(self.start_import)
        self.cancel_button.clicked.connect(self.reject)
        self.close_button.clicked.connect(self.accept)
        self.open_chat_button.clicked.connect(self.open_imported_chat)
        self.help_button.clicked.connect(self.show_help)

        layout = QVBoxLayout(self)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.buttons)
        self._show_buttons(importing=False, done=False)
        self.import_button.setEnabled(False)

        self.relay = _ProgressRelay(self)
        self.relay.progressed.connect(self._progressed)
        self.status.setText(self.tr("Reading {0}…").format(path.name))
        db, region = ctx.db, ctx.shop_region
        Op(lambda: _scan(db, region, path), parent=self).success(self._scanned).failure(
            self._scan_failed
        ).run()

    # ------------------------------------------------------------------ pages

    def _preview_page(self) -> QWidget:
        page = QWidget()
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.file_label = QLabel(self.path.name)
        self.format_label = QLabel()
        self.participants_label = QLabel()
        self.range_label = QLabel()
        self.count_label = QLabel()
        for label in (self.file_label, self.format_label, self.participants_label, self.range_label,
                      self.count_label):  # fmt: skip
            label.setTextFormat(Qt.TextFormat.PlainText)  # names and text come from the export
            label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        # Only the lines that can grow long wrap (a wrapped QLabel asks for extra height in a form).
        self.format_label.setWordWrap(True)
        self.participants_label.setWordWrap(True)
        self.first_lines = QPlainTextEdit()
        self.first_lines.setReadOnly(True)
        self.first_lines.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        lines_height = self.first_lines.fontMetrics().lineSpacing() * (FIRST_LINES + 1) + 12
        self.first_lines.setFixedHeight(lines_height)
        self.shop_combo = QComboBox()
        self.shop_combo.currentIndexChanged.connect(self._shop_changed)
        self.customer_label = QLabel()
        self.customer_label.setTextFormat(Qt.TextFormat.PlainText)
        self.contact_combo = QComboBox()
        self.contact_combo.currentIndexChanged.connect(self._contact_changed)
        self.phone_edit = QLineEdit()
        # The example as the shop's country writes a mobile number ("01512 3456789" in Germany).
        self.phone_edit.setPlaceholderText(
            self.tr("Optional, e.g. {0}").format(example_number(self.ctx.shop_region))
        )
        self.zone_combo = TimeZoneBox()

        self.form = QFormLayout()
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.form.addRow(self.tr("File"), self.file_label)
        self.form.addRow(self.tr("Format"), self.format_label)
        self.form.addRow(self.tr("Participants"), self.participants_label)
        self.form.addRow(self.tr("Dates"), self.range_label)
        self.form.addRow(self.tr("Messages"), self.count_label)
        self.form.addRow(self.tr("First lines"), self.first_lines)
        self.form.addRow(self.tr("Which one is your &shop?"), self.shop_combo)
        self.form.addRow(self.tr("Customer"), self.customer_label)
        self.form.addRow(self.tr("&Add to"), self.contact_combo)
        self.form.addRow(self.tr("Customer's &number"), self.phone_edit)
        self.form.addRow(self.tr("&Time zone of the phone"), self.zone_combo)
        self.details = QWidget()
        self.details.setLayout(self.form)
        self.details.setVisible(False)
        layout = QVBoxLayout(page)
        layout.addWidget(self.status)
        layout.addWidget(self.details)
        layout.addStretch(1)
        return page

    def _progress_page(self) -> QWidget:
        page = QWidget()
        self.progress_label = QLabel(self.tr("Importing…"))
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        layout = QVBoxLayout(page)
        layout.addStretch(1)
        layout.addWidget(self.progress_label)
        layout.addWidget(self.progress)
        layout.addStretch(1)
        return page

    def _summary_page(self) -> QWidget:
        page = QWidget()
        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)
        self.summary_label.setTextFormat(Qt.TextFormat.PlainText)
        self.unreadable_title = QLabel(
            self.tr("Lines that could not be read (not imported, and not added to any other message):")
        )
        self.unreadable_list = QPlainTextEdit()
        self.unreadable_list.setReadOnly(True)
        self.unreadable_list.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        layout = QVBoxLayout(page)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.unreadable_title)
        layout.addWidget(self.unreadable_list)
        layout.addStretch(1)
        return page

    def _show_buttons(self, *, importing: bool, done: bool) -> None:
        self.import_button.setVisible(not importing and not done)
        self.cancel_button.setVisible(not done)
        self.close_button.setVisible(done)
        self.help_button.setVisible(not importing and not done)
        self.open_chat_button.setVisible(
            done and self.summary is not None and self.show_chat is not None and not self.running
        )
        self._set_default()

    def _set_default(self) -> None:
        (self.close_button if self.close_button.isVisibleTo(self) else self.import_button).setDefault(True)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Enter is the step forward: Import (when it can), Close on the summary; never Cancel. Qt's
        # own choice of default button went to whichever button held the focus, Cancel at first.
        if (
            event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        ):
            for button in (self.import_button, self.close_button):
                if button.isVisibleTo(self):
                    if button.isEnabled():
                        button.click()
                    event.accept()
                    return
        super().keyPressEvent(event)

    def offer_open_chat(self, show_chat: Callable[[int], None]) -> None:
        """After a successful import, an Open chat button calls `show_chat(contact_id)` and closes."""
        self.show_chat = show_chat

    def open_imported_chat(self) -> None:
        if self.summary is None or self.show_chat is None:
            return
        contact_id = self.summary.contact_id
        self.accept()
        self.show_chat(contact_id)

    def _fit_to(self, index: int) -> None:
        """Show page `index` at its own size (a stack is as big as its biggest page)."""
        self.details.setVisible(index == 0 and self.scan is not None)
        self.pages.setCurrentIndex(index)
        # The buttons just shown or hidden lay themselves out on a posted event: measured before it,
        # the row counted short and a failure's two paragraphs were cut off at the top and bottom.
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        layout = self.layout()
        if layout is not None:
            layout.activate()
        size = resize_within_screen(self, QSize(self.width(), self.sizeHint().height()))
        if self.isVisible():
            # Shown small while the file was read, then grown to the preview from where it stood: its
            # Import button ended below the screen's edge (a 1366×768 laptop at 150 %). Moved up.
            fitted_place = within_screen(
                QRect(self.geometry().topLeft(), size),
                frame_margins(self),
                screen_of(self).availableGeometry(),
            )
            if fitted_place != self.geometry():
                self.setGeometry(fitted_place)

    # ------------------------------------------------------------------ preview

    def _scan_failed(self, error: BaseException) -> None:
        self.status.setText(failure_sentence(error))
        self.status.setStyleSheet(f"color: {problem_colour()};")
        self._show_buttons(importing=False, done=True)

    def _scanned(self, scan: _Scan) -> None:
        self.scan = scan
        p = scan.preview
        self.status.setText(self.tr("Check the chat below, then press Import. Nothing is saved before that."))
        self.format_label.setText(
            self.tr("{0} export · {1} · {2} · {3}").format(
                p.platform, self._language(p.language), self._clock(p.clock), self._order(p.date_order)
            )
            + (self._zip_contents(p.attachments_present, p.attachments) if p.source.is_zip else "")
        )
        self.participants_label.setText(
            ", ".join(
                self.tr("{0} (1 message)").format(isolated(name))
                if n == 1
                else self.tr("{0} ({1} messages)").format(isolated(name), count_text(n))
                for name, n in p.participants
            )
        )
        if p.first_time and p.last_time:
            self.range_label.setText(f"{short_date(p.first_time.date())} – {short_date(p.last_time.date())}")
        # The messages the import adds (as its summary counts them): system lines too, not the
        # encryption notice, not the lines that cannot be read.
        count = p.to_import if p.to_import >= 0 else p.message_count
        # "1 message, 1 line" for a chat of one message, as the participants above count them.
        messages = self.tr("1 message") if count == 1 else self.tr("{0} messages").format(count_text(count))
        lines = (
            self.tr("1 line") if p.line_count == 1 else self.tr("{0} lines").format(count_text(p.line_count))
        )
        counted = self.tr("{0}, {1}").format(messages, lines)
        if p.unreadable_lines:
            counted += "\n" + (
                self.tr("1 line could not be read: it will not be imported.")
                if p.unreadable_lines == 1
                else self.tr("{0} lines could not be read: they will not be imported.").format(
                    count_text(p.unreadable_lines)
                )
            )
        self.count_label.setText(counted)
        self.first_lines.setPlainText("\n".join(_one_line(m) for m in p.first_messages))
        names = [name for name, _ in p.participants]
        self.shop_combo.blockSignals(True)
        for name in names:
            self.shop_combo.addItem(name, name)
        shop_index = names.index(scan.shop_name) if scan.shop_name in names else -1
        if p.is_group:
            # The owner may not be in the group at all (a supplier's group shared with them).
            self.shop_combo.addItem(self.tr("None of them"), "")
            if shop_index < 0:
                shop_index = len(names)
        elif shop_index < 0:
            # The owner exported from the shop's phone: the chat is named after the customer, in the
            # phone's language ("WhatsApp Chat with 김민지", "김민지님과의 WhatsApp 대화"). The shop is
            # the participant the name leaves out.
            named = [i for i, n in enumerate(names) if n and n in p.title]
            if len(named) != 1:
                named = [i for i, n in enumerate(names) if n == p.title]
            if not named:
                # A file renamed since (chat1.txt): a customer writes to a shop first, so the shop
                # is most likely whoever did not write the first message.
                first = next((m.sender for m in p.first_messages if m.sender in names), None)
                named = [names.index(first)] if first is not None else []
            others = [i for i in range(len(names)) if i not in named]
            shop_index = others[0] if others else 0
        self.shop_combo.setCurrentIndex(shop_index)
        self.shop_combo.blockSignals(False)
        zone = scan.time_zone or system_timezone()
        self.zone_combo.set_zone(zone)
        self._fit_to(0)  # the preview shown, the dialog sized to it, inside the screen
        if p.is_group:
            self.status.setText(
                self.tr(
                    "This is a group chat ({0} members). It is imported as a read-only archive: one chat "
                    "with every member's messages and names, searchable, but nothing can be sent to it. "
                    "Members written as phone numbers are linked to your contacts with that number."
                ).format(len(names))
            )
            for widget in (self.customer_label, self.contact_combo, self.phone_edit):
                self.form.setRowVisible(widget, False)
            self.import_button.setEnabled(True)
            return
        self._shop_changed()

    def _language(self, name: str) -> str:
        names = {
            "English (US)": self.tr("English (US)"),
            "English (UK)": self.tr("English (UK)"),
            "Korean": self.tr("Korean"),
            "German": self.tr("German"),
            "Spanish": self.tr("Spanish"),
            "French": self.tr("French"),
            "Portuguese": self.tr("Portuguese"),
            "Italian": self.tr("Italian"),
            "Japanese": self.tr("Japanese"),
            "Dutch": self.tr("Dutch"),
            "Indonesian": self.tr("Indonesian"),
            "Turkish": self.tr("Turkish"),
            "": self.tr("language not recognised"),
        }
        return names.get(name, name)

    def _clock(self, clock: str) -> str:
        return self.tr("12-hour clock") if clock == "12-hour" else self.tr("24-hour clock")

    def _order(self, order: DateOrder) -> str:
        if order is DateOrder.YMD:
            return self.tr("year first")
        return self.tr("day first") if order is DateOrder.DMY else self.tr("month first")

    def customer(self) -> str:
        if self.scan is None:
            return ""
        shop = str(self.shop_combo.currentData() or "")
        others = [n for n, _ in self.scan.preview.participants if n != shop]
        return others[0] if others else self.scan.preview.title

    def _shop_changed(self, _index: int = 0) -> None:
        if self.scan is None or self.scan.preview.is_group:
            return
        customer = self.customer()
        match = self.scan.matches.get(customer)
        self.customer_label.setText(customer)
        self.contact_combo.blockSignals(True)
        self.contact_combo.clear()
        # Only a number identifies a customer: two people may share a name, and a chat filed under
        # the wrong one cannot be taken apart again. A match by name is offered, never preselected,
        # unless that contact's chat already has this export's first messages (imported before).
        if match is not None and (match.ambiguous or match.by != "phone") and match.choices:
            self.contact_combo.addItem(self.tr("Choose a contact…"), None)
        region = self.ctx.shop_region
        for choice in match.choices if match else ():
            label = choice.name + (f"  {display_phone(choice.wa_id, region)}" if choice.wa_id else "")
            self.contact_combo.addItem(self.tr("Existing contact: {0}").format(label), choice.contact_id)
        self.contact_combo.addItem(self.tr("A new contact"), NEW_CONTACT)
        holder = self.scan.holding.get(customer)
        held = self.contact_combo.findData(holder) if holder is not None else -1
        self.contact_combo.setCurrentIndex(max(held, 0))
        self.contact_combo.blockSignals(False)
        self.status.setStyleSheet("")
        self.status.setText(
            self.tr(
                "You imported this chat before: only the messages not in it yet will be added. "
                "Nothing is saved before you press Import."
            )
            if held >= 0
            else self.tr("Check the chat below, then press Import. Nothing is saved before that.")
        )
        if self._zone_as_before(customer):
            self.status.setText(
                self.status.text()
                + "\n"
                + self.tr(
                    "The time zone is set to match this chat's messages already here: none is added twice."
                )
            )
        self._contact_changed()

    def _zone_as_before(self, customer: str) -> bool:
        """Show the zone in which the export's times fall where this customer's messages already in
        the inbox are (`_Scan.zones_before`), unless the zone shown does: True when it changed."""
        assert self.scan is not None
        zone = self.scan.zones_before.get(customer)
        first = _first_time(self.scan.preview)
        if zone is None or first is None or _fits(self.zone_combo.zone(), first, self.scan.offsets[customer]):
            return False
        self.zone_combo.set_zone(zone)
        return True

    def _contact_changed(self, _index: int = 0) -> None:
        match = self.scan.matches.get(self.customer()) if self.scan else None
        choice = self.contact_combo.currentData()
        new = choice == NEW_CONTACT
        self.phone_edit.setEnabled(new and not (match and match.phone))
        if match and match.phone:
            self.phone_edit.setText(display_phone(match.phone, self.ctx.shop_region))
        self.import_button.setEnabled(choice is not None and self.scan is not None)

    def request(self) -> ImportRequest:
        choice = self.contact_combo.currentData()
        return ImportRequest(
            path=self.path,
            shop_participant=str(self.shop_combo.currentData() or ""),
            time_zone=self.zone_combo.zone() or "",  # none: refused by start_import
            contact_id=choice if isinstance(choice, int) and choice != NEW_CONTACT else None,
            new_contact=choice == NEW_CONTACT,
            phone=self.phone_edit.text().strip() or None if self.phone_edit.isEnabled() else None,
            region=self.ctx.shop_region,
        )

    # ------------------------------------------------------------------ import

    def start_import(self) -> None:
        if self.scan is None or self.running:
            return
        if not self.scan.preview.is_group and self.contact_combo.currentData() is None:
            # Never left to a match by name: the owner says whose chat this is (the button is off).
            self.status.setText(
                self.tr("Choose which contact this chat belongs to, or add it as a new contact.")
            )
            self.status.setStyleSheet(f"color: {problem_colour()};")
            self.contact_combo.setFocus()
            return
        request = self.request()
        if not request.time_zone:
            self.status.setText(
                self.tr("Choose the time zone the phone was in: type its city, like {0}.").format(
                    zone_city("Asia/Seoul")
                )
            )
            self.status.setStyleSheet(f"color: {problem_colour()};")
            self.zone_combo.setFocus()
            return
        preview = self.scan.preview
        media_dir = self.ctx.paths.media_dir
        self.running = True
        self.cancel_event.clear()
        self.progress.setRange(0, max(preview.line_count, 1))
        self.progress.setValue(0)
        self.progress_label.setText(self.tr("Importing…"))
        self.pages.setCurrentIndex(1)
        self._show_buttons(importing=True, done=False)
        relay = self.relay

        db = self.ctx.db

        def work() -> ImportSummary:
            return import_chat(
                db,
                media_dir,
                request,
                preview=preview,
                progress=lambda done, total: relay.post(relay.progressed, done, total),
                cancel=self.cancel_event,
            )

        Op(work, parent=self).success(self._finished).failure(self._failed).run()

    def _progressed(self, done: int, total: int) -> None:
        self.progress.setMaximum(max(total, 1))
        self.progress.setValue(done)
        if not self.cancel_event.is_set():
            self.progress_label.setText(
                self.tr("Importing… {0} of {1} lines").format(count_text(done), count_text(total))
            )

    def _zip_contents(self, present: int, attachments: int) -> str:
        """What the zip holds besides the chat: no count of zeros for an export without media."""
        if present == 0:
            return self.tr(" · zip without attached files")
        return self.tr(" · zip with {0} of {1} attached files").format(present, attachments)

    def _finished(self, summary: ImportSummary) -> None:
        self.running = False
        self.summary = summary
        n = count_text
        added, already = summary.added, summary.already_there
        # Lines, not entries: a header that cannot be read takes the lines continuing it along.
        unreadable_count = max(summary.unreadable_lines, summary.unreadable_count)
        if added == 0:  # a re-import of the same chat: no "0 messages added"
            lines = [self.tr("No new messages to add.")]
        elif added == 1:
            lines = [self.tr("1 message added.")]
        else:
            lines = [self.tr("{0} messages added.").format(n(added))]
        if already:  # an export imported before, or a chat the relay also delivered
            lines.append(
                self.tr("1 was already in Shop Inbox (skipped as a duplicate).")
                if already == 1
                else self.tr("{0} were already in Shop Inbox (skipped as duplicates).").format(n(already))
            )
        if summary.media_copied or summary.media_missing:
            lines.append(
                self.tr("Photos and files copied: {0}; not in the export: {1}.").format(
                    n(summary.media_copied), n(summary.media_missing)
                )
            )
        if unreadable_count:
            lines.append(
                self.tr("1 line could not be read.")
                if unreadable_count == 1
                else self.tr("{0} lines could not be read.").format(n(unreadable_count))
            )
        self.summary_label.setText("\n".join(lines))
        shown = summary.unreadable[:UNREADABLE_SHOWN]
        unreadable = [
            self.tr("line {0}: {1}").format(u.line_no, u.text)
            if u.lines <= 1
            else self.tr("lines {0}–{1}: {2}").format(u.line_no, u.line_no + u.lines - 1, u.text)
            for u in shown
        ]
        more = max(summary.unreadable_count, len(summary.unreadable)) - len(shown)
        if more > 0:
            unreadable.append(self.tr("…and {0} more").format(n(more)))
        self.unreadable_list.setPlainText("\n".join(unreadable))
        self.unreadable_title.setVisible(bool(unreadable))
        self.unreadable_list.setVisible(bool(unreadable))
        if unreadable:
            height = self.unreadable_list.fontMetrics().lineSpacing() * (min(len(unreadable), 8) + 1) + 12
            self.unreadable_list.setFixedHeight(height)
        self._show_buttons(importing=False, done=True)
        self._fit_to(2)
        self.ctx.publish(imported_changes(summary))
        self.imported.emit(summary.contact_id)

    def _failed(self, error: BaseException) -> None:
        self.running = False
        if isinstance(error, AmbiguousContact):
            # Another contact with the name appeared meanwhile: back to the preview to choose.
            self._show_buttons(importing=False, done=False)
            self._fit_to(0)
            self.status.setText(failure_sentence(error))
            return
        if isinstance(error, ImportCancelled):
            message = self.tr("The import was cancelled. Nothing was added.")
        else:
            message = failure_sentence(error)
        if is_disk_full(error):
            # Removing the rows it wrote needs room too: done when this window closes, once space
            # was freed (else at the next start), not left as a half chat until then.
            self.left_for_want_of_room = True
            message += "\n\n" + self.tr(
                "The part of the chat imported before the disk filled up is removed when you close this "
                "window, so free some space first (if there is still no room, it is removed when Shop "
                "Inbox next starts)."
            )
        self.summary_label.setText(message)
        self.unreadable_title.setVisible(False)
        self.unreadable_list.setVisible(False)
        self._show_buttons(importing=False, done=True)
        self._fit_to(2)

    # ------------------------------------------------------------------ closing

    def done(self, result: int) -> None:
        if self.left_for_want_of_room:
            self.left_for_want_of_room = False
            ctx = self.ctx

            def removed(count: int) -> None:
                if count:
                    ctx.publish(Changes(all_contacts=True))

            def still_no_room(exc: BaseException) -> None:
                log.info("half import not removed yet (%s): the next start removes it", type(exc).__name__)

            # The window's child, not this dialog's: it is deleted once closed.
            Op(lambda: discard_unfinished_imports(ctx.db), parent=self.parent()).success(removed).failure(
                still_no_room
            ).run()
        super().done(result)

    def reject(self) -> None:
        if self.running:
            # The import removes what it wrote, then reports back; the dialog closes after that.
            self.cancel_event.set()
            self.cancel_button.setEnabled(False)
            self.progress_label.setText(self.tr("Cancelling… removing what was imported"))
            return
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.running:
            self.reject()
            event.ignore()
            return
        super().closeEvent(event)

    def show_help(self) -> None:
        from ui.import_help import ImportHelpDialog

        dialog = ImportHelpDialog(self)
        delete_when_closed(dialog)
        dialog.exec()


def open_import(parent: QWidget | None, ctx: AppContext, path: Path | None = None) -> ImportDialog | None:
    """File ▸ Import chat from phone…, and files dropped on the window: pick a file if none, then preview."""
    if path is None:
        # Downloads, where a mailed or shared export lands (a folder that does not exist would
        # start the dialog in its parent with "Downloads" typed as the file name), then the last one.
        chosen = open_file_name(
            parent,
            Picked.CHAT_EXPORT,
            QCoreApplication.translate("ImportDialog", "Import chat from phone"),
            QCoreApplication.translate("ImportDialog", "WhatsApp chat exports (*.zip *.txt);;All files (*)"),
        )
        if not chosen:
            return None
        path = Path(chosen)
    dialog = ImportDialog(ctx, path, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
