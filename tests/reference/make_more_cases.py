#!/usr/bin/env python3
"""The `more` part of make_cases.py: reference values for the measures beyond the fifteen of measures.json.

    python3 tests/reference/make_cases.py more > tests/Kullback.Tests/Data/generated-more-cases.json

Definitions are those of shared/reference/README.md ("More measures"); every weight is a binary64 value, hence a rational,
and everything that can be exact is: p̂ = p/Σp, p̂ − q̂, ratios, the rational measures (triangular discrimination, χ²
variants, Clark, the divergence distance, avg(L1, L∞)) as exact fractions; logarithms, powers and roots are taken by mpmath
at 80 digits of those exact values, in forms that do not cancel (a power sum minus 1 as Σ q·expm1(α·ln(p/q)), the
K-divergence as Σ m·φ(p/m), ln(1 + x) as log1p of the exact x), so that near-identical inputs keep their digits.

Sections:
- "cases": the (p, q) pairs of generated-cases.json (read from it) with the more-measures of both p and q.
- "families": several distributions with weights: generalised Jensen–Shannon and Jensen–Rényi of orders 0, ½ and 0.9.
- "elementwise": scipy's entr(x), rel_entr(x, y), kl_div(x, y) at hard points (near-equal, extreme ratios, subnormals).
- "vasicek": Vasicek's spacing estimate of samples (seeded), with its window length.
- "joint": joint distributions as weights over a grid (row-major, variables X0, X1, …) with entropies, mutual and
  conditional information and total correlation.
"""
import json, math, os, random, sys
from fractions import Fraction
import mpmath as mp

mp.mp.dps = 80
INF = mp.inf
HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "..", "Kullback.Tests", "Data")


def real(f):
    return mp.mpf(f.numerator) / f.denominator


def ln(f):
    """ln of a positive fraction, to 80 digits relative however close to 1 it is."""
    if abs(f - 1) < Fraction(1, 2):
        return mp.log1p(real(f - 1))
    return mp.log(real(f))


def normalise(x):
    x = [Fraction(v) for v in x]
    s = sum(x)
    return [v / s for v in x]


def power_excess(P, Q, a):
    """Σ P^a·Q^(1−a) − 1 over the outcomes where P > 0 (Σ Q = 1): Σ (P^a Q^(1−a) − Q), each term without cancellation."""
    total = mp.mpf(0)
    for x, y in zip(P, Q):
        if x == 0 and y == 0:
            continue
        if x > 0 and y > 0:
            total += real(y) * mp.expm1(a * ln(x / y))
        elif x == 0:      # P^a with a > 0 is 0 (a = 0: the sum runs over P > 0 only); a < 0 gives +∞
            if a < 0:
                return INF
            total -= real(y)
        else:             # y = 0 < x: Q^(1−a) is 0 for a < 1, +∞ for a > 1
            if a > 1:
                return INF
    return total


def hellinger_sum(P, Q, a):
    """Σ P^a·Q^(1−a) over P > 0, term by term (not 1 + the excess, which loses a sum far below 1, such as 10⁻³²⁰)."""
    if a > 1 and any(x > 0 and y == 0 for x, y in zip(P, Q)):
        return INF
    return mp.fsum(mp.exp(a * mp.log(real(x)) + (1 - a) * mp.log(real(y))) for x, y in zip(P, Q) if x > 0 and y > 0)


def tsallis(P, Q, a):
    if a == 1:
        return kl(P, Q)
    e = power_excess(P, Q, a)
    return INF if e == INF else e / (a - 1)


def renyi(P, Q, a):
    e = power_excess(P, Q, a)
    return INF if e == INF else (INF if e <= -1 else mp.log1p(e) / (a - 1))


def kl(P, Q):
    if any(x > 0 and y == 0 for x, y in zip(P, Q)):
        return INF
    total = mp.mpf(0)
    for x, y in zip(P, Q):
        if y == 0:
            continue
        if x == 0:
            total += real(y)
            continue
        t = x / y - 1   # y·φ(1 + t), φ(1 + t) = (1 + t)·log1p(t) − t
        total += real(y) * (real(1 + t) * ln(1 + t) - real(t))
    return total


def phi(t):
    """φ(1 + t) = (1 + t)·ln(1 + t) − t for a fraction t ≥ −1."""
    if t == -1:
        return mp.mpf(1)
    return real(1 + t) * ln(1 + t) - real(t)


