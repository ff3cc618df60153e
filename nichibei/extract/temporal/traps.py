"""Surfaces that match the candidate pattern but are not temporal mentions where they stand (an age, a name)."""

from __future__ import annotations

import re
import unicodedata

from nichibei.extract.temporal import patterns as tp
from nichibei.extract.temporal.params import TemporalParams
from nichibei.extract.temporal.surface import Parsed
from nichibei.extract.temporal.tense import _tense


_PLURAL_NOUN_AFTER = re.compile(r"\s+[a-z]+s\b")
_DAY_AS_COUNT = re.compile(tp.alt(tp.words("day_counts", "pattern")))
_EN_DAY_BEFORE_NOUN = re.compile(r"[ \t]+(?:the|a|an|his|her|its|their|this|that|our|[A-Z])", re.A)
_KANJI_NUMERALS = set("〇零一二三四五六七八九十百千")
# 総理の一日, ある一日: "a day" of someone's, not the 1st of a month (rules/a_day_of.csv)
_A_DAY_OF = re.compile(tp.alt(tp.words("a_day_of", "pattern")))
_PLACE_AFTER_KANJI_DAY = set(tp.words("names_after_kanji_day"))  # 四日市, 十日町, 三日月: names, not dates
_EN_POSSESSIVE_AFTER = re.compile(r"['’]s\b")
_EN_AGE_AFTER = re.compile(r"[ \t]*-?[ \t]*old\b")
_COUNTRY_AFTER_DAY = {w[1] for w in tp.words("japan_pairs")}
# a numeral, 数 or the first letter of a month counter (3カ月内): a count of years or months before a span
_COUNTER_BEFORE_SPAN = set("〇零一二三四五六七八九十百千数") | {w[0] for w in tp.MONTH_COUNTERS}


# 今日 said of the present day (混迷する今日、, 今日の国際社会, 今日まで): not the day of the report
_PRESENT_DAY = {r["word"]: re.compile(r["pattern"]) for r in tp.rules("present_day_words", "word", "pattern")}


def _is_kanji(c: str) -> bool:
    return "\u4e00" <= c <= "\u9fff" or "\u3400" <= c <= "\u4dbf" or c in "々〆"


# where an English word that is also a plain word stands as a date or a length (rules/date_positions.csv,
# length_cues.csv): just after one of these words
_EN_DATE_POSITION = frozenset(w.lower() for w in tp.words("date_positions"))
_EN_LENGTH_POSITION = frozenset(w.lower() for w in tp.words("length_cues"))


_TENSE_WINDOW = TemporalParams().tense_window


def _word_before(before: str) -> str:
    """The word just before the blanks that end ``before``, in lower case; "" when no blank or no word ends it."""
    b = before.rstrip(" \t\xa0")
    if len(b) == len(before):
        return ""
    i = len(b)
    while i > 0 and (b[i - 1].isalnum() or b[i - 1] == "_"):
        i -= 1
    return b[i:].lower()
# a word after (a clock's at excepted: on the 3rd at 5pm), or a question (on the first?)
_EN_WORD_AFTER = re.compile(r"[ \t\xa0]*(?!at[ \t\xa0]+[0-9])[A-Za-z0-9]|[-‐–'’]\w|[ \t\xa0]*\?")
_EN_NUMERIC_NAMES = set(tp.words("numeric_names"))  # 9/11, 3/11, 24/7: names, not dates
_EN_NUMBER_BEFORE = re.compile(rf"(?:^|[^\w])(?:an?|{tp.alt(tp.EN_NUMBER_WORDS)})[ \t\xa0-]+$", re.I)
_EN_ORDINAL_FIRST = re.compile(rf"(?i:{tp.alt(tp.words('ordinal_words'))})\b")


def _en_stands_apart(text: str, start: int, end: int, p: Parsed) -> bool:
    """An English surface that is also a plain word, where it does not stand as a date or a length: a weekday
    abbreviation or a day alone not after on/by/meet (I sat down), a lower-case may or march with a word after its
    day (you may 3 times), a mark of a unit not after for (2m people, $2m), the 1st before a noun."""
    if not p.stands:
        return False
    before = text[max(0, start - 24):start]
    word_after = _EN_WORD_AFTER.match(text, end) is not None
    if p.stands == "date":
        if word_after or _word_before(before) not in _EN_DATE_POSITION:
            return True
        # on the first, said in words: a day only in a clause that tells an event
        return p.rule == "en_day_alone" and not text[start:end][-1].isdigit() and _tense(
            text, end, "en", _TENSE_WINDOW, start) is None
    if p.stands == "not_before_word":
        return word_after
    if p.stands == "day_number":
        return word_after
    if p.stands == "length":
        return word_after or _word_before(before) not in _EN_LENGTH_POSITION
    return False


