// tailguard hedging-simulation benchmark (issue #6 §3, §6): paths/s of discrete delta hedging, default
// 100,000 paths × 365 daily rebalances (a 1-year short ATM BTC-like call on GBM, σ = 60 %, 5 bps fee, 1 USD gas,
// a constant-product venue), WASM on one thread against the plain-JS reference (src/reference/hedge.ts).
//   1. agreement first: the kernel's outcomes on its first block of paths equal the reference's on the same
//      spots (1e-10 relative) before anything is timed;
//   2. WASM: runHedgeBlocks (path generation + hedging) over a chunk of paths, benchmark.js (bench/timing.js),
//      plus one whole simulateHedge run of n paths (wall clock, includes the merge and the statistics);
//   3. reference: referenceHedgePath over pre-generated spots (the kernel's own paths: path generation is NOT
//      in the reference's time, which favours the reference);
//   4. bench/results/hedge.json and bench/results/hedge.md.
//
// Usage: node bench/hedge.js [--n 100000] [--steps 365] [--chunk 2048] [--rounds 2] [--workers 2] [--debug-wasm | --wasm FILE]
//   (uses dist/: build first with npm run build). Smoke run: node bench/hedge.js --n 2000 --steps 52 --chunk 256 --rounds 1 --debug-wasm
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';
import os from 'node:os';
import { timeGroup, formatRate } from './timing.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const arg = (name, dflt) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : dflt);
const n = arg('--n', 100_000);
const steps = arg('--steps', 365);
const chunk = arg('--chunk', 2048);
const rounds = arg('--rounds', 2);
const workers = arg('--workers', 0);
const log = (...a) => console.log(...a);
for (const f of ['dist/index.js', 'dist/wasm/tailguard.wasm', 'dist/reference/hedge.js', 'dist/hedge/simulate.js']) {
  if (!existsSync(join(root, f))) throw new Error(`${f} missing: run npm run build`);
}
const tg = await import(pathToFileURL(join(root, 'dist/index.js')).href);
const { planHedge, runHedgeBlocks } = await import(pathToFileURL(join(root, 'dist/hedge/simulate.js')).href);
const { referenceHedgePath } = await import(pathToFileURL(join(root, 'dist/reference/hedge.js')).href);
const { K, K_COUNT } = await import(pathToFileURL(join(root, 'dist/hedge/layout.js')).href);
const wasmFile = args.includes('--debug-wasm') ? join(root, 'build/debug.wasm') : args.includes('--wasm') ? args[args.indexOf('--wasm') + 1] : undefined;
await tg.init(wasmFile ? { wasm: wasmFile } : undefined);

const spec = {
  option: { type: 'call', strike: 90_000, expiryYears: 1, position: 'short' }, spot: 90_000, hedgeVol: 0.6,
  model: { type: 'gbm', vol: 0.6 }, steps, paths: n, seed: 2026, blockSize: 256,
  costs: { feeBps: 5, gasUsd: 1, venue: { type: 'constantProduct', reserveRisky: 2_000, reserveStable: 180_000_000, fee: 0.003 } },
};
log(`workload: ${n.toLocaleString('en-US')} paths × ${steps} rebalances (short ATM call, GBM σ 60 %, 5 bps + 1 USD gas + constant-product pool)`);

// ------------------------------------------------------------- agreement
const agreePlan = planHedge({ ...spec, paths: Math.min(n, 256) });
const { outcomes, spots } = runHedgeBlocks(agreePlan, 0, 1, true);
const row = steps + 1;
const names = ['pnl', 'fees', 'slippage', 'gas', 'trades', 'gamma', 'theta', 'vega', 'financing', 'deltaMismatch', 'residual', 'finalSpot', 'turnover'];
const pool = Math.min(n, 256);
let worst = 0;
for (let i = 0; i < pool; i++) {
  const ref = referenceHedgePath(spec, spots.subarray(i * row, (i + 1) * row));
  for (const name of names) worst = Math.max(worst, Math.abs(outcomes[i * K_COUNT + K[name]] - ref[name]) / Math.max(1, Math.abs(ref[name])));
}
// 1e-10: the P&L is a difference of cash and hedge value of the order of the 90k notional, so the BSM Greeks'
// last-bit differences between the two implementations show at ~1e-12 of that notional
if (!(worst < 1e-10)) throw new Error(`WASM and reference disagree: max relative difference ${worst}`);
log(`agreement: ${pool} paths, max relative difference ${worst.toExponential(2)}`);

