"""Population impact: fill rates per report field over many citizens' FHIR Bundles (in
``interchange`` beside the bundle reader it uses; ``analysis.fill`` is the per-citizen-file kin).

The bundles are shaped like KL's gateway delivery reports and are read with the importer's rules
(``interchange.fhir_citizen``: both FSIII URIs, statuses, levels, where documented) straight into
memory — no citizen files are written. Each readable bundle is one citizen. For every strategy
asked, and always for the old and the simplified table, the engine populates the report; what is
kept is only counts: per report field, how many citizens have it filled, and how many have it
filled under the old table but empty under the simplified one (*lost*). With ``by_municipality``
the same counts are kept per managing organisation (``Patient.managingOrganization``: its display,
else its identifier, else its reference).

Speed: a bundle is read first by the importer's happy path (``HappyPath``: no JSON paths, no
messages built); only a bundle it does not answer for — anything the checking reader would note
or refuse — is read again by ``citizen_from_json``, so the counts are exactly the same. The
engine runs once per distinct documentation (``Documentation``: each condition's code, status,
level, where documented and system, and the area notes), not once per citizen: citizens with the
same documentation share its counts, and a chunk adds each distinct documentation's counts times
the citizens who have it (``tests/test_population_fast.py`` holds both to the careful count).

A bundle that cannot be read (bad JSON, wrong shape, I/O error) becomes an ``Unreadable`` finding
with file, line and message and is counted; it never stops the run. ``jobs`` > 1 reads the bundles
in worker processes (forked, so they share the loaded workspace); only the counts travel back, so
memory does not grow with the number of bundles.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from fsiii_mapper.engine.lost import NEW_TABLE, OLD_TABLE, lost_fields
from fsiii_mapper.engine.populate import Engine, engine_for
from fsiii_mapper.errors import InputError
from fsiii_mapper.interchange.fhir_citizen import (
    ConditionKey,
    HappyPath,
    citizen_from_json,
    load_bundle,
)
from fsiii_mapper.model import Citizen
from fsiii_mapper.model.citizen import AreaNote, CitizenCondition, ConditionStatus
from fsiii_mapper.texts import t
from fsiii_mapper.workspace import Workspace

CHUNK = 100  # bundles per task handed to a worker process
AUTO_JOBS_FROM = 1_000
"""From this many bundles on, a count without ``jobs`` uses every CPU (below it, starting the
workers costs more than they save)."""
MEMO_SIZE = 4_096  # distinct documentations whose counts a process remembers (≈ 1 KB each)

Documentation = tuple[tuple[ConditionKey, ...], tuple[tuple[str, ConditionStatus, str], ...]]
"""What decides which fields a citizen has filled: its conditions (without their notes' text,
which fills no field of its own) and its area notes, as tuples."""


@dataclass
class Unreadable:
    """A bundle that could not be read: counted, named, and the run goes on."""

    file: str
    line: int | None
    message: str

    def to_json(self) -> dict[str, Any]:
        return {"file": self.file, "line": self.line, "message": self.message}


@dataclass
class Tally:
    """Counts over a group of citizens: filled per strategy and field, and lost per field."""

    citizens: int = 0
    filled: dict[str, Counter[str]] = field(default_factory=dict)
    lost: Counter[str] = field(default_factory=Counter)

    def add(self, other: Tally) -> None:
        self.citizens += other.citizens
        for strategy, counts in other.filled.items():
            self.filled.setdefault(strategy, Counter()).update(counts)
        self.lost.update(other.lost)

    def count(self, strategy: str, code: str) -> int:
        """How many of the citizens have ``code`` filled under ``strategy``."""
        counts = self.filled.get(strategy)
        return counts[code] if counts is not None else 0

    def rate(self, strategy: str, code: str) -> float:
        """Share of the citizens (0..1) for whom ``code`` is filled under ``strategy``."""
        return self.count(strategy, code) / (self.citizens or 1)


@dataclass
class PopulationResult:
    strategies: list[str]
    fields: list[str]  # report field codes in layout order
    bundles: int = 0  # files looked at, readable or not
    total: Tally = field(default_factory=Tally)
    municipalities: dict[str, Tally] = field(default_factory=dict)  # empty unless asked
    unreadable: list[Unreadable] = field(default_factory=list)

    def add(self, other: PopulationResult) -> None:
        self.bundles += other.bundles
        self.total.add(other.total)
        for key, tally in other.municipalities.items():
            self.municipalities.setdefault(key, Tally()).add(tally)
        self.unreadable.extend(other.unreadable)

    def rates(self, tally: Tally | None = None) -> dict[str, dict[str, float]]:
        """strategy → field code → fill rate, as ``analysis.fill.fill_rates`` gives them."""
        group = tally or self.total
        return {s: {code: group.rate(s, code) for code in self.fields} for s in self.strategies}


def bundle_paths(inputs: Iterable[str | Path], lang: str | None = None) -> list[Path]:
    """The bundle files named: a file as given, a folder's ``*.json`` files (sorted)."""
    paths: list[Path] = []
    for item in inputs:
        p = Path(item)
        if p.is_dir():
            # one directory read (file kinds from it, no stat per file); sorted by name, the
            # order of sorted paths in one folder
            with os.scandir(p) as entries:
                names = sorted(e.name for e in entries if e.name.endswith(".json") and e.is_file())
            paths.extend(p / name for name in names)
        elif p.exists():
            paths.append(p)
        else:
            raise InputError(
                t("no such file or folder", lang),
                p,
                hint=t("give FHIR Bundle files or folders of them", lang),
            )
    return paths


