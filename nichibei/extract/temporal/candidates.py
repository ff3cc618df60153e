"""Candidate mentions: one vectorised Polars pass of the candidate pattern over all documents."""

from __future__ import annotations

import polars as pl

from nichibei.extract.temporal import patterns as tp

# marks put around each match, so that one pass of the pattern gives the matches and, by the lengths of the text
# between them, their offsets (a mark already in a text is replaced by another control character of one code point)
_MARK, _MARK_STAND_IN = "\x00", "\x01"


def find_candidates(docs: pl.DataFrame | pl.LazyFrame) -> pl.DataFrame:
    """Spans matching the candidate pattern: ``_row`` (input row), ``char_start``, ``char_end``, ``surface``."""
    return (
        docs.lazy()
        .select(pl.col("text").fill_null("").str.replace_all(_MARK, _MARK_STAND_IN, literal=True))
        .with_row_index("_row")
        .select(
            "_row",
            # text, match, text, match, ..., text: the matches are the parts at odd places
            pl.col("text").str.replace_all(tp.CANDIDATE_PATTERN, f"{_MARK}${{0}}{_MARK}").str.split(_MARK).alias("part"),
        )
        .explode("part")
        .with_columns(
            pl.int_range(pl.len()).over("_row").alias("_place"),
            pl.col("part").str.len_chars().cast(pl.Int64).cum_sum().over("_row").alias("char_end"),
        )
        .filter(pl.col("_place") % 2 == 1)
        .select(
            "_row",
            (pl.col("char_end") - pl.col("part").str.len_chars().cast(pl.Int64)).alias("char_start"),
            "char_end",
            pl.col("part").alias("surface"),
        )
        .collect()
    )
