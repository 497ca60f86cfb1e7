"""Tooltips read outside text as written: Qt takes a tooltip for rich text as soon as it looks like
markup, so a customer named "<b>Bob</b>" was shown as a bold "Bob" when the owner hovered the chat."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtGui import QTextDocument

from app.labels import add_label
from app.queries import set_label
from app.quick_replies import QuickReplyRow
from tests.support.factories import make_contact, make_message
from ui.chat_list_model import ChatListModel
from ui.plain_tooltip import plain_tooltip
from ui.quick_reply_model import QuickReplyListModel


def shown(tip: str) -> str:
    """The tooltip as Qt draws it: rich text when it looks like markup, otherwise as it is."""
    if not GuiQt.mightBeRichText(tip):
        return tip
    document = QTextDocument()
    document.setHtml(tip)
    return document.toPlainText()


def test_a_customer_named_in_markup_reads_as_written_in_the_chat_list(ctx: Any, qtbot: Any) -> None:
    with ctx.db.write() as s:
        contact = make_contact(s, profile_name="<b>Bob</b> & <i>Co</i>")
        make_message(s, contact, "hi")
        set_label(s, contact.id, add_label(s, "<u>VIP</u>", "#FFEB3B").id, True)
    model = ChatListModel(ctx)
    with qtbot.waitSignal(model.page_loaded):
        model.reload()
    tip = model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert shown(tip).splitlines() == ["<b>Bob</b> & <i>Co</i>", "Labels: <u>VIP</u>"]


def test_an_attached_file_and_a_quick_reply_read_as_written(window: Any, tmp_path: Path) -> None:
    picture = tmp_path / "<img src=x>.txt"
    picture.write_text("price list", encoding="utf-8")
    composer = window.chat.composer
    composer.add_attachments([picture], focus=False, changed=False)
    assert shown(composer.attach_label.toolTip()) == "<img src=x>.txt"

    reply = QuickReplyRow(1, "/big", "<h1>SALE</h1>\nToday only", None, (), 0)
    model = QuickReplyListModel([reply])
    assert shown(model.index(0).data(Qt.ItemDataRole.ToolTipRole)) == "<h1>SALE</h1>\nToday only"


def test_ordinary_text_is_left_as_plain_text() -> None:
    assert plain_tooltip("박지영 · Needs a person\nLabels: Paid") == "박지영 · Needs a person\nLabels: Paid"
    assert plain_tooltip("") == ""
    assert shown(plain_tooltip("a < b, and <b>c</b>")) == "a < b, and <b>c</b>"
