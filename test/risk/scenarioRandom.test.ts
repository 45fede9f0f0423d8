// The seeded normals of Monte Carlo VaR: the project's Philox stream (mcUniforms) mapped by normInv, scenario i
// depending only on (seed, i); normal moments within 4 SE. (Philox itself is checked against Random123's
// known-answer vectors in test/mc/philox.test.ts.)
import { describe, expect, it } from 'vitest';
import { scenarioNormals } from '../../src/risk/scenarioRandom.js';
import { normInv } from '../../src/reference/normal.js';
import { batchBlock } from '../../src/wasm/arena.js';
import { useWasm } from '../helpers/wasm.js';

useWasm();

describe('scenarioNormals', () => {
  it('row i is Φ⁻¹ of the first uniforms of the Philox stream (seed, i)', () => {
    const z = scenarioNormals(42, 5, 3);
    const { k, ptr } = batchBlock(64);
    for (const i of [0, 4]) {
      k.mcUniforms(42, 0, i, 0, 0, 3, ptr);
      const u = new Float64Array(k.memory.buffer, ptr, 3);
      expect(Array.from(z.subarray(i * 3, i * 3 + 3))).toEqual(Array.from(u, (x) => normInv(x)));
    }
  });
  it('scenario i depends only on (seed, i): a longer run repeats the shorter one; another seed differs', () => {
    const a = scenarioNormals(42, 10, 2), b = scenarioNormals(42, 1_000, 2), c = scenarioNormals(43, 10, 2);
    expect(Array.from(b.subarray(0, 20))).toEqual(Array.from(a));
    expect(Array.from(c)).not.toEqual(Array.from(a));
  });
  it('200k normals have mean 0, variance 1 and (two dimensions) correlation 0 within 4 SE', () => {
    const n = 100_000;
    const z = scenarioNormals(1, n, 2);
    let s = 0, ss = 0, sxy = 0;
    for (let i = 0; i < 2 * n; i++) { s += z[i]!; ss += z[i]! * z[i]!; }
    for (let i = 0; i < n; i++) sxy += z[2 * i]! * z[2 * i + 1]!;
    const m = 2 * n;
    expect(Math.abs(s / m)).toBeLessThan(4 / Math.sqrt(m));
    expect(Math.abs(ss / m - 1)).toBeLessThan(4 * Math.sqrt(2 / m));
    expect(Math.abs(sxy / n)).toBeLessThan(4 / Math.sqrt(n));
  });
});
