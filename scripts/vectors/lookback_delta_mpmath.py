# Reference deltas of continuously monitored lookbacks (Haug 2007, §4.15.1–4.15.2, in the form of
# assembly/options/exotic/lookback.ts's header), in mpmath at 60 digits, for
# test/options/exotic/lookbackDelta.test.ts. Delta = ∂V/∂S with the running extremum held fixed, by
# mpmath's numerical differentiation at 60 digits (one-sided, away from the extremum, where S equals it).
# Run: python3 scripts/vectors/lookback_delta_mpmath.py
from mpmath import mp, mpf, exp, log, sqrt, ncdf, diff
mp.dps = 60

def bsm(isCall, S, K, T, sig, r, q):
    sT = sig * sqrt(T); d1 = (log(S / K) + (r - q + sig**2 / 2) * T) / sT; d2 = d1 - sT
    if isCall: return S * exp(-q * T) * ncdf(d1) - K * exp(-r * T) * ncdf(d2)
    return K * exp(-r * T) * ncdf(-d2) - S * exp(-q * T) * ncdf(-d1)

def lookback(isCall, fixed, S, K, T, sig, r, q, ext):
    b = r - q; disc = exp(-r * T)
    usesMin = isCall != fixed
    Y = ext; intrinsic = mpf(0)
    if fixed:
        if isCall: Y = max(K, ext); intrinsic = max(ext - K, 0)
        else: Y = min(K, ext); intrinsic = max(K - ext, 0)
    eta = 1 if usesMin else -1
    sT = sig * sqrt(T); d1 = (log(S / Y) + (b + sig**2 / 2) * T) / sT
    x = -eta * d1; s = eta
    G = sig**2 / (2 * b) * ((S / Y)**(-2 * b / sig**2) * ncdf(x + s * 2 * b * sqrt(T) / sig) - exp(b * T) * ncdf(x))
    return disc * intrinsic + bsm(isCall, S, Y, T, sig, r, q) + eta * S * disc * G

CASES = [  # isCall, fixed, S, K, T, vol, r, q, extremum
    (True, False, 100, 0, 1, '0.3', '0.05', 0, 100),
    (True, False, 100, 0, 1, '0.003', '0.05', 0, 100),
    (True, False, 100, 0, 1, '0.001', '0.05', 0, 100),
    (True, False, 100, 0, 1, '0.0001', '0.05', 0, 100),
    (False, False, 100, 0, 1, '0.001', 0, '0.05', 100),
    (False, False, 100, 0, 1, '0.003', '0.05', 0, 100),
    (True, False, 100, 0, 1, '0.001', '0.05', '0.02', '99.99'),
    (True, False, 100, 0, 1, '0.01', '0.05', '0.02', '99.99'),
    (True, False, 100, 0, 1, '0.01', '0.05', '0.02', '99.9'),
    (False, False, 100, 0, 1, '0.001', '0.05', '0.02', '100.01'),
    (False, False, 100, 0, 1, '0.01', '0.05', '0.02', '100.01'),
    (True, True, 100, 100, 1, '0.001', '0.05', '0.02', 100),
    (False, True, 100, 100, 1, '0.001', '0.05', '0.02', 100),
    (False, True, 100, 100, 1, '0.01', '0.05', '0.02', '99.99'),
]
for c in CASES:
    isCall, fixed, S, K, T, v, r, q, ext = c
    S, K, T, v, r, q, ext = map(mpf, (S, K, T, v, r, q, ext))
    usesMin = isCall != fixed
    f = lambda s: lookback(isCall, fixed, s, K, T, v, r, q, ext)
    direction = 0 if S != ext else (1 if usesMin else -1)
    print(c, mp.nstr(f(S), 20), mp.nstr(diff(f, S, direction=direction), 20))
