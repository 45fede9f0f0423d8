/**
 * An unexpected error (not a tailguard error) in a handler: 500 INTERNAL with a request id and nothing of the
 * error (message, stack, paths) in the response; the full error is logged to stderr under the same id; the
 * service goes on answering.
 */
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { get, post, spawnServer } from './client.js';

it('500 without a leak, logged with its request id; the service keeps answering', async () => {
  const server = await spawnServer({ WORKERS: '1' }, { entry: fileURLToPath(new URL('./faultyServer.mjs', import.meta.url)) });
  try {
    const r = await post(`${server.url}/v1/monte-carlo`, {
      model: { type: 'gbm', spot: 100, vol: 0.2 }, payoff: { type: 'european', optionType: 'call', strike: 100 }, expiryYears: 1, paths: 1000, seed: 1,
    });
    expect(r.status).toBe(500);
    expect(r.json.error).toStrictEqual({ code: 'INTERNAL', message: 'internal error', requestId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    expect(r.text).not.toMatch(/secret|path\.js|TypeError/);
    await new Promise((resolve) => setTimeout(resolve, 100)); // let stderr arrive
    expect(server.stderr()).toContain(r.json.error.requestId);
    expect(server.stderr()).toContain('secret-token-42');
    const price = await post(`${server.url}/v1/price`, { model: 'bsm', type: 'call', spot: 100, strike: 100, expiryYears: 1, vol: 0.2 });
    expect(price.status).toBe(200);
    expect((await get(`${server.url}/healthz`)).status).toBe(200);
  } finally {
    expect((await server.stop()).code).toBe(0);
  }
});
