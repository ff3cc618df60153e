"""Bad input, each case a row: it ends as a read document or a rejection with a specific reason, never a crash,
and the good document beside it is always published."""

from __future__ import annotations

import pytest

from nichibei.pipeline import build_tables

GOOD = "日米首脳会談\n岸田総理大臣は10日、ワシントンでバイデン大統領と会談した。\n"
JA = "日米外相会談が東京で行われ、両外相は日米同盟の強化で一致した。\n"


def _nested_html(depth: int) -> bytes:
    return ("<html><body>" + "<div>" * depth + "<p>" + JA + "</p>" + "</div>" * depth + "</body></html>").encode()


# (file name, bytes, expected: ("read", encoding) or ("rejected", reason))
CASES = [
    ("invalid.txt", GOOD.encode()[:30] + b"\xff\xfe\x80\x81\xfe" + GOOD.encode()[30:], ("rejected", "undecodable")),
    ("sjis.txt", JA.encode("cp932"), ("read", "cp932")),
    ("eucjp.txt", JA.encode("euc_jp"), ("read", "euc_jp")),
    ("utf16-bom.txt", JA.encode("utf-16"), ("read", "utf_16")),
    ("utf16-no-bom.txt", JA.encode("utf-16-le"), ("read", "utf_16_le")),
    ("mixed.txt", JA.encode("utf-8") + JA.encode("cp932"), ("rejected", "undecodable")),
    ("empty.txt", b"", ("rejected", "empty_document")),
    ("blank.txt", b" \n\t\n\xe3\x80\x80\n", ("rejected", "empty_document")),
    ("binary.txt", bytes(range(256)) * 16, ("rejected", "undecodable")),
    ("image.html", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, ("rejected", "undecodable")),
    ("deep.html", _nested_html(10_000), ("rejected", "html_too_deep")),
    ("deep-enough.html", _nested_html(200), ("read", "utf_8")),
    ("comment.html", b"<html><body><p>" + JA.encode() + b"</p><!-- never closed <p>more</p>", ("read", "utf_8")),
    ("script.html", b"<html><head><script>var x = 1;</script></head><body><script>go()</script></body></html>",
     ("rejected", "empty_document")),
    ("meta.html", b'<html><head><meta charset="shift_jis"></head><body><p>' + JA.encode() + b"</p></body></html>",
     ("read", "utf_8")),
]


@pytest.mark.parametrize(("name", "data", "expected"), CASES, ids=[c[0] for c in CASES])
def test_bad_input(tmp_path, name, data, expected):
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / name).write_bytes(data)
    tables = build_tables(tmp_path)
    docs = {row["source_file"]: row for row in tables["documents"].iter_rows(named=True)}
    reasons = {(r["source_file"], r["reason"]) for r in tables["rejections"].iter_rows(named=True)}
    assert "good.txt" in docs
    if expected[0] == "read":
        assert docs[name]["encoding"] == expected[1] and docs[name]["text"].strip(), reasons
    else:
        assert name not in docs and reasons == {(name, expected[1])}


def test_a_200_mb_file_is_refused_unread(tmp_path):
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    with (tmp_path / "large.txt").open("wb") as fh:  # sparse: the size is what counts
        fh.truncate(200_000_000)
    tables = build_tables(tmp_path)
    assert tables["documents"]["source_file"].to_list() == ["good.txt"]
    assert tables["rejections"].select("source_file", "reason").rows() == [("large.txt", "too_large")]


def test_the_same_bytes_under_two_names_are_one_document_and_both_recorded(tmp_path):
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "b.txt").write_text(GOOD, encoding="utf-8")
    tables = build_tables(tmp_path)
    assert tables["documents"]["source_file"].to_list() == ["a.txt"]
    assert tables["rejections"].select("source_file", "reason").rows() == [("b.txt", "duplicate_document")]


@pytest.mark.parametrize(("manifest", "reasons"), [
    pytest.param("file,publisher\ngood.txt,NHK\nghost.txt,NHK\n", {("ghost.txt", "unknown_manifest_file")},
                 id="unknown-file"),
    pytest.param("file,publisher\ngood.txt,NHK\ngood.txt,Other\n", {("good.txt", "duplicate_manifest_row")},
                 id="duplicate-row"),
    pytest.param("file,published_at\ngood.txt,2024-13-45\n", {("good.txt", "invalid_manifest_value")},
                 id="bad-date"),
    pytest.param("file,author\ngood.txt,X\n", {("sources.csv", "unknown_manifest_column")}, id="unknown-column"),
    pytest.param("name,publisher\ngood.txt,NHK\n", {("sources.csv", "invalid_manifest")}, id="no-file-column"),
])
def test_bad_manifests(tmp_path, manifest, reasons):
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "sources.csv").write_text(manifest, encoding="utf-8")
    tables = build_tables(tmp_path)
    assert tables["documents"]["source_file"].to_list() == ["good.txt"]
    assert {(r["source_file"], r["reason"]) for r in tables["rejections"].iter_rows(named=True)} == reasons
