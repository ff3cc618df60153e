"""Entity resolution: mentions of people, offices, countries, organisations, places, treaties and weapons in
document text, resolved to the canonical ids of the curated reference tables.

People are resolved in this order, always anchored on words of the text:

1. a full name listed as an alias (岸田文雄, ジョー・バイデン, Antony Blinken), with an adjacent title when there is
   one (岸田文雄内閣総理大臣, ロイド・オースティン米国国防長官);
2. a family name next to an office title (平野官房長官, バイデン大統領, President Trump): the family name must be that
   of a person holding the office at the document's ``reference_date`` (``offices`` table);
3. an office title alone (外務大臣, the Secretary of State): the single holder of the office at the date;
4. a family name with an honorific (岸田氏) or a bare title word (オースティン長官, 上川大臣), against people already
   named in the document and office holders at the date, then a bare family name of a person already named in
   the document.

A title after 元/前 (岸田前首相, former President Obama) names a former holder: the name is matched against every
holder of the office and the mention carries no role. ``role`` is always the office held at ``reference_date``.

A name next to a title that fits no office holder is never forced onto a namesake: it stays unresolved when the
name is that of a known person (``entity_id`` null, flagged), and otherwise becomes a provisional entity built from
the text (``person:provisional_<hash>``, flagged). Everything else (countries, organisations, places, treaties,
weapon systems) is matched from the aliases with a single Aho–Corasick automaton over the folded text of all
documents (see bench/README.md for the measurements behind that choice).
"""

from __future__ import annotations

import functools

import hashlib
import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Iterable

import ahocorasick
import polars as pl

from nichibei.extract.entities.folding import (
    FoldedText,
    fold,
    fold_key,
    fold_text,
    is_all_kanji,
    is_all_katakana,
    is_kana_name_char,
    is_kanji,
    is_katakana,
    is_latin,
    is_latin_alnum,
)
from nichibei.extract.entities.match_rules import MatchRules, collective_pattern

__all__ = [
    "MatchRules",
    "Reference",
    "load_reference",
    "make_reference",
    "resolve_entities",
    "entities_table",
    "offices_table",
    "find_collective_mentions",
    "alias_conflicts",
    "title_conflicts",
    "MENTION_SCHEMA",
    "PROVISIONAL_SCHEMA",
]

DEFAULT_REFERENCE_FOLDER = Path(__file__).resolve().parents[2] / "data" / "reference"

ENTITY_COLUMNS = ("entity_id", "entity_type", "name_en", "name_ja", "aliases", "country_code", "notes")
OFFICE_COLUMNS = (
    "entity_id",
    "office",
    "office_detail",
    "country_code",
    "host_country_code",
    "start_date",
    "end_date",
    "source",
)
TITLE_COLUMNS = ("title", "office", "country_code", "office_detail", "language", "host_country_code")

MENTION_SCHEMA: dict[str, pl.DataType] = {
    "doc_id": pl.Utf8(),
    "char_start": pl.Int64(),
    "char_end": pl.Int64(),
    "surface": pl.Utf8(),
    "entity_id": pl.Utf8(),
    "entity_type": pl.Utf8(),
    "match_kind": pl.Utf8(),
    "role": pl.Utf8(),
    "role_detail": pl.Utf8(),
    "country_code": pl.Utf8(),
    "reference_date": pl.Date(),
    "is_flagged": pl.Boolean(),
    "flag": pl.Utf8(),
}

PROVISIONAL_SCHEMA: dict[str, pl.DataType] = {
    "entity_id": pl.Utf8(),
    "entity_type": pl.Utf8(),
    "name_en": pl.Utf8(),
    "name_ja": pl.Utf8(),
    "aliases": pl.List(pl.Utf8()),
    "country_code": pl.Utf8(),
    "is_provisional": pl.Boolean(),
}

COLLECTIVE_SCHEMA: dict[str, pl.DataType] = {
    "doc_id": pl.Utf8(),
    "char_start": pl.Int64(),
    "char_end": pl.Int64(),
    "surface": pl.Utf8(),
}


# --- reference tables ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Person:
    entity_id: str
    name_en: str | None
    name_ja: str | None
    country_code: str | None
    kanji_names: tuple[str, ...]  # folded full names written in kanji (岸田文雄)
    kana_families: frozenset[str]  # folded katakana family names (バイデン)
    kana_givens: frozenset[str]  # folded katakana given names (ジョー, ジョセフ)
    latin_families: frozenset[str]  # lower-cased (biden)
    latin_givens: frozenset[str]  # lower-cased given names and initials (joe, joseph, r)


@dataclass(frozen=True)
class _Office:
    entity_id: str
    office: str
    office_detail: str | None
    country_code: str | None
    host_country_code: str | None
    start_date: date | None
    end_date: date | None

    def active(self, d: date | None) -> bool:
        if d is None:
            return False
        if self.start_date is not None and d < self.start_date:
            return False
        return self.end_date is None or d <= self.end_date


@dataclass(frozen=True)
class _Title:
    title: str
    office: str
    country_code: str | None
    office_detail: str | None
    host_country_code: str | None
    is_latin: bool


@dataclass(frozen=True)
class _Index:
    automaton: ahocorasick.Automaton
    entity_type: dict[str, str]
    entity_country: dict[str, str | None]
    persons: dict[str, _Person]
    offices: tuple[_Office, ...]
    offices_by_person: dict[str, tuple[_Office, ...]]
    titles: tuple[_Title, ...]
    abbreviations: frozenset[str]
    abbreviation_prefixes: dict[str, str]
    offices_by_code: dict[str, tuple[_Office, ...]]
    blocked: re.Pattern[str] | None
    known_kanji_names: tuple[str, ...]
    known_kana_families: frozenset[str]
    known_latin_families: frozenset[str]


@dataclass(frozen=True)
class Reference:
    """Loaded, validated reference tables.

    ``entities``: entity_id, entity_type, name_en, name_ja, aliases (List[Utf8]), country_code, notes.
    ``offices``: entity_id, office, office_detail, country_code, host_country_code, start_date (Date),
    end_date (Date, null while in office), source. ``office_titles``: title, office, country_code, office_detail,
    language, host_country_code.
    """

    entities: pl.DataFrame
    offices: pl.DataFrame
    office_titles: pl.DataFrame
    rules: MatchRules = field(default_factory=MatchRules)
    _index: _Index = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_index", _build_index(self))


