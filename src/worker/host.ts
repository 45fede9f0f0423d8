/**
 * How the pool starts and watches one worker, whatever the platform (`nodeHost.ts`,
 * `browserHost.ts`).
 */
import type { Remote } from 'comlink';
import type { WorkerApi } from './api.js';

/** One started worker. */
export interface WorkerHandle {
  /** The comlink proxy of the worker's API. */
  readonly remote: Remote<WorkerApi>;
  /**
   * Rejects with a WorkerError when the worker dies without being asked to (exit, uncaught
   * exception, failed start); never resolves. Calls in flight are raced against it, since comlink
   * itself never settles a call whose worker has gone.
   */
  readonly died: Promise<never>;
  /** Keeps the host process alive while the worker has work (Node `ref`/`unref`; no-op in browsers). */
  setBusy(busy: boolean): void;
  /** Stops the worker (no `died` rejection follows). */
  terminate(): Promise<void>;
}

/** Starts one worker. */
export type SpawnWorker = () => WorkerHandle;

/** The platform's worker starter and default pool size. */
export interface WorkerHost {
  spawn: SpawnWorker;
  /** Available cores (`os.availableParallelism()`, `navigator.hardwareConcurrency`), at least 1. */
  defaultSize(): number;
}
