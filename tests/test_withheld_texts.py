"""A public release carries no more of a withheld text than short quotations covering a tenth of it: each withheld
text is rebuilt from every string of every table of a public release of raw/, and what could be rebuilt is measured.
"""

from __future__ import annotations

import polars as pl
import pytest

import schemas

from nichibei.release.licences import MAX_QUOTE_CHARS, MAX_QUOTED_SHARE, _quoted
from nichibei.release.publish import publish

# a string shorter than this is not counted as quoting a text even when it occurs in it (`JP`, `U.S.`)
SHORTEST_QUOTE = 4
# columns of codes and normalised values, not words of the text, though a code may be spelled as a word is
# (`date`, `person`, `security`, `2024`): the enumerations of the schemas, ids, and values a rule computed
NORMALISED = {"value", "rule", "match_kind", "role"}


def _codes(table: str) -> set[str]:
    model = schemas.TABLES[table].to_schema()
    return {name for name, column in model.columns.items()
            if any(check.name == "isin" for check in column.checks)
            or name.endswith(("_id", "_code")) or name in NORMALISED}


@pytest.fixture(scope="module")
def withheld_release(real_tables, tmp_path_factory):
    """A public release of raw/ in which no document's licence allows its text: every text is withheld."""
    docs = real_tables["documents"].with_columns(pl.lit(None, pl.Utf8).alias("license"))
    published = publish(dict(real_tables, documents=docs), tmp_path_factory.mktemp("public"), public=True)
    tables = {p.stem: pl.read_parquet(p) for p in published.path.glob("*.parquet")}
    return real_tables, tables


def _rebuilt(text: str, doc_id: str, tables: dict[str, pl.DataFrame]) -> tuple[bytearray, list[str]]:
    """The code points of `text` that the tables give away, and the quotations longer than allowed."""
    covered, too_long = bytearray(len(text)), []

    def cover(start: int, end: int, value: str) -> None:
        if len(value) > MAX_QUOTE_CHARS:
            too_long.append(value[:60])
        covered[start:end] = b"\x01" * (end - start)

    for name, frame in tables.items():
        key = "doc_id" if "doc_id" in frame.columns else "evidence_doc_id" if "evidence_doc_id" in frame.columns \
            else None
        if key is None:
            continue  # reference data and the meetings' own fields, checked below for long quotations only
        rows = frame.filter(pl.col(key) == doc_id)
        strings = [c for c, t in rows.schema.items() if t == pl.Utf8 and c not in _codes(name)]
        for row in rows.iter_rows(named=True):
            for column in strings:
                value = row[column]
                if not value or len(value) < SHORTEST_QUOTE:
                    continue
                start = row.get("char_start")
                if start is not None and text[start:start + len(value)] == value:
                    cover(start, start + len(value), value)
                    continue
                at = text.find(value)  # a string without its offsets is placed where it first occurs
                if at >= 0:
                    cover(at, at + len(value), value)
    return covered, too_long


def test_every_withheld_text_is_quoted_at_most_a_tenth(withheld_release):
    private, public = withheld_release
    texts = dict(private["documents"].select("doc_id", "text").iter_rows())
    assert public["documents"]["is_text_withheld"].all() and public["documents"]["text"].null_count() == len(texts)
    shares = {}
    for doc_id, text in texts.items():
        covered, too_long = _rebuilt(text, doc_id, public)
        assert too_long == [], (doc_id, too_long)
        shares[doc_id] = sum(covered) / max(len(text), 1)
    worst = max(shares, key=shares.get)
    assert shares[worst] <= MAX_QUOTED_SHARE, (worst, shares[worst])


def test_no_table_holds_a_long_piece_of_a_withheld_text(withheld_release):
    private, public = withheld_release
    texts = private["documents"]["text"].to_list()
    for name, frame in public.items():
        for column, dtype in frame.schema.items():
            if dtype != pl.Utf8:
                continue
            long = frame.filter(pl.col(column).str.len_chars() > MAX_QUOTE_CHARS)[column].unique().to_list()
            assert not [v[:60] for v in long if any(v in t for t in texts)], (name, column)


def test_the_facts_stay_located(withheld_release):
    """Withholding keeps every row and its offsets; most names and dates keep their quotation."""
    private, public = withheld_release
    for table in ("mentions", "temporal_mentions", "topics", "meetings", "meeting_participants", "segments"):
        assert public[table].height == private[table].height, table
    kept = public["mentions"]["surface"].is_not_null().mean()
    assert kept > 0.5, kept
    assert public["segments"]["text"].null_count() == public["segments"].height
    assert public["boilerplate"]["text"].null_count() == public["boilerplate"].height


@pytest.mark.parametrize(("length", "quotes", "kept"), [
    pytest.param(1000, [[(0, 50)], [(100, 150)]], [True, True], id="two-quotes-within-a-tenth"),
    pytest.param(1000, [[(0, 60)], [(100, 160)]], [True, False], id="the-second-would-pass-a-tenth"),
    pytest.param(1000, [[(0, 60)], [(10, 50)], [(30, 70)]], [True, True, True], id="overlaps-count-once"),
    pytest.param(5000, [[(0, 201)], [(300, 500)]], [False, True], id="longer-than-a-quotation"),
    pytest.param(100, [[(0, 0)], [(5, 20)]], [True, False], id="empty-span-quotes-nothing"),
    pytest.param(9, [[(0, 1)]], [False], id="too-short-a-text-for-any-quote"),
    pytest.param(1000, [[(0, 40), (500, 561)], [(600, 640)]], [False, True], id="a-quote-of-two-spans-kept-whole"),
])
def test_quotation_budget(length, quotes, kept):
    assert _quoted(length, quotes) == kept
