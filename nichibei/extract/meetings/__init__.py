"""Meetings: the US–Japan meetings the documents report.

In: documents with their `temporal_mentions` and `mentions`. Out: each document's meetings
(`find.find_doc_meetings`: type, local date, start, place, duration, principals and attendees, with evidence)
merged across documents into `meetings`, `meeting_participants` and `meeting_sources` (`merge.merge_meetings`).

Modules: `words` (the patterns of the language), `records` (parameters and per-document records), `places` (the
gazetteer and datelines), `mentions` (meeting words and their type), `resolve` (a meeting's date, start, duration,
place and participants), `merge` (one row per meeting across documents), `find` (a document's meetings).
"""
