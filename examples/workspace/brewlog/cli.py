"""The brewlog command line: log, list and abv."""

from __future__ import annotations

import argparse
import os
import sys
from datetime import datetime
from pathlib import Path

from . import readings
from .abv import batch_abv, format_abv


def log_path() -> Path:
    """The CSV log: $BREWLOG_FILE, else readings.csv in the current folder."""
    return Path(os.environ.get("BREWLOG_FILE", "readings.csv"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="brewlog", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)

    log = sub.add_parser("log", help="record a reading")
    log.add_argument("batch")
    log.add_argument("gravity", type=float)
    log.add_argument("--temp", type=float, dest="temp_c")
    log.add_argument("--note", default="")

    ls = sub.add_parser("list", help="print the readings of a batch, or of all batches")
    ls.add_argument("batch", nargs="?")

    ab = sub.add_parser("abv", help="print a batch's alcohol by volume")
    ab.add_argument("batch")

    args = parser.parse_args(argv)
    path = log_path()

    if args.command == "log":
        reading = readings.Reading(
            batch=args.batch,
            taken_at=datetime.now().replace(second=0, microsecond=0),
            gravity=readings.normalize_gravity(args.gravity),
            temp_c=args.temp_c,
            note=args.note,
        )
        readings.append(path, reading)
        print(f"{reading.batch}: {reading.gravity:.3f} recorded")
        return 0

    rows = readings.load(path)
    if args.command == "list":
        for r in rows:
            if args.batch is None or r.batch == args.batch:
                print(f"{r.batch}  {r.taken_at:%Y-%m-%d %H:%M}  {r.gravity:.3f}  {r.note}".rstrip())
        return 0

    try:
        value = batch_abv(rows, args.batch)
    except ValueError as err:
        print(f"brewlog: {err}", file=sys.stderr)
        return 1
    print(f"{args.batch}: {format_abv(value)} ABV")
    return 0


if __name__ == "__main__":
    sys.exit(main())
