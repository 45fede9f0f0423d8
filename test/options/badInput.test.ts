// Bad input, field by field, for every public options function (issue #2 §3, §5; DESIGN §5):
// scalar calls throw InvalidInputError naming the field and the value; batch calls mark the
// element INVALID_INPUT with NaN outputs and go on, and throw only for structural faults.
import { beforeAll, describe, expect, it } from 'vitest';
import {
  black76, black76Batch, blackScholes, blackScholesBatch, impliedVol, impliedVolBatch, InvalidInputError, Status,
  thetaPerDay, vegaPerVolPoint, yearsFromDays,
} from '../../src/index.js';
import { useWasm } from '../helpers/wasm.js';
import { expectInvalid } from '../helpers/invalid.js';

useWasm();

const NON_FINITE = [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY];
const notNumbers: unknown[] = ['100', null, {}, true, 10n];

/** Per field: values that must be rejected (beyond non-finite and non-numbers). */
const rules: Record<string, number[]> = {
  spot: [0, -1, -1e-300, 1e-299, 9.9e-101, 1.01e100, 1e301],
  forward: [0, -5, 1e-299, 1e305],
  strike: [0, -5, 1e-299, 1e301],
  expiryYears: [-1e-9, -1, 50.0001, 365],
  vol: [-0.01, 10.0001, 80],
  rate: [1.0001, -1.5, 5],
  dividendYield: [1.5, -2],
  price: [-0.01, -1e-300],
};


const bsm = { type: 'call', spot: 100, strike: 95, expiryYears: 0.5, vol: 0.3, rate: 0.03, dividendYield: 0.01 } as const;
const b76 = { type: 'put', forward: 100, strike: 95, expiryYears: 0.5, vol: 0.3, rate: 0.03 } as const;
const ivSpot = { type: 'call', price: 10, spot: 100, strike: 95, expiryYears: 0.5, rate: 0.03, dividendYield: 0.01 } as const;
const ivFwd = { type: 'put', price: 5, forward: 100, strike: 95, expiryYears: 0.5, rate: 0.03 } as const;

const scalarCases: [string, (o: never) => unknown, Record<string, unknown>][] = [
  ['blackScholes', blackScholes as (o: never) => unknown, bsm],
  ['black76', black76 as (o: never) => unknown, b76],
  ['impliedVol (spot)', impliedVol as (o: never) => unknown, ivSpot],
  ['impliedVol (forward)', impliedVol as (o: never) => unknown, ivFwd],
];

describe.each(scalarCases)('%s rejects bad fields', (_name, fn, good) => {
  it('accepts the good input', () => {
    expect(() => fn(good as never)).not.toThrow();
  });
  for (const field of Object.keys(good)) {
    if (field === 'type') {
      it.each(['Call', 'c', '', 1, undefined, null])('type = %s', (value) => {
        expectInvalid(() => fn({ ...good, type: value } as never), 'type', undefined);
      });
      continue;
    }
    const bad = [...NON_FINITE, ...notNumbers, ...(rules[field] ?? [])];
    it.each(bad.map((v) => [String(v), v]))(`${field} = %s`, (_label, value) => {
      expectInvalid(() => fn({ ...good, [field]: value } as never), field, value);
    });
    if (field !== 'rate' && field !== 'dividendYield') {
      it(`${field} missing`, () => {
        const { [field]: _omit, ...rest } = good;
        const named = (field === 'spot' || field === 'forward') && 'price' in good ? 'spot/forward' : field;
        expectInvalid(() => fn(rest as never), named, undefined);
      });
    }
  }
  it.each([null, undefined, 42, 'x', []])('input itself = %s', (value) => {
    expectInvalid(() => fn(value as never), 'input', undefined);
  });
});

