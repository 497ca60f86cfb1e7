"""Loading the UI language: our Korean .qm and Qt's own qtbase_ko.qm; for English, its plurals' .qm
(and, for a US owner, the American spellings' .qm over it)."""

from __future__ import annotations

import logging
import re
import sys
from typing import Literal

from PySide6.QtCore import QT_TRANSLATE_NOOP, QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from ui.resources import translations_dir

log = logging.getLogger(__name__)

SUPPORTED = ("en", "ko")

# The Korean text's Alt letters, in the form Korean Windows writes them: "가격(&P)", "저장(&S)…".
_LETTER_IN_BRACKETS = re.compile(r"\(&[^)&\s]\)")


def letterless(text: str) -> str:
    """A text without its Alt letter, for where it is not a control's own ("숨기기(&H)" → "숨기기",
    "Save dra&ft" → "Save draft"): a toolbar button beside the menu item, a question's button."""
    kept = text.replace("&&", "\0")  # a written "&" stays one
    return re.sub(r"\(&.\)", "", kept).replace("&", "").replace("\0", "&&")


class WithoutAltLetters(QTranslator):
    """macOS has no Alt letters: Qt drops the "&" of a text there, but "가격(&P)" would still read
    "가격(P)" on every label and button. This translator gives the Korean text without "(&P)"."""

    def translate(  # type: ignore[override]
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        text = super().translate(context, source, disambiguation, n)
        # None (a null string) when this file has no translation: Qt then asks the next translator,
        # where an empty string would be taken as the translation.
        return _LETTER_IN_BRACKETS.sub("", text) if text else None


def ui_language() -> Literal["en", "ko"]:
    """The language the interface speaks now: "ko" for Korean, else "en" (texts prepared for customers)."""
    return "ko" if QLocale().language() == QLocale.Language.Korean else "en"


def chosen_language(lang: str | None) -> str:
    """'en' or 'ko' from the option, else from the system locale."""
    if lang in SUPPORTED:
        return str(lang)
    system = QLocale.system().name().split("_")[0]
    return system if system in SUPPORTED else "en"


# Qt's own words said our way: qtbase_ko calls the Discard button of "Save the changes?" 무시
# ("ignore"). Our translator is installed after Qt's, so it is asked first.
QT_TRANSLATE_NOOP("QPlatformTheme", "Discard")
# …and two words qtbase_ko lacks: Qt's own file dialog (Linux without a desktop's dialogs) said
# "Look in:" and "Files of type:" in English beside its Korean buttons.
QT_TRANSLATE_NOOP("QFileDialog", "&Look in:")
QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:")

# Recorded on the application, so a failed start knows whether the owner's language is already in.
_LANGUAGE_PROPERTY = "shopInboxLanguage"
# The language given on the command line (--lang), which wins over the one saved in Settings.
_OPTION_PROPERTY = "shopInboxLanguageOption"

# Each language by its own name, as the Settings list shows it (an owner who cannot read the
# interface's language still finds their own).
LANGUAGE_NAMES = {"en": "English", "ko": "한국어"}


def installed_language(app: QApplication) -> str | None:
    """The language install_translators put in, or None before it ran."""
    value = app.property(_LANGUAGE_PROPERTY)
    return str(value) if value else None


def remember_language_option(app: QApplication, option: str | None) -> None:
    """The `--lang` this run was started with (None: none), for Settings to say why the language
    in use is not the one chosen there."""
    app.setProperty(_OPTION_PROPERTY, option or "")


def language_option(app: QApplication) -> str | None:
    """The `--lang` this run was started with ("en", "ko", "system"), or None."""
    value = app.property(_OPTION_PROPERTY)
    return str(value) if value else None


def language_in_use() -> str:
    """The language the interface speaks in this run: "en" or "ko"."""
    app = QApplication.instance()
    installed = installed_language(app) if isinstance(app, QApplication) else None
    return installed if installed in SUPPORTED else ui_language()


def english_locale(shop_region: str | None = None, system: QLocale | None = None) -> QLocale:
    """English as the owner's place writes dates: the computer's own English (en_GB: "Tue 8 Dec",
    "08/12/2026"), else the shop's country's where Qt knows English there (a UK shop on a computer
    set to no locale, or to another language), else the US's ("Tue, Dec 8", "12/8/26")."""
    system = system if system is not None else QLocale.system()
    if system.language() == QLocale.Language.English and system.territory() != QLocale.Country.AnyTerritory:
        return QLocale(QLocale.Language.English, system.territory())
    territory = QLocale.codeToTerritory(shop_region) if shop_region else QLocale.Country.AnyTerritory
    if territory != QLocale.Country.AnyTerritory:
        there = QLocale(QLocale.Language.English, territory)
        if there.territory() == territory:  # Qt has no English of Korea: it would give the US's
            return there
    return QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)


