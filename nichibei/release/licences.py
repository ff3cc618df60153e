"""Which licences recorded in `sources.csv` allow a public release to carry a document's full text."""

from __future__ import annotations

import re
import unicodedata

import polars as pl

# Open licences that allow redistribution of the text, adapted (cleaned of furniture), for any purpose:
# CC0, CC BY and CC BY-SA, public domain, PDDL, ODC-By, ODbL, the Public Data License (Japan) and the
# Government of Japan Standard Terms of Use, which is compatible with CC BY 4.0. Anything else, and an
# empty licence, withholds the text: non-commercial or no-derivatives terms, "all rights reserved".
REDISTRIBUTABLE = re.compile(
    r"(?i)^\s*(?:cc0(?:[- ]1\.0)?|cc[- ]?by(?:[- ]sa)?(?:[- ]\d\.\d)?(?:[- ][a-z]{2,})?|public[- ]domain|"
    r"pddl(?:[- ]1\.0)?|odc[- ]by(?:[- ]1\.0)?|odbl(?:[- ]1\.0)?|pdl[- ]1\.0|公共データ利用規約.*|政府標準利用規約.*)\s*$"
)
MAX_QUOTE_CHARS = 200


def allows_redistribution(licence: str | None) -> bool:
    if not licence:
        return False
    return bool(REDISTRIBUTABLE.match(unicodedata.normalize("NFKC", licence)))


def withhold_texts(tables: dict[str, pl.DataFrame]) -> tuple[dict[str, pl.DataFrame], int]:
    """Tables fit to publish: full texts of documents whose licence does not allow it are withheld.

    Their metadata and offsets stay; pieces of their text longer than a short quotation are nulled and
    quotations (mention surfaces, topic evidence) are cut to `MAX_QUOTE_CHARS`.
    """
    docs = tables["documents"]
    allowed = pl.Series([allows_redistribution(x) for x in docs["license"].to_list()], dtype=pl.Boolean)
    withheld = docs.filter(~allowed)["doc_id"]
    out = dict(tables)
    out["documents"] = docs.with_columns(
        (~allowed).alias("is_text_withheld"),
        pl.when(~allowed).then(pl.lit(None, pl.Utf8)).otherwise(pl.col("text")).alias("text"),
    )
    hit = pl.col("doc_id").is_in(withheld.implode())
    long = pl.col("text").str.len_chars() > MAX_QUOTE_CHARS
    for table in ("segments", "boilerplate"):
        out[table] = tables[table].with_columns(
            pl.when(hit & long).then(pl.lit(None, pl.Utf8)).otherwise(pl.col("text")).alias("text"))
    for table, column in (("mentions", "surface"), ("temporal_mentions", "surface"), ("topics", "evidence")):
        out[table] = tables[table].with_columns(
            pl.when(hit).then(pl.col(column).str.slice(0, MAX_QUOTE_CHARS)).otherwise(pl.col(column)).alias(column))
    return out, withheld.len()
