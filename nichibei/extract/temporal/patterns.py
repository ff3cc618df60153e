"""Regular expressions of the temporal resolver.

The candidate pattern is written for the Rust ``regex`` engine that Polars uses (no look-around,
leftmost-first alternation), and is run over the raw ``documents.text`` so that offsets point into the
text as published. Full-width digits and kanji numerals are matched in place; the surface is NFKC-normalised
only afterwards, when it is parsed.
"""

from __future__ import annotations

import re

from nichibei.rules import load_rules

PACKAGE = "nichibei.extract.temporal"


def rules(kind: str, *columns: str) -> tuple[dict[str, str], ...]:
    """The entries of ``rules/<kind>.csv`` of this package, in file order (the order of the alternations)."""
    return load_rules(PACKAGE, kind, columns)


def words(kind: str, column: str = "word", **where: str) -> tuple[str, ...]:
    """One column of a rule file, for the entries whose other columns have the values given."""
    return tuple(r[column] for r in rules(kind, column, *where) if all(r[k] == v for k, v in where.items()))


def alt(items) -> str:
    """An alternation of the entries, in file order: leftmost-first, so the order decides between prefixes."""
    return "|".join(items)


def en_phrase(word: str, space: str = r"[ \t]+") -> str:
    """An English word or phrase as written in a sentence: the first letter either case, any blank between words."""
    head = f"[{word[0].upper()}{word[0]}]" if word[0].isalpha() and word[0].islower() else word[0]
    return head + word[1:].replace(" ", space)


ERA_NAMES = words("era_names")
REL_YEAR_WORDS = words("relative_years")
REL_MONTH_WORDS = words("relative_months")
REL_DAY_WORDS = words("relative_days", form="day")
REL_DAY_PART_WORDS = words("relative_days", form="part_of_day")
REL_DAY_PREFIXES = "".join(words("relative_days", form="prefix"))
REL_DAY_PREFIX_DAY = alt(words("relative_days", form="prefix_day"))
JA_WEEKDAY_CHARS = "".join(words("weekdays", language="ja"))
EN_WEEKDAY_NAMES = words("weekdays", language="en", form="full")
EN_WEEKDAY_ABBREVIATIONS = words("weekdays", language="en", form="abbreviation")
EN_FULL_MONTH_NAMES = words("month_names", form="full")
EN_MONTH_ABBREVIATIONS = words("month_names", form="abbreviation")
MONTH_PARTS = words("month_parts")
REL_SPANS = words("relative_spans")
CLOCK_DAY_PARTS = tuple(r["word"] for r in sorted((r for r in rules("day_parts", "word", "before_clock")
                                                   if r["before_clock"]), key=lambda r: int(r["before_clock"])))
DATE_DAY_PARTS = tuple(r["word"] for r in sorted((r for r in rules("day_parts", "word", "after_date")
                                                  if r["after_date"]), key=lambda r: int(r["after_date"])))
NOON = alt(words("day_parts", half="noon"))
# parts of the day said before a clock time that are not noon itself (午後3時; 正午 is a time of its own)
CLOCK_DAY_PARTS_NOT_NOON = tuple(w for w in CLOCK_DAY_PARTS if w not in words("day_parts", half="noon"))
# 午後1時半から同3時半: the second clock, after 同, is in the afternoon too
SAME_HALF_PM = re.compile(
    rf"(?:{alt(re.escape(w) for w in words('day_parts', language='ja', half='pm'))})\s*[0-9０-９〇一二三四五六七八九十]{{1,3}}時"
    rf"[^。\n]{{0,8}}?(?:{alt(re.escape(w) for w in words('range_joiners', language='ja'))})\s*"
    rf"(?:{alt(re.escape(w) for w in words('same_as_before'))})$")
CLOCK_HEDGES = words("duration_hedges", language="ja", position="clock")
JA_HEDGES_BEFORE = words("duration_hedges", language="ja", position="before")
JA_HEDGES_AFTER = words("duration_hedges", language="ja", position="after")
EN_HEDGES_BEFORE = words("duration_hedges", language="en", position="before")
MONTH_COUNTERS = words("month_counters")
EN_NUMBER_WORDS = words("number_words")
ZONE_ABBREVIATIONS = words("zone_abbreviations")

D = "[0-9０-９]"
KD = "[〇零一二三四五六七八九]"
KN = "[〇零一二三四五六七八九十百千]"
NUM = f"(?:{D}+|{KN}+)"
OPEN = "[(（]"
CLOSE = "[)）]"
SP = r"[ \t　]*"

