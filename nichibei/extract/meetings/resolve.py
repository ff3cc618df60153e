"""Meetings: a meeting's date, start, duration, place and participants, from the sentences reporting it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import unicodedata
from zoneinfo import ZoneInfo

import polars as pl

from nichibei.extract.entities.folding import fold_text
from nichibei.extract.meetings.lengths import _duration, _field_spans, _only_duration
from nichibei.extract.meetings.mentions import _attendee_regions, _countries_named
from nichibei.extract.meetings.places import (Place, _COUNTRY_ZONE, _zone_of_place, byline_city, city_named,
                                             dateline_city, load_places)
from nichibei.extract.meetings.records import (DocMeeting, LEADER_OFFICES, MeetingParams, Participant, SLOTS,
                                               TYPE_LEVEL, _CALL_MODE, _Doc, _Mention, _day_value, _holders,
                                               _sentence_of)
from nichibei.extract.meetings.words import (_ABANDONED, _BILATERAL_WORD, _CIRCUMSTANCE, _CLAUSE_BREAK, _COLLECTIVE,
                                             _CONTINUATIVE, _CONVERSION_OPEN, _DAY_PART_HOURS, _DAY_THEN_PLACE,
                                             _EN_LOCATIVE_BEFORE, _EN_NEAR_BEFORE, _EN_OTHER_DATE_BEFORE,
                                             _FOREIGN_QUALIFIER, _JAPAN_TIME, _JA_CHARS, _JA_LOCATIVE,
                                             _JA_MAIN_DATE_AFTER, _JA_MEETING, _JA_NEAR, _JA_OF_VENUE, _JUST_HELD,
                                             _LOCAL_TIME, _MULTILATERAL_COUNTRIES, _OF_COUNTRY, _ORDINAL, _OWN_DAY,
                                             _PLACE_LINE, _SAME_DAY_TITLE, _START_BEFORE_EN, _START_MARKER,
                                             _THIRD_LEADER, _TITLE_BEFORE, _TITLE_WORDS, _VISIT_EN, _VISIT_HEDGE_AFTER,
                                             _VISIT_HEDGE_BEFORE, _visit_host, _VISIT_JA, _ZONE_WORD)


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
        # a time expression ending the clause, a zone in brackets after it included (2日午前9時（米東部時間）、)
        timed = any(prev <= r["char_start"] and (brk - 3 <= r["char_end"] <= brk or (
            r["char_end"] <= brk and _ZONE_BRACKET.match(doc.text[r["char_end"]:brk]))) for r in doc.temporal)
        # a clause of circumstance (サミットを前に) that gives no date of its own
        aside = bool(_CIRCUMSTANCE.search(piece)) and not any(prev <= r["char_start"] < brk for r in doc.temporal)
        if not (piece and (_CONTINUATIVE.search(piece) or timed or aside or _passes_through(doc, piece, prev, brk))):
            break
        start = prev
    return start, b


def _passes_through(doc: _Doc, piece: str, start: int, end: int) -> bool:
    """A clause between the day and the meeting word that is only its place (キャンプ・デービッドで、) or one
    person of a list (バイデン大統領、韓国のユン大統領と…会談): the day still governs the meeting."""
    persons = doc.persons_in(start, end)
    if len(persons) > 1:
        return False
    rest = piece
    if persons:
        p = persons[0]
        rest = fold_text(doc.text[start:p["char_start"]] + doc.text[p["char_end"]:end]).text.strip()
    _, places = load_places()
    m = places.search(rest)
    if m is not None and _PLACE_LOCATIVE.match(rest[m.end():]) and len(rest[:m.start()]) <= 6:
        return True  # ワシントンで / ワシントンでブリンケン国務長官 / キャンプ・デービッドで
    return bool(persons) and len(rest) <= 4  # バイデン大統領 / 韓国のユン大統領: one of a list


# the locative after a place, and nothing else (in front of a person it names: ワシントンでブリンケン国務長官)
_PLACE_LOCATIVE = re.compile(r"^(?:で|において|にて)$")
_ZONE_BRACKET = re.compile(r"^\s*[（(][^（）()]{1,12}[）)]\s*$")


def _own_clause(doc: _Doc, mm: _Mention) -> tuple[int, int]:
    a, b = doc.sentences[mm.sentence]
    if not _JA_CHARS.search(doc.text[a:b]):
        return a, b
    return max([doc.text.rfind(c, a, mm.src_start) for c in _CLAUSE_BREAK] + [a - 1]) + 1, b


def _start_time(doc: _Doc, sentences: list[int], params: MeetingParams) -> dict | None:
    """The clock the meeting began at: one marked as a start (午後3時15分から, beginning at) first, else one standing
    as the time of the meeting's own clause."""
    clause_clock = None
    for i in sentences:
        a, b = doc.sentences[i]
        for row in doc.temporal:
            if row["kind"] != "datetime" or not row.get("value") or not (a <= row["char_start"] < b):
                continue
            after = fold_text(doc.text[row["char_end"]:min(b, row["char_end"] + params.start_marker_window)]).text
            before = doc.text[max(a, row["char_start"] - 20):row["char_start"]]
            if _START_MARKER.search(after) or _START_BEFORE_EN.search(before):
                return row
            if clause_clock is None and _clock_of_the_talks(doc, row, b):
                clause_clock = row
    return clause_clock


