"""The shop's wa.me link and QR code, to print or post."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.errors import ErrorCode, InvalidInput
from app.share_link import qr_png, save_qr, wa_me_link


def test_korean_mobile_number_becomes_a_wa_me_link_with_prefilled_korean_text() -> None:
    link = wa_me_link("010-1234-5678", "안녕하세요! 린넨 셔츠 문의드려요 & 가격?")
    assert link.startswith("https://wa.me/821012345678?text=")
    assert "%EC%95%88%EB%85%95" in link  # 안녕, UTF-8 percent-encoded
    assert "&" not in link.split("?text=", 1)[1]


def test_international_number_without_text() -> None:
    assert wa_me_link("+1 (415) 555-0100") == "https://wa.me/14155550100"


def test_a_number_too_short_is_refused() -> None:
    with pytest.raises(InvalidInput) as refused:
        wa_me_link("1234")
    assert refused.value.code is ErrorCode.PHONE_NUMBER_INVALID


def test_qr_code_is_a_png_and_an_svg(tmp_path: Path) -> None:
    link = wa_me_link("+82 10 1234 5678", "안녕하세요")
    assert qr_png(link).startswith(b"\x89PNG")
    svg = save_qr(link, tmp_path / "shop.svg")
    assert b"<svg" in svg.read_bytes()