def municipality_of(data: Any) -> str:
    """The managing organisation of the bundle's first Patient; "" when it names none."""
    entries = data.get("entry") if isinstance(data, dict) else None
    for entry in entries if isinstance(entries, list) else []:
        res = entry.get("resource") if isinstance(entry, dict) else None
        if not isinstance(res, dict) or res.get("resourceType") != "Patient":
            continue
        org = res.get("managingOrganization")
        if not isinstance(org, dict):
            return ""
        ident = org.get("identifier")
        value = ident.get("value") if isinstance(ident, dict) else None
        for candidate in (org.get("display"), value, org.get("reference")):
            if isinstance(candidate, str) and candidate.strip():
                return candidate.strip()
        return ""
    return ""


def documentation_of(citizen: Citizen) -> Documentation:
    """The key of a citizen's documentation (the same for the happy path's conditions)."""
    conditions = tuple(
        (c.code, c.status, c.level, c.documented_in, c.code_system) for c in citizen.conditions
    )
    return conditions, tuple((n.area, n.status, n.text) for n in citizen.area_notes)


def citizen_of(documentation: Documentation) -> Citizen:
    """A citizen with this documentation (and nothing else: no notes on its conditions), whose
    report has the fields filled that every citizen with this documentation has filled."""
    conditions, notes = documentation
    return Citizen(
        id="population",
        conditions=[
            CitizenCondition(
                code=code,
                status=status,
                level=level,
                documented_in=documented_in,
                code_system=code_system,
            )
            for code, status, level, documented_in, code_system in conditions
        ],
        area_notes=[AreaNote(area=area, status=status, text=text) for area, status, text in notes],
    )


@dataclass(frozen=True)
class _Counts:
    """What one documentation fills: per strategy counted, and lost."""

    filled: tuple[frozenset[str], ...]  # in the order of ``_Counter.strategies``
    lost: frozenset[str]


