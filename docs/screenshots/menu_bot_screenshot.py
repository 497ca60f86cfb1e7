"""Screenshots of issue 23: a customer walked the menu bot and asked for a person (Korean, English).

The bot's answers come from app/rules.py itself (the relay's brain), applied as the relay's events.
Run: xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/python docs/screenshots/menu_bot_screenshot.py
"""

from __future__ import annotations

import itertools
import sys
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from docs.screenshots.shop_clock import (  # noqa: E402
    demo_context,
    shop_region,
    use_shop_clock,
    working_moment,
)
from docs.screenshots.take import OUT, fill_shop, settle  # noqa: E402

CUSTOMER = "821077770123"
# What the customer does, in order: type, tap a list row, tap a reply button.
WALK: tuple[tuple[str, str, str], ...] = (
    ("text", "메뉴 보여주세요", ""),
    ("list_reply", "menu:hours", "운영시간"),
    ("list_reply", "menu:returns", "교환·반품"),
    ("button_reply", "menu:exchange", "교환 신청"),
    ("text", "상담원 연결해 주세요", ""),
    ("text", "상담원", ""),
)


def walk_events(now: datetime) -> list[dict[str, Any]]:
    """The relay's events for the walk: each message, the bot's answer, and the hand-off."""
    from app.rules import BotState, bot_decision, customer_message
    from app.shop_menu import korean_shop_menu
    from app.wire import Automations, BusinessHours, DayHours

    bot = korean_shop_menu().model_copy(update={"enabled": True})
    hours = BusinessHours(timezone="Asia/Seoul", week=[DayHours(mode="all_day")] * 7)
    doc = Automations(bot=bot, business_hours=hours)
    seq = itertools.count(1)
    state = BotState()
    events: list[dict[str, Any]] = []
    for i, (kind, value, title) in enumerate(WALK):
        at = now - timedelta(minutes=30 - 3 * i)
        stamp = at.isoformat().replace("+00:00", "Z")
        message: dict[str, Any] = {
            "from": CUSTOMER,
            "id": f"wamid.BOTSHOT{i}",
            "timestamp": str(int(at.timestamp())),
        }
        if kind == "text":
            message |= {"type": "text", "text": {"body": value}}
        else:
            message |= {
                "type": "interactive",
                "interactive": {"type": kind, kind: {"id": value, "title": title}},
            }
        contact = {"wa_id": CUSTOMER, "profile": {"name": "박서연"}}
        events.append(
            {"seq": next(seq), "kind": "message", "at": stamp, "message": message, "contact": contact}
        )
        decision = bot_decision(
            doc, state, customer_message(message), at, wa_id=CUSTOMER, contact_name="박서연"
        )
        state = decision.state
        if decision.handoff is not None and state.paused_until is not None:
            until = state.paused_until.isoformat().replace("+00:00", "Z")
            events.append(
                {
                    "seq": next(seq),
                    "kind": "contact",
                    "at": stamp,
                    "contact": {"wa_id": CUSTOMER},
                    "bot_paused_until": until,
                    "handoff_reason": decision.handoff.value,
                }
            )
        if decision.reply is not None:
            body = {"messaging_product": "whatsapp", "to": CUSTOMER, **decision.reply}
            events.append(
                {
                    "seq": next(seq),
                    "kind": "outbound",
                    "at": stamp,
                    "wamid": f"wamid.BOTREPLY{i}",
                    "to": CUSTOMER,
                    "sent_by": "bot",
                    "body": body,
                }
            )
    return events


def main() -> None:
    from PySide6.QtCore import QTranslator
    from PySide6.QtWidgets import QApplication

    from app.db import Database
    from app.paths import paths_for
    from app.sync_apply import apply_events
    from app.wire import read_event
    from ui.chat_list_model import ChatRole
    from ui.main_window import MainWindow
    from ui.translations import install_translators

    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setStyle("Fusion")
    for lang in ("ko", "en"):
        use_shop_clock(lang)
        for t in app.findChildren(QTranslator):
            app.removeTranslator(t)
        install_translators(app, lang, shop_region(lang))
        app.setPalette(app.style().standardPalette())
        # Her walk in the shop's working day, unless that was so long ago that the bot's pause after
        # her hand-off (12 hours) has run out: the picture is of a chat that waits for a person.
        now = working_moment(lang, open_for=timedelta(minutes=35))
        if datetime.now(UTC) - now > timedelta(hours=11):
            now = datetime.now(UTC)
        paths = paths_for(Path(tempfile.mkdtemp(prefix="shots-"))).ensure()
        db = Database.open(paths.database)
        fill_shop(db, paths.media_dir, now - timedelta(hours=1), korean=lang == "ko")
        with db.write() as s:
            apply_events(s, [read_event(e) for e in walk_events(now)], None)
        ctx = demo_context(db, paths, lang)
        window = MainWindow(ctx)
        window.resize(1320, 820)
        window.splitter.setSizes([360, 960, 0])
        window.show()
        window.activateWindow()
        settle(app, window)
        model = window.chat_list.model
        rows = [model.index(i).data(ChatRole.ROW) for i in range(model.rowCount())]
        contact_id = next(row.contact_id for row in rows if row.wa_id == CUSTOMER)
        window.chat_list.select_contact(contact_id)
        settle(app, window, 20)
        window.chat.view.scrollToBottom()
        settle(app, window)
        out = OUT / f"menu-bot-handoff-{lang}.png"
        window.grab().save(str(out))
        print(out.relative_to(ROOT))
        window.close()
        db.close()


if __name__ == "__main__":
    main()
