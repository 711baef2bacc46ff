"""Compare one parsed vendor file with what the tables prescribe, field by field.

Elements are located by local name so that a file in the wrong namespace yields one namespace
finding rather than every field missing; all names come from the layout. Function items are matched
per code: identical scores pair first, the rest in document order, so a wrong score is one finding,
not a missing plus an unexpected item. An element whose code the layout does not know is paired
with a missing field of the same description (then: "wrong code"), if there is one.

This runs once per file in batches of thousands, so names are resolved once per layout
(``Comparator``) and expectations indexed once per citizen; element paths are only built for
findings.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from lxml import etree

from fsiii_mapper.conformance.expected import (
    ExpectedArea,
    ExpectedItem,
    ExpectedReport,
    LayoutSpec,
    normalise_identifier,
)
from fsiii_mapper.conformance.findings import DOCUMENT, VendorFinding, finding
from fsiii_mapper.conformance.names import LETTER_FIELDS, XmlNames, split_clark

_MISSES_BEFORE_BACKOFF = 16
_RETRY_EVERY = 64
_ITEM_CHILDREN = ("terminology", "score", "comment", "problem_area_text")
_TERM_CHILDREN = ("code", "code_system", "code_description")


def localname(tag: object) -> str:
    return tag.rpartition("}")[2] if isinstance(tag, str) else ""


def _text(el: Any) -> str | None:
    if el is None:
        return None
    if len(el):  # mixed content: take every text node
        return "".join(el.itertext()).strip()
    t = el.text
    return t.strip() if t else ""


def _norm(s: str | None) -> str:
    return " ".join((s or "").split())


def _same(a: str | None, b: str | None) -> bool:
    return a == b or _norm(a) == _norm(b)


def xpath_of(el: etree._Element) -> str:
    """A readable XPath of local names with positions where siblings share a name."""
    parts: list[str] = []
    node: etree._Element | None = el
    while node is not None:
        parent = node.getparent()
        local = localname(node.tag)
        if parent is None:
            parts.append(local)
        else:
            same = list(parent.iterchildren(node.tag))
            parts.append(f"{local}[{same.index(node) + 1}]" if len(same) > 1 else local)
        node = parent
    return "/" + "/".join(reversed(parts))


def patient_identifier(
    root: etree._Element, names: XmlNames
) -> tuple[str | None, etree._Element | None]:
    """The (normalised) patient identifier in the file and its element, if there is one."""
    local = names.local("patient_identifier")
    if not local:
        return None, None
    candidates = list(root.iter("{*}" + local))
    parent_local = names.local("patient")
    if parent_local:
        under = [
            c
            for c in candidates
            if (up := c.getparent()) is not None and localname(up.tag) == parent_local
        ]
        candidates = under or candidates
    if not candidates:
        return None, None
    return normalise_identifier(_text(candidates[0])), candidates[0]


@dataclass
class _Actual:
    el: Any
    code: str
    system: str | None
    description: str | None
    score: str | None = None
    comment: str | None = None
    text: str | None = None
    parts: dict[str, Any] = field(default_factory=dict)

    def at(self, key: str) -> Any:
        """The child element for layout key ``key`` if present, else the item element."""
        return self.parts.get(key, self.el)


@dataclass
class _Index:
    """One citizen's expectation, indexed by field code (built once, used for every file)."""

    items: dict[str, list[ExpectedItem]]
    areas: dict[str, ExpectedArea]
    needles: dict[str, list[tuple[str, ...]]]  # area code → per entry, normalised needles
    sections: dict[str, bytes] = field(default_factory=dict)  # container key → reference bytes


def _index(expected: ExpectedReport) -> _Index:
    items: dict[str, list[ExpectedItem]] = {}
    for e in expected.items:
        items.setdefault(e.code, []).append(e)
    areas = {a.code: a for a in expected.areas}
    needles = {
        a.code: [tuple(_norm(n).casefold() for n in entry.needles()) for entry in a.entries]
        for a in expected.areas
    }
    return _Index(items, areas, needles)


