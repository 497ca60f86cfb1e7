"""A catalogue item's words typed and not saved survive a crash: kept while she types, offered above
the form at the next opening of the catalogue, forgotten once saved or discarded."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QMessageBox

from app.catalog import ItemDraft, create_item, get_item, list_items
from app.catalog_item_drafts import ItemWords, keep_item_draft, unsaved_item
from app.db import Database
from app.paths import paths_for
from ui.catalog_window import CatalogWindow
from ui.context import AppContext
from ui.draft_keeper import KEEP_AFTER_MS
from ui.ops import pending_ops


@pytest.fixture
def ctx(tmp_path: Path) -> Iterator[AppContext]:
    paths = paths_for(tmp_path / "data").ensure()
    database = Database.open(paths.database)
    yield AppContext(db=database, paths=paths)
    database.close()


@pytest.fixture
def next_start(ctx: AppContext) -> Iterator[AppContext]:
    """The app started again on the same file: a database opened afresh, as after a crash."""
    database = Database.open(ctx.paths.database)
    yield AppContext(db=database, paths=ctx.paths)
    database.close()


def opened(qtbot: Any, ctx: AppContext) -> CatalogWindow:
    window = CatalogWindow(ctx)
    qtbot.addWidget(window, before_close_func=lambda w: QThreadPool.globalInstance().waitForDone(5000))
    window.show()
    qtbot.waitUntil(lambda: not window.is_loading() and pending_ops() == 0, timeout=5000)
    return window


def offered(window: CatalogWindow) -> bool:
    return window.kept_strip is not None and window.kept_strip.isVisibleTo(window)


def kept_name(path: Path) -> str | None:
    fresh = Database.open(path)  # what another process finds in the file now
    try:
        kept = unsaved_item(fresh)
        return kept.words.name if kept else None
    finally:
        fresh.close()


def test_a_new_item_typed_and_never_saved_comes_back_after_a_crash(
    qtbot: Any, ctx: AppContext, next_start: AppContext
) -> None:
    window = opened(qtbot, ctx)
    assert not offered(window)
    qtbot.keyClicks(window.form.name, "Linen apron")
    qtbot.keyClicks(window.form.price, "32,000")
    window.form.description.setPlainText("Washed linen, two pockets.")
    qtbot.waitUntil(lambda: kept_name(ctx.paths.database) == "Linen apron", timeout=KEEP_AFTER_MS + 5000)
    again = opened(qtbot, next_start)  # the crash: the first window never closed
    strip = again.kept_strip
    assert strip is not None and offered(again)
    assert strip.text.text().startswith("You have an unsaved catalogue item “Linen apron” from ")
    strip.restore_button.click()
    form = again.form
    assert (form.name.text(), form.price.text()) == ("Linen apron", "32,000")
    assert form.description.toPlainText() == "Washed linen, two pockets."
    assert form.item_id is None and form.is_dirty()
    with next_start.db.read() as session:
        assert list_items(session) == []  # restored, not saved


def test_an_edit_of_a_saved_item_comes_back_over_it_and_saving_forgets_it(
    qtbot: Any, ctx: AppContext, next_start: AppContext
) -> None:
    with ctx.db.write() as session:
        item_id = create_item(session, ItemDraft(name="Apron", price_minor=30000, currency="KRW"))
    keep_item_draft(ctx.db, ItemWords(item_id, "Apron", "28,000", "KRW", "", "On sale this week", ""))
    window = opened(qtbot, ctx)
    assert offered(window)
    window.kept_strip.restore_button.click()  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: window.form.item_id == item_id and window.form.is_dirty(), timeout=5000)
    assert window.form.price.text() == "28,000"
    window.form.request_save()
    qtbot.waitUntil(lambda: not window.is_loading() and pending_ops() == 0, timeout=5000)
    with ctx.db.read() as session:
        row = get_item(session, item_id)
    assert (row.price_minor, row.description) == (28000, "On sale this week")
    assert unsaved_item(ctx.db) is None
    assert not offered(opened(qtbot, next_start))


def test_words_equal_to_the_saved_item_are_not_offered(qtbot: Any, ctx: AppContext) -> None:
    with ctx.db.write() as session:
        item_id = create_item(
            session, ItemDraft(name="Apron", price_minor=30000, currency="KRW", retailer_id="AP-1")
        )
    keep_item_draft(ctx.db, ItemWords(item_id, "Apron ", "30000", "KRW", "AP-1", "", ""))
    assert not offered(opened(qtbot, ctx))


def test_discard_on_closing_forgets_the_kept_words(qtbot: Any, ctx: AppContext, dialogs: Any) -> None:
    window = opened(qtbot, ctx)
    qtbot.keyClicks(window.form.name, "Tote bag")
    window.keeper.keep_now()
    qtbot.waitUntil(lambda: pending_ops() == 0, timeout=5000)
    assert unsaved_item(ctx.db) is not None
    dialogs.expect("question", answer=QMessageBox.StandardButton.Discard)
    window.close()
    qtbot.waitUntil(lambda: pending_ops() == 0, timeout=5000)
    assert unsaved_item(ctx.db) is None


def test_the_offer_above_the_chats_opens_the_catalogue_with_the_words(qtbot: Any, ctx: AppContext) -> None:
    from ui.kept_edits_notice import CATALOG, KeptEditsNotice

    keep_item_draft(ctx.db, ItemWords(None, "Linen apron", "32,000", "KRW", "", "", ""))
    notice = KeptEditsNotice(ctx)
    qtbot.addWidget(notice)
    notice.refresh()
    qtbot.waitUntil(lambda: notice.kept is not None, timeout=5000)
    assert notice.text.text().startswith("You have an unsaved catalogue item “Linen apron” from ")
    with qtbot.waitSignal(notice.window_requested) as asked:
        notice.restore_button.click()
    assert asked.args == [CATALOG]
    window = opened(qtbot, ctx)  # what ui/menus.py does with it
    window.read_kept(restore=True)
    qtbot.waitUntil(lambda: window.form.name.text() == "Linen apron", timeout=5000)
    assert window.form.is_dirty() and not offered(window)
    qtbot.waitUntil(lambda: not notice.isVisible() and pending_ops() == 0, timeout=5000)


def test_saving_in_a_catalogue_opened_from_the_menu_takes_the_offer_above_the_chats_away(
    qtbot: Any, ctx: AppContext, window: Any
) -> None:
    with ctx.db.write() as session:
        item_id = create_item(session, ItemDraft(name="Apron", price_minor=30000, currency="KRW"))
    keep_item_draft(ctx.db, ItemWords(item_id, "Apron", "28,000", "KRW", "", "On sale this week", ""))
    notice = window.kept_edits
    notice.refresh()
    qtbot.waitUntil(lambda: notice.kept is not None and notice.isVisible(), timeout=5000)
    catalogue = opened(qtbot, ctx)  # from the menu, not from the offer: it offers them itself
    assert catalogue.kept_strip is not None and offered(catalogue)
    catalogue.kept_strip.restore_button.click()
    qtbot.waitUntil(lambda: catalogue.form.item_id == item_id and catalogue.form.is_dirty(), timeout=5000)
    catalogue.form.request_save()
    qtbot.waitUntil(lambda: pending_ops() == 0 and not notice.isVisible(), timeout=5000)
    assert notice.kept is None and unsaved_item(ctx.db) is None
