#!/usr/bin/env python3
"""50-digit reference values for the benchmark's accuracy columns (bench/accuracy.js).

Reads bench/accuracy/sample-inputs.json (written by bench/accuracy/sample.js) and writes
bench/accuracy/mpmath-reference.json. Both files are committed; nothing here runs at bench time.

For every option of every set, in two variants -- 'q' (the sample's dividend yields) and 'q0' (the
same options with dividend yield 0, for peers without dividend-yield support) -- it evaluates at
mp.dps = 50 the Black-Scholes-Merton closed forms (Merton 1973; Greeks as in E. G. Haug, "The
Complete Guide to Option Pricing Formulas", 2nd ed., 2007, ch. 2) in tailguard's units (DESIGN §4):
price; delta; gamma; vega, vanna, volga per 1.00 of vol; theta and charm = -d/dT (calendar time),
per year; rho = d/dr with q fixed, per 1.00 of rate.

Implied vol: the option is switched to its out-of-the-money side (`ivIsCall` in the sample); its
50-digit price is rounded to the nearest double (`ivPrice`, the input every implementation gets),
and `ivVol` is the exact implied vol of that double, solved by Newton's method at 50 digits
(to 1e-40 relative), so rounding of the input price is not counted against a solver.

The closed forms are checked against numerical derivatives (mp.diff) of the 50-digit price on the
first options of every set before anything is written.

Values are stored as the nearest double (JSON numbers); errors of double-precision outputs are
measured against them (the rounding adds at most 1.1e-16 relative).

Usage: python3 bench/accuracy/mpmath_reference.py
"""
import json
import os
import sys

from mpmath import mp, mpf, exp, log, sqrt, ncdf, npdf, diff, fabs

mp.dps = 50
HERE = os.path.dirname(os.path.abspath(__file__))
GREEKS = ['price', 'delta', 'gamma', 'vega', 'theta', 'rho', 'vanna', 'volga', 'charm']


def price(w, S, K, T, v, r, q):
    """BSM price, w = +1 call / -1 put."""
    sq = v * sqrt(T)
    d1 = (log(S / K) + (r - q) * T) / sq + sq / 2
    d2 = d1 - sq
    return w * (S * exp(-q * T) * ncdf(w * d1) - K * exp(-r * T) * ncdf(w * d2))


def greeks(w, S, K, T, v, r, q):
    sT = sqrt(T)
    sq = v * sT
    b = r - q
    d1 = (log(S / K) + b * T) / sq + sq / 2
    d2 = d1 - sq
    dq = exp(-q * T)
    dr = exp(-r * T)
    n1 = npdf(d1)
    N1 = ncdf(w * d1)
    N2 = ncdf(w * d2)
    vega = S * dq * n1 * sT
    return {
        'price': w * (S * dq * N1 - K * dr * N2),
        'delta': w * dq * N1,
        'gamma': dq * n1 / (S * sq),
        'vega': vega,
        'theta': -S * dq * n1 * v / (2 * sT) - w * r * K * dr * N2 + w * q * S * dq * N1,
        'rho': w * K * T * dr * N2,
        'vanna': -dq * n1 * d2 / v,
        'volga': vega * d1 * d2 / v,
        'charm': w * q * dq * N1 - dq * n1 * (b / sq - d2 / (2 * T)),
    }


def numerical(w, S, K, T, v, r, q):
    p = lambda s=S, t=T, x=v, rr=r: price(w, s, K, t, x, rr, q)
    return {
        'price': p(),
        'delta': diff(lambda s: p(s=s), S),
        'gamma': diff(lambda s: p(s=s), S, 2),
        'vega': diff(lambda x: p(x=x), v),
        'theta': -diff(lambda t: p(t=t), T),
        'rho': diff(lambda rr: p(rr=rr), r),
        'vanna': diff(lambda s, x: p(s=s, x=x), (S, v), (1, 1)),
        'volga': diff(lambda x: p(x=x), v, 2),
        'charm': -diff(lambda s, t: p(s=s, t=t), (S, T), (1, 1)),
    }


def implied_vol(w, S, K, T, r, q, target, guess):
    """Newton on the 50-digit price; the root is within a few ulps of `guess`."""
    x = mpf(guess)
    for _ in range(200):
        g = greeks(w, S, K, T, x, r, q)
        step = (g['price'] - target) / g['vega']
        x -= step
        if fabs(step) <= mpf('1e-40') * x:
            return x
    raise RuntimeError('implied vol did not converge')


def main():
    with open(os.path.join(HERE, 'sample-inputs.json')) as f:
        sample = json.load(f)
    out = {
        'description': __doc__.strip().splitlines()[0],
        'generator': 'bench/accuracy/mpmath_reference.py',
        'mpmath': __import__('mpmath').__version__,
        'dps': mp.dps,
        'greeks': GREEKS,
        'sets': {},
    }
    for name, s in sample['sets'].items():
        n = s['n']
        entry = {'n': n, 'inputs': s, 'variants': {}}
        for variant in ('q', 'q0'):
            cols = {g: [] for g in GREEKS}
            iv_price, iv_vol = [], []
            for i in range(n):
                w = 1 if s['isCall'][i] == 1 else -1
                S, K, T, v, r = (mpf(s[k][i]) for k in ('spots', 'strikes', 'expiries', 'vols', 'rates'))
                q = mpf(s['dividendYields'][i]) if variant == 'q' else mpf(0)
                g = greeks(w, S, K, T, v, r, q)
                if i < 3:  # closed forms against numerical derivatives of the price
                    num = numerical(w, S, K, T, v, r, q)
                    for k in GREEKS:
                        scale = max(fabs(g[k]), mpf('1e-30'))
                        if fabs(g[k] - num[k]) / scale > mpf('1e-20'):
                            sys.exit(f'closed form {k} disagrees with mp.diff at {name}[{i}] {variant}: {g[k]} vs {num[k]}')
                for k in GREEKS:
                    cols[k].append(float(g[k]))
                wi = 1 if s['ivIsCall'][i] == 1 else -1
                p = float(price(wi, S, K, T, v, r, q))  # the double every solver is given
                iv_price.append(p)
                iv_vol.append(float(implied_vol(wi, S, K, T, r, q, mpf(p), v)) if p > 0 else None)
            entry['variants'][variant] = {**cols, 'ivPrice': iv_price, 'ivVol': iv_vol}
            print(f'{name} {variant}: {n} options', file=sys.stderr)
        out['sets'][name] = entry
    with open(os.path.join(HERE, 'mpmath-reference.json'), 'w') as f:
        json.dump(out, f, separators=(',', ':'))
        f.write('\n')
    print('wrote bench/accuracy/mpmath-reference.json', file=sys.stderr)


if __name__ == '__main__':
    main()
