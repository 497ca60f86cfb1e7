"""Media fetched as soon as the webhook arrives (URLs expire), uploads, and greeting/away automations."""

from __future__ import annotations

import os
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from tests.support.fake_graph import FakeGraph, fake_graph_out_of_reach
from tests.support.relay_process import wait_until
from tests.support.relay_server import RunningRelay, envelope, inbound, run_relay, wamid

JPEG = b"\xff\xd8\xff\xe0" + b"photo" * 200


def test_received_media_is_fetched_and_served_even_after_a_url_expired(
    relay: RunningRelay, graph: FakeGraph
) -> None:
    graph.add_media("777001", JPEG, "image/jpeg")
    graph.media_url_ttl = -1  # every URL Graph hands out has already expired
    relay.post_webhook(inbound("image", {"id": "777001", "mime_type": "image/jpeg", "sha256": "x"}))
    assert relay.client.get(f"{relay.url}/v1/media/777001", headers=relay.auth()).status_code == 502
    graph.media_url_ttl = 300  # a fresh URL works: the relay asks Graph again
    r = relay.client.get(f"{relay.url}/v1/media/777001", headers=relay.auth())
    assert r.status_code == 200 and r.content == JPEG
    assert r.headers["content-type"] == "image/jpeg"
    assert graph.media_lookups["777001"] >= 2


def test_a_photo_whatsapp_is_out_of_reach_for_is_graph_unreachable_not_lost(tmp_path: Path) -> None:
    """Graph out of the relay's reach (its network, DNS): the desktop hears `graph_unreachable` (503,
    try again later), as for a send, not `media_unavailable`; no attempt of the photo's is spent,
    and once Graph is back the same request hands the photo over."""
    with fake_graph_out_of_reach() as (graph, come_back), run_relay(tmp_path, graph_url=graph.url) as relay:
        graph.add_media("777030", JPEG, "image/jpeg")
        relay.post_webhook(inbound("image", {"id": "777030", "mime_type": "image/jpeg", "sha256": "x"}))
        for _ in range(3):
            r = relay.client.get(f"{relay.url}/v1/media/777030", headers=relay.auth())
            assert r.status_code == 503
            error = r.json()["error"]
            assert (error["code"], error["retryable"]) == ("graph_unreachable", True)
        row = relay.relay.store.media.row("777030")
        assert (row.state, row.attempts) == ("pending", 0)
        come_back()
        r = relay.client.get(f"{relay.url}/v1/media/777030", headers=relay.auth())
        assert r.status_code == 200 and r.content == JPEG


def test_a_photo_the_relay_cannot_keep_is_said_as_its_storage_and_served_once_it_can(
    relay: RunningRelay, graph: FakeGraph, tmp_path: Path
) -> None:
    """The relay's media folder cannot be written (its disk full, a read-only mount, the folder gone):
    GET answered a bare 500, which the desktop said as "your relay is busy". It is the relay's storage
    (503, retryable), no attempt of the photo's is spent, and once there is room the same GET serves it."""
    media_dir = tmp_path / "relay-media"
    media_dir.rename(tmp_path / "relay-media-away")
    media_dir.write_text("not a folder: every file written under it fails")
    graph.add_media("777040", JPEG, "image/jpeg")
    relay.post_webhook(inbound("image", {"id": "777040", "mime_type": "image/jpeg", "sha256": "x"}))
    r = relay.client.get(f"{relay.url}/v1/media/777040", headers=relay.auth())
    assert r.status_code == 503
    error = r.json()["error"]
    assert (error["code"], error["retryable"], error["params"]) == (
        "storage",
        True,
        {"cause": "not_a_folder"},
    )
    row = relay.relay.store.media.row("777040")
    assert row.state == "pending" and row.attempts == 0
    media_dir.unlink()
    (tmp_path / "relay-media-away").rename(media_dir)
    r = relay.client.get(f"{relay.url}/v1/media/777040", headers=relay.auth())
    assert r.status_code == 200 and r.content == JPEG


