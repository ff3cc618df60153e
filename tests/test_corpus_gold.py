"""The real corpus against its hand-read gold (`nichibei/data/gold/corpus-gold.jsonl`): what is read exactly.

Publication dates and the furniture lines of every gold document are tested exactly; the meetings are scored
in the release's quality report, where the figures are published as they are.
"""

from __future__ import annotations

import polars as pl
import pytest

from conftest import RAW, load_corpus_gold

GOLD = load_corpus_gold()


@pytest.fixture(scope="module")
def documents(real_tables) -> dict[str, dict]:
    return {row["source_file"]: row for row in real_tables["documents"].iter_rows(named=True)}


@pytest.mark.parametrize("gold", GOLD, ids=lambda g: g["file"][:40])
def test_publication_date(documents, gold):
    assert str(documents[gold["file"]]["published_date"]) == gold["published_date"]


# Lines the gold leaves in the body that the release removes, each with its rule: the gold lists the front
# matter and a page's closing `###` of its Markdown pages, and missed these two shapes of the same furniture.
NOT_IN_GOLD = {
    ("wh/2022-09-26-readout-of-vice-president-harriss-meeting-with-prime-minister-kishida-of-japan.md", 49):
        "end_mark",  # `\# \# \#`, the closing mark spaced out
    ("wh/2024-11-15-joint-statement-of-japan-the-republic-of-korea-and-the-united-states.md", 21): "separator",
    ("wh/2024-11-15-joint-statement-of-japan-the-republic-of-korea-and-the-united-states.md", 191): "separator",
}


@pytest.mark.parametrize("gold", [g for g in GOLD if g.get("boilerplate_lines") is not None],
                         ids=lambda g: g["file"][:40])
def test_furniture_lines(real_tables, documents, gold):
    doc = documents[gold["file"]]
    raw_lines = (RAW / gold["file"]).read_text(encoding="utf-8").split("\n")
    removed = dict(real_tables["boilerplate"].filter(pl.col("doc_id") == doc["doc_id"])
                   .select("line_no", "rule").iter_rows())
    furniture = {n for n in gold["boilerplate_lines"] if raw_lines[n - 1].strip()}
    extra = {(gold["file"], n): rule for n, rule in removed.items() if raw_lines[n - 1].strip() and n not in furniture}
    assert furniture <= set(removed)
    assert extra == {key: rule for key, rule in NOT_IN_GOLD.items() if key[0] == gold["file"]}


def test_every_document_has_a_title_and_a_date(real_tables):
    docs = real_tables["documents"].filter(pl.col("source_file").str.contains("/"))
    assert docs.height == 263
    assert docs.filter(pl.col("title").is_null() | pl.col("published_date").is_null()).height == 0


def test_the_scorer_counts_the_release_against_the_gold(real_tables):
    """The figures the quality report publishes; a wrong date is a missing meeting and a false positive."""
    from nichibei.release.scoring import score

    tallies = score(real_tables, GOLD)
    overall = tallies["all"]
    assert (overall.documents, overall.dates_right) == (120, 120)
    assert overall.required == 34  # gold meetings that are not optional
    assert {"source:wh", "source:diet", "type:summit", "type:phone_call"} <= set(tallies)
    broken = {**real_tables, "meetings": real_tables["meetings"].with_columns(pl.lit(None, pl.Date).alias("date_local"))}
    assert overall.true_positives > 0 and score(broken, GOLD)["all"].true_positives == 0


def test_wrong_values_are_listed_apart_from_misses(real_tables):
    """A wrong city is a wrong value of a meeting found, not a miss; the quality report lists both."""
    from nichibei.release.scoring import gold_problems

    before = gold_problems(real_tables, GOLD)
    broken = {**real_tables, "meetings": real_tables["meetings"].with_columns(pl.lit("Atlantis").alias("city"))}
    after = gold_problems(broken, GOLD)
    assert after["missing"] == before["missing"] and after["unexpected"] == before["unexpected"]
    cities = [w for w in after["wrong_values"] if w["field"] == "city"]
    assert cities and all(w["release"] == "Atlantis" for w in cities)
    assert {(w["file"], w["field"]) for w in before["wrong_values"]} < {(w["file"], w["field"]) for w in after["wrong_values"]}
