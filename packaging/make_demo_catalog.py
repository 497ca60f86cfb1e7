"""Write the demo shop's catalogue: resources/demo/catalog.json and small product pictures (QPainter).

Run once after changing the list below: `python packaging/make_demo_catalog.py`. Each picture is a
flat product silhouette on a soft background, saved as a JPEG under 15 KB.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QGuiApplication, QImage, QPainter, QPainterPath, QPen

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "resources" / "demo"
SIDE = 240
MAX_BYTES = 15 * 1024

# retailer_id, name, description, price (KRW), collection, shape, colour, hidden
ITEMS: list[tuple[str, str, str, int, str, str, str, bool]] = [
    (
        "LN-SH-IV",
        "린넨 셔츠 아이보리",
        "린넨 100%. 여유 있는 핏, S·M·L. 찬물 손세탁 권장.",
        39000,
        "셔츠·블라우스",
        "shirt",
        "#EDE3CF",
        False,
    ),
    (
        "LN-SH-SK",
        "린넨 셔츠 스카이블루",
        "린넨 100%. 시원한 하늘색, S·M·L.",
        39000,
        "셔츠·블라우스",
        "shirt",
        "#9EC5E8",
        False,
    ),
    (
        "LN-BL-WH",
        "린넨 블라우스 화이트",
        "퍼프 소매 블라우스. 린넨 55% 레이온 45%.",
        42000,
        "셔츠·블라우스",
        "shirt",
        "#F4F4EF",
        False,
    ),
    (
        "DR-SU-NV",
        "썸머 원피스 네이비",
        "허리 스트링 롱 원피스. 안감 있음, 비침 없음.",
        59000,
        "원피스",
        "dress",
        "#24365F",
        False,
    ),
    (
        "DR-SU-IV",
        "썸머 원피스 아이보리",
        "허리 스트링 롱 원피스. 안감 있음.",
        59000,
        "원피스",
        "dress",
        "#EFE6D2",
        False,
    ),
    (
        "DR-FL-PK",
        "플라워 랩 원피스",
        "잔꽃 패턴 랩 원피스. 프리사이즈 (55~66).",
        65000,
        "원피스",
        "dress",
        "#E49AB0",
        False,
    ),
    (
        "PT-LN-BE",
        "린넨 와이드 팬츠 베이지",
        "밴딩 허리, 총장 98cm. S·M·L.",
        45000,
        "팬츠·스커트",
        "pants",
        "#D5BE98",
        False,
    ),
    (
        "PT-DN-BL",
        "스트레이트 데님 팬츠",
        "논스판 데님, 미드 워싱. 25~30 사이즈.",
        52000,
        "팬츠·스커트",
        "pants",
        "#3E5C8A",
        False,
    ),
    (
        "SK-PL-KH",
        "플리츠 롱스커트 카키",
        "주름이 잘 유지되는 폴리 원단. 밴딩.",
        48000,
        "팬츠·스커트",
        "skirt",
        "#7D7A55",
        False,
    ),
    (
        "KN-CD-OA",
        "코튼 니트 가디건 오트밀",
        "코튼 100% 가디건. 봄·가을용.",
        49000,
        "아우터",
        "coat",
        "#D9CBB0",
        False,
    ),
    (
        "OT-TR-BE",
        "트렌치 코트 베이지",
        "더블 버튼 트렌치 코트. 벨트 포함. Unisex.",
        129000,
        "아우터",
        "coat",
        "#C2A878",
        False,
    ),
    ("OT-PD-BK", "경량 패딩 조끼 블랙", "시즌 종료 (재입고 미정).", 39000, "아우터", "vest", "#2A2A2A", True),
    (
        "BG-TT-NT",
        "캔버스 토트백 내추럴",
        "두꺼운 캔버스 토트백. A4 수납, 안주머니 1개.",
        29000,
        "가방",
        "tote",
        "#E3D7BC",
        False,
    ),
    (
        "BG-CR-BK",
        "레더 크로스백 블랙",
        "소가죽 크로스백. 스트랩 길이 조절.",
        89000,
        "가방",
        "crossbag",
        "#232323",
        False,
    ),
    (
        "BG-MN-RD",
        "미니 숄더백 버건디",
        "미니 숄더백. 휴대폰과 카드지갑 수납.",
        69000,
        "가방",
        "crossbag",
        "#7A1F2B",
        False,
    ),
    (
        "AC-SC-GR",
        "울 머플러 그레이",
        "울 80%. 180 × 30 cm. Gift box available.",
        35000,
        "액세서리",
        "scarf",
        "#9C9C9C",
        False,
    ),
    ("AC-HT-BK", "버킷햇 블랙", "코튼 버킷햇. 머리둘레 58cm.", 25000, "액세서리", "hat", "#2B2B2B", False),
    (
        "AC-CP-NV",
        "볼캡 네이비",
        "워싱 코튼 볼캡. 사이즈 조절 가능.",
        22000,
        "액세서리",
        "cap",
        "#22304F",
        False,
    ),
    (
        "AC-SK-3P",
        "코튼 양말 3종 세트",
        "파스텔 3종 (라벤더·민트·크림). 230~260mm.",
        12000,
        "액세서리",
        "socks",
        "#C9B8E0",
        False,
    ),
    (
        "AC-ER-GD",
        "진주 드롭 귀걸이",
        "담수진주, 14K 골드 도금 침. 알레르기 걱정 적어요.",
        18000,
        "액세서리",
        "earring",
        "#D4AF37",
        False,
    ),
    ("SH-SL-BR", "레더 슬리퍼 브라운", "소가죽 슬리퍼. 225~250mm.", 58000, "신발", "shoe", "#6B4226", False),
]

BACKGROUNDS = ["#F6EFE7", "#EEF3F6", "#F3EEF6", "#EEF6EF", "#F7F2E4"]


def _path(points: list[tuple[float, float]]) -> QPainterPath:
    path = QPainterPath(QPointF(*points[0]))
    for x, y in points[1:]:
        path.lineTo(x, y)
    path.closeSubpath()
    return path


def draw_product(painter: QPainter, shape: str, colour: QColor) -> None:
    edge = QColor(colour).darker(135)
    painter.setPen(QPen(edge, 3, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin))
    painter.setBrush(QBrush(colour))
    if shape == "shirt":
        painter.drawPath(
            _path(
                [
                    (85, 45),
                    (155, 45),
                    (205, 80),
                    (185, 115),
                    (165, 100),
                    (165, 200),
                    (75, 200),
                    (75, 100),
                    (55, 115),
                    (35, 80),
                ]
            )
        )
        painter.drawLine(QPointF(120, 55), QPointF(120, 200))
        painter.drawPath(_path([(100, 45), (120, 65), (140, 45)]))
    elif shape == "dress":
        painter.drawPath(_path([(95, 40), (145, 40), (150, 95), (190, 205), (50, 205), (90, 95)]))
        painter.drawLine(QPointF(88, 100), QPointF(152, 100))
    elif shape == "pants":
        painter.drawPath(
            _path([(75, 40), (165, 40), (180, 205), (130, 205), (120, 95), (110, 205), (60, 205)])
        )
        painter.drawLine(QPointF(75, 55), QPointF(165, 55))
    elif shape == "skirt":
        painter.drawPath(_path([(90, 55), (150, 55), (190, 195), (50, 195)]))
        for x in range(70, 180, 18):
            painter.drawLine(QPointF(120 + (x - 120) * 0.35, 65), QPointF(x, 190))
    elif shape in ("coat", "vest"):
        body = [(85, 35), (155, 35), (200, 65), (212, 190), (188, 195), (168, 100), (168, 212), (72, 212)]
        body += [(72, 100), (52, 195), (28, 190), (40, 65)]
        if shape == "vest":
            body = [(85, 40), (155, 40), (175, 70), (180, 205), (60, 205), (65, 70)]
        painter.drawPath(_path(body))
        painter.drawLine(QPointF(120, 60), QPointF(120, 205))
        for y in (100, 135, 170):
            painter.drawEllipse(QPointF(128, y), 4, 4)
    elif shape == "tote":
        painter.drawRoundedRect(QRectF(55, 90, 130, 120), 8, 8)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawArc(QRectF(85, 40, 70, 100), 0, 180 * 16)
    elif shape == "crossbag":
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawLine(QPointF(70, 120), QPointF(120, 30))
        painter.drawLine(QPointF(170, 120), QPointF(120, 30))
        painter.setBrush(QBrush(colour))
        painter.drawRoundedRect(QRectF(55, 110, 130, 90), 18, 18)
        painter.drawLine(QPointF(55, 140), QPointF(185, 140))
    elif shape == "scarf":
        painter.drawRoundedRect(QRectF(70, 40, 45, 170), 10, 10)
        painter.drawRoundedRect(QRectF(125, 40, 45, 150), 10, 10)
        painter.drawRoundedRect(QRectF(65, 40, 110, 40), 14, 14)
    elif shape == "hat":
        painter.drawEllipse(QRectF(35, 140, 170, 45))
        painter.drawPath(_path([(75, 160), (85, 80), (155, 80), (165, 160)]))
    elif shape == "cap":
        painter.drawPie(QRectF(55, 60, 130, 150), 0, 180 * 16)
        painter.drawRoundedRect(QRectF(130, 125, 85, 20), 10, 10)
    elif shape == "socks":
        for i, shade in enumerate(("#C9B8E0", "#B8E0CF", "#F2E6C2")):
            painter.setBrush(QColor(shade))
            painter.setPen(QPen(QColor(shade).darker(130), 3))
            x = 45 + i * 55
            painter.drawPath(
                _path([(x, 40), (x + 40, 40), (x + 40, 160), (x + 55, 190), (x + 35, 210), (x, 175)])
            )
    elif shape == "earring":
        for x in (85, 155):
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawArc(QRectF(x - 12, 50, 24, 30), 0, 360 * 16)
            painter.drawLine(QPointF(x, 80), QPointF(x, 120))
            painter.setBrush(QColor("#F7F3EA"))
            painter.setPen(QPen(QColor("#CFC6B4"), 2))
            painter.drawEllipse(QPointF(x, 150), 26, 30)
            painter.setPen(QPen(edge, 3))
    elif shape == "shoe":
        painter.drawPath(_path([(40, 170), (60, 120), (150, 115), (205, 150), (205, 180), (40, 185)]))
        painter.drawLine(QPointF(70, 135), QPointF(150, 135))


def picture(shape: str, colour: str, background: str) -> QImage:
    image = QImage(SIDE, SIDE, QImage.Format.Format_RGB32)
    image.fill(QColor(background))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(0, 0, 0, 18))
    painter.drawEllipse(QRectF(50, 205, 140, 18))
    draw_product(painter, shape, QColor(colour))
    painter.end()
    return image


def save_small_jpeg(image: QImage, target: Path) -> int:
    for quality in (82, 72, 62, 50):
        image.save(str(target), "JPEG", quality)  # type: ignore[call-overload]
        size = target.stat().st_size
        if size < MAX_BYTES:
            return size
    raise SystemExit(f"{target.name} stays over {MAX_BYTES} bytes")


def main() -> None:
    _app = QGuiApplication(sys.argv)
    images = DEMO / "images"
    images.mkdir(parents=True, exist_ok=True)
    entries = []
    for n, (code, name, description, price, collection, shape, colour, hidden) in enumerate(ITEMS):
        filename = f"{code.lower()}.jpg"
        size = save_small_jpeg(picture(shape, colour, BACKGROUNDS[n % len(BACKGROUNDS)]), images / filename)
        print(f"{filename}: {size} bytes")
        entries.append(
            {
                "retailer_id": code,
                "name": name,
                "description": description,
                "price_minor": price,
                "currency": "KRW",
                "collection": collection,
                "image": filename,
                "hidden": hidden,
            }
        )
    (DEMO / "catalog.json").write_text(
        json.dumps(entries, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    print(f"wrote {len(entries)} items to {(DEMO / 'catalog.json').relative_to(ROOT)}")


if __name__ == "__main__":
    main()
