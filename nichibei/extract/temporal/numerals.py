"""Numbers as the texts write them: ASCII or full-width digits, and kanji numerals."""

from __future__ import annotations

import unicodedata

_KANJI_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_KANJI_UNITS = {"十": 10, "百": 100, "千": 1000}


def kanji_to_int(s: str) -> int | None:
    """Integer value of ASCII/full-width digits or kanji numerals (二〇二四, 十一, 二十三, 百五); None if not one."""
    s = unicodedata.normalize("NFKC", s)
    if not s:
        return None
    if s.isascii() and s.isdigit():
        return int(s)
    if all(c in _KANJI_DIGITS for c in s):
        return int("".join(str(_KANJI_DIGITS[c]) for c in s))
    total, current = 0, 0
    for c in s:
        if c in _KANJI_DIGITS:
            current = current * 10 + _KANJI_DIGITS[c]
        elif c in _KANJI_UNITS:
            total += (current or 1) * _KANJI_UNITS[c]
            current = 0
        else:
            return None
    return total + current
