"""Saving a catalogue item under a name another item has: asked about, never silently doubled."""

from __future__ import annotations

import pytest

from app.catalog import ItemDraft, ItemInvalid, create_item, get_item, list_items
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
