"""The `shop-inbox-relay` command: settings from the environment, refusals that name what is missing,
the client token kept in the relay's database, and the SQLite durability choice."""

from __future__ import annotations

import contextlib
import logging
import os
import shlex
import socket
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from relay.cli import main
from relay.settings import SANDBOX_HINT, MissingSetting, RelaySettings, SettingRefused
from relay.store import Store
from tests.support.relay_process import answers_healthz, wait_until
from tests.support.relay_server import run_relay
from tests.support.servers import free_port

PG_URL = os.environ.get("RELAY_TEST_PG_URL")

CLOUD_ENV = {
    "WHATSAPP_APP_SECRET": "s",
    "WHATSAPP_VERIFY_TOKEN": "v",
    "WHATSAPP_ACCESS_TOKEN": "a",
    "WHATSAPP_PHONE_NUMBER_ID": "106540352242922",
}


@pytest.fixture(autouse=True)
def root_logging_restored() -> Iterator[None]:
    """`main` configures logging for the process (a handler on the stderr of the moment): put the
    test run's back, so no later test logs into a capture stream that is gone."""
    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level
    yield
    root.handlers[:] = handlers
    root.setLevel(level)


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
    assert done.returncode == 2  # as every other refusal before a start
    assert "WHATSAPP_ACCESS_TOKEN" in done.stderr and "WHATSAPP_APP_SECRET" in done.stderr
    assert "shop-inbox-relay setup" in done.stderr  # the way a newcomer sets them
    assert "shop-inbox-relay serve --upstream sandbox" in done.stderr  # or a try without Meta


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("RELAY_RETENTION_DAYS", "thirty"),
        ("RELAY_DB_CONNECTIONS", "forty"),
        ("RELAY_MAX_WEBHOOK_BYTES", "-1"),
        ("RELAY_SEND_LEASE_SECONDS", "0"),
        ("RELAY_CAMPAIGN_PACE", "10/s"),
        ("RELAY_UPSTREAM", "sandbx"),
        ("RELAY_SQLITE_SYNCHRONOUS", "OFF"),
    ],
)
def test_a_setting_that_is_not_a_number_it_must_be_stops_serve_in_one_line_naming_it(
    tmp_path: Path, name: str, value: str
) -> None:
    env = {"PATH": "", **CLOUD_ENV, "RELAY_DATABASE_URL": f"sqlite:///{tmp_path / 'relay.db'}", name: value}
    done = subprocess.run(
        [sys.executable, "-m", "relay.cli", "serve", "--port", str(free_port())],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2
    assert len(done.stderr.strip().splitlines()) == 1, done.stderr  # no traceback
    assert done.stderr.startswith(f"shop-inbox-relay: {name} must be ") and repr(value) in done.stderr
    assert not (tmp_path / "relay.db").exists()  # refused before anything started


@pytest.mark.parametrize(
    ("name", "value", "must_be"),
    [
        # Numbers to int() and float(), but no date is that far back, no SQL integer holds that
        # lease: each ended a background job hours after the start.
        ("RELAY_RETENTION_DAYS", "999999999", "a whole number from 1 to 36500"),
        ("RELAY_CAMPAIGN_LEASE_SECONDS", "1e300", "a number of seconds from 1 to 3600"),
        ("RELAY_SEND_LEASE_SECONDS", "nan", "a number of seconds from 1 to 3600"),
        ("RELAY_SEND_LEASE_SECONDS", "inf", "a number of seconds from 1 to 3600"),
        ("RELAY_CAMPAIGN_LEASE_SECONDS", "-30", "a number of seconds from 1 to 3600"),
        ("RELAY_MEDIA_RETENTION_DAYS", "36501", "a whole number from 1 to 36500"),
        ("RELAY_MAX_WEBHOOK_BYTES", "4", "a whole number from 65536 to 104857600"),  # 4 MiB meant
        ("RELAY_MAX_WEBHOOK_BYTES", "9" * 5000, "a whole number from 65536 to 104857600"),
        ("RELAY_DB_CONNECTIONS", "1e3", "a whole number from 3 to 10000"),
        ("RELAY_WORKERS", "0", "a whole number from 1 to 1000"),
        ("RELAY_MESSAGING_LIMIT", "-250", "a whole number from 1 to 10000000"),
        ("RELAY_CAMPAIGN_PACE", "1001", "a whole number from 1 to 1000"),
        ("RELAY_MIN_FREE_DISK_MB", "500MB", "a whole number from 1 to 10000000"),
    ],
)
def test_a_number_setting_outside_its_range_is_refused_naming_the_range(
    name: str, value: str, must_be: str
) -> None:
    with pytest.raises(SettingRefused) as refused:
        RelaySettings.from_env({**CLOUD_ENV, name: value})
    shown = value if len(value) <= 40 else value[:40] + "…"  # not the whole paste
    assert refused.value.message == f"shop-inbox-relay: {name} must be {must_be}, not {shown!r}"


def test_number_settings_at_the_ends_of_their_ranges_start() -> None:
    low = RelaySettings.from_env(
        {
            **CLOUD_ENV,
            "RELAY_RETENTION_DAYS": "1",
            "RELAY_MAX_WEBHOOK_BYTES": "65536",
            "RELAY_SEND_LEASE_SECONDS": "1",
            "RELAY_CAMPAIGN_PACE": "1",
            "RELAY_MIN_FREE_DISK_MB": "1",
        }
    ).check()
    assert (low.retention_days, low.max_webhook_bytes, low.send_lease, low.min_free_disk_mb) == (
        1,
        65536,
        1,
        1,
    )
    high = RelaySettings.from_env(
        {
            **CLOUD_ENV,
            "RELAY_RETENTION_DAYS": " 36500 ",
            "RELAY_CAMPAIGN_LEASE_SECONDS": "3600.0",
            "RELAY_DB_CONNECTIONS": "10000",
            "RELAY_MESSAGING_LIMIT": "10000000",
            "RELAY_CAMPAIGN_PACE": "1000",
        }
    ).check()
    assert (high.retention_days, high.campaign_lease, high.db_connections) == (36500, 3600.0, 10000)
    assert high.campaign_pace_max == 80  # a number's higher throughput: the relay still sends 80 a second


@pytest.mark.parametrize("command", ["serve", "check"])
def test_a_setting_that_would_overflow_stops_serve_and_check_before_anything_starts(
    tmp_path: Path, command: str
) -> None:
    env = {
        "PATH": "",
        **CLOUD_ENV,
        "RELAY_DATABASE_URL": f"sqlite:///{tmp_path / 'relay.db'}",
        "RELAY_RETENTION_DAYS": "999999999",
    }
    args = ["--port", str(free_port())] if command == "serve" else []
    done = subprocess.run(
        [sys.executable, "-m", "relay.cli", command, *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2, done.stderr
    assert done.stderr.strip() == (
        "shop-inbox-relay: RELAY_RETENTION_DAYS must be a whole number from 1 to 36500, not '999999999'"
    )
    assert not (tmp_path / "relay.db").exists()


def test_token_prints_the_same_token_until_rotated(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("RELAY_CLIENT_TOKEN", raising=False)
    database = f"sqlite:///{tmp_path / 'relay.db'}"
    Store(database).close()  # the relay has run on it
    assert main(["token", "--database", database]) == 0
    first = capsys.readouterr().out.strip()
    assert main(["token", "--database", database]) == 0
    assert capsys.readouterr().out.strip() == first and len(first) >= 32
    assert main(["token", "--database", database, "--rotate"]) == 0
    printed = capsys.readouterr()
    rotated = printed.out.strip()
    assert rotated != first
    # What the operator does next, beside the token a script reads alone.
    assert "the old one is refused within seconds" in printed.err and "each desktop's Settings" in printed.err
    store = Store(database)
    assert store.kv.client_token() == rotated  # what the relay will accept from now on
    store.close()


def test_a_rotated_token_is_refused_by_the_running_relay(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # An owner rotates because a token went astray (a laptop sold, a screenshot shared): "the old one
    # stops working" must hold for the relay that is running, not only after its next restart.
    monkeypatch.delenv("RELAY_CLIENT_TOKEN", raising=False)
    with run_relay(tmp_path, client_token="") as running:
        database = running.settings.database_url
        assert main(["token", "--database", database]) == 0
        old = capsys.readouterr().out.strip()

        def answer(token: str) -> int:
            r = running.client.get(
                f"{running.url}/v1/events", params={"after": 0}, headers={"Authorization": f"Bearer {token}"}
            )
            return r.status_code

        assert answer(old) == 200
        assert main(["token", "--database", database, "--rotate"]) == 0
        new = capsys.readouterr().out.strip()
        wait_until(lambda: answer(old) == 401, 15, "the old token refused")
        assert answer(new) == 200


def test_token_prints_the_env_files_token_the_relay_accepts(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # The systemd unit reads RELAY_CLIENT_TOKEN from relay.env; an admin's shell has no such variable.
    monkeypatch.delenv("RELAY_CLIENT_TOKEN", raising=False)
    database = f"sqlite:///{tmp_path / 'relay.db'}"
    Store(database).close()
    env_file = tmp_path / "relay.env"
    env_file.write_text("RELAY_CLIENT_TOKEN=the-env-files-token-of-32-characters\n")
    assert main(["token", "--database", database]) == 0
    printed = capsys.readouterr()
    assert printed.out.strip() != "the-env-files-token-of-32-characters"
    assert (
        "RELAY_CLIENT_TOKEN" in printed.err and "token --env-file" in printed.err
    )  # the way to the right one
    assert main(["token", "--env-file", str(env_file), "--database", database]) == 0
    printed = capsys.readouterr()
    assert printed.out.strip() == "the-env-files-token-of-32-characters"
    assert f"RELAY_CLIENT_TOKEN is set in {env_file}" in printed.err


@pytest.mark.parametrize("command", ["token", "check", "serve"])
def test_an_env_file_that_cannot_be_read_is_named_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str
) -> None:
    database = f"sqlite:///{tmp_path / 'relay.db'}"
    (tmp_path / "binary.env").write_bytes(b"\xff\xfe\x00")
    for env_file, said in (
        (tmp_path / "relya.env", "no env file at"),
        (tmp_path / "binary.env", "cannot read"),
    ):
        assert main([command, "--env-file", str(env_file), "--database", database]) == 2
        lines = capsys.readouterr().err.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith(f"shop-inbox-relay {command}: {said} {env_file}")
    assert not (tmp_path / "relay.db").exists()


@pytest.mark.parametrize("command", ["token", "serve"])
def test_an_env_file_another_user_owns_says_to_run_as_the_relays_user(tmp_path: Path, command: str) -> None:
    """setup leaves relay.env 0600: the admin's own login, copying the guide's `token --env-file`
    without `sudo -u shop-inbox`, is refused by the file, and is told whose command to run."""
    env_file = tmp_path / "relay.env"
    env_file.write_text("RELAY_CLIENT_TOKEN=the-env-files-token-of-32-characters\n")
    env_file.chmod(0o600)
    # As root: the file belongs to another user (nobody) and root runs the command without the
    # capabilities that let it read any file; the checkout and its virtualenv stay readable (CI's
    # copy sits in a 0700 folder that nobody itself could not enter).
    as_another_user = (
        ["setpriv", "--bounding-set=-dac_override,-dac_read_search"] if os.geteuid() == 0 else []
    )
    if as_another_user:
        os.chown(env_file, 65534, 65534)
    else:
        env_file.chmod(0)  # not root: a file this user may not read
    done = subprocess.run(
        [*as_another_user, sys.executable, "-m", "relay.cli", command, "--env-file", str(env_file)],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=Path(__file__).parents[2],
    )
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.strip().splitlines() == [
        f"shop-inbox-relay {command}: cannot read {env_file}: Permission denied; run this as the user the "
        "relay runs as (the file's owner, e.g. sudo -u shop-inbox …) or with sudo"
    ]


@pytest.mark.parametrize("command", ["serve", "check", "token"])
def test_an_env_file_line_that_sets_nothing_is_named_without_its_value(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, command: str
) -> None:
    # A shell habit: `export NAME=…`. systemd's EnvironmentFile= sets nothing from such a line, and
    # neither does the relay; without a word, the admin saw only "missing WHATSAPP_APP_SECRET".
    for name in CLOUD_ENV:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("RELAY_CLIENT_TOKEN", "t")  # token answers without a database
    env_file = tmp_path / "relay.env"
    env_file.write_text("# mine\nexport WHATSAPP_APP_SECRET=ss3cret\nWHATSAPP_VERIFY_TOKEN v\n")
    database = f"sqlite:///{tmp_path / 'relay.db'}"
    Store(database).close()
    args = {"serve": ["serve", "--port", str(free_port())], "check": ["check"], "token": ["token"]}
    with contextlib.suppress(MissingSetting):  # serve then stops, naming the secret it lacks
        main([*args[command], "--env-file", str(env_file), "--database", database])
    err = capsys.readouterr().err.splitlines()
    assert err[:2] == [
        f"shop-inbox-relay {command}: {env_file} line 2 sets nothing: write `WHATSAPP_APP_SECRET=…` without "
        "`export`",
        f"shop-inbox-relay {command}: {env_file} line 3 sets nothing: a setting is one NAME=value line",
    ]
    assert not any("ss3cret" in line for line in err)


@pytest.mark.parametrize("where", ["environment", "env file"])
def test_rotating_a_token_set_in_the_settings_is_refused_naming_where_to_change_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, where: str
) -> None:
    database = f"sqlite:///{tmp_path / 'relay.db'}"
    env_file = tmp_path / "relay.env"
    env_file.write_text("WHATSAPP_APP_SECRET=s\n")
    if where == "environment":
        monkeypatch.setenv("RELAY_CLIENT_TOKEN", "the-old-token")
    else:
        monkeypatch.delenv("RELAY_CLIENT_TOKEN", raising=False)
        env_file.write_text("RELAY_CLIENT_TOKEN=the-old-token\n")
    code = main(["token", "--rotate", "--env-file", str(env_file), "--database", database])
    printed = capsys.readouterr()
    assert code == 2
    assert printed.out == ""  # the old token is not shown as if it were a new one
    named = "the environment" if where == "environment" else str(env_file)
    assert f"RELAY_CLIENT_TOKEN is set (in {named}): edit it there" in printed.err
    assert "secrets.token_urlsafe(32)" in printed.err and "restart the relay" in printed.err


@pytest.mark.parametrize("mistake", ["file", "folder"])
def test_token_refuses_a_database_the_relay_never_ran_on(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, mistake: str
) -> None:
    monkeypatch.delenv("RELAY_CLIENT_TOKEN", raising=False)
    typo = tmp_path / ("relya.db" if mistake == "file" else "no-such-folder/relay.db")
    code = main(["token", "--database", f"sqlite:///{typo}"])
    printed = capsys.readouterr()
    assert code == 2 and printed.out == ""
    refusal = [line for line in printed.err.splitlines() if line.startswith("shop-inbox-relay token:")]
    assert len(refusal) == 1 and str(typo.name if mistake == "file" else typo.parent) in refusal[0]
    assert printed.err.strip() == refusal[0]  # that one line, no Alembic output, no traceback
    assert not typo.exists()  # no new, empty database


def test_token_in_a_folder_other_than_the_relays_says_to_run_it_where_serve_runs(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """docs/relay.md: serve in one terminal, token "in a second terminal, same folder". A new terminal
    opens in the home folder, and the answer was "no relay database at sqlite:///relay.db"."""
    monkeypatch.delenv("RELAY_CLIENT_TOKEN", raising=False)
    monkeypatch.delenv("RELAY_DATABASE_URL", raising=False)
    (tmp_path / "relay").mkdir()
    Store(f"sqlite:///{tmp_path / 'relay' / 'relay.db'}").close()  # where serve runs
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.chdir(home)
    assert main(["token"]) == 2
    printed = capsys.readouterr()
    assert printed.out == "" and printed.err.strip() == (
        f"shop-inbox-relay token: no relay database in this folder ({home}): run it in the folder where "
        "`shop-inbox-relay serve` runs, or give the relay's own --database."
    )
    assert list(home.iterdir()) == []  # no new, empty relay.db with a token nobody uses
    monkeypatch.chdir(tmp_path / "relay")
    assert main(["token"]) == 0 and len(capsys.readouterr().out.strip()) >= 32


def test_token_refuses_an_empty_database(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("RELAY_CLIENT_TOKEN", raising=False)
    sqlite3.connect(tmp_path / "other.db").close()
    assert main(["token", "--database", f"sqlite:///{tmp_path / 'other.db'}"]) == 2
    assert "has no relay tables" in capsys.readouterr().err


def test_serve_reads_the_env_file(tmp_path: Path) -> None:
    env_file = tmp_path / "relay.env"
    env_file.write_text("".join(f"{k}={v}\n" for k, v in CLOUD_ENV.items() if k != "WHATSAPP_APP_SECRET"))
    env = {"PATH": "", "RELAY_DATABASE_URL": f"sqlite:///{tmp_path / 'relay.db'}"}
    done = subprocess.run(
        [sys.executable, "-m", "relay.cli", "serve", "--env-file", str(env_file)],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2
    assert "WHATSAPP_APP_SECRET" in done.stderr  # the one setting the file lacks
    assert "WHATSAPP_ACCESS_TOKEN" not in done.stderr


def test_several_workers_are_refused_on_sqlite(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    for name, value in CLOUD_ENV.items():
        monkeypatch.setenv(name, value)
    database = f"sqlite:///{tmp_path / 'relay.db'}"
    assert main(["serve", "--workers", "2", "--database", database, "--port", str(free_port())]) == 2
    printed = capsys.readouterr()
    assert printed.out == ""
    assert printed.err.strip() == (
        f"shop-inbox-relay serve: --workers 2 needs PostgreSQL, and the database is {database} "
        "(from --database; give --database a postgresql+psycopg:// URL), or run one worker"
    )


def test_several_workers_refused_on_a_sqlite_file_a_relay_ran_on_name_the_move(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    for name, value in CLOUD_ENV.items():
        monkeypatch.setenv(name, value)
    database = f"sqlite:///{tmp_path / 'relay.db'}"
    Store(database).close()  # the relay ran on it: it holds the desktops' events and token
    assert main(["serve", "--workers", "2", "--database", database, "--port", str(free_port())]) == 2
    printed = capsys.readouterr().err.strip()
    assert printed.startswith("shop-inbox-relay serve: --workers 2 needs PostgreSQL")
    assert printed.endswith(
        "; `shop-inbox-relay move-database --to postgresql+psycopg://…` moves what it holds"
    )


@pytest.mark.parametrize("workers", [0, -1, 1001])
def test_no_workers_at_all_or_too_many_is_refused_in_one_line_instead_of_serving(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, workers: int
) -> None:
    monkeypatch.chdir(tmp_path)
    code = main(["serve", "--upstream", "sandbox", "--workers", str(workers), "--port", str(free_port())])
    printed = capsys.readouterr()
    assert code == 2
    assert printed.err.strip() == (
        f"shop-inbox-relay serve: --workers {workers} is no number of processes: give 1 to 1000"
    )
    assert list(tmp_path.iterdir()) == []  # nothing started, no database made


def test_several_workers_refused_on_the_env_files_sqlite_name_the_file_over_the_exported_url(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # The admin exports a PostgreSQL URL as the docs' "several workers" lines do, but serves with
    # setup's env file, whose SQLite RELAY_DATABASE_URL wins: the refusal says which one it used.
    database = f"sqlite:///{tmp_path / 'relay.db'}"
    env_file = tmp_path / "relay.env"
    env_file.write_text(
        "".join(f"{k}={v}\n" for k, v in CLOUD_ENV.items()) + f"RELAY_DATABASE_URL={database}\n"
    )
    monkeypatch.setenv("RELAY_DATABASE_URL", "postgresql+psycopg://relay:secret@127.0.0.1/relay")
    for name, value in CLOUD_ENV.items():  # serve puts the file's settings in os.environ: undone after
        monkeypatch.setenv(name, value)
    code = main(["serve", "--env-file", str(env_file), "--workers", "2", "--port", str(free_port())])
    printed = capsys.readouterr()
    assert code == 2 and printed.out == ""
    assert printed.err.strip() == (
        f"shop-inbox-relay serve: --workers 2 needs PostgreSQL, and the database is {database} (from "
        f"RELAY_DATABASE_URL in {env_file}, which wins over the environment; set it there to a "
        "postgresql+psycopg:// URL), or run one worker"
    )


def test_several_workers_are_refused_with_the_sandbox_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["serve", "--upstream", "sandbox", "--workers", "2", "--port", str(free_port())]) == 2
    printed = capsys.readouterr()
    assert printed.err.strip() == (
        "shop-inbox-relay serve: --workers 2 needs --upstream cloud: the sandbox runs in one process"
    )
    assert list(tmp_path.iterdir()) == []


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
    with pytest.raises(SystemExit) as refused:
        RelaySettings.from_env({**CLOUD_ENV, "RELAY_SQLITE_SYNCHRONOUS": "OFF"}).check()
    assert (
        refused.value.code == "shop-inbox-relay: RELAY_SQLITE_SYNCHRONOUS must be NORMAL or FULL, not 'OFF'"
    )


def test_an_unknown_upstream_is_refused_naming_its_setting() -> None:
    with pytest.raises(SystemExit) as refused:
        RelaySettings.from_env({**CLOUD_ENV, "RELAY_UPSTREAM": "sandbx"}).check()
    assert refused.value.code == "shop-inbox-relay: RELAY_UPSTREAM must be cloud or sandbox, not 'sandbx'"


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


def test_the_sandbox_the_refusal_offers_runs_with_no_other_settings_and_holds_its_port(
    tmp_path: Path,
) -> None:
    """The hint of a refused `serve`, run as it says in a fresh folder; a second relay on its port
    stops in one line before it starts anything."""
    env = {"PATH": "", "HOME": str(tmp_path)}
    refused = subprocess.run(
        [sys.executable, "-m", "relay.cli", "serve"], cwd=tmp_path, env=env, capture_output=True, text=True
    )
    hint = SANDBOX_HINT.rsplit(": ", 1)[1]
    assert refused.returncode != 0 and hint in refused.stderr
    port = free_port()
    command = [sys.executable, "-m", "relay.cli", *hint.split()[1:], "--port", str(port)]
    log = tmp_path / "serve.log"
    with log.open("wb") as out:
        # A session of its own, as a `nohup … &` leaves it: no terminal, whichever ran the tests.
        relay = subprocess.Popen(
            command, cwd=tmp_path, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
        )
    try:
        wait_until(lambda: answers_healthz(f"http://127.0.0.1:{port}"), 60, "the sandbox relay")
        assert f"use the address http://127.0.0.1:{port}" in log.read_text()
        token = subprocess.run(
            [sys.executable, "-m", "relay.cli", "token"],
            cwd=tmp_path,
            env=env,
            capture_output=True,
            text=True,
        )
        assert token.returncode == 0
        answer = httpx.get(
            f"http://127.0.0.1:{port}/v1/check",
            headers={"Authorization": f"Bearer {token.stdout.strip()}"},
            timeout=30,
        )
        assert answer.status_code == 200 and answer.json()["ok"]

        second = subprocess.run(command, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=60)
        assert second.returncode == 2 and second.stdout == ""
        # The relay in the way is named, with how to stop it.
        assert second.stderr.strip() == (
            f"shop-inbox-relay serve: port {port} on 127.0.0.1 is already in use by a relay started by "
            f"hand (pid {relay.pid}: `shop-inbox-relay serve {' '.join(hint.split()[2:])} --port {port}`): "
            f"stop it first (`kill {relay.pid}`), or pick another port with --port"
        )
        assert relay.poll() is None  # the first relay is untouched
    finally:
        relay.terminate()
        relay.wait(timeout=30)


@pytest.mark.parametrize("workers", [1, 2])
def test_serve_on_a_taken_port_stops_before_starting(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, workers: int
) -> None:
    database = f"sqlite:///{tmp_path / 'relay.db'}"
    if workers > 1:  # several workers need PostgreSQL and the cloud upstream
        if not PG_URL:
            pytest.skip("RELAY_TEST_PG_URL not set (bash .ci/run starts PostgreSQL)")
        database = PG_URL
        for name, value in CLOUD_ENV.items():
            monkeypatch.setenv(name, value)
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        args = ["serve", "--upstream", "sandbox"] if workers == 1 else ["serve", "--workers", str(workers)]
        code = main([*args, "--database", database, "--port", str(port)])
    printed = capsys.readouterr()
    assert code == 2
    assert printed.err.strip() == (
        f"shop-inbox-relay serve: port {port} on 127.0.0.1 is already in use (another relay running?); "
        "pick another with --port"
    )
    assert not (tmp_path / "relay.db").exists()  # nothing started, nothing created


@pytest.mark.parametrize("mistake", ["folder", "postgresql"])
def test_serve_refuses_a_database_it_cannot_open_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], mistake: str
) -> None:
    url = f"sqlite:///{tmp_path / 'no-such-folder' / 'relay.db'}"
    if mistake == "postgresql":  # nothing listens there: the connection is refused
        url = f"postgresql+psycopg://relay:secret@127.0.0.1:{free_port()}/relay"
    code = main(["serve", "--upstream", "sandbox", "--database", url, "--port", str(free_port())])
    printed = capsys.readouterr()
    assert code == 2 and printed.out == ""
    assert len(printed.err.strip().splitlines()) == 1, printed.err  # no traceback
    refusal = printed.err.strip()
    assert refusal.startswith("shop-inbox-relay serve: ") and "--database" in refusal
    if mistake == "folder":
        assert f"no folder {tmp_path / 'no-such-folder'}" in refusal
        assert f"make the folder first (mkdir -p {tmp_path / 'no-such-folder'}," in refusal
    else:
        assert "cannot open the database" in refusal and "secret" not in refusal
        assert "is PostgreSQL running and listening there?" in refusal  # the URL may be right
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("command", ["serve", "check", "token", "move-database"])
def test_a_database_url_missing_the_slash_before_its_name_is_said_in_one_line_not_a_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str
) -> None:
    # "…:5432relay": SQLAlchemy's parser raised a ValueError of int(), which every command let out.
    url = "postgresql+psycopg://relay:secret@127.0.0.1:5432relay"
    args = {
        "serve": ["serve", "--upstream", "sandbox", "--port", str(free_port())],
        "move-database": ["move-database", "--to", str(tmp_path / "relay.db")],
    }.get(command, [command])
    code = main([*args, "--database", url])
    refusal = capsys.readouterr().err.strip().splitlines()
    assert code == 2 and len(refusal) == 1, refusal
    assert (
        "cannot use the database URL postgresql+psycopg://relay:***@127.0.0.1:5432relay: its port is not a "
        "number (is the / before the database name missing?); a PostgreSQL URL is "
        "postgresql+psycopg://USER:PASSWORD@HOST:5432/NAME"
    ) in refusal[0]
    assert list(tmp_path.iterdir()) == []


@pytest.mark.slow
@pytest.mark.postgresql
@pytest.mark.parametrize("command", ["serve", "check", "token"])
def test_a_postgresql_database_that_does_not_exist_is_said_with_how_to_make_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str
) -> None:
    if not PG_URL:
        pytest.skip("RELAY_TEST_PG_URL not set (bash .ci/run starts PostgreSQL)")
    from sqlalchemy.engine import make_url

    name = f"relay_test_never_made_{os.getpid()}"
    url = make_url(PG_URL).set(database=name)
    args = ["serve", "--upstream", "sandbox", "--port", str(free_port())] if command == "serve" else [command]
    code = main([*args, "--database", url.render_as_string(hide_password=False)])
    refusal = capsys.readouterr().err.strip().splitlines()
    assert code == 2 and len(refusal) == 1, refusal
    createdb = f"`createdb -E UTF8 -T template0 -O {url.username} {name}`"
    # One piece of advice: the createdb, then what the command itself adds (never a second "fix the
    # URL … or start the relay once to create it" after it).
    ending = {
        "serve": f"create it with {createdb}, or fix its name (--database or RELAY_DATABASE_URL)",
        "check": f"create it with {createdb} and start the relay once to make its tables, or give the "
        "relay's own --database (or RELAY_DATABASE_URL in its env file).",
        "token": f"create it with {createdb} and start the relay once, or give the relay's own --database.",
    }[command]
    assert refusal[0].endswith(
        f'database "{name}" does not exist; the server is up but has no such database: {ending}'
    ), refusal[0]
    assert refusal[0].count("start the relay") <= 1 and refusal[0].count("fix") <= 1
    assert url.password is None or f":{url.password}@" not in refusal[0]


@pytest.mark.parametrize("port", [99999, 0])
def test_serve_on_a_port_that_is_no_port_stops_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], port: int
) -> None:
    database = f"sqlite:///{tmp_path / 'relay.db'}"
    code = main(["serve", "--upstream", "sandbox", "--database", database, "--port", str(port)])
    printed = capsys.readouterr()
    assert code == 2
    assert printed.err.strip() == (
        f"shop-inbox-relay serve: {port} is not a port (1 to 65535); pick another with --port"
    )


def test_serve_with_a_media_folder_it_cannot_make_stops_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "volume").write_text("a file where the folder's parent should be")
    monkeypatch.setenv("RELAY_MEDIA_DIR", str(tmp_path / "volume" / "media"))
    database = f"sqlite:///{tmp_path / 'relay.db'}"
    code = main(["serve", "--upstream", "sandbox", "--database", database, "--port", str(free_port())])
    printed = capsys.readouterr()
    assert code == 2
    assert printed.err.strip() == (
        f"shop-inbox-relay serve: cannot make the media folder {tmp_path / 'volume' / 'media'}: "
        "Not a directory (fix RELAY_MEDIA_DIR)"
    )


@pytest.mark.parametrize("command", ["serve", "check", "token"])
def test_a_relay_rolled_back_below_its_databases_revision_says_so_in_one_line(
    tmp_path: Path,
    storage: str | None,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    command: str,
) -> None:
    from sqlalchemy import create_engine, text

    from relay.storage.schema import VERSION_TABLE

    url = storage or f"sqlite:///{tmp_path / 'relay.db'}"
    Store(url).close()
    engine = create_engine(url)
    with engine.begin() as conn:  # as a newer relay would have left it
        conn.execute(text(f"UPDATE {VERSION_TABLE} SET version_num = '9999'"))
    engine.dispose()
    for name, value in CLOUD_ENV.items():
        monkeypatch.setenv(name, value)
    monkeypatch.delenv("RELAY_CLIENT_TOKEN", raising=False)
    # On PostgreSQL, serve's workers: each would fail to start and be started again, forever.
    workers = ["--workers", "2"] if storage else []
    args = {"serve": ["serve", "--port", str(free_port()), *workers], "check": ["check"], "token": ["token"]}
    code = main([*args[command], "--database", url])
    printed = capsys.readouterr()
    assert code == 2
    assert "Traceback" not in printed.err
    assert printed.err.strip().splitlines()[-1] == (
        f"shop-inbox-relay {command}: the relay database is at schema revision '9999', which this relay "
        "does not know (a newer relay migrated it): run that relay, or restore a backup"
    )


@pytest.mark.parametrize(
    ("url", "said"),
    [
        # A slash short: the forms to use, not SQLAlchemy's list that starts with an in-memory one.
        ("sqlite://relay.db", "a SQLite URL is sqlite:///relay.db (in the folder the relay starts in) or"),
        ("postgres://relay:secret@127.0.0.1/relay", "PostgreSQL URLs start postgresql+psycopg://"),
    ],
)
def test_a_database_url_the_relay_cannot_use_is_refused_in_one_line_with_the_form_to_use(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, url: str, said: str
) -> None:
    monkeypatch.chdir(tmp_path)
    code = main(["serve", "--upstream", "sandbox", "--database", url, "--port", str(free_port())])
    printed = capsys.readouterr()
    assert code == 2
    assert len(printed.err.strip().splitlines()) == 1, printed.err
    assert printed.err.startswith("shop-inbox-relay serve: cannot use the database URL ")
    assert said in printed.err and "secret" not in printed.err


@pytest.mark.parametrize("url", ["sqlite:///:memory:", "sqlite://"])
@pytest.mark.parametrize("command", ["serve", "token"])
def test_an_in_memory_database_is_refused_in_one_line_instead_of_a_startup_traceback(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    url: str,
    command: str,
) -> None:
    # SQLAlchemy's own answer to a mistyped SQLite URL offers sqlite:///:memory:; served, it was a
    # traceback ("no such table") from the relay's start, and any message kept would die with it.
    monkeypatch.chdir(tmp_path)
    args = ["serve", "--upstream", "sandbox", "--port", str(free_port())] if command == "serve" else ["token"]
    code = main([*args, "--database", url])
    printed = capsys.readouterr()
    assert code == 2 and printed.out == ""
    assert printed.err.strip().splitlines() == [
        f"shop-inbox-relay {command}: the database {url} is in memory: the relay would lose every message "
        "when it stops; give a file, sqlite:///relay.db (in the folder the relay starts in) or "
        "sqlite:////var/lib/shop-inbox/relay.db (a full path: four slashes)"
        + (
            " (fix --database or RELAY_DATABASE_URL)"
            if command == "serve"
            else "; give the relay's own --database."
        )
    ]
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("url", "said"),
    [
        # A bare @ in the password: SQLAlchemy would take "ss3cret@127.0.0.1" for the host name.
        (
            "postgresql+psycopg://relay:p@ss3cret@127.0.0.1:5432/relay",
            "holds an @: write each @ in it as %40",
        ),
        ("relay:ss3cret@127.0.0.1/relay", "cannot use the database URL relay:***@127.0.0.1/relay"),
    ],
)
def test_no_part_of_a_database_password_is_printed_whatever_the_url_looks_like(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], url: str, said: str
) -> None:
    code = main(["serve", "--upstream", "sandbox", "--database", url, "--port", str(free_port())])
    printed = capsys.readouterr()
    assert code == 2
    assert said in printed.err and "ss3cret" not in printed.err


