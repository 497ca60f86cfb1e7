"""The desktop's automations copy: offline edits wait, push with If-Match, conflicts keep both versions."""

from __future__ import annotations

import pytest

from app.automations_store import (
    AutomationsStore,
    PushOutcome,
    SyncStatus,
    demo_automations,
    same_content,
)
from app.wire import Automations, GreetingRule
from tests.support.automations_fake import FakeAutomationsRelay as FakeRelay


def with_greeting(doc: Automations, text: str) -> Automations:
    return doc.model_copy(update={"greeting": GreetingRule(enabled=True, text=text)}, deep=True)


@pytest.fixture
def store(db) -> AutomationsStore:
    return AutomationsStore(db)


def test_a_saved_change_is_not_yet_on_the_relay_until_pushed(store: AutomationsStore) -> None:
    relay = FakeRelay()
    store.pull(relay)
    assert store.state().status is SyncStatus.SYNCED
    state = store.save(with_greeting(store.state().doc, "안녕하세요!"))
    assert state.status is SyncStatus.PENDING
    assert store.push(relay) is PushOutcome.PUSHED
    after = store.state()
    assert after.status is SyncStatus.SYNCED and after.doc.revision == 2
    assert relay.doc.greeting.text == "안녕하세요!"


def test_a_waiting_change_names_the_parts_it_changed_until_the_relay_has_it(store: AutomationsStore) -> None:
    from app.automations_parts import AutomationsPart

    relay = FakeRelay()
    store.pull(relay)
    relay.up = False
    doc = store.state().doc
    store.save(doc.model_copy(update={"away": doc.away.model_copy(update={"text": "Closed today"})}))
    assert store.state().waiting_parts == (AutomationsPart.AWAY,)
    # A second save while the first waits: both parts wait, in the window's order.
    store.save(with_greeting(store.state().doc, "Hello!"))
    assert store.state().waiting_parts == (AutomationsPart.AWAY, AutomationsPart.GREETING)
    relay.up = True
    assert store.push(relay) is PushOutcome.PUSHED
    assert store.state().waiting_parts == ()


def test_saving_what_is_already_there_pushes_nothing(store: AutomationsStore) -> None:
    relay = FakeRelay()
    store.pull(relay)
    store.save(store.state().doc)
    assert store.push(relay) is PushOutcome.NOTHING and relay.puts == 0


def test_change_made_while_the_relay_is_down_is_pushed_when_it_is_back(store: AutomationsStore) -> None:
    relay = FakeRelay()
    store.pull(relay)
    relay.up = False
    store.save(with_greeting(store.state().doc, "offline edit"))
    assert store.push(relay) is PushOutcome.OFFLINE
    waiting = store.state()
    assert waiting.status is SyncStatus.PENDING and "relay down" in waiting.last_error
    relay.up = True
    assert store.push(relay) is PushOutcome.PUSHED
    assert relay.doc.greeting.text == "offline edit" and store.state().status is SyncStatus.SYNCED


def test_an_edit_saved_during_a_push_goes_right_after_it(store: AutomationsStore) -> None:
    relay = FakeRelay()
    store.pull(relay)
    store.save(with_greeting(store.state().doc, "first"))
    pushed: list[str] = []

    class SlowRelay(FakeRelay):
        def put_automations(self, doc: Automations, *, if_match: int) -> Automations:
            pushed.append(doc.greeting.text)
            if len(pushed) == 1:
                # The owner saves again while this push is on the wire…
                store.save(with_greeting(store.state().doc, "second"))
                # …and the relay's `settings` event of this push is read before its answer.
                answer = relay.put_automations(doc, if_match=if_match)
                store.apply_remote(answer)
                return answer
            return relay.put_automations(doc, if_match=if_match)

    assert store.push(SlowRelay()) is PushOutcome.PUSHED
    # Not a conflict with herself, and not left waiting until this desktop next comes online.
    assert pushed == ["first", "second"]
    state = store.state()
    assert state.status is SyncStatus.SYNCED and state.conflict is None
    assert relay.doc.greeting.text == "second" and relay.doc.revision == 3


def test_conflict_keeps_both_versions_until_the_owner_chooses_mine(store: AutomationsStore) -> None:
    relay = FakeRelay()
    store.pull(relay)
    store.save(with_greeting(store.state().doc, "from this laptop"))
    relay.doc = with_greeting(relay.doc, "from the other laptop").model_copy(update={"revision": 2})
    assert store.push(relay) is PushOutcome.CONFLICT
    state = store.state()
    assert state.status is SyncStatus.CONFLICT
    assert state.doc.greeting.text == "from this laptop"
    assert state.conflict is not None and state.conflict.greeting.text == "from the other laptop"
    # While the owner has not chosen, nothing is pushed over the other laptop's change.
    assert store.push(relay) is PushOutcome.NOTHING and relay.doc.greeting.text == "from the other laptop"
    store.resolve("mine")
    assert store.push(relay) is PushOutcome.PUSHED
    assert relay.doc.greeting.text == "from this laptop" and relay.doc.revision == 3


