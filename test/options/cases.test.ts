// Reference cases C01–C07 from /work/shared/cases/README.md ("Reference cases from real bug
// reports"; expected values computed independently at 50 digits / closed forms). Each test names the
// kind of fault; the README's expected value is quoted in a comment. A printed value is matched to
// half a unit of its last printed digit (plus 1e-13 relative for the kernel's own rounding).
import { describe, expect, it } from 'vitest';
import { black76, blackScholes, impliedVol, PriceOutOfBoundsError } from '../../src/index.js';
import { useWasm } from '../helpers/wasm.js';

useWasm();

/** `got` equals the printed decimal `printed` to half a unit of its last digit. */
function expectPrinted(got: number, printed: string, what: string): void {
  const decimals = printed.split('.')[1]?.length ?? 0;
  const exp = Number(printed);
  const tol = 0.5 * 10 ** -decimals + 1e-13 * Math.abs(exp);
  expect(Math.abs(got - exp), `${what}: got ${got}, expected ${printed} (±${tol})`).toBeLessThanOrEqual(tol);
}

/** Runs `f`, which must throw a PriceOutOfBoundsError; returns it. */
function outOfBounds(f: () => unknown): PriceOutOfBoundsError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(PriceOutOfBoundsError);
    return e as PriceOutOfBoundsError;
  }
  return expect.fail('expected a PriceOutOfBoundsError, but a value was returned');
}

