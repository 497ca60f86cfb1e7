"""Alt+letter in the automation editors (greeting, away message, business hours) and the campaigns
window: each field, check box and button once per window, in English and in Korean (저장(&S) style);
on a Mac the Korean words come without the brackets."""

from __future__ import annotations

import re
from typing import Any

import pytest
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QTabWidget, QWidget

from tests.ui.test_dialog_mnemonics import ESC_BUTTONS, alt_letters, lettered_once, press_alt
from tests.ui.test_menu_mnemonics import mnemonic

# One "Add hours" per weekday, "×" per range and "Join them" under a day whose hours overlap: rows of
# the same button, reached with Tab (and Ctrl+N in a day's row), not a letter.
ROW_BUTTONS = ESC_BUTTONS | {"Add hours", "시간 추가", "×", "Join them", "합치기"}


def opened(qtbot: Any, editor: Any) -> Any:
    qtbot.addWidget(editor)
    editor.show()
    qtbot.waitUntil(lambda: editor.loaded, timeout=5000)  # the form takes keys once the rules are in
    return editor


def greeting(qtbot: Any, ctx: Any) -> Any:
    from ui.greeting_editor import GreetingEditor

    return opened(qtbot, GreetingEditor(ctx, client_provider=lambda: None))


def away(qtbot: Any, ctx: Any) -> Any:
    from ui.away_editor import AwayEditor

    return opened(qtbot, AwayEditor(ctx, client_provider=lambda: None))


def hours(qtbot: Any, ctx: Any) -> Any:
    from ui.business_hours_editor import BusinessHoursEditor

    return opened(qtbot, BusinessHoursEditor(ctx, client_provider=lambda: None))


# The relay banner's buttons, in every automation editor: Alt+S sends a waiting change, K and U choose.
BANNER = {"S", "K", "U"}


def test_the_greetings_fields_and_buttons_each_have_their_own_alt_letter(qtbot: Any, ctx: Any) -> None:
    """Alt+G switches the greeting on, Alt+M writes it, Alt+C puts in the customer's name, Alt+T the
    recipients' choice; the relay banner's Send now, Keep mine and Use the other version have theirs."""
    editor = greeting(qtbot, ctx)
    letters = lettered_once(editor, without=ROW_BUTTONS)
    assert BANNER | {"G", "M", "L", "C", "F", "P", "O", "A", "W", "T", "D", "R"} <= set(letters)
    on = editor.enabled.isChecked()
    press_alt(qtbot, editor, "G")
    qtbot.waitUntil(lambda: editor.enabled.isChecked() is not on, timeout=3000)
    press_alt(qtbot, editor, "M")
    assert editor.text.hasFocus()
    editor.text.setPlainText("Hello ")
    editor.text.moveCursor(editor.text.textCursor().MoveOperation.End)
    press_alt(qtbot, editor, "C")
    qtbot.waitUntil(lambda: editor.text.toPlainText().startswith("Hello {"), timeout=3000)  # pressed
    assert editor.text.hasFocus()
    press_alt(qtbot, editor, "T")
    assert editor.recipients.mode.hasFocus()
    press_alt(qtbot, editor, "A")
    assert editor.silence.hasFocus()


def test_the_away_messages_schedule_choices_have_their_own_alt_letters(qtbot: Any, ctx: Any) -> None:
    """Alt+A always, Alt+H a weekly schedule of its own, Alt+B outside business hours."""
    editor = away(qtbot, ctx)
    letters = lettered_once(editor, without=ROW_BUTTONS)
    assert BANNER | {"W", "M", "L", "C", "F", "P", "O", "A", "H", "B", "T", "D", "R"} <= set(letters)
    press_alt(qtbot, editor, "H")
    qtbot.waitUntil(lambda: editor.custom.isVisible(), timeout=3000)
    press_alt(qtbot, editor, "B")
    qtbot.waitUntil(lambda: not editor.custom.isVisible(), timeout=3000)
    assert editor.schedule.checkedButton().text() == "Outside &business hours"


