"""The menu bot's editor: the simulator answers as the relay would, limits are enforced, Save reaches the relay."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QMessageBox, QPushButton, QTreeWidgetItem

from app.automations_store import AutomationsStore, SyncStatus
from app.changes import Changes
from app.relay_client import RelayClient
from app.shop_menu import korean_shop_menu
from app.wire import Automations
from tests.support.dialogs import DialogGuard
from tests.support.fake_graph import run_fake_graph
from tests.support.relay_server import inbound, run_relay
from ui.bot_editor import BotEditor
from ui.bot_simulator import reply_text
from ui.context import AppContext
from ui.theme import problem_colour

CUSTOMER = "821077778888"


@pytest.fixture
def real_relay(tmp_path: Path) -> Iterator[tuple[Any, Any, RelayClient]]:
    with run_fake_graph() as graph, run_relay(tmp_path, graph_url=graph.url) as relay:
        client = RelayClient(relay.url, relay.token, timeout=5)
        yield relay, graph, client
        client.close()


def editor_for(qtbot: Any, ctx: AppContext, client: RelayClient | None = None) -> BotEditor:
    editor = BotEditor(ctx, client_provider=lambda: client, report_client=lambda: client)
    qtbot.addWidget(editor)
    qtbot.waitUntil(lambda: editor.tree.isEnabled(), timeout=5000)
    return editor


def editor_with_the_shop_menu_saved(qtbot: Any, ctx: AppContext) -> tuple[BotEditor, AutomationsStore]:
    """The editor with the Korean shop's menu of 9 nodes saved, stored, and the save heard done (a
    save pressed while one is under way is not a second one)."""
    editor = editor_for(qtbot, ctx)
    editor.load_menu(korean_shop_menu())
    editor.save()
    store = AutomationsStore(ctx.db)
    qtbot.waitUntil(lambda: len(store.state().doc.bot.nodes) == 9, timeout=5000)
    qtbot.waitUntil(lambda: not editor._saving, timeout=5000)
    return editor, store


def node_item(editor: BotEditor, node_id: str) -> QTreeWidgetItem:
    """The tree's row of a node the menu has."""
    item = editor._item(node_id)
    assert item is not None
    return item


def said(editor: BotEditor) -> list[tuple[str, str]]:
    return list(editor.simulator.transcript.rows)


def choices(editor: BotEditor) -> list[str]:
    return [editor.simulator.choices.item(i).text() for i in range(editor.simulator.choices.count())]


def tap(qtbot: Any, editor: BotEditor, title: str) -> None:
    items = editor.simulator.choices.findItems(title, Qt.MatchFlag.MatchExactly)
    assert items, f"{title!r} not among {choices(editor)}"
    editor.simulator.choices.itemClicked.emit(items[0])


def write(qtbot: Any, editor: BotEditor, text: str) -> None:
    editor.simulator.field.setText(text)
    qtbot.keyClick(editor.simulator.field, Qt.Key.Key_Return)


def test_a_text_answer_has_a_button_back_to_the_main_menu_that_the_owner_can_switch_off(
    qtbot: Any, ctx: AppContext
) -> None:
    """The simulator shows what the customer gets: the opening hours, and 처음으로 under them."""
    HOURS_TEXT = "영업시간을 안내해 드릴게요.\n월~금 오전 9:00~오후 6:00\n토~일 휴무"  # the default hours
    editor = editor_for(qtbot, ctx)
    editor.load_menu(korean_shop_menu())
    editor.tabs.setCurrentIndex(1)  # the Menu tab, where the switch is
    assert editor.home_button.isVisibleTo(editor)
    assert editor.home_button.isChecked()  # on unless the owner switches it off
    write(qtbot, editor, "영업시간이 어떻게 돼요?")
    assert said(editor)[-1] == ("bot", HOURS_TEXT)
    assert choices(editor) == ["처음으로"]
    tap(qtbot, editor, "처음으로")
    assert choices(editor) == ["주문·배송 조회", "입금 계좌 안내", "교환·반품", "영업시간", "상담원 연결"]
    editor.tree.setCurrentItem(node_item(editor, "hours"))
    assert editor.node_preview.text() == f"{HOURS_TEXT}\n[ 처음으로 ]"
    editor.home_button.setChecked(False)
    write(qtbot, editor, "영업시간")
    assert said(editor)[-1] == ("bot", HOURS_TEXT) and choices(editor) == []
    assert editor.node_preview.text() == HOURS_TEXT
    assert not editor.apply(editor.state.doc).bot.home_button
    # The switch is the main menu's: editing the other language's menu does not show it.
    editor.language.setCurrentIndex(1)
    assert not editor.home_button.isVisibleTo(editor)
    editor.language.setCurrentIndex(0)
    assert editor.home_button.isVisibleTo(editor) and not editor.home_button.isChecked()


def test_an_edited_answer_shows_in_the_simulator_at_once(qtbot: Any, ctx: AppContext) -> None:
    editor = editor_for(qtbot, ctx)
    editor.add_rule()
    editor.keywords.setText("배송비")
    editor.answer_text.setPlainText("배송비는 3,000원이에요. 5만 원 이상 무료!")
    write(qtbot, editor, "배송비는 얼마예요?")  # particles: "배송비는" holds "배송비"
    assert said(editor)[-1] == ("bot", "배송비는 3,000원이에요. 5만 원 이상 무료!")
    editor.add_rule()
    editor.keywords.setText("배송")
    assert '"배송" is inside "배송비"' in editor.overlaps.text()
    # One Latin word alone answers only a message of that word: the editor says so, and how to widen it.
    editor.add_rule()
    editor.keywords.setText("price")
    assert '"price" alone answers only a message that is exactly "price"' in editor.overlaps.text()
    editor.answer_text.setPlainText("Prices are in the catalogue.")
    write(qtbot, editor, "What is the price?")
    assert said(editor)[-1] == ("customer", "What is the price?")
    editor.whole_word.setChecked(True)
    assert "price" not in editor.overlaps.text()
    write(qtbot, editor, "What is the price?")
    assert said(editor)[-1] == ("bot", "Prices are in the catalogue.")


def test_after_save_the_owner_is_still_on_the_choice_and_the_answer_she_was_editing(
    qtbot: Any, ctx: AppContext
) -> None:
    """Save read the stored menu back and chose the main menu and the first answer again: the
    choice she had just added was no longer the one on the form."""
    from app.wire import Automations
    from tests.support.automations_fake import FakeAutomationsRelay

    relay = FakeAutomationsRelay(Automations(revision=0))  # the shop's relay, as new as its inbox
    editor = BotEditor(ctx, client_provider=lambda: relay)
    qtbot.addWidget(editor)
    qtbot.waitUntil(lambda: editor.tree.isEnabled(), timeout=5000)
    for keyword, answer in (("배송", "결제 후 1~2일 안에 보내요."), ("포장", "선물 포장은 무료예요.")):
        editor.add_rule()
        editor.keywords.setText(keyword)
        editor.answer_text.setPlainText(answer)
    for title, text in (
        ("영업시간", "평일 10~19시예요."),
        ("꽃다발 주문", "원하시는 꽃과 예산을 알려 주세요."),
    ):
        editor.add_choice()
        editor.node_title.setText(title)
        editor.node_text.setPlainText(text)
    added = editor._current_node()
    assert added is not None and editor.rule_list.currentRow() == 1
    editor.save()

    def stored() -> bool:  # on the relay, and read back into the editor
        nodes = relay.doc.bot.nodes
        return (
            not editor.is_busy()
            and editor.state.status is SyncStatus.SYNCED
            and any(n.title == "꽃다발 주문" for n in nodes)
        )

    qtbot.waitUntil(stored, timeout=10_000)
    # The relay's `settings` event for it comes back through the sync: the editor reads it back.
    read_back = editor.state
    ctx.publish(Changes(automations=True))
    qtbot.waitUntil(lambda: editor.state is not read_back and not editor.is_busy(), timeout=5000)
    current = editor._current_node()
    assert current is not None and current.id == added.id
    assert editor.node_title.text() == "꽃다발 주문"
    assert editor.rule_list.currentRow() == 1 and editor.keywords.text() == "포장"


