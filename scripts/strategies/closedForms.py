"""Closed-form values for test/strategies (mpmath, 30 digits). Run: python3 scripts/strategies/closedForms.py

Black-Scholes-Merton (Merton 1973): C = S e^{-qT} N(d1) - K e^{-rT} N(d2), P = K e^{-rT} N(-d2) - S e^{-qT} N(-d1),
d1 = (ln(S/K) + (r - q + s^2/2)T)/(s sqrt T), d2 = d1 - s sqrt T; call delta e^{-qT} N(d1).
"""
from mpmath import mp, mpf, log, sqrt, exp, ncdf, findroot

mp.dps = 30

def bsm(cp, S, K, T, s, r, q):
    S, K, T, s, r, q = map(mpf, (S, K, T, s, r, q))
    d1 = (log(S / K) + (r - q + s * s / 2) * T) / (s * sqrt(T))
    d2 = d1 - s * sqrt(T)
    if cp == 'call':
        return S * exp(-q * T) * ncdf(d1) - K * exp(-r * T) * ncdf(d2)
    return K * exp(-r * T) * ncdf(-d2) - S * exp(-q * T) * ncdf(-d1)

# 1. protective put / collar / put spread / covered call on S=100, T=0.5, vol 0.6, r 0.03, q 0.01
for cp, K in [('put', 90), ('put', 80), ('call', 120), ('put', 95)]:
    print('bsm', cp, K, mp.nstr(bsm(cp, 100, K, 0.5, 0.6, 0.03, 0.01), 20))
# 2. zero-cost collar: call strike with C(Kc) = P(90), same inputs
P = bsm('put', 100, 90, 0.5, 0.6, 0.03, 0.01)
kc = findroot(lambda k: bsm('call', 100, k, 0.5, 0.6, 0.03, 0.01) - P, 115)
print('zeroCostCollar Kc(put 90)', mp.nstr(kc, 20))
# with a call skew (callVol 0.5)
kc2 = findroot(lambda k: bsm('call', 100, k, 0.5, 0.5, 0.03, 0.01) - P, 115)
print('zeroCostCollar Kc(put 90, callVol 0.5)', mp.nstr(kc2, 20))
# 3. covered-call vault strike at call delta 0.25, S=100, T=7/365, vol 0.6, r=q=0: K = S exp(-N^-1(0.25) s sqrtT + s^2 T/2)
from mpmath import erfinv
def ninv(p):
    return sqrt(2) * erfinv(2 * mpf(p) - 1)
T = mpf(7) / 365
print('vault strike delta 0.25', mp.nstr(100 * exp(-ninv(0.25) * mpf('0.6') * sqrt(T) + mpf('0.6') ** 2 * T / 2), 20))
# 4. first passage of GBM (zero drift: nu = -s^2/2) from S0 = 2000 to the barrier 1400 (and 1500) within T = 30/365, vol 0.8:
#    P = N((-x0 - nu T)/(s sqrt T)) + exp(-2 nu x0 / s^2) N((-x0 + nu T)/(s sqrt T)), x0 = ln(S0/B) (Shreve II eq. 7.2.2)
def passage(S0, B, s, T):
    S0, B, s, T = map(mpf, (S0, B, s, T))
    x0 = log(S0 / B); nu = -s * s / 2
    return ncdf((-x0 - nu * T) / (s * sqrt(T))) + exp(-2 * nu * x0 / (s * s)) * ncdf((-x0 + nu * T) / (s * sqrt(T)))
for B in (1500, 1400):
    print('first passage 2000 ->', B, mp.nstr(passage(2000, B, 0.8, mpf(30) / 365), 20))
print('put 2000 (S 2000, T 30/365, vol 0.8)', mp.nstr(bsm('put', 2000, 2000, mpf(30) / 365, 0.8, 0, 0), 20))
# 5. Kamal & Derman (1999), "When you cannot hedge continuously": SD of the hedging error ~ sqrt(pi/4) vega sigma / sqrt(N)
#    ATM put S = K = 100, T = 0.25, vol 0.5, r = 0: vega = S sqrt(T) n(d1)
from mpmath import npdf
S, K, T, s = mpf(100), mpf(100), mpf('0.25'), mpf('0.5')
d1 = (log(S / K) + s * s / 2 * T) / (s * sqrt(T))
vega = S * sqrt(T) * npdf(d1)
for N in (25, 100):
    print('Kamal-Derman sd N =', N, mp.nstr(sqrt(mp.pi / 4) * vega * s / sqrt(N), 20))
print('put ATM 100 T 0.25 vol 0.5', mp.nstr(bsm('put', 100, 100, 0.25, 0.5, 0, 0), 20))
# 6. covered-call vault: probability a weekly delta-0.25 call (vol 0.6, r = q = 0) finishes in the money, N(d2) = N(d1 - s sqrt(tau))
tau = mpf(7) / 365
print('vault exercise probability', mp.nstr(ncdf(ninv(0.25) - mpf('0.6') * sqrt(tau)), 20))
