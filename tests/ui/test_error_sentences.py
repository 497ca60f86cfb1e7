"""Every error code reads as a Korean sentence in the Korean UI: desktop codes, relay codes, WhatsApp's."""

from __future__ import annotations

import dataclasses
import re
import types
import typing
from typing import Any

import pytest
from PySide6.QtCore import QLocale

from app.errors import PARAMS, ErrorCode, RefusalParams, SendRefused
from tests.support.factories import make_contact, make_message
from tests.support.window_waits import load_chats, select_chat

# Names that stay in Latin letters in the Korean text.
KEPT_AS_IS = {
    "WhatsApp",
    "USB",  # written so in Korean too (USB 메모리)
    "http",  # an address's scheme, typed as it is (http://)
    "Shop",
    "Inbox",
    "Meta",
    "MB",
    "Business",
    "Manager",
    "backups",
    "data",  # --data-dir, an option typed as it is
    "dir",
    "CSV",  # a file type, as Korean banks name their downloads
    # File formats, currency codes and Excel's own menu words, written as the owner sees them.
    "UTF",
    "Excel",
    "JPEG",
    "PNG",
    "PDF",
    "Word",
    "PowerPoint",
    # Sound and video formats as players name them (MP4, 3GP, MP3, M4A, AAC, AMR, OGG with Opus).
    "MP",
    "GP",
    "AAC",
    "AMR",
    "OGG",
    "Opus",
    "WebP",
    "GIF",
    "txt",
    "xlsx",
    "xls",
    "zip",
    "KRW",
    "USD",
    "https",  # a web address's start, typed as it is
}  # "backups": a folder
SAMPLE_TEXT = "주문서"


def sample_params(code: ErrorCode) -> dict[str, Any]:
    """Sample values for the code's params model, by field type (Korean for text)."""
    model = PARAMS[code]
    hints = typing.get_type_hints(model)
    values: dict[str, Any] = {}
    for f in dataclasses.fields(model):
        hint = hints[f.name]
        if hint is str:
            values[f.name] = SAMPLE_TEXT
        elif hint == str | None:
            values[f.name] = None  # an optional code (RefusalParams.graph_cause), absent as a rule
        elif hint is int or (isinstance(hint, types.UnionType) and int in typing.get_args(hint)):
            values[f.name] = 12
        elif typing.get_origin(hint) is tuple:
            values[f.name] = ()  # the relay's own params (RefusalParams.relay_params): none said
        else:
            raise AssertionError(f"{code}: no sample for {f.name}: {hint}")
    return dataclasses.asdict(model(**values))


def english_left(sentence: str) -> list[str]:
    return [w for w in re.findall(r"[A-Za-z]{2,}", sentence) if w not in KEPT_AS_IS]


def test_every_desktop_code_has_a_korean_sentence_for_sample_params(korean: None) -> None:
    from ui.error_sentences import code_sentence, desktop_sentences

    assert set(desktop_sentences()) == set(ErrorCode), "a code without a sentence"
    for code in ErrorCode:
        sentence = code_sentence(code, sample_params(code))  # a KeyError here: a field not in params
        assert sentence.strip(), code
        assert not english_left(sentence), (code, sentence)
        assert re.search(r"[가-힣]", sentence), (code, sentence)


def test_a_file_whatsapp_takes_as_nothing_is_refused_in_korean_with_the_format_for_its_kind(
    korean: None,
) -> None:
    from ui.error_sentences import code_sentence

    for kind, format_to_save in (("document", "PDF"), ("image", "JPEG"), ("video", "MP4"), ("audio", "MP3")):
        sentence = code_sentence(ErrorCode.FILE_TYPE_NOT_TAKEN, {"name": "견적서.hwp", "kind": kind})
        assert "견적서.hwp 파일은" in sentence and f"{format_to_save}로 저장" in sentence, (kind, sentence)
        assert not english_left(sentence.replace("견적서.hwp", "")), (kind, sentence)
    # A price list exported as CSV is best saved as Excel, not as a PDF the customer cannot use.
    sheet = code_sentence(ErrorCode.FILE_TYPE_NOT_TAKEN, {"name": "가격표.csv", "kind": "document"})
    assert "가격표.csv 파일은" in sheet and "엑셀 파일(.xlsx)로 저장" in sheet and "PDF로" not in sheet, sheet
    # A zipped folder of product photos cannot be "saved as PDF": it is unzipped and its files sent.
    for name in ("신상 사진.zip", "상세컷.alz", "룩북.7z"):
        zipped = code_sentence(ErrorCode.FILE_TYPE_NOT_TAKEN, {"name": name, "kind": "document"})
        assert f"{name} 파일은" in zipped and "압축을 풀어서" in zipped and "PDF로 저장" not in zipped, zipped


