"""Failure isolation: a document that breaks a stage is recorded in rejections and the others go on."""

from __future__ import annotations

import shutil

import polars as pl
import pytest

from nichibei import pipeline

from conftest import SEEDS


def _fragile(real, column: str, marker: str, error: Exception):
    """`real`, but raising `error` on any batch holding a document whose `column` contains `marker`."""
    def stage(frame, *args):
        if frame[column].str.contains(marker).any():
            raise error
        return real(frame, *args)
    return stage


@pytest.mark.parametrize("function,column,stage,error,published", [
    pytest.param("extract_all", "text", "extract", RuntimeError("extractor crashed"), True,
                 id="extraction: the document stays, without its extraction"),
    pytest.param("clean_documents", "raw_text", "clean", ValueError("cleaner crashed"), False,
                 id="cleaning: the document is left out"),
])
def test_a_document_that_breaks_a_stage_is_rejected_and_the_rest_go_on(tmp_path, monkeypatch, function, column,
                                                                       stage, error, published):
    raw = tmp_path / "raw"
    shutil.copytree(SEEDS, raw)
    (raw / "poison.txt").write_text("見出し\nこの文書は処理を壊す。\n", encoding="utf-8")
    monkeypatch.setattr(pipeline, function, _fragile(getattr(pipeline, function), column, "処理を壊す", error))
    tables = pipeline.build_tables(raw)
    rejections = tables["rejections"]
    assert rejections.select("source_file", "stage", "reason").rows() == [("poison.txt", stage, f"{stage}_failed")]
    assert rejections["detail"][0] == f"{type(error).__name__}: {error}"
    assert ("poison.txt" in tables["documents"]["source_file"].to_list()) is published
    assert tables["boilerplate"].filter(pl.col("doc_id").is_in(tables["documents"]["doc_id"].implode())).height == 20
    assert tables["meetings"].height == 7  # the seeds' meetings all made it


def test_rows_that_fail_validation_take_out_their_documents_extraction(tmp_path, monkeypatch):
    real = pipeline.extract_all

    def sloppy(documents, segments):
        tables = real(documents, segments)
        bad_doc = sorted(documents["doc_id"])[0]
        tables["temporal_mentions"] = tables["temporal_mentions"].with_columns(
            pl.when(pl.col("doc_id") == bad_doc).then(pl.lit("fortnight")).otherwise(pl.col("kind")).alias("kind"))
        return tables

    monkeypatch.setattr(pipeline, "extract_all", sloppy)
    tables = pipeline.build_tables(SEEDS)
    rejections = tables["rejections"]
    assert rejections.select("stage", "reason").rows() == [("extract", "invalid_values")]
    assert "temporal_mentions.kind" in rejections["detail"][0] and "fortnight" in rejections["detail"][0]
    bad = tables["documents"].filter(pl.col("source_file") == rejections["source_file"][0])
    assert bad.height == 1 and not bad["is_relevant"][0]  # the document stays, without its extraction
    for table in ("temporal_mentions", "mentions", "topics", "meeting_sources"):
        assert tables[table].filter(pl.col("doc_id") == bad["doc_id"][0]).height == 0
    assert tables["temporal_mentions"].height > 0 and tables["meetings"].height > 0


def test_failures_no_document_can_be_blamed_for_stop_the_run(monkeypatch):
    import pytest

    import schemas

    real = pipeline.extract_all

    def broken(documents, segments):
        tables = real(documents, segments)
        tables["offices"] = tables["offices"].with_columns(pl.lit("emperor").alias("office"))
        return tables

    monkeypatch.setattr(pipeline, "extract_all", broken)
    with pytest.raises(schemas.ValidationFailed, match="offices.office"):
        pipeline.build_tables(SEEDS)



@pytest.mark.parametrize("n,bad", [
    pytest.param(1, {0}, id="one-bad-alone"),
    pytest.param(9, set(), id="none-bad"),
    pytest.param(9, {0, 8}, id="first-and-last"),
    pytest.param(64, {5, 6, 40}, id="several-in-a-large-batch"),
])
def test_isolate_failures_finds_exactly_the_bad_documents(n, bad):
    docs = pl.DataFrame({"doc_id": [f"d{i}" for i in range(n)], "source_file": [f"f{i}.txt" for i in range(n)]})
    calls = []

    def fn(batch):
        calls.append(batch.height)
        broken = [x for x in batch["doc_id"] if int(x[1:]) in bad]
        if broken:
            raise ValueError(f"cannot read {broken[0]}")
        return batch.height

    result, rest, rejected = pipeline.isolate_failures(fn, docs, "extract")
    assert sorted(r.source_file for r in rejected) == sorted(f"f{i}.txt" for i in bad)
    assert all(r.reason == "extract_failed" and r.detail.startswith("ValueError: cannot read") for r in rejected)
    assert rest.height == n - len(bad) and result == (n - len(bad) or None)
    assert len(calls) <= 2 + 4 * max(1, len(bad)) * max(1, n.bit_length())
