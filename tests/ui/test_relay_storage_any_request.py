"""The relay's database failing any request (a send, the long poll, a settings save, a block, an
order's status…), not only a file's: said as the cause the relay names. A read-only database or a
refused login does not mend by itself, so the owner reads that, not "your relay is busy"."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from app.connection import Connection
from app.db import Database
from app.errors import RefusalParams, RelayBusy
from app.relay_client import RelayClient
from app.wire import OrderStatus
from tests.relay.test_upload_write_check import sqlite_read_only
from tests.support.fake_graph import run_fake_graph
from tests.support.relay_server import run_relay
from tests.ui.test_relay_storage import _one_attempt, _tooltip

CUSTOMER = "821012345678"
NEEDS_FIXING = {
    "en": "Your relay's database needs fixing, so your relay cannot do this. It does not mend by itself: "
    "tell whoever looks after your relay (its log says what to change).",
    "ko": "릴레이의 데이터베이스를 고쳐야 해서 릴레이가 이\N{NO-BREAK SPACE}일을 할 수 없어요. 저절로 고쳐지지 "
    "않으니 릴레이를 관리하는 분께 알려 주세요(무엇을 바꿔야 하는지 릴레이 로그에 나와 있어요).",
}

REQUESTS: dict[str, Callable[[RelayClient], object]] = {
    "automations save": lambda c: c.put_automations(
        c.get_automations(), if_match=c.get_automations().revision
    ),
    "block": lambda c: c.block(CUSTOMER, True),
    "known contacts": lambda c: c.push_known_contacts([CUSTOMER]),
    "order status": lambda c: c.push_order_statuses(
        [OrderStatus(number="A-1", state="paid", wa_id=CUSTOMER)]
    ),
    "new events": lambda c: c.events(0, wait=0),
}


@pytest.mark.parametrize("language", ["en", "ko"])
def test_any_request_a_read_only_relay_database_refuses_says_it_needs_fixing_not_busy(
    qapp: Any, tmp_path: Path, request: pytest.FixtureRequest, language: str
) -> None:
    from ui.ops import failure_sentence

    if language == "ko":
        request.getfixturevalue("korean")
    said: dict[str, str] = {}
    with run_fake_graph() as graph, run_relay(tmp_path, graph_url=graph.url) as relay:
        client = RelayClient(relay.url, relay.token, timeout=10)
        try:
            with sqlite_read_only(relay, tmp_path):
                for name, call in REQUESTS.items():
                    with pytest.raises(RelayBusy) as refused:
                        call(client)
                    said[name] = failure_sentence(refused.value)
        finally:
            client.close()
    assert said == dict.fromkeys(REQUESTS, NEEDS_FIXING[language])


def test_a_reply_the_read_only_relay_database_cannot_take_waits_saying_so_and_goes_after(
    qtbot: Any, db: Database, tmp_path: Path
) -> None:
    from app.sending import queue_text

    with db.write() as s:
        from tests.support.factories import make_contact

        contact_id = make_contact(s, wa_id=CUSTOMER).id
        message_id = int(queue_text(s, contact_id, "주문하신 꽃병 내일 보내드려요").id)
    folder = tmp_path / "relay"
    folder.mkdir()
    with run_fake_graph() as graph, run_relay(folder, graph_url=graph.url) as relay:
        with sqlite_read_only(relay, folder):
            _one_attempt(db, relay)
            assert graph.send_calls == 0
            assert _tooltip(db, message_id) == ("pending", "Waiting to be sent. " + NEEDS_FIXING["en"])
        _one_attempt(db, relay)  # mended: the same key goes, once
        assert graph.send_calls == 1
        assert _tooltip(db, message_id) == ("sent", "Sent")


@pytest.mark.parametrize("language", ["en", "ko"])
def test_the_banner_says_the_relays_database_needs_fixing_while_the_poll_is_refused(
    window: Any, qtbot: Any, tmp_path: Path, request: pytest.FixtureRequest, language: str
) -> None:
    if language == "ko":
        request.getfixturevalue("korean")
    with run_fake_graph() as graph, run_relay(tmp_path, graph_url=graph.url) as relay:
        with sqlite_read_only(relay, tmp_path):
            window.ctx.prefs["relay_url"] = relay.url
            window.ctx.relay_token = relay.token
            window.start_sync()
            banner = window.banner
            qtbot.waitUntil(lambda: banner.isVisible() and NEEDS_FIXING[language] in banner.text.text())
            assert "busy" not in banner.text.text() and "Cannot reach" not in banner.text.text()
            banner.retry.click()  # mended meanwhile: the next try goes, and the banner goes with it
        sync = window.ctx.sync
        qtbot.waitUntil(lambda: sync.state.kind is Connection.ONLINE, timeout=10_000)
        qtbot.waitUntil(lambda: not banner.isVisible())


def test_checking_a_relay_whose_database_is_read_only_says_it_needs_fixing_not_try_in_a_minute(
    qapp: Any, tmp_path: Path
) -> None:
    from app.relay_client import CheckOutcome, check_relay
    from ui.setup_wizard import explain

    with (
        run_fake_graph() as graph,
        run_relay(tmp_path, graph_url=graph.url) as relay,
        sqlite_read_only(relay, tmp_path),
    ):
        result = check_relay(relay.url, relay.token)
    assert result.outcome is CheckOutcome.SERVER_ERROR
    assert explain(result, relay.url) == NEEDS_FIXING["en"]


@pytest.mark.slow
@pytest.mark.postgresql
def test_a_relay_whose_postgresql_refuses_its_login_says_it_needs_fixing_on_a_save_and_a_check(
    qapp: Any, tmp_path: Path
) -> None:
    """Its password changed on the server (or in the relay's settings): every new connection of the
    relay's is refused for real, and no wait mends that."""
    import os

    from sqlalchemy import create_engine, event, text
    from sqlalchemy.engine import make_url

    from app.relay_client import check_relay
    from relay.storage.database_drop import drop_database
    from tests.support.pg_databases import drop_test_database
    from ui.ops import failure_sentence
    from ui.setup_wizard import explain

    pg_url = os.environ.get("RELAY_TEST_PG_URL")
    if not pg_url:
        pytest.skip("RELAY_TEST_PG_URL not set (bash .ci/run starts PostgreSQL)")
    name = f"relay_test_ui_login_{os.getpid()}"
    admin = create_engine(pg_url, isolation_level="AUTOCOMMIT")
    drop_database(admin, name)
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    database_url = make_url(pg_url).set(database=name).render_as_string(hide_password=False)

    def wrong_password(_dialect: Any, _record: Any, _cargs: Any, cparams: dict[str, Any]) -> None:
        cparams["password"] = "not-the-password"

    try:
        with (
            run_fake_graph() as graph,
            run_relay(tmp_path, graph_url=graph.url, database_url=database_url) as relay,
        ):
            engine = relay.relay.store.db.engine
            event.listen(engine, "do_connect", wrong_password)
            engine.dispose()  # the pooled connections go: each new one is refused
            client = RelayClient(relay.url, relay.token, timeout=10)
            try:
                with pytest.raises(RelayBusy) as refused:
                    client.push_known_contacts([CUSTOMER])
                checked = check_relay(relay.url, relay.token)
            finally:
                client.close()
                event.remove(engine, "do_connect", wrong_password)
                engine.dispose()
        params = refused.value.params
        assert isinstance(params, RefusalParams) and params.param("cause") == "login_refused"
        assert failure_sentence(refused.value) == NEEDS_FIXING["en"]
        assert explain(checked, relay.url) == NEEDS_FIXING["en"]
    finally:
        drop_test_database(admin, name)
        admin.dispose()


@pytest.mark.slow
@pytest.mark.postgresql
def test_a_reply_a_relay_database_in_another_encoding_refuses_waits_saying_it_needs_fixing_and_goes_after(
    db: Database, tmp_path: Path
) -> None:
    """The relay's database was recreated in SQL_ASCII under it (restored into a cluster made under
    the C locale): the relay answers 503 database_unusable, naming the cause, and the waiting bubble
    says that cause, as a send the storage refused does, not its general sentence."""
    import os
    import subprocess

    from sqlalchemy import create_engine
    from sqlalchemy.engine import make_url

    from app.sending import queue_text
    from tests.relay.test_database_encoding import _libpq_url, _recreate, restore
    from tests.support.factories import make_contact
    from tests.support.pg_databases import drop_test_database

    pg_url = os.environ.get("RELAY_TEST_PG_URL")
    if not pg_url:
        pytest.skip("RELAY_TEST_PG_URL not set (bash .ci/run starts PostgreSQL)")
    with db.write() as s:
        contact_id = make_contact(s, wa_id=CUSTOMER).id
        message_id = int(queue_text(s, contact_id, "주문하신 꽃병 내일 보내드려요").id)
    name = f"relay_test_ui_ascii_{os.getpid()}"
    url = make_url(pg_url).set(database=name).render_as_string(hide_password=False)
    dump = tmp_path / "relay.dump"
    admin = create_engine(pg_url, isolation_level="AUTOCOMMIT")
    try:
        _recreate(admin, name, "UTF8")
        with run_fake_graph() as graph, run_relay(tmp_path, graph_url=graph.url, database_url=url) as relay:
            engine = relay.relay.store.db.engine
            subprocess.run(["pg_dump", "-Fc", "-f", str(dump), _libpq_url(url)], check=True, timeout=60)
            _recreate(admin, name, "SQL_ASCII")
            restore(url, dump)
            engine.dispose()  # the pool's connections ended with the old database
            _one_attempt(db, relay)
            assert graph.send_calls == 0
            assert _tooltip(db, message_id) == ("pending", "Waiting to be sent. " + NEEDS_FIXING["en"])
            _recreate(admin, name, "UTF8")  # mended: made again in UTF8, its rows restored
            restore(url, dump)
            engine.dispose()
            _one_attempt(db, relay)
            assert graph.send_calls == 1
            assert _tooltip(db, message_id) == ("sent", "Sent")
    finally:
        drop_test_database(admin, name)
        admin.dispose()
