"""Any text survives Parquet as it is, and CSV through the contract's un-escaping (property tests)."""

from __future__ import annotations

import csv
import io

import polars as pl
import pyarrow.parquet as pq
from hypothesis import given, settings
from hypothesis import strategies as st

from nichibei.release.files import unescape_formula, write_csv, write_parquet

TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=60)
FORMULA_LIKE = st.builds(lambda p, s: p + s, st.sampled_from(["=", "+", "-", "@", "\t", "\r", "'=", "''-", "'"]), TEXT)
CELLS = st.lists(st.one_of(TEXT, FORMULA_LIKE), min_size=1, max_size=8)


def rejections(cells: list[str]) -> pl.DataFrame:
    n = len(cells)
    return pl.DataFrame({"source_file": [f"f{i}" for i in range(n)], "stage": ["decode"] * n,
                         "reason": ["undecodable"] * n, "detail": cells})


@settings(max_examples=150, deadline=None)
@given(CELLS)
def test_parquet_round_trip_keeps_text_as_it_is(tmp_path_factory, cells):
    path = tmp_path_factory.mktemp("pq") / "rejections.parquet"
    write_parquet("rejections", rejections(cells), path)
    assert pq.read_table(path).column("detail").to_pylist() == cells


@settings(max_examples=150, deadline=None)
@given(CELLS)
def test_csv_round_trip_through_unescaping(tmp_path_factory, cells):
    path = tmp_path_factory.mktemp("csv") / "rejections.csv"
    write_csv("rejections", rejections(cells), path)
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    got = [unescape_formula(r["detail"]) for r in rows]
    # an empty cell and a null are written alike in CSV: both read back as ""
    assert got == cells
    for r in rows:
        assert not r["detail"][:1] in ("=", "+", "-", "@", "\t", "\r")


def test_list_columns_join_with_pipe_and_numbers_are_never_escaped(tmp_path):
    entities = pl.DataFrame({
        "entity_id": ["person:x"], "entity_type": ["person"], "name_en": ["-Dash"], "name_ja": [None],
        "aliases": [["=a", "b"]], "country_code": ["JP"], "is_provisional": [False],
    })
    write_csv("entities", entities, tmp_path / "e.csv")
    text = (tmp_path / "e.csv").read_text(encoding="utf-8-sig")
    assert text.splitlines()[1] == "person:x,person,'-Dash,,'=a|b,JP,false"
    segments = pl.DataFrame({"doc_id": ["d"], "seg_no": [1], "kind": ["paragraph"], "language": ["ja"],
                             "char_start": [0], "char_end": [3], "text": ["-12"]})
    write_csv("segments", segments, tmp_path / "s.csv")
    assert (tmp_path / "s.csv").read_text(encoding="utf-8-sig").splitlines()[1] == "d,1,paragraph,ja,0,3,'-12"