def test_a_sheet_the_catalogue_cannot_read_says_엑셀_as_the_rest_of_the_korean_ui(korean: None) -> None:
    """The catalogue's 엑셀·CSV 가져오기 and its messages say 엑셀; these refusals said "Excel에서"
    (the format's name stays as Korean Excel's save dialog shows it, “Excel 통합 문서(.xlsx)”)."""
    from ui.error_sentences import code_sentence

    workbook = code_sentence(ErrorCode.CATALOG_WORKBOOK_UNREADABLE, {})
    text = code_sentence(ErrorCode.CATALOG_FILE_NOT_UTF8, {})
    assert (
        workbook.startswith("이\u00a0엑셀 파일을 읽지 못했어요")
        and "엑셀에서 “Excel 통합 문서(.xlsx)”" in workbook
    )
    assert "엑셀에서 “CSV UTF-8(쉼표로 분리)”" in text and "Excel에서" not in workbook + text


def test_a_video_sound_or_photo_too_big_for_its_kind_is_refused_in_korean_with_what_to_do(
    korean: None,
) -> None:
    from ui.error_sentences import code_sentence

    for name, kind, limit_mb, advice in (
        ("매장 투어.mp4", "video", 16, "더 짧은 동영상"),
        ("매장 음악.mp3", "audio", 16, "링크"),
        ("IMG_0001.jpg", "image", 5, "JPEG"),
    ):
        params = {"name": name, "kind": kind, "limit_mb": limit_mb}
        sentence = code_sentence(ErrorCode.FILE_TOO_LARGE_FOR_KIND, params)
        assert f"{name} 파일은" in sentence and f"{limit_mb}MB" in sentence and advice in sentence, sentence
        assert not english_left(sentence.replace(name, "")), sentence
    # Any file over 100 MB (a catalogue PDF) is said as the others are: not attached, and what to do.
    catalogue = code_sentence(ErrorCode.FILE_TOO_LARGE, {"name": "2026 카탈로그.pdf", "limit_mb": 100})
    assert "2026 카탈로그.pdf 파일은 첨부하지 않았어요" in catalogue and "100MB" in catalogue, catalogue
    assert "크기를 줄이거나 링크로" in catalogue, catalogue


def test_every_relay_and_whatsapp_code_of_a_failed_message_reads_in_korean(korean: None) -> None:
    from app.wire import RelayErrorCode
    from ui.error_sentences import failed_message_sentence, graph_sentences, relay_sentences

    assert set(relay_sentences()) == set(RelayErrorCode), "a relay code without a sentence"
    stored_by_the_outbox = [ErrorCode.UNKNOWN_OUTCOME, ErrorCode.FILE_UNREADABLE, ErrorCode.FILE_GONE]
    for code in [*relay_sentences(), *graph_sentences(), *stored_by_the_outbox]:
        sentence = failed_message_sentence(str(code), "English text from the relay")
        assert not english_left(sentence), (code, sentence)
        assert re.search(r"[가-힣]", sentence), (code, sentence)


def test_a_code_this_version_does_not_know_falls_back_to_the_relays_text(korean: None) -> None:
    from ui.error_sentences import failed_message_sentence

    assert failed_message_sentence("from_the_future", "Try later.") == "Try later."
    assert re.search(r"[가-힣]", failed_message_sentence("from_the_future", None))


def test_a_refusal_with_whatsapps_code_says_whatsapps_reason(korean: None) -> None:
    from ui.ops import failure_sentence

    refused = SendRefused(ErrorCode.SEND_REFUSED, RefusalParams("graph_error", 131026, "Undeliverable"))
    assert "전달하지 못했어요" in failure_sentence(refused)


