"""Exporting a chat from the inbox writes WhatsApp's format where the owner chose, off the GUI thread."""

from __future__ import annotations

import zipfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtWidgets import QApplication, QProgressDialog, QPushButton

from tests.support.computer_zone import computer_zone, needs_tzset
from tests.support.dialogs import DialogGuard
from tests.support.factories import make_contact, make_message
from tests.support.window_waits import load_chats, select_chat
from ui.chat_export_action import export_chat_to_file
from ui.menus import install_menus
from ui.ops import pending_ops


def test_export_saves_a_zip_where_the_owner_picked(
    qtbot: Any, ctx: Any, tmp_path: Path, dialogs: DialogGuard
) -> None:
    with ctx.db.write() as s:
        contact = make_contact(s, profile_name="김민지")
        make_message(s, contact, "안녕하세요", sent_at=datetime(2024, 1, 13, 1, 0, tzinfo=UTC))
        contact_id = contact.id
    target = tmp_path / "out" / "minji.zip"
    dialogs.expect("getSaveFileName", answer=target)
    told = dialogs.expect("information")
    op = export_chat_to_file(None, ctx, contact_id)
    assert op is not None
    qtbot.waitUntil(lambda: pending_ops() == 0 and bool(told.shown), timeout=5000)
    assert told.texts == ["1 message saved to minji.zip."]
    with zipfile.ZipFile(target) as zf:
        assert "김민지: 안녕하세요" in zf.read("_chat.txt").decode()


def _chat_with_minji(ctx: Any) -> int:
    with ctx.db.write() as s:
        contact = make_contact(s, profile_name="김민지")
        make_message(s, contact, "안녕하세요", sent_at=datetime(2024, 1, 13, 1, 0, tzinfo=UTC), unread=False)
        return int(contact.id)


def test_a_chat_is_exported_from_its_right_click_menu_in_the_chat_list(
    qtbot: Any, window: Any, ctx: Any, tmp_path: Path, dialogs: DialogGuard
) -> None:
    """The export was only at the bottom of the contact panel; the chat's own menu has it too."""
    from tests.ui.test_chat_list_menu import _right_click

    _chat_with_minji(ctx)
    load_chats(window, qtbot)
    target = tmp_path / "minji.zip"
    dialogs.expect("menu", answer="Export chat…")
    dialogs.expect("getSaveFileName", answer=target)
    told = dialogs.expect("information")
    _right_click(qtbot, window, 0)
    qtbot.waitUntil(lambda: pending_ops() == 0 and bool(told.shown), timeout=5000)
    with zipfile.ZipFile(target) as zf:
        assert "김민지: 안녕하세요" in zf.read("_chat.txt").decode()


def test_file_menu_exports_the_open_chat_and_is_greyed_out_with_none_open(
    qtbot: Any, window: Any, ctx: Any, tmp_path: Path, dialogs: DialogGuard
) -> None:
    install_menus(window, ctx)
    file_menu = window.menuBar().actions()[0].menu()
    export = next(a for a in file_menu.actions() if a.objectName() == "exportChatAction")
    assert export.text() == "&Export chat…"
    contact_id = _chat_with_minji(ctx)
    load_chats(window, qtbot)
    file_menu.aboutToShow.emit()
    assert not export.isEnabled()  # no chat open: nothing to export
    select_chat(window, qtbot, contact_id)
    file_menu.aboutToShow.emit()
    assert export.isEnabled()
    target = tmp_path / "open.txt"
    dialogs.expect("getSaveFileName", answer=target)
    told = dialogs.expect("information")
    export.trigger()
    qtbot.waitUntil(lambda: pending_ops() == 0 and bool(told.shown), timeout=5000)
    assert "김민지: 안녕하세요" in target.read_text(encoding="utf-8")


class _KoreanExportName(QTranslator):
    """The Korean translation's name for an exported chat (until the lead's .qm carries it)."""

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        return (
            "WhatsApp 대화 - {0}" if (context, source) == ("ChatExport", "WhatsApp Chat with {0}") else None
        )


def test_the_suggested_file_is_named_in_the_owners_language(
    qtbot: Any, ctx: Any, dialogs: DialogGuard
) -> None:
    with ctx.db.write() as s:
        contact = make_contact(s, profile_name="박영희")
        make_message(s, contact, "안녕하세요", sent_at=datetime(2024, 1, 13, 1, 0, tzinfo=UTC))
        contact_id = contact.id
    english = dialogs.expect("getSaveFileName", answer=None)  # the owner cancels
    export_chat_to_file(None, ctx, contact_id)
    qtbot.waitUntil(lambda: pending_ops() == 0 and bool(english.shown), timeout=5000)
    assert Path(english.texts[0]).name == "WhatsApp Chat with 박영희.zip"
    korean = dialogs.expect("getSaveFileName", answer=None)
    translator = _KoreanExportName()
    QCoreApplication.installTranslator(translator)
    try:
        export_chat_to_file(None, ctx, contact_id)
        qtbot.waitUntil(lambda: pending_ops() == 0 and bool(korean.shown), timeout=5000)
    finally:
        QCoreApplication.removeTranslator(translator)
    assert Path(korean.texts[0]).name == "WhatsApp 대화 - 박영희.zip"


