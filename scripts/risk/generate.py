#!/usr/bin/env python3
"""Vectors for test/volatility (issue #6, case C12 and the shipped OHLC data).

Writes test/volatility/vectors.json. Run once from the repo root: python3 scripts/risk/generate.py
Independent of the TypeScript code: every value is computed here from the formulas, with mpmath at
40 digits for case C12 (bars V1 of /work/shared/cases/README.md) and for rolling windows over V1, and
with mpmath at 30 digits over the real Binance daily candles (data/ohlc/*_1d.csv).
"""
import csv, json, os
from mpmath import mp, mpf, log, sqrt

mp.dps = 40
OUT = os.path.join('test', 'volatility', 'vectors.json')

V1 = [(100, 101, 99, 100.5), (100.8, 102, 100.2, 101.5), (101, 101.8, 99.5, 100),
      (99.6, 100.9, 98.8, 100.7), (101.2, 103, 101, 102.6), (102.3, 103.1, 101.4, 101.9)]


def var1(x):
    m = sum(x) / len(x)
    return sum((v - m) ** 2 for v in x) / (len(x) - 1)


def estimators(bars, ppy, lam=mpf('0.94')):
    """bars: list of (o,h,l,c) mpf; bar 0 supplies only the previous close. Returns annualised vols."""
    b = bars[1:]
    n = len(b)
    r = [log(bars[i][3] / bars[i - 1][3]) for i in range(1, len(bars))]
    out = {}
    out['close-to-close'] = sqrt(ppy * var1(r)) if n >= 2 else None
    out['parkinson'] = sqrt(ppy * sum(log(h / l) ** 2 for o, h, l, c in b) / (4 * n * log(2)))
    out['garman-klass'] = sqrt(ppy * sum(log(h / l) ** 2 / 2 - (2 * log(2) - 1) * log(c / o) ** 2 for o, h, l, c in b) / n)
    rs = sum(log(h / c) * log(h / o) + log(l / c) * log(l / o) for o, h, l, c in b) / n
    out['rogers-satchell'] = sqrt(ppy * rs)
    if n >= 2:
        on = [log(bars[i][0] / bars[i - 1][3]) for i in range(1, len(bars))]
        oc = [log(c / o) for o, h, l, c in b]
        k = mpf('0.34') / (mpf('1.34') + mpf(n + 1) / (n - 1))
        out['yang-zhang'] = sqrt(ppy * (var1(on) + k * var1(oc) + (1 - k) * rs))
    # EWMA, normalised weights (1-lam)/(1-lam^m) * sum lam^i r_{m-i}^2
    m = len(r)
    s = sum(lam ** i * r[m - 1 - i] ** 2 for i in range(m))
    out['ewma'] = sqrt(ppy * (1 - lam) / (1 - lam ** m) * s)
    return out


def fmt(x):
    return None if x is None else float(mp.nstr(x, 20))


def c12():
    bars = [tuple(mpf(str(v)) for v in bar) for bar in V1]
    whole = {k: fmt(v) for k, v in estimators(bars, 252).items()}
    k = mpf('0.34') / (mpf('1.34') + mpf(6) / 4)
    rolling = {}
    for w in (2, 3, 5):
        series = {}
        for i in range(len(bars)):
            if i < w:
                continue
            est = estimators(bars[i - w:i + 1], 252)
            for name, v in est.items():
                series.setdefault(name, [None] * len(bars))[i] = fmt(v)
        rolling[str(w)] = series
    return {'source': 'mpmath 40 digits, formulas of realizedVol (C12, /work/shared/cases/README.md)',
            'k': fmt(k), 'whole': whole, 'rolling': rolling}


def real():
    mp.dps = 30
    out = {}
    for coin in ('BTC', 'ETH'):
        with open(os.path.join('data', 'ohlc', f'{coin}USDT_1d.csv')) as f:
            rows = list(csv.DictReader(f))
        bars = [tuple(mpf(x[k]) for k in ('open', 'high', 'low', 'close')) for x in rows]
        last = bars[-366:]  # 366 bars = 365 returns: the last 365 days
        e_last = estimators(last, 365)
        r_all = [log(bars[i][3] / bars[i - 1][3]) for i in range(1, len(bars))]
        crash = next(i for i, x in enumerate(rows) if int(x['open_time']) == 1583971200000)  # 2020-03-12T00:00Z
        out[coin] = {
            'bars': len(bars),
            'fullCloseToClose': fmt(sqrt(365 * var1(r_all))),
            'last365': {k: fmt(v) for k, v in e_last.items()},
            'logReturn20200312': fmt(log(bars[crash][3] / bars[crash - 1][3])),
            'crashIndex': crash,
        }
    return {'source': 'mpmath 30 digits over data/ohlc/<coin>USDT_1d.csv (Binance daily klines)', **out}


if __name__ == '__main__':
    data = {'c12': c12(), 'real': real()}
    with open(OUT, 'w') as f:
        json.dump(data, f, indent=1)
        f.write('\n')
    print(json.dumps(data['c12']['whole']), json.dumps({k: v for k, v in data['real'].items() if k != 'source'}))
