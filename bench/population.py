"""Population impact: ``gaps --bundles`` over N synthetic KL gateway bundles, against a bare parse.

Generates N invented citizens' delivery reports shaped like KL's gateway bundles (Patient with a
managing organisation, Conditions with clinical/verification status, severity, category, dates):
a realistic mix of citizens documented only in the old states (2021–2023 style, the caresocial
URI), only in the simplified states (the OID), and migrated ones (old states ``aktiv`` plus their
simplified successors as drafts, as KMD migrates), with codes as legacy keys or UUIDs.

Each case is the whole command a user runs, ``fsiii-mapper gaps --bundles DIR -s STRATEGY
--format json``, timed as a fresh process next to its baseline, a fresh process that only
``json.load``s the same files; runs are interleaved and the median is taken, because the machine
is shared. Each case runs with ``--jobs 1`` (one process: the cost of our own work) and as a user
runs it, without ``--jobs`` (every CPU from 1,000 bundles on). Aim: ≤ 2.0× per strategy, and
linear scaling: the cost per bundle beyond the command's fixed start (measured as the command
over one bundle) at the large size / at the small one ≈ 1.

    python bench/population.py [--sizes 2000,20000] [--repeat 3] [--jobs 1,auto] [--keep DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

from fsiii_mapper.workspace import Workspace

OID = "urn:oid:1.2.208.176.2.21"
CARESOCIAL = "http://kl.dk/fhir/common/caresocial/CodeSystem/FSIII"
CLINICAL = "http://terminology.hl7.org/CodeSystem/condition-clinical"
VERIFICATION = "http://terminology.hl7.org/CodeSystem/condition-ver-status"
CATEGORY = "http://terminology.hl7.org/CodeSystem/condition-category"
PROFILE = "http://fhir.kl.dk/gateway/StructureDefinition/klgateway-care-delivery-report"
SEVERITIES = ("B1", "B2", "B3", "B4", "B5", "B6")
STRATEGIES = ("original", "simplified", "cura", "nexus")
# As installed: with bytecode (see bench/cli.py).
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
BASELINE = (
    "import json, sys, pathlib\n"
    "for p in sorted(pathlib.Path(sys.argv[1]).glob('*.json')):\n"
    "    with open(p, encoding='utf-8-sig') as f:\n"
    "        json.load(f)\n"
)


def _uuid(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def _condition(
    rng: random.Random, patient: str, system: str, st: Any, clinical: str, draft: bool
) -> dict[str, Any]:
    code = st.uuid if st.uuid and rng.random() < 0.5 else st.key
    cid = _uuid(rng)
    res: dict[str, Any] = {
        "resourceType": "Condition",
        "id": cid,
        "clinicalStatus": {"coding": [{"system": CLINICAL, "code": clinical}]},
        "category": [{"coding": [{"system": CATEGORY, "code": "problem-list-item"}]}],
        "code": {"coding": [{"system": system, "code": code, "display": st.display}]},
        "subject": {"reference": f"Patient/{patient}"},
        "recordedDate": f"2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
    }
    if draft:
        res["verificationStatus"] = {"coding": [{"system": VERIFICATION, "code": "provisional"}]}
    if st.group == "funktionsevne":
        level = rng.choices(SEVERITIES, [2, 3, 3, 2, 1, 1])[0]
        res["severity"] = {"coding": [{"system": system, "code": level}]}
    elif rng.random() < 0.5:
        res["note"] = [{"text": "Borgeren har behov for hjælp (opfundet)."}]
    return {"fullUrl": f"https://gateway.example/Condition/{cid}", "resource": res}


def generate(ws: Workspace, folder: Path, n: int, seed: int = 7) -> None:
    """``n`` invented citizens' bundles in ``folder`` (b000000.json …)."""
    rng = random.Random(seed)
    old = ws.catalogs["original"].states
    new = ws.catalogs["simplified"].states
    successors = {st.key: ws.crosswalk.successors(st.key) for st in old}
    by_key = {st.key: st for st in new}
    municipalities = [f"{code:03d}" for code in rng.sample(range(101, 861), 98)]
    for i in range(n):
        patient = _uuid(rng)
        kind = rng.choices(["old", "simplified", "migrated"], [4, 3, 3])[0]
        entries: list[dict[str, Any]] = [
            {
                "fullUrl": f"https://gateway.example/Patient/{patient}",
                "resource": {
                    "resourceType": "Patient",
                    "id": patient,
                    "identifier": [
                        {"use": "official", "system": "urn:oid:1.2.208.176.1.2", "value": "x"}
                    ],
                    "managingOrganization": {
                        "identifier": {
                            "use": "official",
                            "system": "urn:oid:1.2.208.176.1.1",
                            "value": rng.choice(municipalities),
                        }
                    },
                },
            }
        ]
        clinical = lambda: rng.choices(["active", "inactive"], [9, 1])[0]  # noqa: E731
        if kind == "old":
            system = CARESOCIAL if rng.random() < 0.7 else OID
            for st in rng.sample(old, rng.randint(2, 12)):
                entries.append(_condition(rng, patient, system, st, clinical(), False))
        elif kind == "simplified":
            for st in rng.sample(new, rng.randint(2, 10)):
                entries.append(_condition(rng, patient, OID, st, clinical(), rng.random() < 0.2))
        else:
            for st in rng.sample(old, rng.randint(2, 8)):
                entries.append(_condition(rng, patient, OID, st, "active", False))
                for key in successors.get(st.key, [])[:1]:
                    if key in by_key:
                        entries.append(_condition(rng, patient, OID, by_key[key], "active", True))
        bundle = {
            "resourceType": "Bundle",
            "id": _uuid(rng),
            "type": "collection",
            "timestamp": "2026-11-01T08:00:00Z",
            "meta": {"profile": [PROFILE]},
            "entry": entries,
        }
        (folder / f"b{i:06d}.json").write_text(json.dumps(bundle, ensure_ascii=False, indent=1))


