"""The extraction stage: temporal mentions, entities, meetings and topics from cleaned documents.

Order of work:

1. temporal mentions, anchored on each document's publication date;
2. entity mentions, with offices looked up at the publication date (with none, at the date of the text's dateline,
   never a date of its prose);
3. meetings as each document reports them; where a document's primary meeting took place on another date than
   its publication, its entity mentions are resolved again at the meeting's date (who held an office is a
   question about the day the text speaks of) and its meetings are found again with them;
4. meetings merged across documents, and topics tagged per segment.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import polars as pl

import schemas
from nichibei.extract.entities.resolve import entities_table, load_reference, offices_table, resolve_entities
from nichibei.extract.meetings.find import MeetingParams, find_doc_meetings, merge_meetings, primary_dates
from nichibei.extract.temporal import at_head, news_dateline, extract_temporal, house_zones
from nichibei.extract.topics.tagging import load_codebook, tag_topics
from nichibei.extract.speakers import find_speakers, with_speakers
from nichibei.rules import load_rules

__all__ = ["ExtractParams", "extract_all", "EXTRACTED_TABLES"]

EXTRACTED_TABLES = ("temporal_mentions", "entities", "offices", "mentions", "speakers", "meetings",
                    "meeting_participants", "meeting_sources", "meeting_field_values", "topics")


@dataclass(frozen=True)
class ExtractParams:
    meetings: MeetingParams = MeetingParams()
    reresolve_at_meeting_date: bool = True


def _home_country(docs: pl.DataFrame) -> pl.Expr:
    """The country of each document's publisher (entities/rules/publisher_countries.csv), or null."""
    expr = pl.lit(None, dtype=pl.Utf8)
    if "publisher" not in docs.columns:
        return expr.alias("home_country")
    for row in reversed(load_rules("nichibei.extract.entities", "publisher_countries", ("word", "country"))):
        expr = pl.when(pl.col("publisher").str.contains(row["word"], literal=True)).then(pl.lit(row["country"])).otherwise(expr)
    return expr.alias("home_country")


def _with_title_span(documents: pl.DataFrame, segments: pl.DataFrame) -> pl.DataFrame:
    titles = (
        segments.filter(pl.col("kind") == "title")
        .group_by("doc_id")
        .agg(pl.col("char_start").min().alias("title_start"), pl.col("char_end").max().alias("title_end"))
    ) if not segments.is_empty() else pl.DataFrame(
        schema={"doc_id": pl.Utf8, "title_start": pl.Int64, "title_end": pl.Int64})
    keep = [c for c in ("doc_id", "text", "published_date", "publisher", "source_url") if c in documents.columns]
    return documents.select(keep).join(titles, on="doc_id", how="left")


def _at_dateline(text: str, start: int, end: int) -> bool:
    """A date standing as the document's dateline: on a short line of its own at the head of the text (2012年5月1日
    朝刊, Published 8:48 AM EDT, April 24, 2014) or in an English news dateline (WASHINGTON, April 10 (Kyodo) --).
    A date in the prose (1960年1月19日に署名された, 2022年12月16日に閣議決定した) is what the text speaks about, never
    the day it speaks on."""
    if at_head(text, start, end):
        # the line holds the date and little else (朝刊, Published, a clock): a headline naming a date is no dateline
        left = text.rfind("\n", 0, start) + 1
        right = text.find("\n", end)
        rest = (text[left:start] + text[end:len(text) if right < 0 else right]).strip()
        return len(rest) <= 12 and not re.match(r"\s*(?:の|に|を|から|まで|of\b)", text[end:end + 4])
    span, _ = news_dateline(text, None) if ("-" in text or "—" in text) else (None, None)
    return span is not None and span[0] <= start and end <= span[1]


