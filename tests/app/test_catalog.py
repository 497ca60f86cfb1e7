"""The catalogue's items and collections on a real database file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from app.catalog import (
    ItemDraft,
    ItemInvalid,
    create_item,
    delete_items,
    duplicate_item,
    get_item,
    item_list,
    list_items,
    restore_items,
    update_item,
)
from app.catalog_collections import (
    add_items_to_collection,
    collection_id_for_name,
    create_collection,
    delete_collection,
    list_collections,
    rename_collection,
    reorder_collections,
)
from app.catalog_images import import_image, store_image_bytes, thumbnail_path, unused_image_files
from app.db import Database
from app.errors import ErrorCode, InvalidInput

JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 64


def add(db: Database, name: str, price: int, code: str = "", **fields: Any) -> int:
    with db.write() as s:
        return create_item(
            s, ItemDraft(name=name, price_minor=price, currency="KRW", retailer_id=code, **fields)
        )


def names(db: Database, **kwargs: object) -> list[str]:
    with db.read() as s:
        return [row.name for row in list_items(s, **kwargs)]  # type: ignore[arg-type]


def test_an_item_saved_is_the_item_read_back(db: Database) -> None:
    item_id = add(
        db,
        "  린넨 셔츠  ",
        39000,
        "LS-001",
        description="린넨 100%, 아이보리",
        url="https://shop.example/ls-001",
    )
    with db.read() as s:
        row = get_item(s, item_id)
    assert (row.name, row.retailer_id, row.price_minor, row.currency) == ("린넨 셔츠", "LS-001", 39000, "KRW")
    assert row.description == "린넨 100%, 아이보리"
    assert row.url == "https://shop.example/ls-001"
    assert not row.hidden


def test_a_name_is_required_and_item_codes_are_unique(db: Database) -> None:
    add(db, "Tote bag", 25000, "BAG-1")
    with pytest.raises(ItemInvalid) as missing, db.write() as s:
        create_item(s, ItemDraft(name="   ", price_minor=1, currency="KRW"))
    assert missing.value.field == "name"
    with pytest.raises(ItemInvalid) as taken, db.write() as s:
        create_item(s, ItemDraft(name="Another bag", price_minor=1, currency="KRW", retailer_id="BAG-1"))
    assert taken.value.field == "retailer_id"
    assert taken.value.code is ErrorCode.ITEM_CODE_TAKEN
    assert taken.value.param_values() == {"code": "BAG-1", "name": "Tote bag"}
    assert names(db) == ["Tote bag"]


def test_items_without_a_code_get_one(db: Database) -> None:
    first = add(db, "Socks", 5000)
    second = add(db, "Scarf", 19000)
    with db.read() as s:
        assert get_item(s, first).retailer_id == "ITEM-0001"
        assert get_item(s, second).retailer_id == "ITEM-0002"


def test_bad_link_and_currency_are_refused(db: Database) -> None:
    with pytest.raises(ItemInvalid) as link, db.write() as s:
        create_item(s, ItemDraft(name="Cap", price_minor=1, currency="KRW", url="shop.example/cap"))
    assert (link.value.field, link.value.code) == ("url", ErrorCode.ITEM_LINK_INVALID)
    with pytest.raises(ItemInvalid) as currency, db.write() as s:
        create_item(s, ItemDraft(name="Cap", price_minor=1, currency="WON"))
    assert (currency.value.field, currency.value.code) == ("currency", ErrorCode.CURRENCY_UNKNOWN)


def test_sort_by_name_price_and_recent(db: Database) -> None:
    add(db, "Beanie", 15000)
    add(db, "apron", 32000)
    add(db, "Cardigan", 8000)
    assert names(db, sort="name") == ["apron", "Beanie", "Cardigan"]
    assert names(db, sort="price") == ["Cardigan", "Beanie", "apron"]
    assert names(db, sort="recent") == ["Cardigan", "apron", "Beanie"]


def test_search_finds_korean_names_and_item_codes(db: Database) -> None:
    add(db, "린넨 셔츠 아이보리", 39000, "LS-001")
    add(db, "린넨 바지", 45000, "LP-002")
    add(db, "Canvas tote", 25000, "BAG-100%")
    assert names(db, query="린넨") == ["린넨 바지", "린넨 셔츠 아이보리"]
    assert names(db, query="ls-001") == ["린넨 셔츠 아이보리"]
    # LIKE wildcards in the query are literal characters.
    assert names(db, query="100%") == ["Canvas tote"]
    assert names(db, query="_") == []
    # Korean typed without its spaces, words in another order, a code without its hyphens.
    assert names(db, query="린넨셔츠") == ["린넨 셔츠 아이보리"]
    assert names(db, query="아이보리 셔츠") == ["린넨 셔츠 아이보리"]
    assert names(db, query="ls001") == ["린넨 셔츠 아이보리"]
    assert names(db, query="린넨 tote") == []  # every word must be found


def test_picker_ranks_exact_code_then_prefix(db: Database) -> None:
    add(db, "Silk scarf", 19000, "SC-2")
    add(db, "Scarf ring", 9000, "RING-1")
    add(db, "Wool scarf", 29000, "SC")
    with db.read() as s:
        ranked = [r.retailer_id for r in list_items(s, "sc", rank_matches=True)]
    assert ranked == ["SC", "RING-1", "SC-2"]


def test_picker_ranks_a_name_with_the_words_typed_before_names_that_only_hold_them(db: Database) -> None:
    """A big catalogue's "린넨 셔츠 1" … "린넨 셔츠 999": "셔츠 99" highlighted "린넨 셔츠 199" (first
    by name), and Enter sent it, not "린넨 셔츠 99"; the order form took it for the code typed too."""
    for n in (1, 99, 199, 299, 990):
        add(db, f"린넨 셔츠 {n}", 10_000 + n, f"SKU-{n:05d}")
    add(db, "셔츠 99 세트", 50_000, "SET-99")
    with db.read() as s:
        ranked = [r.name for r in list_items(s, "셔츠 99", rank_matches=True)]
        exact = [r.name for r in list_items(s, "린넨 셔츠 99", rank_matches=True, limit=1)]
    assert ranked == ["셔츠 99 세트", "린넨 셔츠 99", "린넨 셔츠 199", "린넨 셔츠 299", "린넨 셔츠 990"]
    assert exact == ["린넨 셔츠 99"]


def test_names_with_numbers_sort_as_the_owner_counts(db: Database) -> None:
    """Sorted as text, a big catalogue read "린넨 셔츠 1, 10, 100, 101 … 2": the window, the picker
    and its first page (a limit) now count 1, 2, 10."""
    for name in ("린넨 셔츠 10", "린넨 셔츠 2", "린넨 셔츠 100", "린넨 셔츠 1", "Apron 3호", "apron 12호"):
        add(db, name, 10_000)
    expected = ["Apron 3호", "apron 12호", "린넨 셔츠 1", "린넨 셔츠 2", "린넨 셔츠 10", "린넨 셔츠 100"]
    assert names(db, sort="name") == expected
    with db.read() as s:
        assert [r.name for r in list_items(s, "", rank_matches=True, limit=4)] == expected[:4]
        assert [r.name for r in list_items(s, "셔츠", rank_matches=True)] == expected[2:]


def test_hidden_items_can_be_left_out(db: Database) -> None:
    add(db, "Old bag", 10000, hidden=True)
    add(db, "New bag", 20000)
    assert names(db, include_hidden=False) == ["New bag"]


def test_edit_changes_what_is_read_back(db: Database) -> None:
    item_id = add(db, "Shirt", 39000, "S1")
    with db.write() as s:
        update_item(
            s,
            item_id,
            ItemDraft(name="Shirt (linen)", price_minor=42000, currency="KRW", retailer_id="S1", hidden=True),
        )
    with db.read() as s:
        row = get_item(s, item_id)
    assert (row.name, row.price_minor, row.hidden) == ("Shirt (linen)", 42000, True)


def test_duplicate_gets_a_new_code_and_keeps_images_and_collections(db: Database, tmp_path: Path) -> None:
    image = store_image_bytes(tmp_path, JPEG)
    with db.write() as s:
        coll = create_collection(s, "Summer")
    item_id = add(db, "Dress", 59000, "DR-1", images=(image,), collection_ids=(coll,))
    with db.write() as s:
        copy_id = duplicate_item(s, item_id)
        again_id = duplicate_item(s, item_id)
    with db.read() as s:
        copy, again = get_item(s, copy_id), get_item(s, again_id)
    assert (copy.name, copy.retailer_id) == ("Dress (copy)", "DR-1-copy")
    assert again.retailer_id == "DR-1-copy-2"
    assert copy.images == (image,)
    assert copy.collection_ids == (coll,)


def test_delete_then_undo_brings_the_item_back_as_it_was(db: Database) -> None:
    with db.write() as s:
        coll = create_collection(s, "Bags")
    item_id = add(db, "Tote", 25000, "T-1", collection_ids=(coll,))
    with db.read() as s:
        before = get_item(s, item_id)
    with db.write() as s:
        deleted = delete_items(s, [item_id])
    assert names(db) == []
    with db.write() as s:
        assert restore_items(s, deleted) == [item_id]
    with db.read() as s:
        assert get_item(s, item_id) == before
        assert [r.name for r in list_items(s, collection_id=coll)] == ["Tote"]


def test_collections_create_rename_reorder_fill(db: Database) -> None:
    with db.write() as s:
        new = create_collection(s, "신상품")
        bags = create_collection(s, "Bags")
        sale = create_collection(s, "Sale")
    with pytest.raises(InvalidInput) as taken, db.write() as s:
        create_collection(s, "bags")
    assert taken.value.code is ErrorCode.COLLECTION_NAME_TAKEN
    a = add(db, "Tote", 25000)
    b = add(db, "Clutch", 35000)
    with db.write() as s:
        rename_collection(s, bags, "가방")
        reorder_collections(s, [sale, new, bags])
        assert add_items_to_collection(s, bags, [a, b, a]) == 2
        assert add_items_to_collection(s, bags, [a]) == 0
    with db.read() as s:
        rows = list_collections(s)
    assert [(r.name, r.item_count) for r in rows] == [("Sale", 0), ("신상품", 0), ("가방", 2)]
    with db.write() as s:
        delete_collection(s, bags)
    assert names(db) == ["Clutch", "Tote"]


def test_images_are_copied_once_by_content(db: Database, tmp_path: Path) -> None:
    catalog = tmp_path / "catalog"
    source = tmp_path / "photo.JPG"
    source.write_bytes(JPEG)
    first = import_image(catalog, source)
    second = import_image(catalog, source)
    assert first == second and first.startswith("images/") and first.endswith(".jpg")
    assert (catalog / first).read_bytes() == JPEG
    assert len(list((catalog / "images").iterdir())) == 1
    thumb = thumbnail_path(catalog, first, 96)
    assert thumb is not None and thumb.parent == catalog / "thumbs"
    assert unused_image_files(catalog, {first}) == []
    assert unused_image_files(catalog, set()) == [catalog / first]


def test_one_picture_stored_twice_at_once_is_stored_whole_for_both(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The owner drops the same photo on two items at once: each store writes its own partial file
    (one shared "<hash>.jpg.part" was renamed away under the second, which failed)."""
    catalog = tmp_path / "catalog"
    write_bytes = Path.write_bytes
    stored: list[str] = []
    stores = 0

    def second_store_meanwhile(path: Path, data: bytes) -> int:
        nonlocal stores
        written = write_bytes(path, data)
        stores += 1
        if stores == 1:
            stored.append(store_image_bytes(catalog, JPEG))  # the other store, run whole meanwhile
        return written

    monkeypatch.setattr(Path, "write_bytes", second_store_meanwhile)
    first = store_image_bytes(catalog, JPEG)
    assert stored == [first]
    assert [p.name for p in (catalog / "images").iterdir()] == [Path(first).name]  # no partial left
    assert (catalog / first).read_bytes() == JPEG


