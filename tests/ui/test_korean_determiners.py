"""A one-syllable word that only ever stands before its noun ("이 파일을", "그 폴더에", "새 메시지", "내
받은편지함", "한 번", "약 {0}") is never left alone at a line's end in a Korean sentence that wraps, nor
is the app's name "샵 인박스" parted: the translation joins them with a no-break space
(resources/translations/GLOSSARY.md, Words kept on one line). Menu items, buttons, short labels and
window titles keep plain spaces: they do not wrap."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from PySide6.QtGui import QFont, QTextLayout, QTextOption

TS = Path(__file__).resolve().parents[2] / "resources" / "translations" / "shop_inbox_ko.ts"
# Determiners and numerals (이 그 저 새 내 각 두 세 몇 한 첫 총 매), "약" (about) and "및" (and): each
# stands before the word it belongs to. Words that may also end a phrase are not here: 전 ("3일 전"), 온
# ("온 메시지", a verb's form), 네 ("네, …"), nor adverbs (더, 안, 다, 곧), which belong to a verb.
DETERMINERS = "이그저새내각두세몇한첫총매약및"
# At a word's start only: the particle 이 is written onto its word ("주문이"), never after a space.
PLAIN_SPACE_AFTER = re.compile(rf"(?:^|(?<=[\s(“‘\"']))([{DETERMINERS}]) (?=\S)")
# Names read as one word, never parted at a line's end: the app's own.
KEPT_WHOLE = ("샵 인박스",)
MNEMONIC = re.compile(r"&[^\s&]")
WIDTHS = range(90, 420, 9)  # a narrow banner's text to a wide one's, in steps of about a syllable


def wraps(source: str) -> bool:
    """Whether the message is a sentence that may wrap (a dialog's, a banner's, a notice's, a tooltip's,
    a wizard page's): not a menu item, button or field label (they carry an Alt letter), and either a
    sentence or seven words and more (a reason under a name, a status line)."""
    if MNEMONIC.search(source):
        return False
    text = source.strip()
    sentence = re.search(r"[.?!:)]$", text) or re.search(r"[.?!:;] |\n", text)
    return bool(sentence) or len(text.split()) >= 7


def korean_texts() -> Iterator[tuple[str, str, str]]:
    """(context, English source, Korean text) of every translation, each plural form on its own."""
    for context in ET.parse(TS).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            translation = message.find("translation")
            assert translation is not None
            forms = list(translation) or [translation]
            for form in forms:
                yield name, source, form.text or ""


def test_no_wrapping_korean_sentence_has_a_determiner_before_a_plain_space() -> None:
    left = [
        f"{context}: {match.group(0)}… in {text!r}"
        for context, source, text in korean_texts()
        if wraps(source)
        for match in PLAIN_SPACE_AFTER.finditer(text)
    ]
    assert not left, "join with &#xa0; (GLOSSARY.md, Words kept on one line):\n" + "\n".join(left)


def test_no_wrapping_korean_sentence_parts_the_apps_name() -> None:
    """ "샵" at one line's end and "인박스가" at the next's start read as two words; a new sentence
    naming the app with a plain space is found here."""
    left = [
        f"{context}: {text!r}"
        for context, source, text in korean_texts()
        if wraps(source)
        for name in KEPT_WHOLE
        if name in text
    ]
    assert not left, "join with &#xa0; (GLOSSARY.md, Words kept on one line):\n" + "\n".join(left)


def lines_at(text: str, width: int, font: QFont) -> list[str]:
    """`text` as a word-wrapped label `width` pixels wide lays it out, line by line."""
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WordWrap)
    layout = QTextLayout(text, font)
    layout.setTextOption(option)
    layout.beginLayout()
    while (line := layout.createLine()).isValid():
        line.setLineWidth(width)
    layout.endLayout()
    return [
        text[line.textStart() : line.textStart() + line.textLength()]
        for line in (layout.lineAt(i) for i in range(layout.lineCount()))
    ]


def test_the_apps_name_stays_on_one_line_at_any_width(qapp: Any) -> None:
    font = QFont(qapp.font())
    parted = []
    laid_out = 0
    for context, source, text in korean_texts():
        if not wraps(source) or "샵\xa0인박스" not in text:
            continue
        for width in WIDTHS:
            lines = lines_at(text, width, font)
            laid_out += 1
            parted += [
                f"{context} at {width}px: {line!r}" for line in lines[:-1] if line.rstrip().endswith("샵")
            ]
    assert laid_out > 1000  # every sentence naming the app, not a handful
    assert not parted, "\n".join(parted[:20])


def test_a_determiner_is_never_alone_at_a_lines_end_at_any_width(qapp: Any) -> None:
    """Every wrapping sentence with such a word, laid out as a word-wrapped label lays it out, from a
    narrow banner's width to a wide one's: no line but the last ends with the word alone, and the words
    joined stay whole (the no-break space holds in Qt's line breaking)."""
    font = QFont(qapp.font())
    stray = []
    laid_out = 0
    for context, source, text in korean_texts():
        if not wraps(source) or not re.search(rf"(?:^|(?<=[\s(“‘\"']))[{DETERMINERS}][\xa0 ]", text):
            continue
        for width in WIDTHS:
            lines = lines_at(text, width, font)
            laid_out += 1
            for line_text in lines[:-1]:
                last_word = line_text.rstrip(" \n").rsplit(" ", 1)[-1].rsplit("\n", 1)[-1]
                if last_word.lstrip("(“‘\"'") in DETERMINERS:
                    stray.append(f"{context} at {width}px: {line_text!r}")
            assert "".join(lines) == text  # nothing added to or taken from the words
    assert laid_out > 1000  # the sweep covers the app's sentences, not a handful
    assert not stray, "\n".join(stray[:20])


def test_a_sentence_copied_from_a_box_has_plain_spaces(qtbot: Any, korean: None) -> None:
    """Ctrl+C on a message box (Windows copies the whole box) or a selection: "이 컴퓨터에만" reaches
    the clipboard with a plain space, as the owner pastes it into a chat or a search."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtGui import QGuiApplication

    from ui.message_box import Icon, plain_box

    sentence = QCoreApplication.translate(
        "QuickReplyManager",
        "Quick replies are kept on this computer only: another computer connected to the same "
        "relay has its own. To use these there too, export them and import the file there.",
    )
    assert "이\xa0컴퓨터에만" in sentence and "그\xa0컴퓨터에서" in sentence
    box = plain_box(Icon.Information, None, "빠른 답장", sentence)
    qtbot.addWidget(box)
    box.show()
    qtbot.waitExposed(box)
    clipboard = QGuiApplication.clipboard()
    clipboard.setText(box.text())  # as the box's own Ctrl+C copies it
    qtbot.waitUntil(lambda: "\xa0" not in clipboard.text(), timeout=2000)
    assert clipboard.text() == sentence.replace("\xa0", " ")
    assert clipboard.text().startswith("빠른 답장은 이 컴퓨터에만 저장돼요.")
