"""Paints one chat-list row: avatar, name and pill, number tag, time, preview with tick, unread badge, labels.

A row's paint is worked out once (texts elided, rectangles placed, colours picked) as plain steps and
kept until the row, the list's width, the palette, the day or the screen's scale changes; painting a
row again replays it (a page scroll paints a dozen rows, and during a catch-up the window has little
time to spare)."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPointF, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPalette, QPen, QPixmap, QTextLayout
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from app import relay_clock
from app.conversation_rows import ConversationRow, LabelRow
from app.text import han_language, has_hangul
from ui import icons
from ui.avatar import avatar_image, avatar_look
from ui.chat_list_model import ChatRole
from ui.day_watch import local_today
from ui.formatting import KIND_ICONS, chat_preview, list_time, preview_text, reaction_preview
from ui.label_names import DEFAULT_LABEL_NAMES, label_display_name
from ui.theme import Colours, colours, contrast_ratio, font_for_text, ui_font

ROW_HEIGHT = 72
AVATAR = 48
PAD = 12
MAX_LABELS = 5
CHIP_MAX_W = 90.0  # an owner's long label name is elided past this (or past the widest built-in one's)
MIN_PREVIEW_W = 90.0  # chips only when the preview keeps at least this much room
TIMES_KEPT = 5_000  # rows' times remembered, by the minute (a few hundred kilobytes at most)
LOOKS_KEPT = 1_500  # rows' worked-out paints remembered (a few kilobytes each)
LINES_KEPT = 5_000  # texts laid out, shared by rows (names, times, badges, chips, previews)

NAME, SMALL, BADGE, SMALL_JA, SMALL_ZH, SMALL_LATIN = 0, 1, 2, 3, 4, 5  # the delegate's fonts, by number
_ROW_ROLE = int(ChatRole.ROW)
_SELECTED = QStyle.StateFlag.State_Selected.value
_HOVER = QStyle.StateFlag.State_MouseOver.value
_FOCUS = QStyle.StateFlag.State_HasFocus.value
# Alignments as plain numbers (QPainter.drawText takes them so), kept in a row's worked-out steps.
_LEFT = (Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter).value
_RIGHT = (Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter).value
_CENTRE = Qt.AlignmentFlag.AlignCenter.value
_ALIGN_RIGHT = Qt.AlignmentFlag.AlignRight.value
_ALIGN_HCENTRE = Qt.AlignmentFlag.AlignHCenter.value
_HINTS = QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing


@dataclass(frozen=True, slots=True)
class LabelMark:
    """One label as painted on a row: a named chip, or an unnamed dot when the row is narrow."""

    rect: QRectF
    text: str  # the (elided) display name; "" for a dot
    colour: QColor


def chip_text_colour(background: QColor) -> QColor:
    """Black or white, whichever reads better on the chip's colour (WCAG's contrast, not a guess from
    brightness: that gave white on "Order complete"'s green at 2:1 and on "New customer"'s blue at 2.8:1)."""
    dark, light = QColor("#111111"), QColor("#FFFFFF")
    return dark if contrast_ratio(dark, background) >= contrast_ratio(light, background) else light


def chip_text_room(fm: QFontMetricsF) -> float:
    """How wide a chip's name may be: CHIP_MAX_W's room, widened so that no built-in label is cut
    ("Pending payment" read "Pending pay…" on every English chat waiting for a transfer)."""
    built_in = (fm.horizontalAdvance(label_display_name(name)) for name in DEFAULT_LABEL_NAMES)
    return max(CHIP_MAX_W - 10, *built_in)


def label_marks(
    labels: tuple[LabelRow, ...], fm: QFontMetricsF, start: float, end: float, top: float, line_h: float
) -> list[LabelMark]:
    """Chips right-aligned at end when they leave the preview (from start) room enough, else dots."""
    shown = labels[:MAX_LABELS]
    names = [label_display_name(lab.name) for lab in shown]
    room = chip_text_room(fm)
    texts = [fm.elidedText(n, Qt.TextElideMode.ElideRight, room) for n in names]
    widths = [fm.horizontalAdvance(t) + 10 for t in texts]
    chip_h = min(line_h, fm.height() + 2)
    total = sum(widths) + 4 * max(0, len(widths) - 1)
    marks: list[LabelMark] = []
    if shown and end - total - 6 - start >= MIN_PREVIEW_W:
        x = end
        for lab, text, w in zip(reversed(shown), reversed(texts), reversed(widths), strict=True):
            rect = QRectF(x - w, top + (line_h - chip_h) / 2, w, chip_h)
            marks.append(LabelMark(rect, text, QColor(lab.colour)))
            x -= w + 4
    else:
        x = end
        for lab in reversed(shown):
            marks.append(LabelMark(QRectF(x - 10, top + (line_h - 10) / 2, 10, 10), "", QColor(lab.colour)))
            x -= 8
    marks.reverse()
    return marks


def preview_font_number(start: str) -> int:
    """The delegate's font for a preview beginning `start`: its language's, as ui/theme.py
    `font_for_text` picks a bubble's."""
    language = han_language(start)
    if language is not None:
        return SMALL_JA if language == "ja" else SMALL_ZH
    return SMALL if has_hangul(start) else SMALL_LATIN


