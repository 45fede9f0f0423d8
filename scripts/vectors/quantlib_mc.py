#!/usr/bin/python3
"""Reference values for the Monte Carlo tests (test/mc/): QuantLib 1.29 (Debian quantlib-python).

Run once with Debian's /usr/bin/python3 (`apt-get install quantlib-python`); writes
test/vectors/quantlib_mc.json. Never run at test time.
  - Heston: AnalyticHestonEngine (Gauss-Laguerre/adaptive integration of the characteristic function).
  - Barrier: AnalyticBarrierEngine (Reiner-Rubinstein, continuous monitoring), rebate 0.
  - Merton: the series of Merton (1976) in 50-digit mpmath (the Python bindings lack JumpDiffusionEngine).
"""
import json
import math
import os

import QuantLib as ql
import mpmath as mp

TODAY = ql.Date(2, 1, 2024)
ql.Settings.instance().evaluationDate = TODAY
DC = ql.Actual365Fixed()


def curve(r):
    return ql.YieldTermStructureHandle(ql.FlatForward(TODAY, r, DC, ql.Continuous))


def expiry(t):
    return TODAY + int(round(t * 365))


def years(t):
    return DC.yearFraction(TODAY, expiry(t))


def heston(spot, strike, t, r, q, v0, kappa, theta, xi, rho, kind):
    process = ql.HestonProcess(curve(r), curve(q), ql.QuoteHandle(ql.SimpleQuote(spot)), v0, kappa, theta, xi, rho)
    engine = ql.AnalyticHestonEngine(ql.HestonModel(process), 1e-12, 100000)
    opt = ql.VanillaOption(ql.PlainVanillaPayoff(ql.Option.Call if kind == 'call' else ql.Option.Put, strike),
                           ql.EuropeanExercise(expiry(t)))
    opt.setPricingEngine(engine)
    return opt.NPV()


def bs_process(spot, r, q, vol):
    return ql.BlackScholesMertonProcess(ql.QuoteHandle(ql.SimpleQuote(spot)), curve(q), curve(r),
                                        ql.BlackVolTermStructureHandle(ql.BlackConstantVol(TODAY, ql.NullCalendar(), vol, DC)))


def barrier(spot, strike, t, r, q, vol, h, direction, knock, kind):
    bt = {('up', 'in'): ql.Barrier.UpIn, ('up', 'out'): ql.Barrier.UpOut,
          ('down', 'in'): ql.Barrier.DownIn, ('down', 'out'): ql.Barrier.DownOut}[(direction, knock)]
    opt = ql.BarrierOption(bt, h, 0.0, ql.PlainVanillaPayoff(ql.Option.Call if kind == 'call' else ql.Option.Put, strike),
                           ql.EuropeanExercise(expiry(t)))
    opt.setPricingEngine(ql.AnalyticBarrierEngine(bs_process(spot, r, q, vol)))
    return opt.NPV()


def merton(spot, strike, t, r, q, vol, lam, jmean, jvol, kind):
    """Merton (1976) series, 50-digit mpmath: sum_n e^{-l't}(l't)^n/n! BSM(sigma_n, r_n), l' = lam(1+k),
    k = e^{jmean + jvol^2/2} - 1, sigma_n^2 = vol^2 + n jvol^2/t, r_n = r - lam k + n (jmean + jvol^2/2)/t."""
    mp.mp.dps = 50
    S, K, T, r, q, v, lam, m, s = (mp.mpf(x) for x in (spot, strike, t, r, q, vol, lam, jmean, jvol))
    k = mp.exp(m + s * s / 2) - 1
    lp = lam * (1 + k) * T
    total = mp.mpf(0)
    for n in range(0, 400):
        sn = mp.sqrt(v * v + n * s * s / T)
        rn = r - lam * k + n * (m + s * s / 2) / T
        d1 = (mp.log(S / K) + (rn - q + sn * sn / 2) * T) / (sn * mp.sqrt(T))
        d2 = d1 - sn * mp.sqrt(T)
        if kind == 'call':
            bs = S * mp.exp(-q * T) * mp.ncdf(d1) - K * mp.exp(-rn * T) * mp.ncdf(d2)
        else:
            bs = K * mp.exp(-rn * T) * mp.ncdf(-d2) - S * mp.exp(-q * T) * mp.ncdf(-d1)
        total += mp.exp(-lp) * lp ** n / mp.factorial(n) * bs
    return float(total)


SOURCE = f"QuantLib {ql.__version__} via scripts/vectors/quantlib_mc.py"
rows = {"heston": [], "barrier": [], "merton": []}
# Expiries are whole days (Actual/365 fixed), so expiryYears below is exact for QuantLib's dates.
for (spot, strike, days, r, q, v0, kappa, theta, xi, rho, kind) in [
    (100, 100, 365, 0.03, 0.0, 0.04, 1.5, 0.04, 0.5, -0.7, 'call'),
    (100, 110, 365, 0.05, 0.02, 0.09, 2.0, 0.06, 0.8, -0.5, 'put'),
    (50000, 55000, 91, 0.04, 0.0, 0.36, 3.0, 0.3, 1.2, -0.3, 'call'),
]:
    t = days / 365
    rows["heston"].append(dict(spot=spot, strike=strike, expiryYears=years(t), rate=r, dividendYield=q, v0=v0, kappa=kappa,
                               theta=theta, volOfVol=xi, rho=rho, optionType=kind,
                               price=heston(spot, strike, t, r, q, v0, kappa, theta, xi, rho, kind), source=SOURCE + " AnalyticHestonEngine"))
for (spot, strike, days, r, q, vol, h, direction, knock, kind) in [
    (100, 100, 365, 0.05, 0.02, 0.25, 90, 'down', 'out', 'call'),
    (100, 100, 365, 0.05, 0.02, 0.25, 90, 'down', 'in', 'call'),
    (100, 100, 365, 0.05, 0.02, 0.25, 120, 'up', 'out', 'call'),
    (100, 100, 365, 0.05, 0.02, 0.25, 120, 'up', 'in', 'put'),
    (100, 105, 182, 0.03, 0.0, 0.3, 85, 'down', 'in', 'put'),
]:
    t = days / 365
    rows["barrier"].append(dict(spot=spot, strike=strike, expiryYears=years(t), rate=r, dividendYield=q, vol=vol, barrier=h,
                                direction=direction, knock=knock, optionType=kind,
                                price=barrier(spot, strike, t, r, q, vol, h, direction, knock, kind), source=SOURCE + " AnalyticBarrierEngine"))
for (spot, strike, days, r, q, vol, lam, jm, jv, kind) in [
    (100, 100, 365, 0.05, 0.0, 0.2, 1.0, -0.1, 0.15, 'call'),
    (100, 90, 730, 0.03, 0.01, 0.15, 0.5, -0.2, 0.3, 'put'),
]:
    t = days / 365
    rows["merton"].append(dict(spot=spot, strike=strike, expiryYears=years(t), rate=r, dividendYield=q, vol=vol, jumpIntensity=lam,
                               jumpMean=jm, jumpVol=jv, optionType=kind,
                               price=merton(spot, strike, t, r, q, vol, lam, jm, jv, kind), source="Merton (1976) series, mpmath 50 digits, scripts/vectors/quantlib_mc.py"))

out = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'test', 'vectors', 'quantlib_mc.json')
with open(out, 'w') as f:
    json.dump({"source": SOURCE, "rows": rows}, f, indent=1)
    f.write('\n')
print(json.dumps(rows, indent=1))
