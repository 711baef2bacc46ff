"""Any table of the workspace can be a column of the side-by-side report — in the CLI's
``preview --columns`` and as the preview's third column — so that readings A and B stand side
by side."""

from __future__ import annotations

from pathlib import Path

import pytest
from frozen import DATA
from PySide6.QtCore import Qt

from fsiii_mapper.analysis.report_sheet import Columns, column_ids, sheet_page
from fsiii_mapper.engine.populate import Engine
from fsiii_mapper.errors import InputError
from fsiii_mapper.workspace import Workspace, open_citizen


def _reading_b(folder: Path) -> None:
    """A table ``simplified-b`` in which Personlig pleje fills FA510 (reading A leaves it empty)."""
    text = (DATA / "table_simplified.yaml").read_text(encoding="utf-8")
    text = text.replace("  id: simplified\n", "  id: simplified-b\n", 1)
    text = text.replace(
        "  - source: Personlig_pleje  # Personlig pleje\n    target: null\n"
        "    relationship: no-map\n",
        "  - source: Personlig_pleje  # Personlig pleje\n    target: FA510\n"
        "    relationship: source-broader\n",
        1,
    )
    (folder / "table_simplified_b.yaml").write_text(text, encoding="utf-8")


@pytest.fixture
def ws_b(data_copy: Path, frozen_demos: Path) -> Workspace:
    _reading_b(data_copy)
    return Workspace.load(data_copy)


def test_a_table_of_the_workspace_is_a_column_beside_the_strategies(ws_b):
    assert "simplified-b" in column_ids(ws_b)
    page = sheet_page(Engine(ws_b), open_citizen("demo-02"), ["simplified", "simplified-b"])
    assert page.reports["simplified"].field("FA510").is_empty  # reading A
    assert not page.reports["simplified-b"].field("FA510").is_empty  # reading B
    assert ws_b.simplified.table.id == "simplified"  # the workspace's own pair is unchanged


def test_an_unknown_column_names_the_choices(ws_b):
    with pytest.raises(InputError) as err:
        Columns(Engine(ws_b)).check(["simplified", "simplified-c"])
    assert "simplified-c" in str(err.value) and "simplified-b" in str(err.value)


def test_cli_columns_take_a_table_id(data_copy, frozen_demos, capsys):
    from fsiii_mapper_cli.main import main

    _reading_b(data_copy)
    args = ["--data", str(data_copy), "preview", "demo-03", "--columns", "simplified,simplified-b"]
    rc = main(args)
    out = capsys.readouterr().out
    assert rc == 0
    assert '<th align="left">Tabel simplified-b</th>' in out


def test_the_preview_offers_every_other_table_as_its_third_column(session, data_copy, qtbot):
    from ui.preview import PreviewWidget

    _reading_b(data_copy)
    preview = PreviewWidget(session)
    qtbot.addWidget(preview)
    assert preview.vendor_box.findData("simplified-b") >= 0
    assert preview.select_citizen_by_id("demo-02")
    preview.set_vendor("simplified-b")
    model = preview.model
    assert model.headerData(3, Qt.Orientation.Horizontal, 0) == "Tabel simplified-b"
    row = next(i for i, line in enumerate(model.lines) if line.code == "FA510")
    assert model.cell_state(row, 2) != "filled" and model.cell_state(row, 3) == "filled"
