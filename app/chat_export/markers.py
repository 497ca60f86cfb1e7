"""The words WhatsApp writes into exports in each language: system lines, placeholders, markers.

English, Korean, German and Spanish as the Android and iOS apps write them, plus the encryption
notice and media placeholders of French, Portuguese, Italian, Japanese, Dutch, Indonesian and
Turkish phones. Tables only: the parser (app/chat_export/parser.py) decides where in a line each
one is looked for.
"""

from __future__ import annotations

import re

from app.surcharge_areas import AREA_NAMES

# The invisible left-to-right mark iOS puts before system text and attachment markers.
LRM = "\u200e"
# Every invisible mark a phone may put where a header, a name or a marker starts: byte-order mark,
# left-to-right/right-to-left marks, embeddings and overrides (U+202A–U+202E), isolates (U+2066–U+2069).
MARKS = "\ufeff\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_MARKS_RE = re.compile(f"[{MARKS}]+")


def strip_marks(text: str) -> str:
    """`text` without any of the invisible marks above (anywhere in it)."""
    # A regex, not str.translate: translate walks every character in Python-level lookups (10× slower).
    return _MARKS_RE.sub("", text) if _MARKS_RE.search(text) else text


# Whole-line system notices (matched at the start of the text, after the marks are stripped).
_SYSTEM_PATTERNS = (
    # English
    r"Messages and calls are end-to-end encrypted",
    r"Messages (?:you send )?to this (?:chat|group) and calls are (?:now )?secured"
    r" with end-to-end encryption",
    r"Messages you sent to this chat and calls are now secured with end-to-end encryption",
    r"This chat is with a business account",
    r"This business (?:uses|is using) a secure service",
    r"Your security code with .* changed",
    r".{1,80} changed (?:their|his|her) phone number",
    r".{1,80} created (?:the )?group",
    r".{1,80} (?:added|removed) .{1,80}",
    r".{1,80} left",
    r".{1,80} changed the subject",
    r".{1,80} changed this group's icon",
    r".{1,80} (?:changed|deleted) the group (?:description|name)",
    r".{1,80} deleted this group's icon",
    r".{1,80} joined using this group's invite link",
    r".{1,80} changed (?:the|this group's) settings",
    r".{1,80} pinned a message",
    r"You're now an admin",
    r"Waiting for this message",
    r"You (?:blocked|unblocked) this contact",
    r"Missed (?:voice|video) call",
    r".{0,80}turned (?:on|off) disappearing messages",
    # Korean
    r"메시지와 통화는 종단간 암호화",
    r"이 채팅(?:방)?(?:과|에서) (?:주고받는 )?(?:메시지와 )?통화",
    r"이 채팅에 보낸 메시지와 통화는 이제 종단간 암호화",
    r".{0,80}보안 코드가 변경되었습니다",
    r".{1,80} 그룹을 만들었습니다",
    r".{1,80}님을 (?:추가|내보냈)",
    r".{1,80}님이 나갔습니다",
    r".{1,80}님이 전화번호를 변경했습니다",
    r".{1,80}님이 그룹 (?:설명|이름|아이콘)을 (?:변경|삭제)했습니다",
    r".{1,80}님이 이 그룹의 초대 링크로 참여했습니다",
    r".{1,80}님이 메시지를 고정했습니다",
    r"부재중 (?:음성|영상) 통화",
    r"이 연락처를 (?:차단|차단 해제)했습니다",
    r"이 채팅은 비즈니스 계정",
    # German
    r"Nachrichten und Anrufe sind Ende-zu-Ende-verschlüsselt",
    r"Nachrichten(?:, die du)? (?:an|in) diese[nm]? Chat.{0,60}Ende-zu-Ende-Verschlüsselung",
    r"Deine Sicherheitsnummer für .* hat sich geändert",
    r".{1,80} hat die Gruppe .{0,80}erstellt",
    r".{1,80} hat .{1,80} hinzugefügt",
    r".{1,80} hat die Gruppe verlassen",
    r".{1,80} hat (?:seine|ihre) Telefonnummer geändert",
    r"Verpasster (?:Sprach|Video)anruf",
    r"Du hast diesen Kontakt (?:blockiert|freigegeben)",
    # Spanish
    r"Los mensajes y las llamadas están cifrados de extremo a extremo",
    r"Los mensajes (?:que envíes )?(?:a|en) este chat y las llamadas ahora están protegidos",
    r"Tu código de seguridad con .* cambió",
    r".{1,80} creó el grupo",
    r".{1,80} añadió a .{1,80}",
    r".{1,80} salió del grupo",
    r".{1,80} cambió su número",
    r"Llamada (?:de voz |de video |perdida)",
    r"(?:Bloqueaste|Desbloqueaste) a este contacto",
)
SYSTEM_RE = re.compile("(?:" + "|".join(_SYSTEM_PATTERNS) + r")", re.DOTALL)

