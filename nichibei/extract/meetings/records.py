"""Meetings: the extractor's parameters and the records of one document (mentions, participants, meetings).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import unicodedata
from dataclasses import dataclass, field

import polars as pl

from nichibei.extract.meetings.words import _BARE_DATE_SENTENCE, _EN_BOUNDARY, _SENTENCE_END_JA


@dataclass(frozen=True)
class MeetingParams:
    """Knobs of the meeting extractor.

    lead_sentences: body sentences (after the title) in which the primary meeting may be introduced.
    start_marker_window: code points after a time searched for a start marker (から, より, began ...).
    max_duration_minutes: longer durations are not the length of a meeting.
    hedge_window: code points before a meeting word searched for a passing-reference word (昨年の, 前回の).
    """

    lead_sentences: int = 3
    start_marker_window: int = 30
    max_duration_minutes: int = 12 * 60
    hedge_window: int = 12


# principals each type calls for: (country, office)
SLOTS: dict[str, tuple[tuple[str, str], ...]] = {
    "leaders": (("JP", "prime_minister"), ("US", "president")),
    "2plus2": (("JP", "foreign_minister"), ("JP", "defense_minister"), ("US", "secretary_of_state"),
               ("US", "secretary_of_defense")),
    "foreign": (("JP", "foreign_minister"), ("US", "secretary_of_state")),
    "defense": (("JP", "defense_minister"), ("US", "secretary_of_defense")),
}
TYPE_LEVEL = {"summit": "leaders", "trilateral_summit": "leaders", "2plus2": "2plus2",
              "foreign_ministers": "foreign", "defense_ministers": "defense"}
LEADER_OFFICES = ("prime_minister", "president")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Sentences of a text as (start, end) code-point spans: split at 。!? and line ends, and at English full
    stops followed by a capital (not after a single capital, so D. C. and U.S. stay whole)."""
    spans: list[tuple[int, int]] = []
    for line in re.finditer(r"[^\n]+", text):
        ls, le = line.span()
        cuts = [ls]
        for i in range(ls, le):
            if text[i] in _SENTENCE_END_JA:
                cuts.append(i + 1)
        for m in _EN_BOUNDARY.finditer(text, ls, le):
            seg = text[ls:m.start()]
            if seg.count("(") > seg.count(")"):
                continue  # (local time; 4:55 p.m. Japan time): no sentence ends inside brackets
            cuts.append(m.start())
        cuts = sorted(set(cuts + [le]))
        pending = None
        for a, b in zip(cuts, cuts[1:]):
            while a < b and text[a].isspace():
                a += 1
            if a >= b:
                continue
            if pending is not None:  # そして今月13日。横浜で、3度目の会談が開かれた: the date opens the next sentence
                a, pending = pending, None
            elif b < le and _BARE_DATE_SENTENCE.match(unicodedata.normalize("NFKC", text[a:b])):
                pending = a
                continue
            spans.append((a, b))
        if pending is not None:
            spans.append((pending, le))
    return spans


@dataclass
class _Mention:
    start: int  # folded offsets
    end: int
    src_start: int
    src_end: int
    mtype: str | None
    level: str | None
    sentence: int
    hedged: bool
    pair_ok: bool | None  # True: 日米 prefix, False: a pair without the US or Japan, None: no prefix
    topic: bool = False  # a bare meeting noun as the topic of its clause (会談は, The talks): the meeting introduced
    collective: str | None = None  # level of a 両首脳 / the two leaders in the sentence
    third: str | None = None  # the third country of a trilateral summit named by its prefix (日米韓: KR)
    remote: bool = False  # held by video or telephone (テレビ会議方式で開いた 2+2): no place
    mode: str | None = None  # `phone` or `video` when a word says how the meeting was held
    meal: bool = False  # 夕食会, ワーキングランチ: a meal of the two sides
    soft_hedge: bool = False  # hedged only by 先に/earlier ordering the day's events: the primary when nothing else is
    generic: bool = False  # a word for any meeting (met with, 会談): its type is the level of the people named


@dataclass
class Participant:
    entity_id: str
    role: str | None
    country_code: str | None
    side: str
    is_inferred: bool
    doc_id: str
    start: int
    end: int


