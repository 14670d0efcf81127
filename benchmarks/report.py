"""The markdown report (docs/benchmarks.md) and the accuracy-vs-speed plot (docs/benchmarks.png)."""
from __future__ import annotations

import math

KIND_TARGETS = {"script": ("F1", 0.97), "latin": ("F1", 0.90), "homoglyph": ("recall", 0.98), "document": ("recall", 1.0),
                "mojibake": ("recall", 0.95)}


def _f(x, nd=3):
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "–"
    return f"{x:.{nd}f}"


def _mb(x):
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "–"
    return f"{x:.2f}" if x < 10 else f"{x:.1f}"


def _label(tool, info):
    t = info["tools"][tool]
    return f"{tool} (subset: {t['docs']} docs)" if tool == "lingua" else tool


def headline(res: dict, info: dict) -> list[str]:
    rows = ["| tool | docs | P | R | F1 | char F1 | lang acc | script F1 | latin F1 | homoglyph R | document R "
            "| false / 100k words | clean MB/s | corpus MB/s | peak RSS MB | load s |",
            "|" + "---|" * 16]
    for tool, r in res.items():
        t = info["tools"][tool]
        if r is None:
            rows.append(f"| {tool} | {t.get('error') and t['error'].strip().splitlines()[-1][:80] or 'no documents'} |"
                        + " |" * 14)
            continue
        o, k = r["overall"], r["kinds"]
        rows.append(
            f"| {_label(tool, info)} | {r['docs']} | {_f(o.precision)} | {_f(o.recall)} | **{_f(o.f1)}** | "
            f"{_f(o.char_f1)} | {_f(o.lang_acc)} | {_f(k['script'].f1)} | {_f(k['latin'].f1)} | "
            f"{_f(k['homoglyph'].recall)} | {_f(k['document'].recall)} | {_f(r['false']['per100k'], 1)} "
            f"({r['false']['wrong']}) | {_mb(r['mbps_clean'])} | {_mb(r['mbps_all'])} | "
            f"{_f(t.get('peak_rss_mb'), 0)} | {_f(t.get('load_seconds'), 2)} |")
    return rows


def group_table(res: dict, info: dict, what: str, names) -> list[str]:
    rows = [f"| {what} | gold | " + " | ".join(f"{t} P / R / F1" for t in res) + " |",
            "|---|---|" + "---|" * len(res)]
    for name in names:
        gold = next((r[what + "s"][name].gold for r in res.values() if r), 0)
        if not gold:
            continue
        cells = []
        for r in res.values():
            sc = r[what + "s"][name] if r else None
            cells.append("–" if sc is None or not sc.gold else
                         f"{_f(sc.precision, 2)} / {_f(sc.recall, 2)} / **{_f(sc.f1, 2)}**")
        rows.append(f"| {name} | {gold} | " + " | ".join(cells) + " |")
    return rows


def detail_table(res: dict, kinds) -> list[str]:
    rows = ["| tool | kind | gold | found | right | wrong | P | R | F1 | char F1 | lang acc |",
            "|" + "---|" * 11]
    for tool, r in res.items():
        if not r:
            continue
        for k in kinds:
            sc = r["kinds"][k]
            if sc.gold:
                rows.append(f"| {tool} | {k} | {sc.gold} | {sc.found} | {sc.right} | {sc.wrong} | {_f(sc.precision)} "
                            f"| {_f(sc.recall)} | {_f(sc.f1)} | {_f(sc.char_f1)} | {_f(sc.lang_acc)} |")
    return rows


def targets(res: dict, info: dict) -> list[str]:
    ls = res.get("langscan")
    rows = ["| target | measured (langscan) | met |", "|---|---|---|"]
    if not ls:
        return rows + ["| all | langscan did not run | no |"]
    for kind, (metric, goal) in KIND_TARGETS.items():
        sc = ls["kinds"][kind]
        val = sc.f1 if metric == "F1" else sc.recall
        extra = ""
        if kind == "homoglyph":
            hf = ls["clean_homoglyph_false"]
            extra = f"; homoglyph false findings in clean docs: {hf}"
            ok = val == val and val >= goal and hf == 0
        elif kind == "mojibake":
            mf = ls.get("clean_mojibake_false", 0)
            extra = f"; mojibake false findings in clean docs: {mf}"
            ok = val == val and val >= goal and mf == 0
        else:
            ok = val == val and val >= goal
        rows.append(f"| {kind}: {metric} ≥ {goal:g}{' and no false homoglyph findings' if kind == 'homoglyph' else ''} "
                    f"| {_f(val)} ({sc.found}/{sc.gold} found){extra} | {'yes' if ok else '**no**'} |")
    fp = ls["false"]["per100k"]
    rows.append(f"| ≤ 1 false finding per 100k words of clean English | {_f(fp, 2)} ({ls['false']['wrong']} in "
                f"{ls['false']['words']} words) | {'yes' if fp == fp and fp <= 1 else '**no**'} |")
    cld2 = res.get("cld2")
    if cld2:
        ok = ls["mbps_clean"] >= 1.5 * cld2["mbps_clean"]
        rows.append(f"| clean-English throughput ≥ 1.5x CLD2's with its offsets converted (single process; the "
                    f"dedicated benchmark is [speed.md](speed.md)) | {_mb(ls['mbps_clean'])} MB/s vs CLD2 "
                    f"{_mb(cld2['mbps_clean'])} MB/s | {'yes' if ok else '**no**'} |")
    return rows + [""] + limits(ls, cld2)


