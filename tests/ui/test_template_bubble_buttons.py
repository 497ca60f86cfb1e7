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
PICKUP = Template(
    name="pickup_ready",
    language="ko",
    category="UTILITY",
    components=[
        {"type": "BODY", "text": "주문하신 빵이 준비됐어요. 매장 위치는 아래 버튼을 눌러 확인해 주세요."},
        {"type": "BUTTONS", "buttons": [{"type": "URL", "text": "매장 위치", "url": "https://example.com"}]},
    ],
)


def outbound(seq: int, *, name: str, sent_by: str, campaign_id: str | None = None) -> dict[str, Any]:
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
            "template": {"name": name, "language": {"code": "ko"}, "components": params},
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
        put_setting(s, TEMPLATES_SETTING, [PICKUP.model_dump(mode="json")])
        minji_id = minji.id
    page = EventsPage.model_validate(
        {
            "events": [
                outbound(1, name="new_bread", sent_by="campaign", campaign_id=uid),
                outbound(2, name="gone_template", sent_by="owner"),  # another desktop's, unknown here
            ],
            "next": 2,
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
