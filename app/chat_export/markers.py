"""The words WhatsApp writes into exports in each language: system lines, placeholders, markers.

English, Korean, German and Spanish, as the Android and iOS apps write them. Tables only: the
parser (app/chat_export/parser.py) decides where in a line each one is looked for.
"""

from __future__ import annotations

import re

# The invisible left-to-right mark iOS puts before system text and attachment markers.
LRM = "\u200e"

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

# The notice at the top of every chat: skipped on import (it is noise, not history).
ENCRYPTION_RE = re.compile(
    r"(?:end-to-end encrypt|종단간 암호화|Ende-zu-Ende-"
    r"|cifrad[oa]s? de extremo a extremo|cifrado de extremo a extremo)"
)

# Android's "<Media omitted>" (kind unknown) and iOS's "image omitted" (kind known).
MEDIA_OMITTED_RE = re.compile(
    r"^(?:<(?:Media omitted|미디어 없음|미디어 생략됨|Medien ausgeschlossen|Multimedia omitido)>"
    r"|(?P<en>image|video|audio|sticker|document|GIF|Contact card) omitted"
    r"|(?P<ko>사진|이미지|동영상|비디오|오디오|음성|스티커|문서|GIF|연락처) (?:생략됨|없음)"
    r"|(?P<de>Bild|Video|Audio|Sticker|Dokument|GIF|Kontaktkarte) weggelassen"
    r"|(?P<es>imagen|video|vídeo|audio|sticker|documento|GIF|tarjeta de contacto) omitid[oa])$"
)
_OMITTED_KIND = {
    "image": "image", "video": "video", "audio": "audio", "sticker": "sticker", "document": "document",
    "GIF": "video", "Contact card": "contacts",
    "사진": "image", "이미지": "image", "동영상": "video", "비디오": "video", "오디오": "audio",
    "음성": "audio", "스티커": "sticker", "문서": "document", "연락처": "contacts",
    "Bild": "image", "Dokument": "document", "Kontaktkarte": "contacts",
    "imagen": "image", "vídeo": "video", "documento": "document", "tarjeta de contacto": "contacts",
}  # fmt: skip


def omitted_kind(match: re.Match[str]) -> str | None:
    """The message kind an iOS placeholder names; None for Android's kind-less "<Media omitted>"."""
    word = match.group("en") or match.group("ko") or match.group("de") or match.group("es")
    return _OMITTED_KIND.get(word) if word else None


# Android: "IMG-20240105-WA0001.jpg (file attached)"; iOS: "<attached: 00000012-PHOTO-….jpg>".
ATTACHED_ANDROID_RE = re.compile(
    r"^(?P<file>[^\n]+?\.[A-Za-z0-9]{1,6}) \((?:file attached|파일 첨부됨|파일 첨부|Datei angehängt"
    r"|archivo adjunto)\)$"
)
ATTACHED_IOS_RE = re.compile(r"<(?:attached|첨부 파일|첨부|Anhang|adjunto): (?P<file>[^\n<>]+)>")

DELETED_RE = re.compile(
    r"^(?:This message was deleted\.?|You deleted this message\.?"
    r"|이 메시지는 삭제되었습니다\.?|삭제된 메시지입니다\.?|메시지를 삭제했습니다\.?"
    r"|Diese Nachricht wurde gelöscht\.?|Du hast diese Nachricht gelöscht\.?"
    r"|Se eliminó este mensaje\.?|Eliminaste este mensaje\.?|Este mensaje fue eliminado\.?)$"
)

EDITED_RE = re.compile(
    r"[ \u200e]*<(?:This message was edited|메시지 수정됨|수정된 메시지|수정됨"
    r"|Diese Nachricht wurde bearbeitet|Se editó este mensaje\.?)>$"
)

# What the exporter writes, per export language.
EXPORT_WORDS = {
    "en": {
        "attached": "<attached: {file}>",
        "edited": "<This message was edited>",
        "omitted": "<Media omitted>",
    },
    "ko": {
        "attached": "<첨부 파일: {file}>",
        "edited": "<메시지 수정됨>",
        "omitted": "<미디어 없음>",
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
}  # fmt: skip
