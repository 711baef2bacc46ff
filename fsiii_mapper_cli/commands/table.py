"""``table``: edit a mapping table from the command line with the GUI's own edit operations.

- ``table set``: set one field on the rows chosen by source, target and/or row number; author
  and date are stamped as in the GUI, and the file is saved atomically with its comments kept
  (only the changed lines differ).
"""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path
from typing import Any

from fsiii_mapper.errors import InputError
from fsiii_mapper.texts import nt, t
from fsiii_mapper_cli.choices import EDITABLE_FIELDS
from fsiii_mapper_cli.options import ExitCode, workspace_for

SET_HELP = (
    "Set a field (e.g. review_status) on the rows of a table chosen by source, target or row."
)


def _author(args: argparse.Namespace) -> str:
    if args.author is not None:
        return str(args.author)
    try:
        return getpass.getuser()
    except Exception:  # no user name on this system: the row gets none either
        return ""


def cmd_table_set(args: argparse.Namespace) -> int:
    from fsiii_mapper.editing import EditableTable, check_values, select_rows
    from fsiii_mapper.io.documents import load_table

    lang = args.lang
    ws = workspace_for(args)
    path = ws.table_path(args.table)
    field, value = next(iter(check_values({args.field: args.value}, lang).items()))
    doc = load_table(path)
    chosen = select_rows(doc.table, args.source, args.target, args.row or ())
    if not chosen:
        raise InputError(
            t("no row matches {criteria}", lang, criteria=_criteria(args)),
            path,
            hint=t("rows are chosen by --source, --target and --row; all given must match", lang),
        )
    to_change = [r for r in chosen if getattr(doc.table.rows[r], field) != value]
    out = Path(args.output) if args.output else path
    if not to_change:
        print(
            nt(
                "The matching row already has {field} »{value}«; nothing was changed.",
                "The {n} matching rows already have {field} »{value}«; nothing was changed.",
                len(chosen),
                lang,
                field=field,
                value=args.value,
            )
        )
        return ExitCode.OK
    table = EditableTable(doc, author=lambda: _author(args))
    table.bulk_set(to_change, field, value, lang=lang)
    try:
        table.save(out)
    except OSError as exc:
        raise InputError(t("cannot write the file: {reason}", lang, reason=exc), out) from None
    print(
        nt(
            "{n} row changed in {file}: {field} »{value}«",
            "{n} rows changed in {file}: {field} »{value}«",
            len(to_change),
            lang,
            file=out,
            field=field,
            value=args.value,
        )
    )
    return ExitCode.OK


def _criteria(args: argparse.Namespace) -> str:
    parts = []
    if args.source is not None:
        parts.append(f"--source {args.source}")
    if args.target is not None:
        parts.append(f"--target {args.target}")
    parts.extend(f"--row {n}" for n in args.row or ())
    return " ".join(parts)


def register(subparsers: Any, epilog: str) -> None:
    fmt_cls = argparse.RawDescriptionHelpFormatter
    table = subparsers.add_parser(
        "table",
        help="Edit a mapping table (the GUI's edit operations, from scripts).",
        description="Edit a mapping table with the same operations as the GUI.",
        epilog=epilog,
        formatter_class=fmt_cls,
    )
    tsub = table.add_subparsers(dest="table_command", metavar="ACTION")
    p = tsub.add_parser(
        "set",
        help=SET_HELP,
        description=SET_HELP + " Author and date are stamped on every changed row, as in the "
        "GUI; rows that have the value already are left as they are. The file is saved "
        "atomically; comments, order and quoting are kept.",
        epilog="Example:\n  fsiii-mapper table set simplified --source J3.5 --field review_status "
        "--value approved\n\n" + epilog,
        formatter_class=fmt_cls,
    )
    p.set_defaults(func=cmd_table_set)
    p.add_argument("table", metavar="TABLE", help="path or shipped id (original, simplified)")
    p.add_argument("--source", metavar="KEY", help="rows with this source state (e.g. J3.5)")
    p.add_argument("--target", metavar="CODE", help="rows with this target field (e.g. FA510)")
    p.add_argument(
        "--row", type=int, action="append", metavar="N", help="row number, from 1 (repeatable)"
    )
    p.add_argument("--field", required=True, choices=EDITABLE_FIELDS, help="the field to set")
    p.add_argument("--value", required=True, help="the new value; empty clears the target field")
    p.add_argument("--author", help="author written on changed rows (default: your user name)")
    p.add_argument("-o", "--output", metavar="FILE", help="save to FILE instead of TABLE")
    table.set_defaults(func=lambda a: _usage(table))


def _usage(p: argparse.ArgumentParser) -> int:
    p.print_help(sys.stderr)
    return ExitCode.USAGE


__all__ = ["cmd_table_set", "register"]
