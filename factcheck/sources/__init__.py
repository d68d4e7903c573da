"""Sources: paths in, decoded articles (``Source``) and the inputs skipped out."""

from factcheck.sources.read import Corpus, InputError, decode, read_paths

__all__ = ["Corpus", "InputError", "decode", "read_paths"]
