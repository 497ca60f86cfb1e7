"""Campaigns run by the relay: consent, pace, the messaging limit, late failures, opt-outs, holds."""

from __future__ import annotations

import asyncio
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest

from app.wire import Campaign
from tests.support.fake_graph import (
    MEDIA_FETCH_DETAILS,
    MEDIA_SIZE_DETAILS,
    FakeGraph,
    graph_error,
    media_upload_error,
    run_fake_graph,
)
from tests.support.relay_campaigns import (
    SEOUL_AFTERNOON,
    campaign,
    control,
    post_campaign,
    recipient,
    set_clock,
    wait_for_state,
)
from tests.support.relay_process import relay_env, serve_process, wait_until
from tests.support.relay_server import CLIENT_TOKEN, RunningRelay, envelope, inbound, run_relay
from tests.support.servers import free_port


@pytest.fixture
def graph() -> Iterator[FakeGraph]:
    with run_fake_graph() as fake:
        yield fake


@pytest.fixture
def relay(tmp_path: Path, graph: FakeGraph, storage: str | None) -> Iterator[RunningRelay]:
    with run_relay(tmp_path, graph_url=graph.url, database_url=storage, campaign_poll=0.05) as running:
        graph.webhook_url = f"{running.url}/webhook"
        running.relay.clock = lambda: SEOUL_AFTERNOON
        yield running


def sent_to(graph: FakeGraph) -> Counter[str]:
    return Counter(str(body["to"]) for body in graph.sent if body.get("type") == "template")


def all_events(running: RunningRelay) -> list[dict[str, Any]]:
    """Every event stored so far. On PostgreSQL a page stops below any event writer still in flight
    (its newest committed neighbours wait for it), so an empty page is followed by a short long poll:
    the writer's commit wakes it with what was held back."""
    found: list[dict[str, Any]] = []
    cursor = 0
    while True:
        page = running.events(cursor, limit=1000)
        if not page["events"]:
            page = running.events(cursor, wait=0.3, limit=1000)
            if not page["events"]:
                return found
        found += page["events"]
        cursor = page["next"]


def test_a_campaign_to_a_thousand_reaches_exactly_the_consenting_at_its_pace_despite_429s_and_late_failures(
    relay: RunningRelay, graph: FakeGraph
) -> None:
    people = [f"8210{5000_0000 + i:08d}" for i in range(1000)]
    recipients = [recipient(p) for p in people]
    for i in range(0, 1000, 40):
        recipients[i] = recipient(people[i], notifications=False)  # never agreed to notifications
    for i in range(7, 1000, 50):
        recipients[i] = recipient(people[i], marketing=False)
    american = "12025550143"
    recipients.append(recipient(american))
    refused = {people[i] for i in range(0, 1000, 40)} | {people[i] for i in range(7, 1000, 50)} | {american}
    late = {people[3]: 131049, people[5]: 131050, people[9]: 130472}
    graph.late_failures.update(late)
    graph.throughput = 25  # Graph answers 429 (130429) beyond 25 messages a second
    # A busy machine may never send faster than that (PostgreSQL under load: about 17 a second), so
    # Graph also answers its first sends 429 whatever the speed.
    graph.script.extend(graph_error(429, 130429, "Rate limit hit") for _ in range(3))

    post_campaign(relay, "thousand", recipients, pace=30)
    done = wait_for_state(relay, "thousand", "done", timeout=300)

    delivered = sent_to(graph)
    assert set(delivered) == set(people) - refused
    assert max(delivered.values()) == 1  # nobody twice, 429s and all
    assert graph.script == []  # the 429s were met, and their customers are in `delivered` once
    window = graph.sent_times
    busiest = max(sum(1 for t in window[i:] if t - start < 1.0) for i, start in enumerate(window))
    assert busiest <= 30 + 1  # never faster than the configured pace

    def late_failures_matched() -> bool:
        rows = {r.wa_id: r for r in campaign(relay, "thousand", recipients=True).recipients or []}
        return all(rows[wa_id].state == "failed" for wa_id in late)

    wait_until(late_failures_matched, 30, "the late failed statuses to reach their recipients")
    rows = {r.wa_id: r for r in campaign(relay, "thousand", recipients=True).recipients or []}
    assert {wa_id: (rows[wa_id].error_code, rows[wa_id].reason) for wa_id in late} == {
        people[3]: (131049, "marketing_limited"),
        people[5]: (131050, "user_stopped_marketing"),
        people[9]: (130472, "marketing_experiment"),
    }
    assert rows[american].reason == "us_marketing" and rows[people[0]].reason == "no_consent"
    assert rows[people[7]].reason == "no_marketing_consent"
    assert done.counts["skipped"] == len(refused)
    events = all_events(relay)
    outbound = [e for e in events if e["kind"] == "outbound" and e["sent_by"] == "campaign"]
    assert len(outbound) == len(delivered) and {e["campaign_id"] for e in outbound} == {"thousand"}
    assert {e["client_id"] for e in outbound} == {f"campaign:thousand:{p}" for p in delivered}
    # 131050: the customer stopped marketing in WhatsApp, so the relay records Meta's opt-out.
    opted = [e for e in events if e["kind"] == "contact" and e.get("opted_out_at")]
    assert [(e["contact"]["wa_id"], e["reason"]) for e in opted] == [(people[5], "meta_stop")]
    assert [e for e in events if e["kind"] == "campaign"][-1]["state"] == "done"


