"""Temporal resolver: dates, times and durations in documents → ISO 8601 values with evidence.

``extract_temporal`` takes one row per document (``doc_id``, ``text``, ``anchor_date``) and returns one row per
temporal mention with its code-point span in ``text``, the surface as published, a kind, a normalised value
and how the value was obtained (``resolved_by`` and ``rule``).

How it works
------------
1. Candidates: one vectorised Polars pass over all documents with a single regular expression
   (``temporal_patterns.CANDIDATE_PATTERN``). ``str.extract_all`` is run twice, once with the pattern and once
   with ``(?s).*?(?:pattern)``: both scan leftmost-first and return the same matches in the same order, the second
   with the text that precedes each match, so the code-point offsets are cumulative sums of ``len_chars`` —
   never byte offsets.
2. Parsing: each distinct surface is parsed once (NFKC form; memoised), in Python.
3. Resolution: per document, in text order, so that 同日, 翌日, the day before or a time take their date from the
   mention before them (``context``); relative expressions use the anchor date (``anchor``), and the tense of the
   predicate that follows picks the direction (past/future) for a weekday, a day alone or a month without a year.
   Nothing relative is guessed without an anchor or a context: such a mention keeps ``value`` null.

   - A day alone (28日, 二十八日) takes its month from the last date that stated its month and is not ahead of
     the anchor (来月10日 or an announced visit lends nothing; a date more than a month before the anchor lends
     only within its paragraph), or from the day before it in a range (7日から8日); otherwise from the anchor.
   - A time with no date takes the date of its sentence; in English, of its paragraph; in a Japanese sentence
     whose topic is a bare meeting noun (会談は…), the date of the sentence reporting that meeting; else the day
     the sentence before stated (English: one sentence back, across a paragraph break; Japanese: up to two,
     for a one-phrase sentence such as 今月13日。), when that day is not after the anchor; else the date of the
     news dateline (``PALM BEACH, Florida, April 17 (Kyodo) --``, ``NEW YORK--``); else the anchor date, but only
     when neither its sentence nor the one before speaks of another day: a word such as 前日, 昨日, 昨夜, 先週,
     先月, yesterday, last week, the day before (anywhere in the two sentences), or a date, weekday, month or year
     mentioned before it in them that is not the publication day's. Then the time takes the one past day they
     name (…met yesterday and will meet again tomorrow. The talks began at 3 p.m.), else it stays a ``time``
     (rule ``+other_day``). A day ahead of the report (来月10日, tomorrow) is such a day only for a time that is
     not told in the past tense (首相は来月10日に訪米する。午後3時、記者団に語った。 is the publication date),
     and in English it lends its date to no past-tense time later in the paragraph.
   - Parts of the day: けさ, 今朝, 今夜, 今晩 are the anchor's date; a part of the day after a date (16日午後,
     13日夜, 13日深夜, Thursday evening, late Wednesday) is one mention, a date; with a clock time after it
     (17日未明の午前4時, けさ8時15分) one datetime. 正午 is 12:00, 午前零時 00:00.
   - Parts of a month (5月末, 今月末, 7月上旬, 1月中旬, 9月下旬) are the month; 年内 and 月内 the anchor's year and
     month (not after a count: 10年内, 3カ月内). A stay (1泊2日) is a duration of its days, never a date.
   - A day alone whose month comes from the text is not after the report when its predicate is past (30日 in a
     report of 5月1日 is 4月30日). A time in brackets after another, with its own zone word
     (30日午前11時5分（日本時間5月1日午前0時5分）, 7:45 p.m. local time (8:45 p.m. Japan time)), is the same
     instant: the bracket fixes the date of a day alone before it, takes its own date within a day of the first
     one's, and lends no month or date to what follows. A time with no day of its own before such a bracket
     takes the date of the bracket's instant in its own zone (現地時間午後1時40分（日本時間17日午前2時40分） in
     Washington is the 16th), never the bracket's calendar day; a bracket that is not the same instant gives none.
   - English tense: the nearest modal or past form before the mention in its clause (…will meet … on January 13;
     met on Wednesday), else the first after it; was scheduled to / were to give none; a date with a month and
     day taken from the text's last date still respects the tense (an announced event is not before the report).
   - No anchor: a full date on a short line at the head of the text (a dateline the cleaning kept: 2012年5月1日
     朝刊, Published 8:48 AM EDT, April 24, 2014) stands in for it; what it resolves is ``context``, rule
     ``+head_date``, with ``anchor_date`` null.

Zones: a zone word names its zone: 日本時間 and JST are Asia/Tokyo; 米東部時間, ET, local time and 現地時間 as
the gazetteer says. A zone word after the time, behind a bracket or a comma, counts as its own (2:55 p.m. (local
time; …), 7 a.m. Friday, Japan time, 午後3時（日本時間）); agencies' 24-hour clocks carry theirs (1200 GMT,
02:35 JST), and a colon time on an English line is read as English. Without one, the zone is that of the place
the text puts the event in (``infer_event_zone``; gazetteer in ``nichibei/data/timezones.csv``): a city or a
venue with its locative, a visit (訪米中, visit to Tokyo), a 【ワシントン時事】 prefix — in the time's own clause
(Japanese: or the sentence of the meeting a 会談は… sentence refers to, or the sentence before in its paragraph);
English: its sentence, else the English dateline, else the place the document names most.

- Japan time (``TemporalParams.japanese_default_zone``) only for a Japanese clock time when nothing places the
  event abroad: not its clause, not the meeting sentence or the sentence before, and — unless its sentence tells
  of a call or a video conference (電話会談, テレビ会議), which Japanese reporting gives in Japan time — not the
  place the whole document puts its events in. 現地時間 and English times never take it.
- A country alone gives no zone when it has several (訪米, 米国で, a visit to the United States): only a city or
  a venue there does (ワシントン, ホワイトハウス, Camp David). A place abroad whose zone is not known, or places
  that disagree, likewise give none — and they block the Japan default.
- No zone can be known: a datetime is never stated without its UTC offset, so the clock is given as kind
  ``time`` (``HH:MM``, rule ``+no_zone``); a dateline's clock gives its date.

Durations: a stated bound (2時間超, 1時間余り, 1時間以上, more than two hours, over an hour) gives the amount
stated as ``value`` — a lower bound, not the length — and is marked ``is_approximate``, as hedged amounts
(約, およそ, about) are.
"""

from __future__ import annotations

import calendar
import csv
import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import NamedTuple
from zoneinfo import ZoneInfo

import polars as pl

from nichibei import temporal_patterns as tp

__all__ = [
    "TEMPORAL_COLUMNS",
    "TemporalParams",
    "extract_temporal",
    "find_candidates",
    "infer_event_zone",
    "infer_event_zones",
    "kanji_to_int",
    "load_gazetteer",
]

TEMPORAL_COLUMNS: dict[str, pl.DataType] = {
    "doc_id": pl.Utf8(),
    "char_start": pl.Int64(),
    "char_end": pl.Int64(),
    "surface": pl.Utf8(),
    "kind": pl.Utf8(),
    "value": pl.Utf8(),
    "resolved_by": pl.Utf8(),
    "precision": pl.Utf8(),
    "tz_name": pl.Utf8(),
    "anchor_date": pl.Date(),
    "value_utc": pl.Datetime("us", "UTC"),
    "is_approximate": pl.Boolean(),
    "rule": pl.Utf8(),
}


@dataclass(frozen=True)
class TemporalParams:
    """Knobs of the resolver.

    tense_window: code points after a mention searched for the tense of its predicate.
    month_tense_penalty: months added to the distance of a month candidate that goes against the tense.
    day_tense_penalty: days added to the distance of a month-day candidate that goes against the tense.
    weekday_tense_penalty: days added to a weekday candidate against the tense (7: the tense always wins).
    time_on_anchor_date: a time with no date in its sentence, or the sentence before, becomes a datetime on the
        anchor date when neither sentence speaks of another day (False: it stays a time).
    japanese_default_zone: the zone of a Japanese clock time with no zone word whose clause names no place
        abroad (Japanese reporting gives Japan time unless it says otherwise); None leaves such a zone unknown.
    gazetteer: a timezones.csv to use instead of the packaged one.
    """

    tense_window: int = 300
    month_tense_penalty: int = 12
    day_tense_penalty: int = 366
    weekday_tense_penalty: int = 7
    day_alone_tense_penalty: int = 31
    time_on_anchor_date: bool = True
    japanese_default_zone: str | None = "Asia/Tokyo"
    gazetteer: Path | None = None


# ---------------------------------------------------------------------------------------------------------
# numbers

_KANJI_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_KANJI_UNITS = {"十": 10, "百": 100, "千": 1000}


def kanji_to_int(s: str) -> int | None:
    """Integer value of ASCII/full-width digits or kanji numerals (二〇二四, 十一, 二十三, 百五); None if not one."""
    s = unicodedata.normalize("NFKC", s)
    if not s:
        return None
    if s.isascii() and s.isdigit():
        return int(s)
    if all(c in _KANJI_DIGITS for c in s):
        return int("".join(str(_KANJI_DIGITS[c]) for c in s))
    total, current = 0, 0
    for c in s:
        if c in _KANJI_DIGITS:
            current = current * 10 + _KANJI_DIGITS[c]
        elif c in _KANJI_UNITS:
            total += (current or 1) * _KANJI_UNITS[c]
            current = 0
        else:
            return None
    return total + current


def _num(s: str | None) -> int | None:
    return None if s is None else kanji_to_int(s)


# ---------------------------------------------------------------------------------------------------------
# gazetteer and zones

_GAZETTEER_COLUMNS = ("pattern", "country_code", "tz_name", "kind")


def load_gazetteer(path: Path | None = None) -> pl.DataFrame:
    """The place → zone table (columns pattern, country_code, tz_name, kind)."""
    if path is None:
        text = resources.files("nichibei").joinpath("data/timezones.csv").read_text(encoding="utf-8")
    else:
        text = Path(path).read_text(encoding="utf-8")
    rows = list(csv.DictReader(text.splitlines()))
    return pl.DataFrame(
        {c: [r[c] or None for r in rows] for c in _GAZETTEER_COLUMNS},
        schema={c: pl.Utf8 for c in _GAZETTEER_COLUMNS},
    )


