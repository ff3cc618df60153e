"""Parsing the English surfaces read in any case: month names and ordinals (march 3, the 15th of february, third
day of october), numeric dates in US order (2/15, 10/31/74), a day with its clock (tomorrow at 5pm, Thursday 8:00
gmt, 9 tomorrow morning), weekday abbreviations alone (thu) and the marks of a unit (2m, 2', 1/2 h).

Where a surface that is also a plain word counts (a lower-case may or sat, a bare 2m) is said by ``Parsed.stands``
and checked against the text around it in ``traps.py``.
"""

from __future__ import annotations

import re

from nichibei.extract.temporal import patterns as tp
from nichibei.extract.temporal.counts import iso_length
from nichibei.extract.temporal.parsed import Parsed

_MONTHS = {r["word"][:3].lower(): int(r["month"]) for r in tp.rules("month_names", "word", "month", "form")
           if r["form"] == "full"}
_AMBIGUOUS_MONTHS = {w.lower() for w in tp.words("month_names", ambiguous="yes")}
_WEEKDAYS = {r["word"].lower(): int(r["weekday"]) for r in tp.rules("weekdays", "word", "weekday")
             if r["language"] == "en"}
_ORDINALS = {" ".join(r["word"].lower().replace("-", " ").split()): int(r["value"])
             for r in tp.rules("ordinal_words", "word", "value")}
_REL_DAYS = {r["word"]: (r["reference"], int(r["offset"])) for r in tp.rules("relative_days_en", "word", "reference",
                                                                               "offset") if r["reference"] == "anchor"}
_DAY_AND_PART = {r["word"]: (int(r["offset"]), r["half"]) for r in tp.rules("day_parts_en", "word", "offset", "half")}
_PART_HALF = {r["word"]: r["half"] for r in tp.rules("day_parts", "word", "half") if r["language"] == "en"}
_REL_MONTHS = {r["word"]: (r["reference"], int(r["offset"]))
               for r in tp.rules("relative_months_en", "word", "reference", "offset")}
_MARK_UNITS = {r["word"]: r["unit"] for r in tp.rules("length_marks", "word", "unit")}
_FRACTIONS_BEFORE = {r["word"]: float(r["value"]) for r in tp.rules("count_fractions", "word", "value", "position")
                     if r["language"] == "en" and r["position"] == "before"}
_ZONES = {r["word"].lower(): r["tz_name"] for r in tp.rules("zone_abbreviations", "word", "tz_name")}
# a two-digit year: this century up to this pivot, the last one from it (10/31/74 is 1974)
TWO_DIGIT_YEAR_PIVOT = 50


def _day_number(word: str) -> int | None:
    """15, 15th, third, twenty-first: the day of the month it says."""
    digits = re.fullmatch(r"([0-9]{1,2})(?:st|nd|rd|th)?", word, re.I)
    if digits:
        return int(digits[1])
    return _ORDINALS.get(" ".join(word.lower().replace("-", " ").split()))


def _month(word: str) -> int | None:
    """A month by the first three letters of its name, which every abbreviation keeps (Sept. → sep)."""
    return _MONTHS.get(word.rstrip(".")[:3].lower())


def _ambiguous(word: str) -> bool:
    """A month name written in lower case that is also a word (may, march): it counts only beside a day number."""
    return word.rstrip(".").islower() and word.rstrip(".").lower() in _AMBIGUOUS_MONTHS


_MONTH_DAY_PARSE = re.compile(
    rf"(?:(?P<wd>{tp.EN_WEEKDAY_ANY})\.?,?\s+)?(?P<mon>{tp.EN_MONTH_ANY})\s*(?:the\s+)?(?P<d>{tp.EN_DAY_ORD})(?:,?\s+(?P<y>[0-9]{{4}}))?")


def parse_month_day(s: str, approx: bool) -> Parsed | None:
    """march 3, march first, march third 2015, Wed, Feb13."""
    m = _MONTH_DAY_PARSE.fullmatch(s)
    if m is None:
        return None
    month, day = _month(m["mon"]), _day_number(m["d"])
    if month is None or day is None or not 1 <= day <= 31:
        return None
    return Parsed("date", "en_date", year=int(m["y"]) if m["y"] else None, month=month, day=day,
                  weekday=_WEEKDAYS[m["wd"].lower()] if m["wd"] else None, lang="en",
                  stands="day_number" if _ambiguous(m["mon"]) else "")


