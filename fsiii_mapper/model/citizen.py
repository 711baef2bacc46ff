"""An invented citizen's FSIII documentation, as the preview engine reads it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Annotated, Literal

from fsiii_mapper.model.checks import Check
from fsiii_mapper.model.common import EXCLUDED, Strict
from fsiii_mapper.texts import t

ConditionStatus = Literal["aktiv", "kladde", "inaktiv"]
DocumentedIn = Literal["original", "simplified"] | None
"""Where the EOJ says a state was documented: the old states or the simplified ones."""
LEVELS = (0, 1, 2, 3, 4, 9)


def xml_text(v: str) -> str:
    """Refuse characters a report (XML 1.0) cannot carry: control characters other than tab and
    line breaks, and lone surrogates. Written into a report they would break it."""
    for ch in v:
        o = ord(ch)
        if (o < 0x20 and ch not in "\t\n\r") or 0xD800 <= o <= 0xDFFF or o in (0xFFFE, 0xFFFF):
            raise ValueError(
                t(
                    "contains the character U+{code}, which a report (XML) cannot carry; remove it",
                    code=f"{o:04X}",
                )
            )
    return v


def _code(v: str) -> str:
    if not v.strip():
        raise ValueError(t("the code must not be empty"))
    return v.strip()


def _level(v: int | None) -> int | None:
    if v is not None and v not in LEVELS:
        raise ValueError(t("the level must be 0, 1, 2, 3, 4 or 9"))
    return v


def _expected(v: int | None) -> int | None:
    if v is not None and v not in (0, 1, 2, 3, 4):
        raise ValueError(t("the expected level must be 0, 1, 2, 3 or 4"))
    return v


def _text_only(v: object) -> object:
    # Unquoted 0001010001 is the number 1010001 to YAML: refuse it rather than lose the zeros.
    if v is not None and not isinstance(v, str):
        raise ValueError(
            t(
                "the CPR number or identifier must be written in quotes, e.g. '0101010001' "
                "(without quotes it is read as a number and leading zeros are lost)"
            )
        )
    return v


XmlText = Annotated[str, Check(xml_text)]
Identifier = Annotated[str | None, Check(_text_only, before=True)]


@dataclass(slots=True, kw_only=True)
class CitizenCondition(Strict):
    code: Annotated[str, Check(_code)]
    status: ConditionStatus
    # strict: ``level: true`` is not level 1, ``level: "2"`` not 2
    level: Annotated[int | None, Check(_level, strict=True)] = None
    expected_level: Annotated[int | None, Check(_expected, strict=True)] = None
    note: XmlText = ""
    documented_in: DocumentedIn = None
    code_system: str | None = None
    """The FSIII system URI the code came with, when imported from FHIR."""


@dataclass(slots=True, kw_only=True)
class AreaNote(Strict):
    area: str
    status: ConditionStatus
    text: XmlText


@dataclass(slots=True, kw_only=True)
class Citizen(Strict):
    id: str
    name: XmlText = ""
    identifier: Identifier = None
    description: XmlText = ""
    conditions: list[CitizenCondition] = field(default_factory=list)
    area_notes: list[AreaNote] = field(default_factory=list)
    # ``cpr`` is another name for ``identifier``; a field only so that a wrong value is reported
    # on its own line. It is always moved into ``identifier`` and never written back.
    cpr: Identifier = field(default=None, repr=False, compare=False, metadata=EXCLUDED)

    def __post_init__(self) -> None:
        if self.cpr is not None:
            if self.identifier is None:
                self.identifier = self.cpr
            self.cpr = None
