// The Monte Carlo engine on the pool: bit-identical to the single-threaded `monteCarlo` for 1, 2
// and 4 workers and other chunkings; progress; abort; an engine error crossing the hop.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MonteCarloSpec } from '../../src/mc/types.js';
import type { PoolProgress, WorkerPool } from '../../src/worker/pool.js';
import { DIST, loadDist, since } from './dist.js';

type Dist = Awaited<ReturnType<typeof loadDist>>;

const gbm = { type: 'gbm', spot: 100, vol: 0.25, rate: 0.03, dividendYield: 0.01 } as const;
const SPECS: Record<string, MonteCarloSpec> = {
  'european call': { model: gbm, payoff: { type: 'european', optionType: 'call', strike: 105 }, expiryYears: 1, paths: 100_000, seed: 7 },
  'european put, antithetic, control variate, greeks': {
    model: gbm, payoff: { type: 'european', optionType: 'put', strike: 95 }, expiryYears: 0.5, paths: 60_000, seed: 0,
    antithetic: true, controlVariate: true, greeks: true,
  },
  'arithmetic asian, control variate': {
    model: gbm, payoff: { type: 'asian', average: 'arithmetic', optionType: 'call', strike: 100, fixings: 12 }, expiryYears: 1,
    paths: 20_000, seed: 3, controlVariate: true,
  },
  'down-and-in barrier put, merton': {
    model: { type: 'merton', spot: 100, vol: 0.3, jumpIntensity: 1, jumpMean: -0.1, jumpVol: 0.2, rate: 0.02 },
    payoff: { type: 'barrier', optionType: 'put', strike: 100, barrier: 85, direction: 'down', knock: 'in', monitoring: 'discrete', fixings: 50 },
    expiryYears: 1, paths: 20_000, steps: 50, seed: 11,
  },
  heston: {
    model: { type: 'heston', spot: 100, v0: 0.04, kappa: 1.5, theta: 0.05, volOfVol: 0.5, rho: -0.7, rate: 0.01 },
    payoff: { type: 'european', optionType: 'call', strike: 100 }, expiryYears: 1, paths: 20_000, steps: 50, seed: 5,
  },
  'heavy blocks (steps 3000: default blockSize 256), greeks': {
    model: gbm, payoff: { type: 'european', optionType: 'call', strike: 100 }, expiryYears: 1, paths: 3_000, steps: 3_000, seed: 8, greeks: true,
  },
  'heston with internal QE sub-steps (kappa 1000, volOfVol 10, rho 1)': {
    model: { type: 'heston', spot: 100, v0: 1, kappa: 1000, theta: 1, volOfVol: 10, rho: 1 },
    payoff: { type: 'european', optionType: 'call', strike: 100 }, expiryYears: 1, paths: 3_000, steps: 2, seed: 9,
  },
};

/** Result or error, in a comparable form (the pool must agree with the engine either way). */
async function outcome(run: () => Promise<unknown>): Promise<unknown> {
  try {
    return { ok: await run() };
  } catch (error) {
    return { error: { name: (error as Error).name, message: (error as Error).message } };
  }
}

let dist: Dist;
let monteCarlo: typeof import('../../src/mc/index.js').monteCarlo;
const pools = new Map<string, WorkerPool>();

beforeAll(async () => {
  dist = await loadDist();
  await dist.index.init();
  ({ monteCarlo } = await import(new URL('mc/index.js', DIST).href) as typeof import('../../src/mc/index.js'));
  for (const [size, pieces] of [[1, 4], [2, 4], [4, 4], [2, 13]] as const) {
    pools.set(`${size} workers × ${pieces} pieces`, await dist.pool.createPool({ size, piecesPerWorker: pieces }));
  }
});
afterAll(async () => {
  await Promise.all([...pools.values()].map((pool) => pool.close()));
});

