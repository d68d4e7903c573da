"""Claims: sources in, their sentences with quotes and speakers (``Claim``) out."""

from factcheck.claims.assemble import (
    PARALLEL_FROM,
    drop_repeated_lines,
    extract,
    extract_all,
    template_share,
)

__all__ = ["PARALLEL_FROM", "drop_repeated_lines", "extract", "extract_all", "template_share"]
