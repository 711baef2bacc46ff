"""CLI: ``export``, ``import``, ``citizen import-fhir`` and ``citizen validate``.

Exit codes follow the CLI's: 0 done; 1 findings — an export refused by the gate (validation errors,
or warnings without --allow-warnings; no file is written), an import that had to leave rows out
(every one is listed; if no row could be taken nothing is written), a citizen import with notes;
2 usage, unreadable input, or an output that may not or cannot be written.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from fsiii_mapper.errors import InputError
from fsiii_mapper.texts import nt, t
from fsiii_mapper_cli.choices import EXPORT_FORMATS, IMPORT_FORMATS

EXIT_OK, EXIT_FINDINGS = 0, 1


def export_help(lang: str | None = None) -> str:
    return t(
        """\
Formats:
  csv            CSV for Danish Excel (UTF-8 with BOM, ";"; --csv-delimiter , for tools):
                 the table's metadata as leading #key lines, then one line per row
  xlsx           workbook: a sheet per table, plus a Metadata sheet (several TABLEs allowed)
  conceptmap-r4  FHIR R4 ConceptMap (JSON)
  conceptmap-r5  FHIR R5 ConceptMap (JSON)
  sssom          SSSOM/TSV with a YAML metadata header
  guide-html     mapping guide for the table pair, one self-contained HTML file
  guide-pdf      the same guide as PDF
A table with validation errors is never exported (exit code 1, no file written); warnings need
--allow-warnings. An existing file is overwritten only with --force, an input never. For the
guides, each TABLE replaces the shipped table of its catalog in the pair.

