"""Counts are written in the owner's digits ("5,000"; "5.000" in German), not Python's English comma."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from typing import Any

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


def test_counted_words_group_their_thousands_as_the_owner_reads_them(qapp: object) -> None:
    """Qt's plural "%n" wrote "1500 items"; "%Ln" writes the UI locale's "1,500 items"."""
    from PySide6.QtCore import QCoreApplication, QTranslator

    from ui.formatting import duration_coarse
    from ui.order_text import counts
    from ui.resources import translations_dir

    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    plurals = QTranslator()
    assert plurals.load(str(translations_dir() / "shop_inbox_en.qm"))
    QCoreApplication.installTranslator(plurals)
    try:
        assert counts().items(1500) == "1,500 items"
        assert counts().items(1) == "1 item"
        assert duration_coarse(timedelta(days=1200)) == "1,200 days"
    finally:
        QCoreApplication.removeTranslator(plurals)
        QLocale.setDefault(before)


def test_a_catalogue_of_many_items_counts_them_with_commas(qtbot: Any) -> None:
    """ "All items (1500)" beside "Candles (1200)": the lists' counts are grouped as the owner reads them."""
    from app.catalog_collections import CollectionRow
    from ui.catalog_collections_panel import CollectionsPanel

    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    try:
        panel = CollectionsPanel()
        qtbot.addWidget(panel)
        panel.set_collections([CollectionRow(1, "Candles", 0, 1200)], 1500, None)
        shown = [panel.list.item(i).text() for i in range(panel.list.count())]
        assert shown == ["All items (1,500)", "Candles (1,200)"]
    finally:
        QLocale.setDefault(before)
