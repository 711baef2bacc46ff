"""Small shared vocabularies."""

from typing import Literal

from pydantic import BaseModel, ConfigDict

Evidence = Literal["verified", "sibling", "assumed"]
"""On what ground a fact stands: read in a public source about the thing itself (verified), seen in
a sibling (e.g. the XD1834C discharge report for the XD1634C admission report), or our best
reading (assumed)."""

Group = Literal["funktionsevne", "helbred"]
"""FSIII group: funktionsevnetilstande (J, carry a level) or helbredstilstande (I, carry text)."""


class Strict(BaseModel):
    """Base for data-file models: unknown keys are errors, so typos are caught."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True, defer_build=True)
