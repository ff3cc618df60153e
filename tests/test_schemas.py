"""Validation at the write boundary: every failure of every table at once, naming table, column, row, value."""

from __future__ import annotations

import polars as pl
import pytest

import schemas


def valid_tables() -> dict[str, pl.DataFrame]:
    return {t: schemas.empty_frame(t) for t in schemas.TABLES}


def segments(**overrides) -> pl.DataFrame:
    row = {"doc_id": "d", "seg_no": 1, "kind": "paragraph", "language": "ja", "char_start": 0, "char_end": 3,
           "text": "abc"}
    return pl.DataFrame([{**row, **overrides}])


def test_empty_tables_validate():
    assert set(schemas.validate_tables(valid_tables())) == set(schemas.TABLES)


@pytest.mark.parametrize("bad,expected", [
    pytest.param(segments(kind="sentence"), "segments.kind: row 0 (doc_id='d', seg_no=1) value 'sentence'",
                 id="value-outside-vocabulary"),
    pytest.param(segments(char_start=5), "segments.char_start: row 0 value 5 is after char_end=3", id="offsets"),
    pytest.param(segments(seg_no=0), "segments.seg_no: row 0 (doc_id='d', seg_no=0) value '0' failed", id="check"),
    pytest.param(pl.concat([segments(), segments()]), "segments.(row): row 0", id="duplicate-primary-key"),
    pytest.param(segments().drop("language"), "segments: missing column 'language'", id="missing-column"),
    pytest.param(segments(extra=1), "segments: undeclared column 'extra'", id="undeclared-column"),
])
def test_failures_name_table_column_row_and_value(bad, expected):
    tables = valid_tables() | {"segments": bad}
    with pytest.raises(schemas.ValidationFailed) as err:
        schemas.validate_tables(tables)
    assert any(f.startswith(expected) for f in err.value.failures), err.value.failures


def test_every_failure_of_every_table_at_once():
    tables = valid_tables() | {
        "segments": segments(kind="sentence", language="fr"),
        "rejections": pl.DataFrame({"source_file": ["x"], "stage": ["nowhere"], "reason": ["r"], "detail": ["d"]}),
    }
    del tables["topics"]
    with pytest.raises(schemas.ValidationFailed) as err:
        schemas.validate_tables(tables)
    failures = err.value.failures
    assert any(f.startswith("segments.kind") for f in failures)
    assert any(f.startswith("segments.language") for f in failures)
    assert any(f.startswith("rejections.stage") for f in failures)
    assert "topics: table missing" in failures


@pytest.mark.parametrize("table", list(schemas.TABLES))
def test_every_column_is_described_and_the_arrow_schema_follows(table):
    cols = schemas.columns(table)
    assert all(c.description for c in cols)
    assert schemas.primary_key(table)
    arrow = schemas.arrow_schema(table)
    assert arrow.names == [c.name for c in cols]
    assert [f.nullable for f in arrow] == [c.nullable for c in cols]
