"""US–Japan meetings: which meetings a document reports, when, where, how long and who took part.

``find_meetings`` reads one row per document (its text, title span and publication date) together with the
temporal mentions and the entity mentions of the same documents, and returns the `meetings`,
`meeting_participants` and `meeting_sources` tables.

The rules are about the language, never about particular documents:

* **Meeting words.** 首脳会談, 電話会談, テレビ会議/オンライン会談, 日米安全保障協議委員会/「2+2」, 外相会談,
  防衛相会談, 表敬, 三か国首脳会談/日米比首脳会談 and their English counterparts (summit, phone call, video
  conference, Security Consultative Committee, courtesy call, trilateral summit) name a meeting and its type. A
  bare 会談/会合/"meeting"/"talks"/"met"/"will meet" takes its type from the people named in the same sentence
  (the Prime Minister and the President: a summit; the foreign ministers: a foreign ministers' meeting ...), never
  from those in a 同席 clause; else from 両首脳/"the two leaders"; else from the titles of both sides (首相 and
  大統領). A prefix of country abbreviations that does not pair Japan with the United States (日中首脳会談), or that
  names a grouping of four (日米豪印), is not a US–Japan meeting; a headline about a meeting of another pair makes
  the US–Japan meetings it mentions passing references.
* **Back-references.** A bare meeting noun as the topic of its clause after the meeting is introduced (会談は,
  会合では, 会談後, "The talks began ...") is that meeting: its sentence gives start, duration and attendees.
* **The primary meeting** is the one the document is about: the first US–Japan meeting word in the title or in the
  lead (first sentences of the body) that is not a passing reference (昨年の, 前回の, 次回, 予定, "last April" ...).
  It always has a row, with what the text does not give left null (type ``other`` when nothing types it). When it
  has no date, the first later report of a meeting of the same type and principals that carries one is the same
  meeting and gives its date, start, duration and place.
* **Other meetings** a document announces or reports in passing have a row only when the sentence that names them
  gives their date to the day (来月十日, 翌28日: a hedge word does not stop them); an undated reference yields
  nothing. The date must belong to the meeting word's clause, or to a clause chained to it by a continuative verb
  (17日に来日し、…と会談して); a meeting being arranged (調整, 検討, "being arranged") with no date of its own yields
  nothing. Another mention of the primary meeting's type without a date of its own, or with only a day read off the
  publication date, is the primary meeting again; "another round of talks" is a meeting of its own at the same place.
* **When.** A start is a date-and-time mention in a sentence reporting the meeting that is followed by a start
  marker (から, より, に始まり, began, from ...): the time an announcement was made is never taken. The local
  date is the start seen in the zone of the meeting place; with no start, the first date to the day in the
  sentences reporting the meeting or in the lead.
* **Where.** A city or a venue named in those sentences with a locative (で, において, の, への, を訪問, in, at),
  the country of a visit (訪米, 日本を訪問, a visit to Japan) when no city is named, only from sentences reporting
  this meeting. A venue gives its country, never a city the text does not name (総理大臣官邸, the Pentagon: city
  null; 東京・元赤坂の迎賓館で: Tokyo); a news dateline opening the paragraph that reports the primary meeting, or the
  first paragraph (【ワシントン時事】, WASHINGTON -, PALM BEACH, Florida, April 17 (Kyodo) --) gives the city when the
  sentences name none. Phone and video calls, and a meeting held by video (2プラス2をテレビ会議方式で), have no place;
  a plan given up (当初は…での開催を調整していたが) places nothing. The zone comes from the
  city (``temporal.infer_event_zone``), else from a country with one zone.
* **Trilateral summits.** 日米韓首脳会談, 日米韓首脳、…で会談, the leaders of three countries as the subjects of one
  会談, 3首脳による会談; an elided subject (…でも会談している) continues the meeting named just before. The third
  leader is the one named, else the holder of that country's leading office on the day.
* **Lists.** 2011年9月21日にニューヨークで、同年11月12日にはホノルルで行って以来: one meeting for each dated place.
* **Who.** The principals a meeting's type calls for (the Prime Minister and the President, the four ministers of a
  2+2 ...), taken from the people the text names with that office at the meeting's date, else from the office
  holders of that date (``is_inferred``); a person named for a post he does not hold that day (次期大統領, 前大統領,
  President-elect) is a principal with no role; attendees are the people named in a 同席/陪席 clause, after a label
  (（同席者：日本側 A大使ほか，米側 B大使ほか）, 同席：) or after "attended by", "joined by", "accompanied by".
* **One meeting, many reports.** ``meeting_id`` is a digest of the meeting's type, date and principals (and, for
  a meeting without a date, of the document), so the reports of one meeting in any number of documents, in any
  order, become one row with ``n_sources`` counting them.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from zoneinfo import ZoneInfo

import polars as pl

import schemas
from nichibei.extract.entities.folding import fold_text
from nichibei.extract.temporal import infer_event_zone

__all__ = [
    "MeetingParams",
    "DocMeeting",
    "find_doc_meetings",
    "merge_meetings",
    "find_meetings",
    "primary_dates",
    "sentence_spans",
    "load_places",
]


# ---------------------------------------------------------------------------------------------------------
# parameters


@dataclass(frozen=True)
class MeetingParams:
    """Knobs of the meeting extractor.

    lead_sentences: body sentences (after the title) in which the primary meeting may be introduced.
    start_marker_window: code points after a time searched for a start marker (から, より, began ...).
    max_duration_minutes: longer durations are not the length of a meeting.
    hedge_window: code points before a meeting word searched for a passing-reference word (昨年の, 前回の).
    """

    lead_sentences: int = 3
    start_marker_window: int = 30
    max_duration_minutes: int = 12 * 60
    hedge_window: int = 12


# principals each type calls for: (country, office)
SLOTS: dict[str, tuple[tuple[str, str], ...]] = {
    "leaders": (("JP", "prime_minister"), ("US", "president")),
    "2plus2": (("JP", "foreign_minister"), ("JP", "defense_minister"), ("US", "secretary_of_state"),
               ("US", "secretary_of_defense")),
    "foreign": (("JP", "foreign_minister"), ("US", "secretary_of_state")),
    "defense": (("JP", "defense_minister"), ("US", "secretary_of_defense")),
}
TYPE_LEVEL = {"summit": "leaders", "trilateral_summit": "leaders", "2plus2": "2plus2",
              "foreign_ministers": "foreign", "defense_ministers": "defense"}
LEADER_OFFICES = ("prime_minister", "president")


# ---------------------------------------------------------------------------------------------------------
# language rules (matched against NFKC-folded text)

_PAIR = r"(?P<pfx>[日米中韓露英仏独豪印比加朝台越]{2,4})?"
_JA_MEETING = re.compile(
    # the first characters any match can start with, checked first: the engine skips other positions at once
    r"(?=[日米中韓露英仏独豪印比加朝台越首外防国電テビオ三3安2ツ表会夕昼晩朝ワ])"
    + _PAIR
    + r"(?P<lvl>首脳|外相|外務大臣|防衛相|防衛大臣|国防相)?"
    + r"(?:(?P<phone>電話会談|電話での会談|電話で会談|電話協議)"
    r"|(?P<video>テレビ会議|テレビ会談|ビデオ会議|ビデオ会談|オンライン会談|オンライン形式で会談|オンライン形式の会談"
    r"|オンラインでの会談|オンラインで会談)"
    r"|(?P<tri>(?:[三3][かカヵケヶ]国|[三3]者)(?:首脳)?会談)"
    r"|(?P<twoplus>日米安全保障協議委員会|安全保障協議委員会|2\+2|2プラス2|ツープラスツー)"
    r"|(?P<courtesy>表敬訪問|表敬)"
    r"|(?P<meal>夕食会|晩餐会|晩さん会|昼食会|朝食会|ワーキング・?ランチ|ワーキング・?ディナー)"
    r"|(?P<generic>会談|会合))"
)
_EN_MEETING = re.compile(
    r"(?P<phone>\b(?:tele)?phone (?:call|talks?|conversation|conference)s?\b|\b(?:spoke|talked|spoken) (?:by|over the|on the) (?:tele)?phone"
    r"|\bcalls? with(?= (?-i:[A-Z])| (?:his|her|their) )"
    r"|\b(?:spoke|speaks|talked) (?:today |yesterday |tonight |(?-i:[A-Z])[a-z]+day )?with(?= (?-i:[A-Z])| (?:his|her) )"
    r"(?=[^;\n]{0,60}?\b(?:by (?:tele)?phone|over the (?:tele)?phone|on the (?:tele)?phone|phone|telephone)\b))"
    r"|(?P<video>\bvideo ?(?:conference|call|link|meeting)|\bvirtual (?:meeting|summit|talks)|\bonline (?:meeting|summit))"
    r"|(?P<tri>\btrilateral (?:leaders'? )?(?:summit|meeting)|\bthree-way summit)"
    r"|(?P<twoplus>\bsecurity consultative committee|\b2\+2|\btwo-plus-two)"
    r"|(?P<fm>\bforeign ministers'? (?:meeting|talks)|\bforeign ministerial)"
    r"|(?P<dm>\bdefen[cs]e ministers'? (?:meeting|talks)|\bdefen[cs]e ministerial)"
    r"|(?P<courtesy>\bcourtesy call)"
    r"|(?P<meal>\b(?:working (?:lunch|luncheon|dinner|breakfast)|(?:a |an )(?:informal |private |official |state )?"
    r"(?:dinner|luncheon|lunch)(?= (?:with|for|at|in|on|hosted)\b))\b)"
    r"|(?P<summit>\bsummit(?: meeting| talks)?\b)"
    r"|(?P<generic>\b(?:held|hold|holding|had|have) (?:a |their |the |another |an )?(?-i:[a-z][a-z-]* ){0,2}"
    r"(?:meeting|talks)\b"
    r"|\b(?:two|three|several|\d+) days of talks\b|\bround of talks\b"
    r"|\b(?:spoke|speaks|talked) (?:today |yesterday |tonight |(?-i:[A-Z])[a-z]+day )?with(?= (?-i:[A-Z])| (?:his|her) )"
    r"|\bmet (?:with )?\b|\bmeets? with\b|\b(?:will|to|would|shall|could) meet(?= with\b| (?-i:[A-Z])| (?:his|her|their) )|\bmeeting with\b|\btalks with\b)"
    r"|(?P<topic>\bthe (?:talks|meeting|exchange|session|discussions?|conversation|(?:(?:tele)?phone )?call)\b)",
    re.IGNORECASE,
)
# a meeting word after one of these (within its clause) is a passing reference, not a report
_HEDGE_BEFORE = re.compile(r"(?:昨年|一昨年|前年|前回|先月|先週|先に|過去|かつて|これまで|次回|来年|来月|来週|\blast\b|previous|"
                           r"earlier|next|upcoming|future)[^。、,]*$", re.IGNORECASE)
# the same hedge as a time reference (先に行われた…, earlier this year, an earlier meeting), not the adverb that orders
# the day's events in wire copy ("Kishida earlier held talks with Biden", 首相は先に…と会談した)
_HEDGE_TIME_BEFORE = re.compile(r"(?:昨年|一昨年|前年|前回|先月|先週|先に(?=[^。、,]{0,8}?(?:行われ|開かれ|開催され|実施され|行った|開いた)"
                                r"[^。、,]{0,30}$)|過去|かつて|これまで|次回|来年|来月|来週|\blast\b|previous|"
                                r"\b(?:an|the|their|his|her|its) earlier\b|\bearlier (?:this|last|in the|in) \w+|"
                                r"next|upcoming|future)[^。、,]*$", re.IGNORECASE)
_MONTHS_EN = r"January|February|March|April|May|June|July|August|September|October|November|December"
# "met Obama at the White House last April": a time word after the meeting word that puts it in the past or future
_HEDGE_AFTER_EN = re.compile(rf"^[^.;]{{0,60}}?\b(?:last|next) (?:year|month|week|spring|summer|autumn|fall|winter|"
                             rf"{_MONTHS_EN})\b|^[^.;]{{0,60}}?\bearlier this (?:year|month)\b", re.IGNORECASE)
# a bare meeting noun as the topic of its clause (会談は, 会合では, 会談後): the meeting already introduced
_TOPIC_BEFORE_JA = re.compile(r"(?:^|[。、,\n「『(]|この|その|同|今回の|今回)\s*$")
_TOPIC_AFTER_JA = re.compile(r"^(?:は|では|には|後|の冒頭|の中で|の席上)")
_TOPIC_WORD_JA = re.compile(r"協議(?=は|では|には|後)")
# 両首脳, 四閣僚, the two leaders: the participants of a meeting already named
_COLLECTIVE = re.compile(r"(?P<trilateral>(?P<tripfx>日米[韓比豪印英仏独加伊]|米日[韓比豪印]|[日米][韓比豪印]米?日?)首脳|[三3]首脳"
                         r"|\b(?:the |all )?three leaders\b)|(?P<leaders>両首脳|日米首脳|\b(?:the|both) (?:two )?leaders\b)|(?P<foreign>両外相|両外務大臣)"
                         r"|(?P<defense>両防衛相|両国防相|両防衛大臣)|(?P<twoplus>四閣僚|4閣僚|日米の外務・防衛担当閣僚)",
                         re.IGNORECASE)
# another round of the same talks: a meeting of its own, held where the first one was unless the text says otherwise
_ANOTHER = re.compile(r"\banother (?:round|session|meeting)\b|\bsecond (?:day|round|session)\b|\bagain\b|"
                      r"再び|再度|2日目|二日目|引き続き会談", re.IGNORECASE)
# the same talks going on (another round, the second day): only these take the first meeting's place, and only on
# the same or the next day; "again", 再び alone (they will meet again in November) inherit nothing
_SAME_TALKS = re.compile(r"\banother (?:round|session)\b|\bsecond (?:day|round|session)\b|2日目|二日目|引き続き会談",
                         re.IGNORECASE)
# a meeting being arranged or considered, not held or fixed
_ARRANGING = re.compile(r"^[^。]{0,20}?(?:を?調整(?:中|して|され|する|を)|を?検討(?:中|して|され|する)|を模索)"
                        r"|^[^.]{0,30}?\b(?:being arranged|under consideration|being considered|to be arranged)\b",
                        re.IGNORECASE)
# the titles of the two sides in a sentence, when the people are not resolved
_TITLE_WORDS = {
    ("JP", "prime_minister"): re.compile(r"首相|総理|Prime Minister", re.IGNORECASE),
    ("US", "president"): re.compile(r"大統領|\bPresident\b"),
    ("JP", "foreign_minister"): re.compile(r"外相|外務大臣|Foreign Minister", re.IGNORECASE),
    ("US", "secretary_of_state"): re.compile(r"国務長官|Secretary of State", re.IGNORECASE),
    ("JP", "defense_minister"): re.compile(r"防衛相|防衛大臣|Minister of Defen[cs]e|Defen[cs]e Minister", re.IGNORECASE),
    ("US", "secretary_of_defense"): re.compile(r"国防長官|戦争長官|Secretary of (?:Defen[cs]e|War)|"
                                               r"(?:Defen[cs]e|War) Secretary", re.IGNORECASE),
}
# a title standing before a name the resolver left without a role: U.S. President-elect Donald Trump, former
# President Obama, 次期大統領の (the post named, not held that day)
_TITLE_BEFORE = re.compile(r"(?:\b(?:President|Prime Minister|Secretary(?: of \w+)?)[- ](?:elect|designate)|"
                           r"\b(?:former|then-|incoming) (?:U\.S\. |Japanese )?(?:President|Prime Minister)|次期(?:米国?)?大統領の?|"
                           r"次期首相の?|前(?:米国?)?大統領の?)\s*,?\s*$", re.IGNORECASE)
# a meeting that did not take place or will not (見送られた, 見送られる見通し, 見送りへ, 見送る方向, 中止となる, 取りやめ,
# 実現しなかった, 受け入れられなかった, was refused, was canceled, called off, will not attend): no meeting at all
_NEGATED = re.compile(r"^[^。.]{0,24}?(?:見送られ|見送った|見送る|見送り(?:へ|に|と|の(?:方向|見通し|公算))|実現しなかっ|実現せず|実現していない|受け入れられなかっ|"
                      r"受け入れられず|行われなかっ|開かれなかっ|開催されなかっ|開催されず|中止(?:され|と|に|へ|する|した)|"
                      r"取りやめ|取り止め|とりやめ|拒否され|拒まれ)"
                      r"|^[^.;]{0,40}?\b(?:was|were|has been|have been|had been|is|are|will be|would be) "
                      r"(?:refused|rejected|not held|called off|cancell?ed|scrapped)\b"
                      r"|^[^.;]{0,40}?\b(?:will not|won't|would not|wouldn't) (?:attend|take place|be held|go ahead)\b"
                      r"|^[^.;]{0,24}?\bdid not take place\b", re.IGNORECASE)
_HEDGE_AFTER = re.compile(r"^[^。]{0,12}?(?:予定|に向け|へ向け|を控え|の開催を|を調整|を目指)")
_START_MARKER = re.compile(r"^(?:\s*[((][^))]{0,40}[))])?\s*(?:ごろ|頃)?\s*(?:から|より|に始ま|に開始|開始)"
                           r"|^\s*(?:\([^)]{0,40}\))?\s*(?:began|started|starting|kicked off)", re.IGNORECASE)
_START_BEFORE_EN = re.compile(r"(?:began|started|starting|from|beginning)\s+(?:at\s+)?$", re.IGNORECASE)
_ATTEND_END = re.compile(r"(?:他|ら|等)?(?:が)?(?:同席|陪席)(?!者?\s*[:：])")
# …大使も加わった, …も出席した after the principals: one more person joining (the clause before it)
_ATTEND_JOIN = re.compile(r"も(?:加わ|同行|陪席)")
_ATTEND_LABEL = re.compile(r"(?:同席者|陪席者|同席|陪席)\s*[:：]")
_ATTEND_EN = re.compile(r"\b(?:attended by|joined by|accompanied by)\b", re.IGNORECASE)
# a place with a locative (で, において, にて), as the goal or object of a visit; の only before a venue of the place
# (ワシントンのホワイトハウスで): ワシントンの外交筋, 外務省の発表, 東京電力 (a noun straight after) name no place
_JA_LOCATIVE = re.compile(r"^\s*(?:で(?!\s*(?:記者団|記者会見|記者の|報道陣|取材))|において|にて|での|への|へ|を訪問|を訪れ|入り|に到着"
                          r"|に[^、。]{0,20}?を(?:招|迎え)|市内|都内|市で|市の"
                          r"|・[^、。・\s]{1,8}?(?:の|で|において))")  # 東京・元赤坂の迎賓館で
# カナナスキスのサミット会場で, 東京の迎賓館で: の before a venue noun and its locative
_JA_OF_VENUE = re.compile(r"^\s*の[^、。の]{0,12}?(?:会場|迎賓館|ホテル|公邸|官邸|別荘|私邸|邸宅|宮殿|大使館|庁舎|施設|郊外|市内)"
                          r"(?:で|において|にて|での)")
# 韓国大統領官邸, 英首相官邸: a venue word qualified by another country or a president is not Japan's
_FOREIGN_QUALIFIER = re.compile(r"(?:大統領|[韓中英仏独露豪印比加伊]国?(?:首相|大統領)?|ロシア|フィリピン|ホワイトハウス)\s*$")
_EN_LOCATIVE_BEFORE = re.compile(r"\b(?i:in|at|visit(?:ing|ed|s)?|visit to|held in)\s+(?:(?i:the)\s+)?"
                                 r"(?:[A-Z][\w.]*(?:['’]s)?\s+)?$")
_VISIT_JA = re.compile(r"(?P<c>日本|米国|アメリカ)(?:を(?:公式|国賓として)?訪問|を訪れ|への(?:公式|国賓|公賓|実務)?訪問)"
                       r"|(?P<jp>訪日|来日)|(?P<us>訪米|渡米)")
_VISIT_EN = re.compile(r"\b(?:visit(?:ing)? to|visiting|trip to|arrived in)\s+(?P<c>Japan|the United States|"
                       r"the U\.S\.|Washington|the White House)", re.IGNORECASE)
_US_JAPAN = re.compile(r"日米(?![韓比豪印英仏独加伊中]{2})|米日|U\.S\.-Japan|Japan-U\.S\.|US-Japan|Japan-US|Japanese and U\.?S\.?|U\.?S\.? and Japan",
                       re.IGNORECASE)
_SENTENCE_END_JA = "。!?！？"
# a news dateline at the start of a paragraph: 【ワシントン=共同】, 【ワシントン時事】, WASHINGTON -,
# PALM BEACH, Florida, April 17 (Kyodo) --
_DATELINE_JA = re.compile(r"^\s*【(?P<city>[^=】\s]{1,12}?)(?:=[^】]*|時事|共同|発)?】")
_DATELINE_EN = re.compile(r"^\s*(?P<city>[A-Z][A-Z.'\-]*(?: [A-Z][A-Z.'\-]*)*)(?:, [A-Za-z][A-Za-z.]*(?: [A-Za-z0-9.]+)*)*"
                          r"(?: \([^)]{1,30}\))?(?: ?(?:--|—|–) ?| - )")
# (not after a title: Mr. KISHIDA Fumio, Dr. Smith)
_EN_BOUNDARY = re.compile(r"(?<=[a-z0-9\)”\"’][.!?])(?<!\bMr\.)(?<!\bMs\.)(?<!\bDr\.)(?<!\bMrs\.)(?<!\bSt\.)\s+(?=[A-Z“\"])")
_NON_BILATERAL_SUMMIT_EN = re.compile(r"(?:G7|G8|G20|APEC|NATO|Quad|ASEAN|EAS|East Asia|Nuclear Security|"
                                      r"Democracy|Climate|UN|United Nations|Asia-Pacific Economic Cooperation|Group of (?:Seven|Eight|20|Twenty)|"
                                      r"ASEAN-related|Arab League|African Union|(?-i:[A-Z])[a-z]+ Union)\S*\s*(?:Leaders'?\s*)?$", re.IGNORECASE)
# a summit named as an event: "the Elmau summit", "the Ise-Shima Summit", "the Nuclear Security Summit": capitalised
# words between an article and "summit" that are neither Japan nor the US, nor the two leaders (the Kishida-Biden summit)
_NAMED_SUMMIT_EN = re.compile(r"\b(?i:the|a|an|this|last|next)\s+(?P<name>(?:(?:[A-Z0-9][\w.’'&]*)(?:-[A-Z][\w.’']*)*\s+){1,3})"
                              r"(?:Leaders['’]?\s+)?$")
_BILATERAL_NAME_EN = {"JAPAN", "JAPANESE", "U.S.", "US", "USA", "AMERICA", "AMERICAN", "UNITED", "STATES", "BILATERAL",
                      "FIRST", "SECOND", "THIRD", "INAUGURAL", "OFFICIAL", "STATE", "SUMMIT", "LEADERS", "NIPPON"}
# "with other G7 leaders", "joined other world leaders": the summit of a grouping, not a US–Japan one
_OTHER_LEADERS_AFTER_EN = re.compile(r"^[^.;]{0,100}?\b(?:with|along with|joined by|and|among)\s+(?:the\s+)?other\s+"
                                     r"(?:[\w-]+\s+){0,4}?leaders\b", re.IGNORECASE)
_OTHER_LEADERS_BEFORE_EN = re.compile(r"\bother\s+(?:[\w-]+\s+){0,4}?leaders\b[^.;]*$", re.IGNORECASE)
# G7首脳会合, 主要国首脳会議, ASEAN関連首脳会議, APEC首脳会議: the leaders' meeting of a grouping
_GROUPING_JA = re.compile(r"(?:G\s?7|G\s?8|G\s?20|APEC|ASEAN|NATO|EAS|クアッド|主要国|先進国|主要[7７七]カ国|主要[7７七]か国|"
                          r"主要20カ国|先進[7７七]カ国|先進[7７七]か国|東アジア|アジア太平洋経済協力|北大西洋条約機構)[^、。,\s]{0,6}$",
                          re.IGNORECASE)


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Sentences of a text as (start, end) code-point spans: split at 。!? and line ends, and at English full
    stops followed by a capital (not after a single capital, so D. C. and U.S. stay whole)."""
    spans: list[tuple[int, int]] = []
    for line in re.finditer(r"[^\n]+", text):
        ls, le = line.span()
        cuts = [ls]
        for i in range(ls, le):
            if text[i] in _SENTENCE_END_JA:
                cuts.append(i + 1)
        for m in _EN_BOUNDARY.finditer(text, ls, le):
            seg = text[ls:m.start()]
            if seg.count("(") > seg.count(")"):
                continue  # (local time; 4:55 p.m. Japan time): no sentence ends inside brackets
            cuts.append(m.start())
        cuts = sorted(set(cuts + [le]))
        pending = None
        for a, b in zip(cuts, cuts[1:]):
            while a < b and text[a].isspace():
                a += 1
            if a >= b:
                continue
            if pending is not None:  # そして今月13日。横浜で、3度目の会談が開かれた: the date opens the next sentence
                a, pending = pending, None
            elif b < le and _BARE_DATE_SENTENCE.match(unicodedata.normalize("NFKC", text[a:b])):
                pending = a
                continue
            spans.append((a, b))
        if pending is not None:
            spans.append((pending, le))
    return spans


