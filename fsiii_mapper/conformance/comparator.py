"""Compare one parsed vendor file with what the tables prescribe, field by field.

Elements are located by local name so that a file in the wrong namespace yields one namespace
finding per layout entry rather than every field missing; all names come from the layout.

*Content* findings (a missing or extra field, a wrong score, a state missing from an area, a
missing note) are errors. *Form* findings (an element's namespace, a wrapper's presence, element
order, a code system value, the root and letter elements) depend on a layout entry: they are errors
only where that entry is ``verified`` (or with ``strict_form``), otherwise warnings, and each names
the entry and its evidence. A namespace the layout ``accept``s is no finding at all.

A filled function item is one element (the rule's ``collapse`` says which values it may carry):
an element whose score is one of the allowed values pairs first, the rest in document order, so a
wrong score is one finding, not a missing plus an unexpected item; a file that carries one of
several allowed values gets the warning FV110 (flere kilder). An element whose code the layout
does not know is paired with a missing field of the same description (then: "wrong code"), if there
is one.

This runs once per file in batches of thousands, so names are resolved once per layout
(``Comparator``) and expectations indexed once per citizen; element paths are only built for
findings. Most files are compared with the citizen's reference file in a few C-level operations
(``reference.py``): their landmarks found in one walk, the letter's children as one list, the
containers as bytes. Whatever differs is compared field by field, so the findings are always those
of the careful path (``Comparator(fast=False)``; tests/test_vendor_fast_path*.py).
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
from fsiii_mapper.conformance.names import (
    CONTENT_CONTAINERS,
    Element,
    XmlNames,
    evidence_label,
    split_clark,
)
from fsiii_mapper.conformance.reference import (
    FileBytes,
    Reference,
    file_bytes,
    serialised,
    shape,
)
from fsiii_mapper.rules.rule import Severity

_MISSES_BEFORE_BACKOFF = 16
_RETRY_EVERY = 64
# Elements the fast path finds in one walk (by local name) and compares with the reference's.
_LANDMARKS = (
    "patient_identifier",
    "report",
    "envelope",
    "sender",
    "receiver",
    "letter",
    "function_ability",
    "function_item",
    "nursing",
    "problem_area",
)
_ITEM_KEYS = ("function_item", "problem_area")
_ITEM_CHILDREN = ("terminology", "score", "comment", "problem_area_text")
_TERM_CHILDREN = ("code", "code_system", "code_description")


def localname(tag: object) -> str:
    return tag.rpartition("}")[2] if isinstance(tag, str) else ""


def _text(el: Any) -> str | None:
    if el is None:
        return None
    if len(el):  # FormattedText: a child element (<Break/>) is a line break
        parts = [el.text or ""]
        for c in el:
            parts.append("\n")
            if isinstance(c.tag, str):
                parts.extend(c.itertext())
            parts.append(c.tail or "")
        return "".join(parts).strip()
    t = el.text
    return t.strip() if t else ""


def _words(s: str) -> set[str]:
    return {w for w in _norm(s).casefold().split() if len(w) > 2}


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
    return identifier_among(list(root.iter("{*}" + local)), names.local("patient"))


def identifier_among(candidates: list[Any], parent_local: str | None) -> tuple[str | None, Any]:
    """The patient identifier among the elements named like it: the first under the patient
    element (``parent_local``) if any is, else the first; normalised, with its element."""
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
    reference: Reference | None = None  # what the fast paths compare with
    several: bool = False  # a function item has several allowed values (FV110)


@dataclass(frozen=True)
class Landmarks:
    """A file's landmark elements in document order, and their Clark tags."""

    els: list[Any]
    tags: list[str]


@dataclass
class _Frame:
    """The elements the letter and container checks start from, in a file whose landmarks are
    the reference's: each one the careful path's, in its expected namespace."""

    report: Any
    letter: Any
    holders: dict[str, Any]
    counts: dict[str, int]  # item key → elements of that name in the file (all in its namespace)


