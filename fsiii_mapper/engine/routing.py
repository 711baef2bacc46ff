"""What a strategy decides for one citizen: which conditions go through which table, and why.

A strategy (one module under ``strategies/``) looks at the citizen's live conditions (not
``inaktiv``, known to a catalog) and returns a ``Plan``; the engine carries it out.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol

from fsiii_mapper.engine.report import Reason
from fsiii_mapper.model import CatalogState, Citizen, CitizenCondition

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
    routes: list[Route]
    reason: Reason


class Planner(Protocol):
    def __call__(
        self, citizen: Citizen, live: Sequence[CitizenCondition], find: Lookup
    ) -> Plan: ...
