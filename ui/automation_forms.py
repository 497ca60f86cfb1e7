"""Form pieces the automation editors share: recipients with a contact picker, weekly hours, field buttons."""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import partial
from itertools import pairwise

import shiboken6
from PySide6.QtCore import QEvent, QLocale, QObject, QSize, Qt, QTime, Signal
from PySide6.QtGui import QAction, QKeySequence, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.bank_field import BANK_FIELD
from app.contact_lookup import ContactChoice, ContactDirectory
from app.phones import display_phone, e164_digits
from app.rules import HoursOverlap, overlapping_hours, runs_past_midnight
from app.wire import DayHours, Recipients, TimeRange
from ui.context import AppContext
from ui.field_tokens import shown_field
from ui.formatting import display_locale
from ui.hours_time_edit import HoursTimeEdit
from ui.ops import delete_when_closed, run_op
from ui.rule_summary import RuleSummary
from ui.screen_fit import resize_within_screen
from ui.theme import problem_colour

log = logging.getLogger(__name__)

WA_ID_ROLE = Qt.ItemDataRole.UserRole + 1

# What a day's three modes are called: (closed, open in ranges, all day). The away schedule says
# "not away / away at / away all day" for the same three.
ModeLabels = tuple[str, str, str]


def _contact_text(choice: ContactChoice, region: str) -> str:
    phone = display_phone(choice.wa_id, region) if choice.wa_id else ""
    return f"{choice.name}  ·  {phone}" if choice.name else phone


