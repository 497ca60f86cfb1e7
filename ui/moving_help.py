"""Moving to a new computer (Help menu): the steps from a backup on the old one to the new one's
inbox going on where the old one left off."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QWidget

from ui.import_help import fill_help_page


class MovingHelpDialog(QDialog):
    """The old computer's part, the new one's, and what each computer sets for itself: plain text."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Moving to a new computer"))
        sections = (
            (
                self.tr("On this computer"),
                self.tr(
                    "1. Choose File ▸ Back up now… and save the file: it holds your chats, photos and "
                    "files, orders, labels, quick replies, drafts and settings.\n"
                    "2. Copy the file to the new computer, on a USB stick for example."
                ),
            ),
            (
                self.tr("On the new computer"),
                self.tr(
                    "3. Install Shop Inbox. On its first start, choose “Restore a backup from your old "
                    "computer…” and pick the file. Say Restore, then whether Shop Inbox opens by itself "
                    "when you sign in to this computer. (Already set up there? Use File ▸ Restore from "
                    "backup… instead: it asks the same.)\n"
                    "4. The backup never holds the relay token: when the bar above the chats asks for it, "
                    "press Settings, paste the relay token and save. New messages then arrive from where "
                    "the backup left off, none twice.\n"
                    "5. Drafts come with the files you attached to them, from other folders too "
                    "(Downloads, for example); a file that was no longer on the old computer when the "
                    "backup was made is named under the reply box: attach it again."
                ),
            ),
            (
                # Only what the owner sets again: what comes along by itself is said in the steps.
                self.tr("Set again on the new computer"),
                self.tr("In File ▸ Settings: the folder of the daily backup."),
            ),
        )
        fill_help_page(self, sections)
