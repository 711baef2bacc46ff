"""The mapping guide as PDF (fpdf2, pure Python).

Danish letters need a Unicode TrueType font: ``$FSIII_PDF_FONT`` (a .ttf), else DejaVu Sans found
on the system (common font folders, then ``fc-list``). Without one the PDF falls back to the
built-in Helvetica, which has æ, ø and å (Latin-1) but not arrows or dashes: those are replaced
by ASCII (→ becomes ->), anything else outside Latin-1 by "?".
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from fpdf import FPDF
from fpdf.fonts import FontFace

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
_ASCII = {"→": "->", "←": "<-", "–": "-", "—": "-", "…": "...", "“": '"', "”": '"', "’": "'"}


def find_unicode_font() -> tuple[Path, Path | None] | None:
    """(regular, bold or None) TrueType font files for Danish text, or None."""
    env = os.environ.get("FSIII_PDF_FONT")
    if env and Path(env).is_file():
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

    def use_fonts(self, fonts: tuple[Path, Path | None] | None) -> None:
        if fonts is None:
            return
        regular, bold = fonts
        self.add_font("GuideSans", "", str(regular))
        self.add_font("GuideSans", "B", str(bold or regular))
        self.family, self.unicode = "GuideSans", True

    def clean(self, text: str) -> str:
        if self.unicode:
            return text
        for k, v in _ASCII.items():
            text = text.replace(k, v)
        return text.encode("latin-1", "replace").decode("latin-1")

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
        return pdf.clean(words.nothing(lang))
    out = []
    for s in items:
        rel = (
            ""
            if s.relationship == "equivalent"
            else f" ({words.relationship_word(s.relationship, lang)})"
        )
        out.append(f"{s.key} {s.display}{rel}")
    return pdf.clean("\n".join(out))


def _heading(pdf: _GuidePdf, text: str) -> None:
    pdf.ln(4)
    pdf.set_font(pdf.family, "B", 13)
    pdf.set_text_color(43, 76, 126)
    pdf.multi_cell(0, 7, pdf.clean(text), new_x="LMARGIN", new_y="NEXT")
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
    pdf.set_font(pdf.family, "", 8.5)
    head_style = FontFace(family=pdf.family, emphasis="BOLD", fill_color=(221, 228, 238))
    with pdf.table(
        col_widths=widths,
        text_align="LEFT",
        headings_style=head_style,
        line_height=4.4,
        padding=1.2,
        first_row_as_headings=True,
    ) as table:
        r = table.row()
        for h in header:
            r.cell(pdf.clean(h))
        for i, values in enumerate(rows):
            style = FontFace(fill_color=(253, 236, 234)) if shaded and i in shaded else None
            r = table.row(style=style)
            for v in values:
                r.cell(pdf.clean(v))


def _fields(pdf: _GuidePdf, fields: list[GuideField], lang: str) -> None:
    rows, shaded = [], set()
    for i, f in enumerate(fields):
        label = f"{f.code} {f.label}" + (f"\n{words.lost_flag(lang)}" if f.lost else "")
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
    pdf.use_fonts(find_unicode_font())
    pdf.set_title(pdf.clean(words.title(lang)))
    pdf.set_creator(f"fsiii-mapper {guide.tool}")
    pdf.set_lang(lang)
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
                f"{words.slot_name(line.slot, lang)}\n{line.title}",
                line.id,
                line.version,
                line.status,
                f"{line.catalog} ({line.catalog_version})",
                valid,
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
    _fields(pdf, [f for f in guide.fields if f.kind == "function_item"], lang)
    _heading(pdf, words.area_fields_head(lang))
    _fields(pdf, [f for f in guide.fields if f.kind != "function_item"], lang)

    _heading(pdf, words.crosswalk_head(lang))
    _para(pdf, words.crosswalk_lead(lang))
    rows, shaded = [], set()
    for i, c in enumerate(guide.crosswalk):
        news = "\n".join(
            f"{k} {d}" + (f" {words.retained(lang)}" if c.retained and k == c.old_key else "")
            for k, d, _ in c.successors
        ) or words.no_successor(lang)
        new_fills = ", ".join(dict.fromkeys(x for s in c.successors for x in s[2]))
        rows.append([f"{c.old_key} {c.old_display}", ", ".join(c.old_fills), news, new_fills])
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
