"""The catalogue item being written and not saved yet (its name, price, code, description, link),
kept through a crash (app/editor_drafts.py) and offered again while it differs from the item as saved.
Pictures, stock and collections are not kept: the words are what an owner cannot type again quickly."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from app.catalog import get_item
from app.editor_drafts import forget_editor_draft, keep_editor_draft, read_editor_draft
from app.errors import InvalidInput
from app.money import amount_to_minor
from app.text import nfc

if TYPE_CHECKING:
    from app.catalog import ItemRow
    from app.db import Database

EDITOR = "catalog_item"
_TEXTS = ("name", "price", "currency", "code", "description", "link")


@dataclass(frozen=True, slots=True)
class ItemWords:
    """The item form's words as typed (`price` as written in its field); `item_id` None for a new item."""

    item_id: int | None
    name: str
    price: str
    currency: str
    code: str
    description: str
    link: str


@dataclass(frozen=True, slots=True)
class UnsavedItem:
    at: datetime
    words: ItemWords


def keep_item_draft(db: Database, words: ItemWords) -> None:
    keep_editor_draft(db, EDITOR, dataclasses.asdict(words))


def forget_item_draft(db: Database) -> None:
    forget_editor_draft(db, EDITOR)


def _words(content: object) -> ItemWords | None:
    if not isinstance(content, dict):
        return None
    item_id = content.get("item_id")
    if not (item_id is None or (isinstance(item_id, int) and not isinstance(item_id, bool))):
        return None
    texts = [content.get(name) for name in _TEXTS]
    if not all(isinstance(text, str) for text in texts):
        return None
    return ItemWords(item_id, *(str(text) for text in texts))


def _same_as_saved(words: ItemWords, row: ItemRow) -> bool:
    try:
        price = amount_to_minor(words.price, words.currency) if words.price.strip() else None
    except InvalidInput:
        return False  # a price the form could not read is not what is saved
    return (
        nfc(words.name).strip() == row.name
        and nfc(words.code).strip() == row.retailer_id
        and nfc(words.description).strip() == (row.description or "")
        and words.link.strip() == (row.url or "")
        and words.currency.strip().upper() == row.currency
        and price == row.price_minor
    )


def unsaved_item(db: Database) -> UnsavedItem | None:
    """The kept words, when they differ from the item as saved (or are a new item's). An item
    deleted since comes back as a new one: her words are what matters."""
    kept = read_editor_draft(db, EDITOR)
    words = _words(kept.content) if kept is not None else None
    if kept is None or words is None:
        return None
    row: ItemRow | None = None
    if words.item_id is not None:
        with db.read() as session:
            try:
                row = get_item(session, words.item_id)
            except InvalidInput:  # deleted since
                row = None
    if row is None:
        words = dataclasses.replace(words, item_id=None)
        typed = (words.name, words.price, words.code, words.description, words.link)
        return UnsavedItem(kept.at, words) if any(t.strip() for t in typed) else None
    return None if _same_as_saved(words, row) else UnsavedItem(kept.at, words)
