"""A Korean word typed with a sound-alike letter ('에코빽' for 에코백): the spelling the messages use."""

from __future__ import annotations

from collections.abc import Callable

# Letters Korean writes one for the other by ear: a tense initial for its plain one (빽/백, 쎄일/세일,
# 짜장/자장), and ㅐ/ㅔ, ㅒ/ㅖ, ㅙ/ㅞ/ㅚ, which most speakers no longer tell apart ('에코백'/'애코백').
_INITIALS_LIKE = {
    0: (1,),
    1: (0,),
    3: (4,),
    4: (3,),
    7: (8,),
    8: (7,),
    9: (10,),
    10: (9,),
    12: (13,),
    13: (12,),
}
_VOWELS_LIKE = {1: (5,), 5: (1,), 3: (7,), 7: (3,), 10: (15, 11), 15: (10, 11), 11: (10, 15)}
_FIRST, _LAST = 0xAC00, 0xD7A3
# A query of more syllables than this is not respelled: each syllable makes a search of its own.
MAX_SYLLABLES = 8


def _syllables_like(ch: str) -> list[str]:
    """The syllables that sound like `ch` (one letter changed for a sound-alike), none for a non-syllable."""
    code = ord(ch) - _FIRST
    if not 0 <= code <= _LAST - _FIRST:
        return []
    initial, vowel, final = code // 588, code // 28 % 21, code % 28
    found = [chr(_FIRST + (i * 21 + vowel) * 28 + final) for i in _INITIALS_LIKE.get(initial, ())]
    found += [chr(_FIRST + (initial * 21 + v) * 28 + final) for v in _VOWELS_LIKE.get(vowel, ())]
    return found


def respellings(query: str) -> list[str]:
    """`query` with one of its Hangul syllables written with a sound-alike letter, each way once:
    '에코빽' → ['애코빽', '에코백', '에코뻭']. None for a query in quotes, or with no Korean word of
    two syllables or more, or with more than MAX_SYLLABLES syllables."""
    if '"' in query:
        return []
    places = [i for i, ch in enumerate(query) if _FIRST <= ord(ch) <= _LAST]
    if not places or len(places) > MAX_SYLLABLES or all(len(word) < 2 for word in query.split()):
        return []
    return [query[:i] + like + query[i + 1 :] for i in places for like in _syllables_like(query[i])]


def likely_spelling(query: str, found: Callable[[str], int]) -> str | None:
    """Of `query`'s respellings, the one `found` (how many messages a query finds, counting up to a
    page) says most messages use; None when none is found at all. The first on a tie."""
    best, most = None, 0
    for spelling in respellings(query):
        count = found(spelling)
        if count > most:
            best, most = spelling, count
    return best
