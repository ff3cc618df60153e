"""Provisional entities: a name next to a title that fits no office holder and is no known person's becomes an
entity built from the text (`person:provisional_<hash>`)."""

from __future__ import annotations

import hashlib
import re

from nichibei.extract.entities.folding import (
    fold_key,
    is_all_kanji,
    is_all_katakana,
    is_kana_name_char,
    is_kanji,
    is_katakana,
    is_latin,
)
from nichibei.extract.entities.match_rules import MatchRules
from nichibei.extract.entities.document import DocState
from nichibei.extract.entities.index import Index


def _provisional_id(name: str) -> str:
    return "person:provisional_" + hashlib.sha1(fold_key(name).encode("utf-8")).hexdigest()[:12]


def add_provisional(state: DocState, name: str, country: str | None) -> str:
    eid = _provisional_id(name)
    if eid not in state.provisional:
        latin = is_latin(name)
        state.provisional[eid] = {
            "entity_id": eid,
            "entity_type": "person",
            "name_en": name if latin else None,
            "name_ja": None if latin else name,
            "aliases": [name],
            "country_code": country,
            "is_provisional": True,
        }
    return eid


def unknown_name_before(text: str, pos: int, rules: MatchRules, state: DocState) -> tuple[int, str] | None:
    """An unlisted person's name right before a title: a katakana run or a short kanji run."""
    s = pos
    while s > 0 and is_kana_name_char(text[s - 1]):
        s -= 1
    while s < pos and text[s] == "・":
        s += 1
    run = text[s:pos]
    if len(run) >= 2 and any(is_katakana(c) for c in run):
        if state.other_overlaps(s, pos):
            return None
        return s, run
    s = pos
    while s > 0 and is_kanji(text[s - 1]):
        s -= 1
    run = text[s:pos]
    if not (2 <= len(run) <= rules.max_kanji_name_len):
        return None
    if run[0] in rules.provisional_stop_first or any(c in rules.provisional_stop_chars for c in run):
        return None
    if state.other_overlaps(s, pos):
        return None
    return s, run


def is_known_namesake(index: Index, name: str) -> bool:
    f = fold_key(name)
    if is_all_kanji(f):
        return any(k.startswith(f) for k in index.known_kanji_names)
    if is_all_katakana(f):
        last = [p for p in re.split(r"[・= ]", f) if p][-1]
        return last in index.known_kana_families
    toks = f.split()
    return bool(toks) and any(t.rstrip(".") in index.known_latin_families for t in toks)
