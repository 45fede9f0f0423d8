// Philox4x32-10 known answers and the per-path uniform stream (assembly/rng/).
import { describe, expect, it } from 'vitest';
import { useWasm } from '../helpers/wasm.js';
import { wasm } from '../../src/wasm/loader.js';

useWasm();

// Random123 kat_vectors (D. E. Shaw Research; Salmon et al., SC'11), as reproduced in
// DEShawResearch/fs123 core123/ut/ut_philox.cpp: counter (4 words), key (2 words) → output (4 words).
const KAT: Array<{ rounds: number; input: string; expected: string }> = [
  { rounds: 10, input: '00000000 00000000 00000000 00000000 00000000 00000000', expected: '6627e8d5 e169c58d bc57ac4c 9b00dbd8' },
  { rounds: 10, input: 'ffffffff ffffffff ffffffff ffffffff ffffffff ffffffff', expected: '408f276d 41c83b0e a20bc7c6 6d5451fd' },
  { rounds: 10, input: '243f6a88 85a308d3 13198a2e 03707344 a4093822 299f31d0', expected: 'd16cfe09 94fdcceb 5001e420 24126ea1' },
  { rounds: 7, input: '00000000 00000000 00000000 00000000 00000000 00000000', expected: '5f6fb709 0d893f64 4f121f81 4f730a48' },
  { rounds: 7, input: 'ffffffff ffffffff ffffffff ffffffff ffffffff ffffffff', expected: '5207ddc2 45165e59 4d8ee751 8c52f662' },
  { rounds: 7, input: '243f6a88 85a308d3 13198a2e 03707344 a4093822 299f31d0', expected: '4dfccaba 190a87f0 c47362ba b6b5242a' },
];

const words = (s: string): number[] => s.trim().split(/\s+/).map((w) => parseInt(w, 16));

describe('Philox4x32 known-answer vectors (Random123 kat_vectors)', () => {
  for (const v of KAT) {
    it(`Philox4x32-${v.rounds} ${v.input.slice(0, 17)}… → ${v.expected}`, () => {
      const k = wasm();
      const inp = k.alloc(24);
      const out = k.alloc(16);
      new Uint32Array(k.memory.buffer, inp, 6).set(words(v.input));
      k.philoxBatch(1, v.rounds, inp, out);
      expect(Array.from(new Uint32Array(k.memory.buffer, out, 4))).toEqual(words(v.expected));
    });
  }
});

function uniforms(seedLo: number, seedHi: number, index: number, mirror: boolean, n: number): Float64Array {
  const k = wasm();
  const out = k.alloc(n * 8);
  k.mcUniforms(seedLo, seedHi, index >>> 0, Math.floor(index / 2 ** 32), mirror ? 1 : 0, n, out);
  return new Float64Array(k.memory.buffer, out, n).slice();
}

describe('per-path uniform stream', () => {
  it('draws 2k, 2k+1 are the two 52-bit halves of Philox4x32-10 at counter (k, 0, path lo, path hi)', () => {
    const k = wasm();
    const inp = k.alloc(24);
    const out = k.alloc(16);
    new Uint32Array(k.memory.buffer, inp, 6).set([1, 0, 7, 0, 42, 0]);
    k.philoxBatch(1, 10, inp, out);
    const [r0, r1, r2, r3] = Array.from(new Uint32Array(k.memory.buffer, out, 4));
    const u = (hi: number, lo: number) => (Number(((BigInt(hi) << 32n) | BigInt(lo)) >> 12n) + 0.5) * 2 ** -52;
    const us = uniforms(42, 0, 7, false, 4);
    expect(us[2]).toBe(u(r0!, r1!));
    expect(us[3]).toBe(u(r2!, r3!));
  });

  it('uniforms lie strictly inside (0, 1), on the grid (j + ½)·2^-52, and look uniform', () => {
    const us = uniforms(0, 0, 0, false, 100_000);
    let sum = 0;
    let bad = 0;
    for (const u of us) {
      if (!(u > 0 && u < 1) || !Number.isInteger(u * 2 ** 52 - 0.5)) bad++;
      sum += u;
    }
    expect(bad).toBe(0);
    expect(Math.abs(sum / us.length - 0.5)).toBeLessThan(4 * Math.sqrt(1 / 12 / us.length));
  });

  it('antithetic stream is exactly 1 − u', () => {
    const a = uniforms(5, 6, 123456789, false, 64);
    const b = uniforms(5, 6, 123456789, true, 64);
    for (let i = 0; i < a.length; i++) expect(b[i]).toBe(1 - a[i]!);
  });

  it('depends on (seed, path) only: different paths and seeds differ, seed 0 is deterministic', () => {
    expect(uniforms(0, 0, 3, false, 8)).toEqual(uniforms(0, 0, 3, false, 8));
    expect(uniforms(0, 0, 3, false, 8)).not.toEqual(uniforms(0, 0, 4, false, 8));
    expect(uniforms(0, 0, 3, false, 8)).not.toEqual(uniforms(1, 0, 3, false, 8));
    expect(uniforms(0, 0, 3, false, 8)).not.toEqual(uniforms(0, 1, 3, false, 8));
    expect(uniforms(0, 0, 2 ** 32 + 3, false, 8)).not.toEqual(uniforms(0, 0, 3, false, 8));
  });
});
