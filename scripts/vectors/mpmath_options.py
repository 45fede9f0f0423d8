#!/usr/bin/env python3
"""Reference vectors for European options (Black–Scholes–Merton and Black-76) at 50 digits.

Run once:  python3 scripts/vectors/mpmath_options.py      (needs mpmath >= 1.3; no other dependency)
Writes:    test/vectors/mpmath_options.json

Units (DESIGN §4):
  * vega, vanna, volga per 1.00 of vol; rho per 1.00 of rate;
  * theta and charm are d/dt in calendar time (= -d/dT, T = expiry in years), per year;
  * Black-76: price e^{-rT} [F N(d1) - K N(d2)], Greeks with respect to the forward F;
    rho = dV/dr with F fixed (= -T V), theta = -dV/dT with F (and r) fixed.

Every input is a double (the JSON number the kernel will see); the formulas are evaluated on the exact
value of that double.  Every value is evaluated twice, at mp.dps = 50 and at mp.dps = 90, and the two
must agree to 1e-25 relative and round to the same double (so cancellation inside a closed form cannot leak into the 17 digits we
keep), then rounded once to the nearest double.  The closed-form Greeks are checked against
mpmath.diff (numerical differentiation of the price at high precision) on a sample inside this script.
"""
import json
import math
import os
import random
import sys
from datetime import date

import mpmath
from mpmath import mp, mpf

mp.dps = 50
GREEKS = ('delta', 'gamma', 'vega', 'theta', 'rho', 'vanna', 'volga', 'charm')
FIELDS = ('price',) + GREEKS
OUT = os.path.join(os.path.dirname(__file__), '..', '..', 'test', 'vectors', 'mpmath_options.json')


def N(x):
    return mpmath.ncdf(x)


def n(x):
    return mpmath.npdf(x)


# ---------------------------------------------------------------------------------------------
# Closed forms (σ > 0, T > 0)
# ---------------------------------------------------------------------------------------------

def bsm(is_call, S, K, T, v, r, q):
    """Black–Scholes–Merton price and Greeks. All arguments mpf."""
    sT = mpmath.sqrt(T)
    vs = v * sT
    d1 = (mpmath.log(S / K) + (r - q + v * v / 2) * T) / vs
    d2 = d1 - vs
    dq = mpmath.exp(-q * T)
    dr = mpmath.exp(-r * T)
    pdf = n(d1)
    gamma = dq * pdf / (S * vs)
    vega = S * dq * pdf * sT
    vanna = -dq * pdf * d2 / v
    volga = vega * d1 * d2 / v
    # d/dT of d1 is -(d2/(2T)) + (r - q)/(σ√T); charm = -d(delta)/dT
    charm_common = -dq * pdf * (2 * (r - q) * T - d2 * vs) / (2 * T * vs)
    if is_call:
        price = S * dq * N(d1) - K * dr * N(d2)
        delta = dq * N(d1)
        theta = -S * dq * pdf * v / (2 * sT) - r * K * dr * N(d2) + q * S * dq * N(d1)
        rho = K * T * dr * N(d2)
        charm = q * dq * N(d1) + charm_common
    else:
        price = K * dr * N(-d2) - S * dq * N(-d1)
        delta = -dq * N(-d1)
        theta = -S * dq * pdf * v / (2 * sT) + r * K * dr * N(-d2) - q * S * dq * N(-d1)
        rho = -K * T * dr * N(-d2)
        charm = -q * dq * N(-d1) + charm_common
    return dict(price=price, delta=delta, gamma=gamma, vega=vega, theta=theta, rho=rho,
                vanna=vanna, volga=volga, charm=charm)


def black76(is_call, F, K, T, v, r):
    """Black-76 price and Greeks with respect to the forward F (F held fixed for theta and rho)."""
    sT = mpmath.sqrt(T)
    vs = v * sT
    d1 = (mpmath.log(F / K) + v * v * T / 2) / vs
    d2 = d1 - vs
    dr = mpmath.exp(-r * T)
    pdf = n(d1)
    gamma = dr * pdf / (F * vs)
    vega = F * dr * pdf * sT
    vanna = -dr * pdf * d2 / v
    volga = vega * d1 * d2 / v
    if is_call:
        price = dr * (F * N(d1) - K * N(d2))
        delta = dr * N(d1)
        charm = r * dr * N(d1) + dr * pdf * d2 / (2 * T)
    else:
        price = dr * (K * N(-d2) - F * N(-d1))
        delta = -dr * N(-d1)
        charm = -r * dr * N(-d1) + dr * pdf * d2 / (2 * T)
    theta = r * price - dr * F * pdf * v / (2 * sT)
    rho = -T * price
    return dict(price=price, delta=delta, gamma=gamma, vega=vega, theta=theta, rho=rho,
                vanna=vanna, volga=volga, charm=charm)


