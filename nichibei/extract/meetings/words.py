"""Meetings: the language the meeting rules match (compiled against NFKC-folded text).
"""

from __future__ import annotations

import re

from nichibei.rules import load_rules

_RULES = "nichibei.extract.meetings"
_TEMPORAL_RULES = "nichibei.extract.temporal"


def _rows(kind: str, *columns: str) -> tuple[dict[str, str], ...]:
    return load_rules(_RULES, kind, ("pattern", *columns))


def _alternation(kind: str, **columns: str) -> str:
    """The `pattern` entries of `rules/<kind>.csv` with these column values, as one alternation in file order."""
    return "|".join(r["pattern"] for r in _rows(kind, *columns) if all(r[c] == v for c, v in columns.items()))


def _flagged_alternation(kind: str, **columns: str) -> str:
    """As `_alternation`, each entry under its own flags (`i`: either case), for one pattern compiled without any."""
    return "|".join(f"(?{'i' if 'i' in r['flags'] else ''}:{r['pattern']})" for r in _rows(kind, "flags", *columns)
                    if all(r[c] == v for c, v in columns.items()))


def _words(kind: str, column: str = "word", **columns: str) -> tuple[str, ...]:
    """One column of `rules/<kind>.csv`, for the entries with these column values."""
    return tuple(r[column] for r in _rows_of(kind, column, *columns) if all(r[c] == v for c, v in columns.items()))


def _rows_of(kind: str, *columns: str) -> tuple[dict[str, str], ...]:
    return load_rules(_RULES, kind, columns)


def _zone_words(**columns: str) -> str:
    """Words that name a clock's zone, shared with the temporal rules (its `rules/zone_words.csv`)."""
    return "|".join(r["pattern"] for r in load_rules(_TEMPORAL_RULES, "zone_words", ("pattern", "local"))
                    if all(r[c] == v for c, v in columns.items()))


# 日米, 日米韓; 日米韓の三か国の (防衛相会談): the countries of the meeting before its word
_PAIR = r"(?:(?P<pfx>[日米中韓露英仏独豪印比加朝台越]{2,4})(?:の[三3][かカヵケヶ]国の)?)?"
_JA_GROUPS = ("phone", "video", "tri", "twoplus", "courtesy", "meal", "generic")
_JA_MEETING = re.compile(
    # the first characters any match can start with, checked first: the engine skips other positions at once (a
    # word added to rules/meeting_words.csv must start with one of them)
    r"(?=[日米中韓露英仏独豪印比加朝台越首外防国電テビオ三3安2ツ表会夕昼晩朝ワ立懇])"
    + _PAIR
    + "(?P<lvl>" + _alternation("meeting_words", language="ja", group="lvl") + ")?"
    + "(?:" + "|".join(f"(?P<{g}>" + _alternation("meeting_words", language="ja", group=g) + ")" for g in _JA_GROUPS)
    + ")"
)
_EN_GROUPS = ("phone", "video", "tri", "twoplus", "fm", "dm", "courtesy", "meal", "joint", "summit", "generic", "topic")
_EN_MEETING = re.compile(
    "|".join(f"(?P<{g}>" + _alternation("meeting_words", language="en", group=g) + ")" for g in _EN_GROUPS),
    re.IGNORECASE,
)


# a meeting word after one of these (within its clause) is a passing reference, not a report
_HEDGE_BEFORE = re.compile("(?:" + _alternation("hedges", position="before") + ")[^。、,]*$", re.IGNORECASE)
# ... or right before it (五月の２プラス２: a meeting dated by its month alone is one referred to, not reported)
_HEDGE_JUST_BEFORE = re.compile("(?:" + _alternation("hedges", position="just_before") + ")$", re.IGNORECASE)


# the same hedge as a time reference (先に行われた…, earlier this year, an earlier meeting), not the adverb that orders
# the day's events in wire copy ("Kishida earlier held talks with Biden", 首相は先に…と会談した)
_HEDGE_TIME_BEFORE = re.compile("(?:" + _alternation("hedges", position="time_before") + ")[^。、,]*$", re.IGNORECASE)
_MONTHS_EN = "|".join(r["word"] for r in load_rules(_TEMPORAL_RULES, "month_names", ("word", "form"))
                      if r["language"] == "en" and r["form"] == "full")


# "met Obama at the White House last April": a time word after the meeting word that puts it in the past or future
_HEDGE_AFTER_EN = re.compile(r"^[^.;]{0,60}?\b(?:" + _alternation("hedges", position="after_en") + r")\b", re.IGNORECASE)