class _ZoneMatcher(NamedTuple):
    regex: re.Pattern[str]
    strong: dict[str, str]
    weak: dict[str, tuple[str, float]]
    time_words: dict[str, str | None]


_JA_LOCATIVE = r"[ \t]*(?:で|において|にて|を訪問|を訪れ|入り|に到着|市内で|市で|都内で)"
# in/at: "ties to Washington's partners" or "Washington said" name a government, not a place
_EN_LOCATIVE = r"\b(?:in|at|visiting)[ \t]+(?:the[ \t]+)?"
# 訪米のため羽田を出発, 来日を前に: the visit is still to come, the event is not there
_BEFORE_THE_VISIT = re.compile(r"[ \t]*(?:する|予定|へ|のため|に向け|を前に|に先立|を控え|前に|前の|の準備|の途|を終え|から帰国|後)")
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
    places: list[str] = []
    direct: list[str] = []
    for pattern, cc, tz, kind in zip(g["pattern"], g["country_code"], g["tz_name"], g["kind"]):
        key = unicodedata.normalize("NFKC", pattern)
        if tz is None and kind not in ("time_word", "local_word"):
            tz = _UNKNOWN + (cc or "")  # a country of several zones (訪米, 米国): abroad, the zone not known
        if kind in ("time_word", "local_word"):
            time_words[key] = tz
        elif kind in ("venue", "visit"):
            strong[key] = tz
            direct.append(key)
        elif kind in ("place", "country"):
            weak[key] = (tz, 1.0 if kind == "place" else 0.5)
            places.append(key)

    def alt(names: list[str]) -> str:
        return "|".join(_escape(n) for n in sorted(set(names), key=len, reverse=True)) or "(?!)"

    regex = re.compile(
        rf"【(?P<dl>{alt(places)})(?:=[^】]{{0,20}}|時事|共同|発)?】"
        rf"|(?P<direct>{alt(direct)})(?P<pre>{_BEFORE_THE_VISIT.pattern})?"
        rf"|(?P<ja>{alt(places)}){_JA_LOCATIVE}"
        rf"|{_EN_LOCATIVE}(?P<en>{alt(places)})(?P<poss>['’]s)?"
        rf"|(?P<weak>{alt(places)})"
    )
    return _ZoneMatcher(regex, strong, weak, time_words)


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


# ---------------------------------------------------------------------------------------------------------
# candidates (vectorised)


def find_candidates(docs: pl.DataFrame | pl.LazyFrame) -> pl.DataFrame:
    """Spans matching the candidate pattern: ``_row`` (input row), ``char_start``, ``char_end``, ``surface``."""
    pattern = tp.CANDIDATE_PATTERN
    return (
        docs.lazy()
        .select(pl.col("text").fill_null(""))
        .with_row_index("_row")
        .select(
            "_row",
            pl.col("text").str.extract_all(pattern).alias("surface"),
            pl.col("text").str.extract_all(f"(?s).*?(?:{pattern})").alias("_upto"),
        )
        .explode(["surface", "_upto"])
        .drop_nulls("surface")
        .with_columns(
            pl.col("_upto").str.len_chars().cast(pl.Int64).cum_sum().over("_row").alias("char_end"),
        )
        .with_columns((pl.col("char_end") - pl.col("surface").str.len_chars().cast(pl.Int64)).alias("char_start"))
        .select("_row", "char_start", "char_end", "surface")
        .collect()
    )


# ---------------------------------------------------------------------------------------------------------
# parsing one surface (NFKC form)

_N = r"(?:[0-9]+|[〇零一二三四五六七八九十百千]+)"
_MONTH_PART = "末|上旬|中旬|下旬|初旬|初め|はじめ|半ば"
_DAY_PART = "午前|午後|朝|昼|夕方|夕刻|夜|晩|未明|深夜|早朝|夜半"
_SPAN = {"年内": "year", "今年中": "year", "年度内": "fiscal_year", "月内": "month", "今月中": "month"}
_STAY_PARSE = re.compile(rf"(?P<n>{_N})泊(?P<d>{_N})日")
_TZW = tp.TZ_WORDS
_JA_PARSE = re.compile(
    rf"""
    (?:(?P<tz1>{_TZW})(?:の|では|で)?\s*)?
    (?:
        (?:(?P<era>明治|大正|昭和|平成|令和)(?P<era_n>元|{_N})(?:\((?P<era_w>[0-9]{{4}})\))?年
          |(?P<y4>[0-9]{{4}}|[〇零一二三四五六七八九]{{4}})年
          |(?P<yrel>ことし|今年|本年|昨年|去年|来年|再来年|一昨年|おととし|前年|翌年|同年))
        (?:(?P<fy>度)|(?P<m1>{_N})月(?:(?P<d1>{_N})日|(?P<mp1>{_MONTH_PART}))?)?
      | (?P<mrel>先月|今月|来月|同月|翌月|前月)(?:(?P<d2>{_N})日|(?P<mp2>{_MONTH_PART}))?
      | (?P<m3>{_N})月(?:(?P<d3>{_N})日|(?P<mp3>{_MONTH_PART}))?
      | (?P<span>年内|月内|今月中|今年中|年度内)
      | (?P<d4>{_N})日
      | (?P<drelc>[明昨本前翌])\((?P<drel_n>[0-9]{{1,2}})\)日
      | (?P<drelp>翌)(?P<drelp_n>{_N})日
      | (?P<drel>一昨日|明後日|昨日|明日|本日|同日|翌日|前日|けさ|今朝|今夜|今晩|今宵)
    )?
    (?:\s*\((?P<wd>[日月火水木金土])(?:曜日?)?(?:・祝)?\))?
    (?:(?P<part>{_DAY_PART})(?![0-9〇零一二三四五六七八九十])の?)?
    (?:\s*[、,の]?\s*(?:(?P<tz2>{_TZW})(?:の|では|で)?\s*)?
        (?:(?P<ampm>午前|午後|朝|夜|夕方|未明|深夜|早朝)?\s*(?P<hh>{_N})時(?:(?P<half>半)|(?P<mm>{_N})分)?
          |(?P<ch>[0-9]{{1,2}}):(?P<cm>[0-9]{{2}})
          |(?P<noon>正午))
        (?P<approx>ごろ|頃)?
    )?
    """,
    re.X,
)
_DURATION_PARSE = re.compile(
    rf"(?P<pre>計約|計|約|およそ|おおよそ|過去|最大|最長|ほぼ|わずか|実に)?\s*"
    rf"(?P<n>[0-9]+(?:\.[0-9]+)?|[〇零一二三四五六七八九十百千]+)"
    rf"(?P<unit>時間|分|秒|年|か月|カ月|ヵ月|ヶ月|ケ月|箇月|週|日)間?"
    rf"(?:(?P<n2>{_N})分間?|(?P<half>半))?"
    rf"(?P<post>ほど|程度|余り|あまり|超|以上|弱|強)?"
)
_YEAR_RANGE_PARSE = re.compile(
    r"(?P<a>[0-9]{4}|[〇零一二三四五六七八九]{4})年(?P<fa>度)?\s*(?:[~〜～\-－–—]|から)\s*(?P<b>[0-9]{4}|[0-9]{2})年(?P<fb>度)?"
)
_ISO_PARSE = re.compile(r"(?P<y>[0-9]{4})[-/](?P<m>[0-9]{1,2})[-/](?P<d>[0-9]{1,2})(?:(?:T|\s+)(?P<hh>[0-9]{1,2}):(?P<mm>[0-9]{2}))?")
_EN_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}
_EN_DATE_PARSE = re.compile(
    r"(?:(?P<mon1>[A-Za-z]+)\.?\s+(?P<d1>[0-9]{1,2})(?:st|nd|rd|th)?|(?P<d2>[0-9]{1,2})\s+(?P<mon2>[A-Za-z]+)\.?|(?P<mon3>[A-Za-z]+)\.?)"
    r"(?:,?\s+(?P<y>[0-9]{4}))?"
)
_EN_FY_PARSE = re.compile(r"(?:FY|[Ff]iscal [Yy]ear|[Ff]iscal)\s*['’]?(?P<y>[0-9]{4}|[0-9]{2})")
_EN_WEEKDAYS = {"Monday": 0, "Tuesday": 1, "Wednesday": 2, "Thursday": 3, "Friday": 4, "Saturday": 5, "Sunday": 6}
_JA_WEEKDAYS = {"月": 0, "火": 1, "水": 2, "木": 3, "金": 4, "土": 5, "日": 6}
_EN_TIME_PARSE = re.compile(
    r"(?P<h>[0-9]{1,2})(?::(?P<m>[0-9]{2}))?\s*(?P<ap>a\.m\.|p\.m\.|am|pm|AM|PM)"
    r"(?:\s*(?P<z>(?-i:" + tp.ZONE_ABBR + r")|(?P<zw>[A-Za-z]+(?:\s+(?:standard|daylight))?)\s+time))?"
    r"(?:,?\s+(?:on\s+)?(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))?",
    re.I,
)
_EN_ZONES = {"et": "America/New_York", "est": "America/New_York", "edt": "America/New_York",
             "jst": "Asia/Tokyo", "gmt": "UTC", "utc": "UTC", "japan": "Asia/Tokyo", "tokyo": "Asia/Tokyo",
             "washington": "America/New_York", "eastern": "America/New_York",
             "eastern standard": "America/New_York", "eastern daylight": "America/New_York", "local": "local",
             "pacific": "America/Los_Angeles", "central": "America/Chicago", "mountain": "America/Denver",
             "pt": "America/Los_Angeles", "pst": "America/Los_Angeles", "pdt": "America/Los_Angeles",
             "ct": "America/Chicago", "cst": "America/Chicago", "cdt": "America/Chicago",
             "mt": "America/Denver", "mst": "America/Denver", "mdt": "America/Denver",
             "hst": "Pacific/Honolulu", "akst": "America/Anchorage", "akdt": "America/Anchorage",
             "kst": "Asia/Seoul", "bst": "Europe/London", "cet": "Europe/Berlin", "cest": "Europe/Berlin",
             "pacific standard": "America/Los_Angeles", "pacific daylight": "America/Los_Angeles",
             "central standard": "America/Chicago", "central daylight": "America/Chicago",
             "mountain standard": "America/Denver", "mountain daylight": "America/Denver",
             "hawaii": "Pacific/Honolulu", "alaska": "America/Anchorage", "beijing": "Asia/Shanghai",
             "seoul": "Asia/Seoul", "korea": "Asia/Seoul", "london": "Europe/London", "british": "Europe/London",
             "central european": "Europe/Berlin"}
