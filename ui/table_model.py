"""Qt adapter over a core ``TableDocument``: a table model, and a sort/filter proxy.

The model only adapts: every edit goes through an undo command (``ui.commands``), which calls the
primitive operations here (``apply_values``, ``insert_rows``, ``remove_rows``). After each of them
``changed`` is emitted so the validation panel and the preview can refresh.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QUndoStack
from PySide6.QtWidgets import QApplication, QStyle

from fsiii_mapper.io.documents import TableDocument
from fsiii_mapper.model import CatalogState, MappingRow
from fsiii_mapper.rules.registry import title as rule_title
from fsiii_mapper.rules.table_rules import TableFinding
from fsiii_mapper.workspace import Workspace
from ui.labels import RELATIONSHIP_LABELS, STATUS_LABELS, label

Index = QModelIndex | QPersistentModelIndex


class Col(IntEnum):
    SOURCE = 0
    DISPLAY = 1
    AREA = 2
    TARGET = 3
    RELATIONSHIP = 4
    STATUS = 5
    COMMENT = 6
    AUTHOR = 7
    DATE = 8


# Column → MappingRow field (None: derived from the catalog, read-only).
FIELD_OF: dict[Col, str | None] = {
    Col.SOURCE: "source",
    Col.DISPLAY: None,
    Col.AREA: None,
    Col.TARGET: "target",
    Col.RELATIONSHIP: "relationship",
    Col.STATUS: "review_status",
    Col.COMMENT: "comment",
    Col.AUTHOR: "author",
    Col.DATE: "date",
}
EDITABLE = {Col.SOURCE, Col.TARGET, Col.RELATIONSHIP, Col.STATUS, Col.COMMENT}

PROBLEM_ROLE = Qt.ItemDataRole.UserRole + 1  # bool: the row has validation findings
AREA_ROLE = Qt.ItemDataRole.UserRole + 2  # str: area of the source state (J1, I3 …)
RAW_ROLE = Qt.ItemDataRole.UserRole + 3  # the row field's code value (e.g. 'source-broader')
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 4  # str: all text of the row, lower case

PROBLEM_BRUSH = QBrush(QColor("#fde2e1"))


class MappingTableModel(QAbstractTableModel):
    """Rows of one mapping table; ``slot`` is the workspace slot ('original' / 'simplified')."""

    changed = Signal()

    def __init__(
        self,
        ws: Workspace,
        slot: str,
        stack: QUndoStack,
        author: Callable[[], str] = lambda: "",
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self.ws = ws
        self.slot = slot
        self.stack = stack
        self.author = author
        self._problems: dict[int, list[TableFinding]] = {}

    # --- the document ---------------------------------------------------------------------------

    @property
    def doc(self) -> TableDocument:
        return self.ws.tables[self.slot]

    @property
    def rows(self) -> list[MappingRow]:
        return self.doc.table.rows

    def set_document(self, doc: TableDocument) -> None:
        """Replace the table (open / revert): the history of the old document is dropped."""
        self.beginResetModel()
        self.ws.tables[self.slot] = doc
        self._problems = {}
        self.endResetModel()
        self.stack.clear()
        self.changed.emit()

    def state(self, row: int) -> CatalogState | None:
        cat = self.ws.catalog_for(self.doc)
        return cat.resolve(self.rows[row].source) if cat is not None else None

    def set_problems(self, findings: Iterable[TableFinding]) -> None:
        problems: dict[int, list[TableFinding]] = {}
        for f in findings:
            if f.row is not None and 0 <= f.row < len(self.rows):
                problems.setdefault(f.row, []).append(f)
        if problems == self._problems:
            return
        self._problems = problems
        if self.rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, len(Col) - 1))

    def problems(self, row: int) -> list[TableFinding]:
        return self._problems.get(row, [])

    # --- Qt model interface ---------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Col)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        titles = {
            Col.SOURCE: self.tr("Source"),
            Col.DISPLAY: self.tr("State"),
            Col.AREA: self.tr("Area"),
            Col.TARGET: self.tr("Target field"),
            Col.RELATIONSHIP: self.tr("Relationship"),
            Col.STATUS: self.tr("Review status"),
            Col.COMMENT: self.tr("Comment"),
            Col.AUTHOR: self.tr("Author"),
            Col.DATE: self.tr("Date"),
        }
        return titles.get(Col(section)) if 0 <= section < len(Col) else None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        f = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if Col(index.column()) in EDITABLE:
            f |= Qt.ItemFlag.ItemIsEditable
        return f

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self.rows)):
            return None
        r = index.row()
        row = self.rows[r]
        col = Col(index.column())
        if role == PROBLEM_ROLE:
            return r in self._problems
        if role == AREA_ROLE:
            st = self.state(r)
            return st.area if st is not None else ""
        if role == SEARCH_ROLE:
            return self._search_text(r)
        if role == RAW_ROLE or role == Qt.ItemDataRole.EditRole:
            name = FIELD_OF[col]
            if name is None:
                return self.data(index, Qt.ItemDataRole.DisplayRole)
            value = getattr(row, name)
            if role == Qt.ItemDataRole.EditRole and value is None:
                return ""
            return value.isoformat() if isinstance(value, dt.date) else value
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(r, col)
        if role == Qt.ItemDataRole.ToolTipRole:
            msgs = [
                f"{f.rule} {rule_title(f.rule)}: {f.message}" for f in self._problems.get(r, [])
            ]
            if col == Col.COMMENT and row.comment:
                msgs.insert(0, row.comment)
            return "\n".join(msgs) or None
        if role == Qt.ItemDataRole.BackgroundRole and r in self._problems:
            return PROBLEM_BRUSH
        if role == Qt.ItemDataRole.DecorationRole and col == Col.SOURCE and r in self._problems:
            style = QApplication.style()
            worst = any(f.severity == "error" for f in self._problems[r])
            icon = (
                QStyle.StandardPixmap.SP_MessageBoxCritical
                if worst
                else QStyle.StandardPixmap.SP_MessageBoxWarning
            )
            return style.standardIcon(icon) if style is not None else None
        return None

    def _display(self, r: int, col: Col) -> str:
        row = self.rows[r]
        if col == Col.DISPLAY:
            st = self.state(r)
            return st.display if st is not None else self.tr("(unknown code)")
        if col == Col.AREA:
            st = self.state(r)
            return st.area if st is not None else ""
        if col == Col.TARGET:
            if not row.target:
                return "–"
            return f"{row.target} {self.ws.layout.label_of(row.target)}"
        if col == Col.RELATIONSHIP:
            return label(RELATIONSHIP_LABELS, row.relationship)
        if col == Col.STATUS:
            return label(STATUS_LABELS, row.review_status)
        name = FIELD_OF[col]
        value = getattr(row, name) if name else ""
        if value is None:
            return ""
        return value.isoformat() if isinstance(value, dt.date) else str(value)

    def _search_text(self, r: int) -> str:
        text = " ".join(self._display(r, c) for c in Col)
        return f"{text} {self.rows[r].source}".lower()

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        col = Col(index.column())
        if col not in EDITABLE:
            return False
        name = FIELD_OF[col]
        assert name is not None
        new = _coerce(name, value)
        if new is None and name != "target":
            return False
        if getattr(self.rows[index.row()], name) == new:
            return False
        self.edit_rows(
            [index.row()],
            {name: new},
            self.tr("Edit %1 in row %2")
            .replace(
                "%1", self.headerData(col, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
            )
            .replace("%2", str(index.row() + 1)),
        )
        return True

    # --- undoable operations (each pushes commands onto the stack) -----------------------------

    def stamp(self) -> dict[str, Any]:
        """Author and date set automatically on every change."""
        return {"author": self.author(), "date": dt.date.today()}

    def edit_rows(self, rows: Iterable[int], values: dict[str, Any], text: str) -> None:
        from ui.commands import EditRowCommand

        rows = sorted(set(rows))
        if not rows:
            return
        if len(rows) > 1:
            self.stack.beginMacro(text)
        for r in rows:
            self.stack.push(EditRowCommand(self, r, {**values, **self.stamp()}, text))
        if len(rows) > 1:
            self.stack.endMacro()

    def add_row(self, position: int, source: str = "") -> None:
        from ui.commands import InsertRowsCommand

        cat = self.ws.catalog_for(self.doc)
        if not source and cat is not None and cat.states:
            source = cat.states[0].key
        row = MappingRow(
            source=source or "?",
            target=None,
            relationship="no-map",
            review_status="draft",
            **self.stamp(),
        )
        self.stack.push(InsertRowsCommand(self, [(position, row)], self.tr("Add row")))

    def duplicate_rows(self, rows: Iterable[int]) -> None:
        """Copies placed right after each original (for 1→N rows); copies start as drafts."""
        from ui.commands import InsertRowsCommand

        rows = sorted(set(rows))
        if not rows:
            return
        items = []
        for shift, r in enumerate(rows):
            copy = self.rows[r].model_copy(deep=True)
            copy._node = None
            copy.review_status = "draft"
            for k, v in self.stamp().items():
                setattr(copy, k, v)
            items.append((r + 1 + shift, copy))
        self.stack.push(InsertRowsCommand(self, items, self.tr("Duplicate rows")))

    def delete_rows(self, rows: Iterable[int]) -> None:
        from ui.commands import RemoveRowsCommand

        rows = sorted(set(rows))
        if rows:
            self.stack.push(RemoveRowsCommand(self, rows, self.tr("Delete rows")))

    # --- primitives (called only by undo commands) ---------------------------------------------

    def apply_values(self, r: int, values: dict[str, Any]) -> dict[str, Any]:
        row = self.rows[r]
        old = {k: getattr(row, k) for k in values}
        for k, v in values.items():
            setattr(row, k, v)
        self.dataChanged.emit(self.index(r, 0), self.index(r, len(Col) - 1))
        self.changed.emit()
        return old

    def insert_rows(self, items: list[tuple[int, MappingRow]]) -> None:
        """``items`` in ascending final position."""
        for pos, row in items:
            self.beginInsertRows(QModelIndex(), pos, pos)
            self.rows.insert(pos, row)
            self.endInsertRows()
        self._problems = {}
        self.changed.emit()

    def remove_rows(self, positions: list[int]) -> list[tuple[int, MappingRow]]:
        """Remove rows at ``positions``; returns (position, row) ascending, for re-insertion."""
        removed = []
        for pos in sorted(positions, reverse=True):
            self.beginRemoveRows(QModelIndex(), pos, pos)
            removed.append((pos, self.rows.pop(pos)))
            self.endRemoveRows()
        self._problems = {}
        self.changed.emit()
        return sorted(removed, key=lambda item: item[0])


def _coerce(name: str, value: Any) -> Any:
    if value is None:
        return None
    text = str(value).strip()
    if name == "target":
        return text or None
    if name == "comment":
        return str(value)
    return text or None


class TableFilterProxy(QSortFilterProxyModel):
    """Free-text search plus filters by area, relationship, review status and 'only problems'."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._text = ""
        self._area = ""
        self._relationship = ""
        self._status = ""
        self._only_problems = False
        self.setSortRole(Qt.ItemDataRole.DisplayRole)

    def set_filters(
        self,
        text: str | None = None,
        area: str | None = None,
        relationship: str | None = None,
        status: str | None = None,
        only_problems: bool | None = None,
    ) -> None:
        modern = hasattr(self, "beginFilterChange")
        if modern:
            self.beginFilterChange()
        if text is not None:
            self._text = text.strip().lower()
        if area is not None:
            self._area = area
        if relationship is not None:
            self._relationship = relationship
        if status is not None:
            self._status = status
        if only_problems is not None:
            self._only_problems = only_problems
        if modern:
            self.endFilterChange()
        else:
            self.invalidateFilter()

    def clear_filters(self) -> None:
        self.set_filters("", "", "", "", False)

    @property
    def is_filtering(self) -> bool:
        return bool(
            self._text or self._area or self._relationship or self._status or self._only_problems
        )

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        m = self.sourceModel()
        if not isinstance(m, MappingTableModel) or source_row >= len(m.rows):
            return True
        row = m.rows[source_row]
        if self._relationship and row.relationship != self._relationship:
            return False
        if self._status and row.review_status != self._status:
            return False
        if self._area:
            st = m.state(source_row)
            area = st.area if st is not None else ""
            if area != self._area and (row.target or "") != self._area:
                return False
        if self._only_problems and not m.problems(source_row):
            return False
        if self._text:
            words = self._text.split()
            hay = m._search_text(source_row)
            if not all(w in hay for w in words):
                return False
        return True
