// bench/results/latest.json (everything measured, with the machine) and bench/results/latest.md
// (the tables for the README).
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import os from 'node:os';
import { MAIN_DOMAIN } from './inputs.js';
import { WORKLOADS } from './peers/index.js';
import { formatRate } from './timing.js';
import { TINY } from './accuracy.js';

/** PERFORMANCE.md: native C (gcc -O3 -march=native), BSM price + 5 Greeks, 1M options SoA: 9.7–10.4 M/s. */
export const NATIVE_C_FIRST_ORDER = 10e6;
export const FLOORS = { firstOverFastestPeer: 2, ivOverNewtonBisection: 10 };

const PACKAGES = ['benchmark', 'black-scholes', 'greeks', 'implied-volatility', '@uqee/black-scholes', 'option-pricing', '@quantlib/ql'];

function versions(root) {
  const v = {};
  for (const p of PACKAGES) {
    try { v[p] = JSON.parse(readFileSync(join(root, 'node_modules', p, 'package.json'), 'utf8')).version; } catch { v[p] = null; }
  }
  return v;
}

function buildInfo(root) {
  const wasm = readFileSync(join(root, 'dist/wasm/tailguard.wasm'));
  const git = (...a) => { try { return execFileSync('git', a, { cwd: root, encoding: 'utf8' }).trim(); } catch { return null; } };
  return {
    wasmBytes: wasm.length,
    wasmSha256: createHash('sha256').update(wasm).digest('hex'),
    gitHead: git('rev-parse', 'HEAD'),
    uncommitted: (git('status', '--porcelain', '--', 'assembly', 'src') ?? '').split('\n').filter(Boolean),
  };
}

/** Rate of adapter `id` for workload w at requested n, following `sameCall` aliases. */
function rateOf(timing, adapter, w, n) {
  const src = adapter.sameCall?.[w] ?? w;
  return timing[src]?.[n]?.[adapter.id];
}

const exp = (x, digits = 1) => (x === undefined || x === null ? '—' : !Number.isFinite(x) ? String(x) : x === 0 ? '0' : x.toExponential(digits));

function errCell(m, { failures = false } = {}) {
  if (!m) return '—';
  const tail = m.nan ? ` (${failures ? 'fails' : 'NaN'} ${m.nan}/${m.count})` : '';
  return `${exp(m.value)}${tail}`;
}

