"""A catalogue item the owner sends shows whole at the bottom of the chat, picture and all."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from app.catalog import ItemDraft, create_item
from app.catalog_images import import_image
from tests.support.factories import make_contact, make_message
from tests.support.window_waits import sync_batch
from ui.resources import demo_dir


def test_a_sent_catalogue_item_scrolls_fully_into_view(qtbot: Any, window: Any, ctx: Any) -> None:
    from ui.menus import install_menus

    install_menus(window, ctx)  # the composer's catalogue button comes with the Shop menu
    now = datetime.now(UTC)
    image = import_image(ctx.paths.catalog_dir, demo_dir() / "images" / "ac-cp-nv.jpg")
    with ctx.db.write() as s:
        contact = make_contact(s, profile_name="김민지", last_inbound_at=now)
        for n in range(30):  # a chat long enough to scroll
            make_message(
                s, contact, f"문의 {n}번: 린넨 셔츠 있나요?", sent_at=now - timedelta(minutes=60 - n)
            )
        item_id = create_item(
            s,
            ItemDraft(
                name="린넨 셔츠",
                price_minor=39000,
                currency="KRW",
                retailer_id="SKU-1",
                description="통기성 좋은 100% 린넨. 아이보리, 네이비, 세이지 세 가지 색상이에요. "
                "세탁 후에도 형태가 잘 유지돼요.",
                images=(image,),
            ),
        )
        contact_id = contact.id
    sync_batch(window, qtbot, {contact_id})
    qtbot.waitUntil(lambda: window.chat_list.select_contact(contact_id), timeout=5000)
    view = window.chat.view
    qtbot.waitUntil(lambda: view.chat_model.rowCount() == 30, timeout=5000)

    window.chat.catalog_action.queue(contact_id, [item_id])
    qtbot.waitUntil(lambda: view.chat_model.rowCount() == 31, timeout=5000)
    last = view.chat_model.index(30, 0)

    def fully_shown() -> bool:
        rect = view.visualRect(last)
        return rect.height() > 0 and rect.top() >= 0 and rect.bottom() <= view.viewport().height()

    def grown() -> bool:
        """The bubble at its picture's size (read from the picture), and the row laid out at it."""
        geo = view.bubbles.geometry(last, float(view.viewport().width()))
        return (
            geo is not None
            and geo.card is not None
            and bool(geo.card.image_path)
            and view.visualRect(last).height() >= geo.height
        )

    # Its picture arrives after the bubble (a thumbnail made off the GUI thread); the bubble grows
    # then, and must still end inside the view. (A half-second sleep here checked nothing when
    # the picture came later than that.)
    qtbot.waitUntil(lambda: grown() and fully_shown(), timeout=5000)
