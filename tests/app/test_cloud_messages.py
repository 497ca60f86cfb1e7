"""Reading WhatsApp's message objects: what the bubble says, which file it carries, which customer wrote."""

from __future__ import annotations

from datetime import UTC, datetime

from app.cloud_messages import contact_key, media_row, message_body, message_kind, whatsapp_time

FALLBACK = datetime(2026, 11, 25, tzinfo=UTC)


def test_whatsapps_seconds_become_utc_and_nonsense_falls_back() -> None:
    assert whatsapp_time("1795000000", FALLBACK) == datetime.fromtimestamp(1795000000, tz=UTC)
    assert whatsapp_time("yesterday", FALLBACK) == FALLBACK
    assert whatsapp_time(None, FALLBACK) == FALLBACK


def test_a_type_from_the_future_is_kept_as_unsupported() -> None:
    assert message_kind({"type": "text"}) == "text"
    assert message_kind({"type": "hologram"}) == "unsupported"
    assert message_kind({}) == "unsupported"


def test_the_bubble_text_of_each_kind() -> None:
    assert message_body({"type": "text", "text": {"body": "배송 언제 되나요?"}}) == "배송 언제 되나요?"
    assert message_body({"type": "image", "image": {"caption": "이 셔츠요", "id": "1"}}) == "이 셔츠요"
    assert message_body({"type": "document", "document": {"filename": "견적서.pdf"}}) == "견적서.pdf"
    tapped = {"type": "interactive", "interactive": {"type": "button_reply", "button_reply": {"title": "네"}}}
    assert message_body(tapped) == "네"
    assert message_body({"type": "button", "button": {"text": "주문할게요"}}) == "주문할게요"
    place = {"type": "location", "location": {"name": "가게", "address": "서울 마포구"}}
    assert message_body(place) == "가게\n서울 마포구"
    people = {"type": "contacts", "contacts": [{"name": {"formatted_name": "김민수"}}]}
    assert message_body(people) == "김민수"


def test_a_received_file_keeps_a_safe_name_and_its_relay_id() -> None:
    doc = {
        "type": "document",
        "document": {"id": "4234567890", "mime_type": "application/pdf; x=1", "filename": "../../견적서.pdf"},
    }
    row = media_row(doc)
    assert row is not None
    assert row["mime"] == "application/pdf" and row["relay_media_id"] == "4234567890"
    assert "/" not in row["filename"] and row["filename"].endswith(".pdf")
    assert media_row({"type": "text", "text": {"body": "hi"}}) is None


def test_a_customer_is_keyed_by_number_else_by_business_scoped_id() -> None:
    assert contact_key("+82 10-1234-5678", "KR.123") == ("wa", "821012345678")
    assert contact_key(None, "KR.123") == ("user", "KR.123")
    assert contact_key(None, None) is None
