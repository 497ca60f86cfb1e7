"""An order's memo row: the owner's own note on the order (the new-order form's 메모), for her eyes only."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from app.orders import MAX_NOTE
from ui.enter_key import keep_enter

translate = QCoreApplication.translate


class MemoRow(QWidget):
    """The memo field and its Save; the order window stores it."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.memo = QLineEdit(self)
        self.memo.setObjectName("orderMemo")
        self.memo.setMaxLength(MAX_NOTE)
        self.memo.setPlaceholderText(translate("OrderWindow", "For you: the customer does not see it"))
        self.save_button = QPushButton(translate("OrderWindow", "Save"), self)
        self.save_button.setObjectName("saveMemo")
        keep_enter(self.memo)
        mr = QHBoxLayout(self)
        mr.setContentsMargins(0, 0, 0, 0)
        # Alt+N reaches the memo and Enter saves it: the row's Save needs no letter of its own (the
        # window has three Saves, and S is Mark shipped's).
        label = QLabel(translate("OrderWindow", "&Note"), self)
        label.setBuddy(self.memo)
        mr.addWidget(label)
        mr.addWidget(self.memo, 1)
        mr.addWidget(self.save_button)
