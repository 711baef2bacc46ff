"""``EditableTable``: a mapping table open for editing, used alike by the GUI, the CLI and scripts.

Every operation changes the ``TableDocument``, records one undo step and returns a ``ChangeSet``
(Anki's ``OpChanges`` idea: the caller decides what to refresh). Observers hear about each
primitive change before and after it happens, and once per undo step. A ``macro`` makes several
operations one undo step. Author and date are stamped on every row an operation sets or creates,
and an edit brings what it implies into the same step (``implied``: an approved row goes back to
review, a target on a ``no-map`` row makes it ``equivalent``, an edited table is a ``draft``).
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from fsiii_mapper.editing.changes import Change, ChangeSet, TableObserver
from fsiii_mapper.editing.fields import check_meta, check_values
from fsiii_mapper.editing.history import Entry, History
from fsiii_mapper.editing.implied import implied_meta, implied_row_values
from fsiii_mapper.editing.steps import InsertRows, RemoveRows, SetFields, SetMeta, Step
from fsiii_mapper.io.documents import TableDocument
from fsiii_mapper.model import MappingRow
from fsiii_mapper.texts import nt, t


class EditableTable:
    def __init__(
        self,
        doc: TableDocument,
        author: Callable[[], str] = lambda: "",
        today: Callable[[], dt.date] = dt.date.today,
    ) -> None:
        self.doc = doc
        self.history = History()
        self.observers: list[TableObserver] = []
        self._author = author
        self._today = today
        self._macro: Entry | None = None
        self._macro_changes: list[Change] = []

    @property
    def rows(self) -> list[MappingRow]:
        return self.doc.table.rows

    def stamp(self) -> dict[str, Any]:
        """Author and date, set on every row a change touches."""
        return {"author": self._author(), "date": self._today()}

    # --- operations -----------------------------------------------------------------------------

    def edit_rows(
        self,
        rows: Iterable[int],
        values: Mapping[str, Any],
        text: str | None = None,
        lang: str | None = None,
    ) -> ChangeSet:
        """Set ``values`` (checked by the row model, see ``check_values``) and what they imply
        (``implied_row_values``) on every row of ``rows``, stamping each — also a row that had
        the values already."""
        positions = self._existing(rows)
        if not positions:
            return ChangeSet()
        checked = check_values(values, lang)
        stamp = self.stamp()
        per_row = {r: {**implied_row_values(self.rows[r], checked), **stamp} for r in positions}
        text = text or nt("Edit {n} row", "Edit {n} rows", len(positions), lang)
        return self._do(text, [SetFields(per_row)])

    def set_meta(self, values: Mapping[str, Any], text: str) -> ChangeSet:
        """Set fields of the table itself (e.g. its version) as one undo step; nothing happens
        if no value differs."""
        meta = self.doc.table.table
        checked = check_meta(values)
        changed = {k: v for k, v in checked.items() if getattr(meta, k) != v}
        if not changed:
            return ChangeSet()
        return self._do(text, [SetMeta(changed)])

    def set_fields(
        self, row: int, values: Mapping[str, Any], text: str | None = None, lang: str | None = None
    ) -> ChangeSet:
        """Edit one row; nothing happens (and no undo step is made) if no value differs."""
        checked = check_values(values, lang)
        if all(getattr(self.rows[row], k) == v for k, v in checked.items()):
            return ChangeSet()
        return self.edit_rows([row], checked, text or t("Edit row {row}", lang, row=row + 1), lang)

    def bulk_set(
        self,
        rows: Iterable[int],
        field: str,
        value: Any,
        text: str | None = None,
        lang: str | None = None,
    ) -> ChangeSet:
        """One field to one value on many rows: one undo step."""
        return self.edit_rows(rows, {field: value}, text, lang)

    def insert_rows(
        self, items: Iterable[tuple[int, MappingRow]], text: str | None = None
    ) -> ChangeSet:
        """Insert rows so that each stands at its position afterwards."""
        ordered = tuple(sorted(items, key=lambda item: item[0]))
        if not ordered:
            return ChangeSet()
        final = len(self.rows) + len(ordered)
        if len({p for p, _ in ordered}) != len(ordered) or not all(
            0 <= p < final for p, _ in ordered
        ):
            raise IndexError(f"cannot insert rows at {[p for p, _ in ordered]}")
        text = text or nt("Insert {n} row", "Insert {n} rows", len(ordered))
        return self._do(text, [InsertRows(ordered)])

    def add_row(self, position: int, source: str, text: str | None = None) -> ChangeSet:
        """A new draft row for ``source`` that maps to nothing yet."""
        row = MappingRow(
            source=source or "?",
            target=None,
            relationship="no-map",
            review_status="draft",
            **self.stamp(),
        )
        return self.insert_rows([(position, row)], text or t("Add row"))

    def duplicate_rows(self, rows: Iterable[int], text: str | None = None) -> ChangeSet:
        """A copy right after each row (for 1→N mappings); copies start as drafts."""
        positions = self._existing(rows)
        items = [
            (r + 1 + shift, self.doc.copy_row(r, review_status="draft", **self.stamp()))
            for shift, r in enumerate(positions)
        ]
        text = text or nt("Duplicate {n} row", "Duplicate {n} rows", len(positions))
        return self.insert_rows(items, text)

    def delete_rows(self, rows: Iterable[int], text: str | None = None) -> ChangeSet:
        positions = tuple(self._existing(rows))
        if not positions:
            return ChangeSet()
        text = text or nt("Delete {n} row", "Delete {n} rows", len(positions))
        return self._do(text, [RemoveRows(positions)])

    @contextmanager
    def macro(self, text: str) -> Iterator[None]:
        """The operations inside are one undo step (and one ``step_done``). If one fails, those
        done so far are undone and the error passes on."""
        if self._macro is not None:  # nested: part of the outer macro
            yield
            return
        self._macro, self._macro_changes = Entry(text), []
        try:
            yield
        except BaseException:
            entry, self._macro = self._macro, None
            self._apply(list(reversed(entry.undo)), self._macro_changes)
            self._notify_step(ChangeSet(text, tuple(self._macro_changes)))
            raise
        entry, self._macro = self._macro, None
        if entry.done:
            self.history.record(entry)
            self._notify_step(ChangeSet(text, tuple(self._macro_changes)))

    # --- history --------------------------------------------------------------------------------

    def undo(self) -> ChangeSet:
        if not self.history.can_undo:
            return ChangeSet()
        entry = self.history.step_back()
        changes: list[Change] = []
        entry.done = list(reversed(self._apply(list(reversed(entry.undo)), changes)))
        result = ChangeSet(entry.text, tuple(changes))
        self._notify_step(result)
        return result

    def redo(self) -> ChangeSet:
        if not self.history.can_redo:
            return ChangeSet()
        entry = self.history.step_forward()
        changes: list[Change] = []
        entry.undo = self._apply(entry.done, changes)
        result = ChangeSet(entry.text, tuple(changes))
        self._notify_step(result)
        return result

    @property
    def is_modified(self) -> bool:
        """Changed since it was opened or last saved (undoing back to that point is unchanged)."""
        return not self.history.is_clean

    # --- the document ---------------------------------------------------------------------------

    def replace(self, doc: TableDocument) -> ChangeSet:
        """Another document in place of this one (open, revert); the history is dropped."""
        change = Change("reset")
        self._tell(change, False)
        self.doc = doc
        self.history.clear()
        self._tell(change, True)
        result = ChangeSet(t("Open table"), (change,))
        self._notify_step(result)
        return result

    def save(self, path: str | os.PathLike[str] | None = None) -> Path:
        """The document's atomic save (comments kept); the current state becomes the clean one."""
        target = self.doc.save(path)
        self.history.set_clean()
        return target

    # --- internals ------------------------------------------------------------------------------

    def _existing(self, rows: Iterable[int]) -> list[int]:
        """Sorted, distinct positions; ``IndexError`` (before anything changes) if one is not a
        row of the table."""
        positions = sorted(set(rows))
        if positions and (positions[0] < 0 or positions[-1] >= len(self.rows)):
            raise IndexError(f"no row at {positions}")
        return positions

    def _do(self, text: str, steps: list[Step]) -> ChangeSet:
        if not all(isinstance(s, SetMeta) for s in steps):
            meta = implied_meta(self.doc.table.table)
            if meta:
                steps = [*steps, SetMeta(meta)]
        changes: list[Change] = []
        undo = self._apply(steps, changes)
        if self._macro is not None:
            self._macro.done += steps
            self._macro.undo += undo
            self._macro_changes += changes
            return ChangeSet(text, tuple(changes))
        self.history.record(Entry(text, list(steps), undo))
        result = ChangeSet(text, tuple(changes))
        self._notify_step(result)
        return result

    def _apply(self, steps: list[Step], changes: list[Change]) -> list[Step]:
        """Apply ``steps`` in order, collecting their changes; returns the steps undoing each."""

        def notify(change: Change, done: bool) -> None:
            if done:
                changes.append(change)
            self._tell(change, done)

        return [step.apply(self.doc, notify) for step in steps]

    def _tell(self, change: Change, done: bool) -> None:
        for observer in list(self.observers):
            if done:
                observer.change_done(change)
            else:
                observer.change_starting(change)

    def _notify_step(self, changes: ChangeSet) -> None:
        for observer in list(self.observers):
            observer.step_done(changes)
