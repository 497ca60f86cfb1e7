"""Export… and Import… in the quick replies window: the laptop's replies, with their files, reach the
shop's PC in one file, and the owner is told what was added, skipped, numbered or refused."""

from __future__ import annotations

import hashlib
import json
import zipfile
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from app.db import Database
from app.paths import QUICK_REPLY_FOLDER, paths_for
from app.quick_replies import QuickReplyLibrary
from app.quick_reply_transfer import FORMAT, MANIFEST, export_quick_replies
from tests.ui.test_dialog_mnemonics import press_alt
from ui.context import AppContext
from ui.formatting import WORD_JOINER
from ui.quick_reply_manager import QuickReplyManager

PDF = b"%PDF-1.4\n" + b"price list " * 200


@pytest.fixture
def laptop(db, tmp_path: Path) -> AppContext:
    return AppContext(db=db, paths=paths_for(tmp_path / "laptop"))


@pytest.fixture
def shop_pc(tmp_path: Path) -> Iterator[AppContext]:
    paths = paths_for(tmp_path / "shop-pc").ensure()
    database = Database.open(paths.data_dir / "inbox.db")
    yield AppContext(db=database, paths=paths)
    database.close()


def open_manager(qtbot, ctx: AppContext) -> QuickReplyManager:
    manager = QuickReplyManager(ctx)
    qtbot.addWidget(manager)
    qtbot.waitUntil(lambda: not manager.is_loading(), timeout=5000)
    return manager


def read(text: str) -> str:
    """A message as the owner reads it: the word joiners that keep each shortcut on one line unseen."""
    return text.replace(WORD_JOINER, "")


def shortcuts(manager: QuickReplyManager) -> list[str]:
    return [row.shortcut for row in manager.source.rows()]


def test_replies_exported_on_the_laptop_are_imported_on_the_shop_pc_with_their_pdf(
    qtbot, laptop: AppContext, shop_pc: AppContext, tmp_path: Path, dialogs, english
) -> None:
    price_list = tmp_path / "가격표.pdf"
    price_list.write_bytes(PDF)
    library = QuickReplyLibrary(laptop.db, laptop.paths.data_dir)
    library.add("/배송", "2~3일 안에 도착해요", keywords=["택배"], text_other_language="It takes 2-3 days.")
    library.add("/가격표", "가격표 보내드려요", media_path=str(price_list))
    manager = open_manager(qtbot, laptop)
    assert manager.export_button.isEnabled()

    target = tmp_path / "USB" / "quick-replies.zip"
    target.parent.mkdir()
    asked = dialogs.expect("getSaveFileName", answer=str(target))
    told = dialogs.expect("information")
    today = date.today()
    press_alt(qtbot, manager, "X")  # E&xport…
    qtbot.waitUntil(lambda: bool(told.shown), timeout=5000)
    # Suggested in her Documents (or wherever she last saved one) under today's date (the next
    # day's, where midnight passed in the meantime).
    offered = {f"quick-replies-{day.isoformat()}.zip" for day in (today, date.today())}
    assert Path(asked.shown[0].text).name in offered
    assert told.shown[0].text.startswith("Exported 2 quick replies to quick-replies.zip.")
    assert zipfile.is_zipfile(target)

    other = open_manager(qtbot, shop_pc)
    assert not other.export_button.isEnabled()  # nothing to export there yet
    dialogs.expect("getOpenFileName", answer=str(target))
    result = dialogs.expect("information")
    press_alt(qtbot, other, "I")  # &Import…
    qtbot.waitUntil(lambda: bool(result.shown) and not other.is_loading(), timeout=5000)
    assert result.shown[0].title == "Quick replies imported"
    assert result.shown[0].text == "2 added."
    assert shortcuts(other) == ["/배송", "/가격표"]  # the list refreshed after the import
    assert other.export_button.isEnabled()
    rows = QuickReplyLibrary(shop_pc.db, shop_pc.paths.data_dir).all()
    assert rows[0].text_other_language == "It takes 2-3 days." and rows[0].keywords == ("택배",)
    assert rows[1].media_file is not None and rows[1].media_file.read_bytes() == PDF
    assert rows[1].media_file.is_relative_to(shop_pc.paths.data_dir)