def limits(ls: dict, cld2: dict | None) -> list[str]:
    """Closing notes for the unmet targets, from the measured errors (what limits each figure)."""
    notes = []
    for kind, (metric, goal) in KIND_TARGETS.items():
        sc = ls["kinds"][kind]
        val = sc.f1 if metric == "F1" else sc.recall
        if val == val and val < goal:
            top = [f"{k.split(':')[1]} {n}" for k, n in ls["misses"].most_common() if k.startswith(kind + ":")][:8]
            notes.append(f"- {kind} {metric} {_f(val)} < {goal:g}: {sc.gold - sc.found} missed, "
                         f"{sc.wrong} wrong findings; missed by language: {', '.join(top) or '–'}.")
    fp = ls["false"]["per100k"]
    if fp == fp and fp > 1:
        ex = "; ".join(repr(x) for x in ls["false_examples"][:5])
        notes.append(f"- false findings {_f(fp, 2)} per 100k words > 1; for example: {ex}.")
    if cld2 and ls["mbps_clean"] < 1.5 * cld2["mbps_clean"]:
        notes.append(f"- throughput {_mb(ls['mbps_clean'])} MB/s is {ls['mbps_clean'] / cld2['mbps_clean']:.0%} of "
                     "CLD2's (CLD2 is one C++ call per document; langscan's per-line work runs in Python); "
                     "per corpus kind, first pass and start-up: [speed.md](speed.md), plot [speed.png](speed.png).")
    return (["What limits the unmet targets (measured):", ""] + notes) if notes else []


