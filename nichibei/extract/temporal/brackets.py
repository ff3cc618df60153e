"""A clock time in brackets after another, with its own zone word: the same instant told in another zone."""

from __future__ import annotations

import datetime as dt
import re
from zoneinfo import ZoneInfo

from nichibei.extract.temporal.context import _Ctx
from nichibei.extract.temporal.params import TemporalParams
from nichibei.extract.temporal.resolve import _resolve, _valid
from nichibei.extract.temporal.surface import parse_surface, Parsed


_BRACKET_GAP = re.compile(r"[ \t　]*[(（][ \t　]*")


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
