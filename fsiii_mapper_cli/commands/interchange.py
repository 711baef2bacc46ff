"""CLI: ``export``, ``import`` and ``citizen import-fhir``.

Exit codes follow the CLI's: 0 done; 1 findings — an export refused by the gate (validation errors,
or warnings without --allow-warnings; no file is written), an import that had to leave rows out
(every one is listed), a citizen import with notes; 2 usage or unreadable input.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from fsiii_mapper.errors import InputError
from fsiii_mapper.interchange.texts import t

EXIT_OK, EXIT_FINDINGS = 0, 1

EXPORT_HELP = """\
Formats:
  csv            UTF-8 CSV, one line per row, every field, table identity on each line
  xlsx           workbook: a sheet per table, plus a Metadata sheet (several TABLEs allowed)
  conceptmap-r4  FHIR R4 ConceptMap (JSON)
  conceptmap-r5  FHIR R5 ConceptMap (JSON)
  sssom          SSSOM/TSV with a YAML metadata header
  guide-html     mapping guide for the table pair, one self-contained HTML file (Danish)
  guide-pdf      the same guide as PDF
A table with validation errors is never exported (exit code 1, no file written); warnings need
--allow-warnings. For the guides, each TABLE replaces the shipped table of its catalog in the pair.

Identifiers in the FHIR and SSSOM files: source system urn:oid:1.2.208.176.2.21 (FSIII); report
fields https://fsiii-mapper.invalid/fhir/CodeSystem/xdis16-report-field (our own URI; ".invalid"
names it without pretending to resolve); extensions under
https://fsiii-mapper.invalid/fhir/StructureDefinition/.
R4 equivalence is read target -> source, R5 relationship source -> target: a row "source-broader"
is R4 "narrower" and R5 "source-is-broader-than-target"; "no-map" is R4 "unmatched", R5 noMap.
"""


def _out_path(value: str, force: bool, lang: str | None) -> Path:
    p = Path(value)
    if p.exists() and not force:
        raise InputError(t("exists", lang), p, hint=t("exists.hint", lang))
    if not p.parent.is_dir() and str(p.parent):
        raise InputError("output folder does not exist", p.parent)
    return p


def cmd_export(args: argparse.Namespace) -> int:
    from fsiii_mapper.interchange import ExportRefused, export_tables
    from fsiii_mapper.workspace import Workspace

    ws = Workspace.load(args.data)
    docs = [ws.open_table(a) for a in args.tables]
    try:
        result = export_tables(
            docs, ws, args.format, args.output, allow_warnings=args.allow_warnings, lang=args.lang
        )
    except ExportRefused as exc:
        print(f"fsiii-mapper: {exc}", file=sys.stderr)
        return EXIT_FINDINGS
    for doc in result.tables:
        m = doc.table.table
        print(
            t(
                "exported",
                args.lang,
                path=result.path,
                table=m.id,
                version=m.version,
                status=m.status,
                format=result.format,
            )
        )
    if result.warnings:
        print(t("exported.warnings", args.lang, warnings=len(result.warnings)), file=sys.stderr)
    return EXIT_OK


def cmd_import(args: argparse.Namespace) -> int:
    from fsiii_mapper.interchange import import_file
    from fsiii_mapper.io.documents import new_table_document
    from fsiii_mapper.rules.findings import counts
    from fsiii_mapper.rules.table_rules import validate_table
    from fsiii_mapper.workspace import Workspace

    ws = Workspace.load(args.data)
    out = _out_path(args.output, args.force, args.lang)
    result = import_file(args.file, ws, args.format, args.sheet)
    if result.skipped:
        print(t("skipped.head", args.lang, count=len(result.skipped)), file=sys.stderr)
        for s in result.skipped:
            print(f"  {args.file}: {s.where}: {s.message}", file=sys.stderr)
        if args.strict:
            print(t("import.strict", args.lang), file=sys.stderr)
            return EXIT_FINDINGS
    doc = new_table_document(result.table)
    doc.save(out)
    print(
        t(
            "imported",
            args.lang,
            path=out,
            rows=len(result.table.rows),
            source=args.file,
            format=result.format,
        )
    )
    errors, warnings = counts(validate_table(doc, ws, args.lang))  # positions: the file as written
    if errors or warnings:
        print(
            t("import.findings", args.lang, errors=errors, warnings=warnings, path=out),
            file=sys.stderr,
        )
    return EXIT_FINDINGS if result.skipped else EXIT_OK


def cmd_citizen_import_fhir(args: argparse.Namespace) -> int:
    from fsiii_mapper.interchange.fhir_citizen import citizen_from_bundle, save_citizen
    from fsiii_mapper.workspace import Workspace

    ws = Workspace.load(args.data)
    out = _out_path(args.output, args.force, args.lang)
    result = citizen_from_bundle(
        Path(args.bundle), ws, citizen_id=args.id or out.stem, name=args.name, lang=args.lang
    )
    save_citizen(result, out, ws)
    c = result.citizen
    print(
        t(
            "citizen.written",
            args.lang,
            path=out,
            id=c.id,
            conditions=len(c.conditions),
            source=args.bundle,
        )
    )
    if result.notes:
        print(t("citizen.notes.head", args.lang), file=sys.stderr)
        for n in result.notes:
            print(f"  {n}", file=sys.stderr)
    return EXIT_FINDINGS if result.notes else EXIT_OK


def register(subparsers: Any, epilog: str) -> None:
    from fsiii_mapper.interchange import EXPORT_FORMATS, IMPORT_FORMATS

    fmt_cls = argparse.RawDescriptionHelpFormatter
    p = subparsers.add_parser(
        "export",
        help="Export a validated table: CSV, XLSX, FHIR ConceptMap, SSSOM, guide.",
        description="Export a mapping table (or the table pair, for the guides). Every file "
        "carries the table's id, version, status, catalog version and the export time.",
        epilog=EXPORT_HELP + "\n" + epilog,
        formatter_class=fmt_cls,
    )
    p.set_defaults(func=cmd_export)
    p.add_argument(
        "tables", nargs="+", metavar="TABLE", help="path or shipped id (original, simplified)"
    )
    p.add_argument("--format", "-f", required=True, choices=EXPORT_FORMATS)
    p.add_argument("-o", "--output", required=True, metavar="FILE")
    p.add_argument(
        "--allow-warnings",
        action="store_true",
        help="export even if validation gives warnings (errors always stop it)",
    )

    p = subparsers.add_parser(
        "import",
        help="Read a table from CSV, XLSX or a FHIR ConceptMap (R4/R5).",
        description="Read a mapping table from CSV, XLSX or a FHIR ConceptMap (R4 or R5) and "
        "write it as YAML. Every row that cannot be taken is listed with its line, row or "
        "path; exit code 1 if there was any.",
        epilog=epilog,
        formatter_class=fmt_cls,
    )
    p.set_defaults(func=cmd_import)
    p.add_argument("file", metavar="FILE")
    p.add_argument("-o", "--output", required=True, metavar="TABLE.yaml")
    p.add_argument(
        "--format",
        "-f",
        choices=IMPORT_FORMATS,
        help="input format (default: detected from name and content)",
    )
    p.add_argument("--sheet", help="XLSX: the sheet to read (default: the first table sheet)")
    p.add_argument(
        "--strict", action="store_true", help="write nothing if any row could not be taken"
    )
    p.add_argument("--force", action="store_true", help="overwrite an existing output file")

    cit = subparsers.add_parser(
        "citizen",
        help="Citizen files: import from FHIR.",
        description="Citizen files: import from FHIR.",
    )
    csub = cit.add_subparsers(dest="citizen_command", metavar="ACTION")
    p = csub.add_parser(
        "import-fhir",
        help="Make a citizen file from a FHIR Bundle (KL gateway shape).",
        description="Make a citizen YAML file from a FHIR Bundle shaped like KL's gateway "
        "reports: Condition resources with an FSIII code, severity B1–B6 (or its UUID) for "
        "funktionsevne, clinicalStatus and verificationStatus. Status rule: "
        "verificationStatus entered-in-error/refuted → left out; clinicalStatus inactive/"
        "remission/resolved → inaktiv; verificationStatus unconfirmed/provisional/differential "
        "→ kladde; clinicalStatus active/recurrence/relapse → aktiv; no clinicalStatus → kladde.",
        epilog=epilog,
        formatter_class=fmt_cls,
    )
    p.set_defaults(func=cmd_citizen_import_fhir)
    p.add_argument("bundle", metavar="BUNDLE.json")
    p.add_argument("-o", "--output", required=True, metavar="CITIZEN.yaml")
    p.add_argument("--id", help="citizen id (default: the output file name without .yaml)")
    p.add_argument("--name", help="display name (default: the Patient's name, if any)")
    p.add_argument("--force", action="store_true", help="overwrite an existing output file")

    def _usage(_: argparse.Namespace) -> int:
        cit.print_help(sys.stderr)
        return 2

    cit.set_defaults(func=_usage)
