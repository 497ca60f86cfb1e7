"""Quick replies carried to another computer: exported into one zip on the laptop, imported into a
second, fresh inbox on the shop's PC, with their photos and PDFs, never overwriting what is there."""

from __future__ import annotations

import json
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.db import Database
from app.errors import DiskFull, ErrorCode, InvalidInput
from app.paths import QUICK_REPLY_FOLDER, paths_for
from app.quick_replies import QuickReplyLibrary
from app.quick_reply_transfer import (
    FILE_LIMIT,
    FORMAT,
    MANIFEST,
    TransferFileInvalid,
    default_file_name,
    export_quick_replies,
    import_quick_replies,
)
from app.sending import attachment_kind

PHOTO = b"\xff\xd8\xff\xe0" + b"JFIF photo of the price list" * 50
PDF = b"%PDF-1.4\n" + b"price list " * 200


class Computer:
    """One computer's data folder and inbox."""

    def __init__(self, folder: Path) -> None:
        self.data = paths_for(folder).ensure().data_dir
        self.db = Database.open(self.data / "inbox.db")
        self.library = QuickReplyLibrary(self.db, self.data)

    def import_(self, source: Path):  # type: ignore[no-untyped-def]
        return import_quick_replies(self.db, self.data, source)

    def stored_files(self) -> list[Path]:
        return sorted(p for p in (self.data / QUICK_REPLY_FOLDER).rglob("*") if p.is_file())


@pytest.fixture
def laptop(tmp_path: Path) -> Iterator[Computer]:
    computer = Computer(tmp_path / "laptop")
    yield computer
    computer.db.close()


@pytest.fixture
def shop_pc(tmp_path: Path) -> Iterator[Computer]:
    computer = Computer(tmp_path / "shop-pc")
    yield computer
    computer.db.close()


def downloads(tmp_path: Path, name: str, data: bytes) -> Path:
    folder = tmp_path / "Downloads"
    folder.mkdir(exist_ok=True)
    (folder / name).write_bytes(data)
    return folder / name


def owners_replies(laptop: Computer, tmp_path: Path) -> None:
    laptop.library.add(
        "/배송",
        "{first_name}님, 2~3일 안에 도착해요.",
        keywords=["배송", "택배"],
        text_other_language="It arrives in 2-3 days, {first_name}.",
    )
    laptop.library.add("/가격표", "가격표 보내드려요", media_path=str(downloads(tmp_path, "가격표.pdf", PDF)))
    laptop.library.add("/사진", "실물 사진이에요", media_path=str(downloads(tmp_path, "실물.jpg", PHOTO)))
    laptop.library.add("/환불", "환불은 3일 안에 돼요", keywords=["환불"])


def write_export(path: Path, manifest: object, files: dict[str, bytes] | None = None) -> Path:
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr(MANIFEST, json.dumps(manifest, ensure_ascii=False))
        for name, data in (files or {}).items():
            zf.writestr(name, data)
    return path


def test_the_export_is_named_in_the_owners_words_and_by_the_day_it_was_made() -> None:
    from datetime import datetime

    assert default_file_name("빠른-답장", datetime(2026, 12, 6, 23, 59)) == "빠른-답장-2026-12-06.zip"


def test_replies_with_their_photo_and_pdf_arrive_whole_on_a_fresh_computer(
    tmp_path: Path, laptop: Computer, shop_pc: Computer
) -> None:
    owners_replies(laptop, tmp_path)
    laptop.library.reorder([r.id for r in reversed(laptop.library.all())])  # her own order
    target = tmp_path / "USB" / default_file_name("quick-replies")
    target.parent.mkdir()
    report = export_quick_replies(laptop.db, laptop.data, target)
    assert report.exported == 4 and report.without_file == ()
    for file in tmp_path.joinpath("Downloads").iterdir():
        file.unlink()  # the file itself travels, not a path into the laptop

    imported, changes = shop_pc.import_(target)
    assert changes is not None and changes.quick_replies
    assert imported.added == ("/환불", "/사진", "/가격표", "/배송")
    assert imported.already_here == () and imported.renamed == () and imported.problems == ()
    rows = shop_pc.library.all()
    assert [r.shortcut for r in rows] == ["/환불", "/사진", "/가격표", "/배송"]
    delivery = rows[3]
    assert delivery.text == "{first_name}님, 2~3일 안에 도착해요."
    assert delivery.text_other_language == "It arrives in 2-3 days, {first_name}."
    assert delivery.keywords == ("배송", "택배")
    price_list = rows[2]
    assert price_list.media_name == "가격표.pdf" and not price_list.media_missing
    assert price_list.media_file is not None and price_list.media_file.read_bytes() == PDF
    assert price_list.media_file.is_relative_to(shop_pc.data / QUICK_REPLY_FOLDER)
    assert rows[1].media_file is not None and rows[1].media_file.read_bytes() == PHOTO


