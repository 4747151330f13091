#!/usr/bin/env python3
"""Generates Data/continuous-cases.json for Kullback.Tests: D(P||Q) and entropies of the continuous and discrete
families at the extremes of every parameter (1e-300 to 1e308, near-equal pairs, the adversarial review's cases) and at
ordinary points, from the textbook definitions evaluated by mpmath with at least 50 significant digits (more where the
definition cancels: every value is computed twice, at two precisions, and must agree to 35 digits). Values have 30
significant digits; "Infinity" where P has mass outside Q's support; "overflow" where the finite value exceeds the
largest double. Needs only python3 and mpmath (Debian: python3-mpmath).

    python3 tests/reference/make_continuous_cases.py > tests/Kullback.Tests/Data/continuous-cases.json

Conventions (those of the MathNet.Numerics constructors the tests call): normal(mu, sigma), lognormal(mu, sigma) of
ln X, exponential(rate), gamma(shape, rate), beta(a, b), laplace(mu, b), uniform(lower, upper), pareto(scale, shape),
poisson(lambda), binomial(n, p), geometric(p) (MathNet counts trials; KL and entropy are the same for failures),
negative_binomial(r, p) (failures before the r-th success), mvnormal(mean, covariance rows).
"""
import json, math, random, sys
import mpmath as mp

BASE_DPS = 50
MAX_DOUBLE = mp.mpf(sys.float_info.max)


def magnitude_digits(params):
    """Extra digits needed when the definition subtracts terms of the size of the parameters."""
    digits = 0
    for x in params:
        if isinstance(x, list):
            digits = max(digits, magnitude_digits(x))
        elif x != 0 and not isinstance(x, bool):
            digits = max(digits, abs(int(math.log10(abs(x)))))
    return digits


# --- definitions -----------------------------------------------------------------------------------------------

def log_beta(a, b):
    return mp.loggamma(a) + mp.loggamma(b) - mp.loggamma(a + b)


def bernoulli_kl(p, q):
    if p == q:
        return mp.mpf(0)
    if (q == 0 and p > 0) or (q == 1 and p < 1):
        return mp.inf
    t1 = 0 if p == 0 else p * mp.log(p / q)
    t2 = 0 if p == 1 else (1 - p) * mp.log((1 - p) / (1 - q))
    return t1 + t2


def bernoulli_entropy(p):
    if p == 0 or p == 1:
        return mp.mpf(0)
    return -p * mp.log(p) - (1 - p) * mp.log(1 - p)


def kl(family, P, Q):
    m = mp.mpf
    if family in ("normal", "lognormal"):
        mp_, sp = map(m, P); mq, sq = map(m, Q)
        return mp.log(sq / sp) + (sp ** 2 + (mp_ - mq) ** 2) / (2 * sq ** 2) - m(1) / 2
    if family == "exponential":
        lp, lq = m(P[0]), m(Q[0])
        return mp.log(lp / lq) + lq / lp - 1
    if family == "gamma":
        kp, tp = map(m, P); kq, tq = map(m, Q)
        return ((kp - kq) * mp.digamma(kp) - mp.loggamma(kp) + mp.loggamma(kq)
                + kq * (mp.log(tp) - mp.log(tq)) + kp * (tq - tp) / tp)
    if family == "beta":
        ap, bp = map(m, P); aq, bq = map(m, Q)
        return (log_beta(aq, bq) - log_beta(ap, bp) + (ap - aq) * mp.digamma(ap) + (bp - bq) * mp.digamma(bp)
                + (aq - ap + bq - bp) * mp.digamma(ap + bp))
    if family == "laplace":
        mp_, bp = map(m, P); mq, bq = map(m, Q)
        d = abs(mp_ - mq)
        return mp.log(bq / bp) + d / bq + (bp / bq) * mp.exp(-d / bp) - 1
    if family == "uniform":
        ap, bp = map(m, P); aq, bq = map(m, Q)
        if ap < aq or bp > bq:
            return mp.inf
        return mp.log((bq - aq) / (bp - ap))
    if family == "pareto":
        xp, alp = map(m, P); xq, alq = map(m, Q)
        if xp < xq:
            return mp.inf
        return mp.log(alp / alq) + alq * mp.log(xp / xq) + alq / alp - 1
    if family == "poisson":
        lp, lq = m(P[0]), m(Q[0])
        return lp * mp.log(lp / lq) + lq - lp
    if family == "binomial":
        assert P[0] == Q[0]
        return P[0] * bernoulli_kl(m(P[1]), m(Q[1]))
    if family == "geometric":
        return bernoulli_kl(m(P[0]), m(Q[0])) / m(P[0])
    if family == "negative_binomial":
        assert P[0] == Q[0]
        return m(P[0]) * bernoulli_kl(m(P[1]), m(Q[1])) / m(P[1])
    if family == "mvnormal":
        mu_p, cov_p = mp.matrix(P[0]), mp.matrix(P[1])
        mu_q, cov_q = mp.matrix(Q[0]), mp.matrix(Q[1])
        d = len(P[0])
        inv_q = cov_q ** -1
        diff = mu_q - mu_p
        trace = sum((inv_q * cov_p)[i, i] for i in range(d))
        quad = (diff.T * inv_q * diff)[0, 0]
        return (trace + quad - d + mp.log(mp.det(cov_q)) - mp.log(mp.det(cov_p))) / 2
    raise ValueError(family)


