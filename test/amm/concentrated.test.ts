// Uniswap v3 swaps through the real block-17,000,000 WBTC/WETH liquidity table (data/uniswap/): against the mpmath
// oracle (scripts/amm/concentrated_mpmath.py → test/amm/vectors/concentrated_mpmath.json), the in-band closed form,
// swap-and-reverse, monotonicity, price/tick helpers and bad input.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { priceToTick, sqrtPriceX96ToPrice, Status, swapConcentrated, tickToPrice } from '../../src/index.js';
import { wasm } from '../../src/wasm/loader.js';
import { useWasm } from '../helpers/wasm.js';
import { expectInvalid } from '../helpers/invalid.js';
import { DECIMALS0, DECIMALS1, loadLiquidityTable } from './liquidityTable.js';

useWasm();

const table = loadLiquidityTable();
const pool = { ...table, feeBps: 30, decimals0: DECIMALS0, decimals1: DECIMALS1 };
const rel = (a: number, b: number) => (b === 0 ? Math.abs(a) : Math.abs(a / b - 1));

interface VectorRow {
  feeBps: number; tick: number; zeroForOne: boolean; amountIn: number; amountOut: number; amountInConsumed: number;
  feePaid: number; priceAfter: number; tickAfter: number; ticksCrossed: number; exhausted: boolean; source: string;
}
const vectors = JSON.parse(readFileSync(new URL('./vectors/concentrated_mpmath.json', import.meta.url), 'utf8')) as { rows: VectorRow[] };

describe('mpmath oracle (50/70 digits) over the block-17,000,000 table', () => {
  it.each(vectors.rows.map((r) => [`${r.zeroForOne ? 'WBTC→WETH' : 'WETH→WBTC'} ${r.amountIn} from tick ${r.tick}, fee ${r.feeBps} bps`, r] as const))('%s', (_, r) => {
    const q = swapConcentrated({ ...pool, feeBps: r.feeBps, tick: r.tick, zeroForOne: r.zeroForOne, amountIn: r.amountIn });
    // Tolerance: the kernel's precision note (a few ulp in a band, a little more per band crossed); measured max
    // 2.2e-15 relative over these rows.
    const tol = 3e-15 + 1e-17 * r.ticksCrossed;
    expect(rel(q.amountOut, r.amountOut)).toBeLessThan(tol);
    expect(rel(q.amountIn, r.amountInConsumed)).toBeLessThan(tol);
    expect(rel(q.feePaid, r.feePaid)).toBeLessThan(tol);
    expect(rel(q.priceAfter, r.priceAfter)).toBeLessThan(tol);
    expect(q.tickAfter).toBe(r.tickAfter);
    expect(q.ticksCrossed).toBe(r.ticksCrossed);
    expect(q.exhausted).toBe(r.exhausted);
    expect(rel(1 - q.priceImpact, (1 - q.feeImpact) * (1 - q.curveImpact))).toBeLessThan(1e-13);
  });
});

describe('inside one band: the closed forms of PROTOCOLS.md §4', () => {
  it('token0 in: √P′ = L√P/(L + Δx√P), Δy = L(√P − √P′); token1 in: √P′ = √P + Δy/L, Δx = L(√P′ − √P)/(√P√P′)', () => {
    const L = 2438508864698160640; // band [257340, 257400) of the table
    const s = Math.exp(257362 * 9.999500033330834e-5 / 2);
    const dx = 10 * 1e8 * 0.997; // 10 WBTC, net of the 0.3 % fee, raw units
    const s1 = L * s / (L + dx * s);
    const down = swapConcentrated({ ...pool, tick: 257362, zeroForOne: true, amountIn: 10 });
    expect(down.ticksCrossed).toBe(0);
    expect(rel(down.amountOut, L * (s - s1) / 1e18)).toBeLessThan(1e-9); // subtraction form loses ~7 digits; enough here
    expect(rel(down.priceAfter, s1 * s1 * 1e-10)).toBeLessThan(1e-14);
    const dy = 100 * 1e18 * 0.997;
    const s2 = s + dy / L;
    const up = swapConcentrated({ ...pool, tick: 257362, zeroForOne: false, amountIn: 100 });
    expect(up.ticksCrossed).toBe(0);
    expect(rel(up.amountOut, L * (s2 - s) / (s * s2) / 1e8)).toBeLessThan(1e-9);
    expect(rel(up.priceAfter, s2 * s2 * 1e-10)).toBeLessThan(1e-14);
  });

  it('a one-band table gives the same swap as the full table when no edge is crossed', () => {
    const i = table.ticks.indexOf(257340);
    const single = { ticks: [257340, 257400], liquidity: [table.liquidity[i]!], feeBps: 30, decimals0: 8, decimals1: 18 };
    for (const amountIn of [0.01, 1, 20]) {
      const a = swapConcentrated({ ...pool, tick: 257362, zeroForOne: true, amountIn });
      const b = swapConcentrated({ ...single, tick: 257362, zeroForOne: true, amountIn });
      expect(a.ticksCrossed).toBe(0);
      expect(b.amountOut).toBe(a.amountOut);
    }
  });
});

