"""An upload meets a relay database that reads but takes no write (read-only, its disk full): the
relay answers 503 storage at once, and the file never goes to Meta (whose copy no row would name)."""

from __future__ import annotations

import logging
import os
import sqlite3
import uuid
from collections.abc import Callable, Iterator
from contextlib import ExitStack, closing, contextmanager
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, event, text
from sqlalchemy.engine import make_url

from tests.relay.test_connection_refusals import PG_URL
from tests.support.fake_graph import FakeGraph
from tests.support.relay_server import RunningRelay

PNG = b"\x89PNG\r\n\x1a\n" + bytes(256)
UPLOAD = {"Content-Type": "image/png", "X-Filename": "%EC%A3%BC%EB%AC%B8%EC%84%9C.png"}  # 주문서.png


def _upload(relay: RunningRelay) -> Any:
    return relay.client.post(f"{relay.url}/v1/media", content=PNG, headers={**relay.auth(), **UPLOAD})


def _on_each_new_connection(relay: RunningRelay, pragma: str | None) -> None:
    """`PRAGMA pragma` on every connection the relay's engine opens from now on (None: none)."""
    engine = relay.relay.store.db.engine

    def apply(dbapi_connection: Any, _record: Any) -> None:
        if pragma is not None:
            dbapi_connection.execute(f"PRAGMA {pragma}")

    for old in list(_listeners.pop(id(engine), [])):
        event.remove(engine, "connect", old)
    _listeners.setdefault(id(engine), []).append(apply)
    event.listen(engine, "connect", apply)
    group_commit = relay.relay.store.sqlite_group_commit
    if group_commit is not None:
        group_commit.close()  # the webhooks' own connection, back to the pool…
    engine.dispose()  # …and pooled connections are replaced, each set up as it opens


_listeners: dict[int, list[Any]] = {}


@contextmanager
def sqlite_read_only(relay: RunningRelay, _tmp_path: Path) -> Iterator[None]:
    """Every write refused ("attempt to write a readonly database"), reads served."""
    _on_each_new_connection(relay, "query_only=ON")
    try:
        yield
    finally:
        _on_each_new_connection(relay, None)


@contextmanager
def sqlite_full(relay: RunningRelay, tmp_path: Path) -> Iterator[None]:
    """SQLite's own "database or disk is full" (SQLITE_FULL): the file packed to a page limit that
    each of the relay's connections keeps, its media table's pages the fullest (rows of the size of
    an upload's)."""
    with closing(sqlite3.connect(tmp_path / "relay.db")) as filler:
        pages = filler.execute("PRAGMA page_count").fetchone()[0] + 2
        filler.execute(f"PRAGMA max_page_count = {pages}")
        for size in (2000, 500, 100, 20, 0):
            while True:
                try:
                    with filler:
                        filler.execute(
                            "INSERT INTO media (id, state, attempts, created_ms, error) VALUES (?, 'pruned', 0, 0, ?)",
                            (f"filler-{uuid.uuid4().hex}", "x" * size),
                        )
                except sqlite3.OperationalError as exc:
                    assert "full" in str(exc)
                    break
    _on_each_new_connection(relay, f"max_page_count = {pages}")
    try:
        yield
    finally:
        _on_each_new_connection(relay, None)
        with closing(sqlite3.connect(tmp_path / "relay.db")) as filler, filler:
            filler.execute("DELETE FROM media WHERE id LIKE 'filler-%'")


def _pg_url(relay: RunningRelay) -> str:
    return relay.settings.database_url


@contextmanager
def postgresql_read_only(relay: RunningRelay, _tmp_path: Path) -> Iterator[None]:
    """The relay's database set read-only by its operator (as a standby reads): every new session
    refuses writes with SQLSTATE 25006."""
    name = make_url(_pg_url(relay)).database
    admin = create_engine(PG_URL or "", isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text(f'ALTER DATABASE "{name}" SET default_transaction_read_only = on'))
        relay.relay.store.db.engine.dispose()  # sessions from now on are read-only
        try:
            yield
        finally:  # (the run's later tests share the database)
            with admin.connect() as conn:
                conn.execute(text(f'ALTER DATABASE "{name}" RESET default_transaction_read_only'))
            relay.relay.store.db.engine.dispose()
    finally:
        admin.dispose()


