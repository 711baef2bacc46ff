"""Crosswalk gaps recorded as decisions and both FSIII group names shown (issue 9, item 10)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from fsiii_mapper.errors import InputError
from fsiii_mapper.interchange.guide import build_guide
from fsiii_mapper.interchange.guide_html import render_guide_html
from fsiii_mapper.workspace import Workspace


def test_every_outgoing_old_state_has_successors_or_a_decision(shipped_ws: Workspace) -> None:
    # The shipped crosswalk on purpose: no old state is left undecided.
    for st in shipped_ws.catalogs["original"].states:
        if st.status != "outgoing":
            continue
        entry = shipped_ws.crosswalk.entry(st.key)
        assert entry is not None, st.key
        assert entry.successors or entry.rationale.strip(), st.key
    decided = {e.source for e in shipped_ws.crosswalk.entries if not e.successors}
    assert decided == {"J2.3", "J3.7", "J3.9", "J5.1", "I1.1"}


def test_j5_samfundsliv_is_outgoing_by_kls_own_word(shipped_ws: Workspace) -> None:
    st = shipped_ws.catalogs["original"].resolve("J5.1")
    assert st is not None and (st.status, st.status_evidence) == ("outgoing", "verified")
    entry = shipped_ws.crosswalk.no_successor("J5.1")
    assert entry is not None and entry.evidence == "verified"
    assert "Samfundsliv" in entry.rationale


def test_an_empty_successor_list_without_a_reason_is_refused(data_copy: Path) -> None:
    path = data_copy / "crosswalk.yaml"
    text = path.read_text(encoding="utf-8")
    head, sep, rest = text.partition("  - source: J1.1\n    successors:\n      - Personlig_pleje\n")
    assert sep
    path.write_text(head + "  - source: J1.1\n    successors: []\n" + rest, encoding="utf-8")
    with pytest.raises(InputError) as exc:
        Workspace.load(data_copy)
    message = str(exc.value)
    assert "crosswalk.yaml" in message and "J1.1" in message and "begrundelse" in message


def test_catalog_list_shows_both_group_names_and_the_decisions(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from fsiii_mapper_cli.main import main

    assert main(["catalog", "list", "--catalog", "original"]) == 0
    out = capsys.readouterr().out
    assert "Funktionsevnetilstande / kommunale pleje- og omsorgstilstande (kl-term 2.x):" in out
    assert "Helbredstilstande / kommunale sygeplejetilstande (kl-term 2.x):" in out
    (j51,) = [line for line in out.splitlines() if line.startswith("J5.1")]
    assert "(verificeret)" in j51 and "ingen efterfølger: KL markerer" in j51

    assert main(["catalog", "list", "--catalog", "original", "--format", "json"]) == 0
    items = {i["key"]: i for i in json.loads(capsys.readouterr().out)}
    assert items["J5.1"]["successors"] == [] and "Samfundsliv" in items["J5.1"]["no_successor"]
    assert items["J1.1"]["no_successor"] is None
    assert (
        items["I4.1"]["group_name"]
        == "helbredstilstande / kommunale sygeplejetilstande (kl-term 2.x)"
    )


def test_the_guide_names_both_groups_and_says_why_a_state_has_no_successor(
    shipped_ws: Workspace,
) -> None:
    html = render_guide_html(build_guide(shipped_ws), "da")
    assert "Udfyldes af funktionsevnetilstande / kommunale pleje- og omsorgstilstande" in html
    assert "Udfyldes af helbredstilstande / kommunale sygeplejetilstande" in html
    assert "— ingen efterfølger: KL markerer hele området J5 Samfundsliv" in html
    assert "ikke besluttet" not in html  # every old state without successor is decided
