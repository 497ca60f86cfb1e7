"""Quick replies: saved answers under a `/shortcut`, their search ranking, and field filling on insert."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.changes import Changes
from app.demo_replies import DEMO_QUICK_REPLIES, UK_QUICK_REPLIES, US_QUICK_REPLIES
from app.drafts import read_draft_files
from app.errors import ErrorCode, InvalidInput, LimitParams, NameParams, Params, QuickReplyFileParams
from app.models import Contact, QuickReply
from app.quick_reply_files import (
    FileCheck,
    is_stored,
    prune_unused_files,
    reply_file,
    store_file,
    stored_entry,
)
from app.rules import fill_fields, shop_name_in, text_for
from app.sending import attachment_kind, mime_by_name
from app.text import hangul_initials, has_initials, nfc, starts_as_typed, typed_initials
from app.wire import TEXT_MAX, BusinessProfile, media_family

if TYPE_CHECKING:
    from app.db import Database

log = logging.getLogger(__name__)

SHORTCUT_LIMIT = 32  # the column's width, slash included
KEYWORD_LIMIT = 20
KEYWORD_LENGTH = 40
# Like qutebrowser's completion: a pasted novel must not turn every keystroke into a huge scan.
PATTERN_LIMIT = 100

# Ranks of a match, best first. The completer and search both order by (rank, position).
RANK_SHORTCUT_PREFIX = 0
RANK_SHORTCUT_CONTAINS = 1
RANK_KEYWORD = 2
RANK_TEXT = 3


class ShortcutInvalid(InvalidInput):
    """A shortcut that cannot be used; `reason` lets the UI say why in the owner's language."""

    def __init__(self, reason: str, code: ErrorCode, params: Params | None = None) -> None:
        super().__init__(code=code, params=params)
        self.reason = reason  # "empty" | "no_slash" | "spaces" | "too_long" | "taken"


class QuickReplyInvalid(InvalidInput):
    """A quick reply's text or keywords that cannot be used."""

    def __init__(self, reason: str, code: ErrorCode, params: Params | None = None) -> None:
        super().__init__(code=code, params=params)
        self.reason = reason  # "empty_text" | "text_too_long" | "missing"


@dataclass(frozen=True, slots=True)
class QuickReplyRow:
    id: int
    shortcut: str
    text: str
    media_path: str | None
    keywords: tuple[str, ...]
    position: int
    text_other_language: str = ""  # the same answer in another language ("" = none)
    # Where the attachment is on this computer and whether it is there (filled by QuickReplyLibrary,
    # which knows the data folder): "file missing — choose it again" in the list and the editor.
    media_file: Path | None = None
    media_name: str = ""
    media_missing: bool = False

    @property
    def media_kind(self) -> str:
        """What the attachment goes as, by its name (no disk read): "image", "video", "audio",
        "sticker" or "document"; "" with none."""
        if not self.media_path:
            return ""
        return media_family(mime_by_name(self.media_name or self.media_path))


@dataclass(frozen=True, slots=True)
class ContactInfo:
    """Who a quick reply is being inserted for: fills `{name}`, `{first_name}` and `{phone}`, and
    `their_words` (their newest typed messages, newest first) tell which language it goes in."""

    name: str
    phone: str  # E.164 digits (the wa_id) or "" when unknown
    their_words: tuple[str, ...] = ()


def _row(q: QuickReply) -> QuickReplyRow:
    keywords = tuple(str(k) for k in (q.keywords or []))
    return QuickReplyRow(
        q.id, q.shortcut, q.text, q.media_path, keywords, q.position, q.text_other_language or ""
    )


# --------------------------------------------------------------------------- validation


def clean_shortcut(shortcut: str) -> str:
    """NFC and trimmed, one leading `/`; raises ShortcutInvalid when it is not `/word` with no spaces."""
    shortcut = nfc(shortcut).strip()
    if shortcut.startswith("/"):
        # A new reply's field starts with "/" already, and the owner types "/포장" out of habit:
        # "//포장" was kept, and "/포장" typed in a chat found it only as a shortcut containing it.
        shortcut = "/" + shortcut.lstrip("/")
    if shortcut in ("", "/"):
        raise ShortcutInvalid("empty", ErrorCode.SHORTCUT_EMPTY)
    if not shortcut.startswith("/"):
        raise ShortcutInvalid("no_slash", ErrorCode.SHORTCUT_NO_SLASH)
    if any(ch.isspace() for ch in shortcut):
        raise ShortcutInvalid("spaces", ErrorCode.SHORTCUT_HAS_SPACES)
    if len(shortcut) > SHORTCUT_LIMIT:
        raise ShortcutInvalid("too_long", ErrorCode.SHORTCUT_TOO_LONG, LimitParams(SHORTCUT_LIMIT))
    return shortcut


