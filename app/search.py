"""Search messages for every word of a query, newest first: trigram FTS5 (3+ chars), bigrams (2), a scan."""

from __future__ import annotations

import itertools
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

from app.business_numbers import number_tags, shop_numbers
from app.conversation_rows import (
    BUSINESS_NUMBER_SQL,
    OMITTED_SQL,
    business_number_sql,
    conversation_where,
    omitted_caption,
)
from app.graphemes import boundary_at_or_after, boundary_at_or_before, cut_to
from app.interactive_text import search_text, shown_text
from app.models import to_millis
from app.orders import typed_order_number
from app.phones import number_fragment, number_name, number_tail, typed_phone
from app.schema_sql import FTS_BODY_CHARS, SEARCH_TEXT
from app.search_scope import ChatScope
from app.text import (
    fts_phrase,
    hangul_initials,
    is_bigram_query,
    is_initials_query,
    like_pattern,
    long_number,
    loose_pair,
    marks_pattern,
    name_match,
    needs_casefold,
    nfc,
    query_terms,
    search_pattern,
    search_phrases,
    spaced_match,
)

# A pasted novel is trimmed, never a crash (qutebrowser learned this with a 5,000-char pattern).
MAX_QUERY_CHARS = 200
# One-character queries scan instead of using an index, so they look at the newest messages only.
SHORT_QUERY_WINDOW = 20_000
# A chat of up to this many messages is searched by reading it, not through the index (which finds a
# common word's every match in the inbox before keeping the chat's).
CHAT_SCAN_MAX = 5_000
# Plans for 2+ characters (measured on the 1M-message bench database, docs/PERFORMANCE.md): a word
# in fewer messages than DIRECT_MATCHES has all its matches sorted by time (≈1.6 µs a match); a
# commoner one is looked for in windows of the newest messages (FIRST_WINDOW, growing 4× up to
# MAX_WINDOW) until it has walked WALK_PER_MATCH rows per match (then sorting all is cheaper).
DIRECT_MATCHES = 10_000
FIRST_WINDOW = 4_096
MAX_WINDOW = 262_144
WALK_PER_MATCH = 8
# Candidates whose text is read at once to confirm a word the driving FTS table cannot look for.
CONFIRM_BATCH = 200
# Control characters (a NUL from a paste) would end the FTS5 string: never part of a query.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
# A Korean IME left in full-width mode types "ｍ사이즈" and "３９，０００원" where customers' phones write
# "M사이즈" and "39,000원" (and the ideographic space): ASCII's full-width forms as ASCII. Not all of
# NFKC, which would also turn the 'ㅋ' of 'ㅋㅋ' into another character.
_HALF_WIDTH: dict[int, str] = {0x3000: " ", **{code: chr(code - 0xFEE0) for code in range(0xFF01, 0xFF5F)}}
SNIPPET_BEFORE = 30
SNIPPET_AFTER = 90
# A second term found beyond the snippet's reach is shown in a piece of this much text around it.
PIECE_BEFORE = 10
PIECE_AFTER = 30


@dataclass(frozen=True, slots=True)
class SearchHit:
    """A message that matched, with a plain-text snippet and where in it the match lies."""

    message_id: int
    contact_id: int
    contact_name: str
    wa_id: str | None
    direction: str
    sent_at: datetime
    snippet: str
    highlights: tuple[tuple[int, int], ...]  # (start, end) offsets into snippet
    sender_name: str | None = None  # who wrote it, in a group archive
    sent_by: str | None = None  # an outgoing message's author: None (the shop), "bot", "away"… (Message)
    archived: bool = False  # its chat is archived
    kind: str = "text"  # the message's kind (Message.kind): a photo's or a file's caption is said to be one
    # The business number it came in on or went from, as people dial it, when the shop has two or more:
    # a customer who wrote to both branches has one chat, on the number she last wrote to.
    business_number: str | None = None


# Where the next page of results starts: the last hit's (sent_at, message_id).
SearchCursor = tuple[datetime, int]


@dataclass(frozen=True, slots=True)
class ContactHit:
    contact_id: int
    display_name: str
    wa_id: str | None
    order_number: str = ""  # found by the number of one of its orders ("2026-0003"), which it names
    tracking: str = ""  # found by that order's tracking number (as stored), which it names too
    label: str = ""  # found by the name of one of its labels (as shown), which it names too
    # Found by the customer's own WhatsApp name, which the name the owner saved for her does not
    # show ('최민준' typed, '민준 단골' listed): that name, which the hit names too.
    whatsapp_name: str = ""
    # Its business number as people dial it, when the shop has two or more (as the chat's row).
    business_number: str | None = None


def normalise_query(query: str) -> str:
    """The query as search reads it: NFC, no control characters, full-width letters, digits and signs
    as customers' phones write them (`_HALF_WIDTH`), trimmed and cut to MAX_QUERY_CHARS."""
    return _CONTROL.sub("", nfc(query).translate(_HALF_WIDTH)).strip()[:MAX_QUERY_CHARS]


def make_snippet(body: str, query: str) -> tuple[str, tuple[tuple[int, int], ...]]:
    """Cut `body` around the first match of `query`'s terms (any case; Korean words spacing aside), on
    one line; a term whose first match lies further on adds a short piece of its own after a '…'.
    Every match of every term inside the snippet is marked."""
    region = body[:200_000]
    firsts = sorted(m.span() for t in query_terms(query) if (m := search_pattern(t).search(region)))
    if not firsts:
        snippet = cut_to(region, SNIPPET_BEFORE + SNIPPET_AFTER)
        return _one_line(snippet) + ("…" if len(region) > len(snippet) else ""), ()
    # When the terms are far apart, each shows in a short piece, so that all fit the hit's two lines.
    reach = SNIPPET_AFTER if firsts[-1][1] <= firsts[0][1] + SNIPPET_AFTER else PIECE_AFTER
    pieces: list[tuple[int, int]] = []
    for first, last in firsts:
        if pieces and last <= pieces[-1][1]:
            continue
        before, after = (SNIPPET_BEFORE, reach) if not pieces else (PIECE_BEFORE, PIECE_AFTER)
        # Cut between user-perceived characters: never '…ินสีขาว' (a Thai vowel without its
        # letter) or half a flag before the '…'.
        start = boundary_at_or_before(region, first - before)
        end = boundary_at_or_after(region, last + after)
        if pieces and start <= pieces[-1][1]:
            pieces[-1] = (pieces[-1][0], end)
        else:
            pieces.append((start, end))
    snippet = "".join(("…" if start > 0 else "") + _one_line(region[start:end]) for start, end in pieces)
    snippet += "…" if pieces[-1][1] < len(body) else ""
    return snippet, tuple(m.span() for m in marks_pattern(query).finditer(snippet))


