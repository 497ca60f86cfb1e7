"""An order's history as the owner reads it: each event's line, its moment on the shop's clock."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import QCoreApplication

from app.deposits import REFUND_DUE, SHARE_FREED, SHARE_TAKEN, TAKEN_REFUND, TAKEN_RESTORED
from app.order_changes import CHANGED
from app.order_notices import NotToldReason
from app.order_queries import EventRow
from app.order_returns import CARRIED_BACK, EXCHANGE_FOR, GOODS_BACK, RETURNED
from app.orders import EXPIRED_MOVE, MOVED_BACK, UNSENT_MOVE, OrderState, Told, move_note
from app.rules import zone
from app.shipping_sheets import RETRACKED
from ui.formatting import full_datetime, on_clock, shop_datetime
from ui.korean_particles import with_particles
from ui.order_text import money, state_name
from ui.surcharge_names import surcharge_name

translate = QCoreApplication.translate


def order_time(moment: datetime, time_zone: str | None) -> str:
    """An order's moment on the shop's clock, as its customer is told it, named where this
    computer's clock differs ("2026. 12. 6. 오후 11:38 (한국 표준시)"); None: this computer's clock."""
    return shop_datetime(moment, zone(time_zone)) if time_zone else full_datetime(moment)


def history_lines(
    events: Sequence[EventRow], time_zone: str | None = None, country: str = "KR", currency: str = "KRW"
) -> list[str]:
    """An order's history, newest first, a line per event and one more for the step a return or
    exchange moved the order to (it moved the order as any other step does, and said so nowhere)."""
    lines: list[str] = []
    for event in reversed(events):
        lines.append(event_text(event, time_zone, country, currency))
        if event.kind == RETURNED and event.to_state and event.to_state != event.from_state:
            lines.append(returned_move_text(event, time_zone))  # under it: what it led to
    return lines


def returned_move_text(event: EventRow, time_zone: str | None = None) -> str:
    """The step a return or exchange moved its order to: "…: 배송 중 → 완료, 주문 2026-0008로 교환되어
    마무리" (an exchange), "…: 배송 중 → 완료, 반품으로 마무리", "…: 배송 중 → 취소, 모든 상품 반품"."""
    when = order_time(event.at, time_zone)
    facts = move_note(event.note)
    before, after = state_name(event.from_state or ""), state_name(event.to_state or "")
    exchange = facts.get("exchange")
    if isinstance(exchange, dict):
        line = translate("OrderWindow", "{0}: {1} → {2}, closed by the exchange to order {3}")
        return with_particles(line.format(when, before, after, exchange.get("number", "")))
    if event.to_state == OrderState.CANCELLED:
        line = translate("OrderWindow", "{0}: {1} → {2}, every piece returned")
    else:
        line = translate("OrderWindow", "{0}: {1} → {2}, closed by the return")
    return line.format(when, before, after)


