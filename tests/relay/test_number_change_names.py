"""A customer's name is the one WhatsApp sent with her newest message, by its own time: not the one
of whichever webhook Meta delivered last, also when her two numbers' rows are merged."""

from __future__ import annotations

import time
from typing import Any

import pytest

from tests.support.relay_server import RunningRelay, changed_number, inbound

OLD = "821055501234"
NEW = "821055509876"
OLD_NAME = "Minsu"  # the name her phone had
NEW_NAME = "김민수"  # the name she gave herself since


def _contact_events(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [e for e in events if e["kind"] == "contact"]


@pytest.mark.parametrize("delivered_first", ["old_number", "new_number"])
@pytest.mark.parametrize("newest_from", ["old_number", "new_number"])
def test_her_merged_row_keeps_the_name_of_her_newest_message_whichever_webhook_came_first(
    relay: RunningRelay, newest_from: str, delivered_first: str
) -> None:
    # She wrote from both numbers before WhatsApp moved her account (a phone with two SIMs): her
    # message from the new number is stored before the notice of the change, so the notice merges
    # her old number's row into the new number's.
    now = int(time.time())
    older, newer = now - 120, now - 60
    old_message = inbound(
        "text",
        "주문했어요",
        sender=OLD,
        name=NEW_NAME if newest_from == "old_number" else OLD_NAME,
        timestamp=newer if newest_from == "old_number" else older,
    )
    new_message = inbound(
        "text",
        "새 번호예요",
        sender=NEW,
        name=NEW_NAME if newest_from == "new_number" else OLD_NAME,
        timestamp=newer if newest_from == "new_number" else older,
    )
    first, second = (
        (old_message, new_message) if delivered_first == "old_number" else (new_message, old_message)
    )
    assert relay.post_webhook(first).status_code == 200
    assert relay.post_webhook(second).status_code == 200
    assert relay.post_webhook(changed_number(OLD, NEW)).status_code == 200

    merged = relay.relay.store.contacts.get(NEW)
    assert merged is not None and merged.profile_name == NEW_NAME
    assert relay.relay.store.contacts.get(OLD) is None
    # Each desktop hears the name with the change, so its merge of her two chats shows it too.
    [change] = [e for e in _contact_events(relay.events()["events"]) if e.get("previous_wa_id")]
    assert change["contact"] == {"wa_id": NEW, "profile": {"name": NEW_NAME}}

    # Her next message under that name is no news of a new name.
    seen = relay.events()["next"]
    assert relay.post_webhook(inbound("text", "언제 와요?", sender=NEW, name=NEW_NAME)).status_code == 200
    assert [e["kind"] for e in relay.wait_for_events(1, after=seen)] == ["message"]


def test_a_late_delivery_under_her_old_name_neither_renames_her_nor_tells_the_desktops(
    relay: RunningRelay,
) -> None:
    now = int(time.time())
    assert (
        relay.post_webhook(
            inbound("text", "안녕하세요", sender=OLD, name=OLD_NAME, timestamp=now - 300)
        ).status_code
        == 200
    )
    assert (
        relay.post_webhook(
            inbound("text", "이름 바꿨어요", sender=OLD, name=NEW_NAME, timestamp=now - 60)
        ).status_code
        == 200
    )
    events = relay.wait_for_events(3)
    assert _contact_events(events)[0]["contact"] == {"wa_id": OLD, "profile": {"name": NEW_NAME}}

    # Meta delivers a message she sent in between hours late (an outage on its side): under the
    # name her phone had then.
    late = inbound("text", "배송비는요?", sender=OLD, name=OLD_NAME, timestamp=now - 120)
    assert relay.post_webhook(late).status_code == 200
    assert [e["kind"] for e in relay.wait_for_events(1, after=events[-1]["seq"])] == ["message"]
    stored = relay.relay.store.contacts.get(OLD)
    assert stored is not None and stored.profile_name == NEW_NAME


def test_a_number_change_with_no_row_under_her_new_number_keeps_her_name(relay: RunningRelay) -> None:
    assert relay.post_webhook(inbound("text", "주문했어요", sender=OLD, name=NEW_NAME)).status_code == 200
    assert relay.post_webhook(changed_number(OLD, NEW)).status_code == 200
    moved = relay.relay.store.contacts.get(NEW)
    assert moved is not None and moved.profile_name == NEW_NAME
    [change] = [e for e in _contact_events(relay.events()["events"]) if e.get("previous_wa_id")]
    assert change["contact"] == {"wa_id": NEW, "profile": {"name": NEW_NAME}}