# a sentence that is a date alone (そして今月13日。, 11月13日夜。): a fragment that dates the sentence after it
_BARE_DATE_SENTENCE = re.compile(
    r"^(?:そして|さらに|そうして|明けて|迎えた)?[、,]?\s*(?:(?:\d{4}年|[昨今来去前同]年|同)?(?:\d{1,2}|[一二三四五六七八九十]{1,3})月|今月|先月|同月)?"
    r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})日(?:\s*[(（][^)）]{1,3}[)）])?(?:の)?(?:早朝|朝|昼|午前|午後|夕方|夜|深夜|未明)?\s*[。.]$")


# ---------------------------------------------------------------------------------------------------------
# gazetteer


@dataclass(frozen=True)
class Place:
    kind: str
    name_en: str | None
    name_ja: str | None
    country_code: str
    city: str | None = None  # a venue's city (name_en of a city row)
    tz_name: str | None = None  # the place's zone where the gazetteer gives one (Kananaskis: America/Edmonton)


@lru_cache(maxsize=1)
def load_places() -> tuple[dict[str, Place], re.Pattern[str]]:
    """The city/venue/country table (`data/reference/places.csv`) and one regex over its folded patterns."""
    text = resources.files("nichibei").joinpath("data/reference/places.csv").read_text(encoding="utf-8")
    table: dict[str, Place] = {}
    for r in csv.DictReader(text.splitlines()):
        key = unicodedata.normalize("NFKC", r["pattern"])
        table[key] = Place(r["kind"], r["name_en"] or None, r["name_ja"] or None, r["country_code"],
                           (r.get("city") or None), (r.get("tz_name") or None))
    # cities and venues only: a country word must not swallow the venue it prefixes (米国防総省: the Pentagon)
    keys = [k for k, p in table.items() if p.kind in ("city", "venue")]
    alts = "|".join(re.escape(k) for k in sorted(keys, key=len, reverse=True))
    return table, re.compile(rf"(?<![A-Za-z])(?:{alts})(?![a-z])")


