"""Validation of a mapping table: findings with severity, a stable rule id, file, line, column.

The rules (id, name, severity, title, help, hint) are declared in
``fsiii_mapper.rules.declarations.table``; this module holds their checks. A finding's message
says what exactly is wrong in this table, its hint what to do about it.
"""

from __future__ import annotations

import os
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from fsiii_mapper.errors import InputError
from fsiii_mapper.io.documents import SchemaError, TableDocument, load_table
from fsiii_mapper.rules.findings import Finding
from fsiii_mapper.rules.registry import rule
from fsiii_mapper.texts import N_, t
from fsiii_mapper.workspace import Workspace


@dataclass(frozen=True)
class TableFinding(Finding):
    column: int | None = None  # 1-based
    row: int | None = None  # 0-based row index, for tools that select the row
    hint: str = ""

    @property
    def name(self) -> str:
        return rule(self.rule).name

    def location(self) -> str:
        where = self.file or "<table>"
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        return where

    def to_json(self) -> dict[str, Any]:
        d = super().to_json()
        d["name"] = self.name
        return d


def validate_table(
    doc: TableDocument, ws: Workspace, lang: str | None = None
) -> list[TableFinding]:
    """Every finding for one loaded table, in file order; messages in ``lang``."""
    file = str(doc.path) if doc.path else None
    meta = doc.table.table
    findings: list[TableFinding] = []

    def add(
        rule_id: str,
        pos: tuple[int | None, int | None],
        message: str,
        row: int | None = None,
        hint: str = "",
        **params: object,
    ) -> None:
        """One finding; ``message`` and ``hint`` are msgids filled from ``params``."""
        text = t(message, lang, **params)
        if row is not None:
            where = t("row {n}", lang, n=row + 1)
            text = f"{where}: {text}"
        hint_text = t(hint, lang, **params) if hint else ""
        severity = rule(rule_id).severity
        findings.append(TableFinding(rule_id, severity, text, file, pos[0], pos[1], row, hint_text))

    def meta_pos(key: str) -> tuple[int | None, int | None]:
        return doc.key_position("table", key)

    catalog = ws.catalogs.get(meta.catalog)
    if catalog is None:
        add(
            "FM010",
            meta_pos("catalog"),
            N_("table.catalog is {value!r}; known catalogs: {known}"),
            hint=N_("use 'original' or 'simplified'"),
            value=meta.catalog,
            known=", ".join(sorted(ws.catalogs)),
        )
    if meta.report_layout != ws.layout.id:
        add(
            "FM010",
            meta_pos("report_layout"),
            N_("table.report_layout is {value!r}, the layout in use is {layout!r}"),
            value=meta.report_layout,
            layout=ws.layout.id,
        )
    if meta.valid_from and meta.valid_to and meta.valid_to < meta.valid_from:
        add(
            "FM010",
            meta_pos("valid_to"),
            N_("table.valid_to ({valid_to}) is before valid_from ({valid_from})"),
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
                    N_(
                        "{code} is a state of the {other} catalog, not of this table's catalog "
                        "({catalog})"
                    ),
                    i,
                    rule("FM002").hint,
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
                    N_("unknown source code {code!r}"),
                    i,
                    N_(
                        "this looks like a display name; codes are matched, never names – use "
                        "the legacy key (e.g. J1.1) or the UUID"
                    )
                    if looks_like_name
                    else rule("FM001").hint,
                    code=row.source,
                )
        else:
            by_state[st.ident].append(i)

        kind = ws.layout.kind_of(row.target) if row.target else None
        if row.relationship == "no-map":
            if row.target:
                add(
                    "FM006",
                    pos("target"),
                    N_("relationship is no-map but target is {target}"),
                    i,
                    rule("FM006").hint,
                    target=row.target,
                )
        elif not row.target:
            add(
                "FM007",
                pos("relationship"),
                N_("relationship {relationship} needs a target"),
                i,
                rule("FM007").hint,
                relationship=row.relationship,
            )
        elif kind is None:
            add(
                "FM003",
                pos("target"),
                N_("unknown target field {target!r}"),
                i,
                N_("choose one of {fields}"),
                target=row.target,
                fields=fields,
            )
        elif st is not None:
            state = f"{st.key} ({st.display})"
            if st.group == "funktionsevne" and kind == "problem_area":
                # The seed's »funktionsevnetilstande, der mappes til … problemområder«: allowed as
                # a related entry (its level is written as text in the area).
                if row.relationship != "related":
                    add(
                        "FM008",
                        pos("target"),
                        N_(
                            "{state} carries a level; in problem area {target} it is only "
                            "allowed as a related entry"
                        ),
                        i,
                        rule("FM008").hint,
                        state=state,
                        target=row.target,
                    )
            elif st.group == "helbred" and kind == "function_item":
                add(
                    "FM009",
                    pos("target"),
                    N_("{state} has no level and cannot fill function item {target}"),
                    i,
                    N_("map it to its problem area {area}"),
                    state=state,
                    target=row.target,
                    area=st.area,
                )
            elif st.group == "helbred" and kind == "problem_area" and row.target != st.area:
                add(
                    "FM014",
                    pos("target"),
                    N_("{state} belongs to {area}, mapped to {target}"),
                    i,
                    state=st.key,
                    area=st.area,
                    target=row.target,
                )
        if st is not None:
            pair = (st.ident, row.target if row.maps else None)
            if pair in seen_pairs:
                add(
                    "FM004",
                    pos(),
                    N_("duplicates row {other} ({state} → {target})"),
                    i,
                    rule("FM004").hint,
                    other=seen_pairs[pair] + 1,
                    state=st.key,
                    target=row.target or "no-map",
                )
            else:
                seen_pairs[pair] = i
        if meta.status == "published" and row.review_status != "approved":
            add(
                "FM015",
                pos("review_status"),
                N_("review status is {status} in a published table"),
                i,
                status=row.review_status,
            )

    for indices in by_state.values():
        kinds = {doc.table.rows[i].maps for i in indices}
        if kinds == {True, False}:
            i = next(i for i in indices if not doc.table.rows[i].maps)
            add(
                "FM013",
                doc.row_position(i, "relationship"),
                N_("{code} is mapped in another row and marked no-map here"),
                i,
                rule("FM013").hint,
                code=doc.table.rows[i].source,
            )
    for st in catalog.states:
        if st.ident not in by_state:
            add(
                "FM005",
                doc.key_position("rows"),  # only when needed: positions parse the YAML tree
                N_("{state} is neither mapped nor marked no-map"),
                None,
                rule("FM005").hint,
                state=f"{st.key} ({st.display})",
            )
    return sorted(findings, key=lambda f: (f.line is None, f.line or 0, f.rule))


def validate_path(
    path: str | os.PathLike[str], ws: Workspace, lang: str | None = None
) -> list[TableFinding]:
    """Load and validate one file; problems that stop loading become findings too."""
    try:
        doc = load_table(path)
    except SchemaError as exc:
        out = []
        for p in exc.problems:
            rule_id = "FM011" if p.loc and p.loc[0] == "rows" else "FM010"
            where = ".".join(str(x) for x in p.loc)
            row = (
                p.loc[1]
                if rule_id == "FM011" and len(p.loc) > 1 and isinstance(p.loc[1], int)
                else None
            )
            out.append(
                TableFinding(
                    rule_id,
                    rule(rule_id).severity,
                    f"{where}: {p.message}",
                    str(path),
                    p.line,
                    p.column,
                    row,
                )
            )
        return out
    except InputError as exc:
        return [
            TableFinding(
                "FM012",
                rule("FM012").severity,
                exc.message,
                exc.path or str(path),
                exc.line,
                exc.column,
                None,
                exc.hint,
            )
        ]
    return validate_table(doc, ws, lang)


__all__ = ["TableFinding", "validate_path", "validate_table"]
