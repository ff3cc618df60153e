"""Benchmark of the temporal resolver against ja-timex: accuracy on the seeds' and the three probe sets' temporal
gold, and throughput.

Run from the repository root with the peers' environment (see bench/README.md):

    .venv-peers/bin/python bench/bench_temporal.py            # seeds + 10,000-document corpus
    .venv-peers/bin/python bench/bench_temporal.py --docs 2000 --peer-docs 500

The scaled corpus is generated deterministically from the seeds (paragraphs recombined, dates varied) and
written under bench/corpus/, which git ignores. Throughput is UTF-8 bytes of ``text`` per second, excluding
start-up (imports, building the parser) and corpus generation.

The probe documents (tests/fixtures/probe, probe2, probe3) are cleaned by the pipeline itself
(``nichibei.pipeline.clean``), which needs the project's environment; when the peers' environment lacks it, the
script asks the project's virtualenv (.venv at the repository root) to write the cleaned documents to bench/corpus/<set>-documents.parquet.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import polars as pl  # noqa: E402

from nichibei.extract.temporal import extract_temporal  # noqa: E402
from seeds import seed_texts  # noqa: E402

CORPUS_DIR = ROOT / "bench" / "corpus"
SEEDS_GOLD = ROOT / "tests" / "fixtures" / "seeds-temporal-gold.jsonl"
# the probe sets: name → (documents directory, temporal gold)
PROBES = {
    name: (ROOT / "tests" / "fixtures" / name, ROOT / "tests" / "fixtures" / f"{name}-temporal-gold.jsonl")
    for name in ("probe", "probe2", "probe3")
}


# ---------------------------------------------------------------------------------------------------------
# documents


def seed_documents() -> pl.DataFrame:
    rows = [{"doc_id": g["file"], "text": text, "anchor_date": dt.date.fromisoformat(g["published_date"])}
            for g, text in seed_texts()]
    return pl.DataFrame(rows, schema={"doc_id": pl.Utf8, "text": pl.Utf8, "anchor_date": pl.Date})


_PROBE_SCRIPT = """
import sys
from pathlib import Path
import polars as pl
sys.path.insert(0, sys.argv[1])
from nichibei import pipeline
docs = pipeline.clean(pipeline.load(Path(sys.argv[2]))).documents
docs.select(pl.col("source_file").alias("doc_id"), "text", pl.col("published_date").alias("anchor_date")).write_parquet(sys.argv[3])
"""


def probe_documents(name: str) -> pl.DataFrame | None:
    """A probe set's documents as the pipeline cleans them (doc_id = file name, text, anchor_date), or None."""
    probe_dir = PROBES[name][0]
    try:
        from nichibei import pipeline
    except ImportError:
        project_python = ROOT / ".venv" / "bin" / "python"
        cached = CORPUS_DIR / f"{name}-documents.parquet"
        if project_python.exists():  # rewritten on every run: the cleaner may have changed
            CORPUS_DIR.mkdir(parents=True, exist_ok=True)
            subprocess.run([str(project_python), "-c", _PROBE_SCRIPT, str(ROOT), str(probe_dir), str(cached)],
                           check=False, capture_output=True)
        return pl.read_parquet(cached) if cached.exists() else None
    docs = pipeline.clean(pipeline.load(probe_dir)).documents
    return docs.select(pl.col("source_file").alias("doc_id"), "text", pl.col("published_date").alias("anchor_date"))


_YEAR = re.compile(r"(?<![0-9])(?:19|20)[0-9]{2}(?![0-9])")
_MONTH_DAY = re.compile(r"(?<![0-9])([0-9]{1,2})月([0-9]{1,2})日")
_HOUR = re.compile(r"(午前|午後)([0-9]{1,2})時")


def scaled_corpus(seeds: pl.DataFrame, n_docs: int) -> pl.DataFrame:
    """n_docs documents recombined from the seeds' paragraphs with varied years, dates, hours and anchors."""
    path = CORPUS_DIR / f"temporal-{n_docs}.parquet"
    if path.exists():
        return pl.read_parquet(path)
    paragraphs = [p for t in seeds["text"] for p in t.split("\n") if p.strip()]
    rows = []
    for i in range(n_docs):
        rng = random.Random(i)
        year = rng.randint(2005, 2026)
        parts = []
        for p in rng.sample(paragraphs, rng.randint(4, 12)):
            p = _YEAR.sub(lambda m: str(rng.randint(2000, 2030)), p)
            p = _MONTH_DAY.sub(lambda m: f"{rng.randint(1, 12)}月{rng.randint(1, 28)}日", p)
            p = _HOUR.sub(lambda m: f"{m.group(1)}{rng.randint(1, 11)}時", p)
            parts.append(p)
        anchor = dt.date(year, 1, 1) + dt.timedelta(days=rng.randint(0, 364))
        rows.append({"doc_id": f"gen-{i:06d}", "text": "\n\n".join(parts), "anchor_date": anchor})
    corpus = pl.DataFrame(rows, schema={"doc_id": pl.Utf8, "text": pl.Utf8, "anchor_date": pl.Date})
    CORPUS_DIR.mkdir(parents=True, exist_ok=True)
    corpus.write_parquet(path)
    return corpus


