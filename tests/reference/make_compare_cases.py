#!/usr/bin/python3
"""Generates tests/Kullback.Tests/Data/compare-cases.json: reference values for `kullback compare`'s statistics from
independent implementations. Needs Debian's python3-numpy, python3-scipy and python3-mpmath:

    /usr/bin/python3 tests/reference/make_compare_cases.py > tests/Kullback.Tests/Data/compare-cases.json

- scipy.stats.ks_2samp (method="exact" and "asymp"), scipy.stats.kstwo.sf, scipy.stats.cramervonmises_2samp (auto and
  asymptotic), scipy.stats.wasserstein_distance and numpy.std (ddof=0), scipy.stats.chi2_contingency(lambda_=
  "log-likelihood", correction=False) on the 2 x B table with bins empty in both samples dropped;
- mpmath at 60 digits: G = 2·N·I(sample; bin) and its chi-square upper tail (far past where 1 - CDF has any digit),
  the limiting Cramér–von Mises upper tail (Smirnov's integral), and the smoothed binned measures (KL both ways, PSI,
  Jensen–Shannon, Hellinger, total variation);
- Holm's correction by its definition, written out here.

Samples are stored grouped (distinct values with both samples' counts) so that large cases stay small.
"""
import json, math
from fractions import Fraction
import numpy as np
import mpmath as mp
from scipy import stats

mp.mp.dps = 60
rng = np.random.default_rng(20261201)


def grouped(x, y):
    values = np.unique(np.concatenate([x, y]))
    rx = np.searchsorted(values, x); ry = np.searchsorted(values, y)
    return ([float(v) for v in values], [int(c) for c in np.bincount(rx, minlength=len(values))],
            [int(c) for c in np.bincount(ry, minlength=len(values))])


def f(v):
    return "Infinity" if v == math.inf else repr(float(v))


def m(v):
    return mp.nstr(v, 40, min_fixed=-mp.inf, max_fixed=mp.inf) if v != mp.inf else "Infinity"


# Limiting Cramér–von Mises upper tail: Smirnov's integral at 60 digits (and scipy's 1 - CDF where it has digits).
def cvm_tail(x):
    """Smirnov: P(w2 >= x) = (1/pi) sum_j (-1)^(j+1) int_{(2j-1)pi}^{2j pi} sqrt(-t/sin t) exp(-x t^2/2) (2/t) dt, each
    interval split at its midpoint and each half taken as t = end -/+ s^2 (smooth in s), exp(-x a^2/2) factored out."""
    x = mp.mpf(x); total = mp.mpf(0); a1 = mp.pi
    for j in range(1, 400):
        a = (2 * j - 1) * mp.pi; b = 2 * j * mp.pi; half = mp.sqrt(mp.pi / 2)
        def left(s):
            t = a + s * s
            return mp.sqrt(t / mp.sin(s * s)) * mp.exp(-x * (t * t - a1 * a1) / 2) * (2 / t) * 2 * s
        def right(s):
            t = b - s * s
            return mp.sqrt(t / mp.sin(s * s)) * mp.exp(-x * (t * t - a1 * a1) / 2) * (2 / t) * 2 * s
        width = 1 / mp.sqrt(x * a)
        pts = sorted(set([mp.mpf(0)] + [min(half, width * k) for k in (0.25, 0.5, 1, 2, 4, 8, 16)] + [half]))
        I = mp.quad(left, pts) + mp.quad(right, mp.linspace(0, half, 5))
        total += I if j % 2 == 1 else -I
        if abs(I) < mp.mpf(10) ** -70 * abs(total):
            break
    return total * mp.exp(-x * a1 * a1 / 2) / mp.pi