def test_importing_the_same_file_twice_adds_nothing_the_second_time(
    tmp_path: Path, laptop: Computer, shop_pc: Computer
) -> None:
    owners_replies(laptop, tmp_path)
    target = export_quick_replies(laptop.db, laptop.data, tmp_path / "replies.zip").path
    shop_pc.import_(target)
    files = shop_pc.stored_files()

    again, changes = shop_pc.import_(target)
    assert changes is None
    assert again.total_added == 0
    assert sorted(again.already_here) == ["/가격표", "/배송", "/사진", "/환불"]
    assert len(shop_pc.library.all()) == 4 and shop_pc.stored_files() == files


def test_a_shortcut_taken_by_another_reply_keeps_both_and_the_imported_one_is_numbered(
    tmp_path: Path, laptop: Computer, shop_pc: Computer
) -> None:
    owners_replies(laptop, tmp_path)
    shop_pc.library.add("/배송", "택배로 보내드려요")  # the assistant's own words for it
    shop_pc.library.add("/환불", "환불은 사장님께 문의하세요")
    shop_pc.library.add("/환불-2", "교환은 7일 안에 돼요")
    target = export_quick_replies(laptop.db, laptop.data, tmp_path / "replies.zip").path

    report, _changes = shop_pc.import_(target)
    assert report.added == ("/가격표", "/사진")
    assert report.renamed == (("/배송", "/배송-2"), ("/환불", "/환불-3"))
    by_shortcut = {r.shortcut: r.text for r in shop_pc.library.all()}
    assert by_shortcut["/배송"] == "택배로 보내드려요"  # hers, not overwritten
    assert by_shortcut["/배송-2"] == "{first_name}님, 2~3일 안에 도착해요."
    assert by_shortcut["/환불-3"] == "환불은 3일 안에 돼요"

    # Imported again, the numbered ones are recognised as already here.
    again, _changes = shop_pc.import_(target)
    assert again.total_added == 0 and len(again.already_here) == 4


def test_a_reply_identical_to_one_here_is_skipped_whatever_the_case_of_its_shortcut(
    tmp_path: Path, laptop: Computer, shop_pc: Computer
) -> None:
    laptop.library.add("/Thanks", "Thank you!", keywords=["thx"])
    shop_pc.library.add("/thanks", "Thank you!", keywords=["thx"])
    target = export_quick_replies(laptop.db, laptop.data, tmp_path / "replies.zip").path
    report, changes = shop_pc.import_(target)
    assert report.already_here == ("/Thanks",) and changes is None


def test_a_long_shortcut_numbered_stays_within_the_limit(
    tmp_path: Path, laptop: Computer, shop_pc: Computer
) -> None:
    long = "/" + "가" * 31
    laptop.library.add(long, "하나")
    shop_pc.library.add(long, "둘")
    target = export_quick_replies(laptop.db, laptop.data, tmp_path / "replies.zip").path
    report, _changes = shop_pc.import_(target)
    ((_, renamed),) = report.renamed
    assert renamed == "/" + "가" * 29 + "-2"
    again, _changes = shop_pc.import_(target)
    assert again.already_here == (long,)


