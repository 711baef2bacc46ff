"""XLSX: a sheet per table plus a "Metadata" sheet, written with openpyxl.

Header row frozen, filters on, column widths fitted to the content (capped), comments wrapped,
dates as real dates, and never a formula: a text that starts with "=" stays text.

Reading a workbook from elsewhere is guarded before openpyxl sees it: at most ``MAX_MEMBERS``
parts and ``MAX_UNPACKED`` bytes unpacked (a cell that inflates to hundreds of MB is refused from
the zip directory, before anything is inflated), and no part may declare a DOCTYPE (entity
expansion). A damaged workbook (malformed XML, text in a number cell, an impossible date, a bad
shared-string index or cell reference) is an ``InputError`` naming the sheet and row where known.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
import zlib
from pathlib import Path
from typing import Any

from lxml import etree
from openpyxl import Workbook, load_workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from fsiii_mapper.errors import InputError
from fsiii_mapper.interchange.records import (
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
from fsiii_mapper.io.schema_errors import quoted
from fsiii_mapper.model import MappingTable
from fsiii_mapper.texts import nt, t
from fsiii_mapper.workspace import Workspace

META_SHEET = "Metadata"
MAX_WIDTH = 60
_BAD_SHEET_CHARS = re.compile(r"[\[\]:*?/\\]")


def sheet_name(table_id: str, taken: set[str]) -> str:
    base = _BAD_SHEET_CHARS.sub("_", table_id)[:31] or "tabel"
    name, n = base, 2
    while name.lower() in {t.lower() for t in taken} or name.lower() == META_SHEET.lower():
        suffix = f"_{n}"
        name, n = base[: 31 - len(suffix)] + suffix, n + 1
    return name


def _set(ws: Worksheet, row: int, col: int, value: Any) -> None:
    if isinstance(value, str) and ILLEGAL_CHARACTERS_RE.search(value):
        raise InputError(
            t(
                "the cell {cell} of the sheet {sheet} contains a control character that XLSX "
                "cannot store",
                cell=f"{get_column_letter(col)}{row}",
                sheet=quoted(ws.title),
            ),
            hint=t("remove it from the table (e.g. in a comment), or export as CSV"),
        )
    cell = ws.cell(row=row, column=col, value=value)
    if isinstance(value, str) and value.startswith("="):
        cell.data_type = "s"  # text, not a formula
    if isinstance(value, dt.date):
        cell.number_format = "yyyy-mm-dd"


def _header(ws: Worksheet, names: list[str]) -> None:
    bold = Font(bold=True)
    fill = PatternFill("solid", fgColor="DDE4EE")
    for i, name in enumerate(names, start=1):
        _set(ws, 1, i, name)
        ws.cell(row=1, column=i).font = bold
        ws.cell(row=1, column=i).fill = fill
    ws.freeze_panes = "A2"


def _fit(ws: Worksheet, wrap_cols: set[int]) -> None:
    widths: dict[int, int] = {}
    for row in ws.iter_rows():
        for cell in row:
            if cell.value is None:
                continue
            text = cell.value.isoformat() if isinstance(cell.value, dt.date) else str(cell.value)
            longest = max((len(part) for part in text.split("\n")), default=0)
            widths[cell.column] = max(widths.get(cell.column, 0), longest)
    for col, width in widths.items():
        ws.column_dimensions[get_column_letter(col)].width = min(MAX_WIDTH, max(8, width + 2))
    wrap = Alignment(wrap_text=True, vertical="top")
    top = Alignment(vertical="top")
    for row in ws.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = wrap if cell.column in wrap_cols else top


def render_xlsx(tables: list[tuple[MappingTable, ExportInfo]], ws: Workspace) -> bytes:
    wb = Workbook()
    default = wb.active
    taken: set[str] = set()
    meta = wb.create_sheet(META_SHEET)
    _header(meta, ["sheet", "key", "value"])
    meta_row = 2
    for table, info in tables:
        name = sheet_name(table.id, taken)
        taken.add(name)
        sh = wb.create_sheet(name, index=len(taken) - 1)
        _header(sh, list(ROW_COLUMNS))
        for r, row in enumerate(table.rows, start=2):
            rec: dict[str, Any] = dict(row_record(row, ws, info.catalog))
            rec["date"] = row.date
            for c, key in enumerate(ROW_COLUMNS, start=1):
                value = rec[key]
                _set(sh, r, c, value if value != "" else None)
        last = get_column_letter(len(ROW_COLUMNS))
        sh.auto_filter.ref = f"A1:{last}{max(1, len(table.rows) + 1)}"
        _fit(sh, {ROW_COLUMNS.index("comment") + 1})
        for key, value in info.record().items():
            _set(meta, meta_row, 1, name)
            _set(meta, meta_row, 2, key)
            _set(meta, meta_row, 3, value if value != "" else None)
            meta_row += 1
    meta.auto_filter.ref = f"A1:C{max(1, meta_row - 1)}"
    _fit(meta, {3})
    if default is not None:
        wb.remove(default)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


MAX_MEMBERS = 1_000
MAX_UNPACKED = 50 * 1024 * 1024  # the shipped tables are ~20 kB; 50 MB is no mapping table
# What a damaged part makes openpyxl (or the XML parser under it) raise.
DAMAGE = (
    zipfile.BadZipFile,
    zlib.error,
    EOFError,
    KeyError,
    IndexError,
    ValueError,
    TypeError,
    AttributeError,
    SyntaxError,  # xml.etree's ParseError
    etree.LxmlError,
)


def check_archive(path: Path) -> None:
    """Refuse a workbook that would unpack too large or declares a DOCTYPE, before reading it."""
    try:
        with zipfile.ZipFile(path) as z:
            members = z.infolist()
            if len(members) > MAX_MEMBERS:
                raise InputError(
                    t("the workbook has {n} parts; a mapping table has a handful", n=len(members)),
                    path,
                )
            unpacked = sum(m.file_size for m in members)
            if unpacked > MAX_UNPACKED:
                raise InputError(
                    t(
                        "the workbook would unpack to {size} MB; at most {max} MB is read",
                        size=unpacked // (1024 * 1024),
                        max=MAX_UNPACKED // (1024 * 1024),
                    ),
                    path,
                    hint=t("a mapping table is far smaller: is this the right file?"),
                )
            for m in members:
                if m.filename.endswith((".xml", ".rels", ".vml")) and _declares_doctype(z, m):
                    raise InputError(
                        t(
                            "the part {part} declares a DOCTYPE, which is not allowed",
                            part=m.filename,
                        ),
                        path,
                    )
    except (zipfile.BadZipFile, zlib.error, EOFError, ValueError) as exc:
        raise InputError(t("not a readable XLSX workbook: {problem}", problem=exc), path) from None
    except OSError as exc:
        raise InputError(
            t("cannot read the file: {reason}", reason=exc.strerror or exc), path
        ) from None


def _declares_doctype(z: zipfile.ZipFile, member: zipfile.ZipInfo) -> bool:
    with z.open(member) as f:
        head = f.read(2048)
    for bom, enc in ((b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if head.startswith(bom):
            text = head[len(bom) :].decode(enc, "replace")
            break
    else:
        if head[:2] in (b"<\x00", b"\x00<"):
            text = head.decode("utf-16-le" if head[:1] == b"<" else "utf-16-be", "replace")
        else:
            text = head.decode("utf-8", "replace")
    return "<!doctype" in text.lower() or "<!entity" in text.lower()


def read_xlsx(path: Path, ws: Workspace, sheet: str | None = None) -> ImportResult:
    check_archive(path)
    where = t("the workbook")
    try:
        return _read_xlsx(path, ws, sheet)
    except _Damaged as exc:
        where, cause = exc.where, exc.cause
    except DAMAGE as exc:
        cause = exc
    problem = str(cause) or type(cause).__name__
    raise InputError(
        t("{where} is damaged: {problem}", where=where, problem=problem),
        path,
        hint=t("open it in Excel or LibreOffice and save it again as .xlsx"),
    )


class _Damaged(Exception):
    def __init__(self, where: str, cause: BaseException) -> None:
        super().__init__(where)
        self.where, self.cause = where, cause


def _read_xlsx(path: Path, ws: Workspace, sheet: str | None) -> ImportResult:
    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise InputError(t("not a readable XLSX workbook: {problem}", problem=exc), path) from None
    tables = [n for n in wb.sheetnames if n != META_SHEET]
    if sheet is None:
        if not tables:
            raise InputError(t("the workbook has no sheet with a mapping table"), path)
        sheet = tables[0]
    elif sheet not in wb.sheetnames:
        raise InputError(
            t("no sheet named {sheet}", sheet=quoted(sheet)),
            path,
            hint=t("the sheets are: {sheets}", sheets=", ".join(wb.sheetnames)),
        )
    sh = wb[sheet]
    it = sh.iter_rows(values_only=True)
    header = [str(v).strip() if v is not None else "" for v in next(it, ())]
    missing = [c for c in ("source", "relationship") if c not in header]
    if missing:
        raise InputError(
            nt(
                "the sheet {sheet} is not a mapping table: the column {columns} is missing",
                "the sheet {sheet} is not a mapping table: the columns {columns} are missing",
                len(missing),
                sheet=quoted(sheet),
                columns=", ".join(missing),
            ),
            path,
            hint=t("the first row must name the columns: source, target, relationship, …"),
        )
    rows = []
    skipped: list[Skipped] = []
    n = 1
    while True:
        n += 1
        try:
            values = next(it)
        except StopIteration:
            break
        except DAMAGE as exc:
            raise _Damaged(t("sheet {sheet}, row {n}", sheet=quoted(sheet), n=n), exc) from None
        rec = {h: v for h, v in zip(header, values, strict=False) if h}
        if all(v is None or v == "" for v in rec.values()):
            continue
        try:
            rows.append(record_row(rec))
        except RowRejected as exc:
            where = t("sheet {sheet}, row {n}", sheet=quoted(sheet), n=n)
            skipped.append(Skipped(where, str(exc), n))
    meta_rec: dict[str, Any] = {}
    if META_SHEET in wb.sheetnames:
        for values in wb[META_SHEET].iter_rows(min_row=2, values_only=True):
            if len(values) >= 3 and values[0] == sheet and values[1] in META_KEYS:
                meta_rec[str(values[1])] = values[2]
    wb.close()
    meta = table_meta(meta_rec, rows, ws, fallback_id=sheet)
    return ImportResult(MappingTable(table=meta, rows=rows), "xlsx", skipped)
