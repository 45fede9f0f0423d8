#!/usr/bin/python3
"""Independent-library check values for the exotic closed forms from QuantLib (Debian's quantlib-python).

Run once:  /usr/bin/python3 scripts/vectors/quantlib_exotic.py     (apt-get install quantlib-python)
Writes:    test/vectors/quantlib_exotic.json

Engines (all on a BlackScholesMertonProcess with flat continuous curves and BlackConstantVol on
Actual365Fixed; evaluation date 2024-01-02, expiry N days later, so T = N/365 exactly):
  * geometric Asians: ContinuousAveragingAsianOption + AnalyticContinuousGeometricAveragePriceAsianEngine
    (Kemna–Vorst), DiscreteAveragingAsianOption(Geometric, runningAccumulator 1, pastFixings 0, dates) +
    AnalyticDiscreteGeometricAveragePriceAsianEngine; the row's `fixings` are the fixing times d_i/365;
  * barriers: BarrierOption + AnalyticBarrierEngine (Reiner–Rubinstein as in Haug §4.17.1; rebate paid at
    expiry for knock-ins, at the hit for knock-outs — the same convention as tailguard);
  * lookbacks: ContinuousFloatingLookbackOption + AnalyticContinuousFloatingLookbackEngine and
    ContinuousFixedLookbackOption + AnalyticContinuousFixedLookbackEngine (Haug §4.15), minmax = the
    running extremum.
Greeks: QuantLib's analytic delta and vega where the engine provides them (the Asian engines; vega per
1.00 of vol, as ours). For barriers and lookbacks, whose QuantLib engines give NPV only, delta and vega are
Richardson-extrapolated central differences of QuantLib's NPV: D(h) = (f(x+h) − f(x−h))/(2h),
(4·D(h/2) − D(h))/3 with h = 1e-3·S for delta and h = 1e-3 for vega (truncation O(h⁴) ≈ 1e-12 relative);
such rows carry `greeksFrom: 'QuantLib NPV, Richardson central difference'` and a looser tolerance
(our kernel's own delta/vega are central differences accurate to ~1e-8). Rows whose bumps would cross a
barrier or a running extremum carry no Greeks.
Also written: rows of the negative-rate knock-out rebate (λ imaginary in Haug's F term) computed with
mpmath (`source` says so): E[e^{−rτ}; τ ≤ T] = ∫_0^T e^{−rt} f_τ(t) dt with the first-passage density
f_τ of drifted Brownian motion, 30 digits; and zero-carry lookback rows (r = q, where Haug's formulas are
0/0), Haug's formulas evaluated at b = 1e-30 with mpmath at 50 digits.
"""
import os
from datetime import date

import QuantLib as ql
from vectorio import write_vectors

OUT = os.path.join(os.path.dirname(__file__), '..', '..', 'test', 'vectors', 'quantlib_exotic.json')
SOURCE = f'QuantLib {ql.__version__} (Debian quantlib-python)'
TODAY = ql.Date(2, 1, 2024)
DC = ql.Actual365Fixed()
RICH = 'QuantLib NPV, Richardson central difference'


class Market:
    def __init__(self, S, r, q, vol):
        ql.Settings.instance().evaluationDate = TODAY
        self.spot = ql.SimpleQuote(S)
        self.vol = ql.SimpleQuote(vol)
        rts = ql.YieldTermStructureHandle(ql.FlatForward(TODAY, ql.QuoteHandle(ql.SimpleQuote(r)), DC, ql.Continuous))
        qts = ql.YieldTermStructureHandle(ql.FlatForward(TODAY, ql.QuoteHandle(ql.SimpleQuote(q)), DC, ql.Continuous))
        vts = ql.BlackVolTermStructureHandle(ql.BlackConstantVol(TODAY, ql.NullCalendar(), ql.QuoteHandle(self.vol), DC))
        self.process = ql.BlackScholesMertonProcess(ql.QuoteHandle(self.spot), qts, rts, vts)


