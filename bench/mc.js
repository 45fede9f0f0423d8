// tailguard Monte Carlo / lattice benchmark suite (issue #4 §7), separate from the options suite (bench/run.js).
//   1. agreement: every implementation's output checked before anything is timed — Monte Carlo estimates
//      within 4 combined standard errors of tailguard's (and of the closed form where there is one);
//      the pool bit-identical to the single thread; trees to 1e-9 relative;
//   2. timing: a best-of-N harness (not benchmark.js: a single MC call runs 0.1–3 s and the pool is
//      async): each round times one call of every implementation of a workload back to back (order
//      reversed every other round), performance.now() around the awaited call, one untimed warm-up
//      call first; each implementation keeps its fastest round (interference from other processes on
//      the 2 shared cores only ever slows a round down);
//   3. bench/results/mc.json and bench/results/mc.md.
//
// Usage: node bench/mc.js [--quick] [--rounds 3]   (uses dist/: build first with npm run build)
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';
import os from 'node:os';
import { asianMC, crrTree, europeanMC, hestonMC } from './mc/plainjs.js';
import { formatRate } from './timing.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const rounds = Number(args[args.indexOf('--rounds') + 1]) || (quick ? 2 : 3);
const scale = quick ? 0.1 : 1;
const started = Date.now();
const log = (...a) => console.log(...a);

for (const f of ['dist/index.js', 'dist/wasm/tailguard.wasm']) {
  if (!existsSync(join(root, f))) throw new Error(`${f} missing: run npm run build`);
}
const tg = await import(pathToFileURL(join(root, 'dist/index.js')).href);
await tg.init();
let OptionPricing = null;
try { ({ Option: OptionPricing } = await import('option-pricing')); } catch (e) { log(`option-pricing unavailable: ${e.message}`); }
let ql = null;
try { ql = await import('@quantlib/ql'); } catch (e) { log(`@quantlib/ql unavailable: ${e.message}`); }
const pool = await tg.createPool({ size: 2 });

// ---------------------------------------------------------------- market and workloads
const MKT = { spot: 100, strike: 100, vol: 0.2, rate: 0.05, dividendYield: 0.01, expiryYears: 1 };
const gbm = { type: 'gbm', spot: MKT.spot, vol: MKT.vol, rate: MKT.rate, dividendYield: MKT.dividendYield };
const HESTON = { spot: 100, v0: 0.04, kappa: 1.5, theta: 0.04, volOfVol: 0.5, rho: -0.7, rate: 0.05, dividendYield: 0.01 };
const euPayoff = { type: 'european', optionType: 'call', strike: MKT.strike };
const SEED = 20261129;
const N = {
  european: Math.round(10e6 * scale),
  europeanOptionPricing: Math.round(2e5 * scale),
  asian: Math.round(100e3 * scale),
  heston: Math.round(100e3 * scale), // 25 blocks of 4096: both workers get whole blocks (see the floors below)
  crrOptions: quick ? 4 : 20,
  // @quantlib/ql's Monte Carlo runs ~1.5 k European paths/s and ~17 Asian paths/s here: small samples
  qlEuropean: quick ? 1000 : 5000,
  qlAsian: quick ? 24 : 120,
};
const even = (x) => x + (x % 2);

const specs = {
  euAnti: { model: gbm, payoff: euPayoff, expiryYears: 1, paths: even(N.european), seed: SEED, antithetic: true },
  euPlain: { model: gbm, payoff: euPayoff, expiryYears: 1, paths: N.european, seed: SEED },
  asian: { model: gbm, payoff: { type: 'asian', average: 'arithmetic', optionType: 'call', strike: MKT.strike, fixings: 252 }, expiryYears: 1, steps: 252, paths: N.asian, seed: SEED },
  heston: { model: { type: 'heston', ...HESTON }, payoff: euPayoff, expiryYears: 1, steps: 252, paths: N.heston, seed: SEED },
};

const bsCall = tg.blackScholes({ type: 'call', spot: MKT.spot, strike: MKT.strike, expiryYears: 1, vol: MKT.vol, rate: MKT.rate, dividendYield: MKT.dividendYield }).price;
let hestonExact = NaN;
try {
  hestonExact = tg.hestonPrice({ type: 'call', strike: MKT.strike, expiryYears: 1, ...HESTON }).price;
} catch (e) { log(`hestonPrice: ${e.message}`); }