# ---------------------------------------------------------------------------------------------
# Limits at expiry 0 or vol 0 (discounted intrinsic)
# ---------------------------------------------------------------------------------------------

def degenerate(model, is_call, U, K, T, v, r, q):
    """Price and the Greeks' limits when T == 0 or v == 0. Returns (values, omitted Greek names).

    Away from the money-forward every Greek is the derivative of the discounted intrinsic value
    (the n(d1) terms vanish faster than any power).  Exactly at the money-forward
    (U e^{-qT} == K e^{-rT}) the limits are taken at fixed other inputs (vol -> 0 with T > 0, or
    T -> 0 with vol > 0); a Greek whose limit is infinite is omitted and listed as degenerate.
    """
    dq = mpmath.exp(-q * T)
    dr = mpmath.exp(-r * T)
    if model == 'bsm':
        fwd_disc = U * dq          # S e^{-qT}
        cost = q                   # d/dT of S e^{-qT} is -q S e^{-qT}
    else:
        fwd_disc = U * dr          # e^{-rT} F
        cost = r                   # d/dT of e^{-rT} F is -r e^{-rT} F (F fixed)
    kd = K * dr
    w = 1 if is_call else -1
    zero = mpf(0)
    if fwd_disc != kd:
        itm = (fwd_disc > kd) if is_call else (fwd_disc < kd)
        if not itm:
            return dict(price=zero, delta=zero, gamma=zero, vega=zero, theta=zero, rho=zero,
                        vanna=zero, volga=zero, charm=zero), []
        price = w * (fwd_disc - kd)
        delta = w * fwd_disc / U
        theta = w * (cost * fwd_disc - r * kd)            # -d/dT
        if model == 'bsm':
            rho = w * K * T * dr
        else:
            rho = -T * price
        charm = cost * delta                              # -d/dT of w e^{-cT}
        return dict(price=price, delta=delta, gamma=zero, vega=zero, theta=theta, rho=rho,
                    vanna=zero, volga=zero, charm=charm), []
    # exactly at the money-forward: price 0
    out = dict(price=zero)
    omitted = []
    if v == 0 and T > 0:
        # vol -> 0 with T fixed: d1 -> 0+, d2 -> 0-, N -> 1/2; (here r - q = 0 for bsm)
        sT = mpmath.sqrt(T)
        half = mpf(1) / 2
        disc_u = fwd_disc / U                             # e^{-qT} (bsm) or e^{-rT} (b76)
        out['delta'] = w * disc_u * half
        omitted.append('gamma')                           # ~ 1/σ
        out['vega'] = U * disc_u * n(0) * sT
        # theta: -S e^{-qT} n σ/(2√T) -> 0; the N terms give w(q S e^{-qT} - r K e^{-rT})/2
        out['theta'] = w * (cost * fwd_disc - r * kd) * half
        if model == 'bsm':
            out['rho'] = w * K * T * dr * half
        else:
            out['rho'] = zero
        out['vanna'] = disc_u * n(0) * sT / 2             # -e^{-qT} n(d1) d2/σ, d2/σ -> -√T/2
        out['volga'] = zero                               # vega d1 d2/σ ~ σ
        out['charm'] = cost * w * disc_u * half           # the n(d1) d2/(2T) part -> 0
        return out, omitted
    if T == 0 and v > 0:
        # T -> 0 with vol fixed at S == K: delta -> ±1/2, gamma and theta and charm ~ T^{-1/2}
        half = mpf(1) / 2
        out.update(delta=w * half, vega=zero, rho=zero, vanna=zero, volga=zero)
        omitted += ['gamma', 'theta', 'charm']
        return out, omitted
    # T == 0 and v == 0 at the money: a joint limit in (T, vol) -> (0, 0) exists only for the Greeks
    # bounded by a power of T: |vega| <= S sqrt(T)/sqrt(2 pi), |rho| <= K T, both -> 0. The others depend
    # on the path: delta -> 1/2 with vol fixed > 0 but -> 1 or 0 with vol = 0 when r != q; along
    # vol = c sqrt(T) vanna ~ (r - q)/(c^2 sqrt T) diverges and volga tends to a c-dependent constant;
    # gamma, theta and charm diverge.
    out.update(vega=zero, rho=zero)
    return out, ['delta', 'gamma', 'theta', 'vanna', 'volga', 'charm']


