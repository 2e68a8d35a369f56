"""brewlog: record hydrometer readings for homebrew batches and report their alcohol by volume."""

__version__ = "0.3.0"
