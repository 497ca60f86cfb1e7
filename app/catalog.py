"""The shop's catalogue: items (create, edit, duplicate, delete and undo), search, sort, demo data.

Every function takes a SQLAlchemy session from `Database.write()` / `Database.read()` and returns
plain frozen dataclasses, so ui/ never sees ORM objects. Images: see app/catalog_images.py.
"""

from __future__ import annotations

import functools
import json
import logging
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal, overload

from sqlalchemy import Integer, Text, delete, func, insert, or_, select, type_coerce
from sqlalchemy.orm import Session, selectinload

from app.catalog_images import (
    MAX_IMAGES_PER_ITEM,
    THUMBS_FOLDER,
    import_image,
    is_remote,
    unused_image_files,
)
from app.errors import ErrorCode, InvalidInput, ItemCodeParams, LimitParams, Params, ValueParams
from app.item_options import ItemOption
from app.models import CatalogItem, Collection, catalog_item_collection
from app.money import MAX_MINOR, is_currency
from app.stock import StockCount
from app.text import like_pattern, needs_casefold, nfc

log = logging.getLogger(__name__)

SortKey = Literal["name", "price", "recent"]

MAX_NAME = 200
MAX_CODE = 100
MAX_DESCRIPTION = 5000
MAX_URL = 2000
# Longer search text is cut (a pasted paragraph must not turn into a slow query).
MAX_QUERY = 100
_CODE_OK = re.compile(r"^[^\s,]+$")


class ItemInvalid(InvalidInput):
    """A field of an item the owner edits cannot be saved; `field` names it for the form."""

    def __init__(self, field: str, code: ErrorCode, params: Params | None = None) -> None:
        super().__init__(code=code, params=params)
        self.field = field


@dataclass(frozen=True, slots=True)
class ItemRow:
    """One catalogue item as views show it."""

    id: int
    retailer_id: str
    name: str
    description: str
    price_minor: int
    currency: str
    url: str | None
    images: tuple[str, ...]
    hidden: bool
    collection_ids: tuple[int, ...]
    created_at: datetime
    updated_at: datetime
    # The item's own stock count, where the form reads it (app/catalog_edits.item_and_collections):
    # None when not counted or not read; `stock_reserved` of it promised to unpaid orders.
    stock_on_hand: int | None = None
    stock_reserved: int = 0
    # Its options (sizes) with what is left of each (`app.item_options.item_options`), read with it.
    stock_sizes: tuple[ItemOption, ...] = ()

    @property
    def first_image(self) -> str | None:
        return self.images[0] if self.images else None


@dataclass(frozen=True, slots=True)
class ItemDraft:
    """What the item form (or an import) wants an item to be. A blank retailer_id is generated."""

    name: str
    price_minor: int
    currency: str
    retailer_id: str = ""
    description: str = ""
    url: str = ""
    images: tuple[str, ...] = ()
    hidden: bool = False
    # None leaves an existing item's collections as they are.
    collection_ids: tuple[int, ...] | None = None
    # None leaves the item's stock count as it is (an import); else what the form says of it.
    stock: StockCount | None = None


@dataclass(frozen=True, slots=True)
class DeletedItem:
    """Everything needed to put a deleted item back exactly as it was (undo)."""

    row: ItemRow
    positions: dict[int, int] = field(default_factory=dict)  # collection id → position


def _row(item: CatalogItem) -> ItemRow:
    return ItemRow(
        id=item.id,
        retailer_id=item.retailer_id,
        name=item.name,
        description=item.description or "",
        price_minor=item.price_minor,
        currency=item.currency,
        url=item.url,
        images=tuple(str(i) for i in item.images or ()),
        hidden=bool(item.hidden),
        collection_ids=tuple(sorted(c.id for c in item.collections)),
        created_at=item.created_at,
        updated_at=item.updated_at,
    )


# Plain values as stored (no per-row type processing): ItemList turns a row into an ItemRow only
# when a view asks for it.
_ROW_COLUMNS = (
    CatalogItem.id,
    CatalogItem.retailer_id,
    CatalogItem.name,
    CatalogItem.description,
    CatalogItem.price_minor,
    CatalogItem.currency,
    CatalogItem.url,
    # The JSON text as stored: most items have no image or one, decoded once per distinct value
    # instead of json.loads per row (the largest cost of listing 5,000 items).
    type_coerce(CatalogItem.images, Text).label("images"),
    type_coerce(CatalogItem.hidden, Integer).label("hidden"),
    type_coerce(CatalogItem.created_at, Integer).label("created_at"),
    type_coerce(CatalogItem.updated_at, Integer).label("updated_at"),
)
_ID, _NAME, _IMAGES = 0, 2, 7
_DIGITS = re.compile(r"(\d+)")