def test_a_file_graph_no_longer_has_is_media_unavailable_and_not_worth_asking_again(
    relay: RunningRelay, graph: FakeGraph
) -> None:
    relay.post_webhook(inbound("image", {"id": "777031", "mime_type": "image/jpeg", "sha256": "x"}))
    r = relay.client.get(f"{relay.url}/v1/media/777031", headers=relay.auth())  # Graph: no such id
    assert r.status_code == 502
    assert (r.json()["error"]["code"], r.json()["error"]["retryable"]) == ("media_unavailable", False)


def test_unknown_media_is_404_and_media_needs_the_token(relay: RunningRelay) -> None:
    assert relay.client.get(f"{relay.url}/v1/media/nope", headers=relay.auth()).status_code == 404
    assert relay.client.get(f"{relay.url}/v1/media/nope").status_code == 401


def test_upload_for_sending_and_size_limits(relay: RunningRelay, graph: FakeGraph) -> None:
    r = relay.client.post(
        f"{relay.url}/v1/media",
        content=JPEG,
        headers={**relay.auth(), "Content-Type": "image/jpeg", "X-Filename": "shirt.jpg"},
    )
    assert r.status_code == 200
    media_id = r.json()["id"]
    assert graph.media[media_id][0] == JPEG
    too_big = relay.client.post(
        f"{relay.url}/v1/media",
        content=b"\0" * (5 * 1024 * 1024 + 1),
        headers={**relay.auth(), "Content-Type": "image/png"},
    )
    assert too_big.status_code == 413
    assert too_big.json()["error"]["message"] == "WhatsApp accepts image files up to 5 MB."
    sticker = relay.client.post(
        f"{relay.url}/v1/media",
        content=b"\0" * (500 * 1024 + 1),
        headers={**relay.auth(), "Content-Type": "image/webp"},
    )
    assert sticker.json()["error"]["message"] == "WhatsApp accepts sticker files up to 500 kB.", sticker.text


def refused_upload(relay: RunningRelay, data: bytes, mime: str, filename: str) -> dict[str, Any]:
    """POST /v1/media that the relay must refuse with 422: its error body."""
    r = relay.client.post(
        f"{relay.url}/v1/media",
        content=data,
        headers={**relay.auth(), "Content-Type": mime, "X-Filename": filename},
    )
    assert r.status_code == 422
    error: dict[str, Any] = r.json()["error"]
    return error


def test_a_file_whatsapp_takes_as_nothing_is_refused_by_its_type_before_graph(
    relay: RunningRelay, graph: FakeGraph
) -> None:
    """A .hwp (한글) from a desktop that did not check: the relay says which type, Graph never sees it."""
    body = refused_upload(relay, b"HWP Document File" + b"\0" * 100, "application/x-hwp", "estimate.hwp")
    assert (body["code"], body["retryable"]) == ("unsupported_file_type", False)
    assert body["params"] == {"mime": "application/x-hwp", "filename": "estimate.hwp"}
    assert graph.media == {}


def test_graphs_refusal_of_an_upload_type_is_said_as_the_same_code(
    relay: RunningRelay, graph: FakeGraph
) -> None:
    """Should Meta stop taking a type we still send (here .doc), its code-100 answer at upload is not a
    bare "invalid request": the desktop hears `unsupported_file_type`, with Graph's code beside it."""
    graph.upload_types.discard("application/msword")
    body = refused_upload(relay, b"\xd0\xcf\x11\xe0" + b"doc" * 100, "application/msword", "order.doc")
    assert (body["code"], body["graph_code"], body["retryable"]) == ("unsupported_file_type", 100, False)
    assert graph.media == {}


