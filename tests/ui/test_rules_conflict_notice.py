"""The strip above the chats while a change to the automations waits for the owner's choice."""

from __future__ import annotations

from typing import Any

import pytest

import ui.rules_conflict_notice
from app.automations_store import AutomationsStore, SyncStatus, demo_automations
from app.changes import Changes
from tests.support.held_reads import hold_first_read
from ui.ops import pending_ops


def in_conflict(ctx: Any) -> AutomationsStore:
    """Her greeting saved offline meets another computer's, made meanwhile: both are kept."""
    store = AutomationsStore(ctx.db)
    doc = demo_automations("ko").model_copy(update={"revision": 1})
    store.apply_remote(doc)
    store.save(doc.model_copy(update={"greeting": doc.greeting.model_copy(update={"text": "어서 오세요!"})}))
    theirs = doc.greeting.model_copy(update={"text": "반갑습니다, 다른 컴퓨터입니다."})
    state = store.apply_remote(doc.model_copy(update={"greeting": theirs, "revision": 2}))
    assert state.status is SyncStatus.CONFLICT
    return store


def test_a_look_read_before_her_choice_does_not_bring_the_strip_back(
    qtbot: Any, ctx: Any, window: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The relay's status came in as she chose which version to keep: the strip's look at the rules,
    read before her choice was stored, answered after it (the pool busy) and asked her to choose
    again, a choice already made."""
    store = in_conflict(ctx)
    strip = window.rules_conflict
    ctx.publish(Changes(automations=True))
    qtbot.waitUntil(lambda: not strip.isHidden(), timeout=5000)
    qtbot.waitUntil(lambda: pending_ops() == 0, timeout=5000)
    held = hold_first_read(monkeypatch, ui.rules_conflict_notice, "load_state")
    try:
        ctx.publish(Changes(automations=True))  # the relay's status
        qtbot.waitUntil(held.read.is_set, timeout=5000)
        store.resolve("mine")  # as the editor's banner does it, then says what changed
        ctx.publish(Changes(automations=True))
        qtbot.waitUntil(strip.isHidden, timeout=5000)
        qtbot.waitUntil(lambda: pending_ops() == 1, timeout=5000)  # all in but the held look
    finally:
        held.let_go()
    qtbot.waitUntil(lambda: pending_ops() == 0, timeout=5000)
    assert store.state().status is not SyncStatus.CONFLICT
    assert strip.isHidden()