def event_text(
    event: EventRow, time_zone: str | None = None, country: str = "KR", currency: str = "KRW"
) -> str:
    """One line of an order's history; `currency`: the order's, which its deposits were in."""
    when = order_time(event.at, time_zone)
    # A deposit named in the line gives its year only when it is not the year of the line's moment.
    on = (on_clock(event.at, zone(time_zone)) if time_zone else on_clock(event.at)).date()
    facts = move_note(event.note)
    if event.kind == "created":
        return translate("OrderWindow", "{0}: order received").format(when)
    if event.kind == UNSENT_MOVE and event.note == EXPIRED_MOVE:  # written before "told" was kept
        return translate(
            "OrderWindow", "{0}: cancelled, the payment deadline passed (message to the customer not sent)"
        ).format(when)
    if event.kind == MOVED_BACK:
        line = translate("OrderWindow", "{0}: moved back from {1} to {2}").format(
            when, state_name(event.from_state or ""), state_name(event.to_state or "")
        )
        if facts.get("tracking"):
            line += " " + translate("OrderWindow", "(tracking number {0} taken off)").format(
                facts["tracking"]
            )
        if isinstance(facts.get("paid_with"), list):  # its part of a deposit for several orders freed
            line += " " + translate(
                "OrderWindow", "(its part of the bank deposit is free; {0} stays paid by it)"
            ).format(", ".join(map(str, facts["paid_with"])))
        elif facts.get("freed") == 1:  # the deposit that paid it alone
            line += " " + translate("OrderWindow", "(the bank deposit that paid it can be matched again)")
        elif facts.get("freed"):  # her parts that paid it together
            line += " " + translate("OrderWindow", "(the bank deposits that paid it can be matched again)")
        return with_particles(line)  # "결제 완료로", "입금 대기로"
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
    if event.kind == CHANGED:
        return with_particles(changed_text(when, facts))
    if event.kind == RETURNED:
        return with_particles(returned_text(when, facts))
    if event.kind == GOODS_BACK:
        return translate("OrderWindow", "{0}: the returned goods arrived and are back in stock").format(when)
    if event.kind == EXCHANGE_FOR:
        credit = money(int(facts.get("credit", 0)), str(facts.get("currency") or "KRW"))
        line = translate("OrderWindow", "{0}: exchange for order {1}; {2} of it paid by the returned goods")
        return with_particles(line.format(when, facts.get("number", ""), credit))
    if event.kind == CARRIED_BACK:
        refund = money(abs(int(facts.get("refund", 0))), str(facts.get("currency") or "KRW"))
        if facts.get("restored") and facts.get("side") == "original":
            line = translate(
                "OrderWindow", "{0}: exchange order {1} paid after all: the {2} carried to it is not refunded"
            )
        elif facts.get("restored"):
            line = translate(
                "OrderWindow",
                "{0}: paid after all: the {2} that order {1} paid counts here again, not refunded",
            )
        elif facts.get("side") == "original":
            line = translate(
                "OrderWindow", "{0}: exchange order {1} cancelled: the {2} carried to it is refunded"
            )
        else:
            line = translate(
                "OrderWindow", "{0}: refund {2} that order {1} paid and the exchange carried here"
            )
        return with_particles(line.format(when, facts.get("number", ""), refund))
    if event.kind == RETRACKED:
        line = translate("OrderWindow", "{0}: tracking number {1} replaced by {2} from the courier's file")
        return with_particles(line.format(when, facts.get("from") or "—", facts.get("to", "")))
    if event.kind == SHARE_FREED:  # its own payment's line above stays as written: this says what followed
        freed = money(int(facts.get("share", 0)), str(facts.get("currency") or currency))
        line = translate(
            "OrderWindow",
            "{0}: order {1}, paid together with this one by one bank deposit, was moved back: "
            "its share of {2} is free again; this order stays paid",
        )
        return line.format(when, facts.get("number", ""), freed)
    if event.kind == SHARE_TAKEN:  # that freed share was taken again: the line above said it was free
        taken = money(int(facts.get("share", 0)), str(facts.get("currency") or currency))
        if facts.get("how") == TAKEN_RESTORED:
            line = translate(
                "OrderWindow",
                "{0}: the freed {1} of the bank deposit restored order {2} as paid; this order stays paid",
            )
        elif facts.get("how") == TAKEN_REFUND:
            line = translate(
                "OrderWindow",
                "{0}: the freed {1} of the bank deposit is left to be refunded on order {2}; "
                "this order stays paid",
            )
        else:
            line = translate(
                "OrderWindow",
                "{0}: the freed {1} of the bank deposit now pays order {2}; this order stays paid",
            )
        return with_particles(line.format(when, taken, facts.get("number", "")))  # "42,000원으로"
    deposit = facts.get("deposit")
    refunded, paid_with = facts.get("refund"), facts.get("paid_with")
    if event.kind == REFUND_DUE and isinstance(deposit, dict) and isinstance(refunded, int):
        # The free part of a deposit that pays other orders still: that part alone is refunded.
        line = translate(
            "OrderWindow",
            "{0}: {1} of a deposit, free since the order was moved back, left to be refunded: {2} "
            "(the rest of it pays {3})",
        )
        others = ", ".join(map(str, paid_with)) if isinstance(paid_with, list) else ""
        said = deposit_text(deposit, on, country=country, currency=currency)
        return with_particles(line.format(when, money(refunded, currency), said, others))
    if event.kind == REFUND_DUE and isinstance(deposit, dict):
        return translate(
            "OrderWindow", "{0}: a deposit came after the order was cancelled, left to be refunded: {1}"
        ).format(when, deposit_text(deposit, on, country=country, currency=currency))
    if event.kind == EXPIRED_MOVE or facts.get("expired"):
        line = translate("OrderWindow", "{0}: cancelled, the payment deadline passed").format(when)
    elif isinstance(deposit, dict) and isinstance(facts.get("parts"), list):
        parts = [p for p in facts["parts"] if isinstance(p, dict)]
        count = len(parts)
        line = QCoreApplication.translate("OrderWindow", "{0}: paid by %Ln deposits together: {1}", "", count)
        line = line.format(
            when, ", ".join(part_text(p, on, country=country, currency=currency) for p in parts)
        )
    elif isinstance(deposit, dict):
        amount, share = deposit.get("amount"), facts.get("share")
        said = deposit_text(deposit, on, country=country, currency=currency)
        if isinstance(amount, int) and isinstance(share, int) and 0 < share < amount:
            # Its share of one deposit for several orders: the deposit's whole amount is not all its own.
            line = translate("OrderWindow", "{0}: paid by {1} of a deposit in the bank file: {2}")
            line = with_particles(line.format(when, money(share, currency), said))  # "42,000원으로"
        else:
            line = translate("OrderWindow", "{0}: paid by a deposit in the bank file: {1}").format(when, said)
        together = deposit.get("orders")
        if isinstance(together, list) and len(together) > 1:
            line += " " + translate("OrderWindow", "(one deposit for orders {0})").format(
                " + ".join(map(str, together))
            )
        if facts.get("restored") and isinstance(together, list) and len(together) > 1:
            # Its share was the free part of a deposit that came before (freed by a move back).
            line += " " + translate(
                "OrderWindow", "(restored after the payment deadline, with the deposit's free part)"
            )
        elif facts.get("restored"):
            line += " " + translate("OrderWindow", "(restored: the deposit came after the payment deadline)")
    else:
        line = translate("OrderWindow", "{0}: {1} → {2}").format(
            when, state_name(event.from_state or ""), state_name(event.to_state or "")
        )
    told = told_text(event.kind, facts)
    line = f"{line} {told}" if told else line
    if facts.get("undone"):  # the move back is its own line above it
        line += " " + translate("OrderWindow", "(moved back later)")
    return line


