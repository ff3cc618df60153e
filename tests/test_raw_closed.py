"""The raw folder and the inbox are closed: links are never followed, nothing outside them is read or copied."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from nichibei.collect import collect
from nichibei.ingest.load import load_raw
from nichibei.pipeline import build_tables

SECRET = "secret line from outside the raw folder\n"
BODY = "日米首脳会談が行われた。\n"


@pytest.fixture()
def outside(tmp_path) -> Path:
    folder = tmp_path / "outside"
    folder.mkdir()
    (folder / "passwd.txt").write_text(SECRET, encoding="utf-8")
    return folder


def _raw(tmp_path: Path) -> Path:
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "good.txt").write_text(BODY, encoding="utf-8")
    return raw


@pytest.mark.parametrize(("make", "name", "reason"), [
    pytest.param(lambda raw, out: (raw / "link.txt").symlink_to(out / "passwd.txt"), "link.txt", "symbolic_link",
                 id="link-to-a-file-outside"),
    pytest.param(lambda raw, out: (raw / "linked").symlink_to(out, target_is_directory=True), "linked",
                 "symbolic_link", id="link-to-a-folder-outside"),
    pytest.param(lambda raw, out: (raw / "dangling.txt").symlink_to(out / "missing.txt"), "dangling.txt",
                 "symbolic_link", id="dangling-link"),
    pytest.param(lambda raw, out: os.mkfifo(raw / "pipe.txt"), "pipe.txt", "not_a_regular_file", id="named-pipe"),
])
def test_entries_that_are_not_regular_files_are_refused(tmp_path, outside, make, name, reason):
    raw = _raw(tmp_path)
    make(raw, outside)
    docs, rejections = load_raw(raw)
    assert docs["source_file"].to_list() == ["good.txt"]
    assert rejections.select("source_file", "reason").rows() == [(name, reason)]
    assert not any(SECRET.strip() in text for text in docs["raw_text"])


def test_a_linked_manifest_is_refused_and_not_read(tmp_path, outside):
    raw = _raw(tmp_path)
    (outside / "sources.csv").write_text("file,publisher\ngood.txt,Outside\n", encoding="utf-8")
    (raw / "sources.csv").symlink_to(outside / "sources.csv")
    docs, rejections = load_raw(raw)
    assert docs["publisher"].to_list() == [None]
    assert rejections.select("source_file", "reason").rows() == [("sources.csv", "symbolic_link")]


@pytest.mark.parametrize("listed", [
    pytest.param("../outside/passwd.txt", id="climbs-out"),
    pytest.param("/etc/passwd", id="absolute"),
    pytest.param("sub/../../x.txt", id="climbs-out-inside"),
    pytest.param("C:\\Windows\\win.ini", id="drive-letter"),
])
def test_manifest_paths_that_leave_the_raw_folder_are_refused(tmp_path, listed):
    raw = _raw(tmp_path)
    (raw / "sources.csv").write_text(f"file,publisher\ngood.txt,NHK\n\"{listed}\",X\n", encoding="utf-8")
    docs, rejections = load_raw(raw)
    assert docs["publisher"].to_list() == ["NHK"]
    assert rejections.select("source_file", "reason").rows() == [(listed, "invalid_manifest_value")]
    assert "not a path inside the raw folder" in rejections["detail"][0]


@pytest.mark.parametrize("name", [
    pytest.param("with space.txt", id="space"),
    pytest.param("new\nline.txt", id="newline"),
    pytest.param("-leading-dash.txt", id="leading-dash"),
    pytest.param("日米会談 ①.txt", id="non-ascii"),
    pytest.param("comma,quote\".txt", id="csv-characters"),
])
def test_odd_names_are_read_and_published(tmp_path, name):
    raw = _raw(tmp_path)
    (raw / name).write_text(BODY.replace("首脳", "外相"), encoding="utf-8")
    tables = build_tables(raw)
    assert sorted(tables["documents"]["source_file"]) == sorted(["good.txt", name])
    assert tables["rejections"].height == 0


def test_a_name_that_is_not_utf8_is_refused_without_a_crash(tmp_path):
    raw = _raw(tmp_path)
    with open(os.path.join(os.fsencode(raw), b"bad-\xff-name.txt"), "wb") as fh:
        fh.write(BODY.encode())
    tables = build_tables(raw)
    assert tables["documents"]["source_file"].to_list() == ["good.txt"]
    assert tables["rejections"].select("reason").rows() == [("undecodable_file_name",)]


def test_collection_never_follows_a_link_and_records_a_rename(tmp_path, outside):
    raw, inbox = tmp_path / "raw", tmp_path / "inbox"
    raw.mkdir()
    inbox.mkdir()
    (raw / "a.txt").write_text("old text\n", encoding="utf-8")
    (inbox / "a.txt").write_text("new text of the same name\n", encoding="utf-8")
    (inbox / "link.txt").symlink_to(outside / "passwd.txt")
    (inbox / "dir").symlink_to(outside, target_is_directory=True)
    result = collect(inbox, raw)
    assert [r[0] for r in result.refused] == ["dir", "link.txt"]
    assert len(result.added) == 1 and result.added[0].startswith("a_")
    assert not (raw / "link.txt").exists() and not (raw / "dir").exists()
    assert (raw / "a.txt").read_text(encoding="utf-8") == "old text\n"
    docs, rejections = load_raw(raw)
    assert rejections.height == 0
    renamed = docs.filter(docs["source_file"] == result.added[0])
    assert "collected as a.txt" in renamed["notes"][0]
