"""Golden values for the cookbook's recipes (tests/Kullback.Cookbook.Tests), 30 digits with mpmath.

"Use the library from C#": today's and yesterday's traffic per page, as counts (normalised exactly here).
Run: python3 tests/reference/cookbook_values.py
"""
from mpmath import mp, mpf, log, sqrt

mp.dps = 50
yesterday = [mpf(v) for v in (420, 310, 150, 80, 40)]
today = [mpf(v) for v in (380, 290, 170, 110, 50)]
p = [v / sum(today) for v in today]
q = [v / sum(yesterday) for v in yesterday]
m = [(a + b) / 2 for a, b in zip(p, q)]

kl = sum(a * log(a / b) for a, b in zip(p, q))
js = (sum(a * log(a / c) for a, c in zip(p, m)) + sum(b * log(b / c) for b, c in zip(q, m))) / 2
entropy_bits = -sum(a * log(a) for a in p) / log(2)
hellinger = sqrt(sum((sqrt(a) - sqrt(b)) ** 2 for a, b in zip(p, q)) / 2)
total_variation = sum(abs(a - b) for a, b in zip(p, q)) / 2

for name, value in [("kl_today_yesterday_nats", kl), ("js_nats", js), ("entropy_today_bits", entropy_bits),
                    ("hellinger", hellinger), ("total_variation", total_variation)]:
    print(name, mp.nstr(value, 30))
