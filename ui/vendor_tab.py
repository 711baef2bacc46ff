"""The "Leverandørtjek" tab: check vendors' XDIS16 files against what the tables prescribe.

The work is the core's (``vendor.batch.collect_files`` + ``run_batch``, ``vendor.export``), run
in the background with progress and cancel; findings go to a sortable, filterable table, and a
double-click opens the offending file (``open_file_requested(path, line)``).
"""

from __future__ import annotations

import os
import traceback
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    QUrl,
    Signal,
)
from PySide6.QtGui import QDesktopServices, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from fsiii_mapper.conformance.batch import (
    BatchResult,
    CheckConfig,
    Checker,
    collect_files,
    run_batch,
)
from fsiii_mapper.conformance.findings import VendorFinding
from fsiii_mapper.conformance.report_files import FORMATS, SUFFIXES, write_report
from fsiii_mapper.conformance.report_text import summary_line
from fsiii_mapper.engine.populate import STRATEGIES
from fsiii_mapper.errors import InputError
from fsiii_mapper.texts import nt, t
from fsiii_mapper.texts.labels import (
    SEVERITY_LABELS,
    STRATEGY_LABELS,
    TABLE_LABELS,
    TABLE_STATUS_LABELS,
    label,
)
from fsiii_mapper.workspace import Workspace, citizens_dir
from ui.background_op import BackgroundOp, CancelledFlag, Progress

Index = QModelIndex | QPersistentModelIndex
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
SEVERITY_ROLE = Qt.ItemDataRole.UserRole + 2
PATH_SEPARATOR = os.pathsep  # several files in the line edit


@dataclass(frozen=True)
class Row:
    path: str  # the real file, for opening it
    shown: str  # the file as shown (relative to the common folder)
    finding: VendorFinding


def rows_of(batch: BatchResult) -> list[Row]:
    """One row per finding, files shown relative to the folder they all share."""
    paths = [r.path or r.file for r in batch.results if r.findings]
    try:
        common = os.path.commonpath([os.path.dirname(os.path.abspath(p)) for p in paths])
    except ValueError:  # no paths, or paths on different drives
        common = ""
    out: list[Row] = []
    for r in batch.results:
        real = r.path or r.file
        shown = os.path.relpath(os.path.abspath(real), common) if common else r.file
        out.extend(Row(real, shown, f) for f in r.findings)
    return out


class VendorFindingsModel(QAbstractTableModel):
    """The findings of one batch, a row each (read-only)."""

    FILE, LINE, RULE, SEVERITY, FIELD, MESSAGE, EXPECTED, ACTUAL = range(8)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[Row] = []

    def set_rows(self, rows: Sequence[Row]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 8

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        names = [
            t("File"),
            t("Line"),
            t("Rule"),
            t("Severity"),
            t("Field"),
            t("Message"),
            t("Expected"),
            t("Actual"),
        ]
        return names[section] if 0 <= section < len(names) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self.rows)):
            return None
        row = self.rows[index.row()]
        f, col = row.finding, index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, col)
        if role == SORT_ROLE:
            if col == self.LINE:
                return f.line or 0
            return self._text(row, col).casefold()
        if role == Qt.ItemDataRole.TextAlignmentRole and col == self.LINE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == SEVERITY_ROLE:
            return f.severity
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = [row.path + (f":{f.line}" if f.line else ""), f"{f.rule}: {f.message}"]
            if f.xpath:
                tip.append(f.xpath)
            return "\n".join(tip)
        if role == Qt.ItemDataRole.DecorationRole and col == self.SEVERITY:
            style = QApplication.style()
            icon = (
                QStyle.StandardPixmap.SP_MessageBoxCritical
                if f.severity == "error"
                else QStyle.StandardPixmap.SP_MessageBoxWarning
            )
            return style.standardIcon(icon) if style is not None else None
        return None

    def _text(self, row: Row, col: int) -> str:
        f = row.finding
        values = [
            row.shown,
            str(f.line) if f.line else "",
            f.rule,
            label(SEVERITY_LABELS, f.severity),
            f.field or "",
            f.message,
            _flat(f.expected),
            _flat(f.actual),
        ]
        return values[col]


