"""The quality report that goes with every release: QUALITY.md and its machine-readable twin.

``quality_report(tables)`` takes the release's tables (name → frame) and returns the Markdown text and a
dictionary with the same figures: row counts, null rates per column, meetings per type and year, participants
inferred from offices, documents relevant or not, and rejections by stage and reason.
"""

from __future__ import annotations

import polars as pl

from nichibei.release.scoring import gold_figures, gold_problems, load_gold

__all__ = ["quality_report", "quality_figures", "render_markdown"]


def _null_rates(frame: pl.DataFrame) -> dict[str, float]:
    if frame.height == 0:
        return {c: 0.0 for c in frame.columns}
    counts = frame.null_count().row(0, named=True)
    return {c: round(counts[c] / frame.height, 4) for c in frame.columns}


def _count_by(frame: pl.DataFrame, *keys: str) -> list[dict]:
    if frame.is_empty() or any(k not in frame.columns for k in keys):
        return []
    return frame.group_by(list(keys)).len(name="n").sort(list(keys), nulls_last=True).to_dicts()


# the golds a release scores itself against, each reported apart: (key of the figures, file of nichibei/data/gold)
_GOLDS = (("seeds_gold", "seeds-gold.jsonl"), ("gold", "corpus-gold.jsonl"), ("heldback_gold", "heldback-gold.jsonl"))
_GOLD_TEXT = {
    "seeds_gold": ("Scores against the seeds' gold", "The five seed documents (`nichibei/data/gold/seeds-gold.jsonl`): "
                   "the release must match them exactly."),
    "gold": ("Scores against the hand-read gold", "The documents of `nichibei/data/gold/corpus-gold.jsonl` in this "
             "release, read by hand: a meeting is found when one of its documents' meetings has its type and local "
             "date; field accuracies are over the meetings found (empty where the gold states no such field). "
             "Target: 1.0 everywhere."),
    "heldback_gold": ("Scores against the held-back gold", "The documents of `nichibei/data/gold/heldback-gold.jsonl`: "
                      "read by hand before the pipeline's output on them was seen and never used to write a rule, so "
                      "these are the figures to expect on documents of the same kinds that nobody tuned for."),
}


def quality_figures(tables: dict[str, pl.DataFrame]) -> dict:
    """The figures of the report, as plain JSON-ready values."""
    meetings = tables.get("meetings", pl.DataFrame())
    per_type_year: list[dict] = []
    if not meetings.is_empty():
        per_type_year = (
            meetings.with_columns(pl.col("date_local").dt.year().alias("year"))
            .group_by("meeting_type", "year").len(name="n").sort("meeting_type", "year", nulls_last=True).to_dicts()
        )
    parts = tables.get("meeting_participants", pl.DataFrame())
    docs = tables.get("documents", pl.DataFrame())
    figures = {
        "row_counts": {name: frame.height for name, frame in tables.items()},
        "null_rates": {name: _null_rates(frame) for name, frame in tables.items()},
        "meetings_per_type": _count_by(meetings, "meeting_type"),
        "meetings_per_type_and_year": per_type_year,
        "meetings_without_date": int(meetings["date_local"].null_count()) if "date_local" in meetings.columns else 0,
        "participants_by_side_and_inferred": _count_by(parts, "side", "is_inferred"),
        "documents_relevant": _count_by(docs, "is_relevant"),
        "field_disagreements": _disagreements(tables.get("meeting_field_values", pl.DataFrame()), meetings),
        "rejections_by_reason": _count_by(tables.get("rejections", pl.DataFrame()), "stage", "reason"),
        "flagged_mentions": _count_by(tables.get("mentions", pl.DataFrame()).filter(pl.col("is_flagged"))
                                      if "is_flagged" in tables.get("mentions", pl.DataFrame()).columns
                                      else pl.DataFrame(), "flag"),
    }
    for key, name in _GOLDS:
        gold = load_gold(name)
        figures[f"scores_against_{key}"] = gold_figures(tables, gold)
        figures[f"problems_against_{key}"] = gold_problems(tables, gold)
    return figures


def _disagreements(values: pl.DataFrame, meetings: pl.DataFrame) -> list[dict]:
    """Per field of `meetings`: the meetings whose documents disagree on it, of the meetings reported by two documents
    or more, and the rule that chose the published value."""
    if values.is_empty() or meetings.is_empty():
        return []
    multi = meetings.filter(pl.col("n_sources") >= 2).height
    return (values.group_by("field", "rule").agg(pl.col("meeting_id").n_unique().alias("meetings"),
                                                 pl.len().alias("values_given"))
            .with_columns(pl.lit(multi).alias("meetings_with_two_sources_or_more"))
            .sort("field", "rule").to_dicts())


def _table(rows: list[dict]) -> list[str]:
    if not rows:
        return ["(none)", ""]
    cols = list(rows[0])
    out = ["| " + " | ".join(cols) + " |", "|" + "---|" * len(cols)]
    for r in rows:
        out.append("| " + " | ".join("" if r[c] is None else str(r[c]) for c in cols) + " |")
    return out + [""]


def _problems(problems: dict[str, list[dict]]) -> list[str]:
    """The wrong values, the misses and the false positives of one gold, each its own table."""
    lines = []
    for key, heading in (("wrong_values", "Wrong values (a meeting found, a field not the gold's)"),
                         ("missing", "Meetings missed"), ("unexpected", "Meetings the gold does not have")):
        lines += [f"### {heading}", ""] + _table(problems.get(key, []))
    return lines


def render_markdown(figures: dict) -> str:
    lines = ["# Quality report", ""]
    for key, _ in _GOLDS:
        if not figures.get(f"scores_against_{key}"):
            continue
        heading, text = _GOLD_TEXT[key]
        lines += [f"## {heading}", "", text, ""] + _table(figures[f"scores_against_{key}"])
        lines += _problems(figures.get(f"problems_against_{key}") or {})
    lines += ["## Rows per table", ""]
    lines += _table([{"table": k, "rows": v} for k, v in figures["row_counts"].items()])
    lines += ["## Meetings per type", ""] + _table(figures["meetings_per_type"])
    lines += ["## Meetings per type and year", ""] + _table(figures["meetings_per_type_and_year"])
    lines += [f"Meetings whose date the texts do not give: {figures['meetings_without_date']}.", ""]
    lines += ["## Participants (principal or attendee; inferred from `offices` or named in the text)", ""]
    lines += _table(figures["participants_by_side_and_inferred"])
    lines += ["## Documents reporting a US–Japan meeting", ""] + _table(figures["documents_relevant"])
    lines += ["## Fields the documents of one meeting disagree on", "",
              "Every value given is in `meeting_field_values`, with its document, offsets and the rule that chose "
              "the one `meetings` publishes.", ""] + _table(figures.get("field_disagreements", []))
    lines += ["## Rejections by stage and reason", ""] + _table(figures["rejections_by_reason"])
    lines += ["## Mentions flagged for review", ""] + _table(figures["flagged_mentions"])
    lines += ["## Null rates per column", ""]
    for table, rates in figures["null_rates"].items():
        if not rates:
            continue
        lines += [f"### {table}", ""]
        lines += _table([{"column": c, "null_rate": f"{r:.2%}"} for c, r in rates.items()])
    return "\n".join(lines).rstrip() + "\n"


def quality_report(tables: dict[str, pl.DataFrame]) -> tuple[str, dict]:
    """QUALITY.md text and its machine-readable twin (the same figures)."""
    figures = quality_figures(tables)
    return render_markdown(figures), figures
