"""Zones: the gazetteer of places, the zone a text puts its event in, and the zones zone words name."""

from __future__ import annotations

import csv
import re
import unicodedata
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import NamedTuple

import polars as pl

from nichibei.extract.temporal import patterns as tp


_GAZETTEER_COLUMNS = ("pattern", "country_code", "tz_name", "kind")


def load_gazetteer(path: Path | None = None) -> pl.DataFrame:
    """The place → zone table (columns pattern, country_code, tz_name, kind): the zone words and visits of
    `data/timezones.csv` and, unless another file is given, the cities of the meeting-place gazetteer
    (`data/reference/places.csv`) that it does not name."""
    if path is None:
        text = resources.files("nichibei").joinpath("data/timezones.csv").read_text(encoding="utf-8")
    else:
        text = Path(path).read_text(encoding="utf-8")
    rows = list(csv.DictReader(text.splitlines()))
    if path is None:
        rows += _gazetteer_places({unicodedata.normalize("NFKC", r["pattern"]) for r in rows})
    return pl.DataFrame(
        {c: [r[c] or None for r in rows] for c in _GAZETTEER_COLUMNS},
        schema={c: pl.Utf8 for c in _GAZETTEER_COLUMNS},
    )


def _gazetteer_places(known: set[str]) -> list[dict[str, str]]:
    text = resources.files("nichibei").joinpath("data/reference/places.csv").read_text(encoding="utf-8")
    out = []
    for r in csv.DictReader(text.splitlines()):
        key = unicodedata.normalize("NFKC", r["pattern"])
        # cities only: a venue such as 防衛省 or 国務省 is as often the actor of a sentence as its place
        if r["kind"] == "city" and r["tz_name"] and key not in known:
            known.add(key)
            out.append({"pattern": r["pattern"], "country_code": r["country_code"], "tz_name": r["tz_name"],
                        "kind": "place"})
    return out


class _ZoneMatcher(NamedTuple):
    regex: re.Pattern[str]
    strong: dict[str, str]
    weak: dict[str, tuple[str, float]]
    time_words: dict[str, str | None]
    local_words: frozenset[str]  # the zone words that mean the event's own zone (現地時間)


_JA_LOCATIVE = rf"[ \t]*(?:{tp.alt(tp.words('locatives', language='ja'))})"
# in/at: "ties to Washington's partners" or "Washington said" name a government, not a place
_EN_LOCATIVE = rf"\b(?:{tp.alt(tp.words('locatives', language='en'))})[ \t]+(?:the[ \t]+)?"
# 訪米のため羽田を出発, 来日を前に: the visit is still to come, the event is not there
_BEFORE_THE_VISIT = re.compile(rf"[ \t]*(?:{tp.alt(tp.words('before_the_visit'))})")
# the prefix of a pseudo-zone: the event is in this country (after it), whose zone the text does not give
_UNKNOWN = "?"


def _escape(s: str) -> str:
    """Escape for both Python ``re`` and the Rust engine (which rejects escaped spaces)."""
    return re.sub(r"([.^$*+?()\[\]{}|\\-])", r"\\\1", s)


@lru_cache(maxsize=8)
def _zone_matcher(path: Path | None) -> _ZoneMatcher:
    g = load_gazetteer(path)
    strong: dict[str, str] = {}
    weak: dict[str, tuple[str, float]] = {}
    time_words: dict[str, str | None] = {}
    local_words: set[str] = set()
    places: list[str] = []
    direct: list[str] = []
    for pattern, cc, tz, kind in zip(g["pattern"], g["country_code"], g["tz_name"], g["kind"]):
        key = unicodedata.normalize("NFKC", pattern)
        if tz is None and kind not in ("time_word", "local_word"):
            tz = _UNKNOWN + (cc or "")  # a country of several zones (訪米, 米国): abroad, the zone not known
        if kind in ("time_word", "local_word"):
            time_words[key] = tz
            if kind == "local_word":
                local_words.add(key)
        elif kind in ("venue", "visit"):
            strong[key] = tz
            direct.append(key)
        elif kind in ("place", "country"):
            weak[key] = (tz, 1.0 if kind == "place" else 0.5)
            places.append(key)

    def alt(names: list[str]) -> str:
        return "|".join(_escape(n) for n in sorted(set(names), key=len, reverse=True)) or "(?!)"

    regex = re.compile(
        rf"【(?P<dl>{alt(places)})(?:=[^】]{{0,20}}|{tp.alt(tp.words('dateline_suffixes'))})?】"
        rf"|(?P<direct>{alt(direct)})(?P<pre>{_BEFORE_THE_VISIT.pattern})?"
        rf"|(?P<ja>{alt(places)}){_JA_LOCATIVE}"
        rf"|{_EN_LOCATIVE}(?P<en>{alt(places)})(?P<poss>['’]s)?"
        rf"|(?P<weak>{alt(places)})"
    )
    return _ZoneMatcher(regex, strong, weak, time_words, frozenset(local_words))


def _zone_hit(m: _ZoneMatcher, hit: re.Match[str]) -> tuple[str, bool, float] | None:
    """(zone, strong?, weight) of one gazetteer match."""
    if hit.group("dl"):
        return m.weak[hit.group("dl")][0], True, 1.0
    if hit.group("pre"):
        return None  # 訪米のため, 来日を前に: the visit is still to come, the event is not there
    if hit.group("direct"):
        return m.strong[hit.group("direct")], True, 1.0
    if hit.group("ja") or hit.group("en") and not hit.group("poss"):
        return m.weak[hit.group("ja") or hit.group("en")][0], True, 1.0
    tz, w = m.weak[hit.group("weak") or hit.group("en")]
    return tz, False, w


