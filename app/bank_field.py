"""The shop's bank account in automatic texts: {bank}, filled from the order settings for the relay."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from app.wire import Automations

# The one account a shop has lives in the order settings (OrderSettings.bank_account). The relay
# does not know it, so a text that gives it holds this field and the relay is sent the filled text.
BANK_FIELD = "{bank}"


def uses_bank(doc: Automations) -> bool:
    """Some text of the document (a bot answer, the greeting…) gives the shop's bank account."""
    return BANK_FIELD in doc.model_dump_json(exclude={"revision"})


def _filled(value: Any, bank: str) -> Any:
    if isinstance(value, str):
        return value.replace(BANK_FIELD, bank)
    if isinstance(value, BaseModel):
        names = type(value).model_fields
        return value.model_copy(update={name: _filled(getattr(value, name), bank) for name in names})
    if isinstance(value, list):
        return [_filled(v, bank) for v in value]
    if isinstance(value, dict):
        return {k: _filled(v, bank) for k, v in value.items()}
    return value


def with_bank(doc: Automations, bank: str) -> Automations:
    """The document as the relay runs it: every {bank} replaced by the account (empty when unset)."""
    if not uses_bank(doc):
        return doc
    filled = _filled(doc, bank)
    assert isinstance(filled, Automations)
    return filled
