"""Chat labels: add, rename, recolour, reorder and delete them, and count the chats carrying each."""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.changes import Changes
from app.errors import ErrorCode, InvalidInput, LimitParams, NameParams, Params, ValueParams
from app.models import DEFAULT_LABELS, Contact, Label, contact_label
from app.text import nfc

if TYPE_CHECKING:
    from app.db import Database

log = logging.getLogger(__name__)

NAME_LIMIT = 64  # the column's width
_COLOUR = re.compile(r"^#[0-9A-Fa-f]{6}$")


class LabelInvalid(InvalidInput):
    """A label name or colour that cannot be used; `reason` lets the UI say it in the owner's language."""

    def __init__(self, reason: str, code: ErrorCode, params: Params | None = None) -> None:
        super().__init__(code=code, params=params)
        self.reason = reason  # "empty" | "too_long" | "taken" | "colour" | "missing"


@dataclass(frozen=True, slots=True)
class LabelCount:
    """A label as the labels manager lists it: with how many chats carry it."""

    id: int
    name: str
    colour: str
    position: int
    chats: int


def labels_with_counts(session: Session) -> list[LabelCount]:
    counts = (
        select(contact_label.c.label_id, func.count().label("n"))
        .group_by(contact_label.c.label_id)
        .subquery()
    )
    stmt = (
        select(Label.id, Label.name, Label.colour, Label.position, func.coalesce(counts.c.n, 0))
        .outerjoin(counts, counts.c.label_id == Label.id)
        .order_by(Label.position, Label.id)
    )
    return [LabelCount(i, n, c, p, int(k)) for i, n, c, p, k in session.execute(stmt)]


def clean_label_name(name: str) -> str:
    """A label name as stored: NFC, runs of spaces made one, no space at either end."""
    return " ".join(nfc(name).split())


def _clean_name(
    session: Session, name: str, *, keep_id: int | None = None, shown: Mapping[str, str] | None = None
) -> str:
    """`shown`: a built-in label's stored name → its name as the owner sees it (the interface's
    language): a new name may not be the name another label is shown with either."""
    name = clean_label_name(name)
    if not name:
        raise LabelInvalid("empty", ErrorCode.LABEL_NAME_EMPTY)
    if len(name) > NAME_LIMIT:
        raise LabelInvalid("too_long", ErrorCode.LABEL_NAME_TOO_LONG, LimitParams(NAME_LIMIT))
    taken = label_named(session, name, shown=shown, apart=keep_id)
    if taken is not None:
        raise LabelInvalid("taken", ErrorCode.LABEL_NAME_TAKEN, NameParams(taken.seen_as))
    return name


@dataclass(frozen=True, slots=True)
class NamedLabel:
    """The label a name the owner typed calls for: its id, and its name as she sees it."""

    id: int
    seen_as: str


def label_named(
    session: Session, name: str, *, shown: Mapping[str, str] | None = None, apart: int | None = None
) -> NamedLabel | None:
    """The label (but `apart`) called `name` as label names compare: cleaned as stored (NFC, one
    space), case aside, by its stored name or the name `shown` gives a built-in one ("새 고객"). A
    shown name's no-break space ("새\u00a0고객", kept on one line in a narrow chip) is a space here:
    the owner types a plain one."""
    name = clean_label_name(name).casefold()
    shown = shown or {}
    for other_id, other_name in session.execute(select(Label.id, Label.name).order_by(Label.position)):
        seen_as = shown.get(other_name, other_name)
        if other_id != apart and name in (other_name.casefold(), clean_label_name(seen_as).casefold()):
            return NamedLabel(other_id, seen_as)
    return None


@dataclass(frozen=True, slots=True)
class ChatLabelled:
    """What a chat's "New label…" did: `made` a label, or found it; `already_on` the chat before."""

    label_id: int
    seen_as: str
    made: bool
    already_on: bool


