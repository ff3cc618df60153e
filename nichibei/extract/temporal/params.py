"""The knobs of the temporal resolver."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class TemporalParams:
    """Knobs of the resolver.

    tense_window: code points after a mention searched for the tense of its predicate.
    month_tense_penalty: months added to the distance of a month candidate that goes against the tense.
    day_tense_penalty: days added to the distance of a month-day candidate that goes against the tense.
    weekday_tense_penalty: days added to a weekday candidate against the tense (7: the tense always wins).
    day_tense_doubt_days, day_tense_near_days: a month-day the tense puts further than the first from the anchor,
        when the same day lies within the second on the other side, is left without a value.
    time_on_anchor_date: a time with no date in its sentence, or the sentence before, becomes a datetime on the
        anchor date when neither sentence speaks of another day (False: it stays a time).
    japanese_default_zone: the zone of a Japanese clock time with no zone word whose clause names no place
        abroad (Japanese reporting gives Japan time unless it says otherwise); None leaves such a zone unknown.
    gazetteer: a timezones.csv to use instead of the packaged one.
    """

    tense_window: int = 300
    month_tense_penalty: int = 12
    day_tense_penalty: int = 366
    day_tense_doubt_days: int = 300
    day_tense_near_days: int = 60
    weekday_tense_penalty: int = 7
    day_alone_tense_penalty: int = 31
    time_on_anchor_date: bool = True
    japanese_default_zone: str | None = "Asia/Tokyo"
    gazetteer: Path | None = None
