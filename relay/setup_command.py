"""`shop-inbox-relay setup`: Meta's values into a 0600 env file, the app subscribed, the webhook set."""

from __future__ import annotations

import argparse
import asyncio
import getpass
import os
import re
import secrets
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TextIO

from app.wire import CheckReport, CheckStatus, CheckStep
from relay.check import check_relay
from relay.check_text import report_text
from relay.command_settings import NOT_UTF8, port_refusal, shown, sqlite_file_missing, url_refusal
from relay.env_file import ignored_lines, read_env_file, write_env_file
from relay.graph_account import GraphAccount, subscribed_app_ids
from relay.running_relays import DEFAULT_PORT, RelayByHand, in_the_way_text, same_file
from relay.running_relays import in_the_way as found_in_the_way
from relay.settings import DEFAULT_GRAPH_URL, RelaySettings, SettingRefused, graph_url_refusal
from relay.storage.encoding import DatabaseNotUtf8, not_utf8_reason
from relay.upstream import GraphError


@dataclass(frozen=True, slots=True)
class Question:
    env: str
    flag: str
    prompt: str
    secret: bool = False
    optional: bool = False
    pattern: str = r"\S+"


QUESTIONS = (
    Question(
        "WHATSAPP_ACCESS_TOKEN",
        "--access-token",
        "Permanent Meta access token (Business settings > System users > Generate token)",
        secret=True,
    ),
    Question(
        "WHATSAPP_PHONE_NUMBER_ID",
        "--phone-number-id",
        "Phone number ID (app dashboard > WhatsApp > API Setup)",
        pattern=r"\d{5,20}",
    ),
    Question(
        "WHATSAPP_WABA_ID",
        "--waba-id",
        "WhatsApp Business Account ID (same page)",
        pattern=r"\d{5,20}",
    ),
    Question(
        "WHATSAPP_APP_SECRET",
        "--app-secret",
        "App secret (app dashboard > App settings > Basic)",
        secret=True,
    ),
    Question(
        "RELAY_HOST",
        "--host-name",
        "This server's public host name, e.g. relay.myshop.com",
        pattern=r"[A-Za-z0-9.-]+\.[A-Za-z]{2,}|localhost|[0-9.]+",
    ),
    Question(
        "WHATSAPP_APP_ID",
        "--app-id",
        "App ID, so setup can register the webhook for you (Enter to skip)",
        optional=True,
        pattern=r"\d{5,20}",
    ),
)
HEADER = (
    "The Shop Inbox relay's settings, written by `shop-inbox-relay setup` (readable by its owner only).\n"
    "Keep this file secret: it holds the Meta access token and the app secret."
)


