"""Alt+letter reaches the fields and buttons of the main dialogs, as in any Windows program: each
letter once per window, in English and in Korean (설정(&S) style)."""

from __future__ import annotations

import ast
import re
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import pytest
from PySide6.QtWidgets import (
    QAbstractButton,
    QCheckBox,
    QDialogButtonBox,
    QGroupBox,
    QLabel,
    QPushButton,
    QWidget,
)

from tests.ui.test_menu_mnemonics import mnemonic
from tests.ui.test_settings_dialog import save_button


def standard_button(widget: QWidget) -> bool:
    """OK, Cancel, Close…: Qt names them, Enter and Esc press them."""
    box = widget.parentWidget()
    return (
        isinstance(box, QDialogButtonBox)
        and isinstance(widget, QPushButton)
        and box.standardButton(widget) != QDialogButtonBox.StandardButton.NoButton
    )


def alt_letters(dialog: QWidget) -> dict[str, list[str]]:
    """Every Alt letter of the dialog's labels (that have a field), buttons and group boxes (Alt+letter
    on a box's title goes to its first field), with their texts."""
    letters: dict[str, list[str]] = {}
    for widget in dialog.findChildren(QWidget):
        if (isinstance(widget, QLabel) and widget.buddy() is not None) or (
            isinstance(widget, QAbstractButton) and not standard_button(widget)
        ):
            text = widget.text()
        elif isinstance(widget, QGroupBox):
            text = widget.title()
        else:
            continue
        letter = mnemonic(text)
        if letter is not None:
            letters.setdefault(letter, []).append(text)
    return letters


def without_letter(dialog: QWidget) -> list[str]:
    """The check boxes, push buttons and labelled fields no Alt letter reaches."""
    missing = []
    for widget in dialog.findChildren(QWidget):
        if (isinstance(widget, QLabel) and widget.buddy() is not None) or (
            isinstance(widget, (QCheckBox, QPushButton)) and not standard_button(widget)
        ):
            text = widget.text()
        else:
            continue
        if text and mnemonic(text) is None:
            missing.append(text)
    return missing


def open_settings(qtbot: Any, ctx: Any) -> Any:
    from ui.settings_dialog import SettingsDialog

    dialog = SettingsDialog(ctx)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(save_button(dialog).isEnabled, timeout=5000)
    return dialog


def test_every_settings_field_and_button_has_its_own_alt_letter(qtbot: Any, ctx: Any) -> None:
    dialog = open_settings(qtbot, ctx)
    assert without_letter(dialog) == []
    shared = {letter: texts for letter, texts in alt_letters(dialog).items() if len(texts) > 1}
    assert shared == {}


@pytest.mark.usefixtures("korean")
def test_korean_settings_write_the_letter_after_the_words(qtbot: Any, ctx: Any) -> None:
    dialog = open_settings(qtbot, ctx)
    assert without_letter(dialog) == []
    shared = {letter: texts for letter, texts in alt_letters(dialog).items() if len(texts) > 1}
    assert shared == {}
    for texts in alt_letters(dialog).values():
        for text in texts:
            assert re.search(r"\(&[A-Z]\)", text), text


def test_the_order_windows_moves_each_have_their_own_alt_letter(window: Any, qtbot: Any) -> None:
    """Alt+P marks the order paid, Alt+R prepares the payment reminder, in every state's row."""
    from app.orders import OrderState
    from tests.ui.test_order_window_layout import new_order_open

    order_window = new_order_open(window, qtbot)
    assert without_letter(order_window.move_row) == []
    assert all(len(texts) == 1 for texts in alt_letters(order_window.move_row).values())

    order_window.move_to(OrderState.AWAITING_PAYMENT)  # its message waits to be sent

    def new_row_lettered() -> bool:
        # The row is rebuilt for the new state: the old buttons go at the next deferred delete.
        letters = alt_letters(order_window.move_row)
        return all(len(texts) == 1 for texts in letters.values()) and {"C", "R", "P", "L"} <= set(letters)

    qtbot.waitUntil(lambda: order_window.findChild(QPushButton, "prepareReminder") is not None, timeout=5000)
    qtbot.waitUntil(new_row_lettered, timeout=5000)
    assert without_letter(order_window.move_row) == []


def test_quick_replies_fields_and_buttons_have_their_own_alt_letters(qtbot: Any, ctx: Any) -> None:
    from ui.quick_reply_manager import QuickReplyManager

    dialog = QuickReplyManager(ctx)
    qtbot.addWidget(dialog)
    letters = alt_letters(dialog)
    assert all(len(texts) == 1 for texts in letters.values()), letters
    assert {"N", "D", "S", "T", "E", "K", "A"} <= set(letters)


