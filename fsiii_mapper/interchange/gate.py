"""The export gate: a table with validation errors is never exported; warnings need consent.

Exports are rendered in memory first and written with ``fsiii_mapper.io.atomic``, so a refused or
failed export leaves no file (and an existing file untouched).
"""

from __future__ import annotations

from fsiii_mapper.io.documents import TableDocument
from fsiii_mapper.rules.findings import counts
from fsiii_mapper.rules.rule import severity_label
from fsiii_mapper.rules.table_rules import TableFinding, validate_table
from fsiii_mapper.texts import nt
from fsiii_mapper.workspace import Workspace


class ExportRefused(Exception):
    """The table may not be exported; ``findings`` are the reasons (errors, or warnings)."""

    def __init__(
        self, table_id: str, findings: list[TableFinding], lang: str | None = None
    ) -> None:
        self.table_id = table_id
        self.findings = findings
        errors, warnings = counts(findings)
        if errors:
            head = nt(
                "Export refused: the table {table} has {n} error – no file was written",
                "Export refused: the table {table} has {n} errors – no file was written",
                errors,
                lang,
                table=table_id,
            )
        else:
            head = nt(
                "Export refused: the table {table} has {n} warning – use --allow-warnings to "
                "export anyway; no file was written",
                "Export refused: the table {table} has {n} warnings – use --allow-warnings to "
                "export anyway; no file was written",
                warnings,
                lang,
                table=table_id,
            )
        lines = [head] + [
            f"  {f.location()}: {severity_label(f.severity, lang)} {f.rule} {f.name}: {f.message}"
            for f in findings
        ]
        super().__init__("\n".join(lines))


def check_exportable(
    doc: TableDocument, ws: Workspace, allow_warnings: bool = False, lang: str | None = None
) -> list[TableFinding]:
    """Validate ``doc``; raise ``ExportRefused`` on errors (or on warnings without consent).

    Returns the warnings that were allowed, so the caller can mention them.
    """
    findings = validate_table(doc, ws, lang)
    errors = [f for f in findings if f.severity == "error"]
    warnings = [f for f in findings if f.severity == "warning"]
    if errors:
        raise ExportRefused(doc.table.id, errors, lang)
    if warnings and not allow_warnings:
        raise ExportRefused(doc.table.id, warnings, lang)
    return warnings
