"""Nexus (KMD): states documented in the simplified states in ``kladde`` or ``aktiv`` through the
simplified table, plus states documented in the old states in ``aktiv`` through the old table; an
old-documentation ``kladde`` is never sent.

Where a state was documented is its ``documented_in``; without it, the code decides, and for a
code in both catalogs (retained, e.g. ``J3.5``) the status does (DOMAIN.md §5, assumed): ``kladde``
→ the simplified side (KMD saves migrated copies as drafts), ``aktiv`` → the old side. The reason
names every condition whose place was assumed (``assumed`` parameters); an old-documentation
``kladde`` is left out with the unused code ``nexus.old-draft``. Each documented state is
routed once; duplicates and conflicting levels are flagged by the engine, never merged away.
"""

from __future__ import annotations

from collections.abc import Sequence

from fsiii_mapper.engine.report import Reason
from fsiii_mapper.engine.routing import (
    ACTIVE,
    DRAFT_OR_ACTIVE,
    Lookup,
    Plan,
    Route,
    assumed,
    documented_side,
)
from fsiii_mapper.model import AreaNote, Citizen, CitizenCondition

NAME = "nexus"

_OLD_DRAFT = Reason("nexus.old-draft")


def plan(
    citizen: Citizen,
    live: Sequence[CitizenCondition],
    find: Lookup,
    notes: Sequence[AreaNote] = (),
) -> Plan:
    new_side: list[CitizenCondition] = []
    old_side: list[CitizenCondition] = []
    old_drafts: list[tuple[CitizenCondition, Reason]] = []
    for cond in live:
        side = documented_side(cond, find)
        if side is None:
            side = "simplified" if cond.status == "kladde" else "original"
        if side == "simplified":
            new_side.append(cond)
        elif cond.status == "kladde":
            old_drafts.append((cond, _OLD_DRAFT))
        else:
            old_side.append(cond)
    return Plan(
        [Route("simplified", DRAFT_OR_ACTIVE, new_side), Route("original", ACTIVE, old_side)],
        Reason(NAME, assumed(live, find)),
        old_drafts,
    )
