"""A relay campaign against the fake Graph: relay CPU time per send and pacing accuracy (msgs/s, gaps)."""

from __future__ import annotations

import argparse
import itertools
import os
import tempfile
import time
from pathlib import Path

import httpx

from bench.report import emit, percentile
from tests.support.fake_graph import run_fake_graph
from tests.support.relay_process import relay_env, serve_process, wait_until
from tests.support.relay_server import CLIENT_TOKEN
from tests.support.servers import free_port

HEADERS = {"Authorization": f"Bearer {CLIENT_TOKEN}"}


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of one process so far (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def template_body(to: str) -> dict[str, object]:
    return {"to": to, "type": "template", "template": {"name": "restock", "language": {"code": "ko"}}}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--recipients", type=int, default=10_000)
    parser.add_argument("--pace", type=int, default=80, help="messages per second the campaign asks for")
    parser.add_argument("--manual", type=int, default=300, help="one-by-one sends measured as the baseline")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as folder, run_fake_graph() as graph:
        # Unlimited portfolio: this measures pace and cost, not the messaging limit.
        graph.numbers["106540352242922"]["whatsapp_business_manager_messaging_limit"] = "TIER_UNLIMITED"
        env = relay_env(f"sqlite:///{Path(folder) / 'relay.db'}", graph.url)
        with (
            serve_process(Path(folder) / "serve.log", free_port(), env) as serve,
            httpx.Client(timeout=60) as client,
        ):
            # Baseline: the same template sent one request at a time through POST /v1/messages.
            before = cpu_seconds(serve.pid)
            for i in range(args.manual):
                headers = {**HEADERS, "Idempotency-Key": f"manual-{i}"}
                client.post(f"{serve.url}/v1/messages", json=template_body(f"8210{i:08d}"), headers=headers)
            manual_cpu = (cpu_seconds(serve.pid) - before) / args.manual * 1000

            recipients = [
                {"wa_id": f"8219{i:08d}", "consent": {"notifications": True, "marketing": True}}
                for i in range(args.recipients)
            ]
            body = {
                "id": "bench",
                "name": "bench",
                "template": {"name": "restock", "language": "ko", "category": "UTILITY"},
                "recipients": recipients,
                "pace_per_second": args.pace,
            }
            first = len(graph.sent)
            before = cpu_seconds(serve.pid)
            started = time.monotonic()
            client.post(f"{serve.url}/v1/campaigns", json=body, headers=HEADERS).raise_for_status()

            def done() -> bool:
                answer = client.get(f"{serve.url}/v1/campaigns/bench", headers=HEADERS).json()
                return bool(answer["state"] == "done")

            wait_until(done, args.recipients / args.pace * 20 + 60, "the campaign to finish")
            elapsed = time.monotonic() - started
            campaign_cpu = (cpu_seconds(serve.pid) - before) / args.recipients * 1000

    times = graph.sent_times[first:]
    gaps = [(b - a) * 1000 for a, b in itertools.pairwise(times)]
    rate = (len(times) - 1) / (times[-1] - times[0]) if len(times) > 1 else 0.0
    emit(
        "campaign: relay CPU per send",
        campaign_cpu,
        "ms",
        baseline=manual_cpu,
        baseline_name="one POST /v1/messages template send",
    )
    emit("campaign: sends per second", rate, "msg/s", goal=f"{args.pace} (the campaign's pace)")
    emit("campaign: gap between sends (p50)", percentile(gaps, 50), "ms", goal=f"{1000 / args.pace:.1f}")
    emit("campaign: gap between sends (p99)", percentile(gaps, 99), "ms")
    emit(
        "campaign: wall time",
        elapsed,
        "s",
        baseline=args.recipients / args.pace,
        baseline_name="the pace's ideal",
    )
    emit(
        "campaign: messages sent twice",
        len(graph.sent) - len({str(b["to"]) for b in graph.sent}),
        "messages",
        goal="0",
    )


if __name__ == "__main__":
    main()
