"""Labels: the default labels, add/rename/recolour/delete, and the count of chats per label."""

from __future__ import annotations

import pytest

from app.labels import (
    LabelInvalid,
    add_label,
    delete_label,
    labels_with_counts,
    recolour_label,
    rename_label,
    reorder_labels,
    restore_default_labels,
)
from app.queries import set_label
from tests.support.factories import make_contact


def test_a_new_inbox_has_whatsapp_business_default_labels_and_shipped(db) -> None:
    with db.read() as s:
        names = [label.name for label in labels_with_counts(s)]
    assert names == ["New customer", "New order", "Pending payment", "Paid", "Shipped", "Order complete"]


def test_count_of_chats_per_label_follows_labelling_and_unlabelling(db) -> None:
    with db.write() as s:
        paid = next(label for label in labels_with_counts(s) if label.name == "Paid")
        a, b = make_contact(s), make_contact(s)
        set_label(s, a.id, paid.id, True)
        set_label(s, b.id, paid.id, True)
    with db.read() as s:
        counts = {label.name: label.chats for label in labels_with_counts(s)}
    assert counts["Paid"] == 2 and counts["New order"] == 0
    with db.write() as s:
        set_label(s, a.id, paid.id, False)
    with db.read() as s:
        assert {label.name: label.chats for label in labels_with_counts(s)}["Paid"] == 1


def test_add_rename_recolour_and_delete_a_korean_label(db) -> None:
    with db.write() as s:
        vip = add_label(s, "  단골  고객 ", "#ff8800")
        c = make_contact(s)
        set_label(s, c.id, vip.id, True)
    assert vip.name == "단골 고객" and vip.colour == "#FF8800"
    with db.write() as s:
        rename_label(s, vip.id, "VIP 고객")
        recolour_label(s, vip.id, "#123abc")
    with db.read() as s:
        row = next(label for label in labels_with_counts(s) if label.id == vip.id)
    assert (row.name, row.colour, row.chats) == ("VIP 고객", "#123ABC", 1)
    assert row.position == 6  # after the six defaults
    with db.write() as s:
        delete_label(s, vip.id)
    with db.read() as s:
        assert all(label.id != vip.id for label in labels_with_counts(s))


def test_duplicate_empty_and_bad_colour_labels_are_refused_with_a_reason(db) -> None:
    with db.write() as s:
        with pytest.raises(LabelInvalid) as taken:
            add_label(s, "paid", "#000000")
        with pytest.raises(LabelInvalid) as empty:
            add_label(s, "   ", "#000000")
        with pytest.raises(LabelInvalid) as colour:
            add_label(s, "Gift", "red")
    assert (taken.value.reason, empty.value.reason, colour.value.reason) == ("taken", "empty", "colour")


def test_renaming_a_label_to_its_own_name_in_another_case_is_allowed(db) -> None:
    with db.write() as s:
        paid = next(label for label in labels_with_counts(s) if label.name == "Paid")
        rename_label(s, paid.id, "PAID")
    with db.read() as s:
        assert "PAID" in [label.name for label in labels_with_counts(s)]


def test_reorder_and_restore_defaults(db) -> None:
    with db.write() as s:
        rows = labels_with_counts(s)
        reorder_labels(s, [rows[5].id, rows[0].id])
        delete_label(s, rows[2].id)
    with db.read() as s:
        assert [label.name for label in labels_with_counts(s)] == [
            "Order complete",
            "New customer",
            "New order",
            "Paid",
            "Shipped",
        ]
    with db.write() as s:
        assert restore_default_labels(s) == 1
        assert restore_default_labels(s) == 0