samples = []
def add_samples(name, x, y, cvm=True):
    x = np.asarray(x, dtype=float); y = np.asarray(y, dtype=float)
    values, r, c = grouped(x, y)
    case = {"name": name, "values": values, "reference": r, "current": c}
    exact = stats.ks_2samp(x, y, method="exact") if max(len(x), len(y)) <= 10000 or len(x) == len(y) else None
    asymp = stats.ks_2samp(x, y, method="asymp")
    auto = stats.ks_2samp(x, y)
    case["ks_statistic"] = f(auto.statistic)
    case["ks_auto_method"] = "exact" if max(len(x), len(y)) <= 10000 else "asymptotic"
    case["ks_auto_pvalue"] = f(auto.pvalue)
    if exact is not None:
        case["ks_exact_pvalue"] = f(exact.pvalue)
    case["ks_asymptotic_pvalue"] = f(asymp.pvalue)
    case["wasserstein"] = f(stats.wasserstein_distance(x, y))
    case["reference_std"] = f(np.std(x))
    if cvm and len(x) >= 2 and len(y) >= 2:
        res = stats.cramervonmises_2samp(x, y)
        case["cvm_statistic"] = f(res.statistic)
        case["cvm_auto_method"] = "exact" if max(len(x), len(y)) <= 20 else "asymptotic"
        case["cvm_auto_pvalue"] = f(res.pvalue)
        case["cvm_asymptotic_pvalue"] = f(stats.cramervonmises_2samp(x, y, method="asymptotic").pvalue)
        # The same statistic exactly (rational arithmetic on scipy's midranks) and its limiting tail at 60 digits:
        # scipy's 1 - CDF has no digits below about 1e-7.
        nx, ny = len(x), len(y); k, N = nx * ny, nx + ny
        ranks = stats.rankdata(np.concatenate([np.sort(x), np.sort(y)]), method="average")   # as scipy: sorted samples
        twice = [int(round(2 * v)) for v in ranks]
        u4 = nx * sum((twice[i] - 2 * (i + 1)) ** 2 for i in range(nx)) + ny * sum((twice[nx + j] - 2 * (j + 1)) ** 2 for j in range(ny))
        t_exact = Fraction(u4, 4 * k * N) - Fraction(4 * k - 1, 6 * N)
        case["cvm_statistic_exact"] = m(mp.mpf(t_exact.numerator) / t_exact.denominator)
        et = (1 + mp.mpf(1) / N) / 6
        vt = mp.mpf(N + 1) * (4 * k * N - 3 * (nx ** 2 + ny ** 2) - 2 * k) / (45 * mp.mpf(N) ** 2 * 4 * k)
        tn = mp.mpf(1) / 6 + (mp.mpf(t_exact.numerator) / t_exact.denominator - et) / mp.sqrt(45 * vt)
        case["cvm_asymptotic_pvalue_60"] = m(cvm_tail(tn) if tn >= mp.mpf("0.003") else mp.mpf(1))
    samples.append(case)


add_samples("tiny-distinct", [0.1, 0.5, 0.9, 1.3], [0.2, 0.6, 1.8])
add_samples("equal-sizes-8", rng.normal(0, 1, 8), rng.normal(0.8, 1, 8))
add_samples("small-shift-15-12", rng.normal(0, 1, 15), rng.normal(0.5, 1.3, 12))
add_samples("ties-small", rng.integers(0, 5, 12), rng.integers(1, 6, 17))
add_samples("cvm-exact-edge-20-20", rng.normal(0, 1, 20), rng.normal(0.3, 1, 20))
add_samples("cvm-exact-19-7", rng.exponential(1, 19), rng.exponential(1.5, 7))
add_samples("moderate-300-200", rng.normal(0, 1, 300), rng.normal(0.1, 1, 200))
add_samples("moderate-ties-400-350", np.round(rng.normal(0, 1, 400), 1), np.round(rng.normal(0.05, 1.1, 350), 1))
add_samples("equal-sizes-1000", rng.normal(0, 1, 1000), rng.normal(0.12, 1, 1000))
add_samples("unequal-2000-777", rng.gamma(2, 1, 2000), rng.gamma(2.2, 1, 777))
add_samples("strong-shift-600-500", rng.normal(0, 1, 600), rng.normal(1.5, 1, 500))
add_samples("identical", [1.0, 2.0, 2.0, 3.5, 7.0], [1.0, 2.0, 2.0, 3.5, 7.0])
add_samples("one-value-each", [3.0, 3.0, 3.0], [3.0, 3.0])
add_samples("disjoint", [1.0, 2.0, 3.0], [10.0, 11.0, 12.0, 13.0])
add_samples("large-rounded-30000-20000", np.round(rng.normal(0, 1, 30000), 2), np.round(rng.normal(0.02, 1, 20000), 2))
add_samples("large-small-current-50000-60", np.round(rng.normal(0, 1, 50000), 2), np.round(rng.normal(0.3, 1, 60), 2))
add_samples("large-shift-40000-30000", np.round(rng.normal(0, 1, 40000), 2), np.round(rng.normal(0.1, 1, 30000), 2))