def label_chat_named(
    session: Session, contact_id: int, name: str, colour: str, *, shown: Mapping[str, str] | None = None
) -> ChatLabelled:
    """A chat's "New label…": the label called `name` put on the chat, made first when no label has
    that name. Typed there, a name that is taken means the label she wants on the chat (the labels
    manager's own "New label" refuses it: there she is making labels)."""
    from app.queries import set_label

    found = label_named(session, name, shown=shown)
    if found is None:
        made = add_label(session, name, colour, shown=shown)
        set_label(session, contact_id, made.id, True)
        return ChatLabelled(made.id, (shown or {}).get(made.name, made.name), made=True, already_on=False)
    on = session.scalar(
        select(func.count())
        .select_from(contact_label)
        .where(contact_label.c.contact_id == contact_id, contact_label.c.label_id == found.id)
    )
    set_label(session, contact_id, found.id, True)
    return ChatLabelled(found.id, found.seen_as, made=False, already_on=bool(on))


def _clean_colour(colour: str) -> str:
    colour = colour.strip()
    if not _COLOUR.match(colour):
        raise LabelInvalid("colour", ErrorCode.LABEL_COLOUR_INVALID, ValueParams(colour))
    return colour.upper()


def _get(session: Session, label_id: int) -> Label:
    label = session.get(Label, label_id)
    if label is None:
        raise LabelInvalid("missing", ErrorCode.LABEL_GONE)
    return label


def add_label(
    session: Session, name: str, colour: str, *, shown: Mapping[str, str] | None = None
) -> LabelCount:
    """A new label, last. Named as a built-in label that was deleted (its default name, or the name
    `shown` gives it in the owner's language: "입금 대기"), it is that built-in label again: orders
    use it."""
    clean = _clean_name(session, name, shown=shown)
    last = session.scalar(select(func.max(Label.position)))
    label = Label(name=clean, colour=_clean_colour(colour), position=0 if last is None else last + 1)
    shown = shown or {}
    by_name = next((n for n, _c in DEFAULT_LABELS if n.casefold() == clean.casefold()), None)
    as_shown = next((n for n, _c in DEFAULT_LABELS if shown.get(n, n).casefold() == clean.casefold()), None)
    builtin = by_name or as_shown
    if builtin is not None and session.scalar(select(Label.id).where(Label.builtin == builtin)) is None:
        label.builtin = builtin
        if by_name is None:
            # Stored by its default name, as it was before: it reads in whichever language the UI has.
            label.name = builtin
    session.add(label)
    session.flush()
    if label.builtin is not None:
        _relabel_chats_with_orders(session)
    return LabelCount(label.id, label.name, label.colour, label.position, 0)


def _relabel_chats_with_orders(session: Session) -> None:
    """An order label back: the chats whose orders call for it carry it again at once, not only
    after their next order moves."""
    from app.models import Order
    from app.order_labels import refresh_order_labels

    for contact_id in session.scalars(select(Order.contact_id).distinct()):
        if contact_id is not None:  # an order whose chat was deleted
            refresh_order_labels(session, contact_id)


def rename_label(
    session: Session, label_id: int, name: str, *, shown: Mapping[str, str] | None = None
) -> None:
    """A built-in label renamed stays that built-in label (orders keep using it)."""
    label = _get(session, label_id)
    label.name = _clean_name(session, name, keep_id=label_id, shown=shown)


def recolour_label(session: Session, label_id: int, colour: str) -> None:
    _get(session, label_id).colour = _clean_colour(colour)


@dataclass(frozen=True, slots=True)
class DeletedLabel:
    """A deleted label as it was, with the chats that carried it: what undoing the deletion puts back."""

    id: int
    name: str
    colour: str
    position: int
    builtin: str | None
    contact_ids: tuple[int, ...]


