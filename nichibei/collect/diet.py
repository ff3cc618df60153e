"""The Diet record API of the National Diet Library (`/api/speech`, `recordPacking=json`).

Parse: a page of results → its speeches and the next `startRecord` (None on the last page). Fetch: each query
over a window of sitting dates up to today, page by page; speeches already in the raw folder are skipped by
`speechID`. Each speech is one plain-text document (its `speech`, LF line ends) with its sitting date, speaker,
house, committee and speech URL in the manifest."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, timedelta

from nichibei.collect.http import Client, FetchError, Response
from nichibei.collect.sources import Source


@dataclass(frozen=True)
class Speech:
    speech_id: str
    date: str
    house: str
    meeting: str
    speaker: str
    speech_url: str
    text: str


@dataclass(frozen=True)
class DietPage:
    speeches: tuple[Speech, ...]
    next_position: int | None
    total: int


def speech_text(speech: str) -> str:
    """The `speech` field as stored: CRLF and CR become LF, one final LF."""
    return speech.replace("\r\n", "\n").replace("\r", "\n").rstrip("\n") + "\n"


def parse_page(body: bytes) -> DietPage:
    data = json.loads(body.decode("utf-8"))
    if "numberOfRecords" not in data:
        raise ValueError(f"not a speech search result: {str(data.get('message', data))[:200]}")
    speeches = tuple(
        Speech(r["speechID"], r["date"], r.get("nameOfHouse") or "", r.get("nameOfMeeting") or "",
               r.get("speaker") or "", r.get("speechURL") or "", speech_text(r.get("speech") or ""))
        for r in data.get("speechRecord", [])  # no hits: no speechRecord key at all
    )
    return DietPage(speeches, data.get("nextRecordPosition"), int(data["numberOfRecords"]))


def file_name(speech: Speech, folder: str) -> str:
    return f"{folder}/{speech.date}_{speech.speech_id}.txt"


def query_params(query: str, since: date, until: date, start: int, maximum: int) -> dict[str, str]:
    return {"any": query, "from": since.isoformat(), "until": until.isoformat(), "startRecord": str(start),
            "maximumRecords": str(maximum), "recordPacking": "json"}


def fetch_speeches(client: Client, source: Source, known: set[str], today: date) -> list[tuple[Speech, Response]]:
    """New speeches of every query (not in `known`, speechIDs), each with the response it came in."""
    since = today - timedelta(days=source.days)
    found: dict[str, tuple[Speech, Response]] = {}
    for query in source.queries:
        start = 1
        for _ in range(source.max_pages):
            answer = client.get(source.url, query_params(query, since, today, start, source.maximum_records),
                                conditional=False)
            try:
                page = parse_page(answer.body)
            except (ValueError, KeyError) as exc:
                raise FetchError(answer.url, answer.status, f"unreadable answer: {exc}") from None
            for s in page.speeches:
                if s.speech_id not in known and s.speech_id not in found:
                    found[s.speech_id] = (s, answer)
            if page.next_position is None:
                break
            start = int(page.next_position)
    return list(found.values())
