"""The simplified table over every ``aktiv`` state of its catalog, wherever it was documented:
what would this table do (``documented_in`` plays no part)."""

from __future__ import annotations

from collections.abc import Sequence

from fsiii_mapper.engine.report import Reason
from fsiii_mapper.engine.routing import ACTIVE, Lookup, Plan, Route
from fsiii_mapper.model import AreaNote, Citizen, CitizenCondition

NAME = "simplified"


def plan(
    citizen: Citizen,
    live: Sequence[CitizenCondition],
    find: Lookup,
    notes: Sequence[AreaNote] = (),
) -> Plan:
    return Plan([Route("simplified", ACTIVE, live)], Reason(NAME))