@pytest.mark.parametrize(
    ("header", "stored"),
    [
        ("%EA%B2%AC%EC%A0%81%EC%84%9C %EC%B5%9C%EC%A2%85.pdf", "견적서 최종.pdf"),  # a desktop of now
        ("estimate v2.pdf", "estimate v2.pdf"),  # an older desktop's plain name: as it is
        ("..%2F..%2Fmedia%2F%EA%B2%AC%EC%A0%81%EC%84%9C.pdf", "견적서.pdf"),  # no folder part
        ("C:\\Users\\shop\\order.pdf", "order.pdf"),
        ("%EC%98%81%EC%88%98%EC%A6%9D%E2%80%AEfdp.exe.pdf", "영수증fdp.exe.pdf"),  # no direction mark
        ("%EA%B0%80" * 300 + ".pdf", "가" * 196 + ".pdf"),  # 200 characters, the extension kept
    ],
)
def test_an_uploads_name_is_read_from_its_percent_encoding_and_kept_without_any_folder(
    relay: RunningRelay, graph: FakeGraph, header: str, stored: str
) -> None:
    r = relay.client.post(
        f"{relay.url}/v1/media",
        content=b"%PDF-1.7" + b"\0" * 100,
        headers={**relay.auth(), "Content-Type": "application/pdf", "X-Filename": header},
    )
    assert r.status_code == 200
    media_id = r.json()["id"]
    assert graph.upload_names[media_id] == stored
    assert relay.relay.store.media.row(media_id).filename == stored


def test_automations_need_if_match_and_refuse_a_stale_revision(relay: RunningRelay) -> None:
    doc = relay.client.get(f"{relay.url}/v1/automations", headers=relay.auth()).json()
    assert doc["revision"] == 0
    assert relay.client.put(f"{relay.url}/v1/automations", json=doc, headers=relay.auth()).status_code == 428
    stored = relay.put_rules(greeting={"enabled": True, "text": "안녕하세요!"})
    assert stored["revision"] == 1
    stale = relay.client.put(
        f"{relay.url}/v1/automations", json=doc, headers={**relay.auth(), "If-Match": "0"}
    )
    assert stale.status_code == 412
    assert stale.json()["current"]["greeting"]["text"] == "안녕하세요!"
    settings = [e for e in relay.events()["events"] if e["kind"] == "settings"]
    assert [e["automations"]["revision"] for e in settings] == [1]


def outbound_by(relay: RunningRelay, count: int) -> list[tuple[str, str]]:
    events = relay.wait_for_events(count)
    return [(e["sent_by"], e["body"]["text"]["body"]) for e in events if e["kind"] == "outbound"]


def test_greeting_goes_to_a_first_message_once(relay: RunningRelay, graph: FakeGraph) -> None:
    relay.put_rules(
        greeting={"enabled": True, "text": "{name}님 안녕하세요, {shop}입니다"},
        profile={"name": "서울 리넨"},
    )
    relay.post_webhook(inbound("text", "안녕하세요", sender="821011112222", name="김민지"))
    assert outbound_by(relay, 3) == [("greeting", "김민지님 안녕하세요, 서울 리넨입니다")]
    relay.post_webhook(inbound("text", "재고 있나요?", sender="821011112222", name="김민지"))
    relay.wait_for_events(5)  # settings, message, outbound, message (+ nothing)
    assert len(graph.sent) == 1


def greet_in_two_languages(relay: RunningRelay, profile: dict[str, str]) -> None:
    """The relay greets in Korean, and in English whoever writes in Latin letters."""
    relay.put_rules(
        greeting={
            "enabled": True,
            "text": "{name}님 안녕하세요, {shop}입니다",
            "text_other_language": "Hello {first_name}, welcome to {shop}!",
        },
        profile=profile,
    )


def test_a_customer_writing_in_english_is_greeted_in_english_and_a_korean_one_in_korean(
    relay: RunningRelay, graph: FakeGraph
) -> None:
    greet_in_two_languages(relay, {"name": "서울 리넨"})
    relay.post_webhook(
        inbound("text", "Hi! Is the linen shirt in stock?", sender="447911123456", name="Olivia Brown")
    )
    relay.post_webhook(inbound("text", "린넨 셔츠 재고 있나요?", sender="821011112222", name="김민지"))
    # A photo's caption says the language too.
    graph.add_media("777002", JPEG, "image/jpeg")
    photo = {
        "id": "777002",
        "mime_type": "image/jpeg",
        "sha256": "x",
        "caption": "Do you have this in beige?",
    }
    relay.post_webhook(inbound("image", photo, sender="13169705044", name="Mia Tan"))
    assert sorted(outbound_by(relay, 7)) == [
        ("greeting", "Hello Mia, welcome to 서울 리넨!"),
        ("greeting", "Hello Olivia, welcome to 서울 리넨!"),
        ("greeting", "김민지님 안녕하세요, 서울 리넨입니다"),
    ]


