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


def settle(qtbot, manager: LabelsManager) -> None:
    qtbot.waitUntil(lambda: not manager.is_loading(), timeout=5000)


def open_manager(qtbot, ctx: AppContext) -> LabelsManager:
    manager = LabelsManager(ctx)
    qtbot.addWidget(manager)
    settle(qtbot, manager)
    return manager


def test_labels_manager_adds_renames_recolours_and_counts_chats(qtbot, ctx: AppContext) -> None:
    manager = open_manager(qtbot, ctx)
    assert manager.model.rowCount() == 6
    with qtbot.waitSignal(ctx.hub.changed) as published:
        manager.add_label("단골")
    assert published.args[0].labels  # the chat list and contact panel re-read their labels
    settle(qtbot, manager)
    label = manager.current()
    assert label is not None and label.name == "단골"
    with ctx.db.write() as s:
        set_label(s, make_contact(s).id, label.id, True)
    manager.rename(label.id, "VIP 단골")
    manager.recolour(label.id, "#112233")
    settle(qtbot, manager)
    row = next(r for r in LabelStore(ctx.db).all() if r.id == label.id)
    assert (row.name, row.colour, row.chats) == ("VIP 단골", "#112233", 1)
    shown = manager.model.index(6, 0).data()
    assert shown.startswith("VIP 단골") and "1" in shown
    manager.rename(label.id, "paid")
    qtbot.waitUntil(lambda: manager.error.text() == "There is already a label with this name.")


def test_deleting_a_label_in_use_asks_first_and_keeps_the_chats(qtbot, ctx: AppContext, dialogs) -> None:
    from PySide6.QtWidgets import QMessageBox

    from app.models import Contact

    with ctx.db.write() as s:
        contact = make_contact(s, saved_name="이서연")
        paid = next(r for r in LabelStore(ctx.db).all() if r.name == "Paid")
        set_label(s, contact.id, paid.id, True)
    manager = open_manager(qtbot, ctx)
    manager.reload(select_id=paid.id)
    settle(qtbot, manager)
    asked = dialogs.expect("question", answer=QMessageBox.StandardButton.Yes)
    with qtbot.waitSignal(ctx.hub.changed):
        manager.delete_current()
    assert asked.texts == ["Delete the label “Paid”? It is removed from one chat; the chat stays."]
    assert all(r.name != "Paid" for r in LabelStore(ctx.db).all())
    with ctx.db.read() as s:
        assert s.get(Contact, contact.id) is not None


def test_moving_a_label_up_changes_its_place_in_every_list(qtbot, ctx: AppContext) -> None:
    manager = open_manager(qtbot, ctx)
    paid = next(r for r in LabelStore(ctx.db).all() if r.name == "Paid")
    manager.reload(select_id=paid.id)
    settle(qtbot, manager)
    with qtbot.waitSignal(ctx.hub.changed):
        manager.move_current(-1)
    settle(qtbot, manager)
    current = manager.current()
    assert current is not None and current.name == "Paid"
    assert [r.name for r in LabelStore(ctx.db).all()][2:4] == ["Paid", "Pending payment"]


def test_a_label_added_in_another_window_appears_in_an_open_manager(qtbot, ctx: AppContext) -> None:
    manager = open_manager(qtbot, ctx)
    other = open_manager(qtbot, ctx)
    with qtbot.waitSignal(ctx.hub.changed):
        other.add_label("도매")
    qtbot.waitUntil(lambda: any(r.name == "도매" for r in manager.model.rows()), timeout=5000)