def _normalise_entities(df: pl.DataFrame) -> pl.DataFrame:
    missing = [c for c in ENTITY_COLUMNS if c not in df.columns and c != "notes"]
    if missing:
        raise ValueError(f"entities table lacks columns {missing}")
    if "notes" not in df.columns:
        df = df.with_columns(pl.lit(None, dtype=pl.Utf8).alias("notes"))
    aliases = pl.col("aliases")
    if df.schema["aliases"] != pl.List(pl.Utf8):
        aliases = (
            pl.col("aliases").cast(pl.Utf8).fill_null("").str.split("|").list.eval(
                pl.element().str.strip_chars()
            ).list.eval(pl.element().filter(pl.element() != ""))
        )
    out = df.select(
        pl.col("entity_id").cast(pl.Utf8).str.strip_chars(),
        pl.col("entity_type").cast(pl.Utf8).str.strip_chars(),
        pl.col("name_en").cast(pl.Utf8).str.strip_chars().replace("", None),
        pl.col("name_ja").cast(pl.Utf8).str.strip_chars().replace("", None),
        aliases.alias("aliases"),
        pl.col("country_code").cast(pl.Utf8).str.strip_chars().replace("", None),
        pl.col("notes").cast(pl.Utf8),
    )
    if out["entity_id"].null_count() or out["entity_type"].null_count():
        raise ValueError("entities table has rows without entity_id or entity_type")
    return out


def _normalise_offices(df: pl.DataFrame) -> pl.DataFrame:
    missing = [c for c in OFFICE_COLUMNS if c not in df.columns and c != "source"]
    if missing:
        raise ValueError(f"offices table lacks columns {missing}")
    if "source" not in df.columns:
        df = df.with_columns(pl.lit(None, dtype=pl.Utf8).alias("source"))

    def as_date(c: str) -> pl.Expr:
        if df.schema[c] == pl.Date:
            return pl.col(c)
        return pl.col(c).cast(pl.Utf8).str.strip_chars().replace("", None).str.to_date("%Y-%m-%d", strict=True)

    return df.select(
        pl.col("entity_id").cast(pl.Utf8).str.strip_chars(),
        pl.col("office").cast(pl.Utf8).str.strip_chars(),
        pl.col("office_detail").cast(pl.Utf8).str.strip_chars().replace("", None),
        pl.col("country_code").cast(pl.Utf8).str.strip_chars().replace("", None),
        pl.col("host_country_code").cast(pl.Utf8).str.strip_chars().replace("", None),
        as_date("start_date").alias("start_date"),
        as_date("end_date").alias("end_date"),
        pl.col("source").cast(pl.Utf8),
    )


def _normalise_titles(df: pl.DataFrame) -> pl.DataFrame:
    if "host_country_code" not in df.columns:
        df = df.with_columns(pl.lit(None, dtype=pl.Utf8).alias("host_country_code"))
    missing = [c for c in TITLE_COLUMNS if c not in df.columns]
    if missing:
        raise ValueError(f"office_titles table lacks columns {missing}")
    return df.select(
        [pl.col(c).cast(pl.Utf8).str.strip_chars().replace("", None) for c in TITLE_COLUMNS]
    ).filter(pl.col("title").is_not_null())


def _read_csv(path: Path) -> pl.DataFrame:
    return pl.read_csv(path, infer_schema=False, encoding="utf8")


def make_reference(
    entities: pl.DataFrame,
    offices: pl.DataFrame,
    office_titles: pl.DataFrame | None = None,
    rules: MatchRules | None = None,
) -> Reference:
    """Build a :class:`Reference` from in-memory tables (aliases may be a ``|``-joined string or a list; dates
    may be ISO strings or Dates). Without ``office_titles`` the package's table is used."""
    if office_titles is None:
        office_titles = _read_csv(DEFAULT_REFERENCE_FOLDER / "office_titles.csv")
    return Reference(
        entities=_normalise_entities(entities),
        offices=_normalise_offices(offices),
        office_titles=_normalise_titles(office_titles),
        rules=rules or MatchRules(),
    )


def load_reference(folder: Path | None = None, rules: MatchRules | None = None) -> Reference:
    """Load entities.csv, offices.csv and office_titles.csv from ``folder`` (default: the package's
    data/reference folder). With the default rules, a folder is read and indexed once per process: every batch
    of documents, and every retry of a smaller batch, shares the same immutable reference."""
    folder = Path(folder) if folder is not None else DEFAULT_REFERENCE_FOLDER
    if rules is None:
        return _load_reference_once(str(folder.resolve()))
    return _build_reference(folder, rules)


def _build_reference(folder: Path, rules: MatchRules | None) -> Reference:
    return make_reference(
        _read_csv(folder / "entities.csv"),
        _read_csv(folder / "offices.csv"),
        _read_csv(folder / "office_titles.csv"),
        rules,
    )


@functools.lru_cache(maxsize=4)
def _load_reference_once(folder: str) -> Reference:
    return _build_reference(Path(folder), None)


# --- index ---------------------------------------------------------------------------------------------------


def _alias_variants(alias: str) -> set[str]:
    """Folded surface forms of one alias: katakana names with and without the middle dot (or with a space or
    an equals sign in its place)."""
    f = fold(alias).strip()
    out = {f}
    if "・" in f and is_all_katakana(f.replace(" ", "")):
        for sep in ("", " ", "=", "＝"):
            out.add(f.replace("・", sep))
    return {v for v in out if v}


def _strip_suffix_segments(parts: list[str], rules: MatchRules) -> list[str]:
    while len(parts) > 1 and parts[-1].strip(" ,").lower() in rules.name_suffixes:
        parts = parts[:-1]
    return parts


