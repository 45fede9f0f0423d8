#!/usr/bin/python3
"""Independent-library check values for European options from QuantLib (Debian's quantlib-python).

Run once:  /usr/bin/python3 scripts/vectors/quantlib_options.py     (apt-get install quantlib-python)
Writes:    test/vectors/quantlib_options.json

Black–Scholes–Merton: EuropeanOption + AnalyticEuropeanEngine on a BlackScholesMertonProcess with flat
curves (FlatForward, Continuous compounding) and BlackConstantVol, all on Actual365Fixed. The evaluation
date is 2024-01-02 and the expiry is evaluation date + N days, so QuantLib's year fraction is exactly
N / 365.0 — the same double as the row's expiryYears. Conventions, checked against the closed forms:
  * NPV, delta, gamma: as ours;
  * vega: per 1.00 of vol (QuantLib convention) = ours;
  * theta: QuantLib's theta() is dV/dt per year of calendar time (BlackCalculator::theta is the PDE
    theta r V − (r − q) S Δ − ½ σ² S² Γ), i.e. ours; thetaPerDay() = theta / 365 is not used;
  * rho: dV/dr per 1.00 of rate with the spot fixed = ours.
Black-76: BlackCalculator(PlainVanillaPayoff, forward F, stdDev σ√T, discount e^{−rT}):
  * value(), delta(F), gamma(F), vega(T): w.r.t. the forward, as ours;
  * theta: BlackCalculator.theta(spot = F, T) = −(ln(discount)·V + ln(F/spot)·spot·Δ + ½σ²T·spot²·Γ)/T
    = rV − ½σ²F²Γ, which is −dV/dT with F fixed, i.e. ours;
  * rho: BlackCalculator.rho(T) is the spot-model rho (the forward moving with r), not ours (F fixed,
    = −T·V), so no rho is stored for Black-76 rows.
QuantLib computes in doubles; the rows carry tolerance 1e-12 relative (QuantLib's closed forms are
accurate to a few ulp on these ordinary inputs), and the test also compares them with the mpmath
closed forms through the kernel.
"""
import os
from datetime import date

import QuantLib as ql
from vectorio import write_vectors

OUT = os.path.join(os.path.dirname(__file__), '..', '..', 'test', 'vectors', 'quantlib_options.json')
SOURCE = f'QuantLib {ql.__version__} (Debian quantlib-python)'


def bsm_row(typ, S, K, days, vol, r, q):
    today = ql.Date(2, 1, 2024)
    ql.Settings.instance().evaluationDate = today
    dc = ql.Actual365Fixed()
    maturity = today + days
    T = dc.yearFraction(today, maturity)
    assert T == days / 365.0
    spot = ql.QuoteHandle(ql.SimpleQuote(S))
    rts = ql.YieldTermStructureHandle(ql.FlatForward(today, r, dc, ql.Continuous))
    qts = ql.YieldTermStructureHandle(ql.FlatForward(today, q, dc, ql.Continuous))
    vts = ql.BlackVolTermStructureHandle(ql.BlackConstantVol(today, ql.NullCalendar(), vol, dc))
    process = ql.BlackScholesMertonProcess(spot, qts, rts, vts)
    option = ql.EuropeanOption(ql.PlainVanillaPayoff(ql.Option.Call if typ == 'call' else ql.Option.Put, K),
                               ql.EuropeanExercise(maturity))
    option.setPricingEngine(ql.AnalyticEuropeanEngine(process))
    return {
        'model': 'bsm', 'type': typ, 'spot': S, 'strike': K, 'expiryYears': T, 'vol': vol, 'rate': r,
        'dividendYield': q,
        'price': option.NPV(), 'delta': option.delta(), 'gamma': option.gamma(), 'vega': option.vega(),
        'theta': option.theta(), 'rho': option.rho(),
        'tolerance': {'relative': 1e-12, 'absoluteScale': 1e-13},
        'source': f'{SOURCE} AnalyticEuropeanEngine, Actual365Fixed, {days} days',
    }