def test_in_korean_a_built_in_label_renamed_unchanged_stays_built_in_and_its_name_is_taken(
    korean: None, qtbot, ctx: AppContext
) -> None:
    manager = open_manager(qtbot, ctx)
    shipped = next(row for row in manager.model.rows() if row.name == "Shipped")
    # The rename dialog offers the name as shown ("배송\u00a0중": a no-break space keeps it on one
    # line); OK without a change, or the same name typed with a plain space, must not store the Korean.
    manager.rename(shipped.id, "배송\u00a0중")
    manager.rename(shipped.id, "배송 중")
    manager.add_label("새 고객")  # typed with a plain space: the name "새\u00a0고객" shows, taken
    qtbot.waitUntil(lambda: manager.error.text() != "")
    assert manager.error.text() == "같은 이름의 라벨이 이미 있어요."
    settle(qtbot, manager)
    rows = LabelStore(ctx.db).all()
    assert [row.name for row in rows].count("Shipped") == 1 and len(rows) == 6
    assert manager.model.index(4, 0).data().startswith("배송\u00a0중")


def test_enter_on_a_label_renames_it_as_a_double_click_does(qtbot, ctx: AppContext, dialogs) -> None:
    """Enter pressed "New label…" (the dialog's first button) instead."""
    from PySide6.QtCore import Qt

    manager = open_manager(qtbot, ctx)
    with qtbot.waitSignal(ctx.hub.changed):
        manager.add_label("단골")
    settle(qtbot, manager)
    label = manager.current()
    assert label is not None
    manager.show()
    with qtbot.waitActive(manager):
        manager.activateWindow()
    manager.view.setFocus()
    asked = dialogs.expect("getText", answer="VIP 단골")
    with qtbot.waitSignal(ctx.hub.changed):
        qtbot.keyClick(manager.view, Qt.Key.Key_Return)
    assert [shown.title for shown in asked.shown] == ["Rename label"]
    settle(qtbot, manager)
    assert "VIP 단골" in [row.name for row in LabelStore(ctx.db).all()]


def test_a_rename_to_a_taken_name_asks_again_with_what_was_typed_and_why(
    qtbot, ctx: AppContext, dialogs
) -> None:
    """The rename dialog closed on a taken name and what the owner typed was gone."""
    manager = open_manager(qtbot, ctx)
    for name in ("단골", "VIP"):
        with qtbot.waitSignal(ctx.hub.changed):
            manager.add_label(name)
        settle(qtbot, manager)
    label = manager.current()
    assert label is not None and label.name == "VIP"
    first = dialogs.expect("getText", answer="단골")  # taken
    again = dialogs.expect("getText", answer="VIP 고객")
    with qtbot.waitSignal(ctx.hub.changed, timeout=5000):
        manager.rename_current()
    assert [shown.title for shown in first.shown] == ["Rename label"]
    assert [shown.title for shown in again.shown] == ["Rename label"]
    assert "There is already a label with this name." in again.shown[0].text
    # Alt+N reaches the name field, as in the New label box, asked again too.
    assert first.shown[0].text == "&Name" and again.shown[0].text.endswith("\n&Name")
    settle(qtbot, manager)
    assert {row.name for row in LabelStore(ctx.db).all()} >= {"단골", "VIP 고객"}


def test_a_new_label_with_a_taken_name_asks_again_with_what_was_typed_and_why(
    qtbot, ctx: AppContext, dialogs, korean
) -> None:
    """A Korean owner typed 새 고객 in New label: the box closed, "같은 이름의 라벨이 이미 있어요."
    stood under the list, and to try another name she opened the box again and typed it all anew."""
    from PySide6.QtWidgets import QApplication, QInputDialog

    def typed_in_the_box() -> str:
        boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QInputDialog) and w.isVisible()]
        return boxes[0].textValue()

    seen: list[str] = []

    def another_name(_shown: object) -> str:
        seen.append(typed_in_the_box())
        return "새 고객 (VIP)"

    manager = open_manager(qtbot, ctx)
    first = dialogs.expect("getText", answer="새 고객")  # a built-in label's name as Korean shows it
    again = dialogs.expect("getText", answer=another_name)
    with qtbot.waitSignal(ctx.hub.changed, timeout=5000):
        manager.add()
    assert [shown.title for shown in first.shown + again.shown] == ["새 라벨", "새 라벨"]
    assert again.shown[0].text == "같은 이름의 라벨이 이미 있어요.\n이름(&N)"
    assert seen == ["새 고객"]  # what she typed, there to change
    settle(qtbot, manager)
    assert "새 고객 (VIP)" in [row.name for row in LabelStore(ctx.db).all()]
    picked = manager.current()
    assert picked is not None and picked.name == "새 고객 (VIP)"


