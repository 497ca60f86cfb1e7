"""A number change that meets another worker's row for her new number is stored at once; a write
that still meets one (a guard missing: a bug) is delivered again; one whose value the database can
never take is refused, as before."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from sqlalchemy import event, insert

from app.wire import RelayErrorCode
from relay.storage.tables import contact_state
from tests.support.relay_server import RunningRelay, changed_number, inbound

OLD = "821055501234"
NEW = "821055509876"
# The intake's copy of a customer's row under her new number (relay/storage/contact_states.py),
# group 2 her new number's placeholder.
MOVE = re.compile(r"^(INSERT INTO contact_state \([^)]*\) SELECT )(\S+) AS ")
GUARD = " ON CONFLICT (wa_id) DO NOTHING"


@contextmanager
def at_the_move(relay: RunningRelay, change: Callable[[Any, str, Any], str]) -> Iterator[list[str]]:
    """Run `change(cursor, statement, parameters)` at the first move of a customer's row, in the
    intake's transaction (after its reads, before its write); the statement it returns is run."""
    fired: list[str] = []

    def before(conn: Any, cursor: Any, statement: str, parameters: Any, *args: Any) -> tuple[str, Any]:
        if not fired and MOVE.match(statement):
            fired.append(statement)
            statement = change(cursor, statement, parameters)
        return statement, parameters

    engine = relay.relay.store.db.engine
    event.listen(engine, "before_cursor_execute", before, retval=True)
    try:
        yield fired
    finally:
        event.remove(engine, "before_cursor_execute", before)


def _numbers_logged(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [
        r.getMessage()
        for r in caplog.records
        if r.levelno >= logging.INFO and (OLD in r.getMessage() or NEW in r.getMessage())
    ]


def _another_worker_stores_her_new_number(relay: RunningRelay, storage: str | None, cursor: Any) -> None:
    if storage is None:
        # SQLite's writers take turns, so no other worker can come between: the row goes in on
        # this transaction, which meets it as it would another worker's.
        cursor.connection.execute("INSERT INTO contact_state (wa_id, known) VALUES (?, 0)", (NEW,))
    else:
        with relay.relay.store.db.engine.begin() as other:
            other.execute(insert(contact_state).values(wa_id=NEW, known=False))


def _moved(relay: RunningRelay) -> list[tuple[str, str]]:
    events = relay.events()["events"]
    return [
        (e["contact"]["wa_id"], e["previous_wa_id"])
        for e in events
        if e["kind"] == "contact" and e.get("previous_wa_id")
    ]


def test_a_number_change_that_meets_another_workers_row_for_her_new_number_is_stored_at_once(
    relay: RunningRelay, storage: str | None
) -> None:
    assert relay.post_webhook(inbound("text", "안녕하세요", sender=OLD)).status_code == 200

    def another_worker_first(cursor: Any, statement: str, parameters: Any) -> str:
        _another_worker_stores_her_new_number(relay, storage, cursor)
        return statement

    with at_the_move(relay, another_worker_first) as fired:
        assert relay.post_webhook(changed_number(OLD, NEW)).status_code == 200
    assert fired
    assert _moved(relay) == [(NEW, OLD)]
    assert relay.relay.store.contacts.get(OLD) is None
    assert relay.relay.store.contacts.get(NEW) is not None


def test_a_write_that_still_meets_another_workers_row_is_delivered_again_and_stored(
    relay: RunningRelay, storage: str | None, caplog: pytest.LogCaptureFixture
) -> None:
    assert relay.post_webhook(inbound("text", "안녕하세요", sender=OLD)).status_code == 200

    def unguarded_after_another_worker(cursor: Any, statement: str, parameters: Any) -> str:
        # The move without its ON CONFLICT (a write whose guard a change left out: a bug) meets
        # the row: the safety net for any such write, since none is left in the intake.
        _another_worker_stores_her_new_number(relay, storage, cursor)
        assert GUARD in statement
        return statement.replace(GUARD, "")

    change = changed_number(OLD, NEW)
    with (
        caplog.at_level(logging.DEBUG, logger="relay"),
        at_the_move(relay, unguarded_after_another_worker) as fired,
    ):
        first = relay.post_webhook(change)
    assert fired
    assert first.status_code == 503  # Meta delivers it again
    assert first.headers["Retry-After"] == "1"
    assert first.json()["error"]["params"]["cause"] == "conflict_with_another_worker"
    assert (first.json()["error"]["code"], first.json()["error"]["retryable"]) == (
        RelayErrorCode.STORAGE,
        True,
    )
    again = relay.post_webhook(change)
    assert again.status_code == 200
    assert _moved(relay) == [(NEW, OLD)]
    lines = [r.getMessage() for r in caplog.records if r.levelno >= logging.INFO]
    assert not [line for line in lines if "webhook refused" in line]
    said = [line for line in lines if line.startswith("webhook not stored")]
    assert said[0] == "webhook not stored: cause=conflict_with_another_worker error=IntegrityError"
    assert re.match(r"^webhook not stored: works again after 1 failures in \d+ s$", said[1]), said
    assert not _numbers_logged(caplog)  # the traceback, with the SQL's parameters, at DEBUG only


def _not_null(cursor: Any, statement: str, parameters: Any) -> str:
    """Her new number as NULL: a constraint no delivery gets past (a not-null violation)."""
    return MOVE.sub(lambda m: f"{m[1]}CASE WHEN {m[2]} = 'x' THEN 'x' END AS ", statement)


def _too_long(cursor: Any, statement: str, parameters: Any) -> str:
    """Her new number longer than the column takes (PostgreSQL) or than any value (SQLite)."""
    value = "zeroblob(2000000000)" if isinstance(parameters, tuple | list) else "repeat('9', 40)"
    return MOVE.sub(lambda m: f"{m[1]}CASE WHEN {m[2]} = 'x' THEN 'x' ELSE {value} END AS ", statement)


@pytest.mark.parametrize(
    ("change", "error"),
    [(_not_null, "IntegrityError"), (_too_long, "DataError")],
    ids=["not_null", "too_long"],
)
def test_a_value_the_database_never_takes_is_refused_as_before(
    relay: RunningRelay,
    caplog: pytest.LogCaptureFixture,
    change: Callable[[Any, str, Any], str],
    error: str,
) -> None:
    assert relay.post_webhook(inbound("text", "안녕하세요", sender=OLD)).status_code == 200
    with caplog.at_level(logging.DEBUG, logger="relay"), at_the_move(relay, change) as fired:
        refused = relay.post_webhook(changed_number(OLD, NEW))
    assert fired
    assert refused.status_code == 400
    body = refused.json()["error"]
    assert (body["code"], body["params"]["reason"]) == (RelayErrorCode.MALFORMED, f"unstorable_{error}")
    lines = [r.getMessage() for r in caplog.records if r.levelno >= logging.INFO]
    assert f"webhook refused: status=400 reason=unstorable_{error}" in lines
    assert not [line for line in lines if line.startswith("webhook not stored")]
    assert not _numbers_logged(caplog)
