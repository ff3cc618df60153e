"""Entities: who and what the documents name.

In: documents (doc_id, text, reference_date) and the curated reference data (`nichibei/data/reference/`). Out:
`entities`, `offices` and `mentions` (`resolve.resolve_entities`). `folding` folds text for matching (NFKC,
variant characters, kana spellings) with a map back to source offsets; `reference` reads and checks the reference
tables and `index` indexes them; `matching` finds every alias and title at once with an Aho–Corasick automaton
and applies the language rules (`match_rules`, words in `rules/*.csv`); `resolve` resolves family names and
titles through who held the office on the date (`document`, `names`), and `provisional` builds entities for
names that fit no holder; `tables` gives the published tables, `collective` the collective expressions.
"""