def returned_text(when: str, facts: dict[str, Any]) -> str:
    """A return or exchange as the owner reads it: "…: returned: “린넨 셔츠” ×1 (사이즈가 작아요) ·
    refund 29,000원 · goods not back yet (customer told)"."""
    currency = str(facts.get("currency") or "KRW")
    pieces = ", ".join(
        translate("OrderWindow", "“{0}” ×{1}").format(f"{name} {option}".strip(), quantity)
        for _position, quantity, name, option, *_rest in facts.get("lines", [])
    )
    exchange = facts.get("exchange")
    if isinstance(exchange, dict):
        line = translate("OrderWindow", "{0}: exchanged: {1}, sent instead as order {2}").format(
            when, pieces, exchange.get("number", "")
        )
    else:
        line = translate("OrderWindow", "{0}: returned: {1}").format(when, pieces)
    if reason := str(facts.get("reason") or ""):
        line += f" ({reason})"
    parts = [line]
    if refund := int(facts.get("refund", 0)):
        parts.append(translate("OrderWindow", "refund {0}").format(money(refund, currency)))
    if due := int(facts.get("due", 0)):
        parts.append(translate("OrderWindow", "{0} to pay on the new order").format(money(due, currency)))
    parts.append(
        translate("OrderWindow", "goods back in stock")
        if facts.get("goods_back")
        else translate("OrderWindow", "goods not back yet")
    )
    text = " · ".join(parts)
    # Its "reason" is the customer's for the return; why her message could not go is "told_reason".
    told = told_text(RETURNED, {"told": facts.get("told"), "reason": facts.get("told_reason")})
    return f"{text} {told}" if told else text


def changed_text(when: str, facts: dict[str, Any]) -> str:
    """A change to the lines or charges (`app.order_changes.changed_facts`), as the owner reads it:
    "…: changed: 에코백 ×1 added, 린넨 블라우스 ×1 → ×2, discount — → 5,000원 · total 45,000원 → 94,000원"."""
    currency = str(facts.get("currency") or "KRW")

    def amount(value: object) -> str:
        return money(value, currency) if isinstance(value, int) and value else "—"

    parts = [
        translate("OrderWindow", "“{0}” ×{1} added").format(name, quantity)
        for name, quantity in facts.get("added", [])
    ]
    parts += [translate("OrderWindow", "“{0}” taken out").format(name) for name in facts.get("removed", [])]
    parts += [
        translate("OrderWindow", "option of “{0}” {1} → {2}").format(name, before or "—", after or "—")
        for name, before, after in facts.get("option", [])
    ]
    parts += [
        translate("OrderWindow", "“{0}” ×{1} → ×{2}").format(name, before, after)
        for name, before, after in facts.get("quantity", [])
    ]
    parts += [
        translate("OrderWindow", "price of “{0}” {1} → {2}").format(name, amount(before), amount(after))
        for name, before, after in facts.get("price", [])
    ]
    charges = {
        "shipping": translate("OrderWindow", "shipping {0} → {1}"),
        "surcharge": translate("OrderWindow", "remote-area fee {0} → {1}"),
        "discount": translate("OrderWindow", "discount {0} → {1}"),
    }
    areas = facts.get("surcharge_area")
    if isinstance(areas, list) and len(areas) == 4:  # the places named (changes since areas came)
        del charges["surcharge"]
        sides = [
            f"{surcharge_name(str(area))} {amount(fee)}" if area else "—"
            for area, fee in ((areas[0], areas[2]), (areas[1], areas[3]))
        ]
        parts.append(translate("OrderWindow", "surcharge {0} → {1}").format(*sides))
    for name, sentence in charges.items():
        if isinstance(change := facts.get(name), list) and len(change) == 2:
            parts.append(sentence.format(amount(change[0]), amount(change[1])))
    line = translate("OrderWindow", "{0}: items or charges changed: {1}").format(when, ", ".join(parts))
    total = facts.get("total")
    if isinstance(total, list) and len(total) == 2 and total[0] != total[1]:
        line += " · " + translate("OrderWindow", "total {0} → {1}").format(amount(total[0]), amount(total[1]))
    return line


