"""Catalogue CSV in Meta Commerce Manager's feed layout: Excel files, Meta exports, broken files."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from app.catalog import ItemDraft, create_item, find_item_by_code, get_item, list_items
from app.catalog_csv import FEED_COLUMNS, export_feed, import_feed
from app.db import Database
from app.errors import ColumnsParams, ErrorCode, InvalidInput
from app.item_options import sold_out_among
from app.stock import item_stock, set_stock

HEADER = "id,title,description,availability,condition,price,link,image_link,brand"


def excel_csv(tmp_path: Path, lines: list[str]) -> Path:
    """What Excel's “CSV UTF-8” writes: a BOM, CRLF line ends."""
    path = tmp_path / "catalogue.csv"
    path.write_bytes(b"\xef\xbb\xbf" + "\r\n".join(lines).encode("utf-8") + b"\r\n")
    return path


def test_excel_file_with_bom_imports_korean_items(db: Database, tmp_path: Path) -> None:
    path = excel_csv(
        tmp_path,
        [
            HEADER,
            'LS-001,린넨 셔츠 아이보리,"린넨 100%, 여름용",in stock,new,39000 KRW,https://shop.example/ls-001,,서울린넨',
            'LP-002,린넨 바지,허리 밴딩,out of stock,new,"45,000 KRW",,,서울린넨',
        ],
    )
    with db.write() as s:
        report = import_feed(s, path, catalog_dir=tmp_path / "catalog")
    assert (report.created, report.errors, report.encoding) == (2, [], "utf-8-sig")
    with db.read() as s:
        shirt = find_item_by_code(s, "LS-001")
        pants = find_item_by_code(s, "LP-002")
    assert shirt is not None and pants is not None
    # The BOM is not glued to the first column's name or value.
    assert (shirt.name, shirt.description, shirt.price_minor, shirt.currency) == (
        "린넨 셔츠 아이보리",
        "린넨 100%, 여름용",
        39000,
        "KRW",
    )
    assert shirt.url == "https://shop.example/ls-001"
    assert pants.hidden and pants.price_minor == 45000


def test_a_korean_sheet_with_korean_column_names_imports(db: Database, tmp_path: Path) -> None:
    """The shop's own sheet, saved by Korean Excel (CP949): 상품명, 판매가 "39,000원", 품절."""
    path = tmp_path / "상품목록.csv"
    lines = [
        "상품코드,상품명,판매가,상세 설명,재고상태",
        'LS-001,린넨 셔츠 아이보리,"39,000원",여름용 린넨 100%,판매중',
        "BH-002,버킷햇 블랙,25000원,,품절",
    ]
    path.write_bytes("\r\n".join(lines).encode("cp949"))
    with db.write() as s:
        report = import_feed(s, path, catalog_dir=tmp_path / "catalog")
    assert (report.created, report.errors) == (2, [])
    with db.read() as s:
        shirt = find_item_by_code(s, "LS-001")
        hat = find_item_by_code(s, "BH-002")
    assert shirt is not None and hat is not None
    assert (shirt.name, shirt.price_minor, shirt.currency, shirt.description) == (
        "린넨 셔츠 아이보리",
        39000,
        "KRW",
        "여름용 린넨 100%",
    )
    assert not shirt.hidden and hat.hidden and hat.price_minor == 25000  # 품절: out of stock


def test_a_korean_sheets_made_to_order_items_import_as_available_for_order(
    db: Database, tmp_path: Path
) -> None:
    """주문 가능 (made when ordered) is one of the five words the refusal of an unknown one names:
    written with or without its space, it is Meta's "available for order", not a bad row."""
    path = tmp_path / "상품목록.csv"
    lines = [
        "상품코드,상품명,판매가,재고상태",
        "MO-001,맞춤 반지,59000,주문 가능",
        "MO-002,각인 팔찌,45000,주문가능",
    ]
    path.write_bytes("\r\n".join(lines).encode("cp949"))
    with db.write() as s:
        report = import_feed(s, path, catalog_dir=tmp_path / "catalog")
    assert (report.created, report.errors) == (2, [])
    with db.read() as s:
        ring = find_item_by_code(s, "MO-001")
        assert ring is not None and not ring.hidden


