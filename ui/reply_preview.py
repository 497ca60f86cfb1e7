"""The live preview under the greeting and away editors: what a customer writing now would get."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
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


@dataclass(frozen=True, slots=True)
class RelayRuns:
    """The rules the relay runs while a change to them waits or was refused (its copy as last heard,
    as the owner wrote it); `has_none`: it has none of the shop's yet, and sends nothing."""

    doc: Automations
    refused: bool = False
    has_none: bool = False


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
    replies = replies_for_inbound(doc, state, now, contact_name=name, customer_text=customer_text)
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
        # The shop's numbers as people dial them, when it has two or more: the preview is of one
        # number's chat (each counts its greeting and away message on its own), and says so.
        self.numbers: tuple[str, ...] = ()
        self.setObjectName("replyPreview")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        # While a change waits for the relay or was refused by it, and customers get something else
        # now than the rules on screen: says so, and each customer's line gives both.
        self.relay_line = QLabel()
        self.relay_line.setObjectName("relayNowLine")
        self.relay_line.hide()
        self.title = QLabel()
        self.title.setObjectName("previewTitle")
        self.new_customer = QLabel()
        self.returning = QLabel()
        self.other_language = QLabel()
        self.other_language.setObjectName("otherLanguagePreview")
        for label in (self.relay_line, self.title, self.new_customer, self.returning, self.other_language):
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.PlainText)  # the owner's text is never markup
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setStyleSheet(preview_style())
        layout = QVBoxLayout(self)
        layout.addWidget(self.relay_line)
        layout.addWidget(self.title)
        layout.addWidget(self.new_customer)
        layout.addWidget(self.returning)
        layout.addWidget(self.other_language)

    def _describe(self, replies: list[tuple[str, str]]) -> str:
        if not replies:
            return self.tr("nothing automatic; you answer yourself.")
        kinds = {"greeting": self.tr("greeting"), "away": self.tr("away message")}
        return "\n".join(f"[{kinds.get(kind, kind)}] {text}" for kind, text in replies)

    def _customer(self, who: str, after: list[tuple[str, str]], now: list[tuple[str, str]] | None) -> str:
        """One customer's lines: what they get, or, when the relay sends something else now, both."""
        if now is None or now == after:
            return who + "\n" + self._describe(after)
        return "\n".join(
            [
                who,
                self.tr("Now: {0}").format(self._describe(now)),
                self.tr("Once your change is on the relay: {0}").format(self._describe(after)),
            ]
        )

    def _relay_sentence(self, relay: RelayRuns) -> str:
        if relay.has_none:
            if relay.refused:
                return self.tr(
                    "Your relay refused your rules and has none from you: customers get no automatic "
                    "message until you fix them."
                )
            return self.tr(
                "Your rules are not on your relay yet: until they are, customers get no automatic message."
            )
        if relay.refused:
            return self.tr(
                "Your relay refused your change: until you fix it, customers get what the relay had before."
            )
        return self.tr(
            "Your change is not on your relay yet: until it is, customers get what the relay had before."
        )

    def show_for(self, doc: Automations, relay: RelayRuns | None = None) -> None:
        """The replies to `doc`, the rules on screen; `relay`: what the relay runs instead while a
        change waits for it or was refused (None: it runs these)."""
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
        if len(self.numbers) > 1:
            self.title.setText(
                self.tr(
                    "If a customer wrote to {1} now ({0}), they would get (and the same at {2}: "
                    "each number's chat counts on its own):"
                ).format(when, self.numbers[0], ", ".join(self.numbers[1:]))
            )
        else:
            self.title.setText(self.tr("If a customer wrote now ({0}), they would get:").format(when))
        name = self.tr("Minji Kim")
        theirs = None if relay is None else with_shop_zone(relay.doc, self.ctx.shop_region)
        foreign = other_language_customer(doc) or (
            None if theirs is None else other_language_customer(theirs)
        )
        try:
            new, returning, other = _replies(doc, now, name, foreign)
            now_new, now_returning, now_other = (
                (None, None, None) if theirs is None else _replies(theirs, now, name, foreign)
            )
        except (ValueError, KeyError) as exc:
            # e.g. a time zone being typed: the editor says what to fix; the preview waits.
            log.debug("preview not computed: %s", exc)
            self.new_customer.setText(self.tr("The preview appears when the settings are complete."))
            self.returning.clear()
            self.other_language.hide()
            self.relay_line.hide()
            return
        differs = theirs is not None and (now_new, now_returning, now_other) != (new, returning, other)
        self.relay_line.setVisible(differs)
        if differs and relay is not None:
            self.relay_line.setText(self._relay_sentence(relay))
        else:
            now_new = now_returning = now_other = None
        self.other_language.setVisible(other is not None)
        if other is not None:
            self.other_language.setText(
                self._customer(self.tr("A new customer who writes in another language:"), other, now_other)
            )
        self.new_customer.setText(self._customer(self.tr("A new customer:"), new, now_new))
        self.returning.setText(
            self._customer(self.tr("A customer you talked to yesterday:"), returning, now_returning)
        )


Replies = list[tuple[str, str]]


def _replies(
    doc: Automations, now: datetime, name: str, foreign: tuple[str, str] | None
) -> tuple[Replies, Replies, Replies | None]:
    """What a new customer, a returning one and one writing in another language get from `doc`."""
    return (
        preview_replies(doc, now, returning=False, name=name),
        preview_replies(doc, now, returning=True, name=name),
        preview_replies(doc, now, returning=False, name=foreign[1], customer_text=foreign[0])
        if foreign is not None
        else None,
    )
