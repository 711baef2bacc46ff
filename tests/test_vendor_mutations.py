"""One change to a reference file gives exactly the finding a vendor needs to fix it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest
from frozen import check_config
from lxml import etree

from fsiii_mapper.conformance.batch import Checker
from fsiii_mapper.conformance.findings import VendorFinding
from fsiii_mapper.conformance.render import render_tree
from fsiii_mapper.rules.registry import RULES

NS = "urn:oio:medcom:municipality:1.0.3"
M = {"m": NS}


@pytest.fixture
def original(frozen_checkers: Callable[[str], Checker]) -> Checker:
    return frozen_checkers("original")


@pytest.fixture
def nexus(frozen_checkers: Callable[[str], Checker]) -> Checker:
    return frozen_checkers("nexus")


def _item(root: etree._Element, code: str, n: int = 0) -> etree._Element:
    return root.xpath(
        f".//m:AbilityToFunctionElement[m:Terminology/m:Code='{code}']", namespaces=M
    )[n]


def _area(root: etree._Element, code: str) -> etree._Element:
    return root.xpath(f".//m:NursingProblemArea[m:Terminology/m:Code='{code}']", namespaces=M)[0]


def _check(
    checker: Checker,
    cid: str,
    tmp_path: Path,
    mutate: Callable[[etree._Element], None],
    name: str | None = None,
) -> list[VendorFinding]:
    tree = render_tree(checker.expected[cid], checker.spec)
    mutate(tree.getroot())
    path = tmp_path / (name or f"{cid}.xml")
    path.write_bytes(
        etree.tostring(tree, xml_declaration=True, encoding="UTF-8", pretty_print=True)
    )
    return checker.check_file(path).findings


def _one(findings: list[VendorFinding], rule: str, field: str | None) -> VendorFinding:
    assert [(f.rule, f.field) for f in findings] == [(rule, field)], findings
    f = findings[0]
    assert f.severity == RULES[rule].severity
    assert f.line is not None and f.line > 0
    assert f.xpath.startswith("/")
    return f


def test_wrong_score_word(original: Checker, tmp_path: Path) -> None:
    def mutate(root: etree._Element) -> None:
        _item(root, "FA510").find("m:Score", M).text = "svære"

    f = _one(_check(original, "demo-01", tmp_path, mutate), "FV103", "FA510")
    assert (f.expected, f.actual) == ("moderate", "svære")
    assert f.xpath.endswith("/AbilityToFunctionElement[1]/Score")


def test_missing_function_item(original: Checker, tmp_path: Path) -> None:
    def mutate(root: etree._Element) -> None:
        el = _item(root, "FA560")
        el.getparent().remove(el)

    f = _one(_check(original, "demo-01", tmp_path, mutate), "FV101", "FA560")
    assert f.actual is None and "lette" in (f.expected or "")
    assert f.xpath.endswith("AbilityToFunctionElement[Terminology/Code='FA560']")


def test_unexpected_function_item(original: Checker, tmp_path: Path) -> None:
    # demo-02 has only simplified states: the old table fills no function item.
    def mutate(root: etree._Element) -> None:
        report = root.find("m:ReportOfAdmission", M)
        holder = etree.SubElement(report, f"{{{NS}}}AbilityToFunction")
        item = etree.SubElement(holder, f"{{{NS}}}AbilityToFunctionElement")
        term = etree.SubElement(item, f"{{{NS}}}Terminology")
        for tag, text in (
            ("Code", "FA510"),
            ("CodeSystem", "icf"),
            ("CodeDescription", "Vaske sig"),
        ):
            etree.SubElement(term, f"{{{NS}}}{tag}").text = text
        etree.SubElement(item, f"{{{NS}}}Score").text = "lette"

    _one(_check(original, "demo-02", tmp_path, mutate), "FV102", "FA510")


def test_extra_problem_area(original: Checker, tmp_path: Path) -> None:
    def mutate(root: etree._Element) -> None:
        el = _area(root, "I4")
        extra = etree.fromstring(etree.tostring(el))
        extra.find("m:Terminology/m:Code", M).text = "I7"
        extra.find("m:Terminology/m:CodeDescription", M).text = "Respiration og cirkulation"
        el.addnext(extra)

    _one(_check(original, "demo-01", tmp_path, mutate), "FV202", "I7")


def test_wrong_code_is_one_finding_not_missing_plus_unknown(
    original: Checker, tmp_path: Path
) -> None:
    def mutate(root: etree._Element) -> None:
        _item(root, "FA540").find("m:Terminology/m:Code", M).text = "FA541"

    f = _one(_check(original, "demo-01", tmp_path, mutate), "FV104", "FA540")
    assert (f.expected, f.actual) == ("FA540", "FA541")
    assert f.xpath.endswith("/Terminology/Code")


def test_wrong_area_code(original: Checker, tmp_path: Path) -> None:
    def mutate(root: etree._Element) -> None:
        _area(root, "I9").find("m:Terminology/m:Code", M).text = "I99"

    f = _one(_check(original, "demo-01", tmp_path, mutate), "FV204", "I9")
    assert (f.expected, f.actual) == ("I9", "I99")


def test_wrong_code_description(original: Checker, tmp_path: Path) -> None:
    def mutate(root: etree._Element) -> None:
        _item(root, "FA420").find("m:Terminology/m:CodeDescription", M).text = "Forflytning"

    f = _one(_check(original, "demo-01", tmp_path, mutate), "FV106", "FA420")
    assert (f.expected, f.actual) == ("Forflytte sig", "Forflytning")


def test_wrong_code_system_is_form_a_warning_naming_the_assumed_entry(
    original: Checker, tmp_path: Path
) -> None:
    def mutate(root: etree._Element) -> None:
        _area(root, "I12").find("m:Terminology/m:CodeSystem", M).text = "icf"

    [f] = _check(original, "demo-01", tmp_path, mutate)
    assert (f.rule, f.field, f.severity) == ("FV205", "I12", "warning")
    assert "I12.code_system: antaget" in f.message
    strict = Checker(replace(original.config, strict_form=True))
    [g] = _check(strict, "demo-01", tmp_path, mutate)
    assert (g.rule, g.severity) == ("FV205", "error")


def test_wrong_namespace_is_one_finding_per_layout_entry(original: Checker, tmp_path: Path) -> None:
    def mutate(root: etree._Element) -> None:
        for el in root.iter():
            el.tag = "{urn:oio:medcom:municipality:1.0.2}" + etree.QName(el).localname
        etree.cleanup_namespaces(root)

    findings = _check(original, "demo-01", tmp_path, mutate)
    assert {f.rule for f in findings} == {"FV020"}
    entries = [f.message.rpartition("; ")[2].partition(":")[0] for f in findings]
    assert len(entries) == len(set(entries)) and "xml.root" in entries
    assert {(f.expected, f.actual) for f in findings} == {(NS, "urn:oio:medcom:municipality:1.0.2")}
    # The frozen layout's namespace URI is assumed, so every one is a warning (form).
    assert {f.severity for f in findings} == {"warning"}


def test_area_text_missing_a_state(original: Checker, tmp_path: Path) -> None:
    def mutate(root: etree._Element) -> None:
        _area(root, "I9").find("m:ProblemArea", M).text = "Smerter i hoften"

    f = _one(_check(original, "demo-01", tmp_path, mutate), "FV203", "I9")
    assert "Akutte smerter" in (f.expected or "")


def test_area_text_may_name_the_state_by_key_and_be_worded_freely(
    original: Checker, tmp_path: Path
) -> None:
    def mutate(root: etree._Element) -> None:
        _area(root, "I9").find(
            "m:ProblemArea", M
        ).text = "Tilstand I9.1 – se journal. Akutte smerter i venstre hofte efter fald"

    assert _check(original, "demo-01", tmp_path, mutate) == []


def test_a_problem_area_without_the_nurses_note_is_an_error_a_reworded_note_a_warning(
    original: Checker, tmp_path: Path
) -> None:
    def dropped(root: etree._Element) -> None:
        _area(root, "I9").find("m:ProblemArea", M).text = "Tilstand I9.1 – se journal"

    def reworded(root: etree._Element) -> None:
        _area(root, "I9").find(
            "m:ProblemArea", M
        ).text = "Akutte smerter: smerter i venstre hofte efter et fald (akutte)"

    f = _one(_check(original, "demo-01", tmp_path, dropped), "FV208", "I9")
    assert f.expected == "Akutte smerter: Akutte smerter i venstre hofte efter fald"
    _one(_check(original, "demo-01", tmp_path, reworded), "FV209", "I9")


def test_duplicate_function_item(original: Checker, tmp_path: Path) -> None:
    def mutate(root: etree._Element) -> None:
        el = _item(root, "FA550")
        el.addnext(etree.fromstring(etree.tostring(el)))

    _one(_check(original, "demo-01", tmp_path, mutate), "FV107", "FA550")


def test_duplicate_problem_area(original: Checker, tmp_path: Path) -> None:
    def mutate(root: etree._Element) -> None:
        el = _area(root, "I4")
        el.addnext(etree.fromstring(etree.tostring(el)))

    _one(_check(original, "demo-01", tmp_path, mutate), "FV207", "I4")


def test_nexus_writes_one_element_per_field_and_aktiv_beats_kladde(
    nexus: Checker, tmp_path: Path
) -> None:
    # demo-04 under nexus: J3.5 fills FA420 twice (kladde 'svære' through the simplified table,
    # aktiv 'moderate' through the old table). The report carries one element; under the
    # collapse of vendor_rules.yaml (aktiv beats kladde) its score is the aktiv one.
    root = render_tree(nexus.expected["demo-04"], nexus.spec).getroot()
    (item,) = root.xpath(
        ".//m:AbilityToFunctionElement[m:Terminology/m:Code='FA420']", namespaces=M
    )
    assert item.findtext("m:Score", namespaces=M) == "moderate"
    assert _check(nexus, "demo-04", tmp_path, lambda root: None) == []

    def kladde_value(root: etree._Element) -> None:
        _item(root, "FA420").find("m:Score", M).text = "svære"

    f = _one(_check(nexus, "demo-04", tmp_path, kladde_value), "FV103", "FA420")
    assert (f.expected, f.actual) == ("moderate", "svære")

    def both(root: etree._Element) -> None:  # the round-1 golden shape: two FA420 elements
        el = _item(root, "FA420")
        copy = etree.fromstring(etree.tostring(el))
        copy.find("m:Score", M).text = "svære"
        el.addnext(copy)

    f = _one(_check(nexus, "demo-04", tmp_path, both), "FV107", "FA420")
    assert f.actual == "svære"


def test_wrong_version_code_in_letter_header(original: Checker, tmp_path: Path) -> None:
    def mutate(root: etree._Element) -> None:
        root.find(".//m:Letter/m:VersionCode", M).text = "XD1633C"

    f = _one(_check(original, "demo-01", tmp_path, mutate), "FV022", "document")
    assert (f.expected, f.actual) == ("XD1634C", "XD1633C")


def test_comment_that_drops_the_note_is_a_warning(original: Checker, tmp_path: Path) -> None:
    def mutate(root: etree._Element) -> None:
        c = _item(root, "FA420").find("m:Comment", M)
        c.getparent().remove(c)

    f = _one(_check(original, "demo-01", tmp_path, mutate), "FV108", "FA420")
    assert f.severity == "warning"


def test_file_matched_by_name_but_with_another_patient_identifier(
    original: Checker, tmp_path: Path
) -> None:
    def mutate(root: etree._Element) -> None:
        root.find(".//m:CivilRegistrationNumber", M).text = "9999999999"

    f = _one(
        _check(original, "demo-01", tmp_path, mutate, name="demo-01_run7.xml"), "FV012", "document"
    )
    assert (f.expected, f.actual) == ("0001010001", "9999999999")


def test_missing_patient_identifier_falls_back_to_the_file_name(
    original: Checker, tmp_path: Path
) -> None:
    def mutate(root: etree._Element) -> None:
        p = root.find(".//m:Patient", M)
        p.getparent().remove(p)

    findings = _check(original, "demo-03", tmp_path, mutate, name="report-0001010003.xml")
    _one(findings, "FV011", "document")


def test_unmatched_file_is_reported_not_guessed(original: Checker, tmp_path: Path) -> None:
    def mutate(root: etree._Element) -> None:
        root.find(".//m:CivilRegistrationNumber", M).text = "1234567890"

    f = _one(_check(original, "demo-01", tmp_path, mutate, name="whoever.xml"), "FV010", "document")
    assert f.actual == "1234567890"


def test_a_root_element_named_otherwise_is_form_compared_on_unless_strict_form(
    original: Checker, tmp_path: Path
) -> None:
    def mutate(root: etree._Element) -> None:
        root.tag = f"{{{NS}}}Message"

    [f] = _check(original, "demo-01", tmp_path, mutate)  # the root's name is assumed
    assert (f.rule, f.severity, f.xpath) == ("FV021", "warning", "/Message")
    strict = Checker(replace(original.config, strict_form=True))
    f = _one(_check(strict, "demo-01", tmp_path, mutate), "FV021", "document")
    assert f.severity == "error"


def _restyled(tree: etree._ElementTree) -> bytes:
    """Same content, another vendor's style: a namespace prefix and no indentation."""

    def copy(el: etree._Element, parent: etree._Element | None) -> etree._Element:
        new = (
            etree.Element(el.tag, nsmap={"x": NS})
            if parent is None
            else etree.SubElement(parent, el.tag)
        )
        new.text = el.text if el.text and el.text.strip() else None
        for child in el:
            copy(child, new)
        return new

    return etree.tostring(copy(tree.getroot(), None), xml_declaration=True, encoding="UTF-8")