_EN_NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}
_EN_DURATION_PARSE = re.compile(
    r"(?:(?P<pre>about|around|approximately|nearly|almost|some|roughly|just\s+over|just\s+under|over|more\s+than"
    r"|at\s+least|less\s+than|under)\s+)?"
    r"(?:(?P<halfhour>half\s+an\s+hour|half\s*-?\s*hour)"
    r"|(?P<n_half>[0-9]+|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+and\s+a\s+half\s+"
    r"(?P<unit_half>hour|minute|year|month|week|day)s?"
    r"|(?P<n>[0-9]+(?:\.[0-9]+)?|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s*(?:-\s*)?"
    r"(?P<unit>hour|minute|year|month|week|day)s?"
    r"(?:\s+and\s+(?:(?P<and_half>a\s+half)|(?P<and_n>[0-9]+|[a-z]+)\s+minutes?))?)"
)
_EN_REL_DAY = {"today": ("anchor", 0), "yesterday": ("anchor", -1), "tomorrow": ("anchor", 1),
               "the day before yesterday": ("anchor", -2), "the day after tomorrow": ("anchor", 2),
               "the day before": ("context", -1), "the previous day": ("context", -1),
               "the next day": ("context", 1), "the following day": ("context", 1)}
_EN_REL_MONTH_DIR = {"last": -1, "next": 1, "this": 0}
_EN_FULL_MONTHS = {m: i for i, m in enumerate(
    ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
     "november", "december"), start=1)}
_ERA_BASE = {"明治": 1868, "大正": 1912, "昭和": 1926, "平成": 1989, "令和": 2019}
_REL_YEAR = {"ことし": ("anchor", 0), "今年": ("anchor", 0), "本年": ("anchor", 0), "昨年": ("anchor", -1),
             "去年": ("anchor", -1), "来年": ("anchor", 1), "再来年": ("anchor", 2), "一昨年": ("anchor", -2),
             "おととし": ("anchor", -2), "前年": ("context", -1), "翌年": ("context", 1), "同年": ("context", 0)}
_REL_MONTH = {"先月": ("anchor", -1), "今月": ("anchor", 0), "来月": ("anchor", 1), "同月": ("context", 0),
              "翌月": ("context", 1), "前月": ("context", -1)}
_REL_DAY = {"昨日": ("anchor", -1), "明日": ("anchor", 1), "本日": ("anchor", 0), "一昨日": ("anchor", -2),
            "明後日": ("anchor", 2), "けさ": ("anchor", 0), "今朝": ("anchor", 0), "今夜": ("anchor", 0),
            "今晩": ("anchor", 0), "今宵": ("anchor", 0), "同日": ("context", 0), "翌日": ("context", 1), "前日": ("context", -1),
            "明": ("anchor", 1), "昨": ("anchor", -1), "本": ("anchor", 0), "前": ("context", -1), "翌": ("context", 1)}
# hedges, and the lower and upper bounds (2時間超, 1時間余り, more than two hours): the value is the amount stated
_APPROX = re.compile(
    r"約|およそ|おおよそ|ごろ|頃|ほど|程度|余り|あまり|超|以上|弱|強"
    r"|\b(?:about|around|approximately|nearly|almost|some|roughly|over|more than|at least|less than|under)\b",
    re.I,
)
_PLURAL_NOUN_AFTER = re.compile(r"\s+[a-z]+s\b")
_DAY_AS_COUNT = re.compile(r"も早|あたり|当たり|平均|に[0-9０-９一二三四五六七八九]+回|中に|以内|ぶり|目[^的]")
_EN_DAY_BEFORE_NOUN = re.compile(r"[ \t]+(?:the|a|an|his|her|its|their|this|that|our|[A-Z])", re.A)
_KANJI_NUMERALS = set("〇零一二三四五六七八九十百千")
_PLACE_AFTER_KANJI_DAY = set("市町村月")  # 四日市, 十日町, 三日月: names, not dates
_DAY_RANGE_JOIN = re.compile(r"[ \t　]*(?:から|より|〜|~|～|-|－|–|・|、|,|，|及び|および|と|や)[ \t　]*")
_EN_POSSESSIVE_AFTER = re.compile(r"['’]s\b")
_EN_AGE_AFTER = re.compile(r"[ \t]*-?[ \t]*old\b")
_APPOSITION_GAP = re.compile(r"[ \t　(（]*")
_COUNTRY_AFTER_DAY = set("米本中韓英露豪仏独印欧朝")
_COUNTER_BEFORE_SPAN = set("〇零一二三四五六七八九十百千数かカヵヶケ箇")


class Parsed(NamedTuple):
    """What one surface says, before any anchor or context is applied."""

    family: str  # date, duration, year_range, fiscal, weekday
    rule: str
    year: int | None = None
    year_rel: tuple[str, int] | None = None
    month: int | None = None
    month_rel: tuple[str, int] | None = None
    day: int | None = None
    day_rel: tuple[str, int] | None = None
    day_check: int | None = None
    weekday: int | None = None
    hour: int | None = None
    minute: int | None = None
    minute_given: bool = False
    tz: str | None = None  # an IANA zone, "local" (現地時間) or None
    fiscal: bool = False
    year_end: int | None = None
    duration: str | None = None
    approx: bool = False
    lead: int = 0  # code points to drop from the start of the surface
    lang: str = "ja"
    month_dir: int | None = None  # last/next/this April: the named month before, after or in the anchor's year
    day_then: bool = False  # 翌28日: when the context does not give the 28th, the day is read as a day alone


def _iso_duration(n: float, unit: str, extra_minutes: int = 0) -> str | None:
    if unit in ("year", "年"):
        return f"P{n:g}Y" if n else None
    if unit in ("month", "か月", "カ月", "ヵ月", "ヶ月", "ケ月", "箇月"):
        return f"P{n:g}M" if n else None
    if unit in ("week", "週"):
        return f"P{n:g}W" if n else None
    if unit in ("day", "日"):
        return f"P{n:g}D" if n else None
    if unit in ("second", "秒"):
        return f"PT{n:g}S" if n else None
    minutes = n * 60 if unit in ("hour", "時間") else n
    minutes = round(minutes) + extra_minutes
    if minutes <= 0:
        return None
    h, m = divmod(minutes, 60)
    return "PT" + (f"{h}H" if h else "") + (f"{m}M" if m else "")


def _hour24(ampm: str | None, h: int) -> int:
    if ampm in ("午後", "夜", "晩", "夕方", "夕刻") and h < 12:
        return h + 12
    if ampm == "午前" and h == 12:
        return 0
    return h


def _fullmatch(regex: str, s: str) -> bool:
    return re.fullmatch(regex, s) is not None


_ALT_EN_DATE = re.compile(tp.EN_DATE)
_ALT_EN_FY = re.compile(tp.EN_FY)
_ALT_EN_WEEKDAY = re.compile(tp.EN_WEEKDAY)
_ALT_EN_TIME = re.compile(tp.EN_TIME)
_ALT_EN_DURATION = re.compile(tp.EN_DURATION)
_ALT_EN_REL_DAY = re.compile(tp.EN_REL_DAY)
_ALT_EN_REL_MONTH = re.compile(tp.EN_REL_MONTH)
_ALT_EN_PREP_YEAR = re.compile(tp.EN_PREP_YEAR)
_ALT_EN_PREP_MONTH = re.compile(tp.EN_PREP_MONTH)
_ALT_ISO = re.compile(tp.ISO_DATE)
_ALT_JA_DURATION = re.compile(tp.JA_DURATION)
_ALT_JA_STAY = re.compile(tp.JA_STAY)
_ALT_EN_TIME_24 = re.compile(tp.EN_TIME_24)
_ALT_JA_YEAR_RANGE = re.compile(tp.JA_YEAR_RANGE)
_ALT_JA_WEEKDAY = re.compile(tp.JA_WEEKDAY)


