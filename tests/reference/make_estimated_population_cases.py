"""Chao's estimated population for the bootstrap (iNEXT's EstiBootComm.Ind, transcribed from R), for
tests/Kullback.Tests/Estimation/EstimatedPopulationTests.cs. Run: python3 tests/reference/make_estimated_population_cases.py"""
import math

def population(spec):
    n = sum(spec); f1 = spec.count(1); f2 = spec.count(2)
    f0 = (n - 1) / n * f1 ** 2 / 2 / f2 if f2 > 0 else (n - 1) / n * f1 * (f1 - 1) / 2
    big_a = n * f0 / (n * f0 + f1) if f1 > 0 else 1
    a = f1 / n * big_a
    b = sum(x / n * (1 - x / n) ** n for x in spec)
    w = a / b if f0 > 0 else 0
    unseen = math.ceil(f0)
    return [x / n * (1 - w * (1 - x / n) ** n) for x in spec] + [a / unseen] * unseen

for spec in ([1, 1, 1, 2, 5], [3, 1, 1, 1, 1, 4, 0]):
    print(spec, [repr(p) for p in population(spec)])
