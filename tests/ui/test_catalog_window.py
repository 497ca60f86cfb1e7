"""The catalogue window, picker and share dialog on a real database, driven like the owner would."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QThreadPool, QTranslator
from PySide6.QtGui import QColor, QImage

from app.catalog import ItemDraft, create_item, find_item_by_code, get_item, list_items, load_demo_catalog
from app.catalog_collections import create_collection, list_collections
from app.catalog_images import thumbnail_path
from app.db import Database
from app.paths import paths_for
from app.settings import put_setting
from app.stock import set_stock
from tests.support.catalog_window import shown_catalog
from tests.support.held_reads import hold_first_read
from ui.catalog_model import CatalogRole
from ui.context import AppContext

DEMO = Path(__file__).resolve().parents[2] / "resources" / "demo"


@pytest.fixture
def ctx(tmp_path: Path) -> Iterator[AppContext]:
    paths = paths_for(tmp_path / "data").ensure()
    database = Database.open(paths.database)
    yield AppContext(db=database, paths=paths)
    database.close()


@pytest.fixture
def window(qtbot, ctx: AppContext):  # type: ignore[no-untyped-def]
    yield from shown_catalog(qtbot, ctx)


def add(ctx: AppContext, name: str, price: int, code: str, **fields: Any) -> int:
    with ctx.db.write() as s:
        return create_item(
            s, ItemDraft(name=name, price_minor=price, currency="KRW", retailer_id=code, **fields)
        )


def names_shown(window) -> list[str]:  # type: ignore[no-untyped-def]
    return [window.model.item(r).name for r in range(window.model.rowCount())]


def settle(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    """Wait until the window's reads and edits (ops on workers) have delivered."""
    qtbot.waitUntil(lambda: not window.is_loading(), timeout=5000)


