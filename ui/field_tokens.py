"""A message's {fields} in the owner's language in an editor ("{고객 이름}"), stored as the stable word."""

from __future__ import annotations

import functools
import re

from PySide6.QtCore import QCoreApplication

from app.bank_field import BANK_FIELD
from app.rules import FIELD_ALIASES, FIELD_WORDS

# The fields an editor shows in the owner's words; others ({bank}, {deadline}…) as typed.
SHOWN_FIELDS = ("name", "first_name", "shop", "phone", "opening", "hours")


def shown_words() -> dict[str, str]:
    """Each stable field word → the word the owner reads between the braces (itself in English)."""
    words = {
        # Translators: between braces in a message, filled with the customer's whole name.
        "name": QCoreApplication.translate("FieldTokens", "name"),
        # Translators: between braces, the name the shop addresses the customer by (a Korean name
        # whole, the first word of a name in Latin letters).
        "first_name": QCoreApplication.translate("FieldTokens", "first_name"),
        # Translators: between braces in a message, filled with the shop's name.
        "shop": QCoreApplication.translate("FieldTokens", "shop"),
        # Translators: between braces in a message, filled with the customer's phone number.
        "phone": QCoreApplication.translate("FieldTokens", "phone"),
        # Translators: between braces in a greeting or away message, filled with when the shop next
        # opens (as the "Next opening" button says it).
        "opening": QCoreApplication.translate("FieldTokens", "opening"),
        # Translators: between braces in a message, filled with the shop's business hours, a line a
        # day or run of days (as the "Business hours" button says it).
        "hours": QCoreApplication.translate("FieldTokens", "hours"),
    }
    return {field: word.strip() or field for field, word in words.items()}


def order_words() -> dict[str, str]:
    """Each order message's placeholder (app.order_messages.PLACEHOLDERS) → the word the owner reads
    between its braces: its button's word in Korean ("{주문 번호}"), itself in English."""
    words = {
        # Translators: between braces in an order message (Order settings ▸ Messages), filled with the
        # customer's name; as short as its button "Customer name" says it.
        "name": QCoreApplication.translate("OrderFields", "name"),
        # Translators: between braces in an order message, filled with the order's number.
        "number": QCoreApplication.translate("OrderFields", "number"),
        # Translators: between braces in an order message, filled with what was ordered ("김밥 ×2").
        "items": QCoreApplication.translate("OrderFields", "items"),
        # Translators: between braces in an order message, filled with the amount the customer pays.
        "total": QCoreApplication.translate("OrderFields", "total"),
        # Translators: between braces in an order message, filled with the shop's bank account.
        "bank": QCoreApplication.translate("OrderFields", "bank"),
        # Translators: between braces in an order message, filled with the name the transfer is to
        # be sent under (a payment reference outside Korea).
        "depositor": QCoreApplication.translate("OrderFields", "depositor"),
        # Translators: between braces in an order message, filled with the day payment is due by.
        "deadline": QCoreApplication.translate("OrderFields", "deadline"),
        # Translators: between braces in an order message, filled with the courier's name.
        "courier": QCoreApplication.translate("OrderFields", "courier"),
        # Translators: between braces in an order message, filled with the parcel's tracking number.
        "tracking": QCoreApplication.translate("OrderFields", "tracking"),
        # Translators: between braces in an order message, filled with the courier's tracking page.
        "tracking_url": QCoreApplication.translate("OrderFields", "tracking_url"),
    }
    return {field: word.strip() or field for field, word in words.items()}


def shown_order_fields(text: str) -> str:
    """An order message as its editor shows it: `{number}` → `{주문 번호}` in Korean."""
    pattern, words = _replacer(tuple(order_words().items()))
    return pattern.sub(lambda m: "{" + words[m.group(1)] + "}", text)


def stored_order_fields(text: str) -> str:
    """What the order messages' editor saves: each placeholder in the owner's words back to its
    stable one, which app.order_messages fills (typed by hand as "{주문 번호}", or as "{number}")."""
    # The greetings' word for the whole name ("{전체 이름}", pasted from one) is the order's {name}.
    pasted = ((shown_words()["name"], "name"),)
    owners = tuple((word, field) for field, word in order_words().items())
    pattern, stable = _replacer((*pasted, *owners))
    return pattern.sub(lambda m: "{" + stable[m.group(1)] + "}", text)


def shown_field(field: str) -> str:
    """`{first_name}` → `{고객 이름}` in Korean; a field the editors do not translate as it is."""
    word = field.strip("{}")
    return "{" + shown_words().get(word, word) + "}"


def shown_fields(text: str) -> str:
    """A stored text as the editor shows it: each stable field in the owner's words."""
    pattern, words = _replacer(tuple(shown_words().items()))
    return pattern.sub(lambda m: "{" + words[m.group(1)] + "}", text)


def stored_fields(text: str) -> str:
    """What the editor saves: every spelling of a field (the owner's, or one typed by hand from
    `FIELD_ALIASES`) back to its stable word, so the relay and older copies read it alike."""
    owners = tuple((word, field) for field, word in shown_words().items())
    pattern, stable = _replacer((*FIELD_ALIASES.items(), *owners))
    return pattern.sub(lambda m: "{" + stable[m.group(1)] + "}", text)


# Something between braces that reads as a field the owner meant ("{고객명}", "{전체 이}"), not a
# JSON sample or a long aside in braces.
_BRACED = re.compile(r"\{([^{}\n]{1,30})\}")


def unknown_fields(stored: str) -> list[str]:
    """The `{words}` of a stored text that no field fills (the relay sends them to the customer as
    written), each once, as typed: "{고객명}" where "{고객 이름}" was meant."""
    known = {*FIELD_WORDS, BANK_FIELD.strip("{}")}
    found = ["{" + m.group(1) + "}" for m in _BRACED.finditer(stored) if m.group(1) not in known]
    return list(dict.fromkeys(found))


@functools.lru_cache(maxsize=8)
def _replacer(pairs: tuple[tuple[str, str], ...]) -> tuple[re.Pattern[str], dict[str, str]]:
    """`{from}` → `{to}` for each pair (a later pair wins), longest first; made once per language
    (the editors call `stored_fields` at every keystroke, for the live preview)."""
    table = dict(pairs)
    return re.compile(r"\{(" + "|".join(map(re.escape, sorted(table, key=len, reverse=True))) + r")\}"), table