def _index(expected: ExpectedReport) -> _Index:
    items: dict[str, list[ExpectedItem]] = {}
    for e in expected.items:
        items.setdefault(e.code, []).append(e)
    areas = {a.code: a for a in expected.areas}
    needles = {
        a.code: [tuple(_norm(n).casefold() for n in entry.needles()) for entry in a.entries]
        for a in expected.areas
    }
    return _Index(items, areas, needles, several=any(e.several for e in expected.items))


@dataclass
class _Ctx:
    file: str
    lang: str | None
    strict_form: bool = False
    out: list[VendorFinding] = field(default_factory=list)
    wrong_ns: dict[str, list[Any]] = field(default_factory=dict)  # layout key → elements

    def severity(self, evidence: str) -> Severity:
        return "error" if self.strict_form or evidence == "verified" else "warning"

    def on(self, evidence: str, entry: str, detail: str = "") -> tuple[Severity, str]:
        """Severity and detail of a form finding resting on layout entry ``entry``."""
        basis = f"{entry}: {evidence_label(evidence, self.lang)}"
        return self.severity(evidence), f"{detail}; {basis}" if detail else basis

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
        severity: Severity | None = None,
    ) -> None:
        self.out.append(
            finding(
                rule,
                self.file,
                self.lang,
                severity=severity,
                detail=detail,
                line=el.sourceline if el is not None else line,
                xpath=xpath or (xpath_of(el) if el is not None else ""),
                field=field_,
                expected=expected,
                actual=actual,
            )
        )