ERA = f"(?:{alt(ERA_NAMES)})"
REL_YEAR = f"(?:{alt(REL_YEAR_WORDS)})"
YEAR = (
    f"(?:{ERA}(?:元|{D}{{1,2}}|{KN}{{1,3}})(?:{OPEN}{D}{{4}}{CLOSE})?年"
    f"|{D}{{4}}年|{KD}{{4}}年|{REL_YEAR})"
)
MONTH = f"(?:{D}{{1,2}}|{KN}{{1,3}})月"
REL_MONTH = f"(?:{alt(REL_MONTH_WORDS)})"
DAY_ANY = f"(?:{D}{{1,2}}|{KN}{{1,3}})日"
# parts of today said without a clock (けさ, 今夜): the anchor's date
REL_DAY_PART = f"(?:{alt(REL_DAY_PART_WORDS)})"
REL_DAY = (
    f"(?:{REL_DAY_PART}|[{REL_DAY_PREFIXES}]{OPEN}{D}{{1,2}}{CLOSE}日|{REL_DAY_PREFIX_DAY}(?:{D}{{1,2}}|{KN}{{1,3}})日"
    f"|{alt(REL_DAY_WORDS)})"
)
# the weekday of a date, in brackets (18日(火), 18日（火曜日）) or written on (18日火曜日)
WEEKDAY_JA = f"(?:{SP}{OPEN}[{JA_WEEKDAY_CHARS}](?:曜日?)?(?:・祝)?{CLOSE}|[{JA_WEEKDAY_CHARS}]曜日?)"

# words naming a clock's zone (日本時間, 現地時間, 米太平洋時間, 北京時間, ...): the zones are those of
# nichibei/data/timezones.csv (kind time_word), looked up without 米/米国 and without 標準/夏 (米東部夏時間 → 東部時間)
TZ_WORDS = f"(?:{alt(words('zone_words', 'pattern', language='ja'))})"
TZ_PREFIX = f"(?:{TZ_WORDS}(?:の|では|で)?{SP})"
AMPM = f"(?:{alt(CLOCK_DAY_PARTS)})"
TIME_DIGIT = f"(?:{AMPM}{SP})?{D}{{1,2}}時(?:半|{D}{{1,2}}分(?:{D}{{1,2}}秒)?)?(?:{alt(CLOCK_HEDGES)})?"
TIME_KANJI = f"{AMPM}{SP}{KN}{{1,3}}時(?:半|{KN}{{1,3}}分)?(?:{alt(CLOCK_HEDGES)})?"
TIME_COLON = f"{D}{{1,2}}[:：]{D}{{2}}(?:[:：]{D}{{2}})?(?:{alt(CLOCK_HEDGES)})?"
TIME_NOON = f"{NOON}(?:{alt(CLOCK_HEDGES)})?"
# a clock in kanji numerals without 午前/午後 only with its minutes (九時五分, 十時半): 一時 alone is "for a while"
TIME_KANJI_MINUTES = f"{KN}{{1,3}}時(?:半|{KN}{{1,3}}分)(?:{alt(CLOCK_HEDGES)})?"
TIME = f"(?:{TIME_KANJI}|{TIME_KANJI_MINUTES}|{TIME_DIGIT}|{TIME_COLON}|{TIME_NOON})"

# a part of a month (5月末, 7月上旬, 今月末): the month, at month precision
MONTH_PART = f"(?:{alt(MONTH_PARTS)})"
# the anchor's year or month said as a span (年内, 月内, 今年中)
REL_SPAN = f"(?:{alt(REL_SPANS)})"
# (a day may follow its month after の, as speech has it: 四月の二十七日)
DATE_CORE = (
    f"(?:{YEAR}(?:度|{MONTH}(?:の?{DAY_ANY}|{MONTH_PART})?)?"
    f"|{REL_MONTH}(?:{DAY_ANY}|{MONTH_PART})?"
    f"|{MONTH}(?:の?{DAY_ANY}|{MONTH_PART})?"
    f"|{REL_SPAN}"
    f"|{DAY_ANY}"
    f"|{REL_DAY})"
)
# a part of the day after a date (16日午後, 13日夜, 17日未明の午前4時): one mention with the date
DAY_PART = f"(?:{alt(DATE_DAY_PARTS)})"
JA_DATETIME = (
    f"(?:{TZ_PREFIX}?{DATE_CORE}{WEEKDAY_JA}?(?:{SP}[、,の]?{SP}{TZ_PREFIX}?{TIME}|{DAY_PART}(?:の?{SP}{TIME})?)?"
    f"|{TZ_PREFIX}?{TIME})"
)

APPROX_JA = f"(?:{alt(JA_HEDGES_BEFORE)})"
MONTHS_N = alt(f"{w}間?" for w in MONTH_COUNTERS)
DUR_UNIT_DIGIT = f"(?:時間(?:{D}{{1,2}}分間?|半)?|分間?|秒間?|年間|{MONTHS_N}|週間|日間)"
DUR_UNIT_KANJI = f"(?:時間(?:{KN}{{1,3}}分間?|半)?|分間|秒間|年間|{MONTHS_N}|週間|日間)"
JA_DURATION = (
    f"(?:{APPROX_JA}{SP})?(?:{D}+(?:[.．]{D}+)?{DUR_UNIT_DIGIT}|{KN}+{DUR_UNIT_KANJI})"
    f"(?:{alt(JA_HEDGES_AFTER)})?"
)
# --- counts of time units (rules/count_units.csv, count_fractions.csv, count_directions.csv) ---------------------
def longest_first(items) -> str:
    return alt(sorted(items, key=len, reverse=True))


