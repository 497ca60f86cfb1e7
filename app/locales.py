"""The babel locale for a Qt or system locale name: the one place a "C" locale becomes en_US."""

from __future__ import annotations

import logging
from functools import lru_cache

log = logging.getLogger(__name__)

FALLBACK = "en_US"


@lru_cache(maxsize=32)
def babel_locale(name: str | None) -> str:
    """'ko_KR' for 'ko_KR', 'ko-KR' or 'ko_KR.UTF-8'; en_US for 'C', 'POSIX', '' or an unknown name.

    Qt names its default locale "C" when LANG is unset or C.UTF-8, and babel ≥ 2.19 reads "C" and
    "POSIX" as en_US_POSIX, which writes prices without grouping ('₩ 15000'): any name babel maps to a
    POSIX variant is treated as no locale at all.
    """
    text = (name or "").split(".", 1)[0].split("@", 1)[0].replace("-", "_").strip()
    if not text or text.upper() in ("C", "POSIX"):
        return FALLBACK
    from babel.core import Locale, UnknownLocaleError  # its locale data: not before the first paint

    try:
        parsed = Locale.parse(text)
    except (UnknownLocaleError, ValueError, TypeError):
        log.debug("unknown locale %r, formatting as %s", name, FALLBACK)
        return FALLBACK
    if (parsed.variant or "").upper() == "POSIX":
        return FALLBACK
    return str(parsed)
