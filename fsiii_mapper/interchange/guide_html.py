"""The mapping guide as one self-contained HTML file (inline CSS, no scripts, no external files)."""

from __future__ import annotations

from html import escape

from fsiii_mapper.interchange import guide as words
from fsiii_mapper.interchange.guide import Guide, GuideField, Source
from fsiii_mapper.texts import default_lang, t

CSS = """
body{font-family:"Segoe UI",Calibri,"DejaVu Sans",Arial,sans-serif;margin:2rem auto;
max-width:60rem;padding:0 1rem;color:#1b1b1b;line-height:1.45}
h1{font-size:1.6rem;margin-bottom:.2rem}h2{font-size:1.25rem;margin-top:2rem;
border-bottom:2px solid #2b4c7e;padding-bottom:.2rem}
table{border-collapse:collapse;width:100%;margin:.6rem 0}
th,td{border:1px solid #c5cbd3;padding:.35rem .5rem;text-align:left;vertical-align:top}
th{background:#dde4ee}tr.lost td{background:#fdecea}
.code{font-family:"DejaVu Sans Mono",Consolas,monospace;white-space:nowrap}
.muted{color:#5a6470;font-size:.9rem}.flag{color:#a4161a;font-weight:bold;font-size:.85rem}
ul.src{margin:0;padding-left:1.1rem}.rel{color:#5a6470;font-size:.85rem}
@media print{body{margin:0;max-width:none}h2{page-break-after:avoid}tr{page-break-inside:avoid}}
"""


LOST_CLASS = ' class="lost"'


def _sources(items: list[Source], lang: str) -> str:
    if not items:
        return f'<span class="muted">{escape(words.nothing(lang))}</span>'
    lis = []
    for s in items:
        rel = (
            ""
            if s.relationship == "equivalent"
            else f' <span class="rel">({escape(words.relationship_word(s.relationship, lang))})'
            "</span>"
        )
        lis.append(f'<li><span class="code">{escape(s.key)}</span> {escape(s.display)}{rel}</li>')
    return f'<ul class="src">{"".join(lis)}</ul>'


def _field_rows(fields: list[GuideField], lang: str) -> str:
    out = []
    for f in fields:
        flag = f'<br><span class="flag">{escape(words.lost_flag(lang))}</span>' if f.lost else ""
        cls = LOST_CLASS if f.lost else ""
        out.append(
            f'<tr{cls}><td><span class="code">{escape(f.code)}'
            f"</span> {escape(f.label)}{flag}</td><td>{_sources(f.fills['original'], lang)}</td>"
            f"<td>{_sources(f.fills['simplified'], lang)}</td></tr>"
        )
    return "".join(out)


def _head_cells(columns: tuple[str, ...], lang: str) -> str:
    return "".join(f"<th>{escape(t(c, lang))}</th>" for c in columns)


def _field_table(fields: list[GuideField], lang: str) -> str:
    return (
        f"<table><thead><tr>{_head_cells(words.FIELD_COLUMNS, lang)}</tr></thead>"
        f"<tbody>{_field_rows(fields, lang)}</tbody></table>"
    )


def render_guide_html(guide: Guide, lang: str | None = None) -> str:
    lang = lang or default_lang()
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{lang}"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(words.title(lang))}</title><style>{CSS}</style></head><body>",
        f"<h1>{escape(words.title(lang))}</h1>",
        f'<p class="muted">{escape(words.generated(guide, lang))}</p>',
        f"<p>{escape(words.intro(lang))}</p>",
        f"<h2>{escape(t('Tables', lang))}</h2>",
        f"<table><thead><tr>{_head_cells(words.TABLE_COLUMNS, lang)}</tr></thead><tbody>",
    ]
    for line in guide.tables:
        valid = (
            f"{line.valid_from} – {line.valid_to}"
            if line.valid_to
            else (f"{line.valid_from} –" if line.valid_from else "")
        )
        parts.append(
            f"<tr><td>{escape(words.slot_name(line.slot, lang))}<br><span class='muted'>"
            f"{escape(line.title)}</span></td><td class='code'>{escape(line.id)}</td>"
            f"<td>{escape(line.version)}</td><td>{escape(line.status)}</td>"
            f"<td>{escape(line.catalog)} ({escape(line.catalog_version)})</td>"
            f"<td>{escape(valid)}</td></tr>"
        )
    parts.append("</tbody></table>")
    parts.append(f"<h2>{escape(words.empty_fields_head(lang))}</h2>")
    if guide.lost:
        parts.append(f"<p>{escape(words.empty_fields_lead(lang))}</p><ul>")
        for f in guide.lost:
            was = ", ".join(f"{s.key} {s.display}" for s in f.fills["original"])
            parts.append(
                f'<li><span class="code">{escape(f.code)}</span> '
                f'<b>{escape(f.label)}</b> <span class="muted">← {escape(was)}</span>'
                "</li>"
            )
        parts.append("</ul>")
    else:
        parts.append(f"<p>{escape(words.no_empty_fields(lang))}</p>")
    fi = [f for f in guide.fields if f.kind == "function_item"]
    pa = [f for f in guide.fields if f.kind != "function_item"]
    parts += [
        f"<h2>{escape(words.function_fields_head(lang))}</h2>",
        f"<p>{escape(words.function_fields_lead(lang))}</p>",
        _field_table(fi, lang),
        f"<h2>{escape(words.area_fields_head(lang))}</h2>",
        f"<p>{escape(words.area_fields_lead(lang))}</p>",
        _field_table(pa, lang),
    ]
    parts += [
        f"<h2>{escape(words.crosswalk_head(lang))}</h2>",
        f"<p>{escape(words.crosswalk_lead(lang))}</p>",
        f"<table><thead><tr>{_head_cells(words.CROSSWALK_COLUMNS, lang)}</tr></thead><tbody>",
    ]
    for c in guide.crosswalk:
        lost = bool(c.old_fills) and not any(s[2] for s in c.successors)
        news = (
            "<br>".join(
                f'<span class="code">{escape(k)}</span> {escape(d)}'
                + (
                    f' <span class="muted">{escape(words.retained(lang))}</span>'
                    if c.retained and k == c.old_key
                    else ""
                )
                for k, d, _ in c.successors
            )
            or f'<span class="muted">{escape(words.no_successor(c, lang))}</span>'
        )
        new_fills = ", ".join(dict.fromkeys(x for s in c.successors for x in s[2]))
        cls = LOST_CLASS if lost else ""
        parts.append(
            f'<tr{cls}><td><span class="code">'
            f"{escape(c.old_key)}</span> {escape(c.old_display)}</td>"
            f"<td class='code'>{escape(', '.join(c.old_fills))}</td><td>{news}</td>"
            f"<td class='code'>{escape(new_fills)}</td></tr>"
        )
    parts.append("</tbody></table>")
    parts.append(f'<p class="muted">{escape(words.footer(guide, lang))}</p>')
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"
