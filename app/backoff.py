"""Capped exponential backoff with jitter, shared by the sync worker and the outbox sender."""

from __future__ import annotations

import random


def backoff_delay(
    attempt: int, *, base: float = 1.0, cap: float = 60.0, rng: random.Random | None = None
) -> float:
    """Seconds to wait before attempt `attempt + 1`: up to `base` at first, doubling to `cap`, jittered."""
    ceiling = min(cap, base * (2 ** max(0, attempt - 1)))
    return (rng or random).uniform(ceiling / 2, ceiling)
