"""Segments (title, headings, paragraphs, list items) and the language of each, for all documents at once.

Language is told by script: Japanese is written in kana and kanji, English in Latin letters. A segment is
Japanese when its kana and kanji are at least a third as many as its Latin letters (a Japanese sentence
that names "The Honorable Lloyd Austin" stays Japanese; an English paragraph that quotes 石破茂 stays
English). A document is `mixed` when each language holds a substantial share of its letters.
"""

from __future__ import annotations

from dataclasses import dataclass

import polars as pl

JAPANESE_CHARS = r"[\p{Hiragana}\p{Katakana}\p{Han}]"
LATIN_LETTERS = r"[A-Za-z]"


@dataclass(frozen=True)
class SegmentParams:
    ja_to_latin_ratio: float = 1 / 3   # kana+kanji per Latin letter for a segment to be Japanese
    mixed_share: float = 0.15          # share of letters each language needs for a `mixed` document
    max_heading_chars: int = 80


def segment_language(text: pl.Expr, params: SegmentParams = SegmentParams()) -> pl.Expr:
    norm = text.str.normalize("NFKC")
    ja = norm.str.count_matches(JAPANESE_CHARS)
    latin = norm.str.count_matches(LATIN_LETTERS)
    return (
        pl.when((ja + latin) == 0).then(pl.lit("und"))
        .when(ja.cast(pl.Float64) >= latin.cast(pl.Float64) * params.ja_to_latin_ratio).then(pl.lit("ja"))
        .otherwise(pl.lit("en"))
    )


def build_segments(units: pl.DataFrame, params: SegmentParams = SegmentParams()) -> pl.DataFrame:
    """Segments from the kept units of `clean.clean_documents` (blank units are not segments)."""
    kind = (
        pl.when(pl.col("is_title")).then(pl.lit("title"))
        # a parsed format (Markdown) says what each block is
        .when(pl.col("block_kind").is_not_null()).then(pl.col("block_kind"))
        .when((pl.col("is_list_item") | pl.col("is_numbered")) & pl.col("is_sentence")).then(pl.lit("list_item"))
        .when(~pl.col("is_sentence") & (pl.col("n_chars") <= params.max_heading_chars)).then(pl.lit("heading"))
        .otherwise(pl.lit("paragraph"))
    )
    return (
        units.filter(~pl.col("is_blank"))
        .sort("doc_id", "unit_no")
        .with_columns(
            pl.int_range(1, pl.len() + 1).over("doc_id").cast(pl.Int64).alias("seg_no"),
            kind.alias("kind"),
            segment_language(pl.col("text"), params).alias("language"),
        )
        .select("doc_id", "seg_no", "kind", "language", "char_start", "char_end", "text")
    )


def document_language(segments: pl.DataFrame, params: SegmentParams = SegmentParams()) -> pl.DataFrame:
    """`ja`, `en` or `mixed` per document, weighing segments by their letters."""
    letters = pl.col("text").str.normalize("NFKC").str.count_matches(rf"{JAPANESE_CHARS}|{LATIN_LETTERS}")
    share = (
        segments.with_columns(letters.alias("letters"))
        .group_by("doc_id")
        .agg(
            pl.col("letters").filter(pl.col("language") == "ja").sum().alias("ja"),
            pl.col("letters").filter(pl.col("language") == "en").sum().alias("en"),
        )
        .with_columns((pl.col("ja") + pl.col("en")).alias("total"))
    )
    return share.select(
        "doc_id",
        pl.when((pl.col("total") > 0)
                & (pl.col("ja") >= pl.col("total") * params.mixed_share)
                & (pl.col("en") >= pl.col("total") * params.mixed_share)).then(pl.lit("mixed"))
        .when(pl.col("en") > pl.col("ja")).then(pl.lit("en"))
        .otherwise(pl.lit("ja"))
        .alias("language"),
    )