def test_a_reply_whose_file_is_missing_here_is_exported_without_it_and_said(
    tmp_path: Path, laptop: Computer, shop_pc: Computer
) -> None:
    owners_replies(laptop, tmp_path)
    for file in laptop.stored_files():
        if file.name == "실물.jpg":
            file.unlink()
    report = export_quick_replies(laptop.db, laptop.data, tmp_path / "replies.zip")
    assert report.without_file == ("/사진",)
    with zipfile.ZipFile(report.path) as zf:
        manifest = json.loads(zf.read(MANIFEST))
    # Still version 1: a reader that does not know `file_missing` reads a reply without a file.
    assert manifest["version"] == 1
    entry = next(r for r in manifest["replies"] if r["shortcut"] == "/사진")
    assert entry["file"] is None and entry["file_missing"]["name"] == "실물.jpg"
    assert len(entry["file_missing"]["sha256"]) == 64
    assert all(r["file_missing"] is None for r in manifest["replies"] if r["shortcut"] != "/사진")
    imported, _changes = shop_pc.import_(report.path)
    assert imported.total_added == 4 and imported.added_without_file == ("/사진",)
    # It says "file missing" there too, under the file's own name: she knows to choose it again.
    photo = next(r for r in shop_pc.library.all() if r.shortcut == "/사진")
    assert photo.media_missing and photo.media_name == "실물.jpg"
    again, changes = shop_pc.import_(report.path)
    assert again.total_added == 0 and changes is None and "/사진" in again.already_here


@pytest.mark.parametrize(
    ("content", "code"),
    [
        (b"not a zip at all", ErrorCode.QUICK_REPLIES_NOT_AN_EXPORT),
        (b"PK\x03\x04" + b"\x00" * 40, ErrorCode.QUICK_REPLIES_NOT_AN_EXPORT),
    ],
)
def test_a_file_that_is_not_an_export_is_refused(
    tmp_path: Path, shop_pc: Computer, content: bytes, code: ErrorCode
) -> None:
    path = tmp_path / "something.zip"
    path.write_bytes(content)
    with pytest.raises(TransferFileInvalid) as refused:
        shop_pc.import_(path)
    assert refused.value.code == code


def test_a_zip_of_something_else_a_damaged_list_and_a_newer_version_are_each_refused_with_nothing_imported(
    tmp_path: Path, shop_pc: Computer
) -> None:
    photos = tmp_path / "photos.zip"
    with zipfile.ZipFile(photos, "w") as zf:
        zf.writestr("IMG_0001.jpg", PHOTO)
    with pytest.raises(TransferFileInvalid) as other:
        shop_pc.import_(photos)
    assert other.value.code == ErrorCode.QUICK_REPLIES_NOT_AN_EXPORT

    menu_bot = write_export(tmp_path / "bot.zip", {"format": "menu-bot", "version": 1, "replies": []})
    with pytest.raises(TransferFileInvalid) as not_ours:
        shop_pc.import_(menu_bot)
    assert not_ours.value.code == ErrorCode.QUICK_REPLIES_NOT_AN_EXPORT

    cut = tmp_path / "cut.zip"
    with zipfile.ZipFile(cut, "w") as zf:
        zf.writestr(MANIFEST, '{"format": "' + FORMAT + '", "version": 1, "replies": [{"shortc')
    with pytest.raises(TransferFileInvalid) as damaged:
        shop_pc.import_(cut)
    assert damaged.value.code == ErrorCode.QUICK_REPLIES_DAMAGED

    newer = write_export(
        tmp_path / "newer.zip",
        {"format": FORMAT, "version": 2, "replies": [{"shortcut": "/a", "text": "a"}]},
    )
    with pytest.raises(TransferFileInvalid) as too_new:
        shop_pc.import_(newer)
    assert too_new.value.code == ErrorCode.QUICK_REPLIES_TOO_NEW
    assert too_new.value.param_values() == {"found": 2, "supported": 1}

    with pytest.raises(InvalidInput) as gone:
        shop_pc.import_(tmp_path / "taken-away.zip")
    assert gone.value.code == ErrorCode.FILE_GONE
    assert shop_pc.library.all() == [] and shop_pc.stored_files() == []


def reply(
    shortcut: str, text: str = "안녕하세요", file: dict[str, object] | None = None
) -> dict[str, object]:
    return {
        "shortcut": shortcut,
        "text": text,
        "text_other_language": "",
        "keywords": [],
        "position": 0,
        "file": file,
    }


