"""A 60 MB upload through the relay in its own process: memory stays flat, the file arrives whole."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import httpx

from relay.webhook import sign
from tests.support.fake_graph import ACCESS_TOKEN, FakeGraph
from tests.support.relay_server import APP_SECRET, CLIENT_TOKEN, PHONE_NUMBER_ID, VERIFY_TOKEN, inbound
from tests.support.servers import free_port

UPLOAD = 60 * 1024 * 1024


def rss_kib(pid: int, field: str) -> int:
    """VmRSS (now) or VmHWM (peak) of a process, from /proc."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    raise AssertionError(f"{field} not in /proc/{pid}/status")


def chunks(total: int, size: int = 256 * 1024) -> Iterator[bytes]:
    block = bytes(range(256)) * (size // 256)
    for start in range(0, total, size):
        yield block[: min(size, total - start)]


def test_a_60_mb_upload_and_a_60_mb_download_keep_the_relays_memory_flat(
    tmp_path: Path, graph: FakeGraph
) -> None:
    port = free_port()
    env = {
        **os.environ,
        "RELAY_DATABASE_URL": f"sqlite:///{tmp_path / 'relay.db'}",
        "RELAY_CLIENT_TOKEN": CLIENT_TOKEN,
        "WHATSAPP_APP_SECRET": APP_SECRET,
        "WHATSAPP_VERIFY_TOKEN": VERIFY_TOKEN,
        "WHATSAPP_ACCESS_TOKEN": ACCESS_TOKEN,
        "WHATSAPP_PHONE_NUMBER_ID": PHONE_NUMBER_ID,
        "WHATSAPP_GRAPH_URL": graph.url,
        "RELAY_MEDIA_DIR": str(tmp_path / "media"),
    }
    relay = subprocess.Popen(
        [sys.executable, "-m", "relay.cli", "serve", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        with httpx.Client(timeout=120, headers={"Authorization": f"Bearer {CLIENT_TOKEN}"}) as client:
            ticker = threading.Event()
            for _ in range(400):
                try:
                    if client.get(f"{url}/healthz").status_code == 200:
                        break
                except httpx.HTTPError:
                    ticker.wait(0.05)
            client.get(f"{url}/openapi.json")  # warm the app's lazily built parts
            before = rss_kib(relay.pid, "VmRSS")
            r = client.post(
                f"{url}/v1/media",
                content=chunks(UPLOAD),
                headers={"Content-Type": "application/pdf", "X-Filename": "catalogue.pdf"},
            )
            peak = rss_kib(relay.pid, "VmHWM")
            # A customer's 60 MB document: fetched from Graph to disk in chunks, then served.
            graph.add_media("7770001", b"".join(chunks(UPLOAD)), "application/pdf")
            body = json.dumps(inbound("document", {"id": "7770001", "mime_type": "application/pdf"})).encode()
            signed = {"X-Hub-Signature-256": sign(APP_SECRET, body), "Content-Type": "application/json"}
            assert client.post(f"{url}/webhook", content=body, headers=signed).status_code == 200
            with client.stream("GET", f"{url}/v1/media/7770001") as download:
                received = hashlib.sha256()
                for part in download.iter_bytes():
                    received.update(part)
            download_peak = rss_kib(relay.pid, "VmHWM")
        assert r.status_code == 200, r.text
        expected = hashlib.sha256(b"".join(chunks(UPLOAD))).hexdigest()
        assert (r.json()["size"], r.json()["sha256"]) == (UPLOAD, expected)
        assert hashlib.sha256(graph.media[r.json()["id"]][0]).hexdigest() == expected
        assert not list((tmp_path / "media").glob("*.part"))
        growth_mib = (peak - before) / 1024
        print(f"relay RSS before {before / 1024:.1f} MiB, peak during a 60 MB upload {peak / 1024:.1f} MiB")
        assert growth_mib < 24, f"the relay's memory grew {growth_mib:.1f} MiB for a 60 MB upload"
        print(
            f"relay RSS peak after also fetching and serving a 60 MB document {download_peak / 1024:.1f} MiB"
        )
        assert (download.status_code, received.hexdigest()) == (200, expected)
        assert (download_peak - before) / 1024 < 24
    finally:
        relay.terminate()
        relay.wait(timeout=10)
