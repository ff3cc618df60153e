"""Regular expressions of the temporal resolver.

The candidate pattern is written for the Rust ``regex`` engine that Polars uses (no look-around,
leftmost-first alternation), and is run over the raw ``documents.text`` so that offsets point into the
text as published. Full-width digits and kanji numerals are matched in place; the surface is NFKC-normalised
only afterwards, when it is parsed.
"""

from __future__ import annotations

import re

D = "[0-9０-９]"
KD = "[〇零一二三四五六七八九]"
KN = "[〇零一二三四五六七八九十百千]"
NUM = f"(?:{D}+|{KN}+)"
OPEN = "[(（]"
CLOSE = "[)）]"
SP = r"[ \t　]*"

ERA = "(?:明治|大正|昭和|平成|令和)"
REL_YEAR = "(?:ことし|今年|本年|昨年|去年|来年|再来年|一昨年|おととし|前年|翌年|同年)"
YEAR = (
    f"(?:{ERA}(?:元|{D}{{1,2}}|{KN}{{1,3}})(?:{OPEN}{D}{{4}}{CLOSE})?年"
    f"|{D}{{4}}年|{KD}{{4}}年|{REL_YEAR})"
)
MONTH = f"(?:{D}{{1,2}}|{KN}{{1,3}})月"
REL_MONTH = "(?:先月|今月|来月|同月|翌月|前月)"
DAY_ANY = f"(?:{D}{{1,2}}|{KN}{{1,3}})日"
# parts of today said without a clock (けさ, 今夜): the anchor's date
REL_DAY_PART = "(?:けさ|今朝|今夜|今晩|今宵)"
REL_DAY = f"(?:{REL_DAY_PART}|[明昨本前翌]{OPEN}{D}{{1,2}}{CLOSE}日|翌(?:{D}{{1,2}}|{KN}{{1,3}})日|一昨日|明後日|昨日|明日|本日|同日|翌日|前日)"
WEEKDAY_JA = f"(?:{SP}{OPEN}[日月火水木金土](?:曜日?)?(?:・祝)?{CLOSE})"

# words naming a clock's zone (日本時間, 現地時間, 米太平洋時間, 北京時間, ...): the zones are those of
# nichibei/data/timezones.csv (kind time_word), looked up without 米/米国 and without 標準/夏 (米東部夏時間 → 東部時間)
US_REGION = "(?:東部|中部|山岳部|山岳|西部|太平洋|ハワイ|アラスカ)"
TZ_WORDS = (
    "(?:日本時間|日本標準時|ワシントン時間|現地時間"
    f"|欧州中部(?:標準|夏)?時間|中欧時間|(?:米国|米)?{US_REGION}(?:標準|夏)?時間"
    "|英国時間|イギリス時間|ロンドン時間|グリニッジ標準時|北京時間|中国時間|韓国時間|ソウル時間|協定世界時)"
)
TZ_PREFIX = f"(?:{TZ_WORDS}(?:の|では|で)?{SP})"
AMPM = "(?:午前|午後|朝|夜|夕方|未明|深夜|正午|早朝)"
TIME_DIGIT = f"(?:{AMPM}{SP})?{D}{{1,2}}時(?:半|{D}{{1,2}}分)?(?:ごろ|頃)?"
TIME_KANJI = f"{AMPM}{SP}{KN}{{1,3}}時(?:半|{KN}{{1,3}}分)?(?:ごろ|頃)?"
TIME_COLON = f"{D}{{1,2}}[:：]{D}{{2}}(?:ごろ|頃)?"
TIME_NOON = "正午(?:ごろ|頃)?"
TIME = f"(?:{TIME_KANJI}|{TIME_DIGIT}|{TIME_COLON}|{TIME_NOON})"

# a part of a month (5月末, 7月上旬, 今月末): the month, at month precision
MONTH_PART = "(?:末|上旬|中旬|下旬|初旬|初め|はじめ|半ば)"
# the anchor's year or month said as a span (年内, 月内, 今年中)
REL_SPAN = "(?:年内|月内|今月中|今年中|年度内)"
DATE_CORE = (
    f"(?:{YEAR}(?:度|{MONTH}(?:{DAY_ANY}|{MONTH_PART})?)?"
    f"|{REL_MONTH}(?:{DAY_ANY}|{MONTH_PART})?"
    f"|{MONTH}(?:{DAY_ANY}|{MONTH_PART})?"
    f"|{REL_SPAN}"
    f"|{DAY_ANY}"
    f"|{REL_DAY})"
)
# a part of the day after a date (16日午後, 13日夜, 17日未明の午前4時): one mention with the date
DAY_PART = "(?:午前|午後|朝|昼|夕方|夕刻|夜|晩|未明|深夜|早朝|夜半)"
JA_DATETIME = (
    f"(?:{TZ_PREFIX}?{DATE_CORE}{WEEKDAY_JA}?(?:{SP}[、,の]?{SP}{TZ_PREFIX}?{TIME}|{DAY_PART}(?:の?{SP}{TIME})?)?"
    f"|{TZ_PREFIX}?{TIME})"
)

