"""CSV: the table's metadata as leading ``#key`` records, then one line per mapping row.

Written so that Excel with Danish settings opens it by double-click: UTF-8 with a BOM, ``;``
between fields (``delimiter=","`` for tools), CRLF line ends, RFC 4180 quoting (quotes, tabs and
newlines inside a comment survive). Before the header come the table's metadata records, each a
record of two cells, ``#key`` and its value (``#title;Mapning …``; a hand-written
``#title: Mapning …`` in one cell is read too); the identity columns
(table_id, table_version, table_status, catalog, catalog_version, exported_at) also repeat on every
row, so a file cut up in a spreadsheet still says where it came from. A cell a spreadsheet would
run as a formula is written with a leading apostrophe (``cells.neutralise``).

Import takes what spreadsheets write: UTF-8 with or without BOM, else Windows-1252 (Danish
Excel's "CSV (semikolonsepareret)"), and says which; ``;``, ``,`` or tab, found from the header;
ISO or ``dd-mm-yyyy`` dates; metadata records (trailing empty cells allowed). A quote that is never
closed stops the import with the line where it opens, instead of swallowing the rows after it.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from fsiii_mapper.errors import InputError
from fsiii_mapper.interchange.cells import neutralise, restore
from fsiii_mapper.interchange.records import (
    IDENTITY_KEYS,
    META_KEYS,
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
from fsiii_mapper.texts import N_, nt, t
from fsiii_mapper.workspace import Workspace

HEADER: tuple[str, ...] = ROW_COLUMNS + IDENTITY_KEYS
DELIMITERS: tuple[str, ...] = (";", ",", "\t")
META_MARK = "#"
# Larger files are not mapping tables (the shipped ones are ~20 kB); refuse before reading.
MAX_BYTES = 50 * 1024 * 1024

ENCODING_NAMES = {
    "utf-8-sig": N_("UTF-8 with BOM"),
    "utf-8": N_("UTF-8"),
    "cp1252": N_("Windows-1252 (cp1252)"),
}


class _Dialect(csv.Dialect):
    delimiter = ";"
    quotechar = '"'
    doublequote = True
    skipinitialspace = False
    lineterminator = "\r\n"
    quoting = csv.QUOTE_MINIMAL
    strict = True  # an unclosed quote is an error, not the rest of the file in one cell


def render_csv(table: MappingTable, ws: Workspace, info: ExportInfo, delimiter: str = ";") -> str:
    """The CSV text; the caller writes it with ``encoding="utf-8-sig"`` (the BOM Excel needs)."""
    if delimiter not in DELIMITERS:
        raise ValueError(f"unsupported CSV delimiter {delimiter!r}")
    record = info.record()
    ident = {k: v for k, v in record.items() if k in IDENTITY_KEYS}
    buf = io.StringIO(newline="")
    w = csv.writer(buf, dialect=_Dialect, delimiter=delimiter)
    for key in META_KEYS:
        w.writerow([META_MARK + key, neutralise(record[key])])
    w.writerow(HEADER)
    for row in table.rows:
        rec = {**row_record(row, ws, info.catalog), **ident}
        w.writerow([neutralise(rec[k]) for k in HEADER])
    return buf.getvalue()


def _line(n: int) -> str:
    return t("line {n}", n=n)


def decode(data: bytes, path: Path) -> tuple[str, str]:
    """(text, encoding): UTF-8 with or without BOM, else Windows-1252."""
    if data.startswith(b"\xef\xbb\xbf"):
        encodings: tuple[str, ...] = ("utf-8-sig",)
    else:
        encodings = ("utf-8", "cp1252")
    for enc in encodings:
        try:
            return data.decode(enc), enc
        except UnicodeDecodeError as exc:
            problem = exc
    raise InputError(
        t(
            "the file is neither UTF-8 nor Windows-1252 (byte {byte} at position {pos})",
            byte=f"0x{problem.object[problem.start]:02x}",
            pos=problem.start,
        ),
        path,
        hint=t("save the CSV file as UTF-8 (in Excel: CSV UTF-8)"),
    )


def _records(text: str, delimiter: str) -> list[tuple[int, list[str] | csv.Error]]:
    """Every record with the line it starts on; a broken record is its error."""
    reader = csv.reader(io.StringIO(text, newline=""), dialect=_Dialect, delimiter=delimiter)
    out: list[tuple[int, list[str] | csv.Error]] = []
    while True:
        start = reader.line_num + 1
        try:
            values = next(reader)
        except StopIteration:
            return out
        except csv.Error as exc:
            out.append((start, exc))
            if "end of data" in str(exc) or "unexpected end" in str(exc):
                return out
            continue
        out.append((start, values))


def _header_at(records: list[tuple[int, list[str] | csv.Error]]) -> int | None:
    """Index of the first record that is neither metadata nor blank."""
    for i, (_, values) in enumerate(records):
        if isinstance(values, csv.Error):
            return i
        if values and values[0].startswith(META_MARK):
            continue
        if not values or all(v.strip() == "" for v in values):
            continue
        return i
    return None


def _parse(text: str) -> tuple[str, list[tuple[int, list[str] | csv.Error]], int | None]:
    """The delimiter whose header names the required columns, its records and header index."""
    best: tuple[str, list[tuple[int, list[str] | csv.Error]], int | None] | None = None
    for delimiter in DELIMITERS:
        records = _records(text, delimiter)
        at = _header_at(records)
        header = records[at][1] if at is not None else []
        if isinstance(header, list) and {"source", "relationship"} <= {h.strip() for h in header}:
            return delimiter, records, at
        if best is None:
            best = (delimiter, records, at)
    assert best is not None
    return best


def _meta_record(values: list[str]) -> tuple[str, str]:
    """(key, value) of a metadata record: ``#key;value`` as we write it, or a hand-written
    ``#key: value`` in one cell."""
    first = values[0][len(META_MARK) :]
    if len(values) > 1 and any(v.strip() for v in values[1:]):
        return first.strip().rstrip(":").strip(), values[1]
    key, _, value = first.partition(":")
    return key.strip(), value.strip()


