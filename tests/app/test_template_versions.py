"""Which version of a template a customer reads: by the letters they write, among versions filled alike."""

from __future__ import annotations

from app.db import Database
from app.template_versions import language_most_lack, their_words, version_for_words, versions_of
from app.wire import Template
from tests.support.factories import make_contact, make_message


def _t(language: str, body: str, *, name: str = "sale", category: str = "MARKETING", **extra) -> Template:
    components = [{"type": "BODY", "text": body}, *extra.get("more", [])]
    return Template(
        name=name, language=language, category=category, components=components, **extra.get("kw", {})
    )


KO = _t("ko", "(광고) {{1}}님, 세일 {{2}}")
EN = _t("en_US", "Hi {{1}}, sale {{2}}")


def test_only_approved_versions_of_the_same_name_that_take_the_same_parameters_are_offered() -> None:
    others = [
        EN,
        _t("en_GB", "Hello {{1}}, sale {{2}}"),  # a second English: the first one stays
        _t("ja", "{{1}}様"),  # one parameter fewer
        _t("zh_CN", "{{1}} {{2}}", category="UTILITY"),  # another category
        _t("th", "{{1}} {{2}}", kw={"status": "PENDING"}),  # not approved yet
        _t("fr", "{{1}} {{2}}", more=[{"type": "HEADER", "format": "IMAGE"}]),  # a picture the others lack
        _t("de", "{{1}} {{2}}", name="other"),
        KO,
    ]
    assert [t.language for t in versions_of(KO, others)] == ["ko", "en_US"]


def test_the_newest_words_choose_the_version_and_no_words_keep_the_chosen_one() -> None:
    versions = [KO, EN]
    assert version_for_words(versions, "Is it in stock? 감사") is EN
    assert version_for_words(versions, "재고 있나요") is KO
    assert version_for_words(versions, "ありがとう") is KO  # no Japanese version: the chosen one
    assert version_for_words(versions, None) is KO
    assert version_for_words([EN, KO], "👍") is EN  # no letters: the chosen one, whichever it is


def test_their_words_are_the_newest_typed_messages_not_the_shops_words(db: Database) -> None:
    with db.write() as s:
        amy = make_contact(s, wa_id="447700900123", profile_name="Amy")
        quiet = make_contact(s, wa_id="447700900124", profile_name="Quiet")
        for body in ("안녕하세요", "a", "b", "c", "d", "e"):
            make_message(s, amy, body)
        make_message(s, amy, "린넨 셔츠", kind="order")  # a cart's item names are the shop's words
        make_message(s, amy, "Thanks!", direction="out")
        make_message(s, amy, "x" * 1000)  # only the start of each is read
        ids = [amy.id, quiet.id]
    with db.read() as s:
        words = their_words(s, ids)
    assert words == {ids[0]: " ".join(["x" * 300, "e", "d", "c", "b"])}


def test_a_customer_who_has_not_written_yet_reads_their_numbers_language() -> None:
    """Before a customer writes, their number tells: a Korean number gets the Korean version even of
    an ad chosen in English, a Canadian or British one the English version; elsewhere the chosen one."""
    assert version_for_words([EN, KO], None, "821012345678") is KO
    assert version_for_words([EN, KO], "👍", "821012345678") is KO  # no letters: still the number
    assert version_for_words([KO, EN], None, "14165550123") is EN
    assert version_for_words([KO, EN], None, "447911123456") is EN  # +44 7911: Guernsey, English
    assert version_for_words([KO, EN], None, "4915112345678") is KO  # German: no version, the chosen
    assert version_for_words([KO, EN], "안녕하세요", "14165550123") is KO  # what they write comes first


def test_the_language_most_recipients_read_is_named_only_when_no_version_is_in_it() -> None:
    english = Template(name="shipping_notice", language="en_US", category="UTILITY", components=[])
    korean = english.model_copy(update={"language": "ko"})
    assert language_most_lack([english], ["ko", "ko", "en"]) == "ko"
    assert language_most_lack([english, korean], ["ko", "ko", "en"]) is None  # Koreans get theirs
    assert language_most_lack([english], ["ko", "en", None, None]) is None  # half or fewer: not most
    assert language_most_lack([korean], ["ko", "ko"]) is None
    assert language_most_lack([english], []) is None
