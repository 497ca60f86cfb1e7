"""The books sheet of a shop whose customers pay with a reference names that column so, in its place."""

from __future__ import annotations

import pytest

from app.db import Database
from app.settings import update_preferences
from app.shipping_sheets import ORDER_COLUMNS, ORDER_COLUMNS_EN, order_columns_en, order_sheet_rows
from app.transfer_names import transfers_named


@pytest.mark.parametrize(
    ("region", "header"),
    [
        ("GB", "Payment reference"),
        ("US", "Payment reference"),
        ("JP", "Name on the transfer"),
        ("KR", "입금자명"),
    ],
)
def test_the_books_sheets_depositor_column_reads_as_the_shops_banks_say_it(
    db: Database, region: str, header: str
) -> None:
    update_preferences(db, shop_region=region)
    with db.read() as s:
        columns = tuple(order_sheet_rows(s)[0])
    column = ORDER_COLUMNS.index("입금자명")
    assert columns[column] == header
    # Only the word: every other column where a formula reading the sheet by position finds it.
    assert len(columns) == len(ORDER_COLUMNS_EN)
    assert (
        columns[:column] + columns[column + 1 :]
        == (ORDER_COLUMNS if region == "KR" else ORDER_COLUMNS_EN)[:column]
        + (ORDER_COLUMNS if region == "KR" else ORDER_COLUMNS_EN)[column + 1 :]
    )


def test_korea_and_japan_match_transfers_by_name_britain_and_america_by_reference() -> None:
    assert transfers_named("KR") and transfers_named("jp")
    assert not transfers_named("GB") and not transfers_named("US")
    assert order_columns_en("KR") == ORDER_COLUMNS_EN