_COUNT_UNITS = rules("count_units", "word", "bare")
_JA_UNIT_WORDS = {r["word"]: r["bare"] for r in _COUNT_UNITS if r["language"] == "ja"}
_JA_UNIT_WORDS.update({f"{w}{tail}": "" for w in MONTH_COUNTERS for tail in ("間", "")})
JA_FRACTION_AFTER = alt(words("count_fractions", language="ja", position="after"))
JA_FRACTION_BEFORE = longest_first(words("count_fractions", language="ja", position="before"))
JA_COUNT_DIRECTION = alt(words("count_directions", language="ja"))
_JA_LONG = longest_first(w for w, bare in _JA_UNIT_WORDS.items() if not bare)  # units only a length has (時間, 年間)
_JA_DIGIT_OK = longest_first(w for w, bare in _JA_UNIT_WORDS.items() if bare in ("", "kanji"))  # 30分 alone is a length
_JA_BARE = longest_first(w for w, bare in _JA_UNIT_WORDS.items() if bare in ("yes", "kanji"))  # 年, 日, 週: alone, a date or a year
_JA_HEDGE_AFTER = longest_first(JA_HEDGES_AFTER)
_JD = f"{D}+(?:[.．]{D}+)?"
_JD_BARE = f"{D}{{1,3}}(?:[.．]{D}+)?"  # 2021年 is a year, not a count of years
_JA_PIECE_ANY = (f"(?:{_JD}(?:{_JA_LONG})|{_JD_BARE}(?:{_JA_BARE})|{KN}+(?:{_JA_LONG})|{KN}{{1,3}}(?:{_JA_BARE}))"
                  f"(?:{JA_FRACTION_AFTER})?")
_JA_PIECE_ALONE = f"(?:{_JD}(?:{_JA_DIGIT_OK})|{KN}+(?:{_JA_LONG}))(?:{JA_FRACTION_AFTER})?"
_JA_PIECE_BARE = f"(?:{_JD_BARE}|{KN}{{1,3}})(?:{_JA_BARE})"
# 半年, 半月, 四半世紀: a fraction before the unit (a century only so: 二十一世紀 is the 21st)
_JA_FRONT = f"(?:{JA_FRACTION_BEFORE})(?:{longest_first((*(w for w, b in _JA_UNIT_WORDS.items() if b == 'front'), '年', '月', '日'))})"
# 5年ぶり, 30年もの間, 2日にわたり: words after a count that make it a length (rules/count_lengths.csv)
JA_COUNT_LENGTH = longest_first(words("count_lengths", language="ja"))
_JA_QUAL = f"(?:(?:{_JA_HEDGE_AFTER})(?:{JA_COUNT_DIRECTION})?|(?:{JA_COUNT_DIRECTION}))"
_JA_QUAL_BARE = f"(?:{_JA_QUAL}|(?:{JA_COUNT_LENGTH}))"  # a bare count (5年, 3日) is a length only with one of these
# 1年2ヶ月10日, 1時間30分25秒, 10分半, 3日前, 1年ほど前, 半年後, 四半世紀: a count, its hedge and its direction
# (a count in years or days alone, 2021年 or 18日, is a date: it needs a second unit, a fraction, a hedge or a
# direction)
JA_COUNT = (
    f"(?:{APPROX_JA}{SP})?"
    f"(?:(?:{_JA_PIECE_ANY}){{2,}}{_JA_QUAL}?|{_JA_PIECE_ALONE}{_JA_QUAL}?"
    f"|{_JA_PIECE_BARE}(?:{JA_FRACTION_AFTER}){_JA_QUAL}?|{_JA_PIECE_BARE}{_JA_QUAL_BARE}|{_JA_FRONT}{_JA_QUAL}?)"
)
# a time in seconds with its hundredths after 秒, as races are timed (9秒58, 1秒05)
JA_SECONDS_HUNDREDTHS = f"{D}{{1,3}}秒{D}{{1,2}}"
# a stay told as nights and days (1泊2日, 二泊三日): a duration of the days
JA_STAY = f"(?:{D}{{1,2}}|{KN}{{1,3}})泊(?:{D}{{1,2}}|{KN}{{1,3}})日"
YEAR4 = f"(?:{D}{{4}}|{KD}{{4}})年"
JA_YEAR_RANGE = f"{YEAR4}(?:度)?{SP}(?:[~〜～\\-－–—]|から){SP}(?:{D}{{4}}|{D}{{2}})年(?:度)?"
JA_WEEKDAY = f"[{JA_WEEKDAY_CHARS}]曜日?"

