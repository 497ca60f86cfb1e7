"""The relay's self-check: Meta's side and this server, step by step, each line with a fix."""

from __future__ import annotations

import asyncio
import ipaddress
import logging
import secrets
import shutil
import ssl
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx

from app.wire import CheckLine, CheckProblem, CheckReport, CheckStatus, CheckStep, NumberHealth
from relay.check_text import SKIPPED, sentence
from relay.graph_account import GraphAccount, subscribed_app_ids
from relay.settings import RelaySettings
from relay.store import Store, storage_cause
from relay.upstream import GraphError

log = logging.getLogger(__name__)

# The settings every check line needs, on top of what `serve` needs.
CHECK_SETTINGS = (
    "WHATSAPP_APP_SECRET",
    "WHATSAPP_VERIFY_TOKEN",
    "WHATSAPP_ACCESS_TOKEN",
    "WHATSAPP_PHONE_NUMBER_ID",
    "WHATSAPP_WABA_ID",
    "RELAY_PUBLIC_URL",
)
CLOCK_TOLERANCE_SECONDS = 60  # Graph's Date header has 1 s resolution; a request takes well under this
PUBLIC_URL_TIMEOUT = 10.0
NONCE_PREFIX = "check_nonce:"  # one key per running check: two desktops may check at once
GRAPH_TIMEOUT = 10.0  # per Graph call in the check: all of it stays under the proxy's 90 s
# The account's other numbers whose health the check reads (a call each, within that 90 s): a shop
# has one or two; more are left out of the report rather than make the check time out.
OTHER_NUMBERS_MAX = 3
VERIFIED_KEY = "webhook_verified_at"
VERIFY_REFUSED_KEY = "webhook_verify_refused_at"
WRITE_PROBE_KEY = "check_written_at"


@dataclass
class CheckRun:
    """What the steps share: the settings, the store, Graph (None in the sandbox) and the findings."""

    settings: RelaySettings
    store: Store
    graph: GraphAccount | None
    # Test-only: let the public-URL step call a plain-http loopback address (never a remote one).
    allow_plain_http_loopback: bool = False
    clock: Callable[[], datetime] = field(default=lambda: datetime.now(UTC))
    lines: list[CheckLine] = field(default_factory=list)
    number: NumberHealth | None = None
    others: list[NumberHealth] = field(default_factory=list)  # the account's other numbers
    graph_date: datetime | None = None
    graph_date_seen_at: datetime | None = None

    def add(
        self,
        step: CheckStep,
        problem: CheckProblem | None = None,
        *,
        skipped: bool = False,
        graph_code: int | None = None,
        message: str = "",
        **params: str,
    ) -> CheckLine:
        status = CheckStatus.SKIP if skipped else CheckStatus.FAIL if problem else CheckStatus.PASS
        line = CheckLine(
            step=step,
            status=status,
            problem=problem,
            params=params,
            graph_code=graph_code,
            message=message or (SKIPPED if skipped and not problem else sentence(step, problem, params)),
        )
        self.lines.append(line)
        return line

    def failed(self, step: CheckStep) -> bool:
        return any(line.step == step and line.status == CheckStatus.FAIL for line in self.lines)

    def report(self) -> CheckReport:
        ok = all(line.status != CheckStatus.FAIL for line in self.lines)
        numbers = [self.number, *self.others] if self.number is not None and self.others else []
        return CheckReport(
            ok=ok, lines=self.lines, number=self.number, numbers=numbers, checked_at=self.clock()
        )


async def run_check(run: CheckRun) -> CheckReport:
    """Every step in order; a step that needs an earlier one's success is skipped, never guessed."""
    missing = missing_settings(run.settings)
    sandbox = run.graph is None
    if missing:
        run.add(CheckStep.SETTINGS, CheckProblem.MISSING_SETTINGS, names=", ".join(missing))
    else:
        run.add(CheckStep.SETTINGS)
    graph_steps = (
        (CheckStep.PHONE_NUMBER, check_phone_number),
        (CheckStep.BUSINESS_ACCOUNT, check_business_account),
        (CheckStep.WEBHOOK_SUBSCRIPTION, check_webhook_subscription),
    )
    for step, check in graph_steps:
        needs = {"WHATSAPP_ACCESS_TOKEN", "WHATSAPP_PHONE_NUMBER_ID"}
        if step is not CheckStep.PHONE_NUMBER:
            needs.add("WHATSAPP_WABA_ID")
        if sandbox:
            run.add(step, CheckProblem.SANDBOX, skipped=True)
        elif needs & set(missing) or run.failed(CheckStep.PHONE_NUMBER):
            run.add(step, skipped=True)
        else:
            await check(run)
    if sandbox:
        # The sandbox's own numbers, as a real relay reports the account's: the health panel of a
        # demo with two numbers showed nothing for either.
        from relay.sandbox import sandbox_number_health

        settings = run.settings
        first, *others = sandbox_number_health(
            settings.phone_number_id, settings.sandbox_language, settings.sandbox_two_numbers
        )
        run.number, run.others = first, others
    if sandbox or not run.settings.public_url:
        run.add(CheckStep.PUBLIC_URL, CheckProblem.SANDBOX if sandbox else None, skipped=True)
        run.add(CheckStep.WEBHOOK_VERIFIED, CheckProblem.SANDBOX if sandbox else None, skipped=True)
    else:
        await check_public_url(run)
        await check_webhook_verified(run)
    await check_database(run)
    if run.graph_date is None:
        run.add(CheckStep.CLOCK, CheckProblem.SANDBOX if sandbox else None, skipped=True)
    else:
        check_clock(run)
    return run.report()


