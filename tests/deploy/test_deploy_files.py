"""deploy/: the compose file, the Caddyfile and the systemd unit carry the limits the relay relies on,
and pass their tools' own validators where those tools are installed."""

from __future__ import annotations

import configparser
import json
import os
import re
import shutil
import subprocess
import uuid
from pathlib import Path
from typing import Any

import pytest
import yaml
from sqlalchemy.engine import make_url

from app.wire import MEDIA_LIMITS
from relay.bodies import HEAD_MAX_BYTES, HEAD_TIMEOUT
from relay.events import MAX_WAIT
from relay.server import SERVER_OPTIONS
from relay.settings import RelaySettings

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"
CADDYFILE = (DEPLOY / "Caddyfile").read_text(encoding="utf-8")
SHOPS_CADDYFILE = (DEPLOY / "Caddyfile.shops").read_text(encoding="utf-8")
TEMPLATE_UNIT = DEPLOY / "systemd" / "shop-inbox-relay@.service"
UNITS = {"s": 1, "m": 60, "h": 3600}
SIZES = {"KiB": 1024, "MiB": 1024**2, "KB": 1000, "MB": 1000**2}


def compose() -> dict[str, Any]:
    data = yaml.safe_load((DEPLOY / "docker-compose.yml").read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def caddy_setting(name: str, after: str = "", caddyfile: str = CADDYFILE) -> str:
    """The value of the first `name value` line (after the line containing `after`)."""
    text = caddyfile[caddyfile.index(after) :] if after else caddyfile
    found = re.search(rf"^\s*{re.escape(name)}\s+(\S+)\s*$", text, re.MULTILINE)
    assert found, f"{name} is not set in deploy/Caddyfile"
    return found.group(1)


def seconds(value: str) -> float:
    return float(value[:-1]) * UNITS[value[-1]]


def size(value: str) -> int:
    unit = next(u for u in SIZES if value.endswith(u))
    return int(float(value[: -len(unit)]) * SIZES[unit])


def test_compose_runs_the_relay_and_caddy_with_restarts_rotated_logs_and_named_volumes() -> None:
    services = compose()["services"]
    relay, caddy = services["relay"], services["caddy"]
    for service in (relay, caddy):
        assert service["restart"] == "unless-stopped"
        assert service["logging"]["options"] == {"max-size": "10m", "max-file": "5"}
        assert "healthcheck" in service
    assert "ports" not in relay  # only Caddy is reachable from outside
    assert sorted(caddy["ports"]) == ["443:443", "443:443/udp", "80:80"]
    assert set(compose()["volumes"]) == {"relay-data", "caddy-data", "caddy-config"}
    assert "relay-data:/data" in relay["volumes"]
    assert relay["build"]["dockerfile"] == "Dockerfile" and relay["build"]["context"] == ".."
    for built in (relay, services["setup"]):
        assert built["pull_policy"] == "build"  # never a registry image that happens to share the name
    # Docker's health is readiness: "unhealthy" while the relay's database takes no writes.
    assert "/readyz" in " ".join(relay["healthcheck"]["test"])
    # Caddy is not held back until the relay is ready: a relay up but not ready says why through it.
    assert caddy["depends_on"]["relay"]["condition"] == "service_started"
    assert "./Caddyfile:/etc/caddy/Caddyfile:ro" in caddy["volumes"]
    assert caddy["environment"]["RELAY_ADDRESS"] == "relay:8080"


def test_setup_runs_once_on_demand_and_never_touches_the_relays_volume() -> None:
    setup = compose()["services"]["setup"]
    assert setup["profiles"] == ["setup"]  # not started by `docker compose up`
    assert setup["entrypoint"][:2] == ["shop-inbox-relay", "setup"]
    assert not any("relay-data" in volume for volume in setup["volumes"])


def test_caddy_keeps_long_polls_open_and_cuts_slow_clients() -> None:
    assert seconds(caddy_setting("response_header_timeout")) > MAX_WAIT + 10
    assert seconds(caddy_setting("read_header")) == HEAD_TIMEOUT
    # The whole body may take as long as the relay allows a media upload, never longer.
    assert seconds(caddy_setting("read_body")) == RelaySettings().upload_deadline
    assert "\twrite " not in CADDYFILE  # no write deadline under a 55 s long poll
    assert size(caddy_setting("max_header_size")) == HEAD_MAX_BYTES
    assert SERVER_OPTIONS["h11_max_incomplete_event_size"] == HEAD_MAX_BYTES
    assert caddy_setting("flush_interval") == "-1"
    # A relay marked down (restarted, or not yet up when Caddy started) is asked again while a request
    # still waits for it: Caddy once answered 503 for 30 s after a relay back within 2 s.
    assert seconds(caddy_setting("health_interval")) <= seconds(caddy_setting("lb_try_duration"))


def test_caddy_body_limits_fit_whatsapps_files_and_the_relays_json() -> None:
    media = size(caddy_setting("max_size", after="handle /v1/media"))
    assert max(MEDIA_LIMITS.values()) < media <= max(MEDIA_LIMITS.values()) * 1.2
    default = size(caddy_setting("max_size", after="handle {"))
    settings = RelaySettings()
    # Meta's webhook payloads reach 3 MB: the relay takes them, and the proxy a little more.
    assert settings.max_webhook_bytes > 3_000_000
    assert max(settings.max_webhook_bytes, settings.max_json_bytes) < default <= 6 * 1024**2


def test_caddy_lets_the_largest_campaign_through_to_the_relay() -> None:
    from app.wire import CAMPAIGN_RECIPIENTS_MAX, NewCampaign
    from relay.routes.campaigns import MAX_CAMPAIGN_BYTES

    recipient = {
        "wa_id": "821012345678",
        "components": [{"type": "body", "parameters": [{"type": "text", "text": "김민지"}]}],
        "consent": {"notifications": True, "marketing": True, "night": False},
        "country": "KR",
        "timezone": "Asia/Seoul",
        "language": "ko",
    }
    largest = NewCampaign.model_validate(
        {
            "id": "spring-sale",
            "name": "봄 세일",
            "template": {"name": "spring_sale", "language": "ko", "category": "MARKETING"},
            "recipients": [dict(recipient, wa_id=f"8210{i:08d}") for i in range(CAMPAIGN_RECIPIENTS_MAX)],
        }
    )
    body = len(largest.model_dump_json(exclude_none=True).encode())
    campaigns = size(caddy_setting("max_size", after="handle /v1/campaigns"))
    assert body < campaigns == MAX_CAMPAIGN_BYTES


def test_the_relay_image_is_built_from_the_lock_and_runs_as_a_non_root_user() -> None:
    dockerfile = (ROOT / "Dockerfile").read_text(encoding="utf-8")
    assert "--require-hashes -r requirements/relay.txt" in dockerfile
    users = re.findall(r"^USER\s+(\S+)", dockerfile, re.MULTILINE)
    assert users and users[-1] not in ("root", "0")
    assert re.search(r"^HEALTHCHECK .*/readyz", dockerfile, re.MULTILINE)


def test_every_volume_the_relay_mounts_is_a_folder_its_image_makes_and_gives_to_its_user() -> None:
    """Docker makes a mount point the image lacks owned by root: the relay, not root, could not write
    there (customer photos lost). A named volume takes the image folder's owner on first use."""
    dockerfile = (ROOT / "Dockerfile").read_text(encoding="utf-8")
    user = re.findall(r"^USER\s+(\S+)", dockerfile, re.MULTILINE)[-1]
    made = {p for args in re.findall(r"mkdir -p ([^&\n]+)", dockerfile) for p in args.split()}
    owned = {p for args in re.findall(rf"chown (?:-R )?{user} ([^&\n]+)", dockerfile) for p in args.split()}
    mounts = []
    for data in (compose(), scale_compose()):
        for name, service in data["services"].items():
            if service.get("image") != "shop-inbox-relay" or service.get("user", "").startswith("0"):
                continue
            for volume in service.get("volumes", []):
                source, target = volume.split(":")[:2]
                if source in data.get("volumes", {}):  # a named volume, not a bind mount
                    mounts.append((name, target))
    assert mounts
    for name, target in mounts:
        assert target in made and target in owned, (
            f"{name} mounts {target}, which the image does not make for {user}"
        )


def test_the_systemd_unit_runs_unprivileged_behind_caddy_with_the_env_file() -> None:
    unit = configparser.ConfigParser(strict=False, interpolation=None)
    unit.optionxform = str  # type: ignore[assignment,method-assign]
    unit.read(DEPLOY / "systemd" / "shop-inbox-relay.service", encoding="utf-8")
    service = unit["Service"]
    assert service["User"] not in ("root", "0")
    assert service["EnvironmentFile"] == "/etc/shop-inbox/relay.env"
    assert "--host 127.0.0.1" in service["ExecStart"]
    assert service["Restart"] == "on-failure" and service["NoNewPrivileges"] == "yes"
    assert "postgresql.service" in unit["Unit"]["After"]  # a PostgreSQL relay starts after its database
    # The header's setup names the unit's own database, so the check it prints reads that one (a
    # throwaway URL exported for setup would be named in its closing advice instead).
    text = (DEPLOY / "systemd" / "shop-inbox-relay.service").read_text(encoding="utf-8")
    database = re.findall(r"^Environment=RELAY_DATABASE_URL=(\S+)$", text, re.MULTILINE)[0]
    setup_line = next(line for line in text.splitlines() if "shop-inbox-relay setup" in line)
    assert f"--database {database}" in setup_line and "RELAY_DATABASE_URL=" not in setup_line
    dropin = (DEPLOY / "systemd" / "caddy-shop-inbox.conf").read_text(encoding="utf-8")
    assert "RELAY_ADDRESS=127.0.0.1:8080" in dropin  # the same Caddyfile, pointed at the local relay


def _unit(path: Path) -> configparser.ConfigParser:
    unit = configparser.ConfigParser(strict=False, interpolation=None)
    unit.optionxform = str  # type: ignore[assignment,method-assign]
    unit.read(path, encoding="utf-8")
    return unit


def test_the_template_unit_gives_each_shop_its_own_env_file_database_media_folder_and_port() -> None:
    single = _unit(DEPLOY / "systemd" / "shop-inbox-relay.service")["Service"]
    template = _unit(TEMPLATE_UNIT)["Service"]
    assert template["EnvironmentFile"] == "/etc/shop-inbox/%i.env"
    environment = dict(
        v.split("=", 1) for v in re.findall(r"^Environment=(\S+)$", TEMPLATE_UNIT.read_text(), re.M)
    )
    assert environment["RELAY_DATABASE_URL"] == "sqlite:////var/lib/shop-inbox/%i/relay.db"
    assert environment["RELAY_MEDIA_DIR"] == "/var/lib/shop-inbox/%i/media"
    assert (
        template["StateDirectory"] == "shop-inbox/%i"
        and template["WorkingDirectory"] == "/var/lib/shop-inbox/%i"
    )
    # Each shop's relay writes its own folder only, never another shop's.
    assert template["ReadWritePaths"] == "/var/lib/shop-inbox/%i"
    assert template["ExecStart"].endswith("serve --host 127.0.0.1 --port ${RELAY_PORT}")
    # Everything else as the single shop's unit: the user, restarts, the sandboxing.
    same = set(single) - {
        "Environment",
        "EnvironmentFile",
        "StateDirectory",
        "WorkingDirectory",
        "ExecStart",
        "ReadWritePaths",
    }
    assert {key: template.get(key) for key in same} == {key: single[key] for key in same}
    header = "\n".join(line for line in TEMPLATE_UNIT.read_text().splitlines() if line.startswith("#   "))
    for command in (
        "shop-inbox-relay setup --env-file /etc/shop-inbox/flowers.env "
        "--database sqlite:////var/lib/shop-inbox/flowers/relay.db",
        "echo RELAY_PORT=8081 | sudo tee -a /etc/shop-inbox/flowers.env",
        "systemctl enable --now shop-inbox-relay@flowers",
        "check --env-file /etc/shop-inbox/flowers.env",
    ):
        assert command in header, command


def test_a_shop_without_a_port_stops_with_a_line_naming_its_env_file() -> None:
    """The unit's ExecStartPre, as systemd runs it for `shop-inbox-relay@flowers` ($$ is $, %i the name)."""
    line = next(v for v in TEMPLATE_UNIT.read_text().splitlines() if v.startswith("ExecStartPre="))
    script = line.split("/bin/sh -c '", 1)[1].rstrip("'").replace("$$", "$").replace("%i", "flowers")
    env = {k: v for k, v in os.environ.items() if k != "RELAY_PORT"}
    missing = subprocess.run(["/bin/sh", "-c", script], capture_output=True, text=True, env=env, timeout=30)
    assert missing.returncode != 0
    assert "RELAY_PORT is not set" in missing.stderr and "/etc/shop-inbox/flowers.env" in missing.stderr
    given = subprocess.run(["/bin/sh", "-c", script], env={**env, "RELAY_PORT": "8081"}, timeout=30)
    assert given.returncode == 0


def test_the_several_shops_caddyfile_sends_each_host_name_to_its_own_port_with_the_same_limits() -> None:
    sites = re.findall(r"^(\S+\.example) \{\n\timport shop (\S+)\n\}", SHOPS_CADDYFILE, re.M)
    assert len(sites) >= 2
    assert len({host for host, _ in sites}) == len({address for _, address in sites}) == len(sites)
    for name, after in (
        ("read_header", ""),
        ("read_body", ""),
        ("idle", ""),
        ("max_header_size", ""),
        ("flush_interval", ""),
        ("dial_timeout", ""),
        ("response_header_timeout", ""),
        ("health_uri", ""),
        ("health_interval", ""),
        ("health_timeout", ""),
        ("lb_try_duration", ""),
        ("max_size", "handle /v1/media"),
        ("max_size", "handle /v1/campaigns"),
        ("max_size", "handle {"),
    ):
        assert caddy_setting(name, after, SHOPS_CADDYFILE) == caddy_setting(name, after), name


def test_caddy_validates_the_several_shops_caddyfile() -> None:
    if not _tool("caddy", "version"):
        pytest.skip("caddy is not installed here: `caddy validate` of deploy/Caddyfile.shops did not run")
    done = subprocess.run(
        ["caddy", "adapt", "--adapter", "caddyfile", "--config", str(DEPLOY / "Caddyfile.shops")],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    # Every request to a shop's name reaches that shop's relay and no other.
    for route in json.loads(done.stdout)["apps"]["http"]["servers"]["srv0"]["routes"]:
        (host,) = route["match"][0]["host"]
        port = re.search(rf"^{re.escape(host)} \{{\n\timport shop (\S+)", SHOPS_CADDYFILE, re.M)
        assert port is not None
        assert set(re.findall(r'"dial": ?"([^"]+)"', json.dumps(route))) == {port.group(1)}


def _tool(*command: str) -> bool:
    if shutil.which(command[0]) is None:
        return False
    done = subprocess.run(command, capture_output=True, timeout=60)
    return done.returncode == 0


def test_caddy_validates_the_caddyfile(tmp_path: Path) -> None:
    if not _tool("caddy", "version"):
        pytest.skip("caddy is not installed here: `caddy validate` of deploy/Caddyfile did not run")
    env = {**os.environ, "RELAY_HOST": "relay.myshop.example", "RELAY_ADDRESS": "127.0.0.1:8080"}
    done = subprocess.run(
        ["caddy", "validate", "--adapter", "caddyfile", "--config", str(DEPLOY / "Caddyfile")],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr


@pytest.mark.parametrize("unit", ["shop-inbox-relay.service", "shop-inbox-relay@.service"])
def test_systemd_accepts_the_unit(unit: str) -> None:
    if not _tool("systemd-analyze", "--version"):
        pytest.skip("systemd-analyze is not installed here: the unit was not verified")
    done = subprocess.run(
        ["systemd-analyze", "verify", str(DEPLOY / "systemd" / unit)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    # The relay's venv is not installed on this machine; anything else systemd says is a real problem.
    problems = [
        line
        for line in (done.stdout + done.stderr).splitlines()
        if line.strip() and "/opt/shop-inbox/venv/bin/shop-inbox-relay is not executable" not in line
    ]
    assert not problems, problems


def test_docker_compose_validates_the_compose_file() -> None:
    if not _tool("docker", "compose", "version"):
        pytest.skip("docker compose is not installed here: `docker compose config` did not run")
    done = subprocess.run(
        ["docker", "compose", "-f", str(DEPLOY / "docker-compose.yml"), "config", "--quiet"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr


def scale_compose() -> dict[str, Any]:
    data = yaml.safe_load((DEPLOY / "docker-compose.scale.yml").read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def test_the_scale_compose_runs_two_relays_on_one_postgresql_behind_caddy() -> None:
    services = scale_compose()["services"]
    relays = [services["relay-a"], services["relay-b"]]
    for relay in relays:
        env = relay["environment"]
        assert env["RELAY_DATABASE_URL"].startswith("postgresql+psycopg://relay:")
        assert "@postgres:5432/relay" in env["RELAY_DATABASE_URL"]
        assert "relay-media:/data/media" in relay["volumes"] and env["RELAY_MEDIA_DIR"] == "/data/media"
        assert relay["depends_on"]["postgres"]["condition"] == "service_healthy"
        assert "ports" not in relay and "--workers" in relay["command"]
        assert "/readyz" in " ".join(relay["healthcheck"]["test"])
    # Both relays' connections fit PostgreSQL's default 100 (less 3 for superusers), with room.
    assert sum(int(r["environment"]["RELAY_DB_CONNECTIONS"]) for r in relays) <= 97 - 20
    caddy = services["caddy"]
    assert caddy["environment"]["RELAY_ADDRESS"].split() == ["relay-a:8080", "relay-b:8080"]
    assert {caddy["depends_on"][name]["condition"] for name in ("relay-a", "relay-b")} == {"service_started"}
    assert caddy_setting("lb_try_duration") == "5s"


def test_caddy_validates_the_caddyfile_with_two_relays(tmp_path: Path) -> None:
    if not _tool("caddy", "version"):
        pytest.skip("caddy is not installed here: `caddy validate` of deploy/Caddyfile did not run")
    env = {**os.environ, "RELAY_HOST": "relay.myshop.example", "RELAY_ADDRESS": "relay-a:8080 relay-b:8080"}
    done = subprocess.run(
        ["caddy", "validate", "--adapter", "caddyfile", "--config", str(DEPLOY / "Caddyfile")],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr


def test_docker_compose_validates_the_scale_compose_file() -> None:
    if not _tool("docker", "compose", "version"):
        pytest.skip("docker compose is not installed here: `docker compose config` did not run")
    done = subprocess.run(
        ["docker", "compose", "-f", str(DEPLOY / "docker-compose.scale.yml"), "config", "--quiet"],
        capture_output=True,
        text=True,
        env={**os.environ, "POSTGRES_PASSWORD": "example"},
        timeout=120,
    )
    assert done.returncode == 0, done.stderr


@pytest.mark.slow
def test_the_relay_image_builds_and_its_health_check_passes() -> None:
    """Building downloads the locked packages, so it runs only where asked (RELAY_TEST_DOCKER=1)."""
    if not os.environ.get("RELAY_TEST_DOCKER"):
        pytest.skip("set RELAY_TEST_DOCKER=1 where Docker may build (it downloads the locked packages)")
    if not _tool("docker", "info"):
        pytest.skip("no Docker daemon here: the relay image was not built")
    tag = f"shop-inbox-relay-test:{uuid.uuid4().hex[:8]}"
    subprocess.run(["docker", "build", "-t", tag, str(ROOT)], check=True, timeout=1800)
    name = f"relay-{uuid.uuid4().hex[:8]}"
    # Docker reports each health check result as an event: wait for the first, not on a timer.
    watch = ["docker", "events", "--filter", f"container={name}", "--filter", "event=health_status"]
    events = subprocess.Popen(
        [*watch, "--format", "{{.Status}}"],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        run = ["docker", "run", "-d", "--name", name, "-e", "RELAY_UPSTREAM=sandbox"]
        subprocess.run(
            [*run, "--health-interval=2s", "--health-start-period=5s", tag],
            check=True,
            timeout=120,
        )
        assert events.stdout is not None
        assert events.stdout.readline().strip() == "health_status: healthy"
        user = subprocess.run(
            ["docker", "exec", name, "id", "-u"], capture_output=True, text=True, timeout=30
        ).stdout.strip()
        assert user != "0"
    finally:
        events.kill()
        events.wait(timeout=30)
        subprocess.run(["docker", "rm", "-f", name], capture_output=True, timeout=60)
        subprocess.run(["docker", "rmi", "-f", tag], capture_output=True, timeout=60)


def test_the_guide_opens_with_the_three_commands_and_quotes_the_caddyfile_limits() -> None:
    guide = (ROOT / "docs" / "relay.md").read_text(encoding="utf-8")
    first_block = guide.split("```sh", 1)[1].split("```", 1)[0]
    commands = [line.split("#")[0].strip() for line in first_block.strip().splitlines()]
    assert commands == [
        "docker compose run --rm setup",
        "docker compose up -d",
        "docker compose exec relay shop-inbox-relay check",
    ]
    assert guide.index("## The relay in three commands") < guide.index("## The manual path")
    # The nginx example says the same numbers as deploy/Caddyfile, the one place they are set.
    media = size(caddy_setting("max_size", after="handle /v1/media")) // 1024**2
    default = size(caddy_setting("max_size", after="handle {")) // 1024**2
    campaigns = size(caddy_setting("max_size", after="handle /v1/campaigns")) // 1024**2
    header = int(seconds(caddy_setting("read_header")))
    read = int(seconds(caddy_setting("response_header_timeout")))
    for nginx in (
        f"client_max_body_size {media}m;",
        f"client_max_body_size {default}m;",
        f"client_max_body_size {campaigns}m;",
        f"client_header_timeout {header}s;",
        f"proxy_read_timeout {read}s;",
        f"large_client_header_buffers 4 {size(caddy_setting('max_header_size')) // 1024}k;",
        f"client_body_timeout {int(RelaySettings().body_idle_timeout)}s;",
    ):
        assert nginx in guide, nginx


def test_each_deploy_files_header_names_a_guide_section_and_the_unit_lists_every_command() -> None:
    guide = (ROOT / "docs" / "relay.md").read_text(encoding="utf-8")
    headings = set(re.findall(r"^#+ (.+)$", guide, re.MULTILINE))
    for path in (*DEPLOY.glob("*.yml"), *DEPLOY.glob("Caddyfile*"), *(DEPLOY / "systemd").iterdir()):
        for section in re.findall(r'docs/relay\.md, "([^"]+)"', path.read_text(encoding="utf-8")):
            assert section in headings, f"{path.name} points to a section docs/relay.md lacks: {section}"
    unit = (DEPLOY / "systemd" / "shop-inbox-relay.service").read_text(encoding="utf-8")
    header = "\n".join(line for line in unit.splitlines() if line.startswith("#   "))
    for command in (
        "useradd --system",
        "python3 -m venv /opt/shop-inbox/venv",
        "/opt/shop-inbox/venv/bin/pip install --require-hashes -r requirements/relay.txt",
        "shop-inbox-relay setup --env-file /etc/shop-inbox/relay.env",
        "systemctl enable --now shop-inbox-relay",
    ):
        assert command in header, command


def test_the_guide_links_nothing_outside_the_repository() -> None:
    guide = (ROOT / "docs" / "relay.md").read_text(encoding="utf-8")
    for target in re.findall(r"(\.\./[\w./-]+)", guide):
        assert (ROOT / "docs" / target).resolve().is_relative_to(ROOT), target
        assert (ROOT / "docs" / target).exists(), target


def test_the_scale_composes_database_password_made_as_the_docs_say_reaches_postgresql_and_the_relays_alike(
    tmp_path: Path,
) -> None:
    # The docs said only "add POSTGRES_PASSWORD=… to .env": one with an @, / or % went to PostgreSQL
    # as typed and into the relays' URL as something else (%40 is an @ there), and no relay logged in.
    guide = (ROOT / "docs" / "relay.md").read_text(encoding="utf-8")
    header = (DEPLOY / "docker-compose.scale.yml").read_text(encoding="utf-8")
    made = re.findall(r'^(echo "POSTGRES_PASSWORD=.*" >> \.env)$', guide, re.M)
    assert len(made) == 1 and f"#   {made[0]}" in header  # the guide and the file's header agree
    subprocess.run(["sh", "-c", made[0]], cwd=tmp_path, check=True, timeout=60)
    line = (tmp_path / ".env").read_text().strip()
    password = line.removeprefix("POSTGRES_PASSWORD=")
    assert password and password != line
    services = scale_compose()["services"]
    given = re.sub(
        r"\$\{POSTGRES_PASSWORD:\?[^}]*\}", password, services["postgres"]["environment"]["POSTGRES_PASSWORD"]
    )
    assert given == password
    for name in ("relay-a", "relay-b"):
        template = services[name]["environment"]["RELAY_DATABASE_URL"]
        url = make_url(re.sub(r"\$\{POSTGRES_PASSWORD:\?[^}]*\}", password, template))
        assert (url.password, url.host, url.username, url.database) == (
            password,
            "postgres",
            "relay",
            "relay",
        )