def delete_label(session: Session, label_id: int) -> DeletedLabel:
    """Delete a label; the chats that carried it keep everything else. Returns what `restore_label`
    needs to put it back."""
    label = _get(session, label_id)
    carried = session.scalars(
        select(contact_label.c.contact_id).where(contact_label.c.label_id == label_id)
    ).all()
    deleted = DeletedLabel(
        label.id, label.name, label.colour, label.position, label.builtin, tuple(sorted(carried))
    )
    session.execute(contact_label.delete().where(contact_label.c.label_id == label_id))
    session.delete(label)
    return deleted


def restore_label(session: Session, deleted: DeletedLabel) -> LabelCount:
    """Put a deleted label back where it was in the list, on the chats that carried it and are still
    there, under its own id when no label took it since (LABEL_NAME_TAKEN when a label of its name was
    made meanwhile)."""
    _clean_name(session, deleted.name)
    if deleted.builtin is not None and session.scalar(
        select(Label.id).where(Label.builtin == deleted.builtin)
    ):
        builtin = None  # made again meanwhile ("New customer" typed anew): this one comes back as the owner's
    else:
        builtin = deleted.builtin
    for later in session.scalars(select(Label).where(Label.position >= deleted.position)):
        later.position += 1
    label = Label(name=deleted.name, colour=deleted.colour, position=deleted.position, builtin=builtin)
    if session.get(Label, deleted.id) is None:
        label.id = deleted.id
    session.add(label)
    session.flush()
    there = set(session.scalars(select(Contact.id).where(Contact.id.in_(deleted.contact_ids))))
    for contact_id in deleted.contact_ids:
        if contact_id in there:
            session.execute(contact_label.insert().values(contact_id=contact_id, label_id=label.id))
    return LabelCount(label.id, label.name, label.colour, label.position, len(there))


def reorder_labels(session: Session, label_ids: list[int]) -> None:
    """Store the given order; labels not named keep their relative order after the named ones."""
    rest = [
        i for i in session.scalars(select(Label.id).order_by(Label.position, Label.id)) if i not in label_ids
    ]
    for position, label_id in enumerate([*label_ids, *rest]):
        label = session.get(Label, label_id)
        if label is not None:
            label.position = position


def restore_default_labels(session: Session) -> int:
    """Add back any of WhatsApp Business's five default labels that are missing; how many were added."""
    have = set(session.scalars(select(Label.builtin).where(Label.builtin.is_not(None))))
    names = {name.casefold() for name in session.scalars(select(Label.name))}
    added = 0
    for name, colour in DEFAULT_LABELS:
        if name not in have and name.casefold() not in names:
            add_label(session, name, colour)
            added += 1
    return added


class LabelStore:
    """The labels of one database, for the UI's ops: each call is one short session; a change returns
    its Changes (the label list, with names and colours every chat row shows)."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def all(self) -> list[LabelCount]:
        with self.db.read() as s:
            return labels_with_counts(s)

    def add(
        self, name: str, colour: str, shown: Mapping[str, str] | None = None
    ) -> tuple[LabelCount, Changes]:
        with self.db.write() as s:
            return add_label(s, name, colour, shown=shown), LABELS_CHANGED

    def rename(self, label_id: int, name: str, shown: Mapping[str, str] | None = None) -> Changes:
        with self.db.write() as s:
            rename_label(s, label_id, name, shown=shown)
        return LABELS_CHANGED

    def recolour(self, label_id: int, colour: str) -> Changes:
        with self.db.write() as s:
            recolour_label(s, label_id, colour)
        return LABELS_CHANGED

    def delete(self, label_id: int) -> tuple[DeletedLabel, Changes]:
        with self.db.write() as s:
            return delete_label(s, label_id), LABELS_CHANGED

    def restore(self, deleted: DeletedLabel) -> tuple[LabelCount, Changes]:
        with self.db.write() as s:
            return restore_label(s, deleted), LABELS_CHANGED

    def reorder(self, label_ids: list[int]) -> Changes:
        with self.db.write() as s:
            reorder_labels(s, label_ids)
        return LABELS_CHANGED


LABELS_CHANGED = Changes(labels=True)