def entropy(P):
    return -mp.fsum(real(x) * ln(x) for x in P if x > 0)


def more_measures(p, q):
    P, Q = normalise(p), normalise(q)
    pairs = list(zip(P, Q))
    out = {}
    for a in (Fraction(1, 2), Fraction(2), Fraction(3), Fraction(999, 1000)):
        out[f"tsallis_divergence_{fmt_order(a)}"] = tsallis(P, Q, a)
    out["tsallis_divergence_0"] = mp.fsum(real(y) for x, y in pairs if x == 0)
    for a in (Fraction(1, 2), Fraction(-1, 2), Fraction(3), Fraction(0), Fraction(-3)):
        b, g = (1 - a) / 2, (1 + a) / 2      # 4(1 − Σ P^b Q^g)/(1 − a²) = −excess/(b·g)
        e = power_excess(P, Q, b)
        out[f"alpha_divergence_{fmt_order(a)}"] = INF if e == INF else -e / (b * g)
    inside = sum(y for x, y in pairs if x > 0)
    out["renyi_0"] = INF if inside == 0 else (-mp.log1p(-real(1 - inside)) if inside > Fraction(1, 2) else -mp.log(real(inside)))
    if any(x > 0 and y == 0 for x, y in pairs):
        out["renyi_inf"] = INF
    else:
        out["renyi_inf"] = max(ln(x / y) for x, y in pairs if x > 0)
    out["hellinger_sum_0.5"] = hellinger_sum(P, Q, Fraction(1, 2))
    out["hellinger_sum_2"] = hellinger_sum(P, Q, Fraction(2))
    tri = sum((x - y) ** 2 / (x + y) for x, y in pairs if x + y > 0)
    out["triangular_discrimination"] = real(tri)
    out["probabilistic_symmetric_chi2"] = real(2 * tri)
    out["additive_symmetric_chi2"] = INF if any((x == 0) != (y == 0) for x, y in pairs) else \
        real(sum((x - y) ** 2 * (x + y) / (x * y) for x, y in pairs if x > 0))
    clark2 = sum(((x - y) / (x + y)) ** 2 for x, y in pairs if x + y > 0)
    out["clark"] = mp.sqrt(real(clark2))
    out["divergence_distance"] = real(2 * clark2)
    out["kumar_johnson"] = INF if any((x == 0) != (y == 0) for x, y in pairs) else \
        mp.fsum(real((x * x - y * y) ** 2) / (2 * real(x * y) * mp.sqrt(real(x * y))) for x, y in pairs if x > 0)
    out["avg_l1_linf"] = real((sum(abs(x - y) for x, y in pairs) + max(abs(x - y) for x, y in pairs)) / 2)
    # K(p‖q) = D(p‖m) = Σ m·φ(p/m), p/m − 1 = (p − q)/(p + q).
    out["k_divergence"] = mp.fsum(real((x + y) / 2) * phi((x - y) / (x + y)) for x, y in pairs if x + y > 0)
    out["taneja"] = INF if any((x == 0) != (y == 0) for x, y in pairs) else \
        mp.fsum(real((x + y) / 2) * mp.log1p(real((x - y) ** 2 / (4 * x * y))) / 2 for x, y in pairs if x > 0)
    w = Fraction(0.3)
    M = [w * x + (1 - w) * y for x, y in pairs]
    out["weighted_js_0.3_0.7"] = real(w) * kl_to(P, M) + real(1 - w) * kl_to(Q, M)
    out["jensen_renyi_0.5"] = jensen_renyi([P, Q], [Fraction(1, 2), Fraction(1, 2)], Fraction(1, 2))
    out["jensen_renyi_0.9"] = jensen_renyi([P, Q], [Fraction(1, 2), Fraction(1, 2)], Fraction(9, 10))
    out["jensen_renyi_0"] = jensen_renyi([P, Q], [Fraction(1, 2), Fraction(1, 2)], Fraction(0))
    for name, X in (("p", P), ("q", Q)):
        for a in (Fraction(0), Fraction(1, 2), Fraction(2), Fraction(7, 2), None):
            out[f"renyi_entropy_{fmt_order(a)}_{name}"] = renyi_entropy(X, a)
        for a in (Fraction(1, 2), Fraction(2), Fraction(7, 2), Fraction(0)):
            out[f"tsallis_entropy_{fmt_order(a)}_{name}"] = tsallis_entropy(X, a)
        out[f"perplexity_{name}"] = mp.exp(entropy(X))
        out[f"extropy_{name}"] = mp.fsum(-real(1 - x) * ln(1 - x) for x in X if 0 < x < 1)
    return out


