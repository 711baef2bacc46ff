"""Every validation rule, triggered by one small change to a table (the frozen copy in
tests/data, so a correction to the shipped tables breaks none of these)."""

from __future__ import annotations

from pathlib import Path

import pytest
from frozen import DATA

from fsiii_mapper.rules.registry import FAMILIES
from fsiii_mapper.rules.table_rules import validate_path, validate_table
from fsiii_mapper.workspace import Workspace, shipped_dir

ORIGINAL = (DATA / "table_original.yaml").read_text(encoding="utf-8")
SIMPLIFIED = (DATA / "table_simplified.yaml").read_text(encoding="utf-8")


def check(tmp_path: Path, ws, text: str, name: str = "t.yaml", lang: str = "en"):  # type: ignore[no-untyped-def]
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return validate_path(p, ws, lang)


def rules(findings) -> set[str]:  # type: ignore[no-untyped-def]
    return {f.rule for f in findings}


def line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


def one_replace(text: str, old: str, new: str) -> str:
    assert text.count(old) >= 1, old
    return text.replace(old, new, 1)


@pytest.mark.parametrize("name", ["table_original.yaml", "table_simplified.yaml"])
def test_shipped_tables_have_no_findings(shipped_ws, name):
    # On the shipped data on purpose: the tables that ship must validate clean.
    assert validate_path(shipped_dir() / name, shipped_ws) == []


def test_unknown_source_code_names_line_and_column(tmp_path, frozen_ws):
    text = one_replace(ORIGINAL, "- source: J1.2  #", "- source: J9.9  #")
    fs = check(tmp_path, frozen_ws, text)
    f = next(f for f in fs if f.rule == "FM001")
    assert f.severity == "error" and "J9.9" in f.message
    assert f.line == line_of(text, "J9.9") and f.column == 13
    assert f.file.endswith("t.yaml") and f.row is not None
    assert "FM005" in rules(fs)  # J1.2 is now undecided


def test_display_name_as_source_gets_a_hint(tmp_path, frozen_ws):
    text = one_replace(ORIGINAL, "- source: J1.2  #", "- source: Kropspleje  #")
    f = next(f for f in check(tmp_path, frozen_ws, text) if f.rule == "FM001")
    assert "display name" in f.hint


def test_code_from_the_other_catalog(tmp_path, frozen_ws):
    text = one_replace(SIMPLIFIED, "- source: Sundhedskompetence  #", "- source: J1.7  #")
    assert "FM002" in rules(check(tmp_path, frozen_ws, text))


def test_unknown_target_field(tmp_path, frozen_ws):
    text = one_replace(ORIGINAL, "target: FA510", "target: FA999")
    assert "FM003" in rules(check(tmp_path, frozen_ws, text))


def test_duplicate_rows(tmp_path, frozen_ws):
    row = (
        "  - source: J1.1\n    target: FA510\n    relationship: equivalent\n"
        "    review_status: approved\n"
    )
    fs = check(tmp_path, frozen_ws, ORIGINAL + row)
    dup = [f for f in fs if f.rule == "FM004"]
    assert len(dup) == 1 and dup[0].line == ORIGINAL.count("\n") + 1


def test_state_neither_mapped_nor_no_map(tmp_path, frozen_ws):
    start = ORIGINAL.index("  - source: J2.1")
    end = ORIGINAL.index("  - source: J2.2")
    fs = check(tmp_path, frozen_ws, ORIGINAL[:start] + ORIGINAL[end:])
    assert [f.message for f in fs if f.rule == "FM005"] == [
        "J2.1 (Lave husligt arbejde) is neither mapped nor marked no-map"
    ]


def test_no_map_row_with_a_target(tmp_path, frozen_ws):
    text = one_replace(
        ORIGINAL,
        "target: null\n    relationship: no-map",
        "target: FA510\n    relationship: no-map",
    )
    assert "FM006" in rules(check(tmp_path, frozen_ws, text))


def test_mapping_row_without_target(tmp_path, frozen_ws):
    text = one_replace(ORIGINAL, "target: FA510\n", "target: null\n")
    assert "FM007" in rules(check(tmp_path, frozen_ws, text))


def test_level_state_mapped_to_a_problem_area(tmp_path, frozen_ws):
    text = one_replace(ORIGINAL, "target: FA510", "target: I1")
    (finding,) = [f for f in check(tmp_path, frozen_ws, text) if f.rule == "FM008"]
    assert finding.severity == "warning"  # the seed describes such rows; not an error


def test_level_state_in_a_problem_area_as_related_is_allowed(tmp_path, frozen_ws):
    text = one_replace(
        ORIGINAL,
        "target: FA510\n    relationship: equivalent",
        "target: I1\n    relationship: related",
    )
    assert check(tmp_path, frozen_ws, text) == []


