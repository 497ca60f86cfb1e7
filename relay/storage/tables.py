"""The relay's tables (SQLAlchemy Core) as the code reads them; relay/migrations makes them so."""

from __future__ import annotations

from sqlalchemy import BigInteger, Boolean, Column, Index, Integer, MetaData, String, Table, Text

metadata = MetaData()

events = Table(
    "event",
    metadata,
    Column("seq", BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=True),
    Column("kind", String(16), nullable=False),
    Column("at", String(40), nullable=False),
    Column("at_ms", BigInteger, nullable=False, index=True),
    Column("phone_number_id", String(32)),
    # wamid of a message, wamid+status of a status: a redelivery finds it and adds nothing.
    Column("dedupe_key", String(300), unique=True),
    Column("payload", Text, nullable=False),
    # Never reuse a seq, even after pruning every row (a client's cursor would skip them).
    sqlite_autoincrement=True,
)

idempotency = Table(
    "idempotency",
    metadata,
    Column("key", String(200), primary_key=True),
    Column("state", String(12), nullable=False),  # in_flight | done
    Column("status_code", Integer),
    Column("response", Text),
    Column("created_ms", BigInteger, nullable=False),
)

# Who is sending each in-flight key, and until when that worker vouches for it (renewed while the
# send runs).
send_key_leases = Table(
    "send_key_leases",
    metadata,
    Column("key", String(200), primary_key=True),
    Column("owner", String(200), nullable=False),  # the worker id, host:pid
    Column("owner_started_ms", BigInteger, nullable=False),  # tells a reused pid from its predecessor
    Column("lease_until_ms", BigInteger, nullable=False),
)

media = Table(
    "media",
    metadata,
    Column("id", String(200), primary_key=True),
    Column("state", String(12), nullable=False),  # pending | ready | failed | pruned | uploading
    Column("mime", String(128)),
    Column("size", BigInteger),
    Column("sha256", String(64)),
    Column("filename", String(300)),
    Column("attempts", Integer, nullable=False, default=0),
    Column("error", Text),
    Column("created_ms", BigInteger, nullable=False),
)

contact_state = Table(
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
    # WhatsApp's 24-hour window is per business number: her newest message to a number other than
    # `phone_number_id` (whose time is `last_inbound_ms`), and when. A number neither names last
    # heard from her before `other_inbound_ms`. Relay revision 0013.
    Column("other_number_id", String(32)),
    Column("other_inbound_ms", BigInteger),
)

# What the shop last sent each customer from each business number, and its last away message from
# it: a shop with two numbers is two chats on her phone (relay/storage/number_replies.py). Relay
# revision 0014.
number_reply = Table(
    "number_reply",
    metadata,
    Column("wa_id", String(32), primary_key=True),
    Column("phone_number_id", String(32), primary_key=True),
    Column("last_outbound_ms", BigInteger),
    Column("last_away_sent_ms", BigInteger),
)

kv = Table(
    "kv",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)

# The menu bot's per-chat state (app/rules.py BotState): a chat is (customer, business number), so
# a hand-off on one of the shop's numbers leaves the bot answering on the other. '' as the number: a
# chat whose number was not known (relay revision 0016), read for any of hers without a row.
bot_state = Table(
    "bot_state",
    metadata,
    Column("wa_id", String(32), primary_key=True),
    Column("phone_number_id", String(32), primary_key=True),
    Column("paused_until_ms", BigInteger),
    Column("resumed_ms", BigInteger),
    Column("sent_recently_ms", Text),  # comma-separated send times of the last hour
    Column("handoff_reason", String(16)),
    # The menu last sent (a typed "3" chooses from it), which bot's, and whether the customer was
    # reminded to choose from it. Relay revision 0011.
    Column("menu_shown", String(64)),
    Column("menu_other", Boolean),
    Column("menu_nudged", Boolean),
)

# Customers the shop blocked (issue 19 item 16): automations never answer them. `on_whatsapp` says
# whether Graph's block list has them too, or only this relay (sandbox, or Meta refused). Relay
# revision 0002.
blocked_contact = Table(
    "blocked_contact",
    metadata,
    Column("wa_id", String(32), primary_key=True),
    Column("blocked_ms", BigInteger, nullable=False),
    Column("on_whatsapp", Boolean, nullable=False, default=False),
)

