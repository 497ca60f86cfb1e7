"""What the owner attaches goes as WhatsApp takes it: a photo, video or sound as itself, a PDF, Word,
Excel, PowerPoint or text file as a document; a type WhatsApp takes as nothing (a .hwp, .zip, WAV,
an OGG with Vorbis, HEIC, QuickTime video) is refused when attached, naming what to save it as, and a
video or sound over its kind's 16 MB is told so at once, instead of failing after the send."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from app.db import Database
from app.errors import ErrorCode, InvalidInput
from app.models import Media, Message, MessageStatus
from app.outbox import OutboxSender
from app.relay_client import RelayClient
from app.sending import Outgoing, attachment_kind, queue_outgoing
from app.wire import DOCUMENT_MIMES, MB
from tests.support.factories import make_contact
from tests.support.fake_graph import FakeGraph
from tests.support.relay_server import RunningRelay, inbound
from tests.support.sound_files import ogg_opus, ogg_vorbis

CUSTOMER = "821012345678"


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("매장 안내.mp3", "audio"),
        ("voice.m4a", "audio"),
        ("voice.aac", "audio"),
        ("voice.amr", "audio"),
        ("녹음.wav", "refused"),
        ("live.flac", "refused"),
        ("old.wma", "refused"),
        ("clip.mp4", "video"),
        ("clip.3gp", "video"),
        ("clip.mov", "refused"),
        ("clip.webm", "refused"),
        ("photo.jpg", "image"),
        ("photo.png", "image"),
        ("IMG_0001.HEIC", "refused"),
        ("moving.gif", "refused"),
    ],
)
def test_each_type_goes_as_the_kind_whatsapp_takes_it_as(tmp_path: Path, name: str, kind: str) -> None:
    path = tmp_path / name
    path.write_bytes(b"\0" * 1000)
    if kind == "refused":
        with pytest.raises(InvalidInput) as refused:
            attachment_kind(path)
        assert refused.value.code is ErrorCode.FILE_TYPE_NOT_TAKEN
    else:
        assert attachment_kind(path)[0] == kind


@pytest.mark.parametrize(
    "name",
    ["견적서.pdf", "메모.txt", "주문서.doc", "주문서.docx", "재고.xls", "재고.xlsx", "소개.ppt", "소개.pptx"],
)
def test_the_documents_whatsapp_takes_go_as_documents(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(b"\0" * 1000)
    kind, mime = attachment_kind(path)
    assert kind == "document" and mime in DOCUMENT_MIMES


@pytest.mark.parametrize(
    ("name", "said_as"),
    [
        ("견적서.hwp", "document"),
        ("견적서.hwpx", "document"),
        ("사진 모음.zip", "document"),
        ("주문 목록.csv", "document"),
        ("IMG_0001.HEIC", "image"),
        ("안내.wav", "audio"),
        ("매장 투어.mov", "video"),
    ],
)
def test_a_type_whatsapp_takes_as_nothing_is_refused_naming_the_file_and_its_kind(
    tmp_path: Path, name: str, said_as: str
) -> None:
    """Graph refuses these at upload even as documents: refused before anything is queued, with the
    kind the desktop's sentence names a format for (PDF for documents, JPEG, MP3, MP4)."""
    path = tmp_path / name
    path.write_bytes(b"\0" * 1000)
    with pytest.raises(InvalidInput) as refused:
        attachment_kind(path)
    assert refused.value.code is ErrorCode.FILE_TYPE_NOT_TAKEN
    assert refused.value.param_values() == {"name": name, "kind": said_as}


