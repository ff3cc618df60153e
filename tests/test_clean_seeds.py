"""The seeds' gold, exactly: boilerplate lines, body lines kept word for word, datelines, titles."""

from __future__ import annotations

import polars as pl
import pytest

from conftest import RAW, load_gold, rebuild_document_text

GOLD = load_gold()


def _doc(tables, file):
    docs = tables["documents"].filter(pl.col("source_file") == file)
    assert docs.height == 1, f"{file} is not in documents"
    return docs.row(0, named=True)


@pytest.mark.parametrize("gold", GOLD, ids=[g["file"][:3] for g in GOLD])
def test_boilerplate_lines_are_the_gold(seed_tables, gold):
    doc = _doc(seed_tables, gold["file"])
    removed = seed_tables["boilerplate"].filter(pl.col("doc_id") == doc["doc_id"])
    assert sorted(removed["line_no"].to_list()) == gold["boilerplate_lines"]


@pytest.mark.parametrize("gold", GOLD, ids=[g["file"][:3] for g in GOLD])
def test_text_is_the_raw_text_without_the_boilerplate_lines(seed_tables, gold):
    doc = _doc(seed_tables, gold["file"])
    expected = rebuild_document_text((RAW / gold["file"]).read_text(encoding="utf-8"), gold["boilerplate_lines"])
    assert doc["text"] == expected
    assert doc["n_chars"] == len(expected)


@pytest.mark.parametrize("gold", GOLD, ids=[g["file"][:3] for g in GOLD])
def test_removed_pieces_are_the_raw_lines(seed_tables, gold):
    doc = _doc(seed_tables, gold["file"])
    raw_lines = (RAW / gold["file"]).read_text(encoding="utf-8").split("\n")
    for row in seed_tables["boilerplate"].filter(pl.col("doc_id") == doc["doc_id"]).iter_rows(named=True):
        assert row["text"] == raw_lines[row["line_no"] - 1]
        assert row["locator"] is None


@pytest.mark.parametrize("gold", GOLD, ids=[g["file"][:3] for g in GOLD])
def test_published_date_and_its_source(seed_tables, gold):
    doc = _doc(seed_tables, gold["file"])
    assert str(doc["published_date"]) == gold["published_date"]
    assert doc["published_date_source"] == gold["published_date_source"]


@pytest.mark.parametrize("gold", GOLD, ids=[g["file"][:3] for g in GOLD])
def test_title_and_language(seed_tables, gold):
    doc = _doc(seed_tables, gold["file"])
    assert doc["language"] == gold["language"]
    title_segments = seed_tables["segments"].filter((pl.col("doc_id") == doc["doc_id"]) & (pl.col("kind") == "title"))
    if gold["title_line"] is None:
        assert doc["title"] is None and title_segments.height == 0
    else:
        raw_line = (RAW / gold["file"]).read_text(encoding="utf-8").split("\n")[gold["title_line"] - 1]
        assert title_segments["text"].to_list() == [raw_line]
        assert doc["title"] and raw_line.startswith(doc["title"])


def test_seed_rule_names(seed_tables):
    rules = seed_tables["boilerplate"].group_by("rule").len().sort("rule")
    assert dict(rules.iter_rows()) == {
        "author_bio": 1, "back_to_top": 2, "breadcrumb": 1, "category_tag": 2, "dateline": 3,
        "navigation_menu": 1, "ranking_widget": 9, "social_widget": 1,
    }


def test_no_rejections_for_the_seeds(seed_tables):
    assert seed_tables["rejections"].height == 0
