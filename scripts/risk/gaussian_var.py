#!/usr/bin/env python3
"""Expected values of test/risk/cases.test.ts (Gaussian VaR / ES), mpmath at 40 digits.

VaR = -mean + sd * z, ES = -mean + sd * phi(z) / (1 - alpha), z = Phi^-1(alpha) = sqrt(2) erfinv(2 alpha - 1),
mean and sd (ddof 1) of the ten returns below. Run: python3 scripts/risk/gaussian_var.py
"""
from mpmath import mp, mpf, sqrt, erfinv, exp, pi

mp.dps = 40
R = ['-0.021', '0.013', '0.034', '-0.047', '0.008', '0.019', '-0.012', '0.027', '-0.033', '0.005']
r = [mpf(x) for x in R]
n = len(r)
m = sum(r) / n
s = sqrt(sum((x - m) ** 2 for x in r) / (n - 1))
for a in ('0.95', '0.975', '0.99'):
    al = mpf(a)
    z = sqrt(2) * erfinv(2 * al - 1)
    phi = exp(-z * z / 2) / sqrt(2 * pi)
    print(a, 'VaR', mp.nstr(-m + s * z, 20), 'ES', mp.nstr(-m + s * phi / (1 - al), 20))
