"""Judging the temporal stage on the peers' cases: each case a short document published on its reference date.

A case's expression is put in a sentence whose tense agrees with the expected value (the peer's own sentence
when the case has one; the expression alone for a `bare` case), published with the reference as its date, and
the mention that overlaps the expression most is compared with the expected value at the expected grain. A
wrong value is worse than a miss: a stated component that disagrees, or a date given for a length, is wrong.
"""

from __future__ import annotations

import csv
import hashlib
import json
import re
from datetime import date
from pathlib import Path

import polars as pl

PEER_FIXTURES = Path(__file__).resolve().parent / "fixtures" / "peer-temporal"
SUITES = ("ja-timex-cases.jsonl", "duckling-cases.jsonl")


def load_cases() -> list[dict]:
    cases = []
    for name in SUITES:
        with (PEER_FIXTURES / name).open(encoding="utf-8") as fh:
            cases += [json.loads(line) for line in fh if line.strip()]
    return cases


def _is_ahead(case: dict) -> bool:
    """Whether the expected value lies after the reference day (the sentence is then in the future tense)."""
    value = str(case["expected"].get("value") or "")
    found = re.match(r"(\d{4})-(\d{2})-(\d{2})", value)
    if found:
        return date(*map(int, found.groups())) > date.fromisoformat(case["reference"])
    week = re.match(r"(\d{4})-W(\d{2})", value)
    if week:
        return date.fromisocalendar(int(week[1]), int(week[2]), 1) > date.fromisoformat(case["reference"])
    month = re.match(r"(\d{4})-(\d{2})$", value)
    if month:
        return value > case["reference"][:7]
    return bool(re.match(r"\d{4}$", value)) and value > case["reference"][:4]


def sentence(case: dict) -> str:
    """The document a case is judged in."""
    if case.get("text"):
        return case["text"]
    expression = case["expression"]
    if case.get("frame") == "bare":
        return expression
    japanese = case["suite"] == "ja-timex"
    if case["expected"]["type"] == "duration":
        return f"岸田首相は{expression}会談した。" if japanese else f"The leaders met for {expression}."
    if _is_ahead(case):
        return f"岸田首相は{expression}に会談する。" if japanese else f"The leaders will meet {expression}."
    return f"岸田首相は{expression}に会談した。" if japanese else f"The leaders met {expression}."


def document_name(case: dict) -> str:
    """Cases with the same sentence and reference share one document (the same bytes are one document)."""
    return f"{case['reference']}_{hashlib.sha256(sentence(case).encode()).hexdigest()[:12]}.txt"


