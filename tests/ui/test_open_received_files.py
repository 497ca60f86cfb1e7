"""A click on a customer's file opens it with the computer's own program, but a program or script
("견적서.pdf.exe", "주문.bat") is never run without a warning the owner has to answer."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox

from app.models import Media
from app.program_files import program_suffix
from tests.support.factories import make_contact, make_message
from tests.support.opened_urls import Opened
from tests.support.window_waits import load_chats, select_chat, settle


def _chat_with_document(window: Any, ctx: Any, qtbot: Any, name: str) -> tuple[int, Path]:
    stored = ctx.paths.media_dir / "received" / "881" / name
    stored.parent.mkdir(parents=True)
    stored.write_bytes(b"MZ" + b"\0" * 1000)
    with ctx.db.write() as s:
        contact = make_contact(s, profile_name="박서준")
        message = make_message(
            s,
            contact,
            "",
            kind="document",
            payload={"type": "document", "document": {"id": "881", "filename": name}},
        )
        s.add(
            Media(
                message_id=message.id,
                mime="application/octet-stream",
                filename=name,
                size=1002,
                cache_path=f"received/881/{name}",
            )
        )
        contact_id = contact.id
    load_chats(window, qtbot)
    select_chat(window, qtbot, contact_id)
    qtbot.waitUntil(lambda: window.chat.view.chat_model.rowCount() == 1, timeout=5000)
    return contact_id, stored


def _click_the_card(window: Any, qtbot: Any) -> None:
    view = window.chat.view
    index = view.chat_model.index(0)
    view.scrollTo(index)
    geo = view.bubbles.geometry(index, float(view.viewport().width()))
    assert geo is not None and geo.card is not None and geo.card.target
    click = (geo.card.rect.center() + view.visualRect(index).topLeft().toPointF()).toPoint()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=click)


def test_a_program_sent_as_a_document_is_not_run_by_a_click_on_its_card(
    window: Any, ctx: Any, qtbot: Any, dialogs: Any
) -> None:
    _chat_with_document(window, ctx, qtbot, "견적서.pdf.exe")
    warned = dialogs.expect("warning", answer=QMessageBox.StandardButton.No)
    opened = Opened()
    QDesktopServices.setUrlHandler("file", opened, "open")  # type: ignore[arg-type]
    try:
        _click_the_card(window, qtbot)
        qtbot.waitUntil(lambda: bool(warned.shown), timeout=3000)
        settle(qtbot)
    finally:
        QDesktopServices.unsetUrlHandler("file")
    assert opened.urls == []
    assert "견적서.pdf.exe" in warned.shown[0].text and ".exe" in warned.shown[0].text
    assert warned.shown[0].widget.endswith("default &Cancel")  # a stray Enter never runs it


def test_the_owner_who_knows_the_program_can_still_run_it_after_the_warning(
    window: Any, ctx: Any, qtbot: Any, dialogs: Any
) -> None:
    _contact_id, stored = _chat_with_document(window, ctx, qtbot, "setup.BAT")
    dialogs.expect("warning", answer=QMessageBox.StandardButton.Yes)
    opened = Opened()
    QDesktopServices.setUrlHandler("file", opened, "open")  # type: ignore[arg-type]
    try:
        _click_the_card(window, qtbot)
        qtbot.waitUntil(lambda: bool(opened.urls), timeout=3000)
    finally:
        QDesktopServices.unsetUrlHandler("file")
    assert Path(opened.urls[0].toLocalFile()) == stored


def test_a_pdf_opens_at_once_without_a_question(window: Any, ctx: Any, qtbot: Any) -> None:
    _contact_id, stored = _chat_with_document(window, ctx, qtbot, "견적서.pdf")
    opened = Opened()
    QDesktopServices.setUrlHandler("file", opened, "open")  # type: ignore[arg-type]
    try:
        _click_the_card(window, qtbot)
        qtbot.waitUntil(lambda: bool(opened.urls), timeout=3000)
    finally:
        QDesktopServices.unsetUrlHandler("file")
    assert Path(opened.urls[0].toLocalFile()) == stored


def test_a_double_click_in_the_contact_panels_documents_warns_before_a_script(
    window: Any, ctx: Any, qtbot: Any, dialogs: Any
) -> None:
    from ui.shared_media import MediaRole

    _chat_with_document(window, ctx, qtbot, "주문내역.cmd")
    window.toggle_contact_panel()
    settle(qtbot)
    media = window.contact_panel.media
    model = media.model()
    qtbot.waitUntil(lambda: model.rowCount() == 1, timeout=5000)
    assert model.index(0).data(MediaRole.ITEM).kind == "document"
    warned = dialogs.expect("warning", answer=QMessageBox.StandardButton.No)
    opened = Opened()
    QDesktopServices.setUrlHandler("file", opened, "open")  # type: ignore[arg-type]
    try:
        centre = media.visualRect(model.index(0)).center()
        QTest.mouseClick(media.viewport(), Qt.MouseButton.LeftButton, pos=centre)
        QTest.mouseDClick(media.viewport(), Qt.MouseButton.LeftButton, pos=centre)
        qtbot.waitUntil(lambda: bool(warned.shown), timeout=3000)
        settle(qtbot)
    finally:
        QDesktopServices.unsetUrlHandler("file")
    assert opened.urls == []


def test_names_that_hide_a_program_are_seen_through() -> None:
    assert program_suffix("견적서.pdf.exe") == ".exe"
    assert program_suffix("INVOICE.SCR") == ".scr"
    assert program_suffix("사진.jpg.exe. . ") == ".exe"  # Windows drops the trailing dots and spaces
    assert program_suffix("영수증\u202efdp.exe") == ".exe"  # shown as "영수증exe.pdf"
    assert program_suffix("견적서.pdf") is None
    assert program_suffix("사진.jpg") is None
    assert program_suffix("voice.ogg") is None
    assert program_suffix("document") is None


def test_the_warning_reads_in_korean_for_a_korean_owner(
    window: Any, ctx: Any, qtbot: Any, dialogs: Any, korean: None
) -> None:
    _chat_with_document(window, ctx, qtbot, "배송조회.vbs")
    warned = dialogs.expect("warning", answer=QMessageBox.StandardButton.No)
    _click_the_card(window, qtbot)
    qtbot.waitUntil(lambda: bool(warned.shown), timeout=3000)
    shown = warned.shown[0]
    assert shown.title == "프로그램 파일입니다"
    assert "배송조회.vbs" in shown.text and "실행" in shown.text
    assert "그래도 실행" in shown.widget
