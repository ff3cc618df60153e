"""Resolution of one parsed mention against the anchor date and the context of the text before it."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from zoneinfo import ZoneInfo

from nichibei.extract.temporal import counts, patterns as tp
from nichibei.extract.temporal.context import _Ctx, _remember_date
from nichibei.extract.temporal.params import TemporalParams
from nichibei.extract.temporal.sentences import (
    _meeting_sentence, _same_paragraph, _same_sentence, _sentence_start, _sentences_between,
)
from nichibei.extract.temporal.surface import Parsed
from nichibei.extract.temporal.tense import _tense


_DAY_RANGE_JOIN = re.compile(rf"[ \t　]*(?:{tp.alt(tp.words('range_joiners'))})[ \t　]*")
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


class _Draft:
    """The date a mention is resolving to, step by step: its year, month and day so far, the date once known, the
    rule that says how, and whether the anchor or the context was used."""

    __slots__ = ("year", "month", "day", "date_value", "rule", "used_anchor", "used_context")

    def __init__(self, p: Parsed) -> None:
        self.year, self.month, self.day = p.year, p.month, p.day
        self.date_value: dt.date | None = None
        self.rule = p.rule
        self.used_anchor = self.used_context = False

    @property
    def resolved_by(self) -> str:
        return "anchor" if self.used_anchor else "context" if self.used_context else "explicit"


def _resolve(text, start, end, p: Parsed, anchor, ctx: _Ctx, params: TemporalParams, zone_for,
             pinned: dt.date | None = None, seen: list[tuple[int, int, str, str | None]] | None = None):
    if p.family != "date":
        return _resolve_not_a_date(text, start, end, p, anchor, ctx, params)
    # date family: year / month / day / time in any combination
    w = _Draft(p)
    for step in (_relative_year, _named_month_direction, _relative_month):
        if not step(w, p, anchor, ctx):
            return _unresolved(p, w.rule)
    unresolved = _resolve_date(text, start, end, p, anchor, ctx, params, pinned, w)
    if unresolved is not None:
        return unresolved
    if p.lang == "en" and p.weekday is not None and w.date_value is not None and w.date_value.weekday() != p.weekday:
        return _unresolved(p, w.rule + "+weekday_mismatch")  # Fri, Sep 20 of a year when it is not a Friday
    if p.hour is not None:
        return _resolve_clock(text, start, end, p, anchor, ctx, params, zone_for, seen, w)
    return _date_month_or_year_row(p, ctx, end, w)


def _resolve_not_a_date(text, start, end, p: Parsed, anchor, ctx: _Ctx, params: TemporalParams):
    """A duration, a year range, a fiscal year or a weekday alone."""
    if p.family == "duration":
        shifted = _length_as_shift(text, start, end, p, anchor, params)
        return shifted or ("duration", p.duration, "explicit", None, None, False, None, p.rule)
    if p.family == "count":
        return _count_shift(text, start, p, anchor)
    if p.family == "year_range":
        ctx.year = p.year_end
        return ("year_range", f"{p.year}/{p.year_end}", "explicit", "year", None, False, None, p.rule)
    if p.family == "fiscal":
        ctx.year = p.year
        return ("fiscal_year", str(p.year), "explicit", "year", None, False, None, p.rule)
    if anchor is None:  # weekday
        return ("weekday", None, "unresolved", "day", None, False, None, p.rule)
    if p.weekday_rel is not None or p.day_check is not None:
        return _weekday_related(text, start, end, p, anchor, ctx, params)
    d, tense = _weekday_date(text, start, end, p, anchor, params)
    _remember_date(ctx, d, end)
    return ("weekday", d.isoformat(), "anchor", "day", None, True, None, p.rule + f"+tense_{tense or 'nearest'}")


def _weekday_related(text, start, end, p: Parsed, anchor: dt.date, ctx: _Ctx, params: TemporalParams):
    """last tuesday: the last such day before the anchor's; Tuesday the 19th: the nearest 19th that is a Tuesday
    (the tense decides between one before and one after); wednesday of next week: that day of the week (Monday to
    Sunday) after the anchor's; next Friday, this monday and friday after next stay unresolved, for which week
    they mean is not agreed."""
    if p.day_check is not None:
        cands = []
        for k in range(-12, 13):
            y, m = _shift_month(anchor.year, anchor.month, k)
            d = _valid(y, m, p.day_check)
            if d is not None and d.weekday() == p.weekday:
                cands.append((d, (d - anchor).days))
        d = _pick(cands, _tense(text, end, p.lang, params.tense_window, start), params.weekday_tense_penalty)
    elif p.weekday_rel == "before":
        d = anchor - dt.timedelta(days=(anchor.weekday() - p.weekday) % 7 or 7)
    elif p.weekday_rel.startswith("week"):  # the weekday of the week (Monday to Sunday) before, of or after the anchor's
        d = anchor + dt.timedelta(days=p.weekday - anchor.weekday() + 7 * int(p.weekday_rel[4:]))
    else:
        d = None
    if d is None:
        return ("weekday", None, "unresolved", "day", None, False, None, p.rule)
    _remember_date(ctx, d, end)
    return ("weekday", d.isoformat(), "anchor", "day", None, True, None, p.rule)


def _length_as_shift(text, start, end, p: Parsed, anchor, params: TemporalParams):
    """will meet in a week: a length just after what makes it a shift (rules/count_directions_before.csv) is the
    date that far from the anchor (the first time in 40 years stays a length); None otherwise."""
    if p.lang != "en" or anchor is None:
        return None
    before = text[max(0, start - 60):start]
    direction = next((d for regex, d in counts.SHIFT_BEFORE if regex.search(before)), None)
    shifted = None if direction is None else counts.shift(anchor, counts.parts_of_length(p.duration), direction)
    if shifted is None:
        return None
    value, grain = shifted
    return ({"day": "date"}.get(grain, grain), value, "anchor", grain, None, True, None, p.rule + "+shift_before")


def _count_shift(text: str, start: int, p: Parsed, anchor: dt.date | None):
    """3日前, 1ヶ月半後, three weeks ago: the date, month or year that far from the publication date; unresolved
    when a clock is counted (1時間前: the anchor is a day, not an instant) or an event told before is the start
    (その二日後)."""
    parts, direction = dict(p.count[0]), p.count[1]
    kind = "date" if any(parts.get(u) for u in ("week", "day", "hour", "minute", "second")) else (
        "month" if parts.get("month") or parts.get("year", 0) % 1 else "year")
    if p.lang == "ja" and counts.ja_count_relative_to_context(text, start):
        return (kind, None, "unresolved", None, None, False, None, p.rule + "+context")
    found = None if anchor is None else counts.shift(anchor, parts, direction, p.count_grain)
    if found is None:
        kind = "datetime" if kind == "date" else kind
        return (kind, None, "unresolved", None, None, False, None, p.rule)
    value, grain = found
    kind = {"day": "date"}.get(grain, grain)
    return (kind, value, "anchor", grain, None, True, None, p.rule)


def _relative_year(w: _Draft, p: Parsed, anchor, ctx: _Ctx) -> bool:
    """今年, 昨年, 前年, next year: the year from the anchor (a fiscal year from April) or the context."""
    if p.year_rel is None:
        return True
    ref, off = p.year_rel
    if ref == "anchor" and anchor is not None:
        base = anchor.year
        if p.fiscal and anchor.month < 4:
            base -= 1
        w.year, w.used_anchor = base + off, True
    elif ref == "context" and ctx.year is not None:
        w.year, w.used_context = ctx.year + off, True
    else:
        return False
    return True


def _named_month_direction(w: _Draft, p: Parsed, anchor, ctx: _Ctx) -> bool:
    """last April, next April, this April: the year of the named month before, after or in the anchor's year."""
    if p.month_dir is None:
        return True
    if anchor is None:
        return False
    if p.month_dir < 0:
        w.year = anchor.year if w.month < anchor.month else anchor.year - 1
    elif p.month_dir > 0:
        w.year = anchor.year if w.month > anchor.month else anchor.year + 1
    else:
        w.year = anchor.year
    w.used_anchor = True
    return True