def entropy(family, P):
    m = mp.mpf
    half_log_2pie = mp.log(2 * mp.pi * mp.e) / 2
    if family == "normal":
        return half_log_2pie + mp.log(m(P[1]))
    if family == "lognormal":
        return m(P[0]) + half_log_2pie + mp.log(m(P[1]))
    if family == "exponential":
        return 1 - mp.log(m(P[0]))
    if family == "gamma":
        k, t = map(m, P)
        return k - mp.log(t) + mp.loggamma(k) + (1 - k) * mp.digamma(k)
    if family == "beta":
        a, b = map(m, P)
        return log_beta(a, b) - (a - 1) * mp.digamma(a) - (b - 1) * mp.digamma(b) + (a + b - 2) * mp.digamma(a + b)
    if family == "laplace":
        return 1 + mp.log(2 * m(P[1]))
    if family == "uniform":
        return mp.log(m(P[1]) - m(P[0]))
    if family == "pareto":
        x, al = map(m, P)
        return mp.log(x / al) + 1 / al + 1
    if family == "geometric":
        p = m(P[0])
        return bernoulli_entropy(p) / p
    if family == "poisson":
        lam = m(P[0])
        if lam >= 10 ** 5:
            # Evans, Boersma, Blachman and Jagers (1988): the expansion to λ⁻³; the next term is O(λ⁻⁴) < 1e-20.
            return half_log_2pie + mp.log(lam) / 2 - 1 / (12 * lam) - 1 / (24 * lam ** 2) - m(19) / (360 * lam ** 3)
        return lattice_entropy(lambda k: k * mp.log(lam) - lam - mp.loggamma(k + 1),
                               lambda k: lam / (k + 1), int(mp.floor(lam)), 0, None)
    if family == "binomial":
        n, p = int(P[0]), m(P[1])
        if p == 0 or p == 1 or n == 0:
            return mp.mpf(0)
        q = 1 - p
        mode = int(mp.floor((n + 1) * p))
        mode = min(mode, n)
        return lattice_entropy(lambda k: mp.log(mp.binomial(n, k)) + k * mp.log(p) + (n - k) * mp.log(q),
                               lambda k: (n - k) * p / ((k + 1) * q), mode, 0, n)
    if family == "negative_binomial":
        r, p = map(m, P)
        q = 1 - p
        mode = int(mp.floor((r - 1) * q / p)) if r > 1 else 0
        return lattice_entropy(lambda k: mp.loggamma(k + r) - mp.loggamma(r) - mp.loggamma(k + 1) + r * mp.log(p) + k * mp.log(q),
                               lambda k: (k + r) * q / (k + 1), mode, 0, None)
    if family == "mvnormal":
        d = len(P[0])
        return (d * (1 + mp.log(2 * mp.pi)) + mp.log(mp.det(mp.matrix(P[1])))) / 2
    raise ValueError(family)