class SetupRefused(Exception):
    """Input the setup cannot use; the message names what to fix."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--env-file",
        default="relay.env",
        help="where to write the settings, readable by you only (default relay.env)",
    )
    parser.add_argument(
        "--non-interactive",
        action="store_true",
        help="ask nothing: take the values from the flags, the environment or the existing env file",
    )
    parser.add_argument("--no-check", action="store_true", help="do not run the check at the end")
    parser.add_argument(
        "--database",
        help="SQLAlchemy URL of the relay's database: written to the env file (RELAY_DATABASE_URL) and "
        "used by the check at the end (default RELAY_DATABASE_URL from the env file or the environment, "
        "else sqlite:///relay.db)",
    )
    for question in QUESTIONS:
        # The prompt's "(Enter to skip)" is for the question; a flag is skipped by leaving it out.
        hint = question.prompt.replace(" (Enter to skip)", "")
        parser.add_argument(question.flag, dest=question.env, help=f"{question.env}: {hint}")


def collect(
    args: argparse.Namespace,
    existing: dict[str, str],
    env: dict[str, str],
    ask: Callable[[str], str],
    ask_secret: Callable[[str], str],
) -> dict[str, str]:
    """Each value from its flag, else the environment, else the env file, else (interactively) asked."""
    values: dict[str, str] = {}
    missing: list[str] = []
    for q in QUESTIONS:
        given = getattr(args, q.env, None) or env.get(q.env) or existing.get(q.env) or ""
        while True:
            value = given
            if not args.non_interactive:
                if q.secret:
                    typed = ask_secret(f"{q.prompt}{' [keep the current one]' if value else ''}: ")
                else:
                    typed = ask(f"{q.prompt}{f' [{value}]' if value else ''}: ")
                value = typed.strip() or value
            value = value.strip()
            if q.env == "RELAY_HOST":
                value = value.removeprefix("https://").removeprefix("http://").rstrip("/")
            if not value or re.fullmatch(q.pattern, value):
                break
            problem = f"{q.env} does not look right{wrong_value_hint(q, value)}; see the hint: {q.prompt}"
            if args.non_interactive:
                raise SetupRefused(problem)
            # Asked again, not stopped: the answers typed so far (a long token among them) stay.
            print(f"{problem}. Type it again.", file=sys.stderr)
        if not value:
            if not q.optional:
                missing.append(q.env)
            continue
        values[q.env] = value
    if missing:
        raise SetupRefused(
            "missing: " + ", ".join(missing) + " (give them as flags or in the environment; see --help)"
        )
    return values


def wrong_value_hint(question: Question, value: str) -> str:
    """What the typed value looks like instead, when that is the usual mix-up (a phone number where
    its id goes, a host name with a port or a path)."""
    if question.env == "WHATSAPP_PHONE_NUMBER_ID" and re.fullmatch(r"[+\d][\d ()-]*", value):
        return " (that looks like the phone number itself: its id is the long number shown under it)"
    if question.env == "RELAY_HOST" and re.search(r"[:/]", value):
        return " (the host name alone: no port, no path; Meta calls it on port 443)"
    return ""


def settings_for(values: dict[str, str], existing: dict[str, str]) -> dict[str, str]:
    """The env file's content: the answers, tokens kept from an earlier run or made once, the rest kept."""
    merged = dict(existing)
    merged.update(values)
    merged["RELAY_PUBLIC_URL"] = f"https://{values['RELAY_HOST']}"
    merged.setdefault("WHATSAPP_VERIFY_TOKEN", secrets.token_urlsafe(24))
    merged.setdefault("RELAY_CLIENT_TOKEN", secrets.token_urlsafe(32))
    return merged


def is_local_host(host: str) -> bool:
    """localhost or a bare IP address: no name Meta's webhooks (HTTPS, a certificate) can reach."""
    import ipaddress

    if host.lower() == "localhost" or host.lower().endswith(".localhost"):
        return True
    try:
        ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return False
    return True


@dataclass(frozen=True, slots=True)
class RelayPath:
    """How this relay runs, so setup's advice names the commands that apply to it."""

    start: str  # the command that (re)starts the relay with the new settings
    check: str
    token: str
    # What `start` needs that this server lacks (the unit's program and user), said after it.
    before_start: str = ""
    # The port the relay `start` starts listens on, on this machine's network (None: a container's).
    port: int | None = None


def systemd_unit(env_file: Path) -> str:
    """The unit that reads this env file: one shop's /etc/shop-inbox/relay.env is the single unit's,
    any other shop's (/etc/shop-inbox/flowers.env) the template's instance named after it
    (deploy/systemd/shop-inbox-relay@.service)."""
    shop = env_file.stem if env_file.suffix == ".env" else ""
    if shop and shop != "relay" and re.fullmatch(r"[A-Za-z0-9_.-]+", shop):
        return f"shop-inbox-relay@{shop}"
    return "shop-inbox-relay"


# Where systemd looks for units an admin installed (`sudo cp deploy/systemd/… /etc/systemd/system/`)
# or a package did.
SYSTEMD_UNIT_FOLDERS = (
    Path("/etc/systemd/system"),
    Path("/lib/systemd/system"),
    Path("/usr/lib/systemd/system"),
)


def systemd_start(unit: str) -> str:
    """The command that starts `unit` with the new settings: a restart once it is installed; on a
    first setup, before the unit file was copied (the unit's header copies it after setup), its
    install, as `systemctl restart` of a unit systemd does not have only says "Unit … not found"."""
    unit_file = unit.split("@")[0] + ("@.service" if "@" in unit else ".service")
    if any((folder / unit_file).is_file() for folder in SYSTEMD_UNIT_FOLDERS):
        return f"sudo systemctl restart {unit}"
    return (
        f"sudo cp deploy/systemd/{unit_file} /etc/systemd/system/ && sudo systemctl daemon-reload "
        f"&& sudo systemctl enable --now {unit}"
    )


# The program both units run (ExecStart=), as the user their headers make.
UNIT_PROGRAM = Path("/opt/shop-inbox/venv/bin/shop-inbox-relay")


