"""Meetings against the gold of the seeds and of the project's test documents, and the language rules one by one.

The scorer below follows the release's acceptance rules: a gold meeting is found by document (through
meeting_sources), type and local date; its fields must be equal (nulls included); principals and attendees are
compared by the English name of their entity and their numbers must be equal; any other meeting of a gold type
linked to a gold document is a false positive.
"""

from __future__ import annotations

import re

import datetime as dt
import json
from functools import lru_cache
from pathlib import Path

import polars as pl
import pytest
from polars.testing import assert_frame_equal

import schemas
from nichibei import pipeline
from nichibei.extract import extract_all
from nichibei.meetings import meeting_id, merge_meetings, sentence_spans, DocMeeting, Participant

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
SCORED_TYPES = {"summit", "2plus2", "trilateral_summit", "courtesy_call"}


@lru_cache(maxsize=4)
def release(raw_dir: str) -> dict[str, pl.DataFrame]:
    cleaned = pipeline.clean(pipeline.load(Path(raw_dir)))
    extracted = extract_all(cleaned.documents, cleaned.segments)
    return schemas.validate_tables(pipeline.assemble(cleaned, extracted))


def load_gold(name: str) -> list[dict]:
    return [json.loads(line) for line in (FIXTURES / name).read_text(encoding="utf-8").splitlines() if line.strip()]


def _tokens(name: str | None) -> set[str]:
    return {t.strip(".,").lower() for t in (name or "").split() if t.strip(".,")}


def _names_match(gold: list[str], got: list[str]) -> list[str]:
    """Gold names without a release name sharing a token with them, matched one to one."""
    left = list(got)
    missing = []
    for g in gold:
        hit = next((x for x in left if _tokens(g) & _tokens(x)), None)
        if hit is None:
            missing.append(g)
        else:
            left.remove(hit)
    return missing


def score_document(tables: dict[str, pl.DataFrame], gold: dict) -> list[str]:
    """Every disagreement between the release and one gold document, in words (empty: all good)."""
    errors: list[str] = []
    docs = tables["documents"].filter(pl.col("source_file") == gold["file"])
    if docs.height != 1:
        return [f"{gold['file']}: document not in the release"]
    doc_id = docs["doc_id"][0]
    linked = tables["meeting_sources"].filter(pl.col("doc_id") == doc_id)["meeting_id"]
    meetings = tables["meetings"].filter(pl.col("meeting_id").is_in(linked.implode()))
    names = tables["entities"].select("entity_id", "name_en")
    parts = tables["meeting_participants"].join(names, on="entity_id", how="left")
    matched: set[str] = set()
    if docs["is_relevant"][0] != bool(gold["meetings"]):
        errors.append(f"{gold['file']}: is_relevant {docs['is_relevant'][0]}")
    for g in gold["meetings"]:
        label = f"{gold['file']} {g['meeting_type']} {g['date_local']}"
        date = dt.date.fromisoformat(g["date_local"]) if g["date_local"] else None
        cand = meetings.filter((pl.col("meeting_type") == g["meeting_type"])
                               & (pl.col("date_local").eq_missing(pl.lit(date, pl.Date))))
        if cand.is_empty():
            if not g.get("optional"):
                errors.append(f"{label}: missing")
            continue
        m = cand.row(0, named=True)
        matched.add(m["meeting_id"])
        want_start = dt.datetime.fromisoformat(g["start_jst"]).astimezone(dt.timezone.utc) if g["start_jst"] else None
        got_start = m["start_utc"]
        if (want_start is None) != (got_start is None) or (want_start and want_start != got_start):
            errors.append(f"{label}: start {got_start} != {want_start}")
        for gk, rk in (("tz_local", "tz_local"), ("city", "city"), ("country", "country_code"), ("venue", "venue"),
                       ("duration_minutes", "duration_minutes")):
            if g[gk] != m[rk]:
                errors.append(f"{label}: {rk} {m[rk]!r} != {g[gk]!r}")
        mp = parts.filter(pl.col("meeting_id") == m["meeting_id"])
        for side in ("principal", "attendee"):
            want = [p["name_en"] for p in g["participants"] if p["side"] == side]
            got = mp.filter(pl.col("side") == side)["name_en"].to_list()
            if len(want) != len(got):
                errors.append(f"{label}: {len(got)} {side}s {sorted(map(str, got))} != {len(want)}")
            missing = _names_match(want, got)
            if missing:
                errors.append(f"{label}: {side}s missing {missing}")
    for row in meetings.iter_rows(named=True):
        if row["meeting_id"] not in matched and row["meeting_type"] in SCORED_TYPES:
            errors.append(f"{gold['file']}: unexpected {row['meeting_type']} {row['date_local']}")
    return errors