def test_the_english_greeting_names_the_shop_by_its_english_name_and_the_korean_one_by_its_name(
    relay: RunningRelay, graph: FakeGraph
) -> None:
    greet_in_two_languages(relay, {"name": "서울 리넨", "name_other_language": "Seoul Linen"})
    relay.post_webhook(
        inbound("text", "Hi! Is the linen shirt in stock?", sender="447911123456", name="Olivia")
    )
    relay.post_webhook(inbound("text", "린넨 셔츠 재고 있나요?", sender="821011112222", name="김민지"))
    assert sorted(outbound_by(relay, 5)) == [
        ("greeting", "Hello Olivia, welcome to Seoul Linen!"),
        ("greeting", "김민지님 안녕하세요, 서울 리넨입니다"),
    ]


def test_marks_hidden_in_a_customers_name_never_turn_the_greeting_around(
    relay: RunningRelay, graph: FakeGraph
) -> None:
    """A WhatsApp name with a right-to-left override left open ("Evil\u202eTSOP") put into the
    greeting turned everything after it around: the customer read "Hello Evil!neniL luoeS ot emoclew
    ,POST", and so did the owner in the chat. The name's invisible marks are left out (an emoji's joiners stay in the name)."""
    relay.put_rules(
        greeting={"enabled": True, "text": "Hello {first_name}, welcome to {shop}!"},
        profile={"name": "Seoul Linen"},
    )
    relay.post_webhook(inbound("text", "Hi there", sender="12025550123", name="Evil\u202eTSOP Name"))
    relay.post_webhook(inbound("text", "Hello!", sender="12025550124", name="\u202bعلي\u202c\u200b"))
    relay.post_webhook(inbound("text", "Hey", sender="447700900123", name="👨\u200d👩\u200d👧 Kim"))
    assert sorted(outbound_by(relay, 7)) == [
        ("greeting", "Hello EvilTSOP, welcome to Seoul Linen!"),
        ("greeting", "Hello Kim, welcome to Seoul Linen!"),
        ("greeting", "Hello علي, welcome to Seoul Linen!"),
    ]
    assert all("\u202e" not in sent["text"]["body"] for sent in graph.sent)


MONDAY_NIGHT_SEOUL = datetime(2026, 11, 23, 13, 30, tzinfo=UTC)  # 22:30 in Seoul, closed since 18:00
TUESDAY_MORNING_SEOUL = datetime(2026, 11, 24, 1, 30, tzinfo=UTC)  # 10:30 in Seoul, open
WEEKDAYS_9_TO_6 = [{"mode": "open", "ranges": [{"start": "09:00", "end": "18:00"}]}] * 5 + [
    {"mode": "closed"}
] * 2


