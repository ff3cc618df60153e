"""Collective expressions for a meeting's participants (両首脳, 四閣僚, the two leaders): their words are in
`rules/collective.csv`."""

from __future__ import annotations

import re

import polars as pl

from nichibei.extract.entities.match_rules import collective_pattern


COLLECTIVE_SCHEMA: dict[str, pl.DataType] = {
    "doc_id": pl.Utf8(),
    "char_start": pl.Int64(),
    "char_end": pl.Int64(),
    "surface": pl.Utf8(),
}


_COLLECTIVE = re.compile(collective_pattern())


def find_collective_mentions(docs: pl.DataFrame) -> pl.DataFrame:
    """Collective expressions for the meeting's participants (両首脳, 四閣僚, the two leaders) with offsets; the
    meeting stage resolves them to its principals."""
    rows: dict[str, list] = {k: [] for k in COLLECTIVE_SCHEMA}
    for doc_id, text in docs.select("doc_id", "text").iter_rows():
        for m in _COLLECTIVE.finditer(text or ""):
            rows["doc_id"].append(doc_id)
            rows["char_start"].append(m.start())
            rows["char_end"].append(m.end())
            rows["surface"].append(m.group(0))
    return pl.DataFrame(rows, schema=COLLECTIVE_SCHEMA)
