"""JSON report: every file with its citizen and findings, plus the totals.

Written as a stream: one file's entry at a time, so a report over any number of files needs no
more memory than one entry (``write_json_stream`` is shared with the SARIF writer).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any, TextIO

from fsiii_mapper import __version__
from fsiii_mapper.conformance.batch import BatchResult
from fsiii_mapper.conformance.report_text import summary_line

_MARK = "\x00stream\x00"


def write_json_stream(
    out: TextIO, doc: dict[str, Any], items: Iterable[Any], holder: list[Any]
) -> None:
    """Write ``doc`` as ``json.dumps(doc, ensure_ascii=False, indent=2)`` would, with ``holder``
    (an empty list somewhere inside ``doc``) filled from ``items`` one at a time — byte for byte
    the text of the whole document built in memory."""
    holder.append(_MARK)
    try:
        text = json.dumps(doc, ensure_ascii=False, indent=2)
    finally:
        holder.pop()
    mark = json.dumps(_MARK)
    at = text.index(mark)
    line_start = text.rfind("\n", 0, at) + 1
    pad = " " * (at - line_start)
    head, tail = text[: line_start - 1], text[at + len(mark) :]
    out.write(head)  # ends with the list's "["
    first = True
    for item in items:
        body = json.dumps(item, ensure_ascii=False, indent=2).replace("\n", "\n" + pad)
        out.write(("\n" if first else ",\n") + pad + body)
        first = False
    if first:  # an empty list is written "[]"
        tail = "]" + tail[tail.index("]") + 1 :]
    out.write(tail + "\n")


def write_json(batch: BatchResult, out: TextIO) -> None:
    errors, warnings = batch.counts()
    files: list[Any] = []
    doc = {
        "tool": {"name": "fsiii-mapper", "version": __version__},
        "strategy": batch.strategy,
        "total": batch.total,
        "checked": len(batch.results),
        "cancelled": batch.cancelled,
        "errors": errors,
        "warnings": warnings,
        "summary": summary_line(errors, warnings),
        "files": files,
    }
    entries = (
        {
            "file": r.file,
            "citizen": r.citizen,
            "matched_by": r.matched_by,
            "passed": r.passed,
            "findings": [f.to_json() for f in r.findings],
        }
        for r in batch.results
    )
    write_json_stream(out, doc, entries, files)
