"""Exact-integer oracle for Aave v3's fixed-point math and liquidation (test/lending/vectors/aave_exact.json).

Python's unbounded integers re-derive, independently of the TypeScript, the contract formulas:
- WadRayMath / PercentageMath [aave/aave-v3-core @ 782f5191 contracts/protocol/libraries/math/*.sol],
  directed percent variants [aave-dao/aave-v3-origin @ fd1fbd91 src/contracts/protocol/libraries/math/PercentageMath.sol];
  a result is 'revert' where the Solidity guard reverts (operand or intermediate beyond 2^256 - 1, division by 0).
- GenericLogic.calculateUserAccountData (HF), LiquidationLogic._calculateDebt / close factor / dust /
  _calculateAvailableCollateralToLiquidate / deficit, v3.0 [aave-v3-core @ 782f5191] and v3.3
  [aave-v3-origin tag v3.3.0].
Inputs: fixed edge cases plus seeded random draws (random.Random(20261129)). Run once, commit the output:
    python3 scripts/lending/aave_exact.py
"""
import os
import random
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), '..', 'vectors'))
from vectorio import write_vectors  # noqa: E402

MAX = 2 ** 256 - 1
WAD, RAY, PF = 10 ** 18, 10 ** 27, 10 ** 4
OUT = os.path.join(os.path.dirname(__file__), '..', '..', 'test', 'lending', 'vectors', 'aave_exact.json')


class Revert(Exception):
    pass


def u(x):
    if x < 0 or x > MAX:
        raise Revert()
    return x


def mul_half(a, b, unit):
    u(a), u(b)
    n = a * b + unit // 2
    return u(n) // unit


