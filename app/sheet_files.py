"""Sheets banks and couriers hand out and take back: CSV (UTF-8 or CP949), .xlsx, and the HTML table
many Korean banks save as ".xls"; columns by title."""

from __future__ import annotations

import csv
import io
import re
import unicodedata
import zipfile
from collections.abc import Sequence
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal
from html.parser import HTMLParser
from pathlib import Path
from typing import Literal

from app.errors import ErrorCode, FileParams, OrderError

MAX_FILE_BYTES = 20 * 1024 * 1024  # a year of a small shop's transactions is well under 1 MB
MAX_ROWS = 200_000  # far beyond any shop's bank file; a sheet that claims more is refused
MAX_COLUMNS = 200
# Korean Excel opens plain UTF-8 CSV as mojibake; with a byte-order mark it reads Korean right.
BOM = "\ufeff"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # the old binary .xls (and .doc…) container

CSV_DATETIME = "%Y-%m-%d %H:%M"
XLSX_DATETIME = "yyyy-mm-dd hh:mm"

SheetFormat = Literal["csv", "xlsx"]

# A CSV cell Excel would run as a formula: "=HYPERLINK(…)", "@SUM(…)", "+cmd|…", "-1+1" (and a tab
# or line break before one). A phone number or amount ("+82 10-5550-1234", "-3,000") is not one.
_FORMULA_START = ("=", "@", "+", "-", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"[+-][\d\s().,-]*")


def plain_spaces(text: str) -> str:
    """`text` with its no-break spaces (U+00A0) made plain ones."""
    return text.replace("\u00a0", " ")


def csv_text(value: str) -> str:
    """A text cell as a CSV holds it so Excel shows it and never runs it: a ' before what would
    start a formula (Excel reads the cell as text; the owner sees the ' and the text whole); any
    other text as it is. A workbook needs none: its cells are typed text."""
    if value.startswith(_FORMULA_START) and not _PLAIN_NUMBER.fullmatch(value):
        return "'" + value
    return value


