from datetime import datetime

from brewlog.db import all_readings, connect, insert
from brewlog.readings import Reading


def test_insert_is_idempotent_per_batch_and_time(tmp_path):
    conn = connect(tmp_path / "brewlog.db")
    reading = Reading("pale-ale-07", datetime(2026, 1, 24, 18, 30), 1.052, 20.0, "pitched US-05")
    assert insert(conn, reading) is True
    assert insert(conn, reading) is False
    assert all_readings(conn) == [reading]


def test_gravity_keeps_three_decimals(tmp_path):
    conn = connect(tmp_path / "brewlog.db")
    insert(conn, Reading("b", datetime(2026, 3, 1, 8, 0), 1.050))
    assert conn.execute("SELECT gravity FROM readings").fetchone() == (1050,)
    assert all_readings(conn)[0].gravity == 1.05


def test_connect_twice_keeps_the_data(tmp_path):
    path = tmp_path / "brewlog.db"
    with connect(path) as conn:
        insert(conn, Reading("b", datetime(2026, 3, 1, 8, 0), 1.050))
    conn.close()
    again = connect(path)
    assert [r.batch for r in all_readings(again)] == ["b"]
