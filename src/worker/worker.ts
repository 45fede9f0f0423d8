/**
 * Browser worker entry (a module Web Worker): exposes {@link WorkerApi} on the worker's global
 * scope through comlink. Started by `browserHost.ts` as
 * `new Worker(new URL('./worker.js', import.meta.url), { type: 'module' })`.
 * Imports nothing from Node; `self.close()` serves the test-only `'exit'` crash.
 */
import { expose } from 'comlink';
import { createWorkerApi } from './api.js';
import { installErrorTransfer } from './errors.js';

installErrorTransfer();
expose(createWorkerApi({ exit: () => { (globalThis as unknown as { close(): void }).close(); } }));