def _person_info(row: dict, rules: MatchRules) -> _Person:
    names = [n for n in [row["name_ja"], row["name_en"], *(row["aliases"] or [])] if n]
    kanji: set[str] = set()
    kana_fam: set[str] = set()
    kana_giv: set[str] = set()
    lat_fam: set[str] = set()
    lat_giv: set[str] = set()
    for n in names:
        f = fold(n).strip()
        compact = f.replace(" ", "")
        if is_all_kanji(compact):
            kanji.add(compact)
            if " " in f:  # 岸田 文雄: the space separates family and given names
                kanji.add(f.split(" ")[0])
        elif is_all_katakana(compact.replace("=", "・")):
            parts = [p for p in re.split(r"[・= ]", f) if p]
            parts = _strip_suffix_segments(parts, rules)
            if len(parts) >= 2:
                if "・" not in f and (row["country_code"] or "").upper() == "JP":
                    # a Japanese name read in katakana is written family name first (キシダ フミオ)
                    kana_fam.add(parts[0])
                    kana_giv.update(parts[1:])
                else:
                    kana_fam.add(parts[-1])
                    kana_giv.update(parts[:-1])
    if row["name_en"]:
        toks = [t for t in re.split(r"[\s]+", fold(row["name_en"]).lower().replace(",", " ")) if t]
        toks = _strip_suffix_segments(toks, rules)
        if len(toks) >= 2:
            lat_fam.add(toks[-1])
            lat_giv.update(t.rstrip(".") for t in toks[:-1])
    for n in row["aliases"] or []:
        f = fold(n)
        if is_latin(f):
            toks = [t.rstrip(".") for t in re.split(r"\s+", f.lower().replace(",", " ")) if t]
            lat_giv.update(t for t in toks if t not in lat_fam)
    # Japanese names in English are also written family name first ("Ishiba Shigeru"): both orders are listed
    # as aliases; the family name is the one taken from name_en.
    return _Person(
        entity_id=row["entity_id"],
        name_en=row["name_en"],
        name_ja=row["name_ja"],
        country_code=row["country_code"],
        kanji_names=tuple(sorted(kanji, key=len, reverse=True)),
        kana_families=frozenset(kana_fam),
        kana_givens=frozenset(kana_giv),
        latin_families=frozenset(lat_fam),
        latin_givens=frozenset(lat_giv - lat_fam),
    )


def _country_of(entity_id: str, entity_type: str, country_code: str | None) -> str | None:
    if country_code:
        return country_code.upper()
    if entity_type == "country" and ":" in entity_id:
        return entity_id.split(":", 1)[1].upper()
    return None


def _build_index(ref: Reference) -> _Index:
    rules = ref.rules
    automaton = ahocorasick.Automaton()
    payloads: dict[str, list[tuple]] = defaultdict(list)
    entity_type: dict[str, str] = {}
    entity_country: dict[str, str | None] = {}
    persons: dict[str, _Person] = {}
    abbreviations: set[str] = set()
    for row in ref.entities.iter_rows(named=True):
        eid, etype = row["entity_id"], row["entity_type"]
        entity_type[eid] = etype
        entity_country[eid] = _country_of(eid, etype, row["country_code"])
        forms: set[str] = set()
        for n in [row["name_ja"], row["name_en"], *(row["aliases"] or [])]:
            if n:
                forms |= _alias_variants(n)
        for form in forms:
            key = form.lower()
            if etype != "person" and len(form) == 1 and is_kanji(form):
                abbreviations.add(form)
            entry = ("alias", eid, etype, form)
            if entry not in payloads[key]:
                payloads[key].append(entry)
        if etype == "person":
            persons[eid] = _person_info(row, rules)
    titles: list[_Title] = []
    for i, row in enumerate(ref.office_titles.iter_rows(named=True)):
        t = fold(row["title"]).strip()
        titles.append(
            _Title(
                title=t,
                office=row["office"],
                country_code=row["country_code"],
                office_detail=row["office_detail"],
                host_country_code=row["host_country_code"],
                is_latin=is_latin(t),
            )
        )
        payloads[t.lower()].append(("title", i))
    for key, entries in payloads.items():
        automaton.add_word(key, (len(key), tuple(entries)))
    if payloads:
        automaton.make_automaton()
    offices = tuple(
        _Office(
            r["entity_id"], r["office"], r["office_detail"], r["country_code"], r["host_country_code"],
            r["start_date"], r["end_date"],
        )
        for r in ref.offices.iter_rows(named=True)
    )
    by_person: dict[str, list[_Office]] = defaultdict(list)
    for o in offices:
        by_person[o.entity_id].append(o)
    blocked = re.compile("|".join(f"(?:{p})" for p in rules.blocked_patterns)) if rules.blocked_patterns else None
    return _Index(
        automaton=automaton,
        entity_type=entity_type,
        entity_country=entity_country,
        persons=persons,
        offices=offices,
        offices_by_person={k: tuple(v) for k, v in by_person.items()},
        titles=tuple(titles),
        abbreviations=frozenset(abbreviations),
        abbreviation_prefixes=dict(rules.abbreviation_prefixes),
        offices_by_code={code: tuple(o for o in offices if o.office == code) for code in {o.office for o in offices}},
        blocked=blocked,
        known_kanji_names=tuple(sorted({k for p in persons.values() for k in p.kanji_names})),
        known_kana_families=frozenset(f for p in persons.values() for f in p.kana_families),
        known_latin_families=frozenset(f for p in persons.values() for f in p.latin_families),
    )


# --- dictionary pass -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Hit:
    start: int  # folded-text positions
    end: int
    kind: str  # alias | title
    entity_id: str | None = None
    entity_type: str | None = None
    form: str | None = None
    title: _Title | None = None


def _scan(ft: FoldedText, index: _Index) -> list[_Hit]:
    """Every dictionary key occurring in the folded text (overlapping, all lengths)."""
    hits: list[_Hit] = []
    if not ft.lower or len(index.automaton) == 0:
        return hits
    for end, (length, entries) in index.automaton.iter(ft.lower):
        start = end - length + 1
        for e in entries:
            if e[0] == "alias":
                hits.append(_Hit(start, end + 1, "alias", e[1], e[2], e[3]))
            else:
                hits.append(_Hit(start, end + 1, "title", title=index.titles[e[1]]))
    return hits


def _latin_boundary_ok(text: str, start: int, end: int) -> bool:
    if start > 0 and is_latin_alnum(text[start - 1]):
        # a word glued to the previous one by lost spacing ("toNorth Korea") still counts
        if not (text[start - 1].islower() and text[start].isupper()):
            return False
    if end < len(text) and is_latin_alnum(text[end]):
        if not (text[end - 1].islower() and text[end].isupper()):
            return False
    return True


def _latin_case_ok(text: str, hit: _Hit, rules: MatchRules) -> bool:
    form = hit.form or ""
    letters = [c for c in form if c.isalpha()]
    if len(letters) <= rules.latin_case_sensitive_max_len or all(c.isupper() for c in letters):
        return text[hit.start : hit.end] == form
    return True


def _abbreviation_ok(text: str, start: int, index: _Index, rules: MatchRules, title_starts: set[int]) -> bool:
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


