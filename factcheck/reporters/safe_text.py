"""Article text made safe for the consumer of an output, whatever it holds.

A terminal must not run an article's escape sequences (a title-setting or
screen-clearing ``ESC``, a bell, a carriage return that overwrites the line), and
XML 1.0 cannot hold most control characters at all. Display only: offsets are
never computed from these strings.
"""

from __future__ import annotations

import re

# C0 controls but tab and newline, DEL, C1 controls, line and paragraph separators,
# and the bidirectional embeddings and overrides that reorder what a reader sees.
_TERMINAL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
# What XML 1.0 does not allow (Char production), as well as the C1 controls it discourages.
_XML = re.compile("[^\t\n\r\x20-\x7e\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _escape(m: re.Match[str]) -> str:
    code = ord(m.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: str) -> str:
    """Control characters as visible escapes (``\\x1b``); a CRLF line end stays a line end."""
    text = text.replace("\r\n", "\n")
    return _TERMINAL.sub(_escape, text) if _TERMINAL.search(text) else text


def one_line(text: str) -> str:
    """Whitespace (newlines, CRs) collapsed to single spaces, other controls visible."""
    return visible(" ".join(text.split()))


def xml_text(text: str) -> str:
    """Characters XML 1.0 cannot hold as visible escapes (ElementTree escapes the rest)."""
    return _XML.sub(_escape, text) if _XML.search(text) else text
