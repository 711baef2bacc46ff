"""Reversible primitive steps on a ``TableDocument``; each edit operation is made of them.

``Step.apply`` changes the document, tells the caller about each primitive ``Change`` before and
after it happens, and returns the step that undoes it. Undoing a removal puts the very same row
objects back, so their YAML entries (and comments) come back with them.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from fsiii_mapper.editing.changes import Change
from fsiii_mapper.io.documents import TableDocument
from fsiii_mapper.model import MappingRow

Notify = Callable[[Change, bool], None]
"""Called with (change, False) before and (change, True) after each primitive change."""


def runs(positions: Iterable[int]) -> list[tuple[int, ...]]:
    """Ascending positions grouped into contiguous runs: [1, 2, 5] → [(1, 2), (5,)]."""
    out: list[list[int]] = []
    for p in sorted(positions):
        if out and p == out[-1][-1] + 1:
            out[-1].append(p)
        else:
            out.append([p])
    return [tuple(r) for r in out]


class Step(ABC):
    @abstractmethod
    def apply(self, doc: TableDocument, notify: Notify) -> Step:
        """Change ``doc``; return the step that undoes this one."""


@dataclass(frozen=True)
class SetFields(Step):
    """Set fields of rows: ``values`` maps a row position to its new field values."""

    values: dict[int, dict[str, Any]]

    def apply(self, doc: TableDocument, notify: Notify) -> Step:
        rows = doc.table.rows
        old: dict[int, dict[str, Any]] = {}
        change = Change(
            "fields",
            tuple(sorted(self.values)),
            frozenset(k for v in self.values.values() for k in v),
        )
        notify(change, False)
        for r, values in self.values.items():
            row = rows[r]
            old[r] = {k: getattr(row, k) for k in values}
            for k, v in values.items():
                setattr(row, k, v)
        notify(change, True)
        return SetFields(old)


@dataclass(frozen=True)
class InsertRows(Step):
    """Insert rows so that each ends up at its position (``items`` ascending by position)."""

    items: tuple[tuple[int, MappingRow], ...]

    def apply(self, doc: TableDocument, notify: Notify) -> Step:
        rows = doc.table.rows
        by_pos = dict(self.items)
        for run in runs(by_pos):
            change = Change("insert", run)
            notify(change, False)
            rows[run[0] : run[0]] = [by_pos[p] for p in run]
            notify(change, True)
        return RemoveRows(tuple(sorted(by_pos)))


@dataclass(frozen=True)
class RemoveRows(Step):
    """Remove the rows at ``positions``."""

    positions: tuple[int, ...]

    def apply(self, doc: TableDocument, notify: Notify) -> Step:
        rows = doc.table.rows
        removed: list[tuple[int, MappingRow]] = []
        for run in reversed(runs(self.positions)):  # from the end: earlier positions stay valid
            change = Change("remove", run)
            notify(change, False)
            removed.extend(zip(run, rows[run[0] : run[-1] + 1], strict=True))
            del rows[run[0] : run[-1] + 1]
            notify(change, True)
        return InsertRows(tuple(sorted(removed, key=lambda item: item[0])))


@dataclass(frozen=True)
class SetMeta(Step):
    """Set fields of the table itself (status, version …)."""

    values: dict[str, Any]

    def apply(self, doc: TableDocument, notify: Notify) -> Step:
        meta = doc.table.table
        change = Change("meta", (), frozenset(self.values))
        notify(change, False)
        old = {k: getattr(meta, k) for k in self.values}
        for k, v in self.values.items():
            setattr(meta, k, v)
        notify(change, True)
        return SetMeta(old)