def missing_settings(settings: RelaySettings) -> list[str]:
    if settings.upstream == "sandbox":
        return []
    values = {
        "WHATSAPP_APP_SECRET": settings.app_secret,
        "WHATSAPP_VERIFY_TOKEN": settings.verify_token,
        "WHATSAPP_ACCESS_TOKEN": settings.access_token,
        "WHATSAPP_PHONE_NUMBER_ID": settings.phone_number_id,
        "WHATSAPP_WABA_ID": settings.waba_id,
        "RELAY_PUBLIC_URL": settings.public_url,
    }
    return [name for name in CHECK_SETTINGS if not values[name]]


def graph_failure(
    run: CheckRun, step: CheckStep, exc: GraphError, *, id_setting: str, permission: str
) -> None:
    """Graph's documented errors, as a line that says what to do in Meta Business Manager."""
    code = exc.code
    if code is None and exc.retryable:
        host = urlsplit(run.settings.graph_url).netloc or run.settings.graph_url
        run.add(step, CheckProblem.GRAPH_UNREACHABLE, detail=exc.message, host=host)
    elif code == 190:
        run.add(step, CheckProblem.TOKEN_INVALID, graph_code=code)
    elif code == 10 or (code is not None and 200 <= code <= 299):
        run.add(step, CheckProblem.PERMISSION_MISSING, graph_code=code, permission=permission)
    elif code == 100:
        run.add(step, CheckProblem.WRONG_ID, graph_code=code, setting=id_setting)
    else:
        run.add(step, CheckProblem.GRAPH_ERROR, graph_code=code, detail=exc.message)


async def check_phone_number(run: CheckRun) -> None:
    assert run.graph is not None
    settings = run.settings
    try:
        answer = await run.graph.phone_number(settings.phone_number_id)
    except GraphError as exc:
        graph_failure(
            run,
            CheckStep.PHONE_NUMBER,
            exc,
            id_setting="WHATSAPP_PHONE_NUMBER_ID",
            permission="whatsapp_business_management",
        )
        return
    run.graph_date, run.graph_date_seen_at = answer.date, run.clock()
    run.number = number_health(settings.phone_number_id, answer.body)
    run.add(
        CheckStep.PHONE_NUMBER,
        display_phone_number=run.number.display_phone_number or "",
        verified_name=run.number.verified_name or "",
        quality_rating=run.number.quality_rating or "",
        messaging_limit=run.number.messaging_limit or "",
    )


def number_health(phone_number_id: str, body: dict[str, Any]) -> NumberHealth:
    """A number's health as GET /{phone-number-id} answers it."""
    limit = body.get("whatsapp_business_manager_messaging_limit")
    if isinstance(limit, dict):  # the shape is Meta's to change: keep its tier, whatever wraps it
        limit = limit.get("tier") or limit.get("value")
    return NumberHealth(
        phone_number_id=phone_number_id,
        display_phone_number=_text(body.get("display_phone_number")),
        verified_name=_text(body.get("verified_name")),
        quality_rating=_text(body.get("quality_rating")),
        messaging_limit=_text(limit),
        status=_text(body.get("status")),
        name_status=_text(body.get("name_status")),
        platform_type=_text(body.get("platform_type")),
    )


async def read_other_numbers(run: CheckRun, numbers: list[str]) -> None:
    """The health of the account's other numbers (a shop with two branches sees both): one that
    Graph does not answer for is left out, the check's lines are about the relay's own number."""
    assert run.graph is not None
    for phone_number_id in numbers:
        if phone_number_id == run.settings.phone_number_id or len(run.others) >= OTHER_NUMBERS_MAX:
            continue
        try:
            answer = await run.graph.phone_number(phone_number_id)
        except GraphError as exc:
            log.warning("the health of another number of the account not read: graph_code=%s", exc.code)
            continue
        run.others.append(number_health(phone_number_id, answer.body))


