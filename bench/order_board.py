"""The orders board with 10,000 orders: open to first painted cards, vs bare list views of the same numbers."""

from __future__ import annotations

import argparse
import os
import random
import sqlite3
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from app.db import Database
from bench.report import emit

ORDERS = 10_000
START_MS = 1_795_000_000_000  # late 2026
STATES = ("new", "awaiting_payment", "paid", "shipped", "done", "cancelled")
ITEMS = ("린넨 셔츠 아이보리 M", "린넨 셔츠 네이비 L", "에코백", "머그컵 세트", "Cotton tee")


def build(path: Path, orders: int, *, add_customers: bool = True) -> None:
    """`orders` orders of 1–4 lines across 2,000 customers, newest in the last few days.
    Without `add_customers` they go to the database's own contacts 1–2,000 (bench/big_shop.py)."""
    Database.open(path).close()
    con = sqlite3.connect(path)
    con.execute("PRAGMA synchronous=OFF")
    rng = random.Random(9)
    if add_customers:
        con.executemany(
            "INSERT INTO contact(id, wa_id, profile_name, created_at) VALUES (?, ?, ?, ?)",
            [(i, f"8210{i:08d}", f"고객 {i}", START_MS) for i in range(1, 2001)],
        )
    order_rows, line_rows = [], []
    for n in range(1, orders + 1):
        at = START_MS - (orders - n) * 600_000  # one every 10 minutes
        state = rng.choices(STATES, weights=(15, 15, 10, 10, 40, 10))[0]
        lines = [
            (rng.choice(ITEMS), rng.randint(1, 3), rng.choice((12000, 29000, 35000)))
            for _ in range(rng.randint(1, 4))
        ]
        total = sum(q * p for _name, q, p in lines) + 3000
        due = at + 3 * 86_400_000 if state == "awaiting_payment" else None
        order_rows.append(
            (
                n,
                f"2026-{n:04d}",
                2026,
                n,
                rng.randint(1, 2000),
                "chat",
                state,
                "KRW",
                total - 3000,
                3000,
                0,
                0,
                total,
                due,
                at,
                at,
            )
        )
        for position, (name, q, p) in enumerate(lines):
            line_rows.append((n, position, f"SKU-{name[:2]}", name, q, p, "KRW"))
    con.executemany(
        'INSERT INTO "order"(id, number, year, seq, contact_id, source, state, currency, subtotal_minor,'
        " shipping_minor, surcharge_minor, discount_minor, total_minor, payment_due_at, created_at, updated_at)"
        " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        order_rows,
    )
    con.executemany(
        "INSERT INTO order_line(order_id, position, code, name, quantity, unit_price_minor, currency)"
        " VALUES (?,?,?,?,?,?,?)",
        line_rows,
    )
    con.commit()
    con.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--orders", type=int, default=ORDERS)
    args = parser.parse_args()

    from PySide6.QtCore import QStringListModel
    from PySide6.QtWidgets import QApplication, QHBoxLayout, QListView, QStyledItemDelegate, QWidget

    app = QApplication.instance() or QApplication([])
    tmp = Path(tempfile.mkdtemp(prefix="bench-orders-"))
    t = time.perf_counter()
    from app.paths import paths_for

    paths = paths_for(tmp).ensure()
    build(paths.database, args.orders)
    print(f"built {args.orders:,} orders in {time.perf_counter() - t:.1f} s", flush=True)

    from ui.context import AppContext
    from ui.order_board import OrderBoard
    from ui.order_card_delegate import OrderCardDelegate

    db = Database(paths.database)
    ctx = AppContext(db=db, paths=paths, prefs={})

    # The views that painted a row since the clock started (the board's cards, the bare lists' rows).
    painted: set[int] = set()
    card_paint = OrderCardDelegate.paint

    def counted_card_paint(self: OrderCardDelegate, painter: Any, option: Any, index: Any) -> None:
        card_paint(self, painter, option, index)
        painted.add(id(option.widget))

    OrderCardDelegate.paint = counted_card_paint  # type: ignore[method-assign]

    class CountingDelegate(QStyledItemDelegate):
        def paint(self, painter: Any, option: Any, index: Any) -> None:
            super().paint(painter, option, index)
            painted.add(id(option.widget))

    counting = CountingDelegate()

    def board_to_first_paint() -> float:
        painted.clear()
        start = time.perf_counter()
        board = OrderBoard(ctx)
        board.show()
        deadline = start + 20
        while not board.loaded_once:
            if time.perf_counter() > deadline:
                raise SystemExit("the board never loaded")
            app.processEvents()
        # A list view lays its rows out after a reset, on a later turn of the event loop: the clock
        # stops when every column that has cards has painted one, not at a repaint() of empty views.
        want = sum(1 for model in board.columns.values() if model.rowCount())
        while len(painted) < want:
            if time.perf_counter() > deadline:
                raise SystemExit("the board never painted its cards")
            app.processEvents()
        elapsed = (time.perf_counter() - start) * 1000
        shown = sum(model.rowCount() for model in board.columns.values())
        board.close()
        board.deleteLater()
        app.processEvents()
        if shown == 0:
            raise SystemExit("the board showed no cards")
        return elapsed

    def bare_to_first_paint() -> float:
        """Six bare list views of the same orders' numbers, read with one plain query."""
        painted.clear()
        start = time.perf_counter()
        with db.read() as s:
            rows = (
                s.connection()
                .exec_driver_sql('SELECT state, number FROM "order" ORDER BY created_at DESC')
                .all()
            )
        by_state: dict[str, list[str]] = {state: [] for state in STATES}
        for state, number in rows:
            by_state[state].append(number)
        window = QWidget()
        layout = QHBoxLayout(window)
        for state in STATES:
            view = QListView(window)
            view.setUniformItemSizes(True)
            view.setModel(QStringListModel(by_state[state], view))
            view.setItemDelegate(counting)
            layout.addWidget(view)
        window.resize(1280, 720)
        window.show()
        want = sum(1 for state in STATES if by_state[state])
        deadline = start + 20
        while len(painted) < want:
            if time.perf_counter() > deadline:
                raise SystemExit("the bare lists never painted")
            app.processEvents()
        elapsed = (time.perf_counter() - start) * 1000
        window.close()
        window.deleteLater()
        app.processEvents()
        return elapsed

    board_to_first_paint()  # warm imports and caches once
    bare_to_first_paint()
    board_times, bare_times = [], []
    for _ in range(args.repeat):
        board_times.append(board_to_first_paint())
        bare_times.append(bare_to_first_paint())
    emit(
        f"orders board with {args.orders:,} orders: open to first painted cards",
        statistics.median(board_times),
        "ms",
        baseline=statistics.median(bare_times),
        baseline_name="six bare QListViews of the same order numbers",
        goal="< 50 ms",
    )
    db.close()


if __name__ == "__main__":
    main()