def test_the_business_hours_time_zone_and_closed_days_have_their_own_alt_letters(
    qtbot: Any, ctx: Any, dialogs: Any
) -> None:
    """Alt+Z the time zone; Alt+A adds closed days, in a dialog whose dates have theirs (F, L, N)."""
    from ui.closed_days import ClosedDaysDialog

    editor = hours(qtbot, ctx)
    letters = lettered_once(editor, without=ROW_BUTTONS)
    assert BANNER | {"Z", "A", "C", "R", "P"} <= set(letters)
    press_alt(qtbot, editor, "Z")
    assert editor.timezone.hasFocus()
    dialog = ClosedDaysDialog(parent=editor)
    qtbot.addWidget(dialog)
    assert set(lettered_once(dialog)) == {"F", "L", "N"}


def test_each_days_add_hours_is_reached_with_tab_after_its_hours_and_ctrl_n_adds_hours_there(
    qtbot: Any, ctx: Any
) -> None:
    """Seven "Add hours" cannot each have a letter. Tab goes through a day as it reads (its dropdown,
    its hours, Add hours, then the next day): hours loaded or added after the window was built came
    after Save. Add hours puts the focus in the new opening time; Ctrl+N there adds hours to the day
    the focus is in, opening a closed day."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from app.wire import DayHours, TimeRange

    editor = hours(qtbot, ctx)
    week = editor.week
    monday, tuesday, wednesday = week.days[:3]
    week.set_value(
        [DayHours(mode="open", ranges=[TimeRange(start="10:00", end="19:00")])]
        + [DayHours(mode="closed")] * 6
    )
    editor.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is editor, timeout=3000)

    def tab_through(start: Any, stop: Any) -> list[Any]:
        start.setFocus()
        passed: list[Any] = []
        while (focused := QApplication.focusWidget()) is not stop and len(passed) < 30:
            passed.append(focused)
            qtbot.keyClick(focused, Qt.Key.Key_Tab)
        return passed

    def day_order(day: Any) -> list[Any]:
        order = [day.mode]
        for row in day.rows:
            order += [row.start, row.end, row.remove_button]
        return [*order, day.add_range_button]

    def reached(passed: list[Any], day: Any) -> list[Any]:
        """The day's controls in the order Tab reached them (a time's field stands for its box)."""
        wanted = day_order(day)
        return [
            w for w in dict.fromkeys(p if p in wanted else p.parentWidget() for p in passed) if w in wanted
        ]

    passed = tab_through(monday.mode, tuesday.mode)
    assert reached(passed, monday) == day_order(monday)

    qtbot.keyClick(monday.add_range_button, Qt.Key.Key_Space)  # pressed from the keyboard
    assert len(monday.rows) == 2
    assert monday.rows[1].start.hasFocus()
    passed = tab_through(monday.mode, tuesday.mode)
    assert reached(passed, monday) == day_order(monday)

    wednesday.mode.setFocus()
    qtbot.keyClick(wednesday.mode, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert wednesday.value() == monday.value()  # opened with the hours of the open day before it
    assert wednesday.rows[0].start.hasFocus()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert len(wednesday.rows) == 3 and wednesday.rows[2].start.hasFocus()
    assert len(monday.rows) == 2  # only the day the focus is in
    assert "Ctrl+N" in monday.add_range_button.toolTip()

    # × pressed from the keyboard: the focus goes on to the range in its place, or Add hours, not to
    # the next day or Save.
    wednesday.rows[1].remove_button.setFocus()
    qtbot.keyClick(wednesday.rows[1].remove_button, Qt.Key.Key_Space)
    assert len(wednesday.rows) == 2 and wednesday.rows[1].start.hasFocus()
    wednesday.rows[1].remove_button.setFocus()
    qtbot.keyClick(wednesday.rows[1].remove_button, Qt.Key.Key_Space)
    assert len(wednesday.rows) == 1 and wednesday.add_range_button.hasFocus()

    # Ctrl+minus where the keyboard is in a range's times: that range goes, as with its ×, and only
    # that one (the time field's own Ctrl+Delete is left to it).
    assert "Ctrl+-" in monday.rows[0].remove_button.toolTip()
    first_hours = monday.rows[0].value()
    monday.rows[1].end.setFocus()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert [row.value() for row in monday.rows] == [first_hours]
    assert len(wednesday.rows) == 1


def test_the_banners_buttons_stay_apart_from_the_editors_own_letters(qtbot: Any, ctx: Any) -> None:
    """Shown while a change waits for the relay or clashes with another computer's, in every editor."""
    from ui.bot_editor import BotEditor
    from ui.business_profile_editor import BusinessProfileEditor

    profile = opened(qtbot, BusinessProfileEditor(ctx, client_provider=lambda: None))
    # The menu bot's every tab: a hidden tab's letters do nothing, but the banner is above them all.
    bot = opened(qtbot, BotEditor(ctx, client_provider=lambda: None, report_client=lambda: None))
    for editor in (greeting(qtbot, ctx), away(qtbot, ctx), hours(qtbot, ctx), profile, bot):
        banner = {mnemonic(b.text()) for b in editor.banner.findChildren(QAbstractButton)}
        assert banner == BANNER
        own = {
            letter
            for letter, texts in alt_letters(editor).items()
            for text in texts
            if not any(b.text() == text for b in editor.banner.findChildren(QAbstractButton))
        }
        assert not own & BANNER, (type(editor).__name__, own & BANNER)


