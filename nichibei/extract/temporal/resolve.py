"""Resolution of one parsed mention against the anchor date and the context of the text before it."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from zoneinfo import ZoneInfo

from nichibei.extract.temporal import patterns as tp
from nichibei.extract.temporal.context import _Ctx, _remember_date
from nichibei.extract.temporal.params import TemporalParams
from nichibei.extract.temporal.sentences import (
    _meeting_sentence, _same_paragraph, _same_sentence, _sentence_start, _sentences_between,
)
from nichibei.extract.temporal.surface import Parsed
from nichibei.extract.temporal.tense import _tense


_DAY_RANGE_JOIN = re.compile(r"[ \t　]*(?:から|より|〜|~|～|-|－|–|・|、|,|，|及び|および|と|や)[ \t　]*")
_APPOSITION_GAP = re.compile(r"[ \t　(（]*")


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
