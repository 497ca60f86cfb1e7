"""`shop-inbox-relay setup`: a private env file, each Graph call once with the right values, safe to
repeat, secrets never echoed; against the fake Graph, whose webhook verification calls the real relay."""

from __future__ import annotations

import io
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from relay import setup_command
from relay.check import VERIFIED_KEY
from relay.cli import parse_args
from relay.env_file import read_env_file
from relay.setup_command import run_setup
from tests.support.fake_graph import ACCESS_TOKEN, APP_ID, APP_SECRET, WABA_ID, FakeGraph
from tests.support.relay_server import PHONE_NUMBER_ID, VERIFY_TOKEN, RunningRelay, run_relay

HOST = "localhost"  # resolves to loopback: no test traffic leaves 127.0.0.1


@pytest.fixture(autouse=True)
def systemd_units(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The folder systemd's installed units are looked for in: empty, as on a server before the
    unit's header copies it (this machine's own /etc/systemd/system says nothing of a test)."""
    folder = tmp_path / "systemd-system"
    folder.mkdir()
    monkeypatch.setattr(setup_command, "SYSTEMD_UNIT_FOLDERS", (folder,))
    # The program the unit runs: absent, as on a server where the unit's header has not run yet.
    monkeypatch.setattr(setup_command, "UNIT_PROGRAM", tmp_path / "opt-venv" / "bin" / "shop-inbox-relay")
    return folder


@pytest.fixture
def relay(tmp_path: Path, graph: FakeGraph) -> Iterator[RunningRelay]:
    """The relay Meta's verification reaches (the fake Graph maps https://localhost to it)."""
    with run_relay(tmp_path, graph_url=graph.url) as running:
        graph.resolve[f"https://{HOST}"] = running.url
        yield running


def environment(graph: FakeGraph, tmp_path: Path, **extra: str) -> dict[str, str]:
    return {
        "WHATSAPP_ACCESS_TOKEN": ACCESS_TOKEN,
        "WHATSAPP_PHONE_NUMBER_ID": PHONE_NUMBER_ID,
        "WHATSAPP_WABA_ID": WABA_ID,
        "WHATSAPP_APP_SECRET": APP_SECRET,
        "RELAY_HOST": HOST,
        "WHATSAPP_GRAPH_URL": graph.url,
        "RELAY_DATABASE_URL": f"sqlite:///{tmp_path / 'setup-check.db'}",
        **extra,
    }


def setup(tmp_path: Path, env: dict[str, str], *flags: str, **kwargs: object) -> tuple[int, str]:
    out = io.StringIO()
    args = parse_args(["setup", "--env-file", str(tmp_path / "deploy" / "relay.env"), *flags])
    code = run_setup(args, env=env, out=out, **kwargs)  # type: ignore[arg-type]
    return code, out.getvalue()


def seed_verify_token(tmp_path: Path) -> None:
    """An env file from an earlier run, whose verify token the running relay already has."""
    (tmp_path / "deploy").mkdir(exist_ok=True)
    (tmp_path / "deploy" / "relay.env").write_text(f"WHATSAPP_VERIFY_TOKEN={VERIFY_TOKEN}\n")
    (tmp_path / "deploy" / "docker-compose.yml").write_text("services: {}\n")  # as in deploy/


