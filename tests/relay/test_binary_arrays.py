"""The group commit's arrays, made in one pass: the bytes psycopg would send, and what PostgreSQL reads."""

from __future__ import annotations

import struct
from typing import Any

import psycopg
import pytest
from psycopg.adapt import PyFormat, Transformer

from relay.storage.binary_arrays import bigint_array, bool_array, register_arrays, text_array
from relay.wakeups import conninfo

# What a group commit sends: psycopg's own list dumper sends these very bytes.
TEXTS: list[list[str | None]] = [
    ["주문 문의 배송 언제 되나요?", "", "👨‍👩‍👧‍👦", 'a "quoted" \\ back\nslash'],
    ["message", None, "status"],
    ["wamid.HBgLODIxMDEyMzQ1Njc4FQIAEhggQUQ"],
]
BIGINTS: list[list[int | None]] = [[1796567015666, None, -5, 0, 2**63 - 1, -(2**63)], [1796567015666]]
BOOLS: list[list[bool | None]] = [[True, False, None], [False]]
# Where psycopg would pick another form (text for no value but NULL, int2 for small numbers): read back.
EMPTY_OR_NULL: list[list[Any]] = [[], [None], [None, None]]


def _psycopg_would_send(items: list[Any]) -> bytes:
    return bytes(Transformer().get_dumper(items, PyFormat.BINARY).dump(items) or b"")


@pytest.mark.parametrize("items", TEXTS)
def test_a_text_array_is_the_bytes_psycopg_would_send(items: list[str | None]) -> None:
    assert bytes(text_array(items)) == _psycopg_would_send(items)


@pytest.mark.parametrize("items", BIGINTS)
def test_a_bigint_array_is_the_bytes_psycopg_would_send(items: list[int | None]) -> None:
    assert bytes(bigint_array(items)) == _psycopg_would_send(items)


@pytest.mark.parametrize("items", BOOLS)
def test_a_bool_array_is_the_bytes_psycopg_would_send(items: list[bool | None]) -> None:
    assert bytes(bool_array(items)) == _psycopg_would_send(items)


def test_a_number_beyond_64_bits_is_refused_before_anything_is_sent() -> None:
    with pytest.raises(struct.error):
        bigint_array([2**63])


@pytest.mark.slow
@pytest.mark.postgresql
def test_postgresql_reads_each_array_back_as_it_was_sent_empty_ones_too(pg: str) -> None:
    with psycopg.connect(conninfo(pg), autocommit=True) as con:
        register_arrays(con.adapters)

        def read_back(sql: str, array: bytes) -> Any:
            row = con.execute(sql, (array,)).fetchone()
            assert row is not None
            return row[0]

        for texts in [*TEXTS, *EMPTY_OR_NULL]:
            assert read_back("SELECT %b::text[]", text_array(texts)) == texts
            assert read_back("SELECT %b::varchar[]", text_array(texts)) == texts  # as contact_state's
        for bigints in [*BIGINTS, *EMPTY_OR_NULL, [7], [0, 1]]:
            assert read_back("SELECT %b::bigint[]", bigint_array(bigints)) == bigints
        for bools in [*BOOLS, *EMPTY_OR_NULL]:
            assert read_back("SELECT %b::boolean[]", bool_array(bools)) == bools
