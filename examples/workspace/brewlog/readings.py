"""Gravity readings and the CSV log that stores them."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

FIELDS = ("batch", "taken_at", "gravity", "temp_c", "note")


@dataclass(frozen=True)
class Reading:
    """One hydrometer reading of one batch."""

    batch: str
    taken_at: datetime
    gravity: float
    temp_c: float | None = None
    note: str = ""


def normalize_gravity(value: float) -> float:
    """Specific gravity from either form hydrometer apps export: 1.050, or 1050 "gravity points"."""
    return value / 1000 if value > 2 else value


def parse_row(row: dict[str, str]) -> Reading:
    """A reading from one CSV row; raises ValueError naming the field that cannot be read."""
    try:
        gravity = normalize_gravity(float(row["gravity"]))
    except ValueError:
        raise ValueError(f"gravity {row['gravity']!r} is not a number") from None
    temp = row.get("temp_c") or ""
    return Reading(
        batch=row["batch"].strip(),
        taken_at=datetime.fromisoformat(row["taken_at"]),
        gravity=gravity,
        temp_c=float(temp) if temp else None,
        note=(row.get("note") or "").strip(),
    )


def load(path: Path) -> list[Reading]:
    """Every reading in the log, in file order; an absent log holds none."""
    if not path.exists():
        return []
    with path.open(newline="", encoding="utf-8") as f:
        return [parse_row(row) for row in csv.DictReader(f)]


def append(path: Path, reading: Reading) -> None:
    """Add one reading at the end of the log, writing the header when the file is new."""
    new = not path.exists()
    with path.open("a", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=FIELDS)
        if new:
            writer.writeheader()
        writer.writerow(
            {
                "batch": reading.batch,
                "taken_at": reading.taken_at.isoformat(timespec="minutes"),
                "gravity": f"{reading.gravity:.3f}",
                "temp_c": "" if reading.temp_c is None else f"{reading.temp_c:g}",
                "note": reading.note,
            }
        )
