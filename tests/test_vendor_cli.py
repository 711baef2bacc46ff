"""``render-xml`` and ``check-vendor`` as a vendor's CI uses them: exit codes, report files,
several processes, a user-supplied XSD, and matching files to citizens."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from frozen import CITIZENS, DATA, check_config, demo_path, fsiii
from lxml import etree

from fsiii_mapper.conformance.batch import CHUNK, CheckConfig, Checker, run_batch
from fsiii_mapper.conformance.render import render_xml

NS = "urn:oio:medcom:municipality:1.0.3"

# Golden: every command runs on the frozen data (tests/data).
pytestmark = pytest.mark.usefixtures("frozen_cli")


@pytest.fixture(scope="session")
def rendered_reports(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Three reference files rendered once by ``render-xml``; tests get copies (``reports``)."""
    folder = tmp_path_factory.mktemp("reports")
    for cid in ("demo-01", "demo-02", "demo-04"):
        out = folder / f"{cid}.xml"
        assert fsiii("render-xml", str(demo_path(cid)), "-s", "cura", "-o", str(out)) == 0
    return folder


@pytest.fixture
def reports(rendered_reports: Path, tmp_path: Path) -> Path:
    """A folder of reference files this test may change."""
    return Path(shutil.copytree(rendered_reports, tmp_path / "reports"))


