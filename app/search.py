"""Full-text search over messages: trigram FTS5 for 3+ characters, a bigram table for 2, a scan for 1."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

from app.text import fts_phrase, is_bigram_query, nfc

# A pasted novel is trimmed, never a crash (qutebrowser learned this with a 5,000-char pattern).
MAX_QUERY_CHARS = 200
# One-character queries scan instead of using an index, so they look at recent messages only.
SHORT_QUERY_WINDOW = 20_000
SNIPPET_BEFORE = 30
SNIPPET_AFTER = 90


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


@dataclass(frozen=True, slots=True)
class ContactHit:
    contact_id: int
    display_name: str
    wa_id: str | None


def normalise_query(query: str) -> str:
    return nfc(query).strip()[:MAX_QUERY_CHARS]


def make_snippet(body: str, query: str) -> tuple[str, tuple[tuple[int, int], ...]]:
    """Cut `body` around the first match of `query` (case-insensitive), on one line."""
    region = body[:200_000]
    folded = region.lower()
    needle = query.lower()
    pos = folded.find(needle) if needle else -1
    if pos < 0:
        snippet = region[: SNIPPET_BEFORE + SNIPPET_AFTER]
        return _one_line(snippet) + ("…" if len(region) > len(snippet) else ""), ()
    start = max(0, pos - SNIPPET_BEFORE)
    end = min(len(region), pos + len(needle) + SNIPPET_AFTER)
    prefix = "…" if start > 0 else ""
    snippet = prefix + _one_line(region[start:end]) + ("…" if end < len(body) else "")
    highlights = []
    # Mark every occurrence inside the snippet, not just the first.
    low = snippet.lower()
    i = low.find(needle)
    while i >= 0:
        highlights.append((i, i + len(needle)))
        i = low.find(needle, i + len(needle))
    return snippet, tuple(highlights)


def _one_line(s: str) -> str:
    return re.sub(r"\s+", " ", s)


_HIT_SQL = """
SELECT m.id, m.contact_id, m.direction, m.sent_at, m.body,
       coalesce(c.saved_name, c.profile_name, '+' || c.wa_id, ''), c.wa_id
  FROM message m JOIN contact c ON c.id = m.contact_id
 WHERE m.id IN ({ids})
"""


def search_messages(
    session: Session, query: str, *, contact_id: int | None = None, limit: int = 50
) -> list[SearchHit]:
    """Messages containing `query` as a substring (any language), newest first.

    User text is always quoted into one FTS5 phrase, so quotes, `*`, `NEAR` or `-` are literal.
    """
    q = normalise_query(query)
    if not q:
        return []
    params: dict[str, Any] = {"limit": limit}
    chat_filter = ""
    if contact_id is not None:
        params["contact"] = contact_id
        chat_filter = "AND m.contact_id = :contact"

    if len(q) >= 3:
        params["q"] = fts_phrase(q)
        ids_sql = _fts_ids_sql("message_fts", chat_filter)
    elif is_bigram_query(q):
        params["q"] = fts_phrase(q.casefold())
        ids_sql = _fts_ids_sql("message_bigram", chat_filter)
    else:
        params["needle"] = q.lower()
        scope = (
            "m.contact_id = :contact"
            if contact_id is not None
            else f"m.id > (SELECT coalesce(max(id), 0) FROM message) - {SHORT_QUERY_WINDOW}"
        )
        ids_sql = (
            f"SELECT m.id FROM message m WHERE {scope} AND instr(lower(m.body), :needle) > 0 "
            "ORDER BY m.id DESC LIMIT :limit"
        )
    ids = [row[0] for row in session.execute(text(ids_sql), params)]
    if not ids:
        return []
    rows = session.execute(text(_HIT_SQL.format(ids=",".join(str(int(i)) for i in ids)))).all()
    hits = []
    for mid, cid, direction, sent_ms, body, name, wa_id in rows:
        snippet, highlights = make_snippet(body or "", q)
        hits.append(
            SearchHit(
                message_id=mid,
                contact_id=cid,
                contact_name=name,
                wa_id=wa_id,
                direction=direction,
                sent_at=datetime.fromtimestamp(sent_ms / 1000, tz=UTC),
                snippet=snippet,
                highlights=highlights,
            )
        )
    hits.sort(key=lambda h: (h.sent_at, h.message_id), reverse=True)
    return hits


def _fts_ids_sql(table: str, chat_filter: str) -> str:
    if not chat_filter:
        # FTS5 walks its own rowids backwards and stops at the limit: fast even for common words.
        return f"SELECT rowid FROM {table} WHERE {table} MATCH :q ORDER BY rowid DESC LIMIT :limit"
    return (
        f"SELECT m.id FROM message m WHERE m.id IN (SELECT rowid FROM {table} WHERE {table} MATCH :q) "
        f"{chat_filter} ORDER BY m.id DESC LIMIT :limit"
    )


def search_contacts(session: Session, query: str, *, limit: int = 20) -> list[ContactHit]:
    """Contacts whose name or phone number contains `query` (digits match any formatting)."""
    q = normalise_query(query)
    if not q:
        return []
    digits = re.sub(r"\D", "", q)
    clauses = [
        "instr(lower(coalesce(saved_name, '')), :q) > 0",
        "instr(lower(coalesce(profile_name, '')), :q) > 0",
    ]
    params: dict[str, Any] = {"q": q.lower(), "limit": limit}
    if len(digits) >= 3:
        clauses.append("instr(wa_id, :digits) > 0")
        params["digits"] = digits.lstrip("0") or digits
    sql = (
        "SELECT id, coalesce(saved_name, profile_name, '+' || wa_id, ''), wa_id FROM contact "
        f"WHERE {' OR '.join(clauses)} ORDER BY last_message_at DESC LIMIT :limit"
    )
    return [ContactHit(r[0], r[1], r[2]) for r in session.execute(text(sql), params)]