def _check_unique(session: Session, shortcut: str, keep_id: int | None) -> None:
    for other_id, other in session.execute(select(QuickReply.id, QuickReply.shortcut)):
        if other_id != keep_id and other.casefold() == shortcut.casefold():
            raise ShortcutInvalid("taken", ErrorCode.SHORTCUT_TAKEN, NameParams(other))


def clean_text(text: str) -> str:
    """The reply's text, NFC and trimmed; QuickReplyInvalid when empty or longer than a message."""
    text = nfc(text).strip()
    if not text:
        raise QuickReplyInvalid("empty_text", ErrorCode.QUICK_REPLY_EMPTY)
    if len(text) > TEXT_MAX:
        raise QuickReplyInvalid("text_too_long", ErrorCode.QUICK_REPLY_TOO_LONG, LimitParams(TEXT_MAX))
    return text


def clean_other_language(text: str) -> str:
    """The optional other-language text: may be empty, else as long as a message may be."""
    text = nfc(text).strip()
    if len(text) > TEXT_MAX:
        raise QuickReplyInvalid("text_too_long", ErrorCode.QUICK_REPLY_TOO_LONG, LimitParams(TEXT_MAX))
    return text


def clean_keywords(keywords: Iterable[str]) -> list[str]:
    """Trimmed, de-duplicated (case-insensitively), capped in number and length."""
    out: list[str] = []
    seen: set[str] = set()
    for raw in keywords:
        word = " ".join(nfc(raw).split())[:KEYWORD_LENGTH]
        if word and word.casefold() not in seen:
            seen.add(word.casefold())
            out.append(word)
    return out[:KEYWORD_LIMIT]


# --------------------------------------------------------------------------- CRUD


def list_quick_replies(session: Session) -> list[QuickReplyRow]:
    return [_row(q) for q in session.scalars(select(QuickReply).order_by(QuickReply.position, QuickReply.id))]


def get_quick_reply(session: Session, reply_id: int) -> QuickReplyRow | None:
    q = session.get(QuickReply, reply_id)
    return None if q is None else _row(q)


def add_quick_reply(
    session: Session,
    shortcut: str,
    text: str,
    *,
    media_path: str | None = None,
    keywords: Iterable[str] = (),
    text_other_language: str = "",
) -> QuickReplyRow:
    shortcut = clean_shortcut(shortcut)
    _check_unique(session, shortcut, None)
    last = session.scalar(select(func.max(QuickReply.position)))
    q = QuickReply(
        shortcut=shortcut,
        text=clean_text(text),
        media_path=media_path or None,
        keywords=clean_keywords(keywords),
        position=0 if last is None else last + 1,
        text_other_language=clean_other_language(text_other_language),
    )
    session.add(q)
    session.flush()
    return _row(q)


def update_quick_reply(
    session: Session,
    reply_id: int,
    *,
    shortcut: str,
    text: str,
    media_path: str | None = None,
    keywords: Iterable[str] = (),
    text_other_language: str = "",
) -> QuickReplyRow:
    q = session.get(QuickReply, reply_id)
    if q is None:
        raise QuickReplyInvalid("missing", ErrorCode.QUICK_REPLY_GONE)
    shortcut = clean_shortcut(shortcut)
    _check_unique(session, shortcut, reply_id)
    q.shortcut = shortcut
    q.text = clean_text(text)
    q.media_path = media_path or None
    q.keywords = clean_keywords(keywords)
    q.text_other_language = clean_other_language(text_other_language)
    session.flush()
    return _row(q)


def delete_quick_reply(session: Session, reply_id: int) -> QuickReplyRow | None:
    """Delete a reply; returns it as it was (for `restore_quick_reply`), None when it was gone."""
    q = session.get(QuickReply, reply_id)
    if q is None:
        return None
    row = _row(q)
    session.delete(q)
    return row


def restore_quick_reply(session: Session, row: QuickReplyRow) -> QuickReplyRow:
    """Put a deleted reply back in its place in the owner's order, under its own id when no reply took
    it since; ShortcutInvalid "taken" when a reply with its shortcut was made meanwhile."""
    shortcut = clean_shortcut(row.shortcut)
    _check_unique(session, shortcut, None)
    for later in session.scalars(select(QuickReply).where(QuickReply.position >= row.position)):
        later.position += 1
    q = QuickReply(
        shortcut=shortcut,
        text=row.text,
        media_path=row.media_path,
        keywords=list(row.keywords),
        position=row.position,
        text_other_language=row.text_other_language,
    )
    if session.get(QuickReply, row.id) is None:
        q.id = row.id
    session.add(q)
    session.flush()
    return _row(q)