// option-pricing: European by its Monte Carlo (always antithetic, no standard error returned; its
// sfc32 seeded generator); American by its CRR tree. No Asian, no Heston.
const opOption = (style, type, strike = MKT.strike) => new OptionPricing({
  style, type, initialSpotPrice: MKT.spot, strikePrice: strike, timeToMaturity: MKT.expiryYears,
  volatility: MKT.vol, riskFreeRate: MKT.rate, dividendYield: MKT.dividendYield,
});

// CRR: American puts over a strike ladder (puts: early exercise matters with q < r).
const CRR_STEPS = 2000;
const crrStrikes = Float64Array.from({ length: N.crrOptions }, (_, i) => 80 + (40 * i) / Math.max(1, N.crrOptions - 1));
const crrBatchInput = {
  isCall: new Uint8Array(N.crrOptions), spots: new Float64Array(N.crrOptions).fill(MKT.spot), strikes: crrStrikes,
  expiriesYears: new Float64Array(N.crrOptions).fill(1), vols: new Float64Array(N.crrOptions).fill(MKT.vol),
  rates: MKT.rate, dividendYields: MKT.dividendYield, steps: CRR_STEPS, method: 'crr', exercise: 'american',
};
const crrOne = (K) => ({ type: 'put', spot: MKT.spot, strike: K, expiryYears: 1, vol: MKT.vol, rate: MKT.rate, dividendYield: MKT.dividendYield, steps: CRR_STEPS });

// ---------------------------------------------------------------- QuantLib (BinomialVanillaEngine 'crr')
// QuantLib works in Dates: expiry = evaluation date + 365 days under Actual365Fixed = exactly 1 year.
let qlCrr = null;
let qlNote = '';
if (ql) {
  try {
    const { Actual365Fixed, AmericanExercise, BinomialVanillaEngine, BlackConstantVol, BlackScholesMertonProcess, CoxRossRubinstein, DateExt, FlatForward, Handle, Option, PlainVanillaPayoff, Settings, SimpleQuote, VanillaOption } = ql;
    const today = DateExt.UTC('29,November,2026');
    Settings.evaluationDate.set(today);
    const dc = new Actual365Fixed();
    const expiry = DateExt.advance(today, 365, ql.TimeUnit.Days);
    const process = new BlackScholesMertonProcess(
      new Handle(new SimpleQuote(MKT.spot)),
      new Handle(new FlatForward().ffInit1(today, new Handle(new SimpleQuote(MKT.dividendYield)), dc)),
      new Handle(new FlatForward().ffInit1(today, new Handle(new SimpleQuote(MKT.rate)), dc)),
      new Handle(new BlackConstantVol().bcvInit2(today, new ql.NullCalendar(), new Handle(new SimpleQuote(MKT.vol)), dc)));
    qlCrr = (K) => {
      const opt = new VanillaOption(new PlainVanillaPayoff(Option.Type.Put, K), new AmericanExercise().aeInit1(today, expiry));
      opt.setPricingEngine(new BinomialVanillaEngine(new CoxRossRubinstein()).bveInit(process, CRR_STEPS));
      return opt.NPV();
    };
    qlCrr(100);
  } catch (e) {
    qlCrr = null;
    qlNote = `@quantlib/ql CRR setup failed: ${e.message}`;
    log(qlNote);
  }
}