@functools.lru_cache(maxsize=16_384)  # a catalogue is read again after every edit: its names repeat
def natural_key(name: str) -> tuple[str | int, ...]:
    """A name's place in a list sorted by name, its numbers read as numbers: "린넨 셔츠 2" before
    "린넨 셔츠 10" (as text, "10" came first, and "1호, 10호, 100호, 2호" read as a jumble)."""
    parts = _DIGITS.split(name.casefold())
    # split() alternates text and digits, text first: numbers always meet numbers.
    return tuple(int(part) if i % 2 else part for i, part in enumerate(parts))


@functools.lru_cache(maxsize=1024)
def _images_from_json(raw: str | None) -> tuple[str, ...]:
    if not raw or raw == "[]":
        return ()
    value = json.loads(raw)
    return tuple(str(i) for i in value) if isinstance(value, list) else ()


def _row_from_columns(r: Any, collection_ids: tuple[int, ...]) -> ItemRow:
    return ItemRow(
        id=r[0],
        retailer_id=r[1],
        name=r[2],
        description=r[3] or "",
        price_minor=r[4],
        currency=r[5],
        url=r[6],
        images=_images_from_json(r[7]),
        hidden=bool(r[8]),
        collection_ids=collection_ids,
        created_at=datetime.fromtimestamp(r[9] / 1000, tz=UTC),
        updated_at=datetime.fromtimestamp(r[10] / 1000, tz=UTC),
    )


class ItemList(Sequence[ItemRow]):
    """Items in the order one query returned them; each ItemRow is built the first time it is asked
    for, so a list of 5,000 items costs about its query and a view builds only the rows it shows."""

    __slots__ = ("_built", "_collections", "_raw", "ids")

    def __init__(self, raw: Sequence[Any], collections: dict[int, tuple[int, ...]]) -> None:
        self._raw = raw
        self._collections = collections
        self._built: list[ItemRow | None] = [None] * len(raw)
        self.ids: list[int] = [r[_ID] for r in raw]

    def __len__(self) -> int:
        return len(self._raw)

    @overload
    def __getitem__(self, index: int) -> ItemRow: ...
    @overload
    def __getitem__(self, index: slice) -> list[ItemRow]: ...
    def __getitem__(self, index: int | slice) -> ItemRow | list[ItemRow]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        row = self._built[index]
        if row is None:
            raw = self._raw[index]
            row = _row_from_columns(raw, self._collections.get(raw[_ID], ()))
            self._built[index] = row
        return row

    def first_image(self, index: int) -> str | None:
        images = _images_from_json(self._raw[index][_IMAGES])
        return images[0] if images else None

    def same_row(self, index: int, other: ItemList, other_index: int) -> bool:
        """True when row `index` here and row `other_index` of `other` hold the same values."""
        raw = self._raw[index]
        return tuple(raw) == tuple(other._raw[other_index]) and self._collections.get(
            raw[_ID], ()
        ) == other._collections.get(raw[_ID], ())


def _collections_of(session: Session, item_ids: list[int], *, everything: bool) -> dict[int, tuple[int, ...]]:
    """item id → sorted collection ids, in one query (the whole table when every item is listed)."""
    stmt = select(catalog_item_collection.c.item_id, catalog_item_collection.c.collection_id)
    if not everything:
        if not item_ids:
            return {}
        # SQLite allows 32,766 bound parameters; a filtered list is far below that.
        stmt = stmt.where(catalog_item_collection.c.item_id.in_(item_ids[:30_000]))
    found: dict[int, list[int]] = {}
    for item_id, collection_id in session.execute(stmt):
        found.setdefault(int(item_id), []).append(int(collection_id))
    return {k: tuple(sorted(v)) for k, v in found.items()}


def normalise_query(query: str) -> str:
    return nfc(query.strip())[:MAX_QUERY]


