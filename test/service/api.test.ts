/**
 * The node-service example answers every endpoint with the numbers of a direct SDK call, bit for bit.
 *
 * Expected values: the same call made here on the built package (dist/, the build the server runs), whose
 * numbers are themselves tested against their sources in test/options, test/mc, test/lending and test/risk;
 * JSON keeps every bit of a finite double (shortest round-trip decimal, ECMA-262 Number::toString), so the
 * response must equal the direct result's JSON image exactly (toStrictEqual compares numbers with Object.is).
 * One absolute anchor: Hull, "Options, Futures, and Other Derivatives" (10th ed.), Example 15.6: S = 42,
 * K = 40, r = 0.1, σ = 0.2, T = 0.5 gives c = 4.76 and p = 0.81.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  black76, black76Batch, blackScholes, blackScholesBatch, impliedVol, impliedVolBatch, init, monteCarlo, portfolioRisk,
  scenarioGrid, simulateCascade, Status,
} from '../../dist/index.js';
import { asJson, get, post, spawnServer, type Server } from './client.js';

let server: Server;
beforeAll(async () => {
  await init();
  server = await spawnServer({ WORKERS: '2' });
});
afterAll(async () => {
  const { code } = await server.stop();
  expect(code).toBe(0);
});

describe('GET /healthz', () => {
  it('reports ok and the pool size', async () => {
    const r = await get(`${server.url}/healthz`);
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ status: 'ok', workers: 2, inFlight: 0, monteCarloInFlight: 0 });
  });
});

describe('POST /v1/price', () => {
  it('BSM scalar: Hull Example 15.6 and the SDK bit for bit', async () => {
    const input = { type: 'call', spot: 42, strike: 40, expiryYears: 0.5, vol: 0.2, rate: 0.1 } as const;
    const r = await post(`${server.url}/v1/price`, { model: 'bsm', ...input });
    expect(r.status).toBe(200);
    expect(r.json.result.price).toBeCloseTo(4.76, 2); // Hull Example 15.6
    expect(r.json.result).toStrictEqual(asJson(blackScholes(input)));
    const put = await post(`${server.url}/v1/price`, { model: 'bsm', ...input, type: 'put' });
    expect(put.json.result.price).toBeCloseTo(0.81, 2); // Hull Example 15.6
  });

  it('Black-76 scalar equals black76', async () => {
    const input = { type: 'put', forward: 88_866, strike: 80_000, expiryYears: 29.95 / 365, vol: 0.44, rate: 0 } as const;
    const r = await post(`${server.url}/v1/price`, { model: 'black76', ...input });
    expect(r.status).toBe(200);
    expect(Object.is(r.json.result.price, black76(input).price)).toBe(true);
    expect(r.json.result).toStrictEqual(asJson(black76(input)));
  });

  it('BSM batch: statuses per element, NaN outputs encoded as "NaN", equal to blackScholesBatch', async () => {
    const batch = { isCall: [1, 0, 1], spots: [100, 100, 100], strikes: [95, 105, 100], expiriesYears: [0.5, 0.5, 1], vols: [0.3, -1, 0.2], rates: 0.03 };
    const r = await post(`${server.url}/v1/price`, { model: 'bsm', batch });
    expect(r.status).toBe(200);
    const direct = blackScholesBatch({
      isCall: Uint8Array.from(batch.isCall), spots: Float64Array.from(batch.spots), strikes: Float64Array.from(batch.strikes),
      expiriesYears: Float64Array.from(batch.expiriesYears), vols: Float64Array.from(batch.vols), rates: 0.03,
    });
    expect(r.json.count).toBe(3);
    expect(r.json.result).toStrictEqual(asJson(direct));
    expect(r.json.result.status).toStrictEqual([Status.OK, Status.INVALID_INPUT, Status.OK]);
    expect(r.json.result.price[1]).toBe('NaN');
  });

  it("Black-76 batch with greeks: 'none' returns only price and status", async () => {
    const batch = { isCall: [0, 1], forwards: [2000, 2000], strikes: [1800, 2200], expiriesYears: [0.1, 0.1], vols: [0.7, 0.65], rates: [0, 0.01] };
    const r = await post(`${server.url}/v1/price`, { model: 'black76', greeks: 'none', batch });
    expect(r.status).toBe(200);
    const direct = black76Batch({
      greeks: 'none', isCall: Uint8Array.from(batch.isCall), forwards: Float64Array.from(batch.forwards), strikes: Float64Array.from(batch.strikes),
      expiriesYears: Float64Array.from(batch.expiriesYears), vols: Float64Array.from(batch.vols), rates: Float64Array.from(batch.rates),
    });
    expect(Object.keys(r.json.result).sort()).toStrictEqual(['price', 'status']);
    expect(r.json.result).toStrictEqual(asJson(direct));
  });
});

describe('POST /v1/implied-vol', () => {
  it('scalar: recovers the vol of a Black-76 price, equal to impliedVol', async () => {
    const input = { type: 'call', price: 4091, forward: 88_866, strike: 88_866, expiryYears: 29.95 / 365 } as const;
    const r = await post(`${server.url}/v1/implied-vol`, input);
    expect(r.status).toBe(200);
    expect(Object.is(r.json.result.vol, impliedVol(input))).toBe(true);
  });

  it('batch: equal to impliedVolBatch, a price below intrinsic marked per element', async () => {
    const batch = { isCall: [1, 0], prices: [10, 0.01], spots: [100, 100], strikes: [95, 130], expiriesYears: [0.5, 0.5], rates: 0.02 };
    const r = await post(`${server.url}/v1/implied-vol`, { batch });
    expect(r.status).toBe(200);
    const direct = impliedVolBatch({
      isCall: Uint8Array.from(batch.isCall), prices: Float64Array.from(batch.prices), spots: Float64Array.from(batch.spots),
      strikes: Float64Array.from(batch.strikes), expiriesYears: Float64Array.from(batch.expiriesYears), rates: 0.02,
    });
    expect(r.json.result).toStrictEqual(asJson(direct));
    expect(r.json.result.status).toStrictEqual([Status.OK, Status.BELOW_INTRINSIC]);
  });
});

describe('POST /v1/monte-carlo', () => {
  it('runs on the pool and equals the single-threaded monteCarlo bit for bit', async () => {
    const spec = {
      model: { type: 'gbm', spot: 100, vol: 0.25, rate: 0.03 },
      payoff: { type: 'asian', average: 'arithmetic', optionType: 'put', strike: 100, fixings: 12 },
      expiryYears: 1, paths: 40_000, seed: 7, antithetic: true, controlVariate: true, greeks: true,
    } as const;
    const r = await post(`${server.url}/v1/monte-carlo`, spec);
    expect(r.status).toBe(200);
    expect(r.json.workers).toBe(2);
    const direct = await monteCarlo(spec);
    expect(r.json.result).toStrictEqual(asJson(direct));
    expect(r.json.result.manifest.hash).toBe(direct.manifest.hash);
  });
});

describe('POST /v1/cascade', () => {
  it('equals simulateCascade (all but the kernel wall time)', async () => {
    const body = {
      book: { collateral: [10, 20, 5, 40], debt: [15_000, 28_000, 9_000, 50_000], liquidationThreshold: 0.83, liquidationBonus: [0.05, 0.05, 0.075, 0.05] },
      venue: { type: 'constantProduct', reserveRisky: 2_000, reserveStable: 4_000_000 },
      shock: { drop: 0.2 }, gasUsd: 5,
    } as const;
    const r = await post(`${server.url}/v1/cascade`, body);
    expect(r.status).toBe(200);
    const { book, ...options } = body;
    const { kernelMs: _k, ...direct } = simulateCascade(book, options);
    const { kernelMs, ...served } = r.json.result;
    expect(typeof kernelMs).toBe('number');
    expect(served).toStrictEqual(asJson(direct));
    expect(served.positionsLiquidated).toBeGreaterThan(0); // the shock reaches the book: the test exercises a real cascade
  });

  it('takes a price path of moves', async () => {
    const body = {
      book: { collateral: [10, 20], debt: [15_000, 30_000], liquidationThreshold: [0.8, 0.83], liquidationBonus: 0.05 },
      venue: { type: 'depthCurve', spot: 2000, sizes: [1, 10, 100], impacts: [0.001, 0.01, 0.08] },
      shock: { moves: [0.95, 0.9] }, positions: false,
    } as const;
    const r = await post(`${server.url}/v1/cascade`, body);
    expect(r.status).toBe(200);
    const { book, ...options } = body;
    const { kernelMs: _k, ...direct } = simulateCascade(book, options);
    const { kernelMs: _s, ...served } = r.json.result;
    expect(served).toStrictEqual(asJson(direct));
    expect(served.positions).toBeUndefined();
  });
});

describe('POST /v1/portfolio-risk', () => {
  const portfolio = {
    positions: [
      { kind: 'spot', underlying: 'ETH', quantity: 10 },
      { kind: 'option', underlying: 'ETH', type: 'put', strike: 1800, expiryYears: 30 / 365, quantity: 10 },
      { kind: 'option', underlying: 'BTC', type: 'call', strike: 100_000, expiryYears: 0.25, quantity: -1, model: 'black76', settlement: 'inverse', forward: 91_000 },
      { kind: 'loan', underlying: 'ETH', collateral: 5, debt: 6_000, liquidationThreshold: 0.83 },
      { kind: 'perpetual', underlying: 'BTC', quantity: 0.5, entryPrice: 85_000 },
    ],
    market: { ETH: { spot: 2_000, vol: 0.7 }, BTC: { spot: 90_000, vol: 0.5, rate: 0.01 } },
  } as const;

  it('equals portfolioRisk', async () => {
    const r = await post(`${server.url}/v1/portfolio-risk`, portfolio);
    expect(r.status).toBe(200);
    expect(r.json.risk).toStrictEqual(asJson(portfolioRisk(portfolio as never)));
    expect(r.json.scenarioGrid).toBeUndefined();
  });

  it('with a scenario grid equals scenarioGrid', async () => {
    const grid = { spotShocks: [-0.3, 0, 0.3], volShocks: [-0.1, 0, 0.1] };
    const r = await post(`${server.url}/v1/portfolio-risk`, { ...portfolio, scenarioGrid: grid });
    expect(r.status).toBe(200);
    expect(r.json.scenarioGrid).toStrictEqual(asJson(scenarioGrid(portfolio as never, grid)));
    expect(r.json.scenarioGrid.pnlUsd[4]).toBe(0); // cell (0, 0) is exactly the base (scenarioGrid's contract)
    const defaults = await post(`${server.url}/v1/portfolio-risk`, { ...portfolio, scenarioGrid: {} });
    expect(defaults.json.scenarioGrid).toStrictEqual(asJson(scenarioGrid(portfolio as never)));
  });
});
