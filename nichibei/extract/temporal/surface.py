"""Parsing one candidate surface (NFKC form) into what it says, before any anchor or context: ``Parsed``."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from nichibei.extract.temporal import counts, patterns as tp, surface_en as en
from nichibei.extract.temporal.numerals import kanji_to_int
from nichibei.extract.temporal.parsed import Parsed
from nichibei.extract.temporal.zones import _EN_ZONES, _ja_zone_word


def _num(s: str | None) -> int | None:
    return None if s is None else kanji_to_int(s)


_N = r"(?:[0-9]+|[〇零一二三四五六七八九十百千]+)"
_MONTH_PART = tp.alt(tp.MONTH_PARTS)
_DAY_PART = tp.alt(tp.DATE_DAY_PARTS)
_SPAN = {r["word"]: r["unit"] for r in tp.rules("relative_spans", "word", "unit")}
_FISCAL_SPANS = {w for w, unit in _SPAN.items() if unit == "fiscal_year"}
_STAY_PARSE = re.compile(rf"(?P<n>{_N})泊(?P<d>{_N})日")
_TZW = tp.TZ_WORDS
_JA_PARSE = re.compile(
    rf"""
    (?:(?P<tz1>{_TZW})(?:の|では|で)?\s*)?
    (?:
        (?:(?P<era>{tp.alt(tp.ERA_NAMES)})(?P<era_n>元|{_N})(?:\((?P<era_w>[0-9]{{4}})\))?年
          |(?P<y4>[0-9]{{4}}|[〇零一二三四五六七八九]{{4}})年
          |(?P<yrel>{tp.alt(tp.REL_YEAR_WORDS)}))
        (?:(?P<fy>度)|(?P<m1>{_N})月(?:の?(?P<d1>{_N})日|(?P<mp1>{_MONTH_PART}))?)?
      | (?P<mrel>{tp.alt(tp.REL_MONTH_WORDS)})(?:(?P<d2>{_N})日|(?P<mp2>{_MONTH_PART}))?
      | (?P<m3>{_N})月(?:の?(?P<d3>{_N})日|(?P<mp3>{_MONTH_PART}))?
      | (?P<span>{tp.alt(tp.REL_SPANS)})
      | (?P<d4>{_N})日
      | (?P<drelc>[{tp.REL_DAY_PREFIXES}])\((?P<drel_n>[0-9]{{1,2}})\)日
      | (?P<drelp>{tp.REL_DAY_PREFIX_DAY})(?P<drelp_n>{_N})日
      | (?P<drel>{tp.alt((*tp.REL_DAY_WORDS, *tp.REL_DAY_PART_WORDS))})
    )?
    (?:\s*\((?P<wd>[{tp.JA_WEEKDAY_CHARS}])(?:曜日?)?(?:・祝)?\)|(?P<wd_on>[{tp.JA_WEEKDAY_CHARS}])曜日?)?
    (?:(?P<part>{_DAY_PART})(?![0-9〇零一二三四五六七八九十])の?)?
    (?:\s*[、,の]?\s*(?:(?P<tz2>{_TZW})(?:の|では|で)?\s*)?
        (?:(?P<ampm>{tp.alt(tp.CLOCK_DAY_PARTS_NOT_NOON)})?\s*(?P<hh>{_N})時(?:(?P<half>半)|(?P<mm>{_N})分(?:(?P<ss>{_N})秒)?)?
          |(?P<ch>[0-9]{{1,2}}):(?P<cm>[0-9]{{2}})(?::(?P<cs>[0-9]{{2}}))?
          |(?P<noon>{tp.NOON}))
        (?P<approx>{tp.alt(tp.CLOCK_HEDGES)})?
    )?
    """,
    re.X,
)
_DURATION_PARSE = re.compile(
    rf"(?P<pre>{tp.alt(tp.JA_HEDGES_BEFORE)})?\s*"
    rf"(?P<n>[0-9]+(?:\.[0-9]+)?|[〇零一二三四五六七八九十百千]+)"
    rf"(?P<unit>時間|分|秒|年|{tp.alt(tp.MONTH_COUNTERS)}|週|日)間?"
    rf"(?:(?P<n2>{_N})分間?|(?P<half>半))?"
    rf"(?P<post>{tp.alt(tp.JA_HEDGES_AFTER)})?"
)
_YEAR_RANGE_PARSE = re.compile(
    r"(?P<a>[0-9]{4}|[〇零一二三四五六七八九]{4})年(?P<fa>度)?\s*(?:[~〜～\-－–—]|から)\s*(?P<b>[0-9]{4}|[0-9]{2})年(?P<fb>度)?"
)
_ISO_PARSE = re.compile(r"(?P<y>[0-9]{4})[-/](?P<m>[0-9]{1,2})[-/](?P<d>[0-9]{1,2})(?:(?:T|\s+)(?P<hh>[0-9]{1,2}):(?P<mm>[0-9]{2}))?")
# a month by the first three letters of its name, which every abbreviation keeps (Sept. → sep)
_EN_MONTHS = {r["word"][:3].lower(): int(r["month"]) for r in tp.rules("month_names", "word", "month", "form")
              if r["form"] == "full"}
_EN_DATE_PARSE = re.compile(
    r"(?:(?P<mon1>[A-Za-z]+)\.?\s+(?P<d1>[0-9]{1,2})(?:st|nd|rd|th)?|(?P<d2>[0-9]{1,2})\s+(?P<mon2>[A-Za-z]+)\.?|(?P<mon3>[A-Za-z]+)\.?)"
    r"(?:,?\s+(?P<y>[0-9]{4}))?"
)
_EN_FY_PARSE = re.compile(r"(?:FY|[Ff]iscal [Yy]ear|[Ff]iscal)\s*['’]?(?P<y>[0-9]{4}|[0-9]{2})")
_EN_WEEKDAYS = {r["word"]: int(r["weekday"]) for r in tp.rules("weekdays", "word", "weekday") if r["language"] == "en"}
_JA_WEEKDAYS = {r["word"]: int(r["weekday"]) for r in tp.rules("weekdays", "word", "weekday") if r["language"] == "ja"}
_EN_TIME_PARSE = re.compile(
    r"(?P<h>[0-9]{1,2})(?::(?P<m>[0-9]{2}))?\s*(?P<ap>a\.m\.|p\.m\.|am|pm|AM|PM)"
    r"(?:\s*(?P<z>(?-i:" + tp.ZONE_ABBR + r")|(?P<zw>[A-Za-z]+(?:\s+(?:standard|daylight))?)\s+time))?"
    r"(?:,?\s+(?:on\s+)?(?P<wd>" + tp.alt(tp.EN_WEEKDAY_NAMES) + r"))?",
    re.I,
)
_EN_NUMBER_WORDS = {"a": 1, "an": 1, **{r["word"]: int(r["value"]) for r in tp.rules("number_words", "word", "value")}}
_EN_NUMBER = "an?|" + tp.alt(tp.EN_NUMBER_WORDS)
_EN_DURATION_PARSE = re.compile(
    r"(?:(?P<pre>" + tp.alt(w.replace(" ", r"\s+") for w in tp.EN_HEDGES_BEFORE) + r")\s+)?"
    r"(?:(?P<halfhour>half\s+an\s+hour|half\s*-?\s*hour)"
    r"|(?P<n_half>[0-9]+|" + _EN_NUMBER + r")\s+and\s+a\s+half\s+"
    r"(?P<unit_half>hour|minute|year|month|week|day)s?"
    r"|(?P<n>[0-9]+(?:\.[0-9]+)?|" + _EN_NUMBER + r")\s*(?:-\s*)?"
    r"(?P<unit>hour|minute|year|month|week|day)s?"
    r"(?:\s+and\s+(?:(?P<and_half>a\s+half)|(?P<and_n>[0-9]+|[a-z]+)\s+minutes?))?)"
)
def _relative(kind: str, **where: str) -> dict[str, tuple[str, int]]:
    """Word → (reference, offset) of a rule file of relative words: the anchor's or the context's day, month, year."""
    return {r["word"]: (r["reference"], int(r["offset"])) for r in tp.rules(kind, "word", "reference", "offset")
            if all(r[k] == v for k, v in where.items())}


_EN_REL_DAY = _relative("relative_days_en")
_EN_REL_MONTH_DIR = {"last": -1, "next": 1, "this": 0}
_EN_FULL_MONTHS = {w.lower(): i for i, w in enumerate(tp.EN_FULL_MONTH_NAMES, start=1)}
_ERA_BASE = {r["word"]: int(r["first_year"]) for r in tp.rules("era_names", "word", "first_year")}
_REL_YEAR = _relative("relative_years")
_REL_MONTH = _relative("relative_months")
_REL_DAY = {**_relative("relative_days", form="day"), **_relative("relative_days", form="part_of_day"),
            **_relative("relative_days", form="prefix")}
# hedges, and the lower and upper bounds (2時間超, 1時間余り, more than two hours): the value is the amount stated
_APPROX = re.compile(
    tp.alt(tp.words("duration_hedges", language="ja", approximate="yes"))
    + r"|\b(?:" + tp.alt(tp.words("duration_hedges", language="en", approximate="yes")) + r")\b",
    re.I,
)


def _iso_duration(n: float, unit: str, extra_minutes: int = 0) -> str | None:
    if unit in ("year", "年"):
        return f"P{n:g}Y" if n else None
    if unit == "month" or unit in tp.MONTH_COUNTERS:
        return f"P{n:g}M" if n else None
    if unit in ("week", "週"):
        return f"P{n:g}W" if n else None
    if unit in ("day", "日"):
        return f"P{n:g}D" if n else None
    if unit in ("second", "秒"):
        return f"PT{n:g}S" if n else None
    minutes = n * 60 if unit in ("hour", "時間") else n
    if minutes != int(minutes):  # 15.5 minutes: the seconds kept
        return counts.iso_length({"minute": minutes + extra_minutes})
    minutes = int(minutes) + extra_minutes
    if minutes <= 0:
        return None
    h, m = divmod(minutes, 60)
    return "PT" + (f"{h}H" if h else "") + (f"{m}M" if m else "")


# the half of the clock a part of the day says (午後3時, PM11時10分, 今夜6時 is 18:00, けさ8時)
_PM_DAY_PARTS = frozenset((*tp.words("day_parts", half="pm"), *tp.words("relative_days", half="pm")))
_AM_DAY_PARTS = frozenset((*tp.words("day_parts", half="am"), *tp.words("relative_days", half="am")))


def _hour24(ampm: str | None, h: int) -> int:
    if ampm in _PM_DAY_PARTS and h < 12:
        return h + 12
    if ampm in _AM_DAY_PARTS and h == 12:
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
_ALT_JA_NUMERIC_DATE = re.compile(tp.JA_NUMERIC_DATE)
_ALT_JA_DURATION = re.compile(tp.JA_DURATION)
_ALT_JA_STAY = re.compile(tp.JA_STAY)
_ALT_JA_SECONDS_HUNDREDTHS = re.compile(tp.JA_SECONDS_HUNDREDTHS)
_ALT_JA_COUNT = re.compile(tp.JA_COUNT)
_ALT_EN_COUNT = re.compile(tp.EN_COUNT)
_ALT_EN_TIME_24 = re.compile(tp.EN_TIME_24)
_ALT_JA_YEAR_RANGE = re.compile(tp.JA_YEAR_RANGE)
_ALT_JA_WEEKDAY = re.compile(tp.JA_WEEKDAY)


def _parse_iso(s: str, approx: bool) -> Parsed | None:
    m = _ISO_PARSE.fullmatch(s)
    if m is None:
        return None
    hh, mm = _num(m["hh"]), _num(m["mm"])
    return Parsed("date", "iso_date", year=int(m["y"]), month=int(m["m"]), day=int(m["d"]),
                  hour=hh, minute=mm, minute_given=mm is not None, lang="iso")


_ERA_OF_LETTER = {r["letter"]: r["word"] for r in tp.rules("era_names", "word", "letter")}
_NUMERIC_PARSE = re.compile(
    rf"(?:西暦\s*)?(?:(?P<era>{tp.alt(tp.ERA_NAMES)})(?P<era_n>元|{_N})|(?P<letter>[{''.join(_ERA_OF_LETTER)}])(?P<letter_n>[0-9]{{1,2}})"
    rf"|(?P<y>[0-9]{{4}}|[〇零一二三四五六七八九]{{4}}))(?P<nen>年)?\s*(?P<s1>[/.,・･-])\s*(?P<m>{_N})(?P<gatsu>月)?"
    rf"(?:(?P<s2>[/.,・･-])(?P<d>{_N}))?"
)


def _parse_numeric_date(s: str, approx: bool) -> Parsed | None:
    """2021.7.18, 令和3/7/18, R3.7.18, 2021/07, 2021年/7月: a date or month in figures, its separators agreeing; a
    month alone only after a slash or an era."""
    m = _NUMERIC_PARSE.fullmatch(s)
    if m is None or (m["s2"] is not None and m["s2"] != m["s1"]):
        return None
    if m["d"] is None and m["s1"] != "/" and not m["era"]:
        return None
    era, n = (m["era"], m["era_n"]) if m["era"] else (_ERA_OF_LETTER.get(m["letter"] or ""), m["letter_n"])
    if era:
        count = 1 if n == "元" else kanji_to_int(n)
        if not count:
            return None
        year = _ERA_BASE[era] + count - 1
    else:
        year = kanji_to_int(m["y"])
    month, day = kanji_to_int(m["m"]), kanji_to_int(m["d"]) if m["d"] else None
    if month is None or not 1 <= month <= 12 or (m["d"] is not None and (day is None or not 1 <= day <= 31)):
        return None
    return Parsed("date", "ja_numeric_date", year=year, month=month, day=day, approx=approx, lang="ja")


_EN_WEEKDAY_BEFORE = re.compile(r"(?P<wd>[A-Za-z]+)\.?,?\s+")


def _weekday_before(s: str) -> tuple[int | None, str]:
    """The weekday a calendar writes before a date or a clock (Fri, Sep 20; Thu at 8 am), and the rest."""
    m = _EN_WEEKDAY_BEFORE.match(s)
    if m is None or m["wd"].capitalize() not in _EN_WEEKDAYS:
        return None, s
    rest = s[m.end():]
    return _EN_WEEKDAYS[m["wd"].capitalize()], rest[3:] if rest.startswith("at ") else rest


def _parse_en_date(s: str, approx: bool) -> Parsed | None:
    weekday, s = _weekday_before(s)
    m = _EN_DATE_PARSE.fullmatch(s)
    if m is None:
        return None
    mon = _EN_MONTHS.get((m["mon1"] or m["mon2"] or m["mon3"])[:3].lower())
    day = _num(m["d1"] or m["d2"])
    year = _num(m["y"])
    return Parsed("date", "en_date", year=year, month=mon, day=day, weekday=weekday if day else None, approx=False,
                  lang="en")


def _parse_en_fiscal_year(s: str, approx: bool) -> Parsed | None:
    y = int(_EN_FY_PARSE.fullmatch(s)["y"])
    return Parsed("fiscal", "en_fiscal_year", year=y if y >= 100 else 2000 + y, fiscal=True, lang="en")


_WEEKDAY_RELATIONS = {r["word"]: r["relation"] for r in tp.rules("weekday_relations", "word", "relation", "position")
                      if r["position"] == "before"}
_WEEKDAY_RELATIONS_AFTER = {r["word"]: r["relation"] for r in tp.rules("weekday_relations", "word", "relation", "position")
                            if r["position"] == "after"}


def _parse_en_weekday(s: str, approx: bool) -> Parsed | None:
    """Thursday evening, late Wednesday, last tuesday, Tuesday the 19th."""
    words = s.split()
    day = next(w.capitalize() for w in words if w.capitalize() in _EN_WEEKDAYS)
    relation = next((r for w, r in _WEEKDAY_RELATIONS_AFTER.items() if " ".join(words).lower().endswith(" " + w)),
                    _WEEKDAY_RELATIONS.get(words[0].lower()))
    number = re.search(r"([0-9]{1,2})(?:st|nd|rd|th)$", s)
    rule = "en_weekday" + ("+day" if number else f"+{relation}" if relation else
                           "+part_of_day" if len(words) > 1 else "")
    return Parsed("weekday", rule, weekday=_EN_WEEKDAYS[day], day_check=int(number[1]) if number else None,
                  weekday_rel=relation, lang="en")


def _parse_en_time(s: str, approx: bool) -> Parsed | None:
    weekday, s = _weekday_before(s)
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
    if m["wd"]:
        weekday = _EN_WEEKDAYS[m["wd"].capitalize()]
    return Parsed("date", "en_time" + ("+weekday" if weekday is not None else ""), hour=h, minute=int(m["m"] or 0),
                  minute_given=m["m"] is not None, tz=_EN_ZONES.get(zone), weekday=weekday, lang="en")


def _parse_en_time_24(s: str, approx: bool) -> Parsed | None:
    """1200 GMT, 02:35 JST"""
    m = re.fullmatch(r"([0-9]{1,2}):?([0-9]{2})\s*([A-Z]+)", s)
    return Parsed("date", "en_time_24", hour=int(m[1]), minute=int(m[2]), minute_given=True,
                  tz=_EN_ZONES[m[3].lower()], lang="en")


def _parse_en_duration(s: str, approx: bool) -> Parsed | None:
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


def _parse_en_relative_day(s: str, approx: bool) -> Parsed | None:
    key = " ".join(s.lower().split())
    return Parsed("date", "en_relative_day", day_rel=_EN_REL_DAY[key], lang="en")


def _parse_en_relative_month(s: str, approx: bool) -> Parsed | None:
    word, name = s.lower().split()
    off = _EN_REL_MONTH_DIR[word]
    if name == "year":
        return Parsed("date", "en_relative_year", year_rel=("anchor", off), lang="en")
    if name == "month":
        return Parsed("date", "en_relative_month", month_rel=("anchor", off), lang="en")
    return Parsed("date", "en_relative_named_month", month=_EN_FULL_MONTHS[name], month_dir=off, lang="en")


def _parse_en_month_after_preposition(s: str, approx: bool) -> Parsed | None:
    name = re.search(r"[A-Z][a-z]+\b(?:\s+[0-9]{1,2}(?:st|nd|rd|th)?)?(?:,?\s+[0-9]{4})?$", s)
    m = _EN_DATE_PARSE.fullmatch(s, name.start())
    if m is None:
        return None
    return Parsed("date", "en_month_after_preposition" if m["mon3"] else "en_date",
                  year=_num(m["y"]), month=_EN_MONTHS[(m["mon1"] or m["mon2"] or m["mon3"])[:3].lower()],
                  day=_num(m["d1"] or m["d2"]), lead=name.start(), lang="en")


def _parse_en_year_after_preposition(s: str, approx: bool) -> Parsed | None:
    y = re.search(r"[0-9]{4}$", s)
    return Parsed("date", "en_year_after_preposition", year=int(y.group()), lead=y.start(), lang="en")


def _parse_ja_seconds_hundredths(s: str, approx: bool) -> Parsed | None:
    whole, fraction = s.split("秒")
    return Parsed("duration", "ja_seconds_hundredths", duration=f"PT{int(whole)}.{fraction}S", approx=approx)


def _parse_ja_stay(s: str, approx: bool) -> Parsed | None:
    m = _STAY_PARSE.fullmatch(s)
    nights, days = (None, None) if m is None else (kanji_to_int(m["n"]), kanji_to_int(m["d"]))
    if not nights or not days or days != nights + 1:
        return None
    return Parsed("duration", "ja_stay", duration=_iso_duration(days, "日"), approx=approx)


def _counted(parts: dict[str, float], direction: int | None, rule: str, approx: bool, lang: str) -> Parsed | None:
    """A length (a duration) or, with a direction, a shift from the anchor (family `count`)."""
    if direction is None:
        iso = counts.iso_length(parts)
        return None if iso is None else Parsed("duration", rule, duration=iso, approx=approx, lang=lang)
    return Parsed("count", rule + "+shift", count=(tuple(parts.items()), direction), approx=approx, lang=lang)


def _parse_ja_count(s: str, approx: bool) -> Parsed | None:
    found = counts.parse_ja_count(s)
    return None if found is None else _counted(*found, "ja_duration", approx, "ja")


def _parse_en_count(s: str, approx: bool) -> Parsed | None:
    found = counts.parse_en_count(s)
    if found is None:
        return None if _ALT_EN_DURATION.fullmatch(s) else _parse_en_length(s, approx)
    parsed = _counted(*found, "en_duration", approx, "en")
    grain = counts.en_direction_grain(s) if parsed is not None and parsed.family == "count" else None
    return parsed if grain is None else parsed._replace(count_grain=grain)


def _parse_en_length(s: str, approx: bool) -> Parsed | None:
    """2 mins, 1.5 hrs, two additional minutes; a month, said with an article, where a length stands (for a
    month)."""
    parts = counts.parse_en_length(s)
    iso = None if parts is None else counts.iso_length(parts)
    if iso is None:
        return None
    article = re.match(r"an?\s", s, re.I) is not None
    return Parsed("duration", "en_duration", duration=iso, approx=approx, lang="en", stands="length" if article else "")


def _parse_ja_duration(s: str, approx: bool) -> Parsed | None:
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


def _parse_ja_year_range(s: str, approx: bool) -> Parsed | None:
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


def _parse_ja_weekday(s: str, approx: bool) -> Parsed | None:
    return Parsed("weekday", "ja_weekday", weekday=_JA_WEEKDAYS[s[0]])


# which parser reads a surface: the first whose candidate pattern matches all of it (as published), else Japanese
_SURFACE_PARSERS = (
    (_ALT_ISO, _parse_iso),
    (_ALT_JA_NUMERIC_DATE, _parse_numeric_date),
    (_ALT_EN_DATE, _parse_en_date),
    (re.compile(tp.EN_MONTH_DAY), en.parse_month_day),
    (re.compile(tp.EN_DAY_MONTH), en.parse_day_month),
    (_ALT_EN_FY, _parse_en_fiscal_year),
    (_ALT_EN_WEEKDAY, _parse_en_weekday),
    (_ALT_EN_TIME, _parse_en_time),
    (_ALT_EN_TIME_24, _parse_en_time_24),
    (re.compile(tp.EN_DAY_CLOCK), en.parse_day_clock),
    (_ALT_EN_COUNT, _parse_en_count),
    (_ALT_EN_DURATION, _parse_en_duration),
    (re.compile(tp.EN_LENGTH_MARK), en.parse_length_mark),
    (re.compile(tp.EN_NUMERIC_DATE), en.parse_numeric_date),
    (_ALT_EN_REL_DAY, _parse_en_relative_day),
    (_ALT_EN_REL_MONTH, _parse_en_relative_month),
    (_ALT_EN_PREP_MONTH, _parse_en_month_after_preposition),
    (_ALT_EN_PREP_YEAR, _parse_en_year_after_preposition),
    (_ALT_JA_SECONDS_HUNDREDTHS, _parse_ja_seconds_hundredths),
    (re.compile(tp.EN_WEEKDAY_ABBREVIATION), en.parse_weekday_abbreviation),
    (_ALT_JA_STAY, _parse_ja_stay),
    (_ALT_JA_COUNT, _parse_ja_count),
    (_ALT_JA_DURATION, _parse_ja_duration),
    (_ALT_JA_YEAR_RANGE, _parse_ja_year_range),
    (_ALT_JA_WEEKDAY, _parse_ja_weekday),
)


@lru_cache(maxsize=1 << 16)
def parse_surface(surface: str) -> Parsed | None:
    """Parse one candidate surface; None when it is not a temporal expression after all."""
    s = unicodedata.normalize("NFKC", surface)
    approx = _APPROX.search(s) is not None
    for alt, parse in _SURFACE_PARSERS:
        if alt.fullmatch(surface):
            parsed = parse(s, approx)
            if parsed is None and parse is _parse_en_count:
                continue  # an hour: not a count of this pattern's, the duration pattern reads it
            return parsed
    m = _JA_PARSE.fullmatch(s)
    if m is None or not m.group(0):
        return None
    return _parsed_ja(m, approx)


def _ja_year(m: re.Match[str], rule: list[str]) -> tuple[int | None, tuple[str, int] | None] | None:
    """The year (令和6年, 2024年) or relative year (今年, 前年) of a Japanese date; None for an era year 0."""
    year = year_rel = None
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
    return year, year_rel


def _ja_day(m: re.Match[str], rule: list[str]) -> tuple[int | None, tuple[str, int] | None, int | None] | None:
    """The day (28日), or relative day (翌日, 明(14)日, 翌28日) with the day number it states, of a Japanese date;
    None when a day number is out of range."""
    day = day_rel = day_check = None
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
    return day, day_rel, day_check


# clocks of a day's broadcast or business hours run on past midnight: 24時 is midnight ending the day, 29時 is 5:00
# the next morning
LAST_CLOCK_HOUR_TODAY, LAST_CLOCK_HOUR = 23, 29


def _ja_clock(m: re.Match[str], rule: list[str]) -> tuple[int | None, int | None, bool, bool] | None:
    """Hour, minute, whether the minute was said and whether the clock runs past midnight into the next day
    (深夜25時50分, 24:00), of a Japanese clock time (午後3時半, 10:30, 正午); None when it is not a time of day."""
    hour = minute = None
    minute_given = False
    if m["hh"] is not None:
        h = kanji_to_int(m["hh"])
        mi = 30 if m["half"] else (_num(m["mm"]) or 0)
        if h is None or mi is None:
            return None
        hour, minute = _hour24(m["ampm"] or m["part"] or m["drel"], h), mi
        minute_given = bool(m["half"] or m["mm"])
    elif m["ch"] is not None:
        hour, minute, minute_given = int(m["ch"]), int(m["cm"]), True
    elif m["noon"]:
        hour, minute, minute_given = 12, 0, True
    next_day = hour is not None and LAST_CLOCK_HOUR_TODAY < hour <= LAST_CLOCK_HOUR
    if next_day:
        hour -= 24
    if hour is not None:
        if not (0 <= hour <= 23 and 0 <= minute <= 59):
            return None
        rule.append("time")
    return hour, minute, minute_given, next_day


def _clock_seconds(m: re.Match[str]) -> int | None:
    """The seconds a Japanese clock states (12時59分1秒), when they are those of a minute."""
    ss = _num(m["ss"]) if m["hh"] is not None else _num(m["cs"]) if m["ch"] is not None else None
    return ss if ss is not None and 0 <= ss <= 59 else None


def _parsed_ja(m: re.Match[str], approx: bool) -> Parsed | None:
    month = month_rel = None
    rule = []
    year_part = _ja_year(m, rule)
    if year_part is None:
        return None
    year, year_rel = year_part
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
    day_part = _ja_day(m, rule)
    if day_part is None:
        return None
    day, day_rel, day_check = day_part
    weekday = _JA_WEEKDAYS[m["wd"] or m["wd_on"]] if m["wd"] or m["wd_on"] else None
    clock = _ja_clock(m, rule)
    if clock is None:
        return None
    hour, minute, minute_given, next_day = clock
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
                  minute_given=minute_given, second=_clock_seconds(m), tz=tz, fiscal=bool(m["fy"]) or m["span"] in _FISCAL_SPANS, approx=approx,
                  day_then=bool(m["drelp"]), next_day=next_day)


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