def _relative_month(w: _Draft, p: Parsed, anchor, ctx: _Ctx) -> bool:
    """先月, 今月, 同月, 翌月: the month from the anchor or the context (the previous month: the context's, else,
    when the text has named no month yet, the anchor's)."""
    if p.month_rel is None:
        return True
    ref, off = p.month_rel
    if ref == "context_or_anchor":
        ref = "context" if ctx.month is not None else "anchor"
    if ref == "anchor" and anchor is not None:
        w.year, w.month = _shift_month(anchor.year, anchor.month, off)
        w.used_anchor = True
    elif ref == "context" and ctx.month is not None:
        w.year, w.month = _shift_month(*ctx.month, off)
        w.used_context = True
    else:
        return False
    return True


def _relative_day(w: _Draft, p: Parsed, anchor, ctx: _Ctx):
    """昨日, 同日, 翌日, 明(14)日, the day before: the day from the anchor (or a dated line) or the context; an
    unresolved row when neither gives it or the stated day number disagrees."""
    ref, off = p.day_rel
    if ref == "anchor" and ctx.line_date is not None:
        # a statement dated by a line of its own (February 7, 2025 / … met today): its today is that date
        ref, base = "context", ctx.line_date
        w.rule += "+dated_line"
    else:
        base = anchor if ref == "anchor" else ctx.date
    w.date_value = None if base is None else base + dt.timedelta(days=off)
    if p.day_then and (w.date_value is None or w.date_value.day != p.day_check):
        w.day = p.day_check  # 翌28日 after a date that is not the 27th: the 28th read as a day alone
        w.rule += "+as_day"
    elif w.date_value is None:
        return _unresolved(p, w.rule)
    elif p.day_check is not None and w.date_value.day != p.day_check:
        return _unresolved(p, w.rule + "+day_mismatch")
    else:
        w.used_anchor, w.used_context = ref == "anchor", ref == "context"
    return None