@dataclass
class _Ctx:
    file: str
    lang: str | None
    out: list[VendorFinding] = field(default_factory=list)
    wrong_ns: list[Any] = field(default_factory=list)

    def add(
        self,
        rule: str,
        el: Any,
        *,
        xpath: str = "",
        field_: str | None = None,
        expected: str | None = None,
        actual: str | None = None,
        detail: str = "",
        line: int | None = None,
    ) -> None:
        self.out.append(
            finding(
                rule,
                self.file,
                self.lang,
                detail=detail,
                line=el.sourceline if el is not None else line,
                xpath=xpath or (xpath_of(el) if el is not None else ""),
                field=field_,
                expected=expected,
                actual=actual,
            )
        )


class Comparator:
    """Checks parsed files against expectations for one report layout."""

    def __init__(self, spec: LayoutSpec) -> None:
        self.spec = spec
        n = self.names = spec.names
        self.clark: dict[str, str] = dict(n.clark)
        self.local: dict[str, str] = {k: split_clark(v)[1] for k, v in n.clark.items()}
        self.any: dict[str, str] = {k: "{*}" + v for k, v in self.local.items()}
        self.item_tags = {self.clark[k]: k for k in _ITEM_CHILDREN if k in self.clark}
        self.item_locals = {self.local[k]: k for k in _ITEM_CHILDREN if k in self.local}
        self.term_tags = {self.clark[k]: k for k in _TERM_CHILDREN if k in self.clark}
        self.term_locals = {self.local[k]: k for k in _TERM_CHILDREN if k in self.local}
        self.function_codes = spec.codes("function_item")
        self.area_codes = spec.codes("problem_area")
        self._known_items = set(self.function_codes)
        self._known_areas = set(self.area_codes)
        self._indexes: dict[int, tuple[ExpectedReport, _Index]] = {}
        self._misses = 0  # consecutive files whose sections were not byte-equal to the reference

    def _index_for(self, expected: ExpectedReport) -> _Index:
        hit = self._indexes.get(id(expected))
        if hit is None or hit[0] is not expected:
            index = _index(expected)
            index.sections = self._reference_sections(expected)
            hit = (expected, index)
            self._indexes[id(expected)] = hit
        return hit[1]

    def _reference_sections(self, expected: ExpectedReport) -> dict[str, bytes]:
        """The function-ability and nursing containers of the reference file, serialised after
        a parse with the same (blank-text-dropping) parser as vendors' files."""
        from fsiii_mapper.conformance.render import render_xml
        from fsiii_mapper.conformance.safexml import parse_bytes

        root = parse_bytes(render_xml(expected, self.spec)).getroot()
        out: dict[str, bytes] = {}
        for key in ("function_ability", "nursing"):
            if key in self.clark:
                el = next(root.iter(self.clark[key]), None)
                if el is not None:
                    out[key] = etree.tostring(el, with_tail=False)
        return out

    def _same_section(self, root: Any, index: _Index, key: str, item_key: str, n: int) -> bool:
        """Fast path, sound by construction: a container serialised byte for byte like the
        reference one, with no items of its kind elsewhere in the file, holds exactly what the
        reference holds — field-by-field comparison would find nothing."""
        ref = index.sections.get(key)
        if ref is None:
            return False
        holder = next(root.iter(self.clark[key]), None)
        if holder is None or etree.tostring(holder, with_tail=False) != ref:
            return False
        return sum(1 for _ in root.iter(self.any[item_key])) == n

    # --- entry point ---------------------------------------------------------------------------

    def check(
        self,
        tree: etree._ElementTree,
        expected: ExpectedReport,
        file: str,
        lang: str | None = None,
        identifier: tuple[str | None, Any] | None = None,
    ) -> list[VendorFinding]:
        """Findings for ``tree``; ``identifier`` is ``patient_identifier(...)`` if already known."""
        ctx = _Ctx(file, lang)
        root = tree.getroot()
        if root.tag != self.clark["root"]:
            if localname(root.tag) != self.local["root"]:
                ctx.add(
                    "FV021",
                    root,
                    field_=DOCUMENT,
                    expected=self.clark["root"],
                    actual=str(root.tag),
                )
                return ctx.out
            ctx.wrong_ns.append(root)
        report = root
        if "report" in self.any:
            report = next(root.iter(self.any["report"]), root)
            if report is not root and report.tag != self.clark["report"]:
                ctx.wrong_ns.append(report)
        index = self._index_for(expected)
        self._check_letter(ctx, report)
        self._check_patient(ctx, root, expected, identifier)
        # A vendor whose files are formatted unlike the reference misses the fast path on every
        # file; after a run of misses it is only tried now and then (results are the same
        # either way, only the time differs).
        try_fast = self._misses < _MISSES_BEFORE_BACKOFF or self._misses % _RETRY_EVERY == 0
        fast_items = try_fast and self._same_section(
            root, index, "function_ability", "function_item", len(expected.items)
        )
        fast_areas = try_fast and self._same_section(
            root, index, "nursing", "problem_area", len(expected.areas)
        )
        if try_fast and (fast_items or fast_areas):
            self._misses = 0
        else:
            self._misses += 1
        if not fast_items:
            self._check_items(ctx, root, report, index)
        if not fast_areas:
            self._check_areas(ctx, root, report, index)
        if ctx.wrong_ns:
            first = ctx.wrong_ns[0]
            uri = split_clark(str(first.tag))[0]
            key = next((k for k, v in self.local.items() if v == localname(first.tag)), "root")
            ctx.out.insert(
                0,
                finding(
                    "FV020",
                    file,
                    lang,
                    line=first.sourceline,
                    xpath=xpath_of(first),
                    field=DOCUMENT,
                    expected=self.names.ns_of(key) or self.names.namespace,
                    actual=uri,
                    detail=f"{len(ctx.wrong_ns)}",
                ),
            )
        return ctx.out

    # --- reading -------------------------------------------------------------------------------

    def _child(self, ctx: _Ctx, el: Any, key: str) -> Any:
        local = self.any.get(key)
        if local is None:
            return None
        c = next(el.iterchildren(local), None)
        if c is not None and c.tag != self.clark[key]:
            ctx.wrong_ns.append(c)
        return c

    def _read(self, ctx: _Ctx, el: Any) -> _Actual:
        """An item element's terminology and other children, by exact tag or (wrong namespace)
        by local name. Written out flat: this is the innermost loop of a batch."""
        parts: dict[str, Any] = {}
        item_tags, term_tags = self.item_tags, self.term_tags
        term = None
        for c in el:
            key = item_tags.get(c.tag)
            if key is None:
                key = self._stray(ctx, c, self.item_locals)
                if key is None:
                    continue
            if key not in parts:
                parts[key] = c
                if key == "terminology":
                    term = c
        if term is not None:
            for c in term:
                key = term_tags.get(c.tag)
                if key is None:
                    key = self._stray(ctx, c, self.term_locals)
                    if key is None:
                        continue
                if key not in parts:
                    parts[key] = c
        get = parts.get
        return _Actual(
            el,
            _text(get("code")) or "",
            _text(get("code_system")),
            _text(get("code_description")),
            score=_text(get("score")) or None,
            comment=_text(get("comment")),
            text=_text(get("problem_area_text")),
            parts=parts,
        )

    @staticmethod
    def _stray(ctx: _Ctx, c: Any, locals_: dict[str, str]) -> str | None:
        """The key of a child whose tag did not match exactly: right local name in another
        namespace (recorded), or nothing we check (comments, other elements)."""
        tag = c.tag
        if not isinstance(tag, str):
            return None
        key = locals_.get(tag.rpartition("}")[2])
        if key is not None:
            ctx.wrong_ns.append(c)
        return key

    def _collect(self, ctx: _Ctx, root: Any, item_key: str, parent_key: str) -> list[_Actual]:
        out = []
        exact = self.clark[item_key]
        parent_local = self.local.get(parent_key)
        for el in root.iter(self.any[item_key]):
            if el.tag != exact:
                ctx.wrong_ns.append(el)
            if parent_local is not None:
                parent = el.getparent()
                if localname(parent.tag) != parent_local:
                    ctx.add(
                        "FV023",
                        el,
                        field_=DOCUMENT,
                        expected=parent_local,
                        actual=localname(parent.tag),
                    )
            out.append(self._read(ctx, el))
        return out

    def _holder(self, root: Any, report: Any, key: str) -> Any:
        if key in self.any:
            found = next(root.iter(self.any[key]), None)
            if found is not None:
                return found
        return report

    def _missing_xpath(self, holder: Any, container_key: str, item_key: str, code: str) -> str:
        """Where the missing item should be: in its container (named even if absent too)."""
        base = xpath_of(holder)
        container = self.local.get(container_key)
        if container and localname(holder.tag) != container:
            base += f"/{container}"
        return (
            f"{base}/{self.local[item_key]}"
            f"[{self.local['terminology']}/{self.local['code']}='{code}']"
        )

    # --- letter and patient -------------------------------------------------------------------

    def _check_letter(self, ctx: _Ctx, report: Any) -> None:
        if "letter" not in self.any:
            return
        values = self.names.values
        checked = [(k, v) for k, v in LETTER_FIELDS if v and v in values and k in self.any]
        if not checked:
            return
        letter = self._child(ctx, report, "letter")
        if letter is None:
            letter = next(report.iter(self.any["letter"]), None)
        if letter is None:
            ctx.add("FV022", report, field_=DOCUMENT, expected=self.local["letter"], actual=None)
            return
        for key, value_key in checked:
            el = self._child(ctx, letter, key)
            want = values[value_key]
            got = _text(el)
            if got != want.strip():
                ctx.add(
                    "FV022",
                    el if el is not None else letter,
                    field_=DOCUMENT,
                    expected=want,
                    actual=got,
                    detail=self.local[key],
                )

    def _check_patient(
        self,
        ctx: _Ctx,
        root: Any,
        expected: ExpectedReport,
        identifier: tuple[str | None, Any] | None,
    ) -> None:
        if expected.identifier is None or "patient_identifier" not in self.any:
            return
        got, el = identifier if identifier is not None else patient_identifier(root, self.names)
        if el is None or not got:
            ctx.add(
                "FV011",
                el if el is not None else root,
                field_=DOCUMENT,
                expected=expected.identifier,
                actual=None,
            )
            return
        if el.tag != self.clark["patient_identifier"]:
            ctx.wrong_ns.append(el)
        if got != expected.identifier:
            ctx.add("FV012", el, field_=DOCUMENT, expected=expected.identifier, actual=got)

    # --- function items -----------------------------------------------------------------------

    def _check_items(self, ctx: _Ctx, root: Any, report: Any, index: _Index) -> None:
        actual = self._collect(ctx, root, "function_item", "function_ability")
        if not actual and not index.items:
            return
        by_code: dict[str, list[_Actual]] = {}
        unknown: list[_Actual] = []
        for a in actual:
            if a.code in self._known_items:
                by_code.setdefault(a.code, []).append(a)
            else:
                unknown.append(a)
        missing: list[ExpectedItem] = []
        for code in self.function_codes:
            exp = index.items.get(code, [])
            act = by_code.get(code, [])
            if not exp and not act:
                continue
            pairs, e_left, a_left = _pair(exp, act, lambda e, a: e.score == a.score)
            for e, a in pairs:
                self._compare_item(ctx, e, a)
            missing.extend(e_left)
            for a in a_left:
                rule = "FV107" if exp else "FV102"
                ctx.add(rule, a.el, field_=code, expected=str(len(exp)), actual=a.score)
        for a, match in _stand_ins(unknown, missing):
            if match is not None:
                ctx.add(
                    "FV104", a.at("code"), field_=match.code, expected=match.code, actual=a.code
                )
                self._compare_item(ctx, match, a)
            else:
                ctx.add("FV104", a.at("code"), field_=None, expected=None, actual=a.code)
        if missing:
            holder = self._holder(root, report, "function_ability")
            for e in missing:
                ctx.add(
                    "FV101",
                    None,
                    line=holder.sourceline,
                    field_=e.code,
                    actual=None,
                    xpath=self._missing_xpath(holder, "function_ability", "function_item", e.code),
                    expected=f"{e.code} {e.description}: {e.score or ''}".strip(),
                )

    def _compare_item(self, ctx: _Ctx, e: ExpectedItem, a: _Actual) -> None:
        if not _same(a.system, e.code_system):
            ctx.add(
                "FV105", a.at("code_system"), field_=e.code, expected=e.code_system, actual=a.system
            )
        if not _same(a.description, e.description):
            ctx.add(
                "FV106",
                a.at("code_description"),
                field_=e.code,
                expected=e.description,
                actual=a.description,
            )
        if e.score is None and a.score is not None:
            ctx.add("FV109", a.at("score"), field_=e.code, expected=None, actual=a.score)
        elif e.score is not None and a.score != e.score:
            ctx.add("FV103", a.at("score"), field_=e.code, expected=e.score, actual=a.score)
        if e.comment and not _same(a.comment, e.comment):
            ctx.add("FV108", a.at("comment"), field_=e.code, expected=e.comment, actual=a.comment)

    # --- problem areas -------------------------------------------------------------------------

    def _check_areas(self, ctx: _Ctx, root: Any, report: Any, index: _Index) -> None:
        actual = self._collect(ctx, root, "problem_area", "nursing")
        if not actual and not index.areas:
            return
        by_code: dict[str, list[_Actual]] = {}
        unknown: list[_Actual] = []
        for a in actual:
            if a.code in self._known_areas:
                by_code.setdefault(a.code, []).append(a)
            else:
                unknown.append(a)
        missing: list[ExpectedArea] = []
        for code in self.area_codes:
            exp = index.areas.get(code)
            act = by_code.get(code, [])
            if exp is None:
                for a in act:
                    ctx.add("FV202", a.el, field_=code, expected=None, actual=a.text)
                continue
            if not act:
                missing.append(exp)
                continue
            self._compare_area(ctx, exp, act[0], index)
            for a in act[1:]:
                ctx.add("FV207", a.el, field_=code, expected="1", actual=str(len(act)))
        for a, match in _stand_ins(unknown, missing):
            if match is not None:
                ctx.add(
                    "FV204", a.at("code"), field_=match.code, expected=match.code, actual=a.code
                )
                self._compare_area(ctx, match, a, index)
            else:
                ctx.add("FV204", a.at("code"), field_=None, expected=None, actual=a.code)
        if missing:
            holder = self._holder(root, report, "nursing")
            for e in missing:
                ctx.add(
                    "FV201",
                    None,
                    line=holder.sourceline,
                    field_=e.code,
                    actual=None,
                    xpath=self._missing_xpath(holder, "nursing", "problem_area", e.code),
                    expected=e.text,
                )

    def _compare_area(self, ctx: _Ctx, e: ExpectedArea, a: _Actual, index: _Index) -> None:
        if not _same(a.system, e.code_system):
            ctx.add(
                "FV205", a.at("code_system"), field_=e.code, expected=e.code_system, actual=a.system
            )
        if not _same(a.description, e.description):
            ctx.add(
                "FV206",
                a.at("code_description"),
                field_=e.code,
                expected=e.description,
                actual=a.description,
            )
        text = _norm(a.text).casefold()
        for entry, needles in zip(e.entries, index.needles[e.code], strict=True):
            if not any(n in text for n in needles):
                ctx.add(
                    "FV203",
                    a.at("problem_area_text"),
                    field_=e.code,
                    expected=entry.line(),
                    actual=a.text,
                )