def lattice_entropy(log_pmf, ratio_up, mode, lowest, highest):
    """-sum p ln p from the mode outwards, ln p carried by the exact ratios p(k+1)/p(k); stops at 1e-45 relative."""
    lp_mode = log_pmf(mode)
    total = mp.mpf(0)
    lp = lp_mode
    k = mode
    while highest is None or k <= highest:
        pk = mp.exp(lp)
        total += -pk * lp
        if k > mode and pk * (abs(lp) + 1) < mp.mpf(10) ** -45 * total:
            break
        if highest is not None and k == highest:
            break
        lp += mp.log(ratio_up(k))
        k += 1
    lp = lp_mode
    k = mode
    while k > lowest:
        lp -= mp.log(ratio_up(k - 1))
        k -= 1
        pk = mp.exp(lp)
        total += -pk * lp
        if pk * (abs(lp) + 1) < mp.mpf(10) ** -45 * total:
            break
    return total


# --- evaluation at two precisions ------------------------------------------------------------------------------

def evaluate(fn, params, base=BASE_DPS):
    extra = magnitude_digits(params)
    values = []
    for dps in (base + 2 * extra + 10, base + 2 * extra + 30):
        with mp.workdps(dps):
            values.append(fn())
    a, b = values
    if a == mp.inf or b == mp.inf:
        assert a == b, (params, a, b)
        return mp.inf
    with mp.workdps(base + 2 * extra + 30):
        if b != 0:
            assert abs(a - b) <= mp.mpf(10) ** -35 * abs(b), ("precision", params, a, b)
        return b


def fmt(v):
    if v == mp.inf:
        return "Infinity"
    if abs(v) > MAX_DOUBLE:
        return "overflow"
    if v == 0:
        return "0"
    return mp.nstr(v, 30, min_fixed=-1, max_fixed=-1)


# --- the cases ---------------------------------------------------------------------------------------------------

cases = []


def add_kl(name, family, P, Q):
    v = evaluate(lambda: kl(family, P, Q), [P, Q])
    cases.append({"name": name, "kind": "kl", "family": family, "p": P, "q": Q, "expected": fmt(v)})


def add_entropy(name, family, P):
    v = evaluate(lambda: entropy(family, P), [P])
    cases.append({"name": name, "kind": "entropy", "family": family, "p": P, "expected": fmt(v)})


def log_uniform(rng, lo, hi):
    return float(10 ** rng.uniform(lo, hi))


