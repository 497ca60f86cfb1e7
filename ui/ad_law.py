"""Korean advertising law's form, as the owner reads what a marketing message lacks (campaigns and
the chat's template picker say it alike)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QWidget

from app.campaign_checks import LawProblem
from app.wire import NIGHT_HOLD_END_HOUR, NIGHT_HOLD_START_HOUR
from ui.confirm import confirm
from ui.formatting import NO_BREAK_SPACE, dash_kept, wall_clock


def _night_clock(hour: int) -> str:
    """`hour` on the owner's clock face, its space a no-break one ("오전 8:00" never parts)."""
    return wall_clock(hour, 0).replace(" ", NO_BREAK_SPACE)


def night_start_text() -> str:
    """When the law's night for ads starts (app.wire's 21:00) on the owner's clock face:
    "9:00 PM", "오후 9:00", "21:00"."""
    return _night_clock(NIGHT_HOLD_START_HOUR)


def night_end_text() -> str:
    """When the law's night for ads ends, and held ads go (app.wire's 08:00), on the owner's clock
    face: "8:00 AM", "오전 8:00", "08:00"."""
    return _night_clock(NIGHT_HOLD_END_HOUR)


def night_hours(template: str) -> str:
    """`template`'s range "{0}–{1}" filled with the law's night for ads (21:00 to 08:00) on the
    owner's clock face ("9:00 PM–8:00 AM", "오후 9:00~오전 8:00"), kept on one line as the hours'
    summaries keep theirs: the dash held to both times, each time's space a no-break one."""
    return dash_kept(template).format(night_start_text(), night_end_text())


def law_problem_text(problem: LawProblem, names: Sequence[str] = ()) -> str:
    """The problem in a sentence; a missing shop name says which names were looked for (`names`),
    so the owner can tell a name the app does not know from one the message lacks."""
    if problem == LawProblem.NO_SHOP_NAME and names:
        return QCoreApplication.translate(
            "CampaignEditor", "The message does not name the shop (looked for {0})."
        ).format(" / ".join(f"“{name}”" for name in names))
    texts: dict[str, str] = {
        LawProblem.NO_AD_PREFIX: QCoreApplication.translate(
            "CampaignEditor", "The message does not start with “(광고)”."
        ),
        LawProblem.NO_SHOP_NAME: QCoreApplication.translate(
            "CampaignEditor", "The message does not name the shop."
        ),
        LawProblem.NO_CONTACT: QCoreApplication.translate(
            "CampaignEditor", "The message gives no phone number or address to reach the shop."
        ),
        LawProblem.NO_OPT_OUT: QCoreApplication.translate(
            "CampaignEditor",
            "The message says nothing about a free way to opt out (or has no opt-out button).",
        ),
    }
    return texts[problem]


def law_label(parent: QWidget | None = None) -> QLabel:
    """A label for what a marketing message lacks: plain text, wrapped, and laid out a line at a time.

    A plain label lays its whole text out as one run of lines, and Qt gives a "•" the script of the
    text before it: after a line ending in Korean ("“(광고)”.") the next "•" was drawn in the Korean
    font, after one ending in English in the Latin one, so the list's bullets differed in size and
    height. A selectable label lays each line out on its own, where the "•" takes the script of its
    own line: every bullet in the same font. (And the owner can copy what the law asks.)"""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def law_lines(problems: Sequence[LawProblem], names: Sequence[str] = ()) -> str:
    """What a marketing message lacks, a "•" line each, then how to give it what it lacks: a
    template's words are Meta's, so they change in WhatsApp Manager, not here. `names`: the shop's
    names the check looked for."""
    return (
        "\n".join("• " + law_problem_text(p, names) for p in problems)
        + "\n"
        + QCoreApplication.translate(
            "CampaignEditor",
            "To fix it: write what is missing into the template's blanks, where it has them, or "
            "change the template in Meta's WhatsApp Manager (Meta reviews it again) and choose it "
            "here once approved.",
        )
    )


def send_anyway(
    parent: QWidget, problems: Sequence[LawProblem], names: Sequence[str] = (), *, scheduled: bool = False
) -> bool:
    """Asks, when a marketing message lacks the law's form, whether to send it all the same (No is
    the default); True at once when it lacks nothing. `scheduled`: the owner is setting it for a
    time, and "Send anyway" read as if it went out at once."""
    if not problems:
        return True
    if scheduled:
        question = QCoreApplication.translate("CampaignEditor", "Schedule it anyway?")
        verb = QCoreApplication.translate("CampaignEditor", "&Schedule anyway")
    else:
        question = QCoreApplication.translate("CampaignEditor", "Send it anyway?")
        verb = QCoreApplication.translate("CampaignEditor", "&Send anyway")
    return confirm(
        parent,
        QCoreApplication.translate("CampaignEditor", "Advertising message"),
        QCoreApplication.translate("CampaignEditor", "This marketing message lacks what Korean law asks for:")
        + "\n\n"
        + law_lines(problems, names)
        + "\n\n"
        + question,
        verb,
        warning=True,
    )