SEEDS = load_gold("seeds-gold.jsonl")
DOCS = load_gold("docs-gold.jsonl")


@pytest.mark.parametrize("gold", [pytest.param(g, id=g["file"]) for g in SEEDS])
def test_seed_meetings_match_gold(gold):
    assert score_document(release(str(ROOT / "raw")), gold) == []


@pytest.mark.parametrize("gold", [pytest.param(g, id=g["file"]) for g in DOCS])
def test_project_documents_match_gold(gold):
    assert score_document(release(str(FIXTURES / "docs")), gold) == []


def test_scorer_sees_a_wrong_field():
    tables = dict(release(str(ROOT / "raw")))
    tables["meetings"] = tables["meetings"].with_columns(pl.lit(None, pl.Int64).alias("duration_minutes"))
    errors = score_document(tables, SEEDS[0])
    assert any("duration_minutes" in e for e in errors)


def test_scorer_sees_a_false_positive():
    gold = dict(SEEDS[2])
    gold["meetings"] = [m for m in gold["meetings"] if not m.get("optional")]
    errors = score_document(release(str(ROOT / "raw")), gold)
    assert errors == ["002_29df64e5bb346e5e.txt: unexpected courtesy_call 2025-02-07"]


def test_two_reports_are_one_meeting_in_any_order():
    tables = release(str(FIXTURES / "docs"))
    docs = tables["documents"].filter(pl.col("source_file").str.starts_with("10")).sort("source_file")
    two = docs.filter(pl.col("source_file").str.contains("2plus2"))
    sources = tables["meeting_sources"].filter(pl.col("doc_id").is_in(two["doc_id"].implode()))
    assert sources["meeting_id"].n_unique() == 1
    mid = sources["meeting_id"][0]
    assert tables["meetings"].filter(pl.col("meeting_id") == mid)["n_sources"].to_list() == [2]
    # the same two documents alone, in the other order, give the same id and the same row
    cleaned = pipeline.clean(pipeline.load(FIXTURES / "docs"))
    keep = cleaned.documents.filter(pl.col("doc_id").is_in(two["doc_id"].implode()))
    reversed_docs = keep.sort("doc_id", descending=True)
    alone = extract_all(reversed_docs, cleaned.segments.filter(pl.col("doc_id").is_in(two["doc_id"].implode())))
    assert alone["meetings"]["meeting_id"].to_list() == [mid]
    assert_frame_equal(alone["meetings"], tables["meetings"].filter(pl.col("meeting_id") == mid))


@pytest.mark.parametrize(
    ("reports", "n_rows", "n_sources"),
    [
        pytest.param([("b", "2023-01-11"), ("a", "2023-01-11")], 1, [2], id="same-day-two-docs"),
        pytest.param([("a", "2023-01-11"), ("b", "2023-01-12")], 2, [1, 1], id="different-days"),
        pytest.param([("a", None), ("b", None)], 2, [1, 1], id="undated-never-merged"),
        pytest.param([], 0, [], id="empty"),
    ],
)
def test_merge_counts_sources(reports, n_rows, n_sources):
    def report(doc, d):
        return DocMeeting(doc, True, "summit", dt.date.fromisoformat(d) if d else None, None, None, None, None, None,
                          None, None, 0, 5, [Participant("person:a", "prime_minister", "JP", "principal", False, doc,
                                                         0, 2)])
    made = [report(doc, d) for doc, d in reports]
    out = merge_meetings(made)
    assert out["meetings"].height == n_rows
    assert sorted(out["meetings"]["n_sources"].to_list()) == n_sources
    assert_frame_equal(out["meetings"], merge_meetings(list(reversed(made)))["meetings"])


