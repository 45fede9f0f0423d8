// tailguard liquidation-cascade benchmark (issue #5 §3): a synthetic book of n single-collateral
// positions (default 1,000,000), one constant-product pool, ETH shocks of −10/−20/−30/−50 %.
//   1. agreement first: the WASM cascade equals the plain-JS re-scan reference (src/reference/cascade.ts)
//      on every shock (rounds, final price, debt repaid, bad debt), before anything is timed;
//   2. sort time: prepareCascadeBook (validation + WASM radix sort by liquidation price), best of 3;
//   3. cascade kernel time after the sort: `kernelMs` of simulateCascade (the kernel call alone; the copy
//      of the sorted columns into WASM memory is excluded), best of N; plus the whole facade call timed
//      by benchmark.js (bench/timing.js) and the JS reference loop (best of 2; it is O(n·rounds));
//   4. bench/results/cascade.json and bench/results/cascade.md.
//
// Usage: node bench/cascade.js [--n 1000000] [--rounds 3] [--depth 10] [--debug-wasm | --wasm FILE]   (uses dist/: build first with npm run build)
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';
import os from 'node:os';
import { timeGroup } from './timing.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const arg = (name, dflt) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : dflt);
const n = arg('--n', 1_000_000);
const rounds = arg('--rounds', 3);
const log = (...a) => console.log(...a);
for (const f of ['dist/index.js', 'dist/wasm/tailguard.wasm', 'dist/reference/cascade.js']) {
  if (!existsSync(join(root, f))) throw new Error(`${f} missing: run npm run build`);
}
const tg = await import(pathToFileURL(join(root, 'dist/index.js')).href);
const { referenceCascade } = await import(pathToFileURL(join(root, 'dist/reference/cascade.js')).href);
// --debug-wasm: the debug build (smoke runs without a release build; not for real figures)
// --wasm FILE: another build (e.g. a release build written elsewhere)
await tg.init(args.includes('--debug-wasm') ? { wasm: join(root, 'build/debug.wasm') } : args.includes('--wasm') ? { wasm: args[args.indexOf('--wasm') + 1] } : undefined);

// ------------------------------------------------------------- synthetic book (deterministic)
// collateral: lognormal-ish ETH sizes (0.05 … ~500 ETH); HF spread over 1.0 … 3.0 at ETH 2,000;
// LT 0.83, bonus 0.05 (Aave v3 WETH, PROTOCOLS §1). A small LCG keeps it reproducible.
let state = 0x2545f491;
const rnd = () => ((state = (Math.imul(state, 1664525) + 1013904223) >>> 0) + 0.5) / 4294967296;
const SPOT = 2000, LT = 0.83, BONUS = 0.05;
const collateral = new Float64Array(n), debt = new Float64Array(n);
for (let i = 0; i < n; i++) {
  collateral[i] = 0.05 * Math.exp(9 * rnd() * rnd());
  const hf = 1 + 2 * rnd() * rnd();
  debt[i] = (collateral[i] * SPOT * LT) / hf;
}
const book = { collateral, debt, liquidationThreshold: LT, liquidationBonus: BONUS };
let totalColl = 0;
for (let i = 0; i < n; i++) totalColl += collateral[i];
// pool depth: POOL_DEPTH × the book's collateral on the risky side (default 10: the cascade feeds itself but settles; 2 makes the whole book collapse)
const depth = arg('--depth', 10);
const venue = { type: 'constantProduct', reserveRisky: totalColl * depth, reserveStable: totalColl * depth * SPOT, fee: 0.003 };
const SHOCKS = [0.1, 0.2, 0.3, 0.5];
log(`book: ${n} positions, ${totalColl.toFixed(0)} ETH collateral; pool ${venue.reserveRisky.toFixed(0)} ETH / ${venue.reserveStable.toExponential(3)} USD`);

// ------------------------------------------------------------- sort (prepare) time
let prepared, sortMs = Infinity;
for (let r = 0; r < 3; r++) {
  const t = performance.now();
  prepared = tg.prepareCascadeBook(book);
  sortMs = Math.min(sortMs, performance.now() - t);
}
log(`prepareCascadeBook: ${sortMs.toFixed(1)} ms (best of 3; ${prepared.sorted} positions sorted)`);

