#!/usr/bin/env python3
"""Reference vectors for the standard normal cdf, pdf and inverse cdf at 50 digits.

Run once:  python3 scripts/vectors/mpmath_normal.py      (needs mpmath >= 1.3)
Writes:    test/vectors/mpmath_normal.json

cdf and pdf at x from -37.5 to +8 (a dense grid of step 1/16, which is exact in binary, plus the
landmarks -37.5, -30, -20, -10, -5, -1, 0, … and a seeded random sample); the inverse cdf at p from
1e-300 to 1 - 1e-16 (log-spaced in p and in 1 - p, plus a seeded random sample of p in (0, 1)).
Every input is a double and the function is evaluated on the exact value of that double; every value
is evaluated at 50 and at 80 digits (they must agree to 1e-30 relative) and then rounded once to the
nearest double, so an expected value is within 0.5 ulp of the true value.
"""
import json
import os
import random
from datetime import date

import mpmath
from mpmath import mp, mpf

mp.dps = 50
OUT = os.path.join(os.path.dirname(__file__), '..', '..', 'test', 'vectors', 'mpmath_normal.json')


def twice(f, x):
    with mp.workdps(50):
        a = f(mpf(x))
    with mp.workdps(80):
        b = f(mpf(x))
    assert abs(a - b) <= mpf(10) ** -30 * abs(b), (x, a, b)
    return float(b)


def inv(p):
    # Φ^{-1}(p) = -√2 erfcinv(2p); mpmath has erfinv only, so solve Φ(x) = p by Newton at full precision
    if p == mpf(1) / 2:
        return mpf(0)
    if p < mpf(1) / 2:
        # start from the asymptotic expansion / a crude guess, then Newton on log Φ for stability
        x0 = -mpmath.sqrt(-2 * mpmath.log(p)) if p < mpf('0.1') else (p - mpf(1) / 2) * mpmath.sqrt(2 * mpmath.pi)
        x = mpmath.findroot(lambda t: mpmath.log(mpmath.ncdf(t)) - mpmath.log(p), x0)
        return x
    return -inv(1 - p)


def main():
    rnd = random.Random(12345)
    xs = set()
    k = -600
    while k <= 128:                     # -37.5 .. 8 step 1/16
        xs.add(k / 16)
        k += 1
    for x in (-37.5, -37, -35, -30, -25, -20, -15, -10, -8, -7.5, -5, -3, -2, -1.5, -1, -0.5, -0.1,
              -1e-3, -1e-8, -1e-300, 0.0, 1e-300, 1e-8, 1e-3, 0.1, 0.5, 0.6744897501960817, 1, 1.5, 2,
              3, 5, 6, 7, 7.5, 8, -0.70710678118654752, -1.4142135623730951, -26.551, -38.0 + 0.5):
        xs.add(float(x))
    for _ in range(400):
        xs.add(float(f'{rnd.uniform(-37.5, 8):.15g}'))
    for _ in range(100):
        xs.add(float(f'{rnd.uniform(-1, 1):.15g}'))
    xs = sorted(x for x in xs if -37.5 <= x <= 8)
    cdf = [{'x': x, 'cdf': twice(mpmath.ncdf, x), 'pdf': twice(mpmath.npdf, x)} for x in xs]

    ps = set()
    for e in range(-300, 0):            # 1e-300 .. 0.1
        ps.add(float(f'1e{e}'))
        ps.add(float(f'3.7e{e}'))
    for e in range(1, 17):              # 1 - 1e-1 .. 1 - 1e-16 (the double nearest)
        ps.add(1 - float(f'1e-{e}'))
        ps.add(1 - float(f'4.2e-{e}'))
    for p in (0.5, 0.25, 0.75, 0.5 + 2 ** -30, 0.5 - 2 ** -30, 0.5 + 1e-12, 0.02425, 0.97575, 0.975, 0.025,
              0.9999999999999999, 0.99999999999999989, 2.2250738585072014e-308, 1e-300):
        ps.add(float(p))
    for _ in range(500):
        ps.add(float(f'{rnd.random():.15g}'))
    for _ in range(100):
        ps.add(float(f'{10 ** rnd.uniform(-300, -1):.15g}'))
    ps = sorted(p for p in ps if 1e-300 <= p <= 1 - 1e-16 and 0 < p < 1)
    inverse = []
    for p in ps:
        x = twice(inv, p)
        # confirm: Φ(x) = p at 50 digits (the root is tight)
        with mp.workdps(60):
            xx = inv(mpf(p))
            assert abs(mpmath.ncdf(xx) - mpf(p)) <= mpf(10) ** -50 * mpf(p), p
        inverse.append({'p': p, 'x': x})

    doc = {
        'source': 'mpmath 1.3 ncdf / npdf and a 80-digit Newton solve of ncdf(x) = p, rounded once to the nearest double',
        'generator': 'scripts/vectors/mpmath_normal.py',
        'generated': date.today().isoformat(),
        'cdfPdf': [dict(r, source='mpmath 50 digits') for r in cdf],
        'inverse': [dict(r, source='mpmath 50 digits') for r in inverse],
    }
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, 'w') as fh:
        json.dump(doc, fh, separators=(',', ':'))
        fh.write('\n')
    print(f'wrote {len(cdf)} cdf/pdf rows and {len(inverse)} inverse rows to {os.path.normpath(OUT)}')


if __name__ == '__main__':
    main()
