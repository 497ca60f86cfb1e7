"""A shop with two WhatsApp numbers (two branches) has one greeting and one away message: their
editors say that both numbers' customers get the same words."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from app.business_numbers import remember_business_numbers
from app.paths import paths_for
from ui.away_editor import AwayEditor
from ui.context import AppContext
from ui.greeting_editor import GreetingEditor


@pytest.fixture
def ctx(db: Any, tmp_path: Path) -> AppContext:
    return AppContext(db=db, paths=paths_for(tmp_path / "data"))


def opened(qtbot: Any, editor: Any) -> Any:
    qtbot.addWidget(editor)
    qtbot.waitUntil(lambda: editor.loaded, timeout=5000)
    return editor


@pytest.mark.parametrize("editor_class", [GreetingEditor, AwayEditor])
def test_the_greeting_and_away_editors_say_both_branches_get_the_same_message(
    korean: None, qtbot: Any, ctx: AppContext, editor_class: type
) -> None:
    """Seo-yeon wrote "성수점입니다" in her greeting, not knowing that Hongdae's customers got it too."""
    with ctx.db.write() as s:
        remember_business_numbers(s, [("106540352242922", "+82 2-555-0101")])
    one = opened(qtbot, editor_class(ctx))
    assert not one.numbers_note.isVisibleTo(one)  # one number: nothing to say

    with ctx.db.write() as s:
        remember_business_numbers(s, [("106540352242923", "+82 2-555-0202")])
    two = opened(qtbot, editor_class(ctx))
    assert two.numbers_note.isVisibleTo(two)
    assert two.numbers_note.text().startswith("모든 매장 번호(02-555-0101, 02-555-0202)의 고객이")


@pytest.mark.parametrize("editor_class", [GreetingEditor, AwayEditor])
def test_the_preview_says_which_number_its_customer_writes_to_when_the_shop_has_two(
    korean: None, qtbot: Any, ctx: AppContext, editor_class: type
) -> None:
    """The preview's "new customer" is new to one number's chat: with two numbers it names the one it
    assumes, and that the other counts its own chat alike; with one it names none."""
    with ctx.db.write() as s:
        remember_business_numbers(s, [("106540352242922", "+82 2-555-0101")])
    one = opened(qtbot, editor_class(ctx))
    assert "02-555" not in one.preview.title.text()

    with ctx.db.write() as s:
        remember_business_numbers(s, [("106540352242923", "+82 2-555-0202")])
    two = opened(qtbot, editor_class(ctx))
    title = two.preview.title.text()
    assert title.startswith("고객이 지금") and "02-555-0101" in title and "02-555-0202" in title, title
    assert title.index("02-555-0101") < title.index("02-555-0202")