class Comparator:
    """Checks parsed files against expectations for one report layout.

    ``fast=False`` compares every file field by field: the definition the fast paths (landmarks,
    letter and containers equal to the reference) are tested against."""

    def __init__(self, spec: LayoutSpec, strict_form: bool = False, fast: bool = True) -> None:
        self.spec = spec
        self.strict_form = strict_form
        self.fast = fast
        n = self.names = spec.names
        self.el: dict[str, Element] = dict(n.elements)
        self.clark: dict[str, str] = {k: e.clark for k, e in n.elements.items()}
        self.local: dict[str, str] = {k: e.local for k, e in n.elements.items()}
        self.any: dict[str, str] = {k: "{*}" + v for k, v in self.local.items()}
        self.item_tags = {self.clark[k]: k for k in _ITEM_CHILDREN if k in self.clark}
        self.item_locals = {self.local[k]: k for k in _ITEM_CHILDREN if k in self.local}
        self.term_tags = {self.clark[k]: k for k in _TERM_CHILDREN if k in self.clark}
        self.term_locals = {self.local[k]: k for k in _TERM_CHILDREN if k in self.local}
        self.function_codes = spec.codes("function_item")
        self.area_codes = spec.codes("problem_area")
        # The XML carries report codes; findings speak of the stable field ids.
        self._item_ids = {f.report_code: f.code for f in spec.fields if f.kind == "function_item"}
        self._area_ids = {f.report_code: f.code for f in spec.fields if f.kind == "problem_area"}
        self._order = {f.code: i for i, f in enumerate(spec.fields)}
        self._indexes: dict[int, tuple[ExpectedReport, _Index]] = {}
        self._misses = 0  # consecutive files whose sections were not byte-equal to the reference
        self._marks = tuple(dict.fromkeys(self.any[k] for k in _LANDMARKS if k in self.any))
        # Landmarks in their own namespace, where only the patient identifier's has its name.
        known = [k for k in _LANDMARKS if k in self.clark]
        self._known_marks = (
            frozenset(self.clark[k] for k in known)
            if len({self.local[k] for k in known}) == len(known)
            else None
        )
        # Items in their own namespace, left out of a file's landmarks when their number differs
        # from the reference's (only where no other landmark shares their name).
        items = {self.local[k] for k in _ITEM_KEYS if k in self.local}
        others = {self.local[k] for k in _LANDMARKS if k in self.local and k not in _ITEM_KEYS}
        self._item_marks = (
            frozenset(self.clark[k] for k in _ITEM_KEYS if k in self.clark)
            if not items & others
            else frozenset()
        )
        letter = self.el.get("letter", _NO_ELEMENT)
        self._letter_checked = [k for k in letter.children if self.el[k].fixed is not None]
        # The letter's children exactly as the layout lists them: each checked one at its place.
        tags = [self.clark.get(k, "") for k in letter.children]
        distinct = all(tags) and len({localname(t) for t in tags}) == len(tags)
        self._letter_tags = tags if distinct else None
        self._letter_at = [(k, letter.children.index(k)) for k in self._letter_checked]
        # Per entry with children: a child's position in the layout's order, by local name (the
        # last of equal names) and, the same, by exact tag (no name to split in the common case).
        self._ranks: dict[str, tuple[dict[Any, int], dict[str, int]]] = {}
        for key, entry in self.el.items():
            by_local = {self.local[c]: i for i, c in enumerate(entry.children)}
            by_tag = {self.clark[c]: by_local[self.local[c]] for c in entry.children}
            self._ranks[key] = (by_tag, by_local)

    def _index_for(self, expected: ExpectedReport) -> _Index:
        hit = self._indexes.get(id(expected))
        if hit is None or hit[0] is not expected:
            index = _index(expected)
            index.reference = self._reference(expected)
            hit = (expected, index)
            self._indexes[id(expected)] = hit
        return hit[1]

    def _reference(self, expected: ExpectedReport) -> Reference:
        """The reference file's landmarks and its function-ability and nursing containers,
        after a parse with the same (blank-text-dropping) parser as vendors' files."""
        from fsiii_mapper.conformance.render import render_xml
        from fsiii_mapper.conformance.safexml import parse_bytes

        root = parse_bytes(render_xml(expected, self.spec)).getroot()
        marks = [el.tag for el in root.iter(*self._marks)]
        skeleton = [tag for tag in marks if tag not in self._item_marks]
        counts = {k: marks.count(self.clark[k]) for k in _ITEM_KEYS if k in self.clark}
        return Reference(
            marks,
            self._first(marks),
            counts,
            skeleton,
            self._first(skeleton) if self._item_marks else {},
            *self._containers(root),
        )

    def _first(self, marks: list[str]) -> dict[str, int]:
        """Layout key → position of its first landmark, where that is in its own namespace (only
        such an element is one the careful path says nothing of)."""
        first: dict[str, int] = {}
        for key in _LANDMARKS:
            if key in self.local:
                at = next((i for i, t in enumerate(marks) if localname(t) == self.local[key]), None)
                if at is not None and marks[at] == self.clark[key]:
                    first[key] = at
        return first

    def _containers(
        self, root: Any
    ) -> tuple[dict[str, Any], dict[str, bytes], dict[str, tuple[Any, ...]]]:
        """The reference's function-ability and nursing containers, serialised, and their
        shapes."""
        holders: dict[str, Any] = {}
        for key in CONTENT_CONTAINERS:
            if key in self.clark:
                el = next(root.iter(self.clark[key]), None)
                if el is not None:
                    holders[key] = el
        return (
            holders,
            {k: serialised(el) for k, el in holders.items()},
            {k: shape(el) for k, el in holders.items()},
        )

    def landmarks(self, root: Any) -> Landmarks:
        """The file's landmarks: one walk of the tree, from which the patient identifier is read
        (``identifier``) and the file compared with its reference."""
        els = list(root.iter(*self._marks))
        return Landmarks(els, [el.tag for el in els])

    def identifier(self, marks: Landmarks) -> tuple[str | None, Any]:
        """``patient_identifier`` read from the file's ``landmarks`` (no walk of its own)."""
        local = self.local.get("patient_identifier")
        if not local:
            return None, None
        els, tags = marks.els, marks.tags
        exact = self.clark["patient_identifier"]
        if self._known_marks is not None and self._known_marks.issuperset(tags):
            # Every landmark in its own namespace: the candidates are the exact tags.
            if tags.count(exact) == 1:
                candidates = [els[tags.index(exact)]]
            else:
                candidates = [els[i] for i, t in enumerate(tags) if t == exact]
        else:
            suffix = "}" + local
            candidates = [els[i] for i, t in enumerate(tags) if t.endswith(suffix) or t == local]
        return identifier_among(candidates, self.local.get("patient"))

    def _frame(self, landmarks: Landmarks, index: _Index) -> _Frame | None:
        """The report, letter and containers of a file whose landmarks are the reference's;
        ``None`` for any other file (the careful path finds them)."""
        ref = index.reference
        if not self.fast or ref is None:
            return None
        marks, tags = landmarks.els, landmarks.tags
        first, counts = ref.first, ref.counts
        if tags != ref.marks:
            # Items missing or added: the rest may still be the reference's (items are never
            # taken out in another namespace: such a file keeps them and takes the careful path).
            marks = [el for el, tag in zip(marks, tags, strict=True) if tag not in self._item_marks]
            if [el.tag for el in marks] != ref.skeleton:
                return None
            first = ref.skeleton_first
            counts = {k: tags.count(self.clark[k]) for k in ref.counts}
        if "report" not in first:
            return None
        report = marks[first["report"]]
        at = first.get("letter")
        letter = None if at is None else marks[at]
        if letter is not None and letter.getparent() is not report:
            return None
        holders = {k: marks[first[k]] for k in CONTENT_CONTAINERS if k in first}
        return _Frame(report, letter, holders, counts)

    def _same_section(
        self,
        root: Any,
        index: _Index,
        frame: _Frame | None,
        key: str,
        item_key: str,
        n: int,
        raw: FileBytes | None,
    ) -> bool:
        """Fast path, sound by construction: a container serialised byte for byte like the
        reference one — or, in a file with other namespace prefixes, of the same shape — with no
        items of its kind elsewhere in the file, holds exactly what the reference holds:
        field-by-field comparison would find nothing."""
        ref = index.reference
        if ref is None:
            return False
        if frame is not None:  # the landmarks have counted the items already
            if key not in ref.sections:  # no container, no item in either: nothing to compare
                return n == 0 and frame.counts[item_key] == 0 and key not in frame.holders
            holder = frame.holders.get(key)
            # The frame's holder is the file's first element of its name: its bytes can be found.
            return holder is not None and frame.counts[item_key] == n and ref.same(key, holder, raw)
        if key not in ref.sections:
            return False
        holder = next(root.iter(self.clark[key]), None)
        if holder is None or not ref.same(key, holder):
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
        marks: Landmarks | None = None,
        data: bytes | None = None,
    ) -> list[VendorFinding]:
        """Findings for ``tree``; ``identifier`` is ``patient_identifier(...)`` and ``marks``
        ``landmarks(...)`` of it if already known; ``data``: the bytes ``tree`` was parsed from
        by the safe reader, if at hand (containers are then compared in them)."""
        ctx = _Ctx(file, lang, self.strict_form)
        root = tree.getroot()
        if localname(root.tag) != self.local["root"]:
            severity, detail = ctx.on(self.el["root"].evidence, self.el["root"].entry)
            ctx.add(
                "FV021",
                root,
                field_=DOCUMENT,
                expected=self.clark["root"],
                actual=str(root.tag),
                detail=detail,
                severity=severity,
            )
            if severity == "error":
                return ctx.out
        else:
            self._ns(ctx, "root", root)
        index = self._index_for(expected)
        if not self.fast:
            frame = None
        else:
            frame = self._frame(self.landmarks(root) if marks is None else marks, index)
        if frame is not None:  # report, envelope and letter where the reference has them
            report = frame.report
        else:
            report = root
            if "report" in self.any:
                report = next(root.iter(self.any["report"]), root)
                if report is not root:
                    self._ns(ctx, "report", report)
            self._check_envelope(ctx, root)
        self._check_letter(ctx, report, frame)
        self._check_patient(ctx, root, expected, identifier)
        # A vendor whose files are formatted unlike the reference misses the fast path on every
        # file; after a run of misses it is only tried now and then (results are the same
        # either way, only the time differs).
        try_fast = self.fast and (
            self._misses < _MISSES_BEFORE_BACKOFF or self._misses % _RETRY_EVERY == 0
        )
        raw = file_bytes(data) if try_fast and frame is not None and data else None
        # A field with several allowed values always gets its FV110, however the file is laid out.
        fast_items = (
            try_fast
            and not index.several
            and self._same_section(
                root,
                index,
                frame,
                "function_ability",
                "function_item",
                len(expected.items),
                raw,
            )
        )
        fast_areas = try_fast and self._same_section(
            root, index, frame, "nursing", "problem_area", len(expected.areas), raw
        )
        if try_fast and (fast_items or fast_areas):
            self._misses = 0
        else:
            self._misses += 1
        if not fast_items:
            self._check_items(ctx, root, report, index)
        if not fast_areas:
            self._check_areas(ctx, root, report, index)
        self._namespace_findings(ctx)
        return ctx.out

    # --- form ----------------------------------------------------------------------------------

    def _ns(self, ctx: _Ctx, key: str, el: Any) -> None:
        """Record ``el`` (found for layout key ``key``) if its namespace is not accepted."""
        if el.tag != self.clark[key] and split_clark(el.tag)[0] not in self.el[key].namespaces:
            ctx.wrong_ns.setdefault(key, []).append(el)

    def _namespace_findings(self, ctx: _Ctx) -> None:
        """One finding per layout entry whose elements stand in a namespace it does not accept."""
        found = []
        for key, els in ctx.wrong_ns.items():
            entry = self.el[key]
            severity, basis = ctx.on(entry.evidence, entry.entry, str(len(els)))
            found.append(
                finding(
                    "FV020",
                    ctx.file,
                    ctx.lang,
                    severity=severity,
                    line=els[0].sourceline,
                    xpath=xpath_of(els[0]),
                    field=DOCUMENT,
                    expected=" | ".join(sorted(entry.namespaces, key=lambda u: u != entry.uri)),
                    actual=split_clark(str(els[0].tag))[0],
                    detail=basis,
                )
            )
        ctx.out[:0] = found

    def _check_order(
        self, ctx: _Ctx, holder: Any, key: str, ranks: list[int], els: list[Any]
    ) -> None:
        """FV025 once if ``ranks`` (layout positions of ``els`` in document order) go back."""
        for i in range(1, len(ranks)):
            if ranks[i] < ranks[i - 1]:
                entry = self.el[key]
                severity, detail = ctx.on(entry.evidence, entry.entry)
                ctx.add(
                    "FV025",
                    els[i],
                    field_=DOCUMENT,
                    expected=", ".join(self.el[key].children),
                    actual=localname(els[i].tag),
                    detail=detail,
                    severity=severity,
                )
                return

    def _children_in_order(self, ctx: _Ctx, el: Any, key: str) -> None:
        """The children of ``el`` that the layout names for ``key`` follow the layout's order."""
        by_tag, by_local = self._ranks[key]
        ranks, els = [], []
        for c in el:
            tag = c.tag
            i = by_tag.get(tag)
            if i is None:
                i = by_local.get(localname(tag))
                if i is None:
                    continue
            ranks.append(i)
            els.append(c)
        self._check_order(ctx, el, key, ranks, els)

    def _check_envelope(self, ctx: _Ctx, root: Any) -> None:
        """The namespace of the envelope and the sender/receiver blocks, where present."""
        for key in ("envelope", "sender", "receiver"):
            if key in self.any:
                el = next(root.iter(self.any[key]), None)
                if el is not None:
                    self._ns(ctx, key, el)

    # --- reading -------------------------------------------------------------------------------

    def _child(self, ctx: _Ctx, el: Any, key: str) -> Any:
        local = self.any.get(key)
        if local is None:
            return None
        c = next(el.iterchildren(local), None)
        if c is not None:
            self._ns(ctx, key, c)
        return c

    def _read(self, ctx: _Ctx, el: Any) -> _Actual:
        """An item element's terminology and other children, by exact tag or (another namespace)
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

    def _stray(self, ctx: _Ctx, c: Any, locals_: dict[str, str]) -> str | None:
        """The key of a child whose tag did not match exactly: right local name in another
        namespace (recorded unless accepted), or nothing we check (comments, other elements)."""
        tag = c.tag
        if not isinstance(tag, str):
            return None
        key = locals_.get(tag.rpartition("}")[2])
        if key is not None:
            self._ns(ctx, key, c)
        return key

    def _collect(self, ctx: _Ctx, root: Any, item_key: str, parent_key: str) -> list[_Actual]:
        """Every item element of the file, with placement findings: under the layout's wrapper
        (``function_items_wrapper``, if it names one) in ``parent_key``."""
        out = []
        exact = self.clark[item_key]
        wrapper_key = next(
            (
                k
                for k in self.el.get(parent_key, _NO_ELEMENT).children
                if item_key in self.el[k].children
            ),
            None,
        )
        home_key = wrapper_key or parent_key
        home_local = self.local.get(home_key)
        parent_local = self.local.get(parent_key)
        unwrapped: list[Any] = []
        for el in root.iter(self.any[item_key]):
            if el.tag != exact:
                self._ns(ctx, item_key, el)
            parent = el.getparent()
            up = "" if parent is None else localname(parent.tag)  # the root: in no container
            if home_local is not None and up != home_local:
                if wrapper_key is not None and up == parent_local:
                    unwrapped.append(el)
                else:
                    entry = self.el[home_key]
                    severity, detail = ctx.on(entry.evidence, entry.entry)
                    ctx.add(
                        "FV023",
                        el,
                        field_=DOCUMENT,
                        expected=home_local,
                        actual=up,
                        detail=detail,
                        severity=severity,
                    )
            elif wrapper_key is not None:
                self._ns(ctx, wrapper_key, parent)
            out.append(self._read(ctx, el))
        if unwrapped and wrapper_key is not None:
            entry = self.el[wrapper_key]
            severity, detail = ctx.on(entry.evidence, entry.entry, str(len(unwrapped)))
            ctx.add(
                "FV024",
                unwrapped[0].getparent(),
                field_=DOCUMENT,
                expected=entry.local,
                actual=None,
                detail=detail,
                severity=severity,
            )
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

    def _check_letter(self, ctx: _Ctx, report: Any, frame: _Frame | None) -> None:
        if "letter" not in self.any or not self._letter_checked:
            return
        if frame is not None:
            letter = frame.letter
        else:
            letter = self._child(ctx, report, "letter")
            if letter is None:
                letter = next(report.iter(self.any["letter"]), None)
        if letter is None:
            entry = self.el["letter"]
            severity, detail = ctx.on(entry.evidence, entry.entry)
            ctx.add(
                "FV022",
                report,
                field_=DOCUMENT,
                expected=entry.local,
                actual=None,
                detail=detail,
                severity=severity,
            )
            return
        for key, el in self._letter_values(ctx, letter):
            entry = self.el[key]
            want = (entry.fixed or "").strip()
            got = _text(el)
            if got == want:
                continue
            # Missing: a question of form (the element's name); present but wrong: of content.
            evidence = entry.evidence if el is None else entry.fixed_evidence
            severity, detail = ctx.on(evidence, entry.entry, entry.local)
            ctx.add(
                "FV022",
                el if el is not None else letter,
                field_=DOCUMENT,
                expected=want,
                actual=got,
                detail=detail,
                severity=severity,
            )

    def _letter_values(self, ctx: _Ctx, letter: Any) -> list[tuple[str, Any]]:
        """The letter's elements with fixed values per layout key (``None``: missing), after
        checking the order of its children."""
        # Exactly the layout's children, in its order and namespace: nothing to say of form.
        tags = self._letter_tags
        if self.fast and tags is not None:
            children = list(letter)
            if [c.tag for c in children] == tags:
                return [(k, children[i]) for k, i in self._letter_at]
        self._children_in_order(ctx, letter, "letter")
        return [(k, self._child(ctx, letter, k)) for k in self._letter_checked]

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
        self._ns(ctx, "patient_identifier", el)
        if got != expected.identifier:
            ctx.add("FV012", el, field_=DOCUMENT, expected=expected.identifier, actual=got)

    # --- function items -----------------------------------------------------------------------

    def _field_order(self, ctx: _Ctx, actual: list[_Actual], ids: dict[str, str], key: str) -> None:
        """Report fields in the layout's order, within each container that holds them."""
        groups: dict[Any, list[tuple[int, Any]]] = {}
        for a in actual:
            parent = a.el.getparent()
            if a.code in ids and parent is not None:
                groups.setdefault(parent, []).append((self._order[ids[a.code]], a.el))
        for parent, known in groups.items():
            holder_key = key
            for k in ("function_items_wrapper", "function_ability", "nursing"):
                if k in self.local and localname(parent.tag) == self.local[k]:
                    holder_key = k
                    break
            self._check_order(ctx, parent, holder_key, [r for r, _ in known], [e for _, e in known])

    def _check_items(self, ctx: _Ctx, root: Any, report: Any, index: _Index) -> None:
        actual = self._collect(ctx, root, "function_item", "function_ability")
        if not actual and not index.items:
            return
        self._field_order(ctx, actual, self._item_ids, "function_ability")
        by_code, unknown = _by_field(actual, self._item_ids)
        missing: list[ExpectedItem] = []
        for code in self.function_codes:
            exp = index.items.get(code, [])
            act = by_code.get(code, [])
            if not exp and not act:
                continue
            pairs, e_left, a_left = _pair(exp, act, lambda e, a: e.option_for(a.score) is not None)
            for e, a in pairs:
                self._compare_item(ctx, e, a)
            missing.extend(e_left)
            for a in a_left:
                rule = "FV107" if exp else "FV102"
                ctx.add(rule, a.el, field_=code, expected=str(len(exp)), actual=a.score)
        for a, match in _stand_ins(unknown, missing):
            if match is not None:
                ctx.add(
                    "FV104",
                    a.at("code"),
                    field_=match.code,
                    expected=match.report_code,
                    actual=a.code,
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
                    xpath=self._missing_xpath(
                        holder, "function_ability", "function_item", e.report_code
                    ),
                    expected=f"{e.report_code} {e.description}: {e.score or ''}".strip(),
                )

    def _code_system(self, ctx: _Ctx, rule: str, code: str, want: str, a: _Actual) -> None:
        if _same(a.system, want):
            return
        fs = self.spec.field(code)
        severity, detail = ctx.on(fs.evidence if fs else "assumed", f"{code}.code_system")
        ctx.add(
            rule,
            a.at("code_system"),
            field_=code,
            expected=want,
            actual=a.system,
            detail=detail,
            severity=severity,
        )

    def _compare_item(self, ctx: _Ctx, e: ExpectedItem, a: _Actual) -> None:
        self._code_system(ctx, "FV105", e.code, e.code_system, a)
        if not _same(a.description, e.description):
            ctx.add(
                "FV106",
                a.at("code_description"),
                field_=e.code,
                expected=e.description,
                actual=a.description,
            )
        picked = e.option_for(a.score)
        if picked is None and e.score is None:
            ctx.add("FV109", a.at("score"), field_=e.code, expected=None, actual=a.score)
        elif picked is None:
            want = " | ".join(dict.fromkeys(o.score or "" for o in e.options))
            ctx.add("FV103", a.at("score"), field_=e.code, expected=want, actual=a.score)
        elif e.several:
            others = [o.describe() for o in e.sources if o != picked]
            ctx.add(
                "FV110",
                a.at("score"),
                field_=e.code,
                expected=" | ".join(o.describe() for o in e.options),
                actual=picked.describe(),
                detail=", ".join(others),
            )
        value = picked or e.chosen
        if value.comment and not _same(a.comment, value.comment):
            comments = [o.comment for o in e.options if o.score == value.score]
            if not any(_same(a.comment, c) for c in comments):
                ctx.add(
                    "FV108",
                    a.at("comment"),
                    field_=e.code,
                    expected=value.comment,
                    actual=a.comment,
                )
        self._children_in_order(ctx, a.el, "function_item")

    # --- problem areas -------------------------------------------------------------------------

    def _check_areas(self, ctx: _Ctx, root: Any, report: Any, index: _Index) -> None:
        actual = self._collect(ctx, root, "problem_area", "nursing")
        if not actual and not index.areas:
            return
        self._field_order(ctx, actual, self._area_ids, "nursing")
        by_code, unknown = _by_field(actual, self._area_ids)
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
                    "FV204",
                    a.at("code"),
                    field_=match.code,
                    expected=match.report_code,
                    actual=a.code,
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
                    xpath=self._missing_xpath(holder, "nursing", "problem_area", e.report_code),
                    expected=e.text,
                )

    def _compare_area(self, ctx: _Ctx, e: ExpectedArea, a: _Actual, index: _Index) -> None:
        self._code_system(ctx, "FV205", e.code, e.code_system, a)
        if not _same(a.description, e.description):
            ctx.add(
                "FV206",
                a.at("code_description"),
                field_=e.code,
                expected=e.description,
                actual=a.description,
            )
        text = _norm(a.text).casefold()
        words: set[str] | None = None  # of the text, read when a note is not there word for word
        for entry, needles in zip(e.entries, index.needles[e.code], strict=True):
            if not any(n in text for n in needles):
                ctx.add(
                    "FV203",
                    a.at("problem_area_text"),
                    field_=e.code,
                    expected=entry.line(),
                    actual=a.text,
                )
            elif entry.note and not entry.is_area_note and _norm(entry.note).casefold() not in text:
                # The state is there; its note is not, word for word.
                note_words = _words(entry.note)
                if words is None:
                    words = _words(a.text or "")
                kept = len(note_words & words) / len(note_words) if note_words else 0.0
                ctx.add(
                    "FV209" if kept >= 0.5 else "FV208",
                    a.at("problem_area_text"),
                    field_=e.code,
                    expected=entry.line(),
                    actual=a.text,
                    detail=entry.display,
                )
        self._children_in_order(ctx, a.el, "problem_area")


_NO_ELEMENT = Element("", "", "", frozenset(), "assumed", (), None, "assumed", None)


def _by_field(
    actual: list[_Actual], ids: dict[str, str]
) -> tuple[dict[str, list[_Actual]], list[_Actual]]:
    """The file's elements by the field id their code names, and those whose code names none."""
    by_code: dict[str, list[_Actual]] = {}
    unknown: list[_Actual] = []
    for a in actual:
        fid = ids.get(a.code)
        if fid is not None:
            by_code.setdefault(fid, []).append(a)
        else:
            unknown.append(a)
    return by_code, unknown


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
