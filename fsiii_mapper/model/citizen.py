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


class CitizenCondition(Strict):
    code: str
    status: ConditionStatus
    level: int | None = None
    expected_level: int | None = None
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


class Citizen(Strict):
    id: str
    name: str = ""
    identifier: str | None = None
    description: str = ""
    conditions: list[CitizenCondition] = Field(default_factory=list)
    area_notes: list[AreaNote] = Field(default_factory=list)

    @model_validator(mode="before")
    @classmethod
    def _cpr_alias(cls, data: object) -> object:
        # ``cpr`` is accepted as another name for the patient identifier (always fictional here).
        if isinstance(data, dict) and "cpr" in data:
            data = dict(data)
            cpr = data.pop("cpr")
            data.setdefault("identifier", None if cpr is None else str(cpr))
        return data
