"""The mapping guide as PDF (fpdf2, pure Python).

Danish letters need a Unicode TrueType font: ``$FSIII_PDF_FONT`` (a .ttf; a path that is not a
usable TrueType font is an error, never a silent fallback), else DejaVu Sans found on the system
(common font folders, then ``fc-list``). Codes (FA510, J1.1, Problemer_med_smerter) are set in a
monospace font, DejaVu Sans Mono when found beside it, so a code and its name never run together.
Without a Unicode font the PDF falls back to the built-in Helvetica, which has æ, ø and å
(Latin-1) but not arrows or dashes: those are replaced by ASCII (→ becomes ->), anything else
outside Latin-1 by "?"; codes then share the text font.

Accessibility: the document has a title (shown as the window title), language ``da`` (or the
chosen one), and its headings are tagged structure elements with bookmarks (fpdf2's sections).
fpdf2 2.8 cannot tag paragraphs and tables, so the PDF is not fully tagged (not PDF/UA); the HTML
guide is the accessible version.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

from fpdf import FPDF, ViewerPreferences
from fpdf.fonts import FontFace, TextStyle

from fsiii_mapper.errors import InputError
from fsiii_mapper.interchange import guide as words
from fsiii_mapper.interchange.guide import Guide, GuideField, Source
from fsiii_mapper.texts import default_lang, t

FONT_DIRS = (
    Path("/usr/share/fonts"),
    Path("/usr/local/share/fonts"),
    Path.home() / ".fonts",
    Path.home() / ".local/share/fonts",
    Path("/Library/Fonts"),
    Path("C:/Windows/Fonts"),
)
CELLS = "GuideCells"  # table cells: regular text, **code** in the monospace font
_MARKERS = re.compile(r"(\*\*|__|~~|--)")
_ASCII = {"→": "->", "←": "<-", "–": "-", "—": "-", "…": "...", "“": '"', "”": '"', "’": "'"}


def find_unicode_font() -> tuple[Path, Path | None] | None:
    """(regular, bold or None) TrueType font files for Danish text, or None."""
    env = os.environ.get("FSIII_PDF_FONT")
    if env:
        return Path(env), None
    for folder in FONT_DIRS:
        try:
            hits = sorted(folder.rglob("DejaVuSans.ttf")) if folder.is_dir() else []
        except OSError:
            hits = []
        if hits:
            bold = hits[0].with_name("DejaVuSans-Bold.ttf")
            return hits[0], bold if bold.is_file() else None
    if shutil.which("fc-list"):
        try:
            out = subprocess.run(
                ["fc-list", ":lang=da:fontformat=TrueType", "file"],
                capture_output=True,
                text=True,
                timeout=10,
            ).stdout
        except (OSError, subprocess.SubprocessError):
            out = ""
        files = sorted(
            line.split(":")[0].strip()
            for line in out.splitlines()
            if line.strip().lower().endswith(".ttf:") or line.strip().lower().endswith(".ttf")
        )
        if files:
            return Path(files[0]), None
    return None


class _GuidePdf(FPDF):
    def __init__(self, footer_text: str) -> None:
        super().__init__(orientation="P", unit="mm", format="A4")
        self.footer_text = footer_text
        self.family = "Helvetica"
        self.unicode = False

    def use_fonts(self, fonts: tuple[Path, Path | None] | None, lang: str | None) -> None:
        """Register the text fonts, and the cell family whose bold is the monospace code font
        (cells are written as fpdf2 markdown with ``**code**``)."""
        if fonts is None:
            return
        regular, bold = fonts
        mono = regular.with_name("DejaVuSansMono.ttf")
        try:
            self.add_font("GuideSans", "", str(regular))
            self.add_font("GuideSans", "B", str(bold or regular))
            code_font = str(mono if mono.is_file() else regular)
            for style in ("", "I"):
                self.add_font(CELLS, style, str(regular))
                self.add_font(CELLS, style.replace("I", "BI") or "B", code_font)
        except Exception as exc:  # fpdf2/fontTools raise many kinds for a file that is no font
            raise InputError(
                t(
                    "not a usable TrueType font: {problem}",
                    lang,
                    problem=str(exc) or type(exc).__name__,
                ),
                regular,
                hint=t(
                    "set FSIII_PDF_FONT to a .ttf file (e.g. DejaVuSans.ttf), or unset it", lang
                ),
            ) from None
        self.family, self.unicode = "GuideSans", True

    def clean(self, text: str) -> str:
        if self.unicode:
            return text
        for k, v in _ASCII.items():
            text = text.replace(k, v)
        return text.encode("latin-1", "replace").decode("latin-1")

    def cell_text(self, text: str) -> str:
        """Plain text for a markdown cell: its own markers are escaped."""
        text = self.clean(text)
        return _MARKERS.sub(r"\\\1", text) if self.unicode else text

    def code(self, code: str, rest: str = "") -> str:
        """A cell line: the code in the monospace font, then the (plain) rest."""
        if not self.unicode:
            return self.clean(f"{code} {rest}".rstrip())
        return f"**{self.cell_text(code)}**" + (f" {self.cell_text(rest)}" if rest else "")

    def footer(self) -> None:
        self.set_y(-12)
        self.set_font(self.family, "", 7)
        self.set_text_color(90, 100, 112)
        self.cell(
            0,
            5,
            self.clean(
                f"{self.footer_text}  ·  {self.page_no()}/{{nb}}"
                if self.unicode
                else f"{self.footer_text}  -  {self.page_no()}/{{nb}}"
            ),
            align="C",
        )
        self.set_text_color(0, 0, 0)


def _sources(pdf: _GuidePdf, items: list[Source], lang: str) -> str:
    if not items:
        return pdf.cell_text(words.nothing(lang))
    out = []
    for s in items:
        rel = (
            ""
            if s.relationship == "equivalent"
            else f" ({words.relationship_word(s.relationship, lang)})"
        )
        out.append(pdf.code(s.key, f"{s.display}{rel}"))
    return "\n".join(out)


def _heading(pdf: _GuidePdf, text: str) -> None:
    """A section heading: a tagged structure element and a bookmark (fpdf2's sections)."""
    pdf.set_section_title_styles(
        TextStyle(
            font_family=pdf.family,
            font_style="B",
            font_size_pt=13,
            color=(43, 76, 126),
            t_margin=4,
            b_margin=1,
        )
    )
    pdf.start_section(pdf.clean(text))
    pdf.set_text_color(0, 0, 0)
    pdf.set_font(pdf.family, "", 9)


def _para(pdf: _GuidePdf, text: str, size: float = 9) -> None:
    pdf.set_font(pdf.family, "", size)
    pdf.multi_cell(0, 4.6, pdf.clean(text), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(1)


def _table(
    pdf: _GuidePdf,
    header: list[str],
    rows: list[list[str]],
    widths: tuple[int, ...],
    shaded: set[int] | None = None,
) -> None:
    """Cells are fpdf2 markdown (``rows`` built with ``pdf.code``/``pdf.cell_text``)."""
    pdf.set_font(CELLS if pdf.unicode else pdf.family, "", 8.5)
    head_style = FontFace(family=pdf.family, emphasis="BOLD", fill_color=(221, 228, 238))
    with pdf.table(
        col_widths=widths,
        text_align="LEFT",
        headings_style=head_style,
        line_height=4.4,
        padding=1.2,
        first_row_as_headings=True,
        markdown=pdf.unicode,
    ) as table:
        r = table.row()
        for h in header:
            r.cell(pdf.cell_text(h))
        for i, values in enumerate(rows):
            style = FontFace(fill_color=(253, 236, 234)) if shaded and i in shaded else None
            r = table.row(style=style)
            for v in values:
                r.cell(v)


def _fields(pdf: _GuidePdf, fields: list[GuideField], lang: str) -> None:
    rows, shaded = [], set()
    for i, f in enumerate(fields):
        label = pdf.code(f.code, f.label) + (
            f"\n{pdf.cell_text(words.lost_flag(lang))}" if f.lost else ""
        )
        rows.append(
            [
                label,
                _sources(pdf, f.fills["original"], lang),
                _sources(pdf, f.fills["simplified"], lang),
            ]
        )
        if f.lost:
            shaded.add(i)
    _table(
        pdf,
        [t(c, lang) for c in words.FIELD_COLUMNS],
        rows,
        (34, 33, 33),
        shaded,
    )


def render_guide_pdf(guide: Guide, lang: str | None = None) -> bytes:
    lang = lang or default_lang()
    pdf = _GuidePdf(words.generated(guide, lang))
    pdf.use_fonts(find_unicode_font(), lang)
    pdf.set_title(pdf.clean(words.title(lang)))
    pdf.set_creator(f"fsiii-mapper {guide.tool}")
    pdf.set_lang(lang)
    pdf.set_display_mode("fullwidth")
    pdf.viewer_preferences = ViewerPreferences(display_doc_title=True)
    pdf.set_auto_page_break(auto=True, margin=16)
    pdf.add_page()
    pdf.set_font(pdf.family, "B", 16)
    pdf.multi_cell(0, 8, pdf.clean(words.title(lang)), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(pdf.family, "", 8)
    pdf.set_text_color(90, 100, 112)
    pdf.multi_cell(
        0,
        4.5,
        pdf.clean(words.generated(guide, lang)),
        new_x="LMARGIN",
        new_y="NEXT",
    )
    pdf.set_text_color(0, 0, 0)
    pdf.ln(2)
    _para(pdf, words.intro(lang), 10)

    _heading(pdf, t("Tables", lang))
    rows = []
    for line in guide.tables:
        valid = (
            f"{line.valid_from} – {line.valid_to}"
            if line.valid_to
            else (f"{line.valid_from} –" if line.valid_from else "")
        )
        rows.append(
            [
                pdf.cell_text(f"{words.slot_name(line.slot, lang)}\n{line.title}"),
                pdf.code(line.id),
                pdf.cell_text(line.version),
                pdf.cell_text(line.status),
                pdf.code(line.catalog, f"({line.catalog_version})"),
                pdf.cell_text(valid),
            ]
        )
    _table(
        pdf,
        [t(c, lang) for c in words.TABLE_COLUMNS],
        rows,
        (34, 13, 9, 12, 16, 16),
    )

    _heading(pdf, words.empty_fields_head(lang))
    if guide.lost:
        _para(pdf, words.empty_fields_lead(lang))
        for f in guide.lost:
            was = ", ".join(f"{s.key} {s.display}" for s in f.fills["original"])
            _para(
                pdf,
                f"•  {f.code} {f.label}  ← {was}"
                if pdf.unicode
                else f"-  {f.code} {f.label}  <- {was}",
            )
    else:
        _para(pdf, words.no_empty_fields(lang))

    _heading(pdf, words.function_fields_head(lang))
    _para(pdf, words.function_fields_lead(lang))
    _fields(pdf, [f for f in guide.fields if f.kind == "function_item"], lang)
    _heading(pdf, words.area_fields_head(lang))
    _para(pdf, words.area_fields_lead(lang))
    _fields(pdf, [f for f in guide.fields if f.kind != "function_item"], lang)

    _heading(pdf, words.crosswalk_head(lang))
    _para(pdf, words.crosswalk_lead(lang))
    rows, shaded = [], set()
    for i, c in enumerate(guide.crosswalk):
        news = "\n".join(
            pdf.code(k, d + (f" {words.retained(lang)}" if c.retained and k == c.old_key else ""))
            for k, d, _ in c.successors
        ) or pdf.cell_text(words.no_successor(c, lang))
        new_fills = ", ".join(
            pdf.code(x) for x in dict.fromkeys(x for s in c.successors for x in s[2])
        )
        rows.append(
            [
                pdf.code(c.old_key, c.old_display),
                ", ".join(pdf.code(x) for x in c.old_fills),
                news,
                new_fills,
            ]
        )
        if c.old_fills and not any(s[2] for s in c.successors):
            shaded.add(i)
    _table(
        pdf,
        [t(c, lang) for c in words.CROSSWALK_COLUMNS],
        rows,
        (36, 14, 36, 14),
        shaded,
    )
    pdf.ln(3)
    _para(pdf, words.footer(guide, lang), 8)
    return bytes(pdf.output())
