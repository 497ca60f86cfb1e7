"""A button per placeholder an order message can name, labelled in the owner's words."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QToolButton, QVBoxLayout, QWidget

from app.order_messages import PLACEHOLDERS
from app.transfer_names import transfers_named
from ui.field_tokens import shown_order_fields
from ui.icon_buttons import press_with_keys

translate = QCoreApplication.translate

COLUMNS = 5
# The keys that press the placeholders' buttons, first to last.
PLACEHOLDER_KEYS = tuple(f"Ctrl+{digit}" for digit in "1234567890")


def placeholder_label(name: str, shop_region: str = "KR") -> str:
    """What `{name}` stands for, as the owner reads it ("Customer name" for {name}); {depositor} as a
    shop in `shop_region` asks for it (a British shop's "Payment reference", Korea's 입금자명)."""
    if name == "depositor" and not transfers_named(shop_region):
        return translate("PlaceholderButtons", "Payment reference")
    return {
        "name": translate("PlaceholderButtons", "Customer name"),
        "number": translate("PlaceholderButtons", "Order number"),
        "items": translate("PlaceholderButtons", "Items ordered"),
        "total": translate("PlaceholderButtons", "Order total"),
        "bank": translate("PlaceholderButtons", "Bank account"),
        "depositor": translate("PlaceholderButtons", "Name on the transfer"),
        "deadline": translate("PlaceholderButtons", "Payment deadline"),
        "courier": translate("PlaceholderButtons", "Courier"),
        "tracking": translate("PlaceholderButtons", "Tracking number"),
        "tracking_url": translate("PlaceholderButtons", "Tracking link"),
    }[name]


class PlaceholderButtons(QWidget):
    """Clicking one emits its placeholder ("{name}") for the message being edited to take in."""

    chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None, *, shop_region: str = "KR") -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(
            QLabel(self.tr("Insert in the message at the cursor (filled in for each order):"), self)
        )
        grid = QGridLayout()
        self.buttons: dict[str, QToolButton] = {}
        for i, name in enumerate(PLACEHOLDERS):
            button = QToolButton(self)
            button.setObjectName(f"placeholder_{name}")
            button.setText(placeholder_label(name, shop_region))
            # Ctrl+1 … Ctrl+0, in the order shown: the dialog's letters are its fields' and tabs'.
            tip = shown_order_fields(f"{{{name}}}")  # as it reads in the message
            if i < len(PLACEHOLDER_KEYS):
                press_with_keys(button, PLACEHOLDER_KEYS[i], tip)
            else:
                button.setToolTip(tip)
            button.clicked.connect(lambda _c=False, n=name: self.chosen.emit(f"{{{n}}}"))
            grid.addWidget(button, i // COLUMNS, i % COLUMNS)
            self.buttons[name] = button
        grid.setColumnStretch(COLUMNS, 1)  # the buttons packed to the left, as the label above them
        layout.addLayout(grid)
