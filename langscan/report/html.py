"""Rendering the report data as one self-contained HTML page.

Everything is inline (CSS, a few lines of JavaScript for filtering samples,
SVG charts): the file opens offline, can be mailed or attached to CI runs.
Every piece of corpus text goes through ``html.escape``: scraped pages are
full of ``<script>`` and the report must never run them.
"""

from __future__ import annotations

import json
from html import escape

from .svg import bar_chart

_CSS = """
:root{--fg:#1d2330;--muted:#5d6677;--line:#e3e6ec;--bg:#f6f7f9;--accent:#3b6fd8;--mark:#ffe08a}
*{box-sizing:border-box}body{margin:0;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;color:var(--fg);background:var(--bg)}
header{background:#1d2330;color:#fff;padding:18px 32px}header h1{margin:0;font-size:22px}header p{margin:4px 0 0;color:#b9c2d3}
main{max-width:1200px;margin:0 auto;padding:20px 32px 40px}
section{background:#fff;border:1px solid var(--line);border-radius:8px;padding:16px 20px;margin:0 0 18px}
h2{font-size:16px;margin:0 0 12px}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(150px,1fr));gap:12px}
.card{background:#fff;border:1px solid var(--line);border-radius:8px;padding:12px 14px}
.card b{display:block;font-size:24px}.card span{color:var(--muted);font-size:12px;text-transform:uppercase;letter-spacing:.04em}
.charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(480px,1fr));gap:18px}
.chart .lbl{font-size:12px;fill:#1d2330}.chart .val{font-size:12px;fill:#5d6677}
table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:6px 8px;border-bottom:1px solid var(--line);vertical-align:top}
th{font-size:12px;color:var(--muted);text-transform:uppercase;letter-spacing:.03em}
td.n{text-align:right;font-variant-numeric:tabular-nums}code,.loc{font:12px ui-monospace,SFMono-Regular,Menlo,monospace}
.loc{color:var(--muted);word-break:break-all}td.where{width:270px}
.ctx{font-size:13px;white-space:pre-wrap;word-break:break-word}.ctx mark{background:var(--mark);padding:0 2px;border-radius:3px;font-weight:600}
.tag{display:inline-block;padding:1px 7px;border-radius:10px;background:#e8eefc;color:#23408e;font-size:12px;margin-right:4px}
.tag.k{background:#eef5ee;color:#2b6a3b}
.frag{font-weight:600}.empty{color:var(--muted)}
#filter{padding:6px 10px;border:1px solid var(--line);border-radius:6px;width:280px;margin-bottom:10px}
footer{color:var(--muted);font-size:12px;text-align:center;padding:10px}
"""

_JS = """
document.getElementById('filter').addEventListener('input',function(e){
  var q=e.target.value.toLowerCase();
  document.querySelectorAll('#samples tbody tr').forEach(function(tr){
    tr.style.display=tr.textContent.toLowerCase().indexOf(q)>=0?'':'none';});
});
"""


def _e(x) -> str:
    return escape("" if x is None else str(x), quote=True)


def _loc(d: dict) -> str:
    s = f"{d['path']}:{d['line']}:{d['column']}"
    if d.get("record") is not None:
        s += f" record {d['record']}"
    if d.get("field"):
        s += f" [{d['field']}]"
    return s


def _cards(t: dict) -> str:
    cards = [("findings", t["findings"]), ("documents with findings", f"{t['documents_with_findings']} / {t['documents']}"),
             ("files with findings", f"{t['files_with_findings']} / {t['files']}"),
             ("recurring fragments", t["recurring_fragments"]), ("characters scanned", f"{t['characters']:,}"),
             ("read errors", t["errors"])]
    return '<div class="cards">' + "".join(
        f'<div class="card"><b>{_e(v)}</b><span>{_e(k)}</span></div>' for k, v in cards) + "</div>"


def _by_file(rows: list, limit: int = 15) -> str:
    if not rows:
        return '<p class="empty">No files read.</p>'
    body = "".join(
        f'<tr><td class="loc">{_e(r["path"])}</td><td class="n">{r["documents"]}</td><td class="n">{r["findings"]}</td>'
        f'<td>{"".join(f"<span class=tag>{_e(k)} {v}</span>" for k, v in list(r["langs"].items())[:6])}</td></tr>'
        for r in rows[:limit])
    more = f'<p class="empty">… and {len(rows) - limit} more file(s) (see --format json).</p>' if len(rows) > limit else ""
    return ('<table><thead><tr><th>file</th><th>documents</th><th>findings</th><th>languages</th></tr></thead>'
            f"<tbody>{body}</tbody></table>{more}")