// ---------------------------------------------------------------- QuantLib Monte Carlo engines
// quantlib.js (@quantlib/ql) is a TypeScript re-implementation of QuantLib (its README: "emscripten is NOT
// used"), with QuantLib's MC engines. Time runs on a Business252 day counter over a NullCalendar, so that
// 252 daily fixings sit exactly at t = k/252 (the same grid as tailguard's spec) and expiry = 252 days = 1 year.
// Generator: PseudoRandom (Mersenne twister + inverse-cumulative normals), seeded; error estimate = its SE.
let qlMc = null;
const qlMcNotes = {};
if (ql) {
  try {
    const { Business252, NullCalendar, EuropeanExercise, BlackConstantVol, BlackScholesMertonProcess, DateExt, FlatForward, Handle, Option, PlainVanillaPayoff, SimpleQuote, VanillaOption, MakeMCEuropeanEngine, PseudoRandom, MakeMCDiscreteArithmeticAPEngine, DiscreteAveragingAsianOption, Average, HestonProcess, MakeMCEuropeanHestonEngine, Settings } = ql;
    const today = DateExt.UTC('29,November,2026');
    Settings.evaluationDate.set(today);
    const dc = new Business252(new NullCalendar());
    const expiry = DateExt.add(today, 252);
    if (dc.yearFraction(today, expiry) !== 1) throw new Error(`Business252 gives T = ${dc.yearFraction(today, expiry)}, not 1`);
    const flat = (r) => new Handle(new FlatForward().ffInit1(today, new Handle(new SimpleQuote(r)), dc));
    const process = new BlackScholesMertonProcess(new Handle(new SimpleQuote(MKT.spot)), flat(MKT.dividendYield), flat(MKT.rate),
      new Handle(new BlackConstantVol().bcvInit2(today, new NullCalendar(), new Handle(new SimpleQuote(MKT.vol)), dc)));
    const exercise = new EuropeanExercise(expiry);
    const call = () => new PlainVanillaPayoff(Option.Type.Call, MKT.strike);
    const result = (opt, paths) => ({ price: opt.NPV(), standardError: opt.errorEstimate(), paths });
    qlMc = {
      european(paths, antithetic) {
        const opt = new VanillaOption(call(), exercise);
        opt.setPricingEngine(new MakeMCEuropeanEngine(new PseudoRandom()).mmceeInit(process).withSteps(1).withSamples(antithetic ? paths / 2 : paths)
          .withSeed(SEED).withAntitheticVariate(antithetic).f());
        return result(opt, paths);
      },
      asian(paths) {
        const fixings = Array.from({ length: 252 }, (_, k) => DateExt.add(today, k + 1));
        const opt = new DiscreteAveragingAsianOption(Average.Type.Arithmetic, 0, 0, fixings, call(), exercise);
        opt.setPricingEngine(new MakeMCDiscreteArithmeticAPEngine(new PseudoRandom()).init(process).withSamples(paths).withSeed(SEED).f());
        return result(opt, paths);
      },
    };
    // Heston: MCEuropeanHestonEngine exists, but on a multi-step grid quantlib.js 0.3.6 throws (its
    // MultiPathGenerator compares the generator's dimension, factors × steps, with the number of grid
    // points, steps + 1); one step runs but is not the 252-step workload. Recorded with the message.
    try {
      const hp = new HestonProcess(flat(MKT.rate), flat(MKT.dividendYield), new Handle(new SimpleQuote(HESTON.spot)), HESTON.v0, HESTON.kappa, HESTON.theta, HESTON.volOfVol, HESTON.rho);
      const opt = new VanillaOption(call(), exercise);
      opt.setPricingEngine(new MakeMCEuropeanHestonEngine(new PseudoRandom()).mmceheInit(hp).withSteps(252).withSamples(8).withSeed(SEED).f());
      opt.NPV();
      qlMcNotes.heston = '@quantlib/ql: MCEuropeanHestonEngine ran a 252-step probe (not timed here)';
    } catch (e) {
      qlMcNotes.heston = `@quantlib/ql: MCEuropeanHestonEngine with 252 steps throws "${String(e.message).replace(/\s+/g, ' ').slice(0, 140)}" (quantlib.js 0.3.6 MultiPathGenerator checks dimension = factors × steps against the grid size steps + 1; a port bug), so no row`;
    }
  } catch (e) {
    qlMc = null;
    qlMcNotes.setup = `@quantlib/ql Monte Carlo setup failed: ${e.message}`;
    log(qlMcNotes.setup);
  }
}

