"""File sizes as people read them, in the UI language: "254 B", "3.1 kB", "38 kB", "5.3 MB"."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ui.formatting import display_locale

STEP = 1000  # SI, as WhatsApp states its limits ("16 MB")


def _units() -> tuple[str, ...]:
    # One family of symbols at every size: Qt's Korean said "254 바이트" beside "3.1 kB" in the same list.
    translate = QCoreApplication.translate
    return (
        translate("SizeText", "{0} B"),
        translate("SizeText", "{0} kB"),
        translate("SizeText", "{0} MB"),
        translate("SizeText", "{0} GB"),
        translate("SizeText", "{0} TB"),
    )


def human_size(size: int) -> str:
    """One decimal under 10 ("3.1 kB"), none above ("38 kB"), none for bytes; numbers in the UI's locale."""
    units = _units()
    value = float(max(0, size))
    unit = 0
    while unit < len(units) - 1 and round(value, 1 if value < 10 else 0) >= STEP:
        value /= STEP
        unit += 1
    decimals = 1 if unit and value < 9.95 else 0
    return units[unit].format(display_locale().toString(value, "f", decimals))