def file_entry(name: str, data: bytes, path: str | None = None) -> dict[str, object]:
    import hashlib

    digest = hashlib.sha256(data).hexdigest()
    return {"name": name, "size": len(data), "sha256": digest, "path": path or f"files/{digest}/{name}"}


def test_bad_replies_are_named_and_the_rest_of_the_file_is_imported(
    tmp_path: Path, shop_pc: Computer
) -> None:
    hwp = b"HWP Document File" * 10
    big_video = b"\x00\x00\x00\x18ftypmp42" + b"\x00" * (17 * 1024 * 1024)
    pdf = file_entry("가격표.pdf", PDF)
    broken = file_entry("사진.jpg", PHOTO)
    manifest = {
        "format": FORMAT,
        "version": 1,
        "replies": [
            reply("/안녕"),
            reply("/긴글", "가" * 5000),
            reply("/견적", "견적서", file_entry("견적서.hwp", hwp)),
            reply("/영상", "영상이에요", file_entry("영상.mp4", big_video)),
            reply("/사진", "사진", broken),
            reply("/가격표", "가격표", pdf),
            reply("/빈칸 있음", "x"),
            "not a reply",
            reply("/없는파일", "x", file_entry("없음.pdf", b"%PDF gone")),
        ],
    }
    files = {
        str(pdf["path"]): PDF,
        str(broken["path"]): PHOTO[:-5] + b"xxxxx",  # not what was exported
        f"files/{file_entry('견적서.hwp', hwp)['sha256']}/견적서.hwp": hwp,
        f"files/{file_entry('영상.mp4', big_video)['sha256']}/영상.mp4": big_video,
    }
    source = write_export(tmp_path / "replies.zip", manifest, files)

    report, _changes = shop_pc.import_(source)
    assert report.added == ("/안녕", "/가격표")
    # Said in the file's order, whatever stage refused them.
    assert [(p.shortcut, p.code) for p in report.problems] == [
        ("/긴글", ErrorCode.QUICK_REPLY_TOO_LONG),
        ("/견적", ErrorCode.FILE_TYPE_NOT_TAKEN),
        ("/영상", ErrorCode.FILE_TOO_LARGE_FOR_KIND),
        ("/사진", ErrorCode.QUICK_REPLY_FILE_DAMAGED),
        ("/빈칸 있음", ErrorCode.SHORTCUT_HAS_SPACES),
        ("#8", ErrorCode.QUICK_REPLY_ENTRY_DAMAGED),
        ("/없는파일", ErrorCode.QUICK_REPLY_FILE_DAMAGED),
    ]
    assert [r.shortcut for r in shop_pc.library.all()] == ["/안녕", "/가격표"]
    # Files are copied in only for the replies added.
    assert [f.name for f in shop_pc.stored_files()] == ["가격표.pdf"]


def test_a_path_climbing_out_of_the_zip_writes_nothing_outside_the_quick_reply_folder(
    tmp_path: Path, shop_pc: Computer
) -> None:
    climbing = file_entry("../../../escaped.pdf", PDF, path="../../escaped.pdf")
    manifest = {"format": FORMAT, "version": 1, "replies": [reply("/탈출", "x", climbing)]}
    source = tmp_path / "deep" / "er" / "replies.zip"
    source.parent.mkdir(parents=True)
    write_export(source, manifest, {"../../escaped.pdf": PDF})

    report, _changes = shop_pc.import_(source)
    assert report.added == ("/탈출",)
    (row,) = shop_pc.library.all()
    assert row.media_file is not None and row.media_file.name == "escaped.pdf"
    assert row.media_file.resolve().is_relative_to((shop_pc.data / QUICK_REPLY_FOLDER).resolve())
    outside = [p for p in tmp_path.rglob("escaped.pdf") if p.resolve() != row.media_file.resolve()]
    assert outside == []
    assert list(shop_pc.data.glob(".quick-reply-import-*")) == []  # what was unpacked on the way is gone


