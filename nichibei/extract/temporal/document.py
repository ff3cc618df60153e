"""Temporal resolver: dates, times and durations in documents → ISO 8601 values with evidence.

``extract_temporal`` takes one row per document (``doc_id``, ``text``, ``anchor_date``) and returns one row per
temporal mention with its code-point span in ``text``, the surface as published, a kind, a normalised value
and how the value was obtained (``resolved_by`` and ``rule``).

How it works
------------
1. Candidates: one vectorised Polars pass over all documents with a single regular expression
   (``patterns.CANDIDATE_PATTERN``). ``str.extract_all`` is run twice, once with the pattern and once
   with ``(?s).*?(?:pattern)``: both scan leftmost-first and return the same matches in the same order, the second
   with the text that precedes each match, so the code-point offsets are cumulative sums of ``len_chars`` —
   never byte offsets.
2. Parsing: each distinct surface is parsed once (NFKC form; memoised), in Python.
3. Resolution: per document, in text order, so that 同日, 翌日, the day before or a time take their date from the
   mention before them (``context``); relative expressions use the anchor date (``anchor``), and the tense of the
   predicate that follows picks the direction (past/future) for a weekday, a day alone or a month without a year.
   Nothing relative is guessed without an anchor or a context: such a mention keeps ``value`` null.

   - A day alone (28日, 二十八日) takes its month from the last date that stated its month and is not ahead of
     the anchor (来月10日 or an announced visit lends nothing; a date more than a month before the anchor lends
     only within its paragraph), or from the day before it in a range (7日から8日); otherwise from the anchor.
   - A time with no date takes the date of its sentence; in English, of its paragraph; in a Japanese sentence
     whose topic is a bare meeting noun (会談は…), the date of the sentence reporting that meeting; else the day
     the sentence before stated (English: one sentence back, across a paragraph break; Japanese: up to two,
     for a one-phrase sentence such as 今月13日。), when that day is not after the anchor; else the date of the
     news dateline (``PALM BEACH, Florida, April 17 (Kyodo) --``, ``NEW YORK--``); else the anchor date, but only
     when neither its sentence nor the one before speaks of another day: a word such as 前日, 昨日, 昨夜, 先週,
     先月, yesterday, last week, the day before (anywhere in the two sentences), or a date, weekday, month or year
     mentioned before it in them that is not the publication day's. Then the time takes the one past day they
     name (…met yesterday and will meet again tomorrow. The talks began at 3 p.m.), else it stays a ``time``
     (rule ``+other_day``). A day ahead of the report (来月10日, tomorrow) is such a day only for a time that is
     not told in the past tense (首相は来月10日に訪米する。午後3時、記者団に語った。 is the publication date),
     and in English it lends its date to no past-tense time later in the paragraph.
   - Parts of the day: けさ, 今朝, 今夜, 今晩 are the anchor's date; a part of the day after a date (16日午後,
     13日夜, 13日深夜, Thursday evening, late Wednesday) is one mention, a date; with a clock time after it
     (17日未明の午前4時, けさ8時15分) one datetime. 正午 is 12:00, 午前零時 00:00.
   - Parts of a month (5月末, 今月末, 7月上旬, 1月中旬, 9月下旬) are the month; 年内 and 月内 the anchor's year and
     month (not after a count: 10年内, 3カ月内). A stay (1泊2日) is a duration of its days, never a date.
   - A day alone whose month comes from the text is not after the report when its predicate is past (30日 in a
     report of 5月1日 is 4月30日). A time in brackets after another, with its own zone word
     (30日午前11時5分（日本時間5月1日午前0時5分）, 7:45 p.m. local time (8:45 p.m. Japan time)), is the same
     instant: the bracket fixes the date of a day alone before it, takes its own date within a day of the first
     one's, and lends no month or date to what follows. A time with no day of its own before such a bracket
     takes the date of the bracket's instant in its own zone (現地時間午後1時40分（日本時間17日午前2時40分） in
     Washington is the 16th), never the bracket's calendar day; a bracket that is not the same instant gives none.
   - English dates in any case and in figures (march 3, the 15th of february, 2/15 in US order, on the 15th, 20
     of next month) and a clock with its day (tomorrow at 5pm, Thursday 8h00 gmt, 9 tomorrow morning) are one
     mention each (``surface_en``); a word that is also a plain word (may, march, sat, a bare 2m) counts only
     where a date or a length stands (``traps``).
   - English tense: the nearest modal or past form before the mention in its clause (…will meet … on January 13;
     met on Wednesday), else the first after it; was scheduled to / were to give none; a date with a month and
     day taken from the text's last date still respects the tense (an announced event is not before the report).
   - No anchor: a full date on a short line at the head of the text (a dateline the cleaning kept: 2012年5月1日
     朝刊, Published 8:48 AM EDT, April 24, 2014) stands in for it; what it resolves is ``context``, rule
     ``+head_date``, with ``anchor_date`` null.

Zones: a zone word names its zone: 日本時間 and JST are Asia/Tokyo; 米東部時間, ET, local time and 現地時間 as
the gazetteer says. A zone word after the time, behind a bracket or a comma, counts as its own (2:55 p.m. (local
time; …), 7 a.m. Friday, Japan time, 午後3時（日本時間）); agencies' 24-hour clocks carry theirs (1200 GMT,
02:35 JST), and a colon time on an English line is read as English. Without one, the zone is that of the place
the text puts the event in (``infer_event_zone``; gazetteer in ``nichibei/data/timezones.csv``): a city or a
venue with its locative, a visit (訪米中, visit to Tokyo), a 【ワシントン時事】 prefix — in the time's own clause
(Japanese: or the sentence of the meeting a 会談は… sentence refers to, or the sentence before in its paragraph);
English: its sentence, else the English dateline, else the place the document names most.

- Japan time (``TemporalParams.japanese_default_zone``) only for a Japanese clock time when nothing places the
  event abroad: not its clause, not the meeting sentence or the sentence before, and — unless its sentence tells
  of a call or a video conference (電話会談, テレビ会議), which Japanese reporting gives in Japan time — not the
  place the whole document puts its events in. 現地時間 and English times never take it.
- A country alone gives no zone when it has several (訪米, 米国で, a visit to the United States): only a city or
  a venue there does (ワシントン, ホワイトハウス, Camp David). A place abroad whose zone is not known, or places
  that disagree, likewise give none — and they block the Japan default.
- No zone can be known: a datetime is never stated without its UTC offset, so the clock is given as kind
  ``time`` (``HH:MM``, rule ``+no_zone``); a dateline's clock gives its date.

Durations: a stated bound (2時間超, 1時間余り, 1時間以上, more than two hours, over an hour) gives the amount
stated as ``value`` — a lower bound, not the length — and is marked ``is_approximate``, as hedged amounts
(約, およそ, about) are.
"""

