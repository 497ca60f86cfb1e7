"""A Korean search word without its particle: '배송이' found nothing, so '배송' is looked for."""

from __future__ import annotations

import re

# Particles and the polite 요 a Korean owner types on out of habit ('에코백을', '배송이요'): the
# longest first, so that '에서' is left off whole and not as '서'. A search for the word with one
# finds only the messages that used the same particle; the word alone finds every one.
_PARTICLES = sorted(
    {
        "이에요", "에서는", "에게서", "으로는", "이랑", "이나", "이요", "에서", "에게", "한테",
        "으로", "까지", "부터", "처럼", "보다", "은요", "는요", "예요", "은", "는", "이", "가",
        "을", "를", "에", "도", "만", "로", "와", "과", "랑", "요", "의",
    },
    key=len,
    reverse=True,
)  # fmt: skip
_KOREAN_WORD = re.compile(r"[가-힣]+")


def without_particles(query: str) -> str | None:
    """`query` with the particle at the end of each Korean word left off ('에코백을 두개' → '에코백 두개'),
    when one of its words has one and keeps two letters or more before it; None when there is nothing
    to leave off (no particle, a phrase in quotes, a number, a word in another language)."""
    if '"' in query:
        return None  # a phrase in quotes is looked for as typed
    words = query.split()
    stems = [_stem(word) for word in words]
    if stems == words:
        return None
    return " ".join(stems)


def _stem(word: str) -> str:
    if not _KOREAN_WORD.fullmatch(word):
        return word
    for particle in _PARTICLES:
        # A word of two letters or more stays: '사과' is not '사' with 과, and one letter alone is
        # looked for in the newest messages only (app/search.py).
        if word.endswith(particle) and len(word) - len(particle) >= 2:
            return word[: -len(particle)]
    return word
