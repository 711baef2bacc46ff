"""Imports report every row they could not take, with its line; the CLI writes the YAML table."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from frozen import fsiii

from fsiii_mapper.errors import InputError
from fsiii_mapper.interchange import export_tables, import_file
from fsiii_mapper.interchange.detect import detect_format
from fsiii_mapper.io.documents import load_table
from fsiii_mapper.texts import set_language
from fsiii_mapper.workspace import Workspace

HEADER = "source,target,relationship,review_status,comment,author,date\n"

# Golden: commands run on the frozen data (tests/data).
pytestmark = pytest.mark.usefixtures("frozen_cli")


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8", newline="")
    return path


def test_csv_rows_that_cannot_be_taken_are_listed_with_their_line(
    frozen_ws: Workspace, tmp_path: Path
) -> None:
    src = write(
        tmp_path / "t.csv",
        HEADER
        + 'J3.5,FA420,equivalent,approved,"two\nlines",Åse,2026-01-02\n'  # lines 2-3
        + "J1.1,FA510,same-as,draft,,,\n"  # line 4
        + ",FA540,equivalent,draft,,,\n"  # line 5
        + "J1.8,FA530,equivalent,draft,,,31/12/2026\n"  # line 6
        + "\n"  # line 7
        + "J1.4,FA560,equivalent,nope,,,\n"  # line 8
        + "J1.6,FA550,equivalent,draft,,,,extra\n",
    )  # line 9
    set_language("en")
    result = import_file(src, frozen_ws)
    assert [r.source for r in result.table.rows] == ["J3.5"]
    assert result.table.rows[0].comment == "two\nlines"
    assert [s.line for s in result.skipped] == [4, 5, 6, 8, 9]
    messages = " | ".join(s.message for s in result.skipped)
    for needle in ("same-as", "source is empty", "31/12/2026", "nope", "more fields"):
        assert needle in messages


def test_csv_without_metadata_gets_catalog_from_its_codes(
    frozen_ws: Workspace, tmp_path: Path
) -> None:
    src = write(tmp_path / "plain.csv", HEADER + "Personlig_pleje,FA510,source-broader,,,,\n")
    table = import_file(src, frozen_ws).table
    assert table.table.catalog == "simplified"
    assert table.table.id == "plain"
    assert table.rows[0].review_status == "draft"  # empty means the default


def test_csv_with_semicolons_and_bom_from_a_danish_spreadsheet(
    frozen_ws: Workspace, tmp_path: Path
) -> None:
    src = tmp_path / "excel.csv"
    src.write_bytes("\ufeffsource;target;relationship\nJ3.5;FA420;equivalent\n".encode())
    rows = import_file(src, frozen_ws).table.rows
    assert [(r.source, r.target, r.relationship) for r in rows] == [("J3.5", "FA420", "equivalent")]


def test_csv_missing_required_columns_is_an_input_error(
    frozen_ws: Workspace, tmp_path: Path
) -> None:
    src = write(tmp_path / "bad.csv", "kilde,mål\nJ1.1,FA510\n")
    with pytest.raises(InputError, match="relationship"):
        import_file(src, frozen_ws)


def test_format_detection(frozen_ws: Workspace, tmp_path: Path) -> None:
    doc = frozen_ws.open_table("simplified")
    for fmt, name in (
        ("csv", "a.csv"),
        ("xlsx", "a.xlsx"),
        ("conceptmap-r4", "a4.json"),
        ("conceptmap-r5", "a5.json"),
    ):
        export_tables([doc], frozen_ws, fmt, tmp_path / name)
        assert detect_format(tmp_path / name) == fmt
        renamed = (tmp_path / name).rename(tmp_path / f"noext-{fmt}")
        assert detect_format(renamed) == fmt  # by content when the name says nothing
    other = tmp_path / "bundle.json"
    other.write_text(json.dumps({"resourceType": "Bundle"}), encoding="utf-8")
    with pytest.raises(InputError, match="ConceptMap"):
        detect_format(other)


def test_cli_import_writes_a_table_and_lists_skipped_rows(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = write(
        tmp_path / "t.csv",
        HEADER + "J3.5,FA420,equivalent,approved,,,\n" + "J1.1,FA510,bogus,draft,,,\n",
    )
    out = tmp_path / "t.yaml"
    assert fsiii("import", str(src), "-o", str(out)) == 1
    err = capsys.readouterr().err
    assert "1 række kunne ikke tages med" in err and "linje 3" in err and "bogus" in err
    assert [r.source for r in load_table(out).table.rows] == ["J3.5"]


def test_cli_import_strict_writes_nothing(tmp_path: Path) -> None:
    src = write(tmp_path / "t.csv", HEADER + "J1.1,FA510,bogus,draft,,,\n")
    out = tmp_path / "t.yaml"
    assert fsiii("import", str(src), "-o", str(out), "--strict") == 1
    assert not out.exists()


def test_cli_import_does_not_overwrite_without_force(tmp_path: Path) -> None:
    src = tmp_path / "s.json"
    assert fsiii("export", "simplified", "-f", "conceptmap-r5", "-o", str(src)) == 0
    out = tmp_path / "t.yaml"
    out.write_text("# my hand-written table\n", encoding="utf-8")
    assert fsiii("import", str(src), "-o", str(out)) == 2
    assert out.read_text(encoding="utf-8") == "# my hand-written table\n"
    assert fsiii("import", str(src), "-o", str(out), "--force") == 0
    assert load_table(out).table.id == "simplified"


def test_cli_round_trip_through_every_readable_format(tmp_path: Path) -> None:
    for fmt, suffix in (
        ("csv", ".csv"),
        ("xlsx", ".xlsx"),
        ("conceptmap-r4", ".json"),
        ("conceptmap-r5", ".json"),
    ):
        exported = tmp_path / f"{fmt}{suffix}"
        table = tmp_path / f"{fmt}.yaml"
        assert fsiii("export", "original", "-f", fmt, "-o", str(exported)) == 0
        assert fsiii("import", str(exported), "-o", str(table), "--format", fmt) == 0
        assert fsiii("validate", str(table)) == 0
