"""The real relay on a free loopback port for tests, with helpers to sign and POST webhooks."""

from __future__ import annotations

import itertools
import json
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

from app.wire import Automations
from relay.server import SERVER_OPTIONS, create_app
from relay.settings import RelaySettings
from relay.webhook import sign
from tests.support.fake_graph import ACCESS_TOKEN, WABA_ID, FakeGraph
from tests.support.servers import ThreadedServer

APP_SECRET = "test-app-secret"
VERIFY_TOKEN = "test-verify-token"
CLIENT_TOKEN = "test-client-token-as-long-as-the-relays-own"  # 42: no short-token warning
PHONE_NUMBER_ID = "106540352242922"
_ids = itertools.count(1)


@dataclass
class RunningRelay:
    """A relay process-in-a-thread that can be stopped and started again on the same port."""

    settings: RelaySettings
    upstream_factory: Any = None
    server: ThreadedServer | None = None
    port: int | None = None
    app: Any = None
    client: httpx.Client = field(default_factory=lambda: httpx.Client(timeout=30))
    # The fake Graph it talks to, when a test's fixture keeps it here (run_relay leaves it None).
    graph: FakeGraph | None = None
    # uvicorn's settings: the relay's own (a test may shorten a deadline of its HTTP protocol).
    server_options: dict[str, Any] = field(default_factory=lambda: dict(SERVER_OPTIONS))

    @property
    def url(self) -> str:
        assert self.port is not None
        scheme = "https" if self.server_options.get("ssl_certfile") else "http"  # served over TLS
        return f"{scheme}://127.0.0.1:{self.port}"

    @property
    def token(self) -> str:
        return self.settings.client_token or ""

    @property
    def relay(self) -> Any:
        return self.app.state.relay

    def start(self) -> RunningRelay:
        upstream = self.upstream_factory() if self.upstream_factory else None
        self.app = create_app(self.settings, upstream)
        # As the relay's own serve and the demo do: a stop answers the desktops' long polls at once.
        self.server = ThreadedServer(
            self.app, self.port, release=self.app.state.relay.feed.release_long_polls, **self.server_options
        )
        self.server.start()
        self.port = self.server.port
        return self

    def stop(self) -> None:
        if self.server is not None:
            self.server.stop()
            self.server = None

    def post_webhook(
        self, payload: Any, *, secret: str | None = None, raw: bytes | None = None, path: str = "/webhook"
    ) -> httpx.Response:
        body = raw if raw is not None else json.dumps(payload).encode()
        headers = {
            "Content-Type": "application/json",
            "X-Hub-Signature-256": sign(secret or APP_SECRET, body),
        }
        return self.client.post(f"{self.url}{path}", content=body, headers=headers)

    def auth(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"}

    def events(self, after: int = 0, wait: float = 0, limit: int = 500) -> dict[str, Any]:
        r = self.client.get(
            f"{self.url}/v1/events",
            params={"after": after, "wait": wait, "limit": limit},
            headers=self.auth(),
        )
        r.raise_for_status()
        return dict(r.json())

    def send(self, body: dict[str, Any], key: str) -> httpx.Response:
        return self.client.post(
            f"{self.url}/v1/messages", json=body, headers={**self.auth(), "Idempotency-Key": key}
        )

    def wait_for_events(self, count: int, after: int = 0, timeout: float = 10) -> list[dict[str, Any]]:
        """Long-poll until `count` events after `after` exist (no sleeping)."""
        found: list[dict[str, Any]] = []
        deadline = time.monotonic() + timeout
        cursor = after
        while len(found) < count and time.monotonic() < deadline:
            page = self.events(cursor, wait=min(2.0, max(0.1, deadline - time.monotonic())))
            found.extend(page["events"])
            cursor = page["next"]
        return found

    def put_rules(self, **changes: Any) -> dict[str, Any]:
        """GET the automations, merge `changes`, PUT them back (If-Match): what the relay stored."""
        current = self.client.get(f"{self.url}/v1/automations", headers=self.auth()).json()
        doc = Automations.model_validate({**current, **changes}).model_dump(mode="json")
        r = self.client.put(
            f"{self.url}/v1/automations",
            json=doc,
            headers={**self.auth(), "If-Match": str(current["revision"])},
        )
        assert r.status_code == 200, r.text
        return dict(r.json())

    def automations_done(self) -> bool:
        """No greeting, away message or bot answer is still being worked out for a stored message."""
        while True:
            try:
                tasks = list(self.relay.tasks)  # the relay's loop thread may add one meanwhile
            except RuntimeError:
                continue
            return not any(t.get_coro().__qualname__ == "AutomationRunner.answer" for t in tasks)


@contextmanager
def run_relay(
    tmp_path: Path,
    *,
    graph_url: str = "http://127.0.0.1:9",
    upstream: str = "cloud",
    database_url: str | None = None,
    client_token: str = CLIENT_TOKEN,
    app_secret: str = APP_SECRET,
    upstream_factory: Any = None,
    server_options: dict[str, Any] | None = None,
    **overrides: Any,
) -> Iterator[RunningRelay]:
    """The real relay (FastAPI on uvicorn) on 127.0.0.1, storing in tmp_path (or `database_url`).

    Yields a RunningRelay: `.url`, `.token`, `.auth()` (the bearer header), `.post_webhook(payload)`
    (signed with `app_secret`), `.events(after, wait)`, `.send(body, key)`, `.wait_for_events(n)`,
    `.put_rules(**changes)` (the automations), `.stop()` / `.start()` (a restart on the same port and
    database) and `.relay` (the live Relay, e.g. `.relay.clock` to pin "now"). `upstream="sandbox"`
    runs the simulated customers; `upstream_factory` builds any other Upstream. Further keyword
    arguments are RelaySettings fields (e.g. `retention_days=1`, `send_attempts=2`, `graph_timeout=0.5`);
    `server_options` are uvicorn's, over the relay's SERVER_OPTIONS.
    """
    settings = RelaySettings(
        database_url=database_url or f"sqlite:///{tmp_path / 'relay.db'}",
        upstream=upstream,
        client_token=client_token,
        app_secret=app_secret,
        verify_token=VERIFY_TOKEN,
        access_token=ACCESS_TOKEN,
        phone_number_id=PHONE_NUMBER_ID,
        waba_id=WABA_ID,
        graph_url=graph_url,
        media_dir=tmp_path / "relay-media",
        retry_base_delay=0.01,
        graph_timeout=overrides.pop("graph_timeout", 2.0),
        **overrides,
    )
    running = RunningRelay(
        settings=settings,
        upstream_factory=upstream_factory,
        server_options={**SERVER_OPTIONS, **(server_options or {})},
    ).start()
    try:
        yield running
    finally:
        running.stop()
        running.client.close()


# --------------------------------------------------------------------------- webhook payloads


def wamid() -> str:
    return f"wamid.HBgMODIxMDEyMzQ1Njc4FQIAEhggN{next(_ids):012d}"


def envelope(
    value: dict[str, Any],
    field_name: str = "messages",
    phone_number_id: str = PHONE_NUMBER_ID,
    display_phone_number: str = "15550783881",
) -> dict[str, Any]:
    return {
        "object": "whatsapp_business_account",
        "entry": [
            {
                "id": "102290129340398",
                "changes": [
                    {
                        "value": {
                            "messaging_product": "whatsapp",
                            "metadata": {
                                "display_phone_number": display_phone_number,
                                "phone_number_id": phone_number_id,
                            },
                            **value,
                        },
                        "field": field_name,
                    }
                ],
            }
        ],
    }


def inbound(
    kind: str = "text",
    content: Any = "안녕하세요",
    *,
    sender: str = "821012345678",
    name: str | None = "김민수",
    message_id: str | None = None,
    timestamp: int | None = None,
    context: str | None = None,
    phone_number_id: str = PHONE_NUMBER_ID,
    display_phone_number: str = "15550783881",
) -> dict[str, Any]:
    """A webhook carrying one customer message of any Cloud API type, to one of the shop's numbers
    (`phone_number_id`, which people dial as `display_phone_number`)."""
    message: dict[str, Any] = {
        "from": sender,
        "id": message_id or wamid(),
        "timestamp": str(timestamp or int(time.time())),
        "type": kind,
    }
    if kind == "text":
        message["text"] = {"body": content}
    elif kind == "unsupported":
        message["errors"] = [
            {"code": 131051, "title": "Message type unknown", "message": "Message type unknown"}
        ]
    else:
        message[kind] = content
    if context:
        message["context"] = {"from": PHONE_NUMBER_ID, "id": context}
    value: dict[str, Any] = {"messages": [message]}
    if name is not None:
        value["contacts"] = [{"profile": {"name": name}, "wa_id": sender}]
    return envelope(value, phone_number_id=phone_number_id, display_phone_number=display_phone_number)


def changed_number(old: str, new: str) -> dict[str, Any]:
    """A webhook of WhatsApp's notice that a customer moved from `old` to `new` (a `system` message)."""
    notice = {"body": "User changed number", "new_wa_id": new, "type": "user_changed_number"}
    return inbound("system", notice, sender=old, name=None)


def status(
    message_id: str,
    state: str,
    *,
    recipient: str = "821012345678",
    errors: list[dict[str, Any]] | None = None,
    callback: str | None = None,
    timestamp: int | None = None,
) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "id": message_id,
        "status": state,
        "timestamp": str(timestamp or int(time.time())),
        "recipient_id": recipient,
    }
    if errors:
        entry["errors"] = errors
    if callback:
        entry["biz_opaque_callback_data"] = callback
    return envelope({"statuses": [entry]})


