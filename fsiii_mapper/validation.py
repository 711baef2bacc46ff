"""Validation of a mapping table: findings with severity, a stable rule id, file, line, column.

Rule ids are stable across releases (tools and CI filter on them); new rules get new ids.
"""

from __future__ import annotations

import os
from collections import defaultdict
from dataclasses import asdict, dataclass
from typing import Any, Literal

from fsiii_mapper.documents import SchemaError, TableDocument, load_table
from fsiii_mapper.workspace import Workspace
from fsiii_mapper.yamlio import InputError

Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class Rule:
    id: str
    name: str
    severity: Severity
    summary: str


RULES: dict[str, Rule] = {
    r.id: r
    for r in (
        Rule("FM001", "unknown-source", "error", "source code is in no catalog"),
        Rule("FM002", "other-catalog", "error", "source code belongs to the other catalog"),
        Rule("FM003", "unknown-target", "error", "target is not a field of the report layout"),
        Rule("FM004", "duplicate-row", "error", "the same source → target row appears twice"),
        Rule("FM005", "unmapped-state", "error", "catalog state neither mapped nor no-map"),
        Rule("FM006", "no-map-with-target", "error", "a no-map row also names a target"),
        Rule("FM007", "mapped-without-target", "error", "a mapping row has no target"),
        Rule(
            "FM008",
            "level-state-to-area",
            "error",
            "a funktionsevnetilstand (carries a level) is mapped to a problem area",
        ),
        Rule(
            "FM009",
            "health-state-to-function-item",
            "error",
            "a helbredstilstand is mapped to a function item",
        ),
        Rule("FM010", "malformed-metadata", "error", "table metadata is missing or invalid"),
        Rule("FM011", "malformed-row", "error", "a row is missing a field or has an invalid value"),
        Rule("FM012", "yaml-syntax", "error", "the file is not valid YAML"),
        Rule("FM013", "mapped-and-no-map", "error", "a state is both mapped and marked no-map"),
        Rule(
            "FM014",
            "other-problem-area",
            "warning",
            "a helbredstilstand is mapped to a problem area other than its own",
        ),
        Rule(
            "FM015",
            "unapproved-row-in-published-table",
            "warning",
            "a published table has rows that are not approved",
        ),
    )
}


@dataclass
class Finding:
    rule: str
    severity: Severity
    message: str
    file: str | None
    line: int | None
    column: int | None
    row: int | None = None  # 0-based row index, for tools that select the row
    hint: str = ""

    @property
    def name(self) -> str:
        return RULES[self.rule].name

    def location(self) -> str:
        where = self.file or "<table>"
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        return where

    def to_json(self) -> dict[str, Any]:
        d = asdict(self)
        d["name"] = self.name
        return d


def _finding(
    rule: str,
    message: str,
    file: str | None,
    pos: tuple[int | None, int | None],
    row: int | None = None,
    hint: str = "",
) -> Finding:
    r = RULES[rule]
    return Finding(rule, r.severity, message, file, pos[0], pos[1], row, hint)


