"""The open workspace in the GUI: the core ``Workspace`` and ``Engine``, and per table slot the
core ``EditableTable``, its Qt model and undo stack. Validation and the preview refresh once per
undo step (an edit however many rows it touches, its undo or redo, a newly opened table)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoGroup, QUndoStack

from fsiii_mapper.editing import EditableTable
from fsiii_mapper.io.documents import TableDocument
from fsiii_mapper.rules.table_rules import TableFinding, validate_table
from fsiii_mapper.workspace import PAIR, Workspace
from ui.table_model import MappingTableModel

if TYPE_CHECKING:
    from fsiii_mapper.engine.populate import Engine

SLOTS: tuple[str, ...] = PAIR  # the table pair the engine uses


class Session(QObject):
    tablesChanged = Signal(str)  # slot whose table changed: once per undo step, open, revert
    findingsChanged = Signal()

    def __init__(
        self, ws: Workspace, lang: str, author: Callable[[], str], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.ws = ws
        self.lang = lang
        self.group = QUndoGroup(self)
        self.tables: dict[str, EditableTable] = {}
        self.stacks: dict[str, QUndoStack] = {}
        self.models: dict[str, MappingTableModel] = {}
        self.findings: dict[str, list[TableFinding]] = {}
        for slot in SLOTS:
            self.tables[slot] = EditableTable(ws.tables[slot], author)
            self.stacks[slot] = QUndoStack(self.group)
            model = MappingTableModel(ws, slot, self.tables[slot], self.stacks[slot], self)
            self.models[slot] = model
            model.changed.connect(lambda slot=slot: self._changed(slot))
            self._validate(slot)
        self.group.setActiveStack(self.stacks[SLOTS[0]])

    @property
    def engine(self) -> Engine:
        """The workspace's engine; imported when first asked for (by the preview, not by the
        tables the first screen shows)."""
        from fsiii_mapper.engine.populate import engine_for

        return engine_for(self.ws)

    def doc(self, slot: str) -> TableDocument:
        return self.tables[slot].doc

    def _validate(self, slot: str) -> None:
        findings = validate_table(self.doc(slot), self.ws, self.lang)
        self.findings[slot] = findings
        self.models[slot].set_problems(findings)

    def _changed(self, slot: str) -> None:
        """One undo step of ``slot`` is complete."""
        self.engine.invalidate(slot)
        self._validate(slot)
        self.findingsChanged.emit()
        self.tablesChanged.emit(slot)

    def is_modified(self) -> bool:
        return any(not s.isClean() for s in self.stacks.values())

    def modified_slots(self) -> list[str]:
        return [slot for slot, s in self.stacks.items() if not s.isClean()]

    def save(self, slot: str, path: str | None = None) -> None:
        """The core's atomic save (keeps comments); marks the history clean."""
        self.tables[slot].save(path)
        self.stacks[slot].setClean()

    def replace(self, slot: str, doc: TableDocument) -> None:
        """Open ``doc`` in ``slot`` (open, revert): the slot's history is dropped."""
        if doc.table.table.catalog != slot:
            raise ValueError(f"a table of catalog {doc.table.table.catalog!r} is not for {slot!r}")
        self.ws.use_table(doc)
        self.stacks[slot].clear()
        self.tables[slot].replace(doc)
