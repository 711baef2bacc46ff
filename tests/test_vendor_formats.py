"""The report formats CI systems read: JSON, JUnit XML (one testsuite per file, one testcase per
checked field) and SARIF 2.1.0 (schema-valid, stable fingerprints, within GitHub's limits)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from lxml import etree

from fsiii_mapper.conformance.batch import BatchResult, Checker, FileResult, run_batch
from fsiii_mapper.conformance.findings import finding
from fsiii_mapper.conformance.render import render_tree, render_xml
from fsiii_mapper.conformance.report_files import report_text
from fsiii_mapper.conformance.report_sarif import FINGERPRINT_KEY, MAX_RESULTS
from fsiii_mapper.rules.registry import FAMILIES

FIXTURES = Path(__file__).parent / "fixtures" / "vendor"


# The reports as the CLI and the GUI write them (streamed), read back.
def batch_json(batch: BatchResult) -> Any:
    return json.loads(report_text(batch, "json"))


def batch_sarif(batch: BatchResult, lang: str | None = None) -> Any:
    return json.loads(report_text(batch, "sarif", lang))


def batch_junit(batch: BatchResult, lang: str | None = None) -> bytes:
    return report_text(batch, "junit", lang).encode("utf-8")


def batch_text(batch: BatchResult, lang: str | None = None) -> str:
    return report_text(batch, "text", lang)


@pytest.fixture
def checker(frozen_checkers: Callable[[str], Checker]) -> Checker:
    return frozen_checkers("original")


@pytest.fixture
def batch(checker: Checker, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> BatchResult:
    """Three files, relative to the working folder: one clean, one with two findings, one broken."""
    monkeypatch.chdir(tmp_path)
    Path("reports").mkdir()
    Path("reports/demo-02.xml").write_bytes(render_xml(checker.expected["demo-02"], checker.spec))
    tree = render_tree(checker.expected["demo-01"], checker.spec)
    m = {"m": "urn:oio:medcom:municipality:1.0.3"}
    areas = {
        a.findtext("m:Terminology/m:Code", namespaces=m): a
        for a in tree.iterfind(".//m:NursingProblemArea", m)
    }
    areas["I9"].find("m:ProblemArea", m).text = "Smerter i hoften"
    areas["I12"].find("m:Terminology/m:CodeDescription", m).text = "x"
    tree.write("reports/demo-01.xml", xml_declaration=True, encoding="UTF-8", pretty_print=True)
    Path("reports/broken.xml").write_bytes(b"<Emessage>")
    files = sorted(Path("reports").glob("*.xml"))
    return run_batch(files, checker.config, checker=checker)


def test_batch_fixture_has_clean_failing_and_broken_files(batch: BatchResult) -> None:
    by = {r.file: [f.rule for f in r.findings] for r in batch.results}
    assert by["reports/demo-02.xml"] == []
    assert sorted(by["reports/demo-01.xml"]) == ["FV203", "FV206"]
    assert by["reports/broken.xml"] == ["FV003"]


def test_json_report_lists_every_file_with_its_findings(batch: BatchResult) -> None:
    data = json.loads(json.dumps(batch_json(batch)))
    assert data["checked"] == data["total"] == 3
    assert (data["errors"], data["warnings"]) == (3, 0)
    assert data["summary"] == "*FAILURE*: 3 errors, 0 warnings"
    files = {f["file"]: f for f in data["files"]}
    assert files["reports/demo-02.xml"]["passed"] is True
    assert files["reports/demo-02.xml"]["matched_by"] == "identifier"
    f = files["reports/demo-01.xml"]["findings"][0]
    assert set(f) >= {
        "rule",
        "severity",
        "message",
        "file",
        "line",
        "xpath",
        "field",
        "expected",
        "actual",
    }


def test_text_report_ends_with_the_fhir_validator_style_summary(batch: BatchResult) -> None:
    lines = batch_text(batch, "en").rstrip().splitlines()
    assert lines[-1] == "*FAILURE*: 3 errors, 0 warnings"
    # broken.xml failed before matching could be tried: it is not counted as unmatched
    assert lines[-2] == ("3 of 3 files checked: 1 passed, 2 with errors, 0 without a citizen")
    assert any(line.startswith("reports/demo-01.xml:") and "FV206" in line for line in lines)


def test_junit_has_one_suite_per_file_and_one_case_per_checked_field(
    batch: BatchResult, checker: Checker
) -> None:
    data = batch_junit(batch, "en")
    root = etree.fromstring(data)
    etree.XMLSchema(etree.parse(str(FIXTURES / "junit.xsd"))).assertValid(root)
    suites = {s.get("name"): s for s in root.findall("testsuite")}
    assert list(suites) == [r.file for r in batch.results]
    n_fields = len(checker.spec.fields)
    clean = suites["reports/demo-02.xml"]
    assert len(clean.findall("testcase")) == int(clean.get("tests")) == 1 + n_fields
    assert clean.find("testcase/failure") is None
    failing = suites["reports/demo-01.xml"]
    failed = {
        c.get("name"): c.find("failure").get("type")
        for c in failing.findall("testcase")
        if c.find("failure") is not None
    }
    assert failed == {
        "I9 Smerter og sanseindtryk": "FV203",
        "I12 Udskillelse af affaldsstoffer": "FV206",
    }
    assert failing.get("failures") == "2"
    broken = suites["reports/broken.xml"]
    assert [c.get("name") for c in broken.findall("testcase")] == ["document"]
    assert broken.find("testcase/failure").get("type") == "FV003"
    assert root.get("failures") == "3"


def test_sarif_is_valid_and_points_at_file_line_and_xpath(batch: BatchResult) -> None:
    sarif = json.loads(json.dumps(batch_sarif(batch, "en")))
    schema = json.loads((FIXTURES / "sarif-2.1.0-subset.schema.json").read_text())
    jsonschema.Draft7Validator(schema, format_checker=jsonschema.FormatChecker()).validate(sarif)
    run = sarif["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == [r.id for r in FAMILIES["vendor"]]
    results = run["results"]
    assert len(results) == 3
    for r in results:
        assert rules[r["ruleIndex"]]["id"] == r["ruleId"]
    r = next(r for r in results if r["ruleId"] == "FV206")
    loc = r["locations"][0]
    assert loc["physicalLocation"]["artifactLocation"] == {
        "uri": "reports/demo-01.xml",
        "uriBaseId": "SRCROOT",
    }
    assert loc["physicalLocation"]["region"]["startLine"] > 1
    assert loc["logicalLocations"][0]["fullyQualifiedName"].endswith("/Terminology/CodeDescription")
    assert r["properties"] == {
        "field": "I12",
        "expected": "Udskillelse af affaldsstoffer",
        "actual": "x",
    }


def test_sarif_fingerprints_survive_lines_moving(batch: BatchResult, checker: Checker) -> None:
    before_results = batch_sarif(batch)["runs"][0]["results"]
    before = {r["ruleId"]: r["partialFingerprints"][FINGERPRINT_KEY] for r in before_results}
    p = Path("reports/demo-01.xml")
    text = p.read_text(encoding="utf-8")
    p.write_text(
        text.replace("?>\n", "?>\n<!-- exported by vendor X -->\n\n\n", 1), encoding="utf-8"
    )
    again = run_batch(sorted(Path("reports").glob("*.xml")), checker.config, checker=checker)
    after_results = batch_sarif(again)["runs"][0]["results"]
    after = {r["ruleId"]: r["partialFingerprints"][FINGERPRINT_KEY] for r in after_results}
    assert after == before

    def line(results: list[dict[str, Any]]) -> int:
        r = next(r for r in results if r["ruleId"] == "FV206")
        return int(r["locations"][0]["physicalLocation"]["region"]["startLine"])

    assert line(after_results) == line(before_results) + 3
    assert len(set(after.values())) == len(after)


def test_sarif_stays_within_githubs_result_limit_keeping_errors_first() -> None:
    findings = [finding("FV108", "a.xml", "en", field="FA510", line=i + 1) for i in range(10)]
    findings += [
        finding(
            "FV103", "a.xml", "en", field="FA510", line=100 + i, expected="lette", actual=str(i)
        )
        for i in range(MAX_RESULTS)
    ]
    batch = BatchResult(
        "original", [], [FileResult("a.xml", "demo-01", "identifier", findings)], total=1
    )
    run = batch_sarif(batch)["runs"][0]
    assert len(run["results"]) == MAX_RESULTS
    assert {r["level"] for r in run["results"]} == {"error"}
    note = run["invocations"][0]["toolExecutionNotifications"][0]["message"]["text"]
    assert note.startswith("10 results left out")
    prints = [r["partialFingerprints"][FINGERPRINT_KEY] for r in run["results"]]
    assert len(set(prints)) == len(prints)


def test_reports_survive_file_names_that_are_not_utf8(checker: Checker, tmp_path: Path) -> None:
    odd = tmp_path / "r\udcff.xml"  # a byte that is not UTF-8
    try:
        odd.write_bytes(b"<Emessage>")
    except (OSError, UnicodeEncodeError):
        pytest.skip("the file system refuses such names")
    batch = run_batch([odd], checker.config, checker=checker)
    assert batch.results[0].file.endswith("r\ufffd.xml")
    etree.fromstring(batch_junit(batch))
    json.dumps(batch_sarif(batch), ensure_ascii=False).encode("utf-8")


def test_sarif_passes_githubs_rules_and_carries_expected_and_found(batch: BatchResult) -> None:
    from sarif_github_rules import authoring_problems, github_problems

    sarif = json.loads(json.dumps(batch_sarif(batch, "en")))
    assert github_problems(sarif) == []
    assert authoring_problems(sarif) == []
    run = sarif["runs"][0]
    assert run["tool"]["driver"]["informationUri"].split("#")[0].endswith("docs/regler.md")
    by_rule = {r["ruleId"]: r for r in run["results"]}
    # the values are in the message GitHub shows, not only in properties
    assert by_rule["FV206"]["message"]["text"].endswith("found 'x'.")
    assert "expected '" in by_rule["FV206"]["message"]["text"]
    # a finding about the whole file (broken.xml has no line) still has a region GitHub can show
    assert by_rule["FV003"]["locations"][0]["physicalLocation"]["region"]["startLine"] >= 1


def test_the_github_check_finds_what_round_1_got_wrong(batch: BatchResult) -> None:
    from sarif_github_rules import authoring_problems, github_problems

    sarif = json.loads(json.dumps(batch_sarif(batch, "en")))
    run = sarif["runs"][0]
    del run["tool"]["driver"]["informationUri"]
    for rule in run["tool"]["driver"]["rules"][:1]:
        del rule["help"]
    del run["results"][0]["locations"][0]["physicalLocation"]["region"]
    run["results"][1]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] = (
        "https://example.invalid/x.xml"
    )
    assert [p.split(":")[0] for p in github_problems(sarif)] == ["GH1003", "GH1005"]
    assert [p.split(":")[0] for p in authoring_problems(sarif)] == ["SARIF2005", "FV001"]


def test_sarif_multitool_github_rules_when_installed(batch: BatchResult, tmp_path: Path) -> None:
    """The real Microsoft SARIF multitool (npm @microsoft/sarif-multitool; .NET, not installable
    from PyPI), when ``SARIF_MULTITOOL`` names its binary: no GH or SARIF rule fires."""
    import os
    import subprocess

    tool = os.environ.get("SARIF_MULTITOOL")
    if not tool:
        pytest.skip("set SARIF_MULTITOOL to the Sarif.Multitool binary to run it")
    log = tmp_path / "in.sarif"
    log.write_text(json.dumps(batch_sarif(batch, "en")), encoding="utf-8")
    out = tmp_path / "out.sarif"
    env = {**os.environ, "DOTNET_SYSTEM_GLOBALIZATION_INVARIANT": "1"}
    subprocess.run(
        [tool, "validate", str(log), "--rule-kind", "Gh;Sarif", "-o", str(out)],
        check=True,
        capture_output=True,
        timeout=300,
        env=env,
    )
    results = json.loads(out.read_text(encoding="utf-8"))["runs"][0].get("results", [])
    assert [r["ruleId"] for r in results] == []


def test_junit_fails_every_field_a_document_error_invalidates(
    checker: Checker, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file in the wrong namespace is matched to its citizen but none of its fields can be
    checked: round 1 showed "1 failure, 19 passed"; now no field case passes. (The namespace is a
    form finding: an error, stopping the comparison, when form findings are errors.)"""
    import dataclasses

    checker = Checker(dataclasses.replace(checker.config, strict_form=True))
    monkeypatch.chdir(tmp_path)
    good = render_xml(checker.expected["demo-02"], checker.spec)
    wrong = good.replace(b"urn:oio:medcom:municipality:1.0.3", b"urn:example:wrong:1.0")
    Path("wrong-ns.xml").write_bytes(wrong)
    batch = run_batch([Path("wrong-ns.xml")], checker.config, checker=checker)
    (result,) = batch.results
    doc_errors = [f for f in result.findings if f.field in (None, "document")]
    assert doc_errors, [f.rule for f in result.findings]
    suite = etree.fromstring(batch_junit(batch, "en")).find("testsuite")
    cases = suite.findall("testcase")
    assert cases[0].get("name") == "document"
    assert all(c.find("failure") is not None for c in cases)
    assert suite.get("failures") == suite.get("tests") == str(len(cases))
    field_failure = cases[1].find("failure")
    assert field_failure.get("message").startswith("not checked: the document failed")
