"""An invented citizen's FSIII documentation, as the preview engine reads it."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, field_validator, model_validator

from fsiii_mapper.model.common import Strict
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


class CitizenCondition(Strict):
    code: str
    status: ConditionStatus
    # strict: ``level: true`` is not level 1, ``level: "2"`` not 2
    level: int | None = Field(default=None, strict=True)
    expected_level: int | None = Field(default=None, strict=True)
    note: str = ""
    documented_in: DocumentedIn = None
    code_system: str | None = None
    """The FSIII system URI the code came with, when imported from FHIR."""

    @field_validator("code")
    @classmethod
    def _strip(cls, v: str) -> str:
        if not v.strip():
            raise ValueError(t("the code must not be empty"))
        return v.strip()

    _note = field_validator("note")(xml_text)

    @field_validator("level")
    @classmethod
    def _level(cls, v: int | None) -> int | None:
        if v is not None and v not in LEVELS:
            raise ValueError(t("the level must be 0, 1, 2, 3, 4 or 9"))
        return v

    @field_validator("expected_level")
    @classmethod
    def _expected(cls, v: int | None) -> int | None:
        if v is not None and v not in (0, 1, 2, 3, 4):
            raise ValueError(t("the expected level must be 0, 1, 2, 3 or 4"))
        return v


class AreaNote(Strict):
    area: str
    status: ConditionStatus
    text: str

    _text = field_validator("text")(xml_text)


class Citizen(Strict):
    id: str
    name: str = ""
    identifier: str | None = None
    description: str = ""
    conditions: list[CitizenCondition] = Field(default_factory=list)
    area_notes: list[AreaNote] = Field(default_factory=list)
    # ``cpr`` is another name for ``identifier``; a field only so that a wrong value is reported
    # on its own line. It is always moved into ``identifier`` and never written back.
    cpr: str | None = Field(default=None, exclude=True)

    _texts = field_validator("name", "description")(xml_text)

    @field_validator("identifier", "cpr", mode="before")
    @classmethod
    def _text_only(cls, v: object) -> object:
        # Unquoted 0001010001 is the number 1010001 to YAML: refuse it rather than lose the zeros.
        if v is not None and not isinstance(v, str):
            raise ValueError(
                t(
                    "the CPR number or identifier must be written in quotes, e.g. '0101010001' "
                    "(without quotes it is read as a number and leading zeros are lost)"
                )
            )
        return v

    @model_validator(mode="before")
    @classmethod
    def _cpr_alias(cls, data: object) -> object:
        if isinstance(data, dict) and isinstance(data.get("cpr"), str):
            data = dict(data)
            data.setdefault("identifier", data.pop("cpr"))
        elif isinstance(data, dict) and "cpr" in data and data["cpr"] is None:
            data = {k: v for k, v in data.items() if k != "cpr"}
            data.setdefault("identifier", None)
        return data
