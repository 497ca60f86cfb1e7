"""The relay's self-check shown to the owner: a tick or a cross per line, the fix, the number's health."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QSize, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.errors import PlainHttpParams, RelayUnreachable, Unauthorised
from app.relay_client import RelayClient
from app.relay_url import is_web_address, normalise_relay_url
from app.wire import CheckLine, CheckProblem, CheckReport, CheckStatus, CheckStep, NumberHealth
from ui.busy_button import set_busy
from ui.formatting import business_number_text, command_kept_whole, count_text
from ui.korean_particles import with_particles
from ui.message_box import copied_without_joiners
from ui.ops import Op
from ui.size_text import human_size
from ui.theme import fine_colour, muted_colour, problem_colour, warning_colour

translate = QCoreApplication.translate


class _Params(dict[str, str]):
    """Format parameters: a name the relay did not send shows as "?" instead of failing."""

    def __missing__(self, key: str) -> str:
        return "?"


def is_known_step(step: str) -> bool:
    """A step this desktop has a title for; a newer relay may report steps it does not know yet."""
    return step in {known.value for known in CheckStep}


def step_title(step: str) -> str:
    """The step's title in the owner's words; a step of a newer relay's, which the check's JSON names
    by its id alone ("webhook_foo"), said as such rather than shown raw."""
    titles = {
        CheckStep.SETTINGS: translate("RelayCheckView", "Relay settings"),
        CheckStep.PHONE_NUMBER: translate("RelayCheckView", "Meta access token and phone number"),
        CheckStep.BUSINESS_ACCOUNT: translate("RelayCheckView", "WhatsApp Business Account"),
        CheckStep.WEBHOOK_SUBSCRIPTION: translate("RelayCheckView", "Webhook subscription"),
        CheckStep.PUBLIC_URL: translate("RelayCheckView", "Secure public address (HTTPS)"),
        CheckStep.WEBHOOK_VERIFIED: translate("RelayCheckView", "Webhook verified by Meta"),
        CheckStep.DATABASE: translate("RelayCheckView", "Storage on the relay"),
        CheckStep.CLOCK: translate("RelayCheckView", "Relay clock"),
    }
    unknown = translate("RelayCheckView", "Another check by the relay")
    return titles.get(step, unknown)  # type: ignore[call-overload]


def passed_sentence(step: str) -> str:
    sentences = {
        CheckStep.SETTINGS: translate("RelayCheckView", "Everything the relay needs is set."),
        CheckStep.PHONE_NUMBER: translate(
            "RelayCheckView", "WhatsApp accepts the Meta access token and sees {display_phone_number}."
        ),
        CheckStep.BUSINESS_ACCOUNT: translate(
            "RelayCheckView", "The business account holds this number and its templates."
        ),
        CheckStep.WEBHOOK_SUBSCRIPTION: translate(
            "RelayCheckView", "Customers' messages are sent to this relay."
        ),
        CheckStep.PUBLIC_URL: translate("RelayCheckView", "{url} answers securely, and it is this relay."),
        CheckStep.WEBHOOK_VERIFIED: translate("RelayCheckView", "Meta has reached the relay's webhook."),
        CheckStep.DATABASE: translate("RelayCheckView", "The relay can store messages; {free} free."),
        CheckStep.CLOCK: translate("RelayCheckView", "The relay's clock is right."),
    }
    return sentences.get(step, "")  # type: ignore[call-overload]


def problem_sentence(problem: str) -> str:
    """What went wrong and what to do, in the owner's words (the relay's codes, never its English)."""
    sentences = {
        CheckProblem.MISSING_SETTINGS: translate(
            "RelayCheckView",
            "Some settings are missing on the relay: {names}. Run `shop-inbox-relay setup` on the server.",
        ),
        CheckProblem.TOKEN_INVALID: translate(
            "RelayCheckView",
            "WhatsApp refused the Meta access token: it has expired or was revoked. In Meta Business "
            "Manager, open Business settings > System users, generate a new Meta access token, and run "
            "`shop-inbox-relay setup` again with it.",
        ),
        CheckProblem.PERMISSION_MISSING: translate(
            "RelayCheckView",
            "The Meta access token is missing the {permission} permission. In Meta Business Manager > "
            "Business settings > System users, give the system user your WhatsApp account with full "
            "control, then generate the Meta access token again with that permission.",
        ),
        CheckProblem.WRONG_ID: translate(
            "RelayCheckView",
            "WhatsApp does not know the id in {setting}. Copy it again from Meta's app dashboard > "
            "WhatsApp > API Setup (it is an id, not the phone number).",
        ),
        CheckProblem.GRAPH_UNREACHABLE: translate(
            "RelayCheckView",
            "The relay cannot reach WhatsApp's servers. Check the server's internet connection.",
        ),
        CheckProblem.GRAPH_ERROR: translate("RelayCheckView", "WhatsApp answered with an error: {detail}"),
        CheckProblem.NUMBER_NOT_IN_ACCOUNT: translate(
            "RelayCheckView",
            "This phone number belongs to another WhatsApp Business Account. Copy the id of the "
            "account that holds it from WhatsApp Manager.",
        ),
        CheckProblem.NOT_SUBSCRIBED: translate(
            "RelayCheckView",
            "Meta is not sending your customers' messages to the relay: the app is not subscribed to "
            "your business account. Run `shop-inbox-relay setup` again on the server.",
        ),
        CheckProblem.NOT_HTTPS: translate(
            "RelayCheckView",
            "The relay's public address {url} does not start with https://. WhatsApp only delivers "
            "messages to secure addresses.",
        ),
        CheckProblem.CERTIFICATE_INVALID: translate(
            "RelayCheckView",
            "The relay answers at {url}, but its security certificate is not valid, so WhatsApp will "
            "not deliver messages there. Check that the address points at your server and that ports "
            "80 and 443 are open, so a certificate can be issued.",
        ),
        CheckProblem.PUBLIC_URL_UNREACHABLE: translate(
            "RelayCheckView",
            "Nothing answers at {url}. Start the relay on the server (docker compose up -d, or "
            "shop-inbox-relay serve) and check "
            "that the address points at it.",
        ),
        CheckProblem.OTHER_SERVER: translate(
            "RelayCheckView",
            "Something answers at {url}, but it is not your relay. Check that the address points at "
            "your server.",
        ),
        CheckProblem.WEBHOOK_NEVER_VERIFIED: translate(
            "RelayCheckView",
            "Meta has not checked the webhook yet. In Meta's app dashboard > WhatsApp > Configuration, "
            "enter the callback URL {callback_url} and the webhook verify token the relay was set up with.",
        ),
        CheckProblem.VERIFY_TOKEN_MISMATCH: translate(
            "RelayCheckView",
            "Meta tried the webhook with a different webhook verify token. Enter the relay's webhook "
            "verify token in Meta's app dashboard > WhatsApp > Configuration and verify again.",
        ),
        CheckProblem.DATABASE_NOT_WRITABLE: translate(
            "RelayCheckView",
            "The relay cannot save messages: its storage is not writable. Check the server's disk.",
        ),
        CheckProblem.MEDIA_NOT_WRITABLE: translate(
            "RelayCheckView",
            "The relay cannot save customers' photos and files: its media folder is not writable. "
            "Check the server's folder permissions.",
        ),
        CheckProblem.DISK_LOW: translate(
            "RelayCheckView",
            "The relay's disk is almost full ({free} free). Free some space, or new messages "
            "will not be saved.",
        ),
        CheckProblem.CLOCK_OFF: translate(
            "RelayCheckView",
            "The relay's clock is {seconds} seconds off, so away messages may go out at the wrong "
            "time. Turn on automatic time on the server.",
        ),
        CheckProblem.SANDBOX: translate(
            "RelayCheckView", "Not checked: the demo relay has no WhatsApp account."
        ),
    }
    return sentences.get(problem, "")  # type: ignore[call-overload]


def demo_relay_sentence() -> str:
    return translate(
        "RelayCheckView",
        "This is a demo relay: its customers are simulated, and no real WhatsApp messages come in. "
        "To receive your customers' messages, set up your own relay with your WhatsApp account.",
    )


def plain_http_sentence(url: str, plain_url: str) -> str:
    """An https:// address typed for a relay that answers plain http (one tried out on this computer)."""
    sentence = translate(
        "RelayCheckView",
        "{url} could not be reached over https://, but something there answers plain http://. "
        "If it is a relay running on this computer, try {plain_url}",
    ).format(url=url, plain_url=plain_url)
    return with_particles(sentence)


