"""A minimal HTTP client of the relay's automations endpoint, for tests until app/relay_client.py lands."""

from __future__ import annotations

import httpx

from app.automations_store import RevisionConflict
from app.errors import RelayUnreachable
from app.wire import Automations
from tests.support.relay_server import RunningRelay


class LoopbackAutomationsClient:
    """GET/PUT /v1/automations as DESIGN.md pins them (If-Match, 412 on a stale revision)."""

    def __init__(self, relay: RunningRelay) -> None:
        self.relay = relay

    def _call(self, method: str, *, json: object = None, if_match: int | None = None) -> httpx.Response:
        headers = self.relay.auth()
        if if_match is not None:
            headers["If-Match"] = str(if_match)
        try:
            return httpx.request(
                method, f"{self.relay.url}/v1/automations", json=json, headers=headers, timeout=5
            )
        except httpx.TransportError as exc:
            raise RelayUnreachable(str(exc)) from exc

    def get_automations(self) -> Automations:
        r = self._call("GET")
        r.raise_for_status()
        return Automations.model_validate(r.json())

    def put_automations(self, doc: Automations, *, if_match: int) -> Automations:
        r = self._call("PUT", json=doc.model_dump(mode="json"), if_match=if_match)
        if r.status_code == 412:
            raise RevisionConflict(r.json()["error"]["message"])
        r.raise_for_status()
        return Automations.model_validate(r.json())
