"""What the text has said so far (the last date, month and year), as the mentions after it read it."""

from __future__ import annotations

import datetime as dt

from nichibei.extract.temporal.sentences import _alone_on_line, at_head
from nichibei.extract.temporal.surface import Parsed


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


def _remember_date(ctx: _Ctx, d: dt.date, end: int) -> None:
    ctx.date, ctx.date_end, ctx.year, ctx.month = d, end, d.year, (d.year, d.month)
