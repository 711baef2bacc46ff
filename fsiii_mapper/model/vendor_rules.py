"""The settings of each strategy (vendor rule) that are data, not code (DOMAIN.md §5).

Whether a vendor sends områdedokumentation in the report is an open question for MedCom and the
vendors, so it is a property of the rule, kept in ``vendor_rules.yaml`` with its grounds
(``evidence``); a rule the file does not name gets the defaults (``omit``, assumed).
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from fsiii_mapper.model.common import Evidence, Strict

AreaNotes = Literal["send", "omit"]


class RuleSettings(Strict):
    area_notes: AreaNotes = "omit"
    """``send``: the rule's simplified pass puts active area notes in their problem areas."""
    area_notes_evidence: Evidence = "assumed"


class VendorRules(Strict):
    rules: dict[str, RuleSettings] = Field(default_factory=dict)

    def settings(self, strategy: str) -> RuleSettings:
        """The settings of ``strategy``; the defaults when the file does not name it."""
        return self.rules.get(strategy) or _DEFAULT


_DEFAULT = RuleSettings()
