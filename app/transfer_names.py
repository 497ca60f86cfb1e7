"""How a shop's country's bank transfers say whose they are: the payer's name, as Korea's 입금자명
(and Japan's 振込名義), or the payment reference the customer types, as in Britain and America."""

from __future__ import annotations

# Countries whose shops match a transfer to its order by the name it came under. Elsewhere a
# transfer carries a reference ("2026-0007", "Amy C") and a shop asks for that, not a name.
NAME_COUNTRIES = frozenset({"KR", "JP"})


def transfers_named(shop_region: str) -> bool:
    """A shop in `shop_region` knows a transfer by its payer's name (입금자명), not a reference."""
    return shop_region.upper() in NAME_COUNTRIES