def test_the_sheet_saved_back_as_an_excel_workbook_imports(db: Database, tmp_path: Path) -> None:
    """The export opens in Excel, and Excel saves an .xlsx unless told otherwise: the import read
    only CSV, so the owner's edited sheet was refused. Numbers come back as numbers (39000, not
    39000.0), and a damaged workbook gets its own plain words."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["상품코드", "상품명", "판매가", "재고"])
    sheet.append(["LS-001", "린넨 셔츠 아이보리", 39000, 4])
    sheet.append(["BH-002", "버킷햇 블랙", "25,000원", 0])
    path = tmp_path / "상품목록.xlsx"
    book.save(path)
    with db.write() as s:
        report = import_feed(s, path, catalog_dir=tmp_path / "catalog")
    assert (report.created, report.errors) == (2, [])
    with db.read() as s:
        shirt = find_item_by_code(s, "LS-001")
        hat = find_item_by_code(s, "BH-002")
        assert shirt is not None and hat is not None
        assert (shirt.name, shirt.price_minor, hat.price_minor) == ("린넨 셔츠 아이보리", 39000, 25000)
        stock = item_stock(s, shirt.id)
        assert stock is not None and stock.on_hand == 4

    broken = tmp_path / "깨진.xlsx"
    broken.write_bytes(path.read_bytes()[:300])
    with db.write() as s, pytest.raises(InvalidInput) as refused:
        import_feed(s, broken, catalog_dir=tmp_path / "catalog")
    assert refused.value.code is ErrorCode.CATALOG_WORKBOOK_UNREADABLE


def test_a_sheet_with_a_merged_title_row_above_its_header_imports(db: Database, tmp_path: Path) -> None:
    """A shop's own workbook starts with its title merged across the columns, a blank row, then the
    header: the import took the title for the header and refused the file ("missing: 상품명, 가격")."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["오지영 액세서리 상품목록 (2026.12)", None, None, None])
    sheet.merge_cells("A1:D1")
    sheet.append([None, None, None, None])
    sheet.append(["상품명", "가격", "재고", "카테고리"])
    sheet.append(["실버 귀걸이 001", 12000, 5, "귀걸이"])
    sheet.append(["진주 목걸이 002", "₩35,000", 0, "목걸이"])
    path = tmp_path / "상품목록.xlsx"
    book.save(path)
    with db.write() as s:
        report = import_feed(s, path, catalog_dir=tmp_path / "catalog")
    assert (report.created, report.errors, report.unused_columns) == (2, [], ())
    with db.read() as s:
        assert sorted((i.name, i.price_minor) for i in list_items(s)) == [
            ("실버 귀걸이 001", 12000),
            ("진주 목걸이 002", 35000),
        ]

    # The same sheet saved as Korean Excel's plain CSV (CP949): a title line, then the header.
    csv_path = tmp_path / "상품목록.csv"
    csv_path.write_bytes(
        '오지영 액세서리 상품목록,,,\r\n,,,\r\n상품명,가격,재고,카테고리\r\n실버 귀걸이 001,"12,000",7,귀걸이\r\n'.encode(
            "cp949"
        )
    )
    with db.write() as s:
        again = import_feed(s, csv_path, catalog_dir=tmp_path / "catalog")
    # Found again by name: updated (its count), not made twice; its error lines count from the file's top.
    assert (again.created, again.updated, again.unchanged, again.errors) == (0, 1, 0, [])

    # A file whose first rows never name an item's name and price is still refused, naming what is missing.
    bad = tmp_path / "목록.csv"
    bad.write_bytes("상품 목록\r\n이름없음,값\r\n".encode("cp949"))
    with db.write() as s, pytest.raises(InvalidInput) as refused:
        import_feed(s, bad, catalog_dir=tmp_path / "catalog")
    assert refused.value.code is ErrorCode.CATALOG_COLUMNS_MISSING


def test_won_prices_as_korean_excel_saves_them_in_plain_csv_are_read(db: Database, tmp_path: Path) -> None:
    """Korean Excel's "CSV (쉼표로 분리)" is CP949, which has no ₩ (U+20A9): Windows writes a price
    shown as ₩12,000 as the byte for a backslash (Korean Windows' won sign), and a typed ￦ stays
    full-width. Every such row was refused as "not a number"."""
    path = tmp_path / "상품목록.csv"
    lines = [
        "상품명,가격",
        '실버 귀걸이,"\\12,000"',
        '진주 목걸이,"￦35,000"',
        '큐빅 반지," \\ 8,000 "',  # Excel's accounting format: the sign spaced off the amount
        "가죽 팔찌,12000원",
        '자개 브로치,"12,000"',
    ]
    data = "\r\n".join(lines).encode("cp949")
    assert b"\\12,000" in data and b"\xa3\xdc35,000" in data  # the bytes Korean Excel writes
    path.write_bytes(data)
    with db.write() as s:
        report = import_feed(s, path, catalog_dir=tmp_path / "catalog")
    assert (report.created, report.errors, report.encoding) == (5, [], "cp949")
    with db.read() as s:
        assert sorted((i.name, i.price_minor) for i in list_items(s)) == [
            ("가죽 팔찌", 12000),
            ("실버 귀걸이", 12000),
            ("자개 브로치", 12000),
            ("진주 목걸이", 35000),
            ("큐빅 반지", 8000),
        ]