@lru_cache(maxsize=1 << 16)
def parse_surface(surface: str) -> Parsed | None:
    """Parse one candidate surface; None when it is not a temporal expression after all."""
    s = unicodedata.normalize("NFKC", surface)
    approx = _APPROX.search(s) is not None
    if _ALT_ISO.fullmatch(surface):
        m = _ISO_PARSE.fullmatch(s)
        if m is None:
            return None
        hh, mm = _num(m["hh"]), _num(m["mm"])
        return Parsed("date", "iso_date", year=int(m["y"]), month=int(m["m"]), day=int(m["d"]),
                      hour=hh, minute=mm, minute_given=mm is not None, lang="iso")
    if _ALT_EN_DATE.fullmatch(surface):
        m = _EN_DATE_PARSE.fullmatch(s)
        if m is None:
            return None
        mon = _EN_MONTHS.get((m["mon1"] or m["mon2"] or m["mon3"])[:3].lower())
        day = _num(m["d1"] or m["d2"])
        year = _num(m["y"])
        return Parsed("date", "en_date", year=year, month=mon, day=day, approx=False, lang="en")
    if _ALT_EN_FY.fullmatch(surface):
        y = int(_EN_FY_PARSE.fullmatch(s)["y"])
        return Parsed("fiscal", "en_fiscal_year", year=y if y >= 100 else 2000 + y, fiscal=True, lang="en")
    if _ALT_EN_WEEKDAY.fullmatch(surface):
        words = s.split()
        day = next(w for w in words if w in _EN_WEEKDAYS)
        return Parsed("weekday", "en_weekday" + ("+part_of_day" if len(words) > 1 else ""),
                      weekday=_EN_WEEKDAYS[day], lang="en")
    if _ALT_EN_TIME.fullmatch(surface):
        m = _EN_TIME_PARSE.fullmatch(s)
        if m is None:
            return None
        h = int(m["h"])
        pm = m["ap"].lower().startswith("p")
        if not (1 <= h <= 12 or h == 0 and not pm):  # 0:45 a.m. is said as well as 12:45 a.m.
            return None
        h = (h % 12) + (12 if pm else 0)
        zone = " ".join(m["z"].lower().split()[:-1]) if m["zw"] else (m["z"] or "").lower()
        if m["z"] and zone not in _EN_ZONES:
            return None
        return Parsed("date", "en_time" + ("+weekday" if m["wd"] else ""), hour=h, minute=int(m["m"] or 0),
                      minute_given=m["m"] is not None, tz=_EN_ZONES.get(zone),
                      weekday=_EN_WEEKDAYS[m["wd"].capitalize()] if m["wd"] else None, lang="en")
    if _ALT_EN_TIME_24.fullmatch(surface):  # 1200 GMT, 02:35 JST
        m = re.fullmatch(r"([0-9]{1,2}):?([0-9]{2})\s*([A-Z]+)", s)
        return Parsed("date", "en_time_24", hour=int(m[1]), minute=int(m[2]), minute_given=True,
                      tz=_EN_ZONES[m[3].lower()], lang="en")
    if _ALT_EN_DURATION.fullmatch(surface):
        m = _EN_DURATION_PARSE.fullmatch(s.lower())
        if m is None:
            return None
        if m["halfhour"]:
            iso = _iso_duration(30, "minute")
        elif m["n_half"]:  # two and a half hours, an hour and a half is below
            n = int(m["n_half"]) if m["n_half"].isdigit() else _EN_NUMBER_WORDS[m["n_half"]]
            iso = _iso_duration(n + 0.5, m["unit_half"])
        else:
            n = float(m["n"]) if m["n"][0].isdigit() else _EN_NUMBER_WORDS[m["n"]]
            extra = 0
            if m["and_half"] or m["and_n"]:
                if m["unit"] not in ("hour",):
                    return None  # "two days and 30 minutes" is not said; "N years and a half" is not parsed
                extra = 30 if m["and_half"] else (int(m["and_n"]) if m["and_n"].isdigit()
                                                  else _EN_NUMBER_WORDS.get(m["and_n"]))
                if extra is None:
                    return None
            iso = _iso_duration(n, m["unit"], extra)
        return None if iso is None else Parsed("duration", "en_duration", duration=iso, approx=approx, lang="en")
    if _ALT_EN_REL_DAY.fullmatch(surface):
        key = " ".join(s.lower().split())
        return Parsed("date", "en_relative_day", day_rel=_EN_REL_DAY[key], lang="en")
    if _ALT_EN_REL_MONTH.fullmatch(surface):
        word, name = s.lower().split()
        off = _EN_REL_MONTH_DIR[word]
        if name == "year":
            return Parsed("date", "en_relative_year", year_rel=("anchor", off), lang="en")
        if name == "month":
            return Parsed("date", "en_relative_month", month_rel=("anchor", off), lang="en")
        return Parsed("date", "en_relative_named_month", month=_EN_FULL_MONTHS[name], month_dir=off, lang="en")
    if _ALT_EN_PREP_MONTH.fullmatch(surface):
        name = re.search(r"[A-Z][a-z]+\b(?:\s+[0-9]{1,2}(?:st|nd|rd|th)?)?(?:,?\s+[0-9]{4})?$", s)
        m = _EN_DATE_PARSE.fullmatch(s, name.start())
        if m is None:
            return None
        return Parsed("date", "en_month_after_preposition" if m["mon3"] else "en_date",
                      year=_num(m["y"]), month=_EN_MONTHS[(m["mon1"] or m["mon2"] or m["mon3"])[:3].lower()],
                      day=_num(m["d1"] or m["d2"]), lead=name.start(), lang="en")
    if _ALT_EN_PREP_YEAR.fullmatch(surface):
        y = re.search(r"[0-9]{4}$", s)
        return Parsed("date", "en_year_after_preposition", year=int(y.group()), lead=y.start(), lang="en")
    if _ALT_JA_STAY.fullmatch(surface):
        m = _STAY_PARSE.fullmatch(s)
        nights, days = (None, None) if m is None else (kanji_to_int(m["n"]), kanji_to_int(m["d"]))
        if not nights or not days or days != nights + 1:
            return None
        return Parsed("duration", "ja_stay", duration=_iso_duration(days, "日"), approx=approx)
    if _ALT_JA_DURATION.fullmatch(surface):
        m = _DURATION_PARSE.fullmatch(s)
        if m is None:
            return None
        n = float(m["n"]) if m["n"][0].isdigit() else kanji_to_int(m["n"])
        if n is None:
            return None
        extra = (_num(m["n2"]) or 0) + (30 if m["half"] else 0)
        iso = _iso_duration(n, m["unit"], extra)
        if iso is None:
            return None
        return Parsed("duration", "ja_duration", duration=iso, approx=approx)
    if _ALT_JA_YEAR_RANGE.fullmatch(surface):
        m = _YEAR_RANGE_PARSE.fullmatch(s)
        if m is None:
            return None
        a = kanji_to_int(m["a"])
        b = int(m["b"])
        if len(m["b"]) == 2:
            b = a - a % 100 + b + (100 if b < a % 100 else 0)
        if b <= a:
            return None
        return Parsed("year_range", "ja_year_range", year=a, year_end=b)
    if _ALT_JA_WEEKDAY.fullmatch(surface):
        return Parsed("weekday", "ja_weekday", weekday=_JA_WEEKDAYS[s[0]])
    m = _JA_PARSE.fullmatch(s)
    if m is None or not m.group(0):
        return None
    return _parsed_ja(m, approx)


def _parsed_ja(m: re.Match[str], approx: bool) -> Parsed | None:
    year = year_rel = month = month_rel = day = day_rel = day_check = None
    rule = []
    if m["era"]:
        n = 1 if m["era_n"] == "元" else kanji_to_int(m["era_n"])
        if not n:
            return None
        year = _ERA_BASE[m["era"]] + n - 1
        if m["era_w"]:
            year = int(m["era_w"])
        rule.append("era_year")
    elif m["y4"]:
        year = kanji_to_int(m["y4"])
        rule.append("year")
    elif m["yrel"]:
        year_rel = _REL_YEAR[m["yrel"]]
        rule.append("relative_year")
    if m["span"]:
        unit = _SPAN[m["span"]]
        rule.append("span_" + unit)
        if unit == "month":
            month_rel = ("anchor", 0)
        else:
            year_rel = ("anchor", 0)
    mon = m["m1"] or m["m3"]
    if m["mp1"] or m["mp2"] or m["mp3"]:
        rule.append("month_part")
    if mon:
        month = kanji_to_int(mon)
        if month is None or not 1 <= month <= 12:
            return None
        rule.append("month")
    elif m["mrel"]:
        month_rel = _REL_MONTH[m["mrel"]]
        rule.append("relative_month")
    d = m["d1"] or m["d2"] or m["d3"] or m["d4"]
    if d:
        day = kanji_to_int(d)
        if day is None or not 1 <= day <= 31:
            return None
        rule.append("day")
    elif m["drelc"]:
        day_rel = _REL_DAY[m["drelc"]]
        day_check = int(m["drel_n"])
        rule.append("relative_day_with_date")
    elif m["drelp"]:
        day_rel = _REL_DAY[m["drelp"]]
        day_check = kanji_to_int(m["drelp_n"])
        if day_check is None or not 1 <= day_check <= 31:
            return None
        rule.append("relative_day_with_day")
    elif m["drel"]:
        day_rel = _REL_DAY[m["drel"]]
        rule.append("relative_day")
    weekday = _JA_WEEKDAYS[m["wd"]] if m["wd"] else None
    hour = minute = None
    minute_given = False
    if m["hh"] is not None:
        h = kanji_to_int(m["hh"])
        mi = 30 if m["half"] else (_num(m["mm"]) or 0)
        if h is None or mi is None:
            return None
        hour, minute = _hour24(m["ampm"] or m["part"], h), mi
        minute_given = bool(m["half"] or m["mm"])
    elif m["ch"] is not None:
        hour, minute, minute_given = int(m["ch"]), int(m["cm"]), True
    elif m["noon"]:
        hour, minute, minute_given = 12, 0, True
    if hour is not None:
        if not (0 <= hour <= 23 and 0 <= minute <= 59):
            return None
        rule.append("time")
    if m["part"]:
        rule.append("part_of_day")
    tz_word = m["tz1"] or m["tz2"]
    tz = None
    if tz_word:
        tz = _ja_zone_word(tz_word)
        rule.append("zone_word")
    if not rule:
        return None
    return Parsed("date", "ja_" + "+".join(rule), year=year, year_rel=year_rel, month=month, month_rel=month_rel,
                  day=day, day_rel=day_rel, day_check=day_check, weekday=weekday, hour=hour, minute=minute,
                  minute_given=minute_given, tz=tz, fiscal=bool(m["fy"]) or m["span"] == "年度内", approx=approx, day_then=bool(m["drelp"]))


# ---------------------------------------------------------------------------------------------------------
# resolution


def _tense(text: str, start: int, lang: str, window: int, begin: int | None = None) -> str | None:
    """'past', 'future' or None: the tense of the predicate the mention belongs to.

    Japanese (verb-final): the first predicate after ``start`` in the same sentence (or the last, see below).
    English: the nearest modal or past form before the mention (``begin``) in its sentence, else the first after it.
    """
    if lang == "en":
        if begin is not None:  # the clause before the mention
            left = text[max(0, begin - window):begin]
            breaks = list(tp.EN_SENTENCE_BREAK.finditer(left))
            if breaks:
                left = left[breaks[-1].end():]
            left = left[max(left.rfind(c) for c in ",;:(—–") + 1:]
            found = [m for m in tp.TENSE_EN.finditer(left)
                     if not (m["past"] and tp.EN_PASSIVE_BEFORE.search(left, 0, m.start()))]
            if found:
                m = found[-1]
                if m["fip"] or m["fut"] and tp.EN_FUTURE_IN_PAST_BEFORE.search(left, 0, m.start()):
                    return None  # was scheduled to, were to: ahead of the writer then, either side of the report now
                return "future" if m["fut"] else "past"
        chunk = text[start:start + window]
        end = tp.EN_SENTENCE_BREAK.search(chunk)
        if end is not None:
            chunk = chunk[: end.start() + 1]
        m = tp.TENSE_EN.search(chunk)
        return None if m is None or m["fip"] else ("future" if m["fut"] else "past")
    chunk = text[start:start + window]
    end = tp.SENTENCE_END.search(chunk)
    if end is not None:
        chunk = chunk[: end.start() + 1]
    # 「4月の…訪問が…確認した」「月曜日、…協力する計画を発表した」: a mention inside a noun phrase, or set off
    # by a comma or は, belongs to the sentence's final predicate; 「5月に…開く」: a mention with a case particle
    # belongs to the first predicate after it
    last = chunk[:1] in ("の", "、", ",", "，", "は", " ", "　")
    found = None
    for m in tp.TENSE_JA.finditer(chunk):
        if m["skip"]:
            continue
        found = "past" if m["past"] or m["past2"] else "future"
        if not last:
            break
    return found