@lru_cache(maxsize=1 << 14)
def _classify_zone_match(surface: str, path: Path | None) -> tuple[str, bool, float] | None:
    m = _zone_matcher(path)
    hit = m.regex.fullmatch(surface)
    return None if hit is None else _zone_hit(m, hit)


def _decide_zone(hits, strong_only: bool, unanimous: bool = False) -> str | None:
    """The zone the hits name (see ``infer_event_zone``); ``_UNKNOWN`` + country code when the only strong evidence
    is a place abroad whose zone is not known (訪米中, 米国で) or when strong evidence abroad ties. ``unanimous``:
    strong evidence of more than one place (or of a place abroad whose zone is not known) decides nothing."""
    strong: dict[str, float] = {}
    weak: dict[str, float] = {}
    abroad: str | None = None
    for tz, is_strong, w in hits:
        if tz.startswith(_UNKNOWN):
            if is_strong and tz != _UNKNOWN + "JP":
                abroad = abroad or tz
            continue
        if is_strong and tz != "Asia/Tokyo":
            abroad = abroad or _UNKNOWN
        scores = strong if is_strong else weak
        scores[tz] = scores.get(tz, 0) + w
    if unanimous and (len(strong) > 1 or strong and abroad and abroad != _UNKNOWN):
        return abroad or _UNKNOWN
    for scores in (strong, {} if strong_only else weak):
        if scores:
            ranked = sorted(scores.items(), key=lambda kv: -kv[1])
            if len(ranked) == 1 or ranked[0][1] > ranked[1][1]:
                return ranked[0][0]
            tied = [tz for tz, s in ranked if s == ranked[0][1]]
            if scores is strong and weak:
                best = [tz for tz in tied if weak.get(tz, 0) == max(weak.get(t, 0) for t in tied)]
                if len(best) == 1:
                    return best[0]
            return abroad
    return abroad


def infer_event_zone(text: str, gazetteer: Path | None = None, *, strong_only: bool = False) -> str | None:
    """IANA zone of the place where the text says the event happens, or None.

    Venues (ホワイトハウス, 首相官邸), visit words (訪米, 訪日), place names used as a location
    (東京において, ワシントンで, in Washington) and a news dateline (【ワシントン時事】) count as strong evidence; a place or country merely named is
    weak evidence. The zone with most strong evidence wins, then the zone with most weak evidence; a tie, or no
    place at all, gives None. ``strong_only`` ignores weak evidence (used for a single sentence, where a place
    merely named — 米国国務長官 — says nothing about where the event is). A country of several zones (訪米, 米国で,
    visit to the United States) names no zone: only a city or a venue there does (ワシントン, ホワイトハウス).
    """
    return _known(_event_zone(text, gazetteer, strong_only))


def _known(zone: str | None) -> str | None:
    return None if zone is None or zone.startswith(_UNKNOWN) else zone


def _event_zone(text: str, gazetteer: Path | None = None, strong_only: bool = False) -> str | None:
    """``infer_event_zone``, or ``_UNKNOWN`` (+ country code) when the text puts the event abroad in a place whose
    zone it does not give."""
    if not text:
        return None
    m = _zone_matcher(gazetteer)
    norm = unicodedata.normalize("NFKC", text)
    hits = (z for h in m.regex.finditer(norm) if (z := _zone_hit(m, h)) is not None)
    return _decide_zone(hits, strong_only)


def infer_event_zones(texts: pl.Series, gazetteer: Path | None = None, *, strong_only: bool = False
                      ) -> list[str | None]:
    """``infer_event_zone`` for many documents: one Polars pass finds the gazetteer's names in all of them."""
    return [_known(z) for z in _event_zones(texts, gazetteer, strong_only)]


def _event_zones(texts: pl.Series, gazetteer: Path | None, strong_only: bool, unanimous: bool = False
                 ) -> list[str | None]:
    pattern = _zone_matcher(gazetteer).regex.pattern.replace(r"\b", r"(?-u:\b)")
    found = texts.fill_null("").str.normalize("NFKC").str.extract_all(pattern).to_list()
    return [
        _decide_zone((h for s in matches if (h := _classify_zone_match(s, gazetteer)) is not None), strong_only,
                     unanimous)
        for matches in found
    ]
def _english_zone_words() -> dict[str, str]:
    """Zone (IANA name, or "local") of an English zone word, lower case: ET, JST, Japan (time), Eastern Standard
    (Time)."""
    zones = {r["word"].lower(): r["tz_name"] for r in tp.rules("zone_abbreviations", "word", "tz_name")}
    for r in tp.rules("zone_names", "word", "tz_name", "seasonal"):
        name = r["word"].lower()
        zones[name] = r["tz_name"]
        if r["seasonal"]:
            zones[f"{name} standard"] = zones[f"{name} daylight"] = r["tz_name"]
    return zones


_EN_ZONES = _english_zone_words()


def _ja_zone_word(word: str) -> str | None:
    """The zone of a Japanese zone word (米太平洋時間, 東部夏時間 → their region's zone), "local" for 現地時間."""
    word = unicodedata.normalize("NFKC", word)
    if word in _zone_matcher(None).local_words:
        return "local"
    words = _zone_matcher(None).time_words
    if word in words:
        return words[word]
    return words.get(re.sub(r"^(?:米国|米)|(?:標準|夏)(?=時間$)", "", word))
