"""What the mapping tables prescribe for one citizen's report, as plain (picklable) data.

The reference renderer writes exactly this, and the checker compares vendors' files against it,
so a reference file always checks clean. Report content is Danish whatever the UI language.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from fsiii_mapper.conformance.names import XmlNames, xml_names
from fsiii_mapper.engine.populate import Engine
from fsiii_mapper.engine.report import AREA_NOTE_SOURCE, AreaEntry, FunctionValue, Report
from fsiii_mapper.model import Citizen, ReportLayout
from fsiii_mapper.texts.reasons import area_entry_text, area_note_label

REPORT_LANG = "da"  # the report goes to a Danish hospital: its content is always Danish


LETTER_ID_MAX = 14  # characters of Letter/Identifier in the 1.0.x schemas


@dataclass(frozen=True)
class FieldSpec:
    code: str  # the field id tables target (FA510, I1 …)
    kind: str  # 'function_item' | 'problem_area'
    report_code: str  # the code the XML carries
    code_system: str
    description: str
    evidence: str  # of report_code, code_system and description


@dataclass(frozen=True)
class LayoutSpec:
    """The parts of the report layout the renderer and the checker need."""

    names: XmlNames
    version: str
    fields: tuple[FieldSpec, ...]

    def field(self, code: str) -> FieldSpec | None:
        for f in self.fields:
            if f.code == code:
                return f
        return None

    def codes(self, kind: str) -> list[str]:
        return [f.code for f in self.fields if f.kind == kind]


def layout_spec(layout: ReportLayout) -> LayoutSpec:
    fields = [
        FieldSpec(f.id, kind, f.report_code, f.code_system, f.label, f.evidence)
        for kind, group in (
            ("function_item", layout.function_items),
            ("problem_area", layout.problem_areas),
        )
        for f in group
    ]
    return LayoutSpec(xml_names(layout), layout.version, tuple(fields))


@dataclass(frozen=True)
class ItemValue:
    """One value a function item's element may carry: a contributing state's score and note."""

    score: str | None  # None: no score word is written (no level)
    comment: str
    source: str
    status: str
    level: int | None

    def describe(self) -> str:
        """``J3.5 (aktiv): moderate`` – for findings."""
        return f"{self.source} ({self.status}): {self.score or ''}".rstrip(": ")


@dataclass(frozen=True)
class ExpectedItem:
    """The one ``function_item`` element of a filled function item.

    Several states may fill it; the rule's ``collapse`` decides which of their values the
    element may carry (``options``, the first of them is what the reference file writes), and
    ``sources`` lists every contribution, allowed or not."""

    code: str  # field id
    report_code: str
    code_system: str
    description: str
    options: tuple[ItemValue, ...]
    sources: tuple[ItemValue, ...] = ()

    @property
    def chosen(self) -> ItemValue:
        return self.options[0]

    @property
    def score(self) -> str | None:
        return self.chosen.score

    @property
    def comment(self) -> str:
        return self.chosen.comment

    @property
    def source(self) -> str:
        return self.chosen.source

    @property
    def level(self) -> int | None:
        return self.chosen.level

    def option_for(self, score: str | None) -> ItemValue | None:
        """The first allowed value with this score (``None`` or ``""``: no score word)."""
        return next((o for o in self.options if (o.score or None) == (score or None)), None)

    @property
    def several(self) -> bool:
        """Several different values were allowed: the file carries one of them."""
        return len({(o.score, o.comment) for o in self.options}) > 1


@dataclass(frozen=True)
class ExpectedEntry:
    """One thing a problem area's free text must mention."""

    source: str  # state key, or AREA_NOTE_SOURCE
    display: str
    uuid: str | None
    note: str

    @property
    def is_area_note(self) -> bool:
        return self.uuid is None and self.source == AREA_NOTE_SOURCE

    def needles(self) -> tuple[str, ...]:
        """Any one of these in the area text shows the entry is there."""
        if self.is_area_note:
            return (self.note,)
        return tuple(n for n in (self.display, self.source, self.uuid) if n)

    def line(self) -> str:
        return f"{self.display}: {self.note}" if self.note else self.display


@dataclass(frozen=True)
class ExpectedArea:
    code: str  # field id
    report_code: str
    code_system: str
    description: str
    entries: tuple[ExpectedEntry, ...]

    @property
    def text(self) -> str:
        return "\n".join(e.line() for e in self.entries)


@dataclass(frozen=True)
class ExpectedReport:
    citizen_id: str
    identifier: str | None
    strategy: str
    letter_id: str
    items: tuple[ExpectedItem, ...]
    areas: tuple[ExpectedArea, ...]


def expected_from_report(report: Report, citizen: Citizen, spec: LayoutSpec) -> ExpectedReport:
    items: list[ExpectedItem] = []
    for fr in report.function_items:
        fs = spec.field(fr.code)
        assert fs is not None
        if not fr.contributions:
            continue
        values = []
        for v in fr.contributions:
            assert isinstance(v, FunctionValue)
            values.append(ItemValue(v.score, v.note.strip(), v.source, v.status, v.level))
        allowed = fr.allowed or list(range(len(values)))
        options = tuple(dict.fromkeys(values[i] for i in allowed))
        items.append(
            ExpectedItem(
                fr.code,
                fs.report_code,
                fs.code_system,
                fs.description,
                options,
                tuple(values) if len(values) > 1 else (),
            )
        )
    areas: list[ExpectedArea] = []
    for fr in report.problem_areas:
        if not fr.contributions:
            continue
        fs = spec.field(fr.code)
        assert fs is not None
        entries = []
        for e in fr.contributions:
            assert isinstance(e, AreaEntry)
            display = area_note_label(REPORT_LANG) if e.is_area_note else e.display
            entries.append(
                ExpectedEntry(e.source, display, e.uuid, area_entry_text(e, REPORT_LANG))
            )
        areas.append(
            ExpectedArea(fr.code, fs.report_code, fs.code_system, fs.description, tuple(entries))
        )
    return ExpectedReport(
        citizen_id=citizen.id,
        identifier=normalise_identifier(citizen.identifier),
        strategy=report.strategy,
        letter_id=letter_id(citizen.id, report.strategy),
        items=tuple(items),
        areas=tuple(areas),
    )


def letter_id(citizen_id: str, strategy: str) -> str:
    """A golden file's letter identifier: the citizen id's letters and digits, then the
    strategy's initial (``demo01-C``), within the schemas' 14 characters."""
    stem = re.sub(r"[^0-9A-Za-z]", "", citizen_id)[: LETTER_ID_MAX - 2] or "x"
    return f"{stem}-{strategy[:1].upper()}"


def expected_for(
    engine: Engine, citizen: Citizen, strategy: str, spec: LayoutSpec | None = None
) -> ExpectedReport:
    """The expected report of ``citizen`` under ``strategy``."""
    spec = spec or layout_spec(engine.ws.layout)
    return expected_from_report(engine.populate(citizen, strategy), citizen, spec)


def normalise_identifier(value: str | None) -> str | None:
    """A patient identifier without spaces and hyphens (``010101-0001`` → ``0101010001``)."""
    if value is None:
        return None
    value = str(value)
    if value.isdigit():
        return value
    out = "".join(ch for ch in value if not ch.isspace() and ch != "-")
    return out or None
