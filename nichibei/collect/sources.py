"""The configured sources (`sources.toml`): each has a name, a kind, a publisher, a licence, a language and the
parameters of its kind. A bad file is one `SourcesError` naming the source and the field."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

KINDS = {
    # kind: (required parameters, optional parameters with defaults)
    "diet": (("url", "queries"), {"days": 60, "maximum_records": 100, "max_pages": 20}),
    "feed": (("url", "pattern"), {"max_pages": 1}),
    "listing": (("url", "pattern"), {"max_links": 50}),
}
COMMON = ("name", "kind", "publisher", "license", "language")
NAME = re.compile(r"^[a-z0-9][a-z0-9_-]*$")


class SourcesError(ValueError):
    """The sources file is not valid; the message says where and what."""


@dataclass(frozen=True)
class Source:
    name: str            # also the folder under raw/ its documents go to
    kind: str            # diet | feed | listing
    publisher: str
    license: str
    language: str
    url: str
    queries: tuple[str, ...] = ()   # diet: each query's words (`any`)
    days: int = 60                  # diet: the window of sitting dates, up to today
    maximum_records: int = 100      # diet: records per page (1-100)
    max_pages: int = 1              # diet, feed: pages of results read per run
    pattern: str = ""               # feed, listing: a regular expression the page URLs must match
    max_links: int = 50             # listing: pages fetched per run at most
    notes: str = ""


def parse_sources(text: str, where: str = "sources.toml") -> tuple[Source, ...]:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise SourcesError(f"{where}: not TOML: {exc}") from None
    entries = data.get("source")
    if not isinstance(entries, list) or not entries:
        raise SourcesError(f"{where}: no [[source]] tables")
    sources, names = [], set()
    for i, entry in enumerate(entries, start=1):
        sources.append(_source(entry, f"{where}: source {entry.get('name') or i}"))
        if sources[-1].name in names:
            raise SourcesError(f"{where}: source {sources[-1].name}: the name is used twice")
        names.add(sources[-1].name)
    return tuple(sources)


def _source(entry: dict, where: str) -> Source:
    kind = entry.get("kind")
    if kind not in KINDS:
        raise SourcesError(f"{where}: kind {kind!r} is not one of {', '.join(KINDS)}")
    required, optional = KINDS[kind]
    for key in (*COMMON, *required):
        if entry.get(key) in (None, "", []):
            raise SourcesError(f"{where}: {key!r} is missing")
    allowed = {*COMMON, *required, *optional, "notes"}
    unknown = sorted(set(entry) - allowed)
    if unknown:
        raise SourcesError(f"{where}: unknown field(s) {', '.join(unknown)} for kind {kind}")
    if not NAME.match(entry["name"]):
        raise SourcesError(f"{where}: name {entry['name']!r} must be lower-case letters, digits, - or _")
    if not str(entry["url"]).startswith(("http://", "https://")):
        raise SourcesError(f"{where}: url {entry['url']!r} is not an http(s) URL")
    values = {**optional, **{k: v for k, v in entry.items() if k in optional}}
    for key, default in optional.items():
        if not isinstance(values[key], int) or values[key] < 1:
            raise SourcesError(f"{where}: {key} must be a whole number of at least 1")
    if kind == "diet":
        queries = entry["queries"]
        if not isinstance(queries, list) or not all(isinstance(q, str) and q.strip() for q in queries):
            raise SourcesError(f"{where}: queries must be a list of non-empty strings")
        if values["maximum_records"] > 100:
            raise SourcesError(f"{where}: maximum_records is at most 100")
        values["queries"] = tuple(queries)
    else:
        try:
            re.compile(entry["pattern"])
        except re.error as exc:
            raise SourcesError(f"{where}: pattern is not a regular expression: {exc}") from None
        values["pattern"] = entry["pattern"]
    return Source(**{k: entry[k] for k in (*COMMON, "url")}, notes=entry.get("notes", ""), **values)


def load_sources(path: Path) -> tuple[Source, ...]:
    if not path.is_file():
        raise SourcesError(f"{path}: no such sources file")
    return parse_sources(path.read_text(encoding="utf-8"), str(path))
