#!/usr/bin/env node
// Implied-minus-realised spread at the shipped Deribit snapshots (issue #6 §1), for the report.
// ATM IV: the snapshot's expiry nearest to 30 days (by (expiry − timestamp) in days), its mark IVs
// (`implied_volatility`) linearly interpolated in log-moneyness ln(K/F) at K = F (atmImpliedVol),
// F = the median `underlying` of that expiry's rows. Realised: trailing close-to-close vol (and
// Parkinson, Yang–Zhang) over the `window` daily Binance bars closed before the snapshot time, √365.
// Usage (after `npm run build`): node scripts/risk/ivSpread.mjs [BTC|ETH] [window=30] [snapshot files…]
import { readdirSync } from 'node:fs';
import { atmImpliedVol, impliedRealizedSpread } from '../../dist/index.js';
import { loadSnapshot, selectCurrency } from '../../dist/cli/snapshot.js';
import { loadCandles } from '../../dist/cli/candles.js';

const coin = process.argv[2] ?? 'BTC';
const window = Number(process.argv[3] ?? 30);
let files = process.argv.slice(4);
if (files.length === 0) files = readdirSync('data/deribit').filter((f) => f.startsWith('deribit_options_snapshot_')).sort().map((f) => `data/deribit/${f}`);
const candles = loadCandles(`data/ohlc/${coin}USDT_1d.csv`);
const DAY = 86_400_000;
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };

for (const file of files) {
  const chain = selectCurrency(loadSnapshot(file), coin);
  const t = chain.timestampMs[0];
  const expiries = [...new Set(chain.expiryMs)].sort((a, b) => a - b);
  const expiry = expiries.reduce((best, e) => (Math.abs((e - t) / DAY - 30) < Math.abs((best - t) / DAY - 30) ? e : best));
  const rows = [...Array(chain.n).keys()].filter((i) => chain.expiryMs[i] === expiry);
  const forward = median(rows.map((i) => chain.forward[i]));
  const atm = atmImpliedVol({ strikes: rows.map((i) => chain.strike[i]), vols: rows.map((i) => chain.markIv[i]), forward });
  const line = [new Date(t).toISOString().slice(0, 16), `expiry ${new Date(expiry).toISOString().slice(0, 10)} (${((expiry - t) / DAY).toFixed(2)} d)`,
    `F ${forward.toFixed(2)}`, `ATM IV ${atm.toFixed(4)}`];
  for (const estimator of ['close-to-close', 'parkinson', 'yang-zhang']) {
    const s = impliedRealizedSpread({ times: [t], impliedVols: [atm], candles, window, estimator, periodsPerYear: 365 });
    line.push(`${estimator} RV ${s.realized[0].toFixed(4)} spread ${s.spread[0] >= 0 ? '+' : ''}${s.spread[0].toFixed(4)} (last bar ${new Date(candles.openTime[s.lastBar[0]]).toISOString().slice(0, 10)})`);
  }
  console.log(line.join(' | '));
}