def test_setup_writes_a_private_env_file_and_makes_each_graph_call_once(
    tmp_path: Path, graph: FakeGraph, relay: RunningRelay, capsys: pytest.CaptureFixture[str]
) -> None:
    seed_verify_token(tmp_path)
    code, out = setup(tmp_path, environment(graph, tmp_path, WHATSAPP_APP_ID=APP_ID), "--non-interactive")
    assert code == 0, out
    env_file = tmp_path / "deploy" / "relay.env"
    assert stat.S_IMODE(env_file.stat().st_mode) == 0o600
    written = read_env_file(env_file)
    assert written["WHATSAPP_ACCESS_TOKEN"] == ACCESS_TOKEN
    assert written["RELAY_PUBLIC_URL"] == f"https://{HOST}"
    assert written["WHATSAPP_VERIFY_TOKEN"] == VERIFY_TOKEN  # kept from the earlier run
    assert len(written["RELAY_CLIENT_TOKEN"]) >= 32
    assert read_env_file(tmp_path / "deploy" / ".env") == {"RELAY_HOST": HOST}  # Caddy's site name

    calls = [(method, path) for method, path, _ in graph.account_calls]
    assert calls == [
        ("GET", f"/{WABA_ID}/subscribed_apps"),
        ("POST", f"/{WABA_ID}/subscribed_apps"),
        ("GET", f"/{APP_ID}/subscriptions"),
        ("POST", f"/{APP_ID}/subscriptions"),
        # …then the check's own reads
        ("GET", f"/{PHONE_NUMBER_ID}"),
        ("GET", f"/{WABA_ID}/phone_numbers"),
        ("GET", f"/{WABA_ID}/message_templates"),
        ("GET", f"/{WABA_ID}/subscribed_apps"),
    ]
    registered = graph.account_calls[3][2]
    assert registered == {
        "object": "whatsapp_business_account",
        "callback_url": f"https://{HOST}/webhook",
        "verify_token": VERIFY_TOKEN,
        "fields": "messages",
    }
    assert APP_ID in graph.subscribed_app_ids
    assert relay.relay.store.kv.get(VERIFIED_KEY)  # Meta's handshake reached the relay
    assert "Registered the webhook" in out and "ok   phone_number" in out

    printed = out + capsys.readouterr().err
    for secret in (ACCESS_TOKEN, APP_SECRET, VERIFY_TOKEN, written["RELAY_CLIENT_TOKEN"]):
        assert secret not in printed


def test_setup_is_safe_to_repeat(tmp_path: Path, graph: FakeGraph, relay: RunningRelay) -> None:
    seed_verify_token(tmp_path)
    env = environment(graph, tmp_path, WHATSAPP_APP_ID=APP_ID)
    assert setup(tmp_path, env, "--non-interactive", "--no-check")[0] == 0
    first = read_env_file(tmp_path / "deploy" / "relay.env")
    graph.account_calls.clear()
    code, out = setup(tmp_path, env, "--non-interactive", "--no-check")
    assert code == 0
    assert [method for method, _path, _ in graph.account_calls] == ["GET", "GET"]  # nothing posted again
    assert "already subscribed" in out and "already registered" in out
    again = read_env_file(tmp_path / "deploy" / "relay.env")
    assert again["RELAY_CLIENT_TOKEN"] == first["RELAY_CLIENT_TOKEN"]  # desktops stay connected


def test_a_repeated_setup_with_the_relay_up_says_only_what_still_waits_for_it(
    tmp_path: Path, graph: FakeGraph, relay: RunningRelay
) -> None:
    # Meta's verification reached the running relay, so its line passes: setup's caveat above the
    # check names only the public address (no HTTPS here), not both lines as if nothing ran yet.
    seed_verify_token(tmp_path)
    env = environment(graph, tmp_path, WHATSAPP_APP_ID=APP_ID)
    code, out = setup(tmp_path, env, "--non-interactive", "--database", relay.settings.database_url)
    assert code == 0, out  # Meta's side is done
    assert "ok   webhook_verified:" in out, out
    assert "FAIL public_url:" in out
    assert "the public_url line cannot pass yet." in out
    assert "webhook_verified line" not in out and "webhook_verified lines" not in out


def test_an_env_file_line_setup_would_lose_stops_it_before_anything_is_written(
    tmp_path: Path, graph: FakeGraph, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "deploy").mkdir()
    env_file = tmp_path / "deploy" / "relay.env"
    env_file.write_text(f"export WHATSAPP_VERIFY_TOKEN={VERIFY_TOKEN}\n")
    code, _out = setup(tmp_path, environment(graph, tmp_path), "--non-interactive", "--no-check")
    assert code == 2  # was a ValueError's traceback from rewriting the file
    assert capsys.readouterr().err.strip() == (
        f"shop-inbox-relay setup: {env_file} line 1 sets nothing: write `WHATSAPP_VERIFY_TOKEN=…` without "
        "`export`; fix it and run setup again."
    )
    assert env_file.read_text() == f"export WHATSAPP_VERIFY_TOKEN={VERIFY_TOKEN}\n"  # untouched
    assert graph.account_calls == []


