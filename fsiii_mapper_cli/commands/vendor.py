"""Vendor output validation commands.

- ``render-xml``: the reference XDIS16 file the tables prescribe for a citizen;
- ``check-vendor``: check vendors' XDIS16 files against what the tables prescribe.
"""

from __future__ import annotations

import argparse
import math
import os
import sys
from pathlib import Path

from fsiii_mapper.errors import InputError, read_problem
from fsiii_mapper.texts import N_, nt, t
from fsiii_mapper_cli.choices import CHECK_FORMATS
from fsiii_mapper_cli.options import Progress, pair_options, strategy_option, workspace_for

RENDER_HELP = N_(
    "Write the XDIS16 XML the tables prescribe for a citizen (the reference file a vendor "
    "diffs against)."
)


def cmd_render_xml(args: argparse.Namespace) -> int:
    from fsiii_mapper.conformance.expected import expected_for, layout_spec
    from fsiii_mapper.conformance.render import render_xml
    from fsiii_mapper.engine.populate import Engine
    from fsiii_mapper.io.atomic import atomic_write_text
    from fsiii_mapper.workspace import open_citizen

    ws = workspace_for(args)
    citizen = open_citizen(args.citizen)
    spec = layout_spec(ws.layout)
    data = render_xml(expected_for(Engine(ws), citizen, args.strategy, spec), spec)
    if args.output and args.output != "-":
        try:
            atomic_write_text(args.output, data.decode("utf-8"))
        except OSError as exc:
            raise InputError(
                t("cannot write the file: {reason}", reason=read_problem(exc)), args.output
            ) from None
    else:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    return 0


def _register_render(subparsers: argparse._SubParsersAction, epilog: str) -> None:  # type: ignore[type-arg]
    p = subparsers.add_parser(
        "render-xml",
        help=t(RENDER_HELP),
        description=t(RENDER_HELP),
        epilog=epilog,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.set_defaults(func=cmd_render_xml)
    p.add_argument("citizen", metavar="CITIZEN")
    strategy_option(p)
    p.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help=t(
            "write to FILE (default: standard output); name it <citizen id>.xml "
            "so check-vendor can match it by name as well"
        ),
    )
    pair_options(p)


CHECK_HELP = N_("Check vendors' XDIS16 report files against what the tables prescribe.")

EXIT_CODES = N_(
    """\
Exit codes of check-vendor:
  0  every file passes (warnings allowed unless --strict)
  1  findings: at least one error (or warning with --strict) in some file; a malformed,
     hostile or unmatched file is a finding, never a stop
  2  usage or input error (no such path, no XML files, bad citizen folder, unusable XSD)
  3  internal error (a bug: please report it)

Files are matched to citizens by the patient identifier in the XML (the citizen file's
'identifier' or 'cpr'); as a fallback by file name: <citizen id>.xml, <citizen id>_<anything>.xml,
or a name containing the identifier. Rule ids (FV001 …) are stable; see the SARIF rules list.

Content and form: a missing or extra field, a wrong score, a state or note missing from a problem
area are errors. Form findings (namespace, wrapper, element order, code system, root and letter
elements) are errors only where the report layout's entry is verified; where it rests on sibling
evidence (XD1834C) or is assumed they are warnings naming the entry (--strict-form: errors).
--strict makes every warning fail the run, content and form alike.
"""
)