def reload(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    window.reload()
    settle(qtbot, window)


def select(qtbot, window, item_id: int) -> None:  # type: ignore[no-untyped-def]
    window.reload(select=[item_id])
    qtbot.waitUntil(lambda: window.form.item_id == item_id, timeout=5000)
    settle(qtbot, window)


def test_the_price_fields_example_is_written_as_the_items_currency_writes_prices(qtbot, window) -> None:
    """A shop in pounds read "15,000" as the example price: fifteen thousand pounds for a scarf."""
    window.new_action.trigger()
    assert window.form.price.placeholderText() == "15,000"  # the shop's won
    window.form.currency.setCurrentText("GBP")
    assert window.form.price.placeholderText() == "15.00"
    window.form.currency.setCurrentText("JPY")
    assert window.form.price.placeholderText() == "15,000"


def test_a_new_item_typed_into_the_form_is_saved_and_shown(qtbot, window, ctx: AppContext) -> None:
    window.new_action.trigger()
    # Hangul arrives through the input method, not as key presses: QTest cannot type it.
    window.form.name.setText("린넨 셔츠 아이보리")
    qtbot.keyClicks(window.form.price, "39,000")
    assert window.form.price_preview.text() == "₩39,000"
    qtbot.keyClicks(window.form.code, "LS-001")
    window.form.description.setPlainText("린넨 100%")
    qtbot.keyClicks(window.form.link, "https://shop.example/ls-001")
    with qtbot.waitSignal(ctx.hub.changed):
        qtbot.mouseClick(window.form.save, Qt.MouseButton.LeftButton)
    settle(qtbot, window)

    with ctx.db.read() as s:
        saved = find_item_by_code(s, "LS-001")
    assert saved is not None
    assert (saved.name, saved.price_minor, saved.currency, saved.description, saved.url) == (
        "린넨 셔츠 아이보리",
        39000,
        "KRW",
        "린넨 100%",
        "https://shop.example/ls-001",
    )
    assert names_shown(window) == ["린넨 셔츠 아이보리"]
    assert window.model.data(window.model.index(0), 0x0100 + 3) in ("₩39,000",)  # CatalogRole.PRICE_TEXT
    assert window.selected_ids() == [saved.id]


def test_editing_an_item_round_trips_through_the_database(qtbot, window, ctx: AppContext) -> None:
    item_id = add(ctx, "Tote", 25000, "T-1", description="Canvas")
    select(qtbot, window, item_id)
    assert window.form.price.text() == "25,000"
    window.form.price.setText("27000")
    window.form.hidden.setChecked(True)
    with qtbot.waitSignal(ctx.hub.changed):
        window.form.request_save()
    with ctx.db.read() as s:
        row = get_item(s, item_id)
    assert (row.price_minor, row.hidden, row.description) == (27000, True, "Canvas")
    # What the form shows after reopening is what was saved.
    settle(qtbot, window)
    window.new_item()
    select(qtbot, window, item_id)
    assert (window.form.price.text(), window.form.hidden.isChecked()) == ("27,000", True)


def test_a_missing_name_or_a_taken_code_is_explained_and_nothing_is_saved(
    qtbot, window, ctx: AppContext
) -> None:
    add(ctx, "Tote", 25000, "T-1")
    window.new_item()
    window.form.price.setText("1000")
    window.form.request_save()
    assert window.form.error.isVisibleTo(window) and "name" in window.form.error.text()
    window.form.name.setText("Another tote")
    window.form.code.setText("T-1")
    window.form.request_save()
    qtbot.waitUntil(lambda: window.form.error.text() == "This item code is already used by “Tote”.")
    assert window.form.name.text() == "Another tote"  # what the owner typed stays
    window.form.code.setText("T-2")
    window.form.price.setText("12.5")
    window.form.request_save()
    qtbot.waitUntil(lambda: "whole number" in window.form.error.text())
    settle(qtbot, window)
    with ctx.db.read() as s:
        assert [r.name for r in list_items(s)] == ["Tote"]


def test_why_a_save_was_refused_is_read_whole_beside_save_on_a_short_window(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    # A laptop's short window: the form scrolls, and its foot is out of view.
    window.resize(1000, 460)
    window.new_item()
    window.form.request_save()
    error = window.form.error
    qtbot.waitUntil(lambda: error.isVisible() and error.visibleRegion().boundingRect() == error.rect())
    assert "name" in error.text()


def test_the_search_field_stays_in_view_on_a_125_percent_laptop_screen(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    """1366×768 at 125 % leaves a 1092 px window: the toolbar tucked the search behind its » button."""
    window.resize(1092, 560)
    qtbot.waitUntil(lambda: window.width() <= 1092)
    search = window.search
    qtbot.waitUntil(lambda: search.isVisible())
    assert search.visibleRegion().boundingRect() == search.rect()  # whole, not cut by the window's edge
    assert window.rect().contains(search.mapTo(window, search.rect().bottomRight()))
    save = window.form.save
    assert save.isVisible() and window.rect().contains(save.mapTo(window, save.rect().bottomRight()))


def test_delete_then_undo_brings_the_item_back(qtbot, window, ctx: AppContext) -> None:
    item_id = add(ctx, "Scarf", 35000, "SC-1")
    select(qtbot, window, item_id)
    with qtbot.waitSignal(ctx.hub.changed):
        window.delete_action.trigger()
    settle(qtbot, window)
    assert names_shown(window) == []
    assert window.undo_button.isVisibleTo(window)
    with qtbot.waitSignal(ctx.hub.changed):
        qtbot.mouseClick(window.undo_button, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    assert names_shown(window) == ["Scarf"]
    assert window.selected_ids() == [item_id]
    with ctx.db.read() as s:
        assert get_item(s, item_id).retailer_id == "SC-1"


def test_alt_b_brings_a_deleted_item_back(qtbot, window, ctx: AppContext) -> None:
    """The status bar's Bring back, beside "Ctrl+Z brings it back", is Alt+B from the keyboard."""
    from tests.ui.test_dialog_mnemonics import press_alt

    item_id = add(ctx, "Scarf", 35000, "SC-1")
    select(qtbot, window, item_id)
    with qtbot.waitSignal(ctx.hub.changed):
        window.delete_action.trigger()
    settle(qtbot, window)
    assert window.undo_button.text() == "&Bring back"
    with qtbot.waitSignal(ctx.hub.changed):
        press_alt(qtbot, window, "B")
    settle(qtbot, window)
    assert names_shown(window) == ["Scarf"]


def test_the_deleted_line_says_the_item_is_back_once_bring_back_returned_it(
    qtbot, window, ctx: AppContext
) -> None:
    """It stayed up for the rest of its 10 seconds, saying "Deleted" beside the item, back in the list."""
    from tests.ui.test_dialog_mnemonics import press_alt

    item_id = add(ctx, "Scarf", 35000, "SC-1")
    select(qtbot, window, item_id)
    with qtbot.waitSignal(ctx.hub.changed):
        window.delete_action.trigger()
    settle(qtbot, window)
    assert window.statusBar().currentMessage() == "Deleted “Scarf”. Ctrl+Z brings it back."
    with qtbot.waitSignal(ctx.hub.changed):
        press_alt(qtbot, window, "B")
    settle(qtbot, window)
    assert window.statusBar().currentMessage() == "Brought back “Scarf”."
    assert not window.undo_button.isVisibleTo(window)  # nothing left to bring back


def test_ctrl_z_where_the_keyboard_is_after_a_delete_brings_the_item_back(
    qtbot, window, ctx: AppContext
) -> None:
    """Deleted with the Delete key in the list, the keyboard went to the empty form's name field,
    which took Ctrl+Z for its own typing: "Ctrl+Z brings it back" did nothing."""
    from PySide6.QtWidgets import QApplication

    item_id = add(ctx, "Scarf", 35000, "SC-1")
    select(qtbot, window, item_id)
    window.view.setFocus()
    with qtbot.waitSignal(ctx.hub.changed):
        qtbot.keyClick(window.view, Qt.Key.Key_Delete)
    settle(qtbot, window)
    assert names_shown(window) == []
    with qtbot.waitSignal(ctx.hub.changed):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot, window)
    assert names_shown(window) == ["Scarf"]
    assert window.statusBar().currentMessage() == "Brought back “Scarf”."


def test_ctrl_z_says_the_deleted_items_are_back_and_redo_says_they_are_gone_again(
    qtbot, window, ctx: AppContext
) -> None:
    scarf = add(ctx, "Scarf", 35000, "SC-1")
    cap = add(ctx, "Cap", 22000, "CAP")
    window.reload(select=[scarf, cap])
    qtbot.waitUntil(lambda: sorted(window.selected_ids()) == sorted([scarf, cap]), timeout=5000)
    with qtbot.waitSignal(ctx.hub.changed):
        window.delete_action.trigger()
    settle(qtbot, window)
    assert window.statusBar().currentMessage() == "Deleted 2 items. Ctrl+Z brings it back."
    with qtbot.waitSignal(ctx.hub.changed):
        qtbot.keyClick(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot, window)
    assert sorted(names_shown(window)) == ["Cap", "Scarf"]
    assert window.statusBar().currentMessage() == "Brought back 2 items."
    with qtbot.waitSignal(ctx.hub.changed):
        window.redo_action.trigger()
    settle(qtbot, window)
    assert names_shown(window) == []
    assert window.statusBar().currentMessage() == "Deleted 2 items. Ctrl+Z brings it back."


def test_duplicate_search_and_sort(qtbot, window, ctx: AppContext) -> None:
    shirt = add(ctx, "린넨 셔츠", 39000, "LS-1")
    add(ctx, "린넨 바지", 45000, "LP-1")
    add(ctx, "Cap", 22000, "CAP")
    select(qtbot, window, shirt)
    with qtbot.waitSignal(ctx.hub.changed):
        window.duplicate_action.trigger()
    settle(qtbot, window)
    with ctx.db.read() as s:
        copy = find_item_by_code(s, "LS-1-copy")
    assert copy is not None and window.selected_ids() == [copy.id]
    window.search.setText("린넨")
    qtbot.waitUntil(lambda: len(names_shown(window)) == 3)
    assert "Cap" not in names_shown(window)
    window.search.clear()
    window.sort.setCurrentIndex(window.sort.findData("price"))
    qtbot.waitUntil(lambda: len(names_shown(window)) == 4)
    assert names_shown(window)[0] == "Cap" and names_shown(window)[-1] == "린넨 바지"


def test_hide_from_the_toolbar_marks_the_item_hidden(qtbot, window, ctx: AppContext) -> None:
    item_id = add(ctx, "Vest", 39000, "V-1")
    select(qtbot, window, item_id)
    with qtbot.waitSignal(ctx.hub.changed):
        window.hide_action.trigger()
    settle(qtbot, window)
    with ctx.db.read() as s:
        assert get_item(s, item_id).hidden
    assert window.hide_action.text() == "S&how"


def test_dropped_pictures_are_copied_in_and_thumbnails_made_once(
    qtbot, window, ctx: AppContext, tmp_path: Path
) -> None:
    photo = QImage(400, 300, QImage.Format.Format_RGB32)
    photo.fill(QColor("#9EC5E8"))
    png = tmp_path / "shirt.png"
    bmp = tmp_path / "pants.bmp"  # not a format WhatsApp takes: stored as JPEG
    assert photo.save(str(png)) and photo.save(str(bmp))
    window.new_item()
    window.form.name.setText("Shirt")
    window.form.price.setText("39000")
    window.form.images.files_dropped.emit([png, bmp])
    qtbot.waitUntil(lambda: window.form.images.count() == 2, timeout=5000)
    with qtbot.waitSignal(ctx.hub.changed):
        window.form.request_save()
    with ctx.db.read() as s:
        row = list_items(s)[0]
    assert [e.rsplit(".", 1)[1] for e in row.images] == ["png", "jpg"]
    assert all((ctx.paths.catalog_dir / e).exists() for e in row.images)
    thumb = thumbnail_path(ctx.paths.catalog_dir, row.images[0], 160)
    assert thumb is not None
    qtbot.waitUntil(lambda: thumb.exists() and window.thumbs.is_idle(), timeout=5000)
    made = thumb.stat().st_mtime_ns
    from ui.catalog_thumbs import ThumbnailCache

    fresh = ThumbnailCache(ctx.paths.catalog_dir)
    assert fresh.pixmap(row.images[0], 160) is None
    with qtbot.waitSignal(fresh.ready, timeout=5000):
        pass
    assert fresh.pixmap(row.images[0], 160) is not None
    assert thumb.stat().st_mtime_ns == made
    fresh.shutdown()


def test_collections_filter_and_take_dropped_items(qtbot, window, ctx: AppContext) -> None:
    tote = add(ctx, "Tote", 25000, "T-1")
    add(ctx, "Cap", 22000, "CAP")
    with ctx.db.write() as s:
        bags = create_collection(s, "가방")
    reload(qtbot, window)
    with qtbot.waitSignal(ctx.hub.changed):
        window.collections.items_dropped.emit(bags, [tote])
    settle(qtbot, window)
    window.collections.select(bags)
    settle(qtbot, window)
    assert names_shown(window) == ["Tote"]
    with ctx.db.read() as s:
        assert [(c.name, c.item_count) for c in list_collections(s)] == [("가방", 1)]
    window.collections.select(None)
    settle(qtbot, window)
    assert len(names_shown(window)) == 2


def test_demo_catalogue_loads_into_the_window(qtbot, window, ctx: AppContext) -> None:
    with ctx.db.write() as s:
        count = load_demo_catalog(s, DEMO, ctx.paths.catalog_dir)
    with ctx.db.write() as s:
        assert load_demo_catalog(s, DEMO, ctx.paths.catalog_dir) == count  # twice: no duplicates
    reload(qtbot, window)
    assert window.model.rowCount() == count >= 18
    assert all(p.stat().st_size < 15 * 1024 for p in (DEMO / "images").glob("*.jpg"))
    assert window.collections.list.count() > 3


def test_the_demo_catalogue_in_english_is_found_by_the_words_an_english_customer_writes(
    qtbot, window, ctx: AppContext
) -> None:
    """Olivia (the English demo) asked for "the cotton knit cardigan in oatmeal"; the owner, who reads
    English, typed "cardigan" in the catalogue and found nothing: every name was Korean."""
    with ctx.db.write() as s:
        load_demo_catalog(s, DEMO, ctx.paths.catalog_dir, "en")
    window.search.setText("cardigan")
    qtbot.waitUntil(lambda: names_shown(window) == ["Cotton knit cardigan, oatmeal"], timeout=5000)
    window.search.clear()
    qtbot.waitUntil(lambda: len(names_shown(window)) >= 18, timeout=5000)
    shown = names_shown(window)
    assert not any("\uac00" <= ch <= "\ud7a3" for name in shown for ch in name)
    collections = [window.collections.list.item(r).text() for r in range(window.collections.list.count())]
    assert any("Outerwear" in text for text in collections), collections


def test_csv_import_from_the_window_reports_bad_lines(qtbot, window, ctx: AppContext, tmp_path: Path) -> None:
    from app.catalog_csv import ImportReport
    from ui.catalog_csv_actions import import_csv, report_text

    path = tmp_path / "feed.csv"
    path.write_bytes("\ufeffid,title,price\nA,셔츠,39000 KRW\nB,,1 KRW\n".encode())
    reports: list[ImportReport] = []
    with qtbot.waitSignal(ctx.hub.changed):  # the window reloads by itself
        import_csv(window, ctx, path, reports.append)
    qtbot.waitUntil(lambda: bool(reports), timeout=5000)
    summary, details = report_text(reports[0])
    assert "1 new item," in summary and "Line 3" in summary and "title" in details
    settle(qtbot, window)
    assert names_shown(window) == ["셔츠"]


def test_a_korean_sheet_without_codes_imports_and_the_summary_says_how(
    qtbot, window, ctx: AppContext, tmp_path: Path
) -> None:
    from app.catalog_csv import ImportReport
    from app.stock import item_stock
    from ui.catalog_csv_actions import import_csv, report_text

    path = tmp_path / "상품목록.csv"
    path.write_bytes('상품명,판매가,재고,원가\r\n린넨 셔츠 네이비,"39,000원",5,21000\r\n'.encode("cp949"))
    reports: list[ImportReport] = []
    for n in (1, 2):  # the same file twice: the second time finds the same item by its name
        with qtbot.waitSignal(ctx.hub.changed):
            import_csv(window, ctx, path, reports.append)
        qtbot.waitUntil(lambda n=n: len(reports) == n, timeout=5000)
    first, _ = report_text(reports[0])
    again, _ = report_text(reports[1])
    assert "1 new item," in first and "1 already up to date" in again
    assert "matched to items by name" in first and "got a code" in first
    assert "matched to items by name." in again and "code of their own" not in again  # none was made
    assert "These columns were not used: 원가." in first
    settle(qtbot, window)
    assert names_shown(window) == ["린넨 셔츠 네이비"]
    with ctx.db.read() as s:
        (shirt,) = list_items(s)
        level = item_stock(s, shirt.id)
    assert shirt.retailer_id == "ITEM-0001" and level is not None and level.on_hand == 5


class _KoreanColumnNames(QTranslator):
    """The Korean translation's words for the catalogue's columns (the names the import also reads)."""

    WORDS = {"title": "상품명", "price": "판매가", "id": "상품코드", "stock": "재고"}

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        # None: no translation here (an empty string would be one).
        return self.WORDS.get(source) if context == "CatalogCsv" else None


def test_a_sheet_without_a_price_is_refused_naming_it_in_korean(
    qtbot, window, ctx: AppContext, tmp_path: Path, dialogs
) -> None:
    from PySide6.QtCore import QCoreApplication

    from ui.catalog_csv_actions import import_csv

    path = tmp_path / "상품목록.csv"
    path.write_bytes("상품명,재고\r\n린넨 셔츠,5\r\n".encode("cp949"))
    refused = dialogs.expect("warning")
    translator = _KoreanColumnNames()
    QCoreApplication.installTranslator(translator)
    try:
        import_csv(window, ctx, path, lambda report: None)
        qtbot.waitUntil(lambda: bool(refused.shown), timeout=5000)
    finally:
        QCoreApplication.removeTranslator(translator)
    text = refused.shown[0].text
    assert "missing: 판매가." in text and "id" not in text
    assert "상품코드, 상품명" in text  # what it reads, as a Korean sheet names it


def test_picker_offers_visible_items_and_returns_the_chosen_ones(qtbot, ctx: AppContext) -> None:
    from ui.catalog_picker import CatalogPicker

    shirt = add(ctx, "린넨 셔츠", 39000, "LS-1")
    pants = add(ctx, "린넨 바지", 45000, "LP-1")
    add(ctx, "린넨 조끼", 39000, "LV-1", hidden=True)
    picker = CatalogPicker(ctx, None, "린넨")
    qtbot.addWidget(picker)
    qtbot.waitUntil(lambda: picker.model.rowCount() == 2, timeout=5000)
    assert sorted(picker.model.item(r).id for r in range(picker.model.rowCount())) == sorted([shirt, pants])
    chosen: list[list[int]] = []
    picker.items_chosen.connect(chosen.append)
    for row in range(picker.model.rowCount()):
        picker.view.selectionModel().select(
            picker.model.index(row), picker.view.selectionModel().SelectionFlag.Select
        )
    assert picker.send.text() == "&Send 2 items" and "list" in picker.hint.text()
    picker.accept()
    assert sorted(chosen[0]) == sorted([shirt, pants])


def test_picker_enter_sends_the_best_match(qtbot, ctx: AppContext) -> None:
    from ui.catalog_picker import CatalogPicker

    add(ctx, "Silk scarf", 19000, "SC-2")
    wool = add(ctx, "Wool scarf", 29000, "SC")
    picker = CatalogPicker(ctx, None, "")
    qtbot.addWidget(picker)
    qtbot.waitUntil(lambda: picker.model.rowCount() == 2, timeout=5000)
    # Enter at once, before the search delay: the typed query decides, not the list shown before it.
    qtbot.keyClicks(picker.search, "sc")
    with qtbot.waitSignal(picker.items_chosen) as signal:
        qtbot.keyClick(picker.search, Qt.Key.Key_Return)
    assert signal.args == [[wool]]


def test_picker_with_a_meta_catalogue_allows_thirty(qtbot, ctx: AppContext) -> None:
    from ui.catalog_picker import CatalogPicker

    with ctx.db.write() as s:
        put_setting(s, "meta_catalog_id", "123")
    picker = CatalogPicker(ctx, None)
    qtbot.addWidget(picker)
    qtbot.waitUntil(lambda: picker.limit == 30, timeout=5000)


def test_share_link_dialog_makes_the_link_and_qr(qtbot, ctx: AppContext, tmp_path: Path) -> None:
    from ui.share_link_dialog import ShareLinkDialog

    item_id = add(ctx, "린넨 셔츠", 39000, "LS-1")
    with ctx.db.read() as s:
        item = get_item(s, item_id)
    dialog = ShareLinkDialog(ctx, item=item)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(dialog.phone.isEnabled, timeout=5000)
    assert dialog.link_text == "" and not dialog.copy.isEnabled()
    dialog.phone.setText("010-1234-5678")
    dialog.refresh()
    assert dialog.link_text.startswith("https://wa.me/821012345678?text=")
    assert dialog.qr.pixmap() is not None and not dialog.qr.pixmap().isNull()
    with qtbot.waitSignal(ctx.hub.changed):
        dialog.accept()
    from app.settings import get_setting

    with ctx.db.read() as s:
        assert get_setting(s, "share_phone") == "+821012345678"  # kept with its country code


def test_unsaved_edits_are_saved_when_the_owner_says_so_before_moving_on(
    qtbot, window, ctx: AppContext, dialogs
) -> None:
    from PySide6.QtWidgets import QMessageBox

    first = add(ctx, "Tote", 25000, "T-1")
    second = add(ctx, "Cap", 22000, "CAP")
    select(qtbot, window, first)
    window.form.price.selectAll()
    qtbot.keyClicks(window.form.price, "250,000")  # typed over "25,000": the form is now dirty
    assert window.form.is_dirty()
    asked = dialogs.expect("question", answer=QMessageBox.StandardButton.Save)
    window.view.setCurrentIndex(window.model.index(window.model.row_for_id(second)))
    assert asked.texts == ["Save the changes to this item?"]
    qtbot.waitUntil(lambda: window.form.item_id == second and window.form.name.text() == "Cap", timeout=5000)
    settle(qtbot, window)
    with ctx.db.read() as s:
        assert get_item(s, first).price_minor == 250000


def test_dont_save_drops_the_edits_and_opens_the_item_picked(qtbot, window, ctx: AppContext, dialogs) -> None:
    """Don't save kept the dropped edits on the form under the picked item's highlight: Save then
    stored the price the owner threw away, and Delete deleted an item the form did not show."""
    from PySide6.QtWidgets import QMessageBox

    first = add(ctx, "Tote", 25000, "T-1")
    second = add(ctx, "Cap", 22000, "CAP")
    select(qtbot, window, first)
    window.form.price.selectAll()
    qtbot.keyClicks(window.form.price, "57,000")
    dialogs.expect("question", answer=QMessageBox.StandardButton.Discard)
    window.view.setCurrentIndex(window.model.index(window.model.row_for_id(second)))
    qtbot.waitUntil(lambda: window.form.item_id == second and window.form.name.text() == "Cap", timeout=5000)
    assert not window.form.is_dirty()
    settle(qtbot, window)
    with ctx.db.read() as s:
        assert get_item(s, first).price_minor == 25000  # the dropped price was never saved


def test_cancel_keeps_the_edited_item_on_the_form(qtbot, window, ctx: AppContext, dialogs) -> None:
    from PySide6.QtWidgets import QMessageBox

    first = add(ctx, "Tote", 25000, "T-1")
    second = add(ctx, "Cap", 22000, "CAP")
    select(qtbot, window, first)
    qtbot.keyClicks(window.form.name, " bag")
    dialogs.expect("question", answer=QMessageBox.StandardButton.Cancel)
    window.view.setCurrentIndex(window.model.index(window.model.row_for_id(second)))
    assert window.form.item_id == first and window.form.name.text() == "Tote bag"
    assert window.selected_ids() == [first]


def test_setting_the_meta_catalogue_id_switches_sends_to_product_messages(
    qtbot, window, ctx: AppContext, dialogs
) -> None:
    from app.catalog_messages import plan_catalog_send

    item_id = add(ctx, "Tote", 25000, "T-1")
    dialogs.expect("getText", answer=" 1234567890 ")
    with qtbot.waitSignal(ctx.hub.changed):
        window.meta_action.trigger()
    with ctx.db.read() as s:
        send = plan_catalog_send(
            s, [item_id], to="821055501234", catalog_dir=ctx.paths.catalog_dir, locale="ko_KR"
        )
    assert send.kind == "product"
    assert send.body["interactive"]["action"] == {"catalog_id": "1234567890", "product_retailer_id": "T-1"}
    dialogs.expect("getText", answer="")
    with qtbot.waitSignal(ctx.hub.changed):
        window.meta_action.trigger()
    with ctx.db.read() as s:
        assert (
            plan_catalog_send(
                s, [item_id], to="821055501234", catalog_dir=ctx.paths.catalog_dir, locale="ko_KR"
            ).kind
            == "text"
        )


def test_a_second_collection_with_the_same_name_is_explained(qtbot, window, ctx: AppContext, dialogs) -> None:
    dialogs.expect("getText", answer="가방")
    dialogs.expect("getText", answer="가방 ")
    warning = dialogs.expect("warning")
    with qtbot.waitSignal(ctx.hub.changed):
        window.collection_actions.create()
    settle(qtbot, window)
    window.collection_actions.create()
    assert warning.texts == ["There is already a collection called “가방”."]
    with ctx.db.read() as s:
        assert [c.name for c in list_collections(s)] == ["가방"]


def test_an_item_whose_last_one_is_promised_to_an_order_shows_sold_out(
    qtbot, window, ctx: AppContext
) -> None:
    from app.orders import LineInput, OrderState, create_order, move_order
    from app.stock import set_stock
    from tests.support.factories import make_contact
    from ui.catalog_model import CatalogRole

    item_id = add(ctx, "린넨 셔츠", 39000, "LINEN")
    with ctx.db.write() as s:
        set_stock(s, item_id, 1)
        order_id = create_order(
            s, contact_id=make_contact(s).id, lines=[LineInput("LINEN", 1)], source="chat"
        ).id
        move_order(s, order_id, OrderState.AWAITING_PAYMENT)
    reload(qtbot, window)
    row = window.model.row_for_id(item_id)
    assert window.model.data(window.model.index(row), CatalogRole.PRICE_TEXT) == "₩39,000 · Sold out"
    with ctx.db.write() as s:
        move_order(s, order_id, OrderState.CANCELLED)
    reload(qtbot, window)
    assert window.model.data(window.model.index(row), CatalogRole.PRICE_TEXT) == "₩39,000"


def test_the_owner_counts_an_items_stock_in_the_form_and_a_sold_out_one_shows_it(
    qtbot, window, ctx: AppContext
) -> None:
    """Stock is the owner's to set: counted, it says what unpaid orders hold; nothing left, the
    item is sold out in the list; not counted again, it never is."""
    from app.orders import LineInput, OrderState, create_order, move_order
    from app.stock import item_stock
    from tests.support.factories import make_contact
    from ui.catalog_model import CatalogRole

    item_id = add(ctx, "버킷햇 블랙", 25000, "HAT")
    select(qtbot, window, item_id)
    form = window.form
    assert not form.count_stock.isChecked() and not form.stock.isEnabled()
    assert form.stock_note.text() == "Not counted: the item is never shown as sold out."
    form.count_stock.setChecked(True)
    form.stock.setValue(1)
    assert form.stock.text() == "1 pc"  # not "1 pcs"
    form.stock.setValue(2)
    assert form.stock.text() == "2 pcs"
    with qtbot.waitSignal(ctx.hub.changed):
        form.request_save()
    with ctx.db.write() as s:
        assert item_stock(s, item_id) is not None and item_stock(s, item_id).on_hand == 2  # type: ignore[union-attr]
        order_id = create_order(
            s, contact_id=make_contact(s).id, lines=[LineInput("HAT", 2)], source="chat"
        ).id
        move_order(s, order_id, OrderState.AWAITING_PAYMENT)
    settle(qtbot, window)
    window.new_item()
    select(qtbot, window, item_id)
    assert form.count_stock.isChecked() and form.stock.value() == 2
    assert (
        form.stock_note.text() == "2 promised to orders awaiting payment. Sold out: nothing left to promise."
    )
    reload(qtbot, window)
    row = window.model.row_for_id(item_id)
    assert window.model.data(window.model.index(row), CatalogRole.PRICE_TEXT) == "₩25,000 · Sold out"

    form.stock.setValue(5)  # five more came in
    with qtbot.waitSignal(ctx.hub.changed):
        form.request_save()
    reload(qtbot, window)
    assert window.model.data(window.model.index(row), CatalogRole.PRICE_TEXT) == "₩25,000"
    form.count_stock.setChecked(False)
    form.request_save()

    def stock_not_counted() -> bool:  # the save's own change, not one still on its way from before
        with ctx.db.read() as s:
            return item_stock(s, item_id) is None

    qtbot.waitUntil(stock_not_counted, timeout=5000)


def test_a_5000_item_catalogue_lists_every_item_and_an_edit_repaints_only_its_row(
    qtbot, window, ctx: AppContext
) -> None:
    from sqlalchemy import insert

    from app.models import CatalogItem, utcnow
    from ui.catalog_model import CatalogRole

    now = utcnow()
    rows = [
        {"name": f"린넨 셔츠 {i:04d}", "price_minor": 10_000 + i, "currency": "KRW", "retailer_id": f"SKU-{i:05d}",
         "description": "", "images": [], "created_at": now, "updated_at": now}
        for i in range(5000)
    ]  # fmt: skip
    with ctx.db.write() as s:
        s.execute(insert(CatalogItem), rows)
    reload(qtbot, window)
    assert window.model.rowCount() == 5000
    assert window.model.item(4999).name == "린넨 셔츠 4999"
    target = window.model.item(1234).id
    with ctx.db.write() as s:
        s.get(CatalogItem, target).price_minor = 77_000  # type: ignore[union-attr]
    repainted: list[int] = []
    window.model.dataChanged.connect(lambda first, last, roles=(): repainted.append(first.row()))
    reload(qtbot, window)
    assert repainted == [1234]
    assert window.model.item(1234).price_minor == 77_000
    assert "77,000" in window.model.data(window.model.index(1234), CatalogRole.PRICE_TEXT)


def test_undo_pressed_before_the_delete_finished_still_brings_the_item_back(
    qtbot, window, ctx: AppContext
) -> None:
    item_id = add(ctx, "Scarf", 35000, "SC-1")
    select(qtbot, window, item_id)
    window.delete_action.trigger()
    window.undo_stack.undo()  # at once: it waits for the delete in the window's queue
    settle(qtbot, window)
    assert names_shown(window) == ["Scarf"]
    window.undo_stack.redo()
    settle(qtbot, window)
    assert names_shown(window) == []
    with ctx.db.read() as s:
        assert list_items(s) == []


def test_an_item_changed_by_another_window_shows_up_without_reopening(qtbot, window, ctx: AppContext) -> None:
    from app.changes import Changes

    item_id = add(ctx, "Cap", 22000, "CAP")
    assert names_shown(window) == []
    ctx.publish(Changes(catalog=frozenset([item_id])))  # what the other window's op publishes
    qtbot.waitUntil(lambda: names_shown(window) == ["Cap"], timeout=5000)


def test_a_save_while_sync_holds_the_database_leaves_the_window_responsive(
    qtbot, window, ctx: AppContext
) -> None:
    import sqlite3

    from PySide6.QtCore import QTimer

    # Another writer (a sync chunk) holds SQLite's write lock; the save waits for it on a worker.
    blocker = sqlite3.connect(ctx.paths.database, isolation_level=None)
    blocker.execute("BEGIN IMMEDIATE")
    try:
        window.new_item()
        window.form.name.setText("Scarf")
        window.form.price.setText("35000")
        window.form.request_save()
        # Save returned while the lock is held: still waiting, off the GUI thread (on the GUI thread
        # it returned only after the 10 s busy_timeout, the save failed).
        assert window.is_loading()
        ticks: list[bool] = []
        timer = QTimer(window)
        timer.timeout.connect(lambda: ticks.append(window.is_loading()))
        timer.start(5)
        qtbot.waitUntil(lambda: len(ticks) >= 20, timeout=5000)  # the GUI thread keeps running
        timer.stop()
        assert all(ticks)  # each tick while the save still waited: none waited for it
    finally:
        blocker.execute("COMMIT")
        blocker.close()
    with qtbot.waitSignal(ctx.hub.changed, timeout=10_000):
        pass
    settle(qtbot, window)
    assert names_shown(window) == ["Scarf"]


def test_words_typed_while_a_save_waits_stay_on_the_form_and_unsaved(
    qtbot, window, ctx: AppContext, dialogs
) -> None:
    """The form stays open to typing while Save waits for the database: the save's answer marked it
    saved and showed the stored item over it, so what she typed meanwhile was gone."""
    import sqlite3

    from PySide6.QtWidgets import QMessageBox

    item_id = add(ctx, "Tote", 25000, "T-1")
    select(qtbot, window, item_id)
    window.form.price.setText("27000")
    blocker = sqlite3.connect(ctx.paths.database, isolation_level=None)
    blocker.execute("BEGIN IMMEDIATE")  # a sync chunk holds the database: the save waits its turn
    try:
        window.form.request_save()
        window.form.description.setPlainText("Canvas, lined")  # typed while it waits
    finally:
        blocker.execute("COMMIT")
        blocker.close()
    with qtbot.waitSignal(ctx.hub.changed, timeout=10_000):
        pass
    settle(qtbot, window)
    with ctx.db.read() as s:
        row = get_item(s, item_id)
    assert (row.price_minor, row.description) == (27000, "")  # what Save took
    assert window.form.description.toPlainText() == "Canvas, lined" and window.form.is_dirty()
    asked = dialogs.expect("question", answer=QMessageBox.StandardButton.Save)
    window.close()
    assert asked.texts == ["Save the changes to this item?"]
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=5000)
    with ctx.db.read() as s:
        assert get_item(s, item_id).description == "Canvas, lined"


def test_closing_right_after_save_closes_once_the_item_is_stored_without_asking(
    qtbot, window, ctx: AppContext
) -> None:
    """Save, then close at once: the window asked "Save the changes to this item?" about the item it
    was saving, and "Save" there left it open."""
    import sqlite3

    item_id = add(ctx, "Tote", 25000, "T-1")
    select(qtbot, window, item_id)
    window.form.price.selectAll()
    qtbot.keyClicks(window.form.price, "27000")
    blocker = sqlite3.connect(ctx.paths.database, isolation_level=None)
    blocker.execute("BEGIN IMMEDIATE")  # a sync chunk holds the database: the save waits its turn
    try:
        window.form.request_save()
        window.close()  # no question declared: asking would fail the test
        assert window.isVisible()  # until it is stored: a save that fails keeps it open and says why
    finally:
        blocker.execute("COMMIT")
        blocker.close()
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=10_000)
    with ctx.db.read() as s:
        assert get_item(s, item_id).price_minor == 27000


def test_save_asked_on_closing_while_a_save_waits_saves_what_was_typed_since_too(
    qtbot, window, ctx: AppContext, dialogs
) -> None:
    import sqlite3

    from PySide6.QtWidgets import QMessageBox

    item_id = add(ctx, "Tote", 25000, "T-1")
    select(qtbot, window, item_id)
    window.form.price.setText("27000")
    blocker = sqlite3.connect(ctx.paths.database, isolation_level=None)
    blocker.execute("BEGIN IMMEDIATE")
    try:
        window.form.request_save()
        window.form.description.setPlainText("Canvas, lined")  # typed while it waits
        asked = dialogs.expect("question", answer=QMessageBox.StandardButton.Save)
        window.close()
        assert asked.texts == ["Save the changes to this item?"]
    finally:
        blocker.execute("COMMIT")
        blocker.close()
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=10_000)
    with ctx.db.read() as s:
        row = get_item(s, item_id)
    assert (row.price_minor, row.description) == (27000, "Canvas, lined")


