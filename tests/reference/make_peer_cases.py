#!/usr/bin/python3
"""Inputs and reference values for the translations of the peers' own test suites (tests/Kullback.Tests/Peers/).

    /usr/bin/python3 tests/reference/make_peer_cases.py > tests/Kullback.Tests/Data/peer-cases.json

Needs Debian's python3 with numpy (for scipy's seeded samples) and mpmath. For each philentropy test of
tests/testthat/test-distances.R (drostlab/philentropy 9e171b2) it records the inputs, the value the R test expects
(its own formula, evaluated here in binary64 exactly as R does, on the raw, unnormalised vectors) and the exact value on
the normalised vectors (mpmath at 80 digits via make_more_cases.py), so that the C# tests can assert the exact value and
say where the peer's expectation differs. For scipy's differential_entropy(method="vasicek") tests it records the samples
of np.random.RandomState(0).standard_normal.
"""
import json, math, os, sys
from fractions import Fraction
import mpmath as mp
import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import make_more_cases as more   # noqa: E402  (exact definitions, 80 digits)

mp.mp.dps = 80
FILE = "tests/testthat/test-distances.R"


def exact(measure, p, q):
    P, Q = more.normalise(p), more.normalise(q)
    if measure == "kullback_leibler":
        return more.INF if any(x > 0 and y == 0 for x, y in zip(P, Q)) else more.kl(P, Q)
    if measure == "jeffreys":
        return exact("kullback_leibler", p, q) + exact("kullback_leibler", q, p)
    if measure == "bhattacharyya":
        return -mp.log(mp.fsum(mp.sqrt(more.real(x * y)) for x, y in zip(P, Q)))
    if measure == "hellinger_philentropy":   # philentropy's 2·√(1 − Σ√(pq)) = 2·(Hellinger distance)
        return 2 * mp.sqrt(1 - mp.fsum(mp.sqrt(more.real(x * y)) for x, y in zip(P, Q)))
    return more.more_measures(p, q)[measure]


def r_value(measure, P, Q, log):
    """The R test's own expectation (its formula and its special cases for zeros), in binary64 on the raw vectors."""
    pairs = list(zip(P, Q))
    if measure == "triangular_discrimination":
        return sum((x - y) ** 2 / (x + y) for x, y in pairs if not ((x - y) ** 2 == 0 and x + y == 0))
    if measure == "probabilistic_symmetric_chi2":
        return 2 * r_value("triangular_discrimination", P, Q, log)
    if measure == "divergence_distance":
        return 2 * sum((x - y) ** 2 / (x + y) ** 2 for x, y in pairs if not ((x - y) ** 2 == 0 and (x + y) ** 2 == 0))
    if measure == "clark":
        return math.sqrt(sum((abs(x - y) / (x + y)) ** 2 for x, y in pairs if not (abs(x - y) == 0 and x + y == 0)))
    if measure == "additive_symmetric_chi2":
        return sum((x - y) ** 2 * ((x + y) / (x * y)) for x, y in pairs if not (x + y == 0 or x * y == 0))
    if measure == "kullback_leibler":
        return sum(x * log(x / (y if y > 0 else 0.00001)) for x, y in pairs if x > 0)
    if measure == "jeffreys":
        ratio = [x / y for x, y in pairs]
        ratio = [r if r != 0 else 0.00001 for r in ratio]
        return sum((x - y) * log(r) for (x, y), r in zip(pairs, ratio))
    if measure == "k_divergence":
        return sum(x * log(2 * x / (x + y)) for x, y in pairs if x > 0)
    if measure == "taneja":
        total = 0.0
        for x, y in pairs:
            if x == 0 and y == 0:
                continue
            d = 2 * math.sqrt(x * y)
            total += ((x + y) / 2) * log((x + y) / (d if d != 0 else 0.00001))
        return total
    if measure == "kumar_johnson":
        return sum((x ** 2 - y ** 2) ** 2 / (2 * (x * y) ** 1.5) for x, y in pairs)
    if measure == "avg_l1_linf":
        d = [abs(x - y) for x, y in pairs]
        return (sum(d) + max(d)) / 2
    if measure == "bhattacharyya":
        return -log(sum(math.sqrt(x * y) for x, y in pairs))
    if measure == "hellinger_philentropy":
        inner = 1 - sum(math.sqrt(x * y) for x, y in pairs)
        return 2 * math.sqrt(inner) if inner >= 0 else math.nan   # R: sqrt of a negative number is NaN
    raise KeyError(measure)


