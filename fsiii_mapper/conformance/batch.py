"""Check many vendor files: collect them, match each to its citizen, compare, in one or more
processes, with progress and cancel. One bad file is a finding for that file; the batch goes on.
"""

from __future__ import annotations

import multiprocessing
import os
import re
import stat
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lxml import etree

from fsiii_mapper.conformance.comparator import Comparator, xpath_of
from fsiii_mapper.conformance.expected import (
    ExpectedReport,
    LayoutSpec,
    expected_for,
    layout_spec,
    normalise_identifier,
)
from fsiii_mapper.conformance.findings import DOCUMENT, VendorFinding, finding
from fsiii_mapper.conformance.matching import CitizenIndex
from fsiii_mapper.conformance.safexml import (
    DEFAULT_MAX_BYTES,
    XmlProblem,
    parse_bytes,
    read_bounded,
)
from fsiii_mapper.engine.populate import STRATEGIES, Engine
from fsiii_mapper.errors import InputError
from fsiii_mapper.io.documents import load_citizen
from fsiii_mapper.model import Citizen
from fsiii_mapper.rules.findings import counts
from fsiii_mapper.texts import t
from fsiii_mapper.workspace import Workspace

PROBLEM_RULES = {
    "unreadable": "FV001",
    "too-large": "FV002",
    "malformed": "FV003",
    "dtd": "FV004",
    "too-deep": "FV005",
    "encoding": "FV006",
    "empty": "FV007",
}
MAX_XSD_ERRORS_PER_FILE = 20
CHUNK = 100  # files per task sent to a worker process

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]


@dataclass(frozen=True)
class CheckConfig:
    """Everything a worker process needs to build its own ``Checker`` (picklable)."""

    citizens_dir: Path
    strategy: str
    data_dir: Path | None = None
    old_table: str | None = None
    new_table: str | None = None
    xsd: Path | None = None
    max_bytes: int = DEFAULT_MAX_BYTES
    lang: str | None = None
    strict_form: bool = False  # form findings are errors even where the layout only assumes


@dataclass
class FileResult:
    file: str  # as shown in reports (undecodable bytes of a file name replaced)
    citizen: str | None
    matched_by: str | None  # 'identifier' | 'file-name' | None
    findings: list[VendorFinding]
    path: str = ""  # the real path, for opening the file

    @property
    def passed(self) -> bool:
        return not any(f.severity == "error" for f in self.findings)


@dataclass
class BatchResult:
    strategy: str
    fields: list[tuple[str, str]]  # (code, label) of every checked report field, layout order
    results: list[FileResult] = field(default_factory=list)
    total: int = 0
    cancelled: bool = False

    @property
    def findings(self) -> list[VendorFinding]:
        return list(self.iter_findings())

    def iter_findings(self) -> Iterator[VendorFinding]:
        """Every finding in file order, without collecting them (the report writers stream)."""
        return (f for r in self.results for f in r.findings)

    def counts(self) -> tuple[int, int]:
        return counts(self.iter_findings())


def load_citizens(folder: Path) -> list[Citizen]:
    """The citizens of ``folder``. Two files with the same id or the same patient identifier
    are an input error: a vendor file would be compared with whichever came last."""
    if not folder.is_dir():
        raise InputError(t("not a folder of citizen files"), folder)
    files = sorted(folder.glob("*.yaml"))
    people = [load_citizen(p) for p in files]
    if not people:
        raise InputError(t("no citizen files (*.yaml) in the folder"), folder)
    hint = t("give every citizen its own id and identifier")
    for key, what in (
        (lambda c: c.id, t("id")),
        (lambda c: normalise_identifier(c.identifier), t("patient identifier")),
    ):
        values = [key(c) for c in people]
        twice = [v for v, n in Counter(v for v in values if v).items() if n > 1]
        if twice:
            names = [f.name for f, v in zip(files, values, strict=True) if v == twice[0]]
            raise InputError(
                t(
                    "{first} and {second} have the same {what} »{value}«",
                    first=names[0],
                    second=names[1],
                    what=what,
                    value=twice[0],
                ),
                folder,
                hint=hint,
            )
    return people


