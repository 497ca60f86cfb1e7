"""Catalogue CSV in the column layout of Meta Commerce Manager's data feed, in and out.

Columns: id, title, description, availability, condition, price ("15000 KRW"), link, image_link,
brand, and our own stock (pieces counted; blank when the shop does not count them). Import reads
UTF-8 with or without a BOM (Excel's "CSV UTF-8" writes one) and, failing that, CP949 (Korean Excel's
plain "CSV") or Windows-1252 (Western European Excel's); commas, semicolons or tabs. Bad rows are
reported by line number with the reason and the good rows are still imported. Items are matched by id
(by name in a file without ids, whose new items get a code made up as the item form does), so
importing the same file again updates instead of duplicating, and a column absent from the file
leaves that field alone.
"""

from __future__ import annotations

import csv
import io
import logging
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.catalog import (
    ItemDraft,
    ItemInvalid,
    ItemRow,
    clean_draft,
    create_item,
    list_items,
    name_key,
    update_item,
)
from app.catalog_collections import create_collection, list_collections
from app.catalog_csv_columns import (
    COLLECTION_SEPARATOR,
    FEED_COLUMNS,
    REQUIRED_COLUMNS,
    collection_names,
    feed_header,
    plain_word,
    stock_pieces,
    unused_columns,
    won,
)
from app.catalog_images import import_image, is_remote
from app.errors import (
    ColumnsParams,
    ErrorCode,
    InvalidInput,
    LimitParams,
    OrderError,
    Params,
    ShopInboxError,
)
from app.item_options import sold_out_among
from app.models import CatalogItem, Collection, catalog_item_collection
from app.money import feed_price, parse_price
from app.sheet_files import OLE_MAGIC, workbook_sheets
from app.stock import StockCount, count_item, stock_levels
from app.text import nfc

log = logging.getLogger(__name__)

AVAILABILITY = ("in stock", "out of stock", "preorder", "available for order", "discontinued")
HIDDEN_AVAILABILITY = ("out of stock", "discontinued")
CONDITIONS = ("new", "refurbished", "used")
MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_ROWS = 50_000
# How many filled rows above the header (a sheet's title, its date) the import looks past.
HEADER_SEARCH_ROWS = 10
# What Excel saves of a cell it could not work out as a formula: never an item's own text.
EXCEL_SCIENTIFIC = re.compile(r"^\d(\.\d+)?E\+\d+$", re.IGNORECASE)
EXCEL_ERRORS = frozenset(("#NAME?", "#VALUE!", "#REF!", "#DIV/0!", "#N/A", "#NUM!", "#NULL!", "#SPILL!"))
# What a shop's sheet writes in the name cell of the sum row under its items (spaces and a colon
# aside): the sheet's total, not an item.
_HANGUL = re.compile("[\uac00-\ud7a3]")
# Excel's plain "CSV" encodings, which write "?" for what they cannot hold (an emoji).
LEGACY_ENCODINGS = ("cp949", "cp1252")
TOTAL_WORDS = frozenset(
    [
        *("합계", "총계", "소계", "누계", "총합계", "총합", "계"),
        *("total", "totals", "subtotal", "grandtotal", "sum"),
        *("summe", "gesamt", "gesamtsumme", "zwischensumme"),
    ]
)


@dataclass(frozen=True, slots=True)
class RowProblem:
    line: int  # 1-based line of the file where the row starts (the header is line 1)
    reason: str  # an English sentence, for logs and tests
    item_code: str = ""
    # What went wrong, for ui/ to word in the owner's language: bad_id, bad_title, bad_price,
    # bad_availability, bad_condition, bad_link, bad_stock, long_description, duplicate_id, duplicate_name
    # (a file without ids names an item twice), same_name (…names one that several items are called),
    # shared_name, shared_name_line (imported under a name another item has; ImportReport.shared_names),
    # image_missing, too_many_rows, excel_error (Excel saved "#NAME?" in the cell),
    # excel_number (Excel saved a long code as "8.80123E+12"), extra_cells (more cells than columns).
    code: str = ""
    detail: str = ""  # the value at fault (or the earlier line of a duplicate id)
    # Where app/ refused the row's value itself (a price, a title, a link): its code for ui/ to word.
    error: ErrorCode | None = None
    error_params: Params | None = None
    column: str = ""  # the file's column at fault (title, price, …), where the row names one