ISO_DATE = f"{D}{{4}}[-/]{D}{{1,2}}[-/]{D}{{1,2}}(?:(?:T|[ \t]+){D}{{1,2}}:{D}{{2}})?"
# a date in figures with separators (2021.7.18, 2021・7・18, 令和3/7/18, R3.7.18, 一九四〇・一・四) or a month with a
# slash (2021/07, 2021年/7月, 西暦2021/7, 令和3.7): the parser checks that the separators agree
NUMERIC_SEP = "[/／.．,，・･\\-－]"
_ERA_LETTERS = "".join(r["letter"] + chr(ord(r["letter"]) + 0xFEE0) for r in rules("era_names", "letter"))
_NUM_MD = f"(?:{D}{{1,2}}|{KN}{{1,3}})"
JA_NUMERIC_DATE = (
    f"(?:西暦{SP})?(?:{D}{{4}}|{KD}{{4}}){NUMERIC_SEP}{_NUM_MD}{NUMERIC_SEP}{_NUM_MD}"
    f"|(?:西暦{SP})?{D}{{4}}(?:年{SP})?[/／]{SP}{D}{{1,2}}月?"
    f"|{ERA}(?:元|{D}{{1,2}}|{KN}{{1,3}}){NUMERIC_SEP}{_NUM_MD}(?:{NUMERIC_SEP}{_NUM_MD})?"
    f"|[{_ERA_LETTERS}]{D}{{1,2}}{NUMERIC_SEP}{D}{{1,2}}{NUMERIC_SEP}{D}{{1,2}}"
)

