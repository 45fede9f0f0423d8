#!/usr/bin/env node
/**
 * Load test (`npm run service:load`): starts the service, drives a pricing endpoint and a Monte Carlo
 * endpoint with autocannon on loopback, prints sustained requests/s and p50/p99 latency, and writes
 * bench/results/service.json and service.md.
 *
 * Environment: LOAD_SECONDS (per scenario, default 10), LOAD_CONNECTIONS (default 10), WORKERS (the
 * service's pool, default: all cores), MC_PATHS (paths per Monte Carlo request, default 100000).
 * The client and the server share the machine's cores: the figures are a floor for a separate client.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import autocannon from 'autocannon';
import { spawnServer } from './spawn.js';

const seconds = Number(process.env.LOAD_SECONDS ?? 10);
const connections = Number(process.env.LOAD_CONNECTIONS ?? 10);
const mcPaths = Number(process.env.MC_PATHS ?? 100_000);

/** The scenarios: fixed requests (the same body every time, so every response is identical). */
const scenarios = [
  {
    name: 'price: one BSM option (POST /v1/price)',
    path: '/v1/price',
    body: { model: 'bsm', type: 'put', spot: 88_000, strike: 80_000, expiryYears: 30 / 365, vol: 0.44, rate: 0.03 },
  },
  {
    name: `monte-carlo: European GBM, ${mcPaths} antithetic paths (POST /v1/monte-carlo)`,
    path: '/v1/monte-carlo',
    body: {
      model: { type: 'gbm', spot: 100, vol: 0.25, rate: 0.03 }, payoff: { type: 'european', optionType: 'call', strike: 100 },
      expiryYears: 1, paths: mcPaths, seed: 7, antithetic: true,
    },
  },
];

const server = await spawnServer(process.env.WORKERS ? { WORKERS: process.env.WORKERS } : {});
const results = [];
try {
  for (const s of scenarios) {
    const r = await autocannon({
      url: server.url + s.path, method: 'POST', connections, duration: seconds,
      headers: { 'content-type': 'application/json' }, body: JSON.stringify(s.body),
    });
    const row = {
      name: s.name, path: s.path, seconds, connections,
      requests: r.requests.total, requestsPerSecond: r.requests.average,
      latencyMs: { p50: r.latency.p50, p90: r.latency.p90, p99: r.latency.p99, max: r.latency.max, mean: r.latency.mean },
      non2xx: r.non2xx, errors: r.errors, timeouts: r.timeouts,
    };
    results.push(row);
    process.stdout.write(`${row.name}: ${row.requestsPerSecond.toFixed(1)} req/s, p50 ${row.latencyMs.p50} ms, p99 ${row.latencyMs.p99} ms (${row.requests} requests, ${row.non2xx} non-2xx, ${row.errors} errors)\n`);
  }
} finally {
  await server.stop('SIGTERM');
}

const meta = {
  date: new Date().toISOString(), node: process.version, cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? '',
  workers: server.workers, seconds, connections, mcPaths,
  note: 'autocannon and the service on the same machine (loopback); figures are a floor',
};
const dir = new URL('../../bench/results/', import.meta.url);
mkdirSync(dir, { recursive: true });
writeFileSync(new URL('service.json', dir), `${JSON.stringify({ ...meta, results }, null, 2)}\n`);
const md = [
  `# Service load test (${meta.date})`,
  '',
  `Node ${meta.node}, ${meta.cpus} cores (${meta.cpuModel}), service pool of ${meta.workers} worker(s); autocannon, ${connections} connections, ${seconds} s per scenario, loopback, client on the same machine.`,
  '',
  '| scenario | req/s | p50 ms | p99 ms | max ms | requests | non-2xx | errors |',
  '|---|---|---|---|---|---|---|---|',
  ...results.map((r) => `| ${r.name} | ${r.requestsPerSecond.toFixed(1)} | ${r.latencyMs.p50} | ${r.latencyMs.p99} | ${r.latencyMs.max} | ${r.requests} | ${r.non2xx} | ${r.errors} |`),
  '',
].join('\n');
writeFileSync(new URL('service.md', dir), md);
process.stdout.write(`wrote bench/results/service.json and service.md\n`);
if (results.some((r) => r.non2xx > 0 || r.errors > 0)) process.exitCode = 1;
