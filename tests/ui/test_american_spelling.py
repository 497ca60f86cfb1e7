"""A US owner's English interface spells the American way ("Catalog", "Color", "canceled"); a UK or
Korean shop's stays British, and every British spelling the UI writes has its American entry."""

from __future__ import annotations

import importlib.util
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from ui.translations import american_spelling, follow_shop_region, install_translators, installed_language

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location(
    "update_translations", ROOT / "packaging/update_translations.py"
)
assert _spec and _spec.loader
tr_tool = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(tr_tool)

# Endings that British English spells its own way: colour, organise, analyse, centre, catalogue,
# cancelled/dialled, licence. Words that only look it, and are spelt so in the US too, are listed.
_BRITISH_LOOKING = re.compile(
    r"(?:[a-z]our(?:s|ed|ing|ite|ites|able)?|[a-z]{2}is(?:e|ed|es|ing|ation|ations)|ys(?:e|ed|es|ing)"
    r"|[^aeiou]tres?|ogues?|[aeou]ll(?:ed|ing)|icence|efence|ffence|grey|cheques?|ellery)$"
)
_SPELT_SO_IN_THE_US = {
    "your",
    "yours",
    "hour",
    "hours",
    "four",
    "our",
    "ours",
    "tour",
    "pour",
    "flour",
    "detour",
    "contour",
    "otherwise",
    "promise",
    "promised",
    "promises",
    "advertise",
    "advertised",
    "advertising",
    "exercise",
    "surprise",
    "surprised",
    "raise",
    "raised",
    "praise",
    "noise",
    "precise",
    "concise",
    "expertise",
    "enterprise",
    "merchandise",
    "franchise",
    "compromise",
    "premise",
    "premises",
    "revise",
    "revised",
    "advise",
    "advised",
    "supervise",
    "devise",
    "comprise",
    "comprises",
    "disguise",
    "cruise",
    "poise",
    "paradise",
    "wise",
    "rise",
    "arise",
    "likewise",
    "clockwise",
    "demise",
    "chemise",
    "treatise",
    "called",
    "filled",
    "spelled",
    "installed",
    "billed",
    "rolled",
    "scrolled",
    "polled",
    "pulled",
    "killed",
    "controlled",
    "enrolled",
    "compelled",
    "propelled",
    "expelled",
    "excelled",
    "patrolled",
    "filling",
    "calling",
    "billing",
    "selling",
    "telling",
    "spelling",
    "installing",
    "scrolling",
    "polling",
    "rolling",
    "pulling",
    "controlling",
    "falling",
    "willing",
    "shilling",
    "smelling",
}


def words_of(ts: Path) -> dict[str, list[str]]:
    """Each lowercase word of the sources in `ts` (Alt letters taken out) → the sources it is in."""
    found: dict[str, list[str]] = {}
    for message in ET.parse(ts).getroot().iter("message"):
        source = message.findtext("source") or ""
        for word in re.findall(r"[a-z]+", source.replace("&", "").lower()):
            found.setdefault(word, []).append(source)
    return found


def american_entries(ts: Path) -> dict[tuple[str, str], list[str]]:
    """(context, source) → its American text(s) (two forms for a plural)."""
    out = {}
    for context in ET.parse(ts).getroot().iter("context"):
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            forms = [f.text or "" for f in translation.iter("numerusform")] or [translation.text or ""]
            out[(context.findtext("name") or "", message.findtext("source") or "")] = forms
    return out


def test_every_british_spelling_the_ui_writes_has_its_american_entry(tmp_path: Path) -> None:
    fresh = tmp_path / "all.ts"
    tr_tool.extract(fresh)
    unknown = {
        word: sources[0]
        for word, sources in words_of(fresh).items()
        if _BRITISH_LOOKING.search(word) and word not in _SPELT_SO_IN_THE_US and word not in tr_tool.AMERICAN
    }
    assert not unknown, (
        "a British spelling without its American one: add it to AMERICAN in packaging/update_translations.py"
        f" (or to _SPELT_SO_IN_THE_US here if the US writes it so too): {unknown}"
    )
    us = tmp_path / "us.ts"
    tr_tool.extract_american(us)
    committed = american_entries(tr_tool.US_TS)
    assert american_entries(us) == committed, "run `python packaging/update_translations.py`"
    qm = tmp_path / "us.qm"
    tr_tool.compile_qm(tr_tool.US_TS, qm)
    assert qm.read_bytes() == tr_tool.US_QM.read_bytes(), "run `python packaging/update_translations.py`"
    # Nothing British is left in what a US owner reads.
    left = [t for forms in committed.values() for t in forms if tr_tool.american(t) != t]
    assert not left, left