_CLOCK_THEN_COMMA = re.compile(r"^\s*(?:[（(][^（）()]{1,12}[）)])?\s*[、,]")


def _clock_of_the_talks(doc: _Doc, row: dict, sentence_end: int) -> bool:
    """岸田首相は2日午前9時（米東部時間）、ワシントンでバイデン米大統領と会談した: a clock standing as the time of the
    clause of the meeting word, no other verb between them (not 9時、ホワイトハウスに到着し、…会談した) nor around
    it (18時45分、…が「2+2」を実施したことを公表した)."""
    rest = fold_text(doc.text[row["char_end"]:sentence_end]).text
    m = _CLOCK_THEN_COMMA.match(rest)
    word = _JA_MEETING.search(rest, m.end()) if m else None
    if word is None:
        return False
    pieces = rest[m.end():word.start()].split("、")
    # (…を実施したことを公表した: the meeting in a clause of another verb, the clock that verb's)
    return not any(_CONTINUATIVE.search(p.rstrip()) for p in pieces[:-1]) and "こと" not in rest[word.end():]


def _place(doc: _Doc, sentences: list[int], spans: list[tuple[int, int]] | None = None
           ) -> tuple[Place | None, Place | None, str | None]:
    """City, venue and country of a visit named with a locative in the given sentences (or spans of text). A
    sentence telling of a plan that was dropped (当初は…で開催を調整していたが, originally planned) places nothing."""
    table, regex = load_places()
    city = venue = near = None
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
            if p.kind == "city" and (_JA_NEAR.match(after) or _EN_NEAR_BEFORE.search(before)):
                near = near or dataclasses.replace(p, kind="near")  # サンフランシスコ近郊で: not the city itself
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
        if visit is None:
            visit = _visit_in(ft.text)
    # a venue gives its country, never a city the text does not name (官邸, the Pentagon: city null); a place near
    # a city, that city's country and zone as a city of kind "near"
    return city or (near if venue is None else None), venue, visit


def _visit_in(text: str) -> str | None:
    """The country the first visit a folded text tells of goes to (訪米, a visit to Japan); a visit planned is none."""
    for m in _VISIT_JA.finditer(text):
        if _VISIT_HEDGE_BEFORE.search(text[max(0, m.start() - 6):m.start()]) or \
                _VISIT_HEDGE_AFTER.match(text[m.end():m.end() + 8]):
            continue  # 来年の来日にも意欲, 訪米を予定: a visit planned, not the meeting's
        if (host := _visit_host(m)) is not None:
            return host
    return next((host for m in _VISIT_EN.finditer(text) if (host := _visit_host(m)) is not None), None)


def _day_of_the_record(doc: _Doc, lead: list[int]) -> dt.date | None:
    """The publication date, for the meeting of a page that records it on its day: remarks before a bilateral
    meeting, at an arrival ceremony, the readout of a meeting or a call (by its title, rules/same_day_titles.csv),
    when its lead states no other day."""
    if doc.published is None or doc.title_span is None:
        return None
    title = doc.text[doc.title_span[0]:doc.title_span[1]]
    if not _SAME_DAY_TITLE.search(unicodedata.normalize("NFKC", title)):
        return None
    return _published_unless_the_lead_says_otherwise(doc, lead)