# a bare meeting noun as the topic of its clause (会談は, 会合では, 会談後): the meeting already introduced
_TOPIC_BEFORE_JA = re.compile(r"(?:^|[。、,\n「『(]|" + _alternation("topic_markers", position="before") + r")\s*$")
_TOPIC_AFTER_JA = re.compile("^(?:" + _alternation("topic_markers", position="after") + ")")
_TOPIC_WORD_JA = re.compile(_alternation("topic_markers", position="noun"))


# 両首脳, 四閣僚, the two leaders: the participants of a meeting already named
_COLLECTIVE = re.compile("|".join(f"(?P<{g}>" + _alternation("collectives", group=g) + ")"
                                 for g in ("trilateral", "leaders", "foreign", "defense", "twoplus")), re.IGNORECASE)


# another round of the same talks: a meeting of its own, held where the first one was unless the text says otherwise
_ANOTHER = re.compile(_alternation("references", refers_to="another_meeting"), re.IGNORECASE)


# the same talks going on (another round, the second day): only these take the first meeting's place, and only on
# the same or the next day; "again", 再び alone (they will meet again in November) inherit nothing
_SAME_TALKS = re.compile(_alternation("references", refers_to="same_talks"), re.IGNORECASE)


# a meeting being arranged or considered, not held or fixed
_ARRANGING = re.compile("^[^。]{0,20}?(?:" + _alternation("plans", language="ja", state="arranging")
                        + r")|^[^.]{0,30}?\b(?:" + _alternation("plans", language="en", state="arranging")
                        + r")\b", re.IGNORECASE)


# the titles of the two sides in a sentence, when the people are not resolved
_TITLE_WORDS = {(r["country"], r["office"]): re.compile(_flagged_alternation("titles", country=r["country"], office=r["office"]))
                for r in _rows("titles", "country", "office")}


# a title standing before a name the resolver left without a role: U.S. President-elect Donald Trump, former
# President Obama, 次期大統領の (the post named, not held that day)
_TITLE_BEFORE = re.compile("(?:" + _alternation("titles_not_held") + r")\s*,?\s*$", re.IGNORECASE)


# a meeting that did not take place or will not (見送られた, 見送られる見通し, 見送りへ, 見送る方向, 中止となる, 取りやめ,
# 実現しなかった, 受け入れられなかった, was refused, was canceled, called off, will not attend): no meeting at all
_NEGATED = re.compile(
    r"^[^。.]{0,24}?(?:" + _alternation("cancellations", language="ja") + ")|"
    + "|".join(rf"^[^.;]{{0,{r['window']}}}?\b{r['pattern']}\b" for r in _rows("cancellations", "window")
               if r["language"] == "en"),
    re.IGNORECASE)
_HEDGE_AFTER = re.compile("^[^。]{0,12}?(?:" + _alternation("hedges", position="after") + ")")
_START_MARKER = re.compile(r"^(?:\s*[((][^))]{0,40}[))])?\s*(?:ごろ|頃)?\s*(?:"
                           + _alternation("start_markers", language="ja", position="after_time")
                           + r")|^\s*(?:\([^)]{0,40}\))?\s*(?:"
                           + _alternation("start_markers", language="en", position="after_time") + ")", re.IGNORECASE)
_START_BEFORE_EN = re.compile("(?:" + _alternation("start_markers", position="before_time") + r")\s+(?:at\s+)?$",
                              re.IGNORECASE)
_ATTEND_END = re.compile(r"(?:他|ら|等)?(?:が)?(?:" + _alternation("attendee_markers", marker="after_names")
                         + r")(?!者?\s*[:：])")


# …大使も加わった, …も出席した after the principals: one more person joining (the clause before it)
_ATTEND_JOIN = re.compile("も(?:" + _alternation("attendee_markers", marker="joining") + ")")
_ATTEND_LABEL = re.compile("(?:" + _alternation("attendee_markers", marker="label") + r")\s*[:：]")
_ATTEND_EN = re.compile(r"\b(?:" + _alternation("attendee_markers", marker="before_names") + r")\b", re.IGNORECASE)
# the guests a speaker greets (Mr. Prime Minister, Mrs. Kishida, welcome) and the one a speaker names with himself
# (Jill and I): present at the meeting
_ATTEND_NAMED_EN = re.compile(_flagged_alternation("attendee_markers", marker="greeting") + "|" +
                              _flagged_alternation("attendee_markers", marker="with_speaker").replace("?P<names>", "?P<names2>"))


