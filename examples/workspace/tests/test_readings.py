from datetime import datetime

from brewlog.readings import Reading, append, load, normalize_gravity


def test_gravity_points_are_scaled():
    assert normalize_gravity(1050) == 1.05
    assert normalize_gravity(1.05) == 1.05


def test_append_then_load_round_trips(tmp_path):
    log = tmp_path / "readings.csv"
    first = Reading("stout-01", datetime(2026, 1, 12, 20, 0), 1.064, 19.5, "pitched S-04")
    append(log, first)
    append(log, Reading("stout-01", datetime(2026, 1, 19, 8, 0), 1.016))
    rows = load(log)
    assert rows[0] == first
    assert rows[1].temp_c is None
    assert log.read_text(encoding="utf-8").count("batch,taken_at") == 1


def test_a_missing_log_holds_no_readings(tmp_path):
    assert load(tmp_path / "absent.csv") == []
