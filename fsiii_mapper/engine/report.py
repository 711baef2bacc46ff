"""What the engine computes for one citizen under one strategy: codes and facts, no words.

Every reason is a ``Reason``: a stable code and its parameters. Words come from
``fsiii_mapper.texts.reasons`` at the edges (CLI, GUI, JSON messages), in the language asked for.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any, Protocol

AREA_NOTE_SOURCE = "områdedokumentation"  # the source tag of an area note (data, not a word)

Param = str | tuple[str, ...]


@dataclass(frozen=True)
class Reason:
    """Why something is as it is: a code (``no-row``, ``cura.area-note`` …) and its parameters.

    Empty-field codes: ``no-row`` (tables, field), ``no-data`` (sources), ``level-9`` (source:
    the state at level 9, left out under the layout's ``level_9: omit``).
    Unused-state codes: ``inaktiv``, ``unknown-code``, ``status`` (status), ``not-in-catalog``
    (table), ``no-row`` (table), ``no-map`` (table), ``documented-in`` (side),
    ``nexus.old-draft``; for area notes ``area-notes-off`` (rule), ``area-notes-old-table``,
    ``area-no-field`` (area), ``unknown-area`` (area); ``level-9`` (a function state at level 9,
    left out under ``level_9: omit``).
    Strategy codes: one per strategy module (``fsiii_mapper.engine.strategies``).
    A ``table`` parameter is a table slot (``original`` / ``simplified``).
    """

    code: str
    params: Mapping[str, Param] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "params": {k: list(v) if isinstance(v, tuple) else v for k, v in self.params.items()},
        }


@dataclass
class FunctionValue:
    level: int | None
    score: str | None
    source: str
    uuid: str | None
    display: str
    table: str
    status: str
    note: str


@dataclass
class AreaEntry:
    source: str  # the state's key, or AREA_NOTE_SOURCE
    uuid: str | None
    display: str  # the state's display name; empty for an area note
    note: str
    table: str
    status: str
    # A function state in a problem area (a ``related`` row): its level and the layout's score
    # word for it, written as text in the area (``texts.reasons.area_level_text``).
    level: int | None = None
    score: str | None = None
    carries_level: bool = False

    @property
    def is_area_note(self) -> bool:
        return self.uuid is None and self.source == AREA_NOTE_SOURCE


@dataclass
class FieldResult:
    code: str
    label: str
    kind: str  # 'function_item' | 'problem_area'
    contributions: list[Any] = field(default_factory=list)  # FunctionValue or AreaEntry by kind
    empty_reason: Reason | None = None
    flags: list[str] = field(default_factory=list)  # flag codes: duplicate, conflict, …
    # A function item: the indexes of the contributions whose value the report's one element
    # may carry (the rule's ``collapse``); every contribution is still shown.
    allowed: list[int] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return not self.contributions


@dataclass
class Unused:
    """A documented state (or area note) that does not reach the report, and why."""

    code: str
    status: str
    reason: Reason


class Messages(Protocol):
    """Words for the codes (``fsiii_mapper.texts.reasons.ReportWords`` is one)."""

    def empty(self, reason: Reason) -> str: ...
    def unused(self, reason: Reason) -> str: ...
    def strategy(self, reason: Reason) -> str: ...
    def flag(self, code: str) -> str: ...
    def display(self, entry: FunctionValue | AreaEntry) -> str: ...


@dataclass
class Report:
    citizen_id: str
    citizen_name: str
    strategy: str
    tables_used: list[str]
    strategy_reason: Reason
    function_items: list[FieldResult]
    problem_areas: list[FieldResult]
    unused: list[Unused]
    _by_code: dict[str, FieldResult] | None = field(default=None, repr=False, compare=False)

    @property
    def fields(self) -> Sequence[FieldResult]:
        return (*self.function_items, *self.problem_areas)

    def field(self, code: str) -> FieldResult:
        """The result for one report field (KeyError for a code the layout does not have)."""
        if self._by_code is None:
            self._by_code = {f.code: f for f in self.fields}
        return self._by_code[code]

    def filled(self) -> frozenset[str]:
        """The codes of the fields that have a value; level 9 (ikke relevant) is no value, under
        any ``level_9`` option of the layout."""
        return frozenset(
            f.code
            for f in self.fields
            if any(not isinstance(v, FunctionValue) or v.level != 9 for v in f.contributions)
        )

    def to_json(self, words: Messages | None = None) -> dict[str, Any]:
        """Codes and parameters; with ``words``, each reason and flag also carries its message."""

        def reason(
            prefix: str, r: Reason | None, say: Callable[[Reason], str] | None
        ) -> dict[str, Any]:
            out: dict[str, Any] = {
                f"{prefix}reason": r.code if r else None,
                f"{prefix}params": r.to_json()["params"] if r else None,
            }
            if say is not None:
                out[f"{prefix}message"] = say(r) if r else ""
            return out

        def contribution(v: FunctionValue | AreaEntry) -> dict[str, Any]:
            d = asdict(v)
            if words is not None:
                d["display"] = words.display(v)
            return d

        def one(f: FieldResult, values_key: str) -> dict[str, Any]:
            allowed = {"allowed": f.allowed} if f.kind == "function_item" else {}
            return {
                "code": f.code,
                "label": f.label,
                values_key: [contribution(v) for v in f.contributions],
                **allowed,
                **reason("empty_", f.empty_reason, words.empty if words else None),
                "flags": [
                    {"code": c, **({"message": words.flag(c)} if words else {})} for c in f.flags
                ],
            }

        return {
            "citizen": {"id": self.citizen_id, "name": self.citizen_name},
            "strategy": self.strategy,
            "tables_used": self.tables_used,
            **reason("strategy_", self.strategy_reason, words.strategy if words else None),
            "function_items": [one(f, "values") for f in self.function_items],
            "problem_areas": [one(f, "entries") for f in self.problem_areas],
            "unused": [
                {
                    "code": u.code,
                    "status": u.status,
                    **reason("", u.reason, words.unused if words else None),
                }
                for u in self.unused
            ],
        }
