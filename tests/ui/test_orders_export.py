"""Export orders…: the days the owner picks, as an Excel workbook or a CSV for Excel, one row per line."""

from __future__ import annotations

import csv
import io
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from PySide6.QtCore import QDate, QEventLoop, QTimer

from app.catalog import ItemDraft, create_item
from app.models import utcnow
from app.orders import LineInput, create_order
from tests.support.dialogs import DialogGuard
from tests.support.factories import make_contact
from ui.formatting import from_qdate
from ui.menus import install_menus
from ui.order_board import OrderBoard
from ui.order_export_dialog import OrderExportDialog


def shop_with_orders(ctx: Any) -> tuple[str, str]:
    """Two orders this week (one of two lines) and one from two months ago; the recent numbers."""
    now = utcnow()
    with ctx.db.write() as s:
        create_item(
            s, ItemDraft(name="린넨 셔츠 아이보리", price_minor=39000, currency="KRW", retailer_id="LINEN")
        )
        create_item(s, ItemDraft(name="에코백", price_minor=12000, currency="KRW", retailer_id="BAG"))
        minji = make_contact(s, profile_name="김민지")
        old = create_order(
            s, contact_id=minji.id, lines=[LineInput("BAG", 1)], source="chat", now=now - timedelta(days=60)
        )
        first = create_order(
            s,
            contact_id=minji.id,
            lines=[LineInput("LINEN", 2), LineInput("BAG", 1)],
            source="chat",
            now=now - timedelta(hours=3),
        )
        second = create_order(
            s,
            contact_id=make_contact(s, profile_name="박서준").id,
            lines=[LineInput("BAG", 3)],
            source="chat",
        )
        assert old.number not in (first.number, second.number)
        return first.number, second.number


def pick_this_week(dialog: Any) -> None:
    assert isinstance(dialog, OrderExportDialog)
    today = date.today()
    dialog.first.setDate(QDate(today.year, today.month, today.day).addDays(-6))
    dialog.last.setDate(QDate(today.year, today.month, today.day))
    dialog.accept()


def after_its_own_loop(path: Path) -> Any:
    """The save dialog's answer, given after a modal loop of its own as the real dialog runs (the
    closed export dialog's deferred deletion runs in it)."""

    def answer(_shown: Any) -> Path:
        loop = QEventLoop()
        QTimer.singleShot(0, loop.quit)
        loop.exec()
        return path

    return answer


def test_export_orders_saves_the_picked_days_as_xlsx_and_csv_with_korean_intact(
    window: Any, qtbot: Any, tmp_path: Path, dialogs: DialogGuard
) -> None:
    first, second = shop_with_orders(window.ctx)
    install_menus(window, window.ctx)

    # From the board's button, to an Excel workbook.
    board = window.orders.open_board()
    assert isinstance(board, OrderBoard)
    qtbot.addWidget(board)
    qtbot.waitUntil(lambda: board.loaded_once)
    workbook = tmp_path / "orders.xlsx"
    dialogs.expect("modal", answer=pick_this_week)
    asked = dialogs.expect("getSaveFileName", answer=after_its_own_loop(workbook))
    button = next(b for b in board.findChildren(type(board.board_button)) if b.objectName() == "exportOrders")
    with qtbot.waitSignal(board.orders_exported) as saved:
        button.click()
    assert saved.args == [2, 3]
    assert board.saved_note.text.text() == "Orders file saved: 2 order(s), 3 line(s)."
    assert board.saved_note.where.text() == f"File: orders.xlsx · Folder: {tmp_path}"
    assert asked.shown[0].text.endswith(".xlsx")  # the workbook is what the save dialog offers first
    sheet = load_workbook(workbook, read_only=True).active
    assert sheet is not None
    rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    assert [(r[0], r[3], r[5], r[7]) for r in rows[1:]] == [
        (first, "김민지", "린넨 셔츠 아이보리", 2),
        (first, "김민지", "에코백", 1),
        (second, "박서준", "에코백", 3),
    ]
    assert rows[1][9] == 78000  # the line's total, a number the books can add up

    # From Shop ▸ Export orders…, to a CSV that Korean Excel opens (UTF-8 with a BOM).
    shop = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Shop")
    export = next(a for a in shop.actions() if a.text().replace("&", "") == "Export orders…")
    table = tmp_path / "orders.csv"
    dialogs.expect("modal", answer=pick_this_week)
    dialogs.expect("getSaveFileName", answer=table)
    with qtbot.waitSignal(board.orders_exported) as saved:
        export.trigger()
    assert saved.args == [2, 3]
    data = table.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    lines = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert [(r[0], r[3], r[5]) for r in lines[1:]] == [
        (first, "김민지", "린넨 셔츠 아이보리"),
        (first, "김민지", "에코백"),
        (second, "박서준", "에코백"),
    ]
    assert board.saved_note.where.text() == f"File: orders.csv · Folder: {tmp_path}"


def test_the_days_exported_are_the_shops_days_on_a_laptop_set_to_another_zone(
    window: Any, qtbot: Any, monkeypatch: Any, dialogs: Any
) -> None:
    """A Seoul shop, a laptop on New York's clock: "1–4 December" ran from New York's midnights, so
    the orders of the 1st before 2 p.m. in Seoul went into November's file."""
    import time as clock
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from app.automations_store import AutomationsStore
    from app.wire import Automations, BusinessHours

    monkeypatch.setenv("TZ", "America/New_York")
    clock.tzset()
    try:
        hours = BusinessHours(timezone="Asia/Seoul")
        AutomationsStore(window.ctx.db).save(Automations(business_hours=hours))
        board = OrderBoard(window.ctx)
        qtbot.addWidget(board)
        board.show()
        qtbot.waitUntil(lambda: board.shop_zone is not None)
        seoul = ZoneInfo("Asia/Seoul")
        periods = []

        def pick_december(dialog: Any) -> None:
            assert isinstance(dialog, OrderExportDialog)
            assert from_qdate(dialog.last.date()) == datetime.now(seoul).date()  # "today" is the shop's
            dialog.first.setDate(QDate(2026, 12, 1))
            dialog.last.setDate(QDate(2026, 12, 4))
            periods.append(dialog.period())
            dialog.reject()

        dialogs.expect("modal", answer=pick_december)
        board.choose_orders_export()
        assert periods == [(datetime(2026, 12, 1, tzinfo=seoul), datetime(2026, 12, 5, tzinfo=seoul))]
    finally:
        monkeypatch.undo()
        clock.tzset()


def test_the_export_dialog_speaks_the_apps_friendly_korean(qtbot: Any, korean: None) -> None:
    """Walk: "…한 행씩 저장합니다:" stood alone in formal speech among the app's -요."""
    from PySide6.QtWidgets import QLabel

    dialog = OrderExportDialog(date(2026, 12, 1), date(2026, 12, 5))
    qtbot.addWidget(dialog)
    texts = [label.text() for label in dialog.findChildren(QLabel)]
    assert "이\u00a0기간에 들어온 주문을 상품 한\u00a0줄에 한\u00a0행씩 저장해요:" in texts