Identifiers in the FHIR and SSSOM files: source system urn:oid:1.2.208.176.2.21 (FSIII); report
fields https://fsiii-mapper.invalid/fhir/CodeSystem/xdis16-report-field (our own URI; ".invalid"
names it without pretending to resolve); extensions under
https://fsiii-mapper.invalid/fhir/StructureDefinition/.
R4 equivalence is read target -> source, R5 relationship source -> target: a row "source-broader"
is R4 "narrower" and R5 "source-is-broader-than-target"; "no-map" is R4 "unmatched", R5 noMap.
""",
        lang,
    )


def _out_path(value: str, force: bool, lang: str | None, inputs: tuple[Path, ...] = ()) -> Path:
    """The output file: never an input of the same command, an existing file only with
    ``--force``."""
    from fsiii_mapper.interchange import same_file

    p = Path(value)
    for src in inputs:
        if same_file(p, src):
            raise InputError(
                t("the output file is an input of this command; it is never overwritten", lang),
                p,
                hint=t("give another output file with -o", lang),
            )
    if (p.exists() or p.is_symlink()) and not force:
        raise InputError(
            t("the file already exists", lang), p, hint=t("use --force to overwrite it", lang)
        )
    if not p.parent.is_dir() and str(p.parent):
        raise InputError(t("the output folder does not exist", lang), p.parent)
    return p


def cmd_export(args: argparse.Namespace) -> int:
    from fsiii_mapper.interchange import ExportRefused, export_tables
    from fsiii_mapper.workspace import Workspace

    ws = Workspace.load(args.data)
    docs = [ws.open_table(a) for a in args.tables]
    inputs = tuple(d.path for d in docs if d.path is not None)
    out = _out_path(args.output, args.force, args.lang, inputs)
    try:
        result = export_tables(
            docs,
            ws,
            args.format,
            out,
            allow_warnings=args.allow_warnings,
            lang=args.lang,
            csv_delimiter="\t" if args.csv_delimiter == "tab" else args.csv_delimiter,
        )
    except ExportRefused as exc:
        print(f"fsiii-mapper: {exc}", file=sys.stderr)
        return EXIT_FINDINGS
    for doc in result.tables:
        m = doc.table.table
        print(
            t(
                "{path}: {table} version {version} ({status}) exported as {format}",
                args.lang,
                path=result.path,
                table=m.id,
                version=m.version,
                status=m.status,
                format=result.format,
            )
        )
    if result.warnings:
        print(
            nt(
                "exported despite {n} warning (--allow-warnings)",
                "exported despite {n} warnings (--allow-warnings)",
                len(result.warnings),
                args.lang,
            ),
            file=sys.stderr,
        )
    return EXIT_OK


def cmd_import(args: argparse.Namespace) -> int:
    from fsiii_mapper.interchange import import_file
    from fsiii_mapper.io.documents import new_table_document
    from fsiii_mapper.rules.findings import counts
    from fsiii_mapper.rules.table_rules import validate_table
    from fsiii_mapper.workspace import Workspace

    ws = Workspace.load(args.data)
    out = _out_path(args.output, args.force, args.lang, (Path(args.file),))
    result = import_file(args.file, ws, args.format, args.sheet)
    if result.encoding:
        print(t("{path}: read as {encoding}", args.lang, path=args.file, encoding=result.encoding))
    if result.skipped:
        print(
            nt(
                "{n} row could not be taken:",
                "{n} rows could not be taken:",
                len(result.skipped),
                args.lang,
            ),
            file=sys.stderr,
        )
        for s in result.skipped:
            print(f"  {args.file}: {s.where}: {s.message}", file=sys.stderr)
        if args.strict:
            print(
                t("no file written (--strict), because some rows could not be taken", args.lang),
                file=sys.stderr,
            )
            return EXIT_FINDINGS
    if not result.table.rows:
        if result.skipped:
            print(t("no row could be taken; no file written", args.lang), file=sys.stderr)
            return EXIT_FINDINGS
        raise InputError(t("the file holds no mapping row; no file written", args.lang), args.file)
    doc = new_table_document(result.table)
    try:
        doc.save(out)
    except OSError as exc:
        raise InputError(
            t("cannot write the file: {reason}", args.lang, reason=exc.strerror or exc),
            out,
            hint=t("choose another folder, or free space; nothing was written", args.lang),
        ) from None
    print(
        t(
            "{path}: {rows} imported from {source} ({format})",
            args.lang,
            rows=nt("{n} row", "{n} rows", len(result.table.rows), args.lang),
            path=out,
            source=args.file,
            format=result.format,
        )
    )
    errors, warnings = counts(validate_table(doc, ws, args.lang))  # positions: the file as written
    if errors or warnings:
        print(
            t(
                "the imported table has {errors} and {warnings} – run "
                "`fsiii-mapper validate {path}`",
                args.lang,
                errors=nt("{n} error", "{n} errors", errors, args.lang),
                warnings=nt("{n} warning", "{n} warnings", warnings, args.lang),
                path=out,
            ),
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
        nt(
            "{path}: citizen {id} with {n} state imported from {source}",
            "{path}: citizen {id} with {n} states imported from {source}",
            len(c.conditions),
            args.lang,
            path=out,
            id=c.id,
            source=args.bundle,
        )
    )
    if result.notes:
        print(t("Notes on the import:", args.lang), file=sys.stderr)
        for n in result.notes:
            print(f"  {n}", file=sys.stderr)
    return EXIT_FINDINGS if result.notes else EXIT_OK


def cmd_citizen_validate(args: argparse.Namespace) -> int:
    from fsiii_mapper.rules.citizen_rules import validate_citizen_path
    from fsiii_mapper.rules.findings import counts
    from fsiii_mapper.workspace import Workspace
    from fsiii_mapper_cli.render_text import findings_text

    ws = Workspace.load(args.data)
    results = [(path, validate_citizen_path(path, ws, args.lang)) for path in args.citizens]
    for path, findings in results:
        sys.stdout.write(f"{path}\n")
        sys.stdout.write(findings_text(findings, args.lang))
    errors, warnings = counts(f for _, fs in results for f in fs)
    return EXIT_FINDINGS if errors or warnings else EXIT_OK


def register(subparsers: Any, epilog: str) -> None:

    fmt_cls = argparse.RawDescriptionHelpFormatter
    p = subparsers.add_parser(
        "export",
        help=t("Export a validated table: CSV, XLSX, FHIR ConceptMap, SSSOM, guide."),
        description=t(
            "Export a mapping table (or the table pair, for the guides). Every file "
            "carries the table's id, version, status, catalog version and the export time."
        ),
        epilog=export_help() + "\n" + epilog,
        formatter_class=fmt_cls,
    )
    p.set_defaults(func=cmd_export)
    p.add_argument(
        "tables", nargs="+", metavar="TABLE", help=t("path or shipped id (original, simplified)")
    )
    p.add_argument("--format", "-f", required=True, choices=EXPORT_FORMATS)
    p.add_argument("-o", "--output", required=True, metavar="FILE")
    p.add_argument(
        "--allow-warnings",
        action="store_true",
        help=t("export even if validation gives warnings (errors always stop it)"),
    )
    p.add_argument(
        "--csv-delimiter",
        choices=(";", ",", "tab"),
        default=";",
        help=t("CSV: the field separator (default ; for Danish Excel; , for other tools)"),
    )
    p.add_argument("--force", action="store_true", help=t("overwrite an existing output file"))

    p = subparsers.add_parser(
        "import",
        help=t("Read a table from CSV, XLSX or a FHIR ConceptMap (R4/R5)."),
        description=t(
            "Read a mapping table from CSV, XLSX or a FHIR ConceptMap (R4 or R5) and "
            "write it as YAML. Every row that cannot be taken is listed with its line, row or "
            "path; exit code 1 if there was any."
        ),
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
        help=t("input format (default: detected from name and content)"),
    )
    p.add_argument("--sheet", help=t("XLSX: the sheet to read (default: the first table sheet)"))
    p.add_argument(
        "--strict", action="store_true", help=t("write nothing if any row could not be taken")
    )
    p.add_argument("--force", action="store_true", help=t("overwrite an existing output file"))

    cit = subparsers.add_parser(
        "citizen",
        help=t("Citizen files: import from FHIR, validate."),
        description=t("Citizen files: import from FHIR, validate."),
    )
    csub = cit.add_subparsers(dest="citizen_command", metavar="ACTION")
    p = csub.add_parser(
        "import-fhir",
        help=t("Make a citizen file from a FHIR Bundle (KL gateway shape)."),
        description=t(
            "Make a citizen YAML file from a FHIR Bundle shaped like KL's gateway reports: "
            "Condition resources with an FSIII code, severity B1–B6 (or its UUID) for function "
            "states, clinicalStatus and verificationStatus. Status rule: verificationStatus "
            "entered-in-error/refuted → left out; clinicalStatus inactive/remission/resolved → "
            "inaktiv; verificationStatus unconfirmed/provisional/differential → kladde; "
            "clinicalStatus active/recurrence/relapse → aktiv; no clinicalStatus → kladde."
        ),
        epilog=epilog,
        formatter_class=fmt_cls,
    )
    p.set_defaults(func=cmd_citizen_import_fhir)
    p.add_argument("bundle", metavar="BUNDLE.json")
    p.add_argument("-o", "--output", required=True, metavar="CITIZEN.yaml")
    p.add_argument("--id", help=t("citizen id (default: the output file name without .yaml)"))
    p.add_argument("--name", help=t("display name (default: the Patient's name, if any)"))
    p.add_argument("--force", action="store_true", help=t("overwrite an existing output file"))

    p = csub.add_parser(
        "validate",
        help=t("Check citizen files (rules FC…)."),
        description=t(
            "Check citizen files: every finding has a rule id (FC…), file, line and column. "
            "Exit 1 when there are findings."
        ),
        epilog=epilog,
        formatter_class=fmt_cls,
    )
    p.set_defaults(func=cmd_citizen_validate)
    p.add_argument("citizens", nargs="+", metavar="CITIZEN.yaml")

    def _usage(_: argparse.Namespace) -> int:
        cit.print_help(sys.stderr)
        return 2

    cit.set_defaults(func=_usage)
