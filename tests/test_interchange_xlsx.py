"""The XLSX a vendor opens: a sheet per table, metadata sheet, frozen header, filters, widths,
real dates, and never a formula."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import load_workbook

from fsiii_mapper.errors import InputError
from fsiii_mapper.interchange import export_tables, import_file
from fsiii_mapper.interchange.records import ROW_COLUMNS
from fsiii_mapper.io.documents import load_table, new_table_document
from fsiii_mapper.model.common import replaced, to_data
from fsiii_mapper.workspace import Workspace

FIXTURE = Path(__file__).parent / "fixtures" / "interchange" / "rich_table.yaml"


def both(ws: Workspace, folder: Path) -> Path:
    out = folder / "tables.xlsx"
    export_tables([ws.open_table("original"), ws.open_table("simplified")], ws, "xlsx", out)
    return out


def test_a_sheet_per_table_and_a_metadata_sheet(frozen_ws: Workspace, tmp_path: Path) -> None:
    wb = load_workbook(both(frozen_ws, tmp_path))
    assert wb.sheetnames == ["original", "simplified", "Metadata"]
    sh = wb["simplified"]
    assert [c.value for c in sh[1]] == list(ROW_COLUMNS)
    assert sh.max_row == len(frozen_ws.simplified.table.rows) + 1


def test_header_frozen_filters_on_widths_readable(frozen_ws: Workspace, tmp_path: Path) -> None:
    wb = load_workbook(both(frozen_ws, tmp_path))
    for name in ("original", "simplified"):
        sh = wb[name]
        assert sh.freeze_panes == "A2"
        assert sh.auto_filter.ref == f"A1:J{sh.max_row}"
        widths = {k: d.width for k, d in sh.column_dimensions.items()}
        assert all(8 <= widths[c] <= 60 for c in "ABCDEFGHIJ")
        assert widths["H"] > widths["F"]  # comment is wider than review_status
    assert wb["Metadata"].freeze_panes == "A2"


def test_no_formulas_even_for_text_that_looks_like_one(
    frozen_ws: Workspace, tmp_path: Path
) -> None:
    out = tmp_path / "rich.xlsx"
    export_tables([load_table(FIXTURE)], frozen_ws, "xlsx", out)
    wb = load_workbook(out)  # not data_only: a formula would show as data_type "f"
    cells = [c for sh in wb.worksheets for row in sh.iter_rows() for c in row]
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    assert "=SUM(A1:A2) er ikke en formel" in [c.value for c in cells]


def test_dates_are_dates_and_empty_fields_empty(frozen_ws: Workspace, tmp_path: Path) -> None:
    out = tmp_path / "rich.xlsx"
    export_tables([load_table(FIXTURE)], frozen_ws, "xlsx", out)
    sh = load_workbook(out).worksheets[0]
    col = {name: i for i, name in enumerate(ROW_COLUMNS)}
    first, second = list(sh.iter_rows(min_row=2, max_row=3, values_only=True))
    assert first[col["date"]] is None and first[col["author"]] is None  # no date, no author
    assert second[col["date"]] == dt.datetime(2026, 11, 20)
    assert sh.cell(row=3, column=col["date"] + 1).number_format == "yyyy-mm-dd"


def test_import_reads_the_sheet_asked_for(frozen_ws: Workspace, tmp_path: Path) -> None:
    out = both(frozen_ws, tmp_path)
    first = import_file(out, frozen_ws)
    second = import_file(out, frozen_ws, sheet="simplified")
    assert first.table.id == "original" and second.table.id == "simplified"
    assert [to_data(r) for r in second.table.rows] == [
        to_data(r) for r in frozen_ws.simplified.table.rows
    ]


def test_a_sheet_edited_by_hand_reports_bad_rows_by_row_number(
    frozen_ws: Workspace, tmp_path: Path
) -> None:
    out = tmp_path / "t.xlsx"
    export_tables([new_table_document(frozen_ws.simplified.table)], frozen_ws, "xlsx", out)
    wb = load_workbook(out)
    sh = wb["simplified"]
    sh["E4"] = "maybe"  # relationship
    sh["A6"] = None  # source
    wb.save(out)
    result = import_file(out, frozen_ws)
    assert [(s.line, s.where) for s in result.skipped] == [
        (4, "ark »simplified«, række 4"),
        (6, "ark »simplified«, række 6"),
    ]
    assert "maybe" in result.skipped[0].message
    assert len(result.table.rows) == len(frozen_ws.simplified.table.rows) - 2


def test_a_control_character_xlsx_cannot_hold_stops_the_export_cleanly(
    frozen_ws: Workspace, tmp_path: Path
) -> None:
    table = frozen_ws.open_table("simplified").table  # a fresh copy: frozen_ws stays as it is
    table.rows[0] = replaced(table.rows[0], comment="bell \x07 here")
    out = tmp_path / "t.xlsx"
    with pytest.raises(InputError, match="kontroltegn"):
        export_tables([new_table_document(table)], frozen_ws, "xlsx", out)
    assert list(tmp_path.iterdir()) == []