def city_named(name: str) -> Place | None:
    """The city of the gazetteer written ``name`` (any case: WASHINGTON, Palm Beach, ワシントン), or called so."""
    table, _ = load_places()
    key = unicodedata.normalize("NFKC", name).strip().casefold()
    for pattern, p in table.items():
        if p.kind == "city" and (pattern.casefold() == key or (p.name_en or "").casefold() == key):
            return p
    return None


def dateline_city(line: str) -> Place | None:
    """The city of a news dateline opening a paragraph (【ワシントン=共同】, WASHINGTON -, PALM BEACH, Florida,
    April 17 (Kyodo) --), if the gazetteer knows it."""
    ft = fold_text(line).text
    m = _DATELINE_JA.match(ft) or _DATELINE_EN.match(ft)
    return city_named(m.group("city")) if m else None


@lru_cache(maxsize=64)
def _zone_of_place(place_ja: str) -> str | None:
    return infer_event_zone(place_ja + "で", strong_only=True)


_COUNTRY_ZONE = {"JP": "Asia/Tokyo"}  # countries with a single zone


# ---------------------------------------------------------------------------------------------------------
# per-document records


@dataclass
class _Mention:
    start: int  # folded offsets
    end: int
    src_start: int
    src_end: int
    mtype: str | None
    level: str | None
    sentence: int
    hedged: bool
    pair_ok: bool | None  # True: 日米 prefix, False: a pair without the US or Japan, None: no prefix
    topic: bool = False  # a bare meeting noun as the topic of its clause (会談は, The talks): the meeting introduced
    collective: str | None = None  # level of a 両首脳 / the two leaders in the sentence
    third: str | None = None  # the third country of a trilateral summit named by its prefix (日米韓: KR)
    remote: bool = False  # held by video or telephone (テレビ会議方式で開いた 2+2): no place
    mode: str | None = None  # `phone` or `video` when a word says how the meeting was held
    meal: bool = False  # 夕食会, ワーキングランチ: a meal of the two sides
    soft_hedge: bool = False  # hedged only by 先に/earlier ordering the day's events: the primary when nothing else is


@dataclass
class Participant:
    entity_id: str
    role: str | None
    country_code: str | None
    side: str
    is_inferred: bool
    doc_id: str
    start: int
    end: int


_CALL_MODE = {"phone_call": "phone", "video_call": "video"}


@dataclass
class DocMeeting:
    """A meeting as one document reports it."""

    doc_id: str
    is_primary: bool
    meeting_type: str
    date_local: dt.date | None
    start_utc: dt.datetime | None
    tz_local: str | None
    city: str | None
    city_ja: str | None
    country_code: str | None
    venue: str | None
    duration_minutes: int | None
    evidence_start: int
    evidence_end: int
    participants: list[Participant] = field(default_factory=list)
    mode: str | None = None

    def principals(self) -> tuple[str, ...]:
        return tuple(sorted({p.entity_id for p in self.participants if p.side == "principal"}))

    def key(self) -> tuple:
        return (self.meeting_type, self.date_local, self.principals(),
                None if self.date_local is not None else self.doc_id)


def meeting_id(m: DocMeeting) -> str:
    """Deterministic, opaque id: `m_` and a digest of type, date and principals (and the document for an undated
    meeting). Opaque, so that a release that corrects the date keeps the id without it saying the old date."""
    t, d, principals, doc = m.key()
    basis = "|".join([t, d.isoformat() if d else "", ",".join(principals), doc or ""])
    return "m_" + hashlib.sha256(basis.encode("utf-8")).hexdigest()[:16]


# ---------------------------------------------------------------------------------------------------------
# helpers


def _sentence_of(sentences: list[tuple[int, int]], pos: int) -> int:
    for i, (a, b) in enumerate(sentences):
        if a <= pos < b:
            return i
    return -1


def _minutes(iso: str | None) -> int | None:
    if not iso:
        return None
    m = re.fullmatch(r"PT(?:(\d+(?:\.\d+)?)H)?(?:(\d+)M)?", iso)
    if not m or not (m.group(1) or m.group(2)):
        return None
    return int(round(float(m.group(1) or 0) * 60)) + int(m.group(2) or 0)


def _day_value(row: dict) -> dt.date | None:
    v = row.get("value")
    if not v or row.get("kind") not in ("date", "datetime", "weekday"):
        return None
    try:
        return dt.date.fromisoformat(v[:10])
    except ValueError:
        return None


def _holders(offices: pl.DataFrame, country: str, office: str, d: dt.date | None) -> list[str]:
    if d is None:
        return []
    rows = offices.filter(
        (pl.col("office") == office) & (pl.col("country_code") == country) & (pl.col("start_date") <= d)
        & (pl.col("end_date").is_null() | (pl.col("end_date") >= d))
    )
    if office == "ambassador" or rows.is_empty():
        return []
    latest = rows.sort("start_date", descending=True)
    return [latest["entity_id"][0]]


def _person_level(persons: list[dict]) -> str | None:
    roles = {(p["country_code"], p["role"]) for p in persons}
    if ("JP", "prime_minister") in roles or ("US", "president") in roles:
        return "leaders"
    fm = ("JP", "foreign_minister") in roles or ("US", "secretary_of_state") in roles
    dm = ("JP", "defense_minister") in roles or ("US", "secretary_of_defense") in roles
    if fm and dm:
        return "2plus2"
    if fm:
        return "foreign"
    if dm:
        return "defense"
    return None


_LEVEL_WORD = {"首脳": "leaders", "外相": "foreign", "外務大臣": "foreign", "防衛相": "defense", "防衛大臣": "defense",
               "国防相": "defense"}
_LEVEL_TYPE = {"leaders": "summit", "foreign": "foreign_ministers", "defense": "defense_ministers",
               "2plus2": "2plus2"}


# ---------------------------------------------------------------------------------------------------------
# one document


@dataclass
class _Doc:
    doc_id: str
    text: str
    title_span: tuple[int, int] | None
    temporal: list[dict]
    persons: list[dict]
    sentences: list[tuple[int, int]]
    cache: dict = field(default_factory=dict)

    def sentence_text(self, i: int) -> str:
        a, b = self.sentences[i]
        return self.text[a:b]

    def persons_in(self, a: int, b: int) -> list[dict]:
        return [p for p in self.persons if a <= p["char_start"] and p["char_end"] <= b]


