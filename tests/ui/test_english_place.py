"""An English interface writes dates as the owner's place does: the computer's English, else the shop's
country's (a UK shop: "Tue 8 Dec"), else the US's."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QLocale

from ui.deposit_dialog import deposit_when
from ui.formatting import babel_locale_name, customer_day, due_time
from ui.translations import english_locale, follow_shop_region

NO_LOCALE = QLocale(QLocale.Language.C)


def test_the_computers_own_english_comes_first() -> None:
    assert english_locale("US", QLocale("en_GB")).name() == "en_GB"
    assert english_locale("GB", QLocale("en_US")).name() == "en_US"


def test_without_an_english_computer_locale_the_shops_country_says_how_dates_are_written() -> None:
    assert english_locale("GB", NO_LOCALE).name() == "en_GB"
    assert english_locale("US", QLocale("ko_KR")).name() == "en_US"
    assert english_locale("IE", NO_LOCALE).name() == "en_IE"
    # Qt knows no English of Korea (it would hand back the US's): a Korean shop in English stays US.
    assert english_locale("KR", NO_LOCALE).name() == "en_US"
    assert english_locale(None, NO_LOCALE).name() == "en_US"


def test_a_uk_shops_payment_deadline_and_orders_table_read_day_then_month() -> None:
    QLocale.setDefault(english_locale("GB", NO_LOCALE))  # the conftest puts the default back
    end_of_tuesday = datetime(2026, 12, 8, 23, 59, tzinfo=UTC)
    london = ZoneInfo("Europe/London")
    assert customer_day(end_of_tuesday, "en", london) == "Tue 8 Dec"
    # On the shop's clock, as the board writes it: on this computer's, in Seoul, it was Wednesday.
    assert due_time(end_of_tuesday, datetime(2026, 12, 5, 9, tzinfo=UTC), london) == "Tue 8 Dec"
    assert babel_locale_name() == "en_GB"  # prices and sheets: £7.50, 08/12/2026
    assert deposit_when("05/12/2026 11:02", date(2026, 12, 5), "GB").startswith("Sat 5 Dec")


def test_moving_the_shop_from_the_uk_to_the_us_turns_its_dates_round() -> None:
    QLocale.setDefault(english_locale("GB", NO_LOCALE))
    follow_shop_region("US")
    # The computer's own English (where it has one) would still win; here it has none.
    if QLocale.system().language() != QLocale.Language.English:
        # noon on this computer's clock (12:00 UTC was Wednesday on Kiritimati)
        assert customer_day(datetime(2026, 12, 8, 12).astimezone(), "en") == "Tue, Dec 8"
        assert deposit_when("2026-12-05 11:02", date(2026, 12, 5), "US").startswith("Sat, Dec 5")


def test_a_korean_interface_is_not_moved_by_the_shops_country() -> None:
    QLocale.setDefault(QLocale(QLocale.Language.Korean, QLocale.Country.SouthKorea))
    follow_shop_region("GB")
    assert QLocale().language() == QLocale.Language.Korean
    assert customer_day(datetime(2026, 12, 8, 3, tzinfo=UTC), "ko", ZoneInfo("Asia/Seoul")) == "12월 8일 (화)"