def _select_longest(hits: Iterable[_Hit]) -> list[_Hit]:
    """Greedy longest-first, then leftmost, non-overlapping selection."""
    hits = sorted(hits, key=lambda h: (-(h.end - h.start), h.start))
    if not hits:
        return []
    taken = bytearray(max(h.end for h in hits))
    chosen: list[_Hit] = []
    for h in hits:
        if taken.find(1, h.start, h.end) != -1:
            continue
        taken[h.start : h.end] = b"\x01" * (h.end - h.start)
        chosen.append(h)
    return sorted(chosen, key=lambda h: h.start)


def _filter_hits(
    ft: FoldedText, hits: list[_Hit], index: _Index, rules: MatchRules
) -> tuple[list[_Hit], list[_Hit], list[_Hit]]:
    """Apply the language rules; return (titles, person alias hits, other alias hits), each non-overlapping
    (people sharing one span excepted)."""
    text = ft.text
    n = len(text)
    titles = []
    for h in hits:
        if h.kind != "title":
            continue
        if h.title.is_latin:
            if text[h.start : h.end] != h.title.title or not _latin_boundary_ok(text, h.start, h.end):
                continue
        titles.append(h)
    titles = _select_longest(titles)
    title_starts = {h.start for h in titles}
    blocked_at: list[int] | None = None
    blocked_spans = [m.span() for m in index.blocked.finditer(text)] if index.blocked else []
    if blocked_spans:
        blocked_at = [-1] * n
        for i, (bs, be) in enumerate(blocked_spans):
            for q in range(bs, be):
                blocked_at[q] = i

    persons, others = [], []
    for h in hits:
        if h.kind != "alias":
            continue
        form = h.form or ""
        if form.isascii():  # Latin words, and keys such as "2+2" or "G7": whole words only
            if is_latin(form) and not _latin_case_ok(text, h, rules):
                continue
            if not _latin_boundary_ok(text, h.start, h.end):
                continue
        elif len(form) == 1 and form in index.abbreviations:
            if not _abbreviation_ok(text, h.start, index, rules, title_starts):
                continue
        elif is_all_katakana(form.replace(" ", "").replace("=", "・")):
            if h.start > 0 and is_katakana(text[h.start - 1]):
                continue
            if h.end < n and is_katakana(text[h.end]):
                continue
        if h.entity_type == "person":
            persons.append(h)
            continue
        if h.entity_type == "country" and len(form) > 1 and form[0] in index.abbreviations and any(
                text.startswith(sfx, h.start + 1) and h.start + 1 + len(sfx) > h.end
                for sfx in rules.abbreviation_suffixes):
            continue  # 米国防総省, 米国務省: 米 and the Pentagon / the State Department, not 米国 and 防総省
        if blocked_at is not None:
            b = blocked_at[h.start]
            if b != -1 and blocked_at[h.end - 1] == b:
                bs, be = blocked_spans[b]
                if (be - bs) > (h.end - h.start):
                    continue
        others.append(h)

    # A dictionary entry strictly containing a title (首相官邸) wins over the title; otherwise the title wins.
    if titles:
        title_at = [-1] * n
        for i, t in enumerate(titles):
            for q in range(t.start, t.end):
                title_at[q] = i
        dropped_titles: set[int] = set()
        partial: list[tuple[_Hit, set[int]]] = []
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
    by_type: dict[str, list[_Hit]] = defaultdict(list)
    for o in others:
        by_type[o.entity_type].append(o)
    selected_others = [h for hs in by_type.values() for h in _select_longest(hs)]
    person_spans = {(h.start, h.end) for h in _select_longest(persons)}
    persons = [h for h in persons if (h.start, h.end) in person_spans]  # several people may share a span
    return titles, persons, sorted(selected_others, key=lambda h: h.start)


# --- person resolution ---------------------------------------------------------------------------------------


@dataclass
class _Mention:
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
class _DocState:
    ft: FoldedText
    date: date | None
    titles: list[_Hit]
    person_hits: list[_Hit]
    others: list[_Hit]
    mentions: list[_Mention] = field(default_factory=list)
    provisional: dict[str, dict] = field(default_factory=dict)
    learned_families: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    person_mask: bytearray = field(init=False)
    other_mask: bytearray = field(init=False)
    country_by_end: dict[int, _Hit] = field(init=False)

    def __post_init__(self) -> None:
        n = len(self.ft.text) + 1
        self.person_mask = bytearray(n)
        self.other_mask = bytearray(n)
        self.country_by_end = {}
        for h in self.others:
            self.other_mask[h.start : h.end] = b"\x01" * (h.end - h.start)
            if h.entity_type in ("country", "region"):
                self.country_by_end.setdefault(h.end, h)

    def person_taken(self, s: int, e: int) -> bool:
        s = max(s, 0)
        return e > s and self.person_mask.find(1, s, e) != -1

    def other_overlaps(self, s: int, e: int) -> bool:
        s = max(s, 0)
        return e > s and self.other_mask.find(1, s, e) != -1

    def add(self, m: _Mention) -> None:
        self.mentions.append(m)
        if m.entity_type == "person":
            self.person_mask[m.start : m.end] = b"\x01" * (m.end - m.start)


def _holders(index: _Index, title: _Title, country: str | None, d: date | None, any_date: bool = False) -> list[str]:
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


def _role_for(index: _Index, eid: str, d: date | None, title: _Title | None) -> tuple[str | None, str | None, bool]:
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


def _country_hit_ending_at(state: _DocState, pos: int, index: _Index) -> _Hit | None:
    return state.country_by_end.get(pos)


def _context_country(state: _DocState, name_start: int, index: _Index) -> tuple[str | None, int]:
    """Country named right before a name (米国の…, アメリカのバイデン…): (country code, new start)."""
    text = state.ft.text
    h = _country_hit_ending_at(state, name_start, index)
    if h is None and name_start > 0 and text[name_start - 1] == "の":
        h = _country_hit_ending_at(state, name_start - 1, index)
    if h is None and name_start > 0 and text[name_start - 1] == " ":
        h = _country_hit_ending_at(state, name_start - 1, index)
    if h is None:
        return None, name_start
    return index.entity_country.get(h.entity_id), h.start