def evaluate(row):
    """All values of one row at the current precision."""
    is_call = row['type'] == 'call'
    U = mpf(row['spot'] if row['model'] == 'bsm' else row['forward'])
    K, T, v, r = mpf(row['strike']), mpf(row['expiryYears']), mpf(row['vol']), mpf(row['rate'])
    q = mpf(row.get('dividendYield', 0.0))
    if T == 0 or v == 0:
        return degenerate(row['model'], is_call, U, K, T, v, r, q)
    if row['model'] == 'bsm':
        return bsm(is_call, U, K, T, v, r, q), []
    return black76(is_call, U, K, T, v, r), []


def to_double(x):
    return float(x)  # nearest double (0.0 below the subnormal range)


def finish(row, tag):
    """Evaluate at 50 and 90 digits, check agreement, round to doubles."""
    with mp.workdps(50):
        lo, omitted = evaluate(row)
    with mp.workdps(90):
        hi, _ = evaluate(row)
    out = dict(row)
    for k in FIELDS:
        if k in omitted:
            continue
        a, b = lo[k], hi[k]
        if b == 0:
            assert a == 0, (row, k, a)
        else:
            assert abs(a - b) <= mpf(10) ** -25 * abs(b) and float(a) == float(b), ('precision loss', row, k, a, b)
        out[k] = to_double(b)
    if omitted:
        out['degenerate'] = omitted
    out['source'] = 'mpmath 50 digits' + (f' ({tag})' if tag else '')
    return out


# ---------------------------------------------------------------------------------------------
# Self-checks: closed forms against numerical differentiation (mpmath.diff)
# ---------------------------------------------------------------------------------------------

def check_against_diff(rows, count=60):
    rnd = random.Random(7)
    sample = rnd.sample(rows, count)
    worst = 0
    with mp.workdps(60):
        for row in sample:
            is_call = row['type'] == 'call'
            U, K, T, v, r = (mpf(row['spot' if row['model'] == 'bsm' else 'forward']), mpf(row['strike']),
                             mpf(row['expiryYears']), mpf(row['vol']), mpf(row['rate']))
            q = mpf(row.get('dividendYield', 0.0))
            if row['model'] == 'bsm':
                def P(U_, T_, v_, r_):
                    return bsm(is_call, U_, K, T_, v_, r_, q)['price']
            else:
                def P(U_, T_, v_, r_):
                    return black76(is_call, U_, K, T_, v_, r_)['price']
            cf = bsm(is_call, U, K, T, v, r, q) if row['model'] == 'bsm' else black76(is_call, U, K, T, v, r)
            x = (U, T, v, r)
            num = {
                'delta': mpmath.diff(P, x, (1, 0, 0, 0)),
                'gamma': mpmath.diff(P, x, (2, 0, 0, 0)),
                'vega': mpmath.diff(P, x, (0, 0, 1, 0)),
                'theta': -mpmath.diff(P, x, (0, 1, 0, 0)),
                'rho': mpmath.diff(P, x, (0, 0, 0, 1)),
                'vanna': mpmath.diff(P, x, (1, 0, 1, 0)),
                'volga': mpmath.diff(P, x, (0, 0, 2, 0)),
                'charm': -mpmath.diff(P, x, (1, 1, 0, 0)),
            }
            scale = {'delta': 1, 'gamma': 1 / U, 'vega': U * mpmath.sqrt(T), 'volga': U * mpmath.sqrt(T),
                     'theta': U, 'rho': K * T, 'vanna': 1, 'charm': 1}
            for g, val in num.items():
                err = abs(val - cf[g]) / max(abs(cf[g]), scale[g] * mpf(10) ** -30)
                worst = max(worst, err)
                assert err < mpf(10) ** -20, ('closed form disagrees with mpmath.diff', row, g, cf[g], val)
            # the price itself against the definition as a discounted expectation (quadrature)
            if row['model'] == 'bsm':
                fwd, disc = U * mpmath.exp((r - q) * T), mpmath.exp(-r * T)
            else:
                fwd, disc = U, mpmath.exp(-r * T)
            s = v * mpmath.sqrt(T)
            if s > mpf('0.05'):
                z0 = (mpmath.log(K / fwd) + s * s / 2) / s  # payoff kink in z
                pay = (lambda z: max(fwd * mpmath.exp(s * z - s * s / 2) - K, 0)) if is_call else \
                      (lambda z: max(K - fwd * mpmath.exp(s * z - s * s / 2), 0))
                ex = disc * mpmath.quad(lambda z: pay(z) * n(z), [-mpmath.inf, z0, mpmath.inf])
                if cf['price'] > U * mpf(10) ** -20:
                    assert abs(ex - cf['price']) <= mpf(10) ** -18 * U, ('price != E[payoff]', row, ex, cf['price'])
    print(f'closed-form Greeks vs mpmath.diff on {count} rows: worst relative difference {mpmath.nstr(worst, 3)}')


