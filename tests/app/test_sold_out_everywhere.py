"""One rule of "sold out" everywhere: an item whose counted sizes are all gone but that sells a size
nobody counts still sells, in the catalogue window, the feed Meta reads, messages and the order form."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from app.catalog import ItemDraft, create_item, list_items
from app.catalog_csv import export_feed, import_feed
from app.catalog_edits import catalog_page
from app.catalog_messages import SoldOutItem, plan_catalog_send
from app.db import Database
from app.order_actions import items_for_order
from app.orders import LineInput, create_order
from app.stock import set_stock
from tests.support.factories import make_contact

TO = "821012345678"


def dress_and_shoes(db: Database) -> tuple[int, int]:
    """The dress: S and M counted, both gone; L sold (ordered before) but never counted. The shoes:
    their only size counted and gone."""
    with db.write() as s:
        dress = create_item(
            s, ItemDraft(name="린넨 원피스", price_minor=69000, currency="KRW", retailer_id="OP-1")
        )
        shoes = create_item(
            s, ItemDraft(name="린넨 슈즈", price_minor=59000, currency="KRW", retailer_id="OP-2")
        )
        set_stock(s, dress, 0, "S")
        set_stock(s, dress, 0, "M")
        set_stock(s, shoes, 0, "240")
        c = make_contact(s, profile_name="김민지")
        create_order(s, contact_id=c.id, lines=[LineInput("OP-1", 1, option="L")], source="chat")
    return dress, shoes


def test_the_feed_meta_reads_keeps_an_item_with_uncounted_sizes_in_stock(db: Database) -> None:
    dress_and_shoes(db)
    with db.read() as s:
        data = export_feed(s)
    rows = {r["id"]: r["availability"] for r in csv.DictReader(io.StringIO(data.decode("utf-8-sig")))}
    assert rows == {"OP-1": "in stock", "OP-2": "out of stock"}
    # The file back into the same catalogue: the shoes, sold out by their size's count, are not
    # hidden for the "out of stock" the export wrote (the count says it), and nothing changes.
    with db.write() as s:
        report = import_feed(s, data)
    assert (report.updated, report.unchanged) == (0, 2)
    with db.read() as s:
        assert not any(row.hidden for row in list_items(s, "", include_hidden=True))


def test_the_catalogue_window_and_the_order_form_say_sold_out_only_of_the_shoes(db: Database) -> None:
    _dress, shoes = dress_and_shoes(db)
    assert catalog_page(db, "", "name", None).sold_out == {shoes}
    assert items_for_order(db, "린넨", 10).sold_out == {shoes}


def test_a_catalogue_message_still_offers_the_dress(db: Database, tmp_path: Path) -> None:
    dress, shoes = dress_and_shoes(db)
    with db.read() as s:
        plan = plan_catalog_send(s, [dress, shoes], to=TO, catalog_dir=tmp_path, locale="ko_KR")
        assert plan.item_ids == (dress,)
        with pytest.raises(SoldOutItem, match="린넨 슈즈"):
            plan_catalog_send(s, [shoes], to=TO, catalog_dir=tmp_path, locale="ko_KR")
