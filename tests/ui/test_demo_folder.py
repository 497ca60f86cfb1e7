"""`--demo --data-dir D` keeps the demo shop in D; a demo without one says it is thrown away at quit."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from ui.context import AppContext


@contextmanager
def demo_in(lang: str, folder: Path, two_numbers: bool = False) -> Iterator[AppContext]:
    """A demo kept in `folder`, run fast, stopped (its sync first, before its relay goes) at the end."""
    from ui.demo import start_demo

    ctx = start_demo(lang, folder=folder, speed=20, two_numbers=two_numbers)
    try:
        yield ctx
    finally:
        if ctx.sync is not None:
            ctx.sync.stop()
        assert ctx.stop_demo is not None
        ctx.stop_demo()
        ctx.db.close()


def run_demo_smoke(data_dir: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ui.main", "--demo", "--data-dir", str(data_dir), "--smoke"],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=Path(__file__).resolve().parents[2],
    )


def contact_count(database: Path) -> int:
    with sqlite3.connect(database) as conn:
        return int(conn.execute("SELECT count(*) FROM contact").fetchone()[0])


@pytest.mark.slow  # two runs of the whole app as a process
def test_demo_with_a_data_dir_keeps_its_shop_there_across_runs(tmp_path: Path) -> None:
    folder = tmp_path / "my demo"
    first = run_demo_smoke(folder)
    assert first.returncode == 0, first.stderr
    database = folder / "desktop" / "inbox.db"
    assert database.exists(), "the demo's data went somewhere else"
    seeded = contact_count(database)
    assert seeded > 0

    second = run_demo_smoke(folder)
    assert second.returncode == 0, second.stderr
    assert contact_count(database) == seeded  # reopened, not seeded a second time


def test_a_throwaway_demo_says_so_in_its_window(qtbot: Any, ctx: Any) -> None:
    from ui.main_window import MainWindow

    ctx.demo = True
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    assert "thrown away" in window.chat.empty.text()


def test_a_kept_demo_says_where_it_lives(qtbot: Any, ctx: Any, tmp_path: Path) -> None:
    from ui.main_window import MainWindow

    ctx.demo = True
    ctx.demo_kept_in = tmp_path / "shop"
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    text = window.chat.empty.text()
    assert "thrown away" not in text and str(tmp_path / "shop") in text


def test_a_demo_kept_in_a_folder_reopens_with_the_choices_made_in_its_settings(tmp_path: Path) -> None:
    """Keep chats archived, ticked in a kept demo's Settings was shown ticked after a restart but
    not used: the chat list read the demo's fixed preferences and counted nothing."""
    from app.settings import update_preferences

    with demo_in("ko", tmp_path / "shop") as first:
        assert first.prefs["keep_archived"] is False  # a new demo: the defaults
        assert (first.shop_region, first.currency) == ("KR", "KRW")
        update_preferences(first.db, keep_archived=True, enter_sends=False, shop_region="US", currency="USD")
    with demo_in("ko", tmp_path / "shop") as again:
        assert again.prefs["keep_archived"] is True and again.prefs["enter_sends"] is False
        assert again.prefs["relay_url"].startswith("http://127.0.0.1:")  # its own embedded relay
        # Its country and currency too: a demo switched to dollars reopened in won.
        assert (again.shop_region, again.currency) == ("US", "USD")


def test_a_kept_demo_restarts_in_the_language_chosen_in_its_settings(tmp_path: Path) -> None:
    """Korean chosen in a kept demo's Settings, then `--demo --data-dir` again without --lang: it
    reopened in the system's language, so the choice saved never came into effect."""
    from app.settings import update_preferences
    from ui.demo_language import demo_language

    folder = tmp_path / "shop"
    assert demo_language(None, folder) is None  # a new demo: the system's language
    with demo_in("en", folder) as first:
        update_preferences(first.db, language="ko")
    assert demo_language(None, folder) == "ko"
    assert demo_language("en", folder) == "en"  # --lang still wins
    assert demo_language(None, None) is None  # a demo thrown away at quit has no Settings kept