# kstwo.sf over its regimes (Ruben–Gambino ends, Durbin matrix, Smirnov sum, Pelz–Good).
kstwo = []
for n, d in [(5, 0.15), (5, 0.3), (10, 0.08), (10, 0.35), (10, 0.95), (40, 0.1), (40, 0.2), (40, 0.45), (40, 0.6),
             (100, 0.05), (100, 0.12), (100, 0.25), (140, 0.3), (141, 0.02), (500, 0.02), (500, 0.05), (500, 0.1),
             (2000, 0.01), (2000, 0.04), (20000, 0.005), (20000, 0.012), (20000, 0.03), (150000, 0.002), (150000, 0.0045),
             (2_000_000, 0.0005), (2_000_000, 0.0012), (1000, 0.01), (20000, 0.0015), (100000, 0.0008)]:
    kstwo.append({"n": n, "d": f(d), "sf": f(stats.kstwo.sf(d, n))})

cvm_limit = [{"x": f(x), "sf": m(cvm_tail(x))} for x in [0.01, 0.05, 0.1, 0.3, 0.4999, 0.5, 0.8, 1.5, 3, 6, 12, 25, 43, 70, 140]]

# G-test of homogeneity.
def g_reference(r, c):
    keep = [i for i in range(len(r)) if r[i] + c[i] > 0]
    r = [r[i] for i in keep]; c = [c[i] for i in keep]
    n1, n2 = sum(r), sum(c); N = n1 + n2
    G = mp.mpf(0)
    for obs_row, n_s in ((r, n1), (c, n2)):
        for o, t in zip(obs_row, [a + b for a, b in zip(r, c)]):
            if o > 0:
                G += 2 * o * mp.log(mp.mpf(o) * N / (mp.mpf(n_s) * t))
    df = len(r) - 1
    p = mp.gammainc(mp.mpf(df) / 2, G / 2, regularized=True) if df > 0 and G > 0 else mp.mpf(1)
    out = {"reference": [int(v) for v in r], "current": [int(v) for v in c], "g": m(G), "df": df, "p": m(p), "mi_nats": m(G / (2 * N))}
    if df > 0 and all(a + b > 0 for a, b in zip(r, c)):
        stat, pv, dof, _ = stats.chi2_contingency(np.array([r, c]), lambda_="log-likelihood", correction=False)
        out["scipy_g"] = f(stat); out["scipy_p"] = f(pv); out["scipy_df"] = int(dof)
    return out

