"""Graph's account calls the check and the setup make: the number, the WABA, webhook subscriptions."""

# Where Meta documents each call, and the permission it needs: docs/relay.md, "What the check and
# the setup ask Graph".

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any

import httpx

from relay.upstream import GraphError

# The number's fields shown as "number health" (`messaging_limit_tier` is deprecated in favour of
# the portfolio's `whatsapp_business_manager_messaging_limit`).
PHONE_NUMBER_FIELDS = (
    "display_phone_number",
    "verified_name",
    "quality_rating",
    "status",
    "name_status",
    "platform_type",
    "whatsapp_business_manager_messaging_limit",
)
# What the relay reads from the WABA's webhooks: customers' messages and statuses (and the phone
# app's echoes and history when the Business app stays on the number).
WEBHOOK_FIELDS = ("messages",)


@dataclass(frozen=True, slots=True)
class GraphAnswer:
    body: dict[str, Any]
    date: datetime | None  # Graph's `Date` header: the clock check compares with it


class GraphAccount:
    """One access token's view of Graph; every call raises GraphError with Graph's own code."""

    def __init__(self, base_url: str, access_token: str, *, timeout: float = 20.0) -> None:
        self.base_url = base_url.rstrip("/")
        self._client = httpx.AsyncClient(
            base_url=self.base_url,
            headers={"Authorization": f"Bearer {access_token}"},
            timeout=httpx.Timeout(timeout, connect=5.0),
        )

    def __repr__(self) -> str:  # never show the token
        return f"GraphAccount({self.base_url!r})"

    async def aclose(self) -> None:
        await self._client.aclose()

    async def __aenter__(self) -> GraphAccount:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()

    async def _call(self, method: str, path: str, **kwargs: Any) -> GraphAnswer:
        try:
            response = await self._client.request(method, path, **kwargs)
        except httpx.HTTPError as exc:
            cause = type(exc).__name__
            raise GraphError(
                503, None, f"Graph unreachable: {cause}", retryable=True, unreachable=cause
            ) from exc
        try:
            body = response.json()
        except ValueError:
            body = {}
        if response.status_code >= 400:
            raise GraphError.from_response(response.status_code, body)
        date = None
        if "date" in response.headers:
            try:
                date = parsedate_to_datetime(response.headers["date"])
            except (TypeError, ValueError):
                date = None
            if date is not None and date.tzinfo is None:
                # "-0000" (RFC 5322: no zone given), or a proxy's doubled header: read as UTC.
                date = date.replace(tzinfo=UTC)
        return GraphAnswer(body if isinstance(body, dict) else {}, date)

    async def phone_number(self, phone_number_id: str) -> GraphAnswer:
        """GET /{phone-number-id}: display number, verified name, quality, messaging limit…"""
        return await self._call(
            "GET", f"/{phone_number_id}", params={"fields": ",".join(PHONE_NUMBER_FIELDS)}
        )

    async def phone_number_ids(self, waba_id: str) -> list[str]:
        """GET /{waba-id}/phone_numbers: the ids of the account's numbers (first page, up to 100)."""
        answer = await self._call("GET", f"/{waba_id}/phone_numbers", params={"fields": "id", "limit": 100})
        return [str(row.get("id")) for row in answer.body.get("data", []) if isinstance(row, dict)]

    async def first_template(self, waba_id: str) -> None:
        """GET /{waba-id}/message_templates?limit=1: templates can be listed with this token."""
        await self._call("GET", f"/{waba_id}/message_templates", params={"limit": 1, "fields": "name"})

    async def subscribed_apps(self, waba_id: str) -> list[dict[str, Any]]:
        """GET /{waba-id}/subscribed_apps: the apps that receive this WABA's webhooks."""
        answer = await self._call("GET", f"/{waba_id}/subscribed_apps")
        return [row for row in answer.body.get("data", []) if isinstance(row, dict)]

    async def subscribe_app(self, waba_id: str) -> None:
        """POST /{waba-id}/subscribed_apps: subscribe the token's app to the WABA's webhooks."""
        await self._call("POST", f"/{waba_id}/subscribed_apps")

    async def app_subscriptions(self, app_id: str, app_secret: str) -> list[dict[str, Any]]:
        """GET /{app-id}/subscriptions with the app access token (`{app-id}|{app-secret}`)."""
        answer = await self._call(
            "GET",
            f"/{app_id}/subscriptions",
            headers=_app_token(app_id, app_secret),
        )
        return [row for row in answer.body.get("data", []) if isinstance(row, dict)]

    async def register_webhook(
        self, app_id: str, app_secret: str, callback_url: str, verify_token: str
    ) -> None:
        """POST /{app-id}/subscriptions: Meta calls the callback's verification handshake at once."""
        await self._call(
            "POST",
            f"/{app_id}/subscriptions",
            data={
                "object": "whatsapp_business_account",
                "callback_url": callback_url,
                "verify_token": verify_token,
                "fields": ",".join(WEBHOOK_FIELDS),
            },
            headers=_app_token(app_id, app_secret),
        )


def _app_token(app_id: str, app_secret: str) -> dict[str, str]:
    """The app access token (`{app-id}|{app-secret}`) these two edges need, not the system user's.

    In the Authorization header, never in a URL: httpx logs request URLs.
    """
    return {"Authorization": f"Bearer {app_id}|{app_secret}"}


def subscribed_app_ids(rows: list[dict[str, Any]]) -> set[str]:
    """The app ids in a subscribed_apps answer (`whatsapp_business_api_data.id`)."""
    ids = set()
    for row in rows:
        data = row.get("whatsapp_business_api_data")
        if isinstance(data, dict) and data.get("id"):
            ids.add(str(data["id"]))
    return ids
