"""A relay started by hand (a `serve` left running in a terminal) in the way of setup's next step:
setup names it and says to stop it first, as the service would otherwise meet it on its port or
its database."""

from __future__ import annotations

import io
import signal
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from relay import setup_command
from relay.cli import parse_args
from relay.running_relays import relays_by_hand
from relay.setup_command import run_setup
from tests.support.fake_graph import ACCESS_TOKEN, APP_ID, APP_SECRET, WABA_ID, FakeGraph
from tests.support.relay_process import answers_healthz, wait_until
from tests.support.relay_server import PHONE_NUMBER_ID
from tests.support.servers import free_port


@pytest.fixture(autouse=True)
def no_unit_installed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A server before the unit's header ran: no unit installed, its program not there."""
    folder = tmp_path / "systemd-system"
    folder.mkdir()
    monkeypatch.setattr(setup_command, "SYSTEMD_UNIT_FOLDERS", (folder,))
    monkeypatch.setattr(setup_command, "UNIT_PROGRAM", tmp_path / "opt-venv" / "bin" / "shop-inbox-relay")


def environment(graph: FakeGraph, **extra: str) -> dict[str, str]:
    return {
        "WHATSAPP_ACCESS_TOKEN": ACCESS_TOKEN,
        "WHATSAPP_PHONE_NUMBER_ID": PHONE_NUMBER_ID,
        "WHATSAPP_WABA_ID": WABA_ID,
        "WHATSAPP_APP_SECRET": APP_SECRET,
        "RELAY_HOST": "localhost",
        "WHATSAPP_GRAPH_URL": graph.url,
        **extra,
    }


def setup(env_file: Path, env: dict[str, str], *flags: str) -> tuple[int, str]:
    out = io.StringIO()
    args = parse_args(["setup", "--env-file", str(env_file), "--non-interactive", "--no-check", *flags])
    return run_setup(args, env=env, out=out), out.getvalue()


@contextmanager
def serve_by_hand(folder: Path, *arguments: str) -> Iterator[tuple[subprocess.Popen[bytes], int]]:
    """`shop-inbox-relay serve …` started by hand in `folder`, as `nohup … &` leaves it (a session of
    its own, so no terminal whichever ran the tests); stopped at the end."""
    port = free_port()
    command = [sys.executable, "-m", "relay.cli", "serve", *arguments, "--port", str(port)]
    serve = subprocess.Popen(
        command, cwd=folder, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
    )
    try:
        url = f"http://127.0.0.1:{port}"
        wait_until(lambda: answers_healthz(url) or serve.poll() is not None, 120, "serve to start")
        assert serve.poll() is None
        yield serve, port
    finally:
        serve.send_signal(signal.SIGTERM)
        serve.wait(timeout=30)


def test_setup_with_the_shops_relay_running_by_hand_says_to_stop_it_before_the_service(
    tmp_path: Path, graph: FakeGraph
) -> None:
    """docs/relay.md's "Run it": setup, then `serve` by hand on the env file. Setup run again (to
    change a value, or on the way to the service) said nothing of it: the relay by hand went on with
    its old settings, and the service setup says to start next met it on its database."""
    env_file = tmp_path / "relay.env"
    database = f"sqlite:///{tmp_path / 'relay.db'}"
    code, _ = setup(env_file, environment(graph), "--database", database)
    assert code == 0
    with serve_by_hand(tmp_path, "--env-file", "relay.env") as (serve, port):
        started = f"pid {serve.pid}: `shop-inbox-relay serve --env-file relay.env --port {port}`"
        assert [relay.pid for relay in relays_by_hand()].count(serve.pid) == 1

        # A new value, and Meta's verification of the callback fails (nothing answers it here).
        code, out = setup(env_file, environment(graph, RELAY_HOST="shop.localhost", WHATSAPP_APP_ID=APP_ID))
        assert code == 1, out
        assert (
            f"A relay started by hand is running ({started}): it runs with the settings it read from "
            f"{env_file} when it started, not the new ones. Stop it (`kill {serve.pid}`) before the next "
            "step: one relay serves a shop's port and database."
        ) in out
        assert (
            f"The relay started by hand (pid {serve.pid}) has the settings it read when it started, not "
            f"these: stop it (`kill {serve.pid}`), start the relay with them (sudo cp deploy/systemd/"
        ) in out
        assert f"\nNext: stop the relay started by hand (pid {serve.pid}), then `sudo cp deploy/" in out

        # Nothing changed this time: the relay by hand still holds the database the service would open.
        # (The app id stays in the file, and Meta still cannot verify the callback here: status 1.)
        code, out = setup(env_file, environment(graph, RELAY_HOST="shop.localhost"))
        assert code == 1, out
        assert (
            f"A relay started by hand is running ({started}): it serves the database named in {env_file}, "
            "which the service would open too. Stop it"
        ) in out
        assert f"\nNext: stop the relay started by hand (pid {serve.pid}), then `sudo cp deploy/" in out
    code, out = setup(env_file, environment(graph, RELAY_HOST="shop.localhost"))
    assert code == 1, out
    assert "started by hand" not in out
    assert "\nNext: `sudo cp deploy/systemd/shop-inbox-relay.service" in out


def test_setup_names_a_relay_by_hand_on_the_port_the_shops_service_would_take(
    tmp_path: Path, graph: FakeGraph
) -> None:
    """A sandbox relay tried by hand, left running on the port this shop's service is given: the
    service would stop at its start, "port in use", again every 5 s."""
    with serve_by_hand(tmp_path, "--upstream", "sandbox") as (serve, port):
        env_file = tmp_path / "flowers.env"  # one of several shops: the template unit, on RELAY_PORT
        env_file.write_text(f"RELAY_PORT={port}\n")
        code, out = setup(env_file, environment(graph))
        assert code == 0, out
        assert (
            f"A relay started by hand is running (pid {serve.pid}: `shop-inbox-relay serve --upstream "
            f"sandbox --port {port}`): the relay's service could not start beside it on port {port}. Stop "
            f"it (`kill {serve.pid}`) before the next step"
        ) in out
        assert f"\nNext: stop the relay started by hand (pid {serve.pid}), then `sudo cp deploy/" in out
        assert "enable --now shop-inbox-relay@flowers`" in out

        # Another shop's env file and port: none of this shop's business.
        other = tmp_path / "bakery.env"
        other.write_text(f"RELAY_PORT={free_port()}\n")
        code, out = setup(other, environment(graph))
        assert code == 0, out
        assert "started by hand" not in out
