"""An exchange offers every size of the piece, counted or not: a shop that counts only some sizes
can still send another one, and the size sent does not start being counted."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from app.catalog import ItemDraft, create_item
from app.order_actions import load_order
from app.orders import LineInput, OrderState, create_order, move_order
from app.stock import set_stock, stock_levels
from tests.support.factories import make_contact
from tests.ui.test_order_returns_ui import open_return
from ui.return_lines import ReturnLinesModel


def dress_shipped_in_m(ctx: Any) -> tuple[int, int]:
    """The shop counts the dress in S (none left) and M (2 left); L it sells but does not count (an
    earlier customer had one). 박서준's M was shipped."""
    with ctx.db.write() as s:
        dress = create_item(
            s, ItemDraft(name="썸머 원피스", price_minor=59000, currency="KRW", retailer_id="DRESS")
        )
        set_stock(s, dress, 0, "S")
        set_stock(s, dress, 3, "M")
        earlier = make_contact(s, profile_name="이하은")
        create_order(s, contact_id=earlier.id, lines=[LineInput("DRESS", 1, option="L")], source="chat")
        c = make_contact(s, profile_name="박서준")
        order_id = create_order(
            s, contact_id=c.id, lines=[LineInput("DRESS", 1, option="M")], source="chat"
        ).id
        for state in (OrderState.PAID, OrderState.SHIPPED):
            move_order(s, order_id, state, courier="CJ대한통운", tracking="364201857913")
        return order_id, dress


def counts(ctx: Any, item_id: int) -> dict[str, int]:
    with ctx.db.read() as s:
        return {level.option: level.on_hand for level in stock_levels(s, [item_id])}


def choose_in_picker(qtbot: Any, dialogs: Any, dialog: Any, size: str) -> dict[str, Any]:
    seen: dict[str, Any] = {}

    def choose(picker: Any) -> None:
        qtbot.waitUntil(lambda: picker.is_loaded() and picker.chosen_item() is not None)
        combo = picker.option_box.combo
        model = combo.model()
        seen["listed"] = [model.index(i, 0).data() for i in range(combo.count())]
        seen["enabled"] = {
            combo.itemText(i): bool(model.flags(model.index(i, 0)) & Qt.ItemFlag.ItemIsEnabled)
            for i in range(combo.count())
        }
        combo.setEditText("S")
        seen["S"] = (picker.hint.text(), picker.send.isEnabled())
        combo.setCurrentIndex([combo.itemText(i) for i in range(combo.count())].index(size))
        seen["text"] = combo.currentText()
        seen["chosen"] = (picker.hint.text(), picker.send.isEnabled())
        qtbot.keyClick(combo.lineEdit(), Qt.Key.Key_Return)

    dialogs.expect("modal", answer=choose)
    dialog.choose_button.click()
    return seen


def test_the_exchange_lists_every_size_and_sends_an_uncounted_one_without_counting_it(
    window: Any, qtbot: Any, dialogs: Any
) -> None:
    order_id, dress = dress_shipped_in_m(window.ctx)
    actions, dialog = open_return(window, qtbot, dialogs, order_id)
    dialog.kind_exchange.setChecked(True)
    seen = choose_in_picker(qtbot, dialogs, dialog, "L")
    # Every size, as a shop lists them; the uncounted one said so, the sold-out one unavailable.
    assert seen["listed"] == ["S · sold out (unavailable)", "M · 2 in stock", "L · not counted"]
    assert seen["enabled"] == {"S": False, "M": True, "L": True}
    assert seen["S"] == ("“썸머 원피스 S” is out of stock: choose another option or item.", False)
    assert seen["text"] == "L"  # the size alone goes into the box, not its stock words
    assert seen["chosen"] == ("“썸머 원피스 L”: ₩59,000 each · stock not counted", True)
    model = dialog.model
    assert model.data(model.index(0, ReturnLinesModel.NEW_OPTION)) == "L"
    assert dialog.stock_note.isHidden() and dialog.save_button.isEnabled()
    dialog.goods_back.setChecked(True)
    dialog.save_button.click()
    qtbot.waitUntil(lambda: len(actions.open_orders) == 2)
    new_id = next(oid for oid in actions.open_orders if oid != order_id)
    new = load_order(window.ctx.db, new_id)
    assert new.state == OrderState.PAID and [(line.option, line.quantity) for line in new.lines] == [("L", 1)]
    # Her M is back on the shelf; L went out uncounted, and no count was made up for it.
    assert counts(window.ctx, dress) == {"M": 3, "S": 0}
    for w in actions.open_orders.values():
        w.message.discard()


def test_in_korean_the_sizes_say_their_stock_in_korean(
    window: Any, qtbot: Any, dialogs: Any, korean: None
) -> None:
    order_id, _dress = dress_shipped_in_m(window.ctx)
    _actions, dialog = open_return(window, qtbot, dialogs, order_id)
    dialog.kind_exchange.setChecked(True)
    seen = choose_in_picker(qtbot, dialogs, dialog, "M")
    assert seen["listed"] == ["S · 품절 (선택 불가)", "M · 재고 2개", "L · 재고 관리 안 함"]
    dialog.reject()


def test_in_korean_an_uncounted_size_reads_the_same_in_the_list_and_under_it(
    window: Any, qtbot: Any, dialogs: Any, korean: None
) -> None:
    """The list says “L · 재고 관리 안 함”: the line under it says it in the same words once L is
    chosen, not “재고를 세지 않아요” as if it were something else."""
    order_id, _dress = dress_shipped_in_m(window.ctx)
    _actions, dialog = open_return(window, qtbot, dialogs, order_id)
    dialog.kind_exchange.setChecked(True)
    seen = choose_in_picker(qtbot, dialogs, dialog, "L")
    hint, can_choose = seen["chosen"]
    assert hint.startswith("“썸머 원피스 L”: 개당 ") and hint.endswith(" · 재고 관리 안 함") and can_choose
    dialog.reject()