def runner_looks(running: RunningRelay, times: int = 3) -> None:
    """Wait until the campaign runner has looked for work `times` more times (it found nothing to do)."""
    runner = running.relay.campaigns
    target = runner.ticks + times
    runner.poke()
    wait_until(lambda: runner.ticks >= target, 30, "the campaign runner to look again")


def test_a_runner_that_listed_a_campaign_before_it_was_paused_leaves_it_paused(
    relay: RunningRelay, graph: FakeGraph
) -> None:
    """The runner reads the runnable campaigns, then claims each: one paused (or finished) between the
    two is not run again, so it never turns back to running and never sends."""
    people = [f"8210777701{i:02d}" for i in range(3)]
    post_campaign(relay, "listed", [recipient(p) for p in people], start_at="2027-01-01T00:00:00Z")
    control(relay, "listed", "pause")
    before = [e for e in all_events(relay) if e["kind"] == "campaign"]
    # What the runner does with a campaign its stale list still named: claim it and run it.
    runner = relay.relay.campaigns
    loop = next(iter(relay.relay.tasks)).get_loop()  # the relay's own event loop
    asyncio.run_coroutine_threadsafe(runner._run("listed"), loop).result(timeout=30)

    assert campaign(relay, "listed").state == "paused"
    assert graph.sent == []
    assert [e for e in all_events(relay) if e["kind"] == "campaign"] == before


