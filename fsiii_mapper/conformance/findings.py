"""Findings of the vendor checker. The rules (``FV…``: id, name, severity, texts) are declared in
``fsiii_mapper.rules.declarations.vendor``; a finding's message is its rule's title, prefixed
with the report field and followed by any detail.
"""

from __future__ import annotations

from dataclasses import dataclass

from fsiii_mapper.rules.findings import Finding
from fsiii_mapper.rules.registry import rule
from fsiii_mapper.rules.rule import Severity

DOCUMENT = "document"  # pseudo field of findings about the file as a whole


@dataclass(frozen=True)
class VendorFinding(Finding):
    file: str
    xpath: str = ""
    field: str | None = None  # report field code (FA510, I3 …) the finding is about
    expected: str | None = None
    actual: str | None = None


def finding(
    rule_id: str,
    file: str,
    lang: str | None = None,
    *,
    detail: str = "",
    line: int | None = None,
    xpath: str = "",
    field: str | None = None,
    expected: str | None = None,
    actual: str | None = None,
    severity: Severity | None = None,
) -> VendorFinding:
    """A finding of ``rule_id``; ``severity`` overrides the rule's default (form findings)."""
    r = rule(rule_id)
    message = r.title_text(lang)
    if field and field != DOCUMENT:
        message = f"{field}: {message}"
    if detail:
        message = f"{message} ({detail})"
    return VendorFinding(
        r.id, severity or r.severity, message, file, line, xpath, field, expected, actual
    )
