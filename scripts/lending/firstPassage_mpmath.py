#!/usr/bin/env python3
"""Reference vectors for the probability of liquidation (first passage of the health factor to 1).

Run once:  python3 scripts/lending/firstPassage_mpmath.py      (needs mpmath >= 1.3)
Writes:    test/vectors/firstPassage_mpmath.json

Model (issue #5 §4): ln HF(t) = x0 + ν·t + σ·W_t with x0 = ln HF0 > 0 and ν = m − σ²/2,
m = drift + collateralYield − borrowRate. P = P(min_{s≤T} ln HF(s) ≤ 0).

Two independent evaluations at 50 digits, which must agree to 1e-20 relative (checked here):
  1. the reflection-principle closed form (Shreve, Stochastic Calculus for Finance II, 2004, §7.2, the
     maximum of Brownian motion with drift, applied to −X; Harrison, Brownian Motion and Stochastic Flow
     Systems, 1985, ch. 1):
        P = Φ((−x0 − νT)/(σ√T)) + exp(−2νx0/σ²)·Φ((−x0 + νT)/(σ√T));
  2. numerical quadrature (mpmath.quad, Gauss–Legendre) of the first-passage-time density (inverse Gaussian,
     Karatzas–Shreve, Brownian Motion and Stochastic Calculus, 1991, §3.5.C):
        f(t) = x0/(σ√(2π t³))·exp(−(x0 + νt)²/(2σ²t)),  P = ∫_0^T f(t) dt,
     integrated in z = x0/(σ√t), where f(t)dt = 2φ(z)·exp(−x0ν/σ² − ν²x0²/(2σ⁴z²))dz on [x0/(σ√T), ∞).
Sensitivities are mpmath.diff (numerical differentiation at 400 digits) of the closed form — they do
not use the analytic derivative formulas of the kernel:
  sensitivityToVol = ∂P/∂σ (m held fixed, so ν moves with σ), sensitivityToLogHealthFactor = ∂P/∂x0,
  sensitivityToHorizon = ∂P/∂T, sensitivityToDrift = ∂P/∂m.
Every input is a double (exact binary value used); outputs are rounded once to the nearest double.
Grid (448 rows): HF0 {1.001, 1.05, 1.2, 1.5, 2, 3, 10} × vol {0.05, 0.3, 0.8, 2} × horizon {1/365, 30/365, 1, 5}
years × (drift, borrowRate, collateralYield) {(0, 0, 0), (0.1, 0.05, 0.02), (−0.5, 0.2, 0), (0.8, 0, 0.05)};
P spans 1e-300 … 1 (rows below 1e-290 skip the quadrature check).
"""
import os
import sys
from datetime import date

import mpmath
from mpmath import mp, mpf

sys.path.insert(0, os.path.join(os.path.dirname(__file__), '..', 'vectors'))
from vectorio import write_vectors  # noqa: E402

mp.dps = 50
OUT = os.path.join(os.path.dirname(__file__), '..', '..', 'test', 'vectors', 'firstPassage_mpmath.json')


def closed(x0, m, sig, T):
    nu = m - sig * sig / 2
    s = sig * mpmath.sqrt(T)
    return mpmath.ncdf((-x0 - nu * T) / s) + mpmath.exp(-2 * nu * x0 / (sig * sig)) * mpmath.ncdf((-x0 + nu * T) / s)


def by_quadrature(x0, m, sig, T):
    # ∫_0^T f(t) dt with z = x0/(σ√t): f(t)dt = 2φ(z)·exp(−x0ν/σ² − ν²x0²/(2σ⁴z²)) dz on [z0, ∞),
    # z0 = x0/(σ√T); with z = z0 + u the factor 2φ(z0)·exp(−x0ν/σ²) comes out of the integral:
    # P = 2φ(z0)·e^{−x0ν/σ²}·∫_0^∞ exp(−u²/2 − z0·u − b/(z0 + u)²) du, b = ν²x0²/(2σ⁴)
    nu = m - sig * sig / 2
    z0 = x0 / (sig * mpmath.sqrt(T))
    a = -x0 * nu / (sig * sig)
    b = (nu * x0) ** 2 / (2 * sig ** 4)

    def logg(u):
        return -u * u / 2 - z0 * u - b / ((z0 + u) ** 2)

    # Gauss–Legendre on equal panels (width ≤ 1/8 and ≤ 1/(4·z0), so each panel spans a few e-folds at
    # most) from 0 until the integrand is e^-140 below its largest value and falling
    step = min(mpf(1) / 8, 1 / (4 * z0))
    pts = [mpf(0)]
    top = logg(mpf(0))
    while True:
        u = pts[-1] + step
        pts.append(u)
        lu = logg(u)
        top = max(top, lu)
        if lu < top - 140 and lu < logg(u - step):
            break
    integral = mpmath.quad(lambda u: mpmath.exp(logg(u)), pts, method='gauss-legendre')
    return 2 * mpmath.npdf(z0) * mpmath.exp(a) * integral