def test_health_state_to_a_function_item_stays_an_error_even_as_related(tmp_path, frozen_ws):
    text = one_replace(
        ORIGINAL,
        "target: I9\n    relationship: source-narrower",
        "target: FA510\n    relationship: related",
    )
    (finding,) = [f for f in check(tmp_path, frozen_ws, text) if f.rule == "FM009"]
    assert finding.severity == "error"  # a helbredstilstand has no level to give


def test_health_state_mapped_to_a_function_item(tmp_path, frozen_ws):
    text = one_replace(ORIGINAL, "target: I9\n", "target: FA420\n")
    assert "FM009" in rules(check(tmp_path, frozen_ws, text))


def test_health_state_mapped_to_another_area_is_a_warning(tmp_path, frozen_ws):
    text = one_replace(ORIGINAL, "target: I9\n", "target: I10\n")
    f = next(f for f in check(tmp_path, frozen_ws, text) if f.rule == "FM014")
    assert f.severity == "warning"


@pytest.mark.parametrize(
    "old,new",
    [
        ("  status: published\n", "  status: final\n"),
        ("  publisher: MedCom (eksempel fra fsiii-mapper)\n", ""),
        ("  catalog: original\n", "  catalog: forenklet\n"),
        ("  valid_to: 2026-12-31\n", "  valid_to: 2018-12-31\n"),
    ],
)
def test_malformed_metadata(tmp_path, frozen_ws, old, new):
    fs = check(tmp_path, frozen_ws, one_replace(ORIGINAL, old, new))
    assert "FM010" in rules(fs)
    assert all(f.line is not None for f in fs if f.rule == "FM010")


def test_malformed_row_names_its_line(tmp_path, frozen_ws):
    text = one_replace(ORIGINAL, "relationship: equivalent", "relationship: same-as")
    fs = check(tmp_path, frozen_ws, text)
    assert rules(fs) == {"FM011"}
    assert fs[0].line == line_of(text, "same-as")


def test_yaml_syntax_error_is_a_finding_with_position(tmp_path, frozen_ws):
    text = one_replace(ORIGINAL, "    target: FA510\n", "    target: [FA510\n")
    fs = check(tmp_path, frozen_ws, text)
    assert rules(fs) == {"FM012"} and fs[0].line is not None


def test_state_both_mapped_and_no_map(tmp_path, frozen_ws):
    row = "  - source: J1.1\n    relationship: no-map\n"
    assert "FM013" in rules(check(tmp_path, frozen_ws, ORIGINAL + row))


def test_unapproved_row_in_a_published_table_is_a_warning(tmp_path, frozen_ws):
    text = one_replace(ORIGINAL, "review_status: approved", "review_status: draft")
    fs = check(tmp_path, frozen_ws, text)
    assert rules(fs) == {"FM015"} and fs[0].severity == "warning"


def test_every_rule_has_a_test_here():
    source = Path(__file__).read_text(encoding="utf-8")
    missing = [r.id for r in FAMILIES["table"] if f'"{r.id}"' not in source]
    assert missing == []


def test_findings_are_in_danish_by_default_and_english_on_request(tmp_path, frozen_ws, monkeypatch):
    monkeypatch.delenv("FSIII_LANG", raising=False)
    text = one_replace(ORIGINAL, "- source: J1.2  #", "- source: Kropspleje  #")
    p = tmp_path / "t.yaml"
    p.write_text(text, encoding="utf-8")
    da = next(f for f in validate_path(p, frozen_ws) if f.rule == "FM001")
    en = next(f for f in validate_path(p, frozen_ws, "en") if f.rule == "FM001")
    assert da.message == "række 2: ukendt kildekode »Kropspleje«"
    assert "visningsnavn" in da.hint
    assert en.message == "row 2: unknown source code 'Kropspleje'"
    assert (da.line, da.column) == (en.line, en.column)


def test_an_undecided_state_points_at_the_rows_key(tmp_path, frozen_ws):
    start = ORIGINAL.index("  - source: J2.1")
    end = ORIGINAL.index("  - source: J2.2")
    text = ORIGINAL[:start] + ORIGINAL[end:]
    f = next(f for f in check(tmp_path, frozen_ws, text) if f.rule == "FM005")
    assert f.line == text[: text.index("\nrows:") + 1].count("\n") + 1


def test_a_clean_table_is_validated_without_parsing_its_yaml_tree(monkeypatch):
    # The GUI validates both tables at start: positions (the round-trip YAML tree, the slow
    # parse) are needed only for findings, so a clean table must not pay for them.
    from fsiii_mapper.io import yamltree

    fresh = Workspace.load(DATA)

    def no_parse(*args, **kwargs):
        raise AssertionError("the round-trip YAML tree was parsed")

    monkeypatch.setattr(yamltree, "parse_yaml_text", no_parse)
    for doc in fresh.tables.values():
        assert validate_table(doc, fresh) == []
