"""Expected values of the hand-computed two-position cascade (test/lending/cascade.test.ts, 'two-position').

Setup: constant-product pool 100 ETH / 200,000 USDC (spot 2000), fee 0.3 % on the input (Uniswap v2,
PROTOCOLS §4); shock -7.5 % applied as an arbitrage keeping x*y (x /= sqrt(0.925), y *= sqrt(0.925));
oracle = pool price at the start of each round (no lag); Aave v3.0 rules: close factor 0.5, 100 % at
HF <= 0.95; bonus 5 %, LT 0.8, no protocol fee, no gas.
  A: 10 ETH collateral, 15,000 USDC debt (liquidation price 1875)
  B: 10 ETH collateral, 14,000 USDC debt (liquidation price 1750)
Each round: every position with HF < 1 at the round's oracle price is liquidated once, highest liquidation
price first; repay = f*debt, seize = repay*1.05/price, sold at once into the pool. Run with mpmath at
50 digits; prints the per-round oracle prices and the totals.
"""
from mpmath import mp, mpf, sqrt

mp.dps = 50
x, y, fee = mpf(100), mpf(200000), mpf('0.003')
s = sqrt(mpf('0.925'))
x, y = x / s, y * s
pos = {'A': [mpf(10), mpf(15000)], 'B': [mpf(10), mpf(14000)]}
LT, LB = mpf('0.8'), mpf('0.05')
total_repaid = mpf(0); total_sold = mpf(0); rounds = []; trace = []
while True:
    po = y / x
    cands = [(d / (c * LT), k) for k, (c, d) in pos.items() if d > 0 and d / (c * LT) > po]
    cands.sort(key=lambda t: (-t[0], t[1]))
    if not cands:
        break
    for _, k in cands:
        c, d = pos[k]
        assert c * po >= (1 + LB) * d  # never the C16 case here
        hf = c * po * LT / d
        f = 1 if hf <= mpf('0.95') else mpf('0.5')
        repay = f * d
        seize = repay * (1 + LB) / po
        net = seize * (1 - fee)
        out = net * y / (x + net)
        x, y = x + seize, y - out
        pos[k] = [c - seize, d - repay]
        total_repaid += repay; total_sold += seize
        trace.append((len(rounds), k))
    rounds.append(po)
print('rounds', len(rounds))
print('liquidations (round, position)', trace)
for r, po in enumerate(rounds):
    print('oracle', r, mp.nstr(po, 20))
print('final price', mp.nstr(y / x, 20))
print('debt repaid', mp.nstr(total_repaid, 20))
print('collateral sold', mp.nstr(total_sold, 20))
for k, (c, d) in pos.items():
    print(k, 'collateral', mp.nstr(c, 20), 'debt', mp.nstr(d, 20))
