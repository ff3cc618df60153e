"""The language rules of the matcher: which words make a one-kanji abbreviation a country, which spans block a
dictionary match, which words stand around a name or a title.

The words live in `rules/*.csv`, one entry a row, in the order the matcher tries them: `match_words.csv`
(kind, word), `abbreviation_prefixes.csv` (abbreviation, word), `blocked_patterns.csv` (group, pattern: the
alternatives of one group form one pattern) and `collective.csv` (pattern). The code keeps only how the words
are used.
"""

from __future__ import annotations

from dataclasses import dataclass

from nichibei.rules import RuleFileError, load_rules

_PACKAGE = "nichibei.extract.entities"


def _words(kind: str) -> tuple[str, ...]:
    """The words of one kind of `rules/match_words.csv`, in file order."""
    words = tuple(r["word"] for r in load_rules(_PACKAGE, "match_words", ("kind", "word")) if r["kind"] == kind)
    if not words:
        raise RuleFileError(f"rules/match_words.csv: kind {kind!r} has no rows")
    return words


def _chars(kind: str) -> str:
    """A kind of `rules/match_words.csv` whose words are single characters, as one string."""
    return "".join(_words(kind))


def _abbreviation_prefixes() -> tuple[tuple[str, str], ...]:
    """(abbreviation, the characters that may stand before it), abbreviations in order of first appearance."""
    prefixes: dict[str, str] = {}
    for r in load_rules(_PACKAGE, "abbreviation_prefixes", ("abbreviation", "word")):
        prefixes[r["abbreviation"]] = prefixes.get(r["abbreviation"], "") + r["word"]
    return tuple(prefixes.items())


def _blocked_patterns() -> tuple[str, ...]:
    """One pattern per group of `rules/blocked_patterns.csv`: its alternatives joined, groups in file order."""
    groups: dict[str, list[str]] = {}
    for r in load_rules(_PACKAGE, "blocked_patterns", ("group", "pattern")):
        groups.setdefault(r["group"], []).append(r["pattern"])
    return tuple("|".join(alternatives) for alternatives in groups.values())


def collective_pattern() -> str:
    """The alternatives of `rules/collective.csv` (両首脳, the two leaders), in file order."""
    return "|".join(r["pattern"] for r in load_rules(_PACKAGE, "collective", ("pattern",)))


@dataclass(frozen=True)
class MatchRules:
    """Language rules of the matcher. Defaults are the project's (`rules/*.csv`); tests may pass their own."""

    # One-character country abbreviations (米, 日, 中, 韓, 露 ...: any one-kanji alias of a country or region)
    # match only inside a compound: next to another abbreviation (日米, 日米韓, 米中), after one of these
    # prefixes (訪米, 対中, 駐日), or before one of the suffixes below or an office title (米側, 米大統領).
    abbreviation_prefixes: tuple[tuple[str, str], ...] = _abbreviation_prefixes()
    # 中 after a stay (訪米中, 滞日中) means "during".
    during_chars: str = _chars("during")
    stay_prefixes: str = _chars("stay_prefix")
    abbreviation_suffixes: tuple[str, ...] = _words("abbreviation_suffix")
    # A 日 right after these is a day (13日, 同日, 翌日), never Japan.
    day_markers: str = _chars("day_marker")
    # Spans in which dictionary matches shorter than the span are ignored (中米 is Central America, 日中 is
    # "daytime" unless a relation follows, インド in インド太平洋 is not India; words that begin with a one-kanji
    # abbreviation: 米宇宙軍 is not Ukraine, 日米比較 not the Philippines).
    blocked_patterns: tuple[str, ...] = _blocked_patterns()
    honorifics: tuple[str, ...] = _words("honorific")
    # Title words too general for an office code (オースティン長官, 上川大臣): the person's office at the date decides.
    generic_titles: tuple[str, ...] = _words("generic_title")
    # An office title preceded by one of these is not "the holder of the office now" (元外相, 両首脳, 各国外相).
    office_modifiers: str = _chars("office_modifier")
    # ... and these mark a former holder when a name stands before them (岸田前首相, バイデン前米大統領).
    former_markers: str = _chars("former_marker")
    # ... and these a holder to come (エマニュエル次期駐日大使, トランプ次期大統領): matched against every holder, no role
    future_markers: tuple[str, ...] = _words("future_marker")
    # A title followed by these is part of another word (首相補佐官, 大統領夫人, 首相官邸, 大統領選).
    title_blockers: tuple[str, ...] = _words("title_blocker")
    # Latin aliases this short, or written in capitals, match case-sensitively (US is not "us").
    latin_case_sensitive_max_len: int = 4
    max_english_name_tokens: int = 4
    max_kanji_name_len: int = 5
    # Kanji that may stand right before a name without being part of it (日本側平野官房長官, 及び).
    name_left_kanji_ok: str = _chars("name_left_kanji_ok")
    # Name segments that are not a family name (フェルディナンド・マルコス・ジュニア, Ferdinand Marcos Jr.).
    name_suffixes: tuple[str, ...] = _words("name_suffix")
    # A kanji run next to a title is not taken for an unknown person's name if it contains these ...
    provisional_stop_chars: str = _chars("provisional_stop_char")
    # ... or starts with these.
    provisional_stop_first: str = _chars("provisional_stop_first")
    english_stop_tokens: tuple[str, ...] = _words("english_stop_token")
    # "former President Obama": an English title after one of these names a former holder
    english_former_words: tuple[str, ...] = _words("former_word")
    # "the Secretary of State" alone is the holder of the day after these, unless one of the complements follows
    # ("the Secretary of Energy" names another office)
    english_office_articles: tuple[str, ...] = _words("office_article")
    english_office_complements: tuple[str, ...] = _words("office_complement")