# The menu bot's report (issue 23 item 9): per UTC day and rule/node id, how often it answered and how
# many chats it handed to a person. Relay revision 0003.
bot_tally = Table(
    "bot_tally",
    metadata,
    Column("day", String(10), primary_key=True),  # YYYY-MM-DD (UTC)
    Column("matched", String(80), primary_key=True),
    Column("fired", Integer, nullable=False, default=0),
    Column("handoffs", Integer, nullable=False, default=0),
    # Sends of menu `matched` as numbered text: its filled text outgrew WhatsApp's (relay revision 0018).
    Column("sent_as_text", Integer, nullable=False, default=0, server_default="0"),
)

# Campaigns (relay revision 0004): the desktop posts the resolved recipients; the relay sends them.
# `runner` holds the campaign for one worker until `runner_until_ms` (renewed while it sends).
campaign = Table(
    "campaign",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("name", String(200), nullable=False),
    Column("template", Text, nullable=False),  # CampaignTemplate as JSON
    Column("request_sha256", String(64), nullable=False),  # the same id posted again must match
    Column("phone_number_id", String(32)),
    Column("pace", Integer, nullable=False),
    Column("state", String(20), nullable=False),
    Column("reason", String(32)),
    Column("created_ms", BigInteger, nullable=False),
    Column("start_ms", BigInteger, nullable=False),
    Column("finished_ms", BigInteger),
    Column("waiting_until_ms", BigInteger),
    Column("total", Integer, nullable=False),
    Column("runner", String(200)),
    Column("runner_started_ms", BigInteger),
    Column("runner_until_ms", BigInteger),
)

campaign_recipient = Table(
    "campaign_recipient",
    metadata,
    Column("campaign_id", String(64), primary_key=True),
    Column("wa_id", String(32), primary_key=True),
    Column("position", Integer, nullable=False),
    Column("components", Text, nullable=False),  # Graph's template components, as JSON
    Column("consent_notifications", Boolean, nullable=False),
    Column("consent_marketing", Boolean, nullable=False),
    Column("consent_night", Boolean, nullable=False),
    Column("country", String(2)),
    Column("timezone", String(64)),
    Column("state", String(16), nullable=False),
    Column("wamid", String(256), index=True),
    Column("error_code", Integer),
    Column("reason", String(32)),
    Column("sent_ms", BigInteger),
    Column("held_until_ms", BigInteger),
    # This recipient's version of the campaign's template (the same name in another approved
    # language); NULL: the campaign's template.language. Last, as revision 0010 added it.
    Column("language", String(15)),
    # Which of error_code's causes Graph meant (a GraphCause value, app/wire.py); NULL: it has one,
    # or Graph's details named none. Revision 0012.
    Column("graph_cause", String(32)),
    Index("ix_campaign_recipient_next", "campaign_id", "state", "position"),
)

# The portfolio's messaging limit: each customer sent a template outside an open service window,
# with the latest such send; those of the last 24 h count against the limit (any number, any sender).
messaging_ledger = Table(
    "messaging_ledger",
    metadata,
    Column("wa_id", String(32), primary_key=True),
    Column("sent_ms", BigInteger, nullable=False, index=True),
)

# Marketing opt-outs (an OptOutReason); a service reply is never stopped by one.
marketing_opt_out = Table(
    "marketing_opt_out",
    metadata,
    Column("wa_id", String(32), primary_key=True),
    Column("reason", String(16), nullable=False),
    Column("opted_out_ms", BigInteger, nullable=False),
)

# Wrong relay tokens from one internet address within the last few minutes, counted by every worker
# of `serve --workers N` together (relay/wrong_tokens.py): each token once (`tag`, its keyed hash,
# never the token). Revision 0017.
wrong_token = Table(
    "wrong_token",
    metadata,
    Column("address", String(64), primary_key=True),
    Column("tag", BigInteger, primary_key=True),
    Column("at_ms", BigInteger, nullable=False, index=True),
)

# The addresses held off after too many wrong tokens, and until when: every worker refuses them.
address_hold = Table(
    "address_hold",
    metadata,
    Column("address", String(64), primary_key=True),
    Column("until_ms", BigInteger, nullable=False),
)
