"""Share link: the shop's wa.me link with a prefilled message and its QR code, to copy, print or post."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.catalog import ItemRow
from app.errors import InvalidInput
from app.phones import example_number
from app.share_link import MAX_PREFILLED, qr_png, read_share_phone, save_qr, save_share_phone, wa_me_link
from ui import message_box
from ui.bounded_text import BoundedTextEdit
from ui.context import AppContext
from ui.error_sentences import file_error_sentence
from ui.ops import run_change, run_op
from ui.save_paths import Picked, save_file_name
from ui.theme import problem_colour

log = logging.getLogger(__name__)

QR_SIDE = 240


class ShareLinkDialog(QDialog):
    """Opened from the catalogue (optionally for one item, whose name goes into the message)."""

    def __init__(
        self, ctx: AppContext, *, item: ItemRow | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Share link"))
        self.link_text = ""
        self.phone = QLineEdit()
        self.phone.setAccessibleName(self.tr("Shop number"))
        # Filled when the number used last time arrives (unless the owner typed one meanwhile).
        self.phone.setEnabled(False)
        self.phone.setPlaceholderText(
            self.tr("Your WhatsApp number, e.g. {0}").format(example_number(ctx.shop_region))
        )
        # The example whole, not "e.g. 01512 34…": a German mobile is longer than a Korean one.
        margins = self.phone.textMargins().left() + self.phone.textMargins().right()
        self.phone.setMinimumWidth(
            self.phone.fontMetrics().horizontalAdvance(self.phone.placeholderText()) + margins + 16
        )
        self.message = BoundedTextEdit()
        self.message.setMaximumHeight(90)
        if item is not None:
            self.message.setPlainText(
                self.tr("Hello! I would like to ask about {0} ({1}).").format(item.name, item.retailer_id)
            )
        else:
            self.message.setPlainText(self.tr("Hello! I would like to order."))
        self.link = QLineEdit()
        self.link.setAccessibleName(self.tr("Link"))
        self.link.setReadOnly(True)
        self.copy = QPushButton(self.tr("&Copy link"))
        self.qr = QLabel()
        self.qr.setFixedSize(QR_SIDE, QR_SIDE)
        self.qr.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.qr.setStyleSheet("background: white;")
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet(f"color: {problem_colour()};")
        self.save = QPushButton(self.tr("&Save QR code…"))
        hint = QLabel(
            self.tr("Customers who scan the code or open the link start a WhatsApp chat with your shop.")
        )
        hint.setWordWrap(True)

        link_row = QHBoxLayout()
        link_row.addWidget(self.link, 1)
        link_row.addWidget(self.copy)
        form = QFormLayout()
        form.addRow(self.tr("Shop &number"), self.phone)
        form.addRow(self.tr("&Message"), self.message)
        link_label = QLabel(self.tr("&Link"))
        link_label.setBuddy(self.link)
        form.addRow(link_label, link_row)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.save, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.qr, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(buttons)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(200)
        self._timer.timeout.connect(self.refresh)
        self.phone.textChanged.connect(self._phone_changed)
        self.message.textChanged.connect(self._timer.start)
        self.copy.clicked.connect(self.copy_link)
        self.save.clicked.connect(self.save_qr)
        self.refresh()
        db = ctx.db
        region = self.ctx.shop_region
        run_op(
            lambda: read_share_phone(db, region),
            self._phone_loaded,
            parent=self,
            on_failure=self._phone_unread,
        )

    def _phone_loaded(self, phone: str) -> None:
        self.phone.setEnabled(True)
        if phone and not self.phone.text():
            self.phone.setText(phone)
            self.refresh()

    def _phone_unread(self, exc: BaseException) -> None:
        log.warning("the share number could not be read: %s", exc)
        self.phone.setEnabled(True)

    def _phone_changed(self, _text: str) -> None:
        self._timer.start()

    def refresh(self) -> None:
        text = self.message.toPlainText()
        try:
            link = wa_me_link(self.phone.text(), text, self.ctx.shop_region)
        except InvalidInput:
            self.link_text = ""
            self.link.clear()
            self.qr.clear()
            if self.phone.text().strip():
                self.problem.setText(
                    self.tr("Enter the shop's WhatsApp number, with its country code if abroad.")
                )
            else:
                self.problem.setText(self.tr("Enter the shop's WhatsApp number to make the link."))
            self._enable(False)
            return
        if len(text.strip()) > MAX_PREFILLED:
            self.problem.setText(self.tr("The message is long; only its first 1000 characters are kept."))
        else:
            self.problem.clear()
        self.link_text = link
        self.link.setText(link)
        self.link.setCursorPosition(0)  # the start (wa.me/number) is what the owner checks
        pixmap = QPixmap()
        pixmap.loadFromData(qr_png(link, scale=6, border=2))
        self.qr.setPixmap(
            pixmap.scaled(
                QR_SIDE, QR_SIDE, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.FastTransformation
            )
        )
        self._enable(True)

    def _enable(self, ok: bool) -> None:
        self.copy.setEnabled(ok)
        self.copy.setText(self.tr("&Copy link"))  # "Copied" was said of the link before this one
        self.save.setEnabled(ok)

    def copy_link(self) -> None:
        if self.link_text:
            QGuiApplication.clipboard().setText(self.link_text)
            self.copy.setText(self.tr("&Copied"))

    def save_qr(self) -> None:
        if not self.link_text:
            return
        name = save_file_name(
            self,
            Picked.QR_CODE,  # Pictures, Documents where there is none
            self.tr("Save QR code"),
            self.tr("whatsapp-qr.png", "the saved QR code's suggested file name"),
            self.tr("PNG image (*.png);;SVG for printing (*.svg)"),
        )
        if not name:
            return
        try:
            save_qr(self.link_text, Path(name))
        except OSError as exc:
            message_box.warning(self, self.tr("Share link"), file_error_sentence(exc))

    def done(self, result: int) -> None:
        if self._timer.isActive():  # typed in the last moment: the link of what is in the field
            self._timer.stop()
            self.refresh()
        digits = self.phone.text().strip()
        if digits and self.link_text:  # a number half typed, or mistyped, is not remembered
            # Remembered for next time; the dialog need not wait for it.
            db, region = self.ctx.db, self.ctx.shop_region
            run_change(
                self.ctx, lambda: save_share_phone(db, digits, region), on_failure=self._not_remembered
            )
        super().done(result)

    @staticmethod
    def _not_remembered(exc: BaseException) -> None:
        log.warning("the share number could not be remembered: %s", exc)