def unit_program_missing(unit: str, command: str, given: str) -> str:
    """Said when the unit is not installed yet and its program is not there either: setup was run
    from another venv (docs/relay.md's "Run it", from a checkout), and `enable --now` would start a
    unit that fails at once (status=203/EXEC, or 217/USER without the shop-inbox user)."""
    if UNIT_PROGRAM.is_file() or "restart" in systemd_start(unit):
        return ""
    unit_file = unit.split("@")[0] + ("@.service" if "@" in unit else ".service")
    return (
        f"The unit runs {UNIT_PROGRAM} as the user shop-inbox, and that program is not there yet: make "
        f"the user and that venv first, as the header of deploy/systemd/{unit_file} says (useradd, "
        "python3 -m venv and the two pip install lines), then install the unit. To try the relay by "
        "hand instead: "
        f"`{command} serve {given}`."
    )


def relay_path(env_file: Path, database_url: str | None, relay_port: str | None = None) -> RelayPath:
    """Docker when a compose file sits beside the env file (as in deploy/), else the manual/systemd
    path (whose unit listens on 8080, or on RELAY_PORT for one of several shops)."""
    if (env_file.parent / "docker-compose.yml").exists():
        return RelayPath(
            start="docker compose up -d",
            check="docker compose exec relay shop-inbox-relay check",
            token="docker compose exec relay shop-inbox-relay token",
        )
    from relay.cli import command_as_run

    given = f"--env-file {env_file.absolute()}"
    database = f" --database {shown(database_url)}" if database_url else ""
    command = command_as_run()  # /opt/shop-inbox/venv/bin/shop-inbox-relay, as the unit's header runs it
    unit = systemd_unit(env_file)
    return RelayPath(
        start=systemd_start(unit),
        check=f"{command} check {given}{database}",
        token=f"{command} token {given}",
        before_start=unit_program_missing(unit, command, f"{given}{database}"),
        port=_unit_port(unit, relay_port),
    )


def _unit_port(unit: str, relay_port: str | None) -> int | None:
    if "@" not in unit:
        return DEFAULT_PORT  # the single unit's --port
    return int(relay_port) if relay_port and relay_port.isdigit() else None


# What connect_to_meta left to do: nothing, a value Meta refused (setup again with it fixed; starting
# the relay would not help), or the callback Meta could not verify (start the relay, then setup again).
CONNECTED, VALUE_REFUSED, RELAY_NOT_REACHED = "connected", "value_refused", "relay_not_reached"


async def connect_to_meta(
    settings: dict[str, str],
    graph_url: str,
    out: TextIO,
    *,
    start: str = "docker compose up -d",
    by_hand: RelayByHand | None = None,
) -> str:
    """Subscribe the app to the WABA, register the callback (with an app id); each only when missing.
    Answers CONNECTED, VALUE_REFUSED or RELAY_NOT_REACHED. `by_hand`: a relay started by hand that
    read this env file, which Meta's verification may have reached with its old settings."""
    waba = settings["WHATSAPP_WABA_ID"]
    app_id = settings.get("WHATSAPP_APP_ID", "")
    app_secret = settings["WHATSAPP_APP_SECRET"]
    callback = f"{settings['RELAY_PUBLIC_URL']}/webhook"
    ok = CONNECTED
    async with GraphAccount(graph_url, settings["WHATSAPP_ACCESS_TOKEN"]) as graph:
        try:
            apps = await graph.subscribed_apps(waba)
            if apps and (not app_id or app_id in subscribed_app_ids(apps)):
                print("The app is already subscribed to the business account's webhooks.", file=out)
            else:
                await graph.subscribe_app(waba)
                print("Subscribed the app to the business account's webhooks.", file=out)
        except GraphError as exc:
            ok = VALUE_REFUSED
            print(f"Could not subscribe the app to the business account: {exc.sentence()}", file=out)
        if not app_id:
            print(
                "Register the webhook in the app dashboard > WhatsApp > Configuration:\n"
                f"  Callback URL: {callback}\n"
                "  Verify token: the WHATSAPP_VERIFY_TOKEN line of the env file\n"
                "  Webhook fields: messages",
                file=out,
            )
            return ok
        try:
            rows = await graph.app_subscriptions(app_id, app_secret)
            if any(_registered(row, callback) for row in rows):
                print(f"The webhook is already registered at {callback}.", file=out)
                return ok
            await graph.register_webhook(app_id, app_secret, callback, settings["WHATSAPP_VERIFY_TOKEN"])
            print(f"Registered the webhook at {callback}; Meta verified it.", file=out)
        except GraphError as exc:
            if exc.code in APP_TOKEN_REFUSED:
                ok = VALUE_REFUSED
                # The app access token is app id|app secret: starting the relay would not help, and
                # with the wrong secret every webhook Meta sends would be refused as unsigned.
                print(
                    f"Meta refused the app secret (Graph {exc.code}: {exc.message}).\n"
                    "Copy WHATSAPP_APP_SECRET again (app dashboard > App settings > Basic) and check "
                    "WHATSAPP_APP_ID (top left of the app dashboard), then run setup again: "
                    "it is safe to repeat.",
                    file=out,
                )
                return ok
            ok = RELAY_NOT_REACHED if ok == CONNECTED else ok
            if by_hand is not None:
                restart = (
                    f"The relay started by hand (pid {by_hand.pid}) has the settings it read when it "
                    f"started, not these: stop it ({by_hand.how_to_stop()}), start the relay with them "
                    f"({start})"
                )
            else:
                restart = f"Start it ({start})"
            print(
                f"Meta did not register the webhook at {callback}: {exc.message}\n"
                "Meta calls that address at once to verify it, so the relay must be running there. "
                f"{restart}, then run setup again: it is safe to repeat.",
                file=out,
            )
    return ok


