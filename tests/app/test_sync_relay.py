"""The sync engine against the real relay on loopback (with the fake Graph): what reaches the inbox."""

from __future__ import annotations

import logging
import math
import os
import random
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from app.apply_process import ApplyProcess
from app.db import Database
from app.engine import POLL_THREAD, SyncEngine
from app.models import Contact, Message
from app.relay_client import RelayClient
from app.sending import queue_text
from app.sync import SyncWorker
from app.sync_apply import current_cursor
from app.thread_priority import BACKGROUND_NICE
from tests.support.engine_probe import EngineProbe, bodies, message_status, worker_with_a_catch_up_process
from tests.support.fake_graph import FakeGraph
from tests.support.full_disk import inbox_read_only, limit_the_inbox_file, page_count
from tests.support.relay_server import RunningRelay, envelope, inbound, run_relay, status, wamid


@pytest.fixture
def probe() -> EngineProbe:
    return EngineProbe()


@pytest.fixture
def engine_for(db: Database, tmp_path: Path, probe: EngineProbe) -> Iterator[Any]:
    engines: list[SyncEngine] = []

    def make(relay: RunningRelay, token: str | None = None, **options: Any) -> SyncEngine:
        options.setdefault("poll_wait", 1.5)
        options.setdefault("retry_base", 0.05)
        options.setdefault("retry_cap", 0.5)
        engine = SyncEngine(
            db,
            relay.url,
            relay.token if token is None else token,
            tmp_path / "media",
            on_changed=probe.on_changed,
            on_state=probe.on_state,
            **options,
        )
        engines.append(engine)
        engine.start()
        return engine

    yield make
    for engine in engines:
        engine.stop()


def count(db: Database, *where: Any) -> int:
    with db.read() as s:
        return int(s.scalar(select(func.count()).select_from(Message).where(*where)) or 0)


def cursor(db: Database) -> int:
    with db.read() as s:
        return current_cursor(s)


def customer(db: Database) -> int:
    with db.read() as s:
        return int(s.scalars(select(Contact.id)).one())


def test_a_webhook_posted_to_the_relay_reaches_the_desktop_database(
    db: Database, relay: RunningRelay, engine_for: Any, probe: EngineProbe
) -> None:
    engine_for(relay)
    assert relay.post_webhook(inbound(content="린넨 셔츠 재고 있나요?", name="김민수")).status_code == 200
    probe.wait_until(lambda: count(db) == 1)
    with db.read() as s:
        contact_id, name, unread = s.execute(
            select(Contact.id, Contact.profile_name, Contact.unread_count)
        ).one()
    assert (name, unread) == ("김민수", 1)
    assert bodies(db) == ["린넨 셔츠 재고 있나요?"]
    assert {contact_id} in probe.changed
    assert "online" in probe.state_names


def test_stop_returns_without_waiting_out_the_long_poll(
    db: Database, relay: RunningRelay, engine_for: Any, probe: EngineProbe
) -> None:
    engine = engine_for(relay, poll_wait=30.0)
    probe.wait_until(lambda: "online" in probe.state_names)
    started = time.monotonic()
    engine.stop()
    # Waiting for the relay's answer would take the poll's 30 s: a bound of seconds far under it
    # guards that hang and leaves a busy machine its scheduling.
    assert time.monotonic() - started < 10


def test_a_stop_during_a_parked_long_poll_cuts_it_and_a_message_sent_meanwhile_comes_next_start(
    db: Database, relay: RunningRelay, engine_for: Any, probe: EngineProbe
) -> None:
    """Quitting while the relay holds the poll: the sync thread ends at once (waiting for the relay's
    answer would take the poll's 30 s), and what the relay got meanwhile is not lost."""
    engine = engine_for(relay, poll_wait=30.0)
    # Online, then polling again: the relay holds that poll (no event to answer with).
    probe.wait_until(lambda: "online" in probe.state_names and engine.worker.in_long_poll.is_set())
    probe.wait_until(lambda: relay.relay.feed.open_polls == 1)
    poll = next(thread for thread in engine._threads if thread.name == POLL_THREAD)
    engine.stop()
    poll.join(timeout=10)  # far under the poll's 30 s: the hang it guards, with room for a busy machine
    assert not poll.is_alive()
    assert cursor(db) == 0
    assert relay.post_webhook(inbound(content="문 닫으셨어요?", name="이수진")).status_code == 200
    engine_for(relay)
    probe.wait_until(lambda: count(db) == 1)
    assert bodies(db) == ["문 닫으셨어요?"]