// ---------------------------------------------------------------- implementations per workload
// run(): returns { price, standardError?, prices? }; work: paths (or options) per call.
const workloads = [
  {
    id: 'euAnti', label: 'European call, 1 step, antithetic', unit: 'paths', exact: bsCall, exactLabel: 'Black–Scholes',
    impls: [
      { id: 'tg', label: 'tailguard monteCarlo (1 thread)', work: specs.euAnti.paths, run: () => tg.monteCarlo(specs.euAnti) },
      { id: 'tg2', label: 'tailguard pool.monteCarlo (2 workers)', work: specs.euAnti.paths, run: () => pool.monteCarlo(specs.euAnti) },
      { id: 'js', label: 'plain JS (xorshift128+ / Box–Muller)', work: specs.euAnti.paths, run: () => europeanMC({ ...MKT, paths: specs.euAnti.paths, seed: SEED, antithetic: true }) },
      qlMc && { id: 'ql', label: '@quantlib/ql (MCEuropeanEngine, PseudoRandom, antithetic)', work: even(N.qlEuropean), run: () => qlMc.european(even(N.qlEuropean), true) },
      OptionPricing && { id: 'op', label: 'option-pricing (mcs, always antithetic)', work: N.europeanOptionPricing, noSE: true, run: () => ({ price: opOption('european', 'call').price('mcs', { simulations: N.europeanOptionPricing, timeSteps: 1, prngName: 'sfc32', prngSeed: String(SEED) }) }) },
    ],
  },
  {
    id: 'euPlain', label: 'European call, 1 step, plain', unit: 'paths', exact: bsCall, exactLabel: 'Black–Scholes',
    impls: [
      { id: 'tg', label: 'tailguard monteCarlo (1 thread)', work: specs.euPlain.paths, run: () => tg.monteCarlo(specs.euPlain) },
      { id: 'tg2', label: 'tailguard pool.monteCarlo (2 workers)', work: specs.euPlain.paths, run: () => pool.monteCarlo(specs.euPlain) },
      { id: 'js', label: 'plain JS (xorshift128+ / Box–Muller)', work: specs.euPlain.paths, run: () => europeanMC({ ...MKT, paths: specs.euPlain.paths, seed: SEED }) },
      qlMc && { id: 'ql', label: '@quantlib/ql (MCEuropeanEngine, PseudoRandom)', work: N.qlEuropean, run: () => qlMc.european(N.qlEuropean, false) },
    ],
  },
  {
    id: 'asian', label: 'Arithmetic Asian call, 252 steps', unit: 'paths', steps: 252,
    impls: [
      { id: 'tg', label: 'tailguard monteCarlo (1 thread)', work: N.asian, run: () => tg.monteCarlo(specs.asian) },
      { id: 'tg2', label: 'tailguard pool.monteCarlo (2 workers)', work: N.asian, run: () => pool.monteCarlo(specs.asian) },
      { id: 'js', label: 'plain JS (xorshift128+ / Box–Muller)', work: N.asian, run: () => asianMC({ ...MKT, paths: N.asian, steps: 252, seed: SEED }) },
      qlMc && { id: 'ql', label: '@quantlib/ql (MCDiscreteArithmeticAPEngine, PseudoRandom)', work: N.qlAsian, run: () => qlMc.asian(N.qlAsian) },
    ],
  },
  {
    id: 'heston', label: 'Heston European call, 252 steps', unit: 'paths', steps: 252, exact: hestonExact, exactLabel: 'hestonPrice',
    impls: [
      { id: 'tg', label: 'tailguard monteCarlo (1 thread)', work: N.heston, run: () => tg.monteCarlo(specs.heston) },
      { id: 'tg2', label: 'tailguard pool.monteCarlo (2 workers)', work: N.heston, run: () => pool.monteCarlo(specs.heston) },
      { id: 'js', label: 'plain JS (full-truncation Euler)', work: N.heston, run: () => hestonMC({ ...HESTON, strike: MKT.strike, expiryYears: 1, paths: N.heston, steps: 252, seed: SEED }) },
    ],
  },
  {
    id: 'crr', label: `American put, CRR ${CRR_STEPS} steps`, unit: 'options', tree: true,
    impls: [
      { id: 'tgBatch', label: 'tailguard americanOptionBatch', work: N.crrOptions, run: () => ({ prices: tg.americanOptionBatch(crrBatchInput).price }) },
      { id: 'tg', label: 'tailguard americanOption (one call per option)', work: N.crrOptions, run: () => ({ prices: Float64Array.from(crrStrikes, (K) => tg.americanOption({ ...crrOne(K), method: 'crr' }).price) }) },
      { id: 'js', label: 'plain JS CRR (Float64Array)', work: N.crrOptions, run: () => ({ prices: Float64Array.from(crrStrikes, (K) => crrTree(crrOne(K))) }) },
      OptionPricing && { id: 'op', label: 'option-pricing (bt: CRR, node objects)', work: 2, subset: 2, run: () => ({ prices: Float64Array.from(crrStrikes.subarray(0, 2), (K) => opOption('american', 'put', K).price('bt', { timeSteps: CRR_STEPS })) }) },
      qlCrr && { id: 'ql', label: '@quantlib/ql (BinomialVanillaEngine, CoxRossRubinstein)', work: 2, subset: 2, run: () => ({ prices: Float64Array.from(crrStrikes.subarray(0, 2), (K) => qlCrr(K)) }) },
    ],
  },
].map((w) => ({ ...w, impls: w.impls.filter(Boolean) }));

