"""Where the desktop keeps its files: database, media cache, logs and config (platformdirs, overridable)."""

from __future__ import annotations

import errno
import logging
import os
import re
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

log = logging.getLogger(__name__)

APP_NAME = "ShopInbox"
APP_AUTHOR = "ShopInbox"

# A backup is unpacked into a folder of this name beside the data before it replaces it.
RESTORING = "restoring-"

# Quick replies' attachments, copied in under their content hash (app/quick_reply_files.py).
QUICK_REPLY_FOLDER = "quick_reply_media"

# Pictures pasted into a reply, each waiting as pasted/<random>/<name> until it is sent (a draft's).
PASTED_FOLDER = "pasted"

# Tests and portable installs point the whole app at one folder.
DATA_DIR_ENV = "SHOP_INBOX_DATA_DIR"


@dataclass(frozen=True, slots=True)
class AppPaths:
    """The folders and files of one installation (or one demo, or one test)."""

    data_dir: Path
    config_dir: Path
    log_dir: Path

    @property
    def database(self) -> Path:
        return self.data_dir / "inbox.db"

    @property
    def media_dir(self) -> Path:
        return self.data_dir / "media"

    @property
    def catalog_dir(self) -> Path:
        return self.data_dir / "catalog"

    @property
    def quick_reply_dir(self) -> Path:
        return self.data_dir / QUICK_REPLY_FOLDER

    @property
    def pasted_dir(self) -> Path:
        return self.data_dir / PASTED_FOLDER

    @property
    def backup_dir(self) -> Path:
        return self.data_dir / "backups"

    @property
    def config_file(self) -> Path:
        return self.config_dir / "config.json"

    @property
    def log_file(self) -> Path:
        return self.log_dir / "shop-inbox.log"

    def restores_under_way(self) -> list[Path]:
        """Folders a backup was being unpacked into (app/backup.py): any left at a start were cut
        short by a crash. A glob: cheap enough for the start path."""
        return sorted(self.data_dir.glob(RESTORING + "*"))

    def ensure(self) -> AppPaths:
        for folder in (self.data_dir, self.config_dir, self.log_dir, self.media_dir):
            try:
                make_folder(folder)
            except PermissionError as exc:  # EACCES, EPERM
                raise read_only_folder_error(self.data_dir, exc) from exc
            except OSError as exc:
                if exc.errno != errno.EROFS:
                    raise
                raise read_only_folder_error(self.data_dir, exc) from exc
        return self


def make_folder(folder: Path) -> None:
    """Make `folder` (and the folders on its way) unless it is there. A file in its place, or in the
    place of a folder on its way (`--data-dir` naming a document, say), raises DatabaseUnavailable
    DATA_FOLDER_IS_A_FILE naming that file, not the OS's "File exists"."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except (FileExistsError, NotADirectoryError) as exc:
        from app.errors import DatabaseUnavailable, ErrorCode

        in_the_way = next((p for p in (folder, *folder.parents) if p.exists() and not p.is_dir()), folder)
        raise DatabaseUnavailable(
            f"{in_the_way} is a file, not a folder ({exc})",
            path=in_the_way,
            code=ErrorCode.DATA_FOLDER_IS_A_FILE,
        ) from exc


# Environment variables Windows sets to the folders OneDrive keeps in step.
_ONEDRIVE_ROOTS = ("OneDrive", "OneDriveConsumer", "OneDriveCommercial")


def synced_folder(data_dir: Path, env: Mapping[str, str] | None = None) -> str | None:
    """The cloud service that keeps `data_dir` in step with other computers ("OneDrive", "Dropbox",
    "iCloud Drive", "Google Drive"), or None. A live SQLite file copied up and down while it is
    written can be damaged, above all when two computers open it. Read from the path and the
    environment only: nothing on the disk is asked."""
    env = os.environ if env is None else env
    for name in _ONEDRIVE_ROOTS:
        root = env.get(name)
        if root and _inside(data_dir, Path(root)):
            return "OneDrive"
    for part in data_dir.parts:
        folded = part.casefold()
        if folded == "onedrive" or folded.startswith("onedrive - "):
            return "OneDrive"
        if folded == "dropbox" or folded.startswith("dropbox ("):
            return "Dropbox"
        if folded in ("mobile documents", "icloud drive", "iclouddrive"):
            return "iCloud Drive"
        if folded in ("google drive", "googledrive") or folded.startswith("googledrive-"):
            return "Google Drive"
    return None


def _inside(folder: Path, root: Path) -> bool:
    try:
        return os.path.normcase(str(folder)).startswith(os.path.normcase(str(root)).rstrip("\\/") + os.sep)
    except ValueError:
        return False


def make_folder_within(folder: Path, data_dir: Path) -> None:
    """Make `folder` and the folders between it and `data_dir`, never `data_dir` itself: a data folder
    that went away while Shop Inbox runs (a USB stick taken out) is not made again, empty, on this
    computer's own disk, with the received files of the moment in it. FileNotFoundError then."""
    if not data_dir.is_dir():
        raise FileNotFoundError(errno.ENOENT, "the data folder is not there", str(data_dir))
    folder.mkdir(parents=True, exist_ok=True)


