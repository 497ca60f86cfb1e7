"""`shop-inbox-relay check` and GET /v1/check: every line passes on a healthy shop, and each failure
says in plain words what to do, against the fake Graph and the real relay on 127.0.0.1."""

from __future__ import annotations

import asyncio
import dataclasses
import re
import shutil
import subprocess
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from app.wire import CheckLine, CheckProblem, CheckReport, CheckStatus, CheckStep
from relay.check import check_relay
from relay.cli import main
from relay.settings import RelaySettings
from relay.size_text import MIB, size_text
from relay.store import Store
from tests.support.fake_graph import ACCESS_TOKEN, APP_ID, WABA_ID, FakeGraph, graph_error
from tests.support.relay_server import (
    APP_SECRET,
    CLIENT_TOKEN,
    PHONE_NUMBER_ID,
    VERIFY_TOKEN,
    RunningRelay,
    run_relay,
)
from tests.support.servers import ThreadedServer, free_port


def shop_settings(tmp_path: Path, graph: FakeGraph, port: int) -> RelaySettings:
    return RelaySettings(
        database_url=f"sqlite:///{tmp_path / 'relay.db'}",
        client_token=CLIENT_TOKEN,
        app_secret=APP_SECRET,
        verify_token=VERIFY_TOKEN,
        access_token=ACCESS_TOKEN,
        phone_number_id=PHONE_NUMBER_ID,
        waba_id=WABA_ID,
        app_id=APP_ID,
        graph_url=graph.url,
        media_dir=tmp_path / "relay-media",
        public_url=f"http://127.0.0.1:{port}",
        check_plain_http_loopback=True,
        min_free_disk_mb=1,
        graph_timeout=5.0,
    )


def handshake(shop: RunningRelay, token: str = VERIFY_TOKEN) -> int:
    """Meta's verification call, as Meta makes it when the callback URL is registered."""
    params = {"hub.mode": "subscribe", "hub.verify_token": token, "hub.challenge": "1158201444"}
    return shop.client.get(f"{shop.url}/webhook", params=params).status_code


@pytest.fixture
def shop(tmp_path: Path, graph: FakeGraph) -> Iterator[RunningRelay]:
    """A healthy shop: the app subscribed, Meta's handshake seen, the relay at its public URL."""
    graph.subscribed_app_ids.append(APP_ID)
    port = free_port()
    running = RunningRelay(settings=shop_settings(tmp_path, graph, port), port=port).start()
    assert handshake(running) == 200
    try:
        yield running
    finally:
        running.stop()
        running.client.close()


def check(shop: RunningRelay, **changes: Any) -> CheckReport:
    settings = dataclasses.replace(shop.settings, **changes)
    return asyncio.run(check_relay(settings, shop.relay.store))


def line(report: CheckReport, step: CheckStep) -> CheckLine:
    return next(found for found in report.lines if found.step == step)


def test_a_healthy_shop_passes_every_line_and_shows_the_numbers_health(shop: RunningRelay) -> None:
    answer = shop.client.get(f"{shop.url}/v1/check", headers=shop.auth())
    assert answer.status_code == 200
    report = CheckReport.model_validate(answer.json())
    assert [entry.step for entry in report.lines] == list(CheckStep)
    assert [entry.status for entry in report.lines] == [CheckStatus.PASS] * len(CheckStep), report
    assert report.ok
    assert report.number is not None
    assert report.number.quality_rating == "GREEN"
    assert report.number.messaging_limit == "TIER_2K" and report.number.daily_limit == 2000
    assert "Seoul Flower Shop" in line(report, CheckStep.PHONE_NUMBER).message


def test_a_shop_with_two_numbers_sees_each_numbers_health(shop: RunningRelay, graph: FakeGraph) -> None:
    graph.numbers["106540352242923"] = {
        "display_phone_number": "+82 2-555-0202",
        "verified_name": "Seoul Flower Shop Hongdae",
        "quality_rating": "YELLOW",
        "whatsapp_business_manager_messaging_limit": {"tier": "TIER_2K"},
    }
    answer = shop.client.get(f"{shop.url}/v1/check", headers=shop.auth())
    report = CheckReport.model_validate(answer.json())
    assert report.ok, report
    assert report.number is not None and report.number.quality_rating == "GREEN"
    # The relay's own number first, then the account's other one, each as Graph rates it.
    assert [(n.display_phone_number, n.quality_rating, n.daily_limit) for n in report.numbers] == [
        ("+82 10-5555-0100", "GREEN", 2000),
        ("+82 2-555-0202", "YELLOW", 2000),
    ]


