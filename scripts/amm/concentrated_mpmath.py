#!/usr/bin/env python3
"""Oracle vectors for Uniswap v3 exact-input swaps across the real WBTC/WETH liquidity table, at 50 digits.

Run once:  python3 scripts/amm/concentrated_mpmath.py      (needs mpmath >= 1.3)
Reads:     data/uniswap/ethwbtc_active_liquidity_by_tick_block17000000.csv (provenance: data/uniswap/README.md)
Writes:    test/amm/vectors/concentrated_mpmath.json

The swap rules are those of Uniswap/v3-core @ d8b1c635 as stated in PROTOCOLS.md §4 (written here from the
formulas, independently of the AssemblyScript kernel): √P(tick) = 1.0001^(tick/2) with 1.0001 exact (decimal);
within a band of liquidity L, token0 in: 1/√P' = 1/√P + Δx/L, token1 out L(√P − √P'); token1 in: √P' = √P + Δy/L,
token0 out L(√P' − √P)/(√P·√P'); the fee is taken from the input first (net = gross·(1 − fee)); a step that
reaches the band edge uses exactly the net input that moves the price there and pays fee net·f/(1 − f); crossing an
edge switches to the next band's L; past the table's ends there is no liquidity (the swap stops, "exhausted").
Amounts in the vector are in human units (WBTC 8 decimals = token0, WETH 18 decimals = token1). Every value is
computed at 50 and at 70 digits (they must agree to 1e-35 relative) and rounded once to a double.
"""
import csv
import os
import sys
from datetime import date

from mpmath import mp, mpf, floor, log

sys.path.insert(0, os.path.join(os.path.dirname(__file__), '..', 'vectors'))
from vectorio import write_vectors  # noqa: E402

ROOT = os.path.join(os.path.dirname(__file__), '..', '..')
TABLE = os.path.join(ROOT, 'data', 'uniswap', 'ethwbtc_active_liquidity_by_tick_block17000000.csv')
OUT = os.path.join(ROOT, 'test', 'amm', 'vectors', 'concentrated_mpmath.json')
DEC0, DEC1 = 8, 18


def load_table():
    with open(TABLE) as fh:
        rows = list(csv.DictReader(fh))
    ticks = [int(r['tick_lower']) for r in rows] + [int(rows[-1]['tick_upper'])]
    liq = [int(r['active_liquidity']) for r in rows]
    for a, b in zip(rows, rows[1:]):
        assert int(a['tick_upper']) == int(b['tick_lower'])
    return ticks, liq


def sqrt_at(tick):
    return mpf('1.0001') ** (mpf(tick) / 2)


def swap(ticks, liq, fee_bps, start_tick, zero_for_one, amount_in_human):
    """Exact-input swap; returns amounts in human units, sqrt price after, tick after, edges crossed."""
    fee = mpf(fee_bps) / 10000
    s = sqrt_at(start_tick)
    dec_in, dec_out = (DEC0, DEC1) if zero_for_one else (DEC1, DEC0)
    remaining = mpf(amount_in_human) * mpf(10) ** dec_in
    total_in = remaining
    out = mpf(0)
    fees = mpf(0)
    crossed = 0
    # band: going down the one with lo < price <= hi; going up lo <= price < hi (start ticks sit on integers)
    if zero_for_one:
        b = max(i for i in range(len(liq)) if ticks[i] < start_tick <= ticks[i + 1])
    else:
        b = min(i for i in range(len(liq)) if ticks[i] <= start_tick < ticks[i + 1])
    on_edge = False
    while remaining > 0 and 0 <= b < len(liq):
        L = mpf(liq[b])
        edge = sqrt_at(ticks[b] if zero_for_one else ticks[b + 1])
        avail = remaining * (1 - fee)
        to_edge = L * (1 / edge - 1 / s) if zero_for_one else L * (edge - s)
        if L > 0 and avail < to_edge:
            if zero_for_one:
                nxt = L * s / (L + avail * s)
                out += L * (s - nxt)
            else:
                nxt = s + avail / L
                out += L * (nxt - s) / (s * nxt)
            fees += remaining - avail
            remaining = mpf(0)
            s = nxt
            on_edge = False
            break
        if L > 0:
            out += L * (s - edge) if zero_for_one else L * (edge - s) / (s * edge)
            gross = to_edge / (1 - fee)
            fees += gross - to_edge
            remaining -= gross
        s = edge
        on_edge = True
        crossed += 1
        b += -1 if zero_for_one else 1
    if on_edge:
        tick = (ticks[b + 1] - 1) if zero_for_one else ticks[b]
    else:
        tick = int(floor(log(s * s) / log(mpf('1.0001'))))
    consumed = total_in - remaining
    return {
        'amountOut': out / mpf(10) ** dec_out,
        'amountIn': consumed / mpf(10) ** dec_in,
        'feePaid': fees / mpf(10) ** dec_in,
        'priceAfter': s * s * mpf(10) ** (DEC0 - DEC1),
        'tickAfter': tick,
        'ticksCrossed': crossed,
        'exhausted': remaining > 0,
    }


def twice(*args):
    with mp.workdps(50):
        a = swap(*args)
    with mp.workdps(70):
        b = swap(*args)
    row = {}
    for k, v in b.items():
        if isinstance(v, (bool, int)):
            assert a[k] == v, (k, a[k], v)
            row[k] = v
        else:
            assert abs(a[k] - v) <= mpf(10) ** -35 * abs(v), (k, a[k], v)
            row[k] = float(v)
    return row


def main():
    ticks, liq = load_table()
    rows = []
    cases = []
    for start in (257362, 257370, 257400, 250000):
        for amt in ('0.001', '1', '25', '100', '1000', '5000', '100000'):
            cases.append((30, start, True, amt))
        for amt in ('0.01', '10', '500', '5000', '50000', '1000000'):
            cases.append((30, start, False, amt))
    cases += [(5, 257362, True, '1000'), (100, 257362, False, '20000'), (0, 257362, True, '1000')]
    for fee_bps, start, z, amt in cases:
        r = twice(ticks, liq, fee_bps, start, z, amt)
        row = {'feeBps': fee_bps, 'tick': start, 'zeroForOne': z, 'amountIn': float(mpf(amt))}
        row.update({('amountInConsumed' if k == 'amountIn' else k): v for k, v in r.items()})
        row['source'] = 'mpmath 50/70 digits, PROTOCOLS.md §4 rules, block-17,000,000 table'
        rows.append(row)
    doc = {
        'source': 'Uniswap v3 swap rules (v3-core @ d8b1c635: SqrtPriceMath, SwapMath, UniswapV3Pool.swap) evaluated '
                  'in mpmath over data/uniswap/ethwbtc_active_liquidity_by_tick_block17000000.csv (WBTC/WETH 0.3 %, '
                  'fsc-data-science/uniswap, MIT)',
        'generator': 'scripts/amm/concentrated_mpmath.py',
        'generated': date.today().isoformat(),
        'notes': 'token0 WBTC (8 dec), token1 WETH (18 dec); amounts human units; start price 1.0001^tick exactly; '
                 'priceAfter in WETH per WBTC; tickAfter after an edge crossed downwards is edge - 1',
        'rows': rows,
    }
    write_vectors(OUT, doc)


if __name__ == '__main__':
    main()
