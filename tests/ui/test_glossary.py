"""The Korean translation names each concept one way, the glossary's (resources/translations/GLOSSARY.md)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
GLOSSARY = ROOT / "resources" / "translations" / "GLOSSARY.md"
TS = ROOT / "resources" / "translations" / "shop_inbox_ko.ts"


def table_rows(section: str) -> list[list[str]]:
    """The cells of the first Markdown table after the heading `section` (or the top of the file)."""
    text = GLOSSARY.read_text(encoding="utf-8")
    if section:
        text = text.split(f"## {section}", 1)[1]
    rows = []
    for line in text.splitlines():
        if line.startswith("|---"):
            continue
        if line.startswith("|"):
            cells = [c.strip().replace("\\|", "|") for c in re.split(r"(?<!\\)\|", line.strip("|"))]
            rows.append(cells)
        elif rows:
            break
    return rows[1:]  # without the header


def translations() -> list[tuple[str, str]]:
    """(English, Korean) of every message, as read: without the Alt letters' marks ("Relay &token",
    "릴레이 토큰(&T)")."""
    from ui.shortcuts_dialog import plain

    out: list[tuple[str, str]] = []
    for message in ET.parse(TS).getroot().iter("message"):
        source = message.findtext("source") or ""
        node = message.find("translation")
        if node is None:
            continue
        forms = [n.text or "" for n in node] or [node.text or ""]
        out.extend((plain(source), plain(form)) for form in forms)
    return out


def test_every_glossary_concept_is_translated_with_its_term() -> None:
    concepts = [(concept, korean, pattern.strip("`")) for concept, korean, pattern in table_rows("")]
    assert len(concepts) >= 8
    wrong = []
    for concept, korean, pattern in concepts:
        english = re.compile(pattern, re.IGNORECASE)
        for source, korean_text in translations():
            found = english.search(source)
            if not found or found.group(0).lower() in korean_text.lower():
                continue  # not this concept, or the English word kept on purpose (a value, a name)
            # A term kept on one line with a no-break space ("입금\u00a0대기") is still the term.
            if korean not in korean_text.replace("\u00a0", " "):
                wrong.append(f"{concept} → {korean}: {source!r} is {korean_text!r}")
    assert not wrong, "\n".join(wrong)


def test_no_translation_uses_a_word_the_glossary_avoids() -> None:
    avoided = table_rows("Words to avoid")
    assert avoided
    wrong = [
        f"{word} (use {instead}): {source!r} is {text!r}"
        for word, instead in avoided
        for source, text in translations()
        if word in text
    ]
    assert not wrong, "\n".join(wrong)


# The three tokens an owner may meet, each with its one name (GLOSSARY.md): the one this computer shows
# the relay, Meta's access token the relay keeps, and the token Meta's webhook check answers with.
TOKENS = {
    "relay token": "릴레이 토큰",
    "meta access token": "Meta 액세스 토큰",
    "verify token": "웹훅 확인 토큰",
}
# "token" as a word, not in an environment variable (WHATSAPP_VERIFY_TOKEN) or the command's name.
BARE_TOKEN = re.compile(r"(?<![\w-])tokens?\b", re.IGNORECASE)
NAMED_TOKEN = re.compile(r"(relay|meta access|verify) tokens?\b$", re.IGNORECASE)


def test_every_token_the_owner_reads_says_which_of_the_three_it_is() -> None:
    """The banner said "access token" for the relay's, the check "access token" for Meta's and "인증
    토큰" for the verify token: three things, one word. Each English "token" names its kind, and each
    Korean sentence about one uses that kind's term."""
    unnamed = []
    for source, korean in translations():
        for found in BARE_TOKEN.finditer(source):
            if not NAMED_TOKEN.search(source[: found.end()]):
                unnamed.append(f"English: {source!r}")
        kinds = [term for english, term in TOKENS.items() if english in source.lower()]
        if "토큰" in korean and not any(term in korean for term in kinds):
            unnamed.append(f"Korean: {source!r} is {korean!r}")
    assert not unnamed, "\n".join(unnamed)


def test_the_three_tokens_keep_three_korean_names() -> None:
    texts = [korean for _source, korean in translations()]
    assert all(any(term in text for text in texts) for term in TOKENS.values())
    # The words that once named them all: "액세스 토큰" alone and "인증 토큰" (auth) are gone.
    mixed = [t for t in texts if "인증 토큰" in t or re.search(r"(?<!Meta )액세스 토큰", t)]
    assert not mixed, "\n".join(mixed)
