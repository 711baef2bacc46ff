"""Plain-text report: one line per finding, then a summary like the FHIR validator's."""

from __future__ import annotations

from fsiii_mapper.conformance.batch import BatchResult
from fsiii_mapper.conformance.findings import VendorFinding
from fsiii_mapper.texts.catalog import lookup

_TEXTS = {
    "expected": {"da": "forventet", "en": "expected"},
    "actual": {"da": "fundet", "en": "found"},
    "absent": {"da": "(intet)", "en": "(none)"},
    "files": {
        "da": "{checked} af {total} filer tjekket: {passed} bestået, {failed} med fejl, "
        "{unmatched} uden borger",
        "en": "{checked} of {total} files checked: {passed} passed, {failed} with errors, "
        "{unmatched} without a citizen",
    },
    "cancelled": {
        "da": "Afbrudt – resten er ikke tjekket",
        "en": "Cancelled – the rest was not checked",
    },
    "error": {"da": "fejl", "en": "error"},
    "warning": {"da": "advarsel", "en": "warning"},
}


def _t(key: str, lang: str | None, **params: object) -> str:
    return lookup(_TEXTS, key, lang, **params)


def _short(value: str | None, lang: str | None, most: int = 120) -> str:
    if value is None:
        return _t("absent", lang)
    flat = " ".join(value.split())
    return repr(flat if len(flat) <= most else flat[: most - 1] + "…")


def summary_line(errors: int, warnings: int) -> str:
    """``Success: 0 errors, 2 warnings`` / ``*FAILURE*: 3 errors, 0 warnings`` (not translated:
    CI scripts grep for it)."""
    head = "*FAILURE*" if errors else "Success"
    return f"{head}: {errors} errors, {warnings} warnings"


def finding_line(f: VendorFinding, lang: str | None = None) -> str:
    where = f.file + (f":{f.line}" if f.line else "")
    text = f"{where}: {_t(f.severity, lang)} {f.rule} {f.message}"
    if f.expected is not None or f.actual is not None:
        text += (
            f" — {_t('expected', lang)} {_short(f.expected, lang)}, "
            f"{_t('actual', lang)} {_short(f.actual, lang)}"
        )
    if f.xpath:
        text += f" [{f.xpath}]"
    return text


def batch_text(batch: BatchResult, lang: str | None = None) -> str:
    lines = [finding_line(f, lang) for r in batch.results for f in r.findings]
    passed = sum(1 for r in batch.results if r.passed)
    unmatched = sum(1 for r in batch.results if any(f.rule == "FV010" for f in r.findings))
    if lines:
        lines.append("")
    lines.append(
        _t(
            "files",
            lang,
            checked=len(batch.results),
            total=batch.total,
            passed=passed,
            failed=len(batch.results) - passed,
            unmatched=unmatched,
        )
    )
    if batch.cancelled:
        lines.append(_t("cancelled", lang))
    lines.append(summary_line(*batch.counts()))
    return "\n".join(lines) + "\n"
