"""The `shop-inbox-relay` command: `serve`, `setup`, `check`, print/rotate the client `token`, or
`move-database` from SQLite to PostgreSQL (or back)."""

from __future__ import annotations

import argparse
import errno
import logging
import os
import secrets
import shlex
import shutil
import sys
from typing import NoReturn

from relay.command_settings import (
    DISK_FULL,
    LOGIN_REFUSED,
    NO_SUCH_DATABASE,
    NOT_UTF8,
    SERVER_FULL,
    CommandRefused,
    again,
    command_env,
    port_refusal,
    schema_refusal,
    shown,
    sqlite_file,
    sqlite_file_missing,
    unmigrated_reason,
    unopenable_reason,
)
from relay.settings import DEFAULT_DATABASE_URL, WHOLE_RANGES, RelaySettings, SettingRefused

ENV_FILE_HELP = "read the settings from this file too, on top of the environment (as `setup` wrote it)"
DATABASE_HELP = (
    "SQLAlchemy URL of the relay's database (default RELAY_DATABASE_URL from --env-file or the "
    "environment, else sqlite:///relay.db in this folder)"
)
UPSTREAM_HELP = (
    "cloud: WhatsApp's Cloud API; sandbox: simulated customers (default RELAY_UPSTREAM, else cloud)"
)
NEW_TOKEN = "python3 -c 'import secrets; print(secrets.token_urlsafe(32))'"
COMMAND = "shop-inbox-relay"


def command_as_run() -> str:
    """This command as the reader can type it again: its name when PATH finds this very one, else the
    path it was run by (`.venv/bin/shop-inbox-relay` from a checkout whose venv is not activated, where
    a bare `shop-inbox-relay` is "command not found")."""
    run = sys.argv[0] if sys.argv else ""
    if os.path.basename(run) != COMMAND:
        return COMMAND  # `python -m relay.cli`, or embedded: say the installed name
    found = shutil.which(COMMAND)
    try:
        if found is not None and os.path.samefile(found, run):
            return COMMAND
    except OSError as exc:
        # One of the two cannot be looked at (gone, no permission): the path as run is still the one
        # that worked, so it is what the reader is told to type; the cause is for a debug log.
        logging.getLogger(__name__).debug("cannot compare %s with %s: %s", found, run, exc)
    return shlex.quote(run)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="shop-inbox-relay",
        description="The Shop Inbox relay: receives WhatsApp webhooks and serves them to the desktop app.",
        # What the commands do not do themselves has its steps in the guide: say where, for the admin
        # who comes back months later with only --help at hand.
        epilog="Backing up and restoring, upgrading, renewing Meta's access token or app secret, "
        "rotating the desktops' token, logs and disk space: docs/relay.md in Shop Inbox's source, "
        '"Backups" and "Looking after the relay".',
    )
    commands = parser.add_subparsers(dest="command", required=True)
    serve = subcommand(commands, "serve", "run the relay (Ctrl+C or SIGTERM stops it)")
    serve.add_argument(
        "--host",
        default="127.0.0.1",
        help="the address to listen on (default 127.0.0.1: this machine only, behind your HTTPS proxy)",
    )
    serve.add_argument("--port", type=int, default=8080, help="the port to listen on (default 8080)")
    serve.add_argument("--env-file", help=ENV_FILE_HELP)
    serve.add_argument("--database", help=DATABASE_HELP)
    serve.add_argument("--upstream", choices=["cloud", "sandbox"], help=UPSTREAM_HELP)
    serve.add_argument(
        "--workers",
        type=int,
        default=1,
        help="processes serving the relay (default 1; more than 1 needs PostgreSQL and the cloud upstream)",
    )
    token = subcommand(commands, "token", "print the token desktops use (or --rotate it)")
    token.add_argument("--env-file", help=ENV_FILE_HELP)
    token.add_argument("--database", help=DATABASE_HELP)
    token.add_argument("--rotate", action="store_true", help="make a new token; the old one stops working")
    setup = subcommand(
        commands,
        "setup",
        "ask for Meta's values, write the env file, subscribe the app, register the webhook",
    )
    from relay.setup_command import add_arguments

    add_arguments(setup)
    check = subcommand(commands, "check", "check Meta's side and this server; a fix for each failure")
    check.add_argument("--env-file", help=ENV_FILE_HELP)
    check.add_argument("--database", help=DATABASE_HELP)
    check.add_argument(
        "--upstream", choices=["cloud", "sandbox"], help="the upstream the relay serves (as given to serve)"
    )
    check.add_argument("--json", action="store_true", help="print the report as JSON")
    move = subcommand(
        commands,
        "move-database",
        "copy the relay's SQLite database, whole, into an empty PostgreSQL database, or its "
        "PostgreSQL database into a new SQLite file (relay stopped)",
    )
    move.add_argument(
        "--to",
        required=True,
        metavar="URL",
        help="the PostgreSQL database to fill: postgresql+psycopg://user:password@host:5432/name; "
        "from a relay on PostgreSQL, the new SQLite file to make: /var/lib/shop-inbox/relay.db",
    )
    move.add_argument("--env-file", help=ENV_FILE_HELP)
    move.add_argument("--database", help=DATABASE_HELP)
    return parser.parse_args(argv)


