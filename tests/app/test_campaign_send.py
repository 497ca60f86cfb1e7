"""Handing a campaign to the real relay: the resolved recipients, their parameters, the owner's opt-out."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from app.campaign_send import hand_over
from app.campaign_store import CampaignDraft, campaign_rows, save_draft
from app.campaigns import ParameterSource, ParameterSpec
from app.consent import tell_relay_opt_out
from app.db import Database
from app.errors import ErrorCode, InvalidInput
from app.relay_client import RelayClient
from app.wire import Template
from tests.support.factories import make_contact
from tests.support.fake_graph import run_fake_graph
from tests.support.relay_server import RunningRelay, run_relay

NOW = datetime.now(UTC)
AD = Template(
    name="spring_restock",
    language="en",
    category="MARKETING",
    components=[{"type": "BODY", "text": "Hi {{1}}, linen is back: {{2}}. Reply STOP to opt out."}],
)


@pytest.fixture
def relay(tmp_path: Path) -> Iterator[Any]:
    folder = tmp_path / "relay"
    folder.mkdir()
    with run_fake_graph() as graph, run_relay(folder, graph_url=graph.url) as running:
        running.graph = graph
        yield running


def campaign_finished(relay: RunningRelay, campaign_id: str, timeout: float = 20) -> dict[str, Any]:
    """Long-poll the relay's events until the campaign reports `done` (no sleeping)."""
    cursor, deadline = 0, time.monotonic() + timeout
    while time.monotonic() < deadline:
        page = relay.events(cursor, wait=2)
        cursor = page["next"]
        for event in page["events"]:
            if (
                event["kind"] == "campaign"
                and event["campaign_id"] == campaign_id
                and event["state"] == "done"
            ):
                return dict(event)
    raise AssertionError("the campaign did not finish")


def test_the_relay_sends_each_recipient_once_and_skips_the_one_the_owner_opted_out(
    db: Database, relay: Any
) -> None:
    consent = {
        "opted_in_at": NOW - timedelta(days=3),
        "marketing_consent_at": NOW - timedelta(days=3),
        "night_consent_at": NOW - timedelta(days=3),
    }
    with db.write() as s:
        amy = make_contact(s, wa_id="447700900123", profile_name="Amy Clarke", **consent)
        make_contact(s, wa_id="447700900124", profile_name="Ben Hall", **consent)
        campaign_id = save_draft(
            s,
            CampaignDraft(
                name="Linen is back",
                template=AD,
                parameters=(
                    ParameterSpec(ParameterSource.FIRST_NAME, "there"),
                    ParameterSpec(ParameterSource.TEXT, "20% off this week"),
                ),
            ),
        )
        amy_id = amy.id
    client = RelayClient(relay.url, relay.token, timeout=10)
    try:
        # Recorded on the relay only (as from another desktop): the request still says "marketing".
        assert tell_relay_opt_out(db, client, amy_id, True)
        answer = hand_over(db, client, campaign_id)
        assert answer.total == 2
        done = campaign_finished(relay, answer.id)
    finally:
        client.close()
    sent = [b for b in relay.graph.sent if b.get("type") == "template"]
    assert [b["to"] for b in sent] == ["447700900124"]
    assert sent[0]["template"]["components"][0]["parameters"][0]["text"] == "Ben"
    assert done["counts"].get("skipped") == 1
    with db.read() as s:
        [row] = campaign_rows(s)
    assert row.recipients == 2 and row.sent_at is not None
    # Handed over once: the draft can no longer be sent (or changed) a second time.
    again = RelayClient(relay.url, relay.token)
    try:
        with pytest.raises(InvalidInput):
            hand_over(db, again, campaign_id)
    finally:
        again.close()


def _version(language: str, body: str) -> Template:
    return Template(
        name="order_ready", language=language, category="UTILITY", components=[{"type": "BODY", "text": body}]
    )


