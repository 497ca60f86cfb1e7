"""The relay's ASGI app: the Relay's lifespan and its routers (webhook, events, messages, media…)."""

from __future__ import annotations

import asyncio
import contextlib
import importlib.util
import logging
import math
from collections.abc import AsyncIterator
from typing import Any

from fastapi import Depends, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse, Response
from sqlalchemy.exc import SQLAlchemyError
from starlette.exceptions import HTTPException
from starlette.routing import Match

from app.wire import RelayErrorCode
from relay import log_redaction, worker_process
from relay.address_cap import AddressCap
from relay.bodies import HEAD_MAX_BYTES, BodyTimeout, BodyTooLarge
from relay.errors import error, storage_conflict_error, storage_error
from relay.request_storage import RequestStorageFailures, StorageWatch
from relay.routes import (
    automations,
    blocks,
    bot,
    campaigns,
    check,
    events,
    health,
    media,
    messages,
    orders,
    webhook,
)
from relay.routes.deps import HeldOff, Unauthorised, authorised
from relay.service import Relay, relay_version, stored_token
from relay.settings import RelaySettings
from relay.storage.encoding import DatabaseNotUtf8
from relay.store import Store, answered_cause, storage_cause, storage_conflict
from relay.upstream import Upstream

log = logging.getLogger(__name__)


def _http_protocol() -> type[asyncio.Protocol] | str:
    """uvicorn's httptools protocol held to a deadline and a size cap for a request's head
    (relay/http_protocol.py): what a deployed relay runs, `uvicorn[standard]` bringing httptools.
    The desktop's build has no httptools; its demo relay, on loopback only, runs h11, whose own
    size cap binds (h11_max_incomplete_event_size)."""
    if importlib.util.find_spec("httptools") is None:
        return "h11"
    from relay.http_protocol import HeadLimitedProtocol

    return HeadLimitedProtocol


# Served by uvicorn (`shop-inbox-relay serve`, the tests and the demo): above the 500 long polls
# a relay must hold at once, below what would exhaust the process; idle keep-alive connections
# are closed after a few seconds; a request's head has HEAD_TIMEOUT and HEAD_MAX_BYTES, so a
# relay with nothing in front still sheds slow and bloated clients (the reverse proxy in front
# sets the same, and per-address connection caps: docs/relay.md).
SERVER_OPTIONS: dict[str, Any] = {
    "limit_concurrency": 1000,
    "timeout_keep_alive": 5,
    "h11_max_incomplete_event_size": HEAD_MAX_BYTES,  # request line + headers
    "http": _http_protocol(),
    # On every answer, at no cost per request (uvicorn writes them with its Date): the relay's
    # answers carry customers' messages, so no cache (a proxy's or a browser's) keeps them; none is
    # a page to sniff, frame or leave a Referer from; and no `server: uvicorn` to aim an attack with.
    "server_header": False,
    "headers": [
        ("Cache-Control", "no-store"),
        ("X-Content-Type-Options", "nosniff"),
        ("X-Frame-Options", "DENY"),
        ("Referrer-Policy", "no-referrer"),
    ],
}


# A RELAY_CLIENT_TOKEN shorter than this is said at start: the relay's own are 43 characters
# (secrets.token_urlsafe(32)), and a setup-written one as long.
SHORT_TOKEN = 32


def app_from_env() -> FastAPI:
    """The relay from the environment alone: `uvicorn --factory relay.server:app_from_env --workers N`.

    Runs in each worker process, which starts as a fresh interpreter: set up its logging there, and
    its exit should the supervisor that spawned it die. What is wrong with the settings the
    supervisor said once before it spawned any (`say_before_workers`): not again in every worker,
    nor in one started again after a crash.
    """
    worker_process.configure_logging(say_unknown_level=False)
    worker_process.exit_with_supervisor()
    settings = RelaySettings.from_env()
    return worker_process.built_once_storage_answers(
        lambda: create_app(settings, wait_for_storage=True, supervised=True)
    )


def say_before_workers(settings: RelaySettings) -> None:
    """`serve --workers N`, before it spawns them: the start's notices about the token, said once
    for every worker (each worker's own start is silent about them)."""
    warn_of_a_short_token(settings)
    if not settings.client_token:
        store = Store(settings.database_url, pool_size=1)
        try:
            stored_token(store)  # says a token row that is not text
        finally:
            store.close()


