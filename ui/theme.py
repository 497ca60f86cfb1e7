"""Colours and fonts of the inbox, derived from the system palette so light and dark both look right."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from PySide6.QtGui import QColor, QFont, QFontDatabase, QFontInfo, QPalette
from PySide6.QtWidgets import QApplication, QStyle, QStyleOptionComboBox

from app.text import han_language, has_hangul

log = logging.getLogger(__name__)

# Hangul needs a font that has it; the first one installed wins, Qt falls back along the list.
KOREAN_FONTS = ["Malgun Gothic", "Apple SD Gothic Neo", "NanumGothic", "Noto Sans CJK KR"]
# A Japanese or Chinese text is set in one font of its own: after the Korean fonts, its kana and
# the hanja a Korean font has came from one font and every other character from the next
# ("届", "号", "教" larger and bolder than the words around them).
JAPANESE_FONTS = ["Yu Gothic UI", "Meiryo UI", "Hiragino Sans", "Noto Sans CJK JP"]
CHINESE_FONTS = ["Microsoft YaHei UI", "PingFang SC", "Noto Sans CJK SC"]
# Colour emoji fonts of Windows, macOS and Linux (apt: fonts-noto-color-emoji), in that order.
EMOJI_FONTS = ["Segoe UI Emoji", "Apple Color Emoji", "Noto Color Emoji"]


def colour_emoji_family(installed: Iterable[str]) -> str | None:
    """The first of EMOJI_FONTS among the installed font families, or None."""
    present = {family.casefold() for family in installed}
    return next((family for family in EMOJI_FONTS if family.casefold() in present), None)


def install_emoji_font() -> str | None:
    """Make the system's colour emoji font Qt's emoji font; returns its family, None when there is none.

    Qt (6.9+) draws every emoji sequence with its emoji font, whatever font a widget asks for, so this
    reaches bubbles, chat-list previews, the picker, menus and line edits alike. Left to itself Qt takes
    the system's default, which on some Linux desktops is a monochrome one (Symbola, Noto Emoji).
    """
    family = colour_emoji_family(QFontDatabase.families())
    if family is None:
        log.warning("no colour emoji font installed (%s): emoji may show as boxes", ", ".join(EMOJI_FONTS))
        return None
    if family not in QFontDatabase.applicationEmojiFontFamilies():
        QFontDatabase.addApplicationEmojiFontFamily(family)
    return family


# One rule for every combo of every window (the Catalogue, Campaigns and Orders windows have no parent
# whose style sheet they could inherit): the list drops down below the box.
# Rows as tall as a menu's, so the list reads like the one it replaces (and no focus frame inside).
DROP_DOWN_COMBOS = (
    "QComboBox { combobox-popup: 0; } "
    "QComboBox QAbstractItemView { outline: 0; } "
    "QComboBox QAbstractItemView::item { min-height: 24px; padding: 0 6px; }"
)


def install_drop_down_combos(app: QApplication) -> bool:
    """Make combo boxes drop their list below the box; True when the style needed it.

    Fusion (Linux's default) opens a combo's list with the current choice over the box, so the list
    climbs over what sits above it (the search field over Search's period chooser). macOS's style does
    the same on purpose, as every Mac app does, so it is left as it is.
    """
    style = app.style()
    overlaps = bool(style.styleHint(QStyle.StyleHint.SH_ComboBox_Popup, QStyleOptionComboBox()))
    if not overlaps or style.name().casefold() == "macos" or DROP_DOWN_COMBOS in app.styleSheet():
        return False
    app.setStyleSheet(f"{app.styleSheet()}\n{DROP_DOWN_COMBOS}".strip())
    return True


def ui_font(point_delta: float = 0, *, bold: bool = False) -> QFont:
    """The application font with the Korean fallbacks appended."""
    font = QFont(QApplication.font())
    families = list(font.families()) or [font.family()]
    extra = [f for f in (*KOREAN_FONTS, *EMOJI_FONTS) if f not in families]
    font.setFamilies(families + extra)
    if point_delta:
        font.setPointSizeF(max(6.0, font.pointSizeF() + point_delta))
    font.setBold(bold)
    return font


def font_for_text(font: QFont, text: str) -> QFont:
    """`font` for `text`: a Japanese or Chinese text's own fonts right after the first family (the UI
    font, for its Latin letters and digits), before the Korean ones; a Korean text's `font` itself; any
    other text (English, say) in the UI font's own family first."""
    language = han_language(text)
    if language is None:
        return font if has_hangul(text) else own_family_first(font)
    ours = JAPANESE_FONTS if language == "ja" else CHINESE_FONTS
    families = list(font.families()) or [font.family()]
    chosen = QFont(font)
    chosen.setFamilies([*families[:1], *ours, *(f for f in families[1:] if f not in ours)])
    return chosen


def own_family_first(font: QFont) -> QFont:
    """`font` with the family its first one stands for put first. Linux's application font is "Sans
    Serif", fontconfig's alias and no family: listed before the Korean fonts, Qt passed it over and set
    an English customer's "It's £39." in NanumGothic, whose £, € and ¥ are as wide as a syllable."""
    families = list(font.families()) or [font.family()]
    own = _family_meant(families[0])
    if own is None or own in families:
        return font
    chosen = QFont(font)
    chosen.setFamilies([own, *families])
    return chosen


@cache
def _family_meant(family: str) -> str | None:
    """The installed family `family` resolves to, when that is another name (an alias's); else None."""
    resolved = QFontInfo(QFont(family)).family()
    return resolved if resolved and resolved != family else None


def is_dark(palette: QPalette | None = None) -> bool:
    palette = palette or QApplication.palette()
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def _luminance(colour: QColor) -> float:
    def linear(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * linear(colour.redF()) + 0.7152 * linear(colour.greenF()) + 0.0722 * linear(colour.blueF())


def contrast_ratio(a: QColor, b: QColor) -> float:
    """WCAG 2's contrast ratio of two opaque colours: 1 (the same) to 21 (black on white)."""
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


# The chat's link blue (WhatsApp's) on a light and a dark window.
LINK_COLOURS = ("#027EB5", "#53BDEB")
# Normal-size words need 4.5:1 against what is behind them (WCAG 2, level AA).
READABLE_TEXT = 4.5


def link_colour(palette: QPalette | None = None) -> QColor:
    """The palette's link colour when it reads on the window, else the chat's link blue (WhatsApp's,
    light or dark), made lighter or darker if even that does not. GTK's dark theme hands Qt a link
    blue of #308CC6: 3.5:1 on its #323232 window, a link the owner could hardly read."""
    palette = palette or QApplication.palette()
    window = palette.color(QPalette.ColorRole.Window)
    link = QColor(palette.color(QPalette.ColorRole.Link))
    if contrast_ratio(link, window) >= READABLE_TEXT:
        return link
    dark = is_dark(palette)
    link = QColor(LINK_COLOURS[dark])
    for _ in range(12):
        if contrast_ratio(link, window) >= READABLE_TEXT:
            break
        link = link.lighter(115) if dark else link.darker(115)
    return link


# Words coloured by what they say, each readable (about 4.5:1 or better) on the window of a light theme
# and of a dark one (Windows' #1E1E1E, macOS's #323232): the light theme's dark red or green drops to
# 2:1 on a dark window, where the owner can hardly read a form's error or the law's warning.
PROBLEM_COLOURS = ("#C62828", "#FF8A80")  # (light, dark): what went wrong or must be fixed
FINE_COLOURS = ("#18753A", "#81C995")  # what was checked and is right
MUTED_COLOURS = ("#6B6B6B", "#A8A8A8")  # what was not checked
# A warning: works, but not as the owner may think; or something did not go as asked (a move
# refused, a file not saved, a customer not told). The amber once used for the latter (#B26A00)
# read at 3:1 on macOS's windows, light and dark.
WARNING_COLOURS = ("#8A5300", "#FFB74D")


def problem_colour(palette: QPalette | None = None) -> str:
    """Red for a problem, readable on the window of the current (light or dark) palette."""
    return PROBLEM_COLOURS[is_dark(palette)]


def fine_colour(palette: QPalette | None = None) -> str:
    """Green for what is right, readable on the window of the current palette."""
    return FINE_COLOURS[is_dark(palette)]


def muted_colour(palette: QPalette | None = None) -> str:
    """Grey for what was left out, readable on the window of the current palette."""
    return MUTED_COLOURS[is_dark(palette)]


def warning_colour(palette: QPalette | None = None) -> str:
    """Brown-amber for a warning that is not a failure, readable on the window of the current palette."""
    return WARNING_COLOURS[is_dark(palette)]


@dataclass(frozen=True, slots=True)
class Colours:
    chat_background: QColor
    bubble_in: QColor
    bubble_out: QColor
    bubble_text: QColor
    meta_text: QColor
    tick_grey: QColor
    tick_blue: QColor
    failed: QColor
    accent: QColor
    badge: QColor
    badge_text: QColor
    separator_bg: QColor
    separator_text: QColor
    quote_bg: QColor
    link: QColor
    highlight_bg: QColor
    selection_bg: QColor
    list_selected: QColor
    list_hover: QColor
    secondary_text: QColor
    automation: QColor


def colours(palette: QPalette | None = None) -> Colours:
    """WhatsApp-like colours for the current palette."""
    palette = palette or QApplication.palette()
    text = palette.color(QPalette.ColorRole.Text)
    if is_dark(palette):
        return Colours(
            chat_background=QColor("#0B141A"),
            bubble_in=QColor("#202C33"),
            bubble_out=QColor("#005C4B"),
            bubble_text=QColor("#E9EDEF"),
            meta_text=QColor(255, 255, 255, 150),
            tick_grey=QColor(255, 255, 255, 150),
            tick_blue=QColor("#53BDEB"),
            failed=QColor("#F15C6D"),
            accent=QColor("#00A884"),
            badge=QColor("#00A884"),
            badge_text=QColor("#111B21"),
            separator_bg=QColor("#182229"),
            separator_text=QColor("#8696A0"),
            quote_bg=QColor(0, 0, 0, 70),
            link=QColor(LINK_COLOURS[True]),
            highlight_bg=QColor("#8A6D1A"),
            selection_bg=QColor(83, 189, 235, 110),
            list_selected=QColor("#2A3942"),
            list_hover=QColor("#202C33"),
            # WhatsApp's #8696A0 is made for its near-black #111B21: on a macOS or GTK dark window
            # (#323232) it read at 4.2:1, on the selected chat's row 3.9:1; this reads at 4.8 or better.
            secondary_text=QColor("#9EABB4"),
            automation=QColor("#FFD279"),
        )
    return Colours(
        chat_background=QColor("#EFEAE2"),
        bubble_in=QColor("#FFFFFF"),
        bubble_out=QColor("#D9FDD3"),
        bubble_text=QColor("#111B21") if text.lightness() < 128 else text,
        meta_text=QColor("#667781"),
        tick_grey=QColor("#8696A0"),
        tick_blue=QColor("#53BDEB"),
        failed=QColor("#EA0038"),
        accent=QColor("#008069"),
        badge=QColor("#25D366"),
        badge_text=QColor("#FFFFFF"),
        separator_bg=QColor("#FFFFFF"),
        separator_text=QColor("#54656F"),
        quote_bg=QColor(0, 0, 0, 14),
        link=QColor(LINK_COLOURS[False]),
        highlight_bg=QColor("#FFE680"),
        selection_bg=QColor(2, 126, 181, 70),
        list_selected=QColor("#F0F2F5"),
        list_hover=QColor("#F5F6F6"),
        # WhatsApp's #667781 read at 4.1:1 on the selected chat's row (#F0F2F5); this at 4.9.
        secondary_text=QColor("#5B6B75"),
        automation=QColor("#B07D00"),
    )