// ------------------------------------------------------------- agreement, kernel and reference times
const rows = [];
for (const drop of SHOCKS) {
  const options = { venue, shock: { drop }, positions: false };
  const w = tg.simulateCascade(prepared, options);
  let refMs = Infinity, ref;
  for (let r = 0; r < 2; r++) {
    const t = performance.now();
    ref = referenceCascade(book, { venue, shock: { drop } });
    refMs = Math.min(refMs, performance.now() - t);
  }
  const relDiff = (a, b) => Math.abs(a - b) / Math.max(Math.abs(b), 1);
  const agree = w.rounds === ref.rounds && w.liquidations === ref.liquidations && relDiff(w.finalPrice, ref.finalPrice) < 1e-12
    && relDiff(w.debtRepaid, ref.debtRepaid) < 1e-12 && relDiff(w.badDebt, ref.badDebt) < 1e-12 && relDiff(w.insolventDebt, ref.insolventDebt) < 1e-9;
  if (!agree) throw new Error(`drop ${drop}: WASM and reference disagree: ${JSON.stringify({ w: [w.rounds, w.finalPrice, w.debtRepaid, w.badDebt], ref: [ref.rounds, ref.finalPrice, ref.debtRepaid, ref.badDebt] })}`);
  let kernelMs = Infinity;
  for (let r = 0; r < Math.max(rounds, 3); r++) kernelMs = Math.min(kernelMs, tg.simulateCascade(prepared, options).kernelMs);
  const timed = timeGroup([{ key: `facade −${drop * 100}%`, n: 1, fn: () => tg.simulateCascade(prepared, options) }], { rounds: 1 });
  const facadeMs = 1000 / timed.get(`facade −${drop * 100}%`).optionsPerSecond;
  rows.push({
    drop, rounds: w.rounds, positionsLiquidated: w.positionsLiquidated, liquidations: w.liquidations, finalPrice: w.finalPrice,
    debtRepaid: w.debtRepaid, totalBadDebt: w.totalBadDebt, kernelMs, facadeMs, referenceMs: refMs, speedup: refMs / kernelMs,
  });
  log(`−${(drop * 100).toFixed(0)}%: ${w.rounds} rounds, ${w.positionsLiquidated} positions liquidated, final price ${w.finalPrice.toFixed(2)}, `
    + `bad debt ${w.totalBadDebt.toFixed(0)} USD, ${w.skippedLiquidations} skips | kernel ${kernelMs.toFixed(2)} ms, facade ${facadeMs.toFixed(1)} ms, JS reference ${refMs.toFixed(0)} ms (×${(refMs / kernelMs).toFixed(0)})`);
}

// ------------------------------------------------------------- results
const machine = { node: process.version, cpus: os.cpus()[0]?.model ?? 'unknown', cores: os.availableParallelism?.() ?? os.cpus().length };
const out = { date: new Date().toISOString(), machine, n, venue, sortMs, shocks: rows };
mkdirSync(join(root, 'bench/results'), { recursive: true });
writeFileSync(join(root, 'bench/results/cascade.json'), `${JSON.stringify(out, null, 2)}\n`);
const md = [
  `# Liquidation cascade: ${n.toLocaleString('en-US')} positions (${out.date.slice(0, 10)}, ${machine.cpus}, Node ${machine.node})`,
  '',
  `Sort once (prepareCascadeBook: validation + WASM radix sort): **${sortMs.toFixed(1)} ms**.`,
  '',
  '| shock | rounds | positions liquidated | final price | bad debt (USD) | kernel (ms) | facade call (ms) | JS reference (ms) | reference / kernel |',
  '|---|---|---|---|---|---|---|---|---|',
  ...rows.map((r) => `| −${(r.drop * 100).toFixed(0)}% | ${r.rounds} | ${r.positionsLiquidated} | ${r.finalPrice.toFixed(2)} | ${r.totalBadDebt.toFixed(0)} | ${r.kernelMs.toFixed(2)} | ${r.facadeMs.toFixed(1)} | ${r.referenceMs.toFixed(0)} | ×${r.speedup.toFixed(0)} |`),
  '',
  'Kernel = the WASM call alone, after the sort (best of N). Facade call = simulateCascade with a prepared book',
  '(copies the sorted columns into WASM memory, then the kernel; benchmark.js median). JS reference = the plain',
  're-scan loop (src/reference/cascade.ts, every round re-scans every position), best of 2; results checked equal first.',
  '',
];
writeFileSync(join(root, 'bench/results/cascade.md'), md.join('\n'));
log('wrote bench/results/cascade.{json,md}');
