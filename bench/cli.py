"""CLI cold start, as ratios against baselines measured in the same run.

A vendor's CI calls the command line once per check and a trainer once per handout, so the cost
that counts is the whole process: interpreter start, imports, work, exit. Each case is timed as
the median of several fresh processes, next to its baseline:

- ``--help`` against ``python -c "import argparse"`` (aim ≤ 2×);
- ``preview demo-01 -s cura --format json`` against
  ``python -c "import pydantic, ruamel.yaml, lxml.etree"`` (aim ≤ 1.5×): the libraries the work
  needs, so the ratio is what our own code adds.

    python bench/cli.py [--repeat N]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time

CLI = [sys.executable, "-m", "fsiii_mapper_cli.main"]
# As installed: with bytecode. (PYTHONDONTWRITEBYTECODE, set in some sandboxes, would make every
# process compile our sources again, while the baseline's libraries come with theirs.)
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
CASES: tuple[tuple[str, list[str], list[str], float], ...] = (
    ("--help", [*CLI, "--help"], [sys.executable, "-c", "import argparse"], 2.0),
    (
        "preview demo-01 -s cura --format json",
        [*CLI, "preview", "demo-01", "-s", "cura", "--format", "json"],
        [sys.executable, "-c", "import pydantic, ruamel.yaml, lxml.etree"],
        1.5,
    ),
)


def _median_run(cmd: list[str], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(
            cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=ENV
        )
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--repeat", type=int, default=15, help="fresh processes per measurement")
    args = p.parse_args()
    for name, cmd, baseline, aim in CASES:
        _median_run(cmd, 2)  # warm the file cache
        ours, base = [], []
        for _ in range(3):  # interleave, so load on a shared machine hits both alike
            base.append(_median_run(baseline, args.repeat // 3 or 1))
            ours.append(_median_run(cmd, args.repeat // 3 or 1))
        o, b = statistics.median(ours), statistics.median(base)
        print(
            f"{name:<40} {1000 * o:7.1f} ms | baseline {1000 * b:7.1f} ms | "
            f"ratio {o / b:4.2f}× (aim ≤ {aim:.1f}×)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
