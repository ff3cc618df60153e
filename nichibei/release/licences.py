"""Which licences recorded in `sources.csv` allow a public release to carry a document's full text, and what a
public release keeps of a document whose text it withholds: short quotations that locate facts, never more than
a tenth of the text."""

from __future__ import annotations

import re
import unicodedata

import polars as pl

# Open licences that allow redistribution of the text, adapted (cleaned of furniture), for any purpose:
# CC0, CC BY and CC BY-SA, public domain, PDDL, ODC-By, ODbL, the Public Data License (Japan) and the
# Government of Japan Standard Terms of Use, which is compatible with CC BY 4.0; a note in brackets may follow
# (`Public domain (U.S. Government work)`). Anything else, and an empty licence, withholds the text:
# non-commercial or no-derivatives terms, "all rights reserved".
REDISTRIBUTABLE = re.compile(
    r"(?i)^\s*(?:cc0(?:[- ]1\.0)?|cc[- ]?by(?:[- ]sa)?(?:[- ]\d\.\d)?(?:[- ](?!nc|nd)[a-z]{2,})?|public[- ]domain|"
    r"pddl(?:[- ]1\.0)?|odc[- ]by(?:[- ]1\.0)?|odbl(?:[- ]1\.0)?|pdl[- ]1\.0|公共データ利用規約.*|政府標準利用規約.*)"
    r"\s*(?:\(.*\))?\s*$"
)
# Texts that the law leaves free to reproduce, cited by their statute: works of the US Government
# (17 U.S.C. 105), political speeches in public and in the Diet (Copyright Act of Japan, Art. 40(1)), and laws,
# notices and court decisions (Art. 13).
FREE_BY_STATUTE = re.compile(
    r"(?i)\b17\s*U\.?\s*S\.?\s*C\.?\s*§*\s*105\b|copyright act of japan\W+art(?:icle|\.)?\s*(?:40\s*\(\s*1\s*\)|13\b)"
    r"|著作権法\s*第?\s*(?:40\s*条\s*第?\s*1\s*項|13\s*条)"
)
MAX_QUOTE_CHARS = 200
MAX_QUOTED_SHARE = 0.10

# The quotations kept of a withheld text, most useful first: its title, the names, the speaker marks, the dates
# and times, the matched topic words. (table, the quoting column, columns that only repeat part of the quote)
QUOTATIONS = (
    ("mentions", "surface", ("role_detail",)),
    ("speakers", "surface", ("name_as_written", "title_as_written")),
    ("temporal_mentions", "surface", ()),
    ("topics", "evidence", ()),
)
FULL_TEXTS = ("segments", "boilerplate")


def allows_redistribution(licence: str | None) -> bool:
    if not licence:
        return False
    folded = unicodedata.normalize("NFKC", licence)
    return bool(REDISTRIBUTABLE.match(folded) or FREE_BY_STATUTE.search(folded))


def _quoted(length: int, quotes: list[list[tuple[int, int]]]) -> list[bool]:
    """Which quotations (in order of use; each one or more spans) may stay: every span at most `MAX_QUOTE_CHARS`,
    all together covering at most `MAX_QUOTED_SHARE` of a text of `length` code points (kept whole or not at all)."""
    budget = int(length * MAX_QUOTED_SHARE)
    covered = bytearray(max(length, 0))
    used, keep = 0, []
    for spans in quotes:
        spans = [(max(a, 0), min(b, length)) for a, b in spans]
        spans = [(a, b) for a, b in spans if b > a]  # an empty span quotes nothing
        if any(b - a > MAX_QUOTE_CHARS for a, b in spans):
            keep.append(False)
            continue
        new = len({i for a, b in spans for i in range(a, b) if not covered[i]})
        if used + new > budget:
            keep.append(False)
            continue
        for a, b in spans:
            covered[a:b] = b"\x01" * (b - a)
        used += new
        keep.append(True)
    return keep


def _first(text: str, value: str | None) -> list[tuple[int, int]]:
    """Where a string given without offsets first stands in the text (nowhere: it quotes nothing of it)."""
    at = text.find(value) if value else -1
    return [(at, at + len(value))] if at >= 0 else []