def _shift_month(y: int, m: int, k: int) -> tuple[int, int]:
    i = y * 12 + (m - 1) + k
    return i // 12, i % 12 + 1


def _valid(y: int, m: int, d: int) -> dt.date | None:
    if not (1 <= m <= 12 and 1 <= d <= calendar.monthrange(y, m)[1]):
        return None
    return dt.date(y, m, d)


def _pick(cands: list[tuple[object, int]], tense: str | None, penalty: int) -> object | None:
    """Candidates as (value, signed distance from the anchor); the nearest after the tense penalty."""
    best, best_score = None, None
    for value, dist in cands:
        score = abs(dist)
        if (tense == "past" and dist > 0) or (tense == "future" and dist < 0):
            score += penalty
        if best_score is None or score < best_score or (score == best_score and dist < 0):
            best, best_score = value, score
    return best


class _Ctx:
    """What the text has said so far: the last date (for 同日, 翌日, a time), the last date that stated its month
    and is not in the future (for a day alone), the English dateline's date, the last date standing alone on its
    line (for today, 本日), the last year and month."""

    __slots__ = ("date", "date_end", "year", "month", "month_date", "month_date_end", "dateline_date", "line_date",
                 "head_date")

    def __init__(self) -> None:
        self.date: dt.date | None = None
        self.date_end = -1
        self.year: int | None = None
        self.month: tuple[int, int] | None = None
        self.month_date: dt.date | None = None
        self.month_date_end = -1
        self.dateline_date: dt.date | None = None
        self.line_date: dt.date | None = None  # a date standing on a line of its own: an embedded statement's date
        self.head_date: dt.date | None = None  # a dateline at the head of a text that came with no anchor

    def snapshot(self) -> tuple:
        return tuple(getattr(self, k) for k in self.__slots__)

    def restore(self, saved: tuple) -> None:
        for k, v in zip(self.__slots__, saved):
            setattr(self, k, v)


def _same_sentence(text: str, a: int, b: int) -> bool:
    return a >= 0 and tp.SENTENCE_END.search(text, a, b) is None


def _sentences_between(text: str, a: int, b: int, lang: str = "ja") -> int:
    """How many sentence ends lie between offsets ``a`` and ``b`` (a large number when ``a`` is unknown);
    English full stops that close an abbreviation (U.S., Feb.) end nothing."""
    if a < 0 or a > b:
        return 1 << 30
    breaks = tp.EN_SENTENCE_BREAK if lang == "en" else tp.SENTENCE_END
    return sum(1 for _ in breaks.finditer(text, a, b))


def _same_paragraph(text: str, a: int, b: int) -> bool:
    return a >= 0 and text.find("\n", a, b) < 0


def _sentence_start(text: str, start: int) -> int:
    return max(text.rfind("。", 0, start), text.rfind("\n", 0, start)) + 1


def _sentence_around(text: str, start: int, end: int) -> str:
    right_m = tp.SENTENCE_END.search(text, end)
    return text[_sentence_start(text, start): right_m.end() if right_m else len(text)]


def _en_sentence_around(text: str, start: int, end: int) -> str:
    """The English sentence of a mention: full stops of abbreviations (p.m., U.S., Mr.) do not end it."""
    left = start
    for m in tp.EN_SENTENCE_BREAK.finditer(text, max(0, start - 600), start):
        left = m.end()
    if left == start:
        left = max(0, start - 600) if start > 600 else 0
    right_m = tp.EN_SENTENCE_BREAK.search(text, end)
    return text[left: right_m.end() if right_m else len(text)]


# a clause ends after a verb in its continuative form and a comma (会談し、 行い、 訪れて、) or with the sentence
_CLAUSE_END_JA = re.compile(r"[しりてっきぎびみちいえけせめれべ][、，,]|[。！？\n]")
# a sentence whose topic is a bare meeting noun (会談は…, 会合は…) continues the report of a meeting named before
_MEETING_TOPIC_JA = re.compile(r"[ \t　]*[^。、\n]{0,12}?(?:会談|会合|協議|会議)(?:は|では)")
_MEETING_WORD_JA = re.compile(r"会談|会合|協議|会議")
_REMOTE_JA = re.compile(r"電話|テレビ会議|ビデオ会議|オンライン|ウェブ会議|リモート|テレビ会談")


def _clause_around(text: str, start: int, end: int) -> str:
    """From the start of the sentence to the end of the clause the mention belongs to (Japanese)."""
    right_m = _CLAUSE_END_JA.search(text, end)
    return text[_sentence_start(text, start): right_m.end() if right_m else len(text)]


def _meeting_sentence(text: str, start: int, back: int = 4) -> tuple[int, int] | None:
    """Span of the sentence reporting the meeting a 会談は… sentence refers to: the nearest of the ``back``
    sentences before it that names a meeting. None when the mention's sentence is not such a back-reference."""
    s0 = _sentence_start(text, start)
    if not _MEETING_TOPIC_JA.match(text, s0):
        return None
    end = s0
    for _ in range(back):
        if end <= 0:
            return None
        begin = _sentence_start(text, end - 1)
        if _MEETING_WORD_JA.search(text, begin, end):
            return begin, end
        end = begin
    return None


def _meeting_sentence_zone(text: str, start: int, gazetteer: Path | None) -> str | None:
    span = _meeting_sentence(text, start)
    return None if span is None else _event_zone(text[span[0]:span[1]], gazetteer, strong_only=True)


def news_dateline(text: str, gazetteer: Path | None) -> tuple[tuple[int, int] | None, str | None]:
    """The first English news dateline (PALM BEACH, Florida, April 17 (Kyodo) --): the span of its date, and the
    zone of its place (the capitals read as a name: PALM BEACH → Palm Beach)."""
    m = tp.EN_DATELINE_PREFIX.search(text)
    if m is None:
        return None, None
    span = (m.start("date"), m.end("date")) if m["date"] else None
    place = m["place"].title()
    zone = infer_event_zone(place, gazetteer)
    if zone is None and m["region"]:
        zone = infer_event_zone(m["region"], gazetteer)
    return span, zone


def _resolve_doc(text: str, anchor: dt.date | None, spans: list[tuple[int, int, str]], params: TemporalParams,
                 out: list[tuple], doc_zone: str | None) -> None:
    ctx = _Ctx()
    dateline_span, dateline_zone = news_dateline(text, params.gazetteer) if "-" in text or "—" in text else (None, None)

    def zone_for(start: int, end: int, tz: str | None, lang: str) -> str | None:
        """Zone of a clock time: its own word (日本時間), else the place its clause (Japanese: or the meeting a
        会談は… sentence refers to; English: its sentence or the dateline) puts the event in, else the one place the
        whole document puts events in (venues, visits, places with a locative: ワシントンで, in Tokyo). A place
        abroad whose zone is not known (訪米中, 米国で) or places that disagree give no zone. A Japanese time with
        none of these is Japan time (``japanese_default_zone``); 現地時間 and English times then have no zone."""
        if tz is not None and tz != "local":
            return tz
        if lang == "ja":
            z = _event_zone(_clause_around(text, start, end), params.gazetteer, strong_only=True)
            if z is None:
                z = _meeting_sentence_zone(text, start, params.gazetteer)
            if z is None and not _REMOTE_JA.search(_sentence_around(text, start, end)):
                # 横浜で、3度目の会談が開かれた。午前10時30分から約1時間。: the sentence before in its paragraph
                s0 = _sentence_start(text, start)
                if s0 > 0 and text[s0 - 1] != "\n":
                    z = _event_zone(text[_sentence_start(text, s0 - 1):s0], params.gazetteer, strong_only=True)
                # a call or a video conference (電話会談は…, テレビ会議で) is told in Japan time in Japanese reporting
                if z is None and not _REMOTE_JA.search(text, _sentence_start(text, max(s0 - 1, 0)), end):
                    z = doc_zone
            if z is None and tz != "local":
                return params.japanese_default_zone
            return _known(z)
        z = _event_zone(_en_sentence_around(text, start, end), params.gazetteer, strong_only=True)
        return _known(z or dateline_zone or doc_zone)

    last: tuple[int, str, str | None, dt.datetime | None] | None = None  # end, kind, zone, UTC of the last time
    seen: list[tuple[int, int, str, str | None]] = []  # start, end, kind, value of the mentions so far
    for i, (start, end, surface) in enumerate(spans):
        p = parse_surface(surface)
        if p is None:
            continue
        if p.lead:
            start, surface = start + p.lead, surface[p.lead:]
        if _is_trap(text, start, end, p):
            continue
        if p.hour is not None and p.tz is None:
            if p.lang == "ja" and p.rule == "ja_time" and not _CJK.search(_line_of(text, start, end)):
                p = p._replace(lang="en", rule="en_clock_time")  # 14:30 on an English line: not Japanese reporting
            p = _zone_after(text, end, p)
        # with no anchor, a full date at the head of the text (a dateline the cleaning kept) stands in for it
        ref = anchor if anchor is not None else ctx.head_date
        # a clock time in brackets after another one, with its own zone word, is the same instant told in another
        # zone: it may move the date by a day, it does not become the context of what follows
        same_instant = (last is not None and p.hour is not None and p.tz is not None
                        and _BRACKET_GAP.fullmatch(text, last[0], start) is not None)
        saved = ctx.snapshot() if same_instant else None
        pinned = _pinned_by_bracket(text, end, p, spans[i + 1] if i + 1 < len(spans) else None, ref, ctx)
        row = _resolve(text, start, end, p, ref, ctx, params, zone_for, pinned, seen)
        if row is None:
            continue
        kind, value, resolved_by, precision, tz, used_anchor, utc, rule = row
        if (kind in ("datetime", "time") and tz is not None and p.hour is not None and p.day is None
                and p.month is None and p.year is None and p.day_rel is None and p.weekday is None):
            # 現地時間午後1時40分（日本時間17日午前2時40分）: a time with no day of its own takes the day of the
            # bracket's instant in its own zone (16日 in Washington), never the bracket's calendar day
            told = _bracket_instant(text, end, spans[i + 1] if i + 1 < len(spans) else None, ref, ctx, params,
                                    zone_for, seen)
            if told is not None:
                kind2, value2, utc2, rule2 = _same_instant((None, None, "UTC", told), p, tz, kind, value, utc, rule)
                if rule2.endswith("+same_instant"):
                    kind, value, utc, rule, resolved_by, used_anchor = kind2, value2, utc2, rule2, "context", False
                    _remember_date(ctx, dt.date.fromisoformat(value[:10]), end)
        if same_instant and last[3] is not None and tz is not None and p.hour is not None and (
                p.year is None and p.month is None and p.month_rel is None and p.day_rel is None):
            kind, value, utc, rule = _same_instant(last, p, tz, kind, value, utc, rule)
            if rule.endswith("+same_instant"):
                resolved_by, used_anchor = "context", False
        if used_anchor and anchor is None:  # the head date was used
            resolved_by, used_anchor, rule = "context", False, rule + "+head_date"
        if saved is not None:
            ctx.restore(saved)
        else:
            _update_context(text, start, end, p, kind, value, resolved_by, anchor, ref, pinned, ctx, dateline_span)
        last = (end, kind, tz, utc) if kind in ("datetime", "time") else None
        out.append((start, end, surface, kind, value, resolved_by, precision, tz,
                    anchor if used_anchor else None, utc, p.approx, rule))
        seen.append((start, end, kind, value))


