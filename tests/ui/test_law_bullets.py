"""The law's list of what a marketing message lacks: every "•" drawn alike, in the campaign form, the
chat's template picker and the question before sending, whatever language the line before ended in."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QWidget

from app.campaign_checks import LawProblem
from ui.ad_law import law_label, law_lines

# English problems where a line ends in Korean ("“(광고)”.") and one in English: the next "•" took
# the Korean font after the first and the Latin one after the second.
PROBLEMS = [LawProblem.NO_AD_PREFIX, LawProblem.NO_SHOP_NAME, LawProblem.NO_CONTACT, LawProblem.NO_OPT_OUT]
NAMES = ["Seoul Linen House", "서울 리넨 하우스"]


def law_text() -> str:
    return (
        QCoreApplication.translate("CampaignEditor", "Korean law for advertising messages:")
        + "\n"
        + law_lines(PROBLEMS, NAMES)
    )


def bullets(image: QImage) -> list[tuple[int, int, int]]:
    """Each dot at the lines' start: (width, height, ink) of the small blobs in the first columns
    (letters there, as the heading's "K", are taller than half a line and left out)."""
    background = image.pixelColor(image.width() - 1, image.height() - 1)

    def ink(x: int, y: int) -> bool:
        c = image.pixelColor(x, y)
        return abs(c.lightness() - background.lightness()) > 60

    columns = range(0, 12)
    seen: set[tuple[int, int]] = set()
    found = []
    for y in range(image.height()):
        for x in columns:
            if (x, y) in seen or not ink(x, y):
                continue
            blob, todo = [], [(x, y)]
            seen.add((x, y))
            while todo:
                px, py = todo.pop()
                blob.append((px, py))
                for nx, ny in ((px + 1, py), (px - 1, py), (px, py + 1), (px, py - 1)):
                    inside = 0 <= nx < image.width() and 0 <= ny < image.height()
                    if inside and (nx, ny) not in seen and ink(nx, ny):
                        seen.add((nx, ny))
                        todo.append((nx, ny))
            xs, ys = [p[0] for p in blob], [p[1] for p in blob]
            width, height = max(xs) - min(xs) + 1, max(ys) - min(ys) + 1
            if height <= 6 and width <= 6:
                found.append((width, height, len(blob)))
    return found


def alike(dots: list[tuple[int, int, int]]) -> bool:
    """The same dot, give or take a pixel of antialiasing where a line sits at a half pixel (the
    Latin font's dot and the Korean one's differ by a third of their ink)."""
    inks = [ink for _w, _h, ink in dots]
    return max(inks) - min(inks) <= 2


def shown(qtbot: Any, label: QLabel) -> QImage:
    qtbot.addWidget(label)
    label.setStyleSheet("background: white; color: black;")
    label.setText(law_text())
    label.resize(560, label.heightForWidth(560))
    return label.grab().toImage()


def test_every_bullet_of_the_campaigns_law_list_is_drawn_alike(qtbot: Any) -> None:
    dots = bullets(shown(qtbot, law_label()))
    assert len(dots) == len(PROBLEMS)
    assert alike(dots), dots


def test_a_plain_label_drew_them_in_two_fonts(qtbot: Any) -> None:
    """What the owner saw before: the same text in a plain label, bullets of two sizes."""
    plain = QLabel()
    plain.setTextFormat(Qt.TextFormat.PlainText)
    plain.setWordWrap(True)
    dots = bullets(shown(qtbot, plain))
    assert len(dots) == len(PROBLEMS)
    assert not alike(dots), dots


def test_the_question_before_sending_draws_its_bullets_alike(qtbot: Any, qapp: QApplication) -> None:
    from ui.ad_law import send_anyway

    parent = QWidget()
    qtbot.addWidget(parent)
    seen: list[list[tuple[int, int, int]]] = []

    def look() -> None:
        box = next(w for w in qapp.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible())
        label = next(lb for lb in box.findChildren(QLabel) if "•" in lb.text())
        label.setStyleSheet("background: white; color: black;")
        label.setWordWrap(False)  # no wrapped line starting with a small “ or ( among the dots
        label.adjustSize()
        seen.append(bullets(label.grab().toImage()))
        box.button(QMessageBox.StandardButton.No).click()

    QTimer.singleShot(0, look)
    assert not send_anyway(parent, PROBLEMS, NAMES)
    assert len(seen[0]) == len(PROBLEMS)
    assert alike(seen[0]), seen[0]