def test_a_workbook_saved_on_its_notes_sheet_imports_its_items_sheet(db: Database, tmp_path: Path) -> None:
    """Excel saves the sheet the owner was on last as the one a workbook opens on: a "메모" sheet
    there made the import refuse the file for missing 상품명 and 가격."""
    from openpyxl import Workbook

    book = Workbook()
    items = book.active
    assert items is not None
    items.title = "상품"
    items.append(["상품명", "가격", "재고"])
    items.append(["실버 귀걸이", 12000, 5])
    notes = book.create_sheet("메모")
    notes.append(["12월 입고 예정: 진주 목걸이"])
    book.active = notes
    path = tmp_path / "상품목록.xlsx"
    book.save(path)
    with db.write() as s:
        report = import_feed(s, path, catalog_dir=tmp_path / "catalog")
    assert (report.created, report.errors) == (1, [])
    with db.read() as s:
        assert [(i.name, i.price_minor) for i in list_items(s)] == [("실버 귀걸이", 12000)]

    # A workbook with no items sheet at all is refused, naming what it misses.
    book.remove(items)
    book.save(path)
    with db.write() as s, pytest.raises(InvalidInput) as refused:
        import_feed(s, path, catalog_dir=tmp_path / "catalog")
    assert refused.value.code is ErrorCode.CATALOG_COLUMNS_MISSING


def test_a_worked_out_price_in_a_workbook_is_read_as_its_cell_shows_it(db: Database, tmp_path: Path) -> None:
    """A sale price worked out in the sheet, =13334*0.9, is 12000.6 in the file and ₩12,001 on
    screen: the row was refused ("write it without decimals") for a price she sees whole."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["상품명", "정가", "가격"])
    sheet.append(["실버 귀걸이", 13334, 12000.6])
    sheet.append(["진주 목걸이", 39000, 35099.5])
    sheet.append(["큐빅 반지", 10000, 8999.5])
    sheet["C2"].number_format = '"₩"#,##0'
    sheet["C3"].number_format = "#,##0"
    sheet["C4"].number_format = "0.0"  # shown with its decimal: as it is, and refused for KRW
    path = tmp_path / "상품목록.xlsx"
    book.save(path)
    with db.write() as s:
        report = import_feed(s, path, catalog_dir=tmp_path / "catalog")
    assert (report.created, [(p.line, p.code, p.detail) for p in report.errors]) == (
        2,
        [(4, "bad_price", "8999.5")],
    )
    with db.read() as s:
        assert sorted((i.name, i.price_minor) for i in list_items(s)) == [
            ("실버 귀걸이", 12001),
            ("진주 목걸이", 35100),
        ]


def test_an_old_excel_97_xls_is_refused_as_a_workbook_not_as_text(db: Database, tmp_path: Path) -> None:
    """Korean Excel still offers "Excel 97 - 2003 통합 문서 (*.xls)": the import called it "not UTF-8
    text" and told her to save a CSV, never that the .xls kind is what it cannot read."""
    path = tmp_path / "상품목록.xls"
    # The start of every .xls: the OLE compound file header, then its sectors.
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(range(256)) * 8)
    with db.write() as s, pytest.raises(InvalidInput) as refused:
        import_feed(s, path, catalog_dir=tmp_path / "catalog")
    assert refused.value.code is ErrorCode.CATALOG_WORKBOOK_UNREADABLE


def test_column_names_with_their_unit_or_a_required_mark_are_read(db: Database, tmp_path: Path) -> None:
    """A shop's sheet writes the unit after a column's name, "가격(원)", "재고 (개)", and marks the
    ones it must have, "상품명*": the file was refused for missing 상품명 and 가격."""
    path = tmp_path / "상품목록.csv"
    path.write_bytes(
        '상품명*,가격(원),재고 (개),상품 사진,비고\r\n실버 귀걸이,"12,000",5,,선물용\r\n'.encode("cp949")
    )
    with db.write() as s:
        report = import_feed(s, path, catalog_dir=tmp_path / "catalog")
    assert (report.created, report.errors, report.unused_columns) == (1, [], ("비고",))
    with db.read() as s:
        (earring,) = list_items(s)
        level = item_stock(s, earring.id)
    assert (earring.name, earring.price_minor) == ("실버 귀걸이", 12000)
    assert level is not None and level.on_hand == 5

    # A column named as another with a note after it is not taken for it: 상품명 is the name.
    english = tmp_path / "영문.csv"
    english.write_bytes("상품명(영문),상품명,가격\r\nSilver earring,실버 귀걸이,13000\r\n".encode("cp949"))
    with db.write() as s:
        again = import_feed(s, english, catalog_dir=tmp_path / "catalog")
    assert (again.updated, again.created, again.unused_columns) == (1, 0, ("상품명(영문)",))


