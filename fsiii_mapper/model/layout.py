"""The Indlæggelsesrapport (XDIS16) layout as data: fields, score words, XML names."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from fsiii_mapper.model.common import Evidence, Strict

FieldKind = Literal["function_item", "problem_area"]


class FunctionItem(Strict):
    code: str
    label: str
    code_system: str = "icf"
    evidence: Evidence
    note: str = ""


class ProblemAreaField(Strict):
    code: str
    label: str
    code_system: str
    evidence: Evidence
    note: str = ""


class ScoreWord(Strict):
    level: int
    word: str | None
    label: str
    evidence: Evidence
    note: str = ""


class XmlName(Strict):
    value: str
    evidence: Evidence
    note: str = ""


class ReportLayout(Strict):
    id: str
    title: str
    message_type: str
    version: str
    function_items: list[FunctionItem]
    problem_areas: list[ProblemAreaField]
    scores: list[ScoreWord]
    xml: dict[str, XmlName] = Field(default_factory=dict)

    def kind_of(self, code: str) -> FieldKind | None:
        if any(f.code == code for f in self.function_items):
            return "function_item"
        if any(a.code == code for a in self.problem_areas):
            return "problem_area"
        return None

    def label_of(self, code: str) -> str:
        for f in self.function_items:
            if f.code == code:
                return f.label
        for a in self.problem_areas:
            if a.code == code:
                return a.label
        return code

    def score_for(self, level: int | None) -> str | None:
        if level is None:
            return None
        for s in self.scores:
            if s.level == level:
                return s.word
        return None

    def field_codes(self) -> list[str]:
        return [f.code for f in self.function_items] + [a.code for a in self.problem_areas]
