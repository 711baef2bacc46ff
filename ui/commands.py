"""The Qt undo stack's view of the core history: one ``QUndoCommand`` per core undo step.

Edits are done by the core (``fsiii_mapper.editing.EditableTable``), which keeps the history; a
``StepCommand`` is pushed right after a step is done, so that ``QUndoStack``/``QUndoView`` show it
and its undo actions and clean state work. Undo and redo call the core's. The first ``redo``
(which ``QUndoStack.push`` calls) does nothing: the step is done already.
"""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand

from fsiii_mapper.editing import EditableTable


class StepCommand(QUndoCommand):
    """The step ``table`` has just done (its latest history entry)."""

    def __init__(self, table: EditableTable) -> None:
        super().__init__(table.history.undo_text)
        self.table = table
        self.position = table.history.index  # the core's history index after this step
        self.pushed = False

    def redo(self) -> None:
        if not self.pushed:
            self.pushed = True
            return
        assert self.table.history.index == self.position - 1, "Qt and core history differ"
        self.table.redo()

    def undo(self) -> None:
        assert self.table.history.index == self.position, "Qt and core history differ"
        self.table.undo()
