"""Topics: what the documents talk about, tagged per segment from a bilingual codebook.

The codebook (`data/reference/topics.csv`: topic_code, label_en, label_ja, keywords_ja, keywords_en, keywords
`|`-joined) is reference data: a topic is tagged in a segment wherever one of its keywords stands there, and the
row's evidence is the matched words as they stand in the text.

Matching is on the NFKC-folded, variant-folded text (full-width letters, ｢2+2｣, 﨑/崎 compare equal), with
offsets mapped back to the source code points. Japanese keywords match anywhere; Latin keywords must start at a
word boundary, and acronyms (AI, LNG, IPEF) and words of three letters or fewer must end at one too; longer
words match as stems (Iran → Iranian, semiconductor → semiconductors). A keyword that starts with a digit has no
digit before it (5条 is not the end of 第15条 or 25条) and one that ends with a digit none after it (Article 5 is not
Article 50). A keyword written in capitals
(AI, NPT, COP) matches case-sensitively, others ignore case; several keywords at one place: the longest wins.
"""

from __future__ import annotations

import csv
import re
import string
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import ahocorasick
import polars as pl

import schemas
from nichibei.extract.entities.folding import fold, fold_text

__all__ = ["Codebook", "Keyword", "load_codebook", "make_codebook", "tag_topics", "CODEBOOK_COLUMNS"]

CODEBOOK_COLUMNS = ("topic_code", "label_en", "label_ja", "keywords_ja", "keywords_en")


@dataclass(frozen=True)
class Keyword:
    folded: str          # the keyword after NFKC and variant folding
    topic_code: str
    case_sensitive: bool  # written in capitals (AI, NPT): must match as written
    left_boundary: bool   # starts with a Latin letter: no letter may stand before it
    right_boundary: bool  # an acronym or short word ending in a letter: no letter may follow
    digit_left: bool = False   # starts with a digit: no digit may stand before it
    digit_right: bool = False  # ends with a digit: no digit may follow


@dataclass(frozen=True)
class Codebook:
    table: pl.DataFrame              # the CSV, one row per topic
    automaton: ahocorasick.Automaton  # every keyword, ASCII-lower-cased, -> its index in `keywords`
    keywords: tuple[Keyword, ...]


_ASCII_LOWER = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)
_LATIN = re.compile(r"[A-Za-z]")


def _keyword(kw: str, code: str, short_latin_max: int = 3) -> Keyword:
    folded = fold(kw)
    latin = bool(_LATIN.search(kw))
    acronym = kw.upper() == kw or len(kw) <= short_latin_max
    return Keyword(
        folded=folded, topic_code=code,
        case_sensitive=latin and kw.upper() == kw,
        left_boundary=bool(_LATIN.match(kw)),
        right_boundary=latin and acronym and bool(_LATIN.search(kw[-1])),
        digit_left=folded[:1].isdigit(), digit_right=folded[-1:].isdigit(),
    )


def make_codebook(table: pl.DataFrame) -> Codebook:
    missing = [c for c in CODEBOOK_COLUMNS if c not in table.columns]
    if missing:
        raise ValueError(f"topic codebook lacks columns {missing}")
    keywords: list[Keyword] = []
    for row in table.iter_rows(named=True):
        for col in ("keywords_ja", "keywords_en"):
            for kw in (row[col] or "").split("|"):
                if kw.strip():
                    keywords.append(_keyword(kw.strip(), row["topic_code"]))
    automaton = ahocorasick.Automaton()
    for i, k in enumerate(keywords):
        key = k.folded.translate(_ASCII_LOWER)
        found = automaton.get(key, None)
        automaton.add_word(key, (found or ()) + (i,))
    if keywords:
        automaton.make_automaton()
    return Codebook(table, automaton, tuple(keywords))


def _matches(text: str, codebook: Codebook) -> list[tuple[int, int, str]]:
    """(start, end, topic_code) in folded `text`: longest keyword first at each place, no overlaps."""
    if not codebook.keywords:
        return []
    hits = []
    for end, indices in codebook.automaton.iter(text.translate(_ASCII_LOWER)):
        for i in indices:
            k = codebook.keywords[i]
            start, stop = end - len(k.folded) + 1, end + 1
            if k.case_sensitive and text[start:stop] != k.folded:
                continue
            if k.left_boundary and start > 0 and _LATIN.match(text[start - 1]):
                continue
            if k.right_boundary and stop < len(text) and _LATIN.match(text[stop]):
                continue
            if k.digit_left and start > 0 and text[start - 1].isdigit():
                continue
            if k.digit_right and stop < len(text) and text[stop].isdigit():
                continue
            hits.append((start, stop, k.topic_code))
    hits.sort(key=lambda h: (h[0], h[0] - h[1]))
    chosen, last_end = [], 0
    for start, stop, code in hits:
        if start >= last_end:
            chosen.append((start, stop, code))
            last_end = stop
    return chosen


@lru_cache(maxsize=4)
def _load(path: str | None) -> Codebook:
    if path is None:
        text = resources.files("nichibei").joinpath("data/reference/topics.csv").read_text(encoding="utf-8")
    else:
        text = Path(path).read_text(encoding="utf-8")
    rows = list(csv.DictReader(text.splitlines()))
    table = pl.DataFrame({c: [r.get(c) or None for r in rows] for c in CODEBOOK_COLUMNS},
                         schema={c: pl.Utf8 for c in CODEBOOK_COLUMNS})
    return make_codebook(table)


def load_codebook(path: Path | None = None) -> Codebook:
    """The packaged codebook, or the one at ``path``."""
    return _load(None if path is None else str(path))


def tag_topics(segments: pl.DataFrame, codebook: Codebook) -> pl.DataFrame:
    """Topic rows (doc_id, seg_no, topic_code, char_start, char_end, evidence) for segments with columns doc_id,
    seg_no, char_start, text. Offsets count code points into the document's text."""
    rows: dict[str, list] = {c: [] for c in schemas.polars_schema("topics")}
    if segments.is_empty():
        return schemas.empty_frame("topics")
    for doc_id, seg_no, seg_start, text in segments.select("doc_id", "seg_no", "char_start", "text").iter_rows():
        if not text:
            continue
        ft = fold_text(text)
        for fs, fe, code in _matches(ft.text, codebook):
            s, e = ft.source_span(fs, fe)
            rows["doc_id"].append(doc_id)
            rows["seg_no"].append(seg_no)
            rows["topic_code"].append(code)
            rows["char_start"].append(seg_start + s)
            rows["char_end"].append(seg_start + e)
            rows["evidence"].append(text[s:e])
    out = pl.DataFrame(rows, schema=schemas.polars_schema("topics"))
    return schemas.conform("topics", out.unique(["doc_id", "seg_no", "topic_code", "char_start"], keep="first",
                                                maintain_order=True))
