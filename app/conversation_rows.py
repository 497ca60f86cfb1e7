"""A chat-list row and the one query that reads it: shared by app/queries.py and app/first_page.py."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Literal

from app import relay_clock
from app.phones import number_name

# No SQLAlchemy here: the first page is painted from these rows before SQLAlchemy is imported.


def from_millis(millis: int | None) -> datetime | None:
    return None if millis is None else datetime.fromtimestamp(millis / 1000, tz=UTC)


@dataclass(frozen=True, slots=True)
class LabelRow:
    id: int
    name: str
    colour: str


@dataclass(frozen=True, slots=True)
class HandOffElsewhere:
    """Her chat on another of the shop's numbers handed to a person: until when, that number's
    phone_number_id and, as people dial it, the number; whether a person answered her since (in
    that chat, or in the row's)."""

    until: datetime
    number_id: str
    number: str | None
    answered: bool

    def waits(self, now: datetime) -> bool:
        """Still marked "Needs a person": the hand-off lasts and no person answered her."""
        return now < self.until and not self.answered


@dataclass(frozen=True, slots=True)
class ConversationRow:
    """One line of the chat list: a contact with its last message, unread count and labels."""

    contact_id: int
    wa_id: str | None
    display_name: str
    profile_name: str | None
    saved_name: str | None
    pinned: bool
    archived: bool
    blocked: bool
    unread_count: int
    last_inbound_at: datetime | None
    last_message_at: datetime | None
    last_message_id: int | None
    last_body: str | None
    last_kind: str | None
    last_direction: str | None
    last_status: str | None
    labels: tuple[LabelRow, ...]
    # A group chat imported from a phone export: read-only, never sent to (see app.models.Conversation).
    group_archive: bool = False
    # The menu bot handed this chat to a person until then (its bot stays off while it lasts).
    bot_paused_until: datetime | None = None
    # Who sent the last message when it is outbound (`app.wire.SentBy`: owner, greeting, bot…).
    last_sent_by: str | None = None
    # The customer opted out of marketing (Contact.opted_out_at set): the chat's header says so.
    opted_out: bool = False
    # Known by WhatsApp's business-scoped user id alone: she wrote with a username, sharing no number.
    username_only: bool = False
    # The business number this chat is on, as people dial it, when the shop has two or more (else None).
    business_number: str | None = None
    # That number's phone_number_id (whatever the shop's count of numbers): the list's number filter.
    phone_number_id: str | None = None
    # The customer's last unread message to arrive, as a preview shows it: what a notification tells.
    # Not the chat's last message when a greeting, away or bot reply came after it, nor when it came
    # late (WhatsApp's earlier time on it: delivered late, or caught up after the laptop slept),
    # sorted in before newer messages, a reply of the shop's among them.
    arrived_kind: str | None = field(default=None, compare=False)
    arrived_body: str | None = field(default=None, compare=False)
    # The number it came to, as people dial it (two numbers or more): a late one to the other
    # number leaves the chat on its number but is news from this one. app.queries.conversations_by_id
    # fills the three; the list paints none of them, so a page's row (read without them) and a
    # re-read one are equal, and a batch that changed nothing in the row repaints nothing.
    arrived_number: str | None = field(default=None, compare=False)
    # A reaction newer than the last message, which the row says instead ("Reacted 👍 to "…""):
    # whose ("in" the customer's, "out" the shop's), its emoji, and the message it is on as a
    # preview shows one (app/chat_reactions.py). None while the last message is the newest.
    reaction_from: str | None = None
    reaction_emoji: str | None = None
    reaction_kind: str | None = None
    reaction_body: str | None = None
    # Her chat on another of the shop's numbers handed to a person (the row is on the number she
    # last wrote to, where the bot may still answer her): until when that hand-off lasts, that
    # number's phone_number_id and, as people dial it, the number.
    waiting_elsewhere_until: datetime | None = None
    waiting_elsewhere_id: str | None = None
    waiting_elsewhere_number: str | None = None
    # A person answered her since (in that chat, or in the row's): the bot stays off there, unmarked.
    answered_elsewhere: bool = False
    # Every such hand-off (a shop with three numbers or more may have several), the newest (ending
    # last) first: the waiting_elsewhere_* fields above are the first's.
    handoffs_elsewhere: tuple[HandOffElsewhere, ...] = ()

    def answered_automatically(self) -> bool:
        """The last message is the relay's automatic answer (greeting, away, keyword, bot) to the
        customer, not a person's: the customer's message before it is still what is news."""
        return self.last_direction == "out" and self.last_sent_by in AUTOMATIC_SENDERS

    def needs_person(self, now: datetime) -> bool:
        """The menu bot handed the chat over and is off here until `bot_paused_until`."""
        return self.bot_paused_until is not None and now < self.bot_paused_until

    def waits_for_person(self, now: datetime) -> bool:
        """Marked "Needs a person": handed over, and the customer's last word not answered by a person.
        The owner's reply takes the mark away (the bot stays off); the customer writing again, or
        only an automatic message answering, brings it back while the hand-off lasts."""
        answered = (
            self.last_direction == "out"
            and self.last_sent_by in PERSON_SENDERS
            and self.last_status != "failed"  # a reply that never left answered nobody
        )
        return self.needs_person(now) and not answered

    def paused_elsewhere(self, now: datetime) -> bool:
        """The menu bot is off in her chat on another of the shop's numbers (`waiting_elsewhere_id`)."""
        return self.waiting_elsewhere_until is not None and now < self.waiting_elsewhere_until

    def waits_elsewhere(self, now: datetime) -> bool:
        """A chat of hers on another of the shop's numbers is marked "Needs a person": handed over,
        and no person answered her since, there or in the row's chat. The row's own chat may not be."""
        return any(h.waits(now) for h in self.handoffs_elsewhere)

    def waiting_elsewhere(self, now: datetime) -> tuple[HandOffElsewhere, ...]:
        """Her chats on the shop's other numbers that wait for a person, the newest hand-off first:
        with three numbers, the row named only the newest one while she waited on two."""
        return tuple(h for h in self.handoffs_elsewhere if h.waits(now))

    def waits_anywhere(self, now: datetime) -> bool:
        """A chat of hers waits for a person, on the row's number or another: the "waiting" filter."""
        return self.waits_for_person(now) or self.waits_elsewhere(now)

    def pause_ends(self) -> list[datetime]:
        """When her hand-offs the row knows of end (its own chat's, another number's)."""
        return [
            t for t in (self.bot_paused_until, *(h.until for h in self.handoffs_elsewhere)) if t is not None
        ]


# `SentBy` values of a message a person wrote (app.wire is not imported on the first page's path).
PERSON_SENDERS = frozenset({"owner", "quick_reply", "phone_app"})
_PERSON_SENDERS_SQL = ", ".join(f"'{s}'" for s in sorted(PERSON_SENDERS))
# `SentBy` values of the relay's answers to what a customer just wrote (a campaign answers nobody),
# its confirmation of an opt-out keyword too.
AUTOMATIC_SENDERS = frozenset({"greeting", "away", "keyword", "bot", "opt_out"})
AUTOMATIC_SENDERS_SQL = ", ".join(f"'{s}'" for s in sorted(AUTOMATIC_SENDERS))

# "waiting": the chats marked "Needs a person" (`ConversationRow.waits_for_person`).
ConversationFilter = Literal["all", "unread", "archived", "waiting"]

# Preview text is cut in SQL: a 5 MB message must not travel to the chat list.
PREVIEW_CHARS = 200

# A photo or file a phone export left out ("<미디어 없음>", "<Media omitted>"): the importer marks it in
# the payload it writes (app.chat_export.importer), and the list shows it as a kind of its own (or
# the caption it had), not the phone's placeholder. Matched as text: a payload is never parsed for the list.
OMITTED_KIND = "omitted"
# Braces doubled: the SQL it goes into is .format()ted (CONVERSATIONS_SQL, app.search's hits).
OMITTED_SQL = 'm.payload LIKE \'{{"import": {{%"omitted": true%\''


# A message deleted on the phone, imported as the phone's own words for it, in the phone's language
# ("This message was deleted", "이 메시지는 삭제되었습니다"): the list says it in the owner's.
DELETED_KIND = "deleted"
DELETED_SQL = 'm.payload LIKE \'{{"import": {{%"deleted": true%\''


# A voice note (a customer's recording: `audio.voice` true), which the list names as such, not "Audio"
# as a music file is. Checked on audio rows alone, so no other message's payload is read.
VOICE_KIND = "voice"
# No colon in the pattern (`_` stands for it): SQLAlchemy's text() would read ":true" as a parameter.
VOICE_SQL = "m.kind = 'audio' AND (m.payload LIKE '%\"voice\"_true%' OR m.payload LIKE '%\"voice\"__true%')"


# WhatsApp's notice that the customer moved to a new number (`system.type`; the older webhooks'
# name too), and that her account's identity changed: the list says them in the owner's language,
# not Meta's English "User … changed from 8210… to 8210…".
NUMBER_CHANGED_KIND = "number_changed"
NUMBER_CHANGED_SQL = (
    "m.kind = 'system' AND (m.payload LIKE '%\"user_changed_number\"%' "
    "OR m.payload LIKE '%\"customer_changed_number\"%')"
)
ACCOUNT_CHANGED_KIND = "account_changed"
ACCOUNT_CHANGED_SQL = (
    "m.kind = 'system' AND (m.payload LIKE '%\"user_changed_user_id\"%' "
    "OR m.payload LIKE '%\"customer_identity_changed\"%')"
)

# The customer opened the chat for the first time (app.cloud_messages.WELCOME_REQUEST).
OPENED_CHAT_KIND = "opened_chat"
OPENED_CHAT_SQL = "m.kind = 'system' AND m.payload LIKE '%\"request_welcome\"%'"


def omitted_caption(body: str) -> str:
    """The caption of a photo or file a phone export left out: the lines after its placeholder (a
    "<미디어 없음>" line, then "착샷이에요"); "" when it had none."""
    return body.partition("\n")[2].strip()


# The chat's business number as people dial it, when the shop has more than one (two branches, each
# with its number): app/business_numbers.py keeps them under this setting (the inner query runs once).
BUSINESS_NUMBERS_KEY = "business_numbers"


def business_number_sql(phone_number_id: str) -> str:
    """SQL of the business number whose phone_number_id is the SQL `phone_number_id`, as people dial
    it, when the shop has more than one; NULL in a one-number shop."""
    return (
        "CASE WHEN (SELECT count(*) FROM setting bs, json_each(bs.value) "
        f"WHERE bs.key = '{BUSINESS_NUMBERS_KEY}') > 1 "
        f"THEN (SELECT json_extract(bs.value, '$.\"' || {phone_number_id} || '\"') FROM setting bs "
        f"WHERE bs.key = '{BUSINESS_NUMBERS_KEY}') END"
    )


BUSINESS_NUMBER_SQL = business_number_sql("c.phone_number_id")

# A message `m`'s words and kind as a preview shows them (the chat list, a notification): a left-out
# photo's caption, nothing of a deleted message, a voice note and WhatsApp's notices named as such.
# Braces doubled, as in the parts it is made of: the SQL it goes into is .format()ted.
PREVIEW_BODY_SQL = f"""CASE WHEN {OMITTED_SQL} THEN (CASE WHEN instr(m.body, char(10)) > 0
                 THEN substr(m.body, instr(m.body, char(10)) + 1, {PREVIEW_CHARS}) ELSE '' END)
            WHEN {DELETED_SQL} THEN ''
            ELSE substr(m.body, 1, {PREVIEW_CHARS}) END"""
PREVIEW_KIND_SQL = f"""CASE WHEN {OMITTED_SQL} THEN '{OMITTED_KIND}' WHEN {DELETED_SQL} THEN '{DELETED_KIND}'
            WHEN {VOICE_SQL} THEN '{VOICE_KIND}' WHEN {NUMBER_CHANGED_SQL} THEN '{NUMBER_CHANGED_KIND}'
            WHEN {ACCOUNT_CHANGED_SQL} THEN '{ACCOUNT_CHANGED_KIND}'
            WHEN {OPENED_CHAT_SQL} THEN '{OPENED_CHAT_KIND}' ELSE m.kind END"""


def person_answered_sql(alias: str) -> str:
    """SQL of whether the message `alias` is a person's answer that left (not an automatic one)."""
    return (
        f"coalesce({alias}.direction = 'out' AND {alias}.sent_by IN ({_PERSON_SENDERS_SQL}) "
        f"AND {alias}.status IS NOT 'failed', 0)"
    )


# Her chat on number `p` (a bot_pause row of contact `c`) was answered by a person since: its last
# message is a person's, or the row's (`m`, on the number she wrote to last) is: she got her answer.
OTHER_CHAT_ANSWERED_SQL = f"""({person_answered_sql("m")} OR coalesce((SELECT {person_answered_sql("o")}
   FROM message o WHERE o.contact_id = c.id AND o.phone_number_id = p.phone_number_id
  ORDER BY o.sent_at DESC, o.id DESC LIMIT 1), 0))"""


def other_chat_pauses_sql(also: str) -> str:
    """SQL of the hand-offs (`p`, rows of bot_pause) of contact `c`'s chats on numbers other than her
    row's (app/bot_pauses.py) for which `also` holds."""
    return f"""SELECT p.paused_until FROM bot_pause p
 WHERE p.contact_id = c.id AND p.paused_until IS NOT NULL AND {also}
   AND p.phone_number_id NOT IN ('', coalesce(c.phone_number_id, ''))"""


# The row's hand-offs on other numbers (a JSON array of [until, phone_number_id, number, answered],
# or NULL for none), each with whether a person answered her since; sorted in Python (a chat has few).
WAITING_ELSEWHERE_SQL = other_chat_pauses_sql("1").replace(
    "SELECT p.paused_until",
    "SELECT CASE WHEN count(*) THEN json_group_array(json_array(p.paused_until, p.phone_number_id, "
    f"{business_number_sql('p.phone_number_id')}, {OTHER_CHAT_ANSWERED_SQL})) END",
    1,
)


def _on_row(alias: str, sql: str) -> str:
    """A preview's SQL (written for the message `m`) for the message `alias`."""
    return re.sub(r"\bm\.", f"{alias}.", sql)


CONVERSATIONS_SQL = f"""
SELECT c.id, c.wa_id, c.profile_name, c.saved_name, c.pinned, c.archived, c.blocked,
       c.unread_count, c.last_inbound_at, c.last_message_at, c.last_message_id,
       {PREVIEW_BODY_SQL},
       {PREVIEW_KIND_SQL},
       m.direction, m.status,
       (SELECT json_group_array(json_array(l.id, l.name, l.colour))
          FROM contact_label cl JOIN label l ON l.id = cl.label_id
         WHERE cl.contact_id = c.id) AS labels,
       EXISTS (SELECT 1 FROM conversation g WHERE g.contact_id = c.id AND g.kind = 'group_archive'),
       c.bot_paused_until, m.sent_by, c.opted_out_at IS NOT NULL,
       c.wa_id IS NULL AND c.user_id IS NOT NULL,
       {BUSINESS_NUMBER_SQL}, c.phone_number_id,
       CASE WHEN r.id IS NOT NULL THEN c.reaction_from END,
       CASE WHEN r.id IS NULL THEN NULL WHEN c.reaction_from = 'in' THEN r.reaction_in
            ELSE r.reaction_out END,
       {_on_row("r", PREVIEW_KIND_SQL)},
       {_on_row("r", PREVIEW_BODY_SQL)},
       ({WAITING_ELSEWHERE_SQL})
  FROM contact c
  LEFT JOIN message m ON m.id = c.last_message_id
  -- The chat's newest reaction, while nothing came after it (at the same second, the message shows).
  LEFT JOIN message r ON r.id = c.reaction_message_id AND c.reaction_at > coalesce(m.sent_at, 0)
 WHERE {{where}}
 ORDER BY c.pinned DESC, c.last_message_at DESC, c.id DESC
 LIMIT :limit OFFSET :offset
"""


# ConversationRow.waits_for_person in SQL: `c` the contact, `m` its chat's last message, `:now` in ms.
WAITING_HERE_SQL = (
    "c.bot_paused_until > :now AND NOT (coalesce(m.direction = 'out' AND m.sent_by IN "
    f"({_PERSON_SENDERS_SQL}) AND m.status IS NOT 'failed', 0))"
)
# ConversationRow.waits_anywhere in SQL: her chat on the row's number, or on another, waits.
# The few chats with a hand-off are found first: a probe per contact of a big inbox doubled its time.
WAITING_SQL = (
    f"(({WAITING_HERE_SQL}) OR (c.id IN (SELECT contact_id FROM bot_pause WHERE paused_until > :now)"
    f" AND EXISTS ({other_chat_pauses_sql('p.paused_until > :now')} AND NOT {OTHER_CHAT_ANSWERED_SQL})))"
)


def _waiting_on_number_sql() -> str:
    """WAITING_SQL for the business number :number's chats alone: her row's chat on it waits, or,
    her row being on the number she wrote to last, her chat on :number does."""
    here = other_chat_pauses_sql("p.phone_number_id = :number AND p.paused_until > :now")
    return (
        f"((c.phone_number_id = :number AND {WAITING_HERE_SQL})"
        f" OR EXISTS ({here} AND NOT {OTHER_CHAT_ANSWERED_SQL}))"
    )


def conversation_where(
    kind: ConversationFilter, label_id: int | None, contact_ids: bool, number: str | None = None
) -> tuple[str, dict[str, Any]]:
    """The WHERE of CONVERSATIONS_SQL for a filter (`kind`, a label) and, with `number`, the chats to
    that business number (a phone_number_id) alone; with `contact_ids`, the chats of :ids instead."""
    clauses = ["c.last_message_at IS NOT NULL"]
    params: dict[str, Any] = {}
    if kind == "archived":
        clauses.append("c.archived = 1")
    else:
        clauses.append("c.archived = 0")
    if kind == "unread":
        clauses.append("c.unread_count > 0")
    if kind == "waiting":
        clauses.append(WAITING_SQL if number is None else _waiting_on_number_sql())
        params["now"] = int(relay_clock.now().timestamp() * 1000)  # the relay stamps pauses
    if label_id is not None:
        clauses.append(
            "EXISTS (SELECT 1 FROM contact_label cl WHERE cl.contact_id = c.id AND cl.label_id = :label)"
        )
        params["label"] = label_id
    if number is not None:
        if kind != "waiting":  # the waiting chats of a number say their number themselves
            clauses.append("c.phone_number_id = :number")
        params["number"] = number
    if contact_ids:
        clauses = ["c.id IN (SELECT value FROM json_each(:ids))"]
    return " AND ".join(clauses), params


def any_archived_sql(number: bool) -> str:
    """SQL of whether any chat is archived (with `number`, any of the business number :number's): an
    inbox left empty by archiving says where its chats are. One probe of ix_contact_list (or
    ix_contact_number_list)."""
    of_number = " AND phone_number_id = :number" if number else ""
    return (
        f"SELECT EXISTS (SELECT 1 FROM contact WHERE archived = 1 AND last_message_at IS NOT NULL{of_number})"
    )


def conversation_row(r: Any) -> ConversationRow:
    """A row of CONVERSATIONS_SQL as the chat list shows it (a catch-up's re-read builds hundreds at a
    time: arguments by position, no JSON parse for a chat without labels, one time object when the
    last message is the last inbound one)."""
    raw_labels = r[15]
    labels = (
        tuple(LabelRow(int(i), str(n), str(c)) for i, n, c in json.loads(raw_labels))
        if raw_labels and raw_labels != "[]"
        else ()
    )
    wa_id, profile, saved = r[1], r[2], r[3]
    inbound_ms, last_ms = r[8], r[9]
    last_at = from_millis(last_ms)
    return ConversationRow(
        r[0],
        wa_id,
        saved or profile or (number_name(wa_id) if wa_id else ""),
        profile,
        saved,
        bool(r[4]),
        bool(r[5]),
        bool(r[6]),
        int(r[7] or 0),
        last_at if inbound_ms == last_ms else from_millis(inbound_ms),
        last_at,
        r[10],
        r[11],
        r[12],
        r[13],
        r[14],
        labels,
        bool(r[16]),
        None if r[17] is None else from_millis(r[17]),
        r[18],
        bool(r[19]),
        bool(r[20]),
        business_number=r[21],
        phone_number_id=r[22],
        **(_reaction(r) if r[24] else {}),
        **(_waiting_elsewhere(r[27]) if r[27] else {}),
    )


def _reaction(r: Any) -> dict[str, Any]:
    """The row's reaction fields from CONVERSATIONS_SQL's last columns (one it shows)."""
    return {"reaction_from": r[23], "reaction_emoji": r[24], "reaction_kind": r[25], "reaction_body": r[26]}


def _waiting_elsewhere(raw: str) -> dict[str, Any]:
    """The row's hand-offs on other numbers from CONVERSATIONS_SQL's WAITING_ELSEWHERE_SQL column,
    newest first, and the waiting_elsewhere_* fields of the newest."""
    handoffs = sorted(
        (
            HandOffElsewhere(datetime.fromtimestamp(until / 1000, tz=UTC), number_id, number, bool(answered))
            for until, number_id, number, answered in json.loads(raw)
        ),
        key=lambda h: (h.until, h.number_id),
        reverse=True,
    )
    newest = handoffs[0]
    return {
        "waiting_elsewhere_until": newest.until,
        "waiting_elsewhere_id": newest.number_id,
        "waiting_elsewhere_number": newest.number,
        "answered_elsewhere": newest.answered,
        "handoffs_elsewhere": tuple(handoffs),
    }
