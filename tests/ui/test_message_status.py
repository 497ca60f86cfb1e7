"""What a bubble's tooltip says of a reply that waits, for each reason it can wait."""

from __future__ import annotations

from app.outbox import Waiting
from ui.message_status import waiting_sentence


def test_each_reason_a_reply_waits_is_said_in_its_own_korean_words(korean: None) -> None:
    """A reply still being posted says only that it waits; every other reason says why, each its own."""
    plain = waiting_sentence(None)
    assert plain == waiting_sentence(Waiting.SENDING) == waiting_sentence("a reason from a newer version")
    assert "Waiting" not in plain  # translated
    said = {reason: waiting_sentence(reason) for reason in Waiting if reason is not Waiting.SENDING}
    assert plain not in said.values()
    assert len(set(said.values())) == len(said)
    assert not any("Waiting" in sentence or "relay" in sentence for sentence in said.values())