def tick_icon(status: str | None) -> str | None:
    return {
        "pending": "clock",
        "sent": "tick",
        "delivered": "double_tick",
        "read": "double_tick",
        "failed": "error",
    }.get(status or "")


@dataclass(frozen=True, slots=True)
class _Line:
    """One line of plain text shaped and laid out, with the measures QPainter places it by."""

    layout: QTextLayout
    height: float
    advance: float
    natural: float


def lay_out(text: str, font: QFont) -> _Line:
    layout = QTextLayout(text, font)
    layout.setCacheEnabled(True)
    layout.beginLayout()
    line = layout.createLine()
    if not line.isValid():  # no text: nothing to draw
        layout.endLayout()
        return _Line(layout, 0.0, 0.0, 0.0)
    line.setLineWidth(float(0x01000000))
    layout.endLayout()
    return _Line(layout, line.ascent() + line.descent(), line.horizontalAdvance(), line.naturalTextWidth())


def draw_line(painter: QPainter, line: _Line, rect: QRectF, align: int) -> None:
    """`painter.drawText(rect, align, text)` of a line laid out before, drawn with the painter's pen.

    Placed as QPainter places one line of plain text in a rectangle (vertically centred by the
    line's own height, which fallback fonts for Korean or emoji can raise, and clipped to the
    rectangle only when it does not fit), so the pixels are the same; the shaping is done once.
    """
    x, box_x = 0.0, 0.0
    if align & _ALIGN_RIGHT:
        x, box_x = rect.width() - line.advance, rect.width() - line.natural
    elif align & _ALIGN_HCENTRE:
        x, box_x = (rect.width() - line.advance) / 2, (rect.width() - line.natural) / 2
    y = (rect.height() - line.height) / 2
    at = QPointF(rect.x() + x, rect.y() + y)
    if rect.contains(QRectF(rect.x() + box_x, rect.y() + y, line.natural, line.height)):
        line.layout.draw(painter, at)
        return
    painter.save()
    painter.setClipRect(rect, Qt.ClipOperation.IntersectClip)
    line.layout.draw(painter, at)
    painter.restore()


# A row's paint, worked out, is a tuple of steps; each step is a tuple of a code below and plain
# values (numbers, texts, colours as RGBA integers). Plain tuples are what the cyclic collector
# stops walking: the ~1,500 rows kept here would otherwise add some 40 objects each (colours,
# points, rectangles, bound methods) to every pass it makes over the window's process, and a
# catch-up's passes hold the GIL long enough to stall a scroll.
_AVATAR, _PEN, _OUTLINE, _NO_PEN, _BRUSH, _NO_BRUSH, _ROUNDED, _ELLIPSE, _ICON, _TEXT, _TAG = range(11)
Step = tuple[Any, ...]