def line_sentence(line: CheckLine) -> str:
    params = _Params(line.params)
    free_mb = params.get("free_mb", "")
    if free_mb.isdigit():  # "73.7 GB", in the owner's way of writing numbers, not "75442 MB"
        params["free"] = human_size(int(free_mb) * 1024 * 1024)
    seconds = params.get("seconds", "")
    if seconds.removeprefix("-").isdigit():  # "3,725 seconds off" whichever way: not "-3725 seconds off"
        params["seconds"] = count_text(abs(int(seconds)))
    if line.status == CheckStatus.PASS:
        return passed_sentence(line.step).format_map(params)
    if line.problem:
        known = problem_sentence(line.problem)
        # A problem this desktop does not know yet: the relay's own English sentence beats nothing.
        return known.format_map(params) if known else line.message
    return translate("RelayCheckView", "Not checked: an earlier step has to pass first.")


def mark(status: str) -> tuple[str, str]:
    """The symbol and colour in front of a line."""
    if status == CheckStatus.PASS:
        return "✓", fine_colour()
    if status == CheckStatus.SKIP:
        return "–", muted_colour()
    return "✗", problem_colour()


def quality_words(rating: str | None) -> str:
    words = {
        "GREEN": translate("RelayCheckView", "High (green)"),
        "YELLOW": translate("RelayCheckView", "Medium (yellow)"),
        "RED": translate(
            "RelayCheckView", "Low (red): customers have blocked or reported the shop; send fewer messages"
        ),
    }
    return words.get((rating or "").upper(), translate("RelayCheckView", "Not rated yet"))


