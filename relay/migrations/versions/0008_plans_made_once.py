"""PostgreSQL plans the event reads and a writer's announcement once per connection, not at every batch.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-01

0007 planned `relay_events_after` at every call (`plan_cache_mode = force_custom_plan`) so that its
seq-range read would never keep a sequential scan planned on a new relay's empty log. That read
and the check for held-back events then cost more to plan than to run (`pg_stat_statements` with
`track_planning`, 6,000 webhooks: 158 ms planning against 45 ms running), and
`relay_announce_event_writer`, an SQL function, was planned at every call as SQL functions are
(20 ms against 6 ms). Each batch pays both, and every cross-worker read pays the first: with two
workers a fifth of PostgreSQL's CPU was planning.

Now `relay_events_after` keeps one generic plan per statement for the connection, planned without
sequential scans: every table it reads is read through its key's index (the seq range, the newest
seq, the prune mark), so no plan made on an empty log can scan a grown one. The sequence's own
one-row scan has no other path and only carries the penalty's number, so `jit` is off for the
function: 0007 found that number sends the read to JIT (9 ms a webhook). The announcement is a
PL/pgSQL function, whose statement keeps its plan.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from relay.migrations import earlier_revision

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

_PLANNED_EACH_CALL = "SET plan_cache_mode = force_custom_plan"
_KEPT_PLANS = "SET plan_cache_mode = force_generic_plan SET enable_seqscan = off SET jit = off"


def _events_after() -> str:
    planned_each_call: str = earlier_revision("0007_plans_that_hold.py")._events_after().rstrip()
    assert planned_each_call.endswith(_PLANNED_EACH_CALL)
    return planned_each_call.removesuffix(_PLANNED_EACH_CALL) + _KEPT_PLANS + "\n"


def _announce_event_writer(sequence: str, language: str) -> str:
    key_base = earlier_revision("0005_event_horizon.py").WRITER_KEY_BASE
    if language == "sql":  # as 0005 made it
        body = f"SELECT pg_advisory_xact_lock_shared({key_base} + last_value) FROM {sequence}"
    else:
        body = f"BEGIN PERFORM pg_advisory_xact_lock_shared({key_base} + last_value) FROM {sequence}; END"
    return f"""
        CREATE OR REPLACE FUNCTION relay_announce_event_writer() RETURNS void
            LANGUAGE {language} VOLATILE AS $$
            -- Held until this transaction ends: every seq it draws after this is at least the key's seq.
            {body}
        $$
        """


def _event_sequence() -> str:
    return str(op.get_bind().execute(sa.text("SELECT pg_get_serial_sequence('event', 'seq')")).scalar_one())


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(_events_after())
    op.execute(_announce_event_writer(_event_sequence(), "plpgsql"))


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    # CREATE OR REPLACE replaces the SET clauses with 0007's.
    op.execute(earlier_revision("0007_plans_that_hold.py")._events_after())
    op.execute(_announce_event_writer(_event_sequence(), "sql"))
