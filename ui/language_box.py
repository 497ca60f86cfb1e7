"""Settings' language list: what "System language" means on this computer, and the language in use."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QWidget

from ui.korean_particles import with_particles
from ui.translations import LANGUAGE_NAMES, chosen_language, language_in_use, language_option


class LanguageBox(QComboBox):
    """The language saved for the next start. "System language" says which one that is here, and
    `note` (placed by the dialog) says the language in use when it is not the one chosen: started
    with `--lang ko`, Settings read "System language" over a Korean window, and said nothing of why."""

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
        self.currentIndexChanged.connect(lambda _i: self._show_note())

    def choose(self, language: str) -> None:
        """The saved choice shown ("system", "en", "ko"; anything else: the system's)."""
        self.setCurrentIndex(max(0, self.findData(language)))
        self._show_note()

    def _show_note(self) -> None:
        in_use, chosen = language_in_use(), chosen_language(self.currentData())
        if chosen == in_use:
            self.note.hide()
            return
        app = QApplication.instance()
        given = language_option(app) if isinstance(app, QApplication) else None
        if given:
            text = self.tr(
                "In use now: {0}, the language Shop Inbox was started in. Started without a language "
                "given, it uses {1}."
            )
        else:
            text = self.tr("In use now: {0}. Shop Inbox uses {1} after it restarts.")
        self.note.setText(with_particles(text.format(LANGUAGE_NAMES[in_use], LANGUAGE_NAMES[chosen])))
        self.note.show()
