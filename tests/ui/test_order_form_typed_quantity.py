"""What a customer wrote, copied into the order form's search ("제육도시락 2개"), adds that item at that quantity."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from app.catalog import ItemDraft, create_item
from app.orders import typed_quantity
from tests.support.factories import make_contact
from ui.order_form import StartOrderDialog


def test_a_quantity_written_after_the_name_is_the_lines_quantity(window: Any, qtbot: Any) -> None:
    """The customer wrote "제육도시락 2개 내일 12시"; the owner pasted "제육도시락 2개": the search found
    nothing (it looked for the "2개" too) and offered a line of his own named "제육도시락 2개", ×1,
    price to type."""
    with window.ctx.db.write() as s:
        create_item(s, ItemDraft(name="제육도시락", price_minor=9500, currency="KRW", retailer_id="DS-JY"))
        create_item(s, ItemDraft(name="김밥 세트", price_minor=6000, currency="KRW", retailer_id="DS-GB"))
        contact_id = make_contact(s, profile_name="이준호").id
    dialog = StartOrderDialog(window.ctx, contact_id, "이준호", "", window)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.settings_loaded and len(dialog.found) == 2)

    dialog.search.setText("제육도시락 2개")
    qtbot.keyClick(dialog.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(dialog.lines.lines) == 1)
    line = dialog.lines.lines[0]
    assert (line.code, line.name, line.quantity) == ("DS-JY", "제육도시락", 2)
    assert dialog.subtotal_label.text() == "₩19,000"

    dialog.search.setText("김밥 세트 x3")
    qtbot.keyClick(dialog.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(dialog.lines.lines) == 2)
    assert dialog.lines.lines[1].quantity == 3
    assert dialog.subtotal_label.text() == "₩37,000"

    # Something not in the catalogue: its own line is named without the quantity, and has it.
    dialog.search.setText("된장국 2개")
    qtbot.waitUntil(lambda: dialog.results_model.rowCount() == 1 and dialog.found == [])
    assert "“된장국”" in dialog.results_model.index(0).data()
    qtbot.keyClick(dialog.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(dialog.lines.lines) == 3)
    assert (dialog.lines.lines[2].name, dialog.lines.lines[2].quantity) == ("된장국", 2)


def test_a_number_that_is_part_of_the_name_stays_in_it() -> None:
    assert typed_quantity("제육도시락 2개") == ("제육도시락", 2)
    assert typed_quantity("불고기도시락 10인분") == ("불고기도시락", 10)
    assert typed_quantity("Linen bag ×2") == ("Linen bag", 2)
    assert typed_quantity("콜라 500") == ("콜라 500", None)  # a size, not five hundred colas
    assert typed_quantity("BOX2") == ("BOX2", None)  # a code
    assert typed_quantity("제육도시락 0개") == ("제육도시락 0개", None)