def subcommand(
    commands: argparse._SubParsersAction[argparse.ArgumentParser], name: str, what: str
) -> argparse.ArgumentParser:
    """A command whose own --help starts with what it does, as the list of commands says it."""
    return commands.add_parser(name, help=what, description=what[0].upper() + what[1:] + ".")


def read_command_env(command: str, args: argparse.Namespace) -> dict[str, str] | None:
    """The command's settings (the environment, its --env-file on top); None once a file it cannot
    use has been named on stderr (the command then exits 2)."""
    from pathlib import Path

    from relay.env_file import ignored_lines

    try:
        env = command_env(args.env_file, os.environ)
    except CommandRefused as exc:
        print(f"shop-inbox-relay {command}: {exc}", file=sys.stderr)
        return None
    if args.env_file:
        # The relay (and systemd's EnvironmentFile=) would go on without it: say so, before the
        # setting it meant to give is reported missing.
        for note in ignored_lines(Path(args.env_file)):
            print(f"shop-inbox-relay {command}: {args.env_file} {note}", file=sys.stderr)
    return env


SETUP_ENV_FILE = "relay.env"  # setup's default --env-file


def unread_env_file_note(args: argparse.Namespace) -> str:
    """A line for a refusal when setup's env file sits in this folder and was not given: the relay
    reads no file by itself (as systemd reads only its EnvironmentFile=), so a missing setting or
    database is most often this file left out."""
    if getattr(args, "env_file", None) or not os.path.isfile(SETUP_ENV_FILE):
        return ""
    return (
        f"\n{SETUP_ENV_FILE} in this folder (as setup writes it) is read only when given: "
        f"add `--env-file {SETUP_ENV_FILE}` to `{args.command}`."
    )


def with_fix(command: str, reason: str, fix: str, note: str = "", *, made: str = "") -> str:
    """`command`'s database refusal with the fix that names the URL (and the note on an env file left
    out), unless the URL named the right server and database and PostgreSQL was full, refused the
    login or keeps the database in another encoding than UTF8, or the disk was full: the reason
    already says what to do there (the note still may: the env file's URL may hold the password
    PostgreSQL has, or name another database). Where the server has no such database, the reason
    ends with its `createdb`: `made` goes on from there (what follows it, or the URL to fix)."""
    if NO_SUCH_DATABASE in reason and made:
        return reason + made + note
    if reason.endswith(DISK_FULL):
        return reason + again(command)
    if reason.endswith(SERVER_FULL):
        return reason
    if reason.endswith((LOGIN_REFUSED, NOT_UTF8)):
        return reason + note
    return reason + fix + note


