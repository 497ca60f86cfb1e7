"""The whole text of a message too long for its bubble (a 5 MB paste), to read, select and copy."""

from __future__ import annotations

from PySide6.QtGui import QFontMetricsF, QGuiApplication, QTextOption
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPlainTextEdit, QVBoxLayout, QWidget

# A paragraph is laid out whole when it scrolls into view: one of 3 million characters froze the
# window for seconds, so a longer one is shown in pieces (broken at a space where it has one).
PIECE_CHARS = 10_000


def readable_pieces(text: str) -> str:
    """`text` with a line break at most every PIECE_CHARS characters of a paragraph, else as it is."""
    lines: list[str] = []
    for line in text.split("\n"):
        while len(line) > PIECE_CHARS:
            cut = line.rfind(" ", PIECE_CHARS // 2, PIECE_CHARS) + 1 or PIECE_CHARS
            lines.append(line[:cut])
            line = line[cut:]
        lines.append(line)
    return "\n".join(lines)


class WholeMessageDialog(QDialog):
    """A customer's very long message whole, as plain text; "Copy all" copies it exactly as received."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.text = text
        self.setWindowTitle(self.tr("Whole message ({0} characters)").format(f"{len(text):,}"))
        self.view = QPlainTextEdit(self)
        self.view.setReadOnly(True)
        self.view.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.view.setPlainText(readable_pieces(text))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.copy_all = buttons.addButton(self.tr("Copy &all"), QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_all.clicked.connect(lambda: QGuiApplication.clipboard().setText(self.text))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view)
        layout.addWidget(buttons)
        em = QFontMetricsF(self.font()).averageCharWidth()
        self.resize(int(em * 80), int(em * 60))
