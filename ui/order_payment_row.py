"""An order's payment row: the name (or reference) the transfer comes under, and a 현금영수증 number."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from app.order_actions import PaymentDetails
from app.transfer_names import transfers_named
from ui.enter_key import keep_enter

translate = QCoreApplication.translate


class PaymentRow(QWidget):
    """The depositor and cash-receipt fields and their Save; the order window stores them."""

    def __init__(self, shop_region: str, parent: QWidget) -> None:
        super().__init__(parent)
        # Payment: the name the transfer comes under (입금자명 is often not the customer's) and 현금영수증.
        self.depositor = QLineEdit(self)
        self.depositor.setObjectName("depositor")
        self.depositor.setMaxLength(64)
        # A British or American shop's customers pay with a reference, not under a name (입금자명).
        self.named_transfers = transfers_named(shop_region)
        self.depositor.setPlaceholderText(
            translate("OrderWindow", "Name on the transfer")
            if self.named_transfers
            else translate("OrderWindow", "Payment reference")
        )
        self.depositor.setAccessibleName(self.depositor.placeholderText())
        self.cash_receipt = QLineEdit(self)
        self.cash_receipt.setMaxLength(20)
        self.cash_receipt.setPlaceholderText(
            translate("OrderWindow", "Cash receipt: phone or business number")
        )
        self.save_button = QPushButton(translate("OrderWindow", "Save"), self)
        keep_enter(self.depositor, self.cash_receipt)
        pr = QHBoxLayout(self)
        pr.setContentsMargins(0, 0, 0, 0)
        # Alt+Y reaches the name on the transfer and Enter saves the row, as the memo's Alt+N.
        label = QLabel(translate("OrderWindow", "Pa&yment"), self)
        label.setBuddy(self.depositor)
        pr.addWidget(label)
        pr.addWidget(self.depositor, 1)
        pr.addWidget(self.cash_receipt, 1)
        pr.addWidget(self.save_button)

    def value(self) -> PaymentDetails:
        """The payment details as typed."""
        return PaymentDetails(self.depositor.text(), self.cash_receipt.text())
