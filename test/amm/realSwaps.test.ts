// Real Uniswap v3 swaps (data/uniswap/ethwbtc_trade_history_last200kblocks.csv, WBTC/WETH 0.3 %, provenance in
// data/uniswap/README.md) reproduced by swapConcentrated, as PROTOCOLS.md §4's data check describes.
//
// The history gives, per swap, the amounts, the tick after the swap and the active liquidity L, but not √P. For a
// swap that starts and ends in the same tick as the previous swap (same L: no tick crossed, no liquidity change),
// the start price lies in that tick, [1.0001^t, 1.0001^(t+1)), and the end price too; the second condition narrows
// the start (token0 in: √P ≥ 1/(1/√P_t − net/L); token1 in: √P < √P_{t+1} − net/L). Two checks:
//  1. the real output lies between the outputs computed from the two ends of that start interval, allowing the
//     on-chain integer rounding (2 raw units of the output, and 2 raw units of the input, which an exact-output swap
//     rounds up); this must hold for every such swap;
//  2. from the interval's midpoint, the relative error of the output: PROTOCOLS.md reports p5/median/p95 of
//     −4.0e-5 / +1.8e-6 / +4.2e-5 for its (price-based) version of this comparison.
import { describe, expect, it } from 'vitest';
import { swapConcentrated } from '../../src/index.js';
import { useWasm } from '../helpers/wasm.js';
import { DECIMALS0, DECIMALS1, loadLiquidityTable, loadTrades } from './liquidityTable.js';

useWasm();

const HALF_LN = 9.999500033330834e-5 / 2;
const sq = (tick: number) => Math.exp(tick * HALF_LN);
const Q96 = 2 ** 96;

describe('in-tick swaps from the trade history', () => {
  const trades = loadTrades();

  it('the last swap\'s liquidity equals the block-17,000,000 table\'s band [257340, 257400) (data/uniswap/README.md)', () => {
    const { ticks, liquidity } = loadLiquidityTable();
    const last = trades.at(-1)!;
    expect(last.tick).toBe(257362);
    expect(Math.abs(liquidity[ticks.indexOf(257340)]! / last.liquidity - 1)).toBeLessThan(1e-12);
  });

  it('every swap lies inside the interval its tick allows; midpoint errors match PROTOCOLS.md §4', () => {
    const errors: number[] = [];
    const outside: string[] = [];
    for (let i = 1; i < trades.length; i++) {
      const prev = trades[i - 1]!;
      const r = trades[i]!;
      if (prev.tick !== r.tick || prev.liquidity !== r.liquidity) continue;
      const zeroForOne = r.amount0 > 0;
      const amountIn = zeroForOne ? r.amount0 : r.amount1;
      const actual = zeroForOne ? -r.amount1 : -r.amount0;
      if (!(amountIn > 0 && actual > 0)) continue;
      const L = r.liquidity;
      const [rawIn, rawOut] = zeroForOne ? [10 ** DECIMALS0, 10 ** DECIMALS1] : [10 ** DECIMALS1, 10 ** DECIMALS0];
      const net = amountIn * rawIn * 0.997;
      let lo = sq(r.tick);
      let hi = sq(r.tick + 1);
      if (zeroForOne) { const q = 1 / lo - net / L; if (q > 0) lo = Math.max(lo, 1 / q); } else hi = Math.min(hi, hi - net / L);
      const band = Math.floor(r.tick / 60) * 60;
      const quote = (s: number) => swapConcentrated({
        ticks: [band - 60, band, band + 60, band + 120], liquidity: [L, L, L], feeBps: 30,
        sqrtPriceX96: BigInt(Math.round(s * Q96)), zeroForOne, amountIn, decimals0: DECIMALS0, decimals1: DECIMALS1,
      });
      const [a, b] = [quote(lo).amountOut, quote(hi).amountOut];
      const mid = quote((lo + hi) / 2);
      expect(mid.ticksCrossed).toBe(0);
      const slack = 2 / rawOut + actual * 2 / (amountIn * rawIn);
      if (actual < Math.min(a, b) * (1 - 1e-12) - slack || actual > Math.max(a, b) * (1 + 1e-12) + slack) outside.push(`block ${r.block}`);
      errors.push(mid.amountOut / actual - 1);
    }
    const n = errors.length;
    const sorted = [...errors].sort((x, y) => x - y);
    const abs = errors.map(Math.abs).sort((x, y) => x - y);
    const share = (t: number) => abs.filter((e) => e <= t).length / n;
    // Figures (reported in the AMM README section): n = 4,761 swaps; all inside their interval; p5/median/p95 =
    // −3.8e-5 / −5.7e-7 / +4.2e-5; 90.1 % within 4e-5, 98.8 % within 5e-5; max 1.8e-4 (block 16,854,238: an output of 660 raw units,
    // 0.0000066 WBTC, where one unit of on-chain rounding is 1.5e-3).
    expect(n).toBe(4761);
    expect(outside).toEqual([]);
    expect(sorted[Math.floor(0.05 * n)]!).toBeGreaterThan(-4.2e-5);
    expect(Math.abs(sorted[Math.floor(0.5 * n)]!)).toBeLessThan(2e-6);
    expect(sorted[Math.floor(0.95 * n)]!).toBeLessThan(4.4e-5);
    expect(share(4e-5)).toBeGreaterThan(0.89);
    expect(share(5e-5)).toBeGreaterThan(0.98);
    expect(abs.at(-1)!).toBeLessThan(2e-4);
  });
});
