// Bad input, field by field, for americanOption and americanOptionBatch (DESIGN §5): scalar calls throw
// InvalidInputError naming the field and the value; the batch throws only for structural faults and
// bad tree settings, and marks a bad element INVALID_INPUT with NaN outputs.
import { describe, expect, it } from 'vitest';
import { americanOption, americanOptionBatch, InvalidInputError, Status } from '../../src/index.js';
import { useWasm } from '../helpers/wasm.js';
import { expectInvalid } from '../helpers/invalid.js';

useWasm();

const NON_FINITE = [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY];
const notNumbers: unknown[] = ['100', null, {}, true, 10n];

const rules: Record<string, unknown[]> = {
  spot: [...NON_FINITE, ...notNumbers, 0, -1, 1e-299, 1.01e100],
  strike: [...NON_FINITE, ...notNumbers, 0, -5, 1e-299, 1e301],
  expiryYears: [...NON_FINITE, ...notNumbers, -1e-9, -1, 50.0001, 365],
  vol: [...NON_FINITE, ...notNumbers, -0.01, 10.0001, 80],
  rate: [...NON_FINITE, ...notNumbers, 1.0001, -1.5],
  dividendYield: [...NON_FINITE, ...notNumbers, 1.5, -2],
  steps: [...NON_FINITE, ...notNumbers, 0, -1, 2.5, 100_001, 1e9],
  method: ['lr', 'CRR', 'binomial', '', 1, null],
  exercise: ['American', 'bermudan', '', 0, null],
  type: ['Call', 'c', '', 1, undefined, null],
};


const good = {
  type: 'put', spot: 100, strike: 110, expiryYears: 1, vol: 0.3, rate: 0.05, dividendYield: 0.02,
  steps: 101, method: 'crr', exercise: 'american',
} as const;

describe('americanOption rejects bad fields', () => {
  it('accepts the good input, and each optional field left out', () => {
    expect(() => americanOption(good)).not.toThrow();
    for (const field of ['rate', 'dividendYield', 'steps', 'method', 'exercise'] as const) {
      const { [field]: _omit, ...rest } = good;
      expect(() => americanOption(rest as never)).not.toThrow();
    }
  });
  for (const [field, values] of Object.entries(rules)) {
    it.each(values.map((v) => [String(v), v]))(`${field} = %s`, (_label, value) => {
      expectInvalid(() => americanOption({ ...good, [field]: value } as never), field, field === 'type' ? undefined : value);
    });
  }
  for (const field of ['type', 'spot', 'strike', 'expiryYears', 'vol'] as const) {
    it(`${field} missing`, () => {
      const { [field]: _omit, ...rest } = good;
      expectInvalid(() => americanOption(rest as never), field, undefined);
    });
  }
  it.each([null, undefined, 42, 'x', []])('input itself = %s', (value) => {
    expectInvalid(() => americanOption(value as never), 'input', undefined);
  });
  it('a forward is rejected, not ignored', () => {
    expectInvalid(() => americanOption({ ...good, forward: 100 } as never), 'forward', 100);
  });
});

describe('americanOptionBatch', () => {
  const cols = () => ({
    isCall: new Uint8Array([0, 1]), spots: new Float64Array([100, 100]), strikes: new Float64Array([110, 90]),
    expiriesYears: new Float64Array([1, 1]), vols: new Float64Array([0.3, 0.3]), steps: 51,
  });
  it('marks each kind of bad element INVALID_INPUT with NaN outputs and prices the rest', () => {
    const bad: [string, number][] = [['spots', 0], ['strikes', -1], ['expiriesYears', 51], ['vols', Number.NaN]];
    for (const [field, value] of bad) {
      const c = cols();
      (c[field as 'spots'])[0] = value;
      const out = americanOptionBatch(c);
      expect(Array.from(out.status)).toEqual([Status.INVALID_INPUT, Status.OK]);
      expect(out.price[0]).toBeNaN();
      expect(out.price[1]).toBeGreaterThan(10);
    }
    const c = cols();
    c.isCall[0] = 2;
    expect(americanOptionBatch(c).status[0]).toBe(Status.INVALID_INPUT);
    expect(americanOptionBatch({ ...cols(), rates: new Float64Array([2, 0]) }).status[0]).toBe(Status.INVALID_INPUT);
  });
  it('throws for structural faults and bad tree settings', () => {
    expectInvalid(() => americanOptionBatch({ ...cols(), strikes: new Float64Array(3) }), 'strikes', undefined);
    expectInvalid(() => americanOptionBatch({ ...cols(), vols: [0.3, 0.3] as never }), 'vols', undefined);
    expectInvalid(() => americanOptionBatch({ ...cols(), steps: 0 }), 'steps', 0);
    expectInvalid(() => americanOptionBatch({ ...cols(), method: 'jr' as never }), 'method', 'jr');
    expectInvalid(() => americanOptionBatch({ ...cols(), exercise: 'asian' as never }), 'exercise', 'asian');
  });
  it('an empty batch returns empty columns', () => {
    const e = new Float64Array(0);
    const out = americanOptionBatch({ isCall: new Uint8Array(0), spots: e, strikes: e, expiriesYears: e, vols: e });
    expect(out.price.length).toBe(0);
  });
});