def told_text(kind: str, facts: dict[str, Any]) -> str:
    """Whether the move's customer heard of it: told, the owner chose not to, or could not be (why).
    An older move without its message only says it went without one."""
    told = facts.get("told")
    if told == Told.SENT:
        return translate("OrderWindow", "(customer told)")
    if told == Told.CHOSE_NOT:
        return translate("OrderWindow", "(you chose not to send the customer the message)")
    if told == Told.COULD_NOT:
        reasons = {
            NotToldReason.NO_NUMBER: translate("OrderWindow", "no phone number in this inbox"),
            NotToldReason.OUTSIDE_WINDOW: translate(
                "OrderWindow", "no message from them in the last 24 hours, and no template for this step"
            ),
            NotToldReason.NO_BANK_ACCOUNT: translate("OrderWindow", "the template needs your bank account"),
            NotToldReason.NO_TEMPLATE_FOR_SEVERAL: translate(
                "OrderWindow",
                "no message from them in the last 24 hours, and no template can name all the orders "
                "one transfer paid and the total",
            ),
            NotToldReason.TEMPLATE_UNFIT: translate(
                "OrderWindow", "the template chosen for this step has more values than the step fills"
            ),
            NotToldReason.TEMPLATE_VALUE_MISSING: translate(
                "OrderWindow",
                "the template names something this order does not have, such as a tracking number",
            ),
            NotToldReason.NO_RELAY: translate("OrderWindow", "no relay is set up"),
        }
        reason = (
            reasons.get(NotToldReason(facts["reason"])) if facts.get("reason") in set(NotToldReason) else None
        )
        if reason:
            return translate("OrderWindow", "(the message could not be sent: {0})").format(reason)
        return translate("OrderWindow", "(the message could not be sent)")
    if kind == UNSENT_MOVE:
        return translate("OrderWindow", "(message to the customer not sent)")
    return ""


def part_text(
    part: dict[str, Any], on: date | None = None, *, country: str = "KR", currency: str = "KRW"
) -> str:
    """One of the deposits that paid an order in parts, and what of it the order took when that was
    only its part (a deposit that pays other orders too): "12월 4일 (금) 오후 2:03 김민지 132,000원
    (그중 42,000원)"."""
    text = deposit_text(part, on, country=country, currency=currency)
    used, amount = part.get("used"), part.get("amount")
    if isinstance(used, int) and isinstance(amount, int) and 0 < used < amount:
        text += " " + translate("OrderWindow", "({0} of it)").format(money(used, currency))
    return text


def deposit_text(
    deposit: dict[str, Any], on: date | None = None, *, country: str = "KR", currency: str = "KRW"
) -> str:
    """A bank file's deposit as the history names it, its moment as the deposits window says it:
    "12월 5일 (토) 오전 11:02 이하온 50,000원" (her two transfers of one day read "12월 5일 이하온
    50,000원" twice); only its day when the bank gave no time; its year when not `on`'s (the
    history line's day; None: today)."""
    from ui.deposit_dialog import deposit_when  # the window's own words for a bank's moment

    amount = deposit.get("amount")
    parts = [
        deposit_when(str(deposit.get("at", "")), on, country=country),  # the day in the shop's banks' order
        str(deposit.get("name", "")),
        money(amount, currency) if isinstance(amount, int) else "",
    ]
    return " ".join(p for p in parts if p)
