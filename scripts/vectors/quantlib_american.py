#!/usr/bin/python3
"""QuantLib check values for American and European options on binomial trees (issue #4 §3).

Run once:  /usr/bin/python3 scripts/vectors/quantlib_american.py     (apt-get install quantlib-python)
Writes:    test/vectors/quantlib_american.json

Set-up as in quantlib_options.py: BlackScholesMertonProcess with flat curves (FlatForward, Continuous) and
BlackConstantVol on Actual365Fixed; evaluation date 2024-01-02, expiry = evaluation date + N days, so the
engines' year fraction is exactly N / 365.0, the row's expiryYears. American exercise is
AmericanExercise(evaluation date, expiry): exercisable at every node, time 0 included.

Row kinds:
  * 'tree': BinomialVanillaEngine(process, 'crr' | 'lr', steps). Conventions of QuantLib 1.29, checked by
    re-implementing its trees in plain Python below (check_trees) and stated in the rows:
      - 'crr' is CoxRossRubinstein: nodes S·e^{(2j−i)σ√dt} but the probability is the first-order
        p = ½ + ½·(r − q − σ²/2)·dt/(σ√dt), not CRR's exact (e^{(r−q)dt} − d)/(u − d). tailguard's 'crr'
        uses the exact one; the kernel's method 3 reproduces QuantLib's, and the rows say
        "treeMethod": "crr-quantlib".
      - 'lr' is LeisenReimer with Peizer–Pratt method 2 (as ours). With an even step count QuantLib builds
        the LR parameters for N + 1 steps but rolls back N steps of T/N; only odd counts are used here.
      - delta from the two step-1 nodes, gamma from the three step-2 nodes (Hull) = our 'nodeDelta',
        'nodeGamma' diagnostics; theta is blackScholesTheta(process, V, Δ, Γ) = rV − (r − q)SΔ − ½σ²S²Γ
        (the Black–Scholes PDE with the node Greeks), stored as 'pdeTheta' (ours comes from the tree).
      - QuantLib 1.29 mis-prices American options when its TimeGrid's last time (T/N)·N rounds below T
        (e.g. T = 1, N = 501: 0.9999999999999999): the exercise window [0, closest grid time] then
        excludes the maturity, the payoff is never applied there, and the American value falls below the
        European one (1.84896 vs 1.85942 for case C10 at LR 501). Step counts are therefore moved to the
        nearest count of the same parity at or above the wanted one with (T/N)·N == T ('usable_steps').
      - QuantLib's drift uses forward rates over [0, 1e-4] (relative rounding ~1e-11), hence the
        tolerance 1e-10 relative on tree values.
  * 'reference' (American): QdFpAmericanEngine(highPrecisionScheme) (Andersen, Lake & Offengenden 2016,
    accurate to ~1e-9 on these inputs) for the price, cross-checked against FdBlackScholesVanillaEngine
    (8000 time × 4000 space steps) within 3e-4 relative; delta, gamma and theta from that FD engine
    (tolerance 2e-4 / 1e-3 / 3e-3 relative, its grid error). For an American call with q = 0 the
    reference is the European value (never exercised early).
  * 'reference' (European): AnalyticEuropeanEngine price, delta, gamma, theta (exact).
"""
import math
import os
from datetime import date

import QuantLib as ql
from vectorio import write_vectors

OUT = os.path.join(os.path.dirname(__file__), '..', '..', 'test', 'vectors', 'quantlib_american.json')
SOURCE = f'QuantLib {ql.__version__} (Debian quantlib-python)'
TODAY = ql.Date(2, 1, 2024)
DC = ql.Actual365Fixed()