@pytest.mark.parametrize("seed", [1, 2])
def test_statuses_in_any_order_end_at_the_right_tick(
    db: Database, relay: RunningRelay, graph: FakeGraph, engine_for: Any, probe: EngineProbe, seed: int
) -> None:
    engine = engine_for(relay)
    relay.post_webhook(inbound(content="hi"))
    probe.wait_until(lambda: count(db) == 1)
    with db.write() as s:
        mid = queue_text(s, customer(db), "Yes, size M is in stock").id
    engine.wake_sender()
    probe.wait_until(lambda: message_status(db, mid) == "sent")
    with db.read() as s:
        wamid = s.get(Message, mid).wamid  # type: ignore[union-attr]
    assert wamid and graph.sent[-1]["text"]["body"] == "Yes, size M is in stock"
    ticks = ["delivered", "read", "sent"]
    random.Random(seed).shuffle(ticks)
    for tick in ticks:
        assert relay.post_webhook(status(wamid, tick)).status_code == 200
    probe.wait_until(lambda: message_status(db, mid) == "read")
    last_seq = relay.relay.store.events.last_seq()
    probe.wait_until(lambda: cursor(db) == last_seq)
    assert message_status(db, mid) == "read"
    assert count(db, Message.direction == "out") == 1


def test_the_relay_stopped_and_restarted_mid_sync_loses_and_doubles_nothing(
    db: Database, relay: RunningRelay, engine_for: Any, probe: EngineProbe
) -> None:
    engine_for(relay)
    now = int(time.time())
    for i in range(5):
        relay.post_webhook(inbound(content=f"before {i}", timestamp=now - 100 + i))
    probe.wait_until(lambda: count(db) == 5)
    relay.stop()
    probe.wait_until(lambda: probe.state_names[-1] in ("reconnecting", "offline"))
    assert probe.states[-1].next_retry_at is not None
    # A message written while the relay is away waits as pending…
    with db.write() as s:
        mid = queue_text(s, customer(db), "sent while offline").id
    relay.start()
    for i in range(5):
        relay.post_webhook(inbound(content=f"after {i}", timestamp=now - 50 + i))
    probe.wait_until(lambda: count(db, Message.direction == "in") == 10)
    # …and goes out once the relay is back.
    probe.wait_until(lambda: message_status(db, mid) == "sent")
    assert probe.state_names[-1] == "online"
    assert bodies(db)[:10] == [f"before {i}" for i in range(5)] + [f"after {i}" for i in range(5)]
    with db.read() as s:
        assert s.scalar(select(func.count(func.distinct(Message.wamid)))) == 11


def test_a_send_that_timed_out_but_reached_the_relay_is_not_sent_twice(
    db: Database, tmp_path: Path, graph: FakeGraph, engine_for: Any, probe: EngineProbe
) -> None:
    (tmp_path / "slow-relay").mkdir()
    with run_relay(tmp_path / "slow-relay", graph_url=graph.url, graph_timeout=5.0) as relay:
        engine = engine_for(relay, send_timeout=0.3)
        relay.post_webhook(inbound(content="hi"))
        probe.wait_until(lambda: count(db) == 1)
        graph.script.append({"hang": 1.0})  # Graph takes longer than our send timeout, then answers
        with db.write() as s:
            mid = queue_text(s, customer(db), "only once please").id
        engine.wake_sender()
        probe.wait_until(lambda: message_status(db, mid) == "sent", timeout=20)
        last_seq = relay.relay.store.events.last_seq()
        probe.wait_until(lambda: cursor(db) >= last_seq)
    assert [m["text"]["body"] for m in graph.sent] == ["only once please"]
    assert count(db, Message.direction == "out") == 1


def test_a_wrong_token_stops_retrying_and_keeps_messages_pending(
    db: Database, relay: RunningRelay, graph: FakeGraph, engine_for: Any, probe: EngineProbe
) -> None:
    relay.post_webhook(inbound(content="hi"))
    good = engine_for(relay)
    probe.wait_until(lambda: count(db) == 1)
    good.stop()
    with db.write() as s:
        mid = queue_text(s, customer(db), "waits for the right token").id
    bad = engine_for(relay, token="not-the-token")
    probe.wait_until(lambda: probe.state_names[-1] == "unauthorised")
    for thread in bad._threads:
        thread.join(2.0)
        assert not thread.is_alive()  # nothing keeps knocking with a refused token
    assert message_status(db, mid) == "pending"
    assert graph.sent == []


def test_hostile_media_file_names_stay_inside_the_media_folder(
    db: Database, tmp_path: Path, relay: RunningRelay, graph: FakeGraph, engine_for: Any, probe: EngineProbe
) -> None:
    hostile = [
        "../../../evil.pdf",
        "..\\..\\boot.ini",
        "CON.pdf",
        "/etc/passwd",
        "a\x00b\nc.pdf",
        "x" * 500 + ".pdf",
    ]
    for i, name in enumerate(hostile):
        media_id = f"77{i:08d}"
        graph.add_media(media_id, f"file {i}".encode(), "application/pdf")
        doc = {"filename": name, "mime_type": "application/pdf", "sha256": "x=", "id": media_id}
        relay.post_webhook(inbound("document", doc, timestamp=1_795_000_000 + i))
    engine = engine_for(relay)
    probe.wait_until(lambda: count(db) == len(hostile))
    media_root = (tmp_path / "media").resolve()
    from app.models import Media

    with db.read() as s:
        ids = list(s.scalars(select(Media.id).order_by(Media.id)))
    for i, media_row in enumerate(ids):
        path = engine.fetch_media(media_row)
        assert path is not None and path.resolve().is_relative_to(media_root)
        assert path.read_bytes() == f"file {i}".encode()
        assert path.name.upper() != "CON.PDF" and len(path.name) <= 120
        assert engine.fetch_media(media_row) == path  # cached: no second download
    outside = [p for p in tmp_path.rglob("*") if p.is_file() and not p.resolve().is_relative_to(media_root)]
    assert not [p for p in outside if p.name in ("evil.pdf", "boot.ini", "passwd")]