def _en_trap(text: str, start: int, end: int, p: Parsed) -> bool:
    """English surfaces read in any case, numeric dates and marks of a unit that are not mentions where they
    stand."""
    if p.rule.startswith("en_day_clock") and start > 0 and text[start - 1] in "-‐–/.":
        return True  # COVID-19 this morning
    if p.rule in ("en_numeric_date", "en_duration+mark") and (
            start > 0 and (text[start - 1].isalnum() or text[start - 1] in "/.-‐–$£€¥,")
            or end < len(text) and (text[end].isalnum() or text[end] in "/%-‐–")
            or re.sub(r"\s", "", text[start:end]) in _EN_NUMERIC_NAMES):
        return True  # G8/20, 1.5.2, 50-80%, the 9/11 attacks
    if p.stands == "date" and p.family == "weekday" and end < len(text) and text[end] in "-‐–'’":
        return True  # On Mon- — thank: a word broken off
    if _EN_ORDINAL_FIRST.match(text, start) and _EN_NUMBER_BEFORE.search(text[max(0, start - 12):start]):
        return True  # one third of March's budget: a fraction
    return _en_stands_apart(text, start, end, p)


def _is_trap(text: str, start: int, end: int, p: Parsed) -> bool:
    if p.lang == "en" and _en_trap(text, start, end, p):
        return True
    if p.rule == "en_year_after_preposition":
        return _PLURAL_NOUN_AFTER.match(text, end) is not None  # "of 2000 troops"
    if p.rule.startswith("en_duration") and start > 0 and text[start - 1] in "-‐–":
        return True  # Sixty-four years ago: the count begins before the hyphen
    if p.rule == "en_duration" and _EN_AGE_AFTER.match(text, end):
        return True  # an 88-year-old chef: an age
    if p.rule == "en_month_after_preposition" and _EN_POSSESSIVE_AFTER.match(text, end):
        return True  # in May's cabinet: a name
    if p.rule == "en_relative_day" and p.day_rel[0] == "context" and _EN_DAY_BEFORE_NOUN.match(text, end):
        return True  # the day before the summit: relative to an event, not to the last date
    if "span_" in p.rule and start > 0 and (text[start - 1] in _COUNTER_BEFORE_SPAN or
                                             unicodedata.normalize("NFKC", text[start - 1]).isdigit()):
        return True  # 10年内, 3カ月内: within a count of years or months, not the anchor's year or month
    if text[start:end] in _PRESENT_DAY and _PRESENT_DAY[text[start:end]].match(text, end):
        return True  # 今日の国際社会: the present day, not today
    if text.startswith("けさ", start) and text.startswith("せ", start + 2):
        return True  # 受けさせる, 避けさせる: a causative verb, not this morning
    if p.rule == "ja_day" and text.startswith("一日", start) and end == start + 2 and \
            _A_DAY_OF.search(text[max(0, start - 8):start]):
        return True  # 総理の一日: a day in the life, not a date
    if p.rule == "ja_day" and _DAY_AS_COUNT.match(text, end):
        return True  # 1日も早く, 1日あたり: a day counted, not a date
    if p.rule.startswith("ja_day") and p.day is not None and p.month is None and p.year is None:
        if text[start] in _KANJI_NUMERALS:
            if start > 0 and _is_kanji(text[start - 1]):
                return True  # 統一日, 唯一日: a numeral inside a word
            if p.rule == "ja_day" and end < len(text) and text[end] in _PLACE_AFTER_KANJI_DAY:
                return True  # 四日市, 十日町, 三日月
    if text.startswith("前日本", start) and end == start + 2:
        return True  # 前日本大使: the former Japanese ambassador, not the day before
    if p.rule == "ja_day" and end < len(text) and text[end] in _COUNTRY_AFTER_DAY:
        line_start = text.rfind("\n", 0, start) + 1
        if not text[line_start:start].strip(" \t　(（"):
            return True  # list numbering before 日米…, 日本…
    return False