# System lines only a group has: a group of two members who both wrote is still a group.
GROUP_NOTICE_RE = re.compile(
    r"(?:.{1,80} created (?:the )?group|.{1,80} (?:added|removed) .{1,80}|.{1,80} left$"
    r"|.{1,80} changed the (?:subject|group description)|.{1,80} changed this group's icon"
    r"|Messages (?:you send )?to this group"
    r"|.{1,80} 그룹을 만들었습니다|.{1,80}님을 (?:추가|내보냈)|.{1,80}님이 나갔습니다"
    r"|.{1,80} hat die Gruppe|.{1,80} hat .{1,80} hinzugefügt"
    r"|.{1,80} creó el grupo|.{1,80} añadió a .{1,80}|.{1,80} salió del grupo)",
    re.DOTALL,
)

# The notice at the top of every chat: skipped on import (it is noise, not history). Phones write
# it as a system line, or (older iOS, some groups) as a "message" from the chat's name, with or
# without an invisible mark in front: its opening words decide, in each language.
_ENCRYPTION_OPENINGS = (
    r"Messages and calls are end-to-end encrypted",
    r"Messages (?:you send |you sent )?to this (?:chat|group)(?: and calls)? (?:are|is) (?:now )?secured"
    r" with end-to-end encryption",
    r"메시지와 통화는 (?:종단간|엔드투엔드) 암호화",  # Android writes 엔드투엔드 since 2023
    r"이 채팅(?:방)?에 보낸 메시지와 통화는 (?:이제 )?(?:종단간|엔드투엔드) 암호화",
    r"Nachrichten und Anrufe sind Ende-zu-Ende-verschlüsselt",
    r"Nachrichten(?:, die du)? (?:an|in) diese[nm]? (?:Chat|Gruppe).{0,60}Ende-zu-Ende-Verschlüsselung",
    r"Los mensajes y las llamadas están cifrados de extremo a extremo",
    r"Los mensajes (?:que envíes )?(?:a|en) este (?:chat|grupo) y las llamadas (?:ahora )?están protegidos",
    r"Les messages et les appels sont chiffrés de bout en bout",
    r"As mensagens e (?:as )?(?:chamadas|ligações) (?:são|estão) protegidas com (?:a )?criptografia de ponta"
    r" a ponta",
    r"I messaggi e le chiamate sono crittografati end-to-end",
    r"メッセージと通話はエンドツーエンドで暗号化されています",
    r"Berichten en oproepen worden end-to-end versleuteld",
    r"Pesan dan panggilan terenkripsi secara end-to-end",
    r"Mesajlar ve aramalar uçtan uca şifrelidir",
)
ENCRYPTION_NOTICE_RE = re.compile("(?:" + "|".join(_ENCRYPTION_OPENINGS) + ")", re.IGNORECASE)
ENCRYPTION_RE = re.compile(
    r"(?:end-to-end encrypt|종단간 암호화|엔드투엔드 암호화|Ende-zu-Ende-"
    r"|cifrad[oa]s? de extremo a extremo|cifrado de extremo a extremo"
    r"|chiffrés de bout en bout|criptografia de ponta a ponta|crittografati end-to-end"
    r"|エンドツーエンドで暗号化|end-to-end versleuteld|terenkripsi secara end-to-end|uçtan uca şifreli)",
    re.IGNORECASE,
)


_NOTICE_FIRST = frozenset(o[0].casefold() for o in _ENCRYPTION_OPENINGS)
_MARKS_AND_SPACE = MARKS + " "
# What a line's first character (case-folded) must be for it to be the notice: an opening's first
# letter, or a mark or space before it. The parser tests this before calling is_encryption_notice.
NOTICE_FIRST = _NOTICE_FIRST | frozenset(_MARKS_AND_SPACE)