def _one_line(s: str) -> str:
    return re.sub(r"\s+", " ", s)


@dataclass(frozen=True, slots=True)
class _Term:
    """One word or quoted phrase of a query, as the indexes find it."""

    table: str | None  # the FTS table that finds it; None: read (one character, or two with a sign)
    match: str  # its FTS5 query in that table
    needle: str  # lower()-ed, for a read
    pattern: re.Pattern[str]  # where it is in a message's text, as the index finds it
    confirmed: bool = False  # the index finds more than it (a phone number's digits): `pattern` decides
    # Its FTS5 query in the trigram table that finds it too: two syllables spaced ('두 개' for '두개'),
    # which the bigram table holds as two words. Such a term is looked for in both, on its own.
    spaced: str = ""

    @property
    def source(self) -> str | None:
        """What finds it: its table, or its own pair of queries for a term with `spaced`."""
        return f"{self.table} {self.match} {self.spaced}" if self.spaced else self.table

    def ways(self) -> list[tuple[str, str]]:
        """Its (FTS table, query) pairs, each finding some of its messages."""
        assert self.table is not None
        return [(self.table, self.match), *([("message_fts", self.spaced)] if self.spaced else [])]


def _term(word: str, region: str | None = None) -> _Term:
    """Trigram FTS5 for 3+ characters, bigrams for two letters or digits, a read for the rest."""
    pattern = search_pattern(word)
    pair = loose_pair(word)
    if pair is not None:
        # '두개' in '두개요' (the bigram table), or in '두 개' (a trigram with its space): the pattern
        # keeps the spaced ones where one syllable is a word of its own (app/text.py `loose_pair`).
        spaced = fts_phrase(f"{pair[0]} {pair[1]}")
        return _Term("message_bigram", fts_phrase(pair), word.lower(), pattern, True, spaced)
    if len(word) >= 3:
        # '린넨셔츠' finds the customer's '린넨 셔츠', '39000' finds '39,000원': one phrase a spelling.
        phrases = " OR ".join(map(fts_phrase, search_phrases(word, region)))
        return _Term("message_fts", phrases, word.lower(), pattern, typed_phone(word) is not None)
    if is_bigram_query(word):
        return _Term("message_bigram", fts_phrase(word.casefold()), word.lower(), pattern)
    return _Term(None, "", word.lower(), pattern)


def _payload(stored: str | None) -> dict[str, Any] | None:
    try:
        found = json.loads(stored) if stored else None
    except ValueError:
        return None
    return found if isinstance(found, dict) else None


def _message_number(message: str) -> str:
    """SQL of the business number (a phone_number_id) the message `message` (an alias of its row) came
    in on or went from; its chat's for a message that kept none (an import from a phone's export)."""
    return (
        f"coalesce({message}.phone_number_id, "
        f"(SELECT nc.phone_number_id FROM contact nc WHERE nc.id = {message}.contact_id))"
    )


_HIT_SQL = f"""
SELECT m.id, m.contact_id, m.direction, m.sent_at, m.body, CASE WHEN m.extra_text != '' THEN m.payload END,
       coalesce(c.saved_name, c.profile_name, '+' || c.wa_id, ''), c.wa_id, m.sender_name,
       m.sent_by, c.archived, {OMITTED_SQL}, m.kind,
       {business_number_sql("coalesce(m.phone_number_id, c.phone_number_id)")},
       CASE WHEN m.kind = 'template' THEN m.extra_text END
  FROM message m JOIN contact c ON c.id = m.contact_id
 WHERE m.id IN ({{ids}})
"""

# A message's words as the index holds them (its body, then an interactive message's buttons and list
# rows), for the plans that read them: message as such, or as `m`.
_WORDS = SEARCH_TEXT.format(row="message")
_M_WORDS = SEARCH_TEXT.format(row="m")

# Newer than every message: the first page's keyset cursor.
_NEWEST = (2**62, 2**62)


def _of_number(message: str, number: str | None) -> str:
    """SQL that keeps the messages (`message`, an alias of their rows) that came in on or went from
    the business number bound as :number (a phone_number_id: the chat list's number chip); nothing
    without one. By the message's own number, not its chat's: a customer who wrote to both branches
    has one chat, listed under the number she wrote to last, and what she wrote to the other one is
    that one's.

    Asked of each candidate (its row is read anyway; its chat's key only for a message that kept no
    number): the plan stays the one without a number. `IN (SELECT id FROM contact WHERE …)` built the
    number's every chat into a table for each statement, 10× slower for the number with most chats (a
    one-letter word: 58 ms → 820 ms on 100,000 chats)."""
    if number is None:
        return ""
    return f" AND {_message_number(message)} = :number"


def _of_chats(message: str, chats: str | None, column: str = "contact_id") -> str:
    """SQL that keeps the messages (`message`, an alias of their rows) of the chats bound as :chats (a
    JSON list of their ids: those the chat list's filter shows); nothing without them. Asked of each
    candidate, as the number is."""
    return "" if chats is None else f" AND {message}.{column} IN (SELECT value FROM json_each(:chats))"


def scope_chat_ids(session: Session, scope: ChatScope) -> str:
    """The ids of the chats a chat-list filter shows, as a JSON list for SQL's json_each (an archived
    chat only under Archived, as the list shows them). Read once a search: a shop has thousands of
    chats, and a filter fewer (the unread ones: a handful)."""
    where, params = conversation_where(scope.kind, scope.label_id, contact_ids=False)
    rows = session.execute(
        text(f"SELECT c.id FROM contact c LEFT JOIN message m ON m.id = c.last_message_id WHERE {where}"),
        params,
    )
    return json.dumps([int(r[0]) for r in rows])


def _on_number(number: str | None) -> str:
    """SQL that keeps the contacts on the business number bound as :number; nothing without one. A
    filter only (unary +): the chats' scan stays the plan (through the number's index it read each
    chat by its key, 3× slower for the number with most chats)."""
    return "" if number is None else " AND +phone_number_id = :number"


