"""The shop has one bank account: the menu bot's account answer follows the order settings', through the
real relay (issue: a changed account never reached the bot, which told customers the old one)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QPushButton

from app.automations_store import AutomationsStore, demo_automations, save_local
from app.order_settings import OrderSettings, save_order_settings
from tests.support.fake_graph import FakeGraph, run_fake_graph
from tests.support.relay_server import RunningRelay, inbound, run_relay
from ui.bot_editor import BotEditor
from ui.order_settings_dialog import OrderSettingsDialog

OLD = "국민은행 123456-01-234567 (서울리넨하우스)"
NEW = "신한은행 110-987-654321 (서울리넨하우스)"


def _relay_bot_texts(relay: RunningRelay) -> str:
    answer = relay.client.get(f"{relay.url}/v1/automations", headers=relay.auth())
    return json.dumps(answer.json()["bot"], ensure_ascii=False)


def _answers(graph: FakeGraph) -> str:
    return json.dumps(graph.sent, ensure_ascii=False)


def test_a_new_bank_account_in_the_order_settings_is_what_the_bot_tells_customers(
    window: Any, qtbot: Any, tmp_path: Path
) -> None:
    ctx = window.ctx
    with ctx.db.write() as s:
        save_order_settings(s, OrderSettings(bank_account=OLD))
        save_local(s, demo_automations("ko"))  # its account answer gives {bank}
    folder = tmp_path / "relay"
    folder.mkdir()
    with run_fake_graph() as graph, run_relay(folder, graph_url=graph.url) as relay:
        ctx.prefs["relay_url"] = relay.url
        ctx.relay_token = relay.token
        window.start_sync()
        qtbot.waitUntil(lambda: OLD in _relay_bot_texts(relay), timeout=10000)
        relay.post_webhook(inbound("text", "계좌 알려주세요", sender="821011112222", name="김민지"))
        qtbot.waitUntil(lambda: OLD in _answers(graph), timeout=10000)

        dialog = OrderSettingsDialog(ctx, window)
        qtbot.addWidget(dialog)
        qtbot.waitUntil(lambda: dialog.bank.text() == OLD)
        dialog.bank.setText(NEW)
        with qtbot.waitSignal(dialog.accepted):
            dialog.save()
        qtbot.waitUntil(lambda: NEW in _relay_bot_texts(relay), timeout=10000)
        assert OLD not in _relay_bot_texts(relay)
        graph.sent.clear()
        relay.post_webhook(inbound("text", "계좌 알려주세요", sender="821033334444", name="이서준"))
        qtbot.waitUntil(lambda: NEW in _answers(graph), timeout=10000)
        assert OLD not in _answers(graph)

        # The desktop keeps the field, not the account: the next change of account follows too.
        qtbot.waitUntil(lambda: AutomationsStore(ctx.db).state().doc.revision >= 2, timeout=10000)
        kept = AutomationsStore(ctx.db).state()
        assert "{bank}" in kept.doc.bot.model_dump_json() and NEW not in kept.doc.bot.model_dump_json()

        # The editor's "try as a customer" answers with the account the relay now has.
        editor = BotEditor(ctx, client_provider=lambda: None, report_client=lambda: None)
        qtbot.addWidget(editor)
        qtbot.waitUntil(lambda: editor.tree.isEnabled(), timeout=5000)
        editor.simulator.field.setText("계좌 알려주세요")
        qtbot.keyClick(editor.simulator.field, Qt.Key.Key_Return)
        who, said = editor.simulator.transcript.rows[-1]
        assert who == "bot" and NEW in said and "{bank}" not in said


def test_the_bot_editor_inserts_the_account_field_and_previews_the_account(qtbot: Any, ctx: Any) -> None:
    """The owner writes the account once (order settings); the editor's answers give it with a button,
    the preview shows it filled in, and Save is refused while the order settings hold none."""
    doc = demo_automations("ko")
    with ctx.db.write() as s:
        save_local(s, doc)
    editor = BotEditor(ctx, client_provider=lambda: None, report_client=lambda: None)
    qtbot.addWidget(editor)
    qtbot.waitUntil(lambda: editor.tree.isEnabled(), timeout=5000)
    editor.save()
    assert "none is set yet" in editor.error.text()  # {bank} would reach customers empty
    assert "{bank}" in AutomationsStore(ctx.db).state().doc.bot.model_dump_json()

    with ctx.db.write() as s:
        save_order_settings(s, OrderSettings(bank_account=NEW))
    editor = BotEditor(ctx, client_provider=lambda: None, report_client=lambda: None)
    qtbot.addWidget(editor)
    qtbot.waitUntil(lambda: editor.tree.isEnabled(), timeout=5000)
    item = editor._item("hours")
    assert item is not None
    editor.tree.setCurrentItem(item)
    editor.node_text.setPlainText("입금 계좌: ")
    editor.node_text.moveCursor(QTextCursor.MoveOperation.End)  # where the owner stopped typing
    [insert] = [b for b in editor.node_fields.findChildren(QPushButton) if b.text() == "&Bank account"]
    insert.click()
    assert editor.node_text.toPlainText() == "입금 계좌: {bank}"
    assert f"입금 계좌: {NEW}" in editor.node_preview.text()
    editor.save()
    store = AutomationsStore(ctx.db)
    qtbot.waitUntil(lambda: "입금 계좌: {bank}" in store.state().doc.bot.model_dump_json(), timeout=5000)