def kl_to(P, M):
    """D(P‖M) = Σ M·φ(P/M) (M > 0 wherever P is)."""
    return mp.fsum(real(m) * phi(x / m - 1) for x, m in zip(P, M) if m > 0)


def fmt_order(a):
    if a is None:
        return "inf"
    if a.denominator == 1:
        return str(a.numerator)
    return repr(float(a))


def power_sum_excess_entropy(X, a):
    """Σ X^a − 1 = Σ X·expm1((a − 1)·ln X), every term of one sign."""
    return mp.fsum(real(x) * mp.expm1((a - 1) * ln(x)) for x in X if x > 0)


def renyi_entropy(X, a):
    if a is None:
        return -ln(max(X))
    if a == 0:
        return mp.log(sum(1 for x in X if x > 0))
    if a == 1:
        return entropy(X)
    return mp.log1p(power_sum_excess_entropy(X, a)) / (1 - a)


def tsallis_entropy(X, a):
    if a == 0:
        return mp.mpf(sum(1 for x in X if x > 0) - 1)
    if a == 1:
        return entropy(X)
    return -power_sum_excess_entropy(X, a) / (a - 1)


def jensen_renyi(dists, weights, a):
    """H_a(Σ w·P) − Σ w·H_a(P), at 700 digits (rounded to 80 on return)."""
    with mp.workdps(700):      # a difference of entropies: 700 digits keep values down to 1e-600 of the entropies
        return +jensen_renyi_at_precision(dists, weights, a)


def jensen_renyi_at_precision(dists, weights, a):
    M = [sum(w * d[i] for w, d in zip(weights, dists)) for i in range(len(dists[0]))]
    if a == 1:
        return mp.fsum(real(w) * kl_to(d, M) for w, d in zip(weights, dists) if w > 0)
    value = renyi_entropy(M, a) - mp.fsum(real(w) * renyi_entropy(d, a) for w, d in zip(weights, dists) if w > 0)
    return value


def gjsd(dists, weights):
    return jensen_renyi(dists, weights, Fraction(1))


def fmt(v):
    if v == INF:
        return "Infinity"
    if v == 0:
        return "0"
    return mp.nstr(v, 30, min_fixed=-1, max_fixed=-1)


# ---------------------------------------------------------------------------------------------------------------------

def dirichlet(rng, alpha, n):
    g = [rng.gammavariate(alpha, 1.0) for _ in range(n)]
    s = sum(g)
    return [x / s for x in g]


def families(rng):
    cases = []

    def add(name, dists, weights):
        P = [normalise(d) for d in dists]
        W = normalise(weights) if weights else [Fraction(1, len(dists))] * len(dists)
        exp = {"gjsd": gjsd(P, W)}
        for a in (Fraction(0), Fraction(1, 2), Fraction(9, 10)):
            exp[f"jensen_renyi_{fmt_order(a)}"] = jensen_renyi(P, W, a)
        cases.append({"name": name, "distributions": dists, "weights": weights,
                      "expected": {k: fmt(v) for k, v in exp.items()}})

    # philentropy's gJSD test: P = 1:10/sum, Q = 20:29/sum, R = 30:39/sum, equal weights.
    add("philentropy-gjsd-PQR", [[float(i) for i in range(1, 11)], [float(i) for i in range(20, 30)], [float(i) for i in range(30, 40)]], None)
    for k in (3, 5):
        for n in (4, 50, 400):
            add(f"dirichlet-k{k}-n{n}", [dirichlet(rng, 1.0, n) for _ in range(k)], [rng.uniform(0.1, 2.0) for _ in range(k)])
    for eps in (1e-3, 1e-6, 1e-9):
        base = dirichlet(rng, 1.0, 60)
        dists = [[x * (1 + eps * rng.uniform(-1, 1)) for x in base] for _ in range(4)]
        add(f"near-identical-{eps:g}-k4", dists, [1.0, 2.0, 3.0, 4.0])
    add("disjoint-k3", [[1.0, 1.0, 0, 0, 0, 0], [0, 0, 2.0, 1.0, 0, 0], [0, 0, 0, 0, 5.0, 3.0]], [1.0, 1.0, 2.0])
    add("zero-weight", [[0.2, 0.8, 0.0], [0.5, 0.25, 0.25], [0.0, 0.0, 1.0]], [1.0, 3.0, 0.0])
    add("one-distribution", [[0.1, 0.2, 0.7]], None)
    add("counts", [[3.0, 0.0, 9.0, 4.0], [1.0, 1.0, 1.0, 1.0], [10.0, 20.0, 0.0, 5.0]], [2.0, 1.0, 1.0])
    add("dit-jsd4-weights", [[0.5, 0.5, 0.0], [0.0, 0.5, 0.5]], [0.25, 0.75])
    return cases


