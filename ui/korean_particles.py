"""Korean particles after a filled-in word: “봄 재입고”를, not “봄 재입고”을(를).

A Korean sentence with a placeholder cannot know its particle until the word is there: 을/를, 이/가,
은/는, 과/와 and 으로/로 depend on whether the word's last syllable ends in a consonant (받침). The
translation writes both ("{0}을(를)"); `with_particles` picks the right one once the sentence is
filled, from the last Hangul syllable, digit or size letters (S, XL) before it (past closing quotes
and brackets). After anything else (a Latin name, a symbol) both stay, which is still correct Korean.
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
