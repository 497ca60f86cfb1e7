"""SQL that Alembic autogenerate cannot express: FTS5 tables and the triggers that keep them in step."""

from __future__ import annotations

# Only this many characters of a body go into the trigram index, so a 5 MB paste stays cheap.
FTS_BODY_CHARS = 100_000

FTS_TABLES = ("message_fts", "message_bigram")

# FTS5 merges a level's segments once this many exist (its default is 4). Every commit adds a
# segment; 8 took a sixth off the FTS work of a 200,000-line import and left search after it as fast
# (docs/PERFORMANCE.md, issue 18). Set by migration 0010.
FTS_AUTOMERGE = 8

# The chat list reads last message and unread count from contact; these triggers keep them true
# whichever code path writes messages (sync, outbox, import, benchmarks).
CONTACT_TRIGGERS = (
    """
    CREATE TRIGGER message_contact_ai AFTER INSERT ON message BEGIN
      UPDATE contact SET
        last_message_id = CASE WHEN last_message_at IS NULL OR new.sent_at >= last_message_at
                               THEN new.id ELSE last_message_id END,
        last_message_at = CASE WHEN last_message_at IS NULL OR new.sent_at >= last_message_at
                               THEN new.sent_at ELSE last_message_at END,
        unread_count = unread_count + new.unread
      WHERE id = new.contact_id;
    END
    """,
    """
    CREATE TRIGGER message_contact_au_unread AFTER UPDATE OF unread ON message
    WHEN old.unread != new.unread BEGIN
      UPDATE contact SET unread_count = max(0, unread_count + new.unread - old.unread)
      WHERE id = new.contact_id;
    END
    """,
    # Messages alone: a reaction's line and time (app/chat_reactions.py) are not this trigger's. The
    # code that moves messages to another chat (a customer's changed number, app/sync_apply.py) or
    # within their second (the relay's order, app/relay_order.py) calls chats_retold() after it. The
    # trigger is created by migration 0001 alone: changing it here would need a revision to reach
    # existing inboxes.
    """
    CREATE TRIGGER message_contact_au_move AFTER UPDATE OF sent_at, contact_id ON message BEGIN
      UPDATE contact SET
        unread_count = (SELECT count(*) FROM message m WHERE m.contact_id = contact.id AND m.unread = 1),
        last_message_id = (SELECT m.id FROM message m WHERE m.contact_id = contact.id
                           ORDER BY m.sent_at DESC, m.id DESC LIMIT 1),
        last_message_at = (SELECT m.sent_at FROM message m WHERE m.contact_id = contact.id
                           ORDER BY m.sent_at DESC, m.id DESC LIMIT 1)
      WHERE id IN (old.contact_id, new.contact_id);
    END
    """,
    """
    CREATE TRIGGER message_contact_ad AFTER DELETE ON message BEGIN
      UPDATE contact SET unread_count = max(0, unread_count - old.unread)
      WHERE id = old.contact_id;
      UPDATE contact SET
        last_message_id = (SELECT m.id FROM message m WHERE m.contact_id = old.contact_id
                           ORDER BY m.sent_at DESC, m.id DESC LIMIT 1),
        last_message_at = (SELECT m.sent_at FROM message m WHERE m.contact_id = old.contact_id
                           ORDER BY m.sent_at DESC, m.id DESC LIMIT 1)
      WHERE id = old.contact_id AND last_message_id = old.id;
    END
    """,
)

FTS_CREATE = (
    # Substring search for 3+ characters (trigram needs at least three).
    "CREATE VIRTUAL TABLE message_fts USING fts5("
    "body, content='message', content_rowid='id', tokenize='trigram', columnsize=0)",
    # Two-character queries (most Korean words): grams computed in Python, see app/text.py.
    "CREATE VIRTUAL TABLE message_bigram USING fts5("
    "grams, content='message', content_rowid='id', tokenize='unicode61 remove_diacritics 0', detail='none', "
    "columnsize=0)",
)
# columnsize=0 (schema 11): FTS5 keeps no row of token counts per message in a %_docsize table, one
# b-tree insert fewer per message and table. Only ranking (bm25) reads those counts, and search
# orders by time and makes its snippets in Python. The trigram table's column is named body, but it
# holds the message's search text (SEARCH_TEXT, schema 27): nothing reads it back through FTS5.