export function writeReport({ root, adapters, nList, rounds, timing, accuracy, agreement, referenceMeta, qlEngine, seconds }) {
  const nMax = nList[nList.length - 1];
  const peers = adapters.filter((a) => a.kind === 'peer');
  const fastestPeer = {};
  for (const w of Object.keys(WORKLOADS)) {
    let best = null;
    for (const p of peers) {
      const r = rateOf(timing, p, w, nMax);
      if (r && (!best || r.optionsPerSecond > best.rate)) best = { id: p.id, rate: r.optionsPerSecond };
    }
    fastestPeer[w] = best;
  }
  const baselines = adapters.filter((a) => a.id === 'newton-bisection' || a.id === 'reference')
    .map((a) => ({ id: a.id, rate: rateOf(timing, a, 'iv', nMax)?.optionsPerSecond ?? 0 }))
    .sort((x, y) => y.rate - x.rate);
  const ivBaseline = baselines[0];
  const tgFirst = timing.first[nMax].tailguard.optionsPerSecond;
  const tgAll = timing.all[nMax].tailguard.optionsPerSecond;
  const tgIv = timing.iv[nMax].tailguard.optionsPerSecond;
  const floors = {
    firstOrder: {
      tailguard: tgFirst, fastestPeer: fastestPeer.first, ratio: tgFirst / fastestPeer.first.rate,
      floor: FLOORS.firstOverFastestPeer, met: tgFirst / fastestPeer.first.rate >= FLOORS.firstOverFastestPeer,
    },
    impliedVol: {
      tailguard: tgIv, baseline: ivBaseline, ratio: tgIv / ivBaseline.rate, floor: FLOORS.ivOverNewtonBisection,
      met: tgIv / ivBaseline.rate >= FLOORS.ivOverNewtonBisection,
    },
    allGreeks: { tailguard: tgAll },
    nativeC: { firstOrderReference: NATIVE_C_FIRST_ORDER, ratio: tgFirst / NATIVE_C_FIRST_ORDER, source: 'PERFORMANCE.md: 9.7–10.4 M options/s' },
  };

  const cpus = os.cpus();
  const json = {
    suite: 'tailguard-vs-peers',
    date: new Date().toISOString(),
    machine: { cpuModel: cpus[0]?.model, cores: cpus.length, node: process.version, platform: `${os.platform()} ${os.arch()}`, totalMemoryGiB: +(os.totalmem() / 2 ** 30).toFixed(1) },
    build: buildInfo(root),
    packages: versions(root),
    config: {
      nList, rounds, inputs: MAIN_DOMAIN,
      ivInputs: 'the same options on their out-of-the-money side, priced by tailguard (agreement) / mpmath (accuracy)',
      noDividendPeers: 'compared on the same options with dividend yield 0',
      timing: 'benchmark.js; per (workload, n) group all implementations in one suite, repeated with alternating order; rate = n / median sample time, best round kept',
      runSeconds: seconds,
    },
    floors,
    fastestPeer,
    implementations: adapters.map((a) => ({ id: a.id, label: a.label, kind: a.kind, dividendYield: a.dividends, workloads: Object.keys(a.workloads), sameCall: a.sameCall ?? {} })),
    timing,
    accuracy: { reference: referenceMeta, results: accuracy },
    agreement,
    quantlibEngine: qlEngine,
  };
  mkdirSync(join(root, 'bench/results'), { recursive: true });
  writeFileSync(join(root, 'bench/results/latest.json'), `${JSON.stringify(json, null, 2)}\n`);

  // ---------------------------------------------------------------- markdown
  const nLabel = (n) => (n >= 1e3 ? `1e${Math.round(Math.log10(n))}` : String(n));
  const rateCell = (a, w, n) => {
    const r = rateOf(timing, a, w, n);
    if (!r) return '—';
    const mark = a.sameCall?.[w] ? '†' : '';
    return `${formatRate(r.optionsPerSecond)}${mark}${r.n !== n ? ` (n=${nLabel(r.n)})` : ''}`;
  };
  const L = [];
  L.push(`# tailguard benchmark: options/s and accuracy beside the npm peers`, '');
  L.push(`${json.date.slice(0, 10)} · ${json.machine.cpuModel}, ${json.machine.cores} cores (shared, noisy) · Node ${json.machine.node} · wasm ${json.build.wasmBytes} B sha256 ${json.build.wasmSha256.slice(0, 12)}… (HEAD ${String(json.build.gitHead).slice(0, 7)}${json.build.uncommitted.length ? ` + ${json.build.uncommitted.length} uncommitted files in src/assembly` : ''})`, '');
  L.push(`Options per second at n = ${nLabel(nMax)} per call (batch of n options; "(n=…)" where a slow implementation was timed on a smaller batch), interleaved in one run (${rounds} rounds, median call time per round, best round kept): ratios are the claim, absolute rates drift ±30% on this machine. Errors are worst cases against 50-digit mpmath values on ${referenceMeta ? 'the committed sample' : '—'} (see below).`, '');
  L.push('| implementation | q | price only | price + 5 Greeks | × fastest peer (5 Greeks) | price + 9 Greeks | implied vol | IV × JS Newton–bisection | worst price error | worst Greek error | worst IV error | deep OTM: price / IV error |');
  L.push('|---|---|---|---|---|---|---|---|---|---|---|---|');
  for (const a of adapters) {
    const acc = accuracy[a.id];
    const first = rateOf(timing, a, 'first', nMax);
    const iv = rateOf(timing, a, 'iv', nMax);
    const ratioFirst = first && fastestPeer.first ? `${(first.optionsPerSecond / fastestPeer.first.rate).toFixed(2)}×` : '—';
    const ratioIv = iv ? `${(iv.optionsPerSecond / ivBaseline.rate).toFixed(iv.optionsPerSecond / ivBaseline.rate < 1 ? 3 : 1)}×` : '—';
    const deep = acc.deepOtmPrice || acc.deepOtmIv ? `${errCell(acc.deepOtmPrice)} / ${errCell(acc.deepOtmIv, { failures: true })}` : '—';
    L.push(`| ${a.label} | ${a.dividends ? 'yes' : 'q=0'} | ${rateCell(a, 'price', nMax)} | ${rateCell(a, 'first', nMax)} | ${ratioFirst} | ${rateCell(a, 'all', nMax)} | ${rateCell(a, 'iv', nMax)} | ${ratioIv} | ${errCell(acc.price)} | ${errCell(acc.greeks)} | ${errCell(acc.iv, { failures: true })} | ${deep} |`);
  }
  L.push('');
  L.push('The diagnostic row calls the kernels through their raw exports on columns already in linear memory (not the public API): the gap to the batch row is the facade copying columns in and out.');
  L.push('† the same call as the richer workload (the scalar API and the reference always compute all nine values; `@uqee/black-scholes` has no price-only call): timed once.');
  L.push(`Price and Greek errors: relative, or absolute in units of ${TINY} × the natural scale (spot for prices) where the value is smaller than that, over the main sample (2,000 of the timing options) and 300 short-expiry options (1 minute – 1 day); Greeks: delta, gamma, vega, theta, rho. IV: relative error against the exact implied vol of the (double) input price, on the out-of-the-money side; "fails" counts NaN, 0, negative or thrown results. Deep OTM: 300 options 6–25 standard deviations out of the money (prices 1e-9 … 1e-137 of the spot), plain relative errors. "q=0": no dividend-yield support, compared on the same options with q = 0.`, '');

  L.push('## Floors (this run)', '');
  L.push(`- price + 5 Greeks: tailguard ${formatRate(tgFirst)}/s vs fastest peer ${fastestPeer.first.id} ${formatRate(fastestPeer.first.rate)}/s → **${floors.firstOrder.ratio.toFixed(2)}×** (floor ${FLOORS.firstOverFastestPeer}×: ${floors.firstOrder.met ? 'met' : 'NOT met'})`);
  L.push(`- implied vol: tailguard ${formatRate(tgIv)}/s vs plain JS Newton–bisection (${ivBaseline.id}, the faster of the two) ${formatRate(ivBaseline.rate)}/s → **${floors.impliedVol.ratio.toFixed(1)}×** (floor ${FLOORS.ivOverNewtonBisection}×: ${floors.impliedVol.met ? 'met' : 'NOT met'})`);
  L.push(`- all nine Greeks: tailguard ${formatRate(tgAll)}/s; price + 5 Greeks is ${floors.nativeC.ratio.toFixed(2)}× the native C figure of PERFORMANCE.md (~10 M options/s, gcc -O3, another run)`, '');

  L.push('## Options/s by batch size', '');
  const ws = Object.keys(WORKLOADS);
  L.push(`| implementation | ${ws.flatMap((w) => nList.map((n) => `${WORKLOADS[w]}, n=${nLabel(n)}`)).join(' | ')} |`);
  L.push(`|---|${ws.flatMap(() => nList.map(() => '---')).join('|')}|`);
  for (const a of adapters) L.push(`| ${a.label} | ${ws.flatMap((w) => nList.map((n) => rateCell(a, w, n))).join(' | ')} |`);
  L.push('', 'n = 1 is one call for one option: it measures per-call overhead (validation, copying into linear memory).', '');

  L.push('## Accuracy detail', '');
  L.push('| implementation | price (rel./abs.) | price, plain relative | deep OTM price | Greeks (worst one) | vanna, volga, charm | IV | deep OTM IV |');
  L.push('|---|---|---|---|---|---|---|---|');
  for (const a of adapters) {
    const r = accuracy[a.id];
    const worstGreek = r.greeks?.at ? ` (${r.greeks.at.greek}, ${r.greeks.at.set})` : '';
    L.push(`| ${a.label} | ${errCell(r.price)} | ${errCell(r.priceRelOnly)} | ${errCell(r.deepOtmPrice)} | ${errCell(r.greeks)}${worstGreek} | ${errCell(r.secondOrder)} | ${errCell(r.iv, { failures: true })} | ${errCell(r.deepOtmIv, { failures: true })} |`);
  }
  L.push('');
  L.push(`Reference values: \`bench/accuracy/mpmath_reference.py\` (mpmath ${referenceMeta.mpmath.replace(/^mpmath /, '')}, ${referenceMeta.dps} digits) → \`bench/accuracy/mpmath-reference.json\`, inputs from \`bench/accuracy/sample.js\`.`, '');

  L.push('## Notes', '');
  L.push(`- QuantLib: \`AnalyticEuropeanEngine\` with its object graph (quotes, flat curves, process, date-based exercise, so expiries are whole days) runs at ${formatRate(qlEngine.optionsPerSecond)} options/s (price + 5 Greeks, ${qlEngine.options} options; same value as \`BlackScholesCalculator\` to ${exp(qlEngine.maxRelDiffFromCalculator)} relative); the table uses the engine's kernels (\`BlackScholesCalculator\`, \`blackFormula\`, \`blackFormulaImpliedStdDev\`) directly.`);
  const kernelFirst = timing.first[nMax]['tailguard-kernel'];
  if (kernelFirst) {
    L.push(`- tailguard's facade vs its kernel (price + 5 Greeks, n = ${nLabel(nMax)}): ${formatRate(tgFirst)} vs ${formatRate(kernelFirst.optionsPerSecond)} options/s — the facade copies 5 input columns in and slices 6 result columns out per call (${(tgFirst / kernelFirst.optionsPerSecond).toFixed(2)}× of the kernel's rate).`);
  }
  const flagged = [];
  for (const [id, ws2] of Object.entries(agreement)) {
    for (const [w, s] of Object.entries(ws2)) if (s.flagged?.length) flagged.push(`${id} ${w}: ${s.flagged.join(', ')}`);
  }
  L.push(`- Agreement before timing (peer vs tailguard within ${'1e-5'} of the natural scale on ≥ 99% of options): ${flagged.length ? `flagged ${flagged.join('; ')}` : 'no peer flagged'}.`);
  L.push('', '### Peer conventions and oddities', '');
  for (const a of adapters) if (a.notes) L.push(`- **${a.label}**: ${a.notes}`);
  L.push('');
  L.push(`- Full run: ${seconds.toFixed(0)} s. Raw numbers, per-round rates and the worst-case options: \`bench/results/latest.json\`.`);
  writeFileSync(join(root, 'bench/results/latest.md'), `${L.join('\n')}\n`);

  const summary = [
    `price + 5 Greeks: tailguard ${formatRate(tgFirst)}/s = ${floors.firstOrder.ratio.toFixed(2)}× fastest peer (${fastestPeer.first.id}) [floor 2×: ${floors.firstOrder.met ? 'met' : 'NOT met'}]`,
    `implied vol: tailguard ${formatRate(tgIv)}/s = ${floors.impliedVol.ratio.toFixed(1)}× JS Newton–bisection (${ivBaseline.id}) [floor 10×: ${floors.impliedVol.met ? 'met' : 'NOT met'}]`,
    `all nine Greeks: ${formatRate(tgAll)}/s; price + 5 Greeks = ${floors.nativeC.ratio.toFixed(2)}× native C (~10 M/s, PERFORMANCE.md)`,
  ].join('\n');
  return { summary };
}
