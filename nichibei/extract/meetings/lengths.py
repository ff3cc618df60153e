"""Meetings: how long a meeting lasted, from the durations and clock spans its sentences state, and where the start
and length were read."""

from __future__ import annotations

import datetime as dt
import re

from nichibei.extract.meetings.records import MeetingParams, _Doc, _minutes
from nichibei.extract.meetings.words import _TALKS_RAN


def _duration(doc: _Doc, sentences: list[int], start_row: dict | None, params: MeetingParams,
              clause: tuple[int, int] | None = None) -> tuple[int, tuple[int, int]] | None:
    """The length stated in the meeting's sentences (in its own clause, for a meeting reported in passing), and the
    span it was read from."""
    cands = []
    for a, b in ([clause] if clause is not None else [doc.sentences[i] for i in sentences]):
        for row in doc.temporal:
            if row["kind"] != "duration" or not (a <= row["char_start"] < b):
                continue
            mins = _minutes(row.get("value"))
            if mins is None or mins <= 0 or mins > params.max_duration_minutes:
                continue
            same = start_row is not None and a <= start_row["char_start"] < b
            cands.append((0 if same else 1, row["char_start"], mins, row["char_end"]))
    if not cands and start_row is not None:
        return _span_minutes(doc, start_row, params)
    if not cands:
        return None
    _, start, mins, end = min(cands)
    return mins, (start, end)


_SPAN_TO = re.compile(r"^\s*(?:から|～|~|－|-|—)\s*$")
_SPAN_END = re.compile(r"^\s*(?:まで|にかけて)")


def _span_minutes(doc: _Doc, start_row: dict, params: MeetingParams) -> tuple[int, tuple[int, int]] | None:
    """午後3時から4時10分まで: the length of a span from the start to the clock that ends it (on the same half of the
    day when the end does not say which), and the span from the start to that clock."""
    end = next((r for r in doc.temporal if r["kind"] in ("datetime", "time") and r["char_start"] >= start_row["char_end"]
                and _SPAN_TO.match(doc.text[start_row["char_end"]:r["char_start"]])
                and _SPAN_END.match(doc.text[r["char_end"]:r["char_end"] + 6])), None)
    if end is None:
        return None
    try:
        t0 = dt.datetime.fromisoformat(start_row["value"][:19])
        t1 = dt.datetime.fromisoformat(end["value"][:19]) if "T" in end["value"] else dt.datetime.combine(
            t0.date(), dt.time.fromisoformat(end["value"][:8]))
    except ValueError:
        return None
    t1 = dt.datetime.combine(t0.date(), t1.time())
    if t1 <= t0 and t0.hour >= 12 and t1.hour < 12:
        t1 += dt.timedelta(hours=12)  # 午後3時から4時10分まで: 4:10 in the afternoon
    mins = int((t1 - t0).total_seconds() // 60)
    return (mins, (start_row["char_start"], end["char_end"])) if 0 < mins <= params.max_duration_minutes else None


def _only_duration(doc: _Doc, params: MeetingParams) -> tuple[int, tuple[int, int]] | None:
    """The length of the talks told in a sentence of its own, when it is the only duration the document states."""
    rows = [r for r in doc.temporal if r["kind"] == "duration"]
    if len(rows) != 1:
        return None
    mins = _minutes(rows[0].get("value"))
    if mins is None or mins <= 0 or mins > params.max_duration_minutes:
        return None
    for a, b in doc.sentences:
        if a <= rows[0]["char_start"] < b:
            found = _TALKS_RAN.search(doc.text[a:rows[0]["char_end"]])
            return (mins, (rows[0]["char_start"], rows[0]["char_end"])) if found else None
    return None


def _field_spans(start_row: dict | None, duration: tuple[int, tuple[int, int]] | None) -> dict[str, tuple[int, int]]:
    """Where the start and the length were read, for `meeting_field_values`."""
    spans = {}
    if start_row is not None:
        spans["start_utc"] = (start_row["char_start"], start_row["char_end"])
    if duration is not None:
        spans["duration_minutes"] = duration[1]
    return spans
