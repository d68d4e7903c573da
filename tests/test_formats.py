"""Machine formats: SARIF against the official schema, GitHub escaping, GitLab, JUnit, Markdown."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import pytest

from factcheck.model import Report
from factcheck.reporters import Options, ci_formats, render
from tests.conftest import BRIDGE_A, BRIDGE_B, SHARED, analyse_texts

# The shared pair, with a '%' and a '|' inside the quote to test escaping.
A = BRIDGE_A.replace("residents step", "residents, 100% | step")
B = BRIDGE_B.replace("residents step", "residents, 100% | step")


@pytest.fixture(scope="module")
def report() -> Report:
    return analyse_texts({"a": A, "b": B})


def test_sarif_validates_against_the_schema(report: Report) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema_path = SHARED / "eval" / "sarif" / "sarif-schema-2.1.0.json"
    if not schema_path.exists():
        pytest.skip("../shared/eval/sarif is not beside the repo")
    doc = json.loads(render("sarif", report))
    jsonschema.validate(doc, json.loads(schema_path.read_text("utf-8")))
    run = doc["runs"][0]
    assert {r["id"] for r in run["tool"]["driver"]["rules"]} >= {"misquote", "conflict-number"}
    result = run["results"][0]
    assert result["partialFingerprints"]["factcheckFinding/v1"] == report.findings[0].id
    assert result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].endswith(".txt")
    assert result["relatedLocations"]


def test_github_annotations_are_escaped_and_capped(report: Report) -> None:
    out = render("github", report)
    lines = out.splitlines()
    assert lines[0].startswith("::error file=a.txt,line=") or lines[0].startswith("::error file=")
    assert all("\n" not in line for line in lines)
    assert "%25" in out or "%" not in "".join(f.message for f in report.findings)
    assert lines[-1].startswith("::notice title=factcheck summary::")
    many = Report(report.sources, report.claims, report.clusters, report.findings * 20)
    capped = render("github", many).splitlines()
    assert sum(1 for line in capped if line.startswith("::error")) == ci_formats.GITHUB_CAP
    assert "not annotated" in capped[-1]


def test_github_escaping_rules() -> None:
    assert ci_formats._gh_data("50%\nnext\r") == "50%25%0Anext%0D"
    assert ci_formats._gh_property("a:b,c") == "a%3Ab%2Cc"


def test_gitlab_code_quality(report: Report) -> None:
    issues = json.loads(render("gitlab", report))
    assert issues and {"description", "check_name", "fingerprint", "severity", "location"} <= set(
        issues[0]
    )
    assert issues[0]["severity"] in {"info", "minor", "major", "critical", "blocker"}
    assert issues[0]["location"]["lines"]["begin"] >= 1


def test_junit_is_xml_with_failures(report: Report) -> None:
    root = ET.fromstring(render("junit", report, Options()).split("?>", 1)[1])
    suite = root.find("testsuite")
    assert suite is not None
    assert int(suite.get("failures", "0")) >= 1
    assert len(suite.findall("testcase")) == len(report.findings)


def test_markdown_escapes_table_cells(report: Report) -> None:
    out = render("markdown", report)
    assert out.startswith("## factcheck")
    rows = [line for line in out.splitlines() if line.startswith("| ") and "---" not in line]
    assert all(line.count(" | ") == 3 for line in rows[1:])  # a '|' in a message cannot split cells


def test_json_written_in_pieces_is_the_whole_report(
    report: Report, monkeypatch: pytest.MonkeyPatch
) -> None:
    from factcheck.reporters import json_report

    monkeypatch.setattr(json_report, "ROWS_PER_CHUNK", 2)
    pieces = list(json_report.chunks(report))
    assert len(pieces) > len(report.claims) // 2  # written a few rows at a time
    assert json.loads("".join(pieces)) == json_report.as_dict(report)


def test_sarif_and_text_show_the_readings() -> None:
    from factcheck.reporters.text_report import render as text
    from tests.corpus25 import corpus25

    report = analyse_texts(corpus25())
    with_readings = [f for f in report.findings if any(r.majority for r in f.readings)]
    assert with_readings
    results = json.loads(render("sarif", report))["runs"][0]["results"]
    message = next(
        r["message"]["text"]
        for r in results
        if r["partialFingerprints"]["factcheckFinding/v1"] == with_readings[0].id
    )
    assert "majority: '$40' (s0-courier, s0-gazette, s0-herald, s0-post)" in message
    assert "differs: '$55' (s0-tribune)" in message
    assert "majority: '$40' (s0-courier" in text(report)