# ---------------------------------------------------------------------------------------------------------
# scoring on the gold


def _minutes(iso: str) -> float | None:
    m = re.fullmatch(r"P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?", iso or "")
    if m is None:
        return None
    y, mo, w, d, h, mi, s = (int(g) if g else 0 for g in m.groups())
    return y * 525600 + mo * 43800 + w * 10080 + d * 1440 + h * 60 + mi + s / 60


def _same(kind: str, got: str | None, want: str | None) -> bool:
    if want is None:  # the gold says unresolved (no anchor, no guess): a value is wrong
        return got is None
    if got is None:
        return False
    if kind == "datetime":
        try:
            a, b = dt.datetime.fromisoformat(got), dt.datetime.fromisoformat(want)
        except ValueError:
            return False
        return (a.tzinfo is None) == (b.tzinfo is None) and a == b
    if kind == "duration":
        return _minutes(got) is not None and _minutes(got) == _minutes(want)
    return got == want


def score(mentions: list[dict], docs: pl.DataFrame, gold_path: Path = SEEDS_GOLD) -> tuple[int, int, list[str]]:
    """Rows of the temporal gold right: for each gold row, the mention overlapping its span most decides.
    A row whose surface is not in the document's text (cleaned differently) counts as a miss."""
    gold = [json.loads(x) for x in gold_path.read_text("utf-8").splitlines() if x.strip()]
    texts = dict(zip(docs["doc_id"], docs["text"]))
    right, misses = 0, []
    for g in gold:
        start = (texts.get(g["file"]) or "").find(g["surface"])
        if start < 0:
            misses.append(f"{g['file'][:3]} {g['surface']} (not in text)")
            continue
        end = start + len(g["surface"])
        over = [
            (min(m["char_end"], end) - max(m["char_start"], start), m)
            for m in mentions
            if m["doc_id"] == g["file"] and m["char_start"] < end and m["char_end"] > start
        ]
        if g["kind"] == "none":
            ok = not over
        elif not over:
            ok = False
        else:
            best = max(over, key=lambda x: x[0])[1]
            kinds = {best["kind"], g["kind"]}
            ok = (best["kind"] == g["kind"] or kinds == {"date", "weekday"}) and _same(g["kind"], best["value"], g["value"])
        right += ok
        if not ok:
            misses.append(f"{g['file'][:3]} {g['surface']}")
    return right, len(gold), misses


# ---------------------------------------------------------------------------------------------------------
# ja-timex, its TIMEX3 values mapped onto this dataset's kinds


def ja_timex_mentions(parser_for, docs: pl.DataFrame) -> list[dict]:
    out = []
    for doc_id, text, anchor in docs.iter_rows():
        for t in parser_for(anchor).parse(text):
            kind, value = _timex_value(t)
            out.append({"doc_id": doc_id, "char_start": t.span[0], "char_end": t.span[1], "kind": kind, "value": value})
    return out


def _timex_value(t) -> tuple[str, str | None]:
    v = t.value or ""
    if t.type == "DURATION":
        return "duration", v
    if t.type == "TIME":
        resolved = t.to_datetime() if hasattr(t, "to_datetime") else None
        return "datetime", resolved.isoformat() if resolved is not None else None
    if t.type != "DATE":
        return t.type.lower(), None
    resolved = t.to_datetime() if hasattr(t, "to_datetime") else None
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", v):
        return "date", v
    if re.fullmatch(r"\d{4}-\d{2}-XX", v):
        return "month", v[:7]
    if re.fullmatch(r"\d{4}-XX-XX", v):
        return "year", v[:4]
    if resolved is not None and re.fullmatch(r"XXXX-\d{2}-XX", v):
        return "month", resolved.strftime("%Y-%m")
    if resolved is not None and re.fullmatch(r"[\dX]{4}-[\dX]{2}-\d{2}", v):
        return "date", resolved.strftime("%Y-%m-%d")
    return "date", None