# (type, spot, strike, days, vol, rate, dividendYield, tag)
INPUTS = [
    ('call', 80.0, 100.0, 365, 0.2, 0.05, 0.0, 'case C10'),
    ('put', 100.0, 110.0, 365, 0.3, 0.05, 0.02, 'ITM put with a yield'),
    ('put', 100.0, 100.0, 182, 0.25, 0.06, 0.0, 'ATM put'),
    ('call', 100.0, 95.0, 730, 0.35, 0.03, 0.07, 'call with a high yield (early exercise)'),
    ('put', 42000.0, 35000.0, 30, 0.65, 0.045, 0.0, 'crypto OTM put'),
    ('put', 40.0, 50.0, 91, 0.2, 0.08, 0.0, 'deep ITM put'),
    ('call', 1.25, 1.0, 90, 1.5, 0.0, 0.05, 'high-vol call, negative carry'),
    ('put', 100.0, 100.0, 3650, 0.4, 0.02, 0.01, '10-year put'),
]
TREE_STEPS = {'crr': [100, 101, 500, 2000], 'lr': [101, 501, 1001]}


def process(S, r, q, vol):
    return ql.BlackScholesMertonProcess(
        ql.QuoteHandle(ql.SimpleQuote(S)),
        ql.YieldTermStructureHandle(ql.FlatForward(TODAY, q, DC, ql.Continuous)),
        ql.YieldTermStructureHandle(ql.FlatForward(TODAY, r, DC, ql.Continuous)),
        ql.BlackVolTermStructureHandle(ql.BlackConstantVol(TODAY, ql.NullCalendar(), vol, DC)))


def option(typ, K, days, american):
    maturity = TODAY + days
    exercise = ql.AmericanExercise(TODAY, maturity) if american else ql.EuropeanExercise(maturity)
    return ql.VanillaOption(ql.PlainVanillaPayoff(ql.Option.Call if typ == 'call' else ql.Option.Put, K), exercise)


def inputs_of(typ, S, K, days, vol, r, q, american):
    T = DC.yearFraction(TODAY, TODAY + days)
    assert T == days / 365.0
    return {'type': typ, 'spot': S, 'strike': K, 'expiryYears': T, 'vol': vol, 'rate': r, 'dividendYield': q,
            'exercise': 'american' if american else 'european'}


def python_tree(method, typ, S, K, T, vol, r, q, N, american):
    """QuantLib 1.29's trees re-implemented (plain Python), to confirm the conventions stated above."""
    w = 1.0 if typ == 'call' else -1.0
    dt = T / N
    nu = r - q - 0.5 * vol * vol
    if method == 'crr':
        dx = vol * math.sqrt(dt)
        pu = 0.5 + 0.5 * nu * dt / dx
        spot = lambda i, j: S * math.exp((2 * j - i) * dx)
    else:
        assert N % 2 == 1
        sT = vol * math.sqrt(T)
        d2 = (math.log(S / K) + nu * T) / sT

        def h(z):
            t = z / (N + 1.0 / 3.0 + 0.1 / (N + 1.0))
            return 0.5 + math.copysign(1.0, z if z != 0 else -1.0) * math.sqrt(0.25 * (1.0 - math.exp(-t * t * (N + 1.0 / 6.0))))
        pu = h(d2)
        up = math.exp((r - q) * dt) * h(d2 + sT) / pu
        down = (math.exp((r - q) * dt) - pu * up) / (1.0 - pu)
        spot = lambda i, j: S * down ** (i - j) * up ** j
    disc = math.exp(-r * dt)
    v = [max(w * (spot(N, j) - K), 0.0) for j in range(N + 1)]
    for i in range(N - 1, -1, -1):
        v = [disc * (pu * v[j + 1] + (1 - pu) * v[j]) for j in range(i + 1)]
        if american:
            v = [max(v[j], w * (spot(i, j) - K)) for j in range(i + 1)]
    return v[0]


def usable_steps(steps, T):
    """The first count N ≥ steps of the same parity whose grid ends exactly at T (see the docstring)."""
    n = steps
    while (T / n) * n != T:
        n += 2
    return n


