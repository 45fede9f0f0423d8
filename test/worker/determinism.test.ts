// Bit-identical results whatever the pool size and chunking, and equal to the single-threaded run
// (DESIGN §6). Runs the built files (see dist.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkerPool } from '../../src/worker/pool.js';
import type { TestSumResult } from '../../src/worker/testJob.js';
import { loadDist } from './dist.js';

const SPEC = { blocks: 48, blockSize: 4096, seed: 20240601 };

describe('worker pool determinism (test:sum job)', () => {
  const pools = new Map<string, WorkerPool>();
  let reference: TestSumResult;

  beforeAll(async () => {
    const { pool, jobs, index } = await loadDist();
    await index.init(); // the same release build the workers get by default
    reference = await jobs.runLocally('test:sum', SPEC);
    for (const [size, pieces] of [[1, 4], [2, 4], [4, 4], [2, 1], [3, 7]] as const) {
      pools.set(`${size}x${pieces}`, await pool.createPool({ size, piecesPerWorker: pieces }));
    }
  });
  afterAll(async () => {
    await Promise.all([...pools.values()].map((p) => p.close()));
  });

  it('the single-threaded reference is a plausible N(0,1) mean', () => {
    expect(reference.count).toBe(SPEC.blocks * SPEC.blockSize);
    expect(Math.abs(reference.mean)).toBeLessThan(4 * reference.standardError);
    expect(reference.standardError).toBeCloseTo(1 / Math.sqrt(reference.count), 5);
  });

  it('is bit-identical for 1, 2 and 4 workers, other chunkings, and the single-threaded run', async () => {
    for (const [name, pool] of pools) {
      const result = await pool.runJob('test:sum', SPEC);
      expect(result, name).toStrictEqual(reference); // toStrictEqual uses Object.is on numbers
      expect(Object.is(result.sum, reference.sum) && Object.is(result.sumSquares, reference.sumSquares), name).toBe(true);
    }
  });

  it('is bit-identical when jobs share the pool concurrently, and on repeated runs', async () => {
    const pool = pools.get('2x4')!;
    const other = { ...SPEC, seed: 0 };
    const [a, b, c] = await Promise.all([pool.runJob('test:sum', SPEC), pool.runJob('test:sum', other), pool.runJob('test:sum', SPEC)]);
    expect(a).toStrictEqual(reference);
    expect(c).toStrictEqual(reference);
    expect(b.sum).not.toBe(reference.sum); // seed 0 is a different (deterministic) stream
    expect(await pool.runJob('test:sum', other)).toStrictEqual(b);
  });

  it('handles more pieces than blocks (one block per piece) and a single block', async () => {
    const pool = pools.get('4x4')!;
    const { jobs } = await loadDist();
    for (const spec of [{ ...SPEC, blocks: 3 }, { ...SPEC, blocks: 1 }]) {
      expect(await pool.runJob('test:sum', spec)).toStrictEqual(await jobs.runLocally('test:sum', spec));
    }
  });
});