describe('model mix-ups are rejected, not ignored', () => {
  it('blackScholes takes no forward; black76 takes no spot', () => {
    expectInvalid(() => blackScholes({ ...bsm, forward: 100 } as never), 'forward', 100);
    expectInvalid(() => black76({ ...b76, spot: 5 } as never), 'spot', 5);
  });
  it('black76Batch takes no dividendYields or spots; blackScholesBatch no forwards', () => {
    const one = Float64Array.of(1);
    const b76Batch = { isCall: Uint8Array.of(1), forwards: Float64Array.of(100), strikes: Float64Array.of(95), expiriesYears: one, vols: Float64Array.of(0.3) };
    expect(() => black76Batch({ ...b76Batch, dividendYields: 0.5 } as never)).toThrow(/dividendYields cannot be given to black76Batch/);
    expect(() => black76Batch({ ...b76Batch, dividendYields: 'x' } as never)).toThrow(InvalidInputError);
    expect(() => black76Batch({ ...b76Batch, spots: Float64Array.of(100) } as never)).toThrow(/spots cannot be given/);
    const { forwards, ...rest } = b76Batch;
    expect(() => blackScholesBatch({ ...rest, spots: forwards, forwards } as never)).toThrow(/forwards cannot be given/);
  });
});

describe('the columns are read once', () => {
  it('a getter that changes its answer cannot make the batch read stale memory', () => {
    let reads = 0;
    const input = {
      isCall: Uint8Array.of(1, 1, 1), strikes: Float64Array.of(95, 95, 95), expiriesYears: Float64Array.of(1, 1, 1), vols: Float64Array.of(0.2, 0.2, 0.2),
      get spots(): Float64Array { reads++; return reads === 1 ? Float64Array.of(100, 100, 100) : Float64Array.of(100); },
    };
    const out = blackScholesBatch(input);
    expect(reads).toBe(1);
    expect(out.price.length).toBe(3);
    expect(out.price[2]).toBe(out.price[0]);
  });
});

describe('impliedVol near and beyond its bounds', () => {
  it('at expiry 0 any price above intrinsic is above the value at expiry', () => {
    let e: unknown;
    try { impliedVol({ type: 'call', price: 11, spot: 100, strike: 90, expiryYears: 0 }); } catch (err) { e = err; }
    expect(e).toMatchObject({ code: 'PRICE_ABOVE_MAXIMUM', bound: 10 });
    expect((e as Error).message).toBe('price (11) is above the value at expiry 10: no volatility fits');
  });
  it('a price one ulp below the maximum still implies a vol; the maximum itself does not', () => {
    // at the money b(0, s) = erf(s/(2√2)) = 1 − 2^−53 gives s = σ√T ≈ 16.585 (erfc(5.8636) = 1.11e-16)
    expect(impliedVol({ type: 'call', price: 1 - 2 ** -53, spot: 1, strike: 1, expiryYears: 1 })).toBeCloseTo(16.585, 2);
    expect(() => impliedVol({ type: 'call', price: 1, spot: 1, strike: 1, expiryYears: 1 }))
      .toThrow(/at the no-arbitrage maximum 1 or above it/);
  });
});

describe('one-of rules', () => {
  it('impliedVol needs exactly one of spot and forward', () => {
    const { spot: _s, ...neither } = ivSpot;
    expect(() => impliedVol(neither as never)).toThrow(InvalidInputError);
    expect(() => impliedVol({ ...ivSpot, forward: 100 } as never)).toThrow(/exactly one of spot/);
  });
  it('forward-based calls take no dividendYield', () => {
    expectInvalid(() => impliedVol({ ...ivFwd, dividendYield: 0.01 } as never), 'dividendYield', 0.01);
    expectInvalid(() => black76({ ...b76, dividendYield: 0.01 } as never), 'dividendYield', 0.01);
  });
});

