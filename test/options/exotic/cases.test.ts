// Case C09 of /work/shared/cases/README.md (geometric-average Asian call, S 100, K 100, r 0.05, q 0.03,
// vol 0.2, T 1): continuous 4.7195856735; 12 fixings 5.0374758026; 252 fixings 4.7347026500.
import { describe, expect, it } from 'vitest';
import { geometricAsian } from '../../../src/index.js';
import { useWasm } from '../../helpers/wasm.js';
import { close } from './helpers.js';

useWasm();

const C09 = { type: 'call', spot: 100, strike: 100, rate: 0.05, dividendYield: 0.03, vol: 0.2, expiryYears: 1 } as const;

describe('C09 Asian discounting with a yield (geometric average, Kemna–Vorst and discrete)', () => {
  it('C09 continuous average: 4.7195856735', () => {
    close(geometricAsian(C09).price, 4.7195856735, 0, 5e-11);
  });
  it('C09 12 equally spaced fixings: 5.0374758026', () => {
    close(geometricAsian({ ...C09, fixings: 12 }).price, 5.0374758026, 0, 5e-11);
  });
  it('C09 252 fixings: 4.7347026500', () => {
    close(geometricAsian({ ...C09, fixings: 252 }).price, 4.73470265, 0, 5e-11);
  });
  it('C09 fixings given as a count equal the same fixings given as times', () => {
    const times = Array.from({ length: 12 }, (_, i) => (i + 1) / 12);
    close(geometricAsian({ ...C09, fixings: times }).price, geometricAsian({ ...C09, fixings: 12 }).price, 1e-14);
  });
  it('C09 discrete averages approach the continuous one as fixings grow', () => {
    const cont = geometricAsian(C09).price;
    const errs = [12, 252, 10_000, 100_000].map((n) => Math.abs(geometricAsian({ ...C09, fixings: n }).price - cont));
    for (let i = 1; i < errs.length; i++) expect(errs[i]!).toBeLessThan(errs[i - 1]!);
    expect(errs[3]!).toBeLessThan(1e-4); // the gap shrinks like 1/n: 0.015 at 252, 3.8e-5 at 100,000
  });
});
