"""The time in the names of the files and folders the app makes, on this computer's clock."""

from __future__ import annotations

from datetime import UTC, datetime

# 20261208-025518+0900: the owner's own hour, sorted as it reads; the offset keeps an hour that a
# clock set back for winter lives twice apart, and says which clock a name was made on.
STAMP = "%Y%m%d-%H%M%S%z"
# Names made before this one (old backups, kept inboxes) carry the UTC time without its offset.
UTC_STAMP = "%Y%m%d-%H%M%S"
STAMP_PATTERN = r"\d{8}-\d{6}(?:[+-]\d{4})?"


def file_stamp(now: datetime | None = None) -> str:
    """`now` (this moment by default) on this computer's clock, for a file's or folder's name."""
    return (now or datetime.now(UTC)).astimezone().strftime(STAMP)


def stamp_time(text: str) -> datetime | None:
    """The moment a name's stamp (`file_stamp`'s, or an older name's UTC one) says; None when the
    text is no such stamp."""
    try:
        if len(text) > len("20261208-025518"):
            return datetime.strptime(text, STAMP).astimezone(UTC)
        return datetime.strptime(text, UTC_STAMP).replace(tzinfo=UTC)
    except ValueError:
        return None