def _matching_every_word(text: str) -> list[Any]:
    """Each word of the query in the item's name or code, in any order, spaces (and a code's
    hyphens) aside: "린넨셔츠" and "아이보리 셔츠" find "린넨 셔츠 아이보리", "lnshiv" finds LN-SH-IV.
    Korean is often typed without its spaces; before, only the words as one run, spaced as named,
    found the item."""
    name = func.replace(CatalogItem.name, " ", "")
    code = func.replace(func.replace(CatalogItem.retailer_id, " ", ""), "-", "")
    clauses = []
    for word in text.split():
        bare = word.replace("-", "")
        # 'ölfilter' finds "Ölfilter": LIKE folds ASCII letters only.
        folded = needs_casefold(word)
        clauses.append(
            or_(
                (func.casefold(name) if folded else name).like(
                    like_pattern(word.casefold() if folded else word), escape="\\"
                ),
                code.like(like_pattern(bare or word), escape="\\"),
            )
        )
    return clauses


def item_list(
    session: Session,
    query: str = "",
    sort: SortKey = "name",
    *,
    include_hidden: bool = True,
    collection_id: int | None = None,
    limit: int | None = None,
) -> ItemList:
    """Items matching `query` in their name or item code, in the chosen order: one query, and no
    per-item work until a row is asked for (the catalogue window's list)."""
    stmt = select(*_ROW_COLUMNS)
    text = normalise_query(query)
    if text:
        stmt = stmt.where(*_matching_every_word(text))
    if not include_hidden:
        stmt = stmt.where(CatalogItem.hidden.is_(False))
    if collection_id is not None:
        stmt = stmt.join(catalog_item_collection, catalog_item_collection.c.item_id == CatalogItem.id).where(
            catalog_item_collection.c.collection_id == collection_id
        )
    if sort == "price":
        stmt = stmt.order_by(CatalogItem.price_minor, func.lower(CatalogItem.name), CatalogItem.id)
    elif sort == "recent":
        stmt = stmt.order_by(CatalogItem.updated_at.desc(), CatalogItem.id.desc())
    else:
        stmt = stmt.order_by(func.lower(CatalogItem.name), CatalogItem.id)
    by_name = sort not in ("price", "recent")
    if limit is not None and not by_name:
        stmt = stmt.limit(limit)
    # Core rows through the session's connection: the ORM's result layer adds nothing to columns.
    found: Sequence[Any] = session.connection().execute(stmt).all()
    if by_name:  # SQLite has no order for numbers inside names: sorted here (5,000 items: a few ms)
        found = sorted(found, key=lambda r: (natural_key(r[_NAME]), r[_ID]))[:limit]
    everything = not text and collection_id is None
    collections = _collections_of(
        session, [] if everything else [r[_ID] for r in found], everything=everything
    )
    return ItemList(found, collections)


def list_items(
    session: Session,
    query: str = "",
    sort: SortKey = "name",
    *,
    include_hidden: bool = True,
    collection_id: int | None = None,
    rank_matches: bool = False,
    limit: int | None = None,
) -> list[ItemRow]:
    """Items matching `query` in their name or item code, in the chosen order, as a plain list.

    With `rank_matches` (the composer's picker), an exact code or name comes first, then names or
    codes that start with the query, then names holding every word of it as a word of their own
    ("셔츠 99" finds "린넨 셔츠 99" before "린넨 셔츠 199", which sorts first by name and was the
    one Enter sent), then the rest, each group in the chosen order.
    """
    text = normalise_query(query)
    ranked = rank_matches and bool(text)
    rows = list(
        item_list(
            session,
            query,
            sort,
            include_hidden=include_hidden,
            collection_id=collection_id,
            limit=None if ranked else limit,
        )
    )
    if ranked:
        folded = text.casefold()
        words = folded.split()

        def rank(row: ItemRow) -> int:
            name = row.name.casefold()
            if row.retailer_id.casefold() == folded or name.split() == words:
                return 0
            if name.startswith(folded) or row.retailer_id.casefold().startswith(folded):
                return 1
            if set(words) <= set(name.split()):
                return 2
            return 3

        rows.sort(key=rank)  # stable: keeps the chosen order inside each group
        if limit is not None:
            rows = rows[:limit]
    return rows


def get_item(session: Session, item_id: int) -> ItemRow:
    item = session.get(CatalogItem, item_id)
    if item is None:
        raise InvalidInput(code=ErrorCode.ITEM_GONE)
    return _row(item)