def load_xsd(path: Path) -> etree.XMLSchema:
    """A user-supplied XSD; local includes/imports allowed, network and entities off."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    try:
        return etree.XMLSchema(etree.parse(str(path), parser))
    except OSError as exc:
        raise InputError(f"cannot read the XSD: {exc}", path) from None
    except etree.XMLSyntaxError as exc:
        raise InputError(f"the XSD is not well-formed XML: {exc.msg}", path, exc.lineno) from None
    except etree.XMLSchemaParseError as exc:
        raise InputError(f"not a usable XSD: {exc}", path) from None


class Checker:
    """Checks single files; build one per process (it holds every citizen's expected report)."""

    def __init__(self, config: CheckConfig, ws: Workspace | None = None) -> None:
        """``ws``: check against these tables as they are in memory (the GUI's, unsaved edits
        included) instead of loading ``config.data_dir`` / ``old_table`` / ``new_table``."""
        if config.strategy not in STRATEGIES:
            raise InputError(
                f"unknown strategy {config.strategy!r}",
                hint="choose one of " + ", ".join(STRATEGIES),
            )
        if ws is None:
            ws = Workspace.load(config.data_dir)
            for arg in (config.old_table, config.new_table):
                if arg:
                    ws.use_table(ws.open_table(arg))
        self.config = config
        self.spec: LayoutSpec = layout_spec(ws.layout)
        citizens = load_citizens(config.citizens_dir)
        engine = Engine(ws)
        self.expected: dict[str, ExpectedReport] = {
            c.id: expected_for(engine, c, config.strategy, self.spec) for c in citizens
        }
        self.index = CitizenIndex.build(citizens)
        self.comparator = Comparator(self.spec, config.strict_form)
        self.schema = load_xsd(config.xsd) if config.xsd else None
        self.fields = [(f.code, f.description) for f in self.spec.fields]

    def __getstate__(self) -> dict[str, Any]:
        # Sent to worker processes ready-made; the compiled XSD and the comparator's caches are
        # rebuilt there (an XMLSchema cannot be pickled).
        state = dict(self.__dict__)
        state["schema"] = None
        state["comparator"] = None
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)
        self.comparator = Comparator(self.spec, self.config.strict_form)
        self.schema = load_xsd(self.config.xsd) if self.config.xsd else None

    def check_file(self, path: Path, label: str | None = None) -> FileResult:
        """One file's findings. Whatever goes wrong while checking it becomes finding FV009 for
        this file alone, so the batch always goes on."""
        shown = display_name(label or str(path))
        try:
            result = self._check(path, shown)
        except Exception as exc:  # the per-file catch-all: one file never stops a batch
            result = failed_check(shown, exc, self.config.lang)
        result.path = str(path)
        return result

    def _check(self, path: Path, label: str) -> FileResult:
        lang = self.config.lang
        try:
            data = read_bounded(path, self.config.max_bytes)
            tree = parse_bytes(data)
        except XmlProblem as p:
            detail = _without_line(p.detail) if p.line else p.detail
            f = finding(
                PROBLEM_RULES[p.kind], label, lang, detail=detail, line=p.line, field=DOCUMENT
            )
            return FileResult(label, None, None, [f])
        out: list[VendorFinding] = []
        if self.schema is not None:
            out.extend(self._xsd_findings(tree, label))
        marks = self.comparator.landmarks(tree.getroot())
        ident, where = self.comparator.identifier(marks)
        cid, how = self.index.match(ident, path)
        if cid is None:
            where = where if where is not None else tree.getroot()
            out.append(
                finding(
                    "FV010",
                    label,
                    lang,
                    field=DOCUMENT,
                    actual=ident,
                    line=where.sourceline,
                    xpath=xpath_of(where),
                )
            )
            return FileResult(label, None, None, out)
        expected = self.expected[cid]
        out.extend(self.comparator.check(tree, expected, label, lang, (ident, where), marks, data))
        return FileResult(label, cid, how, out)

    def _xsd_findings(self, tree: etree._ElementTree, label: str) -> list[VendorFinding]:
        assert self.schema is not None
        if self.schema.validate(tree):
            return []
        out = []
        for err in list(self.schema.error_log)[:MAX_XSD_ERRORS_PER_FILE]:
            out.append(
                finding(
                    "FV008",
                    label,
                    self.config.lang,
                    detail=err.message,
                    line=err.line or None,
                    xpath=err.path or "",
                    field=DOCUMENT,
                )
            )
        return out


_PARSER_POSITION = re.compile(r",? line \d+, column (\d+)\s*$")


def _without_line(detail: str) -> str:
    """A parser message without its trailing ``line N, column M``: the finding carries the line
    already, so only the column is kept (``…; column 5``)."""
    return _PARSER_POSITION.sub(r"; column \1", detail)


def failed_check(label: str, exc: BaseException, lang: str | None) -> FileResult:
    """The result of a file whose check failed unexpectedly (finding FV009)."""
    detail = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
    return FileResult(label, None, None, [finding("FV009", label, lang, detail=detail[:300])])


