"""Undo commands: one ``QUndoCommand`` per operation on a ``MappingTableModel``.

Bulk actions push several commands between ``beginMacro`` / ``endMacro`` (see
``MappingTableModel.edit_rows``) so they undo as one step.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QUndoCommand

from fsiii_mapper.model import MappingRow

if TYPE_CHECKING:
    from ui.table_model import MappingTableModel


class EditRowCommand(QUndoCommand):
    """Set some fields of one row (the edited field plus author and date)."""

    def __init__(
        self, model: MappingTableModel, row: int, values: dict[str, Any], text: str
    ) -> None:
        super().__init__(text)
        self.model = model
        self.row = row
        self.new = dict(values)
        self.old: dict[str, Any] = {}

    def redo(self) -> None:
        self.old = self.model.apply_values(self.row, self.new)

    def undo(self) -> None:
        self.model.apply_values(self.row, self.old)


class InsertRowsCommand(QUndoCommand):
    """Insert rows at given final positions (ascending)."""

    def __init__(
        self, model: MappingTableModel, items: list[tuple[int, MappingRow]], text: str
    ) -> None:
        super().__init__(text)
        self.model = model
        self.items = sorted(items, key=lambda item: item[0])

    def redo(self) -> None:
        self.model.insert_rows(self.items)

    def undo(self) -> None:
        self.model.remove_rows([pos for pos, _ in self.items])


class RemoveRowsCommand(QUndoCommand):
    """Remove rows; undo puts the very same row objects back (their YAML comments too)."""

    def __init__(self, model: MappingTableModel, positions: list[int], text: str) -> None:
        super().__init__(text)
        self.model = model
        self.positions = sorted(positions)
        self.removed: list[tuple[int, MappingRow]] = []

    def redo(self) -> None:
        self.removed = self.model.remove_rows(self.positions)

    def undo(self) -> None:
        self.model.insert_rows(self.removed)
