"""The release flow: load → clean → extract → validate → publish, each task over the whole batch of documents."""

from __future__ import annotations

from pathlib import Path

import polars as pl
from prefect import flow, task
from prefect.cache_policies import NO_CACHE

from nichibei import pipeline
from nichibei.collect import Collected, collect
from nichibei.release.builds import build_key, known_release, remember
from nichibei.release.publish import Published, publish
from nichibei.release.versions import input_fingerprint


@task(name="collect", cache_policy=NO_CACHE, retries=2, retry_delay_seconds=5)
def collect_task(inbox: Path, raw_dir: Path) -> Collected:
    """Move new documents from the inbox into the raw folder (disk IO: retried)."""
    return collect(inbox, raw_dir)


@task(name="fingerprint", cache_policy=NO_CACHE, retries=2, retry_delay_seconds=1)
def fingerprint_task(raw_dir: Path) -> dict:
    """The raw folder's fingerprint (every file's path and bytes) and the manifest's checksum."""
    return input_fingerprint(raw_dir)


@task(name="load", cache_policy=NO_CACHE, retries=2, retry_delay_seconds=1)
def load_task(raw_dir: Path) -> pipeline.Loaded:
    """Read and decode every raw document and `sources.csv` (disk IO: retried)."""
    return pipeline.load(raw_dir)


@task(name="clean", cache_policy=NO_CACHE)
def clean_task(loaded: pipeline.Loaded) -> pipeline.CleanedStage:
    return pipeline.clean(loaded)


@task(name="extract", cache_policy=NO_CACHE)
def extract_task(cleaned: pipeline.CleanedStage) -> dict[str, pl.DataFrame]:
    return pipeline.assemble(cleaned, *pipeline.extract(cleaned))


@task(name="validate", cache_policy=NO_CACHE)
def validate_task(tables: dict[str, pl.DataFrame]) -> dict[str, pl.DataFrame]:
    return pipeline.validate(tables)


@task(name="publish", cache_policy=NO_CACHE)
def publish_task(tables: dict[str, pl.DataFrame], out_dir: Path, inputs: dict, public: bool) -> Published:
    published = publish(tables, out_dir, inputs, public=public)
    remember(out_dir, build_key(inputs, public), published.version)
    return published


@flow(name="nichibei-release", log_prints=False)
def release_flow(raw_dir: Path = Path("raw"), out_dir: Path = Path("output"), public: bool = False,
                 inbox: Path | None = None) -> Published:
    """Build a release of the raw folder; publish nothing new when the data did not change.

    `public`: a release fit to publish, under OUT/public/, withholding texts whose licence forbids it.
    `inbox`: first collect new documents from this folder into the raw folder.
    """
    if inbox is not None and Path(inbox).is_dir():
        collect_task(Path(inbox), Path(raw_dir))
    target = out_dir / "public" if public else out_dir
    inputs = fingerprint_task(raw_dir)
    # the same inputs, code and libraries as a run that ended in a release: that release, nothing read again
    if (known := known_release(target, build_key(inputs, public))) is not None:
        return Published(known, known.name, False, None)
    loaded = load_task(raw_dir)
    cleaned = clean_task(loaded)
    tables = extract_task(cleaned)
    valid = validate_task(tables)
    return publish_task(valid, target, inputs, public)
