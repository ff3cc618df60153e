"""Text folding for entity matching.

Matching compares NFKC-normalised, variant-folded text, but every offset we publish points into the source text
as it is. :func:`fold_text` returns the folded text together with a map from folded positions back to source
code points, so that a match found in the folded text can be reported against the original.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from nichibei.rules import load_rules

# Variant characters written interchangeably in Japanese names (`rules/variant_folds.csv`, in file order). The
# variant is folded to the standard form on both sides of every comparison (reference aliases and document text),
# so either spelling matches the other. Besides kanji: the middle dots of katakana names, curly quotes, the
# ideographic space.
VARIANT_FOLDS: dict[str, str] = {
    r["variant"]: r["standard"]
    for r in load_rules("nichibei.extract.entities", "variant_folds", ("variant", "standard"))
}

_COMBINING_SOUND_MARKS = {"\u3099", "\u309a"}


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[int, str], re.Pattern[str]]:
    """Per-character translation table (one source character -> one folded character) and a pattern matching
    the characters that fold to zero or several characters (handled by the slow path)."""
    table: dict[int, str] = {}
    irregular: list[str] = []
    for cp in range(0x10000):
        if 0xD800 <= cp <= 0xDFFF:
            continue
        ch = chr(cp)
        folded = VARIANT_FOLDS.get(ch)
        if folded is None:
            folded = unicodedata.normalize("NFKC", ch)
            folded = "".join(VARIANT_FOLDS.get(c, c) for c in folded)
        if len(folded) != 1 or folded in _COMBINING_SOUND_MARKS or unicodedata.combining(ch):
            irregular.append(ch)
        elif folded != ch:
            table[cp] = folded
    body = "".join(re.escape(c) for c in irregular)
    # Characters outside the BMP always take the slow path.
    return table, re.compile(f"[{body}\U00010000-\U0010ffff]")


def fold(s: str) -> str:
    """NFKC + variant folding of a short string (an alias, a name); no offset map."""
    s = unicodedata.normalize("NFKC", s)
    return "".join(VARIANT_FOLDS.get(c, c) for c in s)


def fold_key(s: str) -> str:
    """Comparison key: :func:`fold` then lower case (Latin letters only change)."""
    return _lower_same_length(fold(s)).strip()


def _lower_same_length(s: str) -> str:
    low = s.lower()
    if len(low) == len(s):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in s)


@dataclass(frozen=True)
class FoldedText:
    """A document's folded text and the map back to the source.

    ``text`` is NFKC + variant folded (case kept); ``lower`` is the same, lower-cased, with the same length.
    ``starts[i]``/``ends[i]`` give the source code-point span of folded character ``i``; both are None when the
    folding kept every position (the common case), so that position ``i`` maps to ``i``.
    """

    text: str
    lower: str
    starts: tuple[int, ...] | None = None
    ends: tuple[int, ...] | None = None

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """Source code-point span ``[start, end)`` of folded span ``[start, end)`` (end-exclusive)."""
        if self.starts is None or self.ends is None:
            return start, end
        if end <= start:
            s = self.starts[start] if start < len(self.starts) else (self.ends[-1] if self.ends else 0)
            return s, s
        return self.starts[start], self.ends[end - 1]


def fold_text(text: str) -> FoldedText:
    """Fold a document for matching, keeping a map back to source code points."""
    table, irregular = _tables()
    if not irregular.search(text):
        folded = text.translate(table)
        return FoldedText(folded, _lower_same_length(folded))
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    for i, ch in enumerate(text):
        f = VARIANT_FOLDS.get(ch)
        if f is None:
            f = "".join(VARIANT_FOLDS.get(c, c) for c in unicodedata.normalize("NFKC", ch))
        for c in f:
            if c in _COMBINING_SOUND_MARKS and out:
                composed = unicodedata.normalize("NFC", out[-1] + c)
                if len(composed) == 1:
                    out[-1] = composed
                    ends[-1] = i + 1
                    continue
            out.append(c)
            starts.append(i)
            ends.append(i + 1)
    folded = "".join(out)
    return FoldedText(folded, _lower_same_length(folded), tuple(starts), tuple(ends))


# --- character classes ---------------------------------------------------------------------------------------


def is_kanji(c: str) -> bool:
    o = ord(c)
    return 0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF or 0xF900 <= o <= 0xFAFF or c in "々〆"


def is_katakana(c: str) -> bool:
    o = ord(c)
    return (0x30A1 <= o <= 0x30FA) or c == "ー" or (0x31F0 <= o <= 0x31FF)


def is_kana_name_char(c: str) -> bool:
    """Characters of a katakana name, including the separating middle dot."""
    return is_katakana(c) or c == "・"


def is_latin_alnum(c: str) -> bool:
    return c.isascii() and c.isalnum()


def is_all_katakana(s: str) -> bool:
    return bool(s) and all(is_kana_name_char(c) for c in s) and any(is_katakana(c) for c in s)


def is_all_kanji(s: str) -> bool:
    return bool(s) and all(is_kanji(c) for c in s)


def is_latin(s: str) -> bool:
    return bool(s) and all(c.isascii() for c in s) and any(c.isalpha() for c in s)