def _find_mentions(doc: _Doc, params: MeetingParams) -> list[_Mention]:
    """Meeting words with their type (None: a bare word the sentence does not type), in text order."""
    ft = fold_text(doc.text)
    out: list[_Mention] = []
    for regex, lang in ((_JA_MEETING, "ja"), (_EN_MEETING, "en"), (_TOPIC_WORD_JA, "ja-topic")):
        for m in (_latin_finditer(regex, ft.text) if lang == "en" else regex.finditer(ft.text)):
            s, e = ft.source_span(*m.span())
            sent = _sentence_of(doc.sentences, s)
            topic = False
            if lang == "ja-topic":
                if not _TOPIC_BEFORE_JA.search(_before4(ft.text, m.start())):
                    continue
                topic = True
            elif lang == "en" and m.group("topic"):
                # only as the subject that opens a sentence: "The talks began at ..."
                if sent < 0 or doc.text[doc.sentences[sent][0]:s].strip():
                    continue
                topic = True
            if lang == "en" and (m.group("summit") or m.group("fm") or m.group("dm")):
                before = ft.text[max(0, m.start() - 40):m.start()]
                if _NON_BILATERAL_SUMMIT_EN.search(before):
                    continue
            # the Elmau summit, G7首脳会合: the grouping's meeting, kept as a meeting word that names no US–Japan meeting
            grouping_event = (lang == "en" and bool(m.group("summit")) and _named_summit(doc, ft, before, m.start(), m.end())) \
                or (lang == "ja" and m.group("lvl") == "首脳" and not m.group("pfx")
                    and bool(_GROUPING_JA.search(ft.text[max(0, m.start() - 16):m.start()])))
            if lang == "ja" and m.group("generic") and ft.text[m.end():m.end() + 1] in ("見", "場"):
                continue
            level = None
            en_third: str | None = None
            en_pair_ok: bool | None = None
            if lang == "ja" and m.group("lvl"):
                level = _LEVEL_WORD[m.group("lvl")]
            mtype: str | None = None
            if lang == "ja-topic" or topic:
                pass
            elif m.group("phone"):
                mtype = "phone_call"
            elif m.group("video"):
                mtype = "video_call"
            elif m.group("tri"):
                mtype = "trilateral_summit"
            elif m.group("twoplus"):
                before = ft.text[max(0, m.start() - 8):m.start()]
                mtype = "other" if re.search(r"経済|economic", before, re.IGNORECASE) else "2plus2"
            elif m.group("courtesy"):
                mtype = "courtesy_call"
            elif m.group("meal"):
                mtype = "other"
            elif lang == "en" and m.group("fm"):
                mtype = "foreign_ministers"
            elif lang == "en" and m.group("dm"):
                mtype = "defense_ministers"
            elif lang == "en" and m.group("summit"):
                mtype, level = "summit", "leaders"
                grouping = _EN_GROUPING.search(ft.text[max(0, m.start() - 60):m.start()])
                if grouping is not None:
                    # a Japan-U.S.-ROK Summit Meeting: three countries, one of them neither Japan nor the US
                    names = re.split(r"-", grouping.group(0).strip())
                    codes = [_EN_COUNTRY.get(n.strip().rstrip("'s").upper()) for n in names]
                    if len(codes) == 3 and "JP" in codes and "US" in codes:
                        mtype = "trilateral_summit"
                        en_third = next(c for c in codes if c not in ("JP", "US"))
                    else:
                        en_pair_ok = False  # the Japan-U.S.-Australia-India (Quad) leaders: no US–Japan meeting
            else:
                mtype = _LEVEL_TYPE.get(level) if level else None  # 首脳会談, 外相会談; bare 会談 decided later
            if lang == "ja" and m.group("generic") and not m.group("pfx") and not level:
                topic = bool(_TOPIC_BEFORE_JA.search(_before4(ft.text, m.start()))) and bool(
                    _TOPIC_AFTER_JA.match(ft.text[m.end():m.end() + 8]))
            pair_ok = en_pair_ok
            if en_third is not None:
                pair_ok = True
            if grouping_event:
                pair_ok = False
            if lang == "ja" and m.group("pfx"):
                pfx = m.group("pfx")
                # 日米首脳会談; 日米比 (three): a trilateral summit; 日米豪印 (four): a grouping, not a US–Japan meeting
                pair_ok = "日" in pfx and "米" in pfx and len(pfx) <= 3
                if pair_ok and len(pfx) == 3 and mtype == "summit":
                    mtype = "trilateral_summit"
            third = _third_country(m.group("pfx")) if lang == "ja" and m.group("pfx") else en_third
            clause_start = max(ft.text.rfind(c, max(0, m.start() - params.hedge_window - 1), m.start()) for c in "。、,\n")
            before = ft.text[max(clause_start + 1, m.start() - params.hedge_window):m.start()]
            after = ft.text[m.end():m.end() + 200]
            hedged = bool(_HEDGE_BEFORE.search(before)) or bool(_HEDGE_AFTER.search(after)) or (
                lang == "en" and bool(_HEDGE_AFTER_EN.search(after)))
            if _NEGATED.search(after):
                continue  # 正式な首脳会談は…受け入れられなかった, a summit was refused: no meeting took place
            soft = hedged and not _HEDGE_TIME_BEFORE.search(before) and not _HEDGE_AFTER.search(after) and not (
                lang == "en" and _HEDGE_AFTER_EN.search(after))
            out.append(_Mention(m.start(), m.end(), s, e, mtype, level, sent, hedged, pair_ok, topic, third=third,
                                meal=lang != "ja-topic" and bool(m.group("meal")), soft_hedge=soft,
                                mode=_CALL_MODE.get(mtype)))
    out.sort(key=lambda x: x.src_start)
    # 「2プラス2」会談, "2+2 meeting": a bare meeting word right after a typed one names the same meeting
    kept: list[_Mention] = []
    for mm in out:
        if kept and mm.mtype is None and not mm.topic and mm.sentence == kept[-1].sentence and (
                mm.start - kept[-1].end <= 2 or (kept[-1].mtype in ("video_call", "phone_call")
                                                 and _FORMAT_LINK.match(ft.text[kept[-1].end:mm.start]))):
            continue  # テレビ会議方式で行った会談: the call named just before
        
        if kept and mm.start < kept[-1].end:  # overlapping matches of two patterns
            continue
        if mm.mtype in ("video_call", "phone_call") and kept and kept[-1].sentence == mm.sentence \
                and kept[-1].mtype not in (None, "video_call", "phone_call") and (
                    _FORMAT_AFTER.match(ft.text[mm.end:mm.end + 12]) or _FORMAT_BEFORE.search(ft.text[max(0, mm.start - 12):mm.start])
                    or (ft.text[kept[-1].end:mm.start] == " " and ft.text[mm.start].isascii())):
            # "Summit Telephone Talk": the format of the summit named just before
            # 2プラス2をテレビ会議方式で開いた: the format of that meeting, not another one; a summit held so is a call
            if kept[-1].mtype == "summit":
                kept[-1].mtype = mm.mtype
            else:
                kept[-1].remote = True
            kept[-1].mode = mm.mode
            continue
        kept.append(mm)
    # 首脳会談を行い、ワーキングランチも共にした; 日米首脳ワーキングランチ及び日米首脳会談: a meal held with the talks
    # is part of that meeting, not one of its own
    talks = {mm.sentence for mm in kept if not mm.meal and not mm.topic}
    out = [mm for mm in kept if not (mm.meal and mm.sentence in talks)]
    # type a bare 会談 / "meeting" from the people named in the sentence (never those in a 同席 clause), else
    # from a 両首脳 / "the two leaders", else from the titles of both sides
    for mm in out:
        if mm.sentence < 0:
            continue
        a, b = doc.sentences[mm.sentence]
        col = _COLLECTIVE.search(doc.text[a:b])
        if col:
            group = next(g for g in ("trilateral", "leaders", "foreign", "defense", "twoplus") if col.group(g))
            mm.collective = {"leaders": "leaders", "foreign": "foreign", "defense": "defense",
                             "twoplus": "2plus2", "trilateral": "trilateral"}[group]
            if group == "trilateral" and col.group("tripfx"):
                mm.third = _third_country(col.group("tripfx"))
        if mm.topic:
            continue
        attending = _attendee_regions(doc, [mm.sentence])
        persons = [p for p in doc.persons_in(a, b)
                   if not any(x <= p["char_start"] and p["char_end"] <= y for x, y in attending)]
        if mm.mtype in (None, "summit") and mm.pair_ok is None and (
                mm.collective == "trilateral" or _three_leaders(doc, persons, mm.src_start, a)):
            # 日米韓首脳、…で会談; 岸田首相、バイデン大統領、尹大統領は…会談した; 3首脳による会談: a trilateral summit
            mm.mtype, mm.level = "trilateral_summit", "leaders"
            if mm.pair_ok is None:
                mm.pair_ok = True
            continue
        collective = "leaders" if mm.collective == "trilateral" else mm.collective
        level = mm.level or _person_level(persons) or collective or _title_level(doc.text[a:b])
        if mm.mtype is None:
            mm.mtype = _LEVEL_TYPE.get(level) if level else None
        if mm.mtype in TYPE_LEVEL:
            level = TYPE_LEVEL[mm.mtype]  # a 2+2 is the four ministers' whoever else the sentence names
        if mm.level is None or mm.mtype in TYPE_LEVEL:
            mm.level = level
        if mm.mtype in ("phone_call", "video_call") and mm.level in ("foreign", "defense", "2plus2"):
            # 日米外相電話会談, Secretary Blinken's Call with Foreign Minister Kamikawa: a ministers' meeting held by
            # telephone or video keeps its level's type (as a 2+2 held by video stays a 2+2) and has no place;
            # only a leaders' call is a phone_call (video_call)
            mm.mtype, mm.remote = _LEVEL_TYPE[mm.level], True
    # 昨年11月13日にはプノンペンでも会談している: a bare 会談 with も and no one named is another meeting of those of
    # the meeting named just before (the subject left out, as Japanese does)
    prev: _Mention | None = None
    for mm in out:
        if mm.mtype is None and not mm.topic and prev is not None and 0 <= mm.sentence - prev.sentence <= 1 \
                and "も" in ft.text[max(0, mm.start - 2):mm.start] \
                and not doc.persons_in(*doc.sentences[mm.sentence]):
            mm.mtype, mm.level, mm.third = prev.mtype, prev.level, prev.third
            mm.pair_ok = prev.pair_ok if prev.pair_ok is not None else mm.pair_ok
        if mm.mtype is not None and not mm.topic:
            prev = mm
    return out


# the office of the leader who meets for a country at a summit
_THIRD_LEADER = {"KR": "president", "PH": "president", "ID": "president", "FR": "president", "CN": "president",
                 "TW": "president"}
_THIRD = {"韓": "KR", "比": "PH", "豪": "AU", "印": "IN", "英": "GB", "仏": "FR", "独": "DE", "加": "CA", "伊": "IT"}


def _third_country(prefix: str) -> str | None:
    """The third country of a three-country prefix (日米韓: KR), if the prefix names Japan and the United States."""
    rest = [c for c in prefix if c not in "日米"]
    return _THIRD.get(rest[0]) if len(rest) == 1 and "日" in prefix and "米" in prefix else None


def _three_leaders(doc: _Doc, persons: list[dict], word_start: int, sentence_start: int) -> bool:
    """The leaders of Japan, the United States and a third country named together before a meeting word, as the
    subjects of one 会談 (岸田首相、バイデン米大統領、韓国の尹錫悦大統領は…会談した)."""
    before = [p for p in persons if sentence_start <= p["char_start"] and p["char_end"] <= word_start
              and p["role"] in LEADER_OFFICES]
    countries = {p["country_code"] for p in before} - {None}
    if not ({"JP", "US"} <= countries and len(countries) >= 3):
        return False
    # A首相はB大統領と、C大統領とも会談: two bilateral meetings, not one of three
    first = min(p["char_start"] for p in before)
    return "とも" not in doc.text[first:word_start + 2]


# a video or telephone word that says how a meeting named before it in the sentence was held
_FORMAT_AFTER = re.compile(r"^(?:方式|形式|形態)?(?:で|により|によって|を通じ)", re.IGNORECASE)
_FORMAT_LINK = re.compile(r"^(?:方式|形式)?(?:で(?:行った|開いた|行われた|開かれた|の)|による|の)$")
_FORMAT_BEFORE = re.compile(r"\b(?:by|via|through|over)(?: an?| the)?\s*$", re.IGNORECASE)


_LATIN_RUN = re.compile(r"[A-Za-z0-9][^\u3000-\u30ff\u4e00-\u9fff]*")


def _latin_finditer(regex: re.Pattern[str], text: str):
    """``regex.finditer`` over the runs of a text between Japanese characters only (English meeting words never
    span them), each run searched with one character of context after it so that word boundaries stay right."""
    for run in _LATIN_RUN.finditer(text):
        yield from regex.finditer(text, run.start(), min(len(text), run.end() + 1))


def _named_summit(doc: "_Doc", ft, before: str, start: int, end: int) -> bool:
    """An English "summit" that names a multilateral event (the Elmau summit, the summit … with other G7 leaders),
    not a US–Japan meeting: talks on its sidelines are found by their own words."""
    sent_end = min([i for i in (ft.text.find(c, end) for c in ".;\n") if i >= 0] or [len(ft.text)])
    after = ft.text[end:sent_end]
    if re.match(r"^\s*(?:meeting\s+|talks\s+)?with\b", after, re.IGNORECASE):
        return False  # "a summit with President Biden"
    if _OTHER_LEADERS_AFTER_EN.search(after) or _OTHER_LEADERS_BEFORE_EN.search(before):
        return True
    named = _NAMED_SUMMIT_EN.search(before)
    if named is None:
        return False
    words = [w.upper().rstrip("’'s").rstrip("’'") or w.upper() for w in re.split(r"[\s-]+", named.group("name").strip())]
    if any(w in _BILATERAL_NAME_EN or w.rstrip("S") in _BILATERAL_NAME_EN for w in words):
        return False
    off = start - len(before)
    a, b = ft.source_span(off + named.start("name"), off + named.end("name"))
    if doc.persons_in(a, b):
        return False  # the Kishida-Biden summit
    return True


def _before4(text: str, pos: int) -> str:
    """The four code points before ``pos``, with a line end standing for the start of the text."""
    return ("\n" + text[:pos])[-4:] if pos < 4 else text[pos - 4:pos]


def _title_level(sentence: str) -> str | None:
    """The level of a meeting from the titles of both sides named in a sentence (首相 and 大統領: leaders)."""
    has = {k for k, rx in _TITLE_WORDS.items() if rx.search(sentence)}
    if {("JP", "prime_minister"), ("US", "president")} <= has:
        return "leaders"
    fm = {("JP", "foreign_minister"), ("US", "secretary_of_state")} <= has
    dm = {("JP", "defense_minister"), ("US", "secretary_of_defense")} <= has
    if fm and dm:
        return "2plus2"
    return "foreign" if fm else "defense" if dm else None


def _us_japan(doc: _Doc, mm: _Mention) -> bool | None:
    """True: the mention is of a US–Japan meeting; False: of a meeting of other countries; None: the sentence
    does not say (such a mention may name the document's primary meeting again, never a meeting of its own)."""
    if mm.pair_ok is not None:
        return mm.pair_ok
    if mm.sentence < 0:
        return None
    a, b = doc.sentences[mm.sentence]
    if _US_JAPAN.search(fold_text(doc.text[a:b]).text):
        return True
    countries = {p["country_code"] for p in doc.persons_in(a, b)} - {None}
    if {"JP", "US"} <= countries:
        return True
    if countries - {"JP", "US"} and mm.mtype != "trilateral_summit":
        return False
    if len(countries) == 1 and mm.mtype in ("summit", "phone_call", "video_call"):
        # Ishiba's visit to the White House on Feb. 7, when they held their first summit; 訪米中の首相: one side
        # named, visiting the other's country
        ft = fold_text(doc.text[a:b]).text
        grouping = _GROUPING_WORDS.search(ft)
        for v in ([] if grouping else [*_VISIT_EN.finditer(ft), *_VISIT_JA.finditer(ft)]):
            g = v.groupdict()
            if g.get("jp"):
                host = "JP"
            elif g.get("us"):
                host = "US"
            else:
                host = "JP" if g["c"].lower() in ("japan", "日本") else "US"
            if countries == {"JP", "US"} - {host}:
                return True
    if mm.mtype == "2plus2" and _US_JAPAN.search(fold_text(doc.text).text):
        return True
    if not countries and mm.sentence > 0 and mm.mtype is not None and TYPE_LEVEL.get(mm.mtype) == "leaders":
        # 鳩山首相は…オバマ大統領に語りかけた。昨年11月13日、…で開かれた首脳会談でのことである: the two leaders of the
        # sentence just before
        a0 = doc.sentences[mm.sentence - 1][0]
        if {"JP", "US"} <= {p["country_code"] for p in doc.persons_in(a0, a)}:
            return True
    if mm.collective is not None and not countries and mm.sentence > 0:
        # "The two leaders met ...", 両首脳は…会談: the leaders the sentence before names
        a0 = doc.sentences[max(0, mm.sentence - 2)][0]
        if {"JP", "US"} <= {p["country_code"] for p in doc.persons_in(a0, a)}:
            return True
    return None


