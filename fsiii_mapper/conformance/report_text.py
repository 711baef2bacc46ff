"""Plain-text report: one line per finding, then a summary like the FHIR validator's."""

from __future__ import annotations

import unicodedata
from typing import TextIO

from fsiii_mapper.conformance.batch import BatchResult
from fsiii_mapper.conformance.findings import VendorFinding
from fsiii_mapper.rules.rule import severity_label
from fsiii_mapper.texts import nt, t

_UNSAFE = {"Cc", "Cf", "Cs", "Zl", "Zp"}


def printable(text: str) -> str:
    """``text`` with control characters, ANSI escapes, bidi overrides and line separators shown
    as ``\\x1b``/``\\u202e``: a file name or a value from a vendor file can then neither
    break a line (a fake ``Success:``) nor drive the terminal."""
    if text.isprintable():
        return text
    return "".join(
        (f"\\x{ord(ch):02x}" if ord(ch) < 0x100 else f"\\u{ord(ch):04x}")
        if unicodedata.category(ch) in _UNSAFE
        else ch
        for ch in text
    )


def _short(value: str | None, lang: str | None, most: int = 120) -> str:
    if value is None:
        return t("(none)", lang)
    flat = " ".join(value.split())
    return repr(flat if len(flat) <= most else flat[: most - 1] + "…")


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def summary_line(errors: int, warnings: int) -> str:
    """``Success: 0 errors, 1 warning`` / ``*FAILURE*: 1 error, 0 warnings``.

    Deliberately English and never translated, like the FHIR validator's summary: CI scripts grep
    for it. It is the one user-visible text outside the catalogue.
    """
    head = "*FAILURE*" if errors else "Success"
    return f"{head}: {_count(errors, 'error', 'errors')}, {_count(warnings, 'warning', 'warnings')}"


def finding_line(f: VendorFinding, lang: str | None = None) -> str:
    where = printable(f.file) + (f":{f.line}" if f.line else "")
    text = f"{where}: {severity_label(f.severity, lang)} {f.rule} {printable(f.message)}"
    if f.expected is not None or f.actual is not None:
        text += " — " + t(
            "expected {expected}, found {actual}",
            lang,
            expected=_short(f.expected, lang),
            actual=_short(f.actual, lang),
        )
    if f.xpath:
        text += f" [{printable(f.xpath)}]"
    return text


def write_text(batch: BatchResult, out: TextIO, lang: str | None = None) -> None:
    """One line per finding as the files come, then the counts and the summary."""
    any_line = False
    for r in batch.results:
        for f in r.findings:
            out.write(finding_line(f, lang) + "\n")
            any_line = True
    passed = sum(1 for r in batch.results if r.passed)
    unmatched = sum(1 for r in batch.results if any(f.rule == "FV010" for f in r.findings))
    if any_line:
        out.write("\n")
    lines = [
        nt(
            "{checked} of {n} file checked: {passed} passed, {failed} with errors, "
            "{unmatched} without a citizen",
            "{checked} of {n} files checked: {passed} passed, {failed} with errors, "
            "{unmatched} without a citizen",
            batch.total,
            lang,
            checked=len(batch.results),
            passed=passed,
            failed=len(batch.results) - passed,
            unmatched=unmatched,
        )
    ]
    if batch.cancelled:
        lines.append(t("Cancelled – the rest was not checked", lang))
    lines.append(summary_line(*batch.counts()))
    out.write("\n".join(lines) + "\n")
