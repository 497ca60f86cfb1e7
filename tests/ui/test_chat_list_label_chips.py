"""A chat's labels show by name on its row (chips when there is room) and in its tooltip."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetricsF
from sqlalchemy import select

from app.labels import add_label
from app.models import DEFAULT_LABELS, Label
from app.queries import set_label
from tests.support.factories import make_contact, make_message
from ui.chat_list_delegate import label_marks
from ui.chat_list_model import ChatListModel, ChatRole
from ui.theme import ui_font


@pytest.fixture
def labelled(ctx: Any, qtbot: Any) -> ChatListModel:
    with ctx.db.write() as s:
        contact = make_contact(s, profile_name="박지영")
        make_message(s, contact, "입금했어요")
        paid = s.scalars(select(Label).where(Label.name == "Paid")).one().id
        vip = add_label(s, "단골 고객", "#FFEB3B").id
        set_label(s, contact.id, paid, True)
        set_label(s, contact.id, vip, True)
    model = ChatListModel(ctx)
    with qtbot.waitSignal(model.page_loaded):
        model.reload()
    return model


def test_tooltip_lists_every_label_by_its_translated_name(labelled: ChatListModel, korean: None) -> None:
    tip = labelled.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert "박지영" in tip
    assert "결제\u00a0완료" in tip  # "Paid", as a Korean owner reads it (kept on one line)
    assert "단골 고객" in tip


def test_wide_row_shows_named_chips_and_a_narrow_one_falls_back_to_dots(labelled: ChatListModel) -> None:
    row = labelled.index(0, 0).data(ChatRole.ROW)
    fm = QFontMetricsF(ui_font(-1))
    wide = label_marks(row.labels, fm, start=72, end=560, top=40, line_h=18)
    assert [m.text for m in wide] == ["Paid", "단골 고객"]
    assert all(m.rect.width() > 12 for m in wide)
    assert wide[0].rect.right() < wide[1].rect.left() <= wide[1].rect.right() <= 560
    narrow = label_marks(row.labels, fm, start=72, end=200, top=40, line_h=18)
    assert [m.text for m in narrow] == ["", ""]
    assert all(m.rect.width() == 10 for m in narrow)


def test_a_long_label_name_is_elided_inside_its_chip(ctx: Any, qtbot: Any) -> None:
    with ctx.db.write() as s:
        contact = make_contact(s, profile_name="Kim")
        make_message(s, contact, "hi")
        long = add_label(s, "Wholesale customer from Busan market", "#3DA1F1").id
        set_label(s, contact.id, long, True)
    model = ChatListModel(ctx)
    with qtbot.waitSignal(model.page_loaded):
        model.reload()
    row = model.index(0, 0).data(ChatRole.ROW)
    marks = label_marks(row.labels, QFontMetricsF(ui_font(-1)), start=72, end=560, top=40, line_h=18)
    assert marks[0].text.endswith("…")
    assert marks[0].rect.width() <= 110


@pytest.mark.parametrize("name", [n for n, _c in DEFAULT_LABELS])
def test_a_built_in_labels_chip_shows_its_whole_name_on_a_chat_waiting_with_unread_messages(
    name: str, ctx: Any, qtbot: Any
) -> None:
    """The chat list as it opens (360 px wide), a row with its unread badge: "Pending payment" read
    "Pending pay…" on every English chat waiting for a transfer."""
    with ctx.db.write() as s:
        contact = make_contact(s, profile_name="Amy Clarke")
        make_message(s, contact, "I'll transfer it this week")
        label = s.scalars(select(Label).where(Label.name == name)).one().id
        set_label(s, contact.id, label, True)
    model = ChatListModel(ctx)
    with qtbot.waitSignal(model.page_loaded):
        model.reload()
    row = model.index(0, 0).data(ChatRole.ROW)
    marks = label_marks(
        row.labels, QFontMetricsF(ui_font(-1)), start=72, end=360 - 12 - 26, top=40, line_h=18
    )
    assert [m.text for m in marks] == [name]


@pytest.mark.parametrize("name, colour", DEFAULT_LABELS, ids=[n for n, _c in DEFAULT_LABELS])
def test_every_default_labels_chip_name_reads_on_its_colour(name: str, colour: str) -> None:
    """White on "Order complete"'s green read at 2:1, on "New customer"'s blue at 2.8:1."""
    from PySide6.QtGui import QColor

    from tests.support.contrast import READABLE, contrast
    from ui.chat_list_delegate import chip_text_colour

    chip = QColor(colour)
    assert contrast(chip_text_colour(chip), chip) >= READABLE, name
