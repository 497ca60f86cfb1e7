"""The sizes an item is known in: counted ones with what is left, sold ones the shop never counts,
in the order a shop lists sizes."""

from __future__ import annotations

from app.catalog import ItemDraft, create_item
from app.catalog_edits import picker_page
from app.item_options import ItemOption, item_options, sorted_options
from app.orders import LineInput, create_order
from app.stock import set_stock
from tests.support.factories import make_contact


def test_every_size_is_listed_counted_or_not_with_what_is_left(db) -> None:
    with db.write() as s:
        dress = create_item(
            s, ItemDraft(name="원피스", price_minor=59000, currency="KRW", retailer_id="DRESS")
        )
        shirt = create_item(s, ItemDraft(name="셔츠", price_minor=39000, currency="KRW", retailer_id="SHIRT"))
        plain = create_item(s, ItemDraft(name="에코백", price_minor=12000, currency="KRW", retailer_id="BAG"))
        set_stock(s, dress, 0, "S")
        set_stock(s, dress, 2, "M")
        set_stock(s, shirt, 4)  # the shirt is counted as a whole, not by size
        c = make_contact(s, profile_name="이하은")
        create_order(
            s,
            contact_id=c.id,
            lines=[
                LineInput("DRESS", 1, option="XL"),
                LineInput("SHIRT", 1, option="L"),
                LineInput("BAG", 1),
            ],
            source="chat",
        )
    with db.read() as s:
        found = item_options(s, [dress, shirt, plain], also=[(dress, "FREE")])
    assert found[dress] == (
        ItemOption("S", 0),
        ItemOption("M", 2),
        ItemOption("XL", None),
        ItemOption("FREE", None),
    )
    assert found[dress][0].sold_out and not found[dress][2].sold_out
    assert found[shirt] == (ItemOption("L", 4, shared=True),)  # an L takes from the shirt's own count
    assert plain not in found  # no size known: the box stays empty


def test_the_picker_offers_the_size_sent_back_even_if_never_counted_nor_sold(db) -> None:
    with db.write() as s:
        create_item(s, ItemDraft(name="원피스", price_minor=59000, currency="KRW", retailer_id="DRESS"))
    page = picker_page(db, "", 10, with_sizes=True, also=[("DRESS", "55")])
    assert [o.option for o in page.sizes[page.rows[0].id]] == ["55"]
    assert picker_page(db, "", 10).sizes == {}  # the composer's picker reads no sizes


def test_sizes_read_in_a_shops_order() -> None:
    assert sorted_options(["XL", "블랙", "L", "F", "240", "S", "230", "XS"]) == [
        "XS",
        "S",
        "L",
        "XL",
        "230",
        "240",
        "F",
        "블랙",
    ]
