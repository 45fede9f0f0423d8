/**
 * Node host: workers are `worker_threads` running the built `nodeWorker.js`, spoken to through
 * comlink's Node adapter. Loaded by the pool only when running in Node (never reached from a
 * browser).
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { wrap } from 'comlink';
import nodeEndpoint, { type NodeEndpoint } from 'comlink/dist/esm/node-adapter.mjs';
import { WorkerError } from '../errors.js';
import type { WorkerApi } from './api.js';
import type { WorkerHandle, WorkerHost } from './host.js';

/** The worker entry: the built JavaScript next to this module. */
export const NODE_WORKER_URL = new URL('./nodeWorker.js', import.meta.url);

/**
 * Starts one `worker_threads` worker from `url` (default {@link NODE_WORKER_URL}).
 * @throws WorkerError if Node refuses to start it.
 */
export function spawnNodeWorker(url: URL = NODE_WORKER_URL): WorkerHandle {
  let worker: Worker;
  try {
    worker = new Worker(url, { execArgv: workerExecArgv(process.execArgv) });
  } catch (cause) {
    throw new WorkerError(`could not start a worker from ${url.href}: ${cause instanceof Error ? cause.message : String(cause)}`, { url: url.href });
  }
  let stopping = false;
  let lastError: Error | undefined;
  let fail!: (error: WorkerError) => void;
  const died = new Promise<never>((_, reject) => { fail = reject; });
  died.catch(() => undefined); // observed by the pool when it races calls against it

  worker.on('error', (error: Error) => { lastError = error; });
  worker.on('messageerror', (error: Error) => { lastError = error; });
  worker.on('exit', (exitCode: number) => {
    if (stopping) return;
    const reason = lastError ? `: ${lastError.message}` : '';
    fail(new WorkerError(`a tailguard worker stopped unexpectedly (exit code ${exitCode})${reason}`, {
      exitCode, ...(lastError ? { cause: lastError.message } : {}),
    }));
  });
  worker.unref();
  return {
    remote: wrap<WorkerApi>(nodeEndpoint(worker as unknown as NodeEndpoint)),
    died,
    setBusy(busy) { if (busy) worker.ref(); else worker.unref(); },
    async terminate() {
      stopping = true;
      await worker.terminate();
    },
  };
}

/**
 * The parent's Node options minus those a worker rejects: workers inherit `process.execArgv`, and
 * `--input-type`, `-e`/`--eval` and `-p`/`--print` (with their script) make `new Worker` fail.
 */
export function workerExecArgv(execArgv: readonly string[]): string[] {
  const kept: string[] = [];
  for (let i = 0; i < execArgv.length; i++) {
    const arg = execArgv[i]!;
    if (arg.startsWith('--input-type')) continue;
    if (arg === '-e' || arg === '--eval' || arg === '-p' || arg === '--print' || arg === '-pe') { i++; continue; }
    if (/^--(eval|print)=/.test(arg)) continue;
    kept.push(arg);
  }
  return kept;
}

/** The Node host. */
export const nodeHost: WorkerHost = {
  spawn: () => spawnNodeWorker(),
  defaultSize: () => Math.max(1, availableParallelism()),
};
