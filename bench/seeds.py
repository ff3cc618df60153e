"""The seeds' documents.text for the benchmarks: the raw files minus the gold boilerplate lines."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def seed_texts() -> Iterator[tuple[dict, str]]:
    """(gold row, documents.text) for each seed, in the gold's order."""
    for line in (ROOT / "tests" / "fixtures" / "seeds-gold.jsonl").read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        gold = json.loads(line)
        raw = (ROOT / "raw" / gold["file"]).read_text(encoding="utf-8").replace("\r\n", "\n")
        drop = set(gold["boilerplate_lines"])
        yield gold, "\n".join(x for i, x in enumerate(raw.split("\n"), start=1) if i not in drop)