def test_a_one_number_shop_lists_no_numbers_beside_its_own(shop: RunningRelay) -> None:
    report = CheckReport.model_validate(shop.client.get(f"{shop.url}/v1/check", headers=shop.auth()).json())
    assert report.number is not None and report.numbers == []


def test_two_checks_at_once_both_find_this_relay_and_leave_no_nonce_behind(shop: RunningRelay) -> None:
    """Two desktops pressing "Check again" together: each check's nonce is its own."""

    async def both() -> list[CheckReport]:
        return list(await asyncio.gather(*(check_relay(shop.settings, shop.relay.store) for _ in range(2))))

    for report in asyncio.run(both()):
        assert line(report, CheckStep.PUBLIC_URL).status == CheckStatus.PASS
    from relay.storage.tables import kv

    with shop.relay.store.db.engine.connect() as conn:
        keys = [row.key for row in conn.execute(kv.select())]
    assert not [key for key in keys if key.startswith("check_nonce")]


@pytest.mark.slow
@pytest.mark.postgresql
def test_a_healthy_shop_passes_on_postgresql_too(
    tmp_path: Path, graph: FakeGraph, pg_database: str | None
) -> None:
    if pg_database is None:
        pytest.skip("RELAY_TEST_PG_URL not set (bash .ci/run starts PostgreSQL)")
    from tests.relay.conftest import _fresh_pg

    graph.subscribed_app_ids.append(APP_ID)
    port = free_port()
    settings = dataclasses.replace(shop_settings(tmp_path, graph, port), database_url=_fresh_pg(pg_database))
    running = RunningRelay(settings=settings, port=port).start()
    try:
        assert handshake(running) == 200
        report = CheckReport.model_validate(
            running.client.get(f"{running.url}/v1/check", headers=running.auth()).json()
        )
    finally:
        running.stop()
        running.client.close()
    assert report.ok, report


def test_the_check_needs_the_relay_token(shop: RunningRelay) -> None:
    assert shop.client.get(f"{shop.url}/v1/check").status_code == 401
    wrong = {"Authorization": "Bearer not-the-token"}
    assert shop.client.get(f"{shop.url}/v1/check", headers=wrong).status_code == 401


def test_an_expired_access_token_says_to_make_a_new_one_and_skips_what_depends_on_it(
    shop: RunningRelay, graph: FakeGraph
) -> None:
    graph.token_expired = True
    report = check(shop)
    failed = line(report, CheckStep.PHONE_NUMBER)
    assert failed.problem == CheckProblem.TOKEN_INVALID and failed.graph_code == 190
    assert "System users" in failed.message and "WHATSAPP_ACCESS_TOKEN" in failed.message
    for step in (CheckStep.BUSINESS_ACCOUNT, CheckStep.WEBHOOK_SUBSCRIPTION, CheckStep.CLOCK):
        assert line(report, step).status == CheckStatus.SKIP
    assert not report.ok


@pytest.mark.parametrize("code", [200, 10])
def test_a_missing_permission_names_it(shop: RunningRelay, graph: FakeGraph, code: int) -> None:
    graph.permissions.discard("whatsapp_business_management")
    graph.permission_error_code = code
    failed = line(check(shop), CheckStep.PHONE_NUMBER)
    assert failed.problem == CheckProblem.PERMISSION_MISSING and failed.graph_code == code
    assert failed.params["permission"] == "whatsapp_business_management"
    assert "whatsapp_business_management" in failed.message


def test_a_wrong_phone_number_id_names_the_setting_to_fix(shop: RunningRelay) -> None:
    failed = line(check(shop, phone_number_id="999000111222"), CheckStep.PHONE_NUMBER)
    assert failed.problem == CheckProblem.WRONG_ID and failed.graph_code == 100
    assert failed.params["setting"] == "WHATSAPP_PHONE_NUMBER_ID"


def test_a_wrong_business_account_id_names_the_setting_to_fix(shop: RunningRelay) -> None:
    report = check(shop, waba_id="555000111222")
    failed = line(report, CheckStep.BUSINESS_ACCOUNT)
    assert failed.problem == CheckProblem.WRONG_ID and failed.params["setting"] == "WHATSAPP_WABA_ID"
    assert line(report, CheckStep.WEBHOOK_SUBSCRIPTION).status == CheckStatus.SKIP
    assert line(report, CheckStep.PHONE_NUMBER).status == CheckStatus.PASS


