"""Qt adapter over a core ``EditableTable``: a table model, and a sort/filter proxy.

The model only adapts. Edits are the core's operations (``fsiii_mapper.editing``); the model
runs them and puts each resulting undo step on the Qt undo stack (``ui.commands``) so that the
history view, the undo actions and the "modified" mark follow. As an observer of the core table
it turns every change into Qt's signals (``beginInsertRows`` … ``dataChanged``), and emits
``changed`` once per undo step, so the validation panel and the preview refresh once per step.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from enum import IntEnum
from functools import cache
from typing import Any, cast

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QModelRoleData,
    QModelRoleDataSpan,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QUndoStack
from PySide6.QtWidgets import QApplication, QStyle

from fsiii_mapper.editing import Change, ChangeSet, EditableTable
from fsiii_mapper.editing.steps import runs
from fsiii_mapper.io.documents import TableDocument
from fsiii_mapper.model import CatalogState, MappingRow
from fsiii_mapper.rules.registry import title as rule_title
from fsiii_mapper.rules.table_rules import TableFinding
from fsiii_mapper.texts import default_lang, t
from fsiii_mapper.texts.labels import RELATIONSHIP_LABELS, STATUS_LABELS, label
from fsiii_mapper.workspace import Workspace
from ui.commands import StepCommand

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

# Looked up once: a view asks every visible cell for its flags and several roles at each repaint,
# and building a Python enum value per call (``Col(n)``, ``A | B``) was most of that time.
_COLUMNS: tuple[Col, ...] = tuple(Col)
_READ_ONLY = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_FLAGS = tuple(
    _READ_ONLY | Qt.ItemFlag.ItemIsEditable if c in EDITABLE else _READ_ONLY for c in Col
)
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_EDIT = int(Qt.ItemDataRole.EditRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_BACKGROUND = int(Qt.ItemDataRole.BackgroundRole)
_DECORATION = int(Qt.ItemDataRole.DecorationRole)


def role_data(span: QModelRoleDataSpan | QModelRoleData) -> Iterable[QModelRoleData]:
    """The roles a ``multiData`` call asks for (a span of them, or one)."""
    if isinstance(span, QModelRoleData):
        return (span,)
    return cast("Iterable[QModelRoleData]", span)


PROBLEM_COLOUR = "#fde2e1"  # a row with findings (its brush is made at first use: start-up time)


class MappingTableModel(QAbstractTableModel):
    """Rows of one mapping table; ``slot`` is the workspace slot ('original' / 'simplified')."""

    changed = Signal()  # once per undo step (an edit, its undo or redo, a new document)

    def __init__(
        self,
        ws: Workspace,
        slot: str,
        table: EditableTable,
        stack: QUndoStack,
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self.ws = ws
        self.slot = slot
        self.table = table
        self.stack = stack
        self._problems: dict[int, list[TableFinding]] = {}
        table.observers.append(self)

    # --- the document ---------------------------------------------------------------------------

    @property
    def doc(self) -> TableDocument:
        return self.table.doc

    @property
    def rows(self) -> list[MappingRow]:
        return self.table.rows

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
        return 0 if parent.isValid() else len(self.table.rows)

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        # As Qt's, in one call instead of two (``hasIndex`` asks rowCount and columnCount):
        # the filter maps every cell it paints through here.
        if 0 <= row < len(self.table.rows) and 0 <= column < len(_COLUMNS) and not parent.isValid():
            return self.createIndex(row, column)
        return QModelIndex()

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(_COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if role != _DISPLAY:
            return None
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        titles = _column_titles(default_lang())
        return titles[section] if 0 <= section < len(titles) else None

    def flags(self, index: Index) -> Qt.ItemFlag:
        c = index.column()
        if not index.isValid() or not 0 <= c < len(_FLAGS):
            return Qt.ItemFlag.NoItemFlags
        return _FLAGS[c]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        return self._value(index.row(), index.column(), int(role))

    def multiData(self, index: Index, roleDataSpan: QModelRoleDataSpan | QModelRoleData) -> None:
        """Every role a view asks of a cell in one call (a delegate asks seven per paint and per
        size hint); the same answers as ``data`` (tests/test_ui_multi_data.py)."""
        valid = index.isValid()
        r, c = index.row(), index.column()
        for asked in role_data(roleDataSpan):
            asked.setData(self._value(r, c, asked.role()) if valid else None)

    def _value(self, r: int, c: int, role: int) -> Any:
        """What cell (``r``, ``c``) answers for ``role``."""
        rows = self.table.rows
        if not (0 <= r < len(rows)) or not (0 <= c < len(_COLUMNS)):
            return None
        row = rows[r]
        col = _COLUMNS[c]
        if role == _DISPLAY:
            return self._display(r, col)
        if role == PROBLEM_ROLE:
            return r in self._problems
        if role == AREA_ROLE:
            st = self.state(r)
            return st.area if st is not None else ""
        if role == SEARCH_ROLE:
            return self._search_text(r)
        if role in (RAW_ROLE, _EDIT):
            name = FIELD_OF[col]
            if name is None:
                return self._display(r, col)
            value = getattr(row, name)
            if role == _EDIT and value is None:
                return ""
            return value.isoformat() if isinstance(value, dt.date) else value
        if role == _TOOLTIP:
            msgs = [
                f"{f.rule} {rule_title(f.rule)}: {f.message}" for f in self._problems.get(r, [])
            ]
            if col == Col.COMMENT and row.comment:
                msgs.insert(0, row.comment)
            return "\n".join(msgs) or None
        if role == _BACKGROUND and r in self._problems:
            return _problem_brush()
        if role == _DECORATION and col == Col.SOURCE and r in self._problems:
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
            return st.display if st is not None else t("(unknown code)")
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
            t(
                "Edit {column} in row {row}",
                column=self.headerData(col, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole),
                row=index.row() + 1,
            ),
        )
        return True

    # --- edits: the core's operations, each one step on the undo stack ------------------------

    def edit_rows(self, rows: Iterable[int], values: dict[str, Any], text: str) -> None:
        self._run(lambda: self.table.edit_rows(rows, values, text))

    def add_row(self, position: int, source: str = "") -> None:
        cat = self.ws.catalog_for(self.doc)
        if not source and cat is not None and cat.states:
            source = cat.states[0].key
        self._run(lambda: self.table.add_row(position, source, t("Add row")))

    def duplicate_rows(self, rows: Iterable[int]) -> None:
        """Copies placed right after each original (for 1→N rows); copies start as drafts."""
        self._run(lambda: self.table.duplicate_rows(rows, t("Duplicate rows")))

    def delete_rows(self, rows: Iterable[int]) -> None:
        self._run(lambda: self.table.delete_rows(rows, t("Delete rows")))

    def set_meta(self, values: dict[str, Any], text: str) -> None:
        """Fields of the table itself (e.g. its version), one undo step."""
        self._run(lambda: self.table.set_meta(values, text))

    def _run(self, operation: Callable[[], ChangeSet]) -> None:
        if operation():
            self.stack.push(StepCommand(self.table))

    # --- the core table's changes as Qt signals (TableObserver) --------------------------------

    def change_starting(self, change: Change) -> None:
        first, last = (change.rows[0], change.rows[-1]) if change.rows else (0, -1)
        if change.kind == "insert":
            self.beginInsertRows(QModelIndex(), first, last)
        elif change.kind == "remove":
            self.beginRemoveRows(QModelIndex(), first, last)
        elif change.kind == "reset":
            self.beginResetModel()

    def change_done(self, change: Change) -> None:
        if change.kind == "meta":  # the table's own fields: no row changed
            return
        if change.kind == "fields":
            for run in runs(change.rows):
                self.dataChanged.emit(self.index(run[0], 0), self.index(run[-1], len(Col) - 1))
            return
        self._problems = {}  # row numbers moved; validation sets them again after the step
        if change.kind == "insert":
            self.endInsertRows()
        elif change.kind == "remove":
            self.endRemoveRows()
        elif change.kind == "reset":
            self.endResetModel()

    def step_done(self, changes: ChangeSet) -> None:
        self.changed.emit()


@cache
def _column_titles(lang: str) -> tuple[str, ...]:
    """The column headers in ``lang`` (asked for at every header repaint)."""
    return (
        t("Source", lang),
        t("State", lang),
        t("Area", lang),
        t("Target field", lang),
        t("Relationship", lang),
        t("Approval status", lang),
        t("Comment", lang),
        t("Author", lang),
        t("Date", lang),
    )


@cache
def _problem_brush() -> QBrush:
    return QBrush(QColor(PROBLEM_COLOUR))


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

    def flags(self, index: Index) -> Qt.ItemFlag:
        # A cell's flags depend only on its column, which the filter keeps as it is: answered
        # here instead of mapping the index to the source for each of the view's three asks.
        source = self.sourceModel()
        if isinstance(source, MappingTableModel) and index.isValid():
            c = index.column()
            return _FLAGS[c] if 0 <= c < len(_FLAGS) else Qt.ItemFlag.NoItemFlags
        return super().flags(index)

    def multiData(self, index: Index, roleDataSpan: QModelRoleDataSpan | QModelRoleData) -> None:
        """The source's answers for every role in one call (Qt's proxy would ask the source
        role by role, mapping the index each time)."""
        source = self.sourceModel()
        if isinstance(source, MappingTableModel):
            source.multiData(self.mapToSource(index), roleDataSpan)
        else:
            super().multiData(index, roleDataSpan)

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
