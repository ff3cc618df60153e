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

import datetime as dt

import polars as pl

from nichibei.clean.speech import speaker_mark
from nichibei.extract.entities.folding import fold_text
from nichibei.extract.meetings.mentions import _attendee_regions, _find_mentions, _us_japan
from nichibei.extract.meetings.merge import merge_meetings
from nichibei.extract.meetings.places import load_places
from nichibei.extract.meetings.records import (DocMeeting, MeetingParams, _Doc, _Mention, _day_value, _person_level,
                                               sentence_spans)
from nichibei.extract.meetings.resolve import (_build, _clause, _date_clause, _dated, _dated_places,
                                               _day_of_the_record, _just_held, _lead,
                                               _meeting_date_spans, _ordinal_before, _own_clause, _sentence_persons,
                                               _until_next)
from nichibei.extract.meetings.words import (_ANOTHER, _JA_CHARS, _JA_HELD, _ARRANGING, _CONTINUATION, _LEVEL_TYPE, _MONTH_NAMED, _SAME_DAY,
                                             _SAME_TALKS, _THIS_MEETING, _US_JAPAN)


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
    primary = _primary_mention(doc, found, confirmed, mentions, typed, head, title_sent)
    out: list[DocMeeting] = []
    primary_sents: list[int] = []
    if primary is not None and primary.generic and primary.sentence in title_sent and not _JA_CHARS.search(
            doc.text[primary.src_start:primary.src_end]):
        _format_of_the_report(primary, typed, confirmed)
    if primary is not None:
        dm, primary_sents = _primary_meeting(doc, primary, found, mentions, typed, lead, head, title_sent,
                                             offices, params)
        if dm.date_local is None and (_passing_in_a_speech(doc, primary, [m for m, _ in found])
                                      or _aside_under_another_title(doc, primary, found, title_sent)):
            primary, primary_sents = None, []
        else:
            out.append(dm)
    _add_other_meetings(doc, out, primary, primary_sents, typed, confirmed, found, offices, params)
    return _one_row_per_meeting(out)


def _format_of_the_report(primary: _Mention, typed: list[_Mention], confirmed: set[int]) -> None:
    """A title's meeting named by a generic English word (Background Press Call … On President Biden's Meeting With Prime Minister
    Kishida) takes the format of the first US–Japan meeting the body names after it by a word that is not generic,
    when that is a call or a video meeting ("we just concluded a 90-minute session — a virtual session between …")."""
    later = next((m for m in typed if m.src_start > primary.src_start and id(m) in confirmed and not m.hedged
                  and not m.generic), None)
    if later is not None and later.mtype in ("phone_call", "video_call"):
        primary.mtype, primary.mode, primary.remote = later.mtype, later.mode, later.remote


def _aside_under_another_title(doc: _Doc, primary: _Mention, found: list[tuple[_Mention, bool | None]],
                               title_sent: set[int]) -> bool:
    """An English page whose title names no meeting (Statement … Marking the Two-Year Anniversary of the Indo-Pacific
    Strategy) and whose lead recalls one with no day ("President Biden hosted the historic trilateral summit at Camp
    David"): the meeting is recalled, not reported."""
    # (Japanese wire copy ordering the day's events, 首相は先に…と会談した, still reports the meeting it names)
    return bool(title_sent) and primary.sentence not in title_sent and not _JA_CHARS.search(
        doc.sentence_text(primary.sentence)) and not any(
        m.sentence in title_sent for m, _ in found)


def _passing_in_a_speech(doc: _Doc, primary: _Mention, mentions: list[_Mention]) -> bool:
    """A speech (it opens with its speaker's mark) names meetings in passing (２プラス２の会合を初めとする累次の機会;
    ＳＣＣは２プラス２…の会議であります): an undated one is its subject only when a mention of its kind points at
    it (今回の首脳会談)."""
    if speaker_mark(doc.text) is None:
        return False
    for m in mentions:
        if m is primary or (m.mtype in (primary.mtype, None) and m.sentence >= 0):
            a = doc.sentences[m.sentence][0]
            if _THIS_MEETING.search(fold_text(doc.text[max(a, m.src_start - 12):m.src_start]).text):
                return False
    return True


