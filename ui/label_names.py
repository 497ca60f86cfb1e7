"""A label's name as shown: the built-in labels in the owner's language (no database, no SQLAlchemy)."""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap

from ui.theme import contrast_ratio

# Offered for a new label, in turn: WhatsApp Business's palette.
PALETTE = ("#3DA1F1", "#F5A623", "#E45756", "#9B59B6", "#25D366", "#FF7EB6", "#00BFA5", "#8D6E63")

DEFAULT_LABEL_NAMES = frozenset(
    ("New customer", "New order", "Pending payment", "Paid", "Shipped", "Order complete")
)


def label_display_name(name: str) -> str:
    """A label's name as shown: the built-in labels (app.models.DEFAULT_LABELS) in the owner's language."""
    if name not in DEFAULT_LABEL_NAMES:  # the owner's own labels (most of a row's chips)
        return name
    defaults = {
        "New customer": QCoreApplication.translate("LabelNames", "New customer"),
        "New order": QCoreApplication.translate("LabelNames", "New order"),
        "Pending payment": QCoreApplication.translate("LabelNames", "Pending payment"),
        "Paid": QCoreApplication.translate("LabelNames", "Paid"),
        "Shipped": QCoreApplication.translate("LabelNames", "Shipped"),
        "Order complete": QCoreApplication.translate("LabelNames", "Order complete"),
    }
    return defaults.get(name, name)


def shown_label_names() -> dict[str, str]:
    """Each built-in label's stored name → its name as shown (for the names a new one may not take)."""
    return {name: label_display_name(name) for name in DEFAULT_LABEL_NAMES}


def new_label_colour(labels_before: int) -> str:
    """The colour a new label starts with: the palette in turn (the owner can change it)."""
    return PALETTE[labels_before % len(PALETTE)]


def without_mnemonic(label: str) -> str:
    """A label as read aloud or quoted: "Shop &name" → "Shop name", "가게 이름(&N)" → "가게 이름"."""
    return re.sub(r"\(&[^)]\)|&(?=.)", "", label).strip()


def as_button_text(name: str) -> str:
    """A name the owner typed (a label's, a collection's), as a menu item's or a button's text: its
    "&" shown as typed. Qt takes one "&" as the Alt letter's mark: "R&D" showed as "RD", D underlined."""
    return name.replace("&", "&&")


# The Alt keys of a menu's labels, in their order: digits first, as Windows numbers a list of names
# the owner made (recent files), for a Korean name has no letter of its own.
_MENU_KEYS = "1234567890ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def numbered_menu_texts(names: list[str], beside: list[str]) -> list[str]:
    """Labels' names as a menu's items, each with its own Alt key ("&1 Paid") but the keys of the
    items `beside` them ("&New label…": N); past the keys, a name alone."""
    taken = {
        found.group(1).upper()
        for text in beside
        if (found := re.search(r"&([^&\s])", text.replace("&&", "")))
    }
    keys = iter(key for key in _MENU_KEYS if key not in taken)
    return [
        f"&{key} {as_button_text(name)}" if (key := next(keys, "")) else as_button_text(name)
        for name in names
    ]


def label_swatch(colour: str, size: int = 14, *, ticked: bool = False) -> QIcon:
    """A label's colour as a round dot, as the chat rows paint it, ringed a shade darker so a pale
    yellow still shows on a white menu: beside the label's name wherever labels are listed, so the
    dots on the rows can be told apart by name (also by someone who cannot tell the colours apart).

    `ticked` draws a tick in the dot, for a menu's checked label: a menu item with an icon shows
    no check mark of its own (Qt only frames the icon, too faintly to see which label is on)."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    fill = QColor(colour)
    painter.setPen(QPen(fill.darker(140), 1))
    painter.setBrush(fill)
    painter.drawEllipse(QRectF(0.5, 0.5, size - 1, size - 1))
    if ticked:
        dark, light = QColor("#111111"), QColor("#FFFFFF")
        ink = dark if contrast_ratio(dark, fill) >= contrast_ratio(light, fill) else light
        pen = QPen(ink, max(1.5, size / 8))
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPolyline(
            [
                QPointF(size * 0.27, size * 0.52),
                QPointF(size * 0.44, size * 0.70),
                QPointF(size * 0.74, size * 0.32),
            ]
        )
    painter.end()
    return QIcon(pixmap)