def test_a_number_from_another_business_account_fails(shop: RunningRelay, graph: FakeGraph) -> None:
    graph.numbers["777000111222"] = {"display_phone_number": "+82 10-5555-0199"}
    graph.foreign_numbers.add("777000111222")  # Graph knows it; WHATSAPP_WABA_ID does not hold it
    report = check(shop, phone_number_id="777000111222")
    assert line(report, CheckStep.PHONE_NUMBER).status == CheckStatus.PASS
    failed = line(report, CheckStep.BUSINESS_ACCOUNT)
    assert failed.problem == CheckProblem.NUMBER_NOT_IN_ACCOUNT
    assert "WhatsApp Manager" in failed.message


def test_an_app_not_subscribed_to_the_webhooks_fails_with_the_fix(
    shop: RunningRelay, graph: FakeGraph
) -> None:
    graph.subscribed_app_ids.clear()
    failed = line(check(shop), CheckStep.WEBHOOK_SUBSCRIPTION)
    assert failed.problem == CheckProblem.NOT_SUBSCRIBED
    assert "shop-inbox-relay setup" in failed.message
    graph.subscribed_app_ids.append("4444444444")  # another app is subscribed, not ours
    assert line(check(shop), CheckStep.WEBHOOK_SUBSCRIPTION).problem == CheckProblem.NOT_SUBSCRIBED


def test_a_plain_http_public_address_is_refused(shop: RunningRelay) -> None:
    failed = line(check(shop, public_url="http://relay.myshop.example"), CheckStep.PUBLIC_URL)
    assert failed.problem == CheckProblem.NOT_HTTPS
    assert "https://" in failed.message


def test_nothing_answering_at_the_public_address_says_to_start_the_relay(shop: RunningRelay) -> None:
    failed = line(check(shop, public_url=f"http://127.0.0.1:{free_port()}"), CheckStep.PUBLIC_URL)
    assert failed.problem == CheckProblem.PUBLIC_URL_UNREACHABLE
    # Whichever way the relay runs: Docker, or the command itself (the manual path).
    assert "`docker compose up -d`" in failed.message and "`shop-inbox-relay serve`" in failed.message


def test_another_server_at_the_public_address_does_not_pass_for_this_relay(
    shop: RunningRelay, graph: FakeGraph, tmp_path: Path
) -> None:
    other_port = free_port()
    other = RunningRelay(settings=shop_settings(tmp_path / "other", graph, other_port), port=other_port)
    (tmp_path / "other").mkdir()
    other.start()
    try:
        failed = line(check(shop, public_url=other.url), CheckStep.PUBLIC_URL)
    finally:
        other.stop()
        other.client.close()
    assert failed.problem == CheckProblem.OTHER_SERVER


@pytest.fixture
def self_signed(tmp_path: Path) -> tuple[Path, Path]:
    if shutil.which("openssl") is None:
        pytest.skip("openssl is not installed: cannot make a self-signed certificate")
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    command = ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1"]
    subprocess.run(
        [*command, "-subj", "/CN=127.0.0.1", "-keyout", str(key), "-out", str(cert)],
        check=True,
        capture_output=True,
        timeout=60,
    )
    return cert, key


def test_a_self_signed_certificate_fails_with_a_clear_sentence(
    shop: RunningRelay, self_signed: tuple[Path, Path]
) -> None:
    """This relay itself behind TLS on 127.0.0.1, with a certificate no authority signed."""
    cert, key = self_signed
    # The same app, without a second lifespan: the relay is already started by `shop`.
    tls = ThreadedServer(shop.app, ssl_certfile=str(cert), ssl_keyfile=str(key), lifespan="off")
    tls.start()
    try:
        failed = line(check(shop, public_url=f"https://127.0.0.1:{tls.port}"), CheckStep.PUBLIC_URL)
    finally:
        tls.stop()
    assert failed.problem == CheckProblem.CERTIFICATE_INVALID
    assert "certificate is not valid" in failed.message and "Meta will refuse it" in failed.message


