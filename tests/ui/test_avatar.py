"""Avatars: a contact's initials on a colour of its own, the same every time it is painted."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QColor

from ui.avatar import AVATAR_COLOURS, avatar_look, avatar_pixmap, colour_number, initials


def test_initials_are_what_people_are_called(qapp: Any) -> None:
    assert initials("김민지") == "민지"  # a Korean given name, without the surname
    assert initials("김 민지") == "민지"
    # A saved name with a word added: the name's syllables, not "민단" or "지(".
    assert initials("지민 단골") == "지민"
    assert initials("김민지(단골)") == "민지"
    assert initials("민지 고객님") == "민지"
    assert initials("Amy Clarke") == "AC"
    assert initials("+82 10 1234 5678") == "#"
    assert initials("  ") == "?"


def test_initials_in_every_script_are_whole_letters(qapp: Any) -> None:
    """A customer named in emoji once got half a family (👨) and a white flag for a rainbow one."""
    family, rainbow = "👨\u200d👩\u200d👧\u200d👦", "🏳️\u200d🌈"
    assert initials(f"{family} Family {rainbow}") == family  # one emoji, whole
    assert initials(rainbow) == rainbow
    assert initials("👍🏾 Bob") == "👍🏾"  # the skin tone stays
    # Thai: the consonant, not the vowel written before it (ใจดี is said "jai-dee").
    assert initials("สมชาย ใจดี") == "สจ"
    # Arabic: the family name's letter after its article, the two kept from joining into a word.
    assert initials("محمد العلي") == "م\u200cع"
    assert initials("שרה כהן") == "שכ"
    assert initials("Nguyễn Thị Hương") == "NH"
    assert initials("山田 花子") == "山花"


def test_an_avatar_is_its_initials_on_the_contacts_colour(qapp: Any) -> None:
    first = avatar_pixmap("김민지", "821012345678", 48)
    edge = first.toImage().pixelColor(4, 24)  # inside the circle, left of the initials
    assert edge.name() == QColor(AVATAR_COLOURS[colour_number("821012345678")]).name()
    assert avatar_pixmap("김민지", "821012345678", 48).cacheKey() == first.cacheKey()  # drawn once
    # Two customers who look the same share one picture; another colour is another picture.
    twin = next(
        f"8210{n:08d}" for n in range(1000) if colour_number(f"8210{n:08d}") == colour_number("821012345678")
    )
    other = next(
        f"8210{n:08d}" for n in range(1000) if colour_number(f"8210{n:08d}") != colour_number("821012345678")
    )
    assert avatar_look("박민지", twin) == avatar_look("김민지", "821012345678")
    assert avatar_pixmap("박민지", twin, 48).cacheKey() == first.cacheKey()
    assert avatar_pixmap("김민지", other, 48).cacheKey() != first.cacheKey()


def test_white_initials_read_on_every_avatar_colour(qapp: Any) -> None:
    """Low-vision owners read "AC" on light green at 1.7:1; large bold initials need 3:1 (WCAG 2)."""
    from ui.theme import contrast_ratio

    for colour in AVATAR_COLOURS:
        assert contrast_ratio(QColor("white"), QColor(colour)) >= 3.0, colour
    # As drawn: the initials' own pixels against the circle around them.
    look = avatar_pixmap(
        "Amy Clarke", next(f"44{n}" for n in range(1000) if colour_number(f"44{n}") == 11), 48
    )
    image = look.toImage()
    pixels = {image.pixelColor(x, 24).name() for x in range(8, 40)}
    assert "#ffffff" in pixels and AVATAR_COLOURS[11].lower() in pixels
