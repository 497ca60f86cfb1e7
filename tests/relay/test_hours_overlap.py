"""The relay refuses business (or away) hours that give one time twice, so a hand-made request cannot
store them; a week stored so before keeps running, and a save of another part still goes."""

from __future__ import annotations

from typing import Any

from app.wire import Automations
from tests.support.relay_server import RunningRelay

OVERLAP = [
    {"mode": "open", "ranges": [{"start": "09:00", "end": "13:00"}, {"start": "12:00", "end": "18:00"}]},
    *[{"mode": "open", "ranges": [{"start": "09:00", "end": "18:00"}]}] * 4,
    {"mode": "closed"},
    {"mode": "closed"},
]


def put(relay: RunningRelay, **changes: Any) -> Any:
    current = relay.client.get(f"{relay.url}/v1/automations", headers=relay.auth()).json()
    doc = Automations.model_validate({**current, **changes}).model_dump(mode="json")
    return relay.client.put(
        f"{relay.url}/v1/automations",
        json=doc,
        headers={**relay.auth(), "If-Match": str(current["revision"])},
    )


def test_overlapping_business_hours_are_refused_with_their_code_and_nothing_is_stored(
    relay: RunningRelay,
) -> None:
    r = put(relay, business_hours={"timezone": "Asia/Seoul", "week": OVERLAP})
    assert r.status_code == 400
    error = r.json()["error"]
    assert error["code"] == "overlapping_hours"
    assert error["params"] == {
        "part": "business_hours",
        "weekday": 0,
        "first": "09:00-13:00",
        "second": "12:00-18:00",
    }
    served = relay.client.get(f"{relay.url}/v1/automations", headers=relay.auth()).json()
    assert served["revision"] == 0
    assert not [e for e in relay.events()["events"] if e["kind"] == "settings"]


def test_a_night_running_into_the_next_mornings_away_hours_is_refused_too(relay: RunningRelay) -> None:
    custom: list[dict[str, Any]] = [{"mode": "closed"}] * 7
    custom[6] = {"mode": "open", "ranges": [{"start": "20:00", "end": "08:00"}]}  # Sunday night
    custom[0] = {"mode": "open", "ranges": [{"start": "07:00", "end": "09:00"}]}  # into Monday's 07:00
    r = put(relay, away={"enabled": True, "text": "곧 답장드릴게요", "schedule": "custom", "custom": custom})
    assert r.status_code == 400
    assert r.json()["error"]["params"] == {
        "part": "away",
        "weekday": 6,
        "first": "20:00-08:00",
        "second": "07:00-09:00",
    }


def test_hours_that_only_touch_are_stored(relay: RunningRelay) -> None:
    week = [
        {"mode": "open", "ranges": [{"start": "09:00", "end": "13:00"}, {"start": "13:00", "end": "18:00"}]}
    ] * 7
    stored = relay.put_rules(business_hours={"timezone": "Asia/Seoul", "week": week})
    assert stored["revision"] == 1


def test_a_week_stored_with_overlaps_before_keeps_running_and_another_part_still_saves(
    relay: RunningRelay,
) -> None:
    # As an older relay stored it: the owner must not be stuck unable to change her greeting.
    old = Automations.model_validate({"business_hours": {"timezone": "Asia/Seoul", "week": OVERLAP}})
    relay.relay.store.kv.put_automations(old.model_dump(mode="json"), 0)
    stored = relay.put_rules(greeting={"enabled": True, "text": "안녕하세요!"})
    assert stored["revision"] == 2 and stored["business_hours"]["week"][0] == OVERLAP[0]
