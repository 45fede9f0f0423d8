// Test helper: the block-17,000,000 WBTC/WETH liquidity table and the trade history (data/uniswap/, provenance in
// data/uniswap/README.md), parsed once.
import { readFileSync } from 'node:fs';

const DATA = new URL('../../data/uniswap/', import.meta.url);

/** Band edges (m + 1) and raw liquidity per band (m) of `ethwbtc_active_liquidity_by_tick_block17000000.csv`. */
export function loadLiquidityTable(): { ticks: number[]; liquidity: number[] } {
  const rows = readFileSync(new URL('ethwbtc_active_liquidity_by_tick_block17000000.csv', DATA), 'utf8').trim().split('\n').slice(1)
    .map((line) => line.split(',').map(Number));
  return { ticks: [...rows.map((r) => r[0]!), rows.at(-1)![1]!], liquidity: rows.map((r) => r[2]!) };
}

/** One swap of `ethwbtc_trade_history_last200kblocks.csv`: tick after the swap, amounts (+ into the pool), raw L. */
export interface TradeRow { block: number; tick: number; amount0: number; amount1: number; liquidity: number }

export function loadTrades(): TradeRow[] {
  return readFileSync(new URL('ethwbtc_trade_history_last200kblocks.csv', DATA), 'utf8').trim().split('\n').slice(1).map((line) => {
    const c = line.split(',');
    return { block: Number(c[0]), tick: Number(c[2]), amount0: Number(c[3]), amount1: Number(c[5]), liquidity: Number(c[7]) };
  });
}

/** WBTC (token0) and WETH (token1) decimals. */
export const DECIMALS0 = 8;
export const DECIMALS1 = 18;
