"""The strategies, one module each: which table a citizen's documentation goes through.

DOMAIN.md §5. Each module has ``NAME`` and ``plan(citizen, live, find) -> Plan``; the order here
is the order shown to users. ``inaktiv`` states never reach a strategy.
"""

from __future__ import annotations

from fsiii_mapper.engine.routing import Planner
from fsiii_mapper.engine.strategies import cura, nexus, original, simplified

PLANNERS: dict[str, Planner] = {m.NAME: m.plan for m in (original, simplified, cura, nexus)}
STRATEGIES: tuple[str, ...] = tuple(PLANNERS)