def _match_name_before(text: str, pos: int, p: _Person, left_ok: str = "") -> tuple[int, str | None] | None:
    """Does a name of ``p`` end at ``pos``? Returns (name start, flag) for the longest such name."""
    best: tuple[int, str | None] | None = None
    for full in p.kanji_names:
        for k in range(len(full), 0, -1):
            s = pos - k
            if s < 0 or text[s:pos] != full[:k]:
                continue
            if s > 0 and is_kanji(text[s - 1]) and text[s - 1] not in left_ok:
                continue
            if best is None or s < best[0]:
                best = (s, None)
            break
    for fam in p.kana_families:
        s = pos - len(fam)
        if s < 0 or text[s:pos] != fam:
            continue
        if s > 0 and is_katakana(text[s - 1]):
            continue
        flag = None
        # a given name in front of the family name (ロナルド・トランプ): check it against the person's
        if s > 1 and text[s - 1] in "・= ＝" and is_katakana(text[s - 2]):
            g = s - 1
            while g > 0 and is_katakana(text[g - 1]):
                g -= 1
            given = text[g : s - 1]
            if given not in p.kana_givens:
                flag = "given_name_mismatch"
            s = g
        if best is None or s < best[0]:
            best = (s, flag)
    return best


_EN_TOKEN = re.compile(r"[A-Z][A-Za-z'\-]*\.?|[A-Z]\.")


def _english_tokens(text: str, pos: int, rules: MatchRules) -> list[tuple[int, int, str]]:
    """Capitalised tokens right after ``pos`` (a name after an English title)."""
    toks: list[tuple[int, int, str]] = []
    i = pos
    while len(toks) < rules.max_english_name_tokens:
        if i >= len(text) or text[i] != " ":
            break
        m = _EN_TOKEN.match(text, i + 1)
        if not m or m.group(0).rstrip(".") in rules.english_stop_tokens:
            break
        word = m.group(0)
        end = m.end()
        if word.endswith("'s") or word.endswith("'"):
            trimmed = word[:-2] if word.endswith("'s") else word[:-1]
            toks.append((m.start(), m.start() + len(trimmed), trimmed))
            break
        toks.append((m.start(), end, word))
        i = end
    return toks


def _match_english_name(toks: list[tuple[int, int, str]], p: _Person) -> tuple[int, str | None] | None:
    """(name end, flag) when the tokens after a title name ``p``."""
    words = [t[2].lower().rstrip(".") for t in toks]
    for i, w in enumerate(words):
        if w not in p.latin_families:
            continue
        if i == 0:
            end = toks[0][1]
            j = 1
            while j < len(words) and words[j] in p.latin_givens:
                end = toks[j][1]
                j += 1
            return end, None
        givens = words[:i]
        mismatch = any(len(g) > 1 and g not in p.latin_givens for g in givens)
        return toks[i][1], ("given_name_mismatch" if mismatch else None)
    return None


def _provisional_id(name: str) -> str:
    return "person:provisional_" + hashlib.sha1(fold_key(name).encode("utf-8")).hexdigest()[:12]


def _add_provisional(state: _DocState, name: str, country: str | None) -> str:
    eid = _provisional_id(name)
    if eid not in state.provisional:
        latin = is_latin(name)
        state.provisional[eid] = {
            "entity_id": eid,
            "entity_type": "person",
            "name_en": name if latin else None,
            "name_ja": None if latin else name,
            "aliases": [name],
            "country_code": country,
            "is_provisional": True,
        }
    return eid


def _unknown_name_before(text: str, pos: int, rules: MatchRules, state: _DocState) -> tuple[int, str] | None:
    """An unlisted person's name right before a title: a katakana run or a short kanji run."""
    s = pos
    while s > 0 and is_kana_name_char(text[s - 1]):
        s -= 1
    while s < pos and text[s] == "・":
        s += 1
    run = text[s:pos]
    if len(run) >= 2 and any(is_katakana(c) for c in run):
        if state.other_overlaps(s, pos):
            return None
        return s, run
    s = pos
    while s > 0 and is_kanji(text[s - 1]):
        s -= 1
    run = text[s:pos]
    if not (2 <= len(run) <= rules.max_kanji_name_len):
        return None
    if run[0] in rules.provisional_stop_first or any(c in rules.provisional_stop_chars for c in run):
        return None
    if state.other_overlaps(s, pos):
        return None
    return s, run


def _is_known_namesake(index: _Index, name: str) -> bool:
    f = fold_key(name)
    if is_all_kanji(f):
        return any(k.startswith(f) for k in index.known_kanji_names)
    if is_all_katakana(f):
        last = [p for p in re.split(r"[・= ]", f) if p][-1]
        return last in index.known_kana_families
    toks = f.split()
    return bool(toks) and any(t.rstrip(".") in index.known_latin_families for t in toks)


def _add_person(state: _DocState, index: _Index, eid: str | None, s: int, e: int, kind: str, title: _Title | None,
                flags: list[str], family_surface: str | None = None) -> None:
    if eid is None:  # a name shared by several people that the date does not separate
        state.add(_Mention(s, e, None, "person", "unresolved", None, None, None, ["ambiguous_alias"]))
        return
    role, detail, held = _role_for(index, eid, state.date, title)
    flags = list(flags)
    if title is not None and not held:
        flags.append("title_not_held_at_date" if state.date is not None else "undated")
    elif title is not None and state.date is None and "undated" not in flags:
        flags.append("undated")  # the role comes from the title, not from the offices held at a date
    state.add(
        _Mention(s, e, eid, "person", kind, role, detail, index.entity_country.get(eid), flags)
    )
    if family_surface:
        state.learned_families[eid].add(family_surface)