APPROX_JA = "(?:計約|計|約|およそ|おおよそ|過去|最大|最長|ほぼ|わずか|実に)"
DUR_UNIT_DIGIT = f"(?:時間(?:{D}{{1,2}}分間?|半)?|分間?|秒間?|年間|か月間?|カ月間?|ヵ月間?|ヶ月間?|ケ月間?|箇月間?|週間|日間)"
DUR_UNIT_KANJI = f"(?:時間(?:{KN}{{1,3}}分間?|半)?|分間|秒間|年間|か月間?|カ月間?|ヵ月間?|ヶ月間?|ケ月間?|箇月間?|週間|日間)"
JA_DURATION = (
    f"(?:{APPROX_JA}{SP})?(?:{D}+(?:[.．]{D}+)?{DUR_UNIT_DIGIT}|{KN}+{DUR_UNIT_KANJI})"
    "(?:ほど|程度|余り|あまり|超|以上|弱|強)?"
)
# a stay told as nights and days (1泊2日, 二泊三日): a duration of the days
JA_STAY = f"(?:{D}{{1,2}}|{KN}{{1,3}})泊(?:{D}{{1,2}}|{KN}{{1,3}})日"
YEAR4 = f"(?:{D}{{4}}|{KD}{{4}})年"
JA_YEAR_RANGE = f"{YEAR4}(?:度)?{SP}(?:[~〜～\\-－–—]|から){SP}(?:{D}{{4}}|{D}{{2}})年(?:度)?"
JA_WEEKDAY = "[日月火水木金土]曜日?"

ISO_DATE = f"{D}{{4}}[-/]{D}{{1,2}}[-/]{D}{{1,2}}(?:(?:T|[ \t]+){D}{{1,2}}:{D}{{2}})?"

EN_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept\.|Sep\.|Oct\.|Nov\.|Dec\."
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)"
)
EN_DATE = (
    rf"\b{EN_MONTH}[ \t]+[0-9]{{1,2}}(?:st|nd|rd|th)?\b(?:,?[ \t]+[0-9]{{4}}\b)?"
    rf"|\b[0-9]{{1,2}}[ \t]+{EN_MONTH}\b(?:,?[ \t]+[0-9]{{4}}\b)?"
    rf"|\b{EN_MONTH}\b,?[ \t]+[0-9]{{4}}\b"
)
EN_FY = r"\b(?:FY|[Ff]iscal [Yy]ear|[Ff]iscal)[ \t]*['’]?(?:[0-9]{4}|[0-9]{2})\b"
# a weekday with a part of the day (Thursday evening, late Wednesday): one mention, the day's date
EN_WEEKDAY = (
    r"\b(?:(?:[Ll]ate|[Ee]arly)[ \t]+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
    r"(?:[ \t]+(?:morning|afternoon|evening|night)\b)?"
)
EN_PREP_YEAR = (
    r"\b(?:in|by|since|until|till|through|from|before|after|during|between|and|to|of|early|late|mid|end of|the)"
    r"[ \t]+(?:1[89]|20)[0-9]{2}\b"
)
# zone abbreviations after a clock (US zones standard and daylight, Hawaii, Alaska, Korea, Britain, Central Europe)
ZONE_ABBR = "ET|EST|EDT|PT|PST|PDT|CT|CST|CDT|MT|MST|MDT|HST|AKST|AKDT|JST|KST|GMT|BST|CET|CEST|UTC"
# 10:50 a.m., 7:45 p.m. local time, 8:45 p.m. Japan time, 11:55 a.m. ET, 10:50 a.m. Thursday
EN_ZONE_WORD = (
    r"(?:"+ZONE_ABBR+r"|(?:[Ll]ocal|Japan|Tokyo|Washington|Beijing|Seoul|Korea|London|British|Hawaii|Alaska|Central[ \t]+European"
    r"|(?:Eastern|Pacific|Central|Mountain)(?:[ \t]+(?:[Ss]tandard|[Dd]aylight))?)[ \t]+[Tt]ime)"
)
EN_TIME = (
    r"\b[0-9]{1,2}(?::[0-9]{2})?[ \t]*(?:a\.m\.|p\.m\.|am\b|pm\b|AM\b|PM\b)"
    rf"(?:[ \t]*{EN_ZONE_WORD}\b)?"
    r"(?:,?[ \t]+(?:on[ \t]+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)?"
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
    r"[ \t]*[,(（][ \t]*(?P<z>(?-i:ET|EST|EDT|PT|PST|PDT|CT|CST|CDT|MT|MST|MDT|HST|AKST|AKDT|JST|KST|GMT|BST|CET|CEST|UTC)"
    r"|(?P<zw>local|Japan|Tokyo|Washington|Beijing|Seoul|Korea|London|British|Hawaii|Alaska|Central[ \t]+European"
    r"|(?:Eastern|Pacific|Central|Mountain)(?:[ \t]+(?:standard|daylight))?)[ \t]+time)\b",
    re.I,
)
EN_NUMBER_WORD = "(?:[Oo]ne|[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]ix|[Ss]even|[Ee]ight|[Nn]ine|[Tt]en|[Ee]leven|[Tt]welve)"
EN_DURATION_HEDGE = (
    "(?:[Aa]bout|[Aa]round|[Aa]pproximately|[Nn]early|[Aa]lmost|[Ss]ome|[Rr]oughly|[Jj]ust[ \t]+(?:over|under)"
    "|[Oo]ver|[Mm]ore[ \t]+than|[Aa]t[ \t]+least|[Ll]ess[ \t]+than|[Uu]nder)"
)
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
# today, yesterday, the day before, the next day; last April, next year, this month
EN_REL_DAY = (
    r"\b(?:[Tt]he[ \t]+day[ \t]+before[ \t]+yesterday|[Tt]he[ \t]+day[ \t]+after[ \t]+tomorrow"
    r"|[Tt]oday|[Yy]esterday|[Tt]omorrow"
    r"|[Tt]he[ \t]+(?:day[ \t]+before|previous[ \t]+day|next[ \t]+day|following[ \t]+day))\b"
)
EN_FULL_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
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