def run_check_command(args: argparse.Namespace) -> int:
    """Exit code 0 only when every line passed."""
    import asyncio

    from relay.check import check_relay
    from relay.check_text import report_text
    from relay.sandbox import PROGRESS_KEY
    from relay.store import Store

    env = read_command_env("check", args)
    if env is None:
        return 2
    settings = RelaySettings.from_env(env, database_url=args.database, upstream=args.upstream)
    settings.refuse_wrong_values()
    # Checking a database the relay never ran on would create one and report on it, not on the relay.
    reason = unmigrated_reason(settings.database_url)
    if reason:
        own = "give the relay's own --database (or RELAY_DATABASE_URL in its env file)"
        fix = f"; {own}, or start the relay once to create it."
        made = f" and start the relay once to make its tables, or {own}."
        said = with_fix("check", reason, fix, unread_env_file_note(args), made=made)
        print(f"shop-inbox-relay check: {said}", file=sys.stderr)
        return 2
    store = Store(settings.database_url, sqlite_synchronous=settings.sqlite_synchronous)
    try:
        report = asyncio.run(check_relay(settings, store))
        served_sandbox = settings.upstream == "cloud" and store.kv.get(PROGRESS_KEY) is not None
    finally:
        store.close()
    print(report.model_dump_json(indent=2) if args.json else report_text(report))
    if served_sandbox and not report.ok and not args.json:
        # `serve --upstream sandbox` ran on this database: its settings were never meant to be there.
        print(
            "This database is a sandbox relay's (simulated customers): "
            f"`shop-inbox-relay check --upstream sandbox{database_flag(args)}` checks it as one."
        )
    return 0 if report.ok else 1


def database_anywhere(url: str) -> str:
    """The database URL as a command typed in any folder finds it: a SQLite file by its full path
    (a second terminal opens in the home folder, where "sqlite:///relay.db" is no relay's)."""
    path = sqlite_file(url)
    if path is None or path.is_absolute():
        return shlex.quote(shown(url))
    return shlex.quote(f"sqlite:///{path.resolve()}")


def database_flag(args: argparse.Namespace) -> str:
    return f" --database {shown(args.database)}" if args.database else ""


def run_token_command(args: argparse.Namespace) -> int:
    """Print the token the relay accepts: RELAY_CLIENT_TOKEN when set, else the one in its database."""
    from pathlib import Path

    from relay.env_file import read_env_file

    env = read_command_env("token", args)
    if env is None:
        return 2
    settings = RelaySettings.from_env(env, database_url=args.database)
    if settings.client_token:
        in_file = bool(args.env_file) and "RELAY_CLIENT_TOKEN" in read_env_file(Path(args.env_file))
        where = args.env_file if in_file else "the environment"
        if args.rotate:
            print(
                f"shop-inbox-relay token: RELAY_CLIENT_TOKEN is set (in {where}): edit it there "
                f"(e.g. a new value from `{NEW_TOKEN}`) and restart the relay.",
                file=sys.stderr,
            )
            return 2
        print(f"RELAY_CLIENT_TOKEN is set in {where}; that is the token.", file=sys.stderr)
        print(settings.client_token)
        return 0
    # A mistyped --database must not become a new, empty relay database with a token nobody uses.
    reason = unmigrated_reason(settings.database_url)
    env_file_note = unread_env_file_note(args)
    if (
        reason
        and not env_file_note
        and settings.database_url == DEFAULT_DATABASE_URL
        and sqlite_file_missing(DEFAULT_DATABASE_URL)
    ):
        # The usual slip: a second terminal opens in the home folder, not where `serve` keeps relay.db
        # (where setup's env file sits, leaving it out is the likelier slip: the note below says so).
        print(
            f"shop-inbox-relay token: no relay database in this folder ({Path.cwd()}): run it in the "
            "folder where `shop-inbox-relay serve` runs, or give the relay's own --database.",
            file=sys.stderr,
        )
        return 2
    if reason:
        fix = "; give the relay's own --database."
        made = " and start the relay once, or give the relay's own --database."
        said = with_fix("token", reason, fix, env_file_note, made=made)
        print(f"shop-inbox-relay token: {said}", file=sys.stderr)
        return 2
    from relay.sandbox import PROGRESS_KEY
    from relay.storage.key_values import NotText
    from relay.store import Store

    store = Store(settings.database_url, sqlite_synchronous=settings.sqlite_synchronous)
    try:
        # A sandbox relay (the docs' first try) has no env file: the note would only puzzle there.
        if not args.env_file and store.kv.get(PROGRESS_KEY) is None:
            print(
                "Note: a relay started with an env file that sets RELAY_CLIENT_TOKEN (as setup writes it) "
                "accepts that token instead: `shop-inbox-relay token --env-file FILE` prints it.",
                file=sys.stderr,
            )
        try:
            token = store.kv.client_token(rotate=args.rotate)
        except NotText as exc:
            # Another program wrote the row: no desktop can present it, so the relay refuses them all.
            print(
                f"shop-inbox-relay token: the token in the database was not text ({exc.kind}): this "
                "new one replaces it (a running relay takes it within seconds); paste it in each "
                "desktop's Settings.",
                file=sys.stderr,
            )
            token = store.kv.client_token(rotate=True)
        else:
            if args.rotate:  # stdout stays the token alone (scripts read it); the operator reads this
                print(
                    "shop-inbox-relay token: a new token; the old one is refused within seconds, also "
                    "by the running relay. Paste this one in each desktop's Settings > Relay.",
                    file=sys.stderr,
                )
        print(token)
    finally:
        store.close()
    return 0


