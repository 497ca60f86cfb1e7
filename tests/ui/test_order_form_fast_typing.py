"""A code typed (or scanned) and Enter pressed at once adds that item, not the list's stale first one."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from app.catalog import ItemDraft, create_item
from tests.support.factories import make_contact
from ui.order_form import StartOrderDialog


def test_enter_right_after_a_code_is_typed_adds_that_item_once_the_search_answers(
    window: Any, qtbot: Any
) -> None:
    """A barcode scanner types the code and Enter in a few milliseconds: Enter took the first item of
    the list as it stood before the search for the code came back (레더 슬리퍼, not the shirt)."""
    with window.ctx.db.write() as s:
        create_item(
            s, ItemDraft(name="레더 슬리퍼 브라운", price_minor=58000, currency="KRW", retailer_id="SH-SL-BR")
        )
        create_item(
            s, ItemDraft(name="린넨 셔츠 아이보리", price_minor=39000, currency="KRW", retailer_id="LN-SH-IV")
        )
        contact_id = make_contact(s, profile_name="박서연").id
    dialog = StartOrderDialog(window.ctx, contact_id, "박서연", "", window)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.settings_loaded and len(dialog.found) == 2)

    dialog.search.setText("LN-SH-IV")  # the search for it is under way, the list still shows both
    qtbot.keyClick(dialog.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(dialog.lines.lines) == 1)
    assert [line.code for line in dialog.lines.lines] == ["LN-SH-IV"]
    assert dialog.subtotal_label.text() == "₩39,000"