def _published_unless_the_lead_says_otherwise(doc: _Doc, lead: list[int]) -> dt.date | None:
    """The publication date when the first three lead sentences give no other day."""
    spans = [doc.sentences[i] for i in lead[:3]]
    days = {r["value"][:10] for r in doc.temporal if r.get("value") and r.get("kind") in ("date", "datetime", "weekday")
            and any(a <= r["char_start"] < b for a, b in spans)}
    return doc.published if days <= {doc.published.isoformat()} else None


def _just_held(doc: _Doc, sentences: list[int], lead: list[int]) -> dt.date | None:
    """The publication date, for a meeting one of its sentences reports as just ended ("Just finished the
    trilateral meeting", 先ほど会談を終えた), when the lead states no other day."""
    if doc.published is None or not any(_JUST_HELD.search(fold_text(doc.sentence_text(i)).text) for i in sentences):
        return None
    return _published_unless_the_lead_says_otherwise(doc, lead)


def _visit_of_the_document(doc: _Doc) -> str | None:
    """The country every visit of the text goes to, when its visits agree on one."""
    if "visit" not in doc.cache:
        hosts = {_visit_in(fold_text(doc.text[a:b]).text) for a, b in doc.sentences
                 if not _ABANDONED.search(doc.text[a:b])} - {None}
        doc.cache["visit"] = next(iter(hosts)) if len(hosts) == 1 else None
    return doc.cache["visit"]


def _place_line(doc: _Doc, lines: int = 4, en_route: bool = False) -> Place | None:
    """The city of the place line in the first lines under the title (Phnom Penh, Cambodia), if the gazetteer
    knows it; with `en_route`, only a line of travellers on their way there (Aboard Air Force One En Route Lima,
    Peru)."""
    if doc.title_span is None:
        return None
    for line in doc.text[doc.title_span[1]:].lstrip("\n").split("\n")[:lines]:
        m = _PLACE_LINE.match(line.strip())
        if m is not None and (p := city_named(m.group("city"))) is not None and (m.group("route") or not en_route):
            return p
    return None


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

    def add(eid: str | None, role, country, side, inferred, s, e):
        if eid is None or eid in seen:  # a name that resolved to nobody is no participant
            return
        seen.add(eid)
        out.append(Participant(eid, role, country, side, inferred, doc.doc_id, s, e))

    level = level or TYPE_LEVEL.get(mtype)
    if mtype in ("phone_call", "video_call") and level is None:
        level = "leaders"
    # a courtesy call or another meeting (the Vice President's) takes the people of its sentences; ministers of
    # three countries (日米韓外相会合) fill their level's posts
    if mtype == "courtesy_call" or (mtype == "other" and level not in ("foreign", "defense")) or level is None:
        for p in sorted(doc.persons, key=lambda p: p["char_start"]):
            if in_spans(p) and not _possessive_aside(doc, p):
                add(p["entity_id"], p["role"], p["country_code"], "principal", False, p["char_start"], p["char_end"])
        return out
    for country, office in SLOTS[level]:
        p = _named_for_office(doc, country, office, in_spans, search_whole_doc)
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
        _add_third_leader(doc, offices, d, third, evidence, in_spans, add, out)
    return out


def _add_third_leader(doc: _Doc, offices: pl.DataFrame, d: dt.date | None, third: str | None,
                      evidence: tuple[int, int], in_spans, add, out: list[Participant]) -> None:
    """A trilateral's third leader (`add`-ed to `out`): named in its sentences, else named anywhere in the text,
    else the holder of the third country's office that day."""
    n = len(out)
    for p in sorted(doc.persons, key=lambda p: p["char_start"]):
        if in_spans(p) and p["role"] in LEADER_OFFICES and p["country_code"] not in ("JP", "US", None):
            add(p["entity_id"], p["role"], p["country_code"], "principal", False, p["char_start"], p["char_end"])
    named = [p for p in sorted(doc.persons, key=lambda p: p["char_start"])
             if p["country_code"] == third and p["role"] in LEADER_OFFICES] if third is not None else []
    if len(out) == n and named:
        # the third leader named elsewhere in the text (in the title of the remarks): that leader
        p = named[0]
        add(p["entity_id"], p["role"], third, "principal", False, p["char_start"], p["char_end"])
    elif len(out) == n and third is not None:
        # 3首脳による会談は、5月21日に広島で: the third country's leader in office that day
        office = _THIRD_LEADER.get(third, "prime_minister")
        for eid in _holders(offices, third, office, d):
            add(eid, office, third, "principal", True, evidence[0], evidence[1])


