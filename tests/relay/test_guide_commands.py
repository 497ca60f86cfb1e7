"""docs/relay.md as an operator copies it: every relay command, option and setting it shows is the relay's own."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from app import wire
from relay.cli import main

ROOT = Path(__file__).resolve().parents[2]
GUIDES = [ROOT / "docs" / "relay.md", ROOT / "docs" / "install.md", ROOT / "README.md"]
COMMANDS = ("serve", "token", "setup", "check", "move-database")
ENV_NAME = re.compile(r"\b(?:RELAY|WHATSAPP)_[A-Z][A-Z0-9_]*\b")
OPTION = re.compile(r"(?<![\w-])--[a-z][a-z-]*")


def command_lines(text: str) -> list[str]:
    """What a reader copies: each line of a fenced block (a `\\` continuation joined to its line),
    and each inline code span (a span that wraps in the Markdown source made one line again)."""
    lines: list[str] = []
    for block in re.findall(r"```[^\n]*\n(.*?)```", text, flags=re.DOTALL):
        lines += block.replace("\\\n", " ").splitlines()
    prose = re.sub(r"```.*?```", "", text, flags=re.DOTALL)
    lines += [" ".join(span.split()) for span in code_spans(prose)]
    return lines


def code_spans(prose: str) -> list[str]:
    """Inline code: ``a span with a ` in it`` as well as `one without`."""
    return [a or b for a, b in re.findall(r"``(.+?)``|`([^`]+)`", prose, flags=re.DOTALL)]


def shown_commands(text: str) -> list[tuple[str, set[str], str]]:
    """(subcommand, its options, the line) for every relay command the text shows: the installed
    command, `docker compose run --rm setup …` (the compose file's setup runs `setup`), and a span
    such as `serve --workers 2` or `token --rotate`."""
    shown = []
    for line in command_lines(text):
        starts = [m for m in re.finditer(r"shop-inbox-relay\s+([a-z][a-z-]*)(?!:)\b(?![:@.-])", line)]
        starts += list(re.finditer(r"docker compose run --rm (setup)\b", line))
        starts += list(re.finditer(rf"^({'|'.join(COMMANDS)})(?= --)", line))
        for start in starts:
            # The command's own words end where the shell starts another (a pipe, &&, a comment…).
            own = re.split(r"\s(?:&&|\|\|?|;|#|>)\s?", line[start.end() :])[0]
            shown.append((start.group(1), set(OPTION.findall(own)), line))
    return shown


def help_options(capsys: pytest.CaptureFixture[str]) -> dict[str, set[str]]:
    """Each subcommand's options, as its real --help lists them."""
    options = {}
    for command in COMMANDS:
        with pytest.raises(SystemExit):
            main([command, "--help"])
        options[command] = set(OPTION.findall(capsys.readouterr().out))
    return options


def names_in_code(folder: Path) -> set[str]:
    """The setting names the relay's code spells out (string literals, f-strings' parts included)."""
    names: set[str] = set()
    for source in folder.rglob("*.py"):
        for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                names |= set(ENV_NAME.findall(node.value))
    return names


def settings_read_at_start() -> set[str]:
    """The names RelaySettings.from_env reads from the environment."""
    tree = ast.parse((ROOT / "relay" / "settings.py").read_text(encoding="utf-8"))
    from_env = next(n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef) and n.name == "from_env")
    return {
        node.value
        for node in ast.walk(from_env)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and ENV_NAME.fullmatch(node.value)
    }


def test_every_relay_command_the_guides_show_exists_with_the_options_it_is_given(
    capsys: pytest.CaptureFixture[str],
) -> None:
    options = help_options(capsys)
    shown = [found for guide in GUIDES for found in shown_commands(guide.read_text(encoding="utf-8"))]
    assert {command for command, _, _ in shown} >= {"serve", "token", "setup", "check", "move-database"}
    for command, given, line in shown:
        assert command in COMMANDS, (
            f"the guides show `shop-inbox-relay {command}`, which does not exist: {line}"
        )
        unknown = given - options[command] - {"--help"}
        assert not unknown, f"`{command}` has no {sorted(unknown)} (its --help), yet the guides show: {line}"


def test_every_option_span_in_the_guide_is_one_of_the_relays() -> None:
    """A lone `--env-file relay.env` in a sentence is meant for the relay's commands."""
    prose = re.sub(
        r"```.*?```", "", (ROOT / "docs" / "relay.md").read_text(encoding="utf-8"), flags=re.DOTALL
    )
    lone = {span.split()[0] for span in code_spans(prose) if re.match(r"--[a-z]", span)}
    assert lone, "the guide names no option on its own any more: this test reads nothing"
    parser_words = (ROOT / "relay" / "cli.py").read_text(encoding="utf-8")
    parser_words += (ROOT / "relay" / "setup_command.py").read_text(encoding="utf-8")
    for option in lone:
        assert f'"{option}"' in parser_words, f"the guide names {option}, which no relay command takes"


def test_every_setting_the_guides_name_is_one_the_relay_or_its_deploy_files_read() -> None:
    known = names_in_code(ROOT / "relay")
    for deploy_file in (ROOT / "deploy").rglob("*"):
        if deploy_file.is_file():
            known |= set(ENV_NAME.findall(deploy_file.read_text(encoding="utf-8")))
    known |= {name for name in vars(wire) if ENV_NAME.fullmatch(name)}  # `RELAY_FEATURES` in app/wire.py
    known |= set(ENV_NAME.findall((ROOT / "tests" / "relay" / "conftest.py").read_text(encoding="utf-8")))
    for guide in GUIDES:
        named = set(ENV_NAME.findall(guide.read_text(encoding="utf-8")))
        assert named - known == set(), f"{guide.name} names settings nothing reads: {sorted(named - known)}"


def test_the_settings_table_lists_every_setting_the_relay_reads_at_start() -> None:
    guide = (ROOT / "docs" / "relay.md").read_text(encoding="utf-8")
    table = guide.split("### Settings (environment variables)", 1)[1].split("\n\n", 2)[1]
    listed = set(re.findall(r"^\| `([A-Z0-9_]+)` \|", table, flags=re.MULTILINE))
    assert len(listed) > 10, "the settings table was not found where it was"
    # RELAY_WORKERS is serve's own message to the workers it starts (`serve --workers N` is the knob).
    read = (settings_read_at_start() | {"RELAY_LOG_LEVEL"}) - {"RELAY_WORKERS"}
    assert read - listed == set(), f"read by the relay, missing from the table: {sorted(read - listed)}"
    assert listed - read == set(), f"in the table, read by nothing at start: {sorted(listed - read)}"
