"""The catalogue as whole transactions for the windows: each read returns rows, each write its Changes."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.catalog import (
    DeletedItem,
    ItemDraft,
    ItemInvalid,
    ItemList,
    ItemRow,
    SortKey,
    count_items,
    create_item,
    delete_items,
    duplicate_item,
    get_item,
    item_list,
    list_items,
    name_key,
    prune_unused_images,
    restore_items,
    set_hidden,
    update_item,
)
from app.catalog_collections import (
    CollectionRow,
    add_items_to_collection,
    create_collection,
    delete_collection,
    list_collections,
    remove_items_from_collection,
    rename_collection,
    reorder_collections,
)
from app.catalog_csv import ImportReport, export_feed, feed_rows, import_feed
from app.catalog_messages import META_CATALOG_SETTING, meta_catalog_id
from app.changes import Changes
from app.db import Database
from app.errors import ErrorCode, ItemCodeParams
from app.item_options import ItemOption, item_options, sold_out_among
from app.models import CatalogItem
from app.settings import put_setting
from app.sheet_files import sheet_format, write_sheet
from app.stock import count_item, item_stock, items_left, options_left


@dataclass(frozen=True, slots=True)
class CatalogPage:
    """What the catalogue window shows for one search, sort and collection."""

    rows: ItemList
    collections: list[CollectionRow]
    total: int
    sold_out: frozenset[int]
    stock_left: dict[int, int]  # counted items: pieces left to promise (app.stock.items_left)


@dataclass(frozen=True, slots=True)
class PickerPage:
    """What the composer's picker shows: visible items matching the query, best matches first."""

    rows: list[ItemRow]
    sold_out: frozenset[int]
    catalogue_empty: bool
    stock_left: dict[int, int]
    # Counted items: what is left of each option ("" the item's own count), for choosing one.
    options: dict[int, dict[str, int]] = dataclasses.field(default_factory=dict)
    # Choosing one item (`with_sizes`): every option each is known in, counted or not.
    sizes: dict[int, tuple[ItemOption, ...]] = dataclasses.field(default_factory=dict)


def catalog_page(db: Database, query: str, sort: SortKey, collection_id: int | None) -> CatalogPage:
    with db.read() as session:
        return CatalogPage(
            rows=item_list(session, query, sort, collection_id=collection_id),
            collections=list_collections(session),
            total=count_items(session),
            sold_out=frozenset(sold_out_among(session)),
            stock_left=items_left(session),
        )


def picker_page(
    db: Database, query: str, limit: int, *, with_sizes: bool = False, also: Sequence[tuple[str, str]] = ()
) -> PickerPage:
    """`with_sizes`: every option of the items too (`app.item_options`), and `also`'s ((item code,
    option) pairs: the size a customer sends back) among them."""
    with db.read() as session:
        rows = list_items(session, query, include_hidden=False, rank_matches=True, limit=limit)
        empty = not rows and not list_items(session, "", include_hidden=True, limit=1)
        ids = [row.id for row in rows]
        by_code = {row.retailer_id: row.id for row in rows}
        extra = [(by_code[code], option) for code, option in also if code in by_code]
        sizes = item_options(session, ids, extra)
        return PickerPage(
            rows=rows,
            # An item whose counted sizes are all promised still sells the sizes nobody counts.
            sold_out=frozenset(sold_out_among(session, ids, sizes)),
            catalogue_empty=empty,
            stock_left=items_left(session, ids),
            options=options_left(session, ids),
            sizes=sizes if with_sizes else {},
        )


def stock_options(db: Database, item_ids: Sequence[int]) -> dict[int, dict[str, int]]:
    """What is left of each counted option of these items (`app.stock.options_left`)."""
    with db.read() as session:
        return options_left(session, item_ids)


def item_and_collections(db: Database, item_id: int) -> tuple[ItemRow, list[CollectionRow]]:
    """The item as the form shows it (its stock count too) and the collections it may be in."""
    with db.read() as session:
        row = get_item(session, item_id)
        if (level := item_stock(session, item_id)) is not None:
            row = dataclasses.replace(row, stock_on_hand=level.on_hand, stock_reserved=level.reserved)
        row = dataclasses.replace(row, stock_sizes=item_options(session, [item_id]).get(item_id, ()))
        return row, list_collections(session)


def read_item(db: Database, item_id: int) -> ItemRow:
    with db.read() as session:
        return get_item(session, item_id)


def collections(db: Database) -> list[CollectionRow]:
    with db.read() as session:
        return list_collections(session)


def _check_name_unshared(session: Session, item_id: int, name: str, stored: str | None) -> None:
    """Raise ItemInvalid (ITEM_NAME_SHARED, naming the other item) when item `item_id` is given a
    name another item has: two "울 머플러 그레이" make the `#` picker and orders ambiguous. Only when
    the name is new to the item (`stored`: its name before, None for a new item): one she kept beside
    its twin before is not asked about again at each price change. The names are compared here (a
    shop's few thousand items at most): SQLite's lower() folds no letter beyond ASCII."""
    key = name_key(name)
    if stored is not None and name_key(stored) == key:
        return
    others = select(CatalogItem.retailer_id, CatalogItem.name).where(CatalogItem.id != item_id)
    for code, other in session.execute(others.order_by(CatalogItem.id)):
        if name_key(other) == key:
            raise ItemInvalid("name", ErrorCode.ITEM_NAME_SHARED, ItemCodeParams(code, other))


