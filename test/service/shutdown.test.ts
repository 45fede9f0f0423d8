/**
 * Graceful shutdown of the node-service example: on SIGTERM (or SIGINT) the in-flight request completes with
 * its full, correct answer, new connections are refused, the pool closes and the process exits 0; past
 * SHUTDOWN_TIMEOUT_MS the rest is dropped and it exits 1.
 */
import { describe, expect, it } from 'vitest';
import { init, monteCarlo } from '../../dist/index.js';
import { asJson, get, post, spawnServer, type Server } from './client.js';

const spec = {
  model: { type: 'gbm', spot: 100, vol: 0.25, rate: 0.03 },
  payoff: { type: 'asian', average: 'arithmetic', optionType: 'call', strike: 100, fixings: 52 },
  expiryYears: 1, paths: 400_000, seed: 11,
} as const;

/** Resolves once the server reports a Monte Carlo job in flight. */
async function waitForJob(server: Server): Promise<void> {
  for (let i = 0; i < 400; i++) {
    const h = await get(`${server.url}/healthz`);
    if (h.json.monteCarloInFlight >= 1) return;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error('the job never showed up in /healthz');
}

describe('graceful shutdown', () => {
  it.each(['SIGTERM', 'SIGINT'] as const)('%s: the in-flight job completes, then the process exits 0', async (signal) => {
    await init();
    const server = await spawnServer({ WORKERS: '1', MC_MAX_PATHS: '2000000' });
    const pending = post(`${server.url}/v1/monte-carlo`, spec);
    await waitForJob(server);
    server.child.kill(signal);
    const r = await pending;
    expect(r.status).toBe(200);
    expect(r.headers.get('connection')).toBe('close');
    expect(r.json.result).toStrictEqual(asJson(await monteCarlo(spec)));
    const { code } = await server.exited;
    expect(code).toBe(0);
    expect(server.stdout()).toMatch(/"event":"stopped","forced":false/);
    await expect(fetch(`${server.url}/healthz`)).rejects.toThrow(); // nobody listens any more
  });

  it('past SHUTDOWN_TIMEOUT_MS the job is dropped and the process exits 1', async () => {
    const server = await spawnServer({ WORKERS: '1', SHUTDOWN_TIMEOUT_MS: '50', MC_MAX_PATHS: '100000000', MC_TIME_LIMIT_MS: '60000' });
    const pending = post(`${server.url}/v1/monte-carlo`, { ...spec, paths: 100_000_000 }).then(() => 'answered', () => 'dropped');
    await waitForJob(server);
    server.child.kill('SIGTERM');
    const { code } = await server.exited;
    expect(code).toBe(1);
    expect(server.stdout()).toMatch(/"event":"stopped","forced":true/);
    expect(await pending).toBe('dropped');
  });
});
