"""WhatsApp Business's built-in label names read in the owner's language everywhere they show."""

from __future__ import annotations

from typing import Any

from tests.support.factories import make_contact, make_message
from tests.support.window_waits import settle, sync_batch

KOREAN = {"New customer": "새 고객", "New order": "새 주문", "Paid": "결제 완료"}


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

    chip_menu = [a.text() for a in window.chat_list.label_chip.menu().actions()]
    for name in KOREAN.values():
        assert name in chip_menu
    assert not set(KOREAN) & set(chip_menu)
    paid = next(a for a in window.chat_list.label_chip.menu().actions() if a.text() == "결제 완료")
    paid.trigger()
    assert window.chat_list.label_chip.text() == "결제 완료"

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
