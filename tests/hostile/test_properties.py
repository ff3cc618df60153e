"""Arbitrary text through the cleaners and the Markdown reader: no exception, every offset points at its text."""

from __future__ import annotations

import polars as pl
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nichibei.clean.classify import clean_documents
from nichibei.clean.segments import build_segments
from nichibei.ingest.front_matter import FrontMatterError, parse_front_matter
from nichibei.ingest.markdown import render_blocks

PIECES = st.sampled_from(["---", "title: x", "date: 2021-01-01", "# ", "- ", "* ", "\\###", "```", "<div>", "</p>",
                          "<!--", "\u00a0", "\u3000", "  ", "\n", "\n\n", "[a](b)", "**", "_", "日米首脳会談", "。",
                          "The leaders met.", "2024年7月31日", "○岸田国務大臣　", "|", ">", "\r\n"])
TEXTS = st.lists(st.one_of(PIECES, st.text(max_size=12)), max_size=40).map("".join)


@given(TEXTS)
@settings(max_examples=300, deadline=None)
def test_the_markdown_reader_never_fails(text):
    for unit in render_blocks(text):
        assert "\n" not in unit["text"] and unit["text"] == unit["text"].strip(" \t") and unit["line"] >= 0
    try:
        parse_front_matter(text)
    except FrontMatterError:
        pass


@given(st.lists(st.tuples(st.sampled_from(["text", "html", "markdown"]), TEXTS), min_size=1, max_size=4))
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_cleaning_never_fails_and_offsets_point_at_the_text(batch):
    docs = pl.DataFrame({"doc_id": [f"d{i}" for i in range(len(batch))], "format": [f for f, _ in batch],
                         "raw_text": [t for _, t in batch]})
    cleaned = clean_documents(docs)
    texts = dict(cleaned.documents.select("doc_id", "text").iter_rows())
    for doc_id, start, end, text in build_segments(cleaned.units).select(
            "doc_id", "char_start", "char_end", "text").iter_rows():
        assert texts[doc_id][start:end] == text
