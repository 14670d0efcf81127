"""Rendering the report data as one self-contained HTML page.

Everything is inline (CSS, a few lines of JavaScript for filtering samples,
SVG charts): the file opens offline, can be mailed or attached to CI runs.
Every piece of corpus text goes through ``html.escape``: scraped pages are
full of ``<script>`` and the report must never run them.

The page is meant to be read top to bottom in a few screens: totals; the
languages found and the share of foreign text per document; what to clean,
site by site; the recurring fragments with the rule each gets; then one
section per context and kind with compact samples (one line of context each,
the fragment highlighted, look-alike letters named, whole documents shown by
their opening and size).
"""

from __future__ import annotations

import json
import os
from html import escape

from .svg import bar_chart, histogram

# The font stack names the Noto/Droid families CI installs so that CJK, Indic, Arabic and Hebrew
# samples are drawn, not shown as empty boxes; fontconfig falls back per character beyond them.
_FONTS = ('system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","DejaVu Sans","Noto Sans CJK SC",'
          '"Droid Sans Fallback","Noto Sans Devanagari","Noto Sans Arabic","Noto Sans Hebrew",sans-serif')
_CSS = """
:root{--fg:#1d2330;--muted:#5d6677;--line:#e3e6ec;--bg:#f6f7f9;--accent:#3b6fd8;--mark:#ffe08a}
*{box-sizing:border-box}body{margin:0;font:14px/1.45 FONTS;color:var(--fg);background:var(--bg)}
header{background:#1d2330;color:#fff;padding:12px 28px;display:flex;gap:18px;align-items:baseline;flex-wrap:wrap}
header h1{margin:0;font-size:20px}header p{margin:0;color:#b9c2d3}
main{max-width:1240px;margin:0 auto;padding:14px 28px 24px}
section{background:#fff;border:1px solid var(--line);border-radius:8px;padding:12px 16px;margin:0 0 12px}
h2{font-size:15px;margin:0 0 8px}h2 small,h3 small{font-weight:400;color:var(--muted)}
h3{font-size:14px;margin:10px 0 4px}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(150px,1fr));gap:10px}
.card{background:#fff;border:1px solid var(--line);border-radius:8px;padding:8px 12px}
.card b{display:block;font-size:21px}.card span{color:var(--muted);font-size:11px;text-transform:uppercase;letter-spacing:.04em}
.charts{display:grid;grid-template-columns:minmax(0,1.1fr) minmax(0,1fr);gap:18px}
.chart{max-width:100%;height:auto}.chart .lbl{font-size:12px;fill:#1d2330}.chart .val{font-size:12px;fill:#5d6677}
table{border-collapse:collapse;width:100%;table-layout:fixed}th,td{text-align:left;padding:4px 6px;border-bottom:1px solid var(--line);vertical-align:top}
th{font-size:11px;color:var(--muted);text-transform:uppercase;letter-spacing:.03em;font-weight:600}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}code{font:12px ui-monospace,SFMono-Regular,Menlo,monospace}
.loc{font:12px ui-monospace,SFMono-Regular,Menlo,monospace;color:var(--muted)}
.one{white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.ctx{font-size:13px}.ctx .b,.ctx .a{color:#4a5261}
mark{background:var(--mark);padding:0 2px;border-radius:3px;font-weight:600;color:var(--fg)}
.doc{color:#4a5261;font-style:italic}
.tag{display:inline-block;padding:0 6px;border-radius:9px;background:#e8eefc;color:#23408e;font-size:12px;margin:0 3px 2px 0;white-space:nowrap}
.tag.k{background:#eef5ee;color:#2b6a3b}.tag.x{background:#fdecec;color:#9b2c2c}
.note{font-size:12px;color:var(--muted)}.note b{color:var(--fg);font-weight:600}
.share{display:inline-block;height:8px;background:#c9423f;border-radius:2px;vertical-align:middle;margin-right:5px}
.drop{margin:0 0 8px;font-size:13px}.frag{font-weight:600}.empty{color:var(--muted);margin:4px 0}
nav.sec{font-size:13px;margin:0 0 6px}nav.sec a{color:var(--accent);text-decoration:none;margin-right:12px}
#filter{padding:4px 8px;border:1px solid var(--line);border-radius:6px;width:280px;float:right;margin-top:-4px}
details summary{cursor:pointer;font-weight:600}
footer{color:var(--muted);font-size:12px;text-align:center;padding:6px}
""".replace("FONTS", _FONTS)