# a sentence that only completes the meeting before it: its clock and length, or who attended
_CONTINUATION = re.compile(r"^[^。]{0,30}?(?:から|より)?約?[0-9一二三四五六七八九十]+(?:時間|分間?)(?:半)?(?:にわたり|にわたって)?[。]?$"
                           r"|(?:同席|陪席)(?:した|しました|している|。)")


# a grouping of countries or a multilateral meeting named in the sentence: a visit does not make it US–Japan
_GROUPING_WORDS = re.compile(r"日米[韓比豪印英仏独加伊中]|[韓比豪印]米|豪印|クアッド|G7|G8|G20|APEC|ASEAN|NATO|\bQuad\b|"
                             r"首脳会議|サミット|Summit (?:of|on)|summit of", re.IGNORECASE)


# English names of the countries in a hyphenated grouping before "Summit" (Japan-U.S.-ROK, U.S.-Japan-Philippines)
_EN_COUNTRY = {"JAPAN": "JP", "U.S.": "US", "US": "US", "UNITED STATES": "US", "ROK": "KR", "KOREA": "KR",
               "REPUBLIC OF KOREA": "KR", "SOUTH KOREA": "KR", "PHILIPPINES": "PH", "PHILIPPINE": "PH",
               "AUSTRALIA": "AU", "INDIA": "IN", "CHINA": "CN"}
_EN_GROUPING = re.compile(r"(?:(?:Japan|U\.S\.|US|ROK|Korea|Republic of Korea|South Korea|Philippines?|Australia|India|"
                          r"China)-){2,}(?:Japan|U\.S\.|US|ROK|Korea|Republic of Korea|South Korea|Philippines?|Australia|"
                          r"India|China)\s*(?:Leaders'?\s*)?$")


_ORDINAL = re.compile(r"(?:第)?(?P<n>[0-9]+|[一二三四五六七八九十]+)(?:度目|回目)(?:の)?(?:首脳)?$")


def _ordinal_before(doc: _Doc, mm: _Mention) -> str | None:
    """The ordinal just before a meeting word (3度目の会談, 2回目の首脳会談), as digits."""
    m = _ORDINAL.search(fold_text(doc.text[max(0, mm.src_start - 8):mm.src_start]).text)
    if m is None:
        return None
    n = m.group("n")
    kanji = "一二三四五六七八九"
    return str(kanji.index(n) + 1) if len(n) == 1 and n in kanji else n


def _sentence_persons(doc: _Doc, i: int, before: bool = False) -> list[dict]:
    """The people of sentence i; with ``before``, those of the sentence before when sentence i names nobody."""
    a, b = doc.sentences[i]
    found = doc.persons_in(a, b)
    if not found and before and i > 0:
        found = doc.persons_in(doc.sentences[i - 1][0], a)
    return found


def _dated(doc: _Doc, mm: _Mention, span: tuple[int, int] | None = None) -> tuple[dt.date | None, dict | None]:
    """The date to the day the mention's sentence (or the given part of it) gives, nearest to the meeting word
    (before it first)."""
    a, b = span or doc.sentences[mm.sentence]
    best, best_row, best_dist = None, None, None
    for row in doc.temporal:
        if not (a <= row["char_start"] < b):
            continue
        d = _day_value(row)
        if d is None or row.get("precision") not in ("day", "hour", "minute") or _is_conversion(doc, row):
            continue
        dist = mm.src_start - row["char_end"] if row["char_end"] <= mm.src_start else 2 * (row["char_start"] - mm.src_end) + 1
        if best_dist is None or abs(dist) < best_dist:
            best, best_row, best_dist = d, row, abs(dist)
    return best, best_row


_JA_CHARS = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
_CLAUSE_BREAK = "、，,"
# a clause that ends in a verb's continuative form (来日し、, 会談して、, 訪れ、) goes on into the next one and shares its
# time; one that ends in a noun or a particle (予定で、, 会談は、) does not
_CONTINUATIVE = re.compile(r"(?:[しりきぎみびちいえけせてねめれ]|して|って|んで)$")


def _date_clause(doc: _Doc, mm: _Mention) -> tuple[int, int]:
    """The part of a sentence whose dates are the meeting's: the meeting word's clause (from the clause break
    before it to the end of the sentence), extended back over clauses chained to it by a continuative verb form
    or made of a time expression (17日に来日し、…と会談して: the 17th; 来月三日に来日する予定で、会談も: not the
    meeting's). English sentences are taken whole."""
    a, b = doc.sentences[mm.sentence]
    if not _JA_CHARS.search(doc.text[a:b]):
        return a, b
    start = max([doc.text.rfind(c, a, mm.src_start) for c in _CLAUSE_BREAK] + [a - 1]) + 1
    while start > a:
        brk = start - 1
        prev = max([doc.text.rfind(c, a, brk) for c in _CLAUSE_BREAK] + [a - 1]) + 1
        piece = fold_text(doc.text[prev:brk]).text.rstrip()
        timed = any(prev <= r["char_start"] and brk - 3 <= r["char_end"] <= brk for r in doc.temporal)
        if not (piece and (_CONTINUATIVE.search(piece) or timed)):
            break
        start = prev
    return start, b


def _own_clause(doc: _Doc, mm: _Mention) -> tuple[int, int]:
    a, b = doc.sentences[mm.sentence]
    if not _JA_CHARS.search(doc.text[a:b]):
        return a, b
    return max([doc.text.rfind(c, a, mm.src_start) for c in _CLAUSE_BREAK] + [a - 1]) + 1, b


def _start_time(doc: _Doc, sentences: list[int], params: MeetingParams) -> dict | None:
    for i in sentences:
        a, b = doc.sentences[i]
        for row in doc.temporal:
            if row["kind"] != "datetime" or not row.get("value") or not (a <= row["char_start"] < b):
                continue
            after = fold_text(doc.text[row["char_end"]:min(b, row["char_end"] + params.start_marker_window)]).text
            before = doc.text[max(a, row["char_start"] - 20):row["char_start"]]
            if _START_MARKER.search(after) or _START_BEFORE_EN.search(before):
                return row
    return None


def _duration(doc: _Doc, sentences: list[int], start_row: dict | None, params: MeetingParams) -> int | None:
    cands = []
    for i in sentences:
        a, b = doc.sentences[i]
        for row in doc.temporal:
            if row["kind"] != "duration" or not (a <= row["char_start"] < b):
                continue
            mins = _minutes(row.get("value"))
            if mins is None or mins <= 0 or mins > params.max_duration_minutes:
                continue
            same = start_row is not None and a <= start_row["char_start"] < b
            cands.append((0 if same else 1, row["char_start"], mins))
    return min(cands)[2] if cands else None


# a sentence giving the length of the talks without naming them again: "The leaders' first session ran for about
# 90 minutes", "the talks lasted", 会談は約90分, 最初の会談は
_TALKS_RAN = re.compile(r"\b(?:first|opening|initial) (?:session|round|meeting)\b|\b(?:talks|meeting|session|summit)s?\b"
                        r"[^.;]{0,30}?\b(?:ran|lasted|went on|continued)\b|(?:会談|会合|協議)は[^。]{0,20}?(?:約|およそ)?[0-9０-９一二三四五六七八九十]"
                        r"|(?:最初|第1|第一|初回)の(?:会談|会合|協議)", re.IGNORECASE)


def _only_duration(doc: _Doc, params: MeetingParams) -> int | None:
    """The length of the talks told in a sentence of its own, when it is the only duration the document states."""
    rows = [r for r in doc.temporal if r["kind"] == "duration"]
    if len(rows) != 1:
        return None
    mins = _minutes(rows[0].get("value"))
    if mins is None or mins <= 0 or mins > params.max_duration_minutes:
        return None
    for a, b in doc.sentences:
        if a <= rows[0]["char_start"] < b:
            return mins if _TALKS_RAN.search(doc.text[a:rows[0]["char_end"]]) else None
    return None


def _place(doc: _Doc, sentences: list[int], spans: list[tuple[int, int]] | None = None
           ) -> tuple[Place | None, Place | None, str | None]:
    """City, venue and country of a visit named with a locative in the given sentences (or spans of text). A
    sentence telling of a plan that was dropped (当初は…で開催を調整していたが, originally planned) places nothing."""
    table, regex = load_places()
    city = venue = None
    visit: str | None = None
    for a, b in spans if spans is not None else [doc.sentences[i] for i in sentences]:
        s_text = doc.text[a:b]
        if _ABANDONED.search(s_text):
            continue
        ft = fold_text(s_text)
        for m in regex.finditer(ft.text):
            p = table[m.group(0)]
            after = ft.text[m.end():]
            before = ft.text[:m.start()]
            if before.endswith(("「", "『", "\"", "“")):  # 東京・白金台の「八芳園」に: a name in quotes
                after = after.lstrip("」』\"”")
            if p.kind == "city" and re.match(r"\s*(?:time|時間)", after, re.IGNORECASE):
                continue  # ワシントン時間, Washington time: a zone, not a place
            if re.match(r"(?:['’]s\b|\s*,?\s*(?:said|says|has|had|wants|will|would|is|was)\b| (?-i:[A-Z])[a-z])", after):
                continue  # Washington's partners, Washington said, the Washington Post: a name or a government
            if p.country_code == "JP" and p.kind == "venue" and _FOREIGN_QUALIFIER.search(before):
                continue
            located = bool(_JA_LOCATIVE.match(after)) or bool(_EN_LOCATIVE_BEFORE.search(before))
            if not located and p.kind == "city" and re.match(r"^\s*の", after):
                # ワシントンのホワイトハウスで: the city of a venue named with its locative
                nxt = regex.match(ft.text, m.end() + after.index("の") + 1)
                located = nxt is not None and table[nxt.group(0)].kind == "venue" and bool(
                    _JA_LOCATIVE.match(ft.text[nxt.end():])) or bool(_JA_OF_VENUE.match(after))
            if p.kind == "city" and city is None and located:
                city = p
            elif p.kind == "venue" and venue is None and located:
                venue = p
        for m in _VISIT_JA.finditer(ft.text):
            if _VISIT_HEDGE_BEFORE.search(ft.text[max(0, m.start() - 6):m.start()]) or \
                    _VISIT_HEDGE_AFTER.match(ft.text[m.end():m.end() + 8]):
                continue  # 来年の来日にも意欲, 訪米を予定: a visit planned, not the meeting's
            if visit is None:
                visit = "JP" if (m.group("jp") or m.group("c") == "日本") else "US"
        for m in _VISIT_EN.finditer(ft.text):
            if visit is None:
                visit = "JP" if m.group("c").lower() == "japan" else "US"
    # a venue gives its country, never a city the text does not name (官邸, the Pentagon: city null)
    return city, venue, visit


_VISIT_HEDGE_BEFORE = re.compile(r"(?:来年|来月|来週|近く|年内|早期|次回|将来)(?:の|に)?\s*$")
_VISIT_HEDGE_AFTER = re.compile(r"^\s*(?:を|の|に|も)?(?:予定|に意欲|にも意欲|を招請|を要請|を検討|を調整|を求め|を招待|する予定|へ意欲)")


# the day of the meeting the document reports, said again
_SAME_DAY = re.compile(r"同日|この日|当日|\b(?:on )?the same day\b|\bthat day\b|\blater that day\b", re.IGNORECASE)


# a plan that was given up: its place is not the meeting's
_ABANDONED = re.compile(r"当初[はの]|予定していた(?:が|ものの)|予定していましたが|調整していた(?:が|ものの)|調整していましたが|"
                        r"\b(?:originally|initially) (?:planned|scheduled|set)\b|\bwas (?:called off|cancel+ed)\b",
                        re.IGNORECASE)


def _paragraph_dateline(doc: _Doc, sentences: list[int]) -> Place | None:
    """The city of a dateline opening the paragraph (line) of one of the given sentences."""
    for i in sentences:
        a, _ = doc.sentences[i]
        line_start = doc.text.rfind("\n", 0, a) + 1
        line_end = doc.text.find("\n", a)
        p = dateline_city(doc.text[line_start:line_end if line_end >= 0 else len(doc.text)])
        if p is not None:
            return p
    return None


def _label_end(s: str, m: re.Match[str]) -> int:
    """Where the list after an attendee label ends: at the bracket closing the one the label opens
    (（同席者：…）), else at the end of the sentence (陪席者：（日本側）A外務大臣ほか　（米側）B大使ほか)."""
    opened = s[:m.start()].rstrip()
    if not opened.endswith(("(", "（")):
        return len(s)
    depth = 0
    for i in range(m.end(), len(s)):
        if s[i] in "(（":
            depth += 1
        elif s[i] in ")）":
            if depth == 0:
                return i
            depth -= 1
    return len(s)