def check_limits():
    """Degenerate-row limits against the closed forms at tiny vol / tiny expiry."""
    with mp.workdps(60):
        cases = [
            ('bsm', True, 100, 90, 1, 0, '0.05', '0.02'), ('bsm', False, 100, 120, 1, 0, '0.05', '0.02'),
            ('bsm', True, 100, 100, 1, 0, '0.03', '0.03'), ('bsm', False, 100, 100, 2, 0, '0.03', '0.03'),
            ('black76', True, 100, 100, 1, 0, '0.04', 0), ('black76', False, 100, 80, '0.5', 0, '0.04', 0),
            ('bsm', True, 100, 100, 0, '0.3', '0.05', '0.01'), ('bsm', False, 100, 100, 0, '0.3', '0.05', '0.01'),
        ]
        for model, is_call, U, K, T, v, r, q in cases:
            U, K, T, v, r, q = map(mpf, (U, K, T, v, r, q))
            lim, omitted = degenerate(model, is_call, U, K, T, v, r, q)
            Te, ve = (T, mpf(10) ** -12) if v == 0 else (mpf(10) ** -16, v)
            cf = bsm(is_call, U, K, Te, ve, r, q) if model == 'bsm' else black76(is_call, U, K, Te, ve, r)
            for g in FIELDS:
                if g in omitted:
                    assert abs(cf[g]) > 10 ** 4, (model, g, cf[g])
                    continue
                assert abs(cf[g] - lim[g]) < mpf(10) ** -6 * max(1, abs(lim[g])), ('limit', model, is_call, g, cf[g], lim[g])
    print('degenerate limits agree with the closed forms at vol 1e-12 / expiry 1e-16')


def check_cases():
    """Reference cases C05, C06 and C07 of /work/shared/cases/README.md."""
    with mp.workdps(50):
        def close(a, b, tol):
            assert abs(mpf(a) - mpf(b)) <= tol, (a, b)
        # C06: Black-76 theta per year, forward 100, strike 100, vol 0.2, call
        for (T, r, expected) in ((1, 0, '-3.9695254748'), (0.25, 0, '-7.9688782819'), (1, 0.05, '-3.3970753256')):
            th = black76(True, mpf(100), mpf(100), mpf(T), mpf(0.2), mpf(r))['theta']
            close(th, expected, mpf('6e-11'))
            # "each equals a central difference of the price in time"
            P = lambda t: black76(True, mpf(100), mpf(100), t, mpf(0.2), mpf(r))['price']
            close(-mpmath.diff(P, mpf(T)), th, mpf(10) ** -30)
        # C07: spot 80, strike 110, expiry 3, rate 0.05, vol 0.25, q 0.03
        c = bsm(True, mpf(80), mpf(110), mpf(3), mpf(0.25), mpf(0.05), mpf(0.03))
        p = bsm(False, mpf(80), mpf(110), mpf(3), mpf(0.25), mpf(0.05), mpf(0.03))
        close(c['gamma'], '0.0097907573239', mpf('6e-14'))
        close(p['gamma'], '0.0097907573239', mpf('6e-14'))
        close(c['theta'], '-2.1710718884', mpf('6e-11'))
        close(p['theta'], '0.36938713728', mpf('6e-12'))
        # C05: zero-vol limit, call, spot 100, rate 0.05, expiry 1
        close(degenerate('bsm', True, mpf(100), mpf(100), mpf(1), mpf(0), mpf(0.05), mpf(0))[0]['price'], '4.8770575499', mpf('6e-11'))
        close(degenerate('bsm', True, mpf(100), mpf(104), mpf(1), mpf(0), mpf(0.05), mpf(0))[0]['price'], '1.0721398519', mpf('6e-11'))
        # C04: spot 4600, strike 4400, vol 0.19, expiry 5/365, rate 0.01
        close(bsm(True, mpf(4600), mpf(4400), mpf(5 / 365), mpf(0.19), mpf(0.01), mpf(0))['price'], '201.44054912', mpf('6e-9'))
        close(bsm(False, mpf(4600), mpf(4400), mpf(5 / 365), mpf(0.19), mpf(0.01), mpf(0))['price'], '0.83785067792', mpf('6e-12'))
    print('cases C04-C07 reproduced')


