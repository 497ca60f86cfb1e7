"""An order's history as the owner reads it: each event's line, its moment on the shop's clock."""

from __future__ import annotations

import json
from datetime import datetime

from PySide6.QtCore import QCoreApplication

from app.order_queries import EventRow
from app.orders import EXPIRED_MOVE, UNSENT_MOVE
from app.rules import zone
from ui.formatting import full_datetime, shop_datetime
from ui.korean_particles import with_particles
from ui.order_text import state_name

translate = QCoreApplication.translate


def order_time(moment: datetime, time_zone: str | None) -> str:
    """An order's moment on the shop's clock, as its customer is told it, named where this
    computer's clock differs ("2026. 12. 6. 오후 11:38 (한국 표준시)"); None: this computer's clock."""
    return shop_datetime(moment, zone(time_zone)) if time_zone else full_datetime(moment)


def event_text(event: EventRow, time_zone: str | None = None) -> str:
    when = order_time(event.at, time_zone)
    if event.kind == "created":
        return translate("OrderWindow", "{0}: order received").format(when)
    if event.kind == EXPIRED_MOVE:
        return translate("OrderWindow", "{0}: cancelled, the payment deadline passed").format(when)
    if event.kind == UNSENT_MOVE and event.note == EXPIRED_MOVE:  # app/order_notices.py
        return translate(
            "OrderWindow", "{0}: cancelled, the payment deadline passed (message to the customer not sent)"
        ).format(when)
    if event.kind == "reminded":
        return translate("OrderWindow", "{0}: payment reminder prepared").format(when)
    if event.kind == "option":
        change = json.loads(event.note or "{}")
        if not change.get("from"):
            return with_particles(
                translate("OrderWindow", "{0}: option of “{1}” set to “{2}”").format(
                    when, change.get("item", ""), change.get("to", "")
                )
            )
        if not change.get("to"):
            return with_particles(
                translate("OrderWindow", "{0}: option “{2}” of “{1}” taken off").format(
                    when, change.get("item", ""), change.get("from", "")
                )
            )
        return with_particles(
            translate("OrderWindow", "{0}: option of “{1}” changed from “{2}” to “{3}”").format(
                when, change.get("item", ""), change.get("from", ""), change.get("to", "")
            )
        )
    if event.kind == UNSENT_MOVE:
        return translate("OrderWindow", "{0}: {1} → {2} (message to the customer not sent)").format(
            when, state_name(event.from_state or ""), state_name(event.to_state or "")
        )
    return translate("OrderWindow", "{0}: {1} → {2}").format(
        when, state_name(event.from_state or ""), state_name(event.to_state or "")
    )