def cmd_check_vendor(args: argparse.Namespace) -> int:
    from fsiii_mapper.conformance.batch import CheckConfig, Checker, collect_files, run_batch
    from fsiii_mapper.conformance.report_files import write_report, write_to
    from fsiii_mapper.conformance.report_text import summary_line
    from fsiii_mapper.workspace import citizens_dir

    if args.jobs < 1:
        raise InputError(t("--jobs must be at least 1"))
    if not math.isfinite(args.max_size) or args.max_size <= 0:
        raise InputError(t("--max-size must be a number of megabytes more than 0"))
    if args.xsd and not Path(args.xsd).is_file():
        raise InputError(t("no such XSD file"), args.xsd)
    files = collect_files(args.paths)
    if not files:
        raise InputError(
            t("no XML files found"),
            " ".join(args.paths),
            hint=t("give .xml files or folders containing them"),
        )
    config = CheckConfig(
        citizens_dir=Path(args.citizens) if args.citizens else citizens_dir(),
        strategy=args.strategy,
        data_dir=Path(args.data) if args.data else None,
        old_table=args.old,
        new_table=args.new,
        xsd=Path(args.xsd) if args.xsd else None,
        max_bytes=int(args.max_size * 1024 * 1024),
        lang=args.lang,
        strict_form=args.strict_form,
    )
    checker = Checker(config)
    show_progress = not args.quiet and sys.stderr.isatty() and len(files) > 1
    batch = run_batch(
        files,
        config,
        jobs=args.jobs,
        checker=checker,
        progress=Progress(sys.stderr) if show_progress else None,
        # The CLI runs no threads: on Linux, forked workers start at once.
        start_method="fork" if sys.platform.startswith("linux") else "spawn",
    )
    errors, warnings = batch.counts()
    to_file = bool(args.output and args.output != "-")
    # Streamed, to the file or to stdout: memory does not grow with the number of files.
    if to_file:
        try:
            write_report(batch, args.format, args.output, args.lang)
        except OSError as exc:
            raise InputError(
                t("cannot write the report: {reason}", reason=read_problem(exc)), args.output
            ) from None
    else:
        write_to(batch, args.format, sys.stdout, args.lang)
    if to_file or args.format != "text":
        # The text report ends with the summary; otherwise say it where a human sees it, and
        # keep a machine-readable report on stdout clean.
        print(summary_line(errors, warnings), file=sys.stdout if to_file else sys.stderr)
    return 1 if errors or (args.strict and warnings) else 0


def _register_check(subparsers: argparse._SubParsersAction, epilog: str) -> None:  # type: ignore[type-arg]
    p = subparsers.add_parser(
        "check-vendor",
        help=t(CHECK_HELP),
        description=t(CHECK_HELP),
        epilog=t(EXIT_CODES) + "\n" + epilog,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.set_defaults(func=cmd_check_vendor)
    p.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help=t("report files, or folders searched recursively for *.xml"),
    )
    p.add_argument(
        "--citizens",
        metavar="DIR",
        help=t("folder of citizen files (default: the shipped demo citizens)"),
    )
    strategy_option(p, "which table(s) the vendor applies")
    p.add_argument("--xsd", metavar="FILE", help=t("also validate every file against this XSD"))
    p.add_argument("--format", choices=CHECK_FORMATS, default="text", help=t("report format"))
    p.add_argument("-o", "--output", metavar="FILE", help=t("write the report to FILE"))
    p.add_argument(
        "--jobs",
        "-j",
        type=int,
        default=1,
        metavar="N",
        help=nt(
            "check in N processes (this machine has {n} CPU)",
            "check in N processes (this machine has {n} CPUs)",
            os.cpu_count() or 1,
        ),
    )
    p.add_argument(
        "--max-size",
        type=float,
        default=10.0,
        metavar="MB",
        help=t("refuse files larger than this (default: 10 MB)"),
    )
    p.add_argument("--strict", action="store_true", help=t("warnings also give exit code 1"))
    p.add_argument(
        "--strict-form",
        action="store_true",
        help=t(
            "report form findings (namespace, wrapper, element order, code system, root and "
            "letter elements) as errors even where the report layout's entry is only sibling "
            "evidence or assumed; by default they are warnings there"
        ),
    )
    p.add_argument("--quiet", "-q", action="store_true", help=t("no progress on the terminal"))
    pair_options(p)


def register(subparsers: argparse._SubParsersAction, epilog: str) -> None:  # type: ignore[type-arg]
    _register_render(subparsers, epilog)
    _register_check(subparsers, epilog)
