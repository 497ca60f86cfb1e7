"""Stock per item or item option: awaiting payment reserves, paid takes, cancelled gives back."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from app.errors import ErrorCode, OrderError, StockParams
from app.models import Order, OrderLine, Stock
from app.text import nfc

if TYPE_CHECKING:
    from app.orders import CleanLine

# What is left to promise of each counted item and option: (item id, option) → pieces.
StockLeft = Mapping[tuple[int, str], int]


@dataclass(frozen=True, slots=True)
class StockLevel:
    item_id: int
    option: str
    on_hand: int
    reserved: int

    @property
    def available(self) -> int:
        return self.on_hand - self.reserved

    @property
    def sold_out(self) -> bool:
        return self.available <= 0


@dataclass(frozen=True, slots=True)
class StockCount:
    """What the owner says of an item's own stock in the catalogue: `on_hand` pieces, or None when
    the shop does not count it (it is then never sold out)."""

    on_hand: int | None


def item_stock(session: Session, item_id: int) -> StockLevel | None:
    """The item's own count (not an option's); None when the shop does not count it."""
    row = session.scalar(select(Stock).where(Stock.item_id == item_id, Stock.option == ""))
    return None if row is None else StockLevel(item_id, "", row.on_hand, row.reserved)


def count_item(session: Session, item_id: int, count: StockCount) -> None:
    """Count the item's own stock, or stop counting it (what orders reserved is forgotten with it)."""
    if count.on_hand is not None:
        set_stock(session, item_id, count.on_hand)
        return
    row = session.scalar(select(Stock).where(Stock.item_id == item_id, Stock.option == ""))
    if row is not None:
        session.delete(row)
        session.flush()


def set_stock(session: Session, item_id: int, on_hand: int, option: str = "") -> None:
    """Count the stock of an item (or of one option, "아이보리/M"); what is reserved stays reserved."""
    option = nfc(option).strip()[:100]
    row = session.scalar(select(Stock).where(Stock.item_id == item_id, Stock.option == option))
    if row is None:
        session.add(Stock(item_id=item_id, option=option, on_hand=max(0, on_hand), reserved=0))
    else:
        row.on_hand = max(0, on_hand)
    session.flush()


def stock_levels(session: Session, item_ids: Iterable[int] | None = None) -> list[StockLevel]:
    stmt = select(Stock.item_id, Stock.option, Stock.on_hand, Stock.reserved).order_by(
        Stock.item_id, Stock.option
    )
    if item_ids is not None:
        stmt = stmt.where(Stock.item_id.in_(list(item_ids)))
    return [StockLevel(i, o, h, r) for i, o, h, r in session.execute(stmt)]


def stock_left(session: Session, item_ids: Iterable[int]) -> dict[tuple[int, str], int]:
    """What is left to promise of the counted items and options of `item_ids` (uncounted ones are absent)."""
    return {(level.item_id, level.option): level.available for level in stock_levels(session, item_ids)}


# What is left to promise of one item: option → pieces ("" the item's own count); items nobody
# counts have none.
OptionsLeft = Mapping[str, int]


def options_left(session: Session, item_ids: Iterable[int]) -> dict[int, dict[str, int]]:
    """Item id → what is left of each of its counted options ("" its own count); uncounted items absent."""
    found: dict[int, dict[str, int]] = {}
    for level in stock_levels(session, item_ids):
        found.setdefault(level.item_id, {})[level.option] = max(0, level.available)
    return found


def left_for(counts: OptionsLeft | None, option: str) -> int | None:
    """What is left of `option` of an item with these counts, as a line draws on it (`stock_row`): its
    option's count, else the item's own; None when nobody counts it."""
    if not counts:
        return None
    option = nfc(option).strip()[:100]
    for name in dict.fromkeys((option, "")):
        if name in counts:
            return counts[name]
    return None


def first_shortage(left: StockLeft, lines: Iterable[CleanLine]) -> StockParams | None:
    """The first count that `lines` together want more of than is left, as asking for payment would
    refuse it; each line draws on its option's count, else the item's own (as `_stock_row`)."""
    wanted: dict[tuple[int, str], int] = {}
    names: dict[tuple[int, str], str] = {}
    for line in lines:
        if line.item_id is None:
            continue
        option = nfc(line.option).strip()[:100]
        key = next(
            ((line.item_id, o) for o in dict.fromkeys((option, "")) if (line.item_id, o) in left), None
        )
        if key is None:
            continue  # nobody counts it: never short
        wanted[key] = wanted.get(key, 0) + line.quantity
        names.setdefault(key, f"{line.name} {line.option}".strip())
    for key, quantity in wanted.items():
        if quantity > left[key]:
            return StockParams(names[key], quantity, max(0, left[key]))
    return None