def _resolve_japanese_title(state: _DocState, t: _Hit, index: _Index, rules: MatchRules) -> None:
    text = state.ft.text
    title = t.title
    pos = t.start
    country: str | None = None
    between = _country_hit_ending_at(state, pos, index)
    if between is not None:
        country = index.entity_country.get(between.entity_id)
        pos = between.start
    blocked_after = any(text.startswith(b, t.end) for b in rules.title_blockers)
    # バイデン前米大統領, 岸田元首相: a former holder, matched against every holder of the office, no role
    former = pos > 0 and text[pos - 1] in rules.former_markers
    if former:
        pos -= 1
    else:
        future = next((m for m in rules.future_markers if text.startswith(m, pos - len(m)) and pos >= len(m)), None)
        if future is not None:
            former, pos = True, pos - len(future)
    role_title = None if (blocked_after or former) else title

    # 1. a full name listed as an alias
    alias = next((h for h in state.person_hits if h.end == pos), None)
    if alias is not None:
        if state.person_taken(alias.start, t.end):
            return
        _add_person(state, index, alias.entity_id, alias.start, t.end, "alias", role_title, [])
        return
    if blocked_after:
        return
    plural = False
    if country is None:
        country, ctx_start = _context_country(state, pos, index)
        # 日米の国防長官: the offices of two countries, not one person
        plural = country is not None and _country_hit_ending_at(state, ctx_start, index) is not None

    # 2. a family name of an office holder at the date
    def candidates(c: str | None) -> list[str]:
        if state.date is None or former:
            return _holders(index, title, c, None, any_date=True)
        return _holders(index, title, c, state.date)

    def match_at(at: int, countries: list[str | None]) -> dict[str, tuple[int, str | None]]:
        found: dict[str, tuple[int, str | None]] = {}
        for c in countries:
            for eid in candidates(c):
                p = index.persons.get(eid)
                if p is None:
                    continue
                m = _match_name_before(text, at, p, rules.name_left_kanji_ok)
                if m is not None:
                    found[eid] = m
            if found:
                break
        return found

    matches = match_at(pos, [country] if country else [title.country_code.upper() if title.country_code else None, None])
    if not matches and between is not None and not former and pos == between.start:
        # タイ通商代表 (Katherine Tai), ジョージア…: a family name spelled like a country, right before the title
        own = title.country_code.upper() if title.country_code else None
        matches = match_at(t.start, [own, None] if own else [None])
        if matches:
            country, pos = own, t.start
            if between in state.others:
                state.others.remove(between)  # the name, not the country
    if matches:
        best_start = min(m[0] for m in matches.values())
        best = [eid for eid, m in matches.items() if m[0] == best_start]
        if len(best) == 1 and not state.person_taken(best_start, t.end):
            eid = best[0]
            flag = matches[eid][1]
            flags = [flag] if flag else []
            if state.date is None and not former:
                flags.append("undated")
            surface_family = text[best_start:pos]
            _add_person(state, index, eid, best_start, t.end, "family_name_title", role_title, flags,
                        None if flag else surface_family)
        return

    # 3. a name that fits no holder
    unknown = _unknown_name_before(text, pos, rules, state)
    if unknown is not None:
        s, name = unknown
        if state.person_taken(s, t.end):
            return
        if country is None:  # 中国の王毅外相: the country named before the name
            country, _ = _context_country(state, s, index)
        office_country = country or (title.country_code.upper() if title.country_code else None)
        role, role_detail = (None, None) if former else (title.office, title.office_detail)
        if _is_known_namesake(index, name):
            state.add(
                _Mention(s, t.end, None, "person", "unresolved", role, role_detail, office_country,
                         ["no_holder_at_date" if state.date is not None else "undated"])
            )
            return
        if is_all_katakana(name) and not country and office_country == "JP":
            office_country = None  # a foreign name with a Japanese title (モディ首相, ラブロフ外相): country unknown
        eid = _add_provisional(state, name, office_country)
        state.add(
            _Mention(s, t.end, eid, "person", "provisional", role, role_detail, office_country, ["provisional"])
        )
        return

    # 4. the office alone
    if plural or former:
        return
    if pos > 0 and (text[pos - 1] in rules.office_modifiers or (is_kanji(text[pos - 1]) and between is None)):
        return
    if t.end < len(text) and is_kanji(text[t.end]):
        return
    office_country = country or (title.country_code.upper() if title.country_code else None)
    if office_country is None or state.date is None:
        return
    holders = _holders(index, title, office_country, state.date)
    if len(holders) == 1 and not state.person_taken(pos, t.end):
        _add_person(state, index, holders[0], pos, t.end, "office", title, [])


def _resolve_english_title(state: _DocState, t: _Hit, index: _Index, rules: MatchRules) -> None:
    text = state.ft.text
    title = t.title
    country, start = _context_country(state, t.start, index)
    former = text[max(0, start - 7) : start].lower() == "former "
    if former:
        start -= 7
    role_title = None if former else title
    toks = _english_tokens(text, t.end, rules)
    # a full name alias right after the title
    if toks:
        alias = next((h for h in state.person_hits if h.start == toks[0][0]), None)
        if alias is not None:
            if not state.person_taken(start, alias.end):
                _add_person(state, index, alias.entity_id, start, alias.end, "title_name", role_title, [])
            return
        matches: dict[str, tuple[int, str | None]] = {}
        tried = [country] if country else [title.country_code.upper() if title.country_code else None, None]
        for c in tried:
            ids = _holders(index, title, c, state.date, any_date=state.date is None or former)
            for eid in ids:
                p = index.persons.get(eid)
                if p is None:
                    continue
                m = _match_english_name(toks, p)
                if m is not None:
                    matches[eid] = m
            if matches:
                break
        if matches:
            if len(matches) == 1:
                eid, (end, flag) = next(iter(matches.items()))
                if not state.person_taken(start, end):
                    flags = [flag] if flag else []
                    if state.date is None and not former:
                        flags.append("undated")
                    _add_person(state, index, eid, start, end, "title_name", role_title, flags)
            return
        name_toks = [tk for tk in toks if not state.other_overlaps(tk[0], tk[0] + 1)]
        if name_toks and name_toks[0] == toks[0]:
            last = toks.index(name_toks[-1])
            name_toks = toks[: last + 1]
            name = text[name_toks[0][0] : name_toks[-1][1]]
            end = name_toks[-1][1]
            if state.person_taken(start, end):
                return
            office_country = country or (title.country_code.upper() if title.country_code else None)
            role, role_detail = (None, None) if former else (title.office, title.office_detail)
            if _is_known_namesake(index, name):
                state.add(
                    _Mention(start, end, None, "person", "unresolved", role, role_detail, office_country,
                             ["no_holder_at_date" if state.date is not None else "undated"])
                )
                return
            eid = _add_provisional(state, name, office_country)
            state.add(_Mention(start, end, eid, "person", "provisional", role, role_detail, office_country,
                               ["provisional"]))
        return
    # the office alone: "the Secretary of State"
    if former:
        return
    if start >= 4 and text[start - 4 : start].lower() == "the ":
        office_country = country or (title.country_code.upper() if title.country_code else None)
        if office_country is None or state.date is None:
            return
        if t.end < len(text) and text.startswith(" of ", t.end):
            return
        holders = _holders(index, title, office_country, state.date)
        if len(holders) == 1 and not state.person_taken(start, t.end):
            _add_person(state, index, holders[0], start, t.end, "office", title, [])