const NOT_AVAILABLE = {
  euPlain: 'option-pricing: its MC is always antithetic',
  asian: 'option-pricing: no Asian',
  heston: `option-pricing: no Heston; ${qlMcNotes.heston ?? '@quantlib/ql: unavailable'}`,
};
if (qlMcNotes.setup) NOT_AVAILABLE.euAnti = qlMcNotes.setup;

// ---------------------------------------------------------------- 1. agreement
log(`tailguard Monte Carlo suite: ${rounds} rounds${quick ? ' (quick)' : ''}`);
log('\n1. agreement before timing');
const agreement = {};
const timeOnce = async (fn) => { const t0 = performance.now(); const r = await fn(); return { r, s: (performance.now() - t0) / 1e3 }; };
let fatal = false;
for (const w of workloads) {
  agreement[w.id] = {};
  const outs = {};
  for (const im of w.impls) outs[im.id] = (await timeOnce(im.run)).r; // doubles as the warm-up call
  const base = outs[w.impls[0].id];
  for (const im of w.impls) {
    const o = outs[im.id];
    let ok; let detail;
    if (w.tree) {
      const ref = base.prices.subarray(0, o.prices.length);
      let worst = 0;
      for (let i = 0; i < o.prices.length; i++) worst = Math.max(worst, Math.abs(o.prices[i] - ref[i]) / Math.abs(ref[i]));
      ok = worst <= 1e-9;
      detail = { worstRelDiff: worst, price0: o.prices[0] };
    } else {
      // option-pricing returns no SE: take tailguard's scaled to its path count.
      const se = im.noSE ? base.standardError * Math.sqrt(base.paths / im.work) : o.standardError;
      const z = (o.price - base.price) / Math.hypot(se, base.standardError);
      const zExact = Number.isFinite(w.exact) ? (o.price - w.exact) / se : NaN;
      ok = im.id === 'tg' || (im.id === 'tg2' ? o.price === base.price && o.standardError === base.standardError : Math.abs(z) <= 4);
      if (Number.isFinite(zExact) && Math.abs(zExact) > 4) ok = false;
      detail = { price: o.price, standardError: se, seEstimated: !!im.noSE, zVsTailguard: im.id === 'tg' ? 0 : z, zVsExact: zExact, bitIdentical: im.id === 'tg2' ? o.price === base.price && o.standardError === base.standardError : undefined };
    }
    agreement[w.id][im.id] = { ok, ...detail };
    if (!ok) fatal = true;
    log(`  ${w.id.padEnd(8)} ${im.label.padEnd(58)} ${ok ? 'ok  ' : 'FAIL'} ${JSON.stringify(detail)}`);
  }
}
if (fatal) log('  (disagreement above: timed anyway, flagged in the report)');

