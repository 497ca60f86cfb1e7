"""Realistic WhatsApp chat exports written by tests: each phone layout and language, .txt or .zip.

The strings are what the phone apps write (spelled out here, not taken from app/), so the tests
check the parser against the exports, not against itself.
"""

from __future__ import annotations

import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

LRM = "\u200e"
NNBSP = "\u202f"
NBSP = "\u00a0"


def _h12(when: datetime) -> int:
    return when.hour % 12 or 12


@dataclass(frozen=True)
class Layout:
    """How one phone (platform + language + region) writes an export."""

    name: str
    ios: bool
    header: Callable[[datetime], str]
    encryption: str
    omitted: str  # Android "<Media omitted>" / iOS "image omitted"
    attached: Callable[[str], str]  # the attachment line for a file name
    deleted: str
    edited: str  # marker appended to an edited message
    created_group: str


def _android(name: str, header: Callable[[datetime], str], **words: str) -> Layout:
    attached_word = words.pop("attached_word")
    return Layout(
        name=name,
        ios=False,
        header=lambda w: header(w) + " - ",
        attached=lambda f: f"{f} ({attached_word})",
        **words,  # type: ignore[arg-type]
    )


def _ios(name: str, header: Callable[[datetime], str], **words: str) -> Layout:
    attached_word = words.pop("attached_word")
    return Layout(
        name=name,
        ios=True,
        header=lambda w: "[" + header(w) + "] ",
        attached=lambda f: f"{LRM}<{attached_word}: {f}>",
        **words,  # type: ignore[arg-type]
    )


_EN = dict(
    encryption="Messages and calls are end-to-end encrypted. No one outside of this chat, not even "
    "WhatsApp, can read or listen to them. Tap to learn more.",
    deleted="This message was deleted",
    edited="<This message was edited>",
    created_group="Mina created group “Linen friends”",
)
_KO = dict(
    encryption="메시지와 통화는 종단간 암호화됩니다. WhatsApp을 포함한 이 채팅 외부의 누구도 메시지를 "
    "읽거나 들을 수 없습니다. 자세히 알아보려면 누르세요.",
    deleted="삭제된 메시지입니다",
    edited="<메시지 수정됨>",
    created_group="민지님이 “리넨 친구들” 그룹을 만들었습니다",
)
_DE = dict(
    encryption="Nachrichten und Anrufe sind Ende-zu-Ende-verschlüsselt. Niemand außerhalb dieses Chats, "
    "nicht einmal WhatsApp, kann sie lesen oder anhören. Tippe, um mehr zu erfahren.",
    deleted="Diese Nachricht wurde gelöscht.",
    edited="<Diese Nachricht wurde bearbeitet>",
    created_group="Mina hat die Gruppe „Leinen“ erstellt",
)
_ES = dict(
    encryption="Los mensajes y las llamadas están cifrados de extremo a extremo. Nadie fuera de este "
    "chat, ni siquiera WhatsApp, puede leerlos ni escucharlos. Toca para obtener más información.",
    deleted="Se eliminó este mensaje.",
    edited="<Se editó este mensaje.>",
    created_group="Mina creó el grupo “Lino”",
)

LAYOUTS: dict[str, Layout] = {
    # Android 14 puts a narrow no-break space before AM/PM.
    "android-en-us": _android(
        "android-en-us",
        lambda w: f"{w.month}/{w.day}/{w:%y}, {_h12(w)}:{w:%M}{NNBSP}{'PM' if w.hour >= 12 else 'AM'}",
        omitted="<Media omitted>",
        attached_word="file attached",
        **_EN,
    ),
    "android-en-uk": _android(
        "android-en-uk",
        lambda w: f"{w:%d/%m/%Y, %H:%M}",
        omitted="<Media omitted>",
        attached_word="file attached",
        **_EN,
    ),
    "ios-en-us": _ios(
        "ios-en-us",
        lambda w: f"{w.month}/{w.day}/{w:%y}, {_h12(w)}:{w:%M:%S}{NNBSP}{'PM' if w.hour >= 12 else 'AM'}",
        omitted=f"{LRM}image omitted",
        attached_word="attached",
        **_EN,
    ),
    "ios-en-uk": _ios(
        "ios-en-uk",
        lambda w: f"{w:%d/%m/%Y, %H:%M:%S}",
        omitted=f"{LRM}image omitted",
        attached_word="attached",
        **_EN,
    ),
    "android-ko": _android(
        "android-ko",
        lambda w: f"{w.year}. {w.month}. {w.day}. {'오후' if w.hour >= 12 else '오전'} {_h12(w)}:{w:%M}",
        omitted="<미디어 없음>",
        attached_word="파일 첨부됨",
        **_KO,
    ),
    "ios-ko": _ios(
        "ios-ko",
        lambda w: f"{w.year}. {w.month}. {w.day}. {'오후' if w.hour >= 12 else '오전'} {_h12(w)}:{w:%M:%S}",
        omitted=f"{LRM}사진 생략됨",
        attached_word="첨부 파일",
        **_KO,
    ),
    "android-de": _android(
        "android-de",
        lambda w: f"{w:%d.%m.%y, %H:%M}",
        omitted="<Medien ausgeschlossen>",
        attached_word="Datei angehängt",
        **_DE,
    ),
    "ios-de": _ios(
        "ios-de",
        lambda w: f"{w:%d.%m.%y, %H:%M:%S}",
        omitted=f"{LRM}Bild weggelassen",
        attached_word="Anhang",
        **_DE,
    ),
    "android-es": _android(
        "android-es",
        lambda w: f"{w.day}/{w.month}/{w:%y}, {w:%H:%M}",
        omitted="<Multimedia omitido>",
        attached_word="archivo adjunto",
        **_ES,
    ),
    # Spanish 12-hour clock: "p. m." with no-break spaces.
    "android-es-12h": _android(
        "android-es-12h",
        lambda w: f"{w.day}/{w.month}/{w:%y}, {_h12(w)}:{w:%M}{NBSP}{'p.' if w.hour >= 12 else 'a.'}{NBSP}m.",
        omitted="<Multimedia omitido>",
        attached_word="archivo adjunto",
        **_ES,
    ),
    "ios-es": _ios(
        "ios-es",
        lambda w: f"{w.day}/{w.month}/{w:%y}, {w:%H:%M:%S}",
        omitted=f"{LRM}imagen omitida",
        attached_word="adjunto",
        **_ES,
    ),
}


