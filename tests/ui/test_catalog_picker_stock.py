"""Enter in "Send from catalogue" sends an item the shop has, and asks before a sold-out one."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from app.catalog import ItemDraft, create_item
from app.models import Stock


def add(ctx: Any, name: str, price: int, code: str, *, on_hand: int | None = None) -> int:
    with ctx.db.write() as s:
        item_id = create_item(s, ItemDraft(name=name, price_minor=price, currency="KRW", retailer_id=code))
        if on_hand is not None:
            s.add(Stock(item_id=item_id, option="", on_hand=on_hand, reserved=0))
        return item_id


def opened(qtbot: Any, ctx: Any, query: str) -> Any:
    from ui.catalog_picker import CatalogPicker

    picker = CatalogPicker(ctx, None, query)
    qtbot.addWidget(picker)
    picker.show()
    qtbot.waitUntil(lambda: picker.is_loaded() and picker.model.rowCount() > 0, timeout=5000)
    return picker


def test_enter_sends_the_first_match_in_stock_not_a_sold_out_one_above_it(qtbot: Any, ctx: Any) -> None:
    sold_out = add(ctx, "원피스 썸머 네이비", 59000, "OP-1", on_hand=0)
    linen = add(ctx, "린넨 원피스", 69000, "OP-2", on_hand=3)
    picker = opened(qtbot, ctx, "원피스")
    assert picker.model.item(0).id == sold_out  # the best match by name is the sold-out one
    assert (
        picker.hint.text()
        == "Click items, or press Space on them in the list, to choose several, or press Enter to send “린넨 원피스”."
    )
    with qtbot.waitSignal(picker.items_chosen) as signal:
        qtbot.keyClick(picker.search, Qt.Key.Key_Return)
    assert signal.args == [[linen]]


def test_enter_on_a_sold_out_item_asks_first(qtbot: Any, ctx: Any, dialogs: Any) -> None:
    sold_out = add(ctx, "썸머 원피스 네이비", 59000, "OP-1", on_hand=0)
    picker = opened(qtbot, ctx, "원피스")
    assert "“썸머 원피스 네이비” is sold out: Enter asks before sending it." in picker.hint.text()
    chosen: list[list[int]] = []
    picker.items_chosen.connect(chosen.append)

    asked = dialogs.expect("question", answer=QMessageBox.StandardButton.No)
    qtbot.keyClick(picker.search, Qt.Key.Key_Return)
    assert "“썸머 원피스 네이비” is sold out. Send it" in asked.shown[0].text
    assert chosen == [] and picker.isVisible()  # still choosing

    dialogs.expect("question", answer=QMessageBox.StandardButton.Yes)
    qtbot.keyClick(picker.search, Qt.Key.Key_Return)
    assert chosen == [[sold_out]]


def shown_selected(picker: Any) -> list[int]:
    """The items drawn highlighted: selected rows, by item id."""
    return [picker.model.item(i.row()).id for i in picker.view.selectionModel().selectedIndexes()]


def test_the_item_enter_would_send_is_shown_selected_and_follows_the_filter(qtbot: Any, ctx: Any) -> None:
    sold_out = add(ctx, "레더 슬리퍼 브라운", 39000, "SL-1", on_hand=0)
    slipper = add(ctx, "레더 슬리퍼 블랙", 39000, "SL-2", on_hand=2)
    bag = add(ctx, "캔버스 토트백", 29000, "BG-1", on_hand=5)
    picker = opened(qtbot, ctx, "슬리퍼")
    assert picker.model.item(0).id == sold_out
    assert shown_selected(picker) == [slipper]  # highlighted from the moment it opens
    assert picker.model.item(picker.view.currentIndex().row()).id == slipper
    assert picker.send.isEnabled() and picker.send.text() == "&Send"
    assert (
        picker.hint.text()
        == "Click items, or press Space on them in the list, to choose several, or press Enter to send “레더 슬리퍼 블랙”."
    )

    picker.search.setText("토트")
    qtbot.waitUntil(lambda: picker.is_loaded() and picker.model.rowCount() == 1, timeout=5000)
    assert shown_selected(picker) == [bag]  # the highlight follows the new filter
    with qtbot.waitSignal(picker.items_chosen) as signal:
        qtbot.keyClick(picker.search, Qt.Key.Key_Return)
    assert signal.args == [[bag]]


def test_a_click_chooses_instead_of_the_preselected_item_and_nothing_chosen_sends_nothing(
    qtbot: Any, ctx: Any
) -> None:
    first = add(ctx, "린넨 셔츠", 39000, "LS-1", on_hand=3)
    second = add(ctx, "린넨 바지", 45000, "LP-1", on_hand=3)
    picker = opened(qtbot, ctx, "린넨")
    assert shown_selected(picker) == [picker.model.item(0).id]
    other = 1 if picker.model.item(0).id == first else 0
    rect = picker.view.visualRect(picker.model.index(other))
    qtbot.mouseClick(picker.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert shown_selected(picker) == [picker.model.item(other).id]  # not both
    assert picker.send.text() == "&Send"

    qtbot.mouseClick(picker.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())  # unchosen
    assert shown_selected(picker) == []
    assert not picker.send.isEnabled()
    assert picker.hint.text() == "Click an item, or press Space on it in the list, to choose it."
    chosen: list[list[int]] = []
    picker.items_chosen.connect(chosen.append)
    qtbot.keyClick(picker.search, Qt.Key.Key_Return)
    assert chosen == [] and picker.isVisible()
    assert {first, second} == {picker.model.item(r).id for r in range(2)}


def test_down_in_the_search_box_moves_the_selection_enter_sends(qtbot: Any, ctx: Any) -> None:
    add(ctx, "린넨 셔츠", 39000, "LS-1", on_hand=3)
    add(ctx, "린넨 바지", 45000, "LP-1", on_hand=3)
    picker = opened(qtbot, ctx, "린넨")
    second = picker.model.item(1).id
    qtbot.keyClick(picker.search, Qt.Key.Key_Down)
    assert shown_selected(picker) == [second]
    with qtbot.waitSignal(picker.items_chosen) as signal:
        qtbot.keyClick(picker.search, Qt.Key.Key_Return)
    assert signal.args == [[second]]


def test_an_item_counted_only_in_sold_out_sizes_still_sells_its_uncounted_ones(
    qtbot: Any, ctx: Any, dialogs: Any
) -> None:
    """The shop counts the dress's S and M (both gone) but sells its L uncounted (ordered before):
    the picker shows its price, not "Sold out", and Enter sends it without asking. The shoes, whose
    only size is counted and gone, are sold out."""
    from app.orders import LineInput, create_order
    from tests.support.factories import make_contact

    dress = add(ctx, "린넨 원피스", 69000, "OP-1")
    shoes = add(ctx, "린넨 원피스 슈즈", 59000, "OP-2")
    with ctx.db.write() as s:
        for item_id, option in ((dress, "S"), (dress, "M"), (shoes, "240")):
            s.add(Stock(item_id=item_id, option=option, on_hand=0, reserved=0))
        c = make_contact(s, profile_name="김민지")
        create_order(s, contact_id=c.id, lines=[LineInput("OP-1", 1, option="L")], source="chat")
    picker = opened(qtbot, ctx, "원피스")
    rows = {picker.model.item(r).id: picker.model.item(r) for r in range(picker.model.rowCount())}
    assert "Sold out" not in picker.model.price_text(rows[dress])
    assert picker.model.price_text(rows[shoes]).endswith("· Sold out")
    assert (
        picker.hint.text()
        == "Click items, or press Space on them in the list, to choose several, or press Enter to send “린넨 원피스”."
    )
    with qtbot.waitSignal(picker.items_chosen) as signal:
        qtbot.keyClick(picker.search, Qt.Key.Key_Return)  # no question (the dialogs fixture fails on one)
    assert signal.args == [[dress]]


def test_the_arrows_in_the_list_carry_the_chosen_item_and_enter_sends_the_one_highlighted(
    qtbot: Any, ctx: Any
) -> None:
    """Tab into the list, Down twice, Enter: the third item goes, not the first one chosen on opening."""
    for n, name in enumerate(["린넨 셔츠", "린넨 바지", "린넨 원피스"]):
        add(ctx, name, 39000 + n, f"L-{n}", on_hand=3)
    picker = opened(qtbot, ctx, "린넨")
    third = picker.model.item(2).id
    picker.view.setFocus()
    qtbot.keyClick(picker.view, Qt.Key.Key_Down)
    qtbot.keyClick(picker.view, Qt.Key.Key_Down)
    assert shown_selected(picker) == [third]
    assert picker.model.item(picker.view.currentIndex().row()).id == third
    assert (
        picker.hint.text()
        == f"Click items, or press Space on them in the list, to choose several, or press Enter to send “{picker.model.item(2).name}”."
    )
    with qtbot.waitSignal(picker.items_chosen) as signal:
        qtbot.keyClick(picker.view, Qt.Key.Key_Return)
    assert signal.args == [[third]]


def test_space_in_the_list_chooses_the_highlighted_item_instead_of_the_one_chosen_on_opening(
    qtbot: Any, ctx: Any
) -> None:
    for n, name in enumerate(["린넨 셔츠", "린넨 바지", "린넨 원피스"]):
        add(ctx, name, 39000 + n, f"L-{n}", on_hand=3)
    picker = opened(qtbot, ctx, "린넨")
    first, second, third = (picker.model.item(r).id for r in range(3))
    picker.view.setFocus()
    qtbot.keyClick(picker.view, Qt.Key.Key_Down)
    qtbot.keyClick(picker.view, Qt.Key.Key_Space)
    assert shown_selected(picker) == [second]  # not the first as well
    assert picker.send.text() == "&Send"

    # Now the owner's own choice: the arrows move only the highlight, Space adds.
    qtbot.keyClick(picker.view, Qt.Key.Key_Down)
    assert shown_selected(picker) == [second]
    qtbot.keyClick(picker.view, Qt.Key.Key_Space)
    assert sorted(shown_selected(picker)) == sorted([second, third])
    assert picker.send.text() == "&Send 2 items"
    with qtbot.waitSignal(picker.items_chosen) as signal:
        qtbot.keyClick(picker.view, Qt.Key.Key_Return)
    assert signal.args[0] == [second, third] and first not in signal.args[0]


def test_the_hint_tells_a_keyboard_owner_space_chooses_several_and_it_does(qtbot: Any, ctx: Any) -> None:
    first = add(ctx, "린넨 원피스", 69000, "OP-1", on_hand=3)
    second = add(ctx, "린넨 셔츠", 49000, "SH-1", on_hand=2)
    picker = opened(qtbot, ctx, "린넨")
    assert "press Space on them in the list, to choose several" in picker.hint.text()
    picker.view.setFocus()
    qtbot.keyClick(picker.view, Qt.Key.Key_Space)  # the highlighted item, chosen alone
    qtbot.keyClick(picker.view, Qt.Key.Key_Down)
    qtbot.keyClick(picker.view, Qt.Key.Key_Space)
    assert set(picker.chosen_ids()) == {first, second}
    assert picker.send.text() == "&Send 2 items"


def test_the_korean_hint_says_space_too(qtbot: Any, ctx: Any, korean: None) -> None:
    add(ctx, "린넨 원피스", 69000, "OP-1", on_hand=3)
    picker = opened(qtbot, ctx, "린넨")
    assert "목록에서 Space를 눌러 고르세요" in picker.hint.text()
