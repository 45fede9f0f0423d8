// The loader: every accepted source, idempotence, and the error before init (issue #2 §1).
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { DEBUG_WASM } from '../helpers/wasm.js';

// Each case imports a fresh copy of the module graph so that init() starts from scratch.
async function freshModule(): Promise<typeof import('../../src/index.js')> {
  vi.resetModules();
  return import('../../src/index.js');
}

const call = { type: 'call', spot: 100, strike: 100, expiryYears: 1, vol: 0.2 } as const;
// Hull, "Options, Futures and Other Derivatives" (9th ed.), Example 15.6: S 42, K 40, r 0.1, σ 0.2,
// T 0.5 → call 4.76 (to the cent printed in the book).
const hull = { type: 'call', spot: 42, strike: 40, expiryYears: 0.5, vol: 0.2, rate: 0.1 } as const;

describe('init()', () => {
  it('throws WasmInitError for a pricing call before init', async () => {
    const tg = await freshModule();
    expect(tg.isInitialized()).toBe(false);
    expect(() => tg.blackScholes(call)).toThrow(tg.WasmInitError);
    expect(() => tg.impliedVol({ type: 'call', price: 8, spot: 100, strike: 100, expiryYears: 1 })).toThrowError(/await init\(\)/);
    try { tg.black76Batch({ isCall: new Uint8Array(1), forwards: new Float64Array(1), strikes: new Float64Array(1), expiriesYears: new Float64Array(1), vols: new Float64Array(1) }); }
    catch (e) { expect((e as InstanceType<typeof tg.WasmInitError>).code).toBe('WASM_INIT'); }
  });

  it.each([
    ['a file: URL', async () => DEBUG_WASM],
    ['a file path', async () => fileURLToPath(DEBUG_WASM)],
    ['a file: URL string', async () => DEBUG_WASM.href],
    ['the bytes (Uint8Array)', async () => new Uint8Array(await readFile(DEBUG_WASM))],
    ['the bytes (ArrayBuffer)', async () => { const b = await readFile(DEBUG_WASM); return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength); }],
    ['a precompiled WebAssembly.Module', async () => WebAssembly.compile(await readFile(DEBUG_WASM))],
  ])('loads from %s', async (_label, source) => {
    const tg = await freshModule();
    await tg.init({ wasm: await source() });
    expect(tg.blackScholes(hull).price).toBeCloseTo(4.76, 2);
  });

  it('is idempotent and safe to call concurrently', async () => {
    const tg = await freshModule();
    const a = tg.init({ wasm: DEBUG_WASM });
    const b = tg.init({ wasm: DEBUG_WASM });
    await Promise.all([a, b]);
    await tg.init({ wasm: 'no/such/file.wasm' }); // already initialised: the source is ignored
    expect(tg.blackScholes(hull).price).toBeCloseTo(4.76, 2);
  });

  it('rejects with WasmInitError for a missing file or bad bytes, and can retry', async () => {
    const tg = await freshModule();
    await expect(tg.init({ wasm: '/no/such/tailguard.wasm' })).rejects.toThrow(tg.WasmInitError);
    await expect(tg.init({ wasm: new Uint8Array([0, 1, 2, 3]) })).rejects.toMatchObject({ code: 'WASM_INIT' });
    await tg.init({ wasm: DEBUG_WASM });
    expect(tg.isInitialized()).toBe(true);
  });

  it('never throws synchronously: bad options reject with WasmInitError', async () => {
    const tg = await freshModule();
    const bad = tg.init({ wasm: 42 } as never);
    await expect(bad).rejects.toThrow(tg.WasmInitError);
    await expect(bad).rejects.toThrow(/wasm must be a URL, a path, the bytes or a WebAssembly.Module \(got number\)/);
    expect(() => tg.init(null as never).catch(() => undefined)).not.toThrow();
  });

  it('prices batches longer than one chunk (the workspace stays bounded)', async () => {
    const tg = await freshModule();
    await tg.init({ wasm: DEBUG_WASM });
    const n = 2 * 1_048_576 + 3; // three chunks of CHUNK = 2^20
    const spots = new Float64Array(n).fill(100);
    for (let i = 0; i < n; i += 1000) spots[i] = 50 + (i % 97);
    spots[n - 2] = -1; // a bad element in the last chunk
    const out = tg.blackScholesBatch({ isCall: new Uint8Array(n).fill(1), spots, strikes: new Float64Array(n).fill(100),
      expiriesYears: new Float64Array(n).fill(0.5), vols: new Float64Array(n).fill(0.3), greeks: 'none' });
    const one = (s: number): number => tg.blackScholes({ type: 'call', spot: s, strike: 100, expiryYears: 0.5, vol: 0.3 }).price;
    for (const i of [0, 1000, 1_048_575, 1_048_576, 1_049_000, 2_097_152, n - 1]) expect(out.price[i], `element ${i}`).toBe(one(spots[i]!));
    expect(out.status[n - 2]).toBe(tg.Status.INVALID_INPUT);
    expect(out.price[n - 2]).toBeNaN();
    expect(out.status.reduce((a, b) => a + b, 0)).toBe(1);
  });

  it('finds the release build next to the built module by default', async () => {
    // dist/ is produced by `npm run build` (run by `npm test`): the published layout.
    const tg = await import('../../dist/index.js' as string) as typeof import('../../src/index.js');
    await tg.init();
    expect(tg.blackScholes(hull).price).toBeCloseTo(4.76, 2);
  });

  it('keeps scalar results right after a batch has grown the memory', async () => {
    const tg = await freshModule();
    await tg.init({ wasm: DEBUG_WASM });
    const before = tg.blackScholes(hull);
    const n = 300_000; // ~40 MB of columns: forces memory.grow, which detaches old views
    const ones = new Float64Array(n).fill(1);
    const out = tg.blackScholesBatch({ isCall: new Uint8Array(n).fill(1), spots: ones.map(() => 42), strikes: ones.map(() => 40), expiriesYears: ones.map(() => 0.5), vols: ones.map(() => 0.2), rates: 0.1 });
    expect(out.price[n - 1]).toBe(before.price);
    expect(tg.blackScholes(hull)).toEqual(before);
  });
});
