"""Topics: what the documents talk about.

In: `segments` and the bilingual codebook (`nichibei/data/reference/topics.csv`). Out: `topics`, one row per
matched keyword per segment, with its offsets (`tagging.tag_topics`).
"""