def b76_row(typ, F, K, days, vol, r):
    T = days / 365.0
    disc = ql.FlatForward(ql.Date(2, 1, 2024), r, ql.Actual365Fixed(), ql.Continuous).discount(T)
    calc = ql.BlackCalculator(ql.PlainVanillaPayoff(ql.Option.Call if typ == 'call' else ql.Option.Put, K),
                              F, vol * T ** 0.5, disc)
    return {
        'model': 'black76', 'type': typ, 'forward': F, 'strike': K, 'expiryYears': T, 'vol': vol, 'rate': r,
        'price': calc.value(), 'delta': calc.delta(F), 'gamma': calc.gamma(F), 'vega': calc.vega(T),
        'theta': calc.theta(F, T),
        'tolerance': {'relative': 1e-12, 'absoluteScale': 1e-13},
        'source': f'{SOURCE} BlackCalculator, T = {days}/365',
    }


def check_conventions(rows):
    """The conversions stated above, checked: every QuantLib value against the 50-digit closed forms."""
    import sys
    sys.path.insert(0, os.path.dirname(__file__))
    from mpmath import mp, mpf
    import mpmath_options as ref
    worst = 0.0
    with mp.workdps(50):
        for row in rows:
            args = [mpf(row['spot' if row['model'] == 'bsm' else 'forward']), mpf(row['strike']),
                    mpf(row['expiryYears']), mpf(row['vol']), mpf(row['rate'])]
            if row['model'] == 'bsm':
                exact = ref.bsm(row['type'] == 'call', *args, mpf(row['dividendYield']))
            else:
                exact = ref.black76(row['type'] == 'call', *args)
            for k in ('price', 'delta', 'gamma', 'vega', 'theta', 'rho'):
                if k not in row:
                    continue
                err = float(abs(row[k] - exact[k]) / abs(exact[k]))
                worst = max(worst, err)
                assert err < 1e-12, ('QuantLib disagrees with the closed form', row, k, exact[k])
    print(f'QuantLib values vs mpmath closed forms: worst relative difference {worst:.2e}')


def main():
    rows = []
    bsm_inputs = [
        (100.0, 100.0, 365, 0.2, 0.05, 0.0), (100.0, 110.0, 182, 0.35, 0.03, 0.01),
        (80.0, 110.0, 1095, 0.25, 0.05, 0.03),             # C07's inputs (3 years = 1095 days)
        (4600.0, 4400.0, 5, 0.19, 0.01, 0.0),              # C04's inputs
        (42000.0, 50000.0, 30, 0.65, 0.045, 0.0), (42000.0, 35000.0, 7, 0.9, 0.045, 0.02),
        (1.25, 1.0, 90, 1.5, 0.0, 0.05), (3000.0, 3000.0, 1, 0.8, 0.05, 0.0),
        (55.0, 60.0, 730, 0.3, -0.01, 0.0), (10.0, 25.0, 3650, 0.45, 0.02, 0.04),
    ]
    for args in bsm_inputs:
        for typ in ('call', 'put'):
            rows.append(bsm_row(typ, *args))
    b76_inputs = [
        (100.0, 100.0, 365, 0.2, 0.0), (100.0, 100.0, 365, 0.2, 0.05),   # C06's forward and strike
        (43000.0, 40000.0, 60, 0.55, 0.05), (43000.0, 60000.0, 180, 0.7, 0.05),
        (2.5, 3.0, 14, 1.1, 0.0), (75.0, 70.0, 730, 0.35, 0.03), (1800.0, 1500.0, 2, 0.9, 0.1),
    ]
    for args in b76_inputs:
        for typ in ('call', 'put'):
            rows.append(b76_row(typ, *args))
    check_conventions(rows)
    doc = {
        'source': SOURCE,
        'generator': 'scripts/vectors/quantlib_options.py',
        'generated': date.today().isoformat(),
        'notes': 'Converted to tailguard units (see the generator docstring): theta per year of calendar time, '
                 'vega per 1.00 vol, rho per 1.00 rate; Black-76 rows have no rho (QuantLib\'s is the spot-model rho).',
        'rows': rows,
    }
    write_vectors(OUT, doc)


if __name__ == '__main__':
    main()
