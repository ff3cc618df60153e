"""Meetings: the meeting words of one document, their type, and whether they name a US–Japan meeting.
"""

from __future__ import annotations

import re

from nichibei.extract.entities.folding import fold_text
from nichibei.extract.meetings.records import (LEADER_OFFICES, MeetingParams, TYPE_LEVEL, _CALL_MODE, _Doc, _Mention,
                                               _person_level, _sentence_of)
from nichibei.extract.meetings.words import (_ATTEND_NAMED_EN, _BILATERAL_WORD, _MULTILATERAL_COUNTRIES, _JA_CHARS, _SUBJECT_PRONOUN, _ATTEND_EN, _ATTEND_END, _ATTEND_JOIN, _ATTEND_LABEL, _BILATERAL_NAME_EN,
                                             _COLLECTIVE, _EN_COUNTRY, _EN_COUNTRY_NAME, _EN_GROUP_AFTER, _EN_GROUP_BEFORE, _EN_MEETING, _FORMAT_AFTER,
                                             _FORMAT_BEFORE, _FORMAT_BEFORE_JA, _FORMAT_LINK, _GROUPING_JA, _GROUPING_LEADERS_EN, _GROUPING_WORDS, _HEDGE_AFTER,
                                             _HEDGE_AFTER_EN, _HEDGE_BEFORE, _HEDGE_JUST_BEFORE,
                                             _HEDGE_TIME_BEFORE, _JA_MEETING,
                                             _LATIN_RUN, _LEVEL_TYPE, _LEVEL_WORD, _NAMED_SUMMIT_EN, _NEGATED,
                                             _NON_BILATERAL_SUMMIT_EN, _OTHER_LEADERS_AFTER_EN,
                                             _OTHER_LEADERS_BEFORE_EN, _FIRST_PERSON, _REMARKS_TITLE, _THIRD, _TITLE_WORDS, _TOPIC_AFTER_JA,
                                             _TOPIC_BEFORE_JA, _TOPIC_WORD_JA, _US_JAPAN, _VISIT_EN, _VISIT_JA,
                                             _visit_host)


def _find_mentions(doc: _Doc, params: MeetingParams) -> list[_Mention]:
    """Meeting words with their type (None: a bare word the sentence does not type), in text order."""
    ft = fold_text(doc.text)
    out: list[_Mention] = []
    for regex, lang in ((_JA_MEETING, "ja"), (_EN_MEETING, "en"), (_TOPIC_WORD_JA, "ja-topic")):
        for m in (_latin_finditer(regex, ft.text) if lang == "en" else regex.finditer(ft.text)):
            mm = _mention_of(doc, ft, m, lang, params)
            if mm is not None:
                out.append(mm)
    out.sort(key=lambda x: x.src_start)
    kept = _fold_formats(ft, out)
    # 首脳会談を行い、ワーキングランチも共にした; 日米首脳ワーキングランチ及び日米首脳会談: a meal held with the talks
    # is part of that meeting, not one of its own
    talks = {mm.sentence for mm in kept if not mm.meal and not mm.topic}
    out = [mm for mm in kept if not (mm.meal and mm.sentence in talks)]
    _type_from_sentences(doc, out)
    _continue_elided_subjects(doc, ft, out)
    return out


def _mention_of(doc: _Doc, ft, m: re.Match[str], lang: str, params: MeetingParams) -> _Mention | None:
    """One match of a meeting pattern as a mention, or None when it names no meeting."""
    s, e = ft.source_span(*m.span())
    sent = _sentence_of(doc.sentences, s)
    topic = False
    before = ""
    if lang == "ja-topic":
        if not _TOPIC_BEFORE_JA.search(_before4(ft.text, m.start())):
            return None
        topic = True
    elif lang == "en" and m.group("topic"):
        # only as the subject that opens a sentence: "The talks began at ..."
        if sent < 0 or doc.text[doc.sentences[sent][0]:s].strip():
            return None
        topic = True
    if lang == "en" and (m.group("summit") or m.group("fm") or m.group("dm")):
        before = ft.text[max(0, m.start() - 40):m.start()]
        if _NON_BILATERAL_SUMMIT_EN.search(before):
            return None
    # the Elmau summit, G7首脳会合: the grouping's meeting, kept as a meeting word that names no US–Japan meeting
    grouping_event = (lang == "en" and bool(m.group("summit")) and _named_summit(doc, ft, before, m.start(), m.end())) \
        or (lang == "ja" and m.group("lvl") == "首脳" and not m.group("pfx")
            and bool(_GROUPING_JA.search(ft.text[max(0, m.start() - 16):m.start()])))
    if lang == "ja" and m.group("generic") and ft.text[m.end():m.end() + 1] in ("見", "場"):
        return None
    mtype, level, en_third, en_pair_ok = _match_type(ft, m, lang, topic)
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
        elif pair_ok and len(pfx) == 3 and mtype in ("foreign_ministers", "defense_ministers"):
            mtype = "other"  # 日米韓外相会合: ministers of three countries, no type of its own
    third = _third_country(m.group("pfx")) if lang == "ja" and m.group("pfx") else en_third
    if third is None and mtype == "trilateral_summit" and sent >= 0:
        third = _third_leaders_country(doc, sent)
    clause_start = max(ft.text.rfind(c, max(0, m.start() - params.hedge_window - 1), m.start()) for c in "。、,\n")
    before = ft.text[max(clause_start + 1, m.start() - params.hedge_window):m.start()]
    after = ft.text[m.end():m.end() + 200]
    hedged = bool(_HEDGE_BEFORE.search(before)) or bool(_HEDGE_JUST_BEFORE.search(before)) or bool(
        _HEDGE_AFTER.search(after)) or (
        lang == "en" and bool(_HEDGE_AFTER_EN.search(after)))
    if _NEGATED.search(after):
        return None  # 正式な首脳会談は…受け入れられなかった, a summit was refused: no meeting took place
    soft = hedged and not _HEDGE_TIME_BEFORE.search(before) and not _HEDGE_JUST_BEFORE.search(before) and not \
        _HEDGE_AFTER.search(after) and not (
        lang == "en" and _HEDGE_AFTER_EN.search(after))
    return _Mention(m.start(), m.end(), s, e, mtype, level, sent, hedged, pair_ok, topic, third=third,
                    meal=lang != "ja-topic" and bool(m.group("meal")), soft_hedge=soft,
                    mode=_CALL_MODE.get(mtype), generic=lang != "ja-topic" and bool(m.groupdict().get("generic")))