def _resolve_date(text, start, end, p: Parsed, anchor, ctx: _Ctx, params: TemporalParams, pinned, w: _Draft):
    """The date, or the year of a month, of a date-family mention; an unresolved row when it cannot be known."""
    if p.day_rel is not None:
        unresolved = _relative_day(w, p, anchor, ctx)
        if unresolved is not None:
            return unresolved
    if (p.weekday is not None and p.hour is not None and w.day is None and w.month is None and w.year is None
            and p.day_rel is None and anchor is not None):  # 10:50 a.m. Thursday
        w.date_value, tense = _weekday_date(text, start, end, p, anchor, params)
        w.used_anchor = True
        w.rule += f"+tense_{tense or 'nearest'}"
    if w.date_value is None and w.day is not None and w.month is None and pinned is not None:
        w.date_value, w.used_context = pinned, True  # 30日午前11時5分（日本時間5月1日午前0時5分）: the same instant
        w.rule += "+same_instant"
    elif w.date_value is None and w.day is not None:
        if w.month is None:
            resolved = _day_alone(text, start, end, p, anchor, ctx, params, w)
        elif w.year is None:
            resolved = _month_day_without_year(text, start, end, p, anchor, ctx, params, w)
        else:
            w.date_value, resolved = _valid(w.year, w.month, w.day), True
        if not resolved:
            return _unresolved(p, w.rule)
        if w.date_value is None:
            return _unresolved(p, w.rule + "+invalid_date")
    elif w.month is not None and w.year is None:  # a month without a year
        if anchor is not None:
            tense = _tense(text, end, p.lang, params.tense_window, start)
            cands = [((y, w.month), (y - anchor.year) * 12 + w.month - anchor.month)
                     for y in (anchor.year - 1, anchor.year, anchor.year + 1)]
            w.year, _ = _pick(cands, tense, params.month_tense_penalty)
            w.used_anchor = True
            w.rule += f"+tense_{tense or 'nearest'}"
        elif ctx.year is not None:
            w.year, w.used_context = ctx.year, True
        else:
            return _unresolved(p, w.rule)
    return None