EN_MONTH = (
    f"(?:{alt(EN_FULL_MONTH_NAMES)}"
    f"|{alt(re.escape(a + '.') for a in EN_MONTH_ABBREVIATIONS)}"
    f"|{alt(EN_MONTH_ABBREVIATIONS)})"
)
EN_WEEKDAY_NAME = f"(?:{alt(en_phrase(w.lower()) for w in EN_WEEKDAY_NAMES)})"  # Tuesday, tuesday
# a weekday before a date or a clock, as a calendar writes it (Fri, Sep 20; Thu at 8 am)
EN_WEEKDAY_BEFORE = rf"(?:(?:{EN_WEEKDAY_NAME}|{alt(EN_WEEKDAY_ABBREVIATIONS)})\.?,?[ \t]+)"
EN_DATE = (
    rf"\b{EN_WEEKDAY_BEFORE}?{EN_MONTH}[ \t]+[0-9]{{1,2}}(?:st|nd|rd|th)?\b(?:,?[ \t]+[0-9]{{4}}\b)?"
    rf"|\b[0-9]{{1,2}}[ \t]+{EN_MONTH}\b(?:,?[ \t]+[0-9]{{4}}\b)?"
    rf"|\b{EN_MONTH}\b,?[ \t]+[0-9]{{4}}\b"
)
EN_FY = r"\b(?:FY|[Ff]iscal [Yy]ear|[Ff]iscal)[ \t]*['’]?(?:[0-9]{4}|[0-9]{2})\b"
# a weekday with a part of the day (Thursday evening, late Wednesday): one mention, the day's date
EN_WEEKDAY = (
    rf"\b(?:(?:[Ll]ate|[Ee]arly)[ \t]+|(?:{alt(en_phrase(w) for w in words('weekday_relations', position='before'))})[ \t]+)?{EN_WEEKDAY_NAME}\b"
    rf"(?:[ \t]+(?:{alt(w.replace(' ', '[ ]+') for w in words('weekday_relations', position='after'))})\b)?"
    r"(?:[ \t]+(?:the[ \t]+)?[0-9]{1,2}(?:st|nd|rd|th)\b|[ \t]+(?:morning|afternoon|evening|night)\b)?"
)
EN_PREP_YEAR = (
    r"\b(?:in|by|since|until|till|through|from|before|after|during|between|and|to|of|early|late|mid|end of|the)"
    r"[ \t]+(?:1[89]|20)[0-9]{2}\b"
)
# zone abbreviations after a clock (US zones standard and daylight, Hawaii, Alaska, Korea, Britain, Central Europe)
ZONE_ABBR = alt(ZONE_ABBREVIATIONS)
EN_ZONE_NAMES = alt(en_phrase(w) for w in words("zone_names", seasonal=""))
EN_SEASONAL_ZONE_NAMES = alt(en_phrase(w) for w in words("zone_names", seasonal="yes"))
# 10:50 a.m., 7:45 p.m. local time, 8:45 p.m. Japan time, 11:55 a.m. ET, 10:50 a.m. Thursday
EN_ZONE_WORD = (
    r"(?:" + ZONE_ABBR + r"|(?:" + EN_ZONE_NAMES
    + r"|(?:" + EN_SEASONAL_ZONE_NAMES + r")(?:[ \t]+(?:[Ss]tandard|[Dd]aylight))?)[ \t]+[Tt]ime)"
)
EN_TIME = (
    rf"\b(?:{EN_WEEKDAY_BEFORE}(?:at[ \t]+)?)?"
    r"[0-9]{1,2}(?::[0-9]{2})?[ \t]*(?:a\.m\.|p\.m\.|am\b|pm\b|AM\b|PM\b)"
    rf"(?:[ \t]*{EN_ZONE_WORD}\b)?"
    rf"(?:,?[ \t]+(?:on[ \t]+)?{EN_WEEKDAY_NAME}\b)?"
)
# a 24-hour clock with its zone, as agencies write it: 1200 GMT, 0130 GMT, 2330 UTC
EN_TIME_24 = (
    r"\b(?:[01][0-9]|2[0-3])[0-5][0-9][ \t]*(?:GMT|UTC)\b"
    r"|\b(?:[01]?[0-9]|2[0-3]):[0-5][0-9][ \t]*(?:"+ZONE_ABBR+r")\b"  # 02:35 JST, 14:30 GMT
)
# a zone word in brackets after a Japanese clock time: 午後3時（日本時間）, 午前10時(現地時間)
JA_ZONE_AFTER = re.compile(rf"[ \t　]*[(（][ \t　]*(?P<z>{TZ_WORDS})[ \t　]*[)）、,]")
# a zone word after a time, behind a comma or an opening bracket: (local time; …), , Japan time, (Eastern time)
EN_ZONE_AFTER = re.compile(
    r"[ \t]*[,(（][ \t]*(?P<z>(?-i:" + ZONE_ABBR + r")"
    r"|(?P<zw>" + EN_ZONE_NAMES
    + r"|(?:" + EN_SEASONAL_ZONE_NAMES + r")(?:[ \t]+(?:standard|daylight))?)[ \t]+time)\b",
    re.I,
)
EN_NUMBER_WORD = f"(?:{alt(en_phrase(w) for w in EN_NUMBER_WORDS)})"
EN_DURATION_HEDGE = f"(?:{alt(en_phrase(w) for w in EN_HEDGES_BEFORE)})"
# about an hour, half an hour, an hour and 45 minutes, two hours, 90 minutes, a 10-year plan
EN_DURATION = (
    rf"\b(?:{EN_DURATION_HEDGE}[ \t]+)?"
    r"(?:[Hh]alf[ \t]+an[ \t]+hour"
    r"|(?:an?|[Oo]ne)[ \t]+hour(?:[ \t]+and[ \t]+(?:a[ \t]+half|[0-9]+[ \t]+minutes?))?"
    r"|[Hh]alf[ \t]*-?[ \t]*hour"
    rf"|(?:[0-9]+|{EN_NUMBER_WORD}|an?)[ \t]+and[ \t]+a[ \t]+half[ \t]+(?:hours?|minutes?|years?|months?|weeks?|days?)"
    rf"|(?:[0-9]+(?:\.[0-9]+)?|{EN_NUMBER_WORD})[ \t]*(?:-[ \t]*)?(?:hours?|minutes?|years?|months?|weeks?|days?)"
    rf"(?:[ \t]+and[ \t]+(?:a[ \t]+half|(?:[0-9]+|{EN_NUMBER_WORD})[ \t]+minutes?))?)\b"
)
# English counts: 2 years and 3 months, 1 hour thirty, five and a half minutes, 1/2 hour, three weeks ago, in a week
_EN_UNIT = longest_first(r["word"] for r in _COUNT_UNITS if r["language"] == "en")
_EN_CNUM = f"(?:[0-9]+(?:\\.[0-9]+)?|{EN_NUMBER_WORD}|an?)"
_EN_FRACTION = alt(words("count_fractions", language="en", position="after"))
_EN_FRACTION_BEFORE = alt(re.escape(w) for w in words("count_fractions", language="en", position="before"))
_EN_PART = f"(?:and[ \\t]+(?:(?:an?|{EN_NUMBER_WORD})[ \\t]+)?(?:{_EN_FRACTION})s?(?:[ \\t]+of)?)"


def _en_piece(number: str) -> str:
    """One English count of a unit: 3 months, five and a half minutes, 1/2 hour, 2 more minutes."""
    return (
        f"(?:{number}[ \\t]+{_EN_PART}[ \\t]+|(?:an?[ \\t]+)?(?:{_EN_FRACTION_BEFORE})(?:[ \\t]+(?:of[ \\t]+)?an?)?[ \\t]+"
        f"|{number}[ \\t]*(?:-[ \\t]*)?(?:(?:more|extra|additional)[ \\t]+)?)(?:{_EN_UNIT})s?\\b"
        f"(?:[ \\t]+and[ \\t]+an?[ \\t]+(?:{_EN_FRACTION}))?"
    )


_EN_PIECE = _en_piece(_EN_CNUM)
# after a comma or a blank the next piece has a number of its own (five days a week, 40 hours a week: a rate)
_EN_NEXT = (f"(?:,?[ \\t]+and[ \\t]+{_EN_PIECE}"
            f"|(?:,[ \\t]*|[ \\t]+){_en_piece(f'(?:[0-9]+(?:[.][0-9]+)?|{EN_NUMBER_WORD})')})")
