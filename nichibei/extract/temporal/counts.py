"""Counts of time units: lengths (1年2ヶ月, 1時間半, two hours and 10 minutes) and shifts from the anchor
(3日前, 1ヶ月半後, three weeks ago, 7 days hence).

A count is one or more pieces, each a number and a unit (rules/count_units.csv), with a fraction said after
the number or before the unit (rules/count_fractions.csv); a direction word after it (rules/count_directions.csv)
makes it a shift from the publication date. A shift resolves at the grain of its smallest unit; one finer than
a day (1時間前) is not resolved, for the anchor is a date and not an instant.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from nichibei.extract.temporal import patterns as tp
from nichibei.extract.temporal.numerals import kanji_to_int

_ROWS = tp.rules("count_units", "word", "unit", "size", "bare")
JA_UNITS = {r["word"]: (r["unit"], float(r["size"])) for r in _ROWS if r["language"] == "ja"}
JA_UNITS.update({f"{w}{tail}": ("month", 1.0) for w in tp.MONTH_COUNTERS for tail in ("間", "")})
EN_UNITS = {r["word"]: (r["unit"], float(r["size"])) for r in _ROWS if r["language"] == "en"}
DIRECTIONS = {r["word"]: int(r["direction"]) for r in tp.rules("count_directions", "word", "direction")}
# a direction word that names the day counted from (3 years from today): the shift is that day, not its year
DIRECTION_GRAIN = {r["word"]: r["grain"] for r in tp.rules("count_directions", "word", "grain") if r["grain"]}
# what, just before a length, makes it a shift (will meet in a week; the first time in 40 years stays a length)
SHIFT_BEFORE = tuple((re.compile(f"(?:{r['pattern']})[ \\t]+$", re.I), int(r["direction"]))
                     for r in tp.rules("count_directions_before", "pattern", "direction"))
_FRACTIONS = tp.rules("count_fractions", "word", "value", "position")
FRACTION_AFTER = {r["word"]: float(r["value"]) for r in _FRACTIONS if r["position"] == "after"}
FRACTION_BEFORE = {(r["language"], r["word"]): float(r["value"]) for r in _FRACTIONS if r["position"] == "before"}
_CONTEXT_BEFORE = re.compile(f"(?:{tp.alt(tp.words('count_context', 'pattern', language='ja'))})$")
_longest_first = tp.longest_first
_JA_BEFORE, _JA_HALF_AFTER, _JA_DIR = tp.JA_FRACTION_BEFORE, tp.JA_FRACTION_AFTER, tp.JA_COUNT_DIRECTION


_JA_PIECE_PARSE = re.compile(
    f"(?P<front>{_JA_BEFORE})?(?P<n>[0-9]+(?:[.][0-9]+)?|[〇零一二三四五六七八九十百千]+)?"
    f"(?P<unit>{_longest_first((*JA_UNITS, '月'))})(?P<half>{_JA_HALF_AFTER})?"
)
_JA_DIR_END = re.compile(f"(?:{_JA_DIR})$")


def _number(s: str) -> float | None:
    if s[0].isdigit():
        return float(s)
    n = kanji_to_int(s)
    return None if n is None else float(n)


def parse_ja_count(s: str) -> tuple[dict[str, float], int | None] | None:
    """The units of a Japanese count and its direction (-1, 1, or None for a length); None when it is not one."""
    body = re.sub(f"^(?:{tp.APPROX_JA})\\s*", "", s)
    found = None if body.endswith("前後") else _JA_DIR_END.search(body)  # 1年前後: about a year
    direction = DIRECTIONS[found.group()] if found else None
    parts: dict[str, float] = {}
    for m in _JA_PIECE_PARSE.finditer(body):
        unit, size = JA_UNITS.get(m["unit"], ("month", 1.0)) if m["unit"] != "月" or m["front"] else (None, 0)
        if unit is None or (m["n"] is None and m["front"] is None):
            continue
        n = _number(m["n"]) if m["n"] else 1.0
        if n is None:
            return None
        n = n * FRACTION_BEFORE[("ja", m["front"])] if m["front"] else n
        n += FRACTION_AFTER[m["half"]] if m["half"] else 0
        parts[unit] = parts.get(unit, 0.0) + n * size
    return (parts, direction) if parts and any(parts.values()) else None


def ja_count_relative_to_context(text: str, start: int) -> bool:
    """その二日後, 会談の3日前: a shift from an event told before it, not from the publication date."""
    return _CONTEXT_BEFORE.search(text, max(0, start - 1), start) is not None


# --- values --------------------------------------------------------------------------------------------------
def _g(n: float) -> str:
    return f"{round(n, 6):g}"


def iso_length(parts: dict[str, float]) -> str | None:
    """An ISO 8601 duration of the units (P1Y2M10D, PT1H30M25S); hours and minutes said together as minutes."""
    minutes = parts.get("hour", 0) * 60 + parts.get("minute", 0)
    seconds = parts.get("second", 0)
    if minutes != int(minutes):
        seconds += (minutes - int(minutes)) * 60
        minutes = int(minutes)
    h, m = divmod(int(minutes), 60)
    date = "".join(f"{_g(parts[u])}{u[0].upper()}" for u in ("year", "month", "week", "day") if parts.get(u))
    clock = (f"{h}H" if h else "") + (f"{m}M" if m else "") + (f"{_g(seconds)}S" if seconds else "")
    if not date and not clock:
        return None
    return "P" + date + ("T" + clock if clock else "")


def parts_of_length(iso: str) -> dict[str, float]:
    """The units of an ISO 8601 length (P1W → week 1, PT1H30M → hour 1, minute 30)."""
    date, _, clock = iso[1:].partition("T")
    parts = {_DATE_UNITS[u]: float(n) for n, u in re.findall(r"([0-9.]+)([YMWD])", date)}
    parts.update({_CLOCK_UNITS[u]: float(n) for n, u in re.findall(r"([0-9.]+)([HMS])", clock)})
    return parts


_DATE_UNITS = {"Y": "year", "M": "month", "W": "week", "D": "day"}
_CLOCK_UNITS = {"H": "hour", "M": "minute", "S": "second"}


def shift(anchor: dt.date, parts: dict[str, float], direction: int, grain: str | None = None
          ) -> tuple[str, str] | None:
    """The date (or month, or year) the count leads to from the anchor, at the grain of its smallest unit (or the
    grain the direction names: from today is a day), with that grain; None when a unit finer than a day, or a part
    of a day, is said."""
    if any(parts.get(u) for u in ("hour", "minute", "second")):
        return None
    months = parts.get("year", 0) * 12 + parts.get("month", 0)
    days = parts.get("week", 0) * 7 + parts.get("day", 0)
    whole = int(months)
    days += round((months - whole) * 30)
    if days != int(days):
        return None
    i = anchor.year * 12 + anchor.month - 1 + direction * whole
    y, m = i // 12, i % 12 + 1
    d = anchor.replace(year=y, month=m, day=min(anchor.day, calendar.monthrange(y, m)[1]))
    d += dt.timedelta(days=direction * int(days))
    if days or parts.get("week") or parts.get("day") or grain == "day":
        return d.isoformat(), "day"
    if parts.get("month") or months % 12:
        return f"{d.year:04d}-{d.month:02d}", "month"
    return f"{d.year:04d}", "year"


# --- English -------------------------------------------------------------------------------------------------
_EN_NUMBERS = {"a": 1, "an": 1, **{r["word"]: int(r["value"]) for r in tp.rules("number_words", "word", "value")}}
_EN_NUM = rf"(?:[0-9]+(?:\.[0-9]+)?|{tp.alt(_EN_NUMBERS)})"
_EN_FRACTIONS = {r["word"]: float(r["value"]) for r in _FRACTIONS if r["language"] == "en" and r["position"] == "after"}
_EN_FRACTIONS_BEFORE = {w: v for (lang, w), v in FRACTION_BEFORE.items() if lang == "en"}
_EN_PIECE_PARSE = re.compile(
    rf"(?:(?P<n>{_EN_NUM})\s+and\s+(?:(?P<k>{_EN_NUM})\s+)?(?P<fr>{tp.alt(_EN_FRACTIONS)})s?(?:\s+of)?\s+"
    rf"|(?:an?\s+)?(?P<fb>{tp.alt(re.escape(w) for w in _EN_FRACTIONS_BEFORE)})(?:\s+(?:of\s+)?an?)?\s+"
    rf"|(?P<m>{_EN_NUM})\s*(?:-\s*)?(?:(?:more|extra|additional)\s+)?)"
    rf"(?P<unit>{_longest_first(EN_UNITS)})s?\b(?:\s+and\s+an?\s+(?P<fa>{tp.alt(_EN_FRACTIONS)}))?"
)
_EN_FRACTION_SAID = re.compile(rf"\b(?:{tp.alt(_EN_FRACTIONS)}|{tp.alt(re.escape(w) for w in _EN_FRACTIONS_BEFORE)})")
_EN_BARE_NUMBER_END = re.compile(rf"\s(?:and\s+)?(?:[0-9]{{1,2}}|{tp.alt(_EN_NUMBERS)})$")
_EN_MINUTES_TAIL = re.compile(rf"hours?\s+(?:and\s+)?(?P<n>[0-9]{{1,2}}|{tp.alt(_EN_NUMBERS)})$")
_EN_DIRECTION = tp.alt(w.replace(" ", r"\s+") for w in DIRECTIONS if w.isascii())
_EN_DIR_END = re.compile(rf"\s(?P<d>{_EN_DIRECTION})$")


def _en_number(s: str) -> float:
    return float(s) if s[0].isdigit() else float(_EN_NUMBERS[s])


def _en_piece(m: re.Match[str]) -> float:
    if m["fb"]:
        return _EN_FRACTIONS_BEFORE[m["fb"]]
    if m["fr"]:
        return _en_number(m["n"]) + _en_number(m["k"] or "a") * _EN_FRACTIONS[m["fr"]]
    return _en_number(m["m"]) + (_EN_FRACTIONS[m["fa"]] if m["fa"] else 0)


_ORDER = ("year", "month", "week", "day", "hour", "minute", "second")


def en_direction_grain(s: str) -> str | None:
    """The grain the direction word at the end of an English count names (3 years from today: day)."""
    found = _EN_DIR_END.search(" ".join(s.lower().split()))
    return DIRECTION_GRAIN.get(" ".join(found["d"].split())) if found else None


def parse_en_length(s: str) -> dict[str, float] | None:
    """The unit of a plain English length of one piece (2 mins, 1.5 hrs, 2 more minutes, a month)."""
    m = _EN_PIECE_PARSE.fullmatch(" ".join(s.lower().split()))
    if m is None:
        return None
    unit, size = EN_UNITS[m["unit"]]
    value = _en_piece(m) * size
    return {unit: value} if value else None


def parse_en_count(s: str) -> tuple[dict[str, float], int | None] | None:
    """The units of an English count and its direction (-1, 1, or None for a length); None when it is not one
    (units said twice or from small to large are a list, not one length: a day, a week)."""
    s = " ".join(s.lower().split())
    found = _EN_DIR_END.search(s)
    direction = DIRECTIONS[" ".join(found["d"].split())] if found else None
    parts: dict[str, float] = {}
    for m in _EN_PIECE_PARSE.finditer(s):
        unit, size = EN_UNITS[m["unit"]]
        if parts and _ORDER.index(unit) <= _ORDER.index(list(parts)[-1]):
            return None
        parts[unit] = _en_piece(m) * size
    tail = _EN_MINUTES_TAIL.search(s)
    if tail and "minute" not in parts:
        parts["minute"] = _en_number(tail["n"])
    elif not found and _EN_BARE_NUMBER_END.search(s):
        return None  # 3 days 20: a number after a count that is not the minutes of an hour
    if not parts or not any(parts.values()):
        return None
    if direction is None and len(parts) == 1 and not tail and not _EN_FRACTION_SAID.search(s):
        return None  # a plain length (two hours, an hour) is the duration pattern's; a second term is no length
    return parts, direction
