"""A photo's or a file's caption found by the search says what it is under: "정다은 · 나 · 사진"."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from PySide6.QtCore import Qt

from tests.support.factories import make_contact, make_message
from tests.support.window_waits import load_chats


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_a_product_photos_caption_found_says_it_is_a_photo_and_a_text_does_not(
    window: Any, qtbot: Any, lang: str, request: pytest.FixtureRequest
) -> None:
    """The owner looks for last month's "린넨 원피스" photo: the hit read like a text message, and
    only opening it showed it was the photo she wanted."""
    if lang == "ko":
        request.getfixturevalue("korean")
    now = datetime.now(UTC)
    with window.ctx.db.write() as s:
        c = make_contact(s, profile_name="정다은")
        make_message(
            s, c, "린넨 원피스 아이보리 S", kind="image", direction="out", sent_at=now - timedelta(days=30)
        )
        make_message(
            s, c, "린넨 원피스 견적서", kind="document", sent_at=now - timedelta(days=20), unread=False
        )
        make_message(s, c, "린넨 원피스 재고 있나요?", sent_at=now - timedelta(days=10), unread=False)
    load_chats(window, qtbot)
    window.open_search()
    search = window.search
    search.search_now("린넨 원피스")
    qtbot.waitUntil(lambda: len(search.model.message_hits()) == 3, timeout=5000)
    rows = range(search.model.rowCount())
    shown = [search.model.index(row).data(Qt.ItemDataRole.AccessibleTextRole) for row in rows]  # as painted
    headings = [text.split(":")[0] for text in shown if "린넨" in text]
    expected = {
        "en": ["정다은", "정다은 · Document", "정다은 · You · Photo"],
        "ko": ["정다은", "정다은 · 문서", "정다은 · 나 · 사진"],
    }[lang]
    assert headings == expected, shown


def test_a_screen_reader_hears_how_many_a_search_found(window: Any, qtbot: Any) -> None:
    """The count sits beside the period, where no Tab goes: typing into the field, nothing was said."""
    from ui.announce import announcements

    with window.ctx.db.write() as s:
        c = make_contact(s, profile_name="정다은")
        make_message(s, c, "린넨 원피스 재고 있나요?", unread=False)
        make_message(s, c, "린넨 셔츠도 있나요?", unread=False)
    load_chats(window, qtbot)
    window.open_search()
    heard: list[str] = []
    connection = announcements().said.connect(heard.append)
    try:
        window.search.search_now("린넨")
        qtbot.waitUntil(lambda: bool(heard), timeout=5000)
        assert heard == ["2 results"]
        window.search.search_now("니트")
        qtbot.waitUntil(lambda: len(heard) == 2, timeout=5000)
        assert heard[1] == "No results"
    finally:
        announcements().said.disconnect(connection)
