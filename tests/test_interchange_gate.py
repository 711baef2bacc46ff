"""The export gate: invalid tables are never exported; every export says where it came from."""

from __future__ import annotations

import copy
import csv
import datetime as dt
import io
import json
from pathlib import Path

import pytest
from frozen import fsiii
from openpyxl import load_workbook

from fsiii_mapper.interchange import EXPORT_FORMATS, ExportRefused, export_tables
from fsiii_mapper.io.documents import TableDocument, load_table, new_table_document
from fsiii_mapper.model import MappingRow
from fsiii_mapper.model.common import replaced
from fsiii_mapper.workspace import Workspace

NOW = dt.datetime(2026, 11, 21, 9, 15, 0, tzinfo=dt.UTC)

# Golden: commands run on the frozen data (tests/data).
pytestmark = pytest.mark.usefixtures("frozen_cli")


def invalid_table(ws: Workspace, folder: Path) -> Path:
    """The simplified table with a row naming a report field that does not exist (FM003)."""
    table = copy.deepcopy(ws.simplified.table)
    table.rows.append(MappingRow(source="J3.5", target="FA999", relationship="related"))
    path = folder / "invalid.yaml"
    new_table_document(table).save(path)
    return path


def warning_table(ws: Workspace, folder: Path) -> Path:
    """Published with a row still in review: a warning (FM015), no error."""
    table = copy.deepcopy(ws.simplified.table)
    table.rows[0] = replaced(table.rows[0], review_status="in-review")
    path = folder / "warning.yaml"
    new_table_document(table).save(path)
    return path


@pytest.mark.parametrize("fmt", EXPORT_FORMATS)
def test_a_table_with_errors_is_refused_and_no_file_written(
    fmt: str, ws: Workspace, tmp_path: Path
) -> None:
    doc = load_table(invalid_table(ws, tmp_path))
    out = tmp_path / "out.file"
    with pytest.raises(ExportRefused) as exc:
        export_tables([doc], ws, fmt, out, allow_warnings=True)
    assert "FM003" in str(exc.value) and "FA999" in str(exc.value)
    assert not out.exists()
    assert [p.name for p in tmp_path.iterdir()] == ["invalid.yaml"]  # no temp file left either


def test_a_refused_export_leaves_an_existing_file_untouched(ws: Workspace, tmp_path: Path) -> None:
    out = tmp_path / "published.csv"
    out.write_text("the last good export\n", encoding="utf-8")
    with pytest.raises(ExportRefused):
        export_tables([load_table(invalid_table(ws, tmp_path))], ws, "csv", out)
    assert out.read_text(encoding="utf-8") == "the last good export\n"


def test_warnings_need_allow_warnings(ws: Workspace, tmp_path: Path) -> None:
    doc = load_table(warning_table(ws, tmp_path))
    out = tmp_path / "out.csv"
    with pytest.raises(ExportRefused) as exc:
        export_tables([doc], ws, "csv", out)
    assert "FM015" in str(exc.value) and "--allow-warnings" in str(exc.value)
    assert not out.exists()
    result = export_tables([doc], ws, "csv", out, allow_warnings=True)
    assert out.exists() and [f.rule for f in result.warnings] == ["FM015"]


