"""Sentences, clauses, lines and datelines of a text: the spans a mention's context is looked for in."""

from __future__ import annotations

import re
from pathlib import Path

from nichibei.extract.temporal import patterns as tp
from nichibei.extract.temporal.zones import _event_zone, infer_event_zone


def _same_sentence(text: str, a: int, b: int) -> bool:
    return a >= 0 and tp.SENTENCE_END.search(text, a, b) is None


def _sentences_between(text: str, a: int, b: int, lang: str = "ja", at_most: int = 1 << 30) -> int:
    """How many sentence ends lie between offsets ``a`` and ``b`` (a large number when ``a`` is unknown);
    English full stops that close an abbreviation (U.S., Feb.) end nothing."""
    if a < 0 or a > b:
        return 1 << 30
    breaks = tp.EN_SENTENCE_BREAK if lang == "en" else tp.SENTENCE_END
    n = 0
    for _ in breaks.finditer(text, a, b):  # counted up to one past ``at_most``: enough to compare with it
        n += 1
        if n > at_most:
            break
    return n


def _same_paragraph(text: str, a: int, b: int) -> bool:
    return a >= 0 and text.find("\n", a, b) < 0


def _sentence_start(text: str, start: int) -> int:
    return max(text.rfind("。", 0, start), text.rfind("\n", 0, start)) + 1


def _sentence_around(text: str, start: int, end: int) -> str:
    right_m = tp.SENTENCE_END.search(text, end)
    return text[_sentence_start(text, start): right_m.end() if right_m else len(text)]


def _en_sentence_around(text: str, start: int, end: int) -> str:
    """The English sentence of a mention: full stops of abbreviations (p.m., U.S., Mr.) do not end it."""
    left = start
    for m in tp.EN_SENTENCE_BREAK.finditer(text, max(0, start - 600), start):
        left = m.end()
    if left == start:
        left = max(0, start - 600) if start > 600 else 0
    right_m = tp.EN_SENTENCE_BREAK.search(text, end)
    return text[left: right_m.end() if right_m else len(text)]


# a clause ends after a verb in its continuative form and a comma (会談し、 行い、 訪れて、) or with the sentence
_CLAUSE_END_JA = re.compile(r"[しりてっきぎびみちいえけせめれべ][、，,]|[。！？\n]")
# a sentence whose topic is a bare meeting noun (会談は…, 会合は…) continues the report of a meeting named before
_MEETING_WORDS = tp.alt(tp.words("meeting_words"))
_MEETING_TOPIC_JA = re.compile(rf"[ \t　]*[^。、\n]{{0,12}}?(?:{_MEETING_WORDS})(?:は|では)")
_MEETING_WORD_JA = re.compile(_MEETING_WORDS)
_REMOTE_JA = re.compile(tp.alt(tp.words("remote_meeting_words")))


def _clause_around(text: str, start: int, end: int) -> str:
    """From the start of the sentence to the end of the clause the mention belongs to (Japanese)."""
    right_m = _CLAUSE_END_JA.search(text, end)
    return text[_sentence_start(text, start): right_m.end() if right_m else len(text)]


def _meeting_sentence(text: str, start: int, back: int = 4) -> tuple[int, int] | None:
    """Span of the sentence reporting the meeting a 会談は… sentence refers to: the nearest of the ``back``
    sentences before it that names a meeting. None when the mention's sentence is not such a back-reference."""
    s0 = _sentence_start(text, start)
    if not _MEETING_TOPIC_JA.match(text, s0):
        return None
    end = s0
    for _ in range(back):
        if end <= 0:
            return None
        begin = _sentence_start(text, end - 1)
        if _MEETING_WORD_JA.search(text, begin, end):
            return begin, end
        end = begin
    return None


def _meeting_sentence_zone(text: str, start: int, gazetteer: Path | None) -> str | None:
    span = _meeting_sentence(text, start)
    return None if span is None else _event_zone(text[span[0]:span[1]], gazetteer, strong_only=True)


def news_dateline(text: str, gazetteer: Path | None) -> tuple[tuple[int, int] | None, str | None]:
    """The first English news dateline (PALM BEACH, Florida, April 17 (Kyodo) --): the span of its date, and the
    zone of its place (the capitals read as a name: PALM BEACH → Palm Beach)."""
    m = tp.EN_DATELINE_PREFIX.search(text)
    if m is None:
        return None, None
    span = (m.start("date"), m.end("date")) if m["date"] else None
    place = m["place"].title()
    zone = infer_event_zone(place, gazetteer)
    if zone is None and m["region"]:
        zone = infer_event_zone(m["region"], gazetteer)
    return span, zone


_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff10-\uff19]")


def _line_of(text: str, start: int, end: int) -> str:
    right = text.find("\n", end)
    return text[text.rfind("\n", 0, start) + 1: len(text) if right < 0 else right]
_HEAD_LINES, _HEAD_CHARS, _HEAD_LINE_LEN = 12, 1000, 60


def at_head(text: str, start: int, end: int) -> bool:
    """A date on a short line of its own near the top, with no sentence on it: a dateline
    (2012年5月1日 朝刊, Published 8:48 AM EDT, April 24, 2014, July 10, 2025 23:05 JST)."""
    left = text.rfind("\n", 0, start) + 1
    right = text.find("\n", end)
    right = len(text) if right < 0 else right
    line = text[left:right]
    return (left < _HEAD_CHARS and text.count("\n", 0, left) < _HEAD_LINES and len(line.strip()) <= _HEAD_LINE_LEN
            and "。" not in line and not re.search(r"[a-z]{2}\.(?:\s|$)", line))


_LINE_PUNCT = " \t　.,。、:：()（）[]［］【】-–—|"


def _alone_on_line(text: str, start: int, end: int) -> bool:
    left = text.rfind("\n", 0, start) + 1
    right = text.find("\n", end)
    right = len(text) if right < 0 else right
    return not text[left:start].strip(_LINE_PUNCT) and not text[end:right].strip(_LINE_PUNCT)