def test_a_bad_row_under_a_title_row_is_named_by_its_line_in_the_file(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "상품목록.csv"
    path.write_bytes("상품목록\r\n\r\n상품명,가격\r\n반지,8000\r\n팔찌,팔천원\r\n".encode("cp949"))
    with db.write() as s:
        report = import_feed(s, path, catalog_dir=tmp_path / "catalog")
    assert report.created == 1
    assert [(p.line, p.code, p.detail) for p in report.errors] == [(5, "bad_price", "팔천원")]


def test_meta_feed_export_imports_with_its_image_links(db: Database, tmp_path: Path) -> None:
    # Commerce Manager's own export: its column order, extra columns, USD, quoted multi-line text.
    meta = (
        "id,title,description,availability,condition,price,link,image_link,brand,google_product_category,sale_price\n"
        'MUG-1,Ceramic mug,"Handmade.\nDishwasher safe.",in stock,new,12.50 USD,https://shop.example/mug,'
        "https://cdn.example/mug.jpg,Seoul Clay,Home > Kitchen,\n"
        "CAP-2,Wool cap,Warm,available for order,new,19.00 USD,https://shop.example/cap,https://cdn.example/cap.jpg,Seoul Clay,,\n"
    )
    path = tmp_path / "meta.csv"
    path.write_text(meta, encoding="utf-8")
    with db.write() as s:
        report = import_feed(s, path)
    assert report.created == 2 and not report.errors
    with db.read() as s:
        mug = find_item_by_code(s, "MUG-1")
    assert mug is not None
    assert (mug.price_minor, mug.currency, mug.description) == (1250, "USD", "Handmade.\nDishwasher safe.")
    assert mug.images == ("https://cdn.example/mug.jpg",)


def test_broken_file_reports_bad_rows_by_line_and_keeps_good_ones(db: Database, tmp_path: Path) -> None:
    path = excel_csv(
        tmp_path,
        [
            HEADER,
            "A-1,Good shirt,,in stock,new,39000 KRW,,,",  # line 2
            "A-2,,no title,in stock,new,1000 KRW,,,",  # line 3
            "A-3,Bad price,,in stock,new,free,,,",  # line 4
            '"A-4","Multi-line\ndescription item","xy",in stock,new,5000 KRW,,,',  # lines 5-6
            "A-5,Bad link,,in stock,new,5000 KRW,shop.example,,",  # line 7
            ",No id,,in stock,new,5000 KRW,,,",  # line 8: a new item, its code made up
            "A-6,Bad availability,,sold,new,5000 KRW,,,",  # line 9
            "A-1,Same id twice,,in stock,new,1 KRW,,,",  # line 10
            "A-7,Half won,,in stock,new,100.5 KRW,,,",  # line 11
            "A-8,Good bag,,in stock,new,25000 KRW,,missing.jpg,",  # line 12
        ],
    )
    with db.write() as s:
        report = import_feed(s, path, catalog_dir=tmp_path / "catalog")
    problems = {p.line: p.reason for p in report.errors}
    assert sorted(problems) == [3, 4, 7, 9, 10, 11]
    assert "title" in problems[3]
    assert "price" in problems[4]
    assert "link" in problems[7]
    assert "availability" in problems[9]
    assert "line 2" in problems[10]
    assert ErrorCode.PRICE_NOT_WHOLE in problems[11]
    assert [w.line for w in report.warnings] == [12]
    codes = {p.line: (p.code, p.detail) for p in report.errors}
    assert codes[3][0] == "bad_title"
    assert codes[4] == ("bad_price", "free")
    assert codes[7] == ("bad_link", "shop.example")
    assert codes[9] == ("bad_availability", "sold")
    assert codes[10] == ("duplicate_id", "2")
    assert (report.warnings[0].code, report.warnings[0].detail) == ("image_missing", "missing.jpg")
    # A value app/ refuses itself comes with its code, for the report to word in the owner's language.
    assert (report.errors[0].column, report.errors[0].error) == ("title", ErrorCode.ITEM_NAME_EMPTY)
    with db.read() as s:
        kept = {r.name: r.retailer_id for r in list_items(s)}
    assert sorted(code for name, code in kept.items() if name != "No id") == ["A-1", "A-4", "A-8"]
    assert kept["No id"]  # a blank code is made up, as the item form makes one


def test_reimport_updates_by_id_and_changes_nothing_the_second_time(db: Database, tmp_path: Path) -> None:
    path = excel_csv(
        tmp_path, [HEADER, "S-1,셔츠,설명,in stock,new,39000 KRW,,,", "S-2,바지,,in stock,new,45000 KRW,,,"]
    )
    with db.write() as s:
        import_feed(s, path)
    with db.write() as s:
        again = import_feed(s, path)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 2)
    changed = excel_csv(tmp_path, [HEADER, "S-1,셔츠 (새 가격),설명,in stock,new,35000 KRW,,,"])
    with db.write() as s:
        third = import_feed(s, changed)
    assert (third.created, third.updated) == (0, 1)
    with db.read() as s:
        rows = list_items(s)
    assert [(r.retailer_id, r.name, r.price_minor) for r in rows] == [
        ("S-2", "바지", 45000),
        ("S-1", "셔츠 (새 가격)", 35000),
    ]


