"""The extraction stage as a whole: eight tables in the declared columns, over the seeds."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest

import schemas
from nichibei import pipeline
from nichibei.extract.batch import EXTRACTED_TABLES, extract_all

from conftest import SEEDS

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def seeds():
    cleaned = pipeline.clean(pipeline.load(SEEDS))
    return cleaned, extract_all(cleaned.documents, cleaned.segments)


def test_returns_exactly_the_extracted_tables(seeds):
    _, tables = seeds
    assert tuple(tables) == EXTRACTED_TABLES
    for name, frame in tables.items():
        assert frame.schema == schemas.polars_schema(name), name


def test_whole_release_validates(seeds):
    cleaned, tables = seeds
    valid = schemas.validate_tables(pipeline.assemble(cleaned, tables))
    assert valid["documents"]["is_relevant"].all()


@pytest.mark.parametrize(
    ("table", "doc_col", "start_col", "end_col", "text_col"),
    [
        pytest.param("topics", "doc_id", "char_start", "char_end", "evidence", id="topics"),
        pytest.param("mentions", "doc_id", "char_start", "char_end", "surface", id="mentions"),
        pytest.param("temporal_mentions", "doc_id", "char_start", "char_end", "surface", id="temporal"),
    ],
)
def test_evidence_is_the_text_at_its_offsets(seeds, table, doc_col, start_col, end_col, text_col):
    cleaned, tables = seeds
    texts = dict(cleaned.documents.select("doc_id", "text").iter_rows())
    for row in tables[table].iter_rows(named=True):
        assert texts[row[doc_col]][row[start_col]:row[end_col]] == row[text_col]


def test_meeting_evidence_points_into_the_documents(seeds):
    cleaned, tables = seeds
    texts = dict(cleaned.documents.select("doc_id", "text").iter_rows())
    for row in tables["meeting_sources"].iter_rows(named=True):
        assert 0 <= row["evidence_start"] < row["evidence_end"] <= len(texts[row["doc_id"]])
    for row in tables["meeting_participants"].iter_rows(named=True):
        span = texts[row["evidence_doc_id"]][row["evidence_start"]:row["evidence_end"]]
        assert span, row


def test_participants_are_entities(seeds):
    _, tables = seeds
    known = set(tables["entities"]["entity_id"].to_list())
    assert set(tables["meeting_participants"]["entity_id"].to_list()) <= known


def test_empty_batch():
    cleaned = pipeline.clean(pipeline.load(SEEDS))
    tables = extract_all(cleaned.documents.clear(), cleaned.segments.clear())
    for name in ("meetings", "meeting_participants", "meeting_sources", "topics", "temporal_mentions"):
        assert tables[name].is_empty(), name
        assert tables[name].schema == schemas.polars_schema(name)


# --- robustness: no arrangement of real sentences may break the stage ----------------------------------------

SHUFFLE_SOURCES = (str(SEEDS), "tests/fixtures/docs", "tests/fixtures/probe", "tests/fixtures/probe2")
N_SHUFFLES = 300


def _shuffled_documents(n: int) -> tuple[pl.DataFrame, pl.DataFrame]:
    """``n`` documents, each a deterministic random draw of 1–14 sentences of the seeds and the test and probe
    documents in a random order, with a title (or none) and a publication date (or none) of some other document."""
    import random

    from nichibei.extract.meetings.records import sentence_spans

    sentences: list[str] = []
    dates: list = [None]
    for folder in SHUFFLE_SOURCES:
        cleaned = pipeline.clean(pipeline.load(ROOT / folder))
        for text, published in cleaned.documents.select("text", "published_date").iter_rows():
            sentences += [text[a:b] for a, b in sentence_spans(text or "")]
            dates.append(published)
    docs, segs = [], []
    for i in range(n):
        rng = random.Random(i)
        picked = rng.sample(sentences, rng.randint(1, 14))
        text = rng.choice(("\n", "", " ")).join(picked)
        doc_id = f"shuffle{i:04d}"
        docs.append({"doc_id": doc_id, "text": text, "published_date": rng.choice(dates)})
        first = len(picked[0])
        if rng.random() < 0.5 and first < len(text):
            segs.append({"doc_id": doc_id, "seg_no": 0, "kind": "title", "language": "ja", "char_start": 0,
                         "char_end": first, "text": text[:first]})
            segs.append({"doc_id": doc_id, "seg_no": 1, "kind": "body", "language": "ja", "char_start": first,
                         "char_end": len(text), "text": text[first:]})
        else:
            segs.append({"doc_id": doc_id, "seg_no": 0, "kind": "body", "language": "ja", "char_start": 0,
                         "char_end": len(text), "text": text})
    return (pl.DataFrame(docs, schema={"doc_id": pl.Utf8, "text": pl.Utf8, "published_date": pl.Date}),
            pl.DataFrame(segs, schema=schemas.polars_schema("segments")))


def test_no_recombination_of_real_sentences_breaks_extraction():
    documents, segments = _shuffled_documents(N_SHUFFLES)
    assert documents.height == N_SHUFFLES and documents["text"].str.len_chars().min() > 0
    tables = extract_all(documents, segments)  # must not raise
    assert tuple(tables) == EXTRACTED_TABLES
    texts = dict(documents.select("doc_id", "text").iter_rows())
    for row in tables["meeting_sources"].iter_rows(named=True):
        assert 0 <= row["evidence_start"] < row["evidence_end"] <= len(texts[row["doc_id"]])
    assert tables["meetings"].height > 0  # the sentences do report meetings: the draw is not trivially empty
