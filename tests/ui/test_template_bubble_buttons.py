"""A template message in the chat shows its buttons under its text, as the customer's phone does."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from app.campaign_store import CampaignDraft, save_draft
from app.models import Campaign
from app.queries import messages_page
from app.sending import TEMPLATES_SETTING, Outgoing, queue_outgoing
from app.settings import put_setting
from app.sync_apply import apply_events
from app.wire import EventsPage, Template
from tests.support.factories import make_contact
from ui.bubble_layout import body_text

AT = datetime(2026, 12, 5, 1, 0, tzinfo=UTC).isoformat()
NEW_BREAD = Template(
    name="new_bread",
    language="ko",
    category="MARKETING",
    components=[
        {"type": "BODY", "text": "(광고) {{1}}님, 이번 주 새 빵이 나왔어요! 아래 버튼을 눌러 주문해 주세요."},
        {
            "type": "BUTTONS",
            "buttons": [
                {"type": "QUICK_REPLY", "text": "주문하기"},
                {"type": "QUICK_REPLY", "text": "광고 수신 거부"},
            ],
        },
    ],
)
NEW_BREAD_EN = Template(
    name="new_bread",
    language="en",
    category="MARKETING",
    components=[
        {"type": "BODY", "text": "(Ad) {{1}}, this week's new bread is here! Tap the button below to order."},
        {
            "type": "BUTTONS",
            "buttons": [
                {"type": "QUICK_REPLY", "text": "Order"},
                {"type": "QUICK_REPLY", "text": "Stop ads"},
            ],
        },
    ],
)
PICKUP = Template(
    name="pickup_ready",
    language="ko",
    category="UTILITY",
    components=[
        {"type": "BODY", "text": "주문하신 빵이 준비됐어요. 매장 위치는 아래 버튼을 눌러 확인해 주세요."},
        {"type": "BUTTONS", "buttons": [{"type": "URL", "text": "매장 위치", "url": "https://example.com"}]},
    ],
)


def outbound(
    seq: int, *, name: str, sent_by: str, campaign_id: str | None = None, language: str = "ko"
) -> dict[str, Any]:
    params = [{"type": "body", "parameters": [{"type": "text", "text": "민지"}]}] if campaign_id else []
    return {
        "seq": seq,
        "kind": "outbound",
        "at": AT,
        "to": "821012345678",
        "wamid": f"wamid.T{seq}",
        "client_id": f"c{seq}",
        "sent_by": sent_by,
        "campaign_id": campaign_id,
        "body": {
            "type": "template",
            "template": {"name": name, "language": {"code": language}, "components": params},
        },
    }


def test_a_campaigns_and_the_owners_template_messages_show_their_buttons(db: Any) -> None:
    """박서준's campaign said "아래 버튼을 눌러 주문해 주세요" and the chat showed no button below it:
    the owner could not tell what the customer was offered. The buttons' titles now follow the text,
    from the campaign's template, and from the kept copy of the approved templates for a template
    the owner sent from the chat."""
    with db.write() as s:
        minji = make_contact(s, wa_id="821012345678", profile_name="민지")
        cid = save_draft(s, CampaignDraft(name="새 빵 소식", template=NEW_BREAD))
        uid = s.get(Campaign, cid).uid  # type: ignore[union-attr]
        kept = [NEW_BREAD, NEW_BREAD_EN, PICKUP]
        put_setting(s, TEMPLATES_SETTING, [t.model_dump(mode="json") for t in kept])
        amy_id = make_contact(s, wa_id="447700900123", profile_name="Amy").id
        minji_id = minji.id
    page = EventsPage.model_validate(
        {
            "events": [
                outbound(1, name="new_bread", sent_by="campaign", campaign_id=uid),
                outbound(2, name="gone_template", sent_by="owner"),  # another desktop's, unknown here
                # Amy got the campaign's English version (app/template_versions.py).
                {
                    **outbound(3, name="new_bread", sent_by="campaign", campaign_id=uid, language="en"),
                    "to": "447700900123",
                },
            ],
            "next": 3,
        }
    )
    with db.write() as s:
        apply_events(s, page.events, page.next)
    queue_outgoing(db, Outgoing(minji_id, template=PICKUP))  # the owner's, from the chat
    with db.read() as s:
        sale, gone, pickup = messages_page(s, minji_id)
    assert body_text(sale) == (
        "(광고) 민지님, 이번 주 새 빵이 나왔어요! 아래 버튼을 눌러 주문해 주세요.\n▸ 주문하기\n▸ 광고 수신 거부"
    )
    assert sale.campaign_name == "새 빵 소식"
    assert (
        body_text(pickup)
        == "주문하신 빵이 준비됐어요. 매장 위치는 아래 버튼을 눌러 확인해 주세요.\n▸ 매장 위치"
    )
    assert body_text(gone) == "gone_template"  # nothing known to add
    with db.read() as s:
        [to_amy] = messages_page(s, amy_id)
    assert body_text(to_amy).endswith("Tap the button below to order.\n▸ Order\n▸ Stop ads")
    # What the bubbles show under the text, a search finds them by (app/template_buttons.py).
    from app.search import search_messages

    with db.read() as s:
        assert [h.message_id for h in search_messages(s, "수신 거부")] == [sale.id]
        assert [h.message_id for h in search_messages(s, "stop ads")] == [to_amy.id]
        assert [h.message_id for h in search_messages(s, "주문하기")] == [sale.id]