def elementwise():
    # (x, y): near-equal (scipy gh-20710), overflow/underflow of x/y, subnormals, huge and tiny arguments.
    pairs = [(0.9456657713430001, 0.9456657713430094), (0.48066098564791515, 0.48066098564794774),
             (0.786048657854401, 0.7860486578542367), (4.0, 2.22e-308), (1e-200, 1e200), (2.22e-308, 1e15),
             (1.0, 1.0 + 2 ** -52), (1.0 + 2 ** -52, 1.0), (0.5, 0.25), (0.25, 0.5), (3.0, 1.0), (1.0, 3.0),
             (5e-324, 1.0), (1.0, 5e-324), (1e308, 1e-308), (1e-308, 1e308), (1.7976931348623157e308, 1.0),
             (0.7, 0.7000000001), (1e-10, 1.0000000001e-10), (123456.789, 123456.7891), (2.0, 2.0)]
    out = []
    for x, y in pairs:
        X, Y = Fraction(x), Fraction(y)
        r = ln(X / Y)
        rel = real(X) * r
        kd = real(Y) * phi(X / Y - 1)
        out.append({"x": x, "y": y, "rel_entr": fmt_signed(rel), "kl_div": fmt(kd)})
    for x in (0.5, 1.0, 1.0 - 2 ** -53, 1.0 + 2 ** -52, 1e-300, 5e-324, 2.0, 1e300, 0.36787944117144233):
        X = Fraction(x)
        out.append({"x": x, "entr": fmt_signed(-real(X) * ln(X))})
    return out


def fmt_signed(v):
    if v == 0:
        return "0"
    if abs(v) == INF:
        return "Infinity" if v > 0 else "-Infinity"
    return mp.nstr(v, 30, min_fixed=-1, max_fixed=-1)


def vasicek(rng):
    out = []

    def add(name, samples, m):
        X = sorted(Fraction(s) for s in samples)
        n = len(X)
        w = m if m is not None else int(math.floor(math.sqrt(n) + 0.5))
        total = mp.fsum(mp.log(real(X[min(n - 1, i + w)] - X[max(0, i - w)])) for i in range(n))
        value = total / n + mp.log(mp.mpf(n) / (2 * w))
        out.append({"name": name, "samples": samples, "window": m, "expected": fmt_signed(value)})

    add("normal-100", [rng.gauss(0, 1) for _ in range(100)], None)
    add("normal-100-m1", [rng.gauss(0, 1) for _ in range(100)], 1)
    add("exponential-1000", [rng.expovariate(1.0) for _ in range(1000)], None)
    add("uniform-1e-12-wide", [1.0 + 1e-12 * rng.random() for _ in range(200)], 5)
    add("huge-scale", [1e300 * rng.gauss(0, 1) for _ in range(50)], 3)
    add("small", [0.3, -1.2, 2.5, 0.1, 0.9], 2)
    return out


