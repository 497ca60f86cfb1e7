"""The `shop-inbox-relay` command: settings from the environment, refusals that name what is missing,
the client token kept in the relay's database, and the SQLite durability choice."""

from __future__ import annotations

import logging
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from relay.cli import main
from relay.settings import MissingSetting, RelaySettings
from relay.store import Store

CLOUD_ENV = {
    "WHATSAPP_APP_SECRET": "s",
    "WHATSAPP_VERIFY_TOKEN": "v",
    "WHATSAPP_ACCESS_TOKEN": "a",
    "WHATSAPP_PHONE_NUMBER_ID": "106540352242922",
}


def test_a_missing_whatsapp_secret_stops_the_relay_naming_it() -> None:
    env = {k: v for k, v in CLOUD_ENV.items() if k != "WHATSAPP_APP_SECRET"}
    with pytest.raises(MissingSetting) as refused:
        RelaySettings.from_env(env).check()
    assert refused.value.names == ["WHATSAPP_APP_SECRET"]
    assert "WHATSAPP_APP_SECRET" in str(refused.value.code)
    RelaySettings.from_env(CLOUD_ENV).check()  # all there: starts


def test_the_sandbox_needs_no_whatsapp_secrets() -> None:
    RelaySettings.from_env({"RELAY_UPSTREAM": "sandbox"}).check()


def test_serve_without_settings_exits_with_a_message_naming_them(tmp_path: Path) -> None:
    env = {"PATH": "", "RELAY_DATABASE_URL": f"sqlite:///{tmp_path / 'relay.db'}"}
    done = subprocess.run(
        [sys.executable, "-m", "relay.cli", "serve"], env=env, capture_output=True, text=True, timeout=60
    )
    assert done.returncode != 0
    assert "WHATSAPP_ACCESS_TOKEN" in done.stderr and "WHATSAPP_APP_SECRET" in done.stderr
    assert "shop-inbox-relay setup" in done.stderr  # the way a newcomer sets them


def test_token_prints_the_same_token_until_rotated(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("RELAY_CLIENT_TOKEN", raising=False)
    database = f"sqlite:///{tmp_path / 'relay.db'}"
    assert main(["token", "--database", database]) == 0
    first = capsys.readouterr().out.strip()
    assert main(["token", "--database", database]) == 0
    assert capsys.readouterr().out.strip() == first and len(first) >= 32
    assert main(["token", "--database", database, "--rotate"]) == 0
    rotated = capsys.readouterr().out.strip()
    assert rotated != first
    store = Store(database)
    assert store.kv.client_token() == rotated  # what the relay will accept from now on
    store.close()


def test_several_workers_are_refused_on_sqlite(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for name, value in CLOUD_ENV.items():
        monkeypatch.setenv(name, value)
    database = f"sqlite:///{tmp_path / 'relay.db'}"
    assert main(["serve", "--workers", "2", "--database", database]) == 2


@pytest.mark.parametrize(("choice", "level"), [("NORMAL", 1), ("FULL", 2)])
def test_sqlite_durability_is_wal_with_the_chosen_synchronous_level(
    tmp_path: Path, choice: str, level: int
) -> None:
    settings = RelaySettings.from_env({**CLOUD_ENV, "RELAY_SQLITE_SYNCHRONOUS": choice.lower()})
    store = Store(f"sqlite:///{tmp_path / 'relay.db'}", sqlite_synchronous=settings.sqlite_synchronous)
    with store.db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == level
    store.close()
    with sqlite3.connect(tmp_path / "relay.db") as raw:
        assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_an_unknown_durability_level_is_refused() -> None:
    with pytest.raises(SystemExit, match="RELAY_SQLITE_SYNCHRONOUS"):
        RelaySettings.from_env({**CLOUD_ENV, "RELAY_SQLITE_SYNCHRONOUS": "OFF"}).check()


def test_the_access_log_never_shows_the_webhook_verify_token() -> None:
    from relay.log_redaction import RedactSecrets

    record = logging.LogRecord(
        "uvicorn.access",
        logging.INFO,
        __file__,
        1,
        '%s - "%s %s HTTP/%s" %d',
        (
            "157.240.0.1:443",
            "GET",
            "/webhook?hub.mode=subscribe&hub.verify_token=my-secret-words&hub.challenge=1158201444",
            "1.1",
            200,
        ),
        None,
    )
    RedactSecrets().filter(record)
    line = record.getMessage()
    assert "my-secret-words" not in line
    assert "hub.challenge=1158201444" in line and "hub.verify_token=***" in line


def test_the_relay_runs_without_qt_and_with_only_app_wire_and_rules() -> None:
    # The Docker image copies only app/wire.py and app/rules.py and installs no Qt.
    probe = (
        "import sys, relay.cli, relay.server, relay.graph, relay.sandbox\n"
        "extra = sorted(m for m in sys.modules if m.split('.')[0] in ('app', 'ui', 'PySide6'))\n"
        "print(' '.join(extra))\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["app", "app.rules", "app.wire"]
