"""Text normalisation shared by every writer and by search: NFC, and the bigram index text."""

from __future__ import annotations

import itertools
import math
import re
import unicodedata
from collections.abc import Sequence

from app.phones import phone_pattern, phone_phrases, typed_phone

# Runs of letters and digits in any script (\w without the underscore).
_WORDS = re.compile(r"[^\W_]+")

# Marks that turn the direction of the text around them: "영수증\u202efdp.exe" reads "영수증exe.pdf" in
# a bubble or a file manager, a program dressed as a PDF. They have no use in a file name.
_DIRECTION_MARKS = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")

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


_WORDS_KEPT = 2048  # distinct words the bigram cache keeps (under 1 MB); it starts over beyond that


class _WordGrams(dict[str, str]):
    """A word's bigrams, space-separated, worked out once per distinct word: chats repeat their words
    endlessly."""

    def __missing__(self, word: str) -> str:
        if len(self) >= _WORDS_KEPT:
            self.clear()
        # Each character joined to the next, in C (a third faster than slicing in a generator), each
        # gram once ('ㅋㅋㅋㅋ' → 'ㅋㅋ'); a word of one or two characters is its own gram. A number
        # keeps its repeats ('1000' → '10 00 00'; detail='none' indexes a gram once either way):
        # an order's or a phone's number is seldom seen twice, so its grams are worked out for each
        # message it is in, and the repeat search cost a third of that (issue 18).
        if len(word) <= 2:
            grams = word
        elif word.isdecimal():
            grams = " ".join(map(str.__add__, word, word[1:]))
        else:
            grams = " ".join(dict.fromkeys(map(str.__add__, word, word[1:])))
        self[word] = grams
        return grams


_word_grams = _WordGrams()
_grams_of = _word_grams.__getitem__
_find_words = _WORDS.findall


def _grams_of_folded(text: str) -> str:
    # A gram two words share ('주문' in '주문' and '주문했어요'), or a repeated word, stays once per
    # word: detail='none' indexes a row once per distinct gram either way, and looking for repeats
    # across a whole message cost a quarter of the bigram text of an import (issue 18).
    return " ".join(map(_grams_of, _find_words(text)))


def bigram_text(body: str | None) -> str:
    """Space-separated overlapping 2-character grams of each word, for the bigram FTS table.

    '주문했어요' → '주문 문했 했어 어요'. Single-character words are kept as they are. Case is folded
    so that the unicode61 tokenizer and our query agree. Each word's grams appear once for that word
    (the same gram in two words appears twice: the index is the same, see _grams_of_folded).
    """
    if not body:
        return ""
    return _grams_of_folded(nfc(body[:BIGRAM_SOURCE_LIMIT]).casefold())


def bigram_texts(bodies: Sequence[str | None]) -> list[str]:
    """`bigram_text` of each body, for a batch (an import's): the same strings, a third of the calls.

    The bodies are normalised and case-folded as one string (NUL between them, which neither step
    joins to a neighbour), then cut apart again; every message written goes through here or above.
    """
    capped = [body[:BIGRAM_SOURCE_LIMIT] if body else "" for body in bodies]
    joined = "\x00".join(capped)
    if joined.count("\x00") != len(capped) - 1:  # a body with its own NUL: one at a time
        return [bigram_text(body) for body in capped]
    folded = unicodedata.normalize("NFC", joined).casefold().split("\x00")
    return list(map(_grams_of_folded, folded))


# Korean is spaced loosely: '린넨셔츠' and '린넨 셔츠', '주문할게요' and '주문 할게요' are the same words
# to the owner. A query of Korean words of up to this many letters is searched spacing aside: spaced
# as typed or differently at up to LOOSE_PLACES places, each spacing one phrase of the trigram index's
# query, while that makes no more than LOOSE_PHRASES phrases (one place for longer queries;
# docs/PERFORMANCE.md).
LOOSE_MAX_LETTERS = 40
LOOSE_PLACES = 2
LOOSE_PHRASES = 48
# An amount is written with or without its thousands' commas ('39000' and '39,000원'): a number of
# four or more digits (not a phone's, which starts with 0) is looked for both ways.
_PLAIN_NUMBER = re.compile(r"(?<![\d,])[1-9]\d{3,}(?![\d,])")
_GROUPED_NUMBER = re.compile(r"(?<![\d,])[1-9]\d{0,2}(?:,\d{3})+(?![\d,])")