def test_events_pruned_by_the_relay_show_a_history_gap_and_sync_goes_on(
    db: Database, relay: RunningRelay, engine_for: Any, probe: EngineProbe
) -> None:
    from datetime import timedelta

    from app.models import SyncState

    first = engine_for(relay)
    relay.post_webhook(inbound(content="seen"))
    probe.wait_until(lambda: count(db) == 1)
    first.stop()
    with db.read() as s:
        state = s.get(SyncState, 1)
        assert state is not None and state.updated_at is not None
        last_read = state.updated_at  # the laptop was closed after this
    for i in range(3):
        relay.post_webhook(inbound(content=f"missed {i}"))
    relay.relay.store.prune(timedelta(0))  # the laptop stayed closed past the retention period
    # Days pass: the relay's memory of its newest events (which could still serve them) has moved on.
    relay.stop()
    relay.start()
    engine_for(relay)
    probe.wait_until(lambda: "history_gap" in probe.state_names)
    # The notice can say from when messages may be missing: after the laptop last read the relay.
    gap = next(st for st in probe.states if st.value == "history_gap")
    assert gap.last_read_at == last_read
    with db.read() as s:
        state = s.get(SyncState, 1)
        assert state is not None and state.history_gap_at is not None
    relay.post_webhook(inbound(content="after the gap"))
    probe.wait_until(lambda: "after the gap" in bodies(db))
    assert "missed 0" not in bodies(db)


def test_a_new_relay_is_read_from_its_start_without_doubling_what_is_here(
    db: Database, relay: RunningRelay, engine_for: Any, probe: EngineProbe
) -> None:
    """The desktop's cursor is one this relay never handed out (the relay's database was replaced,
    or restored from a backup): the engine says so, reads the relay from its first event, and the
    messages this computer already had are not doubled. Nothing is marked missing."""
    from app.models import SyncState
    from app.sync_apply import set_cursor

    first = engine_for(relay)
    relay.post_webhook(inbound(content="already here"))
    probe.wait_until(lambda: count(db) == 1)
    first.stop()
    with db.write() as s:
        set_cursor(s, 10_000)  # from the relay before this one
    relay.post_webhook(inbound(content="on the new relay"))

    engine_for(relay)
    probe.wait_until(lambda: "relay_started_afresh" in probe.state_names)
    probe.wait_until(lambda: "on the new relay" in bodies(db))
    assert bodies(db) == ["already here", "on the new relay"]
    assert "history_gap" not in probe.state_names
    with db.read() as s:
        state = s.get(SyncState, 1)
        assert state is not None and state.history_gap_at is None


def test_after_a_new_relay_is_read_the_desktop_long_polls_again_while_the_notice_shows(
    db: Database, relay: RunningRelay, engine_for: Any, probe: EngineProbe, caplog: pytest.LogCaptureFixture
) -> None:
    """Until the owner closes "your relay started afresh", the engine waits on the relay as it does
    online, instead of asking again without waiting, hundreds of times a second."""
    from app.sync_apply import set_cursor

    with db.write() as s:
        set_cursor(s, 10_000)  # from the relay before this one
    relay.post_webhook(inbound(content="on the new relay"))
    with caplog.at_level(logging.INFO, logger="uvicorn.access"):
        engine_for(relay, poll_wait=1.5)
        probe.wait_until(lambda: "on the new relay" in bodies(db))
        assert probe.state_names[-1] == "relay_started_afresh"  # the notice is still up
        caplog.clear()

        def polls() -> list[str]:
            return [r.getMessage() for r in list(caplog.records) if "GET /v1/events" in r.getMessage()]

        probe.wait_until(lambda: any("wait=1.5" in line for line in polls()))
        assert len(polls()) <= 3, polls()


def test_on_connecting_imported_customers_are_made_known_and_waiting_rules_pushed(
    db: Database, relay: RunningRelay, engine_for: Any, probe: EngineProbe
) -> None:
    from app.automations_store import AutomationsStore
    from app.wire import Automations, GreetingRule
    from tests.support.factories import make_contact, make_message

    with db.write() as s:
        regular = make_contact(s, wa_id="821099998888")
        make_message(s, regular, "from the phone export", imported=True, unread=False)
        make_contact(s, wa_id="821077776666")  # a customer the relay has seen itself: not pushed
    AutomationsStore(db).save(Automations(greeting=GreetingRule(enabled=True, text="어서 오세요")))
    engine_for(relay)
    probe.wait_until(lambda: AutomationsStore(db).state().pending is False)
    stored = relay.relay.store.kv.automations()
    assert stored is not None and stored["greeting"]["text"] == "어서 오세요"
    probe.wait_until(lambda: bool((c := relay.relay.store.contacts.get("821099998888")) and c.known))
    other = relay.relay.store.contacts.get("821077776666")
    assert other is None or not other.known