class _Counter:
    """Reads bundles and counts; one per process (the worker's copy comes with the fork)."""

    def __init__(
        self, ws: Workspace, strategies: Sequence[str], by_municipality: bool, lang: str | None
    ) -> None:
        self.ws = ws
        self.engine: Engine = engine_for(ws)
        self.strategies = list(strategies)
        self.by_municipality = by_municipality
        self.lang = lang
        self.fields = ws.layout.field_codes()
        self.happy = HappyPath(ws)
        self.memo: dict[Documentation, _Counts] = {}
        self.shared: dict[_Counts, _Counts] = {}  # one object per distinct fill pattern

    def empty(self) -> PopulationResult:
        return PopulationResult(self.strategies, list(self.fields))

    def _counts(self, documentation: Documentation, citizen: Citizen | None) -> _Counts:
        """The engine's counts for a documentation: computed once, then remembered."""
        found = self.memo.get(documentation)
        if found is None:
            if citizen is None:
                citizen = citizen_of(documentation)
            filled = {
                s: self.engine.filled(citizen, s)
                for s in dict.fromkeys([*self.strategies, OLD_TABLE, NEW_TABLE])
            }
            lost = lost_fields(filled[OLD_TABLE], filled[NEW_TABLE])
            found = _Counts(tuple(filled[s] for s in self.strategies), lost)
            if len(self.memo) >= MEMO_SIZE:
                self.memo.clear()  # memory stays bounded; the common ones come back soon
                self.shared.clear()
            found = self.memo[documentation] = self.shared.setdefault(found, found)
        return found

    def _read(self, path: Path) -> tuple[Documentation, Citizen | None, Any]:
        """The bundle's documentation (with its citizen when the checking reader read it) and
        its JSON; ``InputError`` when it cannot be read."""
        data = load_bundle(path, self.lang)
        conditions = self.happy.conditions(data, path)
        if conditions is not None:
            return (conditions, ()), None, data
        citizen = citizen_from_json(data, path, self.ws, path.stem, "", self.lang).citizen
        return documentation_of(citizen), citizen, data

    def count(self, paths: Sequence[Path]) -> PopulationResult:
        result = self.empty()
        counts: dict[Documentation, _Counts] = {}
        seen: Counter[tuple[str | None, Documentation]] = Counter()  # (municipality, doc.)
        for path in paths:
            result.bundles += 1
            try:
                documentation, citizen, data = self._read(path)
            except InputError as exc:
                result.unreadable.append(Unreadable(str(path), exc.line, exc.message))
                continue
            if documentation not in counts:
                counts[documentation] = self._counts(documentation, citizen)
            seen[municipality_of(data) if self.by_municipality else None, documentation] += 1
        for (municipality, documentation), n in seen.items():
            these = counts[documentation]
            groups = [result.total]
            if municipality is not None:
                groups.append(result.municipalities.setdefault(municipality, Tally()))
            for group in groups:
                group.citizens += n
                for s, filled in zip(self.strategies, these.filled, strict=True):
                    tally = group.filled.setdefault(s, Counter())
                    for code in filled:
                        tally[code] += n
                for code in these.lost:
                    group.lost[code] += n
        return result


_WORKER: _Counter | None = None  # set in the parent before the fork; the workers inherit it


def _count_in_worker(paths: Sequence[Path]) -> PopulationResult:
    assert _WORKER is not None
    return _WORKER.count(paths)


def auto_jobs(total: int) -> int:
    """Worker processes for ``total`` bundles when none are asked for: every CPU from
    ``AUTO_JOBS_FROM`` bundles on, else one."""
    return (os.cpu_count() or 1) if total >= AUTO_JOBS_FROM else 1


def _chunks(paths: Sequence[Path], size: int) -> Iterator[Sequence[Path]]:
    for i in range(0, len(paths), size):
        yield paths[i : i + size]


def population_impact(
    ws: Workspace,
    paths: Sequence[Path],
    strategies: Sequence[str],
    *,
    by_municipality: bool = False,
    jobs: int | None = None,
    lang: str | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> PopulationResult:
    """Counts over ``paths`` (see the module text). ``progress(done, total)`` after each chunk.
    ``jobs``: worker processes; None for ``auto_jobs``."""
    global _WORKER
    counter = _Counter(ws, strategies, by_municipality, lang)
    result = counter.empty()
    total = len(paths)
    if jobs is None:
        jobs = auto_jobs(total)
    forkable = "fork" in multiprocessing.get_all_start_methods()
    if jobs <= 1 or total <= CHUNK or not forkable:
        for chunk in _chunks(paths, CHUNK):
            result.add(counter.count(chunk))
            if progress is not None:
                progress(result.bundles, total)
        return result
    _WORKER = counter
    try:
        with multiprocessing.get_context("fork").Pool(jobs) as pool:
            for part in pool.imap_unordered(_count_in_worker, _chunks(paths, CHUNK)):
                result.add(part)
                if progress is not None:
                    progress(result.bundles, total)
    finally:
        _WORKER = None
    result.unreadable.sort(key=lambda u: u.file)
    return result
