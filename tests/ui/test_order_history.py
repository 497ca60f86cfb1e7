"""An order's history in the owner's words: what paid it, and whether the customer was told."""

from __future__ import annotations

from datetime import UTC, datetime

from app.deposits import Deposit, deposit_note
from app.order_queries import EventRow
from ui.order_history import event_text

AT = datetime(2026, 12, 4, 6, 3, tzinfo=UTC)


def test_a_move_the_bank_file_paid_names_its_deposit(korean: None, korean_locale: None) -> None:
    note = deposit_note(Deposit(2, "2026-12-04 14:03:22", "이하온", 61000))
    text = event_text(EventRow(AT, "moved", "awaiting_payment", "paid", note), "Asia/Seoul")
    assert text.endswith(": 은행 파일의 입금으로 결제 완료: 12월 4일 (금) 오후 2:03 이하온 61,000원")


def test_two_deposits_of_one_day_are_told_apart_by_their_time(korean: None, korean_locale: None) -> None:
    """이하온 paid two orders on the 4th with two transfers of 61,000원: both histories read "12월 4일
    이하온 61,000원", and the owner could not tell which transfer paid which order."""
    morning = deposit_note(Deposit(2, "2026-12-04 09:40:05", "이하온", 61000))
    afternoon = deposit_note(Deposit(5, "2026-12-04 14:03:22", "이하온", 61000))
    first = event_text(EventRow(AT, "moved", "awaiting_payment", "paid", morning), "Asia/Seoul")
    second = event_text(EventRow(AT, "moved", "awaiting_payment", "paid", afternoon), "Asia/Seoul")
    assert first.endswith("12월 4일 (금) 오전 9:40 이하온 61,000원")
    assert second.endswith("12월 4일 (금) 오후 2:03 이하온 61,000원")


def test_a_deposit_of_another_year_than_its_history_line_says_its_year(
    korean: None, korean_locale: None
) -> None:
    note = deposit_note(Deposit(2, "2026-12-31 23:10:00", "이하온", 61000))
    new_year = datetime(2027, 1, 2, 1, 0, tzinfo=UTC)
    text = event_text(EventRow(new_year, "moved", "awaiting_payment", "paid", note), "Asia/Seoul")
    assert text.endswith(": 2026년 12월 31일 (목) 오후 11:10 이하온 61,000원")


def test_an_older_history_line_reads_as_before(korean: None, korean_locale: None) -> None:
    old = EventRow(AT, "moved", "awaiting_payment", "paid", "2026.11.29 11:40:55 박지훈엄마 93000")
    assert event_text(old, "Asia/Seoul").endswith(": 입금 대기 → 결제 완료")


def test_the_history_tells_apart_told_chose_not_to_and_could_not(korean: None, korean_locale: None) -> None:
    """Shot 36: "(안내 메시지 보내지 않음)" read as the owner's choice when the message could not go."""
    moved = ("awaiting_payment", "paid")
    told = EventRow(AT, "moved", *moved, '{"told": "sent"}')
    chose = EventRow(AT, "moved_unsent", *moved, '{"told": "chose_not"}')
    could_not = EventRow(AT, "moved_unsent", *moved, '{"told": "could_not", "reason": "outside_window"}')
    older = EventRow(AT, "moved_unsent", *moved, "")
    assert event_text(told, "Asia/Seoul").endswith("입금 대기 → 결제 완료 (고객에게 알림)")
    assert event_text(chose, "Asia/Seoul").endswith("(안내 메시지를 보내지 않기로 선택함)")
    assert event_text(could_not, "Asia/Seoul").endswith(
        "(안내 메시지를 보낼 수 없었음: 최근 24시간 동안 고객의 메시지가 없고 이\u00a0단계의 템플릿이 없음)"
    )
    assert event_text(older, "Asia/Seoul").endswith("입금 대기 → 결제 완료 (안내 메시지가 나가지 않음)")


def test_a_move_back_reads_as_its_own_line_and_the_move_it_undid_says_so(
    korean: None, korean_locale: None
) -> None:
    forward = EventRow(AT, "moved", "paid", "shipped", '{"told": "sent", "undone": true}')
    back = EventRow(AT, "moved_back", "shipped", "paid", '{"undoes": 7, "tracking": "654321098765"}')
    assert event_text(forward, "Asia/Seoul").endswith("결제 완료 → 배송 중 (고객에게 알림) (나중에 되돌림)")
    assert event_text(back, "Asia/Seoul").endswith(
        ": 배송 중에서 결제 완료로 되돌림 (송장번호 654321098765 삭제)"
    )


def test_a_move_paid_by_one_deposit_for_two_orders_names_both(korean: None, korean_locale: None) -> None:
    note = deposit_note(Deposit(2, "2026-12-04 14:03:22", "김민지", 132000), ["2026-0003", "2026-0008"])
    text = event_text(EventRow(AT, "moved", "awaiting_payment", "paid", note), "Asia/Seoul")
    assert text.endswith(
        ": 은행 파일의 입금으로 결제 완료: 12월 4일 (금) 오후 2:03 김민지 132,000원 (입금 1건으로 함께 결제한 주문: 2026-0003 + 2026-0008)"
    )


def test_a_late_deposit_reads_as_restoring_the_order_or_left_for_a_refund(
    korean: None, korean_locale: None
) -> None:
    from app.deposits import REFUND_DUE

    late = Deposit(2, "2026-12-04 09:12:00", "김민지", 42000)
    restored = EventRow(AT, "moved", "cancelled", "paid", deposit_note(late, restored=True))
    refund = EventRow(AT, REFUND_DUE, None, None, deposit_note(late))
    assert event_text(restored, "Asia/Seoul").endswith(
        ": 은행 파일의 입금으로 결제 완료: 12월 4일 (금) 오전 9:12 김민지 42,000원 (입금 기한 뒤에 들어온 입금으로 주문을 되살림)"
    )
    assert event_text(refund, "Asia/Seoul").endswith(
        ": 주문 취소 뒤에 들어온 입금, 환불할 입금으로 둠: 12월 4일 (금) 오전 9:12 김민지 42,000원"
    )


def test_a_size_set_in_the_change_form_reads_as_the_line_option(korean: None, korean_locale: None) -> None:
    note = '{"option": [["린넨 블라우스 화이트", "", "S"]], "total": [72000, 72000], "currency": "KRW"}'
    text = event_text(EventRow(AT, "changed", None, None, note), "Asia/Seoul")
    assert text.endswith(": 상품·금액 변경: “린넨 블라우스 화이트” 옵션 — → S")