def richardson(f, quote, h):
    x = quote.value()

    def central(step):
        quote.setValue(x + step)
        up = f()
        quote.setValue(x - step)
        down = f()
        quote.setValue(x)
        return (up - down) / (2 * step)
    return (4 * central(h / 2) - central(h)) / 3


def qtype(t):
    return ql.Option.Call if t == 'call' else ql.Option.Put


def common(typ, S, days, vol, r, q):
    T = DC.yearFraction(TODAY, TODAY + days)
    assert T == days / 365.0
    return {'type': typ, 'spot': S, 'expiryYears': T, 'vol': vol, 'rate': r, 'dividendYield': q}


def asian_row(typ, S, K, days, vol, r, q, fixing_days=None):
    m = Market(S, r, q, vol)
    maturity = TODAY + days
    payoff = ql.PlainVanillaPayoff(qtype(typ), K)
    ex = ql.EuropeanExercise(maturity)
    row = {'family': 'geometricAsian', **common(typ, S, days, vol, r, q), 'strike': K}
    if fixing_days is None:
        opt = ql.ContinuousAveragingAsianOption(ql.Average.Geometric, payoff, ex)
        opt.setPricingEngine(ql.AnalyticContinuousGeometricAveragePriceAsianEngine(m.process))
        engine = 'AnalyticContinuousGeometricAveragePriceAsianEngine'
    else:
        dates = [TODAY + d for d in fixing_days]
        opt = ql.DiscreteAveragingAsianOption(ql.Average.Geometric, 1.0, 0, dates, payoff, ex)
        opt.setPricingEngine(ql.AnalyticDiscreteGeometricAveragePriceAsianEngine(m.process))
        row['fixings'] = [DC.yearFraction(TODAY, d) for d in dates]
        engine = f'AnalyticDiscreteGeometricAveragePriceAsianEngine, {len(dates)} fixings'
    row['price'] = opt.NPV()
    row['delta'] = opt.delta()
    row['vega'] = opt.vega()
    row['tolerance'] = {'relative': 1e-12, 'absoluteScale': 1e-13}
    row['source'] = f'{SOURCE} {engine}, Actual365Fixed, {days} days'
    return row


BARRIER = {('down', 'in'): ql.Barrier.DownIn, ('up', 'in'): ql.Barrier.UpIn,
           ('down', 'out'): ql.Barrier.DownOut, ('up', 'out'): ql.Barrier.UpOut}


def barrier_row(typ, direction, knock, S, K, H, R, days, vol, r, q):
    m = Market(S, r, q, vol)
    opt = ql.BarrierOption(BARRIER[(direction, knock)], H, R, ql.PlainVanillaPayoff(qtype(typ), K),
                           ql.EuropeanExercise(TODAY + days))
    opt.setPricingEngine(ql.AnalyticBarrierEngine(m.process))
    row = {'family': 'barrier', **common(typ, S, days, vol, r, q), 'strike': K, 'barrier': H,
           'direction': direction, 'knock': knock, 'rebate': R, 'price': opt.NPV()}
    if abs(S - H) > 0.01 * S:
        row['delta'] = richardson(opt.NPV, m.spot, 1e-3 * S)
        row['vega'] = richardson(opt.NPV, m.vol, 1e-3)
        row['greeksFrom'] = RICH
    row['tolerance'] = {'relative': 1e-12, 'absoluteScale': 1e-13, 'greeksRelative': 1e-7, 'greeksAbsoluteScale': 1e-8}
    row['source'] = f'{SOURCE} AnalyticBarrierEngine, Actual365Fixed, {days} days'
    return row