def test_the_messaging_limit_holds_a_campaign_until_the_oldest_counted_send_is_a_day_old(
    relay: RunningRelay, graph: FakeGraph
) -> None:
    # A small limit keeps the story short; Graph's tiers (TIER_250, TIER_2K…) are read the same way.
    graph.numbers["106540352242922"]["whatsapp_business_manager_messaging_limit"] = "TIER_10"
    regular_a, regular_b = "821077770001", "821077770002"
    for regular in (regular_a, regular_b):  # they wrote today: their window is open, they cost nothing
        relay.post_webhook(inbound("text", "재입고 되나요?", sender=regular))
    order_notice = {
        "to": "821077779999",
        "type": "template",
        "template": {"name": "order_shipped", "language": {"code": "ko"}},
    }
    assert relay.send(order_notice, "order-notice-1").status_code == 200  # counts: one of ten
    closed = [f"8210777780{i:02d}" for i in range(10)]

    post_campaign(
        relay, "limited", [recipient(p) for p in [regular_a, regular_b, *closed]], category="UTILITY"
    )
    waiting = wait_for_state(relay, "limited", "waiting_for_limit")

    assert waiting.reason == "messaging_limit"
    assert waiting.waiting_until == SEOUL_AFTERNOON + timedelta(hours=24)
    # Nine of the ten whose window is closed fit beside the order notice; the two regulars were free.
    # (The sends overlap: a regular's send may start after the tenth closed one found the limit full.)
    free = {"821077779999", regular_a, regular_b}
    wait_until(
        lambda: free <= set(sent_to(graph)) and len(set(sent_to(graph)) & set(closed)) >= 9,
        30,
        "the sends already on their way",
    )
    sent = set(sent_to(graph))
    assert len(sent & set(closed)) == 9
    (left,) = set(closed) - sent
    set_clock(relay, SEOUL_AFTERNOON + timedelta(hours=23, minutes=59))
    runner_looks(relay)
    assert campaign(relay, "limited").state == "waiting_for_limit"
    assert left not in sent_to(graph)

    set_clock(relay, SEOUL_AFTERNOON + timedelta(hours=24, seconds=1))
    done = wait_for_state(relay, "limited", "done")
    assert done.counts == {"sent": 12}
    assert max(sent_to(graph).values()) == 1


def test_a_whole_message_stop_or_the_opt_out_button_opts_out_but_a_sentence_with_그만_does_not(
    relay: RunningRelay, graph: FakeGraph
) -> None:
    said_stop, said_enough, tapped, meta_stopped = (
        "821066660001",
        "821066660002",
        "821066660003",
        "821066660004",
    )
    relay.post_webhook(inbound("text", " 수신 거부!! 🙏", sender=said_stop))
    relay.post_webhook(inbound("text", "그만큼 좋아요", sender=said_enough))
    relay.post_webhook(inbound("button", {"payload": "STOP_PROMO", "text": "Stop promotions"}, sender=tapped))

    def opt_outs() -> dict[str, str | None]:
        return {
            e["contact"]["wa_id"]: e["reason"] if e.get("opted_out_at") else None
            for e in all_events(relay)
            if e["kind"] == "contact" and "opted_out_at" in e
        }

    wait_until(lambda: len(opt_outs()) == 2, 30, "two opt-outs")
    assert opt_outs() == {said_stop: "keyword", tapped: "button"}  # "그만큼" is no stop
    wait_until(lambda: len(graph.sent) == 2, 30, "the two confirmations")
    confirmed = {body["to"]: body["text"]["body"] for body in graph.sent}
    assert set(confirmed) == {said_stop, tapped} and "수신" in confirmed[said_stop]

    # Meta's "resumed" clears only its own stop, never the customer's own word.
    preference = {
        "contacts": [{"wa_id": said_stop, "profile": {"name": "A"}}],
        "user_preferences": [
            {
                "wa_id": said_stop,
                "category": "marketing_messages",
                "value": "resume",
                "timestamp": 1764300000,
            },
            {
                "wa_id": meta_stopped,
                "category": "marketing_messages",
                "value": "stop",
                "timestamp": 1764300000,
            },
        ],
    }
    assert relay.post_webhook(envelope(preference, "user_preferences")).status_code == 200
    assert opt_outs()[meta_stopped] == "meta_stop" and opt_outs()[said_stop] == "keyword"

    people = [said_stop, said_enough, tapped, meta_stopped]
    post_campaign(relay, "after-opt-outs", [recipient(p) for p in people])
    done = wait_for_state(relay, "after-opt-outs", "done")
    rows = {r.wa_id: r for r in campaign(relay, "after-opt-outs", recipients=True).recipients or []}
    assert {p: rows[p].reason for p in people} == {
        said_stop: "opted_out",
        said_enough: None,
        tapped: "opted_out",
        meta_stopped: "opted_out",
    }
    assert done.counts == {"sent": 1, "skipped": 3}


