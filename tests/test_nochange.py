"""A run with nothing new answers from the fingerprint: same raw bytes, code, libraries and public flag as a run that
ended in the newest release → that release, without a document read. Anything else runs the pipeline."""

from __future__ import annotations

import shutil

import pytest

from nichibei import pipeline
from nichibei.release import builds

from conftest import SEEDS


@pytest.fixture(scope="module")
def flow():
    from flows.release import release_flow

    return release_flow


def _unreadable(*_args, **_kwargs):
    raise AssertionError("the pipeline ran")


# what changes before the second run → does the pipeline run again, and the second run's outcome
CASES = [
    pytest.param(None, False, ("1.0.0", False), id="nothing-changed: answered, nothing read"),
    pytest.param("raw", True, ("1.1.0", True), id="a raw file added: the pipeline runs, a new release"),
    pytest.param("code", True, ("1.0.0", False), id="the code changed: the pipeline runs, the same data"),
    pytest.param("public", True, ("1.0.0", True), id="public asked: another key (and folder)"),
]


@pytest.mark.parametrize(("change", "runs", "outcome"), CASES)
def test_second_run(flow, tmp_path, monkeypatch, change, runs, outcome):
    raw, out = tmp_path / "raw", tmp_path / "out"
    shutil.copytree(SEEDS, raw)
    first = flow(raw_dir=raw, out_dir=out)
    assert (first.version, first.is_new) == ("1.0.0", True)
    public = False
    if change == "raw":
        (raw / "late.txt").write_text("日米外相会談\n上川外務大臣は2024年2月22日、リオデジャネイロでブリンケン国務長官と"
                                      "会談した。\n", encoding="utf-8")
    elif change == "code":
        monkeypatch.setattr(builds, "code_fingerprint", lambda: "another pipeline")
    elif change == "public":
        public = True
    if not runs:
        monkeypatch.setattr(pipeline, "load", _unreadable)
    second = flow(raw_dir=raw, out_dir=out, public=public)
    assert (second.version, second.is_new) == outcome
    if not runs:
        assert second.path == first.path


def test_older_inputs_after_newer_ones_publish_again(flow, tmp_path):
    raw, out = tmp_path / "raw", tmp_path / "out"
    shutil.copytree(SEEDS, raw)
    flow(raw_dir=raw, out_dir=out)
    (raw / "late.txt").write_text("日米外相会談\n上川外務大臣は2024年2月22日、ブリンケン国務長官と会談した。\n",
                                  encoding="utf-8")
    assert flow(raw_dir=raw, out_dir=out).version == "1.1.0"
    (raw / "late.txt").unlink()
    # the key of 1.0.0 again, but 1.1.0 is the newest: the run publishes the seeds' data as 1.2.0
    assert (again := flow(raw_dir=raw, out_dir=out)).version == "1.2.0" and again.is_new


# a change to the package → does the fingerprint change
FILE_CHANGES = [
    pytest.param(lambda root: (root / "rules" / "words.csv").write_text("word\nsummit\n"), True, id="a rule edited"),
    pytest.param(lambda root: (root / "new.py").write_text("x = 1\n"), True, id="a module added"),
    pytest.param(lambda root: (root / "rules" / "words.csv").rename(root / "rules" / "other.csv"), True,
                 id="a file renamed"),
    pytest.param(lambda root: (root / "__pycache__").mkdir() or (root / "__pycache__" / "a.pyc").write_bytes(b"x"),
                 False, id="compiled files"),
    pytest.param(lambda root: None, False, id="nothing"),
]


@pytest.mark.parametrize(("change", "differs"), FILE_CHANGES)
def test_files_fingerprint(tmp_path, change, differs):
    root = tmp_path / "pkg"
    (root / "rules").mkdir(parents=True)
    (root / "rules" / "words.csv").write_text("word\nmeeting\n")
    before = builds.files_fingerprint({"pkg": root}, ("polars",))
    change(root)
    assert (builds.files_fingerprint({"pkg": root}, ("polars",)) != before) is differs


def test_code_fingerprint_is_of_the_installed_pipeline():
    builds.code_fingerprint.cache_clear()
    key = builds.code_fingerprint()
    assert len(key) == 64 and key == builds.code_fingerprint()
    assert key != builds.files_fingerprint({}, builds._LIBRARIES)  # the packages' files are in it
