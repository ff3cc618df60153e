"""Meetings: the gazetteer of cities, venues and countries, and the city of a news dateline.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from nichibei.extract.entities.folding import fold_text
from nichibei.extract.meetings.words import _BYLINE_JA, _DATELINE_EN, _DATELINE_JA
from nichibei.extract.temporal import infer_event_zone


@dataclass(frozen=True)
class Place:
    kind: str
    name_en: str | None
    name_ja: str | None
    country_code: str
    city: str | None = None  # a venue's city (name_en of a city row)
    tz_name: str | None = None  # the place's zone where the gazetteer gives one (Kananaskis: America/Edmonton)


@lru_cache(maxsize=1)
def load_places() -> tuple[dict[str, Place], re.Pattern[str]]:
    """The city/venue/country table (`data/reference/places.csv`, built by `gazetteer`) and one regex over its
    folded patterns."""
    text = resources.files("nichibei").joinpath("data/reference/places.csv").read_text(encoding="utf-8")
    table: dict[str, Place] = {}
    for r in csv.DictReader(text.splitlines()):
        key = unicodedata.normalize("NFKC", r["pattern"])
        table[key] = Place(r["kind"], r["name_en"] or None, r["name_ja"] or None, r["country_code"],
                           (r.get("city") or None), (r.get("tz_name") or None))
    # cities and venues only: a country word must not swallow the venue it prefixes (米国防総省: the Pentagon)
    keys = [k for k, p in table.items() if p.kind in ("city", "venue")]
    alts = "|".join(re.escape(k) for k in sorted(keys, key=len, reverse=True))
    # a name inside a longer word is not the place: マレ in マレーシア, ワシントン in ワシントンポスト
    return table, re.compile(rf"(?<![A-Za-zァ-ヺー])(?:{alts})(?![a-zァ-ヺー])")


def city_named(name: str) -> Place | None:
    """The city of the gazetteer written ``name`` (any case: WASHINGTON, Palm Beach, ワシントン), or called so."""
    table, _ = load_places()
    key = unicodedata.normalize("NFKC", name).strip().casefold()
    for pattern, p in table.items():
        if p.kind == "city" and (pattern.casefold() == key or (p.name_en or "").casefold() == key):
            return p
    return None


def dateline_city(line: str) -> Place | None:
    """The city of a news dateline opening a paragraph (【ワシントン=共同】, WASHINGTON -, PALM BEACH, Florida,
    April 17 (Kyodo) --), if the gazetteer knows it."""
    ft = fold_text(line).text
    m = _DATELINE_JA.match(ft) or _DATELINE_EN.match(ft)
    return city_named(m.group("city")) if m else None


def byline_city(text: str) -> Place | None:
    """The city of the reporter's byline of a Japanese report ((ワシントン=山田太郎) on a line of its own), if the
    gazetteer knows it and the text has one byline only."""
    cities = {m.group("city") for m in _BYLINE_JA.finditer(fold_text(text).text)}
    return city_named(next(iter(cities))) if len(cities) == 1 else None


@lru_cache(maxsize=64)
def _zone_of_place(place_ja: str) -> str | None:
    return infer_event_zone(place_ja + "で", strong_only=True)


_COUNTRY_ZONE = {"JP": "Asia/Tokyo"}  # countries with a single zone
