"""``gaps --bundles`` counts fast exactly what it counted carefully.

The population count reads a bundle by the importer's happy path and runs the engine once per
distinct documentation. Here the reference is the careful way it was counted before: every
bundle read by ``citizen_from_json``, every citizen through the engine, one by one. Counts and
every output format (both languages) must be the same, byte for byte, over a population that
mixes the benchmark's bundles, the importer's fixtures (full of notes), repeated documentations,
characters that must be replaced, and bundles that cannot be read.
"""

from __future__ import annotations

import json
import shutil
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from jsontrees import bench_module

from fsiii_mapper.engine.lost import NEW_TABLE, OLD_TABLE, lost_fields
from fsiii_mapper.engine.populate import engine_for
from fsiii_mapper.engine.strategies import STRATEGIES
from fsiii_mapper.errors import InputError
from fsiii_mapper.interchange import population
from fsiii_mapper.interchange.fhir_citizen import citizen_from_json, load_bundle
from fsiii_mapper.interchange.population import (
    PopulationResult,
    Tally,
    Unreadable,
    bundle_paths,
    municipality_of,
    population_impact,
)
from fsiii_mapper.workspace import Workspace
from fsiii_mapper_cli.commands import population as command

FIXTURES = Path(__file__).parent / "fixtures" / "interchange"


def _population(ws: Workspace, folder: Path) -> Path:
    """Benchmark bundles, some of them again under other names (same documentation, another
    municipality), the importer's fixtures, odd characters and unreadable files."""
    folder.mkdir()
    bench_module("population").generate(ws, folder, 160, seed=11)
    for i, path in enumerate(sorted(folder.glob("*.json"))[:40]):
        data = json.loads(path.read_text(encoding="utf-8"))
        data["entry"][0]["resource"]["managingOrganization"]["identifier"]["value"] = "999"
        (folder / f"again{i:03d}.json").write_text(json.dumps(data), encoding="utf-8")
    for name in ("gateway_bundle.json", "caresocial_2021_bundle.json"):
        shutil.copy(FIXTURES / name, folder / name)
    odd = json.loads((folder / "b000001.json").read_text(encoding="utf-8"))
    odd["entry"][1]["resource"]["note"] = [{"text": "line\r\nbreak \x01 and \uffff"}]
    (folder / "odd-characters.json").write_text(json.dumps(odd), encoding="utf-8")
    (folder / "broken.json").write_text('{"resourceType": "Bundle", "entry": [', encoding="utf-8")
    (folder / "wrong-shape.json").write_text('{"resourceType": "Bundle", "entry": 3}')
    return folder


def _careful(
    ws: Workspace, paths: list[Path], strategies: list[str], lang: str | None = None
) -> PopulationResult:
    """The count as it was: each bundle read by the checking reader, each citizen populated."""
    engine = engine_for(ws)
    result = PopulationResult(list(strategies), ws.layout.field_codes())
    for path in paths:
        result.bundles += 1
        try:
            data = load_bundle(path, lang)
            citizen = citizen_from_json(data, path, ws, path.stem, "", lang).citizen
        except InputError as exc:
            result.unreadable.append(Unreadable(str(path), exc.line, exc.message))
            continue
        filled = {
            s: engine.populate(citizen, s).filled()
            for s in dict.fromkeys([*strategies, OLD_TABLE, NEW_TABLE])
        }
        municipality = result.municipalities.setdefault(municipality_of(data), Tally())
        for group in (result.total, municipality):
            group.citizens += 1
            for s in strategies:
                group.filled.setdefault(s, Counter()).update(filled[s])
            group.lost.update(lost_fields(filled[OLD_TABLE], filled[NEW_TABLE]))
    return result


def _same(fast: PopulationResult, careful: PopulationResult) -> None:
    assert fast.bundles == careful.bundles
    assert [u.file for u in fast.unreadable] == [u.file for u in careful.unreadable]
    for mine, theirs in [
        (fast.total, careful.total),
        *((fast.municipalities[k], t) for k, t in careful.municipalities.items()),
    ]:
        assert mine.citizens == theirs.citizens
        assert mine.filled == theirs.filled
        assert +mine.lost == +theirs.lost
    assert fast.municipalities.keys() == careful.municipalities.keys()


