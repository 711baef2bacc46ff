"""XML names of the report, resolved from the layout's ``namespaces`` and ``xml`` sections.

Nothing here knows an element name: every name, namespace, child order and fixed value comes from
``report_layout.yaml``. Code knows only the *roles* of some entries (the keys below: where the
function items go, which element holds a problem area's text …); every other entry is structure
the golden file writes and the checker follows.
"""

from __future__ import annotations

from dataclasses import dataclass

from fsiii_mapper.errors import InputError
from fsiii_mapper.model import Evidence, ReportLayout
from fsiii_mapper.model.layout import weakest
from fsiii_mapper.texts.labels import EVIDENCE_LABELS, label

REQUIRED_KEYS: tuple[str, ...] = (
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
# Roles whose content comes from the citizen, not from the layout.
DYNAMIC_KEYS: frozenset[str] = frozenset(
    {"letter_identifier", "patient_identifier", "function_item", "problem_area"}
)
# Containers written only when they hold something.
CONTENT_CONTAINERS: tuple[str, ...] = ("function_ability", "nursing")
LETTER_ID_PLACEHOLDER = "{letter_id}"


def evidence_label(evidence: str, lang: str | None = None) -> str:
    """``verificeret`` / ``søskendebevis`` / ``antaget``."""
    return label(EVIDENCE_LABELS, evidence, lang)


def split_clark(name: str) -> tuple[str, str]:
    """``{uri}local`` → (uri, local); a plain name has namespace ''."""
    if name.startswith("{"):
        uri, _, local = name[1:].partition("}")
        return uri, local
    return "", name


@dataclass(frozen=True)
class Element:
    """One layout entry of the ``xml`` section, resolved."""

    key: str
    clark: str  # ``{uri}Local`` in the entry's own namespace
    local: str
    namespaces: frozenset[str]  # every URI a file may use without a finding
    evidence: Evidence  # of the name and its namespace together (the weaker of the two)
    children: tuple[str, ...]
    fixed: str | None
    fixed_evidence: Evidence
    sample: str | None

    @property
    def uri(self) -> str:
        return split_clark(self.clark)[0]

    @property
    def entry(self) -> str:
        """How findings name this entry of the layout file."""
        return f"xml.{self.key}"


@dataclass(frozen=True)
class XmlNames:
    """The message's elements per layout key."""

    namespace: str  # the main (message) namespace: the default namespace of a written file
    elements: dict[str, Element]

    def get(self, key: str) -> str | None:
        el = self.elements.get(key)
        return None if el is None else el.clark

    def local(self, key: str) -> str | None:
        el = self.elements.get(key)
        return None if el is None else el.local

    def ns_of(self, key: str) -> str:
        el = self.elements.get(key)
        return "" if el is None else el.uri

    def uris(self) -> list[str]:
        """Every namespace an element is written in, the main one first."""
        out = [self.namespace]
        for el in self.elements.values():
            if el.uri not in out:
                out.append(el.uri)
        return out


def xml_names(layout: ReportLayout) -> XmlNames:
    xml = layout.xml
    missing = [k for k in REQUIRED_KEYS if k not in xml or not xml[k].value.strip()]
    if missing or "message" not in layout.namespaces:
        raise InputError(
            "the report layout has no XML name for: "
            + ", ".join(missing or ["namespaces.message"]),
            hint="add them under 'xml:' (and 'namespaces:') in report_layout.yaml",
        )
    spaces = layout.namespaces
    elements: dict[str, Element] = {}
    for key, entry in xml.items():
        home = spaces[entry.namespace]
        uri = home.uri.strip()
        local = entry.value.strip()
        elements[key] = Element(
            key=key,
            clark=f"{{{uri}}}{local}",
            local=local,
            namespaces=frozenset({uri, *(spaces[a].uri.strip() for a in entry.accept)}),
            evidence=weakest(entry.evidence, home.evidence),
            children=tuple(entry.children),
            fixed=entry.fixed,
            fixed_evidence=entry.fixed_evidence or entry.evidence,
            sample=entry.sample,
        )
    return XmlNames(spaces["message"].uri.strip(), elements)
