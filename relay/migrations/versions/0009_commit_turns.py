"""Webhook group commits of workers sharing PostgreSQL take turns, so each gathers a larger batch.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-01

Each worker commits only the webhooks its own connections received, so with two workers busy at
once each batch held half as many webhooks as one process's, and the commits came twice as often:
a transaction, a WAL flush, a NOTIFY and the other worker's read for each, on both sides (0.2–0.3 ms
of PostgreSQL's CPU a webhook against 0.08–0.1 for one process). A committing NOTIFY holds one lock
for the whole cluster through its WAL flush, so those commits never overlapped anyway.

Now a worker that has heard another worker's group commits lately takes a turn before it gathers its
next batch (`relay_take_turn`: a session advisory lock, waited for at most `wait_ms`), and the batch's
call of `relay_intake_batch` gives the turn back right after its COMMIT when asked (`release_turn`),
before its read. The webhooks that arrive while the other worker commits join the batch instead of
making one of their own. The seq assignment and the insert are unchanged (revision 0005: a writer
waits for no other there); a turn only decides which worker's batch is formed next. A worker that
could not take a turn within `wait_ms` (the holder stuck) commits without one, and a connection that
ends gives its turn back with it.
"""

from __future__ import annotations

from alembic import op

from relay.migrations import earlier_revision

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

# The turn's advisory lock: the two-key form (its own key space, apart from 0005's writer keys),
# b"SHOP", b"TURN". relay/storage/postgresql_intake.py gives it back with the same keys.
TURN_KEYS = "1397247824, 1414877774"

_READ_ARGUMENTS = "read_after bigint, read_limit integer,"
_AFTER_COMMIT = "            COMMIT;\n"


def _old_signature() -> str:
    """0006's argument types of `relay_intake_batch` (0007 kept them)."""
    batch = earlier_revision("0006_intake_batch.py")
    return ", ".join(
        ["integer", "text[]", "text[]"]
        + [f"{kind.split('(')[0]}[]" for _, kind in batch._CONTACT_COLUMNS] * 2
        + ["bigint", "text[]", "text[]", "text[]", "text", "text", "text", "bigint"]
        + ["text[]"] * 4
        + ["bigint", "integer", "boolean", "bigint[]", "text[]", "boolean", "boolean", "text"]
        + ["bigint[]"]
        + ["text[]"] * 4
    )


def _new_signature() -> str:
    old = _old_signature()
    read = "bigint, integer, "
    assert old.count(read) == 1
    return old.replace(read, read + "boolean, ")


def _intake_batch() -> str:
    before: str = earlier_revision("0007_plans_that_hold.py")._intake_batch()
    assert before.count(_READ_ARGUMENTS) == 1 and before.count(_AFTER_COMMIT) == 1
    return before.replace(_READ_ARGUMENTS, _READ_ARGUMENTS + " release_turn boolean,").replace(
        _AFTER_COMMIT,
        _AFTER_COMMIT
        + "            -- Stored: the next worker's batch may be formed (a missed guess keeps the turn,\n"
        + "            -- as the writer reads and calls again).\n"
        + f"            IF release_turn THEN\n                PERFORM pg_advisory_unlock({TURN_KEYS});\n"
        + "            END IF;\n",
    )


TAKE_TURN = f"""
    CREATE OR REPLACE FUNCTION relay_take_turn(wait_ms integer) RETURNS boolean
    LANGUAGE plpgsql AS $$
    BEGIN
        -- Held by this session until given back (by relay_intake_batch or pg_advisory_unlock) or
        -- until the connection ends; false, holding nothing, when another session held it longer.
        PERFORM set_config('lock_timeout', wait_ms || 'ms', true);
        PERFORM pg_advisory_lock({TURN_KEYS});
        RETURN true;
    EXCEPTION WHEN lock_not_available THEN
        RETURN false;
    END $$
"""


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(f"DROP PROCEDURE relay_intake_batch({_old_signature()})")
    op.execute(_intake_batch())
    op.execute(TAKE_TURN)


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("DROP FUNCTION relay_take_turn(integer)")
    op.execute(f"DROP PROCEDURE relay_intake_batch({_new_signature()})")
    op.execute(earlier_revision("0007_plans_that_hold.py")._intake_batch())