def port_taken_reason(host: str, port: int) -> str | None:
    """Why the relay could not listen on host:port (one line), or None. Binds the way uvicorn does
    (SO_REUSEADDR), then lets go, so a second relay stops before it starts anything."""
    import socket

    not_a_port = port_refusal(str(port))
    if not_a_port:
        return f"{not_a_port}; pick another with --port"
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError as exc:
            if exc.errno == errno.EADDRINUSE:
                return port_in_use_reason(host, port)
            return f"cannot listen on {host}:{port}: {exc.strerror or exc}; check --host and --port"
    return None


def port_in_use_reason(host: str, port: int) -> str:
    """Why the port is taken: by a relay started by hand, when one listens there (a `serve` left
    running in a terminal, which the service started after it met as a bare "port in use")."""
    from relay.running_relays import relays_by_hand

    found = [relay for relay in relays_by_hand() if relay.port == port]
    if found:
        return (
            f"port {port} on {host} is already in use by a relay started by hand ({found[0].said()}): "
            f"stop it first ({found[0].how_to_stop()}), or pick another port with --port"
        )
    return f"port {port} on {host} is already in use (another relay running?); pick another with --port"


def media_folder_reason(settings: RelaySettings) -> str | None:
    """Why the media folder cannot be made (one line), or None once it exists."""
    folder = settings.resolved_media_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        return f"cannot make the media folder {folder}: {exc.strerror or exc} (fix RELAY_MEDIA_DIR)"
    return None


def postgresql_hint(args: argparse.Namespace, env: dict[str, str]) -> str:
    """Where the database URL `serve` uses came from, and where a PostgreSQL one goes instead."""
    from pathlib import Path

    from relay.env_file import read_env_file

    url = "a postgresql+psycopg:// URL"
    if args.database:
        return f"from --database; give --database {url}"
    if args.env_file and "RELAY_DATABASE_URL" in read_env_file(Path(args.env_file)):
        # The file's settings win over the environment's: an exported URL is not the one used.
        return (
            f"from RELAY_DATABASE_URL in {args.env_file}, which wins over the environment; "
            f"set it there to {url}"
        )
    if "RELAY_DATABASE_URL" in env:
        return f"from RELAY_DATABASE_URL in the environment; set it to {url}"
    return f"the default; set RELAY_DATABASE_URL or --database to {url}"