def _since(column: str, floor: int | None) -> str:
    """SQL that keeps the rows whose `column` (a time in ms) is at or after `floor` (bound as :since);
    nothing when there is no floor."""
    return "" if floor is None else f" AND {column} >= :since"


def search_messages(
    session: Session,
    query: str,
    *,
    contact_id: int | None = None,
    limit: int = 50,
    before: SearchCursor | None = None,
    since: datetime | None = None,
    region: str = "KR",
    number: str | None = None,
    chats: ChatScope | None = None,
) -> list[SearchHit]:
    """Messages containing `query`'s words as substrings (any language), newest first by the time they were
    sent (then by id), `limit` at a time. The next page starts `before` the last hit:
    `before=(hits[-1].sent_at, hits[-1].message_id)`. With `since` (aware), only messages sent at or
    after it: each plan stops where the older messages begin (app/search_period.py says when a period
    begins).

    Each word is looked for anywhere in the message, in any order (all of them must be there); a
    phrase in double quotes is looked for whole. User text is always quoted into FTS5 phrases, so `*`,
    `NEAR` or `-` are literal. A phone number is found written any common way ('+82 10-9876-5432' finds
    '010 9876 5432'), grouped as the shop's `region` writes its numbers too. With `number` (a
    phone_number_id), only the messages that came in on or went from that business number (one chat's
    search is that chat's). With `chats` (a chat-list filter), only the messages of the chats it
    shows; a few chats' messages are read through, as one chat's are."""
    q = normalise_query(query)
    if not q or limit <= 0:
        return []
    terms = [_term(t, region) for t in query_terms(q)]
    if not terms:
        return []
    cursor = _NEWEST if before is None else (to_millis(before[0]), int(before[1]))
    # Without a period every plan runs the very SQL it ran before periods existed.
    floor = None if since is None else to_millis(since)
    if floor is not None and cursor[0] < floor:
        return []  # the page before was the period's last
    if contact_id is not None:
        number = None
    kept = None  # the filter's chats, as JSON
    if contact_id is None and chats is not None and chats.narrows:
        kept = scope_chat_ids(session, chats)
        if kept == "[]":
            return []
    if contact_id is not None and len(q) >= 2 and _chat_is_small(session, contact_id):
        ids = _chat_scan_ids(session, terms, contact_id, limit, cursor, floor)
    elif kept is not None and len(q) >= 2 and _chats_are_small(session, kept):
        ids = _chat_scan_ids(session, terms, None, limit, cursor, floor, number, kept)
    elif any(t.table for t in terms):
        ids = _fts_ids(session, terms, contact_id, limit, cursor, floor, number, kept)
    else:
        ids = _scan_ids(session, [t.needle for t in terms], contact_id, limit, cursor, floor, number, kept)
    # A cart's bubble shows its items' names, which are not in its text: found through its order.
    needles = [t.needle for t in terms]
    carts = _cart_items(session, needles, contact_id, limit, cursor, floor, number, kept)
    # Its card shows the order's number, which a customer quotes ("주문번호 2026-0007").
    numbered = _numbered_carts(session, query_terms(q), contact_id, limit, cursor, floor, number, kept)
    for mid, shown_number in numbered.items():
        carts.setdefault(mid, shown_number[1])
    if carts:
        ids = list(dict.fromkeys([*ids, *carts]))
    if not ids:
        return []
    rows = session.execute(text(_HIT_SQL.format(ids=",".join(str(int(i)) for i in ids)))).all()
    hits = []
    for (
        mid,
        cid,
        direction,
        sent_ms,
        body,
        payload,
        name,
        wa_id,
        sender,
        sent_by,
        archived,
        omitted,
        kind,
        on,
        template_buttons,
    ) in rows:
        shown = body or ""
        if template_buttons:
            # A template found by its "▸ 수신 거부" button: under its text, as its bubble shows it.
            shown = search_text(shown, template_buttons)
        elif payload is not None:
            # A menu found by its "▸ 배송 조회" row: its words in the order its bubble shows them.
            shown = shown_text(shown, _payload(payload))
        if omitted:
            # A photo the phone's export left out: its caption, as its bubble shows it, not the
            # phone's "<미디어 없음>" line above it.
            shown = omitted_caption(shown) or shown
        if mid in carts and not all(t.needle in shown.lower() for t in terms):
            shown = carts[mid]
        snippet, highlights = make_snippet(shown, q)
        if mid in numbered and shown == numbered[mid][1] and not highlights:
            highlights = ((0, len(numbered[mid][0])),)  # "20260007" typed: its number is the match
        hits.append(
            SearchHit(
                message_id=mid,
                contact_id=cid,
                contact_name=_shown(name, wa_id),
                wa_id=wa_id,
                direction=direction,
                sent_at=datetime.fromtimestamp(sent_ms / 1000, tz=UTC),
                snippet=snippet,
                highlights=highlights,
                sender_name=sender,
                sent_by=sent_by,
                archived=bool(archived),
                kind=str(kind or "text"),
                business_number=on,
            )
        )
    hits.sort(key=lambda h: (h.sent_at, h.message_id), reverse=True)
    # Both sources gave their newest `limit` before the cursor: the newest `limit` of the two is exact.
    return hits[:limit]


def newest_only(
    session: Session,
    query: str,
    *,
    contact_id: int | None = None,
    before: SearchCursor | None = None,
    since: datetime | None = None,
) -> bool:
    """Whether `search_messages` with these arguments read only the newest SHORT_QUERY_WINDOW
    messages (before `before`) while older ones exist, so that its hits may not be all there are:
    a query of one-letter words (or signs) across every chat, on a long history."""
    q = normalise_query(query)
    if not q or contact_id is not None:
        return False
    terms = [_term(t) for t in query_terms(q)]
    if not terms or any(t.table for t in terms):
        return False
    cursor = _NEWEST if before is None else (to_millis(before[0]), int(before[1]))
    floor = None if since is None else to_millis(since)
    beyond = session.execute(
        text(
            f"SELECT 1 FROM message WHERE (sent_at, id) < (:bt, :bi){_since('sent_at', floor)} "
            f"ORDER BY sent_at DESC, id DESC LIMIT 1 OFFSET {SHORT_QUERY_WINDOW}"
        ),
        {"bt": cursor[0], "bi": cursor[1], "since": floor},
    ).first()
    return beyond is not None


