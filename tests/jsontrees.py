"""Helpers for tests over JSON documents (FHIR bundles, CodeSystems) and the bench's generator."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Any

BENCH = Path(__file__).parent.parent / "bench"


def json_paths(node: Any, here: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every place in a JSON document (keys and indexes from the top), the top itself first."""
    out = [here]
    if isinstance(node, dict):
        for k, v in node.items():
            out += json_paths(v, (*here, k))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            out += json_paths(v, (*here, i))
    return out


def bench_module(name: str) -> Any:
    """``bench/<name>.py`` as a module (its generators make test data as the benchmark does)."""
    spec = importlib.util.spec_from_file_location(f"bench_{name}", BENCH / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
