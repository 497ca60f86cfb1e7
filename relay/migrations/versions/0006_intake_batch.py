"""A PostgreSQL group commit is one statement: a procedure checks, writes, commits, then reads.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-30

A group commit sent six statements in psycopg's pipeline (BEGIN, the check of the stored state the
writer guessed, the customers' upsert, the media jobs, the events' insert, COMMIT) and, for a worker
with waiting long polls, a seventh: the read of the new events. psycopg's machinery per statement
cost the relay more CPU than the server's work, and a worker's batches are small (two workers: ~2
webhooks), so it was paid often. `CALL relay_intake_batch(…)` does the same in one statement, sent
in autocommit: it commits the batch inside, then reads (after the COMMIT, as before: a read inside
the writing transaction would come earlier and miss more of another worker's commits), and the
answer comes back only after both, so a webhook is still answered only after its commit. SQLite
needs none of it.

The columns of `contact_state` are spelled out here: a revision that changes them replaces the
procedure too.
"""

from __future__ import annotations

from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

# contact_state's columns with their types, as the upsert and the guess send them (an explicit
# cast to varchar(n) cuts a longer value, as the statements this function replaces did).
_CONTACT_COLUMNS = [
    ("wa_id", "varchar(32)"),
    ("profile_name", "varchar(256)"),
    ("phone_number_id", "varchar(32)"),
    ("last_inbound_ms", "bigint"),
    ("last_outbound_ms", "bigint"),
    ("last_owner_reply_ms", "bigint"),
    ("last_away_sent_ms", "bigint"),
    ("known", "boolean"),
]
_NAMES = ", ".join(name for name, _ in _CONTACT_COLUMNS)


def _arguments(prefix: str) -> str:
    return ", ".join(f"{prefix}{name} {kind.split('(')[0]}[]" for name, kind in _CONTACT_COLUMNS)


def _unnested(prefix: str) -> str:
    return ", ".join(f"{prefix}{name}::{kind}[]" for name, kind in _CONTACT_COLUMNS)


def _merged(name: str) -> str:
    """As the upsert it replaces: a time only moves forward, anything else is replaced unless NULL."""
    if name.endswith("_ms"):
        return f"{name} = greatest(contact_state.{name}, EXCLUDED.{name})"
    return f"{name} = coalesce(EXCLUDED.{name}, contact_state.{name})"


_MERGED = ", ".join(_merged(name) for name, _ in _CONTACT_COLUMNS if name not in ("wa_id", "known"))


STORED_CHECK = f"""\
            -- The stored state the writer guessed (check_mode 1: every customer new, 2: the rows
            -- g_*), before anything is written: none of the batch's dedupe keys stored, its
            -- customers' stored rows exactly those guessed (EXCEPT compares NULLs as equal). A
            -- wrong guess answers `missed` with nothing written; the writer reads and calls again.
            missed := check_mode > 0 AND (
                EXISTS (SELECT 1 FROM event e WHERE e.dedupe_key = ANY(check_keys))
                OR (check_mode = 1 AND EXISTS (
                    SELECT 1 FROM contact_state c WHERE c.wa_id = ANY(check_wa_ids)))
                OR (check_mode = 2 AND (
                    (SELECT count(*) FROM contact_state c WHERE c.wa_id = ANY(check_wa_ids))
                        <> coalesce(cardinality(g_wa_id), 0)
                    OR EXISTS (
                        SELECT * FROM unnest({_unnested("g_")})
                        EXCEPT SELECT {_NAMES} FROM contact_state c WHERE c.wa_id = ANY(check_wa_ids)))));
"""


