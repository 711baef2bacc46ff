"""Cura (Systematic): the whole report goes through the simplified table as soon as the citizen
has an ``aktiv`` state documented in the simplified states, or an ``aktiv`` area note; otherwise
through the old table. Only ``aktiv`` states count, as for the plain tables.

Where a state was documented is its ``documented_in``; without it, the code decides (a code only
in the simplified catalog was documented there) and a retained code (in both catalogs) is assumed
not to switch the table (DOMAIN.md §5). Once switched, the simplified table maps only data
documented in the simplified states: a condition documented in the old states is left out, even
with a retained code; a retained code without ``documented_in`` goes through the simplified table
(assumed). The reason names every condition whose place was assumed (``assumed`` parameters).

Reason codes: ``cura.simplified-state`` (code, display), ``cura.area-note`` (area),
``cura.old-only``, ``cura.no-data``; unused: ``documented-in`` (side).
"""

from __future__ import annotations

from collections.abc import Sequence

from fsiii_mapper.engine.report import Reason
from fsiii_mapper.engine.routing import ACTIVE, Lookup, Plan, Route, assumed, documented_side
from fsiii_mapper.model import AreaNote, Citizen, CitizenCondition

NAME = "cura"

_OLD_DOCUMENTATION = Reason("documented-in", {"side": "original"})


def plan(
    citizen: Citizen,
    live: Sequence[CitizenCondition],
    find: Lookup,
    notes: Sequence[AreaNote] = (),
) -> Plan:
    """``notes`` are the citizen's area notes for areas the report has (others never switch)."""
    active = [c for c in live if c.status == "aktiv"]
    guessed = assumed(active, find)
    trigger = next((c for c in active if documented_side(c, find) == "simplified"), None)
    if trigger is not None:
        st = find.simplified(trigger.code) or find.original(trigger.code)
        assert st is not None  # live conditions are known to a catalog
        params: dict[str, str | tuple[str, ...]] = {
            "code": st.key,
            "display": st.display,
            **guessed,
        }
        return _simplified(live, Reason("cura.simplified-state", params))
    note = next((n for n in notes if n.status == "aktiv"), None)
    if note is not None:
        return _simplified(live, Reason("cura.area-note", {"area": note.area, **guessed}))
    if not active:
        return Plan([Route("original", ACTIVE, live)], Reason("cura.no-data"))
    return Plan([Route("original", ACTIVE, live)], Reason("cura.old-only", guessed))


def _simplified(live: Sequence[CitizenCondition], reason: Reason) -> Plan:
    kept = [c for c in live if c.documented_in != "original"]
    left_out = [(c, _OLD_DOCUMENTATION) for c in live if c.documented_in == "original"]
    return Plan([Route("simplified", ACTIVE, kept)], reason, left_out)