def test_in_korean_the_import_says_what_was_added_skipped_and_numbered(
    qtbot, laptop: AppContext, shop_pc: AppContext, tmp_path: Path, dialogs, korean
) -> None:
    library = QuickReplyLibrary(laptop.db, laptop.paths.data_dir)
    for shortcut, text in (
        ("/배송", "2~3일 걸려요"),
        ("/환불", "3일 안에 환불돼요"),
        ("/감사", "감사합니다"),
    ):
        library.add(shortcut, text)
    theirs = QuickReplyLibrary(shop_pc.db, shop_pc.paths.data_dir)
    theirs.add("/배송", "택배로 보내드려요")
    theirs.add("/환불", "사장님께 문의하세요")
    theirs.add("/감사", "감사합니다")
    manager = open_manager(qtbot, laptop)
    target = tmp_path / "빠른 답장.zip"
    asked = dialogs.expect("getSaveFileName", answer=str(target))
    told = dialogs.expect("information")
    today = date.today()
    manager.export_button.click()
    qtbot.waitUntil(lambda: bool(told.shown), timeout=5000)
    # Offered under a name in her words, as a backup is (dated the day it was asked, at midnight too).
    assert Path(asked.shown[0].text).name in {
        f"빠른-답장-{day.isoformat()}.zip" for day in (today, date.today())
    }
    assert told.shown[0].text.startswith("빠른 답장 3개를 빠른 답장.zip에 내보냈어요.")

    other = open_manager(qtbot, shop_pc)
    dialogs.expect("getOpenFileName", answer=str(target))
    result = dialogs.expect("information")
    other.import_button.click()
    qtbot.waitUntil(lambda: bool(result.shown) and not other.is_loading(), timeout=5000)
    assert result.shown[0].title == "빠른 답장을 가져왔어요"
    assert read(result.shown[0].text) == (
        "1개는 이미 있어서 건너뛰었어요.\n"
        "2개는 이\u00a0컴퓨터의 다른 답장이 같은 단축어를 쓰고 있어서 /배송-2, /환불-2로 추가했어요."
    )
    assert shortcuts(other) == ["/배송", "/환불", "/감사", "/배송-2", "/환불-2"]
    assert [r.text for r in theirs.all()][:2] == ["택배로 보내드려요", "사장님께 문의하세요"]  # hers stay


def test_a_file_that_is_not_an_export_is_said_and_nothing_is_imported(
    qtbot, shop_pc: AppContext, tmp_path: Path, dialogs, korean
) -> None:
    photos = tmp_path / "사진.zip"
    with zipfile.ZipFile(photos, "w") as zf:
        zf.writestr("IMG_0001.jpg", b"\xff\xd8\xff")
    manager = open_manager(qtbot, shop_pc)
    dialogs.expect("getOpenFileName", answer=str(photos))
    warned = dialogs.expect("warning")
    manager.import_button.click()
    qtbot.waitUntil(lambda: bool(warned.shown), timeout=5000)
    assert warned.shown[0].title == "빠른 답장 가져오기"
    assert warned.shown[0].text.startswith("빠른 답장 파일이 아니에요.")
    assert shortcuts(manager) == []


def test_a_bad_reply_in_a_good_file_is_named_and_the_rest_are_imported(
    qtbot, shop_pc: AppContext, tmp_path: Path, dialogs, english
) -> None:
    source = tmp_path / "replies.zip"
    replies = [
        {"shortcut": "/hello", "text": "Hello!", "keywords": [], "position": 0, "file": None},
        {"shortcut": "/novel", "text": "x" * 5000, "keywords": [], "position": 1, "file": None},
    ]
    with zipfile.ZipFile(source, "w") as zf:
        zf.writestr(MANIFEST, json.dumps({"format": FORMAT, "version": 1, "replies": replies}))
    manager = open_manager(qtbot, shop_pc)
    dialogs.expect("getOpenFileName", answer=str(source))
    warned = dialogs.expect("warning")
    manager.import_button.click()
    qtbot.waitUntil(lambda: bool(warned.shown) and not manager.is_loading(), timeout=5000)
    assert read(warned.shown[0].text) == (
        "1 added.\n\n1 could not be imported:\n/novel: A quick reply can have at most 4,096 characters."
    )
    assert shortcuts(manager) == ["/hello"]


def test_import_cancelled_in_the_file_dialog_does_nothing(qtbot, shop_pc: AppContext, dialogs) -> None:
    manager = open_manager(qtbot, shop_pc)
    dialogs.expect("getOpenFileName", answer=None)
    manager.import_button.click()
    assert not manager.is_loading() and shortcuts(manager) == []