def render(results: dict, info: dict) -> str:
    m, c = info["machine"], info["corpus"]
    out = ["# Benchmarks", "",
           f"Generated by `{info['command']}` on {info['date']}. Machine: {m['cores']} cores, {m['cpu']}, "
           f"Python {m['python']}, {m['platform']}"
           + (f"; 1-minute load average {m['load']:.1f} when the run started (other work on the machine slows "
              "every tool alike)" if m.get("load") is not None else "") + "." + (" **Quick mode: a small subset, figures are rough.**"
                                                      if info["quick"] else ""), "",
           f"Corpus: `benchmarks/data/corpus.jsonl` (sha256 `{c.get('sha256', '?')[:16]}…`, {c.get('documents', '?')} "
           f"documents, {c.get('clean_documents', '?')} clean; gold by kind {c.get('gold_by_kind', {})}; "
           f"{c.get('languages', '?')} languages), built by `python -m benchmarks.build_corpus` "
           "(see issue 3 and benchmarks/build_corpus.py). This run scored "
           f"{info['documents']} documents.", "",
           "Throughput here is a by-product of the accuracy run (small documents, best of the timing passes); "
           "the speed benchmark proper, per corpus kind with CLD2 beside it, first pass and start-up, is "
           "[speed.md](speed.md):", "", "![throughput beside CLD2](speed.png)", "",
           "Real pages and the per-language probe: [realpages.md](realpages.md), [realpages-fresh.md](realpages-fresh.md) "
           "(a split never tuned on, run once blind), [realpages-fresh-newspaper4k.md](realpages-fresh-newspaper4k.md) "
           "(a second set, labelled and run blind), [realpages-fresh-trafilatura.md](realpages-fresh-trafilatura.md) "
           "(a third, mostly German and French pages, labelled and run blind), [probe.md](probe.md); manual pages in "
           "English and 17 other Latin-script languages, each with its own language expected: [manpages.md](manpages.md).",
           ""]
    for split, res in results.items():
        note = ("tuning split: defaults and thresholds may be tuned on it" if split == "dev"
                else "held-out split: nothing is tuned on it")
        out += [f"## {split} split ({note})", "", "### Headline", ""] + headline(res, info)
        out += ["", "### Targets", ""] + targets(res, info)
        out += ["", "### Per kind", ""] + detail_table(res, ["script", "latin", "homoglyph", "document", "mojibake"])
        out += ["", "### Per style (P / R / F1)", ""] + group_table(res, info, "style", [
            "own_line", "caption_glued", "credit", "mid_sentence", "appended", "menu", "homoglyph", "lookalike",
            "page_native", "document", "mojibake"])
        ls = res.get("langscan")
        if ls:
            for kind in ("script", "latin"):
                cells = []
                for key, n in sorted(ls["gold_by_lang"].items()):
                    if key.startswith(kind + ":"):
                        cells.append(f"{key.split(':')[1]} {n - ls['misses'].get(key, 0)}/{n}")
                out += ["", f"langscan, {kind} fragments found per language: " + ", ".join(cells) + "."]
            out += ["", f"Hard negatives touched by a langscan finding: {ls['negatives_hit']} of {ls['negatives']}; "
                        f"false findings in clean documents only: {ls['false']['clean_wrong']} in "
                        f"{ls['false']['clean_words']} words ({_f(ls['false']['clean_per100k'], 2)} per 100k)."]
        out.append("")
    cs = info["cold_start"]
    out += ["## Other figures", "",
            f"- Cold start of `langscan scan` on one small file: "
            + (f"{cs['seconds']:.2f} s ({cs['note']})." if cs.get("seconds") is not None else f"n/a: {cs['note']}"),
            "- Peak RSS is the worker process's maximum resident set after the scoring pass (Python, the corpus and "
            "the tool); the corpus "
            "alone accounts for " + _f(next((t['base_rss_mb'] for t in info['tools'].values() if t.get('base_rss_mb')), None), 0)
            + " MB of it.",
            "- Load s: loading the tool and a first call on a short text (not counted in throughput).",
            "- Timing passes (best per document kept): " + ", ".join(
                f"{t} {v.get('timing_passes') or 1}" for t, v in info["tools"].items()) + ".", ""]
    for tool, t in info["tools"].items():
        if t.get("error"):
            out.append(f"- {tool}: {t['error'].strip().splitlines()[-1][:200]}")
        if t.get("doc_errors"):
            out.append(f"- {tool} raised on {len(t['doc_errors'])} documents (scored as no findings), e.g. "
                       + "; ".join(f"`{e}`" for e in t["doc_errors"][:3]))
    out += ["", "## How the figures are made", "",
            "- A gold fragment is *found* when findings cover at least half of its non-space characters; a finding is "
            "*right* when at least half of its non-space characters lie inside gold. Per kind / per style: the gold "
            "of that group and the findings in the documents holding it (a right finding that belongs to another "
            "group's gold is ignored there). The overall columns count every finding in every document, so false "
            "findings in clean documents lower P.",
            "- Language accuracy: found fragments whose most-overlapping finding names the gold language (base ISO "
            "639-1 codes); homoglyph words and page-native items are not scored for language.",
            "- False findings per 100k words: wrong findings over the English words of the host documents (real "
            "article text, page boilerplate, hard negatives; gold blanked out), clean and dirty documents alike.",
            "- Throughput: UTF-8 bytes over the time spent in the tool's scan call, one process, one document at a "
            "time; *clean* = the clean English documents, *corpus* = every scored document. Fast tools are timed in "
            "three passes over the documents, each with a fresh tool instance (langscan's per-detector cache of "
            "line verdicts helps within a pass, as it would over a real corpus, but never across passes), and "
            "each document's best time is kept.",
            "- Anchors, run in the same session: CLD2 (`pycld2.detect(text, returnVectors=True)`, byte offsets "
            "converted to code points, non-English vectors flagged); fastText lid.176 (`models/lid.176.ftz`) per "
            "line, flagging lines whose top label is not `en` with p > 0.5; langdetect per line with the same rule "
            "(`DetectorFactory.seed = 0`); lingua-py `detect_multiple_languages_of` on the whole text with all "
            "languages preloaded, **on an evenly spread subset only** (it is slow), so its row is not strictly "
            "comparable.",
            "- Line-based anchors flag whole lines: a fragment glued into an English caption is *found* but the "
            "finding is *wrong* when most of the line is English.", ""]
    return "\n".join(out)


def plot(results: dict, info: dict, path) -> None:
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    split = "dev" if "dev" in results else next(iter(results))
    res = results[split]
    fig, ax = plt.subplots(figsize=(7, 4.5), dpi=110)
    for tool, r in res.items():
        if not r or not (r["mbps_clean"] == r["mbps_clean"]) or r["mbps_clean"] <= 0:
            continue
        f1 = r["overall"].f1
        ax.scatter([r["mbps_clean"]], [f1], s=70, color="C3" if tool == "langscan" else "C0", zorder=3)
        ax.annotate(_label(tool, info), (r["mbps_clean"], f1), textcoords="offset points", xytext=(6, 5), fontsize=9)
    ax.set_xscale("log")
    ax.set_xlabel("throughput on clean English, MB/s (single process, log scale)")
    ax.set_ylabel(f"fragment F1, all kinds ({split} split)")
    ax.set_ylim(0, 1.05)
    ax.grid(True, which="both", alpha=0.3)
    ax.set_title(f"langscan vs anchors — {info['date']}" + (" (quick)" if info["quick"] else ""), fontsize=10)
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)