def limit_words(health: NumberHealth) -> str:
    if health.messaging_limit and health.messaging_limit.upper() == "TIER_UNLIMITED":
        return translate("RelayCheckView", "Unlimited")
    if health.daily_limit is None:
        return translate("RelayCheckView", "Unknown")
    return translate("RelayCheckView", "{count} customers a day outside the 24-hour window").format(
        count=count_text(health.daily_limit)
    )


class RelayCheckView(QWidget):
    """Shows one CheckReport (or that it is running, or why it could not run). Plain text only."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary = self._label()
        self.grid = QGridLayout()
        self.grid.setColumnStretch(1, 1)
        self.grid.setHorizontalSpacing(8)
        self.health = self._label()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.health)  # the number's health first: what the owner looks for later
        layout.addLayout(self.grid)
        layout.addStretch(1)
        self.report: CheckReport | None = None
        # The shop's country, in whose way the shop's own numbers are written ("02-555-0101", as the
        # chat list's number chip writes them); "" writes them as WhatsApp gives them.
        self.shop_region = ""
        self.line_labels: list[tuple[QLabel, QLabel]] = []  # (mark, sentence) per line
        self.titles: list[QLabel] = []
        # Its fixes name the relay's commands, kept whole on screen, copied as typed.
        copied_without_joiners(self)

    @staticmethod
    def _label() -> QLabel:
        label = QLabel()
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label

    def _clear(self) -> None:
        for symbol, text in self.line_labels:
            symbol.deleteLater()
            text.deleteLater()
        for title in self.titles:
            title.deleteLater()
        self.line_labels = []
        self.titles = []
        self.health.clear()
        self.health.setVisible(False)

    def show_running(self) -> None:
        self._clear()
        self.report = None
        self.summary.setStyleSheet("")
        self.summary.setText(self.tr("Checking WhatsApp's side and the relay's server…"))

    def show_unavailable(self, reason: str) -> None:
        self._clear()
        self.report = None
        self.summary.setStyleSheet(f"color: {problem_colour()};")
        self.summary.setText(command_kept_whole(reason))

    def show_report(self, report: CheckReport) -> None:
        self._clear()
        self.report = report
        if report.sandbox:  # "ready" would tell the owner she is live while no customer can write
            # A warning, not a failure: the demo relay works, it is just not the shop's.
            self.summary.setStyleSheet(f"color: {warning_colour()}; font-weight: bold;")
            self.summary.setText(demo_relay_sentence())
        elif report.ok:
            self.summary.setStyleSheet(f"color: {fine_colour()};")
            self.summary.setText(self.tr("Everything is ready: WhatsApp messages will reach this inbox."))
        else:
            failed = sum(1 for line in report.lines if line.status == CheckStatus.FAIL)
            self.summary.setStyleSheet(f"color: {problem_colour()};")
            self.summary.setText(self.tr("To fix before messages can arrive: {count}").format(count=failed))
        for row, line in enumerate(report.lines):
            symbol_text, colour = mark(line.status)
            symbol = QLabel(symbol_text)
            symbol.setStyleSheet(f"color: {colour}; font-weight: bold;")
            symbol.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignHCenter)
            names: dict[str, str] = {
                CheckStatus.PASS: self.tr("Passed"),
                CheckStatus.SKIP: self.tr("Not checked"),
            }
            symbol.setAccessibleName(names.get(line.status, self.tr("Failed")))
            title = self._label()
            title.setText(step_title(line.step))
            skipped = line.status == CheckStatus.SKIP
            title.setStyleSheet("font-weight: bold;" + (f" color: {muted_colour()};" if skipped else ""))
            text = self._label()
            text.setText(command_kept_whole(line_sentence(line)))
            if line.status == CheckStatus.SKIP:
                text.setStyleSheet(f"color: {muted_colour()};")
            self.grid.addWidget(symbol, 2 * row, 0)
            self.grid.addWidget(title, 2 * row, 1)
            self.grid.addWidget(text, 2 * row + 1, 1)
            self.line_labels.append((symbol, text))
            self.titles.append(title)
        if report.number is not None:
            # A business account with two numbers (two branches): each one's, the relay's first.
            numbers = report.numbers or [report.number]
            self.health.setText("\n\n".join(self.health_text(health) for health in numbers))
            self.health.setVisible(True)

    def health_text(self, health: NumberHealth) -> str:
        number = health.display_phone_number or health.phone_number_id
        if health.display_phone_number and self.shop_region:
            number = business_number_text(health.display_phone_number, self.shop_region)
        name = f" ({health.verified_name})" if health.verified_name else ""
        return "\n".join(
            (
                self.tr("Number health for {number}{name}").format(number=number, name=name),
                self.tr("Quality rating: {rating}").format(rating=quality_words(health.quality_rating)),
                self.tr("Messaging limit: {limit}").format(limit=limit_words(health)),
            )
        )

    def first_failing_line(self) -> tuple[QLabel, QLabel] | None:
        """The title and sentence of the first line to fix, if any."""
        cross = mark(CheckStatus.FAIL)[0]
        rows = zip(self.line_labels, self.titles, strict=True)
        return next(((title, text) for (symbol, text), title in rows if symbol.text() == cross), None)

    def failing_text(self) -> str:
        """Every failing line's words, for tests and for copying into a message to a helper."""
        cross = mark(CheckStatus.FAIL)[0]
        rows = zip(self.line_labels, self.titles, strict=True)
        return "\n".join(
            f"{title.text()}: {text.text()}" for (symbol, text), title in rows if symbol.text() == cross
        )


