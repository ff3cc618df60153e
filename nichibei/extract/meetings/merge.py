"""Meetings: the reports of one meeting in many documents merged into the `meetings`, `meeting_participants`
and `meeting_sources` tables, and `meeting_field_values`: every value of a field its reports disagree on.
"""

from __future__ import annotations

import datetime as dt

import polars as pl

from nichibei.extract.meetings.records import DocMeeting, meeting_id
import schemas


_FIELDS = ("date_local", "start_utc", "tz_local", "city", "city_ja", "country_code", "venue", "duration_minutes",
           "mode")
_PLACE_FIELDS = ("city", "city_ja", "country_code", "venue", "tz_local")
# fields whose reports may disagree (type and date are the meeting's key: reports that differ there are two meetings)
COMPARED_FIELDS = ("start_utc", "tz_local", "city", "city_ja", "country_code", "venue", "duration_minutes", "mode")


def merge_meetings(doc_meetings: list[DocMeeting]) -> dict[str, pl.DataFrame]:
    """One row per meeting whatever the number and order of its reports: `meetings`, `meeting_participants`,
    `meeting_sources` (schemas' columns). Fields come from primary reports first, then by doc_id."""
    groups: dict[tuple, list[DocMeeting]] = {}
    for dm in doc_meetings:
        groups.setdefault(dm.key(), []).append(dm)
    meetings, parts, sources, values = [], [], [], []
    for _, reports in sorted(groups.items(), key=lambda kv: meeting_id(kv[1][0])):
        reports = sorted(reports, key=lambda r: (not r.is_primary, r.doc_id))
        mid = meeting_id(reports[0])
        row = {"meeting_id": mid, "meeting_type": reports[0].meeting_type}
        for f in _FIELDS:
            row[f] = next((getattr(r, f) for r in reports if getattr(r, f) is not None), None)
        # place fields travel together from one report
        # the report that places it most precisely: a city, else a venue, else a country (first by the order above)
        placed = max(reports, key=lambda r: (r.city is not None, r.venue is not None, r.country_code is not None))
        if not (placed.city or placed.country_code or placed.venue):
            placed = None
        if placed is not None:
            for f in ("city", "city_ja", "country_code", "venue", "tz_local"):
                row[f] = getattr(placed, f) if getattr(placed, f) is not None else row[f]
        by_doc: dict[str, DocMeeting] = {}
        for r in reports:
            by_doc.setdefault(r.doc_id, r)
        row["n_sources"] = len(by_doc)
        meetings.append(row)
        values.extend(_field_values(mid, row, list(by_doc.values()), placed))
        for doc_id, r in sorted(by_doc.items()):
            sources.append({"meeting_id": mid, "doc_id": doc_id, "is_primary": r.is_primary,
                            "evidence_start": r.evidence_start, "evidence_end": r.evidence_end})
        seen: dict[str, dict] = {}
        for r in reports:
            for p in r.participants:
                prev = seen.get(p.entity_id)
                cand = {"meeting_id": mid, "entity_id": p.entity_id, "role": p.role, "country_code": p.country_code,
                        "side": p.side, "is_inferred": p.is_inferred, "evidence_doc_id": p.doc_id,
                        "evidence_start": p.start, "evidence_end": p.end}
                if prev is None or (prev["is_inferred"] and not p.is_inferred) or (
                        prev["side"] == "attendee" and p.side == "principal"):
                    seen[p.entity_id] = cand
        parts.extend(seen.values())
    return {
        "meetings": _frame("meetings", meetings),
        "meeting_participants": _frame("meeting_participants", parts),
        "meeting_sources": _frame("meeting_sources", sources),
        "meeting_field_values": _frame("meeting_field_values", values),
    }


def _as_text(value) -> str:
    if isinstance(value, dt.datetime):
        return value.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    return str(value)


def _field_values(mid: str, row: dict, reports: list[DocMeeting], placed: DocMeeting | None) -> list[dict]:
    """The values each report gives of a field, for the fields on which they disagree; the meeting's value marked
    chosen, with the rule that chose it."""
    out = []
    for f in COMPARED_FIELDS:
        given = [(r, getattr(r, f)) for r in reports if getattr(r, f) is not None]
        if len({_as_text(v) for _, v in given}) < 2:
            continue
        chosen = row[f]
        if f in _PLACE_FIELDS and placed is not None and getattr(placed, f) is not None:
            rule = "most_precise_place"
        else:
            first = next(r for r, v in given if v == chosen)
            rule = "primary_report" if first.is_primary and any(
                not r.is_primary for r, v in given if v != chosen) else "first_by_doc_id"
        for r, v in given:
            start, end = r.span_of(f)
            out.append({"meeting_id": mid, "field": f, "value": _as_text(v), "doc_id": r.doc_id,
                        "evidence_start": start, "evidence_end": end, "is_chosen": v == chosen, "rule": rule})
    return out


def only_disagreements(values: pl.DataFrame) -> pl.DataFrame:
    """The rows of `meeting_field_values` whose field still has two values or more (after documents were taken out)."""
    return values.filter(pl.col("value").n_unique().over("meeting_id", "field") >= 2)


def _frame(table: str, rows: list[dict]) -> pl.DataFrame:
    schema = schemas.polars_schema(table)
    if not rows:
        return schemas.empty_frame(table)
    return schemas.conform(table, pl.DataFrame(rows, schema=schema))
