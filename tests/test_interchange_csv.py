"""CSV as Danish Excel writes and reads it, and CSV that cannot hurt or lose anything.

- export: UTF-8 with BOM and ``;`` (Excel with Danish settings opens it by double-click),
  ``--csv-delimiter ,`` for tools; the table's metadata in leading ``#key`` records;
- import: ``;``/``,``/tab found from the header, UTF-8 with or without BOM and Windows-1252 (and
  says which), ISO and ``dd-mm-yyyy`` dates, metadata restored;
- a cell a spreadsheet would run as a formula is neutralised, and restored on import;
- one unclosed quote stops the import with its line; no file is written when no row is taken;
- ``export`` never writes over its own input, nor over a file without ``--force``; a write error
  is a message with exit 2.
"""

from __future__ import annotations

import csv
import errno
import io
from pathlib import Path
from typing import Any

import pytest
from conftest import CliRun
from hypothesis import given
from hypothesis import strategies as st

from fsiii_mapper.errors import InputError
from fsiii_mapper.interchange import export_tables, import_file
from fsiii_mapper.interchange.cells import neutralise, restore
from fsiii_mapper.io.documents import load_table
from fsiii_mapper.model import MappingRow
from fsiii_mapper.model.common import to_data
from fsiii_mapper.workspace import Workspace

FIXTURE = Path(__file__).parent / "fixtures" / "interchange" / "rich_table.yaml"
HEADER = "source;target;relationship;review_status;comment;author;date\r\n"


def dumped(rows: list[MappingRow]) -> list[dict[str, Any]]:
    return [to_data(r) for r in rows]


def export_csv(ws: Workspace, folder: Path, **kw: Any) -> Path:
    out = folder / "t.csv"
    export_tables([load_table(FIXTURE)], ws, "csv", out, allow_warnings=True, **kw)
    return out


def test_export_opens_in_danish_excel(frozen_ws: Workspace, tmp_path: Path) -> None:
    data = export_csv(frozen_ws, tmp_path).read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")  # the BOM: Excel reads UTF-8, "står" stays "står"
    text = data.decode("utf-8-sig")
    header = next(line for line in text.split("\r\n") if line.startswith("source"))
    assert header.split(";")[:3] == ["source", "source_display", "target"]
    assert "\r\n" in text


def test_comma_delimiter_for_tools(frozen_ws: Workspace, tmp_path: Path) -> None:
    out = export_csv(frozen_ws, tmp_path, csv_delimiter=",")
    text = out.read_text(encoding="utf-8-sig")
    assert "source,source_display,target" in text
    back = import_file(out, frozen_ws).table
    assert dumped(back.rows) == dumped(load_table(FIXTURE).table.rows)


def test_cli_csv_delimiter(tmp_path: Path, cli: CliRun) -> None:
    out = tmp_path / "o.csv"
    rc, _, err = cli("export", "original", "-f", "csv", "--csv-delimiter", ",", "-o", str(out))
    assert rc == 0, err
    assert "\nsource,source_display," in out.read_text(encoding="utf-8-sig")


def test_export_then_import_restores_rows_and_metadata(
    frozen_ws: Workspace, tmp_path: Path
) -> None:
    result = import_file(export_csv(frozen_ws, tmp_path), frozen_ws)
    original = load_table(FIXTURE).table
    assert dumped(result.table.rows) == dumped(original.rows)  # =SUM… comes back as it was
    # title, publisher, valid_from, description …
    assert to_data(result.table.table) == to_data(original.table)
    assert not result.skipped
    assert result.encoding == "UTF-8 med BOM"


def danish_excel_bytes(ws: Workspace) -> bytes:
    """What Excel with Danish settings saves as "CSV (semikolonsepareret)": Windows-1252, ``;``,
    dates as dd-mm-yyyy, no metadata, rows padded with empty cells."""
    buf = io.StringIO(newline="")
    w = csv.writer(buf, delimiter=";", lineterminator="\r\n")
    w.writerow(["source", "target", "relationship", "review_status", "comment", "author", "date"])
    for r in ws.original.table.rows:
        date = r.date.strftime("%d-%m-%Y") if r.date else ""
        cells = [r.source, r.target or "", r.relationship, r.review_status, r.comment, r.author]
        w.writerow([*cells, date, "", ""])
    return buf.getvalue().encode("cp1252")