def _pair(
    expected: list[ExpectedItem],
    actual: list[_Actual],
    same: Callable[[ExpectedItem, _Actual], bool],
) -> tuple[list[tuple[ExpectedItem, _Actual]], list[ExpectedItem], list[_Actual]]:
    """Pair equal ones first, then the rest in order; return pairs and leftovers."""
    if len(expected) == 1 and len(actual) == 1:
        return [(expected[0], actual[0])], [], []
    e_left, a_left = list(expected), list(actual)
    pairs: list[tuple[ExpectedItem, _Actual]] = []
    for e in list(e_left):
        for a in a_left:
            if same(e, a):
                pairs.append((e, a))
                e_left.remove(e)
                a_left.remove(a)
                break
    while e_left and a_left:
        pairs.append((e_left.pop(0), a_left.pop(0)))
    return pairs, e_left, a_left


def _stand_ins(unknown: list[_Actual], missing: list[Any]) -> list[tuple[_Actual, Any]]:
    """Pair elements with an unknown code with missing fields: same description first, else a
    lone unknown with a lone missing one. Paired missing fields are removed from ``missing``."""
    out: list[tuple[_Actual, Any]] = []
    lone = len(unknown) == 1 and len(missing) == 1
    for a in unknown:
        desc = _norm(a.description)
        match = next((e for e in missing if _norm(e.description) == desc), None)
        if match is None and lone:
            match = missing[0]
        if match is not None:
            missing.remove(match)
        out.append((a, match))
    return out
