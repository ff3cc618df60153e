"""Documents written to probe generalisation (other outlets, encodings, furniture): their cleaning gold, exactly."""

from __future__ import annotations

import json
from pathlib import Path

import polars as pl
import pytest

from nichibei.pipeline import clean, load

PROBE = Path(__file__).resolve().parent / "fixtures" / "probe"
GOLD = [json.loads(line) for line in (PROBE.parent / "probe-gold.jsonl").read_text(encoding="utf-8").splitlines()
        if line.strip()]


@pytest.fixture(scope="module")
def cleaned():
    return clean(load(PROBE))


def _doc(cleaned, file):
    rows = cleaned.documents.filter(pl.col("source_file") == file)
    assert rows.height == 1
    return rows.row(0, named=True)


def _raw_lines(doc) -> list[str]:
    raw = (PROBE / doc["source_file"]).read_bytes().decode(doc["encoding"].replace("_sig", "-sig"))
    return raw.replace("\r\n", "\n").split("\n")


@pytest.mark.parametrize("gold", GOLD, ids=[g["file"][:3] for g in GOLD])
def test_boilerplate_title_and_publication_date(cleaned, gold):
    doc = _doc(cleaned, gold["file"])
    assert str(doc["published_date"]) == gold["published_date"]
    assert doc["published_date_source"] == gold["published_date_source"]
    if gold["file"].endswith(".html"):
        return  # HTML pieces carry CSS paths, not line numbers; see test_html_documents
    removed = cleaned.boilerplate.filter(pl.col("doc_id") == doc["doc_id"])
    assert sorted(removed["line_no"].to_list()) == gold["boilerplate_lines"]
    lines = _raw_lines(doc)
    assert doc["text"] == "\n".join(x for i, x in enumerate(lines, 1) if i not in gold["boilerplate_lines"])
    if gold["title_line"] is None:
        assert doc["title"] is None
    else:
        assert lines[gold["title_line"] - 1].strip().startswith(doc["title"])


@pytest.mark.parametrize("file,title,first_body_words", [
    pytest.param("p02_nikkei_china_trap_2022.html", "日中首脳が3年ぶり会談\u3000岸田首相「建設的かつ安定的な関係」",
                 "【バンコク=", id="p02"),
    pytest.param("p03_yomiuri_abe_trump_phone_2017.html", "日米首脳、来月十日に会談へ…初の電話会談", "\u3000安倍首相は",
                 id="p03-shift-jis"),
])
def test_html_documents(cleaned, file, title, first_body_words):
    doc = _doc(cleaned, file)
    assert doc["title"] == title
    lines = doc["text"].split("\n")
    assert lines[0] == title and lines[1].startswith(first_body_words)
    rules = set(cleaned.boilerplate.filter(pl.col("doc_id") == doc["doc_id"])["rule"])
    assert {"html_head", "html_header", "dateline"} <= rules