def test_meeting_id_is_deterministic_and_readable():
    m = DocMeeting("doc1", True, "2plus2", dt.date(2024, 7, 28), None, None, None, None, None, None, None, 0, 1,
                   [Participant("person:x", None, "JP", "principal", False, "doc1", 0, 1)])
    other_doc = DocMeeting("doc2", False, "2plus2", dt.date(2024, 7, 28), None, None, None, None, None, None, None, 3,
                           4, [Participant("person:x", None, "JP", "principal", True, "doc2", 3, 4)])
    assert meeting_id(m) == meeting_id(other_doc)
    assert re.fullmatch(r"m_[0-9a-f]{16}", meeting_id(m))


# --- language rules, one small document each --------------------------------------------------------------

SMALL = [
    # text, published date, expected (type, date_local, city, country, start UTC, duration) or None
    pytest.param("日米首脳会談\n岸田総理大臣は、東京においてバイデン大統領と会談しました。", "2023-05-18",
                 ("summit", None, "Tokyo", "JP", None, None), id="undated-primary-keeps-a-row"),
    pytest.param("日米首脳会談\n１０月５日午前７時３５分から約２０分間、岸田総理大臣はバイデン大統領と首脳会談を行いました。",
                 None, ("summit", None, None, None, None, 20), id="full-width-digits-no-year-no-date"),
    pytest.param("日米首脳テレビ会議\n1月21日午後10時から約80分間、岸田総理大臣はバイデン大統領とテレビ会議を行いました。",
                 "2022-01-22", ("video_call", dt.date(2022, 1, 21), None, None,
                                dt.datetime(2022, 1, 21, 13, 0, tzinfo=dt.timezone.utc), 80), id="video-call-no-place"),
    pytest.param("日米外相会談\n7月26日、上川外務大臣はブリンケン国務長官と会談しました。", "2024-07-27",
                 ("foreign_ministers", dt.date(2024, 7, 26), None, None, None, None), id="foreign-ministers"),
    pytest.param("日中首脳会談\n岸田総理大臣は、中国の習近平国家主席と会談しました。", "2023-11-17", None,
                 id="japan-china-is-not-us-japan"),
    pytest.param("台風10号 九州に上陸\n気象庁によりますと、台風10号は午前8時ごろ鹿児島県に上陸しました。", "2024-08-29",
                 None, id="no-meeting"),
    pytest.param("", "2024-08-29", None, id="empty-text"),
]


def _one_document(text: str, published: str | None) -> dict[str, pl.DataFrame]:
    docs = pl.DataFrame({"doc_id": ["0123456789abcdef"], "text": [text],
                         "published_date": [dt.date.fromisoformat(published) if published else None]},
                        schema={"doc_id": pl.Utf8, "text": pl.Utf8, "published_date": pl.Date})
    first = text.split("\n", 1)[0]
    segs = pl.DataFrame({"doc_id": ["0123456789abcdef"], "seg_no": [1], "kind": ["title"], "language": ["ja"],
                         "char_start": [0], "char_end": [len(first)], "text": [first]})
    return extract_all(docs, segs if text else segs.clear())


@pytest.mark.parametrize(("text", "published", "expected"), SMALL)
def test_language_rules(text, published, expected):
    out = _one_document(text, published)
    m = out["meetings"]
    if expected is None:
        assert m.is_empty()
        assert out["meeting_sources"].is_empty()
        return
    assert m.height == 1
    row = m.row(0, named=True)
    got = (row["meeting_type"], row["date_local"], row["city"], row["country_code"], row["start_utc"],
           row["duration_minutes"])
    assert got == expected
    assert out["meeting_sources"].height == 1


def test_inferred_principals_from_offices():
    out = _one_document("日米首脳会談\n2月7日、ワシントンで日米首脳会談が行われました。", "2025-02-08")
    parts = out["meeting_participants"].sort("entity_id")
    assert parts.select("entity_id", "role", "side", "is_inferred").rows() == [
        ("person:ishiba_shigeru", "prime_minister", "principal", True),
        ("person:trump_donald", "president", "principal", True),
    ]
    src = out["meeting_sources"].row(0, named=True)
    assert parts["evidence_start"].to_list() == [src["evidence_start"]] * 2


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("会談した。次に移った。", [(0, 5), (5, 11)], id="japanese"),
        pytest.param("He met Kishida. They talked.", [(0, 15), (16, 28)], id="english"),
        pytest.param("ワシントンD. C. を訪問した。", [(0, 17)], id="initials-stay-whole"),
        pytest.param("", [], id="empty"),
        pytest.param("一行目\n二行目", [(0, 3), (4, 7)], id="lines"),
    ],
)
def test_sentence_spans(text, expected):
    assert sentence_spans(text) == expected