def may_not_write_in(folder: Path) -> bool:
    """True when `folder` is there but nothing may be written in it: a read-only disk (a USB stick
    locked against writing, a disc), or a folder whose permissions keep this user out. Tried with a
    file made and removed at once, the one test every system answers truly (os.access does not see
    Windows' folder permissions); any other failure (a full disk, a folder gone) is not this one."""
    probe = folder / f".shop-inbox-write-test-{os.getpid()}"
    try:
        fd = os.open(probe, os.O_CREAT | os.O_EXCL | os.O_WRONLY)
    except PermissionError:
        return folder.is_dir()
    except OSError as exc:
        return exc.errno == errno.EROFS
    os.close(fd)
    try:
        probe.unlink()
    except OSError as exc:  # an empty file with a name of its own stays: harmless
        log.warning("the data folder's write test stays in %s: %s", folder, exc)
    return False


def read_only_folder_error(folder: Path, exc: BaseException) -> Exception:
    """DatabaseUnavailable DATA_FOLDER_READ_ONLY naming `folder`, with the OS's reason for the log."""
    from app.errors import DatabaseUnavailable, ErrorCode

    return DatabaseUnavailable(
        f"{folder} may not be written ({exc})", path=folder, code=ErrorCode.DATA_FOLDER_READ_ONLY
    )


def paths_for(data_dir: Path) -> AppPaths:
    """Everything in one folder: used for --data-dir, the demo and tests."""
    return AppPaths(data_dir=data_dir, config_dir=data_dir / "config", log_dir=data_dir / "logs")


def demo_shop_paths(root: Path) -> AppPaths:
    """The demo shop's own folders (its inbox, config and log) in the folder `root` that keeps the
    demo, its relay's folder beside them."""
    return paths_for(root / "desktop")


def new_demo_folder() -> Path:
    """A temporary folder for a demo kept nowhere. Python tries each place for temporary files with a
    small file first, and when none takes it says "No usable temporary directory" (ENOENT), which
    read "not there any more (moved or deleted?)": on a full disk (the temporary files' place is on
    the home folder's disk on a laptop), said as the disk."""
    import tempfile

    try:
        return Path(tempfile.mkdtemp(prefix="shop-inbox-demo-"))
    except FileNotFoundError as exc:
        from app.db import no_room_beside
        from app.errors import DemoDiskFull

        if no_room_beside(Path.home() / "shop-inbox-demo"):  # a place in the home folder
            raise DemoDiskFull(Path.home(), f"no room for the demo's temporary folder: {exc}") from exc
        raise


def default_paths() -> AppPaths:
    """The user's folders, or the one folder named by SHOP_INBOX_DATA_DIR."""
    override = os.environ.get(DATA_DIR_ENV)
    if override:
        return paths_for(Path(override).expanduser())
    return platform_paths()


def platform_paths() -> AppPaths:
    """The user's own folders for Shop Inbox, as the operating system names them."""
    import platformdirs

    return AppPaths(
        data_dir=Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR)),
        config_dir=Path(platformdirs.user_config_dir(APP_NAME, APP_AUTHOR)),
        log_dir=Path(platformdirs.user_log_dir(APP_NAME, APP_AUTHOR)),
    )


_REMOVABLE_ROOTS = ("/Volumes/", "/media/", "/run/media/", "/mnt/")