_JS = """
document.getElementById('filter').addEventListener('input',function(e){
  var q=e.target.value.toLowerCase();
  document.querySelectorAll('table.samples tbody tr').forEach(function(tr){
    tr.style.display=tr.textContent.toLowerCase().indexOf(q)>=0?'':'none';});
});
"""

CONTEXT_TITLES = {"body": "Body text", "menu": "Menus", "boilerplate": "Boilerplate", "caption": "Captions",
                  "quote": "Quotes", "gloss": "Glosses"}
KIND_TITLES = {"document": "whole documents in another language",
               "script": "fragments in another writing system",
               "latin": "Latin-script fragments in another language",
               "homoglyph": "words spelt with look-alike letters"}


def _e(x) -> str:
    return escape("" if x is None else str(x), quote=True)


def _loc(d: dict) -> str:
    s = f"{d['path']}:{d['line']}:{d['column']}"
    if d.get("record") is not None:
        s += f" record {d['record']}"
    if d.get("field"):
        s += f" [{d['field']}]"
    return s


def _short_loc(d: dict) -> str:
    s = f"{os.path.basename(d['path'])}:{d['line']}"
    if d.get("record") is not None:
        s += f" #{d['record']}"
    return s


def _pct(x: float) -> str:
    if x <= 0:
        return "0%"
    if x < 0.01:
        return "<1%"
    return f"{x * 100:.0f}%"


def _cards(t: dict) -> str:
    cards = [("findings", t["findings"]),
             ("documents with findings", f"{t['documents_with_findings']} / {t['documents']}"),
             ("sites with findings", f"{t.get('sites_with_findings', '–')} / {t.get('sites', t['files'])}"),
             ("recurring fragments", f"{t['recurring_fragments']}"),
             ("rules suggested", t.get("suggested_rules", 0)),
             ("characters scanned", f"{t['characters']:,}"),
             ("read errors", t["errors"])]
    return '<div class="cards">' + "".join(
        f'<div class="card"><b>{_e(v)}</b><span>{_e(k)}</span></div>' for k, v in cards) + "</div>"


def _langs(langs: dict, n: int = 4) -> str:
    items = list(langs.items())
    more = f'<span class="note">+{len(items) - n}</span>' if len(items) > n else ""
    return "".join(f"<span class=tag>{_e(k)} {v}</span>" for k, v in items[:n]) + more


def _sites(rows: list, limit: int = 12) -> str:
    """Whole documents to drop in one line, then the sites with fragments to strip or repair, most first."""
    rows = [r for r in rows if r["findings"]]
    if not rows:
        return '<p class="empty">Nothing to clean.</p>'
    out = []
    whole = [r for r in rows if r["clean"]["drop_documents"]]
    if whole:
        n = sum(r["clean"]["drop_documents"] for r in whole)
        names = ", ".join(f'<b>{_e(r["site"])}</b> ({_e(", ".join(r["clean"]["drop_langs"]))})' for r in whole[:14])
        more = f" and {len(whole) - 14} more" if len(whole) > 14 else ""
        out.append(f'<p class="drop"><span class="tag x">drop {n} whole document(s)</span> in another language on '
                   f'{len(whole)} site(s): {names}{more}</p>')
    parts = [r for r in rows if r["clean"]["strip_fragments"] or r["clean"]["repair_words"]]
    parts.sort(key=lambda r: (-(r["clean"]["strip_fragments"] + r["clean"]["repair_words"]), -r["foreign_share"],
                              r["site"]))
    body = []
    for r in parts[:limit]:
        c = r["clean"]
        drop = f'{c["drop_documents"]}' if c["drop_documents"] else ""
        width = max(2, round(60 * r["foreign_share"])) if r["foreign_share"] > 0 else 0
        bar = f'<span class="share" style="width:{width}px"></span>' if width else ""
        body.append(
            f'<tr><td class="one" title="{_e(r["site"])}"><b>{_e(r["site"])}</b></td>'
            f'<td class="n">{r["documents_with_findings"]} / {r["documents"]}</td>'
            f'<td>{bar}{_pct(r["foreign_share"])}</td>'
            f'<td class="n">{c["strip_fragments"] or ""}</td><td class="n">{c["by_rules"] or ""}</td>'
            f'<td class="n">{c["repair_words"] or ""}</td><td class="n">{drop}</td>'
            f'<td class="one">{_langs(r["langs"])}</td></tr>')
    if body:
        more = (f'<p class="empty">… and {len(parts) - limit} more site(s) with fragments (see '
                '<code>--format json</code>).</p>' if len(parts) > limit else "")
        out.append('<table><colgroup><col style="width:19%"><col style="width:9%"><col style="width:12%">'
                   '<col style="width:9%"><col style="width:10%"><col style="width:8%"><col style="width:8%"><col>'
                   '</colgroup><thead><tr><th>site</th><th class="n">docs hit</th><th>foreign text</th>'
                   '<th class="n">strip</th><th class="n">of which by rules</th><th class="n">repair</th>'
                   '<th class="n">drop docs</th><th>languages</th></tr></thead>'
                   f"<tbody>{''.join(body)}</tbody></table>{more}")
    return "".join(out)