@pytest.mark.parametrize("jobs", [1, 2])
def test_the_fast_count_is_the_careful_count(
    frozen_ws: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, jobs: int
) -> None:
    paths = bundle_paths([_population(frozen_ws, tmp_path / "b")])
    strategies = list(STRATEGIES)
    careful = _careful(frozen_ws, paths, strategies)
    assert careful.total.citizens > 200 and len(careful.unreadable) == 2
    _same(population_impact(frozen_ws, paths, strategies, by_municipality=True, jobs=jobs), careful)
    # A memory of a few documentations only: forgetting changes no count either.
    monkeypatch.setattr(population, "MEMO_SIZE", 3)
    _same(population_impact(frozen_ws, paths, strategies, by_municipality=True, jobs=jobs), careful)


def test_repeated_documentations_are_populated_once(
    frozen_ws: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = bundle_paths([_population(frozen_ws, tmp_path / "b")])
    engine = engine_for(frozen_ws)
    calls = Counter[str]()
    filled = engine.filled

    def counted(citizen: Any, strategy: str) -> Any:
        calls[strategy] += 1
        return filled(citizen, strategy)

    monkeypatch.setattr(engine, "filled", counted)
    result = population_impact(frozen_ws, paths, ["cura"])
    # The 40 copies, and odd-characters.json: b000001 with another note, which fills nothing.
    distinct = result.total.citizens - 40 - 1
    assert calls["cura"] == calls["original"] == calls["simplified"] == distinct


@pytest.mark.parametrize("lang", ["da", "en"])
def test_every_output_format_is_what_the_careful_count_gives(
    cli: Any, frozen_ws: Workspace, tmp_path: Path, lang: str
) -> None:
    folder = _population(frozen_ws, tmp_path / "b")
    careful = _careful(frozen_ws, bundle_paths([folder]), list(STRATEGIES), lang)
    labels = {code: frozen_ws.layout.label_of(code) for code in careful.fields}
    expected = {
        "json": command.dump_json(command._json(careful, labels)),
        "csv": command._csv(careful, labels),
        "text": command._text(careful, labels, lang),
    }
    for fmt, want in expected.items():
        rc, out, _ = cli(
            "--lang", lang, "gaps", "--bundles", str(folder), "--by-municipality", "--format", fmt
        )
        assert rc == 1  # the two unreadable bundles are findings
        assert out == want, fmt


def test_a_character_a_report_cannot_carry_is_replaced_and_noted_not_a_crash(
    frozen_ws: Workspace, cli: Any, tmp_path: Path
) -> None:
    """U+FFFE/U+FFFF in a note, and a control character in the file name, stopped the run with
    an internal error (the citizen model refuses them); they are replaced by U+FFFD and noted,
    like the control characters and lone surrogates before."""
    data = json.loads((FIXTURES / "gateway_bundle.json").read_text(encoding="utf-8"))
    cond = next(e for e in data["entry"] if e["resource"]["resourceType"] == "Condition")
    cond["resource"]["note"] = [{"text": "før\uffffefter\ufffe"}]
    found = citizen_from_json(data, Path("b\x01.json"), frozen_ws, "c", None, "en")
    assert "før\ufffdefter\ufffd" in [c.note for c in found.citizen.conditions]
    assert "b\ufffd.json" in found.citizen.description
    replaced = [n for n in found.notes if "cannot be stored" in n]
    assert len(replaced) == 2 and any(n.startswith("the file name:") for n in replaced)
    folder = tmp_path / "b"
    folder.mkdir()
    (folder / "b.json").write_text(json.dumps(data), encoding="utf-8")
    rc, out, err = cli("gaps", "--bundles", str(folder), "--format", "json")
    assert rc == 0, err
    assert json.loads(out)["citizens"] == 1