def lookback_row(typ, strike_type, S, K, extremum, days, vol, r, q):
    m = Market(S, r, q, vol)
    ex = ql.EuropeanExercise(TODAY + days)
    if strike_type == 'floating':
        opt = ql.ContinuousFloatingLookbackOption(extremum, ql.FloatingTypePayoff(qtype(typ)), ex)
        opt.setPricingEngine(ql.AnalyticContinuousFloatingLookbackEngine(m.process))
        engine = 'AnalyticContinuousFloatingLookbackEngine'
    else:
        opt = ql.ContinuousFixedLookbackOption(extremum, ql.PlainVanillaPayoff(qtype(typ), K), ex)
        opt.setPricingEngine(ql.AnalyticContinuousFixedLookbackEngine(m.process))
        engine = 'AnalyticContinuousFixedLookbackEngine'
    row = {'family': 'lookback', **common(typ, S, days, vol, r, q), 'strikeType': strike_type,
           'runningExtremum': extremum, 'price': opt.NPV()}
    if strike_type == 'fixed':
        row['strike'] = K
    row['vega'] = richardson(opt.NPV, m.vol, 1e-3)
    if abs(S - extremum) > 0.01 * S:
        row['delta'] = richardson(opt.NPV, m.spot, 1e-3 * S)
    row['greeksFrom'] = RICH
    row['tolerance'] = {'relative': 1e-12, 'absoluteScale': 1e-13, 'greeksRelative': 1e-7, 'greeksAbsoluteScale': 1e-8}
    row['source'] = f'{SOURCE} {engine}, Actual365Fixed, {days} days'
    return row


def negative_rate_rebate_rows():
    """Knock-out rebate with λ² = μ² + 2r/σ² < 0, by mpmath quadrature of the first-passage density."""
    from mpmath import mp, mpf, exp, log, sqrt, pi, quad
    rows = []
    mp.dps = 30
    for (direction, S, H, days, vol, r, q) in [('down', 100.0, 90.0, 365, 0.2, -0.01, -0.03),
                                             ('up', 100.0, 115.0, 730, 0.3, -0.02, -0.065),
                                             ('down', 50.0, 45.0, 182, 0.5, -0.1, -0.225)]:
        T = mpf(days) / 365
        s, rr, b = mpf(vol), mpf(r), mpf(r) - mpf(q)
        mu = (b - s * s / 2) / (s * s)
        assert mu * mu + 2 * rr / (s * s) < 0, 'row must have an imaginary λ'
        a = log(mpf(H) / mpf(S))            # barrier in log space
        nu = b - s * s / 2

        def density(t):
            return abs(a) / (s * sqrt(2 * pi * t ** 3)) * exp(-(a - nu * t) ** 2 / (2 * s * s * t))
        value = quad(lambda t: exp(-rr * t) * density(t), [0, T / 8, T / 2, T])
        R = 3.0
        for typ, K in (('call', 100.0 if direction == 'down' else 90.0), ('put', 95.0)):
            m = Market(S, r, q, vol)
            # the option part from QuantLib with rebate 0; the rebate part from mpmath
            opt = ql.BarrierOption(BARRIER[(direction, 'out')], H, 0.0, ql.PlainVanillaPayoff(qtype(typ), K),
                                   ql.EuropeanExercise(TODAY + days))
            opt.setPricingEngine(ql.AnalyticBarrierEngine(m.process))
            rows.append({'family': 'barrier', **common(typ, S, days, vol, r, q), 'strike': K, 'barrier': H,
                         'direction': direction, 'knock': 'out', 'rebate': R,
                         'price': opt.NPV() + R * float(value),
                         'tolerance': {'relative': 1e-9, 'absoluteScale': 1e-10},
                         'source': f'{SOURCE} AnalyticBarrierEngine (rebate 0) + mpmath {mp.dps}-digit quadrature of '
                                   f'R·E[e^(-r tau); tau <= T] (imaginary lambda: r < 0), {days} days'})
    return rows


