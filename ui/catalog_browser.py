"""Catalog browser: every state of both catalogs with UUID, key, area, status + evidence and its
successor(s) from the crosswalk; definitions when a KL CodeSystem has been imported."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from fsiii_mapper.errors import InputError
from fsiii_mapper.interchange.catalog_import import import_codesystems
from fsiii_mapper.model import CatalogState
from fsiii_mapper.texts import nt, t
from fsiii_mapper.texts.labels import (
    CATALOG_LABELS,
    EVIDENCE_LABELS,
    GROUP_LABELS,
    STATE_STATUS_LABELS,
    label,
)
from fsiii_mapper.workspace import Workspace

Index = QModelIndex | QPersistentModelIndex


class CatalogModel(QAbstractTableModel):
    COLUMNS = 10

    def __init__(self, ws: Workspace, parent: Any = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.states: list[tuple[str, CatalogState]] = [
            (cid, st) for cid, cat in ws.catalogs.items() for st in cat.states
        ]
        self.definitions: dict[str, str] = {}

    def set_definitions(self, definitions: dict[str, str]) -> None:
        self.definitions = dict(definitions)
        if self.states:
            self.dataChanged.emit(self.index(0, 9), self.index(len(self.states) - 1, 9))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.states)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMNS

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        names = [
            t("Catalog"),
            t("Key"),
            t("Display"),
            t("UUID"),
            t("Group"),
            t("Area"),
            t("Status"),
            t("Evidence"),
            t("Successor"),
            t("Definition"),
        ]
        return names[section] if 0 <= section < len(names) else None

    def definition(self, st: CatalogState) -> str:
        return self.definitions.get(st.key) or (self.definitions.get(st.uuid or "") or "")

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self.states)):
            return None
        cid, st = self.states[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            values = [
                label(CATALOG_LABELS, cid),
                st.key,
                st.display,
                st.uuid or "–",
                label(GROUP_LABELS, st.group),
                st.area,
                label(STATE_STATUS_LABELS, st.status),
                label(EVIDENCE_LABELS, st.status_evidence),
                ", ".join(self.ws.crosswalk.successors(st.key)),
                self.definition(st),
            ]
            return values[index.column()]
        return None


class CatalogBrowser(QWidget):
    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = CatalogModel(ws, self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(t("Search key, UUID, display, area …"))
        self.search.setClearButtonEnabled(True)
        self.import_button = QPushButton(t("Import KL CodeSystem for definitions …"), self)
        self.view = QTableView(self)
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        for col, w in enumerate((80, 160, 240, 280, 120, 50, 90, 80, 200, 400)):
            self.view.setColumnWidth(col, w)
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.import_button)
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(self.view, 1)
        self.search.textChanged.connect(self.proxy.setFilterFixedString)
        self.import_button.clicked.connect(self._import)

    def import_files(self, paths: list[str]) -> int:
        result = import_codesystems(paths)
        self.model.set_definitions(result.definitions)
        return len(result.definitions)

    def _import(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self, t("KL CodeSystem (FHIR JSON)"), "", t("FHIR JSON (*.json)")
        )
        if not paths:
            return
        try:
            n = self.import_files(paths)
        except InputError as exc:
            QMessageBox.warning(self, t("Import failed"), str(exc))
            return
        QMessageBox.information(
            self,
            t("Definitions imported"),
            nt(
                "{n} definition shown (kept only in this session).",
                "{n} definitions shown (kept only in this session).",
                n,
            ),
        )