# Carts whose order has a line named with the needle, newest first: the lines are scanned (orders are
# few beside messages), and the matching orders sorted by when they were made. A cart's order is made
# at the cart's time (app/orders.order_from_cart: created_at is the message's sent_at), so its
# (created_at, message_id) orders and pages as the message's (sent_at, id) does; the messages are read
# only for the page's hits, since their time sits behind the body and payload in each row.
# A line whose name or option holds each needle (LIKE: any case for Latin letters, as the search's lower()).
def _line_matches(needles: int) -> str:
    return " AND ".join(
        rf"(l.name LIKE :pattern{i} ESCAPE '\' OR l.option LIKE :pattern{i} ESCAPE '\')"
        for i in range(needles)
    )


def _cart_page(
    contact_id: int | None,
    limit: int,
    cursor: tuple[int, int],
    floor: int | None,
    number: str | None,
    chats: str | None = None,
) -> tuple[dict[str, Any], str]:
    """What both cart searches page and filter by: the parameters (the page of `limit` before `cursor`,
    from `floor`; the chat or business number) and the SQL that follows the cursor's condition."""
    params: dict[str, Any] = {
        "limit": limit,
        "bt": cursor[0],
        "bi": cursor[1],
        "since": floor,
        "number": number,
        "chats": chats,
    }
    # The message's chat and number, not the order's: a number change moves a chat's messages, not
    # its orders; a cart is on the number it came in on, as any message hit.
    if contact_id is not None:
        params["contact"] = contact_id
        chat_filter = "AND (SELECT m.contact_id FROM message m WHERE m.id = o.message_id) = :contact"
    elif number is not None or chats is not None:
        kept = f"{_of_number('cm', number)}{_of_chats('cm', chats)}"
        chat_filter = f"AND EXISTS (SELECT 1 FROM message cm WHERE cm.id = o.message_id{kept})"
    else:
        chat_filter = ""
    return params, f"{_since('o.created_at', floor)} {chat_filter}"


_CART_IDS_SQL = """
SELECT o.message_id
  FROM (SELECT DISTINCT l.order_id AS oid FROM order_line l WHERE {matches}) AS c
       CROSS JOIN "order" o ON o.id = c.oid
 WHERE o.source = 'cart' AND o.message_id IS NOT NULL
   AND (o.created_at, o.message_id) < (:bt, :bi){page}
 ORDER BY o.created_at DESC, o.message_id DESC LIMIT :limit
"""
_CART_NAMES_SQL = """
SELECT o.message_id, group_concat(l.name || CASE WHEN l.option != '' THEN ' (' || l.option || ')' ELSE '' END,
                                  ' · ')
  FROM "order" o JOIN order_line l ON l.order_id = o.id
 WHERE o.message_id IN ({ids}) AND {matches}
 GROUP BY o.message_id
"""


def _cart_items(
    session: Session,
    needles: list[str],
    contact_id: int | None,
    limit: int,
    cursor: tuple[int, int],
    floor: int | None = None,
    number: str | None = None,
    chats: str | None = None,
) -> dict[int, str]:
    """Cart messages whose order has an item named with every needle, newest first: message id → the
    matching items' names (what the hit shows when the cart's own text does not match). Any query
    length works."""
    patterns = {f"pattern{i}": like_pattern(needle) for i, needle in enumerate(needles)}
    matches = _line_matches(len(needles))
    params, page = _cart_page(contact_id, limit, cursor, floor, number, chats)
    params.update(patterns)
    ids_sql = _CART_IDS_SQL.format(matches=matches, page=page)
    ids = [int(r[0]) for r in session.execute(text(ids_sql), params)]
    if not ids:
        return {}
    names_sql = _CART_NAMES_SQL.format(ids=",".join(map(str, ids)), matches=matches)
    names = {int(mid): str(found) for mid, found in session.execute(text(names_sql), patterns)}
    return {mid: names.get(mid, "") for mid in ids}


_NUMBERED_SQL = """
SELECT o.message_id, o.number,
       (SELECT group_concat(l.name, ' · ') FROM order_line l WHERE l.order_id = o.id)
  FROM "order" o
 WHERE o.source = 'cart' AND o.message_id IS NOT NULL AND {numbers} {matches}
   AND (o.created_at, o.message_id) < (:bt, :bi){page}
 ORDER BY o.created_at DESC, o.message_id DESC LIMIT :limit
"""


def _numbered_carts(
    session: Session,
    words: list[str],
    contact_id: int | None,
    limit: int,
    cursor: tuple[int, int],
    floor: int | None = None,
    number: str | None = None,
    chats: str | None = None,
) -> dict[int, tuple[str, str]]:
    """Cart messages whose order has the number a word of the query names (`typed_order_number`),
    and an item named with each other word, newest first: message id → (the order's number, what the
    hit shows: the number, then its items' names). Nothing is read for a query without such a word."""
    typed = [typed_order_number(word) for word in words]
    if not any(typed):
        return {}
    numbers: list[str] = []
    needles: list[str] = []
    params, page = _cart_page(contact_id, limit, cursor, floor, number, chats)
    for i, (word, order) in enumerate(zip(words, typed, strict=True)):
        if order is None:
            params[f"pattern{len(needles)}"] = like_pattern(word.lower())
            needles.append(word)
        elif order.number is not None:
            numbers.append(f"o.number = :number{i}")  # the unique index finds it
            params[f"number{i}"] = order.number
        else:
            numbers.append(f"substr(o.number, 6) = :number{i}")  # "0007" of any year: orders are few
            params[f"number{i}"] = order.tail
    matches = ""
    if needles:
        lines = _line_matches(len(needles))
        matches = f"AND EXISTS (SELECT 1 FROM order_line l WHERE l.order_id = o.id AND {lines})"
    sql = _NUMBERED_SQL.format(numbers=" AND ".join(numbers), matches=matches, page=page)
    return {
        int(mid): (str(number), " · ".join(filter(None, [str(number), names or ""])))
        for mid, number, names in session.execute(text(sql), params)
    }


