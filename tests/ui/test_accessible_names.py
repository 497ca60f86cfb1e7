"""Every interactive widget of every window and dialog has a name a screen reader can say."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QApplication, QMenu, QToolButton, QWidget

from tests.support.accessibility import unnamed_widgets
from tests.support.factories import make_contact, make_message

# Menu items that do not open a window of ours: Quit closes the app, About is Qt's message box; the
# backup's: a file dialog over Settings, which Settings… opens here too; and the demo shop, a process
# of its own (started detached, it outlived the test run; tests/ui/test_demo_launch.py covers it).
# Export chat… asks where to save (a file dialog of the system's, not ours), now that it is enabled
# with a chat open as its keys need.
SKIPPED = {
    "Quit",
    "About Shop Inbox",
    "Back up now…",
    "Restore from backup…",
    "Try the demo shop",
    "Export chat…",
}


def test_every_window_and_dialog_names_its_interactive_widgets(
    qtbot: Any, window: Any, ctx: Any, dialogs: Any, tmp_path: Path
) -> None:
    from ui.menus import install_menus

    install_menus(window, ctx)
    with ctx.db.write() as s:
        now = datetime.now(UTC)
        contact = make_contact(s, profile_name="김민지", last_inbound_at=now)  # the composer shows
        make_message(s, contact, "주문했어요", sent_at=now)
        contact_id = contact.id
    window.chat_list.load()
    qtbot.waitUntil(lambda: window.chat_list.select_contact(contact_id), timeout=5000)
    qtbot.waitUntil(lambda: window.chat.contact_id() == contact_id, timeout=5000)
    window.toggle_contact_panel()
    problems = unnamed_widgets(window)
    window.open_search()  # the search panel stands in for the chat list while it is open
    problems += unnamed_widgets(window)
    window.close_search()

    def inspect(dialog: QWidget) -> None:
        qtbot.waitUntil(lambda: dialog.isVisible(), timeout=3000)
        problems.extend(unnamed_widgets(dialog))
        dialog.close()

    dialogs.expect("modal", answer=inspect, times=None)
    export = tmp_path / "WhatsApp Chat with 김민지.txt"
    export.write_text("29/11/2026, 10:00 - 김민지: 안녕하세요\n29/11/2026, 10:01 - 김민지: 주문했어요\n")
    dialogs.expect("getOpenFileName", answer=str(export))
    shown_before = set(QApplication.topLevelWidgets())
    for menu in window.menuBar().findChildren(QMenu):
        for action in menu.actions():
            text = action.text().replace("&", "")
            if action.isSeparator() or action.menu() or text in SKIPPED or not action.isEnabled():
                continue
            action.trigger()
            for top in set(QApplication.topLevelWidgets()) - shown_before:
                if top.isVisible() and not isinstance(top, QMenu):
                    problems.extend(unnamed_widgets(top))
                    top.close()
    # From the open chat: start an order, pick from the catalogue; and the first run's wizard.
    from app.wire import Template
    from ui.catalog_picker import CatalogPicker
    from ui.setup_wizard import SetupWizard
    from ui.template_picker import TemplatePicker

    window.findChild(QToolButton, "startOrderButton").click()
    for top in set(QApplication.topLevelWidgets()) - shown_before:
        if top.isVisible() and not isinstance(top, QMenu):
            problems.extend(unnamed_widgets(top))
            top.close()
    template = Template(
        name="order_update",
        language="ko",
        category="UTILITY",
        components=[{"type": "BODY", "text": "{{1}}님, 주문하신 상품이 발송되었습니다."}],
    )
    for dialog in (CatalogPicker(ctx, window), SetupWizard(window, ctx), TemplatePicker([template], window)):
        qtbot.addWidget(dialog)
        dialog.show()
        problems.extend(unnamed_widgets(dialog))
        dialog.close()
    assert problems == [], "\n".join(problems)


def test_a_button_that_shows_a_sign_is_spoken_as_what_it_does(qtbot: Any) -> None:
    """The catalogue's "+" was read out as "plus" ("New collection" was only its tooltip)."""
    from tests.support.accessibility import spoken_name
    from ui.catalog_collections_panel import CollectionsPanel

    panel = CollectionsPanel()
    qtbot.addWidget(panel)
    assert panel.add_button.text() == "+"
    assert spoken_name(panel.add_button) == "New collection"


def test_icon_buttons_shown_only_when_needed_are_named_too(qtbot: Any, window: Any, tmp_path: Path) -> None:
    """A reply's ✕, an attachment's ✕ and the jump to the newest message were hidden when every
    window was checked, and said "button" alone once shown: their tooltips were not their names."""
    from tests.support.accessibility import spoken_name

    composer = window.chat.composer
    assert spoken_name(composer.cancel_reply) == "Cancel reply"
    assert spoken_name(composer.unattach_button) == "Remove attachment"
    assert spoken_name(window.chat.view.jump_button) == "Jump to the newest message"
    # Two files attached: the ✕ takes off one of them or both, and says so.
    files = [tmp_path / "주문서.pdf", tmp_path / "견적서.pdf"]
    for file in files:
        file.write_bytes(b"%PDF-1.4\n")
    composer.add_attachments(files)
    assert spoken_name(composer.unattach_button) == "Remove attachments"


def test_the_chat_headers_buttons_show_and_say_their_menu_keys(qtbot: Any, window: Any) -> None:
    """Ctrl+Shift+F and Ctrl+Shift+I were only in the Chat menu: the buttons the owner uses did not
    tell her the keys that do the same."""
    from PySide6.QtGui import QAccessible, QKeySequence

    from tests.support.accessibility import spoken_name

    def native(keys: str) -> str:
        return QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)

    for button, name, keys in (
        (window.chat.search_button, "Search in this chat", "Ctrl+Shift+F"),
        (window.chat.info_button, "Contact info", "Ctrl+Shift+I"),
    ):
        assert button.toolTip() == f"{name} ({native(keys)})"
        assert spoken_name(button) == name
        described = QAccessible.queryAccessibleInterface(button).text(QAccessible.Text.Description)
        assert described == native(keys)
