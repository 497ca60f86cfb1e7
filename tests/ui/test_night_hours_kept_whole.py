"""Korea's night for ads (21:00 to 08:00) stays on one line where its sentence wraps, as the hours'
summaries keep theirs (tests/ui/test_hours_ranges_kept_whole.py): the campaign's confirmation read
"ads at night (9:00 PM–" at a line's end and "8:00 AM)" at the next's start, and the contact panel's
"Also at night" box writes the same range."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFont

from tests.ui.test_korean_determiners import lines_at
from ui.ad_law import night_hours
from ui.formatting import WORD_JOINER, plain_text, wall_clock

WIDTHS = range(40, 700, 5)
NIGHT_HOLD_NOTE = "Korean law: ads at night ({0}–{1}) only go to customers who agreed to night-time messages."


def _sentences(ctx: Any) -> list[str]:
    """The campaign's confirmation line (as the editor fills it) and the contact panel's box."""
    from ui.consent_box import ConsentBox

    box = ConsentBox(ctx)
    box.deleteLater()
    return [night_hours(QCoreApplication.translate("CampaignEditor", NIGHT_HOLD_NOTE)), box.night.text()]


def _parted(text: str, font: QFont) -> list[str]:
    """Each width at which a line of `text`, laid out as a word-wrapped label, ends inside the
    range (the parentheses in both sentences)."""
    start, end = text.index("(") + 1, text.index(")")
    parted = []
    for width in WIDTHS:
        at = 0
        for line in lines_at(text, width, font)[:-1]:
            at += len(line)
            if start < at < end:
                parted.append(f"at {width}px: {line!r}")
    return parted


@pytest.mark.parametrize("fixtures", [("british_locale",), ("english_locale",)])
def test_the_night_for_ads_never_wraps_inside_its_range(
    qapp: Any, ctx: Any, request: pytest.FixtureRequest, fixtures: tuple[str, ...]
) -> None:
    for name in fixtures:
        request.getfixturevalue(name)
    font = QFont(qapp.font())
    sentences = _sentences(ctx)
    assert all(WORD_JOINER in text for text in sentences)
    split = [f"{text!r} {where}" for text in sentences for where in _parted(text, font)]
    assert not split, "\n".join(split[:10])
    night = f"({wall_clock(21, 0)}–{wall_clock(8, 0)})"
    assert plain_text(sentences[1]) == f"Also at night {night}"  # copied or read aloud: no joiners


def test_the_korean_night_for_ads_never_wraps_inside_its_range(
    qapp: Any, ctx: Any, korean: None, korean_locale: None
) -> None:
    """ "야간(오후 9:00~오전 8:00)": "오후" alone at a line's end read as a stray word."""
    font = QFont(qapp.font())
    sentences = _sentences(ctx)
    assert all("오후\u00a09:00~오전\u00a08:00" in text for text in sentences), sentences
    split = [f"{text!r} {where}" for text in sentences for where in _parted(text, font)]
    assert not split, "\n".join(split[:10])
    # With plain spaces in its times the range does part there: the check above can fail.
    assert all(_parted(plain_text(text), font) for text in sentences)
