"""Screenshots of the away and greeting messages in the Korean demo shop: the away hours said above the
chats, the away message editor (as saved, and with its 다음 영업 시작 field typed), the greeting's fields
and the greeting giving way to the away message, and the away message editor while the owner's change is
not on the relay yet: its preview says what customers get now (the relay's copy) and what they get once
the change lands.

The demo's own relay takes a save at once, so this runs the real relay on 127.0.0.1 behind a front
that answers its automations' PUT with nginx's 503 (as while the relay restarts): the change waits,
and the editor says so. Nothing is faked on our side of the relay.

Run: xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/python docs/screenshots/editors_screenshot.py
"""

from __future__ import annotations

import sys
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from docs.screenshots.shop_clock import use_shop_clock  # noqa: E402
from docs.screenshots.take import OUT, linked, settle  # noqa: E402

# The Korean away message as a shop owner changes it for a day of stocktaking.
STOCKTAKING = "{고객 이름}님, 오늘은 재고 정리로 쉬어요. 내일 오전 10시부터 차례로 답장드릴게요!"


def wait(app, what: str, condition, ms: int = 15_000) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QDeadlineTimer

    deadline = QDeadlineTimer(ms)
    while not condition():
        if deadline.hasExpired():
            raise SystemExit(f"timed out waiting for {what}")
        app.processEvents()


def save(widget, name: str) -> None:  # type: ignore[no-untyped-def]
    """The widget alone, without its frame, if the README shows the picture."""
    out = OUT / name
    if linked(out):
        widget.grab().save(str(out))
        print(out.relative_to(ROOT))


def main() -> None:
    from PySide6.QtWidgets import QApplication
    from sqlalchemy import select

    from app.automations_store import AutomationsStore, SyncStatus, demo_automations
    from app.connection import Connection
    from app.db import Database
    from app.demo_seed import seed_demo_history
    from app.models import Contact
    from app.paths import paths_for
    from app.relay_client import RelayClient
    from tests.support.relay_front import relay_front
    from tests.support.relay_server import run_relay
    from ui.away_editor import AwayEditor
    from ui.context import AppContext
    from ui.field_tokens import shown_fields
    from ui.greeting_editor import GreetingEditor
    from ui.main_window import MainWindow
    from ui.menus import install_menus
    from ui.translations import install_translators

    use_shop_clock("ko")
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setStyle("Fusion")
    install_translators(app, "ko")
    app.setPalette(app.style().standardPalette())
    folder = Path(tempfile.mkdtemp(prefix="shots-"))
    (folder / "relay").mkdir()
    with run_relay(folder / "relay") as relay, relay_front(relay.url) as (front, front_url):
        paths = paths_for(folder / "data").ensure()
        db = Database.open(paths.database)
        with db.write() as s:
            seed_demo_history(s, now=datetime.now(UTC) - timedelta(days=1))
        # The shop's rules, on the relay as the owner last saved them.
        store = AutomationsStore(db)
        store.save(demo_automations("ko"))
        with RelayClient(relay.url, relay.token, timeout=5) as client:
            assert store.push(client).value == "pushed"

        ctx = AppContext(db=db, paths=paths, prefs={"enter_sends": True, "relay_url": front_url})
        ctx.relay_token = relay.token
        window = MainWindow(ctx)
        install_menus(window, ctx)
        window.resize(1200, 760)
        window.show()
        window.start_sync()
        sync = ctx.sync
        assert sync is not None
        wait(app, "the inbox online", lambda: sync.state.kind is Connection.ONLINE)

        # The away hours said above the chats (the shop's clock: taken at night in Seoul), 최유진's
        # chat open.
        with db.read() as s:
            yujin = s.scalar(select(Contact.id).where(Contact.profile_name == "최유진"))
        assert yujin is not None
        window.show_chat(yujin)
        wait(app, "the away hours note", lambda: window.away_notice.isVisible())
        settle(app, window, 20)
        save(window, "away-hours-note-ko.png")

        def open_editor(kind, width: int, height: int):  # type: ignore[no-untyped-def]
            editor = kind(ctx, parent=window)
            wait(app, "the editor read", lambda: editor.loaded and not editor.is_busy())
            editor.resize(width, height)
            editor.show()
            settle(app, editor, 20)
            return editor

        def saved(editor) -> None:  # type: ignore[no-untyped-def]
            editor.save()
            wait(app, "the change on the relay", lambda: editor.state.status is SyncStatus.SYNCED)
            settle(app, editor, 20)

        # The away message as the demo has it, on the relay: the whole preview.
        away = open_editor(AwayEditor, 660, 840)
        save(away, "away-editor.png")
        # 다음 영업 시작 typed on a line of its own, not saved yet.
        away.resize(620, 680)
        away.text.setPlainText(away.text.toPlainText() + "\n" + shown_fields("{opening}에 답장드릴게요"))
        settle(app, away, 20)
        save(away, "away-opening-ko.png")
        away.hide()  # close() asks about the change not saved
        # The greeting with the customer's and the shop's names typed as fields, not saved yet.
        greeting = open_editor(GreetingEditor, 595, 640)
        greeting.text.setPlainText(shown_fields("{first_name}님, {shop}에 연락 주셔서 감사해요!"))
        settle(app, greeting, 20)
        save(greeting, "greeting-fields-ko.png")
        greeting.hide()

        # The relay restarting behind its nginx: its automations' PUT answered 503 for now.
        front.refuse("PUT", "/v1/automations", status=503, times=None)
        editor = AwayEditor(ctx, parent=window)
        wait(app, "the away message read", lambda: editor.loaded and not editor.is_busy())
        editor.resize(640, 900)
        editor.show()
        editor.text.setPlainText(STOCKTAKING)
        editor.save()
        wait(app, "the change waiting", lambda: editor.state.status is SyncStatus.PENDING)
        wait(app, "the preview's two lines", lambda: editor.preview.relay_line.isVisible())
        settle(app, editor, 20)
        save(editor, "away-change-not-on-relay-ko.png")

        # The relay back: the demo's away message again, and the greeting that gives way to it.
        front.passing()
        editor.text.setPlainText(shown_fields(demo_automations("ko").away.text))
        saved(editor)
        editor.hide()
        greeting = open_editor(GreetingEditor, 597, 664)
        greeting.only_away.setChecked(True)
        saved(greeting)
        save(greeting, "greeting-only-away-ko.png")
        greeting.hide()
        window.shutdown()
        db.close()


if __name__ == "__main__":
    main()
