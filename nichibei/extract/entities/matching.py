"""The dictionary pass: every alias and title the automaton finds in a document's folded text, filtered by the
language rules (word boundaries, case, one-kanji abbreviations, blocked spans) and reduced to non-overlapping
matches, longest first."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from typing import Iterable

from nichibei.extract.entities.folding import (
    FoldedText,
    is_all_katakana,
    is_katakana,
    is_latin,
    is_latin_alnum,
)
from nichibei.extract.entities.match_rules import MatchRules
from nichibei.extract.entities.index import Index, Title


@dataclass(frozen=True)
class Hit:
    start: int  # folded-text positions
    end: int
    kind: str  # alias | title
    entity_id: str | None = None
    entity_type: str | None = None
    form: str | None = None
    title: Title | None = None


def scan(ft: FoldedText, index: Index) -> list[Hit]:
    """Every dictionary key occurring in the folded text (overlapping, all lengths)."""
    hits: list[Hit] = []
    if not ft.lower or len(index.automaton) == 0:
        return hits
    for end, (length, entries) in index.automaton.iter(ft.lower):
        start = end - length + 1
        for e in entries:
            if e[0] == "alias":
                hits.append(Hit(start, end + 1, "alias", e[1], e[2], e[3]))
            else:
                hits.append(Hit(start, end + 1, "title", title=index.titles[e[1]]))
    return hits


def latin_boundary_ok(text: str, start: int, end: int) -> bool:
    if start > 0 and is_latin_alnum(text[start - 1]):
        # a word glued to the previous one by lost spacing ("toNorth Korea") still counts
        if not (text[start - 1].islower() and text[start].isupper()):
            return False
    if end < len(text) and is_latin_alnum(text[end]):
        if not (text[end - 1].islower() and text[end].isupper()):
            return False
    return True


def _latin_case_ok(text: str, hit: Hit, rules: MatchRules) -> bool:
    form = hit.form or ""
    letters = [c for c in form if c.isalpha()]
    if len(letters) <= rules.latin_case_sensitive_max_len or all(c.isupper() for c in letters):
        return text[hit.start : hit.end] == form
    return True


def _abbreviation_ok(text: str, start: int, index: Index, rules: MatchRules, title_starts: set[int]) -> bool:
    ch = text[start]

    def is_abbrev(i: int) -> bool:
        if i < 0 or i >= len(text) or text[i] not in index.abbreviations:
            return False
        if text[i] == "日" and i > 0 and text[i - 1] in rules.day_markers:
            return False
        return True

    if not is_abbrev(start):
        return False
    if ch in rules.during_chars and is_abbrev(start - 1):
        # 訪米中, 滞日中: "during a stay in", not China
        run = start - 1
        while is_abbrev(run - 1):
            run -= 1
        if run > 0 and text[run - 1] in rules.stay_prefixes:
            return False
    if is_abbrev(start - 1) or is_abbrev(start + 1):
        return True
    prefixes = index.abbreviation_prefixes.get(ch, "")
    if start > 0 and text[start - 1] in prefixes:
        return True
    if start + 1 in title_starts:
        return True
    return text.startswith(rules.abbreviation_suffixes, start + 1)


def _select_longest(hits: Iterable[Hit]) -> list[Hit]:
    """Greedy longest-first, then leftmost, non-overlapping selection."""
    hits = sorted(hits, key=lambda h: (-(h.end - h.start), h.start))
    if not hits:
        return []
    taken = bytearray(max(h.end for h in hits))
    chosen: list[Hit] = []
    for h in hits:
        if taken.find(1, h.start, h.end) != -1:
            continue
        taken[h.start : h.end] = b"\x01" * (h.end - h.start)
        chosen.append(h)
    return sorted(chosen, key=lambda h: h.start)


def _accepted_titles(text: str, hits: list[Hit]) -> list[Hit]:
    """The title hits, an English title only as written and as whole words; longest first, no overlaps."""
    titles = []
    for h in hits:
        if h.kind != "title":
            continue
        if h.title.is_latin:
            as_written = text[h.start : h.end] == h.title.title
            # in lower case only after an article, as speech transcribes it: "the president", "the prime minister of
            # Japan" (the office of the day; never a name)
            office = text[h.start : h.end] == h.title.title.lower() and text[max(0, h.start - 4):h.start].lower() == "the "
            if not (as_written or office) or not latin_boundary_ok(text, h.start, h.end):
                continue
        titles.append(h)
    return _select_longest(titles)


def _blocked_at(text: str, index: Index) -> tuple[list[int] | None, list[tuple[int, int]]]:
    """(for each position, the blocked span it lies in or -1; the blocked spans), None when there is none."""
    blocked_at: list[int] | None = None
    blocked_spans = [m.span() for m in index.blocked.finditer(text)] if index.blocked else []
    if blocked_spans:
        blocked_at = [-1] * len(text)
        for i, (bs, be) in enumerate(blocked_spans):
            for q in range(bs, be):
                blocked_at[q] = i
    return blocked_at, blocked_spans


def _alias_stands_alone(text: str, h: Hit, index: Index, rules: MatchRules, title_starts: set[int]) -> bool:
    """Is the alias a word of its own: a Latin one whole and in the right case, a one-kanji abbreviation inside a
    compound, a katakana one not part of a longer katakana word?"""
    form = h.form or ""
    if form.isascii():  # Latin words, and keys such as "2+2" or "G7": whole words only
        if is_latin(form) and not _latin_case_ok(text, h, rules):
            return False
        if not latin_boundary_ok(text, h.start, h.end):
            return False
    elif len(form) == 1 and form in index.abbreviations:
        if not _abbreviation_ok(text, h.start, index, rules, title_starts):
            return False
    elif is_all_katakana(form.replace(" ", "").replace("=", "・")):
        if h.start > 0 and is_katakana(text[h.start - 1]):
            return False
        if h.end < len(text) and is_katakana(text[h.end]):
            return False
    return True


def _abbreviation_before_office_word(text: str, h: Hit, index: Index, rules: MatchRules) -> bool:
    """米国防総省, 米国務省: 米 and the Pentagon / the State Department, not 米国 and 防総省."""
    form = h.form or ""
    return h.entity_type == "country" and len(form) > 1 and form[0] in index.abbreviations and any(
        text.startswith(sfx, h.start + 1) and h.start + 1 + len(sfx) > h.end
        for sfx in rules.abbreviation_suffixes)


def _inside_blocked_span(h: Hit, blocked_at: list[int] | None, blocked_spans: list[tuple[int, int]]) -> bool:
    """Does the hit lie inside one blocked span longer than itself (中 in 中米, インド in インド太平洋)?"""
    if blocked_at is None:
        return False
    b = blocked_at[h.start]
    if b != -1 and blocked_at[h.end - 1] == b:
        bs, be = blocked_spans[b]
        if (be - bs) > (h.end - h.start):
            return True
    return False


def _accepted_aliases(text: str, hits: list[Hit], index: Index, rules: MatchRules,
                      title_starts: set[int]) -> tuple[list[Hit], list[Hit]]:
    """(person alias hits, other alias hits) that pass the language rules, overlaps kept."""
    blocked_at, blocked_spans = _blocked_at(text, index)
    persons, others = [], []
    for h in hits:
        if h.kind != "alias":
            continue
        if not _alias_stands_alone(text, h, index, rules, title_starts):
            continue
        if h.entity_type == "person":
            persons.append(h)
            continue
        if _abbreviation_before_office_word(text, h, index, rules):
            continue
        if _inside_blocked_span(h, blocked_at, blocked_spans):
            continue
        others.append(h)
    return persons, others


def _settle_title_overlaps(titles: list[Hit], others: list[Hit], n: int) -> tuple[list[Hit], list[Hit]]:
    """A dictionary entry strictly containing a title (首相官邸) wins over the title; otherwise the title wins."""
    if not titles:
        return titles, others
    title_at = [-1] * n
    for i, t in enumerate(titles):
        for q in range(t.start, t.end):
            title_at[q] = i
    dropped_titles: set[int] = set()
    partial: list[tuple[Hit, set[int]]] = []
    for o in others:
        ids = set(title_at[o.start : o.end])
        ids.discard(-1)
        if not ids:
            continue
        for i in ids:
            t = titles[i]
            if o.start <= t.start and t.end <= o.end and (o.end - o.start) > (t.end - t.start):
                dropped_titles.add(i)
        partial.append((o, ids))
    drop_others: set[int] = set()
    for o, ids in partial:
        for i in ids - dropped_titles:
            t = titles[i]
            if not (o.start <= t.start and t.end <= o.end):
                drop_others.add(id(o))
    titles = [t for i, t in enumerate(titles) if i not in dropped_titles]
    others = [o for o in others if id(o) not in drop_others]
    return titles, others


def filter_hits(
    ft: FoldedText, hits: list[Hit], index: Index, rules: MatchRules
) -> tuple[list[Hit], list[Hit], list[Hit]]:
    """Apply the language rules; return (titles, person alias hits, other alias hits), each non-overlapping
    (people sharing one span excepted)."""
    text = ft.text
    titles = _accepted_titles(text, hits)
    persons, others = _accepted_aliases(text, hits, index, rules, {h.start for h in titles})
    titles, others = _settle_title_overlaps(titles, others, len(text))
    by_type: dict[str, list[Hit]] = defaultdict(list)
    for o in others:
        by_type[o.entity_type].append(o)
    selected_others = [h for hs in by_type.values() for h in _select_longest(hs)]
    person_spans = {(h.start, h.end) for h in _select_longest(persons)}
    persons = [h for h in persons if (h.start, h.end) in person_spans]  # several people may share a span
    return titles, persons, sorted(selected_others, key=lambda h: h.start)


def disambiguate_aliases(hits: list[Hit], d: date | None, index: Index) -> list[Hit]:
    """A full-name alias listed for several people names the one holding an office at the date; with none or
    several such people the mention is kept unresolved (entity_id null, flagged) rather than guessed."""
    by_span: dict[tuple[int, int], list[Hit]] = defaultdict(list)
    for h in hits:
        by_span[(h.start, h.end)].append(h)
    out: list[Hit] = []
    for span, hs in by_span.items():
        ids = list(dict.fromkeys(h.entity_id for h in hs))
        if len(ids) > 1:
            ids = [i for i in ids if any(o.active(d) for o in index.offices_by_person.get(i, ()))]
        if len(ids) == 1:
            out.append(next(h for h in hs if h.entity_id == ids[0]))
        else:
            h = hs[0]
            out.append(Hit(h.start, h.end, "alias", None, "person", h.form))
    return sorted(out, key=lambda h: h.start)