# A long number (a tracking number, an account's) is written in groups as often as not: '654321098765'
# typed finds '6543 2109 8765' and '6543-2109-8765' — each grouping of MIN_GROUP to MAX_GROUP digits
# in at most MAX_GROUPS groups (16 groupings of 13 digits, each a phrase with a space and one with a dash).
LONG_NUMBER_DIGITS = 10
MAX_GROUPS = 4
MIN_GROUP = 3
MAX_GROUP = 6
_LONG_NUMBER = re.compile(r"\d+(?:-\d+)*")


def long_number(query: str) -> str | None:
    """The digits of a query that is one long number ('654321098765', '6543-2109-8765'), or None."""
    if not _LONG_NUMBER.fullmatch(query):
        return None
    digits = query.replace("-", "")
    return digits if len(digits) >= LONG_NUMBER_DIGITS and digits.isascii() else None


def number_groupings(digits: str) -> list[str]:
    """`digits` written in groups, spaced and dashed: '6543 2109 8765', '6543-2109-8765', '654 321…'."""
    found: list[str] = []

    def split(rest: str, groups: list[str]) -> None:
        if not rest:
            if len(groups) > 1:
                found.extend(sep.join(groups) for sep in (" ", "-"))
            return
        if len(groups) == MAX_GROUPS:
            return
        for size in range(MIN_GROUP, min(MAX_GROUP, len(rest)) + 1):
            split(rest[size:], [*groups, rest[:size]])

    split(digits, [])
    return found


def _is_hangul(ch: str) -> bool:
    return "\uac00" <= ch <= "\ud7a3"


def loose_letters(query: str) -> str | None:
    """The query's letters without its spaces, case folded, when it is searched spacing aside
    (app/search.py): three or more letters or digits, one of them Hangul, and nothing else but spaces.
    '주문 할게요' → '주문할게요'; '4,000원', 'linen shirt' and '주문' (two letters) → None."""
    letters = query.replace(" ", "").casefold()
    if not 3 <= len(letters) <= LOOSE_MAX_LETTERS or not all(map(_is_word_char, letters)):
        return None
    return letters if any(map(_is_hangul, letters)) else None


def loose_pair(query: str) -> str | None:
    """The two Hangul syllables of a search term typed as two ('두개', or '두 개' spaced as a message
    may be), which search also finds with a space between them where one of them is a word of its
    own (`search_pattern`); None for anything else."""
    letters = query.replace(" ", "")
    if len(letters) != 2 or not all(map(_is_hangul, letters)) or query.count(" ") > 1:
        return None
    return letters


# Not a letter or digit: where a word begins or ends.
_WORD_EDGE_BEFORE = r"(?<![^\W_])"
_WORD_EDGE_AFTER = r"(?![^\W_])"


def _pair_pattern(pair: str) -> str:
    """'두개' and '두 개', and '개 두' in '한 개 두 개' too: a space between the two syllables only where
    one of them is a word of its own ('두 개요', '택배 비'), never across two longer words ('택배 송장'
    is no '배송', nor '주문 할게요' a '문할')."""
    first, second = map(re.escape, pair)
    return f"{first}{second}|{_WORD_EDGE_BEFORE}{first} {second}|{first} {second}{_WORD_EDGE_AFTER}"


def search_pattern(query: str) -> re.Pattern[str]:
    """Where a search query is in a message's text, as search finds it (`search_phrases`): any case,
    ß or ss, an amount's commas or none, and for Korean words a space or none between letters. For the
    highlights (one pass over the text, where the phrases OR-ed would take one pass each)."""
    pair = loose_pair(query)
    if pair is not None:
        return re.compile(_pair_pattern(pair))
    if len(query) < 3:
        return re.compile(re.escape(query), re.IGNORECASE)
    phone = typed_phone(query)
    if phone is not None:
        pattern = phone_pattern(phone).pattern  # '+82 10-9876-5432' in '010 9876 5432', and every other way
        digits = long_number(query)
        if digits is not None:
            # '1012345678' is also a tracking number's digits: found as typed, and in its groups.
            exact = sorted([digits, *number_groupings(digits)], key=len, reverse=True)
            pattern += r"|(?<!\d)(?:" + "|".join(map(re.escape, exact)) + r")(?!\d)"
        return re.compile(pattern)
    if long_number(query) is not None:
        # Exactly the groupings the index is asked for, the longest written first.
        return re.compile("|".join(map(re.escape, sorted(search_phrases(query), key=len, reverse=True))))
    letters = loose_letters(query)
    base = _GROUPED_NUMBER.sub(lambda m: m.group().replace(",", ""), letters or query)
    parts = []
    for i, ch in enumerate(base):
        if i and base[i - 1].isdigit() and ch.isdigit():
            parts.append(",?")
        elif i and letters is not None:
            parts.append(" ?")
        parts.append(re.escape(ch))
    return re.compile(_ESZETT.sub("(?:ss|ß)", "".join(parts)), re.IGNORECASE)


