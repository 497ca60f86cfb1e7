"""What became of an outgoing message, in the owner's words: sent, delivered, read, waiting and why,
or not sent and why (a bubble's tooltip, and what a screen reader says of it)."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication

from app.queries import MessageRow
from app.service_window import NumberWindow, open_elsewhere
from ui.error_sentences import (
    NOT_RETRYABLE_FAILURES,
    DatabaseSentences,
    failed_message_sentence,
    storage_cause_sentence,
    storage_sentence,
)
from ui.korean_particles import with_particles

# A free-form reply refused for the closed 24-hour window: WhatsApp's code, or the relay's own refusal.
OUTSIDE_WINDOW_CODES = ("131047", "outside_window")


def retry_elsewhere(row: MessageRow, windows: tuple[NumberWindow, ...], now: datetime) -> NumberWindow | None:
    """A reply refused for the closed window of the number it went from (131047), in a shop with two
    numbers (`windows`: when the customer last wrote to each): the other number whose window with her
    is open now, which a retry can go from; None otherwise."""
    if row.status != "failed" or row.error_code not in OUTSIDE_WINDOW_CODES or not row.business_number:
        return None
    went_from = next((w.phone_number_id for w in windows if w.number == row.business_number), None)
    return open_elsewhere(windows, went_from, now)


def failure_reason(row: MessageRow, went_from: str = "", elsewhere: str = "") -> str:
    """Why a failed message was not sent, in the owner's words. `went_from`, `elsewhere`: for a reply
    refused for the closed window of the shop's number it went from, that number and the other one
    whose window with her is open (`retry_elsewhere`), as the header writes them: "she has not
    written in 24 hours" would be untrue, she wrote to the other number."""
    if row.error_code in OUTSIDE_WINDOW_CODES and went_from and elsewhere:
        # Each number whole on one line ("07700 900200" broke after "07700" under a narrow bubble).
        went_from, elsewhere = (n.replace(" ", "\u00a0") for n in (went_from, elsewhere))
        return with_particles(
            QCoreApplication.translate(
                "ChatViewDelegate",
                "The customer has not written to your number {0} in the last 24 hours, but did write "
                "to your number {1}: right-click to retry from that number.",
            ).format(went_from, elsewhere)
        )
    return failed_message_sentence(row.error_code, row.error_text)


def status_tooltip(row: MessageRow, went_from: str = "", elsewhere: str = "") -> str:
    """`went_from`, `elsewhere`: as for `failure_reason`."""
    if row.status == "failed":
        reason = failure_reason(row, went_from, elsewhere)
        if row.error_code in OUTSIDE_WINDOW_CODES and went_from and elsewhere:
            return QCoreApplication.translate("ChatViewDelegate", "Not sent: {0}").format(reason)
        if row.error_code in OUTSIDE_WINDOW_CODES:
            # A retry is refused the same way until the customer writes: say what helps today.
            return QCoreApplication.translate(
                "ChatViewDelegate",
                "Not sent: {0}\nTo reach the customer now, send an approved template with “Choose "
                "template…” below the chat. Once the customer writes again, right-click to retry.",
            ).format(reason)
        if row.error_code in NOT_RETRYABLE_FAILURES:
            return QCoreApplication.translate("ChatViewDelegate", "Not sent: {0}").format(reason)
        return QCoreApplication.translate("ChatViewDelegate", "Not sent: {0}\nRight-click to retry.").format(
            reason
        )
    if row.status == "pending":
        return waiting_sentence(row.error_code, row.error_text)
    return {
        "sent": QCoreApplication.translate("ChatViewDelegate", "Sent"),
        "delivered": QCoreApplication.translate("ChatViewDelegate", "Delivered"),
        "read": QCoreApplication.translate("ChatViewDelegate", "Read"),
    }.get(row.status, "")


