#!/usr/bin/python3
"""Generates tests/Kullback.Tests/Data/estimator-cases.json: entropy, KL and mutual-information estimates from counts,
computed independently of the library.

- plug-in, Miller-Madow, Grassberger (2003, G(n) = psi(n) + (1/2)(-1)^n [psi((n+1)/2) - psi(n/2)]) and Chao-Shen
  (as R's entropy::entropy.ChaoShen: f1 = N taken as N - 1) with mpmath at 50 digits from the exact integer counts;
- NSB: the posterior mean and standard deviation, integrated with mpmath over t = ln(beta) at 30 digits, and, when the
  Python package ndd (https://github.com/simomarsili/ndd, Fortran core, built locally with f2py) can be imported, ndd's
  own values (which integrate to 1e-3 relative tolerance, so they are a cross-check, not a golden value);
- KL between two samples' counts: the plug-in and the first-order bias (m_P - 1)/(2N) + (sum p/q - 1)/(2M);
- mutual information of a table: the plug-in and the Miller-Madow term (m_XY - m_X - m_Y + 1)/(2N).

    PYTHONPATH=/path/to/built/ndd /usr/bin/python3 tests/reference/make_estimator_cases.py > tests/Kullback.Tests/Data/estimator-cases.json
"""
import json, sys
from mpmath import mp, mpf, log, digamma, psi, loggamma, exp, quad, nstr, inf

mp.dps = 50

import subprocess

try:
    import ndd.fnsb  # noqa: F401
    HAVE_NDD = True
except ImportError:
    HAVE_NDD = False


def ndd_nsb(positive, k):
    """ndd's NSB in a child process: its Fortran core stops the whole process when its maximisation fails."""
    code = "import sys, ndd.fnsb; m, e = ndd.fnsb.nsb(%r, %r); print(repr(float(m)), repr(float(e)))" % (positive, k)
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    if run.returncode != 0 or not run.stdout.strip():
        return None
    return run.stdout.split()


def s(x):
    return nstr(x, 30)


def plug_in(counts):
    n = mpf(sum(counts))
    return -sum((c / n) * log(c / n) for c in counts if c > 0)


def miller_madow(counts):
    n = sum(counts)
    m = sum(1 for c in counts if c > 0)
    return plug_in(counts) + mpf(m - 1) / (2 * n)


def grassberger_g(c):
    c = mpf(c)
    return digamma(c) + mpf(1) / 2 * (-1) ** int(c) * (digamma((c + 1) / 2) - digamma(c / 2))


def grassberger(counts):
    n = mpf(sum(counts))
    h = log(n) - sum(c * grassberger_g(c) for c in counts if c > 0) / n
    return max(h, mpf(0))


def chao_shen(counts):
    y = [mpf(c) for c in counts if c > 0]
    n = sum(y)
    f1 = sum(1 for c in y if c == 1)
    if f1 == n:
        f1 = n - 1
    coverage = 1 - f1 / n
    h = mpf(0)
    for c in y:
        pa = coverage * c / n
        la = 1 - (1 - pa) ** n
        if pa != 1:
            h -= pa * log(pa) / la
    return h


def nsb(counts, k):
    """Posterior mean and sd of H under the NSB mixture, integrated over t = ln(beta)."""
    with mp.workdps(30):
        n = mpf(sum(counts))
        k = mpf(k)
        distinct = sorted(set(c for c in counts if c > 0))
        observed = [mpf(c) for c in distinct]
        times = [mpf(sum(1 for c in counts if c == d)) for d in distinct]
        unseen = k - sum(times)
        if k == 1:
            return mpf(0), mpf(0)

        def log_weight(t):
            b = exp(t)
            prior = k * psi(1, k * b + 1) - psi(1, b + 1)
            evidence = loggamma(k * b) - loggamma(n + k * b) + sum(t * (loggamma(c + b) - loggamma(b)) for c, t in zip(observed, times))
            return log(prior) + evidence + t

        def moments(t):
            b = exp(t)
            a = [c + b for c in observed] + ([b] if unseen > 0 else [])
            z = times + ([unseen] if unseen > 0 else [])
            nu = n + k * b
            mean = digamma(nu + 1) - sum(zi * ai / nu * digamma(ai + 1) for ai, zi in zip(a, z))
            c = psi(1, nu + 2)
            phi = [digamma(ai + 1) - digamma(nu + 2) for ai in a]
            s1 = sum(zi * ai * ph for ai, zi, ph in zip(a, z, phi))
            second = s1 * s1 - c * nu * nu
            for ai, zi, ph in zip(a, z, phi):
                second -= zi * ai * ai * (ph * ph - c)
                second += zi * ai * (ai + 1) * ((ph + 1 / (ai + 1)) ** 2 + psi(1, ai + 2) - c)
            return mean, second / (nu * (nu + 1))

        grid = [mpf(t) / 2 for t in range(-80, 81)]
        values = [log_weight(t) for t in grid]
        peak_index = max(range(len(grid)), key=lambda i: values[i])
        peak = values[peak_index]
        inside = [grid[i] for i in range(len(grid)) if values[i] > peak - 60]
        lo, hi, mode = inside[0] - 1, inside[-1] + 1, grid[peak_index]
        points = sorted(set([lo, mode - 2, mode - mpf(1) / 2, mode, mode + mpf(1) / 2, mode + 2, hi]))
        points = [p for p in points if lo <= p <= hi]
        w = lambda t: exp(log_weight(t) - peak)
        norm = quad(w, points)
        first = quad(lambda t: w(t) * moments(t)[0], points)
        second = quad(lambda t: w(t) * moments(t)[1], points)
        mean = first / norm
        return mean, mp.sqrt(second / norm - mean * mean)


