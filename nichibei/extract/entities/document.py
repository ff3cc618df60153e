"""The state of one document's resolution (the dictionary matches, the mentions so far, the spans they cover)
and what it asks of the offices: who held a title at the date, which role a person had, which country stands
before a name."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from nichibei.extract.entities.folding import FoldedText
from nichibei.extract.entities.index import Index, Title
from nichibei.extract.entities.matching import Hit
from nichibei.rules import load_rules

# the longest first: South Korean before Korean
_DEMONYMS = tuple(sorted(((r["word"], r["country"]) for r in load_rules("nichibei.extract.entities", "demonyms",
                                                                        ("word", "country"))),
                         key=lambda wc: len(wc[0]), reverse=True))


@dataclass
class Mention:
    start: int  # folded positions
    end: int
    entity_id: str | None
    entity_type: str
    match_kind: str
    role: str | None = None
    role_detail: str | None = None
    country_code: str | None = None
    flags: list[str] = field(default_factory=list)


@dataclass
class DocState:
    ft: FoldedText
    date: date | None
    titles: list[Hit]
    person_hits: list[Hit]
    others: list[Hit]
    mentions: list[Mention] = field(default_factory=list)
    provisional: dict[str, dict] = field(default_factory=dict)
    learned_families: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    home_country: str | None = None  # the publisher's country: whose "the President" a bare title means
    person_mask: bytearray = field(init=False)
    other_mask: bytearray = field(init=False)
    country_by_end: dict[int, Hit] = field(init=False)
    country_by_start: dict[int, Hit] = field(init=False)

    def __post_init__(self) -> None:
        n = len(self.ft.text) + 1
        self.person_mask = bytearray(n)
        self.other_mask = bytearray(n)
        self.country_by_end, self.country_by_start = {}, {}
        for h in self.others:
            self.other_mask[h.start : h.end] = b"\x01" * (h.end - h.start)
            if h.entity_type in ("country", "region"):
                self.country_by_end.setdefault(h.end, h)
                self.country_by_start.setdefault(h.start, h)

    def person_taken(self, s: int, e: int) -> bool:
        s = max(s, 0)
        return e > s and self.person_mask.find(1, s, e) != -1

    def other_overlaps(self, s: int, e: int) -> bool:
        s = max(s, 0)
        return e > s and self.other_mask.find(1, s, e) != -1

    def add(self, m: Mention) -> None:
        self.mentions.append(m)
        if m.entity_type == "person":
            self.person_mask[m.start : m.end] = b"\x01" * (m.end - m.start)


def office_holders(index: Index, title: Title, country: str | None, d: date | None,
                   any_date: bool = False) -> list[str]:
    out: list[str] = []
    for o in index.offices_by_code.get(title.office, ()):
        if country is not None and (o.country_code or "").upper() != country:
            continue
        if title.host_country_code and (o.host_country_code or "").upper() != title.host_country_code.upper():
            continue
        if title.office in ("minister", "other") and title.office_detail:
            if not (o.office_detail or "").lower().startswith(title.office_detail.lower()):
                continue
        if any_date or o.active(d):
            if o.entity_id not in out:
                out.append(o.entity_id)
    return out


def _role_for(index: Index, eid: str, d: date | None, title: Title | None) -> tuple[str | None, str | None, bool]:
    """(role, role_detail, title_held): the office the person holds at the date, preferring the titled one.

    With no date, a title next to the name still names the office when the person held it at some time (the
    office, checked against ``offices``; the caller flags the mention ``undated``)."""
    if d is None and title is not None:
        offices = list(index.offices_by_person.get(eid, ()))
    else:
        offices = [o for o in index.offices_by_person.get(eid, ()) if o.active(d)]
    if title is not None:
        for o in offices:
            if o.office != title.office:
                continue
            if title.office in ("minister", "other") and title.office_detail:
                if not (o.office_detail or "").lower().startswith(title.office_detail.lower()):
                    continue
            return o.office, o.office_detail, True
        return None, None, False
    distinct = {(o.office, o.office_detail) for o in offices}
    if len(distinct) == 1:
        office, detail = next(iter(distinct))
        return office, detail, True
    return None, None, True


def country_hit_ending_at(state: DocState, pos: int, index: Index) -> Hit | None:
    return state.country_by_end.get(pos)


def context_country(state: DocState, name_start: int, index: Index) -> tuple[str | None, int]:
    """Country named right before a name (米国の…, アメリカのバイデン…): (country code, new start)."""
    text = state.ft.text
    h = country_hit_ending_at(state, name_start, index)
    if h is None and name_start > 0 and text[name_start - 1] == "の":
        h = country_hit_ending_at(state, name_start - 1, index)
    if h is None and name_start > 0 and text[name_start - 1] == " ":
        h = country_hit_ending_at(state, name_start - 1, index)
    if h is None:
        return _demonym_before(text, name_start)
    return index.entity_country.get(h.entity_id), h.start


def _demonym_before(text: str, name_start: int) -> tuple[str | None, int]:
    """A demonym right before a title (the Japanese Prime Minister, South Korean President …): its country and
    where it starts."""
    end = len(text[:name_start].rstrip(" "))
    for word, country in _DEMONYMS:
        start = end - len(word)
        if start >= 0 and text.startswith(word, start) and (start == 0 or not text[start - 1].isalnum()):
            return country, start
    return None, name_start


def add_person(state: DocState, index: Index, eid: str | None, s: int, e: int, kind: str, title: Title | None,
                flags: list[str], family_surface: str | None = None) -> None:
    if eid is None:  # a name shared by several people that the date does not separate
        state.add(Mention(s, e, None, "person", "unresolved", None, None, None, ["ambiguous_alias"]))
        return
    role, detail, held = _role_for(index, eid, state.date, title)
    flags = list(flags)
    if title is not None and not held:
        flags.append("title_not_held_at_date" if state.date is not None else "undated")
    elif title is not None and state.date is None and "undated" not in flags:
        flags.append("undated")  # the role comes from the title, not from the offices held at a date
    state.add(
        Mention(s, e, eid, "person", kind, role, detail, index.entity_country.get(eid), flags)
    )
    if family_surface:
        state.learned_families[eid].add(family_surface)
