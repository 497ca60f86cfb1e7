"""The columns of a catalogue sheet: the feed's names, a Korean shop's names for them, and their cells."""

from __future__ import annotations

import re
from collections.abc import Sequence

from app.text import nfc

FEED_COLUMNS = (
    "id",
    "title",
    "description",
    "availability",
    "condition",
    "price",
    "link",
    "image_link",
    "brand",
    "stock",
    "collections",
)
# An item needs a name and a price; a missing id is made up (as the item form does) and the item is
# then found again by its name.
REQUIRED_COLUMNS = ("title", "price")
# Columns whose cells the import reads: every feed column (`brand` too: the export writes it from the
# shop's settings, so our own export coming back names no column unused).
READ_COLUMNS = frozenset(FEED_COLUMNS)
# A Korean shop's own sheet (or a smart store's export) names its columns in Korean: each name, its
# spaces aside, stands for the feed's column it means. Used only where the feed's own name is absent.
# A German shop's sheet names them in German ("Artikelnummer", "Bezeichnung", "Preis", "Bestand").
HEADER_ALIASES = {
    **dict.fromkeys(
        ("상품코드", "상품번호", "품번", "코드", "sku", "artikelnummer", "artikelnr.", "art.-nr.", "artnr"),
        "id",
    ),
    **dict.fromkeys(
        ("상품명", "제품명", "상품이름", "이름", "name", "artikel", "artikelname", "bezeichnung", "produkt"),
        "title",
    ),
    **dict.fromkeys(("설명", "상품설명", "상세설명", "beschreibung", "artikelbeschreibung"), "description"),
    **dict.fromkeys(
        ("가격", "판매가", "판매가격", "상품가격", "preis", "verkaufspreis", "vk-preis", "vk"), "price"
    ),
    **dict.fromkeys(("재고상태", "판매상태", "verfügbarkeit", "lieferbarkeit"), "availability"),
    **dict.fromkeys(("상품상태", "zustand"), "condition"),
    **dict.fromkeys(("링크", "상품링크", "상품url", "url"), "link"),
    **dict.fromkeys(
        (
            "이미지",
            "사진",
            "대표이미지",
            "이미지url",
            "이미지링크",
            "상품사진",
            "상품이미지",
            "사진파일",
            "이미지파일",
            "bild",
            "bild-url",
            "bildurl",
            "foto",
        ),
        "image_link",
    ),
    **dict.fromkeys(("브랜드", "marke", "hersteller"), "brand"),
    **dict.fromkeys(("재고", "재고수량", "수량", "quantity", "bestand", "lagerbestand", "menge"), "stock"),
    **dict.fromkeys(
        ("컬렉션", "분류", "카테고리", "상품분류", "collection", "category", "kategorie", "warengruppe"),
        "collections",
    ),
}
# The same sheet's words for what it sells and how ('품절' is Meta's "out of stock").
VALUE_ALIASES = {
    "availability": {
        **dict.fromkeys(("판매중", "재고있음", "판매", "lieferbar", "auflager", "verfügbar"), "in stock"),
        **dict.fromkeys(
            ("품절", "일시품절", "재고없음", "ausverkauft", "nichtlieferbar", "nichtverfügbar"),
            "out of stock",
        ),
        **dict.fromkeys(("예약판매", "예약", "vorbestellung", "vorbestellbar"), "preorder"),
        **dict.fromkeys(("주문가능", "주문제작"), "available for order"),  # spaces are taken out first
        **dict.fromkeys(("판매중지", "단종", "eingestellt", "auslaufartikel"), "discontinued"),
    },
    "condition": {
        **{"새상품": "new", "신상품": "new", "리퍼": "refurbished", "중고": "used"},
        **{"neu": "new", "generalüberholt": "refurbished", "gebraucht": "used"},
    },
}
SOLD_OUT_WORDS = frozenset(("품절", "일시품절", "재고없음", "out of stock", "sold out", "ausverkauft"))
MAX_STOCK = 999_999  # as the item form's spin box
_DOT_GROUPED = re.compile(r"\d{1,3}(\.\d{3})+")


def feed_header(fields: Sequence[str]) -> list[str]:
    """A first row's column names as the feed's: trimmed, lower case, a Korean name for the column it
    stands for ('상품명' → 'title') unless the feed's own name is there too."""
    header = [nfc(f).strip().lower() for f in fields]
    present = set(header)
    named = list(header)
    # A name as it is first ('상품명'), then one with a unit or mark after it ('상품명(영문)' stays
    # unread beside 상품명; '가격(원)' alone is the price).
    for exact in (True, False):
        for i, column in enumerate(header):
            if named[i] != column:
                continue
            key = column.replace(" ", "")
            alias = HEADER_ALIASES.get(key) if exact else HEADER_ALIASES.get(_alias_key(column))
            if alias is None or (not exact and key in HEADER_ALIASES):
                continue
            if alias not in present:
                named[i] = alias
            present.add(alias)
    return named


# What a sheet writes after a column's name: its unit, "가격(원)", "재고 [개]", or a required mark, "상품명*".
_NAME_TAIL = re.compile(r"(\([^()]*\)|\[[^\[\]]*\]|（[^（）]*）|\*)+$")


def _alias_key(column: str) -> str:
    """A column's name as HEADER_ALIASES has it: without spaces, and without a unit or mark after it."""
    key = column.replace(" ", "")
    return _NAME_TAIL.sub("", key) or key


def unused_columns(fields: Sequence[str], header: Sequence[str]) -> tuple[str, ...]:
    """The file's own names of the columns the import does not read (blank names aside)."""
    unused = [nfc(raw).strip() for raw, name in zip(fields, header, strict=False) if name not in READ_COLUMNS]
    return tuple(dict.fromkeys(name for name in unused if name))


def plain_word(value: str, column: str) -> str:
    """A cell of a column with a closed list of words, in the feed's word ('품절' → 'out of stock')."""
    word = value.strip().lower()
    return VALUE_ALIASES[column].get(word.replace(" ", ""), word)


def won(price: str) -> str:
    """'39,000원' as the feed writes it, '39000 KRW'; any other price as it is."""
    text = price.strip()
    if text.endswith("원") and (amount := text[:-1].replace(",", "").strip()).isdigit():
        return f"{amount} KRW"
    return price


# An item's collections share one cell: "신발; 세일" (a comma, as a Korean sheet may write, too).
COLLECTION_SEPARATOR = "; "


def collection_names(value: str) -> tuple[str, ...] | None:
    """A collections cell as the names it gives, in order and once each; None for a blank cell
    (the item's collections stay as they are)."""
    names = [nfc(part).strip() for part in value.replace(",", ";").split(";")]
    kept = tuple(dict.fromkeys(name for name in names if name))
    return kept or None


def stock_pieces(value: str) -> int | None:
    """A stock cell as pieces ('5', '1,200', '5개', '품절' → 0); None for a blank cell (the count
    stays as it is); raises ValueError for anything else."""
    text = value.strip().lower()
    if not text:
        return None
    if text.replace(" ", "") in SOLD_OUT_WORDS:
        return 0
    for unit in ("개", "pcs", "ea", "stk.", "stk", "stück"):
        text = text.removesuffix(unit).strip()
    # '1,200' or, grouped the German way, '1.200'.
    digits = text.replace(".", "") if _DOT_GROUPED.fullmatch(text) else text.replace(",", "")
    if not digits.isascii() or not digits.isdigit() or int(digits) > MAX_STOCK:
        raise ValueError(value)
    return int(digits)
