"""File sizes read alike whatever their size: one family of units, in the UI's locale."""

from __future__ import annotations

from ui.size_text import human_size


def test_a_small_file_beside_larger_ones_is_in_the_same_units(korean_locale: None) -> None:
    # The contact panel's documents listed "254 바이트" next to "3.1 kB"; the attach bar "38.0 kB".
    sizes = [human_size(n) for n in (254, 3_174, 38_000, 123_456, 5_300_000)]
    assert sizes == ["254 B", "3.2 kB", "38 kB", "123 kB", "5.3 MB"]


def test_a_size_just_under_the_next_unit_is_said_in_it(korean_locale: None) -> None:
    assert human_size(999_600) == "1.0 MB"  # not "1000 kB"
    assert human_size(0) == "0 B"
