"""`shop-inbox-relay move-database --to URL`: the move (SQLite to PostgreSQL, or PostgreSQL to a new
SQLite file), what it copied, and the operator's next steps."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from relay.command_settings import shown, sqlite_file
from relay.database_move import MoveRefused, MoveReport, TableCopied, media_files, move_database
from relay.env_file import read_env_file
from relay.settings import RelaySettings

COMMAND = "shop-inbox-relay move-database"


def run_move_command(args: argparse.Namespace) -> int:
    """Exit code 0 once PostgreSQL holds every row; 2 when refused (nothing written)."""
    from relay.cli import read_command_env

    env = read_command_env("move-database", args)
    if env is None:
        return 2
    settings = RelaySettings.from_env(env, database_url=args.database)
    back = sqlite_file(settings.database_url) is None and settings.database_url.startswith("postgresql")
    to = "a new SQLite file" if back else "PostgreSQL"
    print(f"Moving {shown(settings.database_url)} (only read) to {to}…", flush=True)
    try:
        report = move_database(settings.database_url, args.to, progress=_progress)
    except MoveRefused as exc:
        print(f"{COMMAND}: {exc.code}: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        # PostgreSQL rolls the open transaction back when the connection goes; a new SQLite file is
        # only put in place once complete.
        where = "no SQLite file was made" if back else "no rows were written to PostgreSQL"
        print(f"{COMMAND}: stopped; {where}, move again", file=sys.stderr)
        return 130
    print(summary_back(report, settings, args, env) if back else summary(report, settings, args, env))
    return 0


def _progress(copied: TableCopied) -> None:
    print(f"  {copied.name:<20} {copied.rows:>12,} {'row' if copied.rows == 1 else 'rows'}", flush=True)


def summary(
    report: MoveReport, settings: RelaySettings, args: argparse.Namespace, env: dict[str, str]
) -> str:
    """What was done, then the steps that switch the relay over, in order."""
    rows = sum(t.rows for t in report.tables)
    lines = []
    if report.upgraded_from:
        lines.append(
            f"The SQLite database was at schema revision {report.upgraded_from}: a temporary copy of it "
            "was upgraded and moved (the file itself is as it was)."
        )
    lines += [
        f"Moved {rows:,} rows in {len(report.tables)} tables to {report.target} in {report.seconds:.1f} s; "
        "PostgreSQL counted every table again and holds the same rows.",
        *_kept_lines(report),
    ]
    where = f" --env-file {args.env_file}" if args.env_file else ""
    steps = [_database_step(args, env, settings.database_url)]
    media = settings.resolved_media_dir()
    files = media_files(media)
    if "RELAY_MEDIA_DIR" not in env and files:
        # Beside the SQLite file by default; a PostgreSQL relay's default is the folder it starts in.
        steps.append(
            f"Set RELAY_MEDIA_DIR={media} where the relay's settings are: its {files:,} received media "
            "files stay there, and on PostgreSQL the relay would look in the folder it starts in."
        )
    steps.append(
        f"Start the relay: shop-inbox-relay serve{where} (--workers N works on PostgreSQL; docs/relay.md)."
    )
    steps += [
        f"Check it: shop-inbox-relay check{where}",
        "Never start a relay on the SQLite file again: what the new relay takes in would be missing there.",
    ]
    lines += [f"  {n}. {step}" for n, step in enumerate(steps, start=1)]
    lines.append("Desktops need no change: the same address and the same token.")
    return "\n".join(lines)


def _kept_lines(report: MoveReport) -> list[str]:
    """What both moves say alike: where the event log goes on, that the source was only read."""
    return [
        f"The event log goes on after seq {report.next_seq - 1:,}"
        + (f" (pruned through {report.pruned_through:,})" if report.pruned_through else "")
        + ": desktops get only the events they have not had.",
        f"{report.source} was only read: it is your way back, keep it until the new relay has run a while.",
        "",
        "Next:",
    ]


def summary_back(
    report: MoveReport, settings: RelaySettings, args: argparse.Namespace, env: dict[str, str]
) -> str:
    """What the move to SQLite did, then the steps that switch the relay over, in order."""
    rows = sum(t.rows for t in report.tables)
    lines = [
        f"Moved {rows:,} rows in {len(report.tables)} tables to {report.target} in {report.seconds:.1f} s; "
        "the new file counted every table again and holds the same rows.",
        *_kept_lines(report),
    ]
    where = f" --env-file {args.env_file}" if args.env_file else ""
    url = f"sqlite:///{report.target}"
    steps = [_database_step(args, env, settings.database_url, url)]
    media = settings.resolved_media_dir()
    files = media_files(media)
    if "RELAY_MEDIA_DIR" not in env:
        # On PostgreSQL the default is the folder the relay starts in (which may not be the one this
        # command runs in); on SQLite, beside the file.
        steps.append(
            f"Set RELAY_MEDIA_DIR={media} where the relay's settings are: its {files:,} received media "
            "files stay there, and on SQLite the relay would look beside the new file."
            if files
            else "If the relay kept received photos and documents, set RELAY_MEDIA_DIR to the relay-media "
            f"folder of the folder it started in ({media}, as seen from here, holds none): on SQLite the "
            "relay would look beside the new file."
        )
    steps += [
        f"Start one relay, without --workers: shop-inbox-relay serve{where} (SQLite serves one process).",
        f"Check it: shop-inbox-relay check{where}",
        "Never start a relay on the PostgreSQL database again: what the new relay takes in would be "
        "missing there. Stop every relay that used it, on every host.",
    ]
    lines += [f"  {n}. {step}" for n, step in enumerate(steps, start=1)]
    lines.append("Desktops need no change: the same address and the same token.")
    return "\n".join(lines)


def _database_step(
    args: argparse.Namespace, env: dict[str, str], current: str, url: str = "the URL you gave to --to"
) -> str:
    """Where the relay's database URL is set, and the change that points it at the moved database."""
    current = shown(current)  # a PostgreSQL URL's password stays off the screen
    if args.database:
        return (
            f"Point the relay at {url} where it names {current} now: its --database, or "
            "RELAY_DATABASE_URL in its env file (which wins over the environment and a systemd unit's "
            "Environment=) or its environment."
        )
    if args.env_file and "RELAY_DATABASE_URL" in read_env_file(Path(args.env_file)):
        return f"In {args.env_file}, set RELAY_DATABASE_URL to {url} (it is {current} now)."
    if "RELAY_DATABASE_URL" in env:
        return (
            f"Set RELAY_DATABASE_URL to {url} where the relay's environment is set (a systemd "
            f"unit's Environment=, the compose file); it is {current} now."
        )
    where = f" in {args.env_file}" if args.env_file else " in the relay's env file or environment"
    return f"Set RELAY_DATABASE_URL to {url}{where} (the relay used the default, {current})."