def zero_carry_lookback_rows():
    """r = q: Haug's lookback formulas are 0/0; the value is their limit, computed at b = 1e-30 in 50 digits.
    (QuantLib's test-suite quotes 50-digit values for these inputs that differ from this limit by ~2e-12
    relative; the rows here are the mpmath evaluation of Haug §4.15 itself.)"""
    from mpmath import mp, mpf, log, sqrt, exp, ncdf
    mp.dps = 50
    rows = []
    S, T, s, r, q = mpf(100), mpf(1), mpf('0.3'), mpf('0.05'), mpf('0.05')
    b = mpf('1e-30')

    def d1(Y):
        return (log(S / Y) + (b + s * s / 2) * T) / (s * sqrt(T))

    def bsm(call, Y):
        x1 = d1(Y)
        x2 = x1 - s * sqrt(T)
        if call:
            return S * exp((b - r) * T) * ncdf(x1) - Y * exp(-r * T) * ncdf(x2)
        return Y * exp(-r * T) * ncdf(-x2) - S * exp((b - r) * T) * ncdf(-x1)

    def G(x, sgn, Y):
        return s * s / (2 * b) * ((S / Y) ** (-2 * b / (s * s)) * ncdf(x + sgn * 2 * b * sqrt(T) / s) - exp(b * T) * ncdf(x))

    for typ, st, K, ext in (('call', 'floating', None, 90), ('put', 'floating', None, 110), ('call', 'fixed', 95, 110),
                            ('call', 'fixed', 105, 100), ('put', 'fixed', 105, 90), ('put', 'fixed', 95, 100)):
        ext = mpf(ext)
        call = typ == 'call'
        uses_min = call != (st == 'fixed')
        eta = 1 if uses_min else -1
        Y, intrinsic = ext, mpf(0)
        if st == 'fixed':
            Y = max(mpf(K), ext) if call else min(mpf(K), ext)
            intrinsic = max(ext - K, 0) if call else max(K - ext, 0)
        value = exp(-r * T) * intrinsic + bsm(call, Y) + eta * S * exp(-r * T) * G(-eta * d1(Y), eta, Y)
        row = {'family': 'lookback', 'type': typ, 'spot': 100.0, 'expiryYears': 1.0, 'vol': 0.3, 'rate': 0.05,
               'dividendYield': 0.05, 'strikeType': st, 'runningExtremum': float(ext), 'price': float(value),
               'tolerance': {'relative': 1e-13, 'absoluteScale': 1e-14},
               'source': 'mpmath 50 digits: Haug (2007) §4.15 at b = r - q = 1e-30 (the zero-carry limit); inputs of '
                         'QuantLib test-suite lookbackoptions.cpp testAnalyticContinuousLookbackZeroCarry'}
        if K is not None:
            row['strike'] = float(K)
        rows.append(row)
    return rows


