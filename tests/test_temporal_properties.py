"""Property tests of the temporal resolver: any text, no exception, every offset points at its surface."""

from __future__ import annotations

import datetime as dt
import re

import polars as pl
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nichibei.extract.temporal import TEMPORAL_COLUMNS, extract_temporal, parse_surface

FRAGMENTS = [
    "令和", "平成", "元年", "年", "月", "日", "時", "分", "間", "半", "ごろ", "約", "およそ", "現地時間", "日本時間",
    "の", "、", "。", "午前", "午後", "(", ")", "（", "）", "~", "〜", "から", "同日", "明(14)日", "来年", "ことし",
    "水曜日", "曜", "度", "十", "一", "二", "〇", "三", "十分", "G8/20", "1.", "「2+2」", "FY ", "February ", "Feb. ",
    " 7, ", "2025", "in ", "on Wednesday", ":", "a.m.", "p.m.", "minutes", "\n", " ", "　", "2024-7-31 10:10",
    "𠮷", "😀", "髙", "﨑", "ワシントンで", "東京において",
    "today", "The day before", "the next day", "about an hour", " and 45 minutes", "half an hour", "two hours",
    "more than ", "last April", "next year", "翌28日", "翌", "二十八日", "四日市", "超", "余り", "以上", "以内",
    "【ワシントン時事】", "PALM BEACH, Florida, April 17 (Kyodo) -- ", "WASHINGTON - ", "会談は", "会合は", "し、",
    "けさ", "今夜", "未明", "深夜", "正午", "午前零時", "末", "上旬", "下旬", "年内", "月内", "泊", "1泊2日",
    " (local time; ", ", Japan time", "1200 GMT", "0:45 a.m.", "12:30 a.m.", "NEW YORK--", "Thursday evening",
    "late ", "（日本時間）", "では",
]
ALPHABET = "0123456789０１２３４５６７８９年月日時分間半約()（）~〜-/:.,、。 \n一二三四五六七八九十〇百千明昨本同翌前水月火木金土曜度aApPmMFY"

texts = st.one_of(
    st.text(alphabet=ALPHABET, max_size=80),
    st.lists(st.sampled_from(FRAGMENTS) | st.text(alphabet=ALPHABET, max_size=4), max_size=25).map("".join),
    st.text(max_size=60),
)
anchors = st.none() | st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2090, 12, 31))


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(texts, anchors), min_size=1, max_size=4))
def test_any_text_resolves_without_error_and_offsets_point_at_surfaces(docs: list[tuple[str, dt.date | None]]) -> None:
    frame = pl.DataFrame(
        {
            "doc_id": [f"d{i}" for i in range(len(docs))],
            "text": [t for t, _ in docs],
            "anchor_date": [a for _, a in docs],
        },
        schema={"doc_id": pl.Utf8, "text": pl.Utf8, "anchor_date": pl.Date},
    )
    out = extract_temporal(frame)
    assert out.schema == pl.Schema(TEMPORAL_COLUMNS)
    assert out.equals(out.sort("doc_id", "char_start", "char_end"))
    by_id = {f"d{i}": t for i, (t, _) in enumerate(docs)}
    for r in out.iter_rows(named=True):
        assert 0 <= r["char_start"] < r["char_end"] <= len(by_id[r["doc_id"]])
        assert by_id[r["doc_id"]][r["char_start"] : r["char_end"]] == r["surface"]
        assert (r["value"] is None) == (r["resolved_by"] == "unresolved")
        if r["kind"] == "date" and r["value"] is not None:
            dt.date.fromisoformat(r["value"])
        if r["kind"] == "datetime" and r["value"] is not None:  # never without its UTC offset
            value = dt.datetime.fromisoformat(r["value"])
            assert value.tzinfo is not None and r["tz_name"] is not None and r["value_utc"] is not None, r
        if r["kind"] == "duration":
            assert re.fullmatch(r"P(?:\d+(?:\.\d+)?[YMWD])*(?:T(?:\d+H)?(?:\d+M)?(?:\d+(?:\.\d+)?S)?)?", r["value"])
        if r["resolved_by"] == "anchor":
            assert r["anchor_date"] is not None


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=40))
def test_parse_surface_never_raises(s: str) -> None:
    parse_surface(s)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=60), anchors)
def test_no_anchor_no_anchor_resolution(text: str, anchor: dt.date | None) -> None:
    frame = pl.DataFrame(
        {"doc_id": ["d"], "text": [text], "anchor_date": [None]},
        schema={"doc_id": pl.Utf8, "text": pl.Utf8, "anchor_date": pl.Date},
    )
    out = extract_temporal(frame)
    assert out.filter(pl.col("resolved_by") == "anchor").height == 0
    assert out["anchor_date"].null_count() == out.height