def test_without_an_app_id_setup_says_what_to_paste_into_metas_dashboard(
    tmp_path: Path, graph: FakeGraph
) -> None:
    code, out = setup(tmp_path, environment(graph, tmp_path), "--non-interactive", "--no-check")
    assert code == 0
    assert f"Callback URL: https://{HOST}/webhook" in out
    assert "WHATSAPP_VERIFY_TOKEN line of the env file" in out
    assert not any(path.endswith("/subscriptions") for _m, path, _ in graph.account_calls)


def test_when_meta_cannot_reach_the_callback_setup_says_to_start_the_relay_and_repeat(
    tmp_path: Path, graph: FakeGraph
) -> None:
    # No relay runs at https://localhost: Meta's verification fails (Graph error 2200).
    (tmp_path / "deploy").mkdir()
    (tmp_path / "deploy" / "docker-compose.yml").write_text("services: {}\n")  # the Docker path
    env = environment(graph, tmp_path, WHATSAPP_APP_ID=APP_ID)
    code, out = setup(tmp_path, env, "--non-interactive", "--no-check")
    assert code == 1
    assert "docker compose up -d" in out and "safe to repeat" in out
    assert "\nNext: `docker compose up -d`, run setup again (it is safe to repeat), then `docker" in out
    assert (tmp_path / "deploy" / "relay.env").exists()  # the answers are kept for the next run


def test_a_wrong_app_secret_is_named_instead_of_asking_to_start_the_relay(
    tmp_path: Path, graph: FakeGraph, relay: RunningRelay
) -> None:
    seed_verify_token(tmp_path)
    env = environment(graph, tmp_path, WHATSAPP_APP_ID=APP_ID, WHATSAPP_APP_SECRET="a-mistyped-secret")
    code, out = setup(tmp_path, env, "--non-interactive", "--no-check")
    assert code == 1
    assert "Meta refused the app secret (Graph 190" in out
    assert "Copy WHATSAPP_APP_SECRET again (app dashboard > App settings > Basic)" in out
    assert "must be running" not in out  # a running relay would not fix it
    assert "a-mistyped-secret" not in out
    assert graph.app_subscriptions == []  # nothing registered


def test_an_expired_token_stops_setup_with_the_fix(tmp_path: Path, graph: FakeGraph) -> None:
    graph.token_expired = True
    code, out = setup(tmp_path, environment(graph, tmp_path), "--non-interactive", "--no-check")
    assert code == 1
    assert "Renew WHATSAPP_ACCESS_TOKEN" in out
    # Restarting the relay would change nothing: the new token goes in through setup.
    next_steps = out.split("\nNext: ")[1]
    assert next_steps.startswith("fix what the lines above name and run setup again")
    assert "systemctl restart" not in next_steps


def test_non_interactive_setup_names_what_is_missing(
    tmp_path: Path, graph: FakeGraph, capsys: pytest.CaptureFixture[str]
) -> None:
    env = environment(graph, tmp_path)
    del env["WHATSAPP_WABA_ID"], env["RELAY_HOST"]
    code, _out = setup(tmp_path, env, "--non-interactive", "--no-check")
    assert code == 2
    assert "missing: WHATSAPP_WABA_ID, RELAY_HOST" in capsys.readouterr().err
    assert not (tmp_path / "deploy" / "relay.env").exists()