_BRACKET_GAP = re.compile(r"[ \t　]*[(（][ \t　]*")


_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff10-\uff19]")


def _line_of(text: str, start: int, end: int) -> str:
    right = text.find("\n", end)
    return text[text.rfind("\n", 0, start) + 1: len(text) if right < 0 else right]


def _ja_zone_word(word: str) -> str | None:
    """The zone of a Japanese zone word (米太平洋時間, 東部夏時間 → their region's zone), "local" for 現地時間."""
    word = unicodedata.normalize("NFKC", word)
    if word == "現地時間":
        return "local"
    words = _zone_matcher(None).time_words
    if word in words:
        return words[word]
    return words.get(re.sub(r"^(?:米国|米)|(?:標準|夏)(?=時間$)", "", word))


def _zone_after(text: str, end: int, p: Parsed) -> Parsed:
    """A time followed by its zone word behind a comma or a bracket (2:55 p.m. (local time; …),
    7 a.m. Friday, Japan time, 午後3時（日本時間）): the word gives the zone."""
    if p.lang == "ja":
        m = tp.JA_ZONE_AFTER.match(text, end)
        if m is None:
            return p
        word = unicodedata.normalize("NFKC", m["z"])
        tz = _ja_zone_word(word)
        return p if tz is None else p._replace(tz=tz, rule=p.rule + "+zone_after")
    m = tp.EN_ZONE_AFTER.match(text, end)
    if m is None:
        return p
    word = " ".join(m["z"].lower().split()[:-1]) if m["zw"] else m["z"].lower()
    tz = _EN_ZONES.get(word)
    return p if tz is None else p._replace(tz=tz, rule=p.rule + "+zone_after")
_HEAD_LINES, _HEAD_CHARS, _HEAD_LINE_LEN = 12, 1000, 60


def _update_context(text, start, end, p: Parsed, kind, value, resolved_by, anchor, ref, pinned, ctx: _Ctx,
                    dateline_span) -> None:
    """What a resolved mention tells the mentions after it (beyond the last date, kept by ``_resolve``)."""
    if value is None or kind not in ("date", "datetime"):
        return
    d = dt.date.fromisoformat(value[:10])
    if dateline_span is not None and ctx.dateline_date is None and kind == "date" and (
            dateline_span[0] <= start and end <= dateline_span[1]):
        ctx.dateline_date = d
    if kind == "date" and p.day_rel is None and _alone_on_line(text, start, end):
        ctx.line_date = d
    if (anchor is None and ctx.head_date is None and resolved_by == "explicit" and p.year is not None
            and p.month is not None and p.day is not None and at_head(text, start, end)):
        ctx.head_date = d
    if p.month is not None and p.month_dir is None or p.month_rel is not None and p.month_rel[0] == "context" \
            or pinned is not None:
        if ref is None or d <= ref:  # a date ahead (来月10日, an announced visit) lends no month
            ctx.month_date, ctx.month_date_end = d, end


def at_head(text: str, start: int, end: int) -> bool:
    """A date on a short line of its own near the top, with no sentence on it: a dateline
    (2012年5月1日 朝刊, Published 8:48 AM EDT, April 24, 2014, July 10, 2025 23:05 JST)."""
    left = text.rfind("\n", 0, start) + 1
    right = text.find("\n", end)
    right = len(text) if right < 0 else right
    line = text[left:right]
    return (left < _HEAD_CHARS and text.count("\n", 0, left) < _HEAD_LINES and len(line.strip()) <= _HEAD_LINE_LEN
            and "。" not in line and not re.search(r"[a-z]{2}\.(?:\s|$)", line))


def _pinned_by_bracket(text: str, end: int, p: Parsed, nxt: tuple[int, int, str] | None, ref: dt.date | None,
                       ctx: _Ctx) -> dt.date | None:
    """The date of a day alone with a clock time from the bracket after it that gives the same instant with its
    month (30日午前11時5分（日本時間5月1日午前0時5分）): within a day of that date, with the same day number."""
    if nxt is None or p.family != "date" or p.day is None or p.month is not None or p.year is not None \
            or p.month_rel is not None or p.hour is None or _BRACKET_GAP.fullmatch(text, end, nxt[0]) is None:
        return None
    q = parse_surface(nxt[2])
    if q is None or q.family != "date" or q.tz is None or q.month is None or q.day is None or q.hour is None:
        return None
    base = ref or ctx.date
    years = [q.year] if q.year is not None else [] if base is None else [base.year - 1, base.year, base.year + 1]
    dates = [c for y in years if (c := _valid(y, q.month, q.day)) is not None]
    if not dates:
        return None
    other = min(dates, key=lambda c: abs((c - base).days)) if base is not None and q.year is None else dates[0]
    hits = [c for k in (-1, 0, 1) if (c := other + dt.timedelta(days=k)).day == p.day]
    return hits[0] if len(hits) == 1 else None


def _bracket_instant(text: str, end: int, nxt: tuple[int, int, str] | None, ref: dt.date | None, ctx: _Ctx,
                     params: TemporalParams, zone_for, seen) -> dt.datetime | None:
    """The instant (UTC, naive) of a clock time with its own day and zone word in brackets right after ``end``
    (…午後1時40分（日本時間17日午前2時40分）, …（現地時間16日午後1時40分）), resolved as it will be in its turn;
    what it tells the context is not kept."""
    if nxt is None or _BRACKET_GAP.fullmatch(text, end, nxt[0]) is None:
        return None
    q = parse_surface(nxt[2])
    if q is None or q.family != "date" or q.hour is None or q.day is None or q.tz is None:
        return None
    start = nxt[0] + q.lead if q.lead else nxt[0]
    saved = ctx.snapshot()
    try:
        row = _resolve(text, start, nxt[1], q, ref, ctx, params, zone_for, None, seen)
    finally:
        ctx.restore(saved)
    if row is None or row[0] != "datetime":
        return None
    return row[6]


def _same_instant(last, p: Parsed, tz: str, kind, value, utc, rule):
    """A time in brackets after another (7:45 p.m. local time (8:45 p.m. Japan time), 現地時間16日…（日本時間17日…）):
    the date, within a day of the first one's, that makes the two the same instant."""
    _, _, tz0, utc0 = last
    if tz0 is None or utc0 is None:
        return kind, value, utc, rule
    first = utc0.replace(tzinfo=dt.timezone.utc).astimezone(ZoneInfo(tz))
    best = None
    for k in (-1, 0, 1):
        d = first.date() + dt.timedelta(days=k)
        if p.day is not None and d.day != p.day:
            continue
        aware = dt.datetime.combine(d, dt.time(p.hour, p.minute), tzinfo=ZoneInfo(tz))
        gap = abs((aware - first).total_seconds())
        if best is None or gap < best[0]:
            best = (gap, aware)
    if best is None or best[0] > 3600:  # not the same instant after all: keep what the text gave
        return kind, value, utc, rule
    aware = best[1]
    return ("datetime", aware.isoformat(), aware.astimezone(dt.timezone.utc).replace(tzinfo=None),
            rule + "+same_instant")


_LINE_PUNCT = " \t　.,。、:：()（）[]［］【】-–—|"


def _alone_on_line(text: str, start: int, end: int) -> bool:
    left = text.rfind("\n", 0, start) + 1
    right = text.find("\n", end)
    right = len(text) if right < 0 else right
    return not text[left:start].strip(_LINE_PUNCT) and not text[end:right].strip(_LINE_PUNCT)


def _is_kanji(c: str) -> bool:
    return "\u4e00" <= c <= "\u9fff" or "\u3400" <= c <= "\u4dbf" or c in "々〆"


