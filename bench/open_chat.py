"""Open a 100,000-message chat to first paint, and paint time per visible row, vs a bare QListView."""

from __future__ import annotations

import argparse
import os
import random
import sqlite3
import statistics
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from app.db import Database
from app.text import bigram_text
from bench.report import emit

if TYPE_CHECKING:
    from ui.main_window import MainWindow

BIG_CHAT = 100_000
OTHER_CHATS = 300
START_MS = 1_735_689_600_000
KO = [
    "안녕하세요! 린넨 셔츠 아이보리 M 사이즈 재고 있나요?",
    "입금했습니다~",
    "배송 언제 되나요?",
    "감사합니다 😊",
    "국민은행 123-45-678901 (서울리넨하우스) 입니다. 입금 확인 후 바로 발송해드릴게요!",
]
EN = [
    "Hi! Do you ship the linen shirts to the UK?",
    "Paid, thank you!",
    "Here is the link: https://shop.example.com/order/2231",
    "Navy L then. Can I pick it up tomorrow?",
]


def build(path: Path, two_numbers: bool = False) -> tuple[int, int]:
    """One contact with BIG_CHAT messages plus OTHER_CHATS small chats; returns (big id, small id).
    With `two_numbers`, a shop with two WhatsApp numbers: the chats alternate between them."""
    Database.open(path).close()
    con = sqlite3.connect(path)
    con.execute("PRAGMA synchronous=OFF")
    rng = random.Random(5)
    con.executemany(
        "INSERT INTO contact(id, wa_id, profile_name, created_at) VALUES (?, ?, ?, ?)",
        [
            (i, f"8210{i:08d}", f"고객 {i}" if i % 2 else f"Customer {i}", START_MS)
            for i in range(1, OTHER_CHATS + 2)
        ],
    )
    rows = []
    for n in range(BIG_CHAT):
        body = rng.choice(KO + EN) if n % 7 else " ".join(rng.choice(KO) for _ in range(4))
        direction = "in" if n % 3 else "out"
        rows.append(
            (
                1,
                f"wamid.B{n}",
                direction,
                "text",
                body,
                bigram_text(body),
                "received" if direction == "in" else "read",
                START_MS + n * 60_000,
                0,
            )
        )
    for cid in range(2, OTHER_CHATS + 2):
        for k in range(3):
            body = rng.choice(KO + EN)
            rows.append(
                (
                    cid,
                    f"wamid.S{cid}_{k}",
                    "in",
                    "text",
                    body,
                    bigram_text(body),
                    "received",
                    START_MS + cid * 1000 + k,
                    1 if k == 2 else 0,
                )
            )
    con.executemany(
        "INSERT INTO message(contact_id, wamid, direction, kind, body, grams, status, sent_at, unread)"
        " VALUES (?,?,?,?,?,?,?,?,?)",
        rows,
    )
    if two_numbers:
        con.execute(
            "INSERT INTO setting(key, value) VALUES ('business_numbers', ?)",
            ('{"1001": "+82 2-555-0101", "1002": "+82 2-555-0202"}',),
        )
        con.execute("UPDATE contact SET phone_number_id = CASE id % 2 WHEN 0 THEN '1001' ELSE '1002' END")
    con.commit()
    con.close()
    return 1, 2


