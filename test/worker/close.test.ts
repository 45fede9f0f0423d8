// close() terminates every worker (the process can exit); idle workers never hold a process open;
// pool options are validated; the default size is the core count.
import { spawnSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { DIST, loadDist } from './dist.js';

/** Runs an ES module script in a fresh Node process; returns its exit code, output and duration. */
function runScript(body: string): { status: number | null; stdout: string; stderr: string; ms: number } {
  const start = performance.now();
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', body], { encoding: 'utf8', timeout: 20_000 });
  return { status: child.status, stdout: child.stdout, stderr: child.stderr, ms: performance.now() - start };
}

const POOL = JSON.stringify(new URL('worker/pool.js', DIST).href);

describe('close and process lifetime', () => {
  it('close() terminates all workers and the process exits on its own', async () => {
    await loadDist(); // the build check
    const out = runScript(`
      import { createPool } from ${POOL};
      const pool = await createPool({ size: 3 });
      const r = await pool.runJob('test:sum', { blocks: 6, blockSize: 1000, seed: 1 });
      await pool.close();
      await pool.close(); // idempotent
      console.log('done', r.count, pool.states.join(','));
    `);
    expect(out.stderr).toBe('');
    expect(out.stdout.trim()).toBe('done 6000 dead,dead,dead');
    expect(out.status).toBe(0);
  });

  it('needs no init() on the calling thread (createPool initialises it for planning and merging)', () => {
    const out = runScript(`
      import { createPool } from ${POOL};
      const pool = await createPool({ size: 2 });
      const r = await pool.monteCarlo({
        model: { type: 'gbm', spot: 100, vol: 0.2, rate: 0.03 },
        payoff: { type: 'asian', average: 'arithmetic', optionType: 'call', strike: 100, fixings: 12 },
        expiryYears: 1, paths: 8192, seed: 1, controlVariate: true,
      });
      await pool.close();
      console.log(Number.isFinite(r.price) && r.standardError > 0);
    `);
    expect(out.stderr).toBe('');
    expect(out.stdout.trim()).toBe('true');
  });

  it('a pool that is not closed does not keep an idle process alive (workers are unref-ed when idle)', () => {
    const out = runScript(`
      import { createPool } from ${POOL};
      const pool = await createPool({ size: 2 });
      await pool.runJob('test:sum', { blocks: 4, blockSize: 1000, seed: 1 });
      console.log('ran');
    `);
    expect(out.stdout.trim()).toBe('ran');
    expect(out.status).toBe(0);
  });

  it('a running job keeps the process alive until it settles', () => {
    const out = runScript(`
      import { createPool } from ${POOL};
      const pool = await createPool({ size: 2 });
      pool.runJob('test:sum', { blocks: 16, blockSize: 50000, seed: 2 }).then((r) => console.log('finished', r.count));
    `);
    expect(out.stdout.trim()).toBe('finished 800000');
    expect(out.status).toBe(0);
  });

  it('jobs running at close() reject with WorkerError, and later calls too', async () => {
    const { pool: p, index } = await loadDist();
    const pool = await p.createPool({ size: 2 });
    const running = pool.runJob('test:sum', { blocks: 64, blockSize: 65536, seed: 4 }).catch((e: unknown) => e);
    await pool.close();
    expect(await running).toBeInstanceOf(index.WorkerError);
    await expect(pool.runJob('test:sum', { blocks: 1, blockSize: 1, seed: 1 })).rejects.toThrow(/closed/);
  });
});

describe('Node worker options', () => {
  it('workers get the parent execArgv minus the options a worker rejects', async () => {
    await loadDist();
    const { workerExecArgv } = await import(new URL('worker/nodeHost.js', DIST).href) as typeof import('../../src/worker/nodeHost.js');
    expect(workerExecArgv(['--input-type=module', '--enable-source-maps', '-e', 'code()', '--stack-size=2000'])).toEqual(['--enable-source-maps', '--stack-size=2000']);
    expect(workerExecArgv(['-p', 'x', '--print=y', '--eval=z', '--max-old-space-size=512'])).toEqual(['--max-old-space-size=512']);
  });
});

describe('createPool options', () => {
  it('rejects bad sizes and a bad WASM source with typed errors', async () => {
    const { pool: p, index } = await loadDist();
    await expect(p.createPool({ size: 0 })).rejects.toBeInstanceOf(index.InvalidInputError);
    await expect(p.createPool({ size: 1.5 })).rejects.toMatchObject({ details: { field: 'size', value: 1.5 } });
    await expect(p.createPool({ piecesPerWorker: 0 })).rejects.toMatchObject({ details: { field: 'piecesPerWorker' } });
    await expect(p.createPool({ size: 1, wasm: new Uint8Array([1, 2, 3]) })).rejects.toBeInstanceOf(index.WasmInitError);
    await expect(p.createPool({ size: 1, wasm: '/nonexistent/tailguard.wasm' })).rejects.toMatchObject({ code: 'WASM_INIT' });
  });

  it('defaults to the available cores; accepts a precompiled module', async () => {
    const { pool: p } = await loadDist();
    const pool = await p.createPool();
    try {
      expect(pool.size).toBe(availableParallelism());
    } finally {
      await pool.close();
    }
    const { readFile } = await import('node:fs/promises');
    const module = await WebAssembly.compile(await readFile(new URL('wasm/tailguard.wasm', DIST)));
    const one = await p.createPool({ size: 1, wasm: module });
    try {
      expect((await one.runJob('test:sum', { blocks: 2, blockSize: 10, seed: 0 })).count).toBe(20);
    } finally {
      await one.close();
    }
  });
});