@dataclass(frozen=True)
class Line:
    """One message to write: who, when, what (text may hold newlines)."""

    when: datetime
    sender: str | None  # None: a system line
    text: str


def render(layout: Layout, lines: Iterable[Line], *, chat_name: str = "") -> str:
    out: list[str] = []
    for line in lines:
        head = layout.header(line.when)
        if line.sender is None:
            if layout.ios:
                # iOS: the chat's name as the sender and a mark before the notice.
                out.append(f"{LRM}{head}{chat_name}: {LRM}{line.text}")
            else:
                out.append(f"{head}{line.text}")
            continue
        lead = LRM if layout.ios and line.text.startswith(LRM) else ""
        out.append(f"{lead}{head}{line.sender}: {line.text}")
    return "\n".join(out) + "\n"


def shop_chat(layout: Layout, customer: str, shop: str, start: datetime, *, photo: str) -> list[Line]:
    """A short, realistic shop conversation touching every marker the parser must read."""
    from datetime import timedelta

    t = start
    return [
        Line(t, None, layout.encryption),
        Line(t, customer, "안녕하세요! Is the linen shirt still available?"),
        Line(t + timedelta(minutes=1), shop, "Yes 😊 Which size?\nWe have S, M and L\n\nPrice: 39,000"),
        Line(t + timedelta(minutes=3), customer, layout.omitted),
        Line(t + timedelta(minutes=4), customer, layout.attached(photo) + "\nthis colour please"),
        Line(t + timedelta(minutes=5), customer, layout.deleted),
        Line(t + timedelta(minutes=6), shop, "Order confirmed " + layout.edited),
        # A later day with a day-of-month above 12, so the date order is plain.
        Line(t + timedelta(days=20, hours=2), customer, "받았어요, 감사합니다!"),
    ]


def write_txt(path: Path, content: str) -> Path:
    path.write_text(content, encoding="utf-8")
    return path


def write_zip(path: Path, text_name: str, content: str, files: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(text_name, content.encode("utf-8"))
        for name, data in files.items():
            zf.writestr(name, data)
    return path


JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 64 + b"\xff\xd9"


def write_large_export(path: Path, lines: int = 200_000, *, layout: str = "android-en-uk") -> Path:
    """A long shop chat of exactly `lines` lines: Korean and English text, every 8th message on two
    lines, a few messages per minute. Written as a stream (the generator holds one line at a time)."""
    from datetime import timedelta

    chosen = LAYOUTS[layout]
    start = datetime(2019, 3, 1, 9, 0)
    bodies = (
        "안녕하세요, 주문한 린넨 셔츠 언제 배송되나요?",
        "Hello! Is the beige one back in stock?",
        "네 오늘 발송했습니다 😊",
        "Thank you so much",
        "사이즈 M으로 교환 가능할까요?",
    )
    written = 0
    n = 0
    with path.open("w", encoding="utf-8") as fh:
        fh.write(chosen.header(start) + chosen.encryption + "\n")
        written += 1
        while written < lines:
            when = start + timedelta(seconds=25 * n)
            sender = "Shop" if n % 3 == 0 else "Minji"
            body = f"{bodies[n % len(bodies)]} #{n}"
            fh.write(f"{chosen.header(when)}{sender}: {body}\n")
            written += 1
            if n % 8 == 0 and written < lines:
                fh.write("두 번째 줄 / second line\n")
                written += 1
            n += 1
    return path