def test_the_imports_choices_and_buttons_have_their_own_alt_letters(open_dialog: Any, tmp_path: Any) -> None:
    """Alt+S the shop, Alt+A the contact to add to, Alt+T the phone's time zone, Alt+I imports."""
    from PySide6.QtWidgets import QComboBox, QLineEdit

    from tests.ui.test_import_dialog import korean_zip

    dialog = open_dialog(korean_zip(tmp_path))
    choices = [
        label.text()
        for label in dialog.findChildren(QLabel)
        if isinstance(label.buddy(), (QComboBox, QLineEdit))
    ]
    assert choices and all(mnemonic(text) is not None for text in choices), choices
    letters = alt_letters(dialog)
    assert all(len(texts) == 1 for texts in letters.values()), letters
    assert {"S", "A", "N", "T", "I", "H"} <= set(letters)


def test_order_settings_fields_and_pages_have_their_own_alt_letters(qtbot: Any, ctx: Any) -> None:
    """Alt+B the bank account, Alt+F the shipping fee (a field in a row of its own, beside its price)."""
    from ui.order_settings_dialog import OrderSettingsDialog

    dialog = OrderSettingsDialog(ctx)
    qtbot.addWidget(dialog)
    general = dialog.pages.widget(0)
    assert general is not None
    letters = alt_letters(general)
    assert all(len(texts) == 1 for texts in letters.values()), letters
    assert {"F", "R", "M", "D", "B"} <= set(letters)
    fee = next(label for label in general.findChildren(QLabel) if label.text() == "Shipping &fee")
    assert fee.buddy() is dialog.shipping
    assert dialog.shipping.accessibleName() == "Shipping fee"
    tabs = {mnemonic(dialog.pages.tabText(i)) for i in range(dialog.pages.count())}
    assert tabs == {"P", "G"}


@pytest.mark.parametrize("language", ["en", "ko"])
@pytest.mark.parametrize(
    ("region", "currency", "letters"),
    [("GB", "GBP", {"H", "N", "O"}), ("US", "USD", {"A", "T"}), ("KR", "KRW", {"R"})],
)
def test_each_countrys_surcharge_fields_have_their_own_alt_letters(
    qtbot: Any, ctx: Any, request: Any, region: str, currency: str, letters: set[str], language: str
) -> None:
    """A UK shop's Highlands & Islands, Northern Ireland and offshore fields (a US shop's Alaska &
    Hawaii and territories) are reached by Alt+letter as Korea's 도서산간 field always was."""
    from app.settings import update_preferences
    from ui.order_settings_dialog import OrderSettingsDialog

    if language == "ko":
        request.getfixturevalue("korean")
    update_preferences(ctx.db, shop_region=region, currency=currency)
    ctx.shop_region, ctx.currency = region, currency
    dialog = OrderSettingsDialog(ctx)
    qtbot.addWidget(dialog)
    general = dialog.pages.widget(0)
    assert general is not None
    assert without_letter(general) == []
    found = alt_letters(general)
    assert all(len(texts) == 1 for texts in found.values()), found
    tabs = {mnemonic(dialog.pages.tabText(i)) for i in range(dialog.pages.count())}
    assert not tabs & set(found), found
    assert letters | {"F", "M", "D", "B"} == set(found)
    for field in dialog.surcharges.values():
        label = next(w for w in general.findChildren(QLabel) if w.buddy() is field)
        assert mnemonic(label.text()) in letters
        if language == "ko":
            assert re.search(r"\(&[A-Z]\)$", label.text()), label.text()


# ---------------------------------------------------------------- the catalogue, bot, order form…

# Close and Cancel outside a button box: Esc presses them, as it does a box's own (no letter, as on Windows).
ESC_BUTTONS = {"Close", "Cancel", "닫기", "취소"}


def lettered_once(widget: QWidget, *, without: set[str] = ESC_BUTTONS) -> dict[str, list[str]]:
    """Each field, check box and button of `widget` has an Alt letter no other one has; the letters."""
    assert [text for text in without_letter(widget) if text not in without] == []
    letters = alt_letters(widget)
    shared = {letter: texts for letter, texts in letters.items() if len(texts) > 1}
    assert shared == {}
    return letters


