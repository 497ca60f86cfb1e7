"""The item form asks before a second item takes a name another item has, and keeps her words."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from app.catalog import ItemDraft, ItemRow, create_item, list_items
from app.db import Database
from app.paths import paths_for
from tests.support.catalog_window import shown_catalog
from ui.context import AppContext


@pytest.fixture
def ctx(tmp_path: Path) -> Iterator[AppContext]:
    paths = paths_for(tmp_path / "data").ensure()
    database = Database.open(paths.database)
    with database.write() as s:
        create_item(
            s, ItemDraft(name="울 머플러 그레이", price_minor=39000, currency="KRW", retailer_id="WM-GR")
        )
    yield AppContext(db=database, paths=paths)
    database.close()


@pytest.fixture
def window(qtbot, ctx: AppContext):  # type: ignore[no-untyped-def]
    yield from shown_catalog(qtbot, ctx)


NOTE = (
    "Another item is already called “울 머플러 그레이” (item code WM-GR). Change this item's name, "
    "or save it anyway if the two are meant to share it."
)


def stored(ctx: AppContext) -> list[tuple[str, int]]:
    with ctx.db.read() as s:
        return sorted((r.name, r.price_minor) for r in list_items(s))


def type_new_item(qtbot, window, name: str, price: str) -> None:  # type: ignore[no-untyped-def]
    window.new_action.trigger()
    window.form.name.setText(name)  # Hangul arrives through the input method: QTest cannot type it
    qtbot.keyClicks(window.form.price, price)


def test_a_second_item_with_the_same_name_is_named_and_kept_only_when_she_says_so(
    qtbot, window, ctx: AppContext
) -> None:
    type_new_item(qtbot, window, "울 머플러 그레이 ", "42000")
    qtbot.mouseClick(window.form.save, Qt.MouseButton.LeftButton)
    form = window.form
    qtbot.waitUntil(lambda: form.error.isVisible() and form.error.text() == NOTE, timeout=5000)
    assert form.keep_both.isVisible()
    # The cursor is in the name, all of it selected, to type another over it.
    assert form.name.hasFocus() and form.name.selectedText() == "울 머플러 그레이 "
    assert form.is_dirty() and form.price.text() == "42000"  # nothing of hers is lost
    assert stored(ctx) == [("울 머플러 그레이", 39000)]  # and nothing was saved
    with qtbot.waitSignal(ctx.hub.changed):
        qtbot.mouseClick(form.keep_both, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not window.is_loading() and not form.is_dirty(), timeout=5000)
    assert not form.error.isVisible() and not form.keep_both.isVisible()
    assert stored(ctx) == [("울 머플러 그레이", 39000), ("울 머플러 그레이", 42000)]


def test_she_changes_the_name_instead_and_the_item_is_saved_under_it(qtbot, window, ctx: AppContext) -> None:
    type_new_item(qtbot, window, "울 머플러 그레이", "42000")
    window.form.request_save()
    qtbot.waitUntil(lambda: window.form.keep_both.isVisible(), timeout=5000)
    window.form.name.setText("울 머플러 차콜")
    with qtbot.waitSignal(ctx.hub.changed):
        qtbot.mouseClick(window.form.save, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not window.is_loading() and not window.form.is_dirty(), timeout=5000)
    assert not window.form.keep_both.isVisible()
    assert stored(ctx) == [("울 머플러 그레이", 39000), ("울 머플러 차콜", 42000)]


def test_save_anyway_is_for_the_name_it_was_asked_about(qtbot, window, ctx: AppContext) -> None:
    """English names match in any case; kept beside one twin, a name typed anew is asked about again."""
    with ctx.db.write() as s:
        for name, code in (("WOOL SCARF", "WS"), ("Tote bag", "TB")):
            create_item(s, ItemDraft(name=name, price_minor=1000, currency="KRW", retailer_id=code))
    type_new_item(qtbot, window, "Wool scarf", "42000")
    window.form.request_save()
    qtbot.waitUntil(lambda: window.form.keep_both.isVisible(), timeout=5000)
    assert "“WOOL SCARF” (item code WS)" in window.form.error.text()
    qtbot.mouseClick(window.form.keep_both, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not window.is_loading() and not window.form.is_dirty(), timeout=5000)
    window.form.name.selectAll()
    qtbot.keyClicks(window.form.name, "tote bag ")
    window.form.request_save()
    qtbot.waitUntil(lambda: window.form.keep_both.isVisible(), timeout=5000)
    assert "“Tote bag” (item code TB)" in window.form.error.text()
    assert ("Wool scarf", 42000) in stored(ctx)


def test_moving_on_with_save_stays_on_the_renamed_item_and_asks(
    qtbot, window, ctx: AppContext, dialogs
) -> None:
    from PySide6.QtWidgets import QMessageBox

    with ctx.db.write() as s:
        cap = create_item(s, ItemDraft(name="Cap", price_minor=22000, currency="KRW", retailer_id="CAP"))
        scarf = create_item(
            s, ItemDraft(name="Wool scarf", price_minor=1000, currency="KRW", retailer_id="WS")
        )
    window.reload(select=[cap])
    qtbot.waitUntil(lambda: window.form.item_id == cap and not window.is_loading(), timeout=5000)
    window.form.name.selectAll()
    qtbot.keyClicks(window.form.name, "WOOL SCARF")
    dialogs.expect("question", answer=QMessageBox.StandardButton.Save)
    window.view.setCurrentIndex(window.model.index(window.model.row_for_id(scarf)))
    qtbot.waitUntil(lambda: window.form.keep_both.isVisible(), timeout=5000)
    assert window.form.item_id == cap and window.form.name.text() == "WOOL SCARF"
    assert window.selected_ids() == [cap]
    assert ("Cap", 22000) in stored(ctx)


def test_duplicating_the_same_item_twice_makes_two_names(qtbot, window, ctx: AppContext) -> None:
    (scarf,) = [r.id for r in list_items_of(ctx)]
    for _ in range(2):
        window.reload(select=[scarf])
        qtbot.waitUntil(lambda: window.form.item_id == scarf, timeout=5000)
        qtbot.waitUntil(lambda: not window.is_loading(), timeout=5000)
        with qtbot.waitSignal(ctx.hub.changed):
            window.duplicate_action.trigger()
        qtbot.waitUntil(lambda: not window.is_loading(), timeout=5000)
    assert [name for name, _ in stored(ctx)] == [
        "울 머플러 그레이",
        "울 머플러 그레이 (copy 2)",
        "울 머플러 그레이 (copy)",
    ]


def test_the_import_summary_names_a_row_that_took_another_items_name(
    qtbot, window, ctx: AppContext, tmp_path: Path
) -> None:
    from app.catalog_csv import ImportReport
    from ui.catalog_csv_actions import import_csv, report_text

    path = tmp_path / "상품목록.csv"
    path.write_bytes("상품코드,상품명,판매가\nWM-GR2,울 머플러 그레이,42000\n".encode())
    reports: list[ImportReport] = []
    with qtbot.waitSignal(ctx.hub.changed):
        import_csv(window, ctx, path, reports.append)
    qtbot.waitUntil(lambda: bool(reports), timeout=5000)
    summary, details = report_text(reports[0])
    shared = (
        "Line 2: 상품명: the item WM-GR has the same name; rename one unless they are variants of one item"
    )
    assert "1 item was imported under a name another item has:\n" + shared in summary
    assert shared in details
    assert stored(ctx) == [("울 머플러 그레이", 39000), ("울 머플러 그레이", 42000)]


def list_items_of(ctx: AppContext) -> list[ItemRow]:
    with ctx.db.read() as s:
        return list_items(s)
