"""The Export dialog: publish the open tables as CSV, XLSX, FHIR ConceptMap, SSSOM or the mapping
guide, through the core's ``interchange.export_tables`` and its export gate.

A refused export (validation errors, or warnings without "Allow warnings") writes nothing and
lists the findings in the dialog; a successful one says where the file is.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fsiii_mapper.errors import InputError
from fsiii_mapper.interchange import (
    EXPORT_FORMATS,
    MULTI_TABLE_FORMATS,
    SUFFIX,
    ExportRefused,
    ExportResult,
    export_tables,
)
from fsiii_mapper.io.documents import TableDocument
from fsiii_mapper.rules.findings import counts
from fsiii_mapper.rules.table_rules import TableFinding
from fsiii_mapper.texts import nt, t
from fsiii_mapper.texts.labels import SEVERITY_LABELS, label
from fsiii_mapper.workspace import Workspace

FILE_FILTERS: dict[str, str] = {
    "csv": "CSV (*.csv)",
    "xlsx": "Excel (*.xlsx)",
    "conceptmap-r4": "FHIR JSON (*.json)",
    "conceptmap-r5": "FHIR JSON (*.json)",
    "sssom": "SSSOM TSV (*.sssom.tsv *.tsv)",
    "guide-html": "HTML (*.html)",
    "guide-pdf": "PDF (*.pdf)",
}


def _describe(doc: TableDocument) -> str:
    meta = doc.table.table
    return f"{meta.title} ({meta.id} {meta.version}, {meta.status})"


class ExportDialog(QDialog):
    """Pick tables, format and file; ``do_export`` runs the export (the Export button calls it)."""

    def __init__(
        self,
        docs: Sequence[TableDocument],
        ws: Workspace,
        *,
        current: int = 0,
        lang: str | None = None,
        folder: str | Path | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        if not docs:
            raise ValueError("ExportDialog needs at least one table")
        self.docs = list(docs)
        self.ws = ws
        self.lang = lang
        self.folder = Path(folder) if folder is not None else Path.home()
        self.last_result: ExportResult | None = None
        self._auto_output = True  # the file name follows format and table until the user edits
        self._confirmed: str | None = None  # a path the file dialog already asked to overwrite
        self.setWindowTitle(t("Export tables"))
        self._build(current)
        self._format_changed()

    # --- layout ---------------------------------------------------------------------------

    def _build(self, current: int) -> None:
        self.format_box = QComboBox(self)
        for fmt in EXPORT_FORMATS:
            self.format_box.addItem(self.format_label(fmt), fmt)
        self.table_box = QComboBox(self)
        for doc in self.docs:
            self.table_box.addItem(_describe(doc))
        self.table_box.setCurrentIndex(max(0, min(current, len(self.docs) - 1)))
        self.table_checks: list[QCheckBox] = []
        checks = QWidget(self)
        checks_lay = QVBoxLayout(checks)
        checks_lay.setContentsMargins(0, 0, 0, 0)
        for doc in self.docs:
            box = QCheckBox(_describe(doc), checks)
            box.setChecked(True)
            box.toggled.connect(lambda _on: self._tables_changed())
            checks_lay.addWidget(box)
            self.table_checks.append(box)
        self.checks_widget = checks
        self.pair_note = QLabel(
            t(
                "The guide always covers the pair: each table shown "
                "replaces the shipped table of its catalog."
            ),
            self,
        )
        self.pair_note.setWordWrap(True)

        self.output_edit = QLineEdit(self)
        self.browse_button = QPushButton(t("Browse …"), self)
        out_row = QHBoxLayout()
        out_row.addWidget(self.output_edit, 1)
        out_row.addWidget(self.browse_button)
        self.allow_warnings = QCheckBox(t("Allow warnings"), self)
        self.allow_warnings.setToolTip(
            t("Export even if validation gives warnings; errors always stop the export")
        )

        form = QFormLayout()
        form.addRow(t("Format:"), self.format_box)
        self.table_label = QLabel(t("Table:"), self)
        form.addRow(self.table_label, self.table_box)
        self.tables_label = QLabel(t("Tables:"), self)
        form.addRow(self.tables_label, checks)
        form.addRow("", self.pair_note)
        form.addRow(t("File:"), out_row)
        form.addRow("", self.allow_warnings)

        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.RichText)
        self.message.setOpenExternalLinks(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.findings_view = QTreeWidget(self)
        self.findings_view.setRootIsDecorated(False)
        self.findings_view.setHeaderLabels(
            [
                t("Table"),
                t("Line"),
                t("Rule"),
                t("Severity"),
                t("Message"),
            ]
        )
        self.findings_view.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.findings_view.header().setStretchLastSection(True)
        self.findings_view.hide()

        self.buttons = QDialogButtonBox(self)
        self.export_button = self.buttons.addButton(
            t("Export"), QDialogButtonBox.ButtonRole.ApplyRole
        )
        self.export_button.setDefault(True)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)

        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(self.message)
        lay.addWidget(self.findings_view, 1)
        lay.addStretch(0)  # keeps the message up under the form while the list is hidden
        lay.addWidget(self.buttons)
        self.resize(640, 420)

        self.format_box.currentIndexChanged.connect(lambda _i: self._format_changed())
        self.table_box.currentIndexChanged.connect(lambda _i: self._tables_changed())
        self.output_edit.textEdited.connect(self._output_edited)
        self.browse_button.clicked.connect(self.browse)
        self.export_button.clicked.connect(self.do_export)
        self.close_button.clicked.connect(self.reject)

    def format_label(self, fmt: str) -> str:
        labels = {
            "csv": t("CSV – one line per mapping row"),
            "xlsx": t("Excel workbook (XLSX) – a sheet per table"),
            "conceptmap-r4": t("FHIR ConceptMap R4 (JSON)"),
            "conceptmap-r5": t("FHIR ConceptMap R5 (JSON)"),
            "sssom": t("SSSOM (TSV)"),
            "guide-html": t("Mapping guide for the table pair (HTML)"),
            "guide-pdf": t("Mapping guide for the table pair (PDF)"),
        }
        return labels.get(fmt, fmt)

    # --- state --------------------------------------------------------------------------------

    def fmt(self) -> str:
        return str(self.format_box.currentData())

    def set_format(self, fmt: str) -> None:
        self.format_box.setCurrentIndex(self.format_box.findData(fmt))

    def selected_docs(self) -> list[TableDocument]:
        fmt = self.fmt()
        if fmt.startswith("guide-"):
            return list(self.docs)
        if fmt in MULTI_TABLE_FORMATS:
            return [
                d for d, box in zip(self.docs, self.table_checks, strict=True) if box.isChecked()
            ]
        return [self.docs[self.table_box.currentIndex()]]

    def output(self) -> str:
        return self.output_edit.text().strip()

    def set_output(self, path: str) -> None:
        self.output_edit.setText(path)
        self._auto_output = False

    def _format_changed(self) -> None:
        fmt = self.fmt()
        multi = fmt in MULTI_TABLE_FORMATS
        guide = fmt.startswith("guide-")
        single_widgets: tuple[QWidget, ...] = (self.table_label, self.table_box)
        multi_widgets: tuple[QWidget, ...] = (self.tables_label, self.checks_widget)
        for w in single_widgets:
            w.setVisible(not multi)
        for w in multi_widgets:
            w.setVisible(multi)
        self.pair_note.setVisible(guide)
        for box in self.table_checks:
            box.setEnabled(not guide)
        self._retarget_output()
        self._tables_changed()

    def _tables_changed(self) -> None:
        self.export_button.setEnabled(bool(self.selected_docs()))
        if self._auto_output:
            self._retarget_output()

    def _output_edited(self, _text: str) -> None:
        self._auto_output = False
        self._confirmed = None

    def _default_name(self) -> str:
        fmt = self.fmt()
        docs = self.selected_docs()
        if fmt.startswith("guide-"):
            stem = "mapping-guide"
        elif len(docs) == 1:
            stem = docs[0].table.id
        else:
            stem = "mapping-tables"
        return stem + SUFFIX[fmt]

    def _retarget_output(self) -> None:
        """A default name in the chosen folder while the user has not typed one; afterwards only
        the suffix follows the format."""
        if self._auto_output or not self.output():
            self.output_edit.setText(str(self.folder / self._default_name()))
            self._auto_output = True
            return
        current = Path(self.output())
        for suffix in sorted(set(SUFFIX.values()), key=len, reverse=True):
            if current.name.endswith(suffix):
                self.output_edit.setText(
                    str(current.with_name(current.name[: -len(suffix)] + SUFFIX[self.fmt()]))
                )
                self._confirmed = None
                return

    def browse(self) -> None:
        fmt = self.fmt()
        path, _ = QFileDialog.getSaveFileName(
            self, t("Export to"), self.output(), FILE_FILTERS.get(fmt, "")
        )
        if not path:
            return
        if not Path(path).name.endswith(SUFFIX[fmt]) and not Path(path).suffix:
            path += SUFFIX[fmt]
        self.set_output(path)
        self._confirmed = path  # the file dialog has asked about overwriting

    # --- exporting ----------------------------------------------------------------------------

    def do_export(self) -> ExportResult | None:
        """Export as set up; the result, or None (refused, cancelled or failed: nothing written,
        the reason shown in the dialog)."""
        self._clear()
        docs = self.selected_docs()
        out = self.output()
        if not docs:
            self._fail(t("Choose at least one table."))
            return None
        if not out:
            self._fail(t("Choose the file to export to."))
            return None
        if Path(out).exists() and out != self._confirmed:
            answer = QMessageBox.question(
                self,
                t("Overwrite?"),
                t("{path} already exists. Replace it?", path=out),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return None
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            result = export_tables(
                docs,
                self.ws,
                self.fmt(),
                out,
                allow_warnings=self.allow_warnings.isChecked(),
                lang=self.lang,
            )
        except ExportRefused as exc:
            self._show_refusal(exc)
            return None
        except InputError as exc:
            self._fail(str(exc))
            return None
        except OSError as exc:
            self._fail(t("Could not write the file: {reason}", reason=exc.strerror or str(exc)))
            return None
        finally:
            QApplication.restoreOverrideCursor()
        self.last_result = result
        self._show_success(result)
        return result

    def _clear(self) -> None:
        self.message.clear()
        self.message.setStyleSheet("")
        self.findings_view.clear()
        self.findings_view.hide()

    def _fail(self, text: str) -> None:
        self.message.setStyleSheet("color: #b00020;")
        self.message.setText(_escape(text))

    def _show_refusal(self, exc: ExportRefused) -> None:
        errors, warnings = counts(exc.findings)
        if errors:
            head = nt(
                "Export refused: {table} has {n} validation error. Nothing was written.",
                "Export refused: {table} has {n} validation errors. Nothing was written.",
                errors,
                table=exc.table_id,
            )
        else:
            head = nt(
                "Export refused: {table} has {n} warning. Tick “Allow warnings” to export "
                "anyway. Nothing was written.",
                "Export refused: {table} has {n} warnings. Tick “Allow warnings” to export "
                "anyway. Nothing was written.",
                warnings,
                table=exc.table_id,
            )
        self._fail(head)
        for f in exc.findings:
            self.findings_view.addTopLevelItem(self._finding_item(exc.table_id, f))
        self.findings_view.show()

    def _finding_item(self, table_id: str, f: TableFinding) -> QTreeWidgetItem:
        item = QTreeWidgetItem(
            [
                table_id,
                "" if f.line is None else str(f.line),
                f.rule,
                label(SEVERITY_LABELS, f.severity),
                f.message,
            ]
        )
        item.setToolTip(4, "\n".join(x for x in (f"{f.rule} {f.name}", f.location(), f.hint) if x))
        return item

    def _show_success(self, result: ExportResult) -> None:
        url = QUrl.fromLocalFile(str(result.path.resolve())).toString()
        tables = ", ".join(f"{d.table.id} {d.table.table.version}" for d in result.tables)
        text = t(
            "Written: {file} ({tables})",
            file=f'<a href="{url}">{_escape(str(result.path))}</a>',
            tables=_escape(tables),
        )
        if result.warnings:
            text += "<br>" + _escape(
                nt(
                    "Exported despite {n} warning:",
                    "Exported despite {n} warnings:",
                    len(result.warnings),
                )
            )
            by_file = {str(d.path): d.table.id for d in result.tables if d.path is not None}
            for f in result.warnings:
                table_id = by_file.get(f.file or "", f.file or "")
                self.findings_view.addTopLevelItem(self._finding_item(table_id, f))
            self.findings_view.show()
        self.message.setStyleSheet("color: #1b5e20;")
        self.message.setText(text)
        self.close_button.setDefault(True)


def _escape(text: str) -> str:
    return html.escape(text, quote=False)
