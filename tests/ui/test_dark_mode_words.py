"""Words coloured by what they say (a form's error, the law's warning, the relay check's ticks) stay
readable when the owner's Windows or macOS runs in dark mode, and in light mode as before."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtGui import QColor, QPalette

from app.wire import CheckReport
from tests.support.contrast import (
    DARK_WINDOWS,
    LIGHT_WINDOWS,
    READABLE,
    app_palette,
    contrast,
    system_palette,
    text_colour,
)
from ui import theme

WINDOWS = {
    **{f"{k} light": v for k, v in LIGHT_WINDOWS.items()},
    **{f"{k} dark": v for k, v in DARK_WINDOWS.items()},
}


@pytest.fixture(params=list(WINDOWS), ids=list(WINDOWS))
def system(request: Any) -> Any:
    """The application on the palette of one of the systems owners run, for the test."""
    palette = system_palette(WINDOWS[request.param])
    with app_palette(palette):
        yield palette


def window_colour(palette: QPalette) -> QColor:
    return palette.color(QPalette.ColorRole.Window)


def test_every_status_colour_reads_on_the_window_of_each_system(system: QPalette) -> None:
    for colour in (theme.problem_colour(), theme.fine_colour(), theme.muted_colour(), theme.warning_colour()):
        assert contrast(QColor(colour), window_colour(system)) >= READABLE, colour


def report(lines: list[dict[str, Any]]) -> CheckReport:
    return CheckReport.model_validate({"ok": False, "checked_at": "2026-12-04T16:00:00Z", "lines": lines})


def test_the_relay_checks_ticks_crosses_and_skipped_lines_read_in_dark_mode(
    qtbot: Any, system: QPalette
) -> None:
    from ui.relay_check_view import RelayCheckView

    view = RelayCheckView()
    qtbot.addWidget(view)
    view.show_report(
        report(
            [
                {"step": "relay_storage", "status": "pass"},
                {"step": "public_url", "status": "fail", "problem": "other_server", "params": {"url": "x"}},
                {"step": "webhook", "status": "skip"},
            ]
        )
    )
    background = window_colour(system)
    marks = {symbol.text(): contrast(text_colour(symbol), background) for symbol, _text in view.line_labels}
    assert set(marks) == {"✓", "✗", "–"}
    assert min(marks.values()) >= READABLE, marks
    skipped = view.line_labels[2][1]
    assert contrast(text_colour(skipped), background) >= READABLE
    assert contrast(text_colour(view.summary), background) >= READABLE  # "To fix before messages can arrive"

    view.show_report(report([{"step": "webhook", "status": "skip", "problem": "sandbox"}]))
    assert contrast(text_colour(view.summary), background) >= READABLE  # "This is the demo relay…"


def test_the_template_pickers_law_warning_reads_in_dark_mode(qtbot: Any, system: QPalette) -> None:
    from ui.template_picker import TemplatePicker

    picker = TemplatePicker([])
    qtbot.addWidget(picker)
    assert contrast(text_colour(picker.law), window_colour(system)) >= READABLE


def test_the_order_settings_problem_line_reads_in_dark_mode(
    window: Any, qtbot: Any, system: QPalette
) -> None:
    from ui.order_settings_dialog import OrderSettingsDialog

    dialog = OrderSettingsDialog(window.ctx, window)
    qtbot.addWidget(dialog)
    assert contrast(text_colour(dialog.problem), window_colour(system)) >= READABLE
    # "Amounts were set in won…": a caution, not an error, and as readable.
    assert contrast(text_colour(dialog.currency_note), window_colour(system)) >= READABLE


def test_a_file_that_was_not_saved_is_said_readably_in_dark_mode(qtbot: Any, system: QPalette) -> None:
    from ui.saved_file_note import SavedFileNote

    note = SavedFileNote()
    qtbot.addWidget(note)
    note.show_problem("The file was not saved: the disk is full.")
    assert contrast(text_colour(note.text), window_colour(system)) >= READABLE


def test_the_contact_panels_headings_read_after_a_switch_to_dark_and_back(window: Any, qtbot: Any) -> None:
    """The window was open before the switch, as at sunset on a Mac set to "Auto"."""
    from ui.panel_heading import PanelHeading

    headings = window.contact_panel.findChildren(PanelHeading)
    assert {h.text() for h in headings} >= {"Labels", "Notes"}

    def readable(palette: QPalette) -> bool:
        panel = palette.color(QPalette.ColorRole.Base)  # the panel is drawn on the base colour
        return all(contrast(text_colour(h), panel) >= READABLE for h in headings)

    for window_colour_name in [*DARK_WINDOWS.values(), *LIGHT_WINDOWS.values()]:
        palette = system_palette(window_colour_name)
        with app_palette(palette):
            qtbot.waitUntil(lambda palette=palette: readable(palette), timeout=2000)  # type: ignore[misc]
    assert readable(system_palette(LIGHT_WINDOWS["windows"]))


def _icon_colour(button: Any) -> QColor:
    """The colour of a tinted icon as the button draws it (its most opaque pixel)."""
    image = button.icon().pixmap(20, 20).toImage()
    pixels = (image.pixelColor(x, y) for x in range(image.width()) for y in range(image.height()))
    colour = max(pixels, key=lambda c: c.alpha())
    colour.setAlpha(255)
    return colour


def _background(widget: Any) -> QColor:
    image = widget.grab().toImage()
    return image.pixelColor(2, image.height() - 3)


def test_a_switch_to_dark_with_the_inbox_open_darkens_the_panes_and_keeps_words_and_icons_readable(
    window: Any, qtbot: Any
) -> None:
    """Windows' or macOS's switch to dark while the inbox is open: the chat list and the chat's
    header stayed light around a dark chat, and the header's icons, made black in the light theme,
    would have stayed black."""
    from PySide6.QtWidgets import QToolButton, QWidget

    window.show()
    qtbot.waitExposed(window)
    header = window.findChild(QWidget, "chatHeader")
    left = window.findChild(QWidget, "leftPane")
    buttons = [b for b in header.findChildren(QToolButton) if not b.icon().isNull()]
    assert buttons
    for name in ("windows", "macos"):
        with app_palette(system_palette(DARK_WINDOWS[name])):
            qtbot.waitUntil(
                lambda: _background(header).lightness() < 128 and _background(left).lightness() < 128
            )
            panel = _background(header)
            assert contrast(text_colour(window.chat.name), panel) >= READABLE
            for button in buttons:
                assert contrast(_icon_colour(button), panel) >= 3, button.toolTip()  # 3:1 for icons
        qtbot.waitUntil(lambda: _background(header).lightness() >= 128)
        panel = _background(header)
        assert all(contrast(_icon_colour(b), panel) >= 3 for b in buttons)


def test_the_jump_buttons_count_of_new_messages_reads_in_light_and_dark(
    window: Any, qtbot: Any, system: QPalette
) -> None:
    from PySide6.QtGui import QPalette as Palette

    button = window.chat.view.jump_button
    base = system.color(Palette.ColorRole.Base)  # the button is drawn on the base colour

    def count_colour() -> QColor:
        button.ensurePolished()
        return button.palette().color(Palette.ColorRole.ButtonText)

    qtbot.waitUntil(lambda: contrast(count_colour(), base) >= READABLE, timeout=2000)


def test_the_greeting_editors_preview_box_is_dark_on_a_dark_window_and_its_words_read(
    qtbot: Any, ctx: Any, system: QPalette
) -> None:
    """What a customer writing now would get: on a dark desktop no pale box glares out of the editor."""
    from app.wire import Automations
    from ui.reply_preview import ReplyPreview

    preview = ReplyPreview(ctx)
    qtbot.addWidget(preview)
    preview.show_for(Automations())
    preview.resize(400, preview.sizeHint().height())
    inside = preview.grab().toImage().pixelColor(8, 8)  # within the border, left of the words
    window = window_colour(system)
    assert (inside.lightness() < 128) == (window.lightness() < 128), inside.name()
    for label in (preview.title, preview.new_customer, preview.returning):
        assert contrast(text_colour(label), inside) >= READABLE


def test_a_link_reads_on_a_dark_desktop_whose_own_link_blue_is_too_dark(qtbot: Any) -> None:
    """GTK's dark theme hands Qt a link blue of #308CC6, 3.5:1 on its #323232 window: the wizard's
    and Settings' "How do I set up a relay?" and the campaign's price link were hard to read."""
    from ui.link_label import LinkLabel

    palette = system_palette("#323232")
    palette.setColor(QPalette.ColorRole.Link, QColor("#308CC6"))
    with app_palette(palette):
        link = LinkLabel("How do I set up a relay?", "#relay-help")
        qtbot.addWidget(link)
        link.setAutoFillBackground(True)
        link.resize(link.sizeHint())
        image = link.grab().toImage()
        window = QColor("#323232")
        words = max(
            contrast(image.pixelColor(x, y), window)
            for x in range(image.width())
            for y in range(image.height())
        )
        assert words >= READABLE
        assert 'href="#relay-help"' in link.text()  # still a link


@pytest.mark.parametrize("window", [*DARK_WINDOWS.values(), "#353535", "#3A3A3A", *LIGHT_WINDOWS.values()])
def test_a_chats_preview_line_and_an_orders_items_read_on_each_window_and_on_the_selected_row(
    window: str,
) -> None:
    """The grey second line (the last message, an order card's items, a search hit's date) read at
    4.2:1 on macOS's dark window and 3.9:1 on the selected chat: too faint for weak eyes; in light
    mode 4.1:1 on the selected chat."""
    palette = system_palette(window)
    c = theme.colours(palette)
    for ground in (QColor(window), c.list_selected, c.list_hover, c.bubble_in):
        assert contrast(c.secondary_text, ground) >= READABLE, (window, ground.name())
