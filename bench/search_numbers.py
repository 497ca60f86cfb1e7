"""Search from one number's chat list in a shop with two numbers, some of whose customers wrote to both.

Figure: p50 and p95 of the first page (50 hits) of bench.queries' 100 queries, searched in one
number's messages (`search_messages(..., number=...)`), for the number with most chats and for the
small one; baseline: the same queries over every number, in the same run on the same copy.

On a copy of the generated database: 2 % of the chats are on the second number, and one chat in 20
wrote to both (every other message of it on the other number: a message's number is its own).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from app.business_numbers import remember_business_numbers
from app.db import Database
from bench.scoped_search import database_path, in_part, measure

MAIN, SMALL = "100000000000001", "100000000000002"


def two_numbers(path: Path) -> None:
    """Put the copy's chats on two numbers, and its messages on theirs (or, for the chats that wrote
    to both, every other one on the other number)."""
    con = sqlite3.connect(path)
    con.execute("UPDATE contact SET phone_number_id = CASE WHEN id % 50 = 0 THEN ? ELSE ? END", (SMALL, MAIN))
    con.execute(
        "UPDATE message SET phone_number_id = CASE WHEN (contact_id % 50 = 0) "
        "!= (contact_id % 20 = 1 AND id % 2 = 0) THEN ? ELSE ? END",
        (SMALL, MAIN),
    )
    con.commit()
    con.close()
    db = Database.open(path)
    with db.write() as s:
        remember_business_numbers(s, {(MAIN, "+82 2-555-0101"), (SMALL, "+82 2-555-0202")})
    db.close()


def main() -> None:
    measure(
        database_path(__doc__),
        two_numbers,
        {
            "the number with most chats": in_part(number=MAIN),
            "the number with 2 % of chats": in_part(number=SMALL),
        },
        whole="every number",
        prefix="bench-numbers-",
    )


if __name__ == "__main__":
    main()
