// European options against committed reference vectors (DESIGN §8): mpmath at 50 digits
// (scripts/vectors/mpmath_options.py), QuantLib 1.29 (scripts/vectors/quantlib_options.py) and
// textbook values (scripts/vectors/textbook.py). Every mpmath row goes through the scalar call and
// through one batch call per model.
//
// Tolerances (the issue's):
//   price: if price > 1e-200·U (U = spot or forward): |err| ≤ 1e-12·|price|;
//          otherwise |err| ≤ 1e-15·max(U, K) or |err| ≤ 1e-12·|price|;
//   Greeks: |err| ≤ max(1e-11·|expected|, 1e-13·scale) with scale = 1 for delta, vanna, charm; 1/U for
//          gamma; U·√T for vega and volga; U for theta; K·T for rho.
//   A Greek listed in a row's `degenerate` has no limit at that input: it must be NaN, and the batch
//   status DEGENERATE (src/options/types.ts); every other row must have status OK.
//   QuantLib rows: 1e-12 relative or 1e-13·scale (QuantLib's own doubles differ from the 50-digit
//   closed forms by ≤ 1.5e-13 relative, checked by its generator). Textbook rows: their printed precision.
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { black76, black76Batch, blackScholes, blackScholesBatch, Status, thetaPerDay } from '../../src/index.js';
import type { Greeks, GreeksBatch } from '../../src/index.js';
import { useWasm } from '../helpers/wasm.js';

useWasm();

const GREEKS = ['delta', 'gamma', 'vega', 'theta', 'rho', 'vanna', 'volga', 'charm'] as const;
const FIELDS = ['price', ...GREEKS] as const;
type Field = (typeof FIELDS)[number];

interface Row {
  model: 'bsm' | 'black76';
  type: 'call' | 'put';
  spot?: number;
  forward?: number;
  strike: number;
  expiryYears: number;
  vol: number;
  rate: number;
  dividendYield?: number;
  degenerate?: Field[];
  source: string;
  [k: string]: unknown;
}

function load<T>(name: string): { rows: T[] } {
  return JSON.parse(readFileSync(new URL(`../vectors/${name}`, import.meta.url), 'utf8')) as { rows: T[] };
}

const mp = load<Row>('mpmath_options.json').rows;
const ql = load<Row & { tolerance: { relative: number; absoluteScale: number } }>('quantlib_options.json').rows;
const tb = load<Row & { expected: Record<string, number>; tolerance: { absolute: number } }>('textbook.json').rows;

const underlying = (r: Row): number => (r.model === 'bsm' ? r.spot! : r.forward!);

function scaleOf(f: Field, r: Row): number {
  const U = underlying(r);
  switch (f) {
    case 'price': return Math.max(U, r.strike);
    case 'delta': case 'vanna': case 'charm': return 1;
    case 'gamma': return 1 / U;
    case 'vega': case 'volga': return U * Math.sqrt(r.expiryYears);
    case 'theta': return U;
    case 'rho': return r.strike * r.expiryYears;
  }
}

/** The issue's tolerance for an mpmath row: true when `got` is acceptable. */
function withinMpmath(f: Field, r: Row, got: number, exp: number): { ok: boolean; err: number; tol: number } {
  const err = Math.abs(got - exp);
  if (f === 'price') {
    const rel = 1e-12 * Math.abs(exp);
    if (Math.abs(exp) > 1e-200 * underlying(r)) return { ok: err <= rel, err, tol: rel };
    const tol = Math.max(1e-15 * scaleOf(f, r), rel);
    return { ok: err <= tol, err, tol };
  }
  const tol = Math.max(1e-11 * Math.abs(exp), 1e-13 * scaleOf(f, r));
  return { ok: err <= tol, err, tol };
}

function price(r: Row): Greeks {
  return r.model === 'bsm'
    ? blackScholes({ type: r.type, spot: r.spot!, strike: r.strike, expiryYears: r.expiryYears, vol: r.vol, rate: r.rate, dividendYield: r.dividendYield! })
    : black76({ type: r.type, forward: r.forward!, strike: r.strike, expiryYears: r.expiryYears, vol: r.vol, rate: r.rate });
}