async def check_business_account(run: CheckRun) -> None:
    assert run.graph is not None
    settings = run.settings
    try:
        numbers = await run.graph.phone_number_ids(settings.waba_id)
        if settings.phone_number_id not in numbers:
            run.add(CheckStep.BUSINESS_ACCOUNT, CheckProblem.NUMBER_NOT_IN_ACCOUNT)
            return
        await run.graph.first_template(settings.waba_id)
        await read_other_numbers(run, numbers)
    except GraphError as exc:
        graph_failure(
            run,
            CheckStep.BUSINESS_ACCOUNT,
            exc,
            id_setting="WHATSAPP_WABA_ID",
            permission="whatsapp_business_management",
        )
        return
    run.add(CheckStep.BUSINESS_ACCOUNT)


async def check_webhook_subscription(run: CheckRun) -> None:
    assert run.graph is not None
    if run.failed(CheckStep.BUSINESS_ACCOUNT):
        run.add(CheckStep.WEBHOOK_SUBSCRIPTION, skipped=True)
        return
    try:
        apps = await run.graph.subscribed_apps(run.settings.waba_id)
    except GraphError as exc:
        graph_failure(
            run,
            CheckStep.WEBHOOK_SUBSCRIPTION,
            exc,
            id_setting="WHATSAPP_WABA_ID",
            permission="whatsapp_business_management",
        )
        return
    app_id = run.settings.app_id
    subscribed = bool(apps) and (not app_id or app_id in subscribed_app_ids(apps))
    run.add(CheckStep.WEBHOOK_SUBSCRIPTION, None if subscribed else CheckProblem.NOT_SUBSCRIBED)


def is_loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return host == "localhost"


async def check_public_url(run: CheckRun) -> None:
    """The public URL answers over HTTPS with a valid certificate, and it is this relay that answers.

    A one-time nonce goes into the database; /healthz?nonce= says whether it matches, so another
    server at that address (an old relay, a parking page) cannot pass for this one.
    """
    url = run.settings.public_url
    parts = urlsplit(url)
    plain_ok = run.allow_plain_http_loopback and parts.scheme == "http" and is_loopback(parts.hostname or "")
    if parts.scheme != "https" and not plain_ok:
        run.add(CheckStep.PUBLIC_URL, CheckProblem.NOT_HTTPS, url=url)
        return
    nonce = secrets.token_urlsafe(16)
    try:
        await asyncio.to_thread(run.store.kv.put, NONCE_PREFIX + nonce, run.clock().isoformat())
    except Exception as exc:  # the database line says what is wrong with storage
        log.warning("check: cannot store the nonce: %s", type(exc).__name__)
        run.add(
            CheckStep.PUBLIC_URL,
            skipped=True,
            message="Not checked: the relay cannot write its database (see the database line).",
        )
        return
    try:
        async with httpx.AsyncClient(timeout=PUBLIC_URL_TIMEOUT, follow_redirects=False) as client:
            response = await client.get(f"{url}/healthz", params={"nonce": nonce})
    except httpx.HTTPError as exc:
        if _certificate_problem(exc):
            run.add(CheckStep.PUBLIC_URL, CheckProblem.CERTIFICATE_INVALID, url=url, detail=_detail(exc))
        else:
            run.add(CheckStep.PUBLIC_URL, CheckProblem.PUBLIC_URL_UNREACHABLE, url=url, detail=_detail(exc))
        return
    finally:
        await asyncio.to_thread(run.store.kv.delete, NONCE_PREFIX + nonce)
    try:
        matched = response.status_code == 200 and response.json().get("nonce") == "match"
    except (ValueError, AttributeError):
        matched = False
    run.add(CheckStep.PUBLIC_URL, None if matched else CheckProblem.OTHER_SERVER, url=url)


def _certificate_problem(exc: BaseException) -> bool:
    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, ssl.SSLCertVerificationError) or "CERTIFICATE_VERIFY_FAILED" in str(seen):
            return True
        seen = seen.__cause__ or seen.__context__
    return False


def _detail(exc: BaseException) -> str:
    text = str(exc) or type(exc).__name__
    return text[:300]


async def check_webhook_verified(run: CheckRun) -> None:
    """Meta's handshake (GET /webhook with the right verify token) reached this relay at least once.

    A relay that already stores Meta's webhooks passes too: deliveries prove the callback works.
    """
    callback = f"{run.settings.public_url}/webhook"
    verified, refused, delivered = await asyncio.to_thread(_webhook_evidence, run.store)
    if verified or delivered:
        run.add(CheckStep.WEBHOOK_VERIFIED, callback_url=callback)
    elif refused:
        run.add(CheckStep.WEBHOOK_VERIFIED, CheckProblem.VERIFY_TOKEN_MISMATCH, callback_url=callback)
    else:
        run.add(CheckStep.WEBHOOK_VERIFIED, CheckProblem.WEBHOOK_NEVER_VERIFIED, callback_url=callback)


