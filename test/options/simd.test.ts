// The f64x2 (SIMD) European batch path against the scalar path, bit for bit (DESIGN §3; Reproducibility in
// PERFORMANCE.md). The exported `blackScholesBatch` / `black76Batch` take two options per iteration where
// both are regular (assembly/options/europeanSimd.ts); `blackScholesBatchScalar` / `black76BatchScalar` force
// one option per iteration. On a large seeded batch that mixes every region (deep out of the money, at the
// money-forward, expiry 0, vol 0, invalid elements, q = 0, extreme spots and strikes) both must write the
// same bits into every requested column, the same status bytes and the same return value, for both models,
// all greeks levels and odd lengths; and neither may write the columns that were not requested.
import { describe, expect, it } from 'vitest';
import { wasm } from '../../src/wasm/loader.js';
import { align16, batchBlock } from '../../src/wasm/arena.js';
import type { KernelExports } from '../../src/wasm/exports.js';
import { useWasm } from '../helpers/wasm.js';

useWasm();

type Batch = (n: number, greeks: number, isCall: number, u: number, k: number, t: number, v: number, r: number,
  ...rest: number[]) => number;

/** xorshift32 uniform in [0, 1). */
function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13; s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5; s >>>= 0;
    return s / 4294967296;
  };
}

interface Inputs { isCall: Uint8Array; u: Float64Array; k: Float64Array; t: Float64Array; v: Float64Array; r: Float64Array; q: Float64Array }

/** A seeded mix of regular options and every special region, shuffled so pairs straddle regions. */
function makeInputs(n: number, seed: number): Inputs {
  const g = rng(seed);
  const lu = (a: number, b: number): number => Math.exp(Math.log(a) + g() * (Math.log(b) - Math.log(a)));
  const inp: Inputs = {
    isCall: new Uint8Array(n), u: new Float64Array(n), k: new Float64Array(n), t: new Float64Array(n),
    v: new Float64Array(n), r: new Float64Array(n), q: new Float64Array(n),
  };
  const bad = [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -1, 0];
  for (let i = 0; i < n; i++) {
    inp.isCall[i] = g() < 0.5 ? 1 : 0;
    inp.u[i] = lu(1e-3, 1e7);
    inp.k[i] = inp.u[i] * lu(0.5, 2);
    inp.t[i] = lu(1 / 365, 5);
    inp.v[i] = lu(0.05, 1.5);
    inp.r[i] = -0.01 + 0.11 * g();
    inp.q[i] = 0.05 * g();
    const z = g();
    if (z < 0.06) { inp.k[i] = inp.u[i] * lu(0.01, 100); inp.v[i] = lu(1e-3, 0.05); } // deep OTM/ITM (asymptotic, h < −10, b = 0)
    else if (z < 0.09) inp.k[i] = inp.u[i] * Math.exp((inp.r[i] - inp.q[i]) * inp.t[i]); // at the money-forward (BSM)
    else if (z < 0.11) inp.k[i] = inp.u[i]; // at the money (spot; forward for Black-76)
    else if (z < 0.14) inp.t[i] = 0;
    else if (z < 0.17) inp.v[i] = 0;
    else if (z < 0.18) { inp.t[i] = 0; inp.v[i] = 0; inp.k[i] = inp.u[i]; }
    else if (z < 0.20) { inp.v[i] = lu(1.5, 10); inp.t[i] = lu(5, 50); } // large s: Φ-difference region, far tails
    else if (z < 0.22) inp.q[i] = 0;
    else if (z < 0.23) { inp.r[i] = g() < 0.5 ? 1 : -1; inp.q[i] = g() < 0.5 ? 1 : -1; } // rate limits
    else if (z < 0.24) inp.t[i] = lu(1e-12, 1e-6); // tiny s
    else if (z < 0.25) { // price levels at and beyond the accepted [1e-100, 1e100]
      const lo = g() < 0.5;
      inp.u[i] = g() < 0.5 ? (lo ? 1e-100 : 1e100) : (lo ? lu(1e-300, 1e-100) : lu(1e100, 1e300));
      inp.k[i] = g() < 0.5 ? (lo ? 1e100 : 1e-100) : inp.u[i] * lu(0.5, 2);
    }
    else if (z < 0.26) inp.isCall[i] = 2 + Math.floor(g() * 200);
    else if (z < 0.30) {
      const field = Math.floor(g() * 6);
      const value = bad[Math.floor(g() * bad.length)]!;
      if (field === 0) inp.u[i] = value;
      else if (field === 1) inp.k[i] = value;
      else if (field === 2) inp.t[i] = g() < 0.5 ? value : 50 + g();
      else if (field === 3) inp.v[i] = g() < 0.5 ? value : 10 + g();
      else if (field === 4) inp.r[i] = g() < 0.5 ? Number.NaN : 1 + g();
      else inp.q[i] = g() < 0.5 ? Number.NaN : -1 - g();
    }
  }
  return inp;
}