# The pieces above use Python's \b; for Polars the word boundary is made ASCII-only, because a Unicode \b
# keeps the Rust engine off its DFA on non-ASCII text (about 150 times slower on Japanese).
CANDIDATE_PATTERN = "|".join(
    [
        ISO_DATE,
        EN_DATE,
        EN_FY,
        EN_WEEKDAY,
        EN_TIME,
        EN_TIME_24,
        EN_DURATION,
        EN_REL_DAY,
        EN_REL_MONTH,
        EN_PREP_MONTH,
        EN_PREP_YEAR,
        JA_STAY,
        JA_DURATION,
        JA_YEAR_RANGE,
        JA_DATETIME,
        JA_WEEKDAY,
    ]
).replace(r"\b", r"(?-u:\b)")

# ---- Python-side patterns, applied to the NFKC form of one surface ---------------------------------
_N = "(?:[0-9]+|[〇零一二三四五六七八九十百千]+)"
NFKC_ERA = re.compile(rf"(明治|大正|昭和|平成|令和)(元|{_N})(?:\(([0-9]{{4}})\))?年")
NFKC_YEAR4 = re.compile(r"(?<![0-9])([0-9]{4}|[〇零一二三四五六七八九]{4})年")
NFKC_REL_YEAR = re.compile(r"(ことし|今年|本年|昨年|去年|来年|再来年|一昨年|おととし|前年|翌年|同年)")
NFKC_MONTH = re.compile(rf"(?<![0-9])({_N})月")
NFKC_REL_MONTH = re.compile(r"(先月|今月|来月|同月|翌月|前月)")
NFKC_DAY = re.compile(rf"(?<![0-9])({_N})日")
NFKC_REL_DAY = re.compile(r"(?:([明昨本前翌])\(([0-9]{1,2})\)日|(一昨日|明後日|昨日|明日|本日|同日|翌日|前日))")
NFKC_WEEKDAY = re.compile(r"([日月火水木金土])(?:曜日?|(?:・祝)?\))")
NFKC_TIME = re.compile(
    rf"(午前|午後|朝|夜|夕方|未明|深夜|早朝)?\s*({_N})時(半|({_N})分)?|(?<![0-9])([0-9]{{1,2}}):([0-9]{{2}})|(正午)"
)
NFKC_TZ = re.compile(r"(日本時間|日本標準時|米東部時間|東部時間|ワシントン時間|米西部時間|ハワイ時間|現地時間)")

