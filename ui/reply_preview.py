"""The live preview under the greeting and away editors: what a customer writing now would get."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime, timedelta

from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from app import relay_clock
from app.rules import ContactState, replies_for_inbound, writing_script
from app.wire import Automations
from ui.context import AppContext
from ui.formatting import display_locale, wall_clock
from ui.theme import is_dark
from ui.time_zones import with_shop_zone, zone_name

log = logging.getLogger(__name__)

Clock = Callable[[], datetime]


def preview_replies(
    doc: Automations, now: datetime, *, returning: bool, name: str, customer_text: str | None = None
) -> list[tuple[str, str]]:
    """(sent_by, text) of the automatic replies to a customer writing `customer_text` at `now` (the
    relay's rules).

    A new customer has never written; a returning one wrote and was answered yesterday.
    """
    yesterday = now - timedelta(days=1)
    state = ContactState(
        wa_id="",
        last_inbound_at=yesterday if returning else None,
        last_outbound_at=yesterday if returning else None,
        last_owner_reply_at=yesterday if returning else None,
        last_away_sent_at=None,
        known_contact=False,
    )
    replies = replies_for_inbound(
        doc, state, now, contact_name=name, shop_name=doc.profile.name, customer_text=customer_text
    )
    return [(r.sent_by, r.text) for r in replies]


def other_language_customer(doc: Automations) -> tuple[str, str] | None:
    """(what they write, their name) for a customer who writes in another language than the
    messages, when a message has a text for them; None when none has."""
    mains = [r.text for r in (doc.greeting, doc.away) if r.enabled and r.text_other_language.strip()]
    if not mains:
        return None
    if writing_script(mains[0]) == "latin":
        return "안녕하세요, 재고 있나요?", "김민지"
    return "Hi, is this still available?", "Emma Wilson"


# A pale box on a light window; on a dark one the same box glared out of the editor, the one light
# patch in a dark window: a dark teal there, with light words (as the sync banner above it).
PREVIEW_STYLE = (
    "#replyPreview { border-radius: 6px; border: 1px solid #B2DFDB; background: #F1FAF8; }"
    "#replyPreview QLabel { color: #1F2D27; background: transparent; }"
    "#previewTitle { font-weight: bold; }"
)
DARK_PREVIEW_STYLE = (
    "#replyPreview { border-radius: 6px; border: 1px solid #2E6B62; background: #14302B; }"
    "#replyPreview QLabel { color: #E3F2EF; background: transparent; }"
    "#previewTitle { font-weight: bold; }"
)


def preview_style(palette: QPalette | None = None) -> str:
    """The preview box's colours for the current (light or dark) palette."""
    return DARK_PREVIEW_STYLE if is_dark(palette) else PREVIEW_STYLE


class ReplyPreview(QFrame):
    """ "If a customer wrote now, they would get: …" for a new and a returning customer."""

    def __init__(self, ctx: AppContext, *, clock: Clock | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        # The relay's time (WhatsApp's), which decides what a customer gets: a laptop 7 minutes slow
        # previewed the away message at 9:05 for a shop open since 9:00.
        self.clock = clock or relay_clock.now
        self.setObjectName("replyPreview")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.title = QLabel()
        self.title.setObjectName("previewTitle")
        self.new_customer = QLabel()
        self.returning = QLabel()
        self.other_language = QLabel()
        self.other_language.setObjectName("otherLanguagePreview")
        for label in (self.title, self.new_customer, self.returning, self.other_language):
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.PlainText)  # the owner's text is never markup
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setStyleSheet(preview_style())
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.new_customer)
        layout.addWidget(self.returning)
        layout.addWidget(self.other_language)

    def _describe(self, replies: list[tuple[str, str]]) -> str:
        if not replies:
            return self.tr("nothing automatic; you answer yourself.")
        kinds = {"greeting": self.tr("greeting"), "away": self.tr("away message")}
        return "\n".join(f"[{kinds.get(kind, kind)}] {text}" for kind, text in replies)

    def show_for(self, doc: Automations) -> None:
        doc = with_shop_zone(doc, self.ctx.shop_region)  # the zone a first save gives the hours
        now = self.clock()
        zone = doc.business_hours.timezone
        try:
            from zoneinfo import ZoneInfo

            local = now.astimezone(ZoneInfo(zone))
        except (KeyError, ValueError):
            local, zone = now, "UTC"
        day = display_locale().dayName(local.isoweekday(), QLocale.FormatType.ShortFormat)
        when = f"{day} {wall_clock(local.hour, local.minute)}, {zone_name(zone)}"
        self.title.setText(self.tr("If a customer wrote now ({0}), they would get:").format(when))
        name = self.tr("Minji Kim")
        foreign = other_language_customer(doc)
        try:
            new = preview_replies(doc, now, returning=False, name=name)
            returning = preview_replies(doc, now, returning=True, name=name)
            other = (
                preview_replies(doc, now, returning=False, name=foreign[1], customer_text=foreign[0])
                if foreign is not None
                else None
            )
        except (ValueError, KeyError) as exc:
            # e.g. a time zone being typed: the editor says what to fix; the preview waits.
            log.debug("preview not computed: %s", exc)
            self.new_customer.setText(self.tr("The preview appears when the settings are complete."))
            self.returning.clear()
            self.other_language.hide()
            return
        self.other_language.setVisible(other is not None)
        if other is not None:
            self.other_language.setText(
                self.tr("A new customer who writes in another language:") + "\n" + self._describe(other)
            )
        self.new_customer.setText(self.tr("A new customer:") + "\n" + self._describe(new))
        self.returning.setText(
            self.tr("A customer you talked to yesterday:") + "\n" + self._describe(returning)
        )
