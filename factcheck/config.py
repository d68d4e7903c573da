"""Settings: defaults, the ``[factcheck]`` section of a config file, then flags.

Config files are found by walking up from the working directory: the first of
``.factcheck.cfg``, ``setup.cfg`` (with a ``[factcheck]`` section) or
``pyproject.toml`` (with ``[tool.factcheck]``). ``--config FILE`` wins. Unknown
keys and bad values are errors that name the key, the value and the range.
"""

from __future__ import annotations

import configparser
import dataclasses
import math
from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from factcheck.model import Severity


class ConfigError(Exception):
    pass


@dataclass(frozen=True)
class Settings:
    link_threshold: float = 62.0
    containment: float = 0.72
    partial_threshold: float = 80.0
    min_content_words: int = 4
    max_postings: int = 200
    fail_on: Severity = Severity.MEDIUM
    quote_style: Severity = Severity.INFO  # the same quoted words in two house styles
    enable: tuple[str, ...] | None = None  # None: every kind
    disable: tuple[str, ...] = ()
    accepted_variants: tuple[str, ...] = ()
    severity: dict[str, Severity] = field(default_factory=dict)
    paths: tuple[str, ...] = ()  # globs checked when no PATH is given
    baseline: str = ""  # the baseline file 'factcheck baseline' writes
    ignore: tuple[str, ...] = ()  # finding ids reported as suppressed, not as findings
    spin_min_pairs: int = 3
    spin_min_rate: float = 0.1
    jobs: int = 0  # every core: claims (tuples of words) are cheap to send back
    max_input_mb: int = 1024  # an input file (or standard input) larger than this is skipped

    def max_input_bytes(self) -> int:
        return self.max_input_mb << 20

    def workers(self) -> int:
        """Processes for parallel stages: ``jobs``, or every core when it is 0."""
        import os

        return self.jobs if self.jobs > 0 else (os.cpu_count() or 1)

    def kind_enabled(self, kind: str) -> bool:
        return (self.enable is None or kind in self.enable) and kind not in self.disable

    def affecting_findings(self, kinds: Collection[str]) -> dict[str, object]:
        """The settings that change which findings a run reports (kept in baselines);
        ``kinds``, every kind there is, stands for an ``enable`` left unset."""
        out: dict[str, object] = {}
        for f in dataclasses.fields(self):
            if f.name in ("fail_on", "jobs", "paths", "baseline", "max_input_mb", "ignore"):
                continue
            value = getattr(self, f.name)
            if f.name == "enable" and value is None:
                value = tuple(kinds)
            if isinstance(value, dict):
                value = {k: v.label for k, v in sorted(value.items())}
            elif isinstance(value, tuple):
                value = list(value)
            elif isinstance(value, Severity):
                value = value.label
            out[f.name.replace("_", "-")] = value
        return out


# The range of each number: (low, high), both allowed; None is no bound.
_FLOAT: dict[str, tuple[float, float]] = {
    "link_threshold": (0, 100),
    "containment": (0, 1),
    "partial_threshold": (0, 100),
    "spin_min_rate": (0, 1),
}
_INT: dict[str, tuple[int, int | None]] = {
    "min_content_words": (1, None),
    "spin_min_pairs": (1, None),
    "jobs": (0, 512),
    "max_postings": (1, None),
    "max_input_mb": (1, 1 << 20),
}
_LIST = {"enable", "disable", "accepted_variants", "paths", "ignore"}
_STR = {"baseline"}


def _shown(value: Any) -> str:
    text = str(value)
    return text if len(text) <= 40 else text[:39] + "…"


def _range(low: float, high: float | None) -> str:
    return f"{low:g} to {high:g}" if high is not None else f"at least {low:g}"


def _number(name: str, value: Any) -> float | int:
    """A number of the settings, in its range; ``ValueError`` names the value and range."""
    integer = name in _INT
    low, high = _INT[name] if integer else _FLOAT[name]
    what = "a whole number" if integer else "a number"
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        raise ValueError(f"{_shown(value)!r} is not {what} ({_range(low, high)})")
    try:
        number: float | int = float(value) if not integer else int(str(value).strip())
    except ValueError:
        if integer and isinstance(value, float) and value.is_integer():
            number = int(value)
        else:
            raise ValueError(f"{_shown(value)!r} is not {what} ({_range(low, high)})") from None
    if isinstance(number, float) and not math.isfinite(number):
        raise ValueError(f"{_shown(value)} is not {what} ({_range(low, high)})")
    if number < low or (high is not None and number > high):
        raise ValueError(f"{_shown(value)} is out of range ({_range(low, high)})")
    return number


