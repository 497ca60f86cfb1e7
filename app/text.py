"""Text normalisation shared by every writer and by search: NFC, and the bigram index text."""

from __future__ import annotations

import re
import unicodedata

# Runs of letters and digits in any script (\w without the underscore).
_WORDS = re.compile(r"[^\W_]+")

# Bodies longer than this are still stored whole; only the search index text is capped, so a
# 5 MB paste cannot blow up the bigram index (search still finds it through the trigram table).
BIGRAM_SOURCE_LIMIT = 20_000


def nfc(text: str | None) -> str:
    """NFC-normalise (macOS and some keyboards send decomposed Hangul jamo)."""
    if not text:
        return ""
    return unicodedata.normalize("NFC", text)


def _is_word_char(ch: str) -> bool:
    return ch.isalnum()


def bigram_text(body: str | None) -> str:
    """Space-separated overlapping 2-character grams of each word, for the bigram FTS table.

    '주문했어요' → '주문 문했 했어 어요'. Single-character words are kept as they are. Case is folded
    so that the unicode61 tokenizer and our query agree.
    """
    if not body:
        return ""
    text = nfc(body[:BIGRAM_SOURCE_LIMIT]).casefold()
    grams: list[str] = []
    for word in _WORDS.findall(text):
        if len(word) == 1:
            grams.append(word)
        else:
            # Each character joined to the next, in C (a third faster than slicing in a generator):
            # every message written or imported goes through here.
            grams.extend(map(str.__add__, word[:-1], word[1:]))
    # Duplicates add nothing to a detail='none' index.
    return " ".join(dict.fromkeys(grams))


def is_bigram_query(query: str) -> bool:
    """True when the query is exactly two word characters, answerable from the bigram table."""
    return len(query) == 2 and all(_is_word_char(c) for c in query)


def fts_phrase(query: str) -> str:
    """Quote user text as one FTS5 phrase so that no character is read as query syntax."""
    return '"' + query.replace('"', '""') + '"'