def test_a_webhook_meta_never_verified_fails_with_the_callback_to_register(
    tmp_path: Path, graph: FakeGraph
) -> None:
    port = free_port()
    fresh = RunningRelay(settings=shop_settings(tmp_path, graph, port), port=port).start()
    try:
        failed = line(check(fresh), CheckStep.WEBHOOK_VERIFIED)
        assert failed.problem == CheckProblem.WEBHOOK_NEVER_VERIFIED
        assert failed.params["callback_url"] == f"{fresh.url}/webhook"
        # A first setup with the app id leaves this line failing (Meta cannot verify before the relay
        # runs): the fix read afterwards is setup again, whether or not it had the app id.
        assert "run `shop-inbox-relay setup` again" in failed.message
        assert handshake(fresh, token="a-token-from-another-relay") == 403
        assert line(check(fresh), CheckStep.WEBHOOK_VERIFIED).problem == CheckProblem.VERIFY_TOKEN_MISMATCH
        assert handshake(fresh) == 200
        assert line(check(fresh), CheckStep.WEBHOOK_VERIFIED).status == CheckStatus.PASS
        # A stranger's wrong-token call afterwards does not turn a verified webhook red.
        assert handshake(fresh, token="guess") == 403
        assert line(check(fresh), CheckStep.WEBHOOK_VERIFIED).status == CheckStatus.PASS
    finally:
        fresh.stop()
        fresh.client.close()


def test_a_nearly_full_disk_fails(shop: RunningRelay) -> None:
    failed = line(check(shop, min_free_disk_mb=10**12), CheckStep.DATABASE)
    assert failed.problem == CheckProblem.DISK_LOW and int(failed.params["free_mb"]) >= 0
    assert failed.message.startswith(f"Only {size_text(int(failed.params['free_mb']) * MIB)} free in ")


def test_the_free_space_line_reads_as_the_desktop_says_it(shop: RunningRelay) -> None:
    """`check` said "60066 MB free" where the desktop said "63 GB": both say it the way people read it."""
    passed = line(check(shop), CheckStep.DATABASE)
    free = int(passed.params["free_mb"])  # the wire keeps the number the desktop words itself
    assert re.fullmatch(r"The database is writable; \d+(\.\d)? (kB|MB|GB|TB) free in .+\.", passed.message)
    assert size_text(free * MIB) in passed.message and f"{free} MB" not in passed.message


@pytest.mark.parametrize(
    ("size", "text"),
    [
        (0, "0 B"),
        (999, "999 B"),
        (1000, "1 kB"),
        (440 * 1000**2, "440 MB"),
        (999_600_000, "1 GB"),
        (5_300_000_000, "5.3 GB"),
        (60066 * MIB, "63 GB"),
        (9_960_000_000, "10 GB"),
        (1_234_000_000_000, "1.2 TB"),
    ],
)
def test_sizes_read_as_people_write_them(size: int, text: str) -> None:
    assert size_text(size) == text


def test_a_media_folder_the_relay_cannot_write_fails_and_says_how_to_fix_it(
    shop: RunningRelay, tmp_path: Path
) -> None:
    # As a volume Docker mounted where the image had no folder: there, but not the relay's to write.
    # A regular file in the way fails for root too, which a chmod would not.
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    failed = line(check(shop, media_dir=blocker / "media"), CheckStep.DATABASE)
    assert failed.status == CheckStatus.FAIL
    assert failed.problem == CheckProblem.MEDIA_NOT_WRITABLE
    assert str(blocker / "media") in failed.message and "RELAY_MEDIA_DIR" in failed.message
    # A writable one passes and is left as it was: no probe file behind.
    media = tmp_path / "media-ok"
    media.mkdir()
    assert line(check(shop, media_dir=media), CheckStep.DATABASE).status == CheckStatus.PASS
    assert list(media.iterdir()) == []
    # One the relay has yet to make is not made by the check (run as root, it would be root's).
    later = tmp_path / "later" / "media"
    assert line(check(shop, media_dir=later), CheckStep.DATABASE).status == CheckStatus.PASS
    assert not (tmp_path / "later").exists()


def test_a_database_the_relay_cannot_write_fails(shop: RunningRelay, tmp_path: Path) -> None:
    from relay.store import Store

    # The same file opened read-only, as a volume mounted read-only or full would leave it.
    read_only = Store(f"sqlite:///file:{tmp_path / 'relay.db'}?mode=ro&uri=true")
    try:
        report = asyncio.run(check_relay(shop.settings, read_only))
    finally:
        read_only.close()
    failed = line(report, CheckStep.DATABASE)
    assert failed.problem == CheckProblem.DATABASE_NOT_WRITABLE
    assert "cannot write its database" in failed.message
    # The public address needs a nonce written first: not checked, and the line says why.
    skipped = line(report, CheckStep.PUBLIC_URL)
    assert skipped.status == CheckStatus.SKIP and "database line" in skipped.message