def not_an_address_sentence() -> str:
    """What is said of an address no relay could answer at (a space, a comma, "htp://")."""
    return QCoreApplication.translate(
        "RelayCheck",
        "That does not look like a web address. It should look like https://relay.myshop.com",
    )


def checked_address(field: QLineEdit) -> str:
    """The relay address in `field` as it will be used, shown there too: a bare host the owner typed
    (relay.myshop.com) gets its https:// in the field, so she sees what was tried (the wizard and
    Settings alike)."""
    url = normalise_relay_url(field.text())
    if url != field.text() and is_web_address(url):
        typed = field.isModified()
        field.setText(url)
        field.setModified(typed)  # still the owner's change to save, not a value read from storage
    return url


def relay_report(url: str, token: str) -> CheckReport:
    """Blocking: ask the relay to run its check (an Op runs this off the GUI thread)."""
    with RelayClient(url, token) as client:
        return client.check_report()


Credentials = Callable[[], tuple[str, Callable[[], str]]]


# The report's box, at least: its first lines readable without scrolling in a small window.
REPORT_HEIGHT = 220


class ReportBox(QScrollArea):
    """The report's scrolling box; while it holds one sentence (running, or why the check could not
    run), exactly that sentence's height at the box's width, wrapped lines included."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.fits_content = False
        self._fitted_width = -1

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        content = self.widget()
        if not self.fits_content or content is None:
            return hint
        width = self.viewport().width() if self.isVisible() else hint.width()
        return QSize(hint.width(), content.heightForWidth(width) + 2 * self.frameWidth())

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint() if self.fits_content else super().minimumSizeHint()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        # Narrower, the sentence wraps onto more lines: the height follows the width.
        if self.fits_content and event.size().width() != self._fitted_width:
            self._fitted_width = event.size().width()
            self.updateGeometry()


class RelayCheckPanel(QWidget):
    """Runs the relay's check off the GUI thread and shows it; optionally with a "Check again" button.

    `credentials` runs on the GUI thread (it may read widgets) and gives the relay URL and a function
    that returns the token, which runs on the worker thread (it may read the keyring).
    """

    finished = Signal(object)  # the CheckReport, or None when the check could not run

    def __init__(self, *, with_button: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view = RelayCheckView()
        scroll = ReportBox()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.view)
        scroll.hide()  # an empty box until a check runs
        self.scroll_area = scroll
        # A report taller than its box opens on its first line to fix, once the box has laid it out
        # (its range changes then), until the owner scrolls it herself.
        self._bring_failure = False
        scroll.verticalScrollBar().rangeChanged.connect(self._bring_first_failure)
        scroll.verticalScrollBar().actionTriggered.connect(self._scrolled_by_hand)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.button: QPushButton | None = None
        if with_button:
            # "Again" once there is a first check to repeat: Settings opened from the File menu has
            # run none, and "Check again" there had the owner look for a check she never saw.
            self.button = QPushButton(self.tr("Chec&k connection"))
            self.button.setToolTip(self.tr("Ask the relay to check WhatsApp's side and its server again"))
            row = QHBoxLayout()
            row.addWidget(self.button)
            row.addStretch(1)
            layout.addLayout(row)
        # Why the check did not start (no address yet): one line, without the report's box under it.
        self.note = RelayCheckView._label()
        self.note.setStyleSheet(f"color: {problem_colour()};")
        self.note.hide()
        layout.addWidget(self.note)
        layout.addWidget(scroll, 1)
        self.credentials: Credentials | None = None
        self._url = ""  # the address the running (or last) check asked
        if self.button is not None:
            self.button.clicked.connect(self.run)

    @property
    def asked_url(self) -> str:
        """The relay address the running (or last) check asked."""
        return self._url

    def start(self, credentials: Credentials) -> None:
        self.credentials = credentials
        self.run()

    def run(self) -> None:
        self._bring_failure = False
        if self.credentials is None:
            return
        url, token = self.credentials()
        if not url:  # nothing to ask: no "could not be reached" over an empty box
            self.scroll_area.hide()
            self.note.setText(self.tr("Enter the relay's address first."))
            self.note.show()
            self.finished.emit(None)
            return
        if not is_web_address(url):  # "127.0.0.1 8080": a typo to point out, as the wizard does
            self.scroll_area.hide()
            self.note.setText(not_an_address_sentence())
            self.note.show()
            self.finished.emit(None)
            return
        self.note.hide()
        self._url = url
        if self.button is not None:
            self.button.setText(self.tr("Chec&k again"))
            set_busy(self.button, True)
        self._fit_box(report=False)
        self.scroll_area.show()
        self.view.show_running()
        Op(lambda: relay_report(url, token()), parent=self).success(self._shown).failure(self._failed).run()

    def _fit_box(self, *, report: bool) -> None:
        """Room for a report's lines (they scroll past it), but only a sentence's height for one
        sentence: a check that could not run left a large empty box under its reason."""
        self.scroll_area.fits_content = not report
        self.scroll_area.setMinimumHeight(REPORT_HEIGHT if report else 0)
        self.scroll_area.updateGeometry()

    def reset(self) -> None:
        self.credentials = None
        self.view.show_unavailable("")
        self.view.summary.clear()
        self.scroll_area.hide()
        self.note.hide()

    def _shown(self, report: CheckReport) -> None:
        if self.button is not None:
            set_busy(self.button, False)
        self._fit_box(report=True)
        self.view.show_report(report)
        self._bring_failure = True
        self._bring_first_failure()
        self.finished.emit(report)

    def _bring_first_failure(self, *_range: int) -> None:
        """The first line to fix in sight, its sentence then its title: the strip above the chat
        names it, and "How to fix…" opened on the number's health and the ticks above it."""
        failing = self.view.first_failing_line() if self._bring_failure else None
        if failing is None:
            return
        title, sentence = failing
        self.scroll_area.ensureWidgetVisible(sentence, 0, 0)
        self.scroll_area.ensureWidgetVisible(title, 0, 0)

    def _scrolled_by_hand(self, _action: int) -> None:
        self._bring_failure = False

    def _failed(self, exc: BaseException) -> None:
        if self.button is not None:
            set_busy(self.button, False)
        if isinstance(exc, Unauthorised):
            # Each with what to do next, as the wizard says it: Settings is where a changed token is
            # mended, and "could not run its check" alone left the owner with nothing to try.
            reason = self.tr(
                "The relay token was refused, so the relay could not run its check. Copy the relay token "
                "again (shop-inbox-relay token prints it) and paste it in Relay token."
            )
        elif isinstance(exc, RelayUnreachable) and isinstance(exc.params, PlainHttpParams):
            reason = plain_http_sentence(exc.params.url, exc.params.plain_url)
        elif isinstance(exc, RelayUnreachable):
            reason = self.tr(
                "The relay at {url} could not be reached, so it could not run its check. Check the "
                "address, your internet connection, and that the relay is running."
            ).format(url=self._url)
        else:
            reason = self.tr(
                "The relay could not run its check. If it is an older version, update it on the server "
                "and check again."
            )
        self._fit_box(report=False)
        self.view.show_unavailable(reason)
        self.finished.emit(None)