describe('unit helpers reject bad input', () => {
  it.each([[Number.NaN], [-1], ['3']])('yearsFromDays(%s)', (days) => {
    expect(() => yearsFromDays(days as never)).toThrow(InvalidInputError);
  });
  it('daysPerYear must be > 0', () => {
    expect(() => yearsFromDays(30, 0)).toThrow(/daysPerYear \(0\)/);
    expect(() => thetaPerDay(-3, -365)).toThrow(/daysPerYear/);
  });
  it('theta and vega must be finite', () => {
    expect(() => thetaPerDay(Number.NaN)).toThrow(/theta \(NaN\)/);
    expect(() => vegaPerVolPoint(Number.POSITIVE_INFINITY)).toThrow(/vega \(Infinity\)/);
  });
  it('convert units', () => {
    expect(yearsFromDays(73)).toBe(0.2);
    expect(yearsFromDays(126, 252)).toBe(0.5);
    expect(thetaPerDay(-36.5)).toBe(-0.1);
    expect(vegaPerVolPoint(12.5)).toBe(0.125);
  });
});

// ---- batches: a bad element is marked and the rest of the batch is priced normally ----

const N = 3; // element 1 is the bad one
function col(good: number, bad: number): Float64Array { return Float64Array.from([good, bad, good]); }

type BatchField = { field: string; good: number };
const batchCases = [
  {
    name: 'blackScholesBatch',
    fn: blackScholesBatch as (o: never) => { price: Float64Array; delta: Float64Array; status: Uint8Array },
    fields: [{ field: 'spots', good: 100 }, { field: 'strikes', good: 95 }, { field: 'expiriesYears', good: 0.5 },
      { field: 'vols', good: 0.3 }, { field: 'rates', good: 0.03 }, { field: 'dividendYields', good: 0.01 }] as BatchField[],
    rule: { spots: 'spot', strikes: 'strike', expiriesYears: 'expiryYears', vols: 'vol', rates: 'rate', dividendYields: 'dividendYield' } as Record<string, string>,
  },
  {
    name: 'black76Batch',
    fn: black76Batch as (o: never) => { price: Float64Array; delta: Float64Array; status: Uint8Array },
    fields: [{ field: 'forwards', good: 100 }, { field: 'strikes', good: 95 }, { field: 'expiriesYears', good: 0.5 },
      { field: 'vols', good: 0.3 }, { field: 'rates', good: 0.03 }] as BatchField[],
    rule: { forwards: 'forward', strikes: 'strike', expiriesYears: 'expiryYears', vols: 'vol', rates: 'rate' } as Record<string, string>,
  },
];

describe.each(batchCases)('$name marks bad elements', ({ fn, fields, rule }) => {
  const good = (): Record<string, unknown> => {
    const o: Record<string, unknown> = { isCall: Uint8Array.from([1, 0, 1]) };
    for (const f of fields) o[f.field] = col(f.good, f.good);
    return o;
  };
  let reference: ReturnType<typeof fn>;
  beforeAll(() => { reference = fn(good() as never); });
  it('prices the good batch', () => {
    expect([...reference.status]).toEqual([0, 0, 0]);
  });
  for (const f of fields) {
    const bad = [...NON_FINITE, ...(rules[rule[f.field]!] ?? [])];
    it.each(bad)(`${f.field}[1] = %s`, (value) => {
      const out = fn({ ...good(), [f.field]: col(f.good, value) } as never);
      expect([...out.status]).toEqual([Status.OK, Status.INVALID_INPUT, Status.OK]);
      expect(out.price[1]).toBeNaN();
      expect(out.delta[1]).toBeNaN();
      expect(out.price[0]).toBe(reference.price[0]);
      expect(out.price[2]).toBe(reference.price[2]);
    });
  }
  it.each([2, 255])('isCall[1] = %s', (value) => {
    const out = fn({ ...good(), isCall: Uint8Array.from([1, value, 0]) } as never);
    expect(out.status[1]).toBe(Status.INVALID_INPUT);
    expect(out.price[1]).toBeNaN();
  });
  it('a broadcast rate that is bad marks every element', () => {
    const out = fn({ ...good(), rates: Number.NaN } as never);
    expect([...out.status]).toEqual([1, 1, 1]);
  });
  it.each(fields.map((f) => f.field).concat('isCall'))('structural: %s missing, mistyped or of the wrong length', (field) => {
    const { [field]: _omit, ...rest } = good();
    if (field !== 'rates' && field !== 'dividendYields') expect(() => fn(rest as never)).toThrow(new RegExp(field));
    expect(() => fn({ ...good(), [field]: [1, 2, 3] } as never)).toThrow(InvalidInputError);
    const short = field === 'isCall' ? new Uint8Array(2) : new Float64Array(2);
    expect(() => fn({ ...good(), [field]: short } as never)).toThrow(/length 2, expected 3|has length/);
  });
  it('an empty batch returns empty columns', () => {
    const empty: Record<string, unknown> = { isCall: new Uint8Array(0) };
    for (const f of fields) empty[f.field] = new Float64Array(0);
    const out = fn(empty as never);
    expect(out.price.length).toBe(0);
    expect(out.status.length).toBe(0);
  });
});