def test_titles_are_held_to_whatsapps_limits_and_an_over_full_menu_is_refused(
    qtbot: Any, ctx: AppContext
) -> None:
    editor, store = editor_with_the_shop_menu_saved(qtbot, ctx)
    # A row's title stops at 24 characters; a button's at 20.
    editor.tree.setCurrentItem(node_item(editor, "hours"))
    editor.node_title.setText("가" * 40)
    assert len(editor.node_title.text()) == 24
    editor.tree.setCurrentItem(node_item(editor, "exchange"))
    assert editor.node_title.maxLength() == 20
    # Each node previews what a tap on it brings: a menu with its buttons, a hand-off's reply.
    editor.tree.setCurrentItem(node_item(editor, "returns"))
    preview = editor.node_preview.text()
    assert preview.startswith("교환과 반품 중 어떤 것을") and "[ 교환 신청 ]" in preview
    editor.tree.setCurrentItem(node_item(editor, "person"))
    assert "goes to a person" in editor.node_preview.text()
    # Six more rows make eleven in the top menu: Save says so and stores nothing.
    editor.tree.setCurrentItem(node_item(editor, "home"))
    for _ in range(6):
        editor.tree.setCurrentItem(node_item(editor, "home"))
        editor.add_choice()
    editor.save()
    assert "more than 10 rows" in editor.error.text() and not editor.error.isHidden()
    assert len(store.state().doc.bot.nodes) == 9


