"""Loading the UI language: our Korean .qm and Qt's own qtbase_ko.qm."""

from __future__ import annotations

import logging

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from ui.resources import translations_dir

log = logging.getLogger(__name__)

SUPPORTED = ("en", "ko")


def chosen_language(lang: str | None) -> str:
    """'en' or 'ko' from the option, else from the system locale."""
    if lang in SUPPORTED:
        return str(lang)
    system = QLocale.system().name().split("_")[0]
    return system if system in SUPPORTED else "en"


def install_translators(app: QApplication, lang: str | None) -> str:
    language = chosen_language(lang)
    QLocale.setDefault(QLocale(QLocale.Language.Korean if language == "ko" else QLocale.Language.English))
    if language == "en":
        return language
    ours = QTranslator(app)
    if ours.load(str(translations_dir() / f"shop_inbox_{language}.qm")):
        app.installTranslator(ours)
    else:
        log.warning("no translation file for %s", language)
    qt = QTranslator(app)
    if qt.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
    return language
