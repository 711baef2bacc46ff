"""Nexus (KMD): states of the simplified catalog in ``kladde`` or ``aktiv`` through the
simplified table, plus states of the old catalog in ``aktiv`` through the old table.

Each documented state is routed once: a state found in both catalogs (retained, e.g. ``J3.5``)
goes through the simplified table, so one record is never counted twice. Every contribution is
kept; duplicates and conflicting levels are flagged by the engine, never merged away.
"""

from __future__ import annotations

from collections.abc import Sequence

from fsiii_mapper.engine.report import Reason
from fsiii_mapper.engine.routing import ACTIVE, DRAFT_OR_ACTIVE, Lookup, Plan, Route
from fsiii_mapper.model import Citizen, CitizenCondition

NAME = "nexus"


def plan(citizen: Citizen, live: Sequence[CitizenCondition], find: Lookup) -> Plan:
    new_side = [c for c in live if find.simplified(c.code) is not None]
    old_side = [c for c in live if find.simplified(c.code) is None]
    return Plan(
        [Route("simplified", DRAFT_OR_ACTIVE, new_side), Route("original", ACTIVE, old_side)],
        Reason(NAME),
    )