def decode_sheet(data: bytes, name: str) -> str:
    """UTF-8 (with or without BOM) or CP949, as Korean Excel and banks save CSV."""
    for encoding in ("utf-8-sig", "cp949"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise OrderError(ErrorCode.DEPOSIT_FILE_UNREADABLE, FileParams(name))


def find_column(header: list[str], names: Sequence[str]) -> int | None:
    """The column whose title is one of `names` (spaces and case ignored), else one containing it."""
    folded = [re.sub(r"\s+", "", h).casefold() for h in header]
    for wanted in names:
        key = re.sub(r"\s+", "", wanted).casefold()
        for i, h in enumerate(folded):
            if h == key:
                return i
    for wanted in names:
        key = re.sub(r"\s+", "", wanted).casefold()
        for i, h in enumerate(folded):
            if key in h:
                return i
    return None


def read_sheet(path: Path) -> list[list[str]]:
    """Every row of a CSV (UTF-8 or CP949, comma or tab), .xlsx or HTML-table file as text cells.

    Raises OrderError DEPOSIT_FILE_UNREADABLE when the file cannot be read, and
    DEPOSIT_FILE_UNKNOWN_FORMAT for the old binary .xls, a damaged workbook or an oversized file.
    """
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise OrderError(ErrorCode.DEPOSIT_FILE_UNKNOWN_FORMAT, FileParams(path.name))
        data = path.read_bytes()
    except OSError as exc:
        raise OrderError(ErrorCode.DEPOSIT_FILE_UNREADABLE, FileParams(path.name)) from exc
    if data[:2] == b"PK":
        return _xlsx_rows(data, path.name)
    if data[:8] == OLE_MAGIC:
        raise OrderError(ErrorCode.DEPOSIT_FILE_UNKNOWN_FORMAT, FileParams(path.name))
    text = decode_sheet(data, path.name)
    sample = text[:4096]
    if _HTML_TABLE.search(sample) and sample.lstrip("\ufeff \t\r\n").startswith("<"):
        return _html_rows(text, path.name)
    delimiter = "\t" if sample.count("\t") > sample.count(",") else ","
    rows = []
    for row in csv.reader(io.StringIO(text), delimiter=delimiter):
        rows.append(row[:MAX_COLUMNS])
        if len(rows) > MAX_ROWS:
            raise OrderError(ErrorCode.DEPOSIT_FILE_UNKNOWN_FORMAT, FileParams(path.name))
    return rows


_HTML_TABLE = re.compile(r"<table\b", re.IGNORECASE)


class _TableRows(HTMLParser):
    """The rows of every <table> in an HTML page, each cell's text with its spaces made one."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.rows: list[list[str]] = []
        self._row: list[str] | None = None
        self._cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "tr":
            self._end_row()
            self._row = []
        elif tag in ("td", "th"):
            self._end_cell()
            if self._row is None:
                self._row = []
            self._cell = []
        elif tag == "br" and self._cell is not None:
            self._cell.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th"):
            self._end_cell()
        elif tag in ("tr", "table"):
            self._end_row()

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)

    def _end_cell(self) -> None:
        if self._cell is not None and self._row is not None:
            self._row.append(" ".join("".join(self._cell).split()))
        self._cell = None

    def close(self) -> None:
        super().close()
        self._end_row()  # a last row the page never closed

    def _end_row(self) -> None:
        self._end_cell()
        if self._row is not None:
            self.rows.append(self._row[:MAX_COLUMNS])
            if len(self.rows) > MAX_ROWS:
                raise OverflowError
        self._row = None


def _html_rows(text: str, name: str) -> list[list[str]]:
    """The ".xls" a Korean bank's "엑셀 저장" often gives: an HTML page holding the table."""
    parser = _TableRows()
    try:
        parser.feed(text)
        parser.close()
    except OverflowError:
        raise OrderError(ErrorCode.DEPOSIT_FILE_UNKNOWN_FORMAT, FileParams(name)) from None
    return parser.rows


def _cell_text(value: object, number_format: str | None = None) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # Excel keeps 50000 as 50000.0
    if isinstance(value, float) and _shows_whole(number_format):
        # A price worked out in the sheet (=13334*0.9 is 12000.6) is what the cell shows, ₩12,001.
        return str(Decimal(repr(value)).quantize(Decimal(1), rounding=ROUND_HALF_UP))
    if isinstance(value, datetime):
        return value.isoformat(sep=" ", timespec="seconds")
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


# A number format's quoted text ("₩"), escaped characters (\₩), spacing and fill (_- *) and bracketed
# parts ([$₩-412], [Red]).
_FORMAT_LITERALS = re.compile(r'"[^"]*"|\\.|_.|\*.|\[[^\]]*\]')


def _shows_whole(number_format: str | None) -> bool:
    """True when a cell's number format shows a number without decimals (#,##0, "₩"#,##0, 0)."""
    if not number_format or number_format in ("General", "@"):
        return False
    shown = _FORMAT_LITERALS.sub("", number_format.split(";")[0])
    if any(mark in shown for mark in ".%@") or re.search(r"[ymdhseYMDHSE]", shown):
        return False
    return bool(re.search(r"[0#]", shown))


def _xlsx_rows(data: bytes, name: str) -> list[list[str]]:
    return _xlsx_sheets(data, name, every=False)[0]


def _xlsx_sheets(data: bytes, name: str, *, every: bool) -> list[list[list[str]]]:
    """The rows of the workbook's active sheet (the one it opens on), then, with `every`, of each
    other sheet in the workbook's order."""
    from openpyxl import load_workbook  # only when a workbook is opened: it costs ~100 ms to import
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, ValueError, OSError) as exc:
        raise OrderError(ErrorCode.DEPOSIT_FILE_UNKNOWN_FORMAT, FileParams(name)) from exc
    try:
        active = book.active if book.active is not None else book.worksheets[0]
        sheets = [active]
        if every:
            sheets += [sheet for sheet in book.worksheets if sheet is not active]
        found = []
        for sheet in sheets:
            rows = []
            for cells in sheet.iter_rows(max_col=MAX_COLUMNS):
                rows.append([_cell_text(c.value, getattr(c, "number_format", None)) for c in cells])
                if len(rows) > MAX_ROWS:
                    raise OrderError(ErrorCode.DEPOSIT_FILE_UNKNOWN_FORMAT, FileParams(name))
            while rows and not any(rows[-1]):
                rows.pop()
            found.append(rows)
    except (zipfile.BadZipFile, KeyError, ValueError, IndexError, AttributeError) as exc:
        raise OrderError(ErrorCode.DEPOSIT_FILE_UNKNOWN_FORMAT, FileParams(name)) from exc
    finally:
        book.close()
    return found


