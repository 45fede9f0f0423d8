#!/usr/bin/python3
"""Check values for the Merton jump-diffusion and Heston kernels from QuantLib (Debian's quantlib-python 1.29).

Run once:  /usr/bin/python3 scripts/vectors/quantlib_models.py     (apt-get install quantlib-python python3-mpmath)
Writes:    test/vectors/quantlib_models.json

Dates: evaluation date 2024-01-02, expiry = evaluation date + N days, Actual365Fixed, so QuantLib's year
fraction is exactly N / 365.0 (the row's expiryYears); flat continuous-compounding curves.

Heston. VanillaOption + AnalyticHestonEngine(HestonModel(HestonProcess(...)), AndersenPiterbarg complex log
(Andersen–Piterbarg control variate), Gauss–Lobatto with absolute tolerance 1e-14 and 1e6 evaluations) — the
configuration QuantLib's own test-suite (hestonmodel.cpp, testAlanLewisReferencePrices) uses for its
1e-12-relative check. Every row is priced a second time with the Gatheral complex log and Gauss–Lobatto
with relative tolerance 1e-12 (QuantLib's classic P1/P2 form): the rows keep the difference between the two
as `qlSpread`, and the row's tolerance is max(2e-11·√(S·K)… see `tolerance` below). Delta: QuantLib's
analytic engine has no Greeks; the rows' delta is a central difference of the first engine's NPV with spot
bumps ±h, h = S·min(1e-3, 0.02·√(max(v0, θ)·T)) and h/2, Richardson-extrapolated (truncation O(h⁴)), tolerance 1e-7 absolute.
Published Heston values are added as separate rows: Alan Lewis's 50-digit reference prices (quoted in
QuantLib's test-suite/hestonmodel.cpp, testAlanLewisReferencePrices) and QuantLib's own cached value
0.0404774515 of testAnalyticVsCached (its T is an ActualActual(ISDA) fraction computed here).

Merton (1976). The Debian SWIG bindings of QuantLib 1.29 do not export JumpDiffusionEngine (ql.Merton76Process
exists, the engine does not), so the rows are the Merton series the engine sums, with each term priced by
QuantLib's BlackCalculator: price = Σ_n P(N = n; λT)·BlackCalculator(F_n, s_n, e^{−rT}), F_n = S·e^{(r−q)T −λkT + n·m},
s_n² = σ²T + n·δ², m = μ + δ²/2, k = e^m − 1, summed over all n with Poisson mass > 1e-22. The rows are
checked here against (1) mpmath's 30-digit evaluation of the same series and (2) QuantLib's BatesEngine
(Heston + Merton jumps) with volOfVol = 1e-4, v0 = θ = σ² (a different integral representation whose
difference from Merton is O(volOfVol²)); both must agree. Delta = Σ w_n·∂/∂S and vega = Σ w_n·vega_n·σ/σ_n
from BlackCalculator's delta and vega.
"""
import math
import os
import sys
from datetime import date

import QuantLib as ql
from mpmath import mp, mpf
from vectorio import write_vectors

OUT = os.path.join(os.path.dirname(__file__), '..', '..', 'test', 'vectors', 'quantlib_models.json')
SOURCE = f'QuantLib {ql.__version__} (Debian quantlib-python)'
TODAY = ql.Date(2, 1, 2024)
DC = ql.Actual365Fixed()
NULL_REAL = 3.4028234663852886e+38  # QuantLib's Null<Real>: "no relative tolerance"


def curves(S, r, q, today=TODAY, dc=DC):
    spot = ql.QuoteHandle(ql.SimpleQuote(S))
    rts = ql.YieldTermStructureHandle(ql.FlatForward(today, r, dc, ql.Continuous))
    qts = ql.YieldTermStructureHandle(ql.FlatForward(today, q, dc, ql.Continuous))
    return spot, rts, qts