def test_render_xml_to_stdout_is_the_same_as_to_a_file(
    reports: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    assert fsiii("render-xml", "demo-01", "-s", "cura") == 0
    assert capsysbinary.readouterr().out == (reports / "demo-01.xml").read_bytes()


def test_exit_code_0_when_all_pass(reports: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert fsiii("check-vendor", str(reports), "-s", "cura") == 0
    assert capsys.readouterr().out.splitlines()[-1] == "Success: 0 errors, 0 warnings"


def test_exit_code_1_when_a_file_has_findings(
    reports: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # The same files checked against another strategy no longer match what the tables prescribe.
    assert fsiii("check-vendor", str(reports), "-s", "original") == 1
    assert capsys.readouterr().out.splitlines()[-1].startswith("*FAILURE*: ")


def test_warnings_pass_unless_strict(reports: Path, capsys: pytest.CaptureFixture[str]) -> None:
    p = reports / "demo-01.xml"
    text = p.read_text(encoding="utf-8")
    p.write_text(text.replace("<Comment>Forflyttes med lift</Comment>", ""), encoding="utf-8")
    assert fsiii("check-vendor", str(p), "-s", "cura") == 0
    assert capsys.readouterr().out.splitlines()[-1] == "Success: 0 errors, 1 warning"
    assert fsiii("check-vendor", str(p), "-s", "cura", "--strict") == 1


@pytest.mark.parametrize(
    "argv",
    [
        ["check-vendor", "no/such/folder", "-s", "cura"],
        ["check-vendor", "{reports}", "-s", "cura", "--citizens", "no/such/dir"],
        ["check-vendor", "{reports}", "-s", "cura", "--xsd", "no/such.xsd"],
        ["check-vendor", "{reports}", "-s", "cura", "--jobs", "0"],
        ["check-vendor", "{empty}", "-s", "cura"],
        ["check-vendor", "{reports}", "-s", "somebody"],
        ["check-vendor", "{reports}"],
    ],
)
def test_exit_code_2_on_usage_or_input_errors(
    argv: list[str], reports: Path, tmp_path: Path
) -> None:
    (tmp_path / "empty").mkdir()
    args = [a.format(reports=reports, empty=tmp_path / "empty") for a in argv]
    assert fsiii(*args) == 2


def test_report_written_to_a_file_and_summary_printed(
    reports: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out.json"
    assert (
        fsiii("check-vendor", str(reports), "-s", "cura", "--format", "json", "-o", str(out)) == 0
    )
    assert json.loads(out.read_text(encoding="utf-8"))["checked"] == 3
    assert capsys.readouterr().out.strip() == "Success: 0 errors, 0 warnings"


def test_a_failed_report_write_leaves_no_file(reports: Path, tmp_path: Path) -> None:
    target = tmp_path / "missing-folder" / "out.sarif"
    assert (
        fsiii("check-vendor", str(reports), "-s", "cura", "--format", "sarif", "-o", str(target))
        == 2
    )
    assert not target.parent.exists()


def test_several_processes_give_the_same_results_in_the_same_order(tmp_path: Path) -> None:
    config = check_config("nexus")
    checker = Checker(config)
    files = []
    for i in range(2 * CHUNK + 7):
        cid = f"demo-{i % 10 + 1:02d}"
        p = tmp_path / f"{cid}_{i:04d}.xml"
        data = render_xml(checker.expected[cid], checker.spec)
        if i % 13 == 0:
            data = data.replace(b"<Score>moderate</Score>", b"<Score>lette</Score>")
        if i % 29 == 0:
            data = data[: len(data) // 2]
        p.write_bytes(data)
        files.append(p)
    one = run_batch(files, config, jobs=1, checker=checker)
    seen: list[int] = []
    many = run_batch(
        files, config, jobs=2, checker=checker, progress=lambda done, total: seen.append(done)
    )
    assert [r.file for r in many.results] == [str(f) for f in files]
    assert [(r.file, r.findings) for r in many.results] == [
        (r.file, r.findings) for r in one.results
    ]
    assert one.counts()[0] > 0
    assert seen[-1] == len(files)


def test_cancel_stops_the_batch_and_keeps_what_was_checked(tmp_path: Path) -> None:
    config = check_config("original")
    checker = Checker(config)
    files = []
    for i in range(20):
        p = tmp_path / f"demo-01_{i}.xml"
        p.write_bytes(render_xml(checker.expected["demo-01"], checker.spec))
        files.append(p)
    polls: list[int] = []

    def cancelled() -> bool:  # the user presses "cancel" while the sixth file is due
        polls.append(1)
        return len(polls) > 5

    batch = run_batch(files, config, checker=checker, cancelled=cancelled)
    assert batch.cancelled and len(batch.results) == 5


def _xsd(tmp_path: Path, require: str) -> Path:
    """A stand-in for the MedCom XSD the user supplies: root Emessage, anything inside, plus one
    required child of the root."""
    xsd = tmp_path / "stand-in.xsd"
    xsd.write_text(
        f"""<?xml version="1.0"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="{NS}"
           xmlns="{NS}" elementFormDefault="qualified">
  <xs:element name="Emessage">
    <xs:complexType>
      <xs:sequence>
        <xs:element name="{require}" minOccurs="1">
          <xs:complexType><xs:sequence>
            <xs:any processContents="skip" minOccurs="0" maxOccurs="unbounded"/>
          </xs:sequence></xs:complexType>
        </xs:element>
        <xs:any processContents="skip" minOccurs="0" maxOccurs="unbounded"/>
      </xs:sequence>
    </xs:complexType>
  </xs:element>
</xs:schema>
""",
        encoding="utf-8",
    )
    return xsd


def test_user_supplied_xsd_is_applied(
    reports: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert (
        fsiii("check-vendor", str(reports), "-s", "cura", "--xsd", str(_xsd(tmp_path, "Envelope")))
        == 0
    )
    capsys.readouterr()
    assert (
        fsiii(
            "check-vendor",
            str(reports / "demo-01.xml"),
            "-s",
            "cura",
            "--xsd",
            str(_xsd(tmp_path, "Header")),
        )
        == 1
    )
    out = capsys.readouterr().out
    assert "FV008" in out


def test_unusable_xsd_is_an_input_error(reports: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.xsd"
    bad.write_text(
        "<xs:schema xmlns:xs='http://www.w3.org/2001/XMLSchema'><xs:nonsense/></xs:schema>"
    )
    assert fsiii("check-vendor", str(reports), "-s", "cura", "--xsd", str(bad)) == 2


def test_citizens_are_matched_by_cpr_field_and_by_file_name(tmp_path: Path) -> None:
    people = tmp_path / "people"
    people.mkdir()
    shutil.copy(CITIZENS / "demo-01-gamle-tilstande.yaml", people / "a.yaml")
    text = (CITIZENS / "demo-02-forenklede-tilstande.yaml").read_text(encoding="utf-8")
    (people / "b.yaml").write_text(
        text.replace("identifier: '0001010002'", "cpr: 010203-4455"), encoding="utf-8"
    )
    text3 = (CITIZENS / "demo-03-cura-skift.yaml").read_text(encoding="utf-8")
    (people / "c.yaml").write_text(
        text3.replace("identifier: '0001010003'\n", ""), encoding="utf-8"
    )
    config = CheckConfig(people, "simplified", data_dir=DATA)
    checker = Checker(config)
    files = tmp_path / "files"
    files.mkdir()
    (files / "x.xml").write_bytes(render_xml(checker.expected["demo-02"], checker.spec))
    root = etree.fromstring((files / "x.xml").read_bytes())
    assert root.findtext(f".//{{{NS}}}CivilRegistrationNumber") == "0102034455"
    (files / "demo-03_2025-01-01.xml").write_bytes(
        render_xml(checker.expected["demo-03"], checker.spec)
    )
    (files / "nobody.xml").write_bytes(render_xml(checker.expected["demo-03"], checker.spec))
    batch = run_batch(sorted(files.iterdir()), config, checker=checker)
    got = {
        Path(r.file).name: (r.citizen, r.matched_by, [f.rule for f in r.findings])
        for r in batch.results
    }
    assert got == {
        "x.xml": ("demo-02", "identifier", []),
        "demo-03_2025-01-01.xml": ("demo-03", "file-name", []),
        "nobody.xml": (None, None, ["FV010"]),
    }


def test_progress_counts_up_to_the_total_and_ends_the_line() -> None:
    import io

    from fsiii_mapper_cli.options import Progress

    stream = io.StringIO()
    progress = Progress(stream)
    for done in range(1, 501):
        progress(done, 500)
    text = stream.getvalue()
    assert text.startswith("\r1/500 (0 %)")
    assert text.endswith("\r500/500 (100 %)\n")


def test_jobs_option_gives_the_same_report_as_one_process(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    checker = Checker(check_config("cura"))
    for i in range(CHUNK + 30):
        cid = f"demo-{i % 10 + 1:02d}"
        data = render_xml(checker.expected[cid], checker.spec)
        if i % 7 == 0:
            data = data.replace(b"<CodeSystem>icf</CodeSystem>", b"<CodeSystem>ICF</CodeSystem>")
        (tmp_path / f"{cid}_{i:03d}.xml").write_bytes(data)
    reports = []
    for jobs in ("1", "2"):
        code = fsiii("check-vendor", str(tmp_path), "-s", "cura", "--format", "json", "-j", jobs)
        reports.append((code, json.loads(capsys.readouterr().out)))
    assert reports[0] == reports[1]
    assert reports[0][0] == 1 and reports[0][1]["errors"] > 0
