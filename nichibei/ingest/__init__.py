"""Ingest: from the raw folder to decoded documents with their metadata.

In: the files under `raw/` and `raw/sources.csv`. Out: one row per readable document (`doc_id` from its
bytes, the encoding it was decoded from, its format and decoded text, joined with its manifest row) and a
rejection for every file or manifest value that could not be used (`load.load_raw`). `scan` finds the
documents, `decode` turns bytes into text, `manifest` checks `sources.csv`.
"""
