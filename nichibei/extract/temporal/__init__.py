"""Temporal resolver: dates, times and durations in documents → ISO 8601 values with evidence.

In: one row per document (``doc_id``, ``text``, ``anchor_date``). Out: one row per temporal mention
(``TEMPORAL_COLUMNS``): its code-point span in ``text``, the surface as published, a kind, a normalised value and how
it was obtained. Candidates and surface parsing: ``patterns``, ``candidates``, ``surface``; resolution: ``resolve``
(anchors, relative expressions), ``tense``, ``zones``, ``brackets``, ``context``, ``sentences``; the whole pass:
``document``. The vocabulary of both languages is in ``rules/*.csv``.
"""

from nichibei.extract.temporal.candidates import find_candidates
from nichibei.extract.temporal.document import TEMPORAL_COLUMNS, extract_temporal, house_zones
from nichibei.extract.temporal.params import TemporalParams
from nichibei.extract.temporal.sentences import at_head, news_dateline
from nichibei.extract.temporal.numerals import kanji_to_int
from nichibei.extract.temporal.surface import parse_surface
from nichibei.extract.temporal.zones import infer_event_zone, infer_event_zones, load_gazetteer

__all__ = [
    "TEMPORAL_COLUMNS",
    "TemporalParams",
    "at_head",
    "extract_temporal",
    "house_zones",
    "find_candidates",
    "infer_event_zone",
    "infer_event_zones",
    "kanji_to_int",
    "load_gazetteer",
    "news_dateline",
    "parse_surface",
]
