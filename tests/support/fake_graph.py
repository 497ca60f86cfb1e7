"""A local fake of Meta's Graph API for tests: sends, errors, media URLs, the account and webhook edges."""

from __future__ import annotations

import asyncio
import base64
import hashlib
import hmac
import itertools
import json
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from typing import Any

import httpx
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, Response

from tests.support.servers import ThreadedServer, serve_in_thread

ACCESS_TOKEN = "fake-graph-access-token"
PHONE_NUMBER_ID = "106540352242922"
WABA_ID = "102290129340398"
APP_ID = "1234567890123"
APP_SECRET = "test-app-secret"
MANAGEMENT = "whatsapp_business_management"
MESSAGING = "whatsapp_business_messaging"


def unknown_id(object_id: str) -> dict[str, Any]:
    """Graph's documented answer for an id it does not know (or may not show): code 100, subcode 33."""
    return graph_error(
        400,
        100,
        f"Unsupported get request. Object with ID '{object_id}' does not exist, cannot be loaded due to "
        "missing permissions, or does not support this operation.",
        subcode=33,
    )


def expired_token() -> dict[str, Any]:
    return graph_error(401, 190, "Error validating access token: Session has expired.", subcode=463)


def missing_permission(code: int = 200) -> dict[str, Any]:
    return graph_error(403, code, f"(#{code}) Requires {MANAGEMENT} permission to manage the object")


def graph_error(
    status: int, code: int, message: str, subcode: int | None = None, details: str | None = None
) -> dict[str, Any]:
    """Graph's documented error shape (`details`: the Cloud API's `error_data.details`)."""
    body: dict[str, Any] = {
        "message": message,
        "type": "OAuthException",
        "code": code,
        "fbtrace_id": "AbCdEf123",
    }
    if details is not None:
        body["error_data"] = {"messaging_product": "whatsapp", "details": details}
    if subcode is not None:
        body["error_subcode"] = subcode
    return {"status": status, "body": {"error": body}}


def realistic_wamid(phone: str, serial: int) -> str:
    """A wamid as Meta makes them: base64 of bytes that carry the customer's phone number in clear
    (its base64 shows in every wamid for that number) and a message id."""
    digits = phone.encode()
    raw = b"\x1c\x18" + bytes([len(digits)]) + digits + b"\x15\x02\x00\x11\x18\x12"
    return "wamid." + base64.b64encode(raw + f"{serial:018X}".encode() + b"\x00").decode()


def re_engagement() -> dict[str, Any]:
    """The Cloud API's answer to a free-form message after the customer-service window closed."""
    return graph_error(
        400,
        131047,
        "(#131047) Re-engagement message",
        details="Message failed to send because more than 24 hours have passed since the customer "
        "last replied to this number.",
    )


# Graph's `error_data.details` for each cause of 131053 "Media upload error" (as developers quote them).
MEDIA_FETCH_DETAILS = "Downloading media from weblink failed with http code 404, status message Not Found"
MEDIA_SIZE_DETAILS = "Media file size too big. Max file size we currently support: 5MB."
MEDIA_TYPE_DETAILS = "Media type image/heic is not supported."


def media_upload_error(details: str) -> dict[str, Any]:
    """Graph's answer to a media send it could not take (131053), `details` saying why."""
    return graph_error(400, 131053, "(#131053) Media upload error", details=details)


# What Graph's media upload takes, in the order its refusal lists them (Meta's "Supported media
# types"; the message as developers quote it). Kept apart from app/wire.py on purpose: the fake is Graph.
GRAPH_UPLOAD_LIST = (
    "audio/aac, audio/mp4, audio/mpeg, audio/amr, audio/ogg, audio/opus, application/vnd.ms-powerpoint, "
    "application/msword, application/vnd.openxmlformats-officedocument.wordprocessingml.document, "
    "application/vnd.openxmlformats-officedocument.presentationml.presentation, "
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet, application/pdf, text/plain, "
    "application/vnd.ms-excel, image/jpeg, image/png, image/webp, video/mp4, video/3gpp"
)
GRAPH_UPLOAD_TYPES = tuple(GRAPH_UPLOAD_LIST.split(", "))


