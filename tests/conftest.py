"""Shared fixtures: the seed documents, their gold, and one real release of raw/ built through the CLI."""

from __future__ import annotations

import csv
import json
import os
import tempfile
from pathlib import Path

# Prefect reads its settings when first imported: keep its console quiet, and its telemetry off, in tests.
os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "120")

import pytest

ROOT = Path(__file__).resolve().parent.parent
RAW = ROOT / "raw"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def copy_seeds(dest: Path) -> Path:
    """The five seed documents (the files at the top of raw/) and their sources.csv rows, copied into `dest`."""
    dest.mkdir(parents=True, exist_ok=True)
    names = {p.name for p in RAW.glob("*.txt")}
    for name in names:
        (dest / name).write_bytes((RAW / name).read_bytes())
    with (RAW / "sources.csv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    with (dest / "sources.csv").open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh, lineterminator="\n").writerows([rows[0], *(r for r in rows[1:] if r and r[0] in names)])
    return dest


# the seeds alone: the tests of the seed gold and of the release mechanics run on them
SEEDS = copy_seeds(Path(tempfile.mkdtemp(prefix="nichibei-seeds-")))


def rebuild_document_text(raw: str, boilerplate_lines: list[int]) -> str:
    """documents.text: the raw text split on \\n, minus the 1-based boilerplate line numbers, joined with \\n."""
    drop = set(boilerplate_lines)
    return "\n".join(line for i, line in enumerate(raw.split("\n"), start=1) if i not in drop)


def load_gold() -> list[dict]:
    with (ROOT / "nichibei" / "data" / "gold" / "seeds-gold.jsonl").open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


@pytest.fixture(scope="session")
def seed_gold() -> dict[str, dict]:
    return {g["file"]: g for g in load_gold()}


@pytest.fixture(scope="session")
def seed_tables():
    """Every table built from raw/ by the pipeline without Prefect, validated."""
    from nichibei.pipeline import build_tables

    return build_tables(SEEDS)


@pytest.fixture(scope="session")
def real_tables():
    """Every table built from the whole of raw/ (the seeds and the real corpus), validated."""
    from nichibei.pipeline import build_tables

    return build_tables(RAW)


def load_corpus_gold() -> list[dict]:
    """The hand-read gold of 120 corpus documents, kept as package data: every release scores itself on it."""
    from nichibei.release.scoring import load_gold

    return load_gold("corpus-gold.jsonl")


@pytest.fixture(scope="session")
def seed_release(tmp_path_factory) -> Path:
    """A real release of raw/, published by `nichibei release` (the Prefect flow, embedded)."""
    from nichibei.cli import main

    out = tmp_path_factory.mktemp("output")
    assert main(["release", "--raw", str(SEEDS), "--out", str(out)]) == 0
    (release,) = (out / "releases").iterdir()
    return release
