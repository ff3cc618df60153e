"""Benchmark: dictionary matching of entity aliases and office titles over many documents.

Compares ways of finding every alias/title key in the folded document text:

* ``pyahocorasick``  -- one Aho–Corasick automaton, ``Automaton.iter`` per document (what nichibei.entities uses);
* ``polars``         -- ``str.find_many`` + ``str.extract_many`` (Rust Aho–Corasick) over the whole column, then
                        byte offsets converted to code points;
* ``re``             -- one big Python regex alternation (longest keys first), ``finditer`` per document;

then times the full ``resolve_entities`` on the same corpus. The corpus is the seed documents (their text rebuilt
from the gold annotations) repeated to ``--docs`` documents. Each approach runs in a fresh process so that its peak
memory (ru_maxrss, minus the same process's peak before matching) is its own.

    .venv/bin/python bench/bench_entities.py --docs 10000
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import re
import resource
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import polars as pl  # noqa: E402

from nichibei.extract.entities.resolve import load_reference, resolve_entities  # noqa: E402
from nichibei.extract.entities.folding import fold_text  # noqa: E402
from seeds import seed_texts  # noqa: E402


def seed_corpus(n_docs: int) -> pl.DataFrame:
    seeds = []
    for g, text in seed_texts():
        m = next((m for m in g["meetings"] if m.get("primary")), g["meetings"][0])
        seeds.append((text, date.fromisoformat(m.get("date_local") or g["published_date"])))
    rows = [(f"doc{i:06d}", *seeds[i % len(seeds)]) for i in range(n_docs)]
    return pl.DataFrame(rows, schema={"doc_id": pl.Utf8, "text": pl.Utf8, "reference_date": pl.Date}, orient="row")


def _maxrss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def _keys(ref) -> list[str]:
    return list(ref._index.automaton.keys())


def run_approach(name: str, n_docs: int, q: mp.Queue) -> None:
    ref = load_reference()
    docs = seed_corpus(n_docs)
    texts = docs["text"].to_list()
    nbytes = sum(len(t.encode("utf-8")) for t in texts)
    if name == "resolve_entities":
        base = _maxrss_mb()
        t0 = time.perf_counter()
        mentions, _ = resolve_entities(docs, ref)
        dt = time.perf_counter() - t0
        q.put({"approach": name, "seconds": dt, "mb": nbytes / 1e6, "hits": mentions.height,
               "peak_mb": _maxrss_mb() - base})
        return
    folded = [fold_text(t).lower for t in texts]  # the same folded input for every matcher
    keys = _keys(ref)
    base = _maxrss_mb()
    t0 = time.perf_counter()
    hits = 0
    if name == "pyahocorasick":
        automaton = ref._index.automaton
        for t in folded:
            for end, (length, _) in automaton.iter(t):
                hits += 1
    elif name == "polars":
        s = pl.Series("t", folded)
        starts = s.str.find_many(keys, overlapping=True)
        found = s.str.extract_many(keys, overlapping=True)
        # byte offsets -> code points, walking each document's sorted match starts once
        for t, byte_starts, keys_found in zip(folded, starts.to_list(), found.to_list()):
            raw = t.encode("utf-8")
            pos_b, pos_c = 0, 0
            for b, k in sorted(zip(byte_starts, keys_found)):
                pos_c += len(raw[pos_b:b].decode("utf-8"))
                pos_b = b
                hits += 1
    elif name == "re":
        pattern = re.compile("|".join(re.escape(k) for k in sorted(keys, key=len, reverse=True)))
        for t in folded:
            for _ in pattern.finditer(t):
                hits += 1
    else:
        raise ValueError(name)
    dt = time.perf_counter() - t0
    q.put({"approach": name, "seconds": dt, "mb": nbytes / 1e6, "hits": hits, "peak_mb": _maxrss_mb() - base})


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=10_000)
    ap.add_argument("--approaches", default="pyahocorasick,polars,re,resolve_entities")
    args = ap.parse_args(argv)
    ctx = mp.get_context("spawn")
    results = []
    for name in args.approaches.split(","):
        q: mp.Queue = ctx.Queue()
        p = ctx.Process(target=run_approach, args=(name, args.docs, q))
        p.start()
        results.append(q.get())
        p.join()
    print(f"corpus: {args.docs} documents, {results[0]['mb']:.1f} MB of UTF-8 text")
    print(f"{'approach':<18} {'seconds':>9} {'MB/s':>8} {'hits':>10} {'peak MB':>8}")
    for r in results:
        print(f"{r['approach']:<18} {r['seconds']:>9.2f} {r['mb'] / r['seconds']:>8.2f} {r['hits']:>10} "
              f"{r['peak_mb']:>8.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
