"""English country names inside a sentence: “now the United States”, “The Netherlands has…”.

Babel names a country bare (“United States”, “Netherlands”), as a list shows it; an English
sentence needs “the” before those that take it. Other languages keep the name as it is (Korean has no
article; its particles are `ui.korean_particles`'s)."""

from __future__ import annotations

from ui.formatting import babel_locale_name

# Countries (ISO codes) whose English name takes “the”: kingdoms, states, republics, unions and
# plurals of islands.
TAKES_THE = frozenset(
    {
        "AE", "BS", "CD", "CF", "CG", "CK", "CZ", "DO", "FK", "FO", "GB", "GM", "IO", "KM", "KY", "MH",
        "MV", "NL", "PH", "SB", "SC", "TC", "UM", "US", "VA", "VG", "VI",
    }
)  # fmt: skip


def country_in_sentence(code: str, name: str, *, starts: bool = False) -> str:
    """`name` as an English sentence says it (“the United Kingdom”; “The …” when it `starts` one);
    unchanged when the country takes no article or the UI is not in English."""
    if code.upper() not in TAKES_THE or not babel_locale_name().startswith("en"):
        return name
    return ("The " if starts else "the ") + name
