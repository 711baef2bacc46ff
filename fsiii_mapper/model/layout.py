"""The Indlæggelsesrapport (XDIS16) layout as data: fields, score words, the XML message.

Every entry says on what ground it stands (``evidence``): ``verified`` (read in XD1634C material),
``sibling`` (seen in the sibling discharge report XD1834C or another 1.0.x message) or ``assumed``.

Report fields have a stable ``id`` (``FA510``, ``I1`` …) that mapping tables target, kept apart from
the ``report_code`` and ``code_system`` the XML carries: correcting the latter never touches a
table. The ``xml`` section describes the message as a tree of elements (``children`` name other
entries, in document order), each in a namespace of ``namespaces``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from fsiii_mapper.model.common import Evidence, Strict

FieldKind = Literal["function_item", "problem_area"]
Level9 = Literal["omit", "word", "empty-score"]

EVIDENCE_RANK: dict[str, int] = {"assumed": 0, "sibling": 1, "verified": 2}


def weakest(*levels: Evidence) -> Evidence:
    """The weakest of ``levels``: a fact resting on an assumption is an assumption."""
    return min(levels, key=lambda e: EVIDENCE_RANK[e])


@dataclass(slots=True, kw_only=True)
class ReportField(Strict):
    """A report field a mapping table can fill: a function item or a nursing problem area."""

    id: str  # stable: what tables target
    label: str  # the code description written in the report
    report_code: str  # the code the XML carries
    code_system: str  # the code system the XML carries
    evidence: Evidence  # of report_code, code_system and label together
    note: str = ""


@dataclass(slots=True, kw_only=True)
class ScoreWord(Strict):
    level: int
    word: str | None
    label: str
    evidence: Evidence
    note: str = ""


@dataclass(slots=True, kw_only=True)
class Namespace(Strict):
    uri: str
    evidence: Evidence
    note: str = ""


@dataclass(slots=True, kw_only=True)
class XmlElement(Strict):
    """One element of the message.

    ``namespace`` names an entry of ``namespaces``; a file may also use any of ``accept`` without
    a finding (where the evidence is ambiguous). ``fixed`` is a value the element must hold
    (checked; ``fixed_evidence`` says on what ground), ``sample`` a clearly fictional value that
    only the golden file carries (never checked; ``{letter_id}``, ``{date}``, ``{time}`` are
    filled in)."""

    value: str  # local name
    namespace: str = "message"
    accept: list[str] = field(default_factory=list)
    evidence: Evidence
    children: list[str] = field(default_factory=list)
    fixed: str | None = None
    fixed_evidence: Evidence | None = None
    sample: str | None = None
    note: str = ""


@dataclass(slots=True, kw_only=True)
class ReportLayout(Strict):
    id: str
    title: str
    message_type: str
    version: str
    function_items: list[ReportField]
    problem_areas: list[ReportField]
    scores: list[ScoreWord]
    level_9: Level9 = "omit"
    """What a function item at level 9 (ikke relevant) becomes: ``omit`` (no element),
    ``word`` (the element with level 9's score word) or ``empty-score`` (the element with an
    empty ``Score``). Unknown for XD1634C (DOMAIN.md §5), so ``level_9_evidence`` says why."""
    level_9_evidence: Evidence = "assumed"
    namespaces: dict[str, Namespace] = field(default_factory=dict)
    xml: dict[str, XmlElement] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.level_9 == "word" and not self.score_for(9):
            raise ValueError("level_9 is 'word', but level 9 has no score word under 'scores'")
        ids = [f.id for f in (*self.function_items, *self.problem_areas)]
        twice = sorted({i for i in ids if ids.count(i) > 1})
        if twice:
            raise ValueError(f"field ids occur twice: {', '.join(twice)}")
        for key, el in self.xml.items():
            for ns in (el.namespace, *el.accept):
                if ns not in self.namespaces:
                    raise ValueError(f"xml.{key}: no namespace {ns!r} under 'namespaces'")
            for child in el.children:
                if child not in self.xml:
                    raise ValueError(f"xml.{key}: child {child!r} is not an entry of 'xml'")

    def fields(self) -> list[ReportField]:
        return [*self.function_items, *self.problem_areas]

    def field(self, field_id: str) -> ReportField | None:
        return next((f for f in self.fields() if f.id == field_id), None)

    def kind_of(self, field_id: str) -> FieldKind | None:
        if any(f.id == field_id for f in self.function_items):
            return "function_item"
        if any(a.id == field_id for a in self.problem_areas):
            return "problem_area"
        return None

    def label_of(self, field_id: str) -> str:
        f = self.field(field_id)
        return f.label if f is not None else field_id

    def score_for(self, level: int | None) -> str | None:
        """The score word written for ``level``; "" for level 9 under ``empty-score``."""
        if level is None:
            return None
        if level == 9 and self.level_9 == "empty-score":
            return ""
        for s in self.scores:
            if s.level == level:
                return s.word
        return None

    def field_codes(self) -> list[str]:
        """The field ids, function items first, in layout order."""
        return [f.id for f in self.fields()]