from __future__ import annotations

import datetime as dt
import re

import polars as pl

from nichibei.extract.temporal.brackets import _BRACKET_GAP, _bracket_instant, _pinned_by_bracket, _same_instant
from nichibei.extract.temporal.candidates import find_candidates
from nichibei.extract.temporal.context import _Ctx, _remember_date, _update_context
from nichibei.extract.temporal import patterns as tp
from nichibei.extract.temporal.params import TemporalParams
from nichibei.extract.temporal.resolve import _resolve
from nichibei.extract.temporal.sentences import (
    _CJK, _clause_around, _en_sentence_around, _line_of, _meeting_sentence_zone, news_dateline, _REMOTE_JA,
    _sentence_around, _sentence_start,
)
from nichibei.extract.temporal.surface import Parsed, parse_surface, _zone_after
from nichibei.extract.temporal.tense import _tense
from nichibei.extract.temporal.traps import _is_trap
from nichibei.extract.temporal.zones import _event_zone, _event_zones, _known


TEMPORAL_COLUMNS: dict[str, pl.DataType] = {
    "doc_id": pl.Utf8(),
    "char_start": pl.Int64(),
    "char_end": pl.Int64(),
    "surface": pl.Utf8(),
    "kind": pl.Utf8(),
    "value": pl.Utf8(),
    "resolved_by": pl.Utf8(),
    "precision": pl.Utf8(),
    "tz_name": pl.Utf8(),
    "anchor_date": pl.Date(),
    "value_utc": pl.Datetime("us", "UTC"),
    "is_approximate": pl.Boolean(),
    "rule": pl.Utf8(),
}


