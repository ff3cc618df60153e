"""Every rule file of every package: well formed, no duplicate entry, every entry exercised by its example."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest

import nichibei
from nichibei.rules import RuleFileError, parse_rule_file

PACKAGE_ROOT = Path(nichibei.__file__).parent
RULE_FILES = sorted(PACKAGE_ROOT.glob("**/rules/*.csv"))


def test_there_are_rule_files():
    assert len(RULE_FILES) >= 4


def _rows(path: Path):
    return parse_rule_file(path.read_text(encoding="utf-8"), path.relative_to(PACKAGE_ROOT).as_posix())


@pytest.mark.parametrize("path", RULE_FILES, ids=lambda p: p.relative_to(PACKAGE_ROOT).as_posix())
def test_rule_file_is_well_formed_and_every_entry_matches_its_example(path):
    rows = _rows(path)
    assert rows, f"{path.name} has no entries"
    for row in rows:
        example = unicodedata.normalize("NFKC", row["example"])
        if "pattern" in row:
            flags = re.IGNORECASE if "i" in row.get("flags", "") else 0
            assert re.search(row["pattern"], example, flags), (path.name, row)
        elif "word" in row:
            assert unicodedata.normalize("NFKC", row["word"]) in example, (path.name, row)


@pytest.mark.parametrize(("text", "message"), [
    pytest.param("language,word\nja,会談\n", "missing column(s) example", id="no-example-column"),
    pytest.param("language,word,example\nfr,sommet,le sommet\n", "language 'fr'", id="unknown-language"),
    pytest.param("language,word,example\nja,会談,会談した\nja,会談,会談を行った\n", "same entry as line 2",
                 id="duplicate"),
    pytest.param("language,word,example\nen,met,\n", "empty example", id="empty-example"),
    pytest.param("language,word,example\nja,a,b,c\n", "more fields than columns", id="unquoted-comma"),
])
def test_bad_rule_files_are_named_errors(text, message):
    with pytest.raises(RuleFileError, match=re.escape(message)):
        parse_rule_file(text, "x.csv")
