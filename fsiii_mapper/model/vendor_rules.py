"""The settings of each strategy (vendor rule) that are data, not code (DOMAIN.md §5).

Whether a vendor sends områdedokumentation in the report is an open question for MedCom and the
vendors, so it is a property of the rule, kept in ``vendor_rules.yaml`` with its grounds
(``evidence``); a rule the file does not name gets the defaults (``omit``, assumed).

When several states fill one function item, the report carries one element (``collapse``): a
value from a state whose status comes earlier in the list beats one from a later status, and
among the values of the best status every one is allowed (``aktiv`` beats ``kladde``, assumed).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from fsiii_mapper.model.citizen import ConditionStatus
from fsiii_mapper.model.common import Evidence, Strict

AreaNotes = Literal["send", "omit"]

_COLLAPSE: tuple[ConditionStatus, ...] = ("aktiv", "kladde")  # assumed: aktiv beats kladde


@dataclass(slots=True, kw_only=True)
class RuleSettings(Strict):
    area_notes: AreaNotes = "omit"
    """``send``: the rule's simplified pass puts active area notes in their problem areas."""
    area_notes_evidence: Evidence = "assumed"
    collapse: list[ConditionStatus] = field(default_factory=lambda: list(_COLLAPSE))
    """Status precedence when several states fill one function item: the first status present
    among the contributions decides which values the one element may carry."""
    collapse_evidence: Evidence = "assumed"

    def allowed(self, statuses: list[str]) -> list[int]:
        """Indexes of the contributions (given by status) whose value the report may carry:
        those of the first status in ``collapse`` that occurs; all of them if none does."""
        for status in self.collapse:
            best = [i for i, s in enumerate(statuses) if s == status]
            if best:
                return best
        return list(range(len(statuses)))


@dataclass(slots=True, kw_only=True)
class VendorRules(Strict):
    rules: dict[str, RuleSettings] = field(default_factory=dict)

    def settings(self, strategy: str) -> RuleSettings:
        """The settings of ``strategy``; the defaults when the file does not name it."""
        return self.rules.get(strategy) or _DEFAULT


_DEFAULT = RuleSettings()
