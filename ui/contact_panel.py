"""The contact panel: names, phone, labels, private notes, consent, block, shared media, export."""

from __future__ import annotations

import logging
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QStringListModel, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.changes import Changes
from app.contact_details import (
    NOTES_MAX,
    ContactDetails,
    contact_details,
    set_notes,
    set_saved_name,
)
from app.phones import display_phone
from app.queries import LabelRow, labels, set_label
from ui import icons
from ui.avatar import avatar_pixmap
from ui.bounded_text import BoundedTextEdit
from ui.chat_export_action import export_chat_to_file
from ui.confirm import confirm
from ui.consent_box import ConsentBox
from ui.context import AppContext
from ui.icon_buttons import keys_tip
from ui.label_names import label_display_name, label_swatch
from ui.ops import run_read, run_write
from ui.panel_heading import PanelHeading
from ui.shared_media import SharedMediaList
from ui.theme import ui_font

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

log = logging.getLogger(__name__)

# The labels list's height at most, in rows: it grows with the shop's own labels (the panel scrolls),
# and only a shop with dozens scrolls within it. At six, a seventh label hid behind a tiny scrollbar.
LABEL_ROWS_SHOWN = 16
MEMBER_ROWS_SHOWN = 8  # the same for a group archive's members


# File ▸ Export chat…, which the panel's Export chat… button does too.
EXPORT_CHAT_KEYS = "Ctrl+Shift+E"


@dataclass(frozen=True, slots=True)
class _Shown:
    """What the panel shows of one contact, read together off the GUI thread."""

    details: ContactDetails | None
    labels: list[LabelRow]


def _read_contact(contact_id: int) -> Callable[[Session], _Shown]:
    def read(s: Session) -> _Shown:
        return _Shown(contact_details(s, contact_id), labels(s))

    return read


# A label wraps only between words: a name of 500 letters without a space widened the panel into a
# sideways scroll, its picture and the end of the name out of sight.
UNBROKEN_MAX = 10


def _holds_on(ch: str) -> bool:
    """A character that belongs with the one before or after it: a combining mark, a joiner (the
    family emoji), a variation selector, a skin tone, a flag's letter, an emoji tag."""
    code = ord(ch)
    return (
        unicodedata.category(ch).startswith("M")
        or ch == "\u200d"
        or 0xFE00 <= code <= 0xFE0F
        or 0x1F3FB <= code <= 0x1F3FF
        or 0x1F1E6 <= code <= 0x1F1FF
        or 0xE0020 <= code <= 0xE007F
    )


def breakable(name: str) -> str:
    """`name` as a wrapping label shows it: a line may break after UNBROKEN_MAX characters of one long
    word (an invisible break, U+200B, never inside an emoji or a letter with its marks); a name of
    real words is left as it is."""
    out: list[str] = []
    run = 0
    for i, ch in enumerate(name):
        if ch.isspace():
            run = 0
        else:
            if run >= UNBROKEN_MAX and not _holds_on(ch) and not _holds_on(name[i - 1]):
                out.append("\u200b")
                run = 0
            run += 1
        out.append(ch)
    return "".join(out)


