"""Sizes as people read them in the relay's English lines: "440 MB", "5.3 GB", "63 GB", never
"60066 MB" (the desktop's ui/size_text.py says the same sizes in the owner's language)."""

from __future__ import annotations

SI = 1000  # as the desktop shows free space and file sizes
BINARY = 1024  # as WhatsApp states its limits: its "16 MB" is 16 × 1024 × 1024 bytes
UNITS = ("B", "kB", "MB", "GB", "TB")
MIB = 1024 * 1024


def size_text(size: int, *, step: int = SI) -> str:
    """The largest unit that keeps the number at 1 or more; one decimal under 10 where it is not
    .0 ("5.3 GB", "5 MB"), none from 10 on ("38 GB"), none for bytes."""
    value = float(max(0, size))
    unit = 0
    while unit < len(UNITS) - 1 and round(value, 1 if value < 10 else 0) >= step:
        value /= step
        unit += 1
    text = f"{value:.1f}" if unit and value < 9.95 else f"{value:.0f}"
    return f"{text.removesuffix('.0')} {UNITS[unit]}"
