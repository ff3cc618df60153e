"""One writer at a time, killed runs leave nothing half-written, and a release is world-readable.

A run is killed (SIGKILL, in a child process) at each step of publishing; the earlier release stays whole, no
partial release appears, and the next run finishes what the killed one left.
"""

from __future__ import annotations

import json
import os
import signal
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import polars as pl
import pytest

from nichibei.cli import main
from nichibei.release.files import sha256_of
from nichibei.release.lock import OutputLocked, output_lock
from nichibei.release.publish import publish
from nichibei.release.verify import verify_release

ROOT = Path(__file__).resolve().parent.parent

# Publishes the tables of a folder of Parquet files into an output folder and kills itself (SIGKILL) at the
# n-th call of one step of publishing.
KILLER = textwrap.dedent("""
    import os, signal, sys
    from pathlib import Path
    import polars as pl
    import nichibei.release.publish as publishing

    step, n, tables_dir, out = sys.argv[1], int(sys.argv[2]), Path(sys.argv[3]), Path(sys.argv[4])
    owners = {"write_parquet": publishing, "write_csv": publishing, "write_duckdb": publishing.exports,
              "write_workbook": publishing.exports, "write_checksums": publishing, "share_tree": publishing,
              "_atomic_write": publishing, "rename": os}
    owner = owners[step]
    real, calls = getattr(owner, step), [0]

    def killed(*args, **kwargs):
        calls[0] += 1
        if calls[0] == n:
            os.kill(os.getpid(), signal.SIGKILL)
        return real(*args, **kwargs)

    setattr(owner, step, killed)
    publishing.publish({p.stem: pl.read_parquet(p) for p in tables_dir.glob("*.parquet")}, out)
    print("not killed")
""")


def _corrected(tables: dict[str, pl.DataFrame]) -> dict[str, pl.DataFrame]:
    """The same tables with one value corrected (a patch release)."""
    meetings = tables["meetings"].with_columns(
        pl.when(pl.int_range(pl.len()) == 0).then(pl.col("duration_minutes").fill_null(0) + 1)
        .otherwise(pl.col("duration_minutes")).alias("duration_minutes"))
    return dict(tables, meetings=meetings)


def _listing(release: Path) -> dict[str, str]:
    return {p.relative_to(release).as_posix(): sha256_of(p) for p in sorted(release.rglob("*")) if p.is_file()}


@pytest.fixture()
def published_once(seed_tables, tmp_path):
    out = tmp_path / "out"
    first = publish(seed_tables, out)
    tables_dir = tmp_path / "corrected"
    tables_dir.mkdir()
    for name, frame in _corrected(seed_tables).items():
        frame.write_parquet(tables_dir / f"{name}.parquet")
    return out, first, tables_dir


# (step of publishing, which call of it is killed, whether the corrected release is published when it dies)
KILL_POINTS = [
    ("write_parquet", 3, False),    # the data files half written in the staging folder
    ("write_csv", 5, False),
    ("write_duckdb", 1, False),     # the files for users beside the data
    ("write_workbook", 1, False),
    ("write_checksums", 1, False),  # everything written but SHA256SUMS
    ("share_tree", 1, False),
    ("rename", 1, False),           # whole, about to be renamed into place
    ("_atomic_write", 1, True),     # published; latest.json, CHANGELOG.md and the meeting ids not yet updated
    ("_atomic_write", 2, True),     # latest.json updated, the rest not
]


@pytest.mark.parametrize(("step", "n", "published"), KILL_POINTS, ids=[f"{s}-{n}" for s, n, _ in KILL_POINTS])
def test_a_run_killed_at_any_step_leaves_the_releases_whole(published_once, step, n, published):
    out, first, tables_dir = published_once
    before = _listing(first.path)
    child = subprocess.run([sys.executable, "-c", KILLER, step, str(n), str(tables_dir), str(out)], cwd=ROOT,
                           capture_output=True, text=True, timeout=300)
    assert child.returncode == -signal.SIGKILL, child.stdout + child.stderr
    releases = sorted(p.name for p in (out / "releases").iterdir())
    assert releases == (["1.0.0", "1.0.1"] if published else ["1.0.0"])
    assert _listing(first.path) == before and verify_release(first.path) == []
    if published:
        assert verify_release(out / "releases" / "1.0.1") == []
    # the next run finishes what the killed one left
    again = publish({p.stem: pl.read_parquet(p) for p in tables_dir.glob("*.parquet")}, out)
    assert again.version == "1.0.1" and again.is_new is not published
    assert json.loads((out / "latest.json").read_text(encoding="utf-8"))["version"] == "1.0.1"
    assert (out / "CHANGELOG.md").read_text(encoding="utf-8").count("## [1.0.1]") == 1
    assert (out / "meeting_ids.json").read_bytes() == (again.path / "meeting_ids.json").read_bytes()
    assert list((out / ".staging").iterdir()) == []
    assert sorted(p.name for p in (out / "releases").iterdir()) == ["1.0.0", "1.0.1"]


def test_a_release_is_world_readable_whatever_the_umask(seed_tables, tmp_path):
    old = os.umask(0o077)
    try:
        release = publish(seed_tables, tmp_path / "out").path
    finally:
        os.umask(old)
    modes = {p.relative_to(tmp_path).as_posix(): stat.S_IMODE(p.stat().st_mode)
             for p in [release, *release.rglob("*")]}
    assert {m for p, m in modes.items() if Path(tmp_path / p).is_dir()} == {0o755}
    assert {m for p, m in modes.items() if Path(tmp_path / p).is_file()} == {0o644}
    for name in ("latest.json", "CHANGELOG.md", "meeting_ids.json"):
        assert stat.S_IMODE((tmp_path / "out" / name).stat().st_mode) == 0o644, name
    assert stat.S_IMODE((tmp_path / "out" / "releases").stat().st_mode) == 0o755


HOLDER = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    from nichibei.release.lock import output_lock
    with output_lock(Path(sys.argv[1])):
        print("held", flush=True)
        time.sleep(600)
""")


def test_a_second_writer_stops_with_one_line(seed_tables, tmp_path, capsys):
    from conftest import SEEDS

    out = tmp_path / "out"
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(out)], cwd=ROOT, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        assert main(["release", "--raw", str(SEEDS), "--out", str(out)]) == 1
        err = capsys.readouterr().err.strip().splitlines()
        assert len(err) == 1 and "another nichibei run is writing to" in err[0] and f"pid {holder.pid}" in err[0]
        with pytest.raises(OutputLocked):
            publish(seed_tables, out)
        assert not (out / "releases").exists()
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.wait()
    # a killed holder leaves no stale lock
    assert publish(seed_tables, out).version == "1.0.0"


def test_the_lock_is_reentrant_in_one_process(seed_tables, tmp_path):
    out = tmp_path / "out"
    with output_lock(out):
        assert publish(seed_tables, out).version == "1.0.0"
    with output_lock(out):
        pass