def reorder_quick_replies(session: Session, reply_ids: Sequence[int]) -> None:
    """Store this order; replies not named keep their relative order after the named ones."""
    named = list(dict.fromkeys(reply_ids))
    current = session.scalars(select(QuickReply).order_by(QuickReply.position, QuickReply.id)).all()
    by_id = {q.id: q for q in current}
    order = [by_id[i] for i in named if i in by_id] + [q for q in current if q.id not in set(named)]
    for position, q in enumerate(order):
        q.position = position


def move_quick_reply(session: Session, reply_id: int, to_index: int) -> None:
    """Move one reply to `to_index` in the list (clamped), shifting the others."""
    ids = [q.id for q in list_quick_replies(session)]
    if reply_id not in ids:
        return
    ids.remove(reply_id)
    ids.insert(max(0, min(to_index, len(ids))), reply_id)
    reorder_quick_replies(session, ids)


# --------------------------------------------------------------------------- search and ranking


def normalise_pattern(pattern: str) -> str:
    """What the owner typed after `/` (or in the search box), ready to compare: NFC, casefolded."""
    pattern = nfc(pattern[:PATTERN_LIMIT]).strip()
    return pattern.removeprefix("/").casefold()


def match_rank(
    pattern: str, shortcut: str, text: str, keywords: Iterable[str] = (), other_text: str = ""
) -> int | None:
    """How well a quick reply matches a normalised pattern (lower is better), None when it does not.

    Shortcut-prefix matches come first, then shortcuts containing the pattern, then keywords, then
    the text. An empty pattern matches everything equally, so the owner's own order shows. Korean is
    found as it is typed: the syllable still being composed ('/뱃' on the way to '/배송') and initial
    consonants ('/ㅂㅅ', as Korean phones find names) find the shortcut; two or more, a keyword.
    """
    if not pattern:
        return RANK_SHORTCUT_PREFIX
    name = nfc(shortcut).removeprefix("/").casefold()
    if starts_as_typed(name, pattern):
        return RANK_SHORTCUT_PREFIX
    if pattern in name:
        return RANK_SHORTCUT_CONTAINS
    initials = typed_initials(pattern)
    if initials is not None:
        if hangul_initials(name).startswith(initials):
            return RANK_SHORTCUT_PREFIX
        if initials in hangul_initials(name):
            return RANK_SHORTCUT_CONTAINS
    if any(pattern in nfc(k).casefold() for k in keywords):
        return RANK_KEYWORD
    if initials is not None and len(initials) > 1 and has_initials(initials, *(nfc(k) for k in keywords)):
        return RANK_KEYWORD
    if pattern in nfc(text).casefold() or pattern in nfc(other_text).casefold():
        return RANK_TEXT
    return None


def rank_quick_replies(rows: Iterable[QuickReplyRow], pattern: str) -> list[QuickReplyRow]:
    """The rows matching `pattern`, best first, the owner's order among equals."""
    p = normalise_pattern(pattern)
    ranked = []
    for row in rows:
        rank = match_rank(p, row.shortcut, row.text, row.keywords, row.text_other_language)
        if rank is not None:
            ranked.append((rank, row.position, row.id, row))
    ranked.sort(key=lambda t: t[:3])
    return [t[3] for t in ranked]


def search_quick_replies(session: Session, pattern: str) -> list[QuickReplyRow]:
    # Quick replies are a few dozen rows: ranking in Python keeps one definition of "a match".
    return rank_quick_replies(list_quick_replies(session), pattern)


# --------------------------------------------------------------------------- field filling


def contact_info(session: Session, contact_id: int) -> ContactInfo | None:
    """The name and number a quick reply's fields are filled with, for one contact."""
    c = session.get(Contact, contact_id)
    if c is None:
        return None
    return ContactInfo(name=c.saved_name or c.profile_name or "", phone=c.wa_id or "")


def reply_text(row: QuickReplyRow, contact: ContactInfo | None) -> str:
    """The reply's text for this customer: its other-language text when they write in other letters
    than the reply's (their recent messages together decide, as for the greeting), else its text."""
    words = " ".join(contact.their_words) if contact is not None else ""
    return text_for(row.text, row.text_other_language, words or None)