@pytest.mark.parametrize(
    ("name", "first_bytes", "kind", "limit_mb"),
    [
        ("매장 투어.mp4", b"", "video", 16),
        ("clip.3gp", b"", "video", 16),
        ("매장 음악.mp3", b"", "audio", 16),
        ("voice.m4a", b"", "audio", 16),
        ("voice.ogg", ogg_opus(), "audio", 16),
        ("song.ogg", ogg_vorbis(), "audio", 16),  # over the limit first: a shorter file is what is asked
        ("IMG_0001.jpg", b"", "image", 5),
        ("배너.png", b"", "image", 5),
    ],
)
def test_a_video_sound_or_photo_over_whatsapps_limit_for_its_kind_is_refused_not_sent_as_a_document(
    tmp_path: Path, name: str, first_bytes: bytes, kind: str, limit_mb: int
) -> None:
    """An MP4 or MP3 over 16 MB used to go as a document, which video/mp4 and audio/mpeg cannot be:
    the relay refused it as too large after the send. Refused here, naming its kind and limit."""
    path = tmp_path / name
    with path.open("wb") as file:
        file.write(first_bytes)
        file.truncate((limit_mb + 1) * MB)  # sparse: no time, no disk
    with pytest.raises(InvalidInput) as refused:
        attachment_kind(path)
    assert refused.value.code is ErrorCode.FILE_TOO_LARGE_FOR_KIND
    assert refused.value.param_values() == {"name": name, "kind": kind, "limit_mb": limit_mb}


def test_a_webp_too_big_for_a_sticker_is_refused_as_a_picture_to_save_as_jpeg(tmp_path: Path) -> None:
    """WhatsApp takes a WebP only as a sticker, up to 500 KB (the UI makes a bigger one a JPEG photo)."""
    path = tmp_path / "린넨셔츠.webp"
    with path.open("wb") as file:
        file.truncate(600 * 1024)
    with pytest.raises(InvalidInput) as refused:
        attachment_kind(path)
    assert refused.value.code is ErrorCode.FILE_TYPE_NOT_TAKEN
    assert refused.value.param_values() == {"name": "린넨셔츠.webp", "kind": "image"}