def test_failed_sends_show_their_reason_in_korean_in_the_bubble_and_its_tooltip(
    window: Any, qtbot: Any, korean: None
) -> None:
    from ui.message_status import status_tooltip

    with window.ctx.db.write() as s:
        customer = make_contact(s, profile_name="김민수")
        make_message(s, customer, "셔츠 있나요?", unread=False)
        make_message(s, customer, "네 있어요", direction="out", status="failed", error_code="outside_window")
        make_message(s, customer, "주문 확인", direction="out", status="failed", error_code="131026")
        # The relay refused the number it was to go from (not one of the shop's there).
        make_message(
            s, customer, "내일 보내요", direction="out", status="failed", error_code="unknown_number"
        )
    load_chats(window, qtbot)
    select_chat(window, qtbot, customer.id)
    view = window.chat.view
    qtbot.waitUntil(lambda: view.chat_model.rowCount() == 4)
    for row, expected in ((1, "24시간"), (2, "전달하지 못했어요"), (3, "매장 WhatsApp 번호가 아니라서")):
        index = view.chat_model.index(row, 0)
        geo = view.itemDelegate().geometry(index, view.viewport().width())
        assert geo is not None and expected in geo.failure_text and "전송 안 됨" in geo.failure_text
        tip = status_tooltip(view.chat_model.message_at(row))
        assert expected in tip and not english_left(tip), tip


def test_a_file_that_cannot_be_read_or_written_says_why_in_the_owners_words(korean: None) -> None:
    import errno

    from ui.error_sentences import file_error_sentence

    full = OSError(errno.ENOSPC, "No space left on device", "/backups/가게-백업.zip")
    assert file_error_sentence(full) == "디스크 공간이 가득 찼어요. 공간을 비운 뒤 다시 해 보세요."
    denied = PermissionError(errno.EACCES, "Permission denied", "/Program Files/Shop Inbox/qr.png")
    assert "“qr.png”" in file_error_sentence(denied) and "권한" in file_error_sentence(denied)
    gone = FileNotFoundError(errno.ENOENT, "No such file or directory", "/menus/메뉴.json")
    assert file_error_sentence(gone).startswith("“메뉴.json” 파일을 찾을 수 없어요.")
    other = OSError(errno.EIO, "Input/output error")
    assert file_error_sentence(other) == "파일을 읽거나 쓰지 못했어요: Input/output error"


def test_limits_and_counts_in_a_sentence_are_written_as_the_locale_writes_numbers(
    english_locale: None,
) -> None:
    """ "at most 4096 characters" read as a code number; the owner reads 4,096 everywhere else."""
    from ui.error_sentences import code_sentence

    assert code_sentence(ErrorCode.QUICK_REPLY_TOO_LONG, {"limit": 4096}) == (
        "A quick reply can have at most 4,096 characters."
    )
    assert "at most 4,096 characters" in code_sentence(ErrorCode.TEXT_TOO_LONG, {"limit": 4096})
    assert "1,024" in code_sentence(ErrorCode.CAPTION_TOO_LONG, {"limit": 1024})
    stock = code_sentence(ErrorCode.ORDER_OUT_OF_STOCK, {"name": "Tote", "wanted": 1500, "available": 1200})
    assert stock == "Only 1,200 of “Tote” left in stock; this order needs 1,500."
    QLocale.setDefault(QLocale(QLocale.Language.German, QLocale.Country.Germany))
    assert "4.096" in code_sentence(ErrorCode.QUICK_REPLY_TOO_LONG, {"limit": 4096})


def test_a_price_that_is_not_a_number_is_given_an_example_its_currency_can_have() -> None:
    from app.errors import InvalidInput
    from app.money import amount_to_minor
    from ui.error_sentences import error_sentence

    def refusal(typed: str, currency: str) -> str:
        with pytest.raises(InvalidInput) as refused:
            amount_to_minor(typed, currency)
        return error_sentence(refused.value)

    # Won has no smaller unit: "50.5" is refused for it, so "12.50" must not be its example.
    assert refusal("abc", "KRW") == "“abc” is not a price: use digits, e.g. 15000."
    assert refusal("abc", "JPY") == "“abc” is not a price: use digits, e.g. 15000."
    assert refusal("abc", "USD") == "“abc” is not a price: use digits, e.g. 15000 or 12.50."


def test_a_reply_refused_after_24_hours_says_to_send_a_template_or_wait_for_the_customer(
    window: Any, qtbot: Any
) -> None:
    """Retrying a reply WhatsApp refused for the closed 24-hour window is refused again until the
    customer writes: its tooltip names what works today, the composer's "Choose template…"."""
    from ui.message_status import status_tooltip

    with window.ctx.db.write() as s:
        customer = make_contact(s, profile_name="Amelia Hart")
        make_message(s, customer, "Do you have it in blue?", unread=False)
        make_message(s, customer, "Yes, in blue too", direction="out", status="failed", error_code="131047")
        make_message(s, customer, "Shall I post it?", direction="out", status="failed", error_code="131026")
    load_chats(window, qtbot)
    select_chat(window, qtbot, customer.id)
    view = window.chat.view
    qtbot.waitUntil(lambda: view.chat_model.rowCount() == 3)
    tip = status_tooltip(view.chat_model.message_at(1))
    assert "has not written in the last 24 hours" in tip and "Right-click to retry." not in tip
    from ui.label_names import without_mnemonic

    template_button = without_mnemonic(window.chat.composer.template_button.text())  # its Alt+T
    assert f"send an approved template with “{template_button}” below the chat" in tip
    assert "Once the customer writes again, right-click to retry." in tip
    assert status_tooltip(view.chat_model.message_at(2)).endswith("Right-click to retry.")


