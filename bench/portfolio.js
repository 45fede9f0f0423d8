// tailguard portfolio scenario-grid benchmark (issue #6 §5): throughput of scenarioGrid (cells × option legs
// revalued per second, all of them priced in one blackScholesBatch + one black76Batch call) against a plain-JS
// loop over the same cells and legs with the src/reference closed forms (the project's BSM / Black-76 oracle).
//   1. agreement first: every cell's P&L from scenarioGrid equals the reference loop's (|Δ| ≤ 1e-9 · book scale);
//   2. timing with benchmark.js, interleaved (bench/timing.js): both sides process cells × legs option prices;
//   3. bench/results/portfolio.{json,md} (unless --no-write).
//
// Book: --legs option legs on BTC (default 200): half BSM USD options, half Deribit inverse Black-76 options,
// strikes 50 %…150 % of spot, expiries 1…180 days; plus a spot holding. Grid: --spot × --vol cells (default the
// Deribit-style 11 × 5 = 55 cells; --spot 41 --vol 21 for a finer 861-cell grid).
// Usage: node bench/portfolio.js [--legs 200] [--spot 11] [--vol 5] [--rounds 2] [--debug-wasm] [--no-write]
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';
import os from 'node:os';
import { formatRate, timeGroup } from './timing.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const arg = (name, dflt) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : dflt);
const legs = arg('--legs', 200), nSpot = arg('--spot', 11), nVol = arg('--vol', 5), rounds = arg('--rounds', 2);
const log = (...a) => console.log(...a);
for (const f of ['dist/index.js', 'dist/wasm/tailguard.wasm', 'dist/reference/index.js']) {
  if (!existsSync(join(root, f))) throw new Error(`${f} missing: run npm run build`);
}
const tg = await import(pathToFileURL(join(root, 'dist/index.js')).href);
const ref = await import(pathToFileURL(join(root, 'dist/reference/index.js')).href);
await tg.init(args.includes('--debug-wasm') ? { wasm: join(root, 'build/debug.wasm') } : undefined);

// ------------------------------------------------------------- book (deterministic)
const S = 60_000, RATE = 0.03;
const positions = [{ kind: 'spot', underlying: 'BTC', quantity: 5 }];
for (let i = 0; i < legs; i++) {
  const strike = Math.round(S * (0.5 + (i % 21) / 20));
  const expiryYears = (1 + ((i * 37) % 180)) / 365;
  const type = i % 3 === 0 ? 'put' : 'call';
  const quantity = ((i * 7) % 11) - 5 || 1;
  const vol = 0.45 + 0.01 * (i % 30);
  positions.push(i % 2 === 0
    ? { kind: 'option', underlying: 'BTC', type, strike, expiryYears, quantity, vol }
    : { kind: 'option', underlying: 'BTC', model: 'black76', settlement: 'inverse', type, strike, expiryYears, quantity, vol, forward: S * (1 + 0.02 * expiryYears) });
}
const portfolio = { market: { BTC: { spot: S, rate: RATE } }, positions };
const spotShocks = Array.from({ length: nSpot }, (_, i) => (nSpot === 1 ? 0 : -0.5 + i / (nSpot - 1)));
const volShocks = Array.from({ length: nVol }, (_, j) => (nVol === 1 ? 0 : -0.2 + (0.4 * j) / (nVol - 1)));
const cells = nSpot * nVol;
const work = cells * legs; // option prices per grid

// ------------------------------------------------------------- plain-JS reference loop
function referenceGrid() {
  const value = (s, dv) => {
    let v = 0;
    for (const p of positions) {
      const Sx = S * (1 + s);
      if (p.kind === 'spot') { v += p.quantity * Sx; continue; }
      const vol = Math.max(p.vol + dv, 0);
      if (p.model === 'black76') {
        const F = p.forward * (1 + s);
        v += p.quantity * (ref.black76({ type: p.type, forward: F, strike: p.strike, expiryYears: p.expiryYears, vol, rate: RATE }).price / F) * Sx;
      } else {
        v += p.quantity * ref.blackScholes({ type: p.type, spot: Sx, strike: p.strike, expiryYears: p.expiryYears, vol, rate: RATE }).price;
      }
    }
    return v;
  };
  const base = value(0, 0);
  const pnl = new Float64Array(cells);
  for (let i = 0; i < nSpot; i++) for (let j = 0; j < nVol; j++) pnl[i * nVol + j] = value(spotShocks[i], volShocks[j]) - base;
  return pnl;
}