def workers_refusal(args: argparse.Namespace, settings: RelaySettings, env: dict[str, str]) -> str | None:
    """Why `--workers N` cannot run (one line naming the setting to change), or None."""
    most = WHOLE_RANGES["RELAY_WORKERS"][1]
    if not 1 <= args.workers <= most:
        return f"--workers {args.workers} is no number of processes: give 1 to {most}"
    if args.workers == 1:
        return None
    if settings.upstream != "cloud":
        # Each sandbox worker would invent its own customers.
        return f"--workers {args.workers} needs --upstream cloud: the sandbox runs in one process"
    if settings.database_url.startswith("sqlite"):
        # Workers wake each other's long polls through PostgreSQL's LISTEN/NOTIFY; a SQLite file has
        # no such channel.
        refusal = (
            f"--workers {args.workers} needs PostgreSQL, and the database is {shown(settings.database_url)} "
            f"({postgresql_hint(args, env)}), or run one worker"
        )
        if sqlite_file(settings.database_url) and not sqlite_file_missing(settings.database_url):
            # A relay has run on it: its messages, token and settings can go along.
            refusal += "; `shop-inbox-relay move-database --to postgresql+psycopg://…` moves what it holds"
        return refusal
    return None


def sqlite_in_use_reason(database_url: str) -> str | None:
    """Why a second relay must not start on a SQLite file a running one serves (one line), or None.

    Two relays on one file would each wake only their own desktops' long polls, and where two shops'
    env files name the same file by mistake, each shop's desktops would get the other's customers.
    """
    from relay.database_move import relay_holds_file

    path = sqlite_file(database_url)
    if path is None or not relay_holds_file(path):
        return None
    return (
        f"another relay (or program) has {path} open; one relay serves a SQLite file: stop it first, "
        "or give this relay a file of its own (fix --database or RELAY_DATABASE_URL)"
    )


def serve_refusal(settings: RelaySettings, host: str, port: int) -> str | None:
    """What stops `serve` before it starts (a database it cannot open, a port taken, a media folder
    it cannot make), in one line."""
    # Asked first, before this process opens the file; said after the port, which the same command
    # run twice meets first.
    in_use = sqlite_in_use_reason(settings.database_url)
    reason = unopenable_reason(settings.database_url)
    folder = sqlite_file(settings.database_url)
    if reason and folder is not None and not folder.parent.is_dir():
        # A new server has no /var/lib/shop-inbox yet (the unit's StateDirectory= makes it for
        # systemd, not for a first `serve` by hand): the URL may well be right, the folder unmade.
        made = shlex.quote(str(folder.parent))
        return (
            f"{reason}: make the folder first (mkdir -p {made}, owned by the user the relay runs as), "
            "or fix --database or RELAY_DATABASE_URL"
        )
    if reason:
        made = ", or fix its name (--database or RELAY_DATABASE_URL)"
        return with_fix("serve", reason, " (fix --database or RELAY_DATABASE_URL)", made=made)
    return port_taken_reason(host, port) or in_use or media_folder_reason(settings)