def test_a_bad_row_of_a_korean_sheet_names_its_column_as_the_sheet_does(
    korean: None, qtbot, window, ctx: AppContext, tmp_path: Path
) -> None:
    from app.catalog_csv import ImportReport
    from ui.catalog_csv_actions import import_csv, report_text

    path = tmp_path / "상품목록.csv"
    path.write_bytes("상품명,판매가\r\n린넨 셔츠,39000원\r\n니트,문의\r\n".encode("cp949"))
    reports: list[ImportReport] = []
    with qtbot.waitSignal(ctx.hub.changed):
        import_csv(window, ctx, path, reports.append)
    qtbot.waitUntil(lambda: bool(reports), timeout=5000)
    _summary, details = report_text(reports[0])
    assert details.startswith("3번째 줄: 판매가: "), details  # not "price: …"


def test_bad_rows_of_her_own_sheet_name_her_columns_and_say_what_to_write(
    korean: None, qtbot, window, ctx: AppContext, tmp_path: Path
) -> None:
    """Her sheet calls its columns 가격, 재고, 판매상태: the reasons named them 판매가 and “stock”,
    said "in stock, out of stock…" in English, and a bad count or a repeated name said no fix."""
    from app.catalog_csv import ImportReport
    from ui.catalog_csv_actions import import_csv, report_text

    path = tmp_path / "상품목록.csv"
    lines = [
        "상품명,가격,재고,판매상태",
        '실버 귀걸이,"12,000",5,판매중',
        "골드 반지,문의,3,판매중",
        '큐빅 팔찌,"9,000",많음,판매중',
        "진주 목걸이,35000,2,대기",
        '실버 귀걸이,"13,000",5,판매중',
    ]
    path.write_bytes("\r\n".join(lines).encode("cp949"))
    reports: list[ImportReport] = []
    with qtbot.waitSignal(ctx.hub.changed):
        import_csv(window, ctx, path, reports.append)
    qtbot.waitUntil(lambda: bool(reports), timeout=5000)
    _summary, details = report_text(reports[0])
    assert details.splitlines() == [
        "3번째 줄: 가격: “문의”는 가격이 아니에요. 15000처럼 숫자로 쓰세요.",
        "4번째 줄: 재고: “많음”은 개수가 아니에요. 5처럼 숫자로 쓰거나, 재고를 세지 않는 상품은 비워 두세요.",
        "5번째 줄: 판매상태: “대기”는 알 수 없는 상태예요. 판매중, 품절, 예약판매, 주문 가능, 판매중지 중 하나로 쓰세요.",
        "6번째 줄: 같은 상품명이 이미 2번째 줄에 있어요. 상품코드 열이 없으면 상품마다 이름이 달라야 해요.",
    ]