def _chat_is_small(session: Session, contact_id: int) -> bool:
    count = session.execute(
        text("SELECT count(*) FROM (SELECT 1 FROM message WHERE contact_id = :c LIMIT :n)"),
        {"c": contact_id, "n": CHAT_SCAN_MAX + 1},
    ).scalar_one()
    return int(count) <= CHAT_SCAN_MAX


def _chats_are_small(session: Session, chats: str) -> bool:
    """Whether the chats of `chats` (JSON ids) have CHAT_SCAN_MAX messages or fewer between them."""
    count = session.execute(
        text(
            "SELECT count(*) FROM (SELECT 1 FROM message "
            "WHERE contact_id IN (SELECT value FROM json_each(:chats)) LIMIT :n)"
        ),
        {"chats": chats, "n": CHAT_SCAN_MAX + 1},
    ).scalar_one()
    return int(count) <= CHAT_SCAN_MAX


def _chat_scan_ids(
    session: Session,
    terms: list[_Term],
    contact_id: int | None,
    limit: int,
    cursor: tuple[int, int],
    floor: int | None = None,
    number: str | None = None,
    chats: str | None = None,
) -> list[int]:
    """One chat's messages (or those of `chats`, on `number`) read newest first and matched here
    (each term's `search_pattern`, the index's first FTS_BODY_CHARS of each): a small chat's whole text
    costs less than every match in the inbox, which the index gives before the chat's are kept
    (docs/PERFORMANCE.md)."""
    patterns = [t.pattern for t in terms]
    # Several chats: each one's messages through its index, sorted here (unary +: not the time index,
    # which would walk the inbox for them).
    which = "contact_id = :c" if chats is None else "contact_id IN (SELECT value FROM json_each(:chats))"
    order = "sent_at DESC, id DESC" if chats is None else "+sent_at DESC, +id DESC"
    rows = session.execute(
        text(
            f"SELECT id, {_WORDS} FROM message WHERE {which} AND (sent_at, id) < (:bt, :bi)"
            f"{_since('sent_at', floor)}{_of_number('message', number)} ORDER BY {order}"
        ),
        {"c": contact_id, "chats": chats, "bt": cursor[0], "bi": cursor[1], "since": floor, "number": number},
    )
    found: list[int] = []
    for message_id, body in rows:
        if body and all(p.search(body, 0, FTS_BODY_CHARS) for p in patterns):
            found.append(message_id)
            if len(found) >= limit:
                break
    return found


def _scan_ids(
    session: Session,
    needles: list[str],
    contact_id: int | None,
    limit: int,
    cursor: tuple[int, int],
    floor: int | None = None,
    number: str | None = None,
    chats: str | None = None,
) -> list[int]:
    """Only one-character words: no index helps, so scan one chat, or the newest SHORT_QUERY_WINDOW
    messages (of the period; those of them in the chats to `number`)."""
    params: dict[str, Any] = {
        "limit": limit,
        "bt": cursor[0],
        "bi": cursor[1],
        "since": floor,
        "number": number,
        "chats": chats,
    }
    if contact_id is not None:
        params["contact"] = contact_id
        scope = "contact_id = :contact AND"
        window = ""
    else:
        scope = ""
        window = f"LIMIT {SHORT_QUERY_WINDOW}"
    reads, read_params = _reads(needles, "words")
    params.update(read_params)
    sql = (
        f"SELECT id FROM (SELECT id, contact_id, phone_number_id, sent_at, {_WORDS} AS words FROM message "
        f"WHERE {scope} (sent_at, id) < (:bt, :bi){_since('sent_at', floor)} "
        f"ORDER BY sent_at DESC, id DESC {window}) AS w "
        # The number's messages among the newest: the window is every number's, as the count's note
        # says it ("the newest 20,000 messages"); a number with few chats is not walked to the end.
        f"WHERE 1 {reads}{_of_number('w', number)}{_of_chats('w', chats)} "
        "ORDER BY sent_at DESC, id DESC LIMIT :limit"
    )
    return [row[0] for row in session.execute(text(sql), params)]


def _reads(needles: list[str], body: str) -> tuple[str, dict[str, str]]:
    """SQL that keeps the messages whose `body` holds each needle (any case for Latin letters)."""
    sql = "".join(f" AND instr(lower({body}), :read{i}) > 0" for i in range(len(needles)))
    return sql, {f"read{i}": needle for i, needle in enumerate(needles)}


def _tables(terms: list[_Term]) -> dict[str, list[tuple[str, str]]]:
    """Each source's (FTS table, query) pairs: one table's terms all required in one query; a term with
    a spaced pair on its own, found by either of its two."""
    by_table: dict[str, list[str]] = {}
    sources: dict[str, list[tuple[str, str]]] = {}
    for t in terms:
        if t.spaced:
            sources[str(t.source)] = t.ways()
        elif t.table is not None:
            by_table.setdefault(t.table, []).append(t.match)
    for table, matches in by_table.items():
        sources[table] = [
            (table, matches[0] if len(matches) == 1 else " AND ".join(f"({m})" for m in matches))
        ]
    return sources


def _rowids(ways: list[tuple[str, str]], name: str, window: bool = False) -> tuple[str, dict[str, str]]:
    """SQL of the rowids a source's queries find (in the window :lo–:hi), and its parameters, named
    after `name`."""
    parts = []
    params: dict[str, str] = {}
    for k, (table, match) in enumerate(ways):
        parts.append(
            f"SELECT rowid FROM {table} WHERE {table} MATCH :{name}_{k}"
            + (" AND rowid BETWEEN :lo AND :hi" if window else "")
        )
        params[f"{name}_{k}"] = match
    return " UNION ALL ".join(parts), params


def _count(session: Session, ways: list[tuple[str, str]]) -> int:
    """How many messages a term's queries find, counting no further than DIRECT_MATCHES."""
    total = 0
    for table, match in ways:
        total += session.execute(
            text(f"SELECT count(*) FROM (SELECT 1 FROM {table} WHERE {table} MATCH :q LIMIT :n)"),
            {"q": match, "n": DIRECT_MATCHES - total},
        ).scalar_one()
        if total >= DIRECT_MATCHES:
            break  # common enough for the windows: the other way's count changes nothing
    return min(total, DIRECT_MATCHES)