def joint():
    out = []

    def add(name, shape, weights):
        W = [Fraction(w) for w in weights]
        total = sum(W)
        P = [w / total for w in W]
        k = len(shape)

        def index(flat):
            idx = []
            for s in reversed(shape):
                idx.append(flat % s)
                flat //= s
            return tuple(reversed(idx))

        cells = {index(i): P[i] for i in range(len(P)) if P[i] > 0}

        def marginal(vars_):
            m = {}
            for key, v in cells.items():
                sub = tuple(key[i] for i in vars_)
                m[sub] = m.get(sub, 0) + v
            return m

        def H(vars_):
            return -mp.fsum(real(v) * ln(v) for v in marginal(vars_).values())

        def cond_entropy(a, b):
            # Σ p(a, b)·ln(p(b)/p(a, b)): every term ≥ 0.
            ab, bm = marginal(a + b), marginal(b)
            return mp.fsum(real(v) * ln(bm[key[len(a):]] / v) for key, v in ab.items())

        def mutual(a, b, c=()):
            # Σ_c p(c)·D(p(a, b | c)‖p(a | c)·p(b | c)) with the KL in φ form over the product grid (zeros included).
            abc, ac, bc, cm = marginal(list(a) + list(b) + list(c)), marginal(list(a) + list(c)), marginal(list(b) + list(c)), marginal(list(c))
            total = mp.mpf(0)
            for ka, va in ac.items():
                for kb, vb in bc.items():
                    if ka[len(a):] != kb[len(b):]:
                        continue
                    cc = ka[len(a):]
                    qv = va * vb / cm[cc]          # p(a, c)·p(b, c)/p(c)
                    pv = abc.get(ka[:len(a)] + kb[:len(b)] + cc, Fraction(0))
                    total += real(qv) * phi(pv / qv - 1)
            return total

        def total_correlation():
            # D(p‖Π p(Xk)) over the product grid: Σ over cells with p > 0 of q·φ(p/q) plus the mass of q where p = 0.
            margs = [marginal([i]) for i in range(k)]
            qsum_inside = Fraction(0)
            value = mp.mpf(0)
            for key, v in cells.items():
                qv = Fraction(1)
                for i in range(k):
                    qv *= margs[i][(key[i],)]
                qsum_inside += qv
                value += real(qv) * phi(v / qv - 1)
            return value + real(1 - qsum_inside)

        exp = {"joint_entropy": H(list(range(k)))}
        for i in range(k):
            exp[f"marginal_entropy_X{i}"] = H([i])
        exp["total_correlation"] = total_correlation()
        if k >= 2:
            exp["mutual_information_X0_X1"] = mutual([0], [1])
            exp["conditional_entropy_X0_given_X1"] = cond_entropy([0], [1])
            exp["conditional_entropy_X1_given_X0"] = cond_entropy([1], [0])
        if k >= 3:
            exp["conditional_mutual_information_X0_X1_given_X2"] = mutual([0], [1], [2])
            exp["conditional_entropy_X0_given_X1_X2"] = cond_entropy([0], [1, 2])
            exp["mutual_information_X0X1_X2"] = mutual([0, 1], [2])
        out.append({"name": name, "shape": shape, "weights": weights, "expected": {key: fmt(v) for key, v in exp.items()}})

    rng = random.Random(20261201)
    add("random-3x4-zeros", [3, 4], [float(rng.randint(0, 9)) for _ in range(12)])
    add("random-5x6", [5, 6], [rng.uniform(0, 1) for _ in range(30)])
    a = dirichlet(rng, 1.0, 3); b = dirichlet(rng, 1.0, 3); c = [0.4, 0.6]
    add("near-independent-3x3x2", [3, 3, 2],
        [a[i] * b[j] * c[l] * (1 + 1e-9 * rng.uniform(-1, 1)) for i in range(3) for j in range(3) for l in range(2)])
    add("independent-3x3x2", [3, 3, 2], [float((i + 1) * (j + 2) * (l + 3)) for i in range(3) for j in range(3) for l in range(2)])
    add("parity-2x2x2x2", [2, 2, 2, 2], [1.0 if (i + j + l + m) % 2 == 0 else 0.0 for i in range(2) for j in range(2) for l in range(2) for m in range(2)])
    add("single-variable", [4], [1.0, 2.0, 3.0, 4.0])
    add("huge-weights-2x3", [2, 3], [1e300, 3e300, 2e300, 5e299, 1e300, 7e300])
    add("near-deterministic-2x2", [2, 2], [1.0, 1e-15, 1e-15, 1.0])
    return out


def main():
    with open(os.path.join(DATA, "generated-cases.json")) as f:
        base = json.load(f)["cases"]
    rng = random.Random(20261130)
    cases = [{"name": c["name"], "p": c["p"], "q": c["q"], "expected": {k: fmt(v) for k, v in more_measures(c["p"], c["q"]).items()}}
             for c in base]
    json.dump({"about": "Generated by tests/reference/make_cases.py more (tests/reference/make_more_cases.py): exact rational "
                        "normalisation, logarithms, powers and roots by mpmath at 80 digits; semantics of "
                        "shared/reference/README.md (More measures).",
               "cases": cases, "families": families(rng), "elementwise": elementwise(), "vasicek": vasicek(rng),
               "joint": joint()}, sys.stdout, indent=1)
