// tailguard benchmark suite (DESIGN §9): Black–Scholes–Merton price + all nine Greeks for 1e6 random
// options through the raw WASM export `blackScholesBatch` versus the plain-JS reference implementation
// (`dist/reference`, built from `src/reference` by `npm run build:ts`). Outputs are checked to agree
// before anything is timed. Prints options/s and writes bench/results/latest.json.
//
// Usage: node bench/run.js [--n 1000000] [--no-reference]
// Peers (npm black-scholes, greeks, …; DESIGN §9) plug in at the COMPETITORS seam below.

import { readFileSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';
import os from 'node:os';
import Benchmark from 'benchmark';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const argValue = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 && i + 1 < args.length ? Number(args[i + 1]) : dflt;
};
const N = argValue('--n', 1_000_000);
const useReference = !args.includes('--no-reference');
const GREEKS = ['price', 'delta', 'gamma', 'vega', 'theta', 'rho', 'vanna', 'volga', 'charm'];

// ---------------------------------------------------------------- inputs (seeded, reproducible)
/** xorshift32 uniform in [0, 1). */
function rng(seed) {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13; s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5; s >>>= 0;
    return s / 4294967296;
  };
}
function makeInputs(n, seed = 20240601) {
  const u = rng(seed);
  const logUniform = (a, b) => Math.exp(Math.log(a) + u() * (Math.log(b) - Math.log(a)));
  const isCall = new Uint8Array(n);
  const spots = new Float64Array(n);
  const strikes = new Float64Array(n);
  const expiries = new Float64Array(n);
  const vols = new Float64Array(n);
  const rates = new Float64Array(n);
  const dividendYields = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    isCall[i] = u() < 0.5 ? 1 : 0;
    spots[i] = logUniform(10, 100_000);
    strikes[i] = spots[i] * logUniform(0.5, 2);
    expiries[i] = logUniform(1 / 365, 5);
    vols[i] = logUniform(0.05, 1.5);
    rates[i] = -0.01 + 0.11 * u();
    dividendYields[i] = 0.05 * u();
  }
  return { n, isCall, spots, strikes, expiries, vols, rates, dividendYields };
}

// ---------------------------------------------------------------- WASM (raw exports, no glue)
async function loadWasm() {
  const file = join(root, 'dist/wasm/tailguard.wasm');
  if (!existsSync(file)) throw new Error(`${file} missing: run npm run asbuild:release`);
  const { instance } = await WebAssembly.instantiate(readFileSync(file), {
    env: { abort: (msg, fileName, line, col) => { throw new Error(`wasm abort at ${line}:${col}`); } },
  });
  return instance.exports;
}

/** Allocates the columns once in linear memory and returns a runner for the whole batch. */
function wasmBatch(ex, inp) {
  const n = inp.n;
  const p = {
    isCall: ex.alloc(n), spots: ex.alloc(8 * n), strikes: ex.alloc(8 * n), expiries: ex.alloc(8 * n),
    vols: ex.alloc(8 * n), rates: ex.alloc(8 * n), dividendYields: ex.alloc(8 * n),
    out: ex.alloc(9 * 8 * n), status: ex.alloc(n),
  };
  // views are built after every allocation (memory.grow detaches earlier views)
  const mem = ex.memory.buffer;
  new Uint8Array(mem, p.isCall, n).set(inp.isCall);
  for (const k of ['spots', 'strikes', 'expiries', 'vols', 'rates', 'dividendYields']) {
    new Float64Array(mem, p[k], n).set(inp[k]);
  }
  const run = (greeks = 2) => ex.blackScholesBatch(n, greeks, p.isCall, p.spots, p.strikes, p.expiries,
    p.vols, p.rates, p.dividendYields, p.out, p.status);
  const results = () => {
    const all = new Float64Array(ex.memory.buffer, p.out, 9 * n);
    const r = { status: new Uint8Array(ex.memory.buffer, p.status, n) };
    GREEKS.forEach((g, k) => { r[g] = all.subarray(k * n, (k + 1) * n); });
    return r;
  };
  return { run, results };
}

// ---------------------------------------------------------------- reference seam
/**
 * The plain-JS implementation the WASM kernel is compared with: the project's `src/reference`
 * (compiled to dist/reference). Returns a function (inputs) → { price, delta, …, status } or null.
 */
async function loadReference() {
  const file = join(root, 'dist/reference/index.js');
  if (!existsSync(file)) return null;
  const ref = await import(pathToFileURL(file).href);
  return (inp) => ref.blackScholesBatch({
    isCall: inp.isCall, spots: inp.spots, strikes: inp.strikes, expiriesYears: inp.expiries, vols: inp.vols,
    rates: inp.rates, dividendYields: inp.dividendYields,
  });
}