_MEETING_AFTER_POSSESSIVE = re.compile(r"['’]s\s+(?:[\w-]+\s+){0,2}?(?:meeting|call|talks|conversation|visit)\b", re.IGNORECASE)


def _possessive_aside(doc: _Doc, p: dict) -> bool:
    """A person in the possessive of something other than a meeting ("the President's upcoming trip"): what the
    talks are about, not a side of them ("Vice President Harris's Meeting with" is a side)."""
    after = doc.text[p["char_end"]:p["char_end"] + 40]
    return after[:2] in ("'s", "’s") and not _MEETING_AFTER_POSSESSIVE.match(after)


# the meetings of the two countries' leaders: one the Vice President leads for the United States is of another kind
_LEADERS_TYPES = ("summit", "phone_call", "video_call", "trilateral_summit")


def _offices_countries(text: str) -> set[str]:
    """The countries of the offices an English text names by "of <country>" (President Yoon of the Republic of
    Korea, Prime Minister Luxon of New Zealand)."""
    return {c for m in _OF_COUNTRY.finditer(text) for c in _countries_named(m.group(0))}


def _not_led_by_the_leaders(doc: _Doc, mtype: str, sentences: list[int], clause: tuple[int, int] | None) -> bool:
    """The two sides of a leaders' meeting are not the two leaders: leaders of four countries or more meet, the Vice
    President leads for the United
    States (Vice President Harris met with Prime Minister Kishida), or officials are named for both sides and
    neither leader (National Security Advisor Sullivan met with Akiba Takeo): named in the meeting's sentences."""
    if mtype not in _LEADERS_TYPES:
        return False
    spans = [clause] if clause is not None else [doc.sentences[i] for i in sentences]
    attending = _attendee_regions(doc, sentences)
    # (a person in the possessive, "the President's upcoming trip", is what the talks are about, not a side)
    named = [p for p in doc.persons if any(a <= p["char_start"] and p["char_end"] <= b for a, b in spans)
             and not any(a <= p["char_start"] and p["char_end"] <= b for a, b in attending)
             and not _possessive_aside(doc, p)]
    us = {p["role"] for p in named if p["country_code"] == "US"}
    jp = {p["role"] for p in named if p["country_code"] == "JP"}
    # the countries of the people named, and of the offices named ("Prime Minister Christopher Luxon of New Zealand")
    sides = {p["country_code"] for p in named} | {c for a, b in spans for c in _offices_countries(doc.text[a:b])}
    if len(sides - {None}) >= _MULTILATERAL_COUNTRIES and not any(
            _BILATERAL_WORD.search(doc.text[a:b]) for a, b in spans):
        return True  # Biden met with Yoon, Kishida, Luxon and Marles on the margins of NATO: a meeting of many
    if "president" in us:
        return False
    return "vice_president" in us or ("prime_minister" not in jp and bool(us - {None}) and bool(jp))


def _named_for_office(doc: _Doc, country: str, office: str, in_spans, search_whole_doc: bool) -> dict | None:
    """The person named with this office in the meeting's sentences (else anywhere in the document, when asked)."""
    pool = [p for p in doc.persons if p["role"] == office and p["country_code"] == country]
    near = [p for p in pool if in_spans(p)]
    if not near and _titled_without_office(doc, [x for x in doc.persons if in_spans(x)], country, office):
        return None  # President-elect Trump in the sentence: never the holder the rest of the text names
    cands = near or (pool if search_whole_doc else [])
    cands = sorted(cands, key=lambda p: (bool(p["is_flagged"]), p["char_start"]))
    return cands[0] if cands else None


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


def _start_instant(doc: _Doc, row: dict | None, tz_local: str | None) -> tuple[dt.datetime | None, str | None]:
    """UTC instant of a start time. A time that names its zone (日本時間, 現地時間, JST, ET) is taken as
    resolved; a bare time is a time of the meeting place (of the publisher's zone, for NHK); with no place (a
    phone call), a bare time in a Japanese sentence is Japan time, as Japanese readouts and news state times, and
    otherwise unknown."""
    if row is None or not row.get("value"):
        return None, None
    if _ZONE_WORD.search(fold_text(row["surface"]).text):
        v = row.get("value_utc")
        if v is None:
            return None, None
        return (v if v.tzinfo else v.replace(tzinfo=dt.timezone.utc)), row.get("tz_name")
    i = _sentence_of(doc.sentences, row["char_start"])
    japanese = bool(re.search(r"[\u3040-\u30ff\u4e00-\u9fff]", doc.sentence_text(i) if i >= 0 else ""))
    # NHK tells a bare time in Japan time wherever the meeting is; others in the time of the meeting place
    zone = doc.house_zone if japanese and doc.house_zone else tz_local
    if zone is None and japanese:
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