def _unclosed_quote(values: list[str], delimiter: str, columns: int) -> bool:
    """A field spanning lines that holds whole records: a quote opened and closed rows later."""
    for v in values:
        if "\n" in v:
            lines = v.split("\n")[1:]
            if any(line.count(delimiter) >= max(1, columns - 1) for line in lines):
                return True
    return False


def read_csv(path: Path, ws: Workspace) -> ImportResult:
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise InputError(
                t(
                    "the file is {size} MB; a mapping table in CSV is far smaller (at most {max} "
                    "MB is read)",
                    size=size // (1024 * 1024),
                    max=MAX_BYTES // (1024 * 1024),
                ),
                path,
            )
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(
            t("cannot read the file: {reason}", reason=exc.strerror or exc), path
        ) from None
    text, encoding = decode(data, path)
    delimiter, records, at = _parse(text)
    meta_rec: dict[str, str] = {}
    for _, values in records[: at if at is not None else len(records)]:
        if isinstance(values, list) and values and values[0].startswith(META_MARK):
            key, value = _meta_record(values)
            if key in META_KEYS:
                meta_rec[key] = restore(value)
    header = records[at][1] if at is not None else []
    if isinstance(header, csv.Error):
        raise InputError(
            t("unreadable CSV: {problem}", problem=header), path, records[at][0] if at else 1
        )
    columns = [c.strip() for c in header]
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
            records[at][0] if at is not None else 1,
            None,
            t(
                "the first line must name at least: source, target, relationship (it names: "
                "{columns})",
                columns=", ".join(columns) or t("nothing"),
            ),
        )
    assert at is not None
    rows = []
    skipped: list[Skipped] = []
    ident: dict[str, str] = {}
    for start, values in records[at + 1 :]:
        if isinstance(values, csv.Error):
            if "end of data" in str(values):
                raise InputError(
                    t(
                        'a quote (") opened on this line is never closed, so every line after '
                        "it would be read as one field; nothing was imported"
                    ),
                    path,
                    start,
                    hint=t("close the quote, or remove it"),
                )
            problem = t("unreadable CSV: {problem}", problem=values)
            skipped.append(Skipped(_line(start), problem, start))
            continue
        if not values or all(v == "" for v in values):
            continue  # a blank line is not a row
        if _unclosed_quote(values, delimiter, len(columns)):
            raise InputError(
                t(
                    'a quote (") opened on this line is closed only lines later, so the rows '
                    "in between were read as one field; nothing was imported"
                ),
                path,
                start,
                hint=t("close the quote on its own line, or remove it"),
            )
        if len(values) > len(columns):
            if any(v.strip() for v in values[len(columns) :]):
                skipped.append(
                    Skipped(_line(start), t("more fields than the first line has columns"), start)
                )
                continue
            values = values[: len(columns)]  # a spreadsheet pads rows with empty cells
        rec = {c: restore(v) for c, v in zip(columns, values, strict=False)}
        try:
            rows.append(record_row(rec))
        except RowRejected as exc:
            skipped.append(Skipped(_line(start), str(exc), start))
            continue
        if not ident:
            ident = {k: rec.get(k) or "" for k in IDENTITY_KEYS}
    meta = table_meta({**ident, **meta_rec}, rows, ws, fallback_id=path.stem)
    return ImportResult(
        MappingTable(table=meta, rows=rows), "csv", skipped, encoding=t(ENCODING_NAMES[encoding])
    )
