"""`meeting_field_values`: where the reports of one meeting disagree on a field, every value with its document and
offsets, the one `meetings` publishes marked chosen, and the rule that chose it."""

from __future__ import annotations

import datetime as dt

import polars as pl
import pytest

from nichibei import pipeline
from nichibei.extract.meetings.merge import merge_meetings
from nichibei.extract.meetings.records import DocMeeting, Participant
from nichibei.release.quality import quality_figures

UTC = dt.timezone.utc
KISHIDA = Participant("person:kishida", "prime_minister", "JP", "principal", False, "", 0, 2)


def report(doc: str, primary: bool = True, **fields) -> DocMeeting:
    """A summit on 2023-05-18 as document `doc` reports it (evidence 0–10), with the fields given."""
    spans = fields.pop("spans", {})
    values = {f: fields.get(f) for f in ("start_utc", "tz_local", "city", "city_ja", "country_code", "venue",
                                         "duration_minutes")}
    return DocMeeting(doc, primary, "summit", dt.date(2023, 5, 18), **values, evidence_start=0, evidence_end=10,
                      participants=[KISHIDA], mode=fields.get("mode"), field_spans=spans)


# reports → published value of the field, and the rows: (field, value, doc, start, end, chosen, rule)
CASES = [
    pytest.param(
        [report("a", duration_minutes=120, spans={"duration_minutes": (3, 7)}), report("b", duration_minutes=90)],
        ("duration_minutes", 120),
        [("duration_minutes", "120", "a", 3, 7, True, "first_by_doc_id"),
         ("duration_minutes", "90", "b", 0, 10, False, "first_by_doc_id")],
        id="two documents about the meeting: the first by doc_id"),
    pytest.param(
        [report("a", primary=False, duration_minutes=120), report("b", duration_minutes=90)],
        ("duration_minutes", 90),
        [("duration_minutes", "120", "a", 0, 10, False, "primary_report"),
         ("duration_minutes", "90", "b", 0, 10, True, "primary_report")],
        id="the document about the meeting over one that mentions it"),
    pytest.param(
        [report("a", duration_minutes=90), report("b", duration_minutes=90), report("c", duration_minutes=None)],
        ("duration_minutes", 90), [], id="agreeing values and a silent one: no rows"),
    pytest.param(
        [report("a", country_code="JP", tz_local="Asia/Tokyo"),
         report("b", primary=False, city="Hiroshima", city_ja="広島", country_code="JP", tz_local="Asia/Tokyo")],
        ("city", "Hiroshima"), [], id="one document names the city, the other only the country: no disagreement"),
    pytest.param(
        [report("a", country_code="US", tz_local="America/New_York"),
         report("b", primary=False, city="Tokyo", city_ja="東京", country_code="JP", tz_local="Asia/Tokyo")],
        ("country_code", "JP"),
        [("country_code", "US", "a", 0, 10, False, "most_precise_place"),
         ("country_code", "JP", "b", 0, 10, True, "most_precise_place"),
         ("tz_local", "America/New_York", "a", 0, 10, False, "most_precise_place"),
         ("tz_local", "Asia/Tokyo", "b", 0, 10, True, "most_precise_place")],
        id="a city beats a country: the place fields of the precise report"),
    pytest.param(
        [report("a", start_utc=dt.datetime(2023, 5, 18, 6, 0, tzinfo=UTC), spans={"start_utc": (1, 5)}),
         report("b", start_utc=dt.datetime(2023, 5, 18, 6, 30, tzinfo=UTC))],
        ("start_utc", dt.datetime(2023, 5, 18, 6, 0, tzinfo=UTC)),
        [("start_utc", "2023-05-18T06:00:00Z", "a", 1, 5, True, "first_by_doc_id"),
         ("start_utc", "2023-05-18T06:30:00Z", "b", 0, 10, False, "first_by_doc_id")],
        id="start times as ISO 8601 UTC"),
    pytest.param(
        [report("a", mode="in_person"), report("b", mode="video")],
        ("mode", "in_person"),
        [("mode", "in_person", "a", 0, 10, True, "first_by_doc_id"),
         ("mode", "video", "b", 0, 10, False, "first_by_doc_id")],
        id="how it was held"),
]


@pytest.mark.parametrize(("reports", "published", "rows"), CASES)
def test_disagreeing_reports(reports, published, rows):
    for order in (reports, list(reversed(reports))):
        out = merge_meetings(order)
        field, value = published
        assert out["meetings"][field].to_list() == [value]
        values = out["meeting_field_values"].sort("field", "doc_id")
        assert values.select("field", "value", "doc_id", "evidence_start", "evidence_end", "is_chosen",
                             "rule").rows() == rows
        assert set(values["meeting_id"]) <= set(out["meetings"]["meeting_id"])
        # the chosen rows hold what meetings publishes
        text = value.strftime("%Y-%m-%dT%H:%M:%SZ") if isinstance(value, dt.datetime) else str(value)
        assert all(v == text for f, v, *_, chosen, _ in rows if chosen and f == field)


def _write(raw, name: str, text: str) -> None:
    (raw / name).write_text(text, encoding="utf-8")


def test_two_documents_120_and_90_minutes(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    _write(raw, "a.txt", "日米首脳会談\n2023年5月18日\n岸田総理大臣は18日、広島でバイデン大統領と約2時間にわたり"
                         "首脳会談を行った。両首脳は日米同盟の強化を確認した。\n")
    _write(raw, "b.txt", "日米首脳会談、広島で\n2023年5月19日\n岸田文雄首相は18日、広島市でバイデン米大統領と約90分間、"
                         "首脳会談を行った。\n")
    tables = pipeline.build_tables(raw)
    meetings = tables["meetings"]
    assert meetings.select("meeting_type", "date_local", "duration_minutes", "n_sources").rows() == [
        ("summit", dt.date(2023, 5, 18), 120, 2)]
    docs = dict(tables["documents"].select("doc_id", "text").iter_rows())
    files = dict(tables["documents"].select("doc_id", "source_file").iter_rows())
    values = tables["meeting_field_values"].sort("value", descending=True)
    got = [(r["field"], r["value"], files[r["doc_id"]], docs[r["doc_id"]][r["evidence_start"]:r["evidence_end"]],
            r["is_chosen"], r["rule"]) for r in values.iter_rows(named=True)]
    # both are about the meeting: a.txt's doc_id (a digest of its bytes) sorts first
    assert sorted(files) == [k for k, v in sorted(files.items(), key=lambda kv: kv[1])]
    assert got == [("duration_minutes", "90", "b.txt", "約90分間", False, "first_by_doc_id"),
                   ("duration_minutes", "120", "a.txt", "約2時間", True, "first_by_doc_id")]
    chosen = values.filter(pl.col("is_chosen"))
    assert chosen["value"].to_list() == [str(meetings["duration_minutes"][0])]
    assert set(values["meeting_id"]) == set(meetings["meeting_id"])
    # QUALITY.md counts them
    figures = quality_figures(tables)
    assert figures["field_disagreements"] == [
        {"field": "duration_minutes", "rule": "first_by_doc_id", "meetings": 1, "values_given": 2,
         "meetings_with_two_sources_or_more": 1}]

    # a document taken out by validation takes its values with it: one value left is no disagreement
    by_name = {v: k for k, v in files.items()}
    without = pipeline._without_documents(tables, {by_name["b.txt"]}, set())
    assert without["meeting_field_values"].height == 0
    assert without["meetings"]["n_sources"].to_list() == [1]
