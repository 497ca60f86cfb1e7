"""The relay token: in the keyring when there is one; in the config file, owner-only, only when asked."""

from __future__ import annotations

import stat
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import ClassVar

import keyring
import keyring.core
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail, null
from keyring.backends.chainer import ChainerBackend
from keyrings.alt.file import PlaintextKeyring

from app.errors import ErrorCode
from app.tokens import NoKeyring, delete_token, keyring_available, load_token, save_token, token_location
from tests.support.stand_in_keyring import StandInKeyring

URL = "https://relay.example.com"


@pytest.fixture
def config_file(tmp_path: Path) -> Path:
    return tmp_path / "config" / "config.json"


@pytest.fixture
def no_keyring(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(keyring, "get_keyring", lambda: fail.Keyring())


def test_the_token_goes_to_the_test_keyring_never_to_the_config_file(config_file: Path) -> None:
    assert keyring_available()  # the OS keyring's stand-in, under a temp XDG_DATA_HOME (tests/conftest.py)
    assert save_token(URL, "secret-token", config_file=config_file) == "keyring"
    assert load_token(URL, config_file=config_file) == "secret-token"
    assert token_location(URL, config_file=config_file) == "keyring"
    assert not config_file.exists() or "secret-token" not in config_file.read_text()
    delete_token(URL, config_file=config_file)
    assert load_token(URL, config_file=config_file) is None


def test_without_a_keyring_saving_says_so_and_writes_nothing(config_file: Path, no_keyring: None) -> None:
    assert not keyring_available()
    with pytest.raises(NoKeyring) as raised:
        save_token(URL, "secret-token", config_file=config_file)
    assert raised.value.code is ErrorCode.NO_KEYRING
    assert not config_file.exists()


def test_the_owner_may_opt_in_to_the_config_file_readable_only_by_them(
    config_file: Path, no_keyring: None
) -> None:
    assert save_token(URL, "secret-token", config_file=config_file, allow_config_file=True) == "config_file"
    assert stat.S_IMODE(config_file.stat().st_mode) == 0o600
    assert load_token(URL, config_file=config_file) == "secret-token"
    assert token_location(URL, config_file=config_file) == "config_file"
    delete_token(URL, config_file=config_file)
    assert load_token(URL, config_file=config_file) is None


def test_each_relay_has_its_own_token_and_none_is_ever_logged(
    config_file: Path, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    other = "https://other-relay.example.com"
    with caplog.at_level("DEBUG"):
        save_token(URL, "keyring-secret", config_file=config_file)
        with monkeypatch.context() as without:
            without.setattr(keyring, "get_keyring", lambda: fail.Keyring())
            save_token(other, "file-secret", config_file=config_file, allow_config_file=True)
            assert load_token(other, config_file=config_file) == "file-secret"
            assert load_token(URL, config_file=config_file) is None  # the keyring is gone now
        assert load_token(URL, config_file=config_file) == "keyring-secret"
        assert load_token(other, config_file=config_file) == "file-secret"
    assert "secret" not in caplog.text


@pytest.fixture
def plaintext_keyring(tmp_path: Path) -> Iterator[Path]:
    """keyrings.alt's PlaintextKeyring, as keyring picks it on a Linux box with no Secret Service
    (a source install with keyrings.alt): its file in a temp folder. Yields that file's path."""
    before = keyring.get_keyring()
    plain = PlaintextKeyring()
    plain.file_path = str(tmp_path / "keyrings-alt" / "keyring_pass.cfg")
    keyring.set_keyring(plain)
    try:
        yield Path(plain.file_path)
    finally:
        keyring.set_keyring(before)


def test_a_plaintext_keyring_is_no_keyring_and_never_gets_the_token(
    config_file: Path, plaintext_keyring: Path
) -> None:
    assert not keyring_available()
    with pytest.raises(NoKeyring) as raised:
        save_token(URL, "secret-token", config_file=config_file)
    assert raised.value.code is ErrorCode.NO_KEYRING
    assert not config_file.exists()
    # The owner agreed to the settings file: there it goes, readable by them only, and only there.
    assert save_token(URL, "secret-token", config_file=config_file, allow_config_file=True) == "config_file"
    assert stat.S_IMODE(config_file.stat().st_mode) == 0o600
    assert load_token(URL, config_file=config_file) == "secret-token"
    assert token_location(URL, config_file=config_file) == "config_file"
    assert not plaintext_keyring.exists()
    keyring.set_password("probe", "probe", "probe")  # the file the backend would have written
    assert plaintext_keyring.exists() and "secret-token" not in plaintext_keyring.read_text()


@pytest.mark.parametrize("backend", [fail.Keyring(), null.Keyring()], ids=["fail", "null"])
def test_keyrings_that_keep_nothing_are_no_keyring(backend: object, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(keyring, "get_keyring", lambda: backend)
    assert not keyring_available()


class NotRecommendedKeyring(KeyringBackend):
    """A backend keyring itself does not recommend (priority below 1), e.g. one that must ask for a
    master password on a terminal the app does not have."""

    priority = 0.4  # type: ignore[assignment]
    kept: ClassVar[dict[tuple[str, str], str]] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.kept.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.kept[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.kept.pop((service, username), None)


@pytest.fixture
def chain_of() -> Iterator[Callable[..., ChainerBackend]]:
    """keyring's ChainerBackend over only the given backend classes (keyring's own `limit`)."""

    def chain(*kinds: type) -> ChainerBackend:
        keyring.core.init_backend(limit=lambda backend: type(backend) in kinds)  # not their subclasses
        chainer = ChainerBackend()
        keyring.set_keyring(chainer)
        return chainer

    before = keyring.get_keyring()
    yield chain
    keyring.core.init_backend()  # no limit again
    keyring.set_keyring(before)


def test_a_chain_of_keyrings_that_are_not_secure_is_no_keyring_and_one_led_by_a_real_keyring_is(
    chain_of: Callable[..., ChainerBackend], config_file: Path
) -> None:
    weak = chain_of(PlaintextKeyring, NotRecommendedKeyring)
    assert [type(b) for b in weak.backends] == [PlaintextKeyring, NotRecommendedKeyring]
    assert weak.priority == 10  # keyring's own verdict on a chain of two: "use me"
    assert not keyring_available()
    with pytest.raises(NoKeyring):
        save_token(URL, "secret-token", config_file=config_file)
    assert NotRecommendedKeyring.kept == {}
    # A chain writes to its first (highest-priority) backend: here the OS keyring's stand-in.
    strong = chain_of(PlaintextKeyring, StandInKeyring)
    assert [type(b) for b in strong.backends] == [StandInKeyring, PlaintextKeyring]
    assert keyring_available()
    assert save_token(URL, "secret-token", config_file=config_file) == "keyring"
    assert StandInKeyring().get_password("Shop Inbox relay", URL) == "secret-token"


def test_a_keyring_backend_that_cannot_be_loaded_is_no_keyring_not_a_crash(
    monkeypatch: pytest.MonkeyPatch, config_file: Path
) -> None:
    def unloadable() -> object:
        raise ModuleNotFoundError("No module named 'gone'")  # PYTHON_KEYRING_BACKEND=gone.Keyring

    monkeypatch.setattr(keyring, "get_keyring", unloadable)
    assert not keyring_available()
    with pytest.raises(NoKeyring):
        save_token(URL, "secret-token", config_file=config_file)


def test_a_locked_keyring_is_said_as_locked_not_as_no_token(config_file: Path) -> None:
    """The unlock prompt cancelled: the token may be in the keyring still, so the owner must not be
    told none is kept; one kept in the config file is still read."""
    from app.errors import KeyringLocked
    from tests.support.stand_in_keyring import LockedKeyring

    before = keyring.get_keyring()
    locked = LockedKeyring()
    locked.unlocked.set()
    locked.refuse_reads = locked.refuse_writes = True
    keyring.set_keyring(locked)
    try:
        with pytest.raises(KeyringLocked) as raised:
            load_token(URL, config_file=config_file)
        assert raised.value.code is ErrorCode.KEYRING_LOCKED
        assert token_location(URL, config_file=config_file) == "locked"  # not "none": it may be there
        save_token(URL, "in-the-file", config_file=config_file, allow_config_file=True)
        assert load_token(URL, config_file=config_file) == "in-the-file"
    finally:
        keyring.set_keyring(before)


def test_a_token_the_full_disk_refused_leaves_the_settings_file_as_it_was_and_no_half_file(
    tmp_path: Path, no_keyring: None
) -> None:
    """No keyring, the token kept in the settings file, the disk full: saving a new token fails (the
    window says the disk is full) and leaves neither a changed settings file nor a half-written one."""
    from tests.support.full_disk import run_on_a_full_disk

    shop = tmp_path / "shop"
    config = shop / "config" / "config.json"
    save_token(URL, "old-token", config_file=config, allow_config_file=True)
    script = tmp_path / "save_on_full_disk.py"
    script.write_text(
        "import errno, pathlib, sys\n"
        "from app.tokens import save_token\n"
        "config = pathlib.Path(sys.argv[1]) / 'config' / 'config.json'\n"
        "try:\n"
        f"    save_token({URL!r}, 'new-token-' + 'x' * 200_000, config_file=config, allow_config_file=True)\n"
        "except OSError as exc:\n"
        "    print('refused', exc.errno == errno.ENOSPC)\n"
        "print(sorted(p.name for p in config.parent.iterdir()))\n"
        "print('old-token' in config.read_text())\n",
        encoding="utf-8",
    )
    disk = tmp_path / "disk"
    no_keyring_here = {"PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
    out = run_on_a_full_disk(disk, shop, f"{sys.executable} {script} {disk}/shop", env=no_keyring_here)
    assert "refused True" in out, out
    assert "['config.json']" in out, out  # no config.json.tmp left
    assert out.rstrip().endswith("True"), out  # the old token still there
