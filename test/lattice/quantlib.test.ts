// QuantLib 1.29 cross-checks (test/vectors/quantlib_american.json, generated once by
// scripts/vectors/quantlib_american.py): the same trees at the same steps agree to 1e-10 relative, and
// the trees converge to QuantLib's high-precision American reference (QdFp) and FD Greeks.
//
// Conventions (see the generator): QuantLib's 'crr' uses the first-order probability
// ½ + ½(r − q − σ²/2)√dt/σ, so it is compared with the kernel's method 3 (its CRR variant), not with our
// 'crr' (exact probability); its delta/gamma come from the step-1/step-2 nodes (our nodeDelta/nodeGamma
// diagnostics) and its theta from the Black–Scholes PDE with those Greeks. Step counts whose grid
// (T/N)·N rounds below T are avoided (QuantLib 1.29 then drops the payoff at expiry for American options).
//
// Leisen–Reimer odd-step convergence for the American put S 100, K 110, T 1, vol 0.3, r 0.05, q 0.02
// (reference 16.318455418452338, QdFp), price − reference (release build, measured once):
//     steps     LR          CRR         trinomial
//        51   −9.61e-3    +4.19e-2    +2.05e-2
//       101   −4.61e-3    −1.64e-4    +7.56e-3
//       201   −2.20e-3    +6.62e-3    +6.84e-3
//       401   −1.04e-3    +4.88e-3    +3.41e-3
//       801   −5.25e-4    −1.90e-3    +7.04e-5
//      1601   −2.52e-4    +2.39e-4    +3.21e-4
//      3201   −1.26e-4    +8.33e-4    +7.19e-5
//      6401   −6.23e-5    +2.02e-4    +1.54e-4
// LR converges monotonically from below at order 1 for American options (the early-exercise boundary
// spoils its second order; for European options it is ~1/N²: 8e-8 at 501 steps on case C10), so its
// error halves when the steps double; CRR and the trinomial oscillate. The test asserts the LR column.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { americanOption, Status } from '../../src/index.js';
import { SCALAR_FLAGS, scalarBlock } from '../../src/wasm/arena.js';
import { useWasm } from '../helpers/wasm.js';

useWasm();

interface Row {
  kind: 'tree' | 'reference';
  type: 'call' | 'put';
  spot: number; strike: number; expiryYears: number; vol: number; rate: number; dividendYield: number;
  exercise: 'american' | 'european';
  treeMethod?: 'crr-quantlib' | 'leisen-reimer';
  steps?: number;
  price: number; delta?: number; gamma?: number; theta?: number;
  nodeDelta?: number; nodeGamma?: number; pdeTheta?: number;
  tolerance: Record<string, number | undefined>;
  source: string;
}

const doc = JSON.parse(readFileSync(new URL('../vectors/quantlib_american.json', import.meta.url), 'utf8')) as { rows: Row[] };
const trees = doc.rows.filter((r) => r.kind === 'tree');
const references = doc.rows.filter((r) => r.kind === 'reference');

/** Runs the lattice kernel on one row (method code as in assembly/lattice/binomial.ts); all six outputs. */
function kernel(row: Row, method: number, steps: number) {
  const { k, ptr, slots, flags } = scalarBlock();
  slots.set([row.spot, row.strike, row.expiryYears, row.vol, row.rate, row.dividendYield]);
  flags[0] = row.type === 'call' ? 1 : 0;
  const f = ptr + SCALAR_FLAGS;
  k.latticeBatch(1, method, row.exercise === 'american' ? 1 : 0, steps, f, ptr, ptr + 8, ptr + 16, ptr + 24, ptr + 32, ptr + 40, ptr + 64, f + 1);
  const b = scalarBlock();
  const s = b.slots;
  return { price: s[8]!, delta: s[9]!, gamma: s[10]!, theta: s[11]!, nodeDelta: s[12]!, nodeGamma: s[13]!, status: b.flags[1]! };
}

function rel(got: number, want: number, scale: number): number {
  return Math.abs(got - want) / Math.max(Math.abs(want), scale);
}

