"""``docs/regler.md``, generated from the rule registry: every rule with its id, name, severity,
title (also in English), help and hint.

Regenerate after changing a declaration (tests/test_rules_registry.py fails while it is stale)::

    python -m fsiii_mapper.rules.docs > docs/regler.md
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from fsiii_mapper.rules.registry import FAMILIES
from fsiii_mapper.rules.rule import Rule, severity_label
from fsiii_mapper.texts import LANGS, N_, t

_FAMILY_HEADINGS = {
    "table": N_("Mapping tables (FM…)"),
    "citizen": N_("Citizen files (FC…)"),
    "vendor": N_("Vendor report files (FV…)"),
}
_FAMILY_INTROS = {
    "table": N_(
        "Checked by `fsiii-mapper validate`, in the editor's validation panel and before every "
        "export. A table with errors is never exported; warnings need consent."
    ),
    "citizen": N_(
        "Checked by `fsiii-mapper citizen validate`; the preview lists what such a file "
        "leaves out of the report."
    ),
    "vendor": N_(
        "Checked by `fsiii-mapper check-vendor` and in the vendor tab, for every admission "
        "report file against the citizen's expected report. Errors fail the check; warnings "
        "fail it only with `--strict`."
    ),
}


def _section(r: Rule, lang: str) -> list[str]:
    lines = [
        f'<a id="{r.id}"></a>',
        "",
        f"### {r.id} {r.name}",
        "",
        f"**{r.title_text(lang)}**",
        "",
    ]
    if lang != "en":
        english = t("English: {title}", lang, title=r.title_text("en"))
        lines += [f"*{english}*", ""]
    lines += [
        t("Severity: {severity}", lang, severity=severity_label(r.severity, lang)),
        "",
        r.help_text(lang),
        "",
        t("What to do: {hint}", lang, hint=r.hint_text(lang)),
        "",
    ]
    return lines


def rules_doc(lang: str = "da") -> str:
    """The whole rules document in ``lang`` (Markdown)."""
    columns = [t("Rule", lang), t("Name", lang), t("Severity", lang), t("Title", lang)]
    lines = [
        "<!-- "
        + t(
            "Generated from the rule registry (fsiii_mapper/rules) by "
            "`python -m fsiii_mapper.rules.docs`; do not edit by hand.",
            lang,
        )
        + " -->",
        "",
        "# " + t("Rules", lang),
        "",
        t(
            "Every finding of fsiii-mapper names a rule. Its id (FM001, FV203 …) and name never "
            "change meaning, so reports, CI scripts and SARIF dashboards can rely on them; a "
            "retired id is never reused. The severity is the rule's default.",
            lang,
        ),
        "",
    ]
    for family, rules in FAMILIES.items():
        lines += [
            "## " + t(_FAMILY_HEADINGS[family], lang),
            "",
            t(_FAMILY_INTROS[family], lang),
            "",
            "| " + " | ".join(columns) + " |",
            "|---|---|---|---|",
        ]
        lines += [
            f"| [{r.id}](#{r.id}) | `{r.name}` | {severity_label(r.severity, lang)} "
            f"| {r.title_text(lang)} |"
            for r in rules
        ]
        lines.append("")
        for r in rules:
            lines += _section(r, lang)
    return "\n".join(lines).rstrip("\n") + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    p = argparse.ArgumentParser(
        prog="python -m fsiii_mapper.rules.docs", description="Print docs/regler.md."
    )
    p.add_argument("--lang", choices=LANGS, default="da", help="language (default: da)")
    args = p.parse_args(argv)
    sys.stdout.buffer.write(rules_doc(args.lang).encode("utf-8"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
