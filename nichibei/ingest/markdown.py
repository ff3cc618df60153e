"""Markdown documents: the front matter as furniture, the body rendered to text one block per line.

The body is parsed by markdown-it-py (CommonMark). Each block (heading, paragraph, list item, HTML block)
becomes one line of text: a paragraph's wrapped lines are joined with a space, a hard line break starts a
new line, markup and escapes are removed, and links keep their text but lose their targets. A line that
holds only white space (no-break spaces too, which CommonMark would read as text) separates blocks, as it
does on the page the Markdown was converted from. Each unit keeps the 1-based raw line it starts on.
"""

from __future__ import annotations

import re

import polars as pl
from bs4 import BeautifulSoup
from markdown_it import MarkdownIt
from markdown_it.token import Token

from nichibei.ingest.front_matter import FrontMatterError, block_length, parse_front_matter

_PARSER = MarkdownIt("commonmark")
_WHITE_LINE = re.compile(r"^[^\S\n]+$", re.MULTILINE)  # white space includes U+00A0 and U+3000
_BLOCK_KINDS = {"heading_open": "heading", "paragraph_open": "paragraph"}

UNIT_COLUMNS = {"doc_id": pl.Utf8, "unit_no": pl.Int64, "line_no": pl.Int64, "locator": pl.Utf8,
                "text": pl.Utf8, "time_stamp": pl.Utf8, "block_kind": pl.Utf8}
REMOVED_COLUMNS = {"doc_id": pl.Utf8, "unit_no": pl.Int64, "line_no": pl.Int64, "locator": pl.Utf8,
                   "text": pl.Utf8, "rule": pl.Utf8}


def _inline_lines(inline: Token) -> list[tuple[int, str]]:
    """(line offset within the block, text) for each line a block's inline content renders to."""
    lines, parts, offset, start = [], [], 0, 0
    for child in inline.children or []:
        kind = child.type
        if kind in ("text", "code_inline"):
            parts.append(child.content)
        elif kind == "softbreak":
            parts.append(" ")
            offset += 1
        elif kind == "hardbreak":
            lines.append((start, "".join(parts)))
            parts, offset = [], offset + 1
            start = offset
    lines.append((start, "".join(parts)))
    return [(at, text.strip(" \t")) for at, text in lines if text.strip()]


def _html_block_text(token: Token) -> str:
    return " ".join(BeautifulSoup(token.content, "html.parser").get_text(" ").split())


def render_blocks(body: str) -> list[dict]:
    """Units of a Markdown body: 0-based `line` where each starts, its `text` and `block_kind`."""
    units, kind, in_item = [], None, 0
    for token in _PARSER.parse(_WHITE_LINE.sub("", body)):
        if token.type == "list_item_open":
            in_item += 1
        elif token.type == "list_item_close":
            in_item -= 1
        elif token.type in _BLOCK_KINDS:
            kind = "list_item" if in_item and token.type == "paragraph_open" else _BLOCK_KINDS[token.type]
            first_line = token.map[0] if token.map else 0
        elif token.type == "inline" and kind is not None:
            units += [{"line": first_line + at, "text": text, "block_kind": kind}
                      for at, text in _inline_lines(token)]
            kind = None
        elif token.type in ("html_block", "code_block", "fence") and token.map:
            text = _html_block_text(token) if token.type == "html_block" else token.content.strip("\n")
            first = token.map[0] + (token.type == "fence")  # a fence's content starts below its opening line
            units += [{"line": first + i, "text": line.strip(" \t"), "block_kind": "paragraph"}
                      for i, line in enumerate(text.split("\n")) if line.strip()]
    return units


def _title_unit(doc_id: str, raw: str, front: list[str]) -> list[dict]:
    """The headline a front matter gives (`title:`), as the document's first unit, before the body: the page's
    title, as an HTML page's h1 is (the front-matter lines themselves stay furniture). Unit 0, at the raw line of
    its key."""
    try:
        meta = parse_front_matter(raw)
    except FrontMatterError:
        return []
    if meta is None or not meta.title:
        return []
    line = next((i + 1 for i, text in enumerate(front) if text.startswith("title:")), 1)
    return [{"doc_id": doc_id, "unit_no": 0, "line_no": line, "locator": None, "text": meta.title,
             "time_stamp": None, "block_kind": "title"}]


def markdown_units(docs: pl.DataFrame) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Units and removed pieces (the front-matter lines) of a batch of Markdown documents (doc_id, raw_text)."""
    unit_rows, removed_rows = [], []
    for doc_id, raw in docs.select("doc_id", "raw_text").iter_rows():
        lines = raw.split("\n")
        n_front = block_length(raw)
        removed_rows += [{"doc_id": doc_id, "unit_no": i + 1, "line_no": i + 1, "locator": None, "text": line,
                          "rule": "front_matter"} for i, line in enumerate(lines[:n_front])]
        unit_rows += _title_unit(doc_id, raw, lines[:n_front])
        # the block's lines are left blank, so the parser's line numbers are the raw file's
        body = "\n" * n_front + "\n".join(lines[n_front:])
        unit_rows += [{"doc_id": doc_id, "unit_no": u["line"] + 1, "line_no": u["line"] + 1, "locator": None,
                       "text": u["text"], "time_stamp": None, "block_kind": u["block_kind"]}
                      for u in render_blocks(body)]
    return pl.DataFrame(unit_rows, schema=UNIT_COLUMNS), pl.DataFrame(removed_rows, schema=REMOVED_COLUMNS)
