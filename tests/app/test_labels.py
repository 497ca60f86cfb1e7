"""Labels: the default labels, add/rename/recolour/delete, and the count of chats per label."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from app.db import Database, upgrade
from app.labels import (
    ChatLabelled,
    LabelInvalid,
    add_label,
    delete_label,
    label_chat_named,
    labels_with_counts,
    recolour_label,
    rename_label,
    reorder_labels,
    restore_default_labels,
)
from app.models import Label, contact_label
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


def test_a_name_another_label_is_shown_with_is_taken_too(db) -> None:
    # In a Korean interface "New customer" reads 새 고객: a second 새 고객 would be two labels that
    # look the same in the filter and the contact panel. (Shown with a no-break space, which keeps
    # the name on one line in a chip; the owner types a plain one.)
    shown = {"New customer": "새\u00a0고객", "Paid": "결제\u00a0완료"}
    with db.write() as s:
        with pytest.raises(LabelInvalid) as taken:
            add_label(s, " 새  고객", "#000000", shown=shown)
        vip = add_label(s, "단골", "#000000", shown=shown)
        with pytest.raises(LabelInvalid) as renamed:
            rename_label(s, vip.id, "결제 완료", shown=shown)
    assert (taken.value.reason, renamed.value.reason) == ("taken", "taken")
    assert taken.value.param_values()["name"] == "새\u00a0고객"


def test_a_chats_new_label_named_as_one_shown_in_korean_puts_that_one_on_and_says_if_it_was(db) -> None:
    """A chat's "New label…" with 새 고객 (New customer's Korean name) is that label, on the chat."""
    shown = {"New customer": "새\u00a0고객"}  # as the Korean window shows it, kept on one line
    with db.write() as s:
        contact_id = make_contact(s, profile_name="민지").id
        new_customer = s.scalars(select(Label.id).where(Label.name == "New customer")).one()
        first = label_chat_named(s, contact_id, " 새  고객", "#000000", shown=shown)
        again = label_chat_named(s, contact_id, "새 고객", "#000000", shown=shown)
        made = label_chat_named(s, contact_id, "단골", "#000000", shown=shown)
        on = set(s.scalars(select(contact_label.c.label_id).where(contact_label.c.contact_id == contact_id)))
        count = len(s.scalars(select(Label)).all())
    assert first == ChatLabelled(new_customer, "새\u00a0고객", made=False, already_on=False)
    assert again == ChatLabelled(new_customer, "새\u00a0고객", made=False, already_on=True)
    assert made.made and not made.already_on and made.seen_as == "단골"
    assert on == {new_customer, made.label_id} and count == 7


def test_a_built_in_label_keeps_being_one_when_renamed_and_when_deleted_and_added_again(db) -> None:
    with db.write() as s:
        rows = {label.name: label.id for label in labels_with_counts(s)}
        rename_label(s, rows["Paid"], "입금 확인")
        delete_label(s, rows["Shipped"])
        again = add_label(s, "shipped", "#2F80ED")
        own = add_label(s, "Shipped soon", "#2F80ED")
    with db.read() as s:
        builtin = {i: b for i, b in s.execute(select(Label.id, Label.builtin))}
    assert builtin[rows["Paid"]] == "Paid"
    assert (builtin[again.id], builtin[own.id]) == ("Shipped", None)
    with db.write() as s:
        assert restore_default_labels(s) == 0  # 입금 확인 is Paid, "shipped" is Shipped


def test_a_built_in_label_deleted_and_added_again_by_its_korean_name_is_the_orders_label_again(db) -> None:
    """A Korean owner deleted 입금 대기 and typed 입금 대기 again: only the English "Pending payment"
    made it the built-in label again, so orders awaiting payment never labelled a chat any more."""
    from app.catalog import ItemDraft, create_item
    from app.order_labels import refresh_order_labels
    from app.orders import LineInput, OrderState, create_order, move_order

    now = datetime(2026, 12, 4, 9, 0, tzinfo=UTC)
    shown = {"Pending payment": "입금 대기", "New order": "새 주문"}
    with db.write() as s:
        rows = {label.name: label.id for label in labels_with_counts(s)}
        delete_label(s, rows["Pending payment"])
        create_item(s, ItemDraft(name="린넨 셔츠", price_minor=29000, currency="KRW", retailer_id="LINEN"))
        minji = make_contact(s, profile_name="김민지")
        order = create_order(s, contact_id=minji.id, lines=[LineInput("LINEN", 1)], source="chat", now=now)
        move_order(s, order.id, OrderState.AWAITING_PAYMENT, now=now)
        refresh_order_labels(s, minji.id)
        labelled = select(contact_label.c.label_id).where(contact_label.c.contact_id == minji.id)
        assert list(s.scalars(labelled)) == []  # no label to put on the chat
        again = add_label(s, "입금  대기", "#EB5757", shown=shown)
    with db.read() as s:
        label = s.get(Label, again.id)
        assert label is not None and (label.builtin, label.name) == ("Pending payment", "Pending payment")
        assert list(s.scalars(labelled)) == [again.id]  # at once, not at the order's next move
    # While the built-in label is there (renamed), the same words make a label of the owner's own.
    with db.write() as s:
        rename_label(s, again.id, "입금 확인 중", shown=shown)
        own = add_label(s, "입금 대기", "#EB5757", shown=shown)
    with db.read() as s:
        label = s.get(Label, own.id)
        assert label is not None and (label.builtin, label.name) == (None, "입금 대기")


def test_a_database_from_before_built_in_labels_knows_them_by_their_names(db_path) -> None:
    upgrade(db_path, "0011")
    raw = sqlite3.connect(db_path)
    raw.execute("UPDATE label SET name = '배송 중' WHERE name = 'Shipped'")
    raw.execute("UPDATE label SET name = 'PAID' WHERE name = 'Paid'")
    raw.execute("INSERT INTO label (name, colour, position) VALUES ('단골', '#000000', 9)")
    raw.commit()
    raw.close()
    db = Database.open(db_path)
    with db.read() as s:
        builtin = {n: b for n, b in s.execute(select(Label.name, Label.builtin))}
    db.close()
    assert builtin == {
        "New customer": "New customer",
        "New order": "New order",
        "Pending payment": "Pending payment",
        "PAID": "Paid",
        "배송 중": None,  # renamed before: an owner's label now, as orders already treated it
        "Order complete": "Order complete",
        "단골": None,
    }


def test_a_deleted_label_comes_back_in_its_place_on_the_chats_that_carried_it(db) -> None:
    from app.labels import restore_label
    from app.models import Contact
    from app.queries import set_label
    from tests.support.factories import make_contact

    with db.write() as s:
        kept, gone_later, other = (make_contact(s).id for _ in range(3))
        vip = add_label(s, "VIP", "#8E24AA")
        after = add_label(s, "도매", "#3DA1F1")
        for contact_id in (kept, gone_later):
            set_label(s, contact_id, vip.id, True)
        set_label(s, other, after.id, True)
    with db.write() as s:
        deleted = delete_label(s, vip.id)
    assert deleted.contact_ids == tuple(sorted((kept, gone_later)))
    with db.write() as s:
        s.delete(s.get(Contact, gone_later))  # a chat deleted meanwhile stays deleted
    with db.write() as s:
        restored = restore_label(s, deleted)
    assert (restored.id, restored.chats) == (vip.id, 1)  # its own id: campaigns name labels by it
    with db.read() as s:
        rows = labels_with_counts(s)
    assert [(r.name, r.chats) for r in rows[-2:]] == [("VIP", 1), ("도매", 1)]


def test_a_deleted_label_whose_name_was_taken_meanwhile_is_not_brought_back_twice(db) -> None:
    from app.labels import restore_label

    with db.write() as s:
        deleted = delete_label(s, add_label(s, "VIP", "#8E24AA").id)
        add_label(s, "vip", "#000000")
    with db.write() as s, pytest.raises(LabelInvalid) as taken:
        restore_label(s, deleted)
    assert taken.value.reason == "taken"