def _one_kanji_family_named(state: _DocState, p: _Person, text: str, pos: int) -> bool:
    """Is the kanji at ``pos`` (before 氏) the whole family name of ``p``, as an earlier mention in the document
    shows: with a title straight after it (林外相, 岸防衛相), or the full name of three kanji at most (林芳正, 岸信夫;
    岸田文雄 has a family name of two)? The kanji must stand alone (山岸氏 is not 岸氏)."""
    k = text[pos]
    if pos > 0 and is_kanji(text[pos - 1]):
        return False
    for m in state.mentions:
        if m.entity_id != p.entity_id or m.start >= pos or text[m.start] != k:
            continue
        if m.match_kind == "family_name_title" and m.start + 1 < len(text) and not any(
                len(full) > 1 and full[0] == k and text[m.start + 1] == full[1] for full in p.kanji_names):
            return True  # 林外相: the title right after the one kanji
        if m.match_kind == "alias" and any(len(full) <= 3 and text.startswith(full, m.start) and full[0] == k
                                           for full in p.kanji_names):
            return True  # 林芳正: the full name, one kanji of family name and a given name
    return False


def _resolve_family_names(state: _DocState, index: _Index, rules: MatchRules) -> None:
    text = state.ft.text
    # family name + honorific (岸田氏) or a bare title word (オースティン長官, 上川大臣): people named in the
    # document, then holders of any office at the date
    anchored = [m.entity_id for m in state.mentions if m.entity_type == "person" and m.entity_id in index.persons]
    active = [o.entity_id for o in index.offices if o.active(state.date)]
    title_mask = bytearray(len(text) + 1)
    for t in state.titles:
        title_mask[t.start : t.end] = b"\x01" * (t.end - t.start)
    words = [(w, False) for w in rules.honorifics] + [(w, True) for w in rules.generic_titles]
    for word, in_surface in words:
        i = text.find(word)
        while i != -1:
            j = i + len(word)
            if in_surface and title_mask.find(1, i, j) != -1:
                i = text.find(word, j)
                continue
            if not state.person_taken(i - 1, i):
                for pool in (anchored, active):
                    matches: dict[str, tuple[int, str | None]] = {}
                    for eid in dict.fromkeys(pool):
                        m = (_match_name_before(text, i, index.persons[eid], rules.name_left_kanji_ok)
                             if eid in index.persons else None)
                        # one kanji before 氏 is too little to name anyone (岸氏 is not 岸田氏) unless the document
                        # has already named this person with that one kanji as the whole family name
                        if m is not None and (i - m[0] >= 2 or not is_kanji(text[i - 1])
                                              or (pool is anchored and word in rules.honorifics
                                                  and _one_kanji_family_named(state, index.persons[eid], text, i - 1))):
                            matches[eid] = m
                    if matches:
                        best_start = min(m[0] for m in matches.values())
                        best = [e for e, m in matches.items() if m[0] == best_start]
                        end = j if in_surface else i
                        if len(best) == 1 and not state.person_taken(best_start, end):
                            flag = matches[best[0]][1]
                            _add_person(state, index, best[0], best_start, end,
                                        "family_name_title" if in_surface else "family_name", None,
                                        [flag] if flag else [], None if flag else text[best_start:i])
                        break
            i = text.find(word, j)
    # bare family names of people already resolved in the document
    surfaces: dict[str, set[str]] = defaultdict(set)
    for m in state.mentions:
        if m.entity_type != "person" or m.entity_id not in index.persons or m.match_kind == "provisional":
            continue
        p = index.persons[m.entity_id]
        for fam in p.kana_families:
            surfaces[fam].add(p.entity_id)
        for fam in state.learned_families.get(p.entity_id, ()):
            if len(fam) >= 2 or not is_all_kanji(fam):
                surfaces[fam].add(p.entity_id)
        if p.name_en:
            for tok in fold(p.name_en).replace(",", " ").split():
                if tok.lower() in p.latin_families:
                    surfaces[tok].add(p.entity_id)
    for surface, eids in surfaces.items():
        if len(eids) != 1 or not surface:
            continue
        eid = next(iter(eids))
        i = text.find(surface)
        while i != -1:
            e = i + len(surface)
            ok = True
            if is_latin(surface):
                ok = _latin_boundary_ok(text, i, e)
            elif is_all_katakana(surface):
                ok = not (i > 0 and is_kana_name_char(text[i - 1])) and not (e < len(text) and is_katakana(text[e]))
                ok = ok and not (e < len(text) and is_kanji(text[e]))
            else:
                ok = not (i > 0 and is_kanji(text[i - 1])) and not (e < len(text) and is_kanji(text[e]))
            if ok and not state.person_taken(i, e) and not state.other_overlaps(i, e):
                _add_person(state, index, eid, i, e, "family_name", None, [])
            i = text.find(surface, i + 1)


def _disambiguate_aliases(hits: list[_Hit], d: date | None, index: _Index) -> list[_Hit]:
    """A full-name alias listed for several people names the one holding an office at the date; with none or
    several such people the mention is kept unresolved (entity_id null, flagged) rather than guessed."""
    by_span: dict[tuple[int, int], list[_Hit]] = defaultdict(list)
    for h in hits:
        by_span[(h.start, h.end)].append(h)
    out: list[_Hit] = []
    for span, hs in by_span.items():
        ids = list(dict.fromkeys(h.entity_id for h in hs))
        if len(ids) > 1:
            ids = [i for i in ids if any(o.active(d) for o in index.offices_by_person.get(i, ()))]
        if len(ids) == 1:
            out.append(next(h for h in hs if h.entity_id == ids[0]))
        else:
            h = hs[0]
            out.append(_Hit(h.start, h.end, "alias", None, "person", h.form))
    return sorted(out, key=lambda h: h.start)


def _resolve_doc(text: str, d: date | None, ref: Reference) -> _DocState:
    index, rules = ref._index, ref.rules
    ft = fold_text(text)
    titles, person_hits, others = _filter_hits(ft, _scan(ft, index), index, rules)
    person_hits = _disambiguate_aliases(person_hits, d, index)
    state = _DocState(ft, d, titles, person_hits, others)
    for t in titles:
        if t.title.is_latin:
            _resolve_english_title(state, t, index, rules)
        else:
            _resolve_japanese_title(state, t, index, rules)
    # full names without a title
    for h in person_hits:
        if state.person_taken(h.start, h.end):
            continue
        _add_person(state, index, h.entity_id, h.start, h.end, "alias", None, [])
    _resolve_family_names(state, index, rules)
    for h in others:
        state.add(
            _Mention(h.start, h.end, h.entity_id, h.entity_type, "alias", None, None,
                     index.entity_country.get(h.entity_id), [])
        )
    return state


