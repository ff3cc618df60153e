"""Candidate mentions: one vectorised Polars pass of the candidate pattern over all documents."""

from __future__ import annotations

import polars as pl

from nichibei.extract.temporal import patterns as tp


def find_candidates(docs: pl.DataFrame | pl.LazyFrame) -> pl.DataFrame:
    """Spans matching the candidate pattern: ``_row`` (input row), ``char_start``, ``char_end``, ``surface``."""
    pattern = tp.CANDIDATE_PATTERN
    return (
        docs.lazy()
        .select(pl.col("text").fill_null(""))
        .with_row_index("_row")
        .select(
            "_row",
            pl.col("text").str.extract_all(pattern).alias("surface"),
            pl.col("text").str.extract_all(f"(?s).*?(?:{pattern})").alias("_upto"),
        )
        .explode(["surface", "_upto"])
        .drop_nulls("surface")
        .with_columns(
            pl.col("_upto").str.len_chars().cast(pl.Int64).cum_sum().over("_row").alias("char_end"),
        )
        .with_columns((pl.col("char_end") - pl.col("surface").str.len_chars().cast(pl.Int64)).alias("char_start"))
        .select("_row", "char_start", "char_end", "surface")
        .collect()
    )
