"""Release: from validated tables to a published, versioned release folder.

In: every table, validated. Out: `OUT/releases/<version>/` with Parquet and CSV of each table (`files`), the
Data Package (`metadata`), a DuckDB database, a workbook and a chart (`exports`), the dataset card and
Croissant metadata (`card`), the quality report and its scores against the gold (`quality`, `scoring`),
`RELEASE.md` and `SHA256SUMS` (`publish`, which stages the folder and renames it into place). `versions`
decides the version, `diff` compares releases, `registry` keeps meeting ids stable, `licences` withholds texts
in a public release, `verify` checks a published one.
"""
