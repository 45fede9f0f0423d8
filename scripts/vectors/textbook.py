#!/usr/bin/env python3
"""Textbook values for European options, each row with its printed source and tolerance.

Run once:  python3 scripts/vectors/textbook.py        (needs mpmath; used only to check the transcription)
Writes:    test/vectors/textbook.json

Sources
  * E. G. Haug, "Option Pricing Formulas", McGraw-Hill 1998 (1st edition), as quoted with page numbers
    in QuantLib's test-suite/europeanoption.cpp (testValues: pages 2-8, 24, 27; testGreekValues:
    pages 11-16). The values are printed to 4 decimals; the tolerance is QuantLib's, 1e-4 absolute.
    (QuantLib cites the 1998 edition; the same examples appear in the 2nd edition, 2007, "The Complete
    Guide to Option Pricing Formulas", whose page numbers are not given here because they were not
    checked against the book.)  QuantLib's test uses Actual360 and expiry = round(t·360) days, which
    gives exactly the t of the table for every row here.
  * J. C. Hull, "Options, Futures and Other Derivatives": Example 15.6 (S 42, K 40, r 0.1, σ 0.2,
    T 0.5: call 4.76, put 0.81) and the running example of the chapter "The Greek Letters" (S 49,
    K 50, r 0.05, σ 0.2, T 20 weeks = 0.3846 y; price 2.40, delta 0.522, gamma 0.066, vega 12.1 per
    1.00 vol, theta −4.31 per year, rho 8.91 per 1.00 rate). Printed to 2 or 3 digits; the tolerance
    is half a unit of the last printed digit.
Every row is checked here against the 50-digit closed forms (so a transcription error cannot slip
into the file); units are tailguard's (theta per year, vega per 1.00 vol, rho per 1.00 rate).
"""
import os
import sys
from datetime import date

from mpmath import mp, mpf

sys.path.insert(0, os.path.dirname(__file__))
import mpmath_options as ref  # noqa: E402
from vectorio import write_vectors

OUT = os.path.join(os.path.dirname(__file__), '..', '..', 'test', 'vectors', 'textbook.json')
HAUG = 'Haug, Option Pricing Formulas (McGraw-Hill 1998)'
QL = 'as quoted in QuantLib test-suite/europeanoption.cpp'

# (type, strike, spot, q, r, t, vol, value) — Haug p. 2-8, 24, 27 (QuantLib testValues), tolerance 1e-4
HAUG_VALUES = [
    ('p. 2-8', 'call', 65.00, 60.00, 0.00, 0.08, 0.25, 0.30, 2.1334),
    ('p. 2-8', 'put', 95.00, 100.00, 0.05, 0.10, 0.50, 0.20, 2.4648),
    ('p. 2-8', 'put', 19.00, 19.00, 0.10, 0.10, 0.75, 0.28, 1.7011),
    ('p. 2-8', 'call', 19.00, 19.00, 0.10, 0.10, 0.75, 0.28, 1.7011),
    ('p. 2-8', 'call', 1.60, 1.56, 0.08, 0.06, 0.50, 0.12, 0.0291),
    ('p. 2-8', 'put', 70.00, 75.00, 0.05, 0.10, 0.50, 0.35, 4.0870),
]
P24 = {  # (type, spot, t, vol) -> value; strike 100, q 0.10, r 0.10
    ('call', 90, 0.10, 0.15): 0.0205, ('call', 100, 0.10, 0.15): 1.8734, ('call', 110, 0.10, 0.15): 9.9413,
    ('call', 90, 0.10, 0.25): 0.3150, ('call', 100, 0.10, 0.25): 3.1217, ('call', 110, 0.10, 0.25): 10.3556,
    ('call', 90, 0.10, 0.35): 0.9474, ('call', 100, 0.10, 0.35): 4.3693, ('call', 110, 0.10, 0.35): 11.1381,
    ('call', 90, 0.50, 0.15): 0.8069, ('call', 100, 0.50, 0.15): 4.0232, ('call', 110, 0.50, 0.15): 10.5769,
    ('call', 90, 0.50, 0.25): 2.7026, ('call', 100, 0.50, 0.25): 6.6997, ('call', 110, 0.50, 0.25): 12.7857,
    ('call', 90, 0.50, 0.35): 4.9329, ('call', 100, 0.50, 0.35): 9.3679, ('call', 110, 0.50, 0.35): 15.3086,
    ('put', 90, 0.10, 0.15): 9.9210, ('put', 100, 0.10, 0.15): 1.8734, ('put', 110, 0.10, 0.15): 0.0408,
    ('put', 90, 0.10, 0.25): 10.2155, ('put', 100, 0.10, 0.25): 3.1217, ('put', 110, 0.10, 0.25): 0.4551,
    ('put', 90, 0.10, 0.35): 10.8479, ('put', 100, 0.10, 0.35): 4.3693, ('put', 110, 0.10, 0.35): 1.2376,
    ('put', 90, 0.50, 0.15): 10.3192, ('put', 100, 0.50, 0.15): 4.0232, ('put', 110, 0.50, 0.15): 1.0646,
    ('put', 90, 0.50, 0.25): 12.2149, ('put', 100, 0.50, 0.25): 6.6997, ('put', 110, 0.50, 0.25): 3.2734,
    ('put', 90, 0.50, 0.35): 14.4452, ('put', 100, 0.50, 0.35): 9.3679, ('put', 110, 0.50, 0.35): 5.7963,
}
for (typ, s, t, v), val in P24.items():
    HAUG_VALUES.append(('p. 24', typ, 100.0, float(s), 0.10, 0.10, t, v, val))
