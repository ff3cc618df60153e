"""A release scored against hand-read gold: publication dates and meetings, per source and meeting type.

The gold (`nichibei/data/gold/corpus-gold.jsonl`, one document a line, the format of the annotation guide) names each
document's meetings with their type, local date and fields. A gold meeting is found when a meeting linked to
its document has its type and local date; a meeting of a type the gold uses that matches no gold meeting is a
false positive; an `optional` gold meeting counts either way. Found meetings are then checked field by field
(start, city, country, duration, principals, attendees), nulls included where the gold is strict about them.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime
from importlib import resources

import polars as pl

FIELDS = ("start", "city", "country", "duration", "principals", "attendees")


def load_gold(name: str = "corpus-gold.jsonl") -> list[dict]:
    text = resources.files("nichibei").joinpath("data", "gold", name).read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def _nk(text: str | None) -> str:
    return unicodedata.normalize("NFKC", text or "").replace(" ", "").replace("\u3000", "").strip().lower()


def _tokens(name: str | None) -> set[str]:
    words = re.sub(r"[^\w\s]", " ", unicodedata.normalize("NFKC", name or "").lower()).split()
    return {w for w in words if len(w) >= 3 and w not in {"jr", "sr", "iii"}}


def _names_match(gold: str | None, got: str | None) -> bool:
    return gold is None or bool(_tokens(gold) & _tokens(got))


def _instant(value) -> datetime | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return value
    return datetime.fromisoformat(str(value))


@dataclass
class Tally:
    """Counts of one group (all documents, a source, a meeting type)."""

    documents: int = 0
    dates_right: int = 0
    true_positives: int = 0
    false_positives: int = 0
    required: int = 0
    fields: dict[str, list[int]] = field(default_factory=lambda: {f: [0, 0] for f in FIELDS})
    errors: list[str] = field(default_factory=list)
    # the gold's meetings the release misses, the release's meetings the gold does not have, and the fields of a
    # found meeting whose value is not the gold's (a wrong value, kept apart from a miss)
    missing: list[dict] = field(default_factory=list)
    unexpected: list[dict] = field(default_factory=list)
    wrong_values: list[dict] = field(default_factory=list)

    @property
    def precision(self) -> float | None:
        n = self.true_positives + self.false_positives
        return self.true_positives / n if n else None

    @property
    def recall(self) -> float | None:
        return min(1.0, self.true_positives / self.required) if self.required else None

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p and r else (0.0 if p is not None and r is not None else None)

    def field_accuracy(self, name: str) -> float | None:
        right, total = self.fields[name]
        return right / total if total else None


@dataclass(frozen=True)
class _Release:
    documents: dict[str, dict]            # by source_file
    meetings_of: dict[str, list[dict]]    # doc_id -> meetings linked to it
    participants: dict[str, list[tuple[str, str | None]]]  # meeting_id -> (side, name_en)


def _index(tables: dict[str, pl.DataFrame]) -> _Release:
    names = dict(tables["entities"].select("entity_id", "name_en").iter_rows())
    meetings = {m["meeting_id"]: m for m in tables["meetings"].iter_rows(named=True)}
    meetings_of: dict[str, list[dict]] = defaultdict(list)
    for meeting_id, doc_id in tables["meeting_sources"].select("meeting_id", "doc_id").iter_rows():
        if meeting_id in meetings:
            meetings_of[doc_id].append(meetings[meeting_id])
    participants: dict[str, list] = defaultdict(list)
    for meeting_id, entity_id, side in tables["meeting_participants"].select(
            "meeting_id", "entity_id", "side").iter_rows():
        participants[meeting_id].append((side, names.get(entity_id)))
    documents = {d["source_file"]: d for d in tables["documents"].select(
        "doc_id", "source_file", "published_date").iter_rows(named=True)}
    return _Release(documents, meetings_of, participants)


def _check_fields(tally: Tally, file: str, gold: dict, got: dict, strict: bool,
                  names: list[tuple[str, str | None]]) -> None:
    def count(name: str, ok: bool, wanted, have) -> None:
        tally.fields[name][1] += 1
        tally.fields[name][0] += ok
        if not ok:
            tally.wrong_values.append({"file": file, "meeting_type": gold["meeting_type"],
                                       "date_local": gold["date_local"], "field": name,
                                       "gold": _shown(wanted), "release": _shown(have)})

    if gold.get("start_jst") or strict:
        count("start", _instant(got.get("start_utc")) == _instant(gold.get("start_jst")), gold.get("start_jst"),
              got.get("start_utc"))
    if gold.get("city") or strict:
        count("city", _nk(gold["city"]) in _nk(got.get("city")) if gold.get("city") else not got.get("city"),
              gold.get("city"), got.get("city"))
    if gold.get("country"):
        count("country", (got.get("country_code") or "") == gold["country"], gold["country"], got.get("country_code"))
    if gold.get("duration_minutes") or strict:
        count("duration", got.get("duration_minutes") == gold.get("duration_minutes"), gold.get("duration_minutes"),
              got.get("duration_minutes"))
    for side, name in (("attendee", "attendees"), ("principal", "principals")):
        wanted = [p for p in gold["participants"] if p.get("side", "principal") == side]
        if not wanted:
            continue
        have = [n for s, n in names if s == side]
        count(name, len(have) == len(wanted) and all(any(_names_match(p["name_en"], n) for n in have)
                                                      for p in wanted),
              [p["name_en"] for p in wanted], have)


def _shown(value) -> str | None:
    """A value as the quality report shows it (a list of names joined by semicolons)."""
    if value is None:
        return None
    if isinstance(value, list):
        return "; ".join(sorted(str(v) for v in value))
    return str(value)


def _score_document(tally: Tally, gold: dict, release: _Release, gold_types: set[str]) -> None:
    doc = release.documents.get(gold["file"])
    tally.documents += 1
    if doc is None:
        tally.errors.append(f"{gold['file']}: not in the release")
        tally.required += sum(not m.get("optional") for m in gold.get("meetings", []))
        return
    tally.dates_right += str(doc["published_date"]) == gold.get("published_date")
    candidates = release.meetings_of.get(doc["doc_id"], [])
    matched = set()
    for gm in gold.get("meetings", []):
        types = {gm["meeting_type"], *gm.get("meeting_type_alt", [])}
        hits = [c for c in candidates if c["meeting_type"] in types and str(c["date_local"] or "") == (
            gm["date_local"] or "")]
        tally.required += not gm.get("optional")
        if not hits:
            if not gm.get("optional"):
                tally.errors.append(f"{gold['file']}: missing {gm['meeting_type']} {gm['date_local']}")
                near = [f"{c['meeting_type']} {c['date_local'] or 'undated'}" for c in candidates]
                tally.missing.append({"file": gold["file"], "meeting_type": gm["meeting_type"],
                                      "date_local": gm["date_local"], "release_has": "; ".join(near) or None})
            continue
        matched.add(hits[0]["meeting_id"])
        if not gm.get("optional"):
            tally.true_positives += 1
            _check_fields(tally, gold["file"], gm, hits[0], gold.get("strict_nulls", False),
                          release.participants.get(hits[0]["meeting_id"], []))
    extra = {c["meeting_id"]: c for c in candidates if c["meeting_type"] in gold_types
             and c["meeting_id"] not in matched}
    tally.false_positives += len(extra)
    tally.errors += [f"{gold['file']}: unexpected {c['meeting_type']} {c['date_local']}" for c in extra.values()]
    tally.unexpected += [{"file": gold["file"], "meeting_type": c["meeting_type"],
                          "date_local": None if c["date_local"] is None else str(c["date_local"])}
                         for c in extra.values()]


def source_of(path: str) -> str:
    """The group a document's scores are reported under: its folder in the raw folder (`wh`, `diet`); the seeds
    stand at the top of it."""
    return path.split("/", 1)[0] if "/" in path else "seeds"


def score(tables: dict[str, pl.DataFrame], gold: list[dict]) -> dict[str, Tally]:
    """Tallies for `all`, for each source (`source:wh`), each language (`language:ja`) and each gold meeting type
    (`type:summit`)."""
    release = _index(tables)
    gold_types = {t for g in gold for m in g.get("meetings", []) for t in (m["meeting_type"],
                                                                          *m.get("meeting_type_alt", []))}
    tallies: dict[str, Tally] = defaultdict(Tally)
    for g in gold:
        _score_document(tallies["all"], g, release, gold_types)
        _score_document(tallies[f"source:{source_of(g['file'])}"], g, release, gold_types)
        if g.get("language"):
            _score_document(tallies[f"language:{g['language']}"], g, release, gold_types)
        for meeting_type in gold_types:
            only = {**g, "meetings": [m for m in g.get("meetings", []) if m["meeting_type"] == meeting_type]}
            _score_document(tallies[f"type:{meeting_type}"], only, release, {meeting_type})
    return dict(sorted(tallies.items(), key=lambda kv: (kv[0] != "all", kv[0])))


def _rate(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def gold_figures(tables: dict[str, pl.DataFrame], gold: list[dict] | None = None) -> list[dict]:
    """One row per group (all, each source, each meeting type) of the release's scores against the gold; empty
    when the release holds none of the gold's documents."""
    gold = load_gold() if gold is None else gold
    present = set(tables["documents"]["source_file"].to_list()) if "documents" in tables else set()
    gold = [g for g in gold if g["file"] in present]
    if not gold:
        return []
    rows = []
    for group, tally in score(tables, gold).items():
        is_type = group.startswith("type:")
        rows.append({
            "group": group, "documents": None if is_type else tally.documents,
            "publication_dates_right": None if is_type else tally.dates_right,
            "meetings_found": tally.true_positives, "meetings_in_gold": tally.required,
            "false_positives": tally.false_positives, "precision": _rate(tally.precision),
            "recall": _rate(tally.recall), "f1": _rate(tally.f1),
            **{f"{name}_accuracy": _rate(tally.field_accuracy(name)) for name in FIELDS},
        })
    return rows


def gold_problems(tables: dict[str, pl.DataFrame], gold: list[dict]) -> dict[str, list[dict]]:
    """The release's wrong values, misses and false positives against a gold, each a list of rows."""
    present = set(tables["documents"]["source_file"].to_list()) if "documents" in tables else set()
    gold = [g for g in gold if g["file"] in present]
    if not gold:
        return {"wrong_values": [], "missing": [], "unexpected": []}
    tally = score(tables, gold)["all"]
    return {"wrong_values": tally.wrong_values, "missing": tally.missing, "unexpected": tally.unexpected}