class ContactPanel(QFrame):
    """Reads and edits go through ui/ops.py; edits publish `Changes`, and the panel follows the hub."""

    closed = Signal()
    media_opened = Signal(int)  # message id to show in the chat
    orders_requested = Signal(str)  # the orders board's search that finds this customer's orders

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("contactPanel")
        self.details: ContactDetails | None = None
        self._label_shape: tuple[tuple[int, str, str], ...] = ()  # (id, name, colour) the list shows
        self._generation = 0  # the newest read wins; an older one (another contact) is dropped
        self.loading = False
        ctx.hub.changed.connect(self._hub_changed)

        close = self.close_button = QToolButton(self)
        close.setIcon(icons.icon("close"))
        close.setAutoRaise(True)
        close.setToolTip(self.tr("Close (Esc)"))
        close.setAccessibleName(self.tr("Close contact info"))
        close.clicked.connect(self.closed)
        title = QLabel(self.tr("Contact info"), self)
        title.setFont(ui_font(1, bold=True))
        top = QHBoxLayout()
        top.setContentsMargins(10, 8, 10, 8)
        top.addWidget(close)
        top.addWidget(title, 1)

        self.avatar = QLabel(self)
        self.avatar.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.name = QLabel(self)
        self.name.setTextFormat(Qt.TextFormat.PlainText)
        self.name.setFont(ui_font(3, bold=True))
        self.name.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.name.setWordWrap(True)
        self.phone = QLabel(self)
        self.phone.setTextFormat(Qt.TextFormat.PlainText)
        self.phone.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.phone.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # A customer known only from a phone export has no number: it is added here, not only when
        # a template is about to go out.
        self.add_phone = QPushButton(self.tr("&Add phone number…"), self)
        self.add_phone.setObjectName("addPhoneNumber")
        self.add_phone.clicked.connect(self._add_phone_number)
        self.add_phone.hide()
        # What she ordered before: the orders board, found by her number (names are shared).
        self.orders = QPushButton(self.tr("This custo&mer's orders…"), self)
        self.orders.setObjectName("customerOrders")
        self.orders.clicked.connect(self._show_orders)

        self.saved_name = QLineEdit(self)
        self.saved_name.setMaxLength(256)
        self.saved_name.setPlaceholderText(self.tr("Name you saved"))
        self.saved_name.editingFinished.connect(self._save_name)
        self.profile_name = QLabel(self)
        self.profile_name.setTextFormat(Qt.TextFormat.PlainText)
        self.profile_name.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Saved name"), self.saved_name)
        form.addRow(self.tr("WhatsApp name"), self.profile_name)

        # The shop's labels as one checkable list (a shop may keep hundreds): as tall as its labels,
        # up to LABEL_ROWS_SHOWN rows, scrolling within itself beyond that.
        self.labels_list = QListWidget(self)
        self.labels_list.setObjectName("contactLabels")
        self.labels_list.setAccessibleName(self.tr("Labels"))
        self.labels_list.setUniformItemSizes(True)
        self.labels_list.setFrameShape(QFrame.Shape.NoFrame)
        self.labels_list.itemChanged.connect(self._label_ticked)

        self.notes = BoundedTextEdit(self)
        self.notes.setObjectName("contactNotes")
        self.notes.setAccessibleName(self.tr("Private notes"))
        self.notes.setPlaceholderText(self.tr("Private notes (only you see them)"))
        self.notes.setFixedHeight(90)
        self._notes_timer = QTimer(self)
        self._notes_timer.setSingleShot(True)
        self._notes_timer.setInterval(800)
        self._notes_timer.timeout.connect(self._save_notes)
        self.notes.textChanged.connect(self._notes_timer.start)

        self.consent_heading = self._heading(self.tr("Consent"))
        self.consent = ConsentBox(ctx, self)
        self.block = QCheckBox(self.tr("&Block this customer"), self)
        self.block.clicked.connect(self._save_block)

        # A group archive lists its members instead of a customer's consent and block switches.
        self.members_heading = self._heading(self.tr("Members"))
        # A list view like the labels (a group may hold a thousand members): at most
        # MEMBER_ROWS_SHOWN rows tall, scrolling within itself, so the panel's form never grows.
        self.members_model = QStringListModel(self)
        self.members = QListView(self)
        self.members.setObjectName("groupMembers")
        self.members.setAccessibleName(self.tr("Members"))
        self.members.setModel(self.members_model)
        self.members.setUniformItemSizes(True)
        self.members.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.members.setFrameShape(QFrame.Shape.NoFrame)

        self.media = SharedMediaList(ctx, self)
        self.media.media_opened.connect(self.media_opened)
        # File ▸ Export chat…'s keys (ui/menus.py gives it them and hangs it on this button): the
        # window's Alt letters are all taken.
        self.export = QPushButton(self.tr("Export chat…"), self)
        self.export.setToolTip(keys_tip(self.tr("Save this chat to a file"), EXPORT_CHAT_KEYS))
        self.export.clicked.connect(self.export_chat)

        body = QWidget(self)
        bl = QVBoxLayout(body)
        bl.setContentsMargins(16, 8, 16, 16)
        bl.setSpacing(8)
        bl.addWidget(self.avatar)
        bl.addWidget(self.name)
        bl.addWidget(self.phone)
        bl.addWidget(self.add_phone, 0, Qt.AlignmentFlag.AlignHCenter)
        bl.addWidget(self.orders, 0, Qt.AlignmentFlag.AlignHCenter)
        bl.addLayout(form)
        bl.addWidget(self.members_heading)
        bl.addWidget(self.members)
        bl.addWidget(self._heading(self.tr("Labels")))
        bl.addWidget(self.labels_list)
        bl.addWidget(self._heading(self.tr("Notes")))
        bl.addWidget(self.notes)
        bl.addWidget(self.consent_heading)
        bl.addWidget(self.consent)
        bl.addWidget(self.block)
        bl.addWidget(self._heading(self.tr("Media and documents")))
        bl.addWidget(self.media)
        bl.addWidget(self.export)
        bl.addStretch(1)
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        # Tab goes from field to field (the area scrolls to each); a stop of its own showed nothing.
        self.scroll_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.scroll_area.setWidget(body)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.scroll_area, 1)

    def _heading(self, text: str) -> QLabel:
        return PanelHeading(text, self)

    def refresh_palette(self) -> None:
        """Light and dark switched: the headings take the new palette's accent."""
        for heading in self.findChildren(PanelHeading):
            heading.tint()

    # ----------------------------------------------------------------- loading
    def _hub_changed(self, changes: Changes) -> None:
        shown = self.details
        if shown is not None and self.isVisible() and (changes.labels or changes.touches_contact(shown.id)):
            self.show_contact(shown.id)

    def show_contact(self, contact_id: int) -> None:
        """Read the contact's details and the labels off the GUI thread, then show them."""
        if self.details is not None and self.details.id != contact_id:
            self._flush_notes()
        self._generation += 1
        generation = self._generation
        self.loading = True

        def shown(got: _Shown) -> None:
            if generation != self._generation:
                return  # the owner moved to another chat meanwhile
            self.loading = False
            if got.details is not None:
                self._show(got.details, got.labels)

        def failed(exc: BaseException) -> None:
            if generation == self._generation:
                self.loading = False
            log.warning("contact details not read: %s", type(exc).__name__)

        run_read(self.ctx, _read_contact(contact_id), shown, parent=self, on_failure=failed)
        self.media.show_contact(contact_id)

    def _show(self, details: ContactDetails, all_labels: list[LabelRow]) -> None:
        # Refreshing the contact being edited must not undo notes typed but not saved yet.
        same = self.details is not None and self.details.id == details.id
        keep_notes = same and (self.notes.hasFocus() or self._notes_timer.isActive())
        if keep_notes:
            # The panel still holds the unsaved text; compare against it when saving.
            import dataclasses

            details = dataclasses.replace(
                details, notes=self.details.notes if self.details else details.notes
            )
        self.details = details
        if not same:
            # Another customer: from her name down, not at the place the last one was read to.
            self.scroll_area.verticalScrollBar().setValue(0)
        self.avatar.setPixmap(
            avatar_pixmap(
                details.display_name, details.wa_id or str(details.id), 96, self.devicePixelRatioF()
            )
        )
        self.name.setText(breakable(details.display_name))
        self.phone.setText(display_phone(details.wa_id or "", self.ctx.shop_region))
        self.saved_name.setText(details.saved_name or "")
        self.profile_name.setText(breakable(details.profile_name or "—"))
        if not keep_notes:
            self.notes.blockSignals(True)
            self.notes.setPlainText(details.notes)
            self.notes.blockSignals(False)
        self.consent.show_consent(details.id, details.consent, details.wa_id)
        self.block.setChecked(details.blocked)
        archive = details.group_members is not None
        for widget in (self.consent_heading, self.consent, self.block):
            widget.setVisible(not archive)
        self.add_phone.setVisible(not archive and not details.wa_id)
        self.orders.setVisible(not archive and bool(details.wa_id))
        self.members_heading.setVisible(archive)
        self.members.setVisible(archive)
        if details.group_members is not None:
            self.phone.setText(self.tr("Group chat archive · read-only"))
            linked = self.tr("{0} — your contact {1}")
            members = details.group_members
            self.members_model.setStringList(
                [linked.format(m.name, m.contact_name) if m.contact_name else m.name for m in members]
            )
            view = self.members
            shown = min(len(members), MEMBER_ROWS_SHOWN)
            view.setFixedHeight(shown * view.sizeHintForRow(0) + 2 * view.frameWidth() if shown else 0)
        self._fill_labels(all_labels, details.label_ids)

    def _show_orders(self) -> None:
        if self.details is not None and self.details.wa_id:
            self.orders_requested.emit(display_phone(self.details.wa_id, self.ctx.shop_region))

    def _add_phone_number(self) -> None:
        details = self.details
        if details is None or details.wa_id:
            return
        from ui.phone_number_prompt import ask_for_phone_number

        ask_for_phone_number(
            self,
            self.ctx,
            details.id,
            details.display_name,
            lambda: None,
            lambda cid: self.ctx.publish(Changes.for_contacts({cid}, messages=False)),
        )

    def _fill_labels(self, rows: list[LabelRow], on: frozenset[int]) -> None:
        # The panel re-reads on every change to the open chat (each message): the shop's labels
        # rarely change, so the list's items are made again only when they do; otherwise only ticked.
        labels = self.labels_list
        labels.blockSignals(True)  # ticks set here are not the owner's
        try:
            shape = tuple((lab.id, lab.name, lab.colour) for lab in rows)
            if shape != self._label_shape:
                self._label_shape = shape
                labels.clear()
                for lab in rows:
                    item = QListWidgetItem(label_swatch(lab.colour, 12), label_display_name(lab.name))
                    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
                    item.setData(Qt.ItemDataRole.UserRole, lab.id)
                    labels.addItem(item)
                shown = min(len(rows), LABEL_ROWS_SHOWN)
                labels.setFixedHeight(
                    shown * labels.sizeHintForRow(0) + 2 * labels.frameWidth() if shown else 0
                )
                labels.setVisible(bool(rows))
            for row in range(labels.count()):
                item = labels.item(row)
                ticked = item.data(Qt.ItemDataRole.UserRole) in on
                item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
        finally:
            labels.blockSignals(False)

    def _label_ticked(self, item: QListWidgetItem) -> None:
        self._toggle_label(
            int(item.data(Qt.ItemDataRole.UserRole)), item.checkState() == Qt.CheckState.Checked
        )

    # ----------------------------------------------------------------- edits
    def _write(self, fn: Callable[[Session, int], object]) -> None:
        """One edit of the shown contact, on the writer; the list row and this panel follow its `Changes`."""
        if self.details is None:
            return
        contact_id = self.details.id

        def work(s: Session) -> Changes:
            fn(s, contact_id)
            return Changes.for_contacts({contact_id}, messages=False)

        run_write(self.ctx, work, parent=self)

    def _toggle_label(self, label_id: int, on: bool) -> None:
        self._write(lambda s, cid: set_label(s, cid, label_id, on))

    def _save_name(self) -> None:
        if self.details is None or self.saved_name.text() == (self.details.saved_name or ""):
            return
        name = self.saved_name.text()
        self._write(lambda s, cid: set_saved_name(s, cid, name))

    def _save_notes(self) -> None:
        if self.details is None:
            return
        notes = self.notes.toPlainText()[:NOTES_MAX]
        if notes != self.details.notes:
            self._write(lambda s, cid: set_notes(s, cid, notes))

    def _flush_notes(self) -> None:
        if self._notes_timer.isActive():
            self._notes_timer.stop()
            self._save_notes()

    def _save_block(self, on: bool) -> None:
        if on and not confirm(
            self,
            self.tr("Block customer"),
            self.tr(
                "Block this customer? Their messages stay, and you can't write to them until you unblock."
            ),
            self.tr("&Block"),
        ):
            self.block.setChecked(False)
            return
        if self.details is not None:
            from ui.block_action import block_customer

            block_customer(self.ctx, self.details.id, self.details.wa_id, on, self)

    def export_chat(self) -> None:
        """WhatsApp's own export format (ui/chat_export_action.py), so it opens where theirs do."""
        if self.details is not None:
            export_chat_to_file(self, self.ctx, self.details.id)

    def export_to(self, path: Path) -> None:
        if self.details is not None:
            export_chat_to_file(self, self.ctx, self.details.id, target=path)

    def hideEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        self._flush_notes()
        super().hideEvent(event)
