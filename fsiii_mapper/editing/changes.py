"""What an edit changed: the value every edit operation, undo and redo returns.

A ``ChangeSet`` describes one undo step as the ``Change`` primitives it was made of, in the order
they were applied; the positions of each change are valid at the moment it happened. A view that
only needs to refresh asks the summary properties; a view that mirrors rows (a Qt model) replays
the changes (see ``TableObserver``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, Protocol

ChangeKind = Literal["fields", "insert", "remove", "reset", "meta"]


@dataclass(frozen=True)
class Change:
    """One primitive change of a table.

    - ``fields``: ``fields`` of the rows ``rows`` were set;
    - ``insert``: rows were inserted so that they now stand at ``rows`` (one contiguous run);
    - ``remove``: the rows at ``rows`` (one contiguous run) were removed;
    - ``reset``: the whole document was replaced (opened, reverted);
    - ``meta``: ``fields`` of the table itself (status, version) were set.
    """

    kind: ChangeKind
    rows: tuple[int, ...] = ()
    fields: frozenset[str] = frozenset()


@dataclass(frozen=True)
class ChangeSet:
    """The changes of one undo step (an operation, or the undo or redo of one)."""

    text: str = ""
    changes: tuple[Change, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.changes)

    @property
    def fields(self) -> frozenset[str]:
        """Every row field that was set."""
        return frozenset(f for c in self.changes if c.kind == "fields" for f in c.fields)

    @property
    def inserted(self) -> int:
        return sum(len(c.rows) for c in self.changes if c.kind == "insert")

    @property
    def removed(self) -> int:
        return sum(len(c.rows) for c in self.changes if c.kind == "remove")

    @property
    def structural(self) -> bool:
        """Rows were inserted or removed, or the document was replaced: row numbers moved."""
        return any(c.kind not in ("fields", "meta") for c in self.changes)

    @property
    def edited_rows(self) -> frozenset[int]:
        """Rows whose fields were set (their positions after the step if nothing moved)."""
        return frozenset(r for c in self.changes if c.kind == "fields" for r in c.rows)


class TableObserver(Protocol):
    """Told about every change of an ``EditableTable``: before and after each primitive change
    (so a Qt model can call ``beginInsertRows`` … ``endInsertRows`` around it), and once when an
    undo step is complete (so views refresh once per step, never once per row)."""

    def change_starting(self, change: Change) -> None: ...

    def change_done(self, change: Change) -> None: ...

    def step_done(self, changes: ChangeSet) -> None: ...
