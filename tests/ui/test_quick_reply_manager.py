"""The quick replies manager: what the owner edits lands in the database."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.paths import paths_for
from app.quick_replies import QuickReplyLibrary
from ui.context import AppContext
from ui.quick_reply_manager import QuickReplyManager


@pytest.fixture
def ctx(db, tmp_path: Path) -> AppContext:
    return AppContext(db=db, paths=paths_for(tmp_path / "data"))


def test_adding_editing_and_deleting_a_korean_quick_reply(qtbot, ctx: AppContext) -> None:
    manager = QuickReplyManager(ctx)
    qtbot.addWidget(manager)
    manager.new_reply()
    manager.shortcut.setText("/감사")
    manager.text.setPlainText("{first_name}님 감사합니다!")
    manager.keywords.setText("감사, 주문")
    assert manager.save_current()
    (row,) = QuickReplyLibrary(ctx.db).all()
    assert (row.shortcut, row.text, row.keywords) == ("/감사", "{first_name}님 감사합니다!", ("감사", "주문"))
    assert manager.count.text().startswith("1")

    manager.text.setPlainText("고맙습니다")
    assert manager.save_current()
    assert QuickReplyLibrary(ctx.db).all()[0].text == "고맙습니다"

    manager.delete_reply(row.id)
    assert QuickReplyLibrary(ctx.db).all() == []


def test_a_bad_shortcut_is_explained_and_nothing_is_saved(qtbot, ctx: AppContext) -> None:
    manager = QuickReplyManager(ctx)
    qtbot.addWidget(manager)
    manager.shortcut.setText("/감사 합니다")
    manager.text.setPlainText("hi")
    assert not manager.save_current()
    assert manager.error.text() == "A shortcut cannot contain spaces."
    assert QuickReplyLibrary(ctx.db).all() == []


def test_search_and_reorder_in_the_manager(qtbot, ctx: AppContext) -> None:
    library = QuickReplyLibrary(ctx.db)
    for shortcut, text in (("/a", "배송 안내"), ("/b", "계좌"), ("/배송", "2~3일")):
        library.add(shortcut, text)
    manager = QuickReplyManager(ctx)
    qtbot.addWidget(manager)
    manager.search.setText("배송")
    assert [manager.model.row_at(r).shortcut for r in range(manager.model.rowCount())] == ["/배송", "/a"]
    manager.search.clear()
    manager.select(library.all()[2].id)
    manager.move_current(-1)
    assert [r.shortcut for r in library.all()] == ["/a", "/배송", "/b"]
