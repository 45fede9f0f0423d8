// Progress, abort, crash recovery and typed errors across the hop, on real worker_threads.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PoolProgress as Progress, WorkerPool } from '../../src/worker/pool.js';
import type { TestSumResult, TestSumSpec } from '../../src/worker/testJob.js';
import { loadDist, since } from './dist.js';

type Dist = Awaited<ReturnType<typeof loadDist>>;
const SPEC: TestSumSpec = { blocks: 32, blockSize: 4096, seed: 99 };

let dist: Dist;
let pool: WorkerPool;
let reference: TestSumResult;

beforeAll(async () => {
  dist = await loadDist();
  await dist.index.init();
  reference = await dist.jobs.runLocally('test:sum', SPEC);
  pool = await dist.pool.createPool({ size: 2 });
});
afterAll(async () => {
  await pool?.close();
});

/** Waits until every worker is idle (replacements started by earlier tests are ready). */
async function allIdle(): Promise<void> {
  const start = performance.now();
  while (!pool.states.every((state) => state === 'idle')) {
    if (since(start) > 5000) throw new Error(`workers not idle after 5 s: ${pool.states.join(', ')}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** The pool still works and still gives the reference bits. */
async function expectHealthy(): Promise<void> {
  expect(await pool.runJob('test:sum', SPEC)).toStrictEqual(reference);
}

describe('progress', () => {
  it('reports the merged prefix: growing fractions ending at 1 with the final estimate', async () => {
    const events: Progress[] = [];
    const result = await pool.runJob('test:sum', SPEC, { onProgress: (p) => events.push(p) });
    expect(result).toStrictEqual(reference);
    expect(events.length).toBeGreaterThanOrEqual(1);
    expect(events.length).toBeLessThanOrEqual(8); // 2 workers × 4 pieces: one event per prefix advance at most
    for (let i = 1; i < events.length; i++) expect(events[i]!.fraction).toBeGreaterThan(events[i - 1]!.fraction);
    const last = events.at(-1)!;
    expect(last).toMatchObject({ fraction: 1, blocksDone: SPEC.blocks, blockCount: SPEC.blocks });
    expect(Object.is(last.price, reference.mean)).toBe(true);
    expect(Object.is(last.standardError, reference.standardError)).toBe(true);
    for (const e of events) {
      expect(e.blocksDone).toBe(Math.round(e.fraction * SPEC.blocks));
      expect(Number.isFinite(e.price) && e.standardError > 0).toBe(true);
    }
  });

  it('a throwing progress callback fails the job with its error; the pool goes on', async () => {
    const boom = new Error('callback failed');
    await expect(pool.runJob('test:sum', SPEC, { onProgress: () => { throw boom; } })).rejects.toBe(boom);
    await expectHealthy();
  });
});

describe('abort', () => {
  it('rejects at once with AbortError when the signal is already aborted', async () => {
    const error = await pool.runJob('test:sum', SPEC, { signal: AbortSignal.abort('not needed') }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(dist.index.AbortError);
    expect(error).toMatchObject({ code: 'ABORTED', details: { reason: 'not needed' } });
  });

  it('cancels a running job promptly (a worker stuck in a piece is terminated) and the pool stays usable', async () => {
    const controller = new AbortController();
    const job = pool.runJob('test:sum', { ...SPEC, fault: { block: 0, mode: 'hang' } }, { signal: controller.signal });
    await new Promise((resolve) => setTimeout(resolve, 100)); // worker 0 is now spinning forever
    const start = performance.now();
    controller.abort();
    const error = await job.catch((e: unknown) => e);
    expect(since(start)).toBeLessThan(250);
    expect(error).toBeInstanceOf(dist.index.AbortError);
    expect((error as Error).message).toMatch(/aborted/);
    await expectHealthy();
  });

  it('drops the pending pieces of an aborted job while other jobs complete', async () => {
    const controller = new AbortController();
    const big = { blocks: 64, blockSize: 65536, seed: 5 };
    let progressAfterAbort = 0;
    let aborted = false;
    const job = pool.runJob('test:sum', big, { signal: controller.signal, onProgress: () => { if (aborted) progressAfterAbort++; } });
    const other = pool.runJob('test:sum', SPEC);
    setTimeout(() => { aborted = true; controller.abort(new Error('user cancelled')); }, 30);
    await expect(job).rejects.toMatchObject({ name: 'AbortError', code: 'ABORTED', details: { reason: 'user cancelled' } });
    expect(await other).toStrictEqual(reference);
    expect(progressAfterAbort).toBe(0);
  });
});

describe('crash recovery', () => {
  for (const mode of ['exit', 'throw', 'trap'] as const) {
    it(`a worker that dies (${mode}) fails its job with WorkerError within a second; the next job succeeds`, async () => {
      const start = performance.now();
      const error = await pool.runJob('test:sum', { ...SPEC, fault: { block: 5, mode } }).catch((e: unknown) => e);
      expect(since(start)).toBeLessThan(1000);
      expect(error).toBeInstanceOf(dist.index.WorkerError);
      expect(error).toMatchObject({ code: 'WORKER', name: 'WorkerError' });
      expect((error as Error).message).toMatch(mode === 'trap' ? /trapped \(unreachable\)/ : /stopped unexpectedly/);
      await expectHealthy();
    });
  }

  it('the exposed crash hook kills an idle worker; it is replaced and jobs keep succeeding', async () => {
    await allIdle();
    const restarts = pool.restarts;
    const start = performance.now();
    pool.crashWorkerForTesting(1, 'exit');
    while (pool.restarts === restarts && since(start) < 1000) await new Promise((resolve) => setTimeout(resolve, 5));
    expect(pool.restarts).toBe(restarts + 1); // the death was noticed (and the worker replaced) within a second
    await expectHealthy();
    await expectHealthy();
    expect(pool.size).toBe(2);
  });

  it('a crash requested while a piece runs fails that job (the request queues behind the piece)', async () => {
    await allIdle(); // (a worker still starting would take the crash request before any piece)
    const start = performance.now();
    const job = pool.runJob('test:sum', { blocks: 64, blockSize: 16384, seed: 3 }); // 8 pieces, one running per worker
    pool.crashWorkerForTesting(0, 'exit'); // both workers die after their first piece: the job cannot complete
    pool.crashWorkerForTesting(1, 'throw');
    const restarts = pool.restarts;
    await expect(job).rejects.toBeInstanceOf(dist.index.WorkerError);
    expect(since(start)).toBeLessThan(1000);
    while (pool.restarts < restarts + 2 && since(start) < 2000) await new Promise((resolve) => setTimeout(resolve, 5));
    expect(pool.restarts).toBeGreaterThanOrEqual(restarts + 1);
    await allIdle();
    await expectHealthy();
  });
});

describe('typed errors across the hop', () => {
  it("a worker's InvalidInputError arrives as InvalidInputError with code, message and details", async () => {
    const error = await pool.runJob('test:sum', { ...SPEC, fault: { block: 9, mode: 'invalid' } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(dist.index.InvalidInputError);
    expect(error).toBeInstanceOf(dist.index.TailguardError);
    expect(error).toMatchObject({
      name: 'InvalidInputError', code: 'INVALID_INPUT', message: 'test fault at block 9: strike (-5) must be > 0',
      details: { field: 'strike', value: -5, rule: '> 0', index: 9 },
    });
    expect((error as Error).stack).toMatch(/rethrown from a tailguard worker/);
    await expectHealthy();
  });

  it('PriceOutOfBoundsError keeps its code and bound', async () => {
    const error = await pool.runJob('test:sum', { ...SPEC, fault: { block: 0, mode: 'bounds' } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(dist.index.PriceOutOfBoundsError);
    expect(error).toMatchObject({ code: 'PRICE_BELOW_INTRINSIC', bound: 2.5, details: { bound: 2.5, value: 1 } });
  });

  it("an invalid spec is rejected by the planner on the calling thread, before any worker", async () => {
    const error = await pool.runJob('test:sum', { ...SPEC, blockSize: -1 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(dist.index.InvalidInputError);
    expect(error).toMatchObject({ details: { field: 'blockSize', value: -1 } });
    await expect(pool.runJob('nope' as 'test:sum', SPEC)).rejects.toMatchObject({ code: 'INVALID_INPUT', details: { field: 'kind' } });
  });

  it('serialises and rebuilds every subclass (and foreign errors) without a worker', () => {
    const { serializeError, deserializeError } = dist.errors;
    const { AbortError, InvalidInputError, NoConvergenceError, PriceOutOfBoundsError, WasmInitError, WorkerError } = dist.index;
    const originals = [
      new InvalidInputError('vol (65) must be ≤ 10', { field: 'vol', value: 65, index: 3, extra: () => 1 }),
      new PriceOutOfBoundsError('PRICE_ABOVE_MAXIMUM', 'price too high', { bound: 100 }),
      new NoConvergenceError('no', { iterations: 50 }),
      new WasmInitError('w'), new WorkerError('x', { exitCode: 1 }), new AbortError(),
    ];
    for (const original of originals) {
      const wire = structuredClone(serializeError(original)); // what postMessage does
      expect(wire.isError).toBe(true);
      const rebuilt = deserializeError((wire as { value: Parameters<typeof deserializeError>[0] }).value);
      expect(rebuilt.constructor).toBe(original.constructor);
      expect(rebuilt).toMatchObject({ name: original.name, code: original.code, message: original.message });
    }
    const rebuilt = deserializeError(structuredClone(serializeError(originals[0]!)).value as never) as InstanceType<typeof InvalidInputError>;
    expect(rebuilt.details).toMatchObject({ field: 'vol', value: 65, index: 3, extra: expect.stringContaining('=>') });
    const foreign = deserializeError(structuredClone(serializeError(new RangeError('r'))).value as never);
    expect(foreign).toMatchObject({ name: 'RangeError', message: 'r' });
    expect(serializeError('just a string')).toEqual({ isError: false, value: 'just a string' });
  });
});
