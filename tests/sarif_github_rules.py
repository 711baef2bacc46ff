"""The SARIF multitool's GitHub rule set (GH1001–GH1007), written from its documented rules, plus
GitHub code scanning's documented limits and the SARIF authoring rules our dashboards rely on.

``github_problems(log)`` lists every violation as "GHnnnn: where: what"; an empty list means GitHub
code scanning accepts the file and shows each result at its place.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

# GitHub code scanning's limits (GH1004): beyond them GitHub drops or truncates.
LIMITS = {
    "runs": 20,
    "rules": 25_000,
    "results": 25_000,
    "locations": 1_000,
    "tags": 20,
    "codeFlows": 10_000,
}


def _is_file_path(uri: str) -> bool:
    parts = urlsplit(uri)
    return parts.scheme in ("", "file")


def github_problems(log: dict[str, Any]) -> list[str]:
    out: list[str] = []
    runs = log.get("runs") or []
    if len(runs) > LIMITS["runs"]:
        out.append(f"GH1004: runs: {len(runs)} > {LIMITS['runs']}")
    for ri, run in enumerate(runs):
        driver = run.get("tool", {}).get("driver", {})
        rules = driver.get("rules") or []
        if len(rules) > LIMITS["rules"]:
            out.append(f"GH1004: runs[{ri}].rules: {len(rules)}")
        for rule in rules:
            tags = (rule.get("properties") or {}).get("tags") or []
            if len(tags) > LIMITS["tags"]:
                out.append(f"GH1004: rule {rule.get('id')}: {len(tags)} tags")
        results = run.get("results") or []
        if len(results) > LIMITS["results"]:
            out.append(f"GH1004: runs[{ri}].results: {len(results)}")
        working_dirs = [
            (inv.get("workingDirectory") or {}).get("uri") for inv in run.get("invocations") or []
        ]
        for i, res in enumerate(results):
            where = f"runs[{ri}].results[{i}]"
            locations = res.get("locations")
            if locations is None:
                out.append(f"GH1001: {where}: no 'locations'")
                continue
            if not locations:
                out.append(f"GH1001: {where}: empty 'locations'")
            if len(locations) > LIMITS["locations"]:
                out.append(f"GH1004: {where}.locations: {len(locations)}")
            for li, loc in enumerate(locations):
                lw = f"{where}.locations[{li}]"
                physical = loc.get("physicalLocation") or {}
                uri = (physical.get("artifactLocation") or {}).get("uri")
                if not uri:
                    out.append(f"GH1001: {lw}: no physicalLocation.artifactLocation.uri")
                    continue
                if not _is_file_path(uri):
                    out.append(f"GH1005: {lw}: {uri!r} is not a file path")
                if urlsplit(uri).scheme == "file" and not any(working_dirs):
                    out.append(f"GH1006: {lw}: absolute file URI without a checkout path")
                region = physical.get("region")
                if region is None:
                    out.append(f"GH1003: {lw}: no region")
                elif not isinstance(region.get("startLine"), int) or region["startLine"] < 1:
                    out.append(f"GH1003: {lw}: region without startLine")
            for flow in res.get("codeFlows") or []:
                for thread in flow.get("threadFlows") or []:
                    for step in thread.get("locations") or []:
                        if "index" in step:
                            out.append(f"GH1002: {where}: threadFlowLocation uses 'index'")
            for rel in res.get("relatedLocations") or []:
                if "message" not in rel:
                    out.append(f"GH1007: {where}: related location without 'message'")
            if not (res.get("message") or {}).get("text"):
                out.append(f"GH1001: {where}: result without message text")
    return out


def authoring_problems(log: dict[str, Any]) -> list[str]:
    """What GitHub shows beside a result: the rule's help and the tool's links (SARIF2005,
    SARIF2012 and GitHub's rule display: shortDescription, fullDescription, help)."""
    out: list[str] = []
    for run in log.get("runs") or []:
        driver = run["tool"]["driver"]
        if not driver.get("informationUri"):
            out.append("SARIF2005: the tool has no informationUri")
        for rule in driver.get("rules") or []:
            rid = rule.get("id")
            for key in ("shortDescription", "fullDescription"):
                if not (rule.get(key) or {}).get("text"):
                    out.append(f"{rid}: no {key}")
            help_ = rule.get("help") or {}
            if not help_.get("text") or not help_.get("markdown"):
                out.append(f"{rid}: help without text and markdown")
            if not rule.get("helpUri"):
                out.append(f"SARIF2012: {rid}: no helpUri")
            if rule.get("name") == rid:
                out.append(f"SARIF1001: {rid}: name equals id")
    return out