def is_encryption_notice(text: str) -> bool:
    """True for the chat's encryption notice (marks anywhere are ignored)."""
    # Checked on every message line: most fail on their first character, before the regex.
    if text.lstrip(_MARKS_AND_SPACE)[:1].casefold() not in _NOTICE_FIRST:
        return False
    return bool(ENCRYPTION_NOTICE_RE.match(strip_marks(text).lstrip()))


# Android writes one kind-less placeholder per language ("<Media omitted>"); iOS names the kind
# ("image omitted", "Kontaktkarte ausgelassen", "Tarjeta de contacto omitida"), and for a document
# the file name first ("Resume.pdf • 2 pages document omitted"). Read case-insensitively.
_ANDROID_OMITTED = (
    "Media omitted", "미디어 없음", "미디어 생략됨", "Medien ausgeschlossen", "Medien weggelassen",
    "Multimedia omitido", "Médias omis", "Fichier multimédia omis", "Mídia oculta", "Multimédia omitido",
    "Media omessi", "メディアなし", "メディアは含まれていません", "Media weggelaten",
    "Media tidak disertakan", "Medya dahil edilmedi",
)  # fmt: skip
# Kind word → message kind, per language; any of the language's "omitted" words may follow.
_IOS_KINDS: dict[str, dict[str, str]] = {
    "en": {"image": "image", "photo": "image", "video": "video", "audio": "audio", "sticker": "sticker",
           "document": "document", "GIF": "video", "Contact card": "contacts"},
    "ko": {"사진": "image", "이미지": "image", "동영상": "video", "비디오": "video", "오디오": "audio",
           "음성": "audio", "스티커": "sticker", "문서": "document", "GIF": "video", "연락처": "contacts",
           "연락처 카드": "contacts"},
    "de": {"Bild": "image", "Foto": "image", "Video": "video", "Audio": "audio", "Sticker": "sticker",
           "Dokument": "document", "GIF": "video", "Kontaktkarte": "contacts", "Kontakt": "contacts"},
    "es": {"imagen": "image", "foto": "image", "video": "video", "vídeo": "video", "audio": "audio",
           "sticker": "sticker", "documento": "document", "GIF": "video", "tarjeta de contacto": "contacts"},
    "fr": {"image": "image", "photo": "image", "vidéo": "video", "audio": "audio", "sticker": "sticker",
           "autocollant": "sticker", "document": "document", "GIF": "video", "carte de contact": "contacts",
           "fiche contact": "contacts"},
    "pt": {"imagem": "image", "foto": "image", "vídeo": "video", "áudio": "audio", "figurinha": "sticker",
           "sticker": "sticker", "documento": "document", "GIF": "video", "cartão de contato": "contacts",
           "cartão do contato": "contacts", "cartão de contacto": "contacts"},
    "it": {"immagine": "image", "foto": "image", "video": "video", "audio": "audio", "sticker": "sticker",
           "documento": "document", "GIF": "video", "scheda contatto": "contacts"},
    "ja": {"画像": "image", "写真": "image", "動画": "video", "ビデオ": "video", "音声": "audio",
           "オーディオ": "audio", "スタンプ": "sticker", "ステッカー": "sticker", "書類": "document",
           "ドキュメント": "document", "GIF": "video", "連絡先カード": "contacts"},
    "nl": {"afbeelding": "image", "foto": "image", "video": "video", "audio": "audio", "sticker": "sticker",
           "document": "document", "GIF": "video", "contactkaart": "contacts"},
    "id": {"gambar": "image", "foto": "image", "video": "video", "audio": "audio", "stiker": "sticker",
           "dokumen": "document", "GIF": "video", "kartu kontak": "contacts"},
    "tr": {"görüntü": "image", "fotoğraf": "image", "video": "video", "ses": "audio", "çıkartma": "sticker",
           "belge": "document", "GIF": "video", "kişi kartı": "contacts"},
}  # fmt: skip
_IOS_OMITTED_WORDS = {
    "en": r"omitted", "ko": r"(?:생략됨|없음)", "de": r"(?:weggelassen|ausgelassen)",
    "es": r"omitid[oa]", "fr": r"omise?s?", "pt": r"(?:omitid[oa]|ocultad[oa])", "it": r"omess[oa]",
    "ja": r"(?:は含まれていません|省略)", "nl": r"weggelaten", "id": r"tidak disertakan",
    "tr": r"dahil edilmedi",
}  # fmt: skip
_OMITTED_KIND = {word.casefold(): kind for words in _IOS_KINDS.values() for word, kind in words.items()}
_SPACE = {"ja": " ?"}


