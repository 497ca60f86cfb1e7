"""PostgreSQL plans the intake's lookups for the tables as they are, not as they were at the first batch.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-30

PostgreSQL caches a plan per connection for each statement of a PL/pgSQL function, and after five
calls may keep a generic one for good (until the table is analyzed again). A new relay's first
batches meet nearly empty tables, where a sequential scan is the cheapest plan; kept, it then read
the whole event table at every batch as it grew: 1,500 rows read per webhook after 6,000 webhooks,
half of PostgreSQL's time in the batch's check. Two statements also asked `EXISTS` of rows that are
almost never there (a stored dedupe key, a seq at or above the horizon), which the planner costs as
if a match came early: a scan that finds nothing reads everything, whatever the table's size.

Now the check of the stored state counts, through the keys' indexes only (an index lookup per key,
whatever the statistics said when its plan was made); `relay_events_after` asks the newest seq (one
index descent) instead of `EXISTS`, and is planned for each call (its range read is a seq range,
which the planner costs right for the table's present size). `enable_seqscan` is not set for the
function: a sequence's own scan has no other path, and the penalty then sends the read to JIT. The
other statements look up by key only through `ON CONFLICT` and keep their cached plans.
"""

from __future__ import annotations

from alembic import op

from relay.migrations import earlier_revision

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


_HORIZON = "0005_event_horizon.py"
_BATCH = "0006_intake_batch.py"
_EXISTS_AT_HORIZON = "EXISTS (SELECT 1 FROM event e WHERE e.seq >= horizon),"
_PLANNED_EACH_CALL = "SET plan_cache_mode = force_custom_plan"


def _events_after() -> str:
    before: str = earlier_revision(_HORIZON).EVENTS_AFTER
    assert _EXISTS_AT_HORIZON in before and before.rstrip().endswith("END $$")
    return (
        before.replace(
            _EXISTS_AT_HORIZON, "coalesce((SELECT max(e.seq) FROM event e) >= horizon, false),"
        ).rstrip()
        + f" {_PLANNED_EACH_CALL}\n"
    )


def _intake_batch() -> str:
    batch = earlier_revision(_BATCH)
    stored_check = f"""\
            -- The stored state the writer guessed (check_mode 1: every customer new, 2: the rows
            -- g_*), before anything is written: none of the batch's dedupe keys stored, its
            -- customers' stored rows exactly those guessed (EXCEPT compares NULLs as equal). A
            -- wrong guess answers `missed` with nothing written; the writer reads and calls again.
            -- Counted, not EXISTS (which is planned as if a match came early), and by the keys'
            -- indexes only: a plan cached from a new relay's first batches would scan the grown
            -- tables (every table here has its index; none is scanned whole to find a few keys).
            missed := false;
            IF check_mode > 0 THEN
                scans := current_setting('enable_seqscan');
                PERFORM set_config('enable_seqscan', 'off', true);
                missed := (SELECT count(*) FROM event e WHERE e.dedupe_key = ANY(check_keys)) > 0
                    OR (check_mode = 1
                        AND (SELECT count(*) FROM contact_state c WHERE c.wa_id = ANY(check_wa_ids)) > 0)
                    OR (check_mode = 2 AND (
                        (SELECT count(*) FROM contact_state c WHERE c.wa_id = ANY(check_wa_ids))
                            <> coalesce(cardinality(g_wa_id), 0)
                        OR EXISTS (
                            SELECT * FROM unnest({batch._unnested("g_")})
                            EXCEPT SELECT {batch._NAMES} FROM contact_state c
                                WHERE c.wa_id = ANY(check_wa_ids))));
                PERFORM set_config('enable_seqscan', scans, true);
            END IF;
"""
    return str(batch.create_procedure(stored_check, "\n            scans text;"))


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(_events_after())
    op.execute(_intake_batch())


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    # CREATE OR REPLACE also drops the SET clause this revision added.
    op.execute(earlier_revision(_HORIZON).EVENTS_AFTER)
    batch = earlier_revision(_BATCH)
    op.execute(batch.create_procedure(batch.STORED_CHECK))
