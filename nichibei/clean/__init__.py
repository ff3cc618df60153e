"""Cleaning: from decoded documents to `documents.text`, `boilerplate` and `segments`.

In: the loaded documents (raw text and format). Out: each document's kept text with its title and dateline,
every removed piece of furniture with the rule that removed it (`classify.clean_documents`), and the
segments of the kept text with their kind and language (`segments.build_segments`). HTML pages lose whole
elements first (`html`); every format's units then pass the same line rules (`furniture`).
"""