def heston_npv(typ, S, K, days, r, q, v0, kappa, theta, xi, rho, cfg):
    ql.Settings.instance().evaluationDate = TODAY
    spot, rts, qts = curves(S, r, q)
    model = ql.HestonModel(ql.HestonProcess(rts, qts, spot, v0, kappa, theta, xi, rho))
    I = ql.AnalyticHestonEngine_Integration
    if cfg == 'ap':
        engine = ql.AnalyticHestonEngine(model, ql.AnalyticHestonEngine.AndersenPiterbarg,
                                         I.gaussLobatto(NULL_REAL, 1e-14, 1000000), 1e-14)
    else:
        engine = ql.AnalyticHestonEngine(model, ql.AnalyticHestonEngine.Gatheral,
                                         I.gaussLobatto(1e-12, NULL_REAL, 1000000))
    option = ql.VanillaOption(ql.PlainVanillaPayoff(ql.Option.Call if typ == 'call' else ql.Option.Put, K),
                              ql.EuropeanExercise(TODAY + days))
    option.setPricingEngine(engine)
    return option.NPV()


def heston_row(typ, S, K, days, r, q, v0, kappa, theta, xi, rho, note):
    T = DC.yearFraction(TODAY, TODAY + days)
    assert T == days / 365.0
    args = (typ, S, K, days, r, q, v0, kappa, theta, xi, rho)
    price = heston_npv(*args, 'ap')
    other = heston_npv(*args, 'gatheral')
    def central(h):
        up = heston_npv(typ, S + h, K, days, r, q, v0, kappa, theta, xi, rho, 'ap')
        dn = heston_npv(typ, S - h, K, days, r, q, v0, kappa, theta, xi, rho, 'ap')
        return (up - dn) / (2 * h)
    h = S * min(1e-3, 0.02 * math.sqrt(max(v0, theta) * T))  # well inside the terminal distribution's width
    d1, d2 = central(h), central(h / 2)
    delta = (4 * d2 - d1) / 3  # Richardson: O(h⁴)
    assert abs(delta - d2) < 1e-5, ('delta difference quotient unstable', args, d1, d2)
    spread = abs(price - other)
    feller = 2 * kappa * theta - xi * xi
    return {
        'model': 'heston', 'type': typ, 'spot': S, 'strike': K, 'expiryYears': T, 'rate': r, 'dividendYield': q,
        'v0': v0, 'kappa': kappa, 'theta': theta, 'volOfVol': xi, 'rho': rho,
        'price': price, 'delta': delta, 'qlSpread': spread, 'feller': feller >= 0,
        'tolerance': {'priceAbsolute': max(1e-10, 1e-12 * S, 3 * spread), 'deltaAbsolute': 1e-7},
        'source': f'{SOURCE} AnalyticHestonEngine(AndersenPiterbarg, GaussLobatto abs 1e-14), {days} days; '
                  f'{note}; delta by central difference of NPV',
    }


def lewis_rows():
    """Alan Lewis's reference prices as quoted in QuantLib's test-suite/hestonmodel.cpp."""
    ref = {80: ('7.958878113256768285213263077598987193482161301733',
                '26.774758743998854221382195325726949201687074848341'),
           90: ('12.017966707346304987709573290236471654992071308187',
                '20.933349000596710388139445766564068085476194042256'),
           100: ('17.055270961270109413522653999411000974895436309183',
                 '16.070154917028834278213466703938231827658768230714'),
           110: ('23.017825898442800538908781834822560777763225722188',
                 '12.132211516709844867860534767549426052805766831181'),
           120: ('29.811026202682471843340682293165857439167301370697',
                 '9.024913483457835636553375454092357136489051667150')}
    rows = []
    for K, (put, call) in ref.items():
        for typ, value in (('put', put), ('call', call)):
            rows.append({
                'model': 'heston', 'type': typ, 'spot': 100.0, 'strike': float(K), 'expiryYears': 1.0,
                'rate': 0.01, 'dividendYield': 0.02, 'v0': 0.04, 'kappa': 4.0, 'theta': 0.25, 'volOfVol': 1.0,
                'rho': -0.5, 'price': float(value), 'priceDigits': value,
                'tolerance': {'priceRelative': 1e-12},
                'source': 'A. Lewis, Heston reference prices (wilmott.com forum thread 90957), as quoted in QuantLib '
                          'test-suite/hestonmodel.cpp testAlanLewisReferencePrices (tolerance 1e-12 relative there)',
            })
    return rows


