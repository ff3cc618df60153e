"""YAML front matter: the metadata block that opens a Markdown document.

A document has front matter when its first line is `---` and a later line is `---` or `...`: the lines between
are parsed with a YAML parser (PyYAML's safe loader). Its `title`, `date` (the local date of publication),
`published_time` (an ISO 8601 date and time with its UTC offset) and `source_url` fill the document's metadata;
the block itself is furniture. A block that does not parse, or is not a mapping, is an error naming the line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone

import yaml

OPENING = "---"
CLOSINGS = ("---", "...")
_URL = re.compile(r"^https?://[^\s/$.?#][^\s]*$", re.IGNORECASE)


class FrontMatterError(ValueError):
    pass


class _Loader(yaml.SafeLoader):
    """The safe loader, with dates and times left as the text they are: they are parsed here, so that a date
    that does not exist (`2021-13-45`) is an unusable value of its field, not a failure of the whole block."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


@dataclass(frozen=True)
class FrontMatter:
    n_lines: int                           # lines of the block, both fences included
    title: str | None = None
    published_date: date | None = None
    published_utc: datetime | None = None  # aware, in UTC
    utc_offset_minutes: int | None = None  # the offset `published_time` was written with
    source_url: str | None = None
    problems: tuple[str, ...] = field(default=())  # fields present but unusable, in words


def block_length(text: str) -> int:
    """Lines of the front-matter block at the start of `text` (fences included), or 0 when it has none."""
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != OPENING:
        return 0
    for i, line in enumerate(lines[1:], start=1):
        if line.rstrip() in CLOSINGS:
            return i + 1
    return 0


def _as_date(value: object) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    try:
        return date.fromisoformat(text[:10]) if len(text) > 10 else date.fromisoformat(text)
    except ValueError:
        raise ValueError(f"{text!r} is not an ISO 8601 date") from None


def _as_aware_datetime(value: object) -> datetime:
    if isinstance(value, datetime):
        moment = value
    else:
        try:
            moment = datetime.fromisoformat(str(value).strip().replace("Z", "+00:00"))
        except ValueError:
            raise ValueError(f"{value!r} is not an ISO 8601 date and time") from None
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"{value!r} has no UTC offset")
    return moment


def _as_title(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, (list, dict)):
        raise ValueError("is not a text")
    # a folded YAML string keeps its line breaks as spaces; a title is one line
    return " ".join(str(value).split("\n")).strip() or None


def parse_front_matter(text: str) -> FrontMatter | None:
    """The front matter of `text`, or None when it has none; raise FrontMatterError when it does not parse."""
    n_lines = block_length(text)
    if not n_lines:
        return None
    block = "\n".join(text.split("\n")[1:n_lines - 1])
    try:
        data = yaml.load(block, Loader=_Loader) if block.strip() else {}  # noqa: S506 (a safe loader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 2}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc).split("\n")[0]
        raise FrontMatterError(f"the front matter is not valid YAML{where}: {problem}") from None
    if not isinstance(data, dict):
        raise FrontMatterError(f"the front matter is a {type(data).__name__}, not a mapping of fields")
    return _metadata(data, n_lines)


def _metadata(data: dict, n_lines: int) -> FrontMatter:
    problems, values = [], {}
    readers = (("title", "title", _as_title), ("date", "published_date", _as_date),
               ("published_time", "published_utc", _as_aware_datetime))
    for key, name, read in readers:
        if data.get(key) is None:
            continue
        try:
            values[name] = read(data[key])
        except ValueError as exc:
            problems.append(f"`{key}`: {exc}")
    moment = values.pop("published_utc", None)
    if moment is not None:
        offset = moment.utcoffset() or timedelta(0)
        values["published_utc"] = moment.astimezone(timezone.utc)
        values["utc_offset_minutes"] = int(offset.total_seconds() // 60)
        # with no `date`, the local date of the published time is the publication date
        values.setdefault("published_date", moment.date())
    url = data.get("source_url")
    if url is not None:
        if _URL.match(str(url).strip()):
            values["source_url"] = str(url).strip()
        else:
            problems.append(f"`source_url`: {url!r} is not an http(s) address")
    return FrontMatter(n_lines=n_lines, problems=tuple(problems), **values)
