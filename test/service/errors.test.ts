/**
 * Every error class of the node-service example: typed bodies `{ error: { code, message, field?, value? } }`
 * that name the offending field, the right status, and no stack trace in any response.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { get, post, rawPost, spawnServer, type Server } from './client.js';

let server: Server;
const LIMIT = 65_536;
beforeAll(async () => {
  server = await spawnServer({ WORKERS: '1', MAX_BODY_BYTES: String(LIMIT), MC_MAX_PATHS: '1000000', MC_TIME_LIMIT_MS: '5000', MC_MAX_QUEUE: '1' });
});
afterAll(async () => {
  const { code } = await server.stop();
  expect(code).toBe(0);
  expect(server.stderr()).toBe(''); // no 500 was logged
});

const bsm = { model: 'bsm', type: 'call', spot: 100, strike: 100, expiryYears: 1, vol: 0.2 };
const mc = {
  model: { type: 'gbm', spot: 100, vol: 0.25 }, payoff: { type: 'european', optionType: 'call', strike: 100 }, expiryYears: 1, paths: 10_000, seed: 1,
};

function expectError(r: { status: number; json: any; text: string }, status: number, code: string, field?: string): void {
  expect(r.status).toBe(status);
  expect(r.json?.error?.code).toBe(code);
  expect(typeof r.json.error.message).toBe('string');
  if (field !== undefined) expect(r.json.error.field).toBe(field);
  expect(r.text).not.toMatch(/\n\s+at |\.js:\d+|\.ts:\d+/); // no stack trace
}

describe('400: schema errors name the field and the value', () => {
  it('a missing field', async () => {
    const { strike: _s, ...body } = bsm;
    expectError(await post(`${server.url}/v1/price`, body), 400, 'INVALID_INPUT', 'strike');
  });
  it.each([['"NaN"', 'NaN'], ['"Infinity"', 'Infinity'], ['"-Infinity"', '-Infinity'], ['"1e999"', '1e999']])('a NaN-like string %s', async (_, text) => {
    const r = await post(`${server.url}/v1/price`, { ...bsm, vol: text });
    expectError(r, 400, 'INVALID_INPUT', 'vol');
    expect(r.json.error.value).toBe(text);
  });
  it('a bare 1e999 (JSON.parse gives Infinity) is refused as not finite', async () => {
    const r = await post(`${server.url}/v1/price`, JSON.stringify(bsm).replace('"spot":100', '"spot":1e999'));
    expectError(r, 400, 'INVALID_INPUT', 'spot');
    expect(r.json.error.value).toBe('Infinity');
  });
  it('a nested field in a batch column', async () => {
    const r = await post(`${server.url}/v1/price`, { model: 'bsm', batch: { isCall: [1, 1], spots: [100, 'x'], strikes: [1, 2], expiriesYears: [1, 1], vols: [0.2, 0.2] } });
    expectError(r, 400, 'INVALID_INPUT', 'batch.spots[1]');
    expect(r.json.error.value).toBe('x');
  });
  it('an unknown field', async () => {
    expectError(await post(`${server.url}/v1/price`, { ...bsm, volatility: 0.2 }), 400, 'INVALID_INPUT', 'volatility');
  });
  it('an unknown model', async () => {
    const r = await post(`${server.url}/v1/price`, { ...bsm, model: 'heston' });
    expectError(r, 400, 'INVALID_INPUT', 'model');
    expect(r.json.error.value).toBe('heston');
  });
  it('a body that is not an object', async () => {
    expectError(await post(`${server.url}/v1/price`, '[1,2]'), 400, 'INVALID_INPUT');
    expectError(await post(`${server.url}/v1/cascade`, 'null'), 400, 'INVALID_INPUT');
  });
  it('a portfolio position deep in the body', async () => {
    const r = await post(`${server.url}/v1/portfolio-risk`, { positions: [{ kind: 'spot', underlying: 'ETH', quantity: 1 }, { kind: 'option', underlying: 'ETH', type: 'put', strike: 'high', expiryYears: 1, quantity: 1 }], market: { ETH: { spot: 2000, vol: 0.6 } } });
    expectError(r, 400, 'INVALID_INPUT', 'positions[1].strike');
  });
  it('an underlying named like a prototype property', async () => {
    const r = await post(`${server.url}/v1/portfolio-risk`, '{"positions":[{"kind":"spot","underlying":"__proto__","quantity":1}],"market":{"__proto__":{"spot":1}}}');
    expectError(r, 400, 'INVALID_INPUT');
  });
});

describe('400: the SDK\'s InvalidInputError, field located in the request', () => {
  it('scalar: strike -5', async () => {
    const r = await post(`${server.url}/v1/price`, { ...bsm, strike: -5 });
    expectError(r, 400, 'INVALID_INPUT', 'strike');
    expect(r.json.error.value).toBe(-5);
    expect(r.json.error.message).toContain('strike (-5)');
  });
  it('batch: unequal columns name the column under batch.', async () => {
    const r = await post(`${server.url}/v1/price`, { model: 'bsm', batch: { isCall: [1, 1], spots: [100], strikes: [1, 2], expiriesYears: [1, 1], vols: [0.2, 0.2] } });
    expect(r.status).toBe(400);
    expect(r.json.error.field).toMatch(/^batch\./);
  });
  it('Monte Carlo: a dotted spec field', async () => {
    const r = await post(`${server.url}/v1/monte-carlo`, { ...mc, model: { ...mc.model, vol: -0.2 } });
    expectError(r, 400, 'INVALID_INPUT', 'model.vol');
  });
  it('cascade: a bad venue', async () => {
    const r = await post(`${server.url}/v1/cascade`, { book: { collateral: [1], debt: [1000], liquidationThreshold: 0.8, liquidationBonus: 0.05 }, venue: { type: 'constantProduct', reserveRisky: -1, reserveStable: 1 }, shock: { drop: 0.1 } });
    expect(r.status).toBe(400);
    expect(r.json.error.field).toMatch(/^venue\./);
  });
  it('portfolio: a scenario-grid shock out of range is located under scenarioGrid.', async () => {
    const r = await post(`${server.url}/v1/portfolio-risk`, { positions: [{ kind: 'spot', underlying: 'ETH', quantity: 1 }], market: { ETH: { spot: 2000 } }, scenarioGrid: { spotShocks: [-2] } });
    expect(r.status).toBe(400);
    expect(r.json.error.field).toMatch(/^scenarioGrid\.spotShocks/);
  });
});

describe('Monte Carlo path counts and the time limit', () => {
  it.each([[-5], [0], [1e12], [1_000_001], [1.5]])('paths %s → 400 naming paths', async (paths) => {
    const r = await post(`${server.url}/v1/monte-carlo`, { ...mc, paths });
    expectError(r, 400, 'INVALID_INPUT', 'paths');
  });
  it('a timeLimitMs above MC_TIME_LIMIT_MS → 400', async () => {
    expectError(await post(`${server.url}/v1/monte-carlo`, { ...mc, timeLimitMs: 60_000 }), 400, 'INVALID_INPUT', 'timeLimitMs');
  });
  it('a job past its time limit → 504 TIME_LIMIT_EXCEEDED, and the pool serves the next job', async () => {
    const heavy = {
      model: { type: 'gbm', spot: 100, vol: 0.25 }, payoff: { type: 'asian', average: 'arithmetic', optionType: 'call', strike: 100, fixings: 252 },
      expiryYears: 1, paths: 1_000_000, seed: 3, timeLimitMs: 30,
    };
    const start = performance.now();
    const r = await post(`${server.url}/v1/monte-carlo`, heavy);
    expectError(r, 504, 'TIME_LIMIT_EXCEEDED', 'timeLimitMs');
    expect(r.json.error.limitMs).toBe(30);
    expect(performance.now() - start).toBeLessThan(3_000); // aborted, not run to the end (2.5e8 path-steps)
    const next = await post(`${server.url}/v1/monte-carlo`, mc);
    expect(next.status).toBe(200);
  });
});

describe('503 BUSY past MC_MAX_QUEUE', () => {
  it('a second job while MC_MAX_QUEUE = 1 is in flight → 503 BUSY with Retry-After; the first completes', async () => {
    const first = post(`${server.url}/v1/monte-carlo`, { ...mc, payoff: { type: 'asian', average: 'arithmetic', optionType: 'call', strike: 100, fixings: 52 }, paths: 1_000_000 });
    for (let i = 0; i < 400 && (await get(`${server.url}/healthz`)).json.monteCarloInFlight < 1; i++) await new Promise((r) => setTimeout(r, 5));
    const second = await post(`${server.url}/v1/monte-carlo`, mc);
    expectError(second, 503, 'BUSY');
    expect(second.headers.get('retry-after')).toBe('1');
    expect((await first).status).toBe(200);
  });
});

describe('422: implied vol out of bounds', () => {
  it('a price below intrinsic → PRICE_BELOW_INTRINSIC with the bound', async () => {
    const r = await post(`${server.url}/v1/implied-vol`, { type: 'call', price: 1, spot: 100, strike: 50, expiryYears: 1 });
    expectError(r, 422, 'PRICE_BELOW_INTRINSIC', 'price');
    expect(r.json.error.bound).toBeCloseTo(50, 12); // discounted intrinsic at r = 0: 100 − 50
  });
});

describe('protocol errors', () => {
  it('404 for an unknown route', async () => {
    expectError(await post(`${server.url}/v1/nope`, bsm), 404, 'NOT_FOUND');
    expectError(await get(`${server.url}/`), 404, 'NOT_FOUND');
  });
  it('405 with Allow for a wrong method', async () => {
    const r = await get(`${server.url}/v1/price`);
    expectError(r, 405, 'METHOD_NOT_ALLOWED');
    expect(r.headers.get('allow')).toBe('POST');
    const d = await get(`${server.url}/healthz`, 'DELETE');
    expectError(d, 405, 'METHOD_NOT_ALLOWED');
    expect(d.headers.get('allow')).toBe('GET');
  });
  it('415 for another media type, or none', async () => {
    expectError(await post(`${server.url}/v1/price`, JSON.stringify(bsm), 'text/plain'), 415, 'UNSUPPORTED_MEDIA_TYPE', 'content-type');
    expectError(await post(`${server.url}/v1/price`, JSON.stringify(bsm), 'application/json; charset=latin1'), 415, 'UNSUPPORTED_MEDIA_TYPE');
    expectError(await post(`${server.url}/v1/price`, new TextEncoder().encode(JSON.stringify(bsm)), null), 415, 'UNSUPPORTED_MEDIA_TYPE');
    expect((await post(`${server.url}/v1/price`, bsm, 'Application/JSON; charset=UTF-8')).status).toBe(200);
  });
  it('400 MALFORMED_JSON for broken, empty or non-UTF-8 bodies', async () => {
    expectError(await post(`${server.url}/v1/price`, '{"model": "bsm",'), 400, 'MALFORMED_JSON');
    expectError(await post(`${server.url}/v1/price`, ''), 400, 'MALFORMED_JSON');
    expectError(await post(`${server.url}/v1/price`, "{'model': 'bsm'}"), 400, 'MALFORMED_JSON');
    expectError(await post(`${server.url}/v1/price`, Uint8Array.from([0x7b, 0xff, 0xfe, 0x7d])), 400, 'MALFORMED_JSON');
  });
  it('413 for a body over MAX_BODY_BYTES (drained, then answered)', async () => {
    const big = JSON.stringify({ ...bsm, pad: 'x'.repeat(LIMIT) });
    const r = await post(`${server.url}/v1/price`, big);
    expectError(r, 413, 'PAYLOAD_TOO_LARGE');
    expect(r.json.error.limit).toBe(LIMIT);
    expect((await get(`${server.url}/healthz`)).status).toBe(200);
  });
  it('413 at once for a declared Content-Length far over the limit', async () => {
    const r = await rawPost(server.port, '/v1/price', 1e9, Buffer.from('{"model":'));
    expect(r.status).toBe(413);
    expect(JSON.parse(r.text!).error.code).toBe('PAYLOAD_TOO_LARGE');
  });
});