def tree_row(method, steps, typ, S, K, days, vol, r, q, american, tag):
    opt = option(typ, K, days, american)
    opt.setPricingEngine(ql.BinomialVanillaEngine(process(S, r, q, vol), method, steps))
    row = inputs_of(typ, S, K, days, vol, r, q, american)
    row.update({
        'kind': 'tree', 'treeMethod': 'crr-quantlib' if method == 'crr' else 'leisen-reimer', 'steps': steps,
        'price': opt.NPV(), 'nodeDelta': opt.delta(), 'nodeGamma': opt.gamma(), 'pdeTheta': opt.theta(),
        'tolerance': {'relative': 1e-10, 'absoluteScale': 1e-12},
        'source': f"{SOURCE} BinomialVanillaEngine('{method}', {steps}), Actual365Fixed, {days} days; {tag}",
    })
    return row


def reference_row(typ, S, K, days, vol, r, q, american, tag):
    p = process(S, r, q, vol)
    row = inputs_of(typ, S, K, days, vol, r, q, american)
    row['kind'] = 'reference'
    if not american or (typ == 'call' and q == 0.0):
        opt = option(typ, K, days, False)
        opt.setPricingEngine(ql.AnalyticEuropeanEngine(p))
        row.update({'price': opt.NPV(), 'delta': opt.delta(), 'gamma': opt.gamma(), 'theta': opt.theta(),
                    'tolerance': {'price': 1e-12, 'delta': 1e-12, 'gamma': 1e-12, 'theta': 1e-12},
                    'source': f'{SOURCE} AnalyticEuropeanEngine'
                              f"{' (an American call without dividends is never exercised early)' if american else ''}; {tag}"})
        return row
    opt = option(typ, K, days, True)
    opt.setPricingEngine(ql.QdFpAmericanEngine(p, ql.QdFpAmericanEngine.highPrecisionScheme()))
    price = opt.NPV()
    opt.setPricingEngine(ql.FdBlackScholesVanillaEngine(p, 8000, 4000))
    fd = opt.NPV()
    assert abs(fd - price) <= 3e-4 * price, ('FD and QdFp disagree', tag, fd, price)
    row.update({'price': price, 'delta': opt.delta(), 'gamma': opt.gamma(), 'theta': opt.theta(), 'fdPrice': fd,
                'tolerance': {'price': 1e-9, 'delta': 2e-4, 'gamma': 1e-3, 'theta': 3e-3},
                'source': f'{SOURCE} QdFpAmericanEngine(highPrecisionScheme) price; FdBlackScholesVanillaEngine'
                          f'(8000 × 4000) delta, gamma, theta; {tag}'})
    return row


def main():
    ql.Settings.instance().evaluationDate = TODAY
    rows = []
    worst = 0.0
    for (typ, S, K, days, vol, r, q, tag) in INPUTS:
        for american in (True, False):
            for method, steps_list in TREE_STEPS.items():
                for wanted in steps_list:
                    steps = usable_steps(wanted, days / 365.0)
                    row = tree_row(method, steps, typ, S, K, days, vol, r, q, american, tag)
                    # the conventions stated above, confirmed against plain Python
                    mine = python_tree(method, typ, S, K, days / 365.0, vol, r, q, steps, american)
                    err = abs(mine - row['price']) / max(abs(row['price']), 1e-12 * K)
                    worst = max(worst, err)
                    assert err < 1e-10, ('QuantLib tree convention not as stated', row, mine)
                    rows.append(row)
            rows.append(reference_row(typ, S, K, days, vol, r, q, american, tag))
    print(f'QuantLib trees vs the plain-Python re-implementation: worst relative difference {worst:.1e}')
    doc = {
        'source': SOURCE,
        'generator': 'scripts/vectors/quantlib_american.py',
        'generated': date.today().isoformat(),
        'notes': "Tree rows: QuantLib's BinomialVanillaEngine ('crr' = CRR nodes with QuantLib's first-order "
                 "probability, tailguard's internal method 3; 'lr' = Leisen-Reimer, odd steps), with QuantLib's "
                 "node delta/gamma (steps 1 and 2) and PDE theta. Reference rows: QdFp (American) or analytic "
                 "(European) prices; FD or analytic Greeks. Theta per year of calendar time.",
        'rows': rows,
    }
    write_vectors(OUT, doc)


if __name__ == '__main__':
    main()
