"""The PostgreSQL relay suite's count, loaded with `-p` (pyproject.toml's addopts) so that it runs in
the process that prints the summary: with two test processes (README, command 2) that is pytest-xdist's
controller, which collects nothing and so never loads tests/relay/conftest.py.

With RELAY_TEST_PG_URL set, the PostgreSQL suite must run: a PostgreSQL test skipped before its body
(by a fixture: no server, no URL) fails the session; a test body may still skip what cannot apply to
PostgreSQL. The summary line says how many ran; .ci/run requires it, so CI cannot pass without them.
"""

from __future__ import annotations

import os
from collections import Counter

import pytest

_pg_outcomes: Counter[str] = Counter()


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    if "postgresql" not in report.keywords:
        return
    if report.when == "setup" and report.skipped:
        _pg_outcomes["not run"] += 1
    elif report.when == "call" or report.failed:
        _pg_outcomes["skipped by the test" if report.skipped else report.outcome] += 1


def pytest_sessionfinish(session: pytest.Session) -> None:
    if os.environ.get("RELAY_TEST_PG_URL") and _pg_outcomes["not run"]:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if os.environ.get("RELAY_TEST_PG_URL") and _pg_outcomes:
        counts = [f"{_pg_outcomes[k]} {k}" for k in ("passed", "failed", "skipped by the test", "not run")]
        terminalreporter.write_line(f"PostgreSQL relay suite: {', '.join(counts)}")