def _being_arranged(doc: _Doc, m: _Mention) -> bool:
    """A meeting word followed in its sentence by words of its arranging (調整, being arranged), with no day in its
    own clause."""
    return bool(_ARRANGING.search(fold_text(doc.text[m.src_end:doc.sentences[m.sentence][1]]).text)) and \
        _dated(doc, m, _own_clause(doc, m))[0] is None


def _primary_mention(doc: _Doc, found: list[tuple[_Mention, bool | None]], confirmed: set[int],
                     mentions: list[_Mention], typed: list[_Mention], head: list[int], title_sent: set[int]
                     ) -> _Mention | None:
    """The mention of the meeting the document is about, or None."""
    # a meeting being arranged, with no day of its own, is no meeting (日米防衛相会談を行う方向で調整していた)
    seen = {id(m): m for m in [*mentions, *(m for m, _ in found)]}
    arranged = {key for key, m in seen.items() if _being_arranged(doc, m)}
    typed = [m for m in typed if id(m) not in arranged]
    mentions = [m for m in mentions if id(m) not in arranged]
    found = [(m, uj) for m, uj in found if id(m) not in arranged]
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
    return primary


def _primary_sentences(doc: _Doc, primary: _Mention, found: list[tuple[_Mention, bool | None]],
                       mentions: list[_Mention], typed: list[_Mention], lead: list[int], head: list[int],
                       title_sent: set[int]) -> tuple[list[int], list[_Mention]]:
    """The sentences reporting the primary meeting, and the mentions naming it again by its ordinal."""
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
    return sorted(set(primary_sents)), again


def _primary_meeting(doc: _Doc, primary: _Mention, found: list[tuple[_Mention, bool | None]],
                     mentions: list[_Mention], typed: list[_Mention], lead: list[int], head: list[int],
                     title_sent: set[int], offices: pl.DataFrame, params: MeetingParams
                     ) -> tuple[DocMeeting, list[int]]:
    """The document's meeting, and the sentences reporting it."""
    primary_sents, again = _primary_sentences(doc, primary, found, mentions, typed, lead, head, title_sent)

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
    if dm.date_local is None and primary.sentence in title_sent:
        dm, primary_sents = _dated_by_the_lead(doc, primary, mentions, lead, primary_sents, dm, build_primary)
    if dm.date_local is None and (primary.sentence in title_sent or primary.sentence in lead) and (
            d := _day_of_the_record(doc, lead)) is not None:
        dm = build_primary(primary_sents, d)  # Remarks … Before Bilateral Meeting, and no day in the text
    if dm.date_local is None and (primary.sentence in title_sent or primary.sentence in lead) and (
            dm.country_code == "JP" or dm.mode in ("phone", "video")) and (
            d := _day_of_the_date_line(doc, lead)) is not None:
        # 令和5年5月18日 under the title, 岸田総理は…首脳会談を行いました: held in Japan (or by telephone from it) on the
        # page's day; abroad, a day in Japan need not be the day there
        dm = build_primary(primary_sents, d)
    if dm.date_local is None and (d := _just_held(doc, [i for i in primary_sents if i not in title_sent], lead)):
        dm = build_primary(primary_sents, d)
    return dm, primary_sents


