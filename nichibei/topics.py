"""Topics: what the documents talk about, tagged per segment from a bilingual codebook.

The codebook (`data/reference/topics.csv`: topic_code, label_en, label_ja, keywords_ja, keywords_en, keywords
`|`-joined) is reference data: a topic is tagged in a segment wherever one of its keywords stands there, and the
row's evidence is the matched words as they stand in the text.

Matching is on the NFKC-folded, variant-folded text (full-width letters, ｢2+2｣, 﨑/崎 compare equal), with
offsets mapped back to the source code points. Japanese keywords match anywhere; Latin keywords must start at a
word boundary, and acronyms (AI, LNG, IPEF) and words of three letters or fewer must end at one too; longer
words match as stems (Iran → Iranian, semiconductor → semiconductors). A keyword written in capitals
(AI, NPT, COP) matches case-sensitively, others ignore case; several keywords at one place: the longest wins.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import polars as pl

import schemas
from nichibei.entities_text import fold, fold_text

__all__ = ["Codebook", "load_codebook", "tag_topics", "CODEBOOK_COLUMNS"]

CODEBOOK_COLUMNS = ("topic_code", "label_en", "label_ja", "keywords_ja", "keywords_en")


@dataclass(frozen=True)
class Codebook:
    table: pl.DataFrame          # the CSV, one row per topic
    regex: re.Pattern[str]       # every keyword, longest first, one named group per keyword
    group_topic: dict[str, str]  # regex group name -> topic_code


def _keyword_pattern(kw: str, short_latin_max: int = 3) -> str:
    k = re.escape(fold(kw))
    if not re.search(r"[A-Za-z]", kw):
        return k
    body = k if kw.upper() == kw else f"(?i:{k})"
    left = r"(?<![A-Za-z])" if re.match(r"[A-Za-z]", kw) else ""
    acronym = kw.upper() == kw or len(kw) <= short_latin_max
    right = r"(?![A-Za-z])" if acronym and re.search(r"[A-Za-z]$", kw) else ""
    return left + body + right


def make_codebook(table: pl.DataFrame) -> Codebook:
    missing = [c for c in CODEBOOK_COLUMNS if c not in table.columns]
    if missing:
        raise ValueError(f"topic codebook lacks columns {missing}")
    pairs: list[tuple[str, str]] = []
    for row in table.iter_rows(named=True):
        for col in ("keywords_ja", "keywords_en"):
            for kw in (row[col] or "").split("|"):
                if kw.strip():
                    pairs.append((kw.strip(), row["topic_code"]))
    pairs.sort(key=lambda p: -len(fold(p[0])))
    group_topic: dict[str, str] = {}
    parts = []
    for i, (kw, code) in enumerate(pairs):
        g = f"k{i}"
        group_topic[g] = code
        parts.append(f"(?P<{g}>{_keyword_pattern(kw)})")
    regex = re.compile("|".join(parts) if parts else r"(?!)")
    return Codebook(table, regex, group_topic)


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
        for m in codebook.regex.finditer(ft.text):
            code = codebook.group_topic[m.lastgroup]
            s, e = ft.source_span(*m.span())
            rows["doc_id"].append(doc_id)
            rows["seg_no"].append(seg_no)
            rows["topic_code"].append(code)
            rows["char_start"].append(seg_start + s)
            rows["char_end"].append(seg_start + e)
            rows["evidence"].append(text[s:e])
    out = pl.DataFrame(rows, schema=schemas.polars_schema("topics"))
    return schemas.conform("topics", out.unique(["doc_id", "seg_no", "topic_code", "char_start"], keep="first",
                                                maintain_order=True))
