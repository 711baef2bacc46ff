"""Comparing tables: row diff, structural gaps per report field, fill rates over citizens."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from fsiii_mapper.io.documents import TableDocument
from fsiii_mapper.model import MappingRow, TableMeta
from fsiii_mapper.model.common import field_names, to_data
from fsiii_mapper.model.table import ROW_FIELDS
from fsiii_mapper.workspace import Workspace


def _row_json(row: MappingRow) -> dict[str, Any]:
    data: dict[str, Any] = to_data(row)
    return {k: v.isoformat() if isinstance(v, dt.date) else v for k, v in data.items()}


@dataclass
class RowChange:
    source: str
    target: str | None
    changes: dict[str, tuple[Any, Any]]


@dataclass
class TableDiff:
    """What differs between table ``a`` and table ``b``: the metadata of the ``table:`` block
    (status, valid_to, publisher, …, as ``key: (a, b)``) and the rows."""

    a: str
    b: str
    added: list[MappingRow] = field(default_factory=list)
    removed: list[MappingRow] = field(default_factory=list)
    changed: list[RowChange] = field(default_factory=list)
    metadata: dict[str, tuple[Any, Any]] = field(default_factory=dict)
    a_file: str = ""  # the files compared ("" for a table that is only in memory)
    b_file: str = ""

    @property
    def is_empty(self) -> bool:
        return not (self.added or self.removed or self.changed or self.metadata)

    def to_json(self) -> dict[str, Any]:
        return {
            "a": self.a,
            "b": self.b,
            "a_file": self.a_file,
            "b_file": self.b_file,
            "summary": {
                "metadata": len(self.metadata),
                "added": len(self.added),
                "removed": len(self.removed),
                "changed": len(self.changed),
            },
            "metadata": {
                k: {"a": _jsonable(v[0]), "b": _jsonable(v[1])} for k, v in self.metadata.items()
            },
            "added": [_row_json(r) for r in self.added],
            "removed": [_row_json(r) for r in self.removed],
            "changed": [
                {
                    "source": c.source,
                    "target": c.target,
                    "changes": {
                        k: {"a": _jsonable(v[0]), "b": _jsonable(v[1])}
                        for k, v in c.changes.items()
                    },
                }
                for c in self.changed
            ],
        }


def _jsonable(v: Any) -> Any:
    return v.isoformat() if hasattr(v, "isoformat") else v


def _ident(ws: Workspace, code: str) -> str:
    for cat in ws.catalogs.values():
        st = cat.resolve(code)
        if st is not None:
            return st.ident
    return code


def diff_tables(a: TableDocument, b: TableDocument, ws: Workspace) -> TableDiff:
    """Rows matched by state (UUID or key, so J1.1 and its UUID are the same row), then target."""
    result = TableDiff(
        a.table.id,
        b.table.id,
        a_file=str(a.path) if a.path else "",
        b_file=str(b.path) if b.path else "",
    )
    result.metadata = {
        k: (getattr(a.table.table, k), getattr(b.table.table, k))
        for k in field_names(TableMeta)
        if getattr(a.table.table, k) != getattr(b.table.table, k)
    }
    rows_a: dict[str, list[MappingRow]] = defaultdict(list)
    rows_b: dict[str, list[MappingRow]] = defaultdict(list)
    for r in a.table.rows:
        rows_a[_ident(ws, r.source)].append(r)
    for r in b.table.rows:
        rows_b[_ident(ws, r.source)].append(r)
    for ident in list(dict.fromkeys([*rows_a, *rows_b])):
        left, right = list(rows_a.get(ident, [])), list(rows_b.get(ident, []))
        if len(left) == 1 and len(right) == 1:
            pairs = [(left.pop(), right.pop())]
        else:
            pairs = []
            for ra in list(left):
                match = next((rb for rb in right if rb.target == ra.target), None)
                if match is not None:
                    pairs.append((ra, match))
                    left.remove(ra)
                    right.remove(match)
        for ra, rb in pairs:
            changes = {
                k: (getattr(ra, k), getattr(rb, k))
                for k in ROW_FIELDS
                if k != "source" and getattr(ra, k) != getattr(rb, k)
            }
            if changes:
                result.changed.append(RowChange(ra.source, ra.target, changes))
        result.removed.extend(left)
        result.added.extend(right)
    return result