// ---------------------------------------------------------------- 2. timing
// Steady state: a second untimed call of tailguard's single thread and pool (the first, the agreement check,
// may run in V8's baseline WASM tier: a long kernel call is not replaced mid-run; the pool's workers share the
// module compiled once in createPool, each with its own instance).
for (const w of workloads) for (const im of w.impls) if (im.id === 'tg' || im.id === 'tg2') await im.run();
// The machine's own 2-thread scaling right now: a pure-JS loop on 1 and on 2 worker_threads (the same total
// work), best of 3. On a shared 2-core machine this is the ceiling of any pool ratio; the pool floors are only
// judged when it reaches the floor itself.
async function machineScaling() {
  const { Worker } = await import('node:worker_threads');
  const code = "const { parentPort } = require('node:worker_threads'); parentPort.on('message', (n) => { let s = 0; for (let i = 0; i < n; i++) s += Math.sqrt(i); parentPort.postMessage(s); });";
  const ws = [new Worker(code, { eval: true }), new Worker(code, { eval: true })];
  const run = (w, n) => new Promise((resolve) => { w.once('message', resolve); w.postMessage(n); });
  const n = quick ? 4e7 : 1e8;
  await Promise.all(ws.map((w) => run(w, n / 10)));
  let one = Infinity, two = Infinity;
  for (let r = 0; r < 3; r++) {
    let t = performance.now(); await run(ws[0], n); one = Math.min(one, performance.now() - t);
    t = performance.now(); await Promise.all(ws.map((w) => run(w, n / 2))); two = Math.min(two, performance.now() - t);
  }
  await Promise.all(ws.map((w) => w.terminate()));
  return one / two;
}
const scalingBefore = await machineScaling();
log(`\nmachine: 2 worker_threads vs 1 on a pure-JS loop: ${scalingBefore.toFixed(2)}×`);
log('\n2. timing (best of rounds)');
const timing = {};
for (const w of workloads) {
  timing[w.id] = {};
  for (let r = 0; r < rounds; r++) {
    const order = r % 2 === 0 ? w.impls : [...w.impls].reverse();
    for (const im of order) {
      const { s } = await timeOnce(im.run);
      const rate = im.work / s;
      const rec = timing[w.id][im.id] ?? { work: im.work, rounds: [] };
      rec.rounds.push(rate);
      if (!(rec.rate >= rate)) { rec.rate = rate; rec.seconds = s; }
      timing[w.id][im.id] = rec;
    }
  }
  for (const im of w.impls) {
    const t = timing[w.id][im.id];
    log(`  ${w.id.padEnd(8)} ${im.label.padEnd(58)} n=${String(im.work).padEnd(9)} ${formatRate(t.rate).padStart(9)} ${w.unit}/s  (rounds: ${t.rounds.map(formatRate).join(', ')})`);
  }
}
await pool.close();
const scalingAfter = await machineScaling();
const machineTwoThreads = Math.max(scalingBefore, scalingAfter);
log(`machine: 2 worker_threads vs 1 after timing: ${scalingAfter.toFixed(2)}×`);

// ---------------------------------------------------------------- 3. floors and report
const rate = (w, i) => timing[w]?.[i]?.rate ?? NaN;
const FLOORS = { europeanPerCore: 25e6, twoWorkersOverOne: 1.8, asianOverPlainJs: 2 };
// kind 'floor': issue #4 §7's floors (pass/fail); 'info': tracked ratios without a floor in the issue.
const floors = [
  { id: 'euAntiPerCore', kind: 'floor', text: 'European antithetic, 1 thread ≥ 25 M paths/s', value: rate('euAnti', 'tg'), floor: FLOORS.europeanPerCore, fmt: (x) => `${formatRate(x)} paths/s` },
  { id: 'euPlainPerCore', kind: 'floor', text: 'European plain, 1 thread ≥ 25 M paths/s', value: rate('euPlain', 'tg'), floor: FLOORS.europeanPerCore, fmt: (x) => `${formatRate(x)} paths/s` },
  ...['euAnti', 'euPlain', 'asian', 'heston'].map((w) => ({ id: `${w}Pool`, kind: 'floor', text: `${workloads.find((x) => x.id === w).label}: 2 workers ≥ 1.8× 1 thread`, value: rate(w, 'tg2') / rate(w, 'tg'), floor: FLOORS.twoWorkersOverOne, fmt: (x) => `${x.toFixed(2)}×` })),
  { id: 'asianOverJs', kind: 'floor', text: 'Arithmetic Asian 252 steps, tailguard 1 thread ≥ 2× plain JS', value: rate('asian', 'tg') / rate('asian', 'js'), floor: FLOORS.asianOverPlainJs, fmt: (x) => `${x.toFixed(2)}×` },
  { id: 'hestonOverJs', kind: 'info', text: 'Heston 252 steps, tailguard QE 1 thread vs plain-JS full-truncation Euler (no floor; was 1.07×)', value: rate('heston', 'tg') / rate('heston', 'js'), floor: 1, fmt: (x) => `${x.toFixed(2)}×` },
].map((f) => ({ ...f, met: f.value >= f.floor }))
  // a pool floor that fails while the machine itself cannot run 2 threads at ≥ 1.8× is not judged
  .map((f) => ({ ...f, inconclusive: f.id.endsWith('Pool') && !f.met && machineTwoThreads < FLOORS.twoWorkersOverOne }));
