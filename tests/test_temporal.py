"""Tests of the temporal resolver (nichibei.extract.temporal): constructions, traps, zones, the seeds' gold."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import polars as pl
import pytest
from polars.testing import assert_frame_equal

from conftest import rebuild_document_text

from nichibei import pipeline
from nichibei.extract.temporal import (
    TEMPORAL_COLUMNS,
    TemporalParams,
    extract_temporal,
    infer_event_zone,
    kanji_to_int,
)

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"


# ---------------------------------------------------------------------------------------------------------
# fixture: documents.text of the seeds, rebuilt from the raw files and the gold boilerplate lines


def seed_documents() -> pl.DataFrame:
    rows = []
    for line in (ROOT / "nichibei" / "data" / "gold" / "seeds-gold.jsonl").read_text(encoding="utf-8").splitlines():
        g = json.loads(line)
        raw = (ROOT / "raw" / g["file"]).read_text(encoding="utf-8").replace("\r\n", "\n").replace("\r", "\n")
        rows.append(
            {
                "doc_id": g["file"],
                "text": rebuild_document_text(raw, g["boilerplate_lines"]),
                "anchor_date": dt.date.fromisoformat(g["published_date"]),
            }
        )
    return pl.DataFrame(rows, schema={"doc_id": pl.Utf8, "text": pl.Utf8, "anchor_date": pl.Date})


def temporal_gold() -> list[dict]:
    return [json.loads(x) for x in (FIXTURES / "seeds-temporal-gold.jsonl").read_text(encoding="utf-8").splitlines()]


@pytest.fixture(scope="module")
def seeds() -> pl.DataFrame:
    return seed_documents()


@pytest.fixture(scope="module")
def seed_mentions(seeds: pl.DataFrame) -> pl.DataFrame:
    return extract_temporal(seeds)


def test_rebuild_document_text_drops_only_the_listed_lines() -> None:
    assert rebuild_document_text("a\nb\n\nc\nd", [2, 4]) == "a\n\nd"
    assert rebuild_document_text("", []) == ""


# ---------------------------------------------------------------------------------------------------------
# comparison of values as the gold scorer does it


def _minutes(iso: str) -> float:
    m = re.fullmatch(r"P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?", iso)
    assert m is not None, iso
    y, mo, w, d, h, mi, s = (int(g) if g else 0 for g in m.groups())
    return y * 525600 + mo * 43800 + w * 10080 + d * 1440 + h * 60 + mi + s / 60


def same_value(kind: str, got: str | None, want: str | None) -> bool:
    if got is None or want is None:
        return got is want
    if kind == "datetime":
        a, b = dt.datetime.fromisoformat(got), dt.datetime.fromisoformat(want)
        if (a.tzinfo is None) != (b.tzinfo is None):
            return False
        return a == b
    if kind == "duration":
        return _minutes(got) == _minutes(want)
    return got == want


def compatible_kind(got: str, want: str) -> bool:
    return got == want or {got, want} == {"date", "weekday"}


# ---------------------------------------------------------------------------------------------------------
# the seeds' temporal gold, every row


def check_gold_row(gold: dict, text: str, mentions: pl.DataFrame) -> None:
    """The scorer's rule: the mention overlapping the gold span (first occurrence of the surface) most decides."""
    start = text.find(gold["surface"])
    assert start >= 0, "gold surface not in documents.text"
    end = start + len(gold["surface"])
    overlapping = (
        mentions.filter(
            (pl.col("doc_id") == gold["file"]) & (pl.col("char_start") < end) & (pl.col("char_end") > start)
        )
        .with_columns(
            (pl.min_horizontal(pl.col("char_end"), pl.lit(end)) - pl.max_horizontal(pl.col("char_start"), pl.lit(start)))
            .alias("overlap")
        )
        .sort("overlap", descending=True, maintain_order=True)
    )
    if gold["kind"] == "none":
        assert overlapping.height == 0, overlapping.to_dicts()
        return
    assert overlapping.height >= 1, "no mention overlaps the gold span"
    best = overlapping.row(0, named=True)
    assert compatible_kind(best["kind"], gold["kind"]), best
    assert same_value(gold["kind"], best["value"], gold["value"]), best


@pytest.mark.parametrize(
    "gold", [pytest.param(g, id=f"{g['file'][:3]}-{g['surface']}") for g in temporal_gold()]
)
def test_seed_temporal_gold(gold: dict, seeds: pl.DataFrame, seed_mentions: pl.DataFrame) -> None:
    check_gold_row(gold, seeds.filter(pl.col("doc_id") == gold["file"])["text"][0], seed_mentions)


# ---------------------------------------------------------------------------------------------------------
# the probe documents' temporal gold: documents.text and the anchor from the pipeline's own cleaning

PROBE = FIXTURES / "probe"


