"""File dialogs: the desktop's own where it has one, else Qt's with sizes and dates as the owner reads them.

Qt's own dialog (Linux without a desktop's file dialogs) writes a file's size and date in the system's
locale, not the app's: "151 bytes" in a Korean window, cut to "151…tes" by a column sized for
"128.88 GB", and dates as "5 12 2026 08:47" where LANG is unset. Its size and date columns here say
them as the rest of the app does ("151 B", "1.4 MB"; "2026. 12. 5. 오전 8:47"), in columns wide enough.

The four functions take and return what QFileDialog's static functions do (a dialog shown by one of
those is built in C++, beyond reach): ui/save_paths.py calls them through this module.
"""

from __future__ import annotations

from PySide6.QtCore import QDate, QDateTime, QEvent, QModelIndex, QObject, QPersistentModelIndex, QTime
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QFileSystemModel,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
    QWidget,
)

from ui.formatting import date_edit_format, display_locale
from ui.screen_fit import screen_of
from ui.size_text import human_size

# The columns of Qt's detail view: name, size, type, date modified.
SIZE_COLUMN = 1
DATE_COLUMN = 3
# The widest sizes and dates a column must show whole (a day and month of two digits, an afternoon).
WIDEST_SIZES = (999, 9_990, 999_000, 9_990_000, 999_000_000, 999_000_000_000)
WIDEST_DATE = QDateTime(QDate(2026, 12, 28), QTime(22, 58))


def file_date(modified: QDateTime) -> str:
    """When a file was changed, as the app writes dates: "2026. 12. 5. 오전 8:47", "12/5/2026 8:47 AM"."""
    return display_locale().toString(modified, date_edit_format(with_time=True))


class _ReadableColumn(QStyledItemDelegate):
    """A file's size or date in the app's words, taken from the file system model's own values."""

    def initStyleOption(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        super().initStyleOption(option, index)
        model = index.model()
        if not isinstance(model, QFileSystemModel) or not isinstance(index, QModelIndex):
            return
        if index.column() == SIZE_COLUMN:
            # Qt leaves a folder's size empty; so does this.
            option.text = "" if model.isDir(index) else human_size(model.size(index))
        elif index.column() == DATE_COLUMN:
            modified = model.lastModified(index)
            option.text = file_date(modified) if modified.isValid() else ""


def readable_columns(dialog: QFileDialog) -> None:
    """Qt's own dialog (nothing happens to a desktop's): sizes and dates in the app's words, their
    columns wide enough for the widest of them."""
    view = dialog.findChild(QTreeView, "treeView")
    if not isinstance(view, QTreeView):
        return
    delegate = _ReadableColumn(view)
    view.setItemDelegateForColumn(SIZE_COLUMN, delegate)
    view.setItemDelegateForColumn(DATE_COLUMN, delegate)
    header = view.header()
    metrics = view.fontMetrics()
    # A cell's text sits between the style's margins, on each side.
    room = 2 * (view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1) + 8
    for column, texts in (
        (SIZE_COLUMN, [human_size(size) for size in WIDEST_SIZES]),
        (DATE_COLUMN, [file_date(WIDEST_DATE)]),
    ):
        wanted = max(
            max(metrics.horizontalAdvance(text) for text in texts) + room, header.sectionSizeHint(column)
        )
        # Wider when Qt's (or the owner's last, which Qt keeps) is too narrow; never narrower.
        if header.sectionSize(column) < wanted:
            header.resizeSection(column, wanted)
    _WideEnough(dialog, view)


class _WideEnough(QObject):
    """As the dialog shows (its layout done, nothing painted yet), widens it so that every column is
    in view: at Qt's own size the dates sat behind a scroll bar. Never beyond the screen."""

    def __init__(self, dialog: QFileDialog, view: QTreeView) -> None:
        super().__init__(dialog)
        self.view = view
        dialog.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and isinstance(watched, QWidget):
            watched.removeEventFilter(self)
            view = self.view
            missing = (
                view.header().length() + view.verticalScrollBar().sizeHint().width() - view.viewport().width()
            )
            screen = screen_of(watched).availableGeometry().width()
            if missing > 0 and screen:
                watched.resize(min(watched.width() + missing, screen * 9 // 10), watched.height())
        return False


def _chosen(dialog: QFileDialog) -> tuple[list[str], str] | None:
    """The dialog, modal as a static one's: the files (or folder) the owner chose and the filter, or
    None when cancelled."""
    readable_columns(dialog)
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return list(dialog.selectedFiles()), dialog.selectedNameFilter()
    finally:
        dialog.deleteLater()


def open_file_name(parent: QWidget | None, caption: str, folder: str, filters: str = "") -> tuple[str, str]:
    """As QFileDialog.getOpenFileName: (the file, its filter); ("", "") when cancelled."""
    dialog = QFileDialog(parent, caption, folder, filters)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    chosen = _chosen(dialog)
    return ("", "") if not chosen or not chosen[0] else (chosen[0][0], chosen[1])


def open_file_names(
    parent: QWidget | None, caption: str, folder: str, filters: str = ""
) -> tuple[list[str], str]:
    """As QFileDialog.getOpenFileNames: (the files, their filter); ([], "") when cancelled."""
    dialog = QFileDialog(parent, caption, folder, filters)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
    return _chosen(dialog) or ([], "")


def save_file_name(parent: QWidget | None, caption: str, path: str, filters: str = "") -> tuple[str, str]:
    """As QFileDialog.getSaveFileName (`path`: the folder and the name suggested); ("", "") when cancelled."""
    dialog = QFileDialog(parent, caption, path, filters)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    chosen = _chosen(dialog)
    return ("", "") if not chosen or not chosen[0] else (chosen[0][0], chosen[1])


def existing_folder(parent: QWidget | None, caption: str, folder: str) -> str:
    """As QFileDialog.getExistingDirectory: the folder; "" when cancelled."""
    dialog = QFileDialog(parent, caption, folder)
    dialog.setFileMode(QFileDialog.FileMode.Directory)
    dialog.setOption(QFileDialog.Option.ShowDirsOnly)
    chosen = _chosen(dialog)
    return chosen[0][0] if chosen and chosen[0] else ""
