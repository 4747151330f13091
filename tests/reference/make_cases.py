#!/usr/bin/env python3
"""Generates Data/generated-cases.json for Kullback.Tests: more cases of the kinds in shared/reference/measures.json
(new seeds, harder settings) and cases whose weights span the whole double range (1e-320 beside 1e300, all-subnormal
vectors, sums past the largest double, entries hundreds of decades apart), with every measure computed from the
definitions in shared/reference/README.md. Needs only python3 and mpmath (Debian: python3-mpmath).

    python3 tests/reference/make_cases.py > tests/Kullback.Tests/Data/generated-cases.json

With the argument `more` it writes Data/generated-more-cases.json instead: the measures of
shared/reference/measures-more.json (and a few more keys) on the same (p, q) pairs as generated-cases.json (read from it),
plus cases of their own: several distributions with weights (generalised Jensen-Shannon, Jensen-Renyi), scipy's
elementwise entr/rel_entr/kl_div at hard points, Vasicek's spacing estimate, and joint distributions (entropies, mutual
and conditional information, total correlation) — all at 80 digits from exact rationals:

    python3 tests/reference/make_cases.py more > tests/Kullback.Tests/Data/generated-more-cases.json

The normalisation is exact: every weight is a binary64 value, hence a rational, and p̂ᵢ = pᵢ/Σp, q̂ᵢ, p̂ᵢ − q̂ᵢ,
p̂ᵢ/q̂ᵢ and p̂ᵢ·q̂ᵢ are formed as exact fractions; only the logarithms and square roots are taken in mpmath at 60
digits, of those exact values (ln r as log1p(r − 1) near r = 1, so that a ratio 1 − 10⁻³⁰⁰ keeps its meaning).
"""
import json, random, sys
from fractions import Fraction
import mpmath as mp

mp.mp.dps = 60
INF = mp.inf


def real(f):
    """A fraction as a 60-digit number."""
    return mp.mpf(f.numerator) / f.denominator


def ln(f):
    """ln of a positive fraction, to 60 digits relative however close to 1 it is."""
    if abs(f - 1) < Fraction(1, 2):
        return mp.log1p(real(f - 1))
    return mp.log(real(f))


def measures(p, q):
    P, Q = [Fraction(x) for x in p], [Fraction(x) for x in q]
    sp, sq = sum(P), sum(Q)
    P = [x / sp for x in P]
    Q = [x / sq for x in Q]
    pairs = list(zip(P, Q))

    def H(a):
        return -mp.fsum(real(x) * ln(x) for x in a if x > 0)

    def CE(a, b):
        if any(x > 0 and y == 0 for x, y in zip(a, b)): return INF
        return -mp.fsum(real(x) * ln(y) for x, y in zip(a, b) if x > 0)

    def KL(a, b):
        if any(x > 0 and y == 0 for x, y in zip(a, b)): return INF
        return mp.fsum(real(x) * ln(x / y) for x, y in zip(a, b) if x > 0)

    js = mp.fsum(real(x) * ln(2 * x / (x + y)) for x, y in pairs if x > 0) / 2 \
        + mp.fsum(real(y) * ln(2 * y / (x + y)) for x, y in pairs if y > 0) / 2
    # (√x − √y)² = (x − y)²/(√x + √y)²: the exact difference, no cancellation.
    h2 = mp.fsum(real((x - y) ** 2) / (mp.sqrt(real(x)) + mp.sqrt(real(y))) ** 2 for x, y in pairs if x + y > 0) / 2
    # BC = 1 − H²: near p̂ = q̂ from H² (no cancellation), far apart from the sum of the exact roots itself.
    bc = mp.fsum(mp.sqrt(real(x * y)) for x, y in pairs if x * y > 0)
    bhattacharyya = INF if bc == 0 else (-mp.log1p(-h2) if h2 < 0.5 else -mp.log(bc))
    chi2 = INF if any(x > 0 and y == 0 for x, y in pairs) else real(sum((x - y) ** 2 / y for x, y in pairs if y > 0))
    out = {
        "entropy_p": H(P), "entropy_q": H(Q), "cross_entropy_pq": CE(P, Q), "cross_entropy_qp": CE(Q, P),
        "kl_pq": KL(P, Q), "kl_qp": KL(Q, P), "jeffreys": KL(P, Q) + KL(Q, P), "js_divergence": js,
        "js_distance": mp.sqrt(js), "hellinger": mp.sqrt(h2), "total_variation": real(sum(abs(x - y) for x, y in pairs)) / 2,
        "bhattacharyya": bhattacharyya, "chi2_pearson": chi2,
        # Rényi ½ = 2·D_B; Rényi 2 = ln Σ p̂²/q̂ = ln(1 + χ²) (with Σ p̂²/q̂ − 1 = χ² exactly).
        "renyi_0.5": 2 * bhattacharyya, "renyi_2": INF if chi2 == INF else mp.log1p(chi2),
    }

    def fmt(v):
        if v == INF: return "Infinity"
        if v == 0: return "0"
        return mp.nstr(v, 30, min_fixed=-1, max_fixed=-1)
    return {k: fmt(v) for k, v in out.items()}


