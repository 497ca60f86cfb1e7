"""The relay's tables as `create_all` made them before migrations existed: frozen, never edited."""

from __future__ import annotations

from sqlalchemy import BigInteger, Boolean, Column, Integer, MetaData, String, Table, Text


def baseline_metadata() -> MetaData:
    """Revision 0001's schema. Later changes are revisions of their own, never edits here."""
    metadata = MetaData()
    Table(
        "event",
        metadata,
        Column("seq", BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=True),
        Column("kind", String(16), nullable=False),
        Column("at", String(40), nullable=False),
        Column("at_ms", BigInteger, nullable=False, index=True),
        Column("phone_number_id", String(32)),
        Column("dedupe_key", String(300), unique=True),
        Column("payload", Text, nullable=False),
        sqlite_autoincrement=True,
    )
    Table(
        "idempotency",
        metadata,
        Column("key", String(200), primary_key=True),
        Column("state", String(12), nullable=False),
        Column("status_code", Integer),
        Column("response", Text),
        Column("created_ms", BigInteger, nullable=False),
    )
    Table(
        "send_key_leases",
        metadata,
        Column("key", String(200), primary_key=True),
        Column("owner", String(200), nullable=False),
        Column("owner_started_ms", BigInteger, nullable=False),
        Column("lease_until_ms", BigInteger, nullable=False),
    )
    Table(
        "media",
        metadata,
        Column("id", String(200), primary_key=True),
        Column("state", String(12), nullable=False),
        Column("mime", String(128)),
        Column("size", BigInteger),
        Column("sha256", String(64)),
        Column("filename", String(300)),
        Column("attempts", Integer, nullable=False, default=0),
        Column("error", Text),
        Column("created_ms", BigInteger, nullable=False),
    )
    Table(
        "contact_state",
        metadata,
        Column("wa_id", String(32), primary_key=True),
        Column("profile_name", String(256)),
        Column("phone_number_id", String(32)),
        Column("last_inbound_ms", BigInteger),
        Column("last_outbound_ms", BigInteger),
        Column("last_owner_reply_ms", BigInteger),
        Column("last_away_sent_ms", BigInteger),
        Column("known", Boolean, nullable=False, default=False),
    )
    Table(
        "kv",
        metadata,
        Column("key", String(64), primary_key=True),
        Column("value", Text, nullable=False),
    )
    Table(
        "bot_state",
        metadata,
        Column("wa_id", String(32), primary_key=True),
        Column("paused_until_ms", BigInteger),
        Column("resumed_ms", BigInteger),
        Column("sent_recently_ms", Text),
        Column("handoff_reason", String(16)),
    )
    return metadata