// ------------------------------------------------------------- agreement
const grid = tg.scenarioGrid(portfolio, { spotShocks, volShocks });
const refPnl = referenceGrid();
let scale = 0, maxDiff = 0;
for (let c = 0; c < cells; c++) { scale = Math.max(scale, Math.abs(refPnl[c])); maxDiff = Math.max(maxDiff, Math.abs(grid.pnlUsd[c] - refPnl[c])); }
if (!(maxDiff <= 1e-9 * Math.max(scale, Math.abs(grid.baseValueUsd)))) throw new Error(`scenarioGrid and the reference loop disagree: max |Δ| ${maxDiff} USD (scale ${scale})`);
log(`book: ${legs} option legs + spot; grid ${nSpot} × ${nVol} = ${cells} cells → ${work.toLocaleString('en-US')} leg revaluations per grid; agreement max |ΔP&L| ${maxDiff.toExponential(2)} USD (P&L scale ${scale.toExponential(2)})`);

// ------------------------------------------------------------- timing (rates in leg revaluations per second)
const timed = timeGroup([
  { key: 'scenarioGrid (WASM batch)', n: work, fn: () => tg.scenarioGrid(portfolio, { spotShocks, volShocks }) },
  { key: 'plain-JS loop (src/reference)', n: work, fn: referenceGrid },
], { rounds, log });
const w = timed.get('scenarioGrid (WASM batch)'), r = timed.get('plain-JS loop (src/reference)');
const speedup = w.optionsPerSecond / r.optionsPerSecond;
log(`scenarioGrid ${formatRate(w.optionsPerSecond)} legs/s (${(w.medianSeconds * 1e3).toFixed(2)} ms per grid) vs plain JS ${formatRate(r.optionsPerSecond)} legs/s: ×${speedup.toFixed(1)}`);

if (!args.includes('--no-write')) {
  const machine = { node: process.version, cpus: os.cpus()[0]?.model ?? 'unknown', cores: os.availableParallelism?.() ?? os.cpus().length };
  const out = { date: new Date().toISOString(), machine, legs, spotShocks, volShocks, cells, work, agreementMaxAbsUsd: maxDiff,
    wasm: { legsPerSecond: w.optionsPerSecond, msPerGrid: w.medianSeconds * 1e3 }, reference: { legsPerSecond: r.optionsPerSecond, msPerGrid: r.medianSeconds * 1e3 }, speedup };
  mkdirSync(join(root, 'bench/results'), { recursive: true });
  writeFileSync(join(root, 'bench/results/portfolio.json'), `${JSON.stringify(out, null, 2)}\n`);
  writeFileSync(join(root, 'bench/results/portfolio.md'), [
    `# Portfolio scenario grid (${out.date.slice(0, 10)}, ${machine.cpus}, Node ${machine.node})`, '',
    `${legs} option legs (half BSM, half inverse Black-76) + spot; ${nSpot} × ${nVol} = ${cells} cells; ${work.toLocaleString('en-US')} leg revaluations per grid.`, '',
    '| implementation | leg revaluations / s | ms per grid |', '|---|---|---|',
    `| scenarioGrid (one WASM batch per model) | ${formatRate(w.optionsPerSecond)} | ${(w.medianSeconds * 1e3).toFixed(2)} |`,
    `| plain-JS loop (src/reference closed forms) | ${formatRate(r.optionsPerSecond)} | ${(r.medianSeconds * 1e3).toFixed(2)} |`,
    '', `Speed-up ×${speedup.toFixed(1)}; P&L agreement checked first (max |Δ| ${maxDiff.toExponential(2)} USD). benchmark.js medians, best of ${rounds} interleaved rounds.`, '',
  ].join('\n'));
  log('wrote bench/results/portfolio.{json,md}');
}