def probe_temporal_gold() -> list[dict]:
    lines = (FIXTURES / "probe-temporal-gold.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(x) for x in lines if x.strip()]


@pytest.fixture(scope="module")
def probe_docs() -> pl.DataFrame:
    documents = pipeline.clean(pipeline.load(PROBE)).documents
    return documents.select(
        pl.col("source_file").alias("doc_id"), "text", pl.col("published_date").alias("anchor_date")
    )


@pytest.fixture(scope="module")
def probe_mentions(probe_docs: pl.DataFrame) -> pl.DataFrame:
    return extract_temporal(probe_docs)


def _probe_text(probe_docs: pl.DataFrame, file: str) -> str | None:
    hit = probe_docs.filter(pl.col("doc_id") == file)
    return hit["text"][0] if hit.height else None


@pytest.mark.parametrize(
    "gold", [pytest.param(g, id=f"{g['file'][:3]}-{g['surface']}") for g in probe_temporal_gold()]
)
def test_probe_temporal_gold(gold: dict, probe_docs: pl.DataFrame, probe_mentions: pl.DataFrame) -> None:
    text = _probe_text(probe_docs, gold["file"])
    if text is None or gold["surface"] not in text:
        pytest.skip("gold surface not in the cleaned documents.text (boilerplate removed or kept differently)")
    check_gold_row(gold, text, probe_mentions)


def test_probe_temporal_gold_is_mostly_in_the_cleaned_text(probe_docs: pl.DataFrame) -> None:
    gold = probe_temporal_gold()
    missing = [
        (g["file"], g["surface"])
        for g in gold
        if (t := _probe_text(probe_docs, g["file"])) is None or g["surface"] not in t
    ]
    print(f"probe temporal gold: {len(gold) - len(missing)}/{len(gold)} surfaces in documents.text; skipped {missing}")
    assert len(gold) == 49
    assert len(missing) <= len(gold) // 10, missing


# the second probe set: fifteen documents in other shapes (EUC-JP HTML, English agency copy, datelines at the foot)

PROBE2 = FIXTURES / "probe2"


def probe2_temporal_gold() -> list[dict]:
    lines = (FIXTURES / "probe2-temporal-gold.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(x) for x in lines if x.strip()]


@pytest.fixture(scope="module")
def probe2_docs() -> pl.DataFrame:
    documents = pipeline.clean(pipeline.load(PROBE2)).documents
    return documents.select(
        pl.col("source_file").alias("doc_id"), "text", pl.col("published_date").alias("anchor_date")
    )


@pytest.fixture(scope="module")
def probe2_mentions(probe2_docs: pl.DataFrame) -> pl.DataFrame:
    return extract_temporal(probe2_docs)


@pytest.mark.parametrize(
    "gold", [pytest.param(g, id=f"{g['file'][:3]}-{g['surface']}") for g in probe2_temporal_gold()]
)
def test_probe2_temporal_gold(gold: dict, probe2_docs: pl.DataFrame, probe2_mentions: pl.DataFrame) -> None:
    text = _probe_text(probe2_docs, gold["file"])
    if text is None or gold["surface"] not in text:
        pytest.skip("gold surface not in the cleaned documents.text (boilerplate removed or kept differently)")
    check_gold_row(gold, text, probe2_mentions)


def test_probe2_temporal_gold_is_mostly_in_the_cleaned_text(probe2_docs: pl.DataFrame) -> None:
    gold = probe2_temporal_gold()
    missing = [
        (g["file"], g["surface"])
        for g in gold
        if (t := _probe_text(probe2_docs, g["file"])) is None or g["surface"] not in t
    ]
    print(f"probe2 temporal gold: {len(gold) - len(missing)}/{len(gold)} surfaces in documents.text; skipped {missing}")
    assert len(gold) == 62
    assert len(missing) <= len(gold) // 10, missing


# the third probe set: zone words after a time, parts of the day, stays, partial months, 24-hour GMT times

PROBE3 = FIXTURES / "probe3"


def probe3_temporal_gold() -> list[dict]:
    lines = (FIXTURES / "probe3-temporal-gold.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(x) for x in lines if x.strip()]


@pytest.fixture(scope="module")
def probe3_docs() -> pl.DataFrame:
    documents = pipeline.clean(pipeline.load(PROBE3)).documents
    return documents.select(
        pl.col("source_file").alias("doc_id"), "text", pl.col("published_date").alias("anchor_date")
    )


@pytest.fixture(scope="module")
def probe3_mentions(probe3_docs: pl.DataFrame) -> pl.DataFrame:
    return extract_temporal(probe3_docs)


@pytest.mark.parametrize(
    "gold", [pytest.param(g, id=f"{g['file'][:3]}-{g['surface']}") for g in probe3_temporal_gold()]
)
def test_probe3_temporal_gold(gold: dict, probe3_docs: pl.DataFrame, probe3_mentions: pl.DataFrame) -> None:
    text = _probe_text(probe3_docs, gold["file"])
    if text is None or gold["surface"] not in text:
        pytest.skip("gold surface not in the cleaned documents.text (boilerplate removed or kept differently)")
    check_gold_row(gold, text, probe3_mentions)


def test_probe3_temporal_gold_is_mostly_in_the_cleaned_text(probe3_docs: pl.DataFrame) -> None:
    gold = probe3_temporal_gold()
    missing = [
        (g["file"], g["surface"])
        for g in gold
        if (t := _probe_text(probe3_docs, g["file"])) is None or g["surface"] not in t
    ]
    print(f"probe3 temporal gold: {len(gold) - len(missing)}/{len(gold)} surfaces in documents.text; skipped {missing}")
    assert len(gold) == 103
    assert len(missing) <= len(gold) // 10, missing


# the fourth probe set: a Japan-time bracket after a local time with no day, a Shift_JIS file, HTML with furniture

PROBE4 = FIXTURES / "probe4"


def probe4_temporal_gold() -> list[dict]:
    lines = (FIXTURES / "probe4-temporal-gold.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(x) for x in lines if x.strip()]


@pytest.fixture(scope="module")
def probe4_docs() -> pl.DataFrame:
    documents = pipeline.clean(pipeline.load(PROBE4)).documents
    return documents.select(
        pl.col("source_file").alias("doc_id"), "text", pl.col("published_date").alias("anchor_date")
    )


@pytest.fixture(scope="module")
def probe4_mentions(probe4_docs: pl.DataFrame) -> pl.DataFrame:
    return extract_temporal(probe4_docs)


@pytest.mark.parametrize(
    "gold", [pytest.param(g, id=f"{g['file'][:3]}-{g['surface']}") for g in probe4_temporal_gold()]
)
def test_probe4_temporal_gold(gold: dict, probe4_docs: pl.DataFrame, probe4_mentions: pl.DataFrame) -> None:
    text = _probe_text(probe4_docs, gold["file"])
    if text is None or gold["surface"] not in text:
        pytest.skip("gold surface not in the cleaned documents.text (boilerplate removed or kept differently)")
    check_gold_row(gold, text, probe4_mentions)


def test_probe4_temporal_gold_is_mostly_in_the_cleaned_text(probe4_docs: pl.DataFrame) -> None:
    gold = probe4_temporal_gold()
    missing = [
        (g["file"], g["surface"])
        for g in gold
        if (t := _probe_text(probe4_docs, g["file"])) is None or g["surface"] not in t
    ]
    print(f"probe4 temporal gold: {len(gold) - len(missing)}/{len(gold)} surfaces in documents.text; skipped {missing}")
    assert len(gold) == 29
    assert len(missing) <= len(gold) // 10, missing


def test_seed_mentions_point_at_their_surface(seeds: pl.DataFrame, seed_mentions: pl.DataFrame) -> None:
    texts = dict(zip(seeds["doc_id"], seeds["text"]))
    for r in seed_mentions.iter_rows(named=True):
        assert texts[r["doc_id"]][r["char_start"] : r["char_end"]] == r["surface"]
    assert seed_mentions.height > 25


# ---------------------------------------------------------------------------------------------------------
# constructions: sentence, anchor → expected surface, kind, value, resolved_by

A = dt.date

CASES = [
    # Japanese calendar dates
    pytest.param("平成21年11月13日、首脳会談が行われた。", None, "平成21年11月13日", "date", "2009-11-13", "explicit", id="era-heisei"),
    pytest.param("令和元年5月1日に即位した。", None, "令和元年5月1日", "date", "2019-05-01", "explicit", id="era-gannen"),
    pytest.param("昭和47年5月15日に返還された。", None, "昭和47年5月15日", "date", "1972-05-15", "explicit", id="era-showa"),
    pytest.param("二〇二四年十一月十三日に会談した。", None, "二〇二四年十一月十三日", "date", "2024-11-13", "explicit", id="kanji-numerals"),
    pytest.param("平成二十一年十一月十三日", None, "平成二十一年十一月十三日", "date", "2009-11-13", "explicit", id="era-kanji"),
    pytest.param("２０２４年７月２８日に会談した。", None, "２０２４年７月２８日", "date", "2024-07-28", "explicit", id="full-width-digits"),
    pytest.param("令和6(2024)年7月28日(日)に会談した。", None, "令和6(2024)年7月28日(日)", "date", "2024-07-28", "explicit", id="era-bracketed-western-weekday"),
    pytest.param("令和6（2024）年7月28日に", None, "令和6（2024）年7月28日", "date", "2024-07-28", "explicit", id="era-full-width-brackets"),
    pytest.param("十一月十三日に会談した。", A(2009, 11, 20), "十一月十三日", "date", "2009-11-13", "anchor", id="kanji-month-day-anchor"),
    pytest.param(" 13日午後6時50分より約90分間、首脳会談を行った。", A(2009, 11, 13), "13日午後6時50分", "datetime", "2009-11-13T18:50:00+09:00", "anchor", id="day-alone-time-no-place-is-japan-time"),
    pytest.param("安倍首相は二十八日午後十一時から約四十分間、電話で会談した。", A(2017, 1, 29), "二十八日午後十一時", "datetime", "2017-01-28T23:00:00+09:00", "anchor", id="kanji-day-time"),
    pytest.param("マティス国防長官は三日に来日した。", A(2017, 2, 5), "三日", "date", "2017-02-03", "anchor", id="kanji-day-alone"),
    pytest.param("十一月十三日午前十時半に到着した。", A(2009, 11, 20), "十一月十三日午前十時半", "datetime", "2009-11-13T10:30:00+09:00", "anchor", id="kanji-month-day-time"),
    pytest.param("2022年12月に採択した。", None, "2022年12月", "month", "2022-12", "explicit", id="year-month"),
    pytest.param("2050年までに削減する。", None, "2050年", "year", "2050", "explicit", id="year"),
    # a dateline's clock has no zone of its own: its date is stated, a datetime without an offset never is
    pytest.param("2024-7-31 10:10", None, "2024-7-31 10:10", "date", "2024-07-31", "explicit", id="dateline"),
    pytest.param("2024-07-31", None, "2024-07-31", "date", "2024-07-31", "explicit", id="iso-date"),
    # relative expressions
    pytest.param("ことし5月の広島サミット", A(2023, 1, 14), "ことし5月", "month", "2023-05", "anchor", id="kotoshi-month"),
    pytest.param("今年の夏", A(2023, 1, 14), "今年", "year", "2023", "anchor", id="konnen"),
    pytest.param("昨年、合意した。", A(2023, 1, 14), "昨年", "year", "2022", "anchor", id="sakunen"),
    pytest.param("去年の会談", A(2023, 1, 14), "去年", "year", "2022", "anchor", id="kyonen"),
    pytest.param("来年の日米安保条約改定50周年", A(2009, 11, 13), "来年", "year", "2010", "anchor", id="rainen"),
    pytest.param("先月の会談", A(2024, 1, 10), "先月", "month", "2023-12", "anchor", id="sengetsu-across-year"),
    pytest.param("今月末", A(2024, 7, 31), "今月末", "month", "2024-07", "anchor", id="kongetsu"),
    pytest.param("来月訪米する。", A(2024, 12, 5), "来月", "month", "2025-01", "anchor", id="raigetsu-across-year"),
    pytest.param("昨日、会談した。", A(2024, 3, 1), "昨日", "date", "2024-02-29", "anchor", id="kinou-leap-day"),
    pytest.param("明日、会談する。", A(2024, 12, 31), "明日", "date", "2025-01-01", "anchor", id="ashita"),
    pytest.param("明(14)日実施予定のスピーチ", A(2009, 11, 13), "明(14)日", "date", "2009-11-14", "anchor", id="ashita-bracketed-day"),
    pytest.param("明(15)日実施予定のスピーチ", A(2009, 11, 13), "明(15)日", "date", None, "unresolved", id="ashita-bracketed-day-mismatch"),
    pytest.param("令和6年7月28日に発表し、同日、実施した。", None, "同日", "date", "2024-07-28", "context", id="doujitsu"),
    pytest.param("2024年7月28日に会談し、同月30日に帰国した。", None, "同月30日", "date", "2024-07-30", "context", id="dougetsu-day"),
    pytest.param("2024年7月28日に会談し、翌日帰国した。", None, "翌日", "date", "2024-07-29", "context", id="yokujitsu"),
    pytest.param("首相は水曜日、新時代を発表した。", A(2024, 4, 11), "水曜日", "weekday", "2024-04-10", "anchor", id="weekday-past"),
    pytest.param("3か国は月曜日、協力する計画を発表した。", A(2024, 4, 11), "月曜日", "weekday", "2024-04-08", "anchor", id="weekday-past-monday"),
    pytest.param("首相は金曜日に訪問する予定だ。", A(2024, 4, 11), "金曜日", "weekday", "2024-04-12", "anchor", id="weekday-future"),
    pytest.param("首相は月曜日に訪米する。", A(2024, 4, 11), "月曜日", "weekday", "2024-04-15", "anchor", id="weekday-future-monday"),
    pytest.param("首相は水曜日、来月訪米すると述べた。", A(2024, 4, 11), "水曜日", "weekday", "2024-04-10", "anchor", id="weekday-reported-speech"),
    pytest.param("首相は、来年1月に訪米すると述べた。", A(2024, 4, 11), "来年1月", "month", "2025-01", "anchor", id="relative-year-month-in-speech"),
    pytest.param("日米双方は、4月の首相の米国公式訪問が歴史的な訪問であることを確認しました。", A(2024, 7, 31), "4月", "month", "2024-04", "anchor", id="month-past-visit"),
    pytest.param("5月に日本が議長国として開くサミットの成功に向けて結束を確認しました。", A(2023, 1, 14), "5月", "month", "2023-05", "anchor", id="month-future-summit"),
    pytest.param("12月に訪米する予定だ。", A(2024, 1, 20), "12月", "month", "2024-12", "anchor", id="month-future-far"),
    pytest.param("7月28日に会談した。", A(2024, 7, 31), "7月28日", "date", "2024-07-28", "anchor", id="month-day-past"),
    pytest.param("1月5日に訪米する予定だ。", A(2024, 12, 20), "1月5日", "date", "2025-01-05", "anchor", id="month-day-future-next-year"),
    pytest.param("(7月28日(日))", A(2025, 7, 1), "7月28日(日)", "date", "2024-07-28", "anchor", id="month-day-weekday-picks-year"),
    pytest.param("2019年10月22日に即位した。The leaders met on Sept. 21 at the White House.", A(2023, 9, 22), "Sept. 21", "date", "2023-09-21", "anchor", id="historical-date-is-not-context"),
    pytest.param("2024年7月28日に会談し、30日に帰国した。", A(2025, 1, 10), "30日", "date", "2024-07-30", "context", id="day-alone-from-context"),
    pytest.param("7日から8日まで訪日した。", A(2024, 7, 31), "8日", "date", "2024-07-08", "context", id="day-range-second"),
    pytest.param("来月10日から12日まで訪米する。", A(2017, 1, 29), "12日", "date", "2017-02-12", "context", id="day-range-after-relative-month"),
    pytest.param("首相は二十日、三十一日、一日の日程で訪米する。", A(2024, 7, 15), "一日", "date", "2024-08-01", "context", id="day-list-into-next-month"),
    pytest.param("首相は14日午前9時、訪米のため羽田空港を出発した。", A(2024, 4, 14), "14日午前9時", "datetime", "2024-04-14T09:00:00+09:00", "anchor", id="departure-for-a-visit-is-japan-time"),
    # a day alone takes no month from a date ahead or a relative one
    pytest.param("日米首脳、来月10日に会談へ\n安倍首相は28日午後11時から電話で会談した。", A(2017, 1, 29), "28日午後11時", "datetime", "2017-01-28T23:00:00+09:00", "anchor", id="day-alone-after-raigetsu"),
    pytest.param("首相は2月10日に訪米する予定だ。首相は28日、記者団に語った。", A(2017, 1, 29), "28日", "date", "2017-01-28", "anchor", id="day-alone-after-future-date"),
    pytest.param("2011年3月11日に地震が起きた。13日には首相が視察した。", A(2024, 3, 11), "13日", "date", "2011-03-13", "context", id="day-alone-after-past-date"),
    pytest.param("首相は4月10日に国賓として迎えられた。\n首相は30日、記者会見で語った。", A(2024, 7, 31), "30日", "date", "2024-07-30", "anchor", id="day-alone-after-old-date-in-another-paragraph"),
    pytest.param("首相は7月28日に会談した。\n首相は30日、記者会見で語った。", A(2024, 7, 31), "30日", "date", "2024-07-30", "context", id="day-alone-after-recent-date"),
    pytest.param("会合は現地時間4月27日午前10時から行われた。翌28日には首脳会談が予定されている。", A(2015, 4, 29), "翌28日", "date", "2015-04-28", "context", id="yoku-day-context"),
    pytest.param("翌二十八日に帰国した。", A(2015, 4, 29), "翌二十八日", "date", "2015-04-28", "anchor", id="yoku-day-no-context"),
    pytest.param("2024年7月28日に会談した。前日には外相会談が行われた。", None, "前日", "date", "2024-07-27", "context", id="zenjitsu"),
    # times and zones
    pytest.param("ホワイトハウスで日本時間の午前1時半ごろから会談した。", A(2023, 1, 14), "日本時間の午前1時半ごろ", "datetime", "2023-01-14T01:30:00+09:00", "anchor", id="jst-half-hour-anchor"),
    pytest.param("東京において7月28日午後3時15分から会談した。", A(2024, 7, 31), "7月28日午後3時15分", "datetime", "2024-07-28T15:15:00+09:00", "anchor", id="tokyo-venue"),
    pytest.param("ワシントンで、現地時間2月7日、午前11時55分から会談した。", A(2025, 2, 9), "現地時間2月7日、午前11時55分", "datetime", "2025-02-07T11:55:00-05:00", "anchor", id="local-time-washington"),
    pytest.param("訪米中の首相は日本時間2月8日、午前1時55分から会談した。", A(2025, 2, 9), "日本時間2月8日、午前1時55分", "datetime", "2025-02-08T01:55:00+09:00", "anchor", id="jst-explicit"),
    pytest.param("訪米中の首相はワシントンで7月10日午後2時から会談した。", A(2024, 7, 11), "7月10日午後2時", "datetime", "2024-07-10T14:00:00-04:00", "anchor", id="visit-and-city-zone-dst"),
    # a country of several zones names no zone: abroad, the clock stays a time (no Japan-time guess)
    pytest.param("訪米中の首相は7月10日午後2時から会談した。", A(2024, 7, 11), "7月10日午後2時", "time", "14:00", "explicit", id="visit-to-us-no-zone"),
    pytest.param("首相は米国で7月10日午後2時から会談した。", A(2024, 7, 11), "7月10日午後2時", "time", "14:00", "explicit", id="us-locative-no-zone"),
    pytest.param("The prime minister, on a visit to the United States, met the president at 2 p.m. on July 10.", A(2024, 7, 11), "2 p.m.", "time", "14:00", "explicit", id="en-visit-to-us-no-zone"),
    pytest.param("訪米中の岸田文雄首相は16日、サンフランシスコでバイデン米大統領と会談した。会談は午前10時から約1時間行われた。", A(2023, 11, 17), "午前10時", "datetime", "2023-11-16T10:00:00-08:00", "context", id="visit-and-san-francisco"),
    pytest.param("訪米中の首相は16日、ホノルルで大統領と会談した。会談は午前10時から行われた。", A(2023, 11, 17), "午前10時", "datetime", "2023-11-16T10:00:00-10:00", "context", id="visit-and-honolulu"),
    pytest.param("首相は16日、ソウルで大統領と会談した。会談は午前10時から行われた。", A(2023, 11, 17), "午前10時", "datetime", "2023-11-16T10:00:00+09:00", "context", id="seoul-one-zone"),
    pytest.param("首相は16日、韓国で大統領と会談した。会談は午前10時から行われた。", A(2023, 11, 17), "午前10時", "datetime", "2023-11-16T10:00:00+09:00", "context", id="korea-country-one-zone"),
    # a place abroad in the meeting's sentence, the lead, or the sentence before: its zone, not Japan time
    pytest.param("岸田文雄首相は10日、ホワイトハウスでバイデン米大統領と会談した。会談は午前10時半から行われた。", A(2024, 4, 11), "午前10時半", "datetime", "2024-04-10T10:30:00-04:00", "context", id="white-house-summit-start"),
    pytest.param("岸田文雄首相は10日、ホワイトハウスでバイデン米大統領と会談した。\n両首脳は共同声明を発表した。\n首相は同日午後5時、記者会見した。", A(2024, 4, 11), "同日午後5時", "datetime", "2024-04-10T17:00:00-04:00", "context", id="white-house-document-place"),
    pytest.param("首相は10日、ワシントンで大統領と会談した。\n首相は東京で同日午後5時、記者会見した。", A(2024, 4, 11), "同日午後5時", "datetime", "2024-04-10T17:00:00+09:00", "context", id="own-clause-place-wins"),
    pytest.param("首相は10日、ワシントンで大統領と会談した。11日には東京で外相と会談した。\n首相は同日午後5時、記者会見した。", A(2024, 4, 11), "同日午後5時", "time", "17:00", "explicit", id="places-disagree-no-zone"),
    pytest.param("訪米中の首相は10日、大統領と電話会談した。電話会談は午前8時から行われた。", A(2024, 4, 11), "午前8時", "time", "08:00", "explicit", id="call-while-abroad-no-zone"),
    pytest.param("首相は10日、大統領と電話会談した。会談は午前8時から行われた。\nワシントンで首脳会談を開くことで一致した。", A(2024, 4, 11), "午前8時", "datetime", "2024-04-10T08:00:00+09:00", "context", id="call-is-japan-time"),
    # zone words of other regions
    pytest.param("会談は10日、米太平洋時間午前10時から行われた。", A(2023, 11, 17), "10日、米太平洋時間午前10時", "datetime", "2023-11-10T10:00:00-08:00", "anchor", id="us-pacific-time-word"),
    pytest.param("会談は10日、中部時間午前10時から行われた。", A(2023, 11, 17), "10日、中部時間午前10時", "datetime", "2023-11-10T10:00:00-06:00", "anchor", id="central-time-word"),
    pytest.param("会談は10日、米東部夏時間午前10時から行われた。", A(2023, 7, 17), "10日、米東部夏時間午前10時", "datetime", "2023-07-10T10:00:00-04:00", "anchor", id="eastern-daylight-word"),
    pytest.param("会談は10日、北京時間午前10時から行われた。", A(2023, 11, 17), "10日、北京時間午前10時", "datetime", "2023-11-10T10:00:00+08:00", "anchor", id="beijing-time-word"),
    pytest.param("会談は10日、欧州中部時間午前10時から行われた。", A(2023, 11, 17), "10日、欧州中部時間午前10時", "datetime", "2023-11-10T10:00:00+01:00", "anchor", id="central-european-time-word"),
    pytest.param("会談は10日、英国時間午前10時から行われた。", A(2023, 7, 17), "10日、英国時間午前10時", "datetime", "2023-07-10T10:00:00+01:00", "anchor", id="british-time-word"),
    pytest.param("会談は10日、韓国時間午前10時から行われた。", A(2023, 7, 17), "10日、韓国時間午前10時", "datetime", "2023-07-10T10:00:00+09:00", "anchor", id="korea-time-word"),
    pytest.param("The talks began on Nov. 16 at 10 a.m. PT.", A(2023, 11, 17), "10 a.m. PT", "datetime", "2023-11-16T10:00:00-08:00", "context", id="en-pt"),
    pytest.param("The talks began on Nov. 16 at 10 a.m. CST.", A(2023, 11, 17), "10 a.m. CST", "datetime", "2023-11-16T10:00:00-06:00", "context", id="en-cst"),
    pytest.param("The talks began on Nov. 16 at 10 a.m. HST.", A(2023, 11, 17), "10 a.m. HST", "datetime", "2023-11-16T10:00:00-10:00", "context", id="en-hst"),
    pytest.param("The talks began on July 16 at 10 a.m. Pacific daylight time.", A(2023, 7, 17), "10 a.m. Pacific daylight time", "datetime", "2023-07-16T10:00:00-07:00", "context", id="en-pacific-daylight"),
    pytest.param("The talks began on July 16 at 10 a.m. British time.", A(2023, 7, 17), "10 a.m. British time", "datetime", "2023-07-16T10:00:00+01:00", "context", id="en-british-time"),
    pytest.param("The talks began on July 16 at 10:00 KST.", A(2023, 7, 17), "10:00 KST", "datetime", "2023-07-16T10:00:00+09:00", "context", id="en-kst-24h"),
    # Washington as the government is no place: the clock has no zone
    pytest.param("Kishida met Biden on Wednesday. The two leaders discussed ties to Washington's partners.\nThe talks began at 10:30 a.m.", A(2024, 4, 11), "10:30 a.m.", "time", "10:30", "explicit", id="en-washington-possessive-no-place"),
    pytest.param("Kishida met Biden on Wednesday. Washington said the alliance was strong.\nThe talks began at 10:30 a.m.", A(2024, 4, 11), "10:30 a.m.", "time", "10:30", "explicit", id="en-washington-said-no-place"),
    pytest.param("Kishida met Biden in Washington on Wednesday.\nThe leaders spoke to reporters.\nThe talks on April 10 began at 10:30 a.m.", A(2024, 4, 11), "10:30 a.m.", "datetime", "2024-04-10T10:30:00-04:00", "context", id="en-in-washington-place"),
    pytest.param("オバマ大統領が日本を訪問した。13日午後6時50分より会談した。", A(2009, 11, 13), "13日午後6時50分", "datetime", "2009-11-13T18:50:00+09:00", "anchor", id="presidents-visit-to-japan"),
    pytest.param("防衛省は7月28日18時45分、同日午後3時15分から東京において会談を実施したことを公表した。", A(2024, 7, 31), "7月28日18時45分", "datetime", "2024-07-28T18:45:00+09:00", "anchor", id="announcement-time"),
    pytest.param("防衛省は7月28日18時45分、同日午後3時15分から東京において会談を実施したことを公表した。", A(2024, 7, 31), "同日午後3時15分", "datetime", "2024-07-28T15:15:00+09:00", "context", id="meeting-time-after-announcement"),
    pytest.param("7月28日、首脳会談は午後3時から行われた。", A(2024, 7, 31), "午後3時", "datetime", "2024-07-28T15:00:00+09:00", "context", id="time-with-date-in-sentence"),
    # a Japanese clock time is Japan time unless its own clause puts the event abroad
    pytest.param("首相は二十八日午後十一時から電話で会談した。両首脳は来月十日にワシントンで会談することで一致した。", A(2017, 1, 29), "二十八日午後十一時", "datetime", "2017-01-28T23:00:00+09:00", "anchor", id="city-in-another-sentence"),
    pytest.param("首相は28日午後11時から電話で会談し、来月10日にワシントンで会談することで一致した。", A(2017, 1, 29), "28日午後11時", "datetime", "2017-01-28T23:00:00+09:00", "anchor", id="city-of-another-clause"),
    pytest.param("【ワシントン時事】麻生太郎首相は24日午前11時15分から約1時間20分、オバマ米大統領と会談した。", A(2009, 2, 25), "24日午前11時15分", "datetime", "2009-02-24T11:15:00-05:00", "anchor", id="dateline-prefix-places-the-event"),
    pytest.param("訪米中の首相は10日、ホワイトハウスで大統領と会談した。会談は午前11時から約1時間行われた。", A(2024, 4, 12), "午前11時", "datetime", "2024-04-10T11:00:00-04:00", "context", id="meeting-back-reference"),
    pytest.param("防衛省は、ニューヨークで行われた協議委員会の概要を公表した。\n会合は現地時間4月27日午前10時から行われた。", A(2015, 4, 29), "現地時間4月27日午前10時", "datetime", "2015-04-27T10:00:00-04:00", "anchor", id="local-time-from-meeting-sentence"),
    pytest.param("会談は正午ごろ始まった。", None, "正午ごろ", "time", "12:00", "explicit", id="noon-no-anchor"),
    pytest.param("会談は午後三時半に始まった。", None, "午後三時半", "time", "15:30", "explicit", id="kanji-time-no-anchor"),
    pytest.param("会談は１８時４５分に始まった。", None, "１８時４５分", "time", "18:45", "explicit", id="full-width-24h-time"),
    # durations, ranges, fiscal years
    pytest.param("約1時間20分、会談した。", None, "約1時間20分", "duration", "PT1H20M", "explicit", id="duration-h-m"),
    pytest.param("約90分間、会談した。", None, "約90分間", "duration", "PT1H30M", "explicit", id="duration-minutes"),
    pytest.param("およそ2時間にわたって", None, "およそ2時間", "duration", "PT2H", "explicit", id="duration-oyoso"),
    pytest.param("計約1時間50分間", None, "計約1時間50分間", "duration", "PT1H50M", "explicit", id="duration-kei"),
    pytest.param("2時間半にわたり", None, "2時間半", "duration", "PT2H30M", "explicit", id="duration-half"),
    pytest.param("十分間の休憩", None, "十分間", "duration", "PT10M", "explicit", id="duration-kanji-minutes"),
    pytest.param("過去3年間で進化した", None, "過去3年間", "duration", "P3Y", "explicit", id="duration-years"),
    pytest.param("今後3か月で", None, "3か月", "duration", "P3M", "explicit", id="duration-months"),
    pytest.param("2010年~11年を捉え", None, "2010年~11年", "year_range", "2010/2011", "explicit", id="year-range-abbrev"),
    pytest.param("2024年〜2026年の計画", None, "2024年〜2026年", "year_range", "2024/2026", "explicit", id="year-range-full"),
    pytest.param("2024年度予算", None, "2024年度", "fiscal_year", "2024", "explicit", id="fiscal-year"),
    pytest.param("令和6年度の予算", None, "令和6年度", "fiscal_year", "2024", "explicit", id="fiscal-year-era"),
    pytest.param("今年度の予算", A(2024, 2, 1), "今年度", "fiscal_year", "2023", "anchor", id="fiscal-year-relative-before-april"),
    # English
    pytest.param("February 7, 2025", None, "February 7, 2025", "date", "2025-02-07", "explicit", id="en-date"),
    pytest.param("They met on Feb. 7 in Washington.", A(2025, 2, 9), "Feb. 7", "date", "2025-02-07", "anchor", id="en-abbrev-no-year"),
    pytest.param("on 7 February 2025", None, "7 February 2025", "date", "2025-02-07", "explicit", id="en-day-month-year"),
    pytest.param("in May 2025", None, "May 2025", "month", "2025-05", "explicit", id="en-month-year"),
    pytest.param("capabilities by FY 2027 to consolidate", None, "FY 2027", "fiscal_year", "2027", "explicit", id="en-fy"),
    pytest.param("a new exercise will begin in 2025.", None, "2025", "year", "2025", "explicit", id="en-bare-year"),
    pytest.param("Biden said on Wednesday that the alliance is strong.", A(2024, 4, 11), "Wednesday", "weekday", "2024-04-10", "anchor", id="en-weekday-past"),
    pytest.param("They talked for 90 minutes.", None, "90 minutes", "duration", "PT1H30M", "explicit", id="en-duration"),
    pytest.param("Noda met Obama at the White House last April.", A(2013, 2, 23), "last April", "month", "2012-04", "anchor", id="en-last-april"),
    pytest.param("They will meet again next April.", A(2013, 2, 23), "next April", "month", "2013-04", "anchor", id="en-next-april"),
    pytest.param("The alliance grew stronger last year.", A(2013, 2, 23), "last year", "year", "2012", "anchor", id="en-last-year"),
    pytest.param("Rubio met today with Iwaya in Washington.", A(2025, 1, 21), "today", "date", "2025-01-21", "anchor", id="en-today"),
    pytest.param("Today the leaders met.", A(2025, 1, 21), "Today", "date", "2025-01-21", "anchor", id="en-today-capital"),
    pytest.param("The ministers met yesterday.", A(2025, 3, 1), "yesterday", "date", "2025-02-28", "anchor", id="en-yesterday"),
    pytest.param("Joint Statement\nFebruary 7, 2025\nThe leaders held their first meeting today in Washington.", A(2025, 2, 9), "today", "date", "2025-02-07", "context", id="en-today-of-a-dated-statement"),
    pytest.param("共同声明\n2025年2月7日\n両首脳は本日、会談した。", A(2025, 2, 9), "本日", "date", "2025-02-07", "context", id="honjitsu-of-a-dated-statement"),
    pytest.param("両首脳は2025年2月7日に会談した。\n本日、首相が帰国した。", A(2025, 2, 9), "本日", "date", "2025-02-09", "anchor", id="honjitsu-date-in-a-sentence-is-no-dateline"),
    pytest.param("They will meet tomorrow.", A(2024, 12, 31), "tomorrow", "date", "2025-01-01", "anchor", id="en-tomorrow"),
    pytest.param("They met on March 30, 2025. The day before, they attended a ceremony.", None, "The day before", "date", "2025-03-29", "context", id="en-the-day-before"),
    pytest.param("Abe arrived on Feb. 21, 2013, and met Obama the next day.", None, "the next day", "date", "2013-02-22", "context", id="en-the-next-day"),
    pytest.param("They met on Tuesday and golfed the following day.", A(2018, 4, 18), "the following day", "date", "2018-04-18", "context", id="en-the-following-day"),
    pytest.param("PALM BEACH, Florida, April 17 (Kyodo) -- Abe and Trump agreed Tuesday to keep pressure.\nThe talks began at 4:10 p.m. local time.", A(2018, 4, 18), "4:10 p.m. local time", "datetime", "2018-04-17T16:10:00-04:00", "context", id="en-time-dateline-date"),
    pytest.param("On February 7, 2025, the leaders met at the White House. The talks began at 11:55 a.m.", A(2025, 2, 9), "11:55 a.m.", "datetime", "2025-02-07T11:55:00-05:00", "context", id="en-time-paragraph-date"),
    pytest.param("The leaders met at the White House. The talks began at 11:55 a.m.", A(2025, 2, 9), "11:55 a.m.", "datetime", "2025-02-09T11:55:00-05:00", "anchor", id="en-time-anchor"),
    pytest.param("TOKYO (AP) — The leaders began talks at 10 a.m.\nTrump later flew to Washington.", A(2025, 10, 28), "10 a.m.", "datetime", "2025-10-28T10:00:00+09:00", "anchor", id="en-time-dateline-place"),
    pytest.param("The meeting began at 11:55 a.m. ET on February 7, 2025.", None, "11:55 a.m. ET", "time", "11:55", "explicit", id="en-time-zone"),
    # a past event is not after the report; a Japan-time bracket is the same instant as the local time before it
    pytest.param("5月1日に発表した。首相は30日に会談した。", A(2012, 5, 1), "30日", "date", "2012-04-30", "context", id="day-alone-past-before-the-report"),
    pytest.param("2012年5月1日 朝刊\n野田首相は30日、ホワイトハウスで会談した。", None, "30日", "date", "2012-04-30", "context", id="day-alone-before-the-head-dateline"),
    pytest.param("5月1日に発表した。首相は30日に訪米する予定だ。", A(2012, 5, 1), "30日", "date", "2012-05-30", "context", id="day-alone-future-after-the-report"),
    pytest.param("ワシントンで30日午前11時5分（日本時間5月1日午前0時5分）から会談した。", A(2012, 5, 3), "30日午前11時5分", "datetime", "2012-04-30T11:05:00-04:00", "context", id="day-alone-pinned-by-japan-time-bracket"),
    pytest.param("ワシントンで30日午前11時5分（日本時間5月1日午前0時5分）から会談した。共同発表は27日に公表された。", A(2012, 5, 3), "27日", "date", "2012-04-27", "context", id="japan-time-bracket-lends-no-month"),
    pytest.param("ワシントンで30日午前11時5分（日本時間5月1日午前0時5分）から会談した。", None, "30日午前11時5分", "datetime", None, "unresolved", id="day-alone-pinned-needs-a-year"),
    # a time with no day of its own takes the day of the bracket's instant in its own zone, not the bracket's day
    pytest.param("【ワシントン＝共同】首相は16日午後（日本時間17日未明）、ホワイトハウスで会談した。\n会談は現地時間午後1時40分（日本時間17日午前2時40分）から行われた。", A(2021, 4, 17), "現地時間午後1時40分", "datetime", "2021-04-16T13:40:00-04:00", "context", id="local-time-day-from-japan-time-bracket-instant"),
    pytest.param("【ワシントン＝共同】首相は16日午後（日本時間17日未明）、ホワイトハウスで会談した。\n会談は現地時間午後1時40分（日本時間17日午前2時40分）から行われた。", A(2021, 4, 17), "日本時間17日午前2時40分", "datetime", "2021-04-17T02:40:00+09:00", "context", id="japan-time-bracket-after-dayless-local-time"),
    pytest.param("ワシントンで会談した。会談は現地時間午後1時40分（日本時間17日午前2時40分）から行われた。", A(2021, 4, 17), "現地時間午後1時40分", "datetime", "2021-04-16T13:40:00-04:00", "context", id="local-time-not-on-anchor-day-when-bracket-says-otherwise"),
    pytest.param("【ワシントン＝共同】首相は16日午後（日本時間17日未明）、ホワイトハウスで会談した。\n会談は日本時間17日午前2時40分（現地時間16日午後1時40分）から行われた。", A(2021, 4, 17), "現地時間16日午後1時40分", "datetime", "2021-04-16T13:40:00-04:00", "context", id="local-time-bracket-after-japan-time"),
    pytest.param("【ワシントン＝共同】首相は16日午後（日本時間17日未明）、ホワイトハウスで会談した。\n会談は日本時間17日午前2時40分（現地時間16日午後1時40分）から行われた。", A(2021, 4, 17), "日本時間17日午前2時40分", "datetime", "2021-04-17T02:40:00+09:00", "anchor", id="japan-time-before-local-time-bracket"),
    pytest.param("ワシントンで会談した。会談は現地時間午後7時（日本時間1日午前8時）から行われた。", A(2021, 5, 2), "現地時間午後7時", "datetime", "2021-04-30T19:00:00-04:00", "context", id="local-time-bracket-instant-across-month-end"),
    pytest.param("ワシントンで会談した。会談は現地時間午後7時（日本時間1日午前8時）から行われた。", A(2021, 5, 2), "日本時間1日午前8時", "datetime", "2021-05-01T08:00:00+09:00", "context", id="japan-time-bracket-across-month-end"),
    pytest.param("ワシントンで会談した。会談は現地時間午後11時（日本時間1月1日午後1時）から行われた。", A(2021, 1, 2), "現地時間午後11時", "datetime", "2020-12-31T23:00:00-05:00", "context", id="local-time-bracket-instant-across-year-end"),
    pytest.param("ワシントンで会談した。会談は現地時間午後1時40分（日本時間2021年4月17日午前2時40分）から行われた。", None, "現地時間午後1時40分", "datetime", "2021-04-16T13:40:00-04:00", "context", id="dayless-local-time-dated-by-bracket-without-anchor"),
    pytest.param("ワシントンで会談した。会談は現地時間午後1時40分（日本時間17日午前5時40分）から行われた。", A(2021, 4, 17), "現地時間午後1時40分", "datetime", "2021-04-17T13:40:00-04:00", "anchor", id="bracket-not-the-same-instant-lends-no-day"),
    pytest.param("岸田大臣は明日11日の平和記念公園訪問について述べました。", A(2016, 4, 10), "11日", "date", "2016-04-11", "context", id="day-in-apposition-to-ashita"),
    pytest.param("2023年5月18日に会談した。両首脳の会談は、1月13日にワシントンで行って以来となる。", A(2023, 5, 19), "1月13日", "date", "2023-01-13", "context", id="te-irai-is-past"),
    # an announced event is not before the report (English modal before the date, Japanese predicate after it)
    pytest.param("Talks were held on July 10 in Tokyo. Kishida will meet Biden at the White House on January 13.", A(2023, 1, 5), "July 10", "date", "2022-07-10", "anchor", id="en-past-before-the-date"),
    pytest.param("Talks were held on July 10 in Tokyo. Kishida will meet Biden at the White House on January 13.", A(2023, 1, 5), "January 13", "date", "2023-01-13", "context", id="en-will-meet-on"),
    pytest.param("The ministers met on July 10. The summit is scheduled to take place on January 13.", A(2022, 12, 20), "January 13", "date", "2023-01-13", "context", id="en-scheduled-to"),
    pytest.param("The ministers met on July 10. The summit is expected on January 13.", A(2022, 12, 20), "January 13", "date", "2023-01-13", "context", id="en-is-expected"),
    pytest.param("The ministers met on August 1. The two agreed on January 13 to expand cooperation.", A(2023, 1, 20), "January 13", "date", "2023-01-13", "context", id="en-agreed-past"),
    pytest.param("7月10日に会談した。首相は1月13日にバイデン大統領と会談する予定だ。", A(2022, 12, 20), "1月13日", "date", "2023-01-13", "context", id="ja-yotei-future"),
    pytest.param("7月10日に会談した。首相は1月13日に訪米する見通しだ。", A(2022, 12, 20), "1月13日", "date", "2023-01-13", "context", id="ja-mitooshi-future"),
    pytest.param("7月10日に会談した。政府は1月13日に首脳会談を行う方向で調整している。", A(2022, 12, 20), "1月13日", "date", "2023-01-13", "context", id="ja-houkou-de-chousei-future"),
    pytest.param("7月10日に会談した。両首脳は1月13日に会談を行う。", A(2022, 12, 20), "1月13日", "date", "2023-01-13", "context", id="ja-okonau-future"),
    pytest.param("Abe was scheduled to deliver a speech later Friday before returning to Tokyo.", A(2013, 2, 23), "Friday", "weekday", "2013-02-22", "anchor", id="en-was-scheduled-to-is-no-future"),
    pytest.param("The next round of talks will be held on Friday.", A(2023, 1, 11), "Friday", "weekday", "2023-01-13", "anchor", id="en-will-be-held"),
    pytest.param("Tariffs were announced, with the increase not applied until Aug. 1.", A(2025, 7, 10), "Aug. 1", "date", "2025-08-01", "anchor", id="en-negated-participle-has-no-tense"),
    # English months, times with their zone or weekday
    pytest.param("The leaders last met in March in the Netherlands.", A(2014, 4, 24), "March", "month", "2014-03", "anchor", id="en-in-march-past"),
    pytest.param("Japan hosts the G7 summit in Hiroshima in May.", A(2023, 1, 12), "May", "month", "2023-05", "anchor", id="en-in-may-present"),
    pytest.param("The two leaders will meet again in March.", A(2014, 4, 24), "March", "month", "2015-03", "anchor", id="en-in-march-future"),
    pytest.param("Talks have continued since mid-March 2021.", None, "March 2021", "month", "2021-03", "explicit", id="en-mid-month-year"),
    pytest.param("They met in April 2014 in Tokyo.", None, "April 2014", "month", "2014-04", "explicit", id="en-in-month-year"),
    pytest.param("TOKYO (AP) — The talks began at 10:50 a.m. Thursday, after a ceremony.", A(2014, 4, 24), "10:50 a.m. Thursday", "datetime", "2014-04-24T10:50:00+09:00", "anchor", id="en-time-with-weekday"),
    pytest.param("WASHINGTON -- The talks began at 11 a.m. local time (1 a.m. Japan time).", A(2025, 2, 7), "1 a.m. Japan time", "datetime", "2025-02-08T01:00:00+09:00", "context", id="en-japan-time-bracket-next-day"),
    pytest.param("WASHINGTON -- The talks began at 11 a.m. local time (1 a.m. Japan time).", A(2025, 2, 7), "11 a.m. local time", "datetime", "2025-02-07T11:00:00-05:00", "anchor", id="en-local-time"),
    pytest.param("Published 8:48 AM EDT, April 24, 2014\nAbe welcomed Obama on Wednesday night.", None, "Wednesday night", "weekday", "2014-04-23", "context", id="en-weekday-against-a-head-dateline"),
    pytest.param("Abe welcomed Obama on Wednesday night. On April 24, 2014 they met.", None, "Wednesday night", "weekday", None, "unresolved", id="en-date-in-a-sentence-is-no-head-dateline"),
    # no anchor, no guess
    pytest.param("水曜日に発表した。", None, "水曜日", "weekday", None, "unresolved", id="no-anchor-weekday"),
    pytest.param("来年の会議", None, "来年", "year", None, "unresolved", id="no-anchor-rainen"),
    pytest.param("4月の訪問", None, "4月", "month", None, "unresolved", id="no-anchor-month"),
    pytest.param("13日に会談した。", None, "13日", "date", None, "unresolved", id="no-anchor-day"),
    pytest.param("日本時間の午前1時半ごろから会談した。", None, "日本時間の午前1時半ごろ", "time", "01:30", "explicit", id="no-anchor-time"),
    pytest.param("同日、実施した。", None, "同日", "date", None, "unresolved", id="no-context-doujitsu"),
    pytest.param("They met today.", None, "today", "date", None, "unresolved", id="no-anchor-today"),
    pytest.param("The day before, they met.", A(2025, 3, 30), "The day before", "date", None, "unresolved", id="no-context-the-day-before"),
    pytest.param("They met last April.", None, "last April", "month", None, "unresolved", id="no-anchor-last-april"),
    pytest.param("翌28日に帰国した。", None, "翌28日", "date", None, "unresolved", id="no-anchor-yoku-day"),
    # a zone word after the time, behind a bracket or a comma, decides its zone
    pytest.param("On November 13, at 2:55 p.m. (local time; 4:55 p.m. Japan time), Kishida, who is visiting Phnom Penh, met Biden.", A(2022, 11, 13), "2:55 p.m.", "datetime", "2022-11-13T14:55:00+07:00", "context", id="en-local-time-in-brackets"),
    pytest.param("On November 13, at 2:55 p.m. (local time; 4:55 p.m. Japan time), Kishida, who is visiting Phnom Penh, met Biden.", A(2022, 11, 13), "4:55 p.m. Japan time", "datetime", "2022-11-13T16:55:00+09:00", "context", id="en-japan-time-after-local"),
    pytest.param("They met in New York on Thursday. It began at 5 p.m. (7 a.m. Friday, Japan time).", A(2016, 11, 18), "7 a.m. Friday", "datetime", "2016-11-18T07:00:00+09:00", "context", id="en-japan-time-after-comma"),
    pytest.param("NEW YORK--Noda met Obama on Wednesday. The talks began at 12:20 p.m.", A(2011, 9, 22), "12:20 p.m.", "datetime", "2011-09-21T12:20:00-04:00", "context", id="en-dateline-double-hyphen-zone"),
    pytest.param("On Monday, the call began at 9 p.m. (Eastern time).", A(2025, 4, 8), "9 p.m.", "datetime", "2025-04-07T21:00:00-04:00", "context", id="en-eastern-time-in-brackets"),
    # hour 0 and midnight in English, agencies' 24-hour GMT
    pytest.param("On January 28, from 0:45 a.m., Suga spoke at the Prime Minister's Office.", A(2021, 1, 28), "0:45 a.m.", "datetime", "2021-01-28T00:45:00+09:00", "context", id="en-hour-zero"),
    pytest.param("On January 28, from 12:30 a.m., Suga spoke at the Prime Minister's Office.", A(2021, 1, 28), "12:30 a.m.", "datetime", "2021-01-28T00:30:00+09:00", "context", id="en-twelve-thirty-am"),
    pytest.param("TOKYO -- The call began at 9 p.m. (1200 GMT) on Monday.", A(2025, 4, 7), "1200 GMT", "datetime", "2025-04-07T12:00:00+00:00", "context", id="en-24-hour-gmt"),
    pytest.param("TOKYO -- The talks began at 10:30 a.m. (0130 GMT) on Monday.", A(2025, 4, 7), "10:30 a.m.", "datetime", "2025-04-07T10:30:00+09:00", "anchor", id="en-gmt-bracket-first"),
    pytest.param("TOKYO -- The talks began at 10:30 a.m. (0130 GMT) on Monday.", A(2025, 4, 7), "0130 GMT", "datetime", "2025-04-07T01:30:00+00:00", "context", id="en-gmt-bracket-same-instant"),
    pytest.param("The score was 1200 points.", A(2025, 4, 7), "1200", None, None, None, id="en-number-is-no-gmt-time"),
    pytest.param("Updated on April 8, 2025 02:35 JST", None, "02:35 JST", "datetime", "2025-04-08T02:35:00+09:00", "context", id="en-colon-time-jst"),
    pytest.param("The statement came at 14:30 GMT on April 8, 2025.", A(2025, 4, 8), "14:30 GMT", "datetime", "2025-04-08T14:30:00+00:00", "anchor", id="en-colon-time-gmt"),
    pytest.param("On April 8, talks in Washington began at 14:30.", A(2025, 4, 8), "14:30", "datetime", "2025-04-08T14:30:00-04:00", "context", id="en-colon-time-on-an-english-line"),
    pytest.param("会談は7月28日午後3時（日本時間）から行われた。ワシントンで", A(2024, 7, 31), "7月28日午後3時", "datetime", "2024-07-28T15:00:00+09:00", "anchor", id="ja-zone-word-in-brackets-after"),
    pytest.param("ワシントンで7月28日午前10時（現地時間）から会談した。", A(2024, 7, 31), "7月28日午前10時", "datetime", "2024-07-28T10:00:00-04:00", "anchor", id="ja-local-time-in-brackets-after"),
    pytest.param("Abe met Obama on Wednesday night.", A(2016, 5, 26), "Wednesday night", "weekday", "2016-05-25", "anchor", id="en-weekday-night"),
    pytest.param("Obama arrived late Wednesday after a visit to Vietnam.", A(2016, 5, 26), "late Wednesday", "weekday", "2016-05-25", "anchor", id="en-late-weekday"),
    pytest.param("Abe will meet Trump on Thursday evening.", A(2016, 11, 15), "Thursday evening", "weekday", "2016-11-17", "anchor", id="en-weekday-evening-future"),
    # no zone can be known: the clock alone, never a datetime without its offset
    pytest.param("On January 28, the call began at 1:30 a.m.", A(2021, 1, 28), "1:30 a.m.", "time", "01:30", "explicit", id="en-no-zone-is-a-time"),
    # the day of the sentence before
    pytest.param("Abe met Trump on Thursday evening.\nThe meeting began shortly before 5 p.m. in New York.", A(2016, 11, 18), "5 p.m.", "datetime", "2016-11-17T17:00:00-05:00", "context", id="en-day-of-previous-sentence"),
    pytest.param("そして今月13日。横浜で3度目の会談が開かれた。午前10時30分から約1時間。", A(2010, 11, 22), "午前10時30分", "datetime", "2010-11-13T10:30:00+09:00", "context", id="ja-day-of-sentences-before"),
    pytest.param("首相は来月10日に訪米する。午後3時、記者団に語った。", A(2024, 7, 1), "午後3時", "datetime", "2024-07-01T15:00:00+09:00", "anchor", id="ja-future-day-before-lends-no-day"),
    # a time with no date is on the publication date only when neither its sentence nor the one before speaks of
    # another day: else the one past day they name, or no date at all (kind time)
    pytest.param("東京で日本時間の午前1時半ごろ、記者団に語った。", A(2023, 1, 14), "日本時間の午前1時半ごろ", "datetime", "2023-01-14T01:30:00+09:00", "anchor", id="ja-bare-time-on-the-publication-date"),
    pytest.param("東京で前日、会談した。午後3時から記者会見した。", A(2024, 7, 10), "午後3時", "time", "15:00", "explicit", id="ja-zenjitsu-before-keeps-a-time"),
    pytest.param("首相は先週、東京で会談した。午後3時から記者会見した。", A(2024, 7, 10), "午後3時", "time", "15:00", "explicit", id="ja-senshuu-before-keeps-a-time"),
    pytest.param("首相は先月、東京で会談した。午後3時から記者会見した。", A(2024, 7, 10), "午後3時", "time", "15:00", "explicit", id="ja-sengetsu-before-keeps-a-time"),
    pytest.param("首相は昨夜、東京で記者団に語った。午後10時ごろだった。", A(2024, 7, 10), "午後10時ごろ", "time", "22:00", "explicit", id="ja-sakuya-before-keeps-a-time"),
    pytest.param("首相は東京で午後3時、昨日の会談について記者団に語った。", A(2024, 7, 10), "午後3時", "time", "15:00", "explicit", id="ja-kinou-after-in-its-sentence-keeps-a-time"),
    pytest.param("首相は来月10日に訪米する。東京で午後3時から会談する予定だ。", A(2024, 7, 1), "午後3時", "time", "15:00", "explicit", id="ja-future-day-before-announced-time-keeps-a-time"),
    pytest.param("首相は先週訪米した。帰国後、閣議に出た。午後3時、東京で記者団に語った。", A(2024, 7, 10), "午後3時", "datetime", "2024-07-10T15:00:00+09:00", "anchor", id="ja-other-day-two-sentences-back-does-not-count"),
    pytest.param("前日本大使が東京で午後3時に講演した。", A(2024, 7, 10), "午後3時", "datetime", "2024-07-10T15:00:00+09:00", "anchor", id="ja-former-japanese-is-not-the-day-before"),
    pytest.param("前日本大使が東京で午後3時に講演した。", A(2024, 7, 10), "前日", None, None, None, id="ja-former-japanese-is-not-a-date"),
    pytest.param("Kishida met Biden in Tokyo last week. The talks began at 3 p.m.", A(2024, 7, 10), "3 p.m.", "time", "15:00", "explicit", id="en-last-week-before-keeps-a-time"),
    pytest.param("Biden arrived in Tokyo the day before. The talks began at 3 p.m.", A(2024, 7, 10), "3 p.m.", "time", "15:00", "explicit", id="en-the-day-before-keeps-a-time"),
    pytest.param("Kishida will visit Washington next week. He will speak in Tokyo at 3 p.m.", A(2024, 7, 10), "3 p.m.", "time", "15:00", "explicit", id="en-next-week-announced-time-keeps-a-time"),
    pytest.param("Abe met Trump yesterday and will see him again tomorrow. The talks began at 3 p.m. in Tokyo.", A(2024, 7, 10), "3 p.m.", "datetime", "2024-07-09T15:00:00+09:00", "context", id="en-yesterday-not-tomorrow-for-a-past-time"),
    pytest.param("Kishida met Biden on Monday and will meet him again on Friday. The meeting began at 3 p.m. in Tokyo.", A(2024, 7, 10), "3 p.m.", "datetime", "2024-07-08T15:00:00+09:00", "context", id="en-past-weekday-not-the-announced-one"),
    pytest.param("Kishida met Biden on Wednesday. The talks began at 3 p.m. in Tokyo.", A(2024, 7, 10), "3 p.m.", "datetime", "2024-07-10T15:00:00+09:00", "context", id="en-weekday-of-the-publication-day"),
    # parts of the day: with a date one mention, a date; けさ/今夜 are the anchor's date
    pytest.param("岸田総理はけさ、電話会談を行いました。", A(2021, 10, 5), "けさ", "date", "2021-10-05", "anchor", id="kesa"),
    pytest.param("電話会談はけさ8時15分から行われた。", A(2021, 10, 5), "けさ8時15分", "datetime", "2021-10-05T08:15:00+09:00", "anchor", id="kesa-with-time"),
    pytest.param("石破首相は日本時間の今朝、会談しました。", A(2025, 6, 17), "日本時間の今朝", "date", "2025-06-17", "anchor", id="kesa-kanji-with-zone-word"),
    pytest.param("首相は今夜、夕食会を開いた。", A(2022, 5, 23), "今夜", "date", "2022-05-23", "anchor", id="konya"),
    pytest.param("首相は今晩、出発する。", A(2022, 5, 23), "今晩", "date", "2022-05-23", "anchor", id="konban"),
    pytest.param("会談は現地時間の16日午後に行われた。", A(2025, 6, 17), "現地時間の16日午後", "date", "2025-06-16", "anchor", id="day-and-afternoon-is-a-date"),
    pytest.param("日本時間では17日未明の午前4時から行われた。", A(2025, 6, 17), "日本時間では17日未明の午前4時", "datetime", "2025-06-17T04:00:00+09:00", "anchor", id="day-mimei-time"),
    pytest.param("13日深夜に電話で会談した。", A(2025, 6, 17), "13日深夜", "date", "2025-06-13", "anchor", id="day-shinya"),
    pytest.param("13日夕方に会談した。", A(2025, 6, 17), "13日夕方", "date", "2025-06-13", "anchor", id="day-yuugata"),
    pytest.param("11月6日正午から会談した。", A(2017, 11, 6), "11月6日正午", "datetime", "2017-11-06T12:00:00+09:00", "anchor", id="day-shougo"),
    pytest.param("1月1日午前零時に発効した。", A(2024, 1, 3), "1月1日午前零時", "datetime", "2024-01-01T00:00:00+09:00", "anchor", id="day-midnight"),
    pytest.param("13日夜11時に会談した。", A(2025, 6, 17), "13日夜11時", "datetime", "2025-06-13T23:00:00+09:00", "anchor", id="day-night-hour"),
    pytest.param("部下に責任を取らせず、受けさせた。", A(2025, 6, 17), "けさ", None, None, None, id="kesa-inside-a-verb-is-nothing"),
    # partial months and spans of the anchor's year and month
    pytest.param("5月末までに決着という約束を守れず、6月に退陣した。", A(2010, 11, 22), "5月末", "month", "2010-05", "anchor", id="month-end-past"),
    pytest.param("1月中旬の訪米時が最後です。", A(2020, 5, 16), "1月中旬", "month", "2020-01", "anchor", id="month-mid-copula"),
    pytest.param("7月上旬に迫っている。", A(2025, 6, 17), "7月上旬", "month", "2025-07", "anchor", id="month-early"),
    pytest.param("9月下旬に訪米する予定だ。", A(2025, 6, 17), "9月下旬", "month", "2025-09", "anchor", id="month-late"),
    pytest.param("年内の訪米も視野に入れる。", A(2021, 10, 5), "年内", "year", "2021", "anchor", id="nennai"),
    pytest.param("月内の合意を探る。", A(2025, 6, 17), "月内", "month", "2025-06", "anchor", id="getsunai"),
    pytest.param("年内の決着は難しい。", None, "年内", "year", None, "unresolved", id="no-anchor-nennai"),
    pytest.param("今後10年内に実現する。", A(2025, 6, 17), "年内", None, None, None, id="ten-years-within-is-no-nennai"),
    pytest.param("3カ月内に結論を出す。", A(2025, 6, 17), "3カ月", "duration", "P3M", "explicit", id="three-months-within-is-no-getsunai"),
    # stays and schedules are durations, never days of the month
    pytest.param("大統領は1泊2日の横浜滞在だった。", A(2010, 11, 22), "1泊2日", "duration", "P2D", "explicit", id="stay-one-night"),
    pytest.param("２泊３日の日程で来日した。", A(2022, 5, 23), "２泊３日", "duration", "P3D", "explicit", id="stay-full-width"),
    pytest.param("三泊四日の日程で訪米する。", A(2022, 5, 23), "三泊四日", "duration", "P4D", "explicit", id="stay-kanji"),
    pytest.param("15日から3日間の日程で開かれている。", A(2025, 6, 17), "3日間", "duration", "P3D", "explicit", id="days-schedule"),
    # a year before a noun
    pytest.param("in line with the 2010 bilateral agreement.", A(2011, 9, 22), "2010", "year", "2010", "explicit", id="en-the-year-before-a-noun"),
    pytest.param("They sent the 2000 troops home.", A(2011, 9, 22), "2000", None, None, None, id="en-the-number-before-a-plural"),
    # dates in figures with separators, western and era years; a month alone only after a slash or an era
    pytest.param("会談は2022.5.23に行われた。", A(2022, 5, 25), "2022.5.23", "date", "2022-05-23", "explicit", id="numeric-dots"),
    pytest.param("日付は２０２２・５・２３とある。", A(2022, 5, 25), "２０２２・５・２３", "date", "2022-05-23", "explicit", id="numeric-middle-dots-full-width"),
    pytest.param("令和4.5.23に会談した。", A(2022, 5, 25), "令和4.5.23", "date", "2022-05-23", "explicit", id="numeric-era"),
    pytest.param("H30/4/18付の文書", A(2022, 5, 25), "H30/4/18", "date", "2018-04-18", "explicit", id="numeric-era-letter"),
    pytest.param("令和元.5に公表", A(2022, 5, 25), "令和元.5", "month", "2019-05", "explicit", id="numeric-era-month"),
    pytest.param("西暦2022/5の統計", A(2022, 5, 25), "西暦2022/5", "month", "2022-05", "explicit", id="numeric-slash-month"),
    pytest.param("昭和三十五・一・十九に署名", A(2022, 5, 25), "昭和三十五・一・十九", "date", "1960-01-19", "explicit", id="numeric-era-kanji"),
    pytest.param("価格は2021.5ドルだった。", A(2022, 5, 25), "2021.5", None, None, None, id="numeric-decimal-is-no-month"),
    pytest.param("手順2021.7.40を参照", A(2022, 5, 25), "2021.7.40", None, None, None, id="numeric-day-out-of-range"),
    pytest.param("2022.5-23の表", A(2022, 5, 25), "2022.5-23", None, None, None, id="numeric-separators-disagree"),
    # the three wrong dates of real Diet speeches: a bare day before a past report, a month after の, a month-day
    # whose clause ends in a quoted intention (出そうと), which tells nothing of when the meeting was
    pytest.param("総理は、二十三日に日米首脳会談に臨まれ、国際秩序が揺らぐ中、認識を共有されたことを評価いたします。",
                 A(2022, 5, 25), "二十三日", "date", "2022-05-23", "anchor", id="diet-day-before-a-past-report"),
    pytest.param("この改定は四月の二十七日に日米２プラス２で合意がなされた。", A(2015, 8, 7), "四月の二十七日", "date",
                 "2015-04-27", "anchor", id="diet-month-no-day"),
    pytest.param("十二月十九日の日米外相会談のときに、互いに知恵を出そうと。", A(2012, 3, 5), "十二月十九日", "date",
                 "2011-12-19", "anchor", id="diet-month-day-before-a-quoted-intention"),
    pytest.param("私は、五月の二日から四日まで、救う会の皆様とワシントンを訪問しました。", A(2019, 5, 16), "五月の二日",
                 "date", "2019-05-02", "anchor", id="plain-form-before-a-noun-is-no-predicate"),
    pytest.param("首相は五月二日に訪米する。", A(2019, 5, 16), "五月二日", "date", None, "unresolved",
                 id="future-a-year-ahead-of-a-day-just-past-is-in-doubt"),
    # a weekday written on after the day
    pytest.param("2024年4月10日水曜日に会談した。", A(2024, 4, 12), "2024年4月10日水曜日", "date", "2024-04-10", "explicit", id="weekday-written-on"),
    # clocks that run past midnight, kanji clocks with their minutes, seconds after a colon
    pytest.param("協議は24時に始まった。", A(2024, 7, 31), "24時", "datetime", "2024-08-01T00:00:00+09:00", "anchor", id="clock-24"),
    pytest.param("31日深夜25時半に終わった。", A(2024, 7, 31), "31日深夜25時半", "datetime", "2024-08-01T01:30:00+09:00", "anchor", id="clock-25-after-a-day"),
    pytest.param("30時に会談した。", A(2024, 7, 31), "30時", None, None, None, id="clock-30-is-none"),
    pytest.param("会談は九時五分に始まった。", A(2024, 7, 31), "九時五分", "datetime", "2024-07-31T09:05:00+09:00", "anchor", id="kanji-clock-minutes"),
    pytest.param("会談は10:30:15に始まった。", A(2024, 7, 31), "10:30:15", "datetime", "2024-07-31T10:30:15+09:00", "anchor", id="clock-seconds-colon"),
]


def _one(text: str, anchor: dt.date | None, params: TemporalParams = TemporalParams()) -> pl.DataFrame:
    docs = pl.DataFrame(
        {"doc_id": ["d"], "text": [text], "anchor_date": [anchor]},
        schema={"doc_id": pl.Utf8, "text": pl.Utf8, "anchor_date": pl.Date},
    )
    return extract_temporal(docs, params)


@pytest.mark.parametrize(("text", "anchor", "surface", "kind", "value", "resolved_by"), CASES)
def test_construction(text, anchor, surface, kind, value, resolved_by) -> None:
    out = _one(text, anchor)
    if kind is None:  # not temporal: nothing overlaps the surface
        start = text.find(surface)
        assert start >= 0
        overlapping = out.filter((pl.col("char_start") < start + len(surface)) & (pl.col("char_end") > start))
        assert overlapping.height == 0, overlapping.select("surface", "kind", "value").to_dicts()
        return
    hit = out.filter(pl.col("surface") == surface)
    assert hit.height >= 1, out.select("surface", "kind", "value").to_dicts()
    row = hit.row(0, named=True)
    assert (row["kind"], row["value"], row["resolved_by"]) == (kind, value, resolved_by)
    assert row["anchor_date"] == (anchor if resolved_by == "anchor" else None)
    assert text[row["char_start"] : row["char_end"]] == surface


# ---------------------------------------------------------------------------------------------------------
# durations: the surface, the value and whether it is hedged or a bound (超, 余り, more than: the amount stated)


@pytest.mark.parametrize(
    ("text", "surface", "value", "approximate"),
    [
        pytest.param("会合は2時間超にわたって行われた。", "2時間超", "PT2H", True, id="ja-cho-lower-bound"),
        pytest.param("会談は1時間余り行われた。", "1時間余り", "PT1H", True, id="ja-amari"),
        pytest.param("1時間以上話し合った。", "1時間以上", "PT1H", True, id="ja-ijou"),
        pytest.param("約四十分間、電話で会談した。", "約四十分間", "PT40M", True, id="ja-kanji-approx"),
        pytest.param("３０分間会談した。", "３０分間", "PT30M", False, id="ja-full-width-exact"),
        pytest.param("The talks lasted about an hour.", "about an hour", "PT1H", True, id="en-about-an-hour"),
        pytest.param("The talks lasted about an hour and 45 minutes.", "about an hour and 45 minutes", "PT1H45M", True, id="en-hour-and-minutes"),
        pytest.param("They spoke for half an hour.", "half an hour", "PT30M", False, id="en-half-an-hour"),
        pytest.param("They spoke for an hour and a half.", "an hour and a half", "PT1H30M", False, id="en-hour-and-a-half"),
        pytest.param("The call lasted one hour.", "one hour", "PT1H", False, id="en-one-hour"),
        pytest.param("The talks lasted two hours.", "two hours", "PT2H", False, id="en-two-hours"),
        pytest.param("Twelve minutes later they left.", "Twelve minutes", "PT12M", False, id="en-twelve-minutes-capital"),
        pytest.param("They met for more than two hours.", "more than two hours", "PT2H", True, id="en-more-than"),
        pytest.param("at the start of two days of talks", "two days", "P2D", False, id="en-two-days"),
        pytest.param("a 10-year plan", "10-year", "P10Y", False, id="en-hyphenated"),
        pytest.param("The talks ran for about two and a half hours.", "about two and a half hours", "PT2H30M", True, id="en-two-and-a-half-hours"),
        pytest.param("They talked for two and a half hours.", "two and a half hours", "PT2H30M", False, id="en-n-and-a-half"),
        pytest.param("After a 90-minute meeting they left.", "90-minute", "PT1H30M", False, id="en-90-minute-meeting"),
        pytest.param("They held a 40-minute call.", "40-minute", "PT40M", False, id="en-40-minute-call"),
        pytest.param("They held a half-hour call.", "half-hour", "PT30M", False, id="en-half-hour-call"),
        pytest.param("首相は5年ぶりに訪米した。", "5年ぶり", "P5Y", False, id="ja-first-in-years"),
        pytest.param("3日ぶりに再開した。", "3日ぶり", "P3D", False, id="ja-first-in-days-is-no-day"),
        pytest.param("30年もの間続いた。", "30年もの間", "P30Y", False, id="ja-mono-aida"),
        pytest.param("2日にわたり協議した。", "2日にわたり", "P2D", False, id="ja-niwatari-is-no-day"),
        pytest.param("100メートルを9秒58で走った。", "9秒58", "PT9.58S", False, id="ja-seconds-hundredths"),
    ],
)
def test_duration(text: str, surface: str, value: str, approximate: bool) -> None:
    out = _one(text, None).filter(pl.col("kind") == "duration")
    assert out.select("surface", "value", "is_approximate").rows() == [(surface, value, approximate)]


# ---------------------------------------------------------------------------------------------------------
# traps: look temporal, are not


@pytest.mark.parametrize(
    ("text", "trap"),
    [
        pytest.param("十分かつ透明性の高い疫学的データ", "十分", id="juubun-sufficient"),
        pytest.param("それで十分だ。", "十分", id="juubun-predicate"),
        pytest.param("G8/20を通じた世界経済の回復", "G8/20", id="g8-20"),
        pytest.param("1.日米関係\n\n(1)日米関係総論", "1.日米関係", id="section-number"),
        pytest.param("1日米関係\n", "1日米", id="section-number-no-dot"),
        pytest.param("日米安全保障協議委員会(「2+2」)を実施", "「2+2」", id="two-plus-two"),
        pytest.param("経済版の「2プラス2」", "2プラス2", id="two-plus-two-kana"),
        pytest.param("一時的に停止した。", "一時", id="ichiji-temporarily"),
        pytest.param("5年連続で最大の投資国", "5年連続", id="five-years-running"),
        pytest.param("a force of 2,000 troops", "2,000", id="en-thousands"),
        pytest.param("the deployment of 2000 troops", "2000", id="en-count-after-of"),
        pytest.param("日米安保条約改定50周年", "50周年", id="anniversary"),
        pytest.param("80%削減", "80%", id="percent"),
        pytest.param("1日も早い解決を求めた。", "1日", id="ichinichi-mo-hayaku"),
        pytest.param("1日あたり100人", "1日", id="per-day"),
        pytest.param("四日市市で開かれた。", "四日", id="yokkaichi-city-name"),
        pytest.param("三日月の夜", "三日", id="mikazuki-crescent"),
        pytest.param("唯一日本だけが参加した。", "一日", id="numeral-inside-a-word"),
        pytest.param("the one who came", "one", id="en-number-word-alone"),
        pytest.param("whose 88-year-old chef is famous", "88-year", id="en-age"),
        pytest.param("The deal may be signed soon.", "may", id="en-may-modal"),
        pytest.param("Theresa May met Abe.", "May", id="en-may-name"),
        pytest.param("Abe met ministers in May's cabinet.", "May", id="en-may-possessive"),
        pytest.param("30日以内に回答する。", "30日", id="within-thirty-days"),
        pytest.param("They met on March 30, 2025, and the day before the summit they toured.", "the day before", id="en-day-before-an-event"),
    ],
)
def test_trap_yields_no_mention(text: str, trap: str) -> None:
    out = _one(text, A(2024, 7, 31))
    start = text.find(trap)
    end = start + len(trap)
    overlapping = out.filter((pl.col("char_start") < end) & (pl.col("char_end") > start))
    assert overlapping.height == 0, overlapping.to_dicts()


# ---------------------------------------------------------------------------------------------------------
# the date line, instants and the full row


def test_local_and_japan_time_are_the_same_instant() -> None:
    text = "米国・ワシントンで、現地時間2月7日、午前11時55分(日本時間2月8日、午前1時55分)から会談した。"
    out = _one(text, A(2025, 2, 9)).filter(pl.col("kind") == "datetime")
    assert out["value"].to_list() == ["2025-02-07T11:55:00-05:00", "2025-02-08T01:55:00+09:00"]
    assert out["tz_name"].to_list() == ["America/New_York", "Asia/Tokyo"]
    assert out["value_utc"].n_unique() == 1
    assert out["value_utc"][0] == dt.datetime(2025, 2, 7, 16, 55, tzinfo=dt.timezone.utc)


def test_full_row_of_a_datetime() -> None:
    out = _one("ホワイトハウスで日本時間の午前1時半ごろから会談した。", A(2023, 1, 14))
    expected = pl.DataFrame(
        {
            "doc_id": ["d"],
            "char_start": [8],
            "char_end": [20],
            "surface": ["日本時間の午前1時半ごろ"],
            "kind": ["datetime"],
            "value": ["2023-01-14T01:30:00+09:00"],
            "resolved_by": ["anchor"],
            "precision": ["minute"],
            "tz_name": ["Asia/Tokyo"],
            "anchor_date": [A(2023, 1, 14)],
            "value_utc": [dt.datetime(2023, 1, 13, 16, 30)],
            "is_approximate": [True],
            "rule": ["ja_time+zone_word"],
        },
        schema={**TEMPORAL_COLUMNS, "value_utc": pl.Datetime("us")},
    ).with_columns(pl.col("value_utc").dt.replace_time_zone("UTC"))
    assert_frame_equal(out, expected)


def test_time_stays_time_when_anchor_dates_are_switched_off() -> None:
    out = _one("日本時間の午前1時半ごろから会談した。", A(2023, 1, 14), TemporalParams(time_on_anchor_date=False))
    assert out.select("kind", "value").row(0) == ("time", "01:30")


def test_bare_japanese_time_without_a_place_is_japan_time() -> None:
    out = _one("7月28日午後3時15分から会談した。", A(2024, 7, 31))
    assert out.select("value", "tz_name", "value_utc").row(0) == (
        "2024-07-28T15:15:00+09:00", "Asia/Tokyo", dt.datetime(2024, 7, 28, 6, 15, tzinfo=dt.timezone.utc))


# with no zone to be known, the clock is stated as a time: never a datetime without its UTC offset
def test_bare_japanese_time_without_a_place_and_no_default_has_no_zone() -> None:
    out = _one("7月28日午後3時15分から会談した。", A(2024, 7, 31), TemporalParams(japanese_default_zone=None))
    assert out.select("kind", "value", "tz_name", "value_utc").row(0) == ("time", "15:15", None, None)


def test_local_time_without_any_place_has_no_zone() -> None:
    out = _one("会談は現地時間午前10時から行われた。", A(2015, 4, 29))
    assert out.select("kind", "value", "tz_name").row(0) == ("time", "10:00", None)


# ---------------------------------------------------------------------------------------------------------
# schema, order, empty and odd input


def test_schema_matches_temporal_columns(seed_mentions: pl.DataFrame) -> None:
    assert seed_mentions.schema == pl.Schema(TEMPORAL_COLUMNS)


def test_sorted_by_doc_and_offsets(seed_mentions: pl.DataFrame) -> None:
    assert seed_mentions.equals(seed_mentions.sort("doc_id", "char_start", "char_end"))


@pytest.mark.parametrize(
    "texts",
    [
        pytest.param([], id="no-documents"),
        pytest.param([""], id="empty-text"),
        pytest.param([None], id="null-text"),
        pytest.param(["日米関係は重要だ。"], id="no-temporal-expression"),
    ],
)
def test_empty_outputs_keep_the_schema(texts: list[str | None]) -> None:
    docs = pl.DataFrame(
        {"doc_id": [f"d{i}" for i in range(len(texts))], "text": texts, "anchor_date": [None] * len(texts)},
        schema={"doc_id": pl.Utf8, "text": pl.Utf8, "anchor_date": pl.Date},
    )
    out = extract_temporal(docs)
    assert_frame_equal(out, pl.DataFrame(schema=TEMPORAL_COLUMNS))


def test_a_control_character_in_the_text_keeps_the_offsets() -> None:
    text = "記録\x00\x01 会談は5月18日に行われた。"
    out = _one(text, A(2024, 5, 20))
    row = out.row(0, named=True)
    assert (row["surface"], text[row["char_start"]:row["char_end"]]) == ("5月18日", "5月18日")


def test_offsets_are_code_points_not_bytes() -> None:
    text = "𠮷野家で😀、２０２４年７月２８日に会談した。"
    out = _one(text, None)
    row = out.row(0, named=True)
    assert (row["char_start"], row["char_end"]) == (6, 16)
    assert text[row["char_start"] : row["char_end"]] == row["surface"] == "２０２４年７月２８日"


def test_documents_keep_their_own_anchor_and_context() -> None:
    docs = pl.DataFrame(
        {
            "doc_id": ["b", "a", "c"],
            "text": ["来年の会議", "2024年7月28日に会談。同日発表。", "同日発表。"],
            "anchor_date": [A(2009, 11, 13), None, None],
        },
        schema={"doc_id": pl.Utf8, "text": pl.Utf8, "anchor_date": pl.Date},
    )
    out = extract_temporal(docs).select("doc_id", "surface", "value", "resolved_by")
    expected = pl.DataFrame(
        {
            "doc_id": ["a", "a", "b", "c"],
            "surface": ["2024年7月28日", "同日", "来年", "同日"],
            "value": ["2024-07-28", "2024-07-28", "2010", None],
            "resolved_by": ["explicit", "context", "anchor", "unresolved"],
        }
    )
    assert_frame_equal(out, expected)


# ---------------------------------------------------------------------------------------------------------
# helpers


@pytest.mark.parametrize(
    ("text", "zone"),
    [
        pytest.param("ワシントンのホワイトハウスで会談した。", "America/New_York", id="white-house"),
        pytest.param("訪米中の首相は会談した。", None, id="houbei-country-of-several-zones"),
        pytest.param("訪米中の首相はサンフランシスコで会談した。", "America/Los_Angeles", id="houbei-and-city"),
        pytest.param("首相は米国防総省において会談した。", "America/New_York", id="pentagon-after-us"),
        pytest.param("首相は韓国で会談した。", "Asia/Seoul", id="country-of-one-zone"),
        pytest.param("首相は来月訪米する予定だ。", None, id="visit-to-come"),
        pytest.param("東京において実施した。", "Asia/Tokyo", id="tokyo-locative"),
        pytest.param("大統領が日本を訪問した。", "Asia/Tokyo", id="visit-to-japan"),
        pytest.param("They met at the White House.", "America/New_York", id="en-venue"),
        pytest.param("held their meeting in Tokyo", "Asia/Tokyo", id="en-locative"),
        pytest.param("首脳会談を行った。", None, id="no-place"),
        pytest.param("", None, id="empty"),
        pytest.param("東京で会談し、ワシントンで会談した。", None, id="tie"),
        pytest.param("ホノルルで会談した。", "Pacific/Honolulu", id="honolulu"),
        pytest.param("訪米のため羽田空港を出発した。", None, id="before-the-visit"),
        pytest.param("来日を前に声明を出した。", None, id="before-coming-to-japan"),
        pytest.param("訪米中の首相はワシントンで会談した。訪米のため出発した。", "America/New_York", id="during-and-before"),
        pytest.param("【ワシントン時事】首相は会談した。", "America/New_York", id="ja-dateline-prefix"),
    ],
)
def test_infer_event_zone(text: str, zone: str | None) -> None:
    assert infer_event_zone(text) == zone


@pytest.mark.parametrize(
    ("s", "n"),
    [
        pytest.param("二〇二四", 2024, id="digit-by-digit"),
        pytest.param("十一", 11, id="eleven"),
        pytest.param("二十三", 23, id="twenty-three"),
        pytest.param("三十一", 31, id="thirty-one"),
        pytest.param("百五", 105, id="hundred-five"),
        pytest.param("１８", 18, id="full-width"),
        pytest.param("", None, id="empty"),
        pytest.param("十a", None, id="not-a-number"),
    ],
)
def test_kanji_to_int(s: str, n: int | None) -> None:
    assert kanji_to_int(s) == n


@pytest.mark.parametrize(("text", "values"), [
    pytest.param("午後1時半から同3時半まで会談した。", ["13:30", "15:30"], id="same-afternoon"),
    pytest.param("夜8時から同10時まで", ["20:00", "22:00"], id="same-night"),
    pytest.param("午前10時から同11時まで", ["10:00", "11:00"], id="same-morning-unchanged"),
    pytest.param("午後2時から11時まで", ["14:00", "11:00"], id="no-same-no-carry"),
])
def test_same_half_of_the_day_after_do(text, values):
    import polars as pl
    from datetime import date

    rows = extract_temporal(pl.DataFrame({"doc_id": ["d"], "text": [text], "anchor_date": [date(2021, 7, 18)]}))
    assert [v[11:16] for v in rows["value"]] == values
