"""Right-to-left text among ours: a message's direction, an Arabic name set inside our sentences, and
numbers that read in order inside Arabic or Hebrew text."""

from __future__ import annotations

import re
import unicodedata

# First-strong isolate … pop directional isolate: what is inside takes its own direction and leaves the
# text around it alone.
_FSI, _PDI = "\u2068", "\u2069"
# Bidirectional classes that can reorder what stands around them: right-to-left letters, Arabic
# digits, and the explicit embeddings, overrides and isolates.
_TURNING = frozenset(("R", "AL", "AN", "RLE", "RLO", "LRE", "LRO", "RLI", "LRI", "FSI", "PDF", "PDI"))


def isolated(words: str) -> str:
    """A customer's words (a name, a caption) to set inside a sentence of ours: an Arabic or Hebrew
    name before "(3 messages)" would otherwise carry the parenthesis and the number into its own
    right-to-left run ("محمد العلي (3 messages)" read "(3 محمد العلي messages)"), and a mark it left
    open would turn the rest of the sentence around. Words without right-to-left letters or marks
    are given back as they are."""
    if not any(unicodedata.bidirectional(ch) in _TURNING for ch in words):
        return words
    return f"{_FSI}{words}{_PDI}"


_OPENS_ISOLATE = frozenset(("LRI", "RLI", "FSI"))


def right_to_left(text: str) -> bool:
    """Whether `text` reads right to left as a whole: its first strong letter outside an isolate is
    Arabic, Hebrew, Syriac… (Unicode's paragraph rule, and WhatsApp's: a message is set in the
    direction of its first letter)."""
    depth = 0
    for ch in text:
        kind = unicodedata.bidirectional(ch)
        if kind in _OPENS_ISOLATE:
            depth += 1
        elif kind == "PDI":
            depth = max(0, depth - 1)
        elif depth == 0 and kind in ("R", "AL"):
            return True
        elif depth == 0 and kind == "L":
            return False
    return False


# A space between two digits: a phone number's or an amount's own ("+971 50 123 4567", "39 000").
_NUMBER_SPACE = re.compile(r"(?<=\d) (?=\d)")


def numbers_held_together(text: str) -> str:
    """`text` with each space between two digits a no-break space, one character for one.

    In right-to-left text the groups of "+971 50 123 4567" are each a number of their own, set in
    right-to-left order: the reader saw "4567 123 50 971+". A no-break space between two numbers
    joins them into one (Unicode's rule W4, as "2026-0042" is joined by its hyphen), so the number
    reads left to right in its groups' order, and a line never breaks inside it."""
    return _NUMBER_SPACE.sub("\u00a0", text)


def numbers_read_in_order(text: str) -> str:
    """`text` as a line or paragraph of it is laid out: right-to-left text with its numbers held
    together (`numbers_held_together`), any other text as it is."""
    return numbers_held_together(text) if right_to_left(text) else text