describe('reference cases C01–C07 (options)', () => {
  it('C01 IV below the no-arbitrage floor: typed "below intrinsic" error carrying the floor', () => {
    // README C01: call price 1529.75, spot 4127.83, strike 2600, expiry 133/252 y, rate 0.01, q 0 →
    // no vol fits: a typed "below intrinsic" error that carries the floor S−K·e^{−rT} = 1541.5160744
    // (not NaN, not 0, not a negative vol).
    const e = outOfBounds(() => impliedVol({ type: 'call', price: 1529.75, spot: 4127.83, strike: 2600, expiryYears: 133 / 252, rate: 0.01 }));
    expect(e.code).toBe('PRICE_BELOW_INTRINSIC');
    expectPrinted(e.bound, '1541.5160744', 'C01 floor');
  });

  it('C02 IV with and without a dividend yield', () => {
    // README C02: call price 11.73, spot 85.37, strike 75, expiry 0.6767 y, rate 0.043.
    // q = 0: below the floor 12.520912 → typed error. q = 0.041055137: vol = 0.20000000 (±1e-8).
    // q = 0.04: vol = 0.19738891.
    const base = { type: 'call' as const, price: 11.73, spot: 85.37, strike: 75, expiryYears: 0.6767, rate: 0.043 };
    const e = outOfBounds(() => impliedVol({ ...base, dividendYield: 0 }));
    expect(e.code).toBe('PRICE_BELOW_INTRINSIC');
    expectPrinted(e.bound, '12.520912', 'C02 floor at q = 0');
    const v1 = impliedVol({ ...base, dividendYield: 0.041055137 });
    expect(Math.abs(v1 - 0.2), `C02 vol at q = 0.041055137: got ${v1}, expected 0.2 ± 1e-8`).toBeLessThanOrEqual(1e-8);
    expectPrinted(impliedVol({ ...base, dividendYield: 0.04 }), '0.19738891', 'C02 vol at q = 0.04');
  });

  it('C03 price exactly at intrinsic: vol 0, not a point of the flat region', () => {
    // README C03: call price 1576.65 = S−K, spot 2076.65, strike 500, rate 0, q 0, expiry 93/360 y →
    // vol 0 (or an explicit "at intrinsic" status); never an arbitrary point such as 0.349.
    // DESIGN §5: "A price exactly at intrinsic has implied vol 0 with status OK". (2076.65 − 500 ===
    // 1576.65 in doubles, so the price is exactly at intrinsic.)
    expect(2076.65 - 500).toBe(1576.65);
    const v = impliedVol({ type: 'call', price: 1576.65, spot: 2076.65, strike: 500, expiryYears: 93 / 360, rate: 0, dividendYield: 0 });
    expect(v).toBe(0);
  });

  it('C04 put formula / parity', () => {
    // README C04: spot 4600, strike 4400, vol 0.19, expiry 5/365 y, rate 0.01, q 0 →
    // call 201.44054912, put 0.83785067792; put ≥ max(K·e^{−rT}−S, 0); C−P = S−K·e^{−rT}.
    const inp = { spot: 4600, strike: 4400, vol: 0.19, expiryYears: 5 / 365, rate: 0.01, dividendYield: 0 };
    const c = blackScholes({ type: 'call', ...inp }).price;
    const p = blackScholes({ type: 'put', ...inp }).price;
    expectPrinted(c, '201.44054912', 'C04 call');
    expectPrinted(p, '0.83785067792', 'C04 put');
    const df = Math.exp(-inp.rate * inp.expiryYears);
    expect(p).toBeGreaterThanOrEqual(Math.max(inp.strike * df - inp.spot, 0));
    const parity = inp.spot - inp.strike * df;
    expect(Math.abs(c - p - parity), `C−P = ${c - p}, S−K·e^{−rT} = ${parity}`).toBeLessThanOrEqual(1e-12 * inp.spot);
  });

  it('C05 zero-vol limit: discounted intrinsic max(S·e^{−qT} − K·e^{−rT}, 0), not max(S−K, 0)', () => {
    // README C05: call, spot 100, rate 0.05, expiry 1, vol 0; strike 100 and strike 104 →
    // 4.8770575499 and 1.0721398519 = max(S·e^{−qT} − K·e^{−rT}, 0), not max(S−K, 0).
    const at = (strike: number): number => blackScholes({ type: 'call', spot: 100, strike, expiryYears: 1, vol: 0, rate: 0.05, dividendYield: 0 }).price;
    expectPrinted(at(100), '4.8770575499', 'C05 strike 100');
    expectPrinted(at(104), '1.0721398519', 'C05 strike 104');
    for (const K of [100, 104]) {
      const exact = Math.max(100 - K * Math.exp(-0.05), 0);
      expect(Math.abs(at(K) - exact)).toBeLessThanOrEqual(1e-13 * 100);
    }
  });

  it('C06 Black-76 theta per year equals the central difference of the price in time', () => {
    // README C06: forward 100, strike 100, vol 0.2, call: (T 1, r 0), (T 0.25, r 0), (T 1, r 0.05) →
    // −3.9695254748, −7.9688782819, −3.3970753256 (each equals a central difference of the price in time).
    const cases: [number, number, string][] = [[1, 0, '-3.9695254748'], [0.25, 0, '-7.9688782819'], [1, 0.05, '-3.3970753256']];
    for (const [T, r, printed] of cases) {
      const at = (t: number) => black76({ type: 'call', forward: 100, strike: 100, expiryYears: t, vol: 0.2, rate: r });
      const theta = at(T).theta;
      expectPrinted(theta, printed, `C06 theta (T ${T}, r ${r})`);
      // theta = −∂V/∂T with F fixed; a central difference (h = 1e-4) has error ~h²·|V'''| ≲ 1e-7 here
      const h = 1e-4;
      const cd = -(at(T + h).price - at(T - h).price) / (2 * h);
      expect(Math.abs(theta - cd), `theta ${theta}, central difference ${cd}`).toBeLessThanOrEqual(1e-6);
    }
  });

  it('C07 Greeks with a dividend yield: gamma and per-year theta', () => {
    // README C07: spot 80, strike 110, expiry 3, rate 0.05, vol 0.25, q 0.03 →
    // gamma 0.0097907573239; theta per year: call −2.1710718884, put 0.36938713728.
    const inp = { spot: 80, strike: 110, expiryYears: 3, rate: 0.05, vol: 0.25, dividendYield: 0.03 };
    const c = blackScholes({ type: 'call', ...inp });
    const p = blackScholes({ type: 'put', ...inp });
    expectPrinted(c.gamma, '0.0097907573239', 'C07 call gamma');
    expectPrinted(p.gamma, '0.0097907573239', 'C07 put gamma');
    expectPrinted(c.theta, '-2.1710718884', 'C07 call theta');
    expectPrinted(p.theta, '0.36938713728', 'C07 put theta');
  });
});
