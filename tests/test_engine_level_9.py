"""Level 9 (ikke relevant) per the layout's ``level_9: omit | word | empty-score`` (default omit,
assumed): the preview says »niveau 9 – ikke relevant, udelades«, fill rates count it as not
filled, render-xml and the expected report follow the option, and no function element is ever
written without a ``Score``."""

from __future__ import annotations

from typing import Any

import pytest
from lxml import etree

from fsiii_mapper.analysis.fill import fill_rates
from fsiii_mapper.conformance.comparator import Comparator
from fsiii_mapper.conformance.expected import expected_for, layout_spec
from fsiii_mapper.conformance.render import render_xml
from fsiii_mapper.engine.populate import Engine
from fsiii_mapper.engine.report import Reason
from fsiii_mapper.io.validation import validate
from fsiii_mapper.model import Citizen
from fsiii_mapper.model.common import to_data
from fsiii_mapper.texts.reasons import empty_mark, empty_reason
from fsiii_mapper.workspace import Workspace

C = validate(
    Citizen,
    {
        "id": "n9",
        "identifier": "0001010099",
        "conditions": [
            {"code": "J1.1", "status": "aktiv", "level": 9},
            {"code": "J3.5", "status": "aktiv", "level": 1},
        ],
    },
)


def with_option(ws: Workspace, option: str, word: str | None = None) -> Workspace:
    if word is not None:
        next(s for s in ws.layout.scores if s.level == 9).word = word
    ws.layout.level_9 = option  # type: ignore[assignment]
    return ws


def items(xml: bytes) -> dict[str, list[Any]]:
    root = etree.fromstring(xml)
    out: dict[str, list[Any]] = {}
    for el in root.iter("{*}AbilityToFunctionElement"):
        code = el.findtext("{*}Terminology/{*}Code")
        score = el.find("{*}Score")
        out.setdefault(code, []).append(None if score is None else (score.text or ""))
    return out


def test_the_shipped_layout_omits_level_9_and_says_it_is_assumed(shipped_ws):
    # purpose: the shipped layout
    assert (shipped_ws.layout.level_9, shipped_ws.layout.level_9_evidence) == ("omit", "assumed")


def test_omit_leaves_the_item_out_and_the_preview_says_so(ws):
    rep = Engine(ws).populate(C, "original")
    fa510 = rep.field("FA510")
    assert fa510.is_empty
    assert fa510.empty_reason == Reason("level-9", {"source": "J1.1"})
    assert empty_reason(fa510.empty_reason, "da") == "J1.1: niveau 9 – ikke relevant, udelades"
    assert empty_mark(fa510.empty_reason, lang="da") == "niveau 9 – ikke relevant, udelades"
    assert any(u.code == "J1.1" and u.reason.code == "level-9" for u in rep.unused)
    assert "FA510" not in rep.filled()


@pytest.mark.parametrize(("option", "word"), [("word", "ikke relevant"), ("empty-score", None)])
def test_fill_rates_count_level_9_as_not_filled_under_every_option(ws, option, word):
    with_option(ws, option, word)
    rep = Engine(ws).populate(C, "original")
    assert [v.level for v in rep.field("FA510").contributions] == [9]
    assert "FA510" not in rep.filled() and "FA420" in rep.filled()
    assert fill_rates(ws, [C], ["original"])["original"]["FA510"] == 0


@pytest.mark.parametrize(
    ("option", "word", "fa510"),
    [
        ("omit", None, None),
        ("word", "ikke relevant", ["ikke relevant"]),
        ("empty-score", None, [""]),
    ],
)
def test_render_xml_follows_the_option_and_never_writes_an_item_without_score(
    ws, option, word, fa510
):
    with_option(ws, option, word)
    spec = layout_spec(ws.layout)
    expected = expected_for(Engine(ws), C, "original", spec)
    xml = render_xml(expected, spec)
    got = items(xml)
    assert got.get("FA510") == fa510
    assert got["FA420"] == ["lette"]
    assert all(score is not None for scores in got.values() for score in scores)
    # the golden file checks clean against its own expectation
    tree = etree.ElementTree(etree.fromstring(xml))
    assert [f.rule for f in Comparator(spec).check(tree, expected, "golden.xml")] == []


def test_word_needs_a_score_word_for_level_9(ws):
    from fsiii_mapper.io.validation import Invalid, validate
    from fsiii_mapper.model import ReportLayout

    data = to_data(ws.layout)
    data["level_9"] = "word"
    with pytest.raises(Invalid, match="level 9 has no score word"):
        validate(ReportLayout, data)
