"""The one registry of rules: table validation (``FM…``), citizen files (``FC…``) and vendor-file
checks (``FV…``).

Everything users read about a rule derives from here: the CLI and GUI labels, SARIF
``tool.driver.rules``, JUnit failure types and ``docs/regler.md`` (``python -m
fsiii_mapper.rules.docs``). The importers' notes have no rule ids and are not registered.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from pathlib import Path
from types import MappingProxyType

from fsiii_mapper.rules.declarations.citizen import CITIZEN_RULES
from fsiii_mapper.rules.declarations.table import TABLE_RULES
from fsiii_mapper.rules.declarations.vendor import VENDOR_RULES
from fsiii_mapper.rules.rule import Rule

FAMILIES: Mapping[str, tuple[Rule, ...]] = MappingProxyType(
    {"table": TABLE_RULES, "citizen": CITIZEN_RULES, "vendor": VENDOR_RULES}
)
RULES_DOC = "docs/regler.md"  # generated from this registry, one section per rule id


def _index(rules: tuple[Rule, ...]) -> Mapping[str, Rule]:
    by_id: dict[str, Rule] = {}
    names: set[str] = set()
    for r in rules:
        if r.id in by_id or r.name in names:
            raise ValueError(f"rule {r.id} {r.name} is declared twice")
        by_id[r.id] = r
        names.add(r.name)
    return MappingProxyType(by_id)


RULES: Mapping[str, Rule] = _index(TABLE_RULES + CITIZEN_RULES + VENDOR_RULES)


def rule(rule_id: str) -> Rule:
    """The declared rule ``rule_id``; ``KeyError`` for an id nobody declared."""
    try:
        return RULES[rule_id]
    except KeyError:
        raise KeyError(
            f"no rule {rule_id!r} is declared in fsiii_mapper.rules.declarations"
        ) from None


def title(rule_id: str, lang: str | None = None) -> str:
    """The rule's title in ``lang``; an unknown id is shown as it is."""
    r = RULES.get(rule_id)
    return r.title_text(lang) if r is not None else rule_id


@cache
def rules_doc_uri() -> str:
    """Where ``docs/regler.md`` is published: the package's ``Rules`` project URL when
    pyproject.toml declares one (``[project.urls] Rules = "https://…/docs/regler.md"``), else the
    file in this checkout as a ``file:`` URI."""
    from importlib import metadata  # only here: importing it costs every command start

    try:
        urls: list[str] = metadata.metadata("fsiii-mapper").get_all("Project-URL") or []
    except metadata.PackageNotFoundError:
        urls = []
    for entry in urls:
        label, _, url = str(entry).partition(",")
        if label.strip().lower() == "rules" and url.strip():
            return str(url.strip())
    return (Path(__file__).resolve().parents[2] / RULES_DOC).as_uri()


def help_uri(rule_id: str) -> str:
    """The rule's section in ``docs/regler.md`` (each section is anchored at its id)."""
    return f"{rules_doc_uri()}#{rule(rule_id).id}"