def test_a_picture_the_disk_cut_short_leaves_no_half_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    catalog = tmp_path / "catalog"

    def disk_full(path: Path, data: bytes) -> int:
        with path.open("wb") as f:
            f.write(data[:10])
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(Path, "write_bytes", disk_full)
    with pytest.raises(OSError):
        store_image_bytes(catalog, JPEG)
    assert list((catalog / "images").iterdir()) == []


def test_a_file_that_is_not_an_image_is_refused(tmp_path: Path) -> None:
    fake = tmp_path / "notes.jpg"
    fake.write_text("hello")
    with pytest.raises(InvalidInput) as refused:
        import_image(tmp_path / "catalog", fake)
    assert refused.value.code is ErrorCode.IMAGE_NOT_SUPPORTED


def test_ten_images_at_most(db: Database) -> None:
    with pytest.raises(ItemInvalid) as refused, db.write() as s:
        create_item(
            s,
            ItemDraft(
                name="Many", price_minor=1, currency="KRW", images=tuple(f"images/{i}.jpg" for i in range(11))
            ),
        )
    assert refused.value.code is ErrorCode.ITEM_TOO_MANY_IMAGES
    assert refused.value.param_values() == {"limit": 10}


def test_pictures_of_deleted_items_are_pruned_but_shared_ones_stay(db: Database, tmp_path: Path) -> None:
    from app.catalog import prune_unused_images

    catalog = tmp_path / "catalog"
    shared = store_image_bytes(catalog, JPEG)
    own = store_image_bytes(catalog, JPEG + b"own")
    (catalog / "thumbs").mkdir()
    (catalog / "thumbs" / (Path(own).stem + "-160.png")).write_bytes(b"thumb")
    keep = add(db, "Keep", 1000, images=(shared,))
    gone = add(db, "Gone", 1000, images=(shared, own))
    with db.write() as s:
        delete_items(s, [gone])
    with db.read() as s:
        assert prune_unused_images(s, catalog) == 1
    assert (catalog / shared).exists() and not (catalog / own).exists()
    assert list((catalog / "thumbs").iterdir()) == []
    with db.read() as s:
        assert get_item(s, keep).images == (shared,)