# ---------------------------------------------------------------- campaigns


def campaigns(qtbot: Any, ctx: Any) -> Any:
    from ui.campaign_window import CampaignWindow

    window = CampaignWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(window.editor.is_loaded, timeout=5000)
    return window


def common_letters(window: Any) -> dict[str, list[str]]:
    """The letters of the list's side (New campaign, Delete draft), beside the editor or the report."""
    left = window.list.parentWidget()
    return alt_letters(left)


def tabbed_letters(part: QWidget, tabs: QTabWidget) -> dict[str, list[str]]:
    """The Alt letters of `part`, whose `tabs` show one page at a time (a hidden page's letters do
    nothing): the tabs' own and those around them once each, and each page's apart from them."""
    pages = [page for i in range(tabs.count()) if (page := tabs.widget(i)) is not None]
    tab_letters = [mnemonic(tabs.tabText(i)) for i in range(tabs.count())]
    assert None not in tab_letters, [tabs.tabText(i) for i in range(tabs.count())]
    letters: dict[str, list[str]] = {}
    for i, letter in enumerate(tab_letters):
        assert letter is not None
        letters.setdefault(letter, []).append(tabs.tabText(i))
    page_texts = {text for page in pages for texts in alt_letters(page).values() for text in texts}
    for letter, texts in alt_letters(part).items():
        for text in texts:
            if text not in page_texts:
                letters.setdefault(letter, []).append(text)
    assert {letter: texts for letter, texts in letters.items() if len(texts) > 1} == {}
    around = set(letters)
    for page in pages:
        own = lettered_once(page)
        assert not set(own) & around, (own, letters)
        for letter, texts in own.items():
            letters.setdefault(letter, []).extend(texts)
    return letters


def two_numbers(window: Any) -> None:
    """The shop's second number came: the editor offers Send from (its row hidden with one number)."""
    from app.business_numbers import NumberChoice

    editor = window.editor
    editor.send_from.fill_numbers([NumberChoice("1001", "8225550101"), NumberChoice("1002", "8225550202")])
    editor._name_row.setRowVisible(editor.send_from, True)


