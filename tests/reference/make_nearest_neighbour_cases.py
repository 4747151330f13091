#!/usr/bin/python3
"""Golden values for the k-nearest-neighbour estimators (tests/Kullback.Tests/Data/nearest-neighbour-cases.json).

Independent of Kullback: neighbour distances from scipy's cKDTree where no point repeats, from a numpy brute force
(with the adaptive rank k_i = max(k, copies + 1)) where points repeat; the estimates summed in 60-digit mpmath with
exact digamma values. Run from the repository root: /usr/bin/python3 tests/reference/make_nearest_neighbour_cases.py
"""
import json
import mpmath as mp
import numpy as np
from scipy.spatial import cKDTree

mp.mp.dps = 60


def kth_scipy(points, queries, k, self):
    """The k-th neighbour distance of each query (leaving the query itself out when self): no duplicates assumed."""
    distances = cKDTree(points).query(queries, k + 1 if self else k)[0]
    distances = distances.reshape(len(queries), -1)
    return [(float(row[-1]), k) for row in distances]


def kth_brute(points, queries, k, self):
    """The max(k, copies + 1)-th smallest distance and its rank, copies being points identical to the query."""
    result = []
    for i, q in enumerate(queries):
        diff = points - q
        squared = (diff * diff).sum(axis=1)
        same = np.all(points == q, axis=1)
        if self:
            same[i] = False
            squared = np.delete(squared, i)
            same = np.delete(same, i)
        copies = int(same.sum())
        positive = np.sort(squared[~same])
        rank = max(k, copies + 1)
        result.append((float(np.sqrt(positive[rank - copies - 1])), rank))
    return result


def estimates(x, y, k, kth):
    n, d = x.shape
    m = y.shape[0]
    rho = kth(x, x, k, True)
    nu = kth(y, x, k, False)
    rho_y = kth(y, y, k, True)
    log_ball = mp.mpf(d) / 2 * mp.log(mp.pi) - mp.loggamma(mp.mpf(d) / 2 + 1)
    kl = mp.mpf(d) / n * mp.fsum(mp.log(mp.mpf(v) / mp.mpf(r)) for (v, _), (r, _) in zip(nu, rho)) \
        + mp.fsum(mp.digamma(a) - mp.digamma(b) for (_, a), (_, b) in zip(rho, nu)) / n + mp.log(mp.mpf(m) / (n - 1))
    def entropy(distances, count):
        return mp.digamma(count) - mp.fsum(mp.digamma(r) for _, r in distances) / count + log_ball \
            + mp.mpf(d) / count * mp.fsum(mp.log(mp.mpf(v)) for v, _ in distances)
    return max(kl, mp.mpf(0)), entropy(rho, n), entropy(rho_y, m)


rng = np.random.default_rng(20240611)
cases = []
def add(name, x, y, ks, kth):
    for k in ks:
        kl, hp, hq = estimates(x, y, k, kth)
        cases.append({"name": name, "k": k, "dimensions": x.shape[1], "x": x.ravel().tolist(), "y": y.ravel().tolist(),
                      "kl": mp.nstr(kl, 25), "entropy_p": mp.nstr(hp, 25), "entropy_q": mp.nstr(hq, 25)})

cov = np.array([[1, 0.3, 0], [0.3, 1, 0.2], [0, 0.2, 1]])
add("normal-3d", rng.multivariate_normal([0, 0, 0], cov, 300), rng.multivariate_normal([1, -0.5, 0.2], 2 * cov, 280), [1, 4], kth_scipy)
add("normal-10d", rng.standard_normal((200, 10)), 0.3 + 1.2 * rng.standard_normal((220, 10)), [5], kth_scipy)
add("rounded-2d", np.round(rng.standard_normal((250, 2)), 1), np.round(0.4 + rng.standard_normal((200, 2)), 1), [1, 3, 8], kth_brute)
add("dice-1d", rng.integers(1, 7, (300, 1)).astype(float), rng.integers(1, 7, (200, 1)).astype(float), [2], kth_brute)

with open("tests/Kullback.Tests/Data/nearest-neighbour-cases.json", "w") as f:
    json.dump({"generator": "tests/reference/make_nearest_neighbour_cases.py", "cases": cases}, f)
print(len(cases), "cases")
