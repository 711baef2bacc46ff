"""Comparing tables: structural gaps per report field, fill rates over citizens."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from fsiii_mapper.engine.lost import lost_by_the_tables
from fsiii_mapper.engine.populate import engine_for
from fsiii_mapper.model import Citizen
from fsiii_mapper.workspace import Workspace


@dataclass
class FieldGap:
    code: str
    label: str
    sources: dict[str, list[str]]  # table slot → source keys that fill the field
    lost: bool  # filled by the old table's rows, by nothing in the simplified table


def structural_gaps(ws: Workspace) -> list[FieldGap]:
    engine = engine_for(ws)
    lost = lost_by_the_tables(engine)
    fills = {slot: engine.sources(slot) for slot in ws.tables}
    return [
        FieldGap(
            code,
            ws.layout.label_of(code),
            {slot: list(by_field.get(code, [])) for slot, by_field in fills.items()},
            code in lost,
        )
        for code in ws.layout.field_codes()
    ]


def fill_rates(
    ws: Workspace, citizens: Iterable[Citizen], strategies: Iterable[str]
) -> dict[str, dict[str, float]]:
    """strategy → field code → share of citizens (0..1) for whom the field is filled."""
    engine = engine_for(ws)
    people = list(citizens)
    rates: dict[str, dict[str, float]] = {}
    for s in strategies:
        filled: dict[str, int] = dict.fromkeys(ws.layout.field_codes(), 0)
        for c in people:
            for code in engine.filled(c, s):
                filled[code] += 1
        n = len(people) or 1
        rates[s] = {k: v / n for k, v in filled.items()}
    return rates
