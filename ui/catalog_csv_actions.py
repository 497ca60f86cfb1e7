"""The catalogue window's CSV import and export (Meta feed layout), run off the GUI thread."""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from dataclasses import asdict
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from app.catalog_csv import ImportReport, RowProblem
from app.catalog_edits import export_catalog_csv, import_catalog_csv
from app.changes import Changes
from app.sheet_files import sheet_format
from ui.context import AppContext
from ui.error_sentences import code_sentence
from ui.formatting import count_text
from ui.korean_particles import with_particles
from ui.message_box import letter_buttons
from ui.ops import run_op
from ui.save_paths import Picked, open_file_name, save_file_name

log = logging.getLogger(__name__)

# Shown whole in the message box; the rest are in its details.
ERRORS_SHOWN = 5


def column_name(column: str) -> str:
    """A feed column as the owner's sheet would name it: the feed's own name in English, the Korean
    name the import also reads (app/catalog_csv_columns.HEADER_ALIASES) in Korean."""
    names = {
        "id": QCoreApplication.translate("CatalogCsv", "id", "catalogue CSV column: item code"),
        "title": QCoreApplication.translate("CatalogCsv", "title", "catalogue CSV column: item name"),
        "description": QCoreApplication.translate("CatalogCsv", "description", "catalogue CSV column"),
        "availability": QCoreApplication.translate("CatalogCsv", "availability", "catalogue CSV column"),
        "condition": QCoreApplication.translate("CatalogCsv", "condition", "catalogue CSV column"),
        "price": QCoreApplication.translate("CatalogCsv", "price", "catalogue CSV column"),
        "link": QCoreApplication.translate("CatalogCsv", "link", "catalogue CSV column"),
        "image_link": QCoreApplication.translate("CatalogCsv", "image_link", "catalogue CSV column"),
        "brand": QCoreApplication.translate("CatalogCsv", "brand", "catalogue CSV column"),
        "stock": QCoreApplication.translate("CatalogCsv", "stock", "catalogue CSV column: pieces in stock"),
        "collections": QCoreApplication.translate(
            "CatalogCsv", "collections", "catalogue CSV column: the item's collections, “;” between"
        ),
    }
    return names.get(column, column)


def problem_text(problem: RowProblem, column_names: Mapping[str, str] | None = None) -> str:
    """Why a row was not imported, in the UI language (app/ gives a code and the value at fault),
    after the column at fault as the file names it (`column_names`, from the report), else as
    column_name() does."""
    # A bad id, title, price, link or description comes with app/'s own ErrorCode (below).
    texts = {
        "bad_availability": QCoreApplication.translate(
            "CatalogCsv",
            "“{0}” is not an availability: write in stock, out of stock, preorder, available for order or discontinued",  # noqa: E501
        ),
        "bad_condition": QCoreApplication.translate(
            "CatalogCsv", "“{0}” is not a condition: write new, refurbished or used"
        ),
        "duplicate_id": QCoreApplication.translate(
            "CatalogCsv", "the same item code is already on line {0}; each item needs its own"
        ),
        "duplicate_name": QCoreApplication.translate(
            "CatalogCsv",
            "the same name is already on line {0}; without an item code column, each item needs its own name",
        ),
        "same_name": QCoreApplication.translate(
            "CatalogCsv",
            "several items are called “{0}”; add an item code column to say which one this row is",
        ),
        "shared_name": QCoreApplication.translate(
            "CatalogCsv", "the item {0} has the same name; rename one unless they are variants of one item"
        ),
        "shared_name_line": QCoreApplication.translate(
            "CatalogCsv",
            "the item on line {0} has the same name; rename one unless they are variants of one item",
        ),
        "bad_stock": QCoreApplication.translate(
            "CatalogCsv",
            "“{0}” is not a number of pieces: write it as 5, or leave it blank for an item you do not count",
        ),
        "image_missing": QCoreApplication.translate(
            "CatalogCsv", "the picture “{0}” was not found next to the file"
        ),
        "too_many_rows": QCoreApplication.translate("CatalogCsv", "only the first {0} rows are read"),
        "extra_cells": QCoreApplication.translate(
            "CatalogCsv",
            "the row has more cells than the sheet has columns, so its values are in the wrong columns: "
            'a value with a comma, such as 12,000, must be in quotes ("12,000")',
        ),
        "excel_number": QCoreApplication.translate(
            "CatalogCsv",
            "Excel saved the long number “{0}” in place of the code; in Excel, make the column Text "
            "and type the codes again",
        ),
        "excel_error": QCoreApplication.translate(
            "CatalogCsv",
            "Excel saved “{0}” in place of the text (it read a cell starting with -, + or = as a "
            "formula); write the text again in Excel with a ' in front",
        ),
    }
    if problem.error is not None and problem.error_params is not None:
        # app/ refused the value itself: its code says exactly why (a KRW price with cents, …).
        reason = code_sentence(problem.error, asdict(problem.error_params))
    else:
        text = texts.get(problem.code)
        reason = with_particles(text.format(problem.detail)) if text else problem.reason
    if not problem.column:
        return reason
    # The column as the owner's sheet names it (가격, not price).
    column = (column_names or {}).get(problem.column) or column_name(problem.column)
    return QCoreApplication.translate("CatalogCsv", "{0}: {1}").format(column, reason)