def test_a_description_excel_turned_into_an_error_does_not_replace_the_items_own(
    korean: None, qtbot, window, ctx: AppContext, tmp_path: Path
) -> None:
    """A description starting "- 소재" is a formula to Excel: opened and saved again, the export's
    cell is "#NAME?", and importing it gave the item that description, sent to customers."""
    from app.catalog_csv import ImportReport
    from ui.catalog_csv_actions import import_csv, report_text

    item_id = add(ctx, "실버 귀걸이", 13000, "ER-1", description="- 소재: 실버925")
    path = tmp_path / "카탈로그.csv"
    path.write_bytes("id,title,description,price\r\nER-1,실버 귀걸이,#NAME?,12000 KRW\r\n".encode("cp949"))
    reports: list[ImportReport] = []
    with qtbot.waitSignal(ctx.hub.changed):
        import_csv(window, ctx, path, reports.append)
    qtbot.waitUntil(lambda: bool(reports), timeout=5000)
    _summary, details = report_text(reports[0])
    assert details == (
        "2번째 줄: description: 엑셀이 글 대신 “#NAME?”을(를) 저장했어요(-, +, =로 시작하는 칸을 수식으로 "
        "읽었어요). 엑셀에서 글 앞에 '를 붙여 다시 쓰세요."
    )
    with ctx.db.read() as s:
        row = get_item(s, item_id)
    assert row is not None and (row.description, row.price_minor) == ("- 소재: 실버925", 13000)


