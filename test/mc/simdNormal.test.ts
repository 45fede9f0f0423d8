// The f64x2 inverse normal of the SIMD Monte Carlo paths (assembly/rng/normalLanes.ts, exported as
// mcNormInvLanes) gives the same bits as the scalar AS241 normInv (normInvBatch) on every lane, in every
// branch: central (|p − ½| ≤ 0.425), intermediate tail (r ≤ 5), far tail (r > 5, per-lane scalar
// fallback) and mixed pairs. The scalar normInv itself is checked against 50-digit mpmath values in
// test/math/normal.test.ts, so these values inherit that accuracy (≤ 1e-15 relative); the mpmath points are
// also run through the lanes here, with the same tolerance, so the claim does not rest on bit-identity alone.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { align16, batchBlock } from '../../src/wasm/arena.js';
import { useWasm } from '../helpers/wasm.js';

useWasm();

function run(kernel: 'normInvBatch' | 'mcNormInvLanes', input: ArrayLike<number>): Float64Array {
  const n = input.length;
  const bytes = align16(8 * n);
  const { k, ptr } = batchBlock(2 * bytes);
  new Float64Array(k.memory.buffer, ptr, n).set(input);
  k[kernel](n, ptr, ptr + bytes);
  return new Float64Array(k.memory.buffer, ptr + bytes, n).slice();
}

const hex = (a: Float64Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('hex');
/** The Monte Carlo uniform grid (j + ½)·2^-52 (assembly/rng/philox.ts uniform53). */
const grid = (j: number) => (j + 0.5) * 2 ** -52;

describe('vNormInv (f64x2 AS241) = scalar normInv, bit for bit', () => {
  it('edges and branch boundaries, paired with central and tail partners', () => {
    const edges = [grid(0), 1 - grid(0), 0.075, 0.925, 0.0749999999999999, 0.9250000000000001, 0.5, 1.4e-11, 1e-11,
      1 - 1e-11, 1e-300, 1e-200, 2 ** -1022, 0.3, 0.7, 0.01, 0.99, grid(2 ** 20), 1 - grid(2 ** 20)];
    const pairs: number[] = [];
    for (const a of edges) for (const b of edges) pairs.push(a, b); // every combination of branches in one vector
    const p = Float64Array.from(pairs);
    expect(hex(run('mcNormInvLanes', p))).toBe(hex(run('normInvBatch', p)));
  });

  it('200,000 uniforms from the Monte Carlo grid, half of them in the tails', () => {
    const n = 200_000;
    const p = new Float64Array(n);
    let s = 0x9e3779b9;
    const next = () => { s ^= s << 13; s ^= s >>> 17; s ^= s << 5; return (s >>> 0) / 2 ** 32; };
    for (let i = 0; i < n; i++) {
      const u = next();
      // odd i: a tail value 10^(−1…−16) or its mirror; even i: uniform over (0, 1)
      p[i] = i % 2 === 0 ? grid(Math.floor(u * 2 ** 32) * 2 ** 20 + Math.floor(next() * 2 ** 20)) : u < 0.5 ? 10 ** (-1 - 15 * next()) : 1 - 10 ** (-1 - 15 * next());
    }
    expect(hex(run('mcNormInvLanes', p))).toBe(hex(run('normInvBatch', p)));
  });

  it('property: any pair of grid uniforms', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 2 ** 52 - 1 }), fc.integer({ min: 0, max: 2 ** 52 - 1 }), (a, b) => {
      const p = Float64Array.of(grid(a), grid(b));
      return hex(run('mcNormInvLanes', p)) === hex(run('normInvBatch', p));
    }), { numRuns: 2000 });
  });

  it('50-digit mpmath inverse values (test/vectors/mpmath_normal.json) within 1e-15 relative', () => {
    const v = JSON.parse(readFileSync(new URL('../vectors/mpmath_normal.json', import.meta.url), 'utf8')) as { inverse: { p: number; x: number }[] };
    const pts = v.inverse.filter((e) => e.p > 0 && e.p < 1 && e.p <= 1 - 1e-16);
    if (pts.length % 2 === 1) pts.pop();
    const got = run('mcNormInvLanes', pts.map((e) => e.p));
    let worst = 0;
    pts.forEach((e, i) => {
      const err = Math.abs(got[i]! - e.x);
      if (e.x === 0) expect(got[i]).toBe(0);
      else { worst = Math.max(worst, err / Math.abs(e.x)); expect(err).toBeLessThanOrEqual(1e-15 * Math.abs(e.x)); }
    });
    expect(pts.length).toBeGreaterThan(1000);
    console.log(`vNormInv vs mpmath: ${pts.length} points, worst relative error ${worst.toExponential(2)}`);
  });
});
