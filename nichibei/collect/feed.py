"""A briefing-room archive read through its RSS 2.0 (or Atom) feed, WordPress style: `?paged=N` pages, 404 past
the last. Parse: a feed → its items (guid, link, title, publication date). Fetch: the first `max_pages` pages
(conditionally: 304 means nothing new), then every item whose link matches the source's pattern."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import datetime
from email.utils import parsedate_to_datetime

from nichibei.collect.http import Client, FetchError, Response
from nichibei.collect.sources import Source

ATOM = "{http://www.w3.org/2005/Atom}"


@dataclass(frozen=True)
class Item:
    guid: str
    link: str
    title: str
    published_at: str   # ISO 8601 with its offset, "" if the feed gives none


def _iso(value: str | None) -> str:
    if not value:
        return ""
    try:
        return parsedate_to_datetime(value.strip()).isoformat()     # RSS: RFC 822
    except (TypeError, ValueError):
        try:
            return datetime.fromisoformat(value.strip().replace("Z", "+00:00")).isoformat()  # Atom: RFC 3339
        except ValueError:
            return ""


def parse_feed(body: bytes) -> tuple[Item, ...]:
    root = ET.fromstring(body)
    if root.tag == f"{ATOM}feed":
        return tuple(
            Item((e.findtext(f"{ATOM}id") or "").strip(),
                 next((a.get("href", "") for a in e.findall(f"{ATOM}link") if a.get("rel", "alternate") == "alternate"), ""),
                 (e.findtext(f"{ATOM}title") or "").strip(),
                 _iso(e.findtext(f"{ATOM}published") or e.findtext(f"{ATOM}updated")))
            for e in root.iter(f"{ATOM}entry"))
    items = []
    for e in root.iter("item"):
        link = (e.findtext("link") or "").strip()
        items.append(Item((e.findtext("guid") or link).strip(), link, (e.findtext("title") or "").strip(),
                          _iso(e.findtext("pubDate"))))
    return tuple(items)


def page_url(url: str, n: int) -> str:
    return url if n == 1 else f"{url}{'&' if '?' in url else '?'}paged={n}"


def feed_items(client: Client, source: Source) -> tuple[list[Item], list[Response]]:
    """Items of the first pages of the feed whose link matches the pattern ([] when the feed is unchanged), and
    the answers of the feed's pages."""
    pattern, items, answers = re.compile(source.pattern), [], []
    for n in range(1, source.max_pages + 1):
        answer = client.get(page_url(source.url, n), ok=(200, 404))
        if answer.not_modified or answer.status == 404:
            break
        answers.append(answer)
        try:
            page = parse_feed(answer.body)
        except ET.ParseError as exc:
            raise FetchError(answer.url, answer.status, f"not a feed: {exc}") from None
        items += [i for i in page if pattern.search(i.link)]
    return items, answers
