/**
 * How the block-job facades `monteCarlo`, `simulateHedge` and `cascadeMonteCarlo` run (DESIGN §6, §7): on a
 * temporary worker pool when `workers` > 1 (./pool.ts, loaded on demand), else on the calling thread — blocks
 * `[0, blockCount)` in groups, in block order, with a progress report after each group and, between groups, a
 * yield to the event loop and an abort check. The numbers come only from the job's own `runBlocks`/fold, so
 * the result is the pool's bit for bit; this file adds no arithmetic. Static imports: ../errors only.
 */
import { AbortError, InvalidInputError } from '../errors.js';
import type { WorkerPool } from './pool.js';

/** Options common to the facades that may run on a temporary pool. */
export interface LocalRunOptions<P> {
  workers?: number;
  onProgress?: (progress: P) => void;
  signal?: AbortSignal;
}

/**
 * Validates `{ workers?, onProgress?, signal? }` (the object itself must be an object, not null).
 * @throws InvalidInputError naming `options`, `onProgress`, `signal` or `workers` (an integer in [1, 1024]).
 */
export function checkRunOptions<P>(options: LocalRunOptions<P>): LocalRunOptions<P> {
  if (typeof options !== 'object' || options === null) throw new InvalidInputError(`options (${String(options)}) must be an object { workers?, onProgress?, signal? }`, { field: 'options', value: options });
  const { workers, onProgress, signal } = options;
  if (onProgress !== undefined && typeof onProgress !== 'function') throw new InvalidInputError(`onProgress (${String(onProgress)}) must be a function`, { field: 'onProgress', value: onProgress });
  if (signal !== undefined && !(typeof AbortSignal === 'function' && signal instanceof AbortSignal)) throw new InvalidInputError(`signal (${String(signal)}) must be an AbortSignal`, { field: 'signal', value: signal });
  if (workers !== undefined && (!Number.isInteger(workers) || workers < 1 || workers > 1024)) {
    throw new InvalidInputError(`workers (${String(workers)}) must be an integer in [1, 1024]`, { field: 'workers', value: workers, rule: 'integer in [1, 1024]' });
  }
  return options;
}

/** `<name> was aborted[: reason]`, the signal's reason (message of an Error, else its string) in the details. */
export function abortError(name: string, signal: AbortSignal | undefined): AbortError {
  const reason: unknown = signal?.reason;
  const why = reason instanceof Error ? reason.message : reason !== undefined ? String(reason) : '';
  return new AbortError(`${name} was aborted${why ? `: ${why}` : ''}`, why ? { reason: why } : {});
}

/** Resolves after the event loop has run (setImmediate, else a MessageChannel round trip, else setTimeout 0). */
function yieldToEventLoop(): Promise<void> {
  if (typeof setImmediate === 'function') return new Promise((resolve) => setImmediate(resolve));
  if (typeof MessageChannel === 'function') {
    return new Promise((resolve) => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => { ch.port1.close(); resolve(); };
      ch.port2.postMessage(null);
    });
  }
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Runs blocks `[0, blockCount)` on this thread in groups of `group` blocks: `runGroup(first, end)` for each
 * group in block order, then `afterGroup(end)` (progress), then, unless it was the last group, a yield to the
 * event loop and an abort check.
 * @param name the facade's name, for the AbortError message.
 * @throws (rejects with) AbortError `<name> was aborted…` when `signal` is aborted between groups; whatever
 *   `runGroup` or `afterGroup` throw.
 */
export async function runGroupsLocally(name: string, blockCount: number, group: number,
  runGroup: (first: number, end: number) => void, afterGroup: ((end: number) => void) | undefined,
  signal: AbortSignal | undefined): Promise<void> {
  for (let b = 0; b < blockCount; b += group) {
    const end = Math.min(b + group, blockCount);
    runGroup(b, end);
    if (afterGroup) afterGroup(end);
    if (end < blockCount) {
      await yieldToEventLoop();
      if (signal?.aborted) throw abortError(name, signal);
    }
  }
}

/**
 * Runs `run` on a temporary pool of `size` workers (./pool.ts `createPool`, imported on demand so the
 * single-threaded path never loads it) and closes the pool afterwards, whether `run` resolves or rejects.
 * @throws (rejects with) whatever `createPool` or `run` reject with (WorkerError, AbortError, InvalidInputError …).
 */
export async function onTemporaryPool<R>(size: number, run: (pool: WorkerPool) => Promise<R>): Promise<R> {
  const { createPool } = await import('./pool.js');
  const pool = await createPool({ size });
  try {
    return await run(pool);
  } finally {
    await pool.close();
  }
}

/** The pool call's options: `{ onProgress?, signal? }` with the absent ones left out. */
export function poolOptions<P>(onProgress: ((progress: P) => void) | undefined, signal: AbortSignal | undefined): { onProgress?: (progress: P) => void; signal?: AbortSignal } {
  return { ...(onProgress ? { onProgress } : {}), ...(signal ? { signal } : {}) };
}