def test_a_shop_without_a_name_is_written_in_the_owners_language(
    qtbot: Any, ctx: Any, tmp_path: Path, dialogs: DialogGuard, korean: None, korean_locale: None
) -> None:
    """Chats imported before any relay or business profile: the shop's side said "Shop:" in a Korean
    export, beside Korean dates."""
    with ctx.db.write() as s:
        contact = make_contact(s, profile_name="이하은")
        make_message(
            s, contact, "혹시 오늘 출고 가능할까요?", sent_at=datetime(2025, 1, 21, 0, 15, tzinfo=UTC)
        )
        make_message(
            s,
            contact,
            "오늘 오후에 출고 예정이에요~",
            direction="out",
            sent_at=datetime(2025, 1, 21, 1, 1, tzinfo=UTC),
        )
        contact_id = contact.id
    target = tmp_path / "hae.txt"
    dialogs.expect("getSaveFileName", answer=target)
    told = dialogs.expect("information")
    export_chat_to_file(None, ctx, contact_id)
    qtbot.waitUntil(lambda: pending_ops() == 0 and bool(told.shown), timeout=5000)
    lines = target.read_text(encoding="utf-8").splitlines()
    assert lines[0].endswith("이하은: 혹시 오늘 출고 가능할까요?")
    assert lines[1].endswith("] 상점: 오늘 오후에 출고 예정이에요~")


def test_an_export_that_takes_a_while_says_so_until_it_is_saved(
    qtbot: Any, ctx: Any, tmp_path: Path, dialogs: DialogGuard, monkeypatch: Any
) -> None:
    """A big chat's export (seconds) gave no sign between the save dialog and the answer. Here the
    sign is due at once; 5,000 messages take a while to write."""
    from PySide6.QtWidgets import QApplication, QProgressDialog

    import ui.chat_export_action

    monkeypatch.setattr(ui.chat_export_action, "EXPORT_PROGRESS_AFTER_MS", 1)
    with ctx.db.write() as s:
        contact = make_contact(s, profile_name="김민지")
        for n in range(5000):
            make_message(
                s, contact, f"주문 {n}", sent_at=datetime(2024, 1, 13, 1, 0, tzinfo=UTC), unread=False
            )
        contact_id = contact.id
    dialogs.expect("getSaveFileName", answer=tmp_path / "big.zip")
    told = dialogs.expect("information")

    def shown() -> list[str]:
        return [
            w.labelText()
            for w in QApplication.topLevelWidgets()
            if isinstance(w, QProgressDialog) and w.isVisible()
        ]

    export_chat_to_file(None, ctx, contact_id)
    qtbot.waitUntil(lambda: bool(shown()) or bool(told.shown), timeout=10_000)
    [label] = shown()
    assert label == "Exporting the chat…" or label.startswith("Writing messages: ")
    qtbot.waitUntil(lambda: pending_ops() == 0 and bool(told.shown), timeout=20_000)
    assert told.texts == ["5,000 messages saved to big.zip."]
    assert shown() == []  # gone with the answer


def _big_chat_with_photos(ctx: Any, messages: int, photos: int) -> int:
    """김민지's long chat: `messages` lines, the last `photos` of them photos on this computer."""
    from app.models import Media

    ctx.paths.media_dir.mkdir(parents=True, exist_ok=True)
    with ctx.db.write() as s:
        contact = make_contact(s, profile_name="김민지")
        for n in range(messages):
            photo = n >= messages - photos
            m = make_message(
                s,
                contact,
                "" if photo else f"주문 {n}",
                kind="image" if photo else "text",
                sent_at=datetime(2024, 1, 13, 1, 0, tzinfo=UTC),
                unread=False,
            )
            if photo:
                s.flush()
                name = f"photo-{n}.jpg"
                (ctx.paths.media_dir / name).write_bytes(b"\xff\xd8\xff" + bytes(2000))
                s.add(Media(message_id=m.id, mime="image/jpeg", filename=name, cache_path=name))
        return int(contact.id)


def _export_progress(qtbot: Any, monkeypatch: Any) -> Any:
    """The export's progress dialog once it exists (shown at once here), its bar's values recorded."""
    from PySide6.QtWidgets import QApplication, QProgressBar, QProgressDialog

    import app.chat_export.exporter
    import ui.chat_export_action

    monkeypatch.setattr(ui.chat_export_action, "EXPORT_PROGRESS_AFTER_MS", 1)
    monkeypatch.setattr(app.chat_export.exporter, "PAGE", 100)  # a progress step each 100 messages

    def found() -> QProgressDialog | None:
        dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, QProgressDialog)]
        return dialogs[0] if dialogs else None

    qtbot.waitUntil(lambda: found() is not None, timeout=5000)
    dialog = found()
    assert dialog is not None
    seen: list[tuple[int, int, str]] = []
    bar = dialog.findChild(QProgressBar)
    assert bar is not None
    bar.valueChanged.connect(lambda value: seen.append((value, bar.maximum(), dialog.labelText())))
    return dialog, seen


