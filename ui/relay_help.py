"""What a relay is and where its address and token come from: linked from the first-run wizard,
Settings' relay section and the Help menu.

A shop owner reads it in her language inside the app; the technical guide (docs/relay.md, English,
for whoever runs the server) opens from its last line.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSize
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from ui.import_help import add_sections
from ui.screen_fit import grow_within_screen


def relay_guide_path() -> str | None:
    """docs/relay.md, shipped beside the resources (and in the frozen bundle), or None."""
    from ui.resources import resources_dir

    for candidate in (resources_dir() / "docs" / "relay.md", resources_dir().parent / "docs" / "relay.md"):
        if candidate.exists():
            return str(candidate)
    return None


def relay_help_title() -> str:
    """The page's title, also the words of every link to it (one translation for all of them)."""
    return QCoreApplication.translate("RelayHelpDialog", "How do I set up a relay?")


class RelayHelpDialog(QDialog):
    """Plain text sections (no markup from translations), then the full guide on request.

    `in_wizard`: opened from the first-run wizard, whose page the address and token are pasted on and
    whose first page offers the demo; from anywhere else they go in Settings.
    """

    def __init__(self, parent: QWidget | None = None, *, in_wizard: bool = False) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("How do I set up a relay?"))
        where_to_paste = (
            self.tr(
                "Ask them for two things: the relay's address (it starts with https://) and its relay token. "
                "Paste both on this page and click “Check connection”."
            )
            if in_wizard
            else self.tr(
                "Ask them for two things: the relay's address (it starts with https://) and its relay token. "
                "Paste both in File ▸ Settings, under Relay, then click Save."
            )
        )
        sections: list[tuple[str, str]] = [
            (
                self.tr("What the relay is"),
                self.tr(
                    "A small server that is always on. WhatsApp delivers your customers' messages to it, "
                    "and it sends your greeting and away messages while this computer is off. Shop Inbox "
                    "fetches everything from it when it starts."
                ),
            ),
            (self.tr("Someone set it up for you"), where_to_paste),
            (
                self.tr("You set it up yourself"),
                self.tr(
                    "You need a small server with Docker (1 CPU and 512 MB are plenty), a name such as "
                    "relay.myshop.com that points at it, and a WhatsApp Business app in Meta's developer "
                    "dashboard. In the deploy folder of Shop Inbox on that server, run:\n"
                    "    docker compose run --rm setup\n"
                    "    docker compose up -d\n"
                    "    docker compose exec relay shop-inbox-relay token\n"
                    "The first asks for the values Meta shows you; the last prints the relay token to paste "
                    "here."
                ),
            ),
        ]
        if in_wizard:  # the demo is offered on the wizard's first page, nowhere else
            sections.append(
                (
                    self.tr("Just looking"),
                    self.tr(
                        "Go back to the first page of this wizard and choose “Try the demo”: a shop with "
                        "simulated customers, where nothing is sent to WhatsApp."
                    ),
                )
            )
        layout = QVBoxLayout(self)
        add_sections(layout, sections)
        # The whole guide, for whoever runs the server: shown here, not handed to whatever the
        # computer opens .md files with (often nothing).
        self.guide = QTextBrowser(self)
        self.guide.setObjectName("relayGuide")
        self.guide.setOpenExternalLinks(True)
        self.guide.hide()
        layout.addWidget(self.guide, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        # The guide is written in English: the Korean button says so, the English one need not.
        self.full_guide_button = buttons.addButton(
            self.tr("&Full guide for the server"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.full_guide_button.setEnabled(relay_guide_path() is not None)
        # Enter and Esc close the page; the long guide opens only when asked for (click or Space).
        self.full_guide_button.setAutoDefault(False)
        close_button = buttons.button(QDialogButtonBox.StandardButton.Close)
        close_button.setDefault(True)
        self.full_guide_button.clicked.connect(self.show_full_guide)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)

    def show_full_guide(self) -> None:
        path = relay_guide_path()
        if path is None:
            return
        with open(path, encoding="utf-8") as guide:
            self.guide.setMarkdown(guide.read())
        self.guide.show()
        self.full_guide_button.setEnabled(False)
        grow_within_screen(self, QSize(760, 680))
