"""Plain-text rendering of reports, findings, diffs and gaps for the terminal."""

from __future__ import annotations

from fsiii_mapper import texts
from fsiii_mapper.analysis.fill import FieldGap
from fsiii_mapper.analysis.report_sheet import unused_state_line
from fsiii_mapper.analysis.table_diff import TableDiff
from fsiii_mapper.engine.report import AreaEntry, FieldResult, FunctionValue, Report
from fsiii_mapper.io.schema_errors import quoted
from fsiii_mapper.model import Citizen, MappingRow
from fsiii_mapper.rules.findings import counts, counts_text
from fsiii_mapper.rules.rule import severity_label
from fsiii_mapper.rules.table_rules import TableFinding
from fsiii_mapper.texts import nt, t
from fsiii_mapper.texts import reasons as words
from fsiii_mapper.workspace import Workspace

LABEL_WIDTH = 44


def _field_head(f: FieldResult) -> str:
    return f"  {f.code:<6}{f.label:<{LABEL_WIDTH - 7}} "


def report_text(
    rep: Report,
    lang: str | None = None,
    ws: Workspace | None = None,
    citizen: Citizen | None = None,
) -> str:
    out = [
        t("Citizen: {id} {name}", lang, id=rep.citizen_id, name=rep.citizen_name).rstrip(),
        t(
            "Rule: {strategy} – {reason}",
            lang,
            strategy=rep.strategy,
            reason=words.strategy_reason(rep.strategy_reason, lang),
        ),
        t("Tables: {tables}", lang, tables=", ".join(rep.tables_used)),
        "",
        f"{words.heading('function_item', lang)}:",
    ]
    pad = " " * (LABEL_WIDTH + 2)
    for f in [*rep.function_items, None, *rep.problem_areas]:
        if f is None:
            out += ["", f"{words.heading('problem_area', lang)}:"]
            continue
        head = _field_head(f)
        if f.empty_reason is not None:
            reason = words.empty_reason(f.empty_reason, lang)
            out.append(f"{head}— {words.empty_word(lang)}: {reason}")
            continue
        for i, c in enumerate(f.contributions):
            lead = head if i == 0 else pad
            name = words.display(c, lang)
            src = f"{name} ({c.source}, {c.status}, {c.table})" if c.uuid or c.display else name
            if isinstance(c, FunctionValue):
                score = c.score or words.no_score_word(lang)
                line = f"{lead}{score:<12} ← {src}"
                if f.allowed and i not in f.allowed:
                    line += f" – {words.not_sent(lang)}"
            else:
                assert isinstance(c, AreaEntry)
                text = words.area_entry_text(c, lang)
                line = f"{lead}{src}" + (f": {text}" if text else "")
            out.append(line)
        for flag in f.flags:
            out.append(f"{pad}⚠ {words.flag_text(flag, lang)}")
    if rep.unused:
        out += ["", f"{words.unused_heading(lang)}:"]
        for u in rep.unused:
            if ws is not None:
                out.append("  " + unused_state_line(ws, citizen, u, lang))
            else:
                out.append(f"  {u.code} ({u.status}): {words.unused_reason(u.reason, lang)}")
    return "\n".join(out) + "\n"


def findings_text(findings: list[TableFinding], lang: str | None = None) -> str:
    lines = [
        f"{f.location()}: {severity_label(f.severity, lang)} {f.rule} {f.name}: {f.message}"
        + (f" — {f.hint}" if f.hint else "")
        for f in findings
    ]
    lines.append(counts_text(*counts(findings), lang))
    return "\n".join(lines) + "\n"


def _table_name(table_id: str, file: str, lang: str | None) -> str:
    return t("{table} ({file})", lang, table=table_id, file=file) if file else table_id


def _diff_row(sign: str, r: MappingRow, lang: str | None) -> str:
    target = r.target or t("no field (no-map)", lang)
    return f"{sign} {r.source} → {target} [{r.relationship}, {r.review_status}]"


def diff_text(d: TableDiff, lang: str | None = None) -> str:
    """The differences between two tables for a person: both tables named, the ``table:``
    settings and rows that differ, values written as in the file (»draft« → »published«)."""
    a = _table_name(d.a, d.a_file, lang)
    b = _table_name(d.b, d.b_file, lang)
    if d.is_empty:
        return t("The tables are identical: {a} and {b}", lang, a=a, b=b) + "\n"
    out = [t("Table A: {name}", lang, name=a), t("Table B: {name}", lang, name=b)]
    if d.metadata:
        out.append(t("Settings of the table (table:) that differ:", lang))
        for k, (va, vb) in d.metadata.items():
            out.append(f"    {k}: {quoted(va, lang)} → {quoted(vb, lang)}")
    if d.removed:
        out.append(t("Rows only in A:", lang))
        out.extend(_diff_row("-", r, lang) for r in d.removed)
    if d.added:
        out.append(t("Rows only in B:", lang))
        out.extend(_diff_row("+", r, lang) for r in d.added)
    if d.changed:
        out.append(t("Rows that differ:", lang))
    for c in d.changed:
        out.append(f"~ {c.source} → {c.target or t('no field (no-map)', lang)}")
        for k, (va, vb) in c.changes.items():
            out.append(f"    {k}: {quoted(va, lang)} → {quoted(vb, lang)}")
    out.append(
        texts.t(
            "Settings: {metadata}, rows removed: {removed}, added: {added}, changed: {changed}",
            lang,
            metadata=len(d.metadata),
            removed=len(d.removed),
            added=len(d.added),
            changed=len(d.changed),
        )
    )
    return "\n".join(out) + "\n"


def gaps_text(
    gaps: list[FieldGap],
    rates: dict[str, dict[str, float]],
    n_citizens: int,
    lang: str | None = None,
) -> str:
    tables = list(gaps[0].sources) if gaps else []
    nothing = t("nothing", lang)
    out = []
    for g in gaps:
        parts = []
        for slot in tables:
            srcs = g.sources.get(slot) or []
            parts.append(f"{slot}: {', '.join(srcs) if srcs else nothing}")
        lost = f"  ⚠ {words.lost_note(lang)}" if g.lost else ""
        out.append(f"  {g.code:<6}{g.label:<37} {' | '.join(parts)}{lost}")
    if rates:
        out += [
            "",
            nt("Fill rate ({n} citizen):", "Fill rate ({n} citizens):", n_citizens, lang),
            "  " + " " * 44 + "".join(f"{s:>12}" for s in rates),
        ]
        for g in gaps:
            cells = "".join(f"{rates[s][g.code] * 100:>11.0f}%" for s in rates)
            out.append(f"  {g.code:<6}{g.label:<37} {cells}")
    return "\n".join(out) + "\n"