function priceBatch(rows: Row[]): GreeksBatch {
  const col = (f: (r: Row) => number): Float64Array => Float64Array.from(rows, f);
  const common = {
    isCall: Uint8Array.from(rows, (r) => (r.type === 'call' ? 1 : 0)),
    strikes: col((r) => r.strike),
    expiriesYears: col((r) => r.expiryYears),
    vols: col((r) => r.vol),
    rates: col((r) => r.rate),
  };
  return rows[0]!.model === 'bsm'
    ? blackScholesBatch({ ...common, spots: col((r) => r.spot!), dividendYields: col((r) => r.dividendYield!) })
    : black76Batch({ ...common, forwards: col((r) => r.forward!) });
}

const inputs = (r: Row): Record<string, unknown> => {
  const { model, type, spot, forward, strike, expiryYears, vol, rate, dividendYield, source } = r;
  return { model, type, spot, forward, strike, expiryYears, vol, rate, dividendYield, source };
};

/**
 * Worst error seen per model/quantity, for the summary: the relative error over the values where the
 * relative criterion is the binding one, and err/tol (the margin used) over all values.
 */
const worst = new Map<string, { rel: number; ratio: number; row?: Record<string, unknown> }>();
function record(key: string, got: number, exp: number, err: number, tol: number, r: Row, relBinding: boolean): void {
  const rel = exp === 0 ? (err === 0 ? 0 : Infinity) : err / Math.abs(exp);
  const w = worst.get(key) ?? { rel: 0, ratio: 0 };
  if (Number.isFinite(err)) {
    if (relBinding && rel > w.rel && Number.isFinite(rel)) w.rel = rel;
    const ratio = tol > 0 ? err / tol : err === 0 ? 0 : Infinity;
    if (ratio > w.ratio) { w.ratio = ratio; w.row = { ...inputs(r), got, exp }; }
  }
  worst.set(key, w);
}

/** Compares one option's results with an mpmath row; returns failure messages. */
function compareMpmath(r: Row, got: Record<Field, number>, status: number | undefined, via: string): string[] {
  const fails: string[] = [];
  const degenerate = r.degenerate ?? [];
  for (const f of FIELDS) {
    const g = got[f];
    if (degenerate.includes(f)) {
      if (!Number.isNaN(g)) fails.push(`${via} ${f}: no limit at this input, expected NaN, got ${g}; row ${JSON.stringify(inputs(r))}`);
      continue;
    }
    const exp = r[f] as number | undefined;
    if (exp === undefined) continue;
    const { ok, err, tol } = withinMpmath(f, r, g, exp);
    record(`${r.model} ${f}`, g, exp, err, tol, r, tol === 1e-12 * Math.abs(exp) || tol === 1e-11 * Math.abs(exp));
    if (!ok) {
      fails.push(`${via} ${f}: got ${g}, expected ${exp}, error ${err} (relative ${exp === 0 ? 'n/a' : err / Math.abs(exp)}), tolerance ${tol}; row ${JSON.stringify(inputs(r))}`);
    }
  }
  if (status !== undefined) {
    const want = degenerate.length > 0 ? Status.DEGENERATE : Status.OK;
    if (status !== want) fails.push(`${via} status: got ${status}, expected ${want}; row ${JSON.stringify(inputs(r))}`);
  }
  return fails;
}

function report(fails: string[], total: number): void {
  if (fails.length === 0) return;
  const shown = fails.slice(0, 25).join('\n');
  expect.fail(`${fails.length} mismatches over ${total} rows (first 25):\n${shown}`);
}

/** Groups rows by model and by the tag in their source ("deep OTM ~1e-50", "vol 0", "case C06", …). */
function groups(rows: Row[]): Map<string, Row[]> {
  const m = new Map<string, Row[]>();
  for (const r of rows) {
    const tag = /\(([^)]*)\)/.exec(r.source)?.[1]?.replace(/ ~1e-\d+$/, '') ?? 'random sample and grid';
    const key = `${r.model} — ${tag}`;
    (m.get(key) ?? m.set(key, []).get(key)!).push(r);
  }
  return m;
}