def test_a_template_meta_pauses_pauses_its_campaign_until_the_owner_resumes(
    relay: RunningRelay, graph: FakeGraph
) -> None:
    people = [f"8210888800{i:02d}" for i in range(12)]
    post_campaign(relay, "paused-template", [recipient(p) for p in people], pace=4)
    wait_until(lambda: len(graph.sent) >= 2, 30, "the first sends")
    paused = {
        "event": "PAUSED",
        "message_template_id": 123456,
        "message_template_name": "winter_sale",
        "message_template_language": "ko",
        "reason": "LOW_QUALITY",
    }
    assert relay.post_webhook(envelope(paused, "message_template_status_update")).status_code == 200

    stopped = wait_for_state(relay, "paused-template", "paused")
    assert stopped.reason == "template_paused"
    runner_looks(relay)
    so_far = len(graph.sent)
    runner_looks(relay)
    assert len(graph.sent) == so_far < len(people)

    control(relay, "paused-template", "resume")
    wait_for_state(relay, "paused-template", "done")
    assert set(sent_to(graph)) == set(people) and max(sent_to(graph).values()) == 1


def test_a_hand_built_marketing_campaign_skips_us_numbers_but_not_canadas_or_the_caribbeans(
    relay: RunningRelay, graph: FakeGraph
) -> None:
    washington, toronto, kingston = "12025550143", "14165550143", "18765550143"  # no `country` given
    post_campaign(relay, "plus-one", [recipient(washington), recipient(toronto), recipient(kingston)])

    done = wait_for_state(relay, "plus-one", "done")
    assert done.counts == {"sent": 2, "skipped": 1}
    assert set(sent_to(graph)) == {toronto, kingston}
    rows = {r.wa_id: r for r in campaign(relay, "plus-one", recipients=True).recipients or []}
    assert rows[washington].reason == "us_marketing"


def test_sends_meta_holds_while_pacing_a_new_template_are_pending_until_released_never_failed_or_resent(
    relay: RunningRelay, graph: FakeGraph
) -> None:
    graph.paced["winter_sale"] = 2  # Meta sends the first two, then holds the rest for feedback
    people = [f"8210777700{i:02d}" for i in range(6)]
    post_campaign(relay, "paced", [recipient(p) for p in people])

    finished = wait_for_state(relay, "paced", "done")
    assert finished.counts == {"sent": 2, "pending": 4}
    states = {r.wa_id: r.state for r in campaign(relay, "paced", recipients=True).recipients or []}
    assert sorted(states.values()) == ["pending"] * 4 + ["sent"] * 2
    # What the desktops hear: the campaign's last event says four wait on Meta, none failed.
    last = [e for e in all_events(relay) if e["kind"] == "campaign"][-1]
    assert last["state"] == "done" and last["counts"].get("pending") == 4 and "failed" not in last["counts"]

    assert graph.release_held(good_quality=True) == 4
    wait_until(
        lambda: campaign(relay, "paced").counts == {"sent": 6}, 30, "Meta's released sends to count as sent"
    )
    last = [e for e in all_events(relay) if e["kind"] == "campaign"][-1]
    assert last["counts"] == {"sent": 6}
    assert set(sent_to(graph)) == set(people) and max(sent_to(graph).values()) == 1


def test_sends_meta_drops_after_pacing_fail_as_template_paused(relay: RunningRelay, graph: FakeGraph) -> None:
    graph.paced["winter_sale"] = 1
    people = [f"8210777800{i:02d}" for i in range(3)]
    post_campaign(relay, "dropped", [recipient(p) for p in people])
    wait_for_state(relay, "dropped", "done")

    assert graph.release_held(good_quality=False) == 2
    wait_until(lambda: campaign(relay, "dropped").counts == {"sent": 1, "failed": 2}, 30, "the drops")
    failed = [r for r in campaign(relay, "dropped", recipients=True).recipients or [] if r.state == "failed"]
    assert {(r.error_code, r.reason) for r in failed} == {(132015, "template_paused")}
    assert max(sent_to(graph).values()) == 1