def test_a_pasted_title_cut_to_whatsapps_limit_says_so_beside_the_field(qtbot: Any, ctx: AppContext) -> None:
    """The end of a pasted title went silently ("…꼭 읽어 주"): only the 24/24 counter showed it."""
    from PySide6.QtGui import QGuiApplication

    editor = editor_for(qtbot, ctx)
    editor.load_menu(korean_shop_menu())
    editor.show()
    editor.tabs.setCurrentIndex(1)  # Menu
    editor.tree.setCurrentItem(node_item(editor, "hours"))
    field = editor.node_title
    field.setFocus()
    field.selectAll()
    pasted = "교환 반품 전에 꼭 읽어 주세요 배송 안내 필독"  # 26 characters
    QGuiApplication.clipboard().setText(pasted)
    qtbot.keyClick(field, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert len(pasted) == 26 and field.text() == pasted[:24]  # the limit is WhatsApp's: it stays
    assert editor.title_cut.isVisible()
    assert editor.title_cut.text() == "Only 24 characters fit. The end was cut off."
    # The owner shortens it herself: the note has said its piece.
    qtbot.keyClick(field, Qt.Key.Key_Backspace)
    assert not editor.title_cut.isVisible()
    # A paste that fits says nothing.
    field.selectAll()
    QGuiApplication.clipboard().setText("영업시간")
    qtbot.keyClick(field, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert field.text() == "영업시간" and not editor.title_cut.isVisible()


def test_an_answers_name_typed_past_its_limit_says_so_under_it(qtbot: Any, ctx: AppContext) -> None:
    """Typed fast, a long answer name lost its end at 40 characters with nothing on screen saying why."""
    editor = editor_for(qtbot, ctx)
    editor.load_menu(korean_shop_menu())
    editor.show()
    editor.rule_list.setCurrentRow(0)
    field = editor.rule_name
    field.setFocus()
    field.selectAll()
    qtbot.keyClicks(field, "Fast typing test abcdefghijklmnopqrstuvwxyz 0123456789")
    assert field.text() == "Fast typing test abcdefghijklmnopqrstuvw"  # the name's limit stays
    assert editor.rule_name_cut.isVisible()
    assert editor.rule_name_cut.text() == "Only 40 characters fit."
    qtbot.keyClick(field, Qt.Key.Key_Backspace)  # she shortens it: the note has said its piece
    assert not editor.rule_name_cut.isVisible()
    qtbot.keyClicks(field, "xy")
    assert editor.rule_name_cut.isVisible()
    editor.rule_list.setCurrentRow(1)  # another answer shown: its name has room, nothing to say
    assert not editor.rule_name_cut.isVisible()


def test_a_title_with_an_emoji_counts_as_the_relay_counts_it(qtbot: Any, ctx: AppContext) -> None:
    """ "🕙 영업시간 …" was cut at 23 characters with the counter still at "23/24": the field counted
    an emoji twice (as Qt does), the counter and the relay once. All three count it once now
    (app.wire.whatsapp_length), so the field takes the 24 characters the relay sends."""
    from PySide6.QtGui import QGuiApplication

    from relay.limits import validate_send

    editor = editor_for(qtbot, ctx)
    editor.load_menu(korean_shop_menu())
    editor.show()
    editor.tabs.setCurrentIndex(1)  # Menu
    editor.tree.setCurrentItem(node_item(editor, "hours"))
    field = editor.node_title
    field.setFocus()
    field.selectAll()
    QGuiApplication.clipboard().setText("🕙 영업시간 및 휴무일 안내드립니다 꼭 확인하세요")
    qtbot.keyClick(field, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert field.text() == "🕙 영업시간 및 휴무일 안내드립니다 꼭 확인"
    assert editor.title_count.text() == "24/24" and editor.title_cut.isVisible()
    rows = [{"id": "menu:hours", "title": field.text()}]
    listed = {
        "type": "list",
        "body": {"text": "골라 주세요"},
        "action": {"button": "메뉴", "sections": [{"rows": rows}]},
    }
    assert (
        validate_send({"to": "821012345678", "type": "interactive", "interactive": listed}) == "interactive"
    )
    field.selectAll()
    QGuiApplication.clipboard().setText("🕙 영업시간")
    qtbot.keyClick(field, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert editor.title_count.text() == "6/24"


def test_a_paste_cut_in_a_rows_description_says_so_under_that_field(qtbot: Any, ctx: AppContext) -> None:
    """The title was not the only field WhatsApp limits: a row's description (72), its section and
    the list's button cut a paste as silently."""
    from PySide6.QtGui import QGuiApplication

    from app.wire import ROW_DESCRIPTION_MAX

    editor = editor_for(qtbot, ctx)
    editor.load_menu(korean_shop_menu())
    editor.show()
    editor.tabs.setCurrentIndex(1)  # Menu
    editor.tree.setCurrentItem(node_item(editor, "hours"))
    field = editor.node_description
    field.setFocus()
    field.selectAll()
    QGuiApplication.clipboard().setText("가" * (ROW_DESCRIPTION_MAX + 5))
    qtbot.keyClick(field, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert field.text() == "가" * ROW_DESCRIPTION_MAX
    assert editor.description_cut.isVisible() and not editor.title_cut.isVisible()
    assert editor.description_cut.text() == f"Only {ROW_DESCRIPTION_MAX} characters fit. The end was cut off."
    # Another choice shown: its fields were not cut.
    editor.tree.setCurrentItem(node_item(editor, "account"))
    assert not editor.description_cut.isVisible()


def write_own_account(editor: BotEditor, account: str) -> None:
    """The owner writes the shop's account in the menu's entry and in the keyword answer."""
    editor.tree.setCurrentItem(node_item(editor, "account"))
    editor.node_text.setPlainText(account)
    editor.rule_list.setCurrentRow([r.id for r in editor.rules].index("account"))
    editor.answer_text.setPlainText(account)


def test_the_ready_made_menu_gives_the_order_settings_account_and_waits_for_one(
    qtbot: Any, ctx: AppContext
) -> None:
    """The ready-made menu's account answers give the order settings' account ({bank}): switched
    on before the shop has one, Save says where to write it and stores nothing."""
    from app.order_settings import OrderSettings, save_order_settings

    editor = editor_for(qtbot, ctx)
    editor.load_menu(korean_shop_menu())
    assert "{bank}" in editor.nodes["account"].text
    editor.enabled.setChecked(True)
    store = AutomationsStore(ctx.db)
    editor.save()
    assert "write it in Shop ▸ Order settings" in editor.error.text()
    assert not store.state().doc.bot.enabled
    with ctx.db.write() as s:
        save_order_settings(s, OrderSettings(bank_account="우리은행 1002-123-456789 (예금주: 서울 리넨)"))
    again = editor_for(qtbot, ctx)  # opened after the account was written
    again.load_menu(korean_shop_menu())
    again.enabled.setChecked(True)
    again.save()
    qtbot.waitUntil(lambda: store.state().doc.bot.enabled, timeout=5000)
    assert again.error.isHidden()


def test_an_older_menus_example_account_number_never_reaches_customers(qtbot: Any, ctx: AppContext) -> None:
    """A menu made by an earlier version still gives the example "000-0000-0000": switched on, Save
    says where it still is and stores nothing until the owner writes the shop's own."""
    from app.shop_menu import EXAMPLE_ACCOUNT_NUMBER, with_answers

    example = f"○○은행 {EXAMPLE_ACCOUNT_NUMBER} (예금주: 홍길동)"
    older = with_answers(korean_shop_menu(), {"account": example})
    editor = editor_for(qtbot, ctx)
    editor.load_menu(older)
    editor.enabled.setChecked(True)
    store = AutomationsStore(ctx.db)
    editor.save()
    assert "still gives the example account number 000-0000-0000" in editor.error.text()
    assert not store.state().doc.bot.enabled
    write_own_account(editor, "우리은행 1002-123-456789 (예금주: 서울 리넨)")
    editor.save()
    qtbot.waitUntil(lambda: store.state().doc.bot.enabled, timeout=5000)
    assert editor.error.isHidden()


def test_export_and_import_round_trip_and_a_bad_file_changes_nothing(
    qtbot: Any, ctx: AppContext, tmp_path: Path
) -> None:
    editor = editor_for(qtbot, ctx)
    editor.use_ready_made()
    assert editor.nodes["home"].title == "Main menu"  # the English interface's ready-made menu
    target = tmp_path / "menu-bot.json"
    target.write_text(
        json.dumps(editor.apply(editor.state.doc).bot.model_dump(mode="json"), ensure_ascii=False),
        encoding="utf-8",
    )
    other = editor_for(qtbot, ctx)
    other.import_json(str(target))
    assert [n.id for n in other.nodes.values()] == [n.id for n in editor.nodes.values()]
    broken = tmp_path / "broken.json"
    broken.write_text('{"nodes": [{"id": "a b", "title": "x"}]}', encoding="utf-8")
    other.import_json(str(broken))
    assert "Nothing was changed" in other.error.text()
    assert len(other.nodes) == 9
    # A button back to the main menu with a title longer than WhatsApp allows: said in words.
    too_long = {
        **json.loads(target.read_text(encoding="utf-8")),
        "home_button_title": "Back to our main menu",
    }
    target.write_text(json.dumps(too_long), encoding="utf-8")
    other.import_json(str(target))
    assert "The title of the button back to the main menu is empty or too long." in other.error.text()
    # A file moved away since it was picked: named, with the likely cause, and nothing changed.
    other.import_json(str(tmp_path / "moved-away.json"))
    assert other.error.text() == "“moved-away.json” is not there any more (moved or deleted?)."
    assert len(other.nodes) == 9


def saved_then_answered(qtbot: Any, editor: BotEditor, relay: Any, text: str) -> tuple[str, list[str]]:
    """Save, wait until the relay has the bot, then what its bot answers a customer writing `text`:
    the words and the titles of the buttons, as the phone shows them."""
    editor.save()
    qtbot.waitUntil(
        lambda: not editor.is_sending() and editor.state.status is SyncStatus.SYNCED, timeout=10_000
    )
    relay.post_webhook(inbound("text", text, sender=CUSTOMER, name="Kim"))
    events: list[dict[str, Any]] = []
    for _ in range(10):  # long polls of up to 2 s each, until the bot's answer is among the events
        events += relay.wait_for_events(1, after=events[-1]["seq"] if events else 0, timeout=2)
        bot = [e for e in events if e["kind"] == "outbound" and e.get("sent_by") == "bot"]
        if bot:
            words, buttons = reply_text(bot[0]["body"])
            return words, [title for _id, title in buttons]
    raise AssertionError(f"the relay's bot did not answer: {events}")


def test_saved_bot_reaches_the_relay_which_answers_a_customer_the_same_way(
    qtbot: Any, ctx: AppContext, real_relay: tuple[Any, Any, RelayClient]
) -> None:
    relay, _graph, client = real_relay
    AutomationsStore(ctx.db).pull(client)
    editor = editor_for(qtbot, ctx, client)
    editor.use_ready_made()
    editor.enabled.setChecked(True)
    write_own_account(editor, "Woori Bank 1002-123-456789 (Seoul Linen House)")
    write(qtbot, editor, "What are your opening hours?")  # the English interface's ready-made menu
    promised = said(editor)[-1][1]
    assert promised.startswith("Here are our opening hours:\nMon–Fri: 9:00 AM–6:00 PM\n")
    assert choices(editor) == ["Main menu"]  # the button back to the menu, under the text answer
    answered = saved_then_answered(qtbot, editor, relay, "What are your opening hours?")
    assert answered == (promised, ["Main menu"])
    # The report counts what answered, from the relay.
    with qtbot.waitSignal(editor.report.report_loaded, timeout=10_000):
        editor.report.load_report()
    rows = [
        [editor.report.report_model.item(r, c).text() for c in range(3)]
        for r in range(editor.report.report_model.rowCount())
    ]
    assert ["Keyword answer: Opening hours", "1", "0"] in rows


def test_a_menu_in_another_language_answers_customers_who_write_it_on_the_relay_too(
    qtbot: Any, ctx: AppContext, real_relay: tuple[Any, Any, RelayClient]
) -> None:
    """A Korean shop's bot answered Emma, who writes English, with its Korean menu."""
    relay, _graph, client = real_relay
    AutomationsStore(ctx.db).pull(client)
    editor = editor_for(qtbot, ctx, client)
    editor.load_menu(korean_shop_menu())
    editor.enabled.setChecked(True)
    write_own_account(editor, "우리은행 1002-123-456789 (서울 리넨 하우스)")
    # The other language: empty until the owner starts it; the switches stay the main menu's.
    editor.language.setCurrentIndex(1)
    assert editor.editing_other and editor.other_note.isVisibleTo(editor)
    assert not editor.enabled.isVisibleTo(editor) and not editor.tree.topLevelItemCount()
    editor.use_ready_made()  # beside a Korean menu: the English one
    write_own_account(editor, "Woori Bank 1002-123-456789 (Seoul Linen House)")
    write(qtbot, editor, "Which bank account do I pay to?")
    assert said(editor)[-1][1] == "Woori Bank 1002-123-456789 (Seoul Linen House)"
    write(qtbot, editor, "입금 계좌 알려주세요")
    assert said(editor)[-1][1] == "우리은행 1002-123-456789 (서울 리넨 하우스)"  # the main menu, kept
    # Back to the main menu and again: nothing typed in either is lost.
    editor.language.setCurrentIndex(0)
    assert editor.enabled.isChecked() and node_item(editor, "home").text(0) == "처음 메뉴"
    editor.language.setCurrentIndex(1)
    assert editor.nodes["account"].text == "Woori Bank 1002-123-456789 (Seoul Linen House)"
    answer = saved_then_answered(qtbot, editor, relay, "Hi! Which bank account do I pay to?")
    assert answer == ("Woori Bank 1002-123-456789 (Seoul Linen House)", ["Main menu"])
    stored = client.get_automations().bot
    assert stored.enabled and stored.other_language is not None


def click_ready_made(editor: BotEditor) -> None:
    """The owner clicks "Start from the ready-made shop menu"."""
    buttons = [
        b for b in editor.findChildren(QPushButton) if b.text() == "Start &from the ready-made shop menu"
    ]
    assert len(buttons) == 1
    buttons[0].click()


def test_the_ready_made_menu_asks_before_it_replaces_the_owners_menu_and_leaves_the_bot_on(
    qtbot: Any, ctx: AppContext, dialogs: DialogGuard
) -> None:
    """An owner built their own menu, switched the bot on, then clicked the ready-made menu: it
    replaced their menu without a word and switched the bot off. Now it asks ("No" keeps the menu),
    and the bot stays on either way."""
    editor = editor_for(qtbot, ctx)
    click_ready_made(editor)  # nothing made yet: nothing to ask
    assert editor.nodes["home"].title == "Main menu"
    editor.add_rule()
    editor.keywords.setText("배송비")
    editor.answer_text.setPlainText("배송비는 3,000원이에요.")
    editor.enabled.setChecked(True)
    kept = dialogs.expect("question", answer=QMessageBox.StandardButton.No)
    click_ready_made(editor)
    assert kept.texts == ["Replace your menu with the ready-made one? The menu you made will be gone."]
    assert "배송비" in [k for rule in editor.rules for k in rule.keywords]
    assert editor.enabled.isChecked()
    dialogs.expect("question", answer=QMessageBox.StandardButton.Yes)
    click_ready_made(editor)
    assert "배송비" not in [k for rule in editor.rules for k in rule.keywords]
    assert editor.nodes["home"].title == "Main menu"
    assert editor.enabled.isChecked()  # still answering customers: the owner only changed the menu


def test_importing_a_menu_asks_before_it_replaces_the_owners_menu(
    qtbot: Any, ctx: AppContext, dialogs: DialogGuard, tmp_path: Path
) -> None:
    target = tmp_path / "menu-bot.json"
    target.write_text(
        json.dumps(korean_shop_menu().model_dump(mode="json"), ensure_ascii=False), encoding="utf-8"
    )
    editor = editor_for(qtbot, ctx)
    editor.add_rule()
    editor.keywords.setText("배송비")
    kept = dialogs.expect("question", answer=QMessageBox.StandardButton.No)
    editor.import_json(str(target))
    assert kept.texts == ["Replace your menu with the one in this file? The menu you made will be gone."]
    assert [r.keywords for r in editor.rules] == [["배송비"]]


def test_replacing_the_main_menu_keeps_the_menu_in_another_language(qtbot: Any, ctx: AppContext) -> None:
    from app.shop_menu import english_shop_menu

    editor = editor_for(qtbot, ctx)
    editor.load_menu(korean_shop_menu().model_copy(update={"other_language": english_shop_menu()}))
    editor.use_ready_made()  # the main menu again, from the ready-made one
    kept = editor.apply(editor.state.doc).bot.other_language
    assert kept is not None and kept.nodes[0].title == "Main menu"


def test_an_unfinished_menu_in_another_language_survives_switching_back_and_forth(
    qtbot: Any, ctx: AppContext
) -> None:
    editor = editor_for(qtbot, ctx)
    editor.load_menu(korean_shop_menu())
    editor.language.setCurrentIndex(1)
    editor.use_ready_made()
    editor.tree.setCurrentItem(node_item(editor, "home"))
    too_long = "Hello! " * 200  # over the 1,024 characters a menu's text may have
    editor.node_text.setPlainText(too_long)
    assert "has 1,400 characters" in editor.summary.text()  # the problem is shown, not a crash
    editor.language.setCurrentIndex(0)
    editor.language.setCurrentIndex(1)
    assert editor.nodes["home"].text == too_long
    editor.language.setCurrentIndex(0)
    editor.use_ready_made()  # the main menu replaced: the unfinished other one stays as typed
    editor.language.setCurrentIndex(1)
    assert editor.nodes["home"].text == too_long


def test_a_menu_entry_that_stops_the_preview_is_named_where_the_preview_would_be_and_marked_in_the_tree(
    qtbot: Any, ctx: AppContext
) -> None:
    """A new submenu with a new choice under it: the preview said "fix the problem below to see the
    preview" and the owner saw no problem below. The problem is said in the preview's place, and the
    entry at fault (which shares its title "New choice" with the one shown) is red in the tree."""
    editor = editor_for(qtbot, ctx)
    editor.show()
    qtbot.waitExposed(editor)
    editor.load_menu(korean_shop_menu())
    editor.tree.setCurrentItem(node_item(editor, "home"))
    editor.add_choice()
    submenu = editor._current_node()
    assert submenu is not None
    editor.node_action.setCurrentIndex(editor.node_action.findData("menu"))
    editor.add_choice()  # a "New choice" under the "New choice" submenu, shown now
    problem = "The menu “New choice” needs a text and at least one choice."
    assert editor.node_preview.text() == f"To see the preview, fix this first: {problem}"
    at_fault = node_item(editor, submenu.id)
    assert (
        at_fault.toolTip(0) == problem and at_fault.foreground(0).color().name() == problem_colour().lower()
    )
    shown = editor.tree.currentItem()
    assert shown is not None and shown is not at_fault and shown.toolTip(0) == ""
    editor.tree.setCurrentItem(at_fault)
    editor.node_text.setPlainText("무엇을 도와드릴까요?")
    # No problem left; what is left to write is said (the new choice under it answers nothing yet).
    assert editor.summary.text().startswith("Customers who tap “New choice” get no answer yet")
    assert node_item(editor, submenu.id).toolTip(0) == ""
    assert "▸ New choice" in editor.node_preview.text().split("\n")


def test_the_ready_made_answers_are_listed_by_clean_korean_names_with_keywords_in_their_own_field(
    qtbot: Any, ctx: AppContext
) -> None:
    """The keyword answers' list read "며칠 걸, 몇일 걸, 얼마나 걸, 배송비, 택배비, 무료…": each is
    now listed by its name, its keywords in the field below and in the row's tooltip."""
    editor = editor_for(qtbot, ctx)
    editor.load_menu(korean_shop_menu())
    listed = [editor.rule_list.item(i).text() for i in range(editor.rule_list.count())]
    assert listed == [
        "처음 메뉴 보여주기",
        "처음 메뉴 보여주기 (영어 문의)",
        "입금 계좌 안내",
        "배송 기간·배송비",
        "주문·배송 조회",
        "교환·반품",
        "영업시간",
    ]
    editor.rule_list.setCurrentRow(3)
    assert editor.rule_name.text() == "배송 기간·배송비"
    assert editor.keywords.text().startswith("며칠 걸, 몇일 걸, 얼마나 걸, 배송비")
    assert editor.rule_list.item(3).toolTip() == editor.keywords.text()

    editor.rule_name.setText("배송비 안내")
    assert editor.rule_list.item(3).text() == "배송비 안내"
    assert editor.rules[3].title == "배송비 안내"
    editor.rule_name.setText("")  # no name: the keywords name it, as before
    assert editor.rule_list.item(3).text() == editor.keywords.text()


def test_a_ready_made_menu_of_an_earlier_version_without_names_is_still_replaced_without_asking(
    qtbot: Any, ctx: AppContext, dialogs: DialogGuard
) -> None:
    editor = editor_for(qtbot, ctx)
    old = korean_shop_menu()
    old = old.model_copy(update={"rules": [r.model_copy(update={"title": ""}) for r in old.rules]})
    editor.load_menu(old)
    assert editor.rule_list.item(2).text() == "계좌, 입금"
    assert editor._nothing_made()


def test_a_choice_left_without_a_title_is_named_by_its_menu_and_saves_red_line_goes_once_it_is_fixed(
    qtbot: Any, ctx: AppContext
) -> None:
    """A bakery owner added a choice and cleared its title: the tree and the problem named it
    "choice2", Save said the problem a second time in red under the first, the red line stayed
    after the title was written, and the simulator still offered "New choice"."""
    editor = editor_for(qtbot, ctx)
    editor.show()
    qtbot.waitExposed(editor)
    editor.load_menu(korean_shop_menu())
    editor.tree.setCurrentItem(node_item(editor, "home"))
    editor.add_choice()
    new = editor._current_node()
    assert new is not None
    editor.node_title.setText("")
    problem = "A choice in the menu “처음 메뉴” has no title yet."
    assert node_item(editor, new.id).text(0) == "(no title yet)"
    assert editor.summary.text() == problem
    assert editor.simulator.stale.isVisible()  # the simulator answers as the last menu that had no problem
    editor.save()
    assert editor.error.isVisible() and editor.error.text() == problem
    assert editor.summary.text() == ""  # said once, not twice
    editor.node_title.setText("오늘의 빵 🍞")
    assert editor.error.isHidden()
    assert not editor.simulator.stale.isVisible()
    # Nothing refused now, but a tap on it would get no answer: the line under the editor says so.
    assert editor.summary.text() == (
        "Customers who tap “오늘의 빵 🍞” get no answer yet: write what the bot says in its Text."
    )
    editor.node_text.setPlainText("오늘 나온 빵이에요 🥐\n- 소금빵 3,500원")
    assert editor.summary.text() == ""
    write(qtbot, editor, "메뉴")
    assert "오늘의 빵 🍞" in choices(editor)
    tap(qtbot, editor, "오늘의 빵 🍞")
    assert said(editor)[-1] == ("bot", "오늘 나온 빵이에요 🥐\n- 소금빵 3,500원")
    assert choices(editor) == ["처음으로"]


def test_the_untitled_choice_and_silent_choice_lines_are_korean_in_the_korean_window(
    qtbot: Any, ctx: AppContext, korean: None
) -> None:
    editor = editor_for(qtbot, ctx)
    editor.load_menu(korean_shop_menu())
    editor.tree.setCurrentItem(node_item(editor, "home"))
    editor.add_choice()
    new = editor._current_node()
    assert new is not None
    editor.node_title.setText("")
    assert node_item(editor, new.id).text(0) == "(제목 없음)"
    assert editor.summary.text() == "메뉴 “처음 메뉴”에 아직 제목이 없는 항목이 있어요."
    assert editor.simulator.stale.text().startswith("편집기 아래의 문제를 고칠 때까지")
    editor.node_title.setText("영업시간 안내")
    assert editor.summary.text() == (
        "고객이 “영업시간 안내”를 누르면 아직 아무 답도 받지 못해요: 내용에 봇이 보낼 글을 적어 주세요."
    )
    editor.tabs.setCurrentIndex(0)
    editor.add_rule()
    editor.keywords.setText("오늘 빵")  # a keyword answer whose text was never written takes the message
    assert editor.summary.text().endswith(
        "답변 “오늘 빵”에 아직 내용이 없어요: 이\u00a0답변에 맞는 메시지를 보낸 고객은 아무 답도 받지 못해요."
    )


def test_the_hours_answer_shows_the_shops_business_hours_in_each_menus_language(
    qtbot: Any, ctx: AppContext, korean: None
) -> None:
    """박서준's bakery opens 07:30–20:00 except Mondays and closes for the year-end: the ready-made
    영업시간 answer said "평일 오전 9시부터 오후 6시까지". Its text now holds {영업시간}, and the
    simulator and the preview show the hours of Shop ▸ Business hours as the customer gets them, in
    Korean from the Korean menu and in English from the English one."""
    from datetime import datetime, timedelta
    from zoneinfo import ZoneInfo

    from app.shop_menu import english_shop_menu
    from app.wire import Automations, BusinessHours, ClosedDays, DayHours, TimeRange

    bakery = DayHours(mode="open", ranges=[TimeRange(start="07:30", end="20:00")])
    soon = datetime.now(ZoneInfo("Asia/Seoul")).date() + timedelta(days=10)
    hours = BusinessHours(
        timezone="Asia/Seoul",
        week=[DayHours(mode="closed"), *[bakery.model_copy() for _ in range(6)]],
        closed_days=[ClosedDays(first=soon, last=soon + timedelta(days=1))],
    )
    AutomationsStore(ctx.db).save(Automations(business_hours=hours))
    editor = editor_for(qtbot, ctx)
    editor.load_menu(korean_shop_menu().model_copy(update={"other_language": english_shop_menu()}))
    editor.tabs.setCurrentIndex(1)
    editor.tree.setCurrentItem(node_item(editor, "hours"))
    assert editor.node_text.toPlainText() == "영업시간을 안내해 드릴게요.\n{영업시간}"  # the owner's words
    wd = "월화수목금토일"
    closed = f"{soon.month}월 {soon.day}일 ({wd[soon.weekday()]}) ~ "
    end = soon + timedelta(days=1)
    closed += f"{end.month}월 {end.day}일 ({wd[end.weekday()]}) 휴무"
    told = f"영업시간을 안내해 드릴게요.\n월 휴무\n화~일 오전 7:30~오후 8:00\n{closed}"
    assert editor.node_preview.text() == f"{told}\n[ 처음으로 ]"
    write(qtbot, editor, "영업시간이 어떻게 돼요?")
    assert said(editor)[-1] == ("bot", told)
    # The 영업시간 button puts the field in, in the owner's words.
    editor.node_text.setPlainText("저희 빵집 영업시간이에요.\n")
    editor.node_text.moveCursor(QTextCursor.MoveOperation.End)
    button = next(b for b in editor.node_fields.findChildren(QPushButton) if b.text() == "영업시간(&R)")
    button.click()
    assert editor.node_text.toPlainText() == "저희 빵집 영업시간이에요.\n{영업시간}"
    assert editor.node_preview.text().startswith(
        "저희 빵집 영업시간이에요.\n월 휴무\n화~일 오전 7:30~오후 8:00\n"
    )
    # The English menu answers in English: the 12-hour clock and the shop's time zone.
    editor.language.setCurrentIndex(1)
    write(qtbot, editor, "What are your opening hours?")
    answer = said(editor)[-1][1]
    assert answer.startswith("Here are our opening hours:\nMon: closed\nTue–Sun: 7:30 AM–8:00 PM\nClosed ")
    assert answer.endswith("\nAll times are Seoul time.")


def test_an_answer_left_with_the_old_example_hours_is_pointed_out(
    qtbot: Any, ctx: AppContext, korean: None
) -> None:
    """A menu made from an earlier ready-made one still says "평일 오전 9시부터 오후 6시까지": the
    editor names that answer and how to give the shop's own hours, until its text holds the field."""
    from app.shop_menu import OLD_HOURS_TEXTS, with_answers

    editor = editor_for(qtbot, ctx)
    editor.load_menu(with_answers(korean_shop_menu(), {"hours": OLD_HOURS_TEXTS[0]}))
    note = (
        "“영업시간”은 아직 예시 영업시간(평일 오전 9시~오후 6시)을 알려 줘요. 내용에 ‘영업시간’ 필드를 "
        "넣으면 고객이 상점\u00a0▸\u00a0영업시간에 정한 시간을 받아요."
    )
    assert editor.summary.text() == note
    editor.tabs.setCurrentIndex(1)
    editor.tree.setCurrentItem(node_item(editor, "hours"))
    editor.node_text.setPlainText("영업시간이에요.\n{영업시간}")
    assert editor.summary.text() == note  # the keyword answer 영업시간 still gives them
    editor.tabs.setCurrentIndex(0)
    editor.rule_list.setCurrentRow(next(i for i, r in enumerate(editor.rules) if r.id == "hours"))
    editor.answer_text.setPlainText("영업시간이에요.\n{영업시간}")
    assert editor.summary.text() == ""
    write(qtbot, editor, "영업시간")
    assert said(editor)[-1] == ("bot", "영업시간이에요.\n월~금 오전 9:00~오후 6:00\n토~일 휴무")


def test_a_list_button_is_in_the_language_of_the_menu_being_edited(qtbot: Any, ctx: AppContext) -> None:
    """The English menu's entries showed "메뉴 보기" as their list button (greyed out), and a menu an
    English-writing owner added got it too: English customers would have tapped a Korean button."""
    from app.shop_menu import english_shop_menu

    editor = editor_for(qtbot, ctx)
    editor.load_menu(english_shop_menu())
    editor.tabs.setCurrentIndex(1)
    for node_id in ("home", "hours", "returns"):
        editor.tree.setCurrentItem(node_item(editor, node_id))
        assert editor.node_button.text() == "See menu"
    editor.add_choice()
    editor.node_action.setCurrentIndex(editor.node_action.findData("menu"))
    assert editor.node_button.isEnabled() and editor.node_button.text() == "See menu"
    editor.load_menu(korean_shop_menu())
    editor.tree.setCurrentItem(node_item(editor, "home"))
    editor.add_choice()
    editor.node_action.setCurrentIndex(editor.node_action.findData("menu"))
    assert editor.node_button.text() == "메뉴 보기"


def test_an_answers_text_before_its_menu_too_long_to_sit_above_it_is_said_before_saving(
    qtbot: Any, ctx: AppContext
) -> None:
    editor, store = editor_with_the_shop_menu_saved(qtbot, ctx)
    # "처음 메뉴 보여주기" shows the main menu; Ji-ho writes a long welcome before it. Each part fits
    # on its own, but WhatsApp shows at most 1,024 characters above a menu: the end would be cut.
    editor.rule_list.setCurrentRow(0)
    assert editor.answer_kind.currentData() == "menu"
    welcome = "촛불 " * 330  # 990 characters, with the menu's own text over 1,024
    editor.answer_text.setPlainText(welcome)
    editor.save()
    assert "처음 메뉴 보여주기" in editor.error.text() and "1,024" in editor.error.text()
    assert not editor.error.isHidden()
    assert store.state().doc.bot.rules[0].answer.text == ""
    # Shortened, it goes.
    editor.answer_text.setPlainText("촛불 가게예요!")
    editor.save()
    qtbot.waitUntil(lambda: store.state().doc.bot.rules[0].answer.text == "촛불 가게예요!", timeout=5000)
    assert editor.error.isHidden()


def test_an_answer_whose_menu_became_an_answer_is_named_as_the_owner_named_it(
    qtbot: Any, ctx: AppContext
) -> None:
    editor = editor_for(qtbot, ctx)
    editor.load_menu(korean_shop_menu())
    # Ji-ho adds an answer that shows the exchange-and-returns menu...
    editor.add_rule()
    editor.rule_name.setText("캔들 주문 제작")
    editor.keywords.setText("주문 제작, 커스텀")
    editor.answer_kind.setCurrentIndex(editor.answer_kind.findData("menu"))
    editor.answer_menu.setCurrentIndex(editor.answer_menu.findData("returns"))
    assert editor.rules[-1].id not in ("캔들 주문 제작", "returns")
    returns_rule = next(row for row, rule in enumerate(editor.rules) if rule.id == "returns")
    editor.rule_list.setCurrentRow(returns_rule)
    editor.remove_rule()
    # ...then makes that menu a plain answer: Save names her answer and the menu, not an id.
    editor.tree.setCurrentItem(node_item(editor, "returns"))
    editor.node_action.setCurrentIndex(editor.node_action.findData("answer"))
    editor.save()
    assert editor.error.text() == "The answer “캔들 주문 제작” shows “교환·반품”, which is no longer a menu."


def test_the_owner_can_have_the_greeting_bring_the_menu_and_a_new_customer_gets_it_on_the_relay(
    qtbot: Any, ctx: AppContext, real_relay: tuple[Any, Any, RelayClient]
) -> None:
    """A customer's "안녕하세요" got the greeting and no menu: the editor had no switch for it."""
    relay, _graph, client = real_relay
    current = client.get_automations()
    always_open = {"timezone": "Asia/Seoul", "week": [{"mode": "all_day"}] * 7}
    greeted = Automations.model_validate(
        {
            **current.model_dump(mode="json"),
            "greeting": {"enabled": True, "text": "안녕하세요! 지호의 캔들 공방이에요."},
            "business_hours": always_open,
        }
    )
    client.put_automations(greeted, if_match=current.revision)
    AutomationsStore(ctx.db).pull(client)
    editor = editor_for(qtbot, ctx, client)
    editor.load_menu(korean_shop_menu())
    editor.enabled.setChecked(True)
    write_own_account(editor, "우리은행 1002-123-456789 (지호 캔들)")
    assert not editor.welcome_menu.isChecked()
    editor.welcome_menu.setChecked(True)
    # Another menu brought in keeps the switch, as it keeps the bot on.
    editor.load_menu(korean_shop_menu())
    write_own_account(editor, "우리은행 1002-123-456789 (지호 캔들)")
    assert editor.welcome_menu.isChecked()
    write(qtbot, editor, "안녕하세요")
    assert said(editor)[-1][1].startswith("안녕하세요! 지호의 캔들 공방이에요.\n\n")
    words, buttons = saved_then_answered(qtbot, editor, relay, "안녕하세요")
    assert words.startswith("안녕하세요! 지호의 캔들 공방이에요.\n\n") and "무엇을 도와드릴까요" in words
    assert buttons == ["주문·배송 조회", "입금 계좌 안내", "교환·반품", "영업시간", "상담원 연결"]
    assert client.get_automations().bot.welcome_menu


def test_the_menu_with_the_greeting_says_so_while_the_greeting_is_off(qtbot: Any, ctx: AppContext) -> None:
    editor = editor_for(qtbot, ctx)
    editor.load_menu(korean_shop_menu())
    assert not editor.state.doc.greeting.enabled  # a new shop's greeting is off
    assert "greeting is off" not in editor.summary.text()
    editor.welcome_menu.setChecked(True)
    assert "The greeting is off, so no menu goes with it" in editor.summary.text()
    editor.welcome_menu.setChecked(False)
    assert "greeting is off" not in editor.summary.text()


def test_two_buttons_of_one_menu_with_one_title_are_said_before_saving_and_never_reach_the_relay(
    qtbot: Any, ctx: AppContext, korean: None
) -> None:
    """WhatsApp refuses a message whose reply buttons share a title. "반품 신청" renamed "교환 신청"
    was saved, and every customer who tapped 교환·반품 got nothing, the send failing at Meta."""
    editor, store = editor_with_the_shop_menu_saved(qtbot, ctx)
    editor.tree.setCurrentItem(node_item(editor, "return"))
    editor.node_title.setText("교환 신청")
    problem = "메뉴 “교환·반품”에 제목이 “교환 신청”인 버튼이 둘 있어요: WhatsApp에서는 버튼마다 제목이 달라야 해요."
    assert editor.summary.text() == problem
    assert node_item(editor, "return").foreground(0).color().name() == problem_colour().lower()
    editor.save()
    assert not editor.error.isHidden() and editor.error.text() == problem
    assert [n.title for n in store.state().doc.bot.nodes if n.id == "return"] == ["반품 신청"]
    editor.node_title.setText("반품 신청 (환불)")
    assert editor.error.isHidden() and editor.summary.text() == ""


def test_a_lists_preview_shows_its_button_sections_and_descriptions_as_the_customer_gets_them(
    qtbot: Any, ctx: AppContext
) -> None:
    """The preview of a list showed its rows' titles alone: the description the owner wrote under
    each, the section names and the list's button ("메뉴 보기"), which is all the customer sees before
    tapping it, never showed until a customer's phone did."""
    editor = editor_for(qtbot, ctx)
    editor.load_menu(korean_shop_menu())
    editor.tabs.setCurrentIndex(1)
    editor.tree.setCurrentItem(node_item(editor, "home"))
    editor.node_button.setText("메뉴 열기")
    for node_id, section in [("order", "주문"), ("account", "주문"), ("returns", "주문")]:
        editor.tree.setCurrentItem(node_item(editor, node_id))
        editor.node_section.setText(section)
    for node_id in ("hours", "person"):
        editor.tree.setCurrentItem(node_item(editor, node_id))
        editor.node_section.setText("안내")
    editor.tree.setCurrentItem(node_item(editor, "home"))
    lines = editor.node_preview.text().split("\n")
    assert lines[1:] == [
        "[ ☰ 메뉴 열기 ]",
        "주문",
        "▸ 주문·배송 조회 · 주문 상태와 배송 현황",
        "▸ 입금 계좌 안내 · 무통장 입금 계좌",
        "▸ 교환·반품 · 교환·반품 신청 방법",
        "안내",
        "▸ 영업시간 · 문의 답변 시간",
        "▸ 상담원 연결 · 직원이 직접 답변드려요",
    ]


def test_a_customers_tap_on_a_removed_choice_is_not_answered_by_the_choice_added_in_its_place(
    qtbot: Any, ctx: AppContext
) -> None:
    """The owner removed "배송 문의" and added "교환 안내": the new choice took the removed one's id, so
    a customer who tapped "배송 문의" in the menu she had been sent got the exchange answer."""
    editor = editor_for(qtbot, ctx)
    editor.load_menu(korean_shop_menu())
    editor.tabs.setCurrentIndex(1)
    editor.tree.setCurrentItem(node_item(editor, "home"))
    editor.add_choice()
    editor.node_title.setText("배송 문의")
    editor.node_text.setPlainText("배송은 2~3일 걸려요.")
    write(qtbot, editor, "메뉴")  # the customer is sent the menu with 배송 문의 in it
    assert "배송 문의" in choices(editor)
    editor.remove_node()  # the owner edits the menu meanwhile
    editor.tree.setCurrentItem(node_item(editor, "home"))
    editor.add_choice()
    editor.node_title.setText("교환 안내")
    editor.node_text.setPlainText("교환은 7일 안에 신청해 주세요.")
    tap(qtbot, editor, "배송 문의")
    assert said(editor)[-1][1].startswith("이 메뉴는 바뀌었어요. 새 메뉴에서 다시 골라 주세요.")
    assert "교환 안내" in choices(editor)


def test_a_text_too_long_says_how_long_it_is_and_how_long_it_may_be(
    qtbot: Any, ctx: AppContext, korean: None, korean_locale: None
) -> None:
    """ "“처음 메뉴”의 내용이 너무 길어요" said nothing of how long: the text box has no counter, and the
    owner cut a sentence at a time, not knowing WhatsApp shows 1,024 characters above a menu."""
    editor = editor_for(qtbot, ctx)
    editor.load_menu(korean_shop_menu())
    editor.tree.setCurrentItem(node_item(editor, "home"))
    editor.node_text.setPlainText("가" * 1100)
    assert editor.summary.text() == (
        "메뉴 “처음 메뉴”의 내용이 1,100자예요: WhatsApp은 메뉴 위에 1,024자까지만 보여 줘요."
    )
    editor.node_text.setPlainText("무엇을 도와드릴까요?")
    editor.tree.setCurrentItem(node_item(editor, "hours"))
    editor.node_text.setPlainText("가" * 4097)
    assert editor.summary.text() == (
        "“영업시간”의 내용이 4,097자예요: WhatsApp은 메시지 하나에 4,096자까지만 보내요."
    )


def test_a_title_with_an_emoji_that_whatsapp_takes_is_shown_and_kept_whole(
    qtbot: Any, ctx: AppContext
) -> None:
    """The field counts an emoji twice and WhatsApp's limit counts it once: an imported menu's
    "🎁 선물 포장…" of 24 characters was shown cut by its last letter, and saved cut as soon as the
    owner changed the entry's description."""
    title = "🎁 선물 포장은 주문 메모에 적어 주세요 ♥"[:24]
    description = "🎀" + "리본 색을 골라 주세요 " * 6
    description = description[:72]
    assert len(title) == 24 and len(description) == 72
    bot = korean_shop_menu()
    nodes = [
        n.model_copy(update={"title": title, "description": description}) if n.id == "hours" else n
        for n in bot.nodes
    ]
    editor = editor_for(qtbot, ctx)
    editor.load_menu(bot.model_copy(update={"nodes": nodes}))
    editor.tree.setCurrentItem(node_item(editor, "hours"))
    assert editor.node_title.text() == title and editor.node_description.text() == description
    editor.node_section.setText("안내")
    editor.tree.setCurrentItem(node_item(editor, "person"))
    editor.node_section.setText("안내")
    editor.tree.setCurrentItem(node_item(editor, "order"))
    hours = next(n for n in editor.apply(editor.state.doc).bot.nodes if n.id == "hours")
    assert (hours.title, hours.description, hours.section) == (title, description, "안내")


def test_a_title_too_long_for_a_button_says_how_long_it_is_and_may_be(
    qtbot: Any, ctx: AppContext, korean: None, korean_locale: None
) -> None:
    """A list of three shown as buttons instead: a row's 21-character title is too long for a
    button (20), and "제목이 비었거나 너무 길어요" said neither how long nor why it was fine before."""
    editor = editor_for(qtbot, ctx)
    editor.load_menu(korean_shop_menu())
    editor.tree.setCurrentItem(node_item(editor, "returns"))
    editor.node_style.setCurrentIndex(editor.node_style.findData("list"))
    editor.tree.setCurrentItem(node_item(editor, "exchange"))
    editor.node_title.setText("교환 신청: 사이즈·색상 교환 안내해요")
    assert editor.summary.text() == ""  # 21 characters: a list row takes 24
    editor.tree.setCurrentItem(node_item(editor, "returns"))
    editor.node_style.setCurrentIndex(editor.node_style.findData("buttons"))
    assert editor.summary.text() == (
        "“교환 신청: 사이즈·색상 교환 안내해요”의 제목이 21자예요: 버튼 제목은 20자까지 쓸 수 있어요."
    )


def test_the_main_menus_own_description_and_section_are_not_offered_as_it_is_no_row(
    qtbot: Any, ctx: AppContext
) -> None:
    """The main menu is no row of any list: a description written for it was never sent anywhere."""
    editor = editor_for(qtbot, ctx)
    editor.load_menu(korean_shop_menu())
    editor.tree.setCurrentItem(node_item(editor, "home"))
    assert not editor.node_description.isEnabled() and not editor.node_section.isEnabled()
    editor.tree.setCurrentItem(node_item(editor, "order"))  # a row of the main menu's list
    assert editor.node_description.isEnabled() and editor.node_section.isEnabled()
    editor.tree.setCurrentItem(node_item(editor, "returns"))  # a row that opens a menu of buttons
    assert editor.node_description.isEnabled()
    editor.tree.setCurrentItem(node_item(editor, "exchange"))  # a button: no description
    assert not editor.node_description.isEnabled()


def test_a_problem_in_the_menu_not_shown_is_said_as_there_and_marks_nothing_here(
    qtbot: Any, ctx: AppContext
) -> None:
    """Both ready-made menus name their entries alike ("return"): a problem left in the English menu
    was said, back on the Korean one, with the Korean entry's title, and that entry marked red."""
    from app.shop_menu import english_shop_menu

    editor = editor_for(qtbot, ctx)
    editor.load_menu(korean_shop_menu().model_copy(update={"other_language": english_shop_menu()}))
    editor.language.setCurrentIndex(1)
    editor.tree.setCurrentItem(node_item(editor, "return"))
    editor.node_title.setText("Exchange")  # as the button beside it
    assert editor.summary.text().startswith("The menu “Exchange or return” has two buttons called")
    editor.language.setCurrentIndex(0)
    assert editor.summary.text() == (
        "The menu in another language goes beyond what WhatsApp allows: choose it under “Editing” to see where."
    )
    assert node_item(editor, "return").foreground(0).color().name() != problem_colour().lower()
    editor.save()
    assert not editor.error.isHidden() and "menu in another language" in editor.error.text()


def test_a_menu_text_that_outgrows_whatsapps_limit_once_filled_is_said_at_save(
    qtbot: Any, ctx: AppContext, korean: None
) -> None:
    """The main menu's text of 1,017 characters fits the 1,024 WhatsApp shows above a menu, but
    with today's business hours in its {영업시간} it does not: the relay would send it as a text.
    Save says so, with the length counted as the relay counts it, and stores nothing."""
    from app.wire import BusinessHours, DayHours, TimeRange

    weekdays = DayHours(mode="open", ranges=[TimeRange(start="10:00", end="19:00")])
    hours = BusinessHours(timezone="Asia/Seoul", week=[weekdays] * 5 + [DayHours(mode="closed")] * 2)
    AutomationsStore(ctx.db).save(Automations(business_hours=hours))
    editor = editor_for(qtbot, ctx)
    bot = korean_shop_menu()
    intro = "🎁" * 10 + "가" * 1000 + "\n{영업시간}"  # emoji count one each, as WhatsApp's limit does
    nodes = [n.model_copy(update={"text": intro}) if n.id == "home" else n for n in bot.nodes]
    editor.load_menu(bot.model_copy(update={"nodes": nodes}))
    editor.save()
    assert editor.error.text() == (
        "“처음 메뉴”의 내용은 오늘의 영업시간과 가게 이름을 채우면 1,038자예요. WhatsApp은 메뉴 위에"
        " 1,024자까지만 보여 줘요. 내용을 줄여 주세요."
    )
    assert not editor.error.isHidden()
    assert AutomationsStore(ctx.db).state().doc.bot.nodes == []