def resolve_entities(
    docs: pl.DataFrame, ref: Reference, batch_size: int = 1000
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Find and resolve entity mentions in ``docs`` (doc_id: Utf8, text: Utf8, reference_date: Date nullable).

    Returns ``(mentions, provisional)``; see :data:`MENTION_SCHEMA` and :data:`PROVISIONAL_SCHEMA`.
    Offsets are 0-based, end-exclusive code points into ``text`` as given, and ``text[char_start:char_end]``
    is always ``surface``.
    """
    rows: dict[str, list] = {k: [] for k in MENTION_SCHEMA}
    batches: list[pl.DataFrame] = []
    provisional: dict[str, dict] = {}
    if "reference_date" not in docs.columns:
        docs = docs.with_columns(pl.lit(None, dtype=pl.Date).alias("reference_date"))
    for n, (doc_id, text, d) in enumerate(docs.select("doc_id", "text", "reference_date").iter_rows()):
        if n and n % batch_size == 0 and rows["doc_id"]:
            batches.append(pl.DataFrame(rows, schema=MENTION_SCHEMA))
            rows = {k: [] for k in MENTION_SCHEMA}
        if not text:
            continue
        state = _resolve_doc(text, d, ref)
        for m in state.mentions:
            s, e = state.ft.source_span(m.start, m.end)
            if e <= s:
                continue
            flags = sorted(set(m.flags))
            rows["doc_id"].append(doc_id)
            rows["char_start"].append(s)
            rows["char_end"].append(e)
            rows["surface"].append(text[s:e])
            rows["entity_id"].append(m.entity_id)
            rows["entity_type"].append(m.entity_type)
            rows["match_kind"].append(m.match_kind)
            rows["role"].append(m.role)
            rows["role_detail"].append(m.role_detail)
            rows["country_code"].append(m.country_code)
            rows["reference_date"].append(d)
            rows["is_flagged"].append(bool(flags))
            rows["flag"].append(";".join(flags) if flags else None)
        for eid, row in state.provisional.items():
            provisional.setdefault(eid, row)
    batches.append(pl.DataFrame(rows, schema=MENTION_SCHEMA))
    mentions = pl.concat(batches).sort(["doc_id", "char_start", "char_end", "entity_type"])
    prov = pl.DataFrame(list(provisional.values()), schema=PROVISIONAL_SCHEMA) if provisional else pl.DataFrame(
        schema=PROVISIONAL_SCHEMA
    )
    return mentions, prov.sort("entity_id")


# --- publishing ----------------------------------------------------------------------------------------------


def entities_table(ref: Reference, provisional: pl.DataFrame | None = None) -> pl.DataFrame:
    """The entities table to publish: reference entities plus provisional ones from the text."""
    base = ref.entities.select(
        "entity_id", "entity_type", "name_en", "name_ja", "aliases", "country_code",
        pl.lit(False).alias("is_provisional"),
    ).cast(PROVISIONAL_SCHEMA)
    if provisional is None or provisional.is_empty():
        return base
    extra = provisional.select(list(PROVISIONAL_SCHEMA)).cast(PROVISIONAL_SCHEMA)
    extra = extra.filter(~pl.col("entity_id").is_in(base["entity_id"].implode()))
    return pl.concat([base, extra]).unique("entity_id", keep="first", maintain_order=True)


def offices_table(ref: Reference) -> pl.DataFrame:
    """The offices table to publish (dates as Date, end_date null while in office)."""
    return ref.offices.select(
        "entity_id", "office", "office_detail", "country_code", "host_country_code", "start_date", "end_date"
    )


# --- collective expressions ----------------------------------------------------------------------------------

_COLLECTIVE = re.compile(collective_pattern())


def find_collective_mentions(docs: pl.DataFrame) -> pl.DataFrame:
    """Collective expressions for the meeting's participants (両首脳, 四閣僚, the two leaders) with offsets; the
    meeting stage resolves them to its principals."""
    rows: dict[str, list] = {k: [] for k in COLLECTIVE_SCHEMA}
    for doc_id, text in docs.select("doc_id", "text").iter_rows():
        for m in _COLLECTIVE.finditer(text or ""):
            rows["doc_id"].append(doc_id)
            rows["char_start"].append(m.start())
            rows["char_end"].append(m.end())
            rows["surface"].append(m.group(0))
    return pl.DataFrame(rows, schema=COLLECTIVE_SCHEMA)


# --- consistency checks --------------------------------------------------------------------------------------


def alias_conflicts(ref: Reference) -> pl.DataFrame:
    """Alias keys (NFKC, variant-folded, lower case) shared by two or more entities of the same type.

    ``separable`` is true only when every entity sharing the key is a person and no two of them hold offices at
    overlapping dates, so that the office held at the reference date can tell them apart. A row with
    ``separable`` false is a defect in the reference data.
    """
    keys: dict[tuple[str, str], set[str]] = defaultdict(set)
    for row in ref.entities.iter_rows(named=True):
        for n in [row["name_ja"], row["name_en"], *(row["aliases"] or [])]:
            if n:
                keys[(fold_key(n), row["entity_type"])].add(row["entity_id"])
    offices = ref._index.offices_by_person
    out = {"alias_key": [], "entity_type": [], "entity_ids": [], "separable": []}
    for (key, etype), ids in sorted(keys.items()):
        if len(ids) < 2:
            continue
        separable = etype == "person" and all(offices.get(i) for i in ids)
        if separable:
            spans = [(o.start_date or date.min, o.end_date or date.max, i) for i in ids for o in offices[i]]
            for a in spans:
                for b in spans:
                    if a[2] < b[2] and a[0] <= b[1] and b[0] <= a[1]:
                        separable = False
        out["alias_key"].append(key)
        out["entity_type"].append(etype)
        out["entity_ids"].append(sorted(ids))
        out["separable"].append(separable)
    return pl.DataFrame(
        out,
        schema={"alias_key": pl.Utf8, "entity_type": pl.Utf8, "entity_ids": pl.List(pl.Utf8), "separable": pl.Boolean},
    )


def title_conflicts(office_titles: pl.DataFrame) -> pl.DataFrame:
    """Titles (folded) that map to more than one (office, country, detail, host): each title must name one
    office for a country."""
    t = _normalise_titles(office_titles).with_columns(
        pl.col("title").map_elements(fold_key, return_dtype=pl.Utf8).alias("title_key")
    )
    return (
        t.group_by("title_key")
        .agg(pl.struct("office", "country_code", "office_detail", "host_country_code").unique().alias("targets"))
        .filter(pl.col("targets").list.len() > 1)
        .sort("title_key")
    )
