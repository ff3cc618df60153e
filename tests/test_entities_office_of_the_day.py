"""An office named without a name: the holder on the document's date ("the Prime Minister of Japan", a White House
page's "the president")."""

from __future__ import annotations

import datetime as dt

import polars as pl
import pytest

from nichibei.extract.entities.resolve import load_reference, resolve_entities

REF = load_reference()


@pytest.mark.parametrize(("text", "home", "on", "expected"), [
    pytest.param("He had spoken with the Prime Minister of Japan this morning.", None, dt.date(2021, 1, 27),
                 [("Prime Minister of Japan", "person:suga_yoshihide")], id="office-of-the-country-named"),
    pytest.param("Tomorrow, the president will meet Prime Minister Ishiba in Lima.", "US", dt.date(2024, 11, 14),
                 [("president", "person:biden_joe"), ("Prime Minister Ishiba", "person:ishiba_shigeru")],
                 id="the-president-of-a-white-house-page"),
    pytest.param("Tomorrow, the president will meet the press.", None, dt.date(2024, 11, 14), [],
                 id="no-publisher-no-country-no-holder"),
    pytest.param("The Secretary of Energy spoke.", "US", dt.date(2024, 11, 14), [], id="another-office-after-of"),
    pytest.param("He met the president of the company.", "US", dt.date(2024, 11, 14), [],
                 id="of-something-not-a-country"),
    pytest.param("The president said so.", "US", None, [], id="no-date-no-holder"),
])
def test_office_of_the_day(text, home, on, expected):
    docs = pl.DataFrame({"doc_id": ["d"], "text": [text], "reference_date": [on], "home_country": [home]},
                        schema={"doc_id": pl.Utf8, "text": pl.Utf8, "reference_date": pl.Date, "home_country": pl.Utf8})
    mentions, _ = resolve_entities(docs, REF)
    people = mentions.filter(pl.col("entity_type") == "person").select("surface", "entity_id").rows()
    assert people == expected