def create_procedure(stored_check: str, declarations: str = "") -> str:
    """The procedure's definition, with `stored_check` setting `missed` (a later revision changes
    only how the check is planned)."""
    return f"""
        CREATE OR REPLACE PROCEDURE relay_intake_batch(
            check_mode integer, check_wa_ids text[], check_keys text[], {_arguments("g_")},
            {_arguments("u_")},
            media_created_ms bigint, media_ids text[], media_mimes text[], media_names text[],
            channel text, notice text, event_at text, event_at_ms bigint,
            event_kinds text[], event_pnids text[], event_keys text[], event_payloads text[],
            read_after bigint, read_limit integer,
            INOUT missed boolean, INOUT new_seqs bigint[], INOUT new_keys text[],
            INOUT read_ok boolean, INOUT held_back boolean, INOUT pruned text,
            INOUT read_seqs bigint[], INOUT read_kinds text[], INOUT read_ats text[],
            INOUT read_pnids text[], INOUT read_payloads text[])
        LANGUAGE plpgsql AS $$
        DECLARE
            top bigint;{declarations}
        BEGIN
{stored_check}            IF missed THEN
                RETURN;
            END IF;
            -- Every customer the batch moved: new rows whole; for a stored row only the columns
            -- the batch changed (NULL elsewhere), merged in SQL, so a row another worker wrote or
            -- added meanwhile keeps its later times. `known` is never moved by a webhook.
            IF cardinality(u_wa_id) > 0 THEN
                INSERT INTO contact_state ({_NAMES}) SELECT * FROM unnest({_unnested("u_")})
                    ON CONFLICT (wa_id) DO UPDATE SET {_MERGED};
            END IF;
            -- As MediaRows.add_job: a second webhook naming the same file adds nothing.
            IF cardinality(media_ids) > 0 THEN
                INSERT INTO media (id, state, mime, filename, attempts, created_ms)
                    SELECT m.id, 'pending', m.mime, m.filename, 0, media_created_ms
                    FROM unnest(media_ids, media_mimes, media_names) AS m(id, mime, filename)
                    ON CONFLICT (id) DO NOTHING;
            END IF;
            -- The events, in order, announced before their seqs are drawn (revision 0005); the
            -- NOTIFY (sent at commit) names the newest seq inserted, none when all were duplicates.
            IF cardinality(event_kinds) > 0 THEN
                PERFORM relay_announce_event_writer();
                WITH inserted AS (
                    INSERT INTO event (kind, at, at_ms, phone_number_id, dedupe_key, payload)
                    SELECT e.kind, event_at, event_at_ms, e.pnid, e.dedupe_key, e.payload
                    FROM unnest(event_kinds, event_pnids, event_keys, event_payloads)
                        WITH ORDINALITY AS e(kind, pnid, dedupe_key, payload, n)
                    ORDER BY e.n
                    ON CONFLICT (dedupe_key) DO NOTHING
                    RETURNING event.seq, event.dedupe_key)
                SELECT array_agg(i.seq), array_agg(i.dedupe_key), max(i.seq)
                    INTO new_seqs, new_keys, top FROM inserted i;
                IF top IS NOT NULL THEN
                    PERFORM pg_notify(channel, notice || '@' || top);
                END IF;
            END IF;
            -- The batch is stored once this returns (and the caller answers its webhooks only then).
            COMMIT;
            -- Asked for: the events a worker may serve after read_after, read as any worker reads
            -- them (relay_events_after), after the COMMIT. A read that fails leaves the batch stored
            -- and says so (`read_ok` false): the worker's polls then read for themselves.
            IF read_after IS NOT NULL THEN
                BEGIN
                    SELECT bool_or(r.held_back), max(r.pruned),
                        array_agg(r.seq ORDER BY r.seq) FILTER (WHERE r.seq IS NOT NULL),
                        array_agg(r.kind ORDER BY r.seq) FILTER (WHERE r.seq IS NOT NULL),
                        array_agg(r.at ORDER BY r.seq) FILTER (WHERE r.seq IS NOT NULL),
                        array_agg(r.phone_number_id ORDER BY r.seq) FILTER (WHERE r.seq IS NOT NULL),
                        array_agg(r.payload ORDER BY r.seq) FILTER (WHERE r.seq IS NOT NULL)
                        INTO held_back, pruned, read_seqs, read_kinds, read_ats, read_pnids, read_payloads
                        FROM relay_events_after(read_after, read_limit) r;
                    read_ok := true;
                EXCEPTION WHEN OTHERS THEN
                    read_ok := false;
                END;
            END IF;
        END $$
        """


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(create_procedure(STORED_CHECK))


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    arguments = ", ".join(
        ["integer", "text[]", "text[]"]
        + [f"{kind.split('(')[0]}[]" for _, kind in _CONTACT_COLUMNS] * 2
        + ["bigint", "text[]", "text[]", "text[]", "text", "text", "text", "bigint"]
        + ["text[]"] * 4
        + ["bigint", "integer", "boolean", "bigint[]", "text[]", "boolean", "boolean", "text"]
        + ["bigint[]"]
        + ["text[]"] * 4
    )
    op.execute(f"DROP PROCEDURE relay_intake_batch({arguments})")
