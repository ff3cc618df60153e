"""Collection: documents dropped in an inbox (`inbox`), and documents fetched from the configured sources
(`sources` the configuration, `http` the client, `diet`/`feed`/`listing` the adapters, `store` the raw files and
their `sources.csv` rows). The raw folder is only ever added to."""

from nichibei.collect.inbox import Collected, collect

__all__ = ["Collected", "collect"]
