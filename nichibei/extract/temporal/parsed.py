"""What one candidate surface says, before any anchor or context is applied."""

from __future__ import annotations

from typing import NamedTuple


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
    weekday_rel: str | None = None  # last tuesday (before), next Friday (ahead), this monday (this)
    second: int | None = None  # the seconds of a clock that states them (23時59分59秒)
    tz: str | None = None  # an IANA zone, "local" (現地時間) or None
    fiscal: bool = False
    year_end: int | None = None
    duration: str | None = None
    approx: bool = False
    lead: int = 0  # code points to drop from the start of the surface
    lang: str = "ja"
    month_dir: int | None = None  # last/next/this April: the named month before, after or in the anchor's year
    day_then: bool = False  # 翌28日: when the context does not give the 28th, the day is read as a day alone
    count: tuple[tuple[tuple[str, float], ...], int | None] | None = None  # units counted, and the direction
    count_grain: str | None = None  # the grain a direction word fixes (3 years from today: the day)
    # where an English surface that is also a plain word counts (traps.py): "date" after a word a date stands
    # after (on, by, meet), "not_before_word" when no word follows (the 1st), "length" after a word a length
    # stands after (for, in), "day_number" when no word follows the day (may 3, not you may 3 times)
    stands: str = ""
    next_day: bool = False  # a clock past midnight counted on from the day before (25時 is 1:00 the next day)