# A query's terms: a "quoted phrase" (its closing quote may be left off) or a word between spaces.
_TERMS = re.compile(r'"([^"]*)"?|([^\s"]+)')


def query_terms(query: str) -> list[str]:
    """What a search query asks for, each term in any order and anywhere in a message: its words, and
    each phrase typed in double quotes kept whole. '원피스 네이비' → ['원피스', '네이비'];
    '"카드 결제" 취소' → ['카드 결제', '취소']; an empty '""' asks for nothing. A phone number is one
    term however it is spaced ('+82 10 9876 5432': `app.phones.typed_phone`), and so are Korean
    words of one syllable typed in a row ('두 개 주문' → ['두 개', '주문']): each alone is in nearly
    every message, together they are what the owner means."""
    if typed_phone(query) is not None:
        return [" ".join(query.split())]
    found: list[str] = []
    syllables: list[str] = []  # a run of one-syllable Korean words: '두 개' is one term, as in '두개'
    for phrase, word in _TERMS.findall(query):
        if len(word) == 1 and _is_hangul(word):
            syllables.append(word)
            continue
        found.extend([" ".join(syllables)] if len(syllables) > 1 else syllables)
        syllables = []
        found.append(" ".join((phrase or word).split()))
    found.extend([" ".join(syllables)] if len(syllables) > 1 else syllables)
    return list(dict.fromkeys(term for term in found if term))


def marks_pattern(query: str) -> re.Pattern[str]:
    """Where any of a query's terms is in a text, as search finds each (`search_pattern`): for the
    marks on a hit's snippet and in the open chat. The longest term is tried first at each place."""
    terms = sorted(query_terms(query), key=len, reverse=True)
    if not terms:
        return re.compile("(?!)")  # marks nothing
    return re.compile("|".join(f"(?:{search_pattern(term).pattern})" for term in terms), re.IGNORECASE)


def search_phrases(query: str, region: str | None = None) -> list[str]:
    """What a query of three or more characters is looked for as, each an exact phrase: Korean words
    spaced otherwise (`spacings`), and each amount with and without its thousands' commas
    ('39000원' → '39000원', '39,000원', '39000 원'…), and a long number in groups (`number_groupings`).
    A phone number's phrases (`app.phones.phone_phrases`, grouped as the shop's `region` writes it too)
    find it written in other forms as well, which `search_pattern` confirms."""
    digits = long_number(query)
    phone = typed_phone(query, region)
    if phone is not None:
        exact = [] if digits is None else [digits, *number_groupings(digits)]
        return list(dict.fromkeys([*phone_phrases(phone), *exact]))
    if digits is not None:
        return list(dict.fromkeys([digits, _respelled(digits), *number_groupings(digits)]))
    letters = loose_letters(query)
    spelled = spacings(query, letters) if letters is not None else [query]
    respelled = [variant for phrase in spelled for variant in (phrase, _respelled(phrase))]
    return list(dict.fromkeys(variant for phrase in respelled for variant in (phrase, _eszett_other(phrase))))


# German writes ß as ss where it has no ß (a keyboard without one, capitals, Switzerland): 'strasse'
# finds 'Straße' and 'Straße' finds 'STRASSE'.
_ESZETT = re.compile("ss|ß", re.IGNORECASE)


def _eszett_other(phrase: str) -> str:
    """`phrase` with its ß written ss, or (having none) its ss written ß."""
    if "ß" in phrase:
        return phrase.replace("ß", "ss")
    return _ESZETT.sub("ß", phrase)


def _respelled(phrase: str) -> str:
    """`phrase` with its amounts written the other way: '39000' ↔ '39,000'."""
    grouped = _PLAIN_NUMBER.sub(lambda m: f"{int(m.group()):,}", phrase)
    if grouped != phrase:
        return grouped
    return _GROUPED_NUMBER.sub(lambda m: m.group().replace(",", ""), phrase)


def spacings(query: str, letters: str) -> list[str]:
    """`letters` spaced as `query` is, and spaced differently at up to LOOSE_PLACES places (fewer
    when that would make more than LOOSE_PHRASES spacings): '린넨셔츠' → '린넨셔츠', '린 넨셔츠',
    '린넨 셔츠', … '린넨 셔 츠'. Spaces anywhere else in a message are not looked past."""
    typed: set[int] = set()
    at = 0
    for part in query.split():
        at += len(part.casefold())
        typed.add(at)
    typed.discard(len(letters))
    # Never inside a number: '39000원' is spaced '39000 원' at most.
    places = [i for i in range(1, len(letters)) if not (letters[i - 1].isdigit() and letters[i].isdigit())]
    reach = LOOSE_PLACES
    while reach > 1 and sum(math.comb(len(places), n) for n in range(reach + 1)) > LOOSE_PHRASES:
        reach -= 1
    found = []
    for n in range(reach + 1):
        for changed in itertools.combinations(places, n):
            spaces = typed.symmetric_difference(changed)
            found.append("".join(" " + ch if i in spaces else ch for i, ch in enumerate(letters)))
    return found