def test_a_barcode_code_excel_shortened_is_refused_not_made_a_second_item(
    korean: None, qtbot, window, ctx: AppContext, tmp_path: Path
) -> None:
    """Barcodes as item codes: Excel shows 8801234567890 as 8.80123E+12 and saves that, and the
    import made a second item under that code."""
    from app.catalog_csv import ImportReport
    from ui.catalog_csv_actions import import_csv, report_text

    add(ctx, "실버 귀걸이", 12000, "8801234567890")
    path = tmp_path / "상품목록.csv"
    path.write_bytes("상품코드,상품명,가격\r\n8.80123E+12,실버 귀걸이,13000\r\n".encode("cp949"))
    reports: list[ImportReport] = []
    with qtbot.waitSignal(ctx.hub.changed):
        import_csv(window, ctx, path, reports.append)
    qtbot.waitUntil(lambda: bool(reports), timeout=5000)
    _summary, details = report_text(reports[0])
    assert details == (
        "2번째 줄: 상품코드: 엑셀이 코드 대신 줄어든 숫자 “8.80123E+12”를 저장했어요. "
        "엑셀에서 이\u00a0열의 셀 서식을 ‘텍스트’로 바꾸고 코드를 다시 입력하세요."
    )
    with ctx.db.read() as s:
        assert [(i.retailer_id, i.price_minor) for i in list_items(s)] == [("8801234567890", 12000)]


def test_names_korean_excels_plain_csv_turned_to_question_marks_are_pointed_out(
    korean: None, qtbot, window, ctx: AppContext, tmp_path: Path
) -> None:
    """Excel's "CSV (쉼표로 분리)" is CP949: "하트 💖 귀걸이" is saved as "하트 ? 귀걸이", and the
    import made that item without a word; customers were sent the "?"."""
    from app.catalog_csv import ImportReport
    from ui.catalog_csv_actions import import_csv, report_text

    path = tmp_path / "상품목록.csv"
    path.write_bytes("상품명,가격\r\n실버 귀걸이,12000\r\n하트 ? 귀걸이,23000\r\n".encode("cp949"))
    utf8 = tmp_path / "상품목록 UTF-8.csv"
    utf8.write_bytes("\ufeff상품명,가격\r\n뭐가 좋을까? 반지,9000\r\n".encode())
    reports: list[ImportReport] = []
    for n, sheet in enumerate((path, utf8), start=1):
        with qtbot.waitSignal(ctx.hub.changed):
            import_csv(window, ctx, sheet, reports.append)
        qtbot.waitUntil(lambda n=n: len(reports) == n, timeout=5000)
    summary, _details = report_text(reports[0])
    assert (
        "엑셀의 “CSV (쉼표로 분리)” 형식은 이모지를 담지 못해 “?”로 바꿔 저장해요. "
        "이\u00a0줄의 상품명을 확인해 주세요: 3." in summary
    ), summary
    utf8_summary, _ = report_text(reports[1])  # a UTF-8 file keeps emoji: its "?" is meant
    assert "이모지" not in utf8_summary