def press_alt(qtbot: Any, window: QWidget, letter: str) -> None:
    """Alt+letter as the keyboard gives it: to the focused widget of the active window."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    if not window.isVisible():
        window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window.window(), timeout=3000)
    target = QApplication.focusWidget() or window
    qtbot.keyClick(target, getattr(Qt.Key, f"Key_{letter}"), Qt.KeyboardModifier.AltModifier)


def open_catalogue(qtbot: Any, ctx: Any) -> Any:
    from PySide6.QtCore import QThreadPool

    from ui.catalog_window import CatalogWindow

    window = CatalogWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.form.name.isEnabled(), timeout=5000)
    return window, QThreadPool.globalInstance()


def test_the_catalogue_s_form_and_toolbar_have_their_own_alt_letters(
    qtbot: Any, ctx: Any, dialogs: Any
) -> None:
    """Alt+P the price, Alt+U counts stock, Alt+X exports; New, Duplicate, Delete and Hide keep Ctrl keys.
    What shows only at times has its letter too: Bring back (B) after a delete, Save anyway (Y) under
    a name another item has; R and I are left to the kept words' Restore and Discard."""
    from PySide6.QtWidgets import QMessageBox, QToolBar, QToolButton

    window, pool = open_catalogue(qtbot, ctx)
    letters = lettered_once(window, without=ESC_BUTTONS)
    assert set(letters) == set("ABCDEGHKLMNOPSTUVXY")
    assert not {"R", "I"} & set(letters)
    assert (mnemonic(window.undo_button.text()), mnemonic(window.form.keep_both.text())) == ("B", "Y")
    toolbar = window.findChild(QToolBar)
    on_toolbar = [button.text() for button in toolbar.findChildren(QToolButton) if button.text()]
    assert "E&xport sheet (CSV, Excel)…" in on_toolbar and "New item" in on_toolbar  # New item: Ctrl+N
    press_alt(qtbot, window, "P")
    assert window.form.price.hasFocus()
    press_alt(qtbot, window, "C")
    assert window.form.code.hasFocus()  # Item &code
    counted = window.form.count_stock.isChecked()
    press_alt(qtbot, window, "U")
    qtbot.waitUntil(lambda: window.form.count_stock.isChecked() is not counted, timeout=3000)
    dialogs.expect("question", answer=QMessageBox.StandardButton.Discard)  # the new item, half typed
    window.close()
    pool.waitForDone(5000)


@pytest.mark.usefixtures("korean")
def test_the_korean_catalogue_form_reaches_the_item_code_by_its_letter(
    qtbot: Any, ctx: Any, dialogs: Any
) -> None:
    """“상품 코드(&C)”: Alt+C puts the cursor in the item code, in Korean as in English."""
    from PySide6.QtWidgets import QLabel, QMessageBox

    window, pool = open_catalogue(qtbot, ctx)
    letters = lettered_once(window, without=ESC_BUTTONS)
    assert "C" in letters
    label = next(w for w in window.form.findChildren(QLabel) if w.buddy() is window.form.code)
    assert label.text() == "상품 코드(&C)"
    press_alt(qtbot, window, "C")
    assert window.form.code.hasFocus()
    dialogs.expect("question", answer=QMessageBox.StandardButton.Discard, times=None)
    window.close()
    pool.waitForDone(5000)


def test_an_items_menu_has_an_alt_letter_for_each_move(qtbot: Any, ctx: Any, dialogs: Any) -> None:
    """Opened with the menu key, U duplicates, H hides, D deletes; a collection named "R&D" keeps its "&"."""
    from PySide6.QtCore import QPoint
    from PySide6.QtWidgets import QMenu

    from app.catalog import ItemDraft, create_item
    from app.catalog_collections import create_collection

    with ctx.db.write() as s:
        item_id = create_item(
            s, ItemDraft(name="에코백", price_minor=12000, currency="KRW", retailer_id="BAG")
        )
        create_collection(s, "R&D")
    window, pool = open_catalogue(qtbot, ctx)
    window.reload(select=[item_id])
    qtbot.waitUntil(lambda: window.form.item_id == item_id, timeout=5000)
    seen: list[list[str]] = []

    def look(menu: QMenu) -> None:
        seen.append([a.text() for a in menu.actions() if not a.isSeparator()])
        collections = next(a.menu() for a in menu.actions() if a.menu() is not None)
        assert isinstance(collections, QMenu)
        seen.append([a.text() for a in collections.actions()])
        menu.close()

    dialogs.expect("menu", answer=look)
    window._item_menu(QPoint(5, 5))
    qtbot.waitUntil(lambda: bool(seen), timeout=3000)
    letters = [mnemonic(text) for text in seen[0]]
    assert None not in letters and len(set(letters)) == len(letters), seen[0]
    assert {"U", "H", "D", "A"} <= set(letters)
    assert seen[1] == ["R&&D"]  # drawn as "R&D"
    window.close()
    pool.waitForDone(5000)


