"""Campaign recipients with their own version of the template: each is sent it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.relay.test_campaigns import (
    SEOUL_AFTERNOON,
    post_campaign,
    recipient,
    wait_for_state,
)
from tests.support.fake_graph import FakeGraph
from tests.support.relay_server import RunningRelay, run_relay

LATER = "2027-01-01T00:00:00Z"  # a start that keeps a campaign scheduled (active, nobody sent yet)


@pytest.fixture
def relay(tmp_path: Path, graph: FakeGraph, storage: str | None) -> Iterator[RunningRelay]:
    with run_relay(tmp_path, graph_url=graph.url, database_url=storage, campaign_poll=0.05) as running:
        graph.webhook_url = f"{running.url}/webhook"
        running.relay.clock = lambda: SEOUL_AFTERNOON
        yield running


def speaking(language: str | None, wa_id: str, **consent: bool) -> dict[str, Any]:
    return {**recipient(wa_id, **consent), "language": language}


def languages_sent(graph: FakeGraph) -> list[tuple[str, str, str]]:
    """(to, template name, language code) of every template send Graph received, in order."""
    return [
        (str(body["to"]), body["template"]["name"], body["template"]["language"]["code"])
        for body in graph.sent
        if body.get("type") == "template"
    ]


def test_each_recipient_is_sent_their_own_version_of_the_template_once(
    relay: RunningRelay, graph: FakeGraph
) -> None:
    writes_english, campaigns_own, says_so = "821012120001", "821012120002", "821012120003"
    recipients = [speaking("en", writes_english), speaking(None, campaigns_own), speaking("ko", says_so)]

    post_campaign(relay, "three-versions", recipients)
    done = wait_for_state(relay, "three-versions", "done")

    assert done.counts == {"sent": 3}
    assert sorted(languages_sent(graph)) == [
        (writes_english, "winter_sale", "en"),
        (campaigns_own, "winter_sale", "ko"),
        (says_so, "winter_sale", "ko"),
    ]


def test_posting_a_campaign_with_versions_again_is_one_campaign_and_other_versions_are_refused(
    relay: RunningRelay, graph: FakeGraph
) -> None:
    recipients = [speaking("en", "821078780001"), speaking(None, "821078780002")]
    first = post_campaign(relay, "same-versions", recipients, start_at=LATER)
    again = post_campaign(relay, "same-versions", recipients, start_at=LATER)
    assert again.created_at == first.created_at and again.total == 2

    other = {
        "id": "same-versions",
        "name": "겨울 세일",
        "template": {"name": "winter_sale", "language": "ko", "category": "MARKETING"},
        "recipients": [speaking("ja", "821078780001"), speaking(None, "821078780002")],
        "pace_per_second": 80,
        "start_at": LATER,
    }
    answer = relay.client.post(f"{relay.url}/v1/campaigns", json=other, headers=relay.auth())
    assert answer.status_code == 409 and answer.json()["error"]["code"] == "campaign_conflict"
    assert graph.sent == []
