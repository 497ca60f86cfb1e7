"""The composer's catalogue button and `#` shortcut: pick items, queue them as one catalogue message."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QToolButton

from app.changes import Changes
from app.queries import MessageRow
from ui import icons, message_box
from ui.enter_key import click_on_enter
from ui.formatting import babel_locale_name
from ui.ops import failure_sentence, run_op
from ui.utf16 import from_qt

if TYPE_CHECKING:
    from ui.chat_pane import ChatPane

log = logging.getLogger(__name__)


class CatalogSendAction(QObject):
    """Adds a catalogue button beside the attach button; typing `#` at a word start opens the picker."""

    def __init__(self, pane: ChatPane, *, open_catalogue: Callable[[], None] | None = None) -> None:
        super().__init__(pane)
        self.pane = pane
        self.open_catalogue = open_catalogue  # Shop > Catalogue, offered when the catalogue is empty
        self.ctx = pane.ctx
        composer = pane.composer
        self.button = QToolButton(composer)
        self.button.setIcon(icons.icon("catalog"))
        self.button.setAutoRaise(True)
        self.button.setToolTip(self.tr("Send from the catalogue (#)"))
        self.button.setAccessibleName(self.tr("Catalogue"))
        self.button.clicked.connect(lambda: self.pick(""))
        click_on_enter(self.button)
        row = composer.input_row.layout()
        assert isinstance(row, QHBoxLayout)
        after_attach = row.indexOf(composer.attach_button) + 1
        row.insertWidget(after_attach, self.button, 0, Qt.AlignmentFlag.AlignBottom)
        pane.refresh_tab_order()
        composer.edit.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) and event.text() == "#":
            cursor = self.pane.composer.edit.textCursor()
            line = cursor.block().text()
            before = line[: from_qt(line, cursor.positionInBlock())]  # Qt counts an emoji twice
            if not before or before[-1].isspace():
                self.pick("", typed_hash=True)
                return True  # the `#` opens the picker instead of being typed
        return False

    def pick(self, query: str, *, typed_hash: bool = False) -> None:
        """The picker; `typed_hash`: opened by `#` in the message, which Esc gives back (with what
        she typed after it), so a `#` of her own can still be written ("#2 색상으로 주세요")."""
        contact_id = self.pane.composer.contact_id
        if contact_id is None:
            return
        from ui.catalog_picker import pick_items

        chosen = pick_items(
            self.pane,
            self.ctx,
            query,
            open_catalogue=self.open_catalogue,
            contact_id=contact_id,
            on_cancel=self._give_back_typing if typed_hash else None,
        )
        if chosen:
            self.queue(contact_id, chosen)

    def _give_back_typing(self, typed: str) -> None:
        """The `#` and what followed it, typed where the picker opened, the keyboard back there."""
        edit = self.pane.composer.edit
        edit.insertPlainText("#" + typed)
        edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def queue(self, contact_id: int, item_ids: list[int]) -> None:
        from app.catalog_send import queue_catalog_message
        from ui.catalog_picker import picker_list_texts

        db, paths, texts, locale = self.ctx.db, self.ctx.paths, picker_list_texts(), babel_locale_name()

        def work() -> tuple[MessageRow, Changes]:
            return queue_catalog_message(
                db,
                contact_id,
                item_ids,
                catalog_dir=paths.catalog_dir,
                media_dir=paths.media_dir,
                locale=locale,
                texts=texts,
            )

        def failed(exc: BaseException) -> None:
            message_box.warning(self.pane, self.tr("Not sent"), failure_sentence(exc))

        run_op(work, self._queued, parent=self.pane, on_failure=failed)

    def _queued(self, result: tuple[MessageRow, Changes]) -> None:
        # The pane shows the row itself and publishes the chat's move up the list (message_queued).
        row, _changes = result
        self.queued(row)

    def queued(self, row: MessageRow) -> None:
        """The pending bubble appears at once; the outbox sender takes it from there."""
        model = self.pane.view.chat_model
        if model.contact_id == row.contact_id and not model.has_newer:
            model.insert_local(row)
            self.pane.view.scrollToBottom()
        else:
            self.pane.view.open_chat(row.contact_id)
        self.pane.message_queued.emit(row.contact_id)
        # Her next words (a size, "this one?") follow the item: the keyboard goes back to the message
        # field, as after attaching a file, wherever it was when she clicked the button.
        if self.pane.composer.contact_id == row.contact_id:
            self.pane.composer.edit.setFocus(Qt.FocusReason.OtherFocusReason)
        if self.ctx.sync is not None:
            self.ctx.sync.wake_sender()