def dirichlet(rng, alpha, n):
    g = [rng.gammavariate(alpha, 1.0) for _ in range(n)]
    s = sum(g)
    return [x / s for x in g]


def main():
    rng = random.Random(20261124)
    cases = []
    def add(name, p, q): cases.append({"name": name, "p": p, "q": q, "expected": measures(p, q)})
    for n in (2, 5, 31, 257, 1000):
        for a in (1.0, 0.3):
            add(f"gen-dirichlet-{a}-n{n}", dirichlet(rng, a, n), dirichlet(rng, a, n))
    for eps in (1e-2, 1e-4, 1e-7, 1e-8, 1e-10, 1e-12):
        for n in (7, 300, 1000):
            p = dirichlet(rng, 1.0, n)
            q = [x * (1 + eps * rng.uniform(-1, 1)) for x in p]
            s = sum(q); q = [x / s for x in q]
            add(f"gen-near-identical-{eps:g}-n{n}", p, q)
    for n in (3, 64):
        p = dirichlet(rng, 1.0, n); add(f"gen-identical-n{n}", p, list(p))
    for n in (12, 40):
        p = dirichlet(rng, 0.5, n); q = dirichlet(rng, 0.5, n)
        for i in rng.sample(range(n), n // 4): p[i] = 0.0
        s = sum(p); p = [x / s for x in p]
        add(f"gen-zeros-in-p-n{n}", p, q)
        add(f"gen-zeros-in-q-n{n}", q, p)
    for n in (9, 30):
        p = dirichlet(rng, 1.0, n)
        for i in rng.sample(range(n), 3): p[i] = rng.choice([5e-324, 1e-310, 2.5e-300, 1e-200])
        s = sum(p); p = [x / s for x in p]
        q = dirichlet(rng, 1.0, n)
        add(f"gen-tiny-and-subnormal-n{n}", p, q)
        add(f"gen-subnormal-in-q-n{n}", q, p)
    for big in (1 - 1e-12, 1 - 3e-15, 0.9999999):
        n = 8
        rest = (1 - big) / (n - 1)
        p = [big] + [rest] * (n - 1)
        add(f"gen-extreme-skew-{big!r}", p, dirichlet(rng, 1.0, n))
        add(f"gen-extreme-skew-reversed-{big!r}", dirichlet(rng, 1.0, n), p)
    add("gen-two-point-near", [0.5, 0.5], [0.5 + 1e-9, 0.5 - 1e-9])
    add("gen-counts-unnormalised", [3.0, 7.0, 0.0, 12.0, 1.0], [2.0, 2.0, 5.0, 9.0, 4.0])
    mixed_magnitudes(rng, add)
    json.dump({"about": "Generated by tests/reference/make_cases.py: exact rational normalisation, logarithms and roots "
                        "by mpmath at 60 digits; same semantics as measures.json.",
               "cases": cases}, sys.stdout, indent=1)


def mixed_magnitudes(rng, add):
    """Weights of any magnitude and any mix of magnitudes: every measure must be the same as for the scaled-down vector."""
    add("mag-1e19-beside-1", [1e19, 1e19, 1.0], [1.0, 1.0, 1.0])
    add("mag-1e15-beside-1", [1e15, 1e15, 1.0], [1.0, 1.0, 1.0])
    add("mag-subnormal-pair", [5e-324, 1e-323], [1e-323, 5e-324])
    add("mag-subnormal-vs-normal", [5e-324, 1e-323], [1.0, 1.0])
    sub = [k * 5e-324 for k in (3, 1, 4, 1, 5, 9, 2, 6)]
    add("mag-all-subnormal", sub, [k * 5e-324 for k in (2, 7, 1, 8, 2, 8, 1, 8)])
    add("mag-all-subnormal-vs-huge", sub, [k * 1e300 for k in (2, 7, 1, 8, 2, 8, 1, 8)])
    add("mag-sum-past-max", [1e308, 1e308, 1e308], [1.0, 2.0, 3.0])
    add("mag-sum-past-max-both", [1.7e308, 1.2e308, 9e307, 1.7e308], [1.5e308, 1.5e308, 1.0e308, 3e307])
    add("mag-max-beside-min", [1.7976931348623157e308, 5e-324, 1.0], [1.0, 1.0, 1.0])
    add("mag-1e-320-beside-1e300", [1e300, 1e-320, 1.0, 3e200], [2e300, 1e-310, 5.0, 1e-200])
    add("mag-1e-320-beside-1e300-reversed", [2e300, 1e-310, 5.0, 1e-200], [1e300, 1e-320, 1.0, 3e200])
    add("mag-deep-entries", [1.0, 1e-300, 1e-310, 0.0, 2e-290], [1.0, 2e-300, 0.0, 1e-305, 1e-280])
    add("mag-deep-rest-dominant", [1.0, 1e-300, 1e-310, 3e-315], [1.0, 1.0, 1.0, 1.0])
    add("mag-deep-only-rest", [1.0, 1e-300, 1e-305], [1.0, 0.5, 0.25])
    add("mag-three-magnitudes", [1.0, 1e-20, 1e-280], [1.0, 1e-20, 0.0])
    add("mag-three-magnitudes-deep", [1.0, 1e-20, 1e-300], [1.0, 1e-20, 0.0])
    add("mag-huge-ratio", [1.0, 1e-10], [1.0, 1e-300])
    add("mag-huge-ratio-deep", [1.0, 1e-100], [1.0, 1e-310])
    add("mag-tiny-common-support", [1e-320, 1.0, 0.0], [1e-320, 0.0, 1.0])
    add("mag-counts-1e300", [3e300, 7e300, 0.0, 12e300, 1e300], [2e-300, 2e-300, 5e-300, 9e-300, 4e-300])
    add("mag-identical-up-to-scale", [5e-324, 1e-323, 1.5e-323], [2**-1000, 2**-999, 1.5 * 2**-999])
    n = 40
    base = dirichlet(rng, 1.0, n)
    add("mag-near-identical-scaled", [x * 1e300 for x in base], [x * (1 + 1e-9 * rng.uniform(-1, 1)) * 1e-300 for x in base])
    wild = [10.0 ** rng.uniform(-320, 307) for _ in range(n)]
    add("mag-log-uniform-whole-range", wild, [10.0 ** rng.uniform(-320, 307) for _ in range(n)])
    add("mag-log-uniform-vs-uniform", wild, [1.0] * n)


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "more":
        import make_more_cases
        make_more_cases.main()
    else:
        main()
