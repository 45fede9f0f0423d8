#!/usr/bin/env python3
"""Expected values of test/hedge (gammaScalp.test.ts, reference.test.ts), by mpmath at 40 digits.
Run: python3 scripts/hedge/mpmath_values.py (no inputs; prints the values the tests pin)."""
from mpmath import mp, mpf, sqrt, ncdf, npdf

mp.dps = 40
S = mpf(100)

# 1) flat bars: ATM straddle S = K = 100, sigma 0.5, 10 daily bars, r = 0: V0 = 2S(2N(sigma sqrt(T)/2) - 1)
sig = mpf('0.5'); T = mpf(10) / 365
print('flat straddle V0 (pnl = -V0)', mp.nstr(2 * S * (2 * ncdf(sig * sqrt(T) / 2) - 1), 20))
# decomposition for a flat path: sum_{i<10} theta_i dt, theta = -1/2 sig^2 S^2 Gamma, Gamma = 2 phi(d1)/(S sig sqrt(tau))
N = 10; dt = T / N; dec = mpf(0)
for i in range(N):
    tau = T - i * dt
    d1 = sig * sqrt(tau) / 2
    dec += -mpf('0.5') * sig**2 * S**2 * (2 * npdf(d1) / (S * sig * sqrt(tau))) * dt
print('flat decomposition', mp.nstr(dec, 20))

# 2) one bar 100 -> 110, T = 1/365: pnl = -V0 + |110 - 100| - Delta0 * 10, Delta0 = 2N(d1) - 1
T1 = mpf(1) / 365; d1 = sig * sqrt(T1) / 2
V1 = 2 * S * (2 * ncdf(d1) - 1); D = 2 * ncdf(d1) - 1
print('one-bar pnl', mp.nstr(-V1 + 10 - D * 10, 20))
G = 2 * npdf(d1) / (S * sig * sqrt(T1))
print('one-bar decomposition 1/2 Gamma S^2 (r^2 - sig^2 dt)', mp.nstr(mpf('0.5') * G * S**2 * ((mpf(10) / 100)**2 - sig**2 * T1), 20))

# 3) constant-product slippage of the initial hedge of a short ATM call (sigma 0.2, T 1, r 0):
#    buy Delta0 = N(0.1) units from x = 1000, y = 100000, fee 0.003: amountIn = y D / ((x - D)(1 - fee)); slippage = amountIn - D*S
D = ncdf(mpf('0.1')); x = mpf(1000); y = mpf(100000); f = mpf('0.003')
print('cp initial-hedge slippage', mp.nstr(y * D / ((x - D) * (1 - f)) - D * 100, 20))
