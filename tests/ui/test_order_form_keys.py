"""The order form's catalogue search is used from the keyboard: Down then Enter adds the line below."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from app.catalog import ItemDraft, create_item
from tests.support.factories import make_contact
from ui.order_form import StartOrderDialog


def _dialog(window: Any, qtbot: Any) -> StartOrderDialog:
    with window.ctx.db.write() as s:
        create_item(
            s, ItemDraft(name="Linen shirt, ivory", price_minor=3900, currency="GBP", retailer_id="LN-IV")
        )
        create_item(
            s, ItemDraft(name="Linen shirt, sky", price_minor=4100, currency="GBP", retailer_id="LN-SK")
        )
        contact_id = make_contact(s, profile_name="Olivia Brown").id
    dialog = StartOrderDialog(window.ctx, contact_id, "Olivia Brown", "", window)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.settings_loaded and len(dialog.found) == 2)
    dialog.search.setText("Linen shirt")
    qtbot.waitUntil(lambda: dialog.results_model.rowCount() == 3)  # both shirts and "Add “Linen shirt”"
    return dialog


def test_down_then_enter_in_the_search_adds_the_second_item_found(window: Any, qtbot: Any) -> None:
    dialog = _dialog(window, qtbot)
    qtbot.keyClick(dialog.search, Qt.Key.Key_Down)
    assert dialog.results.currentIndex().row() == 1
    qtbot.keyClick(dialog.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(dialog.lines.lines) == 1)
    assert [line.code for line in dialog.lines.lines] == ["LN-SK"]


def test_down_past_the_end_stops_on_the_shops_own_item_and_up_comes_back(window: Any, qtbot: Any) -> None:
    dialog = _dialog(window, qtbot)
    for _ in range(5):
        qtbot.keyClick(dialog.search, Qt.Key.Key_Down)
    assert dialog.results.currentIndex().row() == 2  # "Add “Linen shirt” (not in the catalogue…)"
    qtbot.keyClick(dialog.search, Qt.Key.Key_PageUp)
    assert dialog.results.currentIndex().row() == 0
    qtbot.keyClick(dialog.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(dialog.lines.lines) == 1)
    assert [line.code for line in dialog.lines.lines] == ["LN-IV"]


def test_shift_down_still_selects_text_in_the_search(window: Any, qtbot: Any) -> None:
    dialog = _dialog(window, qtbot)
    dialog.search.setCursorPosition(0)
    qtbot.keyClick(dialog.search, Qt.Key.Key_End, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(dialog.search, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    assert dialog.results.currentIndex().row() == 0
    assert dialog.search.selectedText() == "Linen shirt"