# The US and the territories that write its English.
_AMERICAN_REGIONS = frozenset({"US", "PR", "GU", "VI", "AS", "MP", "UM"})
_AMERICAN_TRANSLATOR = "shopInboxAmericanSpelling"
# Every other translator `install_translators` puts in: `switch_language` takes them out by it.
_LANGUAGE_TRANSLATOR = "shopInboxLanguageTranslator"


def american_spelling(shop_region: str | None, system: QLocale | None = None) -> bool:
    """Whether the English interface spells the American way ("Catalog", "Color", "canceled"): for a
    shop in the US, or, before the shop has a country, on a computer set to US English."""
    if shop_region:
        return shop_region.upper() in _AMERICAN_REGIONS
    system = system if system is not None else QLocale.system()
    return (
        system.language() == QLocale.Language.English and system.territory() == QLocale.Country.UnitedStates
    )


def _spell_for(app: QApplication, shop_region: str | None) -> None:
    """The American spellings' translator put in (asked before the English plurals) or taken out."""
    present = app.findChild(QTranslator, _AMERICAN_TRANSLATOR)
    if american_spelling(shop_region):
        if present is None:
            american = QTranslator(app)
            american.setObjectName(_AMERICAN_TRANSLATOR)
            if american.load(str(translations_dir() / "shop_inbox_en_US.qm")):
                app.installTranslator(american)
            else:
                log.warning("no American English spellings file")
    elif present is not None:
        app.removeTranslator(present)
        present.setParent(None)  # not found again before its deletion comes round
        present.deleteLater()


def follow_shop_region(shop_region: str) -> None:
    """The shop moved country (Settings): an English interface writes its dates as there from now on,
    and spells as there (windows opened from here on; those open repaint as they refresh)."""
    if QLocale().language() == QLocale.Language.English:
        QLocale.setDefault(english_locale(shop_region))
        app = QApplication.instance()
        if isinstance(app, QApplication) and installed_language(app) == "en":
            _spell_for(app, shop_region)


def install_translators(app: QApplication, lang: str | None, shop_region: str | None = None) -> str:
    """The language chosen (`lang`, else the system's) put in; an English one writes dates as the
    computer's English does, else as the shop's country (`shop_region`) does."""
    language = chosen_language(lang)
    log.info("interface language: %s", language)
    app.setProperty(_LANGUAGE_PROPERTY, language)
    QLocale.setDefault(QLocale(QLocale.Language.Korean) if language == "ko" else english_locale(shop_region))
    if language == "en":
        plurals = QTranslator(app)  # "%n order(s)" reads "1 order" / "2 orders"
        plurals.setObjectName(_LANGUAGE_TRANSLATOR)
        if plurals.load(str(translations_dir() / "shop_inbox_en.qm")):
            app.installTranslator(plurals)
        _spell_for(app, shop_region)  # installed after, asked first: "Catalog" for a US owner
        return language
    qt = QTranslator(app)
    qt.setObjectName(_LANGUAGE_TRANSLATOR)
    if qt.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
    # Installed last, asked first.
    ours = WithoutAltLetters(app) if sys.platform == "darwin" else QTranslator(app)
    ours.setObjectName(_LANGUAGE_TRANSLATOR)
    if ours.load(str(translations_dir() / f"shop_inbox_{language}.qm")):
        app.installTranslator(ours)
    else:
        log.warning("no translation file for %s", language)
    return language


def take_language_out(app: QApplication) -> None:
    """The translators `install_translators` put in, taken out, so it can put in another language:
    for a start whose inbox changed under it before any window opened (the first start's wizard
    restored a backup, whose shop may speak another language)."""
    for translator in app.findChildren(QTranslator):
        if translator.objectName() in (_LANGUAGE_TRANSLATOR, _AMERICAN_TRANSLATOR):
            app.removeTranslator(translator)
            translator.setParent(None)  # not found again before its deletion comes round
            translator.deleteLater()
    app.setProperty(_LANGUAGE_PROPERTY, "")
