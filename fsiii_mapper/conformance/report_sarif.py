"""SARIF 2.1.0 report for code-scanning dashboards (GitHub, Azure DevOps, GitLab).

- every vendor-check rule of the registry (``fsiii_mapper.rules``) is described in
  ``tool.driver.rules`` (title, help, hint, link to ``docs/regler.md``, default level); results
  refer to it by ``ruleId`` and ``ruleIndex``; the driver's ``informationUri`` is the rules
  document too;
- each result's message carries the expected and the found value (in single quotes, as the SARIF
  authoring rules ask), so GitHub and sarif-tools show more than the rule's title;
- what GitHub code scanning needs (the SARIF multitool's GH rules): every result has a location
  with an artifact URI (relative to ``SRCROOT``, or a ``file:`` URI with the working directory in
  ``invocations[0].workingDirectory``) and a region with ``startLine`` (line 1 when the finding is
  about the file as a whole);
- each result has a stable ``partialFingerprints`` entry built from the rule, the file, the report
  field and the expected value — not from line numbers, which move when a file is edited;
- GitHub accepts at most 25,000 results per run: beyond that, errors are kept before warnings and
  the run says, in ``invocations[0].toolExecutionNotifications``, how many were left out.

Written as a stream: the findings are counted first, then the results are written one at a time.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path, PurePath
from typing import Any, TextIO
from urllib.parse import quote

from fsiii_mapper import __version__
from fsiii_mapper.conformance.batch import BatchResult
from fsiii_mapper.conformance.findings import VendorFinding
from fsiii_mapper.conformance.report_json import write_json_stream
from fsiii_mapper.rules.registry import FAMILIES, help_uri, rules_doc_uri
from fsiii_mapper.rules.rule import Rule
from fsiii_mapper.texts import t

SARIF_SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
MAX_RESULTS = 25_000
FINGERPRINT_KEY = "fsiiiVendorFinding/v1"


def artifact_uri(file: str) -> str:
    """A relative file stays relative (resolved against ``SRCROOT``); an absolute one is a
    ``file:`` URI."""
    p = PurePath(file)
    if p.is_absolute():
        return Path(file).as_uri()
    return quote(p.as_posix(), safe="/")


def _fingerprint(f: VendorFinding, uri: str, seen: dict[str, int]) -> str:
    base = "\x1f".join((f.rule, uri, f.field or "", f.expected or "", f.actual or ""))
    n = seen.get(base, 0)
    seen[base] = n + 1
    return hashlib.sha256(f"{base}\x1f{n}".encode("utf-8", "surrogatepass")).hexdigest()


def _quoted(value: str | None, lang: str | None, most: int = 120) -> str:
    if value is None:
        return t("(none)", lang)
    flat = " ".join(value.split())
    return "'" + (flat if len(flat) <= most else flat[: most - 1] + "…") + "'"


def result_message(f: VendorFinding, lang: str | None) -> str:
    """The finding's message, with the expected and found values when it has them."""
    if f.expected is None and f.actual is None:
        return f.message
    values = t(
        "expected {expected}, found {actual}",
        lang,
        expected=_quoted(f.expected, lang),
        actual=_quoted(f.actual, lang),
    )
    return f"{f.message}: {values}."


def _rule(r: Rule, lang: str | None) -> dict[str, Any]:
    help_text = r.help_text(lang)
    what_to_do = t("What to do: {hint}", lang, hint=r.hint_text(lang))
    uri = help_uri(r.id)
    return {
        "id": r.id,
        "name": r.name,
        "shortDescription": {"text": r.title_text(lang)},
        "fullDescription": {"text": help_text},
        "help": {
            "text": f"{help_text}\n\n{what_to_do}",
            "markdown": f"{help_text}\n\n{what_to_do}\n\n[{r.id} {r.name}]({uri})",
        },
        "helpUri": uri,
        "defaultConfiguration": {"level": r.severity},
    }


def _result(
    f: VendorFinding, index: dict[str, int], seen: dict[str, int], lang: str | None
) -> dict[str, Any]:
    uri = artifact_uri(f.file)
    physical: dict[str, Any] = {"artifactLocation": {"uri": uri}}
    if not PurePath(f.file).is_absolute():
        physical["artifactLocation"]["uriBaseId"] = "SRCROOT"
    physical["region"] = {"startLine": f.line if f.line and f.line > 0 else 1}
    location: dict[str, Any] = {"physicalLocation": physical}
    if f.xpath:
        location["logicalLocations"] = [{"fullyQualifiedName": f.xpath, "kind": "element"}]
    props = {
        k: v
        for k, v in (("field", f.field), ("expected", f.expected), ("actual", f.actual))
        if v is not None
    }
    result: dict[str, Any] = {
        "ruleId": f.rule,
        "ruleIndex": index[f.rule],
        "level": f.severity,
        "message": {"text": result_message(f, lang)},
        "locations": [location],
        "partialFingerprints": {FINGERPRINT_KEY: _fingerprint(f, uri, seen)},
    }
    if props:
        result["properties"] = props
    return result


def _kept(batch: BatchResult, errors: int, max_results: int) -> Iterator[VendorFinding]:
    """The findings a run carries, in file order: all of them, or — beyond ``max_results`` —
    errors first (the first ``max_results`` of them), then as many warnings as still fit."""
    room_for_warnings = max(0, max_results - errors)
    kept_errors = kept_warnings = 0
    for f in batch.iter_findings():
        if f.severity == "error":
            if kept_errors < max_results:
                kept_errors += 1
                yield f
        elif kept_warnings < room_for_warnings:
            kept_warnings += 1
            yield f


def write_sarif(
    batch: BatchResult, out: TextIO, lang: str | None = None, max_results: int = MAX_RESULTS
) -> None:
    rules = FAMILIES["vendor"]
    index = {r.id: i for i, r in enumerate(rules)}
    errors, warnings = batch.counts()
    left_out = max(0, errors + warnings - max_results)
    seen: dict[str, int] = {}
    notifications = []
    if left_out:
        notifications.append(
            {
                "level": "warning",
                "message": {
                    "text": f"{left_out} results left out: a SARIF run is limited to "
                    f"{max_results} results (errors were kept first); use --format "
                    "json for all of them"
                },
            }
        )
    invocation: dict[str, Any] = {
        "executionSuccessful": not batch.cancelled,
        # GitHub needs it to place absolute file: URIs in the repository (GH1006)
        "workingDirectory": {"uri": Path.cwd().as_uri() + "/"},
    }
    if notifications:
        invocation["toolExecutionNotifications"] = notifications
    results: list[Any] = []
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": "fsiii-mapper",
                "version": __version__,
                "semanticVersion": __version__,
                "informationUri": rules_doc_uri(),
                "rules": [_rule(r, lang) for r in rules],
            }
        },
        "automationDetails": {"id": f"fsiii-mapper/check-vendor/{batch.strategy}/"},
        "originalUriBaseIds": {"SRCROOT": {"uri": Path.cwd().as_uri() + "/"}},
        "invocations": [invocation],
        "columnKind": "unicodeCodePoints",
        "results": results,
        "properties": {
            "strategy": batch.strategy,
            "filesChecked": len(batch.results),
            "filesTotal": batch.total,
            "resultsLeftOut": left_out,
        },
    }
    doc = {"$schema": SARIF_SCHEMA_URI, "version": "2.1.0", "runs": [run]}
    items = (_result(f, index, seen, lang) for f in _kept(batch, errors, max_results))
    write_json_stream(out, doc, items, results)