def validate_table(doc: TableDocument, ws: Workspace) -> list[Finding]:
    """Every finding for one loaded table, in file order."""
    file = str(doc.path) if doc.path else None
    meta = doc.table.table
    findings: list[Finding] = []

    def meta_pos(key: str) -> tuple[int | None, int | None]:
        return doc.key_position("table", key)

    catalog = ws.catalogs.get(meta.catalog)
    if catalog is None:
        findings.append(
            _finding(
                "FM010",
                f"table.catalog is {meta.catalog!r}; known catalogs: "
                f"{', '.join(sorted(ws.catalogs))}",
                file,
                meta_pos("catalog"),
                hint="use 'original' or 'simplified'",
            )
        )
    if meta.report_layout != ws.layout.id:
        findings.append(
            _finding(
                "FM010",
                f"table.report_layout is {meta.report_layout!r}, the layout in use is "
                f"{ws.layout.id!r}",
                file,
                meta_pos("report_layout"),
            )
        )
    if meta.valid_from and meta.valid_to and meta.valid_to < meta.valid_from:
        findings.append(
            _finding(
                "FM010",
                f"table.valid_to ({meta.valid_to}) is before valid_from ({meta.valid_from})",
                file,
                meta_pos("valid_to"),
            )
        )
    if catalog is None:
        return findings

    others = [c for cid, c in ws.catalogs.items() if cid != meta.catalog]
    seen_pairs: dict[tuple[str, str | None], int] = {}
    by_state: dict[str, list[int]] = defaultdict(list)
    for i, row in enumerate(doc.table.rows):

        def pos(key: str | None = None, i: int = i) -> tuple[int | None, int | None]:
            return doc.row_position(i, key)

        st = catalog.resolve(row.source)
        if st is None:
            other = next((c for c in others if c.resolve(row.source)), None)
            if other is not None:
                findings.append(
                    _finding(
                        "FM002",
                        f"row {i + 1}: {row.source} is a state of the {other.id} catalog, "
                        f"not of this table's catalog ({catalog.id})",
                        file,
                        pos("source"),
                        i,
                        "map it in the other table, or use its successor in this catalog",
                    )
                )
            else:
                hint = "use the legacy key (e.g. J1.1) or the UUID"
                if any(s.display.lower() == row.source.strip().lower() for s in catalog.states):
                    hint = (
                        "this looks like a display name; codes are matched, never names – " + hint
                    )
                findings.append(
                    _finding(
                        "FM001",
                        f"row {i + 1}: unknown source code {row.source!r}",
                        file,
                        pos("source"),
                        i,
                        hint,
                    )
                )
        else:
            by_state[st.ident].append(i)

        kind = ws.layout.kind_of(row.target) if row.target else None
        if row.relationship == "no-map":
            if row.target:
                findings.append(
                    _finding(
                        "FM006",
                        f"row {i + 1}: relationship is no-map but target is {row.target}",
                        file,
                        pos("target"),
                        i,
                        "remove the target or choose another relationship",
                    )
                )
        else:
            if not row.target:
                findings.append(
                    _finding(
                        "FM007",
                        f"row {i + 1}: relationship {row.relationship} needs a target",
                        file,
                        pos("relationship"),
                        i,
                        "name a report field or use no-map",
                    )
                )
            elif kind is None:
                findings.append(
                    _finding(
                        "FM003",
                        f"row {i + 1}: unknown target field {row.target!r}",
                        file,
                        pos("target"),
                        i,
                        f"choose one of {', '.join(ws.layout.field_codes())}",
                    )
                )
            elif st is not None:
                if st.group == "funktionsevne" and kind == "problem_area":
                    findings.append(
                        _finding(
                            "FM008",
                            f"row {i + 1}: {st.key} ({st.display}) carries a level and "
                            f"cannot fill problem area {row.target}",
                            file,
                            pos("target"),
                            i,
                            "map it to a function item (FA…) or use no-map",
                        )
                    )
                elif st.group == "helbred" and kind == "function_item":
                    findings.append(
                        _finding(
                            "FM009",
                            f"row {i + 1}: {st.key} ({st.display}) has no level and cannot "
                            f"fill function item {row.target}",
                            file,
                            pos("target"),
                            i,
                            f"map it to its problem area {st.area}",
                        )
                    )
                elif st.group == "helbred" and kind == "problem_area" and row.target != st.area:
                    findings.append(
                        _finding(
                            "FM014",
                            f"row {i + 1}: {st.key} belongs to {st.area}, mapped to {row.target}",
                            file,
                            pos("target"),
                            i,
                        )
                    )
        if st is not None:
            pair = (st.ident, row.target if row.maps else None)
            if pair in seen_pairs:
                findings.append(
                    _finding(
                        "FM004",
                        f"row {i + 1}: duplicates row {seen_pairs[pair] + 1} "
                        f"({st.key} → {row.target or 'no-map'})",
                        file,
                        pos(),
                        i,
                        "delete one of the two rows",
                    )
                )
            else:
                seen_pairs[pair] = i
        if meta.status == "published" and row.review_status != "approved":
            findings.append(
                _finding(
                    "FM015",
                    f"row {i + 1}: review status is {row.review_status} in a published table",
                    file,
                    pos("review_status"),
                    i,
                )
            )

    for indices in by_state.values():
        kinds = {doc.table.rows[i].maps for i in indices}
        if kinds == {True, False}:
            i = next(i for i in indices if not doc.table.rows[i].maps)
            findings.append(
                _finding(
                    "FM013",
                    f"row {i + 1}: {doc.table.rows[i].source} is mapped in another row "
                    "and marked no-map here",
                    file,
                    doc.row_position(i, "relationship"),
                    i,
                    "delete the no-map row or the mapping rows",
                )
            )
    rows_key = doc.key_position("rows")
    for st in catalog.states:
        if st.ident not in by_state:
            findings.append(
                _finding(
                    "FM005",
                    f"{st.key} ({st.display}) is neither mapped nor marked no-map",
                    file,
                    rows_key,
                    None,
                    "add a row: map it, or mark it no-map so the decision is recorded",
                )
            )
    return sorted(findings, key=lambda f: (f.line is None, f.line or 0, f.rule))


def validate_path(path: str | os.PathLike[str], ws: Workspace) -> list[Finding]:
    """Load and validate one file; problems that stop loading become findings too."""
    try:
        doc = load_table(path)
    except SchemaError as exc:
        out = []
        for p in exc.problems:
            rule = "FM011" if p.loc and p.loc[0] == "rows" else "FM010"
            where = ".".join(str(x) for x in p.loc)
            row = (
                p.loc[1]
                if rule == "FM011" and len(p.loc) > 1 and isinstance(p.loc[1], int)
                else None
            )
            out.append(_finding(rule, f"{where}: {p.message}", str(path), (p.line, p.column), row))
        return out
    except InputError as exc:
        return [
            _finding(
                "FM012", exc.message, exc.path or str(path), (exc.line, exc.column), hint=exc.hint
            )
        ]
    return validate_table(doc, ws)


def counts(findings: list[Finding]) -> tuple[int, int]:
    errors = sum(1 for f in findings if f.severity == "error")
    return errors, len(findings) - errors


def rule_table() -> str:
    return "\n".join(f"  {r.id} {r.name} ({r.severity}): {r.summary}" for r in RULES.values())


__all__ = ["RULES", "Finding", "counts", "rule_table", "validate_path", "validate_table"]
