"""Counts are written in the owner's digits ("5,000"; "5.000" in German), not Python's English comma."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QLocale

from app.chat_export.exporter import ExportProgress
from ui.chat_export_action import progress_text
from ui.formatting import count_text


@pytest.fixture
def german() -> Iterator[None]:
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.German, QLocale.Country.Germany))
    try:
        yield
    finally:
        QLocale.setDefault(before)


def test_an_export_in_progress_counts_in_the_owners_digits(qapp: object, german: None) -> None:
    assert progress_text(ExportProgress(messages=2000, messages_total=12500)) == (
        "Writing messages: 2.000 of 12.500"
    )
    assert count_text(1234567) == "1.234.567"


def test_an_english_owner_reads_commas(qapp: object) -> None:
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    try:
        assert progress_text(
            ExportProgress(messages=5000, messages_total=5000, files=3, files_total=1200)
        ) == ("Adding photos and files: 3 of 1,200")
    finally:
        QLocale.setDefault(before)