def waiting_sentence(reason: str | None, cause: str | None = None) -> str:
    """Why a pending message waits (app/outbox.py's `Waiting`), in the owner's words. `cause`: the
    relay's cause of a storage failure (its error_text while it waits for RELAY_STORAGE, SENDING
    or RELAY_DATABASE)."""
    from app.outbox import Waiting

    if reason == Waiting.RELAY_STORAGE and (said := storage_waiting_sentence(cause)):
        return said
    if reason in (Waiting.SENDING, Waiting.RELAY_DATABASE) and (said := storage_sentence(cause)):
        # The send itself met the relay's storage failing, or a database it refuses to use: what it
        # comes down to, as any request says it.
        return QCoreApplication.translate("ChatViewDelegate", "Waiting to be sent. {reason}").format(
            reason=said
        )
    sentences: dict[str, str] = {
        Waiting.GRAPH_UNREACHABLE: QCoreApplication.translate(
            "ChatViewDelegate",
            "Waiting: your relay can't reach WhatsApp right now. It will be sent as soon as it can.",
        ),
        Waiting.GRAPH_BUSY: QCoreApplication.translate(
            "ChatViewDelegate", "Waiting: WhatsApp asked for a short pause. It will be sent in a moment."
        ),
        Waiting.RELAY_STORAGE: QCoreApplication.translate(
            "ChatViewDelegate",
            "Waiting: your relay could not keep this file (the disk on the relay's server may be full). "
            "It will be sent once there is room.",
        ),
        Waiting.RELAY_DATABASE: QCoreApplication.translate(
            "ChatViewDelegate",
            "Waiting: your relay cannot use its database right now. It will be sent once whoever looks "
            "after your relay has fixed it.",
        ),
        Waiting.RELAY_OFFLINE: QCoreApplication.translate(
            "ChatViewDelegate", "Waiting: your relay can't be reached. It will be sent when it is back."
        ),
        Waiting.UPLOADING: QCoreApplication.translate(
            "ChatViewDelegate",
            "Its file is going up to your relay; the message is sent right after. It can still be canceled.",
        ),
    }
    # Sending (no answer yet) and none: nothing more is known than that it waits.
    return sentences.get(reason or "") or QCoreApplication.translate("ChatViewDelegate", "Waiting to be sent")


def storage_waiting_sentence(cause: str | None) -> str | None:
    """A reply whose file the relay could not keep, for a cause the relay named (a wire
    StorageCause); None for none or one this version does not know (the general sentence then)."""
    disk_full = QCoreApplication.translate(
        "ChatViewDelegate",
        "Waiting: the disk on your relay's server is full, so your relay could not keep this file. "
        "It will be sent once there is room: free some space there, or ask whoever looks after your "
        "relay to.",
    )
    disk_error = QCoreApplication.translate(
        "ChatViewDelegate",
        "Waiting: the disk on your relay's server reports errors, so your relay could not keep this "
        "file. Ask whoever looks after your relay to check that disk. It will be sent once the file "
        "can be kept.",
    )
    folder = QCoreApplication.translate(
        "ChatViewDelegate",
        "Waiting: your relay may not write in its media folder, so it could not keep this file. Tell "
        "whoever set up your relay (its log says what to change). It will be sent once that is fixed.",
    )
    # The same request again goes past it (the relay made its folder again, or the other worker's
    # row is there now): nothing to do, and nothing to worry about.
    passing = QCoreApplication.translate(
        "ChatViewDelegate",
        "Waiting: your relay was not ready for this file just now. It will be sent in a moment.",
    )
    about_database = DatabaseSentences(
        busy=QCoreApplication.translate(
            "ChatViewDelegate",
            "Waiting: your relay's database is busy right now, so your relay could not take this file. "
            "It will be sent by itself; if this lasts, tell whoever looks after your relay.",
        ),
        unreachable=QCoreApplication.translate(
            "ChatViewDelegate",
            "Waiting: your relay cannot reach its database right now (it may be restarting), so it "
            "could not take this file. It will be sent once the database is back.",
        ),
        needs_fixing=QCoreApplication.translate(
            "ChatViewDelegate",
            "Waiting: your relay's database needs fixing, so your relay could not take this file. Tell "
            "whoever looks after your relay (its log says what to change). It will be sent once that "
            "is done.",
        ),
    )
    return storage_cause_sentence(cause, disk_full, disk_error, folder, passing, about_database)


def delivery_state(row: MessageRow) -> str:
    """What became of an outgoing message in one line, as its ticks and "Not sent" line show it (a
    screen reader's words for them); "" for a customer's message."""
    if row.direction != "out":
        return ""
    if row.status == "failed":
        reason = failed_message_sentence(row.error_code, row.error_text)
        return QCoreApplication.translate("ChatViewDelegate", "Not sent: {0}").format(reason)
    return status_tooltip(row)
