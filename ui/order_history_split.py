"""An order's history over the message to the customer, split by a line the owner drags (remembered)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings, QStringListModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QListView,
    QSizePolicy,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

translate = QCoreApplication.translate

QWIDGETSIZE_MAX = 16777215  # Qt's "no maximum"
# window.ini's key for the history's height over the message to the customer, as the owner dragged it.
HISTORY_HEIGHT_KEY = "orderWindow/historyHeight"


class HistoryOverMessage(QSplitter):
    """The order window's history list (its box and label), and under it the message pane once added."""

    def __init__(self, config_dir: Path, parent: QWidget) -> None:
        super().__init__(Qt.Orientation.Vertical, parent)
        self.setObjectName("orderHistorySplit")
        self.history = QStringListModel(self)
        view = self.view = QListView(parent)
        view.setModel(self.history)
        # Beside the order's scrolling parts, never in them: in them, the message to the customer took
        # the height and left the history a one-line sliver at the bottom of a 1366×768 screen.
        # Five lines high where there is room; down to two (it scrolls) where the order's lines and
        # totals need the height (OrderWindow._share_height).
        line = view.fontMetrics().lineSpacing()
        frame = 2 * view.frameWidth() + 4
        view.setMinimumHeight(2 * line + frame)
        self.most = 5 * line + frame
        view.setMaximumHeight(self.most)
        # A line names a deposit and whether the customer was told (and why not): wrapped, not cut.
        view.setWordWrap(True)
        view.setResizeMode(QListView.ResizeMode.Adjust)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self._memory = QSettings(str(config_dir / "window.ini"), QSettings.Format.IniFormat)
        # The history's box: its label over its lines.
        self.box = QWidget(parent)
        box = self._layout = QVBoxLayout(self.box)
        box.setContentsMargins(0, 0, 0, 0)
        label = QLabel(translate("OrderWindow", "History"), self.box)
        label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        box.addWidget(label)
        box.addWidget(self.view, 1)
        box.addStretch(0)  # any height over its five lines below them, not between them and their title

    def add_message(self, message: QWidget) -> None:
        """The history over `message`: the two share what the order's parts leave, the line between
        them the owner's to drag (remembered): at 125 % on a 1366×768 laptop the message's box kept its
        height and the history shrank to two lines."""
        self.addWidget(self.box)
        self.addWidget(message)
        self.setChildrenCollapsible(False)
        # The history's height as set (or dragged); the message takes what the section gains or loses.
        self.setStretchFactor(0, 0)
        self.setStretchFactor(1, 1)
        self.splitterMoved.connect(self._dragged)

    def alone(self) -> int:
        """The height the history wants with no message under it: its label and five lines at most."""
        self.view.setMaximumHeight(self.most)
        return self.box.sizeHint().height()

    def share(self, lower: int, message: int) -> None:
        """The history first, up to its five lines (or the height the owner dragged it to), the
        message the rest of `lower`, never less than `message`."""
        handle = self.handleWidth()
        # Over the message the history takes the height the line between them gives it.
        self.view.setMaximumHeight(QWIDGETSIZE_MAX)
        wanted = self.wanted()
        least = self.box.minimumSizeHint().height()
        history = max(least, min(wanted, lower - handle - message))
        self.setSizes([history, max(0, lower - handle - history)])

    def wanted(self) -> int:
        """The history's height over the message: where the owner last dragged it, else its label
        and five lines."""
        dragged = self._memory.value(HISTORY_HEIGHT_KEY)
        if isinstance(dragged, (int, str)) and str(dragged).isdigit():
            return int(dragged)
        label = self._layout.itemAt(0)
        assert label is not None
        return label.sizeHint().height() + self._layout.spacing() + self.most

    def _dragged(self, _pos: int, _index: int) -> None:
        """The owner dragged the line between the history and the message: it stays there, in this
        window and the next order's."""
        self._memory.setValue(HISTORY_HEIGHT_KEY, self.sizes()[0])
