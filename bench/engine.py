"""Benchmark: populate 10,000 generated citizens under every strategy.

Prints citizens per second per strategy and the ratio to a baseline measured in the same run that
only iterates the same citizens' conditions and area notes. Ratios, not seconds, are what to
compare between machines and runs. Last, the edit → preview path: after ``invalidate`` of one
table slot (what an edit does) versus of everything, the three preview columns for one citizen.

    python bench/engine.py [--citizens N] [--repeat R] [--seed S]
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
from collections.abc import Callable

from fsiii_mapper.engine.populate import STRATEGIES, Engine
from fsiii_mapper.io.validation import validate
from fsiii_mapper.model import Citizen
from fsiii_mapper.workspace import Workspace


def generate(ws: Workspace, n: int, seed: int) -> list[Citizen]:
    """Invented citizens: a mix of old, simplified and mixed documentation, all statuses."""
    rng = random.Random(seed)
    old = ws.catalogs["original"].states
    new = ws.catalogs["simplified"].states
    areas = [a.id for a in ws.layout.problem_areas]
    people = []
    for i in range(n):
        pool = rng.choice([old, new, old + new])
        conds = []
        for st in rng.sample(pool, rng.randint(0, 12)):
            cond = {
                "code": st.uuid if st.uuid and rng.random() < 0.3 else st.key,
                "status": rng.choices(["aktiv", "kladde", "inaktiv"], [6, 3, 1])[0],
            }
            if st.group == "funktionsevne":
                cond["level"] = rng.choice([0, 1, 2, 3, 4, 9])
            conds.append(cond)
        notes = [
            {"area": rng.choice(areas), "status": "aktiv", "text": "note"}
            for _ in range(rng.random() < 0.1)
        ]
        people.append(
            validate(Citizen, {"id": f"bench-{i}", "conditions": conds, "area_notes": notes})
        )
    return people


def best_of(repeat: int, fn: Callable[[], object]) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--citizens", type=int, default=10_000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--seed", type=int, default=2025)
    args = ap.parse_args()

    ws = Workspace.load()
    people = generate(ws, args.citizens, args.seed)
    n_conds = sum(len(c.conditions) for c in people)

    def baseline() -> int:
        touched = 0
        for c in people:
            for cond in c.conditions:
                touched += len(cond.code) + (cond.level or 0)
            for note in c.area_notes:
                touched += len(note.area)
        return touched

    base = best_of(args.repeat, baseline)
    print(f"{len(people)} citizens, {n_conds} conditions; best of {args.repeat}")
    print(f"baseline (iterate conditions): {len(people) / base:>12,.0f} citizens/s")
    engine = Engine(ws)
    for strategy in STRATEGIES:
        t = best_of(args.repeat, lambda s=strategy: [engine.populate(c, s) for c in people])
        print(
            f"{strategy:<11} populate:      {len(people) / t:>12,.0f} citizens/s"
            f"   ratio to baseline {t / base:>7.1f}x"
        )
    t_all = statistics.fmean(
        best_of(1, lambda s=s: [engine.populate(c, s) for c in people]) for s in STRATEGIES
    )
    print(f"mean over strategies:          {len(people) / t_all:>12,.0f} citizens/s")

    # The edit → preview path: an edit of one table drops that slot's caches only, then the
    # preview's three columns are populated again for one citizen.
    one = max(people, key=lambda c: len(c.conditions))
    rounds = 200

    def after_edit(slot: str | None) -> None:
        for _ in range(rounds):
            engine.invalidate(slot)
            for s in ("original", "simplified", "cura"):
                engine.populate(one, s)

    for slot in ("simplified", None):
        t = best_of(args.repeat, lambda slot=slot: after_edit(slot))
        what = f"invalidate({slot!r})"
        print(f"{what:<24} + preview: {t / rounds * 1000:>8.2f} ms per edit")


if __name__ == "__main__":
    main()
