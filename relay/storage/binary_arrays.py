"""One-dimensional arrays in PostgreSQL's binary format, made in one pass for the group commit's call.

psycopg's own list dumper looks at every element to pick a dumper per list and packs each element
through it: for the ~15 arrays of a group commit's `CALL` that was ~0.15 ms of the relay's CPU a
batch of 6, about what the rest of the batch's Python cost (docs/PERFORMANCE.md, twenty-third pass).
Here each array's element type is known from its column, so it is packed straight away.
"""

from __future__ import annotations

import struct
from collections.abc import Callable, Iterable, Sequence
from itertools import chain
from typing import Any

from psycopg.adapt import AdaptersMap, Dumper
from psycopg.pq import Format
from sqlalchemy import BigInteger, Boolean, String
from sqlalchemy.types import TypeEngine

# array_send's layout: dimensions, whether any element is NULL, the element type; then per
# dimension its length and lower bound; then each element as its length (-1: NULL) and its bytes.
_ONE_DIMENSION = struct.Struct(">iiiii")
_NO_DIMENSION = struct.Struct(">iii")  # an empty array
_LENGTH = struct.Struct(">i")
_BIGINT = struct.Struct(">iq")
_NULL = _LENGTH.pack(-1)
_TRUE, _FALSE = _LENGTH.pack(1) + b"\x01", _LENGTH.pack(1) + b"\x00"
TEXT_OID, BIGINT_OID, BOOL_OID = 25, 20, 16
TEXT_ARRAY_OID, BIGINT_ARRAY_OID, BOOL_ARRAY_OID = 1009, 1016, 1000


class TextArray(bytes):
    """A `text[]` already in binary form (the call's SQL casts it where a column is varchar)."""


class BigintArray(bytes):
    """A `bigint[]` already in binary form."""


class BoolArray(bytes):
    """A `boolean[]` already in binary form."""


def _array(elements: Iterable[bytes], count: int, has_null: bool, element_oid: int) -> bytes:
    if not count:
        return _NO_DIMENSION.pack(0, 0, element_oid)
    return _ONE_DIMENSION.pack(1, has_null, element_oid, count, 1) + b"".join(elements)


def text_array(items: Sequence[str | None]) -> TextArray:
    """Strings (None for NULL) as UTF-8, as psycopg sends a str."""
    if None not in items:
        # Each element's length, then its bytes, interleaved without a Python loop.
        encoded = list(map(str.encode, items))  # type: ignore[arg-type]  # no None, as checked
        lengths = map(_LENGTH.pack, map(len, encoded))
        elements = chain.from_iterable(zip(lengths, encoded, strict=True))
        return TextArray(_array(elements, len(items), False, TEXT_OID))
    nullable = [_NULL if item is None else _LENGTH.pack(len(data := item.encode())) + data for item in items]
    return TextArray(_array(nullable, len(items), True, TEXT_OID))


def bigint_array(items: Sequence[int | None]) -> BigintArray:
    """Integers that fit 64 bits (None for NULL); a larger one raises struct.error, nothing sent."""
    pack = _BIGINT.pack
    elements = [_NULL if item is None else pack(8, item) for item in items]
    return BigintArray(_array(elements, len(items), None in items, BIGINT_OID))


def bool_array(items: Sequence[bool | None]) -> BoolArray:
    elements = [_NULL if item is None else _TRUE if item else _FALSE for item in items]
    return BoolArray(_array(elements, len(items), None in items, BOOL_OID))


def array_of(column_type: TypeEngine[Any]) -> Callable[[Sequence[Any]], bytes]:
    """The array maker for a column of this SQLAlchemy type."""
    if isinstance(column_type, Boolean):
        return bool_array
    if isinstance(column_type, BigInteger):
        return bigint_array
    if isinstance(column_type, String):
        return text_array
    raise TypeError(f"no binary array for a {column_type} column")


class _Made(Dumper):
    format = Format.BINARY

    def dump(self, obj: Any) -> bytes:
        return obj  # type: ignore[no-any-return]  # one of the arrays below, made already


class _TextArrayDumper(_Made):
    oid = TEXT_ARRAY_OID


class _BigintArrayDumper(_Made):
    oid = BIGINT_ARRAY_OID


class _BoolArrayDumper(_Made):
    oid = BOOL_ARRAY_OID


def register_arrays(adapters: AdaptersMap) -> None:
    """Let a connection send these arrays (as `%b` parameters) as they are."""
    adapters.register_dumper(TextArray, _TextArrayDumper)
    adapters.register_dumper(BigintArray, _BigintArrayDumper)
    adapters.register_dumper(BoolArray, _BoolArrayDumper)