def _attendee_regions(doc: _Doc, sentences: list[int]) -> list[tuple[int, int]]:
    regions = []
    for i in sentences:
        a, b = doc.sentences[i]
        s = doc.text[a:b]
        for m in _ATTEND_END.finditer(s):
            begin = max(s.rfind(c, 0, m.start()) for c in "::;;")
            for c, close in (("(", ")"), ("（", "）")):  # an opening bracket not closed before the verb
                o = s.rfind(c, 0, m.start())
                if o > begin and s.find(close, o, m.start()) < 0:
                    begin = o
            regions.append((a + begin + 1, a + m.start()))
        for m in _ATTEND_JOIN.finditer(s):
            begin = max(s.rfind(c, 0, m.start()) for c in "((::;;、,が")
            regions.append((a + begin + 1, a + m.start()))
        for m in _ATTEND_LABEL.finditer(s):  # （同席者：日本側 A大使ほか，米側 B大使ほか）
            regions.append((a + m.end(), a + _label_end(s, m)))
        for m in _ATTEND_EN.finditer(s):
            end = min([x for x in (s.find(".", m.end()), s.find(";", m.end())) if x >= 0] or [len(s)])
            regions.append((a + m.end(), a + end))
    return regions


def _participants(doc: _Doc, mtype: str, level: str | None, d: dt.date | None, sentences: list[int],
                  search_whole_doc: bool, evidence: tuple[int, int], offices: pl.DataFrame,
                  clause: tuple[int, int] | None = None, third: str | None = None) -> list[Participant]:
    out: list[Participant] = []
    seen: set[str] = set()
    spans = [doc.sentences[i] for i in sentences]
    if clause is not None:
        spans = [clause]

    attending = _attendee_regions(doc, sentences)

    def in_spans(p: dict) -> bool:
        # a person named in a 同席 clause (（同席者：日本側 …）, attended by …) attends, never leads
        return any(a <= p["char_start"] and p["char_end"] <= b for a, b in spans) and not any(
            a <= p["char_start"] and p["char_end"] <= b for a, b in attending)

    def pick(country: str, office: str) -> dict | None:
        pool = [p for p in doc.persons if p["role"] == office and p["country_code"] == country]
        near = [p for p in pool if in_spans(p)]
        if not near and _titled_without_office(doc, [x for x in doc.persons if in_spans(x)], country, office):
            return None  # President-elect Trump in the sentence: never the holder the rest of the text names
        cands = near or (pool if search_whole_doc else [])
        cands = sorted(cands, key=lambda p: (bool(p["is_flagged"]), p["char_start"]))
        return cands[0] if cands else None

    def add(eid: str | None, role, country, side, inferred, s, e):
        if eid is None or eid in seen:  # a name that resolved to nobody is no participant
            return
        seen.add(eid)
        out.append(Participant(eid, role, country, side, inferred, doc.doc_id, s, e))

    level = level or TYPE_LEVEL.get(mtype)
    if mtype in ("phone_call", "video_call") and level is None:
        level = "leaders"
    if mtype in ("courtesy_call", "other") or level is None:
        for p in sorted(doc.persons, key=lambda p: p["char_start"]):
            if in_spans(p):
                add(p["entity_id"], p["role"], p["country_code"], "principal", False, p["char_start"], p["char_end"])
        return out
    for country, office in SLOTS[level]:
        p = pick(country, office)
        if p is not None:
            add(p["entity_id"], office, country, "principal", False, p["char_start"], p["char_end"])
            continue
        p = _titled_without_office(doc, [x for x in doc.persons if in_spans(x)], country, office)
        if p is not None:
            # トランプ次期大統領, 前大統領, President-elect: named for the post but not holding it that day (the
            # document's own date); the role is the post if he held it on the meeting's day
            held = p["entity_id"] in _holders(offices, country, office, d)
            add(p["entity_id"], office if held else None, country, "principal", False, p["char_start"], p["char_end"])
            continue
        for eid in _holders(offices, country, office, d):
            add(eid, office, country, "principal", True, evidence[0], evidence[1])
    if mtype == "trilateral_summit":
        n = len(out)
        for p in sorted(doc.persons, key=lambda p: p["char_start"]):
            if in_spans(p) and p["role"] in LEADER_OFFICES and p["country_code"] not in ("JP", "US", None):
                add(p["entity_id"], p["role"], p["country_code"], "principal", False, p["char_start"], p["char_end"])
        if len(out) == n and third is not None:
            # 3首脳による会談は、5月21日に広島で: the third country's leader in office that day
            office = _THIRD_LEADER.get(third, "prime_minister")
            for eid in _holders(offices, third, office, d):
                add(eid, office, third, "principal", True, evidence[0], evidence[1])
    return out


def _titled_without_office(doc: _Doc, persons: list[dict], country: str, office: str) -> dict | None:
    """A person of the country named with the title of the office (次期大統領, 前大統領, President-elect) who does
    not hold it at the meeting's date: the counterpart the text names, with no role."""
    rx = _TITLE_WORDS.get((country, office))
    if rx is None:
        return None
    def titled(p: dict) -> bool:
        return p["role"] is None and p["entity_id"] is not None and p["country_code"] == country and bool(
            rx.search(p["surface"]) or _TITLE_BEFORE.search(doc.text[max(0, p["char_start"] - 30):p["char_start"]]))

    # "Trump" in the sentence, "President-elect Donald Trump" elsewhere in the text: the same counterpart
    key = ("titled", country, office)
    if key not in doc.cache:
        doc.cache[key] = {p["entity_id"] for p in doc.persons if titled(p)}
    elsewhere = doc.cache[key]
    for p in sorted(persons, key=lambda p: p["char_start"]):
        if titled(p) or (p["role"] is None and p["entity_id"] in elsewhere):
            return p
    return None


def _attendees(doc: _Doc, sentences: list[int], principals: set[str]) -> list[Participant]:
    out, seen = [], set(principals)
    for a, b in _attendee_regions(doc, sentences):
        for p in sorted(doc.persons_in(a, b), key=lambda p: p["char_start"]):
            if p["entity_id"] is None or p["entity_id"] in seen:
                continue
            seen.add(p["entity_id"])
            out.append(Participant(p["entity_id"], p["role"], p["country_code"], "attendee", False, doc.doc_id,
                                   p["char_start"], p["char_end"]))
    return out


_ZONE_WORD = re.compile(r"日本時間|日本標準時|現地時間|東部時間|西部時間|ワシントン時間|ハワイ時間|\bJST\b|\bE[SD]?T\b|"
                        r"\bUTC\b|\bGMT\b|local time|Japan time|Tokyo time|Washington time", re.IGNORECASE)


def _start_instant(doc: _Doc, row: dict | None, tz_local: str | None) -> tuple[dt.datetime | None, str | None]:
    """UTC instant of a start time. A time that names its zone (日本時間, 現地時間, JST, ET) is taken as
    resolved; a bare time is a time of the meeting place; with no place (a phone call), a bare time in a
    Japanese sentence is Japan time, as Japanese readouts and news state times, and otherwise unknown."""
    if row is None or not row.get("value"):
        return None, None
    if _ZONE_WORD.search(fold_text(row["surface"]).text):
        v = row.get("value_utc")
        if v is None:
            return None, None
        return (v if v.tzinfo else v.replace(tzinfo=dt.timezone.utc)), row.get("tz_name")
    zone = tz_local
    if zone is None:
        i = _sentence_of(doc.sentences, row["char_start"])
        sent = doc.sentence_text(i) if i >= 0 else ""
        if re.search(r"[\u3040-\u30ff\u4e00-\u9fff]", sent):
            zone = "Asia/Tokyo"
    if zone is None:
        return None, None
    try:
        local = dt.datetime.fromisoformat(row["value"][:19])
    except ValueError:
        return None, None
    return local.replace(tzinfo=ZoneInfo(zone)).astimezone(dt.timezone.utc), zone


def _local_date(start_utc: dt.datetime | None, tz_local: str | None, zone_used: str | None) -> dt.date | None:
    """The start's date at the meeting place, else in the zone the start was read in."""
    zone = tz_local or zone_used
    if start_utc is None or zone is None:
        return None
    return start_utc.astimezone(ZoneInfo(zone)).date()


def _day_of(doc: _Doc, spans: list[tuple[int, int]], skip: dict | None = None) -> dt.date | None:
    """The first date to the day in the given spans of text (in their order)."""
    for a, b in spans:
        rows = [r for r in doc.temporal if a <= r["char_start"] < b and r is not skip and _day_value(r) is not None
                and r.get("precision") in ("day", "hour", "minute") and not _is_conversion(doc, r)]
        if rows:
            return _day_value(rows[0])
    return None


_LOCAL_TIME = re.compile(r"現地時間|local time", re.IGNORECASE)
# a time that states its own day (現地時間16日午後1時40分, 9月14日午後1時30分, April 16 at 1:40 p.m.)
_OWN_DAY = re.compile(rf"\d{{1,2}}日(?!本)|(?:{_MONTHS_EN})\.? \d{{1,2}}\b|\b\d{{1,2}} (?:{_MONTHS_EN})", re.IGNORECASE)
# the same instant restated in another zone, in brackets after the time: （日本時間17日午前2時40分）, (8:45 p.m. Japan time)
_CONVERSION_OPEN = re.compile(r"[(（]\s*$")


def _is_conversion(doc: _Doc, row: dict) -> bool:
    """A time in brackets right after another time: a restatement in another zone, never the meeting's own day."""
    before = doc.text[max(0, row["char_start"] - 2):row["char_start"]]
    if not _CONVERSION_OPEN.search(before):
        return False
    return any(r is not row and r["kind"] in ("datetime", "time") and 0 <= row["char_start"] - r["char_end"] <= 2
               for r in doc.temporal)


def _on_meeting_day(doc: _Doc, row: dict | None, day: dt.date | None) -> dict | None:
    """A start time that gives no day of its own (read against the publication date) takes the day of the meeting
    when the time is the meeting place's: said in local time, or bare in an English report ("The talks began at
    4:10 p.m. local time" after "agreed Tuesday")."""
    if row is None or day is None or row.get("resolved_by") not in ("anchor", "context") or not row.get("value"):
        return row
    surface = fold_text(row["surface"]).text
    if _OWN_DAY.search(surface):
        return row  # 現地時間16日午後1時40分: its day is its own, whatever other dates the text gives
    sentence_i = _sentence_of(doc.sentences, row["char_start"])
    sentence = doc.sentence_text(sentence_i) if sentence_i >= 0 else ""
    local = bool(_LOCAL_TIME.search(surface)) or (not _ZONE_WORD.search(surface) and not _JA_CHARS.search(sentence))
    if not local or row["value"][:10] == day.isoformat():
        return row
    moved = dict(row)
    moved["value"] = day.isoformat() + row["value"][10:]
    moved["value_utc"] = None
    if _ZONE_WORD.search(surface) and row.get("tz_name"):
        try:
            naive = dt.datetime.fromisoformat(moved["value"][:19])
            moved["value_utc"] = naive.replace(tzinfo=ZoneInfo(row["tz_name"])).astimezone(dt.timezone.utc)
        except (ValueError, KeyError):
            return row
    return moved


