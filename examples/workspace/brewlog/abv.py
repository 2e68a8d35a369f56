"""Alcohol by volume from gravity readings."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from .readings import Reading

# The usual homebrew approximation: ABV = (OG - FG) x 131.25.
ABV_FACTOR = 131.25


def abv(original_gravity: float, final_gravity: float) -> float:
    """Percent alcohol by volume, rounded to two decimals."""
    if final_gravity > original_gravity:
        raise ValueError(
            f"final gravity {final_gravity:.3f} is above original gravity {original_gravity:.3f}"
        )
    return round((original_gravity - final_gravity) * ABV_FACTOR, 2)


def batch_abv(readings: list[Reading], batch: str) -> float:
    """ABV of one batch: its first reading is the original gravity, its latest the final one."""
    taken = sorted((r for r in readings if r.batch == batch), key=lambda r: r.taken_at)
    if len(taken) < 2:
        raise ValueError(f"batch {batch!r} needs at least two readings, has {len(taken)}")
    return abv(taken[0].gravity, taken[-1].gravity)


def format_abv(value: float) -> str:
    """ABV with one decimal, halves rounded up as brewing calculators do (5.25 -> "5.3%")."""
    return f"{Decimal(str(value)).quantize(Decimal('0.1'), rounding=ROUND_HALF_UP)}%"