# ---------------------------------------------------------------------------------------------
# Rows
# ---------------------------------------------------------------------------------------------

def sig(x, digits=6):
    """Round a sampled input to `digits` significant digits (readable rows; still an exact double)."""
    return float(f'{x:.{digits - 1}e}')


def mk(model, typ, U, K, T, v, r, q=0.0):
    row = {'model': model, 'type': typ}
    if model == 'bsm':
        row['spot'] = U
    else:
        row['forward'] = U
    row.update(strike=K, expiryYears=T, vol=v, rate=r)
    if model == 'bsm':
        row['dividendYield'] = q
    return row


def loguni(rnd, a, b):
    return math.exp(rnd.uniform(math.log(a), math.log(b)))


def main():
    rnd = random.Random(20240601)
    rows = []  # (row, tag)

    # 1. seeded random sample over log-uniform ranges
    for i in range(2400):
        model = 'bsm' if i % 3 else 'black76'
        U = sig(loguni(rnd, 1, 1e5))
        K = sig(U * loguni(rnd, 0.2, 5))
        T = sig(loguni(rnd, 1 / 8760, 10))
        v = sig(loguni(rnd, 0.01, 5))
        r = sig(rnd.uniform(-0.02, 0.2), 4)
        q = sig(rnd.uniform(0, 0.1), 4) if model == 'bsm' else 0.0
        rows.append((mk(model, rnd.choice(['call', 'put']), U, K, T, v, r, q), 'random'))

    # 2. grid corners (and centres) of the stress box
    one_hour = 1 / 8760
    for model in ('bsm', 'black76'):
        for U in (1.0, 100.0, 100000.0):
            for m in (0.2, 1.0, 5.0):
                for T in (one_hour, 1.0, 10.0):
                    for v in (0.01, 0.5, 5.0):
                        for r in (-0.02, 0.2):
                            for q in ((0.0, 0.1) if model == 'bsm' else (0.0,)):
                                for typ in ('call', 'put'):
                                    rows.append((mk(model, typ, U, U * m, T, v, r, q), 'grid'))

    # 3. reference cases C06 and C07 (and C04) with their inputs
    for T, r in ((1.0, 0.0), (0.25, 0.0), (1.0, 0.05)):
        rows.append((mk('black76', 'call', 100.0, 100.0, T, 0.2, r), 'case C06'))
    for typ in ('call', 'put'):
        rows.append((mk('bsm', typ, 80.0, 110.0, 3.0, 0.25, 0.05, 0.03), 'case C07'))
        rows.append((mk('bsm', typ, 4600.0, 4400.0, 5 / 365, 0.19, 0.01, 0.0), 'case C04'))

    # 4. deep out of the money: price ~ 10^-k times the underlying, k up to 250
    with mp.workdps(40):
        for model in ('bsm', 'black76'):
            for typ, m in (('call', 1.5), ('call', 4.0), ('put', 0.6), ('put', 0.25)):
                for U, T, r, q in ((100.0, 0.5, 0.03, 0.01), (30000.0, 2.0, 0.1, 0.0), (1.0, 1 / 52, -0.01, 0.05)):
                    K = U * m
                    for k in (8, 20, 50, 100, 150, 200, 250):
                        # solve for the vol that gives price = 10^-k U (log-price is monotone in vol)
                        def f(lv):
                            row = mk(model, typ, U, K, T, float(mpmath.exp(lv)), r, q if model == 'bsm' else 0.0)
                            val, _ = evaluate(row)
                            return mpmath.log10(val['price'] / U) + k
                        lo_, hi_ = mpmath.log(mpf('1e-4')), mpmath.log(mpf(5))
                        if f(lo_) > 0 or f(hi_) < 0:
                            continue
                        for _ in range(80):
                            mid = (lo_ + hi_) / 2
                            if f(mid) < 0:
                                lo_ = mid
                            else:
                                hi_ = mid
                        v = sig(float(mpmath.exp(lo_)), 6)
                        rows.append((mk(model, typ, U, K, T, v, r, q if model == 'bsm' else 0.0), f'deep OTM ~1e-{k}'))

    # 5. expiry 0 and vol 0: discounted intrinsic and the Greeks' limits
    for typ in ('call', 'put'):
        for (U, K, T, v, r, q) in ((100.0, 100.0, 1.0, 0.0, 0.05, 0.0),     # C05, forward above strike
                                   (100.0, 104.0, 1.0, 0.0, 0.05, 0.0),     # C05
                                   (100.0, 110.0, 2.0, 0.0, 0.03, 0.01),
                                   (2500.0, 2000.0, 0.5, 0.0, -0.02, 0.08),
                                   (100.0, 100.0, 1.0, 0.0, 0.03, 0.03),    # exactly at the money-forward
                                   (100.0, 100.0, 0.25, 0.0, 0.0, 0.0),     # ditto
                                   (100.0, 90.0, 0.0, 0.3, 0.05, 0.02),
                                   (100.0, 110.0, 0.0, 0.3, 0.05, 0.02),
                                   (100.0, 100.0, 0.0, 0.3, 0.05, 0.02),    # at the money, expiry 0
                                   (100.0, 90.0, 0.0, 0.0, 0.05, 0.0),
                                   (100.0, 100.0, 0.0, 0.0, 0.05, 0.0)):    # no Greek has a limit
            rows.append((mk('bsm', typ, U, K, T, v, r, q), 'expiry 0' if T == 0 else 'vol 0'))
        for (F, K, T, v, r) in ((100.0, 95.0, 1.0, 0.0, 0.05), (100.0, 105.0, 1.0, 0.0, 0.05),
                                (100.0, 100.0, 1.0, 0.0, 0.04), (100.0, 100.0, 0.5, 0.0, 0.0),
                                (100.0, 90.0, 0.0, 0.4, 0.05), (100.0, 100.0, 0.0, 0.4, 0.05)):
            rows.append((mk('black76', typ, F, K, T, v, r), 'expiry 0' if T == 0 else 'vol 0'))

    check_cases()
    check_limits()
    out = []
    for row, tag in rows:
        # a value below the double range is kept as its correctly rounded double (0 or subnormal)
        out.append(finish(row, '' if tag in ('random', 'grid') else tag))
    regular = [r for r, t in rows if r['expiryYears'] > 0 and r['vol'] > 0]
    check_against_diff(regular)

    doc = {
        'source': 'mpmath 1.3 closed forms at 50 significant digits (cross-checked at 90 digits and against mpmath.diff)',
        'generator': 'scripts/vectors/mpmath_options.py',
        'generated': date.today().isoformat(),
        'units': 'vega, vanna, volga per 1.00 vol; theta, charm = d/dt calendar (= -d/dExpiry) per year; rho per 1.00 rate; '
                 'black76 Greeks w.r.t. the forward, theta and rho with the forward fixed',
        'notes': 'Values are the 50-digit results rounded once to the nearest double. A row with "degenerate" lists '
                 'Greeks that have no finite limit at that input (they are omitted from the row).',
        'rows': out,
    }
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, 'w') as fh:
        json.dump(doc, fh, indent=None, separators=(',', ':'))
        fh.write('\n')
    by = {}
    for r in out:
        by[r['model']] = by.get(r['model'], 0) + 1
    print(f'wrote {len(out)} rows to {os.path.normpath(OUT)}: {by}')


if __name__ == '__main__':
    sys.exit(main())