def report_text(report: ImportReport) -> tuple[str, str]:
    """(summary, details) for the import's message box."""
    # One item is "1 new item", not "1 new items" (lupdate makes no plural forms of translate()).
    if report.created == 1:
        summary = QCoreApplication.translate(
            "CatalogCsv", "1 new item, {0} updated, {1} already up to date."
        ).format(report.updated, report.unchanged)
    else:
        summary = QCoreApplication.translate(
            "CatalogCsv", "{0} new items, {1} updated, {2} already up to date."
        ).format(report.created, report.updated, report.unchanged)
    if report.matched_by_name and report.created:
        summary += "\n" + QCoreApplication.translate(
            "CatalogCsv",
            "The file has no item code column, so its rows were matched to items by name, and new "
            "items got a code of their own.",
        )
    elif report.matched_by_name:  # nothing new: no code was made
        summary += "\n" + QCoreApplication.translate(
            "CatalogCsv", "The file has no item code column, so its rows were matched to items by name."
        )
    if report.unused_columns:
        summary += "\n" + QCoreApplication.translate(
            "CatalogCsv", "These columns were not used: {0}."
        ).format(", ".join(report.unused_columns))
    if len(report.totals_rows) == 1:
        summary += "\n" + QCoreApplication.translate(
            "CatalogCsv", "The totals row (line {0}) is a sum, not an item, so it was left out."
        ).format(report.totals_rows[0])
    elif report.totals_rows:
        summary += "\n" + QCoreApplication.translate(
            "CatalogCsv", "{0} totals rows (lines {1}) are sums, not items, so they were left out."
        ).format(len(report.totals_rows), ", ".join(str(n) for n in report.totals_rows[:ERRORS_SHOWN]))
    if report.question_marks:
        summary += "\n" + QCoreApplication.translate(
            "CatalogCsv",
            "Excel's plain “CSV (Comma delimited)” cannot hold emoji and writes “?” for them: check the "
            "item names on these lines: {0}. To keep emoji, save the sheet as “CSV UTF-8” or as an "
            "Excel workbook.",
        ).format(", ".join(str(n) for n in report.question_marks[:ERRORS_SHOWN]))
        if len(report.question_marks) > ERRORS_SHOWN:
            summary += " " + QCoreApplication.translate("CatalogCsv", "…and {0} more.").format(
                len(report.question_marks) - ERRORS_SHOWN
            )
    if report.warnings:
        # Said here, not only in the details: else the owner finds her items without pictures later.
        if len(report.warnings) == 1:
            summary += "\n" + QCoreApplication.translate(
                "CatalogCsv", "1 item was imported without its picture, which was not found (see details)."
            )
        else:
            summary += "\n" + QCoreApplication.translate(
                "CatalogCsv",
                "{0} items were imported without their picture, which was not found (see details).",
            ).format(len(report.warnings))
    lines = [
        QCoreApplication.translate("CatalogCsv", "Line {0}: {1}").format(
            p.line, problem_text(p, report.column_names)
        )
        for p in report.errors
    ]
    warnings = [
        QCoreApplication.translate("CatalogCsv", "Line {0} (imported without picture): {1}").format(
            p.line, problem_text(p, report.column_names)
        )
        for p in report.warnings
    ]
    shared = [
        QCoreApplication.translate("CatalogCsv", "Line {0}: {1}").format(
            p.line, problem_text(p, report.column_names)
        )
        for p in report.shared_names
    ]
    if shared:
        # Imported all the same (variants may share a name), but said: the item form asks first.
        summary += "\n\n" + (
            QCoreApplication.translate("CatalogCsv", "1 item was imported under a name another item has:")
            if len(shared) == 1
            else QCoreApplication.translate(
                "CatalogCsv", "{0} items were imported under a name another item has:"
            ).format(count_text(len(shared)))
        )
        summary += "\n" + "\n".join(shared[:ERRORS_SHOWN])
        if len(shared) > ERRORS_SHOWN:
            summary += "\n" + QCoreApplication.translate("CatalogCsv", "…and {0} more (see details).").format(
                len(shared) - ERRORS_SHOWN
            )
    if report.errors:
        summary += "\n\n" + (
            QCoreApplication.translate("CatalogCsv", "1 row was not imported:")
            if len(report.errors) == 1
            else QCoreApplication.translate("CatalogCsv", "{0} rows were not imported:").format(
                count_text(len(report.errors))
            )
        )
        summary += "\n" + "\n".join(lines[:ERRORS_SHOWN])
        if len(lines) > ERRORS_SHOWN:
            summary += "\n" + QCoreApplication.translate("CatalogCsv", "…and {0} more (see details).").format(
                len(lines) - ERRORS_SHOWN
            )
    return summary, "\n".join(lines + warnings + shared)