def text_reference_dates(temporal: pl.DataFrame, docs: pl.DataFrame | None = None) -> pl.DataFrame:
    """doc_id → the first date the text states in full (year, month and day written out, not resolved against an
    anchor) in its dateline: the date the text speaks of when the document carries no publication date. With
    `docs` (doc_id, text) given, a date in the body's prose does not count."""
    if temporal.is_empty():
        return pl.DataFrame(schema={"doc_id": pl.Utf8, "text_date": pl.Date})
    rows = (
        temporal.filter(pl.col("kind").is_in(["date", "datetime"]) & (pl.col("resolved_by") == "explicit")
                        & pl.col("value").is_not_null())
        .with_columns(pl.col("value").str.slice(0, 10).str.to_date(strict=False).alias("text_date"))
        .filter(pl.col("text_date").is_not_null())
    )
    if docs is not None and rows.height:
        texts = dict(zip(docs["doc_id"].to_list(), docs["text"].to_list()))
        keep = [_at_dateline(texts.get(d) or "", a, b) for d, a, b in
                rows.select("doc_id", "char_start", "char_end").iter_rows()]
        rows = rows.filter(pl.Series(keep, dtype=pl.Boolean))
    return (
        rows.sort("doc_id", "char_start")
        .group_by("doc_id", maintain_order=True)
        .agg(pl.col("text_date").first())
        .select("doc_id", "text_date")
    )


def extract_all(documents: pl.DataFrame, segments: pl.DataFrame,
                params: ExtractParams = ExtractParams()) -> dict[str, pl.DataFrame]:
    """The nine extracted tables, conformed to the schemas.

    documents: doc_id, text, published_date (Date, nullable), optionally publisher and source_url; segments:
    doc_id, seg_no, kind, char_start, char_end, text (the `segments` table).
    """
    docs = _with_title_span(documents, segments)
    docs = docs.with_columns(house_zones(docs))
    temporal = extract_temporal(docs.select("doc_id", "text", pl.col("published_date").alias("anchor_date"),
                                            "house_zone"))
    ref = load_reference()
    offices = offices_table(ref)
    # the date the text speaks of: the publication date, else a date the text states in full
    docs = docs.join(text_reference_dates(temporal, docs.filter(pl.col("published_date").is_null())), on="doc_id", how="left").with_columns(
        pl.coalesce("published_date", "text_date").alias("reference_date"))
    mentions, provisional = resolve_entities(docs.select("doc_id", "text", "reference_date", _home_country(docs)), ref)
    speakers = find_speakers(docs, ref.entities, offices)
    mentions = with_speakers(mentions, speakers, docs)
    doc_meetings = find_doc_meetings(docs, temporal, mentions, offices, params.meetings)

    if params.reresolve_at_meeting_date and doc_meetings:
        dates = (primary_dates(doc_meetings).join(docs.select("doc_id", "reference_date"), on="doc_id")
                 .filter(pl.col("meeting_date").is_not_null()
                         & (pl.col("reference_date").is_null() | (pl.col("meeting_date") != pl.col("reference_date")))))
        if dates.height:
            again = docs.join(dates.select("doc_id", "meeting_date"), on="doc_id")
            redone, prov2 = resolve_entities(
                again.select("doc_id", "text", pl.col("meeting_date").alias("reference_date"), _home_country(again)), ref)
            redone = with_speakers(redone, speakers.join(dates.select("doc_id"), on="doc_id", how="semi"), again)
            ids = dates["doc_id"].implode()
            mentions = pl.concat([mentions.filter(~pl.col("doc_id").is_in(ids)), redone])
            provisional = pl.concat([provisional, prov2]).unique("entity_id", keep="first")
            doc_meetings = [m for m in doc_meetings if m.doc_id not in set(dates["doc_id"])] + find_doc_meetings(
                again, temporal, redone, offices, params.meetings)

    meeting_tables = merge_meetings(doc_meetings)
    topics = tag_topics(segments, load_codebook())
    used = set(mentions["entity_id"].to_list())
    provisional = provisional.filter(pl.col("entity_id").is_in(list(used))) if provisional.height else provisional
    tables = {
        "temporal_mentions": temporal,
        "entities": entities_table(ref, provisional),
        "offices": offices,
        # a name or title that fits nobody at the date stays out: a mention row always names an entity
        "mentions": mentions.filter(pl.col("entity_id").is_not_null())
        .unique(["doc_id", "char_start", "char_end", "entity_id"], keep="first"),
        "speakers": speakers,
        **meeting_tables,
        "topics": topics,
    }
    return {name: schemas.conform(name, tables[name]) for name in EXTRACTED_TABLES}