def shown_window(folder: Path) -> tuple[MainWindow, Database]:
    """The main window over the inbox `build` made in `folder`, 1280×800 and shown; its database."""
    from app.paths import paths_for
    from ui.context import AppContext
    from ui.main_window import MainWindow

    paths = paths_for(folder).ensure()
    db = Database(paths.database)
    window = MainWindow(AppContext(db=db, paths=paths, prefs={}))
    window.resize(1280, 800)
    window.show()
    return window, db


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=9)
    parser.add_argument(
        "--two-numbers", action="store_true", help="a shop with two WhatsApp numbers (the chats split)"
    )
    args = parser.parse_args()

    from PySide6.QtCore import QStringListModel
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtWidgets import QApplication, QListView, QStyleOptionViewItem

    app = QApplication.instance() or QApplication([])
    tmp = Path(tempfile.mkdtemp(prefix="bench-open-"))
    t = time.perf_counter()
    big, small = build(tmp / "inbox.db", args.two_numbers)
    print(
        f"built {BIG_CHAT:,}-message chat + {OTHER_CHATS} chats in {time.perf_counter() - t:.1f} s",
        flush=True,
    )

    from app.queries import messages_page

    window, db = shown_window(tmp)
    deadline = time.perf_counter() + 30
    while not window.chat_list.model.loaded_once:  # the first page is read in an op (ui/ops.py)
        if time.perf_counter() > deadline:
            raise SystemExit("the chat list never loaded")
        app.processEvents()
    view = window.chat.view
    small = window.chat_list.model.row_at(1).contact_id  # another chat on the first page

    def open_to_first_paint(contact_id: int, cold: bool) -> float:
        if cold:
            view.bubbles.clear_cache()
        start = time.perf_counter()
        if not window.chat_list.select_contact(contact_id):
            raise SystemExit(f"chat {contact_id} is not in the list")
        deadline = start + 10
        model = view.chat_model
        # The chat's page is read in an op (ui/ops.py): wait until it is in, then for its paint.
        while model.contact_id != contact_id or model.loading or model.rowCount() == 0:
            if time.perf_counter() > deadline:
                raise SystemExit("the chat's messages never arrived")
            app.processEvents()
        # A paint with the rows in (an earlier one may have shown the emptied view).
        before = view.paint_count
        view.viewport().update()
        while view.paint_count == before:
            if time.perf_counter() > deadline:
                raise SystemExit("the chat view never painted")
            app.processEvents()
        return (time.perf_counter() - start) * 1000

    times_cold, times_warm = [], []
    for _ in range(args.repeat):
        times_cold.append(open_to_first_paint(big, cold=True))
        open_to_first_paint(small, cold=False)
    for _ in range(args.repeat):
        times_warm.append(open_to_first_paint(big, cold=False))
        open_to_first_paint(small, cold=False)

    # Baseline: a bare QListView showing the same newest page as plain strings.
    with db.read() as s:
        texts = [m.body for m in messages_page(s, big, limit=50)]
    bare = QListView()
    bare.resize(view.size())
    bare.show()
    app.processEvents()
    baseline_open = []
    for _ in range(args.repeat):
        start = time.perf_counter()
        with db.read() as s:
            texts = [m.body for m in messages_page(s, big, limit=50)]
        model = QStringListModel(texts)
        bare.setModel(model)
        bare.scrollToBottom()
        bare.viewport().repaint()
        baseline_open.append((time.perf_counter() - start) * 1000)
    emit(
        "open 100k-message chat to first paint (cold layout)",
        statistics.median(times_cold),
        "ms",
        baseline=statistics.median(baseline_open),
        baseline_name="bare QListView+QStringListModel, same page",
        goal="≤ 50 ms",
    )
    emit(
        "open 100k-message chat to first paint (layout cached)",
        statistics.median(times_warm),
        "ms",
        baseline=statistics.median(baseline_open),
        baseline_name="bare QListView+QStringListModel, same page",
        goal="≤ 50 ms",
    )

    # Paint per visible row: each delegate paints the rows on screen into an image.
    window.chat_list.select_contact(big)
    while view.chat_model.loading or view.chat_model.rowCount() == 0:
        app.processEvents()
    app.processEvents()
    image = QImage(view.viewport().size(), QImage.Format.Format_ARGB32_Premultiplied)

    def paint_rows(list_view: QListView, rounds: int = 30) -> float:
        model = list_view.model()
        visible = [
            model.index(r, 0)
            for r in range(model.rowCount())
            if list_view.visualRect(model.index(r, 0)).intersects(list_view.viewport().rect())
        ]
        delegate = list_view.itemDelegate()
        option = QStyleOptionViewItem()
        option.initFrom(list_view.viewport())  # type: ignore[attr-defined]
        samples = []
        for _ in range(rounds):
            painter = QPainter(image)
            start = time.perf_counter()
            for idx in visible:
                option.rect = list_view.visualRect(idx)  # type: ignore[attr-defined]
                delegate.paint(painter, option, idx)
            samples.append((time.perf_counter() - start) * 1000 / max(1, len(visible)))
            painter.end()
        return statistics.median(samples)

    bare.setModel(QStringListModel(texts))
    bare.scrollToBottom()
    app.processEvents()
    base_row = paint_rows(bare)
    chat_row = paint_rows(view)
    list_row = paint_rows(window.chat_list.view)
    emit(
        "chat view: paint per visible row",
        chat_row,
        "ms",
        baseline=base_row,
        baseline_name="QStyledItemDelegate row of a bare QListView",
        goal="≤ 1 ms",
    )
    emit(
        "chat list: paint per visible row",
        list_row,
        "ms",
        baseline=base_row,
        baseline_name="QStyledItemDelegate row of a bare QListView",
        goal="≤ 1 ms",
    )
    if args.two_numbers:
        # The same rows with and without their number tags, alternated in this run: what the tags
        # (ui/chat_list_delegate.py, All numbers in a two-number shop) add to a row's paint.
        delegate = window.chat_list.delegate
        tags = delegate.number_tags
        assert tags, "the chat list shows no number tags"
        tagged, untagged = [], []
        for _ in range(5):
            delegate.number_tags = {}
            untagged.append(paint_rows(window.chat_list.view))
            delegate.number_tags = tags
            tagged.append(paint_rows(window.chat_list.view))
        emit(
            "chat list, two numbers: paint per visible row with number tags",
            statistics.median(tagged),
            "ms",
            baseline=statistics.median(untagged),
            baseline_name="the same rows without them",
            goal="≤ 1 ms",
        )
    window.shutdown()
    db.close()


if __name__ == "__main__":
    main()
