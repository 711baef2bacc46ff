"""Findings of the vendor checker: stable rule ids, severities and texts (Danish and English).

Rule ids never change meaning; a retired rule's id is never reused. ``FV0xx`` are about the file
as a whole, ``FV1xx`` about function items, ``FV2xx`` about problem areas.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any, Literal

from fsiii_mapper.texts.catalog import default_lang

Severity = Literal["error", "warning"]
DOCUMENT = "document"  # pseudo field of findings about the file as a whole


@dataclass(frozen=True)
class Rule:
    id: str
    name: str  # short kebab-case name, used in SARIF
    severity: Severity
    da: str
    en: str

    def text(self, lang: str | None = None) -> str:
        return self.en if (lang or default_lang()) == "en" else self.da


_RULES = (
    Rule("FV001", "unreadable-file", "error", "Filen kan ikke læses", "The file cannot be read"),
    Rule(
        "FV002",
        "file-too-large",
        "error",
        "Filen er større end grænsen og læses ikke",
        "The file is larger than the limit and is not read",
    ),
    Rule(
        "FV003",
        "not-well-formed",
        "error",
        "Filen er ikke velformet XML",
        "The file is not well-formed XML",
    ),
    Rule(
        "FV004",
        "dtd-not-allowed",
        "error",
        "Filen indeholder en DTD eller entitetserklæring; den afvises af sikkerhedshensyn",
        "The file contains a DTD or entity declaration; it is refused for safety",
    ),
    Rule(
        "FV005",
        "too-deep",
        "error",
        "Elementerne er indlejret for dybt",
        "Elements are nested too deeply",
    ),
    Rule(
        "FV006",
        "bad-encoding",
        "error",
        "Filen har ugyldig tegnkodning",
        "The file has an invalid character encoding",
    ),
    Rule("FV007", "empty-file", "error", "Filen er tom", "The file is empty"),
    Rule(
        "FV008",
        "xsd-invalid",
        "error",
        "Filen overholder ikke XSD-skemaet",
        "The file does not conform to the XSD",
    ),
    Rule(
        "FV010",
        "unmatched-file",
        "error",
        "Filen kan ikke knyttes til en borger (hverken patient-id eller filnavn passer)",
        "The file cannot be matched to a citizen (neither patient identifier nor file name)",
    ),
    Rule(
        "FV011",
        "patient-identifier-missing",
        "error",
        "Patient-id mangler",
        "The patient identifier is missing",
    ),
    Rule(
        "FV012",
        "patient-identifier-wrong",
        "error",
        "Patient-id er ikke borgerens",
        "The patient identifier is not the citizen's",
    ),
    Rule("FV020", "wrong-namespace", "error", "Forkert XML-navnerum", "Wrong XML namespace"),
    Rule("FV021", "wrong-root", "error", "Forkert rodelement", "Wrong root element"),
    Rule(
        "FV022",
        "wrong-letter-header",
        "error",
        "Forkert værdi i brevhovedet",
        "Wrong value in the letter header",
    ),
    Rule(
        "FV023",
        "misplaced-element",
        "warning",
        "Elementet står et uventet sted",
        "The element is in an unexpected place",
    ),
    Rule(
        "FV101",
        "function-item-missing",
        "error",
        "Funktionsevnefelt mangler",
        "Function item missing",
    ),
    Rule(
        "FV102",
        "function-item-unexpected",
        "error",
        "Funktionsevnefelt, som tabellerne ikke udfylder for borgeren",
        "Function item the tables do not fill for this citizen",
    ),
    Rule("FV103", "wrong-score", "error", "Forkert scoreord", "Wrong score word"),
    Rule(
        "FV104",
        "function-item-wrong-code",
        "error",
        "Ukendt eller forkert kode",
        "Unknown or wrong code",
    ),
    Rule(
        "FV105",
        "function-item-wrong-code-system",
        "error",
        "Forkert kodesystem",
        "Wrong code system",
    ),
    Rule(
        "FV106",
        "function-item-wrong-description",
        "error",
        "Forkert kodebeskrivelse",
        "Wrong code description",
    ),
    Rule(
        "FV107",
        "function-item-duplicate",
        "error",
        "Funktionsevnefelt forekommer for mange gange",
        "Function item occurs too many times",
    ),
    Rule(
        "FV108",
        "comment-differs",
        "warning",
        "Kommentaren afviger fra dokumentationen",
        "The comment differs from the documentation",
    ),
    Rule(
        "FV109",
        "score-not-expected",
        "warning",
        "Scoreord, hvor niveauet ikke har noget scoreord",
        "Score word where the level has none",
    ),
    Rule("FV201", "problem-area-missing", "error", "Problemområde mangler", "Problem area missing"),
    Rule(
        "FV202",
        "problem-area-unexpected",
        "error",
        "Problemområde, som tabellerne ikke udfylder for borgeren",
        "Problem area the tables do not fill for this citizen",
    ),
    Rule(
        "FV203",
        "problem-area-state-missing",
        "error",
        "Problemområdets tekst nævner ikke en tilstand, den skal indeholde",
        "The problem area text does not mention a state it should contain",
    ),
    Rule(
        "FV204",
        "problem-area-wrong-code",
        "error",
        "Ukendt eller forkert kode",
        "Unknown or wrong code",
    ),
    Rule(
        "FV205",
        "problem-area-wrong-code-system",
        "error",
        "Forkert kodesystem",
        "Wrong code system",
    ),
    Rule(
        "FV206",
        "problem-area-wrong-description",
        "error",
        "Forkert kodebeskrivelse",
        "Wrong code description",
    ),
    Rule(
        "FV207",
        "problem-area-duplicate",
        "error",
        "Problemområdet forekommer flere gange",
        "The problem area occurs more than once",
    ),
)
RULES: dict[str, Rule] = {r.id: r for r in _RULES}


@dataclass(frozen=True)
class VendorFinding:
    rule: str
    severity: Severity
    message: str
    file: str
    line: int | None = None
    xpath: str = ""
    field: str | None = None  # report field code (FA510, I3 …) the finding is about
    expected: str | None = None
    actual: str | None = None

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def finding(
    rule_id: str,
    file: str,
    lang: str | None = None,
    *,
    detail: str = "",
    line: int | None = None,
    xpath: str = "",
    field: str | None = None,
    expected: str | None = None,
    actual: str | None = None,
) -> VendorFinding:
    rule = RULES[rule_id]
    message = rule.text(lang)
    if field and field != DOCUMENT:
        message = f"{field}: {message}"
    if detail:
        message = f"{message} ({detail})"
    return VendorFinding(
        rule.id, rule.severity, message, file, line, xpath, field, expected, actual
    )


def counts(findings: list[VendorFinding]) -> tuple[int, int]:
    errors = sum(1 for f in findings if f.severity == "error")
    return errors, len(findings) - errors
