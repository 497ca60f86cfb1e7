"""A photo taken with the phone held upright is stored on its side with an EXIF note to turn it: its
bubble stands upright and the picture in it is neither squashed nor cut off."""

from __future__ import annotations

import struct
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRect
from PySide6.QtGui import QColor, QImage, QPainter

from app.message_media import MediaInfo
from tests.ui.test_bubble_layout import row
from ui.bubble_layout import Fonts, compute
from ui.image_cache import image_size, thumbnail


@pytest.fixture
def fonts(qapp: Any) -> Fonts:
    from ui.theme import ui_font

    return Fonts(ui_font(1), ui_font(-1.5), ui_font(-1.5, bold=True))


def _jpeg_on_its_side(path: Path, orientation: int = 6) -> None:
    """A 400×200 JPEG (blue on its left quarter, red elsewhere) whose EXIF says: turn a quarter right."""
    image = QImage(400, 200, QImage.Format.Format_RGB32)
    image.fill(QColor("red"))
    painter = QPainter(image)
    painter.fillRect(QRect(0, 0, 100, 200), QColor("blue"))
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "JPEG", 95)  # type: ignore[call-overload]
    jpeg = bytes(data.data())
    entry = struct.pack(">HHIHH", 0x0112, 3, 1, orientation, 0)
    tiff = b"MM\x00\x2a" + struct.pack(">I", 8) + struct.pack(">H", 1) + entry + struct.pack(">I", 0)
    app1 = b"Exif\x00\x00" + tiff
    path.write_bytes(jpeg[:2] + b"\xff\xe1" + struct.pack(">H", len(app1) + 2) + app1 + jpeg[2:])


def test_an_upright_phone_photo_gets_an_upright_bubble_and_is_not_squashed(
    fonts: Fonts,
    tmp_path: Path,
) -> None:
    _jpeg_on_its_side(tmp_path / "upright.jpg")
    assert image_size(str(tmp_path / "upright.jpg")) == (200, 400)

    media = MediaInfo(1, "image/jpeg", None, 1000, "upright.jpg", None)
    geo = compute(
        row(kind="image", body=""),
        800,
        fonts,
        show_date="",
        divider=0,
        first_of_group=True,
        quote=None,
        media=media,
        media_dir=str(tmp_path),
    )
    assert geo.card is not None
    card = geo.card.rect
    assert card.height() > card.width()  # upright, as the customer saw it on the phone

    # What the chat paints into the card: the whole picture, turned, at the card's shape.
    picture = thumbnail(geo.card.image_path, int(card.width() * 2), int(card.height() * 2))
    assert picture is not None
    assert picture.width() <= card.width() * 2 and picture.height() <= card.height() * 2
    assert abs(picture.width() / picture.height() - card.width() / card.height()) < 0.05
    top, bottom = (
        picture.pixelColor(picture.width() // 2, 2),
        picture.pixelColor(picture.width() // 2, picture.height() - 3),
    )
    assert top.blue() > 200 and top.red() < 60  # the stored left edge is now the top
    assert bottom.red() > 200 and bottom.blue() < 60