def _local_day_of_japan_time(doc: _Doc, row: dict, tz: str | None) -> tuple[bool, dt.date | None]:
    """A day stated in Japan time (日本時間の22日未明) for a meeting in another zone: (True, the local day) when
    the part of the day it names falls on one local day, (True, None) when it does not; (False, None) when the
    day is not stated in Japan time."""
    if tz is None or tz == "Asia/Tokyo" or row.get("kind") != "date":
        return False, None
    surface = fold_text(doc.text[max(0, row["char_start"] - 6):row["char_end"]]).text
    if not _JAPAN_TIME.search(surface):
        return False, None
    day = _day_value(row)
    hours = next(((f, t) for w, f, t in _DAY_PART_HOURS if w in fold_text(row["surface"]).text), (0, 24))
    start = dt.datetime.combine(day, dt.time(), ZoneInfo("Asia/Tokyo")) + dt.timedelta(hours=hours[0])
    end = dt.datetime.combine(day, dt.time(), ZoneInfo("Asia/Tokyo")) + dt.timedelta(hours=hours[1], minutes=-1)
    a, b = start.astimezone(ZoneInfo(tz)).date(), end.astimezone(ZoneInfo(tz)).date()
    return True, (a if a == b else None)


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


def _meeting_place(doc: _Doc, is_primary: bool, sentences: list[int], place_span: tuple[int, int] | None,
                   dateline_sentences: list[int]) -> tuple[Place | None, Place | None, str | None, str | None, bool]:
    """City, venue, country and zone of a meeting held in person, from its sentences (or the span given), the
    transcript's place line, the paragraph's dateline and, for the document's meeting, the visit the text tells of;
    and whether the text names a place it was held at (a city, a venue, or near a city)."""
    tz = None
    city, venue, visit = _place(doc, sentences, [place_span] if place_span else None)
    near = city if city is not None and city.kind == "near" else None
    if near is not None:
        city, visit = None, near.country_code
    line = _place_line(doc) if is_primary else None
    if line is not None and (city is None or city.country_code != line.country_code or venue is None):
        # the transcript's place line, not a city named in its talk ("in Seoul two weeks ago")
        city = line
        venue = venue if venue is not None and venue.country_code == line.country_code else None
        visit = None
    if city is None and is_primary:
        # a dateline opening the paragraph that reports the meeting places it, if nothing else disagrees
        dl = _paragraph_dateline(doc, dateline_sentences) or byline_city(doc.text)
        if dl is not None and (venue is None or venue.country_code == dl.country_code) and (
                visit is None or visit == dl.country_code):
            city = dl
    if city is None and venue is not None and venue.city == venue.name_en:
        # Camp David: a venue that is its own place, named as the city too
        city = Place("city", venue.name_en, venue.name_ja, venue.country_code, None, venue.tz_name)
    country = city.country_code if city else venue.country_code if venue else visit
    if country is None and is_primary:
        # the visit the meeting is part of, told elsewhere in the text ("upon my visit to the United States")
        country = _visit_of_the_document(doc)
    if city is not None:
        tz = city.tz_name or _zone_of_place(city.name_ja)
    elif venue is not None:
        tz = venue.tz_name or _zone_of_place(venue.name_ja)
    elif near is not None and country == near.country_code:
        tz = near.tz_name
    elif country is not None:
        tz = _COUNTRY_ZONE.get(country)
    return city, venue, country, tz, city is not None or venue is not None or near is not None


