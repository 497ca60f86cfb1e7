"""Round avatars: initials on a colour derived from the contact, so a face is recognisable at a glance."""

from __future__ import annotations

# hashlib's own blake2s (hashlib itself also loads OpenSSL's bindings, ≈ 5 ms at start-up).
from _blake2 import blake2s
from functools import lru_cache

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPixmap

from app.graphemes import first_grapheme, graphemes

# A dozen colours, each keeping its hue of old: white initials on each read at 3:1 or better (WCAG's
# floor for large bold text). The pastel ones before read at 1.7–3.6:1 ("AC" on light green).
AVATAR_COLOURS = (
    "#E53935",
    "#E91E63",
    "#AB47BC",
    "#5C6BC0",
    "#0288D1",
    "#00897B",
    "#43A047",
    "#EF6C00",
    "#8D6E63",
    "#607D8B",
    "#1E88E5",
    "#689F38",
)


def colour_number(key: str) -> int:
    """The same contact always gets the same colour (a stable hash, not Python's salted one)."""
    digest = blake2s(key.encode("utf-8"), digest_size=2).digest()
    return int.from_bytes(digest, "big") % len(AVATAR_COLOURS)


def avatar_colour(key: str) -> QColor:
    return QColor(AVATAR_COLOURS[colour_number(key)])


# Thai and Lao vowels written before the consonant they follow in speech (เ แ โ ใ ไ, ເ ແ ໂ ໃ ໄ).
_LEADING_VOWELS = frozenset("\u0e40\u0e41\u0e42\u0e43\u0e44\u0ec0\u0ec1\u0ec2\u0ec3\u0ec4")


def _is_hangul(ch: str) -> bool:
    return "\uac00" <= ch <= "\ud7a3"


def _hangul_run(word: str) -> str:
    """The Hangul syllables `word` starts with."""
    end = 0
    while end < len(word) and _is_hangul(word[end]):
        end += 1
    return word[:end]


def _initial(word: str) -> str:
    """A word's first letter as an initial: an emoji whole (👨‍👩‍👧‍👦, 🏳️‍🌈, not 👨 or 🏳), a Thai or Lao
    name's first consonant rather than a vowel written before it ("ใจดี" → "จ"), an Arabic name's first
    letter after its article ("العلي" → "ع")."""
    if word[:1] in _LEADING_VOWELS and len(word) > 1:
        word = word[1:]
    elif word.startswith("ال") and len(word) > 2:
        word = word[2:]
    first = first_grapheme(word)
    return first if not first[:1].isalpha() else word[0]


def _is_joining(ch: str) -> bool:
    return "\u0600" <= ch <= "\u08ff"  # Arabic script: its letters join their neighbours


def initials(name: str) -> str:
    """'Amy Clarke' → 'AC'; '김민지' → '민지' (Korean given name); '+82 10…' → '#'; an emoji name its
    first emoji whole."""
    name = name.strip()
    if not name:
        return "?"
    if name.startswith("+") or name[0].isdigit():
        return "#"
    if _is_hangul(name[0]):
        # A Korean name is surname + given name; people are called by the given name. A saved name
        # often adds a word ("지민 단골", "김민지(단골)"): only the name's own syllables count.
        words = name.split()
        given = _hangul_run(words[0])
        if len(given) == 1 and len(words) > 1:  # "김 민지": the surname apart
            given += _hangul_run(words[1])
        return given[1:3] if len(given) >= 3 else given[:2]
    parts = [p for p in name.split() if p]
    first = _initial(parts[0])
    if not first.isalpha():
        return first  # an emoji (or a sign) stands alone: two would not fit the circle
    if len(parts) >= 2 and (last := _initial(parts[-1])).isalpha():
        # Two Arabic letters side by side join into what reads as a word ("فخ", a trap): a
        # non-joiner keeps them apart as initials.
        joiner = "\u200c" if _is_joining(first) and _is_joining(last) else ""
        return (first + joiner + last).upper()
    return parts[0][:2].upper() if parts[0][:2].isalpha() else first.upper()


# An avatar is its initials on one of a dozen colours: a catch-up brings a thousand customers
# through the chat list's first pages, most of whose avatars were drawn already for someone else
# (48 px: 9 KB each, 37 KB at 200 % scaling).
@lru_cache(maxsize=1024)
def _avatar(text: str, colour: int, size: int, dpr_x100: int) -> QPixmap:
    dpr = dpr_x100 / 100
    pm = QPixmap(round(size * dpr), round(size * dpr))
    pm.setDevicePixelRatio(dpr)
    pm.fill(Qt.GlobalColor.transparent)
    p = QPainter(pm)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor(AVATAR_COLOURS[colour]))
    p.drawEllipse(QRectF(0, 0, size, size))
    font = QFont()
    font.setPixelSize(max(8, round(size * (0.34 if len(graphemes(text)) > 1 else 0.42))))
    font.setBold(True)
    p.setFont(font)
    p.setPen(QColor("white"))
    p.drawText(QRectF(0, 0, size, size), Qt.AlignmentFlag.AlignCenter, text)
    p.end()
    return pm


def avatar_look(name: str, key: str) -> tuple[str, int]:
    """What a contact's avatar shows: its initials and its colour's number."""
    return initials(name), colour_number(key)


def avatar_image(look: tuple[str, int], size: int, dpr: float = 1.0) -> QPixmap:
    return _avatar(look[0], look[1], size, round(dpr * 100))


def avatar_pixmap(name: str, key: str, size: int, dpr: float = 1.0) -> QPixmap:
    return avatar_image(avatar_look(name, key), size, dpr)
