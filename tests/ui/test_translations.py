"""The Korean translation is complete: every string the UI shows has a finished Korean text; every
counted text reads as English for one and for more."""

from __future__ import annotations

import ast
import importlib.util
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

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


def _translated_literals(path: Path) -> list[tuple[int, str]]:
    """(line, source text) of every self.tr(...) and translate(context, ...) call with literal text."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
        at = {"tr": 0, "translate": 1}.get(name)
        if at is None or len(node.args) <= at:
            continue
        text = node.args[at]
        if isinstance(text, ast.Constant) and isinstance(text.value, str):
            found.append((node.lineno, text.value))
    return found


def test_lupdate_finds_every_string_the_ui_translates() -> None:
    """lupdate's Python parser skips some calls without a word (a plural's count given as
    `r.recipients` to the `translate` alias): such a text would show in English in a Korean UI."""
    known = {source for _context, source in messages(tr_tool.TS)}
    skipped = [
        f"{path.relative_to(ROOT)}:{line}: {text[:60]!r}"
        for path in sorted((ROOT / "ui").rglob("*.py"))
        for line, text in _translated_literals(path)
        if text not in known
    ]
    assert not skipped, f"not in {tr_tool.TS.name} (lupdate skipped them): {skipped[:10]}"


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
        assert say("OrderBoard", "%Ln order(s) marked shipped.", "", 1) == "1 order marked shipped."
        assert say("OrderBoard", "%Ln order(s) marked shipped.", "", 3) == "3 orders marked shipped."
        assert say("ChatList", "%Ln chats with new messages above: show them at the top", "", 1).startswith(
            "1 chat with"
        )
        # A cart card's count and a campaign's recipients, not "1 item(s)".
        from ui.campaign_models import CampaignListModel
        from ui.order_text import counts

        assert (counts().items(1), counts().items(2), counts().more_items(3)) == (
            "1 item",
            "2 items",
            "+3 more items",
        )
        assert CampaignListModel().tr("%Ln recipient(s)", "", 1) == "1 recipient"
        # The verb agrees with one: not "1 open order have this amount", "1 row were already registered".
        deposit = (
            "%Ln open order(s) have this amount, but none waits for this deposit alone: check the orders"
        )
        assert say("DepositModel", deposit, "", 1).startswith("1 open order has this amount, but none waits")
        assert say("DepositModel", deposit, "", 2).startswith("2 open orders have this amount")
        registered = "%Ln row(s) were already registered: those orders carry these tracking numbers."
        assert say("TrackingReport", registered, "", 1).startswith("1 row was already registered:")
        assert say("TrackingReport", registered, "", 4).startswith("4 rows were already registered:")
        # Every verb of the clause agrees: a return of one piece read "1 piece come back.".
        assert say("ReturnDialog", "%Ln piece(s) come back.", "", 1) == "1 piece comes back."
        assert say("ReturnDialog", "%Ln piece(s) come back.", "", 2) == "2 pieces come back."
        unused = "%Ln row(s) match nothing and are left out."
        assert say("TrackingReviewDialog", unused, "", 1) == "1 row matches nothing and is left out."
        look = "%Ln row(s) need your look and are not ticked."
        assert say("TrackingReviewDialog", look, "", 1) == "1 row needs your look and is not ticked."
    finally:
        QCoreApplication.removeTranslator(translator)


def test_a_new_counted_text_waits_for_a_person_to_read_its_english(tmp_path: Path) -> None:
    """update_translations.py proposes a new plural message's English forms from its source: a guess
    ("Her 1 deposits …", "1 order shipped — send the customers their tracking numbers?"). It stays
    unfinished in shop_inbox_en.ts until a person has read it for one and for two."""
    fresh = tmp_path / "en.ts"
    tr_tool.extract_english(fresh)
    committed = messages(tr_tool.EN_TS)
    unread = []
    for key in messages(fresh):
        translation = committed[key].find("translation") if key in committed else None
        if translation is None or translation.get("type") == "unfinished":
            unread.append(key)
    assert not unread, (
        "run `python packaging/update_translations.py`, then in resources/translations/shop_inbox_en.ts "
        'read each of these as one and as two, fix its forms and take out type="unfinished": '
        f"{unread[:10]}"
    )
    qm = tmp_path / "en.qm"
    tr_tool.compile_qm(tr_tool.EN_TS, qm)
    assert tr_tool.EN_QM.read_bytes() == qm.read_bytes(), "recompile with packaging/update_translations.py"


def _count_in(text: str, n: int) -> re.Match[str] | None:
    """Where `n` stands as a number of its own in `text` (not in "30 days", not a "{0}")."""
    return re.search(rf"(?<![\d{{]){n}(?![\d}}])", text)


@pytest.mark.parametrize("region", ["GB", "US"])
def test_every_counted_text_reads_as_english_for_0_1_and_2(qapp, tmp_path: Path, region: str) -> None:
    """Each `tr(…, n)` of the UI, as the app speaks English (its plurals' file, and a US owner's
    spellings over it): the count is in it, no "order(s)", and where a plural noun follows the count
    one has its singular. "your 1 waiting replies" was the source read where no English was loaded."""
    from PySide6.QtCore import QCoreApplication

    from ui.translations import install_translators, installed_language

    fresh = tmp_path / "en.ts"
    tr_tool.extract_english(fresh)  # every plural message the code has, new ones too
    language = installed_language(qapp)
    install_translators(qapp, "en", region)  # conftest's no_language_left takes them out again
    try:
        readings = [
            {
                n: QCoreApplication.translate(context, source, message.findtext("comment"), n)
                for n in (0, 1, 2)
            }
            for (context, source), message in messages(fresh).items()
        ]
    finally:
        qapp.setProperty("shopInboxLanguage", language)
    wrong = []
    for said in readings:
        if any("(s)" in text or _count_in(text, n) is None for n, text in said.items()):
            wrong.append(said)
            continue
        two = _count_in(said[2], 2)
        assert two is not None
        counted = [word.strip(".,:;?!") for word in said[2][two.end() :].split()[:2]]
        two_read_as_one = said[2][: two.start()] + "1" + said[2][two.end() :]
        if any(word.endswith("s") for word in counted) and said[1] == two_read_as_one:
            wrong.append(said)  # "1 recent results"
    assert not wrong, f"fix these forms in {tr_tool.EN_TS.name}: {wrong[:5]}"


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


def test_qts_own_file_dialog_speaks_korean_throughout(qapp) -> None:
    """On Linux without a desktop's file dialogs, Qt's own one said "Look in:" and "Files of type:"
    in English beside its Korean buttons: qtbase_ko lacks those two, so ours gives them."""
    from PySide6.QtCore import QLocale, QTranslator
    from PySide6.QtWidgets import QFileDialog, QLabel

    from ui.translations import install_translators

    before = set(qapp.findChildren(QTranslator))
    locale = QLocale()
    install_translators(qapp, "ko")
    try:
        dialog = QFileDialog(None, "백업 복원")
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
        labels = [label.text() for label in dialog.findChildren(QLabel) if label.text()]
        assert labels and all(any("가" <= ch <= "힣" for ch in text) for text in labels), labels
        dialog.deleteLater()
    finally:
        for translator in set(qapp.findChildren(QTranslator)) - before:
            qapp.removeTranslator(translator)
            translator.deleteLater()
        QLocale.setDefault(locale)


def test_korean_on_a_mac_reads_without_the_windows_alt_letters(qapp) -> None:
    """macOS has no Alt letters: "가격(&P)" read "가격(P)" on every label there."""
    from PySide6.QtCore import QCoreApplication, QTranslator

    from ui.translations import WithoutAltLetters

    qm = str(tr_tool.ROOT / "resources" / "translations" / "shop_inbox_ko.qm")
    plural = "%Ln row(s) were already registered: those orders carry these tracking numbers."
    plurals = []
    for translator, price in ((QTranslator(), "가격(&P)"), (WithoutAltLetters(), "가격")):
        assert translator.load(qm)
        QCoreApplication.installTranslator(translator)
        try:
            assert QCoreApplication.translate("ItemForm", "&Price") == price
            # A text this file does not have, and a plural, come through whole.
            assert QCoreApplication.translate("ItemForm", "No such text") == "No such text"
            plurals.append(QCoreApplication.translate("TrackingReport", plural, "", 3))
        finally:
            QCoreApplication.removeTranslator(translator)
    assert plurals[0] == plurals[1] and "3" in plurals[0] and plurals[0] != plural
