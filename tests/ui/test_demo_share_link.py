"""The demo's share link opens with the demo shop's own number, so the QR code works at once."""

from __future__ import annotations

from typing import Any

from app.demo_seed import seed_demo_shop
from ui.resources import demo_dir
from ui.share_link_dialog import ShareLinkDialog


def test_the_share_link_dialog_of_the_demo_shop_has_its_number_filled_in(qtbot: Any, ctx: Any) -> None:
    seed_demo_shop(ctx.db, demo_dir(), ctx.paths.catalog_dir, "en")
    dialog = ShareLinkDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.phone.isEnabled(), timeout=5000)
    assert dialog.phone.text() == "02-555-0100"
    assert dialog.link.text().startswith("https://wa.me/8225550100")
    assert dialog.copy.isEnabled()