def _zone_finder(text: str, params: TemporalParams, doc_zone: str | None, dateline_zone: str | None,
                 house_zone: str | None = None):
    """The zone of a clock time in ``text``, as a function of its span, its own zone and its language.
    ``house_zone``: the zone the publisher tells every unmarked Japanese time in (NHK: Japan time)."""

    def zone_for(start: int, end: int, tz: str | None, lang: str) -> str | None:
        """Zone of a clock time: its own word (日本時間), else the place its clause (Japanese: or the meeting a
        会談は… sentence refers to; English: its sentence or the dateline) puts the event in, else the one place the
        whole document puts events in (venues, visits, places with a locative: ワシントンで, in Tokyo). A place
        abroad whose zone is not known (訪米中, 米国で) or places that disagree give no zone. A Japanese time with
        none of these is Japan time (``japanese_default_zone``); 現地時間 and English times then have no zone."""
        if tz is not None and tz != "local":
            return tz
        if lang == "ja" and tz is None and house_zone is not None:
            return house_zone  # 岸田総理大臣は、ワシントンで午前11時から: in NHK's reports, Japan time all the same
        if lang == "ja":
            z = _event_zone(_clause_around(text, start, end), params.gazetteer, strong_only=True)
            if z is None:
                z = _meeting_sentence_zone(text, start, params.gazetteer)
            if z is None and not _REMOTE_JA.search(_sentence_around(text, start, end)):
                # 横浜で、3度目の会談が開かれた。午前10時30分から約1時間。: the sentence before in its paragraph
                s0 = _sentence_start(text, start)
                if s0 > 0 and text[s0 - 1] != "\n":
                    z = _event_zone(text[_sentence_start(text, s0 - 1):s0], params.gazetteer, strong_only=True)
                # a call or a video conference (電話会談は…, テレビ会議で) is told in Japan time in Japanese reporting
                if z is None and not _REMOTE_JA.search(text, _sentence_start(text, max(s0 - 1, 0)), end):
                    z = doc_zone
            if z is None and tz != "local":
                return params.japanese_default_zone
            return _known(z)
        z = _event_zone(_en_sentence_around(text, start, end), params.gazetteer, strong_only=True)
        return _known(z or dateline_zone or doc_zone)

    return zone_for


# a part of the day just before an English clock without a.m. or p.m.: this afternoon at 3:20 is 15:20
_EN_PM_BEFORE = re.compile(rf"\b(?:{tp.alt(tp.words('day_parts', language='en', half='pm'))})[ \t]+(?:at[ \t]+|@[ \t]*)?$",
                           re.I)


def _half_from_day_part(text: str, start: int, p: Parsed) -> Parsed:
    if p.hour is not None and 1 <= p.hour < 12 and _EN_PM_BEFORE.search(text, max(0, start - 20), start):
        return p._replace(hour=p.hour + 12, rule=p.rule + "+part_of_day")
    return p


def _mention_at(text: str, start: int, end: int, surface: str) -> tuple[int, str, Parsed] | None:
    """The parsed mention of a candidate (its start and surface without a dropped lead), or None for a trap; a
    clock time with no zone of its own takes the zone word after it, and on an English line is read as English."""
    p = parse_surface(surface)
    if p is None:
        return None
    if p.lead:
        start, surface = start + p.lead, surface[p.lead:]
    if _is_trap(text, start, end, p):
        return None
    if p.hour is not None and p.tz is None:
        if p.lang == "ja" and p.rule == "ja_time" and not _CJK.search(_line_of(text, start, end)):
            p = p._replace(lang="en", rule="en_clock_time")  # 14:30 on an English line: not Japanese reporting
            p = _half_from_day_part(text, start, p)
        p = _zone_after(text, end, p)
    return start, surface, p