def _is_trap(text: str, start: int, end: int, p: Parsed) -> bool:
    if p.rule == "en_year_after_preposition":
        return _PLURAL_NOUN_AFTER.match(text, end) is not None  # "of 2000 troops"
    if p.rule == "en_duration" and _EN_AGE_AFTER.match(text, end):
        return True  # an 88-year-old chef: an age
    if p.rule == "en_month_after_preposition" and _EN_POSSESSIVE_AFTER.match(text, end):
        return True  # in May's cabinet: a name
    if p.rule == "en_relative_day" and p.day_rel[0] == "context" and _EN_DAY_BEFORE_NOUN.match(text, end):
        return True  # the day before the summit: relative to an event, not to the last date
    if "span_" in p.rule and start > 0 and (text[start - 1] in _COUNTER_BEFORE_SPAN or
                                             unicodedata.normalize("NFKC", text[start - 1]).isdigit()):
        return True  # 10年内, 3カ月内: within a count of years or months, not the anchor's year or month
    if text.startswith("けさ", start) and text.startswith("せ", start + 2):
        return True  # 受けさせる, 避けさせる: a causative verb, not this morning
    if p.rule == "ja_day" and _DAY_AS_COUNT.match(text, end):
        return True  # 1日も早く, 1日あたり: a day counted, not a date
    if p.rule.startswith("ja_day") and p.day is not None and p.month is None and p.year is None:
        if text[start] in _KANJI_NUMERALS:
            if start > 0 and _is_kanji(text[start - 1]):
                return True  # 統一日, 唯一日: a numeral inside a word
            if p.rule == "ja_day" and end < len(text) and text[end] in _PLACE_AFTER_KANJI_DAY:
                return True  # 四日市, 十日町, 三日月
    if text.startswith("前日本", start) and end == start + 2:
        return True  # 前日本大使: the former Japanese ambassador, not the day before
    if p.rule == "ja_day" and end < len(text) and text[end] in _COUNTRY_AFTER_DAY:
        line_start = text.rfind("\n", 0, start) + 1
        if not text[line_start:start].strip(" \t　(（"):
            return True  # list numbering before 日米…, 日本…
    return False


def _weekday_date(text: str, start: int, end: int, p: Parsed, anchor: dt.date, params: TemporalParams):
    """The date of a weekday near the anchor: the last such day for a past event, the next for an announced one."""
    tense = _tense(text, end, p.lang, params.tense_window, start)
    back = (anchor.weekday() - p.weekday) % 7
    cands = [(anchor - dt.timedelta(days=back), -back), (anchor + dt.timedelta(days=(7 - back) % 7), (7 - back) % 7)]
    return _pick(cands, tense, params.weekday_tense_penalty), tense


def _resolve(text, start, end, p: Parsed, anchor, ctx: _Ctx, params: TemporalParams, zone_for,
             pinned: dt.date | None = None, seen: list[tuple[int, int, str, str | None]] | None = None):
    if p.family == "duration":
        return ("duration", p.duration, "explicit", None, None, False, None, p.rule)
    if p.family == "year_range":
        ctx.year = p.year_end
        return ("year_range", f"{p.year}/{p.year_end}", "explicit", "year", None, False, None, p.rule)
    if p.family == "fiscal":
        ctx.year = p.year
        return ("fiscal_year", str(p.year), "explicit", "year", None, False, None, p.rule)
    if p.family == "weekday":
        if anchor is None:
            return ("weekday", None, "unresolved", "day", None, False, None, p.rule)
        d, tense = _weekday_date(text, start, end, p, anchor, params)
        _remember_date(ctx, d, end)
        return ("weekday", d.isoformat(), "anchor", "day", None, True, None, p.rule + f"+tense_{tense or 'nearest'}")

    # date family: year / month / day / time in any combination
    used_anchor = used_context = False
    rule = p.rule
    year, month, day = p.year, p.month, p.day
    date_value: dt.date | None = None
    fiscal = p.fiscal

    if p.year_rel is not None:
        ref, off = p.year_rel
        if ref == "anchor" and anchor is not None:
            base = anchor.year
            if fiscal and anchor.month < 4:
                base -= 1
            year, used_anchor = base + off, True
        elif ref == "context" and ctx.year is not None:
            year, used_context = ctx.year + off, True
        else:
            return _unresolved(p, rule)
    if p.month_dir is not None:  # last April, next April, this April
        if anchor is None:
            return _unresolved(p, rule)
        if p.month_dir < 0:
            year = anchor.year if month < anchor.month else anchor.year - 1
        elif p.month_dir > 0:
            year = anchor.year if month > anchor.month else anchor.year + 1
        else:
            year = anchor.year
        used_anchor = True
    if p.month_rel is not None:
        ref, off = p.month_rel
        if ref == "anchor" and anchor is not None:
            year, month = _shift_month(anchor.year, anchor.month, off)
            used_anchor = True
        elif ref == "context" and ctx.month is not None:
            year, month = _shift_month(*ctx.month, off)
            used_context = True
        else:
            return _unresolved(p, rule)

    if p.day_rel is not None:
        ref, off = p.day_rel
        if ref == "anchor" and ctx.line_date is not None:
            # a statement dated by a line of its own (February 7, 2025 / … met today): its today is that date
            ref, base = "context", ctx.line_date
            rule += "+dated_line"
        else:
            base = anchor if ref == "anchor" else ctx.date
        date_value = None if base is None else base + dt.timedelta(days=off)
        if p.day_then and (date_value is None or date_value.day != p.day_check):
            day = p.day_check  # 翌28日 after a date that is not the 27th: the 28th read as a day alone
            rule += "+as_day"
        elif date_value is None:
            return _unresolved(p, rule)
        elif p.day_check is not None and date_value.day != p.day_check:
            return _unresolved(p, rule + "+day_mismatch")
        else:
            used_anchor, used_context = ref == "anchor", ref == "context"
    if (p.weekday is not None and p.hour is not None and day is None and month is None and year is None
            and p.day_rel is None and anchor is not None):  # 10:50 a.m. Thursday
        date_value, tense = _weekday_date(text, start, end, p, anchor, params)
        used_anchor = True
        rule += f"+tense_{tense or 'nearest'}"
    if date_value is None and day is not None and month is None and pinned is not None:
        date_value, used_context = pinned, True  # 30日午前11時5分（日本時間5月1日午前0時5分）: the same instant
        rule += "+same_instant"
    elif date_value is None and day is not None:
        if month is None:  # a day alone
            # the month comes from the last date that stated its month and is not ahead of the anchor (and, if it
            # is more than a month before the anchor, stands in the same paragraph), or from the day just before it
            # in a range or list (7日から8日); otherwise from the anchor: the nearest such day the tense allows
            if (ctx.date is not None and ctx.date.day == day and ctx.date_end >= 0
                    and _APPOSITION_GAP.fullmatch(text, ctx.date_end, start)):
                date_value, used_context = ctx.date, True  # 明日11日, 本日（11日）: the day just named
                rule += "+apposition"
            elif ctx.date is not None and ctx.date_end >= 0 and _DAY_RANGE_JOIN.fullmatch(text, ctx.date_end, start):
                # 30日から2日まで: a day before the first one runs into the next month
                y, mo = _shift_month(ctx.date.year, ctx.date.month, 1 if day < ctx.date.day else 0)
                date_value = _valid(y, mo, day)
                used_context = True
            elif ctx.month_date is not None and (  # a date of long ago lends its month within its own paragraph
                anchor is None or (anchor - ctx.month_date).days <= 31
                or _same_paragraph(text, ctx.month_date_end, start)
            ):
                date_value = _valid(ctx.month_date.year, ctx.month_date.month, day)
                used_context = True
                if date_value is not None and anchor is not None and date_value > anchor:
                    # a past event is not after the report: 30日 in a report of 5月1日 is 4月30日
                    tense = _tense(text, end, p.lang, params.tense_window, start)
                    y, mo = _shift_month(date_value.year, date_value.month, -1)
                    before = _valid(y, mo, day)
                    if before is not None and tense != "future" and (
                            tense == "past" or (anchor - before).days < (date_value - anchor).days):
                        date_value = before
                        rule += f"+before_report_{tense or 'nearest'}"
            elif anchor is not None:
                tense = _tense(text, end, p.lang, params.tense_window, start)
                cands = []
                for k in (-1, 0, 1):
                    y, mo = _shift_month(anchor.year, anchor.month, k)
                    c = _valid(y, mo, day)
                    if c is not None:
                        cands.append((c, (c - anchor).days))
                date_value = _pick(cands, tense, params.day_alone_tense_penalty)
                used_anchor = True
            else:
                return _unresolved(p, rule)
        elif year is None:  # month and day, no year
            # the preceding date gives the year when it is current (near the anchor) or in the same sentence;
            # a historical date earlier in the text does not (2019年10月22日に即位… Sept. 21 at the White House)
            if ctx.date is not None and (
                anchor is None or abs((ctx.date - anchor).days) <= 183 or _same_sentence(text, ctx.date_end, start)
            ):
                cands = [(c, (c - ctx.date).days) for y in (ctx.date.year - 1, ctx.date.year, ctx.date.year + 1)
                         if (c := _valid(y, month, day)) is not None]
                if anchor is not None:  # …will meet on January 13: an announced event is not before the report
                    tense = _tense(text, end, p.lang, params.tense_window, start)
                    kept = [(c, d) for c, d in cands
                            if (tense == "future" and c >= anchor) or (tense == "past" and c <= anchor)]
                    if kept:
                        cands = kept
                        rule += f"+tense_{tense}"
                date_value = _pick(cands, None, 0)
                used_context = True
            elif anchor is not None:
                tense = _tense(text, end, p.lang, params.tense_window, start)
                cands = [(c, (c - anchor).days) for y in (anchor.year - 1, anchor.year, anchor.year + 1)
                         if (c := _valid(y, month, day)) is not None]
                if p.weekday is not None and any(c.weekday() == p.weekday for c, _ in cands):
                    cands = [(c, d) for c, d in cands if c.weekday() == p.weekday]  # 7月28日(日): the year it is a Sunday
                    rule += "+weekday"
                date_value = _pick(cands, tense, params.day_tense_penalty)
                used_anchor = True
                rule += f"+tense_{tense or 'nearest'}"
            else:
                return _unresolved(p, rule)
        else:
            date_value = _valid(year, month, day)
        if date_value is None:
            return _unresolved(p, rule + "+invalid_date")
    elif month is not None and year is None:  # a month without a year
        if anchor is not None:
            tense = _tense(text, end, p.lang, params.tense_window, start)
            cands = [((y, month), (y - anchor.year) * 12 + month - anchor.month)
                     for y in (anchor.year - 1, anchor.year, anchor.year + 1)]
            year, _ = _pick(cands, tense, params.month_tense_penalty)
            used_anchor = True
            rule += f"+tense_{tense or 'nearest'}"
        elif ctx.year is not None:
            year, used_context = ctx.year, True
        else:
            return _unresolved(p, rule)

    resolved_by = "anchor" if used_anchor else "context" if used_context else "explicit"

    if p.hour is not None:
        if date_value is None and (year is not None or month is not None):
            return None  # a time after a bare month or year is not a datetime we can state
        if date_value is None:
            # the date of the event in the same sentence (English: paragraph), or the English dateline's date
            if ctx.date is not None and (_same_sentence(text, ctx.date_end, start)
                                         or p.lang == "en" and _same_paragraph(text, ctx.date_end, start)
                                         and not _ahead_of_past_time(text, start, end, p, ctx.date, anchor, params)):
                date_value, resolved_by = ctx.date, "context"
            elif (p.lang == "ja" and ctx.date is not None and (span := _meeting_sentence(text, start)) is not None
                  and span[0] <= ctx.date_end <= span[1]):
                date_value, resolved_by = ctx.date, "context"  # 会談は午後10時から: the meeting's date
                rule += "+meeting_sentence"
            elif (ctx.date is not None and (anchor is None or ctx.date <= anchor)
                  and _sentences_between(text, ctx.date_end, start, p.lang) <= (1 if p.lang == "en" else 2)):
                # the day of the sentence before (Thursday evening… / The meeting began at 5 p.m.; 今月13日。…
                # 午前10時30分から): a day already past that the text has just stated
                date_value, resolved_by = ctx.date, "context"
                rule += "+previous_sentence"
            elif p.lang == "en" and ctx.dateline_date is not None:
                date_value, resolved_by = ctx.dateline_date, "context"
                rule += "+dateline"
            elif anchor is not None and params.time_on_anchor_date:
                other = _other_day(text, start, end, p, anchor, seen, params)
                if other is None:
                    date_value, resolved_by, used_anchor = anchor, "anchor", True
                else:
                    rule += "+other_day"
                    if other is not _UNKNOWN_DAY:
                        date_value, resolved_by = other, "context"
        precision = "minute" if p.minute_given else "hour"
        if p.lang == "iso" and p.tz is None:
            tz = None  # a dateline's clock is the publisher's, not the event's
        else:
            tz = zone_for(start, end, p.tz, p.lang)
        hm = f"{p.hour:02d}:{p.minute:02d}"
        if date_value is None:
            return ("time", hm, "explicit", precision, tz, False, None, rule)
        _remember_date(ctx, date_value, end)
        local = dt.datetime.combine(date_value, dt.time(p.hour, p.minute))
        if tz is None:
            # no zone can be known: a datetime without its offset is not stated; the date alone (a dateline's
            # clock) or the clock alone is what the text gives
            if p.lang == "iso":
                return ("date", date_value.isoformat(), resolved_by, "day", None, used_anchor, None, rule + "+no_zone")
            return ("time", hm, "explicit", precision, None, False, None, rule + "+no_zone")
        aware = local.replace(tzinfo=ZoneInfo(tz))
        utc = aware.astimezone(dt.timezone.utc).replace(tzinfo=None)
        return ("datetime", aware.isoformat(), resolved_by, precision, tz, used_anchor, utc, rule)

    if date_value is not None:
        _remember_date(ctx, date_value, end)
        return ("date", date_value.isoformat(), resolved_by, "day", None, used_anchor, None, rule)
    if month is not None:
        ctx.year, ctx.month = year, (year, month)
        return ("month", f"{year:04d}-{month:02d}", resolved_by, "month", None, used_anchor, None, rule)
    if year is not None:
        ctx.year = year
        kind = "fiscal_year" if fiscal else "year"
        return (kind, f"{year:04d}", resolved_by, "year", None, used_anchor, None, rule)
    return None