def test_read_receipts_and_templates_go_through_the_relay(
    db: Database, relay: RunningRelay, graph: FakeGraph, engine_for: Any, probe: EngineProbe
) -> None:
    graph.templates = [
        {
            "name": "order_ready",
            "language": "ko",
            "category": "UTILITY",
            "status": "APPROVED",
            "components": [{"type": "BODY", "text": "{{1}}님, 주문하신 상품이 준비됐어요."}],
        },
        {"name": "draft", "language": "ko", "category": "MARKETING", "status": "PENDING", "components": []},
    ]
    engine = engine_for(relay)
    payload = inbound(content="읽음 표시 해주세요")
    wamid = payload["entry"][0]["changes"][0]["value"]["messages"][0]["id"]
    relay.post_webhook(payload)
    probe.wait_until(lambda: count(db) == 1)
    graph.arrived.clear()
    engine.send_read_receipt(wamid)
    assert graph.arrived.wait(10)
    assert graph.read_receipts == [wamid]
    templates = engine.fetch_templates()
    assert [(t.name, t.category) for t in templates] == [("order_ready", "UTILITY")]
    assert [p.index for p in templates[0].parameters] == [1]


def test_on_connecting_the_kept_templates_are_refreshed_for_order_messages(
    db: Database, relay: RunningRelay, graph: FakeGraph, engine_for: Any, probe: EngineProbe
) -> None:
    """An order moved outside the 24 hours is told with the kept copy of the templates: a new shop's
    (or the demo's) first templates are there without the owner opening a template list first."""
    from app.sending import approved_templates

    graph.templates = [
        {
            "name": "order_shipped",
            "language": "ko",
            "category": "UTILITY",
            "status": "APPROVED",
            "components": [{"type": "BODY", "text": "{{1}}님, 주문번호 {{2}} 주문이 발송되었습니다."}],
        }
    ]
    assert approved_templates(db, None) == []
    engine_for(relay)
    probe.wait_until(lambda: [t.name for t in approved_templates(db, None)] == ["order_shipped"])


def test_a_send_whatsapp_may_have_taken_is_marked_so_and_never_resent(
    db: Database, relay: RunningRelay, graph: FakeGraph, engine_for: Any, probe: EngineProbe
) -> None:
    # Graph answers after 3 s, past the relay's 2 s Graph timeout: the relay cannot tell, says "unknown".
    engine = engine_for(relay)
    relay.post_webhook(inbound(content="hi"))
    probe.wait_until(lambda: count(db) == 1)
    graph.script.append({"hang": 3.0})
    with db.write() as s:
        unsure = queue_text(s, customer(db), "maybe delivered").id
    engine.wake_sender()
    probe.wait_until(lambda: message_status(db, unsure) == "failed", timeout=20)
    with db.read() as s:
        m = s.get(Message, unsure)
        assert m is not None and m.error_code == "unknown"
        client_id = m.client_id
    # The next message goes out; the unsure one is not tried again behind the owner's back.
    with db.write() as s:
        after = queue_text(s, customer(db), "next one").id
    engine.wake_sender()
    probe.wait_until(lambda: message_status(db, after) == "sent", timeout=20)
    probe.wait_until(lambda: len(graph.sent) == 2, timeout=20)  # the hung call did reach WhatsApp
    assert sorted(b["text"]["body"] for b in graph.sent) == ["maybe delivered", "next one"]
    # WhatsApp's own status for it (carrying our client_id) settles the doubt.
    relay.post_webhook(status("wamid.LATE1", "delivered", callback=client_id))
    probe.wait_until(lambda: message_status(db, unsure) == "delivered")
    assert count(db, Message.direction == "out") == 2


def test_a_busy_relay_is_retried_with_the_same_key_and_the_message_sent_once(
    db: Database, relay: RunningRelay, graph: FakeGraph, engine_for: Any, probe: EngineProbe
) -> None:
    from tests.support.fake_graph import graph_error

    engine = engine_for(relay)
    relay.post_webhook(inbound(content="hi"))
    probe.wait_until(lambda: count(db) == 1)
    # Throttled on every one of the relay's own tries: the relay answers 503, retryable.
    graph.script.extend(graph_error(429, 130429, "Rate limit hit") for _ in range(4))
    with db.write() as s:
        mid = queue_text(s, customer(db), "after the busy spell").id
        second = queue_text(s, customer(db), "and then this").id
    engine.wake_sender()
    probe.wait_until(lambda: message_status(db, second) == "sent", timeout=20)
    assert message_status(db, mid) == "sent"
    assert graph.send_calls >= 6  # 4 refused tries, then both messages
    assert [b["text"]["body"] for b in graph.sent] == ["after the busy spell", "and then this"]
    assert bodies(db)[-2:] == ["after the busy spell", "and then this"]
    probe.wait_until(lambda: cursor(db) >= relay.relay.store.events.last_seq())
    assert count(db, Message.direction == "out") == 2