def test_a_zip_bomb_is_refused_after_whatsapps_largest_file_not_unpacked_whole(
    tmp_path: Path, shop_pc: Computer
) -> None:
    bomb_name = "폭탄.pdf"
    source = tmp_path / "bomb.zip"
    size = FILE_LIMIT + 1024 * 1024
    # The manifest says a small file; the member unpacks to more than any file WhatsApp takes.
    entry = {"name": bomb_name, "size": 10, "sha256": "0" * 64, "path": "files/bomb"}
    manifest = {"format": FORMAT, "version": 1, "replies": [reply("/폭탄", "x", entry), reply("/정상")]}
    with zipfile.ZipFile(source, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(MANIFEST, json.dumps(manifest))
        with zf.open("files/bomb", "w") as member:
            chunk = b"%PDF" + b"\x00" * (1024 * 1024 - 4)
            for _ in range(size // len(chunk)):
                member.write(chunk)
    assert source.stat().st_size < 2 * 1024 * 1024  # a small file

    report, _changes = shop_pc.import_(source)
    assert [(p.shortcut, p.code) for p in report.problems] == [("/폭탄", ErrorCode.FILE_TOO_LARGE)]
    assert report.added == ("/정상",)
    assert shop_pc.stored_files() == []


def test_a_failure_while_adding_leaves_nothing_half_imported(
    tmp_path: Path, laptop: Computer, shop_pc: Computer, monkeypatch: pytest.MonkeyPatch
) -> None:
    owners_replies(laptop, tmp_path)
    target = export_quick_replies(laptop.db, laptop.data, tmp_path / "replies.zip").path
    import app.quick_reply_transfer as transfer

    real = transfer.add_quick_reply
    calls = []

    def fails_on_the_third(*args, **kwargs):  # type: ignore[no-untyped-def]
        calls.append(args[1])
        if len(calls) == 3:
            raise OSError(28, "No space left on device")
        return real(*args, **kwargs)

    monkeypatch.setattr(transfer, "add_quick_reply", fails_on_the_third)
    with pytest.raises(DiskFull):
        shop_pc.import_(target)
    assert shop_pc.library.all() == []  # one transaction: the first two went with it
    assert shop_pc.stored_files() == []


def test_many_small_bombs_together_are_refused_before_any_is_unpacked(
    tmp_path: Path, shop_pc: Computer, monkeypatch: pytest.MonkeyPatch
) -> None:
    import app.quick_reply_transfer as transfer

    monkeypatch.setattr(
        transfer, "FILES_TOTAL_LIMIT", 3 * 1024 * 1024
    )  # 2 GB in the app: too slow to zip here
    zeros = b"%PDF" + b"\x00" * (1024 * 1024)
    entries = [file_entry(f"{n}.pdf", zeros + bytes([n])) for n in range(4)]
    manifest = {
        "format": FORMAT,
        "version": 1,
        "replies": [reply(f"/p{n}", "x", e) for n, e in enumerate(entries)],
    }
    files = {str(e["path"]): zeros + bytes([n]) for n, e in enumerate(entries)}
    source = write_export(tmp_path / "bombs.zip", manifest, files)
    with pytest.raises(TransferFileInvalid) as refused:
        shop_pc.import_(source)
    assert refused.value.code == ErrorCode.QUICK_REPLIES_TOO_LARGE
    assert shop_pc.library.all() == [] and shop_pc.stored_files() == []


def test_replies_sharing_one_file_share_one_copy(tmp_path: Path, laptop: Computer, shop_pc: Computer) -> None:
    pdf = downloads(tmp_path, "가격표.pdf", PDF)
    laptop.library.add("/가격", "가격표예요", media_path=str(pdf))
    laptop.library.add("/price", "Our price list", media_path=str(pdf))
    target = export_quick_replies(laptop.db, laptop.data, tmp_path / "replies.zip").path
    with zipfile.ZipFile(target) as zf:
        assert len([n for n in zf.namelist() if n.startswith("files/")]) == 1
    report, _changes = shop_pc.import_(target)
    assert report.added == ("/가격", "/price")
    assert [f.name for f in shop_pc.stored_files()] == ["가격표.pdf"]
    assert {r.media_path for r in shop_pc.library.all()} == {shop_pc.library.all()[0].media_path}


def test_a_reply_exported_without_its_lost_photo_is_already_here_where_the_photo_is(
    tmp_path: Path, laptop: Computer, shop_pc: Computer
) -> None:
    """The laptop lost /사진's photo and exported it without: the shop PC, which has it, gets no
    photo-less "/사진-2" to delete."""
    owners_replies(laptop, tmp_path)
    shop_pc.library.add("/사진", "실물 사진이에요", media_path=str(downloads(tmp_path, "실물.jpg", PHOTO)))
    for file in laptop.stored_files():
        if file.name == "실물.jpg":
            file.unlink()
    report = export_quick_replies(laptop.db, laptop.data, tmp_path / "replies.zip")
    assert report.without_file == ("/사진",)
    imported, _changes = shop_pc.import_(report.path)
    assert imported.already_here == ("/사진",) and imported.renamed == ()
    assert [r.shortcut for r in shop_pc.library.all()] == ["/사진", "/배송", "/가격표", "/환불"]
    assert shop_pc.library.all()[0].media_path is not None  # hers keeps its photo


def test_the_same_words_with_another_photo_or_a_photo_hers_lacks_are_added_beside_hers(
    tmp_path: Path, laptop: Computer, shop_pc: Computer
) -> None:
    """The photo is what the customer sees (this season's price list): never dropped, never put
    over hers; she compares the two and deletes one."""
    laptop.library.add(
        "/사진", "실물 사진이에요", media_path=str(downloads(tmp_path, "new.jpg", PHOTO + b"new"))
    )
    laptop.library.add("/약도", "찾아오시는 길이에요", media_path=str(downloads(tmp_path, "map.jpg", PHOTO)))
    shop_pc.library.add("/사진", "실물 사진이에요", media_path=str(downloads(tmp_path, "old.jpg", PHOTO)))
    shop_pc.library.add("/약도", "찾아오시는 길이에요")
    report = export_quick_replies(laptop.db, laptop.data, tmp_path / "replies.zip")
    imported, _changes = shop_pc.import_(report.path)
    assert imported.renamed == (("/사진", "/사진-2"), ("/약도", "/약도-2"))


def test_a_reply_that_lost_its_photo_here_gets_it_back_from_a_file_that_has_it(
    tmp_path: Path, laptop: Computer, shop_pc: Computer
) -> None:
    """The shop PC's /사진 shows "file missing"; the laptop's has the photo: the import puts the
    photo back under hers, not a "/사진-2" with it beside the broken one."""
    owners_replies(laptop, tmp_path)
    shop_pc.library.add("/사진", "실물 사진이에요", media_path=str(downloads(tmp_path, "실물.jpg", PHOTO)))
    for file in shop_pc.stored_files():
        file.unlink()
    assert shop_pc.library.all()[0].media_missing
    report = export_quick_replies(laptop.db, laptop.data, tmp_path / "replies.zip")
    imported, changes = shop_pc.import_(report.path)
    assert imported.files_back == ("/사진",) and imported.renamed == () and changes is not None
    assert "/사진" not in imported.already_here
    rows = shop_pc.library.all()
    assert [r.shortcut for r in rows] == ["/사진", "/배송", "/가격표", "/환불"]
    assert not rows[0].media_missing and rows[0].media_file is not None
    assert rows[0].media_file.read_bytes() == PHOTO
    again, _changes = shop_pc.import_(report.path)
    assert again.files_back == () and "/사진" in again.already_here


def test_a_reply_whose_photo_went_missing_there_came_from_a_file_that_says_so(
    tmp_path: Path, laptop: Computer, shop_pc: Computer
) -> None:
    """Exported where the photo went missing, carried to where it never was, then imported again
    once she chose the photo on the laptop: the photo arrives in the reply, not beside it."""
    laptop.library.add("/사진", "실물 사진이에요", media_path=str(downloads(tmp_path, "실물.jpg", PHOTO)))
    kept = laptop.stored_files()
    for file in kept:
        file.unlink()
    first = export_quick_replies(laptop.db, laptop.data, tmp_path / "first.zip")
    assert shop_pc.import_(first.path)[0].added_without_file == ("/사진",)
    for file in kept:  # chosen again on the laptop: the same photo
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_bytes(PHOTO)
    second = export_quick_replies(laptop.db, laptop.data, tmp_path / "second.zip")
    imported, _changes = shop_pc.import_(second.path)
    assert imported.files_back == ("/사진",) and imported.total_added == 0
    assert [(r.shortcut, r.media_missing) for r in shop_pc.library.all()] == [("/사진", False)]


def test_a_reply_without_a_photo_on_purpose_is_not_the_one_with_a_photo(
    tmp_path: Path, laptop: Computer, shop_pc: Computer
) -> None:
    """The laptop's /사진 has no photo (she took it off); the shop PC's has one: two replies, the
    customer sees a photo with one and not the other. Hers is never changed; the laptop's comes
    in beside it. One whose photo went missing on the laptop is hers (already here)."""
    laptop.library.add("/사진", "실물 사진이에요")
    laptop.library.add("/약도", "찾아오시는 길이에요", media_path=str(downloads(tmp_path, "map.jpg", PDF)))
    for file in laptop.stored_files():
        file.unlink()
    shop_pc.library.add("/사진", "실물 사진이에요", media_path=str(downloads(tmp_path, "실물.jpg", PHOTO)))
    shop_pc.library.add("/약도", "찾아오시는 길이에요", media_path=str(downloads(tmp_path, "map.jpg", PDF)))
    shop_pc.library.add("/인사", "안녕하세요")
    laptop.library.add("/인사", "안녕하세요")
    report = export_quick_replies(laptop.db, laptop.data, tmp_path / "replies.zip")
    imported, _changes = shop_pc.import_(report.path)
    assert imported.renamed == (("/사진", "/사진-2"),)
    assert imported.already_here == ("/약도", "/인사")
    photoless = next(r for r in shop_pc.library.all() if r.shortcut == "/사진-2")
    assert photoless.media_path is None


def test_a_file_from_before_missing_files_were_recorded_reads_no_file_as_perhaps_lost(
    tmp_path: Path, shop_pc: Computer
) -> None:
    """Such a file cannot tell a photo that went missing from none: the reply is hers (already
    here), as before, and one new here comes in without a file."""
    shop_pc.library.add("/사진", "실물 사진이에요", media_path=str(downloads(tmp_path, "실물.jpg", PHOTO)))
    replies = [
        {"shortcut": "/사진", "text": "실물 사진이에요", "keywords": [], "position": 0, "file": None},
        {"shortcut": "/약도", "text": "찾아오시는 길이에요", "keywords": [], "position": 1, "file": None},
    ]
    source = write_export(tmp_path / "old.zip", {"format": FORMAT, "version": 1, "replies": replies})
    imported, _changes = shop_pc.import_(source)
    assert imported.already_here == ("/사진",) and imported.added == ("/약도",)
    assert imported.added_without_file == ()


def test_a_photo_chosen_here_while_the_import_ran_is_kept_and_the_reply_said_already_here(
    tmp_path: Path, laptop: Computer, shop_pc: Computer
) -> None:
    """The import read /사진 without its photo; before it wrote, she chose another photo for it
    (here: while the file's photo was checked). Hers stays; the message still names the reply."""
    laptop.library.add("/사진", "실물 사진이에요", media_path=str(downloads(tmp_path, "실물.jpg", PHOTO)))
    reply, _ = shop_pc.library.add(
        "/사진", "실물 사진이에요", media_path=str(downloads(tmp_path, "실물.jpg", PHOTO))
    )
    for file in shop_pc.stored_files():
        file.unlink()
    source = export_quick_replies(laptop.db, laptop.data, tmp_path / "replies.zip").path
    newer = downloads(tmp_path, "new.jpg", PHOTO + b"newer")

    def meanwhile(path: Path) -> object:
        shop_pc.library.update(reply.id, shortcut="/사진", text="실물 사진이에요", media_path=str(newer))
        return attachment_kind(path)

    imported, _changes = import_quick_replies(shop_pc.db, shop_pc.data, source, check=meanwhile)
    assert imported.files_back == () and imported.already_here == ("/사진",)
    assert shop_pc.library.all()[0].media_name == "new.jpg"