class ContactPickerDialog(QDialog):
    """Search the inbox's contacts by name or number and pick some; a typed number can be added too."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Choose contacts"))
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search by name or phone number"))
        self.search.setClearButtonEnabled(True)
        self.model = QStandardItemModel(self)
        self.view = QListView()
        self.view.setModel(self.model)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.doubleClicked.connect(lambda _i: self.accept())
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)
        self.search.textChanged.connect(self.refresh)
        resize_within_screen(self, QSize(380, 420))
        self._generation = 0
        self.refresh()

    def refresh(self) -> None:
        """Search the contacts in an op; only the answer to the newest text is shown."""
        self._generation += 1
        generation, pattern, db = self._generation, self.search.text(), self.ctx.db

        def show(found: list[ContactChoice]) -> None:
            if generation == self._generation:
                self._show(pattern, found)

        run_op(lambda: ContactDirectory(db).find(pattern), show, parent=self)

    def _show(self, pattern: str, found: list[ContactChoice]) -> None:
        self.model.clear()
        digits = e164_digits(pattern) if sum(ch.isdigit() for ch in pattern) >= 7 else ""
        if digits and all(c.wa_id != digits for c in found):
            found.insert(0, ContactChoice(wa_id=digits, name=""))
        for choice in found:
            item = QStandardItem(_contact_text(choice, self.ctx.shop_region))
            item.setData(choice.wa_id, WA_ID_ROLE)
            self.model.appendRow(item)
        if self.model.rowCount():
            self.view.setCurrentIndex(self.model.index(0, 0))

    def chosen(self) -> list[str]:
        rows = self.view.selectionModel().selectedRows() or (
            [self.view.currentIndex()] if self.view.currentIndex().isValid() else []
        )
        return [str(i.data(WA_ID_ROLE)) for i in rows]


class RecipientsPicker(QWidget):
    """Everyone / everyone except… / only…, with the contacts of the list."""

    changed = Signal()

    MODES = ("everyone", "except", "only")

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.mode = QComboBox()
        self.mode.addItem(self.tr("Everyone"), "everyone")
        self.mode.addItem(self.tr("Everyone except…"), "except")
        self.mode.addItem(self.tr("Only…"), "only")
        self.model = QStandardItemModel(self)
        self.view = QListView()
        self.view.setModel(self.model)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setMaximumHeight(110)
        self.add_button = QPushButton(self.tr("A&dd contacts…"))
        self.remove_button = QPushButton(self.tr("&Remove"))
        self.add_button.clicked.connect(self.pick)
        self.remove_button.clicked.connect(self.remove_selected)
        self.mode.currentIndexChanged.connect(self._mode_changed)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.mode)
        layout.addWidget(self.view)
        layout.addLayout(buttons)
        self._mode_changed()

    def _mode_changed(self) -> None:
        listed = self.mode.currentData() != "everyone"
        for widget in (self.view, self.add_button, self.remove_button):
            widget.setVisible(listed)
        self.changed.emit()

    def wa_ids(self) -> list[str]:
        return [str(self.model.item(r).data(WA_ID_ROLE)) for r in range(self.model.rowCount())]

    def add_wa_ids(self, wa_ids: list[str]) -> None:
        """Listed at once by number (so the value is complete); names follow from an op."""
        have = set(self.wa_ids())
        new = list(dict.fromkeys(w for w in wa_ids if w and w not in have))
        for wa_id in new:
            item = QStandardItem(_contact_text(ContactChoice(wa_id=wa_id, name=""), self.ctx.shop_region))
            item.setData(wa_id, WA_ID_ROLE)
            self.model.appendRow(item)
        if not new:
            return
        self.changed.emit()
        db = self.ctx.db
        run_op(lambda: ContactDirectory(db).by_wa_ids(new), self._names_found, parent=self)

    def _names_found(self, found: list[ContactChoice]) -> None:
        names = {choice.wa_id: choice for choice in found}
        for row in range(self.model.rowCount()):
            item = self.model.item(row)
            choice = names.get(str(item.data(WA_ID_ROLE)))
            if choice is not None:
                item.setText(_contact_text(choice, self.ctx.shop_region))

    def pick(self) -> None:
        dialog = ContactPickerDialog(self.ctx, self)
        delete_when_closed(dialog)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.add_wa_ids(dialog.chosen())

    def remove_selected(self) -> None:
        rows = sorted((i.row() for i in self.view.selectionModel().selectedRows()), reverse=True)
        for row in rows:
            self.model.removeRow(row)
        if rows:
            self.changed.emit()

    def value(self) -> Recipients:
        mode = self.mode.currentData()
        return Recipients(mode=mode, wa_ids=[] if mode == "everyone" else self.wa_ids())

    def set_value(self, recipients: Recipients) -> None:
        self.model.clear()
        self.mode.setCurrentIndex(max(0, self.mode.findData(recipients.mode)))
        self.add_wa_ids(list(recipients.wa_ids))


def _time(text: str) -> QTime:
    if text == "24:00":
        return QTime(0, 0)
    hours, minutes = text.split(":")
    return QTime(int(hours), int(minutes))


def _text(time: QTime, *, end: bool) -> str:
    # A range ending at 00:00 ends at midnight at the day's end, which the wire spells "24:00".
    if end and time.hour() == 0 and time.minute() == 0:
        return "24:00"
    return f"{time.hour():02d}:{time.minute():02d}"


class _RangeRow(QWidget):
    removed = Signal(object)
    changed = Signal()

    def __init__(self, start: str, end: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.start = HoursTimeEdit(_time(start))
        self.end = HoursTimeEdit(_time(end))
        self.start.setAccessibleName(self.tr("Opens at"))
        self.end.setAccessibleName(self.tr("Closes at"))
        for edit in (self.start, self.end):
            edit.timeChanged.connect(self.changed)
        remove = self.remove_button = QPushButton("×")
        # Ctrl+minus in the range's row, as a spreadsheet removes a row (Ctrl+Delete is the time
        # field's own: it clears to the end of the word).
        keys = QKeySequence(REMOVE_HOURS_KEYS)
        remove.setToolTip(
            self.tr("Remove these hours ({0})").format(keys.toString(QKeySequence.SequenceFormat.NativeText))
        )
        remove.setAccessibleName(self.tr("Remove these hours"))
        remove.setFixedWidth(28)
        remove.clicked.connect(lambda: self.removed.emit(self))
        remove.addAction(_row_key(self, keys, remove.click))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.start)
        # "10:00 ~ 13:00" as Korean writes a range of hours (the summary under the editor says so too)
        layout.addWidget(QLabel(self.tr("–", "between the opening and the closing time")))
        layout.addWidget(self.end)
        # "19:00 – 09:00" alone read as Monday's morning and evening; the hours run into Tuesday.
        self.next_day = QLabel(self.tr("next day", "hours that end after midnight"))
        self.next_day.setToolTip(self.tr("These hours run past midnight and end the next morning."))
        layout.addWidget(self.next_day)
        layout.addWidget(remove)
        layout.addStretch(1)
        self.start.timeChanged.connect(self._show_next_day)
        self.end.timeChanged.connect(self._show_next_day)
        self._show_next_day()

    def _show_next_day(self) -> None:
        self.next_day.setVisible(runs_past_midnight(self.value()))

    def value(self) -> TimeRange:
        return TimeRange(start=_text(self.start.time(), end=False), end=_text(self.end.time(), end=True))


REMOVE_HOURS_KEYS = "Ctrl+-"  # × in a day's range of hours, where the keyboard is


def _row_key(row: QWidget, keys: QKeySequence, pressed: Callable[[], object]) -> QAction:
    """Keys that work while the keyboard is in `row` (a day, a range of its hours): seven days have
    the same buttons, so no Alt letter could be one day's. The action goes on the button it presses
    too, so the button says what presses it."""
    action = QAction(row)
    action.setShortcut(keys)
    action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    action.triggered.connect(lambda _checked=False: pressed())
    row.addAction(action)
    return action


# The hours a day opened from "Closed" starts with when no open day comes before it.
DEFAULT_HOURS = (TimeRange(start="09:00", end="18:00"),)


class DayHoursEditor(QWidget):
    """One weekday: closed, open all day, or open in one or more ranges (an end before the start runs
    past midnight)."""

    changed = Signal()

    def __init__(self, mode_labels: ModeLabels | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        closed, ranges, all_day = mode_labels or (self.tr("Closed"), self.tr("Open"), self.tr("Open all day"))
        self.mode = QComboBox()
        self.mode.addItem(closed, "closed")
        self.mode.addItem(ranges, "open")
        self.mode.addItem(all_day, "all_day")
        self.ranges_box = QVBoxLayout()
        self.ranges_box.setContentsMargins(0, 0, 0, 0)
        # Seven of them, so no Alt letter: Tab reaches each after its day's hours, and Ctrl+N adds
        # hours to the day the focus is on (a closed day opens with the hours before it).
        self.add_range_button = QPushButton(self.tr("Add hours"))
        self.add_range_button.clicked.connect(self.add_hours)
        keys = QKeySequence(QKeySequence.StandardKey.New)
        self.add_range_button.setToolTip(
            self.tr("Adds opening hours to this day ({0})").format(
                keys.toString(QKeySequence.SequenceFormat.NativeText)
            )
        )
        self.add_range_button.addAction(_row_key(self, keys, self.add_hours))
        self.rows: list[_RangeRow] = []
        # Under the day's hours while two of them overlap (the week says which): what overlaps, and
        # for two ranges of this day a button that makes them one.
        self.overlap_note = QLabel()
        self.overlap_note.setObjectName("hoursOverlap")
        self.overlap_note.setWordWrap(True)
        self.overlap_note.setTextFormat(Qt.TextFormat.PlainText)
        self.overlap_note.setStyleSheet(f"color: {problem_colour()};")
        self.join_button = QPushButton(self.tr("Join them"))
        self.join_button.setToolTip(
            self.tr("Makes the two overlapping ranges one, from the earlier opening to the later closing.")
        )
        self.join_button.clicked.connect(self.join_overlap)
        self._joinable: tuple[TimeRange, TimeRange] | None = None
        overlap_row = self.overlap_row = QWidget()
        overlap_layout = QHBoxLayout(overlap_row)
        overlap_layout.setContentsMargins(0, 0, 0, 0)
        overlap_layout.addWidget(self.overlap_note, 1)
        overlap_layout.addWidget(self.join_button, 0, Qt.AlignmentFlag.AlignTop)
        overlap_row.hide()
        # The hours a day opened from "Closed" starts with (the week sets the nearest open day's).
        self.suggested_hours: Callable[[], list[TimeRange]] = lambda: list(DEFAULT_HOURS)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.mode, 0, Qt.AlignmentFlag.AlignTop)
        ranges_and_note = QVBoxLayout()
        ranges_and_note.setContentsMargins(0, 0, 0, 0)
        ranges_and_note.addLayout(self.ranges_box)
        ranges_and_note.addWidget(overlap_row)
        layout.addLayout(ranges_and_note, 1)
        layout.addWidget(self.add_range_button, 0, Qt.AlignmentFlag.AlignTop)
        self.mode.currentIndexChanged.connect(self._mode_changed)
        self._mode_changed()

    def add_hours(self) -> None:
        """Add hours (its button or Ctrl+N in the day's row): a new range, its opening time focused to
        be typed; a day closed or open all day is opened with the hours it would get."""
        before = len(self.rows) if self.mode.currentData() == "open" else 0
        if before:
            self.add_range(*_hours_after([row.value() for row in self.rows]))
        else:
            self.mode.setCurrentIndex(self.mode.findData("open"))
        if before < len(self.rows):
            self.rows[before].start.setFocus(Qt.FocusReason.TabFocusReason)

    def show_overlap(self, text: str, joinable: tuple[TimeRange, TimeRange] | None = None) -> None:
        """Say under the day's hours that two ranges overlap ("" says nothing); `joinable`: two of
        this day's ranges that Join them makes one."""
        self._joinable = joinable
        self.overlap_note.setText(text)
        self.join_button.setVisible(joinable is not None)
        self.overlap_row.setVisible(bool(text) and self.mode.currentData() == "open")

    def join_overlap(self) -> None:
        """The two overlapping ranges made one: the first row runs from the earlier opening to the
        later closing, the second row goes."""
        if self._joinable is None:
            return
        first, second = self._joinable
        rows = [row for row in self.rows if row.value() in (first, second)]
        if len(rows) < 2:
            return
        keep, drop = rows[0], rows[1]
        start = min(first.start, second.start)
        end = max(first.end, second.end)
        keep.start.setTime(_time(start))
        keep.end.setTime(_time(end))
        drop.remove_button.click()
        keep.start.setFocus(Qt.FocusReason.OtherFocusReason)

    def add_range(self, start: str, end: str) -> None:
        row = _RangeRow(start, end, self)
        row.removed.connect(self._remove_range)
        row.changed.connect(self.changed)
        self.rows.append(row)
        self.ranges_box.addWidget(row)
        # Shown now, not at the layout's next turn: Tab passed over a range just added.
        row.setVisible(self.mode.currentData() == "open")
        self._order_tabs()
        self.changed.emit()

    def _order_tabs(self) -> None:
        """Tab through the day as it reads: its dropdown, each range's times and ×, then Add hours. A
        range made after the window was built came last, after Save."""
        chain: list[QWidget] = [self.mode]
        for row in self.rows:
            chain += [row.start, row.end, row.remove_button]
        chain += [self.join_button, self.add_range_button]
        for before, after in pairwise(chain):
            QWidget.setTabOrder(before, after)

    def _remove_range(self, row: _RangeRow) -> None:
        focused = QApplication.focusWidget()
        had_focus = focused is not None and row.isAncestorOf(focused)
        index = self.rows.index(row)
        self.rows.remove(row)
        _drop(row)
        if not self.rows:
            self.mode.setCurrentIndex(self.mode.findData("closed"))
        if had_focus:  # × pressed from the keyboard: on to the range in its place, else Add hours
            after: QWidget = self.mode
            if index < len(self.rows):
                after = self.rows[index].start
            elif self.rows:
                after = self.add_range_button
            after.setFocus(Qt.FocusReason.TabFocusReason)
        self.changed.emit()

    def _mode_changed(self) -> None:
        is_open = self.mode.currentData() == "open"
        if is_open and not self.rows:
            for hours in self.suggested_hours():
                self.add_range(hours.start, hours.end)
        for row in self.rows:
            row.setVisible(is_open)
        self.add_range_button.setVisible(is_open)
        self.changed.emit()

    def value(self) -> DayHours:
        mode = self.mode.currentData()
        return DayHours(mode=mode, ranges=[r.value() for r in self.rows] if mode == "open" else [])

    def set_value(self, day: DayHours) -> None:
        for row in self.rows:
            _drop(row)
        self.rows = []
        for r in day.ranges:
            self.add_range(r.start, r.end)
        self.mode.setCurrentIndex(self.mode.findData(day.mode))
        self._mode_changed()


def _hours_after(ranges: list[TimeRange]) -> tuple[str, str]:
    """The hours Add hours gives a day already open: in the day's last free stretch of an hour or
    more, an hour after the closing before it and three hours long at most ("10:00–13:00,
    14:00–19:00" gets 20:00–23:00), so a range added never starts out overlapping the day's (its
    14:00–18:00 did); 14:00–18:00 when the day has no free hour."""
    taken = sorted(
        (_minutes(r.start), _minutes(r.end)) for r in ranges if not runs_past_midnight(r) and r.start != r.end
    )
    free, cursor = [], 0
    for first, last in taken:
        if first > cursor:
            free.append((cursor, first))
        cursor = max(cursor, last)
    free.append((cursor, 24 * 60))
    roomy = [(a, b) for a, b in free if b - a >= 60]
    if not roomy:
        return "14:00", "18:00"
    a, b = roomy[-1]
    opens = a + min(60, b - a - 60)
    closes = min(opens + 180, b)
    return _hhmm(opens), _hhmm(closes)


def _minutes(text: str) -> int:
    return int(text[:2]) * 60 + int(text[3:])


def _hhmm(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def _drop(row: QWidget) -> None:
    """A row out of its layout now, deleted later: a row waiting for deleteLater still counted in
    the window's minimum height, and a dialog loaded again (after each save) grew past the screen."""
    row.hide()
    row.deleteLater()


class WeekHoursEditor(QWidget):
    """Seven DayHoursEditors, Monday first, with the weekday names of the owner's language."""

    changed = Signal()

    def __init__(self, mode_labels: ModeLabels | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        self.days: list[DayHoursEditor] = []
        self._mode_labels = mode_labels
        self._names: list[QLabel] = []
        self._open_width: tuple[tuple[str, int], int] | None = None  # (font, dpi) → width
        locale = display_locale()
        for weekday in range(7):
            name = QLabel(locale.dayName(weekday + 1, QLocale.FormatType.LongFormat))
            self._names.append(name)
            day = DayHoursEditor(mode_labels, self)
            day.changed.connect(self.changed)
            # The day's name on its dropdown's line: at the top of a row that a second range makes
            # taller, and as tall as the dropdown with its text centred (the bare label's text sat a
            # few pixels above the dropdown's).
            name.setMinimumHeight(day.mode.sizeHint().height())
            name.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
            grid.addWidget(name, weekday, 0, Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
            grid.addWidget(day, weekday, 1)
            day.suggested_hours = partial(self._hours_before, weekday)
            self.days.append(day)
        grid.setColumnStretch(1, 1)
        self.summaries = RuleSummary(self)
        self._overlaps: list[HoursOverlap] = []
        self.changed.connect(self._show_overlaps)

    def open_width(self) -> int:
        """The width the week needs with a day open in one range (its dropdown, two times, × and Add
        hours), whatever its days say now: measured on a day editor never shown, once per font.
        A window that holds the week opens this wide, so that its first size does not depend on
        whether its days were read before or after it was shown, nor jumps when a day is opened."""
        key = (self.font().key(), self.logicalDpiX())
        if self._open_width is None or self._open_width[0] != key:
            # A child while measured, so that it is styled as the days are (a style sheet above
            # widens time boxes); never shown, and gone when this returns.
            probe = DayHoursEditor(self._mode_labels, self)
            probe.hide()
            probe.mode.setCurrentIndex(probe.mode.findData("open"))
            probe.ensurePolished()
            grid = self.layout()
            spacing = grid.horizontalSpacing() if isinstance(grid, QGridLayout) else 0
            names = max(name.sizeHint().width() for name in self._names)
            self._open_width = (key, names + max(spacing, 0) + probe.minimumSizeHint().width())
            # Deleted now: its own signals hold it in a cycle, and it lingered as a hidden window.
            shiboken6.delete(probe)
        return self._open_width[1]

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        return QSize(max(hint.width(), self.open_width()), hint.height())

    def _hours_before(self, weekday: int) -> list[TimeRange]:
        """A day the owner opens starts with the hours of the nearest open day before it (Sunday
        opened after a Saturday of 11–17 gets 11–17), else 09:00–18:00."""
        for back in range(1, 7):
            day = self.days[(weekday - back) % 7]
            if day.mode.currentData() == "open" and day.rows:
                return [row.value() for row in day.rows]
        return list(DEFAULT_HOURS)

    def value(self) -> list[DayHours]:
        return [d.value() for d in self.days]

    def set_value(self, week: list[DayHours]) -> None:
        for editor, day in zip(self.days, week, strict=True):
            editor.set_value(day)
        self._show_overlaps()

    def _show_overlaps(self) -> None:
        """Each day whose hours overlap says so under them, as they are typed (a week stored so by
        an older version too): two ranges of one day, or a night that runs into the next day's."""
        self._overlaps = overlapping_hours(self.value())
        said: dict[int, tuple[str, tuple[TimeRange, TimeRange] | None]] = {}
        for overlap in self._overlaps:
            if overlap.second_weekday in said:
                continue
            same_day = overlap.weekday == overlap.second_weekday
            plain = same_day and not any(map(runs_past_midnight, (overlap.first, overlap.second)))
            said[overlap.second_weekday] = (
                self.overlap_text(overlap),
                (overlap.first, overlap.second) if plain else None,
            )
        for weekday, day in enumerate(self.days):
            text, joinable = said.get(weekday, ("", None))
            day.show_overlap(text, joinable)

    def overlap_text(self, overlap: HoursOverlap) -> str:
        """ "Monday: 9:00 AM–1:00 PM and 12:00 PM–6:00 PM overlap"; a night that runs into the next
        day names both days."""
        # Each range kept on one line ("오후 2:00~오후 7:00" broke after "오후").
        first, second = (
            self.summaries.hours_span(r).replace(" ", "\u00a0") for r in (overlap.first, overlap.second)
        )
        if overlap.weekday == overlap.second_weekday:
            return self.tr("{0}: {1} and {2} overlap").format(_day_name(overlap.weekday), first, second)
        return self.tr("{0} {1} runs into {2} {3}").format(
            _day_name(overlap.weekday), first, _day_name(overlap.second_weekday), second
        )

    def overlap_problem(self) -> str:
        """Why Save is refused while two ranges overlap, or ""."""
        if not self._overlaps:
            return ""
        return self.tr("{0}. Change one of them or join them, then save.").format(
            self.overlap_text(self._overlaps[0])
        )


def _day_name(weekday: int) -> str:
    return display_locale().dayName(weekday + 1, QLocale.FormatType.LongFormat)


class FieldButtons(QWidget):
    """ "Insert a field" buttons for a message text: by default {name}, {first_name}, {shop}; `fields`
    picks others, such as the order settings' bank account {bank} (texts the relay is sent filled:
    app/bank_field.py), the greeting's and away message's {opening} (when the shop next opens) or
    the shop's business hours {hours}.
    With several texts (a message and its other language), into the one the owner was last typing in."""

    def __init__(
        self,
        target: QPlainTextEdit,
        *more: QPlainTextEdit,
        fields: tuple[str, ...] = ("{name}", "{first_name}", "{shop}"),
        in_owner_words: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.target = target
        # With `in_owner_words`, a field goes in as the owner reads it ("{고객 이름}"): the editor
        # stores it as the stable word (ui/field_tokens.py).
        self.in_owner_words = in_owner_words
        for edit in (target, *more):
            edit.installEventFilter(self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(self.tr("Insert:")))
        labels = {
            "{name}": self.tr("&Customer's name"),
            "{first_name}": self.tr("&First name"),
            "{shop}": self.tr("Sho&p name"),
            "{opening}": self.tr("Next &opening"),
            "{hours}": self.tr("Business hou&rs"),
            BANK_FIELD: self.tr("&Bank account"),
        }
        for field in fields:
            button = QPushButton(labels[field])
            button.setToolTip(shown_field(field) if in_owner_words else field)
            button.clicked.connect(lambda _c=False, f=field: self.insert(f))
            layout.addWidget(button)
        layout.addStretch(1)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusIn and isinstance(watched, QPlainTextEdit):
            self.target = watched
        return False

    def insert(self, field: str) -> None:
        self.target.insertPlainText(shown_field(field) if self.in_owner_words else field)
        self.target.setFocus()