_CALL_MODE = {"phone_call": "phone", "video_call": "video"}


@dataclass
class DocMeeting:
    """A meeting as one document reports it."""

    doc_id: str
    is_primary: bool
    meeting_type: str
    date_local: dt.date | None
    start_utc: dt.datetime | None
    tz_local: str | None
    city: str | None
    city_ja: str | None
    country_code: str | None
    venue: str | None
    duration_minutes: int | None
    evidence_start: int
    evidence_end: int
    participants: list[Participant] = field(default_factory=list)
    mode: str | None = None
    # where a field's value was read (start_utc: the clock; duration_minutes: the length), when not the whole report
    field_spans: dict[str, tuple[int, int]] = field(default_factory=dict)

    def span_of(self, name: str) -> tuple[int, int]:
        """The text a field's value was read from: its own span, else the text that reports the meeting."""
        return self.field_spans.get(name, (self.evidence_start, self.evidence_end))

    def principals(self) -> tuple[str, ...]:
        return tuple(sorted({p.entity_id for p in self.participants if p.side == "principal"}))

    def key(self) -> tuple:
        return (self.meeting_type, self.date_local, self.principals(),
                None if self.date_local is not None else self.doc_id)


def meeting_id(m: DocMeeting) -> str:
    """Deterministic, opaque id: `m_` and a digest of type, date and principals (and the document for an undated
    meeting). Opaque, so that a release that corrects the date keeps the id without it saying the old date."""
    t, d, principals, doc = m.key()
    basis = "|".join([t, d.isoformat() if d else "", ",".join(principals), doc or ""])
    return "m_" + hashlib.sha256(basis.encode("utf-8")).hexdigest()[:16]


def _sentence_of(sentences: list[tuple[int, int]], pos: int) -> int:
    for i, (a, b) in enumerate(sentences):
        if a <= pos < b:
            return i
    return -1


def _minutes(iso: str | None) -> int | None:
    if not iso:
        return None
    m = re.fullmatch(r"PT(?:(\d+(?:\.\d+)?)H)?(?:(\d+)M)?", iso)
    if not m or not (m.group(1) or m.group(2)):
        return None
    return int(round(float(m.group(1) or 0) * 60)) + int(m.group(2) or 0)


def _day_value(row: dict) -> dt.date | None:
    v = row.get("value")
    if not v or row.get("kind") not in ("date", "datetime", "weekday"):
        return None
    try:
        return dt.date.fromisoformat(v[:10])
    except ValueError:
        return None


def _holders(offices: pl.DataFrame, country: str, office: str, d: dt.date | None) -> list[str]:
    if d is None:
        return []
    rows = offices.filter(
        (pl.col("office") == office) & (pl.col("country_code") == country) & (pl.col("start_date") <= d)
        & (pl.col("end_date").is_null() | (pl.col("end_date") >= d))
    )
    if office == "ambassador" or rows.is_empty():
        return []
    latest = rows.sort("start_date", descending=True)
    return [latest["entity_id"][0]]


def _person_level(persons: list[dict]) -> str | None:
    roles = {(p["country_code"], p["role"]) for p in persons}
    if ("JP", "prime_minister") in roles or ("US", "president") in roles:
        return "leaders"
    fm = ("JP", "foreign_minister") in roles or ("US", "secretary_of_state") in roles
    dm = ("JP", "defense_minister") in roles or ("US", "secretary_of_defense") in roles
    if fm and dm:
        return "2plus2"
    if fm:
        return "foreign"
    if dm:
        return "defense"
    return None


@dataclass
class _Doc:
    doc_id: str
    text: str
    title_span: tuple[int, int] | None
    temporal: list[dict]
    persons: list[dict]
    sentences: list[tuple[int, int]]
    cache: dict = field(default_factory=dict)
    published: dt.date | None = None  # the publication date
    house_zone: str | None = None  # the zone the publisher tells unmarked Japanese times in (NHK: Japan time)

    def sentence_text(self, i: int) -> str:
        a, b = self.sentences[i]
        return self.text[a:b]

    def persons_in(self, a: int, b: int) -> list[dict]:
        return [p for p in self.persons if a <= p["char_start"] and p["char_end"] <= b]
