"""The speaker mark that opens a speech of the Diet record: `○岸田国務大臣　`, `○内閣総理大臣（岸田文雄君）　`.

The record opens each speech with `○`, the speaker as the chair calls them, and an ideographic space. The mark
takes four shapes: a title with the full name in brackets (`国務大臣（林芳正君）`), a family name with a title
(`林国務大臣`, `佐藤（茂）委員` with the given name's first kanji where two members share the family name), a
full name with the honorific 君 (`石井啓一君`), each optionally followed by `（続）` when the speech resumes.
The honorific, the resumption mark and the titles are the record's vocabulary (`rules/speaker_titles.csv`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from nichibei.rules import values

_RULES = "nichibei.clean"
HONORIFIC = values(_RULES, "speaker_honorifics", "word")
RESUMED = values(_RULES, "speaker_resumed", "word")
TITLES = sorted(values(_RULES, "speaker_titles", "word"), key=len, reverse=True)

_OPEN, _CLOSE = "[（(]", "[）)]"
_HONORIFIC = "|".join(map(re.escape, HONORIFIC))
_RESUMED = "|".join(map(re.escape, RESUMED))
_TITLE = "|".join(map(re.escape, TITLES))
MARK = re.compile(rf"^○(?P<mark>[^\u3000\s]{{1,40}}?)(?:{_OPEN}(?:{_RESUMED}){_CLOSE})?(?=\u3000|\s|$)")
_TITLE_WITH_NAME = re.compile(rf"^(?P<title>{_TITLE}){_OPEN}(?P<name>[^（）()]+?)(?:{_HONORIFIC}){_CLOSE}$")
_NAME_WITH_HONORIFIC = re.compile(rf"^(?P<name>[^（）()]+?)(?:{_HONORIFIC})$")
_FAMILY_WITH_TITLE = re.compile(rf"^(?P<family>[^（）()]+?)(?:{_OPEN}(?P<initial>[^（）()]{{1,2}}){_CLOSE})?"
                                rf"(?P<title>{_TITLE})$")


@dataclass(frozen=True)
class SpeakerMark:
    start: int            # offset of the mark's text (after ○) in the text
    end: int
    surface: str          # the mark as written, without ○ and the resumption mark
    name: str | None      # the speaker's full name, when the mark gives it
    family_name: str | None
    given_initial: str | None
    title: str | None     # the title as written (国務大臣, 委員), or None for a member called by name and 君


def speaker_mark(text: str) -> SpeakerMark | None:
    """The speaker mark at the start of `text`, or None when the text does not open with one."""
    found = MARK.match(text)
    if found is None:
        return None
    surface = found.group("mark")
    start = found.start("mark")
    mark = SpeakerMark(start, found.end("mark"), surface, None, None, None, None)
    if (m := _TITLE_WITH_NAME.match(surface)) is not None:
        return _replace(mark, name=m.group("name"), title=m.group("title"))
    if (m := _FAMILY_WITH_TITLE.match(surface)) is not None:
        return _replace(mark, family_name=m.group("family"), given_initial=m.group("initial"),
                        title=m.group("title"))
    if (m := _NAME_WITH_HONORIFIC.match(surface)) is not None:
        return _replace(mark, name=m.group("name"))
    return None


def _replace(mark: SpeakerMark, **changes) -> SpeakerMark:
    return SpeakerMark(**{**mark.__dict__, **changes})