def _build(doc: _Doc, mtype: str, level: str | None, is_primary: bool, sentences: list[int],
           date_sentences: list[int], own_date: dt.date | None, offices: pl.DataFrame, params: MeetingParams,
           evidence: tuple[int, int], clause: tuple[int, int] | None = None,
           inherit: DocMeeting | None = None, place_sentences: list[int] | None = None,
           continuation: bool = False, third: str | None = None, remote: bool = False,
           place_span: tuple[int, int] | None = None, dateline_sentences: list[int] | None = None,
           date_spans: list[tuple[int, int]] | None = None, mode: str | None = None) -> DocMeeting:
    remote = remote or mtype in ("phone_call", "video_call")
    start_row = _start_time(doc, sentences, params)
    city = venue = country = tz = None
    held = False
    if not remote:
        city, venue, country, tz, held = _meeting_place(doc, is_primary, place_sentences or sentences, place_span,
                                                  dateline_sentences or sentences)
    date_spans = date_spans if date_spans is not None else [doc.sentences[i] for i in date_sentences]
    start_row = _on_meeting_day(doc, start_row, own_date or _day_of(doc, date_spans, skip=start_row))
    start_utc, zone_used = _start_instant(doc, start_row, tz)
    d = _local_date(start_utc, tz, zone_used)
    if d is None:
        d = own_date
    if d is None:
        d = _day_of(doc, date_spans)
    if d is not None and start_utc is None:
        # 日本時間の22日未明 in New York: the 21st there; 日本時間14日 in Washington: no one day
        spans = [*date_spans, *(doc.sentences[i] for i in sentences)]
        local = next((x for r in doc.temporal if _day_value(r) == d and any(a <= r["char_start"] < b for a, b in spans)
                      and (x := _local_day_of_japan_time(doc, r, tz))[0]), None)
        if local is not None:
            d = local[1]
    continuation = continuation and d is not None and inherit is not None and inherit.date_local is not None \
        and 0 <= (d - inherit.date_local).days <= 1
    if not is_primary and not remote and city is None and venue is None and country is None and d is not None \
            and doc.published is not None and d >= doc.published and (line := _place_line(doc, en_route=True)):
        # a meeting still ahead, reported by travellers on their way to its city
        city, country, tz = line, line.country_code, line.tz_name or _zone_of_place(line.name_ja)
    if inherit is not None and not remote and (d == inherit.date_local or continuation) and city is None \
            and venue is None and country is None:
        city = None if inherit.city is None else Place("city", inherit.city, inherit.city_ja, inherit.country_code or "")
        country, tz = inherit.country_code, inherit.tz_local
        if continuation and inherit.venue is not None:
            venue = Place("venue", inherit.venue, None, inherit.country_code or "")
    dur = _duration(doc, sentences, start_row, params, clause)
    if dur is None and clause is None and is_primary:
        dur = _only_duration(doc, params)
    if _not_led_by_the_leaders(doc, mtype, sentences, clause):
        mtype, level = "other", None
    parts = _participants(doc, mtype, level, d, sentences, is_primary, evidence, offices, clause, third)
    if is_primary:
        # attendees named in the sentences reporting the meeting or in a lead sentence that reports no other meeting
        parts += _attendees(doc, sorted(set(sentences) | set(place_sentences or [])), {p.entity_id for p in parts})
    return DocMeeting(
        doc_id=doc.doc_id, is_primary=is_primary, meeting_type=mtype, date_local=d, start_utc=start_utc,
        tz_local=tz, city=city.name_en if city else None, city_ja=city.name_ja if city else None,
        country_code=country, venue=venue.name_en if venue else None,
        duration_minutes=dur[0] if dur is not None else None,
        evidence_start=evidence[0], evidence_end=evidence[1], participants=parts,
        mode=_meeting_mode(mtype, mode, held or city is not None or venue is not None),
        field_spans=_field_spans(start_row if start_utc is not None else None, dur),
    )


def _meeting_mode(mtype: str, mode: str | None, held_at_a_place: bool) -> str | None:
    """How the meeting was held, when the text says: a telephone or video word, or a place it was held at."""
    if mode is not None or mtype in ("phone_call", "video_call"):
        return mode or _CALL_MODE[mtype]
    return "in_person" if held_at_a_place else None


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
        # the people of both sides, or the two countries named (Today in Tokyo, President Trump announced …
        # Japan's …; Today, Japan and the United States affirm …)
        sides = {p["country_code"] for p in doc.persons_in(a, b)} | set(_countries_named(doc.text[a:b]))
        if not {"JP", "US"} <= sides and not _COLLECTIVE.search(doc.text[a:b]):
            continue
        for r in doc.temporal:
            if a <= r["char_start"] < b and _main_clause_date(doc.text, r["char_start"], r["char_end"], b):
                spans.append((r["char_start"], r["char_end"]))
    return spans


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