const verdict = (f) => (f.kind === 'info' ? 'INFO' : f.met ? 'PASS' : f.inconclusive ? 'INCONCLUSIVE' : 'FAIL');

const git = (...a) => { try { return execFileSync('git', a, { cwd: root, encoding: 'utf8' }).trim(); } catch { return null; } };
const cpus = os.cpus();
const machine = { cpuModel: cpus[0]?.model, cores: cpus.length, availableParallelism: os.availableParallelism?.(), node: process.version, platform: `${os.platform()} ${os.arch()}` };
const version = (p) => { try { return JSON.parse(readFileSync(join(root, 'node_modules', p, 'package.json'), 'utf8')).version; } catch { return null; } };
const json = {
  date: new Date().toISOString(), machine, gitHead: git('rev-parse', 'HEAD'), rounds, quick,
  harness: 'best-of-N: one untimed warm-up call (the agreement check) and a second one for tailguard (steady state), then per round one timed call per implementation, order reversed every other round; fastest round kept',
  packages: { 'option-pricing': version('option-pricing'), '@quantlib/ql': version('@quantlib/ql') },
  market: MKT, heston: HESTON, seed: SEED, crrSteps: CRR_STEPS, crrStrikes: Array.from(crrStrikes),
  workloads: workloads.map((w) => ({ id: w.id, label: w.label, unit: w.unit, exact: w.exact, exactLabel: w.exactLabel, notAvailable: NOT_AVAILABLE[w.id], impls: w.impls.map((im) => ({ id: im.id, label: im.label, work: im.work, ...timing[w.id][im.id], agreement: agreement[w.id][im.id] })) })),
  floors: floors.map(({ fmt, ...f }) => ({ ...f, verdict: verdict(f) })), machineTwoThreads: { before: scalingBefore, after: scalingAfter }, qlNote: qlNote || undefined, qlMcNotes,
  seconds: (Date.now() - started) / 1e3,
};
mkdirSync(join(root, 'bench/results'), { recursive: true });
writeFileSync(join(root, 'bench/results/mc.json'), JSON.stringify(json, null, 2) + '\n');

