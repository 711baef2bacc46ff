"""``preview CITIZEN --columns A,B,C --format html|pdf|png -o FILE``: the report sheet for
handouts — the same renderer as the GUI's PDF export, print and image
(``fsiii_mapper.analysis.report_sheet``; PDF and PNG laid out by ``ui.sheet_output``).
"""

from __future__ import annotations

import argparse
import os
import sys

from fsiii_mapper.errors import InputError
from fsiii_mapper.texts import t

SHEET_FORMATS = ("html", "pdf", "png")
DEFAULT_COLUMNS = ("original", "simplified", "cura")


def add_options(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--columns",
        metavar="A,B,…",
        help=t(
            "the report sheet's columns, comma-separated strategies or table ids (e.g. "
            "original,simplified,simplified-b,cura); for --format html, pdf or png"
        ),
    )
    p.add_argument(
        "--output",
        "-o",
        metavar="FILE",
        help=t("write the sheet to FILE (needed for pdf and png; html goes to stdout without)"),
    )


def wanted(args: argparse.Namespace) -> bool:
    return bool(args.columns) or args.format in SHEET_FORMATS


def columns(args: argparse.Namespace) -> list[str]:
    if not args.columns:
        return [args.strategy] if args.strategy else list(DEFAULT_COLUMNS)
    return [c.strip() for c in args.columns.split(",") if c.strip()]


def run(args: argparse.Namespace, ws: object) -> int:
    from fsiii_mapper.analysis.report_sheet import Columns, page_html, sheet_html, sheet_page
    from fsiii_mapper.engine.populate import Engine
    from fsiii_mapper.io.atomic import atomic_write_text
    from fsiii_mapper.workspace import Workspace, open_citizen

    assert isinstance(ws, Workspace)
    fmt = args.format if args.format in SHEET_FORMATS else "html"
    if fmt != "html" and not args.output:
        raise InputError(t("--format {format} writes a file", format=fmt), hint=t("give -o FILE"))
    engine = Engine(ws)
    chosen, reports_of = columns(args), Columns(engine)
    reports_of.check(chosen)
    page = sheet_page(engine, open_citizen(args.citizen), chosen, reports_of)
    if fmt == "html":
        text = sheet_html([page], ws.layout, args.lang)
        if args.output:
            atomic_write_text(args.output, text)
        else:
            sys.stdout.write(text)
        return 0
    # Qt lays out PDF and PNG; it needs no display for that.
    if not os.environ.get("QT_QPA_PLATFORM"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtWidgets import QApplication

    from ui import sheet_output

    # (a QApplication, not a QGuiApplication: the process may go on to show widgets, as tests do)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    fragments = [page_html(page, ws.layout, args.lang)]
    try:
        if fmt == "pdf":
            sheet_output.write_pdf(fragments, args.output, t("Admission report: side by side"))
        else:
            sheet_output.write_png(fragments, args.output)
    except OSError as exc:
        raise InputError(
            t("could not write the file: {problem}", problem=exc), args.output
        ) from exc
    assert app is not None
    return 0
