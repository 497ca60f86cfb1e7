"""The menu bot editor's simulator: the owner writes and taps as a customer and sees the relay's answers."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from app.automations_store import AutomationsStore
from app.catalog import ItemDraft, create_item
from app.orders import LineInput, OrderState, create_order, move_order
from app.shop_menu import korean_shop_menu
from tests.support.factories import make_contact
from tests.ui.test_bot_editor import CUSTOMER, choices, editor_for, said, tap, write
from ui.context import AppContext


def test_the_simulator_walks_the_ready_made_menu_and_hands_over(qtbot: Any, ctx: AppContext) -> None:
    editor = editor_for(qtbot, ctx)
    editor.show()  # a shown dialog, whose Save is the default button Return would press
    qtbot.waitExposed(editor)
    editor.load_menu(korean_shop_menu())
    write(qtbot, editor, "메뉴 보여주세요")
    assert said(editor)[-1][0] == "bot" and "무엇을 도와드릴까요" in said(editor)[-1][1]
    assert choices(editor) == ["주문·배송 조회", "입금 계좌 안내", "교환·반품", "영업시간", "상담원 연결"]
    tap(qtbot, editor, "교환·반품")
    assert choices(editor) == ["교환 신청", "반품 신청", "이전 메뉴"]  # reply buttons
    tap(qtbot, editor, "이전 메뉴")
    assert choices(editor)[0] == "주문·배송 조회"  # back at the top menu
    write(qtbot, editor, "입금 계좌 알려주세요")
    assert "입금 계좌를 안내해 드릴게요" in said(editor)[-1][1]
    write(qtbot, editor, "상담원")
    assert "상담원에게 연결해 드릴게요" in said(editor)[-1][1]
    write(qtbot, editor, "메뉴")
    assert said(editor)[-1] == ("customer", "메뉴")  # handed to a person: the bot stays quiet
    assert "with a person" in editor.simulator.note.text()
    editor.simulator.reset()
    write(qtbot, editor, "사람들이 많이 사나요")  # not a hand-off, and no rule: quiet
    assert said(editor) == [("customer", "사람들이 많이 사나요")]
    # Return in the simulator sends to the simulated chat only: it never pressed Save.
    assert AutomationsStore(ctx.db).state().doc.bot.nodes == []


def test_the_simulators_conversation_shows_each_answer_whole_with_the_menu_it_offered(
    qtbot: Any, ctx: AppContext
) -> None:
    """A long answer's last line was cut off ("5만 원 이상 주문하시…"), and once the owner had typed
    "2" the menu that said what 2 was had gone from the conversation."""
    from PySide6.QtGui import QFontMetrics

    editor = editor_for(qtbot, ctx)
    editor.resize(1000, 640)
    editor.show()
    qtbot.waitExposed(editor)
    editor.load_menu(korean_shop_menu())
    write(qtbot, editor, "메뉴")
    view, model = editor.simulator.view, editor.simulator.transcript
    menu = model.index(len(model.rows) - 1).data()
    assert "1. 주문·배송 조회" in menu and "5. 상담원 연결" in menu
    for _ in range(3):  # more than the view holds: its scroll bar comes
        write(qtbot, editor, "메뉴")
    write(qtbot, editor, "배송비 얼마예요?")
    last = model.index(len(model.rows) - 1)
    shown = last.data()
    assert "무료" in shown and shown.endswith("[ 처음으로 ]")
    view.scrollToBottom()
    qtbot.waitUntil(lambda: view.visualRect(last).height() > 0)
    rect = view.visualRect(last)
    needed = QFontMetrics(view.font()).boundingRect(
        0, 0, rect.width(), 10_000, int(Qt.TextFlag.TextWordWrap), shown
    )
    assert needed.height() <= rect.height(), (needed, rect)


def test_return_on_a_menu_choice_in_the_simulator_taps_it_and_never_presses_save(
    qtbot: Any, ctx: AppContext
) -> None:
    """The owner picks a row with the arrow keys and Return, as a customer taps it: the simulated
    chat goes on, and the bot being edited is not saved (nor sent to the relay) by that Return."""
    editor = editor_for(qtbot, ctx)
    editor.show()  # Save is the shown dialog's default button
    qtbot.waitExposed(editor)
    editor.load_menu(korean_shop_menu())
    write(qtbot, editor, "메뉴 보여주세요")
    listed = editor.simulator.choices
    listed.setFocus()
    listed.setCurrentRow(2)  # 교환·반품
    qtbot.keyClick(listed, Qt.Key.Key_Return)
    assert not editor.is_sending()  # Save would have started an op at once
    assert said(editor)[-2] == ("customer", "교환·반품")
    assert choices(editor) == ["교환 신청", "반품 신청", "이전 메뉴"]
    qtbot.keyClick(listed, Qt.Key.Key_Return)  # no current row now: still nothing else happens
    assert not editor.is_sending()
    assert AutomationsStore(ctx.db).state().doc.bot.nodes == []
    assert editor.isVisible()


def test_asking_the_simulator_about_an_order_by_its_number_gets_that_customers_order_status(
    qtbot: Any, ctx: AppContext
) -> None:
    with ctx.db.write() as s:
        create_item(s, ItemDraft(name="린넨 셔츠", price_minor=39000, currency="KRW", retailer_id="LN-SH-IV"))
        customer = make_contact(s, wa_id=CUSTOMER, profile_name="박서연")
        order = create_order(s, contact_id=customer.id, lines=[LineInput("LN-SH-IV", 1)], source="chat")
        for state in (OrderState.PAID, OrderState.SHIPPED):
            move_order(s, order.id, state, courier="CJ대한통운", tracking="654321098765")
        number = order.number
    editor = editor_for(qtbot, ctx)
    editor.load_menu(korean_shop_menu())
    write(qtbot, editor, "배송 언제 오나요?")  # a customer with no orders: a person takes over
    assert "찾지 못했어요" in said(editor)[-1][1]
    assert "order numbers" in editor.simulator.note.text()
    editor.simulator.reset()
    write(qtbot, editor, f"주문번호 {number} 배송 언제 오나요?")
    qtbot.waitUntil(lambda: said(editor)[-1][0] == "bot")
    answer = said(editor)[-1][1]
    assert f"주문번호 {number}: 배송 중" in answer and "CJ대한통운 송장번호 654321098765" in answer
    assert "박서연" in editor.simulator.who.text() and number in editor.simulator.who.text()
    write(qtbot, editor, "택배 조회 다시 부탁드려요")  # still that customer, without the number
    qtbot.waitUntil(lambda: said(editor)[-1][0] == "bot")
    assert f"주문번호 {number}: 배송 중" in said(editor)[-1][1]
    editor.simulator.reset()
    write(qtbot, editor, "주문번호 1999-0001 배송 언제 오나요?")  # no such order: no orders to tell
    qtbot.waitUntil(lambda: said(editor)[-1][0] == "bot")
    assert "찾지 못했어요" in said(editor)[-1][1]
    assert editor.simulator.who.isHidden()