def test_interactive_setup_asks_secrets_without_echo_and_keeps_defaults(
    tmp_path: Path, graph: FakeGraph
) -> None:
    asked: list[str] = []
    hidden: list[str] = []
    answers = {
        "Phone number ID": PHONE_NUMBER_ID,
        "WhatsApp Business Account ID": WABA_ID,
        "public host name": f"https://{HOST}/",  # pasted with the scheme: trimmed to the host
        "App ID": "",
    }

    def ask(prompt: str) -> str:
        asked.append(prompt)
        return next(value for key, value in answers.items() if key in prompt)

    def ask_secret(prompt: str) -> str:
        hidden.append(prompt)
        return ACCESS_TOKEN if "access token" in prompt else APP_SECRET

    env = {"WHATSAPP_GRAPH_URL": graph.url}
    code, _out = setup(tmp_path, env, "--no-check", ask=ask, ask_secret=ask_secret)
    assert code == 0
    assert len(hidden) == 2 and len(asked) == 4  # the token and the app secret never echo
    written = read_env_file(tmp_path / "deploy" / "relay.env")
    assert written["RELAY_HOST"] == HOST and written["WHATSAPP_APP_SECRET"] == APP_SECRET
    assert "WHATSAPP_APP_ID" not in written


def test_a_wrong_answer_is_asked_again_and_the_answers_before_it_stay(
    tmp_path: Path, graph: FakeGraph, capsys: pytest.CaptureFixture[str]
) -> None:
    typed = {
        "Phone number ID": iter(["+82 10-5555-0100", PHONE_NUMBER_ID]),  # the number, then its id
        "WhatsApp Business Account ID": iter([WABA_ID]),
        "public host name": iter([f"{HOST}:8443", HOST]),
        "App ID": iter([""]),
    }
    secrets_asked: list[str] = []

    def ask(prompt: str) -> str:
        return next(next(answers for key, answers in typed.items() if key in prompt))

    def ask_secret(prompt: str) -> str:
        secrets_asked.append(prompt)
        return ACCESS_TOKEN if "access token" in prompt else APP_SECRET

    env = {"WHATSAPP_GRAPH_URL": graph.url}
    code, _out = setup(tmp_path, env, "--no-check", ask=ask, ask_secret=ask_secret)
    assert code == 0
    err = capsys.readouterr().err
    assert "looks like the phone number itself" in err and "Type it again" in err
    assert "no port, no path" in err
    assert len(secrets_asked) == 2  # the token was typed once, not again after the wrong id
    written = read_env_file(tmp_path / "deploy" / "relay.env")
    assert written["WHATSAPP_PHONE_NUMBER_ID"] == PHONE_NUMBER_ID and written["RELAY_HOST"] == HOST
    assert written["WHATSAPP_ACCESS_TOKEN"] == ACCESS_TOKEN


def test_a_mistyped_id_is_refused_before_anything_is_written(
    tmp_path: Path, graph: FakeGraph, capsys: pytest.CaptureFixture[str]
) -> None:
    env = environment(graph, tmp_path, WHATSAPP_PHONE_NUMBER_ID="+82 10 5555 0100")
    code, _out = setup(tmp_path, env, "--non-interactive", "--no-check")
    assert code == 2
    assert "WHATSAPP_PHONE_NUMBER_ID does not look right" in capsys.readouterr().err
    assert graph.account_calls == []