def cached_row():
    """QuantLib hestonmodel.cpp testAnalyticVsCached: 0.0404774515 (Gauss–Laguerre 64, tolerance 1e-8)."""
    dc = ql.ActualActual(ql.ActualActual.ISDA)
    T = dc.yearFraction(ql.Date(27, 12, 2004), ql.Date(28, 3, 2005))
    return {
        'model': 'heston', 'type': 'call', 'spot': 1.0, 'strike': 1.05, 'expiryYears': T, 'rate': 0.0225,
        'dividendYield': 0.02, 'v0': 0.1, 'kappa': 3.16, 'theta': 0.09, 'volOfVol': 0.4, 'rho': -0.2,
        'price': 0.0404774515, 'tolerance': {'priceAbsolute': 1e-8},
        'source': 'QuantLib test-suite/hestonmodel.cpp testAnalyticVsCached, cached value 0.0404774515 '
                  '(tolerance 1e-8 there); T = ActualActual(ISDA) 2004-12-27 → 2005-03-28',
    }


# ---------------------------------------------------------------- Merton


def poisson_weights(L, eps=1e-22):
    """(n, P(N = n)) for all n with P > eps·max, from lgamma (double precision)."""
    if L == 0:
        return [(0, 1.0)]
    mode = int(math.floor(L))
    out = []
    for n in range(0, mode + 20 + int(12 * math.sqrt(L) + 60)):
        lw = -L + n * math.log(L) - math.lgamma(n + 1)
        if lw > math.log(eps):
            out.append((n, math.exp(lw)))
    return out


def merton_ql(typ, S, K, T, vol, r, q, lam, mu, delta):
    m = mu + 0.5 * delta * delta
    k = math.expm1(m)
    disc = math.exp(-r * T)
    payoff = ql.PlainVanillaPayoff(ql.Option.Call if typ == 'call' else ql.Option.Put, K)
    price = dlt = vega = 0.0
    for n, w in poisson_weights(lam * T):
        shift = -lam * k * T + n * m
        Sn = S * math.exp(shift)
        F = Sn * math.exp((r - q) * T)
        s2 = vol * vol * T + n * delta * delta
        if s2 == 0:  # the σ → 0 limit away from the money-forward (BlackCalculator's Greeks are NaN there)
            assert F != K
            itm = (F > K) == (typ == 'call')
            intrinsic = disc * max((F - K) if typ == 'call' else (K - F), 0.0)
            price += w * intrinsic
            dlt += w * ((1 if typ == 'call' else -1) * math.exp(-q * T) * Sn / S if itm else 0.0)
            continue
        c = ql.BlackCalculator(payoff, F, math.sqrt(s2), disc)
        price += w * c.value()
        # BlackCalculator.delta(spot) is ∂V/∂spot with F = spot·growth, here ∂V/∂S_n; ∂S_n/∂S = S_n/S
        dlt += w * c.delta(Sn) * Sn / S
        voln = math.sqrt(s2 / T)
        vega += w * c.vega(T) * (vol / voln if voln > 0 else 1.0)
    return price, dlt, vega


