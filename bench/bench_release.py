"""End-to-end throughput of the pipeline's stages (load, clean, extract, validate) on a scaled raw folder.

usage: python bench/bench_release.py [--docs N]

The raw folder is generated deterministically from the seeds in `raw/`: each document is a seed with its
body paragraphs shuffled and its years shifted, so that every document's bytes (and doc_id) differ. It is
written under bench/corpus/ (ignored by git) and reused. Prints seconds, documents per second and MB/s per
stage, and the peak resident memory of the process.
"""

from __future__ import annotations

import argparse
import random
import re
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def make_corpus(n: int) -> Path:
    folder = ROOT / "bench" / "corpus" / f"raw-{n}"
    if folder.is_dir() and len(list(folder.glob("*.txt"))) == n:
        return folder
    folder.mkdir(parents=True, exist_ok=True)
    seeds = sorted((ROOT / "raw").glob("*.txt"))
    texts = [p.read_text(encoding="utf-8").split("\n") for p in seeds]
    for i in range(n):
        rng = random.Random(i)
        lines = list(texts[i % len(texts)])
        head, body = lines[:3], lines[3:]
        cut = max(1, len(body) - 10)
        middle = body[:cut]
        rng.shuffle(middle)
        shift = rng.randint(-8, 2)
        text = "\n".join(head + middle + body[cut:])
        text = re.sub(r"(20[0-2]\d)", lambda m: str(int(m.group(1)) + shift), text)
        (folder / f"{i:06d}.txt").write_text(text + f"\n（{i}）", encoding="utf-8")
    return folder


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--docs", type=int, default=2000)
    args = p.parse_args()
    raw = make_corpus(args.docs)
    from nichibei import pipeline

    mb = sum(f.stat().st_size for f in raw.glob("*.txt")) / 1e6
    timings = []
    t = time.perf_counter()
    loaded = pipeline.load(raw)
    timings.append(("load", time.perf_counter() - t))
    t = time.perf_counter()
    cleaned = pipeline.clean(loaded)
    timings.append(("clean", time.perf_counter() - t))
    t = time.perf_counter()
    extracted, rejected = pipeline.extract(cleaned)
    timings.append(("extract", time.perf_counter() - t))
    t = time.perf_counter()
    tables = pipeline.validate(pipeline.assemble(cleaned, extracted, rejected))
    timings.append(("validate", time.perf_counter() - t))
    print(f"corpus: {args.docs} documents, {mb:.1f} MB")
    print(f"{'stage':10} {'seconds':>8} {'docs/s':>9} {'MB/s':>7}")
    for stage, s in timings + [("total", sum(x for _, x in timings))]:
        print(f"{stage:10} {s:8.2f} {args.docs / s:9.0f} {mb / s:7.2f}")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory: {peak:.0f} MB; rows: " + ", ".join(f"{k} {v.height}" for k, v in tables.items()))


if __name__ == "__main__":
    main()
