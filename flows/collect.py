"""The collection flow: each configured source fetched as a Prefect task (a transient failure — a timeout, a
dropped connection, HTTP 429 or 5xx — retried with backoff), what is new stored in the raw folder; a source that
still fails is recorded with its URL, status and reason, and the others go on. And the scheduled flow: collect,
then release (which publishes nothing when nothing changed)."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import date, datetime, timezone
from pathlib import Path

from prefect import flow, task
from prefect.cache_policies import NO_CACHE

from nichibei.collect.fetch import SourceResult, collect_source
from nichibei.collect.http import Client, ClientOptions, FetchError, Transient, Validators
from nichibei.collect.sources import Source, load_sources

STATE_FILE = "collect/state.json"   # under the output folder: validators of conditional GET
LOG_FILE = "collect/runs.csv"       # under the output folder: one row per source per run
LOG_COLUMNS = ["run_at", "source", "added", "unchanged", "failed_url", "status", "reason"]
RETRY_DELAYS = (10, 60, 300)        # seconds before the 1st, 2nd, 3rd retry of a source


@dataclass(frozen=True)
class CollectOptions:
    sources: Path = Path("sources.toml")
    raw_dir: Path = Path("raw")
    out_dir: Path = Path("output")
    only: tuple[str, ...] = ()               # names of the sources to collect (all if empty)
    client: ClientOptions = ClientOptions()
    retry_delays: tuple[float, ...] = RETRY_DELAYS


def _is_transient(task, task_run, state) -> bool:
    try:
        exc = state.result(raise_on_failure=False)
    except Exception:  # noqa: BLE001 - a result that cannot be read is not worth a retry
        return False
    return isinstance(exc, Transient)


@task(name="collect-source", cache_policy=NO_CACHE, retry_condition_fn=_is_transient)
def collect_source_task(client: Client, source: Source, raw_dir: Path, today: date) -> SourceResult:
    """Fetch one source and store what is new (network IO: retried when the failure is transient)."""
    return collect_source(client, source, raw_dir, today)


def _failure(source: Source, state) -> SourceResult:
    exc = state.result(raise_on_failure=False)
    if isinstance(exc, FetchError):
        return SourceResult(source.name, failures=((exc.url, exc.status, exc.reason),))
    return SourceResult(source.name, failures=((source.url, None, f"{type(exc).__name__}: {exc}"),))


def _log(out_dir: Path, results: list[SourceResult]) -> None:
    path = out_dir / LOG_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    new = not path.exists()
    run_at = datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    with path.open("a", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        if new:
            writer.writerow(LOG_COLUMNS)
        for r in results:
            base = [run_at, r.source, len(r.added), r.unchanged]
            writer.writerows([base + [u, s or "", why] for u, s, why in r.failures] or [base + ["", "", ""]])


@flow(name="nichibei-collect", log_prints=False)
def collect_flow(options: CollectOptions = CollectOptions()) -> list[SourceResult]:
    """Collect every configured source once; the results, one per source, in the order of the sources file."""
    sources = [s for s in load_sources(Path(options.sources)) if not options.only or s.name in options.only]
    validators = Validators.load(Path(options.out_dir) / STATE_FILE)
    fetch = collect_source_task.with_options(retries=len(options.retry_delays),
                                             retry_delay_seconds=list(options.retry_delays) or 0)
    today = datetime.now(timezone.utc).date()
    results = []
    with Client(validators, options.client) as client:
        for source in sources:
            state = fetch(client, source, Path(options.raw_dir), today, return_state=True)
            results.append(state.result() if state.is_completed() else _failure(source, state))
            validators.save()
    _log(Path(options.out_dir), results)
    return results


@flow(name="nichibei-collect-release", log_prints=False)
def collect_release_flow(sources: str = "sources.toml", raw_dir: str = "raw", out_dir: str = "output",
                         inbox: str = "inbox", public: bool = False):
    """Collect from the sources, take what was dropped in the inbox, and publish a release if the data changed."""
    from flows.release import release_flow

    collect_flow(CollectOptions(Path(sources), Path(raw_dir), Path(out_dir)))
    return release_flow(raw_dir=Path(raw_dir), out_dir=Path(out_dir), public=public, inbox=Path(inbox))