def connections_refusal(settings: RelaySettings, workers: int) -> str | None:
    """Why RELAY_DB_CONNECTIONS is more than the PostgreSQL server lets the relay open, or None."""
    from relay.connection_ceiling import over_ceiling_reason
    from relay.settings import MIN_CONNECTIONS_PER_WORKER

    return over_ceiling_reason(
        settings.database_url, settings.db_connections, workers, MIN_CONNECTIONS_PER_WORKER
    )


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    from relay.storage.schema import SchemaRefused

    try:
        return run_command(args)
    except SettingRefused as exc:
        print(exc.message + unread_env_file_note(args), file=sys.stderr)
        return 2
    except SchemaRefused as exc:
        # A database a newer relay migrated (a relay rolled back), or tables the relay did not make:
        # the reason in one line, not the traceback of Alembic's lookup under it; a full disk's ends
        # as this command's lines do (a check or a token is run again, not started).
        print(f"shop-inbox-relay {args.command}: {schema_refusal(exc, args.command)}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        # Ctrl+C while a check waits on Graph, or before serve's server took over the signal.
        print(f"\n{STOPPED_BY_CTRL_C.format(command=args.command)}", file=sys.stderr)
        if args.command == "serve":
            from relay.worker_process import CTRL_C_STATUS, exit_at_once

            exit_at_once(CTRL_C_STATUS)  # its with-blocks have closed what they opened on the way here
        return 130


STOPPED_BY_CTRL_C = "shop-inbox-relay {command}: stopped (Ctrl+C)"


def end_serve(status: int) -> NoReturn:
    """End `serve` at once with `status`, saying so in one line when Ctrl+C stopped it (uvicorn's
    last line says how the server stopped, not why)."""
    from relay.worker_process import CTRL_C_STATUS, exit_at_once

    if status == CTRL_C_STATUS:
        print(STOPPED_BY_CTRL_C.format(command="serve"), file=sys.stderr)
    exit_at_once(status)


def migrate_before_workers(database_url: str) -> None:
    """Bring the database to the code's revision once, before the workers start: a database the
    relay refuses stops `serve` here in one line instead of in every worker, again and again."""
    from sqlalchemy import create_engine

    from relay.storage.schema import upgrade_schema

    engine = create_engine(database_url)
    try:
        upgrade_schema(engine)
    finally:
        engine.dispose()


def run_command(args: argparse.Namespace) -> int:
    if args.command in ("setup", "check", "move-database"):
        # Their output is the report itself; the libraries' request lines would only bury it.
        logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
        if args.command == "check":
            return run_check_command(args)
        if args.command == "move-database":
            from relay.database_move_command import run_move_command

            return run_move_command(args)
        from relay.setup_command import run_setup

        return run_setup(args)
    from relay.worker_process import CTRL_C_STATUS, SERVE_RUN_ENV, configure_logging, ctrl_c_noted

    configure_logging()
    if args.command == "token":
        return run_token_command(args)
    env = read_command_env("serve", args)
    if env is None:
        return 2
    # Workers spawned below build their settings from the environment: the file's go with them.
    os.environ.update(env)
    settings = RelaySettings.from_env(env, database_url=args.database, upstream=args.upstream)
    settings.check()
    refusal = workers_refusal(args, settings, env)
    if refusal:
        print(f"shop-inbox-relay serve: {refusal}", file=sys.stderr)
        return 2
    refusal = serve_refusal(settings, args.host, args.port) or connections_refusal(settings, args.workers)
    if refusal:
        print(f"shop-inbox-relay serve: {refusal}", file=sys.stderr)
        return 2
    ctrl_c = ctrl_c_noted()
    import uvicorn

    if args.workers > 1:
        # Each worker process builds the relay from the environment (relay.server.app_from_env).
        os.environ["RELAY_DATABASE_URL"] = settings.database_url
        os.environ["RELAY_UPSTREAM"] = settings.upstream
        os.environ["RELAY_WORKERS"] = str(args.workers)  # each takes its share of RELAY_DB_CONNECTIONS
        os.environ[SERVE_RUN_ENV] = secrets.token_hex(8)  # what the workers say once, they say once a run
        RelaySettings.from_env().check()  # refuse a budget too small for the workers before forking
        migrate_before_workers(settings.database_url)
        from relay.server import SERVER_OPTIONS, say_before_workers
        from relay.worker_supervision import supervise

        say_before_workers(settings)

        config = uvicorn.Config(
            "relay.server:app_from_env",
            factory=True,
            workers=args.workers,
            host=args.host,
            port=args.port,
            log_config=None,
            proxy_headers=True,
            **SERVER_OPTIONS,
        )
        end_serve(supervise(config))

    from relay.server import SERVER_OPTIONS, create_app

    # Its checks above opened the database: should it go away before the start, the start waits for
    # it in one line, as a worker's does, rather than end in a traceback.
    app = create_app(settings, wait_for_storage=True)
    if settings.upstream == "sandbox":
        print(
            f"Sandbox relay: simulated customers, nothing reaches WhatsApp. In the desktop, use the address "
            f"http://{args.host}:{args.port} and the token from "
            f"`{command_as_run()} token --database {database_anywhere(settings.database_url)}`.",
            file=sys.stderr,
        )
    uvicorn.run(app, host=args.host, port=args.port, log_config=None, proxy_headers=True, **SERVER_OPTIONS)
    end_serve(CTRL_C_STATUS if ctrl_c.is_set() else 0)


if __name__ == "__main__":
    sys.exit(main())