def test_the_export_saved_back_as_korean_excels_plain_csv_keeps_emoji_names(
    db: Database, tmp_path: Path
) -> None:
    """Korean Excel's "CSV (쉼표로 분리)" is CP949, which has no emoji: Excel writes "?" for each.
    Importing that file back renamed "하트 💖 귀걸이" to "하트 ? 귀걸이" (by id), or made it a second
    item (by name): the "?" stands for what the item already has, and a real edit still counts."""
    with db.write() as s:
        create_item(
            s,
            ItemDraft(
                name="하트 💖 귀걸이",
                price_minor=23000,
                currency="KRW",
                retailer_id="ER-1",
                description="선물용 ❤️ 포장 가능",
            ),
        )
        create_item(s, ItemDraft(name="진주 목걸이", price_minor=35000, currency="KRW", retailer_id="NK-1"))
        exported = export_feed(s).decode("utf-8-sig")
    # What Excel writes: "?" for the emoji (two for ❤️ and its variation selector), ₩ prices raised.
    saved = exported.replace("💖", "?").replace("❤️", "??").replace("23000 KRW", "25000 KRW")
    path = tmp_path / "카탈로그.csv"
    path.write_bytes(saved.encode("cp949"))
    with db.write() as s:
        report = import_feed(s, path, catalog_dir=tmp_path / "catalog")
    assert (report.created, report.updated, report.unchanged, report.errors) == (0, 1, 1, [])
    with db.read() as s:
        earring = find_item_by_code(s, "ER-1")
    assert earring is not None
    assert (earring.name, earring.description, earring.price_minor) == (
        "하트 💖 귀걸이",
        "선물용 ❤️ 포장 가능",
        25000,
    )

    # Her own sheet, without codes, saved the same way: found by its name, not made twice.
    sheet = tmp_path / "상품목록.csv"
    sheet.write_bytes('상품명,가격\r\n하트 ? 귀걸이,"25,000"\r\n물음표? 반지,8000\r\n'.encode("cp949"))
    with db.write() as s:
        again = import_feed(s, sheet, catalog_dir=tmp_path / "catalog")
    assert (again.created, again.unchanged) == (1, 1)
    with db.read() as s:
        assert sorted(i.name for i in list_items(s)) == ["물음표? 반지", "진주 목걸이", "하트 💖 귀걸이"]


def test_the_catalogue_exported_as_a_workbook_opens_as_text_and_imports_back_unchanged(
    db: Database, tmp_path: Path
) -> None:
    """Opened in Excel, the CSV export turns a description starting "- 소재" into #NAME? and a code
    0012 into 12: exported as an .xlsx its text stays text, its counts are numbers, and it comes
    back with nothing changed."""
    from openpyxl import load_workbook

    from app.catalog_edits import export_catalog_csv

    with db.write() as s:
        ring = create_item(
            s,
            ItemDraft(
                name="하트 💖 반지",
                price_minor=12000,
                currency="KRW",
                retailer_id="0012",
                description="- 소재: 실버925",
            ),
        )
        set_stock(s, ring, 5)
    path = export_catalog_csv(db, tmp_path / "카탈로그.xlsx")
    book = load_workbook(path)
    sheet = book.active
    assert sheet is not None
    header = [c.value for c in sheet[1]]
    row = {name: cell for name, cell in zip(header, sheet[2], strict=True)}
    assert (row["id"].value, row["title"].value, row["price"].value) == ("0012", "하트 💖 반지", "12000 KRW")
    assert row["description"].value == "- 소재: 실버925" and row["description"].data_type == "s"
    assert row["stock"].value == 5 and row["stock"].data_type == "n"
    with db.write() as s:
        report = import_feed(s, path, catalog_dir=tmp_path / "catalog")
    assert (report.created, report.updated, report.unchanged, report.errors) == (0, 0, 1, [])


def test_columns_missing_from_the_file_leave_fields_alone(db: Database, tmp_path: Path) -> None:
    with db.write() as s:
        create_item(
            s,
            ItemDraft(
                name="Tote", price_minor=25000, currency="KRW", retailer_id="T-1", description="Canvas"
            ),
        )
    path = tmp_path / "prices.csv"
    path.write_text("id,title,price\nT-1,Tote,27000 KRW\n", encoding="utf-8")
    with db.write() as s:
        assert import_feed(s, path).updated == 1
    with db.read() as s:
        tote = find_item_by_code(s, "T-1")
    assert tote is not None and (tote.description, tote.price_minor) == ("Canvas", 27000)