# Realistic objects for every message type the Cloud API sends.
MESSAGE_SAMPLES: dict[str, Any] = {
    "text": "주문했어요. 배송 언제 되나요?",
    "image": {"caption": "이 셔츠요", "mime_type": "image/jpeg", "sha256": "abc=", "id": "1234567890"},
    "audio": {"mime_type": "audio/ogg; codecs=opus", "sha256": "def=", "id": "2234567890", "voice": True},
    "video": {"mime_type": "video/mp4", "sha256": "ghi=", "id": "3234567890"},
    "document": {
        "caption": "견적서",
        "filename": "견적서.pdf",
        "mime_type": "application/pdf",
        "sha256": "j=",
        "id": "4234567890",
    },
    "sticker": {"mime_type": "image/webp", "sha256": "k=", "id": "5234567890", "animated": False},
    "location": {
        "latitude": 37.5445,
        "longitude": 127.0557,
        "name": "성수동 매장",
        "address": "서울 성동구 성수이로 88",
    },
    "contacts": [
        {
            "name": {"formatted_name": "박지영", "first_name": "지영"},
            "phones": [{"phone": "+82 10 5555 1234", "type": "CELL", "wa_id": "821055551234"}],
        }
    ],
    "interactive": {"type": "button_reply", "button_reply": {"id": "size-m", "title": "M 사이즈"}},
    # A template quick-reply tap (not the marketing opt-out button, which opts the customer out).
    "button": {"payload": "SIZE_GUIDE", "text": "사이즈 안내"},
    "reaction": {"message_id": "wamid.OUT1", "emoji": "❤️"},
    "order": {
        "catalog_id": "CAT1",
        "text": "주문합니다",
        "product_items": [
            {"product_retailer_id": "SKU-1", "quantity": "2", "item_price": "39000", "currency": "KRW"}
        ],
    },
    "system": {
        "body": "User A changed from 821012345678 to 821087654321",
        "new_wa_id": "821087654321",
        "type": "user_changed_number",
    },
    "unsupported": None,
}