def export_with_files(source: Path, files: dict[str, tuple[str, bytes]]) -> None:
    """An export file whose replies ({shortcut: (file name, bytes)}) each carry a file."""
    replies, members = [], {}
    for position, (shortcut, (name, data)) in enumerate(files.items()):
        digest = hashlib.sha256(data).hexdigest()
        path = f"files/{digest}/{name}"
        members[path] = data
        file = {"name": name, "size": len(data), "sha256": digest, "path": path}
        replies.append(
            {"shortcut": shortcut, "text": "보내드려요", "keywords": [], "position": position, "file": file}
        )
    with zipfile.ZipFile(source, "w") as zf:
        zf.writestr(MANIFEST, json.dumps({"format": FORMAT, "version": 1, "replies": replies}))
        for path, data in members.items():
            zf.writestr(path, data)


def test_a_reply_whose_file_whatsapp_refuses_is_said_as_not_imported_not_as_not_attached(
    qtbot, shop_pc: AppContext, tmp_path: Path, dialogs, korean
) -> None:
    source = tmp_path / "replies.zip"
    export_with_files(
        source,
        {
            "/견적": ("견적기.exe", b"MZ" + b"\0" * 100),
            "/사진": ("상세컷.zip", b"PK\x05\x06" + b"\0" * 18),
            "/문서": ("견적서.hwp", b"HWP Document File" + b"\0" * 100),
            "/가격": ("가격표.pdf", PDF),
        },
    )
    manager = open_manager(qtbot, shop_pc)
    dialogs.expect("getOpenFileName", answer=str(source))
    warned = dialogs.expect("warning")
    manager.import_button.click()
    qtbot.waitUntil(lambda: bool(warned.shown) and not manager.is_loading(), timeout=5000)
    assert warned.shown[0].title == "빠른 답장을 가져왔어요"
    assert read(warned.shown[0].text) == (
        "1개를 추가했어요.\n\n"
        "3개는 가져오지 못했어요:\n"
        "/견적: 견적기.exe 파일은 프로그램이라 WhatsApp에서 받지 않아요.\n"
        "/사진: 상세컷.zip 파일은 압축 파일이라 WhatsApp에서 받지 않아요.\n"
        "/문서: 견적서.hwp 파일은 PDF, Word, Excel, PowerPoint, 텍스트 파일이 아니라서 WhatsApp에서 "
        "받지 않아요."
    )
    assert "첨부하지 않았어요" not in warned.shown[0].text  # nothing was being sent
    assert shortcuts(manager) == ["/가격"]


def test_an_imported_reply_refused_for_its_file_names_the_file_and_why_in_english(english) -> None:
    from app.errors import ErrorCode
    from ui.quick_reply_transfer_actions import problem_sentence

    assert problem_sentence(ErrorCode.FILE_TYPE_NOT_TAKEN, {"name": "quote.exe", "kind": "document"}) == (
        "Its file quote.exe is a program, which WhatsApp does not take."
    )
    assert problem_sentence(
        ErrorCode.FILE_TOO_LARGE_FOR_KIND, {"name": "clip.mp4", "kind": "video", "limit_mb": 16}
    ) == ("Its video clip.mp4 is larger than 16 MB, the most WhatsApp takes for a video.")
    # Not about its file: said as anywhere else.
    assert problem_sentence(ErrorCode.QUICK_REPLY_TOO_LONG, {"limit": 4096}).startswith("A quick reply can")


def test_a_file_whose_every_reply_is_refused_is_not_titled_imported(
    qtbot, shop_pc: AppContext, tmp_path: Path, dialogs, korean
) -> None:
    source = tmp_path / "replies.zip"
    export_with_files(source, {"/견적": ("견적기.exe", b"MZ" + b"\0" * 100)})
    manager = open_manager(qtbot, shop_pc)
    dialogs.expect("getOpenFileName", answer=str(source))
    warned = dialogs.expect("warning")
    manager.import_button.click()
    qtbot.waitUntil(lambda: bool(warned.shown) and not manager.is_loading(), timeout=5000)
    assert warned.shown[0].title == "빠른 답장을 가져오지 못했어요"
    assert shortcuts(manager) == []