# a place with a locative (で, において, にて), as the goal or object of a visit; の only before a venue of the place
# (ワシントンのホワイトハウスで): ワシントンの外交筋, 外務省の発表, 東京電力 (a noun straight after) name no place
_JA_LOCATIVE = re.compile(r"^\s*(?:" + _alternation("locatives", use="after_place") + ")")  # 東京・元赤坂の迎賓館で


# カナナスキスのサミット会場で, 東京の迎賓館で: の before a venue noun and its locative
_JA_OF_VENUE = re.compile(r"^\s*の[^、。の]{0,12}?(?:" + _alternation("locatives", use="venue_noun")
                          + ")(?:で|において|にて|での)")


# 首脳会談を行いました, 会談した: a meeting reported as held, in the past (a page's date line then dates it)
_JA_HELD = re.compile(r"(?:会談|会議|協議|会合|懇談|立ち話)(?:を)?(?:行|実施|開催|し|が行われ|が開催され)[^、。]{0,6}?(?:ました|た)。")


# サンフランシスコ近郊で, ワシントンの郊外で, near San Francisco: near the city, not in it (its country and zone)
_JA_NEAR = re.compile(r"^\s*の?(?:" + _alternation("locatives", language="ja", use="near_place")
                      + r")(?:の[^、。の]{0,12}?)?(?:" + _alternation("locatives", use="after_place") + ")")
_EN_NEAR_BEFORE = re.compile(r"\b(?i:" + _alternation("locatives", language="en", use="near_place") + r")\s+$")


# 韓国大統領官邸, 英首相官邸: a venue word qualified by another country or a president is not Japan's
_FOREIGN_QUALIFIER = re.compile("(?:" + _alternation("locatives", use="foreign_qualifier") + r")\s*$")
_EN_LOCATIVE_BEFORE = re.compile(r"\b(?i:" + _alternation("locatives", use="before_place") + r")\s+(?:(?i:the)\s+)?"
                                 r"(?:[A-Z][\w.]*(?:['’]s)?\s+)?$")
_VISIT_JA = re.compile("(?P<c>" + _alternation("visits", language="ja", part="country") + ")(?:"
                       + _alternation("visits", language="ja", part="verb") + ")|(?P<jp>"
                       + _alternation("visits", language="ja", part="arrival", country="JP") + ")|(?P<us>"
                       + _alternation("visits", language="ja", part="arrival", country="US") + ")")
_VISIT_EN = re.compile(r"\b(?:" + _alternation("visits", language="en", part="verb") + r")\s+(?P<c>"
                       + _alternation("visits", language="en", part="country") + ")", re.IGNORECASE)
# the country a visit goes to, by the place word matched (日本 → JP, the White House → US)
_VISIT_COUNTRY = tuple((re.compile(r["pattern"], re.IGNORECASE), r["country"])
                       for r in _rows("visits", "part", "country") if r["part"] == "country")


def _visit_host(m: re.Match[str]) -> str:
    """The country a visit matched by `_VISIT_JA` or `_VISIT_EN` goes to: 訪日/来日 Japan, 訪米/渡米 the United
    States, else by the place word (日本 → JP, the White House → US)."""
    g = m.groupdict()
    if g.get("jp"):
        return "JP"
    if g.get("us"):
        return "US"
    return next(country for rx, country in _VISIT_COUNTRY if rx.fullmatch(g["c"]))
_US_JAPAN = re.compile(_alternation("us_japan"), re.IGNORECASE)
_SENTENCE_END_JA = "。!?！？"


# a news dateline at the start of a paragraph: 【ワシントン=共同】, 【ワシントン時事】, WASHINGTON -,
# PALM BEACH, Florida, April 17 (Kyodo) --
_DATELINE_JA = re.compile(r"^\s*【(?P<city>[^=】\s]{1,12}?)(?:=[^】]*|" + _alternation("datelines", part="agency") + ")?】")
# a reporter's byline on a line of its own, folded ((ワシントン=山田太郎), (ワシントン 山田太郎)): where the report is filed
_BYLINE_JA = re.compile(_alternation("datelines", part="byline"), re.MULTILINE)
# the place line under a transcript's title (Sokha Hotel / Phnom Penh, Cambodia; Aboard Air Force One En Route
# Lima, Peru): where the remarks are given, or where the travellers are going
_PLACE_LINE = re.compile(_alternation("datelines", part="place_line"), re.IGNORECASE)
_DATELINE_EN = re.compile(r"^\s*(?P<city>[A-Z][A-Z.'\-]*(?: [A-Z][A-Z.'\-]*)*)(?:, [A-Za-z][A-Za-z.]*(?: [A-Za-z0-9.]+)*)*"
                          r"(?: \([^)]{1,30}\))?(?: ?(?:--|—|–) ?| - )")