def find_item_by_code(session: Session, retailer_id: str) -> ItemRow | None:
    item = session.scalar(select(CatalogItem).where(CatalogItem.retailer_id == retailer_id))
    return None if item is None else _row(item)


def count_items(session: Session) -> int:
    return int(session.scalar(select(func.count()).select_from(CatalogItem)) or 0)


def clean_draft(draft: ItemDraft) -> ItemDraft:
    """The draft trimmed and NFC-normalised; raises ItemInvalid naming the field at fault."""
    name = nfc(draft.name).strip()
    code = nfc(draft.retailer_id).strip()
    description = nfc(draft.description).strip()
    url = draft.url.strip()
    currency = draft.currency.strip().upper()
    if not name:
        raise ItemInvalid("name", ErrorCode.ITEM_NAME_EMPTY)
    if len(name) > MAX_NAME:
        raise ItemInvalid("name", ErrorCode.ITEM_NAME_TOO_LONG, LimitParams(MAX_NAME))
    if len(code) > MAX_CODE:
        raise ItemInvalid("retailer_id", ErrorCode.ITEM_CODE_TOO_LONG, LimitParams(MAX_CODE))
    if code and not _CODE_OK.match(code):
        raise ItemInvalid("retailer_id", ErrorCode.ITEM_CODE_INVALID, ValueParams(code))
    if len(description) > MAX_DESCRIPTION:
        raise ItemInvalid("description", ErrorCode.ITEM_DESCRIPTION_TOO_LONG, LimitParams(MAX_DESCRIPTION))
    if url and (not url.startswith(("https://", "http://")) or len(url) > MAX_URL or " " in url):
        raise ItemInvalid("url", ErrorCode.ITEM_LINK_INVALID, ValueParams(url))
    if not is_currency(currency):
        raise ItemInvalid("currency", ErrorCode.CURRENCY_UNKNOWN, ValueParams(draft.currency))
    if draft.price_minor < 0 or draft.price_minor >= MAX_MINOR:
        raise ItemInvalid("price", ErrorCode.ITEM_PRICE_INVALID)
    images = tuple(dict.fromkeys(draft.images))
    if len(images) > MAX_IMAGES_PER_ITEM:
        raise ItemInvalid("images", ErrorCode.ITEM_TOO_MANY_IMAGES, LimitParams(MAX_IMAGES_PER_ITEM))
    return replace(
        draft, name=name, retailer_id=code, description=description, url=url, currency=currency, images=images
    )


def _check_code_free(session: Session, code: str, item_id: int | None) -> None:
    stmt = select(CatalogItem.name).where(CatalogItem.retailer_id == code)
    if item_id is not None:
        stmt = stmt.where(CatalogItem.id != item_id)
    holder = session.scalar(stmt)
    if holder is not None:
        raise ItemInvalid("retailer_id", ErrorCode.ITEM_CODE_TAKEN, ItemCodeParams(code, holder))


def _free_code(session: Session, base: str) -> str:
    taken = set(
        session.scalars(
            select(CatalogItem.retailer_id).where(CatalogItem.retailer_id.like(like_pattern(base)[1:], "\\"))
        )
    )
    if base not in taken:
        return base
    n = 2
    while f"{base}-{n}" in taken:
        n += 1
    return f"{base}-{n}"


def _generated_code(session: Session) -> str:
    n = count_items(session) + 1
    taken = set(
        session.scalars(select(CatalogItem.retailer_id).where(CatalogItem.retailer_id.like("ITEM-%")))
    )
    while f"ITEM-{n:04d}" in taken:
        n += 1
    return f"ITEM-{n:04d}"


def _positions(session: Session, item_id: int) -> dict[int, int]:
    """collection id → the item's position in it."""
    rows = session.execute(
        select(catalog_item_collection.c.collection_id, catalog_item_collection.c.position).where(
            catalog_item_collection.c.item_id == item_id
        )
    )
    return {int(cid): int(position) for cid, position in rows}


def _set_collections(session: Session, item_id: int, collection_ids: Iterable[int]) -> None:
    wanted = list(dict.fromkeys(collection_ids))
    current = _positions(session, item_id)
    gone = [cid for cid in current if cid not in wanted]
    if gone:
        session.execute(
            delete(catalog_item_collection).where(
                catalog_item_collection.c.item_id == item_id,
                catalog_item_collection.c.collection_id.in_(gone),
            )
        )
    for cid in wanted:
        if cid in current:
            continue
        if session.get(Collection, cid) is None:
            raise ItemInvalid("collections", ErrorCode.COLLECTION_GONE)
        session.execute(
            insert(catalog_item_collection).values(
                item_id=item_id, collection_id=cid, position=_next_position(session, cid)
            )
        )
    session.expire_all()


