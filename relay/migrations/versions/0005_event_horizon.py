"""Event writers on PostgreSQL announce themselves instead of queueing for one lock; readers stop below them.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-30

Until now every transaction that added events took one exclusive advisory lock and held it through its
commit (and the commit's WAL flush), so seqs became visible in increasing order, and two workers'
commits never overlapped. Now a writer takes a *shared* advisory lock whose key is the event
sequence's value before it draws a seq (`relay_announce_event_writer`), which other writers do not
wait for; `relay_events_after` serves only seqs below every writer still in flight
(`relay_event_horizon`), so a reader's seqs still strictly increase and are never filled in below its
cursor. SQLite has one writer at a time and needs none of it.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

# The advisory lock keys of event writers: the announced seq plus this (b"SHOP" in the high half),
# far from the relay's other advisory keys (small numbers, `hashtext` values, whose high half is 0
# or 0xFFFFFFFF) and other software's; seqs up to 2**48 fit below the next 0x10000 high halves.
WRITER_KEY_BASE = 0x53484F50_00000000


# What a worker may serve after a seq (a later revision changes only how it is planned).
EVENTS_AFTER = """
        CREATE OR REPLACE FUNCTION relay_events_after(after_seq bigint, lim integer)
        RETURNS TABLE (seq bigint, kind varchar, at varchar, phone_number_id varchar, payload text,
                       held_back boolean, pruned text)
        LANGUAGE plpgsql VOLATILE AS $$
        #variable_conflict use_column
        DECLARE
            -- Computed before the queries below take their snapshots (a VOLATILE function in READ
            -- COMMITTED takes one per query), so every seq below it is already there to be read.
            horizon bigint := relay_event_horizon();
        BEGIN
            -- A first row without a seq: whether newer events are held back, and the prune mark.
            RETURN QUERY SELECT NULL::bigint, NULL::varchar, NULL::varchar, NULL::varchar, NULL::text,
                EXISTS (SELECT 1 FROM event e WHERE e.seq >= horizon),
                (SELECT k.value FROM kv k WHERE k.key = 'pruned_through');
            RETURN QUERY SELECT e.seq, e.kind::varchar, e.at::varchar, e.phone_number_id::varchar,
                e.payload, NULL::boolean, NULL::text
                FROM event e WHERE e.seq > after_seq AND e.seq < horizon ORDER BY e.seq LIMIT lim;
        END $$
        """


def upgrade() -> None:
    conn = op.get_bind()
    if conn.dialect.name != "postgresql":
        return
    sequence = conn.execute(sa.text("SELECT pg_get_serial_sequence('event', 'seq')")).scalar_one()
    # A sequence that hands out values in cached blocks would let a writer draw below the value it
    # announced: the event sequence is made with CACHE 1 (a serial's default); keep it so.
    op.execute(f"ALTER SEQUENCE {sequence} CACHE 1")
    # OR REPLACE: the functions outlive tables dropped by hand (a database emptied for a fresh start).
    op.execute(
        f"""
        CREATE OR REPLACE FUNCTION relay_announce_event_writer() RETURNS void LANGUAGE sql VOLATILE AS $$
            -- Held until this transaction ends: every seq it draws after this is at least the key's seq.
            SELECT pg_advisory_xact_lock_shared({WRITER_KEY_BASE} + last_value) FROM {sequence}
        $$
        """
    )
    op.execute(
        f"""
        CREATE OR REPLACE FUNCTION relay_event_horizon() RETURNS bigint LANGUAGE plpgsql VOLATILE AS $$
        DECLARE
            next_seq bigint;
            in_flight bigint;
        BEGIN
            -- First the sequence: a seq drawn after this point is at least next_seq.
            SELECT CASE WHEN s.is_called THEN s.last_value + 1 ELSE s.last_value END
                INTO next_seq FROM {sequence} s;
            -- Then the writers still in flight: each announced a value at most its first seq before
            -- drawing any, so a seq below every announcement and below next_seq was drawn by a
            -- transaction that has ended (committed, so a later snapshot sees it, or rolled back).
            SELECT min(((l.classid::bigint << 32) | l.objid::bigint) - {WRITER_KEY_BASE})
                INTO in_flight FROM pg_locks l
                WHERE l.locktype = 'advisory' AND l.objsubid = 1
                AND l.classid >= {WRITER_KEY_BASE >> 32} AND l.classid < {(WRITER_KEY_BASE >> 32) + 0x10000}
                AND l.database = (SELECT d.oid FROM pg_database d WHERE d.datname = current_database());
            RETURN least(next_seq, in_flight);
        END $$
        """
    )
    op.execute(EVENTS_AFTER)


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("DROP FUNCTION relay_events_after(bigint, integer)")
    op.execute("DROP FUNCTION relay_event_horizon()")
    op.execute("DROP FUNCTION relay_announce_event_writer()")
