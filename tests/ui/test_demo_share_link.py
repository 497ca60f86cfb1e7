"""The demo's share link opens with the demo shop's own number, so the QR code works at once."""

from __future__ import annotations

from typing import Any

import pytest

from app.demo_seed import seed_demo_shop
from ui.resources import demo_dir
from ui.share_link_dialog import ShareLinkDialog


@pytest.mark.parametrize(
    ("lang", "region", "number", "link"),
    [
        ("ko", "KR", "02-555-0100", "https://wa.me/8225550100"),
        # The English demo's shop is in Brighton: a British number (Ofcom's for drama), not Seoul's.
        ("en", "GB", "07700 900000", "https://wa.me/447700900000"),
    ],
)
def test_the_share_link_dialog_of_the_demo_shop_has_its_number_filled_in(
    qtbot: Any, ctx: Any, lang: str, region: str, number: str, link: str
) -> None:
    seed_demo_shop(ctx.db, demo_dir(), ctx.paths.catalog_dir, lang)
    ctx.shop_region = region  # as start_demo reads it from the seeded shop
    dialog = ShareLinkDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.phone.isEnabled(), timeout=5000)
    assert dialog.phone.text() == number
    assert dialog.link.text().startswith(link)
    assert dialog.copy.isEnabled()


def test_a_number_left_half_typed_is_not_remembered_and_copied_is_said_of_one_link(
    qtbot: Any, ctx: Any
) -> None:
    """Esc after "010-12": the next time the dialog opens with the number that made a link."""
    from PySide6.QtCore import Qt

    from app.changes import Changes
    from app.share_link import read_share_phone
    from ui.ops import run_change

    seed_demo_shop(ctx.db, demo_dir(), ctx.paths.catalog_dir, "ko")
    dialog = ShareLinkDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.phone.isEnabled(), timeout=5000)
    dialog.copy.click()
    assert dialog.copy.text() == "&Copied"
    dialog.phone.setText("010-12")
    qtbot.waitUntil(lambda: not dialog.copy.isEnabled(), timeout=5000)
    assert dialog.copy.text() == "&Copy link"  # not "Copied" on a button that has no link to copy
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    written: list[bool] = []
    run_change(ctx, Changes, lambda _changes: written.append(True))  # after any write Esc queued
    qtbot.waitUntil(lambda: written == [True], timeout=5000)
    assert read_share_phone(ctx.db, "KR") == "02-555-0100"

    again = ShareLinkDialog(ctx)
    qtbot.addWidget(again)
    again.show()
    qtbot.waitUntil(lambda: again.phone.isEnabled(), timeout=5000)
    again.phone.setText("010-5550-1234")
    qtbot.keyClick(again, Qt.Key.Key_Escape)  # closed at once: the number typed last still counts
    qtbot.waitUntil(lambda: read_share_phone(ctx.db, "KR") == "010-5550-1234", timeout=5000)


def test_the_shops_number_still_names_the_same_phone_after_the_shops_country_is_changed(ctx: Any) -> None:
    """Kept as typed ("02-555-0100") and read with the country set later (Germany), the link went to
    +49 2555 0100, someone else's phone."""
    from app.share_link import read_share_phone, save_share_phone, wa_me_link

    save_share_phone(ctx.db, "02-555-0100", "KR")

    assert read_share_phone(ctx.db, "KR") == "02-555-0100"  # as she typed it, in her own country
    shown = read_share_phone(ctx.db, "DE")
    assert shown == "+82 2-555-0100"
    assert wa_me_link(shown, "", "DE") == "https://wa.me/8225550100"


def test_a_german_shop_sees_its_own_example_number_whole(qtbot: Any, ctx: Any) -> None:
    """ "e.g. 010-1234-5678" was Korean; the German example was then cut to "e.g. 01512 34…"."""
    from PySide6.QtWidgets import QStyle, QStyleOptionFrame

    ctx.shop_region = "DE"
    dialog = ShareLinkDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.phone.isEnabled(), timeout=5000)
    placeholder = dialog.phone.placeholderText()
    assert placeholder == "Your WhatsApp number, e.g. 01512 3456789"
    option = QStyleOptionFrame()
    dialog.phone.initStyleOption(option)
    room = dialog.style().subElementRect(QStyle.SubElement.SE_LineEditContents, option, dialog.phone).width()
    assert dialog.phone.fontMetrics().horizontalAdvance(placeholder) <= room


def test_a_us_shop_is_shown_an_american_number_as_the_example(qtbot: Any, ctx: Any) -> None:
    """An Ohio shop's empty number box said "e.g. 010-1234-5678", a Korean mobile number."""
    ctx.shop_region = "US"
    dialog = ShareLinkDialog(ctx)
    qtbot.addWidget(dialog)
    assert dialog.phone.placeholderText() == "Your WhatsApp number, e.g. (201) 555-0123"