def test_a_refused_name_is_said_in_the_problem_red_of_the_other_editors(qtbot, ctx: AppContext) -> None:
    """ "Already a label with this name" stood in plain black under the list, like a note."""
    from PySide6.QtGui import QPalette

    from ui.theme import problem_colour

    manager = open_manager(qtbot, ctx)
    manager.show()
    qtbot.waitExposed(manager)
    manager.add_label("paid")
    qtbot.waitUntil(lambda: manager.error.text() == "There is already a label with this name.")
    shown = manager.error.palette().color(QPalette.ColorRole.WindowText).name()
    assert shown.upper() == problem_colour().upper()


def test_the_first_label_is_picked_when_the_manager_opens_so_its_buttons_act_at_once(
    qtbot, ctx: AppContext, dialogs
) -> None:
    """Opened from the Shop menu with the keyboard, Rename… did nothing (no label was picked) and
    Tab into the list showed no label to act on."""
    manager = open_manager(qtbot, ctx)
    assert manager.view.currentIndex().row() == 0
    first = manager.model.rows()[0].id
    asked = dialogs.expect("getText", answer="단골 고객")
    rename = next(b for b in manager.buttons if b.text().replace("&", "") == "Rename…")
    rename.click()
    assert asked.shown
    qtbot.waitUntil(
        lambda: any(r.id == first and r.name == "단골 고객" for r in manager.model.rows()), timeout=5000
    )


def test_the_labels_window_says_labels_stay_on_this_computer(qtbot, ctx: AppContext, korean) -> None:
    """With two shop computers on one relay, a label made on the laptop never showed on the shop's
    PC, and nothing said it would not."""
    manager = open_manager(qtbot, ctx)
    manager.show()
    qtbot.waitExposed(manager)
    assert manager.only_here.isVisible()
    assert manager.only_here.text().startswith("라벨은 이\u00a0컴퓨터에만 저장돼요.")


def test_a_label_deleted_by_mistake_comes_back_on_its_chats_with_undo(
    qtbot, ctx: AppContext, dialogs
) -> None:
    """Dong-hyun deletes "도매" (on two chats) instead of "도매 문의": Undo, or Ctrl+Z, brings it back."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QMessageBox

    with ctx.db.write() as s:
        wholesale = LabelStore(ctx.db).add("도매", "#3DA1F1")[0]
        for _ in range(2):
            set_label(s, make_contact(s).id, wholesale.id, True)
    manager = open_manager(qtbot, ctx)
    manager.reload(select_id=wholesale.id)
    settle(qtbot, manager)
    assert manager.undo.isHidden()  # nothing to undo yet
    dialogs.expect("question", answer=QMessageBox.StandardButton.Yes)
    with qtbot.waitSignal(ctx.hub.changed):
        manager.delete_current()
    settle(qtbot, manager)
    assert all(r.name != "도매" for r in LabelStore(ctx.db).all())
    assert not manager.undo.isHidden()
    assert manager.undo.note.text() == "Deleted the label “도매”."
    with qtbot.waitActive(manager):  # Ctrl+Z works in the active window
        manager.show()
        manager.activateWindow()
    # In the list: in the name field Ctrl+Z undoes typing, as every text field does.
    manager.view.setFocus()
    qtbot.waitUntil(manager.view.hasFocus, timeout=5000)
    with qtbot.waitSignal(ctx.hub.changed) as published:
        qtbot.keyClick(manager.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert published.args[0].labels  # the chat rows show it again
    settle(qtbot, manager)
    back = next(r for r in LabelStore(ctx.db).all() if r.name == "도매")
    assert (back.id, back.chats, back.position) == (wholesale.id, 2, wholesale.position)
    assert manager.current() == back  # picked again, as it was
    assert manager.undo.isHidden()
