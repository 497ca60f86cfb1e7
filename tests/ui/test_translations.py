"""The Korean translation is complete: every string the UI shows has a finished Korean text."""

from __future__ import annotations

import importlib.util
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# packaging/ is a folder of scripts, not the PyPI `packaging` package: load the script by path.
_spec = importlib.util.spec_from_file_location(
    "update_translations", ROOT / "packaging/update_translations.py"
)
assert _spec and _spec.loader
tr_tool = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(tr_tool)


def messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    out = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            out[(name, message.findtext("source") or "")] = message
    return out


def test_every_ui_string_has_a_finished_korean_translation(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.ts"
    tr_tool.extract(fresh)
    committed = messages(tr_tool.TS)
    missing, unfinished = [], []
    for key in messages(fresh):
        message = committed.get(key)
        if message is None:
            missing.append(key)
            continue
        translation = message.find("translation")
        if (
            translation is None
            or translation.get("type") in ("unfinished", "vanished", "obsolete")
            or (not (translation.text or "").strip() and not list(translation))
        ):
            unfinished.append(key)
    assert not missing, f"run `python packaging/update_translations.py` and translate: {missing[:10]}"
    assert not unfinished, f"untranslated Korean strings in {tr_tool.TS.name}: {unfinished[:10]}"


def test_shipped_qm_matches_the_ts(tmp_path: Path) -> None:
    qm = tmp_path / "check.qm"
    tr_tool.compile_qm(tr_tool.TS, qm)
    assert tr_tool.QM.read_bytes() == qm.read_bytes(), "recompile with packaging/update_translations.py"


def test_translation_loads_in_qt(qapp) -> None:
    from PySide6.QtCore import QTranslator

    translator = QTranslator()
    assert translator.load(str(tr_tool.QM))
    assert translator.translate("SettingsDialog", "Settings") not in ("", "Settings")


def test_english_plurals_read_as_english(qapp, tmp_path: Path) -> None:
    from PySide6.QtCore import QCoreApplication, QTranslator

    fresh = tmp_path / "en.ts"
    tr_tool.extract_english(fresh)
    assert messages(fresh).keys() == messages(tr_tool.EN_TS).keys(), "run packaging/update_translations.py"
    translator = QTranslator()
    assert translator.load(str(tr_tool.EN_QM))
    QCoreApplication.installTranslator(translator)
    try:
        say = QCoreApplication.translate
        assert say("OrderBoard", "%n order(s) marked shipped.", "", 1) == "1 order marked shipped."
        assert say("OrderBoard", "%n order(s) marked shipped.", "", 3) == "3 orders marked shipped."
        assert say("ChatList", "%n chats with new messages above: show them at the top", "", 1).startswith(
            "1 chat with"
        )
    finally:
        QCoreApplication.removeTranslator(translator)


def test_the_unsaved_changes_question_says_dont_save_in_korean_not_ignore(qapp) -> None:
    """qtbase_ko names the Discard button 무시 ("ignore"); our translation, asked first, says 저장 안 함."""
    from PySide6.QtCore import QLocale, QTranslator
    from PySide6.QtWidgets import QMessageBox

    from ui.translations import install_translators

    before = set(qapp.findChildren(QTranslator))
    locale = QLocale()
    install_translators(qapp, "ko")
    try:
        box = QMessageBox()
        box.setStandardButtons(
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel
        )
        said = {button.text().replace("&", "") for button in box.buttons()}
        assert said == {"저장", "저장 안 함", "취소"}
        box.deleteLater()
    finally:
        for translator in set(qapp.findChildren(QTranslator)) - before:
            qapp.removeTranslator(translator)
            translator.deleteLater()
        QLocale.setDefault(locale)