def test_choosing_theirs_adopts_the_relays_version(store: AutomationsStore) -> None:
    relay = FakeRelay()
    store.pull(relay)
    store.save(with_greeting(store.state().doc, "mine"))
    relay.doc = with_greeting(relay.doc, "theirs").model_copy(update={"revision": 5})
    store.push(relay)
    state = store.resolve("theirs")
    assert state.status is SyncStatus.SYNCED and state.doc.greeting.text == "theirs"
    assert state.doc.revision == 5
    assert store.push(relay) is PushOutcome.NOTHING


def test_settings_event_from_another_desktop_replaces_an_unchanged_copy(store: AutomationsStore) -> None:
    relay = FakeRelay()
    store.pull(relay)
    newer = with_greeting(relay.doc, "changed elsewhere").model_copy(update={"revision": 4})
    assert store.apply_remote(newer).doc.greeting.text == "changed elsewhere"
    # A replayed older event never takes the copy backwards.
    assert store.apply_remote(Automations(revision=2)).doc.revision == 4


def test_our_own_change_echoed_back_clears_pending(store: AutomationsStore) -> None:
    relay = FakeRelay()
    store.pull(relay)
    mine = with_greeting(store.state().doc, "mine")
    store.save(mine)
    # The push's answer was lost, but the settings event shows the relay has our text.
    state = store.apply_remote(mine.model_copy(update={"revision": 2}))
    assert state.status is SyncStatus.SYNCED and state.doc.revision == 2


def test_a_settings_event_for_a_newer_revision_while_pending_is_a_conflict(store: AutomationsStore) -> None:
    relay = FakeRelay()
    store.pull(relay)
    store.save(with_greeting(store.state().doc, "mine"))
    state = store.apply_remote(with_greeting(relay.doc, "theirs").model_copy(update={"revision": 2}))
    assert state.status is SyncStatus.CONFLICT


def test_demo_automations_are_a_seoul_shop_with_greeting_and_away() -> None:
    ko = demo_automations("ko")
    assert ko.profile.name == "서울 리넨 하우스"
    assert ko.business_hours.timezone == "Asia/Seoul"
    assert ko.greeting.enabled and ko.away.enabled and "{name}" in ko.greeting.text
    assert ko.business_hours.week[6].mode == "closed"
    en = demo_automations("en")  # the English demo's shop is in Brighton
    assert en.profile.name == "Brighton Linen House" and not same_content(ko, en)
    assert en.business_hours.timezone == "Europe/London" and "Seoul" not in en.away.text
    assert en.bot.other_language is None and en.greeting.text_other_language == ""


def test_a_relay_that_was_reset_is_never_silently_out_of_step(store: AutomationsStore) -> None:
    relay = FakeRelay()
    relay.doc = with_greeting(Automations(), "old relay").model_copy(update={"revision": 7})
    store.pull(relay)
    # The owner moves to a fresh relay (revision 0): its empty rules are what customers get now.
    fresh = FakeRelay(Automations(revision=0))
    state = store.pull(fresh)
    assert state.doc.greeting.text == "" and state.doc.revision == 0
    assert state.status is SyncStatus.SYNCED


def test_a_waiting_change_meeting_a_reset_relay_asks_the_owner(store: AutomationsStore) -> None:
    relay = FakeRelay()
    relay.doc = Automations(revision=7)
    store.pull(relay)
    store.save(with_greeting(store.state().doc, "mine"))
    fresh = FakeRelay(
        with_greeting(Automations(), "set up on the new relay").model_copy(update={"revision": 2})
    )
    assert store.push(fresh) is PushOutcome.CONFLICT
    store.resolve("mine")
    assert store.push(fresh) is PushOutcome.PUSHED and fresh.doc.greeting.text == "mine"


def test_an_editors_save_keeps_what_another_computer_changed_and_flags_the_same_text_changed_twice() -> None:
    from app.automations_store import merge_edits

    base = Automations(revision=3)
    theirs = base.model_copy(
        update={
            "revision": 4,
            "away": base.away.model_copy(update={"enabled": True, "text": "수진: 내일 답장드려요."}),
        }
    )
    # He typed only a greeting: her away change stays.
    mine = theirs.model_copy(update={"greeting": base.greeting.model_copy(update={"text": "어서 오세요!"})})
    merged, clash = merge_edits(base, theirs, mine)
    assert (
        not clash and merged.away.text == "수진: 내일 답장드려요." and merged.greeting.text == "어서 오세요!"
    )
    # He typed an away text over a form that still showed the old one, and left "enabled" as it was:
    # her switching it on is kept, and the two texts are a clash to ask about.
    mine = theirs.model_copy(update={"away": base.away.model_copy(update={"text": "민호: 곧 와요!"})})
    merged, clash = merge_edits(base, theirs, mine)
    assert clash and merged.away.enabled and merged.away.text == "민호: 곧 와요!"
    # Both typed the same words: nothing to ask.
    same = theirs.model_copy(update={"away": theirs.away.model_copy()})
    assert merge_edits(base, theirs, same) == (same, False)
