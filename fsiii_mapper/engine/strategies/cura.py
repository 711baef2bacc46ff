"""Cura (Systematic): the whole report goes through the simplified table as soon as the citizen
has an ``aktiv`` state whose code exists only in the simplified catalog, or an ``aktiv`` area
note; otherwise through the old table. Only ``aktiv`` states count, as for the plain tables.

Reason codes: ``cura.simplified-state`` (code, display), ``cura.area-note`` (area),
``cura.old-only``.
"""

from __future__ import annotations

from collections.abc import Sequence

from fsiii_mapper.engine.report import Reason
from fsiii_mapper.engine.routing import ACTIVE, Lookup, Plan, Route
from fsiii_mapper.model import Citizen, CitizenCondition

NAME = "cura"


def plan(citizen: Citizen, live: Sequence[CitizenCondition], find: Lookup) -> Plan:
    for cond in live:
        if cond.status != "aktiv":
            continue
        st = find.simplified(cond.code)
        if st is not None and find.original(cond.code) is None:
            reason = Reason("cura.simplified-state", {"code": st.key, "display": st.display})
            return Plan([Route("simplified", ACTIVE, live)], reason)
    for note in citizen.area_notes:
        if note.status == "aktiv":
            reason = Reason("cura.area-note", {"area": note.area})
            return Plan([Route("simplified", ACTIVE, live)], reason)
    return Plan([Route("original", ACTIVE, live)], Reason("cura.old-only"))