def test_the_campaign_editors_fields_and_buttons_each_have_their_own_alt_letter(qtbot: Any, ctx: Any) -> None:
    """Alt+A the name, Alt+O Send from (a shop with two numbers), Alt+M the template, Alt+P the pace,
    Alt+W Send now, Alt+Y who wrote lately, Alt+S sends; the list's New campaign (N) and Delete draft
    (L) beside them, D and E left to a kept campaign's Discard and Restore. The report shown instead
    has its own (Pause, Resume…)."""
    window = campaigns(qtbot, ctx)
    two_numbers(window)
    common = common_letters(window)
    assert set(common) == {"N", "L"}
    editor = tabbed_letters(window.editor, window.editor.audience_box.lists)
    assert not set(editor) & set(common), editor
    assert {
        "A",
        "C",
        "W",
        "B",
        "R",
        "X",
        "U",
        "V",
        "K",
        "M",
        "H",
        "G",
        "O",
        "T",
        "P",
        "I",
        "F",
        "S",
        "Y",
    } <= set(editor)
    report = lettered_once(window.report)
    assert not set(report) & set(common), report
    assert {"H", "P", "R", "C", "O", "X"} <= set(report)
    press_alt(qtbot, window, "A")
    assert window.editor.name.hasFocus()
    press_alt(qtbot, window, "M")
    assert window.editor.message.template.hasFocus()
    press_alt(qtbot, window, "T")
    qtbot.waitUntil(window.editor.schedule.at.isChecked, timeout=3000)
    assert window.editor.send_button.text() == "&Schedule…"  # still Alt+S
    press_alt(qtbot, window, "P")
    assert window.editor.schedule.pace.hasFocus()
    press_alt(qtbot, window, "I")
    assert window.editor.preview_for.hasFocus()
    lists = window.editor.audience_box.lists
    press_alt(qtbot, window, "X")  # the customers excluded, and why
    assert lists.currentIndex() == 1
    press_alt(qtbot, window, "R")
    assert lists.currentIndex() == 0
    press_alt(qtbot, window, "U")
    assert window.editor.audience_box.all_labels.hasFocus()
    press_alt(qtbot, window, "O")
    assert window.editor.send_from.choice.hasFocus()
    press_alt(qtbot, window, "W")
    qtbot.waitUntil(window.editor.schedule.now.isChecked, timeout=3000)
    press_alt(qtbot, window, "Y")
    assert window.editor.audience_box.wrote.hasFocus()


# ---------------------------------------------------------------- Korean, and Korean on a Mac


def bracketed(window: QWidget) -> list[str]:
    return [text for texts in alt_letters(window).values() for text in texts]


@pytest.mark.usefixtures("korean")
def test_korean_editors_and_campaigns_write_the_letter_after_the_words(qtbot: Any, ctx: Any) -> None:
    window = campaigns(qtbot, ctx)
    two_numbers(window)
    parts = [greeting(qtbot, ctx), away(qtbot, ctx), hours(qtbot, ctx), window.editor, window.report]
    lists = window.editor.audience_box.lists
    for part in parts:
        if part is window.editor:
            tabbed_letters(part, lists)
        else:
            lettered_once(part, without=ROW_BUTTONS)
        for text in bracketed(part):
            assert re.search(r"\(&[A-Z]\)", text), text
    assert lists.tabText(0).startswith("받는 사람(&R) (") and lists.tabText(1).startswith("제외됨(&X) (")
    assert window.editor.send_button.text() == "보내기(&S)…"


def test_korean_on_a_mac_shows_the_editors_words_without_brackets(qtbot: Any, ctx: Any) -> None:
    """macOS has no Alt letters: "내 버전 유지(&K)" would read "내 버전 유지(K)" there."""
    from PySide6.QtCore import QCoreApplication

    from ui.resources import translations_dir
    from ui.translations import WithoutAltLetters

    translator = WithoutAltLetters()
    assert translator.load(str(translations_dir() / "shop_inbox_ko.qm"))
    QCoreApplication.installTranslator(translator)
    try:
        window = campaigns(qtbot, ctx)
        for part in (greeting(qtbot, ctx), hours(qtbot, ctx), window):
            texts = [
                w.text()
                for w in part.findChildren(QWidget)
                if isinstance(w, (QAbstractButton, QLabel)) and w.text()
            ]
            assert not [text for text in texts if re.search(r"\(&?[A-Z]\)", text)]
        editor = greeting(qtbot, ctx)
        assert editor.banner.keep_button.text() == "내 버전 유지"
        assert window.editor.save_button.text() == "임시 저장"
    finally:
        QCoreApplication.removeTranslator(translator)
        QApplication.processEvents()
