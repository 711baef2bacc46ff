"""One entry point for every report format, shared by the CLI and the GUI."""

from __future__ import annotations

import os

from fsiii_mapper.conformance.batch import BatchResult
from fsiii_mapper.io.atomic import atomic_write_text

FORMATS: tuple[str, ...] = ("text", "json", "junit", "sarif")
SUFFIXES = {"text": ".txt", "json": ".json", "junit": ".xml", "sarif": ".sarif"}


def report_text(batch: BatchResult, fmt: str, lang: str | None = None) -> str:
    """The whole report in format ``fmt`` (one of FORMATS) as text."""
    if fmt == "text":
        from fsiii_mapper.conformance.report_text import batch_text

        return batch_text(batch, lang)
    if fmt == "json":
        from fsiii_mapper.conformance.report_json import batch_json_text

        return batch_json_text(batch)
    if fmt == "junit":
        from fsiii_mapper.conformance.report_junit import batch_junit

        return batch_junit(batch, lang).decode("utf-8")
    if fmt == "sarif":
        from fsiii_mapper.conformance.report_sarif import batch_sarif_text

        return batch_sarif_text(batch, lang)
    raise ValueError(f"unknown report format {fmt!r}; choose one of {', '.join(FORMATS)}")


def write_report(
    batch: BatchResult, fmt: str, path: str | os.PathLike[str], lang: str | None = None
) -> None:
    """Write the report atomically: the file is complete or untouched."""
    atomic_write_text(path, report_text(batch, fmt, lang))
