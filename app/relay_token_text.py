"""A relay token as pasted, without the invisible characters that can never be part of one."""

from __future__ import annotations

import unicodedata

# The relay's own tokens are `secrets.token_urlsafe(32)` (A-Z, a-z, 0-9, "-" and "_"); one its
# operator sets (RELAY_CLIENT_TOKEN) travels in an `Authorization` header, which carries ASCII only,
# and the relay strips the header value's ends. So no working token holds a character that draws
# nothing outside ASCII (a zero-width space, byte-order mark, word joiner, no-break space, direction
# mark…), a control character, or a space at either end: chat apps, web pages and our own window
# (ui/formatting.py keeps commands whole with word joiners) put such characters into what is copied.
_UNSEEN = frozenset({"Cc", "Cf", "Zl", "Zp", "Zs"})


def clean_relay_token(text: str) -> str:
    """`text` without invisible characters anywhere and spaces at its ends; an ASCII space inside
    stays (an operator's RELAY_CLIENT_TOKEN could hold one, and the relay would then want it)."""
    kept = "".join(c for c in text if c == " " or unicodedata.category(c) not in _UNSEEN)
    return kept.strip(" ")


def foreign_letters(token: str) -> str:
    """The characters of `token` that no relay token can hold, each once ("ㅅㄷ" when the keyboard
    was typing Korean); "" when there are none. Such a token cannot even be sent: the header that
    carries it holds ASCII only, and the relay was never asked."""
    return "".join(dict.fromkeys(c for c in token if not (c.isascii() and c.isprintable())))