// ------------------------------------------------------------- timing
const chunkPaths = Math.min(chunk, n);
const chunkPlan = planHedge({ ...spec, paths: chunkPaths });
const refPaths = Math.max(1, Math.min(pool, Math.ceil(chunkPaths / 16)));
const timed = timeGroup([
  { key: 'wasm (1 thread)', n: chunkPaths, fn: () => runHedgeBlocks(chunkPlan, 0, chunkPlan.blockCount) },
  { key: 'reference (plain JS)', n: refPaths, fn: () => { for (let i = 0; i < refPaths; i++) referenceHedgePath(spec, spots.subarray(i * row, (i + 1) * row)); } },
], { rounds, log });
const wasmRate = timed.get('wasm (1 thread)').optionsPerSecond;
const refRate = timed.get('reference (plain JS)').optionsPerSecond;
log(`wasm ${formatRate(wasmRate)} paths/s, reference ${formatRate(refRate)} paths/s: ×${(wasmRate / refRate).toFixed(1)}`);

let t = performance.now();
const full = await tg.simulateHedge(spec);
const fullMs = performance.now() - t;
log(`simulateHedge, ${n} paths, this thread: ${(fullMs / 1000).toFixed(2)} s (${formatRate(n / fullMs * 1000)} paths/s); mean P&L ${full.pnl.mean.toFixed(2)} ± ${full.pnl.standardError.toFixed(2)} USD, SD ${full.pnl.sd.toFixed(1)}, mean cost ${full.costs.total.toFixed(1)}, trades ${full.trades.toFixed(1)}`);
let workerRun;
if (workers > 1) {
  t = performance.now();
  const pooled = await tg.simulateHedge(spec, { workers });
  const ms = performance.now() - t;
  if (pooled.pnl.mean !== full.pnl.mean) throw new Error('pool result differs from the single-threaded run');
  workerRun = { workers, ms, pathsPerSecond: n / ms * 1000 };
  log(`simulateHedge on ${workers} workers: ${(ms / 1000).toFixed(2)} s (identical result)`);
}

// ------------------------------------------------------------- results
const machine = { node: process.version, cpus: os.cpus()[0]?.model ?? 'unknown', cores: os.availableParallelism?.() ?? os.cpus().length };
const out = {
  date: new Date().toISOString(), machine, wasm: wasmFile ?? 'dist/wasm/tailguard.wasm (release)', n, steps, spec: { ...spec, paths: n },
  agreement: { paths: pool, maxRelativeDifference: worst },
  wasmPathsPerSecond: wasmRate, referencePathsPerSecond: refRate, speedup: wasmRate / refRate,
  simulateHedge: { ms: fullMs, pathsPerSecond: n / fullMs * 1000, pnl: full.pnl, costs: full.costs, trades: full.trades },
  ...(workerRun ? { workers: workerRun } : {}),
  timing: Object.fromEntries(timed),
};
mkdirSync(join(root, 'bench/results'), { recursive: true });
writeFileSync(join(root, 'bench/results/hedge.json'), `${JSON.stringify(out, null, 2)}\n`);
const md = [
  `# Hedging simulation: ${n.toLocaleString('en-US')} paths × ${steps} rebalances (${out.date.slice(0, 10)}, ${machine.cpus}, Node ${machine.node})`,
  '',
  '| implementation | paths/s | ratio |',
  '|---|---|---|',
  `| WASM, 1 thread (path generation + hedging) | ${formatRate(wasmRate)} | ×${(wasmRate / refRate).toFixed(1)} |`,
  `| plain JS reference (hedging only, pre-generated paths) | ${formatRate(refRate)} | ×1 |`,
  `| simulateHedge, whole run, 1 thread | ${formatRate(n / fullMs * 1000)} (${(fullMs / 1000).toFixed(2)} s) | |`,
  ...(workerRun ? [`| simulateHedge, ${workerRun.workers} workers | ${formatRate(workerRun.pathsPerSecond)} (${(workerRun.ms / 1000).toFixed(2)} s) | |`] : []),
  '',
  `Agreement checked first: ${pool} paths, max relative difference ${worst.toExponential(2)}. Result: mean P&L ${full.pnl.mean.toFixed(2)} ± ${full.pnl.standardError.toFixed(2)} USD,`,
  `SD ${full.pnl.sd.toFixed(1)}, 99 % CVaR ${full.pnl.expectedShortfall99.toFixed(1)}, mean cost ${full.costs.total.toFixed(1)} USD, ${full.trades.toFixed(1)} trades per path.`,
  `WASM build: ${out.wasm}. Rates: benchmark.js medians, best of ${rounds} interleaved rounds (bench/timing.js).`,
  '',
];
writeFileSync(join(root, 'bench/results/hedge.md'), md.join('\n'));
log('wrote bench/results/hedge.{json,md}');
