"""The Export dialog: an invalid table is refused with its findings listed and nothing written;
a valid one is written where the user asked; XLSX takes both tables; warnings need consent."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest

from fsiii_mapper.model.common import replaced

pytest.importorskip("pytestqt")

from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from fsiii_mapper.interchange import EXPORT_FORMATS, SUFFIX
from fsiii_mapper.io.documents import TableDocument, load_table, new_table_document
from fsiii_mapper.model import MappingRow
from fsiii_mapper.workspace import Workspace
from ui.export_dialog import ExportDialog


def saved(ws: Workspace, folder: Path, name: str, change: Any) -> TableDocument:
    """The simplified table with one change, saved to ``folder`` and loaded back (with lines)."""
    table = copy.deepcopy(ws.simplified.table)
    change(table)
    path = folder / name
    new_table_document(table).save(path)
    return load_table(path)


def invalid(ws: Workspace, folder: Path) -> TableDocument:
    """A row naming a report field that does not exist: FM003, an error."""
    return saved(
        ws,
        folder,
        "invalid.yaml",
        lambda t: t.rows.append(MappingRow(source="J3.5", target="FA999", relationship="related")),
    )


def with_warning(ws: Workspace, folder: Path) -> TableDocument:
    """A published table with a row still in review: FM015, a warning."""

    def change(t: Any) -> None:
        t.rows[0] = replaced(t.rows[0], review_status="in-review")

    return saved(ws, folder, "warning.yaml", change)


def dialog(
    qtbot: Any, docs: list[TableDocument], ws: Workspace, folder: Path, current: int = 0
) -> ExportDialog:
    d = ExportDialog(docs, ws, current=current, lang="da", folder=folder)
    qtbot.addWidget(d)
    d.show()
    return d


def listed(d: ExportDialog) -> list[tuple[str, str, str]]:
    view = d.findings_view
    return [
        (view.topLevelItem(i).text(1), view.topLevelItem(i).text(2), view.topLevelItem(i).text(4))
        for i in range(view.topLevelItemCount())
    ]


def test_an_invalid_table_is_refused_listed_and_nothing_written(
    qtbot: Any, ws: Workspace, tmp_path: Path
) -> None:
    bad = invalid(ws, tmp_path)
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    d = dialog(qtbot, [ws.original, bad], ws, out_dir, current=1)
    d.set_format("csv")
    d.allow_warnings.setChecked(True)  # errors stop an export even so
    assert d.selected_docs() == [bad]
    assert d.output() == str(out_dir / "simplified.csv")

    assert d.do_export() is None
    assert list(out_dir.iterdir()) == []  # no file, no temporary file
    assert d.findings_view.isVisible()
    [(line, rule, message)] = listed(d)
    assert rule == "FM003" and "FA999" in message
    assert int(line) == bad.row_position(len(bad.table.rows) - 1, "target")[0]  # the FA999
    assert "simplified" in d.message.text()


def test_a_valid_table_is_written_and_the_dialog_says_where(
    qtbot: Any, ws: Workspace, tmp_path: Path
) -> None:
    d = dialog(qtbot, [ws.original, ws.simplified], ws, tmp_path)
    d.set_format("conceptmap-r4")
    result = d.do_export()
    assert result is not None and result.path == tmp_path / "original.json"
    assert '"resourceType": "ConceptMap"' in (tmp_path / "original.json").read_text("utf-8")
    assert str(tmp_path / "original.json") in d.message.text()
    assert not d.findings_view.isVisible()
    assert d.last_result is result


def test_the_export_button_exports(qtbot: Any, ws: Workspace, tmp_path: Path) -> None:
    d = dialog(qtbot, [ws.original], ws, tmp_path)
    d.set_format("sssom")
    qtbot.mouseClick(d.export_button, Qt.MouseButton.LeftButton)
    assert (tmp_path / "original.sssom.tsv").is_file()


def test_xlsx_takes_both_tables(qtbot: Any, ws: Workspace, tmp_path: Path) -> None:
    d = dialog(qtbot, [ws.original, ws.simplified], ws, tmp_path)
    d.set_format("xlsx")
    assert d.checks_widget.isVisible() and not d.table_box.isVisible()
    assert d.selected_docs() == [ws.original, ws.simplified]
    result = d.do_export()
    assert result is not None
    sheets = load_workbook(result.path, read_only=True).sheetnames
    assert any("original" in s for s in sheets) and any("simplified" in s for s in sheets)

    d.table_checks[0].setChecked(False)
    d.table_checks[1].setChecked(False)
    assert not d.export_button.isEnabled()


def test_single_table_formats_offer_one_table(qtbot: Any, ws: Workspace, tmp_path: Path) -> None:
    d = dialog(qtbot, [ws.original, ws.simplified], ws, tmp_path)
    for fmt in EXPORT_FORMATS:
        d.set_format(fmt)
        single = fmt not in ("xlsx", "guide-html", "guide-pdf")
        assert d.table_box.isVisible() == single
        assert d.output().endswith(SUFFIX[fmt])
        if single:
            assert len(d.selected_docs()) == 1


def test_warnings_need_allow_warnings(qtbot: Any, ws: Workspace, tmp_path: Path) -> None:
    doc = with_warning(ws, tmp_path)
    out = tmp_path / "published.csv"
    d = dialog(qtbot, [doc], ws, tmp_path)
    d.set_format("csv")
    d.set_output(str(out))
    assert d.do_export() is None and not out.exists()
    assert [rule for _, rule, _ in listed(d)] == ["FM015"]
    d.allow_warnings.setChecked(True)
    result = d.do_export()
    assert result is not None and out.is_file()
    assert [rule for _, rule, _ in listed(d)] == ["FM015"]  # still shown, as exported-despite


def test_an_existing_file_is_kept_unless_the_user_agrees(
    qtbot: Any, ws: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "original.csv"
    out.write_text("the last good export\n", encoding="utf-8")
    d = dialog(qtbot, [ws.original], ws, tmp_path)
    d.set_format("csv")
    answers = [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes]
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: answers.pop(0))
    assert d.do_export() is None
    assert out.read_text(encoding="utf-8") == "the last good export\n"
    assert d.do_export() is not None
    assert out.read_text(encoding="utf-8") != "the last good export\n"


def test_browse_sets_the_file_and_the_suffix_follows_the_format(
    qtbot: Any, ws: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    d = dialog(qtbot, [ws.original], ws, tmp_path)
    d.set_format("csv")
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "til-leverandør"), "")
    )
    d.browse()
    assert d.output() == str(tmp_path / "til-leverandør.csv")
    d.set_format("sssom")
    assert d.output() == str(tmp_path / "til-leverandør.sssom.tsv")
    d.set_format("guide-html")
    assert d.output() == str(tmp_path / "til-leverandør.html")


def test_a_missing_folder_is_said_in_the_dialog(qtbot: Any, ws: Workspace, tmp_path: Path) -> None:
    d = dialog(qtbot, [ws.original], ws, tmp_path)
    d.set_format("csv")
    d.set_output(str(tmp_path / "nowhere" / "x.csv"))
    assert d.do_export() is None
    assert "nowhere" in d.message.text()
