"""One entry point for every report format, shared by the CLI and the GUI."""

from __future__ import annotations

import io
import os
from typing import BinaryIO, TextIO

from fsiii_mapper.conformance.batch import BatchResult
from fsiii_mapper.io.atomic import atomic_write_stream

FORMATS: tuple[str, ...] = ("text", "json", "junit", "sarif")
SUFFIXES = {"text": ".txt", "json": ".json", "junit": ".xml", "sarif": ".sarif"}


def write_to(batch: BatchResult, fmt: str, out: TextIO, lang: str | None = None) -> None:
    """Write the report in format ``fmt`` (one of FORMATS) to ``out`` piece by piece: memory
    does not grow with the number of files."""
    if fmt == "text":
        from fsiii_mapper.conformance.report_text import write_text

        write_text(batch, out, lang)
    elif fmt == "json":
        from fsiii_mapper.conformance.report_json import write_json

        write_json(batch, out)
    elif fmt == "junit":
        from fsiii_mapper.conformance.report_junit import write_junit

        write_junit(batch, out, lang)
    elif fmt == "sarif":
        from fsiii_mapper.conformance.report_sarif import write_sarif

        write_sarif(batch, out, lang)
    else:
        raise ValueError(f"unknown report format {fmt!r}; choose one of {', '.join(FORMATS)}")


def report_text(batch: BatchResult, fmt: str, lang: str | None = None) -> str:
    """The whole report in format ``fmt`` as one text (for small batches and tests)."""
    buf = io.StringIO()
    write_to(batch, fmt, buf, lang)
    return buf.getvalue()


def write_report(
    batch: BatchResult, fmt: str, path: str | os.PathLike[str], lang: str | None = None
) -> None:
    """Write the report atomically and as a stream: the file is complete or untouched."""

    def fill(fh: BinaryIO) -> None:
        text = io.TextIOWrapper(fh, encoding="utf-8", newline="\n", write_through=False)
        write_to(batch, fmt, text, lang)
        text.flush()
        text.detach()  # the binary file is closed by its owner

    atomic_write_stream(path, fill)
