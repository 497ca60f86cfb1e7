"""Alt letters in what the menus' walk does not open: the campaigns' kept-draft strip, the catalogue
picker, the public holidays list and the bulk order notice. Every button, box and typed-in field has a
letter no other part of its window has, in English, US English and Korean (보내기(&S))."""

from __future__ import annotations

import re
from collections.abc import Set
from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QWidget

from app.campaign_drafts import keep_campaign_draft
from app.campaign_store import CampaignDraft
from app.order_notices import BulkMove
from app.public_holidays import HolidayPeriod
from tests.support.keyboard_reach import keyboard_problems, lettered_parts, mnemonic, without_alt_letter
from tests.ui.test_dialog_mnemonics import press_alt
from tests.ui.test_order_notices_name_the_number import paid_orders
from ui.ops import pending_ops


@pytest.fixture(params=["en", "en_US", "ko"])
def language(request: Any, qapp: QApplication) -> str:
    """Installed before the window is made, so the window is in it from the start."""
    if request.param == "ko":
        request.getfixturevalue("korean")
    elif request.param == "en_US":
        from ui.translations import install_translators

        install_translators(qapp, "en", "US")
    return str(request.param)


def letter_problems(window: QWidget, language: str, known: Set[str] = frozenset()) -> list[str]:
    """What a keyboard owner misses in `window`, with what shows only at times: a part with no Alt
    letter (but the `known` ones), a letter two parts share; in Korean, a letter not written after
    the words as "(&S)"."""
    problems = keyboard_problems(window, known=known, hidden_too=True)
    unlettered = without_alt_letter(window, hidden_too=True)
    problems += [f"no Alt letter on {text!r}" for text in unlettered if text not in known]
    if language == "ko":
        parts, _unreached = lettered_parts(window, hidden_too=True)
        problems += [
            f"{p.text!r} is not written as 보내기(&S)"
            for p in parts
            if not re.search(r"\(&[A-Z0-9]\)", p.text)
        ]
    return problems


def test_the_campaigns_kept_draft_strip_takes_letters_the_window_left_free(
    language: str, ctx: Any, qtbot: Any
) -> None:
    """Restore and Discard had no letter: every one of their words' was the campaign form's. The
    form's Pace, Delete draft and Left out (now Excluded) moved to letters of their own words, and
    Leave out… for those waiting for a person took Q, so Alt+E restores the kept campaign."""
    from ui.campaign_window import CampaignWindow

    keep_campaign_draft(ctx.db, None, CampaignDraft(name="Winter sale"))
    window = CampaignWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(
        lambda: window.kept_strip is not None and window.kept_strip.isVisibleTo(window), timeout=5000
    )
    qtbot.waitUntil(lambda: pending_ops() == 0, timeout=10_000)
    strip = window.kept_strip
    assert strip is not None
    assert letter_problems(window, language) == []
    assert (mnemonic(strip.restore_button.text()), mnemonic(strip.discard_button.text())) == ("E", "D")

    press_alt(qtbot, window, "E")
    qtbot.waitUntil(lambda: window.editor.name.text() == "Winter sale", timeout=5000)
    assert not strip.isVisibleTo(window)
    qtbot.waitUntil(lambda: pending_ops() == 0, timeout=10_000)


def test_the_catalogue_pickers_buttons_have_their_own_letters(language: str, ctx: Any, qtbot: Any) -> None:
    """Send, Open catalogue and Add to restock waitlist had none."""
    from ui.catalog_picker import CatalogPicker

    picker = CatalogPicker(ctx, None)
    qtbot.addWidget(picker)
    picker.show()
    qtbot.waitUntil(lambda: pending_ops() == 0, timeout=10_000)
    assert letter_problems(picker, language) == []
    assert mnemonic(picker.send.text()) == "S" and mnemonic(picker.open_catalogue_button.text()) == "O"


def test_add_ticked_days_has_its_letter(language: str, qtbot: Any) -> None:
    """The public holidays' list: its button (체크한 날 추가) renamed from Qt's OK had lost OK's Enter-only
    standing and had no letter."""
    from ui.closed_days import PublicHolidaysDialog

    periods = [HolidayPeriod(first=date(2027, 1, 1), last=date(2027, 1, 1), name="New Year's Day")]
    dialog = PublicHolidaysDialog(periods, [])
    qtbot.addWidget(dialog)
    dialog.show()
    assert letter_problems(dialog, language) == []