def test_the_windows_item_list_reads_the_same_items_as_the_plain_list(db: Database, tmp_path: Path) -> None:
    shirt = add(db, "린넨 셔츠", 39000, "LS-1", images=("a.jpg", "b.jpg"))
    add(db, "Tote", 25000, "T-1", hidden=True)
    add(db, "Apron", 18000, "A-1")
    with db.write() as s:
        box = create_collection(s, "Summer")
        add_items_to_collection(s, box, [shirt])
    with db.read() as s:
        for sort in ("name", "price", "recent"):
            lazy = item_list(s, sort=sort)  # type: ignore[arg-type]
            assert list(lazy) == list_items(s, sort=sort)  # type: ignore[arg-type]
            assert lazy.ids == [row.id for row in lazy]
        lazy = item_list(s, "셔츠")
        assert [row.collection_ids for row in lazy] == [(box,)]
        assert lazy.first_image(0) == "a.jpg" and lazy[0].images == ("a.jpg", "b.jpg")
        assert lazy[0].created_at.tzinfo is not None


def test_the_stock_left_counts_an_items_options_together_and_skips_uncounted_items(db: Database) -> None:
    from app.stock import counted_out_items, items_left, set_stock

    with db.write() as s:
        shirt = create_item(s, ItemDraft(name="린넨 셔츠", price_minor=39000, currency="KRW"))
        cap = create_item(s, ItemDraft(name="Cap", price_minor=22000, currency="KRW"))
        bag = create_item(s, ItemDraft(name="에코백", price_minor=12000, currency="KRW"))
        set_stock(s, shirt, 2, "아이보리/M")
        set_stock(s, shirt, 3, "블랙/L")
        set_stock(s, cap, 0)
        assert bag  # nobody counts bags
    with db.read() as s:
        assert items_left(s) == {shirt: 5, cap: 0}
        assert items_left(s, [shirt]) == {shirt: 5}
        assert {i for i, n in items_left(s).items() if n == 0} == counted_out_items(s)