def test_a_danish_excel_csv_imports_to_the_shipped_rows(
    frozen_ws: Workspace, tmp_path: Path
) -> None:
    src = tmp_path / "fra-excel.csv"
    src.write_bytes(danish_excel_bytes(frozen_ws))
    result = import_file(src, frozen_ws)
    assert not result.skipped
    assert dumped(result.table.rows) == dumped(frozen_ws.original.table.rows)
    assert result.encoding == "Windows-1252 (cp1252)"


def test_cli_says_which_encoding_it_read(frozen_ws: Workspace, tmp_path: Path, cli: CliRun) -> None:
    src = tmp_path / "fra-excel.csv"
    src.write_bytes(danish_excel_bytes(frozen_ws))
    rc, out, err = cli("import", str(src), "-o", str(tmp_path / "t.yaml"))
    assert rc == 0, err
    assert "læst som Windows-1252 (cp1252)" in out


@pytest.mark.parametrize(
    "value",
    ['=HYPERLINK("http://x")', "+1", "-2", "@SUM(A1)", "\tTAB", "\rCR", "'=quoted", "'", "ok"],
)
def test_neutralised_cells_are_restored(value: str) -> None:
    written = neutralise(value)
    assert written[:1] not in ("=", "+", "-", "@", "\t", "\r")
    assert restore(written) == value


@given(st.text())
def test_neutralise_is_lossless(value: str) -> None:
    assert restore(neutralise(value)) == value


