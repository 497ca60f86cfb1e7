"""The relay token: saved through the keyring backend the tests select, read back, and described."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import keyring
import pytest
from keyrings.alt.file import PlaintextKeyring
from PySide6.QtWidgets import QMessageBox, QWidget


def keep(qtbot: Any, ctx: Any, url: str, token: str) -> bool:
    """The token kept as Settings and the wizard keep it (in the background); whether it was kept."""
    from ui.token_store import keep_token_in_background

    over = QWidget()
    qtbot.addWidget(over)
    answers: list[bool] = []
    keep_token_in_background(
        over, ctx, url, token, lambda _where: answers.append(True), lambda _exc: answers.append(False)
    )
    qtbot.waitUntil(lambda: bool(answers), timeout=5000)
    return answers[0]


def test_token_is_kept_in_the_keyring_and_described(qtbot: Any, ctx: Any) -> None:
    from ui.token_store import load_token, token_location

    url = "https://relay.myshop.example"
    assert load_token(ctx, url) is None
    assert keep(qtbot, ctx, url, "s3cret-token")
    assert load_token(ctx, url) == "s3cret-token"
    ctx.prefs["relay_url"] = url
    assert "keyring" in token_location(ctx)
    assert "s3cret" not in token_location(ctx)


def test_the_demo_token_lives_in_memory_only(ctx: Any) -> None:
    from ui.token_store import load_token, token_location

    ctx.relay_token = "demo-token"
    ctx.demo = True
    assert load_token(ctx, "http://127.0.0.1:1") == "demo-token"
    assert "memory" in token_location(ctx)


@pytest.fixture
def plaintext_keyring(tmp_path: Path) -> Iterator[Path]:
    """The keyring a source install picks on Linux with keyrings.alt and no Secret Service."""
    before = keyring.get_keyring()
    plain = PlaintextKeyring()
    plain.file_path = str(tmp_path / "keyrings-alt" / "keyring_pass.cfg")
    keyring.set_keyring(plain)
    yield Path(plain.file_path)
    keyring.set_keyring(before)


def test_a_plaintext_keyring_is_said_to_be_no_password_store_in_korean_and_asked_about(
    qtbot: Any, ctx: Any, dialogs: Any, korean: None, plaintext_keyring: Path
) -> None:
    from ui.token_store import load_token, token_location

    url = "https://relay.myshop.example"
    ctx.prefs["relay_url"] = url
    asked = dialogs.expect("question", answer=QMessageBox.StandardButton.No)
    assert not keep(qtbot, ctx, url, "s3cret-token")
    (question,) = asked.shown
    assert question.title == "비밀번호 저장소 없음"
    assert "비밀번호 저장소(키링)가 없어요" in question.text and "설정 파일에 보관할까요?" in question.text
    assert load_token(ctx, url) is None and not ctx.paths.config_file.exists()
    # Yes: the settings file (the owner's only), never the plain keyring file.
    dialogs.expect("question", answer=QMessageBox.StandardButton.Yes)
    assert keep(qtbot, ctx, url, "s3cret-token")
    assert load_token(ctx, url) == "s3cret-token"
    assert str(ctx.paths.config_file) in token_location(ctx)
    assert not plaintext_keyring.exists()
    # A new token for the same relay (rotated on the server) goes to the file she chose, unasked.
    assert keep(qtbot, ctx, url, "the-rotated-token")
    assert load_token(ctx, url) == "the-rotated-token"
    # So does the token of the relay she moved to: the question was asked on this computer already.
    moved = "https://relay2.myshop.example"
    ctx.prefs["relay_url"] = moved
    assert keep(qtbot, ctx, moved, "the-new-servers-token")
    assert load_token(ctx, moved) == "the-new-servers-token"


def test_enter_on_the_no_password_store_question_keeps_the_token_in_the_file(
    qtbot: Any, ctx: Any, dialogs: Any, plaintext_keyring: Path
) -> None:
    """Cancel was the default: a newcomer pressing Enter read "The relay token was not saved" and had
    to paste it again. Enter keeps it in the settings file."""
    from ui.token_store import load_token

    url = "https://relay.myshop.example"
    ctx.prefs["relay_url"] = url

    def enter(shown: Any) -> QMessageBox.StandardButton:
        assert shown.widget == "QMessageBox [&Keep it in the file | &Cancel] default &Keep it in the file"
        return QMessageBox.StandardButton.Yes  # what the default button, pressed by Enter, answers

    dialogs.expect("question", answer=enter)
    assert keep(qtbot, ctx, url, "s3cret-token")
    assert load_token(ctx, url) == "s3cret-token"
    assert not plaintext_keyring.exists()
