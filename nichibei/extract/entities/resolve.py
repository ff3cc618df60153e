"""Entity resolution: mentions of people, offices, countries, organisations, places, treaties and weapons in
document text, resolved to the canonical ids of the curated reference tables.

People are resolved in this order, always anchored on words of the text:

1. a full name listed as an alias (岸田文雄, ジョー・バイデン, Antony Blinken), with an adjacent title when there is
   one (岸田文雄内閣総理大臣, ロイド・オースティン米国国防長官);
2. a family name next to an office title (平野官房長官, バイデン大統領, President Trump): the family name must be that
   of a person holding the office at the document's ``reference_date`` (``offices`` table);
3. an office title alone (外務大臣, the Secretary of State): the single holder of the office at the date;
4. a family name with an honorific (岸田氏) or a bare title word (オースティン長官, 上川大臣), against people already
   named in the document and office holders at the date, then a bare family name of a person already named in
   the document.

A title after 元/前 (岸田前首相, former President Obama) names a former holder: the name is matched against every
holder of the office and the mention carries no role. ``role`` is always the office held at ``reference_date``.

A name next to a title that fits no office holder is never forced onto a namesake: it stays unresolved when the
name is that of a known person (``entity_id`` null, flagged), and otherwise becomes a provisional entity built from
the text (``person:provisional_<hash>``, flagged). Everything else (countries, organisations, places, treaties,
weapon systems) is matched from the aliases with a single Aho–Corasick automaton over the folded text of all
documents (see bench/README.md for the measurements behind that choice).
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date

import polars as pl

from nichibei.extract.entities.collective import find_collective_mentions
from nichibei.extract.entities.document import (
    DocState,
    Mention,
    add_person,
    context_country,
    country_hit_ending_at,
    office_holders,
)
from nichibei.extract.entities.folding import (
    fold,
    fold_text,
    is_all_kanji,
    is_all_katakana,
    is_kana_name_char,
    is_kanji,
    is_katakana,
    is_latin,
)
from nichibei.extract.entities.index import Index, Title
from nichibei.extract.entities.match_rules import MatchRules
from nichibei.extract.entities.matching import Hit, disambiguate_aliases, filter_hits, latin_boundary_ok, scan
from nichibei.extract.entities.names import (
    english_tokens,
    match_english_name,
    match_name_before,
    one_kanji_family_named,
)
from nichibei.extract.entities.provisional import add_provisional, is_known_namesake, unknown_name_before
from nichibei.extract.entities.reference import (
    ENTITY_COLUMNS,
    OFFICE_COLUMNS,
    Reference,
    alias_conflicts,
    load_reference,
    make_reference,
    title_conflicts,
)
from nichibei.extract.entities.tables import MENTION_SCHEMA, PROVISIONAL_SCHEMA, entities_table, offices_table

__all__ = [
    "MatchRules",
    "Reference",
    "load_reference",
    "make_reference",
    "resolve_entities",
    "entities_table",
    "offices_table",
    "find_collective_mentions",
    "alias_conflicts",
    "title_conflicts",
    "MENTION_SCHEMA",
    "PROVISIONAL_SCHEMA",
    "ENTITY_COLUMNS",
    "OFFICE_COLUMNS",
]


def _former_or_future_holder(text: str, pos: int, rules: MatchRules) -> tuple[bool, int]:
    """(names a former or future holder, new start): バイデン前米大統領, 岸田元首相, トランプ次期大統領 are matched
    against every holder of the office and carry no role."""
    former = pos > 0 and text[pos - 1] in rules.former_markers
    if former:
        pos -= 1
    else:
        future = next((m for m in rules.future_markers if text.startswith(m, pos - len(m)) and pos >= len(m)), None)
        if future is not None:
            former, pos = True, pos - len(future)
    return former, pos


def _holder_names_before(state: DocState, t: Hit, index: Index, rules: MatchRules, pos: int, country: str | None,
                         between: Hit | None, former: bool
                         ) -> tuple[dict[str, tuple[int, str | None]], str | None, int]:
    """Step 2: the office holders (at the date, or ever for a former holder or an undated document) whose name
    ends at ``pos``: (name start and flag by person, country, name end)."""
    text = state.ft.text
    title = t.title

    def candidates(c: str | None) -> list[str]:
        if state.date is None or former:
            return office_holders(index, title, c, None, any_date=True)
        return office_holders(index, title, c, state.date)

    def match_at(at: int, countries: list[str | None]) -> dict[str, tuple[int, str | None]]:
        found: dict[str, tuple[int, str | None]] = {}
        for c in countries:
            for eid in candidates(c):
                p = index.persons.get(eid)
                if p is None:
                    continue
                m = match_name_before(text, at, p, rules.name_left_kanji_ok)
                if m is not None:
                    found[eid] = m
            if found:
                break
        return found

    own_country = title.country_code.upper() if title.country_code else None
    matches = match_at(pos, [country] if country else [own_country, None])
    if not matches and between is not None and not former and pos == between.start:
        # タイ通商代表 (Katherine Tai), ジョージア…: a family name spelled like a country, right before the title
        own = title.country_code.upper() if title.country_code else None
        matches = match_at(t.start, [own, None] if own else [None])
        if matches:
            country, pos = own, t.start
            if between in state.others:
                state.others.remove(between)  # the name, not the country
    return matches, country, pos


def _add_family_name_title(state: DocState, t: Hit, index: Index, matches: dict[str, tuple[int, str | None]],
                           pos: int, former: bool, role_title: Title | None) -> None:
    """The holder whose name starts first, when only one does: family name + title."""
    text = state.ft.text
    best_start = min(m[0] for m in matches.values())
    best = [eid for eid, m in matches.items() if m[0] == best_start]
    if len(best) == 1 and not state.person_taken(best_start, t.end):
        eid = best[0]
        flag = matches[eid][1]
        flags = [flag] if flag else []
        if state.date is None and not former:
            flags.append("undated")
        surface_family = text[best_start:pos]
        add_person(state, index, eid, best_start, t.end, "family_name_title", role_title, flags,
                   None if flag else surface_family)


def _resolve_unknown_japanese_name(state: DocState, t: Hit, index: Index, rules: MatchRules, pos: int,
                                   country: str | None, former: bool) -> bool:
    """Step 3: a name before the title that fits no holder: unresolved when it is a known person's, otherwise a
    provisional entity. False when no name stands there."""
    text = state.ft.text
    title = t.title
    unknown = unknown_name_before(text, pos, rules, state)
    if unknown is None:
        return False
    s, name = unknown
    if state.person_taken(s, t.end):
        return True
    if country is None:  # 中国の王毅外相: the country named before the name
        country, _ = context_country(state, s, index)
    office_country = country or (title.country_code.upper() if title.country_code else None)
    role, role_detail = (None, None) if former else (title.office, title.office_detail)
    if is_known_namesake(index, name):
        state.add(
            Mention(s, t.end, None, "person", "unresolved", role, role_detail, office_country,
                    ["no_holder_at_date" if state.date is not None else "undated"])
        )
        return True
    if is_all_katakana(name) and not country and office_country == "JP":
        office_country = None  # a foreign name with a Japanese title (モディ首相, ラブロフ外相): country unknown
    eid = add_provisional(state, name, office_country)
    state.add(
        Mention(s, t.end, eid, "person", "provisional", role, role_detail, office_country, ["provisional"])
    )
    return True


def _resolve_japanese_office_alone(state: DocState, t: Hit, index: Index, rules: MatchRules, pos: int,
                                   country: str | None, between: Hit | None) -> None:
    """Step 4: the title alone (外務大臣) names the single holder of the office at the date, unless a modifier
    (元外相, 両首脳) or another kanji word stands around it."""
    text = state.ft.text
    title = t.title
    if pos > 0 and (text[pos - 1] in rules.office_modifiers or (is_kanji(text[pos - 1]) and between is None)):
        return
    if t.end < len(text) and is_kanji(text[t.end]):
        return
    office_country = country or (title.country_code.upper() if title.country_code else None)
    if office_country is None or state.date is None:
        return
    holders = office_holders(index, title, office_country, state.date)
    if len(holders) == 1 and not state.person_taken(pos, t.end):
        add_person(state, index, holders[0], pos, t.end, "office", title, [])


def _resolve_japanese_title(state: DocState, t: Hit, index: Index, rules: MatchRules) -> None:
    text = state.ft.text
    title = t.title
    pos = t.start
    country: str | None = None
    between = country_hit_ending_at(state, pos, index)
    if between is not None:
        country = index.entity_country.get(between.entity_id)
        pos = between.start
        if pos >= 2 and text[pos - 1] == "・" and is_katakana(text[pos - 2]):
            pos -= 1  # ジョセフ・バイデン・アメリカ合衆国大統領: the name, a middle dot, the country, the title
    blocked_after = any(text.startswith(b, t.end) for b in rules.title_blockers)
    former, pos = _former_or_future_holder(text, pos, rules)
    role_title = None if (blocked_after or former) else title

    # 1. a full name listed as an alias
    alias = next((h for h in state.person_hits if h.end == pos), None)
    if alias is not None:
        if state.person_taken(alias.start, t.end):
            return
        add_person(state, index, alias.entity_id, alias.start, t.end, "alias", role_title, [])
        return
    if blocked_after:
        return
    plural = False
    if country is None:
        country, ctx_start = context_country(state, pos, index)
        # 日米の国防長官: the offices of two countries, not one person
        plural = country is not None and country_hit_ending_at(state, ctx_start, index) is not None

    # 2. a family name of an office holder at the date
    matches, country, pos = _holder_names_before(state, t, index, rules, pos, country, between, former)
    if matches:
        _add_family_name_title(state, t, index, matches, pos, former, role_title)
        return
    # 3. a name that fits no holder
    if _resolve_unknown_japanese_name(state, t, index, rules, pos, country, former):
        return
    # 4. the office alone
    if plural or former:
        return
    _resolve_japanese_office_alone(state, t, index, rules, pos, country, between)


def _english_holder_matches(state: DocState, t: Hit, index: Index, toks: list[tuple[int, int, str]],
                            country: str | None, former: bool) -> dict[str, tuple[int, str | None]]:
    """The office holders whose name the tokens after the title spell: (name end, flag) by person."""
    title = t.title
    matches: dict[str, tuple[int, str | None]] = {}
    tried = [country] if country else [title.country_code.upper() if title.country_code else None, None]
    for c in tried:
        ids = office_holders(index, title, c, state.date, any_date=state.date is None or former)
        for eid in ids:
            p = index.persons.get(eid)
            if p is None:
                continue
            m = match_english_name(toks, p)
            if m is not None:
                matches[eid] = m
        if matches:
            break
    return matches


def _resolve_unknown_english_name(state: DocState, t: Hit, index: Index, toks: list[tuple[int, int, str]],
                                  start: int, country: str | None, former: bool) -> None:
    """A capitalised name after the title that fits no holder: unresolved when it is a known person's, otherwise
    a provisional entity."""
    text = state.ft.text
    title = t.title
    name_toks = [tk for tk in toks if not state.other_overlaps(tk[0], tk[0] + 1)]
    if not (name_toks and name_toks[0] == toks[0]):
        return
    last = toks.index(name_toks[-1])
    name_toks = toks[: last + 1]
    name = text[name_toks[0][0] : name_toks[-1][1]]
    end = name_toks[-1][1]
    if state.person_taken(start, end):
        return
    office_country = country or (title.country_code.upper() if title.country_code else None)
    role, role_detail = (None, None) if former else (title.office, title.office_detail)
    if is_known_namesake(index, name):
        state.add(
            Mention(start, end, None, "person", "unresolved", role, role_detail, office_country,
                    ["no_holder_at_date" if state.date is not None else "undated"])
        )
        return
    eid = add_provisional(state, name, office_country)
    state.add(Mention(start, end, eid, "person", "provisional", role, role_detail, office_country,
                      ["provisional"]))


def _resolve_name_after_english_title(state: DocState, t: Hit, index: Index, toks: list[tuple[int, int, str]],
                                      start: int, country: str | None, former: bool) -> None:
    role_title = None if former else t.title
    # a full name alias right after the title
    alias = next((h for h in state.person_hits if h.start == toks[0][0]), None)
    if alias is not None:
        if not state.person_taken(start, alias.end):
            add_person(state, index, alias.entity_id, start, alias.end, "title_name", role_title, [])
        return
    matches = _english_holder_matches(state, t, index, toks, country, former)
    if matches:
        if len(matches) == 1:
            eid, (end, flag) = next(iter(matches.items()))
            if not state.person_taken(start, end):
                flags = [flag] if flag else []
                if state.date is None and not former:
                    flags.append("undated")
                add_person(state, index, eid, start, end, "title_name", role_title, flags)
        return
    _resolve_unknown_english_name(state, t, index, toks, start, country, former)


def _word_before(text: str, start: int, words: tuple[str, ...]) -> int:
    """The length of one of ``words`` and the blank after it, ending at ``start`` (any case); 0 when none does."""
    for word in words:
        n = len(word) + 1
        if start >= n and text[start - n:start].lower() == f"{word} ":
            return n
    return 0


def _resolve_english_title(state: DocState, t: Hit, index: Index, rules: MatchRules) -> None:
    text = state.ft.text
    title = t.title
    country, start = context_country(state, t.start, index)
    former_len = _word_before(text, start, rules.english_former_words)
    former = former_len > 0
    start -= former_len
    toks = english_tokens(text, t.end, rules)
    if toks:
        _resolve_name_after_english_title(state, t, index, toks, start, country, former)
        return
    # the office alone: "the Secretary of State"
    if former:
        return
    if _word_before(text, start, rules.english_office_articles):
        end = t.end
        complement = next((w for w in rules.english_office_complements if text.startswith(f" {w} ", end)), None)
        if complement is not None:
            # "the Prime Minister of Japan": the office of the country named; "the Secretary of Energy": another office
            named = state.country_by_start.get(end + len(complement) + 2)
            if named is None:
                return
            country, end = index.entity_country.get(named.entity_id), named.end
        # the office of the country named, else the title's own, else the publisher's (a White House page's "the
        # President")
        office_country = country or (title.country_code.upper() if title.country_code else None) or state.home_country
        if office_country is None or state.date is None:
            return
        holders = office_holders(index, title, office_country, state.date)
        if len(holders) == 1 and not state.person_taken(start, end):
            add_person(state, index, holders[0], start, end, "office", title, [])


def _names_ending_at(state: DocState, index: Index, rules: MatchRules, pool: list[str], i: int,
                     one_kanji_if_named: bool) -> dict[str, tuple[int, str | None]]:
    """The people of ``pool`` whose name ends at ``i``: (name start, flag) by person."""
    text = state.ft.text
    matches: dict[str, tuple[int, str | None]] = {}
    for eid in dict.fromkeys(pool):
        m = (match_name_before(text, i, index.persons[eid], rules.name_left_kanji_ok)
             if eid in index.persons else None)
        # one kanji before 氏 is too little to name anyone (岸氏 is not 岸田氏) unless the document
        # has already named this person with that one kanji as the whole family name
        if m is not None and (i - m[0] >= 2 or not is_kanji(text[i - 1])
                              or (one_kanji_if_named
                                  and one_kanji_family_named(state, index.persons[eid], text, i - 1))):
            matches[eid] = m
    return matches


def _resolve_names_before_words(state: DocState, index: Index, rules: MatchRules) -> None:
    """Family name + honorific (岸田氏) or a bare title word (オースティン長官, 上川大臣): people named in the
    document, then holders of any office at the date."""
    text = state.ft.text
    anchored = [m.entity_id for m in state.mentions if m.entity_type == "person" and m.entity_id in index.persons]
    active = [o.entity_id for o in index.offices if o.active(state.date)]
    title_mask = bytearray(len(text) + 1)
    for t in state.titles:
        title_mask[t.start : t.end] = b"\x01" * (t.end - t.start)
    words = [(w, False) for w in rules.honorifics] + [(w, True) for w in rules.generic_titles]
    for word, in_surface in words:
        i = text.find(word)
        while i != -1:
            j = i + len(word)
            if in_surface and title_mask.find(1, i, j) != -1:
                i = text.find(word, j)
                continue
            if not state.person_taken(i - 1, i):
                for pool in (anchored, active):
                    matches = _names_ending_at(state, index, rules, pool, i,
                                               pool is anchored and word in rules.honorifics)
                    if matches:
                        best_start = min(m[0] for m in matches.values())
                        best = [e for e, m in matches.items() if m[0] == best_start]
                        end = j if in_surface else i
                        if len(best) == 1 and not state.person_taken(best_start, end):
                            flag = matches[best[0]][1]
                            add_person(state, index, best[0], best_start, end,
                                       "family_name_title" if in_surface else "family_name", None,
                                       [flag] if flag else [], None if flag else text[best_start:i])
                        break
            i = text.find(word, j)


def _family_surfaces(state: DocState, index: Index) -> dict[str, set[str]]:
    """The family names, as they may stand alone, of the people resolved in the document so far."""
    surfaces: dict[str, set[str]] = defaultdict(set)
    for m in state.mentions:
        if m.entity_type != "person" or m.entity_id not in index.persons or m.match_kind == "provisional":
            continue
        p = index.persons[m.entity_id]
        for fam in p.kana_families:
            surfaces[fam].add(p.entity_id)
        for fam in state.learned_families.get(p.entity_id, ()):
            if len(fam) >= 2 or not is_all_kanji(fam):
                surfaces[fam].add(p.entity_id)
        if p.name_en:
            for tok in fold(p.name_en).replace(",", " ").split():
                if tok.lower() in p.latin_families:
                    surfaces[tok].add(p.entity_id)
    return surfaces


def _stands_as_word(text: str, surface: str, i: int, e: int) -> bool:
    """Is ``surface`` at ``i`` a word of its own, not part of a longer Latin, katakana or kanji word?"""
    if is_latin(surface):
        return latin_boundary_ok(text, i, e)
    if is_all_katakana(surface):
        ok = not (i > 0 and is_kana_name_char(text[i - 1])) and not (e < len(text) and is_katakana(text[e]))
        return ok and not (e < len(text) and is_kanji(text[e]))
    return not (i > 0 and is_kanji(text[i - 1])) and not (e < len(text) and is_kanji(text[e]))


def _resolve_bare_family_names(state: DocState, index: Index) -> None:
    """Bare family names of people already resolved in the document (one person to a surface)."""
    text = state.ft.text
    for surface, eids in _family_surfaces(state, index).items():
        if len(eids) != 1 or not surface:
            continue
        eid = next(iter(eids))
        i = text.find(surface)
        while i != -1:
            e = i + len(surface)
            ok = _stands_as_word(text, surface, i, e)
            if ok and not state.person_taken(i, e) and not state.other_overlaps(i, e):
                add_person(state, index, eid, i, e, "family_name", None, [])
            i = text.find(surface, i + 1)


def _resolve_family_names(state: DocState, index: Index, rules: MatchRules) -> None:
    _resolve_names_before_words(state, index, rules)
    _resolve_bare_family_names(state, index)


def _resolve_doc(text: str, d: date | None, ref: Reference, home_country: str | None = None) -> DocState:
    index, rules = ref._index, ref.rules
    ft = fold_text(text)
    titles, person_hits, others = filter_hits(ft, scan(ft, index), index, rules)
    person_hits = disambiguate_aliases(person_hits, d, index)
    state = DocState(ft, d, titles, person_hits, others, home_country=home_country)
    for t in titles:
        if t.title.is_latin:
            _resolve_english_title(state, t, index, rules)
        else:
            _resolve_japanese_title(state, t, index, rules)
    # full names without a title
    for h in person_hits:
        if state.person_taken(h.start, h.end):
            continue
        add_person(state, index, h.entity_id, h.start, h.end, "alias", None, [])
    _resolve_family_names(state, index, rules)
    for h in others:
        state.add(
            Mention(h.start, h.end, h.entity_id, h.entity_type, "alias", None, None,
                     index.entity_country.get(h.entity_id), [])
        )
    return state


def resolve_entities(
    docs: pl.DataFrame, ref: Reference, batch_size: int = 1000
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Find and resolve entity mentions in ``docs`` (doc_id: Utf8, text: Utf8, reference_date: Date nullable,
    optionally home_country: the publisher's country code, whose office a bare "the President" names).

    Returns ``(mentions, provisional)``; see :data:`MENTION_SCHEMA` and :data:`PROVISIONAL_SCHEMA`.
    Offsets are 0-based, end-exclusive code points into ``text`` as given, and ``text[char_start:char_end]``
    is always ``surface``.
    """
    rows: dict[str, list] = {k: [] for k in MENTION_SCHEMA}
    batches: list[pl.DataFrame] = []
    provisional: dict[str, dict] = {}
    if "reference_date" not in docs.columns:
        docs = docs.with_columns(pl.lit(None, dtype=pl.Date).alias("reference_date"))
    if "home_country" not in docs.columns:
        docs = docs.with_columns(pl.lit(None, dtype=pl.Utf8).alias("home_country"))
    for n, (doc_id, text, d, home) in enumerate(
            docs.select("doc_id", "text", "reference_date", "home_country").iter_rows()):
        if n and n % batch_size == 0 and rows["doc_id"]:
            batches.append(pl.DataFrame(rows, schema=MENTION_SCHEMA))
            rows = {k: [] for k in MENTION_SCHEMA}
        if not text:
            continue
        state = _resolve_doc(text, d, ref, home)
        for m in state.mentions:
            s, e = state.ft.source_span(m.start, m.end)
            if e <= s:
                continue
            flags = sorted(set(m.flags))
            rows["doc_id"].append(doc_id)
            rows["char_start"].append(s)
            rows["char_end"].append(e)
            rows["surface"].append(text[s:e])
            rows["entity_id"].append(m.entity_id)
            rows["entity_type"].append(m.entity_type)
            rows["match_kind"].append(m.match_kind)
            rows["role"].append(m.role)
            rows["role_detail"].append(m.role_detail)
            rows["country_code"].append(m.country_code)
            rows["reference_date"].append(d)
            rows["is_flagged"].append(bool(flags))
            rows["flag"].append(";".join(flags) if flags else None)
        for eid, row in state.provisional.items():
            provisional.setdefault(eid, row)
    batches.append(pl.DataFrame(rows, schema=MENTION_SCHEMA))
    mentions = pl.concat(batches).sort(["doc_id", "char_start", "char_end", "entity_type"])
    prov = pl.DataFrame(list(provisional.values()), schema=PROVISIONAL_SCHEMA) if provisional else pl.DataFrame(
        schema=PROVISIONAL_SCHEMA
    )
    return mentions, prov.sort("entity_id")
