"""The contact panel's consent section: notifications, marketing, night-time and opt-out, with dates."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QGridLayout, QLabel, QPushButton, QWidget

from app import relay_clock
from app.changes import Changes
from app.consent import (
    ConsentHow,
    ConsentKind,
    ContactConsent,
    OptOutReason,
    calendar_months,
    read_consent,
    reconsent_applies,
    record_consent,
    tell_relay_opt_out,
)
from app.phones import country_of
from app.wire import NIGHT_HOLD_COUNTRIES
from ui.ad_law import night_hours
from ui.context import AppContext
from ui.formatting import full_datetime, local
from ui.icon_buttons import press_with_keys
from ui.label_names import without_mnemonic
from ui.ops import Newest, run_change, run_op


def how_label(how: str) -> str:
    labels: dict[str, str] = {
        ConsentHow.CHAT: QCoreApplication.translate("consent", "in a chat"),
        ConsentHow.WEBSITE: QCoreApplication.translate("consent", "on the website"),
        ConsentHow.IN_STORE: QCoreApplication.translate("consent", "in person"),
        ConsentHow.PHONE: QCoreApplication.translate("consent", "by phone"),
        ConsentHow.PAPER: QCoreApplication.translate("consent", "on a signed form"),
        ConsentHow.OTHER: QCoreApplication.translate("consent", "another way"),
    }
    return labels.get(how, "")


def opt_out_reason_label(reason: str) -> str:
    labels: dict[str, str] = {
        OptOutReason.KEYWORD: QCoreApplication.translate("consent", "wrote an opt-out word"),
        OptOutReason.BUTTON: QCoreApplication.translate("consent", "tapped the opt-out button"),
        OptOutReason.META_STOP: QCoreApplication.translate("consent", "stopped marketing in WhatsApp"),
        OptOutReason.OWNER: QCoreApplication.translate("consent", "recorded by you"),
    }
    return labels.get(reason, reason)


NIGHT_KEYS = "Alt+Shift+N"  # the "Also at night" box


class ConsentBox(QWidget):
    """Shows one contact's consents and writes changes through run_change (never on the GUI thread)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("consentBox")
        self.ctx = ctx
        self.contact_id: int | None = None
        self.consent = ContactConsent()
        self.wa_id: str | None = None
        # Each tick is read back: one read before her next tick that answered after it unticked
        # that one on screen, though stored. A late answer for an older look never replaces a newer one.
        self._reads = Newest()

        self.notifications = QCheckBox(self.tr("Agreed to recei&ve notifications"), self)
        self.notifications.setObjectName("consentNotifications")
        self.notifications_how = self._how_combo("consentNotificationsHow")
        self.notifications_date = self._note()
        self.marketing = QCheckBox(self.tr("Agreed to mar&keting messages"), self)
        self.marketing.setObjectName("consentMarketing")
        self.marketing_how = self._how_combo("consentMarketingHow")
        self.marketing_date = self._note()
        # An ad needs both boxes: Meta's opt-in and the law's marketing consent. Said beside the box,
        # never ticked for the owner: a customer may agree to one and not the other (a form with two
        # boxes), and recording an agreement the owner did not ask for would be a false record.
        self.ads_need_notifications = self._note()
        self.ads_need_notifications.setObjectName("consentAdsNeedNotifications")
        self.ads_need_notifications.setText(
            self.tr(
                "An ad also needs “{0}” ticked. Until it is, campaigns leave this customer out: "
                "tick it only if the customer agreed to that too."
            ).format(without_mnemonic(self.notifications.text()))
        )
        self.ads_need_notifications.hide()
        self.night = QCheckBox(night_hours(self.tr("Also at night ({0}–{1})")), self)
        # Alt+Shift+N: the main window it sits in has no Alt letter left (the search's Alt+N is
        # "Only to and from your number").
        press_with_keys(self.night, NIGHT_KEYS, self.tr("Agreed to marketing messages at night too"))
        self.night.setObjectName("consentNight")
        self.opted_out = self._note()
        self.opted_out.setObjectName("consentOptedOut")
        self.opt_out_button = QPushButton(self)
        self.opt_out_button.setObjectName("consentOptOutButton")
        self.opt_out_button.setText(self.tr("Record opt-o&ut"))  # until the contact's consent arrives

        self.notifications.clicked.connect(self._save_notifications)
        self.notifications_how.activated.connect(lambda _i: self._save_notifications(True))
        self.marketing.clicked.connect(self._save_marketing)
        self.marketing_how.activated.connect(lambda _i: self._save_marketing(True))
        self.night.clicked.connect(lambda on: self._write("night", on))
        self.opt_out_button.clicked.connect(self._toggle_opt_out)
        for box in (self.notifications, self.marketing):
            box.toggled.connect(self._say_what_ads_need)

        # Each consent on its own line, how it was given and since when below it: the panel is narrow.
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setVerticalSpacing(2)
        grid.addWidget(self.notifications, 0, 0, 1, 2)
        grid.addWidget(self.notifications_how, 1, 0)
        grid.addWidget(self.notifications_date, 1, 1)
        grid.addWidget(self.marketing, 2, 0, 1, 2)
        grid.addWidget(self.marketing_how, 3, 0)
        grid.addWidget(self.marketing_date, 3, 1)
        grid.addWidget(self.ads_need_notifications, 4, 0, 1, 2)
        grid.addWidget(self.night, 5, 0, 1, 2)
        grid.addWidget(self.opted_out, 6, 0, 1, 2)
        grid.addWidget(self.opt_out_button, 7, 0, 1, 2, Qt.AlignmentFlag.AlignLeft)
        grid.setColumnStretch(1, 1)
        ctx.hub.changed.connect(self._on_changed)

    def _how_combo(self, name: str) -> QComboBox:
        box = QComboBox(self)
        box.setObjectName(name)
        box.addItem(self.tr("How?"), "")
        for how in ConsentHow:
            box.addItem(how_label(how), how.value)
        return box

    def _note(self) -> QLabel:
        label = QLabel(self)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setWordWrap(True)
        label.setObjectName("consentNote")
        return label

    # ----------------------------------------------------------------- showing
    def show_consent(self, contact_id: int, consent: ContactConsent, wa_id: str | None = None) -> None:
        """`wa_id`: the contact's number, given when another contact is shown (kept for a re-read)."""
        if contact_id != self.contact_id or wa_id is not None:
            self.wa_id = wa_id
        self.contact_id = contact_id
        self.consent = consent
        self.notifications.setChecked(consent.opted_in_at is not None)
        self._set_how(self.notifications_how, consent.opted_in_how, consent.opted_in_at is not None)
        self.notifications_date.setText(self._since(consent.opted_in_at, consent.opted_in_how))
        # An opt-out ends the consent given before it (campaigns skip the customer): the box shows
        # that, not a tick beside "opted out". Ticking it again records the consent anew.
        opted_out = consent.opted_out_at is not None
        marketing = consent.marketing_at is not None and not opted_out
        self.marketing.setChecked(marketing)
        self._set_how(self.marketing_how, consent.marketing_how, marketing)
        since = self._since(consent.marketing_at, consent.marketing_how)
        if consent.marketing_at is not None and opted_out:
            since = self.tr(
                "Agreed on {0}, ended by the opt-out below. Tick it only when the customer agrees again."
            ).format(full_datetime(consent.marketing_at))
        elif (
            consent.marketing_at is not None
            and consent.marketing_lapsed(now := relay_clock.now())  # a laptop days slow is no excuse
            and reconsent_applies(self.ctx.shop_region)
        ):
            # Its true age on the calendar; the lapse itself comes a month before the law's two years.
            months = calendar_months(local(consent.marketing_at).date(), local(now).date())
            since += "\n" + self.tr("Agreed {0} months ago: ask again before marketing.").format(months)
        self.marketing_date.setText(since)
        self.night.setChecked(consent.night_at is not None and marketing)
        self.night.setEnabled(marketing)
        # The night-time hold is Korea's law, for Korean numbers: a US shop's American customer has no
        # use for the box (a contact without a number: as the shop's own country would have it).
        country = country_of(self.wa_id) if self.wa_id else self.ctx.shop_region.upper()
        self.night.setVisible(country in NIGHT_HOLD_COUNTRIES)
        if consent.opted_out_at is not None:
            self.opted_out.setText(
                self.tr("Opted out of marketing on {0} ({1})").format(
                    full_datetime(consent.opted_out_at), opt_out_reason_label(consent.opted_out_reason)
                )
            )
            self.opt_out_button.setText(self.tr("Clear opt-o&ut"))
        else:
            self.opted_out.setText("")
            self.opt_out_button.setText(self.tr("Record opt-o&ut"))
        self.opted_out.setVisible(consent.opted_out_at is not None)
        self._say_what_ads_need()

    def _say_what_ads_need(self, *_: object) -> None:
        """The marketing box ticked and the notifications box not: say beside it that an ad needs both."""
        shown = self.marketing.isChecked() and not self.notifications.isChecked()
        self.ads_need_notifications.setVisible(shown)

    def _on_changed(self, changes: Changes) -> None:
        if self.contact_id is None or not changes.touches_contact(self.contact_id):
            return
        contact_id = self.contact_id

        db = self.ctx.db

        def read() -> ContactConsent | None:
            return read_consent(db, contact_id)

        def show(consent: ContactConsent | None) -> None:
            if consent is not None and self.contact_id == contact_id:
                self.show_consent(contact_id, consent)

        self._reads.run_op(read, show, parent=self)

    def _set_how(self, box: QComboBox, how: str, enabled: bool) -> None:
        box.setCurrentIndex(max(0, box.findData(how)))
        box.setEnabled(enabled)

    def _since(self, at: datetime | None, how: str) -> str:
        if at is None:
            return ""
        if how:
            return self.tr("Since {0}, {1}").format(full_datetime(at), how_label(how))
        return self.tr("Since {0}").format(full_datetime(at))

    # ----------------------------------------------------------------- edits
    def _write(self, kind: ConsentKind, on: bool, how: str = "") -> None:
        if self.contact_id is None:
            return
        db, contact_id = self.ctx.db, self.contact_id
        run_change(self.ctx, lambda: record_consent(db, contact_id, kind, on, how), parent=self)

    def _save_notifications(self, on: bool) -> None:
        how = str(self.notifications_how.currentData() or "")
        self._write("notifications", on, how)

    def _save_marketing(self, on: bool) -> None:
        how = str(self.marketing_how.currentData() or "")
        self._write("marketing", on, how)

    def _toggle_opt_out(self) -> None:
        on = self.consent.opted_out_at is None
        self._write("opt_out", on)
        sync = self.ctx.sync
        client = sync.relay_client() if sync is not None else None
        if client is not None and self.contact_id is not None:
            db, contact_id = self.ctx.db, self.contact_id
            run_op(lambda: tell_relay_opt_out(db, client, contact_id, on), parent=self)