def test_the_bulk_notices_send_and_dont_send_have_their_letters(
    language: str, window: Any, qtbot: Any
) -> None:
    from ui.bulk_notice_dialog import BulkNoticeDialog

    dialog = BulkNoticeDialog(window.ctx, BulkMove.BANK_FILE, paid_orders(window, two_numbers=False), window)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.notice is not None and dialog.model.rowCount() == 2, timeout=5000)
    assert letter_problems(dialog, language) == []
    assert {mnemonic(dialog.send_button.text()), mnemonic(dialog.quiet_button.text())} == {"S", "D"}
    qtbot.waitUntil(lambda: pending_ops() == 0, timeout=10_000)


def test_the_order_windows_message_and_address_buttons_have_letters(
    language: str, window: Any, qtbot: Any
) -> None:
    """Send to customer (M), Don't send (T), Add phone number… (H), Copy my text (X) and Save address
    (V) had none. The memo's and the payment's Save are reached through their rows' labels: Alt+N
    and Alt+Y go to the field, Enter saves it (test below); Ask for payment moved to F and Cancel
    order to L to leave them N and Y."""
    from app.orders import OrderState
    from tests.ui.test_order_window_layout import new_order_open

    order_window = new_order_open(window, qtbot)
    assert letter_problems(order_window, language, known=by_their_fields(order_window)) == []
    moves = order_window.move_row

    def shown() -> set[str | None]:
        """The move bar's letters (its new buttons show on the event loop's next turn)."""
        return {mnemonic(b.text()) for b in moves.findChildren(QPushButton) if b.isVisibleTo(moves)}

    qtbot.waitUntil(lambda: {"F", "L"} <= shown())  # Ask for payment, Cancel order
    assert not {"N", "Y"} & shown()
    order_window.move_to(OrderState.AWAITING_PAYMENT)  # its message waits to be sent
    message = order_window.message
    qtbot.waitUntil(lambda: message.send_button.isVisibleTo(order_window), timeout=5000)
    qtbot.waitUntil(lambda: pending_ops() == 0, timeout=10_000)
    assert letter_problems(order_window, language, known=by_their_fields(order_window)) == []
    assert (mnemonic(message.send_button.text()), mnemonic(message.skip_button.text())) == ("M", "T")


def by_their_fields(order_window: Any) -> set[str]:
    """The memo's and the payment's Save, whose rows' labels reach the field Enter saves."""
    rows = (order_window.memo_row, order_window.payment_row)
    for row, field in (
        (order_window.memo_row, order_window.memo),
        (order_window.payment_row, order_window.depositor),
    ):
        label = next(label for label in row.findChildren(QLabel) if label.buddy() is field)
        assert mnemonic(label.text()) is not None, label.text()
    return {row.save_button.text() for row in rows}


def test_alt_n_and_alt_y_reach_the_memo_and_the_payment_and_enter_saves_them(
    language: str, window: Any, qtbot: Any
) -> None:
    from tests.ui.test_order_window_edits import stored
    from tests.ui.test_order_window_layout import new_order_open

    order_window = new_order_open(window, qtbot)
    qtbot.waitUntil(lambda: pending_ops() == 0, timeout=10_000)
    press_alt(qtbot, order_window, "N")
    assert order_window.memo.hasFocus()
    qtbot.keyClicks(order_window.memo, "Gift wrap")
    qtbot.keyClick(order_window.memo, Qt.Key.Key_Return)
    order_id = order_window.order_id
    qtbot.waitUntil(lambda: stored(window, order_id).memo == "Gift wrap", timeout=5000)
    press_alt(qtbot, order_window, "Y")
    assert order_window.depositor.hasFocus()
    qtbot.keyClicks(order_window.depositor, "Kim")
    qtbot.keyClick(order_window.depositor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: stored(window, order_id).depositor_name == "Kim", timeout=5000)
    qtbot.waitUntil(lambda: pending_ops() == 0, timeout=10_000)


def test_a_shipped_orders_tracking_save_is_alt_s(language: str, window: Any, qtbot: Any) -> None:
    """Shown once the order is shipped, when Mark shipped (Alt+S before) is gone: 저장(&S)."""
    from tests.ui.test_order_window_edits import open_order, shipped_order, stored

    order_id = shipped_order(window.ctx)
    order_window = open_order(window, qtbot, order_id)
    qtbot.waitUntil(lambda: pending_ops() == 0, timeout=10_000)
    save = order_window.save_tracking_button
    assert save.isVisible() and mnemonic(save.text()) == "S"
    assert letter_problems(order_window, language, known=by_their_fields(order_window)) == []
    order_window.tracking.setText("654321098766")
    press_alt(qtbot, order_window, "S")
    qtbot.waitUntil(lambda: stored(window, order_id).tracking == "654321098766", timeout=5000)
    qtbot.waitUntil(lambda: pending_ops() == 0, timeout=10_000)