def fill_quick_reply(text: str, contact: ContactInfo | None, profile: BusinessProfile | None) -> str:
    """The text with `{name}`, `{first_name}`, `{phone}` and `{shop}` filled (same rules as the relay)."""
    return fill_fields(
        text,
        name=contact.name if contact else "",
        phone=contact.phone if contact else "",
        shop=shop_name_in(profile, text) if profile else "",
    )


def attachment_of(row: QuickReplyRow, check: FileCheck | None = None) -> Path | None:
    """The file to attach when `row` is used (None for a reply without one), as the library found it
    (`QuickReplyLibrary.all`); InvalidInput QUICK_REPLY_FILE_MISSING when it was moved or deleted
    (since the list was read too), so the owner is told to choose it again instead of the reply going
    without its photo unnoticed. `check` is the composer's own check of a file attached by hand
    (ui's `attachable`): a file WhatsApp would refuse (an older reply's 20 MB video, kept as the
    owner's own path) raises what attaching it by hand raises. Blocking (a stat, as attaching)."""
    if not row.media_path:
        return None
    path = row.media_file
    if row.media_missing or path is None or not path.is_file():
        raise InvalidInput(
            code=ErrorCode.QUICK_REPLY_FILE_MISSING, params=QuickReplyFileParams(row.shortcut, row.media_name)
        )
    if check is not None:
        check(path)
    return path


QUICK_REPLIES_CHANGED = Changes(quick_replies=True)


