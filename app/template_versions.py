"""One template in several languages: the version a customer reads, by the letters they write in.

Meta keeps a template's languages under one name ("winter_sale" in "ko" and "en"). A campaign is made
with one of them; each recipient who writes in another language's letters gets that language's version
when the shop has it approved with the same parameters, so the owner's {{1}}, {{2}} fill it alike.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence

from sqlalchemy import text
from sqlalchemy.orm import Session

from app.phones import country_of
from app.rules import RECENT_WORDS, TYPED_KINDS, writing_script
from app.wire import Template

# The template language a customer writing in these letters reads first (Meta's codes: "ko", "en_US"…).
SCRIPT_LANGUAGES = {"hangul": "ko", "latin": "en", "kana": "ja", "han": "zh"}
# The language of a customer who has not written yet, by their number's country (a Korean number reads
# the Korean version, a British one the English); elsewhere the campaign's chosen version.
COUNTRY_LANGUAGES = {
    "KR": "ko", "JP": "ja", "CN": "zh", "TW": "zh", "HK": "zh",
    "US": "en", "CA": "en", "GB": "en", "GG": "en", "JE": "en", "IM": "en", "IE": "en", "AU": "en",
    "NZ": "en", "SG": "en",
}  # fmt: skip
# How much of each of a customer's newest messages tells their letters.
WORDS_READ = 300
_PLACEHOLDER = re.compile(r"\{\{(\d+)\}\}")


def primary_language(code: str) -> str:
    """ "en_US" → "en", "ko" → "ko" (Meta writes regions with "_", some tools with "-")."""
    return code.lower().replace("-", "_").split("_")[0]


def wanted_language(their_words: Sequence[str]) -> str | None:
    """The language a customer's newest typed messages are written in, together; None when they wrote
    nothing with letters (a photo, an emoji) or in letters no template language is made for here."""
    return SCRIPT_LANGUAGES.get(writing_script(" ".join(their_words)) or "")


def _shape(template: Template) -> tuple[str, str | None, int, tuple[str, ...]]:
    """What a version must share with the chosen one to be filled alike: category, header kind, the
    number of {{n}} (the header's and the body's) and its buttons' kinds."""
    header: str | None = None
    numbers = [0]
    buttons: list[str] = []
    for c in template.components:
        kind = str(c.get("type", "")).upper()
        if kind == "HEADER":
            header = str(c.get("format", "TEXT")).upper()
        if kind in ("HEADER", "BODY") and c.get("text"):
            numbers += [int(n) for n in _PLACEHOLDER.findall(str(c["text"]))]
        if kind == "BUTTONS":
            buttons += [str(b.get("type", "")).upper() for b in c.get("buttons") or [] if isinstance(b, dict)]
    return template.category.upper(), header, max(numbers), tuple(buttons)


def versions_of(chosen: Template, templates: Iterable[Template]) -> list[Template]:
    """The chosen template first, then its other approved languages that take the same parameters
    (a version with another number of {{n}} or another kind of header is left out: the campaign's
    parameters would not fill it)."""
    shape = _shape(chosen)
    seen = {primary_language(chosen.language)}
    out = [chosen]
    for t in templates:
        lang = primary_language(t.language)
        if t.name != chosen.name or lang in seen or t.status.upper() != "APPROVED" or _shape(t) != shape:
            continue
        seen.add(lang)
        out.append(t)
    return out


def customer_language(words: str | None, wa_id: str | None) -> str | None:
    """The language a customer reads: that of their newest typed words; for one who typed nothing yet
    (or only emoji), their number's country's; None when neither tells."""
    wanted = wanted_language([words]) if words else None
    if wanted is None and wa_id:
        wanted = COUNTRY_LANGUAGES.get(country_of(wa_id) or "")
    return wanted