def _stock_row(session: Session, line: OrderLine) -> Stock | None:
    return stock_row(session, line.item_id, line.option)


def stock_row(session: Session, item_id: int | None, option: str) -> Stock | None:
    """The count a line of `item_id` with `option` draws on: its option's, else the item's own; None
    when nobody counts it."""
    if item_id is None:
        return None
    for name in dict.fromkeys((option, "")):
        row = session.scalar(select(Stock).where(Stock.item_id == item_id, Stock.option == name))
        if row is not None:
            return row
    return None


def _take(session: Session, row: Stock, line: OrderLine, column: str) -> None:
    """Reserve (column "reserved") or take (column "on_hand") `line.quantity` if that many are free.

    One conditional UPDATE, so two orders can never both get the last item.
    """
    q = line.quantity
    values = {"reserved": Stock.reserved + q} if column == "reserved" else {"on_hand": Stock.on_hand - q}
    done = session.execute(
        update(Stock)
        .where(Stock.id == row.id, Stock.on_hand - Stock.reserved >= q)
        .values(**values)
        .execution_options(synchronize_session=False)
    )
    session.refresh(row)
    if done.rowcount != 1:  # type: ignore[attr-defined]
        name = f"{line.name} {line.option}".strip()
        raise OrderError(
            ErrorCode.ORDER_OUT_OF_STOCK, StockParams(name, q, max(0, row.on_hand - row.reserved))
        )


def reserve_stock(session: Session, order: Order) -> None:
    """Hold the order's items for it while it awaits payment; raises OrderError when one is short."""
    for line in order.lines:
        row = _stock_row(session, line)
        if row is not None and line.stock == "":
            _take(session, row, line, "reserved")
            line.stock = "reserved"


def commit_stock(session: Session, order: Order) -> None:
    """The order is paid: what it held leaves the shelf (taken now if it was never reserved)."""
    for line in order.lines:
        row = _stock_row(session, line)
        if row is None or line.stock == "committed":
            continue
        if line.stock == "reserved":
            session.execute(
                update(Stock)
                .where(Stock.id == row.id)
                .values(reserved=Stock.reserved - line.quantity, on_hand=Stock.on_hand - line.quantity)
                .execution_options(synchronize_session=False)
            )
            session.refresh(row)
        else:
            _take(session, row, line, "on_hand")
        line.stock = "committed"


def release_stock(session: Session, order: Order) -> None:
    """The order was cancelled (or its deadline passed): what it held is free again."""
    for line in order.lines:
        row = _stock_row(session, line)
        if row is None or line.stock == "":
            continue
        values = (
            {"reserved": Stock.reserved - line.quantity}
            if line.stock == "reserved"
            else {"on_hand": Stock.on_hand + line.quantity}
        )
        session.execute(
            update(Stock)
            .where(Stock.id == row.id)
            .values(**values)
            .execution_options(synchronize_session=False)
        )
        session.refresh(row)
        line.stock = ""


def items_left(session: Session, item_ids: Iterable[int] | None = None) -> dict[int, int]:
    """Pieces left to promise of each counted item (its own count and its options' together, none
    below zero); items nobody counts are absent. 0 is exactly the items `counted_out_items` names."""
    left: dict[int, int] = {}
    for level in stock_levels(session, item_ids):
        left[level.item_id] = left.get(level.item_id, 0) + max(0, level.available)
    return left


def counted_out_items(session: Session) -> set[int]:
    """Items whose every counted option has nothing left to promise (items nobody counts never are).
    Not "sold out" by itself: an item may still sell options nobody counts; that is decided by
    `app.item_options.sold_out_among`, which starts from these."""
    free: dict[int, int] = {}
    for item_id, on_hand, reserved in session.execute(select(Stock.item_id, Stock.on_hand, Stock.reserved)):
        free[item_id] = max(free.get(item_id, 0), on_hand - reserved)
    return {item_id for item_id, left in free.items() if left <= 0}