# Graph's answer to an app access token whose signature does not match: the app secret is wrong.
APP_TOKEN_REFUSED = (190,)


def _registered(row: dict[str, object], callback: str) -> bool:
    fields = row.get("fields")
    names = {f.get("name") for f in fields if isinstance(f, dict)} if isinstance(fields, list) else set()
    return (
        row.get("object") == "whatsapp_business_account"
        and row.get("callback_url") == callback
        and bool(row.get("active", True))
        and "messages" in names
    )


AS_OWNER = " (run setup as a user who may write there, e.g. with sudo, or give --env-file another path)"


def unwritable_reason(env_file: Path) -> str | None:
    """Why setup could not write `env_file` (its folder is made when missing), or None."""
    if env_file.exists():
        if env_file.is_dir():
            return "it is a folder"
        return (
            None
            if os.access(env_file, os.W_OK) and os.access(env_file.parent, os.W_OK)
            else "Permission denied"
        )
    folder = env_file.parent
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    if not folder.is_dir():
        return f"{folder} is a file, not a folder"
    return None if os.access(folder, os.W_OK | os.X_OK) else f"{folder} is not writable (Permission denied)"


# How long setup's first look at a PostgreSQL server may wait for it to answer, before a question is
# asked: a host whose firewall drops the connection would otherwise hold setup, saying nothing, for
# the system's own connect timeout (minutes).
DATABASE_LOOK_SECONDS = 5


def database_refusal(database_url: str | None) -> str | None:
    """Why the relay could never use the PostgreSQL database setup is told about (one not in UTF8),
    or None: also for one it cannot reach now (on another machine, not up yet: the check at the
    end says so) or a URL it cannot read (the relay's own commands name what is wrong with it)."""
    from sqlalchemy import create_engine
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError, DBAPIError

    if not database_url or not database_url.startswith("postgres"):
        return None
    try:
        url = make_url(database_url)
        if "connect_timeout" not in url.query:
            url = url.update_query_dict({"connect_timeout": str(DATABASE_LOOK_SECONDS)})
        engine = create_engine(url)
    except (ArgumentError, ImportError, ValueError):
        return None
    try:
        reason = not_utf8_reason(engine, shown(database_url))
    except DBAPIError:
        return None
    finally:
        engine.dispose()
    return reason + NOT_UTF8 if reason else None


@dataclass(frozen=True, slots=True)
class KnownSetting:
    """A setting setup is given before its questions (a flag, the environment, the env file) and
    checks at once with the check `serve` and `check` make of it."""

    env: str
    prompt: str
    refusal: Callable[[str], str | None]
    secret: bool = False