def _day_of_the_date_line(doc: _Doc, lead: list[int]) -> dt.date | None:
    """The date of a page's own date line (令和5年5月18日 on a line of its own under the title, as the Prime Minister's
    office and the ministries date their reports of the day), for a Japanese report of a meeting held (行いました)
    whose lead states no other day."""
    head_end = doc.text.find("\n", doc.title_span[1] + 1 if doc.title_span else 0)
    for r in doc.temporal:
        if r["char_start"] > max(head_end, 0) or r.get("kind") != "date" or r.get("resolved_by") != "explicit":
            continue
        left = doc.text.rfind("\n", 0, r["char_start"]) + 1
        right = doc.text.find("\n", r["char_end"])
        line = doc.text[left:right if right != -1 else len(doc.text)]
        if line.strip(" \t\u3000") != r["surface"] or len(r["value"]) != 10:
            continue
        day = dt.date.fromisoformat(r["value"])
        spans = [doc.sentences[i] for i in lead[:3]]
        if not any(_JA_HELD.search(doc.text[a:b]) for a, b in spans):
            return None
        days = {x["value"][:10] for x in doc.temporal if x is not r and x.get("value")
                and x.get("kind") in ("date", "datetime") and any(a <= x["char_start"] < b for a, b in spans)}
        return day if days <= {day.isoformat()} else None
    return None


def _dated_by_the_lead(doc: _Doc, primary: _Mention, mentions: list[_Mention], lead: list[int],
                       primary_sents: list[int], dm: DocMeeting, build_primary) -> tuple[DocMeeting, list[int]]:
    """A title's meeting dated by the first lead sentence that reports a meeting with its day (Readout of …'s Meeting
    with …; "… met today with …"), whatever word the lead uses for it."""
    for m in mentions:
        if m.sentence not in lead[:2] or m.hedged or m.src_start <= primary.src_start:
            continue
        d, _ = _dated(doc, m, _date_clause(doc, m))
        if d is not None:
            sents = sorted(set(primary_sents) | {m.sentence})
            return build_primary(sents, d), sents
    return dm, primary_sents


def _add_other_meetings(doc: _Doc, out: list[DocMeeting], primary: _Mention | None, primary_sents: list[int],
                        typed: list[_Mention], confirmed: set[int], found: list[tuple[_Mention, bool | None]],
                        offices: pl.DataFrame, params: MeetingParams) -> None:
    """The other meetings the document reports with a date to the day, after the primary in `out`."""
    for m in typed:
        if primary is not None and m.sentence in primary_sents and (m.mtype == primary.mtype or m.generic):
            continue  # the primary meeting's own report ("spoke today with" under a title naming the call)
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
        if _being_arranged(doc, m):
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


def _one_row_per_meeting(out: list[DocMeeting]) -> list[DocMeeting]:
    """One row per meeting per document; a later sentence reporting the same meeting fills what the first left out."""
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
                first.field_spans[f] = dm.span_of(f)
        for f in ("start_utc", "duration_minutes", "mode"):
            if getattr(first, f) is None:
                setattr(first, f, getattr(dm, f))
                first.field_spans[f] = dm.span_of(f)
    return list(uniq.values())


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

    documents: doc_id, text, and optionally title_start/title_end (the title's span in `text`), published_date and
    house_zone (`nichibei.extract.temporal.house_zones`).
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
                   sentence_spans(text), published=row.get("published_date"), house_zone=row.get("house_zone"))
        out.extend(_doc_meetings(doc, offices, params))
    return out


def primary_dates(doc_meetings: list[DocMeeting]) -> pl.DataFrame:
    """doc_id → date of the document's primary meeting (for re-resolving offices at that date)."""
    rows = [(m.doc_id, m.date_local) for m in doc_meetings if m.is_primary]
    return pl.DataFrame(rows, schema={"doc_id": pl.Utf8, "meeting_date": pl.Date}, orient="row")


def find_meetings(documents: pl.DataFrame, temporal: pl.DataFrame, mentions: pl.DataFrame,
                  offices: pl.DataFrame, params: MeetingParams = MeetingParams()) -> dict[str, pl.DataFrame]:
    """`meetings`, `meeting_participants` and `meeting_sources` from documents and their mentions."""
    return merge_meetings(find_doc_meetings(documents, temporal, mentions, offices, params))
