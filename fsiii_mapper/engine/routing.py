"""What a strategy decides for one citizen: which conditions go through which table, and why.

A strategy (one module under ``strategies/``) looks at the citizen's live conditions (not
``inaktiv``, known to a catalog) and area notes (for areas the report has) and returns a
``Plan``; the engine carries it out.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol

from fsiii_mapper.engine.report import Reason
from fsiii_mapper.model import AreaNote, CatalogState, Citizen, CitizenCondition

ACTIVE: frozenset[str] = frozenset({"aktiv"})
DRAFT_OR_ACTIVE: frozenset[str] = frozenset({"kladde", "aktiv"})

Resolve = Callable[[str], CatalogState | None]


@dataclass(frozen=True)
class Lookup:
    """A code (key or UUID) looked up in each catalog; None when the catalog lacks it."""

    original: Resolve
    simplified: Resolve


@dataclass(frozen=True)
class Route:
    """One pass: ``conditions`` in one of ``statuses`` through the table in ``slot``; area notes
    in those statuses go along when that table sends them."""

    slot: str
    statuses: frozenset[str]
    conditions: Sequence[CitizenCondition]


@dataclass(frozen=True)
class Plan:
    """The routes, the strategy's reason, and the conditions the rule itself leaves out (each
    with its reason; e.g. an old-documentation ``kladde`` under Nexus)."""

    routes: list[Route]
    reason: Reason
    left_out: Sequence[tuple[CitizenCondition, Reason]] = ()


def documented_side(cond: CitizenCondition, find: Lookup) -> str | None:
    """Where ``cond`` was documented: its ``documented_in`` when given; otherwise the only catalog
    its code is in. None for a code in both catalogs (retained, e.g. ``J3.5``) without
    ``documented_in``: then the vendor rule's fallback decides (DOMAIN.md §5), and says so."""
    if cond.documented_in is not None:
        return cond.documented_in
    in_original = find.original(cond.code) is not None
    in_simplified = find.simplified(cond.code) is not None
    if in_original and in_simplified:
        return None
    return "simplified" if in_simplified else "original"


def assumed(conds: Sequence[CitizenCondition], find: Lookup) -> dict[str, tuple[str, ...]]:
    """Reason parameters naming the conditions whose place of documentation was assumed:
    ``assumed`` (keys) and ``assumed_display`` (display names), in order, once each."""
    seen: dict[str, str] = {}
    for cond in conds:
        st = find.simplified(cond.code) or find.original(cond.code)
        if st is not None and documented_side(cond, find) is None:
            seen.setdefault(st.key, st.display)
    if not seen:
        return {}
    return {"assumed": tuple(seen), "assumed_display": tuple(seen.values())}


class Planner(Protocol):
    def __call__(
        self,
        citizen: Citizen,
        live: Sequence[CitizenCondition],
        find: Lookup,
        notes: Sequence[AreaNote] = (),
    ) -> Plan: ...