def workbook_rows(data: bytes, name: str) -> list[list[str]]:
    """The first sheet of an .xlsx workbook as text cells (a whole number as "50000", not 50000.0).
    Raises OrderError DEPOSIT_FILE_UNKNOWN_FORMAT for a damaged or oversized workbook."""
    return _xlsx_rows(data, name)


def workbook_sheets(data: bytes, name: str) -> list[list[list[str]]]:
    """Every sheet of an .xlsx workbook as text cells, the one it opens on first. Raises as
    workbook_rows does."""
    return _xlsx_sheets(data, name, every=True)


def sheet_format(path: Path) -> SheetFormat:
    """What to write for a file name the owner chose: .xlsx is a workbook, anything else CSV."""
    return "xlsx" if path.suffix.lower() == ".xlsx" else "csv"


def _grouped(value: int | Decimal) -> str:
    """Excel's format for `value` with thousands separators (39,000; 12.50 keeps its cents), as the
    books and a bank's own download show money; without one Excel shows a bare 39000."""
    exponent = value.as_tuple().exponent if isinstance(value, Decimal) else 0
    places = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    return "#,##0" + ("." + "0" * places if places else "")


# Excel's default column (8.43 characters) shows a date-time as "########" and cuts names short; each
# column is as wide as its widest cell, within these bounds.
MIN_WIDTH, MAX_WIDTH = 6, 50


def _cell_width(value: object) -> int:
    """About how many of Excel's character widths `value` takes as shown (Hangul counts two)."""
    if value is None:
        return 0
    if isinstance(value, datetime):
        return len(XLSX_DATETIME)
    text = f"{value:,}" if isinstance(value, int | Decimal) and not isinstance(value, bool) else str(value)
    longest = max(text.split("\n"), key=len)
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in longest)


def _column_widths(rows: Sequence[Sequence[object]]) -> list[int]:
    widths: list[int] = []
    for row in rows:
        for i, value in enumerate(row):
            if i == len(widths):
                widths.append(0)
            widths[i] = max(widths[i], _cell_width(value))
    return [min(MAX_WIDTH, max(MIN_WIDTH, w + 2)) for w in widths]


def write_sheet(
    rows: Sequence[Sequence[object]],
    fmt: SheetFormat = "csv",
    *,
    title: str = "Sheet",
    header_tools: bool = False,
) -> bytes:
    """Rows as CSV (UTF-8 with BOM, CRLF, for Korean Excel) or as an .xlsx workbook.

    Text stays text in the workbook (postcodes and phone numbers keep their leading zeros); whole
    numbers and Decimals are numbers, so the books can add them up (shown as 39,000); a naive
    datetime (wall-clock time) is a date-time cell, "2026-12-01 16:07" in a CSV. `header_tools`:
    the workbook's first row (the header) stays in view as the owner scrolls and filters its
    columns (a CSV has neither). A no-break space (which keeps "대기 중" on one line in a narrow
    column of the window) is written as a plain one, so the owner's filter typed in Excel finds it.
    """
    rows = [[plain_spaces(v) if isinstance(v, str) else v for v in row] for row in rows]
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\r\n")
        for row in rows:
            writer.writerow(
                v.strftime(CSV_DATETIME)
                if isinstance(v, datetime)
                else csv_text(v)
                if isinstance(v, str)
                else v
                for v in row
            )
        return (BOM + out.getvalue()).encode("utf-8")
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.utils import get_column_letter

    book = Workbook(write_only=True)
    sheet = book.create_sheet(title[:31])
    widths = _column_widths(rows)
    for i, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(i)].width = width
    if header_tools and rows and widths:
        sheet.freeze_panes = "A2"
        sheet.auto_filter.ref = f"A1:{get_column_letter(len(widths))}{len(rows)}"
    for row in rows:
        cells: list[object] = []
        for value in row:
            if isinstance(value, int | Decimal) and not isinstance(value, bool):
                number = WriteOnlyCell(sheet, value=value)
                number.number_format = _grouped(value)
                cells.append(number)
                continue
            if isinstance(value, datetime):
                moment = WriteOnlyCell(sheet, value=value.replace(tzinfo=None))
                moment.number_format = XLSX_DATETIME
                cells.append(moment)
                continue
            cell = WriteOnlyCell(sheet, value="" if value is None else str(value))
            cell.data_type = "s"  # a customer's "=…" is text, never a formula
            cells.append(cell)
        sheet.append(cells)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