def main():
    rng = random.Random(20261201)

    # The adversarial review's cases.
    add_kl("review-beta-huge", "beta", [1e300, 1e300], [2.0, 2.0])
    add_kl("review-beta-tiny", "beta", [1e-300, 1e-300], [2.0, 2.0])
    add_kl("review-normal-tiny-sigma", "normal", [0.0, 1e-300], [0.0, 1.0])
    add_kl("review-exponential-tiny-rate-vs-gamma", "gamma", [1.0, 1e-308], [2.0, 1.0])
    add_kl("review-gamma-huge-shape", "gamma", [1e308, 1.0], [2.0, 1.0])
    add_entropy("review-gamma-huge-shape", "gamma", [1e308, 1.0])
    add_entropy("review-beta-2-1e20", "beta", [2.0, 1e20])
    add_entropy("review-beta-1e50", "beta", [1e50, 1e50])
    add_entropy("review-gamma-1e18", "gamma", [1e18, 1.0])
    add_entropy("review-binomial-1e9", "binomial", [1000000000, 0.3])
    add_entropy("review-poisson-1e300", "poisson", [1e300])

    # Ordinary points, every family (entropy of P, both KL directions).
    ordinary = {
        "normal": ([0.3, 1.7], [-1.2, 0.45]),
        "lognormal": ([0.2, 0.5], [-0.1, 0.8]),
        "exponential": ([2.0], [0.7]),
        "gamma": ([2.5, 1.5], [4.0, 0.8]),
        "beta": ([2.0, 5.0], [3.0, 3.0]),
        "laplace": ([0.0, 1.0], [0.5, 2.0]),
        "uniform": ([0.2, 0.7], [0.0, 1.0]),
        "pareto": ([1.5, 3.0], [1.0, 2.5]),
        "poisson": ([3.2], [5.5]),
        "binomial": ([20, 0.3], [20, 0.45]),
        "geometric": ([0.3], [0.5]),
        "negative_binomial": ([2.5, 0.4], [2.5, 0.25]),
    }
    for family, (P, Q) in ordinary.items():
        add_kl(f"{family}-ordinary", family, P, Q)
        add_kl(f"{family}-ordinary-reversed", family, Q, P)
        add_entropy(f"{family}-ordinary", family, P)
        add_entropy(f"{family}-ordinary-q", family, Q)

    # Small shapes, where densities have poles: gamma and beta below 1.
    add_kl("gamma-small-shapes", "gamma", [0.6, 1.0], [0.9, 2.0])
    add_kl("beta-small-shapes", "beta", [0.7, 1.5], [1.2, 0.9])
    add_kl("beta-half", "beta", [0.5, 0.5], [1.0, 1.0])
    add_entropy("beta-half", "beta", [0.5, 0.5])
    add_entropy("gamma-half", "gamma", [0.5, 3.0])

    # Near-equal pairs: relative steps 1e-3, 1e-8, 1e-12 in each parameter.
    near_bases = {
        "normal": [0.3, 1.7], "lognormal": [0.2, 0.5], "exponential": [2.0], "gamma": [2.5, 1.5],
        "beta": [2.0, 5.0], "laplace": [0.1, 1.3], "pareto": [1.5, 3.0], "poisson": [3.2],
        "geometric": [0.3], "uniform": [0.25, 1.5],
    }
    for family, base in near_bases.items():
        for step in (1e-3, 1e-8, 1e-12):
            for i in range(len(base)):
                Q = list(base)
                Q[i] = Q[i] * (1 + step) if Q[i] != 0 else step
                if family == "pareto" and i == 0:
                    Q[i] = base[i] * (1 - step)   # Q's scale below P's, so the divergence is finite
                if family == "uniform":
                    Q = [base[0] - step, base[1] + step] if i == 0 else [base[0], base[1] + step]
                add_kl(f"{family}-near-{step:g}-param{i}", family, base, Q)
    for step in (1e-3, 1e-8, 1e-12):
        add_kl(f"binomial-near-{step:g}", "binomial", [50, 0.3], [50, 0.3 * (1 + step)])
        add_kl(f"negative-binomial-near-{step:g}", "negative_binomial", [3.5, 0.4], [3.5, 0.4 * (1 + step)])
        add_kl(f"gamma-huge-near-{step:g}", "gamma", [1e10, 3.0], [1e10 * (1 + step), 3.0])
        add_kl(f"beta-huge-near-{step:g}", "beta", [1e10, 3e10], [1e10 * (1 + step), 3e10])
        add_kl(f"beta-tiny-near-{step:g}", "beta", [1e-5, 0.5], [1e-5 * (1 + step), 0.5])
        add_kl(f"gamma-tiny-near-{step:g}", "gamma", [1e-5, 0.5], [1e-5 * (1 + step), 0.5])
        add_kl(f"gamma-both-near-{step:g}", "gamma", [0.7, 2.0], [0.7 * (1 + step), 2.0 * (1 - step)])

    # Extremes of each parameter.
    for s in (1e-300, 1e-100, 1e-8, 1e8, 1e100, 1e300):
        add_entropy(f"normal-sigma-{s:g}", "normal", [0.0, s])
        add_kl(f"normal-sigma-{s:g}-vs-1", "normal", [0.0, s], [0.0, 1.0])
        add_kl(f"normal-1-vs-sigma-{s:g}", "normal", [0.0, 1.0], [0.0, s])
        add_entropy(f"exponential-{s:g}", "exponential", [s])
        add_kl(f"exponential-{s:g}-vs-1", "exponential", [s], [1.0])
        add_entropy(f"laplace-b-{s:g}", "laplace", [1.0, s])
        add_kl(f"laplace-{s:g}-vs-1", "laplace", [0.0, s], [1.0, 1.0])
        add_entropy(f"gamma-shape-{s:g}", "gamma", [s, 1.0])
        add_entropy(f"gamma-rate-{s:g}", "gamma", [2.0, s])
        add_kl(f"gamma-shape-{s:g}-vs-2", "gamma", [s, 1.0], [2.0, 1.0])
        add_kl(f"gamma-2-vs-shape-{s:g}", "gamma", [2.0, 1.0], [s, 1.0])
        add_kl(f"gamma-same-mean-{s:g}", "gamma", [s, s], [2.0, 2.0])
        add_entropy(f"beta-a-{s:g}", "beta", [s, 2.0])
        add_entropy(f"beta-both-{s:g}", "beta", [s, s])
        add_kl(f"beta-both-{s:g}-vs-2", "beta", [s, s], [2.0, 2.0])
        add_kl(f"beta-2-vs-both-{s:g}", "beta", [2.0, 2.0], [s, s])
        add_kl(f"beta-a-{s:g}-vs-a-2", "beta", [s, 3.0], [2.0, 3.0])
        add_kl(f"beta-mixed-{s:g}", "beta", [s, 1 / s], [2.0, 1 / s])
        add_entropy(f"pareto-shape-{s:g}", "pareto", [1.0, s])
        add_entropy(f"pareto-scale-{s:g}", "pareto", [s, 2.0])
        add_kl(f"pareto-shape-{s:g}-vs-2", "pareto", [1.0, s], [1.0, 2.0])
        add_kl(f"poisson-{s:g}-vs-1", "poisson", [s], [1.0])
        add_kl(f"poisson-1-vs-{s:g}", "poisson", [1.0], [s])
        add_entropy(f"uniform-width-{s:g}", "uniform", [0.0, s])
        add_entropy(f"lognormal-sigma-{s:g}", "lognormal", [1.0, s])
    for lam in (1e-300, 1e-10, 0.01, 1.0, 37.5, 1e3, 99999.0, 1e5 + 1, 1e6, 1e12, 1e300):
        add_entropy(f"poisson-{lam:g}", "poisson", [lam])
    for n, p in ((1, 0.5), (10, 1e-300), (100, 1 - 1e-12), (1000, 0.5), (10 ** 5, 1e-7), (10 ** 7, 0.01),
                 (2 ** 31 - 1, 0.5), (2 ** 31 - 1, 1e-9), (5000000, 0.2)):
        add_entropy(f"binomial-{n}-{p:g}", "binomial", [n, p])
    for p in (1e-300, 1e-10, 0.5, 1 - 1e-10, 1.0):
        add_entropy(f"geometric-{p:g}", "geometric", [p])
        add_kl(f"geometric-{p:g}-vs-0.5", "geometric", [p], [0.5])
        add_kl(f"binomial-{p:g}-vs-0.5", "binomial", [1000, p], [1000, 0.5])
    add_kl("binomial-zero-vs-positive", "binomial", [10, 0.0], [10, 0.3])
    add_kl("binomial-positive-vs-zero", "binomial", [10, 0.3], [10, 0.0])
    add_kl("binomial-tiny-probabilities", "binomial", [10 ** 6, 1e-20], [10 ** 6, 2e-20])
    add_kl("binomial-near-one", "binomial", [10 ** 6, 1 - 1e-12], [10 ** 6, 1 - 2e-12])
    for r, p in ((0.5, 0.5), (2.5, 0.01), (40.0, 0.9), (1e7, 0.5), (1e3, 1e-3), (3.0, 1 - 1e-9)):
        add_entropy(f"negative-binomial-{r:g}-{p:g}", "negative_binomial", [r, p])
    add_kl("uniform-outside", "uniform", [0.0, 2.0], [0.0, 1.0])
    add_kl("uniform-wide", "uniform", [-1e308, 1e308], [-1.5e308, 1.5e308])
    add_kl("pareto-outside", "pareto", [1.0, 2.0], [1.5, 2.0])
    add_kl("normal-overflow", "normal", [0.0, 1e300], [0.0, 1e-300])
    add_kl("normal-far-means", "normal", [-1e154, 1.0], [1e154, 1.0])
    add_kl("lognormal-700", "lognormal", [700.0, 1.0], [0.0, 1.0])

    # Random pairs, log-uniform over wide ranges (same-family KL, both directions, and entropies).
    for i in range(12):
        a = [log_uniform(rng, -8, 8) for _ in range(4)]
        add_kl(f"random-gamma-{i}", "gamma", [a[0], a[1]], [a[2], a[3]])
        b = [log_uniform(rng, -8, 8) for _ in range(4)]
        add_kl(f"random-beta-{i}", "beta", [b[0], b[1]], [b[2], b[3]])
        add_entropy(f"random-beta-{i}", "beta", [b[0], b[1]])
        add_entropy(f"random-gamma-{i}", "gamma", [a[0], a[1]])
        s = [log_uniform(rng, -100, 100) for _ in range(2)]
        add_kl(f"random-normal-{i}", "normal", [rng.uniform(-3, 3) * s[0], s[0]], [rng.uniform(-3, 3) * s[1], s[1]])
        lam = [log_uniform(rng, -50, 50) for _ in range(2)]
        add_kl(f"random-poisson-{i}", "poisson", [lam[0]], [lam[1]])
        lap = [log_uniform(rng, -50, 50) for _ in range(2)]
        add_kl(f"random-laplace-{i}", "laplace", [rng.uniform(-2, 2) * lap[0], lap[0]], [rng.uniform(-2, 2) * lap[1], lap[1]])

    # Multivariate normals.
    add_kl("mvnormal-3d", "mvnormal", [[0.0, 0.0, 0.0], [[1.0, 0.3, 0.0], [0.3, 1.0, 0.2], [0.0, 0.2, 1.0]]],
           [[1.0, -0.5, 0.2], [[2.0, 0.0, 0.4], [0.0, 1.5, 0.0], [0.4, 0.0, 1.0]]])
    add_kl("mvnormal-near", "mvnormal", [[0.0, 0.0], [[1.0, 0.5], [0.5, 2.0]]],
           [[1e-9, 0.0], [[1.0 + 1e-9, 0.5], [0.5, 2.0]]])
    add_kl("mvnormal-tiny-scale", "mvnormal", [[0.0, 0.0], [[1e-300, 0.0], [0.0, 4e-300]]],
           [[0.0, 0.0], [[1.0, 0.0], [0.0, 1.0]]])
    add_entropy("mvnormal-3d", "mvnormal", [[0.0, 0.0, 0.0], [[1.0, 0.3, 0.0], [0.3, 1.0, 0.2], [0.0, 0.2, 1.0]]])
    add_entropy("mvnormal-tiny-scale", "mvnormal", [[0.0, 0.0], [[1e-300, 0.0], [0.0, 4e-300]]])

    json.dump({
        "description": "D(P||Q) (kind kl) and entropies (kind entropy) in nats, 30 significant digits, from "
                       "tests/reference/make_continuous_cases.py (mpmath, at least 50 digits). Parameters are the exact "
                       "doubles given. 'Infinity': P has mass where Q has none; 'overflow': finite but beyond the largest double.",
        "cases": cases,
    }, sys.stdout, indent=1, ensure_ascii=False)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
