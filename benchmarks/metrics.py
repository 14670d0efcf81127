"""Scoring findings against gold spans, exactly as issue 3 defines it.

- fragment recall: a gold fragment is found when findings cover at least half of its non-space characters;
- finding precision: a finding is right when at least half of its non-space characters lie inside gold;
- F1 of the two; character-level P/R/F1 over non-space characters; language accuracy of found fragments
  (the language of the finding overlapping it most, base ISO codes, Serbo-Croatian sh = hr = sr = bs; page-native
  items, whose language is only
  inferred from their script, and homoglyph words are left out).
Per kind and per style: the gold of that group, and the findings in the documents that hold such gold; a right
finding that belongs to gold of another group is ignored there (neither right nor wrong).
False findings per 100k words: wrong findings over the English words of the host documents (gold blanked).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .langdata import same_lang


def _nonspace(text, s, e):
    return [i for i in range(s, e) if not text[i].isspace()]


@dataclass
class DocEval:
    """Per-document facts all group metrics are derived from."""
    gold_found: list            # bool per gold span
    gold_lang_ok: list          # True/False/None per gold span (None: not found or not scored)
    findings: list              # (ok: bool, group_key_of_matched_gold or None, gold_index or None)
    char_gold: dict             # gold index -> number of its non-space chars
    char_hit: dict              # gold index -> number of those covered by findings
    char_found_outside: int     # non-space finding chars outside any gold
    char_found_by_gold: dict    # gold index -> finding chars inside that gold (== char_hit)
    words: int                  # English words of the document (gold blanked)
    wrong: int                  # wrong findings
    homoglyph_wrong: int        # wrong findings the tool called homoglyph


def evaluate_doc(doc: dict, findings: list) -> DocEval:
    text, gold = doc["text"], doc["gold"]
    owner = {}                                  # char index -> gold index
    for gi, g in enumerate(gold):
        for i in _nonspace(text, g["start"], g["end"]):
            owner[i] = gi
    covered = set()
    for s, e, _lang, _kind in findings:
        covered.update(_nonspace(text, s, e))
    fres, wrong, hwrong = [], 0, 0
    for s, e, lang, kind in findings:
        chars = _nonspace(text, s, e)
        if not chars:
            continue
        inside = [owner[i] for i in chars if i in owner]
        if len(inside) * 2 >= len(chars):
            gi = max(set(inside), key=inside.count)
            fres.append((True, gi))
        else:
            fres.append((False, None))
            wrong += 1
            hwrong += kind == "homoglyph"
    found, lang_ok, cg, ch = [], [], {}, {}
    for gi, g in enumerate(gold):
        chars = _nonspace(text, g["start"], g["end"])
        hit = sum(i in covered for i in chars)
        cg[gi], ch[gi] = len(chars), hit
        ok = bool(chars) and hit * 2 >= len(chars)
        found.append(ok)
        if not ok or g.get("native") or g["kind"] == "homoglyph":
            lang_ok.append(None)
            continue
        best, best_n = None, 0
        for s, e, lang, _kind in findings:
            n = len(set(range(max(s, g["start"]), min(e, g["end"]))) & set(chars))
            if n > best_n:
                best, best_n = lang, n
        lang_ok.append(best is not None and same_lang(best or "", g["lang"]))
    outside = len(covered - set(owner))
    blanked = list(text)
    for g in gold:
        blanked[g["start"]:g["end"]] = " " * (g["end"] - g["start"])
    words = len(re.findall(r"\S+", "".join(blanked)))
    return DocEval(found, lang_ok, fres, cg, ch, outside, ch, words, wrong, hwrong)


@dataclass
class Score:
    gold: int = 0
    found: int = 0
    right: int = 0
    wrong: int = 0
    cgold: int = 0
    chit: int = 0
    cfound: int = 0
    lang_n: int = 0
    lang_ok: int = 0
    docs: int = 0
    extra: dict = field(default_factory=dict)

    @staticmethod
    def _f1(p, r):
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def recall(self):
        return self.found / self.gold if self.gold else float("nan")

    @property
    def precision(self):
        n = self.right + self.wrong
        return self.right / n if n else float("nan")

    @property
    def f1(self):
        p, r = self.precision, self.recall
        if p != p or r != r:  # nan
            return float("nan")
        return self._f1(p, r)

    @property
    def char_f1(self):
        p = self.chit / self.cfound if self.cfound else 0.0
        r = self.chit / self.cgold if self.cgold else float("nan")
        return self._f1(p, r) if r == r else float("nan")

    @property
    def lang_acc(self):
        return self.lang_ok / self.lang_n if self.lang_n else float("nan")


def group_score(docs, evals, key) -> Score:
    """Score of the gold group ``key(gold) -> bool`` over the documents holding such gold (see module doc)."""
    sc = Score()
    for doc, ev in zip(docs, evals):
        gold = doc["gold"]
        mine = [key(g) for g in gold]
        if not any(mine):
            continue
        sc.docs += 1
        for gi, g in enumerate(gold):
            if mine[gi]:
                sc.gold += 1
                sc.found += ev.gold_found[gi]
                sc.cgold += ev.char_gold[gi]
                sc.chit += ev.char_hit[gi]
                sc.cfound += ev.char_hit[gi]
                if ev.gold_lang_ok[gi] is not None:
                    sc.lang_n += 1
                    sc.lang_ok += ev.gold_lang_ok[gi]
        for ok, gi in ev.findings:
            if ok and mine[gi]:
                sc.right += 1
            elif not ok:
                sc.wrong += 1
        sc.cfound += ev.char_found_outside
    return sc


def overall_score(docs, evals) -> Score:
    """All gold, all findings in all documents (false findings in clean documents count against precision)."""
    sc = Score()
    for doc, ev in zip(docs, evals):
        sc.docs += 1
        sc.gold += len(doc["gold"])
        sc.found += sum(ev.gold_found)
        sc.right += sum(ok for ok, _ in ev.findings)
        sc.wrong += ev.wrong
        sc.cgold += sum(ev.char_gold.values())
        sc.chit += sum(ev.char_hit.values())
        sc.cfound += sum(ev.char_hit.values()) + ev.char_found_outside
        for v in ev.gold_lang_ok:
            if v is not None:
                sc.lang_n += 1
                sc.lang_ok += v
    return sc


def false_per_100k(docs, evals, only_clean=False):
    """(wrong findings, English words, per 100k words) over host documents (not document-kind cases)."""
    wrong = words = 0
    for doc, ev in zip(docs, evals):
        if doc["origin"] not in ("article", "page") or any(g["kind"] == "document" for g in doc["gold"]):
            continue
        if only_clean and not doc["clean"]:
            continue
        wrong += ev.wrong
        words += ev.words
    return wrong, words, (1e5 * wrong / words if words else float("nan"))


def negatives_hit(doc, findings):
    """Number of hard-negative spans a finding overlaps (for the error browser and the table)."""
    n = 0
    for s, e in doc.get("negatives", []):
        if any(fs < e and fe > s for fs, fe, _l, _k in findings):
            n += 1
    return n
