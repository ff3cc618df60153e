"""The index of the reference tables the resolver reads: one Aho–Corasick automaton over every folded alias and
office title, the people with their family and given names by script, and the offices by person and by code."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import date

import ahocorasick
import polars as pl

from nichibei.extract.entities.folding import (
    fold,
    is_all_kanji,
    is_all_katakana,
    is_kanji,
    is_latin,
)
from nichibei.extract.entities.match_rules import MatchRules


@dataclass(frozen=True)
class Person:
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
class Title:
    title: str
    office: str
    country_code: str | None
    office_detail: str | None
    host_country_code: str | None
    is_latin: bool


@dataclass(frozen=True)
class Index:
    automaton: ahocorasick.Automaton
    entity_type: dict[str, str]
    entity_country: dict[str, str | None]
    persons: dict[str, Person]
    offices: tuple[_Office, ...]
    offices_by_person: dict[str, tuple[_Office, ...]]
    titles: tuple[Title, ...]
    abbreviations: frozenset[str]
    abbreviation_prefixes: dict[str, str]
    offices_by_code: dict[str, tuple[_Office, ...]]
    blocked: re.Pattern[str] | None
    known_kanji_names: tuple[str, ...]
    known_kana_families: frozenset[str]
    known_latin_families: frozenset[str]


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


def _person_info(row: dict, rules: MatchRules) -> Person:
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
    return Person(
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


def _index_entities(entities: pl.DataFrame, rules: MatchRules, payloads: dict[str, list[tuple]]) -> tuple[
        dict[str, str], dict[str, str | None], dict[str, Person], set[str]]:
    """Every folded form of every entity's names into ``payloads`` (key: lower-cased form); returns the entities'
    types and countries, the people, and the one-kanji abbreviations (米, 日: forms of a non-person)."""
    entity_type: dict[str, str] = {}
    entity_country: dict[str, str | None] = {}
    persons: dict[str, Person] = {}
    abbreviations: set[str] = set()
    for row in entities.iter_rows(named=True):
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
    return entity_type, entity_country, persons, abbreviations


def _index_titles(office_titles: pl.DataFrame, payloads: dict[str, list[tuple]]) -> list[Title]:
    """Every office title, folded, into ``payloads`` (its position in the returned list)."""
    titles: list[Title] = []
    for i, row in enumerate(office_titles.iter_rows(named=True)):
        t = fold(row["title"]).strip()
        titles.append(
            Title(
                title=t,
                office=row["office"],
                country_code=row["country_code"],
                office_detail=row["office_detail"],
                host_country_code=row["host_country_code"],
                is_latin=is_latin(t),
            )
        )
        payloads[t.lower()].append(("title", i))
    return titles


def _automaton(payloads: dict[str, list[tuple]]) -> ahocorasick.Automaton:
    """One automaton over every key: each key's value is (key length, its entries)."""
    automaton = ahocorasick.Automaton()
    for key, entries in payloads.items():
        automaton.add_word(key, (len(key), tuple(entries)))
    if payloads:
        automaton.make_automaton()
    return automaton


def build_index(entities: pl.DataFrame, offices_table: pl.DataFrame, office_titles: pl.DataFrame,
                rules: MatchRules) -> Index:
    """The index of the normalised reference tables (see :class:`~nichibei.extract.entities.reference.Reference`)."""
    payloads: dict[str, list[tuple]] = defaultdict(list)
    entity_type, entity_country, persons, abbreviations = _index_entities(entities, rules, payloads)
    titles = _index_titles(office_titles, payloads)
    automaton = _automaton(payloads)
    offices = tuple(
        _Office(
            r["entity_id"], r["office"], r["office_detail"], r["country_code"], r["host_country_code"],
            r["start_date"], r["end_date"],
        )
        for r in offices_table.iter_rows(named=True)
    )
    by_person: dict[str, list[_Office]] = defaultdict(list)
    for o in offices:
        by_person[o.entity_id].append(o)
    blocked = re.compile("|".join(f"(?:{p})" for p in rules.blocked_patterns)) if rules.blocked_patterns else None
    return Index(
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
