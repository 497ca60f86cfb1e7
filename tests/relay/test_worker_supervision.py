"""`serve --workers N`'s supervisor gives a slow worker time to start, and says why a worker ended."""

from __future__ import annotations

import os
import re
import signal
import sys
from pathlib import Path

import pytest

from relay.worker_supervision import end_text
from tests.support.fake_graph import FakeGraph
from tests.support.relay_process import alive, relay_env, serve_process, wait_until
from tests.support.servers import free_port

# Every worker's interpreter takes 7 s before it runs a line of uvicorn's: a cold start on a small,
# busy machine, longer than uvicorn's 5 s health check. (Only in spawned workers, not in serve.)
SLOW_START = """\
import sys, time
if "--multiprocessing-fork" in sys.argv and "spawn_main" in " ".join(sys.orig_argv):
    time.sleep(7)
"""


def test_how_a_worker_ended_is_said_in_words() -> None:
    assert end_text(-signal.SIGKILL) == "killed by SIGKILL (signal 9)"
    assert end_text(-signal.SIGSEGV) == "killed by SIGSEGV (signal 11)"
    assert end_text(1) == "exited with status 1"


@pytest.mark.slow
@pytest.mark.postgresql
def test_a_worker_slow_to_start_is_waited_for_not_killed_and_started_again_in_a_loop(
    tmp_path: Path, pg: str, graph: FakeGraph
) -> None:
    # uvicorn's supervisor asks each worker every half second and kills one that has not answered
    # within 5 s, its start included: a worker whose interpreter took longer to come up was killed,
    # started again, killed again, for as long as the machine was that slow ("Child process [1234]
    # died", at INFO, each time), and the relay served with fewer workers or none.
    (tmp_path / "sitecustomize.py").write_text(SLOW_START)
    path = os.pathsep.join([str(tmp_path), *sys.path])
    env = relay_env(pg, graph.url, PYTHONPATH=path)
    with serve_process(tmp_path / "serve.log", free_port(), env, workers=2) as serve:
        first = serve.workers()
        log = serve.log()
        assert serve.workers() == first
    assert log.count("relay started") == 2
    assert "killed" not in log and "died" not in log
    slow = re.findall(
        r"worker (\d+) is slow to start \(no answer to its supervisor \d+ s after it was started\)", log
    )
    assert sorted(int(pid) for pid in slow) == sorted(first)


@pytest.mark.slow
@pytest.mark.postgresql
def test_a_worker_killed_or_hung_is_named_with_how_it_ended_and_the_worker_in_its_place(
    tmp_path: Path, pg: str, graph: FakeGraph
) -> None:
    # uvicorn said "Child process [1234] died" at INFO for a worker killed with kill -9, one that
    # crashed and one that it killed itself for not answering: never how, nor which worker followed.
    with serve_process(tmp_path / "serve.log", free_port(), relay_env(pg, graph.url), workers=2) as serve:
        killed, hung = serve.workers()
        os.kill(killed, signal.SIGKILL)
        line = rf"level=WARNING .* worker {killed} killed by SIGKILL \(signal 9\); started worker (\d+) in its place"
        wait_until(lambda: re.search(line, serve.log()), 30, "the supervisor to say the worker was killed")
        match = re.search(line, serve.log())
        assert match is not None
        replacement = int(match.group(1))
        wait_until(lambda: serve.log().count("relay started") >= 3, 60, "the replacement to start")
        assert sorted(serve.workers()) == sorted([hung, replacement])

        os.kill(hung, signal.SIGSTOP)  # alive, and answers nothing
        try:
            said = (
                rf"level=WARNING .* worker {hung} did not answer its supervisor within 5 s: killed; started"
            )
            wait_until(lambda: re.search(said, serve.log()), 30, "the supervisor to kill the hung worker")
        finally:
            if alive(hung):
                os.kill(hung, signal.SIGKILL)
        wait_until(lambda: serve.log().count("relay started") >= 4, 60, "its replacement to start")
        assert "Child process" not in serve.log()


@pytest.mark.slow
@pytest.mark.postgresql
def test_a_worker_that_can_never_start_stops_serve_in_a_few_lines_not_a_loop_of_tracebacks(
    tmp_path: Path, pg: str, graph: FakeGraph
) -> None:
    # A newer relay migrated the database during a rolling upgrade, and one of this relay's workers
    # was started again: it failed with a traceback, was started again, failed again, for ever,
    # while its siblings served a schema they do not know. `serve` itself stops on such a database.
    from sqlalchemy import create_engine, text

    from relay.storage.schema import VERSION_TABLE

    with serve_process(tmp_path / "serve.log", free_port(), relay_env(pg, graph.url), workers=2) as serve:
        crashed, _ = serve.workers()
        engine = create_engine(pg)
        with engine.begin() as conn:
            conn.execute(text(f"UPDATE {VERSION_TABLE} SET version_num = '9999'"))
        engine.dispose()
        os.kill(crashed, signal.SIGKILL)
        assert serve.process.wait(timeout=60) == 3  # failed, for systemd or Docker to show
        log = serve.log()
    assert "Traceback" not in log
    refused = "worker start: the relay database is at schema revision '9999', which this relay does not know"
    assert log.count(refused) == 1
    assert re.search(
        r"worker \d+ could not start \(exited with status 3: see its lines above\); serve stops", log
    )
