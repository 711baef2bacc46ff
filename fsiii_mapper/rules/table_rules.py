"""Validation of a mapping table: findings with severity, a stable rule id, file, line, column.

Rule ids are stable across releases (tools and CI filter on them); new rules get new ids.
"""

from __future__ import annotations

import os
from collections import defaultdict
from dataclasses import asdict, dataclass
from typing import Any, Literal

from fsiii_mapper.errors import InputError
from fsiii_mapper.io.documents import SchemaError, TableDocument, load_table
from fsiii_mapper.texts.catalog import tr
from fsiii_mapper.workspace import Workspace

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


def validate_table(doc: TableDocument, ws: Workspace, lang: str | None = None) -> list[Finding]:
    """Every finding for one loaded table, in file order; messages in ``lang`` (default: da)."""
    file = str(doc.path) if doc.path else None
    meta = doc.table.table
    findings: list[Finding] = []

    def add(
        rule: str,
        pos: tuple[int | None, int | None],
        row: int | None = None,
        hint: str = "",
        **params: object,
    ) -> None:
        r = RULES[rule]
        key = f"val.{rule}.{params.pop('variant')}" if "variant" in params else f"val.{rule}"
        message = tr(key, lang, **params)
        if row is not None:
            message = tr("val.row", lang, n=row + 1) + message
        hint_text = tr(f"hint.{hint}", lang, **params) if hint else ""
        findings.append(Finding(rule, r.severity, message, file, pos[0], pos[1], row, hint_text))

    def meta_pos(key: str) -> tuple[int | None, int | None]:
        return doc.key_position("table", key)

    catalog = ws.catalogs.get(meta.catalog)
    if catalog is None:
        add(
            "FM010",
            meta_pos("catalog"),
            hint="catalog",
            variant="catalog",
            value=meta.catalog,
            known=", ".join(sorted(ws.catalogs)),
        )
    if meta.report_layout != ws.layout.id:
        add(
            "FM010",
            meta_pos("report_layout"),
            variant="layout",
            value=meta.report_layout,
            layout=ws.layout.id,
        )
    if meta.valid_from and meta.valid_to and meta.valid_to < meta.valid_from:
        add(
            "FM010",
            meta_pos("valid_to"),
            variant="dates",
            valid_to=meta.valid_to,
            valid_from=meta.valid_from,
        )
    if catalog is None:
        return findings

    others = [c for cid, c in ws.catalogs.items() if cid != meta.catalog]
    fields = ", ".join(ws.layout.field_codes())
    seen_pairs: dict[tuple[str, str | None], int] = {}
    by_state: dict[str, list[int]] = defaultdict(list)
    for i, row in enumerate(doc.table.rows):

        def pos(key: str | None = None, i: int = i) -> tuple[int | None, int | None]:
            return doc.row_position(i, key)

        st = catalog.resolve(row.source)
        if st is None:
            other = next((c for c in others if c.resolve(row.source)), None)
            if other is not None:
                add(
                    "FM002",
                    pos("source"),
                    i,
                    "other-catalog",
                    code=row.source,
                    other=other.id,
                    catalog=catalog.id,
                )
            else:
                looks_like_name = any(
                    s.display.lower() == row.source.strip().lower() for s in catalog.states
                )
                add(
                    "FM001",
                    pos("source"),
                    i,
                    "display-name" if looks_like_name else "code",
                    code=row.source,
                )
        else:
            by_state[st.ident].append(i)

        kind = ws.layout.kind_of(row.target) if row.target else None
        if row.relationship == "no-map":
            if row.target:
                add("FM006", pos("target"), i, "no-map-target", target=row.target)
        elif not row.target:
            add("FM007", pos("relationship"), i, "needs-target", relationship=row.relationship)
        elif kind is None:
            add("FM003", pos("target"), i, "fields", target=row.target, fields=fields)
        elif st is not None:
            state = f"{st.key} ({st.display})"
            if st.group == "funktionsevne" and kind == "problem_area":
                add("FM008", pos("target"), i, "level-state", state=state, target=row.target)
            elif st.group == "helbred" and kind == "function_item":
                add(
                    "FM009",
                    pos("target"),
                    i,
                    "own-area",
                    state=state,
                    target=row.target,
                    area=st.area,
                )
            elif st.group == "helbred" and kind == "problem_area" and row.target != st.area:
                add("FM014", pos("target"), i, state=st.key, area=st.area, target=row.target)
        if st is not None:
            pair = (st.ident, row.target if row.maps else None)
            if pair in seen_pairs:
                add(
                    "FM004",
                    pos(),
                    i,
                    "delete-one",
                    other=seen_pairs[pair] + 1,
                    state=st.key,
                    target=row.target or "no-map",
                )
            else:
                seen_pairs[pair] = i
        if meta.status == "published" and row.review_status != "approved":
            add("FM015", pos("review_status"), i, status=row.review_status)

    for indices in by_state.values():
        kinds = {doc.table.rows[i].maps for i in indices}
        if kinds == {True, False}:
            i = next(i for i in indices if not doc.table.rows[i].maps)
            add(
                "FM013",
                doc.row_position(i, "relationship"),
                i,
                "mapped-and-no-map",
                code=doc.table.rows[i].source,
            )
    rows_key = doc.key_position("rows")
    for st in catalog.states:
        if st.ident not in by_state:
            add("FM005", rows_key, None, "add-row", state=f"{st.key} ({st.display})")
    return sorted(findings, key=lambda f: (f.line is None, f.line or 0, f.rule))


def validate_path(
    path: str | os.PathLike[str], ws: Workspace, lang: str | None = None
) -> list[Finding]:
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
            r = RULES[rule]
            out.append(
                Finding(rule, r.severity, f"{where}: {p.message}", str(path), p.line, p.column, row)
            )
        return out
    except InputError as exc:
        r = RULES["FM012"]
        return [
            Finding(
                "FM012",
                r.severity,
                exc.message,
                exc.path or str(path),
                exc.line,
                exc.column,
                None,
                exc.hint,
            )
        ]
    return validate_table(doc, ws, lang)


def counts(findings: list[Finding]) -> tuple[int, int]:
    errors = sum(1 for f in findings if f.severity == "error")
    return errors, len(findings) - errors


__all__ = ["RULES", "Finding", "counts", "validate_path", "validate_table"]