@contextmanager
def postgresql_full(relay: RunningRelay, _tmp_path: Path) -> Iterator[None]:
    """PostgreSQL out of space for the media table, as it says it (SQLSTATE 53100); reads served.
    (tests/relay/test_postgresql_disk_full.py fills a private cluster's real disk.)"""
    engine = create_engine(_pg_url(relay))
    try:
        with engine.begin() as conn:
            conn.execute(
                text(
                    "CREATE FUNCTION relay_test_disk_full() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                    "RAISE EXCEPTION 'could not extend file' USING ERRCODE = '53100'; END $$; "
                    "CREATE TRIGGER relay_test_disk_full BEFORE INSERT OR UPDATE ON media "
                    "FOR EACH ROW EXECUTE FUNCTION relay_test_disk_full()"
                )
            )
        try:
            yield
        finally:
            with engine.begin() as conn:
                conn.execute(text("DROP TRIGGER relay_test_disk_full ON media"))
                conn.execute(text("DROP FUNCTION relay_test_disk_full()"))
    finally:
        engine.dispose()


Refusal = Callable[[RunningRelay, Path], Any]
SQLITE: dict[str, tuple[Refusal, str]] = {
    "read_only": (sqlite_read_only, "database_read_only"),
    "full": (sqlite_full, "disk_full"),
}
POSTGRESQL: dict[str, tuple[Refusal, str]] = {
    "read_only": (postgresql_read_only, "database_read_only"),
    "full": (postgresql_full, "disk_full"),
}


@pytest.mark.parametrize("refusal", ["read_only", "full"])
def test_an_upload_to_a_relay_whose_database_takes_no_write_is_refused_before_it_reaches_meta(
    relay: RunningRelay,
    graph: FakeGraph,
    tmp_path: Path,
    storage: str | None,
    refusal: str,
    caplog: pytest.LogCaptureFixture,
) -> None:
    # The check before Graph was a read, which such a database passes: the file went up to Meta,
    # and only the row's write after it failed. Each of the desktop's retries uploaded it again.
    make_it_so, cause = (SQLITE if storage is None else POSTGRESQL)[refusal]
    media = tmp_path / "relay-media"
    with caplog.at_level("ERROR", logger="relay"), make_it_so(relay, tmp_path):
        for _ in range(3):  # the desktop retrying
            refused = _upload(relay)
            assert refused.status_code == 503, refused.text
            error = refused.json()["error"]
            assert (error["code"], error["retryable"]) == ("storage", True)
            # Named, so the desktop says the database's trouble, not its media folder's.
            assert error["params"] == {"cause": cause}, error
        assert graph.upload_names == {}  # Meta never got it
        assert os.listdir(media) == []  # nor was any file kept on the relay
    said = [r.getMessage() for r in caplog.records if r.getMessage().startswith("storage failed")]
    # Said once with its cause, not once each retry (relay/request_storage.py).
    assert len(said) == 1 and f"cause={cause} " in said[0], said

    kept = _upload(relay)  # once the database takes writes again: uploaded once, kept, served
    assert kept.status_code == 200, kept.text
    media_id = kept.json()["id"]
    assert list(graph.upload_names) == [media_id] and graph.upload_names[media_id] == "주문서.png"
    assert os.listdir(media) == [media_id]
    served = relay.client.get(f"{relay.url}/v1/media/{media_id}", headers=relay.auth())
    assert served.status_code == 200 and served.content == PNG
    assert _placeholders(relay) == 0  # the upload's row is the file's now