def _day_alone(text, start, end, p: Parsed, anchor, ctx: _Ctx, params: TemporalParams, w: _Draft) -> bool:
    """A day alone: the month comes from the last date that stated its month and is not ahead of the anchor (and,
    if it is more than a month before the anchor, stands in the same paragraph), or from the day just before it in
    a range or list (7日から8日); otherwise from the anchor: the nearest such day the tense allows. False when
    nothing gives it."""
    day = w.day
    if (ctx.date is not None and ctx.date.day == day and ctx.date_end >= 0
            and _APPOSITION_GAP.fullmatch(text, ctx.date_end, start)):
        w.date_value, w.used_context = ctx.date, True  # 明日11日, 本日（11日）: the day just named
        w.rule += "+apposition"
    elif ctx.date is not None and ctx.date_end >= 0 and _DAY_RANGE_JOIN.fullmatch(text, ctx.date_end, start):
        # 30日から2日まで: a day before the first one runs into the next month
        y, mo = _shift_month(ctx.date.year, ctx.date.month, 1 if day < ctx.date.day else 0)
        w.date_value = _valid(y, mo, day)
        w.used_context = True
    elif ctx.month_date is not None and (  # a date of long ago lends its month within its own paragraph
        anchor is None or (anchor - ctx.month_date).days <= 31
        or _same_paragraph(text, ctx.month_date_end, start)
    ):
        w.date_value = _valid(ctx.month_date.year, ctx.month_date.month, day)
        w.used_context = True
        if w.date_value is not None and anchor is not None and w.date_value > anchor:
            _not_after_the_report(text, start, end, p, anchor, params, w)
    elif anchor is not None:
        tense = _tense(text, end, p.lang, params.tense_window, start)
        cands = []
        for k in (-1, 0, 1):
            y, mo = _shift_month(anchor.year, anchor.month, k)
            c = _valid(y, mo, day)
            if c is not None:
                cands.append((c, (c - anchor).days))
        w.date_value = _pick(cands, tense, params.day_alone_tense_penalty)
        w.used_anchor = True
    else:
        return False
    return True


def _not_after_the_report(text, start, end, p: Parsed, anchor, params: TemporalParams, w: _Draft) -> None:
    """A past event is not after the report: 30日 in a report of 5月1日 is 4月30日."""
    tense = _tense(text, end, p.lang, params.tense_window, start)
    y, mo = _shift_month(w.date_value.year, w.date_value.month, -1)
    before = _valid(y, mo, w.day)
    if before is not None and tense != "future" and (
            tense == "past" or (anchor - before).days < (w.date_value - anchor).days):
        w.date_value = before
        w.rule += f"+before_report_{tense or 'nearest'}"


def _month_day_without_year(text, start, end, p: Parsed, anchor, ctx: _Ctx, params: TemporalParams,
                            w: _Draft) -> bool:
    """A month and day with no year: the year of the preceding date when it is current (near the anchor) or in
    the same sentence (a historical date earlier in the text does not lend it: 2019年10月22日に即位… Sept. 21 at
    the White House), else the anchor's nearest the tense allows. False when nothing gives it."""
    month, day = w.month, w.day
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
                w.rule += f"+tense_{tense}"
        w.date_value = _pick(cands, None, 0)
        w.used_context = True
    elif anchor is not None:
        tense = _tense(text, end, p.lang, params.tense_window, start)
        cands = [(c, (c - anchor).days) for y in (anchor.year - 1, anchor.year, anchor.year + 1)
                 if (c := _valid(y, month, day)) is not None]
        if p.weekday is not None and any(c.weekday() == p.weekday for c, _ in cands):
            cands = [(c, d) for c, d in cands if c.weekday() == p.weekday]  # 7月28日(日): the year it is a Sunday
            w.rule += "+weekday"
        w.date_value = _pick(cands, tense, params.day_tense_penalty)
        w.used_anchor = True
        w.rule += f"+tense_{tense or 'nearest'}"
        if _tense_in_doubt(cands, w.date_value, params):
            w.date_value = None  # 五月の二日から…訪問 read ahead by a stray present form: a year off, or right
            w.rule += "+in_doubt"
    else:
        return False
    return True


def _tense_in_doubt(cands: list[tuple[dt.date, int]], chosen: dt.date | None, params: TemporalParams) -> bool:
    """The tense sends a month-day most of a year away though the same day lies just the other side of the
    anchor: the tense word is more likely wrong than the speaker a year off, and no day is given."""
    if chosen is None:
        return False
    far = abs(next(d for c, d in cands if c == chosen)) > params.day_tense_doubt_days
    return far and any(abs(d) <= params.day_tense_near_days for c, d in cands if c != chosen)