describe('impliedVolBatch marks bad elements', () => {
  const good = (): Record<string, unknown> => ({
    isCall: Uint8Array.from([1, 0, 1]), prices: col(10, 10), spots: col(100, 100), strikes: col(95, 95),
    expiriesYears: col(0.5, 0.5), rates: 0.03, dividendYields: 0.01,
  });
  it.each([
    ['prices', 10, [-1, Number.NaN, Number.POSITIVE_INFINITY]],
    ['spots', 100, [0, -1, Number.NaN]],
    ['strikes', 95, [0, Number.NaN]],
    ['expiriesYears', 0.5, [-0.1, 51, Number.NaN]],
    ['rates', 0.03, [2, Number.NaN]],
    ['dividendYields', 0.01, [-3, Number.NaN]],
  ] as const)('%s', (field, g, bads) => {
    for (const value of bads) {
      const out = impliedVolBatch({ ...good(), [field]: col(g, value) } as never);
      expect([...out.status], `${field} = ${value}`).toEqual([0, Status.INVALID_INPUT, 0]);
      expect(out.vol[1]).toBeNaN();
      expect(out.vol[0]).toBeGreaterThan(0);
    }
  });
  it('marks out-of-bounds prices with their own statuses', () => {
    // element 0, call: intrinsic 100·e^{−0.005} − 95·e^{−0.015} = 5.9154… > 5 → BELOW_INTRINSIC;
    // element 1, put: maximum K·e^{−rT} = 95·e^{−0.015} = 93.585… < 99.6 → ABOVE_MAXIMUM.
    const out = impliedVolBatch({ ...good(), prices: Float64Array.from([5, 99.6, 10]) } as never);
    expect([...out.status]).toEqual([Status.BELOW_INTRINSIC, Status.ABOVE_MAXIMUM, Status.OK]);
    expect(out.vol[0]).toBeNaN();
    expect(out.vol[1]).toBeNaN();
  });
  it('needs exactly one of spots / forwards, and no dividendYields with forwards', () => {
    const { spots, ...noUnderlying } = good();
    expect(() => impliedVolBatch(noUnderlying as never)).toThrow(/exactly one of spots/);
    expect(() => impliedVolBatch({ ...good(), forwards: spots } as never)).toThrow(/exactly one of spots/);
    expect(() => impliedVolBatch({ ...noUnderlying, forwards: spots } as never)).toThrow(/dividendYields cannot be given/);
  });
  it('rejects mistyped columns', () => {
    expect(() => impliedVolBatch({ ...good(), prices: [10, 10, 10] } as never)).toThrow(/prices must be a Float64Array/);
    expect(() => impliedVolBatch({ ...good(), isCall: [1, 0, 1] } as never)).toThrow(/isCall must be a Uint8Array/);
  });
});