def _recurring(groups: list, limit: int = 10) -> str:
    if not groups:
        return '<p class="empty">No fragment was seen twice or more.</p>'
    body = []
    for g in groups[:limit]:
        if g.get("rule"):
            rule = f'<code class="one" title="{_e(g["rule"])}">{_e(g["rule"])}</code>'
        else:
            rule = f'<span class="note">no rule: {_e(g.get("no_rule") or "")}</span>'
        body.append(
            f'<tr><td class="n">{g["count"]}</td><td class="n">{g["documents"]}</td>'
            f'<td class="one" title="{_e(chr(10).join(g.get("contexts") or [g["text"]]))}">'
            f'<span class="frag">{_e(g["text"])}</span></td>'
            f'<td><span class="tag">{_e(g["lang"])}</span><span class="tag k">{_e(g["kind"])}</span></td>'
            f'<td class="one">{rule}</td></tr>')
    more = (f'<p class="empty">… and {len(groups) - limit} more (see <code>--format json</code>).</p>'
            if len(groups) > limit else "")
    return ('<table><colgroup><col style="width:6%"><col style="width:6%"><col style="width:34%">'
            '<col style="width:14%"><col></colgroup>'
            '<thead><tr><th class="n">count</th><th class="n">docs</th><th>fragment</th><th>lang / kind</th>'
            '<th>suggested rule</th></tr></thead>'
            f"<tbody>{''.join(body)}</tbody></table>{more}"
            '<p class="empty">Review and apply: <code>langscan report PATH --suggest-rules &gt; rules.txt</code>, '
            '<code>langscan clean PATH --rules rules.txt --dry-run</code>, then <code>--in-place</code>.</p>')


def _note(s: dict) -> str:
    kind = s["kind"]
    if kind == "document":
        return f'<span class="note"><b>{_e(s.get("size_label", ""))}</b></span>'
    if kind == "homoglyph" and s.get("odd"):
        odd = "; ".join(f'<b>{_e(o["char"])}</b> {_e(o["code"])} {_e(o["name"])}' for o in s["odd"])
        fixed = f' → <b>{_e(s["repaired"])}</b>' if s.get("repaired") else ""
        return f'<span class="note">{odd}{fixed}</span>'
    if kind == "mojibake" and s.get("repaired") is not None:
        return f'<span class="note">repaired: {_e(s["repaired"])}</span>'
    extra = f' · seen {s["occurrences"]}×' if s.get("occurrences", 1) > 1 else ""
    return f'<span class="note">{_e(s.get("lang_name") or s["lang"])} · {_e(s["script"])}{extra}</span>'


def _sample_rows(samples: list) -> str:
    rows = []
    for s in samples:
        if s["kind"] == "document":
            ctx = f'<span class="doc" dir="auto">{_e(s["text"])}</span>'
        else:
            ctx = (f'<span class="b">{_e(s["before"])}</span><mark><bdi>{_e(s["text"])}</bdi></mark>'
                   f'<span class="a">{_e(s["after"])}</span>')
        title = f'{s["before"]}{s["text"]}{s["after"]}' if s["kind"] != "document" else s["text"]
        rows.append(
            f'<tr><td class="one"><span class="tag">{_e(s["lang"])}</span>'
            f'<span class="loc" title="{_e(_loc(s))}">{_e(_short_loc(s))}</span></td>'
            f'<td class="ctx one" title="{_e(title)}">{ctx}</td><td class="one">{_note(s)}</td></tr>')
    return "".join(rows)


def _section_id(sec: dict) -> str:
    return f'{sec["context"]}-{sec["kind"]}'.replace(" ", "_")


