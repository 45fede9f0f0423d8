// Timing with benchmark.js, interleaved: every implementation of one (workload, n) group is timed in
// one Suite, the group is repeated `rounds` times with the order reversed on every other round; a
// round's rate comes from the median of benchmark.js's samples (robust to the spikes other processes
// cause on the 2 shared cores), and each implementation keeps its best round (interference only ever
// slows a round down). Ratios are taken between implementations of the same run.
import Benchmark from 'benchmark';

/** benchmark.js options per batch size: short windows for small calls, few samples for big ones. */
export function optionsFor(n) {
  if (n <= 1) return { maxTime: 0.4, minSamples: 5 };
  if (n <= 1e4) return { maxTime: 0.5, minSamples: 5 };
  return { maxTime: 1, minSamples: 5 };
}

/**
 * @param entries `[{ key, n, fn }]`: `fn()` processes n options.
 * @returns Map key → { n, optionsPerSecond, meanSeconds, rmePercent, samples, rounds: [options/s …] }.
 */
export function timeGroup(entries, { rounds = 2, log = () => {} } = {}) {
  const results = new Map();
  for (let r = 0; r < rounds; r++) {
    const order = r % 2 === 0 ? entries : [...entries].reverse();
    const suite = new Benchmark.Suite();
    for (const e of order) suite.add(e.key, e.fn, { ...optionsFor(e.n), delay: 0 });
    suite.on('cycle', (ev) => {
      const t = ev.target;
      const e = entries.find((x) => x.key === t.name);
      if (t.error) throw new Error(`${t.name}: ${t.error.message ?? t.error}`);
      const sorted = [...t.stats.sample].sort((x, y) => x - y);
      const median = sorted[sorted.length >> 1] ?? t.stats.mean;
      const rate = e.n / median;
      const prev = results.get(t.name);
      const rec = prev ?? { n: e.n, rounds: [] };
      rec.rounds.push(rate);
      if (!prev || rate > prev.optionsPerSecond) {
        Object.assign(rec, { optionsPerSecond: rate, medianSeconds: median, meanSeconds: t.stats.mean, rmePercent: t.stats.rme, samples: t.stats.sample.length });
      }
      results.set(t.name, rec);
      log(`  ${t.name.padEnd(44)} n=${String(e.n).padEnd(8)} ${formatRate(rate).padStart(12)} options/s  ±${t.stats.rme.toFixed(1)}% (${t.stats.sample.length} samples)`);
    });
    suite.run({ async: false });
  }
  return results;
}

export function formatRate(x) {
  if (!Number.isFinite(x)) return '—';
  if (x >= 1e6) return `${(x / 1e6).toFixed(x >= 1e7 ? 1 : 2)} M`;
  if (x >= 1e3) return `${(x / 1e3).toFixed(x >= 1e4 ? 0 : 1)} k`;
  return x.toFixed(x >= 100 ? 0 : 1);
}
