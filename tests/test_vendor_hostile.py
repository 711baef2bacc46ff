"""Hostile and broken files: each ends quickly as a finding for that file, reads nothing outside
it, and never stops the batch."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from frozen import fsiii

from fsiii_mapper.conformance.batch import Checker, run_batch
from fsiii_mapper.conformance.render import render_xml
from fsiii_mapper.conformance.safexml import XmlProblem, read_bounded

SECRET = "TOP-SECRET-7f3a"


@pytest.fixture
def checker(frozen_checkers: Callable[[str], Checker]) -> Checker:
    return frozen_checkers("original")


@pytest.fixture
def secret_file(tmp_path: Path) -> Path:
    p = tmp_path / "secret.txt"
    p.write_text(SECRET)
    return p


def _laugh(i: int) -> bytes:
    """Entity ``lol<i>`` = ten references to the previous one: 10**9 "lol"s at level 9."""
    ref = f"&lol{i - 1};" if i > 1 else "&lol;"
    return f'<!ENTITY lol{i} "{ref * 10}">\n'.encode()


def _hostile(folder: Path, secret: Path) -> dict[str, tuple[Path, str]]:
    """name → (file, the rule it must give)."""
    folder.mkdir()
    files: dict[str, tuple[bytes, str]] = {
        "xxe": (
            f'<?xml version="1.0"?>\n<!DOCTYPE Emessage [<!ENTITY s SYSTEM "{secret.as_uri()}">]>'
            f'\n<Emessage xmlns="urn:oio:medcom:municipality:1.0.3">&s;</Emessage>'.encode(),
            "FV004",
        ),
        "xxe-utf16": (
            f'<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE a [<!ENTITY s SYSTEM '
            f'"{secret.as_uri()}">]><a>&s;</a>'.encode("utf-16"),
            "FV004",
        ),
        "billion-laughs": (
            b'<?xml version="1.0"?>\n<!DOCTYPE lolz [\n<!ENTITY lol "lol">\n'
            + b"".join(_laugh(i) for i in range(1, 10))
            + b"]>\n<lolz>&lol9;</lolz>",
            "FV004",
        ),
        "external-dtd": (
            b'<?xml version="1.0"?>\n<!DOCTYPE Emessage SYSTEM "http://127.0.0.1:9/x.dtd">\n'
            b"<Emessage/>",
            "FV004",
        ),
        "deep": (b"<a>" * 100_000 + b"</a>" * 100_000, "FV005"),
        "invalid-utf8": (
            b'<?xml version="1.0" encoding="UTF-8"?>\n<Emessage>\xff\xfe\xc3</Emessage>',
            "FV006",
        ),
        "empty": (b"", "FV007"),
        "not-xml": (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\n", "FV003"),
        "truncated": (
            b'<?xml version="1.0"?>\n<Emessage xmlns="urn:oio:medcom:municipality:'
            b'1.0.3"><ReportOfAdmission><Letter>',
            "FV003",
        ),
    }
    out = {}
    for name, (data, rule) in files.items():
        p = folder / f"{name}.xml"
        p.write_bytes(data)
        out[name] = (p, rule)
    big = folder / "huge-200MB.xml"
    with big.open("wb") as fh:  # sparse: 200 MB on paper, nothing to read
        fh.write(b"<Emessage>")
        fh.truncate(200 * 1024 * 1024)
    out["huge"] = (big, "FV002")
    return out


def test_each_hostile_file_is_one_finding_and_the_batch_goes_on(
    checker: Checker, tmp_path: Path, secret_file: Path
) -> None:
    hostile = _hostile(tmp_path / "in", secret_file)
    good = tmp_path / "in" / "demo-01.xml"
    good.write_bytes(render_xml(checker.expected["demo-01"], checker.spec))
    files = [*sorted(p for p, _ in hostile.values()), good]
    batch = run_batch(files, checker.config, checker=checker)
    assert len(batch.results) == len(files)
    by_file = {r.file: r for r in batch.results}
    for name, (path, rule) in hostile.items():
        result = by_file[str(path)]
        assert [f.rule for f in result.findings] == [rule], (name, result.findings)
        assert result.citizen is None
    assert by_file[str(good)].findings == []
    assert SECRET not in json.dumps([f.to_json() for f in batch.findings])


@pytest.mark.usefixtures("frozen_cli")
def test_cli_reports_hostile_files_and_never_leaks_what_they_point_at(
    tmp_path: Path, secret_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _hostile(tmp_path / "in", secret_file)
    for fmt in ("text", "json", "junit", "sarif"):
        code = fsiii("check-vendor", str(tmp_path / "in"), "-s", "original", "--format", fmt)
        out, err = capsys.readouterr()
        assert code == 1
        assert SECRET not in out + err
        assert "*FAILURE*: 10 errors, 0 warnings" in out + err


def test_size_limit_is_checked_before_reading(tmp_path: Path) -> None:
    p = tmp_path / "big.xml"
    p.write_bytes(b"<a>" + b"x" * 2000 + b"</a>")
    with pytest.raises(XmlProblem) as exc:
        read_bounded(p, max_bytes=1000)
    assert exc.value.kind == "too-large"
    assert read_bounded(p, max_bytes=5000).startswith(b"<a>")


@pytest.mark.usefixtures("frozen_cli")
def test_max_size_option_refuses_a_file_over_the_limit(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fsiii("render-xml", "demo-01", "-s", "original", "-o", str(tmp_path / "demo-01.xml"))
    assert fsiii("check-vendor", str(tmp_path), "-s", "original", "--max-size", "0.001") == 1
    assert "FV002" in capsys.readouterr().out


def test_a_folder_named_like_a_report_is_not_read_as_one(checker: Checker, tmp_path: Path) -> None:
    result = checker.check_file(tmp_path)  # a directory given as a file
    assert [f.rule for f in result.findings] == ["FV001"]


def test_the_parser_itself_expands_no_entities_even_past_the_doctype_refusal(
    secret_file: Path,
) -> None:
    # Defence in depth: were the DOCTYPE pre-check ever bypassed, the parser must still neither
    # expand internal entities nor read external ones.
    from lxml import etree

    from fsiii_mapper.conformance import safexml

    laughs = (
        b'<!DOCTYPE lolz [<!ENTITY lol "lol">'
        + b"".join(_laugh(i) for i in range(1, 10))
        + b"]><lolz>&lol9;</lolz>"
    )
    xxe = f'<!DOCTYPE a [<!ENTITY s SYSTEM "{secret_file.as_uri()}">]><a>&s;</a>'.encode()
    for data in (laughs, xxe):
        try:
            root = etree.fromstring(data, safexml._parser())
        except etree.XMLSyntaxError:
            continue
        text = etree.tostring(root, method="text", encoding="unicode")
        assert len(text) < 100 and SECRET not in text


@pytest.mark.parametrize("root", ["CivilRegistrationNumber", "Patient", "Emessage"])
def test_a_file_that_is_only_an_identifier_element_is_a_finding_not_a_crash(
    tmp_path: Path, checker: Checker, root: str
) -> None:
    p = tmp_path / f"{root}.xml"
    p.write_text(
        f'<?xml version="1.0"?>\n<{root} xmlns="urn:oio:medcom:municipality:1.0.3">0101010101'
        f"</{root}>",
        encoding="utf-8",
    )
    result = checker.check_file(p)
    assert result.findings and not result.passed