# (not after a title: Mr. KISHIDA Fumio, Dr. Smith)
# (after an abbreviation in capitals, D.C. or U.S., a sentence ends only before a word that opens one: "Washington,
# D.C. In each country", never "U.S. President Biden"; rules/sentence_openers.csv)
_EN_BOUNDARY = re.compile(r"(?<=[a-z0-9\)”\"’][.!?])(?<!\bMr\.)(?<!\bMs\.)(?<!\bDr\.)(?<!\bMrs\.)(?<!\bSt\.)\s+(?=[A-Z“\"])"
                          r"|(?<=\b[A-Z]\.[A-Z]\.)\s+(?=(?:" + "|".join(_words("sentence_openers")) + r")\s)")
_NON_BILATERAL_SUMMIT_EN = re.compile("(?:" + _alternation("groupings", use="before_summit_en")
                                      + r")\S*\s*(?:Leaders'?\s*)?$", re.IGNORECASE)


# a summit named as an event: "the Elmau summit", "the Ise-Shima Summit", "the Nuclear Security Summit": capitalised
# words between an article and "summit" that are neither Japan nor the US, nor the two leaders (the Kishida-Biden summit)
_NAMED_SUMMIT_EN = re.compile(r"\b(?i:the|a|an|this|last|next)\s+(?P<name>(?:(?:[A-Z0-9][\w.’'&]*)(?:-[A-Z][\w.’']*)*\s+){1,3})"
                              r"(?:Leaders['’]?\s+)?$")
_BILATERAL_NAME_EN = frozenset(w.upper() for w in _words("bilateral_names"))


# "with other G7 leaders", "joined other world leaders": the summit of a grouping, not a US–Japan one
_OTHER_LEADERS = _alternation("groupings", use="other_leaders")
_OTHER_LEADERS_AFTER_EN = re.compile(r"^[^.;]{0,100}?\b(?:" + _alternation("groupings", use="other_leaders_joiner")
                                     + r")\s+(?:the\s+)?(?:" + _OTHER_LEADERS + ")", re.IGNORECASE)
# "the Quad leaders agreed …": the leaders of a grouping as the subject before a summit word
_GROUPING_LEADERS_EN = re.compile(r"\b(?:" + _alternation("groupings", use="before_summit_en") + r")\s+leaders\b(?![’']s? (?:meeting|summit))[^.;]*$",
                                  re.IGNORECASE)
_OTHER_LEADERS_BEFORE_EN = re.compile("(?:" + _OTHER_LEADERS + r")[^.;]*$", re.IGNORECASE)


# G7首脳会合, 主要国首脳会議, ASEAN関連首脳会議, APEC首脳会議: the leaders' meeting of a grouping
_GROUPING_JA = re.compile("(?:" + _alternation("groupings", use="before_leaders_ja") + r")[^、。,\s]{0,6}$",
                          re.IGNORECASE)


# a sentence that is a date alone (そして今月13日。, 11月13日夜。): a fragment that dates the sentence after it
_BARE_DATE_SENTENCE = re.compile(
    r"^(?:そして|さらに|そうして|明けて|迎えた)?[、,]?\s*(?:(?:\d{4}年|[昨今来去前同]年|同)?(?:\d{1,2}|[一二三四五六七八九十]{1,3})月|今月|先月|同月)?"
    r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})日(?:\s*[(（][^)）]{1,3}[)）])?(?:の)?(?:早朝|朝|昼|午前|午後|夕方|夜|深夜|未明)?\s*[。.]$")
_LEVEL_WORD = {r["word"]: r["level"] for r in _rows_of("levels", "word", "level")}
_LEVEL_TYPE = {"leaders": "summit", "foreign": "foreign_ministers", "defense": "defense_ministers",
               "2plus2": "2plus2"}


# the office of the leader who meets for a country at a summit
_THIRD_LEADER = {r["country"]: r["office"] for r in _rows_of("summit_offices", "country", "office")}
_THIRD = {r["word"]: r["country"] for r in _rows_of("country_names", "word", "use", "country")
          if r["use"] == "pair_abbreviation"}


