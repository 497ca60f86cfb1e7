"""Reading spreadsheets that banks and couriers hand out as CSV: the encoding, and columns found by title."""

from __future__ import annotations

import re
from collections.abc import Sequence

from app.errors import ErrorCode, FileParams, OrderError

MAX_FILE_BYTES = 20 * 1024 * 1024  # a year of a small shop's transactions is well under 1 MB


def decode_sheet(data: bytes, name: str) -> str:
    """UTF-8 (with or without BOM) or CP949, as Korean Excel and banks save CSV."""
    for encoding in ("utf-8-sig", "cp949"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise OrderError(ErrorCode.DEPOSIT_FILE_UNREADABLE, FileParams(name))


def find_column(header: list[str], names: Sequence[str]) -> int | None:
    """The column whose title is one of `names` (spaces and case ignored), else one containing it."""
    folded = [re.sub(r"\s+", "", h).casefold() for h in header]
    for wanted in names:
        key = re.sub(r"\s+", "", wanted).casefold()
        for i, h in enumerate(folded):
            if h == key:
                return i
    for wanted in names:
        key = re.sub(r"\s+", "", wanted).casefold()
        for i, h in enumerate(folded):
            if key in h:
                return i
    return None
