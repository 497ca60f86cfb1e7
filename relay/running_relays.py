"""Relays (`shop-inbox-relay serve`) running on this machine that were started by hand, not as a
service, found by their command lines (Linux's /proc): what setup and serve say when one is in the way."""

from __future__ import annotations

import os
import re
import shlex
from dataclasses import dataclass
from pathlib import Path

COMMAND = "shop-inbox-relay"
DEFAULT_PORT = 8080  # serve's --port default, and the port the systemd unit gives it
PROC = Path("/proc")

# A process systemd started for a unit (a service's), or one of a container's: not started by hand.
# (A terminal's shell is in the user's slice: /user.slice/user-1000.slice/session-3.scope.)
NOT_BY_HAND = re.compile(r"/system\.slice/|/docker[/-]|/kubepods|/lxc/|/libpod")

# How much of a found relay's command line is shown: enough to know it again.
SHOWN_COMMAND = 160


@dataclass(frozen=True, slots=True)
class RelayByHand:
    """A `serve` started by hand: its pid, its command line, the port it listens on, the env file it
    read (a full path; None without one, or where its folder could not be told), its terminal."""

    pid: int
    arguments: tuple[str, ...]  # what follows `serve`
    port: int
    env_file: Path | None
    terminal: bool

    def said(self) -> str:
        """Which relay, for a line: pid 4242, in a terminal: `shop-inbox-relay serve --port 8080`."""
        command = shlex.join([COMMAND, "serve", *self.arguments])
        if len(command) > SHOWN_COMMAND:
            command = command[: SHOWN_COMMAND - 1] + "…"
        where = ", in a terminal" if self.terminal else ""
        return f"pid {self.pid}{where}: `{command}`"

    def how_to_stop(self) -> str:
        return f"Ctrl+C in its terminal, or `kill {self.pid}`" if self.terminal else f"`kill {self.pid}`"


def serve_arguments(cmdline: list[str]) -> list[str] | None:
    """What follows `serve` in a relay's command line (`…/bin/shop-inbox-relay serve …`, as the
    console script runs, or `python -m relay.cli serve …`), or None for any other program."""
    for i, word in enumerate(cmdline):
        if os.path.basename(word) == COMMAND:
            rest = cmdline[i + 1 :]
        elif word == "-m" and cmdline[i + 1 : i + 2] == ["relay.cli"]:
            rest = cmdline[i + 2 :]
        else:
            continue
        return rest[1:] if rest[:1] == ["serve"] else None
    return None


def option(arguments: list[str], name: str) -> str | None:
    """The value of `--name VALUE` or `--name=VALUE` (the last one given wins, as in argparse)."""
    found = None
    for i, word in enumerate(arguments):
        if word == name and i + 1 < len(arguments):
            found = arguments[i + 1]
        elif word.startswith(name + "="):
            found = word.split("=", 1)[1]
    return found


def relays_by_hand(proc: Path = PROC) -> list[RelayByHand]:
    """Every `serve` on this machine started by hand (not by systemd, not in a container), as far
    as this user may look; none where there is no /proc (the operator's word is taken there)."""
    found: list[RelayByHand] = []
    try:
        entries = [entry for entry in proc.iterdir() if entry.name.isdigit()]
    except OSError:
        return found
    for entry in entries:
        pid = int(entry.name)
        if pid == os.getpid():
            continue
        try:
            cmdline = (entry / "cmdline").read_bytes().decode(errors="replace").split("\0")[:-1]
            arguments = serve_arguments(cmdline)
            if arguments is None or NOT_BY_HAND.search((entry / "cgroup").read_text()):
                continue
            # The 7th field after the command's name, which may hold spaces and parentheses.
            terminal = (entry / "stat").read_text().rsplit(")", 1)[1].split()[4] != "0"
        except (OSError, IndexError):
            continue  # it ended meanwhile, or is not ours to read
        port_text = option(arguments, "--port")
        port = int(port_text) if port_text and port_text.isdigit() else DEFAULT_PORT
        found.append(RelayByHand(pid, tuple(arguments), port, _env_file(entry, arguments), terminal))
    return sorted(found, key=lambda relay: relay.pid)


def _env_file(entry: Path, arguments: list[str]) -> Path | None:
    given = option(arguments, "--env-file")
    if not given:
        return None
    path = Path(given)
    if not path.is_absolute():
        try:
            path = Path(os.readlink(entry / "cwd")) / path
        except OSError:
            return None  # another user's process: its folder is not ours to see
    return Path(os.path.normpath(path))


def same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.normpath(a.absolute()) == os.path.normpath(b.absolute())


def in_the_way(
    env_file: Path, port: int | None, relays: list[RelayByHand] | None = None
) -> list[RelayByHand]:
    """The relays started by hand that the relay setup configures would meet: one that read this env
    file (it keeps the settings it read at its start), or one listening on `port`, the service's
    (None where it is not on this machine's network, as a container's)."""
    found = relays_by_hand() if relays is None else relays
    return [
        relay
        for relay in found
        if (relay.env_file is not None and same_file(relay.env_file, env_file)) or relay.port == port
    ]


def in_the_way_text(relay: RelayByHand, env_file: Path, port: int | None, *, changed: bool) -> str:
    """What setup says of a relay started by hand that is in the way, and what to do. `changed`:
    setup wrote other settings to `env_file` than the file held."""
    why = []
    if relay.env_file is not None and same_file(relay.env_file, env_file):
        if changed:
            why.append(f"it runs with the settings it read from {env_file} when it started, not the new ones")
        else:
            why.append(f"it serves the database named in {env_file}, which the service would open too")
    if relay.port == port:
        why.append(f"the relay's service could not start beside it on port {port}")
    return (
        f"A relay started by hand is running ({relay.said()}): {'; '.join(why)}. Stop it "
        f"({relay.how_to_stop()}) before the next step: one relay serves a shop's port and database."
    )
