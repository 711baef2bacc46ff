"""Publishing and interchange: validated exports of mapping tables, and imports back into tables.

``export_tables`` is the one entry point for every export format (CLI and GUI alike): it runs the
export gate on each table, renders the whole file in memory and only then writes it atomically.
``import_file`` reads CSV, XLSX or a FHIR ConceptMap (R4/R5) into a ``MappingTable`` and lists
every row it could not take.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path

from fsiii_mapper.errors import InputError
from fsiii_mapper.interchange.gate import ExportRefused, check_exportable
from fsiii_mapper.interchange.records import ExportInfo, ImportResult, Skipped, export_info
from fsiii_mapper.io.atomic import atomic_write_bytes
from fsiii_mapper.io.documents import TableDocument
from fsiii_mapper.model import MappingTable
from fsiii_mapper.rules.table_rules import TableFinding
from fsiii_mapper.texts import t
from fsiii_mapper.workspace import Workspace

EXPORT_FORMATS: tuple[str, ...] = (
    "csv",
    "xlsx",
    "conceptmap-r4",
    "conceptmap-r5",
    "sssom",
    "guide-html",
    "guide-pdf",
)
IMPORT_FORMATS: tuple[str, ...] = ("csv", "xlsx", "conceptmap-r4", "conceptmap-r5")
SUFFIX = {
    "csv": ".csv",
    "xlsx": ".xlsx",
    "conceptmap-r4": ".json",
    "conceptmap-r5": ".json",
    "sssom": ".sssom.tsv",
    "guide-html": ".html",
    "guide-pdf": ".pdf",
}
MULTI_TABLE_FORMATS = frozenset({"xlsx", "guide-html", "guide-pdf"})


@dataclass
class ExportResult:
    path: Path
    format: str
    tables: list[TableDocument]
    warnings: list[TableFinding] = field(default_factory=list)


def export_tables(
    docs: list[TableDocument],
    ws: Workspace,
    fmt: str,
    out: str | os.PathLike[str],
    *,
    allow_warnings: bool = False,
    now: dt.datetime | None = None,
    lang: str | None = None,
    csv_delimiter: str = ";",
) -> ExportResult:
    """Export ``docs`` (one table; several for xlsx; the pair for guides) as ``fmt`` to ``out``.

    Raises ``ExportRefused`` (nothing written) when a table has errors, or warnings without
    ``allow_warnings``; ``InputError`` for a bad request, or when the file cannot be written
    (read-only folder, full disk: the old file, if any, is left as it was).
    """
    if fmt not in EXPORT_FORMATS:
        raise InputError(
            t("unknown export format {format}", lang, format=fmt),
            hint=t("choose one of: {choices}", lang, choices=", ".join(EXPORT_FORMATS)),
        )
    if not docs:
        raise InputError(t("no table to export", lang))
    from fsiii_mapper.interchange.csv_io import DELIMITERS

    if csv_delimiter not in DELIMITERS:
        raise InputError(
            t("the CSV delimiter must be one of: {choices}", lang, choices="; , tab"),
        )
    if len(docs) > 1 and fmt not in MULTI_TABLE_FORMATS:
        raise InputError(
            t("the format {format} holds one table; {n} were given", lang, format=fmt, n=len(docs)),
            hint=t("export them one by one, or use xlsx", lang),
        )
    target = Path(out)
    if not target.parent.is_dir():
        raise InputError(t("the output folder does not exist", lang), target.parent)
    for doc in docs:
        if doc.path is not None and same_file(target, doc.path):
            raise InputError(
                t("the output file is an input of this command; it is never overwritten", lang),
                target,
                hint=t("give another output file with -o", lang),
            )
    if fmt.startswith("guide-"):
        # The guide shows the pair: each given table takes its catalog's slot, in a copy of the
        # workspace so the caller's pair is left as it was.
        ws = dataclasses.replace(ws, tables=dict(ws.tables))
        for doc in docs:
            ws.use_table(doc)
        gated = list(ws.tables.values())
    else:
        gated = docs
    warnings: list[TableFinding] = []
    for doc in gated:
        warnings += check_exportable(doc, ws, allow_warnings, lang)
    when = now or dt.datetime.now(dt.UTC)
    infos = [(d.table, export_info(d.table, ws, when)) for d in gated]

    data = _render(fmt, infos, ws, when, lang, csv_delimiter)
    try:
        atomic_write_bytes(target, data)
    except OSError as exc:
        raise InputError(
            t("cannot write the file: {reason}", lang, reason=exc.strerror or exc),
            target,
            hint=t("choose another folder, or free space; nothing was written", lang),
        ) from None
    return ExportResult(target, fmt, gated, warnings)


def same_file(a: Path, b: Path) -> bool:
    """Whether two paths name one file (through links too); False when either is missing."""
    try:
        return a.exists() and b.exists() and a.samefile(b)
    except OSError:
        return False


def _render(
    fmt: str,
    infos: list[tuple[MappingTable, ExportInfo]],
    ws: Workspace,
    when: dt.datetime,
    lang: str | None,
    csv_delimiter: str,
) -> bytes:
    """The whole export file in memory (nothing is written before it is complete)."""
    table, info = infos[0]
    if fmt == "csv":
        from fsiii_mapper.interchange.csv_io import render_csv

        # UTF-8 with BOM: Excel reads a CSV without one in the system's ANSI code page
        return render_csv(table, ws, info, csv_delimiter).encode("utf-8-sig")
    if fmt == "xlsx":
        from fsiii_mapper.interchange.xlsx_io import render_xlsx

        return render_xlsx(infos, ws)
    if fmt in ("conceptmap-r4", "conceptmap-r5"):
        from fsiii_mapper.interchange.conceptmap import FhirVersion, render_conceptmap

        version: FhirVersion = "r4" if fmt.endswith("r4") else "r5"
        return render_conceptmap(table, ws, info, version).encode("utf-8")
    if fmt == "sssom":
        from fsiii_mapper.interchange.sssom import render_sssom

        return render_sssom(table, ws, info).encode("utf-8")
    from fsiii_mapper.interchange.guide import build_guide

    if fmt == "guide-html":
        from fsiii_mapper.interchange.guide_html import render_guide_html

        return render_guide_html(build_guide(ws, when), lang).encode("utf-8")
    from fsiii_mapper.interchange.guide_pdf import render_guide_pdf

    return render_guide_pdf(build_guide(ws, when), lang)


def import_file(
    path: str | os.PathLike[str], ws: Workspace, fmt: str | None = None, sheet: str | None = None
) -> ImportResult:
    """Read a table from CSV, XLSX or a ConceptMap; ``fmt`` None means detect it."""
    from fsiii_mapper.interchange.detect import detect_format

    p = Path(path)
    if not p.is_file():
        raise InputError(t("file not found"), p)
    fmt = fmt or detect_format(p)
    if fmt == "csv":
        from fsiii_mapper.interchange.csv_io import read_csv

        return read_csv(p, ws)
    if fmt == "xlsx":
        from fsiii_mapper.interchange.xlsx_io import read_xlsx

        return read_xlsx(p, ws, sheet)
    if fmt in ("conceptmap-r4", "conceptmap-r5"):
        from fsiii_mapper.interchange.conceptmap import read_conceptmap

        return read_conceptmap(p, ws, "r4" if fmt.endswith("r4") else "r5")
    raise InputError(
        t("unknown import format {format}", format=fmt),
        p,
        hint=t("choose one of: {choices}", choices=", ".join(IMPORT_FORMATS)),
    )


__all__ = [
    "EXPORT_FORMATS",
    "IMPORT_FORMATS",
    "ExportRefused",
    "ExportResult",
    "ImportResult",
    "Skipped",
    "export_tables",
    "import_file",
    "same_file",
]
