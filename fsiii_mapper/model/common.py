"""Small shared vocabularies."""

from typing import Literal

from pydantic import BaseModel, ConfigDict

Evidence = Literal["verified", "assumed"]
"""Whether a fact was read in a public source (verified) or is our best reading (assumed)."""

Group = Literal["funktionsevne", "helbred"]
"""FSIII group: funktionsevnetilstande (J, carry a level) or helbredstilstande (I, carry text)."""


class Strict(BaseModel):
    """Base for data-file models: unknown keys are errors, so typos are caught."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True)