def test_cli_refusal_exit_code_1_names_the_findings(
    ws: Workspace, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = invalid_table(ws, tmp_path)
    out = tmp_path / "x.json"
    code = fsiii("--lang", "da", "export", str(src), "--format", "conceptmap-r4", "-o", str(out))
    err = capsys.readouterr().err
    assert code == 1
    assert "Eksport afvist" in err and "FM003" in err and "FA999" in err
    assert not out.exists()


def test_cli_export_of_a_shipped_table_by_id(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "simplified.csv"
    assert fsiii("export", "simplified", "--format", "csv", "-o", str(out)) == 0
    assert out.exists()
    assert "simplified" in capsys.readouterr().out


def test_cli_one_table_formats_reject_two_tables(tmp_path: Path) -> None:
    out = tmp_path / "x.csv"
    assert fsiii("export", "original", "simplified", "-f", "csv", "-o", str(out)) == 2
    assert not out.exists()


# --- every export carries table id, version, status, catalog (+ version) and a timestamp ------


def exported(fmt: str, ws: Workspace, folder: Path) -> tuple[TableDocument, Path]:
    doc = ws.original
    out = folder / f"export.{fmt}"
    export_tables([doc], ws, fmt, out, now=NOW)
    return doc, out


def test_identity_in_csv(ws: Workspace, tmp_path: Path) -> None:
    doc, out = exported("csv", ws, tmp_path)
    text = out.read_text(encoding="utf-8-sig")
    # the metadata records come first (#key;value), then the header and one line per row
    meta = dict(
        r[:2] for r in csv.reader(io.StringIO(text, newline=""), delimiter=";") if r[0][:1] == "#"
    )
    assert (meta["#table_id"], meta["#table_version"], meta["#exported_at"]) == (
        "original",
        "1.0.0",
        "2026-11-21T09:15:00Z",
    )
    body = "".join(line for line in text.splitlines(True) if not line.startswith("#"))
    rows = list(csv.DictReader(io.StringIO(body, newline=""), delimiter=";"))
    assert len(rows) == len(doc.table.rows)
    assert {
        (
            r["table_id"],
            r["table_version"],
            r["table_status"],
            r["catalog"],
            r["catalog_version"],
            r["exported_at"],
        )
        for r in rows
    } == {
        (
            "original",
            "1.0.0",
            "published",
            "original",
            ws.catalogs["original"].code_system_version,
            "2026-11-21T09:15:00Z",
        )
    }


def test_identity_in_xlsx(ws: Workspace, tmp_path: Path) -> None:
    _, out = exported("xlsx", ws, tmp_path)
    meta = {
        (r[0], r[1]): r[2]
        for r in load_workbook(out)["Metadata"].iter_rows(min_row=2, values_only=True)
    }
    assert meta[("original", "table_id")] == "original"
    assert meta[("original", "table_version")] == "1.0.0"
    assert meta[("original", "table_status")] == "published"
    assert meta[("original", "catalog")] == "original"
    assert meta[("original", "catalog_version")] == ws.catalogs["original"].code_system_version
    assert meta[("original", "exported_at")] == "2026-11-21T09:15:00Z"


@pytest.mark.parametrize("fmt", ["conceptmap-r4", "conceptmap-r5"])
def test_identity_in_conceptmaps(fmt: str, ws: Workspace, tmp_path: Path) -> None:
    _, out = exported(fmt, ws, tmp_path)
    cm = json.loads(out.read_text(encoding="utf-8"))
    text = json.dumps(cm)
    assert cm["version"] == "1.0.0" and cm["date"] == "2026-11-21T09:15:00Z"
    assert ws.catalogs["original"].code_system_version in text
    assert '"valueCode": "published"' in text and '"valueString": "original"' in text


def test_identity_in_sssom(ws: Workspace, tmp_path: Path) -> None:
    _, out = exported("sssom", ws, tmp_path)
    header = "".join(
        line[1:]
        for line in out.read_text(encoding="utf-8").splitlines(True)
        if line.startswith("#")
    )
    for needle in (
        "table_id=original",
        "table_version=1.0.0",
        "table_status=published",
        "catalog=original",
        "exported_at=2026-11-21T09:15:00Z",
        f"catalog_version={ws.catalogs['original'].code_system_version}",
    ):
        assert needle in header


@pytest.mark.parametrize("fmt", ["guide-html", "guide-pdf"])
def test_guides_gate_both_tables_of_the_pair(fmt: str, ws: Workspace, tmp_path: Path) -> None:
    # The guide shows the pair: a valid old table is not enough when the simplified one in the
    # pair has errors.
    ws.use_table(load_table(invalid_table(ws, tmp_path)))
    out = tmp_path / "guide.out"
    with pytest.raises(ExportRefused) as exc:
        export_tables([ws.original], ws, fmt, out)
    assert "FA999" in str(exc.value)
    assert not out.exists()