def _webhook_evidence(store: Store) -> tuple[bool, bool, bool]:
    delivered = store.events.has_any(("message", "status"))
    return bool(store.kv.get(VERIFIED_KEY)), bool(store.kv.get(VERIFY_REFUSED_KEY)), delivered


async def check_database(run: CheckRun) -> None:
    try:
        await asyncio.to_thread(run.store.kv.put, WRITE_PROBE_KEY, run.clock().isoformat())
    except Exception as exc:  # any storage failure is this line's finding, not a crash of the check
        cause = storage_cause(exc)
        log.warning("check: database write failed: cause=%s error=%s", cause, type(exc).__name__)
        if cause == "disk_full" and run.store.is_sqlite:
            # The file's own disk: say it is full and where, not "permissions or free space".
            where = data_folder(run.settings)
            free_mb = shutil.disk_usage(where).free // (1024 * 1024)
            run.add(CheckStep.DATABASE, CheckProblem.DISK_LOW, free_mb=str(free_mb), path=str(where))
            return
        run.add(CheckStep.DATABASE, CheckProblem.DATABASE_NOT_WRITABLE, detail=cause)
        return
    media = run.settings.resolved_media_dir()
    refused = await asyncio.to_thread(_write_refused, media)
    if refused:
        log.warning("check: media folder not writable: path=%s error=%s", media, refused)
        run.add(CheckStep.DATABASE, CheckProblem.MEDIA_NOT_WRITABLE, path=str(media), detail=refused)
        return
    where = data_folder(run.settings)
    free_mb = shutil.disk_usage(where).free // (1024 * 1024)
    if free_mb < run.settings.min_free_disk_mb:
        run.add(CheckStep.DATABASE, CheckProblem.DISK_LOW, free_mb=str(free_mb), path=str(where))
    else:
        run.add(CheckStep.DATABASE, free_mb=str(free_mb), path=str(where))


def _write_refused(folder: Path) -> str | None:
    """None when a small file can be made and removed in `folder`, else the error's name.

    A volume Docker mounted where the image has no folder is root's: the relay starts, and only
    the first customer photo fails.
    """
    # Not made here: a check run as root would leave it root's. The relay makes it at start, in
    # the nearest folder that exists, so that one is tried instead.
    while not folder.is_dir() and folder != folder.parent:
        if folder.exists():  # a file where the folder should be
            return "NotADirectoryError"
        folder = folder.parent
    probe = folder / f".check-{secrets.token_hex(8)}"
    try:
        probe.write_bytes(b"check")
        probe.unlink()
    except OSError as exc:
        return type(exc).__name__
    return None


def data_folder(settings: RelaySettings) -> Path:
    """Where the relay writes: the SQLite file's folder, else the media folder (PostgreSQL)."""
    url = settings.database_url
    if url.startswith("sqlite:///") and url != "sqlite:///:memory:":
        folder = Path(url.removeprefix("sqlite:///")).resolve().parent
    else:
        folder = settings.resolved_media_dir()
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    return folder


def check_clock(run: CheckRun) -> None:
    assert run.graph_date is not None and run.graph_date_seen_at is not None
    offset = (run.graph_date_seen_at - run.graph_date).total_seconds()
    if abs(offset) > CLOCK_TOLERANCE_SECONDS:
        run.add(CheckStep.CLOCK, CheckProblem.CLOCK_OFF, seconds=str(round(offset)))
    else:
        run.add(CheckStep.CLOCK, seconds=str(round(offset)))


def _text(value: object) -> str | None:
    return None if value is None else str(value)


def graph_for(settings: RelaySettings) -> GraphAccount | None:
    """Graph for the cloud upstream (even with settings missing: the steps say so); None in the sandbox."""
    if settings.upstream == "sandbox":
        return None
    timeout = min(settings.graph_timeout, GRAPH_TIMEOUT)
    return GraphAccount(settings.graph_url, settings.access_token, timeout=timeout)


async def check_relay(settings: RelaySettings, store: Store) -> CheckReport:
    """The whole check with Graph from the settings (the route and the command both call this)."""
    graph = graph_for(settings)
    try:
        return await run_check(
            CheckRun(settings, store, graph, allow_plain_http_loopback=settings.check_plain_http_loopback)
        )
    finally:
        if graph is not None:
            await graph.aclose()


async def record_handshake(store: Store, *, verified: bool) -> None:
    """Remember Meta's verification handshake for the check.

    A refusal never clears an earlier success: anyone can call GET /webhook with a wrong token.
    """
    key = VERIFIED_KEY if verified else VERIFY_REFUSED_KEY
    await asyncio.to_thread(_mark_once, store, key, datetime.now(UTC).isoformat())


def _mark_once(store: Store, key: str, value: str) -> None:
    if not store.kv.get(key):
        store.kv.put(key, value)
