"""Korean particles after a filled-in word: the right one of 을/를, 이/가, 은/는, 과/와, 으로/로."""

from __future__ import annotations

import pytest

from ui.korean_particles import with_particles


@pytest.mark.parametrize(
    ("filled", "said"),
    [
        ("“봄 재입고”을(를) 고객 10명에게 지금 보낼까요?", "“봄 재입고”를 고객 10명에게 지금 보낼까요?"),
        ("“가방 세일”을(를) 보낼까요?", "“가방 세일”을 보낼까요?"),
        ("“민지”은(는) 이 채팅의 참여자가 아니에요.", "“민지”는 이 채팅의 참여자가 아니에요."),
        ("“준호”이(가) 너무 깊이", "“준호”가 너무 깊이"),
        ("“배송”이(가) 너무 깊이", "“배송”이 너무 깊이"),
        ("고객에게 “서울 리넨”(으)로 보이고", "고객에게 “서울 리넨”으로 보이고"),
        ("고객에게 “서울”(으)로 보이고", "고객에게 “서울”로 보이고"),  # ㄹ takes 로
        ("고객에게 “바다”(으)로 보이고", "고객에게 “바다”로 보이고"),
        ("주문 2026-0007은(는) 옮길 수 없습니다.", "주문 2026-0007은 옮길 수 없습니다."),  # 칠
        ("주문 2026-0002은(는) 옮길 수 없습니다.", "주문 2026-0002는 옮길 수 없습니다."),  # 이
        ("“신규”에서 “결제 완료”(으)로 옮길", "“신규”에서 “결제 완료”로 옮길"),
        ("“사과”와(과) “배”", "“사과”와 “배”"),
        # A file's name: its extension as Korean reads it (티엑스티, 집).
        ("깨진파일.txt은(는) 텍스트 파일이 아니라서", "깨진파일.txt는 텍스트 파일이 아니라서"),
        ("채팅.zip은(는) 손상됐어요.", "채팅.zip은 손상됐어요."),
        ("파일 photo.jpg을(를) 읽을 수 없어요.", "파일 photo.jpg를 읽을 수 없어요."),
        # A size read letter by letter: 에스로, 엠으로, 엑스엘로, 엘을.
        ("“린넨 셔츠” 옵션을 “S”(으)로 정함", "“린넨 셔츠” 옵션을 “S”로 정함"),
        ("“린넨 셔츠” 옵션을 “M”(으)로 정함", "“린넨 셔츠” 옵션을 “M”으로 정함"),
        ("“아이보리/XL”(으)로 바꿈", "“아이보리/XL”로 바꿈"),
        ("옵션 “L”을(를) 지움", "옵션 “L”을 지움"),
        # An English word as Korean spells it: 세일을, 크림으로, 스프링을, 케이크를, 에이미로.
        ("“sale”을(를) 고객 3명에게 지금 보낼까요?", "“sale”을 고객 3명에게 지금 보낼까요?"),
        ("“SALE2”을(를) 보낼까요?", "“SALE2”를 보낼까요?"),  # 투
        ("“Summer Sale”을(를) 보낼까요?", "“Summer Sale”을 보낼까요?"),
        ("“Spring”을(를) 보낼까요?", "“Spring”을 보낼까요?"),
        ("“cream”(으)로 보이고", "“cream”으로 보이고"),
        ("“cake”을(를) 보낼까요?", "“cake”를 보낼까요?"),
        ("“Gift box”을(를) 보낼까요?", "“Gift box”를 보낼까요?"),
        ("“Amy”(으)로 보이고", "“Amy”로 보이고"),
    ],
)
def test_the_particle_follows_the_last_syllable_of_the_word_before_it(filled: str, said: str) -> None:
    assert with_particles(filled) == said


def test_where_the_ending_can_be_read_two_ways_both_stay_and_english_is_untouched() -> None:
    # "set" is 셋 or 세트, "chocolate" 초콜릿 though "white" is 화이트: no sure answer.
    assert with_particles("“set”을(를) 보낼까요?") == "“set”을(를) 보낼까요?"
    assert with_particles("“Hot chocolate”을(를) 보낼까요?") == "“Hot chocolate”을(를) 보낼까요?"
    assert with_particles("“New type”을(를) 보낼까요?") == "“New type”을(를) 보낼까요?"  # 타입
    assert with_particles("“#1!”은(는) 참여자가 아니에요.") == "“#1!”은(는) 참여자가 아니에요."
    assert with_particles("(으)로 시작") == "(으)로 시작"
    english = "Send “Spring (new)” to 3 customers now?"
    assert with_particles(english) == english


def test_an_error_said_in_korean_names_the_file_with_the_right_particle(qapp) -> None:
    """Through the real Korean translation: "The file {name} is no longer there." with a Korean name."""
    from PySide6.QtCore import QLocale, QTranslator

    from app.errors import ErrorCode
    from ui.error_sentences import code_sentence
    from ui.translations import install_translators

    before = set(qapp.findChildren(QTranslator))
    locale = QLocale()
    install_translators(qapp, "ko")
    try:
        assert code_sentence(ErrorCode.FILE_GONE, {"name": "주문서"}) == "파일 주문서가 더 이상 없어요."
        assert code_sentence(ErrorCode.FILE_GONE, {"name": "가격표"}) == "파일 가격표가 더 이상 없어요."
        assert code_sentence(ErrorCode.FILE_GONE, {"name": "사진첩"}) == "파일 사진첩이 더 이상 없어요."
        assert code_sentence(ErrorCode.CHAT_EXPORT_NOT_TEXT, {"name": "깨진파일.txt"}).startswith(
            "깨진파일.txt는 텍스트 파일이 아니라서"
        )
    finally:
        for translator in set(qapp.findChildren(QTranslator)) - before:
            qapp.removeTranslator(translator)
            translator.deleteLater()
        QLocale.setDefault(locale)


def test_a_number_with_a_decimal_point_is_read_as_a_number_not_as_a_file() -> None:
    assert with_particles("할인율 1.5은(는) 너무 커요.") == "할인율 1.5는 너무 커요."