def conflicted_bot_editor(qtbot: Any, ctx: Any) -> Any:
    """The menu bot editor with the relay banner's choice shown: a change saved here met the rules
    another computer sent meanwhile."""
    from app.automations_store import AutomationsStore
    from app.wire import Automations
    from tests.support.automations_fake import FakeAutomationsRelay
    from ui.bot_editor import BotEditor

    relay = FakeAutomationsRelay(AutomationsStore(ctx.db).state().doc)
    relay.change_elsewhere(Automations())
    editor = BotEditor(ctx, client_provider=lambda: relay, report_client=lambda: None)
    qtbot.addWidget(editor)
    editor.show()
    qtbot.waitUntil(lambda: editor.loaded, timeout=5000)
    editor.enabled.setChecked(not editor.enabled.isChecked())
    editor.save()
    qtbot.waitUntil(lambda: editor.banner.keep_button.isVisible() and not editor.is_busy(), timeout=10_000)
    return editor


def test_the_menu_bots_tabs_fields_and_buttons_have_their_own_alt_letters(
    qtbot: Any, ctx: Any, dialogs: Any
) -> None:
    """Per tab (a hidden tab's letters do nothing), with the relay banner's buttons: Alt+U, Alt+K and
    Alt+S pressed them in every editor but this one, where Menu, Move up and Section had the same
    letters and Alt+U only moved the focus. Alt+L opens Talk to a person, Alt+H its hand-off words."""
    editor = conflicted_bot_editor(qtbot, ctx)
    pages = [page for i in range(editor.tabs.count()) if (page := editor.tabs.widget(i)) is not None]
    banner = editor.banner
    # The simulator's "Send" is its field's Enter and "Start over" its own; the menu's Move up and
    # Move down are Alt+Up and Alt+Down in its tree: the editor beside them takes every other letter.
    shared_buttons = {"Send", "Start over", "Move up", "Move down"}
    outside = [w for w in editor.findChildren(QWidget) if not any(p.isAncestorOf(w) or w is p for p in pages)]
    common: dict[str, list[str]] = {}
    for widget in outside:
        if (isinstance(widget, QAbstractButton) and not standard_button(widget)) or (
            isinstance(widget, QLabel) and widget.buddy() is not None
        ):
            letter = mnemonic(widget.text())
            assert letter is not None or widget.text() in shared_buttons or not widget.text(), widget.text()
            if letter is not None:
                common.setdefault(letter, []).append(widget.text())
    # The banner's letters are those of every automation editor's banner.
    assert {mnemonic(b.text()) for b in banner.findChildren(QAbstractButton)} == {"S", "K", "U"}
    assert {"S", "K", "U"} <= set(common)
    tabs = [mnemonic(editor.tabs.tabText(i)) for i in range(editor.tabs.count())]
    assert None not in tabs
    for page in pages:
        letters = lettered_once(page, without=shared_buttons)
        mixed = {letter for letter in letters if letter in common or letter in tabs}
        assert mixed == set(), (mixed, letters, common)
    assert all(len(texts) == 1 for texts in common.values()), common
    assert len(set(tabs)) == len(tabs) and not set(tabs) & set(common)

    press_alt(qtbot, editor, "L")
    assert editor.tabs.currentWidget() is pages[2]
    press_alt(qtbot, editor, "H")
    assert editor.handoff_keywords.hasFocus()
    press_alt(qtbot, editor, "Y")
    assert editor.tabs.currentWidget() is pages[0]
    press_alt(qtbot, editor, "M")
    assert editor.tabs.currentWidget() is pages[1]
    editor.use_ready_made()  # a menu with entries to edit
    top = editor.tree.topLevelItem(0)
    entry = top.child(0) if top is not None else None
    assert entry is not None
    editor.tree.setCurrentItem(entry)
    press_alt(qtbot, editor, "T")  # a menu entry's Title: its row holds the field and its count
    assert editor.node_title.hasFocus()
    press_alt(qtbot, editor, "N")
    assert editor.node_section.hasFocus()
    # Use the other version: pressed, not a focus move to Move up or Menu (the ready-made menu is not
    # saved: the owner is asked first, and says yes).
    from PySide6.QtWidgets import QMessageBox

    asked = dialogs.expect("question", answer=QMessageBox.StandardButton.Yes)
    press_alt(qtbot, editor, "U")
    qtbot.waitUntil(lambda: not banner.keep_button.isVisible() and not editor.is_busy(), timeout=10_000)
    assert len(asked.texts) == 1 and "will be gone" in asked.texts[0]
    assert not editor.enabled.isChecked()  # the form shows the other computer's rules


