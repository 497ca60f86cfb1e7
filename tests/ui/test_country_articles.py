"""“The shop's country is now United States” read wrong: English says “the United States”, “the
Netherlands”, and “Japan” bare; Korean has no article."""

from __future__ import annotations

from PySide6.QtCore import QLocale

from ui.country_articles import country_in_sentence


def test_english_puts_the_before_countries_that_take_it() -> None:
    old = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    try:
        assert country_in_sentence("US", "United States") == "the United States"
        assert country_in_sentence("GB", "United Kingdom", starts=True) == "The United Kingdom"
        assert country_in_sentence("NL", "Netherlands") == "the Netherlands"
        assert country_in_sentence("PH", "Philippines") == "the Philippines"
        assert country_in_sentence("JP", "Japan") == "Japan"
        assert country_in_sentence("DE", "Germany", starts=True) == "Germany"
    finally:
        QLocale.setDefault(old)


def test_korean_names_stay_as_they_are() -> None:
    old = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.Korean))
    try:
        assert country_in_sentence("US", "미국") == "미국"
        assert country_in_sentence("GB", "영국", starts=True) == "영국"
    finally:
        QLocale.setDefault(old)