def test_korean_excel_plain_csv_in_cp949_is_read(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "cp949.csv"
    path.write_bytes("id,title,price\r\nK-1,겨울 목도리,29000 KRW\r\n".encode("cp949"))
    with db.write() as s:
        report = import_feed(s, path)
    assert report.encoding == "cp949" and report.created == 1
    with db.read() as s:
        item = find_item_by_code(s, "K-1")
    assert item is not None and item.name == "겨울 목도리"


def test_a_file_without_the_needed_columns_says_which(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "wrong.csv"
    path.write_text("name,cost\nShirt,1000\n", encoding="utf-8")
    with pytest.raises(InvalidInput) as refused, db.write() as s:
        import_feed(s, path)
    assert refused.value.code is ErrorCode.CATALOG_COLUMNS_MISSING
    # "name" is the title; an id is made up where there is none, so only the price is missing.
    assert refused.value.params == ColumnsParams("price", ", ".join(FEED_COLUMNS))


def test_export_is_a_meta_feed_that_excel_and_we_read_back(db: Database, tmp_path: Path) -> None:
    with db.write() as s:
        create_item(
            s,
            ItemDraft(
                name="린넨 셔츠",
                price_minor=39000,
                currency="KRW",
                retailer_id="LS-1",
                description='여름, "시원한" 셔츠\n두 줄',
            ),
        )
        create_item(
            s, ItemDraft(name="Mug", price_minor=1250, currency="USD", retailer_id="MUG", hidden=True)
        )
        data = export_feed(s, brand="서울린넨")
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert list(rows[0]) == list(FEED_COLUMNS)
    assert rows[0] == {
        "id": "LS-1",
        "title": "린넨 셔츠",
        "description": '여름, "시원한" 셔츠\n두 줄',
        "availability": "in stock",
        "condition": "new",
        "price": "39000 KRW",
        "link": "",
        "image_link": "",
        "brand": "서울린넨",
        "stock": "",  # not counted
        "collections": "",
    }
    assert (rows[1]["price"], rows[1]["availability"], rows[1]["description"]) == (
        "12.50 USD",
        "out of stock",
        "Mug",
    )
    # Exported and imported back into the same catalogue: nothing changes, nothing is duplicated.
    with db.write() as s:
        report = import_feed(s, data)
    assert (report.created, report.updated, report.errors) == (0, 0, [])
    assert report.unchanged == 2


def korean_sheet(tmp_path: Path, lines: list[str], name: str = "상품목록.csv") -> Path:
    """The shop's own sheet as Korean Excel saves it (plain "CSV", CP949)."""
    path = tmp_path / name
    path.write_bytes("\r\n".join(lines).encode("cp949") + b"\r\n")
    return path


def test_a_sheet_without_codes_imports_with_made_up_codes_and_its_stock(db: Database, tmp_path: Path) -> None:
    path = korean_sheet(
        tmp_path,
        [
            "상품명,판매가,재고,원가",
            '린넨 셔츠 네이비,"39,000원",5,"21,000"',
            "버킷햇 블랙,25000원,0,9000",
            "에코백,12000원,품절,5000",
            "양말 세트,9000원,,3000",
        ],
    )
    with db.write() as s:
        report = import_feed(s, path)
    assert (report.created, report.errors) == (4, [])
    assert report.matched_by_name and report.unused_columns == ("원가",)
    with db.read() as s:
        items = {row.name: row for row in list_items(s)}
        codes = sorted(row.retailer_id for row in items.values())
        counts = {name: item_stock(s, row.id) for name, row in items.items()}
        sold_out = {get_item(s, i).name for i in sold_out_among(s)}
    assert codes == ["ITEM-0001", "ITEM-0002", "ITEM-0003", "ITEM-0004"]  # as the item form makes them
    assert {name: c.on_hand if c else None for name, c in counts.items()} == {
        "린넨 셔츠 네이비": 5,
        "버킷햇 블랙": 0,
        "에코백": 0,  # 품절
        "양말 세트": None,  # a blank cell: not counted
    }
    assert sold_out == {"버킷햇 블랙", "에코백"}
    assert not any(row.hidden for row in items.values())

    # The same file again finds the same items by name; a new count updates only that item.
    with db.write() as s:
        again = import_feed(s, path)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 4)
    recounted = korean_sheet(tmp_path, ["상품명,판매가,재고", '린넨 셔츠 네이비,"39,000원",3'], "재고.csv")
    with db.write() as s:
        third = import_feed(s, recounted)
    assert (third.created, third.updated, third.unused_columns) == (0, 1, ())
    with db.read() as s:
        shirt = find_item_by_code(s, items["린넨 셔츠 네이비"].retailer_id)
        assert shirt is not None and shirt.name == "린넨 셔츠 네이비"
        level = item_stock(s, shirt.id)
        assert len(list_items(s)) == 4
    assert level is not None and level.on_hand == 3


def test_a_sheet_without_codes_refuses_names_it_cannot_tell_apart(db: Database, tmp_path: Path) -> None:
    with db.write() as s:
        for code in ("T-1", "T-2"):
            create_item(s, ItemDraft(name="토트백", price_minor=25000, currency="KRW", retailer_id=code))
    path = korean_sheet(
        tmp_path,
        [
            "상품명,판매가,재고수량",
            "토트백,27000원,3",  # line 2: two items are called that
            "머플러,19000원,2",  # line 3
            "머플러,18000원,1",  # line 4: the file names it twice
            "장갑,15000원,많음",  # line 5: not a count
        ],
    )
    with db.write() as s:
        report = import_feed(s, path)
    assert report.created == 1
    assert [(p.line, p.code, p.detail) for p in report.errors] == [
        (2, "same_name", "토트백"),
        (4, "duplicate_name", "3"),
        (5, "bad_stock", "많음"),
    ]
    with db.read() as s:
        prices = sorted((r.retailer_id, r.price_minor) for r in list_items(s) if r.name == "토트백")
    assert prices == [("T-1", 25000), ("T-2", 25000)]


def test_a_sheet_without_a_price_column_is_refused_for_it(db: Database, tmp_path: Path) -> None:
    path = korean_sheet(tmp_path, ["상품명,재고", "린넨 셔츠,5"])
    with pytest.raises(InvalidInput) as refused, db.write() as s:
        import_feed(s, path)
    assert refused.value.params == ColumnsParams("price", ", ".join(FEED_COLUMNS))


def test_stock_goes_out_in_the_export_and_comes_back(db: Database, tmp_path: Path) -> None:
    with db.write() as s:
        shirt = create_item(
            s, ItemDraft(name="린넨 셔츠", price_minor=39000, currency="KRW", retailer_id="LS")
        )
        hat = create_item(s, ItemDraft(name="버킷햇", price_minor=25000, currency="KRW", retailer_id="BH"))
        create_item(s, ItemDraft(name="양말", price_minor=9000, currency="KRW", retailer_id="SK"))
        set_stock(s, shirt, 7)
        set_stock(s, hat, 0)
        data = export_feed(s)
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO(data.decode("utf-8-sig")))}
    assert {code: (r["stock"], r["availability"]) for code, r in rows.items()} == {
        "BH": ("0", "out of stock"),
        "LS": ("7", "in stock"),
        "SK": ("", "in stock"),
    }
    # Back into the same catalogue: nothing changes (the sold-out hat is not hidden for it).
    with db.write() as s:
        report = import_feed(s, data)
    assert (report.created, report.updated, report.unchanged, report.unused_columns) == (0, 0, 3, ())
    # Counted on paper and imported again: the count moves.
    edited = data.decode("utf-8-sig").replace(",7,\r\n", ",2,\r\n").encode()
    with db.write() as s:
        assert import_feed(s, edited).updated == 1
        assert (item_stock(s, shirt) or pytest.fail()).on_hand == 2
        assert not get_item(s, hat).hidden