P = [i / sum(range(1, 11)) for i in range(1, 11)]
Q = [i / sum(range(20, 30)) for i in range(20, 30)]
A = [0, 0.25, 0.25, 0, 0.25, 0.25]
B = [0, 0, 0.25, 0.25, 0.25, 0.25]
C = [0, 0.25, 0, 0.25, 0.25, 0.25]
UNIFORM6 = [1 / 6] * 6
MAT = [[0.2] * 5, [0.1] * 5, [5.0, 1, 7, 9, 5]]
MAT_HELLINGER = [[0.2] * 5, [0.1] * 5, [v / 27 for v in (5.0, 1, 7, 9, 5)]]
LOGS = {"nats": math.log, "bits": math.log2, "hartleys": math.log10}
UNIT_NAME = {"nats": "log", "bits": "log2", "hartleys": "log10"}
R_METHOD = {"triangular_discrimination": "squared_chi", "probabilistic_symmetric_chi2": "prob_symm",
            "divergence_distance": "divergence", "clark": "clark", "additive_symmetric_chi2": "additive_symm",
            "kullback_leibler": "kullback-leibler", "jeffreys": "jeffreys", "k_divergence": "k_divergence",
            "taneja": "taneja", "kumar_johnson": "kumar-johnson", "avg_l1_linf": "avg", "bhattacharyya": "bhattacharyya",
            "hellinger_philentropy": "hellinger"}
LOGGED = {"kullback_leibler", "jeffreys", "k_divergence", "taneja", "bhattacharyya"}


def lower_tri(rows):
    """R's res[lower.tri(res)] of FUN(x[i, ], x[j, ]): column-major, i > j."""
    return [(i, j) for j in range(len(rows)) for i in range(len(rows)) if i > j]


def case(measure, test, p, q, unit="nats", label=""):
    log = LOGS[unit]
    value = exact(measure, p, q)
    scale = {"nats": 1, "bits": mp.log(2), "hartleys": mp.log(10)}[unit] if measure in LOGGED else 1
    expected = value / scale if value != more.INF else value
    peer = r_value(measure, p, q, log)
    agree = (expected == more.INF and peer == math.inf) or \
            (expected != more.INF and math.isfinite(peer) and abs(peer - float(expected)) <= 1.5e-8 * max(abs(float(expected)), 1e-300))
    return {"peer": "philentropy", "file": FILE, "test": test, "input": label, "measure": measure, "unit": unit,
            "p": p, "q": q, "peer_expected": peer if math.isfinite(peer) else ("NaN" if math.isnan(peer) else "Infinity"),
            "expected": more.fmt_signed(expected), "peer_agrees": bool(agree)}


def philentropy():
    out = []
    for m in R_METHOD:
        name = R_METHOD[m]
        units = ["nats", "bits", "hartleys"] if m in LOGGED else ["nats"]
        for u in units:
            suffix = f" using unit = {UNIT_NAME[u]}." if m in LOGGED else "."
            test = f"distance(method = '{name}') computes the correct distance value{suffix}"
            out.append(case(m, test, P, Q, u, "P = 1:10/sum, Q = 20:29/sum"))
        rows = [A, B, C] if m in ("kullback_leibler", "k_divergence") else MAT_HELLINGER if m == "hellinger_philentropy" else MAT
        test = f"distance(method = '{name}') computes the correct distance value" + (" using unit = log." if m in LOGGED else ".")
        for i, j in lower_tri(rows):
            out.append(case(m, test, rows[i], rows[j], "nats", f"distance matrix rows {i + 1}, {j + 1}"))
        if m in ("triangular_discrimination", "probabilistic_symmetric_chi2", "divergence_distance", "clark",
                 "additive_symmetric_chi2", "kullback_leibler", "k_divergence", "taneja"):
            test = f"distance(method = '{name}') computes the correct distance value in case input probability vectors store 0 values at the same position"
            out.append(case(m, test, A, B, "nats", "A, B with zeros"))
        if m == "jeffreys":
            test = "distance(method = 'jeffreys') computes the correct distance value in case 0 values are stored in the input probability vectors -> leading to log(0) computations."
            out.append(case(m, test, A, UNIFORM6, "nats", "A, uniform"))
    return out


def main():
    rs = np.random.RandomState(0)
    vasicek_1d = rs.standard_normal(100).tolist()
    vasicek_2d = np.random.RandomState(0).standard_normal((3, 100)).tolist()
    json.dump({"about": "Generated by tests/reference/make_peer_cases.py: philentropy's distance tests (inputs, the R "
                        "test's expectation, the exact value on normalised vectors at 80 digits) and scipy's seeded samples.",
               "philentropy": philentropy(),
               "scipy_vasicek": {"standard_normal_100": vasicek_1d, "standard_normal_3x100": vasicek_2d}},
              sys.stdout, indent=1)


main()