def customer_languages(session: Session, members: Iterable[tuple[int, str | None]]) -> dict[int, str]:
    """`customer_language` of each (contact id, wa_id), those it can tell: one read for every contact.

    A few hundred microseconds a customer (their letters counted, their number parsed): worked out
    once with the audience, off the GUI thread, never at each repaint of the editor."""
    numbers = dict(members)
    words = their_words(session, numbers)
    out: dict[int, str] = {}
    for contact_id, wa_id in numbers.items():
        language = customer_language(words.get(contact_id), wa_id)
        if language is not None:
            out[contact_id] = language
    return out


def version_for_words(versions: Sequence[Template], words: str | None, wa_id: str | None = None) -> Template:
    """The version for a customer whose newest typed words are `words` (`customer_language`)."""
    return version_for(versions, customer_language(words, wa_id))


def version_for(versions: Sequence[Template], wanted: str | None) -> Template:
    """The version for a customer who writes `wanted` (versions[0], the chosen one, when none is)."""
    if wanted is not None:
        for t in versions:
            if primary_language(t.language) == wanted:
                return t
    return versions[0]


def version_named(
    name: str, templates: Iterable[Template], wanted: str | None, default: str
) -> Template | None:
    """The approved version of the template called `name` that a customer who reads `wanted`
    (`customer_language`) gets, the way a campaign picks it: theirs when it is approved and takes the
    same parameters, else the version in the shop's `default` language, else the first approved one.
    None for "" or a name with no approved version. (A step of an order is chosen by name only:
    Meta keeps its languages under that one name.)"""
    versions = named_versions(name, templates, default)
    return version_for(versions, wanted) if versions else None


def named_versions(name: str, templates: Iterable[Template], default: str) -> list[Template]:
    """`versions_of` the approved template called `name`, the one in the shop's `default` language
    first (else the first approved): every language a customer can get it in. [] for none."""
    if not name:
        return []
    templates = list(templates)
    approved = [t for t in templates if t.name == name and t.status.upper() == "APPROVED"]
    if not approved:
        return []
    shop = primary_language(default)
    chosen = next((t for t in approved if primary_language(t.language) == shop), approved[0])
    return versions_of(chosen, templates)


def language_most_lack(versions: Sequence[Template], languages: Sequence[str | None]) -> str | None:
    """The language more than half the recipients read (`languages`, one each, None when it cannot be
    told) when the template has no version in it: they would get the chosen one, in another language.
    None when most of them get a version they read, or their languages cannot be told."""
    offered = {primary_language(t.language) for t in versions}
    lacking = Counter(lang for lang in languages if lang is not None and lang not in offered)
    if not lacking:
        return None
    language, count = lacking.most_common(1)[0]
    return language if count * 2 > len(languages) else None


def their_words(session: Session, contact_ids: Iterable[int]) -> dict[int, str]:
    """Each contact's newest typed messages (RECENT_WORDS at most, the start of each, newest first,
    joined): what tells which language they write. Contacts who never typed anything are left out.

    One small look per contact down its (contact_id, sent_at) index, which stops at the fifth typed
    message: a campaign to thousands reads thousands of rows, whatever their chats hold."""
    out: dict[int, str] = {}
    ids = sorted(set(contact_ids))
    for start in range(0, len(ids), 500):  # below SQLite's bound-parameter limit
        chunk = ids[start : start + 500]
        rows = session.execute(
            text(_THEIR_WORDS.format(ids=",".join(str(int(i)) for i in chunk))),
            {"words": WORDS_READ, "recent": RECENT_WORDS},
        )
        out.update((int(contact_id), str(words)) for contact_id, words in rows if words)
    return out


_THEIR_WORDS = f"""
SELECT c.id, (SELECT group_concat(w, ' ') FROM (
         SELECT substr(m.body, 1, :words) AS w FROM message m
          WHERE m.contact_id = c.id AND m.direction = 'in' AND m.body != ''
            AND m.kind IN ({", ".join(f"'{k}'" for k in TYPED_KINDS)})
          ORDER BY m.sent_at DESC, m.id DESC LIMIT :recent))
  FROM contact c WHERE c.id IN ({{ids}})
"""
