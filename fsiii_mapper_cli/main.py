"""The ``fsiii-mapper`` command line. Every command calls the same core functions as the GUI."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from fsiii_mapper import __version__
from fsiii_mapper.errors import InputError
from fsiii_mapper.texts import LANGS, default_lang, nt, set_language, t
from fsiii_mapper_cli import argparse_words
from fsiii_mapper_cli.choices import STRATEGIES
from fsiii_mapper_cli.commands import gui, interchange, population, sheet, table, vendor
from fsiii_mapper_cli.options import (
    ExitCode,
    dump_json,
    epilog,
    jobs_option,
    pair_options,
    strategy_option,
    workspace_for,
)


def cmd_validate(args: argparse.Namespace) -> int:
    from fsiii_mapper.io.file_kind import CITIZEN, file_kind
    from fsiii_mapper.rules.citizen_rules import validate_citizen_path
    from fsiii_mapper.rules.findings import counts
    from fsiii_mapper.rules.table_rules import validate_path
    from fsiii_mapper_cli.render_text import findings_text

    ws = workspace_for(args)
    targets = args.tables or ws.table_ids()
    results = []
    for target in targets:
        path = ws.table_path(target)
        if file_kind(path) == CITIZEN:  # a citizen file: its own rules (FC…)
            results.append((str(path), validate_citizen_path(path, ws, args.lang)))
        else:
            results.append((str(path), validate_path(path, ws, args.lang)))
    all_findings = [f for _, fs in results for f in fs]
    if args.format == "json":
        errors, warnings = counts(all_findings)
        sys.stdout.write(
            dump_json(
                {
                    "files": [
                        {"file": p, "findings": [f.to_json() for f in fs]} for p, fs in results
                    ],
                    "errors": errors,
                    "warnings": warnings,
                }
            )
        )
    else:
        for p, fs in results:
            sys.stdout.write(f"{p}\n")
            sys.stdout.write(findings_text(fs, args.lang))
    errors, warnings = counts(all_findings)
    return ExitCode.FINDINGS if errors or (args.strict and warnings) else ExitCode.OK


def cmd_preview(args: argparse.Namespace) -> int:
    from fsiii_mapper.engine.populate import Engine
    from fsiii_mapper.texts.reasons import ReportWords
    from fsiii_mapper.workspace import open_citizen

    ws = workspace_for(args)
    if sheet.wanted(args):
        return sheet.run(args, ws)
    if not args.strategy:
        raise InputError(
            t("preview needs --strategy (text, json) or --columns (html, pdf, png)"),
            hint=t("e.g. -s cura, or --columns original,simplified,cura --format pdf -o FILE"),
        )
    citizen = open_citizen(args.citizen)
    rep = Engine(ws).populate(citizen, args.strategy)
    if args.format == "json":
        sys.stdout.write(dump_json(rep.to_json(ReportWords(args.lang))))
    else:
        from fsiii_mapper_cli.render_text import report_text

        sys.stdout.write(report_text(rep, args.lang, ws, citizen))
    return ExitCode.OK


def cmd_diff(args: argparse.Namespace) -> int:
    from fsiii_mapper.analysis.table_diff import diff_tables
    from fsiii_mapper_cli.render_text import diff_text

    ws = workspace_for(args)
    d = diff_tables(ws.open_table(args.a), ws.open_table(args.b), ws)
    if args.format == "json":
        sys.stdout.write(dump_json(d.to_json()))
    else:
        sys.stdout.write(diff_text(d, args.lang))
    return ExitCode.OK if d.is_empty else ExitCode.FINDINGS


def cmd_gaps(args: argparse.Namespace) -> int:
    ws = workspace_for(args)
    strategies = args.strategy or ["original", "simplified", "cura", "nexus"]
    if args.bundles:
        return population.run(args, ws, strategies)
    from fsiii_mapper.analysis.fill import fill_rates, structural_gaps
    from fsiii_mapper.io.documents import load_citizen
    from fsiii_mapper.workspace import citizens_dir
    from fsiii_mapper_cli.render_text import gaps_text

    if args.format == "csv":
        raise InputError(t("--format csv needs --bundles"))
    folder = Path(args.citizens) if args.citizens else citizens_dir()
    if not folder.is_dir():
        raise InputError(t("not a folder of citizen files"), folder)
    people = [load_citizen(p) for p in sorted(folder.glob("*.yaml"))]
    gaps = structural_gaps(ws)
    rates = fill_rates(ws, people, strategies)
    if args.format == "json":
        sys.stdout.write(
            dump_json(
                {
                    "fields": [
                        {"code": g.code, "label": g.label, "sources": g.sources, "lost": g.lost}
                        for g in gaps
                    ],
                    "citizens": len(people),
                    "fill_rates": rates,
                }
            )
        )
    else:
        sys.stdout.write(gaps_text(gaps, rates, len(people), args.lang))
    return ExitCode.OK


def cmd_catalog_import(args: argparse.Namespace) -> int:
    from fsiii_mapper.interchange.catalog_import import (
        catalog_header,
        import_codesystems,
        other_groups_header,
    )
    from fsiii_mapper.io.atomic import atomic_write_text
    from fsiii_mapper.io.documents import save_model
    from fsiii_mapper.io.yamltree import dump_yaml
    from fsiii_mapper.workspace import OTHER_GROUPS_FILE

    # A UUID-only release is matched to the catalogs of the workspace (--data) by UUID.
    result = import_codesystems(args.files, workspace_for(args).catalogs)
    out = Path(args.output)
    if not out.is_dir():
        raise InputError(
            t("the output folder does not exist"), out, hint=t("create it or give -o DIR")
        )
    for cat in result.catalogs:
        target = out / f"catalog_{cat.id}.yaml"
        save_model(cat, target, catalog_header(cat))
        kinds = {
            g: sum(1 for s in cat.states if s.group == g) for g in ("funktionsevne", "helbred")
        }
        function_states = nt("{n} function state", "{n} function states", kinds["funktionsevne"])
        health_states = nt("{n} health state", "{n} health states", kinds["helbred"])
        print(f"{target}: {function_states}, {health_states}")
    if result.other_groups is not None:
        target = out / OTHER_GROUPS_FILE
        save_model(result.other_groups, target, other_groups_header(result.other_groups))
        n = sum(len(g.states) for g in result.other_groups.groups)
        outside = nt("{n} code outside the report", "{n} codes outside the report", n)
        print(f"{target}: {outside}")
    if args.definitions:
        atomic_write_text(args.definitions, dump_yaml(dict(sorted(result.definitions.items()))))
        definitions = nt(
            "{n} definition (KL's text; keep it out of shared data files)",
            "{n} definitions (KL's text; keep them out of shared data files)",
            len(result.definitions),
        )
        print(f"{args.definitions}: {definitions}")
    for w in result.warnings:
        print(t("warning: {message}", message=w), file=sys.stderr)
    return ExitCode.OK


def cmd_catalog_list(args: argparse.Namespace) -> int:
    from fsiii_mapper.io.documents import load_catalog
    from fsiii_mapper.texts.labels import EVIDENCE_LABELS, STATE_STATUS_LABELS, label
    from fsiii_mapper.texts.reasons import group_name

    ws = workspace_for(args)
    catalog = load_catalog(args.file) if args.file else ws.catalogs[args.catalog]
    items = [
        {
            "uuid": s.uuid,
            "key": s.key,
            "display": s.display,
            "group": s.group,
            "area": s.area,
            "status": s.status,
            "status_evidence": s.status_evidence,
            "successors": ws.crosswalk.successors(s.key),
            "no_successor": decided.rationale
            if (decided := ws.crosswalk.no_successor(s.key))
            else None,
            "group_name": group_name(s.group),
        }
        for s in catalog.states
    ]
    if args.format == "json":
        sys.stdout.write(dump_json(items))
    else:
        group = None
        for i in items:
            if i["group"] != group:  # a heading per group, by both its names
                if group is not None:
                    print()
                group, name = i["group"], str(i["group_name"])
                print(f"{name[:1].upper()}{name[1:]}:")
            succ = f" → {', '.join(i['successors'])}" if i["successors"] else ""
            if i["no_successor"]:
                succ = " → " + t("no successor: {reason}", reason=i["no_successor"])
            status = label(STATE_STATUS_LABELS, str(i["status"]))
            evidence = label(EVIDENCE_LABELS, str(i["status_evidence"]))
            print(f"{i['key']:<52}{i['area']:<5}{status:<9}({evidence}) {i['display']}{succ}")
    return ExitCode.OK


def cmd_citizens(args: argparse.Namespace) -> int:
    from fsiii_mapper.io.documents import load_citizen
    from fsiii_mapper.workspace import demo_citizen_paths

    for p in demo_citizen_paths():
        c = load_citizen(p)
        print(f"{c.id:<9}{c.name:<30}{c.description}")
    return ExitCode.OK


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="fsiii-mapper",
        description=t(
            "Edit, compare and apply the FSIII → Indlæggelsesrapport (XDIS16) mapping tables."
        ),
        epilog=epilog(),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"fsiii-mapper {__version__}")
    parser.add_argument(
        "--lang",
        choices=LANGS,
        default=None,
        help=t("language of messages (default: $FSIII_LANG or da)"),
    )
    parser.add_argument(
        "--data",
        metavar="DIR",
        default=None,
        help=t("folder with catalogs, layout and tables (default: the shipped one)"),
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    def add(name: str, help_: str, func: Any) -> argparse.ArgumentParser:
        p = sub.add_parser(
            name,
            help=help_,
            description=help_,
            epilog=epilog(),
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        p.set_defaults(func=func)
        return p

    def add_format(p: argparse.ArgumentParser) -> None:
        p.add_argument(
            "--format", choices=("text", "json"), default="text", help=t("output format")
        )

    p = add(
        "validate",
        t("Check mapping tables and citizen files; findings with rule id, file, line, column."),
        cmd_validate,
    )
    p.add_argument(
        "tables",
        nargs="*",
        metavar="FILE",
        help=t(
            "tables (path or id) or citizen files to check, told apart by their content "
            "(default: every shipped table)"
        ),
    )
    add_format(p)
    p.add_argument("--strict", action="store_true", help=t("warnings also give exit code 1"))

    p = add("preview", t("Show how a citizen's documentation fills the report."), cmd_preview)
    p.add_argument("citizen", metavar="CITIZEN")
    strategy_option(p, required=False)
    p.add_argument(
        "--format",
        choices=("text", "json", *sheet.SHEET_FORMATS),
        default="text",
        help=t("output format (html, pdf, png: the report sheet of --columns)"),
    )
    sheet.add_options(p)
    pair_options(p)

    p = add("diff", t("Rows added, removed and changed between two tables."), cmd_diff)
    p.add_argument("a", metavar="TABLE_A")
    p.add_argument("b", metavar="TABLE_B")
    add_format(p)

    p = add(
        "gaps",
        t("Which table can fill each report field, and fill rates over citizens."),
        cmd_gaps,
    )
    source = p.add_mutually_exclusive_group()
    source.add_argument(
        "--citizens", metavar="DIR", help=t("folder of citizen files (default: demos)")
    )
    source.add_argument(
        "--bundles",
        nargs="+",
        metavar="DIR|FILE",
        help=t(
            "FHIR Bundles shaped like KL's gateway delivery reports (files, or folders of "
            "*.json), read directly: fill rates over the population and what the simplified "
            "table loses; unreadable bundles are listed and give exit code 1"
        ),
    )
    p.add_argument(
        "--strategy",
        "-s",
        choices=STRATEGIES,
        action="append",
        help=t("strategies to compare (repeatable; default: all four)"),
    )
    p.add_argument(
        "--format",
        choices=("text", "csv", "json"),
        default="text",
        help=t("output format (csv: with --bundles)"),
    )
    p.add_argument(
        "--by-municipality",
        action="store_true",
        help=t("with --bundles: also per municipality (the bundle's managing organisation)"),
    )
    jobs_option(
        p,
        nt(
            "with --bundles: count in N processes (default: the {n} CPU of this machine from "
            "1,000 bundles on, else 1)",
            "with --bundles: count in N processes (default: all {n} CPUs of this machine from "
            "1,000 bundles on, else 1)",
            os.cpu_count() or 1,
        ),
        default=None,
    )
    pair_options(p)

    add("citizens", t("List the shipped demo citizens."), cmd_citizens)

    cat = sub.add_parser(
        "catalog",
        help=t("Import KL CodeSystems; list catalog states."),
        description=t("Import KL CodeSystems; list catalog states."),
    )
    csub = cat.add_subparsers(dest="catalog_command", metavar="ACTION")
    p = csub.add_parser(
        "import",
        help=t("Build catalogs from KL FHIR CodeSystem JSON files."),
        description=t(
            "Build the original and simplified catalogs from one or more "
            "KL FSIII CodeSystem files (kl-term 1.x and/or 2.x)."
        ),
        epilog=epilog(),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.set_defaults(func=cmd_catalog_import)
    p.add_argument("files", nargs="+", metavar="CODESYSTEM.json")
    p.add_argument(
        "-o",
        "--output",
        default=".",
        metavar="DIR",
        help=t("folder to write catalog_original.yaml / catalog_simplified.yaml to"),
    )
    p.add_argument(
        "--definitions",
        metavar="FILE",
        help=t("also write KL's definitions to FILE (for your own use; not shipped)"),
    )
    p = csub.add_parser(
        "list",
        help=t("List the states of a catalog."),
        description=t("List the states of a catalog."),
        epilog=epilog(),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.set_defaults(func=cmd_catalog_list)
    p.add_argument("--catalog", choices=("original", "simplified"), default="original")
    p.add_argument("--file", metavar="CATALOG.yaml", help=t("list this catalog file instead"))
    add_format(p)
    cat.set_defaults(func=lambda a: _usage(cat))
    for module in (interchange, gui, vendor, table):
        module.register(sub, epilog())
    return parser


def _usage(p: argparse.ArgumentParser) -> int:
    p.print_help(sys.stderr)
    return ExitCode.USAGE


def _hoist_lang(argv: list[str]) -> list[str]:
    """``--lang`` is one setting for the whole run, so it is accepted anywhere: before or after
    the command (``fsiii-mapper preview demo-01 -s cura --lang en``). It is moved in front of the
    command, where the parser reads it; nothing after a ``--`` is touched."""
    front: list[str] = []
    rest: list[str] = []
    i = 0
    while i < len(argv):
        arg = argv[i]
        if arg == "--":
            rest.extend(argv[i:])
            break
        if arg == "--lang" and i + 1 < len(argv):
            front += argv[i : i + 2]
            i += 2
            continue
        if arg.startswith("--lang="):
            front.append(arg)
        else:
            rest.append(arg)
        i += 1
    return front + rest


def _lang_option(argv: Sequence[str]) -> str | None:
    """``--lang`` as given, read before the parser is built so that ``--help`` follows it."""
    pre = argparse.ArgumentParser(add_help=False)
    pre.add_argument("--lang")
    try:
        known, _ = pre.parse_known_args(argv)
    except SystemExit:  # "--lang" without a value: the real parser reports it
        return None
    return known.lang if known.lang in LANGS else None


def main(argv: Sequence[str] | None = None) -> int:
    argv = _hoist_lang(list(sys.argv[1:] if argv is None else argv))
    set_language(_lang_option(argv))
    argparse_words.use_catalogue()
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse: --help exits 0, usage errors exit 2
        return int(exc.code or 0)
    # One setting for the whole run: every text, also those made when an error is raised.
    set_language(args.lang)
    # Remember whether the language was chosen (--lang or FSIII_LANG) or is only the default,
    # so the GUI can prefer its saved setting over the default.
    args.lang_chosen = args.lang or (os.environ.get("FSIII_LANG") and default_lang())
    if args.lang is None:
        args.lang = default_lang()
    if not getattr(args, "func", None):
        parser.print_help(sys.stderr)
        return ExitCode.USAGE
    try:
        return int(args.func(args))
    except InputError as exc:
        print(t("fsiii-mapper: error: {message}", message=exc), file=sys.stderr)
        return ExitCode.USAGE
    except BrokenPipeError:
        return ExitCode.OK
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # a bug: one line, never a traceback, and the documented exit code
        print(
            t(
                "fsiii-mapper: internal error – please report it ({error})",
                error=f"{type(exc).__name__}: {exc}",
            ),
            file=sys.stderr,
        )
        return ExitCode.INTERNAL


if __name__ == "__main__":
    sys.exit(main())