def test_collections_go_out_in_the_export_and_come_back(db: Database, tmp_path: Path) -> None:
    """Items imported from a sheet landed in no collection (the sheet had none): the export names
    each item's collections, and a sheet's 컬렉션 (or 카테고리) cell puts the item there, making a
    collection the catalogue lacks; a blank cell leaves the item's collections alone."""
    from app.catalog_collections import add_items_to_collection, create_collection, list_collections

    with db.write() as s:
        shoes = create_collection(s, "신발")
        loafer = create_item(s, ItemDraft("가죽 로퍼 블랙", 79000, "KRW", retailer_id="LF-1"))
        add_items_to_collection(s, shoes, [loafer])
        create_item(s, ItemDraft("양말", 9000, "KRW", retailer_id="SK-1"))
    with db.read() as s:
        data = export_feed(s)
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert [(r["id"], r["collections"]) for r in rows] == [("LF-1", "신발"), ("SK-1", "")]

    sheet = tmp_path / "상품.csv"
    sheet.write_text(
        "상품코드,상품명,가격,카테고리\r\n"
        "LF-1,가죽 로퍼 블랙,79000,\r\n"  # blank: stays in 신발
        'SK-1,양말,9000,"세일, 신발"\r\n'
        "BT-1,첼시 부츠,129000,부츠\r\n",
        encoding="utf-8",
    )
    with db.write() as s:
        report = import_feed(s, sheet)
    assert (report.created, report.updated, report.unchanged, report.errors) == (1, 1, 1, [])
    with db.read() as s:
        named = {c.name: c.id for c in list_collections(s)}
        assert set(named) == {"신발", "세일", "부츠"}
        shelves = {item.retailer_id: set(item.collection_ids) for item in list_items(s)}
    assert shelves == {
        "LF-1": {named["신발"]},
        "SK-1": {named["세일"], named["신발"]},
        "BT-1": {named["부츠"]},
    }


