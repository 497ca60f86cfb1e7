"""A strip above the chat when the data folder is inside a cloud drive's folder (OneDrive, Dropbox…).

The service copies the inbox file up and down while Shop Inbox writes it: SQLite's file and its WAL
can arrive out of step, and two computers opening the same synced folder damage it or fork it into
"conflicted copies". Said at each start until the folder is moved; closed for the run."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QWidget

from app.paths import synced_folder
from ui.context import AppContext
from ui.icon_buttons import keys_tip
from ui.korean_particles import with_particles
from ui.warning_strip import lay_out_warning_strip


class SyncedFolderNotice(QFrame):
    """Hidden unless the data folder (not the demo's) lies in a folder a cloud service keeps in step."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("syncedFolderNotice")
        self.service = None if ctx.demo else synced_folder(ctx.paths.data_dir)
        self.text = QLabel(self)
        self.close_button = QPushButton(self.tr("Close"), self)
        # Esc too (ui/closable_notices.py): said again at the next start, so nothing is lost.
        self.close_button.setToolTip(keys_tip(self.tr("Close this notice"), "Esc"))
        self.close_button.clicked.connect(self.hide)
        lay_out_warning_strip(self, self.text, self.close_button)
        if self.service is None:
            self.hide()
            return
        said = self.tr(
            "Your data folder, {folder}, is inside {service}, which copies it to and from other "
            "computers while Shop Inbox writes to it: the inbox file can be damaged, above all with Shop "
            "Inbox open on two computers at once. Keep the data folder outside {service}; to have "
            "copies there, tick Settings ▸ Your data ▸ Back up every day to a folder and choose one in "
            "{service}."
        ).format(folder=ctx.paths.data_dir, service=self.service)
        self.text.setText(with_particles(said))