/** COMPETITORS seam: [{ name, run(inputs) → { price, … } | undefined }] for npm peers (DESIGN §9). */
const COMPETITORS = [];

// ---------------------------------------------------------------- agreement check
/** Natural scale of each value (the lead's tolerance convention): |a − b| ≤ 1e-9·max(|b|, 1e-6·scale). */
function scaleOf(g, inp, i) {
  const S = inp.spots[i];
  switch (g) {
    case 'gamma': return 1 / S;
    case 'vega': case 'volga': return S * Math.sqrt(inp.expiries[i]);
    case 'theta': case 'price': return S;
    case 'rho': return inp.strikes[i] * inp.expiries[i];
    default: return 1;
  }
}
function compare(inp, a, b, rel = 1e-9) {
  let mismatches = 0;
  let worst = { rel: 0 };
  for (let i = 0; i < inp.n; i++) {
    if (a.status[i] !== b.status[i]) { mismatches++; continue; }
    for (const g of GREEKS) {
      const x = a[g][i];
      const y = b[g][i];
      if (Number.isNaN(x) && Number.isNaN(y)) continue;
      const err = Math.abs(x - y);
      const floor = Math.max(Math.abs(y), 1e-6 * scaleOf(g, inp, i));
      const r = err / floor;
      if (!(r <= rel)) mismatches++;
      if (r > worst.rel) worst = { rel: r, greek: g, index: i, wasm: x, reference: y };
    }
  }
  return { mismatches, worst };
}

// ---------------------------------------------------------------- main
const ex = await loadWasm();
const inp = makeInputs(N);
const wasm = wasmBatch(ex, inp);
const badCount = wasm.run(2);
const wasmOut = wasm.results();
console.log(`inputs: ${N} options (seeded); WASM elements with status != OK: ${badCount}`);

const reference = useReference ? await loadReference() : null;
let agreement = null;
if (reference) {
  const refOut = reference(inp);
  agreement = compare(inp, wasmOut, refOut);
  console.log(`agreement with dist/reference (1e-9 relative): ${agreement.mismatches} mismatches; worst`,
    agreement.worst);
  if (agreement.mismatches > 0) {
    console.error('outputs disagree: not timing');
    process.exit(1);
  }
} else {
  console.warn('dist/reference not found (npm run build:ts): timing WASM alone, no agreement check');
}

const suite = new Benchmark.Suite('BSM price + 9 Greeks');
const cases = [];
suite.add(`wasm blackScholesBatch (n=${N}, greeks=2)`, () => { wasm.run(2); }, { minSamples: 10 });
cases.push({ name: 'wasm', n: N });
if (reference) {
  suite.add(`reference JS blackScholesBatch (n=${N})`, () => { reference(inp); }, { minSamples: 5 });
  cases.push({ name: 'reference', n: N });
}
for (const c of COMPETITORS) suite.add(c.name, () => { c.run(inp); });

const results = [];
suite
  .on('cycle', (e) => {
    const t = e.target;
    const perSec = t.hz * N;
    results.push({
      name: t.name, optionsPerSecond: perSec, batchesPerSecond: t.hz, rmePercent: t.stats.rme,
      samples: t.stats.sample.length, meanSeconds: t.stats.mean,
    });
    console.log(`${t.name}: ${(perSec / 1e6).toFixed(2)} M options/s (±${t.stats.rme.toFixed(1)}%, ${t.stats.sample.length} samples)`);
  })
  .on('complete', () => {
    const w = results.find((r) => r.name.startsWith('wasm'));
    const r = results.find((x) => x.name.startsWith('reference'));
    const out = {
      suite: 'bsm-price-all-greeks',
      date: new Date().toISOString(),
      node: process.version,
      platform: `${os.platform()} ${os.arch()}`,
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model,
      n: N,
      inputs: 'seeded log-uniform: spot 10–1e5, K/S 0.5–2, expiry 1 day–5 y, vol 0.05–1.5; rate −0.01–0.10, q 0–0.05',
      agreement: agreement ?? 'not checked (no reference)',
      results,
      ratioWasmOverReference: w && r ? w.optionsPerSecond / r.optionsPerSecond : null,
    };
    mkdirSync(join(root, 'bench/results'), { recursive: true });
    writeFileSync(join(root, 'bench/results/latest.json'), `${JSON.stringify(out, null, 2)}\n`);
    if (out.ratioWasmOverReference) console.log(`wasm / reference: ${out.ratioWasmOverReference.toFixed(2)}×`);
    console.log('wrote bench/results/latest.json');
  })
  .run({ async: false });
