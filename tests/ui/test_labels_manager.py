"""The labels manager: add, rename, recolour, and the count of chats per label."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.labels import LabelStore
from app.paths import paths_for
from app.queries import set_label
from tests.support.factories import make_contact
from ui.context import AppContext
from ui.labels_manager import LabelsManager


@pytest.fixture
def ctx(db, tmp_path: Path) -> AppContext:
    return AppContext(db=db, paths=paths_for(tmp_path / "data"))


def test_labels_manager_adds_renames_recolours_and_counts_chats(qtbot, ctx: AppContext) -> None:
    manager = LabelsManager(ctx)
    qtbot.addWidget(manager)
    assert manager.model.rowCount() == 6
    label = manager.add_label("단골")
    assert label is not None
    with ctx.db.write() as s:
        set_label(s, make_contact(s).id, label.id, True)
    manager.rename(label.id, "VIP 단골")
    manager.recolour(label.id, "#112233")
    row = next(r for r in LabelStore(ctx.db).all() if r.id == label.id)
    assert (row.name, row.colour, row.chats) == ("VIP 단골", "#112233", 1)
    shown = manager.model.index(6, 0).data()
    assert shown.startswith("VIP 단골") and "1" in shown
    assert not manager.rename(label.id, "paid")
    assert manager.error.text() == "There is already a label with this name."


def test_deleting_a_label_in_use_asks_first_and_keeps_the_chats(qtbot, ctx: AppContext, dialogs) -> None:
    from PySide6.QtWidgets import QMessageBox

    from app.models import Contact

    with ctx.db.write() as s:
        contact = make_contact(s, saved_name="이서연")
        paid = next(r for r in LabelStore(ctx.db).all() if r.name == "Paid")
        set_label(s, contact.id, paid.id, True)
    manager = LabelsManager(ctx)
    qtbot.addWidget(manager)
    manager.reload(select_id=paid.id)
    asked = dialogs.expect("question", answer=QMessageBox.StandardButton.Yes)
    manager.delete_current()
    assert asked.texts == ["Delete the label “Paid”? It is removed from one chat; the chat stays."]
    assert all(r.name != "Paid" for r in LabelStore(ctx.db).all())
    with ctx.db.read() as s:
        assert s.get(Contact, contact.id) is not None


def test_moving_a_label_up_changes_its_place_in_every_list(qtbot, ctx: AppContext) -> None:
    manager = LabelsManager(ctx)
    qtbot.addWidget(manager)
    paid = next(r for r in LabelStore(ctx.db).all() if r.name == "Paid")
    manager.reload(select_id=paid.id)
    manager.move_current(-1)
    assert [r.name for r in LabelStore(ctx.db).all()][2:4] == ["Paid", "Pending payment"]