@dataclass(slots=True)
class _Look:
    """A row's paint, worked out: the steps, in row coordinates, and what they were worked out for."""

    row: ConversationRow
    key: tuple[Any, ...]  # (size, scale, palette), day, "needs a person", draft, number tag
    steps: tuple[Step, ...]
    prepared: bool = False  # its texts laid out and its avatar drawn ahead of its paint


class ChatListDelegate(QStyledItemDelegate):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.menu_for: int | None = None  # the chat whose context menu is open: its row stays lit
        self.name_font = ui_font(1, bold=False)
        self.name_font.setWeight(self.name_font.Weight.DemiBold)
        self.small_font = ui_font(-1)
        self.badge_font = ui_font(-2, bold=True)
        self._name_fm = QFontMetricsF(self.name_font)
        self._small_fm = QFontMetricsF(self.small_font)
        self._badge_fm = QFontMetricsF(self.badge_font)
        # A Japanese or Chinese preview in its language's font (ui/theme.py `font_for_text`), not
        # hanja from a Korean font and the rest from another.
        small_ja, small_zh = font_for_text(self.small_font, "か"), font_for_text(self.small_font, "中文")
        # An English preview in the UI font's own family, as its bubble ("£39" not in NanumGothic).
        small_latin = font_for_text(self.small_font, "a")
        self.fonts = (self.name_font, self.small_font, self.badge_font, small_ja, small_zh, small_latin)
        self._preview_fms = {
            SMALL: self._small_fm,
            SMALL_JA: QFontMetricsF(small_ja),
            SMALL_ZH: QFontMetricsF(small_zh),
            SMALL_LATIN: QFontMetricsF(small_latin),
        }
        # (text, font number) → the text laid out: times, badges and chips repeat across rows, and
        # a chat with a new message keeps its name.
        self._lines: dict[tuple[str, int], _Line] = {}
        self._names: dict[tuple[str, float], str] = {}  # (name, width) → the name elided to it
        self._palette_key: int | None = None
        self._palette_colours = colours()
        self._day: date | None = None
        self._day_checked = 0.0
        self._times: dict[int, str] = {}  # minute since the epoch → its text
        self._looks: dict[int, _Look] = {}  # contact id → its row's paint
        # A chat's reply typed and not sent (ui/composer.py `draft_for`): shown instead of the preview.
        self.draft_for: Callable[[int], str | None] = lambda _contact_id: None
        # A shop with two numbers, listing every number's chats: each number as a row has it
        # (ConversationRow.business_number) → the short tag its rows show beside their time
        # (app/business_numbers.py `number_tags`). Empty otherwise: the rows say no number.
        self.number_tags: dict[str, str] = {}
        # The last painted rows' width, height, scale and palette: what `prepare` works out for.
        self._painted_for: tuple[tuple[Any, ...], QPalette] | None = None
        # Texts painted once with QPainter.drawText: a catch-up's rows are often painted once before
        # they change again, so a text is laid out for good only when it is painted a second time.
        self._drawn_once: set[tuple[str, int]] = set()
        self._qcolours: dict[int, QColor] = {}  # RGBA → its colour, shared by every row's steps
        self._outlines: dict[int, QPen] = {}  # RGBA → a one-pixel pen of it
        self._steps: tuple[Callable[[QPainter, Step], None], ...] = (
            self._step_avatar,
            self._step_pen,
            self._step_outline,
            self._step_no_pen,
            self._step_brush,
            self._step_no_brush,
            self._step_rounded,
            self._step_ellipse,
            self._step_icon,
            self._step_text,
            self._step_tag,
        )
        # (tag, colour as RGBA, scale) → the number tag drawn once: a shop has two or three numbers,
        # and a row's outlined tag drawn afresh cost a quarter of the row's paint.
        self._tags: dict[tuple[str, int, float], QPixmap] = {}

    def _colours(self, palette: QPalette) -> Colours:
        """The theme's colours for this palette, once per palette."""
        key = palette.cacheKey()
        if self._palette_key != key:
            self._palette_key, self._palette_colours = key, colours(palette)
        return self._palette_colours

    def _today(self) -> date:
        """Today, looked at no more than once a second (a row's time reads "Yesterday" after midnight)."""
        now = time.monotonic()
        if self._day is None or now - self._day_checked > 1.0:
            self._day_checked = now
            today = local_today()
            if today != self._day:
                self._day, self._times = today, {}
        assert self._day is not None
        return self._day

    def new_day(self) -> None:
        """The day changed (DayWatch): the next paint looks at the date again, not a second later."""
        self._day = None

    def new_zone(self) -> None:
        """This computer's time zone changed (DayWatch): every row's time is written again."""
        self._day, self._times, self._looks = None, {}, {}

    def _list_time(self, when: datetime | None) -> str:
        """The row's time as list_time writes it, once per time and day."""
        if when is None:
            return ""
        self._today()
        if len(self._times) > TIMES_KEPT:
            self._times = {}
        # The text changes only with the minute (the clock time) and the day: a catch-up's
        # thousands of distinct times are a few hundred minutes.
        minute = int(when.timestamp()) // 60
        text = self._times.get(minute)
        if text is None:
            text = self._times[minute] = list_time(when)
        return text

    def _line(self, text: str, font_no: int) -> _Line:
        """`text` laid out in the delegate's font `font_no` (laid out now if it is new)."""
        key = (text, font_no)
        line = self._lines.get(key)
        if line is None:
            if len(self._lines) >= LINES_KEPT:
                # The oldest goes, one at a time: freeing thousands of layouts at once is a stall.
                del self._lines[next(iter(self._lines))]
            line = self._lines[key] = lay_out(text, self.fonts[font_no])
        return line

    def _elided_name(self, name: str, width: float) -> str:
        key = (name, width)
        elided = self._names.get(key)
        if elided is None:
            if len(self._names) >= LINES_KEPT:
                self._names = {}
            elided = self._names[key] = self._name_fm.elidedText(name, Qt.TextElideMode.ElideRight, width)
        return elided

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        return QSize(280, ROW_HEIGHT)

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        row: ConversationRow | None = index.data(_ROW_ROLE)
        if row is None:
            return
        rect: QRect = option.rect  # type: ignore[attr-defined]
        palette: QPalette = option.palette  # type: ignore[attr-defined]
        device = painter.device()
        dpr = device.devicePixelRatioF() if device else 1.0
        width, height = rect.width(), rect.height()
        seen = (width, height, dpr, palette.cacheKey(), palette.currentColorGroup())
        if self._painted_for is None or self._painted_for[0] != seen:
            self._painted_for = (seen, QPalette(palette))
        look = self._look(row, palette, seen)
        painter.save()
        painter.setRenderHints(_HINTS)
        state = option.state.value  # type: ignore[attr-defined]
        if state & _SELECTED:
            painter.fillRect(QRectF(rect), self._colours(palette).list_selected)
        elif state & _HOVER or row.contact_id == self.menu_for:
            painter.fillRect(QRectF(rect), self._colours(palette).list_hover)
        if state & _FOCUS or row.contact_id == self.menu_for:
            # The list has the keyboard: its current row is outlined, so arrows and Enter have a
            # visible target (the selected row's fill alone does not say where the keys go). The
            # row a context menu is for is outlined too: the hover tint alone was too faint to tell.
            pen = QPen(palette.color(QPalette.ColorRole.Highlight), 2)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(QRectF(rect).adjusted(1, 1, -1, -1))
        painter.translate(rect.left(), rect.top())
        steps = self._steps
        for step in look.steps:
            steps[step[0]](painter, step)
        painter.restore()

    def _look(self, row: ConversationRow, palette: QPalette, seen: tuple[Any, ...]) -> _Look:
        """The row's paint, worked out now unless it was for this row and what `seen` holds (width,
        height, scale, palette and its colour group), on the same day."""
        key = self._key(row, seen)
        look = self._looks.get(row.contact_id)
        if look is None or look.key != key or (look.row is not row and look.row != row):
            width, height, dpr = seen[0], seen[1], seen[2]
            look = _Look(
                row,
                key,
                self._work_out(
                    row, width, height, palette, dpr, needs_person=key[2], draft=key[3], number_tag=key[4]
                ),
            )
            if len(self._looks) >= LOOKS_KEPT:
                del self._looks[next(iter(self._looks))]
            self._looks[row.contact_id] = look
        else:
            look.row = row
        return look

    def prepare(self, row: ConversationRow) -> bool:
        """Work out a row's paint before it is painted (texts laid out, avatar drawn), as the list last
        painted its rows; False when nothing was left to do. A page scroll during a catch-up shows a
        dozen rows that changed since they were last painted: working them out then (≈ 0.5 ms a
        row) made the scroll's paint several times slower than replaying them."""
        if self._painted_for is None:
            return False  # nothing painted yet: the size and palette are not known
        seen, palette = self._painted_for
        look = self._look(row, palette, seen)
        if look.prepared:
            return False
        for step in look.steps:
            if step[0] == _TEXT:
                self._line(step[1], step[2])
            elif step[0] == _TAG:
                self._tag_pixmap(step[1], step[4], step[5])
            elif step[0] == _AVATAR:
                avatar_image(step[3], AVATAR, step[4])
        look.prepared = True
        return True

    def texts(self, row: ConversationRow) -> list[str]:
        """The texts the row shows as the list last painted its rows (name, time, preview…)."""
        return [text for text, _font in self.texts_and_fonts(row)]

    def texts_and_fonts(self, row: ConversationRow) -> list[tuple[str, QFont]]:
        """Each text the row shows as the list last painted its rows, with the font it is drawn in."""
        if self._painted_for is None:
            return []
        seen, palette = self._painted_for
        steps = self._look(row, palette, seen).steps
        return [
            (step[1], self.fonts[step[2]] if step[0] == _TEXT else self.small_font)
            for step in steps
            if step[0] in (_TEXT, _TAG)
        ]

    def prepared(self, row: ConversationRow) -> bool:
        """Whether the row's next paint replays what was worked out for it (nothing left to do)."""
        look = self._looks.get(row.contact_id)
        if look is None or self._painted_for is None or not look.prepared:
            return False
        return look.key == self._key(row, self._painted_for[0]) and (look.row is row or look.row == row)

    def _key(self, row: ConversationRow, seen: tuple[Any, ...]) -> tuple[Any, ...]:
        """What a row's worked-out paint depends on beyond the row: `seen`, the day, "needs a person"."""
        tag = self.number_tags.get(row.business_number) if row.business_number else None
        return (seen, self._today(), self.needs_person_mark(row), self.draft_for(row.contact_id), tag)

    def needs_person_mark(self, row: ConversationRow) -> bool:
        """Whether the row shows "Needs a person": her chat on the row's number waits for one, or her
        chat on another of the shop's numbers does (its tooltip and spoken text say which: the
        number in the mark left no room for her name beside the row's own number tag)."""
        if row.bot_paused_until is None and row.waiting_elsewhere_until is None:
            return False
        return row.waits_anywhere(relay_clock.now())

    def _work_out(
        self,
        row: ConversationRow,
        width: int,
        height: int,
        palette: QPalette,
        dpr: float,
        needs_person: bool,
        draft: str | None = None,
        number_tag: str | None = None,
    ) -> tuple[Step, ...]:
        """The steps that paint this row in a (0, 0, width, height) rectangle."""
        c = self._colours(palette)
        steps: list[Step] = []
        rect = QRectF(0, 0, width, height)
        avatar_top = rect.top() + (rect.height() - AVATAR) / 2
        look = avatar_look(row.display_name, row.wa_id or str(row.contact_id))
        steps.append((_AVATAR, int(rect.left() + PAD), int(avatar_top), look, dpr))

        left = rect.left() + PAD + AVATAR + PAD
        right = rect.right() - PAD
        text_color = palette.text().color()
        top_line = QRectF(left, rect.top() + 12, right - left, self._name_fm.height())

        # Time on the right of the first line; green when there is something unread.
        when = self._list_time(row.last_message_at)
        time_w = self._small_fm.horizontalAdvance(when) + 2
        steps.append((_PEN, (c.badge if row.unread_count else c.secondary_text).rgba()))
        steps.append(
            _text(when, SMALL, QRectF(right - time_w, top_line.top(), time_w, top_line.height()), _RIGHT)
        )

        name_rect = QRectF(left, top_line.top(), top_line.width() - time_w - 8, top_line.height())
        if number_tag:
            # Which of the shop's numbers the customer wrote to (and a reply goes from), before the
            # time: a quiet outlined tag, the same place on every row, read down the list at a glance.
            size = self._tag_size(number_tag)
            tag_x = round(name_rect.right() + 8 - 6 - size.width())
            tag_y = round(top_line.top() + (top_line.height() - size.height()) / 2)
            steps.append((_TAG, number_tag, tag_x, tag_y, c.secondary_text.rgba(), dpr))
            name_rect.setWidth(max(0.0, name_rect.width() - size.width() - 6))
        steps.append((_PEN, text_color.rgba()))
        pill, pill_colour = "", c.secondary_text
        if row.group_archive:
            pill = self.tr("Group archive")
        elif needs_person:
            # The menu bot handed this chat over (or her chat on the shop's other number): someone
            # should answer it.
            pill, pill_colour = self.tr("Needs a person"), c.failed
        pill_w = self._small_fm.horizontalAdvance(pill) + 12 if pill else 0.0
        if pill:
            name_rect.setWidth(max(0.0, name_rect.width() - pill_w - 6))
        name = self._elided_name(row.display_name, name_rect.width())
        steps.append(_text(name, NAME, name_rect, _LEFT))
        if pill:
            # A group chat imported from a phone (read-only), or one the bot handed over, is marked.
            x0 = name_rect.left() + self._name_fm.horizontalAdvance(name) + 6
            pill_h = self._small_fm.height() + 2
            pill_rect = QRectF(x0, top_line.top() + (top_line.height() - pill_h) / 2, pill_w, pill_h)
            steps.append((_OUTLINE, pill_colour.rgba()))
            steps.append((_NO_BRUSH,))
            steps.append(_shape(_ROUNDED, pill_rect, pill_h / 2))
            steps.append(_text(pill, SMALL, pill_rect, _CENTRE))

        # Second line: [tick][media icon] preview … [label dots][pin][badge]
        line2_top = top_line.bottom() + 6
        line_h = self._small_fm.height() + 2
        x = left
        end = right
        if row.unread_count:
            label = str(row.unread_count) if row.unread_count < 1000 else "999+"
            bw = max(line_h, self._badge_fm.horizontalAdvance(label) + 10)
            badge = QRectF(end - bw, line2_top, bw, line_h)
            steps.append((_NO_PEN,))
            steps.append((_BRUSH, c.badge.rgba()))
            steps.append(_shape(_ROUNDED, badge, line_h / 2))
            steps.append((_PEN, c.badge_text.rgba()))
            steps.append(_text(label, BADGE, badge, _CENTRE))
            end = badge.left() - 6
        if row.pinned:
            steps.append(_icon("pin", end - 16, line2_top + (line_h - 16) / 2, 16, c.secondary_text, dpr))
            end -= 20
        marks = label_marks(row.labels, self._small_fm, left, end, line2_top, line_h)
        for mark in marks:
            steps.append((_BRUSH, mark.colour.rgba()))
            if mark.text:
                steps.append((_NO_PEN,))
                steps.append(_shape(_ROUNDED, mark.rect, mark.rect.height() / 2))
                steps.append((_PEN, chip_text_colour(mark.colour).rgba()))
                steps.append(_text(mark.text, SMALL, mark.rect, _CENTRE))
            else:
                steps.append((_OUTLINE, palette.base().color().rgba()))
                steps.append(_shape(_ELLIPSE, mark.rect, 0.0))
        if marks:
            end = marks[0].rect.left() - 6

        if draft:  # the owner's unsent reply, in the badge's colour: where an answer is half-written
            steps.append((_PEN, c.badge.rgba()))
            text = self.tr("Draft: {text}").format(text=preview_text("text", draft))
            text = self._small_fm.elidedText(text, Qt.TextElideMode.ElideRight, max(0.0, end - x))
            steps.append(_text(text, SMALL, QRectF(x, line2_top, max(0.0, end - x), line_h), _LEFT))
            return tuple(steps)
        icon_size = 16
        icon_top = line2_top + (line_h - icon_size) / 2
        if row.reaction_emoji:  # a reaction came after the last message: the line says it, no tick
            preview = reaction_preview(
                row.reaction_from, row.reaction_emoji, row.reaction_kind, row.reaction_body
            )
            return (*steps, *self._preview_steps(row, preview, c, x, end, line2_top, line_h))
        if row.last_direction == "out":
            tick = tick_icon(row.last_status)
            if tick:
                colour = c.tick_blue if row.last_status == "read" else c.tick_grey
                if row.last_status == "failed":
                    colour = c.failed
                steps.append(_icon(tick, x, icon_top, icon_size, colour, dpr))
                x += icon_size + 3
        kind_icon = KIND_ICONS.get(row.last_kind or "")
        if kind_icon:
            steps.append(_icon(kind_icon, x, icon_top, icon_size, c.secondary_text, dpr))
            x += icon_size + 3
        preview = chat_preview(row.last_kind, row.last_body, row.last_direction)
        return (*steps, *self._preview_steps(row, preview, c, x, end, line2_top, line_h))

    def _preview_steps(
        self, row: ConversationRow, preview: str, c: Colours, x: float, end: float, top: float, line_h: float
    ) -> list[Step]:
        """The second line's words from `x` to `end`, cut with "…" to fit."""
        if row.blocked:
            preview = self.tr("Blocked") + " · " + preview
        font_no = preview_font_number(preview[:200])
        preview = self._preview_fms[font_no].elidedText(
            preview, Qt.TextElideMode.ElideRight, max(0.0, end - x)
        )
        return [
            (_PEN, c.secondary_text.rgba()),
            _text(preview, font_no, QRectF(x, top, max(0.0, end - x), line_h), _LEFT),
        ]

    # Each step's painting, by its code (the order of the codes above).

    def _qcolour(self, rgba: int) -> QColor:
        colour = self._qcolours.get(rgba)
        if colour is None:
            colour = self._qcolours[rgba] = QColor.fromRgba(rgba)
        return colour

    def _step_avatar(self, painter: QPainter, step: Step) -> None:
        # Looked up at each paint (ui/avatar.py keeps the pixmaps): a row's steps hold no pixmap.
        _, x, y, look, dpr = step
        painter.drawPixmap(x, y, avatar_image(look, AVATAR, dpr))

    def _step_pen(self, painter: QPainter, step: Step) -> None:
        painter.setPen(self._qcolour(step[1]))

    def _step_outline(self, painter: QPainter, step: Step) -> None:
        pen = self._outlines.get(step[1])
        if pen is None:
            pen = self._outlines[step[1]] = QPen(self._qcolour(step[1]), 1)
        painter.setPen(pen)

    def _step_no_pen(self, painter: QPainter, step: Step) -> None:
        painter.setPen(Qt.PenStyle.NoPen)

    def _step_brush(self, painter: QPainter, step: Step) -> None:
        painter.setBrush(self._qcolour(step[1]))

    def _step_no_brush(self, painter: QPainter, step: Step) -> None:
        painter.setBrush(Qt.BrushStyle.NoBrush)

    def _step_rounded(self, painter: QPainter, step: Step) -> None:
        _, x, y, w, h, radius = step
        painter.drawRoundedRect(QRectF(x, y, w, h), radius, radius)

    def _step_ellipse(self, painter: QPainter, step: Step) -> None:
        _, x, y, w, h, _radius = step
        painter.drawEllipse(QRectF(x, y, w, h))

    def _step_icon(self, painter: QPainter, step: Step) -> None:
        """icons.draw's step: the tinted icon's pixmap at the rectangle's corner."""
        _, name, x, y, size, rgba, dpr = step
        painter.drawPixmap(QPointF(x, y), icons.pixmap(name, size, self._qcolour(rgba), dpr))

    def _tag_size(self, tag: str) -> QSize:
        """A number tag's outlined box, in whole pixels (it is drawn as a pixmap)."""
        return QSize(round(self._small_fm.horizontalAdvance(tag)) + 10, round(self._small_fm.height()) + 2)

    def _tag_pixmap(self, tag: str, rgba: int, dpr: float) -> QPixmap:
        """The number tag `tag` outlined and written in the colour `rgba`, drawn once per scale."""
        key = (tag, rgba, dpr)
        pixmap = self._tags.get(key)
        if pixmap is None:
            if len(self._tags) >= 64:  # palettes and scales changed many times: start again
                self._tags = {}
            size = self._tag_size(tag)
            pixmap = QPixmap(round(size.width() * dpr), round(size.height() * dpr))
            pixmap.setDevicePixelRatio(dpr)
            pixmap.fill(Qt.GlobalColor.transparent)
            painter = QPainter(pixmap)
            painter.setRenderHints(_HINTS)
            painter.setPen(QPen(self._qcolour(rgba), 1))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            box = QRectF(0.5, 0.5, size.width() - 1, size.height() - 1)
            painter.drawRoundedRect(box, 4.0, 4.0)
            painter.setFont(self.small_font)
            painter.drawText(box, _CENTRE, tag)
            painter.end()
            self._tags[key] = pixmap
        return pixmap

    def _step_tag(self, painter: QPainter, step: Step) -> None:
        _, tag, x, y, rgba, dpr = step
        painter.drawPixmap(x, y, self._tag_pixmap(tag, rgba, dpr))

    def _step_text(self, painter: QPainter, step: Step) -> None:
        _, text, font_no, x, y, w, h, align = step
        key = (text, font_no)
        if key in self._lines:
            draw_line(painter, self._lines[key], QRectF(x, y, w, h), align)
        elif key in self._drawn_once:
            draw_line(painter, self._line(text, font_no), QRectF(x, y, w, h), align)
        else:
            # New to the delegate: drawn as QPainter.drawText draws it (shaped and drawn in one call).
            if len(self._drawn_once) >= LINES_KEPT:
                self._drawn_once = set()
            self._drawn_once.add(key)
            painter.setFont(self.fonts[font_no])
            painter.drawText(QRectF(x, y, w, h), align, text)


def _text(text: str, font_no: int, rect: QRectF, align: int) -> Step:
    """The step drawing one line of `text` in `rect` as QPainter.drawText(rect, align, text) would."""
    return (_TEXT, text, font_no, rect.x(), rect.y(), rect.width(), rect.height(), align)


def _shape(code: int, rect: QRectF, radius: float) -> Step:
    return (code, rect.x(), rect.y(), rect.width(), rect.height(), radius)


def _icon(name: str, x: float, y: float, size: int, colour: QColor, dpr: float) -> Step:
    return (_ICON, name, x, y, size, colour.rgba(), dpr)
