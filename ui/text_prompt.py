"""The one-line question ("New label", "Rename label"): getText with Alt letters on its buttons."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QInputDialog, QWidget


def ask_text(parent: QWidget | None, title: str, label: str, text: str = "") -> tuple[str, bool]:
    """What `QInputDialog.getText(parent, title, label, text=text)` answers (the text typed, and
    whether OK was pressed), from a box whose OK and Cancel have their Alt letters (확인(&O),
    취소(&C)) as its field's label has its own ("이름(&N)"): Qt's gave them none."""
    dialog = QInputDialog(parent)
    dialog.setWindowTitle(title)
    dialog.setLabelText(label)
    dialog.setInputMode(QInputDialog.InputMode.TextInput)
    dialog.setTextValue(text)
    dialog.setOkButtonText(QCoreApplication.translate("TextPrompt", "&OK"))
    dialog.setCancelButtonText(QCoreApplication.translate("TextPrompt", "&Cancel"))
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    typed = dialog.textValue() if accepted else ""
    dialog.deleteLater()
    return typed, accepted