describe('start price: sqrtPriceX96, price or tick', () => {
  it('the three forms of the same price give the same swap (to the rounding of the forms)', () => {
    const x = 30700468124799227792281040692115559n; // floor(1.0001^(257362/2)·2^96), mpmath
    const byTick = swapConcentrated({ ...pool, tick: 257362, zeroForOne: true, amountIn: 50 });
    const byX96 = swapConcentrated({ ...pool, sqrtPriceX96: x, zeroForOne: true, amountIn: 50 });
    const byPrice = swapConcentrated({ ...pool, price: 15.015189856943629, zeroForOne: true, amountIn: 50 });
    for (const q of [byX96, byPrice]) {
      expect(rel(q.amountOut, byTick.amountOut)).toBeLessThan(1e-14);
      expect(q.tickAfter).toBe(byTick.tickAfter);
    }
  });
});

describe('multi-band consistency', () => {
  it('swap then reverse returns less than put in, by about the two fees (no fee: the same amount to 1e-12)', () => {
    for (const [feeBps, amountIn] of [[30, 1000], [0, 1000], [30, 5000], [0, 3000]] as const) {
      const there = swapConcentrated({ ...pool, feeBps, tick: 257362, zeroForOne: true, amountIn });
      const back = swapConcentrated({ ...pool, feeBps, sqrtPriceX96: BigInt(Math.round(Math.sqrt(there.priceAfter * 1e10) * 2 ** 96)), zeroForOne: false, amountIn: there.amountOut });
      expect(there.ticksCrossed).toBeGreaterThan(3);
      if (feeBps === 0) {
        expect(rel(back.amountOut, amountIn)).toBeLessThan(1e-12);
        expect(rel(back.priceAfter, tickToPrice(257362, 8, 18))).toBeLessThan(1e-12);
      } else {
        expect(back.amountOut).toBeLessThan(amountIn);
        expect(rel(back.amountOut, amountIn * 0.997 * 0.997)).toBeLessThan(2e-3); // the second fee is paid on a moved price
      }
    }
  });

  it('output and price impact increase with the input; the end price moves monotonically (fast-check)', () => {
    fc.assert(fc.property(fc.double({ min: 1e-4, max: 4000, noNaN: true }), fc.double({ min: 1e-4, max: 4000, noNaN: true }), fc.boolean(), (a, b, z) => {
      const [lo, hi] = a < b ? [a, b] : [b, a];
      const amt = (x: number) => (z ? x : x * 15);
      const p = swapConcentrated({ ...pool, tick: 257370, zeroForOne: z, amountIn: amt(lo) });
      const q = swapConcentrated({ ...pool, tick: 257370, zeroForOne: z, amountIn: amt(hi) });
      return q.amountOut >= p.amountOut && q.priceImpact >= p.priceImpact - 1e-12
        && (z ? q.priceAfter <= p.priceAfter : q.priceAfter >= p.priceAfter);
    }), { seed: 11, numRuns: 150 });
  });

  it('a per-band fee applies band by band: fee-free bands above the start cost no fee until the swap reaches them', () => {
    const fees = table.liquidity.map((_, i) => (table.ticks[i]! >= 257400 ? 0 : 30));
    const inBand = swapConcentrated({ ...pool, feeBps: fees, tick: 257362, zeroForOne: false, amountIn: 100 });
    expect(inBand.feeImpact).toBeCloseTo(0.003, 15);
    const across = swapConcentrated({ ...pool, feeBps: fees, tick: 257362, zeroForOne: false, amountIn: 50000 });
    expect(across.feeImpact).toBeGreaterThan(0);
    expect(across.feeImpact).toBeLessThan(0.0003); // only the first partial band paid 30 bps
  });
});

