"""The one segmentation both kinds of word evidence go through: expected (E) vs foreign (F).

Each word carries a log-likelihood ratio, foreign over expected (from the lexicons, or from how little
the expected lexicon explains it); a two-state path over a unit's words is decoded by Viterbi, with a
cost for every switch between the states, so a foreign run needs enough evidence to pay for its two
edges.  Runs of the F state are the candidate spans.
"""

from __future__ import annotations


def viterbi_spans(llrs: list[float], switch: float) -> list[tuple[int, int]]:
    """Runs of the foreign state in the best two-state path (expected E / foreign F).

    Each word adds its log-likelihood ratio to F (0 to E); changing state costs ``switch``;
    the path starts and ends in E (a foreign run has an edge on both sides).
    """
    n = len(llrs)
    if n == 0:
        return []
    e_score, f_score = 0.0, -switch + llrs[0]
    back: list[tuple[int, int]] = [(0, 0)]  # (came-from for E, came-from for F): 0 = E, 1 = F
    for k in range(1, n):
        e_from_e, e_from_f = e_score, f_score - switch
        f_from_e, f_from_f = e_score - switch + llrs[k], f_score + llrs[k]
        back.append((0 if e_from_e >= e_from_f else 1, 0 if f_from_e > f_from_f else 1))
        e_score, f_score = max(e_from_e, e_from_f), max(f_from_e, f_from_f)
    state = 0 if e_score >= f_score - switch else 1
    states = [0] * n
    for k in range(n - 1, -1, -1):
        states[k] = state
        state = back[k][state] if k > 0 else 0
    out = []
    k = 0
    while k < n:
        if states[k] == 1:
            j = k
            while j < n and states[j] == 1:
                j += 1
            out.append((k, j))
            k = j
        else:
            k += 1
    return out


def segment(scores: list[float], switch: float, min_sum: float) -> list[tuple[int, int, float]]:
    """Foreign runs of the two-state segmentation whose evidence reaches ``min_sum``: (i, j, sum)."""
    out = []
    for i, j in viterbi_spans(scores, switch):
        total = sum(scores[i:j])
        if total >= min_sum:
            out.append((i, j, total))
    return out