def test_an_event_the_relay_cannot_serve_shows_as_a_notice_and_sync_goes_on(
    db: Database, relay: RunningRelay, engine_for: Any, probe: EngineProbe
) -> None:
    from sqlalchemy import insert

    from relay.storage.tables import events

    relay.post_webhook(inbound("text", "첫 주문", sender="821033334444"))
    # A row an older relay stored with NaN in it: it must not stop the inbox for good.
    poisoned = '{"message":{"from":"821033334444","id":"wamid.OLD","text":{"body":NaN}}}'
    row = {"kind": "message", "at": "2026-11-29T10:00:00Z", "at_ms": 0, "dedupe_key": "m:wamid.OLD"}
    with relay.relay.store.db.engine.begin() as conn:
        conn.execute(insert(events).values(payload=poisoned, phone_number_id="106540352242922", **row))
    relay.post_webhook(inbound("text", "두 번째 주문", sender="821033334444"))
    engine_for(relay)
    probe.wait_until(lambda: cursor(db) == relay.relay.store.events.last_seq())
    assert sorted(bodies(db)) == sorted(["첫 주문", "", "두 번째 주문"])
    with db.read() as s:
        [notice] = s.scalars(select(Message).where(Message.kind == "system"))
        [contact] = s.scalars(select(Contact))
        assert notice.contact_id == contact.id and contact.wa_id == "821033334444"
        assert notice.payload is not None
        assert notice.payload["system"]["type"] == "relay_unreadable"


def test_a_catch_up_reads_the_next_page_while_writing_one_and_loses_or_doubles_nothing(
    db: Database, relay: RunningRelay, probe: EngineProbe
) -> None:
    now = int(time.time())
    for i in range(30):  # a day offline: the relay holds seven full pages and a part
        relay.post_webhook(inbound(content=f"while away {i:02d}", timestamp=now - 100 + i))
    last_seq = relay.relay.store.events.last_seq()
    stop = threading.Event()
    client = RelayClient(relay.url, relay.token)
    worker = SyncWorker(
        db, client, on_changed=probe.on_changed, on_state=probe.on_state, stop=stop, wait=0.5, page_size=4
    )
    thread = threading.Thread(target=worker.run)
    thread.start()
    try:
        probe.wait_until(lambda: cursor(db) == last_seq)
    finally:
        stop.set()
        thread.join(5)
        client.close()
    assert bodies(db) == [f"while away {i:02d}" for i in range(30)]
    assert worker.pages_read_ahead >= 5  # each full page's successor came while it was written


def a_day_offline(relay: RunningRelay, texts: list[str], ago: int) -> None:
    """Messages that arrived while the laptop was away, `ago` seconds ago and on, in one webhook:
    the next poll meets full pages."""
    now = int(time.time())
    messages = [
        inbound(content=text, timestamp=now - ago + i)["entry"][0]["changes"][0]["value"]["messages"][0]
        for i, text in enumerate(texts)
    ]
    relay.post_webhook(envelope({"messages": messages}))


# A program held to one core (argv[1]) that keeps it busy with argv[2] threads, each always runnable
# (hashing a large block lets go of the GIL); it says "busy" once they all spin.
BUSY_PROGRAM = """
import hashlib, os, sys, threading
os.sched_setaffinity(0, {int(sys.argv[1])})
def spin():
    block = bytes(1 << 16)
    while True:
        hashlib.sha256(block).digest()
for _ in range(int(sys.argv[2])):
    threading.Thread(target=spin, daemon=True).start()
print("busy", flush=True)
threading.Event().wait()
"""