gtests = []
for name, r, c in [("small", [10, 20, 30], [12, 18, 35]),
                   ("different-sizes", [100, 250, 400, 250], [10, 30, 35, 25]),
                   ("empty-in-both-dropped", [5, 0, 7, 9], [4, 0, 8, 2]),
                   ("new-category", [50, 50, 0], [40, 45, 30]),
                   ("near-identical-large", [1000000, 2000000, 3000001], [1000001, 2000000, 3000000]),
                   ("proportional", [10, 20, 30], [20, 40, 60]),
                   ("huge-shift", [100000, 100000, 10], [10, 100000, 100000]),
                   ("one-bin", [17, 0], [5, 0]),
                   ("many-bins", [int(v) for v in rng.integers(0, 500, 40)], [int(v) for v in rng.integers(0, 600, 40)]),
                   ("tail-1e-50", [5000, 5000], [5000, 6300]),
                   ("tail-1e-179", [20000, 20000, 20000], [20000, 27000, 29000]),
                   ("tail-1e-242", [50000, 50000, 50000, 50000], [50000, 58000, 62000, 66000]),
                   ("tail-1e-300", [60000, 60000, 60000, 60000], [60000, 70000, 75000, 80000])]:
    case = g_reference(r, c); case["name"] = name; gtests.append(case)

# Binned measures with pseudocount smoothing, at 60 digits.
def measures(r, c, a):
    B = len(r)
    rs = [mp.mpf(v) + mp.mpf(a) for v in r]; cs = [mp.mpf(v) + mp.mpf(a) for v in c]
    R = sum(rs); C = sum(cs); p = [v / R for v in rs]; q = [v / C for v in cs]
    def kl(p, q):
        s = mp.mpf(0)
        for pi, qi in zip(p, q):
            if pi == 0: continue
            if qi == 0: return mp.inf
            s += pi * mp.log(pi / qi)
        return s
    js = mp.mpf(0)
    for pi, qi in zip(p, q):
        mi = (pi + qi) / 2
        if pi > 0: js += pi * mp.log(pi / mi) / 2
        if qi > 0: js += qi * mp.log(qi / mi) / 2
    bc = sum(mp.sqrt(pi * qi) for pi, qi in zip(p, q))
    hel = mp.sqrt(max(mp.mpf(0), 1 - bc))
    tv = sum(abs(pi - qi) for pi, qi in zip(p, q)) / 2
    f_ = kl(p, q); b_ = kl(q, p)
    return {"kl_reference_current": m(f_), "kl_current_reference": m(b_), "psi": m(f_ + b_ if f_ != mp.inf and b_ != mp.inf else mp.inf),
            "js_divergence": m(js), "js_distance": m(mp.sqrt(js)), "hellinger": m(hel), "total_variation": m(tv)}

binned = []
for name, r, c, a in [("jeffreys-small", [10, 20, 30, 0], [12, 18, 35, 3], 0.5),
                      ("none-finite", [10, 20, 30], [12, 18, 35], 0.0),
                      ("none-infinite", [10, 20, 0], [12, 18, 35], 0.0),
                      ("laplace-different-sizes", [100, 250, 400, 250, 0], [10, 30, 35, 25, 1], 1.0),
                      ("tiny-pseudocount", [5, 0, 7, 9], [4, 1, 8, 2], 1e-6),
                      ("near-identical", [1000000, 2000000, 3000001], [1000001, 2000000, 3000000], 0.5),
                      ("one-bin", [17], [5], 0.5)]:
    case = {"name": name, "reference": r, "current": c, "pseudocount": f(a)}; case.update(measures(r, c, a)); binned.append(case)

# Holm's correction by its definition: sort ascending, multiply the i-th smallest by (m - i + 1), cap at 1, running maximum.
def holm(p):
    order = sorted(range(len(p)), key=lambda i: (p[i], i))
    out = [0.0] * len(p); running = 0.0
    for rank, i in enumerate(order):
        running = max(running, min(1.0, (len(p) - rank) * p[i]))
        out[i] = running
    return out

holm_cases = [{"p": p, "adjusted": holm(p)} for p in
              [[0.01, 0.04, 0.03, 0.005], [0.5], [0.0, 1.0, 0.2], [0.02, 0.02, 0.02], [1e-300, 0.049, 0.011, 0.3, 0.012, 0.9]]]

print(json.dumps({"samples": samples, "kstwo": kstwo, "cvm_limit": cvm_limit, "gtests": gtests, "binned": binned, "holm": holm_cases}, indent=1))