def exported_texts(target: Path) -> dict[str, str]:
    with zipfile.ZipFile(target) as zf:
        return {r["shortcut"]: r["text"] for r in json.loads(zf.read(MANIFEST))["replies"]}


def test_export_while_a_new_reply_is_typed_asks_and_save_puts_it_in_the_file(
    qtbot, laptop: AppContext, tmp_path: Path, dialogs, english
) -> None:
    from PySide6.QtWidgets import QMessageBox

    QuickReplyLibrary(laptop.db).add("/hello", "Hello!")
    manager = open_manager(qtbot, laptop)
    manager.show()
    manager.add_button.click()
    qtbot.keyClicks(manager.shortcut, "thanks")  # after the "/" a new reply starts with
    qtbot.keyClicks(manager.text, "Thank you!")
    target = tmp_path / "quick-replies.zip"
    asked = dialogs.expect("question", answer=QMessageBox.StandardButton.Save)
    dialogs.expect("getSaveFileName", answer=str(target))
    told = dialogs.expect("information")
    manager.export_button.click()
    buttons = asked.shown[0].widget
    assert (
        "E&xport without saving" in buttons and "Discard" not in buttons and buttons.endswith("default &Save")
    )
    assert asked.texts == [
        "Save the changes to this quick reply before exporting? The file holds only what is saved; "
        "without saving, your changes stay here as typed."
    ]
    qtbot.waitUntil(lambda: bool(told.shown), timeout=5000)
    assert exported_texts(target) == {"/hello": "Hello!", "/thanks": "Thank you!"}
    assert not manager.has_unsaved_edits()


@pytest.fixture
def buttons_with_icons(qapp) -> Iterator[None]:
    """Buttons drawn with their icons, as on a Linux desktop (offscreen's style draws none)."""
    from PySide6.QtWidgets import QProxyStyle, QStyle, QStyleFactory

    class WithIcons(QProxyStyle):
        def styleHint(self, hint, option=None, widget=None, data=None):  # type: ignore[no-untyped-def]
            if hint == QStyle.StyleHint.SH_DialogButtonBox_ButtonsHaveIcons:
                return 1
            return super().styleHint(hint, option, widget, data)

    name = qapp.style().name()
    qapp.setStyle(WithIcons(QStyleFactory.create(name)))
    yield
    qapp.setStyle(QStyleFactory.create(name))


def test_export_without_saving_leaves_the_edit_out_of_the_file_and_on_the_form(
    qtbot, laptop: AppContext, tmp_path: Path, dialogs, english, buttons_with_icons
) -> None:
    from PySide6.QtGui import QTextCursor
    from PySide6.QtWidgets import QApplication, QMessageBox

    QuickReplyLibrary(laptop.db).add("/hello", "Hello!")
    manager = open_manager(qtbot, laptop)
    manager.show()
    manager.text.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(manager.text, " Welcome.")
    target = tmp_path / "quick-replies.zip"

    def export_without_saving(_shown: object) -> QMessageBox.StandardButton:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        button = box.button(QMessageBox.StandardButton.Discard)
        # Not Discard's bin: her words are not thrown away.
        assert button.text() == "E&xport without saving" and button.icon().isNull()
        assert not box.button(QMessageBox.StandardButton.Save).icon().isNull()  # the others keep theirs
        return QMessageBox.StandardButton.Discard

    asked = dialogs.expect("question", answer=export_without_saving)
    dialogs.expect("getSaveFileName", answer=str(target))
    told = dialogs.expect("information")
    manager.export_button.click()
    qtbot.waitUntil(lambda: bool(told.shown), timeout=5000)
    assert len(asked.shown) == 1
    assert exported_texts(target) == {"/hello": "Hello!"}
    # Her words are still there, unsaved, for Save (or the question when she leaves the form).
    assert manager.text.toPlainText() == "Hello! Welcome." and manager.has_unsaved_edits()
    assert [r.text for r in QuickReplyLibrary(laptop.db).all()] == ["Hello!"]


def test_export_cancelled_at_the_question_exports_nothing_and_keeps_the_words(
    qtbot, laptop: AppContext, dialogs, english
) -> None:
    from PySide6.QtWidgets import QMessageBox

    QuickReplyLibrary(laptop.db).add("/hello", "Hello!")
    manager = open_manager(qtbot, laptop)
    manager.show()
    qtbot.keyClicks(manager.keywords, "hi")
    asked = dialogs.expect("question", answer=QMessageBox.StandardButton.Cancel)
    manager.export_button.click()  # no file dialog follows: one would fail the test
    assert len(asked.shown) == 1
    assert manager.keywords.text() == "hi" and manager.has_unsaved_edits()