def _day_of_bracket_instant(text, end, p: Parsed, row: tuple, nxt, ref, ctx: _Ctx, params: TemporalParams,
                            zone_for, seen) -> tuple:
    """現地時間午後1時40分（日本時間17日午前2時40分）: a time with no day of its own takes the day of the bracket's
    instant in its own zone (16日 in Washington), never the bracket's calendar day."""
    kind, value, resolved_by, precision, tz, used_anchor, utc, rule = row
    if not (kind in ("datetime", "time") and tz is not None and p.hour is not None and p.day is None
            and p.month is None and p.year is None and p.day_rel is None and p.weekday is None):
        return row
    told = _bracket_instant(text, end, nxt, ref, ctx, params, zone_for, seen)
    if told is None:
        return row
    kind2, value2, utc2, rule2 = _same_instant((None, None, "UTC", told), p, tz, kind, value, utc, rule)
    if not rule2.endswith("+same_instant"):
        return row
    _remember_date(ctx, dt.date.fromisoformat(value2[:10]), end)
    return kind2, value2, "context", precision, tz, False, utc2, rule2


def _same_instant_as_last(p: Parsed, row: tuple, last) -> tuple:
    """A clock time in brackets after another, with its own zone word: the date that makes it the same instant."""
    kind, value, resolved_by, precision, tz, used_anchor, utc, rule = row
    if not (last[3] is not None and tz is not None and p.hour is not None and (
            p.year is None and p.month is None and p.month_rel is None and p.day_rel is None)):
        return row
    kind, value, utc, rule = _same_instant(last, p, tz, kind, value, utc, rule)
    if rule.endswith("+same_instant"):
        resolved_by, used_anchor = "context", False
    return kind, value, resolved_by, precision, tz, used_anchor, utc, rule


def _resolve_doc(text: str, anchor: dt.date | None, spans: list[tuple[int, int, str]], params: TemporalParams,
                 out: list[tuple], doc_zone: str | None, house_zone: str | None = None) -> None:
    ctx = _Ctx()
    dateline_span, dateline_zone = news_dateline(text, params.gazetteer) if "-" in text or "—" in text else (None, None)
    zone_for = _zone_finder(text, params, doc_zone, dateline_zone, house_zone)
    last: tuple[int, str, str | None, dt.datetime | None] | None = None  # end, kind, zone, UTC of the last time
    seen: list[tuple[int, int, str, str | None]] = []  # start, end, kind, value of the mentions so far
    for i, (start, end, surface) in enumerate(spans):
        mention = _mention_at(text, start, end, surface)
        if mention is None:
            continue
        start, surface, p = mention
        nxt = spans[i + 1] if i + 1 < len(spans) else None
        # with no anchor, a full date at the head of the text (a dateline the cleaning kept) stands in for it
        ref = anchor if anchor is not None else ctx.head_date
        # a clock time in brackets after another one, with its own zone word, is the same instant told in another
        # zone: it may move the date by a day, it does not become the context of what follows
        same_instant = (last is not None and p.hour is not None and p.tz is not None
                        and _BRACKET_GAP.fullmatch(text, last[0], start) is not None)
        saved = ctx.snapshot() if same_instant else None
        pinned = _pinned_by_bracket(text, end, p, nxt, ref, ctx)
        row = _resolve(text, start, end, p, ref, ctx, params, zone_for, pinned, seen)
        if row is None:
            continue
        row = _day_of_bracket_instant(text, end, p, row, nxt, ref, ctx, params, zone_for, seen)
        if same_instant:
            row = _same_instant_as_last(p, row, last)
        kind, value, resolved_by, precision, tz, used_anchor, utc, rule = row
        if used_anchor and anchor is None:  # the head date was used
            resolved_by, used_anchor, rule = "context", False, rule + "+head_date"
        if saved is not None:
            ctx.restore(saved)
        else:
            _update_context(text, start, end, p, kind, value, resolved_by, anchor, ref, pinned, ctx, dateline_span)
        last = (end, kind, tz, utc) if kind in ("datetime", "time") else None
        out.append((start, end, surface, kind, value, resolved_by, precision, tz,
                    anchor if used_anchor else None, utc, p.approx, rule))
        seen.append((start, end, kind, value))