class _RowInvalid(Exception):
    """A bad row: kept in the report as a RowProblem (its `problem` for ui/), never raised out of here."""

    def __init__(
        self, code: str, reason: str, detail: str = "", error: ShopInboxError | None = None, column: str = ""
    ) -> None:
        super().__init__(reason)
        self.problem = code
        self.detail = detail
        self.error = error
        self.column = column


@dataclass
class ImportReport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: list[RowProblem] = field(default_factory=list)
    warnings: list[RowProblem] = field(default_factory=list)
    encoding: str = "utf-8"
    # The file has no id column: its rows were matched to items by name, new ones given a code.
    matched_by_name: bool = False
    unused_columns: tuple[str, ...] = ()  # the file's own names of columns nothing was read from
    # Each read column's name as the file has it ("price": "가격"), for ui/ to name a bad row's column.
    column_names: dict[str, str] = field(default_factory=dict)
    # Lines of a CP949 file (Korean Excel's plain CSV) whose item name keeps a "?": where Excel
    # wrote one for an emoji it cannot save in that kind of file.
    question_marks: list[int] = field(default_factory=list)
    # Lines of the sheet's totals rows (합계, or a row with only a sum in it): left out, not items.
    totals_rows: list[int] = field(default_factory=list)
    # Rows imported under a name another item has (code "shared_name": `detail` the other item's
    # code; "shared_name_line": the other row's line): kept, for variants may share a name, but
    # said, as the item form asks before saving one.
    shared_names: list[RowProblem] = field(default_factory=list)

    @property
    def imported(self) -> int:
        return self.created + self.updated + self.unchanged


