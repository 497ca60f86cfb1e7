"""A local fake of Meta's Graph API for tests: sends, scripted errors and 429s, expiring media URLs."""

from __future__ import annotations

import asyncio
import itertools
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, Response

from tests.support.servers import serve_in_thread

ACCESS_TOKEN = "fake-graph-access-token"


def graph_error(status: int, code: int, message: str, subcode: int | None = None) -> dict[str, Any]:
    """Graph's documented error shape."""
    body: dict[str, Any] = {
        "message": message,
        "type": "OAuthException",
        "code": code,
        "fbtrace_id": "AbCdEf123",
    }
    if subcode is not None:
        body["error_subcode"] = subcode
    return {"status": status, "body": {"error": body}}


@dataclass
class FakeGraph:
    url: str = ""
    sent: list[dict[str, Any]] = field(default_factory=list)
    read_receipts: list[str] = field(default_factory=list)
    read_receipt_numbers: list[str] = field(default_factory=list)  # the phone-id each was sent from
    sent_from: list[str] = field(default_factory=list)  # the phone-id of each entry of `sent`
    # Scripted answers for the next sends: graph_error(...) dicts or {"hang": seconds}.
    script: list[dict[str, Any]] = field(default_factory=list)
    media: dict[str, tuple[bytes, str]] = field(default_factory=dict)
    media_url_ttl: float = 300.0
    media_lookups: dict[str, int] = field(default_factory=dict)
    templates: list[dict[str, Any]] = field(default_factory=list)
    # Set whenever a send reaches the fake (tests wait on it instead of sleeping).
    arrived: threading.Event = field(default_factory=threading.Event)
    # Every POST /{phone-id}/messages that reached the fake, scripted failures included.
    send_calls: int = 0
    _ids: Iterator[int] = field(default_factory=lambda: itertools.count(1))
    _issued: dict[str, tuple[str, float]] = field(default_factory=dict)

    def add_media(self, media_id: str, data: bytes, mime: str = "image/jpeg") -> None:
        self.media[media_id] = (data, mime)

    def app(self) -> FastAPI:
        app = FastAPI()

        def authorised(request: Request) -> bool:
            return request.headers.get("authorization") == f"Bearer {ACCESS_TOKEN}"

        @app.post("/{phone_id}/messages")
        async def messages(phone_id: str, request: Request) -> Response:
            if not authorised(request):
                return JSONResponse(
                    graph_error(401, 190, "Invalid OAuth access token.")["body"], status_code=401
                )
            body = await request.json()
            self.arrived.set()
            if body.get("status") != "read":
                self.send_calls += 1
            if body.get("status") == "read":
                self.read_receipts.append(body.get("message_id"))
                self.read_receipt_numbers.append(phone_id)
                return JSONResponse({"success": True})
            if self.script:
                step = self.script.pop(0)
                if "hang" in step:
                    await asyncio.sleep(step["hang"])
                    self.sent.append(body)  # it did arrive, the answer was lost
                    self.sent_from.append(phone_id)
                    return JSONResponse({"messages": [{"id": f"wamid.LATE{next(self._ids)}"}]})
                return JSONResponse(step["body"], status_code=step["status"])
            self.sent.append(body)
            self.sent_from.append(phone_id)
            wamid = f"wamid.FAKE{next(self._ids):08d}"
            return JSONResponse(
                {
                    "messaging_product": "whatsapp",
                    "contacts": [{"input": body.get("to"), "wa_id": body.get("to")}],
                    "messages": [{"id": wamid}],
                }
            )

        @app.post("/{phone_id}/media")
        async def upload(phone_id: str, request: Request) -> Response:
            form = await request.form()
            upload = form["file"]
            data = await upload.read()  # type: ignore[union-attr]
            media_id = f"{9 * 10**14 + next(self._ids)}"  # Graph's media ids are digits
            self.media[media_id] = (data, str(form.get("type") or "application/octet-stream"))
            return JSONResponse({"id": media_id})

        @app.get("/download/{token}")
        async def download(token: str, request: Request) -> Response:
            if not authorised(request):
                return JSONResponse(
                    graph_error(401, 190, "Invalid OAuth access token.")["body"], status_code=401
                )
            issued = self._issued.get(token)
            if issued is None or time.monotonic() > issued[1]:
                return JSONResponse(graph_error(404, 100, "URL expired")["body"], status_code=404)
            data, mime = self.media[issued[0]]
            return Response(data, media_type=mime)

        @app.get("/{waba_id}/message_templates")
        async def templates(waba_id: str) -> Response:
            return JSONResponse({"data": self.templates, "paging": {}})

        @app.get("/{media_id}")
        async def media_info(media_id: str, request: Request) -> Response:
            if not authorised(request):
                return JSONResponse(
                    graph_error(401, 190, "Invalid OAuth access token.")["body"], status_code=401
                )
            if media_id not in self.media:
                return JSONResponse(
                    graph_error(400, 100, "Unsupported get request.")["body"], status_code=400
                )
            self.media_lookups[media_id] = self.media_lookups.get(media_id, 0) + 1
            token = f"t{next(self._ids)}"
            self._issued[token] = (media_id, time.monotonic() + self.media_url_ttl)
            data, mime = self.media[media_id]
            return JSONResponse(
                {
                    "messaging_product": "whatsapp",
                    "url": f"{self.url}/download/{token}",
                    "mime_type": mime,
                    "file_size": len(data),
                    "id": media_id,
                }
            )

        return app


@contextmanager
def run_fake_graph() -> Iterator[FakeGraph]:
    """The fake Graph on a free loopback port; `.url` is its versioned base URL."""
    fake = FakeGraph()
    with serve_in_thread(fake.app()) as url:
        fake.url = url
        yield fake