class QuickReplyLibrary:
    """The quick replies of one database, for the UI's ops: each call is one short session; a change
    returns its Changes (the composer's completer and any open manager re-read the list).

    An attachment given to `add` or `update` that is not already the reply's is a file the owner
    chose: it is copied into the data folder first (app/quick_reply_files.py) after `check`, the
    composer's own check of an attached file, so a reply takes what a message takes. Blocking
    (database and disk): off the GUI thread.
    """

    def __init__(
        self, db: Database, data_dir: Path | None = None, *, check: FileCheck = attachment_kind
    ) -> None:
        self.db = db
        # Where the replies' files are kept: ui/ passes AppPaths.data_dir; by default the database's
        # own folder, which is the data folder in the app (AppPaths.database).
        self.data_dir = data_dir if data_dir is not None else db.path.parent
        self.check = check

    def _with_file(self, row: QuickReplyRow) -> QuickReplyRow:
        if not row.media_path:
            return row
        found = reply_file(self.data_dir, row.media_path)
        return replace(row, media_file=found.path, media_name=found.name, media_missing=found.missing)

    def _entry(self, media_path: str | None, current: str | None) -> str | None:
        """What the reply keeps: unchanged (a missing file too: editing the text must not need it),
        or the stored copy of a newly chosen file."""
        if not media_path:
            return None
        if media_path == current or is_stored(media_path):
            return media_path
        return store_file(self.data_dir, Path(media_path), self.check)

    def all(self) -> list[QuickReplyRow]:
        with self.db.read() as s:
            rows = list_quick_replies(s)
        return [self._with_file(row) for row in rows]

    def add(
        self,
        shortcut: str,
        text: str,
        *,
        media_path: str | None = None,
        keywords: Iterable[str] = (),
        text_other_language: str = "",
    ) -> tuple[QuickReplyRow, Changes]:
        with self.db.read() as s:  # a refused shortcut or text before a file is copied for nothing
            _check_unique(s, clean_shortcut(shortcut), None)
        clean_text(text)
        entry = self._entry(media_path, None)
        with self.db.write() as s:
            row = add_quick_reply(
                s,
                shortcut,
                text,
                media_path=entry,
                keywords=keywords,
                text_other_language=text_other_language,
            )
        return self._with_file(row), QUICK_REPLIES_CHANGED

    def update(
        self,
        reply_id: int,
        *,
        shortcut: str,
        text: str,
        media_path: str | None = None,
        keywords: Iterable[str] = (),
        text_other_language: str = "",
    ) -> tuple[QuickReplyRow, Changes]:
        with self.db.read() as s:
            current = s.get(QuickReply, reply_id)
            if current is None:
                raise QuickReplyInvalid("missing", ErrorCode.QUICK_REPLY_GONE)
            _check_unique(s, clean_shortcut(shortcut), reply_id)
            before = current.media_path
        clean_text(text)
        entry = self._entry(media_path, before)
        with self.db.write() as s:
            row = update_quick_reply(
                s,
                reply_id,
                shortcut=shortcut,
                text=text,
                media_path=entry,
                keywords=keywords,
                text_other_language=text_other_language,
            )
        if entry != before:
            self.prune()
        return self._with_file(row), QUICK_REPLIES_CHANGED

    def delete(self, reply_id: int) -> tuple[QuickReplyRow | None, Changes]:
        """Delete a reply; returns it as it was, for `restore`. Its file is kept for that (the next
        prune, at an edit or the next start, takes it when no reply names it)."""
        with self.db.write() as s:
            gone = delete_quick_reply(s, reply_id)
        self.prune(keep=gone.media_path if gone is not None else None)
        return gone, QUICK_REPLIES_CHANGED

    def restore(self, row: QuickReplyRow) -> tuple[QuickReplyRow, Changes]:
        """A deleted reply back, as it was and where it was (Undo in the quick replies window)."""
        with self.db.write() as s:
            back = restore_quick_reply(s, row)
        return self._with_file(back), QUICK_REPLIES_CHANGED

    def prune(self, keep: str | None = None) -> int:
        """Remove the stored files no reply names any more and no chat's draft has attached (after a
        while: see UNUSED_KEPT_SECONDS).

        A reply inserted into a chat leaves its file on that chat's attachment bar, kept with the
        drafts (app/drafts.py) as the full path into the quick replies' folder: given a new file
        later, the reply no longer names the old one, but the draft still sends it. The composer
        keeps its drafts as soon as a file is attached, on the same writer as the reply's edit, so
        the draft is stored before the edit's prune reads it."""
        with self.db.read() as s:
            used = {str(p) for p in s.scalars(select(QuickReply.media_path)) if p}
        if keep:
            used.add(keep)
        for paths in read_draft_files(self.db).values():
            used.update(entry for path in paths if (entry := stored_entry(self.data_dir, path)))
        return prune_unused_files(self.data_dir, used)

    def adopt_files(self) -> Changes | None:
        """Once after an upgrade (and at each start after that, finding nothing): the replies that
        still name the owner's own file get a copy of it in the data folder while it is there; one
        gone stays as it is, said missing. The Changes when a reply changed, then stored files no
        reply names are pruned."""
        with self.db.read() as s:
            outside = [
                (reply_id, entry)
                for reply_id, entry in s.execute(select(QuickReply.id, QuickReply.media_path))
                if entry and not is_stored(entry)
            ]
        adopted = 0
        for reply_id, entry in outside:
            if reply_file(self.data_dir, entry).missing:
                log.info(
                    "quick reply %d: its file is missing; the owner is asked to choose it again", reply_id
                )
                continue
            try:
                stored = store_file(self.data_dir, Path(entry), self.check)
            except InvalidInput as exc:  # over a limit or unreadable: sending it says so, as before
                log.info("quick reply %d: its file was not copied in (%s)", reply_id, exc.code)
                continue
            with self.db.write() as s:
                q = s.get(QuickReply, reply_id)
                if q is not None and q.media_path == entry:  # not changed by the owner meanwhile
                    q.media_path = stored
                    adopted += 1
        self.prune()
        if adopted:
            log.info("copied %d quick reply files into the data folder", adopted)
        return QUICK_REPLIES_CHANGED if adopted else None

    def reorder(self, reply_ids: Sequence[int]) -> Changes:
        with self.db.write() as s:
            reorder_quick_replies(s, reply_ids)
        return QUICK_REPLIES_CHANGED

    def contact(self, contact_id: int) -> ContactInfo | None:
        with self.db.read() as s:
            return contact_info(s, contact_id)


# --------------------------------------------------------------------------- demo data


def load_demo_quick_replies(session: Session, lang: str) -> int:
    """Add the demo shop's quick replies (the Seoul shop's in Korean, with their English twins, for
    "ko"; the Palo Alto shop's for "en_US"; else the Brighton shop's, in English only); skips taken
    shortcuts.

    Returns how many were added, so loading twice adds nothing.
    """
    from app.demo_seed import demo_shop_country

    country = demo_shop_country(lang)
    if country == "KR":
        # The two lists say the same things in the same order: each reply's other language is its twin.
        replies = DEMO_QUICK_REPLIES["ko"]
        twins = [text for _shortcut, text, _keywords in DEMO_QUICK_REPLIES["en"]]
    else:
        replies = US_QUICK_REPLIES if country == "US" else UK_QUICK_REPLIES
        twins = [""] * len(replies)
    taken = {s.casefold() for s in session.scalars(select(QuickReply.shortcut))}
    added = 0
    for (shortcut, text, keywords), twin in zip(replies, twins, strict=True):
        if shortcut.casefold() in taken:
            continue
        add_quick_reply(session, shortcut, text, keywords=keywords, text_other_language=twin)
        added += 1
    return added