@dataclass(frozen=True, slots=True)
class _Check:
    """A pattern a candidate's text is read for, unless `exact` (SQL over the candidate `m`, naming
    parameters of its own) says its index match was exact: a pair's bigram match is ('두개' in
    '두개요'), its spaced trigram match is not ('택배 송장' for 배송)."""

    pattern: re.Pattern[str]
    exact: str = "0"


def _checks(
    terms: list[_Term], exact_for: list[_Term], window: bool = False
) -> tuple[list[_Check], dict[str, str]]:
    """The checks of these confirmed `terms`, those of `exact_for` (pairs) skipped where their bigram
    match found the candidate (in the window :lo–:hi); and the parameters of their SQL."""
    checks: list[_Check] = []
    params: dict[str, str] = {}
    for i, t in enumerate(terms):
        if t.spaced and t in exact_for:
            bounds = " AND rowid BETWEEN :lo AND :hi" if window else ""
            exact = f"m.id IN (SELECT rowid FROM {t.table} WHERE {t.table} MATCH :exact{i}{bounds})"
            checks.append(_Check(t.pattern, exact))
            params[f"exact{i}"] = t.match
        else:
            checks.append(_Check(t.pattern))
    return checks, params


def _flags(checks: list[_Check]) -> str:
    """The SELECT's columns after m.id: for each check, whether its index match was exact."""
    return "".join(f", {c.exact}" for c in checks)


def _confirmed(
    session: Session, rows: Iterable[Sequence[Any]], checks: list[_Check], limit: int
) -> list[int]:
    """Of these candidates (in time order: id, then a flag per check), the first `limit` that pass
    every check: their texts read a batch at a time, until the page is full (only those a check
    needs)."""
    found: list[int] = []
    candidates = iter(rows)
    while len(found) < limit and (batch := list(itertools.islice(candidates, CONFIRM_BATCH))):
        wanted = [int(row[0]) for row in batch if not all(row[1:])]
        bodies: dict[int, str | None] = {}
        if wanted:
            read = text(f"SELECT id, {_WORDS} FROM message WHERE id IN ({','.join(map(str, wanted))})")
            bodies = {i: body for i, body in session.execute(read)}
        for row in batch:
            said = bodies.get(int(row[0])) or ""
            if all(
                flag or c.pattern.search(said, 0, FTS_BODY_CHARS)
                for c, flag in zip(checks, row[1:], strict=True)
            ):
                found.append(int(row[0]))
    return found[:limit]


def _fts_ids(
    session: Session,
    terms: list[_Term],
    contact_id: int | None,
    limit: int,
    cursor: tuple[int, int],
    floor: int | None = None,
    number: str | None = None,
    chats: str | None = None,
) -> list[int]:
    """Ids of messages with every term (in the chats to `number` when given), newest first. When the
    rarest term is in fewer than DIRECT_MATCHES messages, all the matches of its table's query are
    sorted by time; else they are looked for window by window among the newest messages
    (docs/PERFORMANCE.md has the measurements behind the numbers). Terms of the other table are
    confirmed in each candidate's text (asking both tables for every match of a common word costs
    more than the reading)."""
    tables = _tables(terms)
    reads, read_params = _reads([t.needle for t in terms if t.table is None], _M_WORDS)
    found: list[int] = []
    # The rarest term sets the plan: FTS5 skips along its matches to find the others' (an AND of two
    # common words has its few matches found by walking both words' every match).
    counts: dict[str, int] = {}
    if contact_id is None or len(tables) > 1:
        for t in terms:
            if t.source is not None:
                count = _count(session, t.ways())
                counts[t.source] = min(counts.get(t.source, count), count)
    drive = min(tables, key=lambda source: counts.get(source, 0))
    # A term the index only narrows down (a phone number, two syllables spaced) is read in each
    # candidate: those of a window, or those of every match.
    windowed_confirm = [t for t in terms if t.confirmed]
    if contact_id is None and counts[drive] >= DIRECT_MATCHES:
        found, cursor, done = _windowed_ids(
            session,
            tables,
            reads,
            read_params,
            limit,
            cursor,
            counts[drive],
            floor,
            number,
            windowed_confirm,
            chats,
        )
        if done:
            return found
    confirm = [t for t in terms if t.source not in (drive, None) or t.confirmed]
    # The driving pair's bigram matches need no reading (the others' would list every match).
    checks, exact = _checks(confirm, [t for t in confirm if t.source == drive])
    chat_filter = "AND m.contact_id = :contact" if contact_id is not None else ""
    rowids, queries = _rowids(tables[drive], "q")
    params: dict[str, Any] = {**queries, **exact}
    sql = (
        f"SELECT m.id{_flags(checks)} FROM message m WHERE m.id IN ({rowids}) "
        # The period's bound only filters (unary +): the FTS matches still drive, as without one.
        f"AND (m.sent_at, m.id) < (:bt, :bi){_since('+m.sent_at', floor)} {chat_filter}{reads}"
        f"{_of_number('m', number)}{_of_chats('m', chats)} "
        "ORDER BY m.sent_at DESC, m.id DESC" + ("" if confirm else " LIMIT :limit")
    )
    params.update(
        {
            "bt": cursor[0],
            "bi": cursor[1],
            "limit": limit - len(found),
            "since": floor,
            "number": number,
            "chats": chats,
        }
    )
    params.update(read_params)
    if contact_id is not None:
        params["contact"] = contact_id
    with session.execute(text(sql), params) as rows:
        if not confirm:
            return found + [int(row[0]) for row in rows]
        # The candidates' texts are read a batch at a time, in time order, until the page is full
        # (the candidates themselves only as far as that needs).
        return found + _confirmed(session, rows, checks, limit - len(found))


_WINDOW_END = text(
    "SELECT sent_at, id FROM message WHERE (sent_at, id) < (:bt, :bi) "
    "ORDER BY sent_at DESC, id DESC LIMIT 1 OFFSET :skip"
)
# The same, for a period: a window ends at the period's start at the latest.
_WINDOW_END_SINCE = text(
    "SELECT sent_at, id FROM message WHERE (sent_at, id) < (:bt, :bi) AND sent_at >= :since "
    "ORDER BY sent_at DESC, id DESC LIMIT 1 OFFSET :skip"
)
_WINDOW_IDS = text(
    "SELECT min(id), max(id) FROM message WHERE (sent_at, id) >= (:wt, :wi) AND (sent_at, id) < (:bt, :bi)"
)


