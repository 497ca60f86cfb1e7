"""Every option (size, colour) an item is known in, counted or not, with what is left of each."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import OrderLine
from app.stock import counted_out_items, left_for, options_left
from app.text import nfc

# Clothing sizes in the order a shop lists them (S before M before L), not the alphabet's.
SIZE_ORDER = ("XXS", "XS", "S", "M", "L", "XL", "XXL", "2XL", "XXXL", "3XL", "4XL", "5XL")
# "FREE"/"F"/"ONE SIZE" (프리 사이즈): a size that fits all, after the measured ones.
FREE_SIZES = ("F", "FREE", "ONE SIZE", "OS", "프리")


@dataclass(frozen=True, slots=True)
class ItemOption:
    """One option of an item: `left` pieces to promise (None: the shop does not count it);
    `shared` when it draws on the item's own count (the shop counts the item, not each size)."""

    option: str
    left: int | None
    shared: bool = False

    @property
    def sold_out(self) -> bool:
        return self.left is not None and self.left <= 0


def _size_key(option: str) -> tuple[int, float, str]:
    upper = option.upper()
    if upper in SIZE_ORDER:
        return (0, SIZE_ORDER.index(upper), "")
    if re.fullmatch(r"\d+(\.\d+)?", option):  # shoe and waist sizes: 230, 240 … 28, 30
        return (1, float(option), "")
    if upper in FREE_SIZES:
        return (2, 0, "")
    return (3, 0, option.casefold())


def sorted_options(options: Iterable[str]) -> list[str]:
    """Options in the order a shop lists them: S, M, L, XL; 230, 240; then the rest by name."""
    return sorted(dict.fromkeys(options), key=_size_key)


def item_options(
    session: Session, item_ids: Sequence[int], also: Iterable[tuple[int, str]] = ()
) -> dict[int, tuple[ItemOption, ...]]:
    """Item id → every option it is known in: the counted ones, the ones it was ever ordered in
    (a shop that counts only some sizes, or none, still sells the others), and `also` ((item id,
    option) pairs, e.g. the size a customer sends back); each with what is left of it as a line in
    it would draw on it (`app.stock.left_for`). Items with no known option are absent."""
    ids = list(dict.fromkeys(item_ids))
    counts = options_left(session, ids)
    names: dict[int, set[str]] = {}
    for item_id, option_counts in counts.items():
        names.setdefault(item_id, set()).update(o for o in option_counts if o)
    for start in range(0, len(ids), 500):
        rows = session.execute(
            select(OrderLine.item_id, OrderLine.option)
            .where(OrderLine.item_id.in_(ids[start : start + 500]), OrderLine.option != "")
            .distinct()
        )
        for line_item, line_option in rows:
            if line_item is not None:
                names.setdefault(line_item, set()).add(line_option)
    for item_id, option in also:
        if (option := nfc(option).strip()[:100]) and item_id in ids:
            names.setdefault(item_id, set()).add(option)
    found: dict[int, tuple[ItemOption, ...]] = {}
    for item_id, options in names.items():
        own = counts.get(item_id, {})
        found[item_id] = tuple(
            ItemOption(option, left_for(own, option), shared=option not in own and "" in own)
            for option in sorted_options(options)
        )
    return found


def nothing_left(own_left: int | None, options: Sequence[ItemOption]) -> bool:
    """Whether an item is sold out, from what is left of its own count (None: not counted as a
    whole) and its `options`: every count it has is promised, and nothing sells uncounted (an option
    nobody counts draws on the item's own count, or, without one, sells freely)."""
    counted = [o.left for o in options if o.left is not None and not o.shared]
    if own_left is not None:
        return own_left <= 0 and all(left <= 0 for left in counted)
    return bool(counted) and len(counted) == len(options) and all(left <= 0 for left in counted)


def sold_out_among(
    session: Session,
    item_ids: Sequence[int] | None = None,
    options: dict[int, tuple[ItemOption, ...]] | None = None,
) -> set[int]:
    """Of these items (None: the whole catalogue), those with nothing left to sell: every counted
    option promised, and no option nobody counts (a shop counting only S and M still sells the L it
    never counted). The one rule of "sold out": the catalogue window, the picker, the order form,
    catalogue messages and the feed Meta reads all ask it. `options`: their `item_options`, when
    already read."""
    counted_out = counted_out_items(session)
    if item_ids is not None:
        counted_out &= set(item_ids)
    if not counted_out:
        return set()
    known = options if options is not None else item_options(session, sorted(counted_out))
    own = options_left(session, sorted(counted_out))
    return {i for i in counted_out if nothing_left(own.get(i, {}).get(""), known.get(i, ()))}
