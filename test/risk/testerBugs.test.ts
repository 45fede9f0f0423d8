// Regressions for the tester's risk findings: non-finite VaR / portfolio value without an error, the
// portfolioVaR error naming returns[1] (Infinity) instead of returns.ETH[1] (1000), unknown option fields,
// and the one-sort historical tail (must equal the former index-sort computation bit for bit).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectedShortfall, InvalidInputError, portfolioRisk, portfolioVaR, scenarioGrid, stressTest, valueAtRisk, type Portfolio } from '../../src/index.js';
import { ascendingOrder, lowerQuantileIndex } from '../../src/risk/quantile.js';
import { expectInvalid } from '../helpers/invalid.js';
import { useWasm } from '../helpers/wasm.js';

useWasm();

describe('valueAtRisk / expectedShortfall never return a silent non-finite value', () => {
  it("gaussian [1e300, −1e300] at 0.99: √2·1e300·Φ⁻¹(0.99) = 3.2899527142663741e300, ES √2·1e300·φ(z)/0.01 = 3.7691820970426717e300 (mpmath; was Infinity)", () => {
    const input = { returns: [1e300, -1e300], confidence: 0.99, method: 'gaussian' as const };
    expect(Math.abs(valueAtRisk(input) / 3.289952714266374100354e300 - 1)).toBeLessThan(1e-14);
    expect(Math.abs(expectedShortfall(input) / 3.769182097042671726262e300 - 1)).toBeLessThan(1e-14);
  });
  it('a tail beyond the double range is a typed error naming returns', () => {
    // σ = √2·1.7e308 > the largest double: the VaR itself is not representable
    const returns = [1.7e308, -1.7e308];
    expect(() => valueAtRisk({ returns, confidence: 0.99, method: 'gaussian' })).toThrow(InvalidInputError);
    try { valueAtRisk({ returns, confidence: 0.99, method: 'gaussian' }); } catch (e) { expect((e as InvalidInputError).details.field).toBe('returns'); }
  });
  it('ordinary inputs are unchanged: gaussian [0.01, −0.02, 0.03] at 0.95 = −μ + s·Φ⁻¹(0.95) (s ddof 1, by hand; Φ⁻¹(0.95) = 1.6448536269514722 mpmath)', () => {
    const r = [0.01, -0.02, 0.03];
    const mu = (0.01 - 0.02 + 0.03) / 3;
    const s = Math.sqrt(((0.01 - mu) ** 2 + (-0.02 - mu) ** 2 + (0.03 - mu) ** 2) / 2);
    expect(valueAtRisk({ returns: r, confidence: 0.95, method: 'gaussian' })).toBeCloseTo(-mu + s * 1.6448536269514722, 14);
  });
});

/** The historical VaR / RU-ES as computed before the one-sort change: index sort, then the weighted formula. */
function indexSortTail(returns: Float64Array, alpha: number): [number, number] {
  const n = returns.length;
  const losses = new Float64Array(n);
  for (let i = 0; i < n; i++) losses[i] = -returns[i]!;
  const order = ascendingOrder(losses);
  const { k, cumulative } = lowerQuantileIndex(order, undefined, alpha);
  const v = losses[order[k]!]!;
  let sum = Math.max(cumulative - alpha, 0) * v;
  for (let j = k + 1; j < n; j++) sum += (1 / n) * losses[order[j]!]!;
  return [v, Math.max(sum / (1 - alpha), v)];
}

describe('historical VaR / ES from one value sort', () => {
  it('bit-identical to the index-sort computation (fast-check: ties, zeros, 1 … 300 values, α in (0, 1))', () => {
    const value = fc.oneof(fc.integer({ min: -5, max: 5 }).map((x) => x / 4), fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }));
    fc.assert(fc.property(fc.array(value, { minLength: 1, maxLength: 300 }), fc.double({ min: 0.001, max: 0.999, noNaN: true }), (xs, alpha) => {
      const returns = Float64Array.from(xs, (x) => x + 0); // +0: no −0, whose sort position is the one permitted difference
      const [v, es] = indexSortTail(returns, alpha);
      return valueAtRisk({ returns, confidence: alpha, method: 'historical' }) === v
        && expectedShortfall({ returns, confidence: alpha, method: 'historical' }) === es;
    }), { numRuns: 300 });
  });
});

const eth = (quantity: number, spot: number): Portfolio => ({
  market: { ETH: { spot, vol: 0.8 } }, positions: [{ kind: 'spot', underlying: 'ETH', quantity }, { kind: 'spot', underlying: 'ETH', quantity }],
});

describe('portfolioRisk / portfolioVaR', () => {
  it('two spot positions of quantity·spot 1e308 (was valueUsd Infinity): the quantity is outside ±1e100', () => {
    expectInvalid(() => portfolioRisk(eth(1e208, 1e100)), 'positions[0].quantity', 1e208);
  });
  it('at the limits the value is finite: 2 × 1e100 × 1e100 = 2e200 (by hand)', () => {
    expect(portfolioRisk(eth(1e100, 1e100)).valueUsd).toBe(2e200);
  });
  it('returns.ETH[1] = 1000: names the element and the input value, says exp(1000) overflowed', () => {
    let error: unknown;
    try { portfolioVaR(eth(1, 2000), { method: 'historical', confidence: 0.99, horizonYears: 1 / 365, returns: { ETH: [0, 1000, -1000] } }); } catch (e) { error = e; }
    expect(error).toBeInstanceOf(InvalidInputError);
    const e = error as InvalidInputError;
    expect(e.details.field).toBe('returns.ETH[1]');
    expect(e.details.value).toBe(1000);
    expect(e.message).toContain('(1000)');
    expect(e.message).toContain('exp(1000)');
  });
  it('misspelt options and market fields are rejected', () => {
    let error: unknown;
    try { portfolioVaR(eth(1, 2000), { method: 'historical', Confidence: 0.99, horizonYears: 0 } as never); } catch (e) { error = e; }
    expect((error as InvalidInputError).details.field).toBe('Confidence');
    expect((error as Error).message).toContain('did you mean confidence?');
    expectInvalid(() => scenarioGrid(eth(1, 2000), { spotshocks: [0.1] } as never), 'spotshocks', undefined);
    expectInvalid(() => stressTest(eth(1, 2000), { volshift: 0.1 } as never), 'volshift', 0.1);
    expectInvalid(() => valueAtRisk({ returns: [0.1, -0.1], confidence: 0.9, method: 'historical', weight: [1, 1] } as never), 'weight', undefined);
    expectInvalid(() => portfolioRisk({ market: { ETH: { spot: 2000, Vol: 0.8 } }, positions: [{ kind: 'spot', underlying: 'ETH', quantity: 1 }] } as never), 'market.ETH.Vol', 0.8);
  });
});