def _ios_alternative(lang: str) -> str:
    words = "|".join(re.escape(w) for w in sorted(_IOS_KINDS[lang], key=len, reverse=True))
    return f"(?P<{lang}>{words}){_SPACE.get(lang, ' ')}{_IOS_OMITTED_WORDS[lang]}"


MEDIA_OMITTED_RE = re.compile(
    r"^(?:<(?:" + "|".join(re.escape(w) for w in _ANDROID_OMITTED) + r")>"
    # A document's file name (with its extension) and details ("• 2 pages") may come first.
    r"|(?:(?P<file>[^\n•<>]+?\.[^\W_]{1,6})(?: *•[^\n]*?)? +)?"
    r"(?:" + "|".join(_ios_alternative(lang) for lang in _IOS_KINDS) + r"))$",
    re.IGNORECASE,
)


# How every placeholder ends (casefolded), to skip the big pattern for ordinary messages cheaply.
_OMITTED_TAILS = (
    ">", "omitted", "생략됨", "없음", "weggelassen", "ausgelassen", "omitido", "omitida", "omis", "omise",
    "omises", "ocultado", "ocultada", "omesso", "omessa", "は含まれていません", "省略", "weggelaten",
    "tidak disertakan", "dahil edilmedi",
)  # fmt: skip


_OMITTED_LAST = frozenset(tail[-1] for tail in _OMITTED_TAILS)


class _PlaceholderEnds(dict[str, bool]):
    """A text's last character → False when no placeholder can end the text: not a character one
    ends with, nor a mark or a space (past which `may_be_placeholder` looks). Worked out once per
    distinct character: every message is checked."""

    def __missing__(self, last: str) -> bool:
        if len(self) >= 4096:
            self.clear()
        maybe = last in MARKS or last.isspace() or last.casefold()[-1:] in _OMITTED_LAST
        self[last] = maybe
        return maybe


# PLACEHOLDER_END[text[-1:]] is False → may_be_placeholder(text) is False, for a dict lookup.
PLACEHOLDER_END = _PlaceholderEnds()


def may_be_placeholder(text: str) -> bool:
    """False when `text` (marks and spaces still in it) cannot be a placeholder: its last visible
    character ends none. Saves removing the marks from every message only to find that out."""
    last = text.rstrip()[-1:]
    return last in MARKS or last.casefold()[-1:] in _OMITTED_LAST  # "" (empty) or a mark: look closer


def match_placeholder(text: str) -> re.Match[str] | None:
    """A media placeholder ("<Media omitted>", "image omitted", "Resume.pdf • 2 pages document
    omitted"…) filling the whole (mark-free) text, else None."""
    # Every message is checked: look at its last character, then its last few, before running the
    # big pattern (most messages end in a letter no placeholder ends with, or "?", "!", "." …).
    if (
        len(text) > 300
        or text[-1:].casefold()[-1:] not in _OMITTED_LAST
        or not text[-20:].casefold().endswith(_OMITTED_TAILS)
    ):
        return None
    return MEDIA_OMITTED_RE.match(text)


def omitted_kind(match: re.Match[str]) -> str | None:
    """The message kind an iOS placeholder names; None for Android's kind-less "<Media omitted>"."""
    word = next((match.group(lang) for lang in _IOS_KINDS if match.group(lang)), None)
    return _OMITTED_KIND.get(word.casefold()) if word else None


def omitted_file(match: re.Match[str]) -> str | None:
    """The file name an iOS document placeholder carries ("Resume.pdf • 2 pages document omitted")."""
    name = match.group("file")
    return name.strip() if name else None