def test_the_sandbox_serve_names_the_token_command_as_it_was_run(tmp_path: Path) -> None:
    """README's command 1 leaves the venv unactivated: `.venv/bin/shop-inbox-relay serve --upstream
    sandbox` said to run a bare `shop-inbox-relay token`, "command not found" there. It names the
    command as it was run, and that line, typed as printed, prints the token the relay accepts."""
    script = Path(sys.executable).parent / "shop-inbox-relay"
    assert script.exists()
    port = free_port()
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    serve = subprocess.Popen(
        [str(script), "serve", "--upstream", "sandbox", "--port", str(port)],
        cwd=tmp_path,
        env=env,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert serve.stderr is not None
        said = ""
        while "Sandbox relay" not in said:
            line = serve.stderr.readline()
            assert line, f"serve ended before naming the token command ({serve.poll()})"
            said = line
        printed = said.split("`")[1]
        # The relay's file by its full path: typed in a second terminal, which opens in the home
        # folder, not where serve keeps relay.db.
        assert printed == f"{script} token --database sqlite:///{tmp_path.resolve() / 'relay.db'}"
        elsewhere = tmp_path / "home"
        elsewhere.mkdir()
        done = subprocess.run(
            shlex.split(printed), cwd=elsewhere, env=env, capture_output=True, text=True, timeout=60
        )
        assert done.returncode == 0, done.stderr
        token = done.stdout.strip()
        url = f"http://127.0.0.1:{port}"
        assert f"use the address {url} " in said
        wait_until(lambda: answers_healthz(url), 30, "the sandbox relay")
        answer = httpx.get(f"{url}/v1/check", headers={"Authorization": f"Bearer {token}"}, timeout=10)
        assert answer.status_code == 200
    finally:
        serve.terminate()
        serve.wait(timeout=30)


def test_each_commands_help_says_what_it_does_and_the_defaults_it_uses(
    capsys: pytest.CaptureFixture[str],
) -> None:
    helps = {}
    for command in ("serve", "token", "setup", "check", "move-database"):
        with pytest.raises(SystemExit):
            main([command, "--help"])
        helps[command] = " ".join(capsys.readouterr().out.split())
    assert "Run the relay" in helps["serve"]
    assert "the port to listen on (default 8080)" in helps["serve"]
    assert "(default 127.0.0.1" in helps["serve"] and "(default 1;" in helps["serve"]
    for command in ("serve", "token", "check", "move-database"):
        assert "else sqlite:///relay.db in this folder" in helps[command], command
    assert "Print the token desktops use" in helps["token"]
    assert "(default relay.env)" in helps["setup"]
    assert "Enter to skip" not in helps["setup"]  # a prompt's words, not a flag's


def test_the_relays_help_says_where_backups_upgrades_and_token_renewal_are_written(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    said = " ".join(capsys.readouterr().out.split())
    assert "Backing up and restoring, upgrading, renewing Meta's access token" in said
    assert "docs/relay.md" in said
    guide = (Path(__file__).parents[2] / "docs" / "relay.md").read_text(encoding="utf-8")
    assert "### Backups" in guide and "## Looking after the relay" in guide


def test_a_refusal_in_the_folder_of_setups_env_file_says_to_give_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """setup wrote relay.env here; serve, token and check without --env-file read none of it."""
    monkeypatch.chdir(tmp_path)
    for name in [*CLOUD_ENV, "RELAY_DATABASE_URL", "RELAY_CLIENT_TOKEN", "RELAY_UPSTREAM"]:
        monkeypatch.delenv(name, raising=False)
    (tmp_path / "relay.env").write_text("".join(f"{k}={v}\n" for k, v in CLOUD_ENV.items()))
    for command in ("serve", "token", "check"):
        assert main([command]) == 2
        err = capsys.readouterr().err
        assert f"add `--env-file relay.env` to `{command}`" in err, err
    assert not (tmp_path / "relay.db").exists()
    (tmp_path / "relay.env").unlink()
    assert main(["token"]) == 2
    assert "--env-file relay.env" not in capsys.readouterr().err  # no file here: nothing to point at


def test_a_second_relay_on_a_sqlite_file_a_relay_serves_stops_in_one_line(tmp_path: Path) -> None:
    """Two shops' env files naming one file by mistake must not mix the shops' customers."""
    serve = [sys.executable, "-m", "relay.cli", "serve", "--upstream", "sandbox"]
    serve += ["--database", f"sqlite:///{tmp_path / 'relay.db'}"]
    with run_relay(tmp_path, upstream="sandbox") as first:
        second = subprocess.run(
            [*serve, "--port", str(free_port())],
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert answers_healthz(first.url)  # the first relay serves on, its file untouched
    assert second.returncode == 2
    assert second.stderr.strip() == (
        f"shop-inbox-relay serve: another relay (or program) has {tmp_path / 'relay.db'} open; one relay "
        "serves a SQLite file: stop it first, or give this relay a file of its own "
        "(fix --database or RELAY_DATABASE_URL)"
    )
    # Once it stopped, the same file serves again.
    port = free_port()
    again = subprocess.Popen(
        [*serve, "--port", str(port)],
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        wait_until(lambda: answers_healthz(f"http://127.0.0.1:{port}"), 60, "the relay on the freed file")
    finally:
        again.terminate()
        again.communicate(timeout=30)


@pytest.mark.parametrize("command", ["serve", "check"])
def test_a_graph_url_without_https_stops_serve_in_one_line_naming_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], command: str
) -> None:
    """`check` too: it ran, and its phone_number line blamed the server's network (UnsupportedProtocol)."""
    for name, value in {**CLOUD_ENV, "WHATSAPP_GRAPH_URL": "graph.facebook.com/v21.0"}.items():
        monkeypatch.setenv(name, value)
    database = ["--database", f"sqlite:///{tmp_path / 'relay.db'}"]
    code = main([command, *database, *(["--port", str(free_port())] if command == "serve" else [])])
    assert code == 2
    assert capsys.readouterr().err.strip() == (
        "shop-inbox-relay: WHATSAPP_GRAPH_URL must be an https:// address such as "
        "https://graph.facebook.com/v21.0 (or leave it out), not 'graph.facebook.com/v21.0'"
    )
    assert not (tmp_path / "relay.db").exists()


def test_a_sqlite_file_this_user_cannot_write_says_chown_not_unable_to_open(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A relay.db that root made (serve run with sudo first), opened by the unit's own user: a
    read-only mount of its folder plays that user here, as root cannot be refused a write."""
    (tmp_path / "data").mkdir()
    store = Store(f"sqlite:///{tmp_path / 'data' / 'relay.db'}")
    store.kv.client_token()
    store.close()
    seen = tmp_path / "seen"
    seen.mkdir()
    mounted = subprocess.run(["mount", "--bind", str(tmp_path / "data"), str(seen)], capture_output=True)
    if mounted.returncode != 0:
        pytest.skip("no bind mount here (not root): a folder this user cannot write cannot be made")
    try:
        subprocess.run(["mount", "-o", "remount,bind,ro", str(seen)], check=True, capture_output=True)
        code = main(["token", "--database", f"sqlite:///{seen / 'relay.db'}"])
    finally:
        subprocess.run(["umount", str(seen)], check=True, capture_output=True)
    assert code == 2
    err = capsys.readouterr().err
    assert f"this user cannot write {seen / 'relay.db'} or its folder" in err and "`chown`" in err


def test_token_of_a_sandbox_relay_prints_no_note_about_env_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The docs' first try (serve --upstream sandbox, then token) has no env file to point at."""
    from relay.sandbox import PROGRESS_KEY

    monkeypatch.delenv("RELAY_CLIENT_TOKEN", raising=False)
    database = f"sqlite:///{tmp_path / 'relay.db'}"
    store = Store(database)
    store.kv.put(PROGRESS_KEY, "{}")  # the sandbox's customers have been at it
    store.close()
    assert main(["token", "--database", database]) == 0
    printed = capsys.readouterr()
    assert len(printed.out.strip()) >= 32 and printed.err == ""
