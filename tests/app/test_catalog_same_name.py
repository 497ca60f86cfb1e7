"""A catalogue item under a name another item has: asked about (form), reported (import), never
made by Duplicate; never silently doubled."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.catalog import MAX_NAME, ItemDraft, ItemInvalid, create_item, duplicate_item, get_item, list_items
from app.catalog_csv import export_feed, import_feed
from app.catalog_edits import save_item
from app.errors import ErrorCode


def draft(name: str, price: int = 39000, code: str = "") -> ItemDraft:
    return ItemDraft(name=name, price_minor=price, currency="KRW", retailer_id=code)


@pytest.fixture
def scarf(db) -> int:
    with db.write() as s:
        return create_item(s, draft("울 머플러 그레이", code="WM-GR"))


def names(db) -> list[str]:
    with db.read() as s:
        return sorted(r.name for r in list_items(s))


@pytest.mark.parametrize("name", ["울 머플러 그레이", "  울 머플러 그레이 "])
def test_a_new_item_named_as_another_is_refused_naming_the_other_and_nothing_is_saved(
    db, scarf, name
) -> None:
    with pytest.raises(ItemInvalid) as refused:
        save_item(db, None, draft(name))
    assert refused.value.code is ErrorCode.ITEM_NAME_SHARED and refused.value.field == "name"
    assert refused.value.param_values() == {"code": "WM-GR", "name": "울 머플러 그레이"}
    assert names(db) == ["울 머플러 그레이"]


def test_keeping_both_saves_the_second_one(db, scarf) -> None:
    item_id, _changes = save_item(db, None, draft("울 머플러 그레이", 42000), keep_same_name=True)
    assert names(db) == ["울 머플러 그레이", "울 머플러 그레이"]
    # Her kept twin is not asked about again when its price changes.
    save_item(db, item_id, draft("울 머플러 그레이", 45000))
    with db.read() as s:
        assert get_item(s, item_id).price_minor == 45000


def test_english_names_match_in_any_case_and_korean_ones_only_as_written(db, scarf) -> None:
    save_item(db, None, draft("Wool Scarf"))
    with pytest.raises(ItemInvalid):
        save_item(db, None, draft("wool scarf "))
    save_item(db, None, draft("울머플러 그레이"))  # spelled otherwise: another name
    assert names(db) == ["Wool Scarf", "울 머플러 그레이", "울머플러 그레이"]


def test_renaming_an_item_to_anothers_name_is_asked_and_leaves_it_as_it_was(db, scarf) -> None:
    other, _ = save_item(db, None, draft("울 머플러 네이비", code="WM-NV"))
    with pytest.raises(ItemInvalid) as refused:
        save_item(db, other, draft("울 머플러 그레이", 50000, code="WM-NV"))
    assert refused.value.code is ErrorCode.ITEM_NAME_SHARED
    with db.read() as s:
        kept = get_item(s, other)
    assert (kept.name, kept.price_minor) == ("울 머플러 네이비", 39000)


def test_a_field_that_cannot_be_saved_is_said_before_the_name_question(db, scarf) -> None:
    with pytest.raises(ItemInvalid) as refused:
        save_item(db, None, draft("울 머플러 그레이", code="WM-GR"))
    assert refused.value.code is ErrorCode.ITEM_CODE_TAKEN


def test_a_second_copy_of_an_item_gets_a_name_of_its_own(db, scarf) -> None:
    with db.write() as s:
        duplicate_item(s, scarf)
        duplicate_item(s, scarf)
        duplicate_item(s, scarf, " (복사본)", " (복사본 {0})")
    assert names(db) == [
        "울 머플러 그레이",
        "울 머플러 그레이 (copy 2)",
        "울 머플러 그레이 (copy)",
        "울 머플러 그레이 (복사본)",
    ]


def test_a_copy_of_a_name_as_long_as_can_be_keeps_its_copy_mark(db) -> None:
    long_name = "가" * MAX_NAME
    with db.write() as s:
        item = create_item(s, draft(long_name))
        first, second = duplicate_item(s, item), duplicate_item(s, item)
    with db.read() as s:
        copies = [get_item(s, first).name, get_item(s, second).name]
    assert copies[0].endswith(" (copy)") and copies[1].endswith(" (copy 2)")
    assert all(len(name) == MAX_NAME for name in copies)


def feed(tmp_path: Path, *rows: str) -> Path:
    path = tmp_path / "feed.csv"
    path.write_bytes("\n".join(["id,title,price", *rows]).encode())
    return path


def test_an_imported_row_named_as_another_item_is_imported_and_reported(db, scarf, tmp_path: Path) -> None:
    path = feed(tmp_path, "WM-GR2,울 머플러 그레이,42000 KRW", "CAP,Cap,22000 KRW")
    with db.write() as s:
        report = import_feed(s, path)
    assert (report.created, report.errors) == (2, [])
    assert [(p.line, p.item_code, p.code, p.detail) for p in report.shared_names] == [
        (2, "WM-GR2", "shared_name", "WM-GR")
    ]
    assert names(db) == ["Cap", "울 머플러 그레이", "울 머플러 그레이"]


def test_two_rows_of_the_file_with_one_name_are_both_reported_by_line(db, scarf, tmp_path: Path) -> None:
    path = feed(tmp_path, "B-1,Basket,10000 KRW", "CAP,Cap,22000 KRW", "B-2,basket ,12000 KRW")
    with db.write() as s:
        report = import_feed(s, path)
    assert report.created == 3
    assert [(p.line, p.code, p.detail) for p in report.shared_names] == [
        (2, "shared_name_line", "4"),
        (4, "shared_name_line", "2"),
    ]


def test_an_export_imported_back_says_nothing_of_names_kept_shared_and_swaps_are_no_clash(
    db, scarf, tmp_path: Path
) -> None:
    save_item(db, None, draft("울 머플러 그레이", code="WM-GR2"), keep_same_name=True)
    save_item(db, None, draft("울 머플러 네이비", code="WM-NV"))
    with db.write() as s:
        report = import_feed(s, export_feed(s))
    assert report.shared_names == []
    # The file swaps two items' names: at the end no two share one.
    path = feed(tmp_path, "WM-NV,울 머플러 그레이,39000 KRW", "WM-GR,울 머플러 네이비,39000 KRW")
    with db.write() as s:
        report = import_feed(s, path)
    assert report.updated == 2
    assert [(p.line, p.detail) for p in report.shared_names] == [(2, "WM-GR2")]