def _ja_timex_factory():
    import pendulum
    from ja_timex import TimexParser

    cache: dict = {}

    def parser_for(anchor: dt.date | None):
        if anchor not in cache:
            ref = None if anchor is None else pendulum.datetime(anchor.year, anchor.month, anchor.day, tz="Asia/Tokyo")
            cache[anchor] = TimexParser(reference=ref)
        return cache[anchor]

    return parser_for


# ---------------------------------------------------------------------------------------------------------


def _mb(docs: pl.DataFrame) -> float:
    return docs["text"].str.len_bytes().sum() / 1e6


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--docs", type=int, default=10_000, help="documents in the scaled corpus")
    ap.add_argument("--peer-docs", type=int, default=None, help="run ja-timex on the first N documents only")
    ap.add_argument("--repeat", type=int, default=3, help="timed runs of this resolver (median reported)")
    args = ap.parse_args()

    seeds = seed_documents()
    corpus = scaled_corpus(seeds, args.docs)
    peer_corpus = corpus if args.peer_docs is None else corpus.head(args.peer_docs)

    ours = extract_temporal(seeds)
    ours_right, n_gold, ours_miss = score(ours.to_dicts(), seeds)
    probes = {name: docs for name in PROBES if (docs := probe_documents(name)) is not None}
    ours_probe = {name: score(extract_temporal(docs).to_dicts(), docs, PROBES[name][1]) for name, docs in probes.items()}
    extract_temporal(corpus.head(50))  # warm-up: regex compilation, zone gazetteer
    times = []
    for _ in range(args.repeat):
        t0 = time.perf_counter()
        out = extract_temporal(corpus)
        times.append(time.perf_counter() - t0)
    ours_t = statistics.median(times)
    ours_mbs = _mb(corpus) / ours_t

    try:
        parser_for = _ja_timex_factory()
        parser_for(None).parse("2024年7月28日")  # start-up excluded
        peer = ja_timex_mentions(parser_for, seeds)
        peer_right, _, peer_miss = score(peer, seeds)
        peer_probe = {name: score(ja_timex_mentions(parser_for, docs), docs, PROBES[name][1])
                      for name, docs in probes.items()}
        for a in peer_corpus["anchor_date"].unique().to_list():
            parser_for(a)
        t0 = time.perf_counter()
        peer_n = len(ja_timex_mentions(parser_for, peer_corpus))
        peer_t = time.perf_counter() - t0
        peer_mbs = _mb(peer_corpus) / peer_t
    except ImportError as e:  # the peers' environment is not installed
        print(f"ja-timex not available ({e}); see bench/README.md", file=sys.stderr)
        peer_right = peer_mbs = peer_t = peer_n = None
        peer_miss, peer_probe = [], {}

    print(f"corpus: {corpus.height} documents, {_mb(corpus):.2f} MB UTF-8; ja-timex timed on {peer_corpus.height} "
          f"documents, {_mb(peer_corpus):.2f} MB")
    def probe_cells(results: dict) -> str:
        return "".join(f"{f'{results[n][0]}/{results[n][1]}' if n in results else '-':>14}" for n in PROBES)

    print(f"{'system':<22}{'seeds right':>14}{'accuracy':>10}" + "".join(f"{n + ' right':>14}" for n in PROBES)
          + f"{'seconds':>10}{'MB/s':>10}{'mentions':>10}")
    print(f"{'nichibei.temporal':<22}{f'{ours_right}/{n_gold}':>14}{ours_right / n_gold:>10.1%}"
          f"{probe_cells(ours_probe)}{ours_t:>10.2f}{ours_mbs:>10.2f}{out.height:>10}")
    if peer_right is not None:
        print(f"{'ja-timex 0.2.8':<22}{f'{peer_right}/{n_gold}':>14}{peer_right / n_gold:>10.1%}"
              f"{probe_cells(peer_probe)}{peer_t:>10.2f}{peer_mbs:>10.2f}{peer_n:>10}")
        print(f"speed-up: {ours_mbs / peer_mbs:.1f}x")
    for name in PROBES:
        if name not in probes:
            print(f"{name} documents not available: the pipeline's environment is needed to clean them",
                  file=sys.stderr)
    print("nichibei.temporal misses:", ", ".join(ours_miss) or "none")
    for name, (_, _, miss) in ours_probe.items():
        print(f"nichibei.temporal {name} misses:", ", ".join(miss) or "none")
    if peer_right is not None:
        print("ja-timex misses:", ", ".join(peer_miss) or "none")
        for name, (_, _, miss) in peer_probe.items():
            print(f"ja-timex {name} misses:", ", ".join(miss) or "none")


if __name__ == "__main__":
    main()