def merton_mp(typ, S, K, T, vol, r, q, lam, mu, delta):
    with mp.workdps(30):
        S, K, T, vol, r, q, lam, mu, delta = map(mpf, (S, K, T, vol, r, q, lam, mu, delta))
        m = mu + delta * delta / 2
        k = mp.expm1(m)
        L = lam * T
        total = mpf(0)
        n = 0
        while True:
            w = mp.exp(-L) * L ** n / mp.factorial(n)
            Sn = S * mp.exp(-lam * k * T + n * m)
            s = mp.sqrt(vol * vol * T + n * delta * delta)
            F = Sn * mp.exp((r - q) * T)
            if s == 0:
                call = mp.exp(-r * T) * max(F - K, 0)
            else:
                d1 = (mp.log(F / K) + s * s / 2) / s
                d2 = d1 - s
                call = mp.exp(-r * T) * (F * mp.ncdf(d1) - K * mp.ncdf(d2))
            v = call if typ == 'call' else call - mp.exp(-r * T) * (F - K)
            total += w * v
            if n > L and w < mpf('1e-25'):
                break
            n += 1
        return float(total)


def merton_bates(typ, S, K, days, vol, r, q, lam, mu, delta):
    ql.Settings.instance().evaluationDate = TODAY
    spot, rts, qts = curves(S, r, q)
    v = vol * vol
    model = ql.BatesModel(ql.BatesProcess(rts, qts, spot, v, 1.0, v, 1e-4, 0.0, lam, mu, delta))
    option = ql.VanillaOption(ql.PlainVanillaPayoff(ql.Option.Call if typ == 'call' else ql.Option.Put, K),
                              ql.EuropeanExercise(TODAY + days))
    option.setPricingEngine(ql.BatesEngine(model, 1e-12, 1000000))
    return option.NPV()


def merton_row(typ, S, K, days, vol, r, q, lam, mu, delta, note):
    T = days / 365.0
    price, dlt, vega = merton_ql(typ, S, K, T, vol, r, q, lam, mu, delta)
    exact = merton_mp(typ, S, K, T, vol, r, q, lam, mu, delta)
    # BatesModel rejects a zero variance or jump vol: no Bates check then
    bates = merton_bates(typ, S, K, days, vol, r, q, lam, mu, delta) if vol > 0 and delta > 0 else None
    assert abs(price - exact) <= 1e-12 * max(S, K), ('series vs mpmath', typ, S, K, days, price, exact)
    if bates is not None:
        print(f'  Merton {typ} S={S} K={K} {days}d: series - Bates = {price - bates:.2e}')
        assert abs(price - bates) <= 1e-7 * max(S, K), ('series vs BatesEngine', typ, S, K, days, price, bates)
    return {
        'model': 'merton', 'type': typ, 'spot': S, 'strike': K, 'expiryYears': T, 'vol': vol, 'rate': r,
        'dividendYield': q, 'jumpIntensity': lam, 'jumpMean': mu, 'jumpVol': delta,
        'price': price, 'delta': dlt, 'vega': vega, 'mpmathPrice': exact, 'batesPrice': bates,
        'tolerance': {'priceAbsolute': max(1e-12 * max(S, K), 1e-13), 'greekRelative': 1e-10, 'greekAbsolute': 1e-12},
        'source': f'{SOURCE} BlackCalculator terms of the Merton (1976) series (JumpDiffusionEngine is not in the '
                  f'Debian bindings), {days} days; {note}; checked against mpmath 30 digits and BatesEngine '
                  f'(volOfVol 1e-4)',
    }


