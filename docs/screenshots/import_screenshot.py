"""Screenshot of the import preview with a Korean export: `xvfb-run -a python docs/screenshots/import_screenshot.py`."""

from __future__ import annotations

import sys
import tempfile
import zipfile
from pathlib import Path

from PySide6.QtWidgets import QApplication
from shop_clock import use_shop_clock

from app.db import Database
from app.paths import paths_for
from ui.context import AppContext
from ui.theme import ui_font

HERE = Path(__file__).resolve().parent

# What Android's WhatsApp writes for a Korean phone (12-hour clock with 오전/오후).
KOREAN_EXPORT = """\
2024. 3. 8. 오후 2:15 - 메시지와 통화는 종단간 암호화됩니다. WhatsApp을 포함한 이 채팅 외부의 누구도 메시지를 읽거나 들을 수 없습니다.
2024. 3. 8. 오후 2:15 - 김민지: 안녕하세요! 리넨 셔츠 베이지 M 사이즈 아직 있나요?
2024. 3. 8. 오후 2:17 - 서울 리넨 하우스: 네, 있습니다 😊
오늘 오후 2시 전 주문은 당일 출발해요.
2024. 3. 8. 오후 2:18 - 김민지: IMG-20240308-WA0003.jpg (파일 첨부됨)
이 색상 맞죠?
2024. 3. 8. 오후 2:20 - 서울 리넨 하우스: 맞아요! 39,000원이고 배송비 포함이에요.
2024. 3. 8. 오후 2:21 - 김민지: 계좌 알려주세요
2024. 3. 9. 오전 10:02 - 김민지: <미디어 없음>
2024. 3. 9. 오전 10:05 - 서울 리넨 하우스: 입금 확인했습니다. 감사합니다!
2024. 4. 2. 오후 7:40 - 김민지: 셔츠 잘 받았어요, 너무 예뻐요 👍
"""


def main() -> None:
    use_shop_clock("ko")
    app = QApplication(sys.argv)
    app.setFont(ui_font())
    from ui.import_dialog import ImportDialog
    from ui.ops import pending_ops

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        export = folder / "WhatsApp Chat with 김민지.zip"
        with zipfile.ZipFile(export, "w") as zf:
            zf.writestr("WhatsApp Chat with 김민지.txt", KOREAN_EXPORT)
            zf.writestr("IMG-20240308-WA0003.jpg", b"\xff\xd8\xff\xe0" + b"\0" * 64)
        db = Database.open(folder / "inbox.db")
        ctx = AppContext(db=db, paths=paths_for(folder / "data").ensure())
        dialog = ImportDialog(ctx, export)
        dialog.zone_combo.setCurrentText("Asia/Seoul")
        dialog.show()
        while dialog.scan is None or pending_ops():
            app.processEvents()
        dialog.zone_combo.setCurrentText("Asia/Seoul")
        dialog.resize(720, dialog.sizeHint().height())
        for _ in range(5):
            app.processEvents()
        target = HERE / "import-preview.png"
        dialog.grab().save(str(target))
        print(f"saved {target}")
        dialog.close()
        db.close()


if __name__ == "__main__":
    main()
