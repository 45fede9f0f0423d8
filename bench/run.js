// tailguard benchmark suite (DESIGN §9): tailguard (WASM facade, batch and scalar), its plain-TS
// reference, a plain JS Newton–bisection IV solver and the npm peers, side by side on the same inputs.
//   1. agreement: every implementation's outputs against tailguard's before anything is timed;
//   2. accuracy: worst errors on the committed mpmath sample (bench/accuracy/);
//   3. timing: options/s per workload (price; price + 5 Greeks; price + 9 Greeks; implied vol) at
//      n = 1, 1e3, 1e6 (smaller n where a peer would take more than ~0.5 s per call), interleaved;
//   4. bench/results/latest.json and latest.md.
//
// Usage: node bench/run.js [--quick] [--rounds 2]   (npm run bench builds first)
import { readFileSync, existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';
import { head, ivInputs, makeInputs, withNormalPrices, withZeroYield } from './inputs.js';
import { adapters as allAdapters, WORKLOADS } from './peers/index.js';
import { ALL, FIRST } from './peers/columns.js';
import { engineEvidence } from './peers/quantlib.js';
import { tailguardKernel } from './peers/tailguardKernel.js';
import { compareColumns, compareVols, FLAG_FRACTION, LOOSE, STRICT } from './agreement.js';
import { loadReference, measureAccuracy } from './accuracy.js';
import { formatRate, timeGroup } from './timing.js';
import { writeReport } from './report.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const rounds = Number(args[args.indexOf('--rounds') + 1]) || 3;
const N_LIST = quick ? [1, 1e3, 1e4] : [1, 1e3, 1e6];
const N_MAX = N_LIST[N_LIST.length - 1];
/** A peer's batch is shrunk (to a power of 10) when one call would take longer than this. */
const CALL_BUDGET_SECONDS = { tailguard: 2.5, other: 0.5 };
const CHECK_N = { price: 20_000, first: 20_000, all: 20_000, iv: 2_000 };
const started = Date.now();
const log = (...a) => console.log(...a);

for (const f of ['dist/index.js', 'dist/reference/index.js', 'dist/wasm/tailguard.wasm']) {
  if (!existsSync(join(root, f))) throw new Error(`${f} missing: run npm run build`);
}
const tg = await import(pathToFileURL(join(root, 'dist/index.js')).href);
const ref = await import(pathToFileURL(join(root, 'dist/reference/index.js')).href);
await tg.init();
let kernel = null;
try {
  kernel = await tailguardKernel(join(root, 'dist/wasm/tailguard.wasm'));
} catch (e) {
  console.warn(`diagnostic kernel-only row skipped: ${e.message}`);
}
const adapters = allAdapters(tg, ref, kernel);
const batch = adapters.find((a) => a.id === 'tailguard');

// ---------------------------------------------------------------- inputs
const main = makeInputs(N_MAX);
const mainQ0 = withZeroYield(main);
const priceWithTailguard = (x) => tg.blackScholesBatch({
  greeks: 'none', isCall: x.isCall, spots: x.spots, strikes: x.strikes, expiriesYears: x.expiries, vols: x.vols,
  rates: x.rates, dividendYields: x.dividendYields,
}).price;
// IV: the same generator, out-of-the-money side, options whose price underflows below the smallest
// normal double dropped (~7%: no vol is recoverable from them), the first N_MAX kept.
const ivSource = makeInputs(Math.ceil(N_MAX * 1.15));
const ivSet = (src) => head(withNormalPrices(ivInputs(src, priceWithTailguard)), N_MAX);
const sets = {
  q: { pricing: main, iv: ivSet(ivSource) },
  q0: { pricing: mainQ0, iv: ivSet(withZeroYield(ivSource)) },
};
const setFor = (adapter, workload) => sets[adapter.dividends ? 'q' : 'q0'][workload === 'iv' ? 'iv' : 'pricing'];
log(`inputs: ${N_MAX} options (seeded), the same options with q = 0 for peers without dividend yields; IV on the out-of-the-money side (prices ≥ 2.2e-308)`);

// ---------------------------------------------------------------- 1. agreement before timing
log('\n1. agreement with tailguard batch on the timing inputs');
const agreement = {};
const secondsPerOption = {}; // from the second (warm) agreement call
let fatal = false;
for (const a of adapters) {
  agreement[a.id] = {};
  secondsPerOption[a.id] = {};
  for (const [w, fn] of Object.entries(a.workloads)) {
    const src = setFor(a, w);
    const sub = head(src, Math.min(CHECK_N[w], src.n));
    fn(sub); // warm-up
    let out;
    let best = Infinity;
    for (let k = 0; k < 3; k++) { // fastest of 3 warm calls: the batch-size cap should not follow a noise spike
      const t0 = performance.now();
      out = fn(sub);
      best = Math.min(best, (performance.now() - t0) / 1000 / sub.n);
      if (best * sub.n > 1) break;
    }
    secondsPerOption[a.id][w] = best;
    if (w === 'iv') {
      agreement[a.id][w] = compareVols(sub, out.vol, src.vols);
      const s = agreement[a.id][w];
      log(`  ${a.id.padEnd(18)} ${w.padEnd(6)} n=${sub.n}: ${(100 * s.fractionWithin1e6).toFixed(1)}% within 1e-6 of the true vol, ${(100 * s.fractionWithin1e3).toFixed(1)}% within 1e-3, ${s.failures} failures`);
      continue;
    }
    if (a === batch) continue;
    const names = w === 'price' ? ['price'] : w === 'first' ? FIRST : ALL;
    const expected = batch.workloads.all(sub);
    const strict = a.kind === 'tailguard' || a.kind === 'reference' || a.kind === 'diagnostic';
    const cols = compareColumns(sub, out, expected, names, strict ? STRICT : LOOSE);
    const bad = Object.entries(cols).filter(([, c]) => c.fraction > (strict ? 0 : FLAG_FRACTION));
    agreement[a.id][w] = { n: sub.n, tolerance: strict ? STRICT : LOOSE, columns: cols, flagged: bad.map(([k]) => k) };
    const worstCol = Object.entries(cols).sort((x, y) => y[1].worst - x[1].worst)[0];
    log(`  ${a.id.padEnd(18)} ${w.padEnd(6)} n=${sub.n}: worst ${worstCol[0]} ${worstCol[1].worst.toExponential(2)} of scale; ${bad.length ? `DISAGREES in ${bad.map(([k, c]) => `${k} (${(100 * c.fraction).toFixed(2)}%, NaN ${c.nan})`).join(', ')}` : 'agrees'}`);
    if (strict && bad.length) fatal = true;
  }
}
if (fatal) {
  console.error('tailguard scalar / reference disagree with the tailguard batch: not timing');
  process.exit(1);
}

// ---------------------------------------------------------------- 2. accuracy against mpmath
log('\n2. accuracy against the 50-digit mpmath sample');
const reference = loadReference(join(root, 'bench/accuracy/mpmath-reference.json'));
const accuracy = {};
for (const a of adapters) {
  accuracy[a.id] = measureAccuracy(a, reference);
  const r = accuracy[a.id];
  const f = (x) => (x ? `${x.value.toExponential(1)}${x.nan ? ` (NaN×${x.nan})` : ''}` : '—');
  log(`  ${a.id.padEnd(18)} price ${f(r.price)}  deep-OTM ${f(r.deepOtmPrice)}  Greeks ${f(r.greeks)}  IV ${f(r.iv)}  deep-OTM IV ${f(r.deepOtmIv)}`);
}

// ---------------------------------------------------------------- 3. timing
log(`\n3. timing (benchmark.js, ${rounds} interleaved rounds; per round the median call time, best round kept)`);
const timing = {};
for (const w of Object.keys(WORKLOADS)) {
  timing[w] = {};
  for (const n of N_LIST) {
    const entries = [];
    for (const a of adapters) {
      if (!a.workloads[w] || a.sameCall?.[w]) continue;
      const src = setFor(a, w);
      const est = secondsPerOption[a.id][w];
      const budget = a.kind === 'tailguard' || a.kind === 'diagnostic' ? CALL_BUDGET_SECONDS.tailguard : CALL_BUDGET_SECONDS.other;
      let m = n;
      if (est * n > budget) m = Math.max(10, 10 ** Math.floor(Math.log10(budget / est)));
      const sub = head(src, m);
      const fn = a.workloads[w];
      fn(sub); // warm this size
      entries.push({ key: a.id, n: m, fn: () => { fn(sub); } });
    }
    log(`${WORKLOADS[w]}, n = ${n}`);
    const res = timeGroup(entries, { rounds, log });
    timing[w][n] = Object.fromEntries([...res].map(([k, v]) => [k, { ...v, requestedN: n }]));
  }
}

// ---------------------------------------------------------------- 4. QuantLib engine path (evidence)
const qlEngine = engineEvidence(main, 200);
log(`\nQuantLib AnalyticEuropeanEngine (full object graph, whole-day expiries): ${formatRate(qlEngine.optionsPerSecond)} options/s on ${qlEngine.options} options`);

const report = writeReport({
  root, adapters, nList: N_LIST, rounds, timing, accuracy, agreement, referenceMeta: reference.meta, qlEngine,
  seconds: (Date.now() - started) / 1000,
});
log(`\n${report.summary}`);
log(`wrote bench/results/latest.json and bench/results/latest.md (${((Date.now() - started) / 1000).toFixed(0)} s)`);
