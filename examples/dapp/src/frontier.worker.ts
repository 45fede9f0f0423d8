/**
 * A module worker for the protection frontier: `optimizeProtection` simulates its terminal prices and
 * evaluates every package synchronously (about a second for 20,000 paths), so the page runs it here,
 * off the UI thread, through comlink (the library's own dependency). Cancel = terminate the worker.
 */
import { expose } from 'comlink';
import { type OptimizeProtectionInput, init } from '../../../dist/index.js';
import { type FrontierResult, frontier } from './compute.js';

const api = {
  async frontier(input: OptimizeProtectionInput): Promise<FrontierResult> {
    await init(); // this worker's own WASM instance (the file next to the loader, emitted by Vite)
    return frontier(input);
  },
};
/** What the page calls through comlink. */
export type FrontierApi = typeof api;

expose(api);