# tense of the clause that follows a mention (Japanese and English)
# a predicate ends where the inflected word ends: before a non-kana character or a clause particle;
# a verb followed by こと/もの/の/よう is nominalised and says nothing of the mention's tense
_WORD_END = r"(?=[^ぁ-ん]|と|が|ので|ため|ところ|$)"
TENSE_JA = re.compile(
    r"(?P<skip>における|に対する|に関する|による|とする|に基づく|にわたる|に向ける|に係る|をめぐる|に至る|とともに|について"
    r"|てい(?:る|ます)|[うくすつぬぶむるぐ](?:こと|もの|よう|べき|わけ|の)"
    # a quotation's という and the copula です say nothing of the tense of the event
    r"|という|といった|です(?!か)|でしょう)"
    r"|(?P<fut>予定|見通し|見込み|意向|つもり|ことにな[っる]|方向|方針)"
    r"|(?P<past2>て以来|で以来|以来)"
    r"|(?P<past>(?:[しれっいきけせめえねべみりびちじん]|でし|まし|だっ|であっ)[ただ]" + _WORD_END + r")"
    r"|(?P<fut2>(?:する|される|させる|します|されます|[うくすつぬぶむるぐ])" + _WORD_END + r")"
)
# English: the modal or the past form nearest before the mention in its sentence (…will meet Biden on January 13;
# …met on Wednesday), else the first after it (On Friday, Obama will travel…)
TENSE_EN = re.compile(
    r"\b(?:(?P<fip>(?:was|were)\s+(?:\w+ly\s+)?(?:to|due|scheduled|expected|slated|set\s+to|going\s+to|supposed\s+to))\b"
    r"|(?P<fut>will|shall|won['’]t|(?:plans?|planning|intends?|aims?|expects?|going|set|is|are)\s+to"
    r"|due|slated|scheduled|expected|to\s+be\s+held|upcoming|next)"
    r"|(?P<past>met|held|said|took|was|were|had|made|gave|began|spoke|told|did|came|went|signed|agreed|sent|left"
    r"|(?!(?:[Uu]nited|[Hh]undred|[Ii]ndeed|[Nn]eed|[Pp]roceed|[Ee]xceed|[Ss]ucceed|[Ss]peed|[Ff]eed|[Ss]eed|[Bb]reed"
    r"|[Ee]mbed|[Aa]dvanced|[Ss]ophisticated|[Uu]nprecedented|[Ss]o-called|[Aa]nticipated)\b)[A-Za-z]{3,}ed))\b"
)
# a participle after these is passive or negated (will be held, is expected, not applied): no tense of its own
EN_PASSIVE_BEFORE = re.compile(r"\b(?:be|been|being|is|are|not|never)\s+(?:\w+ly\s+)?$")
EN_FUTURE_IN_PAST_BEFORE = re.compile(r"\b(?:was|were|had\s+been)\s+(?:\w+ly\s+)?$")
# where an English sentence begins: a full stop that does not close an abbreviation (U.S., Feb., a.m., Mr.)
EN_SENTENCE_BREAK = re.compile(
    r"(?<![A-Z])(?<!\b[a-z])(?<!\bMr)(?<!\bMs)(?<!Mrs)(?<!\bDr)(?<!\bSt)(?<!Gen)(?<!Sen)(?<!Rep)(?<!Gov)(?<!\bNo)"
    r"(?<!Jan)(?<!Feb)(?<!Mar)(?<!Apr)(?<!Jun)(?<!Jul)(?<!Aug)(?<!Sep)(?<!Sept)(?<!Oct)(?<!Nov)(?<!Dec)"
    r"[.!?][\"”’)]?\s+(?=[\"“(A-Z])|\n|。"
)
SENTENCE_END = re.compile(r"[。！？\n]|\.(?:\s|$)")
# words that put what a sentence tells on another day than the report's: a clock time near them is not on the
# publication date. FUT: ahead of the report (a time told in the past tense is not on such a day)
OTHER_DAY_CUE = re.compile(
    r"(?P<fut>明後日|明日|あす|あした|来週|来月|来年"
    r"|\b(?:the[ \t]+day[ \t]+after[ \t]+)?tomorrow\b|\bnext[ \t]+(?:week|weekend|month|year)\b)"
    r"|一昨日|おととい|昨日|きのう|昨夜|昨晩|前夜|前晩|前日(?!本)|翌日|翌朝|翌晩|先週|前週|翌週|先月|前月|翌月|先日|先ごろ|先頃"
    r"|昨年|去年|前年(?![比同])|[0-9０-９一二三四五六七八九十数]+日前"
    r"|\b(?:yesterday|the[ \t]+day[ \t]+(?:before|after)|the[ \t]+(?:previous|next|following|prior)[ \t]+"
    r"(?:day|night|evening|morning|week|month)|the[ \t]+night[ \t]+before"
    r"|last[ \t]+(?:night|evening|week|weekend|month|year)|earlier[ \t]+(?:this|that|in[ \t]+the)[ \t]+week"
    r"|(?:[0-9]+|two|three|four|five|six|several|a[ \t]+few)[ \t]+days[ \t]+(?:ago|earlier|before))\b",
    re.I,
)