def test_a_header_file_whatsapp_refused_keeps_which_cause_graph_meant_for_the_report(
    relay: RunningRelay, graph: FakeGraph
) -> None:
    """131053 at once (the file is too large) and later (WhatsApp could not fetch it): each failed
    recipient is served with the cause, as the chat's message is; any other failure with none."""
    people = [f"8210777900{i:02d}" for i in range(3)]
    gone = "821077790099"
    for wa_id in people:
        graph.late_failures[wa_id] = (131053, MEDIA_FETCH_DETAILS)
    graph.late_failures[gone] = 131026
    # Whichever send reaches Graph first is refused at once: its file is too large.
    graph.script.append(media_upload_error(MEDIA_SIZE_DETAILS))
    post_campaign(relay, "pictures", [recipient(p) for p in people])
    wait_for_state(relay, "pictures", "done")
    post_campaign(relay, "undeliverable", [recipient(gone)])
    wait_for_state(relay, "undeliverable", "done")

    def failures() -> Counter[tuple[str, int | None, str | None]]:
        rows = campaign(relay, "pictures", recipients=True).recipients or []
        return Counter((r.state, r.error_code, r.graph_cause) for r in rows)

    wait_until(lambda: failures()[("failed", 131053, "media_fetch_failed")] == 2, 30, "the late failures")
    assert failures() == Counter(
        {("failed", 131053, "media_too_large"): 1, ("failed", 131053, "media_fetch_failed"): 2}
    )
    wait_until(lambda: campaign(relay, "undeliverable").counts == {"failed": 1}, 30, "the undeliverable send")
    (row,) = campaign(relay, "undeliverable", recipients=True).recipients or []
    assert (row.error_code, row.reason, row.graph_cause) == (131026, "undeliverable", None)
    # The field is served beside error_code; a report without recipients stays as it was.
    answer = relay.client.get(
        f"{relay.url}/v1/campaigns/pictures", params={"recipients": "true"}, headers=relay.auth()
    ).json()
    assert {r["graph_cause"] for r in answer["recipients"]} == {"media_too_large", "media_fetch_failed"}
    assert graph.send_calls == 4  # each once: the refusal is final, not retried


def test_marketing_to_korean_customers_waits_for_eight_in_the_morning_without_night_consent(
    relay: RunningRelay, graph: FakeGraph
) -> None:
    ten_pm_in_seoul = datetime(2026, 11, 30, 13, 0, tzinfo=UTC)
    set_clock(relay, ten_pm_in_seoul)
    sleeping, night_owl, in_tokyo = "821099990001", "821099990002", "819099990003"
    recipients = [recipient(sleeping), recipient(night_owl, night=True), recipient(in_tokyo)]

    post_campaign(relay, "night", recipients)
    wait_until(lambda: len(graph.sent) == 2, 30, "the sends that may go at night")
    assert set(sent_to(graph)) == {night_owl, in_tokyo}
    held = {r.wa_id: r for r in campaign(relay, "night", recipients=True).recipients or []}[sleeping]
    assert held.state == "held" and held.held_until == datetime(2026, 11, 30, 23, 0, tzinfo=UTC)  # 08:00 KST

    set_clock(relay, datetime(2026, 11, 30, 23, 0, tzinfo=UTC))
    wait_for_state(relay, "night", "done")
    assert set(sent_to(graph)) == {sleeping, night_owl, in_tokyo}


