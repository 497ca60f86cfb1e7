"""The Graph API upstream: sends, read receipts, media and templates over httpx."""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path
from typing import Any
from urllib.parse import quote

import httpx

from relay.limits import is_media_id
from relay.upstream import HELD_FOR_QUALITY, MAX_MEDIA_BYTES, Accepted, GraphError, Ingest

log = logging.getLogger(__name__)


class GraphUpstream:
    name = "cloud"

    def __init__(self, base_url: str, access_token: str, waba_id: str = "", timeout: float = 20.0) -> None:
        self.base_url = base_url.rstrip("/")
        self.waba_id = waba_id
        self.client = httpx.AsyncClient(
            base_url=self.base_url,
            headers={"Authorization": f"Bearer {access_token}"},
            timeout=httpx.Timeout(timeout, connect=5.0),
        )

    async def start(self, ingest: Ingest) -> None:
        """Graph pushes webhooks to us; nothing to start."""

    async def stop(self) -> None:
        await self.client.aclose()

    async def _call(self, method: str, path: str, **kwargs: Any) -> Any:
        try:
            response = await self.client.request(method, path, **kwargs)
        except (httpx.ConnectError, httpx.ConnectTimeout) as exc:
            # Nothing reached Graph: safe to retry.
            cause = type(exc).__name__
            raise GraphError(
                503, None, f"Graph unreachable: {cause}", retryable=True, unreachable=cause
            ) from exc
        except httpx.TimeoutException as exc:
            # The request went out; Graph may have acted on it. Never resend blindly.
            raise GraphError(
                504, None, "Graph did not answer in time", retryable=False, unknown=True
            ) from exc
        except httpx.HTTPError as exc:
            raise GraphError(
                502, None, f"Graph request failed: {type(exc).__name__}", retryable=False, unknown=True
            ) from exc
        try:
            body = response.json()
        except ValueError:
            body = {}
        if response.status_code >= 400:
            raise GraphError.from_response(response.status_code, body)
        return body

    async def send_message(self, phone_number_id: str, body: dict[str, Any]) -> Accepted:
        payload = {"messaging_product": "whatsapp", "recipient_type": "individual", **body}
        answer = await self._call("POST", f"/{_segment(phone_number_id)}/messages", json=payload)
        try:
            message = answer["messages"][0]
            return Accepted(str(message["id"]), held=message.get("message_status") == HELD_FOR_QUALITY)
        except (KeyError, IndexError, TypeError, AttributeError) as exc:
            raise GraphError(
                502, None, "Graph's answer had no message id", retryable=False, unknown=True
            ) from exc

    async def mark_read(self, phone_number_id: str, wamid: str) -> None:
        await self._call(
            "POST",
            f"/{_segment(phone_number_id)}/messages",
            json={"messaging_product": "whatsapp", "status": "read", "message_id": wamid},
        )

    async def upload_media(
        self, phone_number_id: str, path: Path, mime_type: str, filename: str | None
    ) -> str:
        with path.open("rb") as file:  # httpx streams an open file in chunks
            answer = await self._call(
                "POST",
                f"/{_segment(phone_number_id)}/media",
                data={"messaging_product": "whatsapp", "type": mime_type},
                files={"file": (filename or "upload", file, mime_type)},
            )
        media_id = answer.get("id") if isinstance(answer, dict) else None
        if not is_media_id(media_id):
            raise GraphError(502, None, "Graph's answer had no media id", retryable=False)
        return str(media_id)

    async def delete_media(self, phone_number_id: str, media_id: str) -> None:
        """Graph's `DELETE /{media-id}`, held to the number that uploaded it (`phone_number_id`)."""
        if not is_media_id(media_id):
            raise GraphError(400, None, "not a media id", retryable=False)
        params = {"phone_number_id": phone_number_id} if phone_number_id else None
        await self._call("DELETE", f"/{media_id}", params=params)

    async def fetch_media(self, media_id: str, dest: Path) -> str:
        """Ask Graph for a fresh URL (they expire within minutes), then stream the file into `dest`."""
        if not is_media_id(media_id):
            raise GraphError(400, None, "not a media id", retryable=False)
        info = await self._call("GET", f"/{media_id}")
        url = info.get("url")
        if not url:
            raise GraphError(502, None, "Graph gave no media URL", retryable=True)
        try:
            async with self.client.stream("GET", url) as response:
                if response.status_code >= 400:
                    raise GraphError(
                        response.status_code, None, "media URL refused or expired", retryable=True
                    )
                size = 0
                with dest.open("wb") as file:
                    async for chunk in response.aiter_bytes():
                        size += len(chunk)
                        if size > MAX_MEDIA_BYTES:
                            raise GraphError(502, None, "media larger than WhatsApp allows", retryable=False)
                        await asyncio.to_thread(file.write, chunk)
                mime = response.headers.get("content-type", "")
        except (httpx.ConnectError, httpx.ConnectTimeout) as exc:
            # The media URL's host (Meta's CDN) out of reach: as unreachable as Graph itself.
            cause = type(exc).__name__
            raise GraphError(
                503, None, f"media host unreachable: {cause}", retryable=True, unreachable=cause
            ) from exc
        except httpx.HTTPError as exc:
            raise GraphError(
                503, None, f"media download failed: {type(exc).__name__}", retryable=True
            ) from exc
        return str(info.get("mime_type") or mime)

    async def list_templates(self) -> list[dict[str, Any]]:
        if not self.waba_id:
            raise GraphError(400, None, "WHATSAPP_WABA_ID is not set on the relay", retryable=False)
        templates: list[dict[str, Any]] = []
        path: str | None = f"/{_segment(self.waba_id)}/message_templates?limit=100"
        while path:
            answer = await self._call("GET", path)
            templates.extend(answer.get("data", []))
            path = (answer.get("paging") or {}).get("next")
            if path and path.startswith(self.base_url):
                path = path[len(self.base_url) :]
        return templates

    async def block_users(self, phone_number_id: str, wa_ids: list[str], *, block: bool) -> bool:
        """Graph's Block Users API: POST (block) or DELETE (unblock) `/{phone-number-id}/block_users`.

        Meta blocks only customers who wrote in the last 24 hours and answers per number; a number
        in `failed_users` raises GraphError with the code Meta gave it (139100 and friends).
        """
        payload = {"messaging_product": "whatsapp", "block_users": [{"user": w} for w in wa_ids]}
        path = f"/{_segment(phone_number_id)}/block_users"
        answer = await self._call("POST" if block else "DELETE", path, json=payload)
        failed = (answer.get("block_users") or {}).get("failed_users") if isinstance(answer, dict) else None
        if failed:
            errors = failed[0].get("errors") or [{}]
            code = errors[0].get("code")
            raise GraphError(
                400, int(code) if str(code).isdigit() else None, str(errors[0].get("message")), False
            )
        return True


def _segment(value: str) -> str:
    """One path segment of a Graph URL: escaped, so no id can reach another path on the Graph host."""
    return quote(value, safe="")
