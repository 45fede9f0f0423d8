// Standard normal cdf, pdf and inverse cdf (the WASM kernels normCdfBatch, normPdfBatch, normInvBatch)
// against 50-digit mpmath values (test/vectors/mpmath_normal.json, scripts/vectors/mpmath_normal.py).
//
// What is asserted, exactly: every expected value is the 50-digit value rounded once to the nearest
// double (so it is within 0.5 ulp ≤ 1.11e-16 relative of the truth), and
//   cdf(x):  |got − expected| ≤ 1e-15·|expected| for every x in [−37.5, 8] (Φ(−37.5) = 4.6e-308 is
//            still a normal double); this leaves the kernel ≥ 4 ulp of its own error everywhere, so no
//            extra "2 ulp" allowance is needed (2 ulp ≤ 4.44e-16 relative < 1e-15);
//   pdf(x):  the same bound, 1e-15 relative, on the same x;
//   inv(p):  |got − expected| ≤ 1e-15·|expected| for p in [1e-300, 1 − 1e-16] (p = 0.5 must give exactly 0).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { batchBlock, align16 } from '../../src/wasm/arena.js';
import { useWasm } from '../helpers/wasm.js';

useWasm();

interface Vectors {
  cdfPdf: { x: number; cdf: number; pdf: number }[];
  inverse: { p: number; x: number }[];
}
const v = JSON.parse(readFileSync(new URL('../vectors/mpmath_normal.json', import.meta.url), 'utf8')) as Vectors;

type Kernel = 'normCdfBatch' | 'normPdfBatch' | 'normInvBatch';

/** Runs one of the raw batch kernels over `input` through the facade's arena. */
function run(kernel: Kernel, input: number[]): Float64Array {
  const n = input.length;
  const bytes = align16(8 * n);
  const { k, ptr } = batchBlock(2 * bytes);
  new Float64Array(k.memory.buffer, ptr, n).set(input);
  k[kernel](n, ptr, ptr + bytes);
  return new Float64Array(k.memory.buffer, ptr + bytes, n).slice();
}

function check(name: string, inputs: number[], expected: number[], got: Float64Array, rel: number): void {
  const fails: string[] = [];
  let worst = 0;
  let at = NaN;
  inputs.forEach((x, i) => {
    const exp = expected[i]!, g = got[i]!;
    const err = Math.abs(g - exp);
    const r = exp === 0 ? (err === 0 ? 0 : Infinity) : err / Math.abs(exp);
    if (r > worst || Number.isNaN(r)) { worst = Number.isNaN(r) ? Infinity : r; at = x; }
    if (!(err <= rel * Math.abs(exp))) fails.push(`${name}(${x}): got ${g}, expected ${exp}, error ${err} (relative ${r}), tolerance ${rel * Math.abs(exp)}`);
  });
  console.log(`${name}: ${inputs.length} points, worst relative error ${worst.toExponential(2)} at ${at}`);
  if (fails.length > 0) expect.fail(`${fails.length} of ${inputs.length} points out of tolerance (first 25):\n${fails.slice(0, 25).join('\n')}`);
}

describe('normal distribution vs mpmath (50 digits)', () => {
  const xs = v.cdfPdf.map((r) => r.x);

  it('has the landmarks of the brief', () => {
    for (const x of [-37.5, -30, -20, -10, -5, -1, 0, 1, 5, 8]) expect(xs).toContain(x);
    expect(v.inverse.some((r) => r.p === 1e-300)).toBe(true);
    expect(v.inverse.some((r) => r.p === 1 - 1e-16)).toBe(true);
  });

  it('cdf: ≤ 1e-15 relative for x in [−37.5, 8]', () => {
    check('cdf', xs, v.cdfPdf.map((r) => r.cdf), run('normCdfBatch', xs), 1e-15);
  });

  it('pdf: ≤ 1e-15 relative for x in [−37.5, 8]', () => {
    check('pdf', xs, v.cdfPdf.map((r) => r.pdf), run('normPdfBatch', xs), 1e-15);
  });

  it('inverse cdf: ≤ 1e-15 relative for p in [1e-300, 1 − 1e-16]', () => {
    const ps = v.inverse.map((r) => r.p);
    check('inv', ps, v.inverse.map((r) => r.x), run('normInvBatch', ps), 1e-15);
  });

  it('inverse cdf at 0.5 is exactly 0 and is odd: inv(1 − p) = −inv(p) where 1 − p is exact', () => {
    const ps = [0.5, 0.25, 0.75, 0.1, 0.9];
    const got = run('normInvBatch', ps);
    expect(got[0]).toBe(0);
    expect(Math.abs(got[1]! + got[2]!)).toBeLessThanOrEqual(1e-15 * Math.abs(got[1]!));
  });
});
