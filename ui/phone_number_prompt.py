"""Asks for the phone number of a customer known only from a phone export, before anything is sent."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from app.contact_details import save_phone_number
from app.phones import example_number
from ui.context import AppContext
from ui.ops import failure_sentence, run_op
from ui.text_prompt import ask_text


def ask_for_phone_number(
    parent: QWidget,
    ctx: AppContext,
    contact_id: int,
    name: str,
    then: Callable[[], object],
    saved: Callable[[int], None],
    *,
    problem: str = "",
    username_only: bool = False,
) -> None:
    """Ask until a reachable number is saved to the contact (then `saved(id)`, `then()`) or Cancel.
    `username_only`: the customer wrote over WhatsApp with a username, sharing no number (not a chat
    from a phone export)."""
    translate = QCoreApplication.translate
    if username_only:
        question = translate(
            "PhoneNumberPrompt",
            "{0} wrote to you with a WhatsApp username and has not shared a phone number.\n"
            "Shop Inbox can send only to a phone number. If you know theirs, type it, e.g. {1}:",
        ).format(name, example_number(ctx.shop_region))
    else:
        question = translate(
            "PhoneNumberPrompt",
            "{0} has no phone number in this inbox (the chat came from a phone export).\n"
            "WhatsApp needs it to send anything. Their mobile number, e.g. {1}:",
        ).format(name, example_number(ctx.shop_region))
    if problem:
        question = f"{problem}\n\n{question}"
    text, ok = ask_text(parent, translate("PhoneNumberPrompt", "Phone number needed"), question)
    if not ok or not text.strip():
        return
    db, region = ctx.db, ctx.shop_region

    def work() -> str:
        return save_phone_number(db, contact_id, text, region)

    def done(_wa_id: str) -> None:
        saved(contact_id)
        then()

    def failed(exc: BaseException) -> None:
        problem = failure_sentence(exc)
        ask_for_phone_number(
            parent, ctx, contact_id, name, then, saved, problem=problem, username_only=username_only
        )

    run_op(work, done, parent=parent, on_failure=failed)
