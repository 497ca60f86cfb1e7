"""A spin box's unit that follows its number: "1 day", "2 days" (a fixed suffix read "1 days")."""

from __future__ import annotations

from PySide6.QtWidgets import QSpinBox


def counted_suffix(spin: QSpinBox, one: str, many: str) -> None:
    """Give `spin` the suffix `one` while it shows 1, else `many`, and keep it so as the value changes.

    Both are translated by the caller (" day" / " days"; Korean writes "일" for either)."""

    def follow(value: int) -> None:
        suffix = one if value == 1 else many
        if spin.suffix() != suffix:
            spin.setSuffix(suffix)

    spin.valueChanged.connect(follow)
    follow(spin.value())