@pytest.mark.parametrize("cid", ["demo-01", "demo-04", "demo-10"])
def test_another_vendors_formatting_of_the_same_content_passes(
    nexus: Checker, cid: str, tmp_path: Path
) -> None:
    path = tmp_path / f"{cid}.xml"
    path.write_bytes(_restyled(render_tree(nexus.expected[cid], nexus.spec)))
    assert b"<x:Emessage" in path.read_bytes()
    assert nexus.check_file(path).findings == []


def test_formatting_does_not_change_what_is_found(original: Checker, tmp_path: Path) -> None:
    # Sections equal to the reference are accepted without field-by-field comparison; a file
    # with the same defect but another formatting must give the same findings.
    tree = render_tree(original.expected["demo-01"], original.spec)
    _item(tree.getroot(), "FA530").find("m:Score", M).text = "totale"
    _area(tree.getroot(), "I4").find("m:ProblemArea", M).text = "Noget andet"
    a, b = tmp_path / "demo-01.xml", tmp_path / "demo-01_restyled.xml"
    a.write_bytes(etree.tostring(tree, pretty_print=True))
    b.write_bytes(_restyled(tree))
    key = [(f.rule, f.field, f.expected, f.actual) for f in original.check_file(a).findings]
    assert key == [(f.rule, f.field, f.expected, f.actual) for f in original.check_file(b).findings]
    assert [k[0] for k in key] == ["FV103", "FV203"]