def test_graph_out_of_reach_says_to_check_the_servers_connection(shop: RunningRelay) -> None:
    port = free_port()
    report = check(shop, graph_url=f"http://127.0.0.1:{port}/v21.0")
    failed = line(report, CheckStep.PHONE_NUMBER)
    assert failed.problem == CheckProblem.GRAPH_UNREACHABLE
    assert "internet connection" in failed.message
    # The host WHATSAPP_GRAPH_URL names, not the default one the relay did not call.
    assert f"127.0.0.1:{port}" in failed.message and "graph.facebook.com" not in failed.message
    assert line(report, CheckStep.CLOCK).status == CheckStatus.SKIP  # no Date header to compare with


def test_another_graph_error_is_shown_in_graphs_own_words(shop: RunningRelay, graph: FakeGraph) -> None:
    graph.account_error = graph_error(
        400, 80008, "There have been too many calls to this WhatsApp Business account."
    )
    failed = line(check(shop), CheckStep.PHONE_NUMBER)
    assert failed.problem == CheckProblem.GRAPH_ERROR and failed.graph_code == 80008
    assert "too many calls" in failed.params["detail"] and "too many calls" in failed.message


def test_a_clock_five_minutes_off_fails(shop: RunningRelay, graph: FakeGraph) -> None:
    graph.clock_offset = timedelta(minutes=5)
    failed = line(check(shop), CheckStep.CLOCK)
    assert failed.problem == CheckProblem.CLOCK_OFF
    assert abs(int(failed.params["seconds"]) + 300) <= 5
    assert "timedatectl" in failed.message


def test_a_date_header_without_a_zone_is_read_as_utc(shop: RunningRelay, graph: FakeGraph) -> None:
    # "Sat, 05 Dec 2026 03:02:57 -0000" parses to a naive time: the check crashed (a 500, and the
    # desktop's Settings said "The relay could not run its check").
    graph.date_without_zone = True
    assert line(check(shop), CheckStep.CLOCK).status == CheckStatus.PASS