# a video or telephone word that says how a meeting named before it in the sentence was held
_FORMAT_NOUN = _alternation("formats", position="noun")
_FORMAT_AFTER = re.compile(f"^(?:{_FORMAT_NOUN})?(?:" + _alternation("formats", position="after") + ")")
# テレビ会議形式で日米「2+2」: a format, then the meeting it is the format of
_FORMAT_BEFORE_JA = re.compile(f"^(?:{_FORMAT_NOUN})?(?:" + _alternation("formats", position="after") + r")(?:日米)?[「『\"]?$")
_FORMAT_LINK = re.compile(f"^(?:{_FORMAT_NOUN})?(?:" + _alternation("formats", position="link") + ")$")
_FORMAT_BEFORE = re.compile(r"\b(?:" + _alternation("formats", position="before") + r")(?: an?| the)?\s*$", re.IGNORECASE)
_LATIN_RUN = re.compile(r"[A-Za-z0-9][^\u3000-\u30ff\u4e00-\u9fff]*")


# a sentence that only completes the meeting before it: its clock and length, or who attended
_CONTINUATION = re.compile(_alternation("references", refers_to="continuation"))


# a grouping of countries or a multilateral meeting named in the sentence: a visit does not make it US–Japan
_GROUPING_WORDS = re.compile(_alternation("groupings", use="in_sentence"), re.IGNORECASE)


# English names of the countries in a hyphenated grouping before "Summit" (Japan-U.S.-ROK, U.S.-Japan-Philippines)
_EN_COUNTRY = {r["word"].upper(): r["country"] for r in _rows_of("country_names", "word", "use", "country")
               if r["use"] == "name"}
_EN_COUNTRY_NAMES = "|".join(re.escape(r["word"]) for r in _rows_of("country_names", "word", "use") if r["use"] == "name")
_EN_GROUPING = re.compile(f"(?:(?:{_EN_COUNTRY_NAMES})-){{2,}}(?:{_EN_COUNTRY_NAMES})" + r"\s*(?:Leaders'?\s*)?$")
# a country of a grouping as the texts write it: the Republic of Korea (ROK), U.S.; the longest name first
_EN_NAME = r"(?:the\s+)?(?:" + "|".join(sorted(
    (re.escape(r["word"]) for r in _rows_of("country_names", "word", "use") if r["use"] == "name"),
    key=len, reverse=True)) + r")(?!\w)(?:\s*\([A-Z]{2,5}\))?"
_EN_COUNTRY_NAME = re.compile(_EN_NAME.replace("(?:the\\s+)?(?:", "(?:the\\s+)?(?P<name>", 1), re.IGNORECASE)
_OF_COUNTRY = re.compile(rf"\bof {_EN_NAME}", re.IGNORECASE)
_EN_DASHED = rf"{_EN_NAME}(?:\s*[-–—]\s*{_EN_NAME})+"
_EN_LISTED = rf"{_EN_NAME}(?:,\s*{_EN_NAME})*,?\s+and\s+{_EN_NAME}"
# the countries of a meeting named before its word (the U.S. – Japan – ROK Trilateral Summit, U.S.-ROK-Japan
# Trilateral Meeting) or after it (the Summit of the US – Japan – Republic of Korea Trilateral Partnership, the
# first-ever leaders' summit between the United States, Japan, and the Philippines)
_EN_GROUP_BEFORE = re.compile(rf"(?P<group>{_EN_DASHED})(?:\s+(?:{_alternation('groupings', use='between_en')}))*\s*$",
                              re.IGNORECASE)
_EN_GROUP_AFTER = re.compile(rf"^\s+(?:of|between|among|with)\s+(?P<group>{_EN_DASHED}|{_EN_LISTED})", re.IGNORECASE)
_ORDINAL = re.compile(r"(?:第)?(?P<n>[0-9]+|[一二三四五六七八九十]+)(?:度目|回目)(?:の)?(?:首脳)?$")
_JA_CHARS = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
_CLAUSE_BREAK = "、，,"


# a clause that ends in a verb's continuative form (来日し、, 会談して、, 訪れ、) goes on into the next one and shares its
# time; one that ends in a noun or a particle (予定で、, 会談は、) does not
_CONTINUATIVE = re.compile(r"(?:[しりきぎみびちいえけせてねめれ]|して|って|んで)$")
# サミットを前に、 国連総会の合間に: a clause of circumstance between the day and the meeting (rules/circumstances.csv)
_CIRCUMSTANCE = re.compile(r"(?:" + _alternation("circumstances", language="ja") + r")\s*$")


