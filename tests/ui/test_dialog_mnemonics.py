"""Alt+letter reaches the fields and buttons of the main dialogs, as in any Windows program: each
letter once per window, in English and in Korean (설정(&S) style)."""

from __future__ import annotations

import re
from typing import Any

import pytest
from PySide6.QtWidgets import QAbstractButton, QCheckBox, QDialogButtonBox, QLabel, QPushButton, QWidget

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
    """Every Alt letter of the dialog's labels (that have a field) and buttons, with their texts."""
    letters: dict[str, list[str]] = {}
    for widget in dialog.findChildren(QWidget):
        if (isinstance(widget, QLabel) and widget.buddy() is not None) or (
            isinstance(widget, QAbstractButton) and not standard_button(widget)
        ):
            text = widget.text()
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
        return all(len(texts) == 1 for texts in letters.values()) and {"C", "R", "P", "N"} <= set(letters)

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