def test_whatsapps_own_types_are_known_by_their_suffix_whatever_the_computer_says(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Windows' registry names an .m4a audio/x-m4a, some mime.types a .3gp audio/3gpp: the kind and
    the type uploaded are WhatsApp's all the same."""
    import mimetypes

    mimetypes.init()
    monkeypatch.setitem(mimetypes.types_map, ".m4a", "audio/x-m4a")
    monkeypatch.setitem(mimetypes.types_map, ".3gp", "audio/3gpp")
    recording, clip = tmp_path / "voice.m4a", tmp_path / "clip.3gp"
    for file in (recording, clip):
        file.write_bytes(b"\0" * 1000)
    assert attachment_kind(recording) == ("audio", "audio/mp4")
    assert attachment_kind(clip) == ("video", "video/3gpp")


def test_an_ogg_is_a_voice_message_only_with_opus_inside(tmp_path: Path) -> None:
    opus = tmp_path / "voice.ogg"
    opus.write_bytes(ogg_opus() + b"\0" * 500)
    assert attachment_kind(opus) == ("audio", "audio/ogg")


def test_an_ogg_song_with_vorbis_inside_is_refused_with_what_to_save_it_as_not_sent_as_a_document(
    tmp_path: Path,
) -> None:
    """WhatsApp plays an OGG only with Opus inside, and takes no sound as a document (documents are
    PDF, Word, Excel, PowerPoint or text): it used to go as a document and fail after the send."""
    song = tmp_path / "매장 음악.ogg"
    song.write_bytes(ogg_vorbis() + b"\0" * 4000)
    with pytest.raises(InvalidInput) as refused:
        attachment_kind(song)
    assert refused.value.code is ErrorCode.FILE_TYPE_NOT_TAKEN
    assert refused.value.param_values() == {"name": "매장 음악.ogg", "kind": "audio"}


@pytest.mark.parametrize(
    ("name", "size_mb", "kind"),
    [
        ("매장 투어.mp4", 101, "video"),
        ("매장 투어.mp4", 250, "video"),
        ("clip.3gp", 120, "video"),
        ("매장 투어.mov", 101, "video"),  # a type WhatsApp takes as nothing: the size is the first thing
        ("매장 음악.mp3", 150, "audio"),
        ("녹음.wav", 101, "audio"),
    ],
)
def test_a_video_or_sound_over_100_mb_is_told_its_kinds_16_mb_at_once(
    tmp_path: Path, name: str, size_mb: int, kind: str
) -> None:
    """A 101 MB MP4 was told "over 100 MB", then, trimmed to 90 MB, "over 16 MB": no video or sound
    goes as a document, so its own limit is the one it is told, whatever its size."""
    path = tmp_path / name
    with path.open("wb") as file:
        file.truncate(size_mb * MB)  # sparse: no time, no disk
    with pytest.raises(InvalidInput) as refused:
        attachment_kind(path)
    assert refused.value.code is ErrorCode.FILE_TOO_LARGE_FOR_KIND
    assert refused.value.param_values() == {"name": name, "kind": kind, "limit_mb": 16}


def test_a_document_over_100_mb_is_told_whatsapps_100_mb(tmp_path: Path) -> None:
    path = tmp_path / "카탈로그.pdf"
    with path.open("wb") as file:
        file.truncate(101 * MB)
    with pytest.raises(InvalidInput) as refused:
        attachment_kind(path)
    assert refused.value.code is ErrorCode.FILE_TOO_LARGE
    assert refused.value.param_values() == {"name": "카탈로그.pdf", "limit_mb": 100}


def send_queued(db: Database, relay: RunningRelay) -> None:
    client = RelayClient(relay.url, relay.token)
    sender = OutboxSender(
        db, client, on_changed=lambda ids: None, stop=threading.Event(), retry_base=0.01, retry_cap=0.05
    )
    try:
        sender.run_once()
    finally:
        client.close()


def test_a_document_bigger_than_any_photo_or_video_reaches_the_customer_with_its_name(
    db: Database, relay: RunningRelay, graph: FakeGraph, tmp_path: Path
) -> None:
    """A document's limit is 100 MB, on both sides (a photo's is 5, a video's 16)."""
    relay.post_webhook(inbound(content="카탈로그 보내주세요", sender=CUSTOMER))
    catalogue = tmp_path / "2026 봄 카탈로그.pdf"
    catalogue.write_bytes(b"%PDF-1.7" + b"\0" * (17 * MB))
    with db.write() as s:
        contact_id = make_contact(s, wa_id=CUSTOMER).id
    message_id = queue_outgoing(db, Outgoing(contact_id, "확인 부탁드려요", attachment=catalogue))

    send_queued(db, relay)

    with db.read() as s:
        message = s.get(Message, message_id)
        assert message is not None
        assert (message.kind, message.status, message.error_code) == ("document", MessageStatus.SENT, None)
        media = s.query(Media).filter_by(message_id=message_id).one()
        assert media.relay_media_id in graph.media
    [body] = graph.sent
    assert body["type"] == "document"
    assert body["document"]["filename"] == "2026 봄 카탈로그.pdf"
    assert body["document"]["caption"] == "확인 부탁드려요"


def test_a_file_whatsapp_refuses_at_upload_fails_with_the_relays_code_not_graphs_generic_one(
    db: Database, relay: RunningRelay, graph: FakeGraph, tmp_path: Path
) -> None:
    """A type Meta stops taking (here an old Word .doc): its code-100 refusal of the upload is kept as
    `unsupported_file_type`, which the bubble says in the owner's language, and nothing is sent."""
    graph.upload_types.discard("application/msword")
    relay.post_webhook(inbound(content="견적서 보내주세요", sender=CUSTOMER))
    estimate = tmp_path / "견적서.doc"
    estimate.write_bytes(b"\xd0\xcf\x11\xe0" + b"\0" * 1000)
    with db.write() as s:
        contact_id = make_contact(s, wa_id=CUSTOMER).id
    message_id = queue_outgoing(db, Outgoing(contact_id, attachment=estimate))

    send_queued(db, relay)

    with db.read() as s:
        message = s.get(Message, message_id)
        assert message is not None
        assert (message.status, message.error_code) == (MessageStatus.FAILED, "unsupported_file_type")
    assert graph.sent == []