def d(f, x):
    # at 400 digits, so that a derivative far below P itself (e.g. ∂P/∂σ ≈ −5e-215 beside P ≈ 1) survives
    # the cancellation of the difference quotient
    with mp.workdps(400):
        return +mpmath.diff(f, x)


def main():
    hfs = ['1.001', '1.05', '1.2', '1.5', '2', '3', '10']
    vols = ['0.05', '0.3', '0.8', '2']
    horizons = [(1, 365), (30, 365), (1, 1), (5, 1)]
    carries = [  # (drift μ, borrowRate, collateralYield)
        ('0', '0', '0'), ('0.1', '0.05', '0.02'), ('-0.5', '0.2', '0'), ('0.8', '0', '0.05')]
    rows = []
    worst = mpf(0)
    for hf_s in hfs:
        for v_s in vols:
            for (num, den) in horizons:
                for (mu_s, b_s, y_s) in carries:
                    hf, sig, mu, b, y = (float(z) for z in (hf_s, v_s, mu_s, b_s, y_s))
                    T = num / den
                    x0 = mpmath.log(mpf(hf))
                    m = mpf(mu) + mpf(y) - mpf(b)
                    S, TT = mpf(sig), mpf(T)
                    p = closed(x0, m, S, TT)
                    if p > mpf(10) ** -290:
                        q = by_quadrature(x0, m, S, TT)
                        rel = abs(p - q) / p
                        worst = max(worst, rel)
                        assert rel < mpf(10) ** -20, (hf, sig, T, mu, b, y, p, q)
                    row = {
                        'healthFactor': hf, 'vol': sig, 'horizonYears': T, 'drift': mu, 'borrowRate': b,
                        'collateralYield': y,
                        'probability': float(p),
                        'distanceToLiquidation': float(x0 / (S * mpmath.sqrt(TT))),
                        'distanceToLiquidationWithDrift': float((x0 + (m - S * S / 2) * TT) / (S * mpmath.sqrt(TT))),
                        'sensitivityToVol': float(d(lambda z: closed(x0, m, z, TT), S)),
                        'sensitivityToLogHealthFactor': float(d(lambda z: closed(z, m, S, TT), x0)),
                        'sensitivityToHorizon': float(d(lambda z: closed(x0, m, S, z), TT)),
                        'sensitivityToDrift': float(d(lambda z: closed(x0, z, S, TT), m)),
                        'source': 'mpmath 50 digits: reflection closed form; = quadrature of the first-passage density',
                    }
                    rows.append(row)
    doc = {
        'source': 'mpmath 1.3 at 50 digits: reflection-principle closed form (Shreve II §7.2), checked against '
                  'mpmath.quad of the inverse-Gaussian first-passage density (Karatzas–Shreve §3.5.C) to 1e-20 relative; '
                  'sensitivities by mpmath.diff of the closed form',
        'generator': 'scripts/lending/firstPassage_mpmath.py',
        'generated': date.today().isoformat(),
        'notes': 'ln HF(t) = ln HF0 + (drift + collateralYield − borrowRate − vol²/2)t + vol·W_t; probability = '
                 'P(HF hits 1 by horizonYears). sensitivityToVol holds drift fixed; sensitivityToLogHealthFactor = '
                 '∂P/∂ln HF0; sensitivityToDrift = ∂P/∂(drift + collateralYield − borrowRate).',
        'rows': rows,
    }
    write_vectors(OUT, doc, f' (closed form vs quadrature: worst relative difference {mpmath.nstr(worst, 3)})')


if __name__ == '__main__':
    main()