@pytest.mark.parametrize(("only_away", "expected"), [(False, ["greeting", "away"]), (True, ["away"])])
def test_a_new_customer_at_night_gets_the_away_message_alone_when_the_owner_chose_so(
    relay: RunningRelay, graph: FakeGraph, only_away: bool, expected: list[str]
) -> None:
    relay.relay.clock = lambda: MONDAY_NIGHT_SEOUL
    stored = relay.put_rules(
        greeting={"enabled": True, "text": "안녕하세요, 서울 리넨입니다", "skip_when_away": only_away},
        away={"enabled": True, "text": "지금은 영업시간이 아니에요", "schedule": "outside_hours"},
        business_hours={"timezone": "Asia/Seoul", "week": WEEKDAYS_9_TO_6},
    )
    served = relay.client.get(f"{relay.url}/v1/automations", headers=relay.auth()).json()
    assert stored["greeting"]["skip_when_away"] is served["greeting"]["skip_when_away"] is only_away
    night = int(MONDAY_NIGHT_SEOUL.timestamp())
    relay.post_webhook(inbound("text", "린넨 셔츠 있나요?", sender="821011112222", timestamp=night))
    events = relay.wait_for_events(2 + len(expected))
    assert [e["sent_by"] for e in events if e["kind"] == "outbound"] == expected
    # The next morning the shop is open: the customer, answered last night, is not greeted now.
    relay.relay.clock = lambda: TUESDAY_MORNING_SEOUL
    morning = int(TUESDAY_MORNING_SEOUL.timestamp())
    relay.post_webhook(inbound("text", "답장 기다릴게요", sender="821011112222", timestamp=morning))
    relay.post_webhook(inbound("text", "처음 연락드려요", sender="821033334444", timestamp=morning))
    later = relay.wait_for_events(3, after=events[-1]["seq"])  # two messages, one greeting
    wait_until(relay.automations_done, 10, "the relay to look at the messages")
    assert [(e["sent_by"], e["to"]) for e in later if e["kind"] == "outbound"] == [
        ("greeting", "821033334444")
    ]
    assert len(graph.sent) == len(expected) + 1


def test_known_contacts_are_never_greeted(relay: RunningRelay, graph: FakeGraph) -> None:
    relay.put_rules(greeting={"enabled": True, "text": "Welcome!"})
    r = relay.client.post(
        f"{relay.url}/v1/contacts/known", json={"wa_ids": ["+82 10-3333-4444"]}, headers=relay.auth()
    )
    assert r.json() == {"known": 1}
    relay.post_webhook(inbound("text", "hi again", sender="821033334444"))
    relay.post_webhook(inbound("text", "hi", sender="821055556666"))
    sent_to = [e["to"] for e in relay.wait_for_events(4) if e["kind"] == "outbound"]
    assert sent_to == ["821055556666"]


def test_away_message_once_per_period_and_never_for_phone_echoes(
    relay: RunningRelay, graph: FakeGraph
) -> None:
    relay.put_rules(away={"enabled": True, "text": "지금은 쉬는 시간이에요", "schedule": "always"})
    echo = {
        "from": "15550783881",
        "to": "821077778888",
        "id": wamid(),
        "timestamp": "1",
        "type": "text",
        "text": {"body": "phone reply"},
    }
    relay.post_webhook(envelope({"message_echoes": [echo]}, field_name="smb_message_echoes"))
    relay.post_webhook(inbound("text", "계세요?", sender="821077778888"))
    assert outbound_by(relay, 4) == [("phone_app", "phone reply"), ("away", "지금은 쉬는 시간이에요")]
    relay.post_webhook(inbound("text", "여보세요?", sender="821077778888"))
    relay.wait_for_events(5)
    assert len(graph.sent) == 1


def test_a_photo_the_relay_cannot_write_down_is_tried_again_without_spending_its_attempts(
    relay: RunningRelay, graph: FakeGraph
) -> None:
    """The relay's disk refused the file (here its media folder is a file): the host's fault, not the
    photo's. Marked failed after a few rounds, it would need the desktop to ask for it again."""
    import shutil

    media_dir = relay.settings.media_dir
    assert media_dir is not None
    shutil.rmtree(media_dir)
    media_dir.write_text("not a folder")
    graph.add_media("777009", JPEG, "image/jpeg")
    relay.post_webhook(inbound("image", {"id": "777009", "mime_type": "image/jpeg", "sha256": "x"}))
    wait_until(lambda: graph.media_lookups.get("777009", 0) >= 1, 10, "the first try")
    graph.add_media("777010", JPEG, "image/jpeg")
    # A second photo wakes the media worker, which tries every pending one again.
    relay.post_webhook(inbound("image", {"id": "777010", "mime_type": "image/jpeg", "sha256": "y"}))
    wait_until(lambda: graph.media_lookups.get("777009", 0) >= 2, 10, "a second try")
    row = relay.relay.store.media.row("777009")
    assert (row.state, row.attempts) == ("pending", 0)

    media_dir.unlink()
    media_dir.mkdir()  # room again
    r = relay.client.get(f"{relay.url}/v1/media/777009", headers=relay.auth())
    assert r.status_code == 200 and r.content == JPEG


