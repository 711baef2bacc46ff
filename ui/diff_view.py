"""Diff between two tables (core ``diff_tables``): added, removed and changed rows."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from fsiii_mapper.analysis.table_diff import TableDiff, diff_tables
from fsiii_mapper.io.documents import TableDocument, load_table, table_from_text
from fsiii_mapper.texts import t
from fsiii_mapper.texts.labels import FIELD_LABELS, TABLE_LABELS, label, value_label
from ui.session import SLOTS, Session

Index = QModelIndex | QPersistentModelIndex
KIND_BRUSH = {
    "added": QBrush(QColor("#e6f4ea")),
    "removed": QBrush(QColor("#f9d3d0")),
    "changed": QBrush(QColor("#fff1c2")),
}
KIND_MARK = {"added": "+", "removed": "−", "changed": "~"}


def _fmt(v: Any) -> str:
    if v is None:
        return "–"
    return v.isoformat() if hasattr(v, "isoformat") else str(v)


class DiffModel(QAbstractTableModel):
    """One line per added / removed row and per changed field."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.lines: list[tuple[str, str, str, str, str, str]] = []

    def set_diff(self, d: TableDiff) -> None:
        self.beginResetModel()
        lines: list[tuple[str, str, str, str, str, str]] = []
        for r in d.removed:
            lines.append(("removed", r.source, _fmt(r.target), "", r.relationship, ""))
        for r in d.added:
            lines.append(("added", r.source, _fmt(r.target), "", "", r.relationship))
        for c in d.changed:
            for k, (a, b) in c.changes.items():
                lines.append(("changed", c.source, _fmt(c.target), k, _fmt(a), _fmt(b)))
        self.lines = lines
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.lines)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 6

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        names = [
            t("Change"),
            t("Source"),
            t("Target"),
            t("Field"),
            t("A"),
            t("B"),
        ]
        return names[section] if 0 <= section < 6 else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self.lines)):
            return None
        line = self.lines[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == 0:
                words = {
                    "added": t("added"),
                    "removed": t("removed"),
                    "changed": t("changed"),
                }
                return f"{KIND_MARK[line[0]]} {words[line[0]]}"
            _kind, _source, _target, field, a, b = line
            if index.column() == 3:
                return label(FIELD_LABELS, field)
            if index.column() in (4, 5):
                value = a if index.column() == 4 else b
                shown_field = field or "relationship"  # an added/removed row: its relationship
                return value_label(shown_field, value) if value else ""
            return line[index.column()]
        if role == Qt.ItemDataRole.BackgroundRole:
            return KIND_BRUSH[line[0]]
        return None


class DiffView(QWidget):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.files: dict[str, TableDocument] = {}
        self.a = QComboBox(self)
        self.b = QComboBox(self)
        self.file_button = QPushButton(t("Compare with file …"), self)
        self.summary = QLabel(self)
        self.model = DiffModel(self)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view.horizontalHeader().setStretchLastSection(True)
        self._fill_choices()
        self.a.setCurrentIndex(0)
        self.b.setCurrentIndex(1)
        top = QHBoxLayout()
        for text, w in ((t("Table A"), self.a), (t("Table B"), self.b)):
            lab = QLabel(text, self)
            lab.setBuddy(w)
            top.addWidget(lab)
            top.addWidget(w, 1)
        top.addWidget(self.file_button)
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(self.summary)
        lay.addWidget(self.view, 1)
        self.a.currentIndexChanged.connect(lambda _: self.refresh())
        self.b.currentIndexChanged.connect(lambda _: self.refresh())
        self.file_button.clicked.connect(self._choose_file)
        session.tablesChanged.connect(lambda _slot: self.refresh() if self.isVisible() else None)
        self.refresh()

    def _fill_choices(self) -> None:
        for combo in (self.a, self.b):
            combo.blockSignals(True)
            current = combo.currentData()
            combo.clear()
            for slot in SLOTS:
                combo.addItem(
                    t("{table} (open, with edits)", table=label(TABLE_LABELS, slot)),
                    f"open:{slot}",
                )
            for slot in SLOTS:
                combo.addItem(
                    t("{table} (last saved)", table=label(TABLE_LABELS, slot)),
                    f"saved:{slot}",
                )
            for path in self.files:
                combo.addItem(path, f"file:{path}")
            if current is not None:
                combo.setCurrentIndex(max(0, combo.findData(current)))
            combo.blockSignals(False)

    def add_file(self, path: str) -> None:
        self.files[path] = load_table(path)
        self._fill_choices()
        self.b.setCurrentIndex(self.b.findData(f"file:{path}"))

    def _choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, t("Compare with table"), "", t("Mapping tables (*.yaml *.yml)")
        )
        if path:
            self.add_file(path)

    def _doc(self, key: str) -> TableDocument:
        kind, _, name = key.partition(":")
        if kind == "open":
            return self.session.doc(name)
        if kind == "saved":
            doc = self.session.doc(name)
            return table_from_text(doc.text, str(doc.path)) if doc.text else doc
        return self.files[name]

    def refresh(self) -> None:
        ka, kb = self.a.currentData(), self.b.currentData()
        if not ka or not kb:
            return
        d = diff_tables(self._doc(ka), self._doc(kb), self.session.ws)
        self.model.set_diff(d)
        if d.is_empty:
            self.summary.setText(t("The tables are identical."))
        else:
            self.summary.setText(
                t(
                    "Rows added: {added}, removed: {removed}, changed: {changed}",
                    added=len(d.added),
                    removed=len(d.removed),
                    changed=len(d.changed),
                )
            )

    def showEvent(self, event: Any) -> None:
        self.refresh()
        super().showEvent(event)
