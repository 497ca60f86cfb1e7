"""A relay token as pasted or typed, without the invisible characters that can never be part of one,
and in ASCII when it was typed in full-width letters."""

from __future__ import annotations

import string
import unicodedata

# The relay's own tokens are `secrets.token_urlsafe(32)` (A-Z, a-z, 0-9, "-" and "_"); one its
# operator sets (RELAY_CLIENT_TOKEN) travels in an `Authorization` header, which carries ASCII only,
# and the relay strips the header value's ends. So no working token holds a character that draws
# nothing outside ASCII (a zero-width space, byte-order mark, word joiner, no-break space, direction
# mark…), a control character, or a space at either end: chat apps, web pages and our own window
# (ui/formatting.py keeps commands whole with word joiners) put such characters into what is copied.
_UNSEEN = frozenset({"Cc", "Cf", "Zl", "Zp", "Zs"})
# What the relay's own tokens are made of: the letters a full-width one is folded to.
_TOKEN_LETTERS = frozenset(string.ascii_letters + string.digits + "-_")


def _folded(c: str) -> str:
    """`c` as the letter a token holds that NFKC makes of it ("ｔ" typed by a Korean or Japanese IME
    in full-width mode is "t", "－" is "-"); else `c` itself, for the refusal to name ("ㅅ" stays,
    and so does "…", which NFKC makes "..." and a cut-off copy of a token ends with)."""
    if c.isascii():
        return c
    folded = unicodedata.normalize("NFKC", c)
    return folded if folded and all(f in _TOKEN_LETTERS for f in folded) else c


def clean_relay_token(text: str) -> str:
    """`text` without invisible characters anywhere and spaces at its ends, and its full-width
    letters as ASCII ones; an ASCII space inside stays (an operator's RELAY_CLIENT_TOKEN could hold
    one, and the relay would then want it)."""
    kept = "".join(_folded(c) for c in text if c == " " or unicodedata.category(c) not in _UNSEEN)
    return kept.strip(" ")


def foreign_letters(token: str) -> str:
    """The characters of `token` that no relay token can hold, each once ("ㅅㄷ" when the keyboard
    was typing Korean); "" when there are none. Such a token cannot even be sent: the header that
    carries it holds ASCII only, and the relay was never asked."""
    return "".join(dict.fromkeys(c for c in token if not (c.isascii() and c.isprintable())))