def _recurring(groups: list) -> str:
    if not groups:
        return '<p class="empty">No fragment was seen twice or more.</p>'
    body = "".join(
        f'<tr><td class="n">{g["count"]}</td><td class="n">{g["documents"]}</td>'
        f'<td><span class="frag">{_e(g["text"])}</span></td>'
        f'<td><span class="tag">{_e(g["lang"])}</span><span class="tag k">{_e(g["kind"])}</span></td>'
        f'<td class="loc">{"<br>".join(_e(_loc(x)) for x in g["examples"][:2])}</td></tr>'
        for g in groups)
    return ('<table><thead><tr><th>count</th><th>docs</th><th>fragment</th><th>lang / kind</th><th>e.g.</th></tr></thead>'
            f"<tbody>{body}</tbody></table>"
            '<p class="empty">Turn these into cleaning rules: <code>langscan report PATH --suggest-rules &gt; rules.txt</code>, '
            'then <code>langscan clean PATH --rules rules.txt</code>.</p>')


def _repair_note(s: dict) -> str:
    """Look-alike words and mojibake: what the repair would write (kept in the finding's detail)."""
    detail = s.get("detail") or ""
    if s.get("kind") not in ("homoglyph", "mojibake") or "repaired: " not in detail:
        return ""
    return f'<div class="loc">repaired: {_e(detail.split("repaired: ", 1)[1])}</div>'


def _samples(samples: list) -> str:
    if not samples:
        return '<p class="empty">No findings.</p>'
    body = "".join(
        f'<tr><td class="where"><span class="tag">{_e(s["lang"])}</span><span class="tag k">{_e(s["kind"])}</span>'
        f'<div class="loc">{_e(_loc(s))}</div></td>'
        f'<td class="ctx">{_e(s["before"])}<mark>{_e(s["text"])}</mark>{_e(s["after"])}'
        f'{_repair_note(s)}</td>'
        f'<td class="n">{s["score"]:.2f}</td></tr>'
        for s in samples)
    return ('<input id="filter" type="search" placeholder="Filter samples (language, file, text)…">'
            '<table id="samples"><thead><tr><th>where</th><th>in context</th><th>score</th></tr></thead>'
            f"<tbody>{body}</tbody></table>")


def _settings(settings: dict, data: dict) -> str:
    rows = "".join(f"<tr><th>{_e(k)}</th><td><code>{_e(json.dumps(v, ensure_ascii=False))}</code></td></tr>"
                   for k, v in settings.items())
    errs = ""
    if data["errors"]:
        errs = "<h2>Read errors</h2><ul>" + "".join(f"<li class=loc>{_e(e)}</li>" for e in data["errors"][:50]) + "</ul>"
    return f"<table>{rows}</table>{errs}"


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
    t = data["totals"]
    langs = [(_lang_label(d, data["settings"]["expect"]), d["count"]) for d in data["by_lang"]]
    kinds = [(d["kind"], d["count"]) for d in data["by_kind"]]
    expect = ", ".join(data["settings"]["expect"])
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="langscan {_e(data['version'])}">
<title>langscan report: {t['findings']} finding(s) in {t['documents']} document(s)</title>
<style>{_CSS}</style></head>
<body>
<header><h1>langscan report</h1><p>Expected language: <b>{_e(expect)}</b> · {_e(data['generated'])} · langscan {_e(data['version'])}</p></header>
<main>
<section id="totals"><h2>Totals</h2>{_cards(t)}</section>
<section id="charts"><div class="charts">
<div><h2>Findings by language</h2>{bar_chart(langs, "Findings by language")}</div>
<div><h2>Findings by kind</h2>{bar_chart(kinds, "Findings by kind")}</div>
</div></section>
<section id="recurring"><h2>Top recurring fragments</h2>{_recurring(data['recurring'])}</section>
<section id="files"><h2>By file</h2>{_by_file(data['by_file'])}</section>
<section id="sample"><h2>Sample of findings in context</h2>{_samples(data['samples'])}</section>
<section id="settings"><h2>Settings</h2>{_settings(data['settings'], data)}</section>
</main>
<footer>Made by langscan. Self-contained: no network needed to view this file.</footer>
<script>{_JS}</script>
</body></html>
"""