KNOWN_SETTINGS = (
    KnownSetting(
        "RELAY_DATABASE_URL",
        "The relay's database URL, e.g. postgresql+psycopg://USER:PASSWORD@HOST:5432/NAME (not shown as "
        "you type: it holds a password)",
        url_refusal,
        secret=True,
    ),
    KnownSetting(
        "WHATSAPP_GRAPH_URL", f"Graph API address (Enter for {DEFAULT_GRAPH_URL})", graph_url_refusal
    ),
    KnownSetting("RELAY_PORT", "This shop's port on this server, e.g. 8081", port_refusal),
)


def known_settings(
    args: argparse.Namespace,
    existing: dict[str, str],
    env: dict[str, str],
    answer: Callable[[KnownSetting], str],
) -> dict[str, str]:
    """The settings given before the questions that had to be typed again (interactive: each asked,
    through `answer`, with the reason until the relay can take it), to be written to the env file;
    SetupRefused naming the first one the relay could never take (non-interactive), or another
    setting it refuses."""
    given = {
        # As setup reads each later: --database, else the env file's, else the environment's; the
        # Graph address from the environment first (closing_check), the port from the file first.
        "RELAY_DATABASE_URL": (
            ("--database", args.database)
            if args.database
            else where_given("RELAY_DATABASE_URL", args.env_file, existing, env, file_first=True)
        ),
        "WHATSAPP_GRAPH_URL": where_given("WHATSAPP_GRAPH_URL", args.env_file, existing, env),
        "RELAY_PORT": where_given("RELAY_PORT", args.env_file, existing, env, file_first=True),
    }
    typed: dict[str, str] = {}
    for setting in KNOWN_SETTINGS:
        source, value = given[setting.env]
        if value is None:
            continue
        refused = setting.refusal(value)
        if refused and args.non_interactive:
            raise SetupRefused(f"{refused_from(source, setting.env, refused)}; nothing was written.")
        while refused:
            said = refused_from(source, setting.env, refused)
            print(f"shop-inbox-relay setup: {said}. Type it again.", file=sys.stderr)
            value = answer(setting).strip()
            if not value and setting.env == "WHATSAPP_GRAPH_URL":
                value = DEFAULT_GRAPH_URL
            source = setting.env
            refused = setting.refusal(value)
            typed[setting.env] = value
    # What the relay refuses among the rest (a number setting that is no number, too few database
    # connections for the workers): the same lines as `serve` says them.
    database = typed.get("RELAY_DATABASE_URL") or given["RELAY_DATABASE_URL"][1]
    graph = typed.get("WHATSAPP_GRAPH_URL") or given["WHATSAPP_GRAPH_URL"][1] or DEFAULT_GRAPH_URL
    try:
        RelaySettings.from_env(
            {**env, **existing, "WHATSAPP_GRAPH_URL": graph}, database_url=database
        ).refuse_wrong_values()
    except SettingRefused as exc:
        raise SetupRefused(
            f"{exc.message.removeprefix('shop-inbox-relay: ')}; nothing was written."
        ) from None
    return typed


def refused_from(source: str, name: str, refused: str) -> str:
    """The refusal with where the value came from: "WHATSAPP_GRAPH_URL in the environment must be
    …" where the line names the setting, else "--database: cannot use …"."""
    if refused.startswith(f"{name} "):
        return source + refused.removeprefix(name)
    return f"{source}: {refused}"


def where_given(
    name: str, env_file: str, existing: dict[str, str], env: dict[str, str], *, file_first: bool = False
) -> tuple[str, str | None]:
    """Where setup takes the setting `name` from (as a message names it) and its value, or None."""
    places = [(f"{name} in {env_file}", existing), (f"{name} in the environment", env)]
    for source, values in places if file_first else places[::-1]:
        if values.get(name):
            return source, values[name]
    return name, None


