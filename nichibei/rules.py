"""Language data of the rules: one CSV file per rule kind, beside the code that applies it.

A rule package keeps its vocabulary in `<package>/rules/<kind>.csv`. Every file has a `language` column
(`ja`, `en`, or `any`) and an `example` column: a short text in which the entry applies, which the rule
tests run through the entry (`tests/test_rules.py`). Other columns are the kind's own (`pattern`, `word`,
`meeting_type`...). Files are read once per process; a file with a missing column, an unknown language or a
duplicate entry is an error that names the file and the line.
"""

from __future__ import annotations

import csv
import io
from functools import cache
from importlib import resources

LANGUAGES = {"ja", "en", "any"}
REQUIRED_COLUMNS = ("language", "example")
# Columns that describe an entry rather than define it: two rows differing only in these are duplicates.
DESCRIPTIVE_COLUMNS = {"example", "note"}


class RuleFileError(ValueError):
    pass


def rule_file_text(package: str, kind: str) -> str:
    return resources.files(package).joinpath("rules", f"{kind}.csv").read_text(encoding="utf-8")


def parse_rule_file(text: str, where: str, columns: tuple[str, ...] = ()) -> tuple[dict[str, str], ...]:
    """Rows of one rule file, checked: required and declared columns present, languages known, no duplicate."""
    reader = csv.DictReader(io.StringIO(text))
    header = reader.fieldnames or []
    missing = [c for c in (*REQUIRED_COLUMNS, *columns) if c not in header]
    if missing:
        raise RuleFileError(f"{where}: missing column(s) {', '.join(missing)} (has {', '.join(header) or 'none'})")
    rows, seen = [], {}
    for line_no, row in enumerate(reader, start=2):
        if None in row:
            raise RuleFileError(f"{where} line {line_no}: more fields than columns (quote a value with a comma)")
        if row["language"] not in LANGUAGES:
            raise RuleFileError(f"{where} line {line_no}: language {row['language']!r} is not one of "
                                f"{', '.join(sorted(LANGUAGES))}")
        if not (row["example"] or "").strip():
            raise RuleFileError(f"{where} line {line_no}: empty example")
        key = tuple((k, v) for k, v in row.items() if k not in DESCRIPTIVE_COLUMNS)
        if key in seen:
            raise RuleFileError(f"{where} line {line_no}: same entry as line {seen[key]}")
        seen[key] = line_no
        rows.append({k: (v if v is not None else "") for k, v in row.items()})
    return tuple(rows)


@cache
def load_rules(package: str, kind: str, columns: tuple[str, ...] = ()) -> tuple[dict[str, str], ...]:
    """The entries of `<package>/rules/<kind>.csv`, in file order."""
    return parse_rule_file(rule_file_text(package, kind), f"{package}/rules/{kind}.csv", columns)


def values(package: str, kind: str, column: str, language: str | None = None) -> tuple[str, ...]:
    """One column of a rule file, optionally for one language (entries for `any` language included)."""
    return tuple(r[column] for r in load_rules(package, kind, (column,))
                 if language is None or r["language"] in (language, "any"))
