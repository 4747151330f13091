#!/usr/bin/env python3
"""Generates Data/logits-cases.json for Kullback.Tests: rows of logits a, b (binary64 values, or -inf) with
D(softmax(a) || softmax(b)) computed in mpmath at 60 digits from the definition, ln p_k = a_k - LSE(a),
D = sum_k p_k (ln p_k - ln q_k) (terms with p_k = 0 left out; +inf if some p_k > 0 has q_k = 0).
Needs only python3 and mpmath (Debian: python3-mpmath).

    python3 tests/reference/make_logits_cases.py > tests/Kullback.Tests/Data/logits-cases.json

Cases: normal logits at several widths (1 to 1000 columns, every vector tail), near-identical rows (b = a + 1e-6..1e-12
perturbations, where the divergence is 1e-13..1e-25 and the log-softmax must keep the digits), rows shifted by +500
(softmax ignores a shift), logits of magnitude 700, and -inf entries (probability 0).
"""
import json, random, sys
import mpmath as mp

mp.mp.dps = 60


def divergence(a, b):
    def log_softmax(x):
        finite = [mp.mpf(v) for v in x if v != float("-inf")]
        top = max(finite)
        lse = top + mp.log(mp.fsum(mp.exp(v - top) for v in finite))
        return [None if v == float("-inf") else mp.mpf(v) - lse for v in x]
    la, lb = log_softmax(a), log_softmax(b)
    total = mp.mpf(0)
    for x, y in zip(la, lb):
        if x is None: continue
        if y is None: return "inf"
        total += mp.exp(x) * (x - y)
    return mp.nstr(total, 25, strip_zeros=False)


def encode(x):
    return "-inf" if x == float("-inf") else repr(x)


rng = random.Random(16)
cases = []
def add(kind, a, b):
    cases.append({"kind": kind, "a": [encode(v) for v in a], "b": [encode(v) for v in b], "d": divergence(a, b)})

for n in list(range(1, 20)) + [31, 32, 33, 64, 100, 127, 1000]:
    a = [rng.gauss(0, 3) for _ in range(n)]
    b = [rng.gauss(0, 3) for _ in range(n)]
    add("normal", a, b)
for n in (2, 9, 17, 200):
    for scale in (1e-6, 1e-9, 1e-12):
        a = [rng.gauss(0, 2) for _ in range(n)]
        add("near-identical", a, [v + scale * rng.gauss(0, 1) for v in a])
for n in (5, 40):
    a = [rng.gauss(0, 1) for _ in range(n)]
    b = [rng.gauss(0, 1) for _ in range(n)]
    add("shifted", a, [v + 500 for v in b])
    add("shifted near-identical", a, [v + 500 + 1e-8 * rng.gauss(0, 1) for v in a])
for n in (3, 24):
    add("huge", [rng.uniform(-700, 700) for _ in range(n)], [rng.uniform(-700, 700) for _ in range(n)])
for n in (4, 19):
    a = [rng.gauss(0, 2) for _ in range(n)]
    b = [rng.gauss(0, 2) for _ in range(n)]
    a[1] = float("-inf")
    add("p zero", a, b)
    b2 = list(b); b2[1] = float("-inf")
    add("both zero", a, b2)
    b3 = list(b); b3[2] = float("-inf")
    add("q zero", a, b3)
json.dump(cases, sys.stdout, indent=0)
print()
