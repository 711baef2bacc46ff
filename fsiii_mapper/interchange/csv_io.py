"""CSV: one line per mapping row with every field, plus the table's identity on each line.

UTF-8 without BOM, comma-separated, RFC 4180 quoting (so quotes, tabs and newlines inside a comment
survive). The identity columns (table_id, table_version, table_status, catalog, catalog_version,
exported_at) repeat on every line, so a file cut up in a spreadsheet still says where it came from.
An import reads the row columns and the identity; it accepts a BOM and ignores unknown columns.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from fsiii_mapper.errors import InputError
from fsiii_mapper.interchange.records import (
    IDENTITY_KEYS,
    ROW_COLUMNS,
    ExportInfo,
    ImportResult,
    RowRejected,
    Skipped,
    record_row,
    row_record,
    table_meta,
)
from fsiii_mapper.model import MappingTable
from fsiii_mapper.texts import nt, t
from fsiii_mapper.workspace import Workspace

HEADER: tuple[str, ...] = ROW_COLUMNS + IDENTITY_KEYS


def render_csv(table: MappingTable, ws: Workspace, info: ExportInfo) -> str:
    ident = {k: v for k, v in info.record().items() if k in IDENTITY_KEYS}
    buf = io.StringIO(newline="")
    w = csv.DictWriter(buf, fieldnames=list(HEADER), lineterminator="\r\n")
    w.writeheader()
    for row in table.rows:
        w.writerow({**row_record(row, ws, info.catalog), **ident})
    return buf.getvalue()


def _line(n: int) -> str:
    return t("line {n}", n=n)


def read_csv(path: Path, ws: Workspace) -> ImportResult:
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            t("the file is not valid UTF-8"), path, hint=t("save the CSV file as UTF-8")
        ) from exc
    except OSError as exc:
        raise InputError(t("cannot read the file: {reason}", reason=exc.strerror), path) from None
    dialect: type[csv.Dialect] | csv.Dialect = csv.excel
    first = text.split("\n", 1)[0]
    if first.count(";") > first.count(",") or first.count("\t") > first.count(","):
        # A spreadsheet saved with a Danish locale uses semicolons; tabs also happen.
        dialect = csv.Sniffer().sniff(first, delimiters=",;\t")
    reader = csv.reader(io.StringIO(text, newline=""), dialect=dialect)
    columns = [c.strip() for c in next(reader, [])]
    missing = [c for c in ("source", "relationship") if c not in columns]
    if missing:
        raise InputError(
            nt(
                "not a mapping table in CSV: the column {columns} is missing",
                "not a mapping table in CSV: the columns {columns} are missing",
                len(missing),
                columns=", ".join(missing),
            ),
            path,
            1,
            None,
            t(
                "the first line must name at least: source, target, relationship (it names: "
                "{columns})",
                columns=", ".join(columns) or t("nothing"),
            ),
        )
    rows = []
    skipped: list[Skipped] = []
    ident: dict[str, str] = {}
    while True:
        start = reader.line_num + 1  # a quoted field may span lines: report where it starts
        try:
            values = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            problem = t("unreadable CSV: {problem}", problem=exc)
            skipped.append(Skipped(_line(start), problem, start))
            continue
        if not values or all(v == "" for v in values):
            continue  # a blank line is not a row
        if len(values) > len(columns):
            skipped.append(
                Skipped(_line(start), t("more fields than the first line has columns"), start)
            )
            continue
        rec = dict(zip(columns, values, strict=False))  # short lines: the rest is empty
        try:
            rows.append(record_row(rec))
        except RowRejected as exc:
            skipped.append(Skipped(_line(start), str(exc), start))
            continue
        if not ident:
            ident = {k: rec.get(k) or "" for k in IDENTITY_KEYS}
    meta = table_meta(ident, rows, ws, fallback_id=path.stem)
    return ImportResult(MappingTable(table=meta, rows=rows), "csv", skipped)