describe('mpmath vectors (50 digits, test/vectors/mpmath_options.json)', () => {
  it('has the expected size', () => {
    expect(mp.length).toBeGreaterThan(3000);
  });

  for (const [name, rows] of groups(mp)) {
    it(`scalar: ${name} (${rows.length} rows)`, () => {
      const fails: string[] = [];
      for (const r of rows) {
        let g: Greeks;
        try {
          g = price(r);
        } catch (e) {
          fails.push(`scalar threw ${String(e)}; row ${JSON.stringify(inputs(r))}`);
          continue;
        }
        fails.push(...compareMpmath(r, g, undefined, 'scalar'));
      }
      report(fails, rows.length);
    });

    it(`batch: ${name} (${rows.length} rows in one call)`, () => {
      const b = priceBatch(rows);
      const fails: string[] = [];
      rows.forEach((r, i) => {
        const got = Object.fromEntries(FIELDS.map((f) => [f, b[f][i]!])) as Record<Field, number>;
        fails.push(...compareMpmath(r, got, b.status[i], `batch[${i}]`));
      });
      report(fails, rows.length);
    });
  }

  it('batch over all rows of both models at once agrees with the scalar calls bit for bit', () => {
    const fails: string[] = [];
    for (const model of ['bsm', 'black76'] as const) {
      const rows = mp.filter((r) => r.model === model);
      const b = priceBatch(rows);
      rows.forEach((r, i) => {
        const s = price(r);
        for (const f of FIELDS) {
          const x = s[f], y = b[f][i]!;
          if (!(Object.is(x, y) || x === y)) fails.push(`${f}: scalar ${x} != batch ${y}; row ${JSON.stringify(inputs(r))}`);
        }
      });
    }
    report(fails, mp.length);
  });
});

describe('QuantLib 1.29 vectors (test/vectors/quantlib_options.json)', () => {
  it(`${ql.length} rows, scalar and batch`, () => {
    const fails: string[] = [];
    for (const model of ['bsm', 'black76'] as const) {
      const rows = ql.filter((r) => r.model === model);
      const b = priceBatch(rows);
      rows.forEach((r, i) => {
        const s = price(r);
        for (const f of ['price', 'delta', 'gamma', 'vega', 'theta', 'rho'] as const) {
          const exp = r[f] as number | undefined;
          if (exp === undefined) continue;
          for (const [via, got] of [['scalar', s[f]], ['batch', b[f][i]!]] as const) {
            const err = Math.abs(got - exp);
            const tol = Math.max(r.tolerance.relative * Math.abs(exp), r.tolerance.absoluteScale * scaleOf(f, r));
            record(`QuantLib ${model} ${f}`, got, exp, err, tol, r, tol === r.tolerance.relative * Math.abs(exp));
            if (!(err <= tol)) fails.push(`${via} ${f}: got ${got}, expected ${exp}, error ${err}, tolerance ${tol}; row ${JSON.stringify(inputs(r))}`);
          }
        }
      });
    }
    report(fails, ql.length);
  });
});

describe('textbook values (test/vectors/textbook.json)', () => {
  for (const r of tb) {
    const [[qty, exp]] = Object.entries(r.expected) as [[string, number]];
    it(`${r.type} S=${r.spot} K=${r.strike} T=${r.expiryYears.toPrecision(6)} σ=${r.vol} r=${r.rate} q=${r.dividendYield}: ${qty} ${exp} — ${r.source}`, () => {
      const g = price(r);
      const got = qty === 'elasticity' ? (g.delta * r.spot!) / g.price
        : qty === 'thetaPerDay' ? thetaPerDay(g.theta)
        : g[qty as Field];
      const err = Math.abs(got - exp);
      expect(err, `got ${got}, expected ${exp} ± ${r.tolerance.absolute}, error ${err}`).toBeLessThanOrEqual(r.tolerance.absolute);
    });
  }
});

afterAll(() => {
  const lines = [...worst.entries()].sort(([a], [b]) => a.localeCompare(b))
    .map(([k, w]) => `${k.padEnd(22)} worst relative error (where relative binds) ${w.rel.toExponential(2)}, worst error/tolerance ${w.ratio.toExponential(2)}${w.ratio > 0.01 ? ` at ${JSON.stringify(w.row)}` : ''}`);
  if (lines.length > 0) console.log(`vector errors:\n${lines.join('\n')}`);
});