# a sentence giving the length of the talks without naming them again: "The leaders' first session ran for about
# 90 minutes", "the talks lasted", 会談は約90分, 最初の会談は
_TALKS_RAN = re.compile(_alternation("references", refers_to="talks_ran"), re.IGNORECASE)
_VISIT_HEDGE_BEFORE = re.compile("(?:" + _alternation("hedges", position="visit_before") + r")(?:の|に)?\s*$")
_VISIT_HEDGE_AFTER = re.compile(r"^\s*(?:を|の|に|も)?(?:" + _alternation("hedges", position="visit_after") + ")")


# the title of a page that records a meeting on its day (Remarks by … Before Bilateral Meeting, Readout of …'s Call with)
_SAME_DAY_TITLE = re.compile(_flagged_alternation("same_day_titles"))


# the day of the meeting the document reports, said again
_SAME_DAY = re.compile(_alternation("references", refers_to="same_day"), re.IGNORECASE)
# remarks of one speaker (Remarks by President Biden on …): the speaker's "I" is the person the title names
_REMARKS_TITLE = re.compile(_flagged_alternation("speaker_words", use="remarks_title"))
_FIRST_PERSON = re.compile(_flagged_alternation("speaker_words", use="first_person"))
_SUBJECT_PRONOUN = re.compile(_flagged_alternation("speaker_words", use="subject_pronoun"))


# the meeting a speech is about, pointed at (今回の首脳会談, this summit)
_THIS_MEETING = re.compile(_alternation("references", refers_to="this_meeting"), re.IGNORECASE)


# a meeting that has just ended as the text is spoken or written: held on the day of the record
_JUST_HELD = re.compile(_alternation("references", refers_to="just_held"), re.IGNORECASE)


# a plan that was given up: its place is not the meeting's
_ABANDONED = re.compile(_alternation("plans", state="abandoned"), re.IGNORECASE)
_ZONE_WORD = re.compile(_zone_words(), re.IGNORECASE)
_LOCAL_TIME = re.compile(_zone_words(local="yes"), re.IGNORECASE)


# a time that states its own day (現地時間16日午後1時40分, 9月14日午後1時30分, April 16 at 1:40 p.m.)
_OWN_DAY = re.compile(rf"\d{{1,2}}日(?!本)|(?:{_MONTHS_EN})\.? \d{{1,2}}\b|\b\d{{1,2}} (?:{_MONTHS_EN})", re.IGNORECASE)


# the same instant restated in another zone, in brackets after the time: （日本時間17日午前2時40分）, (8:45 p.m. Japan time)
_CONVERSION_OPEN = re.compile(r"[(（]\s*$")


# a date that modifies the sentence's main predicate: followed by a clause break (13日、/ 13日には、/ 水曜日、)
_JA_MAIN_DATE_AFTER = re.compile(r"^(?:に|には|は)?[、，,]")


# an English date governed by another verb (the treaty signed on January 19, 1960; the strategy adopted on ...)
_EN_OTHER_DATE_BEFORE = re.compile(r"\b(?:" + "|".join(_words("other_date_words")) + r")\s+(?:on\s+)?$", re.IGNORECASE)


# a date that names its month (去年3月16日, April 16): not a day read off the publication date alone
_MONTH_NAMED = re.compile(rf"\d{{1,2}}月|[一二三四五六七八九十]+月|{_MONTHS_EN}", re.IGNORECASE)


# a date followed by a place and a locative: 2011年9月21日にニューヨークで, 同年11月12日にはハワイ・ホノルルで
_DAY_THEN_PLACE = re.compile(r"^\s*(?:に|には|にも)?\s*[^、,。]{0,12}?(?:で|において|にて)")


# leaders of this many countries meeting at once: a multilateral meeting, not a US–Japan one, unless the sentence
# says it is bilateral
_MULTILATERAL_COUNTRIES = 4
_BILATERAL_WORD = re.compile(r"\bbilateral|二国間|個別", re.IGNORECASE)


# the hours of Japan time a part of the day covers (未明: 0 to 6), for a day stated in Japan time at a place abroad
_DAY_PART_HOURS = tuple((r["word"], int(r["from_hour"]), int(r["to_hour"]))
                        for r in _rows_of("day_part_hours", "word", "from_hour", "to_hour"))
# the words that state a time in Japan time
_JAPAN_TIME = re.compile(_flagged_alternation("japan_time"))
