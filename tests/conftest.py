"""Fixtures every test folder shares: a real database file in a temp folder, isolated app paths."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from tests.support.fake_graph import FakeGraph
    from tests.support.relay_server import RunningRelay

# Never the user's real keyring or folders, whatever the test does: a stand-in for the OS's store
# (keyrings.alt's PlaintextKeyring is what the app refuses as a keyring).
os.environ.setdefault("PYTHON_KEYRING_BACKEND", "tests.support.stand_in_keyring.StandInKeyring")
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("SHOP_INBOX_DATA_DIR", str(home / "data"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "xdg-data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "xdg-config"))


@pytest.fixture(autouse=True)
def _own_clock() -> Iterator[None]:
    """Every test starts on this computer's own clock: `app.relay_clock` keeps the largest of the last
    relay `Date`s it saw, so the ones an earlier test's relay left would outweigh a test's own (a relay
    set hours behind read as no difference at all)."""
    from app import relay_clock

    relay_clock.forget()
    yield
    relay_clock.forget()


@pytest.fixture(autouse=True)
def _collector_passes_on_the_main_thread() -> Iterator[None]:
    """Once a window test has put the cyclic collector on the GUI thread (tests/ui/conftest.py),
    every later test ends with the pass it would have had, on this thread."""
    yield
    collector = sys.modules.get("ui.collector")
    if collector is not None:
        collector.collect_if_due()


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "inbox.db"


@pytest.fixture
def db(db_path: Path) -> Iterator[object]:
    from app.db import Database

    database = Database.open(db_path)
    yield database
    database.close()


def pytest_configure(config: pytest.Config) -> None:
    from tests.support.wait_scale import scale_qtbot_waits

    scale_qtbot_waits()


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Slow tests (PostgreSQL suite, kill -9 soak, frozen build) run last, after everything else."""
    items.sort(key=lambda item: item.get_closest_marker("slow") is not None)


@pytest.fixture
def graph() -> Iterator[FakeGraph]:
    """A local fake of Meta's Graph API."""
    from tests.support.fake_graph import run_fake_graph

    with run_fake_graph() as fake:
        yield fake


@pytest.fixture
def relay(tmp_path: Path, graph: FakeGraph) -> Iterator[RunningRelay]:
    """The real relay on 127.0.0.1, in its own folder under the test's, sending to `graph` (kept
    as its `graph`). The relay suite has its own, run on SQLite and PostgreSQL."""
    from tests.support.relay_server import run_relay

    (tmp_path / "relay").mkdir()
    with run_relay(tmp_path / "relay", graph_url=graph.url) as running:
        running.graph = graph
        yield running