@contextmanager
def a_busy_program_on_the_core_of(pid: int) -> Iterator[None]:
    """A program that keeps one core busy, with `pid` held to that core: a browser or a video call
    at the normal priority on a laptop whose every core is busy.

    It weighs on that core what one busy thread at nice 0 weighs, whatever nice value this test runs
    at (which it inherits): each nice level weighs 1.25 times less, so it runs that many more
    threads. One thread under `nice -n 10` left an idle-policy process 3/113 of the core, not
    3/1027: enough for a page of the test's four events now and then, so the catch-up was never
    starved, or only on its last short page, which the sync thread applies itself."""
    core = min(os.sched_getaffinity(pid))
    threads = max(1, math.ceil(1.25 ** os.getpriority(os.PRIO_PROCESS, os.getpid())))
    busy = subprocess.Popen(
        [sys.executable, "-c", BUSY_PROGRAM, str(core), str(threads)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert busy.stdout is not None and busy.stdout.readline() == "busy\n"
        os.sched_setaffinity(pid, {core})
        yield
    finally:
        busy.kill()
        busy.wait()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux's scheduling policies")
def test_a_starved_catch_up_leaves_the_idle_policy_for_a_share_of_a_busy_core_and_the_next_starts_idle(
    db: Database, relay: RunningRelay, probe: EngineProbe
) -> None:
    """On cores other programs keep busy an idle-policy process hardly runs (docs/PERFORMANCE.md,
    "Catch-up under a busy laptop"). A catch-up that applies no page for `starved_after` seconds
    while waiting for a core goes on in a new process out of the idle policy (an unprivileged one
    may not leave it), still 10 nice levels below the window; the next catch-up starts on idle
    cores only again. Nothing is lost or doubled, though the starved one ended mid-catch-up."""
    window_nice = os.getpriority(os.PRIO_PROCESS, os.getpid())
    below_the_window = min(19, window_nice + BACKGROUND_NICE)
    a_day_offline(relay, [f"first day {i:02d}" for i in range(30)], ago=300)
    stop = threading.Event()
    client = RelayClient(relay.url, relay.token)
    apply = ApplyProcess(db.path, relay.url, relay.token, 4, starved_after=60.0)
    worker = SyncWorker(
        db, client, on_changed=probe.on_changed, on_state=probe.on_state, stop=stop, wait=0.5,
        page_size=4, apply_process=apply,
    )  # fmt: skip
    thread = threading.Thread(target=worker.run)
    thread.start()
    try:
        probe.wait_until(lambda: cursor(db) == relay.relay.store.events.last_seq(), timeout=60)
        child = apply.pid
        assert child is not None and worker.pages_in_child >= 7
        policies = [(os.sched_getscheduler(child), os.getpriority(os.PRIO_PROCESS, child))]

        with a_busy_program_on_the_core_of(child):
            apply.starved_after = 0.5
            a_day_offline(relay, [f"second day {i:02d}" for i in range(30)], ago=200)
            probe.wait_until(lambda: apply.lifted and apply.pid not in (None, child), timeout=30)
            lifted = apply.pid
            assert lifted is not None
            policies.append((os.sched_getscheduler(lifted), os.getpriority(os.PRIO_PROCESS, lifted)))
        # It goes on wherever the computer has room. (Not held to the busy core, it may share it:
        # how fast it goes there depends on what else runs, as docs/PERFORMANCE.md measures.)
        probe.wait_until(lambda: cursor(db) == relay.relay.store.events.last_seq(), timeout=60)
        assert worker.child_failures == 0

        apply.starved_after = 60.0  # the next catch-up is not starved
        a_day_offline(relay, [f"third day {i:02d}" for i in range(30)], ago=100)
        probe.wait_until(lambda: cursor(db) == relay.relay.store.events.last_seq(), timeout=60)
        assert apply.pid == lifted and not apply.lifted
        policies.append((os.sched_getscheduler(lifted), os.getpriority(os.PRIO_PROCESS, lifted)))
    finally:
        stop.set()
        thread.join(5)
        client.close()
    assert not thread.is_alive()
    assert policies == [
        (os.SCHED_IDLE, below_the_window),  # a catch-up starts on idle cores only
        (os.SCHED_OTHER, below_the_window),  # starved: a new one takes a share of a busy core
        (os.SCHED_IDLE, below_the_window),  # the next catch-up starts idle again
    ]
    days = ("first", "second", "third")
    assert bodies(db) == [f"{day} day {i:02d}" for day in days for i in range(30)]


def test_a_catch_up_is_applied_in_its_own_process_and_each_page_still_repaints_its_chats(
    db: Database, relay: RunningRelay, probe: EngineProbe
) -> None:
    now = int(time.time())
    senders = [f"8210{n:08d}" for n in range(5)]
    for i in range(30):  # a day offline: seven full pages and a part, from five customers
        relay.post_webhook(
            inbound(content=f"while away {i:02d}", sender=senders[i % 5], timestamp=now - 100 + i)
        )
    last_seq = relay.relay.store.events.last_seq()
    stop = threading.Event()
    client = RelayClient(relay.url, relay.token)
    # Never starved here, however busy the machine: the idle policy is what is looked at.
    worker = worker_with_a_catch_up_process(db, relay, client, probe, stop, page_size=4, starved_after=3600)
    thread = threading.Thread(target=worker.run)
    thread.start()
    try:
        probe.wait_until(lambda: cursor(db) == last_seq, timeout=60)
        child = worker.apply_process.pid if worker.apply_process is not None else None
        # Linux: the child gives a core up at once whenever the window's thread wants one.
        idle = sys.platform != "linux" or (
            child is not None and os.sched_getscheduler(child) == os.SCHED_IDLE
        )
        # Then a live message, long-polled and applied in the sync thread as before.
        relay.post_webhook(inbound(content="back online", sender=senders[0], timestamp=now))
        probe.wait_until(lambda: cursor(db) == relay.relay.store.events.last_seq())
    finally:
        stop.set()
        thread.join(5)
        client.close()
    assert not thread.is_alive()
    assert child is not None and child != os.getpid() and idle
    assert worker.pages_in_child >= 7  # the full pages went to the catch-up process
    assert bodies(db) == [f"while away {i:02d}" for i in range(30)] + ["back online"]
    with db.read() as s:
        assert s.scalar(select(func.sum(Contact.unread_count))) == 31  # nothing counted twice
    # Every chat that got messages was repainted from the catch-up process's reports.
    with db.read() as s:
        ids = set(s.scalars(select(Contact.id)))
    assert set().union(*probe.changed) == ids


def test_customers_reactions_in_a_night_of_backlog_reach_the_window_once_each(
    db: Database, relay: RunningRelay, probe: EngineProbe
) -> None:
    """The owner answered five customers from the phone at night; each reacted to the answer. The
    catch-up process applies the backlog in pages, and each page's reactions are reported to the
    window (which notifies them), each once, on the answer it was meant for."""
    now = int(time.time())
    senders = [f"8210{n:08d}" for n in range(5)]
    answers: dict[str, str] = {}
    for i, sender in enumerate(senders):
        relay.post_webhook(inbound(content="계좌 알려주세요", sender=sender, timestamp=now - 100 + i))
        answers[sender] = wamid()
        echo = {
            "from": "15550783881",
            "to": sender,
            "id": answers[sender],
            "timestamp": str(now - 90 + i),
            "type": "text",
            "text": {"body": f"총 {45 + i},000원입니다"},
        }
        relay.post_webhook(envelope({"message_echoes": [echo]}, "smb_message_echoes"))
    for i, sender in enumerate(senders):
        thumbs = {"message_id": answers[sender], "emoji": "👍"}
        relay.post_webhook(inbound("reaction", thumbs, sender=sender, timestamp=now - 50 + i))
    last_seq = relay.relay.store.events.last_seq()
    stop = threading.Event()
    client = RelayClient(relay.url, relay.token)
    worker = worker_with_a_catch_up_process(db, relay, client, probe, stop, page_size=4)
    thread = threading.Thread(target=worker.run)
    thread.start()
    try:
        probe.wait_until(lambda: cursor(db) == last_seq, timeout=60)
    finally:
        stop.set()
        thread.join(5)
        client.close()
    assert worker.pages_in_child >= 3
    with db.read() as s:
        on = dict(
            s.execute(select(Message.wamid, Message.id).where(Message.wamid.in_(answers.values()))).all()
        )
    assert [(r.message_id, r.emoji, r.from_customer()) for r in probe.reactions] == [
        (on[answers[sender]], "👍", True) for sender in senders
    ]


def test_a_backlog_shorter_than_a_page_after_a_start_goes_to_the_catch_up_process(
    db: Database, relay: RunningRelay, probe: EngineProbe
) -> None:
    """The first page after a start is a short one: a backlog longer than it is read by the catch-up
    process, so the sync thread never parses a whole page (holding the GIL) only to hand it over."""
    from app.sync import PAGE_SIZE, PROBE_SIZE

    now = int(time.time())
    waiting = PROBE_SIZE + 20
    assert waiting < PAGE_SIZE
    for i in range(waiting):
        relay.post_webhook(
            inbound(content=f"overnight {i:03d}", sender=f"8210{i % 7:08d}", timestamp=now - 500 + i)
        )
    last_seq = relay.relay.store.events.last_seq()
    stop = threading.Event()
    client = RelayClient(relay.url, relay.token)
    # Never starved here: one ended starved leaves a backlog this short to the sync thread.
    worker = worker_with_a_catch_up_process(
        db, relay, client, probe, stop, page_size=PAGE_SIZE, starved_after=3600
    )
    thread = threading.Thread(target=worker.run)
    thread.start()
    try:
        # The child's commit moves the cursor before the sync thread has read its report through the
        # pipe: stopped at the cursor alone, a busy machine left `pages_in_child` at 0 (once in CI).
        probe.wait_until(lambda: cursor(db) == last_seq and worker.pages_in_child >= 1, timeout=60)
    finally:
        stop.set()
        thread.join(5)
        client.close()
    assert not thread.is_alive()
    assert worker.pages_in_child >= 1
    assert bodies(db) == [f"overnight {i:03d}" for i in range(waiting)]


def test_a_full_disk_loses_no_message_and_says_so_until_there_is_room(
    db: Database, relay: RunningRelay, engine_for: Any, probe: EngineProbe
) -> None:
    engine_for(relay)
    assert relay.post_webhook(inbound(content="before the disk filled up")).status_code == 200
    probe.wait_until(lambda: count(db) == 1)
    saved_up_to = cursor(db)
    limit_the_inbox_file(db, page_count(db))

    # Long enough to need new pages in the file; many of them, so a chunk is retried one by one.
    later = [f"message {i} " + "가" * 3000 for i in range(6)]
    for text in later:
        assert relay.post_webhook(inbound(content=text)).status_code == 200
    probe.wait_until(lambda: "disk_full" in probe.state_names)
    assert count(db) == 1
    assert cursor(db) == saved_up_to  # nothing skipped past: the relay hands them again

    limit_the_inbox_file(db, None)  # the owner freed some space
    probe.wait_until(lambda: count(db) == 1 + len(later))
    assert bodies(db) == ["before the disk filled up", *later]
    probe.wait_until(lambda: probe.state_names[-1] == "online")


def test_a_send_whose_answer_cannot_be_saved_goes_out_once_and_ends_sent(
    db: Database, relay: RunningRelay, graph: FakeGraph, engine_for: Any, probe: EngineProbe
) -> None:
    """The inbox file stops taking writes right as a reply goes out: WhatsApp gets it once, and once
    the file takes writes again the reply shows as sent (the outbox and the sync carried on)."""
    first = engine_for(relay)
    relay.post_webhook(inbound(content="hi"))
    probe.wait_until(lambda: count(db) == 1)
    first.stop()
    with db.write() as s:
        mid = queue_text(s, customer(db), "once, though the file was locked").id
    inbox_read_only(db, True)

    engine = engine_for(relay)  # the reply goes out; neither its answer nor the relay's events can be saved
    probe.wait_until(lambda: len(graph.sent) == 1)
    probe.wait_until(lambda: "cannot_save" in probe.state_names)
    assert message_status(db, mid) == "pending"

    inbox_read_only(db, False)
    probe.wait_until(lambda: message_status(db, mid) == "sent")
    probe.wait_until(lambda: probe.state_names[-1] == "online")
    # The outbox carried on: the next reply goes out too.
    with db.write() as s:
        queue_text(s, customer(db), "and the next one")
    engine.wake_sender()
    probe.wait_until(lambda: len(graph.sent) >= 2)  # a third would show in the list below
    assert [m["text"]["body"] for m in graph.sent] == ["once, though the file was locked", "and the next one"]


def test_a_data_folder_taken_away_is_said_so_and_nothing_is_saved_where_no_one_finds_it(
    relay: RunningRelay, probe: EngineProbe, tmp_path: Path
) -> None:
    """Sun-hee's inbox lives on a USB stick that gets pulled out while Shop Inbox runs. The open
    connections went on writing to the file that was gone (its messages lost with it), and a new one
    made an empty inbox in the folder's place. Now the engine stops saving and says the folder is
    gone; the relay keeps the messages, and the inbox put back gets them at the next start."""
    folder = tmp_path / "USB 김 선희" / "샵 데이터"
    pulled = tmp_path / "pulled"

    def engine_on(db: Database) -> SyncEngine:
        engine = SyncEngine(
            db,
            relay.url,
            relay.token,
            folder / "media",
            on_changed=probe.on_changed,
            on_state=probe.on_state,
            poll_wait=1.5,
            retry_base=0.05,
            retry_cap=0.5,
        )
        engine.start()
        return engine

    db = Database.open(folder / "inbox.db")
    engine = engine_on(db)
    try:
        assert relay.post_webhook(inbound(content="주문할게요")).status_code == 200
        probe.wait_until(lambda: count(db) == 1)
        saved_up_to = cursor(db)
        folder.rename(pulled)  # the stick is out; the connections still hold the file that went

        # Said within a long poll, before any customer writes.
        probe.wait_until(lambda: "folder_gone" in probe.state_names)
        assert probe.states[-1].folder == str(folder)
        assert relay.post_webhook(inbound(content="입금했어요")).status_code == 200
        probe.wait_until(lambda: relay.relay.store.events.last_seq() > saved_up_to)
        assert not folder.exists()  # no empty inbox made in its place
        assert (count(db), cursor(db)) == (1, saved_up_to)  # nothing written to the file that went
    finally:
        engine.stop()
        db.close()

    pulled.rename(folder)  # the stick is back, and Shop Inbox started again
    db = Database.open(folder / "inbox.db")
    engine = engine_on(db)
    try:
        probe.wait_until(lambda: count(db) == 2)
        assert bodies(db) == ["주문할게요", "입금했어요"]
    finally:
        engine.stop()
        db.close()


def test_a_new_inbox_on_a_relay_answered_from_another_computer_says_what_stays_there(
    db: Database, relay: RunningRelay, engine_for: Any, probe: EngineProbe, tmp_path: Path
) -> None:
    """Sun-hee's new laptop, pointed at the relay her old one uses, gets the chats the relay keeps;
    nothing said that her labels, quick replies, orders and older chats are still on the old one."""

    def first_read_of_a_new_inbox(folder: str) -> EngineProbe:
        heard = EngineProbe()
        new_db = Database.open(tmp_path / folder / "inbox.db")
        engine = SyncEngine(
            new_db,
            relay.url,
            relay.token,
            tmp_path / folder / "media",
            on_changed=heard.on_changed,
            on_state=heard.on_state,
            poll_wait=1.5,
        )
        engine.start()
        try:
            heard.wait_until(lambda: count(new_db) == count(db))
        finally:
            engine.stop()
            new_db.close()
        return heard

    engine = engine_for(relay)  # the old laptop
    assert relay.post_webhook(inbound(content="린넨 셔츠 있나요?")).status_code == 200
    probe.wait_until(lambda: count(db) == 1)
    # Only customers have written so far: a first computer, or one that answered nobody yet.
    assert "other_computer" not in first_read_of_a_new_inbox("before any reply").state_names

    with db.write() as s:
        mid = queue_text(s, customer(db), "네, 있어요")
    engine.wake_sender()
    probe.wait_until(lambda: message_status(db, mid.id) == "sent")
    probe.wait_until(lambda: cursor(db) >= relay.relay.store.events.last_seq())

    heard = first_read_of_a_new_inbox("new laptop")
    assert heard.state_names.count("other_computer") == 1
    assert "other_computer" not in probe.state_names  # the old laptop read its own reply: nothing said