def test_a_big_export_shows_how_many_messages_and_photos_are_done_of_all(
    qtbot: Any, ctx: Any, tmp_path: Path, dialogs: DialogGuard, monkeypatch: Any
) -> None:
    """The export said only "Exporting the chat…" for seconds: now how far it is, and what is left."""
    contact_id = _big_chat_with_photos(ctx, 3000, 20)
    dialogs.expect("getSaveFileName", answer=tmp_path / "big.zip")
    told = dialogs.expect("information")
    export_chat_to_file(None, ctx, contact_id)
    _dialog, seen = _export_progress(qtbot, monkeypatch)
    qtbot.waitUntil(lambda: pending_ops() == 0 and bool(told.shown), timeout=30_000)
    assert told.texts == ["3,000 messages saved to big.zip."]
    values = [value for value, _maximum, _label in seen if value > 0]
    assert len(values) > 5 and values == sorted(values)  # it moves forward, step by step
    labels = [label for _value, _maximum, label in seen]
    assert any(label.startswith("Writing messages: ") and label.endswith(" of 3,000") for label in labels)
    assert "Adding photos and files: 20 of 20" in labels
    assert seen[-1][0] == seen[-1][1] == 3020  # all done of all


def test_cancelling_an_export_stops_it_and_leaves_no_file(
    qtbot: Any, ctx: Any, tmp_path: Path, dialogs: DialogGuard, monkeypatch: Any
) -> None:
    contact_id = _big_chat_with_photos(ctx, 20_000, 0)
    target = tmp_path / "out" / "big.zip"
    dialogs.expect("getSaveFileName", answer=target)
    export_chat_to_file(None, ctx, contact_id)
    dialog, seen = _export_progress(qtbot, monkeypatch)
    qtbot.waitUntil(lambda: bool(seen) and seen[-1][0] > 0, timeout=10_000)  # under way
    cancel = next(b for b in dialog.findChildren(QPushButton) if b.text() == "Cancel")
    cancel.click()
    qtbot.waitUntil(lambda: pending_ops() == 0, timeout=20_000)
    assert seen[-1][0] < 20_000  # stopped before the end
    assert list(target.parent.iterdir()) == []  # neither the zip nor its half-written part
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, QProgressDialog) and w.isVisible()]


def test_a_us_owners_export_writes_dates_month_first_with_am_and_pm(
    qtbot: Any, ctx: Any, tmp_path: Path, dialogs: DialogGuard, english_locale: None
) -> None:
    """An Ohio shop's export said "[05/12/2026, 15:06:00]", which an American reads as May 12."""
    import re

    with ctx.db.write() as s:
        contact = make_contact(s, profile_name="Amy Clarke", wa_id="16145550123")
        make_message(
            s, contact, "Is the lavender candle back?", sent_at=datetime(2026, 12, 5, 12, 6).astimezone()
        )  # on this computer's clock: 12:06 UTC was the 6th on Kiritimati
        contact_id = contact.id
    target = tmp_path / "amy.txt"
    dialogs.expect("getSaveFileName", answer=target)
    told = dialogs.expect("information")
    export_chat_to_file(None, ctx, contact_id)
    qtbot.waitUntil(lambda: pending_ops() == 0 and bool(told.shown), timeout=5000)
    first = target.read_text(encoding="utf-8").splitlines()[0]
    assert re.match(r"\[12/5/26, \d{1,2}:06:00 [AP]M\] Amy Clarke: ", first), first


@needs_tzset
def test_a_computer_whose_zone_has_only_a_posix_name_exports_its_chat_on_its_own_clock(
    qtbot: Any, ctx: Any, tmp_path: Path, dialogs: DialogGuard
) -> None:
    """TZ="KST-9" (some Korean Linux machines set it so) is the zone Qt names: the export took it for
    a zone name, and failed with nothing saved. It is written on that clock, nine hours ahead."""
    with ctx.db.write() as s:
        contact = make_contact(s, profile_name="김민지")
        make_message(s, contact, "안녕하세요", sent_at=datetime(2024, 1, 13, 1, 7, tzinfo=UTC))
        contact_id = contact.id
    target = tmp_path / "minji.zip"
    dialogs.expect("getSaveFileName", answer=target)
    told = dialogs.expect("information")
    with computer_zone("KST-9"):
        export_chat_to_file(None, ctx, contact_id)
        qtbot.waitUntil(lambda: pending_ops() == 0 and bool(told.shown), timeout=5000)
    assert told.texts == ["1 message saved to minji.zip."]
    with zipfile.ZipFile(target) as zf:
        [line] = zf.read("_chat.txt").decode().splitlines()
    assert "10:07" in line and line.endswith("김민지: 안녕하세요")
