"""Comparing tables: row diff, structural gaps per report field, fill rates over citizens."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from fsiii_mapper.engine.populate import Engine
from fsiii_mapper.model import Citizen
from fsiii_mapper.workspace import Workspace


@dataclass
class FieldGap:
    code: str
    label: str
    sources: dict[str, list[str]]  # table id → source keys that fill the field

    @property
    def lost(self) -> bool:
        """Filled by the old table's rows, by nothing in the simplified table."""
        return bool(self.sources.get("original")) and not self.sources.get("simplified")


def structural_gaps(ws: Workspace) -> list[FieldGap]:
    out = []
    for code in ws.layout.field_codes():
        sources: dict[str, list[str]] = {}
        for tid, doc in ws.tables.items():
            cat = ws.catalogs.get(doc.table.table.catalog)
            keys = []
            for r in doc.table.rows:
                if r.maps and r.target == code:
                    st = cat.resolve(r.source) if cat else None
                    keys.append(st.key if st else r.source)
            sources[tid] = keys
        out.append(FieldGap(code, ws.layout.label_of(code), sources))
    return out


def fill_rates(
    ws: Workspace, citizens: Iterable[Citizen], strategies: Iterable[str]
) -> dict[str, dict[str, float]]:
    """strategy → field code → share of citizens (0..1) for whom the field is filled."""
    engine = Engine(ws)
    people = list(citizens)
    rates: dict[str, dict[str, float]] = {}
    for s in strategies:
        filled: dict[str, int] = dict.fromkeys(ws.layout.field_codes(), 0)
        for c in people:
            rep = engine.populate(c, s)
            for f in rep.function_items + rep.problem_areas:
                if not f.is_empty:
                    filled[f.code] += 1
        n = len(people) or 1
        rates[s] = {k: v / n for k, v in filled.items()}
    return rates
