"""Collections of the catalogue ("New arrivals", "Bags"): create, rename, reorder, fill."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import delete, func, insert, select
from sqlalchemy.orm import Session

from app.errors import ErrorCode, InvalidInput, LimitParams, NameParams
from app.models import Collection, catalog_item_collection
from app.text import nfc

log = logging.getLogger(__name__)

MAX_COLLECTION_NAME = 100


@dataclass(frozen=True, slots=True)
class CollectionRow:
    id: int
    name: str
    position: int
    item_count: int


def list_collections(session: Session) -> list[CollectionRow]:
    counts = (
        select(catalog_item_collection.c.collection_id, func.count().label("n"))
        .group_by(catalog_item_collection.c.collection_id)
        .subquery()
    )
    stmt = (
        select(Collection.id, Collection.name, Collection.position, func.coalesce(counts.c.n, 0))
        .outerjoin(counts, counts.c.collection_id == Collection.id)
        .order_by(Collection.position, Collection.id)
    )
    return [CollectionRow(cid, name, pos, int(n)) for cid, name, pos, n in session.execute(stmt)]


def _clean_name(session: Session, name: str, collection_id: int | None) -> str:
    clean = nfc(name).strip()
    if not clean:
        raise InvalidInput(code=ErrorCode.COLLECTION_NAME_EMPTY)
    if len(clean) > MAX_COLLECTION_NAME:
        raise InvalidInput(code=ErrorCode.COLLECTION_NAME_TOO_LONG, params=LimitParams(MAX_COLLECTION_NAME))
    stmt = select(Collection.id).where(func.casefold(Collection.name) == clean.casefold())
    if collection_id is not None:
        stmt = stmt.where(Collection.id != collection_id)
    if session.scalar(stmt) is not None:
        raise InvalidInput(code=ErrorCode.COLLECTION_NAME_TAKEN, params=NameParams(clean))
    return clean


def create_collection(session: Session, name: str) -> int:
    """A new collection at the end of the list; returns its id."""
    clean = _clean_name(session, name, None)
    last = session.scalar(select(func.max(Collection.position)))
    collection = Collection(name=clean, position=0 if last is None else int(last) + 1)
    session.add(collection)
    session.flush()
    return collection.id


def collection_id_for_name(session: Session, name: str) -> int:
    """The id of the collection called `name`, created when missing (imports, demo data)."""
    clean = nfc(name).strip()
    found = session.scalar(select(Collection.id).where(func.casefold(Collection.name) == clean.casefold()))
    return int(found) if found is not None else create_collection(session, clean)


def rename_collection(session: Session, collection_id: int, name: str) -> None:
    collection = session.get(Collection, collection_id)
    if collection is None:
        raise InvalidInput(code=ErrorCode.COLLECTION_GONE)
    collection.name = _clean_name(session, name, collection_id)


def delete_collection(session: Session, collection_id: int) -> None:
    """Remove the collection; its items stay in the catalogue."""
    session.execute(delete(Collection).where(Collection.id == collection_id))


def reorder_collections(session: Session, ordered_ids: Sequence[int]) -> None:
    """Give collections the order of `ordered_ids` (ids not listed keep their place after them)."""
    rest = [c.id for c in list_collections(session) if c.id not in set(ordered_ids)]
    for position, cid in enumerate([*ordered_ids, *rest]):
        collection = session.get(Collection, cid)
        if collection is not None:
            collection.position = position


def add_items_to_collection(session: Session, collection_id: int, item_ids: Sequence[int]) -> int:
    """Append items to a collection (those already in it stay where they are); returns how many."""
    if session.get(Collection, collection_id) is None:
        raise InvalidInput(code=ErrorCode.COLLECTION_GONE)
    present = set(
        session.scalars(
            select(catalog_item_collection.c.item_id).where(
                catalog_item_collection.c.collection_id == collection_id
            )
        )
    )
    last = session.scalar(
        select(func.max(catalog_item_collection.c.position)).where(
            catalog_item_collection.c.collection_id == collection_id
        )
    )
    position = -1 if last is None else int(last)
    added = 0
    for item_id in dict.fromkeys(item_ids):
        if item_id in present:
            continue
        position += 1
        session.execute(
            insert(catalog_item_collection).values(
                item_id=item_id, collection_id=collection_id, position=position
            )
        )
        added += 1
    session.expire_all()
    return added


def remove_items_from_collection(session: Session, collection_id: int, item_ids: Sequence[int]) -> None:
    session.execute(
        delete(catalog_item_collection).where(
            catalog_item_collection.c.collection_id == collection_id,
            catalog_item_collection.c.item_id.in_(item_ids),
        )
    )
    session.expire_all()