def _match_type(ft, m: re.Match[str], lang: str, topic: bool
                ) -> tuple[str | None, str | None, str | None, bool | None]:
    """The type and level a meeting word names; for an English summit of three countries, the third and whether
    the pair is Japan and the United States."""
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
    elif lang == "en" and (m.group("summit") or m.group("joint")):
        mtype, level = "summit", "leaders"
    else:
        mtype = _LEVEL_TYPE.get(level) if level else None  # 首脳会談, 外相会談; bare 会談 decided later
    codes = None
    if lang == "en" and not topic and (m.group("summit") or m.group("tri") or m.group("generic")):
        codes = _grouping_codes(ft.text, m.start(), m.end())
    elif lang == "en" and m.group("joint"):
        # "We, the leaders of Japan, the Republic of Korea, and the United States, convened": the countries listed
        codes = _countries_named(m.group(0))
    if codes is not None:
        if len(codes) == 3 and {"JP", "US"} <= set(codes):
            # a Japan-U.S.-ROK Summit Meeting: three countries, one of them neither Japan nor the US
            mtype, level, en_pair_ok = "trilateral_summit", "leaders", True
            en_third = next(c for c in codes if c not in ("JP", "US"))
        else:
            # the Japan-ROK summit; the Japan-U.S.-Australia-India (Quad) leaders: no US–Japan meeting
            en_pair_ok = set(codes) == {"JP", "US"}
    return mtype, level, en_third, en_pair_ok


def _fold_formats(ft, out: list[_Mention]) -> list[_Mention]:
    """Drop a bare word right after a typed one and overlapping matches; a call format named right after a
    meeting is that meeting's format."""
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
                    or (ft.text[kept[-1].end:mm.start] == " " and ft.text[mm.start].isascii())
                    or mm.start == kept[-1].end):
            # "Summit Telephone Talk", 日米2+2テレビ会議: the format of the meeting named just before
            # 2プラス2をテレビ会議方式で開いた: the format of that meeting, not another one; a summit held so is a call
            if kept[-1].mtype == "summit":
                kept[-1].mtype = mm.mtype
            else:
                kept[-1].remote = True
            kept[-1].mode = mm.mode
            continue
        if kept and kept[-1].mtype in ("video_call", "phone_call") and mm.mtype not in (None, "video_call", "phone_call") \
                and kept[-1].sentence == mm.sentence and _FORMAT_BEFORE_JA.match(ft.text[kept[-1].end:mm.start]):
            # テレビ会議形式で日米「2+2」を開催: the format named before the meeting is its format
            if mm.mtype == "summit":
                mm.mtype = kept[-1].mtype
            else:
                mm.remote = True
            mm.mode = kept[-1].mode
            kept[-1] = mm
            continue
        kept.append(mm)
    return kept


def _type_from_sentences(doc: _Doc, out: list[_Mention]) -> None:
    """Type a bare 会談 / "meeting" from the people named in the sentence (never those in a 同席 clause), else
    from a 両首脳 / "the two leaders", else from the titles of both sides."""
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


def _continue_elided_subjects(doc: _Doc, ft, out: list[_Mention]) -> None:
    """昨年11月13日にはプノンペンでも会談している: a bare 会談 with も and no one named is another meeting of those of
    the meeting named just before (the subject left out, as Japanese does)."""
    prev: _Mention | None = None
    for mm in out:
        if mm.mtype is None and not mm.topic and prev is not None and 0 <= mm.sentence - prev.sentence <= 1 \
                and "も" in ft.text[max(0, mm.start - 2):mm.start] \
                and not doc.persons_in(*doc.sentences[mm.sentence]):
            mm.mtype, mm.level, mm.third = prev.mtype, prev.level, prev.third
            mm.pair_ok = prev.pair_ok if prev.pair_ok is not None else mm.pair_ok
        if mm.mtype is not None and not mm.topic:
            prev = mm