def _date_of_clock(text, start, end, p: Parsed, anchor, ctx: _Ctx, params: TemporalParams, seen, w: _Draft):
    """The date of a clock time with no date of its own, and how it was found (``resolved_by``), or None."""
    rule = w.rule
    # the date of the event in the same sentence (English: paragraph), or the English dateline's date
    if ctx.date is not None and (_same_sentence(text, ctx.date_end, start)
                                 or p.lang == "en" and _same_paragraph(text, ctx.date_end, start)
                                 and not _ahead_of_past_time(text, start, end, p, ctx.date, anchor, params)):
        return ctx.date, "context"
    if (p.lang == "ja" and ctx.date is not None and (span := _meeting_sentence(text, start)) is not None
            and span[0] <= ctx.date_end <= span[1]):
        w.rule = rule + "+meeting_sentence"
        return ctx.date, "context"  # 会談は午後10時から: the meeting's date
    if (ctx.date is not None and (anchor is None or ctx.date <= anchor)
            and _sentences_between(text, ctx.date_end, start, p.lang, at_most=2) <= (1 if p.lang == "en" else 2)):
        # the day of the sentence before (Thursday evening… / The meeting began at 5 p.m.; 今月13日。…
        # 午前10時30分から): a day already past that the text has just stated
        w.rule = rule + "+previous_sentence"
        return ctx.date, "context"
    if p.lang == "en" and ctx.dateline_date is not None:
        w.rule = rule + "+dateline"
        return ctx.dateline_date, "context"
    if anchor is not None and params.time_on_anchor_date:
        other = _other_day(text, start, end, p, anchor, seen, params)
        if other is None:
            w.used_anchor = True
            return anchor, "anchor"
        w.rule = rule + "+other_day"
        if other is not _UNKNOWN_DAY:
            return other, "context"
    return None, w.resolved_by


def _resolve_clock(text, start, end, p: Parsed, anchor, ctx: _Ctx, params: TemporalParams, zone_for, seen,
                   w: _Draft):
    """A mention with a clock time: a datetime with its zone, or the clock alone when no date or no zone is known."""
    if w.date_value is None and (w.year is not None or w.month is not None):
        return None  # a time after a bare month or year is not a datetime we can state
    date_value, resolved_by = w.date_value, w.resolved_by
    if date_value is None:
        date_value, resolved_by = _date_of_clock(text, start, end, p, anchor, ctx, params, seen, w)
    rule, used_anchor = w.rule, w.used_anchor
    precision = "minute" if p.minute_given else "hour"
    if p.lang == "iso" and p.tz is None:
        tz = None  # a dateline's clock is the publisher's, not the event's
    else:
        tz = zone_for(start, end, p.tz, p.lang)
    if p.hour < 12 and tp.SAME_HALF_PM.search(text[max(0, start - 24):start]):
        p = p._replace(hour=p.hour + 12)
    hm = f"{p.hour:02d}:{p.minute:02d}" + (f":{p.second:02d}" if p.second is not None else "")
    if date_value is None:
        return ("time", hm, "explicit", precision, tz, False, None, rule)
    _remember_date(ctx, date_value, end)
    local = dt.datetime.combine(date_value + dt.timedelta(days=int(p.next_day)), dt.time(p.hour, p.minute, p.second or 0))
    if tz is None:
        # no zone can be known: a datetime without its offset is not stated; the date alone (a dateline's
        # clock) or the clock alone is what the text gives
        if p.lang == "iso":
            return ("date", date_value.isoformat(), resolved_by, "day", None, used_anchor, None, rule + "+no_zone")
        return ("time", hm, "explicit", precision, None, False, None, rule + "+no_zone")
    aware = local.replace(tzinfo=ZoneInfo(tz))
    utc = aware.astimezone(dt.timezone.utc).replace(tzinfo=None)
    return ("datetime", aware.isoformat(), resolved_by, precision, tz, used_anchor, utc, rule)


def _date_month_or_year_row(p: Parsed, ctx: _Ctx, end: int, w: _Draft):
    """The row of a mention with no clock time: a date, a month, a (fiscal) year; None when it says none."""
    resolved_by, used_anchor, rule = w.resolved_by, w.used_anchor, w.rule
    if w.date_value is not None:
        _remember_date(ctx, w.date_value, end)
        return ("date", w.date_value.isoformat(), resolved_by, "day", None, used_anchor, None, rule)
    year, month = w.year, w.month
    if month is not None:
        ctx.year, ctx.month = year, (year, month)
        return ("month", f"{year:04d}-{month:02d}", resolved_by, "month", None, used_anchor, None, rule)
    if year is not None:
        ctx.year = year
        kind = "fiscal_year" if p.fiscal else "year"
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
        # the last breaks in a short stretch first (three of them, so that none is a piece of a break that began
        # before the stretch), else in the whole 1,500 code points
        breaks = [m.end() for m in tp.EN_SENTENCE_BREAK.finditer(text, max(0, start - 300), start)]
        if len(breaks) < 3:
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
