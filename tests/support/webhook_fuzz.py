"""Mutated webhooks for the relay's fuzz test: real payloads from the tests, changed at random (seeded)."""

from __future__ import annotations

import copy
import json
import random
import re
from collections.abc import Iterator
from typing import Any

from tests.support.relay_server import MESSAGE_SAMPLES, envelope, inbound, status

ODD_VALUES: list[Any] = [
    None,
    True,
    0,
    -1,
    1.5,
    2**63,
    -(2**63),
    10**30,
    "",
    "x",
    "가" * 5000,
    [],
    {},
    [1, "2", None],
    {"a": {"b": []}},
    "../../etc/passwd",
    "\u0000",
    "\u202eevil",
    "\uffff",
    "😀" * 100,
]
_DEEP = re.compile(r'"@@DEEP(\d+)@@"')
RAW_TOKENS = ["NaN", "Infinity", "-Infinity", "1e999", "-1e999", '"\\ud800"', '"\\udfff x"', "1" + "0" * 40]


def seed_payloads() -> list[dict[str, Any]]:
    """Every kind of webhook the other tests send: each message type, statuses, echoes, history."""
    payloads = [inbound(kind, copy.deepcopy(sample)) for kind, sample in MESSAGE_SAMPLES.items()]
    payloads.append(inbound("text", "이름 없는 손님", name=None))
    payloads.append(status("wamid.FUZZSTATUS", "delivered"))
    errors = [{"code": 131026, "title": "Message undeliverable"}]
    payloads.append(status("wamid.FUZZFAILED", "failed", errors=errors, callback="client-1"))
    echo = {"from": "15550783881", "to": "821012345678", "id": "wamid.ECHO", "timestamp": "1732500000"}
    payloads.append(
        envelope({"message_echoes": [{**echo, "type": "text", "text": {"body": "폰"}}]}, "smb_message_echoes")
    )
    thread = {
        "id": "821012345678",
        "messages": [
            {
                "from": "821012345678",
                "id": "wamid.H1",
                "timestamp": "1700000000",
                "type": "text",
                "text": {"body": "옛날"},
            }
        ],
    }
    payloads.append(envelope({"history": [{"threads": [thread]}]}, "history"))
    return payloads


def _paths(node: Any, prefix: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    yield prefix
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _paths(value, (*prefix, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _paths(value, (*prefix, index))


def _parent(root: Any, path: tuple[Any, ...]) -> Any:
    for step in path[:-1]:
        root = root[step]
    return root


class WebhookFuzzer:
    """Bodies (bytes) mutated from the seed payloads; each message gets a fresh id so it can be traced."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.seeds = seed_payloads()
        self.counter = 0

    def _fresh_ids(self, payload: dict[str, Any]) -> None:
        for path in list(_paths(payload)):
            if len(path) >= 2 and path[-1] == "id" and path[-2] != "image":
                parent = _parent(payload, path)
                if (
                    isinstance(parent, dict)
                    and isinstance(parent.get("id"), str)
                    and parent["id"].startswith("wamid")
                ):
                    self.counter += 1
                    parent["id"] = f"wamid.FUZZ{self.counter:08d}"

    def body(self) -> bytes:
        while True:
            body = self._one()
            if len(body) < 1_500_000:  # bigger ones would only be slow
                return body

    def _one(self) -> bytes:
        payload = copy.deepcopy(self.rng.choice(self.seeds))
        self._fresh_ids(payload)
        mutations = self.rng.choice([0, 1, 1, 1, 2, 3])
        text_mutation = False
        for _ in range(mutations):
            action = self.rng.choice(
                ["drop", "duplicate", "retype", "huge", "deep", "unicode", "type", "array", "raw", "raw"]
            )
            if action == "raw":
                text_mutation = True
                continue
            self._mutate(payload, action)
            if action == "array":
                break  # a mutation inside 10,000 shared elements would multiply it 10,000 times
        text = json.dumps(payload, ensure_ascii=self.rng.random() < 0.5)
        text = _DEEP.sub(lambda m: "[" * int(m.group(1)) + "0" + "]" * int(m.group(1)), text)
        if text_mutation:
            text = self._raw(text)
        return text.encode("utf-8", "surrogatepass")

    def _mutate(self, payload: dict[str, Any], action: str) -> None:
        paths = [p for p in _paths(payload) if p]
        path = self.rng.choice(paths)
        parent = _parent(payload, path)
        key = path[-1]
        if action == "drop":
            if isinstance(parent, dict):
                parent.pop(key, None)
            elif isinstance(parent, list) and parent:
                parent.pop(key)
        elif action == "duplicate":
            if isinstance(parent, list):
                parent.append(copy.deepcopy(parent[key]))
            else:
                parent[f"{key}_copy"] = copy.deepcopy(parent[key])
        elif action == "retype":
            parent[key] = copy.deepcopy(self.rng.choice(ODD_VALUES))
        elif action == "huge":
            # Mostly big-but-fine; now and then over 1 MB (still under the 4 MiB webhook cap).
            size = self.rng.choices([5_000, 20_000, 300_000, 1_100_000], weights=[6, 3, 1, 1])[0]
            parent[key] = "a" * size
        elif action == "deep":
            # json.dumps itself cannot write 100,000 levels: a marker becomes the brackets later.
            parent[key] = f"@@DEEP{self.rng.choice([50, 63, 70, 500, 100_000])}@@"
        elif action == "unicode":
            parent[key] = self.rng.choice(["\ud800", "\udc00x", "a\u0000b", "\u200d\u202e", "𝔘𝔫𝔦", "\ufeff"])
        elif action == "type":
            for path in _paths(payload):
                if path and path[-1] == "type":
                    parent = _parent(payload, path)
                    parent["type"] = self.rng.choice(["hologram", "future_type", "", "image"])
                    break
        elif action == "array":
            item: object = self.rng.choice([7, 7, 7, "x", None, {"id": "1"}, []])
            parent[key] = [item] * 10_000  # 10,000 small elements

    def _raw(self, text: str) -> str:
        """Put a token JSON-with-extensions allows (NaN, 1e999, an escaped lone surrogate) as a value."""
        spots = [i for i, ch in enumerate(text) if ch == ":"]
        if not spots:
            return text
        at = self.rng.choice(spots) + 1
        end = at
        # Replace the value that follows when it is a simple one; otherwise insert before it.
        while end < len(text) and text[end] == " ":
            end += 1
        if end < len(text) and text[end] == '"':
            close = text.find('"', end + 1)
            while close != -1 and text[close - 1] == "\\":
                close = text.find('"', close + 1)
            if close != -1:
                return text[:at] + " " + self.rng.choice(RAW_TOKENS) + text[close + 1 :]
        return text


def message_ids(payload: Any) -> set[str]:
    """Ids of the messages, echoes and history messages an accepted payload carries, read the way
    the relay reads them (by each change's `field`): what the feed must hold afterwards."""
    found: set[str] = set()
    for entry in payload.get("entry") or []:
        for change in entry.get("changes") or []:
            value = change.get("value") or {}
            field = change.get("field")
            if field == "smb_message_echoes":
                messages = value.get("message_echoes") or value.get("messages") or []
            elif field == "history":
                messages = [
                    message
                    for chunk in value.get("history") or []
                    for thread in chunk.get("threads") or []
                    for message in thread.get("messages") or []
                ]
            else:
                messages = value.get("messages") or []
            found.update(str(message["id"]) for message in messages)
    return found