def test_the_export_button_says_it_writes_an_excel_workbook_too(korean: None, window) -> None:
    """The export writes an .xlsx as well as Meta's CSV: its button said only "CSV 내보내기"."""
    assert window.import_action.text() == "엑셀·CSV 가져오기(&M)…"
    assert window.export_action.text() == "엑셀·CSV 내보내기(&X)…"


def test_a_price_with_an_unquoted_comma_is_refused_not_read_as_12_won(
    korean: None, qtbot, window, ctx: AppContext, tmp_path: Path
) -> None:
    """A CSV written by hand (or by a tool that does not quote): 실버 귀걸이,12,000,5 was read as
    12원 with 000 pieces, a sold-out item at a thousandth of its price."""
    from app.catalog_csv import ImportReport
    from ui.catalog_csv_actions import import_csv, report_text

    path = tmp_path / "상품목록.csv"
    path.write_bytes('상품명,가격,재고\r\n실버 귀걸이,12,000,5\r\n진주 목걸이,"35,000",2\r\n'.encode("cp949"))
    reports: list[ImportReport] = []
    with qtbot.waitSignal(ctx.hub.changed):
        import_csv(window, ctx, path, reports.append)
    qtbot.waitUntil(lambda: bool(reports), timeout=5000)
    _summary, details = report_text(reports[0])
    assert details == (
        "2번째 줄: 이\u00a0줄은 열보다 칸이 많아서 값이 다른 열로 밀렸어요. "
        '12,000처럼 쉼표가 든 값은 따옴표로 감싸 주세요("12,000").'
    )
    with ctx.db.read() as s:
        assert [(i.name, i.price_minor) for i in list_items(s)] == [("진주 목걸이", 35000)]


def test_a_refused_sheet_is_said_under_the_imports_own_title(
    korean: None, qtbot, window, ctx: AppContext, tmp_path: Path, dialogs
) -> None:
    """An old .xls was refused in a box titled only "샵 인박스": not which step refused it."""
    from ui.catalog_csv_actions import import_csv

    path = tmp_path / "상품목록.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(512))
    refused = dialogs.expect("warning")
    import_csv(window, ctx, path, lambda report: None)
    qtbot.waitUntil(lambda: bool(refused.shown), timeout=5000)
    assert refused.shown[0].title == "카탈로그 가져오기"
    assert refused.shown[0].text.startswith("이\u00a0엑셀 파일을 읽지 못했어요")


def test_items_imported_without_their_picture_are_said_in_the_summary(
    korean: None, qtbot, window, ctx: AppContext, tmp_path: Path
) -> None:
    """The pictures a sheet names but the folder lacks were said only behind "자세한 정보 표시", under
    an all-is-well summary: the owner found her items without pictures later."""
    from app.catalog_csv import ImportReport
    from ui.catalog_csv_actions import import_csv, report_text

    path = tmp_path / "상품목록.csv"
    path.write_bytes(
        "상품명,가격,사진\r\n실버 귀걸이,12000,photo_001.jpg\r\n진주 목걸이,35000,\r\n".encode("cp949")
    )
    reports: list[ImportReport] = []
    with qtbot.waitSignal(ctx.hub.changed):
        import_csv(window, ctx, path, reports.append)
    qtbot.waitUntil(lambda: bool(reports), timeout=5000)
    summary, details = report_text(reports[0])
    assert "새\u00a0상품 2개" in summary
    assert "상품 1개는 사진을 찾지 못해 사진 없이 가져왔어요" in summary, summary
    assert "photo_001.jpg" in details and details.startswith("2번째 줄")


def loafers_with_an_order(ctx: AppContext, on_hand: int) -> tuple[int, int]:
    """가죽 로퍼 블랙, `on_hand` counted, and a chat's order for one awaiting payment: (item, order)."""
    from app.orders import LineInput, OrderState, create_order, move_order
    from app.stock import set_stock
    from tests.support.factories import make_contact

    item_id = add(ctx, "가죽 로퍼 블랙", 59000, "LOAFER-BK")
    with ctx.db.write() as s:
        set_stock(s, item_id, on_hand)
        order_id = create_order(
            s, contact_id=make_contact(s).id, lines=[LineInput("LOAFER-BK", 1)], source="chat"
        ).id
        move_order(s, order_id, OrderState.AWAITING_PAYMENT)
    return item_id, order_id


def mark_paid(ctx: AppContext, order_id: int) -> None:
    """결제 완료로 표시, as the order's window does it: the op, then what it changed published."""
    from app.order_actions import move_order_to
    from app.orders import OrderState

    _detail, changes = move_order_to(ctx.db, order_id, OrderState.PAID, courier=None, tracking=None)
    ctx.publish(changes)


def stored_stock(ctx: AppContext, item_id: int) -> int | None:
    from app.stock import item_stock

    with ctx.db.read() as s:
        level = item_stock(s, item_id)
        return None if level is None else level.on_hand


def test_a_sale_while_the_item_is_open_shows_in_the_form_and_a_price_edit_keeps_it(
    qtbot, window, ctx: AppContext
) -> None:
    """The owner changed the price while an order was paid: the form shows 3, and saving the price
    does not put the sold loafer back in stock."""
    item_id, order_id = loafers_with_an_order(ctx, 4)
    select(qtbot, window, item_id)
    form = window.form
    assert form.stock.value() == 4
    form.price.clear()
    qtbot.keyClicks(form.price, "55000")  # the owner is typing a new price...
    mark_paid(ctx, order_id)  # ...when the customer's transfer is marked paid in the chat
    assert stored_stock(ctx, item_id) == 3
    qtbot.waitUntil(lambda: form.stock.value() == 3, timeout=5000)
    assert form.price.text() == "55000" and form.is_dirty()  # the typing is kept
    with qtbot.waitSignal(ctx.hub.changed):
        form.save.click()
    settle(qtbot, window)
    assert stored_stock(ctx, item_id) == 3
    with ctx.db.read() as s:
        assert get_item(s, item_id).price_minor == 55000


def test_a_price_saved_from_a_form_that_missed_a_sale_does_not_undo_it(
    qtbot, window, ctx: AppContext
) -> None:
    """Even a form that never heard of the sale (it read 4) leaves the stock alone when only the price
    changed: the owner did not count anything."""
    item_id, order_id = loafers_with_an_order(ctx, 4)
    select(qtbot, window, item_id)
    form = window.form
    with ctx.db.write() as s:  # paid behind the window's back: nothing published
        from app.orders import OrderState, move_order

        move_order(s, order_id, OrderState.PAID)
    assert stored_stock(ctx, item_id) == 3 and form.stock.value() == 4
    form.price.clear()
    qtbot.keyClicks(form.price, "55000")
    with qtbot.waitSignal(ctx.hub.changed):
        form.save.click()
    settle(qtbot, window)
    assert stored_stock(ctx, item_id) == 3


def test_a_count_the_owner_types_wins_over_a_sale_made_meanwhile(qtbot, window, ctx: AppContext) -> None:
    """Typing a count is a recount: an order paid while the owner types does not overwrite what
    they are typing, and their count is what is stored."""
    item_id, order_id = loafers_with_an_order(ctx, 4)
    select(qtbot, window, item_id)
    form = window.form
    form.stock.lineEdit().selectAll()
    qtbot.keyClicks(form.stock.lineEdit(), "10")  # ten came in from the supplier
    assert form.stock.value() == 10
    mark_paid(ctx, order_id)
    qtbot.waitUntil(lambda: form.stock_note.text() == "", timeout=5000)  # the reservation is gone
    assert form.stock.value() == 10
    with qtbot.waitSignal(ctx.hub.changed):
        form.save.click()
    settle(qtbot, window)
    assert stored_stock(ctx, item_id) == 10


def test_the_catalogue_reopened_after_a_sale_shows_the_stock_left(qtbot, window, ctx: AppContext) -> None:
    """Open the loafer, close the catalogue, sell one in a chat, open the catalogue again: 3, and a
    price saved then keeps 3."""
    item_id, order_id = loafers_with_an_order(ctx, 4)
    select(qtbot, window, item_id)
    assert window.form.stock.value() == 4
    window.close()
    QThreadPool.globalInstance().waitForDone(5000)
    mark_paid(ctx, order_id)
    window.show()
    form = window.form
    qtbot.waitUntil(lambda: form.stock.value() == 3, timeout=5000)
    settle(qtbot, window)
    assert form.item_id == item_id
    form.price.clear()
    qtbot.keyClicks(form.price, "55000")
    with qtbot.waitSignal(ctx.hub.changed):
        form.save.click()
    settle(qtbot, window)
    assert stored_stock(ctx, item_id) == 3


