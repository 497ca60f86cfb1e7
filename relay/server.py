"""The relay's ASGI app: the Relay's lifespan and its routers (webhook, events, messages, media…)."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

from app.wire import RelayErrorCode
from relay import log_redaction
from relay.errors import error
from relay.routes import automations, events, health, media, messages, webhook
from relay.routes.deps import Unauthorised
from relay.service import Relay, relay_version
from relay.settings import RelaySettings
from relay.upstream import Upstream


def app_from_env() -> FastAPI:
    """The relay from the environment alone: `uvicorn --factory relay.server:app_from_env --workers N`."""
    return create_app(RelaySettings.from_env())


def create_app(settings: RelaySettings, upstream: Upstream | None = None) -> FastAPI:
    """The relay as an ASGI app (uvicorn serves it; the demo embeds it)."""
    settings.check()
    log_redaction.install()
    relay = Relay(settings, upstream)

    @contextlib.asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        await relay.start()
        try:
            yield
        finally:
            await relay.stop()

    app = FastAPI(title="Shop Inbox relay", version=relay_version(), lifespan=lifespan)
    app.state.relay = relay

    @app.exception_handler(Unauthorised)
    async def _unauthorised(_request: Request, _exc: Unauthorised) -> JSONResponse:
        return error(401, RelayErrorCode.UNAUTHORISED, "The relay token is missing or wrong.")

    for module in (health, webhook, events, messages, media, automations):
        app.include_router(module.router)
    return app