def test_missing_settings_are_named_and_the_command_exits_non_zero(
    shop: RunningRelay, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    report = check(shop, waba_id="", public_url="")
    failed = line(report, CheckStep.SETTINGS)
    assert failed.params["names"] == "WHATSAPP_WABA_ID, RELAY_PUBLIC_URL"
    assert line(report, CheckStep.PHONE_NUMBER).status == CheckStatus.PASS  # needs no WABA id
    for name in ("WHATSAPP_ACCESS_TOKEN", "WHATSAPP_WABA_ID", "RELAY_PUBLIC_URL", "RELAY_CLIENT_TOKEN"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("WHATSAPP_GRAPH_URL", shop.settings.graph_url)
    env_file = tmp_path / "relay.env"
    env_file.write_text(f"WHATSAPP_APP_SECRET={APP_SECRET}\nWHATSAPP_PHONE_NUMBER_ID={PHONE_NUMBER_ID}\n")
    database = f"sqlite:///{tmp_path / 'c.db'}"
    Store(database).close()  # the relay has run on it
    code = main(["check", "--env-file", str(env_file), "--database", database])
    out = capsys.readouterr().out
    assert code == 1
    assert "FAIL settings: Missing: WHATSAPP_VERIFY_TOKEN, WHATSAPP_ACCESS_TOKEN" in out
    assert "Some checks failed" in out


def test_the_command_exits_zero_when_nothing_fails(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("RELAY_UPSTREAM", "sandbox")
    database = f"sqlite:///{tmp_path / 's.db'}"
    Store(database).close()  # the relay has run on it
    code = main(["check", "--database", database])
    out = capsys.readouterr().out
    assert code == 0, out
    assert "ok   database:" in out and "All checks passed." in out
    # The sandbox passes, and says it is no real relay: its customers are simulated.
    assert "This is a sandbox relay: its customers are simulated" in out.splitlines()[-1]


def test_checking_a_sandbox_relays_database_without_its_upstream_says_how_to_check_it_as_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # "Try it without Meta": `serve --upstream sandbox` in a folder, then `check` there. The cloud
    # settings are missing, as they should be; the owner is told how to check the sandbox instead.
    from relay.sandbox import PROGRESS_KEY

    for name in (
        "RELAY_UPSTREAM",
        "WHATSAPP_APP_SECRET",
        "WHATSAPP_ACCESS_TOKEN",
        "WHATSAPP_PHONE_NUMBER_ID",
    ):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(tmp_path)
    store = Store("sqlite:///relay.db")
    store.kv.put(PROGRESS_KEY, "{}")  # what the sandbox keeps of its customers' stories
    store.close()
    assert main(["check"]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("FAIL settings: Missing: ")
    assert lines[-1] == (
        "This database is a sandbox relay's (simulated customers): "
        "`shop-inbox-relay check --upstream sandbox` checks it as one."
    )
    assert main(["check", "--upstream", "sandbox"]) == 0
    out = capsys.readouterr().out
    assert "All checks passed." in out and "sandbox relay's" not in out


def test_a_cloud_relays_failing_check_says_nothing_of_the_sandbox(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("RELAY_UPSTREAM", raising=False)
    monkeypatch.delenv("WHATSAPP_APP_SECRET", raising=False)
    database = f"sqlite:///{tmp_path / 'c.db'}"
    Store(database).close()  # a relay that never ran the sandbox
    assert main(["check", "--database", database]) == 1
    assert "sandbox" not in capsys.readouterr().out


def test_the_sandbox_skips_whatsapp_lines_and_passes(tmp_path: Path) -> None:
    settings = RelaySettings.for_sandbox(database_url=f"sqlite:///{tmp_path / 's.db'}", client_token="t")
    store = Store(settings.database_url)
    try:
        report = asyncio.run(check_relay(settings, store))
    finally:
        store.close()
    assert report.ok
    assert line(report, CheckStep.PHONE_NUMBER).problem == CheckProblem.SANDBOX
    assert line(report, CheckStep.DATABASE).status == CheckStatus.PASS


def test_a_two_number_sandbox_reports_both_numbers_health_as_a_real_relay_does(tmp_path: Path) -> None:
    """The demo's embedded relay with two numbers (`--demo --two-numbers`) reported no number at all:
    the health panel stayed empty for both of the shop's numbers."""
    from app.wire import SANDBOX_PHONE_NUMBER_ID, SANDBOX_SECOND_PHONE_NUMBER_ID

    settings = RelaySettings.for_sandbox(
        database_url=f"sqlite:///{tmp_path / 's.db'}", client_token="t", sandbox_two_numbers=True
    )
    store = Store(settings.database_url)
    try:
        report = asyncio.run(check_relay(settings, store))
    finally:
        store.close()
    assert report.ok and report.sandbox
    assert report.number is not None and report.number.phone_number_id == SANDBOX_PHONE_NUMBER_ID
    assert [(n.phone_number_id, n.display_phone_number) for n in report.numbers] == [
        (SANDBOX_PHONE_NUMBER_ID, "8225550100"),
        (SANDBOX_SECOND_PHONE_NUMBER_ID, "8225550200"),
    ]
    assert {(n.quality_rating, n.messaging_limit) for n in report.numbers} == {("GREEN", "TIER_1K")}


def test_a_one_number_sandbox_reports_its_number_alone(tmp_path: Path) -> None:
    settings = RelaySettings.for_sandbox(
        database_url=f"sqlite:///{tmp_path / 's.db'}", client_token="t", sandbox_language="en"
    )
    store = Store(settings.database_url)
    try:
        report = asyncio.run(check_relay(settings, store))
    finally:
        store.close()
    assert report.number is not None and report.number.display_phone_number == "447700900000"
    assert report.numbers == []  # as a real relay whose account holds one number


def test_the_command_prints_the_report_as_json_for_scripts(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("RELAY_UPSTREAM", "sandbox")
    database = f"sqlite:///{tmp_path / 's.db'}"
    Store(database).close()  # the relay has run on it
    assert main(["check", "--json", "--database", database]) == 0
    report = CheckReport.model_validate_json(capsys.readouterr().out)
    assert report.ok and [entry.step for entry in report.lines] == list(CheckStep)


@pytest.mark.parametrize("mistake", ["file", "folder", "postgresql"])
def test_the_command_refuses_a_database_it_cannot_check_in_one_line_and_creates_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, mistake: str
) -> None:
    monkeypatch.setenv("RELAY_UPSTREAM", "sandbox")
    typo = tmp_path / ("relya.db" if mistake == "file" else "no-such-folder/relay.db")
    url = f"sqlite:///{typo}"
    if mistake == "postgresql":  # nothing listens there: the connection is refused
        url = f"postgresql+psycopg://relay:secret@127.0.0.1:{free_port()}/relay"
    code = main(["check", "--database", url])
    printed = capsys.readouterr()
    assert code == 2 and printed.out == ""
    assert len(printed.err.strip().splitlines()) == 1, printed.err  # no traceback
    refusal = printed.err.strip()
    assert refusal.startswith("shop-inbox-relay check: ") and "--database" in refusal
    if mistake == "postgresql":
        assert "cannot open the database" in refusal and "secret" not in refusal
    else:
        assert str(typo if mistake == "file" else typo.parent) in refusal
    assert not typo.exists() and list(tmp_path.iterdir()) == []  # no fresh relay.db reported on


def test_a_database_on_a_full_disk_says_the_disk_is_full_and_where(tmp_path: Path, graph: FakeGraph) -> None:
    import sqlite3
    from contextlib import closing

    from sqlalchemy import event

    url = f"sqlite:///{tmp_path / 'relay.db'}"
    with run_relay(tmp_path, graph_url=graph.url):
        pass  # the relay made and migrated its database
    # The disk fills up: SQLite's own "database or disk is full" once the file would grow (its
    # max_page_count, as tests/support/full_disk.py sets for the desktop), the file packed to it.
    with closing(sqlite3.connect(tmp_path / "relay.db")) as filler:
        pages = filler.execute("PRAGMA page_count").fetchone()[0] + 4
        filler.execute(f"PRAGMA max_page_count = {pages}")
        for size in (2000, 500, 100, 20, 1):
            for n in range(100_000):
                try:
                    with filler:
                        filler.execute("INSERT INTO kv VALUES (?, ?)", (f"filler-{size}-{n}", "x" * size))
                except sqlite3.OperationalError:
                    break
    store = Store(url)

    def full(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.execute(f"PRAGMA max_page_count = {pages}")

    event.listen(store.db.engine, "connect", full)
    store.db.engine.dispose()  # every connection from here on opens with the limit
    settings = RelaySettings(database_url=url, media_dir=tmp_path / "media", graph_url=graph.url)
    try:
        failed = line(asyncio.run(check_relay(settings, store)), CheckStep.DATABASE)
    finally:
        store.close()
    assert failed.status == CheckStatus.FAIL and failed.problem == CheckProblem.DISK_LOW, failed
    assert failed.params["path"] == str(tmp_path) and f"free in {tmp_path}" in failed.message


def test_ctrl_c_while_check_waits_on_graph_stops_in_one_line(tmp_path: Path) -> None:
    """Graph (here a server that takes the connection and never answers) holds the check; Ctrl+C
    ends it with one line and 130, not a traceback through asyncio."""
    import os
    import signal
    import socket
    import sys

    with run_relay(tmp_path):
        pass  # the relay's database, made and migrated
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen()
        env = {
            **os.environ,
            "WHATSAPP_APP_SECRET": APP_SECRET,
            "WHATSAPP_VERIFY_TOKEN": VERIFY_TOKEN,
            "WHATSAPP_ACCESS_TOKEN": ACCESS_TOKEN,
            "WHATSAPP_PHONE_NUMBER_ID": PHONE_NUMBER_ID,
            "WHATSAPP_GRAPH_URL": f"http://127.0.0.1:{silent.getsockname()[1]}",
        }
        check_run = subprocess.Popen(
            [sys.executable, "-m", "relay.cli", "check", "--database", f"sqlite:///{tmp_path / 'relay.db'}"],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            # As a terminal starts it: a shell's background job (CI's) starts with SIGINT ignored,
            # and a child inherits that, so the check would never see the Ctrl+C.
            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
        )
        silent.settimeout(60)
        asking, _ = silent.accept()  # the check is waiting for Graph's answer now
        with asking:
            check_run.send_signal(signal.SIGINT)
            _out, err = check_run.communicate(timeout=60)
    assert check_run.returncode == 130
    assert err.strip() == "shop-inbox-relay check: stopped (Ctrl+C)"