def div_half(a, b, unit):
    u(a), u(b)
    if b == 0:
        raise Revert()
    return u(a * unit + b // 2) // b


OPS = {
    'wadMul': lambda a, b: mul_half(a, b, WAD),
    'wadDiv': lambda a, b: div_half(a, b, WAD),
    'rayMul': lambda a, b: mul_half(a, b, RAY),
    'rayDiv': lambda a, b: div_half(a, b, RAY),
    'percentMul': lambda a, b: mul_half(a, b, PF),
    'percentDiv': lambda a, b: div_half(a, b, PF),
    'percentMulFloor': lambda a, b: u(u(a) * u(b)) // PF,
    'percentMulCeil': lambda a, b: -(-u(u(a) * u(b)) // PF),
    'percentDivFloor': lambda a, b: (u(u(a) * PF) // b) if u(b) else (_ for _ in ()).throw(Revert()),
    'percentDivCeil': lambda a, b: (-(-u(u(a) * PF) // b)) if u(b) else (_ for _ in ()).throw(Revert()),
}


def run(op, a, b):
    try:
        return str(OPS[op](a, b))
    except Revert:
        return 'revert'


def math_rows(rng):
    rows = []
    edge = {
        'wadMul': [(1, WAD // 2), (1, WAD // 2 - 1), (3, WAD // 2), (0, MAX), (MAX, 0), ((MAX - WAD // 2) // 7, 7),
                   ((MAX - WAD // 2) // 7 + 1, 7), (MAX, 1), (2 * WAD, 3 * WAD), (1, 1)],
        'wadDiv': [(1, 2 * WAD), (1, 2 * WAD + 1), (5, 0), (0, 7), ((MAX - 3) // WAD, 7), ((MAX - 3) // WAD + 1, 7),
                   (1507989646730, 1549960118500), (WAD, 3)],
        'rayMul': [(1, RAY // 2), (1, RAY // 2 - 1), ((MAX - RAY // 2) // 11, 11), ((MAX - RAY // 2) // 11 + 1, 11), (RAY, RAY)],
        'rayDiv': [(1, 2 * RAY), (1, 2 * RAY + 1), (7, 0), ((MAX - 2) // RAY, 5), ((MAX - 2) // RAY + 1, 5), (RAY, 3)],
        'percentMul': [(1, 5000), (1, 4999), (3, 5000), (1816854996060, 8300), (7750 * 10 ** 6, 5000), (MAX, 0),
                       ((MAX - 5000) // 10500, 10500), ((MAX - 5000) // 10500 + 1, 10500)],
        'percentDiv': [(1, 20000), (1, 20001), (7, 0), (4478778240295117809, 10500), ((MAX - 5250) // PF, 10500),
                       ((MAX - 5250) // PF + 1, 10500)],
        'percentMulFloor': [(4265503085995350294, 10500), (1, 9999), (MAX // 3, 3), (MAX // 3 + 1, 3)],
        'percentMulCeil': [(213275154299767515, 1000), (1, 1), (0, 5), (10000, 1)],
        'percentDivFloor': [(4478778240295117808, 10500), (3, 0), (MAX // PF, 1), (MAX // PF + 1, 1)],
        'percentDivCeil': [(7, 10500), (10500, 10000), (3, 0), (MAX // PF + 1, 2)],
    }
    for op, pairs in edge.items():
        for a, b in pairs:
            rows.append({'op': op, 'a': str(a), 'b': str(b), 'expected': run(op, a, b), 'kind': 'edge'})
    for op in OPS:
        for _ in range(40):
            bits = rng.choice([16, 64, 96, 128, 180, 255])
            a = rng.getrandbits(bits)
            b = rng.choice([rng.getrandbits(rng.choice([8, 14, 40, 64, 90, 128])), rng.randint(1, 20000)])
            rows.append({'op': op, 'a': str(a), 'b': str(b), 'expected': run(op, a, b), 'kind': 'random'})
    return rows


def seize(cp, cu, dp, du, cover, bal, lb, fee, directed):
    """_calculateAvailableCollateralToLiquidate; returns (toLiquidator, debtNeeded, fee, seizedInBase)."""
    pm = OPS['percentMulFloor'] if directed else OPS['percentMul']
    pdn = OPS['percentDivCeil'] if directed else OPS['percentDiv']
    pdb = OPS['percentDivFloor'] if directed else OPS['percentDiv']
    pf = OPS['percentMulCeil'] if directed else OPS['percentMul']
    base = dp * cover * cu // (cp * du)
    mx = pm(base, lb)
    if mx > bal:
        amt = bal
        need = pdn(cp * amt * du // (dp * cu), lb)
    else:
        amt, need = mx, cover
    in_base = amt * cp // cu
    f = 0
    if fee:
        f = pf(amt - pdb(amt, lb), fee)
    return amt - f, need, f, in_base


def seize_rows(rng):
    rows = []
    cases = [
        # PROTOCOLS.md §1 worked example: 10 WETH vs 15,500 USDC, cover 7,750 USDC.
        (181685499606, 18, 99997427, 6, 7750 * 10 ** 6, 10 * 10 ** 18, 10500, 1000),
        # same, balance cap: only 1 WETH left
        (181685499606, 18, 99997427, 6, 7750 * 10 ** 6, 10 ** 18, 10500, 1000),
        # WBTC (8 dec) collateral, DAI (18 dec) debt, no fee
        (3450000000000, 8, 100010000, 18, 12345 * 10 ** 18 + 6789, 2 * 10 ** 8, 10500, 0),
    ]
    for _ in range(60):
        cd, dd = rng.choice([6, 8, 18]), rng.choice([6, 8, 18])
        cases.append((rng.randint(10 ** 5, 10 ** 13), cd, rng.randint(10 ** 5, 10 ** 13), dd,
                      rng.randint(1, 10 ** (dd + 7)), rng.randint(1, 10 ** (cd + 5)),
                      rng.choice([10100, 10450, 10500, 10750, 10830, 11000, 11500]), rng.choice([0, 1000, 2000, 5000])))
    for cp, cd, dp, dd, cover, bal, lb, fee in cases:
        for directed in (False, True):
            liq, need, f, in_base = seize(cp, 10 ** cd, dp, 10 ** dd, cover, bal, lb, fee, directed)
            rows.append({'collateralPrice': str(cp), 'collateralDecimals': cd, 'debtPrice': str(dp), 'debtDecimals': dd,
                         'debtToCover': str(cover), 'userCollateralBalance': str(bal), 'liquidationBonusBps': str(lb),
                         'liquidationProtocolFeeBps': str(fee), 'rounding': 'directed' if directed else 'half-up',
                         'collateralAmount': str(liq), 'debtAmountNeeded': str(need), 'protocolFee': str(f),
                         'collateralInBaseCurrency': str(in_base)})
    return rows


def account_data(res):
    tc = td = lt_sum = 0
    for r in res:
        unit = 10 ** r['decimals']
        if r['lt'] and r['coll']:
            b = r['coll'] * r['price'] // unit
            tc += b
            lt_sum += b * r['lt']
        if r['debt']:
            td += r['debt'] * r['price'] // unit
    avg = lt_sum // tc if tc else 0
    hf = MAX if td == 0 else OPS['wadDiv'](OPS['percentMul'](tc, avg), td)
    return tc, td, hf


def liquidate(res, rule, j, i, cover):
    res = [dict(r) for r in res]
    tc, td, hf = account_data(res)
    d, c = res[j], res[i]
    if hf >= WAD:
        return {'revert': 'HEALTH_FACTOR_NOT_BELOW_THRESHOLD'}
    du, cu = 10 ** d['decimals'], 10 ** c['decimals']
    if rule == 'aave-v3.0':
        maxd = OPS['percentMul'](d['debt'], 5000 if hf > 95 * 10 ** 16 else 10000)
    else:
        maxd = d['debt']
        if c['coll'] * c['price'] // cu >= 2000 * 10 ** 8 and d['debt'] * d['price'] // du >= 2000 * 10 ** 8 and hf > 95 * 10 ** 16:
            half = OPS['percentMul'](td, 5000)
            if d['debt'] * d['price'] // du > half:
                maxd = half * du // d['price']
    act = min(cover, maxd)
    liq, need, fee, in_base = seize(c['price'], cu, d['price'], du, act, c['coll'], c['lb'], c['fee'], False)
    if rule == 'aave-v3.3' and need < d['debt'] and liq + fee < c['coll']:
        if (d['debt'] - need) * d['price'] // du < 1000 * 10 ** 8 or (c['coll'] - liq - fee) * c['price'] // cu < 1000 * 10 ** 8:
            return {'revert': 'MustNotLeaveDust'}
    no_coll = rule == 'aave-v3.3' and tc == in_base
    c['coll'] -= liq + fee
    d['debt'] -= need
    deficit = [0] * len(res)
    if no_coll:
        for k, r in enumerate(res):
            deficit[k] = r['debt']
            r['debt'] = 0
    return {'healthFactorBefore': str(hf), 'maxLiquidatableDebt': str(maxd), 'debtRepaid': str(need),
            'collateralToLiquidator': str(liq), 'protocolFee': str(fee), 'hasNoCollateralLeft': no_coll,
            'deficit': [str(x) for x in deficit], 'healthFactorAfter': str(account_data(res)[2]),
            'collateralAfter': [str(r['coll']) for r in res], 'debtAfter': [str(r['debt']) for r in res]}


def R(sym, dec, price, lt, lb, fee, coll, debt):
    return {'symbol': sym, 'decimals': dec, 'price': price, 'lt': lt, 'lb': lb, 'fee': fee, 'coll': coll, 'debt': debt}


def liquidation_rows(rng):
    weth = lambda coll, debt=0: R('WETH', 18, 181685499606, 8300, 10500, 1000, coll, debt)  # noqa: E731
    usdc = lambda coll, debt: R('USDC', 6, 99997427, 8000, 10450, 1000, coll, debt)  # noqa: E731
    wbtc = lambda coll, debt=0: R('WBTC', 8, 3450000000000, 7800, 10500, 1000, coll, debt)  # noqa: E731
    scen = [
        ('PROTOCOLS.md §1 worked example', [weth(10 * 10 ** 18), usdc(0, 15500 * 10 ** 6)], 1, 0, 7750 * 10 ** 6),
        ('worked example, cover max', [weth(10 * 10 ** 18), usdc(0, 15500 * 10 ** 6)], 1, 0, MAX),
        ('HF <= 0.95: 100% close factor', [weth(10 * 10 ** 18), usdc(0, 16500 * 10 ** 6)], 1, 0, MAX),
        ('small position < $2,000: v3.3 allows 100%', [weth(10 ** 18), usdc(0, 1600 * 10 ** 6)], 1, 0, MAX),
        ('v3.3 dust: leaves < $1,000 of debt', [weth(10 ** 18), usdc(0, 1600 * 10 ** 6)], 1, 0, 1000 * 10 ** 6),
        ('v3.3 partial above the dust line', [weth(2 * 10 ** 18), usdc(0, 3100 * 10 ** 6)], 1, 0, 1000 * 10 ** 6),
        ('underwater: collateral cap, v3.3 deficit', [weth(10 ** 18), usdc(0, 2500 * 10 ** 6)], 1, 0, MAX),
        ('two debts, underwater: v3.3 burns both', [weth(10 ** 18), usdc(0, 2000 * 10 ** 6), wbtc(0, 3 * 10 ** 6)], 1, 0, MAX),
        ('two collaterals, cap on WBTC', [weth(5 * 10 ** 18), usdc(0, 11000 * 10 ** 6), wbtc(10 ** 7)], 1, 2, MAX),
        ('healthy account reverts', [weth(10 * 10 ** 18), usdc(0, 10000 * 10 ** 6)], 1, 0, MAX),
    ]
    for k in range(30):
        coll = rng.randint(10 ** 16, 10 ** 21)
        value = coll * 181685499606 // 10 ** 18
        debt_usd = value * rng.randint(8000, 9800) // 10 ** 4  # HF ≈ 0.85…1.04
        scen.append((f'random {k}', [weth(coll), usdc(rng.randint(0, 10 ** 9), debt_usd * 10 ** 6 // 99997427)], 1, 0,
                     rng.choice([MAX, rng.randint(1, 10 ** 12)])))
    rows = []
    for name, res, j, i, cover in scen:
        for rule in ('aave-v3.0', 'aave-v3.3'):
            rows.append({'name': name, 'ruleSet': rule, 'debtAsset': j, 'collateralAsset': i, 'debtToCover': str(cover),
                         'reserves': [{'symbol': r['symbol'], 'decimals': r['decimals'], 'price': str(r['price']),
                                       'liquidationThresholdBps': str(r['lt']), 'liquidationBonusBps': str(r['lb']),
                                       'liquidationProtocolFeeBps': str(r['fee']), 'collateral': str(r['coll']),
                                       'debt': str(r['debt'])} for r in res],
                         'expected': liquidate(res, rule, j, i, cover)})
    return rows


def main():
    rng = random.Random(20261129)
    doc = {
        'source': 'Aave v3 WadRayMath/PercentageMath and LiquidationLogic re-derived with Python integers',
        'generator': 'scripts/lending/aave_exact.py',
        'generated': '2026-11-29',
        'notes': 'integers as decimal strings; "revert" where the contract reverts; seize rows: '
                 '_calculateAvailableCollateralToLiquidate (half-up v3.0-3.6, directed v3.7); liquidation rows: one '
                 'liquidationCall under v3.0 / v3.3 rules (balances with indexes applied).',
        'rows': [dict(r, table=t, source=src) for t, f, src in (
            ('math', math_rows, 'Python int re-derivation of WadRayMath/PercentageMath (aave-v3-core 782f5191; 3.7 variants aave-v3-origin fd1fbd91)'),
            ('seize', seize_rows, 'Python int re-derivation of _calculateAvailableCollateralToLiquidate (v3.0 L466-526, v3.3.0 L640-690, 3.7 L583-625)'),
            ('liquidation', liquidation_rows, 'Python int re-derivation of executeLiquidationCall (v3.0 aave-v3-core 782f5191; v3.3 aave-v3-origin v3.3.0)'),
        ) for r in f(rng)],
    }
    write_vectors(OUT, doc)


if __name__ == '__main__':
    main()
