"""Reading untrusted input with limits: regular files only, a size cap, JSON with
depth and number limits, and text without lone surrogates.

Every refusal is an ``InputLimit`` whose message names the reason in a few words;
the caller adds the input's name.
"""

from __future__ import annotations

import json
import os
import re
import stat
from typing import Any

MAX_INPUT_BYTES = 1 << 30  # 1 GiB per input: a 100,000-article JSONL corpus is ~400 MB
MAX_JSON_DEPTH = 64  # nesting of arrays and objects in one JSON document or JSONL line
MAX_NUMBER_CHARS = 100  # digits of one JSON number

_KINDS = (
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISDIR, "a directory"),
)


class InputLimit(ValueError):
    """Input refused: not a regular file, too large, or JSON beyond the limits."""


def file_kind(mode: int) -> str:
    for test, name in _KINDS:
        if test(mode):
            return name
    return "not a regular file"


def read_bytes(path: str | os.PathLike[str], limit: int = MAX_INPUT_BYTES) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes.

    Opened without blocking and checked on the open descriptor, so that a FIFO or a
    device (``/dev/zero``) is refused instead of hanging or filling memory, even when
    it replaces a file between a look and the open. Raises ``OSError`` or
    ``InputLimit``.
    """
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise InputLimit(f"not a regular file: {file_kind(st.st_mode)}")
        if st.st_size > limit:
            raise InputLimit(too_large(st.st_size, limit))
        with os.fdopen(fd, "rb", closefd=False) as fh:
            data = fh.read(limit + 1)  # a file that grows while read is still capped
    finally:
        os.close(fd)
    if len(data) > limit:
        raise InputLimit(too_large(len(data), limit))
    return data


def read_stream(stream: Any, limit: int = MAX_INPUT_BYTES) -> bytes:
    """At most ``limit`` bytes of a binary stream (standard input)."""
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise InputLimit(too_large(len(data), limit, at_least=True))
    return bytes(data)


def too_large(size: int, limit: int, at_least: bool = False) -> str:
    more = "more than " if at_least else ""
    return f"too large ({more}{_mib(size)}; the limit is {_mib(limit)})"


def _mib(n: int) -> str:
    mib = n / (1 << 20)
    return f"{n} bytes" if n < 1 << 20 else f"{mib:.1f} MiB" if mib < 10 else f"{mib:.0f} MiB"


_SURROGATE = re.compile("[\ud800-\udfff]")


def clean(text: str) -> str:
    """``text`` with each lone surrogate (from a JSON escape such as ``\\ud800`` or an
    undecodable file name) replaced by U+FFFD: one character for one, so offsets hold,
    and the text can always be written as UTF-8."""
    return _SURROGATE.sub("\ufffd", text) if _SURROGATE.search(text) else text


_OPENERS = re.compile(r'"(?:[^"\\]|\\.)*"|[\[\]{}]')


def _too_deep(text: str, limit: int) -> bool:
    # At most as deep as the number of brackets: most lines are passed in C.
    if text.count("[") + text.count("{") <= limit:
        return False
    depth = 0
    for m in _OPENERS.finditer(text):
        ch = m.group()
        if ch in "[{":
            depth += 1
            if depth > limit:
                return True
        elif ch in "]}":
            depth -= 1
    return False


def _number(kind: type) -> Any:
    def parse(text: str) -> Any:
        if len(text) > MAX_NUMBER_CHARS:
            raise InputLimit(
                f"a number of {len(text)} characters (the limit is {MAX_NUMBER_CHARS})"
            )
        value = kind(text)
        if kind is float and value in (float("inf"), float("-inf")):
            raise InputLimit(f"the number {text} is out of range")
        return value

    return parse


def _constant(name: str) -> Any:
    raise InputLimit(f"{name} is not a JSON number")


def loads(text: str | bytes, max_depth: int = MAX_JSON_DEPTH) -> Any:
    """``json.loads`` with limits on nesting and number size, and no lone surrogates
    in its strings. Raises ``InputLimit`` (the reason) or ``json.JSONDecodeError``."""
    if isinstance(text, bytes):
        try:
            text = text.decode(json.detect_encoding(text))
        except UnicodeDecodeError as exc:
            raise InputLimit(
                f"not JSON text ({exc.encoding}: {exc.reason} at byte {exc.start})"
            ) from None
        text = text.removeprefix("\ufeff")
    if _too_deep(text, max_depth):
        raise InputLimit(f"nested more than {max_depth} deep")
    try:
        value = json.loads(
            text,
            parse_int=_number(int),
            parse_float=_number(float),
            parse_constant=_constant,
        )
    except RecursionError:  # not reached after the depth test; kept as a backstop
        raise InputLimit(f"nested more than {max_depth} deep") from None
    return _cleaned(value)


def _cleaned(value: Any) -> Any:
    if isinstance(value, str):
        return clean(value)
    if isinstance(value, list):
        return [_cleaned(v) for v in value]
    if isinstance(value, dict):
        return {clean(k): _cleaned(v) for k, v in value.items()}
    return value
