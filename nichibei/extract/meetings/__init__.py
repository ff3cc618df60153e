"""Meetings: the US–Japan meetings the documents report.

In: documents with their `temporal_mentions` and `mentions`. Out: each document's meetings
(`find.find_doc_meetings`: type, local date, start, place, duration, principals and attendees, with evidence)
merged across documents into `meetings`, `meeting_participants` and `meeting_sources` (`find.merge_meetings`).
"""