def write_documents(cases: list[dict], folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    names = {document_name(case): case for case in cases}
    with (folder / "sources.csv").open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(["file", "published_at"])
        for name, case in sorted(names.items()):
            (folder / name).write_text(sentence(case) + "\n", encoding="utf-8")
            writer.writerow([name, case["reference"]])


def _seconds(duration: str) -> float | None:
    found = re.fullmatch(r"P(?:([\d.]+)Y)?(?:([\d.]+)M)?(?:([\d.]+)W)?(?:([\d.]+)D)?"
                         r"(?:T(?:([\d.]+)H)?(?:([\d.]+)M)?(?:([\d.]+)S)?)?", duration or "")
    if not found or duration in ("P", "PT"):
        return None
    y, mo, w, d, h, mi, s = (float(x) if x else 0.0 for x in found.groups())
    return ((y * 12 + mo) * 30 + w * 7 + d) * 86400 + h * 3600 + mi * 60 + s


def _local(value: str) -> str:
    """The wall-clock part of an ISO datetime (its offset dropped), seconds dropped when zero."""
    wall = re.sub(r"([+-]\d{2}:\d{2}|Z)$", "", value)
    return wall[:16] if wall[16:] in ("", ":00") else wall


def _agrees(expected: dict, kind: str, value: str | None) -> bool | None:
    """True when the value agrees at the expected grain, False when it disagrees, None when it says too little."""
    want, grain = expected["value"], expected["type"]
    if value is None:
        return None
    if grain == "duration":
        return kind == "duration" and _seconds(value) == _seconds(want)
    if kind == "duration":
        return False
    if grain == "time":
        clock = value[11:11 + len(want)] if kind == "datetime" else value[:len(want)] if kind == "time" else None
        return None if clock is None else clock == want
    if kind == "time":  # a clock with no day: a disagreeing clock is wrong, an agreeing one lacks its day
        return None if grain == "date" or value[:5] == want[11:16] else False
    day = value[:10]
    if grain == "date" and re.fullmatch(r"\d{4}-W\d{2}", want):
        if kind not in ("date", "weekday", "datetime"):
            return None
        iso = date.fromisoformat(day).isocalendar()
        return f"{iso[0]}-W{iso[1]:02d}" == want
    if grain == "datetime":
        if kind != "datetime":
            return None if want.startswith(day) or len(day) < 10 else False
        return _local(value) == want
    return value.startswith(want) if len(value) >= len(want) else (None if want.startswith(value) else False)


def judge(case: dict, text: str, mentions: pl.DataFrame) -> str:
    """`correct`, `wrong` or `missed` (`correct` or `wrong` for a negative case: found nothing, or something)."""
    start = -1
    for _ in range(case.get("occurrence", 0) + 1):
        start = text.find(case["expression"], start + 1)
    if start < 0:
        return "missed"
    end = start + len(case["expression"])
    near = mentions.filter((pl.col("char_start") < end) & (pl.col("char_end") > start))
    if case["expected"]["type"] == "none":
        return "correct" if near.is_empty() else "wrong"
    if near.is_empty():
        return "missed"
    overlap = pl.min_horizontal(pl.col("char_end"), pl.lit(end)) - pl.max_horizontal(pl.col("char_start"),
                                                                                      pl.lit(start))
    best = near.with_columns(overlap.alias("overlap")).sort("overlap", "char_start", descending=[True, False]).row(
        0, named=True)
    verdict = _agrees(case["expected"], best["kind"], best["value"])
    return "missed" if verdict is None else ("correct" if verdict else "wrong")


def outcomes(tables: dict[str, pl.DataFrame], cases: list[dict]) -> dict[str, str]:
    docs = dict(tables["documents"].select("source_file", "doc_id").iter_rows())
    texts = dict(tables["documents"].select("doc_id", "text").iter_rows())
    mentions = tables["temporal_mentions"]
    result = {}
    for case in cases:
        doc_id = docs.get(document_name(case))
        if doc_id is None:
            result[case["id"]] = "missed"
            continue
        result[case["id"]] = judge(case, texts[doc_id], mentions.filter(pl.col("doc_id") == doc_id))
    return result


if __name__ == "__main__":  # the figures per suite and family, and the outcomes file written afresh
    import collections
    import sys
    import tempfile

    from nichibei.pipeline import build_tables

    cases = load_cases()
    with tempfile.TemporaryDirectory() as tmp:
        write_documents(cases, Path(tmp))
        result = outcomes(build_tables(Path(tmp)), cases)
    families: dict = collections.defaultdict(collections.Counter)
    for case in cases:
        families[(case["suite"], "(all)")][result[case["id"]]] += 1
        families[(case["suite"], case["family"])][result[case["id"]]] += 1
    for (suite, family), counts in sorted(families.items()):
        print(f"{suite:9} {family:18} {sum(counts.values()):4} correct {counts['correct']:4} wrong "
              f"{counts['wrong']:4} missed {counts['missed']:4}")
    if "--write" in sys.argv:
        reasons = {}
        path = PEER_FIXTURES / "outcomes.csv"
        if path.exists():
            with path.open(encoding="utf-8") as fh:
                reasons = {row["id"]: row["exception"] for row in csv.DictReader(fh)}
        with path.open("w", encoding="utf-8", newline="") as fh:
            writer = csv.writer(fh, lineterminator="\n")
            writer.writerow(["id", "expression", "outcome", "exception"])
            for case in cases:
                writer.writerow([case["id"], case["expression"], result[case["id"]], reasons.get(case["id"], "")])