def test_export_with_nothing_typed_asks_nothing(qtbot, laptop: AppContext, tmp_path: Path, dialogs) -> None:
    QuickReplyLibrary(laptop.db).add("/hello", "Hello!")
    manager = open_manager(qtbot, laptop)
    target = tmp_path / "quick-replies.zip"
    dialogs.expect("getSaveFileName", answer=str(target))
    told = dialogs.expect("information")
    manager.export_button.click()
    qtbot.waitUntil(lambda: bool(told.shown), timeout=5000)
    assert exported_texts(target) == {"/hello": "Hello!"}


def test_in_korean_the_import_says_which_file_came_back_and_which_came_without_one(
    qtbot, laptop: AppContext, shop_pc: AppContext, tmp_path: Path, dialogs, korean
) -> None:
    """The laptop lost /약도's photo; the shop PC lost /사진's, which the laptop has. The import
    puts /사진's photo back and brings /약도 showing "file missing", and says both."""
    photo, other = b"\xff\xd8\xff\xe0" + b"photo" * 40, b"\xff\xd8\xff\xe0" + b"map" * 40
    for name, data in (("실물.jpg", photo), ("약도.jpg", other)):
        (tmp_path / name).write_bytes(data)
    library = QuickReplyLibrary(laptop.db, laptop.paths.data_dir)
    library.add("/사진", "실물 사진이에요", media_path=str(tmp_path / "실물.jpg"))
    library.add("/약도", "찾아오시는 길이에요", media_path=str(tmp_path / "약도.jpg"))
    for file in (laptop.paths.data_dir / QUICK_REPLY_FOLDER).rglob("약도.jpg"):
        file.unlink()
    QuickReplyLibrary(shop_pc.db, shop_pc.paths.data_dir).add(
        "/사진", "실물 사진이에요", media_path=str(tmp_path / "실물.jpg")
    )
    for file in (shop_pc.paths.data_dir / QUICK_REPLY_FOLDER).rglob("*.jpg"):
        file.unlink()
    source = export_quick_replies(laptop.db, laptop.paths.data_dir, tmp_path / "replies.zip").path
    manager = open_manager(qtbot, shop_pc)
    dialogs.expect("getOpenFileName", answer=str(source))
    warned = dialogs.expect("warning")  # a reply came without its file: she has a file to choose
    manager.import_button.click()
    qtbot.waitUntil(lambda: bool(warned.shown) and not manager.is_loading(), timeout=5000)
    assert warned.shown[0].title == "빠른 답장을 가져왔어요"
    # /약도 is said once, where she is asked for its file: not also counted as "1개를 추가했어요".
    assert read(warned.shown[0].text) == (
        "여기에서 없어졌던 파일을 되찾았어요: /사진.\n"
        "내보낸 컴퓨터에 파일이 없어서 파일 없이 추가했어요: /약도. 여기서 파일을 다시 선택해 주세요."
    )
    rows = {r.shortcut: r for r in QuickReplyLibrary(shop_pc.db, shop_pc.paths.data_dir).all()}
    assert not rows["/사진"].media_missing and rows["/약도"].media_missing
    qtbot.waitUntil(lambda: shortcuts(manager) == ["/사진", "/약도"], timeout=5000)


def test_a_numbered_reply_that_came_without_its_file_is_said_once(
    qtbot, shop_pc: AppContext, english
) -> None:
    """/thanks was taken here, so the file's /thanks came in as /thanks-2, and without its photo: one
    line says so and asks for the photo; it is not also counted among the numbered ones."""
    from app.quick_reply_transfer import ImportReport

    manager = open_manager(qtbot, shop_pc)
    report = ImportReport(
        added=("/hello", "/map"),
        renamed=(("/thanks", "/thanks-2"),),
        added_without_file=("/map", "/thanks-2"),
    )
    summary, _details = manager.transfer.report_text(report)
    assert read(summary) == (
        "1 added.\n"
        "Added without their file, which was missing on the computer they were exported from: "
        "/map, /thanks-2. Choose the file again here."
    )