def _build(doc: _Doc, mtype: str, level: str | None, is_primary: bool, sentences: list[int],
           date_sentences: list[int], own_date: dt.date | None, offices: pl.DataFrame, params: MeetingParams,
           evidence: tuple[int, int], clause: tuple[int, int] | None = None,
           inherit: DocMeeting | None = None, place_sentences: list[int] | None = None,
           continuation: bool = False, third: str | None = None, remote: bool = False,
           place_span: tuple[int, int] | None = None, dateline_sentences: list[int] | None = None,
           date_spans: list[tuple[int, int]] | None = None, mode: str | None = None) -> DocMeeting:
    remote = remote or mtype in ("phone_call", "video_call")
    start_row = _start_time(doc, sentences, params)
    city = venue = None
    country = tz = None
    if not remote:
        city, venue, visit = _place(doc, place_sentences or sentences, [place_span] if place_span else None)
        if city is None and is_primary:
            # a dateline opening the paragraph that reports the meeting places it, if nothing else disagrees
            dl = _paragraph_dateline(doc, dateline_sentences or sentences)
            if dl is not None and (venue is None or venue.country_code == dl.country_code) and (
                    visit is None or visit == dl.country_code):
                city = dl
        country = city.country_code if city else venue.country_code if venue else visit
        if city is not None:
            tz = city.tz_name or _zone_of_place(city.name_ja)
        elif venue is not None:
            tz = venue.tz_name or _zone_of_place(venue.name_ja)
        elif country is not None:
            tz = _COUNTRY_ZONE.get(country)
    date_spans = date_spans if date_spans is not None else [doc.sentences[i] for i in date_sentences]
    start_row = _on_meeting_day(doc, start_row, own_date or _day_of(doc, date_spans, skip=start_row))
    start_utc, zone_used = _start_instant(doc, start_row, tz)
    d = _local_date(start_utc, tz, zone_used)
    if d is None:
        d = own_date
    if d is None:
        d = _day_of(doc, date_spans)
    continuation = continuation and d is not None and inherit is not None and inherit.date_local is not None \
        and 0 <= (d - inherit.date_local).days <= 1
    if inherit is not None and not remote and (d == inherit.date_local or continuation) and city is None \
            and venue is None and country is None:
        city = None if inherit.city is None else Place("city", inherit.city, inherit.city_ja, inherit.country_code or "")
        country, tz = inherit.country_code, inherit.tz_local
        if continuation and inherit.venue is not None:
            venue = Place("venue", inherit.venue, None, inherit.country_code or "")
    dur = _duration(doc, sentences, start_row, params) if clause is None else None
    if dur is None and clause is None and is_primary:
        dur = _only_duration(doc, params)
    parts = _participants(doc, mtype, level, d, sentences, is_primary, evidence, offices, clause, third)
    if is_primary:
        # attendees named in the sentences reporting the meeting or in a lead sentence that reports no other meeting
        parts += _attendees(doc, sorted(set(sentences) | set(place_sentences or [])), {p.entity_id for p in parts})
    return DocMeeting(
        doc_id=doc.doc_id, is_primary=is_primary, meeting_type=mtype, date_local=d, start_utc=start_utc,
        tz_local=tz, city=city.name_en if city else None, city_ja=city.name_ja if city else None,
        country_code=country, venue=venue.name_en if venue else None, duration_minutes=dur,
        evidence_start=evidence[0], evidence_end=evidence[1], participants=parts,
        mode=_meeting_mode(mtype, mode, city, venue),
    )


def _meeting_mode(mtype: str, mode: str | None, city, venue) -> str | None:
    """How the meeting was held, when the text says: a telephone or video word, or a place it was held in."""
    if mode is not None or mtype in ("phone_call", "video_call"):
        return mode or _CALL_MODE[mtype]
    return "in_person" if city is not None or venue is not None else None


def _meeting_date_spans(doc: _Doc, primary: _Mention, found: list[tuple[_Mention, bool | None]],
                        sentences: list[int], again: list[_Mention], title: tuple[int, int] | None,
                        lead: list[int] = ()) -> list[tuple[int, int]]:
    """Where the primary meeting's date may be read, in order: in each sentence reporting it, the clause of its
    meeting word and the clauses chained to it (cut before a later meeting word); a sentence that only follows up
    on it (会談は午後3時から約1時間) whole. A date elsewhere (1960年1月19日に署名された条約, 12月16日に閣議決定した
    文書) belongs to something else: a meeting none of these dates is left undated."""
    spans: list[tuple[int, int]] = []
    again_ids = {id(m) for m in again}
    for i in sentences:
        words = [m for m, _ in found if m.sentence == i and (
            m is primary or id(m) in again_ids or m.topic or (m.mtype == primary.mtype and not m.hedged))]
        if not words:
            if not any(m.sentence == i for m, _ in found):
                spans.append(doc.sentences[i])
            continue
        for m in words:
            a, b = _until_next(doc, m, _date_clause(doc, m), found)
            if title is not None and title[0] <= m.src_start < title[1]:
                b = m.src_end  # a headline's date stands before its meeting word (13日の日米首脳会談)
            spans.append((a, b))
    # a lead sentence naming both sides, whose main clause is dated (水曜日、ワシントンへの国賓訪問中に…発表した):
    # the day of the visit the meeting was part of
    for i in lead:
        if i in sentences or any(m.sentence == i for m, _ in found):
            continue
        a, b = doc.sentences[i]
        sides = {p["country_code"] for p in doc.persons_in(a, b)}
        if not {"JP", "US"} <= sides and not _COLLECTIVE.search(doc.text[a:b]):
            continue
        for r in doc.temporal:
            if a <= r["char_start"] < b and _main_clause_date(doc.text, r["char_start"], r["char_end"], b):
                spans.append((r["char_start"], r["char_end"]))
    return spans


# a date that modifies the sentence's main predicate: followed by a clause break (13日、/ 13日には、/ 水曜日、)
_JA_MAIN_DATE_AFTER = re.compile(r"^(?:に|には|は)?[、，,]")
# an English date governed by another verb (the treaty signed on January 19, 1960; the strategy adopted on ...)
_EN_OTHER_DATE_BEFORE = re.compile(r"(?:signed|adopted|approved|dated|concluded|ratified|issued|decided|enacted|"
                                   r"released|published|of|since|until)\s+(?:on\s+)?$", re.IGNORECASE)


def _main_clause_date(text: str, start: int, end: int, sentence_end: int) -> bool:
    after = fold_text(text[end:min(sentence_end, end + 4)]).text
    if _JA_CHARS.search(text[max(0, start - 2):min(sentence_end, end + 2)]):
        return bool(_JA_MAIN_DATE_AFTER.match(after))
    return not _EN_OTHER_DATE_BEFORE.search(text[max(0, start - 24):start])


def _clause(doc: _Doc, mm: _Mention) -> tuple[int, int]:
    """The clause of a meeting word: back to the previous 、/。/line end, on to the end of the sentence."""
    a, b = doc.sentences[mm.sentence]
    s = doc.text[a:mm.src_start]
    cut = max(s.rfind(c) for c in "、,;;")
    return a + cut + 1, b


def _lead(doc: _Doc, body: list[int], n: int) -> list[int]:
    """The first body sentences up to the n-th one that reads as prose (ends as a sentence does): short labels
    and headings left in the text do not use up the lead."""
    out, prose = [], 0
    for i in body:
        if prose >= n:
            break
        out.append(i)
        if re.search(r"[。.!?！？」”\"')）]\s*$", doc.sentence_text(i)):
            prose += 1
    return out


# a date that names its month (去年3月16日, April 16): not a day read off the publication date alone
_MONTH_NAMED = re.compile(rf"\d{{1,2}}月|[一二三四五六七八九十]+月|{_MONTHS_EN}", re.IGNORECASE)
# a date followed by a place and a locative: 2011年9月21日にニューヨークで, 同年11月12日にはハワイ・ホノルルで
_DAY_THEN_PLACE = re.compile(r"^\s*(?:に|には|にも)?\s*[^、,。]{0,12}?(?:で|において|にて)")


def _dated_places(doc: _Doc, mm: _Mention, span: tuple[int, int]) -> list[tuple[dt.date, tuple[int, int]]]:
    """Two or more dates to the day in the span, each followed by a place with a locative: one (date, text up to the
    next date) per meeting of a list. Empty when the span holds fewer than two such pairs."""
    _, regex = load_places()
    a, b = span
    rows = [r for r in doc.temporal if a <= r["char_start"] < b and _day_value(r) is not None
            and r.get("precision") in ("day", "hour", "minute") and not _is_conversion(doc, r)]
    pairs = []
    for i, r in enumerate(rows):
        end = rows[i + 1]["char_start"] if i + 1 < len(rows) else b
        after = fold_text(doc.text[r["char_end"]:end]).text
        m = _DAY_THEN_PLACE.match(after)
        if m and regex.search(after[:m.end()]):
            pairs.append((_day_value(r), (r["char_start"], end)))
    days = {d for d, _ in pairs}
    return pairs if len(days) >= 2 else []


def _until_next(doc: _Doc, mm: _Mention, span: tuple[int, int], found: list[tuple[_Mention, bool | None]]
                ) -> tuple[int, int]:
    """The span cut at the clause break before the next meeting word of the sentence: the dates of a later clause
    that names a meeting of its own are that meeting's (会談は初めてで、1月21日にテレビ会議方式で行った会談以来)."""
    a, b = span
    nxt = min((m.src_start for m, _ in found if m.sentence == mm.sentence and m.src_start >= mm.src_end), default=None)
    if nxt is None:
        return span
    cut = max(doc.text.rfind(c, mm.src_end, nxt) for c in _CLAUSE_BREAK)
    return (a, cut) if cut > mm.src_end else span


def _late_primary(doc: _Doc, found: list[tuple[_Mention, bool | None]], confirmed: set[int], head: list[int],
                  title_sent: set[int]) -> _Mention | None:
    """The primary meeting introduced after the lead ("The talks, which began ...", "met for about an hour" in the
    third paragraph) when nothing in the title or lead names a meeting: the first meeting word of the body that is not
    a passing reference, if the title or lead names the two sides (their leaders or ministers, 日米, U.S.-Japan) and
    that word is not of another pair. A bare topic word (The talks) takes its level from the people of the head."""
    head_persons = [p for i in head for p in doc.persons_in(*doc.sentences[i])]
    countries = {p["country_code"] for p in head_persons}
    head_level = _person_level(head_persons) if {"JP", "US"} <= countries else None
    head_text = fold_text(" ".join(doc.sentence_text(i) for i in head)).text
    head_ids = {p["entity_id"] for p in head_persons} - {None}
    if head_level is None and not _US_JAPAN.search(head_text):
        # the head names one side only (Noda vows ...): the first US–Japan meeting of the body that this person
        # holds ("On Wednesday, Noda held his first meeting with U.S. President Barack Obama")
        for m, uj in found:
            if m.sentence in title_sent or m.hedged or m.topic:
                continue
            if uj is True and m.mtype is not None and head_ids & {
                    p["entity_id"] for p in doc.persons_in(*doc.sentences[m.sentence])}:
                return m
            if uj is not None:
                return None
        return None
    for m, uj in found:
        if m.sentence in title_sent or m.hedged:
            continue
        if uj is False:
            return None  # the first meeting the body reports is of another pair
        if m.topic:
            if head_level is None:
                return None
            m.mtype, m.level, m.topic = _LEVEL_TYPE[head_level], head_level, False
            return m
        if id(m) in confirmed and m.mtype is not None:
            return m
    return None