def _ahead_of_past_time(text: str, start: int, end: int, p: Parsed, d: dt.date, anchor: dt.date | None,
                        params: TemporalParams) -> bool:
    """A day after the report (…will see him again tomorrow.) cannot be the day of a time told in the past tense
    in a later sentence (The talks began at 3 p.m.)."""
    return (anchor is not None and d > anchor
            and _tense(text, end, p.lang, params.tense_window, start) == "past")


_UNKNOWN_DAY = dt.date.min  # another day is meant, which one is not known


def _day_window(text: str, start: int, end: int, lang: str) -> tuple[int, int]:
    """From the start of the sentence before a mention's sentence (across a paragraph break) to the end of the
    mention's sentence."""
    if lang == "en":
        breaks = [m.end() for m in tp.EN_SENTENCE_BREAK.finditer(text, max(0, start - 1500), start)]
        lo = breaks[-2] if len(breaks) >= 2 else max(0, start - 1500) if len(breaks) < 2 and start > 1500 else 0
        right = tp.EN_SENTENCE_BREAK.search(text, end)
    else:
        s0 = _sentence_start(text, start)
        lo = _sentence_start(text, s0 - 1) if s0 > 0 else 0
        right = tp.SENTENCE_END.search(text, end)
    return lo, right.end() if right else len(text)


def _other_day(text: str, start: int, end: int, p: Parsed, anchor: dt.date, seen, params: TemporalParams):
    """Whether a clock time with no date of its own may be put on the publication date: None when nothing in its
    sentence or the sentence before speaks of another day; else the one past day they name (a resolved date or
    weekday: 昨日, on Monday), or ``_UNKNOWN_DAY`` (前日, 先週, last week, the day before, two dates that differ).
    A day ahead of the report (来月10日, tomorrow) does not count when the time is told in the past tense
    (首相は来月10日に訪米する。午後3時、記者団に語った。)."""
    lo, hi = _day_window(text, start, end, p.lang)
    tense: list[str | None] = []

    def time_is_past() -> bool:
        if not tense:
            tense.append(_tense(text, end, p.lang, params.tense_window, start))
        return tense[0] == "past"

    days: set[dt.date] = set()
    unknown = False
    covered: list[tuple[int, int]] = []
    for s, e, kind, value in seen or ():
        if s < lo or e > start:
            continue
        covered.append((s, e))
        if kind in ("date", "weekday", "datetime"):
            if value is None:
                unknown = True
                continue
            d = dt.date.fromisoformat(value[:10])
            if d < anchor:
                days.add(d)
            elif d > anchor and not time_is_past():
                unknown = True
        elif kind in ("month", "year") and value is not None:
            here = f"{anchor.year:04d}-{anchor.month:02d}"[: len(value)]
            if value < here or value > here and not time_is_past():
                unknown = True
        elif kind in ("month", "year"):
            unknown = True
    for m in tp.OTHER_DAY_CUE.finditer(text, lo, hi):
        if any(s <= m.start() and m.end() <= e for s, e in covered):
            continue  # a mention already weighed above
        if m["fut"] and time_is_past():
            continue
        unknown = True
    if unknown or len(days) > 1:
        return _UNKNOWN_DAY
    return next(iter(days)) if days else None


def _remember_date(ctx: _Ctx, d: dt.date, end: int) -> None:
    ctx.date, ctx.date_end, ctx.year, ctx.month = d, end, d.year, (d.year, d.month)


def _unresolved(p: Parsed, rule: str):
    if p.hour is not None and p.day is None and p.day_rel is None and p.month is None and p.month_rel is None:
        kind = "time"
    elif p.hour is not None:
        kind = "datetime"
    elif p.day is not None or p.day_rel is not None:
        kind = "date"
    elif p.month is not None or p.month_rel is not None:
        kind = "month"
    else:
        kind = "fiscal_year" if p.fiscal else "year"
    return (kind, None, "unresolved", None, None, False, None, rule)


# ---------------------------------------------------------------------------------------------------------
# public entry point


def _empty() -> pl.DataFrame:
    return pl.DataFrame(schema=TEMPORAL_COLUMNS)


def extract_temporal(docs: pl.DataFrame, params: TemporalParams = TemporalParams()) -> pl.DataFrame:
    """One row per temporal mention in ``docs`` (columns ``doc_id``, ``text``, ``anchor_date``).

    Output columns and types: ``TEMPORAL_COLUMNS``; sorted by (doc_id, char_start, char_end);
    ``text[char_start:char_end] == surface`` for every row.
    """
    if docs.height == 0:
        return _empty()
    cand = find_candidates(docs.select("text"))
    if cand.height == 0:
        return _empty()
    doc_ids = docs["doc_id"].to_list()
    texts = docs["text"].to_list()
    anchors = docs["anchor_date"].to_list() if "anchor_date" in docs.columns else [None] * docs.height

    # zones are needed only where a clock time was found
    timed = (
        cand.lazy()
        .filter(pl.col("surface").str.contains(r"時|正午|[0-9０-９][:：][0-9０-９]|[0-9](?:\s*)(?:[ap]\.m\.|[AaPp][Mm])"))
        .select(pl.col("_row").unique())
        .collect()["_row"]
        .to_list()
    )
    zones: dict[int, str | None] = dict(
        zip(timed, _event_zones(docs["text"].gather(timed), params.gazetteer, True, True) if timed else [])
    )
    rows_col = cand["_row"].to_list()
    starts, ends, surfaces = cand["char_start"].to_list(), cand["char_end"].to_list(), cand["surface"].to_list()
    out_doc: list[str] = []
    records: list[tuple] = []
    i, n = 0, len(rows_col)
    while i < n:
        r = rows_col[i]
        j = i
        while j < n and rows_col[j] == r:
            j += 1
        before = len(records)
        _resolve_doc(texts[r] or "", anchors[r], list(zip(starts[i:j], ends[i:j], surfaces[i:j])), params, records, zones.get(r))
        out_doc.extend([doc_ids[r]] * (len(records) - before))
        i = j
    if not records:
        return _empty()
    cols = list(zip(*records))
    frame = pl.DataFrame(
        {
            "doc_id": out_doc,
            "char_start": cols[0],
            "char_end": cols[1],
            "surface": cols[2],
            "kind": cols[3],
            "value": cols[4],
            "resolved_by": cols[5],
            "precision": cols[6],
            "tz_name": cols[7],
            "anchor_date": cols[8],
            "value_utc": cols[9],
            "is_approximate": cols[10],
            "rule": cols[11],
        },
        schema={**TEMPORAL_COLUMNS, "value_utc": pl.Datetime("us")},
    ).with_columns(pl.col("value_utc").dt.replace_time_zone("UTC"))
    return frame.sort("doc_id", "char_start", "char_end", maintain_order=True)