@contextmanager
def owner_in(app: Any, lang: str, region: str | None) -> Iterator[None]:
    """The start's translators for an owner in `region`, taken out again afterwards."""
    translators, language, locale = set(app.findChildren(QTranslator)), installed_language(app), QLocale()
    install_translators(app, lang, region)
    try:
        yield
    finally:
        for added in set(app.findChildren(QTranslator)) - translators:
            app.removeTranslator(added)
            added.setParent(None)
        app.setProperty("shopInboxLanguage", language)
        QLocale.setDefault(locale)


def test_a_us_owner_opens_the_catalog_and_sees_canceled_orders(qapp: Any, qtbot: Any, ctx: Any) -> None:
    from ui.catalog_window import CatalogWindow

    say = QCoreApplication.translate
    with owner_in(qapp, "en", "US"):
        window = CatalogWindow(ctx)
        qtbot.addWidget(window)
        assert window.windowTitle() == "Catalog"
        assert say("Menus", "&Catalogue…") == "&Catalog…"
        assert say("LabelsManager", "&Colour…") == "&Color…"
        assert say("Orders", "Cancelled") == "Canceled"
        # A plural with a British word reads in the right number too.
        late = "%Ln order(s) cancelled because the payment deadline passed — tell the customers?"
        context = next(c for c, s in american_entries(tr_tool.US_TS) if s == late)
        assert say(context, late, "", 1).startswith("1 order canceled because")
        assert say(context, late, "", 3).startswith("3 orders canceled because")
        assert say("OrderBoard", "%Ln order(s) marked shipped.", "", 1) == "1 order marked shipped."
        # The shop moves to the UK (Settings): windows opened from then on say "Catalogue".
        follow_shop_region("GB")
        assert CatalogWindow(ctx).windowTitle() == "Catalogue"
        follow_shop_region("US")
        assert say("Menus", "&Catalogue…") == "&Catalog…"


def test_a_us_owner_checks_boxes_and_ships_packages_to_zip_codes(qapp: Any, qtbot: Any, ctx: Any) -> None:
    """Words, not only spellings: "ticked", "parcel" and "postcode" read as British to an American."""
    from app.shipping_sheets import AddressGap
    from ui.order_text import missing_words

    say = QCoreApplication.translate
    with owner_in(qapp, "en", "US"):
        assert missing_words((AddressGap.ADDRESS, AddressGap.POSTCODE)) == "no address or ZIP code"
        assert say("BulkNoticeDialog", "Untick a customer to leave them out.") == (
            "Uncheck a customer to leave them out."
        )
        assert say("SettingsDialog", "Send read &receipts (blue ticks) to customers") == (
            "Send read &receipts (blue check marks) to customers"
        )
        assert say("OrderBoard", "Courier &sheet…") == "Carrier &sheet…"
    # A {placeholder} is the code's name, not a word: "{carrier}" would leave format() without it.
    assert tr_tool.american("{courier} tracking numbers, from the courier") == (
        "{courier} tracking numbers, from the carrier"
    )
    with owner_in(qapp, "en", "GB"):
        assert missing_words((AddressGap.POSTCODE,)) == "no postcode"


def test_british_korean_and_other_owners_read_as_before(qapp: Any, qtbot: Any, ctx: Any) -> None:
    say = QCoreApplication.translate
    for region in ("GB", "KR", "AU"):
        with owner_in(qapp, "en", region):
            assert say("Menus", "&Catalogue…") == "&Catalogue…", region
    with owner_in(qapp, "ko", "US"):
        assert say("Menus", "&Catalogue…") != "&Catalog…"


def test_before_the_shop_has_a_country_a_us_computer_spells_the_american_way() -> None:
    assert american_spelling(None, QLocale("en_US"))
    assert not american_spelling(None, QLocale("en_GB"))
    assert not american_spelling(None, QLocale("ko_KR"))
    assert american_spelling("US", QLocale("en_GB"))  # the shop's country says it once known
    assert american_spelling("PR", QLocale("es_PR"))
    assert not american_spelling("GB", QLocale("en_US"))
