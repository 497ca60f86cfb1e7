"""Korean particles after a filled-in word: “봄 재입고”를, not “봄 재입고”을(를).

A Korean sentence with a placeholder cannot know its particle until the word is there: 을/를, 이/가,
은/는, 과/와 and 으로/로 depend on whether the word's last syllable ends in a consonant (받침). The
translation writes both ("{0}을(를)"); `with_particles` picks the right one once the sentence is
filled, from the last Hangul syllable, digit, size letters (S, XL) or English word before it (past
closing quotes and brackets). Where the ending can't be told (a symbol, an English word ending in a
stop like "set", read 셋 or 세트) both stay, which is still correct Korean.
"""

from __future__ import annotations

import re

# Each paired form: (after a final consonant, after a vowel).
_PAIRS = {
    "을(를)": ("을", "를"),
    "이(가)": ("이", "가"),
    "은(는)": ("은", "는"),
    "과(와)": ("과", "와"),
    "와(과)": ("과", "와"),
    "(으)로": ("으로", "로"),
}
_PAIRED = re.compile("|".join(re.escape(p) for p in _PAIRS))
_CLOSERS = "”’\"')]}»」』〉》"
_HANGUL_FIRST, _HANGUL_LAST = 0xAC00, 0xD7A3
_RIEUL = 8  # ㄹ as a final consonant: it takes 로, not 으로
# The final consonant of each digit as read in Korean: 영 일 이 삼 사 오 육 칠 팔 구.
_DIGIT_FINALS = {
    "0": 21, "1": _RIEUL, "2": 0, "3": 16, "4": 0, "5": 0, "6": 1, "7": _RIEUL, "8": _RIEUL, "9": 0
}  # fmt: skip

# A file's name ends in its extension, which Korean reads aloud: 깨진파일.txt는 (티엑스티), 사진.zip은 (집).
_EXTENSION_RE = re.compile(r"\.([A-Za-z0-9]{2,4})$")
_EXTENSION_FINALS = {
    "txt": 0, "zip": 17, "jpg": 0, "jpeg": 1, "png": 0, "gif": 0, "pdf": 0, "csv": 0, "xlsx": 0,
    "mp4": 0, "opus": 0, "heic": 1, "webp": 0, "doc": 0, "docx": 0, "vcf": 0,
}  # fmt: skip


# A size or code of a few capitals (S, M, XL) is read letter by letter (에스, 엠, 엑스엘): its last
# letter's name decides. Only 엘/알 (ㄹ), 엠 (ㅁ) and 엔 (ㄴ) end in a consonant.
_LETTERS_RE = re.compile(r"(?<![A-Za-z])[A-Z]{1,3}$")
_LETTER_FINALS = {"L": _RIEUL, "R": _RIEUL, "M": 16, "N": 4}


# An English word, as Korean writes it: "sale" 세일 (ㄹ), "cream" 크림 (ㅁ), "spring" 스프링 (ㅇ),
# "cake" 케이크, "box" 박스, "summer" 서머 (no final). Only endings Korean reads one way are listed;
# a stop (t, p, k, d, b, g, c) is read either way (셋/세트, 숍/쇼프), so it tells nothing.
_WORD_RE = re.compile(r"[A-Za-z]+$")
_SILENT_E_FINALS = {"l": _RIEUL, "m": 16, "n": 4}  # sale 세일, time 타임, line 라인; else 케이크, 로즈
_WORD_FINALS = {"l": _RIEUL, "m": 16, "n": 4}
_WORD_VOWEL_ENDS = set("aiouyrwxszfvh")  # pizza, menu, candy, butter, snow, box, news, chef, love…


def _word_final(word: str) -> int | None:
    """The final consonant of an English word as Korean spells it; None when it can be read two ways."""
    w = word.lower()
    if w.endswith("ng"):
        return 21  # 스프링, 킹: ㅇ
    last = w[-1]
    if last == "e" and len(w) > 1:
        before = w[-2]
        if before in "aeiouy":
            return 0  # free 프리, pie 파이, blue 블루
        if before in "tp":
            return None  # white 화이트 but chocolate 초콜릿, shape 셰이프 but type 타입
        return _SILENT_E_FINALS.get(before, 0)
    if last in _WORD_FINALS:
        return _WORD_FINALS[last]
    if last in _WORD_VOWEL_ENDS or last == "e":
        return 0
    return None


def _final_consonant(text: str, end: int) -> int | None:
    """The final consonant (0: none) of the last syllable before `end`; None when it cannot be told."""
    i = end - 1
    while i >= 0 and text[i] in _CLOSERS:
        i -= 1
    if i < 0:
        return None
    ch = text[i]
    if _HANGUL_FIRST <= ord(ch) <= _HANGUL_LAST:
        return (ord(ch) - _HANGUL_FIRST) % 28
    extension = _EXTENSION_RE.search(text, 0, i + 1)
    if extension is not None and extension.group(1).lower() in _EXTENSION_FINALS:
        return _EXTENSION_FINALS[extension.group(1).lower()]
    if _LETTERS_RE.search(text, 0, i + 1) is not None:
        return _LETTER_FINALS.get(ch, 0)
    word = _WORD_RE.search(text, 0, i + 1)
    if word is not None:
        return _word_final(word.group(0))
    return _DIGIT_FINALS.get(ch)


def with_particles(text: str) -> str:
    """`text` with each paired particle ("을(를)"…) resolved where the word before it tells which."""

    def pick(match: re.Match[str]) -> str:
        final = _final_consonant(text, match.start())
        if final is None:
            return match.group(0)
        consonant, vowel = _PAIRS[match.group(0)]
        if match.group(0) == "(으)로":
            return vowel if final in (0, _RIEUL) else consonant
        return consonant if final else vowel

    return _PAIRED.sub(pick, text) if "(" in text else text