def test_no_live_formula_in_an_export(frozen_ws: Workspace, tmp_path: Path) -> None:
    text = export_csv(frozen_ws, tmp_path).read_text(encoding="utf-8-sig")
    cells = [c for rec in csv.reader(io.StringIO(text, newline=""), delimiter=";") for c in rec]
    assert "'=SUM(A1:A2) er ikke en formel" in cells
    assert not [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r")]


def test_an_unclosed_quote_names_its_line_and_imports_nothing(
    frozen_ws: Workspace, tmp_path: Path
) -> None:
    src = tmp_path / "t.csv"
    src.write_text(
        HEADER
        + "J3.5;FA420;equivalent;approved;ok;;\r\n"
        + 'J1.1;FA510;equivalent;draft;"never closed;;\r\n'  # line 3
        + "J1.4;FA560;equivalent;draft;;;\r\n"
        + "J1.6;FA550;equivalent;draft;;;\r\n",
        encoding="utf-8",
    )
    with pytest.raises(InputError) as err:
        import_file(src, frozen_ws)
    assert err.value.line == 3


def test_a_quote_closed_rows_later_is_found_too(frozen_ws: Workspace, tmp_path: Path) -> None:
    src = tmp_path / "t.csv"
    src.write_text(
        HEADER
        + 'J1.1;FA510;equivalent;draft;"opened here;;\r\n'  # line 2
        + "J1.4;FA560;equivalent;draft;;;\r\n"
        + 'J1.6;FA550;equivalent;draft;closed here";;\r\n',
        encoding="utf-8",
    )
    with pytest.raises(InputError) as err:
        import_file(src, frozen_ws)
    assert err.value.line == 2


def test_cli_unclosed_quote_exit_2_nothing_written(tmp_path: Path, cli: CliRun) -> None:
    src = tmp_path / "t.csv"
    src.write_text(HEADER + 'J1.1;FA510;equivalent;draft;"x;;\r\nJ1.4;FA560;equivalent;;;;\r\n')
    out = tmp_path / "t.yaml"
    rc, _, err = cli("import", str(src), "-o", str(out))
    assert rc == 2
    assert "t.csv:2:" in err and "Traceback" not in err
    assert not out.exists()


def test_cli_every_row_failing_writes_nothing(tmp_path: Path, cli: CliRun) -> None:
    src = tmp_path / "t.csv"
    src.write_text(HEADER + "J1.1;FA510;bogus;;;;\r\nJ1.4;FA560;equivalent;;;;31/12/2026\r\n")
    out = tmp_path / "t.yaml"
    rc, _, err = cli("import", str(src), "-o", str(out))
    assert rc == 1
    assert "ingen række kunne tages med" in err
    assert not out.exists()


def test_cli_header_only_writes_nothing(tmp_path: Path, cli: CliRun) -> None:
    src = tmp_path / "t.csv"
    src.write_text(HEADER)
    out = tmp_path / "t.yaml"
    rc, _, err = cli("import", str(src), "-o", str(out))
    assert rc == 2 and "ingen mapningsrække" in err
    assert not out.exists()


def test_a_file_in_neither_encoding_is_a_clear_error(frozen_ws: Workspace, tmp_path: Path) -> None:
    src = tmp_path / "t.csv"
    src.write_bytes(HEADER.encode() + b"J1.1;FA510;equivalent;;\x81;;\r\n")  # 0x81: not cp1252
    with pytest.raises(InputError, match="UTF-8"):
        import_file(src, frozen_ws)


# --- export never loses a file ------------------------------------------------------------------


def test_export_refuses_its_own_input_even_with_force(tmp_path: Path, cli: CliRun) -> None:
    table = tmp_path / "t.yaml"
    table.write_bytes(FIXTURE.read_bytes())
    before = table.read_bytes()
    for extra in ((), ("--force",)):
        rc, _, err = cli(
            "export", str(table), "-f", "csv", "-o", str(table), "--allow-warnings", *extra
        )
        assert rc == 2 and "inddatafil" in err
    assert table.read_bytes() == before


def test_export_refuses_an_existing_file_without_force(tmp_path: Path, cli: CliRun) -> None:
    out = tmp_path / "o.csv"
    out.write_text("kollegaens fil")
    rc, _, err = cli("export", "original", "-f", "csv", "-o", str(out))
    assert rc == 2 and "--force" in err
    assert out.read_text() == "kollegaens fil"
    rc, _, _ = cli("export", "original", "-f", "csv", "-o", str(out), "--force")
    assert rc == 0 and out.read_text(encoding="utf-8-sig").startswith("#table_id")


@pytest.mark.parametrize("code", [errno.ENOSPC, errno.EROFS, errno.EACCES])
@pytest.mark.parametrize("command", ["export", "import"])
def test_write_errors_are_messages_with_exit_2(
    tmp_path: Path, cli: CliRun, monkeypatch: pytest.MonkeyPatch, code: int, command: str
) -> None:
    import fsiii_mapper.interchange as interchange
    import fsiii_mapper.io.documents as documents

    def fail(*_: object) -> None:
        raise OSError(code, "simulated")

    monkeypatch.setattr(interchange, "atomic_write_bytes", fail)
    monkeypatch.setattr(documents, "atomic_write_text", fail)
    out = tmp_path / "out"
    if command == "export":
        rc, _, err = cli("export", "original", "-f", "csv", "-o", str(out))
    else:
        src = tmp_path / "t.csv"
        src.write_text(HEADER + "J3.5;FA420;equivalent;;;;\r\n")
        rc, _, err = cli("import", str(src), "-o", str(out))
    assert rc == 2, err
    assert "kan ikke skrives" in err and "Traceback" not in err
    assert not out.exists()


def test_export_tables_never_writes_over_a_table_it_exports(
    frozen_ws: Workspace, tmp_path: Path
) -> None:
    """The core refuses it too, so the GUI's export dialog cannot replace a table with CSV."""
    table = tmp_path / "t.yaml"
    table.write_bytes(FIXTURE.read_bytes())
    link = tmp_path / "link.csv"
    link.symlink_to(table)
    for target in (table, link):
        with pytest.raises(InputError, match="inddatafil"):
            export_tables([load_table(table)], frozen_ws, "csv", target, allow_warnings=True)
    assert table.read_bytes() == FIXTURE.read_bytes()


def test_hand_written_metadata_lines(frozen_ws: Workspace, tmp_path: Path) -> None:
    src = tmp_path / "t.csv"
    src.write_text(
        "#table_id: min-tabel\n#title: Min tabel\n#valid_from;01-03-2026;;\n"
        + HEADER
        + "J3.5;FA420;equivalent;;;;\r\n",
        encoding="utf-8",
    )
    meta = import_file(src, frozen_ws).table.table
    assert (meta.id, meta.title, str(meta.valid_from)) == ("min-tabel", "Min tabel", "2026-03-01")
