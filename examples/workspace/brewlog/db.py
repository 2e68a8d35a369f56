"""The SQLite store that replaces the CSV log (see the plan 2026-03-10_store-readings-in-sqlite)."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

from .readings import Reading

SCHEMA_VERSION = 1

SCHEMA = """
CREATE TABLE IF NOT EXISTS readings (
    id        INTEGER PRIMARY KEY,
    batch     TEXT    NOT NULL,
    taken_at  TEXT    NOT NULL,
    -- Thousandths of specific gravity (1.050 is stored as 1050): REAL would print 1.05.
    gravity   INTEGER NOT NULL,
    temp_c    REAL,
    note      TEXT    NOT NULL DEFAULT '',
    UNIQUE (batch, taken_at)
);
"""


def connect(path: Path) -> sqlite3.Connection:
    """Open the store, creating the schema when the file is new; safe to call on every run."""
    conn = sqlite3.connect(path)
    conn.executescript(SCHEMA)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    return conn


def insert(conn: sqlite3.Connection, reading: Reading) -> bool:
    """Store one reading; returns False when the batch already has a reading at that time."""
    cur = conn.execute(
        "INSERT OR IGNORE INTO readings (batch, taken_at, gravity, temp_c, note) VALUES (?, ?, ?, ?, ?)",
        (
            reading.batch,
            reading.taken_at.isoformat(timespec="minutes"),
            round(reading.gravity * 1000),
            reading.temp_c,
            reading.note,
        ),
    )
    return cur.rowcount == 1


def all_readings(conn: sqlite3.Connection) -> list[Reading]:
    """Every stored reading, oldest first."""
    rows = conn.execute(
        "SELECT batch, taken_at, gravity, temp_c, note FROM readings ORDER BY taken_at, id"
    )
    return [
        Reading(batch, datetime.fromisoformat(taken_at), gravity / 1000, temp_c, note)
        for batch, taken_at, gravity, temp_c, note in rows
    ]
