"""The simulator answers what a customer types after a menu as the relay does: a number chooses."""

from __future__ import annotations

from typing import Any

from app.shop_menu import korean_shop_menu
from app.wire import MenuNode
from tests.ui.test_bot_editor import choices, editor_for, said, write
from ui.context import AppContext


def test_a_number_typed_after_the_menu_chooses_and_the_menu_never_vanishes(
    qtbot: Any, ctx: AppContext
) -> None:
    """A tester typed "3" after 메뉴: no reply, and the rows vanished; "ㅁㄴㅇㄹ" and "👍" likewise."""
    editor = editor_for(qtbot, ctx)
    editor.load_menu(korean_shop_menu())
    write(qtbot, editor, "메뉴")
    write(qtbot, editor, "3")
    assert said(editor)[-1][0] == "bot" and said(editor)[-1][1].startswith("교환과 반품 중")
    assert choices(editor) == ["교환 신청", "반품 신청", "이전 메뉴"]
    write(qtbot, editor, "ㅁㄴㅇㄹ")
    assert said(editor)[-1][1].startswith("메뉴에서 골라 주세요.")
    assert choices(editor) == ["교환 신청", "반품 신청", "이전 메뉴"]
    write(qtbot, editor, "👍")  # asked once already: quiet, and the menu's rows stay to tap
    assert said(editor)[-1] == ("customer", "👍")
    assert choices(editor) == ["교환 신청", "반품 신청", "이전 메뉴"]
    write(qtbot, editor, "2번")
    assert said(editor)[-1][1].startswith("반품은 상품을 받으신 날부터 7일")


def test_the_tester_answers_an_entrys_title_typed_as_the_relay_does(qtbot: Any, ctx: AppContext) -> None:
    """고객이 되어 써 보기: "배송 안내" answered when tapped, and nothing when typed out."""
    editor = editor_for(qtbot, ctx)
    menu = korean_shop_menu()
    home = menu.nodes[0].model_copy(update={"choices": [*menu.nodes[0].choices, "shipping_note"]})
    note = MenuNode(id="shipping_note", title="배송 안내", text="결제 확인 후 1~2일 안에 발송돼요.")
    editor.load_menu(menu.model_copy(update={"nodes": [home, *menu.nodes[1:], note]}))
    for typed in ("배송 안내", "배송안내"):
        write(qtbot, editor, typed)
        assert said(editor)[-1][0] == "bot"
        assert said(editor)[-1][1].startswith("결제 확인 후 1~2일 안에 발송돼요."), said(editor)
    assert choices(editor) == ["처음으로"]


def test_the_tester_is_a_dark_chat_in_dark_mode_and_its_bubbles_read(qtbot: Any, ctx: AppContext) -> None:
    """In dark mode "Try it as a customer" was a beige box with white bubbles glaring out of the window."""
    from PySide6.QtCore import Qt

    from tests.support.contrast import READABLE, app_palette, contrast, system_palette

    with app_palette(system_palette("#1E1E1E")):
        editor = editor_for(qtbot, ctx)
        editor.load_menu(korean_shop_menu())
        write(qtbot, editor, "메뉴")
        view = editor.simulator.view
        editor.show()
        qtbot.waitExposed(editor)
        corner = view.viewport().grab().toImage().pixelColor(1, view.viewport().height() - 2)
        assert corner.lightness() < 128, corner.name()
        model = view.model()
        for row in range(model.rowCount()):
            index = model.index(row, 0)
            bubble = model.data(index, Qt.ItemDataRole.BackgroundRole).color()
            words = model.data(index, Qt.ItemDataRole.ForegroundRole).color()
            assert bubble.lightness() < 128, bubble.name()
            assert contrast(words, bubble) >= READABLE


def test_a_menu_choices_preview_is_a_dark_bubble_in_dark_mode_and_follows_a_switch(
    qtbot: Any, ctx: AppContext
) -> None:
    """ "What the customer gets on tapping it" was a white box in a dark window; it is the chat's
    incoming bubble, light or dark, and changes with a switch of light and dark while open."""
    from tests.support.contrast import READABLE, app_palette, contrast, system_palette, text_colour

    def bubble() -> Any:
        preview = editor.node_preview
        return preview.grab().toImage().pixelColor(preview.width() // 2, 3)

    with app_palette(system_palette("#1E1E1E")):
        editor = editor_for(qtbot, ctx)
        editor.load_menu(korean_shop_menu())
        editor.tabs.setCurrentIndex(1)
        editor.show()
        qtbot.waitExposed(editor)
        assert editor.node_preview.text()
        assert bubble().lightness() < 80, bubble().name()
        assert contrast(text_colour(editor.node_preview), bubble()) >= READABLE
        with app_palette(system_palette("#F0F0F0")):
            qtbot.waitUntil(lambda: bubble().lightness() > 200)
            assert contrast(text_colour(editor.node_preview), bubble()) >= READABLE


def test_a_screen_reader_hears_the_bots_answer_and_who_said_each_line(qtbot: Any, ctx: AppContext) -> None:
    """Typing as a customer, the owner heard nothing of the bot's answer, and the conversation's
    lines were read without saying which side wrote them."""
    from PySide6.QtGui import QAccessible

    from ui.announce import announcements

    editor = editor_for(qtbot, ctx)
    editor.load_menu(korean_shop_menu())
    heard: list[str] = []
    connection = announcements().said.connect(heard.append)
    try:
        write(qtbot, editor, "메뉴")
    finally:
        announcements().said.disconnect(connection)
    view = QAccessible.queryAccessibleInterface(editor.simulator.view)
    lines = [view.child(i).text(QAccessible.Text.Name) for i in range(view.childCount())]
    assert lines[0] == "Customer: 메뉴"
    assert lines[1].startswith("Menu bot: ") and said(editor)[1][1].split()[0] in lines[1]
    assert heard == lines[1:]  # the bot's answer, not the owner's own line