def _run(cmd: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=ENV)
    return time.perf_counter() - start


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--sizes", default="2000,20000", help="bundle counts, comma-separated")
    p.add_argument("--repeat", type=int, default=3, help="interleaved runs per measurement")
    p.add_argument(
        "--jobs",
        default="1,auto",
        help="gaps --jobs values, comma-separated; auto: no --jobs (the command's default: every "
        "CPU from 1,000 bundles on)",
    )
    p.add_argument("--strategies", default=",".join(STRATEGIES))
    p.add_argument("--keep", metavar="DIR", help="generate into DIR (reused when it exists)")
    args = p.parse_args()
    ws = Workspace.load()
    per_bundle: dict[str, dict[int, float]] = {}
    start: dict[str, float] = {}  # strategy → the command over one bundle: its fixed cost
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(args.keep or tmp)
        one = root / "bundles-1"
        if not one.is_dir():
            one.mkdir(parents=True)
            generate(ws, one, 1)
        for strategy in args.strategies.split(","):
            cmd = [sys.executable, "-m", "fsiii_mapper_cli.main", "gaps", "--bundles", str(one)]
            start[strategy] = statistics.median(
                _run([*cmd, "-s", strategy, "--format", "json"]) for _ in range(5)
            )
        for n in (int(s) for s in args.sizes.split(",")):
            folder = root / f"bundles-{n}"
            if not folder.is_dir():
                folder.mkdir(parents=True)
                generate(ws, folder, n)
            baseline = [sys.executable, "-c", BASELINE, str(folder)]
            _run(baseline)  # warm the file cache
            for strategy in args.strategies.split(","):
                for jobs in args.jobs.split(","):
                    cmd = [sys.executable, "-m", "fsiii_mapper_cli.main", "gaps", "--bundles"]
                    cmd += [str(folder), "-s", strategy, "--format", "json"]
                    if jobs != "auto":
                        cmd += ["--jobs", jobs]
                    ours, base = [], []
                    for _ in range(args.repeat):
                        base.append(_run(baseline))
                        ours.append(_run(cmd))
                    o, b = statistics.median(ours), statistics.median(base)
                    per_bundle.setdefault(f"{strategy}, --jobs {jobs}", {})[n] = (
                        o - start[strategy]
                    ) / n
                    print(
                        f"{n:,} bundles, {strategy}, --jobs {jobs}: {o:6.2f} s "
                        f"({n / o:,.0f} bundles/s) | json.load {b:6.2f} s | ratio {o / b:4.2f}× "
                        "(aim ≤ 2.0×)",
                        flush=True,
                    )
    for strategy, by_n in per_bundle.items():
        sizes = sorted(by_n)
        # (with auto, the small size may run in one process and the large one in several)
        if len(sizes) > 1 and not strategy.endswith("auto"):
            small, large = sizes[0], sizes[-1]
            print(
                f"scaling {strategy}: cost per bundle beyond the start (the command over one "
                f"bundle) at {large:,} / at {small:,} = {by_n[large] / by_n[small]:4.2f} "
                "(aim 0.9–1.1)"
            )
    for strategy, seconds in start.items():
        print(f"start, {strategy}: the command over one bundle {1000 * seconds:5.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