_EN_DIRECTION = alt(w.replace(" ", r"[ \t]+") for w in words("count_directions", language="en"))
# one pattern for every English count, so that the candidate pattern stays small: a count, the counts joined to
# it, then a direction or the minutes after an hour (1 hour thirty); the parser keeps what is a length or a shift
EN_COUNT = (
    rf"\b{_EN_PIECE}(?:{_EN_NEXT})*"
    rf"(?:[ \t]+(?i:{_EN_DIRECTION})\b|[ \t]+(?:and[ \t]+)?(?:[0-9]{{1,2}}|{EN_NUMBER_WORD})\b)?"
)
# today, yesterday, the day before, the next day; last April, next year, this month
EN_REL_DAY = rf"\b(?:{alt(en_phrase(w) for w in words('relative_days_en'))})\b"
EN_FULL_MONTH = f"(?:{alt(EN_FULL_MONTH_NAMES)})"
EN_REL_MONTH = rf"\b(?:[Ll]ast|[Nn]ext|[Tt]his)[ \t]+(?:{EN_FULL_MONTH}|year|month)\b"
# a month named after a preposition (in March, since April, mid-May), with the day or year that may follow: the
# preposition is matched so that a capitalised May or March elsewhere is not taken for a month, then dropped
EN_PREP_MONTH = (
    r"\b(?:(?:[Ii]n|[Ss]ince|[Uu]ntil|[Tt]ill|[Tt]hrough|[Ff]rom|[Bb]efore|[Aa]fter|[Dd]uring|[Bb]y|[Ee]arly|[Ll]ate"
    r"|[Ee]nd[ \t]+of|[Bb]eginning[ \t]+of|[Ss]tart[ \t]+of)[ \t]+|[Mm]id-)"
    rf"{EN_FULL_MONTH}\b(?:[ \t]+[0-9]{{1,2}}(?:st|nd|rd|th)?\b)?(?:,?[ \t]+[0-9]{{4}}\b)?"
)
# a news dateline at the head of a paragraph: PALM BEACH, Florida, April 17 (Kyodo) --   WASHINGTON, Feb. 7 (Reuters) -
# WASHINGTON -   TOKYO (AP) —
EN_DATELINE_PREFIX = re.compile(
    r"^[ \t　]*(?P<place>[A-Z][A-Z.'’ -]*[A-Z.])(?:,[ \t]+(?P<region>[A-Z][A-Za-z. ]+))?"
    r"(?:,[ \t]+(?P<date>[A-Z][a-z]+\.?[ \t]+[0-9]{1,2}(?:,[ \t]+[0-9]{4})?))?"
    r"[ \t]*(?:\([A-Za-z ]+\))?[ \t]*(?:(?:--|—|–)[ \t]*|-[ \t])",
    re.M,
)

