"""Stable meeting ids across releases.

A meeting's id is minted from what identifies it (type, date, principals). When a later release corrects
its date, place or participants, the minted id would change; users who cited or joined on the old id would
lose it. So the output folder keeps a registry of every published meeting id with the documents that
reported it, and new meetings are matched to published ones by their sources before a new id is kept.
"""

from __future__ import annotations

import json
from pathlib import Path

import polars as pl

REGISTRY_NAME = "meeting_ids.json"
MEETING_TABLES = ("meetings", "meeting_participants", "meeting_sources", "meeting_field_values")


def read_registry(out_dir: Path) -> list[dict]:
    path = out_dir / REGISTRY_NAME
    if not path.exists():
        return []
    return json.loads(path.read_text(encoding="utf-8"))["meetings"]


def _sources(tables: dict[str, pl.DataFrame]) -> dict[str, dict]:
    """meeting_id -> {type, primary docs, all docs} of the new tables."""
    kinds = dict(tables["meetings"].select("meeting_id", "meeting_type").iter_rows())
    out: dict[str, dict] = {m: {"meeting_type": t, "primary": set(), "docs": set()} for m, t in kinds.items()}
    for meeting_id, doc_id, is_primary in tables["meeting_sources"].select(
            "meeting_id", "doc_id", "is_primary").iter_rows():
        if meeting_id in out:
            out[meeting_id]["docs"].add(doc_id)
            if is_primary:
                out[meeting_id]["primary"].add(doc_id)
    return out


def _match(new: dict, registered: list[dict], taken: set[str]) -> str | None:
    """The one published meeting of the same type that shares the most sources with `new` (primary first)."""
    best, best_score, tie = None, (0, 0), False
    for entry in registered:
        if entry["meeting_id"] in taken or entry["meeting_type"] != new["meeting_type"]:
            continue
        score = (len(new["primary"] & set(entry["primary_doc_ids"])), len(new["docs"] & set(entry["doc_ids"])))
        if score > best_score:
            best, best_score, tie = entry["meeting_id"], score, False
        elif score == best_score and score != (0, 0):
            tie = True
    return None if tie else best


def stabilise_meeting_ids(tables: dict[str, pl.DataFrame], registered: list[dict]) -> dict[str, pl.DataFrame]:
    """Tables whose meetings keep the ids under which they were first published."""
    if not registered or tables["meetings"].height == 0:
        return tables
    new = _sources(tables)
    known = {e["meeting_id"] for e in registered}
    taken = {m for m in new if m in known}          # same id as before: nothing to do
    mapping = {}
    for meeting_id in sorted(new):
        if meeting_id in taken:
            continue
        match = _match(new[meeting_id], registered, taken | set(mapping.values()))
        if match is not None and match not in new:
            mapping[meeting_id] = match
    if not mapping:
        return tables
    renamed = dict(tables)
    for table in MEETING_TABLES:
        renamed[table] = tables[table].with_columns(pl.col("meeting_id").replace(mapping))
    return renamed


def updated_registry(registered: list[dict], tables: dict[str, pl.DataFrame], version: str) -> list[dict]:
    """The registry with the meetings of a newly published release added or their sources extended."""
    by_id = {e["meeting_id"]: dict(e) for e in registered}
    for meeting_id, info in _sources(tables).items():
        entry = by_id.setdefault(meeting_id, {"meeting_id": meeting_id, "meeting_type": info["meeting_type"],
                                              "first_version": version, "primary_doc_ids": [], "doc_ids": []})
        entry["primary_doc_ids"] = sorted(set(entry["primary_doc_ids"]) | info["primary"])
        entry["doc_ids"] = sorted(set(entry["doc_ids"]) | info["docs"])
        entry["last_version"] = version
    return sorted(by_id.values(), key=lambda e: e["meeting_id"])


def registry_json(entries: list[dict]) -> str:
    return json.dumps({"description": "Every meeting id ever published, with the documents that reported it; "
                                      "new meetings are matched to these by their sources before a new id is kept.",
                       "meetings": entries}, ensure_ascii=False, indent=2) + "\n"
