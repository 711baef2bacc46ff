"""What every finding has, whichever rule family produced it, and how findings are counted.

Table findings (``table_rules.TableFinding``) add a column, a row and a hint; vendor findings
(``conformance.findings.VendorFinding``) add an XPath, a report field and expected/actual values.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass
from typing import Any

from fsiii_mapper.rules.rule import Severity
from fsiii_mapper.texts import nt, t


@dataclass(frozen=True)
class Finding:
    rule: str  # a registered rule id
    severity: Severity
    message: str  # in the language asked for when the finding was made
    file: str | None
    line: int | None = None  # 1-based

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def counts(findings: Iterable[Finding]) -> tuple[int, int]:
    """``(errors, warnings)``."""
    errors = warnings = 0
    for f in findings:
        if f.severity == "error":
            errors += 1
        else:
            warnings += 1
    return errors, warnings


def counts_text(errors: int, warnings: int, lang: str | None = None) -> str:
    """``1 fejl, 2 advarsler`` / ``1 error, 2 warnings``; ``Ingen fejl`` when both are zero."""
    if not errors and not warnings:
        return t("No errors", lang)
    return ", ".join(
        (
            nt("{n} error", "{n} errors", errors, lang),
            nt("{n} warning", "{n} warnings", warnings, lang),
        )
    )