def warn_of_a_short_token(settings: RelaySettings) -> None:
    if settings.upstream == "cloud" and settings.client_token and len(settings.client_token) < SHORT_TOKEN:
        # Whoever guesses it reads every customer's messages; 20 wrong guesses hold an address off
        # (relay/wrong_tokens.py), but many addresses can still try a short one. Never the token.
        # (A sandbox's customers are invented: the demo's fixed token says nothing.)
        log.warning(
            "RELAY_CLIENT_TOKEN is only %d characters: make a longer one with "
            "python3 -c 'import secrets; print(secrets.token_urlsafe(32))', put it in its place and "
            "paste it in each desktop's Settings",
            len(settings.client_token),
        )


def create_app(
    settings: RelaySettings,
    upstream: Upstream | None = None,
    *,
    wait_for_storage: bool = False,
    supervised: bool = False,
) -> FastAPI:
    """The relay as an ASGI app (uvicorn serves it; the demo embeds it).

    `wait_for_storage`: `serve` (a worker of `serve --workers N`, or `serve` alone), whose start
    waits for a database that is away (a worker's siblings serve meanwhile) instead of failing,
    which uvicorn's supervisor takes for a worker that can never start, and stops `serve`; a
    `serve` alone ended with a traceback and status 3 over an outage of seconds after its checks.
    The demo and the tests fail their start at once. `supervised`: a worker of `serve --workers N`,
    whose supervisor said the token's notices (`say_before_workers`)."""
    settings.check()
    log_redaction.install()
    if not supervised:
        warn_of_a_short_token(settings)
    relay = Relay(settings, upstream, supervised=supervised)

    @contextlib.asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        if wait_for_storage:
            await worker_process.opened_once_storage_answers(relay.open_storage)
        await relay.start()
        worker_process.answer_long_polls_on_stop(relay)
        try:
            yield
        finally:
            await relay.stop()

    public = settings.docs_public  # RELAY_DOCS=1
    app = FastAPI(
        title="Shop Inbox relay",
        version=relay_version(),
        lifespan=lifespan,
        openapi_url="/openapi.json" if public else None,
        docs_url="/docs" if public else None,
        redoc_url="/redoc" if public else None,
        # The relay exports no traces, metrics or logs to OpenTelemetry: without this, FastAPI
        # asks the global providers whether it should, on every request.
        telemetry={"tracing": False, "metrics": False, "logs": False},
        # No 307 to the address without its trailing slash: Meta never follows one for a webhook
        # (its messages would be lost), and a POST's redirect is no one's wish. The webhook answers
        # on both; any other address says plainly which one it means (the 404 below).
        redirect_slashes=False,
    )
    app.state.relay = relay
    if not public:

        @app.get("/openapi.json", include_in_schema=False, dependencies=[Depends(authorised)])
        async def openapi() -> JSONResponse:
            """The contract, for a client holding the token (the HTML pages need RELAY_DOCS=1)."""
            return JSONResponse(app.openapi())

    @app.exception_handler(Unauthorised)
    async def _unauthorised(_request: Request, _exc: Unauthorised) -> JSONResponse:
        return error(401, RelayErrorCode.UNAUTHORISED, "The relay token is missing or wrong.")

    @app.exception_handler(HeldOff)
    async def _held_off(_request: Request, exc: HeldOff) -> JSONResponse:
        seconds = math.ceil(exc.seconds)
        response = error(
            429,
            RelayErrorCode.TOO_MANY_ATTEMPTS,
            f"Too many wrong relay tokens came from this address; try again in {seconds} s.",
            retryable=True,
            params={"retry_after": seconds},
        )
        response.headers["Retry-After"] = str(seconds)
        return response

    # FastAPI's own answers (a query parameter that is not a number, a path or method the relay does
    # not have) carry `{"detail": ...}`; the contract is one error envelope for every error.
    @app.exception_handler(RequestValidationError)
    async def _invalid_request(_request: Request, exc: RequestValidationError) -> JSONResponse:
        problems = exc.errors()
        at = ".".join(str(part) for part in problems[0].get("loc", ())) if problems else ""
        return error(400, RelayErrorCode.INVALID, f"The request is not valid at {at}.", params={"at": at})

    def _route_without_slash(request: Request) -> str | None:
        """The address asked for less its trailing slash, when the relay serves that one."""
        path = request.url.path
        if not path.endswith("/") or path == "/":
            return None
        bare = path.rstrip("/")
        scope = {**request.scope, "path": bare}
        served = any(route.matches(scope)[0] == Match.FULL for route in app.router.routes)
        return bare if served else None

    @app.exception_handler(HTTPException)
    async def _http_error(request: Request, exc: HTTPException) -> Response:
        bare = _route_without_slash(request) if exc.status_code == 404 else None
        if bare is not None and request.method in ("GET", "HEAD"):
            # A read is safe to send on: an uptime monitor or a browser set up with `/healthz/`
            # follows it, as before redirect_slashes was turned off. A relative address: the Host
            # header is the client's to write, so an absolute one could send it anywhere.
            query = request.url.query
            return RedirectResponse(f"{bare}?{query}" if query else bare, status_code=307)
        if bare is not None:  # a write sent on is lost on a client that does not follow: refused
            message = f"The relay's addresses end without a slash: {bare}"
            response = error(404, RelayErrorCode.NOT_FOUND, message, params={"path": bare})
        elif exc.status_code == 404:
            response = error(404, RelayErrorCode.NOT_FOUND, "The relay has no such address.")
        elif exc.status_code == 405:
            message = f"This address does not take {request.method}."
            response = error(405, RelayErrorCode.INVALID, message, params={"method": request.method})
        else:
            response = error(exc.status_code, RelayErrorCode.INVALID, "The relay cannot take this request.")
        response.headers.update(exc.headers or {})
        return response

    storage_failures = RequestStorageFailures(relay.store.db.engine)

    @app.exception_handler(SQLAlchemyError)
    async def _storage_failed(_request: Request, exc: SQLAlchemyError) -> JSONResponse:
        # A database away for an hour: one line for the streak, not one a request (StorageWatch).
        if storage_failures.failed(exc):
            if storage_conflict(exc):
                # Met a row another worker wrote at the same moment: the same request again goes.
                return storage_conflict_error("The relay could not store this; ask again.")
            # Its cause (a database locked, unreachable, out of connections…) for the desktop's
            # sentence: only the wire's fixed words, never the database's own text.
            return storage_error("The relay's storage is unavailable right now.", answered_cause(exc))
        return error(500, RelayErrorCode.UNKNOWN, "The relay could not answer this request.")

    @app.exception_handler(DatabaseNotUtf8)
    async def _database_not_utf8(_request: Request, exc: DatabaseNotUtf8) -> JSONResponse:
        # The operator's line (the cause and the fix) is logged once per streak by storage_cause;
        # each answer is the uvicorn access line's 503.
        cause = storage_cause(exc)
        message = "The relay's database is not in UTF8; the relay takes it up again once it is."
        return error(503, RelayErrorCode.DATABASE_UNUSABLE, message, retryable=True, params={"cause": cause})

    @app.exception_handler(BodyTimeout)
    async def _body_timeout(_request: Request, _exc: BodyTimeout) -> JSONResponse:
        log.info("request body too slow: status=408")
        # Not retryable as is: the client sent its body too slowly, and the connection is closed.
        response = error(408, RelayErrorCode.BODY_TIMEOUT, "The request body arrived too slowly.")
        response.headers["Connection"] = "close"
        return response

    @app.exception_handler(BodyTooLarge)
    async def _body_too_large(_request: Request, exc: BodyTooLarge) -> JSONResponse:
        response = error(
            413, RelayErrorCode.TOO_LARGE, "The request body is too large.", params={"limit": exc.limit}
        )
        response.headers["Connection"] = "close"
        return response

    for module in (
        health,
        webhook,
        events,
        messages,
        media,
        automations,
        bot,
        blocks,
        check,
        orders,
        campaigns,
    ):
        app.include_router(module.router)
    # First: Meta's webhooks are most of the traffic.
    app.router.routes[0:0] = webhook.fast_routes
    app.add_middleware(StorageWatch, failures=storage_failures)
    app.add_middleware(AddressCap, relay=relay)
    return app