# --- the probe: fourteen documents of other outlets and formats, scored as figures --------------------------

PROBE = load_gold("probe-gold.jsonl")
PROBE_TYPES = {"summit", "2plus2", "trilateral_summit", "phone_call", "video_call", "foreign_ministers",
               "defense_ministers"}
PROBE_FIELDS = ("start", "tz_local", "city", "country", "venue", "duration_minutes", "principals", "attendees")


def score_meetings(tables: dict[str, pl.DataFrame], golds: list[dict], types: set[str] = PROBE_TYPES) -> dict:
    """Figures over many gold documents: a gold meeting is matched by document, type and local date; precision
    counts every meeting of a scored type linked to a gold document; optional gold meetings count when found and
    are never missed. Returns counts, the labels (`file type date`) matched, exact (every field right) and
    missed, and the wrong fields as `label: field`."""
    names = tables["entities"].select("entity_id", "name_en")
    parts = tables["meeting_participants"].join(names, on="entity_id", how="left")
    out = {"gold": 0, "predicted": 0, "matched": set(), "exact": set(), "missed": set(), "wrong": set(),
           "fields_right": 0, "fields_total": 0}
    for gold in golds:
        docs = tables["documents"].filter(pl.col("source_file") == gold["file"])
        if docs.height != 1:
            continue
        linked = tables["meeting_sources"].filter(pl.col("doc_id") == docs["doc_id"][0])["meeting_id"]
        meetings = tables["meetings"].filter(pl.col("meeting_id").is_in(linked.implode())
                                             & pl.col("meeting_type").is_in(sorted(types)))
        used: set[str] = set()
        for g in gold["meetings"]:
            label = f"{gold['file'][:3]} {g['meeting_type']} {g['date_local']}"
            out["gold"] += 0 if g.get("optional") else 1
            date = dt.date.fromisoformat(g["date_local"]) if g["date_local"] else None
            cand = meetings.filter((pl.col("meeting_type") == g["meeting_type"])
                                   & pl.col("date_local").eq_missing(pl.lit(date, pl.Date))
                                   & ~pl.col("meeting_id").is_in(sorted(used)))
            if cand.is_empty():
                if not g.get("optional"):
                    out["missed"].add(label)
                continue
            m = cand.row(0, named=True)
            used.add(m["meeting_id"])
            if g.get("optional"):
                out["gold"] += 1
            out["matched"].add(label)
            want_start = dt.datetime.fromisoformat(g["start_jst"]).astimezone(dt.timezone.utc) \
                if g["start_jst"] else None
            mp = parts.filter(pl.col("meeting_id") == m["meeting_id"])
            checks = {"start": want_start == m["start_utc"], "tz_local": g["tz_local"] == m["tz_local"],
                      "city": g["city"] == m["city"], "country": g["country"] == m["country_code"],
                      "venue": g["venue"] == m["venue"], "duration_minutes": g["duration_minutes"] == m["duration_minutes"]}
            for side in ("principal", "attendee"):
                want = [p["name_en"] for p in g["participants"] if p["side"] == side]
                got = mp.filter(pl.col("side") == side)["name_en"].to_list()
                checks[side + "s"] = len(want) == len(got) and not _names_match(want, got)
            for f in PROBE_FIELDS:
                out["fields_total"] += 1
                out["fields_right"] += checks[f]
                if not checks[f]:
                    out["wrong"].add(f"{label}: {f}")
            if all(checks.values()):
                out["exact"].add(label)
        out["predicted"] += meetings.height
    n = len(out["matched"])
    out["precision"] = round(n / out["predicted"], 3) if out["predicted"] else 0.0
    out["recall"] = round(n / out["gold"], 3) if out["gold"] else 0.0
    out["field_accuracy"] = round(out["fields_right"] / out["fields_total"], 3) if out["fields_total"] else 0.0
    return out
