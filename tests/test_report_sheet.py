"""One report sheet for screen, paper and files: the HTML renderer in the core, the CLI's
``preview --columns … --format html|pdf|png`` and the GUI's PDF export give the same content —
all 7 function items and 12 problem areas, every empty field with its reason, one page per citizen.

Regression: "Eksportér forhåndsvisning som PDF" saved the visible part of the screen (I2–I12
missing, a scroll bar drawn into the page).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from fsiii_mapper.analysis.report_sheet import page_html, sheet_html, sheet_page
from fsiii_mapper.engine.populate import Engine
from fsiii_mapper.workspace import open_citizen

COLUMNS = "original,simplified,cura"


def _pdf_pages(path: Path) -> int:
    return len(re.findall(rb"/Type\s*/Page\b", path.read_bytes()))


def test_the_sheet_has_every_field_every_column_and_the_reasons(frozen_ws, frozen_demos):
    page = sheet_page(Engine(frozen_ws), open_citizen("demo-03"), COLUMNS.split(","))
    text = page_html(page, frozen_ws.layout, "da")
    layout = frozen_ws.layout
    codes = [f.id for f in layout.function_items] + [a.id for a in layout.problem_areas]
    assert len(codes) == 19
    for code in codes:
        assert f"<td>{code} " in text
    for name in ("Gammel tabel", "Forenklet tabel", "Cura-regel"):
        assert name in text
    assert "TOM – tabt efter forenklingen" in text  # FA510 under the simplified table
    assert (  # … and why, told from the citizen's state
        "Vaske sig (J1.1, niveau 2) udfyldte feltet under den gamle tabel. I det forenklede FSIII "
        "er den lagt sammen i Personlig pleje, som ikke udfylder FA510." in text
    )
    assert "Funktionsevne" in text and "Sygeplejefaglige problemområder" in text


def test_the_html_document_has_one_page_per_citizen(frozen_ws, frozen_demos):
    engine = Engine(frozen_ws)
    pages = [sheet_page(engine, open_citizen(c), ["cura"]) for c in ("demo-01", "demo-03")]
    doc = sheet_html(pages, frozen_ws.layout, "en")
    assert doc.count("page-break-before: always") == 1
    assert doc.startswith("<!DOCTYPE html>") and 'lang="en"' in doc


def test_cli_writes_the_sheet_as_html_pdf_and_png(cli, tmp_path):
    rc, out, err = cli("preview", "demo-03", "--columns", COLUMNS, "--format", "html")
    assert rc == 0, err
    assert out.count("<tr>") == 19 and "Cura-regel" in out
    pdf = tmp_path / "demo-03.pdf"
    rc, _, err = cli("preview", "demo-03", "--columns", COLUMNS, "--format", "pdf", "-o", str(pdf))
    assert rc == 0, err
    assert pdf.read_bytes().startswith(b"%PDF") and _pdf_pages(pdf) == 1
    png = tmp_path / "demo-03.png"
    rc, _, err = cli("preview", "demo-03", "--columns", COLUMNS, "--format", "png", "-o", str(png))
    assert rc == 0, err
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["demo-03.pdf", "demo-03.png"]


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--columns", "original,cuar", "--format", "html"], "cuar"),
        (["--format", "pdf"], "-o"),
        ([], "--strategy"),
    ],
)
def test_cli_sheet_usage_errors_are_danish_and_exit_2(cli, args, words):
    rc, out, err = cli("preview", "demo-03", *args)
    assert rc == 2 and not out
    assert words in err and "Traceback" not in err


def test_the_gui_exports_the_same_sheet_as_the_cli_right_after_start(window, cli):
    # The GUI's PDF, print and image are the same renderer's pages as `preview --columns`.
    preview = window.preview
    assert preview.select_citizen_by_id("demo-03")
    preview.set_vendor("cura")
    rc, out, _ = cli("preview", "demo-03", "--columns", COLUMNS, "--format", "html")
    assert rc == 0
    gui_page = preview.sheet_fragments()
    assert len(gui_page) == 1 and gui_page[0] in out