_DAY_MONTH_PARSE = re.compile(
    rf"(?P<the>the\s+)?(?P<d>{tp.EN_DAY_ORD})"
    r"(?:(?:\s+day)?\s+of\s+(?:(?P<rel>(?:the\s+)?[A-Za-z]+\s+month)|(?P<mon1>[A-Za-z]+\.?))|\s*(?P<mon2>[A-Za-z]+\.?))?"
    r"(?:,?\s+(?P<y>[0-9]{4}))?", re.I)


def parse_day_month(s: str, approx: bool) -> Parsed | None:
    """the 15th of february, 15th february, 14april 2015, third day of october, 20th of next month, on the 15th."""
    m = _DAY_MONTH_PARSE.fullmatch(s)
    day = None if m is None else _day_number(m["d"])
    if day is None or not 1 <= day <= 31:
        return None
    word = m["mon1"] or m["mon2"]
    lead = len(m["the"] or "") if word or m["rel"] else 0  # the 15th of february: the mention is 15th of february
    if m["rel"]:
        rel = _REL_MONTHS.get(" ".join(m["rel"].lower().split()))
        return None if rel is None else Parsed("date", "en_day_of_relative_month", month_rel=rel, day=day, lang="en",
                                                         lead=lead)
    if word:
        month = _month(word)
        if month is None:
            return None
        return Parsed("date", "en_date", year=int(m["y"]) if m["y"] else None, month=month, day=day, lang="en",
                      lead=lead, stands="day_number" if _ambiguous(word) else "")
    if m["y"] or not m["the"]:
        return None
    # a day alone: the 1st stands where no word follows it; the first, 15th where a date stands (on the first)
    marked = m["the"] and m["d"][0].isdigit()
    return Parsed("date", "en_day_alone", day=day, lang="en", stands="not_before_word" if marked else "date")


_NUMERIC_PARSE = re.compile(r"(?P<m>[0-9]{1,2})\s*[/.-]\s*(?P<d>[0-9]{1,2})(?:[/.-](?P<y>[0-9]{4}|[0-9]{2}))?")


def parse_numeric_date(s: str, approx: bool) -> Parsed | None:
    """2/15, 2 - 15, 10/31/1974, 10-31-74, 10.31.1974: month first; a day past 12 first is not read (15/2)."""
    m = _NUMERIC_PARSE.fullmatch(s)
    if m is None or not 1 <= int(m["m"]) <= 12 or not 1 <= int(m["d"]) <= 31:
        return None
    year = None
    if m["y"]:
        year = int(m["y"])
        if len(m["y"]) == 2:
            year += 2000 if year < TWO_DIGIT_YEAR_PIVOT else 1900
    return Parsed("date", "en_numeric_date", year=year, month=int(m["m"]), day=int(m["d"]), lang="en",
                  stands="" if year else "date")


def parse_weekday_abbreviation(s: str, approx: bool) -> Parsed | None:
    """thu, sat., sun: a weekday where a date stands."""
    return Parsed("weekday", "en_weekday", weekday=_WEEKDAYS[s.rstrip(".").lower()], lang="en", stands="date")


def parse_length_mark(s: str, approx: bool) -> Parsed | None:
    """2m, 2 m, 2', 1", 1/2 h: a length where a length stands (for 2m)."""
    m = re.fullmatch(r"(?P<n>[0-9]+/[0-9]+|[0-9]+(?:\.[0-9]+)?)\s*(?P<mark>.+)", s)
    n = _FRACTIONS_BEFORE.get(m["n"]) if "/" in m["n"] else float(m["n"])
    unit = _MARK_UNITS.get(m["mark"])
    if not n or unit is None:
        return None
    return Parsed("duration", "en_duration+mark", duration=iso_length({unit: n}), lang="en", stands="length",
                  count=(((unit, n),), None))


_CLOCK_PARSE = re.compile(
    r"(?:(?P<h>[0-9]{1,2})(?::(?P<m>[0-9]{2}))?\s*(?P<ap>a\.m\.|p\.m\.|am|pm)|(?P<hc>[0-9]{1,2}):(?P<mc>[0-9]{2})"
    r"|(?P<hh>[0-9]{1,2})h(?P<mh>[0-9]{2})?|(?P<ho>[0-9]{1,2})\s+o['’]clock"
    rf"|(?P<hm>[0-9]{{3,4}})(?:{tp.alt(tp.words('duration_hedges', language='en', position='clock'))})|(?P<hb>[0-9]{{1,2}}))"
    r"(?:\s*(?P<z>[A-Za-z]+))?", re.I)