def main():
    rows = []
    # Geometric Asians: case C09's inputs in 365-day years, Haug's Asian example inputs, a spread of others.
    for typ in ('call', 'put'):
        rows.append(asian_row(typ, 100.0, 100.0, 365, 0.2, 0.05, 0.03))                  # C09, continuous
        rows.append(asian_row(typ, 100.0, 100.0, 360, 0.2, 0.05, 0.03, [30 * i for i in range(1, 13)]))
        rows.append(asian_row(typ, 100.0, 100.0, 365, 0.2, 0.05, 0.03, list(range(1, 366))))
        rows.append(asian_row(typ, 80.0, 85.0, 90, 0.2, 0.05, -0.03))                     # Haug p. 96-97 inputs
        rows.append(asian_row(typ, 42000.0, 45000.0, 30, 0.7, 0.045, 0.0))
        rows.append(asian_row(typ, 42000.0, 38000.0, 30, 0.7, 0.045, 0.0, [3, 10, 17, 24, 30]))
        rows.append(asian_row(typ, 1.3, 1.0, 730, 1.2, 0.02, 0.08, [91, 182, 273, 365, 456, 547, 638, 700]))
        rows.append(asian_row(typ, 100.0, 120.0, 1825, 0.35, -0.01, 0.02))
    # Barriers: Haug's table inputs (S 100, r 0.08, q 0.04, rebate 3; T 0.5 → 182 days) and others.
    for vol in (0.25, 0.3):
        for H, dirn in ((95.0, 'down'), (105.0, 'up')):
            for knock in ('in', 'out'):
                for typ in ('call', 'put'):
                    for K in (90.0, 100.0, 110.0):
                        rows.append(barrier_row(typ, dirn, knock, 100.0, K, H, 3.0, 182, vol, 0.08, 0.04))
    extra = [
        (42000.0, 40000.0, 35000.0, 0.0, 30, 0.8, 0.045, 0.0), (42000.0, 45000.0, 50000.0, 100.0, 60, 0.6, 0.045, 0.01),
        (100.0, 100.0, 80.0, 5.0, 730, 0.2, 0.03, 0.05), (100.0, 100.0, 125.0, 2.0, 1095, 0.3, 0.01, -0.02),
        (1.0, 1.1, 0.85, 0.0, 365, 1.5, 0.0, 0.0), (100.0, 90.0, 99.0, 1.0, 90, 0.15, 0.05, 0.0),
    ]
    for (S, K, H, R, days, vol, r, q) in extra:
        dirn = 'down' if H < S else 'up'
        for knock in ('in', 'out'):
            for typ in ('call', 'put'):
                rows.append(barrier_row(typ, dirn, knock, S, K, H, R, days, vol, r, q))
    rows.extend(negative_rate_rebate_rows())
    # Lookbacks: Haug's floating and fixed examples (inputs in 365-day years) and others.
    for (typ, st, S, K, ext, days, vol, r, q) in [
        ('call', 'floating', 120.0, None, 100.0, 182, 0.3, 0.1, 0.06),
        ('call', 'floating', 100.0, None, 100.0, 365, 0.3, 0.05, 0.0),
        ('put', 'floating', 100.0, None, 110.0, 182, 0.3, 0.1, 0.0),
        ('put', 'floating', 100.0, None, 100.0, 365, 0.3, 0.1, 0.0),
        ('call', 'floating', 42000.0, None, 38000.0, 30, 0.75, 0.045, 0.0),
        ('put', 'floating', 42000.0, None, 47000.0, 30, 0.75, 0.045, 0.0),
        ('call', 'floating', 100.0, None, 95.0, 730, 0.25, 0.02, 0.05),
        ('put', 'floating', 100.0, None, 104.0, 730, 0.25, 0.02, 0.05),
        ('call', 'fixed', 100.0, 95.0, 100.0, 182, 0.1, 0.1, 0.0),
        ('call', 'fixed', 100.0, 105.0, 100.0, 365, 0.3, 0.1, 0.0),
        ('call', 'fixed', 100.0, 110.0, 104.0, 365, 0.3, 0.03, 0.01),
        ('call', 'fixed', 100.0, 98.0, 104.0, 365, 0.3, 0.03, 0.01),
        ('put', 'fixed', 100.0, 95.0, 100.0, 182, 0.2, 0.1, 0.0),
        ('put', 'fixed', 100.0, 105.0, 100.0, 365, 0.3, 0.1, 0.0),
        ('put', 'fixed', 100.0, 90.0, 96.0, 365, 0.3, 0.03, 0.01),
        ('put', 'fixed', 100.0, 99.0, 96.0, 365, 0.3, 0.03, 0.01),
        ('call', 'fixed', 42000.0, 50000.0, 43000.0, 90, 0.7, 0.045, 0.0),
        ('put', 'fixed', 42000.0, 35000.0, 41000.0, 90, 0.7, 0.045, 0.0),
    ]:
        rows.append(lookback_row(typ, st, S, K, ext, days, vol, r, q))
    rows.extend(zero_carry_lookback_rows())
    doc = {
        'source': SOURCE,
        'generator': 'scripts/vectors/quantlib_exotic.py',
        'generated': date.today().isoformat(),
        'notes': 'Units of DESIGN §4 (vega per 1.00 vol). Asian delta/vega are QuantLib analytic; barrier and lookback '
                 'delta/vega are Richardson central differences of QuantLib NPVs (greeksFrom). Knock-in rebates are '
                 'paid at expiry, knock-out rebates at the hit.',
        'rows': rows,
    }
    write_vectors(OUT, doc)


if __name__ == '__main__':
    main()