def test_setup_runs_from_the_command_line(
    tmp_path: Path, graph: FakeGraph, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from relay.cli import main

    for name, value in environment(graph, tmp_path).items():
        monkeypatch.setenv(name, value)
    env_file = tmp_path / "relay.env"
    assert main(["setup", "--non-interactive", "--no-check", "--env-file", str(env_file)]) == 0
    assert stat.S_IMODE(env_file.stat().st_mode) == 0o600
    assert ACCESS_TOKEN not in capsys.readouterr().out
    assert not (tmp_path / ".env").exists()  # no compose file beside it: no compose `.env` either


def test_setup_checks_the_relays_database_and_never_leaves_one_in_the_working_folder(
    tmp_path: Path, graph: FakeGraph, monkeypatch: pytest.MonkeyPatch
) -> None:
    from relay.store import Store

    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    env = environment(graph, tmp_path)
    del env["RELAY_DATABASE_URL"]  # the systemd unit sets it, not relay.env
    code, out = setup(tmp_path, env, "--non-interactive")
    assert code == 0, out
    assert list(work.iterdir()) == []  # no stray relay.db
    assert "the check used a throwaway one" in out
    assert "FAIL webhook_verified" in out

    relay_db = f"sqlite:///{tmp_path / 'relay.db'}"
    store = Store(relay_db)
    store.kv.put(VERIFIED_KEY, "2026-12-03T10:00:00+00:00")  # Meta's handshake reached that relay
    store.close()
    code, out = setup(tmp_path, env, "--non-interactive", "--database", relay_db)
    assert code == 0, out
    assert "ok   webhook_verified" in out and "throwaway" not in out
    assert list(work.iterdir()) == []


def test_setup_ends_with_the_commands_of_the_path_it_was_run_on(
    tmp_path: Path, graph: FakeGraph, systemd_units: Path
) -> None:
    env = environment(graph, tmp_path)
    code, out = setup(tmp_path, env, "--non-interactive", "--no-check")  # no compose file: systemd
    env_file = tmp_path / "deploy" / "relay.env"
    assert code == 0, out
    assert "docker" not in out
    # A first setup comes before the unit is installed: a restart would say "Unit … not found".
    assert (
        "`sudo cp deploy/systemd/shop-inbox-relay.service /etc/systemd/system/ && sudo systemctl "
        "daemon-reload && sudo systemctl enable --now shop-inbox-relay`"
    ) in out
    (systemd_units / "shop-inbox-relay.service").write_text("[Service]\n")
    code, out = setup(tmp_path, env, "--non-interactive", "--no-check")
    assert code == 0, out
    assert "`sudo systemctl restart shop-inbox-relay`" in out and "enable --now" not in out
    assert f"`shop-inbox-relay token --env-file {env_file}`" in out
    assert f"`shop-inbox-relay check --env-file {env_file} --database sqlite:///" in out

    # A database setup writes to the env file is read from there: no --database to copy, and never
    # one whose password is shown as *** (typed again, it would be refused).
    database = "postgresql+psycopg://relay:secret@127.0.0.1:1/relay"
    code, out = setup(tmp_path, env, "--non-interactive", "--no-check", "--database", database)
    assert code == 0, out
    assert f"`shop-inbox-relay check --env-file {env_file}`" in out and "***" not in out

    seed_verify_token(tmp_path)  # deploy/ with its docker-compose.yml
    code, out = setup(tmp_path, env, "--non-interactive", "--no-check")
    assert code == 0, out
    assert "`docker compose up -d`" in out and "systemctl" not in out
    assert "`docker compose exec relay shop-inbox-relay token`" in out


def test_setup_run_from_a_checkouts_venv_says_what_the_unit_needs_before_it_is_installed(
    tmp_path: Path, graph: FakeGraph, systemd_units: Path
) -> None:
    """docs/relay.md's "Run it" runs setup from a checkout's .venv: the unit it then advises to
    install runs /opt/shop-inbox/venv/bin/shop-inbox-relay as the user shop-inbox, which that path
    never made, and `enable --now` would start a unit that fails at once (status=203/EXEC)."""
    env = environment(graph, tmp_path)
    env_file = tmp_path / "deploy" / "relay.env"
    code, out = setup(tmp_path, env, "--non-interactive", "--no-check")
    assert code == 0, out
    assert "sudo systemctl enable --now shop-inbox-relay`" in out
    assert (
        f"The unit runs {setup_command.UNIT_PROGRAM} as the user shop-inbox, and that program is not "
        "there yet: make the user and that venv first, as the header of "
        "deploy/systemd/shop-inbox-relay.service says (useradd, python3 -m venv and the two pip install "
        "lines), then install the unit."
    ) in out
    assert (
        f"To try the relay by hand instead: `shop-inbox-relay serve --env-file {env_file} --database " in out
    )

    setup_command.UNIT_PROGRAM.parent.mkdir(parents=True)  # the unit's header has run
    setup_command.UNIT_PROGRAM.write_text("#!/bin/sh\n")
    code, out = setup(tmp_path, env, "--non-interactive", "--no-check")
    assert code == 0, out
    assert "sudo systemctl enable --now shop-inbox-relay`" in out and "The unit runs" not in out


def test_setup_for_one_of_several_shops_names_that_shops_unit(tmp_path: Path, graph: FakeGraph) -> None:
    """/etc/shop-inbox/flowers.env is read by shop-inbox-relay@flowers (the template unit), so the
    restart setup advises is that shop's, never the single unit that serves no shop here."""
    env_file = tmp_path / "deploy" / "flowers.env"
    out = io.StringIO()
    args = parse_args(["setup", "--env-file", str(env_file), "--non-interactive", "--no-check"])
    assert run_setup(args, env=environment(graph, tmp_path), out=out) == 0, out.getvalue()
    assert "`sudo cp deploy/systemd/shop-inbox-relay@.service /etc/systemd/system/" in out.getvalue()
    assert "sudo systemctl enable --now shop-inbox-relay@flowers`" in out.getvalue()
    assert "shop-inbox-relay.service" not in out.getvalue()
    assert "`sudo systemctl restart shop-inbox-relay`" not in out.getvalue()
    # The shop's port is the one thing the template needs beyond setup's values: named until it is set.
    assert (
        f"add a line `RELAY_PORT=8081` (a port no other shop on this server uses) to {env_file}"
        in out.getvalue()
    )
    with env_file.open("a") as file:
        file.write("RELAY_PORT=8082\n")
    out = io.StringIO()
    assert run_setup(args, env=environment(graph, tmp_path), out=out) == 0, out.getvalue()
    assert "RELAY_PORT" not in out.getvalue() and "RELAY_PORT=8082" in env_file.read_text()


def test_the_database_given_to_setup_is_the_one_check_reads_from_the_env_file(
    tmp_path: Path, graph: FakeGraph, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from relay.cli import main
    from relay.store import Store

    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    env = environment(graph, tmp_path)
    del env["RELAY_DATABASE_URL"]
    code, out = setup(tmp_path, env, "--non-interactive", "--no-check")
    assert code == 0, out
    assert "RELAY_DATABASE_URL" not in read_env_file(tmp_path / "deploy" / "relay.env")  # none given

    (tmp_path / "data").mkdir()
    relay_db = f"sqlite:///{tmp_path / 'data' / 'relay.db'}"
    code, out = setup(tmp_path, env, "--non-interactive", "--no-check", "--database", relay_db)
    assert code == 0, out
    assert read_env_file(tmp_path / "deploy" / "relay.env")["RELAY_DATABASE_URL"] == relay_db

    for name in [*env, "RELAY_DATABASE_URL", "RELAY_CLIENT_TOKEN"]:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("WHATSAPP_GRAPH_URL", graph.url)
    env_file = str(tmp_path / "deploy" / "relay.env")
    capsys.readouterr()
    assert main(["check", "--env-file", env_file]) == 2  # the relay has not made it yet: no new one
    refusal = capsys.readouterr().err.strip()
    assert refusal == (
        f"shop-inbox-relay check: no relay database at {relay_db} (no such file); give the relay's own "
        "--database (or RELAY_DATABASE_URL in its env file), or start the relay once to create it."
    )
    assert list(work.iterdir()) == [] and list((tmp_path / "data").iterdir()) == []

    Store(relay_db).close()  # the relay ran on it
    main(["check", "--env-file", env_file])
    database_line = next(row for row in capsys.readouterr().out.splitlines() if " database: " in row)
    assert database_line.startswith("ok ") and str(tmp_path / "data") in database_line, database_line
    assert list(work.iterdir()) == []  # the check read the env file's database, not ./relay.db


@pytest.mark.parametrize(
    ("host", "warned"),
    [("localhost", True), ("127.0.0.1", True), ("203.0.113.7", True), ("relay.myshop.com", False)],
)
def test_a_host_name_meta_cannot_reach_is_accepted_with_a_warning(
    tmp_path: Path, graph: FakeGraph, host: str, warned: bool
) -> None:
    code, out = setup(
        tmp_path, environment(graph, tmp_path, RELAY_HOST=host), "--non-interactive", "--no-check"
    )
    assert code == 0, out
    assert read_env_file(tmp_path / "deploy" / "relay.env")["RELAY_PUBLIC_URL"] == f"https://{host}"
    warning = f"Warning: {host} is not a public name: Meta delivers webhooks only to a public HTTPS host name"
    assert (warning in out) is warned


def test_an_env_file_setup_cannot_write_is_refused_before_a_question_is_asked(
    tmp_path: Path, graph: FakeGraph, capsys: pytest.CaptureFixture[str]
) -> None:
    """As /etc/shop-inbox/relay.env for a user without sudo: said at once, not after every answer
    was typed, and in one line instead of a traceback."""
    (tmp_path / "deploy").write_text("a file where the env file's folder should be")
    asked: list[str] = []

    def ask(prompt: str) -> str:
        asked.append(prompt)
        return ""

    code, out = setup(tmp_path, {"WHATSAPP_GRAPH_URL": graph.url}, ask=ask, ask_secret=ask)
    assert code == 2 and asked == [] and out == ""
    err = capsys.readouterr().err.strip()
    assert err == (
        f"shop-inbox-relay setup: cannot write {tmp_path / 'deploy' / 'relay.env'}: {tmp_path / 'deploy'} "
        "is a file, not a folder (run setup as a user who may write there, e.g. with sudo, or give "
        "--env-file another path)"
    )
    assert graph.account_calls == []


@pytest.mark.parametrize("stop", [KeyboardInterrupt, EOFError])
def test_ctrl_c_or_no_terminal_during_the_questions_stops_in_one_line_writing_nothing(
    tmp_path: Path, graph: FakeGraph, capsys: pytest.CaptureFixture[str], stop: type[BaseException]
) -> None:
    def ask(prompt: str) -> str:
        raise stop

    code, out = setup(tmp_path, {"WHATSAPP_GRAPH_URL": graph.url}, ask=ask, ask_secret=ask)
    err = capsys.readouterr().err
    assert code == (130 if stop is KeyboardInterrupt else 2)
    assert f"nothing was written to {tmp_path / 'deploy' / 'relay.env'}" in err
    assert "Traceback" not in err and out == ""
    assert not (tmp_path / "deploy" / "relay.env").exists() and graph.account_calls == []


def test_setup_for_a_second_shop_refuses_the_first_shops_env_file(
    tmp_path: Path, graph: FakeGraph, capsys: pytest.CaptureFixture[str]
) -> None:
    """Two shops on one server, setup run again in the same folder without --env-file: the first
    shop's file (and its desktops' token) is left as it was."""
    code, _out = setup(tmp_path, environment(graph, tmp_path), "--non-interactive", "--no-check")
    assert code == 0
    first = (tmp_path / "deploy" / "relay.env").read_text()
    other = environment(graph, tmp_path, WHATSAPP_WABA_ID="109876543210987", WHATSAPP_PHONE_NUMBER_ID="10999")
    code, out = setup(tmp_path, other, "--non-interactive", "--no-check")
    assert code == 2 and out == ""
    err = capsys.readouterr().err
    assert f"holds another business account's settings (WHATSAPP_WABA_ID={WABA_ID})" in err
    assert "env file of its own" in err
    assert (tmp_path / "deploy" / "relay.env").read_text() == first


def test_setups_last_lines_name_the_command_as_it_was_run(
    tmp_path: Path, graph: FakeGraph, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Run as /opt/shop-inbox/venv/bin/shop-inbox-relay (not on root's PATH), as the unit's header
    does: the check and token lines say that path, not a bare name the shell cannot find."""
    import sys

    run_as = str(tmp_path / "venv" / "bin" / "shop-inbox-relay")
    monkeypatch.setattr(sys, "argv", [run_as, "setup"])
    code, out = setup(tmp_path, environment(graph, tmp_path), "--non-interactive", "--no-check")
    assert code == 0, out
    env_file = tmp_path / "deploy" / "relay.env"
    assert f"`{run_as} token --env-file {env_file}`" in out
    assert f"`{run_as} check --env-file {env_file}" in out


# Settings setup is given before its questions that no relay could take, with the line `serve` and
# `check` say of each (a URL SQLAlchemy cannot split, a Graph address without https://, a port that
# is no number).
KNOWN_BAD = {
    "database": (
        "--database: cannot use the database URL postgresql+psycopg://relay:***@127.0.0.1:5432relay: its "
        "port is not a number (is the / before the database name missing?); a PostgreSQL URL is "
        "postgresql+psycopg://USER:PASSWORD@HOST:5432/NAME"
    ),
    "graph": (
        "WHATSAPP_GRAPH_URL in the environment must be an https:// address such as https://graph.facebook.com/v21.0 (or "
        "leave it out), not 'graph.facebook.com/v21.0'"
    ),
    "port": "RELAY_PORT in {env_file}: 80a1 is not a port (1 to 65535)",
}


@pytest.mark.parametrize("wrong", sorted(KNOWN_BAD))
def test_non_interactive_setup_stops_at_once_on_a_setting_the_relay_could_never_take(
    tmp_path: Path, graph: FakeGraph, capsys: pytest.CaptureFixture[str], wrong: str
) -> None:
    env = environment(graph, tmp_path)
    flags = ["--non-interactive"]
    env_file = tmp_path / "deploy" / "relay.env"
    if wrong == "database":
        flags += ["--database", "postgresql+psycopg://relay:secret@127.0.0.1:5432relay"]
    elif wrong == "graph":
        env["WHATSAPP_GRAPH_URL"] = "graph.facebook.com/v21.0"
    else:
        env_file.parent.mkdir()
        env_file.write_text("RELAY_PORT=80a1\n")
    code, out = setup(tmp_path, env, *flags)
    err = capsys.readouterr().err.strip()
    assert code == 2 and out == ""  # before Meta's side and the check: was said only by the check
    assert (
        err == f"shop-inbox-relay setup: {KNOWN_BAD[wrong].format(env_file=env_file)}; nothing was written."
    )
    assert "secret" not in err
    assert graph.account_calls == []
    assert not env_file.exists() or env_file.read_text() == "RELAY_PORT=80a1\n"


def test_interactive_setup_asks_again_for_a_database_url_it_cannot_read_before_the_first_question(
    tmp_path: Path, graph: FakeGraph, capsys: pytest.CaptureFixture[str]
) -> None:
    relay_db = f"sqlite:///{tmp_path / 'relay.db'}"
    prompts: list[str] = []
    typed = iter(["postgresql+psycopg://relay:p@ss@127.0.0.1:5432/relay", relay_db])
    answers = {"Phone number ID": PHONE_NUMBER_ID, "Business Account ID": WABA_ID, "host name": HOST}

    def ask(prompt: str) -> str:
        prompts.append(prompt)
        return next((value for key, value in answers.items() if key in prompt), "")

    def ask_secret(prompt: str) -> str:
        prompts.append(prompt)
        if "database URL" in prompt:  # it holds a password: never echoed
            return next(typed)
        return ACCESS_TOKEN if "access token" in prompt else APP_SECRET

    env = {"WHATSAPP_GRAPH_URL": graph.url}
    code, out = setup(tmp_path, env, "--no-check", "--database", "sqlite://", ask=ask, ask_secret=ask_secret)
    assert code == 0, out
    # Asked first, with the reason each time, until it could be used; then Meta's values.
    assert [p.startswith("The relay's database URL") for p in prompts[:3]] == [True, True, False]
    assert "access token" in prompts[2]
    err = capsys.readouterr().err
    assert (
        "shop-inbox-relay setup: --database: the database sqlite:// is in memory: the relay would lose "
        "every message when it stops; give a file, sqlite:///relay.db"
    ) in err
    assert (
        "shop-inbox-relay setup: RELAY_DATABASE_URL: the password in the database URL "
        "postgresql+psycopg://relay:***@127.0.0.1:5432/relay holds an @: write each @ in it as %40 "
        "(percent-encoded). Type it again."
    ) in err
    assert "p@ss" not in err + out
    assert read_env_file(tmp_path / "deploy" / "relay.env")["RELAY_DATABASE_URL"] == relay_db
