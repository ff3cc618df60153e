"""A ministry's listing page (e.g. a foreign ministry's country page of meetings): the links of the page that
match the source's URL pattern, in page order, made absolute. Links are chosen by URL, never by class names,
and only the listing's own links are taken (nothing is crawled beyond them)."""

from __future__ import annotations

import codecs
import re
from urllib.parse import urldefrag, urljoin

from bs4 import BeautifulSoup

# what a Content-Type label means on the web (WHATWG): Shift_JIS is Windows code page 932
WEB_CHARSETS = {"shift_jis": "cp932", "shift-jis": "cp932", "sjis": "cp932", "x-sjis": "cp932",
                "windows-31j": "cp932", "ms_kanji": "cp932", "csshiftjis": "cp932", "euc-jp": "euc_jis_2004",
                "iso-8859-1": "cp1252", "us-ascii": "cp1252", "latin1": "cp1252"}


def decode_page(body: bytes, charset: str) -> str:
    """The text of a fetched page, read with the charset its header declared (as the web means it)."""
    name = WEB_CHARSETS.get(charset.strip().lower(), charset.strip()) or "utf-8"
    try:
        codecs.lookup(name)
    except LookupError:
        name = "utf-8"
    return body.decode(name, errors="replace")


def listing_links(html: str, base_url: str, pattern: str) -> tuple[str, ...]:
    wanted, seen = re.compile(pattern), {}
    for a in BeautifulSoup(html, "html.parser").find_all("a", href=True):
        url = urldefrag(urljoin(base_url, a["href"].strip())).url
        if url.startswith(("http://", "https://")) and wanted.search(url):
            seen.setdefault(url, None)
    return tuple(seen)
