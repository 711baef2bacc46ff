"""``gaps --bundles``: the population impact over KL gateway bundles, as text, CSV or JSON."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

from fsiii_mapper.errors import InputError
from fsiii_mapper.texts import nt, t
from fsiii_mapper_cli.options import ExitCode, Progress, dump_json

if TYPE_CHECKING:
    from fsiii_mapper.interchange.population import PopulationResult, Tally
    from fsiii_mapper.workspace import Workspace


def run(args: argparse.Namespace, ws: Workspace, strategies: list[str]) -> int:
    from fsiii_mapper.interchange.population import bundle_paths, population_impact

    if args.jobs is not None and args.jobs < 1:
        raise InputError(t("--jobs must be at least 1"))
    paths = bundle_paths(args.bundles, args.lang)
    if not paths:
        raise InputError(
            t("no FHIR Bundle files (*.json) found"),
            " ".join(args.bundles),
            hint=t("give FHIR Bundle files or folders of them"),
        )
    show_progress = sys.stderr.isatty() and len(paths) > 1
    result = population_impact(
        ws,
        paths,
        strategies,
        by_municipality=args.by_municipality,
        jobs=args.jobs,
        lang=args.lang,
        progress=Progress(sys.stderr) if show_progress else None,
    )
    labels = {code: ws.layout.label_of(code) for code in result.fields}
    if args.format == "json":
        sys.stdout.write(dump_json(_json(result, labels)))
    elif args.format == "csv":
        sys.stdout.write(_csv(result, labels))
    else:
        sys.stdout.write(_text(result, labels, args.lang))
    if result.unreadable and args.format != "text":
        for u in result.unreadable:
            print(_unreadable_line(u.file, u.line, u.message), file=sys.stderr)
    return ExitCode.FINDINGS if result.unreadable else ExitCode.OK


def _unreadable_line(file: str, line: int | None, message: str) -> str:
    return f"{file}{f':{line}' if line is not None else ''}: {message}"


def _group_json(result: PopulationResult, tally: Tally) -> dict[str, Any]:
    return {
        "citizens": tally.citizens,
        "fill_rates": result.rates(tally),
        "filled": {s: {c: tally.count(s, c) for c in result.fields} for s in result.strategies},
        "lost": {c: tally.lost[c] for c in result.fields},
    }


def _json(result: PopulationResult, labels: dict[str, str]) -> dict[str, Any]:
    return {
        "bundles": result.bundles,
        "unreadable": [u.to_json() for u in result.unreadable],
        "strategies": result.strategies,
        "fields": [{"code": c, "label": labels[c]} for c in result.fields],
        **_group_json(result, result.total),
        "municipalities": [
            {"municipality": key, **_group_json(result, tally)}
            for key, tally in sorted(result.municipalities.items())
        ],
    }


def _csv(result: PopulationResult, labels: dict[str, str]) -> str:
    """One row per field, for the whole population (municipality empty) and per municipality."""
    import csv
    import io

    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(
        [
            "municipality",
            "field",
            "label",
            "citizens",
            *(f"filled_{s}" for s in result.strategies),
            *(f"rate_{s}" for s in result.strategies),
            "lost",
        ]
    )
    groups = [("", result.total), *sorted(result.municipalities.items())]
    for key, tally in groups:
        for code in result.fields:
            w.writerow(
                [
                    key,
                    code,
                    labels[code],
                    tally.citizens,
                    *(tally.count(s, code) for s in result.strategies),
                    *(f"{tally.rate(s, code):.4f}" for s in result.strategies),
                    tally.lost[code],
                ]
            )
    return out.getvalue()


def _table(
    result: PopulationResult, tally: Tally, labels: dict[str, str], lang: str | None
) -> list[str]:
    lost = t("lost", lang)
    rows = ["  " + " " * 44 + "".join(f"{s:>12}" for s in result.strategies) + f"{lost:>10}"]
    for code in result.fields:
        cells = "".join(f"{tally.rate(s, code) * 100:>11.0f}%" for s in result.strategies)
        rows.append(f"  {code:<6}{labels[code]:<37} {cells}{tally.lost[code]:>10}")
    return rows


def _text(result: PopulationResult, labels: dict[str, str], lang: str | None) -> str:
    n = result.total.citizens
    out = [nt("Fill rate ({n} citizen):", "Fill rate ({n} citizens):", n, lang)]
    out += _table(result, result.total, labels, lang)
    out += [
        "",
        t(
            "lost: citizens whose field the old table fills and the simplified table leaves empty",
            lang,
        ),
    ]
    unknown = t("(no managing organisation)", lang)
    for key, tally in sorted(result.municipalities.items()):
        out += [
            "",
            nt(
                "Municipality {municipality} ({n} citizen):",
                "Municipality {municipality} ({n} citizens):",
                tally.citizens,
                lang,
                municipality=key or unknown,
            ),
        ]
        out += _table(result, tally, labels, lang)
    if result.unreadable:
        out += [
            "",
            nt(
                "{n} bundle could not be read (of {total}):",
                "{n} bundles could not be read (of {total}):",
                len(result.unreadable),
                lang,
                total=result.bundles,
            ),
        ]
        out += ["  " + _unreadable_line(u.file, u.line, u.message) for u in result.unreadable]
    return "\n".join(out) + "\n"
