"""Names next to a title: a listed person's name ending right before a Japanese title, the capitalised tokens
after an English one, and whether one kanji before 氏 is a family name the document has already shown."""

from __future__ import annotations

import re

from nichibei.extract.entities.folding import is_kanji, is_katakana
from nichibei.extract.entities.match_rules import MatchRules
from nichibei.extract.entities.document import DocState
from nichibei.extract.entities.index import Person


def match_name_before(text: str, pos: int, p: Person, left_ok: str = "") -> tuple[int, str | None] | None:
    """Does a name of ``p`` end at ``pos``? Returns (name start, flag) for the longest such name."""
    best: tuple[int, str | None] | None = None
    for full in p.kanji_names:
        for k in range(len(full), 0, -1):
            s = pos - k
            if s < 0 or text[s:pos] != full[:k]:
                continue
            if s > 0 and is_kanji(text[s - 1]) and text[s - 1] not in left_ok:
                continue
            if best is None or s < best[0]:
                best = (s, None)
            break
    for fam in p.kana_families:
        s = pos - len(fam)
        if s < 0 or text[s:pos] != fam:
            continue
        if s > 0 and is_katakana(text[s - 1]):
            continue
        flag = None
        # a given name in front of the family name (ロナルド・トランプ): check it against the person's
        if s > 1 and text[s - 1] in "・= ＝" and is_katakana(text[s - 2]):
            g = s - 1
            while g > 0 and is_katakana(text[g - 1]):
                g -= 1
            given = text[g : s - 1]
            if given not in p.kana_givens:
                flag = "given_name_mismatch"
            s = g
        if best is None or s < best[0]:
            best = (s, flag)
    return best


_EN_TOKEN = re.compile(r"[A-Z][A-Za-z'\-]*\.?|[A-Z]\.")


def english_tokens(text: str, pos: int, rules: MatchRules) -> list[tuple[int, int, str]]:
    """Capitalised tokens right after ``pos`` (a name after an English title)."""
    toks: list[tuple[int, int, str]] = []
    i = pos
    while len(toks) < rules.max_english_name_tokens:
        if i >= len(text) or text[i] != " ":
            break
        m = _EN_TOKEN.match(text, i + 1)
        if not m or m.group(0).rstrip(".") in rules.english_stop_tokens:
            break
        word = m.group(0)
        end = m.end()
        if word.endswith("'s") or word.endswith("'"):
            trimmed = word[:-2] if word.endswith("'s") else word[:-1]
            toks.append((m.start(), m.start() + len(trimmed), trimmed))
            break
        toks.append((m.start(), end, word))
        i = end
    return toks


def match_english_name(toks: list[tuple[int, int, str]], p: Person) -> tuple[int, str | None] | None:
    """(name end, flag) when the tokens after a title name ``p``."""
    words = [t[2].lower().rstrip(".") for t in toks]
    for i, w in enumerate(words):
        if w not in p.latin_families:
            continue
        if i == 0:
            end = toks[0][1]
            j = 1
            while j < len(words) and words[j] in p.latin_givens:
                end = toks[j][1]
                j += 1
            return end, None
        givens = words[:i]
        mismatch = any(len(g) > 1 and g not in p.latin_givens for g in givens)
        return toks[i][1], ("given_name_mismatch" if mismatch else None)
    return None


def one_kanji_family_named(state: DocState, p: Person, text: str, pos: int) -> bool:
    """Is the kanji at ``pos`` (before 氏) the whole family name of ``p``, as an earlier mention in the document
    shows: with a title straight after it (林外相, 岸防衛相), or the full name of three kanji at most (林芳正, 岸信夫;
    岸田文雄 has a family name of two)? The kanji must stand alone (山岸氏 is not 岸氏)."""
    k = text[pos]
    if pos > 0 and is_kanji(text[pos - 1]):
        return False
    for m in state.mentions:
        if m.entity_id != p.entity_id or m.start >= pos or text[m.start] != k:
            continue
        if m.match_kind == "family_name_title" and m.start + 1 < len(text) and not any(
                len(full) > 1 and full[0] == k and text[m.start + 1] == full[1] for full in p.kanji_names):
            return True  # 林外相: the title right after the one kanji
        if m.match_kind == "alias" and any(len(full) <= 3 and text.startswith(full, m.start) and full[0] == k
                                           for full in p.kanji_names):
            return True  # 林芳正: the full name, one kanji of family name and a given name
    return False
