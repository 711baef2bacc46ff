"""XML names of the report, resolved from the layout's ``xml`` section.

Nothing here knows an element name: every name comes from ``report_layout.yaml``. A value may
be a plain local name (placed in the layout's ``namespace``) or a Clark name ``{uri}Local`` for an
element that lives in another namespace (e.g. the shared ``…:1.0.0`` parts), so correcting the
layout file is enough to change what is written and what is checked.
"""

from __future__ import annotations

from dataclasses import dataclass

from fsiii_mapper.errors import InputError
from fsiii_mapper.model import ReportLayout

# Layout keys naming elements, in the order the report nests them.
ELEMENT_KEYS: tuple[str, ...] = (
    "root",
    "envelope",
    "report",
    "letter",
    "letter_identifier",
    "version_code",
    "type_code",
    "status_code",
    "authorisation",
    "patient",
    "patient_identifier",
    "function_ability",
    "function_item",
    "terminology",
    "code",
    "code_system",
    "code_description",
    "score",
    "comment",
    "nursing",
    "problem_area",
    "problem_area_text",
)
REQUIRED_KEYS: tuple[str, ...] = (
    "namespace",
    "root",
    "report",
    "function_item",
    "terminology",
    "code",
    "code_system",
    "code_description",
    "score",
    "problem_area",
    "problem_area_text",
)
# Letter header children: (element key, value key) — the value key may be absent from the layout.
LETTER_FIELDS: tuple[tuple[str, str], ...] = (
    ("letter_identifier", ""),
    ("version_code", "version_code_value"),
    ("type_code", "type_code_value"),
    ("status_code", "status_code_value"),
    ("authorisation", "authorisation_value"),
)


def split_clark(name: str) -> tuple[str, str]:
    """``{uri}local`` → (uri, local); a plain name has namespace ''."""
    if name.startswith("{"):
        uri, _, local = name[1:].partition("}")
        return uri, local
    return "", name


@dataclass(frozen=True)
class XmlNames:
    """Clark names (``{uri}Local``) per layout key, plus the fixed values of the letter header."""

    namespace: str
    shared_namespace: str
    clark: dict[str, str]
    values: dict[str, str]

    def get(self, key: str) -> str | None:
        return self.clark.get(key)

    def local(self, key: str) -> str | None:
        name = self.clark.get(key)
        return None if name is None else split_clark(name)[1]

    def ns_of(self, key: str) -> str:
        name = self.clark.get(key)
        return "" if name is None else split_clark(name)[0]


def xml_names(layout: ReportLayout) -> XmlNames:
    xml = layout.xml
    missing = [k for k in REQUIRED_KEYS if k not in xml or not xml[k].value.strip()]
    if missing:
        raise InputError(
            "the report layout has no XML name for: " + ", ".join(missing),
            hint="add them under 'xml:' in report_layout.yaml",
        )
    ns = xml["namespace"].value.strip()
    shared = xml["shared_namespace"].value.strip() if "shared_namespace" in xml else ""
    clark: dict[str, str] = {}
    for key in ELEMENT_KEYS:
        if key not in xml or not xml[key].value.strip():
            continue
        value = xml[key].value.strip()
        clark[key] = value if value.startswith("{") else f"{{{ns}}}{value}"
    values = {vkey: xml[vkey].value for _, vkey in LETTER_FIELDS if vkey and vkey in xml}
    return XmlNames(ns, shared, clark, values)
