"""factcheck: cross-source fact-consistency checking for news articles."""

__version__ = "0.1.0"
