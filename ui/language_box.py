"""Settings' language list: what "System language" means on this computer, and the language in use."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QWidget

from ui.korean_particles import with_particles
from ui.translations import LANGUAGE_NAMES, chosen_language, language_in_use, language_option


class LanguageBox(QComboBox):
    """The language saved for the next start. "System language" says which one that is here, and
    `note` (placed by the dialog) says the language in use when it is not the one chosen, or what a
    Save changes when `--lang` chose it over the one saved."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        system = LANGUAGE_NAMES[chosen_language(None)]
        self.addItem(self.tr("System language ({0})").format(system), "system")
        for code, name in LANGUAGE_NAMES.items():
            self.addItem(name, code)
        self.note = QLabel()
        self.note.setObjectName("languageNote")
        self.note.setWordWrap(True)
        self.note.hide()
        self._saved = "system"  # the choice stored in the preferences
        self.currentIndexChanged.connect(lambda _i: self._show_note())

    def choose(self, language: str) -> None:
        """The saved choice ("system", "en", "ko"; anything else: the system's), unless this run was
        started with `--lang`: then that one, the language the window speaks. Shown "System language
        (English)" over a Korean window, a Save kept English for the next start without a word."""
        self._saved = language if self.findData(language) >= 0 else "system"
        given = self._given()
        self.setCurrentIndex(max(0, self.findData(given or language)))
        self._show_note()

    @staticmethod
    def _given() -> str | None:
        app = QApplication.instance()
        return language_option(app) if isinstance(app, QApplication) else None

    def _show_note(self) -> None:
        in_use, chosen = language_in_use(), chosen_language(self.currentData())
        given = self._given()
        saved = chosen_language(self._saved)
        if chosen == in_use and given and saved != in_use:
            # `--lang` preselected: what a Save changes for the starts without it.
            text = self.tr(
                "In use now: {0}, given when Shop Inbox was started (--lang). Saving keeps {0} for "
                "later starts too; until now they used {1}."
            )
            self.note.setText(with_particles(text.format(LANGUAGE_NAMES[in_use], LANGUAGE_NAMES[saved])))
            self.note.show()
            return
        if chosen == in_use:
            self.note.hide()
            return
        if given:
            text = self.tr(
                "In use now: {0}, the language Shop Inbox was started in. Started without a language "
                "given, it uses {1}."
            )
        else:
            text = self.tr("In use now: {0}. Shop Inbox uses {1} after it restarts.")
        self.note.setText(with_particles(text.format(LANGUAGE_NAMES[in_use], LANGUAGE_NAMES[chosen])))
        self.note.show()
