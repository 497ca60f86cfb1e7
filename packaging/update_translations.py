"""Extract every translatable string from ui/ into the Korean .ts, then compile the shipped .qm files.

English needs a .qm too, for plurals only: "%n order(s)" must read "1 order" and "2 orders"; and
American English one more, over it, for the texts written with British spellings ("Catalogue").
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS = ROOT / "resources" / "translations" / "shop_inbox_ko.ts"
QM = TS.with_suffix(".qm")
EN_TS = TS.with_name("shop_inbox_en.ts")
EN_QM = EN_TS.with_suffix(".qm")
US_TS = TS.with_name("shop_inbox_en_US.ts")
US_QM = US_TS.with_suffix(".qm")
# The UI's English is British; a US owner reads these words the American way. Every British spelling
# the UI writes must be here (tests/ui/test_american_spelling.py finds new ones).
AMERICAN = {
    "catalogue": "catalog",
    "catalogues": "catalogs",
    "colour": "color",
    "colours": "colors",
    "coloured": "colored",
    "cancelled": "canceled",
    "cancelling": "canceling",
    "dialled": "dialed",
    "labelled": "labeled",
    "labelling": "labeling",
    "travelled": "traveled",
    "recognise": "recognize",
    "recognised": "recognized",
    "organise": "organize",
    "organised": "organized",
    "authorise": "authorize",
    "authorised": "authorized",
    "unauthorised": "unauthorized",
    "customise": "customize",
    "customised": "customized",
    "favourite": "favorite",
    "favourites": "favorites",
    "behaviour": "behavior",
    "centre": "center",
    "centred": "centered",
    "licence": "license",
    "grey": "gray",
    "jewellery": "jewelry",
    "cheque": "check",
    "cheques": "checks",
    # Words, not spellings, that an American reads as foreign: a checkbox is checked, not ticked;
    # WhatsApp's US help calls its ticks "check marks"; a carrier (UPS, USPS) delivers a package to a
    # ZIP code.
    "tick": "check",
    "ticked": "checked",
    "untick": "uncheck",
    "unticked": "unchecked",
    "ticks": "check marks",
    "parcel": "package",
    "parcels": "packages",
    "postcode": "ZIP code",
    "postcodes": "ZIP codes",
    "courier": "carrier",
    "couriers": "carriers",
}
# English nouns that follow %n in our plural strings (an adjective may stand between): plural → singular.
_SINGULAR = {
    "messages": "message",
    "chats": "chat",
    "replies": "reply",
    "days": "day",
    "minutes": "minute",
    "contacts": "contact",
    "results": "result",
    "orders": "order",
    "lines": "line",
    "items": "item",
    "customers": "customer",
    "recipients": "recipient",
    "inboxes": "inbox",
}


def tool(name: str) -> str:
    """pyside6-lupdate / pyside6-lrelease from the same environment as this Python."""
    here = Path(sys.executable).parent / name
    found = str(here) if here.exists() else shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found: install PySide6-Essentials")
    return found


def sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in (ROOT / "ui").rglob("*.py"))


def extract(ts: Path, *, drop_obsolete: bool = True) -> None:
    args = [tool("pyside6-lupdate"), "-silent", "-locations", "none", "-target-language", "ko_KR"]
    if drop_obsolete:
        args.append("-no-obsolete")
    subprocess.run([*args, *sources(), "-ts", str(ts)], cwd=ROOT, check=True)


def english_forms(source: str) -> tuple[str, str]:
    """(singular, plural) of an English source with %n: "order(s)" either way, else the noun after %n."""
    if "(s)" in source:
        return _verb_after_one(source).replace("(s)", ""), source.replace("(s)", "s")

    def singular(match: re.Match[str]) -> str:
        return match.group(1) + _SINGULAR.get(match.group(2), match.group(2))

    adjectives = "unread|new|paid|quick|more|other|earlier|waiting"
    one = re.sub(rf"(%L?n (?:(?:{adjectives}) )?)([a-z]+)", singular, source, count=1)
    return one, source


_ONE_VERB = {"have": "has", "were": "was", "are": "is", "need": "needs", "match": "matches", "come": "comes"}


def _verb_after_one(source: str) -> str:
    """The verbs of the counted noun's own clause agreeing with one ("1 open order has this amount",
    "1 row was already registered", "1 row matches nothing and is left out", "1 piece comes back"):
    each of these verbs after "(s)", before the clause ends."""
    at = source.index("(s)")
    end = min((i for i in (source.find(p, at) for p in ".:;?") if i != -1), default=len(source))
    verbs = "|".join(_ONE_VERB)
    clause = re.sub(rf"\b({verbs})\b", lambda m: _ONE_VERB[m.group(1)], source[at:end])
    return source[:at] + clause + source[end:]


def extract_english(ts: Path) -> None:
    """The English plural-only .ts, kept as the Korean one is: what a person wrote stays. lupdate adds
    each new plural message unfinished; it is given both forms proposed from its source (english_forms),
    and stays unfinished until a person has read them as one and as two, fixed what the proposal got
    wrong ("send the customer the tracking number?") and taken `type="unfinished"` out
    (tests/ui/test_translations.py fails while one is left)."""
    args = [tool("pyside6-lupdate"), "-silent", "-locations", "none", "-target-language", "en_US"]
    args += ["-pluralonly", "-no-obsolete"]
    subprocess.run([*args, *sources(), "-ts", str(ts)], cwd=ROOT, check=True)
    tree = ET.parse(ts)
    for message in tree.getroot().iter("message"):
        translation = message.find("translation")
        if translation is None or translation.get("type") != "unfinished":
            continue  # read and written by a person: kept
        # Proposed afresh even where lupdate filled in the forms of a similar, older source.
        for child in list(translation):
            translation.remove(child)
        translation.text = None
        for text in english_forms(message.findtext("source") or ""):
            ET.SubElement(translation, "numerusform").text = text
    tree.write(ts, encoding="utf-8", xml_declaration=True)


def english_plurals(ts: Path = EN_TS) -> dict[tuple[str, str], list[str]]:
    """(context, source) → the English forms (one, many) of each plural message in `ts`."""
    out = {}
    for context in ET.parse(ts).getroot().iter("context"):
        for message in context.iter("message"):
            forms = [form.text or "" for form in message.iter("numerusform")]
            out[(context.findtext("name") or "", message.findtext("source") or "")] = forms
    return out


def american(text: str) -> str:
    """`text` with American spellings, each word's case and Alt letter kept ("From the catalo&gue…" →
    "From the catalo&g…", "&Colour…" → "&Color…")."""

    def spelled(match: re.Match[str]) -> str:
        written = match.group(0)
        word = written.replace("&", "")
        us = AMERICAN.get(word.lower())
        if us is None:
            return written
        if word.isupper():
            us = us.upper()
        elif word[0].isupper():
            us = us[0].upper() + us[1:]
        at = written.find("&")
        return us if at == -1 else us[: min(at, len(us) - 1)] + "&" + us[min(at, len(us) - 1) :]

    # Not a {placeholder}: "{courier}" is a name the code fills, spelled as the code spells it.
    return re.sub(r"(?<![\w&{])(?:&?[A-Za-z])+(?!\w*\})", spelled, text)


def extract_american(ts: Path) -> None:
    """The American English .ts: only the messages whose source has a British spelling, each given as
    American English (a plural: the English .ts's forms, American); asked before the English plurals
    for a US owner."""
    plurals = english_plurals()
    with tempfile.TemporaryDirectory() as folder:
        every = Path(folder) / "en_US.ts"
        args = [tool("pyside6-lupdate"), "-silent", "-locations", "none", "-target-language", "en_US"]
        subprocess.run([*args, "-no-obsolete", *sources(), "-ts", str(every)], cwd=ROOT, check=True)
        tree = ET.parse(every)
    root = tree.getroot()
    for context in list(root.iter("context")):
        name = context.findtext("name") or ""
        for message in context.findall("message"):
            source = message.findtext("source") or ""
            translation = message.find("translation")
            us = american(source)
            if us == source or translation is None:
                context.remove(message)
                continue
            for child in list(translation):
                translation.remove(child)
            translation.attrib.pop("type", None)
            if message.get("numerus") == "yes":
                translation.text = None
                english = plurals.get((name, source))
                for text in [american(f) for f in english] if english else english_forms(us):
                    ET.SubElement(translation, "numerusform").text = text
            else:
                translation.text = us
        if context.find("message") is None:
            root.remove(context)
    tree.write(ts, encoding="utf-8", xml_declaration=True)


def compile_qm(ts: Path, qm: Path) -> None:
    """Compile `ts` into a new file that then takes `qm`'s name: a running app keeps reading the old one.

    Qt maps a loaded .qm into memory; lrelease writing over it in place crashed a running app (from
    this checkout) at its next translated word."""
    fresh = qm.with_name(qm.name + ".new")
    subprocess.run([tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(fresh)], cwd=ROOT, check=True)
    fresh.replace(qm)


def main() -> None:
    TS.parent.mkdir(parents=True, exist_ok=True)
    extract(TS)
    compile_qm(TS, QM)
    extract_english(EN_TS)
    compile_qm(EN_TS, EN_QM)
    extract_american(US_TS)
    compile_qm(US_TS, US_QM)
    print(f"updated {TS.relative_to(ROOT)} and {QM.relative_to(ROOT)}, English plurals, US spellings")


if __name__ == "__main__":
    main()