_DAY_CLOCK_PARSE = (
    re.compile(rf"(?P<day>{tp.EN_CLOCK_DAY}),?\s+(?:(?:at|for)\s+|@\s*)?(?P<clock>{tp.EN_CLOCK}|[0-9]{{1,2}})"),
    re.compile(rf"(?:at\s+|@\s*)?(?P<clock>{tp.EN_CLOCK}|[0-9]{{1,2}}),?\s+(?:(?:on|for)\s+)?(?P<day>{tp.EN_CLOCK_DAY})"),
)


def _clock(s: str, half: str | None) -> tuple[int, int, bool, str | None, bool] | None:
    """Hour, minute, whether the minute was said, the zone and whether it is hedged (150ish) of a clock; None when
    its hour cannot be known (a bare 5 with no part of the day and no zone)."""
    m = _CLOCK_PARSE.fullmatch(s)
    if m is None or m["z"] and m["z"].lower() not in _ZONES:
        return None
    zone = _ZONES[m["z"].lower()] if m["z"] else None
    if m["ap"]:
        h, minute = int(m["h"]), int(m["m"] or 0)
        if not 0 <= h <= 12:
            return None
        h = h % 12 + (12 if m["ap"].lower().startswith("p") else 0)
        return h, minute, m["m"] is not None, zone, False
    if m["hm"]:
        h, minute = int(m["hm"][:-2]), int(m["hm"][-2:])
    else:
        h = int(m["hc"] or m["hh"] or m["ho"] or m["hb"])
        minute = int(m["mc"] or m["mh"] or 0)
        if (m["ho"] or m["hb"]) and half is None and zone is None:
            return None
    if half == "pm" and 1 <= h < 12:
        h += 12
    elif half == "am" and h == 12:
        h = 0
    if not (0 <= h <= 23 and 0 <= minute <= 59):
        return None
    return h, minute, bool(m["mc"] or m["mh"] or m["hm"]), zone, bool(m["hm"])


def _day(s: str) -> tuple[dict, str | None] | None:
    """What the day of a clock says (tomorrow morning, tonight, Saturday, Fri, Sep 20, 4/25) as fields of a
    ``Parsed``, and the half of the day its part of the day tells."""
    words = " ".join(s.lower().split())
    if words in _DAY_AND_PART:
        offset, half = _DAY_AND_PART[words]
        return {"day_rel": ("anchor", offset)}, half
    head, _, part = words.rpartition(" ")
    half = _PART_HALF.get(part) if head else None
    if half is None or part not in _PART_HALF:
        head = words
    if head in _REL_DAYS:
        return {"day_rel": _REL_DAYS[head]}, half
    if head.rstrip(".") in _WEEKDAYS:
        return {"weekday": _WEEKDAYS[head.rstrip(".")]}, half
    date = parse_numeric_date(s, False) if s[0].isdigit() else parse_month_day(s, False)
    if date is None:
        return None
    return {"year": date.year, "month": date.month, "day": date.day, "weekday": date.weekday}, None


def parse_day_clock(s: str, approx: bool) -> Parsed | None:
    """tomorrow at 5pm, this afternoon at 2, 8 tonight, Thursday 8h00 gmt, at 7:30 PM on Fri, Sep 20: the day and
    its clock as one mention (the day alone when the clock's hour cannot be known)."""
    for regex in _DAY_CLOCK_PARSE:
        m = regex.fullmatch(s)
        day = None if m is None else _day(m["day"])
        if day is not None:
            break
    else:
        return None
    fields, half = day
    clock = _clock(m["clock"], half)
    if clock is None and set(fields) == {"weekday"}:
        return Parsed("weekday", "en_weekday+no_clock", lang="en", **fields)
    if clock is None:
        return Parsed("date", "en_day_clock+no_clock", lang="en", **fields)
    hour, minute, minute_given, zone, hedged = clock
    lead = re.match(r"(?:at\s+|@\s*)?", s).end()  # at 9am on Saturday: the mention is the clock and its day
    return Parsed("date", "en_day_clock", hour=hour, minute=minute, minute_given=minute_given, tz=zone,
                  approx=approx or hedged, lang="en", lead=lead, **fields)