def test_reading_a_kept_demos_language_leaves_nothing_beside_its_file(tmp_path: Path) -> None:
    """The language was read with a plain read-only open, which on the demo's WAL file made a -wal
    and a -shm beside it (and fails in a folder it cannot write to); it is now read as a damaged
    inbox's preferences are, without touching the file."""
    from app.paths import demo_shop_paths
    from app.settings import update_preferences
    from ui.demo import start_demo
    from ui.demo_language import demo_language

    folder = tmp_path / "shop"
    first = start_demo("en", folder=folder, speed=20)
    try:
        update_preferences(first.db, language="ko")
    finally:
        assert first.stop_demo is not None
        first.stop_demo()
        first.db.close()
    beside = demo_shop_paths(folder).database.parent
    before = sorted(p.name for p in beside.iterdir())
    assert demo_language(None, folder) == "ko"
    assert sorted(p.name for p in beside.iterdir()) == before


@pytest.mark.slow  # a demo started as a process, killed, and started again as the app
def test_a_demo_killed_right_after_its_language_changed_restarts_in_that_language(tmp_path: Path) -> None:
    """The kept demo's language was read immutable, which skips the -wal: a demo killed (kill -9,
    a crash, a power cut) right after Korean was chosen in its Settings started once more in the
    system's language, the choice still in the -wal that the next start would have merged."""
    import os
    import signal

    from app.paths import demo_shop_paths
    from ui.demo_language import demo_language

    root = Path(__file__).resolve().parents[2]
    folder = tmp_path / "shop"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "LANG": "en_GB.UTF-8", "LC_ALL": "en_GB.UTF-8"}
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.support.demo_language_child", str(folder), "ko"],
        cwd=root,
        env=env,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "changed"
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
    database = demo_shop_paths(folder).database
    # The change is in the -wal alone, as the kill left it: a read that skips it says English.
    wal = database.with_name(database.name + "-wal")
    assert wal.stat().st_size > 0
    con = sqlite3.connect(f"{database.resolve().as_uri()}?immutable=1&mode=ro", uri=True)
    try:
        row = con.execute("SELECT value FROM setting WHERE key = 'preferences'").fetchone()
    finally:
        con.close()
    assert row is None or json.loads(row[0]).get("language") != "ko"

    assert demo_language(None, folder) == "ko"
    again = subprocess.run(
        [sys.executable, "-m", "ui.main", "--demo", "--data-dir", str(folder), "--smoke"],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=root,
        env=env,
    )
    assert again.returncode == 0, again.stderr
    log_text = demo_shop_paths(folder).log_file.read_text(encoding="utf-8")
    assert "interface language: ko" in log_text


def test_a_new_demo_gives_a_bank_statement_and_a_courier_file_that_match_its_orders(
    qtbot: Any, tmp_path: Path
) -> None:
    """A newcomer had no bank or courier file to open, so deposit matching and the tracking import
    could only be looked at: the demo now writes both from its own orders, and their dialogs start
    beside them."""
    from sqlalchemy import select

    from app.deposits import MatchKind, match_deposits, read_bank_file
    from app.models import Order
    from app.orders import OrderState
    from app.shipping_sheets import plan_tracking, read_tracking_file
    from ui.main_window import MainWindow
    from ui.save_paths import Picked, open_folder

    # The Seoul shop's (the English demo's, in pounds: tests/app/test_english_demo.py).
    with demo_in("ko", tmp_path / "shop") as ctx:
        samples = ctx.demo_samples
        assert samples is not None
        bank = read_bank_file(next(samples.glob("*.xlsx")))
        with ctx.db.read() as s:
            found = {m.deposit.name: m for m in match_deposits(s, bank)}
            # 이하은 pays tonight: her transfer is ticked for the owner, by name and amount.
            assert found["이하은"].kind == MatchKind.NAME_AND_AMOUNT and found["이하은"].order_ids()
            assert found["홍길동"].order_id is None  # nothing waits for a stranger's transfer
            assert all(d.amount > 0 for d in bank)  # the courier's fee taken out is not a deposit
            plan = plan_tracking(s, read_tracking_file(next(samples.glob("*.csv"))))
            paid = {o.number for o in s.scalars(select(Order).where(Order.state == OrderState.PAID))}
            assert plan.matches and {m.number for m in plan.matches} == paid  # each paid order ships
            assert len(plan.skipped) == 1  # the row naming an order the shop does not have

        window = MainWindow(ctx)
        qtbot.addWidget(window)
        window.show()
        assert str(samples) in window.chat.empty.text()
        # Menu entries named in a sentence, without their ellipses ("Match bank deposits…, and").
        assert "…" not in window.chat.empty.text()
        assert open_folder(Picked.BANK_FILE) == str(samples)  # "Open bank file…" starts beside them


