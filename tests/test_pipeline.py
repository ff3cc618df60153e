"""Failure isolation: a document that breaks a stage is recorded in rejections and the others go on."""

from __future__ import annotations

import shutil

import polars as pl

from nichibei import pipeline

from conftest import RAW


def test_a_document_that_breaks_extraction_is_rejected_and_the_rest_extracted(tmp_path, monkeypatch):
    raw = tmp_path / "raw"
    shutil.copytree(RAW, raw)
    (raw / "poison.txt").write_text("会談について。\nこの文書は抽出を壊す。\n", encoding="utf-8")
    real = pipeline.extract_all

    def fragile(documents, segments):
        if documents["text"].str.contains("抽出を壊す").any():
            raise RuntimeError("extractor crashed")
        return real(documents, segments)

    monkeypatch.setattr(pipeline, "extract_all", fragile)
    tables = pipeline.build_tables(raw)
    rejections = tables["rejections"]
    assert rejections.select("source_file", "stage", "reason").rows() == [("poison.txt", "extract", "extract_failed")]
    assert "RuntimeError: extractor crashed" in rejections["detail"][0]
    assert tables["documents"].height == 6  # the document itself is still published, with its text
    assert tables["meetings"].height == pipeline.build_tables(RAW)["meetings"].height


def test_a_document_that_breaks_cleaning_is_rejected(tmp_path, monkeypatch):
    raw = tmp_path / "raw"
    shutil.copytree(RAW, raw)
    (raw / "poison.txt").write_text("見出し\n壊れる本文。\n", encoding="utf-8")
    real = pipeline.clean_documents

    def fragile(docs, params):
        if docs["raw_text"].str.contains("壊れる").any():
            raise ValueError("cleaner crashed")
        return real(docs, params)

    monkeypatch.setattr(pipeline, "clean_documents", fragile)
    tables = pipeline.build_tables(raw)
    assert tables["rejections"].select("source_file", "stage").rows() == [("poison.txt", "clean")]
    assert "poison.txt" not in tables["documents"]["source_file"].to_list()
    assert tables["documents"].height == 5
    assert tables["boilerplate"].filter(pl.col("doc_id").is_in(tables["documents"]["doc_id"].implode())).height == 20
