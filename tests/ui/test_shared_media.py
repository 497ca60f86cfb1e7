"""The contact panel's "Media and documents": a thumbnail for each photo, name and size for each
document, and a double-click opens the file with the computer's own program."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QDesktopServices, QImage, QPixmap
from PySide6.QtTest import QTest

from app.models import Media
from tests.support.factories import make_contact, make_message
from tests.support.opened_urls import Opened
from tests.support.window_waits import load_chats, select_chat, settle
from ui.shared_media import MediaRole


def test_photos_show_thumbnails_documents_their_name_and_size_and_double_click_opens(
    qtbot: Any, window: Any, ctx: Any
) -> None:
    media_dir = ctx.paths.media_dir
    photo = QImage(640, 480, QImage.Format.Format_RGB32)
    photo.fill(QColor("#d04040"))
    assert photo.save(str(media_dir / "3f9a0c1e5b.jpg"))  # stored under its content hash
    (media_dir / "견적서.pdf").write_bytes(b"%PDF-1.4\n" + b"0" * 123_447)
    with ctx.db.write() as s:
        contact = make_contact(s, profile_name="최유나")
        pic = make_message(s, contact, "", kind="image", payload={"type": "image", "image": {"id": "1"}})
        s.add(
            Media(
                message_id=pic.id,
                mime="image/jpeg",
                filename="3f9a0c1e5b.jpg",
                size=48_000,
                cache_path="3f9a0c1e5b.jpg",
            )
        )
        doc = make_message(
            s, contact, "", kind="document", payload={"type": "document", "document": {"id": "2"}}
        )
        s.add(
            Media(
                message_id=doc.id,
                mime="application/pdf",
                filename="견적서.pdf",
                size=123_456,
                cache_path="견적서.pdf",
            )
        )
        contact_id = contact.id
    load_chats(window, qtbot)
    select_chat(window, qtbot, contact_id)
    qtbot.waitUntil(lambda: window.chat.contact_id() == contact_id, timeout=5000)
    window.toggle_contact_panel()
    settle(qtbot)  # the panel reads the contact off the GUI thread
    media = window.contact_panel.media
    model = media.model()
    qtbot.waitUntil(lambda: model.rowCount() == 2, timeout=5000)

    rows = {model.index(i).data(MediaRole.ITEM).kind: model.index(i) for i in range(2)}
    assert rows["document"].data() == "견적서.pdf"
    assert "123" in rows["document"].data(MediaRole.DETAIL)  # 123.5 kB, in the UI's own words
    assert rows["image"].data() == "Photo"  # not the hash the file is stored under
    qtbot.waitUntil(lambda: isinstance(rows["image"].data(MediaRole.THUMB), QPixmap), timeout=5000)
    thumb: QPixmap = rows["image"].data(MediaRole.THUMB)
    assert thumb.toImage().pixelColor(10, 10) == QColor("#d04040")

    opened = Opened()
    QDesktopServices.setUrlHandler("file", opened, "open")  # type: ignore[arg-type]
    try:
        media.scrollTo(rows["document"])
        centre = media.visualRect(rows["document"]).center()
        # A double-click as the mouse makes it: a click, then the second press that Qt reports as one.
        QTest.mouseClick(media.viewport(), Qt.MouseButton.LeftButton, pos=centre)
        QTest.mouseDClick(media.viewport(), Qt.MouseButton.LeftButton, pos=centre)
        qtbot.waitUntil(lambda: bool(opened.urls), timeout=3000)
    finally:
        QDesktopServices.unsetUrlHandler("file")
    assert opened.urls[0].toLocalFile().endswith("견적서.pdf")


def test_the_contact_panel_holds_as_many_widgets_for_a_busy_chat_as_for_a_quiet_one(
    qtbot: Any, window: Any, ctx: Any
) -> None:
    """Its scroll area holds the panel's fixed sections; the media list inside is a view of fixed
    height over a model, never a widget per file or per message."""
    from PySide6.QtWidgets import QWidget

    def chat_with(files: int, name: str) -> int:
        with ctx.db.write() as s:
            contact = make_contact(s, profile_name=name)
            for n in range(files):
                doc = make_message(
                    s, contact, "", kind="document", payload={"type": "document", "document": {"id": str(n)}}
                )
                s.add(Media(message_id=doc.id, mime="application/pdf", filename=f"{n}.pdf", size=1000))
            for n in range(files * 5):
                make_message(s, contact, f"메시지 {n}")
            return contact.id

    quiet, busy = chat_with(1, "한 건"), chat_with(300, "많은 건")
    load_chats(window, qtbot)
    counts = []
    for contact_id, shown in ((quiet, 1), (busy, 60)):  # the list shows the newest 60 files
        select_chat(window, qtbot, contact_id)
        qtbot.waitUntil(lambda c=contact_id: window.chat.contact_id() == c, timeout=5000)
        if not window.contact_panel.isVisible():
            window.toggle_contact_panel()
        media = window.contact_panel.media
        qtbot.waitUntil(lambda m=media, n=shown: m.model().rowCount() == n, timeout=5000)
        settle(qtbot)
        counts.append(len(window.contact_panel.findChildren(QWidget)))
    assert counts[0] == counts[1]
    # The busy chat's 60 files scroll inside the list, which does not grow to hold them.
    media = window.contact_panel.media
    qtbot.waitUntil(lambda: media.verticalScrollBar().maximum() > 0)  # laid out a zero timer after
    assert media.height() < 60 * media.sizeHintForRow(0)
