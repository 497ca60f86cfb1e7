"""Fixtures for the desktop core's tests that talk to a real relay over 127.0.0.1."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.fake_graph import FakeGraph, run_fake_graph
from tests.support.relay_server import RunningRelay, run_relay


@pytest.fixture
def graph() -> Iterator[FakeGraph]:
    """A local fake of Meta's Graph API."""
    with run_fake_graph() as fake:
        yield fake


@pytest.fixture
def relay(tmp_path: Path, graph: FakeGraph) -> Iterator[RunningRelay]:
    """The real relay, in its own folder under the test's, sending to `graph`."""
    (tmp_path / "relay").mkdir()
    with run_relay(tmp_path / "relay", graph_url=graph.url) as running:
        yield running
