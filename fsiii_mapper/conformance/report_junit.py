"""JUnit XML report (the de-facto shape Jenkins, GitLab, Azure DevOps and GitHub actions read).

One ``testsuite`` per file, one ``testcase`` per checked report field plus a ``document`` case for
findings about the file as a whole; an error finding is a ``failure`` whose ``type`` is the id of
its registered rule, warnings go to the test case's ``system-out``. A file that could not be
parsed or matched has only the ``document`` case.

An error about the document as a whole (wrong namespace, wrong root, a missing envelope …)
invalidates every field check of that file: the ``document`` case comes first, and each field case
without an error of its own fails too, naming the document's rule, so CI never counts such a file
as "1 failure, 19 passed".

Written as a stream: the totals are counted first, then each file's ``testsuite`` is built,
written and dropped, so memory does not grow with the number of files.
"""

from __future__ import annotations

from typing import TextIO

from lxml import etree

from fsiii_mapper.conformance.batch import BatchResult, FileResult
from fsiii_mapper.conformance.findings import DOCUMENT, VendorFinding
from fsiii_mapper.conformance.report_text import finding_line
from fsiii_mapper.conformance.xmltext import xml_safe
from fsiii_mapper.rules.registry import rule
from fsiii_mapper.texts import t


def _case(
    suite: etree._Element,
    r: FileResult,
    name: str,
    findings: list[VendorFinding],
    lang: str | None,
    document_error: VendorFinding | None = None,
) -> tuple[int, int]:
    case = etree.SubElement(
        suite, "testcase", name=xml_safe(name), classname=xml_safe(r.file), time="0"
    )
    errors = [f for f in findings if f.severity == "error"]
    warnings = [f for f in findings if f.severity != "error"]
    if not errors and document_error is not None:
        message = t(
            "not checked: the document failed ({rule} {message})",
            lang,
            rule=document_error.rule,
            message=document_error.message,
        )
        el = etree.SubElement(
            case, "failure", message=xml_safe(message), type=rule(document_error.rule).id
        )
        el.text = xml_safe(finding_line(document_error, lang))
    elif errors:
        # One failure per test case (many readers show only the first); all errors in its text.
        first = errors[0]
        message = first.message + (f" (+{len(errors) - 1})" if len(errors) > 1 else "")
        el = etree.SubElement(case, "failure", message=xml_safe(message), type=rule(first.rule).id)
        el.text = xml_safe("\n".join(finding_line(f, lang) for f in errors))
    if warnings:
        etree.SubElement(case, "system-out").text = xml_safe(
            "\n".join(finding_line(f, lang) for f in warnings)
        )
    failures = 1 if errors or document_error is not None else 0
    return 1, failures


def _cases(
    batch: BatchResult, r: FileResult
) -> tuple[list[tuple[str, list[VendorFinding]]], VendorFinding | None]:
    """The test cases of one file (the ``document`` case first) and the document's first error,
    which fails every field case."""
    by_field: dict[str, list[VendorFinding]] = {}
    for f in r.findings:
        by_field.setdefault(f.field or DOCUMENT, []).append(f)
    cases = [(DOCUMENT, by_field.pop(DOCUMENT, []))]
    if r.citizen is not None:
        cases += [(f"{code} {label}", by_field.pop(code, [])) for code, label in batch.fields]
    for leftover in by_field.values():  # a field the layout no longer has: keep it visible
        cases[0][1].extend(leftover)
    document_error = next((f for f in cases[0][1] if f.severity == "error"), None)
    return cases, document_error


def _tally(batch: BatchResult, r: FileResult) -> tuple[int, int]:
    """``(tests, failures)`` of one file's suite, without building it."""
    cases, document_error = _cases(batch, r)
    failures = sum(
        1
        for i, (_, fs) in enumerate(cases)
        if (i and document_error is not None) or any(f.severity == "error" for f in fs)
    )
    return len(cases), failures


def _suite(batch: BatchResult, r: FileResult, lang: str | None) -> etree._Element:
    suite = etree.Element("testsuite", name=xml_safe(r.file))
    props = etree.SubElement(suite, "properties")
    etree.SubElement(props, "property", name="strategy", value=batch.strategy)
    etree.SubElement(props, "property", name="citizen", value=r.citizen or "")
    etree.SubElement(props, "property", name="matched_by", value=r.matched_by or "")
    cases, document_error = _cases(batch, r)
    tests = failures = 0
    for i, (name, fs) in enumerate(cases):
        n_tests, n_failed = _case(suite, r, name, fs, lang, document_error if i else None)
        tests += n_tests
        failures += n_failed
    suite.set("tests", str(tests))
    suite.set("failures", str(failures))
    suite.set("errors", "0")
    suite.set("skipped", "0")
    suite.set("time", "0")
    return suite


def write_junit(batch: BatchResult, out: TextIO, lang: str | None = None) -> None:
    """The JUnit document, pretty-printed, one ``testsuite`` at a time."""
    all_tests = all_failures = 0
    for r in batch.results:
        tests, failures = _tally(batch, r)
        all_tests += tests
        all_failures += failures
    root = etree.Element("testsuites", name="fsiii-mapper check-vendor")
    root.set("tests", str(all_tests))
    root.set("failures", str(all_failures))
    root.set("errors", "0")
    root.set("time", "0")
    out.write("<?xml version='1.0' encoding='UTF-8'?>\n")
    empty = etree.tostring(root, encoding="unicode")  # <testsuites …/>
    if not batch.results:
        out.write(empty + "\n")
        return
    out.write(empty[: -len("/>")] + ">\n")
    for r in batch.results:
        suite = _suite(batch, r, lang)
        etree.indent(suite, space="  ", level=1)
        out.write("  " + etree.tostring(suite, encoding="unicode") + "\n")
    out.write("</testsuites>\n")
