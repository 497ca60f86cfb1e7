"""The campaign tests' shop (VIP contacts, some of them left out, two marketing templates) and its window."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from app.models import Label
from app.sending import TEMPLATES_SETTING
from app.settings import put_setting
from app.wire import Template
from tests.support.factories import make_contact

NOW = datetime.now(UTC)
BARE_AD = Template(
    name="winter_sale",
    language="ko",
    category="MARKETING",
    components=[{"type": "BODY", "text": "{{1}}님, 겨울 세일을 시작했어요! 쿠폰 {{2}}"}],
)
LAWFUL_AD = Template(
    name="winter_sale_ok",
    language="ko",
    category="MARKETING",
    components=[
        {"type": "BODY", "text": "(광고) 서울 리넨 겨울 세일! {{1}}님께 쿠폰 {{2}}. 문의 02-123-4567"},
        {"type": "BUTTONS", "buttons": [{"type": "QUICK_REPLY", "text": "수신거부"}]},
    ],
)


def seed(ctx: Any) -> None:
    with ctx.db.write() as s:
        vip = Label(name="VIP", colour="#000000")
        consent = {"opted_in_at": NOW - timedelta(days=10), "marketing_consent_at": NOW - timedelta(days=10)}
        for name in ("Minji Kim", "Jihoon Park"):
            make_contact(s, profile_name=name, **consent).labels = [vip]
        make_contact(s, profile_name="Blocked One", blocked=True, **consent).labels = [vip]
        make_contact(s, profile_name="No Consent").labels = [vip]
        make_contact(s, profile_name="Texan", wa_id="15125550100", **consent).labels = [vip]
        put_setting(
            s, TEMPLATES_SETTING, [BARE_AD.model_dump(mode="json"), LAWFUL_AD.model_dump(mode="json")]
        )


def open_window(qtbot: Any, ctx: Any) -> Any:
    from ui.campaign_window import CampaignWindow
    from ui.ops import pending_ops

    window = CampaignWindow(ctx)
    qtbot.addWidget(window, before_close_func=lambda _w: qtbot.waitUntil(lambda: pending_ops() == 0))
    window.show()
    qtbot.waitUntil(window.editor.is_loaded, timeout=5000)
    return window


def choose_template(editor: Any, name: str) -> None:
    for i in range(editor.message.template.count()):
        t = editor.message.template.itemData(i)
        if t is not None and t.name == name:
            editor.message.template.setCurrentIndex(i)
            return
    raise AssertionError(f"no template {name}")