def test_the_totals_row_under_a_sheets_items_is_left_out_not_imported_nor_refused(
    db: Database, tmp_path: Path
) -> None:
    """A shop's Excel sheet sums its prices in a last row (상품명 "합계", or only the sum): it was
    imported as an item called 합계, or refused as a row without a name. It is left out and counted."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["상품코드", "상품명", "판매가", "재고"])
    sheet.append(["LS-001", "린넨 셔츠 아이보리", 39000, 4])
    sheet.append(["BH-002", "버킷햇 블랙", 25000, 2])
    sheet.append([None, "합 계", 64000, 6])
    path = tmp_path / "상품목록.xlsx"
    book.save(path)
    with db.write() as s:
        report = import_feed(s, path, catalog_dir=tmp_path / "catalog")
    assert (report.created, report.errors, report.totals_rows) == (2, [], [4])

    csv_path = tmp_path / "상품목록.csv"
    csv_path.write_bytes(
        '상품명,판매가,재고\r\n에코백,"12,000원",3\r\n,"12,000원",3\r\nTotal:,12000,\r\n'.encode("cp949")
    )
    with db.write() as s:
        report = import_feed(s, csv_path, catalog_dir=tmp_path / "catalog")
    assert (report.created, report.errors, report.totals_rows) == (1, [], [3, 4])
    with db.read() as s:
        names = sorted(item.name for item in list_items(s))
    assert names == ["린넨 셔츠 아이보리", "버킷햇 블랙", "에코백"]


def test_a_german_excel_sheet_with_semicolons_and_decimal_commas_imports(
    db: Database, tmp_path: Path
) -> None:
    """German Excel's plain "CSV (Trennzeichen-getrennt)": Windows-1252, semicolons between the
    cells (the comma is the decimal mark), German column names and words, prices '12,50 €'."""
    path = tmp_path / "Artikelliste.csv"
    lines = [
        "Artikelnummer;Bezeichnung;Beschreibung;Preis;Verfügbarkeit;Bestand",
        'SCH-28;Fahrradschlauch 28";"Für Reifen 28 x 1,5, Größe 700c";4,99 €;lieferbar;1.200',
        "RAD-01;Stadtrad Müller;Rahmen Stahl, Größe 56;1.299,00;ausverkauft;",
        "KL-3;Klingel;;12,50;auf Lager;5 Stk.",
    ]
    path.write_bytes("\r\n".join(lines).encode("cp1252") + b"\r\n")
    with db.write() as s:
        report = import_feed(s, path, catalog_dir=tmp_path / "catalog", default_currency="EUR")
    assert (report.created, report.errors, report.encoding) == (3, [], "cp1252")
    with db.read() as s:
        tube = find_item_by_code(s, "SCH-28")
        bike = find_item_by_code(s, "RAD-01")
        bell = find_item_by_code(s, "KL-3")
        assert tube is not None and bike is not None and bell is not None
        assert (tube.name, tube.description, tube.price_minor, tube.currency) == (
            'Fahrradschlauch 28"',
            "Für Reifen 28 x 1,5, Größe 700c",
            499,
            "EUR",
        )
        assert (bike.name, bike.price_minor, bike.hidden) == ("Stadtrad Müller", 129900, True)
        assert (bell.price_minor, bell.hidden) == (1250, False)
        tubes, bells = item_stock(s, tube.id), item_stock(s, bell.id)
    assert tubes is not None and tubes.on_hand == 1200
    assert bells is not None and bells.on_hand == 5


def test_the_export_saved_back_as_german_excels_plain_csv_keeps_emoji_names(
    db: Database, tmp_path: Path
) -> None:
    """German Excel's plain "CSV (Trennzeichen-getrennt)" is Windows-1252 with semicolons: "?" for
    each emoji, which stands for what the item already has."""
    with db.write() as s:
        create_item(
            s,
            ItemDraft(
                name="Klingel 🔔 Messing",
                price_minor=1250,
                currency="EUR",
                retailer_id="KL-3",
                description="Für alle Lenker",
            ),
        )
    path = tmp_path / "Katalog.csv"
    path.write_bytes(
        "id;title;description;price\r\nKL-3;Klingel ? Messing;Für alle Lenker;12,90 EUR\r\n".encode("cp1252")
    )
    with db.write() as s:
        report = import_feed(s, path, catalog_dir=tmp_path / "catalog", default_currency="EUR")
    assert (report.created, report.updated, report.errors, report.encoding) == (0, 1, [], "cp1252")
    with db.read() as s:
        bell = find_item_by_code(s, "KL-3")
    assert bell is not None and (bell.name, bell.price_minor) == ("Klingel 🔔 Messing", 1290)
