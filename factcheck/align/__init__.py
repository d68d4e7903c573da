"""Alignment: two claims' words in, a word-level edit script (``Edit``) out."""

from factcheck.align.edits import Difference, Edit, align

__all__ = ["Difference", "Edit", "align"]
