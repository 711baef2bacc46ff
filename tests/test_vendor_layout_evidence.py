"""The shipped report layout and the evidence: files shaped like XD1834C pass, our guesses never
fail a vendor, field ids are apart from report codes, the golden file is a complete message.

These tests read ``mapping_tables/`` on purpose: their subject is the shipped layout itself.
"""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import pytest
from lxml import etree

from fsiii_mapper.conformance.batch import CheckConfig, Checker
from fsiii_mapper.conformance.render import render_xml
from fsiii_mapper.engine.populate import STRATEGIES
from fsiii_mapper.io.yamltree import dump_yaml, load_yaml
from fsiii_mapper_cli.main import main

ROOT = Path(__file__).resolve().parents[1]
SHIPPED = ROOT / "mapping_tables"
MSG = "urn:oio:medcom:municipality:1.0.3"
SHARED = "urn:oio:medcom:municipality:1.0.0"
SHARED_BLOCKS = ("Envelope", "Sender", "Receiver")
SHARED_LEAVES = ("CivilRegistrationNumber", "PersonSurnameName", "PersonGivenName")
DEMOS = [f"demo-{i:02d}" for i in range(1, 11)]


@pytest.fixture(scope="module")
def shipped() -> dict[str, Checker]:
    return {s: Checker(CheckConfig(SHIPPED / "citizens", s, data_dir=SHIPPED)) for s in STRATEGIES}


def _local(el: etree._Element) -> str:
    return etree.QName(el).localname


def _in(ns: str, el: etree._Element) -> None:
    for e in el.iter():
        if isinstance(e.tag, str):
            e.tag = f"{{{ns}}}{_local(e)}"


def round_one_shape(xml: bytes) -> etree._Element:
    """The shape of round 1: everything in 1.0.3, no wrapper, raw newlines in free text."""
    root = etree.fromstring(xml)
    _in(MSG, root)
    for wrapper in list(root.iter(f"{{{MSG}}}AbilityToFunctionElements")):
        parent = wrapper.getparent()
        for item in list(wrapper):
            parent.append(item)
        parent.remove(wrapper)
    for brk in list(root.iter(f"{{{MSG}}}Break")):
        holder = brk.getparent()
        prev = brk.getprevious()
        text = "\n" + (brk.tail or "")
        if prev is None:
            holder.text = (holder.text or "") + text
        else:
            prev.tail = (prev.tail or "") + text
        holder.remove(brk)
    etree.cleanup_namespaces(root)
    return root


def xd1834c_shape(root: etree._Element) -> bytes:
    """Re-shape a file the way the XD1834C instance is: shared parts in 1.0.0, the function
    items in an ``AbilityToFunctionElements`` wrapper, line breaks as ``<Break/>``."""
    for el in list(root.iter()):
        if not isinstance(el.tag, str):
            continue
        if _local(el) in SHARED_BLOCKS:
            _in(SHARED, el)
        elif _local(el) in SHARED_LEAVES:
            el.tag = f"{{{SHARED}}}{_local(el)}"
    for holder in root.iter(f"{{{MSG}}}AbilityToFunction"):
        items = [c for c in holder if _local(c) == "AbilityToFunctionElement"]
        if items and holder.find(f"{{{MSG}}}AbilityToFunctionElements") is None:
            wrapper = etree.SubElement(holder, f"{{{MSG}}}AbilityToFunctionElements")
            for item in items:
                wrapper.append(item)
    for el in root.iter(f"{{{MSG}}}ProblemArea", f"{{{MSG}}}Comment"):
        if el.text and "\n" in el.text:
            first, *rest = el.text.split("\n")
            el.text = first
            for i, line in enumerate(rest):
                brk = etree.Element(f"{{{MSG}}}Break")
                brk.tail = line
                el.insert(i, brk)
    out: bytes = etree.tostring(root, xml_declaration=True, encoding="UTF-8")
    return out


@pytest.mark.parametrize("strategy", STRATEGIES)
def test_golden_and_evidence_shaped_files_give_no_errors_for_every_demo_and_strategy(
    shipped: dict[str, Checker], strategy: str, tmp_path: Path
) -> None:
    checker = shipped[strategy]
    for cid in DEMOS:
        golden = render_xml(checker.expected[cid], checker.spec)
        path = tmp_path / f"{cid}.xml"
        path.write_bytes(golden)
        assert checker.check_file(path).findings == [], (cid, "golden")

        old = round_one_shape(golden)
        assert b"<Break/>" not in etree.tostring(old)
        path.write_bytes(etree.tostring(old))
        # Our guesses (namespace, wrapper) never fail a vendor: warnings, no errors …
        found = checker.check_file(path).findings
        assert all(f.severity == "warning" for f in found), (cid, found)
        assert {f.rule for f in found} <= {"FV020", "FV024"}

        path.write_bytes(xd1834c_shape(old))
        assert [f for f in checker.check_file(path).findings if f.severity == "error"] == [], cid