def test_an_item_is_found_by_its_umlauts_in_any_case(db: Database) -> None:
    """German nouns start with a capital: 'ölfilter' typed in lower case finds "Ölfilter"."""
    add(db, "Ölfilter Premium", 1250, "OF-1")
    add(db, "SCHLÄUCHE 28 Zoll", 499, "SL-2")
    add(db, "Kette", 1999, "K-3")
    with db.read() as s:
        assert [row.name for row in item_list(s, "ölfilter")] == ["Ölfilter Premium"]
        assert [row.name for row in item_list(s, "Schläuche")] == ["SCHLÄUCHE 28 Zoll"]
        assert [row.name for row in item_list(s, "kette")] == ["Kette"]


def test_a_collection_named_again_in_capitals_with_umlauts_is_the_same_one(db: Database) -> None:
    """ "ZUBEHÖR" beside "Zubehör" was a second collection: SQLite's lower() leaves Ö as it is."""
    with db.write() as s:
        first = create_collection(s, "Zubehör")
    with pytest.raises(InvalidInput) as taken, db.write() as s:
        create_collection(s, "ZUBEHÖR")
    assert taken.value.code is ErrorCode.COLLECTION_NAME_TAKEN
    with db.write() as s:
        assert collection_id_for_name(s, "ZUBEHÖR") == first