def _convert(key: str, value: Any, kinds: Collection[str]) -> Any:
    name = key.replace("-", "_")
    try:
        if name in _FLOAT or name in _INT:
            return _number(name, value)
        if name in _STR:
            return str(value)
        if name in ("fail_on", "quote_style"):
            return Severity.parse(str(value))
        if name in _LIST:
            raw = value if isinstance(value, list) else str(value).replace(",", " ").split()
            items = tuple(str(i).strip() for i in raw if str(i).strip())
            if name in ("enable", "disable"):
                bad = [i for i in items if i not in kinds]
                if bad:
                    raise ValueError(f"unknown kind {bad[0]!r} (kinds: {', '.join(kinds)})")
            return items
        if name == "severity":
            pairs = value.items() if isinstance(value, dict) else _pairs(str(value))
            out = {}
            for kind, sev in pairs:
                if kind not in kinds:
                    raise ValueError(f"unknown kind {kind!r}")
                out[kind] = Severity.parse(str(sev))
            return out
    except (TypeError, ValueError) as exc:
        raise ConfigError(f"{key}: {exc}") from None
    raise ConfigError(f"unknown setting {key!r}")


def _pairs(text: str) -> list[tuple[str, str]]:
    out = []
    for item in text.replace(",", "\n").splitlines():
        if item.strip():
            if "=" not in item and ":" not in item:
                raise ValueError(f"expected kind = severity, got {item.strip()!r}")
            k, v = item.replace(":", "=", 1).split("=", 1)
            out.append((k.strip(), v.strip()))
    return out


def find_config(start: Path | None = None) -> Path | None:
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        for name in (".factcheck.cfg", "setup.cfg", "pyproject.toml"):
            candidate = folder / name
            if candidate.is_file() and _has_section(candidate):
                return candidate
    return None


def _has_section(path: Path) -> bool:
    try:
        text = path.read_text("utf-8")
    except (OSError, UnicodeDecodeError):
        return False
    marker = "[tool.factcheck]" if path.suffix == ".toml" else "[factcheck]"
    return marker in text


def read_config(path: Path) -> dict[str, Any]:
    try:
        if path.suffix == ".toml":
            import tomllib

            with path.open("rb") as fh:
                data = tomllib.load(fh)
            return dict(data.get("tool", {}).get("factcheck", {}))
        parser = configparser.ConfigParser(inline_comment_prefixes=("#", ";"))
        parser.read(path, encoding="utf-8")
        return dict(parser["factcheck"]) if parser.has_section("factcheck") else {}
    except (OSError, configparser.Error, ValueError) as exc:
        raise ConfigError(f"{path}: cannot read configuration: {exc}") from None


def load(
    kinds: Collection[str], config: str | None = None, overrides: dict[str, Any] | None = None
) -> Settings:
    """Settings from the config file (found or named) with ``overrides`` on top; kind
    names are checked against ``kinds``, the checks' register."""
    values: dict[str, Any] = {}
    path = Path(config) if config else find_config()
    if config and not Path(config).is_file():
        from factcheck.runtime.limits import file_kind

        try:
            kind = f"not a regular file: {file_kind(Path(config).stat().st_mode)}"
        except OSError:
            kind = "no such configuration file"
        raise ConfigError(f"{config}: {kind}")
    if path is not None:
        for key, value in read_config(path).items():
            try:
                values[key.replace("-", "_")] = _convert(key, value, kinds)
            except ConfigError as exc:
                raise ConfigError(f"{path}: {exc}") from None
    for key, value in (overrides or {}).items():
        if value is not None:
            try:
                values[key.replace("-", "_")] = _convert(key, value, kinds)
            except ConfigError as exc:
                raise ConfigError(f"--{exc}") from None
    return Settings(**values)
