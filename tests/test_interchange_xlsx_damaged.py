"""A damaged or hostile workbook is a clear message (file, sheet and row where known; exit 2),
never a traceback, a hang or hundreds of MB of memory."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import CliRun

from fsiii_mapper.errors import InputError
from fsiii_mapper.interchange import export_tables, import_file
from fsiii_mapper.workspace import Workspace

SHEET = "xl/worksheets/sheet1.xml"


@pytest.fixture(scope="module")
def good(tmp_path_factory: pytest.TempPathFactory, frozen_ws: Workspace) -> bytes:
    out = tmp_path_factory.mktemp("xlsx") / "good.xlsx"
    export_tables([frozen_ws.original], frozen_ws, "xlsx", out)
    return out.read_bytes()


def rewrite(data: bytes, change: Callable[[str, bytes], bytes | None]) -> bytes:
    """A copy of the workbook with each part replaced by ``change(name, content)`` (None: drop)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            new = change(info.filename, src.read(info))
            if new is not None:
                dst.writestr(info.filename, new, zipfile.ZIP_DEFLATED)
    return out.getvalue()


def in_sheet(old: bytes, new: bytes) -> Callable[[str, bytes], bytes]:
    def change(name: str, content: bytes) -> bytes:
        if name == SHEET:
            assert old in content, old
            return content.replace(old, new, 1)
        return content

    return change


# the first row's date cell (column J: source … review_status, evidence, comment, author, date)
DATE = b'<c r="J2" s="4" t="n"><v>46347</v>'

DAMAGE: dict[str, Callable[[str, bytes], bytes | None]] = {
    "malformed sheet XML": lambda n, c: c[: len(c) // 2] if n == SHEET else c,
    "malformed workbook XML": lambda n, c: c[:-40] if n == "xl/workbook.xml" else c,
    "workbook part missing": lambda n, c: None if n == "xl/workbook.xml" else c,
    "text in a number cell": in_sheet(DATE, b'<c r="J2" t="n"><v>abc</v>'),
    "impossible date": in_sheet(DATE, b'<c r="J2" t="d"><v>2026-02-30</v>'),
    "bad shared-string index": in_sheet(DATE, b'<c r="J2" t="s"><v>9999</v>'),
    "bad cell reference": in_sheet(b'<c r="J2" s="4"', b'<c r="J99999999999999"'),
    "billion laughs": lambda n, c: (
        b'<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>'
        + c.split(b"?>", 1)[-1]
        if n == SHEET
        else c
    ),
}


@pytest.mark.parametrize("kind", list(DAMAGE))
def test_a_damaged_workbook_is_a_message(
    kind: str, good: bytes, frozen_ws: Workspace, tmp_path: Path
) -> None:
    src = tmp_path / "damaged.xlsx"
    src.write_bytes(rewrite(good, DAMAGE[kind]))
    try:
        result = import_file(src, frozen_ws)
    except InputError as exc:
        assert exc.path == str(src) and exc.message
    else:  # openpyxl may read past a harmless flaw; then the row must be listed, not lost
        assert (
            len(result.table.rows) + len(result.skipped) >= len(frozen_ws.original.table.rows) - 1
        )


def test_a_cell_that_inflates_to_hundreds_of_mb_is_refused_from_the_zip_directory(
    good: bytes, tmp_path: Path, cli: CliRun
) -> None:
    src = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(io.BytesIO(good)) as z, zipfile.ZipFile(src, "w") as out:
        for info in z.infolist():
            if info.filename != SHEET:
                out.writestr(info.filename, z.read(info))
        info = zipfile.ZipInfo(SHEET)
        info.compress_type = zipfile.ZIP_DEFLATED
        with out.open(info, "w", force_zip64=True) as f:
            f.write(
                b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            )
            f.write(b'<sheetData><row><c t="inlineStr"><is><t>')
            chunk = b"a" * (1 << 20)
            for _ in range(64):  # 64 MB, deflated to ~64 kB
                f.write(chunk)
            f.write(b"</t></is></c></row></sheetData></worksheet>")
    assert src.stat().st_size < 2 * 1024 * 1024
    out_yaml = tmp_path / "t.yaml"
    rc, _, err = cli("import", str(src), "-o", str(out_yaml))
    assert rc == 2 and "MB" in err and "Traceback" not in err
    assert not out_yaml.exists()


@pytest.mark.parametrize("kind", ["malformed sheet XML", "text in a number cell"])
def test_cli_damaged_workbook_exit_2(kind: str, good: bytes, tmp_path: Path, cli: CliRun) -> None:
    src = tmp_path / "damaged.xlsx"
    src.write_bytes(rewrite(good, DAMAGE[kind]))
    out = tmp_path / "t.yaml"
    rc, _, err = cli("import", str(src), "-o", str(out))
    assert (rc, "Traceback" in err) == (2, False), err
    assert not out.exists()