def test_an_item_outside_its_container_is_found_even_if_the_container_is_perfect(
    original: Checker, tmp_path: Path
) -> None:
    def mutate(root: etree._Element) -> None:
        stray = etree.fromstring(etree.tostring(_item(root, "FA510")))
        root.find("m:ReportOfAdmission", M).append(stray)

    findings = _check(original, "demo-01", tmp_path, mutate)
    assert sorted((f.rule, f.field) for f in findings) == [
        ("FV023", "document"),
        ("FV107", "FA510"),
    ]


def test_findings_stay_the_same_over_a_long_run_of_differently_formatted_files(
    tmp_path: Path,
) -> None:
    # After many files in another style the checker stops trying its byte-equal fast path on
    # every file; what it finds must not change.
    checker = Checker(check_config("original"))
    tree = render_tree(checker.expected["demo-01"], checker.spec)
    _item(tree.getroot(), "FA460").find("m:Score", M).text = "lette"
    clean = tmp_path / "demo-02.xml"
    clean.write_bytes(_restyled(render_tree(checker.expected["demo-02"], checker.spec)))
    bad = tmp_path / "demo-01.xml"
    bad.write_bytes(_restyled(tree))
    for _ in range(100):
        assert [(f.rule, f.field) for f in checker.check_file(bad).findings] == [("FV103", "FA460")]
        assert checker.check_file(clean).findings == []