def _windowed_ids(
    session: Session,
    tables: dict[str, list[tuple[str, str]]],
    reads: str,
    read_params: dict[str, str],
    limit: int,
    cursor: tuple[int, int],
    matches: int,
    floor: int | None = None,
    number: str | None = None,
    confirm: list[_Term] | None = None,
    chats: str | None = None,
) -> tuple[list[int], tuple[int, int], bool]:
    """Walk the newest messages a window at a time (index on sent_at, id), asking each FTS table only
    for the rowid range the window spans. Exact: a window holds every message newer than its oldest
    one. Returns the ids found, where the walk stopped, and whether it is done; it stops early once
    it has walked so many rows that sorting every match would have been cheaper. With a `floor`, the
    last window ends at it: the walk is done where the period begins. A window's candidates are
    read for the `confirm` patterns, when there are any."""
    found: list[int] = []
    bt, bi = cursor
    window = FIRST_WINDOW
    walked = 0
    parts = []
    queries: dict[str, str] = {}
    for i, ways in enumerate(tables.values()):
        rowids, params = _rowids(ways, f"q{i}", window=True)
        parts.append(f"m.id IN ({rowids})")
        queries.update(params)
    matched = " AND ".join(parts)
    checks, exact = _checks(confirm or [], confirm or [], window=True)
    queries.update(exact)
    # A filter's chats hold a share of the matches: each window finds that share of them, and sorting
    # every match (each one's row read for its chat) is never cheaper than walking on.
    while walked <= WALK_PER_MATCH * matches or chats is not None:
        if floor is None:
            end = session.execute(_WINDOW_END, {"bt": bt, "bi": bi, "skip": window - 1}).first()
        else:
            end = session.execute(
                _WINDOW_END_SINCE, {"bt": bt, "bi": bi, "skip": window - 1, "since": floor}
            ).first()
        oldest = -(2**62) if floor is None else floor
        wt, wi = (end[0], end[1]) if end is not None else (oldest, -(2**62))
        lo, hi = session.execute(_WINDOW_IDS, {"wt": wt, "wi": wi, "bt": bt, "bi": bi}).one()
        if lo is None:
            return found, (bt, bi), True
        rows = session.execute(
            text(
                f"SELECT m.id{_flags(checks)} FROM message m WHERE {matched} "
                "AND (m.sent_at, m.id) < (:bt, :bi) AND (m.sent_at, m.id) >= (:wt, :wi)"
                f"{reads}{_of_number('m', number)}{_of_chats('m', chats)} "
                "ORDER BY m.sent_at DESC, m.id DESC" + ("" if confirm else " LIMIT :limit")
            ),
            {**queries, **read_params, "lo": lo, "hi": hi, "bt": bt, "bi": bi, "wt": wt, "wi": wi,
             "limit": limit - len(found), "number": number, "chats": chats},
        )  # fmt: skip
        # Read as far as the page needs: a common pair's window holds hundreds of candidates.
        with rows:
            found += (
                _confirmed(session, rows, checks, limit - len(found)) if confirm else [r[0] for r in rows]
            )
        if len(found) >= limit or end is None:
            return found, (wt, wi), True
        bt, bi = wt, wi
        walked += window
        window = min(window * 4, MAX_WINDOW)
    return found, (bt, bi), False


def search_contacts(
    session: Session,
    query: str,
    *,
    limit: int = 20,
    shown_labels: Mapping[str, str] | None = None,
    number: str | None = None,
    chats: ChatScope | None = None,
) -> list[ContactHit]:
    """Chats whose name (saved or WhatsApp's) or phone number contains `query` (digits match any
    formatting, "0003" a number's last four; a Korean name its initials, 'ㄱㅁㅈ' for 김민지), or that
    have an order numbered so ("2026-0003", "20260003", "0003": `typed_order_number`), or a label
    whose name contains it (spaces aside: `spaced_match`; a built-in label by its name as
    `shown_labels` shows it), most recent first; only chats the list shows (with messages), and with
    `number` (a phone_number_id) only those to that business number; with `chats` (a chat-list
    filter), only those it shows."""
    q = normalise_query(query)
    if not q:
        return []
    kept = scope_chat_ids(session, chats) if chats is not None and chats.narrows else None
    if is_initials_query(q):
        return _contacts_by_initials(session, q, limit, number, kept)
    labels = _labels_named(session, q, shown_labels or {})
    digits = number_fragment(q)
    fold = "casefold" if needs_casefold(q) else "lower"
    clauses = [
        f"instr({fold}(coalesce(saved_name, '')), :q) > 0",
        f"instr({fold}(coalesce(profile_name, '')), :q) > 0",
    ]
    params: dict[str, Any] = {
        "q": q.casefold() if fold == "casefold" else q.lower(),
        "limit": limit,
        "number": number,
        "chats": kept,
    }
    if digits:
        clauses.append("instr(wa_id, :digits) > 0")
        params["digits"] = digits
    elif tail := number_tail(q):
        # "0003", an order's number, is also the 뒷자리 a Korean owner knows a customer by: both are found.
        clauses.append("substr(wa_id, -4) = :tail")
        params["tail"] = tail
    # A customer quotes her order's number; an order the owner made has no cart message to find.
    # The orders are read first (few: the number's index, or a read of the orders' numbers), so the
    # chats' scan only asks whether each is one of theirs.
    orders = _orders_numbered(session, q)
    if orders:
        clauses.append(f"id IN ({','.join(map(str, orders))})")
    # A shop has a handful of labels: those named so were picked above, and their chats are asked by id.
    label_ids = ",".join(map(str, labels))
    if labels:
        clauses.append(f"id IN (SELECT contact_id FROM contact_label WHERE label_id IN ({label_ids}))")
    sql = (
        f"SELECT id, {_SHOWN_NAME}, wa_id, {BUSINESS_NUMBER_SQL}, profile_name FROM contact c "
        f"WHERE last_message_at IS NOT NULL AND ({' OR '.join(clauses)})"
        f"{_on_number(number)}{_of_chats('c', kept, 'id')} "
        "ORDER BY last_message_at DESC LIMIT :limit"
    )
    hits = [
        ContactHit(
            r[0],
            _shown(r[1], r[2]),
            r[2],
            *orders.get(r[0], ("", "")),
            whatsapp_name=_whatsapp_name_found(r[1], r[4], q),
            business_number=r[3],
        )
        for r in session.execute(text(sql), params)
    ]
    if not labels or not hits:
        return hits
    carried: dict[int, str] = {}  # chat → the first (in the labels' order) of its labels named so
    rows = session.execute(
        text(
            f"SELECT contact_id, label_id FROM contact_label WHERE label_id IN ({label_ids}) "
            f"AND contact_id IN ({','.join(str(hit.contact_id) for hit in hits)})"
        )
    )
    order = list(labels)
    for contact_id, label_id in sorted(rows, key=lambda r: order.index(r[1])):
        carried.setdefault(int(contact_id), labels[int(label_id)])
    return [replace(hit, label=carried.get(hit.contact_id, "")) for hit in hits]