def main():
    rows = []
    # ---- Heston grid: short expiries, far strikes, rho ±0.9, Feller violated
    params = [
        # v0, kappa, theta, xi, rho, note
        (0.04, 1.5, 0.04, 0.3, -0.7, 'Feller satisfied'),
        (0.0175, 1.5768, 0.0398, 0.5751, -0.5711, 'Feller violated (Fang–Oosterlee 2008 parameters)'),
        (0.09, 2.0, 0.06, 1.0, 0.9, 'rho +0.9, Feller violated'),
        (0.25, 3.0, 0.36, 1.5, -0.9, 'crypto-like, rho -0.9, Feller violated'),
        (0.04, 0.5, 0.09, 2.0, -0.3, 'strongly Feller-violating vol of vol 2'),
    ]
    cases = [  # S, K, days, r, q
        (100.0, 100.0, 365, 0.03, 0.01), (100.0, 60.0, 365, 0.03, 0.01), (100.0, 160.0, 365, 0.03, 0.01),
        (100.0, 95.0, 7, 0.05, 0.0), (100.0, 103.0, 1, 0.05, 0.0), (100.0, 100.0, 1, 0.0, 0.0),
        (100.0, 250.0, 730, 0.02, 0.0), (100.0, 30.0, 1825, 0.02, 0.01), (42000.0, 50000.0, 30, 0.045, 0.0),
        (100.0, 80.0, 30, 0.01, 0.02),
    ]
    for v0, kappa, theta, xi, rho, note in params:
        for S, K, days, r, q in cases:
            for typ in ('call', 'put'):
                rows.append(heston_row(typ, S, K, days, r, q, v0, kappa, theta, xi, rho, note))
    rows.extend(lewis_rows())
    rows.append(cached_row())
    # ---- Merton grid
    mcases = [
        # S, K, days, vol, r, q, lam, mu, delta, note
        (100.0, 100.0, 182, 0.25, 0.08, 0.0, 5.0, -0.05, 0.1, 'moderate jumps'),
        (100.0, 80.0, 365, 0.2, 0.05, 0.01, 1.0, -0.2, 0.3, 'rare large down-jumps'),
        (100.0, 130.0, 365, 0.2, 0.05, 0.01, 1.0, -0.2, 0.3, 'rare large down-jumps, OTM call'),
        (100.0, 100.0, 7, 0.5, 0.03, 0.0, 20.0, 0.0, 0.05, 'short expiry, frequent small jumps'),
        (100.0, 60.0, 30, 0.6, 0.03, 0.0, 3.0, -0.3, 0.2, 'far OTM put'),
        (42000.0, 50000.0, 60, 0.55, 0.045, 0.0, 10.0, 0.02, 0.08, 'BTC-like'),
        (100.0, 100.0, 3650, 0.15, 0.02, 0.0, 50.0, 0.01, 0.05, 'long expiry, many jumps (λT = 500)'),
        (100.0, 110.0, 365, 0.0, 0.02, 0.0, 2.0, 0.1, 0.2, 'no diffusion'),
        (100.0, 100.0, 365, 0.3, 0.0, 0.0, 0.5, 0.4, 0.0, 'fixed-size up-jumps (jumpVol 0)'),
        (80.0, 100.0, 36, 0.25, 0.1, 0.0, 1.0, 0.0, 0.125, 'OTM call, symmetric log-jumps'),
    ]
    for S, K, days, vol, r, q, lam, mu, delta, note in mcases:
        for typ in ('call', 'put'):
            rows.append(merton_row(typ, S, K, days, vol, r, q, lam, mu, delta, note))
    worst = max((r['qlSpread'] for r in rows if 'qlSpread' in r), default=0.0)
    print(f'Heston: largest difference between the two QuantLib configurations {worst:.2e}')
    doc = {
        'source': SOURCE,
        'generator': 'scripts/vectors/quantlib_models.py',
        'generated': date.today().isoformat(),
        'notes': 'Heston rows: AnalyticHestonEngine (AndersenPiterbarg, Gauss–Lobatto 1e-14) with qlSpread = |difference| '
                 'to the Gatheral/Gauss–Lobatto 1e-12 configuration; published rows (Lewis, QuantLib cached) carry their '
                 'own tolerance. Merton rows: the Merton series over QuantLib BlackCalculator terms, cross-checked with '
                 'mpmath (mpmathPrice) and BatesEngine (batesPrice). Units as tailguard (DESIGN §4).',
        'rows': rows,
    }
    write_vectors(OUT, doc)


if __name__ == '__main__':
    sys.exit(main())