def test_our_guesses_fail_a_file_only_with_strict_form(
    shipped: dict[str, Checker], tmp_path: Path
) -> None:
    checker = shipped["original"]
    path = tmp_path / "demo-01.xml"
    path.write_bytes(
        etree.tostring(round_one_shape(render_xml(checker.expected["demo-01"], checker.spec)))
    )
    warnings = checker.check_file(path).findings
    wrapper = next(f for f in warnings if f.rule == "FV024")
    assert "xml.function_items_wrapper: søskendebevis" in wrapper.message
    strict = Checker(
        CheckConfig(SHIPPED / "citizens", "original", data_dir=SHIPPED, strict_form=True)
    )
    errors = strict.check_file(path).findings
    assert {f.rule for f in errors} == {f.rule for f in warnings}
    assert {f.severity for f in errors} == {"error"}


def test_render_xml_writes_a_complete_message(shipped: dict[str, Checker]) -> None:
    checker = shipped["cura"]  # demo-01: function items and problem areas under Cura
    root = etree.fromstring(render_xml(checker.expected["demo-01"], checker.spec))
    ns = {"m": MSG, "s": SHARED}
    assert root.find("s:Envelope/s:Sent/s:Date", ns) is not None
    assert root.findtext("s:Envelope/s:AcknowledgementCode", namespaces=ns)
    letter = root.find("m:ReportOfAdmission/m:Letter", ns)
    children = [_local(c) for c in letter]
    assert children == [
        "Identifier",
        "VersionCode",
        "StatisticalCode",
        "Authorisation",
        "TypeCode",
        "StatusCode",
    ]
    assert 0 < len(letter.findtext("m:Identifier", namespaces=ns)) <= 14
    for block in ("Sender", "Receiver"):
        el = root.find(f"m:ReportOfAdmission/s:{block}", ns)
        assert el.findtext("s:EANIdentifier", namespaces=ns) == "0000000000000"
    patient = root.find("m:ReportOfAdmission/m:Patient", ns)
    assert patient.findtext("s:CivilRegistrationNumber", namespaces=ns) == "0001010001"
    assert patient.findtext("s:PersonSurnameName", namespaces=ns)
    ability = root.find("m:ReportOfAdmission/m:AbilityToFunction", ns)
    assert [_local(c) for c in ability] == ["LastModifiedDate", "AbilityToFunctionElements"]
    codes = root.xpath("//m:NursingProblemArea/m:Terminology/m:CodeSystem/text()", namespaces=ns)
    assert codes and set(codes) == {"medcom"}


def test_every_letter_identifier_fits_the_schema(shipped: dict[str, Checker]) -> None:
    ids = {c.expected[cid].letter_id for c in shipped.values() for cid in DEMOS}
    assert len(ids) == len(DEMOS) * len(STRATEGIES)
    assert max(len(i) for i in ids) <= 14


def test_changing_report_codes_leaves_tables_valid_and_render_writes_the_new_codes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = Path(shutil.copytree(SHIPPED, tmp_path / "data"))
    layout_path = data / "report_layout.yaml"
    doc = load_yaml(layout_path).data
    for i, area in enumerate(doc["problem_areas"]):
        area["report_code"] = "ABCDEFGHIJKL"[i]
    layout_path.write_text(dump_yaml(doc), encoding="utf-8")

    assert main(["--data", str(data), "validate"]) == 0
    out = tmp_path / "demo-01.xml"
    assert (
        main(["--data", str(data), "render-xml", "demo-01", "-s", "original", "-o", str(out)]) == 0
    )
    codes = etree.fromstring(out.read_bytes()).xpath(
        "//*[local-name()='NursingProblemArea']/*[local-name()='Terminology']"
        "/*[local-name()='Code']/text()"
    )
    assert codes and set(codes) <= set("ABCDEFGHIJKL")
    capsys.readouterr()
    assert main(["--data", str(data), "check-vendor", str(out), "-s", "original"]) == 0
    # The file written with the old codes now carries unknown codes: a content error.
    old = tmp_path / "old" / "demo-01.xml"
    old.parent.mkdir()
    assert (
        main(["--data", str(SHIPPED), "render-xml", "demo-01", "-s", "original", "-o", str(old)])
        == 0
    )
    assert main(["--data", str(data), "check-vendor", str(old), "-s", "original"]) == 1
    assert "FV204" in capsys.readouterr().out


def test_a_malformed_file_states_its_position_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "demo-01.xml"
    path.write_text("<a>\n<b>\n</a>", encoding="utf-8")
    assert main(["--data", str(SHIPPED), "check-vendor", str(path), "-s", "cura"]) == 1
    line = next(ln for ln in capsys.readouterr().out.splitlines() if "FV003" in ln)
    assert line.startswith(f"{path}:3:")
    assert "line 3" not in line and "column 5" in line


def test_a_line_break_in_free_text_is_written_as_break_and_read_back(
    shipped: dict[str, Checker], tmp_path: Path
) -> None:
    checker = shipped["original"]
    exp = checker.expected["demo-01"]
    area = exp.areas[0]
    two = replace(area, entries=(*area.entries, *area.entries))
    exp2 = replace(exp, areas=(two, *exp.areas[1:]))
    golden = render_xml(exp2, checker.spec)
    assert b"<Break/>" in golden and b"\n" not in golden.split(b"<ProblemArea>")[1].split(b"</")[0]
    area_text = etree.fromstring(golden).xpath("//*[local-name()='ProblemArea']")[0]
    assert "".join(area_text.itertext()).count(area.entries[0].display) == 2
