"""The temporal stage on the test cases of two other temporal taggers (ja-timex, Duckling), as conformance data.

Every case's outcome is checked in (`fixtures/peer-temporal/outcomes.csv`): a case that turns wrong, or stops
being read, fails the test; one that becomes correct is recorded by updating the file. The figures per suite
and family are printed by `python tests/peer_temporal.py`.
"""

from __future__ import annotations

import csv

import pytest

from nichibei.pipeline import build_tables

import peer_temporal as pt

CASES = pt.load_cases()
with (pt.PEER_FIXTURES / "outcomes.csv").open(encoding="utf-8") as fh:
    EXPECTED = {row["id"]: row for row in csv.DictReader(fh)}


@pytest.fixture(scope="module")
def outcomes(tmp_path_factory) -> dict[str, str]:
    folder = tmp_path_factory.mktemp("peer-temporal")
    pt.write_documents(CASES, folder)
    return pt.outcomes(build_tables(folder), CASES)


def test_every_case_has_a_recorded_outcome():
    assert set(EXPECTED) == {c["id"] for c in CASES}


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c['id']}:{c['expression']}")
def test_case_outcome(outcomes, case):
    assert outcomes[case["id"]] == EXPECTED[case["id"]]["outcome"], (case["expression"], case["expected"])


@pytest.mark.parametrize(("expected", "kind", "value", "verdict"), [
    pytest.param({"type": "date", "value": "2013-02-15"}, "date", "2013-02-15", True, id="same-day"),
    pytest.param({"type": "date", "value": "2013-02"}, "date", "2013-02-15", True, id="finer-value-at-the-grain"),
    pytest.param({"type": "date", "value": "2013-02-15"}, "month", "2013-02", None, id="coarser-value-is-a-miss"),
    pytest.param({"type": "date", "value": "2021-W29"}, "date", "2021-07-21", True, id="iso-week"),
    pytest.param({"type": "datetime", "value": "2013-02-12T15:20"}, "datetime", "2013-02-12T03:20:00-05:00", False,
                 id="wrong-clock"),
    pytest.param({"type": "datetime", "value": "2013-02-12T15:20"}, "time", "15:20", None, id="clock-without-day"),
    pytest.param({"type": "time", "value": "21:00"}, "time", "09:00", False, id="wrong-half-of-the-day"),
    pytest.param({"type": "duration", "value": "PT30M"}, "duration", "PT0.5H", True, id="duration-in-other-units"),
    pytest.param({"type": "duration", "value": "PT30M"}, "date", "2013-02-12", False, id="date-for-a-length"),
    pytest.param({"type": "duration", "value": "P14M"}, "duration", "P1Y2M", True, id="years-and-months"),
])
def test_how_a_value_is_judged(expected, kind, value, verdict):
    assert pt._agrees(expected, kind, value) is verdict