def test_each_recipient_gets_the_version_of_the_template_in_the_language_they_write(
    db: Database, relay: Any
) -> None:
    """A Korean shop's "order_ready" is approved in Korean and English: Amy, who writes English, gets
    the English version; 민지 and Ben (who never wrote) the Korean one chosen; Yuki, who writes
    Japanese, the Korean one too, since the Japanese version takes other parameters than the owner's."""
    from app.sending import TEMPLATES_SETTING
    from app.settings import put_setting
    from tests.support.factories import make_message

    ko = _version("ko", "{{1}}님, 주문하신 상품이 준비됐어요.")
    en = _version("en_US", "Hi {{1}}, your order is ready.")
    ja = _version("ja", "{{1}}様、{{2}}のご注文の準備ができました。")
    consent = {"opted_in_at": NOW - timedelta(days=3)}
    with db.write() as s:
        put_setting(s, TEMPLATES_SETTING, [t.model_dump(mode="json") for t in (en, ko, ja)])
        minji = make_contact(s, wa_id="447700900201", profile_name="김민지", **consent)
        amy = make_contact(s, wa_id="447700900202", profile_name="Amy Clarke", **consent)
        yuki = make_contact(s, wa_id="447700900203", profile_name="Yuki Tanaka", **consent)
        make_contact(s, wa_id="447700900204", profile_name="Ben Hall", **consent)
        make_message(s, minji, "배송은 언제 되나요?")
        make_message(s, amy, "안녕하세요")  # an older greeting in Korean: her newest words decide
        make_message(s, amy, "Is my order ready? Thanks!")
        make_message(s, amy, "👍")
        make_message(s, yuki, "注文はいつ届きますか?")
        campaign_id = save_draft(
            s,
            CampaignDraft(
                name="Ready", template=ko, parameters=(ParameterSpec(ParameterSource.FIRST_NAME, "고객"),)
            ),
        )
    client = RelayClient(relay.url, relay.token, timeout=10)
    try:
        answer = hand_over(db, client, campaign_id)
        campaign_finished(relay, answer.id)
    finally:
        client.close()
    sent = {b["to"]: b["template"] for b in relay.graph.sent if b.get("type") == "template"}
    assert {to: t["language"]["code"] for to, t in sent.items()} == {
        "447700900201": "ko",
        "447700900202": "en_US",
        "447700900203": "ko",
        "447700900204": "ko",
    }
    assert all(t["name"] == "order_ready" for t in sent.values())
    assert sent["447700900202"]["components"][0]["parameters"][0]["text"] == "Amy"


class _AnswerAfterTheEvents:
    """The real relay client, whose answer to the POST reaches the desktop only after the campaign's
    events did (the sync thread long-polls while hand-over waits for its answer)."""

    def __init__(self, client: RelayClient, db: Database, relay: Any) -> None:
        self.client, self.db, self.relay = client, db, relay

    def upload_media(self, *args: Any, **kw: Any) -> Any:
        return self.client.upload_media(*args, **kw)

    def campaign_action(self, *args: Any) -> Any:
        return self.client.campaign_action(*args)

    def create_campaign(self, campaign: Any) -> Any:
        from app.sync_apply import apply_events
        from app.wire import EventsPage

        answer = self.client.create_campaign(campaign)
        campaign_finished(self.relay, answer.id)
        page = EventsPage.model_validate(self.relay.events(0, wait=0))
        with self.db.write() as s:
            apply_events(s, page.events, page.next)
        return answer


def test_a_campaign_whose_events_arrive_before_the_relays_answer_stays_done(db: Database, relay: Any) -> None:
    """The report said "Done" with "On the relay: Waiting: 9": the POST's answer (a snapshot from
    before any send) was written over the events the sync thread had applied meanwhile."""
    from app.models import Campaign as CampaignModel

    with db.write() as s:
        make_contact(s, wa_id="447700900124", profile_name="Ben Hall", opted_in_at=NOW - timedelta(days=3))
        make_contact(s, wa_id="447700900125", profile_name="Cleo Park", opted_in_at=NOW - timedelta(days=3))
        utility = AD.model_copy(update={"category": "UTILITY"})
        params = (
            ParameterSpec(ParameterSource.FIRST_NAME, "there"),
            ParameterSpec(ParameterSource.TEXT, "ok"),
        )
        campaign_id = save_draft(s, CampaignDraft(name="Ready", template=utility, parameters=params))
    client = RelayClient(relay.url, relay.token, timeout=10)
    try:
        answer = hand_over(db, _AnswerAfterTheEvents(client, db, relay), campaign_id)
    finally:
        client.close()
    assert answer.state != "done"  # the answer was taken before anything was sent
    with db.read() as s:
        row = s.get(CampaignModel, campaign_id)
        assert row is not None
        assert row.state == "done" and "queued" not in row.counts and sum(row.counts.values()) == 2
        assert row.sent_at is not None