def _labels_named(session: Session, query: str, shown: Mapping[str, str]) -> dict[int, str]:
    """Label id → its name as shown, for the labels whose shown name contains `query` spaces aside,
    in the labels' order."""
    rows = session.execute(text("SELECT id, name FROM label ORDER BY position, id"))
    named = ((int(label_id), shown.get(name, name)) for label_id, name in rows)
    return {label_id: name for label_id, name in named if spaced_match(name, query) is not None}


def _orders_numbered(session: Session, query: str) -> dict[int, tuple[str, str]]:
    """Chat id → (number, "") of its newest order that `query` names (`typed_order_number`), or
    (number, tracking) of its newest order whose tracking number it is (`long_number`); {} for a
    query written like neither."""
    typed = typed_order_number(query)
    digits = long_number(query)
    if typed is not None:
        matches = "number = :order" if typed.number is not None else "substr(number, 6) = :order"
        value = typed.number or typed.tail
    elif digits is not None:
        # Its tracking number ('6543-2109-8765' typed finds '654321098765' as stored, and the other way).
        matches = "replace(tracking, '-', '') = :order"
        value = digits
    else:
        return {}
    sql = (
        f'SELECT contact_id, number, tracking FROM "order" WHERE contact_id IS NOT NULL AND {matches} '
        "ORDER BY created_at"
    )
    rows = session.execute(text(sql), {"order": value})
    return {  # the newest last
        int(contact_id): (str(number), str(tracking or "") if typed is None else "")
        for contact_id, number, tracking in rows
    }


_SHOWN_NAME = "coalesce(saved_name, profile_name, '+' || wa_id, '')"


def _whatsapp_name_found(shown: str, profile_name: str | None, query: str) -> str:
    """The customer's WhatsApp name when it, and not the name the chat is shown by, holds `query`
    (as `name_match` finds it: in any case, or by its initials); "" otherwise."""
    if not profile_name or name_match(shown, query) is not None:
        return ""
    return profile_name if name_match(profile_name, query) is not None else ""


def _shown(name: str, wa_id: str | None) -> str:
    """A chat's name as the chat list shows it: a contact known only by number is named as WhatsApp
    names one ("+82 10-5555-1234"), not by the bare digits the SQL gives."""
    return number_name(wa_id) if wa_id and name == f"+{wa_id}" else name


def _contacts_by_initials(
    session: Session, initials: str, limit: int, number: str | None = None, chats: str | None = None
) -> list[ContactHit]:
    """Chats whose saved or WhatsApp name has these initial consonants, most recent first: the names
    are read and their initials worked out here, the matches sorted after (a shop's chats are
    thousands: about 40 ms for 10,000, docs/PERFORMANCE.md)."""
    # Both names in one string, a line apart, so that each chat's initials are one translate().
    rows = session.execute(
        text(
            "SELECT id, last_message_at, coalesce(saved_name, '') || char(10) || coalesce(profile_name, '') "
            "FROM contact c WHERE last_message_at IS NOT NULL"
            f"{_on_number(number)}{_of_chats('c', chats, 'id')}"
        ),
        {"number": number, "chats": chats},
    ).all()
    found = [(at, cid) for cid, at, names in rows if initials in hangul_initials(names)]
    found.sort(reverse=True)
    ids = [cid for _at, cid in found[:limit]]
    if not ids:
        return []
    shown = session.execute(
        text(
            f"SELECT id, {_SHOWN_NAME}, wa_id, {BUSINESS_NUMBER_SQL}, profile_name FROM contact c "
            f"WHERE id IN ({','.join(map(str, ids))})"
        )
    )
    hits = {
        r[0]: ContactHit(
            r[0], r[1], r[2], whatsapp_name=_whatsapp_name_found(r[1], r[4], initials), business_number=r[3]
        )
        for r in shown
    }
    return [hits[cid] for cid in ids if cid in hits]


def hit_number_tags(
    session: Session, *, contact_id: int | None = None, number: str | None = None
) -> dict[str, str]:
    """The shop's numbers (as people dial them) → the tag a hit on it shows (`number_tags`), for a
    search with these arguments: of every number of a shop with two or more, each number's; of one
    chat, the numbers other than the chat's own (a message on the other one says it, as its bubble
    does); of one number's chats, or in a one-number shop, none."""
    if contact_id is None and number is not None:
        return {}
    tags = number_tags(shop_numbers(session))
    if contact_id is None or not tags:
        return tags
    own = session.execute(
        text(f"SELECT {BUSINESS_NUMBER_SQL} FROM contact c WHERE c.id = :c"), {"c": contact_id}
    ).scalar()
    return {shown: tag for shown, tag in tags.items() if shown != own}


def shown_hit_numbers(session: Session, ids: list[int]) -> dict[int, str | None]:
    """The business number each of these messages' hits shows now (as `search_messages` gives it:
    its own, or its chat's for one that kept none), by id; a message no longer in the inbox (a deleted
    chat, a dropped reply) is left out."""
    sql = f"""SELECT m.id, {business_number_sql("coalesce(m.phone_number_id, c.phone_number_id)")}
                FROM message m JOIN contact c ON c.id = m.contact_id WHERE m.id IN ({{ids}})"""
    numbers: dict[int, str | None] = {}
    for start in range(0, len(ids), 500):  # below SQLite's bound-parameter limit
        part = ",".join(str(int(i)) for i in ids[start : start + 500])
        numbers.update((int(mid), number) for mid, number in session.execute(text(sql.format(ids=part))))
    return numbers