def _title_spans(tables: dict[str, pl.DataFrame], withheld: pl.Series) -> dict[str, tuple[int, int]]:
    titles = tables["segments"].filter(pl.col("doc_id").is_in(withheld.implode()) & (pl.col("kind") == "title"))
    return {d: (a, b) for d, a, b in titles.group_by("doc_id").agg(pl.col("char_start").min(),
                                                                    pl.col("char_end").max()).iter_rows()}


def _quotation_plan(tables: dict[str, pl.DataFrame], withheld: pl.Series) -> tuple[set[str], dict[str, pl.Series]]:
    """The withheld documents whose title stays, and per quoting table a mask of the rows whose quotation stays."""
    docs = tables["documents"].filter(pl.col("doc_id").is_in(withheld.implode()))
    texts = {d: t or "" for d, t in docs.select("doc_id", "text").iter_rows()}
    titles = _title_spans(tables, withheld)
    per_doc: dict[str, list[tuple[list[tuple[int, int]], str, int]]] = {d: [] for d in texts}
    for d, title in docs.select("doc_id", "title").iter_rows():
        per_doc[d].append(([titles[d]] if d in titles else _first(texts[d], title), "", -1))
    for table, column, parts in QUOTATIONS:
        frame = tables[table].with_row_index("_row").filter(pl.col("doc_id").is_in(withheld.implode())
                                                             & pl.col(column).is_not_null())
        for d, a, b, row, *values in frame.sort("doc_id", "char_start", "char_end").select(
                "doc_id", "char_start", "char_end", "_row", *parts).iter_rows():
            extra = [span for v in values for span in _first(texts[d], v) if not (a <= span[0] and span[1] <= b)]
            per_doc[d].append(([(a, b), *extra], table, row))
    kept_titles: set[str] = set()
    kept_rows: dict[str, list[int]] = {table: [] for table, _, _ in QUOTATIONS}
    for d, items in per_doc.items():
        for (_, table, row), keep in zip(items, _quoted(len(texts[d]), [spans for spans, _, _ in items])):
            if keep and table == "":
                kept_titles.add(d)
            elif keep:
                kept_rows[table].append(row)
    masks = {}
    for table, _, _ in QUOTATIONS:
        rows = pl.Series(kept_rows[table], dtype=pl.UInt32)
        masks[table] = tables[table].with_row_index("_row").select(pl.col("_row").is_in(rows.implode()))["_row"]
    return kept_titles, masks


def withhold_texts(tables: dict[str, pl.DataFrame]) -> tuple[dict[str, pl.DataFrame], int]:
    """Tables fit to publish: full texts of documents whose licence does not allow it are withheld.

    Their metadata and offsets stay; their segments and boilerplate lose their text, and of the quotations that
    locate facts (the title, mention surfaces, speaker marks, dates, topic words) only those of at most
    `MAX_QUOTE_CHARS` stay, in that order of use, until they cover `MAX_QUOTED_SHARE` of the text.
    """
    docs = tables["documents"]
    allowed = pl.Series([allows_redistribution(x) for x in docs["license"].to_list()], dtype=pl.Boolean)
    withheld = docs.filter(~allowed)["doc_id"]
    kept_titles, masks = _quotation_plan(tables, withheld)
    out = dict(tables)
    out["documents"] = docs.with_columns(
        (~allowed).alias("is_text_withheld"),
        pl.when(~allowed).then(pl.lit(None, pl.Utf8)).otherwise(pl.col("text")).alias("text"),
        pl.when(~allowed & ~pl.col("doc_id").is_in(pl.Series(sorted(kept_titles), dtype=pl.Utf8).implode()))
        .then(pl.lit(None, pl.Utf8)).otherwise(pl.col("title")).alias("title"),
    )
    hit = pl.col("doc_id").is_in(withheld.implode())
    for table in FULL_TEXTS:
        out[table] = tables[table].with_columns(
            pl.when(hit).then(pl.lit(None, pl.Utf8)).otherwise(pl.col("text")).alias("text"))
    for table, column, parts in QUOTATIONS:
        frame = tables[table].with_columns(masks[table].alias("_kept"))
        out[table] = frame.with_columns(
            pl.when(hit & ~pl.col("_kept")).then(pl.lit(None, pl.Utf8)).otherwise(pl.col(c)).alias(c)
            for c in (column, *parts)).drop("_kept")
    return out, withheld.len()