def test_the_menus_move_up_and_down_are_alt_arrows_in_its_tree(qtbot: Any, ctx: Any) -> None:
    """Move up and Move down have no letter left: the tree moves its chosen choice with Alt+Up and
    Alt+Down, as the buttons' tips say."""
    from PySide6.QtCore import Qt

    from ui.bot_editor import BotEditor

    editor = BotEditor(ctx, client_provider=lambda: None, report_client=lambda: None)
    qtbot.addWidget(editor)
    editor.show()
    qtbot.waitUntil(lambda: editor.loaded, timeout=5000)
    editor.tabs.setCurrentIndex(1)
    editor.use_ready_made()
    home = editor.top_menu
    assert home is not None
    first, second = editor.nodes[home].choices[:2]
    item = editor._item(second)
    assert item is not None
    editor.tree.setCurrentItem(item)
    editor.tree.setFocus()
    qtbot.keyClick(editor.tree, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert editor.nodes[home].choices[:2] == [second, first]
    chosen = editor._current_node()
    assert chosen is not None and chosen.id == second and editor.tree.hasFocus()  # it stays chosen
    qtbot.keyClick(editor.tree, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert editor.nodes[home].choices[:2] == [first, second]
    # Tabbed from the tree to the buttons under it, the keys still move the choice: the buttons
    # are theirs (they had only the tree's, and the buttons no key at all).
    editor.move_down_button.setFocus()
    qtbot.keyClick(editor.move_down_button, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert editor.nodes[home].choices[:2] == [second, first]
    (move_up,) = editor.move_up_button.actions()
    assert move_up.shortcut().toString() == "Alt+Up"
    editor.move_down_button.click()  # the button presses its action
    assert editor.nodes[home].choices[:2] == [first, second]
    assert "Alt+Up" in editor.move_up_button.toolTip() and "Alt+Down" in editor.move_down_button.toolTip()


def test_the_business_profiles_fields_have_their_own_alt_letters(qtbot: Any, ctx: Any) -> None:
    from ui.business_profile_editor import BusinessProfileEditor

    editor = BusinessProfileEditor(ctx, client_provider=lambda: None)
    qtbot.addWidget(editor)
    letters = lettered_once(editor)
    assert {"N", "C", "A", "D", "R", "E", "W", "S", "K", "U"} <= set(letters)
    qtbot.waitUntil(lambda: editor.loaded, timeout=5000)  # the form takes keys once the profile is in
    press_alt(qtbot, editor, "E")
    assert editor.email.hasFocus()


def test_the_share_links_fields_and_buttons_have_their_own_alt_letters(qtbot: Any, ctx: Any) -> None:
    from ui.share_link_dialog import ShareLinkDialog

    dialog = ShareLinkDialog(ctx)
    qtbot.addWidget(dialog)
    assert set(lettered_once(dialog)) == {"N", "M", "L", "C", "S"}
    press_alt(qtbot, dialog, "M")
    assert dialog.message.hasFocus()


def test_the_deposits_buttons_have_their_own_alt_letters(qtbot: Any, ctx: Any, dialogs: Any) -> None:
    """Alt+O opens the bank's file, Alt+M marks the checked orders paid."""
    from ui.deposit_dialog import DepositDialog

    dialog = DepositDialog(ctx)
    qtbot.addWidget(dialog)
    assert {"O", "L", "R", "M"} <= set(lettered_once(dialog))
    asked = dialogs.expect("getOpenFileName", answer=None)
    press_alt(qtbot, dialog, "O")
    qtbot.waitUntil(lambda: len(asked.shown) == 1, timeout=3000)


def test_a_new_orders_fields_and_buttons_have_their_own_alt_letters(window: Any, qtbot: Any) -> None:
    """Alt+F the shipping fee, Alt+M the remote-area surcharge; Items and Total are sums, not fields."""
    from tests.support.factories import make_contact
    from ui.order_form import StartOrderDialog

    with window.ctx.db.write() as s:
        contact_id = make_contact(s, profile_name="박서연").id
    dialog = StartOrderDialog(window.ctx, contact_id, "박서연", "", window)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.settings_loaded)
    assert {"A", "R", "M", "F", "C", "D", "N"} <= set(lettered_once(dialog))
    press_alt(qtbot, dialog, "F")
    assert dialog.shipping.hasFocus()
    press_alt(qtbot, dialog, "M")
    qtbot.waitUntil(lambda: dialog.surcharge.area() == "remote", timeout=3000)


@pytest.mark.parametrize("language", ["en", "ko"])
def test_each_page_of_the_first_start_wizard_has_its_own_alt_letters(
    qtbot: Any, ctx: Any, request: Any, language: str
) -> None:
    """Beside the wizard's own < Back (B), Next > (N), Finish (F) and Set up later (L, which had
    none): Alt+T the relay token on its page. In Korean the app's own words, "다음(&N) >", not Qt's
    "다음 (N) >"."""
    from PySide6.QtWidgets import QWizard

    from ui.setup_wizard import RelayPage, SetupWizard

    if language == "ko":
        request.getfixturevalue("korean")
    wizard = SetupWizard(ctx=ctx)
    qtbot.addWidget(wizard)
    Wizard = QWizard.WizardButton
    texts = [
        wizard.button(which).text()
        for which in (Wizard.BackButton, Wizard.NextButton, Wizard.FinishButton, Wizard.CancelButton)
    ]
    if language == "ko":
        assert texts == ["< 뒤로(&B)", "다음(&N) >", "완료(&F)", "나중에 설정(&L)"]
    own = {mnemonic(text) for text in texts}
    assert own == {"B", "N", "F", "L"}
    for page_id in wizard.pageIds():
        letters = lettered_once(wizard.page(page_id))
        assert letters and not set(letters) & own, letters
    wizard.show()
    press_alt(qtbot, wizard, "N")
    qtbot.waitUntil(lambda: wizard.currentId() == wizard.pageIds()[1], timeout=3000)
    press_alt(qtbot, wizard, "T")
    page = wizard.currentPage()
    assert isinstance(page, RelayPage) and page.token.hasFocus()


@pytest.mark.usefixtures("korean")
def test_korean_catalogue_bot_and_order_write_the_letter_after_the_words(
    window: Any, qtbot: Any, ctx: Any
) -> None:
    from PySide6.QtWidgets import QToolBar, QToolButton

    from ui.bot_editor import BotEditor
    from ui.setup_wizard import SetupWizard
    from ui.share_link_dialog import ShareLinkDialog

    catalogue, pool = open_catalogue(qtbot, ctx)
    bot = BotEditor(ctx, client_provider=lambda: None, report_client=lambda: None)
    share = ShareLinkDialog(ctx)
    wizard = SetupWizard(ctx=ctx)
    for widget in (bot, share, wizard):
        qtbot.addWidget(widget)
    for part in (catalogue, share, *[wizard.page(i) for i in wizard.pageIds()]):
        for texts in lettered_once(part, without=ESC_BUTTONS).values():
            for text in texts:
                assert re.search(r"\(&[A-Z]\)", text), text
    # The toolbar's Hide, Delete… keep their letters for the item's menu: on the button, no "(H)" is left.
    toolbar = catalogue.findChild(QToolBar)
    on_toolbar = [button.text() for button in toolbar.findChildren(QToolButton) if button.text()]
    assert "숨기기" in on_toolbar and not [text for text in on_toolbar if re.search(r"\([A-Z]\)", text)]
    for i in range(bot.tabs.count()):
        assert re.search(r"\(&[A-Z]\)", bot.tabs.tabText(i)), bot.tabs.tabText(i)
    for texts in alt_letters(bot).values():
        for text in texts:
            assert re.search(r"\(&[A-Z]\)", text), text
    catalogue.close()
    pool.waitForDone(5000)


def new_label_prompts_and_keyring_buttons(window: Any, qtbot: Any, ctx: Any, dialogs: Any) -> list[str]:
    """The New label box's field (a chat's menu's, the labels manager's), the Rename label box's, the
    boxes' OK and Cancel and the keyring question's two buttons, as the owner reads them: each had
    no Alt letter."""
    from PySide6.QtWidgets import QMessageBox

    from app.errors import NoKeyring
    from ui.labels_manager import LabelsManager
    from ui.token_store import _file_wanted

    from_chat = dialogs.expect("getText", answer=None)
    window.chat_list.ask_new_label(1)
    manager = LabelsManager(ctx)
    qtbot.addWidget(manager)
    from_manager = dialogs.expect("getText", answer=None)
    manager.add()
    qtbot.waitUntil(lambda: manager.current() is not None, timeout=5000)
    renamed = dialogs.expect("getText", answer=None)
    manager.rename_current()
    asked = dialogs.expect("question", answer=QMessageBox.StandardButton.No)
    assert not _file_wanted(window, NoKeyring())
    (question,) = asked.shown
    found = re.search(r"\[(.*)\]", question.widget)
    assert found is not None, question.widget
    buttons = found.group(1).split(" | ")
    letters = [mnemonic(text) for text in buttons]
    assert None not in letters and len(set(letters)) == len(letters), buttons
    prompts = [from_chat.shown[0], from_manager.shown[0], renamed.shown[0]]
    # Each box's OK and Cancel have their letters too (Qt's "OK" and "Cancel" had none).
    assert len({shown.widget for shown in prompts}) == 1, prompts
    return [*(shown.text for shown in prompts), prompts[0].widget, *buttons]


def test_the_new_label_box_and_the_keyring_question_have_alt_letters(
    window: Any, qtbot: Any, ctx: Any, dialogs: Any
) -> None:
    texts = new_label_prompts_and_keyring_buttons(window, qtbot, ctx, dialogs)
    assert texts == [
        "&Name",
        "&Name",
        "&Name",
        "QInputDialog [&OK | &Cancel]",
        "&Keep it in the file",
        "&Cancel",
    ]


@pytest.mark.usefixtures("korean")
def test_korean_new_label_box_and_keyring_question_write_the_letter_after_the_words(
    window: Any, qtbot: Any, ctx: Any, dialogs: Any
) -> None:
    texts = new_label_prompts_and_keyring_buttons(window, qtbot, ctx, dialogs)
    assert texts == [
        "이름(&N)",
        "이름(&N)",
        "이름(&N)",
        "QInputDialog [확인(&O) | 취소(&C)]",
        "설정 파일에 보관(&K)",
        "취소(&C)",
    ]


# ---------------------------------------------------------------- the shared questions

SHARED_QUESTIONS = Path(__file__).resolve().parents[2] / "ui"


def _asked_buttons(shown: Any) -> list[str]:
    """The buttons of a message box the dialog guard answered: "QMessageBox [삭제(&D) | 취소(&C)] …"."""
    found = re.search(r"\[(.*)\]", shown.widget)
    assert found is not None, shown.widget
    return found.group(1).split(" | ")


def _each_its_own_letter(texts: list[str], *, korean: bool) -> None:
    letters = [mnemonic(text) for text in texts]
    assert None not in letters and len(set(letters)) == len(letters), texts
    if korean:
        assert all(re.search(r"\(&[A-Z]\)", text) for text in texts), texts


@pytest.mark.parametrize("language", ["en", "ko"])
def test_every_button_of_the_shared_questions_has_its_own_alt_letter(
    qtbot: Any, dialogs: Any, request: Any, language: str
) -> None:
    """Each of Qt's buttons a message box of ours can show (ui/message_box.py), the Save / Discard /
    Cancel of unsaved edits (ui/unsaved_edits.py) and confirm()'s Cancel (ui/confirm.py): Alt+C
    cancels a "Delete label?" as Alt+D deletes; Qt's own gave "OK", "Cancel", "Save" no letter."""
    from PySide6.QtWidgets import QMessageBox

    from ui import message_box
    from ui.confirm import confirm
    from ui.unsaved_edits import ask_about_edits

    korean = language == "ko"
    if korean:
        request.getfixturevalue("korean")
    Button = QMessageBox.StandardButton
    every = Button.NoButton
    for button in Button:
        if button not in (Button.NoButton, Button.FlagMask, Button.ButtonMask, Button.Default, Button.Escape):
            every |= button
    for icon in (QMessageBox.Icon.Information, QMessageBox.Icon.Warning, QMessageBox.Icon.Question):
        box = message_box.plain_box(icon, None, "Title", "Text", every)
        # Yes and No too: 예(&Y) and 아니요(&N) whether or not Qt's own Korean is installed.
        for shown_button in box.buttons():
            assert mnemonic(shown_button.text()) is not None, shown_button.text()
            if korean:
                assert re.search(r"\(&[A-Z]\)", shown_button.text()), shown_button.text()
    parent = QWidget()
    qtbot.addWidget(parent)
    asked = []
    for kind, helper in (
        ("information", message_box.information),
        ("warning", message_box.warning),
        ("critical", message_box.critical),
        ("question", message_box.question),
    ):
        asked.append(dialogs.expect(kind, answer=Button.Cancel))
        helper(None, "Title", "Text", Button.Save | Button.Discard | Button.Cancel)
        asked.append(dialogs.expect(kind, answer=Button.Ok))
        helper(None, "Title", "Text")
    asked.append(dialogs.expect("question", answer=Button.Cancel))
    ask_about_edits(parent, "Save?")
    asked.append(dialogs.expect("question", answer=Button.Cancel))
    ask_about_edits(parent, "Save?", save_text="Save dra&ft", discard_text="E&xport without saving")
    asked.append(dialogs.expect("question", answer=Button.No))
    assert not confirm(None, "Delete label", "Delete this label?", "&Delete")
    *ours, edits_in_own_words, deleting = asked
    for expected in ours:
        (shown,) = expected.shown
        _each_its_own_letter(_asked_buttons(shown), korean=korean)
    _each_its_own_letter(_asked_buttons(edits_in_own_words.shown[0]), korean=False)
    assert _asked_buttons(deleting.shown[0]) == ["&Delete", "취소(&C)" if korean else "&Cancel"]


def _confirm_words(call: ast.Call) -> list[tuple[str, ast.expr]]:
    """A confirm() call's verb and keep, as written at the call."""
    words = [("verb", call.args[3])] if len(call.args) > 3 else []
    return words + [(kw.arg, kw.value) for kw in call.keywords if kw.arg in ("verb", "keep")]


def _translated_literals(node: ast.AST, assigned: dict[str, list[ast.expr]]) -> list[str]:
    """The texts a verb can be: the literals of its tr()/translate() calls, followed through a name
    assigned in the same function ("verb = translate(...)")."""
    if isinstance(node, ast.Name):
        return [text for value in assigned.get(node.id, []) for text in _translated_literals(value, assigned)]
    texts = []
    for call in ast.walk(node):
        if isinstance(call, ast.Call) and getattr(call.func, "attr", getattr(call.func, "id", "")) in (
            "tr",
            "translate",
        ):
            literal = call.args[-1] if call.args else None
            if isinstance(literal, ast.Constant) and isinstance(literal.value, str):
                texts.append(literal.value)
    return texts


def test_every_confirm_question_in_the_app_gives_its_buttons_their_own_letters() -> None:
    """Each confirm() the app asks, found in its source: its verb (and its keep, beside Cancel's C)
    has an Alt letter of its own, in English and in the Korean translation. A new question written
    without one fails here, asked by a test or not."""
    from ui.translations import translations_dir

    korean = {
        (context.findtext("name"), message.findtext("source")): message.findtext("translation")
        for context in ElementTree.parse(translations_dir() / "shop_inbox_ko.ts").getroot().iter("context")
        for message in context.iter("message")
    }
    sources = {translation_source for _context, translation_source in korean}
    missing: list[str] = []
    checked = 0
    for path in sorted(SHARED_QUESTIONS.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for function in ast.walk(tree):
            if not isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef)):
                continue
            assigned: dict[str, list[ast.expr]] = {}
            for node in ast.walk(function):
                if (
                    isinstance(node, ast.Assign)
                    and len(node.targets) == 1
                    and isinstance(node.targets[0], ast.Name)
                ):
                    assigned.setdefault(node.targets[0].id, []).append(node.value)
            for call in ast.walk(function):
                if not (isinstance(call, ast.Call) and getattr(call.func, "id", None) == "confirm"):
                    continue
                letters: dict[str, set[str | None]] = {}
                for role, node in _confirm_words(call):
                    for text in _translated_literals(node, assigned):
                        checked += 1
                        where = f"{path.name}:{call.lineno} {role} {text!r}"
                        letters.setdefault(role, set()).add(mnemonic(text))
                        if mnemonic(text) is None or text not in sources:
                            missing.append(where)
                            continue
                        translated = [t for (_c, src), t in korean.items() if src == text]
                        if not all(t and re.search(r"\(&[A-Z]\)", t) for t in translated):
                            missing.append(f"{where} in Korean {translated}")
                if "C" in letters.get("verb", set()) and "keep" not in letters:
                    missing.append(f"{path.name}:{call.lineno}: its verb's C is Cancel's")
    assert checked > 30
    assert missing == []


def test_every_text_question_asks_through_the_prompt_whose_buttons_have_letters() -> None:
    """QInputDialog.getText gives OK and Cancel no Alt letter: every one-line question of the app
    asks through ui/text_prompt.py, whose buttons have theirs (found in the source, so a new one
    asked the other way fails here)."""
    found = [
        f"{path.name}:{number}"
        for path in sorted(SHARED_QUESTIONS.rglob("*.py"))
        if path.name != "text_prompt.py"
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if "QInputDialog.getText(" in line or "QInputDialog.getMultiLineText(" in line
    ]
    assert found == []


@pytest.mark.parametrize("language", ["en", "ko"])
def test_a_new_collections_name_box_has_its_letters(
    qtbot: Any, ctx: Any, dialogs: Any, request: Any, language: str
) -> None:
    """Catalogue ▸ New collection: Alt+N the name, Alt+O adds it, Alt+C cancels."""
    from ui.catalog_window import CatalogWindow

    if language == "ko":
        request.getfixturevalue("korean")
    catalogue = CatalogWindow(ctx)
    qtbot.addWidget(catalogue)
    asked = dialogs.expect("getText", answer=None)
    catalogue.collection_actions.create()
    (shown,) = asked.shown
    if language == "ko":
        assert (shown.text, shown.widget) == ("컬렉션 이름(&N):", "QInputDialog [확인(&O) | 취소(&C)]")
    else:
        assert (shown.text, shown.widget) == ("&Name of the collection:", "QInputDialog [&OK | &Cancel]")


def test_ctrl_s_saves_the_order_settings_from_a_messages_text(window: Any, qtbot: Any) -> None:
    """In a step's message, Enter starts a new line: Save had no key there, now Ctrl+S, as in the
    greeting's editor."""
    from PySide6.QtCore import Qt

    from app.order_settings import load_order_settings
    from ui.order_settings_dialog import OrderSettingsDialog

    dialog = OrderSettingsDialog(window.ctx, window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(dialog.save_button.isEnabled, timeout=5000)
    dialog.pages.setCurrentIndex(1)
    text = next(iter(dialog.messages.values()))
    text.setFocus()
    qtbot.keyClicks(text, "Z9")
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        qtbot.keyClick(text, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    with window.ctx.db.read() as s:
        assert any("Z9" in message for message in load_order_settings(s).messages.values())