# --- English dates in any case, ordinals, numeric dates, a day with its clock (rules/ordinal_words.csv, ...) -------
# month names and weekdays in any case (march 3, 15th february, thu): a lower-case word that is also a verb or a
# noun (may, march, sat, sun) is told from the date where it stands (traps.py)
EN_MONTH_ANY = f"(?i:{EN_MONTH})"
EN_ORDINAL_WORD = f"(?i:{longest_first(words('ordinal_words'))})"
EN_DAY_ORD = rf"(?:[0-9]{{1,2}}(?:st|nd|rd|th)?|{EN_ORDINAL_WORD})"  # 15, 15th, third
EN_DAY_MARKED = rf"(?:[0-9]{{1,2}}(?:st|nd|rd|th)|{EN_ORDINAL_WORD})"  # 15th, third: a day said alone
EN_WEEKDAY_ANY = f"(?i:{alt(EN_WEEKDAY_NAMES)}|{alt(EN_WEEKDAY_ABBREVIATIONS)})"
EN_REL_MONTH_OF = f"(?i:{alt(w.replace(' ', '[ ]+') for w in words('relative_months_en'))})"
_EN_YEAR_TAIL = r"(?:,?[ \t]+[0-9]{4}\b)?"
# march 3, march first, Wed, Feb13, march third 2015, february the 15th
EN_MONTH_DAY = rf"\b{EN_WEEKDAY_BEFORE}?{EN_MONTH_ANY}[ \t]*(?:the[ \t]+)?{EN_DAY_ORD}\b{_EN_YEAR_TAIL}"
# the 15th of february, 15 of february, third day of october, 20th of next month, 15th february, 14april 2015,
# on the 15th, the 1st
EN_DAY_MONTH = (
    rf"\b(?:(?:the[ \t]+)?{EN_DAY_ORD}(?:[ \t]+day)?[ \t]+of[ \t]+(?:{EN_MONTH_ANY}\b{_EN_YEAR_TAIL}|{EN_REL_MONTH_OF}\b)"
    rf"|(?:the[ \t]+)?[0-9]{{1,2}}(?:st|nd|rd|th)?[ \t]*{EN_MONTH_ANY}\b{_EN_YEAR_TAIL}"
    rf"|the[ \t]+{EN_DAY_MARKED}\b)"
)
# 2/15, 2 - 15, 10/31/74, 10.31.1974: month first, as US English writes it
EN_NUMERIC_DATE = (
    r"\b[0-9]{1,2}(?:[ \t]*/[ \t]*[0-9]{1,2}(?:/(?:[0-9]{4}|[0-9]{2}))?"
    r"|[ \t]*-[ \t]*[0-9]{1,2}(?:-(?:[0-9]{4}|[0-9]{2}))?|\.[0-9]{1,2}\.[0-9]{4})\b"
)
# a weekday abbreviation alone (thu, sat.): a date only where a date stands (traps.py)
EN_WEEKDAY_ABBREVIATION = rf"\b(?i:{alt(EN_WEEKDAY_ABBREVIATIONS)})\b\.?"
# 2m, 2 m, 2', 1", 1/2 h: marks of a unit, a length only where a length stands (traps.py)
_EN_MARKS = alt(rf"{re.escape(w)}\b" if w.isalpha() else re.escape(w) for w in words("length_marks"))
EN_LENGTH_MARK = rf"\b(?:[0-9]+(?:\.[0-9]+)?|{alt(re.escape(w) for w in words('count_fractions', language='en', position='before') if w[0].isdigit())})[ \t]*(?:{_EN_MARKS})"
# a clock: 5pm, 7:30 PM, 8:00, 16h00, 16h, 8 o'clock, 150ish, or the bare hour after at/@; a zone may follow
_EN_ZONE_ANY_CASE = alt((*ZONE_ABBREVIATIONS, *(w.lower() for w in ZONE_ABBREVIATIONS if len(w) >= 3)))
EN_CLOCK = (
    r"(?:[0-9]{1,2}(?::[0-9]{2})?[ \t]*(?:a\.m\.|p\.m\.|am\b|pm\b|AM\b|PM\b)|[0-9]{1,2}:[0-9]{2}\b"
    r"|[0-9]{1,2}h(?:[0-9]{2})?\b|[0-9]{1,2}[ \t]+o['’]clock"
    rf"|[0-9]{{3,4}}(?:{alt(words('duration_hedges', language='en', position='clock'))})\b)"
    rf"(?:[ \t]*(?:{_EN_ZONE_ANY_CASE})\b)?"
    rf"|[0-9]{{1,2}}[ \t]*(?:{_EN_ZONE_ANY_CASE})\b"
)
_EN_DAY_PART = f"(?i:{alt(words('day_parts', language='en'))})"
_EN_DAY_AND_PART = f"(?i:{alt(w.replace(' ', '[ ]+') for w in words('day_parts_en'))})"
_EN_REL_DAY_ANCHOR = f"(?i:{alt(w.replace(' ', '[ ]+') for w in words('relative_days_en', reference='anchor'))})"
# a day with its part (tonight, this afternoon, tomorrow morning, Saturday morning): a bare hour is read by it
_EN_DAY_WITH_PART = rf"(?:{_EN_DAY_AND_PART}|(?:{_EN_REL_DAY_ANCHOR}|{EN_WEEKDAY_ANY})[ \t]+{_EN_DAY_PART})\b"
# the day of a clock: tomorrow (morning), tonight, this afternoon, Saturday (morning), Fri, Sep 20, 4/25 (a month
# and day with no weekday, Nov. 16 at 10 a.m., stays two mentions: the clock takes the date before it)
EN_CLOCK_DAY = (
    rf"(?:{EN_WEEKDAY_BEFORE}{EN_MONTH}[ \t]*[0-9]{{1,2}}(?:st|nd|rd|th)?(?:,?[ \t]+[0-9]{{4}})?"
    rf"|{_EN_DAY_AND_PART}|(?:{_EN_REL_DAY_ANCHOR}|{EN_WEEKDAY_ANY})(?:[ \t]+{_EN_DAY_PART})?"
    r"|[0-9]{1,2}/[0-9]{1,2}(?:/[0-9]{4})?)\b"
)
# tomorrow at 5pm, Thursday 8:00 gmt, tonight at 11, 9 tomorrow morning, at 7:30 PM on Fri, Sep 20,
# on Saturday for 9am
EN_DAY_CLOCK = (
    rf"\b(?:{EN_CLOCK_DAY},?[ \t]+(?:(?:at|for)[ \t]+|@[ \t]*)?(?:{EN_CLOCK})"
    rf"|{_EN_DAY_WITH_PART},?[ \t]+(?:at[ \t]+|@[ \t]*)[0-9]{{1,2}}\b"
    rf"|(?:at[ \t]+|@[ \t]*)?(?:{EN_CLOCK}),?[ \t]+(?:(?:on|for)[ \t]+)?{EN_CLOCK_DAY}"
    rf"|[0-9]{{1,2}}[ \t]+{_EN_DAY_WITH_PART})"
)