def test_the_demos_orders_shipped_from_its_courier_file_a_day_later_are_told_by_a_template(
    qtbot: Any, tmp_path: Path
) -> None:
    """A newcomer who ships the paid orders from the sample courier file after the customers' 24
    hours: each is told by the demo's shipping template (chosen in its order settings), not left
    "not told: no template chosen for this step"."""
    from datetime import UTC, datetime, timedelta

    from app.order_notices import BulkMove, prepare_notice
    from app.sending import approved_templates
    from app.shipping_sheets import apply_tracking, read_tracking_file
    from ui.formatting import customer_day
    from ui.main_window import MainWindow

    with demo_in("ko", tmp_path / "shop") as ctx:
        samples = ctx.demo_samples
        assert samples is not None
        window = MainWindow(ctx)
        qtbot.addWidget(window)
        window.show()
        window.start_sync()
        # The demo's relay answered the desktop's first connection: its templates are kept.
        qtbot.waitUntil(
            lambda: "order_shipped" in {t.name for t in approved_templates(ctx.db, None)}, timeout=20000
        )
        with ctx.db.write() as s:
            shipped = apply_tracking(s, read_tracking_file(next(samples.glob("*.csv"))), "CJ대한통운")
        assert shipped
        notice = prepare_notice(
            ctx.db,
            BulkMove.COURIER_FILE,
            shipped,
            language="ko",
            locale="ko_KR",
            format_time=customer_day,
            now=datetime.now(UTC) + timedelta(days=2),
            relay_ready=True,
        )
        assert not notice.not_told
        assert len(notice.to_tell) == len(shipped)
        for told in notice.to_tell:
            p = told.prepared
            assert not p.inside_window and p.template is not None and p.template.name == "order_shipped"
            assert f"주문번호 {told.number} 주문이 발송되었습니다." in p.text
            assert "택배사: CJ대한통운" in p.text and "trace.cjlogistics.com" in p.text


def test_the_demos_order_paid_from_its_bank_statement_a_day_later_is_told_by_a_template(
    qtbot: Any, tmp_path: Path
) -> None:
    """A newcomer who ticks the sample bank statement's match after the customer's 24 hours: she is
    told her payment arrived by the demo's Paid template, not left "not told: no template chosen for
    this step" (the only match of the statement ended as that)."""
    from datetime import UTC, datetime, timedelta

    from app.deposits import MatchKind, confirm_deposits, match_deposits, read_bank_file
    from app.order_notices import BulkMove, prepare_notice
    from app.sending import approved_templates
    from ui.formatting import customer_day
    from ui.main_window import MainWindow

    with demo_in("ko", tmp_path / "shop") as ctx:
        samples = ctx.demo_samples
        assert samples is not None
        window = MainWindow(ctx)
        qtbot.addWidget(window)
        window.show()
        window.start_sync()
        # The demo's relay answered the desktop's first connection: its templates are kept.
        qtbot.waitUntil(
            lambda: "order_paid" in {t.name for t in approved_templates(ctx.db, None)}, timeout=20000
        )
        with ctx.db.write() as s:
            matches = match_deposits(s, read_bank_file(next(samples.glob("*.xlsx"))))
            ticked = [(m.order_id, m.deposit) for m in matches if m.kind == MatchKind.NAME_AND_AMOUNT]
            assert ticked
            paid = confirm_deposits(s, [(o, d) for o, d in ticked if o is not None])
        notice = prepare_notice(
            ctx.db,
            BulkMove.BANK_FILE,
            paid,
            language="ko",
            locale="ko_KR",
            format_time=customer_day,
            now=datetime.now(UTC) + timedelta(days=2),
            relay_ready=True,
        )
        assert not notice.not_told
        assert len(notice.to_tell) == len(paid)
        for told in notice.to_tell:
            p = told.prepared
            assert not p.inside_window and p.template is not None and p.template.name == "order_paid"
            assert f"주문번호 {told.number} 주문의 입금이 확인되었습니다." in p.text