describe('QuantLib 1.29 trees at the same steps', () => {
  it('has rows', () => {
    expect(trees.length).toBeGreaterThanOrEqual(100);
  });
  it.each(trees.map((r) => [r.source + ` ${r.type} ${r.exercise}`, r]))('%s', (_name, row) => {
    const r = row as Row;
    const got = kernel(r, r.treeMethod === 'crr-quantlib' ? 3 : 1, r.steps!);
    expect(got.status).toBe(Status.OK);
    const scale = 1e-12 * r.strike;
    expect(rel(got.price, r.price, scale), `price ${got.price} vs ${r.price}`).toBeLessThanOrEqual(1e-10);
    expect(rel(got.nodeDelta, r.nodeDelta!, 1e-12), `node delta ${got.nodeDelta} vs ${r.nodeDelta}`).toBeLessThanOrEqual(1e-9);
    // a gamma of 0 (all three nodes exercised) comes back as rounding noise of the second difference
    expect(Math.abs(got.nodeGamma - r.nodeGamma!), `node gamma ${got.nodeGamma} vs ${r.nodeGamma}`)
      .toBeLessThanOrEqual(1e-8 * Math.abs(r.nodeGamma!) + 1e-10 * r.strike / r.spot ** 2);
    // QuantLib's theta: the Black–Scholes PDE with its node Greeks
    const pde = r.rate * got.price - (r.rate - r.dividendYield) * r.spot * got.nodeDelta - 0.5 * r.vol ** 2 * r.spot ** 2 * got.nodeGamma;
    expect(Math.abs(pde - r.pdeTheta!), `PDE theta ${pde} vs ${r.pdeTheta}`).toBeLessThanOrEqual(1e-8 * Math.max(Math.abs(r.pdeTheta!), r.strike * 1e-2));
  });
});

describe('convergence to the reference (QdFp / analytic prices, FD / analytic Greeks)', () => {
  it.each(references.map((r) => [r.source + ` ${r.type} ${r.exercise}`, r]))('%s: LR 4001 steps', (_name, row) => {
    const r = row as Row;
    const got = americanOption({ ...r, steps: 4001, method: 'leisen-reimer' });
    // LR's American error is ~1/N (see the table above): 2e-5 relative at 4001 steps on these rows
    const tolPrice = r.exercise === 'american' ? 2.5e-5 : 1e-8;
    expect(rel(got.price, r.price, 1e-8 * r.strike), `price ${got.price} vs ${r.price}`).toBeLessThanOrEqual(tolPrice);
    // Greeks: three-node differences over a spacing h ≈ 2σ√dt·S carry an O(h²) = O(1/N) error: ≤ 4e-4
    // relative for delta at 4001 steps on these rows
    expect(rel(got.delta, r.delta!, 1e-3), `delta ${got.delta} vs ${r.delta}`).toBeLessThanOrEqual(r.tolerance.delta! + 5e-4);
    expect(rel(got.gamma, r.gamma!, 1e-4 / r.strike), `gamma ${got.gamma} vs ${r.gamma}`).toBeLessThanOrEqual(r.tolerance.gamma! + 3e-3);
    expect(rel(got.theta, r.theta!, 1e-3 * r.strike), `theta ${got.theta} vs ${r.theta}`).toBeLessThanOrEqual(r.tolerance.theta! + 5e-3);
  });

  it('LR on the American put converges monotonically from below, the error halving as the steps double', () => {
    const r = references.find((x) => x.source.includes('ITM put with a yield') && x.exercise === 'american')!;
    const errors = [51, 101, 201, 401, 801, 1601].map((steps) => americanOption({ ...r, steps }).price - r.price);
    // the table above: −9.61e-3 … −2.52e-4
    const table = [-9.61e-3, -4.61e-3, -2.20e-3, -1.04e-3, -5.25e-4, -2.52e-4];
    errors.forEach((e, i) => {
      expect(e).toBeLessThan(0);
      expect(Math.abs(e - table[i]!)).toBeLessThan(0.01 * Math.abs(table[i]!));
      if (i > 0) expect(Math.abs(e) / Math.abs(errors[i - 1]!)).toBeGreaterThan(0.4);
      if (i > 0) expect(Math.abs(e) / Math.abs(errors[i - 1]!)).toBeLessThan(0.55);
    });
  });
});