def test_a_photo_that_comes_while_another_is_fetched_is_fetched_right_after_it(
    relay: RunningRelay, graph: FakeGraph
) -> None:
    """The second photo's wake-up came during the first one's download: it was cleared with that
    round's, and the second photo waited 10 s for the worker's next look."""
    import threading

    held = threading.Event()
    graph.hold_downloads["777021"] = held
    graph.add_media("777021", JPEG, "image/jpeg")
    graph.add_media("777022", JPEG, "image/jpeg")
    relay.post_webhook(inbound("image", {"id": "777021", "mime_type": "image/jpeg", "sha256": "a"}))
    wait_until(lambda: graph.media_lookups.get("777021", 0) >= 1, 10, "the first photo's download")
    relay.post_webhook(inbound("image", {"id": "777022", "mime_type": "image/jpeg", "sha256": "b"}))
    held.set()  # the first download ends after the second photo came

    wait_until(lambda: relay.relay.store.media.row("777021").state == "ready", 10, "the first photo")
    wait_until(lambda: graph.media_lookups.get("777022", 0) >= 1, 5, "the second photo, not 10 s later")


def test_a_customer_editing_or_deleting_a_message_gets_no_greeting_away_or_bot_answer(
    relay: RunningRelay, graph: FakeGraph
) -> None:
    """Meta reports a customer's edit or deletion ("revoke", coexistence numbers) as a message of
    its own: kept for the desktop, but not a new message to answer."""
    relay.put_rules(
        greeting={"enabled": True, "text": "어서 오세요"},
        away={"enabled": True, "text": "지금은 쉬는 시간이에요", "schedule": "always"},
    )
    original = wamid()  # written two days ago, before the relay ran
    edited = {
        "original_message_id": original,
        "message": {"type": "text", "text": {"body": "린넨 셔츠 있나요"}},
    }
    relay.post_webhook(inbound("edit", edited, sender="821011112222"))
    relay.post_webhook(inbound("revoke", {"original_message_id": original}, sender="821011112222"))
    events = relay.wait_for_events(3)  # settings, the edit, the deletion
    assert [e["message"]["type"] for e in events if e["kind"] == "message"] == ["edit", "revoke"]
    wait_until(relay.automations_done, 10, "the relay to look at the messages")
    assert graph.sent == []
    assert relay.events(after=events[-1]["seq"])["events"] == []


def test_files_older_than_the_media_retention_are_removed_and_said_as_gone_for_good(
    relay: RunningRelay, graph: FakeGraph, tmp_path: Path
) -> None:
    """The media folder grew without end (every photo and upload kept for ever): files older than
    RELAY_MEDIA_RETENTION_DAYS are removed, and a desktop asking for one hears it is gone for good
    (410, media_unavailable, not retryable), never "no such media" nor a retry that cannot help."""
    graph.add_media("777050", JPEG, "image/jpeg")
    relay.post_webhook(inbound("image", {"id": "777050", "mime_type": "image/jpeg", "sha256": "x"}))
    assert relay.client.get(f"{relay.url}/v1/media/777050", headers=relay.auth()).status_code == 200
    media_dir = tmp_path / "relay-media"
    stale_partial = media_dir / "777051.1a2b3c4d.part"  # a download that died with another worker
    stale_partial.write_bytes(b"half")
    os.utime(stale_partial, (0, 0))
    wait_until(lambda: relay.relay.store.media.row("777050").state == "ready", 10, "the relay's own fetch")
    # (The relay's own hourly round starts with the relay and may sweep the partial file first.)
    relay.relay.media.prune(timedelta(days=90))
    assert not stale_partial.exists()  # the day-old partial file goes…
    assert (media_dir / "777050").read_bytes() == JPEG  # …the photo, a few seconds old, stays

    removed, freed = relay.relay.media.prune(timedelta(seconds=-1))  # everything is older than the future
    assert (removed, freed) == (1, len(JPEG))
    assert not (media_dir / "777050").exists()
    r = relay.client.get(f"{relay.url}/v1/media/777050", headers=relay.auth())
    assert r.status_code == 410
    error = r.json()["error"]
    assert (error["code"], error["retryable"], error["params"]) == (
        "media_unavailable",
        False,
        {"kept_days": 90},
    )
    assert "kept this file for 90 days" in error["message"]
    assert graph.media_lookups["777050"] == 1  # Graph is not asked again for a file pruned on purpose