def test_a_demo_with_two_numbers_hears_customers_on_both_and_keeps_them_when_reopened(tmp_path: Path) -> None:
    """`--demo --two-numbers`: the past chats are on one number or the other, the simulated customers
    write to both, and the kept demo reopened without the option still has both."""
    from app.automations_store import PushOutcome, push
    from app.business_numbers import chat_list_numbers
    from app.models import Contact
    from app.relay_client import RelayClient
    from app.wire import SANDBOX_PHONE_NUMBER_ID, SANDBOX_SECOND_PHONE_NUMBER_ID, UnknownEvent

    both = {SANDBOX_PHONE_NUMBER_ID, SANDBOX_SECOND_PHONE_NUMBER_ID}
    with demo_in("en", tmp_path / "shop", two_numbers=True) as first:
        with first.db.read() as s:
            numbers = chat_list_numbers(s)
            past = {c.phone_number_id for c in s.query(Contact) if c.last_message_at is not None}
        assert [c.number for c in numbers.choices] == ["447700900000", "447700900200"]
        assert past == both
        heard: set[str] = set()
        after = 0
        with RelayClient(first.prefs["relay_url"], first.relay_token or "") as client:
            # As the desktop does once its window is up: the customers wait for the shop's greeting.
            assert push(first.db, client) is PushOutcome.PUSHED
            while not both <= heard:  # the relay's long poll answers as customers write
                page = client.events(after, wait=5.0)
                assert page.events, "the demo's customers stopped writing before both numbers were heard"
                after = page.next
                heard |= {e.phone_number_id or "" for e in page.events if not isinstance(e, UnknownEvent)}
    with demo_in("en", tmp_path / "shop") as again, again.db.read() as s:
        assert len(chat_list_numbers(s).choices) == 2


RELAY_ON_A_FULL_DISK = """
import sys
from pathlib import Path
from ui.demo import start_embedded_relay
try:
    start_embedded_relay(Path(sys.argv[1]) / "relay")
except Exception as exc:
    print("relay:", type(exc).__name__, getattr(exc, "code", None))
"""


def test_a_demo_on_a_full_disk_says_the_disk_is_full(tmp_path: Path) -> None:
    """Neither "the demo relay did not start" (an unexpected failure, start it again) nor "your inbox
    could not be set up" (the demo is not her inbox): the disk is full, and her chats are safe. A
    new demo on a real full disk, and the demo's relay alone on one."""
    from tests.support.full_disk import run_on_a_small_disk

    disk = tmp_path / "disk"
    fill = f"dd if=/dev/zero of={disk}/photos bs=64k 2>/dev/null"
    demo = f"{sys.executable} -m ui.main --demo --data-dir {disk}/demo --smoke --lang en"
    script = tmp_path / "relay_on_a_full_disk.py"
    script.write_text(RELAY_ON_A_FULL_DISK, encoding="utf-8")
    relay = f"{sys.executable} {script} {disk}"
    out = run_on_a_small_disk(disk, "4m", f"{fill}; {demo}; {relay}", env={"QT_QPA_PLATFORM": "offscreen"})
    assert "smoke: could not start: DemoDiskFull: the demo could not start" in out, out
    assert "relay: DiskFull disk_full" in out, out


DEMO_SAYS = """
import sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget
from ui.application import run
from ui.main import parse_args
from ui.startup_error import StartupErrorDialog
app = QApplication([])
class Watch(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Show and isinstance(obj, StartupErrorDialog):
            print("headline:", obj.headline.text(), flush=True)
            print("said:", obj.explanation.text(), flush=True)
            print("start again:", obj.start_again_button.isVisible(), flush=True)
            print("log:", obj.log_hint.text(), obj.log_path.text(), flush=True)
            QTimer.singleShot(0, obj.reject)
        elif event.type() == QEvent.Type.Show and isinstance(obj, QWidget) and obj.isWindow():
            print("shown:", type(obj).__name__, flush=True)
        return False
watch = Watch()
app.installEventFilter(watch)
print("code:", run(parse_args(["--demo", "--data-dir", sys.argv[1], "--lang", "ko"])), flush=True)
"""


