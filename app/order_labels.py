"""The chat's order label follows its orders: the most urgent open order's state, or "Order complete"."""

from __future__ import annotations

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from app.models import Label, Order, contact_label
from app.orders import OrderState

# The built-in labels (app.models.DEFAULT_LABELS) that orders set, most urgent first.
STATE_LABELS: tuple[tuple[OrderState, str], ...] = (
    (OrderState.AWAITING_PAYMENT, "Pending payment"),
    (OrderState.NEW, "New order"),
    (OrderState.PAID, "Paid"),
    (OrderState.SHIPPED, "Shipped"),
)
COMPLETE_LABEL = "Order complete"
ORDER_LABELS = (*(name for _state, name in STATE_LABELS), COMPLETE_LABEL)


def wanted_label(states_newest_first: list[str]) -> str | None:
    """Which order label a chat carries, given its orders' states (newest first): the most urgent
    open order's, else "Order complete" when any order was completed. A cancelled order justifies
    no label, and takes off none that another order justifies."""
    present = set(states_newest_first)
    for state, name in STATE_LABELS:
        if state in present:
            return name
    if OrderState.DONE in present:
        return COMPLETE_LABEL
    return None  # no orders, or only cancelled ones


def refresh_order_labels(session: Session, contact_id: int) -> str | None:
    """Put the right order label on the chat and take the other order labels off; which built-in
    label that is (its default name), None for none."""
    states = list(
        session.scalars(
            select(Order.state)
            .where(Order.contact_id == contact_id)
            .order_by(Order.created_at.desc(), Order.id.desc())
        )
    )
    want = wanted_label(states)
    # By which built-in label each is (migration 0012), whatever the owner calls it now.
    found = session.execute(select(Label.builtin, Label.id).where(Label.builtin.in_(ORDER_LABELS)))
    by_builtin = {builtin: label_id for builtin, label_id in found}
    want_id = by_builtin.get(want) if want else None
    others = [label_id for label_id in by_builtin.values() if label_id != want_id]
    if others:
        session.execute(
            delete(contact_label).where(
                contact_label.c.contact_id == contact_id, contact_label.c.label_id.in_(others)
            )
        )
    if want_id is not None:
        has = session.scalar(
            select(contact_label.c.label_id).where(
                contact_label.c.contact_id == contact_id, contact_label.c.label_id == want_id
            )
        )
        if has is None:
            session.execute(insert(contact_label).values(contact_id=contact_id, label_id=want_id))
    return want