def test_an_item_a_search_leaves_out_stays_on_the_form_with_every_button(
    qtbot, window, ctx: AppContext
) -> None:
    """The owner searches for another item while the loafer is on the form: the form still edits the
    loafer, and Duplicate, Hide and Delete act on it as Save does; clearing the search selects it again."""
    loafer = add(ctx, "가죽 로퍼 블랙", 59000, "LOAFER-BK")
    add(ctx, "Cap", 22000, "CAP")
    select(qtbot, window, loafer)
    window.search.setText("Cap")
    qtbot.waitUntil(lambda: names_shown(window) == ["Cap"], timeout=5000)
    settle(qtbot, window)
    assert window.form.title.text() == "Edit item" and window.form.item_id == loafer
    assert window.form.save.isEnabled()
    assert window.duplicate_action.isEnabled() and window.delete_action.isEnabled()
    assert window.hide_action.isEnabled() and window.hide_action.text() == "&Hide"

    with qtbot.waitSignal(ctx.hub.changed):
        window.hide_action.trigger()
    settle(qtbot, window)
    with ctx.db.read() as s:
        assert get_item(s, loafer).hidden
    qtbot.waitUntil(lambda: window.form.hidden.isChecked(), timeout=5000)
    assert window.hide_action.text() == "S&how"

    window.search.clear()
    qtbot.waitUntil(lambda: len(names_shown(window)) == 2, timeout=5000)
    settle(qtbot, window)
    assert window.selected_ids() == [loafer]

    window.search.setText("Cap")
    qtbot.waitUntil(lambda: names_shown(window) == ["Cap"], timeout=5000)
    settle(qtbot, window)
    with qtbot.waitSignal(ctx.hub.changed):
        window.delete_action.trigger()
    settle(qtbot, window)
    assert window.statusBar().currentMessage().startswith("Deleted “가죽 로퍼 블랙”.")
    with ctx.db.read() as s:
        assert [i.name for i in list_items(s, include_hidden=True)] == ["Cap"]
    assert window.form.item_id is None and not window.delete_action.isEnabled()


def test_a_counted_items_tile_says_how_many_are_left(qtbot, window, ctx: AppContext) -> None:
    """Loafers: 4 counted, 1 held for an unpaid order, so 3 left; caps nobody counts say nothing."""
    from ui.catalog_model import CatalogRole

    loafer, order_id = loafers_with_an_order(ctx, 4)
    cap = add(ctx, "Cap", 22000, "CAP")
    reload(qtbot, window)

    def stock_text(item_id: int) -> str:
        return str(
            window.model.data(window.model.index(window.model.row_for_id(item_id)), CatalogRole.STOCK_TEXT)
        )

    assert stock_text(loafer) == "3 in stock" and stock_text(cap) == ""
    assert "3 in stock" in window.model.data(
        window.model.index(window.model.row_for_id(loafer)), Qt.ItemDataRole.ToolTipRole
    )
    mark_paid(ctx, order_id)  # taken from the 4: still 3 left
    from app.orders import LineInput, OrderState, create_order, move_order
    from tests.support.factories import make_contact

    with ctx.db.write() as s:
        other = create_order(
            s, contact_id=make_contact(s).id, lines=[LineInput("LOAFER-BK", 3)], source="chat"
        )
        move_order(s, other.id, OrderState.AWAITING_PAYMENT)
    reload(qtbot, window)
    assert stock_text(loafer) == ""  # none left: the price says "Sold out" instead
    row = window.model.row_for_id(loafer)
    assert window.model.data(window.model.index(row), CatalogRole.PRICE_TEXT) == "₩59,000 · Sold out"
    window.grab()  # paints every tile, the count beside the code


def test_an_item_counted_only_in_sold_out_sizes_but_selling_others_is_not_shown_sold_out(
    qtbot, window, ctx: AppContext
) -> None:
    """The dress's S and M are counted and gone, its L (ordered before) nobody counts: the window
    shows its price as the picker does, while the shoes, whose only size is counted and gone, are
    sold out."""
    from app.orders import LineInput, create_order
    from app.stock import set_stock
    from tests.support.factories import make_contact
    from ui.catalog_model import CatalogRole

    dress = add(ctx, "린넨 원피스", 69000, "OP-1")
    shoes = add(ctx, "린넨 슈즈", 59000, "OP-2")
    with ctx.db.write() as s:
        for item_id, option in ((dress, "S"), (dress, "M"), (shoes, "240")):
            set_stock(s, item_id, 0, option)
        create_order(
            s, contact_id=make_contact(s).id, lines=[LineInput("OP-1", 1, option="L")], source="chat"
        )
    reload(qtbot, window)

    def price(item_id: int) -> str:
        return str(
            window.model.data(window.model.index(window.model.row_for_id(item_id)), CatalogRole.PRICE_TEXT)
        )

    assert price(dress) == "₩69,000"
    assert price(shoes) == "₩59,000 · Sold out"


def test_the_item_form_says_sold_out_by_the_same_rule_as_the_list(qtbot, window, ctx: AppContext) -> None:
    """The shoes are counted by size only, and their one size is gone: the form no longer says "never
    shown as sold out". The dress still sells a size nobody counts; the bag's own count is gone but
    its size counted apart has two left: neither is called sold out."""
    from app.orders import LineInput, create_order
    from app.stock import set_stock
    from tests.support.factories import make_contact
    from ui.catalog_model import CatalogRole

    dress = add(ctx, "린넨 원피스", 69000, "OP-1")
    shoes = add(ctx, "린넨 슈즈", 59000, "OP-2")
    bag = add(ctx, "에코백", 12000, "BAG")
    with ctx.db.write() as s:
        for item_id, option, count in ((dress, "S", 0), (shoes, "240", 0), (bag, "", 0), (bag, "블랙", 2)):
            set_stock(s, item_id, count, option)
        create_order(
            s, contact_id=make_contact(s).id, lines=[LineInput("OP-1", 1, option="L")], source="chat"
        )
    reload(qtbot, window)
    select(qtbot, window, shoes)
    assert window.form.stock_note.text() == (
        "Counted by size only: every counted size is promised, so it shows as sold out."
    )
    select(qtbot, window, dress)
    assert window.form.stock_note.text().startswith("Counted by size only: it shows as sold out when")
    select(qtbot, window, bag)
    assert (
        window.form.stock_note.text()
        == "None left of its own count, but a size counted apart still has some."
    )
    row = window.model.row_for_id(bag)
    assert window.model.data(window.model.index(row), CatalogRole.PRICE_TEXT) == "₩12,000"
    # The owner counts the bag again: its own count has some, the note says nothing of sold out.
    window.form.stock.setValue(3)
    assert window.form.stock_note.text() == ""


def test_ctrl_s_saves_the_item_being_typed_as_in_the_shops_other_editors(
    qtbot, window, ctx: AppContext
) -> None:  # type: ignore[no-untyped-def]
    """A keyboard owner saves with Ctrl+S as in the greeting and away windows; it did nothing here."""
    from PySide6.QtGui import QKeySequence
    from PySide6.QtTest import QTest

    with qtbot.waitActive(window):
        window.activateWindow()
    window.new_action.trigger()
    qtbot.keyClicks(window.form.name, "Silver hoop earrings")
    qtbot.keyClicks(window.form.price, "24.50")
    window.form.currency.setCurrentText("USD")
    window.form.description.setFocus()
    with qtbot.waitSignal(ctx.hub.changed):
        QTest.keySequence(window.form.description, QKeySequence(QKeySequence.StandardKey.Save))  # Ctrl+S
    settle(qtbot, window)
    with ctx.db.read() as s:
        (item,) = list_items(s)
    assert (item.name, item.price_minor, item.currency) == ("Silver hoop earrings", 2450, "USD")
    assert names_shown(window) == ["Silver hoop earrings"]


def test_the_catalogue_says_it_stays_on_this_computer(korean: None, window: Any) -> None:
    """Items added on the laptop were looked for on the shop's PC (same relay): it has its own list."""
    assert window.only_here.isVisible()
    assert window.only_here.text().startswith("카탈로그는 이\u00a0컴퓨터에만 저장돼요.")


def test_the_import_summary_says_the_totals_row_was_left_out(
    qtbot, window, ctx: AppContext, tmp_path: Path
) -> None:
    from app.catalog_csv import ImportReport
    from ui.catalog_csv_actions import import_csv, report_text

    path = tmp_path / "상품목록.csv"
    path.write_bytes("\ufeff상품명,판매가\r\n에코백,12000\r\n합계,12000\r\n".encode())
    reports: list[ImportReport] = []
    with qtbot.waitSignal(ctx.hub.changed):
        import_csv(window, ctx, path, reports.append)
    qtbot.waitUntil(lambda: bool(reports), timeout=5000)
    summary, _ = report_text(reports[0])
    assert "1 new item," in summary and "not imported" not in summary
    assert "The totals row (line 3) is a sum, not an item, so it was left out." in summary
    settle(qtbot, window)
    assert names_shown(window) == ["에코백"]