# This computer's drives as mount-table lines (Linux's /proc/self/mounts; on Windows, one line a
# drive letter with its drive type), or the file named here: a test's own table, or a machine whose
# table lives elsewhere.
MOUNT_TABLE_ENV = "SHOP_INBOX_MOUNT_TABLE"
LINUX_MOUNT_TABLE = Path("/proc/self/mounts")
# A volume of these types is a stick, a card or a disc: FAT and exFAT (what sticks and cameras'
# cards are formatted with), discs, and Windows' own words for its drive types.
_REMOVABLE_TYPES = frozenset({"vfat", "msdos", "exfat", "iso9660", "udf", "removable", "cdrom"})
# Where desktops mount a drive that was plugged in (an administrator's /mnt is often a fixed disk,
# and WSL's /mnt/c is Windows' C:).
_PLUGGED_IN_ROOTS = ("/Volumes/", "/media/", "/run/media/")
_WINDOWS_DRIVE_TYPES = {2: "removable", 3: "fixed", 4: "remote", 5: "cdrom", 6: "ramdisk"}


def looks_removable(folder: str, mount_table: str | None = None) -> bool:
    """Whether `folder`, as a preference names it, looks like a place on a drive plugged in: a USB
    stick or an outside disk.

    A drive of this computer's that holds it says so by its type (`mount_table`: lines as Linux's
    /proc/self/mounts writes them, `device mount-point type options`; by default this computer's,
    `this_computers_mount_table`). A folder no drive here holds (a stick not plugged in, an old
    computer's folder) is read from its words alone, as the computer that chose it wrote them: on
    macOS's /Volumes, Linux's /media and /mnt, a Windows drive letter past C:. A folder in a home
    or on C: is this (or that) computer's own."""
    text = folder.strip()
    table = this_computers_mount_table() if mount_table is None else mount_table
    if (drive := _drive_holding(text, table)) is not None:
        return drive
    if len(text) >= 2 and text[1] == ":" and text[0].isalpha():
        return text[0].upper() not in "ABC"  # A: and B: were floppies; C: is the system's own disk
    return text.replace("\\", "/").startswith(_REMOVABLE_ROOTS)


def _drive_holding(folder: str, mount_table: str) -> bool | None:
    """Whether the deepest mounted drive that holds `folder` is a plugged-in one; None when only the
    system's root holds it (a drive not plugged in is no line of the table)."""
    wanted = _comparable(folder)
    best: tuple[int, bool] | None = None
    for line in mount_table.splitlines():
        fields = line.split()
        if len(fields) < 3:
            continue
        point = _comparable(_unescape(fields[1]))
        if point == "/" or not (wanted == point or wanted.startswith(point.rstrip("/") + "/")):
            continue
        options = fields[3].split(",") if len(fields) > 3 else []
        plugged_in = (
            fields[2].lower() in _REMOVABLE_TYPES
            or "uhelper=udisks2" in options  # mounted by the desktop when it was plugged in
            or (point + "/").startswith(_PLUGGED_IN_ROOTS)
        )
        if best is None or len(point) > best[0]:
            best = (len(point), plugged_in)
    return None if best is None else best[1]


def _comparable(path: str) -> str:
    text = path.replace("\\", "/")
    if len(text) >= 2 and text[1] == ":":
        text = text[0].upper() + text[1:]  # "e:\\" and "E:\\" are one drive
    return text.rstrip("/") or "/"


def _unescape(field: str) -> str:
    """A mount point as the table writes it: a space is \\040, a tab \\011."""
    return re.sub(r"\\([0-7]{3})", lambda m: chr(int(m.group(1), 8)), field)


def this_computers_mount_table() -> str:
    """This computer's drives as mount-table lines: the file MOUNT_TABLE_ENV names, Linux's own
    table, or Windows' drive letters with their types; "" where none is known (macOS), and then
    folders are read from their words alone."""
    named = os.environ.get(MOUNT_TABLE_ENV)
    try:
        if named:
            return Path(named).read_text(encoding="utf-8", errors="replace")
        if sys.platform == "win32":
            return _windows_drives()
        if LINUX_MOUNT_TABLE.exists():
            return LINUX_MOUNT_TABLE.read_text(encoding="utf-8", errors="replace")
    except OSError as exc:
        log.warning("the mount table was not read: %s", exc)
    return ""


def _windows_drives() -> str:
    """One line a drive letter in use: `E: E:\\ removable`, its type as Windows says it."""
    import ctypes

    if sys.platform != "win32":
        return ""
    kernel = ctypes.windll.kernel32
    letters = kernel.GetLogicalDrives()
    lines = []
    for n in range(26):
        if letters & (1 << n):
            root = f"{chr(ord('A') + n)}:\\"
            kind = _WINDOWS_DRIVE_TYPES.get(kernel.GetDriveTypeW(root), "unknown")
            lines.append(f"{root[:2]} {root} {kind} rw 0 0")
    return "\n".join(lines)