def test_a_send_refused_for_an_empty_blank_keeps_one_draft_that_sends_once_filled(
    db: Database, relay: Any
) -> None:
    from app.campaign_actions import send_campaign
    from app.errors import ErrorCode, ValueParams

    with db.write() as s:
        make_contact(
            s,
            wa_id="447700900125",
            profile_name="Cara Doyle",
            opted_in_at=NOW - timedelta(days=3),
            marketing_consent_at=NOW - timedelta(days=3),
            night_consent_at=NOW - timedelta(days=3),
        )
    draft = CampaignDraft(
        name="Night test",
        template=AD,
        parameters=(ParameterSpec(ParameterSource.TEXT, ""), ParameterSpec(ParameterSource.TEXT, "")),
    )
    client = RelayClient(relay.url, relay.token, timeout=10)
    try:
        refused, _changes = send_campaign(db, client, draft, None)
        assert isinstance(refused.refused, InvalidInput)
        assert refused.refused.code is ErrorCode.CAMPAIGN_PARAMETER_EMPTY
        assert refused.refused.params == ValueParams("{{1}}, {{2}}")
        filled = CampaignDraft(
            name="Night test",
            template=AD,
            parameters=(
                ParameterSpec(ParameterSource.FIRST_NAME, "there"),
                ParameterSpec(ParameterSource.TEXT, "20% off"),
            ),
        )
        sent, _changes = send_campaign(db, client, filled, refused.campaign_id)
        assert sent.refused is None and sent.campaign_id == refused.campaign_id
    finally:
        client.close()
    with db.read() as s:
        assert [(r.name, r.state) for r in campaign_rows(s)] == [
            ("Night test", "running")
        ]  # one campaign, handed over


def test_a_customer_opted_out_after_the_owner_confirmed_stops_the_send_with_both_counts(
    db: Database, relay: Any
) -> None:
    """She said yes to 2 customers; Amy opted out before the hand-over: nothing goes out, and the
    refusal says 2 confirmed, 1 now, rather than sending to 1 under her "yes" to 2."""
    consent = {"opted_in_at": NOW - timedelta(days=3), "marketing_consent_at": NOW - timedelta(days=3)}
    with db.write() as s:
        amy = make_contact(s, wa_id="447700900123", profile_name="Amy Clarke", **consent)
        ben = make_contact(s, wa_id="447700900124", profile_name="Ben Hall", **consent)
        campaign_id = save_draft(
            s,
            CampaignDraft(
                name="Linen is back",
                template=AD,
                parameters=(
                    ParameterSpec(ParameterSource.TEXT, "there"),
                    ParameterSpec(ParameterSource.TEXT, "20% off this week"),
                ),
            ),
        )
        confirmed = frozenset({amy.id, ben.id})
        amy.opted_out_at = NOW  # after the question was answered
    client = RelayClient(relay.url, relay.token, timeout=10)
    try:
        with pytest.raises(InvalidInput) as refused:
            hand_over(db, client, campaign_id, confirmed=confirmed)
        assert refused.value.code is ErrorCode.CAMPAIGN_RECIPIENTS_CHANGED
        assert refused.value.param_values() == {"confirmed_count": 2, "current_count": 1}
        with db.read() as s:
            [row] = campaign_rows(s)
        assert row.sent_at is None  # still her draft: corrected and sent again, it is this one
        # Asked again about the one customer left: it goes to that one.
        answer = hand_over(db, client, campaign_id, confirmed=frozenset({ben.id}))
        assert answer.total == 1
    finally:
        client.close()
