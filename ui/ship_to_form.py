"""The order window's "Ship to" form: recipient, phone, 우편번호, address, detail and delivery memo."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from app.order_queries import ShipTo
from app.phones import typed_phone_shown
from app.postcodes import postcode_in_address
from app.shipping_sheets import POSTCODE_LENGTH, ShippingAddress
from ui.enter_key import keep_enter


class ShipToForm(QWidget):
    save_requested = Signal(object)  # ShippingAddress
    edited = Signal()  # any field's text changed (typed, or filled from the order)

    def __init__(self, parent: QWidget | None = None, *, shop_region: str = "KR") -> None:
        super().__init__(parent)
        self.setObjectName("shipTo")
        self.name = QLineEdit(self)
        self.name.setMaxLength(64)
        self.phone = QLineEdit(self)
        self.phone.setMaxLength(32)
        self.postcode = QLineEdit(self)
        self.postcode.setMaxLength(POSTCODE_LENGTH)
        # What goes here, not a sample number: a grey "04799" read as a postcode already filled in.
        # Only a Korean shop's postcodes must be 5 digits (app.shipping_sheets.clean_postcode).
        if shop_region.upper() == "KR":
            self.postcode.setPlaceholderText(self.tr("Postcode (5 digits)"))
        elif shop_region.upper() == "US":
            self.postcode.setPlaceholderText(self.tr("ZIP code"))
        else:
            self.postcode.setPlaceholderText(self.tr("Postcode"))
        self.postcode.setAccessibleName(self.tr("Postcode"))
        # A postcode read from the address line ("…London NW1 6XE"), shown until the owner types her
        # own: the order keeps it when the address is saved, as Mark shipped and the courier file use it.
        self._suggested = ""
        self.postcode.textEdited.connect(self._postcode_typed)
        # Wide enough for its placeholder (the field's only label) in either language, no wider.
        hint = self.postcode.fontMetrics().horizontalAdvance(self.postcode.placeholderText())
        self.postcode.setMaximumWidth(max(90, hint + 24))
        self.address = QLineEdit(self)
        self.address.setMaxLength(200)
        self.address.textEdited.connect(self._address_typed)
        self.detail = QLineEdit(self)
        self.detail.setMaxLength(200)
        self.memo = QLineEdit(self)
        self.memo.setMaxLength(200)
        self.save_button = QPushButton(self.tr("Sa&ve address"), self)
        self.save_button.clicked.connect(self._save)
        fields = (self.name, self.phone, self.postcode, self.address, self.detail, self.memo)
        for field in fields:  # Enter saves the address, as its button does, and nothing else
            field.returnPressed.connect(self._save)
        keep_enter(*fields)
        # Said once the order holds the address (the button alone gave no sign it had), gone as
        # soon as the owner types in it again.
        self.saved_note = QLabel(self.tr("Saved"), self)
        self.saved_note.setObjectName("addressSaved")
        self.saved_note.setTextFormat(Qt.TextFormat.PlainText)
        self.saved_note.hide()
        for field in fields:
            field.textEdited.connect(self.saved_note.hide)
            field.textChanged.connect(self.edited)
        first = QHBoxLayout()
        first.addWidget(self.name, 2)
        first.addWidget(self.phone, 2)
        first.addWidget(self.postcode)
        second = QHBoxLayout()
        second.addWidget(self.address, 3)
        second.addWidget(self.detail, 2)
        third = QHBoxLayout()
        third.addWidget(self.memo, 1)
        third.addWidget(self.saved_note)
        third.addWidget(self.save_button)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("Ship to"), first)
        form.addRow(self.tr("Address"), second)
        form.addRow(self.tr("Memo"), third)
        self.name.setPlaceholderText(self.tr("Recipient"))
        self.phone.setPlaceholderText(self.tr("Phone"))
        self.address.setPlaceholderText(self.tr("Address"))
        self.detail.setPlaceholderText(self.tr("Apartment, floor…"))
        self.memo.setPlaceholderText(self.tr("Delivery memo (e.g. leave at the door)"))

    @staticmethod
    def stored_value(
        ship_to: ShipTo, default_name: str, default_phone: str = "", shop_region: str = "KR"
    ) -> ShippingAddress:
        """The order's address as the form shows it: an empty recipient or phone is the customer's own
        (as the courier sheet fills them); a phone written as the window writes numbers ("07700 900123"
        in a British shop, not the "+447700900123" it was typed as)."""
        return ShippingAddress(
            ship_to.recipient_name or default_name,
            typed_phone_shown(ship_to.recipient_phone, shop_region) or default_phone,
            ship_to.postcode,
            ship_to.address,
            ship_to.address_detail,
            ship_to.delivery_memo,
        )

    def show_value(self, where: ShippingAddress) -> None:
        self.name.setText(where.recipient_name)
        self.phone.setText(where.recipient_phone)
        self.address.setText(where.address)
        if where.postcode.strip():
            self._mark_suggested("")
            self.postcode.setText(where.postcode)
        else:
            self._suggest(postcode_in_address(where.address))
        self.detail.setText(where.address_detail)
        self.memo.setText(where.delivery_memo)

    def _save(self) -> None:
        if not self.save_button.isEnabled():
            return  # nothing typed since the order's address (Enter in a field with no change)
        self.saved_note.hide()
        self.save_requested.emit(self.value())

    def show_saved(self) -> None:
        """The address as typed is now the order's."""
        self.saved_note.show()

    @property
    def suggested_postcode(self) -> str:
        """The postcode shown as read from the address line ("" when the field holds the order's
        own, or the owner's typing)."""
        return self._suggested

    def _suggest(self, postcode: str) -> None:
        """Show `postcode` as found in the address ("" for none found: the field empty)."""
        self._mark_suggested(postcode)
        self.postcode.setText(postcode)

    def _mark_suggested(self, postcode: str) -> None:
        """A suggestion reads italic, with a tooltip that says where it came from; "" for plain."""
        self._suggested = postcode
        font = self.postcode.font()
        font.setItalic(bool(postcode))
        self.postcode.setFont(font)
        self.postcode.setToolTip(
            self.tr("Read from the address line. Type over it if it is not right.") if postcode else ""
        )

    def _address_typed(self, address: str) -> None:
        if not self.postcode.text().strip() or self._suggested:
            self._suggest(postcode_in_address(address))

    def _postcode_typed(self, _text: str) -> None:
        if self._suggested:
            self._mark_suggested("")

    def value(self) -> ShippingAddress:
        # A suggestion is not a change: saved, the order reads the same postcode from its address.
        return ShippingAddress(
            self.name.text(),
            self.phone.text(),
            "" if self._suggested else self.postcode.text(),
            self.address.text(),
            self.detail.text(),
            self.memo.text(),
        )
