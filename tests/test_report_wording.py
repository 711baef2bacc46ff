"""Words for the engine's codes come from one place, in Danish and English: the CLI's text and
JSON, and the GUI preview say the same thing for the same reason."""

from __future__ import annotations

import json

import pytest

from fsiii_mapper.engine.populate import STRATEGIES, Engine
from fsiii_mapper.engine.report import Reason
from fsiii_mapper.texts import reasons as words
from fsiii_mapper.workspace import Workspace, demo_citizen_paths, open_citizen
from fsiii_mapper_cli.main import main
from fsiii_mapper_cli.render_text import report_text


def _all_reports(ws: Workspace):  # type: ignore[no-untyped-def]
    engine = Engine(ws)
    for path in demo_citizen_paths():
        for strategy in STRATEGIES:
            yield engine.populate(open_citizen(str(path)), strategy)


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("da", "TOM: Ingen række i den forenklede tabel udfylder FA510"),
        ("en", "EMPTY: No row in the simplified table targets FA510"),
    ],
)
def test_report_text_in_danish_and_english(shipped_ws: Workspace, lang: str, expected: str) -> None:
    rep = Engine(shipped_ws).populate(open_citizen("demo-02"), "cura")
    text = report_text(rep, lang)
    assert expected in text
    heading = {"da": "Sygeplejefaglige problemområder:", "en": "Nursing problem areas:"}[lang]
    assert heading in text
    rule = {
        "da": "dokumenteret i de forenklede tilstande",
        "en": "documented in the simplified states",
    }
    assert rule[lang] in text


def test_every_code_the_demo_citizens_produce_has_words_in_both_languages(
    shipped_ws: Workspace,
) -> None:
    seen = 0
    for rep in _all_reports(shipped_ws):
        said: list[tuple[str, str, str]] = [
            (
                rep.strategy_reason.code,
                *(words.strategy_reason(rep.strategy_reason, lg) for lg in ("da", "en")),
            )
        ]
        for f in rep.fields:
            if f.empty_reason is not None:
                said.append(
                    (
                        f.empty_reason.code,
                        *(words.empty_reason(f.empty_reason, lg) for lg in ("da", "en")),
                    )
                )
            said += [(c, words.flag_text(c, "da"), words.flag_text(c, "en")) for c in f.flags]
        for u in rep.unused:
            said.append(
                (u.reason.code, *(words.unused_reason(u.reason, lg) for lg in ("da", "en")))
            )
        for code, da, en in said:
            assert da != code and en != code and da != en, code
            assert "{" not in da + en, code  # every placeholder filled
            seen += 1
    assert seen > 100


def test_unused_reasons_name_the_table_in_the_language_asked_for() -> None:
    r = Reason("no-map", {"table": "simplified"})
    assert (
        words.unused_reason(r, "da")
        == "den forenklede tabel mapper bevidst ikke denne tilstand (no-map)"
    )
    assert (
        words.unused_reason(r, "en")
        == "the simplified table deliberately does not map this state (no-map)"
    )


def test_a_long_list_of_sources_is_shortened_in_words_not_in_the_code() -> None:
    r = Reason("no-data", {"sources": ("A", "B", "C", "D", "E", "F")})
    assert words.empty_reason(r, "en").endswith("(A, B, C, D, … (+2))")
    assert len(r.params["sources"]) == 6


def test_preview_json_carries_codes_parameters_and_messages(
    capsys: pytest.CaptureFixture[str],
) -> None:
    rc = main(["--lang", "en", "preview", "demo-02", "--strategy", "cura", "--format", "json"])
    data = json.loads(capsys.readouterr().out)
    assert rc == 0
    assert data["strategy_reason"] == "cura.simplified-state"
    assert data["strategy_params"] == {"code": "Personlig_pleje", "display": "Personlig pleje"}
    assert data["strategy_message"].startswith("Cura: the citizen has the active state")
    fa510 = data["function_items"][0]
    assert fa510["empty_reason"] == "no-row"
    assert fa510["empty_params"] == {"tables": ["simplified"], "field": "FA510"}
    assert fa510["empty_message"] == "No row in the simplified table targets FA510"
    unused = next(u for u in data["unused"] if u["code"] == "Personlig_pleje")
    assert unused["reason"] == "no-map" and unused["params"] == {"table": "simplified"}
    assert unused["message"].startswith("the simplified table deliberately")


def test_preview_json_messages_in_danish_by_default(capsys: pytest.CaptureFixture[str]) -> None:
    main(["preview", "demo-02", "--strategy", "cura", "--format", "json"])
    data = json.loads(capsys.readouterr().out)
    assert (
        data["function_items"][0]["empty_message"]
        == "Ingen række i den forenklede tabel udfylder FA510"
    )


def test_the_cli_names_states_as_a_nurse_knows_them(cli) -> None:  # type: ignore[no-untyped-def]
    """Display name first, key and level second, in the contributions and in the states left
    out, with the same words as the GUI's side pane (``report_sheet.unused_state_line``)."""
    rc, out, _err = cli("preview", "demo-01", "-s", "simplified")
    assert rc == 0
    left_out = out.split("Ikke med i rapporten:")[1]
    assert "  Vaske sig (J1.1, niveau " in left_out
    assert "I det forenklede FSIII: Personlig pleje." in left_out
    rc, out, _err = cli("preview", "demo-01", "-s", "original")
    assert "← Vaske sig (J1.1, aktiv, original)" in out
