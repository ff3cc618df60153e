"""Nichibei: an open dataset of US–Japan summit and "2+2" meetings, and the pipeline that builds it."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("nichibei")
except PackageNotFoundError:  # running from a source tree that is not installed
    __version__ = "0.0.0+unknown"