const L = [];
L.push('# tailguard Monte Carlo and lattice benchmark (issue #4 §7)', '');
L.push(`${json.date.slice(0, 10)} · ${machine.cpuModel}, ${machine.cores} cores (shared, noisy) · Node ${machine.node} · ${machine.platform} · HEAD ${String(json.gitHead).slice(0, 7)} · \`node bench/mc.js\` (${json.seconds.toFixed(0)} s)`, '');
L.push(`Harness: careful best-of-${rounds} (not benchmark.js — one call runs 0.1–3 s and the pool is async): an untimed warm-up call (the agreement check; tailguard single thread and pool get a second one, so the timed calls run warm code in warm workers), then ${rounds} rounds of one timed call per implementation, order reversed every other round, fastest round kept. Rates are paths/s (antithetic: both paths of a pair count) or options/s; "(n=…)" is the work per call. Market: S = K = 100, σ = 0.2, r = 0.05, q = 0.01, T = 1; Heston v0 = θ = 0.04, κ = 1.5, ξ = 0.5, ρ = −0.7. Absolute rates drift ±30% on this machine; ratios within a run are the claim.`, '');
const impLabels = [];
for (const w of workloads) for (const im of w.impls) if (!impLabels.includes(im.label)) impLabels.push(im.label);
L.push('| workload | implementation | n per call | rate | × plain JS | price ± SE (agreement) |', '|---|---|---|---|---|---|');
for (const w of workloads) {
  const js = rate(w.id, 'js');
  for (const im of w.impls) {
    const t = timing[w.id][im.id];
    const a = agreement[w.id][im.id];
    const r = t.rate;
    const pathSteps = w.steps ? ` (${formatRate(r * w.steps)} path-steps/s)` : '';
    let ag;
    if (w.tree) ag = `${a.price0.toFixed(10)} (K=${crrStrikes[0]}), worst rel. diff ${a.worstRelDiff.toExponential(1)} ${a.ok ? '✓' : '✗'}`;
    else ag = `${a.price.toFixed(4)} ± ${a.standardError.toFixed(4)}${a.seEstimated ? ' (SE scaled from tailguard)' : ''}; ${im.id === 'tg2' ? (a.bitIdentical ? 'bit-identical to 1 thread' : 'NOT bit-identical') : im.id === 'tg' ? '' : `z = ${a.zVsTailguard.toFixed(2)} vs tailguard`}${Number.isFinite(a.zVsExact) ? `${im.id === 'tg' ? '' : ', '}z = ${a.zVsExact.toFixed(2)} vs ${w.exactLabel} ${w.exact.toFixed(4)}` : ''} ${a.ok ? '✓' : '✗'}`;
    L.push(`| ${w.label} | ${im.label} | ${im.work.toLocaleString('en-US')} | ${formatRate(r)} ${w.unit}/s${pathSteps} | ${Number.isFinite(js) ? `${(r / js).toFixed(2)}×` : '—'} | ${ag} |`);
  }
}
L.push('');
L.push('Not available / not benchmarked:');
for (const [k, v] of Object.entries(NOT_AVAILABLE)) L.push(`- ${workloads.find((w) => w.id === k).label}: ${v}`);
if (qlMc) L.push(`- @quantlib/ql Monte Carlo rows use ${N.qlEuropean.toLocaleString('en-US')} European / ${N.qlAsian} Asian paths per call (it runs ~1.5 k European and ~17 Asian 252-step paths/s here); quantlib.js is a TypeScript re-implementation of QuantLib, not an emscripten build.`);
if (qlNote) L.push(`- ${qlNote}`);
L.push('- CRR on 2 workers: the pool exposes only `monteCarlo`, no lattice job.');
if (OptionPricing) L.push('- option-pricing MC ✗ is its bug, not noise: it discounts at r − q (`Math.exp(-mu * dt)`, mu = r − q, MonteCarloSimulation.js), i.e. its price is the true one × e^{qT} (9.8263 × e^{0.01} = 9.925); timed anyway.');
if (qlCrr) L.push('- @quantlib/ql CRR is not the same tree to 1e-9: QuantLib\'s `CoxRossRubinstein` takes the up-probability in log space (pu = ½ + ½·(r − q − σ²/2)Δt/Δx) instead of (e^{(r−q)Δt} − d)/(u − d), so it differs by ~3e-6 relative (✗ above is that model difference, not a bug); timed anyway.');
L.push('');
L.push('Agreement: Monte Carlo estimates within 4 combined standard errors of tailguard\'s single-thread estimate (independent streams) and, where a closed form exists, within 4 SE of it (Black–Scholes; `hestonPrice`); the pool must be bit-identical to the single thread; CRR prices within 1e-9 relative of `americanOptionBatch` (option-pricing and QuantLib on the first 2 strikes of the ladder 80…120). Plain JS: xorshift128+ with Box–Muller (no Math.random), log-Euler GBM steps, full-truncation Euler for Heston, CRR backward induction over one Float64Array with node prices precomputed (bench/mc/plainjs.js). tailguard Heston uses its own scheme (internal sub-steps), so its rate is per path of 252 output steps.', '');
L.push('## Floors (this run)', '');
L.push('| floor | this run | result |', '|---|---|---|');
for (const f of floors) L.push(`| ${f.text} | ${f.fmt(f.value)} | ${f.kind === 'info' ? 'info' : `**${verdict(f)}**`} |`);
L.push('', `Machine check: 2 worker_threads vs 1 on a pure-JS loop gave ${scalingBefore.toFixed(2)}× before and ${scalingAfter.toFixed(2)}× after the timing. That is the ceiling of any pool ratio on this shared 2-core machine; a pool floor that fails while this stays below 1.8× is INCONCLUSIVE (the cores were busy), not a verdict. Pool ratios are best pool round over best single-thread round.`, '');
writeFileSync(join(root, 'bench/results/mc.md'), L.join('\n'));
log(`\nwrote bench/results/mc.json, bench/results/mc.md (${json.seconds.toFixed(0)} s)`);
log('\nfloors (issue #4 §7):');
for (const f of floors) log(`  ${verdict(f).padEnd(12)} ${f.text}: ${f.fmt(f.value)}`);
log(`  (machine: 2 threads vs 1 on a pure-JS loop ${scalingBefore.toFixed(2)}× before, ${scalingAfter.toFixed(2)}× after)`);
process.exit(0);
