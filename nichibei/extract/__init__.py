"""Extraction: from cleaned documents to the facts in them.

In: `documents` (doc_id, text, published_date) and their `segments`. Out: `temporal_mentions`, `entities`,
`offices`, `mentions`, `meetings`, `meeting_participants`, `meeting_sources` and `topics`
(`batch.extract_all`). Each kind of fact has a package of its own: parsing (candidates in the text),
resolution (values from candidates and context) and its language data (`rules/`, one file per rule kind).
"""
