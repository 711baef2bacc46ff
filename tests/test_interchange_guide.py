"""The mapping guide for the table pair, as HTML and PDF."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from fsiii_mapper.interchange import export_tables, guide_pdf
from fsiii_mapper.interchange.guide import build_guide
from fsiii_mapper.io.documents import load_table
from fsiii_mapper.workspace import Workspace

FIXTURE = Path(__file__).parent / "fixtures" / "interchange" / "rich_table.yaml"


def html_of(ws: Workspace, folder: Path, *tables: str) -> str:
    out = folder / "guide.html"
    docs = [load_table(t) if t.endswith(".yaml") else ws.tables[t] for t in tables]
    export_tables(docs or [ws.simplified], ws, "guide-html", out, lang="da")
    return out.read_text(encoding="utf-8")


def test_guide_names_the_fields_that_go_empty(ws: Workspace) -> None:
    guide = build_guide(ws)
    assert [f.code for f in guide.lost] == ["FA510", "FA540", "FA530", "FA460", "FA550", "FA560"]
    fa420 = next(f for f in guide.fields if f.code == "FA420")
    assert [s.key for s in fa420.fills["original"]] == ["J3.5"]
    assert [s.key for s in fa420.fills["simplified"]] == ["J3.5"]


def test_guide_crosswalk_old_to_new(ws: Workspace) -> None:
    line = next(c for c in build_guide(ws).crosswalk if c.old_key == "J1.1")
    assert line.old_fills == ["FA510"]
    assert [s[0] for s in line.successors] == ["Personlig_pleje"]
    assert line.successors[0][2] == []  # Personlig pleje fills nothing in the table


def test_a_one_to_n_row_fills_the_field_again(ws: Workspace, tmp_path: Path) -> None:
    html = html_of(ws, tmp_path, str(FIXTURE))
    assert ws.simplified.table.id == "simplified"  # the export did not change the caller's pair
    ws.use_table(load_table(FIXTURE))
    guide = build_guide(ws)
    assert "FA510" not in [f.code for f in guide.lost]
    assert "Personlig_pleje" in html


def test_html_is_self_contained_danish_and_escaped(ws: Workspace, tmp_path: Path) -> None:
    html = html_of(ws, tmp_path, str(FIXTURE))
    assert html.startswith("<!DOCTYPE html>") and '<html lang="da">' in html
    assert '<meta charset="utf-8">' in html
    assert not re.search(r"<(script|link|img|iframe)\b", html)
    assert "http" not in html.split("</style>")[0]
    assert "Felter der står tomme efter forenklingen" in html
    assert "Fra gammel til ny tilstand" in html
    # the fixture's title is 'Rundtur: "Æble" & <ørred> – ÅÆØ'
    assert "&lt;ørred&gt;" in html and "<ørred>" not in html


def test_html_carries_table_identity(ws: Workspace, tmp_path: Path) -> None:
    html = html_of(ws, tmp_path)
    for needle in (
        "original",
        "simplified",
        "1.0.0",
        "published",
        ws.catalogs["original"].code_system_version,
        ws.catalogs["simplified"].code_system_version,
        "Dannet ",
    ):
        assert needle in html


def test_pdf_is_written_with_a_unicode_font_when_there_is_one(
    ws: Workspace, tmp_path: Path
) -> None:
    if guide_pdf.find_unicode_font() is None:
        pytest.skip("no Unicode TrueType font on this system")
    out = tmp_path / "guide.pdf"
    export_tables([ws.simplified], ws, "guide-pdf", out, lang="da")
    data = out.read_bytes()
    assert data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")
    assert b"/FontFile2" in data  # an embedded TrueType font, not a Latin-1 core font
    if shutil.which("pdftotext"):
        text = subprocess.run(
            ["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True, check=True
        ).stdout
        assert "Felter der står tomme efter forenklingen" in text
        assert "Færden i forskellige omgivelser" in text


def test_pdf_falls_back_to_a_core_font(
    ws: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(guide_pdf, "find_unicode_font", lambda: None)
    out = tmp_path / "guide.pdf"
    export_tables([ws.simplified], ws, "guide-pdf", out, lang="da")
    data = out.read_bytes()
    assert data.startswith(b"%PDF-") and b"/FontFile2" not in data
    if shutil.which("pdftotext"):
        text = subprocess.run(
            ["pdftotext", str(out), "-"], capture_output=True, text=True, check=True
        ).stdout
        assert "Færden i forskellige omgivelser" in text  # æøå are Latin-1: still readable
