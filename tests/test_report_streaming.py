"""The check-vendor reports are written as streams: the memory a report writer needs does not grow
with the number of files (a vendor's CI checks thousands), and the streamed text is exactly the
document a reader parses back — JSON/SARIF as ``json.dumps(…, indent=2)``, JUnit pretty-printed."""

from __future__ import annotations

import io
import json
import tracemalloc
from pathlib import Path

import pytest
from lxml import etree

from fsiii_mapper.conformance.batch import BatchResult, FileResult
from fsiii_mapper.conformance.findings import finding
from fsiii_mapper.conformance.report_files import FORMATS, report_text, write_report

FIELDS = [(f"FA{500 + i}", f"Felt {i}") for i in range(20)]


def _batch(n: int) -> BatchResult:
    """``n`` files: most clean, every tenth with an error and a warning, every 25th unreadable."""
    results = []
    for i in range(n):
        name = f"reports/vendor-{i:06d}.xml"
        findings = []
        if i % 10 == 0:
            findings = [
                finding("FV103", name, "en", field="FA505", line=7, expected="let", actual="svær"),
                finding("FV108", name, "en", field="FA507", line=9),
            ]
        if i % 25 == 0:
            results.append(FileResult(name, None, None, [finding("FV003", name, "en")]))
        else:
            results.append(FileResult(name, f"demo-{i % 7:02d}", "identifier", findings))
    return BatchResult("cura", FIELDS, results, total=n)


class _Sink(io.TextIOBase):
    """Counts what is written and keeps none of it (a pipe or a file, as far as memory goes)."""

    def __init__(self) -> None:
        self.chars = 0

    def write(self, s: str) -> int:
        self.chars += len(s)
        return len(s)


def _writer_peak(batch: BatchResult, fmt: str) -> int:
    from fsiii_mapper.conformance.report_files import write_to

    sink = _Sink()
    tracemalloc.start()
    try:
        write_to(batch, fmt, sink, "en")
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_report_writer_needs_no_more_memory_for_ten_times_the_files(fmt: str) -> None:
    small, large = _batch(300), _batch(3_000)
    _writer_peak(small, fmt)  # warm: imports, translations, rule texts
    peak_small = _writer_peak(small, fmt)
    peak_large = _writer_peak(large, fmt)
    # Written whole, the report of 3,000 files is megabytes; streamed, the writer holds one file's
    # piece at a time; the bound leaves room for the SARIF fingerprints (one per result) only.
    assert peak_large < peak_small + 200_000, (fmt, peak_small, peak_large)


@pytest.mark.parametrize("fmt", ["json", "sarif"])
def test_streamed_json_is_the_standard_indented_document(fmt: str) -> None:
    for n in (0, 1, 60):
        text = report_text(_batch(n), fmt, "en")
        assert text == json.dumps(json.loads(text), ensure_ascii=False, indent=2) + "\n"


def test_streamed_junit_is_the_pretty_printed_document() -> None:
    for n in (0, 1, 60):
        text = report_text(_batch(n), "junit", "en")
        root = etree.fromstring(text.encode("utf-8"))
        again = etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
        assert text.encode("utf-8") == again
        assert root.get("tests") == str(sum(int(s.get("tests")) for s in root))
        assert root.get("failures") == str(sum(int(s.get("failures")) for s in root))


def test_sarif_beyond_its_limit_keeps_errors_first_in_file_order() -> None:
    from fsiii_mapper.conformance.report_sarif import write_sarif

    batch = _batch(100)  # 4 unreadable; 8 with an error and a warning: 12 errors, 8 warnings
    out = io.StringIO()
    write_sarif(batch, out, "en", max_results=15)
    run = json.loads(out.getvalue())["runs"][0]
    levels = [r["level"] for r in run["results"]]
    assert levels.count("error") == 12 and levels.count("warning") == 3
    files = [
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in run["results"]
    ]
    assert files == sorted(files)
    assert run["properties"]["resultsLeftOut"] == 5


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_written_report_file_is_the_same_text(fmt: str, tmp_path: Path) -> None:
    batch = _batch(40)
    path = tmp_path / f"report.{fmt}"
    write_report(batch, fmt, path, "da")
    assert path.read_text(encoding="utf-8") == report_text(batch, fmt, "da")
    assert [p.name for p in tmp_path.iterdir()] == [path.name]  # no temporary file left