@pytest.fixture
def german_shop(ctx: AppContext) -> Iterator[AppContext]:
    """A Berlin shop in euros, on a computer whose English writes numbers as Germany does."""
    from PySide6.QtCore import QLocale

    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.Germany))
    ctx.shop_region, ctx.currency = "DE", "EUR"
    yield ctx
    QLocale.setDefault(before)


def test_a_german_shop_types_prices_with_a_decimal_comma_and_sees_them_so(
    qtbot, german_shop: AppContext
) -> None:
    """'1.299,00 €' typed as a German owner writes it is 1,299 euros, and the form shows it back so."""
    from ui.catalog_window import CatalogWindow

    ctx = german_shop
    window = CatalogWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    settle(qtbot, window)
    window.new_action.trigger()
    assert window.form.price.placeholderText() == "15,00"
    window.form.name.setText("Stadtrad Müller")
    qtbot.keyClicks(window.form.price, "1.299,00 ")
    window.form.price.insert("€")  # (QTest types Latin-1 only; the € key of a German keyboard)
    assert window.form.price_preview.text() == "1.299,00\u00a0€"
    qtbot.keyClicks(window.form.code, "RAD-01")
    with qtbot.waitSignal(ctx.hub.changed):
        qtbot.mouseClick(window.form.save, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    with ctx.db.read() as s:
        saved = find_item_by_code(s, "RAD-01")
    assert saved is not None and (saved.price_minor, saved.currency) == (129900, "EUR")
    window.new_item()
    select(qtbot, window, saved.id)
    assert window.form.price.text() == "1.299,00"
    with ctx.db.write() as s:
        set_stock(s, saved.id, 1200)
    reload(qtbot, window)
    assert window.model.data(window.model.index(0), CatalogRole.STOCK_TEXT) == "1.200 in stock"
    window.close()
    QThreadPool.globalInstance().waitForDone(5000)


def test_a_german_computer_is_told_its_excel_opens_the_csv_in_one_column(tmp_path: Path) -> None:
    """German Excel splits a CSV at semicolons: "It opens in Excel" was not so for a Berlin shop."""
    from PySide6.QtCore import QLocale

    from ui.catalog_csv_actions import excel_splits_on_semicolons, export_note

    assert excel_splits_on_semicolons(QLocale(QLocale.Language.German, QLocale.Country.Germany))
    assert not excel_splits_on_semicolons(QLocale(QLocale.Language.Korean, QLocale.Country.SouthKorea))
    assert not excel_splits_on_semicolons(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    german = export_note(tmp_path / "catalogue.csv", semicolons=True)
    assert "one column" in german and "Excel workbook (.xlsx)" in german
    assert "opens in Excel" in export_note(tmp_path / "catalogue.csv", semicolons=False)
    assert "import it back" in export_note(tmp_path / "catalogue.xlsx", semicolons=True)


def test_a_screen_reader_reads_an_items_price_code_and_that_it_is_hidden(
    qtbot, window, ctx: AppContext
) -> None:  # type: ignore[no-untyped-def]
    """Each tile was read by its name alone: no price, no code, nothing of it being hidden."""
    from PySide6.QtGui import QAccessible

    add(ctx, "린넨 셔츠", 42000, "SHIRT-01")
    add(ctx, "진주 귀걸이", 15000, "EAR-02", hidden=True)
    reload(qtbot, window)
    view = QAccessible.queryAccessibleInterface(window.view)
    said = sorted(view.child(i).text(QAccessible.Text.Name) for i in range(view.childCount()))
    price = {
        code: window.model.price_text(window.model.item(r))
        for r in range(2)
        for code in [window.model.item(r).retailer_id]
    }
    assert said == [
        f"린넨 셔츠, {price['SHIRT-01']}, SHIRT-01",
        f"진주 귀걸이, {price['EAR-02']}, EAR-02, Hidden",
    ]


def test_export_while_an_item_is_typed_asks_and_save_puts_it_in_the_sheet(
    qtbot, window, ctx: AppContext, tmp_path: Path, dialogs, english
) -> None:
    """The sheet held only what was saved: an item she was typing was silently not in it."""
    from PySide6.QtWidgets import QMessageBox

    add(ctx, "Tote", 25000, "T-1")
    reload(qtbot, window)
    qtbot.keyClicks(window.form.name, "Silver ring")
    qtbot.keyClicks(window.form.price, "9000")
    target = tmp_path / "catalogue.csv"
    asked = dialogs.expect("question", answer=QMessageBox.StandardButton.Save)
    dialogs.expect("getSaveFileName", answer=str(target))
    told = dialogs.expect("information")
    window.export_action.trigger()
    buttons = asked.shown[0].widget
    assert "E&xport without saving" in buttons and "Discard" not in buttons, buttons
    assert asked.texts == [
        "Save the changes to this item before exporting? The sheet holds only what is saved; "
        "without saving, your changes stay here as typed."
    ]
    qtbot.waitUntil(lambda: bool(told.shown), timeout=5000)
    sheet = target.read_text(encoding="utf-8-sig")
    assert "Tote" in sheet and "Silver ring" in sheet
    # The form stays on the item as stored, with the code made for it (as Save alone shows it).
    with ctx.db.read() as s:
        code = next(item.retailer_id for item in list_items(s) if item.name == "Silver ring")
    assert code in sheet
    qtbot.waitUntil(lambda: window.form.code.text() == code, timeout=5000)
    assert not window.form.is_dirty()


def test_export_without_saving_leaves_the_item_out_of_the_sheet_and_on_the_form(
    qtbot, window, ctx: AppContext, tmp_path: Path, dialogs, english
) -> None:
    from PySide6.QtWidgets import QMessageBox

    first = add(ctx, "Tote", 25000, "T-1")
    select(qtbot, window, first)
    qtbot.keyClicks(window.form.name, " bag")
    target = tmp_path / "catalogue.csv"
    dialogs.expect("question", answer=QMessageBox.StandardButton.Discard)  # Export without saving
    dialogs.expect("getSaveFileName", answer=str(target))
    told = dialogs.expect("information")
    window.export_action.trigger()
    qtbot.waitUntil(lambda: bool(told.shown), timeout=5000)
    sheet = target.read_text(encoding="utf-8-sig")
    assert "Tote" in sheet and "Tote bag" not in sheet
    # Her words are still there, unsaved, for Save (or the question when she leaves the item).
    assert window.form.name.text() == "Tote bag" and window.form.is_dirty()
    with ctx.db.read() as s:
        assert get_item(s, first).name == "Tote"


def test_export_cancelled_at_the_question_exports_nothing_and_keeps_the_words(
    qtbot, window, ctx: AppContext, dialogs
) -> None:
    from PySide6.QtWidgets import QMessageBox

    first = add(ctx, "Tote", 25000, "T-1")
    select(qtbot, window, first)
    qtbot.keyClicks(window.form.name, " bag")
    asked = dialogs.expect("question", answer=QMessageBox.StandardButton.Cancel)
    window.export_action.trigger()  # no file dialog follows: one would fail the test
    assert len(asked.shown) == 1
    assert window.form.name.text() == "Tote bag" and window.form.is_dirty()


def test_export_with_nothing_typed_asks_nothing(
    qtbot, window, ctx: AppContext, tmp_path: Path, dialogs
) -> None:
    add(ctx, "Tote", 25000, "T-1")
    reload(qtbot, window)
    target = tmp_path / "catalogue.csv"
    dialogs.expect("getSaveFileName", answer=str(target))
    told = dialogs.expect("information")
    window.export_action.trigger()
    qtbot.waitUntil(lambda: bool(told.shown), timeout=5000)
    assert "Tote" in target.read_text(encoding="utf-8-sig")


def test_a_stock_count_read_before_a_sale_never_replaces_the_count_after_it(
    qtbot, window, ctx: AppContext, monkeypatch
) -> None:
    """An order of the open item was touched (its memo), then paid, quickly: the form's look at the
    item after the first, read before the sale, answered after the second's (the pool busy) and
    put the sold loafer back: 4 in stock on screen, 3 stored."""

    import ui.catalog_window
    from app.changes import Changes
    from ui.ops import pending_ops

    item_id, order_id = loafers_with_an_order(ctx, 4)
    select(qtbot, window, item_id)
    form = window.form
    assert form.stock.value() == 4
    held = hold_first_read(monkeypatch, ui.catalog_window, "item_and_collections")
    try:
        ctx.publish(Changes(orders=frozenset({order_id})))  # its memo, say: the stock is as it was
        qtbot.waitUntil(held.read.is_set, timeout=5000)
        mark_paid(ctx, order_id)
        qtbot.waitUntil(lambda: form.stock.value() == 3, timeout=5000)
        qtbot.waitUntil(lambda: pending_ops() == 1, timeout=5000)  # all in but the held look
    finally:
        held.let_go()
    qtbot.waitUntil(lambda: pending_ops() == 0, timeout=5000)
    assert stored_stock(ctx, item_id) == 3
    assert form.stock.value() == 3 and not form.is_dirty()