describe('price and tick helpers', () => {
  it('sqrtPriceX96ToPrice: √P·2^96 at tick 257362 → 1.0001^257362·1e-10 WETH per WBTC (mpmath: 15.0151898569436290…)', () => {
    // sqrtPriceX96 = floor(1.0001^(257362/2)·2^96), python3 mpmath 50 digits
    const x = 30700468124799227792281040692115559n;
    expect(rel(sqrtPriceX96ToPrice(x, 8, 18), 15.015189856943629)).toBeLessThan(1e-15);
    expect(rel(tickToPrice(257362, 8, 18), 15.015189856943629)).toBeLessThan(1e-14);
    // floor: 1e-14 above the tick's price is that tick, 1e-14 below is the tick under it
    expect(priceToTick(15.0151898569438, 8, 18)).toBe(257362);
    expect(priceToTick(15.0151898569434, 8, 18)).toBe(257361);
    expect(tickToPrice(0)).toBe(1);
    expect(priceToTick(1)).toBe(0);
  });

  it('priceToTick(tickToPrice(t)) = t over the whole tick range (fast-check)', () => {
    fc.assert(fc.property(fc.integer({ min: -887272, max: 887272 }), (t) => priceToTick(tickToPrice(t)) === t), { seed: 12, numRuns: 500 });
  });

  it('bad input', () => {
    expectInvalid(() => sqrtPriceX96ToPrice(0n, 8, 18), 'sqrtPriceX96', undefined);
    expectInvalid(() => sqrtPriceX96ToPrice(1n, 8.5, 18), 'decimals0', 8.5);
    expectInvalid(() => tickToPrice(887273), 'tick', 887273);
    expectInvalid(() => priceToTick(-1), 'price', -1);
  });
});

describe('swapConcentrated bad input: typed errors naming the field and value', () => {
  const ok = { ...pool, tick: 257362, zeroForOne: true, amountIn: 1 };
  it.each([
    ['amountIn', -1], ['amountIn', Number.NaN], ['zeroForOne', 1], ['tick', 257362.5], ['tick', 100], ['decimals0', -1],
    ['feeBps', 10000],
  ])('%s = %s', (field, value) => {
    expectInvalid(() => swapConcentrated({ ...ok, [field]: value } as never), field, value);
  });
  it('table faults name the element', () => {
    expectInvalid(() => swapConcentrated({ ...ok, ticks: [0, 60, 60], liquidity: [1, 1], tick: 30 }), 'ticks[2]', 60);
    expectInvalid(() => swapConcentrated({ ...ok, ticks: [0, 60], liquidity: [-1], tick: 30 }), 'liquidity[0]', -1);
    expectInvalid(() => swapConcentrated({ ...ok, ticks: [0, 60], liquidity: [1, 2], tick: 30 }), 'liquidity', undefined);
    expectInvalid(() => swapConcentrated({ ...ok, ticks: [0, 60], liquidity: [1], feeBps: [30, 30], tick: 30 }), 'feeBps', undefined);
    expectInvalid(() => swapConcentrated({ ...ok, price: 15 }), 'sqrtPriceX96/price/tick', undefined);
  });
});

describe('kernel robustness (assembly/amm/concentrated.ts): bad tables give INVALID_INPUT and NaN, never a trap', () => {
  it.each([
    ['no bands', 0, [0], [], 1],
    ['NaN tick', 1, [Number.NaN, 60], [1e18], 1],
    ['descending ticks', 1, [60, 0], [1e18], 1],
    ['fractional tick', 1, [0.5, 60], [1e18], 1],
    ['negative liquidity', 1, [0, 60], [-1], 1],
    ['price outside the table', 1, [0, 60], [1e18], 2],
    ['NaN price', 1, [0, 60], [1e18], Number.NaN],
  ] as const)('%s', (_, m, ticks, liquidity, sqrtPrice) => {
    const k = wasm();
    const ptr = k.alloc(256);
    const f = new Float64Array(k.memory.buffer, ptr, 32);
    f.set(ticks, 0); f.set(liquidity, 4); f.set([3000, 3000], 8);
    expect(k.concentratedSwap(m, ptr, ptr + 32, ptr + 64, sqrtPrice, 1, 1e8, ptr + 128)).toBe(Status.INVALID_INPUT);
    expect(Array.from(new Float64Array(k.memory.buffer, ptr + 128, 8)).every(Number.isNaN)).toBe(true);
    k.free(ptr);
  });
});
