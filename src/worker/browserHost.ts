/**
 * Browser host: module Web Workers running `worker.js`, spoken to through comlink directly.
 * The `new Worker(new URL('./worker.js', import.meta.url), { type: 'module' })` form is kept
 * literal so that bundlers (Vite, webpack 5) find and emit the worker. Imports nothing from Node.
 *
 * Detected as crashes: a failed worker script load, an uncaught exception (`error` event) and an
 * undeliverable message (`messageerror`). A browser worker that closes itself silently has no
 * event for its owner, so it cannot be detected.
 */
import { wrap } from 'comlink';
import { WorkerError } from '../errors.js';
import type { WorkerApi } from './api.js';
import type { WorkerHandle, WorkerHost } from './host.js';

/** Starts one module worker. */
export function spawnBrowserWorker(): WorkerHandle {
  const worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
  let stopping = false;
  let fail!: (error: WorkerError) => void;
  const died = new Promise<never>((_, reject) => { fail = reject; });
  died.catch(() => undefined);
  const onFailure = (what: string, message: string): void => {
    if (stopping) return;
    stopping = true;
    worker.terminate(); // an errored browser worker may still be running: stop it for good
    fail(new WorkerError(`a tailguard worker failed (${what})${message ? `: ${message}` : ''}`, { event: what }));
  };
  worker.addEventListener('error', (event: ErrorEvent) => {
    event.preventDefault();
    onFailure('error', event.message ?? '');
  });
  worker.addEventListener('messageerror', () => onFailure('messageerror', 'a message could not be deserialised'));
  return {
    remote: wrap<WorkerApi>(worker),
    died,
    setBusy: () => undefined,
    async terminate() {
      stopping = true;
      worker.terminate();
    },
  };
}

/** The browser host. */
export const browserHost: WorkerHost = {
  spawn: spawnBrowserWorker,
  defaultSize: () => Math.max(1, Math.floor(globalThis.navigator?.hardwareConcurrency ?? 1) || 1),
};
