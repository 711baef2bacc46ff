"""FSIII catalogs (original and simplified) and the old → new crosswalk."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from fsiii_mapper.model.common import Evidence, Group, Strict
from fsiii_mapper.texts import t

StateStatus = Literal["retained", "new", "outgoing", "unknown"]
"""``unknown`` only when a pre-simplification CodeSystem was imported on its own."""


@dataclass(slots=True, kw_only=True)
class CatalogArea(Strict):
    key: str
    uuid: str | None = None
    display: str
    group: Group


@dataclass(slots=True, kw_only=True)
class CatalogState(Strict):
    key: str
    uuid: str | None = None
    display: str
    group: Group
    area: str
    status: StateStatus
    status_evidence: Evidence

    @property
    def ident(self) -> str:
        """Stable identity across catalogs: the UUID where known, else the legacy key."""
        return self.uuid or self.key

    @property
    def carries_level(self) -> bool:
        return self.group == "funktionsevne"


@dataclass(slots=True, kw_only=True)
class Catalog(Strict):
    id: str
    title: str
    code_system: str
    code_system_version: str
    derived_from: list[str]
    areas: list[CatalogArea]
    states: list[CatalogState]

    _index: dict[str, CatalogState] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )
    _areas: dict[str, CatalogArea] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    def __post_init__(self) -> None:
        self.reindex()

    def reindex(self) -> None:
        index: dict[str, CatalogState] = {}
        for st in self.states:
            index[st.key] = st
            if st.uuid:
                index[st.uuid.lower()] = st
        self._index = index
        self._areas = {a.key: a for a in self.areas}

    def resolve(self, code: str) -> CatalogState | None:
        """Find a state by legacy key or UUID (case-insensitive for UUIDs). Never by display."""
        code = code.strip()
        return self._index.get(code) or self._index.get(code.lower())

    def area(self, key: str) -> CatalogArea | None:
        return self._areas.get(key)


@dataclass(slots=True, kw_only=True)
class CrosswalkEntry(Strict):
    """An old state's successors. ``successors: []`` is a decision (the state has none), so it
    must say why in ``rationale``; an old state without an entry is a gap nobody decided."""

    source: str
    successors: list[str]
    evidence: Evidence
    rationale: str = ""

    def __post_init__(self) -> None:
        if not self.successors and not self.rationale.strip():
            raise ValueError(
                t(
                    "{source}: no successor needs a rationale that says why",
                    source=self.source,
                )
            )


@dataclass(slots=True, kw_only=True)
class Crosswalk(Strict):
    """Old state → simplified successor(s). Our reading of KL's rewritten definitions (assumed)."""

    title: str
    entries: list[CrosswalkEntry]

    def successors(self, key: str) -> list[str]:
        entry = self.entry(key)
        return entry.successors if entry else []

    def entry(self, key: str) -> CrosswalkEntry | None:
        return next((e for e in self.entries if e.source == key), None)

    def no_successor(self, key: str) -> CrosswalkEntry | None:
        """The decision that ``key`` has no successor, if one was recorded."""
        entry = self.entry(key)
        return entry if entry is not None and not entry.successors else None


@dataclass(slots=True, kw_only=True)
class OtherGroupState(Strict):
    code: str
    display: str


@dataclass(slots=True, kw_only=True)
class OtherGroup(Strict):
    """An FSIII group outside the Indlæggelsesrapport, e.g. genoptræning (SUL §140)."""

    key: str
    display: str
    law: str
    states: list[OtherGroupState]


@dataclass(slots=True, kw_only=True)
class OtherGroups(Strict):
    """FSIII groups whose states a bundle may carry but the report never uses [verified]."""

    title: str
    code_system_version: str
    groups: list[OtherGroup]

    _index: dict[str, OtherGroup] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    def __post_init__(self) -> None:
        self._index = {s.code.lower(): g for g in self.groups for s in g.states}

    def find(self, code: str) -> OtherGroup | None:
        """The group a code belongs to (by UUID or KL's key, case-insensitive)."""
        return self._index.get(code.strip().lower())
