"""Reference values for test/risk/portfolio.test.ts (mpmath, 50 digits).

The portfolio value is written as a function of each underlying's spot, a parallel vol shift and elapsed time,
from the closed forms (Merton 1973 for BSM; Black 1976 for Black-76; Deribit inverse: value in coin = Black-76
USD price / F, USD value = coin value x spot, PROTOCOLS s7), with Black-76 forwards moving with spot (F = k S).
Greeks are numerical derivatives of that function by mpmath.diff (independent of the facade's chain rule).
Run: python3 test/risk/portfolio_mpmath.py
"""
from mpmath import mp, mpf, exp, log, sqrt, ncdf, diff

mp.dps = 50

def bsm(call, S, K, T, v, r, q):
    if T == 0 or v == 0:
        x = S * exp(-q * T) - K * exp(-r * T)
        return max(x if call else -x, 0)
    d1 = (log(S / K) + (r - q + v * v / 2) * T) / (v * sqrt(T)); d2 = d1 - v * sqrt(T)
    if call: return S * exp(-q * T) * ncdf(d1) - K * exp(-r * T) * ncdf(d2)
    return K * exp(-r * T) * ncdf(-d2) - S * exp(-q * T) * ncdf(-d1)

def b76(call, F, K, T, v, r):
    return bsm(call, F, K, T, v, r, r)  # e^{-rT}[F N(d1) - K N(d2)]

M = {'BTC': dict(S=mpf(60000), r=mpf('0.03'), q=mpf(0)), 'ETH': dict(S=mpf(3000), r=mpf(0), q=mpf(0))}
# positions as in the test
def value(Sb, Se, dv=0, t=0, only=None):
    S = {'BTC': Sb, 'ETH': Se}
    parts = []
    # 0 spot 2 BTC
    parts.append(('BTC', 2 * Sb))
    # 1 perp -1 BTC entry 58000
    parts.append(('BTC', -1 * (Sb - 58000)))
    # 2 BSM put K 55000 T 30/365 vol 0.65 qty 3
    parts.append(('BTC', 3 * bsm(False, Sb, mpf(55000), mpf(30) / 365 - t, mpf('0.65') + dv, M['BTC']['r'], 0)))
    # 3 B76 USD call K 65000 T 60/365 F0 60600 vol 0.55 qty -2 (flat vol 0.6 unused)
    k3 = mpf(60600) / 60000
    parts.append(('BTC', -2 * b76(True, k3 * Sb, mpf(65000), mpf(60) / 365 - t, mpf('0.55') + dv, M['BTC']['r'])))
    # 4 inverse put on ETH K 2800 T 45/365 F0 3010 vol 0.7 qty 10
    k4 = mpf(3010) / 3000
    F4 = k4 * Se
    parts.append(('ETH', 10 * b76(False, F4, mpf(2800), mpf(45) / 365 - t, mpf('0.7') + dv, 0) / F4 * Se))
    # 5 loan on ETH: 10 ETH collateral, 15000 USD debt
    parts.append(('ETH', 10 * Se - 15000))
    # 6 BSM call on BTC with the flat vol 0.6, qty 1, K 60000 T 7/365
    parts.append(('BTC', bsm(True, Sb, mpf(60000), mpf(7) / 365 - t, mpf('0.6') + dv, M['BTC']['r'], 0)))
    return sum(v for u, v in parts if only is None or u == only)

Sb, Se = M['BTC']['S'], M['ETH']['S']
out = {}
for u in ['BTC', 'ETH']:
    f = lambda sb, se, dv=0, t=0: value(sb, se, dv, t, only=u)
    out[u] = dict(
        value=f(Sb, Se),
        delta=diff(lambda x: f(x, Se), Sb) if u == 'BTC' else diff(lambda x: f(Sb, x), Se),
        gamma=diff(lambda x: f(x, Se), Sb, 2) if u == 'BTC' else diff(lambda x: f(Sb, x), Se, 2),
        vega=diff(lambda e: f(Sb, Se, e), 0),
        theta=diff(lambda t: f(Sb, Se, 0, t), 0),
    )
# inverse leg: coin value and d(V_coin)/dF at F0 = 3010
F0 = mpf(3010)
vc = lambda F: 10 * b76(False, F, mpf(2800), mpf(45) / 365, mpf('0.7'), 0) / F
out['inverse'] = dict(valueCoin=vc(F0), coinDelta=diff(vc, F0), forwardDelta=10 * diff(lambda F: b76(False, F, mpf(2800), mpf(45) / 365, mpf('0.7'), 0), F0))
out['total'] = dict(value=value(Sb, Se))
for k, d in out.items():
    print(k, {n: mp.nstr(v, 20) for n, v in d.items()})