def _grouping_codes(text: str, start: int, end: int) -> list[str] | None:
    """The countries of a grouping named right before an English meeting word or right after it (of, between,
    with …), each once, or None when there is none."""
    g = _EN_GROUP_BEFORE.search(text[max(0, start - 80):start]) or _EN_GROUP_AFTER.match(text[end:end + 160])
    if g is None:
        return None
    return _countries_named(g.group("group"))


def _countries_named(text: str) -> list[str]:
    """The countries an English text names, each once, in order."""
    codes = [_EN_COUNTRY.get(n.group("name").upper()) for n in _EN_COUNTRY_NAME.finditer(text)]
    return list(dict.fromkeys(c for c in codes if c is not None))


def _third_leaders_country(doc: _Doc, sent: int) -> str | None:
    """The one country other than Japan and the United States whose leader the sentence names (Remarks by President
    Biden, Prime Minister Kishida and President Yoon … Before Trilateral Meeting)."""
    others = {p["country_code"] for p in doc.persons_in(*doc.sentences[sent])
              if p["role"] in LEADER_OFFICES and p["country_code"] not in ("JP", "US", None)}
    return next(iter(others)) if len(others) == 1 else None


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
    if not ({"JP", "US"} <= countries and len(countries) == 3):
        return False
    # A首相はB大統領と、C大統領とも会談: two bilateral meetings, not one of three
    first = min(p["char_start"] for p in before)
    return "とも" not in doc.text[first:word_start + 2]


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
    if _GROUPING_LEADERS_EN.search(before):
        return True  # the Quad leaders agreed that they would hold their summit in Hiroshima
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


# leaders of this many countries named in the sentence of a meeting word: a multilateral session


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
    a, b = _own_part(doc, mm, a, b)
    countries = {p["country_code"] for p in doc.persons_in(a, b)} - {None}
    countries |= _pronoun_country(doc, mm, a, countries)
    if len(countries) >= _MULTILATERAL_COUNTRIES and not _BILATERAL_WORD.search(doc.text[a:b]):
        return False  # Biden, Albanese, Kishida and Modi met in Hiroshima: the Quad, not a US–Japan meeting
    countries |= _speaker_country(doc, a, b, countries)
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
            if countries == {"JP", "US"} - {_visit_host(v)}:
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


def _own_part(doc: _Doc, mm: _Mention, a: int, b: int) -> tuple[int, int]:
    """An English sentence reporting two meetings (he will meet with Prime Minister Kishida and then meet with Prime
    Minister Modi): the part of the meeting word, from the meeting word before it to the one after it."""
    text = doc.text[a:b]
    if _JA_CHARS.search(text):
        return a, b
    words = [(a + m.start(), a + m.end()) for m in _EN_MEETING.finditer(text) if not m.group("topic")]
    before = [e for s, e in words if e <= mm.src_start]
    after = [s for s, e in words if s >= mm.src_end]
    return (before[-1] if before else a), (after[0] if after else b)


def _pronoun_country(doc: _Doc, mm: _Mention, a: int, countries: set[str]) -> set[str]:
    """"he will meet with Prime Minister Kishida": a pronoun as the subject stands for a leader of the other side
    named in the four sentences before (the President will be heading up to Wilmington …)."""
    if len(countries) != 1 or not _SUBJECT_PRONOUN.search(doc.text[a:mm.src_start]) or mm.sentence <= 0:
        return set()
    start = doc.sentences[max(0, mm.sentence - 4)][0]
    earlier = [p for p in doc.persons_in(start, doc.sentences[mm.sentence][0])
               if p["role"] in LEADER_OFFICES and p["country_code"] in ({"JP", "US"} - countries)]
    return {earlier[-1]["country_code"]} if earlier else set()


def _speaker_country(doc: _Doc, a: int, b: int, countries: set[str]) -> set[str]:
    """The country of the one speaker of remarks (by its title), when the sentence speaks as "I" and names only
    the other side (I spent an hour today with the Japanese Prime Minister)."""
    if len(countries) != 1 or doc.title_span is None or not _FIRST_PERSON.search(doc.text[a:b]):
        return set()
    title = doc.text[doc.title_span[0]:doc.title_span[1]]
    if not _REMARKS_TITLE.search(title):
        return set()
    return {p["country_code"] for p in doc.persons_in(*doc.title_span)} - {None}


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
        for m in _ATTEND_NAMED_EN.finditer(s):
            g = "names" if m.group("names") else "names2"
            regions.append((a + m.start(g), a + m.end(g)))
        for m in _ATTEND_EN.finditer(s):
            end = min([x for x in (s.find(".", m.end()), s.find(";", m.end())) if x >= 0] or [len(s)])
            regions.append((a + m.end(), a + end))
    return regions
