"""Configuration: files found upward, flags over files, errors that name the key."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.checks import KIND_NAMES
from factcheck.cli import main
from factcheck.config import ConfigError, load
from factcheck.model import Severity


def test_defaults_without_a_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    settings = load(KIND_NAMES)
    assert settings.fail_on == Severity.MEDIUM and settings.link_threshold == 62


def test_setup_cfg_found_walking_up(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "setup.cfg").write_text("[factcheck]\nfail-on = high\nlink-threshold = 70\n")
    deep = tmp_path / "a" / "b"
    deep.mkdir(parents=True)
    monkeypatch.chdir(deep)
    settings = load(KIND_NAMES)
    assert settings.fail_on == Severity.HIGH and settings.link_threshold == 70
    assert load(KIND_NAMES, overrides={"fail-on": "low"}).fail_on == Severity.LOW  # flags win


def test_pyproject_and_explicit_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.factcheck]\ndisable = ["spelling-variant"]\nseverity = {misspelling = "medium"}\n'
    )
    monkeypatch.chdir(tmp_path)
    settings = load(KIND_NAMES)
    assert not settings.kind_enabled("spelling-variant")
    assert settings.severity["misspelling"] == Severity.MEDIUM
    other = tmp_path / "other.cfg"
    other.write_text("[factcheck]\nfail-on = info\n")
    assert load(KIND_NAMES, str(other)).fail_on == Severity.INFO


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("[factcheck]\nfail_soon = high\n", "fail_soon"),
        ("[factcheck]\nlink-threshold = many\n", "link-threshold"),
        ("[factcheck]\nenable = misquote, typo\n", "enable"),
        ("[factcheck]\nfail-on = urgent\n", "fail-on"),
    ],
)
def test_bad_settings_name_the_key(tmp_path: Path, text: str, key: str) -> None:
    path = tmp_path / ".factcheck.cfg"
    path.write_text(text)
    with pytest.raises(ConfigError, match=key):
        load(KIND_NAMES, str(path))


def test_cli_reports_config_errors(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / ".factcheck.cfg").write_text("[factcheck]\nbogus = 1\n")
    (tmp_path / "a.txt").write_text("Title line here\n\nSome words in a sentence here.\n")
    monkeypatch.chdir(tmp_path)
    assert main(["check", "a.txt"]) == 2
    err = capsys.readouterr().err
    assert "bogus" in err and "Traceback" not in err


def test_paths_from_config(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / ".factcheck.cfg").write_text("[factcheck]\npaths = news/*.txt\n")
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "a.txt").write_text("Title line here\n\nSome words in a sentence here.\n")
    monkeypatch.chdir(tmp_path)
    assert main(["check", "-f", "json", "-o", "-", "-q"]) == 0
    assert '"a"' in capsys.readouterr().out