def _next_position(session: Session, collection_id: int) -> int:
    last = session.scalar(
        select(func.max(catalog_item_collection.c.position)).where(
            catalog_item_collection.c.collection_id == collection_id
        )
    )
    return 0 if last is None else int(last) + 1


def create_item(session: Session, draft: ItemDraft) -> int:
    """Add an item; returns its id. Raises ItemInvalid naming the field at fault."""
    clean = clean_draft(draft)
    code = clean.retailer_id or _generated_code(session)
    _check_code_free(session, code, None)
    item = CatalogItem(
        retailer_id=code,
        name=clean.name,
        description=clean.description,
        price_minor=clean.price_minor,
        currency=clean.currency,
        url=clean.url or None,
        images=list(clean.images),
        hidden=clean.hidden,
    )
    session.add(item)
    session.flush()
    if clean.collection_ids:
        _set_collections(session, item.id, clean.collection_ids)
    log.info("created catalogue item %s", item.id)
    return item.id


def update_item(session: Session, item_id: int, draft: ItemDraft) -> None:
    """Save the form over an existing item."""
    item = session.get(CatalogItem, item_id)
    if item is None:
        raise InvalidInput(code=ErrorCode.ITEM_GONE)
    clean = clean_draft(draft)
    code = clean.retailer_id or item.retailer_id
    _check_code_free(session, code, item_id)
    item.retailer_id = code
    item.name = clean.name
    item.description = clean.description
    item.price_minor = clean.price_minor
    item.currency = clean.currency
    item.url = clean.url or None
    item.images = list(clean.images)
    item.hidden = clean.hidden
    session.flush()
    if clean.collection_ids is not None:
        _set_collections(session, item_id, clean.collection_ids)


def set_hidden(session: Session, item_ids: Sequence[int], hidden: bool) -> None:
    for item in session.scalars(select(CatalogItem).where(CatalogItem.id.in_(item_ids))):
        item.hidden = hidden


def name_key(name: str) -> str:
    """What two item names are the same by: any case, spaces around them aside (Korean as is)."""
    return nfc(name).strip().casefold()


def _copy_name(session: Session, name: str, suffix: str, numbered: str) -> str:
    """`name` + `suffix` ("Dress (copy)"), or + `numbered` with the first number no item's name has
    yet ("Dress (copy 2)"): a copy never takes a name another item has. The suffix is never cut off
    a long name: the name is."""
    taken = {name_key(other) for other in session.scalars(select(CatalogItem.name))}
    candidate, n = name[: MAX_NAME - len(suffix)] + suffix, 2
    while name_key(candidate) in taken:
        tail = numbered.format(n)
        candidate, n = name[: MAX_NAME - len(tail)] + tail, n + 1
    return candidate


def duplicate_item(
    session: Session, item_id: int, name_suffix: str = " (copy)", numbered_suffix: str = " (copy {0})"
) -> int:
    """A copy with a fresh item code (`CODE-copy`, `CODE-copy-2`…) and a name no item has yet
    ("Dress (copy)", "Dress (copy 2)"…), same images and collections."""
    source = get_item(session, item_id)
    name = _copy_name(session, source.name, name_suffix, numbered_suffix)
    code = _free_code(session, f"{source.retailer_id[: MAX_CODE - 8]}-copy")
    return create_item(
        session,
        ItemDraft(
            name=name,
            price_minor=source.price_minor,
            currency=source.currency,
            retailer_id=code,
            description=source.description,
            url=source.url or "",
            images=source.images,
            hidden=source.hidden,
            collection_ids=source.collection_ids,
        ),
    )


def delete_items(session: Session, item_ids: Sequence[int]) -> list[DeletedItem]:
    """Delete items; returns what `restore_items` needs to undo it. Image files stay until pruned."""
    snapshots: list[DeletedItem] = []
    for item in session.scalars(
        select(CatalogItem).options(selectinload(CatalogItem.collections)).where(CatalogItem.id.in_(item_ids))
    ):
        positions = _positions(session, item.id)
        snapshots.append(DeletedItem(row=_row(item), positions=positions))
        session.delete(item)
    session.flush()
    log.info("deleted %d catalogue items", len(snapshots))
    return snapshots


