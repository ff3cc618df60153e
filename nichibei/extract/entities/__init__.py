"""Entities: who and what the documents name.

In: documents (doc_id, text, reference_date) and the curated reference data (`nichibei/data/reference/`). Out:
`entities`, `offices` and `mentions` (`resolve.resolve_entities`). `folding` folds text for matching (NFKC,
variant characters, kana spellings) with a map back to source offsets; `resolve` matches every alias at once
with an Aho–Corasick automaton and resolves family names and titles through who held the office on the date.
"""
