"""An order's history in the owner's words: what paid it, and whether the customer was told."""

from __future__ import annotations

from datetime import UTC, datetime

from app.deposits import Deposit, deposit_note
from app.order_queries import EventRow
from ui.order_window import event_text

AT = datetime(2026, 12, 4, 6, 3, tzinfo=UTC)


def test_a_move_the_bank_file_paid_names_its_deposit(korean: None, korean_locale: None) -> None:
    note = deposit_note(Deposit(2, "2026-12-04 14:03:22", "이하온", 61000))
    text = event_text(EventRow(AT, "moved", "awaiting_payment", "paid", note), "Asia/Seoul")
    assert text.endswith(": 은행 파일의 입금으로 결제 완료: 12월 4일 이하온 61,000원")


def test_an_older_history_line_reads_as_before(korean: None, korean_locale: None) -> None:
    old = EventRow(AT, "moved", "awaiting_payment", "paid", "2026.11.29 11:40:55 박지훈엄마 93000")
    assert event_text(old, "Asia/Seoul").endswith(": 입금 대기 → 결제 완료")
