"""WhatsApp Business's built-in label names read in the owner's language everywhere they show."""

from __future__ import annotations

from typing import Any

from tests.support.factories import make_contact, make_message
from tests.support.window_waits import settle, sync_batch

# A no-break space keeps each name on one line in a narrow chip ("새 / 주문" never).
KOREAN = {"New customer": "새\u00a0고객", "New order": "새\u00a0주문", "Paid": "결제\u00a0완료"}


def test_built_in_labels_are_korean_in_the_filter_chip_and_the_contact_panel(
    korean: None, qtbot: Any, window: Any, ctx: Any
) -> None:
    from ui.label_names import label_display_name

    expected = {english: label_display_name(english) for english in KOREAN}
    assert expected == KOREAN  # the translation itself, so this test checks the widgets below
    with ctx.db.write() as s:
        contact = make_contact(s, profile_name="박지영")
        make_message(s, contact, "입금했어요")
        contact_id = contact.id
    sync_batch(window, qtbot, {contact_id})
    window.chat_list._rebuild_label_menu()

    # Each numbered for its Alt key ("&4 결제 완료"), as a chat's Label chat menu numbers them.
    chip_menu = [a.text().partition(" ")[2] for a in window.chat_list.label_chip.menu().actions()]
    for name in KOREAN.values():
        assert name in chip_menu
    assert not set(KOREAN) & set(chip_menu)
    paid = next(
        a for a in window.chat_list.label_chip.menu().actions() if a.text().endswith(" 결제\u00a0완료")
    )
    paid.trigger()
    assert window.chat_list.label_chip.text() == "결제\u00a0완료"

    window.contact_panel.show_contact(contact_id)

    settle(qtbot)
    window.contact_panel.show()
    labels = window.contact_panel.labels_list

    def shown() -> list[str]:
        return [labels.item(row).text() for row in range(labels.count())]

    qtbot.waitUntil(lambda: labels.count() > 0)
    qtbot.waitUntil(lambda: all(name in shown() for name in KOREAN.values()))
    boxes = shown()
    assert not set(KOREAN) & set(boxes)


def test_a_menu_of_many_labels_numbers_them_then_letters_them_past_new_labels_own_letter() -> None:
    from ui.label_names import numbered_menu_texts

    names = [f"라벨 {n}" for n in range(1, 40)]
    names[0] = "R&D"
    texts = numbered_menu_texts(names, beside=["새 라벨(&N)…"])
    assert texts[:2] == ["&1 R&&D", "&2 라벨 2"]
    assert texts[9:11] == ["&0 라벨 10", "&A 라벨 11"]
    assert "&N 라벨 24" not in texts and texts[23] == "&O 라벨 24"  # N is New label's
    assert texts[-1] == "라벨 39"  # past the 35 keys: the name alone