def test_a_file_whatsapp_could_not_take_says_send_it_again_before_another_format() -> None:
    """131053 is said both for a link WhatsApp could not fetch in time (sending again is enough) and
    for a file it will not take: "Try another format" alone was wrong for the first."""
    from ui.error_sentences import failed_message_sentence

    sentence = failed_message_sentence("131053", "Media upload error")
    assert sentence.startswith("WhatsApp could not take the file of this message. Send it again;")
    assert "if it fails again" in sentence and "Try another format" not in sentence


def test_a_file_whatsapp_refused_says_in_korean_to_send_it_again_or_pick_another_file(
    window: Any, qtbot: Any, korean: None
) -> None:
    """The relay names which of 131053's causes Graph meant: the chat's "Not sent" line says the one
    step that helps, and offers no retry where a retry of the same file cannot help."""
    from ui.message_status import status_tooltip

    with window.ctx.db.write() as s:
        customer = make_contact(s, profile_name="김민수")
        make_message(s, customer, "사진 보내주세요", unread=False)
        for code in (
            "131053:media_fetch_failed",
            "131053:media_too_large",
            "131053:media_type_not_taken",
            "131053:a_cause_from_a_newer_relay",
        ):
            make_message(s, customer, "셔츠 사진", direction="out", status="failed", error_code=code)
    load_chats(window, qtbot)
    select_chat(window, qtbot, customer.id)
    view = window.chat.view
    qtbot.waitUntil(lambda: view.chat_model.rowCount() == 5)
    expected = {
        1: ("파일에는 문제가 없으니 다시 보내세요", True),
        2: ("더 작은 파일을 첨부하세요", False),
        3: ("사진은 JPEG로, 동영상은 MP4로, 문서는 PDF로 저장해서", False),
        4: ("다시 보내 보세요. 다시 실패하면", True),  # the code's own sentence, both steps
    }
    for row, (says, retry) in expected.items():
        index = view.chat_model.index(row, 0)
        geo = view.itemDelegate().geometry(index, view.viewport().width())
        assert geo is not None and geo.failure_text.startswith("전송 안 됨: ") and says in geo.failure_text
        tip = status_tooltip(view.chat_model.message_at(row))
        assert says in tip and not english_left(tip), tip
        assert ("오른쪽 클릭" in tip) is retry, tip


def test_a_file_whatsapp_will_not_take_is_not_offered_a_retry_one_it_could_not_fetch_is(
    window: Any, qtbot: Any, dialogs: Any
) -> None:
    from PySide6.QtGui import QContextMenuEvent
    from PySide6.QtWidgets import QApplication, QMenu

    with window.ctx.db.write() as s:
        customer = make_contact(s, profile_name="김민수")
        make_message(s, customer, "사진 보내주세요", unread=False)
        make_message(
            s, customer, "큰 사진", direction="out", status="failed", error_code="131053:media_too_large"
        )
        make_message(
            s, customer, "사진", direction="out", status="failed", error_code="131053:media_fetch_failed"
        )
    load_chats(window, qtbot)
    select_chat(window, qtbot, customer.id)
    view = window.chat.view
    qtbot.waitUntil(lambda: view.chat_model.rowCount() == 3)
    offered: dict[int, list[str]] = {}
    for row in (1, 2):

        def look(menu: QMenu, row: int = row) -> None:
            offered[row] = [a.text() for a in menu.actions() if a.text()]
            menu.close()

        dialogs.expect("menu", answer=look)
        view.scrollTo(view.chat_model.index(row, 0))
        at = view.visualRect(view.chat_model.index(row, 0)).center()
        QApplication.sendEvent(
            view.viewport(), QContextMenuEvent(QContextMenuEvent.Reason.Mouse, at, view.mapToGlobal(at))
        )
        qtbot.waitUntil(lambda row=row: row in offered, timeout=3000)
    assert "&Delete" in offered[1] and "Re&try sending" not in offered[1]
    assert "Re&try sending" in offered[2]
