from datetime import datetime
from pathlib import Path

import pytest

from brewlog.abv import abv, batch_abv, format_abv
from brewlog.readings import Reading, load

SAMPLE = Path(__file__).parent.parent / "data" / "sample-readings.csv"


def test_abv_of_a_typical_pale_ale():
    assert abv(1.052, 1.012) == pytest.approx(5.25)


def test_abv_refuses_a_final_gravity_above_the_original():
    with pytest.raises(ValueError, match="above original gravity"):
        abv(1.010, 1.050)


def test_batch_abv_uses_first_and_latest_reading_whatever_the_file_order():
    rows = [
        Reading("b", datetime(2026, 2, 2, 9, 0), 1.012),
        Reading("b", datetime(2026, 1, 24, 18, 30), 1.052),
        Reading("b", datetime(2026, 1, 28, 8, 15), 1.021),
    ]
    assert batch_abv(rows, "b") == pytest.approx(5.25)


def test_batch_abv_needs_two_readings():
    with pytest.raises(ValueError, match="at least two readings"):
        batch_abv([Reading("b", datetime(2026, 1, 24), 1.052)], "b")


def test_sample_log_including_gravity_points():
    rows = load(SAMPLE)
    assert batch_abv(rows, "pale-ale-07") == pytest.approx(5.25)
    assert batch_abv(rows, "saison-02") == pytest.approx(7.35)


def test_format_abv_rounds_halves_up():
    assert format_abv(5.25) == "5.3%"
    assert format_abv(7.35) == "7.4%"
    assert format_abv(4.0) == "4.0%"