describe('pool.monteCarlo', () => {
  for (const [name, spec] of Object.entries(SPECS)) {
    it(`${name}: bit-identical to monteCarlo for 1, 2, 4 workers and other chunkings`, async () => {
      const reference = await outcome(() => monteCarlo(spec));
      expect(reference).toHaveProperty('ok'); // the engine prices it (else the comparison is vacuous)
      for (const [label, pool] of pools) {
        expect(await outcome(() => pool.monteCarlo(spec)), label).toStrictEqual(reference);
      }
    });
  }

  it('monteCarlo(spec, { workers: 2 }) runs on a temporary pool with the same bits', async () => {
    const spec = Object.values(SPECS)[0]!;
    expect(await outcome(() => monteCarlo(spec, { workers: 2 }))).toStrictEqual(await outcome(() => monteCarlo(spec)));
    await expect(monteCarlo(spec, { workers: 0 })).rejects.toThrow(/workers \(0\) must be an integer/);
  });

  it('reports progress from the merged blocks, ending with the final estimate', async () => {
    const spec = SPECS['european call']!;
    // One worker completes its pieces in order: exactly one event per piece (4). With more workers
    // the merged prefix may grow by several pieces at once (fewer events), never shrink.
    for (const label of ['2 workers × 4 pieces', '1 workers × 4 pieces']) {
      const events: PoolProgress[] = [];
      const result = await pools.get(label)!.monteCarlo(spec, { onProgress: (p) => events.push(p) });
      if (label.startsWith('1 ')) {
        const blocks = events[0]!.blockCount;
        expect(events.map((e) => e.blocksDone)).toEqual([1, 2, 3, 4].map((k) => Math.floor((k * blocks) / 4)));
      }
      checkProgress(events, result);
    }
  });
});

function checkProgress(events: PoolProgress[], result: { price: number; standardError: number }): void {
  expect(events.length).toBeGreaterThan(0);
  for (let i = 1; i < events.length; i++) expect(events[i]!.fraction).toBeGreaterThan(events[i - 1]!.fraction);
  const last = events.at(-1)!;
  expect(last.fraction).toBe(1);
  expect(Object.is(last.price, result.price) && Object.is(last.standardError, result.standardError)).toBe(true);
  expect(Math.abs(events[0]!.price - result.price)).toBeLessThan(6 * events[0]!.standardError);
}

describe('pool.monteCarlo errors and abort', () => {
  it('rejects an invalid spec with InvalidInputError (field and value in details) before any worker runs', async () => {
    const pool = pools.get('2 workers × 4 pieces')!;
    const bad = { ...SPECS['european call']!, payoff: { type: 'european', optionType: 'call', strike: -5 } } as MonteCarloSpec;
    const error = await pool.monteCarlo(bad).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(dist.index.InvalidInputError);
    expect(error).toMatchObject({ code: 'INVALID_INPUT', details: { value: -5 } });
    expect(await outcome(() => monteCarlo(bad))).toStrictEqual(await outcome(() => pool.monteCarlo(bad)));
  });

  it('aborts a long run promptly with AbortError; the pool then prices again, bit-identically', async () => {
    const pool = pools.get('2 workers × 4 pieces')!;
    const long: MonteCarloSpec = { ...SPECS.heston!, paths: 4_000_000, steps: 252 };
    const controller = new AbortController();
    const job = pool.monteCarlo(long, { signal: controller.signal }).catch((e: unknown) => e);
    await new Promise((resolve) => setTimeout(resolve, 150));
    const start = performance.now();
    controller.abort();
    const error = await job;
    expect(since(start)).toBeLessThan(250);
    expect(error).toBeInstanceOf(dist.index.AbortError);
    const spec = SPECS['european call']!;
    expect(await pool.monteCarlo(spec)).toStrictEqual(await monteCarlo(spec));
  });

  it("the engine's own InvalidInputError thrown inside a worker arrives typed, with its details", async () => {
    const { nodeHost } = await import(new URL('worker/nodeHost.js', DIST).href) as typeof import('../../src/worker/nodeHost.js');
    const { compileWasm } = await import(new URL('wasm/loader.js', DIST).href) as typeof import('../../src/wasm/loader.js');
    const { planMonteCarlo } = await import(new URL('mc/index.js', DIST).href) as typeof import('../../src/mc/index.js');
    const handle = nodeHost.spawn();
    handle.setBusy(true);
    try {
      dist.errors.installErrorTransfer();
      await handle.remote.init(await compileWasm());
      const plan = planMonteCarlo(SPECS['european call']!);
      const error = await handle.remote.runBlocks('mc', plan, 0, plan.blockCount + 5).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(dist.index.InvalidInputError);
      expect(error).toMatchObject({ code: 'INVALID_INPUT', details: { field: 'endBlock', value: plan.blockCount + 5 } });
      const partials = await handle.remote.runBlocks('mc', plan, 2, 4);
      expect(partials).toBeInstanceOf(Float64Array);
      expect(partials.length).toBe(2 * plan.width);
      expect(await handle.remote.runBlocks('nope', plan, 0, 1).catch((e: unknown) => e)).toMatchObject({ name: 'InvalidInputError', details: { field: 'kind' } });
    } finally {
      await handle.terminate();
    }
  });
});
