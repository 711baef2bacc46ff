"""The old table over the citizen's ``aktiv`` states."""

from __future__ import annotations

from collections.abc import Sequence

from fsiii_mapper.engine.report import Reason
from fsiii_mapper.engine.routing import ACTIVE, Lookup, Plan, Route
from fsiii_mapper.model import Citizen, CitizenCondition

NAME = "original"


def plan(citizen: Citizen, live: Sequence[CitizenCondition], find: Lookup) -> Plan:
    return Plan([Route("original", ACTIVE, live)], Reason(NAME))