@pytest.mark.parametrize("kept", ["nothing yet", "a demo shop"])
def test_a_demo_on_a_full_disk_says_so_in_korean_and_opens_seeded_once_there_is_room(
    tmp_path: Path, kept: str
) -> None:
    """The real `--demo` start (splash, worker, dialog) on a real full disk, in a new folder or one
    that keeps a demo shop: the owner reads that the disk is full and her own inbox was not touched,
    in her language, with no traceback in the terminal; what the failed start left (an empty inbox
    file) does not stop the next one, which opens the demo shop seeded once there is room."""
    from tests.support.full_disk import run_on_a_small_disk

    disk = tmp_path / "disk"
    script = tmp_path / "demo_says.py"
    script.write_text(DEMO_SAYS, encoding="utf-8")
    fill = f"dd if=/dev/zero of={disk}/photos bs=64k 2>/dev/null"
    if kept != "nothing yet":
        assert run_demo_smoke(tmp_path / "kept").returncode == 0
        fill = f"cp -r {tmp_path}/kept {disk}/demo && {fill}"
    demo = f"{sys.executable} {script} {disk}/demo"
    # 16 MiB: room for the whole demo once the photos are gone.
    count = f"{sys.executable} -c \"import sqlite3; print('contacts:', sqlite3.connect('{disk}/demo/desktop/inbox.db')"
    count += ".execute('SELECT count(*) FROM contact').fetchone()[0])\""
    again = f"rm {disk}/photos; {sys.executable} -m ui.main --demo --data-dir {disk}/demo --smoke"
    out = run_on_a_small_disk(
        disk, "16m", f"{fill}; {demo}; {again}; {count}", env={"QT_QPA_PLATFORM": "offscreen"}
    )
    assert "headline: 데모 상점을 열지 못했어요" in out, out
    assert f"said: {disk}/demo 폴더가 있는 디스크가 가득 차서 데모 상점을 열 수 없어요." in out, out
    assert "내\u00a0받은편지함은 그대로예요" in out and "start again: True" in out, out  # "내" kept with it
    # Its log file is named when a few lines of it found room on the disk, else the full disk is said
    # where its path would be; never "there is no log file" alone.
    logs = f"{disk}/demo/desktop/logs"
    named = f"log: 무슨 일이 있었는지 이\u00a0파일에 적혀 있어요: {logs}/shop-inbox.log"
    assert named in out or f"log: {logs} 폴더가 있는 디스크가 가득 차서 이번 실행의 기록 파일을" in out, out
    assert "shown: MainWindow" not in out and "code: 2" in out, out
    assert "Traceback" not in out, out
    assert "smoke: ok" in out, out
    contacts = int(out.split("contacts: ")[1].split()[0])
    assert contacts > 0, out


RELAY_AS_KEPT = """
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
print("relay revision:", db.execute("SELECT version_num FROM relay_schema_version").fetchone()[0])
print("message kept:", db.execute("SELECT count(*) FROM event WHERE dedupe_key = 'm:wamid.KEPT'").fetchone()[0])
"""


@pytest.mark.slow  # the whole app as a process, three times
def test_a_demo_whose_older_relay_database_has_no_room_to_upgrade_says_the_disk_is_full_and_upgrades_later(
    tmp_path: Path,
) -> None:
    """A demo kept from an older Shop Inbox: its relay's database is copied, then upgraded, at the
    start. With no room for that on the disk, the owner reads that the disk is full (in Korean), not
    that the demo's relay did not start; its database stays at its old revision with every event it
    kept, and the next start, once there is room, upgrades it."""
    from relay.storage.schema import HEAD
    from tests.relay.test_schema_migrations import migrate
    from tests.support.full_disk import run_on_a_small_disk

    assert run_demo_smoke(tmp_path / "kept").returncode == 0
    relay_db = tmp_path / "kept" / "relay" / "relay.db"
    migrate(f"sqlite:///{relay_db}", "downgrade", "0012")  # as an older Shop Inbox left it, with a message
    now = int(time.time())  # within the relay's retention period
    message = {"message": {"from": "821012345678", "id": "wamid.KEPT", "timestamp": str(now), "type": "text"}}
    with sqlite3.connect(relay_db) as conn:
        conn.execute(
            "INSERT INTO event (kind, at, at_ms, phone_number_id, dedupe_key, payload) VALUES"
            " ('message', ?, ?, '100000000000001', 'm:wamid.KEPT', ?)",
            (datetime.fromtimestamp(now, UTC).isoformat(), now * 1000, json.dumps(message)),
        )

    disk = tmp_path / "disk"
    says, as_kept = tmp_path / "demo_says.py", tmp_path / "relay_as_kept.py"
    says.write_text(DEMO_SAYS, encoding="utf-8")
    as_kept.write_text(RELAY_AS_KEPT, encoding="utf-8")
    # 4 MiB left: room for the demo's own shop to open, not for the copy made before the upgrade.
    fill = f"cp -r {tmp_path}/kept {disk}/demo && dd if=/dev/zero of={disk}/photos bs=1M"
    fill += f" count=$(( $(stat -f -c '%a * %S / 1048576' {disk}) - 4 )) 2>/dev/null"
    demo = f"{sys.executable} {says} {disk}/demo"
    kept = f"{sys.executable} {as_kept} {disk}/demo/relay/relay.db"
    again = f"rm {disk}/photos; {sys.executable} -m ui.main --demo --data-dir {disk}/demo --smoke"
    out = run_on_a_small_disk(
        disk, "32m", f"{fill}; {demo}; {kept}; {again}; {kept}", env={"QT_QPA_PLATFORM": "offscreen"}
    )
    assert "headline: 데모 상점을 열지 못했어요" in out, out
    assert f"said: {disk}/demo 폴더가 있는 디스크가 가득 차서 데모 상점을 열 수 없어요." in out, out
    assert "shown: MainWindow" not in out and "code: 2" in out and "Traceback" not in out, out
    assert "smoke: ok" in out, out
    revisions = [line for line in out.splitlines() if line.startswith("relay revision:")]
    assert revisions == ["relay revision: 0012", f"relay revision: {HEAD}"], out
    assert out.count("message kept: 1") == 2, out