def _sections(sections: list) -> str:
    if not sections:
        return '<section id="samples"><h2>Findings</h2><p class="empty">No findings.</p></section>'
    nav = " ".join(
        f'<a href="#{_e(_section_id(s))}">{_e(CONTEXT_TITLES.get(s["context"], s["context"].title()))} · '
        f'{_e(s["kind"])} ({s["count"]})</a>' for s in sections)
    out = [f'<section id="samples"><input id="filter" type="search" placeholder="Filter samples…">'
           f'<h2>Findings by context and kind <small>(samples: one line of context each; hover for more)</small></h2>'
           f'<nav class="sec">{nav}</nav>']
    for s in sections:
        ctx = CONTEXT_TITLES.get(s["context"], s["context"].title())
        kind = KIND_TITLES.get(s["kind"], s["kind"])
        langs = ", ".join(f"{k} {v}" for k, v in list(s["langs"].items())[:8])
        more = f" +{len(s['langs']) - 8} more" if len(s["langs"]) > 8 else ""
        shown = len(s["samples"])
        out.append(
            f'<h3 id="{_e(_section_id(s))}">{_e(ctx)}: {_e(kind)} <small>{s["count"]} finding(s) · '
            f'{_e(langs)}{_e(more)} · {shown} shown</small></h3>'
            '<table class="samples"><colgroup><col style="width:17%"><col><col style="width:24%"></colgroup>'
            f'<tbody>{_sample_rows(s["samples"])}</tbody></table>')
    out.append("</section>")
    return "".join(out)


def _settings(settings: dict, data: dict) -> str:
    rows = "".join(f"<tr><th>{_e(k)}</th><td><code>{_e(json.dumps(v, ensure_ascii=False))}</code></td></tr>"
                   for k, v in settings.items())
    errs = ""
    if data["errors"]:
        errs = ("<h3>Read errors</h3><ul>" + "".join(f"<li class=loc>{_e(e)}</li>" for e in data["errors"][:50])
                + "</ul>")
    return f'<table><colgroup><col style="width:18%"><col></colgroup>{rows}</table>{errs}'


def _lang_label(d: dict, expect) -> str:
    label = f'{d["lang"]} ({d["lang_name"]})' if d["lang_name"] and d["lang_name"] != d["lang"] else d["lang"]
    kinds = set(d.get("kinds", {}))
    if d["lang"] in expect and kinds and kinds <= {"homoglyph", "mojibake"}:
        # expected-language words spelt with look-alike characters, or mis-decoded text
        label = f'{d["lang"]}: ' + " and ".join(
            x for k, x in (("homoglyph", "look-alike letters"), ("mojibake", "mis-decoded text")) if k in kinds)
    return label


def render_html(data: dict) -> str:
    """The whole page for the data made by ``collect``."""
    t = dict(data["totals"])
    sites = data.get("sites", [])
    t["sites_with_findings"] = sum(1 for s in sites if s["findings"])
    expect_list = data["settings"]["expect"]
    langs = [(_lang_label(d, expect_list), d["count"]) for d in data["by_lang"]]
    if len(langs) > 12:
        langs = langs[:11] + [(f"{len(langs) - 11} other languages", sum(v for _l, v in langs[11:]))]
    kinds = [(d["kind"], d["count"]) for d in data["by_kind"]]
    share = data.get("foreign_share", {"bins": []})
    hist = histogram([(b["label"], b["documents"]) for b in share["bins"]], "Share of foreign text per document",
                     axis_label="share of each document's letters in foreign findings")
    expect = ", ".join(expect_list)
    errors = f" · {t['errors']} read error(s)" if t["errors"] else ""
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="langscan {_e(data['version'])}">
<title>langscan report: {t['findings']} finding(s) in {t['documents']} document(s)</title>
<style>{_CSS}</style></head>
<body>
<header><h1>langscan report</h1><p>Expected language: <b>{_e(expect)}</b> · {t['documents']} document(s) in {t['files']} file(s){errors} · {_e(data['generated'])} · langscan {_e(data['version'])}</p></header>
<main>
<section id="totals">{_cards(t)}</section>
<section id="charts"><div class="charts">
<div><h2>Findings by language</h2>{bar_chart(langs, "Findings by language", bar=18, max_items=12)}</div>
<div><h2>Findings by kind</h2>{bar_chart(kinds, "Findings by kind", bar=16)}
<h2>Share of foreign text per document</h2>{hist}</div>
</div></section>
<section id="sites"><h2>What to clean, by site <small>(site = first folder, or file name without its page number)</small></h2>{_sites(sites)}</section>
<section id="recurring"><h2>Recurring fragments <small>(the same on many pages: one reviewed rule removes them everywhere)</small></h2>{_recurring(data['recurring'])}</section>
{_sections(data.get('sections', []))}
<section id="settings"><details><summary>Settings{' and read errors' if data['errors'] else ''}</summary>{_settings(data['settings'], data)}</details></section>
</main>
<footer>Made by langscan. Self-contained: no network needed to view this file. <code>--format json</code> holds the same data.</footer>
<script>{_JS}</script>
</body></html>
"""
