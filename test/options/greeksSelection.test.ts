// Batch output selection (issue #3 §2): greeks 'none' | 'first' | 'all' returns exactly those
// columns, with values identical to the full computation.
import { beforeAll, describe, expect, it } from 'vitest';
import { black76Batch, blackScholesBatch, InvalidInputError } from '../../src/index.js';
import { useWasm } from '../helpers/wasm.js';

useWasm();

const n = 257;
const isCall = Uint8Array.from({ length: n }, (_, i) => i % 2);
const under = Float64Array.from({ length: n }, (_, i) => 50 + i);
const strikes = Float64Array.from({ length: n }, (_, i) => 40 + 0.9 * i);
const expiriesYears = Float64Array.from({ length: n }, (_, i) => (i % 7 === 0 ? 0 : 0.01 + i / 100));
const vols = Float64Array.from({ length: n }, (_, i) => (i % 11 === 0 ? 0 : 0.05 + i / 300));

const FIRST = ['price', 'delta', 'gamma', 'vega', 'theta', 'rho', 'status'];
const ALL = [...FIRST.slice(0, 6), 'vanna', 'volga', 'charm', 'status'];

describe.each([
  ['blackScholesBatch', (greeks?: 'none' | 'first' | 'all') => blackScholesBatch({ isCall, spots: under, strikes, expiriesYears, vols, rates: 0.02, dividendYields: 0.01, ...(greeks ? { greeks } : {}) })],
  ['black76Batch', (greeks?: 'none' | 'first' | 'all') => black76Batch({ isCall, forwards: under, strikes, expiriesYears, vols, rates: 0.02, ...(greeks ? { greeks } : {}) })],
] as const)('%s greeks selection', (_name, run) => {
  let all: ReturnType<typeof run>;
  beforeAll(() => { all = run(); });
  it('defaults to all nine values', () => {
    expect(Object.keys(all).sort()).toEqual([...ALL].sort());
    expect(Object.keys(run('all')).sort()).toEqual([...ALL].sort());
  });
  it("'none' returns the price only, equal to the full run", () => {
    const out = run('none');
    expect(Object.keys(out).sort()).toEqual(['price', 'status']);
    expect(out.price).toEqual(all.price);
    expect([...out.status].every((s) => s === 0)).toBe(true);
  });
  it("'first' returns price, delta, gamma, vega, theta, rho, equal to the full run", () => {
    const out = run('first') as unknown as Record<string, Float64Array>;
    expect(Object.keys(out).sort()).toEqual([...FIRST].sort());
    for (const k of FIRST.slice(0, 6)) expect(out[k], k).toEqual((all as unknown as Record<string, Float64Array>)[k]);
  });
  it('rejects an unknown selection', () => {
    expect(() => run('second' as never)).toThrow(InvalidInputError);
    expect(() => run('second' as never)).toThrow(/greeks \(second\) must be/);
  });
});