def test_a_demo_kept_in_a_read_only_folder_says_so_in_korean(tmp_path: Path) -> None:
    """Not "Shop Inbox may not write in your data folder… cannot open your inbox": the demo's folder,
    and what to do instead."""
    import os
    import subprocess

    from tests.support.read_only_folder import read_only_folder

    folder = tmp_path / "stick"
    folder.mkdir()
    script = tmp_path / "demo_says.py"
    script.write_text(DEMO_SAYS, encoding="utf-8")
    root = Path(__file__).resolve().parents[2]
    with read_only_folder(folder):
        for kept in (folder, folder / "new demo"):
            run = subprocess.run(
                [sys.executable, str(script), str(kept)],
                env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(root)},
                cwd=root,
                capture_output=True,
                text=True,
                timeout=120,
            )
            out = run.stdout + run.stderr
            assert "headline: 데모 상점을 열지 못했어요" in out, out
            assert f"said: 샵\u00a0인박스가 {kept}에 쓸 수 없어서" in out, out
            assert "--data-dir 없이 데모를 시작하세요" in out and "start again: False" in out, out
            logs = kept / "desktop" / "logs"
            assert (
                f"log: 샵\u00a0인박스가 {logs}에 쓸 수 없어서 이번 실행의 기록 파일을 남기지 못했어요." in out
            ), out
            assert "Traceback" not in out, out


def test_a_demo_with_no_room_for_its_temporary_folder_says_the_disk_is_full(tmp_path: Path) -> None:
    """Every place for temporary files (and the home folder) on the full disk: Python finds "no usable
    temporary directory", which read "not there any more (moved or deleted?)"."""
    from tests.support.full_disk import run_on_a_small_disk

    disk = tmp_path / "disk"
    # /tmp and /var/tmp are that disk too, and the folder it starts in (Python's last resort). The
    # Python that runs the demo and this checkout may live under /tmp themselves (a CI's clone and
    # virtualenv): they are mounted inside the disk first, so they stay reachable once it covers /tmp.
    here, env = Path(__file__).resolve().parents[2], Path(sys.prefix)
    full = f"mkdir {disk}/app {disk}/env && mount --bind {here} {disk}/app && mount --bind {env} {disk}/env"
    full += f" && dd if=/dev/zero of={disk}/photos bs=64k 2>/dev/null; cd {disk}"
    full += f" && mount --rbind {disk} /var/tmp && mount --rbind {disk} /tmp"
    python = f"/tmp/env/bin/{Path(sys.executable).name}"
    demo = f"HOME=/tmp TMPDIR=/tmp PYTHONPATH=/tmp/app {python} -m ui.main --demo --smoke --lang en"
    out = run_on_a_small_disk(disk, "1m", f"{full}; {demo}", env={"QT_QPA_PLATFORM": "offscreen"})
    assert "smoke: could not start: DemoDiskFull: no room for the demo's temporary folder" in out, out