def kl_plug_in(p, q):
    n, m = mpf(sum(p)), mpf(sum(q))
    total = mpf(0)
    for a, b in zip(p, q):
        if a == 0:
            continue
        if b == 0:
            return inf
        total += (a / n) * log((a / n) / (b / m))
    return total


def kl_bias(p, q):
    n, m = mpf(sum(p)), mpf(sum(q))
    observed = sum(1 for a in p if a > 0)
    ratios = sum((a / n) / (b / m) for a, b in zip(p, q) if a > 0)
    return (observed - 1) / (2 * n) + (ratios - 1) / (2 * m)


def mi_plug_in(table):
    n = mpf(sum(sum(r) for r in table))
    rows = [mpf(sum(r)) for r in table]
    cols = [mpf(sum(r[j] for r in table)) for j in range(len(table[0]))]
    return sum((v / n) * log(v * n / (rows[i] * cols[j])) for i, r in enumerate(table) for j, v in enumerate(r) if v > 0)


def mi_bias(table):
    n = sum(sum(r) for r in table)
    cells = sum(1 for r in table for v in r if v > 0)
    rows = sum(1 for r in table if sum(r) > 0)
    cols = sum(1 for j in range(len(table[0])) if sum(r[j] for r in table) > 0)
    return mpf(cells - rows - cols + 1) / (2 * n)


def lcg(seed, count, modulus):
    out, x = [], seed
    for _ in range(count):
        x = (6364136223846793005 * x + 1442695040888963407) % 2**64
        out.append((x >> 33) % modulus)
    return out


entropy_counts = {
    "ndd-docstring": ([4, 12, 4, 5, 3, 1, 5, 1, 2, 2, 2, 2, 11, 3, 4, 12, 12, 1, 2], [None, 100, 1000]),
    "space-worm-teeth": ([2, 3, 5, 14, 16, 15, 12, 8, 10, 8, 7], [None, 20]),
    "all-singletons": ([1, 1, 1, 1, 1], [None, 50]),
    "one-dominant": ([1000000, 1], [None]),
    "single-category": ([7], [None, 3]),
    "single-even": ([2], [None]),
    "unseen-zeros": ([0, 3, 0, 1, 1, 5], [None, 10]),
    "two-halves": ([50, 50], [None]),
    "ramp-30": (list(range(1, 31)), [None]),
    "large-counts": ([123456789, 987654321, 5], [None]),
    "pseudo-random-200": (lcg(17, 200, 7), [None, 400]),
    "one-observation": ([0, 1, 0], [None]),
}

entropy_cases = []
for name, (counts, ks) in entropy_counts.items():
    case = {"name": name, "counts": counts,
            "plug_in": s(plug_in(counts)), "miller_madow": s(miller_madow(counts)),
            "grassberger": s(grassberger(counts)), "chao_shen": s(chao_shen(counts)), "nsb": []}
    for k in ks:
        kk = len(counts) if k is None else k
        if sum(counts) > 10**7:
            continue   # NSB at N ~ 1e9 is a point mass; mpmath's grid is too coarse for it
        mean, sd = nsb(counts, kk)
        row = {"k": k, "mean": s(mean), "sd": s(sd)}
        if HAVE_NDD:
            positive = [c for c in counts if c > 0]
            result = ndd_nsb(positive, kk)
            if result is not None:
                row["ndd_mean"], row["ndd_sd"] = result
        case["nsb"].append(row)
    entropy_cases.append(case)

kl_pairs = {
    "teeth-vs-uniform-sample": ([2, 3, 5, 14, 16, 15, 12, 8, 10, 8, 7], [9, 10, 8, 11, 9, 7, 10, 12, 8, 9, 7]),
    "identical": ([5, 3, 2], [5, 3, 2]),
    "proportional": ([10, 6, 4], [5, 3, 2]),
    "q-misses-one": ([5, 3, 2], [5, 5, 0]),
    "p-misses-one": ([5, 0, 2], [5, 5, 1]),
    "unequal-sizes": ([120, 40, 30, 10], [3, 2, 4, 1]),
}
kl_cases = []
for name, (p, q) in kl_pairs.items():
    plug = kl_plug_in(p, q)
    case = {"name": name, "p": p, "q": q, "plug_in": "Infinity" if plug == inf else s(plug)}
    if plug != inf:
        bias = kl_bias(p, q)
        case["bias"] = s(bias)
        case["miller_madow"] = s(max(plug - bias, mpf(0)))
    kl_cases.append(case)

tables = {
    "independent-2x3": [[10, 20, 30], [20, 40, 60]],
    "diagonal-3": [[7, 0, 0], [0, 5, 0], [0, 0, 9]],
    "mixed-3x4": [[12, 3, 0, 5], [2, 9, 4, 1], [0, 1, 8, 6]],
    "single-row": [[3, 4, 5]],
}
mi_cases = []
for name, table in tables.items():
    plug = mi_plug_in(table)
    bias = mi_bias(table)
    mi_cases.append({"name": name, "rows": len(table), "columns": len(table[0]), "counts": [v for r in table for v in r],
                     "plug_in": s(plug), "bias": s(bias), "miller_madow": s(max(plug - bias, mpf(0)))})

json.dump({"about": "Generated by tests/reference/make_estimator_cases.py: estimators from counts with mpmath (50 digits; NSB by "
                    "quadrature at 30 digits) and, for NSB, the ndd package's values" + ("" if HAVE_NDD else " (ndd not available)") + ".",
           "entropy": entropy_cases, "kullback_leibler": kl_cases, "mutual_information": mi_cases}, sys.stdout, indent=1)