def display_name(path: str) -> str:
    """``path`` with bytes that are not UTF-8 shown as U+FFFD, so every report can carry it."""
    if path.isascii():
        return path
    return path.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def collect_files(paths: Sequence[str | os.PathLike[str]]) -> list[Path]:
    """Files as given, and every ``*.xml`` under given folders (recursively), each once.

    Nothing the user named is skipped in silence: a subfolder that cannot be listed, a dangling
    link or a link loop is returned like a file, so the check reports it as unreadable and counts
    it. Only a path that does not exist at all is a usage error.
    """
    out: list[Path] = []
    seen: set[str] = set()

    def add(q: Path) -> None:
        key = os.path.realpath(q)
        if key not in seen:
            seen.add(key)
            out.append(q)

    for arg in paths:
        p = Path(arg)
        try:
            mode = os.lstat(p).st_mode
        except FileNotFoundError:
            raise InputError("no such file or folder", p) from None
        except OSError:
            add(p)  # e.g. inside a folder we may not enter: the check says why
            continue
        if stat.S_ISDIR(mode) or (stat.S_ISLNK(mode) and p.is_dir()):
            for q in _xml_under(p):
                add(q)
        else:
            add(p)
    return out


def _xml_under(folder: Path) -> list[Path]:
    """``*.xml`` entries under ``folder`` (links not followed into folders), plus every subfolder
    that could not be listed."""
    found: list[Path] = []

    def unreadable(exc: OSError) -> None:
        found.append(Path(exc.filename) if exc.filename else folder)

    for top, dirs, files in os.walk(folder, onerror=unreadable):
        dirs.sort()
        for name in sorted(files):
            if name.lower().endswith(".xml"):
                found.append(Path(top) / name)
        for name in dirs:
            if name.lower().endswith(".xml"):
                found.append(Path(top) / name)  # a folder named like a report: say so
    return sorted(found)


# --- running ------------------------------------------------------------------------------------

_worker: Checker | None = None


def _init_worker(checker: Checker) -> None:
    global _worker
    _worker = checker


def _check_chunk(paths: list[str]) -> list[FileResult]:
    assert _worker is not None
    return [_worker.check_file(Path(p), p) for p in paths]


def run_batch(
    files: Sequence[Path],
    config: CheckConfig,
    jobs: int = 1,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    checker: Checker | None = None,
    start_method: str = "spawn",
) -> BatchResult:
    """Check ``files``; results keep the order of ``files``. ``cancelled`` is polled between
    files (one process) or chunks (several); a cancelled batch returns what was checked.

    With ``jobs > 1`` the files go in chunks to worker processes started with ``start_method``:
    ``spawn`` (default) is safe in a program with threads, such as the GUI; a single-threaded
    program on Linux may pass ``fork``, which starts workers far faster."""
    checker = checker or Checker(config)  # also validates the configuration before any fork
    result = BatchResult(config.strategy, checker.fields, total=len(files))
    labels = [str(f) for f in files]
    if jobs <= 1 or len(files) <= CHUNK:
        for i, (path, label) in enumerate(zip(files, labels, strict=True)):
            if cancelled is not None and cancelled():
                result.cancelled = True
                break
            result.results.append(checker.check_file(path, label))
            if progress is not None:
                progress(i + 1, len(files))
        return result
    chunks = [labels[i : i + CHUNK] for i in range(0, len(labels), CHUNK)]
    done: dict[int, list[FileResult]] = {}
    finished = 0
    ctx = multiprocessing.get_context(start_method)
    with ProcessPoolExecutor(
        max_workers=jobs, mp_context=ctx, initializer=_init_worker, initargs=(checker,)
    ) as pool:
        pending: dict[Future[Any], int] = {
            pool.submit(_check_chunk, chunk): i for i, chunk in enumerate(chunks)
        }
        while pending:
            ready, _ = wait(pending, timeout=0.2, return_when=FIRST_COMPLETED)
            for fut in ready:
                i = pending.pop(fut)
                try:
                    done[i] = fut.result()
                except Exception as exc:  # a worker died (killed, out of memory): its files fail
                    done[i] = [failed_check(display_name(p), exc, config.lang) for p in chunks[i]]
                    for r, p in zip(done[i], chunks[i], strict=True):
                        r.path = p
                finished += len(chunks[i])
                if progress is not None:
                    progress(finished, len(files))
            if cancelled is not None and cancelled():
                result.cancelled = True
                for fut in pending:
                    fut.cancel()
                pool.shutdown(wait=True, cancel_futures=True)
                break
    # Keep a contiguous prefix (all of it unless cancelled): "checked" means the first n files.
    i = 0
    while i in done:
        result.results.extend(done[i])
        i += 1
    return result
