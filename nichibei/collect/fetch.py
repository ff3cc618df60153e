"""Collecting one source: fetch with its adapter, store what is new in the raw folder, say what was added."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from nichibei.collect import diet, feed, listing, store
from nichibei.collect.http import Client, FetchError, Response
from nichibei.collect.sources import Source


@dataclass(frozen=True)
class SourceResult:
    source: str
    added: tuple[str, ...] = ()          # files added to the raw folder
    unchanged: int = 0                   # pages answered 304 or fetched with bytes already stored
    failures: tuple[tuple[str, int | None, str], ...] = field(default=())  # (URL, status, reason) of pages

    def line(self) -> str:
        failed = f", {len(self.failures)} failed" if self.failures else ""
        return f"{self.source}: {len(self.added)} added, {self.unchanged} unchanged{failed}"


def _row(source: Source, rel: str, answer: Response, **fields: str) -> dict[str, str]:
    return {"file": rel, "publisher": source.publisher, "license": source.license,
            "retrieved_at": answer.retrieved_at, "http_status": str(answer.status),
            "content_type": answer.content_type, "charset": answer.charset, **fields}


def _known_speeches(raw_dir: Path, folder: str) -> set[str]:
    return {p.stem.split("_", 1)[1] for p in (raw_dir / folder).glob("*_*.txt")} if (raw_dir / folder).is_dir() else set()


def collect_diet(client: Client, source: Source, raw_dir: Path, today: date) -> SourceResult:
    added, rows = [], []
    for speech, answer in diet.fetch_speeches(client, source, _known_speeches(raw_dir, source.name), today):
        rel = diet.file_name(speech, source.name)
        if store.write_new(raw_dir, rel, speech.text.encode("utf-8")):
            added.append(rel)
            rows.append(_row(source, rel, answer, source_url=speech.speech_url, published_at=speech.date,
                             content_type="text/plain", charset="utf-8", speaker=speech.speaker,
                             house=speech.house, committee=speech.meeting,
                             notes=f"{speech.house} {speech.meeting}; speech of an NDL API record"))
    store.append_rows(raw_dir, rows)
    return SourceResult(source.name, tuple(added))


def _collect_pages(client: Client, source: Source, raw_dir: Path,
                   pages: list[tuple[str, str]]) -> SourceResult:
    """Fetch each (url, published_at) conditionally; a new body is a new snapshot. A failing page is recorded."""
    added, rows, unchanged, failures, remembered = [], [], 0, [], []
    for url, published_at in pages:
        try:
            answer = client.get(url)
        except FetchError as exc:
            failures.append((exc.url, exc.status, exc.reason))
            continue
        rel = "" if answer.not_modified else store.page_name(source.name, answer.body, answer.content_type)
        if rel and store.write_new(raw_dir, rel, answer.body):
            added.append(rel)
            rows.append(_row(source, rel, answer, source_url=url, published_at=published_at,
                             notes=f"{source.kind} page, stored as fetched"))
        else:
            unchanged += 1
        remembered.append(answer)
    store.append_rows(raw_dir, rows)
    for answer in remembered:  # stored and listed: from now on asked for conditionally
        client.validators.remember(answer)
    return SourceResult(source.name, tuple(added), unchanged, tuple(failures))


def collect_feed(client: Client, source: Source, raw_dir: Path, today: date) -> SourceResult:
    items, answers = feed.feed_items(client, source)
    result = _collect_pages(client, source, raw_dir, [(i.link, i.published_at) for i in items])
    if not result.failures:  # else the feed is read again next time, for the pages that failed
        for answer in answers:
            client.validators.remember(answer)
    return result


def collect_listing(client: Client, source: Source, raw_dir: Path, today: date) -> SourceResult:
    answer = client.get(source.url, conditional=False)  # the links, to ask each page conditionally
    html = listing.decode_page(answer.body, answer.charset)
    links = listing.listing_links(html, answer.url, source.pattern)[: source.max_links]
    return _collect_pages(client, source, raw_dir, [(u, "") for u in links])


COLLECTORS = {"diet": collect_diet, "feed": collect_feed, "listing": collect_listing}


def collect_source(client: Client, source: Source, raw_dir: Path, today: date) -> SourceResult:
    return COLLECTORS[source.kind](client, source, raw_dir, today)
