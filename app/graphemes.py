"""Where text may be cut: between user-perceived characters (grapheme clusters, Unicode's UAX #29).

A string cut at a code point can end in half a flag (🇰 of 🇰🇷), a family without its children (👨 of
👨‍👩‍👧‍👦), a skin tone without its hand, or start with a Thai vowel or an Arabic vowel mark that
belongs to the letter cut off before it (…ิน). Every place that shortens a customer's or the owner's
text (a search hit's snippet, a catalogue caption, an order's items line) cuts here instead.

The rules are UAX #29's extended grapheme clusters, with the properties worked out from the
standard library's `unicodedata` (it has no Grapheme_Cluster_Break): marks (Mn, Me, Mc) and the
joiners, emoji modifiers and tag characters extend what is before them, regional indicators pair,
Hangul jamo join into syllables, and an Indic consonant, virama and consonant stay one conjunct.
"""

from __future__ import annotations

import unicodedata

_ZWJ = "\u200d"
# Characters that extend the cluster before them beyond the marks (Mn, Me): ZWNJ, the emoji skin
# tones, the tag characters of subdivision flags (🏴󠁧󠁢󠁳󠁣󠁴󠁿), half-width kana voicing marks.
_EXTEND_RANGES = (
    (0x200C, 0x200C),
    (0x1F3FB, 0x1F3FF),
    (0xE0020, 0xE007F),
    (0xFF9E, 0xFF9F),
)
# Letters that are SpacingMark although their category is not Mc: Thai's and Lao's SARA AM.
_SPACING_LETTERS = frozenset("\u0e33\u0eb3")
# Prepend: number signs that stand before the digits they belong to (Arabic's ؀ … ؅, ۝, ܏).
_PREPEND = frozenset("\u0600\u0601\u0602\u0603\u0604\u0605\u06dd\u070f\u0890\u0891\u08e2\u0d4e")
# Indic viramas that join two consonants into one conjunct (UAX #29's InCB=Linker).
_LINKERS = frozenset("\u094d\u09cd\u0acd\u0b4d\u0c4d\u0d4d")


def _is_control(ch: str) -> bool:
    if ch in _PREPEND or ch in (_ZWJ, "\u200c"):
        return False
    category = unicodedata.category(ch)
    if category == "Cf":
        return not 0xE0020 <= ord(ch) <= 0xE007F  # tags extend; other formats stand alone
    return category in ("Cc", "Zl", "Zp")


def _is_extend(ch: str) -> bool:
    if unicodedata.category(ch) in ("Mn", "Me"):
        return True
    code = ord(ch)
    return any(low <= code <= high for low, high in _EXTEND_RANGES)


def _is_spacing_mark(ch: str) -> bool:
    return ch in _SPACING_LETTERS or unicodedata.category(ch) == "Mc"


def _is_regional(ch: str) -> bool:
    return 0x1F1E6 <= ord(ch) <= 0x1F1FF


def _is_pictographic(ch: str) -> bool:
    """Emoji and the symbols a ZWJ sequence joins (Extended_Pictographic, near enough)."""
    code = ord(ch)
    return (
        0x1F000 <= code <= 0x1FAFF
        or 0x2600 <= code <= 0x27BF
        or 0x2300 <= code <= 0x23FF
        or 0x2B00 <= code <= 0x2BFF
        or code in (0x00A9, 0x00AE, 0x203C, 0x2049, 0x2122, 0x2139, 0x3030, 0x303D, 0x3297, 0x3299)
    )


def _hangul_type(ch: str) -> str:
    code = ord(ch)
    if 0x1100 <= code <= 0x115F or 0xA960 <= code <= 0xA97C:
        return "L"
    if 0x1160 <= code <= 0x11A7 or 0xD7B0 <= code <= 0xD7C6:
        return "V"
    if 0x11A8 <= code <= 0x11FF or 0xD7CB <= code <= 0xD7FB:
        return "T"
    if 0xAC00 <= code <= 0xD7A3:
        return "LV" if (code - 0xAC00) % 28 == 0 else "LVT"
    return ""


def _is_conjunct_consonant(ch: str) -> bool:
    """A consonant of a script whose virama joins conjuncts (InCB=Consonant, near enough)."""
    return 0x0900 <= ord(ch) <= 0x0D7F and unicodedata.category(ch) == "Lo"


def is_boundary(text: str, at: int) -> bool:
    """Whether `text` may be cut before `text[at]` without breaking a user-perceived character."""
    if at <= 0 or at >= len(text):
        return True
    before, after = text[at - 1], text[at]
    if before == "\r" and after == "\n":
        return False
    if _is_control(before) or before in "\r\n" or _is_control(after) or after in "\r\n":
        return True
    jamo_before, jamo_after = _hangul_type(before), _hangul_type(after)
    if jamo_before == "L" and jamo_after in ("L", "V", "LV", "LVT"):
        return False
    if jamo_before in ("LV", "V") and jamo_after in ("V", "T"):
        return False
    if jamo_before in ("LVT", "T") and jamo_after == "T":
        return False
    if _is_extend(after) or after == _ZWJ or _is_spacing_mark(after) or before in _PREPEND:
        return False
    if before == _ZWJ and _is_pictographic(after):
        i = at - 2
        while i >= 0 and _is_extend(text[i]):
            i -= 1
        if i >= 0 and _is_pictographic(text[i]):
            return False
    if _is_conjunct_consonant(after):
        i = at - 1
        linked = False
        while i >= 0 and (text[i] in _LINKERS or _is_extend(text[i]) or text[i] == _ZWJ):
            linked = linked or text[i] in _LINKERS
            i -= 1
        if linked and i >= 0 and _is_conjunct_consonant(text[i]):
            return False
    if _is_regional(before) and _is_regional(after):
        i = at - 1
        while i >= 0 and _is_regional(text[i]):
            i -= 1
        return (at - 1 - i) % 2 == 0  # an even run before: `before` closes a pair
    return True


def boundary_at_or_before(text: str, at: int) -> int:
    """The nearest place at or before `at` where `text` may be cut."""
    at = max(0, min(at, len(text)))
    while not is_boundary(text, at):
        at -= 1
    return at


def boundary_at_or_after(text: str, at: int) -> int:
    """The nearest place at or after `at` where `text` may be cut."""
    at = max(0, min(at, len(text)))
    while not is_boundary(text, at):
        at += 1
    return at


def first_grapheme(text: str) -> str:
    """The first user-perceived character of `text` ('👨‍👩‍👧‍👦' whole, '🇰🇷', 'ผู้'); '' for ''."""
    return text[: boundary_at_or_after(text, 1)] if text else ""


def graphemes(text: str) -> list[str]:
    """`text` as its user-perceived characters."""
    found = []
    start = 0
    for at in range(1, len(text) + 1):
        if is_boundary(text, at):
            found.append(text[start:at])
            start = at
    return found


def cut_to(text: str, limit: int) -> str:
    """`text`'s start within `limit` code points, ending between two user-perceived characters."""
    if len(text) <= limit:
        return text
    return text[: boundary_at_or_before(text, max(0, limit))]