/** Lays the inputs out in the arena, runs `fn` at each greeks level and returns the raw output bits. */
function run(k: KernelExports, model: 'bsm' | 'black76', scalar: boolean, greeks: number, inp: Inputs, n: number):
  { ret: number; out: BigUint64Array; status: Uint8Array } {
  const col = align16(8 * n);
  const bytes = 6 * col + 9 * 8 * n + 2 * align16(n);
  const { ptr } = batchBlock(bytes);
  const p = { u: ptr, k: ptr + col, t: ptr + 2 * col, v: ptr + 3 * col, r: ptr + 4 * col, q: ptr + 5 * col };
  const out = ptr + 6 * col;
  const isCall = out + 72 * n;
  const status = isCall + align16(n);
  const mem = k.memory.buffer;
  for (const f of ['u', 'k', 't', 'v', 'r', 'q'] as const) new Float64Array(mem, p[f], n).set(inp[f].subarray(0, n));
  new Uint8Array(mem, isCall, n).set(inp.isCall.subarray(0, n));
  new Float64Array(mem, out, 9 * n).fill(-12345.678); // sentinel: unrequested columns must keep it
  new Uint8Array(mem, status, n).fill(255);
  const fn: Batch = model === 'bsm'
    ? (scalar ? k.blackScholesBatchScalar : k.blackScholesBatch)
    : (scalar ? k.black76BatchScalar : k.black76Batch);
  const ret = model === 'bsm'
    ? fn(n, greeks, isCall, p.u, p.k, p.t, p.v, p.r, p.q, out, status)
    : fn(n, greeks, isCall, p.u, p.k, p.t, p.v, p.r, out, status);
  const m2 = k.memory.buffer;
  return { ret, out: new BigUint64Array(m2.slice(out, out + 72 * n)), status: new Uint8Array(m2.slice(status, status + n)) };
}

const SENTINEL = new BigUint64Array(new Float64Array([-12345.678]).buffer)[0]!;
const N = 40_001;
const inputs = makeInputs(N, 20241129);

describe('SIMD European batch path is bit-identical to the scalar path', () => {
  it('exports the scalar-forcing entry points', () => {
    const k = wasm() as KernelExports;
    expect(typeof k.blackScholesBatchScalar).toBe('function');
    expect(typeof k.black76BatchScalar).toBe('function');
  });

  for (const model of ['bsm', 'black76'] as const) {
    for (const greeks of [0, 1, 2]) {
      for (const n of [N, N - 1, 1, 2, 3, 7, 1001]) {
        it(`${model}, greeks = ${greeks}, n = ${n}`, () => {
          const k = wasm() as KernelExports;
          const a = run(k, model, false, greeks, inputs, n);
          const b = run(k, model, true, greeks, inputs, n);
          expect(a.ret).toBe(b.ret);
          const cols = greeks === 0 ? 1 : greeks === 1 ? 6 : 9;
          let diffs = 0;
          let first = '';
          for (let c = 0; c < 9; c++) {
            for (let i = 0; i < n; i++) {
              const x = a.out[c * n + i]!;
              const y = b.out[c * n + i]!;
              if (c >= cols) {
                if (x !== SENTINEL || y !== SENTINEL) { diffs++; first ||= `column ${c} written at ${i}`; }
              } else if (x !== y) {
                diffs++;
                first ||= `column ${c}, element ${i}: ${new Float64Array(new BigUint64Array([x]).buffer)[0]} vs ${new Float64Array(new BigUint64Array([y]).buffer)[0]}`;
              }
            }
          }
          expect(diffs, first).toBe(0);
          expect(Array.from(a.status)).toEqual(Array.from(b.status));
          expect(a.status.every((s) => s !== 255)).toBe(true);
          if (n === N) {
            // the batch really mixes regular and special elements
            const ok = a.status.filter((s) => s === 0).length;
            expect(ok).toBeGreaterThan(0.6 * n);
            expect(a.status.filter((s) => s === 1).length).toBeGreaterThan(0.03 * n); // INVALID_INPUT
            if (greeks > 0) expect(a.status.filter((s) => s === 5).length).toBeGreaterThan(0.01 * n); // DEGENERATE
          }
        });
      }
    }
  }
});