def _flat(value: str | None) -> str:
    return "" if value is None else " ".join(value.split())


class FindingsFilter(QSortFilterProxyModel):
    """Free text over every column, plus a severity (None: all)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.severity: str | None = None
        self.setSortRole(SORT_ROLE)
        self.setFilterKeyColumn(-1)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

    def set_severity(self, severity: str | None) -> None:
        self.beginFilterChange()
        self.severity = severity
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        if self.severity is not None and model is not None:
            sev = model.data(model.index(source_row, 0, source_parent), SEVERITY_ROLE)
            if sev != self.severity:
                return False
        return super().filterAcceptsRow(source_row, source_parent)


REPORT_FILTERS = {  # file dialog filters of the report formats (names of formats: not translated)
    "text": "Text (*.txt)",
    "json": "JSON (*.json)",
    "junit": "JUnit XML (*.xml)",
    "sarif": "SARIF 2.1.0 (*.sarif *.sarif.json)",
}
REPORT_SUFFIXES: dict[str, tuple[str, ...]] = {
    "text": (".txt",),
    "json": (".json",),
    "junit": (".xml",),
    "sarif": (".sarif", ".sarif.json"),
}


class VendorTab(QWidget):
    """Pick files, citizens and strategy; run; read, filter, open and export the findings."""

    open_file_requested = Signal(str, int)  # path, 1-based line (0: unknown)
    finished = Signal(object)  # the BatchResult of a run that ended (also when cancelled)

    def __init__(
        self,
        ws: Workspace,
        lang: str | None = None,
        parent: QWidget | None = None,
        *,
        open_externally: bool = True,
        modified: Callable[[], list[str]] = list,
    ) -> None:
        super().__init__(parent)
        self.ws = ws
        self.lang = lang
        self._modified = modified  # the table slots with unsaved edits
        self.batch: BatchResult | None = None
        self.op: BackgroundOp[BatchResult] | None = None
        self.setAcceptDrops(True)
        self._build()
        if open_externally:
            self.open_file_requested.connect(self.open_in_system)
        self._set_running(False)

    # --- layout ---------------------------------------------------------------------------

    def _build(self) -> None:
        self.paths_edit = QLineEdit(self)
        self.paths_edit.setPlaceholderText(
            t(
                "XDIS16 files or a folder (searched for *.xml); several separated by {separator}",
                separator=PATH_SEPARATOR,
            )
        )
        self.files_button = QPushButton(t("Files …"), self)
        self.folder_button = QPushButton(t("Folder …"), self)
        self.citizens_edit = QLineEdit(str(citizens_dir()), self)
        self.citizens_button = QPushButton(t("Choose …"), self)
        self.strategy_box = QComboBox(self)
        for s in STRATEGIES:
            self.strategy_box.addItem(label(STRATEGY_LABELS, s), s)
        self.xsd_edit = QLineEdit(self)
        self.xsd_edit.setPlaceholderText(t("optional: validate every file against an XSD"))
        self.xsd_button = QPushButton(t("Choose …"), self)
        self.jobs_box = QSpinBox(self)
        self.jobs_box.setRange(1, max(1, os.cpu_count() or 1))
        self.jobs_box.setToolTip(t("Check in this many processes (for large batches)"))

        form = QGridLayout()
        form.addWidget(QLabel(t("Vendor files:"), self), 0, 0)
        form.addWidget(self.paths_edit, 0, 1, 1, 3)
        form.addWidget(self.files_button, 0, 4)
        form.addWidget(self.folder_button, 0, 5)
        form.addWidget(QLabel(t("Citizens:"), self), 1, 0)
        form.addWidget(self.citizens_edit, 1, 1, 1, 4)
        form.addWidget(self.citizens_button, 1, 5)
        form.addWidget(QLabel(t("XSD:"), self), 2, 0)
        form.addWidget(self.xsd_edit, 2, 1, 1, 4)
        form.addWidget(self.xsd_button, 2, 5)
        form.addWidget(QLabel(t("Strategy:"), self), 3, 0)
        options = QHBoxLayout()
        options.addWidget(self.strategy_box)
        options.addSpacing(16)
        options.addWidget(QLabel(t("Processes:"), self))
        options.addWidget(self.jobs_box)
        options.addStretch(1)
        form.addLayout(options, 3, 1, 1, 5)
        form.setColumnStretch(1, 1)

        self.run_button = QPushButton(t("Run check"), self)
        self.run_button.setDefault(True)
        self.cancel_button = QPushButton(t("Cancel"), self)
        self.progress = QProgressBar(self)
        self.progress.setFormat(t("%v of %m files"))
        run_row = QHBoxLayout()
        run_row.addWidget(self.run_button)
        run_row.addWidget(self.cancel_button)
        run_row.addWidget(self.progress, 1)

        self.tables_label = QLabel(self)
        self.tables_label.setObjectName("VendorTables")
        self.tables_label.setTextFormat(Qt.TextFormat.PlainText)
        self.tables_label.setWordWrap(True)
        self.refresh_tables()
        self.summary = QLabel(self)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setObjectName("VendorSummary")
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)

        self.filter_edit = QLineEdit(self)
        self.filter_edit.setPlaceholderText(t("Filter findings (file, rule, field, text …)"))
        self.filter_edit.setClearButtonEnabled(True)
        self.severity_box = QComboBox(self)
        self.severity_box.addItem(t("All severities"), None)
        for sev in ("error", "warning"):
            self.severity_box.addItem(label(SEVERITY_LABELS, sev), sev)
        self.open_button = QPushButton(t("Open file"), self)
        self.export_button = QPushButton(t("Export report …"), self)
        filter_row = QHBoxLayout()
        filter_row.addWidget(self.filter_edit, 1)
        filter_row.addWidget(self.severity_box)
        filter_row.addWidget(self.open_button)
        filter_row.addWidget(self.export_button)

        self.model = VendorFindingsModel(self)
        self.proxy = FindingsFilter(self)
        self.proxy.setSourceModel(self.model)
        self.view = QTableView(self)
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # batch order until asked
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setWordWrap(False)
        self.view.verticalHeader().hide()
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(VendorFindingsModel.MESSAGE, QHeaderView.ResizeMode.Stretch)

        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(self.tables_label)
        lay.addLayout(run_row)
        lay.addWidget(self.summary)
        lay.addWidget(self.status)
        lay.addLayout(filter_row)
        lay.addWidget(self.view, 1)

        self.files_button.clicked.connect(self.choose_files)
        self.folder_button.clicked.connect(self.choose_folder)
        self.citizens_button.clicked.connect(self.choose_citizens)
        self.xsd_button.clicked.connect(self.choose_xsd)
        self.run_button.clicked.connect(self.run_check)
        self.cancel_button.clicked.connect(self.cancel)
        self.filter_edit.textChanged.connect(self.proxy.setFilterFixedString)
        self.severity_box.currentIndexChanged.connect(
            lambda _i: self.proxy.set_severity(self.severity_box.currentData())
        )
        self.view.doubleClicked.connect(self._request_open)
        self.open_button.clicked.connect(lambda: self._request_open(self.view.currentIndex()))
        self.export_button.clicked.connect(self.export_report)
        self.view.selectionModel().currentChanged.connect(lambda *_: self._update_buttons())
        self.proxy.modelReset.connect(self._update_buttons)

    # --- choosing inputs --------------------------------------------------------------------

    def paths(self) -> list[str]:
        return [p.strip() for p in self.paths_edit.text().split(PATH_SEPARATOR) if p.strip()]

    def set_paths(self, paths: Sequence[str]) -> None:
        self.paths_edit.setText(PATH_SEPARATOR.join(paths))

    def _start_dir(self) -> str:
        first = self.paths()[:1]
        return str(
            Path(first[0]).parent
            if first and Path(first[0]).is_file()
            else first[0]
            if first
            else Path.home()
        )

    def choose_files(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(
            self,
            t("Choose vendor files"),
            self._start_dir(),
            t("XDIS16 files (*.xml);;All files (*)"),
        )
        if files:
            self.set_paths(files)

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, t("Choose a folder of vendor files"), self._start_dir()
        )
        if folder:
            self.set_paths([folder])

    def choose_citizens(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, t("Choose the folder of citizen files"), self.citizens_edit.text()
        )
        if folder:
            self.citizens_edit.setText(folder)

    def choose_xsd(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            t("Choose an XSD"),
            self.xsd_edit.text() or str(Path.home()),
            t("XML Schema (*.xsd);;All files (*)"),
        )
        if path:
            self.xsd_edit.setText(path)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        local = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if local:
            self.set_paths(local)
            event.acceptProposedAction()

    # --- running --------------------------------------------------------------------------

    def refresh_tables(self) -> None:
        """Say which tables the check compares against: file, version, status, unsaved edits."""
        modified = set(self._modified())
        parts = []
        for slot in ("original", "simplified"):
            doc = self.ws.tables.get(slot)
            if doc is None:
                continue
            meta = doc.table.table
            text = t(
                "{table}: {file} (version {version}, {status})",
                table=label(TABLE_LABELS, slot),
                file=doc.path.name if doc.path is not None else t("untitled"),
                version=meta.version,
                status=label(TABLE_STATUS_LABELS, meta.status),
            )
            if slot in modified:
                text += " – " + t("with unsaved edits")
            parts.append(text)
        self.tables_label.setText(t("Checked against: {tables}", tables=" · ".join(parts)))
        self.tables_label.setToolTip(
            "\n".join(str(d.path) for d in self.ws.tables.values() if d.path is not None)
        )

    def config(self) -> CheckConfig:
        """The check as set up in the tab (the tables themselves come from the workspace)."""
        xsd = self.xsd_edit.text().strip()
        old, new = (self.ws.tables.get(slot) for slot in ("original", "simplified"))
        return CheckConfig(
            citizens_dir=Path(self.citizens_edit.text().strip() or citizens_dir()),
            strategy=str(self.strategy_box.currentData()),
            data_dir=self.ws.base,
            old_table=str(old.path) if old is not None and old.path is not None else None,
            new_table=str(new.path) if new is not None and new.path is not None else None,
            xsd=Path(xsd) if xsd else None,
            lang=self.lang,
        )

    def run_check(self) -> None:
        if self.op is not None and self.op.running:
            return
        self.refresh_tables()
        paths = self.paths()
        if not paths:
            self._show_error(t("Choose the vendor files or a folder first."))
            return
        config = self.config()
        if config.xsd is not None and not config.xsd.is_file():
            self._show_error(t("No such XSD file: {path}", path=str(config.xsd)))
            return
        jobs = self.jobs_box.value()
        try:
            # Built here, on the GUI thread, from the tables as they are in the editor (unsaved
            # edits included); workers receive the finished expectations.
            checker = Checker(config, ws=self.ws)
        except InputError as exc:
            self._show_error(str(exc))
            return

        def work(progress: Progress, cancelled: CancelledFlag) -> BatchResult:
            progress(0, 0)
            files = collect_files(paths)
            if not files:
                raise InputError(
                    "no XML files found",
                    PATH_SEPARATOR.join(paths),
                    hint="give .xml files or folders containing them",
                )
            # spawn: this process runs threads (the GUI), so worker processes must not fork
            return run_batch(
                files,
                config,
                jobs=jobs,
                progress=progress,
                cancelled=cancelled,
                checker=checker,
                start_method="spawn",
            )

        self.batch = None
        self.model.set_rows([])
        self.summary.clear()
        self.status.setText(t("Checking …"))
        self.progress.setRange(0, 0)
        self.progress.setValue(0)
        self._set_running(True)
        self.op = (
            BackgroundOp(work)
            .on_progress(self._progress)
            .on_success(self._done)
            .on_failure(self._failed)
        )
        self.op.run(self)

    def cancel(self) -> None:
        if self.op is not None and self.op.running:
            self.op.cancel()
            self.cancel_button.setEnabled(False)
            self.status.setText(t("Cancelling …"))

    def is_running(self) -> bool:
        return self.op is not None and self.op.running

    def _progress(self, done: int, total: int) -> None:
        if total <= 0:
            self.progress.setRange(0, 0)  # busy: collecting files, loading citizens
            return
        self.progress.setRange(0, total)
        self.progress.setValue(done)

    def _done(self, batch: BatchResult) -> None:
        self._set_running(False)
        self.batch = batch
        self.model.set_rows(rows_of(batch))
        self.view.resizeColumnsToContents()
        self.progress.setRange(0, max(1, batch.total))
        self.progress.setValue(len(batch.results))
        errors, warnings = batch.counts()
        self.summary.setText(summary_line(errors, warnings))
        self.summary.setStyleSheet(
            "color: #b00020; font-weight: bold;" if errors else "color: #1b5e20; font-weight: bold;"
        )
        passed = sum(1 for r in batch.results if r.passed)
        text = nt(
            "{checked} of {n} file checked: {passed} passed, {failed} with errors.",
            "{checked} of {n} files checked: {passed} passed, {failed} with errors.",
            batch.total,
            checked=len(batch.results),
            passed=passed,
            failed=len(batch.results) - passed,
        )
        if batch.cancelled:
            text = t("Cancelled – the rest was not checked.") + " " + text
        self.status.setText(text)
        self.finished.emit(batch)

    def _failed(self, exc: BaseException) -> None:
        self._set_running(False)
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        if isinstance(exc, InputError | OSError):
            self._show_error(str(exc))
        else:  # a bug: say so here, and leave the traceback where bugs are reported
            traceback.print_exception(type(exc), exc, exc.__traceback__)
            self._show_error(t("The check failed: {reason}", reason=f"{type(exc).__name__}: {exc}"))

    def _show_error(self, text: str) -> None:
        self.summary.clear()
        self.status.setText(text)
        self.status.setStyleSheet("color: #b00020;")

    def _set_running(self, running: bool) -> None:
        if running:
            self.status.setStyleSheet("")
        for w in (
            self.paths_edit,
            self.files_button,
            self.folder_button,
            self.citizens_edit,
            self.citizens_button,
            self.strategy_box,
            self.xsd_edit,
            self.xsd_button,
            self.jobs_box,
            self.run_button,
        ):
            w.setEnabled(not running)
        self.cancel_button.setEnabled(running)
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.export_button.setEnabled(self.batch is not None and not self.is_running())
        self.open_button.setEnabled(self.view.currentIndex().isValid())

    # --- opening and exporting -------------------------------------------------------------

    def _request_open(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        row = self.model.rows[self.proxy.mapToSource(index).row()]
        self.open_file_requested.emit(row.path, row.finding.line or 0)

    def open_in_system(self, path: str, line: int) -> None:
        """Open ``path`` with the desktop's program for it (a viewer cannot be told the line, so
        the status line says it)."""
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(os.path.abspath(path))):
            self._show_error(t("Could not open {path}", path=path))
            return
        if line:
            self.status.setText(
                t("Opened {path} – the finding is on line {line}.", path=path, line=line)
            )

    def export_report(self) -> None:
        if self.batch is None:
            return
        filters = [REPORT_FILTERS[f] for f in FORMATS]
        # Beside the checked files, not among them: a JUnit .xml there would be checked next time.
        first = self.paths()[:1]
        folder = Path(os.path.abspath(first[0])).parent if first else Path.home()
        start = str(folder / ("vendor-check" + SUFFIXES["text"]))
        path, chosen = QFileDialog.getSaveFileName(
            self, t("Export report"), start, ";;".join(filters)
        )
        if not path:
            return
        fmt = report_format(path, FORMATS[filters.index(chosen)] if chosen in filters else None)
        if not Path(path).suffix:
            path += SUFFIXES[fmt]
        try:
            write_report(self.batch, fmt, path, self.lang)
        except OSError as exc:
            self._show_error(
                t("Could not write the report: {reason}", reason=exc.strerror or str(exc))
            )
            return
        self.status.setStyleSheet("")
        self.status.setText(t("Report written: {path}", path=path))


def report_format(path: str, chosen: str | None) -> str:
    """The format the file name's suffix asks for (the most specific one); for a name without a
    known suffix, the chosen filter's (text if none)."""
    lower = path.lower()
    for fmt in ("sarif", "junit", "json", "text"):  # ".sarif.json" before ".json"
        if lower.endswith(REPORT_SUFFIXES[fmt]):
            return fmt
    return chosen or "text"
