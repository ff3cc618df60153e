"""The quality report: its figures, and that the Markdown and the dictionary say the same."""

from __future__ import annotations

import datetime as dt
import json

import polars as pl
import pytest

import schemas
from nichibei.release.quality import quality_report


def _tables(meetings: list[dict], rejections: list[dict]) -> dict[str, pl.DataFrame]:
    tables = {name: schemas.empty_frame(name) for name in schemas.TABLES}
    if meetings:
        tables["meetings"] = pl.DataFrame(meetings, schema=schemas.polars_schema("meetings"))
    if rejections:
        tables["rejections"] = pl.DataFrame(rejections, schema=schemas.polars_schema("rejections"))
    return tables


def _meeting(mid: str, mtype: str, d: dt.date | None, city: str | None) -> dict:
    return {"meeting_id": mid, "meeting_type": mtype, "date_local": d, "start_utc": None, "tz_local": None,
            "city": city, "city_ja": None, "country_code": None, "venue": None, "duration_minutes": None,
            "n_sources": 1}


@pytest.mark.parametrize(
    ("meetings", "rejections", "per_type_year", "city_null_rate", "reasons"),
    [
        pytest.param([_meeting("a", "summit", dt.date(2023, 1, 13), "Washington"),
                      _meeting("b", "summit", dt.date(2024, 4, 10), None),
                      _meeting("c", "2plus2", None, "東京")],
                     [{"source_file": "x.txt", "stage": "decode", "reason": "undecodable", "detail": "bytes"}],
                     [{"meeting_type": "2plus2", "year": None, "n": 1},
                      {"meeting_type": "summit", "year": 2023, "n": 1},
                      {"meeting_type": "summit", "year": 2024, "n": 1}],
                     0.3333, [{"stage": "decode", "reason": "undecodable", "n": 1}], id="three-meetings-unicode"),
        pytest.param([], [], [], 0.0, [], id="empty-release"),
    ],
)
def test_figures(meetings, rejections, per_type_year, city_null_rate, reasons):
    text, figures = quality_report(_tables(meetings, rejections))
    assert figures["meetings_per_type_and_year"] == per_type_year
    assert figures["null_rates"]["meetings"]["city"] == city_null_rate
    assert figures["rejections_by_reason"] == reasons
    assert figures["row_counts"]["meetings"] == len(meetings)
    json.dumps(figures)  # the twin is plain JSON
    assert text.startswith("# Quality report")
    assert f"| meetings | {len(meetings)} |" in text
    for r in reasons:
        assert f"| {r['stage']} | {r['reason']} | {r['n']} |" in text
