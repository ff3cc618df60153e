"""Collecting new documents into the raw folder, and the scheduled deployment."""

from __future__ import annotations

import pytest

from nichibei.collect import collect
from nichibei.ingest.load import load_raw

MANIFEST = "file,publisher,source_url,published_at,retrieved_at,license,notes\n"


@pytest.mark.parametrize("raw_files,inbox_files,added,skipped", [
    pytest.param({}, {"a.txt": b"A"}, ["a.txt"], [], id="new-file"),
    pytest.param({"a.txt": b"A"}, {"a.txt": b"A"}, [], ["a.txt"], id="same-bytes-skipped"),
    pytest.param({"a.txt": b"A"}, {"a.txt": b"B"}, ["a_df7e70e5021544f4.txt"], [], id="same-name-other-bytes-kept"),
    pytest.param({}, {"2025/b.html": b"<p>b</p>", "notes.pdf": b"%PDF"}, ["2025/b.html"], [], id="only-documents"),
])
def test_collect(tmp_path, raw_files, inbox_files, added, skipped):
    raw, inbox = tmp_path / "raw", tmp_path / "inbox"
    for folder, files in ((raw, raw_files), (inbox, inbox_files)):
        for name, data in files.items():
            (folder / name).parent.mkdir(parents=True, exist_ok=True)
            (folder / name).write_bytes(data)
    before = {p: p.read_bytes() for p in raw.rglob("*") if p.is_file()} if raw.exists() else {}
    result = collect(inbox, raw)
    assert (result.added, result.skipped) == (added, skipped)
    for path, data in before.items():
        assert path.read_bytes() == data  # raw is only ever added to


def test_collect_appends_manifest_rows_for_what_it_took(tmp_path):
    raw, inbox = tmp_path / "raw", tmp_path / "inbox"
    raw.mkdir()
    inbox.mkdir()
    (raw / "old.txt").write_text("会談した。", encoding="utf-8")
    (raw / "sources.csv").write_text(MANIFEST + "old.txt,NHK,,2024-01-01,,,\n", encoding="utf-8")
    (inbox / "new.txt").write_text("会談を行った。", encoding="utf-8")
    (inbox / "sources.csv").write_text(MANIFEST + "new.txt,MOFA,https://example.org/n,2024-02-02,,CC-BY-4.0,\n"
                                       "absent.txt,X,,,,,\n", encoding="utf-8")
    collect(inbox, raw)
    docs, rejections = load_raw(raw)
    assert rejections.height == 0
    assert docs.sort("source_file").select("source_file", "publisher", "license").rows() == [
        ("new.txt", "MOFA", "CC-BY-4.0"), ("old.txt", "NHK", None)]
    assert (raw / "sources.csv").read_text(encoding="utf-8").startswith(MANIFEST + "old.txt,NHK,,2024-01-01,,,\n")
    assert not (inbox / "new.txt").exists()


def test_scheduled_deployment():
    from flows.deploy import DEFAULT_CRON, deployment

    d = deployment(inbox="drop")
    assert d.name == "nichibei-scheduled-release"
    assert [s.schedule.cron for s in d.schedules] == [DEFAULT_CRON]
    assert d.parameters == {"raw_dir": "raw", "out_dir": "output", "inbox": "drop", "public": False}
    assert d.entrypoint.endswith("flows/release.py:release_flow")
