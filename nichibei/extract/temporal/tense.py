"""The tense (past or future) of the predicate a mention belongs to, in Japanese and English."""

from __future__ import annotations

from functools import lru_cache

from nichibei.extract.temporal import patterns as tp


# (asked again for the same mention by the traps and by resolution: a pure function of its arguments; a document's
# text is hashed once, Python keeps a string's hash)
@lru_cache(maxsize=1 << 14)
def _tense(text: str, start: int, lang: str, window: int, begin: int | None = None) -> str | None:
    """'past', 'future' or None: the tense of the predicate the mention belongs to.

    Japanese (verb-final): the first predicate after ``start`` in the same sentence (or the last, see below).
    English: the nearest modal or past form before the mention (``begin``) in its sentence, else the first after it.
    """
    if lang == "en":
        if begin is not None:  # the clause before the mention
            left = text[max(0, begin - window):begin]
            breaks = list(tp.EN_SENTENCE_BREAK.finditer(left))
            if breaks:
                left = left[breaks[-1].end():]
            left = left[max(left.rfind(c) for c in ",;:(—–") + 1:]
            found = [m for m in tp.TENSE_EN.finditer(left)
                     if not (m["past"] and tp.EN_PASSIVE_BEFORE.search(left, 0, m.start()))]
            if found:
                m = found[-1]
                if m["fip"] or m["fut"] and tp.EN_FUTURE_IN_PAST_BEFORE.search(left, 0, m.start()):
                    return None  # was scheduled to, were to: ahead of the writer then, either side of the report now
                return "future" if m["fut"] else "past"
        chunk = text[start:start + window]
        end = tp.EN_SENTENCE_BREAK.search(chunk)
        if end is not None:
            chunk = chunk[: end.start() + 1]
        m = tp.TENSE_EN.search(chunk)
        return None if m is None or m["fip"] else ("future" if m["fut"] else "past")
    chunk = text[start:start + window]
    end = tp.SENTENCE_END.search(chunk)
    if end is not None:
        chunk = chunk[: end.start() + 1]
    # 「4月の…訪問が…確認した」「月曜日、…協力する計画を発表した」: a mention inside a noun phrase, or set off
    # by a comma or は, belongs to the sentence's final predicate; 「5月に…開く」: a mention with a case particle
    # belongs to the first predicate after it
    last = chunk[:1] in ("の", "、", ",", "，", "は", " ", "　")
    found = None
    for m in tp.TENSE_JA.finditer(chunk):
        if m["skip"]:
            continue
        found = "past" if m["past"] or m["past2"] else "future"
        if not last:
            break
    return found