# The pieces above use Python's \b; for Polars the word boundary is made ASCII-only, because a Unicode \b
# keeps the Rust engine off its DFA on non-ASCII text (about 150 times slower on Japanese).
CANDIDATE_PATTERN = "|".join(
    [
        ISO_DATE,
        JA_NUMERIC_DATE,
        EN_DAY_CLOCK,
        EN_DATE,
        EN_MONTH_DAY,
        EN_DAY_MONTH,
        EN_FY,
        EN_WEEKDAY,
        EN_TIME,
        EN_TIME_24,
        EN_COUNT,
        EN_DURATION,
        EN_LENGTH_MARK,
        EN_NUMERIC_DATE,
        EN_REL_DAY,
        EN_REL_MONTH,
        EN_PREP_MONTH,
        EN_PREP_YEAR,
        JA_SECONDS_HUNDREDTHS,
        EN_WEEKDAY_ABBREVIATION,
        JA_STAY,
        JA_COUNT,
        JA_DURATION,
        JA_YEAR_RANGE,
        JA_DATETIME,
        JA_WEEKDAY,
    ]
).replace(r"\b", r"(?-u:\b)")

# tense of the clause that follows a mention (Japanese and English)
# a predicate ends where the inflected word ends: before a non-kana character or a clause particle;
# a verb followed by こと/もの/の/よう is nominalised and says nothing of the mention's tense
_WORD_END = r"(?=[^ぁ-ん]|と|が|ので|ため|ところ|$)"
_PLAIN_END = r"(?=[^ぁ-ん一-鿿々]|と|が|ので|ため|ところ|$)"
_PAST_END = r"(?=[^ぁ-ん]|と|が|ので|ため|ところ|こと|もの|の|$)"
TENSE_JA = re.compile(
    # a particle of a noun phrase, a nominalised verb, a quotation's という and the copula です say nothing of the
    # tense of the event; an announcement (予定, 方針) is ahead; 以来 tells a past
    rf"(?P<skip>{alt(words('tense_markers', 'pattern', language='ja', tense='skip'))})"
    rf"|(?P<fut>{alt(words('tense_markers', 'pattern', language='ja', tense='future'))})"
    rf"|(?P<past2>{alt(words('tense_markers', 'pattern', language='ja', tense='since'))})"
    # (a past form made a noun still tells its event's past: 会談したことを評価, 臨まれたのは)
    r"|(?P<past>(?:[しれっいきけせめえねべみりびちじん]|でし|まし|だっ|であっ)[ただ]" + _PAST_END + r")"
    # (a plain form before a kanji noun modifies it, 救う会, 揺らぐ中: not the clause's predicate)
    r"|(?P<fut2>(?:する|される|させる|します|されます|[うくすつぬぶむるぐ])" + _PLAIN_END + r")"
)
# English: the modal or the past form nearest before the mention in its sentence (…will meet Biden on January 13;
# …met on Wednesday), else the first after it (On Friday, Obama will travel…)
# (a word in -ed is a past form unless it is one of the words that only end so: United, indeed, advanced)
TENSE_EN = re.compile(
    rf"\b(?:(?P<fip>{alt(words('tense_markers', 'pattern', language='en', tense='future_in_past'))})\b"
    rf"|(?P<fut>{alt(words('tense_markers', 'pattern', language='en', tense='future'))})"
    rf"|(?P<past>{alt(words('tense_markers', 'pattern', language='en', tense='past'))}"
    rf"|(?!(?:{alt(en_phrase(w) for w in words('tense_markers', 'pattern', language='en', tense='not_past'))})\b)"
    r"[A-Za-z]{3,}ed))\b"
)
# a participle after these is passive or negated (will be held, is expected, not applied): no tense of its own
EN_PASSIVE_BEFORE = re.compile(r"\b(?:be|been|being|is|are|not|never)\s+(?:\w+ly\s+)?$")
EN_FUTURE_IN_PAST_BEFORE = re.compile(r"\b(?:was|were|had\s+been)\s+(?:\w+ly\s+)?$")
# where an English sentence begins: a full stop that does not close an abbreviation (U.S., Feb., a.m., Mr.)
# (abbreviations of titles and months, rules/abbreviations.csv and rules/month_names.csv; a two-letter one is
# looked for after a word boundary)
EN_SENTENCE_BREAK = re.compile(
    r"(?<![A-Z])(?<!\b[a-z])"
    + "".join(rf"(?<!\b{w})" if len(w) == 2 else f"(?<!{w})" for w in (*words("abbreviations"),
                                                                      *EN_MONTH_ABBREVIATIONS))
    + r"[.!?][\"”’)]?\s+(?=[\"“(A-Z])|\n|。"
)
SENTENCE_END = re.compile(r"[。！？\n]|\.(?:\s|$)")
# words that put what a sentence tells on another day than the report's: a clock time near them is not on the
# publication date. FUT: ahead of the report (a time told in the past tense is not on such a day)
OTHER_DAY_CUE = re.compile(
    f"(?P<fut>{alt(words('other_day_cues', 'pattern', ahead='yes'))})|{alt(words('other_day_cues', 'pattern', ahead=''))}",
    re.I,
)
