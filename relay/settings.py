"""The relay's configuration, from the environment and the command line, in one place."""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path

DEFAULT_GRAPH_URL = "https://graph.facebook.com/v21.0"
DEFAULT_DATABASE_URL = "sqlite:///relay.db"
# Meta's webhook payloads can reach 3 MB, and one the relay refuses is retried for a while, then
# dropped: the default holds the largest with room to spare (the proxy's limit sits above it).
DEFAULT_MAX_WEBHOOK_BYTES = 4 * 1024 * 1024
# A LISTEN connection, one for a request or a webhook batch, one for an automation's customer lock.
MIN_CONNECTIONS_PER_WORKER = 3


SANDBOX_HINT = (
    "To try the relay without a Meta account (simulated customers): shop-inbox-relay serve --upstream sandbox"
)


class SettingRefused(SystemExit):
    """A setting stops the relay before it starts. The command prints the message and exits 2, as
    every other refusal before a start does (docs/relay.md); raised anywhere else (a worker process)
    it still exits with the message."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class MissingSetting(SettingRefused):
    """A required setting is absent: the relay refuses to start and names it."""

    def __init__(self, names: list[str]) -> None:
        super().__init__(
            "shop-inbox-relay: missing required setting(s): "
            + ", ".join(names)
            + " (run `shop-inbox-relay setup`, or set them in the environment; see docs/relay.md)\n"
            + SANDBOX_HINT
        )
        self.names = names


class BadSetting(SettingRefused):
    """A setting's value is not what it must be (a number for a number): the relay refuses to
    start and names it, in one line, instead of a traceback."""

    def __init__(self, name: str, value: str, must_be: str) -> None:
        shown = value if len(value) <= 40 else value[:40] + "…"  # a paste of thousands of digits
        super().__init__(f"shop-inbox-relay: {name} must be {must_be}, not {shown!r}")
        self.name = name


# Each number setting's range, refused outside it at start (docs/relay.md, "Settings"): the top is
# far above what a shop needs and far below what would overflow later (a retention of 999999999
# days is no date, a lease of 1e300 seconds no SQL integer), so a typo stops the relay at once
# instead of ending a background job hours later.
WHOLE_RANGES: dict[str, tuple[int, int]] = {
    "RELAY_RETENTION_DAYS": (1, 36_500),  # a hundred years: "keep everything"
    "RELAY_MEDIA_RETENTION_DAYS": (1, 36_500),
    "RELAY_MAX_WEBHOOK_BYTES": (65_536, 100 * 1024 * 1024),  # a text message's webhook to 100 MiB
    "RELAY_DB_CONNECTIONS": (3, 10_000),  # PostgreSQL's own max_connections stops far below
    "RELAY_WORKERS": (1, 1_000),
    "RELAY_MESSAGING_LIMIT": (1, 10_000_000),  # Meta's tiers: 250 to 100K customers, then unlimited
    # Cloud API's highest throughput; the relay sends at most 80 a second (its default throughput).
    "RELAY_CAMPAIGN_PACE": (1, 1_000),
    "RELAY_MIN_FREE_DISK_MB": (1, 10_000_000),  # 10 TB
}
SECONDS_RANGES: dict[str, tuple[float, float]] = {
    "RELAY_SEND_LEASE_SECONDS": (1, 3600),
    "RELAY_CAMPAIGN_LEASE_SECONDS": (1, 3600),
}


def _whole(env: dict[str, str], name: str, default: int) -> int:
    """A whole-number setting within its range (zero or less would switch the relay off quietly:
    every webhook too large, every event pruned, no campaign ever sent; too much overflows later)."""
    raw = env.get(name, "").strip()
    if not raw:
        return default
    low, high = WHOLE_RANGES[name]
    try:
        value = int(raw)
    except ValueError:  # not a number, or more digits than Python reads
        value = low - 1
    if not low <= value <= high:
        raise BadSetting(name, raw, f"a whole number from {low} to {high}")
    return value


def _seconds(env: dict[str, str], name: str, default: float) -> float:
    """A duration setting in seconds within its range (nan, inf and 1e300 are numbers to float())."""
    raw = env.get(name, "").strip()
    if not raw:
        return default
    low, high = SECONDS_RANGES[name]
    try:
        value = float(raw)
    except ValueError:
        value = float("nan")
    if not low <= value <= high:  # False for nan
        raise BadSetting(name, raw, f"a number of seconds from {low:g} to {high:g}")
    return value


def graph_url_refusal(graph_url: str) -> str | None:
    """Why the relay could not call Graph at `graph_url` (one line), or None."""
    if graph_url.startswith(("https://", "http://")):
        return None
    # httpx would take it, and every send would fail without leaving the server.
    return (
        f"WHATSAPP_GRAPH_URL must be an https:// address such as {DEFAULT_GRAPH_URL} (or leave it out), "
        f"not {graph_url!r}"
    )


@dataclass(frozen=True)
class RelaySettings:
    database_url: str = DEFAULT_DATABASE_URL
    upstream: str = "cloud"  # "cloud" | "sandbox"
    client_token: str | None = None  # RELAY_CLIENT_TOKEN; else the token stored in the database
    app_secret: str = ""
    verify_token: str = ""
    access_token: str = ""
    phone_number_id: str = ""
    waba_id: str = ""
    app_id: str = ""  # WHATSAPP_APP_ID: lets `setup` register the webhook callback itself
    public_url: str = ""  # RELAY_PUBLIC_URL: https://relay.myshop.com, what Meta and desktops call
    # RELAY_MIN_FREE_DISK_MB: the check and /readyz fail below this much free room beside the database.
    min_free_disk_mb: int = 500
    # Tests only, never read from the environment: the check may call a plain-http loopback
    # RELAY_PUBLIC_URL (a remote http:// address still fails).
    check_plain_http_loopback: bool = False
    graph_url: str = DEFAULT_GRAPH_URL
    media_dir: Path | None = None  # default: beside a SQLite database, else ./relay-media
    retention_days: int = 30
    media_retention_days: int = 90  # RELAY_MEDIA_RETENTION_DAYS: received and uploaded files kept
    sqlite_synchronous: str = "NORMAL"  # or "FULL": also survive a power loss, at one fsync per commit
    max_webhook_bytes: int = DEFAULT_MAX_WEBHOOK_BYTES  # RELAY_MAX_WEBHOOK_BYTES
    max_json_bytes: int = 1_000_000  # a send or an automations document
    # uvicorn reads bodies without a deadline: the relay stops a body that stalls for
    # body_idle_timeout, or takes over body_deadline (upload_deadline for media uploads).
    body_idle_timeout: float = 10.0
    body_deadline: float = 30.0
    upload_deadline: float = 900.0
    long_polls_per_token: int = 600  # open long polls one token may hold (a desktop holds one)
    docs_public: bool = False  # RELAY_DOCS=1: /docs, /redoc and /openapi.json without the token
    graph_timeout: float = 20.0
    send_attempts: int = 4  # tries for what Graph says it did not process (429, throttling)
    retry_base_delay: float = 0.5
    # A worker renews the lease on each key it is sending every third of this; a key whose lease ran
    # out (its worker died) is answered `unknown` by any worker's sweep (RELAY_SEND_LEASE_SECONDS).
    send_lease: float = 30.0
    # Every database connection this `serve` may open, all its workers together: each worker gets an
    # equal share, one of which is its LISTEN connection (RELAY_DB_CONNECTIONS; docs/relay.md sizing).
    db_connections: int = 40
    workers: int = 1  # set by `serve --workers N` for the worker processes it spawns (RELAY_WORKERS)
    # The portfolio's messaging limit when Graph does not say it (RELAY_MESSAGING_LIMIT).
    messaging_limit: int = 250
    campaign_pace_max: int = 80  # messages per second, whatever a campaign asks (RELAY_CAMPAIGN_PACE)
    campaign_poll: float = 1.0  # seconds between looks for campaigns to run (a create or resume wakes it)
    # A worker renews its hold on a running campaign every third of this; a campaign whose worker
    # died is taken over by another once it runs out.
    campaign_lease: float = 30.0
    sandbox_speed: float = 1.0
    sandbox_seed: int | None = None
    # The simulated customers' shop: "ko" the Seoul one (Korean customers, a few foreign); "en" the
    # Brighton one of the demo run in English (British and American customers, prices in pounds).
    sandbox_language: str = "ko"
    # A shop with two branches: every other simulated customer writes to a second number.
    sandbox_two_numbers: bool = False
    # The demo's: seconds at most its customers wait for a first automations document, so the first
    # of them is greeted as the desktop's settings say (0: they write at once, as `serve` does).
    sandbox_hold_for_automations: float = 0.0
    extra: dict[str, str] = field(default_factory=dict)

    @classmethod
    def from_env(cls, env: dict[str, str] | None = None, **overrides: object) -> RelaySettings:
        env = dict(os.environ if env is None else env)
        settings = cls(
            database_url=env.get("RELAY_DATABASE_URL", DEFAULT_DATABASE_URL),
            upstream=env.get("RELAY_UPSTREAM", "cloud"),
            client_token=env.get("RELAY_CLIENT_TOKEN") or None,
            app_secret=env.get("WHATSAPP_APP_SECRET", ""),
            verify_token=env.get("WHATSAPP_VERIFY_TOKEN", ""),
            access_token=env.get("WHATSAPP_ACCESS_TOKEN", ""),
            phone_number_id=env.get("WHATSAPP_PHONE_NUMBER_ID", ""),
            waba_id=env.get("WHATSAPP_WABA_ID", ""),
            app_id=env.get("WHATSAPP_APP_ID", ""),
            public_url=env.get("RELAY_PUBLIC_URL", "").strip().rstrip("/"),
            graph_url=env.get("WHATSAPP_GRAPH_URL", DEFAULT_GRAPH_URL).rstrip("/"),
            media_dir=Path(env["RELAY_MEDIA_DIR"]) if env.get("RELAY_MEDIA_DIR") else None,
            retention_days=_whole(env, "RELAY_RETENTION_DAYS", 30),
            media_retention_days=_whole(env, "RELAY_MEDIA_RETENTION_DAYS", 90),
            max_webhook_bytes=_whole(env, "RELAY_MAX_WEBHOOK_BYTES", DEFAULT_MAX_WEBHOOK_BYTES),
            min_free_disk_mb=_whole(env, "RELAY_MIN_FREE_DISK_MB", 500),
            sqlite_synchronous=env.get("RELAY_SQLITE_SYNCHRONOUS", "NORMAL").upper(),
            docs_public=env.get("RELAY_DOCS", "") == "1",
            send_lease=_seconds(env, "RELAY_SEND_LEASE_SECONDS", 30.0),
            db_connections=_whole(env, "RELAY_DB_CONNECTIONS", 40),
            workers=_whole(env, "RELAY_WORKERS", 1),
            messaging_limit=_whole(env, "RELAY_MESSAGING_LIMIT", 250),
            campaign_pace_max=min(80, _whole(env, "RELAY_CAMPAIGN_PACE", 80)),
            campaign_lease=_seconds(env, "RELAY_CAMPAIGN_LEASE_SECONDS", 30.0),
        )
        clean = {k: v for k, v in overrides.items() if v is not None}
        return replace(settings, **clean) if clean else settings  # type: ignore[arg-type]

    @classmethod
    def for_sandbox(
        cls,
        *,
        database_url: str,
        client_token: str,
        phone_number_id: str = "100000000000001",
        sandbox_speed: float = 1.0,
        sandbox_seed: int | None = None,
        sandbox_language: str = "ko",
        sandbox_two_numbers: bool = False,
        sandbox_hold_for_automations: float = 0.0,
    ) -> RelaySettings:
        """The demo's embedded relay: simulated customers, no WhatsApp secrets needed."""
        return cls(
            database_url=database_url,
            upstream="sandbox",
            client_token=client_token,
            app_secret="sandbox-secret",
            verify_token="sandbox",
            phone_number_id=phone_number_id,
            sandbox_speed=sandbox_speed,
            sandbox_seed=sandbox_seed,
            sandbox_language=sandbox_language,
            sandbox_two_numbers=sandbox_two_numbers,
            sandbox_hold_for_automations=sandbox_hold_for_automations,
        )

    def check(self) -> RelaySettings:
        """Raise MissingSetting naming every required setting that is absent (after refusing a value
        no setting can take)."""
        self.refuse_wrong_values()
        missing = []
        if self.upstream == "cloud":
            for env_name, value in (
                ("WHATSAPP_APP_SECRET", self.app_secret),
                ("WHATSAPP_VERIFY_TOKEN", self.verify_token),
                ("WHATSAPP_ACCESS_TOKEN", self.access_token),
                ("WHATSAPP_PHONE_NUMBER_ID", self.phone_number_id),
            ):
                if not value:
                    missing.append(env_name)
        if missing:
            raise MissingSetting(missing)
        return self

    def refuse_wrong_values(self) -> None:
        """Raise SettingRefused for a setting whose value the relay cannot take. `check` asks this
        alone: a missing setting is its first line's to report, a wrong one stops it as it stops
        `serve` (an address without https:// read as a Graph that cannot be reached)."""
        if self.upstream not in ("cloud", "sandbox"):
            raise SettingRefused(
                f"shop-inbox-relay: RELAY_UPSTREAM must be cloud or sandbox, not {self.upstream!r}"
            )
        wrong_graph = graph_url_refusal(self.graph_url) if self.upstream == "cloud" else None
        if wrong_graph:
            raise SettingRefused(f"shop-inbox-relay: {wrong_graph}")
        if self.connections_per_worker < MIN_CONNECTIONS_PER_WORKER:
            raise SettingRefused(
                f"shop-inbox-relay: RELAY_DB_CONNECTIONS={self.db_connections} is too few for {self.workers}"
                f" workers (each needs {MIN_CONNECTIONS_PER_WORKER}); raise it or run fewer workers"
            )
        if self.sqlite_synchronous not in ("NORMAL", "FULL"):
            given = self.sqlite_synchronous
            raise SettingRefused(
                f"shop-inbox-relay: RELAY_SQLITE_SYNCHRONOUS must be NORMAL or FULL, not {given!r}"
            )

    @property
    def connections_per_worker(self) -> int:
        """This process's share of RELAY_DB_CONNECTIONS."""
        return self.db_connections // max(1, self.workers)

    @property
    def pool_size(self) -> int:
        """Pooled connections of one worker: its share less its LISTEN connection and its webhook
        writer's own (PostgreSQL; on SQLite the writer keeps one of the pool's)."""
        return self.connections_per_worker - 2

    def resolved_media_dir(self) -> Path:
        if self.media_dir is not None:
            return self.media_dir
        if self.database_url.startswith("sqlite:///") and self.database_url != "sqlite:///:memory:":
            return Path(self.database_url.removeprefix("sqlite:///")).resolve().parent / "relay-media"
        return Path("relay-media").resolve()
