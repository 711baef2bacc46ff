"""JSON report: every file with its citizen and findings, plus the totals."""

from __future__ import annotations

import json
from typing import Any

from fsiii_mapper import __version__
from fsiii_mapper.conformance.batch import BatchResult
from fsiii_mapper.conformance.report_text import summary_line


def batch_json(batch: BatchResult) -> dict[str, Any]:
    errors, warnings = batch.counts()
    return {
        "tool": {"name": "fsiii-mapper", "version": __version__},
        "strategy": batch.strategy,
        "total": batch.total,
        "checked": len(batch.results),
        "cancelled": batch.cancelled,
        "errors": errors,
        "warnings": warnings,
        "summary": summary_line(errors, warnings),
        "files": [
            {
                "file": r.file,
                "citizen": r.citizen,
                "matched_by": r.matched_by,
                "passed": r.passed,
                "findings": [f.to_json() for f in r.findings],
            }
            for r in batch.results
        ],
    }


def batch_json_text(batch: BatchResult) -> str:
    return json.dumps(batch_json(batch), ensure_ascii=False, indent=2) + "\n"