HAUG_VALUES.append(('p. 27', 'call', 40.00, 42.00, 0.08, 0.04, 0.75, 0.35, 5.0975))

# (quantity, type, strike, spot, q, r, t, vol, value) — Haug p. 11-16 (QuantLib testGreekValues), tolerance 1e-4
HAUG_GREEKS = [
    ('delta', 'call', 100.00, 105.00, 0.10, 0.10, 0.5, 0.36, 0.5946),
    ('delta', 'put', 100.00, 105.00, 0.10, 0.10, 0.5, 0.36, -0.3566),
    ('elasticity', 'put', 100.00, 105.00, 0.10, 0.10, 0.5, 0.36, -4.8775),
    ('gamma', 'call', 60.00, 55.00, 0.00, 0.10, 0.75, 0.30, 0.0278),
    ('gamma', 'put', 60.00, 55.00, 0.00, 0.10, 0.75, 0.30, 0.0278),
    ('vega', 'call', 60.00, 55.00, 0.00, 0.10, 0.75, 0.30, 18.9358),
    ('vega', 'put', 60.00, 55.00, 0.00, 0.10, 0.75, 0.30, 18.9358),
    ('theta', 'put', 405.00, 430.00, 0.05, 0.07, 1.0 / 12.0, 0.20, -31.1924),
    ('thetaPerDay', 'put', 405.00, 430.00, 0.05, 0.07, 1.0 / 12.0, 0.20, -0.0855),
    ('rho', 'call', 75.00, 72.00, 0.00, 0.09, 1.0, 0.19, 38.7325),
]


def row(typ, S, K, T, v, r, q, expected, tol, source, note=None):
    out = {'model': 'bsm', 'type': typ, 'spot': S, 'strike': K, 'expiryYears': T, 'vol': v, 'rate': r,
           'dividendYield': q, 'expected': expected, 'tolerance': tol, 'source': source}
    if note:
        out['note'] = note
    return out


def main():
    rows = []
    for page, typ, K, S, q, r, t, v, val in HAUG_VALUES:
        rows.append(row(typ, S, K, t, v, r, q, {'price': val}, {'absolute': 1e-4}, f'{HAUG}, {page}, {QL} (testValues)'))
    for qty, typ, K, S, q, r, t, v, val in HAUG_GREEKS:
        note = {'elasticity': 'elasticity = delta * spot / price',
                'thetaPerDay': 'theta per calendar day = theta / 365'}.get(qty)
        rows.append(row(typ, S, K, t, v, r, q, {qty: val}, {'absolute': 1e-4},
                        f'{HAUG}, p. 11-16, {QL} (testGreekValues)', note))
    hull = 'Hull, Options, Futures and Other Derivatives'
    rows.append(row('call', 42.0, 40.0, 0.5, 0.2, 0.1, 0.0, {'price': 4.76}, {'absolute': 0.005}, f'{hull}, Example 15.6'))
    rows.append(row('put', 42.0, 40.0, 0.5, 0.2, 0.1, 0.0, {'price': 0.81}, {'absolute': 0.005}, f'{hull}, Example 15.6'))
    greek_src = f'{hull}, chapter "The Greek Letters", running example (20-week call, 100,000 options priced at $240,000)'
    T20 = 20 / 52
    for qty, val, tol in (('price', 2.40, 0.005), ('delta', 0.522, 0.0005), ('gamma', 0.066, 0.0005),
                          ('vega', 12.1, 0.05), ('theta', -4.31, 0.005), ('rho', 8.91, 0.005)):
        rows.append(row('call', 49.0, 50.0, T20, 0.2, 0.05, 0.0, {qty: val}, {'absolute': tol}, greek_src))

    # transcription check against the 50-digit closed forms
    with mp.workdps(50):
        for rw in rows:
            g = ref.bsm(rw['type'] == 'call', mpf(rw['spot']), mpf(rw['strike']), mpf(rw['expiryYears']),
                        mpf(rw['vol']), mpf(rw['rate']), mpf(rw['dividendYield']))
            g['elasticity'] = g['delta'] * mpf(rw['spot']) / g['price']
            g['thetaPerDay'] = g['theta'] / 365
            for k, val in rw['expected'].items():
                err = abs(g[k] - mpf(val))
                assert err <= rw['tolerance']['absolute'], ('textbook value outside its tolerance', rw, k, g[k])
    doc = {
        'source': 'Haug (1998) via QuantLib europeanoption.cpp; Hull, Options, Futures and Other Derivatives',
        'generator': 'scripts/vectors/textbook.py',
        'generated': date.today().isoformat(),
        'notes': 'Units as DESIGN §4: theta per year, vega per 1.00 vol, rho per 1.00 rate. Each row: expected '
                 'values with an absolute tolerance = the printed precision (Haug: 1e-4 as in QuantLib; Hull: '
                 'half a unit of the last printed digit). Checked against mpmath closed forms by the generator.',
        'rows': rows,
    }
    write_vectors(OUT, doc, '; all within their tolerance of the closed forms')


if __name__ == '__main__':
    main()