def import_csv(parent: QWidget, ctx: AppContext, path: Path, done: Callable[[ImportReport], None]) -> None:
    """Import `path` in a worker; after the commit its Changes are published (every catalogue view
    reloads), then `done(report)` runs on the GUI thread."""
    db, catalog_dir, currency = ctx.db, ctx.paths.catalog_dir, ctx.currency

    def work() -> tuple[ImportReport, Changes]:
        return import_catalog_csv(db, path, catalog_dir=catalog_dir, default_currency=currency)

    def imported(result: tuple[ImportReport, Changes]) -> None:
        report, changes = result
        ctx.publish(changes)
        done(report)

    # A refused file's message says what it refused, not only the app's name.
    run_op(work, imported, parent=parent).title = QCoreApplication.translate("CatalogCsv", "Import catalogue")


def choose_and_import(parent: QWidget, ctx: AppContext) -> None:
    name = open_file_name(
        parent,
        Picked.CATALOGUE_SHEET,
        QCoreApplication.translate("CatalogCsv", "Import catalogue"),
        QCoreApplication.translate("CatalogCsv", "Sheets (*.csv *.xlsx *.xls *.tsv *.txt)"),
    )
    if not name:
        return

    def show(report: ImportReport) -> None:
        summary, details = report_text(report)
        box = QMessageBox(
            QMessageBox.Icon.Warning
            if report.errors or report.warnings or report.shared_names
            else QMessageBox.Icon.Information,
            QCoreApplication.translate("CatalogCsv", "Catalogue imported"),
            summary,
            QMessageBox.StandardButton.Ok,
            parent,
        )
        # Names and cells from the sheet ("<b>" in a name, a made-up tag) are shown as written.
        box.setTextFormat(Qt.TextFormat.PlainText)
        letter_buttons(box)
        if details:
            box.setDetailedText(details)
        box.exec()

    import_csv(parent, ctx, Path(name), show)


def excel_splits_on_semicolons(system: QLocale | None = None) -> bool:
    """Whether Excel on this computer reads a CSV's columns at semicolons, not commas: where the
    regional settings write decimals with a comma (Germany, France…), a comma CSV opens in one column."""
    system = system if system is not None else QLocale.system()
    return system.decimalPoint() == ","


def export_note(path: Path, semicolons: bool) -> str:
    """What the owner is told of the sheet just exported."""
    if sheet_format(path) == "xlsx":
        # Meta's data feed takes CSV, not a workbook: this one is for editing and importing back.
        text = QCoreApplication.translate(
            "CatalogCsv",
            "Saved {0}. Edit it in Excel and import it back; for Meta Commerce Manager's data feed, "
            "export as CSV.",
        )
    elif semicolons:
        text = QCoreApplication.translate(
            "CatalogCsv",
            "Saved {0}. It can be uploaded to Meta Commerce Manager as a data feed. Excel on this "
            "computer opens it in one column: to edit the catalogue in Excel, export an Excel workbook "
            "(.xlsx).",
        )
    else:
        text = QCoreApplication.translate(
            "CatalogCsv",
            "Saved {0}. It opens in Excel and can be uploaded to Meta Commerce Manager as a data feed.",
        )
    return text.format(path.name)


def choose_and_export(parent: QWidget, ctx: AppContext, brand: str = "") -> None:
    semicolons = excel_splits_on_semicolons()
    csv_files = QCoreApplication.translate("CatalogCsv", "CSV files (*.csv)")
    workbook = QCoreApplication.translate("CatalogCsv", "Excel workbook (*.xlsx)")
    name = save_file_name(
        parent,
        Picked.CATALOGUE_SHEET,
        QCoreApplication.translate("CatalogCsv", "Export catalogue"),
        # Where Excel would open a CSV in one column, the workbook is offered first.
        QCoreApplication.translate("CatalogCsv", "catalogue.xlsx")
        if semicolons
        else QCoreApplication.translate("CatalogCsv", "catalogue.csv"),
        f"{workbook};;{csv_files}" if semicolons else f"{csv_files};;{workbook}",
    )
    if not name:
        return
    target = Path(name)
    db = ctx.db

    def work() -> Path:
        return export_catalog_csv(db, target, brand=brand)

    def show(path: Path) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Information,
            QCoreApplication.translate("CatalogCsv", "Catalogue exported"),
            export_note(path, semicolons),
            QMessageBox.StandardButton.Ok,
            parent,
        )
        box.setTextFormat(Qt.TextFormat.PlainText)  # a file's name may hold "<"
        letter_buttons(box)
        box.exec()

    run_op(work, show, parent=parent).title = QCoreApplication.translate("CatalogCsv", "Export catalogue")
