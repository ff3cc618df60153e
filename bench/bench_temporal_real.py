"""Time the temporal stage per document on the real documents of a raw folder, as the pipeline cleans them.

    python bench/bench_temporal_real.py [--raw raw] [--repeat 7]

Prints the documents, the median seconds of `--repeat` runs of `extract_temporal` over all of them (cleaning and
start-up excluded), milliseconds per document and the mentions found.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

import polars as pl

from nichibei import pipeline
from nichibei.extract.temporal import extract_temporal


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--raw", type=Path, default=Path("raw"), help="folder of raw documents")
    ap.add_argument("--repeat", type=int, default=7, help="timed runs (median reported)")
    args = ap.parse_args()
    docs = pipeline.clean(pipeline.load(args.raw)).documents.select(
        "doc_id", "text", pl.col("published_date").alias("anchor_date")).rechunk()
    extract_temporal(docs.head(5))  # warm-up: regex compilation, zone gazetteer
    times = []
    for _ in range(args.repeat):
        t0 = time.perf_counter()
        out = extract_temporal(docs)
        times.append(time.perf_counter() - t0)
    median = statistics.median(times)
    print(f"{docs.height} documents  {median:.3f} s  {1000 * median / docs.height:.2f} ms/document  "
          f"{out.height} mentions")


if __name__ == "__main__":
    main()
