"""The shop's bank account in automatic texts: {bank}, filled from the order settings for the relay."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from app.wire import Automations

# The one account a shop has lives in the order settings (OrderSettings.bank_account). The relay
# does not know it, so a text that gives it holds this field and the relay is sent the filled text,
# with the account it was filled with beside it (Automations.bank_account): a second desktop that
# receives the document turns the account back into the field, and can follow a new account too.
BANK_FIELD = "{bank}"


def uses_bank(doc: Automations) -> bool:
    """Some text of the document (a bot answer, the greeting…) gives the shop's bank account."""
    return BANK_FIELD in doc.model_dump_json(exclude={"revision", "bank_account"})


def _replaced(value: Any, old: str, new: str) -> Any:
    if isinstance(value, str):
        return value.replace(old, new)
    if isinstance(value, BaseModel):
        names = type(value).model_fields
        return value.model_copy(update={name: _replaced(getattr(value, name), old, new) for name in names})
    if isinstance(value, list):
        return [_replaced(v, old, new) for v in value]
    if isinstance(value, dict):
        return {k: _replaced(v, old, new) for k, v in value.items()}
    return value


def _texts_replaced(doc: Automations, old: str, new: str) -> Automations:
    replaced = _replaced(doc.model_copy(update={"bank_account": ""}), old, new)
    assert isinstance(replaced, Automations)
    return replaced


def with_bank(doc: Automations, bank: str) -> Automations:
    """The document as the relay runs it: every {bank} replaced by the account (empty when unset),
    and the account it was filled with named beside the texts."""
    if not uses_bank(doc):
        return doc
    return _texts_replaced(doc, BANK_FIELD, bank).model_copy(update={"bank_account": bank})


def as_written(doc: Automations) -> Automations:
    """A document from the relay as an owner wrote it: the account it was filled with is the field
    again (a document filled on another desktop, or by a version before the account was named)."""
    if not doc.bank_account.strip():
        return doc
    return _texts_replaced(doc, doc.bank_account, BANK_FIELD)
