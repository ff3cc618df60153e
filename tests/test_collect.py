"""Collecting new documents into the raw folder, and the scheduled deployment."""

from __future__ import annotations

from pathlib import Path

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
    from flows.deploy import DEFAULT_CRON, ServeOptions, deployment

    d = deployment(ServeOptions(inbox="drop"))
    assert d.name == "nichibei-collect-release"
    assert [s.schedule.cron for s in d.schedules] == [DEFAULT_CRON]
    assert d.parameters == {"sources": "sources.toml", "raw_dir": "raw", "out_dir": "output", "inbox": "drop",
                            "public": False}
    assert d.entrypoint.endswith("flows/collect.py:collect_release_flow")


def test_serve_creates_the_deployment_and_its_schedule(monkeypatch, capsys):
    from prefect.client.orchestration import get_client

    import flows.deploy

    served = []

    def fake_serve(d, **kw):  # what the runner would serve, read back through Prefect's own client
        with get_client(sync_client=True) as client:
            served.append(client.read_deployment_by_name(f"{d.flow_name}/{d.name}"))

    monkeypatch.setattr(flows.deploy, "serve", fake_serve)
    assert flows.deploy.main(["--cron", "30 5 * * 1", "--inbox", "drop"]) == 0
    (remote,) = served
    assert [s.schedule.cron for s in remote.schedules] == ["30 5 * * 1"]
    assert remote.parameters["inbox"] == "drop"
    out = capsys.readouterr().out
    assert "deployment: nichibei-collect-release/nichibei-collect-release" in out
    assert "schedule:   30 5 * * 1 (UTC)" in out and "next run:   20" in out and "inbox:      drop/" in out
    assert "[DEPLOYMENT_NAME]" not in out


@pytest.mark.parametrize("exc,fragment", [
    pytest.param(RuntimeError("(sqlite3.OperationalError) database is locked"), "PREFECT_HOME", id="locked-db"),
    pytest.param(RuntimeError("Failed to reach API at http://127.0.0.1:9/api/"), "prefect server start",
                 id="unreachable-api"),
    pytest.param(ValueError("a bug"), None, id="a-bug-is-not-hidden"),
])
def test_a_known_condition_is_one_line_with_what_to_do(exc, fragment):
    from flows.deploy import known_failure

    line = known_failure(exc)
    assert (line is None) if fragment is None else (fragment in line and "\n" not in line)


def test_an_unreachable_prefect_api_is_one_line_without_a_traceback(tmp_path):
    import os
    import subprocess
    import sys

    env = {**os.environ, "PREFECT_API_URL": "http://127.0.0.1:9/api", "PREFECT_HOME": str(tmp_path)}
    done = subprocess.run([sys.executable, "-m", "flows.deploy", "--register-only"], capture_output=True, text=True,
                          env=env, timeout=300, cwd=Path(__file__).resolve().parent.parent)
    assert done.returncode == 1
    assert done.stderr.strip().splitlines() == [done.stderr.strip()]
    assert "Prefect API is unreachable" in done.stderr and "Traceback" not in done.stderr


def test_prefect_yaml_deploys_the_same_flow_as_serve():
    import yaml

    from flows.deploy import DEFAULT_CRON, deployment

    spec = yaml.safe_load((Path(__file__).resolve().parent.parent / "prefect.yaml").read_text(encoding="utf-8"))
    (entry,) = spec["deployments"]
    served = deployment()
    assert entry["name"] == served.name
    assert served.entrypoint.endswith(entry["entrypoint"])
    assert entry["parameters"] == served.parameters
    assert [s["cron"] for s in entry["schedules"]] == [DEFAULT_CRON]
