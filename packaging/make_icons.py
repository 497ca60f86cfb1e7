"""Render resources/icons/app.svg into the app icons the installers need: app.png, app.ico, app.icns."""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ICONS = ROOT / "resources" / "icons"


def main() -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QImageWriter, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(ICONS / "app.svg"))

    def render(size: int) -> QImage:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        renderer.render(painter)
        painter.end()
        return image

    render(512).save(str(ICONS / "app.png"))
    for fmt, name, size in (("ico", "app.ico", 256), ("icns", "app.icns", 512)):
        writer = QImageWriter(str(ICONS / name), fmt.encode())
        if not writer.write(render(size)):
            raise SystemExit(f"could not write {name}: {writer.errorString()}")
    print("wrote app.png, app.ico, app.icns")


if __name__ == "__main__":
    main()