# What a message is found by: its body, then what an interactive message showed besides it (its
# buttons or list rows: app/interactive_text.py) on the next line. Search reads the same expression
# (SEARCH_TEXT.format(row=…)) wherever it looks at a message's words itself.
SEARCH_TEXT = "({row}.body || CASE WHEN {row}.extra_text != '' THEN char(10) || {row}.extra_text ELSE '' END)"
# What the trigram table holds of each message (a 5 MB paste stays cheap): SQL over {row}.
FTS_INDEXED_TEXT = f"substr({SEARCH_TEXT}, 1, {FTS_BODY_CHARS})"


def _fts_triggers(indexed: str, columns: str) -> tuple[str, ...]:
    """The triggers that keep both FTS tables in step with message, the trigram table holding
    `indexed` (SQL over {row}: `new` or `old`) of the `columns` an update re-indexes."""
    new, old = indexed.format(row="new"), indexed.format(row="old")
    return (
        f"""
    CREATE TRIGGER message_fts_ai AFTER INSERT ON message BEGIN
      INSERT INTO message_fts(rowid, body) VALUES (new.id, {new});
      INSERT INTO message_bigram(rowid, grams) VALUES (new.id, new.grams);
    END
    """,
        f"""
    CREATE TRIGGER message_fts_ad AFTER DELETE ON message BEGIN
      INSERT INTO message_fts(message_fts, rowid, body)
        VALUES ('delete', old.id, {old});
      INSERT INTO message_bigram(message_bigram, rowid, grams) VALUES ('delete', old.id, old.grams);
    END
    """,
        f"""
    CREATE TRIGGER message_fts_au AFTER UPDATE OF {columns} ON message BEGIN
      INSERT INTO message_fts(message_fts, rowid, body)
        VALUES ('delete', old.id, {old});
      INSERT INTO message_bigram(message_bigram, rowid, grams) VALUES ('delete', old.id, old.grams);
      INSERT INTO message_fts(rowid, body) VALUES (new.id, {new});
      INSERT INTO message_bigram(rowid, grams) VALUES (new.id, new.grams);
    END
    """,
    )


FTS_TRIGGERS = _fts_triggers(FTS_INDEXED_TEXT, "body, extra_text, grams")

# Fill both indexes from the message table (the same capped text the triggers index, so a later
# 'delete' matches what was indexed; FTS5's 'rebuild' would index whole bodies).
FTS_FILL = (
    f"INSERT INTO message_fts(rowid, body) SELECT id, {FTS_INDEXED_TEXT.format(row='message')} FROM message",
    "INSERT INTO message_bigram(rowid, grams) SELECT id, grams FROM message",
)

# The triggers and fill before schema 27, which indexed the body alone (no extra_text column yet):
# what migrations 0002 and 0011 create, and 0027's downgrade puts back.
_BODY_ONLY = f"substr({{row}}.body, 1, {FTS_BODY_CHARS})"
BODY_ONLY_FTS_TRIGGERS = _fts_triggers(_BODY_ONLY, "body, grams")
BODY_ONLY_FTS_FILL = (
    f"INSERT INTO message_fts(rowid, body) SELECT id, {_BODY_ONLY.format(row='message')} FROM message",
    "INSERT INTO message_bigram(rowid, grams) SELECT id, grams FROM message",
)

FTS_TRIGGER_NAMES = ("message_fts_ai", "message_fts_ad", "message_fts_au")


def is_fts_object(name: str | None) -> bool:
    """FTS5 tables and their shadow tables (message_fts_data, …) are not Alembic's business."""
    return bool(name) and any(str(name).startswith(t) for t in FTS_TABLES)