def restore_items(session: Session, deleted: Sequence[DeletedItem]) -> list[int]:
    """Undo `delete_items`: the same ids, codes, dates and collection places."""
    restored: list[int] = []
    for snapshot in deleted:
        row = snapshot.row
        _check_code_free(session, row.retailer_id, None)
        item_id = row.id if session.get(CatalogItem, row.id) is None else None
        item = CatalogItem(
            retailer_id=row.retailer_id,
            name=row.name,
            description=row.description,
            price_minor=row.price_minor,
            currency=row.currency,
            url=row.url,
            images=list(row.images),
            hidden=row.hidden,
            created_at=row.created_at,
            updated_at=row.updated_at,
        )
        if item_id is not None:
            item.id = item_id
        session.add(item)
        session.flush()
        for cid, position in snapshot.positions.items():
            if session.get(Collection, cid) is not None:
                session.execute(
                    insert(catalog_item_collection).values(
                        item_id=item.id, collection_id=cid, position=position
                    )
                )
        restored.append(item.id)
    session.expire_all()
    return restored


def used_images(session: Session) -> set[str]:
    used: set[str] = set()
    for images in session.scalars(select(CatalogItem.images)):
        used.update(str(i) for i in images or () if not is_remote(str(i)))
    return used


def prune_unused_images(session: Session, catalog_dir: Path) -> int:
    """Delete originals (and their thumbnails) that no item uses any more; returns how many.

    Deleting an item keeps its pictures so that undo can bring it back; the catalogue window prunes
    when it closes and its undo history goes with it.
    """
    removed = 0
    for path in unused_image_files(catalog_dir, used_images(session)):
        try:
            path.unlink()
            for thumb in (catalog_dir / THUMBS_FOLDER).glob(f"{path.stem}-*.png"):
                thumb.unlink()
            removed += 1
        except OSError as exc:
            log.warning("could not remove unused catalogue image %s: %s", path.name, exc)
    return removed


def load_demo_catalog(session: Session, demo_dir: Path, catalog_dir: Path, lang: str = "ko") -> int:
    """Fill the catalogue from `demo_dir/catalog.json` and its images; safe to run twice.

    Each entry: retailer_id, name, description, price_minor, currency (default KRW), collection,
    image (a file name in `demo_dir/images`); name_en, description_en and collection_en say them in
    English, and price_minor_en and currency_en give the price in pounds, for the demo run in any
    language but Korean: the Brighton shop (app/demo_seed.py), whose customers pay in pounds. The
    `_us` keys are the Palo Alto shop's (the demo run in American English): its prices in dollars,
    and its words where American English has others ("pants", "gray"); else its `_en` ones.
    Returns the number of items created or updated.
    """
    from app.catalog_collections import collection_id_for_name
    from app.demo_seed import demo_shop_country

    entries: list[dict[str, Any]] = json.loads((demo_dir / "catalog.json").read_text(encoding="utf-8"))
    country = demo_shop_country(lang)
    suffixes = {"KR": (), "US": ("_us", "_en")}.get(country, ("_en",))

    def said(entry: dict[str, Any], key: str) -> Any:
        for suffix in suffixes:
            if f"{key}{suffix}" in entry:
                return entry[f"{key}{suffix}"]
        return entry.get(key)

    count = 0
    for entry in entries:
        images: tuple[str, ...] = ()
        if entry.get("image"):
            images = (import_image(catalog_dir, demo_dir / "images" / str(entry["image"])),)
        collection = said(entry, "collection")
        collection_ids = (collection_id_for_name(session, str(collection)),) if collection else ()
        draft = ItemDraft(
            name=str(said(entry, "name")),
            price_minor=int(said(entry, "price_minor")),
            currency=str(said(entry, "currency") or "KRW"),
            retailer_id=str(entry["retailer_id"]),
            description=str(said(entry, "description") or ""),
            url=str(entry.get("url", "")),
            images=images,
            hidden=bool(entry.get("hidden", False)),
            collection_ids=collection_ids,
        )
        existing = find_item_by_code(session, draft.retailer_id)
        if existing is None:
            create_item(session, draft)
        else:
            update_item(session, existing.id, draft)
        count += 1
    return count