def test_a_file_on_disk_older_than_the_retention_goes_even_when_its_row_was_pruned_elsewhere(
    relay: RunningRelay, tmp_path: Path
) -> None:
    """Workers on two hosts share the database, not the folder: the first to prune marks the row, and
    the other host's copy still goes, by its age on disk."""
    media_dir = tmp_path / "relay-media"
    other_hosts_copy = media_dir / "777060"
    other_hosts_copy.write_bytes(JPEG)
    os.utime(other_hosts_copy, (0, 0))
    fresh = media_dir / "777061"
    fresh.write_bytes(JPEG)
    # (Counted by whichever round removed it: the relay's own hourly round starts with the relay.)
    relay.relay.media.prune(timedelta(days=90))
    assert not other_hosts_copy.exists() and fresh.exists()


@pytest.mark.slow
@pytest.mark.postgresql
def test_an_upload_whose_row_the_database_refuses_leaves_no_file_and_its_retry_uploads_once(
    tmp_path: Path, graph: FakeGraph, pg: str
) -> None:
    # The upload's row is written before the upload (a database that takes no write is met there,
    # before Graph: tests/relay/test_upload_write_check.py); one that fails between that write and
    # the row's completion (its disk full, as PostgreSQL says it) left the file kept under an id no
    # row named, and each retry kept another.
    from sqlalchemy import create_engine, text

    upload = {"Content-Type": "image/jpeg", "X-Filename": "shirt.jpg"}
    with run_relay(tmp_path, graph_url=graph.url, database_url=pg) as relay:
        engine = create_engine(pg)
        full = (
            "CREATE FUNCTION relay_test_disk_full() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
            "RAISE EXCEPTION 'could not extend file' USING ERRCODE = '53100'; END $$; "
            "CREATE TRIGGER relay_test_disk_full BEFORE INSERT ON media "
            "FOR EACH ROW WHEN (NEW.id NOT LIKE 'upload-%') EXECUTE FUNCTION relay_test_disk_full()"
        )
        try:
            with engine.begin() as conn:
                conn.execute(text(full))
            refused = relay.client.post(
                f"{relay.url}/v1/media", content=JPEG, headers={**relay.auth(), **upload}
            )
            assert refused.status_code == 503, refused.text
            assert refused.json()["error"]["retryable"] is True
            assert len(graph.upload_names) == 1  # it went to Meta: the database failed after the row
            assert list((tmp_path / "relay-media").iterdir()) == []  # and no file stayed behind
            with engine.begin() as conn:
                conn.execute(text("DROP TRIGGER relay_test_disk_full ON media"))
                conn.execute(text("DROP FUNCTION relay_test_disk_full()"))
        finally:
            engine.dispose()
        retried = relay.client.post(f"{relay.url}/v1/media", content=JPEG, headers={**relay.auth(), **upload})
        assert retried.status_code == 200, retried.text
        media_id = retried.json()["id"]
        assert len(graph.upload_names) == 2
        assert [path.name for path in (tmp_path / "relay-media").iterdir()] == [media_id]
        kept = relay.client.get(f"{relay.url}/v1/media/{media_id}", headers=relay.auth())
        assert kept.status_code == 200 and kept.content == JPEG