def _doc_meetings(doc: _Doc, offices: pl.DataFrame, params: MeetingParams) -> list[DocMeeting]:
    found = [(m, _us_japan(doc, m)) for m in _find_mentions(doc, params) if m.sentence >= 0]
    confirmed = {id(m) for m, uj in found if uj is True}
    if not confirmed and not any(m.topic for m, _ in found):
        return []
    mentions = [m for m, uj in found if uj is not False and not m.topic]
    typed = [m for m in mentions if m.mtype is not None]
    title_sent = set()
    if doc.title_span is not None:
        title_sent = {i for i, (a, b) in enumerate(doc.sentences) if a < doc.title_span[1] and b > doc.title_span[0]}
    body = [i for i in range(len(doc.sentences)) if i not in title_sent]
    lead = _lead(doc, body, params.lead_sentences)
    head = sorted(title_sent) + lead
    # a headline that names a meeting of another pair (日中首脳会談) says what the document is about: a US–Japan
    # meeting it mentions is reported in passing
    title_pairs = [uj for m, uj in found if m.sentence in title_sent and m.mtype is not None and not m.topic]
    about_other = bool(title_pairs) and title_pairs[0] is False
    primary = None if about_other else next(
        (m for m in typed if id(m) in confirmed and not m.hedged and m.sentence in head), None)
    if primary is None and not about_other:
        # a US–Japan meeting word in the title or lead that nothing types still is the document's meeting
        primary = next((m for m in mentions if id(m) in confirmed and not m.hedged and m.sentence in head), None)
        if primary is not None:
            primary.mtype = "other"
    if primary is None and not about_other:
        primary = _late_primary(doc, found, confirmed, head, title_sent)
    if primary is None and not about_other:
        # "Kishida earlier held talks with Biden": wire copy ordering the day's events; the document's meeting when
        # it is the only US–Japan meeting the document reports
        reported = [m for m in typed if id(m) in confirmed and m.sentence not in title_sent]
        if reported and all(m.soft_hedge for m in reported) and len({m.mtype for m in reported}) == 1:
            primary = reported[0]
            primary.hedged = False
    out: list[DocMeeting] = []
    primary_sents: list[int] = []
    if primary is not None:
        head_dates = {_day_value(r) for r in doc.temporal for i in head
                      if doc.sentences[i][0] <= r["char_start"] < doc.sentences[i][1] and _day_value(r) is not None}
        # the dates the primary's own sentence (or, for a headline, the first lead sentence) gives
        first_dates = {_day_value(r) for r in doc.temporal for i in {primary.sentence, *lead[:1]}
                       if doc.sentences[i][0] <= r["char_start"] < doc.sentences[i][1] and _day_value(r) is not None}

        def same_meeting(m: _Mention) -> bool:
            d = _dated(doc, m, _until_next(doc, m, _date_clause(doc, m), found))[0]
            if d is None or d in first_dates:
                return True
            # a date of its own in the lead names the primary again unless the primary's sentence gives another
            return m.sentence in head and not first_dates or (m.sentence not in head and d in head_dates)

        named_jp = {p["entity_id"] for p in _sentence_persons(doc, primary.sentence) if p["country_code"] == "JP"}

        def other_people(m: _Mention) -> bool:
            # 鳩山首相 … 首脳会談 when the document's meeting is 菅首相's: another meeting of other people
            attending = _attendee_regions(doc, [m.sentence])
            jp = {p["entity_id"] for p in _sentence_persons(doc, m.sentence, before=True) if p["country_code"] == "JP"
                  and not any(x <= p["char_start"] and p["char_end"] <= y for x, y in attending)}
            return bool(named_jp) and bool(jp) and not (jp & named_jp)

        # 菅首相、オバマ大統領と3度目の会談 … 横浜で、3度目の会談が開かれた: the same ordinal names the same meeting
        ordinal = _ordinal_before(doc, primary)
        again = [m for m in mentions if ordinal is not None and m is not primary and m.sentence not in title_sent
                 and _ordinal_before(doc, m) == ordinal]
        for m in again:
            m.mtype = m.mtype or primary.mtype
        own = {m.sentence for m in typed if m.mtype == primary.mtype and not m.hedged and m is not primary and
               not _ANOTHER.search(fold_text(doc.sentence_text(m.sentence)).text) and same_meeting(m)
               and not other_people(m)} | {m.sentence for m in again}
        # 会談は…, The talks began…: a bare meeting noun as a topic after the meeting is introduced is that meeting
        topics = {m.sentence for m, _ in found if m.topic and m.src_start > primary.src_start}
        primary_sents = sorted(own | topics | {primary.sentence})
        # 3度目の会談が開かれた。午前10時30分から約1時間。日本側から…が同席した。: the sentences right after the
        # meeting's own that give its clock, length or attendees and name no meeting are about it
        worded = {m.sentence for m, _ in found}
        for i in [j for j in primary_sents if j not in title_sent]:
            j = i + 1
            while j < len(doc.sentences) and j not in worded and j not in primary_sents and \
                    _CONTINUATION.search(fold_text(doc.sentence_text(j)).text):
                primary_sents.append(j)
                j += 1
        primary_sents = sorted(set(primary_sents))
        own_date = None

        def build_primary(sents: list[int], own_date: dt.date | None) -> DocMeeting:
            body_sents = [i for i in sents if i not in title_sent] or sents
            others = {m.sentence for m, _ in found if m.sentence not in sents}
            # the sentences reporting the meeting first, then the lead: a late primary's own day ("On Wednesday,
            # Noda held ...") before the lead's other events ("arrived here Tuesday")
            date_spans = _meeting_date_spans(doc, primary, found, sorted(body_sents) + sorted(title_sent), again,
                                             doc.title_span, lead)
            place_sents = sorted(set(body_sents) | {i for i in lead if i not in others})
            return _build(doc, primary.mtype, primary.level, True, body_sents, [], own_date, offices,
                          params, doc.sentences[body_sents[0]], place_sentences=place_sents, third=primary.third,
                          remote=primary.remote, mode=primary.mode, dateline_sentences=sorted(set(body_sents) | set(lead[:1])),
                          date_spans=date_spans)

        dm = build_primary(primary_sents, None)
        if dm.date_local is None:
            # the first later report of a meeting of the same type and principals with a date is this meeting
            for m in typed:
                if m.src_start <= primary.src_start or m.mtype != primary.mtype or m.hedged:
                    continue
                d, _ = _dated(doc, m, _date_clause(doc, m))
                if d is None:
                    continue
                cand = _build(doc, m.mtype, m.level, False, [m.sentence], [m.sentence], d, offices, params,
                              doc.sentences[m.sentence], _clause(doc, m))
                named = {p.entity_id for p in dm.participants if p.side == "principal" and not p.is_inferred}
                if named and not named <= set(cand.principals()):
                    break
                primary_sents = sorted(set(primary_sents) | {m.sentence})
                dm = build_primary(primary_sents, d)
                break
        out.append(dm)
    for m in typed:
        if primary is not None and m.sentence in primary_sents and m.mtype == primary.mtype:
            continue
        if m is primary:
            continue
        # 両首脳は来月十日に…首脳会談: the leaders of the document's US–Japan meeting
        if id(m) not in confirmed and not (primary is not None and m.collective):
            continue
        d, drow = _dated(doc, m, _until_next(doc, m, _date_clause(doc, m), found))
        if d is None and primary is not None and out[0].date_local is not None and _SAME_DAY.search(
                fold_text(doc.text[doc.sentences[m.sentence][0]:m.src_start]).text):
            # 両首脳はこの日、…首脳会談を行い; on the same day, the two leaders held ...: the primary meeting's day
            d, drow = out[0].date_local, {"resolved_by": "same_day", "surface": "同日"}
        if d is None:
            continue
        sentence = fold_text(doc.sentence_text(m.sentence)).text
        another = primary is not None and m.mtype == primary.mtype and bool(_ANOTHER.search(sentence))
        if primary is not None and out[0].date_local is not None and m.mtype == primary.mtype and not m.hedged \
                and drow.get("resolved_by") == "anchor" and not another \
                and not _MONTH_NAMED.search(fold_text(drow["surface"]).text):
            continue  # "met today", "火曜日に会談": a day read off the publication date names the meeting reported
        if _ARRANGING.search(fold_text(doc.text[m.src_end:doc.sentences[m.sentence][1]]).text) and \
                _dated(doc, m, _own_clause(doc, m))[0] is None:
            continue  # a meeting being arranged, with no date of its own
        clause = _clause(doc, m)
        ev = doc.sentences[m.sentence]
        third = m.third
        if third is None and m.mtype == "trilateral_summit" and primary is not None \
                and primary.mtype == "trilateral_summit":
            third = next((p.country_code for p in out[0].participants if p.side == "principal"
                          and p.country_code not in ("JP", "US", None)), None)
        # 9月21日にニューヨークで、11月12日にはホノルルで行って以来: one meeting for each day and place of a list
        listed = _dated_places(doc, m, _date_clause(doc, m)) or [(d, None)]
        for day, place_span in listed:
            dm = _build(doc, m.mtype, m.level, False, [m.sentence], [m.sentence], day, offices, params, ev, clause,
                        inherit=out[0] if primary is not None else None,
                        continuation=another and bool(_SAME_TALKS.search(sentence)), third=third,
                        remote=m.remote, mode=m.mode, place_span=place_span)
            if dm.meeting_type in ("courtesy_call", "other") and len(dm.participants) < 2:
                continue
            out.append(dm)
    # one row per meeting per document; a later sentence reporting the same meeting fills what the first left out
    uniq: dict[tuple, DocMeeting] = {}
    for dm in out:
        k = dm.key()
        first = uniq.get(k)
        if first is None:
            uniq[k] = dm
            continue
        if first.city is None and first.venue is None and first.country_code is None:
            for f in ("city", "city_ja", "country_code", "venue", "tz_local"):
                setattr(first, f, getattr(dm, f))
        for f in ("start_utc", "duration_minutes", "mode"):
            if getattr(first, f) is None:
                setattr(first, f, getattr(dm, f))
    return list(uniq.values())


# ---------------------------------------------------------------------------------------------------------
# frames


def _rows_by_doc(frame: pl.DataFrame | None) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {}
    if frame is None or frame.is_empty():
        return out
    for row in frame.sort("doc_id", "char_start").iter_rows(named=True):
        out.setdefault(row["doc_id"], []).append(row)
    return out


def find_doc_meetings(documents: pl.DataFrame, temporal: pl.DataFrame, mentions: pl.DataFrame,
                      offices: pl.DataFrame, params: MeetingParams = MeetingParams()) -> list[DocMeeting]:
    """Meetings as each document reports them.

    documents: doc_id, text, and optionally title_start/title_end (the title's span in `text`).
    temporal: the temporal_mentions columns; mentions: the mentions columns (people with role, country_code);
    offices: entity_id, office, country_code, start_date, end_date.
    """
    t_by = _rows_by_doc(temporal)
    p_by = _rows_by_doc(mentions.filter(pl.col("entity_type") == "person") if not mentions.is_empty() else mentions)
    has_title = "title_start" in documents.columns
    out: list[DocMeeting] = []
    for row in documents.sort("doc_id").iter_rows(named=True):
        text = row["text"] or ""
        if not text:
            continue
        title = (row["title_start"], row["title_end"]) if has_title and row["title_start"] is not None else None
        doc = _Doc(row["doc_id"], text, title, t_by.get(row["doc_id"], []), p_by.get(row["doc_id"], []),
                   sentence_spans(text))
        out.extend(_doc_meetings(doc, offices, params))
    return out


def primary_dates(doc_meetings: list[DocMeeting]) -> pl.DataFrame:
    """doc_id → date of the document's primary meeting (for re-resolving offices at that date)."""
    rows = [(m.doc_id, m.date_local) for m in doc_meetings if m.is_primary]
    return pl.DataFrame(rows, schema={"doc_id": pl.Utf8, "meeting_date": pl.Date}, orient="row")


_FIELDS = ("date_local", "start_utc", "tz_local", "city", "city_ja", "country_code", "venue", "duration_minutes",
           "mode")


def merge_meetings(doc_meetings: list[DocMeeting]) -> dict[str, pl.DataFrame]:
    """One row per meeting whatever the number and order of its reports: `meetings`, `meeting_participants`,
    `meeting_sources` (schemas' columns). Fields come from primary reports first, then by doc_id."""
    groups: dict[tuple, list[DocMeeting]] = {}
    for dm in doc_meetings:
        groups.setdefault(dm.key(), []).append(dm)
    meetings, parts, sources = [], [], []
    for _, reports in sorted(groups.items(), key=lambda kv: meeting_id(kv[1][0])):
        reports = sorted(reports, key=lambda r: (not r.is_primary, r.doc_id))
        mid = meeting_id(reports[0])
        row = {"meeting_id": mid, "meeting_type": reports[0].meeting_type}
        for f in _FIELDS:
            row[f] = next((getattr(r, f) for r in reports if getattr(r, f) is not None), None)
        # place fields travel together from one report
        # the report that places it most precisely: a city, else a venue, else a country (first by the order above)
        placed = max(reports, key=lambda r: (r.city is not None, r.venue is not None, r.country_code is not None))
        if not (placed.city or placed.country_code or placed.venue):
            placed = None
        if placed is not None:
            for f in ("city", "city_ja", "country_code", "venue", "tz_local"):
                row[f] = getattr(placed, f) if getattr(placed, f) is not None else row[f]
        by_doc: dict[str, DocMeeting] = {}
        for r in reports:
            by_doc.setdefault(r.doc_id, r)
        row["n_sources"] = len(by_doc)
        meetings.append(row)
        for doc_id, r in sorted(by_doc.items()):
            sources.append({"meeting_id": mid, "doc_id": doc_id, "is_primary": r.is_primary,
                            "evidence_start": r.evidence_start, "evidence_end": r.evidence_end})
        seen: dict[str, dict] = {}
        for r in reports:
            for p in r.participants:
                prev = seen.get(p.entity_id)
                cand = {"meeting_id": mid, "entity_id": p.entity_id, "role": p.role, "country_code": p.country_code,
                        "side": p.side, "is_inferred": p.is_inferred, "evidence_doc_id": p.doc_id,
                        "evidence_start": p.start, "evidence_end": p.end}
                if prev is None or (prev["is_inferred"] and not p.is_inferred) or (
                        prev["side"] == "attendee" and p.side == "principal"):
                    seen[p.entity_id] = cand
        parts.extend(seen.values())
    return {
        "meetings": _frame("meetings", meetings),
        "meeting_participants": _frame("meeting_participants", parts),
        "meeting_sources": _frame("meeting_sources", sources),
    }


def _frame(table: str, rows: list[dict]) -> pl.DataFrame:
    schema = schemas.polars_schema(table)
    if not rows:
        return schemas.empty_frame(table)
    return schemas.conform(table, pl.DataFrame(rows, schema=schema))


def find_meetings(documents: pl.DataFrame, temporal: pl.DataFrame, mentions: pl.DataFrame,
                  offices: pl.DataFrame, params: MeetingParams = MeetingParams()) -> dict[str, pl.DataFrame]:
    """`meetings`, `meeting_participants` and `meeting_sources` from documents and their mentions."""
    return merge_meetings(find_doc_meetings(documents, temporal, mentions, offices, params))