def save_item(
    db: Database, item_id: int | None, draft: ItemDraft, *, keep_same_name: bool = False
) -> tuple[int, Changes]:
    """Create (item_id None) or update an item; its id and the change. A name another item has is
    refused (ItemInvalid, ITEM_NAME_SHARED; nothing is written) unless `keep_same_name`: variants
    may share one. Asked after the fields are found right, so it is the last question of a save."""
    with db.write() as session:
        stored = None
        if item_id is not None:
            stored = session.scalar(select(CatalogItem.name).where(CatalogItem.id == item_id))
        if item_id is None:
            item_id = create_item(session, draft)
        else:
            update_item(session, item_id, draft)
        if not keep_same_name:
            _check_name_unshared(session, item_id, draft.name, stored)
        if draft.stock is not None:
            count_item(session, item_id, draft.stock)
    return item_id, Changes(catalog=frozenset([item_id]), collections=True)


def duplicate_items(
    db: Database, item_ids: Sequence[int], name_suffix: str, numbered_suffix: str
) -> tuple[list[int], Changes]:
    with db.write() as session:
        copies = [duplicate_item(session, i, name_suffix, numbered_suffix) for i in item_ids]
    return copies, Changes(catalog=frozenset(copies), collections=True)


def hide_items(db: Database, item_ids: Sequence[int], hidden: bool) -> Changes:
    with db.write() as session:
        set_hidden(session, item_ids, hidden)
    return Changes(catalog=frozenset(item_ids))


def delete_catalog_items(db: Database, item_ids: Sequence[int]) -> tuple[list[DeletedItem], Changes]:
    """Delete items; what `restore_catalog_items` needs to put them back, and the change."""
    with db.write() as session:
        deleted = delete_items(session, item_ids)
    return deleted, Changes(catalog=frozenset(item_ids), collections=True)


def restore_catalog_items(db: Database, deleted: Sequence[DeletedItem]) -> tuple[list[int], Changes]:
    with db.write() as session:
        restored = restore_items(session, deleted)
    return restored, Changes(catalog=frozenset(restored), collections=True)


def prune_images(db: Database, catalog_dir: Path) -> int:
    """Remove picture files no item uses any more; how many went."""
    with db.read() as session:
        return prune_unused_images(session, catalog_dir)


def import_catalog_csv(
    db: Database, path: Path, *, catalog_dir: Path, default_currency: str
) -> tuple[ImportReport, Changes]:
    with db.write() as session:
        report = import_feed(session, path, catalog_dir=catalog_dir, default_currency=default_currency)
    return report, Changes(all_catalog=True, collections=True)


def export_catalog_csv(db: Database, target: Path, *, brand: str = "") -> Path:
    """The catalogue as Meta's feed: CSV, or an Excel workbook for a `target` named .xlsx (its text
    stays text: a description starting "- 소재" is not a formula, a code 0012 keeps its zeros)."""
    with db.read() as session:
        if sheet_format(target) == "xlsx":
            data = write_sheet(feed_rows(session, brand=brand), "xlsx", title="catalogue", header_tools=True)
        else:
            data = export_feed(session, brand=brand)
    target.write_bytes(data)
    return target


def read_meta_catalog_id(db: Database) -> str | None:
    with db.read() as session:
        return meta_catalog_id(session)


def save_meta_catalog_id(db: Database, value: str | None) -> Changes:
    with db.write() as session:
        put_setting(session, META_CATALOG_SETTING, value or None)
    return Changes(settings=True)


# ---------------------------------------------------------------- collections

_COLLECTIONS = Changes(collections=True)


def add_collection(db: Database, name: str) -> tuple[int, Changes]:
    with db.write() as session:
        collection_id = create_collection(session, name)
    return collection_id, _COLLECTIONS


def rename_catalog_collection(db: Database, collection_id: int, name: str) -> Changes:
    with db.write() as session:
        rename_collection(session, collection_id, name)
    return _COLLECTIONS


def delete_catalog_collection(db: Database, collection_id: int) -> Changes:
    with db.write() as session:
        delete_collection(session, collection_id)
    return Changes(collections=True, all_catalog=True)


def reorder_catalog_collections(db: Database, ordered_ids: Sequence[int]) -> Changes:
    with db.write() as session:
        reorder_collections(session, ordered_ids)
    return _COLLECTIONS


def add_to_collection(db: Database, collection_id: int, item_ids: Sequence[int]) -> Changes:
    with db.write() as session:
        add_items_to_collection(session, collection_id, item_ids)
    return Changes(collections=True, catalog=frozenset(item_ids))


def remove_from_collection(db: Database, collection_id: int, item_ids: Sequence[int]) -> Changes:
    with db.write() as session:
        remove_items_from_collection(session, collection_id, item_ids)
    return Changes(collections=True, catalog=frozenset(item_ids))


def join_restock_waitlist(db: Database, item_id: int, contact_id: int) -> Changes:
    """Tell this customer when the sold-out item is back (app/campaigns.py keeps the list)."""
    from app.campaigns import add_to_waitlist

    with db.write() as session:
        add_to_waitlist(session, item_id, contact_id)
    return Changes(catalog=frozenset({item_id}))