def test_an_upload_whose_row_meets_the_database_away_after_meta_took_it_leaves_no_copy_at_meta(
    relay: RunningRelay,
    graph: FakeGraph,
    tmp_path: Path,
    storage: str | None,
    caplog: pytest.LogCaptureFixture,
) -> None:
    # The row is written before the file goes to Graph and completed after: a database gone between
    # the two answered 503 and left Meta a file no row named, and each of the desktop's retries
    # left another there.
    make_it_so, cause = (SQLITE if storage is None else POSTGRESQL)["read_only"]
    media = tmp_path / "relay-media"
    caplog.set_level(logging.INFO, "relay")
    with ExitStack() as outage:
        graph.on_upload = lambda _media_id: outage.enter_context(make_it_so(relay, tmp_path))
        refused = _upload(relay)
        graph.on_upload = None
        assert refused.status_code == 503, refused.text
        assert (refused.json()["error"]["code"], refused.json()["error"]["retryable"]) == ("storage", True)
        [taken] = graph.upload_names  # Graph took it once…
        assert graph.deleted_media == [taken] and graph.media == {}  # …and holds it no more
        assert os.listdir(media) == []
    removed = [
        r.getMessage() for r in caplog.records if r.getMessage().startswith("upload removed from Meta")
    ]
    assert removed == [f"upload removed from Meta: media_id={taken} its row not written"]
    failed = [r.getMessage() for r in caplog.records if r.getMessage().startswith("storage failed")]
    assert len(failed) == 1 and f"cause={cause} " in failed[0], failed

    kept = _upload(relay)  # the desktop's retry, once the database takes writes again
    assert kept.status_code == 200, kept.text
    media_id = kept.json()["id"]
    assert list(graph.media) == [media_id]  # Meta holds one copy: the one the relay names
    assert os.listdir(media) == [media_id]
    served = relay.client.get(f"{relay.url}/v1/media/{media_id}", headers=relay.auth())
    assert served.status_code == 200 and served.content == PNG


def test_an_upload_whose_file_the_relay_cannot_keep_after_meta_took_it_leaves_no_copy_at_meta(
    relay: RunningRelay, graph: FakeGraph, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    from tests.support.read_only_folder import read_only_folder

    media = tmp_path / "relay-media"
    caplog.set_level(logging.INFO, "relay")
    with ExitStack() as outage:
        # The media folder made read-only (a disk remounted so) while Graph takes the file.
        graph.on_upload = lambda _media_id: outage.enter_context(read_only_folder(media))
        refused = _upload(relay)
        graph.on_upload = None
    assert refused.status_code == 503, refused.text
    assert refused.json()["error"]["code"] == "storage"
    [taken] = graph.upload_names
    assert graph.deleted_media == [taken] and graph.media == {}
    removed = [
        r.getMessage() for r in caplog.records if r.getMessage().startswith("upload removed from Meta")
    ]
    assert removed == [f"upload removed from Meta: media_id={taken} its file not kept"]


def test_an_upload_left_at_meta_when_its_delete_fails_too_is_one_warning_naming_metas_id(
    relay: RunningRelay,
    graph: FakeGraph,
    tmp_path: Path,
    storage: str | None,
    caplog: pytest.LogCaptureFixture,
) -> None:
    make_it_so, _cause = (SQLITE if storage is None else POSTGRESQL)["read_only"]
    caplog.set_level(logging.INFO, "relay")

    def database_away_and_deletes_refused(media_id: str) -> None:
        outage.enter_context(make_it_so(relay, tmp_path))
        graph.token_expired = True  # every call of the relay's refused from now on (190)

    with ExitStack() as outage:
        graph.on_upload = database_away_and_deletes_refused
        refused = _upload(relay)
    assert refused.status_code == 503 and refused.json()["error"]["code"] == "storage", refused.text
    [taken] = graph.upload_names
    assert graph.deleted_media == [] and list(graph.media) == [taken]
    left = [r for r in caplog.records if r.getMessage().startswith("upload left at Meta")]
    assert [r.levelno for r in left] == [logging.WARNING]
    assert left[0].getMessage() == (
        f"upload left at Meta: media_id={taken} its row not written; its delete failed: status=401 "
        "graph_code=190 (Meta removes it within 30 days)"
    )


def _placeholders(relay: RunningRelay) -> int:
    from sqlalchemy import func, select

    from relay.storage.media_rows import UPLOAD_PREFIX
    from relay.storage.tables import media

    with relay.relay.store.db.engine.connect() as conn:
        return int(
            conn.execute(select(func.count()).where(media.c.id.startswith(UPLOAD_PREFIX))).scalar_one()
        )


def test_an_upload_graph_refuses_leaves_no_row_behind(relay: RunningRelay, graph: FakeGraph) -> None:
    graph.upload_types.discard("image/png")  # a type Meta stopped taking
    refused = _upload(relay)
    assert refused.status_code == 422 and refused.json()["error"]["code"] == "unsupported_file_type"
    assert _placeholders(relay) == 0