def unsupported_upload(mime: str) -> dict[str, Any]:
    """Graph's answer to a media upload of a type it does not take: HTTP 400, code 100."""
    return graph_error(
        400,
        100,
        f"(#100) Param file must be a file with one of the following types: {GRAPH_UPLOAD_LIST}. "
        f"Received file of type '{mime}'.",
    )


@dataclass
class FakeGraph:
    url: str = ""
    sent: list[dict[str, Any]] = field(default_factory=list)
    read_receipts: list[str] = field(default_factory=list)
    read_receipt_numbers: list[str] = field(default_factory=list)  # the phone-id each was sent from
    sent_from: list[str] = field(default_factory=list)  # the phone-id of each entry of `sent`
    # Scripted answers for the next sends: graph_error(...) dicts or {"hang": seconds}; a step with
    # "until" (a threading.Event) first holds the request until it is set (or "at_most" seconds).
    script: list[dict[str, Any]] = field(default_factory=list)
    media: dict[str, tuple[bytes, str]] = field(default_factory=dict)
    # The types the media upload takes; a test narrows it to play a type Meta stops taking.
    upload_types: set[str] = field(default_factory=lambda: set(GRAPH_UPLOAD_TYPES))
    # The file name each upload's multipart part carried, by the media id it got.
    upload_names: dict[str, str] = field(default_factory=dict)
    # Called (in a thread) with each upload's media id once Graph holds the file, before it answers:
    # a test makes the relay's database fail at that moment.
    on_upload: Callable[[str], object] | None = None
    deleted_media: list[str] = field(default_factory=list)  # DELETE /{media-id} that removed one
    media_url_ttl: float = 300.0
    # A media id here has its download (the file's bytes) held until the event is set (30 s at most).
    hold_downloads: dict[str, threading.Event] = field(default_factory=dict)
    media_lookups: dict[str, int] = field(default_factory=dict)
    templates: list[dict[str, Any]] = field(default_factory=list)
    # Set whenever a send reaches the fake (tests wait on it instead of sleeping).
    arrived: threading.Event = field(default_factory=threading.Event)
    # Every POST /{phone-id}/messages that reached the fake, scripted failures included.
    send_calls: int = 0
    # The business account: its numbers (fields as GET /{phone-number-id} answers them), the apps
    # subscribed to its webhooks, the token's permissions, and the app's webhook subscriptions.
    numbers: dict[str, dict[str, Any]] = field(
        default_factory=lambda: {
            PHONE_NUMBER_ID: {
                "display_phone_number": "+82 10-5555-0100",
                "verified_name": "Seoul Flower Shop",
                "quality_rating": "GREEN",
                "status": "CONNECTED",
                "name_status": "APPROVED",
                "platform_type": "CLOUD_API",
                "whatsapp_business_manager_messaging_limit": "TIER_2K",
            }
        }
    )
    waba_id: str = WABA_ID
    foreign_numbers: set[str] = field(default_factory=set)  # in `numbers`, not in this WABA's listing
    subscribed_app_ids: list[str] = field(default_factory=list)
    permissions: set[str] = field(default_factory=lambda: {MANAGEMENT, MESSAGING})
    permission_error_code: int = 200  # Graph answers 200 or 10 for a missing permission
    token_expired: bool = False
    account_error: dict[str, Any] | None = None  # a graph_error(...) every account edge answers
    app_subscriptions: list[dict[str, Any]] = field(default_factory=list)
    # A public https:// base that the fake's webhook verification reaches at a loopback address,
    # as DNS would send Meta to the shop's server: {"https://relay.shop.test": "http://127.0.0.1:…"}.
    resolve: dict[str, str] = field(default_factory=dict)
    clock_offset: timedelta = timedelta(0)  # Graph's Date header runs this far from ours
    date_without_zone: bool = False  # the Date header says "-0000" (as a proxy in between may write it)
    # Every account and webhook call: (method, path, form or query).
    account_calls: list[tuple[str, str, dict[str, str]]] = field(default_factory=list)
    # WhatsApp's block list (POST/DELETE /{phone-id}/block_users); Meta blocks only customers who
    # wrote in the last 24 hours: numbers in `block_refused` get its 139100 answer.
    blocked: set[str] = field(default_factory=set)
    block_refused: set[str] = field(default_factory=set)
    # Late failures: a send to one of these numbers is answered with a wamid as usual, then Graph
    # reports it `failed` with this code (131049, 131050, 130472, 131026…) in a status webhook
    # signed with APP_SECRET and posted to `webhook_url` (the relay's /webhook), as Meta does; a
    # (code, details) pair adds the error's `error_data.details` (131053's MEDIA_*_DETAILS).
    late_failures: dict[str, int | tuple[int, str]] = field(default_factory=dict)
    webhook_url: str = ""
    # Throughput: more sends than this in any second are answered 429 with code 130429 (not sent).
    throughput: float | None = None
    throttled: int = 0  # sends answered 429 for throughput
    sent_times: list[float] = field(default_factory=list)  # time.monotonic() of each accepted send
    # Template pacing: a template named here goes out normally for that many sends, then Meta holds
    # the rest (answered with message_status held_for_quality_assessment) until `release_held`.
    # Held sends are in `sent` too: they reached Graph.
    paced: dict[str, int] = field(default_factory=dict)
    # Template versions Graph refuses to send, (name, language code) → its code: 132015 (paused for
    # low quality), 132016 (disabled) or 132001 (no approved version in that language). Answered 400
    # at once, nothing sent, as Meta does.
    refused_templates: dict[tuple[str, str], int] = field(default_factory=dict)
    held: list[tuple[str, dict[str, Any], str]] = field(default_factory=list)  # (phone id, body, wamid)
    # Customers whose 24-hour window is closed, as Meta knows it (whatever the relay saw): a
    # free-form message to one is refused with 131047 (nothing sent); a template still goes.
    closed_windows: set[str] = field(default_factory=set)
    # The window is per business number: (phone id, customer) pairs closed on that number only.
    closed_number_windows: set[tuple[str, str]] = field(default_factory=set)
    realistic_wamids: bool = False  # answer sends with realistic_wamid(...) instead of wamid.FAKE…
    _window: list[float] = field(default_factory=list)
    _posting: set[asyncio.Task[Any]] = field(default_factory=set)
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
            if self.token_expired:
                self.send_calls += 1
                return answer(expired_token())
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
                if "until" in step:
                    await asyncio.to_thread(step["until"].wait, step.get("at_most", 15.0))
                if "hang" in step:
                    await asyncio.sleep(step["hang"])
                    self.sent.append(body)  # it did arrive, the answer was lost
                    self.sent_from.append(phone_id)
                    return JSONResponse({"messages": [{"id": f"wamid.LATE{next(self._ids)}"}]})
                return JSONResponse(step["body"], status_code=step["status"])
            to = str(body.get("to"))
            if body.get("type", "text") != "template" and (
                to in self.closed_windows or (phone_id, to) in self.closed_number_windows
            ):
                problem = re_engagement()
                return JSONResponse(problem["body"], status_code=problem["status"])
            if body.get("type") == "template":
                version = (
                    body["template"].get("name", ""),
                    body["template"].get("language", {}).get("code", ""),
                )
                refused = self.refused_templates.get(version)
                if refused is not None:
                    why = {132015: "Template is paused", 132016: "Template is disabled"}
                    problem = graph_error(
                        400, refused, why.get(refused, "Template name does not exist in the translation")
                    )
                    return JSONResponse(problem["body"], status_code=400)
            if self._over_throughput():
                self.throttled += 1
                return JSONResponse(graph_error(429, 130429, "Rate limit hit")["body"], status_code=429)
            self.sent.append(body)
            self.sent_from.append(phone_id)
            self.sent_times.append(time.monotonic())
            serial = next(self._ids)
            wamid = (
                realistic_wamid(str(body.get("to")), serial)
                if self.realistic_wamids
                else f"wamid.FAKE{serial:08d}"
            )
            template = body.get("template", {}).get("name") if body.get("type") == "template" else None
            if template in self.paced:
                if self.paced[template] <= 0:
                    self.held.append((phone_id, body, wamid))
                    return JSONResponse(
                        {
                            "messaging_product": "whatsapp",
                            "contacts": [{"input": body.get("to"), "wa_id": body.get("to")}],
                            "messages": [{"id": wamid, "message_status": "held_for_quality_assessment"}],
                        }
                    )
                self.paced[template] -= 1
            code = self.late_failures.get(str(body.get("to")))
            if code is not None and self.webhook_url:
                task = asyncio.get_running_loop().create_task(
                    self._report_failed(phone_id, body, wamid, code)
                )
                self._posting.add(task)
                task.add_done_callback(self._posting.discard)
            return JSONResponse(
                {
                    "messaging_product": "whatsapp",
                    "contacts": [{"input": body.get("to"), "wa_id": body.get("to")}],
                    "messages": [{"id": wamid}],
                }
            )

        @app.api_route("/{phone_id}/block_users", methods=["POST", "DELETE"])
        async def block_users(phone_id: str, request: Request) -> Response:
            if not authorised(request):
                return JSONResponse(
                    graph_error(401, 190, "Invalid OAuth access token.")["body"], status_code=401
                )
            body = await request.json()
            users = [str(u.get("user")) for u in body.get("block_users", [])]
            refused = [u for u in users if u in self.block_refused and request.method == "POST"]
            if refused:
                failed = [
                    {
                        "input": u,
                        "errors": [{"message": "User can't be blocked", "code": 139102}],
                    }
                    for u in refused
                ]
                problem = graph_error(400, 139100, "(#139100) Failed to block/unblock users")["body"]
                return JSONResponse({**problem, "block_users": {"failed_users": failed}}, status_code=400)
            if request.method == "POST":
                self.blocked.update(users)
                key = "added_users"
            else:
                self.blocked.difference_update(users)
                key = "removed_users"
            done = [{"input": u, "wa_id": u} for u in users]
            return JSONResponse({"messaging_product": "whatsapp", "block_users": {key: done}})

        @app.post("/{phone_id}/media")
        async def upload(phone_id: str, request: Request) -> Response:
            form = await request.form()
            upload = form["file"]
            data = await upload.read()  # type: ignore[union-attr]
            mime = str(form.get("type") or getattr(upload, "content_type", "") or "application/octet-stream")
            if mime.split(";")[0].strip().lower() not in self.upload_types:
                problem = unsupported_upload(mime)
                return JSONResponse(problem["body"], status_code=problem["status"])
            media_id = f"{9 * 10**14 + next(self._ids)}"  # Graph's media ids are digits
            self.media[media_id] = (data, str(form.get("type") or "application/octet-stream"))
            self.upload_names[media_id] = str(getattr(upload, "filename", "") or "")
            if self.on_upload is not None:
                await asyncio.to_thread(self.on_upload, media_id)
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
            held = self.hold_downloads.get(issued[0])
            if held is not None:
                await asyncio.to_thread(held.wait, 30)
            data, mime = self.media[issued[0]]
            return Response(data, media_type=mime)

        def answer(scripted: dict[str, Any]) -> Response:
            return JSONResponse(scripted["body"], status_code=scripted["status"], headers=self._date())

        def refused(request: Request, object_id: str, known: bool) -> Response | None:
            """Graph's order: the token, then the id, then the permission."""
            self.account_calls.append((request.method, request.url.path, dict(request.query_params)))
            if self.account_error is not None:
                return answer(self.account_error)
            if self.token_expired or not authorised(request):
                return answer(expired_token())
            if not known:
                return answer(unknown_id(object_id))
            if MANAGEMENT not in self.permissions:
                return answer(missing_permission(self.permission_error_code))
            return None

        @app.get("/{waba_id}/message_templates")
        async def templates(waba_id: str, request: Request) -> Response:
            if (problem := refused(request, waba_id, waba_id == self.waba_id)) is not None:
                return problem
            return JSONResponse({"data": self.templates, "paging": {}}, headers=self._date())

        @app.get("/{waba_id}/phone_numbers")
        async def phone_numbers(waba_id: str, request: Request) -> Response:
            if (problem := refused(request, waba_id, waba_id == self.waba_id)) is not None:
                return problem
            rows = [
                {"id": number_id, **fields}
                for number_id, fields in self.numbers.items()
                if number_id not in self.foreign_numbers
            ]
            return JSONResponse({"data": rows, "paging": {}}, headers=self._date())

        @app.get("/{waba_id}/subscribed_apps")
        async def subscribed_apps(waba_id: str, request: Request) -> Response:
            if (problem := refused(request, waba_id, waba_id == self.waba_id)) is not None:
                return problem
            rows = [
                {"whatsapp_business_api_data": {"id": app_id, "name": "Shop Inbox", "link": ""}}
                for app_id in self.subscribed_app_ids
            ]
            return JSONResponse({"data": rows}, headers=self._date())

        @app.post("/{waba_id}/subscribed_apps")
        async def subscribe_app(waba_id: str, request: Request) -> Response:
            if (problem := refused(request, waba_id, waba_id == self.waba_id)) is not None:
                return problem
            if APP_ID not in self.subscribed_app_ids:  # the token's app; subscribing twice is harmless
                self.subscribed_app_ids.append(APP_ID)
            return JSONResponse({"success": True}, headers=self._date())

        def app_token_ok(request: Request, app_id: str) -> bool:
            return request.headers.get("authorization") == f"Bearer {app_id}|{APP_SECRET}"

        @app.get("/{app_id}/subscriptions")
        async def get_app_subscriptions(app_id: str, request: Request) -> Response:
            self.account_calls.append((request.method, request.url.path, {}))
            if app_id != APP_ID:
                return answer(unknown_id(app_id))
            if not app_token_ok(request, app_id):
                return answer(graph_error(400, 190, "Invalid OAuth access token signature."))
            return JSONResponse({"data": self.app_subscriptions}, headers=self._date())

        @app.post("/{app_id}/subscriptions")
        async def post_app_subscriptions(app_id: str, request: Request) -> Response:
            form = {k: str(v) for k, v in (await request.form()).items()}
            self.account_calls.append((request.method, request.url.path, form))
            if app_id != APP_ID:
                return answer(unknown_id(app_id))
            if not app_token_ok(request, app_id):
                return answer(graph_error(400, 190, "Invalid OAuth access token signature."))
            # Meta verifies the callback at once: GET it with the verify token and a challenge.
            callback = form.get("callback_url", "")
            for public, local in self.resolve.items():
                if callback.startswith(public):
                    callback = local + callback[len(public) :]
            challenge = str(next(self._ids) * 7919)
            try:
                async with httpx.AsyncClient(timeout=5) as client:
                    reply = await client.get(
                        callback,
                        params={
                            "hub.mode": "subscribe",
                            "hub.verify_token": form.get("verify_token", ""),
                            "hub.challenge": challenge,
                        },
                    )
                verified = reply.status_code == 200 and reply.text == challenge
            except httpx.HTTPError:
                verified = False
            if not verified:
                return answer(
                    graph_error(
                        400,
                        2200,
                        "(#2200) Callback verification failed with the following errors: "
                        "HTTP Status Code = 403; HTTP Message = Forbidden",
                    )
                )
            self.app_subscriptions = [
                row for row in self.app_subscriptions if row.get("object") != form.get("object")
            ]
            self.app_subscriptions.append(
                {
                    "object": form.get("object"),
                    "callback_url": form.get("callback_url"),
                    "active": True,
                    "fields": [
                        {"name": name, "version": "v21.0"} for name in form.get("fields", "").split(",")
                    ],
                }
            )
            return JSONResponse({"success": True}, headers=self._date())

        @app.delete("/{media_id}")
        async def delete_media(media_id: str, request: Request) -> Response:
            """Graph's `DELETE /{media-id}` (`?phone_number_id=` holds it to the number's uploads)."""
            if self.token_expired or not authorised(request):
                return answer(expired_token())
            if media_id not in self.media:
                return JSONResponse(
                    graph_error(400, 100, "Unsupported delete request.")["body"], status_code=400
                )
            del self.media[media_id]
            self.deleted_media.append(media_id)
            return JSONResponse({"success": True})

        @app.get("/{media_id}")
        async def media_info(media_id: str, request: Request) -> Response:
            if media_id in self.numbers or (media_id.isdigit() and media_id not in self.media):
                # GET /{phone-number-id}
                if (problem := refused(request, media_id, media_id in self.numbers)) is not None:
                    return problem
                wanted = request.query_params.get("fields", "").split(",")
                fields = self.numbers[media_id]
                body = {"id": media_id, **{k: fields[k] for k in wanted if k in fields}}
                return JSONResponse(body, headers=self._date())
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

    def _over_throughput(self) -> bool:
        if self.throughput is None:
            return False
        now = time.monotonic()
        self._window = [t for t in self._window if now - t < 1.0]
        if len(self._window) >= self.throughput:
            return True
        self._window.append(now)
        return False

    def _status_webhook(
        self,
        phone_id: str,
        body: dict[str, Any],
        wamid: str,
        state: str,
        code: int | tuple[int, str] | None = None,
    ) -> tuple[bytes, dict[str, str]]:
        """A signed `messages` webhook carrying one status of a send, as Meta posts it."""
        status: dict[str, Any] = {
            "id": wamid,
            "status": state,
            "timestamp": str(int(time.time())),
            "recipient_id": body.get("to"),
        }
        if isinstance(code, tuple):
            code, details = code
            error = {"code": code, "title": "Media upload error", "message": "Media upload error"}
            status["errors"] = [{**error, "error_data": {"details": details}}]
        elif code is not None:
            status["errors"] = [{"code": code, "title": "Message failed", "message": "Message failed"}]
        if "biz_opaque_callback_data" in body:
            status["biz_opaque_callback_data"] = body["biz_opaque_callback_data"]
        value = {
            "messaging_product": "whatsapp",
            "metadata": {"display_phone_number": "8225550100", "phone_number_id": phone_id},
            "statuses": [status],
        }
        payload = {
            "object": "whatsapp_business_account",
            "entry": [{"id": self.waba_id, "changes": [{"field": "messages", "value": value}]}],
        }
        raw = json.dumps(payload).encode()
        digest = hmac.new(APP_SECRET.encode(), raw, hashlib.sha256).hexdigest()
        return raw, {"Content-Type": "application/json", "X-Hub-Signature-256": f"sha256={digest}"}

    def release_held(self, *, good_quality: bool = True) -> int:
        """Meta's verdict on a paced template: the held sends go out (`sent`), or are dropped
        (`failed` 132015, the template paused); each status posted to the relay's webhook."""
        held, self.held = self.held, []
        with httpx.Client(timeout=30) as client:
            for phone_id, body, wamid in held:
                if good_quality:
                    raw, headers = self._status_webhook(phone_id, body, wamid, "sent")
                else:
                    raw, headers = self._status_webhook(phone_id, body, wamid, "failed", 132015)
                client.post(self.webhook_url, content=raw, headers=headers).raise_for_status()
        return len(held)

    async def _report_failed(
        self, phone_id: str, body: dict[str, Any], wamid: str, code: int | tuple[int, str]
    ) -> None:
        """Meta's late `failed` status for a send it had accepted, as a signed webhook to the relay."""
        raw, headers = self._status_webhook(phone_id, body, wamid, "failed", code)
        async with httpx.AsyncClient(timeout=30) as client:
            for _attempt in range(20):  # Meta redelivers what was not answered 200
                try:
                    answer = await client.post(self.webhook_url, content=raw, headers=headers)
                except httpx.TransportError:
                    answer = None
                if answer is not None and answer.status_code == 200:
                    return
                await asyncio.sleep(0.5)

    def _date(self) -> dict[str, str]:
        now = datetime.now(UTC) + self.clock_offset
        if self.date_without_zone:
            return {"Date": format_datetime(now.replace(tzinfo=None))}
        return {"Date": format_datetime(now, usegmt=True)}


@contextmanager
def run_fake_graph() -> Iterator[FakeGraph]:
    """The fake Graph on a free loopback port; `.url` is its versioned base URL."""
    fake = FakeGraph()
    with serve_in_thread(fake.app(), date_header=False) as url:
        fake.url = url
        yield fake


@contextmanager
def fake_graph_out_of_reach() -> Iterator[tuple[FakeGraph, Callable[[], str]]]:
    """The fake Graph's address with nothing listening there (connection refused, as when the relay's
    network or DNS is down), and `come_back()`, which starts it there."""
    fake = FakeGraph()
    server = ThreadedServer(fake.app(), date_header=False)
    fake.url = server.url
    try:
        yield fake, server.start
    finally:
        server.stop()
