"""Reading raw folders: encodings, ids, rejections, and what sources.csv records."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import polars as pl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nichibei.ingest.decode import doc_id_of
from nichibei.ingest.load import load_raw

from conftest import RAW, SEEDS

TEXT = "日米首脳会談の概要\n平成21年11月13日\n鳩山総理はオバマ大統領と会談した。藤﨑駐米大使も同席した。\n"


def write(folder: Path, name: str, data: bytes) -> None:
    (folder / name).parent.mkdir(parents=True, exist_ok=True)
    (folder / name).write_bytes(data)


@pytest.mark.parametrize("data,encoding", [
    pytest.param(TEXT.encode("utf-8"), "utf_8", id="utf-8"),
    pytest.param(b"\xef\xbb\xbf" + TEXT.encode("utf-8"), "utf_8_sig", id="utf-8-bom"),
    pytest.param(TEXT.replace("﨑", "崎").encode("cp932"), "cp932", id="shift_jis"),
    pytest.param(TEXT.replace("﨑", "崎").encode("euc_jp"), "euc_jp", id="euc-jp"),
    pytest.param(TEXT.encode("utf-16"), "utf_16", id="utf-16-bom"),
    pytest.param(TEXT.replace("\n", "\r\n").encode("utf-8"), "utf_8", id="crlf"),
])
def test_encodings_decode_to_the_same_text(tmp_path, data, encoding):
    write(tmp_path, "doc.txt", data)
    docs, rejections = load_raw(tmp_path)
    assert rejections.height == 0
    row = docs.row(0, named=True)
    expected = TEXT if "﨑" in row["raw_text"] else TEXT.replace("﨑", "崎")
    assert row["raw_text"] == expected
    assert row["encoding"] == encoding
    assert row["doc_id"] == doc_id_of(data)


@pytest.mark.parametrize("name,data,stage,reason", [
    pytest.param("bad.txt", TEXT.encode()[:40] + b"\xff\xfe\x80\x81\xfe" + TEXT.encode()[40:], "decode",
                 "undecodable", id="invalid-utf8-bytes"),
    pytest.param("binary.html", bytes(range(256)) * 8, "decode", "undecodable", id="binary"),
    pytest.param("empty.txt", b"", "decode", "empty_document", id="empty"),
    pytest.param("notes.pdf", b"%PDF-1.4", "scan", "unsupported_format", id="unsupported-format"),
])
def test_bad_documents_are_rejected_and_the_rest_read(tmp_path, name, data, stage, reason):
    write(tmp_path, "good.txt", TEXT.encode())
    write(tmp_path, name, data)
    docs, rejections = load_raw(tmp_path)
    assert docs["source_file"].to_list() == ["good.txt"]
    assert rejections.select("source_file", "stage", "reason").rows() == [(name, stage, reason)]
    assert rejections["detail"][0]


def test_same_bytes_twice_is_one_document(tmp_path):
    write(tmp_path, "a.txt", TEXT.encode())
    write(tmp_path, "sub/b.txt", TEXT.encode())
    docs, rejections = load_raw(tmp_path)
    assert docs["source_file"].to_list() == ["a.txt"]
    assert rejections.select("source_file", "reason").rows() == [("sub/b.txt", "duplicate_document")]


def test_subfolders_and_html_are_read(tmp_path):
    write(tmp_path, "2024/page.htm", b"<html><body><p>x</p></body></html>")
    write(tmp_path, "2024/page2.HTML", b"<p>y</p>")
    docs, _ = load_raw(tmp_path)
    assert docs.select("source_file", "format").rows() == [("2024/page.htm", "html"), ("2024/page2.HTML", "html")]


MANIFEST_CASES = [
    pytest.param("file,publisher,source_url,published_at,retrieved_at,license,notes\n"
                 "doc.txt,NHK,https://example.org/a,2023-01-14,2023-01-15T09:00:00+09:00,CC-BY-4.0,x\n",
                 {"publisher": "NHK", "source_url": "https://example.org/a", "manifest_published_date": date(2023, 1, 14),
                  "retrieved_date": date(2023, 1, 15), "license": "CC-BY-4.0"}, [], id="all-columns"),
    pytest.param("file\ndoc.txt\n", {"publisher": None, "manifest_published_date": None}, [], id="only-file"),
    pytest.param("file,published_at,source_url\ndoc.txt,14 Jan 2023,ftp://x\n",
                 {"manifest_published_date": None, "source_url": None},
                 [("doc.txt", "invalid_manifest_value"), ("doc.txt", "invalid_manifest_value")],
                 id="bad-values-nulled-and-recorded"),
    pytest.param("file,colour\ndoc.txt,blue\nmissing.txt\n", {"publisher": None},
                 [("sources.csv", "unknown_manifest_column"), ("missing.txt", "unknown_manifest_file")],
                 id="unknown-column-and-file"),
    pytest.param("name,publisher\ndoc.txt,NHK\n", {"publisher": None}, [("sources.csv", "invalid_manifest")],
                 id="no-file-column"),
]


@pytest.mark.parametrize("manifest,expected,rejected", MANIFEST_CASES)
def test_manifest(tmp_path, manifest, expected, rejected):
    write(tmp_path, "doc.txt", TEXT.encode())
    write(tmp_path, "sources.csv", manifest.encode())
    docs, rejections = load_raw(tmp_path)
    row = docs.row(0, named=True)
    assert {k: row[k] for k in expected} == expected
    assert sorted(rejections.select("source_file", "reason").rows()) == sorted(rejected)


def test_the_seeds_read_as_utf8_with_manifest_dates(seed_gold):
    docs, rejections = load_raw(SEEDS)
    assert rejections.height == 0
    assert sorted(docs["source_file"].to_list()) == sorted(seed_gold)
    assert set(docs["encoding"]) == {"utf_8"}
    for row in docs.iter_rows(named=True):
        assert row["doc_id"] == row["raw_sha256"][:16]
    manifest_dates = dict(docs.filter(pl.col("manifest_published_date").is_not_null())
                          .select("source_file", "manifest_published_date").iter_rows())
    assert {k[:3]: str(v) for k, v in manifest_dates.items()} == {"000": "2023-01-14", "003": "2024-04-11"}


def test_a_short_shift_jis_page_whose_chunks_look_noisy_is_read(tmp_path):
    """The detector judges the whole text: a short CP932 page is not rejected for one noisy-looking chunk."""
    source = next((Path(__file__).resolve().parent / "fixtures" / "probe4").glob("s10_*.txt"))
    data = source.read_bytes()
    write(tmp_path, "page.txt", data)
    docs, rejections = load_raw(tmp_path)
    assert rejections.height == 0
    assert docs["encoding"][0] in ("cp932", "shift_jis")
    assert docs["raw_text"][0] == data.decode("cp932").replace("\r\n", "\n")


def test_the_whole_raw_folder_is_read_without_a_rejection():
    """raw/ holds the seeds and the real corpus: every document is read, by the format it is in."""
    docs, rejections = load_raw(RAW)
    assert rejections.rows() == []
    by_folder = docs.group_by(pl.col("source_file").str.extract(r"^(wh|diet)/").fill_null("seeds"), "format").len()
    assert sorted(by_folder.rows()) == [("diet", "text", 120), ("seeds", "text", 5), ("wh", "markdown", 143)]
    assert docs.filter(pl.col("manifest_published_date").is_null())["source_file"].to_list() == [
        "001_0bb852b01388ee52.txt", "002_29df64e5bb346e5e.txt", "004_80325a684f0381d7.txt"]


SPEECH = RAW / "diet" / "2020-07-09_120113950X00120200709_043.txt"


@pytest.mark.parametrize("data", [
    pytest.param(SPEECH.read_bytes() if SPEECH.exists() else b"", id="diet-speech-the-detector-called-garbled"),
    pytest.param("0.1〜0.2％".encode(), id="one-line-of-numbers-and-symbols"),
    pytest.param("（拍手）\n○委員長　ただいまから会議を開きます。".encode(), id="short-record-lines"),
    pytest.param("ＡＢＣ１２３　－－　％＆".encode(), id="full-width-symbols"),
    pytest.param("Café – “quoted” — naïve…".encode(), id="english-punctuation"),
    pytest.param(b"\xef\xbb\xbf" + "㈱①②③ 﨑髙".encode(), id="bom-and-rare-characters"),
])
def test_strict_utf8_is_read_as_utf8(tmp_path, data):
    assert data, "the fixture document is missing"
    write(tmp_path, "doc.txt", data)
    docs, rejections = load_raw(tmp_path)
    assert rejections.rows() == []
    text = data.removeprefix(b"\xef\xbb\xbf").decode("utf-8")
    assert docs["raw_text"].to_list() == [text.replace("\r\n", "\n").replace("\r", "\n")]
    assert docs["encoding"].to_list() == ["utf_8_sig" if data.startswith(b"\xef\xbb\xbf") else "utf_8"]


def test_iso_2022_jp_is_not_taken_for_utf8(tmp_path):
    write(tmp_path, "doc.txt", TEXT.replace("﨑", "崎").encode("iso2022_jp"))
    docs, rejections = load_raw(tmp_path)
    assert (docs["encoding"].to_list(), rejections.height) == (["iso2022_jp"], 0)


@given(st.text(st.characters(blacklist_characters="\x00\x1b", blacklist_categories=("Cs",)), min_size=1)
       .filter(lambda s: s.strip()))
@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_any_text_encoded_as_utf8_is_read_back_unchanged(tmp_path, text):
    write(tmp_path, "doc.txt", text.encode("utf-8"))
    docs, rejections = load_raw(tmp_path)
    assert rejections.rows() == []
    assert docs["raw_text"].to_list() == [text.replace("\r\n", "\n").replace("\r", "\n")]


@pytest.mark.parametrize(("name", "data", "reason"), [
    pytest.param("bad.txt", TEXT.encode()[:40] + b"\xff\xfe\x80\x81\xfe" + TEXT.encode()[40:], "undecodable",
                 id="undecodable"),
    pytest.param("bad.pdf", b"%PDF-1.4", "unsupported_format", id="unsupported"),
    pytest.param("bad.txt", b"", "empty_document", id="empty"),
])
def test_a_rejected_file_in_the_manifest_is_one_row(tmp_path, name, data, reason):
    write(tmp_path, name, data)
    write(tmp_path, "sources.csv", f"file,publisher\n{name},A publisher\ngone.txt,A publisher\n".encode())
    _, rejections = load_raw(tmp_path)
    assert sorted(rejections.select("source_file", "reason").rows()) == sorted([
        (name, reason), ("gone.txt", "unknown_manifest_file")])
