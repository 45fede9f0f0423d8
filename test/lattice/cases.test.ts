// Reference case C10 from /work/shared/cases/README.md: an American call without dividends is never
// exercised early, so it equals the European value 1.8594195728 (S 80, K 100, r 0.05, q 0, vol 0.2, T 1);
// a CRR tree converges to it, and 2000 CRR steps give 1.8586641 (README).
import { describe, expect, it } from 'vitest';
import { americanOption, blackScholes } from '../../src/index.js';
import { useWasm } from '../helpers/wasm.js';

useWasm();

const c10 = { type: 'call', spot: 80, strike: 100, expiryYears: 1, vol: 0.2, rate: 0.05, dividendYield: 0 } as const;

/** `got` equals the printed decimal to half a unit of its last digit (plus 1e-13 relative). */
function expectPrinted(got: number, printed: string, what: string): void {
  const decimals = printed.split('.')[1]?.length ?? 0;
  const tol = 0.5 * 10 ** -decimals + 1e-13 * Math.abs(Number(printed));
  expect(Math.abs(got - Number(printed)), `${what}: got ${got}, expected ${printed}`).toBeLessThanOrEqual(tol);
}

describe('case C10: American call without dividends = European', () => {
  it('the European closed form is 1.8594195728', () => {
    expectPrinted(blackScholes(c10).price, '1.8594195728', 'C10 European');
  });

  it('2000 CRR steps give 1.8586641, American and European alike', () => {
    const am = americanOption({ ...c10, method: 'crr', steps: 2000 });
    const eu = americanOption({ ...c10, method: 'crr', steps: 2000, exercise: 'european' });
    expectPrinted(am.price, '1.8586641', 'C10 CRR 2000 American');
    expect(am.price).toBe(eu.price); // the exercise check never binds
  });

  it('Leisen–Reimer (default 501 steps) is within 1e-7 of the European value; its Greeks within O(1/N)', () => {
    // measured: delta +1.7e-3, gamma −1.1e-3, theta +4.4e-3 relative at 501 steps (4.2e-4, 1.1e-3 at 2001)
    const am = americanOption(c10);
    const bs = blackScholes(c10);
    expect(Math.abs(am.price - 1.8594195728)).toBeLessThan(1e-7);
    expect(Math.abs(am.delta - bs.delta)).toBeLessThan(3e-3 * Math.abs(bs.delta));
    expect(Math.abs(am.gamma - bs.gamma)).toBeLessThan(2e-3 * bs.gamma);
    expect(Math.abs(am.theta - bs.theta)).toBeLessThan(8e-3 * Math.abs(bs.theta));
  });

  it('the trinomial tree converges to it too', () => {
    expect(Math.abs(americanOption({ ...c10, method: 'trinomial', steps: 2000 }).price - 1.8594195728)).toBeLessThan(5e-4);
  });
});