def _empty() -> pl.DataFrame:
    return pl.DataFrame(schema=TEMPORAL_COLUMNS)


def _document_zones(docs: pl.DataFrame, cand: pl.DataFrame, params: TemporalParams) -> dict[int, str | None]:
    """The zone each document puts its events in, by input row: needed only where a clock time was found."""
    timed = (
        cand.lazy()
        .filter(pl.col("surface").str.contains(r"時|正午|[0-9０-９][:：][0-9０-９]|[0-9](?:\s*)(?:[ap]\.m\.|[AaPp][Mm])"))
        .select(pl.col("_row").unique())
        .collect()["_row"]
        .to_list()
    )
    return dict(zip(timed, _event_zones(docs["text"].gather(timed), params.gazetteer, True, True) if timed else []))


def extract_temporal(docs: pl.DataFrame, params: TemporalParams = TemporalParams()) -> pl.DataFrame:
    """One row per temporal mention in ``docs`` (columns ``doc_id``, ``text``, ``anchor_date``, optionally
    ``house_zone``: the zone of the publisher's unmarked Japanese times, from ``house_zones``).

    Output columns and types: ``TEMPORAL_COLUMNS``; sorted by (doc_id, char_start, char_end);
    ``text[char_start:char_end] == surface`` for every row.
    """
    if docs.height == 0:
        return _empty()
    _tense.cache_clear()  # a tense is remembered within one batch of documents, never across batches
    cand = find_candidates(docs.select("text"))
    if cand.height == 0:
        return _empty()
    doc_ids = docs["doc_id"].to_list()
    texts = docs["text"].to_list()
    anchors = docs["anchor_date"].to_list() if "anchor_date" in docs.columns else [None] * docs.height
    houses = docs["house_zone"].to_list() if "house_zone" in docs.columns else [None] * docs.height

    zones = _document_zones(docs, cand, params)
    rows_col = cand["_row"].to_list()
    starts, ends, surfaces = cand["char_start"].to_list(), cand["char_end"].to_list(), cand["surface"].to_list()
    out_doc: list[str] = []
    records: list[tuple] = []
    i, n = 0, len(rows_col)
    while i < n:
        r = rows_col[i]
        j = i
        while j < n and rows_col[j] == r:
            j += 1
        before = len(records)
        _resolve_doc(texts[r] or "", anchors[r], list(zip(starts[i:j], ends[i:j], surfaces[i:j])), params, records, zones.get(r),
                    houses[r])
        out_doc.extend([doc_ids[r]] * (len(records) - before))
        i = j
    if not records:
        return _empty()
    cols = list(zip(*records))
    frame = pl.DataFrame(
        {
            "doc_id": out_doc,
            "char_start": cols[0],
            "char_end": cols[1],
            "surface": cols[2],
            "kind": cols[3],
            "value": cols[4],
            "resolved_by": cols[5],
            "precision": cols[6],
            "tz_name": cols[7],
            "anchor_date": cols[8],
            "value_utc": cols[9],
            "is_approximate": cols[10],
            "rule": cols[11],
        },
        schema={**TEMPORAL_COLUMNS, "value_utc": pl.Datetime("us")},
    ).with_columns(pl.col("value_utc").dt.replace_time_zone("UTC"))
    return frame.sort("doc_id", "char_start", "char_end", maintain_order=True)


def house_zones(docs: pl.DataFrame) -> pl.Expr:
    """The zone a publisher tells its unmarked Japanese clock times in (`rules/house_conventions.csv`: NHK writes
    Japan time unless it says 現地時間), from the document's ``publisher`` or ``source_url``; null for the rest."""
    zone: pl.Expr = pl.lit(None, dtype=pl.Utf8)
    for r in reversed(tp.rules("house_conventions", "field", "pattern", "zone")):
        if r["field"] in docs.columns:
            zone = pl.when(pl.col(r["field"]).fill_null("").str.contains(r["pattern"])).then(pl.lit(r["zone"])) \
                .otherwise(zone)
    return zone.alias("house_zone")
