"""One registry of rules: every FM/FV rule declared once, with Danish texts, and everything users
read about a rule (CLI text, SARIF metadata, docs/regler.md) derived from it."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from fsiii_mapper.conformance.batch import BatchResult, FileResult
from fsiii_mapper.conformance.findings import finding
from fsiii_mapper.conformance.report_files import report_text
from fsiii_mapper.conformance.report_text import summary_line
from fsiii_mapper.rules import docs
from fsiii_mapper.rules.findings import counts_text
from fsiii_mapper.rules.registry import FAMILIES, RULES, help_uri, rule
from fsiii_mapper.rules.rule import SEVERITIES
from fsiii_mapper.rules.table_rules import TableFinding
from fsiii_mapper_cli.render_text import findings_text

ROOT = Path(__file__).resolve().parents[1]
KEBAB = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
FV_IDS = [
    *(f"FV00{i}" for i in range(1, 10)),
    "FV010", "FV011", "FV012", "FV020", "FV021", "FV022", "FV023", "FV024", "FV025",
    *(f"FV10{i}" for i in range(1, 10)), "FV110",
    *(f"FV20{i}" for i in range(1, 10)),
]  # fmt: skip


def test_the_registry_lists_every_table_and_vendor_rule_once() -> None:
    assert [r.id for r in FAMILIES["table"]] == [f"FM{i:03d}" for i in range(1, 16)]
    assert [r.id for r in FAMILIES["vendor"]] == FV_IDS
    assert list(RULES) == [r.id for rules in FAMILIES.values() for r in rules]


@pytest.mark.parametrize("rule_id", list(RULES))
def test_every_rule_has_a_name_severity_and_danish_title_help_and_hint(rule_id: str) -> None:
    r = rule(rule_id)
    assert KEBAB.match(r.name) and r.severity in SEVERITIES
    for english, danish in (
        (r.title, r.title_text("da")),
        (r.help, r.help_text("da")),
        (r.hint, r.hint_text("da")),
    ):
        assert english and danish and danish != english, (rule_id, english)
    assert r.help.endswith(".") and len(r.help.split()) >= 10, "help is a paragraph"


def test_names_are_unique() -> None:
    names = [r.name for r in RULES.values()]
    assert len(set(names)) == len(names)


def test_every_rule_id_the_checks_use_is_declared() -> None:
    sources = [
        ROOT / "fsiii_mapper/rules/table_rules.py",
        *sorted((ROOT / "fsiii_mapper/conformance").glob("*.py")),
    ]
    used = {m for p in sources for m in re.findall(r'"(F[MV]\d{3})"', p.read_text("utf-8"))}
    assert used and used <= set(RULES)


def test_an_undeclared_rule_id_is_refused() -> None:
    with pytest.raises(KeyError, match="FV999"):
        finding("FV999", "a.xml")


def test_the_committed_rules_document_is_up_to_date() -> None:
    committed = (ROOT / "docs" / "regler.md").read_text(encoding="utf-8")
    assert committed == docs.rules_doc("da"), (
        "regenerate: python -m fsiii_mapper.rules.docs > docs/regler.md"
    )


def test_the_rules_document_has_a_section_per_rule_in_danish_with_english_titles() -> None:
    text = docs.rules_doc("da")
    for r in RULES.values():
        assert f'<a id="{r.id}"></a>' in text
        assert r.title_text("da") in text and r.title_text("en") in text
        assert r.help_text("da") in text


def test_sarif_describes_each_vendor_rule_from_the_registry() -> None:
    f = finding("FV103", "a.xml", "da", field="FA510", line=3, expected="lette", actual="svære")
    batch = BatchResult("original", [], [FileResult("a.xml", "demo-01", "identifier", [f])], 1)
    driver = json.loads(report_text(batch, "sarif", "da"))["runs"][0]["tool"]["driver"]
    described = {d["id"]: d for d in driver["rules"]}
    assert list(described) == FV_IDS
    d = described["FV103"]
    r = rule("FV103")
    assert d["name"] == "wrong-score"
    assert d["shortDescription"]["text"] == "Forkert scoreord"
    assert d["fullDescription"]["text"] == r.help_text("da")
    assert r.hint_text("da") in d["help"]["text"]
    assert help_uri("FV103") in d["help"]["markdown"]
    assert d["helpUri"] == help_uri("FV103") and d["helpUri"].endswith("docs/regler.md#FV103")
    assert described["FV108"]["defaultConfiguration"]["level"] == "warning"


@pytest.mark.parametrize(
    ("errors", "warnings", "lang", "expected"),
    [
        (1, 2, "da", "1 fejl, 2 advarsler"),
        (2, 1, "da", "2 fejl, 1 advarsel"),
        (1, 2, "en", "1 error, 2 warnings"),
        (2, 1, "en", "2 errors, 1 warning"),
        (0, 0, "da", "Ingen fejl"),
    ],
)
def test_counts_take_real_plural_forms(
    errors: int, warnings: int, lang: str, expected: str
) -> None:
    assert counts_text(errors, warnings, lang) == expected


@pytest.mark.parametrize(
    ("errors", "warnings", "expected"),
    [
        (0, 1, "Success: 0 errors, 1 warning"),
        (1, 0, "*FAILURE*: 1 error, 0 warnings"),
        (3, 2, "*FAILURE*: 3 errors, 2 warnings"),
    ],
)
def test_the_machine_readable_summary_stays_english_with_correct_plurals(
    errors: int, warnings: int, expected: str
) -> None:
    assert summary_line(errors, warnings) == expected


def test_cli_findings_text_names_severity_rule_and_counts_in_danish() -> None:
    fs = [
        TableFinding("FM014", "warning", "række 3: I1.1 hører til I1", "t.yaml", 12, 5, 2),
        TableFinding("FM007", "error", "række 4: …", "t.yaml", 14, 7, 3, "angiv et felt"),
    ]
    lines = findings_text(fs, "da").splitlines()
    assert lines[0] == "t.yaml:12:5: advarsel FM014 other-problem-area: række 3: I1.1 hører til I1"
    assert lines[1].startswith("t.yaml:14:7: fejl FM007 mapped-without-target:")
    assert lines[1].endswith("— angiv et felt")
    assert lines[-1] == "1 fejl, 1 advarsel"