def test_a_paused_campaign_sends_nothing_until_resumed_and_then_everyone_once(
    relay: RunningRelay, graph: FakeGraph
) -> None:
    people = [f"8210444400{i:02d}" for i in range(15)]
    post_campaign(relay, "pause-me", [recipient(p) for p in people], pace=5)
    wait_until(lambda: len(graph.sent) >= 1, 30, "the first send")
    assert control(relay, "pause-me", "pause").state == "paused"
    so_far = len(graph.sent)
    runner_looks(relay, 5)
    assert len(graph.sent) <= so_far + 4  # at most the sends already on their way (4 overlap at this pace)
    held_back = len(graph.sent)
    runner_looks(relay, 5)
    assert len(graph.sent) == held_back < len(people)

    assert control(relay, "pause-me", "resume").state in ("running", "done")
    done = wait_for_state(relay, "pause-me", "done")
    assert done.counts == {"sent": 15}
    assert set(sent_to(graph)) == set(people) and max(sent_to(graph).values()) == 1
    # Five a second, not faster: the sends after the resume start on 0.2 s beats (each arrival
    # at the fake Graph may lag its beat by a busy moment, hence the slack of one beat).
    after = graph.sent_times[held_back:]
    assert after[-1] - after[0] >= (len(after) - 1) / 5 - 0.2


def test_posting_a_campaign_again_is_one_campaign_and_another_campaign_under_its_id_is_refused(
    relay: RunningRelay, graph: FakeGraph
) -> None:
    first = post_campaign(relay, "same-id", [recipient("821033330001")], start_at="2027-01-01T00:00:00Z")
    again = post_campaign(relay, "same-id", [recipient("821033330001")], start_at="2027-01-01T00:00:00Z")
    assert first.state == again.state == "scheduled" and again.created_at == first.created_at
    other = {
        "id": "same-id",
        "name": "다른 캠페인",
        "template": {"name": "other", "language": "ko", "category": "UTILITY"},
        "recipients": [recipient("821033330002")],
    }
    answer = relay.client.post(f"{relay.url}/v1/campaigns", json=other, headers=relay.auth())
    assert answer.status_code == 409 and answer.json()["error"]["code"] == "campaign_conflict"
    assert control(relay, "same-id", "cancel").state == "cancelled"
    finished = relay.client.post(f"{relay.url}/v1/campaigns/same-id/resume", headers=relay.auth())
    assert finished.status_code == 409 and finished.json()["error"]["code"] == "campaign_finished"
    assert campaign(relay, "same-id").counts == {"skipped": 1}
    assert graph.sent == []


@pytest.mark.slow
def test_a_campaign_killed_three_times_completes_with_everyone_sent_once_or_marked_unknown(
    tmp_path: Path, graph: FakeGraph, storage: str | None
) -> None:
    database = storage or f"sqlite:///{tmp_path / 'relay.db'}"
    # Short leases: a killed worker's campaign and in-flight sends are taken over within a second.
    env = relay_env(database, graph.url, RELAY_SEND_LEASE_SECONDS="1", RELAY_CAMPAIGN_LEASE_SECONDS="1")
    port = free_port()
    people = [f"8210555500{i:02d}" if i < 100 else f"821055551{i:03d}" for i in range(240)]
    body = {
        "id": "survivor",
        "name": "배송 안내",
        "template": {"name": "shipping_update", "language": "ko", "category": "UTILITY"},
        "recipients": [recipient(p) for p in people],
        "pace_per_second": 40,
    }
    headers = {"Authorization": f"Bearer {CLIENT_TOKEN}"}
    for kill_after in (40, 100, 160, None):
        with serve_process(tmp_path / "serve.log", port, env) as serve:
            if kill_after == 40:
                assert httpx.post(f"{serve.url}/v1/campaigns", json=body, headers=headers).status_code == 201
            if kill_after is None:

                def finished() -> bool:
                    found = httpx.get(f"{serve.url}/v1/campaigns/survivor", headers=headers).json()
                    return bool(found["state"] == "done")

                wait_until(finished, 120, "the campaign to finish after three kills")
                answer = httpx.get(
                    f"{serve.url}/v1/campaigns/survivor", params={"recipients": "true"}, headers=headers
                )
                final = Campaign.model_validate(answer.json())
                break
            wait_until(lambda n=kill_after: len(graph.sent) >= n, 120, f"{kill_after} sends")
            serve.kill()  # SIGKILL, mid-run

    delivered = sent_to(graph)
    assert max(delivered.values()) == 1  # nobody got it twice
    states = {r.wa_id: r.state for r in final.recipients or []}
    assert set(states.values()) <= {"sent", "unknown"}
    # "sent" only when Graph has it; whoever Graph never got is "unknown", never resent or lost.
    assert {p for p, s in states.items() if s == "sent"} <= set(delivered)
    assert {p for p in people if p not in delivered} <= {p for p, s in states.items() if s == "unknown"}


