"""The PDF guide as a PDF reader (pypdf) sees it: title and language, tagged headings with
bookmarks, codes in a monospace font apart from their names; and an unusable FSIII_PDF_FONT is
a clear message, not a traceback."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from conftest import CliRun

from fsiii_mapper.interchange import export_tables, guide_pdf
from fsiii_mapper.interchange.guide import title
from fsiii_mapper.workspace import Workspace

pypdf = pytest.importorskip("pypdf")


@pytest.fixture
def pdf(ws: Workspace, tmp_path: Path) -> Any:
    fonts = guide_pdf.find_unicode_font()
    if fonts is None or not fonts[0].with_name("DejaVuSansMono.ttf").is_file():
        pytest.skip("DejaVu Sans and DejaVu Sans Mono are not on this system")
    out = tmp_path / "guide.pdf"
    export_tables([ws.simplified], ws, "guide-pdf", out, lang="da")
    return pypdf.PdfReader(out)


def test_title_language_and_window_title(pdf: Any) -> None:
    root = pdf.trailer["/Root"]
    assert root["/Lang"] == "da"
    assert pdf.metadata.title == title("da")
    assert bool(root["/ViewerPreferences"]["/DisplayDocTitle"])


def test_headings_are_tagged_and_bookmarked(pdf: Any) -> None:
    root = pdf.trailer["/Root"]
    assert bool(root["/MarkInfo"]["/Marked"])
    assert "/StructTreeRoot" in root
    outline = [o.title for o in pdf.outline]
    assert "Felter der står tomme efter forenklingen" in outline
    assert len(outline) >= 5


def test_codes_are_set_in_a_monospace_font(pdf: Any) -> None:
    runs: list[tuple[str, str]] = []

    def visit(text: str, _cm: Any, _tm: Any, font: Any, _size: Any) -> None:
        if text.strip() and font is not None:
            runs.append((str(font["/BaseFont"]), text.strip()))

    for page in pdf.pages:
        page.extract_text(visitor_text=visit)
    mono = {text for font, text in runs if "Mono" in font}
    plain = " ".join(text for font, text in runs if "Mono" not in font)
    assert "Problemer_med_smerter" in mono and "FA510" in mono
    assert "Problemer med smerter" in plain  # the name is in the text font
    assert not any("Problemer med smerter" in text for text in mono)


@pytest.mark.parametrize("content", [None, b"not a font", b"\x00\x01\x00\x00garbage"])
def test_an_unusable_pdf_font_is_a_message(
    tmp_path: Path, cli: CliRun, monkeypatch: pytest.MonkeyPatch, content: bytes | None
) -> None:
    font = tmp_path / "font.ttf"
    if content is not None:
        font.write_bytes(content)
    monkeypatch.setenv("FSIII_PDF_FONT", str(font))
    out = tmp_path / "guide.pdf"
    rc, _, err = cli("export", "simplified", "-f", "guide-pdf", "-o", str(out))
    assert rc == 2, err
    assert "font.ttf" in err and "FSIII_PDF_FONT" in err and "Traceback" not in err
    assert not out.exists()