def run_setup(
    args: argparse.Namespace,
    *,
    env: dict[str, str] | None = None,
    ask: Callable[[str], str] = input,
    ask_secret: Callable[[str], str] = getpass.getpass,
    out: TextIO = sys.stdout,
) -> int:
    env = dict(os.environ if env is None else env)
    env_file = Path(args.env_file)
    # Said before the questions: a file setup cannot read or write would lose every answer typed.
    try:
        existing = read_env_file(env_file)
    except OSError as exc:
        print(
            f"shop-inbox-relay setup: cannot read {env_file}: {exc.strerror or exc}{AS_OWNER}",
            file=sys.stderr,
        )
        return 2
    as_read = dict(existing)  # what a relay started with this file read (if it was not changed since)
    unwritable = unwritable_reason(env_file)
    if unwritable:
        print(f"shop-inbox-relay setup: cannot write {env_file}: {unwritable}{AS_OWNER}", file=sys.stderr)
        return 2
    if env_file.is_file():
        # Rewritten, the file would lose such a line and the value it meant to give.
        notes = ignored_lines(env_file)
        if notes:
            print(
                f"shop-inbox-relay setup: {env_file} {notes[0]}; fix it and run setup again.", file=sys.stderr
            )
            return 2
    # Before the questions too: setup's check at the end would meet a value the relay can never take
    # only after every answer was typed, the env file written and Meta's side set up.
    try:
        known = known_settings(
            args,
            existing,
            env,
            lambda setting: (ask_secret if setting.secret else ask)(f"{setting.prompt}: "),
        )
        if "RELAY_DATABASE_URL" in known:
            args = argparse.Namespace(**{**vars(args), "database": known["RELAY_DATABASE_URL"]})
        existing = {**existing, **{k: v for k, v in known.items() if k != "RELAY_DATABASE_URL"}}
        # The relay would never start on such a database either.
        refused = database_refusal(
            args.database or existing.get("RELAY_DATABASE_URL") or env.get("RELAY_DATABASE_URL")
        )
        if refused:
            raise SetupRefused(f"{refused}; nothing was written.")
        values = collect(args, existing, env, ask, ask_secret)
    except SetupRefused as exc:
        print(f"shop-inbox-relay setup: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(f"\nshop-inbox-relay setup: stopped; nothing was written to {env_file}.", file=sys.stderr)
        return 130
    except EOFError:
        # No terminal to answer from (a script, a pipe that ended, Ctrl+D).
        print(
            f"\nshop-inbox-relay setup: no answer to read; nothing was written to {env_file}. Run it in a "
            "terminal, or with --non-interactive and the values as flags (see --help).",
            file=sys.stderr,
        )
        return 2
    earlier = existing.get("WHATSAPP_WABA_ID")
    if earlier and earlier != values["WHATSAPP_WABA_ID"]:
        # Another shop's file (setup run for a second shop without its own --env-file): rewritten, it
        # would hand this shop the other's desktop token and verify token, and end the other's relay.
        print(
            f"shop-inbox-relay setup: {env_file} holds another business account's settings "
            f"(WHATSAPP_WABA_ID={earlier}): each shop needs an env file of its own; give --env-file "
            "another path (or, if this shop really moved to a new account, delete that line first).",
            file=sys.stderr,
        )
        return 2
    settings = settings_for(values, existing)
    if args.database:
        # `check --env-file` and `serve --env-file` must find the database setup was told about.
        settings["RELAY_DATABASE_URL"] = args.database
    if is_local_host(values["RELAY_HOST"]):
        print(
            f"Warning: {values['RELAY_HOST']} is not a public name: Meta delivers webhooks only to a public "
            "HTTPS host name (e.g. relay.myshop.com). Fine for a local try.",
            file=out,
        )
    try:
        write_env_file(env_file, settings, header=HEADER)
    except OSError as exc:
        print(
            f"shop-inbox-relay setup: cannot write {env_file}: {exc.strerror or exc}{AS_OWNER}",
            file=sys.stderr,
        )
        return 2
    print(f"Wrote {env_file} (readable by you only).", file=out)
    if env_file.name != ".env" and (env_file.parent / "docker-compose.yml").exists():
        # docker compose reads `.env` beside the compose file for ${RELAY_HOST} (Caddy's site name).
        compose_env = env_file.parent / ".env"
        write_env_file(compose_env, {**read_env_file(compose_env), "RELAY_HOST": values["RELAY_HOST"]})
    graph_url = (
        known.get("WHATSAPP_GRAPH_URL")  # typed again: written to the env file, which serve reads last
        or env.get("WHATSAPP_GRAPH_URL")
        or existing.get("WHATSAPP_GRAPH_URL")
        or DEFAULT_GRAPH_URL
    )
    # The relay's database: --database, else RELAY_DATABASE_URL from the env file or the environment.
    database_url = args.database or settings.get("RELAY_DATABASE_URL") or env.get("RELAY_DATABASE_URL")
    # `check --env-file` reads the file's URL itself; one shown with its password hidden could not be
    # typed again, and the environment that gave it still gives it.
    named = database_url if "RELAY_DATABASE_URL" not in settings and database_url else None
    typeable = named if named and shown(named) == named else None
    path = relay_path(env_file, typeable, settings.get("RELAY_PORT"))
    # A relay started by hand here (docs/relay.md's "Run it") goes on with the settings it read at
    # its start, and the service `path.start` starts would meet it on its port or its database.
    in_the_way = found_in_the_way(env_file, path.port)
    changed = settings != as_read
    for relay in in_the_way:
        print(in_the_way_text(relay, env_file, path.port, changed=changed), file=out)
    # Meta's verification reached that relay with its old settings (another verify token) maybe.
    stale = next((r for r in in_the_way if changed and r.env_file and same_file(r.env_file, env_file)), None)
    ok = asyncio.run(connect_to_meta(settings, graph_url, out, start=path.start, by_hand=stale))
    if not args.no_check:
        try:
            text, report = closing_check(settings, env, graph_url, database_url)
        except DatabaseNotUtf8 as exc:
            # Reached only now (it did not answer before the questions): what setup did stays done.
            print(
                f"shop-inbox-relay setup: {exc}{NOT_UTF8}. {env_file} is written and Meta's side set up "
                "as said above: with the new database's URL there, run setup again (it is safe to repeat).",
                file=sys.stderr,
            )
            return 2
        # Only what still waits for the running relay is said to wait for it (a repeated setup,
        # with the relay up, may find Meta's verification done already).
        waiting = [
            entry.step
            for entry in report.lines
            if entry.step in (CheckStep.PUBLIC_URL, CheckStep.WEBHOOK_VERIFIED)
            and entry.status == CheckStatus.FAIL
        ]
        if waiting:
            lines = " and ".join(waiting) + (" lines" if len(waiting) > 1 else " line")
            print(
                f"\nThe check so far. Until the relay runs at its public address ({path.start}), "
                f"the {lines} cannot pass yet.",
                file=out,
            )
        else:
            print("\nThe check:", file=out)
        print(text, file=out)
    if ok == VALUE_REFUSED:
        # Restarting the relay would change nothing: the value goes in through setup.
        first = "fix what the lines above name and run setup again (it is safe to repeat), then "
    elif ok == RELAY_NOT_REACHED:
        first = f"`{path.start}`, run setup again (it is safe to repeat), then "
    else:
        first = f"`{path.start}`, then "
    if in_the_way and ok != VALUE_REFUSED:
        pids = ", ".join(str(relay.pid) for relay in in_the_way)
        first = f"stop the relay started by hand (pid {pids}), then " + first
    if "@" in path.start and not settings.get("RELAY_PORT"):
        # The template unit listens on the shop's RELAY_PORT, and stops without one.
        first = (
            f"add a line `RELAY_PORT=8081` (a port no other shop on this server uses) to {env_file}, " + first
        )
    print(f"\nNext: {first}`{path.check}`.", file=out)
    if path.before_start and ok != VALUE_REFUSED:
        print(path.before_start, file=out)
    print(f"The relay token for the desktop app: `{path.token}`.", file=out)
    return 0 if ok == CONNECTED else 1


def closing_check(
    settings: dict[str, str], env: dict[str, str], graph_url: str, database_url: str | None
) -> tuple[str, CheckReport]:
    """The check's report, as text and as lines; on a throwaway database while the relay's own does
    not exist yet."""
    from relay.store import Store

    relay_settings = RelaySettings.from_env(
        {**env, **settings, "WHATSAPP_GRAPH_URL": graph_url}, database_url=database_url
    )
    with tempfile.TemporaryDirectory(prefix="shop-inbox-setup-") as scratch:
        note = ""
        if sqlite_file_missing(relay_settings.database_url):
            # Creating it here would leave a stray file (or a root-owned one the relay cannot write).
            note = (
                f"({shown(relay_settings.database_url)} does not exist yet, and setup does not create "
                "the relay's database: the check used a throwaway one.)\n"
            )
            relay_settings = replace(relay_settings, database_url=f"sqlite:///{Path(scratch) / 'check.db'}")
        store = Store(relay_settings.database_url, sqlite_synchronous=relay_settings.sqlite_synchronous)
        try:
            report = asyncio.run(check_relay(relay_settings, store))
        finally:
            store.close()
    return note + report_text(report), report
