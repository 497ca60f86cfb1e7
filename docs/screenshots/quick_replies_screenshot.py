"""Screenshots of the `/` completer and the away editor: `xvfb-run -a python docs/screenshots/quick_replies_screenshot.py`."""

from __future__ import annotations

import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QFont, QInputMethodEvent
from PySide6.QtWidgets import QApplication, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from app.automations_store import AutomationsStore, demo_automations
from app.db import Database
from app.paths import paths_for
from app.quick_replies import ContactInfo, load_demo_quick_replies
from ui.context import AppContext
from ui.translations import install_translators

HERE = Path(__file__).resolve().parent
# Sunday 29 November 2026, 14:00 in Seoul: the demo shop is closed, so the away message applies.
SUNDAY_AFTERNOON = datetime(2026, 11, 29, 5, 0, tzinfo=UTC)


def settle(app: QApplication) -> None:
    for _ in range(5):
        app.processEvents()


def completer_shot(app: QApplication, ctx: AppContext) -> None:
    from ui.quick_reply_completer import QuickReplyCompleter

    window = QWidget()
    window.setWindowTitle("Shop Inbox")
    window.resize(760, 520)
    header = QLabel("김민지  ·  +82 10-1234-5678")
    header.setStyleSheet("font-weight: bold; padding: 10px; border-bottom: 1px solid #ddd;")
    bubble = QLabel("안녕하세요! 리넨 셔츠 M 사이즈 배송은 얼마나 걸리나요?")
    bubble.setFixedWidth(360)
    bubble.setWordWrap(True)
    bubble.setFixedHeight(62)
    bubble.setStyleSheet("background: #ffffff; border-radius: 8px; padding: 8px 12px;")
    chat = QWidget()
    chat.setStyleSheet("background: #EFE7DD;")
    chat_layout = QVBoxLayout(chat)
    chat_layout.setContentsMargins(16, 16, 16, 16)
    chat_layout.addWidget(bubble, 0, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
    chat_layout.addStretch(1)
    editor = QPlainTextEdit()
    editor.setFixedHeight(64)
    editor.setPlaceholderText("메시지 입력")
    layout = QVBoxLayout(window)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(0)
    layout.addWidget(header)
    layout.addWidget(chat, 1)
    layout.addWidget(editor)
    QuickReplyCompleter(editor, ctx, contact_provider=lambda: ContactInfo("김민지", "821012345678"))
    window.show()
    editor.setFocus()
    settle(app)
    for ch in "/배":
        event = QInputMethodEvent("", [])
        event.setCommitString(ch)
        QApplication.sendEvent(editor, event)
    # "송" still being composed by the input method: the list already filters on it.
    QApplication.sendEvent(editor, QInputMethodEvent("송", []))
    settle(app)
    target = HERE / "quick-replies.png"
    window.grab().save(str(target))
    print(f"saved {target}")
    window.close()


def away_shot(app: QApplication, ctx: AppContext) -> None:
    from ui.away_editor import AwayEditor

    editor = AwayEditor(ctx)
    editor.preview.clock = lambda: SUNDAY_AFTERNOON
    editor.edited()
    editor.show()
    settle(app)
    target = HERE / "away-editor.png"
    editor.grab().save(str(target))
    print(f"saved {target}")
    editor.close()


def main() -> None:
    QLocale.setDefault(QLocale(QLocale.Language.Korean, QLocale.Country.SouthKorea))
    app = QApplication(sys.argv)
    app.setFont(QFont("NanumGothic", 10))
    install_translators(app, "ko")
    with tempfile.TemporaryDirectory() as tmp:
        paths = paths_for(Path(tmp)).ensure()
        db = Database.open(paths.database)
        with db.write() as s:
            load_demo_quick_replies(s, "ko")
        AutomationsStore(db).apply_remote(demo_automations("ko").model_copy(update={"revision": 1}))
        ctx = AppContext(db=db, paths=paths)
        completer_shot(app, ctx)
        if "--completer-only" not in sys.argv:
            away_shot(app, ctx)
        db.close()


if __name__ == "__main__":
    main()