# Hangul's nineteen initial consonants in the order syllables are numbered (가 = 0xAC00 = ㄱ + ㅏ).
_INITIALS = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"
_SYLLABLES_PER_INITIAL = 21 * 28


_TO_INITIALS = {code: _INITIALS[(code - 0xAC00) // _SYLLABLES_PER_INITIAL] for code in range(0xAC00, 0xD7A4)}


def hangul_initials(text: str) -> str:
    """Each Hangul syllable as its initial consonant, the rest as it is: '김민지 M' → 'ㄱㅁㅈ M'. One
    character for one, so a match's place in the initials is its place in the text."""
    return text.translate(_TO_INITIALS)


def has_initials(initials: str, *names: str | None) -> bool:
    """Whether any of `names` has these initial consonants in a row ('ㅁㅈ' in 김민지)."""
    return any(initials in hangul_initials(name) for name in names if name)


def is_initials_query(query: str) -> bool:
    """A name typed as its initial consonants ('ㄱㅁㅈ' for 김민지), as Korean phones' contacts
    find them: two or more, and nothing else."""
    return len(query) >= 2 and all(ch in _INITIALS for ch in query)


# A Korean keyboard joins two consonants typed with no vowel between into one letter (ㅂ, ㅅ → ㅄ):
# typed as initials they are the two.
_CONSONANT_PAIRS = {
    "ㄳ": "ㄱㅅ",
    "ㄵ": "ㄴㅈ",
    "ㄶ": "ㄴㅎ",
    "ㄺ": "ㄹㄱ",
    "ㄻ": "ㄹㅁ",
    "ㄼ": "ㄹㅂ",
    "ㄽ": "ㄹㅅ",
    "ㄾ": "ㄹㅌ",
    "ㄿ": "ㄹㅍ",
    "ㅀ": "ㄹㅎ",
    "ㅄ": "ㅂㅅ",
}
# A syllable's final consonants by their number (가 has none), as the letters a keyboard types.
_FINALS = ("", *"ㄱㄲㄳㄴㄵㄶㄷㄹㄺㄻㄼㄽㄾㄿㅀㅁㅂㅄㅅㅆㅇㅈㅊㅋㅌㅍㅎ")
# Vowels a keyboard builds from two (ㅗ then ㅏ → ㅘ): by their number, the number of the first one.
_VOWEL_STARTS = {9: 8, 10: 8, 11: 8, 14: 13, 15: 13, 16: 13, 19: 18}


def typed_initials(typed: str) -> str | None:
    """The initial consonants `typed` stands for when it is only consonants ('ㅂㅅ', or 'ㅄ' as a
    keyboard joins them, for 배송), else None."""
    if not typed or not all(ch in _INITIALS or ch in _CONSONANT_PAIRS for ch in typed):
        return None
    return "".join(_CONSONANT_PAIRS.get(ch, ch) for ch in typed)


def _syllable(ch: str) -> tuple[int, int, int] | None:
    """A Hangul syllable's (initial, vowel, final) numbers, None for anything else."""
    code = ord(ch) - 0xAC00
    if not 0 <= code < 19 * 21 * 28:
        return None
    return code // (21 * 28), code // 28 % 21, code % 28


def starts_as_typed(text: str, typed: str) -> bool:
    """Whether `text` starts with `typed`, its last Hangul syllable read as still being typed: a
    Korean keyboard shows 배송 as ㅂ, 배, 뱃 (the ㅅ not yet known to start the next syllable), 배소
    and 배송, and each of them is how 배송 begins."""
    if text.startswith(typed):
        return True
    head, last = typed[:-1], typed[-1:]
    if not last or not text.startswith(head) or len(text) <= len(head):
        return False
    actual = text[len(head)]
    following = _syllable(text[len(head) + 1]) if len(text) > len(head) + 1 else None
    have = _syllable(actual)
    if have is None:
        return False
    if last in _INITIALS:
        return _INITIALS[have[0]] == last
    want = _syllable(last)
    if want is None or want[0] != have[0]:
        return False
    if want[1] != have[1]:
        return want[2] == 0 and _VOWEL_STARTS.get(have[1]) == want[1]
    if want[2] == 0 or want[2] == have[2]:
        return True
    final = _FINALS[want[2]]
    pair = _CONSONANT_PAIRS.get(final, "")
    if have[2] and pair[:1] == _FINALS[have[2]]:
        # 닭 typed for 달기: its ㄹ stays, its ㄱ starts the next syllable.
        return following is not None and _INITIALS[following[0]] == pair[1]
    if have[2] == 0:
        # 뱃 typed for 배송: the ㅅ starts the next syllable.
        return following is not None and _INITIALS[following[0]] == final
    # 달 typed for 닭: the second consonant is still to come.
    return _CONSONANT_PAIRS.get(_FINALS[have[2]], "")[:1] == final


def name_match(name: str, query: str) -> tuple[int, int] | None:
    """Where `query` is in a contact's `name`: its initials for an initials query ('ㅁㅈ' in 김민지
    → (1, 3)), else the text itself in any case. None when it is not there."""
    if not query:
        return None
    if is_initials_query(query):
        at = hangul_initials(name).find(query)
        return (at, at + len(query)) if at >= 0 else None
    found = re.search(re.escape(query), name, re.IGNORECASE)
    return found.span() if found else None


def spaced_match(text: str, query: str) -> tuple[int, int] | None:
    """Where `query` is in `text` in any case, spaces aside on both sides: '단골' in '단골 고객',
    '새고객' in '새 고객' (a label's name as search finds it). None when it is not there."""
    letters = "".join(query.split())
    if not letters:
        return None
    found = re.search(r"\s*".join(map(re.escape, letters)), text, re.IGNORECASE)
    return found.span() if found else None


def is_bigram_query(query: str) -> bool:
    """True when the query is exactly two word characters, answerable from the bigram table."""
    return len(query) == 2 and all(_is_word_char(c) for c in query)


def needs_casefold(text: str) -> bool:
    """Whether `text` has a letter with a case beyond ASCII ('ü', 'Ö', 'ß', 'É'), which SQLite's
    lower() and LIKE leave as they are: such a query is matched with the `casefold` SQL function
    (app/db.py) on both sides. Korean has no case, so its queries never need it."""
    return any(not c.isascii() and c.lower() != c.upper() for c in text)


def like_pattern(text: str) -> str:
    """`%text%` for SQL's LIKE … ESCAPE '\\': the owner's %, _ and \\ are literal characters."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def fts_phrase(query: str) -> str:
    """Quote user text as one FTS5 phrase so that no character is read as query syntax."""
    return '"' + query.replace('"', '""') + '"'


def without_direction_marks(text: str) -> str:
    """`text` as written, less the marks that would turn it around ("사진\u202egpj.exe" is "사진gpj.exe",
    not a photo's "사진exe.jpg"): how a file's name is shown and searched where it stands as text."""
    return _DIRECTION_MARKS.sub("", text)


# Characters nobody sees that a name has no use for: a zero-width space, word joiner, byte-order mark
# or soft hyphen ("김\u200b민지" looks like 김민지 and is not found by searching for it). The joiners
# that build emoji and Persian words (U+200C, U+200D) stay.
_INVISIBLE = re.compile("[\u00ad\u200b\u2060\ufeff]")


def one_line_name(name: str | None) -> str | None:
    """A customer's WhatsApp name as every screen shows it: NFC, on one line (line breaks, tabs and
    runs of spaces one space, so a name with line breaks never makes a header three lines tall),
    without invisible characters and direction marks (a name that shows as "김민지" is found as
    "김민지", and no mark turns the rest of a row around); None for a name of blanks only."""
    return " ".join(without_direction_marks(_INVISIBLE.sub("", nfc(name))).split()) or None


_KANA = re.compile("[\u3040-\u30ff\u31f0-\u31ff\uff66-\uff9f]")
_HAN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_HANGUL = re.compile("[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]")
_LATIN = re.compile("[A-Za-z]")


def has_hangul(text: str) -> bool:
    """Whether `text` has a Hangul syllable or letter in it."""
    return _HANGUL.search(text) is not None


def han_language(text: str) -> str | None:
    """Whose Chinese characters `text` is written in: "ja" with kana among them, "zh" with no kana and
    no Hangul; None for Korean (its occasional hanja), a text without them, or a text mostly in Latin
    letters with a name in them ("Thanks for your message, 佐藤!")."""
    kana = len(_KANA.findall(text))
    han = len(_HAN.findall(text))
    if kana + han == 0 or kana + han < len(_LATIN.findall(text)):
        return None
    if kana:
        return "ja"
    return None if _HANGUL.search(text) else "zh"