@pytest.mark.slow
@pytest.mark.postgresql
def test_with_two_workers_one_runs_the_campaign_and_nobody_gets_it_twice(
    tmp_path: Path, graph: FakeGraph, pg_database: str | None
) -> None:
    if pg_database is None:
        pytest.skip("RELAY_TEST_PG_URL not set (bash .ci/run starts PostgreSQL)")
    from tests.relay.conftest import _fresh_pg

    env = relay_env(_fresh_pg(pg_database), graph.url)
    people = [f"8210666600{i:02d}" for i in range(80)]
    body = {
        "id": "two-workers",
        "name": "배송 안내",
        "template": {"name": "shipping_update", "language": "ko", "category": "UTILITY"},
        "recipients": [recipient(p) for p in people],
        "pace_per_second": 40,
    }
    headers = {"Authorization": f"Bearer {CLIENT_TOKEN}"}
    with serve_process(tmp_path / "serve.log", free_port(), env, workers=2) as serve:
        assert httpx.post(f"{serve.url}/v1/campaigns", json=body, headers=headers).status_code == 201

        def finished() -> bool:
            found = httpx.get(f"{serve.url}/v1/campaigns/two-workers", headers=headers).json()
            return bool(found["state"] == "done")

        wait_until(finished, 120, "the campaign to finish")
        runners = {
            line.split("worker=")[1].split()[0]
            for line in serve.log().splitlines()
            if "campaign sending" in line
        }
    assert set(sent_to(graph)) == set(people) and max(sent_to(graph).values()) == 1
    assert len(runners) == 1  # one worker held the campaign from start to end


def test_a_late_failure_that_overtakes_the_sends_own_answer_is_kept(tmp_path: Any) -> None:
    """Meta's failed status can reach the relay before the send's own 200 is recorded: the
    recipient stays failed, with the send's wamid kept."""
    from app.wire import NewCampaign
    from relay.store import Store

    store = Store(f"sqlite:///{tmp_path / 'relay.db'}")
    try:
        new = NewCampaign.model_validate(
            {
                "id": "race",
                "name": "겨울 세일",
                "template": {"name": "winter_sale", "language": "ko", "category": "MARKETING"},
                "recipients": [recipient("821055551234"), recipient("821055556789")],
            }
        )
        store.campaigns.create(new, "sha", 0)
        for wa_id in ("821055551234", "821055556789"):
            store.campaigns.set_recipient("race", wa_id, "sending")
        key = "campaign:race:821055551234"
        assert store.campaigns.apply_status(key, None, "failed", 131049, "marketing_limited")
        store.campaigns.record_sent("race", "821055551234", "sent", wamid="wamid.A", sent_ms=1)
        assert store.campaigns.apply_status("campaign:race:821055556789", None, "read", None, None)
        store.campaigns.record_sent("race", "821055556789", "sent", wamid="wamid.B", sent_ms=2)
        found = store.campaigns.get("race", with_recipients=True)
        assert found is not None
        rows = {r.wa_id: r for r in found.recipients or []}
        assert (rows["821055551234"].state, rows["821055551234"].error_code) == ("failed", 131049)
        assert rows["821055551234"].graph_cause is None
        assert rows["821055556789"].state == "read"
    finally:
        store.close()
