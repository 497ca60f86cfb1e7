"""A quick reply's fields in the owner's words: the Korean editor shows "{고객 이름}", the reply keeps "{first_name}"."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtWidgets import QPushButton

from app.paths import paths_for
from app.quick_replies import ContactInfo, QuickReplyLibrary, fill_quick_reply
from app.rules import FIELD_ALIASES
from ui.context import AppContext
from ui.field_tokens import SHOWN_FIELDS, shown_words
from ui.quick_reply_manager import QuickReplyManager


@pytest.fixture
def ctx(db, tmp_path: Path) -> AppContext:
    return AppContext(db=db, paths=paths_for(tmp_path / "data"))


def open_manager(qtbot, ctx: AppContext) -> QuickReplyManager:
    manager = QuickReplyManager(ctx)
    qtbot.addWidget(manager)
    qtbot.waitUntil(lambda: not manager.is_loading(), timeout=5000)
    return manager


def test_every_korean_spelling_of_a_field_is_one_the_relay_fills(korean) -> None:
    words = shown_words()
    assert words["first_name"] == "고객 이름"
    for field in SHOWN_FIELDS:
        assert FIELD_ALIASES[words[field]] == field


def test_a_korean_owner_reads_and_inserts_fields_in_korean_and_the_reply_keeps_the_stable_word(
    qtbot, ctx: AppContext, korean
) -> None:
    (old, _changes) = QuickReplyLibrary(ctx.db).add("/감사", "{first_name}님, {shop}을 찾아 주셔서 감사해요")
    manager = open_manager(qtbot, ctx)
    manager.select(old.id)
    assert manager.text.toPlainText() == "{고객 이름}님, {가게 이름}을 찾아 주셔서 감사해요"
    assert str(manager.source.data(manager.source.index(0, 0))).endswith(
        "{고객 이름}님, {가게 이름}을 찾아 주셔서 감사해요"
    )
    names = [b.text() for b in manager.findChildren(QPushButton)]
    assert "고객 이름(&F)" in names and "이름 첫 단어" not in names

    manager.text.setPlainText("")
    button = next(b for b in manager.findChildren(QPushButton) if b.text() == "고객 이름(&F)")
    button.click()
    manager.text.insertPlainText("님, 주문 확인했어요")
    assert manager.text.toPlainText() == "{고객 이름}님, 주문 확인했어요"
    with qtbot.waitSignal(ctx.hub.changed):
        assert manager.save_current()
    qtbot.waitUntil(lambda: not manager.is_loading(), timeout=5000)
    (row,) = QuickReplyLibrary(ctx.db).all()
    assert row.text == "{first_name}님, 주문 확인했어요"
    assert manager.text.toPlainText() == "{고객 이름}님, 주문 확인했어요"


def test_old_and_korean_spellings_both_fill_with_a_korean_name_whole() -> None:
    minji = ContactInfo(name="김 민지", phone="821012345678")
    amy = ContactInfo(name="Amy Clarke", phone="")
    assert fill_quick_reply("{first_name}님 안녕하세요", minji, None) == "김 민지님 안녕하세요"
    assert fill_quick_reply("{고객 이름}님 안녕하세요", minji, None) == "김 민지님 안녕하세요"
    assert (
        fill_quick_reply("{이름}님, {전화번호}로 연락드릴게요", minji, None)
        == "김 민지님, +821012345678로 연락드릴게요"
    )
    assert fill_quick_reply("Hi {first_name}!", amy, None) == "Hi Amy!"
    assert fill_quick_reply("{고객 이름}님 안녕하세요", ContactInfo(name="", phone=""), None) == "안녕하세요"


def test_the_greeting_and_away_editors_show_fields_in_korean_and_store_the_stable_words(
    qtbot, ctx: AppContext, korean
) -> None:
    from app.automations_store import AutomationsStore, demo_automations
    from ui.away_editor import AwayEditor
    from ui.greeting_editor import GreetingEditor

    store = AutomationsStore(ctx.db)
    doc = demo_automations("ko")
    doc = doc.model_copy(
        update={"greeting": doc.greeting.model_copy(update={"text": "{first_name}님, {shop}입니다"})}
    )
    store.apply_remote(doc.model_copy(update={"revision": 1}))
    greeting = GreetingEditor(ctx)
    qtbot.addWidget(greeting)
    qtbot.waitUntil(lambda: greeting.loaded, timeout=5000)
    assert greeting.text.toPlainText() == "{고객 이름}님, {가게 이름}입니다"
    assert not greeting.has_unsaved_edits()  # shown in Korean, still the stored message
    # The example a switched-on empty greeting starts from reads in Korean too.
    assert "{name}" not in greeting.text.placeholderText() and "{" in greeting.text.placeholderText()

    away = AwayEditor(ctx)
    qtbot.addWidget(away)
    qtbot.waitUntil(lambda: away.loaded, timeout=5000)
    away.enabled.setChecked(True)
    away.text.setPlainText("")
    away.text.setFocus()
    button = next(b for b in away.findChildren(QPushButton) if b.text() == "고객 이름(&F)")
    assert button.toolTip() == "{고객 이름}"
    button.click()
    away.text.insertPlainText("님, 지금은 영업시간이 아니에요. {opening}에 답장드릴게요.")
    assert away.text.toPlainText() == "{고객 이름}님, 지금은 영업시간이 아니에요. {opening}에 답장드릴게요."
    away.save()
    qtbot.waitUntil(lambda: not away.is_busy(), timeout=10_000)
    assert (
        store.state().doc.away.text == "{first_name}님, 지금은 영업시간이 아니에요. {opening}에 답장드릴게요."
    )
    assert away.text.toPlainText() == "{고객 이름}님, 지금은 영업시간이 아니에요. {opening}에 답장드릴게요."


def test_the_next_opening_reads_in_korean_and_is_stored_as_opening(qtbot, ctx: AppContext, korean) -> None:
    """{opening} was the one field a Korean away message still showed in English."""
    from app.automations_store import AutomationsStore, demo_automations
    from ui.away_editor import AwayEditor

    store = AutomationsStore(ctx.db)
    doc = demo_automations("ko")
    doc = doc.model_copy(update={"away": doc.away.model_copy(update={"text": "{opening}부터 답변드릴게요."})})
    store.apply_remote(doc.model_copy(update={"revision": 1}))
    away = AwayEditor(ctx)
    qtbot.addWidget(away)
    qtbot.waitUntil(lambda: away.loaded, timeout=5000)
    # Sunday 2026-11-29 14:00 in Seoul: the demo shop is closed on Sundays, so the away message goes out.
    away.preview.clock = lambda: datetime(2026, 11, 29, 5, 0, tzinfo=UTC)
    assert away.text.toPlainText() == "{다음 영업 시작}부터 답변드릴게요."
    assert not away.has_unsaved_edits()

    away.text.setPlainText("지금은 쉬어요. ")
    away.text.moveCursor(away.text.textCursor().MoveOperation.End)
    button = next(b for b in away.findChildren(QPushButton) if b.text() == "다음 영업 시작(&O)")
    assert button.toolTip() == "{다음 영업 시작}"
    button.click()
    away.text.insertPlainText("에 답장드릴게요.")
    assert away.text.toPlainText() == "지금은 쉬어요. {다음 영업 시작}에 답장드릴게요."
    returning = away.preview.returning.text()
    assert "지금은 쉬어요. 내일 오전 10:00에 답장드릴게요." in returning  # Sunday: Monday is tomorrow
    away.save()
    qtbot.waitUntil(lambda: not away.is_busy(), timeout=10_000)
    assert store.state().doc.away.text == "지금은 쉬어요. {opening}에 답장드릴게요."