# Android: "IMG-20240105-WA0001.jpg (file attached)"; iOS: "<attached: 00000012-PHOTO-….jpg>".
ATTACHED_ANDROID_RE = re.compile(
    r"^(?P<file>[^\n]+?\.[A-Za-z0-9]{1,6}) \((?:file attached|파일 첨부됨|파일 첨부|Datei angehängt"
    r"|archivo adjunto)\)$"
)
ATTACHED_IOS_RE = re.compile(r"<(?:attached|첨부 파일|첨부|Anhang|adjunto): (?P<file>[^\n<>]+)>")

_DELETED = (
    r"This message was deleted\.?", r"You deleted this message\.?",
    r"이 메시지는 삭제되었습니다\.?", r"삭제된 메시지입니다\.?", r"메시지를 삭제했습니다\.?",
    r"Diese Nachricht wurde gelöscht\.?", r"Du hast diese Nachricht gelöscht\.?",
    r"Se eliminó este mensaje\.?", r"Eliminaste este mensaje\.?", r"Este mensaje fue eliminado\.?",
)  # fmt: skip
DELETED_RE = re.compile("^(?:" + "|".join(_DELETED) + ")$")
# The first character of every "deleted" line: the parser runs DELETED_RE only on lines starting so.
DELETED_FIRST = frozenset(pattern[0] for pattern in _DELETED)

EDITED_RE = re.compile(
    r"[ \u200e]*<(?:This message was edited|메시지 수정됨|수정된 메시지|수정됨"
    r"|Diese Nachricht wurde bearbeitet|Se editó este mensaje\.?)>$"
)

# What the exporter writes, per export language.
EXPORT_WORDS = {
    "en": {
        "attached": "<attached: {file}>",
        "edited": "<This message was edited>",
        # A message the customer deleted on WhatsApp, as the phone's export says it (DELETED_RE reads it).
        "deleted": "This message was deleted",
        "omitted": "<Media omitted>",
        # A cart's or catalogue message's items, as its bubble shows them (app/chat_export/items.py).
        "order": "Order {number}",
        "cart": "Cart",
        "shipping": "Shipping {amount}",
        # The area the order was charged for ("surcharge:" + its key), as the order window names it.
        "surcharge": "Surcharge {amount}",
        **{f"surcharge:{area}": f"{name} {{amount}}" for area, name in AREA_NAMES["en"].items()},
        "discount": "Discount {amount}",
        "total": "Total {total}",
        "each": "{price} each",  # an item's price beside its line's ("Pearl drop earrings ×2   ₩30,000 (…)")
    },
    "ko": {
        "attached": "<첨부 파일: {file}>",
        "edited": "<메시지 수정됨>",
        "deleted": "이 메시지는 삭제되었습니다",
        "omitted": "<미디어 없음>",
        "order": "주문 {number}",
        "cart": "장바구니",
        "shipping": "배송비 {amount}",
        "surcharge": "추가 배송비 {amount}",
        **{f"surcharge:{area}": f"{name} {{amount}}" for area, name in AREA_NAMES["ko"].items()},
        "discount": "할인 {amount}",
        "total": "합계 {total}",
        "each": "개당 {price}",
    },
}

KIND_BY_SUFFIX = {
    ".jpg": "image", ".jpeg": "image", ".png": "image", ".heic": "image", ".gif": "image",
    ".webp": "sticker",
    ".mp4": "video", ".3gp": "video", ".mov": "video", ".m4v": "video",
    ".opus": "audio", ".ogg": "audio", ".m4a": "audio", ".mp3": "audio", ".aac": "audio", ".amr": "audio",
    ".vcf": "contacts",
}  # fmt: skip

MIME_BY_SUFFIX = {
    ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".png": "image/png", ".heic": "image/heic",
    ".gif": "image/gif", ".webp": "image/webp", ".mp4": "video/mp4", ".3gp": "video/3gpp",
    ".mov": "video/quicktime", ".opus": "audio/ogg", ".ogg": "audio/ogg", ".m4a": "audio/mp4",
    ".mp3": "audio/mpeg", ".aac": "audio/aac", ".amr": "audio/amr", ".pdf": "application/pdf",
    ".vcf": "text/vcard", ".txt": "text/plain",
    # The Office types WhatsApp takes as documents, whatever a computer's own list calls them.
    ".doc": "application/msword", ".xls": "application/vnd.ms-excel", ".ppt": "application/vnd.ms-powerpoint",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
}  # fmt: skip
