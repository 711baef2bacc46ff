"""What a rule is: a stable id, a kebab-case name, a default severity and its texts.

Rules are declared once, in ``fsiii_mapper.rules.declarations``; ``registry`` looks them up. The
texts are msgids of the gettext catalogue (English, marked with ``N_``) and are translated when
read, so one declaration serves every language.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from fsiii_mapper.texts import t
from fsiii_mapper.texts.labels import SEVERITY_LABELS, label

Severity = Literal["error", "warning"]
SEVERITIES: tuple[Severity, ...] = ("error", "warning")


def severity_label(severity: str, lang: str | None = None) -> str:
    """The word for ``severity`` in ``lang`` (``fejl``, ``advarsel``); unknown ones unchanged."""
    return label(SEVERITY_LABELS, severity, lang)


@dataclass(frozen=True)
class Rule:
    """One rule. ``id`` and ``name`` never change meaning; a retired id is never reused."""

    id: str  # FM001 (mapping tables), FV001 (vendor report files)
    name: str  # kebab-case, for SARIF and people who filter on names
    severity: Severity  # default severity of the rule's findings
    title: str  # msgid: one line, what is wrong
    help: str  # msgid: a paragraph, what the rule checks and why it matters
    hint: str  # msgid: what to do about a finding

    def title_text(self, lang: str | None = None) -> str:
        return t(self.title, lang)

    def help_text(self, lang: str | None = None) -> str:
        return t(self.help, lang)

    def hint_text(self, lang: str | None = None) -> str:
        return t(self.hint, lang)