def decode_feed(data: bytes) -> tuple[str, str]:
    """The text of a CSV file and the encoding it was read with."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "utf-16"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        log.info("CSV is not UTF-8; trying Korean Excel's CP949")
    try:
        text = data.decode("cp949")
    except UnicodeDecodeError:
        text = ""
    if text and _HANGUL.search(text):
        return text, "cp949"
    # Western European Excel's plain "CSV" (Windows-1252): 'Größe' happens to be CP949 too, but
    # as Hanja, not Korean words.
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError as exc:
        if text:
            return text, "cp949"
        raise InvalidInput(code=ErrorCode.CATALOG_FILE_NOT_UTF8) from exc


def _records(text: str) -> Iterator[tuple[int, list[str]]]:
    """(starting line, fields) for each record; quoted fields may span lines."""
    first_line = text.split("\n", 1)[0]
    # Commas, tabs, or the semicolons Excel writes where the decimal mark is a comma (German,
    # French… "CSV (Trennzeichen-getrennt)"): whichever the first line has most of.
    delimiter = max(("\t", ";"), key=first_line.count)
    if first_line.count(delimiter) <= first_line.count(","):
        delimiter = ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    start = 1
    for fields in reader:
        yield start, fields
        start = reader.line_num + 1


@dataclass(frozen=True, slots=True)
class _Parsed:
    draft: ItemDraft
    columns: frozenset[str]
    image_link: str
    stock: int | None  # pieces counted; None leaves the item's count as it is
    collections: tuple[str, ...] | None = None  # collection names; None leaves the item's as they are
    out_of_stock: bool = False  # its availability says "out of stock" (not "discontinued")


def _parse_row(values: dict[str, str], columns: frozenset[str], default_currency: str) -> _Parsed:
    # A blank id, in a sheet whose other rows have theirs, is what the item form does with a blank
    # code: the row is found by its name, or is a new item with a code made up for it.
    code = values.get("id", "").strip()
    for column in ("title", "description", "link", "collections"):
        if values.get(column, "").strip().upper() in EXCEL_ERRORS:
            # Excel showed the cell as an error (a description starting "- 소재" read as a
            # formula) and saved that in its place: the item's own text must not become "#NAME?".
            raise _RowInvalid(
                "excel_error",
                f"{column}: Excel saved “{values[column].strip()}”",
                values[column].strip(),
                column=column,
            )
    if EXCEL_SCIENTIFIC.match(code):
        # A barcode as Excel shows a long number, "8.80123E+12", saved so: not the item's code.
        raise _RowInvalid("excel_number", f"id: Excel saved “{code}”", code, column="id")
    try:
        price_minor, currency = parse_price(won(values.get("price", "")), default_currency)
    except InvalidInput as exc:
        raise _RowInvalid(
            "bad_price", f"price: {exc}", values.get("price", "").strip(), exc, "price"
        ) from exc
    availability = plain_word(values.get("availability", ""), "availability").replace("_", " ")
    if availability and availability not in AVAILABILITY:
        raise _RowInvalid(
            "bad_availability",
            f"availability “{availability}” is not one of: {', '.join(AVAILABILITY)}",
            availability,
            column="availability",
        )
    condition = plain_word(values.get("condition", ""), "condition")
    if condition and condition not in CONDITIONS:
        raise _RowInvalid(
            "bad_condition",
            f"condition “{condition}” is not one of: {', '.join(CONDITIONS)}",
            condition,
            column="condition",
        )
    try:
        stock = stock_pieces(values.get("stock", ""))
    except ValueError as exc:
        raise _RowInvalid(
            "bad_stock",
            f"stock “{values['stock'].strip()}” is not a number of pieces",
            values["stock"].strip(),
            column="stock",
        ) from exc
    if stock == 0 and availability == "out of stock":
        # Our export says "out of stock" of an item whose count ran out: the count says it, and the
        # item is not hidden for it when the file comes back.
        columns = columns - {"availability"}
        availability = ""
    title, description = values.get("title", ""), values.get("description", "")
    draft = ItemDraft(
        name=title,
        price_minor=price_minor,
        currency=currency,
        retailer_id=code,
        # Our export writes the title where an item has no description (Meta requires one).
        description="" if description.strip() == title.strip() else description,
        url=values.get("link", ""),
        hidden=availability in HIDDEN_AVAILABILITY,
    )
    try:
        draft = clean_draft(draft)
    except ItemInvalid as exc:
        label = {"name": "title", "retailer_id": "id", "url": "link"}.get(exc.field, exc.field)
        code = {
            "name": "bad_title",
            "retailer_id": "bad_id",
            "url": "bad_link",
            "description": "long_description",
            "currency": "bad_price",
        }.get(exc.field, "bad_" + exc.field)
        raise _RowInvalid(code, f"{label}: {exc}", values.get(label, "").strip(), exc, label) from exc
    return _Parsed(
        draft,
        columns,
        values.get("image_link", "").strip(),
        stock,
        collection_names(values.get("collections", "")),
        out_of_stock=availability == "out of stock",
    )


def _row_problem(line: int, item_code: str, exc: _RowInvalid) -> RowProblem:
    error = exc.error
    return RowProblem(
        line,
        str(exc),
        item_code,
        exc.problem,
        exc.detail,
        None if error is None else error.code,
        None if error is None else error.params,
        exc.column,
    )


def _resolve_image(link: str, catalog_dir: Path | None, base_dir: Path | None) -> str | None:
    """An images entry for image_link: a URL as it is, or a local file copied in."""
    if not link:
        return None
    if is_remote(link):
        return link
    if catalog_dir is None:
        return None
    candidates = [catalog_dir / link]
    if base_dir is not None:
        candidates.insert(0, base_dir / link)
    for candidate in candidates:
        if candidate.is_file():
            return import_image(catalog_dir, candidate)
    raise _RowInvalid("image_missing", f"image “{link}” was not found next to the file", link)


def import_feed(
    session: Session,
    source: Path | bytes,
    *,
    catalog_dir: Path | None = None,
    default_currency: str = "KRW",
) -> ImportReport:
    """Import (or update by id) every good row; the caller's transaction commits them together."""
    base_dir: Path | None = None
    if isinstance(source, Path):
        if source.stat().st_size > MAX_FILE_BYTES:
            raise InvalidInput(
                code=ErrorCode.CATALOG_FILE_TOO_LARGE, params=LimitParams(MAX_FILE_BYTES // (1024 * 1024))
            )
        base_dir = source.parent
        data = source.read_bytes()
    else:
        data = source
    records: Iterator[tuple[int, list[str]]]
    if data[:8] == OLE_MAGIC:
        # Excel 97-2003's .xls, which Korean Excel still offers: not text, and not a workbook we read.
        raise InvalidInput(code=ErrorCode.CATALOG_WORKBOOK_UNREADABLE)
    if data[:4] == b"PK\x03\x04":
        # An .xlsx workbook: the sheet the export opens in Excel, saved back as Excel's own file.
        try:
            sheets = workbook_sheets(data, source.name if isinstance(source, Path) else "catalogue.xlsx")
        except OrderError as exc:
            raise InvalidInput(code=ErrorCode.CATALOG_WORKBOOK_UNREADABLE) from exc
        report = ImportReport(encoding="xlsx")
        # The sheet it opens on, unless that one names no items (a notes sheet the owner was on
        # last): then the first sheet that does.
        records, found = _sheet_with_items(sheets)
    else:
        text, encoding = decode_feed(data)
        report = ImportReport(encoding=encoding)
        records = _records(text)
        found = _find_header(records)
    if found is None:
        raise InvalidInput(code=ErrorCode.CATALOG_FILE_EMPTY)
    header, fields_named = found
    report.unused_columns = unused_columns(fields_named, header)
    report.column_names = {
        name: nfc(raw).strip() for raw, name in zip(fields_named, header, strict=False) if raw.strip()
    }
    missing = [c for c in REQUIRED_COLUMNS if c not in header]
    if missing:
        raise InvalidInput(
            code=ErrorCode.CATALOG_COLUMNS_MISSING,
            params=ColumnsParams(", ".join(missing), ", ".join(FEED_COLUMNS)),
        )
    columns = frozenset(header)
    report.matched_by_name = "id" not in columns
    # One read of the catalogue instead of one query per row (a feed can hold thousands).
    known = _Known(session, lossy=report.encoding if report.encoding in LEGACY_ENCODINGS else None)
    seen: dict[str, int] = {}  # id (or name, in a file without ids) → the line it was on
    # Items whose name this file gave or changed → their line: checked against every other
    # name once all rows are in, so a file that swaps two items' names is not taken for a clash.
    named_here: dict[int, int] = {}
    for line, fields in records:
        if not any(f.strip() for f in fields):
            continue
        if line - 1 > MAX_ROWS:
            report.errors.append(
                RowProblem(
                    line,
                    f"only the first {MAX_ROWS} rows are read",
                    code="too_many_rows",
                    detail=str(MAX_ROWS),
                )
            )
            break
        values = {name: nfc(fields[i]) if i < len(fields) else "" for i, name in enumerate(header)}
        if _is_totals_row(values, fields):
            # The sum row under a shop's items (합계 / Total, or only the prices' sum): not an item,
            # and not a bad row either.
            report.totals_rows.append(line)
            continue
        code = values.get("id", "").strip()
        if report.encoding != "xlsx" and any(f.strip() for f in fields[len(header) :]):
            # More cells than columns: a comma inside a value not in quotes (12,000 read as 12 and
            # 000), so every cell after it is in the wrong column. Nothing of the row can be trusted.
            report.errors.append(
                RowProblem(
                    line,
                    f"{len(fields)} cells under {len(header)} columns",
                    code,
                    "extra_cells",
                    str(len(fields) - len(header)),
                )
            )
            continue
        try:
            parsed = _parse_row(values, columns, default_currency)
            key = code if code else name_key(parsed.draft.name)
            if key in seen:
                if code:
                    raise _RowInvalid(
                        "duplicate_id", f"id {code} already appears on line {seen[key]}", str(seen[key])
                    )
                raise _RowInvalid(
                    "duplicate_name",
                    f"“{parsed.draft.name}” already appears on line {seen[key]} (the file has no ids)",
                    str(seen[key]),
                )
            existing = known.by_code.get(code) if code else known.named(parsed.draft.name)
        except _RowInvalid as exc:
            report.errors.append(_row_problem(line, code, exc))
            continue
        seen[key] = line
        if parsed.out_of_stock and existing is not None and existing.id in known.sold_out:
            # Our export says "out of stock" of an item its counts (by size too) say is sold out:
            # the counts say it, and the item is not hidden for it when the file comes back.
            parsed = replace(parsed, columns=parsed.columns - {"availability"})
        image: str | None = None
        try:
            image = _resolve_image(parsed.image_link, catalog_dir, base_dir)
        except _RowInvalid as exc:
            report.warnings.append(_row_problem(line, code, exc))
        except InvalidInput as exc:  # the file next to the CSV is not an image
            report.warnings.append(
                RowProblem(
                    line,
                    str(exc),
                    code,
                    "image_missing",
                    parsed.image_link,
                    exc.code,
                    exc.params,
                    "image_link",
                )
            )
        collection_ids = None if parsed.collections is None else known.collection_ids(parsed.collections)
        if existing is not None and known.lossy:
            parsed = replace(parsed, draft=_kept_beyond_cp949(parsed.draft, existing, known.lossy))
        if known.lossy and "?" in parsed.draft.name:
            # Most likely an emoji Excel could not write in CP949 (or Windows-1252); the owner is told
            # which rows.
            report.question_marks.append(line)
        item_id = _apply(
            session,
            parsed,
            image,
            report,
            existing,
            known.stock.get(existing.id) if existing else None,
            collection_ids,
        )
        if existing is None or name_key(existing.name) != name_key(parsed.draft.name):
            named_here[item_id] = line
    report.shared_names = _shared_names(session, named_here)
    log.info(
        "catalogue import: %d created, %d updated, %d unchanged, %d bad rows",
        report.created,
        report.updated,
        report.unchanged,
        len(report.errors),
    )
    return report


def _shared_names(session: Session, named_here: dict[int, int]) -> list[RowProblem]:
    """The rows of `named_here` (item id → line) whose item now has a name another item has: the
    other row's line when the file named that one too, else the other item's code."""
    if not named_here:
        return []
    items = {
        item_id: (code, name)
        for item_id, code, name in session.execute(
            select(CatalogItem.id, CatalogItem.retailer_id, CatalogItem.name).order_by(CatalogItem.id)
        )
    }
    holders: dict[str, list[int]] = {}
    for item_id, (_, name) in items.items():
        holders.setdefault(name_key(name), []).append(item_id)
    problems: list[RowProblem] = []
    for item_id, line in named_here.items():
        code, name = items[item_id]
        others = [i for i in holders[name_key(name)] if i != item_id]
        if not others:
            continue
        other_code = items[others[0]][0]
        reason = f"another item ({other_code}) is also called “{name}”"
        if others[0] in named_here:
            detail, kind = str(named_here[others[0]]), "shared_name_line"
        else:
            detail, kind = other_code, "shared_name"
        problems.append(RowProblem(line, reason, code, kind, detail, column="title"))
    return sorted(problems, key=lambda p: p.line)


def _is_totals_row(values: dict[str, str], fields: Sequence[str]) -> bool:
    """The row names the sheet's total ("합계", "Total:") where an item's name goes, or has no name
    nor code and nothing but numbers, its price among them (a sum Excel worked out)."""
    title = re.sub(r"[\s:：]", "", values.get("title", "")).casefold()
    if title in TOTAL_WORDS:
        return True
    if title or values.get("id", "").strip() or not values.get("price", "").strip():
        return False
    filled = [f.strip() for f in fields if f.strip()]
    return all(re.fullmatch(r"[₩$€£¥]?\s*-?[\d,]+(\.\d+)?\s*(원|KRW|USD)?", f) for f in filled)


def _find_header(records: Iterator[tuple[int, list[str]]]) -> tuple[list[str], list[str]] | None:
    """The row naming the columns (as the feed's, and as the file has them): the first that names
    an item's name and price, within the first few filled rows, so a shop's sheet with a title
    above its header ("오지영 액세서리 상품목록", a merged cell) reads from the header on. Else the
    first filled row (whose missing columns the import then names); None for an empty file."""
    first: tuple[list[str], list[str]] | None = None
    filled = 0
    for _line, fields in records:
        if not any(f.strip() for f in fields):
            continue
        named = feed_header(fields)
        if all(c in named for c in REQUIRED_COLUMNS):
            return named, fields
        first = first or (named, fields)
        filled += 1
        if filled >= HEADER_SEARCH_ROWS:
            break
    return first


def _sheet_with_items(
    sheets: Sequence[list[list[str]]],
) -> tuple[Iterator[tuple[int, list[str]]], tuple[list[str], list[str]] | None]:
    """(the rest of its rows, its header) of the first sheet whose header names an item's name and
    price; else the first sheet's, whose missing columns the import names."""
    first: tuple[Iterator[tuple[int, list[str]]], tuple[list[str], list[str]] | None] | None = None
    for rows in sheets:
        records = iter(enumerate(rows, start=1))
        found = _find_header(records)
        if found is not None and all(c in found[0] for c in REQUIRED_COLUMNS):
            return records, found
        first = first or (records, found)
    return first if first is not None else (iter(()), None)


class _Known:
    """The catalogue as the import found it: items by code and by name, and their own stock counts."""

    def __init__(self, session: Session, *, lossy: str | None = None) -> None:
        rows = list_items(session)
        self.by_code = {row.retailer_id: row for row in rows}
        self.by_name: dict[str, list[ItemRow]] = {}
        for row in rows:
            self.by_name.setdefault(name_key(row.name), []).append(row)
        # A CP949 file (Korean Excel's plain CSV; Windows-1252, Western Excel's) has "?" where a name
        # had an emoji: "하트 ? 귀걸이" is still "하트 💖 귀걸이", not a new item. `lossy`: its encoding.
        self.lossy = lossy
        self.by_cp949_name: dict[str, list[ItemRow]] = {}
        if lossy:
            for row in rows:
                self.by_cp949_name.setdefault(name_key(_cp949_key(row.name, lossy)), []).append(row)
        self.stock = {level.item_id: level.on_hand for level in stock_levels(session) if level.option == ""}
        self.sold_out = sold_out_among(session)
        self._session = session
        self.collections = {name_key(c.name): c.id for c in list_collections(session)}

    def collection_ids(self, names: Sequence[str]) -> tuple[int, ...]:
        """The collections a row names, each made once when the catalogue has none of that name."""
        ids = []
        for name in names:
            key = name_key(name)
            if key not in self.collections:
                self.collections[key] = create_collection(self._session, name)
            ids.append(self.collections[key])
        return tuple(sorted(set(ids)))

    def named(self, name: str) -> ItemRow | None:
        """The one item called `name`; raises _RowInvalid when several are (the row cannot say which)."""
        rows = self.by_name.get(name_key(name), [])
        if not rows and self.lossy and "?" in name:
            rows = self.by_cp949_name.get(name_key(_cp949_key(name, self.lossy)), [])
        if len(rows) > 1:
            raise _RowInvalid(
                "same_name",
                f"{len(rows)} items are called “{name}”; an id column would say which one this is",
                name,
            )
        return rows[0] if rows else None


def _cp949_key(text: str, encoding: str = "cp949") -> str:
    """`text` as a CP949 (or other `encoding`) file can hold it: each run of characters it has not
    (an emoji, its variation selector), or of question marks, one "?" (Excel writes one or two for
    an emoji)."""
    out: list[str] = []
    for ch in text:
        try:
            kept = ch != "?" and bool(ch.encode(encoding))
        except UnicodeEncodeError:
            kept = False
        if kept:
            out.append(ch)
        elif not out or out[-1] != "?":
            out.append("?")
    return "".join(out)


def _kept_beyond_cp949(draft: ItemDraft, existing: ItemRow, encoding: str = "cp949") -> ItemDraft:
    """The row's name and description, unless they are the item's own with its emoji turned "?" by
    the CP949 file: then the item's, so saving the export as Korean Excel's plain CSV and importing
    it back does not make "하트 💖 귀걸이" "하트 ? 귀걸이"."""

    def kept(new: str, old: str) -> str:
        return (
            old
            if new != old and "?" in new and _cp949_key(new, encoding) == _cp949_key(old, encoding)
            else new
        )

    return replace(
        draft,
        name=kept(draft.name, existing.name),
        description=kept(draft.description, existing.description or ""),
    )


def _apply(
    session: Session,
    parsed: _Parsed,
    image: str | None,
    report: ImportReport,
    existing: ItemRow | None,
    counted: int | None,
    collection_ids: tuple[int, ...] | None,
) -> int:
    """Create or update the row's item; its id."""
    draft = parsed.draft
    if existing is None:
        fields = {**_fields(draft), "images": (image,) if image else (), "collection_ids": collection_ids}
        item_id = create_item(session, ItemDraft(**fields))
        if parsed.stock is not None:
            count_item(session, item_id, StockCount(parsed.stock))
        report.created += 1
        return item_id
    # Only the columns the file has replace what is stored.
    keep = {
        "description": existing.description,
        "url": existing.url or "",
        "hidden": existing.hidden,
    }
    column_of = {"description": "description", "url": "link", "hidden": "availability"}
    merged = _fields(draft)
    for attr, column in column_of.items():
        if column not in parsed.columns:
            merged[attr] = keep[attr]
    images = list(existing.images)
    if image and image not in images:
        images = [image, *images[1:]] if images else [image]
    merged["images"] = tuple(images)
    moved = collection_ids is not None and set(collection_ids) != set(existing.collection_ids)
    merged["collection_ids"] = collection_ids if moved else None
    merged["retailer_id"] = draft.retailer_id or existing.retailer_id  # found by name: its code stays
    candidate = ItemDraft(**merged)
    recount = parsed.stock is not None and parsed.stock != counted
    if _same(_draft_of(existing), candidate) and not recount and not moved:
        report.unchanged += 1
        return existing.id
    update_item(session, existing.id, candidate)
    if recount:
        count_item(session, existing.id, StockCount(parsed.stock))
    report.updated += 1
    return existing.id


def _fields(draft: ItemDraft) -> dict[str, Any]:
    return {name: getattr(draft, name) for name in ItemDraft.__dataclass_fields__}


def _draft_of(row: ItemRow) -> ItemDraft:
    return ItemDraft(
        name=row.name,
        price_minor=row.price_minor,
        currency=row.currency,
        retailer_id=row.retailer_id,
        description=row.description,
        url=row.url or "",
        images=row.images,
        hidden=row.hidden,
    )


def _same(a: ItemDraft, b: ItemDraft) -> bool:
    return all(
        getattr(a, name) == getattr(b, name)
        for name in ItemDraft.__dataclass_fields__
        if name not in ("collection_ids", "stock")
    )


def export_feed(
    session: Session, *, brand: str = "", image_base_url: str = "", include_hidden: bool = True
) -> bytes:
    """The whole catalogue as a Commerce Manager feed, UTF-8 with a BOM so Excel reads Korean right.

    image_link is the first image: a URL as stored, or `image_base_url` + the file's path when the shop
    hosts its images somewhere (Meta needs a public URL), else the path inside the catalogue folder.
    """
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerows(
        feed_rows(session, brand=brand, image_base_url=image_base_url, include_hidden=include_hidden)
    )
    return b"\xef\xbb\xbf" + buffer.getvalue().encode("utf-8")


def feed_rows(
    session: Session, *, brand: str = "", image_base_url: str = "", include_hidden: bool = True
) -> list[list[object]]:
    """The feed's header and a row per item, as export_feed writes them (stock a number, or "")."""
    rows: list[list[object]] = [list(FEED_COLUMNS)]
    stmt = select(CatalogItem).order_by(CatalogItem.retailer_id)
    if not include_hidden:
        stmt = stmt.where(CatalogItem.hidden.is_(False))
    counted = {level.item_id: level.on_hand for level in stock_levels(session) if level.option == ""}
    # Nothing left to sell (an item whose counted sizes are gone but sells sizes nobody counts is
    # not): Meta must not take orders for it, nor turn away the ones it can still fill.
    sold_out = sold_out_among(session)
    # Each item's collections' names, in the collections' own order: one read of the link table.
    shelved: dict[int, list[str]] = {}
    links = session.execute(
        select(catalog_item_collection.c.item_id, Collection.name)
        .join(Collection, Collection.id == catalog_item_collection.c.collection_id)
        .order_by(Collection.position)
    )
    for item_id, name in links:
        shelved.setdefault(item_id, []).append(name)
    for item in session.scalars(stmt):
        first = str(item.images[0]) if item.images else ""
        if first and not is_remote(first) and image_base_url:
            first = image_base_url.rstrip("/") + "/" + first
        rows.append(
            [
                item.retailer_id,
                item.name,
                # Meta requires a description; the title stands in for a missing one.
                item.description or item.name,
                "out of stock" if item.hidden or item.id in sold_out else "in stock",
                "new",
                feed_price(item.price_minor, item.currency),
                item.url or "",
                first,
                brand,
                counted.get(item.id, ""),
                COLLECTION_SEPARATOR.join(shelved.get(item.id, ())),
            ]
        )
    return rows
