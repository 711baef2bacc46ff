"""Benchmark: check-vendor over 10,000 generated report files, against a bare lxml parse.

Generates report files for the demo citizens (most clean, some with a wrong score word, a missing
item or a truncated end), then, in the same run, times

- the baseline: read each file and parse it with ``lxml.etree.fromstring`` (nothing else), and
- the checker: read safely, parse safely, match the citizen, compare field by field,

and prints files per second and the checker/baseline ratio (aim: ≤ 2×), at 1,000 and at 10,000
files, so one sees the cost per file stays flat as the batch grows. Ratios, not seconds, are what to
compare between machines.

Then the peak memory (maximum resident set) of the whole ``fsiii-mapper check-vendor`` command,
in a fresh process per report format, at 1,000 and at 10,000 files: it must not grow with the
number of files (the report writers stream).

    python bench/vendor_check.py [--files N] [--small M] [--strategy S] [--jobs J] [--repeat R]
                           [--memory-only | --time-only]
"""

from __future__ import annotations

import argparse
import contextlib
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from lxml import etree

from fsiii_mapper.conformance.batch import BatchResult, CheckConfig, Checker, run_batch
from fsiii_mapper.conformance.render import render_xml
from fsiii_mapper.workspace import citizens_dir


def generate(checker: Checker, folder: Path, n: int) -> list[Path]:
    folder.mkdir(exist_ok=True)
    ids = sorted(checker.expected)
    clean = {cid: render_xml(checker.expected[cid], checker.spec) for cid in ids}
    files = []
    for i in range(n):
        cid = ids[i % len(ids)]
        data = clean[cid]
        if i % 17 == 0:
            data = data.replace(b"<Score>moderate</Score>", b"<Score>lette</Score>", 1)
        elif i % 31 == 0:
            start = data.find(b"<AbilityToFunctionElement>")
            end = data.find(b"</AbilityToFunctionElement>") + len(b"</AbilityToFunctionElement>")
            if start >= 0:
                data = data[:start] + data[end:]
        elif i % 97 == 0:
            data = data[: len(data) * 2 // 3]
        p = folder / f"{cid}_{i:06d}.xml"
        p.write_bytes(data)
        files.append(p)
    return files


def restyle(files: list[Path], folder: Path) -> list[Path]:
    """The same reports as another vendor might format them: a namespace prefix, no
    indentation. Equal in content, but never byte-equal to the reference: the checker compares
    them with the reference serialised in the file's prefixes. Broken files are copied as they
    are."""

    def copy(el: etree._Element, parent: etree._Element | None, ns: str) -> etree._Element:
        new = (
            etree.Element(el.tag, nsmap={"v": ns})
            if parent is None
            else etree.SubElement(parent, el.tag)
        )
        new.text = el.text if el.text and el.text.strip() else None
        if parent is not None:  # text after a line break (<Break/>) is content, indentation not
            new.tail = el.tail if el.tail and el.tail.strip() else None
        for child in el:
            if isinstance(child.tag, str):
                copy(child, new, ns)
        return new

    out = []
    for p in files:
        data = p.read_bytes()
        try:
            root = etree.fromstring(data)
        except etree.XMLSyntaxError:
            pass
        else:
            data = etree.tostring(
                copy(root, None, etree.QName(root).namespace),
                xml_declaration=True,
                encoding="UTF-8",
            )
        q = folder / p.name
        q.write_bytes(data)
        out.append(q)
    return out


def bare_parse(files: list[Path]) -> None:
    for p in files:
        with contextlib.suppress(etree.XMLSyntaxError):
            etree.fromstring(p.read_bytes())


def timed(fn: Callable[[], object]) -> float:
    t = time.perf_counter()
    fn()
    return time.perf_counter() - t


def measure(label: str, files: list[Path], checker: Checker, jobs: int, repeat: int) -> float:
    """Baseline and checker timed in turns, ``repeat`` pairs: the ratio printed is the median of
    the pairs' ratios (a neighbour's load falls on both halves of a pair alike), the speeds are
    the best runs."""
    config = checker.config
    method = "fork" if sys.platform.startswith("linux") else "spawn"

    def run() -> BatchResult:
        return run_batch(files, config, jobs=jobs, checker=checker, start_method=method)

    batch = run()  # warm: every citizen's reference built, caches filled
    bases, checks = [], []
    for _ in range(repeat):
        bases.append(timed(lambda: bare_parse(files)))
        checks.append(timed(run))
    ratio = statistics.median(c / b for c, b in zip(checks, bases, strict=True))
    base, check = min(bases), min(checks)
    errors, warnings = batch.counts()
    n = len(files)
    print(
        f"{label:>7} files: bare lxml {n / base:9.0f} files/s | check-vendor {n / check:9.0f} "
        f"files/s (jobs={jobs}) | ratio {ratio:5.2f}× (median of {repeat}) | per file "
        f"{1e6 * check / n:7.1f} µs | {errors} errors, {warnings} warnings"
    )
    return check / n


def peak_rss_mb(files: list[Path], fmt: str, strategy: str, out: Path) -> float:
    """Peak resident memory (MB) of one ``check-vendor`` run over ``files`` in a fresh process."""
    cmd = [sys.executable, "-m", "fsiii_mapper_cli.main", "check-vendor", "-s", strategy]
    cmd += ["--format", fmt, "-o", str(out), "-q", str(files[0].parent)]
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode not in (0, 1):
        raise SystemExit(
            f"check-vendor failed: {proc.stderr.read().decode() if proc.stderr else ''}"
        )
    return usage.ru_maxrss / 1024  # kB on Linux


def measure_memory(files: list[Path], small: int, strategy: str, tmp: Path) -> None:
    few = tmp / "few"
    few.mkdir()
    small_files = [few / p.name for p in files[:small]]
    for p, q in zip(files, small_files, strict=False):
        q.symlink_to(p)
    for fmt in ("text", "json", "junit", "sarif"):
        a = peak_rss_mb(small_files, fmt, strategy, tmp / f"report-small.{fmt}")
        b = peak_rss_mb(files, fmt, strategy, tmp / f"report-large.{fmt}")
        print(
            f"peak memory, {fmt:>5}: {small:,} files {a:6.1f} MB | {len(files):,} files "
            f"{b:6.1f} MB | ratio {b / a:4.2f}× (≈ 1 means flat)"
        )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--files", type=int, default=10_000)
    ap.add_argument("--small", type=int, default=1_000)
    ap.add_argument("--strategy", default="nexus")
    ap.add_argument("--jobs", type=int, default=1)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--memory-only", action="store_true", help="only the peak-memory figures")
    ap.add_argument("--time-only", action="store_true", help="only the time figures")
    args = ap.parse_args()
    checker = Checker(CheckConfig(citizens_dir(), args.strategy))
    with tempfile.TemporaryDirectory(prefix="fsiii-vendor-bench-") as tmp:
        files = generate(checker, Path(tmp) / "reports", args.files)
        if not args.time_only:
            print("Peak memory of the whole command (fresh process, maximum resident set):")
            measure_memory(files, args.small, args.strategy, Path(tmp))
        if args.memory_only:
            return
        print("Reference-formatted files (sections equal to the reference take the fast path):")
        small = measure(f"{args.small:,}", files[: args.small], checker, args.jobs, args.repeat)
        large = measure(f"{args.files:,}", files, checker, args.jobs, args.repeat)
        print(
            f"cost per file at {args.files:,} vs {args.small:,} files: {large / small:.2f}× "
            "(≈ 1 means the cost grows linearly with the number of files)"
        )
        other = Path(tmp) / "restyled"
        other.mkdir()
        restyled = restyle(files, other)
        print("Vendor-formatted files (namespace prefix, no indentation):")
        small = measure(f"{args.small:,}", restyled[: args.small], checker, args.jobs, args.repeat)
        large = measure(f"{args.files:,}", restyled, checker, args.jobs, args.repeat)
        print(
            f"cost per file at {args.files:,} vs {args.small:,} files: {large / small:.2f}× "
            "(≈ 1 means the cost grows linearly with the number of files)"
        )


if __name__ == "__main__":
    main()
